"""Merging: one event per happening, however many sentences or articles tell it.

The engine is the same within a document (the headline, the lead and the body telling
one departure) and across documents (the Traditional and Simplified versions of one
story), and it is engine-neutral, for an SQLite index or a Dask job as much as for one
process:

- `merge_key(event)` is a pure function of one event: its date group (the year it
  starts in, or its value when it has no calendar position). Events that can merge
  always share a merge key, so groups merge independently of one another.
- `merge_group(events)` merges the events of one group. The result depends only on the
  events and the order of their documents (the order in which documents first appear in
  the list), never on the order of the events otherwise.
- Inside a group, candidates are found through an index of date cells (day, month,
  year) and content keys (actor ids, title character pairs): an event is compared only
  with the merged events that share a cell and a key with it, never with all of a year.

Two events are one happening when their dates are compatible (one interval holds the
other), they have the same status, their actors do not conflict, and their content
agrees: shared actors with the same kind of event or some shared wording, or, without
shared actors, substantial shared wording. A merged event takes its title from its first
member, its date from the member that dates it most precisely, and keeps every member's
evidence and date: it never has a date, status or title that none of its sentences gives.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from ..lazyre import lazy_compile
from ..model import Event, EventDate
from ..vocab import CERTAINTY_ORDER, FINENESS
from .identity import merged_id, named_id, span_id
from .triggers import specific_triggers

MODES = ("auto", "none")
# A content key shared by more merged events than this within one date cell (公司, 宣布 in a
# busy month) says little about which one an event is: it is not used to find candidates.
# Same-happening pairs share rarer keys too (an actor, a name, a distinctive word), and the
# cap keeps the work per event bounded, so merging a year stays linear in its events.
COMMON_KEY = 24
# A happening told as done and the same happening told on a report's word (据新华社报道…) are one.
_TOLD_AS_DONE = {"occurred", "reported"}
_PUNCT = set("，,。；;：:！!？?、 \t\n「」『』“”‘’（）()【】《》〈〉…—-·・.")


# --- the key and the group --------------------------------------------------------------------

def merge_key(event: Event) -> str:
    """The date group of an event: events that may merge share it."""
    d = event.date
    if d.start_date is None or d.end_date is None:
        return "=" + d.value  # XXXX-04, a date nobody can place: only the same value merges
    if d.start_date.year != d.end_date.year:
        return "=" + d.value  # a span across years (2013/2018) merges only with the same span
    return f"{d.start_date.year:04d}"


def merge_group(events: Iterable[Event]) -> list[Event]:
    """Merge the events of one merge key (see the module docstring), in document order."""
    merger = GroupMerger()
    for event in _in_document_order(list(events)):
        merger.add(event)
    return merger.events()


class GroupMerger:
    """The events of one merge key merged as they come, which must be in document order:
    each joins the merged event it agrees with best, or starts one."""

    def __init__(self) -> None:
        self.clusters: list[_Cluster] = []
        self._index: dict[tuple, dict[str, list[int]]] = {}  # date cell -> content key -> clusters

    def add(self, event: Event) -> None:
        clusters, index = self.clusters, self._index
        # An actor is filed by its id and by its name's tail (中央氣象署 and 氣象署 meet on 气象署).
        # Name tails and acts count only between events of one article (see `agreement`): keyed by it.
        doc = _doc_of(event.evidence[0])
        actor_keys = {"a:" + a.id for a in event.actors} | {f"t:{doc}:{_simple(a.name)[-3:]}" for a in event.actors
                                                           if len(a.name) >= 3}
        actor_keys |= {f"x:{doc}:{act}" for act in _acts(event.title)}  # the act named (开庭): a hearing told again
        grams = title_grams(event.title)
        # Count what each merged event shares with this one: only those sharing an actor or
        # enough wording can agree with it (see `agreement`), so only they are compared.
        gram_hits: list[int] = []  # counted once at the end: Counter.update per key costs more
        with_actor: set[int] = set()
        for cell in _cells_to_search(event.date):
            keyed = index.get(cell)
            if keyed is None:
                continue
            for key in actor_keys:
                found = keyed.get(key, ())
                if len(found) <= COMMON_KEY:
                    with_actor.update(found)
            for key in grams:
                found = keyed.get(key, ())
                if len(found) <= COMMON_KEY:
                    gram_hits.extend(found)
        enough = min(3, len(grams))
        candidates = with_actor.union(i for i, n in Counter(gram_hits).items() if n >= enough)
        best, best_score = None, 0.0
        for i in sorted(candidates):
            score = clusters[i].accepts(event, grams)
            if score > best_score:
                best, best_score = i, score
        if best is not None:
            clusters[best].add(event)
            return
        number = len(clusters)
        clusters.append(_Cluster(event, grams))
        for cell in _cells_of(event.date):
            keyed = index.setdefault(cell, {})
            for key in actor_keys:
                keyed.setdefault(key, []).append(number)
            for key in grams:
                keyed.setdefault(key, []).append(number)

    def events(self, rename=None, doc: str | None = None) -> list[Event]:
        return [cluster.event(rename, doc) for cluster in self.clusters]


def merge_across(events: Iterable[Event], mode: str = "auto") -> list[Event]:
    """The events of several documents as one timeline: `auto` merges the same happening
    told by several documents, `none` keeps each document's events apart."""
    merger = CrossMerger(mode=mode)
    merger.add(events)
    return merger.events()


