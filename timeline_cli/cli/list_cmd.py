"""timeline list: the timeline of one or many articles, filtered, in any format."""

from __future__ import annotations

from typing import Annotated

import typer

from ..render.formats import TEXT_FORMATS
from .common import (
    EncodingOpt,
    EntitiesOpt,
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
from .filters import (
    ActorOpt,
    GrepOpt,
    LimitOpt,
    PrecisionOpt,
    ReverseOpt,
    SinceOpt,
    StatusOpt,
    TypeOpt,
    UntilOpt,
    build_query,
)
from .help import EXIT_STATUS

FORMATS = ("table", *TEXT_FORMATS)

FormatOpt = Annotated[
    str | None,
    typer.Option("--format", "-f", metavar="|".join(FORMATS),
                 help="Output format. Default: table at a terminal, plain (tab-separated) in a pipe."),
]
ColorOpt = Annotated[
    str, typer.Option("--color", metavar="auto|always|never", help="Colour in tables (NO_COLOR is honoured).")
]


def list_command(
    paths: Paths = None,
    ref_date: RefDateOpt = None,
    format: FormatOpt = None,
    output: OutputOpt = None,
    script: ScriptOpt = "original",
    since: SinceOpt = None,
    until: UntilOpt = None,
    actor: ActorOpt = None,
    type: TypeOpt = None,
    status: StatusOpt = None,
    grep: GrepOpt = None,
    precision: PrecisionOpt = None,
    limit: LimitOpt = None,
    reverse: ReverseOpt = False,
    entities: EntitiesOpt = None,
    encoding: EncodingOpt = None,
    glob: GlobOpt = None,
    color: ColorOpt = "auto",
    quiet: QuietOpt = False,
) -> None:
    """Show the timeline: every dated event of the articles, in date order.

    Each row is one event: its date at the precision the text gives (2013年,
    2025年4月, 2025年底), a title in the article's own words, the type, the actors
    and whether it occurred, is planned or predicted. The same event told by
    several sentences or articles appears once.

    [bold]Examples[/bold]

      timeline list                               the seed article
      timeline list news/ --glob '*.txt' --since 2025-01
      timeline list a.txt b.txt --actor 扎克伯格 --status occurred
      timeline list a.txt --format json | jq '.events[] | .date.value + " " + .title'
      cat article.txt | timeline list - --ref-date 2025-11-20
    """
    from ..pipeline import merge_timelines

    fmt = check_choice("--format", format, FORMATS) if format else ("table" if stdout_is_terminal() or output else "plain")
    check_choice("--script", script, ("original", "hant", "hans"))
    check_choice("--color", color, ("auto", "always", "never"))
    inputs = load(paths, ref_date=ref_date, encoding=encoding, glob=glob, entities=entities, quiet=quiet)
    events = merge_timelines(inputs.analyses)
    query = build_query(inputs.analyses, since=since, until=until, actor=actor, type=type, status=status,
                        grep=grep, precision=precision, limit=limit, reverse=reverse, entities=entities)
    events = query.apply(events)
    write_output(render_events(events, inputs, fmt, script, color, output is not None), output)
    raise typer.Exit(exit_code(inputs))


list_command.__doc__ += "\n" + EXIT_STATUS


def render_events(events, inputs, fmt: str, script: str, color: str, to_file: bool) -> str:
    if fmt in TEXT_FORMATS:
        from ..render.formats import RenderContext

        return TEXT_FORMATS[fmt](events, RenderContext(inputs.analyses, inputs.errors, script))
    from ..render.table import events_table
    from .console import render_rich

    label_script = "hant" if script == "hant" or (script == "original" and _mostly_traditional(inputs)) else "hans"
    return render_rich(events_table(events, script, label_script), color=color, to_file=to_file)


def _mostly_traditional(inputs) -> bool:
    scripts = [a.document.script for a in inputs.analyses]
    return bool(scripts) and sum(s in ("hant", "mixed") for s in scripts) * 2 >= len(scripts)


def register(app: typer.Typer) -> None:
    app.command("list")(list_command)
