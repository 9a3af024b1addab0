"""What the commands share: options, reading inputs, reporting problems, writing output.

Everything heavy is imported inside the functions, so `timeline --help` stays fast.
"""

from __future__ import annotations

import os
import sys
from contextlib import closing
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
    typer.Option("--glob", metavar="PATTERN",
                 help="In folders, read only files matching PATTERN (e.g. '*.txt'; matched against the "
                      "file name and the path inside the folder). Default: .txt, .md, .html and no suffix."),
]
JobsOpt = Annotated[
    int,
    typer.Option("--jobs", "-j", metavar="N", min=0,
                 help="Read and analyse files in N worker processes (0: one per CPU). "
                      "The output is the same whatever N."),
]
def _stdout_dash(value: Path | None) -> Path | None:
    return None if value is not None and str(value) == "-" else value


OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", callback=_stdout_dash,
                 help="Write to FILE instead of stdout (atomically: never a half-written file); - is stdout."),
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
    merger: object = None  # events.merge.CrossMerger, fed as the analyses came in

    def timeline(self) -> list:
        """The events of every input, merged across inputs, in date order."""
        if self.merger is None:
            from ..pipeline import merge_timelines

            return merge_timelines(self.analyses)
        return self.merger.events()


def load(paths: list[str] | None, *, ref_date: str | None = None, encoding: str | None = None,
         glob: str | None = None, entities: Path | None = None, events: bool = True,
         quiet: bool = False, stdin=None, jobs: int = 1, mentions: str | None = None) -> Inputs:
    """Read and analyse every input, in order; problems are said on stderr and collected.

    Files are streamed in parts, so any size fits in bounded memory; `jobs` worker
    processes share the files (the result does not depend on it). The analyses come
    back without the documents' texts (see `pipeline.Analysis`). `mentions` says which
    mentions to keep: all, cited (by the events, as evidence or anchor) or none; by
    default all without events, cited with them: a timeline of a huge input must not
    keep every mention, and a command that shows no mention should ask for none.
    """
    from ..documents import InputError, expand_paths, seed_path
    from ..pipeline import Outcome, Settings, analyse_inputs

    settings = Settings(parse_ref_date(ref_date), events, _checked_entities(entities, events),
                        _checked_encoding(encoding), mentions=mentions or ("cited" if events else "all"))
    sources = list(expand_paths(paths, glob)) if paths else [seed_path()]
    files = [s for s in sources if not isinstance(s, InputError)]
    analyses, errors = [], []
    merger = None
    if events:
        from ..events.merge import CrossMerger

        merger = CrossMerger()  # merging as the analyses come in overlaps with the workers' reading
    # Worker processes start before the progress bar's threads do.
    outcomes = analyse_inputs(files, settings, jobs=_worker_count(jobs, len(files)), stdin=stdin)
    with closing(outcomes), _Progress(len(files), enabled=not quiet and _stderr_is_terminal()) as progress:
        for source in sources:
            if isinstance(source, InputError):
                outcome = Outcome(source.path, error=source)
            else:
                outcome = next(outcomes)
                progress.advance()
            if outcome.error is not None:
                errors.append(outcome.error)
                progress.say(f"{outcome.error.path}: {outcome.error.reason}; skipped")
                continue
            analyses.append(outcome.analysis)
            if merger is not None:
                merger.add(outcome.analysis.events)
            if not quiet:
                _say_reference(outcome.analysis, progress.say)
    return Inputs(analyses, errors, merger)


