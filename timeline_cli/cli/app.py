"""The `timeline` command: a thin Typer layer over the library.

Commands live one per module; this file wires them up and owns the process's
manners: one-line errors, exit codes, quiet ends on a closed pipe or Ctrl-C.
Help is the man-style page of cli/helpformat.py, never Typer's Rich help: keep
everything imported here light (no opencc, timex or events) so --help stays fast.
"""

# ruff: noqa: E402 - the Ctrl-C handler for start-up goes in before the slow imports
from __future__ import annotations

import os
import signal
import sys


def _interrupted_early(signum, frame):
    raise SystemExit(130)  # Ctrl-C while starting up: no traceback from the middle of an import


try:  # until the end of this module; main() then catches KeyboardInterrupt itself
    _sigint = signal.signal(signal.SIGINT, _interrupted_early)
except ValueError:  # imported outside the main thread
    _sigint = None

import typer

from .. import __version__
from . import (
    actors_cmd,
    chart_cmd,
    explain_cmd,
    list_cmd,
    man_cmd,
    mentions_cmd,
    schema_cmd,
    show_cmd,
    tree_cmd,
)
from .common import EXIT_INPUT, EXIT_USAGE, PipeClosed, UsageError, say
from .help import ROOT_HELP
from .helpformat import HelpTyper

app = HelpTyper(
    name="timeline",
    help=ROOT_HELP,
    invoke_without_command=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    add_completion=True,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        print(f"timeline {__version__}")
        raise typer.Exit(0)


@app.callback()
def root(
    ctx: typer.Context,
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    if ctx.invoked_subcommand is None:
        command = ctx.command.get_command(ctx, "list")
        ctx.invoke(command)


for module in (list_cmd, mentions_cmd, explain_cmd, tree_cmd, show_cmd, actors_cmd, chart_cmd, schema_cmd, man_cmd):
    module.register(app)

if _sigint is not None:
    signal.signal(signal.SIGINT, _sigint)


def main(argv: list[str] | None = None) -> None:
    """Run the app; turn every way out into an exit code and at most one line on stderr."""
    try:
        from typer._click import exceptions as cx  # typer 0.2x ships its own click
    except ImportError:  # pragma: no cover - older typer on top of click
        import click.exceptions as cx

    try:
        code = app(args=argv, prog_name="timeline", standalone_mode=False)
    except UsageError as exc:
        say(str(exc))
        code = EXIT_USAGE
    except typer.Exit as exc:
        code = exc.exit_code
    except cx.UsageError as exc:
        hint = f" (see 'timeline {exc.ctx.info_name} --help')" if exc.ctx and exc.ctx.parent else " (see 'timeline --help')"
        say(f"{exc.format_message()}{hint}")
        code = EXIT_USAGE
    except cx.ClickException as exc:
        say(exc.format_message())
        code = exc.exit_code
    except typer.Abort:
        code = 130
    except (BrokenPipeError, PipeClosed):
        _silence_stdout()
        code = 141
    except KeyboardInterrupt:
        code = 130
    except OSError as exc:  # e.g. --output into a folder that does not exist
        reason = (exc.strerror or str(exc)).lower()
        say(f"{exc.filename}: {reason}" if exc.filename else reason)
        code = EXIT_INPUT
    except Exception as exc:  # a bug: one line, not a traceback, unless asked for
        if os.environ.get("TIMELINE_DEBUG"):
            raise
        say(f"internal error ({type(exc).__name__}: {exc}); please report it "
            f"(TIMELINE_DEBUG=1 shows the traceback)")
        code = EXIT_INPUT
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        code = 141
    sys.exit(code if isinstance(code, int) else 0)


def _silence_stdout() -> None:
    """After a reader closes the pipe, point stdout at /dev/null so the interpreter exits quietly."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
