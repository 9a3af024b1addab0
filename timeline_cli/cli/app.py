"""The `timeline` command: a thin Typer layer over the library.

Commands live one per module; this file wires them up and owns the process's
manners: one-line errors, exit codes, quiet ends on a closed pipe or Ctrl-C.
Help is the man-style page of cli/helpformat.py, never Typer's Rich help: keep
everything imported here light (no opencc, timex or events) so --help stays fast.
"""

from __future__ import annotations

import os
import re
import sys

import typer

from .. import __version__
from ..errors import ToolError
from . import (
    actors_cmd,
    chart_cmd,
    explain_cmd,
    index_cmd,
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


for module in (list_cmd, mentions_cmd, explain_cmd, tree_cmd, show_cmd, actors_cmd, chart_cmd, index_cmd, schema_cmd,
               man_cmd):
    module.register(app)

def main(argv: list[str] | None = None) -> None:
    """Run the app; turn every way out into an exit code and at most one line on stderr."""
    import click

    from .entry import Interrupted
    from .output import OutputError, remove_pending

    try:
        code = app(args=argv, prog_name="timeline", standalone_mode=False)
    except UsageError as exc:
        say(str(exc))
        code = EXIT_USAGE
    except ToolError as exc:
        say(str(exc))
        code = exc.exit_code
    except typer.Exit as exc:
        code = exc.exit_code
    except click.UsageError as exc:
        message = re.sub(r"( Did you mean [^?]*\?)\1", r"\1", exc.format_message())  # Typer and click both suggest
        say(f"{message} (see '{_help_for(exc, argv)} --help')")
        code = EXIT_USAGE
    except click.ClickException as exc:
        say(exc.format_message())
        code = exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        code = 130
    except Interrupted as exc:
        code = exc.code
    except (BrokenPipeError, PipeClosed):
        _silence_stdout()
        code = 141
    except OutputError as exc:
        say(f"--output {exc.filename!r} {exc.strerror}")
        code = EXIT_INPUT
    except OSError as exc:  # e.g. --output into a folder that went away
        reason = (exc.strerror or str(exc)).lower()
        say(f"{exc.filename}: {reason}" if exc.filename else reason)
        code = EXIT_INPUT
    except Exception as exc:  # a bug: one line, not a traceback, unless asked for
        if os.environ.get("TIMELINE_DEBUG"):
            raise
        say(f"internal error ({type(exc).__name__}: {exc}); please report it "
            f"(TIMELINE_DEBUG=1 shows the traceback)")
        code = EXIT_INPUT
    finally:
        remove_pending()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        code = 141
    except (OSError, ValueError, AttributeError):
        pass
    sys.exit(code if isinstance(code, int) else 0)


def _help_for(exc, argv: list[str] | None) -> str:
    """The command whose help answers a usage error: the subcommand's when one was named."""
    if exc.ctx is not None and exc.ctx.parent is not None:
        return exc.ctx.command_path
    args = sys.argv[1:] if argv is None else argv
    named = next((a for a in args if not a.startswith("-")), None)
    return f"timeline {named}" if named in app_commands() else "timeline"


def app_commands() -> set[str]:
    import typer.main

    return set(typer.main.get_command(app).list_commands(None))


def _silence_stdout() -> None:
    """After a reader closes the pipe, point stdout at /dev/null so the interpreter exits quietly."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