class CrossMerger:
    """Events of many documents, merged when asked: feed documents' events as they come
    (`add`), then take the timeline (`events`). The result depends on the order of the
    documents only."""

    def __init__(self, mode: str = "auto") -> None:
        if mode not in MODES:
            raise ValueError(f"merge mode {mode!r} is not one of {', '.join(MODES)}")
        self.mode = mode
        self._groups: dict[str, list[Event]] = {}
        self._all: list[Event] = []

    def add(self, events: Iterable[Event]) -> None:
        if self.mode == "none":
            self._all.extend(events)
            return
        for event in events:
            self._groups.setdefault(merge_key(event), []).append(event)

    def events(self) -> list[Event]:
        if self.mode == "none":
            return sort_events(self._all)
        return sort_events([merged for group in self._groups.values() for merged in merge_group(group)])


# --- one document -------------------------------------------------------------------------------

def finish_document(events: Iterable[Event], doc_key: str) -> list[Event]:
    """A document's events with their final ids (from its content key and their spans),
    restated events merged."""
    merger = DocumentMerger()
    merger.add(events)
    return merger.finish(doc_key)


class DocumentMerger:
    """One document's events merged as its parts are analysed, before its content key (and so
    its event ids) is known. Feed each part's events in the order of the parts (`add`), then
    name them (`finish`). Only the merged events are kept, never every event of a long text:
    a 100 MB file told 400,000 times over what it says 100 times keeps about 100.

    Each part's events lie in that part, so sorting one part's events puts the whole
    document's in text order, the order merge_group would give them."""

    def __init__(self) -> None:
        self._groups: dict[str, GroupMerger] = {}

    def add(self, events: Iterable[Event]) -> None:
        """The next part's events (ids provisional, evidence without the document's key)."""
        named = []
        for event in events:
            first = event.evidence[0]
            kind = "tenure" if event.type == "tenure" else "clause"
            span_key = span_id(kind, first.start, first.end, first.mention_start, first.mention_end)
            evidence = tuple(ev if ev.date is not None else replace(ev, date=event.date) for ev in event.evidence)
            named.append(replace(event, id=span_key, evidence=evidence))
        named.sort(key=lambda e: (e.evidence[0].start, e.evidence[0].mention_start or 0, e.id))
        for event in named:
            key = merge_key(event)
            group = self._groups.get(key)
            if group is None:
                group = self._groups[key] = GroupMerger()
            group.add(event)

    def finish(self, doc_key: str) -> list[Event]:
        """Every merged event, named from the document's key, in date order."""
        def rename(span_key: str) -> str:
            return named_id(doc_key, span_key)

        return sort_events([event for group in self._groups.values() for event in group.events(rename, doc_key)])


def sort_events(events: list[Event]) -> list[Event]:
    from datetime import date

    far = date.max
    return sorted(events, key=lambda e: (e.date.start_date or far, e.date.end_date or far,
                                         e.evidence[0].path if e.evidence else "",
                                         e.evidence[0].start if e.evidence else 0, e.id))


