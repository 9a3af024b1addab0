"""Filters shared by every command that lists events."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .lazyre import lazy_compile
from .model import Event, RefDate
from .vocab import FINENESS

PRECISIONS = ("year", "month", "day")
_PRECISION_LEVEL = {"year": FINENESS["year"], "month": FINENESS["month"], "day": FINENESS["day"]}


class QueryError(ValueError):
    """A filter value that cannot be read; the message names an example of a valid one."""


@dataclass(frozen=True)
class Query:
    """The filters of a command, parsed: an event is kept when it passes all of them."""

    since: date | None = None
    until: date | None = None
    actors: tuple[str, ...] = ()  # entity ids or free names (matched on the Simplified view)
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    grep: str | None = None
    precision: str | None = None
    limit: int | None = None
    reverse: bool = False

    def apply(self, events: list[Event]) -> list[Event]:
        from .script import simplified_view

        grep = simplified_view(self.grep).casefold() if self.grep else None
        out = []
        for event in events:
            if not self._in_window(event):
                continue
            if self.types and event.type not in self.types:
                continue
            if self.statuses and event.status not in self.statuses:
                continue
            if self.precision and not precise_enough(event, self.precision):
                continue
            if self.actors and not self._has_actor(event):
                continue
            if grep and not _mentions(event, grep):
                continue
            out.append(event)
        if self.reverse:
            out.reverse()
        if self.limit is not None:
            out = out[: self.limit]
        return out

    def _in_window(self, event: Event) -> bool:
        start, end = event.date.start_date, event.date.end_date
        if self.since is None and self.until is None:
            return True
        if start is None and end is None:
            return False  # a date we could not place cannot be said to fall in the window
        if self.since is not None and (end or start) < self.since:
            return False
        if self.until is not None and (start or end) > self.until:
            return False
        return True

    def _has_actor(self, event: Event) -> bool:
        from .script import simplified_view

        ids = {a.id for a in event.actors}
        names = {simplified_view(a.name).casefold() for a in event.actors}
        for wanted in self.actors:
            if wanted in ids or simplified_view(wanted).casefold() in names:
                return True
        return False


def precise_enough(event: Event, precision: str) -> bool:
    """Whether the event's date is at least as fine as `precision`: its granularity is, its
    interval is no longer than one unit of it (a window of several days is not a day), and it
    is bounded on both sides (4月10日之前 and 2025年6月之後 are vaguer than any precision). A
    date without a known interval (XXXX-XX-XX) is not."""
    d = event.date
    if d.start_date is None or d.end_date is None or d.mod in _OPEN_MODS:
        return False
    if FINENESS.get(d.granularity or "", -1) < _PRECISION_LEVEL[precision]:
        return False
    length = (d.end_date - d.start_date).days + 1
    return length <= _MAX_DAYS[precision]


_MAX_DAYS = {"year": 366, "month": 31, "day": 1}
_OPEN_MODS = {"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"}


def _mentions(event: Event, needle: str) -> bool:
    from .script import simplified_view

    haystacks = [event.title] + [e.sentence for e in event.evidence] + [a.name for a in event.actors]
    return any(needle in simplified_view(h).casefold() for h in haystacks)


_ISO_PARTIAL = lazy_compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_ISO_PERIOD = lazy_compile(r"^(\d{4})-?(Q[1-4]|H[12]|W(?:0[1-9]|[1-4]\d|5[0-3]))$", re.IGNORECASE)


def _period(year: int, code: str) -> tuple[date, date]:
    """2025-Q3, 2025-H2, 2025-W39 (ISO week, Monday to Sunday) as intervals."""
    import calendar
    from datetime import timedelta

    kind, number = code[0].upper(), int(code[1:])
    if kind == "Q":
        first = 3 * number - 2
        return date(year, first, 1), date(year, first + 2, calendar.monthrange(year, first + 2)[1])
    if kind == "H":
        return (date(year, 1, 1), date(year, 6, 30)) if number == 1 else (date(year, 7, 1), date(year, 12, 31))
    monday = date.fromisocalendar(year, number, 1)
    return monday, monday + timedelta(days=6)


def parse_when(text: str, ref: RefDate | None, option: str) -> tuple[date, date]:
    """The interval a --since/--until value names: 2025, 2025-04, 2025-04-07, 2025年4月, 去年, Apr 2025."""
    import calendar

    value = text.strip()
    period = _ISO_PERIOD.match(value)
    if period:
        try:
            return _period(int(period.group(1)), period.group(2))
        except (ValueError, OverflowError):
            raise QueryError(f"{option} {text!r} is not a real period; e.g. {option} 2025-Q3") from None
    m = _ISO_PARTIAL.match(value)
    if m:
        year, month, day = (int(g) if g else None for g in m.groups())
        try:
            if day is not None:
                d = date(year, month, day)
                return d, d
            if month is not None:
                return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
            return date(year, 1, 1), date(year, 12, 31)
        except ValueError:
            raise QueryError(f"{option} {text!r} is not a real date; e.g. {option} 2025-04") from None
    from .timex.extract import extract

    found = extract(value, ref)
    mentions = [x for x in found if x.type in ("DATE", "TIME") and x.start_date and x.end_date]
    if mentions and mentions[0].text.strip() == value:
        return mentions[0].start_date, mentions[-1].end_date
    parsed = _dateutil_interval(value)
    if parsed is not None:
        return parsed
    if ref is not None and _reads_elsewhere(value):
        raise QueryError(f"{option} {text!r} counted from {ref.iso()} falls outside the years 1–9999; "
                         f"give an absolute date: e.g. {option} 2025-04")
    if ref is None and found and found[0].text.strip() == value:
        raise QueryError(f"{option} {text!r} is relative, and the articles give no reference date; "
                         f"give one with --ref-date, or an absolute date: e.g. {option} 2025-04")
    raise QueryError(f"{option} {text!r} is not a date I can read; e.g. {option} 2025-04, "
                     f"{option} 2025年4月 or {option} 去年")


def _reads_elsewhere(value: str) -> bool:
    """Whether `value` reads as a date against an ordinary reference (so only its own
    reference, near year 1 or 9999, kept it from being one)."""
    from .timex.extract import extract

    found = extract(value, RefDate(date(2000, 6, 15)))
    return bool(found) and found[0].text.strip() == value and found[0].start_date is not None


def _dateutil_interval(value: str) -> tuple[date, date] | None:
    """April 2025 → the whole month: parse twice with different defaults to see what was given."""
    import calendar
    from datetime import datetime

    from dateutil import parser as dateutil_parser

    try:
        a = dateutil_parser.parse(value, default=datetime(2000, 1, 1))
        b = dateutil_parser.parse(value, default=datetime(2001, 12, 28))
    except (ValueError, OverflowError):
        return None
    if a.year != b.year:
        return None  # no year given: too vague to filter on
    if a.month != b.month:
        return date(a.year, 1, 1), date(a.year, 12, 31)
    if a.day != b.day:
        last = calendar.monthrange(a.year, a.month)[1]
        return date(a.year, a.month, 1), date(a.year, a.month, last)
    return a.date(), a.date()
