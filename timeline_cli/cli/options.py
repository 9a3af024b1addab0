"""The options several commands share, each defined once, and the decorator that adds them.

A command declares the groups it takes and receives one object per group:

    @uses(READING, output_group(FORMATS), FILTERS, MANNERS)
    def list_command(read: Reading, out: Output, filters: Filters, manners: Manners): ...

`uses` gives Typer a signature with the command's own parameters followed by every
option of the groups, and calls the command with the groups' values bundled. Help and
man pages see ordinary options, in this order.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Annotated

import typer

COLORS = ("auto", "always", "never")
MERGES = ("auto", "none")


@dataclass
class Reading:
    """Which articles to read and how."""

    paths: list[str] | None = None
    ref_date: str | None = None
    entities: str | None = None
    encoding: str | None = None
    glob: str | None = None
    jobs: int = 1
    merge: str = "auto"
    text_field: str | None = None
    date_field: str | None = None
    id_field: str | None = None
    db: str | None = None
    parquet: str | None = None

    def fields(self):
        """Which fields of a corpus row (JSON Lines, CSV) hold the text, date and id."""
        from ..corpus import Fields

        return Fields(self.text_field, self.date_field, self.id_field)


@dataclass
class Output:
    """Where the output goes and how it looks. `format` is None until `resolve_format`."""

    format: str | None
    output: str | None
    script: str = "original"
    color: str = "never"

    @property
    def to_file(self) -> bool:
        return self.output is not None


@dataclass
class Filters:
    """Which events to show (--since, --until, --actor, --type, --status, --grep)."""

    since: str | None = None
    until: str | None = None
    actor: list[str] | None = None
    type: list[str] | None = None
    status: list[str] | None = None
    grep: str | None = None
    precision: str | None = None
    limit: int | None = None
    reverse: bool = False


@dataclass
class Manners:
    """How much the command says on stderr (--quiet, --verbose)."""

    quiet: bool = False
    verbose: bool = False


@dataclass(frozen=True)
class Group:
    """Options bundled into one argument `name` of type `cls`."""

    name: str
    cls: type
    parameters: tuple[inspect.Parameter, ...]


def _param(name: str, annotation, default) -> inspect.Parameter:
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)


def _dash_is_stdout(value: str | None) -> str | None:
    return None if value == "-" else value


# --- the option definitions ---------------------------------------------------------------

PATHS = _param("paths", Annotated[list[str] | None, typer.Argument(
    help="Articles to read: files, folders (walked recursively) or - for stdin. Default: standard "
         "input when it is a pipe or a file, else the embedded seed article.", show_default=False)], None)
REF_DATE = _param("ref_date", Annotated[str | None, typer.Option(
    "--ref-date", "-r", metavar="WHEN",
    help="Publication date that relative words (今年, 去年, 上週三) resolve against: 2025-11-20, "
         "2025年11月20日, or a date-time with offset (2025-11-20T08:30+08:00). Default: the sidecar "
         "<file>.meta.toml, else a dateline or the page's metadata, else inferred.")], None)
ENTITIES = _param("entities", Annotated[str | None, typer.Option(
    "--entities", metavar="FILE",
    help="Extra entities and aliases (TOML, see README). Also read: "
         "$XDG_CONFIG_HOME/timeline-cli/entities.toml.")], None)
ENCODING = _param("encoding", Annotated[str | None, typer.Option(
    "--encoding", metavar="NAME",
    help="Decode inputs with this text encoding (e.g. big5, gb18030, utf-16-le) instead of detecting it.")], None)
GLOB = _param("glob", Annotated[str | None, typer.Option(
    "--glob", metavar="PATTERN",
    help="In folders, read only files matching PATTERN (e.g. '*.txt'; matched against the file name "
         "and the path inside the folder). Default: .txt, .md, .html and no suffix.")], None)
JOBS = _param("jobs", Annotated[int, typer.Option(
    "--jobs", "-j", metavar="N",
    help="Read and analyse files in N worker processes (0: one per CPU; at most one per CPU); "
         "a single big file has its parts analysed in them. The output is the same whatever N.")], 1)
MERGE = _param("merge", Annotated[str, typer.Option(
    "--merge", metavar="auto|none",
    help="auto: the same happening told by several articles is one event, with every source; "
         "none: each article's events are kept apart.")], "auto")
TEXT_FIELD = _param("text_field", Annotated[str | None, typer.Option(
    "--text-field", metavar="NAME",
    help="In a corpus file (.jsonl, .ndjson, .csv: one article per row), the field of the text. "
         "Default: the first of text, content, body, article.")], None)
DATE_FIELD = _param("date_field", Annotated[str | None, typer.Option(
    "--date-field", metavar="NAME",
    help="The field of a row's publication date. Default: published, date, pubdate, published_at, "
         "publish_time or time.")], None)
ID_FIELD = _param("id_field", Annotated[str | None, typer.Option(
    "--id-field", metavar="NAME",
    help="The field that names a row (documents are FILE#ID, else FILE:LINE). Default: id, url, "
         "guid or link.")], None)
DB = _param("db", Annotated[str | None, typer.Option(
    "--db", metavar="FILE",
    help="Read the articles from an index built by timeline index instead of from the files: the "
         "same output, at once.")], None)
PARQUET = _param("parquet", Annotated[str | None, typer.Option(
    "--parquet", metavar="DIR",
    help="Read the articles from a Parquet dataset built by timeline index --dask instead of from the "
         "files (a folder or an fsspec URI; needs the distributed extra): the same output.")], None)
OUTPUT = _param("output", Annotated[str | None, typer.Option(
    "--output", "-o", metavar="FILE", callback=_dash_is_stdout,
    help="Write to FILE instead of stdout; - is stdout. A file is replaced whole or not at all "
         "(mode and owner kept); a device, FIFO or /dev/stdout is written in place; a folder is "
         "refused. The format follows FILE's extension unless --format is given.")], None)
SCRIPT = _param("script", Annotated[str, typer.Option(
    "--script", metavar="original|hant|hans",
    help="Script of titles and sentences in the output: as written, Traditional (Taiwan phrases) "
         "or Simplified.")], "original")
COLOR = _param("color", Annotated[str, typer.Option(
    "--color", metavar="auto|always|never",
    help="Colour: auto is colour at a terminal, unless NO_COLOR is set.")], "auto")
QUIET = _param("quiet", Annotated[bool, typer.Option("--quiet", "-q", help="Only errors on stderr.")], False)
VERBOSE = _param("verbose", Annotated[bool, typer.Option(
    "--verbose", "-v",
    help="More on stderr: for each input its reference date with the source and evidence, its "
         "script and encoding and what was found in it; how long reading and the rest took.")], False)

SINCE = _param("since", Annotated[str | None, typer.Option(
    "--since", metavar="WHEN",
    help="Events overlapping WHEN or later: 2025, 2025-04, 2025-04-07, 2025-Q3, 2025-H2, 2025-W39, "
         "2025年4月, 去年.")], None)
UNTIL = _param("until", Annotated[str | None, typer.Option(
    "--until", metavar="WHEN", help="Events overlapping WHEN or earlier (same forms as --since).")], None)
ACTOR = _param("actor", Annotated[list[str] | None, typer.Option(
    "--actor", "-a", metavar="NAME",
    help="Events involving NAME, by any alias in either script (repeatable).")], None)
TYPE = _param("type", Annotated[list[str] | None, typer.Option(
    "--type", "-t", metavar="TYPE", help="Events of this type: join, leave, release, … (repeatable).")], None)
STATUS = _param("status", Annotated[list[str] | None, typer.Option(
    "--status", "-s", metavar="STATUS",
    help="occurred, planned, predicted, reported or negated (repeatable).")], None)
GREP = _param("grep", Annotated[str | None, typer.Option(
    "--grep", "-g", metavar="TEXT",
    help="Events whose title, actors or sentences contain TEXT (either script).")], None)
PRECISION = _param("precision", Annotated[str | None, typer.Option(
    "--precision", metavar="year|month|day",
    help="Drop events whose date is vaguer than this: a month, a season or a window of several "
         "days is vaguer than a day, and a date bounded on one side only (之前, 之後) is vaguer "
         "than any.")], None)
LIMIT = _param("limit", Annotated[int | None, typer.Option("--limit", "-n", metavar="N", help="At most N events.")],
               None)
REVERSE = _param("reverse", Annotated[bool, typer.Option("--reverse", help="Latest first.")], False)

READING = Group("read", Reading, (PATHS, REF_DATE, ENTITIES, ENCODING, GLOB, JOBS, MERGE, TEXT_FIELD,
                                  DATE_FIELD, ID_FIELD, DB, PARQUET))
FILTERS = Group("filters", Filters, (SINCE, UNTIL, ACTOR, TYPE, STATUS, GREP, PRECISION, LIMIT, REVERSE))
MANNERS = Group("manners", Manners, (QUIET, VERBOSE))


def only(group: Group, *names: str) -> Group:
    """Some of a group's options only (the others keep their defaults)."""
    return Group(group.name, group.cls, tuple(p for p in group.parameters if p.name in names))


