"""Trees of events: year → month → events, or grouped by actor, type or document."""

from __future__ import annotations

from collections import OrderedDict

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


def events_tree(events: list[Event], by: str = "time", script: str = "original", label_script: str = "hans",
                title: str = "timeline"):
    from rich.tree import Tree

    root = Tree(title, guide_style="dim")
    if by == "time":
        years: OrderedDict[str, tuple] = OrderedDict()
        for event in events:
            year, month = _year_month(event)
            if year not in years:
                years[year] = (root.add(year, style="bold"), OrderedDict())
            node, months = years[year]
            if month is None:
                node.add(_label(event, script, label_script))
            else:
                if month not in months:
                    months[month] = node.add(month, style="bold")
                months[month].add(_label(event, script, label_script))
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
