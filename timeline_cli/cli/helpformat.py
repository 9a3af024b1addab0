"""Help that reads like a man page, built once from the Typer/click definitions.

`page_for` turns a click command (its docstring, arguments and options) into a
`render.page.Page`; `HelpGroup` and `HelpCommand` print that page for `--help`, and
`timeline man` renders the same page as roff. Typer's Rich help is never used: it
costs more to import than the whole rest of `timeline --help`.

A command's docstring is its page's text: the first paragraph is the one-line summary
(NAME), the following paragraphs the DESCRIPTION (a paragraph whose lines are all
indented is kept verbatim), and after a line `Examples:` come the EXAMPLES, each a
command line followed by its explanation indented below it. OPTIONS come from the
parameters; EXIT STATUS, ENVIRONMENT and the option groups from `cli/help.py`.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import MutableMapping

import typer
from typer.core import TyperCommand, TyperGroup

from .. import __version__
from ..render.page import ANSI, PLAIN, Entry, Example, Page, as_text
from . import help as texts

_EXAMPLES = re.compile(r"^Examples:\s*$", re.MULTILINE)
_TYPE_METAVARS = {int: "N", float: "NUMBER", str: "TEXT"}


# --- the page of a command ---------------------------------------------------------------------

def parse_doc(text: str | None) -> tuple[str, tuple, tuple[Example, ...]]:
    """(summary, description blocks, examples) of a docstring in the format above."""
    import inspect

    text = inspect.cleandoc(text or "")
    head, _, tail = _split_examples(text)
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", head.strip()) if p.strip()]
    summary = " ".join(paragraphs[0].split()) if paragraphs else ""
    blocks: list[str | tuple[str, ...]] = []
    for paragraph in paragraphs[1:]:
        lines = paragraph.splitlines()
        if all(line[:1] in (" ", "\t") for line in lines):
            blocks.append(tuple(inspect.cleandoc("\n".join(lines)).splitlines()))
        else:
            blocks.append(" ".join(paragraph.split()))
    return summary, tuple(blocks), _parse_examples(tail)


def _split_examples(text: str) -> tuple[str, str, str]:
    match = _EXAMPLES.search(text)
    if match is None:
        return text, "", ""
    return text[:match.start()], match.group(0), text[match.end():]


def _parse_examples(text: str) -> tuple[Example, ...]:
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return ()
    base = min(len(line) - len(line.lstrip()) for line in lines)
    examples: list[list[str]] = []
    for line in lines:
        if len(line) - len(line.lstrip()) == base:
            examples.append([line.strip(), ""])
        elif examples:
            examples[-1][1] = f"{examples[-1][1]} {line.strip()}".strip()
    return tuple(Example(command, description) for command, description in examples)


def _metavar(param) -> str | None:
    if param.param_type_name == "argument":
        name = (param.metavar or param.name.upper()).strip("[]")
        return name + ("..." if param.nargs == -1 else "")
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return None
    if param.metavar:
        return param.metavar
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    return _TYPE_METAVARS.get(annotation, "VALUE")


def _option_names(param) -> tuple[str, ...]:
    if param.param_type_name == "argument":
        return ()
    names = sorted(param.opts, key=lambda o: (o.startswith("--"), o))
    return (*names, *param.secondary_opts)


def _option_help(param) -> str:
    if param.name == "help":
        return "Show this help and exit (timeline man prints it as a manual page)."
    text = " ".join((getattr(param, "help", None) or "").split())
    default = param.default
    if getattr(param, "show_default", True) is False or "Default:" in text:
        return text
    if getattr(param, "is_flag", False):
        if default is True and param.secondary_opts:
            text += f" Default: {param.opts[0]}."
        return text
    if default not in (None, "", (), []) and not callable(default):
        text += f" Default: {default}."
    return text


def _entry(param) -> Entry:
    if param.param_type_name == "argument":  # listed by its metavar: PATHS..., TEXT
        return Entry((_metavar(param),), _option_help(param))
    return Entry(_option_names(param), _option_help(param), _metavar(param))


def _synopsis(command, name: str, params) -> str:
    pieces = [name]
    if any(p.param_type_name == "option" for p in params):
        pieces.append("[OPTIONS]")
    for param in params:
        if param.param_type_name != "argument":
            continue
        metavar = (param.metavar or param.name.upper()).strip("[]")
        piece = metavar if param.required else f"[{metavar}]"
        pieces.append(piece + ("..." if param.nargs == -1 else ""))
    if isinstance(command, TyperGroup):
        sub = "COMMAND [ARGS]..."
        pieces.append(f"[{sub}]" if command.invoke_without_command else sub)
    return " ".join(pieces)


def _grouped(entries: list[tuple[str, Entry]]) -> tuple[tuple[str | None, tuple[Entry, ...]], ...]:
    if len(entries) <= texts.GROUP_OPTIONS_OVER:
        return ((None, tuple(e for _, e in entries)),)
    groups: dict[str, list[Entry]] = {title: [] for title, _ in texts.OPTION_GROUPS}
    groups.setdefault(texts.OTHER_OPTIONS, [])
    for name, entry in entries:
        title = next((t for t, names in texts.OPTION_GROUPS if name in names), texts.OTHER_OPTIONS)
        groups[title].append(entry)
    return tuple((title, tuple(items)) for title, items in groups.items() if items)


def page_for(command, ctx) -> Page:
    """The manual page of `command`, as seen from `ctx` (whose command_path names it)."""
    name = ctx.command_path
    summary, description, examples = parse_doc(command.help)
    params = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    entries = [(p.name, _entry(p)) for p in params]
    commands: tuple[Entry, ...] = ()
    see_also: tuple[str, ...]
    if isinstance(command, TyperGroup):
        commands = tuple(Entry((sub_name,), parse_doc(help_text)[0])
                         for sub_name, (help_text, hidden) in _subcommands(command) if not hidden)
        see_also = tuple(f"{name} {entry.names[0]}".replace(" ", "-") for entry in commands)
    else:
        root = name.split(" ")[0]
        related = texts.RELATED.get(command.name or "", ())
        see_also = (root, *(f"{root}-{other}" for other in related))
    reads_inputs = isinstance(command, TyperGroup) or any(p.name == texts.INPUTS_PARAM for p in params)
    exit_status = tuple(Entry((str(code),), meaning) for code, meaning, needs_inputs in texts.EXIT_STATUS
                        if reads_inputs or not needs_inputs)
    environment = tuple(Entry((var,), meaning) for var, meaning in texts.ENVIRONMENT) \
        if isinstance(command, TyperGroup) else ()
    return Page(name=name, summary=summary, synopsis=(_synopsis(command, name, params),),
                description=description, commands=commands, options=_grouped(entries),
                examples=examples, exit_status=exit_status, environment=environment,
                see_also=see_also, source=f"timeline-cli {__version__}")


def _subcommands(group):
    """(name, (help, hidden)) of a group's commands, building none that are not built yet."""
    help_of = getattr(group.commands, "help_of", None)
    for name in group.commands:
        if help_of is not None:
            yield name, help_of(name)
        else:
            sub = group.commands[name]
            yield name, (sub.help, sub.hidden)