# --- inside a group -----------------------------------------------------------------------------

def _in_document_order(events: list[Event]) -> list[Event]:
    rank: dict[str, int] = {}
    for event in events:
        for ev in event.evidence:
            rank.setdefault(_doc_of(ev), len(rank))
    return sorted(events, key=lambda e: (rank[_doc_of(e.evidence[0])], e.evidence[0].start,
                                         e.evidence[0].mention_start or 0, e.id))


def _doc_of(evidence) -> str:
    return evidence.doc or evidence.path


class _Cluster:
    """Events found to be one happening; the first one leads (its title and type). Only what
    the merged event needs is kept of the others: their ids, evidence, actors, place and the
    one that dates it best."""

    def __init__(self, first: Event, grams: frozenset[str]) -> None:
        self.lead = first
        self.grams = grams
        self.dates = {_date_tuple(ev.date or first.date) for ev in first.evidence}
        self.actors = {a.id: a for a in first.actors}  # in the order members name them
        self.clocked: dict[str, dict[tuple, Event]] = {}  # members after the lead told at a time of day
        self.ids = [first.id]
        self.evidence = list(first.evidence)
        self.dated = first  # the member that dates the happening most precisely (the first such)
        self.place = first.place

    def accepts(self, event: Event, grams: frozenset[str]) -> float:
        lead = self.lead
        if event.status != lead.status and {event.status, lead.status} != _TOLD_AS_DONE:
            return 0.0
        score = agreement(lead, event, self.actors.keys(), self.grams, grams)
        if score and self.clocked and _CLOCK.search(event.date.value) and any(
                _other_moments(member, event) for value, members in self.clocked.items()
                if value != event.date.value for member in members.values()):
            return 0.0  # a vaguer lead does not glue two moments of one day told apart
        if score:
            for ev in event.evidence:
                own = _date_tuple(ev.date or event.date)
                if not all(compatible(own, other) for other in self.dates):
                    return 0.0
        return score

    def add(self, event: Event) -> None:
        if _CLOCK.search(event.date.value):  # only these can be another moment (_other_clock_times)
            # Members alike in all _other_moments reads are one: a text told again adds none.
            alike = (_doc_of(event.evidence[0]), event.title, event.type)
            self.clocked.setdefault(event.date.value, {}).setdefault(alike, event)
        self.dates.update(_date_tuple(ev.date or event.date) for ev in event.evidence)
        for actor in event.actors:
            self.actors.setdefault(actor.id, actor)
        self.ids.append(event.id)
        self.evidence.extend(event.evidence)
        if _dating_rank(event) < _dating_rank(self.dated):
            self.dated = event
        if not self.place:
            self.place = event.place

    def event(self, rename=None, doc: str | None = None) -> Event:
        """The merged event; `rename` maps the members' ids to their final ones and `doc` is
        the document's key for the evidence, when both are known only now (DocumentMerger)."""
        evidence = self.evidence if doc is None else [replace(ev, doc=doc) for ev in self.evidence]
        ids = self.ids if rename is None else [rename(i) for i in self.ids]
        lead, dated = self.lead, self.dated
        if len(ids) == 1:
            if rename is None and doc is None:
                return lead
            return replace(lead, id=ids[0], evidence=tuple(evidence))
        return Event(
            id=merged_id(ids),
            title=lead.title, type=lead.type, status=lead.status, date=dated.date,
            actors=tuple(self.actors.values()),
            evidence=tuple(evidence),
            rule=dated.rule, anchor=dated.anchor,
            place=self.place,
        )


def _dating_rank(event: Event) -> tuple:
    return -FINENESS.get(event.date.granularity or "", 0), CERTAINTY_ORDER.get(event.date.certainty, 9)


def _date_tuple(d: EventDate) -> tuple:
    return d.value, d.mod, d.start_date, d.end_date


def compatible(a: tuple, b: tuple) -> bool:
    """Two dates (value, mod, start, end) can be one happening's: equal, or one holds the other."""
    if a[:2] == b[:2]:
        return True
    if None in (a[2], a[3], b[2], b[3]):
        return False
    return (a[2] <= b[2] and b[3] <= a[3]) or (b[2] <= a[2] and a[3] <= b[3])


