"""A command's manual page as plain data, and its rendering as help text for the terminal.

`timeline --help`, `timeline COMMAND --help` and `timeline man` (render/man.py, roff)
all render the same `Page`, which `cli/helpformat.py` builds from the Typer/click
definitions. This module knows nothing about click and imports only `unicodedata`:
it is on the help path, which must stay fast.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import NamedTuple

# --- the page ------------------------------------------------------------------------------------


class Entry(NamedTuple):
    """One item of a list: an option, an argument, a command, an exit code, a variable.

    `names` are shown in bold (option names, a command), `metavar` underlined/italic.
    """

    names: tuple[str, ...]
    help: str
    metavar: str | None = None


class Example(NamedTuple):
    command: str
    description: str


class Page(NamedTuple):
    name: str                                    # "timeline" or "timeline list"
    summary: str                                 # one line, for NAME
    synopsis: tuple[str, ...]                    # usage lines, each starting with `name`
    description: tuple[str | tuple[str, ...], ...] = ()  # paragraphs; a tuple is verbatim lines
    commands: tuple[Entry, ...] = ()
    options: tuple[tuple[str | None, tuple[Entry, ...]], ...] = ()  # (group title or None, entries)
    examples: tuple[Example, ...] = ()
    exit_status: tuple[Entry, ...] = ()
    environment: tuple[Entry, ...] = ()
    see_also: tuple[str, ...] = ()               # page names: "timeline", "timeline-list"
    source: str = ""                             # "timeline-cli 0.1.0"

    @property
    def page_name(self) -> str:
        """The man page's name: `timeline list` → `timeline-list`."""
        return self.name.replace(" ", "-")


def man_summary(summary: str) -> str:
    """The NAME line's text: no final full stop, a lower-case start unless it is a name (LeCun, JSON)."""
    text = summary.rstrip().rstrip(".")
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        text = text[0].lower() + text[1:]
    return text


# --- display width and wrapping -------------------------------------------------------------------

