"""What the commands share: reading inputs, reporting problems, choosing and writing output.

Everything heavy is imported inside the functions, so `timeline --help` stays fast.
"""

from __future__ import annotations

import os
import stat
import sys
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import date, time

from ..script import SCRIPTS
from .options import COLORS, MERGES, Manners, Output, Reading

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A bad option value: one line on stderr, exit 2."""


def fail_usage(message: str) -> None:
    raise UsageError(message)


def check_choice(option: str, value: str | None, choices: tuple[str, ...]) -> str:
    """The choice `value` names, in any case; a usage error names the choices."""
    if value is not None:
        for choice in choices:
            if value.strip().lower() == choice.lower():
                return choice
    shown = "''" if value == "" else repr(value)
    fail_usage(f"{option} {shown} is not one of {', '.join(choices)}; e.g. {option} {choices[0]}")
    return ""


def say(message: str) -> None:
    """One line for the user on stderr, with anything that could drive the terminal escaped."""
    from ..textsafe import printable

    try:
        print(f"timeline: {printable(message)}", file=sys.stderr)
    except (OSError, ValueError, AttributeError):
        pass  # stderr closed: nowhere to say it


# --- the reference date --------------------------------------------------------------------------

def parse_ref_date(value: str | None) -> tuple[date, time | None] | None:
    """--ref-date: one day (2025-11-20, 2025年11月20日, 20251120) or a date-time with an offset
    (2025-11-20T08:30+08:00, whose date and clock are taken as written there)."""
    if value is None:
        return None
    text = value.strip()
    example = "e.g. --ref-date 2025-11-20 or --ref-date 2025-11-20T08:30+08:00"
    if "T" in text or (" " in text and ":" in text):
        from datetime import datetime

        try:
            moment = datetime.fromisoformat(text.replace(" ", "T", 1))
        except ValueError:
            fail_usage(f"--ref-date {value!r} is not a date or date-time I can read; {example}")
        return moment.date(), moment.time().replace(tzinfo=None)
    from ..query import QueryError, parse_when

    try:
        start, end = parse_when(text, None, "--ref-date")
    except QueryError:
        fail_usage(f"--ref-date {value!r} is not a date I can read; {example}")
    if start != end:
        fail_usage(f"--ref-date {value!r} names a span ({start} … {end}), not one day; {example}")
    return start, None


# --- reading ---------------------------------------------------------------------------------------

@dataclass
class Inputs:
    """What the inputs gave: the analyses, the problems, and how to merge the events."""

    analyses: list
    errors: list
    merge: str = "auto"
    merger: object = None  # events.merge.CrossMerger, fed as the analyses came in

    def timeline(self, query=None) -> list:
        """The events of every input, merged across inputs (unless --merge none), in date order.
        (An index uses `query` to read fewer; here every event is at hand anyway.)"""
        if self.merger is not None:
            return self.merger.events()
        from ..events.merge import sort_events

        return sort_events([event for a in self.analyses for event in a.events])

    def mentions_for(self, event) -> dict:
        """The mentions of the documents an event was told in, by (path, mention id)."""
        return {(a.document.path, m.id): m for a in self.analyses for m in a.mentions}

    def find(self, event_id: str) -> list:
        """The events whose id is `event_id`, else those it begins."""
        events = self.timeline()
        return [e for e in events if e.id == event_id] or [e for e in events if e.id.startswith(event_id)]


def part_stream(read: Reading, manners: Manners):
    """The inputs' mentions part by part (PartStream), from the files or from an index."""
    if read.parquet:
        from .dataset import DatasetPartStream

        return DatasetPartStream(read, manners)
    if read.db:
        from .indexed import IndexPartStream

        return IndexPartStream(read, manners)
    return PartStream(read, manners)


def sources_of(read: Reading) -> list[str]:
    """The inputs as given; with none, standard input when it is a pipe or a file, else the seed."""
    if read.paths:
        return list(read.paths)
    return ["-"] if stdin_has_data() else []


def stdin_has_data() -> bool:
    """Whether standard input is a pipe, FIFO, socket or regular file (not a terminal, not
    /dev/null or another device, not closed): `cat a.txt | timeline list` reads it."""
    try:
        mode = os.fstat(0).st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISREG(mode) or stat.S_ISSOCK(mode)