def agreement(a: Event, b: Event, actors_a: set[str] | None = None,
              grams_a: frozenset[str] | None = None, grams_b: frozenset[str] | None = None) -> float:
    """How surely two events with compatible dates are one happening (0: they are not).
    The optional arguments are what the caller already has: a's actor ids, both titles' grams."""
    if _other_ranges(a.date, b.date):
        return 0.0  # 23日至27日 and 26日至27日: forecasts (or schedules) of two periods, not one told twice
    ids_a = actors_a if actors_a is not None else {x.id for x in a.actors}
    ids_b = {x.id for x in b.actors}
    alias = False
    if ids_a and ids_b and ids_a.isdisjoint(ids_b):
        # 中央氣象署/氣象署; or the lead's speaker and the body's telling one shooting (上個月 / 1月24日)
        alias = _one_article(a, b) and (_named_alike(a.actors, b.actors)
                                        or (_nested(a.date, b.date) and _same_act(a, b)))
        if not alias:
            return 0.0  # both say who, and they name different actors
    shared = bool(ids_a & ids_b)  # an alias only lifts the conflict: the wording must still agree
    ga = grams_a if grams_a is not None else title_grams(a.title)
    gb = grams_b if grams_b is not None else title_grams(b.title)
    common = len(ga & gb)
    sim = common / min(len(ga), len(gb)) if ga and gb else 0.0
    coarse = min(FINENESS.get(a.date.granularity or "", 0), FINENESS.get(b.date.granularity or "", 0)) < 4
    if _other_moments(a, b):
        return 0.0  # 清晨5時 the storm stood here, 5時30分 the warning went out: one article, two moments
    if _other_counts(a.title, b.title):
        return 0.0  # 全年累計12萬2423宗 and 最後一週1341宗: two figures, not one told twice
    if _one_article(a, b) and ("同时" in _simple(a.title)) != ("同时" in _simple(b.title)) and sim < 0.8:
        return 0.0  # 立院同時通過主決議: told as another act at the same time, not the first told again
    if _other_works(a.title, b.title):
        return 0.0  # 三讀通過《A條例》修正案 and, the same day, 三讀通過《B法》: two bills, two happenings
    if shared:
        same_kind = a.type == b.type and a.type not in ("other", "statement")
        # The shared actor's own name is no agreement on what happened (立法會 in two titles), nor
        # is a pair across its edge (港鐵將…, 港鐵當日將…: 鐵將 is the name again): the titles are
        # compared without the name.
        shared_names = [x.name for x in (*a.actors, *b.actors) if x.id in ids_a and x.id in ids_b]
        names = frozenset().union(*(title_grams(name) for name in shared_names))
        worded = bool((ga & gb) - names)
        if worded and shared_names:
            worded = bool(title_grams(_without(a.title, shared_names)) & title_grams(_without(b.title, shared_names)))
        if coarse:  # a whole year (or quarter) holds many happenings of one actor: words must agree too
            ok = worded and (sim >= 0.25 or (same_kind and sim > 0.12))
        else:
            ok = same_kind or (worded and sim >= 0.15)
        return 1.0 + sim if ok else 0.0
    if ga and ga == gb:
        return sim
    if _other_subjects(a.title, b.title):
        return 0.0  # 台北市…宣布停班課 and 中彰投3縣市宣布停班課: the same act by others
    if (_one_article(a, b) and a.date.value != b.date.value and sim < 0.8 and not _same_predicate(a.title, b.title)
            and not (_nested(a.date, b.date) and (_same_act(a, b) or (coarse and common >= 4 and sim >= 0.3)))):
        return 0.0  # 台中市…昨天深夜宣布停班停課, 台中市…昨晚8時宣布正常上班上課: the same subjects, another act
    if (sim >= 0.5 and common >= 3) or (common >= 4 and sim >= 0.3 and _told_again(a, b)):
        return sim
    if _told_again(a, b) and _same_day(a, b) and _same_act(a, b):
        return max(sim, 0.1)  # 今日被警方拘捕 … 今日凌晨…將他拘捕: one article, one day, one act
    return 0.0