def without(group: Group, *names: str) -> Group:
    """A group's options but these."""
    return Group(group.name, group.cls, tuple(p for p in group.parameters if p.name not in names))


def output_group(formats: tuple[str, ...], *, color: bool = True, help: str | None = None) -> Group:
    """--format (these choices), --output, --script and (optionally) --color."""
    default = ("the one --output FILE's extension names, else " if len(formats) > 1 else "") + formats[0]
    fmt = _param("format", Annotated[str | None, typer.Option(
        "--format", "-f", metavar="|".join(formats), help=help or f"Output format. Default: {default}.")], None)
    chosen = (fmt, OUTPUT, SCRIPT, COLOR) if color else (fmt, OUTPUT, SCRIPT)
    return Group("out", Output, chosen)


def uses(*groups: Group) -> Callable:
    """Give the command the groups' options (see the module's docstring)."""

    def decorate(command: Callable) -> Callable:
        own = [p for p in inspect.signature(command).parameters.values() if p.name not in {g.name for g in groups}]
        hints = inspect.get_annotations(command, eval_str=True)
        parameters = [p.replace(annotation=hints.get(p.name, p.annotation)) for p in own]
        for group in groups:
            parameters.extend(group.parameters)

        def run(**values):
            bundles = {}
            for group in groups:
                given = {p.name: values.pop(p.name) for p in group.parameters}
                bundles[group.name] = group.cls(**{**_defaults(group.cls), **given})
            return command(**values, **bundles)

        run.__name__, run.__doc__, run.__module__ = command.__name__, command.__doc__, command.__module__
        run.__signature__ = inspect.Signature(parameters)
        run.__annotations__ = {p.name: p.annotation for p in parameters}
        return run

    return decorate


def _defaults(cls) -> dict:
    """Each field's default, None for a field without one (an option the command does not take)."""
    from dataclasses import MISSING

    return {f.name: None if f.default is MISSING else f.default for f in fields(cls)}
