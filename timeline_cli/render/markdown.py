"""A Markdown pipe table to paste into notes: Date | Event | Type | Actors | Status, nothing else.

One table rather than a table per year: the Date column already says the year, spans
(2013–2025年) belong to no single year, and one table sorts and pastes as a whole.
"""

from __future__ import annotations

from ..model import Event
from .fields import actor_names, date_label, label_script, title

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
    lines = [_row(HEADER), _row("---" for _ in HEADER)]
    for e in events:
        lines.append(_row(cell(x) for x in (
            date_label(e, labels), title(e, ctx.script), e.type,
            "、".join(actor_names(e, ctx.script)), e.status,
        )))
    return "".join(lines)
