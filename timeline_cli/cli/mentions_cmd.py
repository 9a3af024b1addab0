"""timeline mentions: every dated mention, with its value, interval, anchor and rule."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import (
    EXIT_INPUT,
    EXIT_OK,
    EncodingOpt,
    GlobOpt,
    JobsOpt,
    OutputOpt,
    PartStream,
    Paths,
    QuietOpt,
    RefDateOpt,
    ScriptOpt,
    check_choice,
    default_format,
    exit_code,
    load,
    open_output,
    write_output,
)
from .verbose import Report, VerboseOpt

FORMATS = ("table", "json", "jsonl", "plain")

FormatOpt = Annotated[
    str | None,
    typer.Option("--format", "-f", metavar="|".join(FORMATS),
                 help="Output format. Default: the one --output FILE's extension names (.json, .jsonl, .csv, .md, .ics, .tsv), else table at a terminal or into a file, plain (tab-separated) in a pipe."),
]


def mentions_command(
    paths: Paths = None,
    ref_date: RefDateOpt = None,
    format: FormatOpt = None,
    output: OutputOpt = None,
    script: ScriptOpt = "original",
    encoding: EncodingOpt = None,
    glob: GlobOpt = None,
    color: Annotated[str, typer.Option("--color", metavar="auto|always|never", help="Colour in tables (NO_COLOR is honoured).")] = "auto",
    quiet: QuietOpt = False,
    jobs: JobsOpt = 1,
    verbose: VerboseOpt = False,
) -> None:
    """List every dated mention, with its offsets, TimeML value, interval, anchor and rule.

    Offsets are code points into the original file, end exclusive: text[start:end] is
    the mention as printed. Values follow TimeML (TIMEX3): 2025-04, 2025 with mod END
    for 年底, P12Y for 效力12年, XXXX-04 when the year cannot be known. The anchor is
    ref_date, or the id of the mention a relative date was resolved against (同年,
    隨後). See docs/timex.md for every expression family and rule.

    In a pipe the output is one mention per line with tab-separated fields: path, id,
    start, end, text, type, value, mod, start date, end date and rule. json follows the
    mentions/v1 schema (timeline schema mentions); jsonl is one mention per line, with
    its path.

    Examples:
        timeline mentions
            The seed article's mentions: a table at a terminal, tab-separated in a pipe.
        timeline mentions seeds/000_baa26c5ea6ec9896.txt --ref-date 2025-11-20 --format json
            One article's mentions as JSON, resolved against a given publication date.
        timeline mentions tests/articles/ -f jsonl | jq -r 'select(.type=="DURATION") | .text + " " + .value'
            Every duration in a folder of articles.
    """
    fmt = check_choice("--format", format, FORMATS) if format else default_format(output, FORMATS)
    check_choice("--script", script, ("original", "hant", "hans"))
    report = Report(verbose, quiet)
    if fmt == "table":  # for a person: the whole table at once
        inputs = load(paths, ref_date=ref_date, encoding=encoding, glob=glob, events=False, quiet=quiet, jobs=jobs)
        report.loaded(inputs, found="mentions")
        write_output(render_mentions(inputs, fmt, script, color, output is not None), output)
        report.done(sum(len(a.mentions) for a in inputs.analyses), "mention")
        raise typer.Exit(exit_code(inputs))
    # For programs: written part by part as the inputs are read, in bounded memory.
    stream = PartStream(paths, ref_date=ref_date, encoding=encoding, glob=glob, quiet=quiet, jobs=jobs)
    with open_output(output) as out:
        writer = _writer(fmt, out, script)
        for number, analysis in stream:
            writer.part(number, analysis)
        writer.close(stream.errors)
    report.streamed(stream.documents, stream.errors, "mention")
    raise typer.Exit(EXIT_INPUT if stream.errors else EXIT_OK)


def _writer(fmt: str, out, script: str):
    if fmt == "json":
        from ..render.jsonout import MentionsJsonWriter

        return MentionsJsonWriter(out)
    return _LinesWriter(out, script, jsonl=fmt == "jsonl")


class _LinesWriter:
    """jsonl and plain: one line per mention, a part at a time."""

    def __init__(self, out, script: str, *, jsonl: bool):
        import json

        from ..render.jsonout import mention_dict
        from ..script import convert

        self.out, self.script, self.mention_dict, self.convert = out, script, mention_dict, convert
        self.line = self._jsonl if jsonl else self._plain
        self.encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder: json.dumps builds one per call

    def part(self, number: int, analysis) -> None:
        path = analysis.document.path
        self.out.write("".join([self.line(path, m) + "\n" for m in analysis.mentions]))

    def close(self, errors) -> None:
        pass

    def _jsonl(self, path: str, m) -> str:
        return self.encode({"path": path, **self.mention_dict(m)})

    def _plain(self, path: str, m) -> str:
        return "\t".join([
            path, m.id, str(m.start), str(m.end), self.convert(m.text, self.script), m.type, m.value,
            m.mod or "", m.start_date.isoformat() if m.start_date else "",
            m.end_date.isoformat() if m.end_date else "", m.rule,
        ])


def render_mentions(inputs, fmt: str, script: str, color: str, to_file: bool) -> str:
    """The table of every input's mentions (the other formats are written as they are read)."""
    from rich.console import Group

    from ..render.table import mentions_table
    from .console import render_rich

    tables = [mentions_table(f"{a.document.path}  (ref {a.document.ref.iso() if a.document.ref else 'none'}"
                             f"{', ' + a.document.ref.source if a.document.ref else ''})",
                             list(a.mentions), script) for a in inputs.analyses]
    return render_rich(Group(*tables), color=color, to_file=to_file)


def register(app: typer.Typer) -> None:
    app.command("mentions")(mentions_command)