def cell_width(text: str) -> int:
    """Terminal cells: CJK and other wide characters take two, combining marks none."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in "WF" else 1
    return width


_BREAK_AFTER = set("|/,，、。；：")


def _pieces(word: str) -> list[str]:
    """A word cut where a line may break inside it: after | / and CJK punctuation, around wide characters."""
    pieces, current = [], ""
    for i, char in enumerate(word):
        current += char
        following = word[i + 1] if i + 1 < len(word) else ""
        if char in _BREAK_AFTER or cell_width(char) == 2 or (following and cell_width(following) == 2):
            pieces.append(current)
            current = ""
    if current:
        pieces.append(current)
    return pieces


def wrap(text: str, width: int) -> list[str]:
    """Greedy wrap by display width; a word wider than a line is cut, never mid-character."""
    width = max(width, 8)
    lines: list[str] = []
    line, used = "", 0
    for word in text.split():
        w = cell_width(word)
        gap = 1 if line else 0
        if used + gap + w <= width:
            line, used = line + " " * gap + word, used + gap + w
            continue
        if w <= width:  # the whole word on the next line, CJK words too
            lines.append(line)
            line, used = word, w
            continue
        for k, piece in enumerate(_pieces(word)):  # fill the line with parts of the word
            pw = cell_width(piece)
            gap = 1 if k == 0 and line else 0
            if used + gap + pw > width and line:
                lines.append(line)
                line, used, gap = "", 0, 0
            while pw > width:  # a part still too long for a whole line: cut by characters
                head, hw = "", 0
                for char in piece:
                    if hw + cell_width(char) > width:
                        break
                    head, hw = head + char, hw + cell_width(char)
                lines.append(head)
                piece = piece[len(head):]
                pw = cell_width(piece)
            line, used = line + " " * gap + piece, used + gap + pw
    if line:
        lines.append(line)
    return lines or [""]


def wrap_command(command: str, width: int) -> list[str]:
    """A shell command over several lines ending in ` \\`, broken at spaces outside quotes.

    An option stays with its value and a redirection or pipe with what follows it,
    so `--format json` and `| jq …` are never split.
    """
    if cell_width(command) <= width:
        return [command]
    words, current, quote = [], "", None
    for char in command:
        if quote:
            quote = None if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == " ":
            words.append(current)
            current = ""
            continue
        current += char
    words.append(current)
    units: list[str] = []
    for word in words:
        previous = units[-1] if units else ""
        if previous in ("|", "<", ">", ">>") or (previous.startswith("-") and " " not in previous
                                                  and not word.startswith(("-", "|", "<", ">"))):
            units[-1] = f"{previous} {word}"
        else:
            units.append(word)
    lines, line = [], ""
    for unit in units:
        room = width - 2 - (CONTINUATION if lines else 0)  # room for " \\" and the continuation indent
        if line and cell_width(line) + 1 + cell_width(unit) > room:
            lines.append(line + " \\")
            line = unit
        else:
            line = f"{line} {unit}" if line else unit
    lines.append(line)
    return [lines[0], *(" " * CONTINUATION + rest for rest in lines[1:])]


CONTINUATION = 2


# --- help text for the terminal ---------------------------------------------------------------------

class Style(NamedTuple):
    bold: Callable[[str], str]
    underline: Callable[[str], str]


PLAIN = Style(bold=lambda s: s, underline=lambda s: s)
ANSI = Style(bold=lambda s: f"\x1b[1m{s}\x1b[22m" if s else s,
             underline=lambda s: f"\x1b[4m{s}\x1b[24m" if s else s)

INDENT, BODY = 4, 8


def as_text(page: Page, width: int = 80, style: Style = PLAIN) -> str:
    """The page as help text: the man page's sections, wrapped to `width` cells."""
    out: list[str] = []
    bold, under = style.bold, style.underline
    pad, body_pad = " " * INDENT, " " * BODY

    def heading(title: str) -> None:
        if out:
            out.append("")
        out.append(bold(title))

    def paragraph(text: str, indent: str = pad) -> None:
        out.extend(indent + line for line in wrap(text, width - len(indent)))

    def term(entry: Entry) -> str:
        names = ", ".join(bold(n) for n in entry.names)
        return f"{names} {under(entry.metavar)}" if entry.metavar else names

    def term_width(entry: Entry) -> int:
        return cell_width(", ".join(entry.names) + (f" {entry.metavar}" if entry.metavar else ""))

    def entries(items: tuple[Entry, ...], indent: str = pad) -> None:
        for entry in items:
            if term_width(entry) <= width - len(indent):
                out.append(indent + term(entry))
            else:  # a long metavar (a|b|c|…) goes on lines of its own
                out.append(indent + ", ".join(bold(n) for n in entry.names))
                out.extend(indent + "  " + under(line) for line in wrap(entry.metavar or "", width - len(indent) - 2))
            paragraph(entry.help, indent + " " * (BODY - INDENT))

    def table(items: tuple[Entry, ...]) -> None:
        """Short terms in a column, their text beside them (commands, exit codes)."""
        column = min(max(cell_width(", ".join(e.names)) for e in items) + 2, 18)
        for entry in items:
            name = ", ".join(entry.names)
            lines = wrap(entry.help, width - INDENT - column)
            if cell_width(name) + 2 > column:
                out.append(pad + bold(name))
                out.extend(pad + " " * column + line for line in lines)
                continue
            out.append(pad + bold(name) + " " * (column - cell_width(name)) + lines[0])
            out.extend(pad + " " * column + line for line in lines[1:])

    heading("NAME")
    paragraph(f"{page.name} - {man_summary(page.summary)}")
    heading("SYNOPSIS")
    for usage in page.synopsis:
        rest = usage[len(page.name):]
        lines = wrap(rest, width - INDENT - cell_width(page.name) - 1) if rest.strip() else [""]
        out.append(pad + bold(page.name) + (" " + lines[0] if lines[0] else ""))
        out.extend(pad + " " * (cell_width(page.name) + 1) + line for line in lines[1:])
    if page.description:
        heading("DESCRIPTION")
        for i, block in enumerate(page.description):
            if i:
                out.append("")
            if isinstance(block, tuple):
                out.extend(pad + "  " + line for line in block)
            else:
                paragraph(block)
    if page.commands:
        heading("COMMANDS")
        table(page.commands)
    if page.options:
        heading("OPTIONS")
        for i, (title, items) in enumerate(page.options):
            if title:
                if i:
                    out.append("")
                out.append(pad + bold(title))
            entries(items, pad + ("  " if title else ""))
    if page.examples:
        heading("EXAMPLES")
        for i, example in enumerate(page.examples):
            if i:
                out.append("")
            out.extend(pad + bold(line) for line in wrap_command(example.command, width - INDENT))
            paragraph(example.description, body_pad)
    if page.exit_status:
        heading("EXIT STATUS")
        table(page.exit_status)
    if page.environment:
        heading("ENVIRONMENT")
        table(page.environment)
    return "\n".join(line.rstrip() for line in out) + "\n"