def settings_for(read: Reading, *, events: bool, mentions: str):
    from ..pipeline import Settings

    reference = parse_ref_date(read.ref_date)
    check_choice("--merge", read.merge, MERGES)
    return Settings(reference[0] if reference else None, events,
                    checked_entities(read.entities) if events else None, checked_encoding(read.encoding),
                    mentions=mentions, ref_clock=reference[1] if reference else None)


def expanded(read: Reading) -> list:
    from ..documents import expand_paths, seed_path

    given = sources_of(read)
    return list(expand_paths(given, read.glob, read.fields())) if given else [seed_path()]


def load(read: Reading, manners: Manners, *, events: bool = True, mentions: str | None = None,
         stdin=None) -> Inputs:
    """Read and analyse every input, in order; problems are said on stderr and collected.

    Files are streamed in parts, so any size fits in bounded memory; `jobs` worker
    processes share the files (the result does not depend on it). The analyses come
    back without the documents' texts (see `pipeline.Analysis`). `mentions` says which
    mentions to keep: all, cited (by the events, as evidence or anchor) or none; by
    default all without events, cited with them.
    """
    if read.parquet:
        from .dataset import load_dataset

        check_choice("--merge", read.merge, MERGES)
        return load_dataset(read, manners, events=events, mentions=mentions or ("none" if events else "all"))
    if read.db:
        from .indexed import load_index

        check_choice("--merge", read.merge, MERGES)
        return load_index(read, manners, events=events, mentions=mentions or ("none" if events else "all"))
    from ..documents import InputError
    from ..pipeline import Outcome, analyse_inputs

    settings = settings_for(read, events=events, mentions=mentions or ("cited" if events else "all"))
    sources = expanded(read)
    files = [s for s in sources if not isinstance(s, InputError)]
    analyses, errors = [], []
    merger = None
    if events and read.merge == "auto":
        from ..events.merge import CrossMerger

        merger = CrossMerger()  # merging as the analyses come in overlaps with the workers' reading
    outcomes = analyse_inputs(files, settings, jobs=worker_count(read.jobs, len(files), manners.quiet),
                              stdin=stdin)
    with closing(outcomes), _Progress(len(files), enabled=not manners.quiet and stderr_is_terminal()) as progress:
        for source in sources:
            if isinstance(source, InputError):
                outcome = Outcome(source.path, error=source)
            else:
                outcome = next(outcomes)
                progress.advance()
            if outcome.error is not None:
                _report_problem(outcome.error, errors, progress.say, "skipped")
                continue
            analyses.append(outcome.analysis)
            if merger is not None:
                merger.add(outcome.analysis.events)
            if not manners.quiet:
                say_reference(outcome.analysis, progress.say)
    return Inputs(analyses, errors, read.merge, merger)


def _report_problem(error, errors: list, tell, what: str) -> None:
    """An empty input is said and passed over; any other problem is an error of the run."""
    if error.reason == "empty file":
        tell(f"{error.path}: empty; nothing to read")
        return
    errors.append(error)
    tell(f"{error.path}: {error.reason}; {what}")


class PartStream:
    """The inputs' mentions part by part, for commands that write as they read: iterate
    to get (document number, Analysis of one part); nothing is kept but a count per
    document, so a huge input's mentions never have to be held whole.

    After the iteration: `documents` ([Document, mention count], in order) and `errors`.
    Parts of a document come in order and carry its offsets and mention ids.
    """

    def __init__(self, read: Reading, manners: Manners, stdin=None):
        from ..documents import InputError

        self.settings = settings_for(read, events=False, mentions="all")
        self.sources = expanded(read)
        self.files = [s for s in self.sources if not isinstance(s, InputError)]
        self.quiet, self.stdin = manners.quiet, stdin
        self.jobs = worker_count(read.jobs, len(self.files), manners.quiet)
        self.documents: list[list] = []
        self.errors: list = []

    def __iter__(self):
        from ..documents import InputError
        from ..pipeline import analyse_inputs_in_parts

        per_file = analyse_inputs_in_parts(self.files, self.settings, jobs=self.jobs, stdin=self.stdin)
        with closing(per_file), _Progress(len(self.files), enabled=not self.quiet and stderr_is_terminal()) as progress:
            for source in self.sources:
                if isinstance(source, InputError):
                    _report_problem(source, self.errors, progress.say, "skipped")
                    continue
                started = False
                for outcome in next(per_file):
                    if outcome.error is not None:
                        _report_problem(outcome.error, self.errors, progress.say,
                                        "the rest skipped" if started else "skipped")
                        break
                    analysis = outcome.analysis
                    if not started:
                        started = True
                        self.documents.append([analysis.document, 0])
                        if not self.quiet:
                            say_reference(analysis, progress.say)
                    self.documents[-1][1] += len(analysis.mentions)
                    yield len(self.documents) - 1, analysis
                progress.advance()


