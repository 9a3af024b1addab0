"""Rich tables for people at a terminal: events and mentions."""

from __future__ import annotations

from ..model import Event, Mention
from ..script import convert
from .cjkwrap import WrappedText
from .dates import human_date, label_in_hant

STATUS_STYLE = {"occurred": "green", "planned": "cyan", "predicted": "magenta",
                "reported": "yellow", "negated": "red"}


def date_label(value: str, mod: str | None, granularity: str | None, script: str) -> str:
    label = human_date(value, mod, granularity)
    return label_in_hant(label) if script == "hant" else label


NARROW = 80  # below this many columns the Type column is left out so the rest still fits


class EventsTable:
    """The events table, laid out for the width it is drawn at."""

    def __init__(self, events: list[Event], script: str, label_script: str, sources: bool = False):
        self.events, self.script, self.label_script, self.sources = events, script, label_script, sources

    def __rich_console__(self, console, options):
        yield self.table(options.max_width)

    def table(self, width: int):
        from rich.table import Table
        from rich.text import Text

        with_type = width >= NARROW
        table = Table(show_lines=False, header_style="bold", expand=False)
        table.add_column("Date", no_wrap=True, style="bold")
        table.add_column("Event", ratio=3, min_width=12)
        if with_type:
            table.add_column("Type", no_wrap=True, style="dim")
        table.add_column("Actors", ratio=1, min_width=6)
        table.add_column("Status", no_wrap=True)
        if self.sources:
            table.add_column("Sources", ratio=1, min_width=8, style="dim")
        for event in self.events:
            d = event.date
            cells = [
                date_label(d.value, d.mod, d.granularity, self.label_script),
                WrappedText(convert(event.title, self.script)),
                WrappedText("、".join(convert(a.name, self.script) for a in event.actors)),
                Text(event.status, style=STATUS_STYLE.get(event.status, "")),
            ]
            if with_type:
                cells.insert(2, event.type)
            if self.sources:
                cells.append(WrappedText("、".join(source_names(event))))
            table.add_row(*cells)
        return table


def events_table(events: list[Event], script: str = "original", label_script: str = "hans",
                 sources: bool = False):
    """The events table; `sources` adds a column naming the files each event was told in."""
    return EventsTable(events, script, label_script, sources)


def source_names(event: Event) -> list[str]:
    """The file names (without folders) an event's evidence comes from, in order, once each."""
    import os

    return list(dict.fromkeys(os.path.basename(ev.path) or ev.path for ev in event.evidence))


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
