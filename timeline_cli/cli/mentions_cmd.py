"""timeline mentions: every dated mention, with its value, interval, anchor and rule."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import (
    EncodingOpt,
    GlobOpt,
    JobsOpt,
    OutputOpt,
    Paths,
    QuietOpt,
    RefDateOpt,
    ScriptOpt,
    check_choice,
    exit_code,
    load,
    stdout_is_terminal,
    write_output,
)
from .verbose import Report, VerboseOpt

FORMATS = ("table", "json", "jsonl", "plain")

FormatOpt = Annotated[
    str | None,
    typer.Option("--format", "-f", metavar="|".join(FORMATS),
                 help="Output format. Default: table at a terminal, plain (tab-separated) in a pipe."),
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
    fmt = check_choice("--format", format, FORMATS) if format else ("table" if stdout_is_terminal() or output else "plain")
    check_choice("--script", script, ("original", "hant", "hans"))
    report = Report(verbose, quiet)
    inputs = load(paths, ref_date=ref_date, encoding=encoding, glob=glob, events=False, quiet=quiet, jobs=jobs)
    report.loaded(inputs, found="mentions")
    write_output(render_mentions(inputs, fmt, script, color, output is not None), output)
    report.done(sum(len(a.mentions) for a in inputs.analyses), "mention")
    raise typer.Exit(exit_code(inputs))


def render_mentions(inputs, fmt: str, script: str, color: str, to_file: bool) -> str:
    if fmt == "json":
        from ..render.jsonout import dumps, mentions_payload

        return dumps(mentions_payload(inputs.analyses, inputs.errors))
    if fmt == "jsonl":
        import json

        from ..render.jsonout import mention_dict

        encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder: json.dumps builds one per call
        lines = []
        for a in inputs.analyses:
            for m in a.mentions:
                lines.append(encode({"path": a.document.path, **mention_dict(m)}))
        return "".join(line + "\n" for line in lines)
    if fmt == "plain":
        from ..script import convert

        lines = []
        for a in inputs.analyses:
            for m in a.mentions:
                lines.append("\t".join([
                    a.document.path, m.id, str(m.start), str(m.end), convert(m.text, script), m.type, m.value,
                    m.mod or "", m.start_date.isoformat() if m.start_date else "",
                    m.end_date.isoformat() if m.end_date else "", m.rule,
                ]))
        return "".join(line + "\n" for line in lines)
    from rich.console import Group

    from ..render.table import mentions_table
    from .console import render_rich

    tables = [mentions_table(f"{a.document.path}  (ref {a.document.ref.iso() if a.document.ref else 'none'}"
                             f"{', ' + a.document.ref.source if a.document.ref else ''})",
                             list(a.mentions), script) for a in inputs.analyses]
    return render_rich(Group(*tables), color=color, to_file=to_file)


def register(app: typer.Typer) -> None:
    app.command("mentions")(mentions_command)
