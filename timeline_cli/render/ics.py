"""iCalendar (RFC 5545) for calendar apps: one all-day VEVENT per dated event.

- UID is the event id + "@timeline-cli": stable, so importing again updates, not duplicates.
- DTSTART is start_date; DTEND is end_date + 1 day (DTEND is exclusive).
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
from datetime import timedelta

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


def dtstamp(ctx) -> str:
    refs = [a.document.ref.date for a in ctx.analyses if a.document.ref is not None]
    return f"{max(refs):%Y%m%d}T000000Z" if refs else "19700101T000000Z"


def _description(e: Event, ctx, labels: str) -> str:
    lines = [
        f"Date: {date_label(e, labels)} ({e.date.certainty})",
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
        start = e.date.start_date
        if start is None:
            continue
        end = (e.date.end_date or start) + timedelta(days=1)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{e.id}@timeline-cli",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{end:%Y%m%d}",
            f"SUMMARY:{escape(title(e, ctx.script))}",
            f"DESCRIPTION:{escape(_description(e, ctx, labels))}",
            f"CATEGORIES:{escape(e.type)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) for line in lines)
