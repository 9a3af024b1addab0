"""Trees of events: year → month → events, or grouped by actor, type or document.

By time, an event whose date lies inside one month goes under that month's node; any
other event hangs from its year, placed among the months by the day it is about:

- 2025年6月之后 (mod AFTER) by the last day of the period it follows: right after 6月;
- 2025年6月之前 (mod BEFORE) by the day before the period it precedes: after 5月;
- 2025年底 (mod END) by its last day: after 11月 and 12月;
- any other by its first day (2025年初, 2025年上半年), before a month that starts the same day.

Years come in the order of the events given; inside a year the same direction holds,
so a reversed timeline (--reverse) is reversed under each year too.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from datetime import date, timedelta

from ..model import Event
from ..script import convert
from .dates import human_date, label_in_hant
from .table import STATUS_STYLE

GROUPINGS = ("time", "actor", "type", "doc")


def _label(event: Event, script: str, label_script: str):
    from rich.text import Text

    d = event.date
    when = human_date(d.value, d.mod, d.granularity)
    if label_script == "hant":
        when = label_in_hant(when)
    text = Text.assemble((when, "bold"), "  ", convert(event.title, script), "  ",
                         (event.status, STATUS_STYLE.get(event.status, "")), "  ", (event.id, "dim"))
    return text


def _year_month(event: Event) -> tuple[str, str | None]:
    d = event.date
    if d.start_date is None:
        return "unknown year", None
    year = str(d.start_date.year)
    same_month = d.end_date is not None and (d.start_date.year, d.start_date.month) == (d.end_date.year, d.end_date.month)
    if d.granularity in ("month", "week", "day", "daypart", "hour", "minute") and same_month:
        return year, f"{d.start_date.month}月"
    return year, None


def _named_period(value: str) -> tuple[date, date] | None:
    """The year, month or day a value names (2025-06 → June 2025), or None for other values."""
    from ..timex.calendar import last_day

    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m or int(m[1]) == 0:
        return None
    year = int(m[1])
    try:
        if m[3]:
            day = date(year, int(m[2]), int(m[3]))
            return day, day
        if m[2]:
            month = int(m[2])
            return date(year, month, 1), date(year, month, last_day(year, month))
    except ValueError:
        return None
    return date(year, 1, 1), date(year, 12, 31)


def _place(event: Event) -> date:
    """The day an event hanging from its year is placed at, among the months (see the module's doc)."""
    d = event.date
    named = _named_period(d.value)
    if d.mod == "AFTER" and named:
        return named[1]
    if d.mod == "BEFORE" and named:
        return named[0] - timedelta(days=1) if named[0] > date.min else named[0]
    if d.mod == "END" and d.end_date is not None:
        return d.end_date
    return d.start_date or d.end_date or date.min


def _descending(events: list[Event]) -> bool:
    """Whether the events come latest first (timeline list --reverse)."""
    starts = [e.date.start_date for e in events if e.date.start_date is not None]
    return len(starts) > 1 and starts[0] > starts[-1]


def _time_tree(root, events: list[Event], script: str, label_script: str) -> None:
    """Year nodes in the order given; under each, months and year-level events by _place."""
    years: OrderedDict[str, list] = OrderedDict()
    months: dict[tuple[str, str], list[Event]] = {}
    for event in events:
        year, month = _year_month(event)
        children = years.setdefault(year, [])
        if month is None:
            when = _place(event) if event.date.start_date else date.max
            children.append((when, 0, len(children), event))
        elif (year, month) not in months:
            first = date(event.date.start_date.year, event.date.start_date.month, 1)
            months[(year, month)] = [event]
            children.append((first, 1, len(children), month))
        else:
            months[(year, month)].append(event)
    descending = _descending(events)
    for year, children in years.items():
        node = root.add(year, style="bold")
        ordered = sorted(children, key=lambda c: c[:3])
        for _, _, _, child in reversed(ordered) if descending else ordered:
            if isinstance(child, Event):
                node.add(_label(child, script, label_script))
                continue
            month_node = node.add(child, style="bold")
            for event in months[(year, child)]:
                month_node.add(_label(event, script, label_script))


def events_tree(events: list[Event], by: str = "time", script: str = "original", label_script: str = "hans",
                title: str = "timeline"):
    from rich.tree import Tree

    root = Tree(title, guide_style="dim")
    if by == "time":
        _time_tree(root, events, script, label_script)
        return root
    groups: OrderedDict[str, list[Event]] = OrderedDict()
    for event in events:
        for key in _keys(event, by, script):
            groups.setdefault(key, []).append(event)
    for key, members in groups.items():
        branch = root.add(f"{key} ({len(members)})", style="bold")
        for event in members:
            branch.add(_label(event, script, label_script))
    return root


def _keys(event: Event, by: str, script: str) -> list[str]:
    if by == "actor":
        return [convert(a.name, script) for a in event.actors] or ["(no actor)"]
    if by == "type":
        return [event.type]
    return list(dict.fromkeys(e.path for e in event.evidence))
