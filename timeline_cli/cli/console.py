"""Rich consoles that respect --color, NO_COLOR and the terminal's width."""

from __future__ import annotations

import io
import os
import sys

WHOLE_LINES_WIDTH = 100_000  # wide enough that no line is ever wrapped or cut


def is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def wants_color(color: str, stream) -> bool:
    if color == "always":
        return True
    if color == "never" or os.environ.get("NO_COLOR"):
        return False
    return is_terminal(stream)


def terminal_width(default: int = 100) -> int:
    from rich.console import Console

    console = Console(file=sys.stdout)
    return console.width if console.is_terminal else int(os.environ.get("COLUMNS", default))


def render_rich(renderable, *, color: str = "auto", to_file: bool = False, width: int | None = None,
                wrap: bool = True) -> str:
    """Render to a string for stdout or --output: colour codes only for a colour terminal.

    wrap=False keeps each line whole when the text goes to a file or a pipe (a program
    reading it gets one line per item); at a terminal, lines still wrap to its width."""
    from rich.console import Console

    colored = color == "always" if to_file else wants_color(color, sys.stdout)
    whole_lines = not wrap and (to_file or not is_terminal(sys.stdout))
    if whole_lines:
        width = WHOLE_LINES_WIDTH
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=colored, no_color=not colored,
                      color_system="standard" if colored else None,
                      width=width or (100 if to_file else terminal_width()), highlight=False)
    console.print(renderable)
    if whole_lines:  # Rich pads some renderables to the console's width
        return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())
    return buffer.getvalue()