_CLOCK = lazy_compile(r"T\d")
_COUNT = lazy_compile(r"(\d[\d.,]*\s*[万萬亿億]?[\d.,]*)\s*(宗|例|件|人|名|起|架|枚|间|間|家|所)")


@lru_cache(maxsize=1 << 12)
def _counts(title: str) -> dict[str, frozenset[str]]:
    if not any(ch.isdigit() for ch in title):
        return {}  # no number, no count
    found: dict[str, set[str]] = {}
    for number, unit in _COUNT.findall(_simple(title)):
        found.setdefault(unit, set()).add(number.replace(",", "").replace(" ", ""))
    return {unit: frozenset(numbers) for unit, numbers in found.items()}


def _other_counts(title_a: str, title_b: str) -> bool:
    """Both titles count the same thing (宗, 人, 件…) and share no number: two figures."""
    a, b = _counts(title_a), _counts(title_b)
    shared_units = a.keys() & b.keys()
    return bool(shared_units) and all(not (a[u] & b[u]) for u in shared_units)


def _without(title: str, names: list[str]) -> str:
    """The title in Simplified with the names blanked out (a mark, so no pair spans the gap)."""
    simple = _simple(title)
    for name in names:
        simple = simple.replace(_simple(name), "，")
    return simple


_WORK = lazy_compile(r"《([^》]{1,40})》")


def _other_works(title_a: str, title_b: str) -> bool:
    """Both titles name works in 《》 (a bill, a report, a film) and none of them twice: two acts on
    two things, not one told again."""
    if "《" not in title_a or "《" not in title_b:
        return False
    a = {_simple(w) for w in _WORK.findall(title_a)}
    b = {_simple(w) for w in _WORK.findall(title_b)}
    return bool(a) and bool(b) and a.isdisjoint(b)


def _other_moments(a: Event, b: Event) -> bool:
    """One article, two times of one day, two acts or two wordings: two moments."""
    return (_one_article(a, b) and _other_clock_times(a.date, b.date)
            and not (_same_act(a, b) and _worded_alike(a, b)))


def _worded_alike(a: Event, b: Event) -> bool:
    ga, gb = title_grams(a.title), title_grams(b.title)
    return bool(ga and gb) and len(ga & gb) / min(len(ga), len(gb)) >= 0.3


def _nested(a: EventDate, b: EventDate) -> bool:
    """One date is a coarser telling of the other (上個月, then 1月24日)."""
    fine_a, fine_b = FINENESS.get(a.granularity or "", 0), FINENESS.get(b.granularity or "", 0)
    return fine_a != fine_b and compatible(_date_tuple(a), _date_tuple(b))


_DAYPART_HOURS = {"MO": (5, 12), "MI": (11, 14), "AF": (12, 18), "EV": (17, 22), "NI": (18, 24)}


def _other_clock_times(a: EventDate, b: EventDate) -> bool:
    """Two times of day, each stated to the hour or minute, that differ; or a time to the hour and a part
    of the day that does not hold it (下午2時 confirmed, 今晚 announced)."""
    if a.value == b.value or "T" not in a.value or "T" not in b.value:
        return False
    clock_a, clock_b = bool(_CLOCK.search(a.value)), bool(_CLOCK.search(b.value))
    if clock_a and clock_b:
        return True
    if clock_a == clock_b or a.value[:10] != b.value[:10]:
        return False
    clock, part = (a.value, b.value) if clock_a else (b.value, a.value)
    hours = _DAYPART_HOURS.get(part.split("T", 1)[1][:2])
    hour = int(clock.split("T", 1)[1][:2])
    return hours is not None and not hours[0] <= hour < hours[1]


def _named_alike(actors_a, actors_b) -> bool:
    """中央氣象署 and 氣象署 in one article: the short name is the long one's tail."""
    for x in actors_a:
        for y in actors_b:
            short, long = sorted((_simple(x.name), _simple(y.name)), key=len)
            if len(short) >= 2 and short != long and long.endswith(short):
                return True
    return False


def _other_ranges(a: EventDate, b: EventDate) -> bool:
    """Two ranges of days, each stated whole, that differ."""
    day = FINENESS["day"]
    return ("/" in a.value and "/" in b.value and a.value != b.value
            and FINENESS.get(a.granularity or "", 0) >= day and FINENESS.get(b.granularity or "", 0) >= day)