class PartStream:
    """The inputs' mentions part by part, for commands that write as they read: iterate
    to get (document number, Analysis of one part); nothing is kept but a count per
    document, so a huge input's mentions never have to be held whole.

    After the iteration: `documents` ([Document, mention count], in order) and `errors`.
    Parts of a document come in order and carry its offsets and mention ids.
    """

    def __init__(self, paths: list[str] | None, *, ref_date: str | None = None, encoding: str | None = None,
                 glob: str | None = None, quiet: bool = False, stdin=None, jobs: int = 1):
        from ..documents import InputError, expand_paths, seed_path
        from ..pipeline import Settings

        self.settings = Settings(parse_ref_date(ref_date), False, None, _checked_encoding(encoding), mentions="all")
        self.sources = list(expand_paths(paths, glob)) if paths else [seed_path()]
        self.files = [s for s in self.sources if not isinstance(s, InputError)]
        self.quiet, self.stdin, self.jobs = quiet, stdin, jobs
        self.documents: list[list] = []
        self.errors: list = []

    def __iter__(self):
        from ..documents import InputError
        from ..pipeline import analyse_inputs_in_parts

        per_file = analyse_inputs_in_parts(self.files, self.settings, jobs=_worker_count(self.jobs, len(self.files)),
                                           stdin=self.stdin)
        with closing(per_file), _Progress(len(self.files), enabled=not self.quiet and _stderr_is_terminal()) as progress:
            for source in self.sources:
                if isinstance(source, InputError):
                    self._skip(source, progress, "skipped")
                    continue
                started = False
                for outcome in next(per_file):
                    if outcome.error is not None:
                        self._skip(outcome.error, progress, "the rest skipped" if started else "skipped")
                        break
                    analysis = outcome.analysis
                    if not started:
                        started = True
                        self.documents.append([analysis.document, 0])
                        if not self.quiet:
                            _say_reference(analysis, progress.say)
                    self.documents[-1][1] += len(analysis.mentions)
                    yield len(self.documents) - 1, analysis
                progress.advance()

    def _skip(self, error, progress, what: str) -> None:
        self.errors.append(error)
        progress.say(f"{error.path}: {error.reason}; {what}")


def _checked_entities(entities: Path | None, events: bool) -> Path | None:
    """The --entities file, read here once so that a broken one is a usage error, not one per input."""
    if entities is not None and not entities.is_file():
        fail_usage(f"--entities {str(entities)!r}: no such file; give a TOML file of [[entity]] tables")
    if events:
        from ..events.entities import EntityFileError
        from ..pipeline import entity_table

        try:
            entity_table(entities)
        except EntityFileError as exc:
            fail_usage(f"{exc} (see the README on entity files)")
    return entities


def _checked_encoding(encoding: str | None) -> str | None:
    import codecs

    if encoding is None:
        return None
    try:
        codecs.lookup(encoding)
    except LookupError:
        fail_usage(f"--encoding {encoding!r} is not an encoding Python knows; e.g. --encoding big5 "
                   f"or --encoding gb18030")
    return encoding


def _worker_count(jobs: int, files: int) -> int:
    if jobs < 0:
        fail_usage(f"--jobs {jobs} must be 0 (one per CPU) or more; e.g. --jobs 4")
    if jobs == 0:
        jobs = os.cpu_count() or 1
    return max(1, min(jobs, files))


def _say_reference(analysis, tell) -> None:
    path, ref = analysis.document.path, analysis.document.ref
    if ref is not None and ref.source == "inferred":
        tell(f"{path}: no reference date given; inferred {ref.iso()} from {ref.evidence} "
             f"(set one with --ref-date)")
    elif ref is None and _has_unresolved(analysis):
        tell(f"{path}: no reference date found; relative dates stay unresolved (use --ref-date)")


def _has_unresolved(analysis) -> bool:
    """Whether a date of the analysis needed the reference date it lacked (XXXX-04, XXXX-XX-XX)."""
    values = [m.value for m in analysis.mentions] + [e.date.value for e in analysis.events]
    return any(value.startswith("XXXX") for value in values)


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


