"""What the commands share: options, reading inputs, reporting problems, writing output.

Everything heavy is imported inside the functions, so `timeline --help` stays fast.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2

# --- options shared by several commands -----------------------------------------------------

Paths = Annotated[
    list[str] | None,
    typer.Argument(help="Articles to read: files, folders (walked recursively) or - for stdin. "
                        "Default: the embedded seed article.", show_default=False),
]
RefDateOpt = Annotated[
    str | None,
    typer.Option("--ref-date", "-r", metavar="YYYY-MM-DD",
                 help="Publication date that relative words (今年, 去年, 上週三) resolve against. "
                      "Default: the sidecar <file>.meta.toml, else a dateline, else inferred."),
]
ScriptOpt = Annotated[
    str,
    typer.Option("--script", metavar="original|hant|hans",
                 help="Script of titles and sentences in the output: as written, Traditional "
                      "(Taiwan phrases) or Simplified."),
]
EntitiesOpt = Annotated[
    Path | None,
    typer.Option("--entities", metavar="FILE",
                 help="Extra entities and aliases (TOML, see README). Also read: "
                      "$XDG_CONFIG_HOME/timeline-cli/entities.toml."),
]
EncodingOpt = Annotated[
    str | None,
    typer.Option("--encoding", metavar="NAME", help="Decode inputs with this encoding (e.g. big5, gb18030) "
                                                  "instead of detecting it."),
]
GlobOpt = Annotated[
    str | None,
    typer.Option("--glob", metavar="PATTERN", help="In folders, read only files matching PATTERN (e.g. '*.txt')."),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE",
                 help="Write to FILE instead of stdout (atomically: never a half-written file)."),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Only errors on stderr.")]


class UsageError(Exception):
    """A bad option value: one line on stderr, exit 2."""


def fail_usage(message: str) -> None:
    raise UsageError(message)


def parse_ref_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        fail_usage(f"--ref-date {value!r} is not a date; use YYYY-MM-DD, e.g. --ref-date 2025-11-20")
    return None


def check_choice(option: str, value: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        fail_usage(f"{option} {value!r} is not one of {', '.join(choices)}; e.g. {option} {choices[0]}")
    return value


# --- stderr ------------------------------------------------------------------------------------

def say(message: str) -> None:
    """One line for the user on stderr."""
    print(f"timeline: {message}", file=sys.stderr)


@dataclass
class Inputs:
    analyses: list
    errors: list


def load(paths: list[str] | None, *, ref_date: str | None = None, encoding: str | None = None,
         glob: str | None = None, entities: Path | None = None, events: bool = True,
         quiet: bool = False, stdin=None) -> Inputs:
    """Read and analyse every input; problems are reported on stderr and collected."""
    from ..documents import DecodeError, InputError, expand_paths, read_raw, seed_path
    from ..pipeline import analyse

    option = parse_ref_date(ref_date)
    if entities is not None and not entities.is_file():
        fail_usage(f"--entities {str(entities)!r}: no such file; give a TOML file of [[entity]] tables")
    sources = list(expand_paths(paths, glob)) if paths else [seed_path()]
    analyses, errors = [], []
    for source in sources:
        if isinstance(source, InputError):
            errors.append(source)
            say(f"{source.path}: {source.reason}")
            continue
        try:
            raw = read_raw(source, encoding=encoding, stdin=stdin)
        except (OSError, DecodeError) as exc:
            reason = exc.strerror.lower() if isinstance(exc, OSError) and exc.strerror else str(exc)
            error = InputError(str(source), reason)
            errors.append(error)
            say(f"{error.path}: {error.reason}, skipped")
            continue
        if not raw.text.strip():
            errors.append(InputError(raw.path, "empty file"))
            say(f"{raw.path}: empty file, skipped")
            continue
        analysis = analyse(raw, option, events=events, entities_file=entities)
        ref = analysis.document.ref
        if not quiet and ref is not None and ref.source == "inferred":
            say(f"{raw.path}: no reference date given; inferred {ref.iso()} from {ref.evidence} "
                f"(set one with --ref-date)")
        elif not quiet and ref is None:
            say(f"{raw.path}: no reference date found; relative dates stay unresolved (use --ref-date)")
        analyses.append(analysis)
    return Inputs(analyses, errors)


# --- stdout or --output -----------------------------------------------------------------------

def write_output(text: str, output: Path | None) -> None:
    """Print, or replace FILE atomically: a temporary file beside it, renamed into place."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    write_atomic(output, text.encode("utf-8"))


def write_atomic(path: Path, data: bytes) -> None:
    import tempfile

    folder = path.parent if str(path.parent) else Path(".")
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


def exit_code(inputs: Inputs) -> int:
    return EXIT_INPUT if inputs.errors else EXIT_OK


def stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False