def checked_entities(entities: str | None) -> str | None:
    """The --entities file, read here once so that a broken one is a usage error, not one per input."""
    from pathlib import Path

    if entities is not None:
        path = Path(entities)
        if path.is_dir():
            fail_usage(f"--entities {entities!r} is a folder; give a TOML file of [[entity]] tables")
        if not path.is_file():
            fail_usage(f"--entities {entities!r}: no such file; give a TOML file of [[entity]] tables")
    from ..events.entities import EntityFileError
    from ..pipeline import entity_table

    try:
        entity_table(Path(entities) if entities else None)
    except EntityFileError as exc:
        fail_usage(f"{exc} (see the README on entity files)")
    return entities


def checked_encoding(encoding: str | None) -> str | None:
    """--encoding: a text encoding Python knows (not rot13, base64, zlib and other codecs)."""
    if encoding is None:
        return None
    example = "e.g. --encoding big5, --encoding gb18030 or --encoding utf-16-le"
    try:
        "中".encode(encoding, errors="replace")
        b"a".decode(encoding, errors="replace")
    except LookupError as exc:
        reason = "is not a text encoding" if "text encoding" in str(exc) else "is not an encoding Python knows"
        fail_usage(f"--encoding {encoding!r} {reason}; {example}")
    return encoding


def worker_count(jobs: int, files: int, quiet: bool = False) -> int:
    cpus = os.cpu_count() or 1
    if jobs < 0:
        fail_usage(f"--jobs {jobs} must be 0 (one per CPU) or more; e.g. --jobs {cpus}")
    if jobs > cpus:
        if not quiet:
            say(f"--jobs {jobs} is more than the {cpus} CPUs here; using {cpus}")
        jobs = cpus
    if jobs == 0:
        jobs = cpus
    # One input alone is analysed in parts, and its parts can go to the workers.
    return max(1, jobs if files == 1 else min(jobs, files))


def say_reference(analysis, tell) -> None:
    say_about(analysis.document, _has_unresolved(analysis), tell)


def say_about(document, unresolved: bool, tell) -> None:
    """The notes on one input: an inferred or missing reference date, no Chinese text."""
    path, ref = document.path, document.ref
    if ref is not None and ref.source == "inferred":
        tell(f"{path}: no reference date given; inferred {ref.iso()} from {ref.evidence} "
             f"(set one with --ref-date)")
    elif ref is None and unresolved:
        tell(f"{path}: no reference date found; relative dates stay unresolved (use --ref-date)")
    if document.script == "other":
        tell(f"{path}: no Chinese text found")


def _has_unresolved(analysis) -> bool:
    """Whether a date of the analysis needed the reference date it lacked (XXXX-04, XXXX-XX-XX)."""
    values = [m.value for m in analysis.mentions] + [e.date.value for e in analysis.events]
    return any(value.startswith("XXXX") for value in values)


def exit_code(inputs: Inputs) -> int:
    return EXIT_INPUT if inputs.errors else EXIT_OK


# --- the terminal -----------------------------------------------------------------------------------

def stdout_is_terminal() -> bool:
    return _is_terminal(sys.stdout)


def stderr_is_terminal() -> bool:
    return _is_terminal(sys.stderr)


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def color_on(choice: str, *, to_file: bool = False) -> bool:
    """The one colour rule: --color always or never wins; auto is colour on a terminal, never
    into a file, and never with NO_COLOR set (not empty) or TERM=dumb."""
    if choice == "always":
        return True
    if choice == "never" or to_file or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return stdout_is_terminal()


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
            from ..textsafe import printable

            self._console.print(f"timeline: {printable(message)}", markup=False, highlight=False, soft_wrap=True)

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._timer.cancel()
            with self._lock:
                self._closed = True
                self._bar.stop()


