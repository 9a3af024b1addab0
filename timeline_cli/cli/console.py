"""Rich consoles that respect --color, NO_COLOR and the terminal's width."""

from __future__ import annotations

import io
import os
import sys


def wants_color(color: str, stream) -> bool:
    if color == "always":
        return True
    if color == "never" or os.environ.get("NO_COLOR"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def terminal_width(default: int = 100) -> int:
    from rich.console import Console

    console = Console(file=sys.stdout)
    return console.width if console.is_terminal else int(os.environ.get("COLUMNS", default))


def render_rich(renderable, *, color: str = "auto", to_file: bool = False, width: int | None = None) -> str:
    """Render to a string for stdout or --output: colour codes only for a colour terminal."""
    from rich.console import Console

    colored = color == "always" if to_file else wants_color(color, sys.stdout)
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=colored, no_color=not colored,
                      color_system="standard" if colored else None,
                      width=width or (100 if to_file else terminal_width()), highlight=False)
    console.print(renderable)
    return buffer.getvalue()
