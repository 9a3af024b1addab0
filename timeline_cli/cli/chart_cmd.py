"""timeline chart: the events on a time axis, one row per actor or per type, as text or SVG."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import exit_code, fail_usage, load, prepare_output, write_output
from .filters import build_query, filtered
from .options import (
    FILTERS,
    MANNERS,
    READING,
    Filters,
    Manners,
    Output,
    Reading,
    output_group,
    uses,
    without,
)
from .verbose import Report

FORMATS = ("text", "svg")
BYS = ("actor", "type")  # the same as render.chart.BYS, kept here so --help imports nothing heavy
MIN_WIDTH = 30  # render.chart.MIN_WIDTH

ByOpt = Annotated[str, typer.Option("--by", metavar="actor|type",
                                    help="One row per actor (an event shows on each of its actors' rows) or per type.")]
WidthOpt = Annotated[int | None, typer.Option(
    "--width", "-w", metavar="N",
    help=f"Draw N columns wide (at least {MIN_WIDTH}). Default: the terminal's width, 100 when not a terminal.")]
LegendOpt = Annotated[bool, typer.Option("--legend/--no-legend", help="Explain the marks and the scale under the chart.")]
FORMAT_HELP = ("text for the terminal; svg for the same picture as an SVG document. Default: svg for an --output "
               "FILE ending .svg, else text.")


@uses(READING, output_group(FORMATS, help=FORMAT_HELP), without(FILTERS, "reverse"), MANNERS)
def chart_command(read: Reading, out: Output, filters: Filters, manners: Manners,
                  by: ByOpt = "actor", width: WidthOpt = None, legend: LegendOpt = True) -> None:
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
        timeline chart news/ --by type
            Several articles on one axis.
        timeline chart --format svg --output timeline.svg
            The same picture as an SVG file.
    """

    from .common import check_choice

    by = check_choice("--by", by, BYS)
    if width is not None and width < MIN_WIDTH:
        fail_usage(f"--width {width} is too narrow for a chart; give at least {MIN_WIDTH}, e.g. --width 80")
    prepare_output(out, FORMATS, terminal="text", pipe="text", read=read)
    report = Report(manners)
    inputs = load(read, manners, mentions="none")  # the events carry all this command shows
    report.loaded(inputs)
    query = build_query(inputs.analyses, filters, read.entities)
    events = filtered(query, inputs.timeline(query))
    write_output(render_chart(events, by, out, width, legend), out)
    report.done(len(events))
    raise typer.Exit(exit_code(inputs))


def render_chart(events, by: str, out: Output, width: int | None, legend: bool) -> str:
    from ..render.chart import TimeChart, chart_svg
    from ..render.safe import displayable_events
    from .console import render_rich, terminal_width

    width = max(width or terminal_width(), MIN_WIDTH)
    chart = TimeChart(displayable_events(events), by=by, script=out.script, legend=legend)
    if out.format == "svg":
        return chart_svg(chart, width, color=out.color != "never")
    return render_rich(chart, out, width=width)


def register(app: typer.Typer) -> None:
    app.command("chart")(chart_command)