# --- output --------------------------------------------------------------------------------------

# Extensions that say which format a file given to --output wants, when --format is not given.
SUFFIX_FORMATS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".md": "markdown",
                  ".markdown": "markdown", ".ics": "ics", ".tsv": "plain", ".svg": "svg", ".html": "html",
                  ".htm": "html", ".xml": "xml", ".pdf": "pdf", ".png": "png"}


def prepare_output(out: Output, formats: tuple[str, ...], *, terminal: str, pipe: str,
                   read: Reading | None = None) -> None:
    """Settle --format, --script and --color, and check --output before anything is read:
    the format named, else the one --output's extension names, else `terminal` at a terminal
    or into a file and `pipe` in a pipe. An extension the command cannot write, a folder, a
    read-only file or one of the inputs as --output are usage errors."""
    out.script = check_choice("--script", out.script, SCRIPTS)
    out.color = check_choice("--color", out.color, COLORS)
    target = None
    if out.output is not None:
        from .output import OutputError, resolve, same_file

        try:
            target = resolve(out.output)
        except OutputError as exc:
            fail_usage(f"--output {out.output!r} {exc.strerror}")
        if read is not None and (clash := same_file(target, _input_files(read))):
            fail_usage(f"--output {out.output!r} is the input {clash}; write to another file")
    if out.format is not None:
        out.format = check_choice("--format", out.format, formats)
    elif target is not None and target.kind == "file":
        suffix = os.path.splitext(out.output)[1].lower()
        named = SUFFIX_FORMATS.get(suffix)
        if named is not None and named not in formats:
            fail_usage(f"--output {out.output!r}: this command cannot write {suffix} files; it writes "
                       f"{', '.join(formats)} (give --format, or another extension)")
        out.format = named or terminal
    elif target is not None:  # a descriptor, device or FIFO: as stdout would be
        out.format = terminal if _target_is_terminal(target) else pipe
    else:
        out.format = terminal if stdout_is_terminal() else pipe


def _target_is_terminal(target) -> bool:
    if target.kind == "fd":
        return os.isatty(target.path)
    return target.path.startswith(("/dev/tty", "/dev/pts/", "/dev/console"))  # a FIFO or another device: no


def _input_files(read: Reading) -> list[str]:
    from pathlib import Path

    from ..documents import expand_paths

    given = [p for p in (read.paths or []) if p != "-"] + ([read.db] if read.db else [])
    return [str(p) for p in expand_paths(given, read.glob, rows=False) if isinstance(p, Path)] if given else []


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


JSON_FORMATS = ("json", "jsonl", "timelinejs")
RICH_FORMATS = ("table", "text")  # drawn by Rich from text made safe beforehand (render.safe)


def _output_filter(fmt: str | None):
    """What every write of this format goes through, so nothing printed drives the terminal:
    JSON escapes what JSON leaves raw; text formats show control characters as escapes."""
    from ..textsafe import json_safe, printable

    if fmt in JSON_FORMATS:
        return json_safe
    if fmt in RICH_FORMATS:
        return None
    return lambda text: printable(text, keep="\n\t\r")


class _Filtered:
    def __init__(self, stream, transform):
        self.stream, self.transform = stream, transform

    def write(self, text: str) -> None:
        self.stream.write(self.transform(text))

    def flush(self) -> None:
        self.stream.flush()


@contextmanager
def open_output(out: Output):
    """Where a command writes as it goes: stdout, or --output (see cli/output.py): a file is
    replaced when the writing ends well; an error or Ctrl-C leaves it as it was."""
    transform = _output_filter(out.format)
    if out.output is None:
        stream = _Stdout()
        yield _Filtered(stream, transform) if transform else stream
        stream.flush()
        return
    from .output import Writer, resolve

    writer = Writer(resolve(out.output))
    try:
        yield _Filtered(writer, transform) if transform else writer
    except BaseException:
        writer.discard()
        raise
    try:
        writer.commit()
    except BrokenPipeError:
        raise PipeClosed from None


def write_output(text: str, out: Output) -> None:
    with open_output(out) as stream:
        stream.write(text)
