"""iCalendar (RFC 5545) for calendar apps: one VEVENT per dated event.

- UID is the event id + "@timeline-cli": stable, so importing again updates, not duplicates.
- Where an event lands (a calendar shows days and times, not "some time in 2025"):
  - a time of day (2025-11-20T10:00) is a DTSTART date-time in *floating* local time
    (no Z, no TZID): the article's zone is not known, and 上午10時 means 10:00 on the
    clock where it happened, which is what a floating time says. No DTEND: a moment.
  - a day (2025-11-20, also 凌晨 and other parts of a day) is an all-day entry on the day
    its value names (an approximate day's window does not move it).
  - a range of days (11月19日至21日) is one all-day entry over all its days.
  - anything coarser (a month, a quarter, a year, 年底, 6月之後, and ranges of months or
    years such as 2013–2018) is one all-day entry on the first day of its interval; the
    description gives the precision and the whole interval. A twelve-year tenure as a
    4,000-day block would bury a calendar.
  All-day entries give their length as DURATION (P1D, P3D) rather than DTEND, so that
  9999-12-31 needs no day after it; years are written with four digits (0001).
- DTSTAMP must be the same for the same input (tests compare outputs), so it is not the clock:
  it is the latest reference (publication) date of the inputs at 00:00 UTC, or
  19700101T000000Z when no input has one.
- Events without a start_date (year unknown, 某年4月) cannot be placed and are skipped.
- TRANSP:TRANSPARENT, so a twelve-year tenure does not show the reader as busy.
- Text is escaped (\\ ; , newline) and lines are folded at 75 octets without splitting a
  UTF-8 character (or an escape); lines end in CRLF.
"""

from __future__ import annotations

import re
from datetime import date

from ..model import Event
from .fields import actor_names, date_label, label_script, sentences, timeline_title, title

PRODID = "-//timeline-cli//timeline-cli//ZH"
_UNITS = re.compile(r"\\.|.", re.DOTALL)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # not allowed in TEXT; HTAB and LF are kept


def escape(text: str) -> str:
    """A TEXT value per RFC 5545 3.3.11."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(" ", text)
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\n", "\\n")


def fold(line: str, limit: int = 75) -> str:
    """The content line folded into physical lines of at most `limit` octets, CRLF-ended."""
    parts, current, size = [], [], 0
    for ch in _UNITS.findall(line):  # an escape (\\,) stays whole for lenient readers
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            parts.append("".join(current))
            current, size = [" "], 1  # a continuation line starts with one space
        current.append(ch)
        size += width
    parts.append("".join(current))
    return "".join(part + "\r\n" for part in parts)


_CLOCK = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})")
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DAY_GRANULARITIES = ("day", "daypart", "hour", "minute")


def ics_date(day: date) -> str:
    """YYYYMMDD, four-digit year even for year 1 (strftime's %Y gives "1" on some systems)."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def dtstamp(ctx) -> str:
    refs = [a.document.ref.date for a in ctx.analyses if a.document.ref is not None]
    return f"{ics_date(max(refs))}T000000Z" if refs else "19700101T000000Z"


def clock_time(value: str) -> str | None:
    """The floating DATE-TIME (20251120T100000) of a value with a valid clock time, else None."""
    m = _CLOCK.fullmatch(value)
    if not m:
        return None
    year, month, day, hour, minute = map(int, m.groups())
    try:
        date(year, month, day)
    except ValueError:
        return None
    if year < 1 or hour > 23 or minute > 59:
        return None
    return f"{year:04d}{month:02d}{day:02d}T{hour:02d}{minute:02d}00"


def named_day(value: str) -> date | None:
    """The day a value names (2025-11-20, 2025-11-20TNI), or None."""
    m = _DAY.match(value)
    if not m:
        return None
    try:
        return date(*map(int, m.groups()))
    except ValueError:
        return None


def placement(e: Event) -> tuple[list[str], str | None]:
    """(the DTSTART/DURATION lines, a note on the precision for the description or None)."""
    d = e.date
    clock = clock_time(d.value)
    if clock is not None:
        return [f"DTSTART:{clock}"], f"Time: {clock[9:11]}:{clock[11:13]}, the local time where it happened (zone not known)"
    start, end = d.start_date, d.end_date or d.start_date
    if d.granularity in _DAY_GRANULARITIES:
        if "/" in d.value:  # a range of days: every day of it
            first, last = min(start, end), max(start, end)
            return [f"DTSTART;VALUE=DATE:{ics_date(first)}", f"DURATION:P{(last - first).days + 1}D"], None
        return [f"DTSTART;VALUE=DATE:{ics_date(named_day(d.value) or start)}", "DURATION:P1D"], None
    kind = f"{d.granularity or 'unknown'} range" if "/" in d.value else (d.granularity or "unknown")
    note = f"Precision: {kind}, {start.isoformat()} to {end.isoformat()}; shown on its first day"
    return [f"DTSTART;VALUE=DATE:{ics_date(start)}", "DURATION:P1D"], note


def _description(e: Event, ctx, labels: str, note: str | None) -> str:
    lines = [
        f"Date: {date_label(e, labels)} ({e.date.certainty})",
        *([note] if note else []),
        f"Status: {e.status}",
        f"Type: {e.type}",
        f"Actors: {'、'.join(actor_names(e, ctx.script))}",
    ]
    said = sentences(e, ctx.script)
    if said:
        lines += ["", *said]
    return "\n".join(lines)


def events_ics(events: list[Event], ctx) -> str:
    labels = label_script(ctx)
    stamp = dtstamp(ctx)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:{escape(timeline_title(ctx))}"]
    for e in events:
        if e.date.start_date is None:
            continue
        when, note = placement(e)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{e.id}@timeline-cli",
            f"DTSTAMP:{stamp}",
            *when,
            f"SUMMARY:{escape(title(e, ctx.script))}",
            f"DESCRIPTION:{escape(_description(e, ctx, labels, note))}",
            f"CATEGORIES:{escape(e.type)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) for line in lines)
