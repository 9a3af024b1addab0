"""Rich renderables drawn to text for stdout or --output, by the one colour rule (common.color_on)."""

from __future__ import annotations

import io
import os
import sys


def terminal_width(default: int = 100) -> int:
    """COLUMNS, else the terminal's width, else `default` (a pipe or a file)."""
    try:
        return max(20, int(os.environ["COLUMNS"]))
    except (KeyError, ValueError):
        pass
    try:
        if sys.stdout.isatty():
            return os.get_terminal_size(sys.stdout.fileno()).columns
    except (AttributeError, ValueError, OSError):
        pass
    return default


WHOLE_LINES_WIDTH = 100_000  # wide enough that no line is ever wrapped or cut


def render_rich(renderable, out, *, width: int | None = None, wrap: bool = True) -> str:
    """Render to a string for stdout or --output: colour codes only where the colour rule says.

    wrap=False keeps each line whole where lines are not wrapped (see wraps: a pipe or a
    file), so a program reading it gets one line per item; at a terminal they still wrap."""
    from rich.console import Console

    from .common import color_on

    whole_lines = not wrap and not wraps(out)
    colored = color_on(out.color, to_file=out.to_file)
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=colored, no_color=not colored,
                      color_system="standard" if colored else None,
                      width=WHOLE_LINES_WIDTH if whole_lines else width or (100 if out.to_file else terminal_width()),
                      highlight=False, markup=False, emoji=False)  # text from articles and file names is never markup
    console.print(renderable)
    if whole_lines:  # Rich pads some renderables to the console's width
        return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())
    return buffer.getvalue()


def wraps(out) -> bool:
    """Whether long lines are wrapped to the width: only at a terminal."""
    from .common import stdout_is_terminal

    return not out.to_file and stdout_is_terminal()
