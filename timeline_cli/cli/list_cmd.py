"""timeline list: the timeline of one or many articles, filtered, in any format."""

from __future__ import annotations

from typing import Annotated

import typer

from ..render.formats import TEXT_FORMATS
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
    default_format,
    exit_code,
    load,
    open_output,
    say,
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
from .verbose import Report, VerboseOpt

FORMATS = ("table", *TEXT_FORMATS)

FormatOpt = Annotated[
    str | None,
    typer.Option("--format", "-f", metavar="|".join(FORMATS),
                 help="Output format. Default: the one --output FILE's extension names (.json, .jsonl, .csv, .md, .ics, .tsv), else table at a terminal or into a file, plain (tab-separated) in a pipe."),
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
    jobs: JobsOpt = 1,
    verbose: VerboseOpt = False,
) -> None:
    """Show the timeline: every dated event of the articles, in date order.

    Each event has its date at the precision the text gives (2013年, 2025年4月,
    2025年底), a title in the article's own words, a type, its actors, and whether it
    occurred, is planned, predicted, reported or negated. The same event told by
    several sentences or articles appears once. Relative dates resolve against each
    article's reference date (see timeline --help).

    At a terminal the timeline is a table; in a pipe it is plain text, one event per
    line with tab-separated fields: start, end, date as written, TimeML value, title,
    type, actors, status and id, so cut, sort and awk work on it. json and jsonl follow
    the events/v1 schema (timeline schema events); csv opens in a spreadsheet,
    markdown pastes into notes, ics imports into a calendar, timelinejs publishes
    with Knight Lab's TimelineJS.

    The filters combine: an event is shown when it passes all of them. --since and
    --until keep the events whose dates overlap the window.

    Examples:
        timeline list
            The seed article: a table at a terminal, tab-separated lines in a pipe.
        timeline list tests/articles/ --since 2025-01 --format json
            Events from January 2025 on, from every article in a folder, as JSON.
        timeline list --actor 祖克柏 --status occurred
            What Zuckerberg did, found by any of his names (扎克伯格, 祖克柏, Zuckerberg).
        timeline list --format jsonl | jq -r '.date.value + " " + .title'
            One JSON object per event, for jq and scripts.
        timeline list --format plain | cut -f3,5
            Dates as written and titles only.
        timeline list - --ref-date 2025-11-20 < tests/articles/hk_tunnel_hant.txt
            An article on stdin, with its publication date.
        timeline list --script hans --format ics --output timeline.ics
            A calendar file in Simplified Chinese, written whole or not at all.
    """

    fmt = check_choice("--format", format, FORMATS) if format else default_format(output, FORMATS)
    check_choice("--script", script, ("original", "hant", "hans"))
    check_choice("--color", color, ("auto", "always", "never"))
    report = Report(verbose, quiet)
    inputs = load(paths, ref_date=ref_date, encoding=encoding, glob=glob, entities=entities, quiet=quiet, jobs=jobs,
                  mentions="none")  # the events carry all this command shows
    report.loaded(inputs)
    events = inputs.timeline()
    query = build_query(inputs.analyses, since=since, until=until, actor=actor, type=type, status=status,
                        grep=grep, precision=precision, limit=limit, reverse=reverse, entities=entities)
    events = query.apply(events)
    if fmt in ("plain", "jsonl"):  # written a batch of lines at a time: never the whole output in memory
        from ..render.formats import LINE_FORMATS, RenderContext

        with open_output(output) as out:
            for batch in _batches(LINE_FORMATS[fmt](events, RenderContext(inputs.analyses, inputs.errors, script))):
                out.write(batch)
    else:
        write_output(render_events(events, inputs, fmt, script, color, output is not None), output)
    undated = sum(e.date.start_date is None for e in events)
    if fmt in ("ics", "timelinejs") and undated and not quiet:
        say(f"{undated} event{'s' if undated > 1 else ''} without a known date (某年…) left out of the {fmt} "
            f"output; give --ref-date to place them")
    report.done(len(events))
    raise typer.Exit(exit_code(inputs))


def _batches(lines, size: int = 1000):
    batch = []
    for line in lines:
        batch.append(line)
        if len(batch) >= size:
            yield "".join(batch)
            batch.clear()
    if batch:
        yield "".join(batch)


def render_events(events, inputs, fmt: str, script: str, color: str, to_file: bool) -> str:
    if fmt in TEXT_FORMATS:
        from ..render.formats import RenderContext

        return TEXT_FORMATS[fmt](events, RenderContext(inputs.analyses, inputs.errors, script))
    from ..render.fields import labels_for
    from ..render.table import events_table
    from .console import render_rich

    return render_rich(events_table(events, script, labels_for(script, inputs.analyses)), color=color,
                       to_file=to_file)



def register(app: typer.Typer) -> None:
    app.command("list")(list_command)
