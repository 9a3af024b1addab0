"""timeline tree: the timeline as a tree, by time, actor, type or document."""

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
    load,
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


def tree_command(
    paths: Paths = None,
    by: Annotated[str, typer.Option("--by", metavar="time|actor|type|doc",
                                    help="Group by year → month (time), by actor, by type, or by document.")] = "time",
    ref_date: RefDateOpt = None,
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
    color: Annotated[str, typer.Option("--color", metavar="auto|always|never", help="Colour (NO_COLOR is honoured).")] = "auto",
    quiet: QuietOpt = False,
    jobs: JobsOpt = 1,
    verbose: VerboseOpt = False,
) -> None:
    """Draw the timeline as a tree, by year and month, by actor, by type or by document.

    Each leaf shows the date, the title, the status and the event id (for timeline
    show). The filters are those of timeline list.

    Examples:
        timeline tree
            The seed article, by year and month.
        timeline tree tests/articles/chip_acquisition_hans.txt tests/articles/chip_acquisition_hant.txt --by actor
            Who did what, from two articles.
        timeline tree tests/articles/ --by doc --since 2025
            Each article's events from 2025 on.
    """
    from ..render.fields import labels_for
    from ..render.tree import GROUPINGS, events_tree
    from .console import render_rich

    check_choice("--by", by, GROUPINGS)
    check_choice("--script", script, ("original", "hant", "hans"))
    report = Report(verbose, quiet)
    inputs = load(paths, ref_date=ref_date, encoding=encoding, glob=glob, entities=entities, quiet=quiet, jobs=jobs,
                  mentions="none")  # the events carry all this command shows
    report.loaded(inputs)
    query = build_query(inputs.analyses, since=since, until=until, actor=actor, type=type, status=status,
                        grep=grep, precision=precision, limit=limit, reverse=reverse, entities=entities)
    events = query.apply(inputs.timeline())
    label_script = labels_for(script, inputs.analyses)
    title = ", ".join(a.document.path for a in inputs.analyses) or "timeline"
    tree = events_tree(events, by, script, label_script, title)
    write_output(render_rich(tree, color=color, to_file=output is not None), output)
    report.done(len(events))
    raise typer.Exit(exit_code(inputs))


def register(app: typer.Typer) -> None:
    app.command("tree")(tree_command)
