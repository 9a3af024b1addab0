"""Derived spans: dates the text implies without writing them.

在Meta工作的12年中，其中5年担任FAIR的创始主任，7年担任首席AI科学家, next to
2013年加入, gives 2013–2025 at Meta, 2013–2018 founding director and 2018–2025
chief AI scientist. Each derived event is marked `inferred` and cites both
sentences.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date

from ..lazyre import lazy_compile
from ..model import Document, Event, EventDate, Evidence, Mention
from ..script import simplified_view as simplified_of
from .actors import sentence_actors
from .entities import DocEntities
from .identity import single_id
from .sentences import Span, sentences

_TENURE = lazy_compile(r"(工作|效力|任职|执掌|服务|在任|掌舵)(了)?(的)?$")
_JOIN = lazy_compile(r"加入|加盟|入职|创立|创建|创办|成立|上任|出任|就任")
_ROLE = lazy_compile(r"^(担任|出任|任|作为|是)")
_YEARS = lazy_compile(r"^P(\d+)Y$")
_NEARBY_SENTENCES = 2


def derived_events(doc: Document, view: str, mentions: list[Mention], table: DocEntities) -> list[Event]:
    spans = sentences(doc.text)
    starts = [span.start for span in spans]
    index_of = {m.id: _sentence_index(starts, m.start) for m in mentions}
    joins = _join_years(mentions, view, spans, index_of)
    events: list[Event] = []
    for position, total in enumerate(mentions):
        years = _years(total)
        if years is None or not _TENURE.search(view[max(0, total.start - 10):total.start]):
            continue
        here = index_of[total.id]
        anchor = _nearest_join(joins, here)
        if anchor is None:
            continue
        start_year = int(anchor.value)
        sentence, anchor_sentence = spans[here], spans[index_of[anchor.id]]
        actors = tuple(a for a, _ in sentence_actors(doc.text, view, sentence, table, doc.script))
        evidence = (_evidence(doc, sentence, total), _evidence(doc, anchor_sentence, anchor))
        title = _tenure_title(doc.text, view, sentence, total)
        events.append(_span_event(doc, title, start_year, start_year + years, actors, evidence, total))
        cursor = start_year
        for part in _parts_after(mentions, position, sentence, view):
            part_years = _years(part)
            role = _role_title(doc.text, view, part, sentence)
            events.append(_span_event(doc, role, cursor, cursor + part_years, actors,
                                      (_evidence(doc, sentence, part), evidence[1]), part))
            cursor += part_years
    return events


def _years(mention: Mention) -> int | None:
    if mention.type != "DURATION":
        return None
    m = _YEARS.match(mention.value)
    return int(m.group(1)) if m else None


def _sentence_index(starts: list[int], offset: int) -> int:
    return max(0, bisect_right(starts, offset) - 1)


def _join_years(mentions, view, spans, index_of) -> list[tuple[int, Mention]]:
    """Years someone joined or founded something (2013年加入), with their sentence, in order.

    The join words are found once for the whole text, and each year looks up the first one
    after it (a dense run of years in one sentence must not search to its end per year).
    """
    words = [(m.start(), m.end()) for m in _JOIN.finditer(view)]
    word_starts = [start for start, _ in words]
    joins = []
    for m in mentions:
        if m.type != "DATE" or m.granularity != "year" or not m.value.isdigit() or m.certainty != "stated":
            continue
        index = index_of[m.id]
        at = bisect_left(word_starts, m.end)
        if at < len(words) and words[at][1] <= spans[index].end:
            joins.append((index, m))
    return joins


def _nearest_join(joins: list[tuple[int, Mention]], here: int) -> Mention | None:
    """The join year stated nearest to sentence `here`, within two sentences."""
    at = bisect_right(joins, here, key=lambda item: item[0])
    best = None
    for index, m in joins[max(0, at - 3):at + 3]:
        distance = abs(index - here)
        if distance <= _NEARBY_SENTENCES and (best is None or distance < best[0]):
            best = (distance, m)
    return None if best is None else best[1]


def _parts_after(mentions, position, sentence, view) -> list[Mention]:
    """其中5年担任…，7年担任…: the lengths after the total, in its sentence."""
    parts = []
    for m in mentions[position + 1:]:
        if m.start >= sentence.end:
            break
        if _years(m) is not None and _ROLE.match(view[m.end:m.end + 3]):
            parts.append(m)
    return parts


def _tenure_title(text: str, view: str, sentence: Span, total: Mention) -> str:
    start = sentence.start
    for sep in "，,；;":
        cut = view.rfind(sep, sentence.start, total.start)
        start = max(start, cut + 1 if cut >= 0 else start)
    head = text[start:total.start]
    return re.sub(r"的$", "", head.strip()) or simplified_of(text[sentence.start:total.end])


def _role_title(text: str, view: str, part: Mention, sentence: Span) -> str:
    end = sentence.end
    for sep in "，,；;。":
        cut = view.find(sep, part.end, sentence.end)
        if cut >= 0:
            end = min(end, cut)
    return text[part.end:end].strip()


def _evidence(doc: Document, sentence: Span, mention: Mention) -> Evidence:
    return Evidence(doc.path, sentence.start, sentence.end, doc.text[sentence.start:sentence.end],
                    mention.id, mention.start, mention.end)  # a duration or a year: the event's date is derived


def _span_event(doc, title, first_year, last_year, actors, evidence, mention) -> Event:
    when = EventDate(f"{first_year:04d}/{last_year:04d}", None, "year", date(first_year, 1, 1),
                     date(last_year, 12, 31), "inferred")
    return Event(
        id=single_id(doc.path, "tenure", evidence[0].start, evidence[0].end, mention.start, mention.end),
        title=title, type="tenure", status="occurred", date=when, actors=actors,
        evidence=evidence, rule="derived-tenure", anchor=evidence[1].mention,
    )
