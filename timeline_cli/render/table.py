"""Rich tables for people at a terminal: events and mentions."""

from __future__ import annotations

from ..model import Event, Mention
from ..script import convert
from .dates import human_date

STATUS_STYLE = {"occurred": "green", "planned": "cyan", "predicted": "magenta",
                "reported": "yellow", "negated": "red"}


def date_label(value: str, mod: str | None, granularity: str | None, script: str) -> str:
    label = human_date(value, mod, granularity)
    return convert(label, "hant") if script == "hant" else label


def events_table(events: list[Event], script: str = "original", label_script: str = "hans"):
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=False, header_style="bold", expand=False)
    table.add_column("Date", no_wrap=True, style="bold")
    table.add_column("Event", ratio=3, overflow="fold")
    table.add_column("Type", no_wrap=True, style="dim")
    table.add_column("Actors", ratio=1, overflow="fold")
    table.add_column("Status", no_wrap=True)
    for event in events:
        d = event.date
        table.add_row(
            date_label(d.value, d.mod, d.granularity, label_script),
            convert(event.title, script),
            event.type,
            "、".join(convert(a.name, script) for a in event.actors),
            Text(event.status, style=STATUS_STYLE.get(event.status, "")),
        )
    return table


def mentions_table(path: str, mentions: list[Mention], script: str = "original"):
    from rich.table import Table

    table = Table(title=path, title_justify="left", header_style="bold", pad_edge=False)
    table.add_column("Id", style="dim", no_wrap=True)
    table.add_column("Span", no_wrap=True, style="dim")
    table.add_column("Text", overflow="fold")
    table.add_column("Type", no_wrap=True)
    table.add_column("Value", no_wrap=True, style="bold")
    table.add_column("Interval", no_wrap=True)
    table.add_column("Rule", overflow="fold", style="dim")
    for m in mentions:
        if m.start_date or m.end_date:
            interval = f"{m.start_date or '…'} … {m.end_date or '…'}"
        else:
            interval = ""
        value = m.value + (f" {m.mod}" if m.mod else "")
        if m.duration_max:
            value = f"{m.duration}…{m.duration_max}"
        table.add_row(m.id, f"{m.start}-{m.end}", convert(m.text, script), m.type, value, interval, m.rule)
    return table
