"""timeline list: the timeline of one or many articles, filtered, in any format."""

from __future__ import annotations

import typer

from ..render.formats import LINE_FORMATS, TEXT_FORMATS
from .common import exit_code, load, open_output, prepare_output, say
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
)
from .verbose import Report

FORMATS = ("table", *TEXT_FORMATS)
FORMAT_HELP = ("Output format. Default: the one --output FILE's extension names (.json, .jsonl, .csv, .md, "
               ".ics, .tsv), else table at a terminal or into a file, plain (tab-separated) in a pipe.")


@uses(READING, output_group(FORMATS, help=FORMAT_HELP), FILTERS, MANNERS)
def list_command(read: Reading, out: Output, filters: Filters, manners: Manners) -> None:
    """Show the timeline: every dated event of the articles, in date order.

    Each event has its date at the precision the text gives (2013年, 2025年4月,
    2025年底), a title in the article's own words, a type, its actors, and whether it
    occurred, is planned, predicted, reported or negated. The same event told by
    several sentences or articles appears once, with every source (--merge none keeps
    each article's events apart). Relative dates resolve against each article's
    reference date (see timeline --help).

    At a terminal the timeline is a table; in a pipe it is plain text, one event per
    line with tab-separated fields: start, end, date as written, TimeML value, title,
    type, actors, status, id and sources, so cut, sort and awk work on it. json and
    jsonl follow the events schema (timeline schema events); csv opens in a
    spreadsheet, markdown pastes into notes, ics imports into a calendar, timelinejs
    publishes with Knight Lab's TimelineJS.

    The filters combine: an event is shown when it passes all of them. --since and
    --until keep the events whose dates overlap the window.

    Examples:
        timeline list
            The seed article: a table at a terminal, tab-separated lines in a pipe.
        cat article.txt | timeline list --ref-date 2025-11-20
            An article from a pipe, with its publication date.
        timeline list --since 2025-01 --format json
            The seed's events from January 2025 on, as JSON.
        timeline list --actor 祖克柏 --status occurred
            What Zuckerberg did, found by any of his names (扎克伯格, 祖克柏, Zuckerberg).
        timeline list --format jsonl | jq -r '.date.value + " " + .title'
            One JSON object per event, for jq and scripts.
        timeline list --format plain | cut -f3,5
            Dates as written and titles only.
        timeline list news/ --merge none -o timeline.csv
            Every article's events kept apart, as a spreadsheet, written whole or not at all.
        timeline list --script hans --output timeline.ics
            A calendar file in Simplified Chinese.
    """
    prepare_output(out, FORMATS, terminal="table", pipe="plain", read=read)
    report = Report(manners)
    inputs = load(read, manners, mentions="none")  # the events carry all this command shows
    report.loaded(inputs)
    query = build_query(inputs.analyses, filters, read.entities)
    events = filtered(query, inputs.timeline(query))
    from ..render.formats import RenderContext

    context = RenderContext(inputs.analyses, inputs.errors, out.script)
    with open_output(out) as stream:
        if out.format in LINE_FORMATS:  # a batch of lines at a time: never the whole output in memory
            for batch in _batches(LINE_FORMATS[out.format](events, context)):
                stream.write(batch)
        elif out.format in TEXT_FORMATS:
            stream.write(TEXT_FORMATS[out.format](events, context))
        else:
            stream.write(render_table(events, inputs.analyses, out))
    undated = sum(e.date.start_date is None for e in events)
    if out.format in ("ics", "timelinejs") and undated and not manners.quiet:
        say(f"{undated} event{'s' if undated > 1 else ''} without a known date (某年…) left out of the "
            f"{out.format} output; give --ref-date to place them")
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


def render_table(events, analyses, out: Output) -> str:
    from ..render.fields import labels_for
    from ..render.safe import displayable_events
    from ..render.table import events_table
    from .console import render_rich

    table = events_table(displayable_events(events), out.script, labels_for(out.script, analyses),
                         sources=len(analyses) > 1)
    return render_rich(table, out)


def register(app: typer.Typer) -> None:
    app.command("list")(list_command)
