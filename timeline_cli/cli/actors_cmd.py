"""timeline actors: who appears in the timeline, how often, from when to when."""

from __future__ import annotations

import typer

from .common import exit_code, load, prepare_output, write_output
from .filters import build_query, filtered
from .options import (
    FILTERS,
    MANNERS,
    READING,
    Filters,
    Manners,
    Output,
    Reading,
    only,
    output_group,
    uses,
)
from .verbose import Report

FORMATS = ("table", "plain", "json", "csv")


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


@uses(READING, output_group(FORMATS, help="Output format. Default: the one --output FILE's extension names "
                                           "(.json, .csv, .tsv), else table at a terminal or into a file, plain "
                                           "in a pipe."),
      only(FILTERS, "since", "until", "type", "status"), MANNERS)
def actors_command(read: Reading, out: Output, filters: Filters, manners: Manners) -> None:
    """List the actors of the timeline, with their number of events and first and last dates.

    Known entities are merged across spellings and scripts (楊立昆 = LeCun); names the
    alias table does not know are found by heuristics and listed as written. Add
    entities with --entities. In a pipe: name, events, first, last and id,
    tab-separated.

    Examples:
        timeline actors
            Who the seed article is about.
        timeline actors news/ --since 2025 --format json | jq '.actors[0]'
            The actor of the most events from 2025 on, in a folder of articles.
    """
    from ..script import convert
    from ..textsafe import printable

    prepare_output(out, FORMATS, terminal="table", pipe="plain", read=read)
    report = Report(manners)
    inputs = load(read, manners, mentions="none")  # the events carry all this command shows
    report.loaded(inputs)
    query = build_query(inputs.analyses, filters, read.entities)
    rows = actor_rows(filtered(query, inputs.timeline(query)))
    for row in rows:
        row["name"] = convert(row["name"], out.script)
    write_output(_render(rows, out, printable), out)
    report.done(len(rows), "actor")
    raise typer.Exit(exit_code(inputs))


def _render(rows: list[dict], out: Output, printable) -> str:
    if out.format == "json":
        import json

        data = {"actors": [{**r, "first": r["first"].isoformat() if r["first"] else None,
                            "last": r["last"].isoformat() if r["last"] else None} for r in rows]}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    cells = [[printable(r["name"]), str(r["events"]), str(r["first"] or ""), str(r["last"] or ""), r["id"]]
             for r in rows]
    if out.format == "plain":
        return "".join("\t".join(c.replace("\t", " ") for c in row) + "\n" for row in cells)
    if out.format == "csv":
        import csv
        import io

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(("name", "events", "first", "last", "id"))
        writer.writerows(cells)
        return "\ufeff" + buffer.getvalue()
    from rich.table import Table

    from .console import render_rich

    table = Table(header_style="bold")
    for column, justify in (("Actor", "left"), ("Events", "right"), ("First", "left"), ("Last", "left"),
                            ("Id", "left")):
        table.add_column(column, justify=justify, style="dim" if column == "Id" else None)
    for row in cells:
        table.add_row(*(cell or "—" for cell in row))
    return render_rich(table, out)


def register(app: typer.Typer) -> None:
    app.command("actors")(actors_command)
