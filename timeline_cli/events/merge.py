"""Merging: one event per happening, however many sentences or articles tell it."""

from __future__ import annotations

from functools import lru_cache

from ..model import Actor, Document, Event, EventDate
from .build import Draft, event_date, event_id, evidence_for, sort_events

_CERTAINTY_RANK = {"stated": 0, "relative": 1, "approximate": 2, "inferred": 3}
_PRECISION = {"year": 4, "half": 7, "quarter": 7, "season": 7, "month": 7, "week": 10,
              "day": 10, "daypart": 10, "hour": 10, "minute": 10}


def merge_drafts(drafts: list[Draft], doc: Document) -> list[Event]:
    """Sentences of one document that restate the same event become one event."""
    groups: list[list[Draft]] = []
    by_key: dict[tuple, list[list[Draft]]] = {}  # only drafts with the same date and type can merge
    for draft in drafts:
        key = (draft.mention.value, draft.mention.mod, draft.type)
        candidates = by_key.setdefault(key, [])
        for group in candidates:
            if _same_draft(group[0], draft):
                group.append(draft)
                break
        else:
            group = [draft]
            groups.append(group)
            candidates.append(group)
    return [_event_from(group, doc) for group in groups]


def _same_draft(a: Draft, b: Draft) -> bool:
    ma, mb = a.mention, b.mention
    if (ma.value, ma.mod) != (mb.value, mb.mod) or a.type != b.type:
        return False
    return _related(a.type, {x.id for x in a.actors}, {x.id for x in b.actors}, a.title, b.title)


def _related(event_type: str, actors_a: set, actors_b: set, title_a: str, title_b: str) -> bool:
    if event_type != "other" and actors_a & actors_b:
        return True
    return similarity(title_a, title_b) >= 0.5


def similarity(a: str, b: str) -> float:
    """Overlap of character bigrams, after folding both titles to Simplified."""
    ga, gb = _grams(a), _grams(b)
    if not ga or not gb:
        return 0.0
    return len(ga & gb) / min(len(ga), len(gb))


@lru_cache(maxsize=1 << 16)  # a title is compared with many others, across documents
def _grams(title: str) -> frozenset[str]:
    from ..script import simplified_view

    s = simplified_view(title)
    return frozenset(s[i:i + 2] for i in range(len(s) - 1))


def _event_from(group: list[Draft], doc: Document) -> Event:
    best = min(group, key=lambda d: (_CERTAINTY_RANK.get(d.mention.certainty, 9), d.order))
    first = group[0]
    actors: dict[str, Actor] = {}
    for draft in group:
        for actor in draft.actors:
            actors.setdefault(actor.id, actor)
    return Event(
        id=event_id(doc.path, str(first.mention.start), first.mention.value, first.type),
        title=first.title,
        type=first.type,
        status=merged_status([d.status for d in group]),
        date=event_date(best.mention),
        actors=tuple(actors.values()),
        evidence=tuple(evidence_for(doc, d) for d in group),
        rule=best.mention.rule,
        anchor=best.mention.anchor,
    )


def merged_status(statuses: list[str]) -> str:
    for status in ("planned", "predicted", "occurred", "reported", "negated"):
        if status in statuses:
            return status
    return "occurred"


# --- across documents ------------------------------------------------------------------------

def merge_across(events: list[Event]) -> list[Event]:
    """The same event reported by several articles becomes one event with every source."""
    merger = CrossMerger()
    merger.add(events)
    return merger.events()


