"""Derived spans: dates the text implies without writing them.

在Meta工作的12年中，其中5年担任FAIR的创始主任，7年担任首席AI科学家, next to
2013年加入, gives 2013–2025 at Meta, 2013–2018 founding director and 2018–2025
chief AI scientist. Each derived event is marked `inferred` and cites both
sentences.
"""

from __future__ import annotations

import re
from datetime import date

from ..model import Document, Event, EventDate, Evidence, Mention
from .build import _actors, event_id, simplified_of
from .entities import DocEntities
from .sentences import Span, sentences

_TENURE = re.compile(r"(工作|效力|任职|执掌|服务|在任|掌舵)(了)?(的)?$")
_JOIN = re.compile(r"加入|加盟|入职|创立|创建|创办|成立|上任|出任|就任")
_ROLE = re.compile(r"^(担任|出任|任|作为|是)")
_YEARS = re.compile(r"^P(\d+)Y$")
_NEARBY_SENTENCES = 2


def derived_events(doc: Document, view: str, mentions: list[Mention], table: DocEntities,
                   order_base: int) -> list[Event]:
    spans = sentences(doc.text)
    events: list[Event] = []
    for total in mentions:
        years = _years(total)
        if years is None or not _TENURE.search(view[max(0, total.start - 10):total.start]):
            continue
        here = _sentence_index(spans, total.start)
        anchor = _join_year(mentions, view, spans, here)
        if anchor is None:
            continue
        start_year = int(anchor.value)
        sentence, anchor_sentence = spans[here], spans[_sentence_index(spans, anchor.start)]
        actors = tuple(a for a, _ in _actors(doc.text, view, sentence, table, doc.script))
        evidence = (_evidence(doc, sentence, total), _evidence(doc, anchor_sentence, anchor))
        title = _tenure_title(doc.text, view, sentence, total)
        events.append(_span_event(doc, title, start_year, start_year + years, actors, evidence, total))
        cursor = start_year
        for part in _parts_after(mentions, total, sentence, view):
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


def _sentence_index(spans: list[Span], offset: int) -> int:
    for i, span in enumerate(spans):
        if span.start <= offset < span.end:
            return i
    return len(spans) - 1


def _join_year(mentions, view, spans, here) -> Mention | None:
    """The year someone joined or founded something, stated within two sentences."""
    best = None
    for m in mentions:
        if m.type != "DATE" or m.granularity != "year" or not m.value.isdigit() or m.certainty != "stated":
            continue
        index = _sentence_index(spans, m.start)
        if abs(index - here) > _NEARBY_SENTENCES:
            continue
        span = spans[index]
        if _JOIN.search(view, m.end, span.end):
            if best is None or abs(index - here) < abs(_sentence_index(spans, best.start) - here):
                best = m
    return best


def _parts_after(mentions, total, sentence, view) -> list[Mention]:
    parts = []
    for m in mentions:
        if m.start <= total.start or m.start >= sentence.end or _years(m) is None:
            continue
        if _ROLE.match(view[m.end:m.end + 3]):
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
                    mention.id, mention.start, mention.end)


def _span_event(doc, title, first_year, last_year, actors, evidence, mention) -> Event:
    when = EventDate(f"{first_year:04d}/{last_year:04d}", None, "year", date(first_year, 1, 1),
                     date(last_year, 12, 31), "inferred")
    return Event(
        id=event_id(doc.path, str(mention.start), when.value, "tenure"),
        title=title, type="tenure", status="occurred", date=when, actors=actors,
        evidence=evidence, rule="derived-tenure", anchor=evidence[1].mention,
    )
