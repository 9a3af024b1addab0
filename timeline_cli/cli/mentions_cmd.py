"""timeline mentions: every dated mention, with its value, interval, anchor and rule."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import (
    EncodingOpt,
    GlobOpt,
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
from .help import EXIT_STATUS

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
    color: Annotated[str, typer.Option("--color", metavar="auto|always|never", help="Colour in tables.")] = "auto",
    quiet: QuietOpt = False,
) -> None:
    """List every dated mention: text, offsets, TimeML type and value, interval, anchor, rule.

    Offsets are code points into the original file (end exclusive): text[start:end] is
    the mention as printed. Values follow TimeML: 2025-04, 2025 with mod END (年底),
    P12Y (效力12年), XXXX-04 when the year cannot be known. See docs/timex.md.

    [bold]Examples[/bold]

      timeline mentions                                      the seed article
      timeline mentions a.txt --ref-date 2025-11-20 --format json
      timeline mentions a.txt -f jsonl | jq -r 'select(.type=="DATE") | .value'
    """
    fmt = check_choice("--format", format, FORMATS) if format else ("table" if stdout_is_terminal() or output else "plain")
    check_choice("--script", script, ("original", "hant", "hans"))
    inputs = load(paths, ref_date=ref_date, encoding=encoding, glob=glob, events=False, quiet=quiet)
    write_output(render_mentions(inputs, fmt, script, color, output is not None), output)
    raise typer.Exit(exit_code(inputs))


mentions_command.__doc__ += "\n" + EXIT_STATUS


def render_mentions(inputs, fmt: str, script: str, color: str, to_file: bool) -> str:
    if fmt == "json":
        from ..render.jsonout import dumps, mentions_payload

        return dumps(mentions_payload(inputs.analyses, inputs.errors))
    if fmt == "jsonl":
        import json

        from ..render.jsonout import mention_dict

        lines = []
        for a in inputs.analyses:
            for m in a.mentions:
                lines.append(json.dumps({"path": a.document.path, **mention_dict(m)}, ensure_ascii=False))
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
