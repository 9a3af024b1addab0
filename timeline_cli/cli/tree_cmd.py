"""timeline tree: the timeline as a tree, by time, actor, type or document."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import check_choice, exit_code, load, prepare_output, write_output
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


@uses(READING, output_group(("text",), help="Output format: text (the tree)."), FILTERS, MANNERS)
def tree_command(
    read: Reading, out: Output, filters: Filters, manners: Manners,
    by: Annotated[str, typer.Option("--by", metavar="time|actor|type|doc",
                                    help="Group by year → month (time), by actor, by type, or by document.")] = "time",
) -> None:
    """Draw the timeline as a tree, by year and month, by actor, by type or by document.

    Each leaf shows the date, the title, the status and the event id (for timeline
    show). The filters are those of timeline list.

    Examples:
        timeline tree
            The seed article, by year and month.
        timeline tree news/ --by actor
            Who did what, in a folder of articles.
        timeline tree news/ --by doc --since 2025
            Each article's events from 2025 on.
    """
    from ..render.fields import labels_for
    from ..render.safe import displayable_events
    from ..render.tree import GROUPINGS, events_tree
    from ..textsafe import printable
    from .console import render_rich

    by = check_choice("--by", by, GROUPINGS)
    prepare_output(out, ("text",), terminal="text", pipe="text", read=read)
    report = Report(manners)
    inputs = load(read, manners, mentions="none")  # the events carry all this command shows
    report.loaded(inputs)
    query = build_query(inputs.analyses, filters, read.entities)
    events = filtered(query, inputs.timeline(query))
    label_script = labels_for(out.script, inputs.analyses)
    title = printable(", ".join(a.document.path for a in inputs.analyses) or "timeline")
    tree = events_tree(displayable_events(events), by, out.script, label_script, title)
    write_output(render_rich(tree, out, wrap=False), out)
    report.done(len(events))
    raise typer.Exit(exit_code(inputs))


def register(app: typer.Typer) -> None:
    app.command("tree")(tree_command)
