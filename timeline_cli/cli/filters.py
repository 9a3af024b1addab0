"""The filter options every event-listing command shares, and how they become a Query."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import fail_usage

STATUSES = ("occurred", "planned", "predicted", "reported", "negated")

SinceOpt = Annotated[str | None, typer.Option(
    "--since", metavar="WHEN", help="Events overlapping WHEN or later: 2025, 2025-04, 2025-04-07, 2025年4月, 去年.")]
UntilOpt = Annotated[str | None, typer.Option(
    "--until", metavar="WHEN", help="Events overlapping WHEN or earlier (same forms as --since).")]
ActorOpt = Annotated[list[str] | None, typer.Option(
    "--actor", "-a", metavar="NAME", help="Events involving NAME, by any alias in either script (repeatable).")]
TypeOpt = Annotated[list[str] | None, typer.Option(
    "--type", "-t", metavar="TYPE", help="Events of this type: join, leave, release, … (repeatable).")]
StatusOpt = Annotated[list[str] | None, typer.Option(
    "--status", "-s", metavar="STATUS", help="occurred, planned, predicted, reported or negated (repeatable).")]
GrepOpt = Annotated[str | None, typer.Option(
    "--grep", "-g", metavar="TEXT", help="Events whose title, actors or sentences contain TEXT (either script).")]
PrecisionOpt = Annotated[str | None, typer.Option(
    "--precision", metavar="year|month|day", help="Drop events whose date is vaguer than this.")]
LimitOpt = Annotated[int | None, typer.Option("--limit", "-n", metavar="N", help="At most N events.")]
ReverseOpt = Annotated[bool, typer.Option("--reverse", help="Latest first.")]


def build_query(analyses, *, since=None, until=None, actor=None, type=None, status=None, grep=None,
                precision=None, limit=None, reverse=False, entities: Path | None = None):
    from ..query import PRECISIONS, Query, QueryError, parse_when

    ref = next((a.document.ref for a in analyses if a.document.ref is not None), None)
    try:
        since_day = parse_when(since, ref, "--since")[0] if since else None
        until_day = parse_when(until, ref, "--until")[1] if until else None
    except QueryError as exc:
        fail_usage(str(exc))
    for value in status or ():
        if value not in STATUSES:
            fail_usage(f"--status {value!r} is not one of {', '.join(STATUSES)}; e.g. --status planned")
    if type:
        from ..events.build import event_types

        known = event_types()
        for value in type:
            if value not in known:
                fail_usage(f"--type {value!r} is not one of {', '.join(known)}; e.g. --type leave")
    if precision is not None and precision not in PRECISIONS:
        fail_usage(f"--precision {precision!r} is not one of year, month, day; e.g. --precision month")
    if limit is not None and limit < 0:
        fail_usage(f"--limit {limit} must be 0 or more; e.g. --limit 10")
    actors: list[str] = []
    if actor:
        from ..events.entities import load_table

        table = load_table(entities)
        for name in actor:
            entity = table.lookup(name)
            actors.append(entity.id if entity else name)
    return Query(since=since_day, until=until_day, actors=tuple(actors), types=tuple(type or ()),
                 statuses=tuple(status or ()), grep=grep, precision=precision, limit=limit, reverse=reverse)
