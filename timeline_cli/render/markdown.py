"""A Markdown pipe table to paste into notes: Date | Event | Type | Actors | Status, and Sources
(the files each event was told in) when several articles were read.

One table rather than a table per year: the Date column already says the year, spans
(2013–2025年) belong to no single year, and one table sorts and pastes as a whole.
"""

from __future__ import annotations

import os

from ..model import Event
from .fields import actor_names, date_label, label_script, source_paths, title

HEADER = ("Date", "Event", "Type", "Actors", "Status")


def cell(text: str) -> str:
    """Cell text that cannot break the table: \\ and | escaped, line breaks as <br>."""
    text = text.replace("\\", "\\\\").replace("|", "\\|")
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    return text.replace("\n", "<br>")


def _row(cells) -> str:
    return "| " + " | ".join(cells) + " |\n"


def events_markdown(events: list[Event], ctx) -> str:
    labels = label_script(ctx)
    sources = len(ctx.analyses) > 1
    header = HEADER + ("Sources",) if sources else HEADER
    lines = [_row(header), _row("---" for _ in header)]
    for e in events:
        cells = [date_label(e, labels), title(e, ctx.script), e.type, "、".join(actor_names(e, ctx.script)), e.status]
        if sources:
            cells.append("; ".join(os.path.basename(p) or p for p in source_paths(e)))
        lines.append(_row(cell(x) for x in cells))
    return "".join(lines)