def all_pages(root_command, prog_name: str = "timeline") -> dict[str, Page]:
    """Every page, keyed by page name: `timeline`, then `timeline-list`, … in command order."""
    root_ctx = root_command.context_class(root_command, info_name=prog_name, **root_command.context_settings)
    pages = {prog_name: page_for(root_command, root_ctx)}
    for sub_name in root_command.list_commands(root_ctx):
        sub = root_command.get_command(root_ctx, sub_name)
        if sub is None or sub.hidden:
            continue
        ctx = sub.context_class(sub, info_name=sub_name, parent=root_ctx, **sub.context_settings)
        page = page_for(sub, ctx)
        pages[page.page_name] = page
    return pages


# --- printing it for --help ------------------------------------------------------------------------

_COLOR_META = "timeline.help.color"


def help_color(ctx) -> bool:
    """Bold and underline in help: --color always|never if given, else a terminal without NO_COLOR."""
    from .common import color_on

    return color_on(ctx.meta.get(_COLOR_META, "auto"))


def help_width(ctx) -> int:
    """The terminal's width (COLUMNS first), at most the app's max_content_width, at least 40."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 80
    return max(40, min(columns, ctx.max_content_width or 100))


def _remember_color(ctx, args: list[str]) -> None:
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--color" and i + 1 < len(args):
            ctx.meta[_COLOR_META] = args[i + 1]
        elif arg.startswith("--color="):
            ctx.meta[_COLOR_META] = arg.partition("=")[2]


def _resolved(function):
    """The function with its string annotations (from __future__) evaluated once, here.

    Typer evaluates them twice per command, compiling each string: a third of the
    time of `timeline --help`.
    """
    import typing

    try:
        function.__annotations__ = typing.get_type_hints(function, include_extras=True)
    except Exception:  # noqa: BLE001 - leave them to Typer, which will say what is wrong
        pass
    return function


class _ManHelp:
    """What HelpCommand and HelpGroup share: --help prints the man-style page."""

    def format_help(self, ctx, formatter) -> None:
        colored = help_color(ctx)
        if colored:
            ctx.color = True  # click's help callback strips escape codes unless told the colour is wanted
        formatter.write(as_text(page_for(self, ctx), help_width(ctx), ANSI if colored else PLAIN))

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        _remember_color(ctx, args)
        return super().parse_args(ctx, args)


class HelpCommand(_ManHelp, TyperCommand):
    pass


class LazyCommands(MutableMapping):
    """A group's commands by name, each turned into a click command when first looked up.

    Typer builds every command's parameters up front, which is a quarter of the time
    of `timeline --help`; a run needs one command, the root's help only their docstrings.
    """

    def __init__(self, infos: dict, rich_markup_mode, pretty_exceptions_short: bool):
        self._infos = infos
        self._built: dict = {}
        self._settings = {"rich_markup_mode": rich_markup_mode, "pretty_exceptions_short": pretty_exceptions_short}

    def __getitem__(self, name: str):
        if name not in self._built:
            if name not in self._infos:
                raise KeyError(name)
            from typer.main import get_command_from_info

            info = self._infos[name]
            _resolved(info.callback)
            self._built[name] = get_command_from_info(info, **self._settings)
        return self._built[name]

    def __setitem__(self, name: str, command) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        self._built.pop(name, None)
        self._infos.pop(name, None)

    def __iter__(self):
        return iter({**dict.fromkeys(self._infos), **dict.fromkeys(self._built)})

    def __len__(self) -> int:
        return len(set(self._infos) | set(self._built))

    def help_of(self, name: str) -> tuple[str | None, bool]:
        """(help text, hidden) of a command, without building it."""
        if name in self._built:
            return self._built[name].help, self._built[name].hidden
        info = self._infos[name]
        import inspect

        return (info.help if isinstance(info.help, str) else inspect.getdoc(info.callback)), bool(info.hidden)


class HelpGroup(_ManHelp, TyperGroup):
    lazy_commands: dict = {}  # name → typer CommandInfo, set by HelpTyper on a subclass
    pretty_exceptions_short = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.lazy_commands:
            lazy = LazyCommands(self.lazy_commands, self.rich_markup_mode, self.pretty_exceptions_short)
            for name, command in self.commands.items():
                lazy[name] = command
            self.commands = lazy

    def list_commands(self, ctx) -> list[str]:
        return list(self.commands)  # names only: building them is left to get_command


class HelpTyper(typer.Typer):
    """A Typer whose group and commands print man-style help, and build commands only when used."""

    def __init__(self, *args, **kwargs):
        self._lazy: dict = {}
        group = type("LazyHelpGroup", (HelpGroup,), {
            "lazy_commands": self._lazy,
            "pretty_exceptions_short": kwargs.get("pretty_exceptions_short", True)})
        kwargs.setdefault("cls", group)
        kwargs.setdefault("rich_markup_mode", None)
        super().__init__(*args, **kwargs)

    def command(self, name=None, *, cls=None, **kwargs):
        register = super().command(name, cls=cls or HelpCommand, **kwargs)

        def decorator(function):
            register(function)
            info = self.registered_commands.pop()  # kept here instead, built by LazyCommands
            self._lazy[info.name or function.__name__.lower().replace("_", "-")] = info
            return function

        return decorator

    def callback(self, *args, **kwargs):
        register = super().callback(*args, **kwargs)
        return lambda function: register(_resolved(function))