class CrossMerger:
    """Merges events across documents as they arrive (so a parent process can merge while
    its workers still read), in arrival order: the result depends only on that order.

    Each event is compared only with the merged events whose dates can match its own
    (found through an index of date prefixes), so merging stays near-linear over
    thousands of articles.
    """

    def __init__(self) -> None:
        self.merged: list[Event] = []
        self.paths: list[set[str]] = []  # the documents each merged event already cites
        self.actors: list[set[str]] = []  # its actors' ids
        self.index: dict[tuple, list[int]] = {}

    def add(self, events) -> None:
        for event in events:
            self._add_one(event)

    def events(self) -> list[Event]:
        return sort_events(self.merged)

    def _add_one(self, event: Event) -> None:
        merged, paths, actors, index = self.merged, self.paths, self.actors, self.index
        own = {e.path for e in event.evidence}
        own_actors = {x.id for x in event.actors}
        candidates = sorted({i for key in _date_keys_wanted(event.date) for i in index.get(key, ())})
        # Within one document merging has already happened: never merge two of its events.
        scores = [(_match_score(merged[i], event, actors[i], own_actors), i)
                  for i in candidates if paths[i].isdisjoint(own)]
        scores = [(score, i) for score, i in scores if score > 0]
        if scores:
            _, best = max(scores)
            before = merged[best].date
            merged[best] = _combine(merged[best], event)
            paths[best] |= own
            actors[best] |= own_actors
            if merged[best].date != before:
                _add_to_index(index, merged[best].date, best)
        else:
            _add_to_index(index, event.date, len(merged))
            merged.append(event)
            paths.append(own)
            actors.append(own_actors)


_WIDTHS = (4, 7, 10)  # the prefix lengths _same_date compares: year, month, day


def _add_to_index(index: dict, d: EventDate, i: int) -> None:
    """File a merged event under its exact value and under every prefix a date can match it by."""
    index.setdefault(("=", d.value), []).append(i)
    width = _comparable_width(d)
    for w in _WIDTHS:
        if w <= width:
            index.setdefault((width, w, d.value[:w]), []).append(i)


def _date_keys_wanted(d: EventDate) -> list[tuple]:
    """The index keys under which every merged event whose date can match `d` is filed."""
    keys: list[tuple] = [("=", d.value)]
    width = _comparable_width(d)
    if width:
        for other in _WIDTHS:
            w = min(other, width)
            keys.append((other, w, d.value[:w]))
    return keys


def _comparable_width(d: EventDate) -> int:
    """The prefix length _same_date compares this date by; 0 when only an equal value matches."""
    if "/" in d.value or d.value.startswith("X"):
        return 0
    return _PRECISION.get(d.granularity or "", 0)


def _match_score(a: Event, b: Event, actors_a: set[str], actors_b: set[str]) -> float:
    """How surely two events from different articles are one: 0 when they are not.

    Same date at the precision both give, no conflicting actors, and then either the
    same kind of event or titles that share enough words (compared in Simplified).
    `actors_a` and `actors_b` are the ids of their actors.
    """
    if actors_a and actors_b and actors_a.isdisjoint(actors_b):
        return 0.0
    if not _same_date(a.date, b.date):
        return 0.0
    shared = bool(actors_a & actors_b)
    sim = similarity(a.title, b.title)
    if a.type == b.type and a.type != "other":
        ok = shared or sim >= 0.15 or not (actors_a or actors_b)
    else:
        ok = sim >= 0.3 or (shared and sim >= 0.15)
    return sim + (0.5 if shared else 0) + (0.25 if a.type == b.type else 0) if ok else 0.0


def _same_date(a: EventDate, b: EventDate) -> bool:
    return _same_date_of(a.value, a.mod, a.granularity, b.value, b.mod, b.granularity)


@lru_cache(maxsize=1 << 14)  # across thousands of articles the same few dates meet again and again
def _same_date_of(a_value: str, a_mod: str | None, a_granularity: str | None,
                  b_value: str, b_mod: str | None, b_granularity: str | None) -> bool:
    if a_mod != b_mod and a_mod and b_mod:
        return False
    if a_value == b_value:
        return True
    if "/" in a_value or "/" in b_value or a_value.startswith("X") or b_value.startswith("X"):
        return False
    width = min(_PRECISION.get(a_granularity or "", 0), _PRECISION.get(b_granularity or "", 0))
    if width == 0:
        return False
    return a_value[:width] == b_value[:width]


def _combine(a: Event, b: Event) -> Event:
    actors = {x.id: x for x in a.actors}
    for x in b.actors:
        actors.setdefault(x.id, x)
    finer = a.date if _PRECISION.get(a.date.granularity or "", 0) >= _PRECISION.get(b.date.granularity or "", 0) else b.date
    return Event(
        id=a.id, title=a.title, type=a.type,
        status=merged_status([a.status, b.status]),
        date=finer, actors=tuple(actors.values()),
        evidence=a.evidence + b.evidence, rule=a.rule, anchor=a.anchor,
    )
