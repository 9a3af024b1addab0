"""timeline actors: who appears in the timeline, how often, from when to when."""

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
    default_format,
    exit_code,
    load,
    write_output,
)
from .filters import SinceOpt, StatusOpt, TypeOpt, UntilOpt, build_query
from .verbose import Report, VerboseOpt


def actor_rows(events) -> list[dict]:
    rows: dict[str, dict] = {}
    for event in events:
        for actor in event.actors:
            row = rows.setdefault(actor.id, {"id": actor.id, "name": actor.name, "events": 0,
                                             "first": None, "last": None})
            row["events"] += 1
            start, end = event.date.start_date, event.date.end_date
            if start and (row["first"] is None or start < row["first"]):
                row["first"] = start
            if end and (row["last"] is None or end > row["last"]):
                row["last"] = end
    return sorted(rows.values(), key=lambda r: (-r["events"], r["first"] or __import__("datetime").date.max, r["id"]))


def actors_command(
    paths: Paths = None,
    ref_date: RefDateOpt = None,
    format: Annotated[str | None, typer.Option("--format", "-f", metavar="table|plain|json",
                                               help="Default: json for an --output FILE ending .json, else table at a terminal or into a file, plain in a pipe.")] = None,
    output: OutputOpt = None,
    script: ScriptOpt = "original",
    since: SinceOpt = None,
    until: UntilOpt = None,
    type: TypeOpt = None,
    status: StatusOpt = None,
    entities: EntitiesOpt = None,
    encoding: EncodingOpt = None,
    glob: GlobOpt = None,
    color: Annotated[str, typer.Option("--color", metavar="auto|always|never", help="Colour (NO_COLOR is honoured).")] = "auto",
    quiet: QuietOpt = False,
    jobs: JobsOpt = 1,
    verbose: VerboseOpt = False,
) -> None:
    """List the actors of the timeline, with their number of events and first and last dates.

    Known entities are merged across spellings and scripts (楊立昆 = LeCun); names the
    alias table does not know are found by heuristics and listed as written. Add
    entities with --entities. In a pipe: name, events, first, last and id,
    tab-separated.

    Examples:
        timeline actors
            Who the seed article is about.
        timeline actors tests/articles/ --since 2025 --format json | jq '.actors[0]'
            The actor of the most events from 2025 on, in a folder of articles.
    """
    from ..script import convert

    fmt = check_choice("--format", format, ("table", "plain", "json")) if format else default_format(
        output, ("table", "plain", "json"))
    report = Report(verbose, quiet)
    inputs = load(paths, ref_date=ref_date, encoding=encoding, glob=glob, entities=entities, quiet=quiet, jobs=jobs,
                  mentions="none")  # the events carry all this command shows
    report.loaded(inputs)
    query = build_query(inputs.analyses, since=since, until=until, type=type, status=status, entities=entities)
    rows = actor_rows(query.apply(inputs.timeline()))
    for row in rows:
        row["name"] = convert(row["name"], script)
    if fmt == "json":
        import json

        data = {"actors": [{**r, "first": r["first"].isoformat() if r["first"] else None,
                            "last": r["last"].isoformat() if r["last"] else None} for r in rows]}
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    elif fmt == "plain":
        text = "".join(f"{r['name']}\t{r['events']}\t{r['first'] or ''}\t{r['last'] or ''}\t{r['id']}\n" for r in rows)
    else:
        from rich.table import Table

        from .console import render_rich

        table = Table(header_style="bold")
        for column, justify in (("Actor", "left"), ("Events", "right"), ("First", "left"), ("Last", "left"),
                                ("Id", "left")):
            table.add_column(column, justify=justify, style="dim" if column == "Id" else None)
        for r in rows:
            table.add_row(r["name"], str(r["events"]), str(r["first"] or "—"), str(r["last"] or "—"), r["id"])
        text = render_rich(table, color=color, to_file=output is not None)
    write_output(text, output)
    report.done(len(rows), "actor")
    raise typer.Exit(exit_code(inputs))


def register(app: typer.Typer) -> None:
    app.command("actors")(actors_command)
