"""How the filter options (defined in cli/options.py) become a Query."""

from __future__ import annotations

from ..vocab import STATUSES
from .common import check_choice, fail_usage
from .options import Filters


def build_query(analyses, filters: Filters, entities: str | None = None):
    """The Query of the --since … --reverse options; a bad value is a usage error."""
    from ..query import PRECISIONS, Query, QueryError, parse_when

    ref = _first_ref(analyses) if filters.since or filters.until else None
    try:
        since = parse_when(filters.since, ref, "--since") if filters.since else None
        until = parse_when(filters.until, ref, "--until") if filters.until else None
    except QueryError as exc:
        fail_usage(str(exc))
    if since and until and since[0] > until[1]:
        fail_usage(f"--since {filters.since!r} ({since[0]}) is later than --until {filters.until!r} "
                   f"({until[1]}): no event can be in both; swap them")
    statuses = tuple(check_choice("--status", value, STATUSES) for value in filters.status or ())
    types: tuple[str, ...] = ()
    if filters.type:
        from ..events.triggers import event_types

        types = tuple(check_choice("--type", value, event_types()) for value in filters.type)
    precision = check_choice("--precision", filters.precision, PRECISIONS) if filters.precision else None
    if filters.limit is not None and filters.limit < 0:
        fail_usage(f"--limit {filters.limit} must be 0 or more; e.g. --limit 10")
    return Query(since=since[0] if since else None, until=until[1] if until else None,
                 actors=_actor_ids(filters.actor, entities), types=types, statuses=statuses,
                 grep=filters.grep, precision=precision, limit=filters.limit, reverse=filters.reverse)


def _first_ref(analyses):
    """The reference date relative --since/--until values resolve against: the first input's that
    has one (an index's analyses answer from SQL, see cli/indexed.py)."""
    if hasattr(analyses, "first_ref"):
        return analyses.first_ref()
    return next((a.document.ref for a in analyses if a.document.ref is not None), None)


def _actor_ids(names: list[str] | None, entities: str | None) -> tuple[str, ...]:
    if not names:
        return ()
    from pathlib import Path

    from ..events.entities import load_table

    table = load_table(Path(entities) if entities else None)
    return tuple(entity.id if (entity := table.lookup(name)) else name for name in names)


def filtered(query, events: list) -> list:
    """The events the query keeps; an --actor that names no actor of any event is said on
    stderr (a typo would otherwise look like an empty timeline)."""
    if query.actors:
        from dataclasses import replace

        from .common import say

        for wanted in query.actors:
            if not replace(query, actors=(wanted,), limit=None).apply(events):
                say(f"--actor {wanted!r} matches no actor in these articles")
    return query.apply(events)