class _Progress:
    """A progress bar on stderr for reads that take more than a moment; messages go above it.

    Shown only when enabled (stderr a terminal, no --quiet) and only after `DELAY`
    seconds, so quick runs never flash it; it is erased when reading ends.
    """

    DELAY = 0.5

    def __init__(self, total: int, *, enabled: bool):
        self._bar = None
        self._total = total
        self._enabled = enabled and total > 0

    def __enter__(self) -> _Progress:
        if self._enabled:
            import threading

            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TimeElapsedColumn,
            )

            self._console = Console(file=sys.stderr)
            self._bar = Progress(SpinnerColumn(), "reading", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                                 console=self._console, transient=True)
            self._task = self._bar.add_task("reading", total=self._total)
            self._lock = threading.Lock()
            self._closed = False
            self._timer = threading.Timer(self.DELAY, self._show)
            self._timer.daemon = True
            self._timer.start()
        return self

    def _show(self) -> None:
        with self._lock:
            if not self._closed:
                self._bar.start()

    def advance(self) -> None:
        if self._bar is not None:
            self._bar.advance(self._task)

    def say(self, message: str) -> None:
        if self._bar is None:
            say(message)
        else:
            self._console.print(f"timeline: {message}", markup=False, highlight=False, soft_wrap=True)

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._timer.cancel()
            with self._lock:
                self._closed = True
                self._bar.stop()


# --- stdout or --output -----------------------------------------------------------------------

def write_output(text: str, output: Path | None) -> None:
    """Print, or replace FILE atomically: a temporary file beside it, renamed into place."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    write_atomic(output, text.encode("utf-8"))


class PipeClosed(Exception):
    """The reader of stdout went away (| head). Not an OSError: click would turn that into exit 1."""


class _Stdout:
    def write(self, text: str) -> None:
        try:
            sys.stdout.write(text)
        except BrokenPipeError:
            raise PipeClosed from None

    def flush(self) -> None:
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            raise PipeClosed from None


class open_output:  # noqa: N801 - used like open()
    """Where a command writes as it goes: stdout, or FILE replaced atomically when the
    writing ends well (an error or Ctrl-C leaves FILE as it was, and no temporary file)."""

    def __init__(self, output: Path | None):
        self.output = output

    def __enter__(self):
        if self.output is None:
            return _Stdout()
        self.output, fd, self._temp = temp_beside(self.output)
        self._handle = os.fdopen(fd, "w", encoding="utf-8", newline="")
        return self._handle

    def __exit__(self, kind, error, traceback) -> None:
        if self.output is None:
            if kind is None:
                _Stdout().flush()
            return
        done = False
        try:
            if kind is None:
                self._handle.flush()
                os.fsync(self._handle.fileno())
            self._handle.close()
            if kind is None:
                os.replace(self._temp, self.output)
                done = True
        finally:
            if not done:
                try:
                    os.unlink(self._temp)
                except OSError:
                    pass


def write_atomic(path: Path, data: bytes) -> None:
    path, fd, temp = temp_beside(path)
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


def temp_beside(path: Path) -> tuple[Path, int, str]:
    """(the file to replace, fd, name) of a new temporary file beside it, with the mode a new
    file gets (not mkstemp's 0600). A symlink is followed: its target is what gets replaced.
    Errors name the file asked for, not the temporary one."""
    import errno
    import tempfile

    if path.is_symlink():
        path = Path(os.path.realpath(path))
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temp, 0o666 & ~umask)
    return path, fd, temp


def exit_code(inputs: Inputs) -> int:
    return EXIT_INPUT if inputs.errors else EXIT_OK


# Extensions that say which format a file given to --output wants, when --format is not given.
_SUFFIX_FORMATS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".md": "markdown",
                   ".markdown": "markdown", ".ics": "ics", ".tsv": "plain"}


def default_format(output: Path | None, formats: tuple[str, ...]) -> str:
    """--format when it is not given: the one FILE's extension names (out.csv → csv), else
    table at a terminal or into a file, plain in a pipe."""
    if output is not None:
        named = _SUFFIX_FORMATS.get(output.suffix.lower())
        return named if named in formats else "table"
    return "table" if stdout_is_terminal() else "plain"


def stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False
