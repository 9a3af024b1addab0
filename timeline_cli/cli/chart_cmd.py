"""timeline chart: the events on a time axis, one row per actor or per type, as text or SVG."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import (
    EncodingOpt,
    EntitiesOpt,
    GlobOpt,
    JobsOpt,
    OutputOpt,
    Paths,
    QuietOpt,
    RefDateOpt,
    ScriptOpt,
    check_choice,
    exit_code,
    fail_usage,
    load,
    write_output,
)
from .filters import (
    ActorOpt,
    GrepOpt,
    LimitOpt,
    PrecisionOpt,
    SinceOpt,
    StatusOpt,
    TypeOpt,
    UntilOpt,
    build_query,
)
from .verbose import Report, VerboseOpt

FORMATS = ("text", "svg")
BYS = ("actor", "type")  # the same as render.chart.BYS, kept here so --help imports nothing heavy
MIN_WIDTH = 30  # render.chart.MIN_WIDTH

ByOpt = Annotated[str, typer.Option("--by", metavar="actor|type",
                                    help="One row per actor (an event shows on each of its actors' rows) or per type.")]
WidthOpt = Annotated[int | None, typer.Option(
    "--width", "-w", metavar="N",
    help=f"Draw N columns wide (at least {MIN_WIDTH}). Default: the terminal's width, 100 when not a terminal.")]
FormatOpt = Annotated[str, typer.Option(
    "--format", "-f", metavar="text|svg",
    help="text for the terminal; svg for the same picture as an SVG document (stdout or --output).")]
ColorOpt = Annotated[str, typer.Option(
    "--color", metavar="auto|always|never",
    help="Colour by status (NO_COLOR is honoured). SVG is in colour unless --color never.")]
LegendOpt = Annotated[bool, typer.Option("--legend/--no-legend", help="Explain the marks and the scale under the chart.")]


def chart_command(
    paths: Paths = None,
    by: ByOpt = "actor",
    width: WidthOpt = None,
    format: FormatOpt = "text",
    output: OutputOpt = None,
    legend: LegendOpt = True,
    ref_date: RefDateOpt = None,
    script: ScriptOpt = "original",
    since: SinceOpt = None,
    until: UntilOpt = None,
    actor: ActorOpt = None,
    type: TypeOpt = None,
    status: StatusOpt = None,
    grep: GrepOpt = None,
    precision: PrecisionOpt = None,
    limit: LimitOpt = None,
    entities: EntitiesOpt = None,
    encoding: EncodingOpt = None,
    glob: GlobOpt = None,
    color: ColorOpt = "auto",
    quiet: QuietOpt = False,
    jobs: JobsOpt = 1,
    verbose: VerboseOpt = False,
) -> None:
    """Draw the timeline on a time axis, one row per actor or per type, as text or SVG.

    Bars (━) are events that last, such as 2013–2018年 as founding director; dots (●)
    are events at one moment, drawn at the middle of their date; ○ planned, ◇ predicted,
    × negated; a digit counts the events that share one cell. Colour shows the status.
    The axis spans the events shown, with years (months for short stories) labelled
    below it. Events whose year is unknown are left out and counted under the chart.
    The filters are those of timeline list.

    Examples:
        timeline chart
            The seed article, one row per actor.
        timeline chart --by type --width 80
            One row per type of event, 80 columns wide.
        timeline chart --since 2024 --actor 扎克伯格
            Zuckerberg's events from 2024 on, found by any of his names.
        timeline chart tests/articles/ --by type
            Several articles on one axis.
        timeline chart --format svg --output timeline.svg
            The same picture as an SVG file.
    """

    check_choice("--by", by, BYS)
    check_choice("--format", format, FORMATS)
    check_choice("--script", script, ("original", "hant", "hans"))
    check_choice("--color", color, ("auto", "always", "never"))
    if width is not None and width < MIN_WIDTH:
        fail_usage(f"--width {width} is too narrow for a chart; give at least {MIN_WIDTH}, e.g. --width 80")
    report = Report(verbose, quiet)
    inputs = load(paths, ref_date=ref_date, encoding=encoding, glob=glob, entities=entities, quiet=quiet, jobs=jobs,
                  mentions="none")  # the events carry all this command shows
    report.loaded(inputs)
    query = build_query(inputs.analyses, since=since, until=until, actor=actor, type=type, status=status,
                        grep=grep, precision=precision, limit=limit, entities=entities)
    events = query.apply(inputs.timeline())
    write_output(render_chart(events, by, script, format, color, width, legend, output is not None), output)
    report.done(len(events))
    raise typer.Exit(exit_code(inputs))


def render_chart(events, by: str, script: str, fmt: str, color: str, width: int | None, legend: bool,
                 to_file: bool) -> str:
    from ..render.chart import TimeChart, chart_svg
    from .console import render_rich, terminal_width

    width = max(width or terminal_width(), MIN_WIDTH)
    chart = TimeChart(events, by=by, script=script, legend=legend)
    if fmt == "svg":
        return chart_svg(chart, width, color=color != "never")
    return render_rich(chart, color=color, to_file=to_file, width=width)


def register(app: typer.Typer) -> None:
    app.command("chart")(chart_command)