def _same_day(a: Event, b: Event) -> bool:
    return (a.date.start_date is not None and a.date.start_date == a.date.end_date
            == b.date.start_date == b.date.end_date)


def _same_act(a: Event, b: Event) -> bool:
    """Both titles name the same act (a trigger word of one specific type, not 宣布 or 表示; the
    words of one court hearing, 開庭/開審/庭審/審理/審訊, are one act)."""
    return a.type == b.type and bool(_acts(a.title) & _acts(b.title))


_HEARING = frozenset(("开庭", "开审", "审理", "审讯", "庭审"))
_AFTER_THE_HEARING = lazy_compile(r"结束后|之后|后[，,]")  # 庭審結束後，被告被押回: what came after it


@lru_cache(maxsize=1 << 12)
def _acts(title: str) -> frozenset[str]:
    words = specific_triggers(title, _simple(title))
    if not words & _HEARING:
        return words
    if _AFTER_THE_HEARING.search(_simple(title)):
        return words - _HEARING
    return (words - _HEARING) | {"开庭"}


def _same_predicate(title_a: str, title_b: str) -> bool:
    """The ends of two titles share wording (where a Chinese sentence says what happened)."""
    return bool(title_grams(title_a[-6:]) & title_grams(title_b[-6:]))


_NAME_HEAD = lazy_compile(r"^(?![在于从对向把被将])(?!一共|全国|累计|共有|总共|其中|另外|同时|目前|已经|正式|年度|本届|今年|去年|明年|首届)"
                        r"[\u4e00-\u9fff]{2}$")


def _other_subjects(title_a: str, title_b: str) -> bool:
    """Each title opens with a name the other never says."""
    a, b = _simple(title_a), _simple(title_b)
    head_a, head_b = a[:2], b[:2]
    if not (_NAME_HEAD.match(head_a) and _NAME_HEAD.match(head_b)):
        return False  # 23 歲男子…, 在旺角…: no name opens the title
    return head_a != head_b and head_a not in b and head_b not in a


@lru_cache(maxsize=1 << 15)  # titles and names: merging asks for the same ones again and again
def _simple(title: str) -> str:
    from ..script import simplified_view

    return simplified_view(title)


def _told_again(a: Event, b: Event) -> bool:
    """One happening told twice by one article (its lead and its body, 上月 and then the day):
    less shared wording is needed than between articles."""
    return _one_article(a, b)


def _one_article(a: Event, b: Event) -> bool:
    return _doc_of(a.evidence[0]) == _doc_of(b.evidence[0])


@lru_cache(maxsize=1 << 12)  # the same title comes back from the other script's twin, or a restatement
def title_grams(title: str) -> frozenset[str]:
    """Character pairs of a title in Simplified, without punctuation or digits."""
    s = "".join(ch for ch in _simple(title).casefold() if ch not in _PUNCT and not ch.isdigit())
    return frozenset(s[i:i + 2] for i in range(len(s) - 1))


# Date cells: an event is filed under its own cell, and day and month events also under
# the month and year that hold them, so any compatible date finds it in a few look-ups.

def _cells_of(d: EventDate) -> list[tuple]:
    if d.start_date is None or d.end_date is None or d.start_date.year != d.end_date.year:
        return [("=", d.value)]
    start, end = d.start_date, d.end_date
    month = (start.year, start.month)
    if start == end:
        return [("day", start), ("days of", month), ("within", start.year)]
    if (end.year, end.month) == month:
        return [("month", month), ("within", start.year)]
    return [("year", start.year)]


def _cells_to_search(d: EventDate) -> list[tuple]:
    if d.start_date is None or d.end_date is None or d.start_date.year != d.end_date.year:
        return [("=", d.value)]
    start, end = d.start_date, d.end_date
    month = (start.year, start.month)
    if start == end:
        return [("day", start), ("month", month), ("year", start.year)]
    if (end.year, end.month) == month:
        return [("days of", month), ("month", month), ("year", start.year)]
    return [("within", start.year), ("year", start.year)]
