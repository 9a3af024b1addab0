"""Events from one document: each dated clause becomes who did what, when, how certain."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from ..lazyre import lazy_compile
from ..model import Actor, Document, Event, EventDate, Evidence, Mention
from ..script import simplified_view
from ..vocab import CERTAINTY_ORDER, FINENESS
from . import nonevents
from .actors import sentence_actors, unique_actors
from .boilerplate import blank, noise_spans
from .dating import WEEKDAY_NOTE, governing_date, is_habitual, range_end
from .derive import derived_events
from .entities import DocEntities, EntityTable, discover, has_person_pronoun
from .identity import single_id
from .sentences import Span, clauses, sentences
from .triggers import FRAMING_TYPES, event_lexicon, specific_triggers, trigger_pattern

_NO_EVENT_VALUES = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}


_SPACES = lazy_compile(r"[ \t\u3000\xa0]{2,}")


@lru_cache(maxsize=1 << 12)
def simplified_of(text: str) -> str:
    """A clause or title in Simplified characters: titles ask for the same clauses many times."""
    return simplified_view(text)


def makes_event(mention: Mention) -> bool:
    """Dates and times place events; durations, sets and 目前/此前/近日/日前/近年来 do not."""
    vague_now = mention.rule in ("reference", "recent-window") and mention.mod == "APPROX"
    return mention.type in ("DATE", "TIME") and mention.value not in _NO_EVENT_VALUES and not vague_now


@dataclass(slots=True)
class Draft:
    """An event before merging: one dated clause of one sentence."""

    mention: Mention
    sentence: Span
    title: str
    type: str
    status: str
    actors: list[Actor]
    path: str
    order: int
    date: EventDate | None = None  # the governing date (dating.governing_date), else the mention's
    place: str | None = None
    part: Span | None = None  # the clauses that tell it, when they are not the mention's sentence


def build_events(doc: Document, view: str, mentions: list[Mention], table: EntityTable) -> list[Event]:
    """One event per dated clause, plus derived spans: not yet merged, with provisional ids
    (`merge.finish_document` names them from the document's content and merges them)."""
    noise = noise_spans(view)
    if noise:  # bylines, agency tags, navigation…: blanked, offsets kept
        starts = [start for start, _ in noise]
        story = replace(doc, text=blank(doc.text, noise))
        view = blank(view, noise)
        mentions = [m for m in mentions if not _inside(noise, starts, m)]
    else:
        story = doc
    names = discover(story.text, view, table)
    drafts = draft_events(story, view, mentions, names)
    events = [single_event(doc, draft) for draft in drafts]
    events.extend(derived_events(doc, view, mentions, names))
    return events


def _inside(spans: list[tuple[int, int]], starts: list[int], mention: Mention) -> bool:
    at = bisect_right(starts, mention.start) - 1
    return at >= 0 and mention.start < spans[at][1]


def single_event(doc: Document, draft: Draft) -> Event:
    evidence = evidence_for(doc, draft)
    return Event(
        id=single_id(doc.path, "clause", evidence.start, evidence.end, evidence.mention_start, evidence.mention_end),
        title=draft.title, type=draft.type, status=draft.status, date=evidence.date,
        actors=tuple(draft.actors), evidence=(evidence,), rule=draft.mention.rule, anchor=draft.mention.anchor,
        place=draft.place,
    )


def _any_day(doc: Document, mention: Mention) -> bool:
    """Opening hours (开放时间为上午十时至傍晚六时): a time of day with no day although the report
    has its date is the time of any day, no event."""
    return doc.ref is not None and mention.value.startswith("XXXX-XX-XXT")


def draft_events(doc: Document, view: str, mentions: list[Mention], table: DocEntities) -> list[Draft]:
    text = doc.text
    names = {m.id for m in mentions if nonevents.in_name(view, m) or nonevents.is_rate(view, m)}
    born = {m.id for m in mentions if nonevents.is_birth_date(view, m)}
    # A date inside a name, or told relative to one (1963年建国契约…，当时), dates nothing; nor
    # does 其后 after a birth date (生于1964年7月，…其后调任天津市): the career it tells is undated.
    dated = [m for m in mentions if makes_event(m) and m.id not in names and m.anchor not in names
             and not (m.anchor in born and m.rule.startswith("story-")) and not _any_day(doc, m)]
    by_id = {m.id: m for m in mentions}
    days = [m for m in dated if m.start_date is not None and m.start_date == m.end_date]
    drafts: list[Draft] = []
    last_person: Actor | None = None
    cursor = 0
    paragraph_start, previous_end = 0, 0
    last_told: tuple[Span, int, Draft] | None = None  # the last dated sentence and its last event
    story_day: tuple[Draft, int] | None = None  # the last event, when it happened on a past day, and its paragraph
    recent_day: Draft | None = None  # the same, kept over paragraphs with no date (for 同時)
    chain: tuple[Mention, int] | None = None  # a period date whose sentence runs on after a semicolon
    for sentence in sentences(text):
        if "\n" in text[previous_end:sentence.start]:
            paragraph_start = sentence.start
        previous_end = sentence.end
        inside = []
        while cursor < len(dated) and dated[cursor].start < sentence.end:
            if dated[cursor].start >= sentence.start:
                inside.append(dated[cursor])
            cursor += 1
        actors_here = sentence_actors(text, view, sentence, table, doc.script)
        people = [a for a, kind in actors_here if kind == "person"]
        pronoun_person = None
        prior_person = last_person  # 他今日…，在與…拉扎魯丁和…胡申討論後: 他 opens the sentence, before those named
        if not people and last_person is not None and has_person_pronoun(view, sentence.start, sentence.end):
            actors_here.insert(0, (last_person, "person"))
            pronoun_person = last_person
        if people:
            last_person = people[-1]
        after_semicolon = view[:sentence.start].rstrip()[-1:] in ("；", ";")
        if chain is not None and not (after_semicolon and chain[1] == paragraph_start):
            chain = None
        if not inside:
            other = None
            if chain is not None:
                other = _semicolon_item(doc, view, sentence, chain[0], [a for a, _ in actors_here])
                if other is not None:
                    drafts.append(other)
            if other is None and last_told is not None and last_told[1] == paragraph_start and last_told[0].end <= sentence.start:
                other = _others_next(doc, view, sentence, last_told[2])
                if other is not None:
                    drafts.append(other)
            if other is None and story_day is not None:
                same_paragraph = story_day[1] == paragraph_start
                if same_paragraph or _GOES_ON.match(view, sentence.start, sentence.end):
                    other = _continues(doc, view, sentence, story_day[0], [a for a, _ in actors_here])
                    if other is not None:
                        drafts.append(other)
                if not same_paragraph:
                    story_day = None  # a new paragraph with no date of its own tells no more of that day
            if (other is None and recent_day is not None and "同" in view[sentence.start:sentence.end]
                    and _AT_THE_SAME_TIME.match(view, sentence.start, sentence.end)):
                # 不過，立院同時通過主決議 after a paragraph with no date: 同時 says it is still that day
                other = _continues(doc, view, sentence, recent_day, [a for a, _ in actors_here])
                if other is not None:
                    drafts.append(other)
            last_told = None
            continue
        # a past period's date (2025年，…；) or a past day's (这一天，…亮相京沪高铁；…；…): the list runs on
        period = [m for m in inside if m.start_date is not None and m.end_date is not None
                  and FINENESS.get(m.granularity or "", 0) <= FINENESS["day"] and _is_past(m, doc)]
        chain = (period[-1], paragraph_start) if period and view[sentence.end - 1:sentence.end] in "；;" else None
        parts = _split_dated_lists(view, clauses(text, sentence), inside)
        starters = _event_starters(view, parts, inside, doc.ref.date if doc.ref else None)
        starts = [part.start for part in parts]
        starter_clauses = {_clause_index(parts, m.start, starts) for m in starters}
        for mention in starters:
            index = _clause_index(parts, mention.start, starts)
            scope = _scope(parts, index, starter_clauses, view)
            if _not_a_happening(view, scope, mention, doc):
                span_of_time = FINENESS.get(mention.granularity or "", 0) < FINENESS["day"] or mention.start_date != mention.end_date
                acted = _act_after_the_figures(view, scope) if span_of_time else None
                if acted is None:
                    continue
                scope = acted  # 2025年審結…3.6萬件，同比增長22.4%，依法懲處唐仁健等57名…: the act is the event
            # 期間/遂/當場 follow a happening of a day, not a period (自去年7月起…，期間一直被關押)
            point = FINENESS.get(mention.granularity or "", 0) >= FINENESS["day"] and mention.mod in (None, "APPROX")
            others = _others_doing(view, scope[1:], scope[0], point and not _is_future(mention, doc))
            if others:  # the event's own clauses end where other subjects' happenings begin
                scope = [part for part in scope if part.end <= others[0][0].start] or scope[:1]
            title, place = make_title(text, view, scope, mention, inside, _clause_before(view, parts, index))
            if not title:
                continue
            said = _BARE_SAYING_END.search(simplified_of(title))
            following = [p for p in parts if p.start >= scope[-1].end]
            while following and not _strip_dates(text, view, following[0], inside):
                following = following[1:]  # 衛生部今晚發文告稱，至今天下午2點，本地新增…: past the bound of the count
            if said is not None and following:  # 中職聯盟今天也公布，年度頒獎典禮將於11月5日…: what it announced
                told = title + _delimiter(text, scope[-1]) + text[following[0].start:following[0].end].strip(_EDGE)
                if len(told) <= event_lexicon()["title"]["max_chars"]:
                    title = told  # (only whole: a cut would leave the bare verb again)
            if not trigger_pattern()[0].search(simplified_of(title)):
                caption = table_caption(text, sentence)
                if caption:
                    title = fit(caption + "：" + title, event_lexicon()["title"]["max_chars"])
            opener = pronoun_person or (prior_person if view[sentence.start:sentence.end].lstrip()[:1] in "他她" else None)
            named_by_pronoun = None
            if _CAREER_STEP.match(simplified_of(title)) and people and title[:1] not in "他她":
                named = [a for a in people if view.find(simplified_of(a.name), sentence.start, mention.start) >= 0]
                if len(named) == 1:  # 陳國強現年57歲，…，2018年由省政府秘書長升為副省長: who rose
                    title = fit(named[0].name + title, event_lexicon()["title"]["max_chars"])
            if opener is not None and title[:1] in "他她" and title[1:2] not in "们們":
                title = opener.name + title[1:]  # 他加入Meta → LeCun加入Meta
                named_by_pronoun = opener
            event_type = classify(view, scope, mention)
            if event_type not in _title_types(title):
                event_type = _title_type(title) or event_type  # the act the title keeps, not one cut away
            at = bisect_left(days, mention.start, key=lambda m: m.start) - 1
            previous_day = days[at] if at >= 0 and days[at].start >= paragraph_start else None
            when = governing_date(doc, view, mention, inside, by_id, paragraph_start, previous_day)
            status = decide_status(view, sentence, scope, mention, doc, when)
            actors = unique_actors(([named_by_pronoun] if named_by_pronoun else []) + [a for a, _ in actors_here])
            drafts.append(Draft(mention, sentence, title, event_type, status, actors, doc.path, len(drafts),
                                when, place))
            for told in others:
                drafts.append(_other_draft(doc, view, told, sentence, drafts[-1], inside))
        last_told = (sentence, paragraph_start, drafts[-1]) if drafts and drafts[-1].sentence == sentence else None
        story_day = (last_told[2], paragraph_start) if last_told and _a_past_day(last_told[2], doc) else None
        recent_day = story_day[0] if story_day else None
    return drafts


# 雲林縣、嘉義市…除蘭嶼鄉外，也都宣布正常上班上課; 此外，規管網約車的法例亦將提交立法會: the same
# act, or another, by other subjects, told after a dated happening; 有四條政府法案恢復二讀: a
# happening of counted others; 期間…一名防暴警員…被刺傷, 被告遂被截查及拘捕, 當場拘捕涉案男子: what
# happened during it or came of it. Each is an event of its own at the same date.
_ALSO = lazy_compile(r"(?P<subject>[^，,。；;]{0,24}?)(?:也|亦|同样)(?![许就门是])(?:都|均|将|会|已|曾|同时)?")
_COUNTED_OTHERS = lazy_compile(r"有(?:[0-9０-９]+|[一二两三四五六七八九十几数多]+)[^，,。；;]{0,3}?[条个家名位项间所宗起件批]")
_DURING = lazy_compile(r"期间(?!内)")
_CAME_OF_IT = lazy_compile(r"[^，,。；;]{0,12}?(?:当场|遂|随即|旋即)")
# 此外/另外 open a sentence that goes on with the day; 案發後/事發後 before its act say it is that day's.
# (match() anchors at the sentence's start: a ^ would only ever match at the text's start)
_CONNECTIVE = lazy_compile(r"\s*(?:此外|另外|同时|与此同时|另一方面|而)[，,]?")
_GOES_ON = lazy_compile(r"\s*(?:此外|另外|同时|与此同时|另一方面|而)[，,]?|\s*[^，,。；;\s]{0,12}?(?:案发后|事发后)")
_CORRELATIVE = lazy_compile(r"宁愿|宁可|即使|即便|就算|哪怕|纵使|虽然|尽管|无论|不管")
_PRONOUNS = {"他", "她", "它", "其", "他们", "她们", "它们", "我", "我们", "你", "你们", "该", "本"}


def _others_doing(view: str, later: list[Span], first: Span, past: bool = True,
                  others_only: bool = False) -> list[list[Span]]:
    """The clauses of happenings after the event's own clause: by a new subject with 也/亦, by
    counted others (有四條…), and, after a past happening of a day (`past`), during it (期間…,
    to the end of the scope) or coming of it (遂, 當場). Each group runs to the next one or to the end of the scope.
    `others_only` keeps the first two kinds (a sentence after the dated one: 期間 and 遂 there
    look back at a time of their own)."""
    pattern, _ = trigger_pattern()
    opens: list[tuple[int, int]] = []  # (index of the group's first clause, where its text starts)
    for k, clause in enumerate(later):
        start = clause.start + (m.end() if (m := _CONNECTIVE.match(view, clause.start, clause.end)) else 0)
        if start >= clause.end:
            continue
        if past and not others_only and (during := _DURING.match(view, start, clause.end)):
            if pattern.search(view, start, later[-1].end):
                opens.append((k, during.end()))
                break  # what came of it is part of what happened during it
            continue
        if not pattern.search(view, start, clause.end):
            continue
        if _COUNTED_OTHERS.match(view, start, clause.end) or (
                past and not others_only and _CAME_OF_IT.match(view, start, clause.end)):
            opens.append((k, start))
            continue
        also = _ALSO.match(view, start, clause.end)
        if also is None:
            continue
        subject = also.group("subject").strip(_EDGE)
        if subject:
            if subject not in _PRONOUNS and len(subject) >= 2 and not pattern.search(subject):
                opens.append((k, start))
        elif k > 0 and _CORRELATIVE.search(view, later[k - 1].start, later[k - 1].end):
            continue  # 他宁愿…被判入狱，也不愿被罚款: 宁愿…也, 即使…也 pair two clauses of one subject
        elif k > 0 and not pattern.search(view, later[k - 1].start, later[k - 1].end):
            opens.append((k - 1, later[k - 1].start))  # the subject is the clause before: 雲林縣…外，也都宣布
    groups = []
    for n, (k, start) in enumerate(opens):
        if groups and k <= groups[-1][-1][1]:
            continue  # already inside the group before
        stop = opens[n + 1][0] if n + 1 < len(opens) and opens[n + 1][0] > k else len(later)
        clauses_of = [(Span(start, later[k].end), k)] + [(later[i], i) for i in range(k + 1, stop)]
        groups.append(clauses_of)
    return [[span for span, _ in group] for group in groups]


def _other_draft(doc: Document, view: str, told: list[Span], sentence: Span, main: Draft,
                 inside: list[Mention]) -> Draft:
    """The event of other subjects, at the date and with the status of the event before it."""
    title, _ = make_title(doc.text, view, told, main.mention, inside)
    part = Span(told[0].start, told[-1].end)
    return Draft(main.mention, sentence, title or main.title, classify(view, told, main.mention), main.status,
                 [], doc.path, main.order + 1, main.date, None, part)


def _others_next(doc: Document, view: str, sentence: Span, last: Draft) -> Draft | None:
    """此外，規管網約車的主體法例亦將提交立法會作首讀和二讀: a sentence with no date of its own,
    right after a dated one in its paragraph, whose new subject also does something, is a
    happening of that date; after a semicolon (the same sentence, really), so is what happened
    during it or came of it (…報警；警員趕至…，當場拘捕涉案男子)."""
    parts = clauses(doc.text, sentence)
    continued = view[:sentence.start].rstrip()[-1:] in ("；", ";")
    past = (last.date is not None and last.date.end_date is not None and last.date.start_date == last.date.end_date
            and last.date.mod in (None, "APPROX") and (doc.ref is None or last.date.end_date <= doc.ref.date))
    told = _others_doing(view, parts, parts[0], past, others_only=not continued)
    if not told or told[0][0].start > parts[min(1, len(parts) - 1)].end:
        return None  # only when the sentence opens with it
    title, _ = make_title(doc.text, view, told[0], last.mention, [])
    if not title:
        return None
    return Draft(last.mention, sentence, title, classify(view, told[0], last.mention), last.status, [],
                 doc.path, last.order + 1, last.date, None, None)


# What a sentence tells as known, habitual, planned or foreseen is no happening of the story's day.
# 经查 opens what an inquiry found out about the happening already told; 上市后三个月内 is a time of
# its own; 无法, 不能 tell a state, not an act.
_NOT_THAT_DAY = lazy_compile(r"曾|此前|之前|早前|以往|过去|当年|一直|通常|往往|每年|每逢|将|预计|可能|计划|准备|拟|"
                           r"(?<![议大社协学员公者机商工年盛峰晚酒舞聚约开集例都])会(?![议长员场所计谈见面晤社])|"
                           r"希望|要求|若|如果|无法|不能|不得|经查|经调查|据查|调查发现|后来|其后|此后|事后|表明|显示|意味|“|「|『")
_OWN_TIME = lazy_compile(r"[一二两三四五六七八九十几数多\d]+\s*个?(?:年|月|周|星期|天|日|小时|分钟)(?:后|内|前|来|间|之)")
_FRAME_WORDS = lazy_compile(r"[的了在是和与与也亦而及其并于对把被让为有这那一]")


_SHORT_NAME_QUOTED = lazy_compile(r"[「“『][^「」“”『』，,。]{1,8}[」”』]")


def _semicolon_item(doc: Document, view: str, sentence: Span, period: Mention, actors: list[Actor]) -> Draft | None:
    """2025年，全國各級法院受理…萬件；…；對緬北「四大家族」犯罪集團16名主犯依法判處死刑立即執行；: an
    item of a list run on with semicolons after a past period's date, naming an act (not a figure,
    a habit or a plan), is a happening of that period."""
    told = view[sentence.start:sentence.end]
    if not specific_triggers(told) or nonevents.is_measurement(told, True) or nonevents.is_caseload(told):
        return None
    lead = told[:min(m.start() for m in trigger_pattern()[0].finditer(told))]
    if _NOT_THAT_DAY.search(_SHORT_NAME_QUOTED.sub("", lead)):  # 「四大家族」 is a name, not a quotation
        return None
    parts = clauses(doc.text, sentence)
    title, place = make_title(doc.text, view, parts, period, [])
    if not title:
        return None
    when = EventDate(period.value, period.mod, period.granularity, period.start_date, period.end_date,
                     period.certainty)
    return Draft(period, sentence, title, classify(view, parts, period), "occurred", unique_actors(actors),
                 doc.path, 0, when, place, None)


def _a_past_day(draft: Draft, doc: Document) -> bool:
    when = draft.date
    return (when is not None and when.start_date is not None and when.start_date == when.end_date
            and when.mod in (None, "APPROX") and draft.status in ("occurred", "reported")
            and (doc.ref is None or when.end_date <= doc.ref.date))


def _continues(doc: Document, view: str, sentence: Span, day: Draft, actors: list[Actor]) -> Draft | None:
    """在混雙決賽,陳健銘與賴沛君…不敵… after 大師賽決賽今日進行; 此外，董事會亦通過出售… after
    台積電11日召開董事會: a sentence with no date of its own, after a happening of a past day,
    that tells another happening of the same setting or subject (a word of the dated sentence
    before its act: 決賽, 董事會) is a happening of that day. Background, habits, plans, quotes
    and what someone said (他表示…) are not."""
    pattern, word_type = trigger_pattern()
    told_words = [m for m in pattern.finditer(view, sentence.start, sentence.end)
                  if word_type[m.group(0)] not in ("announce", "statement", "prediction")]
    act = next((m for m in told_words if word_type[m.group(0)] not in FRAMING_TYPES), None)
    act = act or next(iter(told_words), None)  # 男單決賽,由李宗偉迎戰…: a match, with no result word
    if act is None:
        return None
    lead = view[sentence.start:act.start()]
    lex = event_lexicon()["status"]
    if (_NOT_THAT_DAY.search(lead) or _OWN_TIME.search(view, sentence.start, sentence.end)
            or _first(lead, lex["speech"]) is not None
            or _first(lead, lex["negated"]) is not None or _first(lead, lex["reported"]) is not None):
        return None
    after_it = _AFTER_IT.search(lead) is not None  # 警方在案發後趕到現場，逮捕了…: what came of it
    after_it = after_it or _SAME_TIME_WORD.search(lead) is not None  # 立院同時通過主決議: another act, that day
    told = view[day.sentence.start:day.sentence.end]
    told_pairs = {told[i:i + 2] for i in range(len(told) - 1)}
    pairs = {lead[i:i + 2] for i in range(len(lead) - 1)} & told_pairs
    if not after_it and not any(_HAN_PAIR.fullmatch(p) and not _FRAME_WORDS.search(p) for p in pairs):
        return None
    parts = clauses(doc.text, sentence)
    kind = classify(view, parts, day.mention)
    if kind == day.type and kind not in FRAMING_TYPES and not after_it:
        return None  # the same kind of act as the day's: that event told again, in more detail
    title, place = make_title(doc.text, view, parts, day.mention, [])
    if not title:
        return None
    return Draft(day.mention, sentence, title, kind, "occurred",
                 unique_actors(actors), doc.path, day.order + 1, day.date, place, None)


_HAN_PAIR = lazy_compile(r"[\u4e00-\u9fff]{2}")
_AFTER_IT = lazy_compile(r"案发后|事发后")
# 立院同時通過…, 在同組的比賽中，澳洲隊…戰勝: another act at the same time, another game of the same round
_SAME_TIME_WORD = lazy_compile(r"同时(?!也|亦|表示|指出|强调|认为|呼吁)|同(?:组|轮|一轮|一组)(?:的|另一场|其他)*(?:比赛|赛事|较量)")
# 不過，立院同時通過…: 同時 right before the act, in the sentence's first clause or the one after a connective
_AT_THE_SAME_TIME = lazy_compile(r"\s*(?:[^，,。；;]{0,4}[，,])?[^，,。；;]{0,12}?(?:同时(?!也|亦|表示|指出|强调|认为|呼吁)|"
                                 r"同(?:组|轮|一轮|一组)(?:的|另一场|其他)*(?:比赛|赛事|较量))")


_COMPLEMENT = lazy_compile(r"(原定于?的?|原订于?|原计划|原本|原先|预定|定于|由|至|到|押后至|延至|推迟至|推迟到|延后至|改为|改到|提前至|提前到)$")
_MOVED_TO = lazy_compile(r"(押后至|延至|延到|延期至|延期到|顺延至|展延至|延长至|推迟至|推迟到|延后至|延后到|改为|改到|改期至|提前至|提前到)$")


def _event_starters(view: str, parts: list[Span], inside: list[Mention], today: date | None = None) -> list[Mention]:
    """The mentions that start events: one per clause, the clearest date in it.

    A date that only completes another (原定的2024年第四季, 押后至2025年年底) starts no
    event when the sentence has a date of its own; nor does 随后 when the date it follows
    is in the same sentence (表决通过…，随后完成三读 is one event).
    """
    starts = [part.start for part in parts]
    kept = [m for i, m in enumerate(inside)
            if not is_habitual(view, parts[_clause_index(parts, m.start, starts)].start, m)
            and _dates_an_event(view, m, inside[i - 1] if i else None, today)
            and not _aside_in_quotation(view, m, parts[0].start, today) and not _on_a_schedule(view, m)
            and not nonevents.in_advice(view, m, parts[0].start)
            and not (m.rule == "daypart" and view[m.start - 1:m.start] == "的")]  # 市民的夜间文化生活
    if any(m.rule == "weekday" for m in kept) and any(_spans_weeks(view, m, kept) for m in kept):
        kept = [m for m in kept if m.rule != "weekday"]  # 从今天至本月31日…在星期五和星期六: every such day
    kept = [m for m in kept if not _names_a_celebration(view, m, kept)]  # …國慶慶典: the other date dates it
    own = [m for m in kept if not _is_complement(view, m) and not _follows_in_sentence(m, kept)
           and not _describes_noun(view, m, kept) and not _announced(view, m, kept)
           and not _said_within(view, m, kept) and not _names_the_object(view, m, parts, starts)
           and not _dates_the_report(view, m, kept)
           and not _in_a_description(view, m, parts[_clause_index(parts, m.start, starts)], kept)]
    if not own:
        # Only dates that complete others (原訂於2022年舉行，後延至2023年): the new date, if any.
        # “A”延期至10月27日,“B”延期至10月7日: each clause's own new date.
        moved = {_clause_index(parts, m.start, starts): m for m in kept
                 if _MOVED_TO.search(view[max(0, m.start - 4):m.start])}
        completing = [m for m in kept if _is_complement(view, m) or _follows_in_sentence(m, kept)
                      or _announced(view, m, kept)]  # not a date that describes a noun
        own = list(moved.values()) or [m for m in completing[:1] if not _CLOCK_ONLY.match(view, m.start, m.end)]
    chosen: dict[int, Mention] = {}
    for mention in own:
        index = _clause_index(parts, mention.start, starts)
        best = chosen.get(index)
        if best is None or _rank(mention) < _rank(best):
            chosen[index] = mention
    ordered = []
    years_told: set[int] = set()  # calendar years holding a date already chosen in the sentence
    for m in sorted(chosen.values(), key=lambda m: m.start):
        if not _restates_year(view, parts, starts, m, years_told):
            ordered.append(m)
        if m.start_date is not None and m.end_date is not None and m.start_date.year == m.end_date.year:
            years_told.add(m.start_date.year)
    ordered = [m for m in ordered if not _sets_the_scene(view, parts, starts, m, ordered)]
    return sorted(ordered + _respectively(view, parts, starts, ordered, own), key=lambda m: m.start)


def _sets_the_scene(view: str, parts: list[Span], starts: list[int], mention: Mention,
                    chosen: list[Mention]) -> bool:
    """2025年第12屆成都世界運動會合球賽事，中華隊12日在銅牌戰…擊敗捷克: a clause with a coarse date
    and no act of its own names the setting of the finer date after it in the sentence."""
    if mention.start_date is None or mention.end_date is None or mention.start_date == mention.end_date:
        return False
    clause = parts[_clause_index(parts, mention.start, starts)]
    if trigger_pattern()[0].search(view, clause.start, clause.end):
        return False
    return any(other.start > clause.end - 1 and other.start_date is not None and other.end_date is not None
               and mention.start_date <= other.start_date and other.end_date <= mention.end_date
               and (other.end_date - other.start_date) < (mention.end_date - mention.start_date)
               for other in chosen if other is not mention)


# 每天22点从成都起飞,23点10分到达西安;23点55分从西安起飞,1点10分到达成都: a time of day with no
# day of its own, after 每天 in the same sentence (a semicolon does not end it), is a schedule.
_CLOCK_ONLY = lazy_compile(r"(?:凌晨|早上|上午|中午|下午|傍晚|晚上|夜间|深夜)?[0-9０-９一二三四五六七八九十两]{1,3}\s*[点时:：]"
                         r"\s*(?:[0-9０-９一二三四五六七八九十]{1,3}\s*分?|半|整)?$")
_EVERY_DAY = lazy_compile(r"每天|每日|每晚|每周|每星期|每逢|平日|天天")
_SCHEDULE_REACH = 120


def _on_a_schedule(view: str, mention: Mention) -> bool:
    if mention.type != "TIME" or not _CLOCK_ONLY.match(view, mention.start, mention.end):
        return False
    since = max(0, mention.start - _SCHEDULE_REACH)
    stop = max(view.rfind(mark, since, mention.start) for mark in "。！？!?\n")
    return _EVERY_DAY.search(view, max(since, stop + 1), mention.start) is not None


def _spans_weeks(view: str, mention: Mention, kept: list[Mention]) -> bool:
    """A range of a week or more, written as one mention or as two (今天(8日)至本月31日)."""
    near = view[mention.end:mention.end + 16]
    end = range_end(view, mention, kept) if any(mark in near for mark in "至到-—–~～") else None
    last = end.end_date if end is not None else mention.end_date
    return mention.start_date is not None and last is not None and (last - mention.start_date).days >= 6


def _aside_in_quotation(view: str, mention: Mention, sentence_start: int, today: date | None) -> bool:
    """“昨天下着毛毛细雨…”: what someone recalls in their own words is an aside; what they
    announce or foresee (「也許5年后我們會知道…」) is theirs to date."""
    if not nonevents.in_quotation(view, mention, sentence_start):
        return False
    if nonevents.is_relayed_statement(view, mention, sentence_start):
        return False  # “警方在案发同一天逮捕4名嫌犯…”: an office's statement relayed word for word
    return today is None or mention.end_date is None or mention.end_date <= today


def _clause_before(view: str, parts: list[Span], index: int) -> Span | None:
    """The clause before, for a title without a subject: before the whole list when the clause
    is an item of a dated list (…進行便當會，今天與內政委員會、22日將邀財政委員會)."""
    while index > 0 and view[parts[index - 1].end - 1:parts[index - 1].end] == "、":
        index -= 1
    return parts[index - 1] if index else None


def _split_dated_lists(view: str, parts: list[Span], inside: list[Mention]) -> list[Span]:
    """今天與內政委員會、22日將邀財政委員會、23日邀請經濟委員會: each item of a list that opens
    with its own date is a clause of its own."""
    cuts = set()
    for before, mention in zip(inside, inside[1:], strict=False):
        comma = mention.start - 1
        if view[comma] == "、" and len(view[before.end:comma].strip(_EDGE)) >= 2:
            cuts.add(comma)  # 8、9月 is one list of months, not two items
    if not cuts:
        return parts
    out = []
    for part in parts:
        begin = part.start
        for cut in sorted(c for c in cuts if part.start < c < part.end):
            out.append(Span(begin, cut + 1))
            begin = cut + 1
        out.append(Span(begin, part.end))
    return out


def _dates_an_event(view: str, mention: Mention, previous: Mention | None, today: date | None) -> bool:
    """Not a page stamp (nor the weekday after one), a period up to now, a count up to a
    moment or a note on a date."""
    if (nonevents.is_stamp(view, mention) or nonevents.is_period_to_now(view, mention)
            or nonevents.after_an_undated_happening(view, mention)
            or nonevents.is_comparison_base(view, mention) or nonevents.is_label(view, mention)
            or nonevents.names_the_current_period(view, mention, today)
            or nonevents.is_birth_date(view, mention) or nonevents.is_recalled(view, mention)
            or nonevents.is_rate(view, mention) or nonevents.names_an_edition(view, mention)
            or nonevents.in_idiom(view, mention) or nonevents.is_backdrop(view, mention)
            or nonevents.is_until(view, mention) or nonevents.is_length(view, mention)
            or nonevents.is_last_time(view, mention) or nonevents.is_count_up_to(view, mention)
            or nonevents.counts_an_anniversary(view, mention)):
        return False
    if previous is not None and not view[previous.end:mention.start].strip() and nonevents.is_stamp(view, previous):
        return False  # 2018年12月22日 星期六
    if previous is not None and (previous.rule or "").startswith("story-"):
        return True  # 隨後(2月2日01:00): the date in brackets says when 隨後 was, no note on a date
    return not nonevents.is_gloss(view, mention, previous)


def _restates_year(view: str, parts: list[Span], starts: list[int], mention: Mention,
                   years_told: set[int]) -> bool:
    """獲得今年台灣大賽冠軍 after 今天擊敗: a year inside a clause, holding a date the sentence
    already gave, names the season of that event, not one of its own."""
    if FINENESS.get(mention.granularity or "", 0) > FINENESS["year"] or mention.mod or mention.start_date is None:
        return False
    clause = parts[_clause_index(parts, mention.start, starts)]
    if not view[clause.start:mention.start].strip(_EDGE):
        return False  # a date that opens its clause scopes what follows
    return mention.start_date.year in years_told


_JOINED = lazy_compile(r"^\s*(?:和|及|与|與|以及|、|或)\s*$")
# 12月10日和17日这两个星期天停止服务, 9月和10月仅有5家和3家: dates joined by a word (not by 、,
# which lists the days of one span: 12月1、2日; nor by 或, which leaves one day open: 17日或18日).
_WORD_JOINED = lazy_compile(r"^\s*(?:和|及|与|與|以及|跟|同)\s*$")
_RESPECTIVELY = lazy_compile(r"分别|分別")


def _respectively(view: str, parts: list[Span], starts: list[int], chosen: list[Mention],
                  candidates: list[Mention]) -> list[Mention]:
    """在2010年和2014年分別擔任…, 12月10日和17日全天停止服务: each date of a list is an event of
    its own (joined by a word, or by 、 and 或 too when 分別 says so)."""
    extra = []
    for mention in chosen:
        clause = parts[_clause_index(parts, mention.start, starts)]
        joined = _JOINED if _RESPECTIVELY.search(view, mention.end, clause.end) else _WORD_JOINED
        listed = [m for m in candidates if m is not mention and clause.start <= m.start < clause.end
                  and m.granularity == mention.granularity]
        chain = [mention]
        for other in sorted(listed, key=lambda m: m.start):
            if other.start > chain[-1].start and joined.match(view[chain[-1].end:other.start]):
                chain.append(other)
        for other in chain[1:]:
            if other not in chosen and other not in extra:
                extra.append(other)
    return extra


def _not_a_happening(view: str, scope: list[Span], mention: Mention, doc: Document) -> bool:
    """A measurement (同比增长4.5%) or the frame of words quoted before (向记者这么说)."""
    head = view[scope[0].start:scope[min(1, len(scope) - 1)].end]
    period = FINENESS.get(mention.granularity or "", 0) < FINENESS["day"] or mention.start_date != mention.end_date
    if nonevents.is_measurement(head, period, not _is_future(mention, doc)) or (period and nonevents.is_caseload(head)):
        return True
    told = view[scope[0].start:scope[-1].end]
    if _LEARNED.search(told) and not specific_triggers(told):
        return True  # 昨日，记者从市气象台获悉，受…影响: how the paper learned what the next date tells
    return nonevents.is_said_so_frame(told)


def _act_after_the_figures(view: str, scope: list[Span]) -> list[Span] | None:
    """The clauses from the first one naming an act (a specific trigger) after the figures of a
    period that open the scope, when there is one and it holds no figure of its own."""
    for i in range(1, len(scope)):
        clause = view[scope[i].start:scope[i].end]
        if specific_triggers(clause) and not nonevents.is_measurement(clause, True) \
                and not nonevents.is_caseload(clause) and not _AHEAD_WORDS.search(clause):
            return scope[i:]
    return None


_AHEAD_WORDS = lazy_compile(r"将会|将要|将|预计|预料|料将")  # 投資人將會關注…: what is ahead is no act of the figures


_LEARNED = lazy_compile(r"获悉|了解到|得知|获知|从[^，,。]{1,16}了解")


_ONLY_THEN = lazy_compile(r"[，,]?\s*(?:[^，,。；;]{0,8}?)才")


def _is_complement(view: str, mention: Mention) -> bool:
    before = view[max(0, mention.start - 4):mention.start]
    if before.endswith(("直到", "直至")) and _ONLY_THEN.match(view, mention.end):
        return False  # 直到24日，才出現相關症狀: until then, and only then: the date is the event's own
    return _COMPLEMENT.search(before) is not None


_ONE_OF = ("一宗", "一起", "一场", "一次", "一单", "一桩")


def _describes_noun(view: str, mention: Mention, inside: list[Mention]) -> bool:
    """上周三，统计局发布了1至2月份的数据: a date before 的 inside a clause says what the data
    covers, not when the event was, when the sentence has another date."""
    if view[mention.end:mention.end + 2] in _ONE_OF and len(inside) > 1:
        return True  # 指其涉及7月1日一宗事件，當日…: the incident is told by the clause after
    if view[mention.end:mention.end + 1] != "的" or mention.start == 0 or view[mention.start - 1] in _EDGE:
        return False
    # 为满足观众在国庆假期的观展需求，国博将延长…: inside a purpose, the date says whose need it is
    return len(inside) > 1 or _PURPOSE.search(view[max(0, mention.start - 16):mention.start]) is not None


_PURPOSE = lazy_compile(r"(?:(?<=[，,。；;\n])|(?<=^))\s*(?:为了|为满足|为配合|为应对|为迎接|以满足|以配合)[^，,。；;\n]*$")
_NOUN_TAIL = lazy_compile(r"的([^，,。；;：:的]{2,30})[，,]?$")


def _in_a_description(view: str, mention: Mention, clause: Span, inside: list[Mention]) -> bool:
    """昨晚原本宣布正常上課的台中市…及台東縣，昨天深夜臨時宣布停課: a date inside a description
    of the next clause's subject (…的 + names to the clause's end) dates the description, not
    the sentence's event, when the sentence has another date."""
    if not inside or inside[-1].start < clause.end:  # mentions are in text order
        return False
    tail = _NOUN_TAIL.search(view, mention.end, clause.end)
    if tail is not None and _LOCATED.search(view, mention.end, tail.start()):
        return False  # 楊柳今天清晨5時中心位於台東的東南東方…: the clause's own predicate, not a description
    return tail is not None and not trigger_pattern()[0].search(tail.group(1))


_LOCATED = lazy_compile(r"位于|处于|位在|距离|距")


_ANNOUNCED = lazy_compile(r"(宣布|公布|决定|通知|宣告)$")


def _announced(view: str, mention: Mention, inside: list[Mention]) -> bool:
    """昨晚11時…發布新聞…，因此宣布今天停班課: the day announced is what was said, the
    announcement is the event, when the sentence dates it."""
    return (_ANNOUNCED.search(view, max(0, mention.start - 2), mention.start) is not None
            and bool(inside) and inside[0].start < mention.start)


# 通過第三季財報, 配發第三季每股現金股利, 以及2026年研發與經常性投資項目: a date right after the
# verb (or inside the list of its objects) says what the object covers; a time of the act comes
# before the verb.
_OBJECT_VERB = lazy_compile(r"(?:通过|核准|批准|配发|派发|发布|公布|发表|审议|交出|录得|公布了|发布了|通过了|以及|及)$")


def _names_the_object(view: str, mention: Mention, parts: list[Span], starts: list[int]) -> bool:
    """董事會…通過第三季財報: the quarter the report covers, not when the board met."""
    if not _OBJECT_VERB.search(view, max(0, mention.start - 3), mention.start):
        return False
    after = view[mention.end:mention.end + 1]
    if not ("\u4e00" <= after <= "\u9fff") or after in "的起前后後以至到间內内底初中末":
        return False  # 公布的1月至… / 通過今年起…: no noun right after the date
    clause = parts[_clause_index(parts, mention.start, starts)]
    if view[mention.start - 2:mention.start] in ("以及",) or view[mention.start - 1] == "及":
        return trigger_pattern()[0].search(view, mention.end, clause.end) is None
    return True


_SAID_REACH = 8
_SAID = lazy_compile(r"宣布|表示|透露|公布|预告|称|说|指出|强调")


def _said_within(view: str, mention: Mention, inside: list[Mention]) -> bool:
    """9月15日,他通过社交媒体宣布该系列将于本月亮相: a coarser date after a speech verb that
    holds the day the sentence gave before the verb is part of what was said; the day dates
    the announcement. A part of a period (今年年底) is a time of its own."""
    if mention.start_date is None or mention.end_date is None or mention.mod is not None:
        return False  # 宣布将在今年年底离开: a part of the period (年底) is a time of its own
    at = bisect_left(inside, mention.start, key=lambda m: m.start)
    for earlier in inside[max(0, at - _SAID_REACH):at]:  # the few dates just before: dense text stays linear
        if earlier.start >= mention.start or earlier.start_date is None or earlier.end_date is None:
            continue
        holds = mention.start_date <= earlier.start_date and earlier.end_date <= mention.end_date
        coarser = FINENESS.get(mention.granularity or "", 0) < FINENESS.get(earlier.granularity or "", 0)
        if holds and coarser and _SAID.search(view, earlier.end, mention.start):
            return True
    return False


_REPORT_AFTER = lazy_compile(r"\s*(?:的)?(?:报道|报导|电|讯|消息|发布消息|披露|引述)")


def _dates_the_report(view: str, mention: Mention, inside: list[Mention]) -> bool:
    """據新加坡《聯合早報》5日報道，…一批…男女4日清晨…: the day of the report frames the
    sentence; the happening it tells is dated by the later day, when the sentence gives one."""
    if not _REPORT_AFTER.match(view, mention.end):
        return False
    return any(other.start > mention.end and other.start_date is not None and other.start_date == other.end_date
               and (mention.start_date is None or other.start_date <= mention.start_date)
               for other in inside)


def _names_a_celebration(view: str, mention: Mention, inside: list[Mention]) -> bool:
    """謊稱新加坡獨立40周年國慶慶典將遭恐襲 after 13年前: the holiday names the celebration the
    sentence talks of; the sentence's other date dates what happened."""
    return (len(inside) > 1 and "holiday" in (mention.rule or "")
            and _FEAST_NOUN.match(view, mention.end) is not None)


def _follows_in_sentence(mention: Mention, inside: list[Mention]) -> bool:
    """随后 after a date of the same sentence, and 屆時 pointing back to one (…將於下星期六深夜
    展開…，屆時…提早收車): the same event goes on (当时 may tell another act: 雙方當時均未置評)."""
    if mention.mod != "AFTER" and not (mention.rule == "story-same" and mention.text in ("届时", "屆時")):
        return False
    return any(m.id == mention.anchor for m in inside)


def _rank(mention: Mention) -> tuple[int, int, int, int]:
    """Lower is better: a date of its own before a story word (随后, 当时); an explicit date
    before a holiday word (今年端午連假自5月30日至6月1日 is the range); the more specific
    before the vaguer; stated before relative, inferred, approximate."""
    story_word = 1 if mention.mod == "AFTER" or mention.rule in ("story-same", "story-after") else 0
    holiday = 1 if "holiday" in mention.rule else 0
    return (story_word, holiday, -FINENESS.get(mention.granularity or "", 0),
            CERTAINTY_ORDER.get(mention.certainty, 4))


def _clause_index(parts: list[Span], offset: int, starts: list[int] | None = None) -> int:
    """The clause holding `offset`, else the one before it (offsets between clauses are blanks)."""
    at = bisect_right(starts if starts is not None else [part.start for part in parts], offset) - 1
    return max(0, min(at, len(parts) - 1))


# 目前由…出任代部长 after 沙拉胡丁于7月23日逝世: a clause told of now (or of before, or
# after) is no more of the dated happening, though its time word places nothing.
_OTHER_TIME = lazy_compile(r"\s*(?:而|但|惟|唯)?\s*(?:目前|现时|现在|如今|眼下|至今|迄今|此前|今后|日后)")


def _scope(parts: list[Span], index: int, dated: set[int], view: str | None = None) -> list[Span]:
    """The dated clause and the clauses after it, up to the next clause with its own date, or
    one told of another time (目前, 此前, 今后). `dated` holds the indices of the clauses that
    start events."""
    scope = [parts[index]]
    for i in range(index + 1, len(parts)):
        if i in dated or (view is not None and _OTHER_TIME.match(view, parts[i].start, parts[i].end)):
            break
        scope.append(parts[i])
    return scope


# --- titles ---------------------------------------------------------------------------------

_EDGE = "，,。；;：:！!？?、 \t—-…|｜"
_EMPTY_BRACKETS = lazy_compile(r"[（(][\s，,]*[）)]")


def make_title(text: str, view: str, scope: list[Span], mention: Mention, inside: list[Mention],
               before: Span | None = None) -> tuple[str, str | None]:
    """The clause's core in the article's own words, and the place a skipped setting names.

    No date phrase, no attribution, no filler; never cut inside a word or a number, never a
    fragment: a clause with no subject of its own (預計明年上路) takes the clause `before` it
    in the sentence; a predicate left without its object by the date's removal
    (被认定在…) keeps the date; an empty one takes the clause before it.
    """
    limit = event_lexicon()["title"]["max_chars"]
    pieces: list[str] = []
    place = None
    in_means = False  # inside 利用擔任…、…、…職務上的便利, which runs over commas
    subject = ""  # the subject of a skipped setting (安華 of 安華在…匯報會上)
    dated_setting = ""  # a skipped setting that holds the date: 陈坤海昨晚在…庆典上致词时
    for i, part in enumerate(scope):
        chunk = _strip_dates(text, view, part, inside)
        chunk = _strip_fillers(chunk, view_of=simplified_of)
        if not chunk:
            continue
        holds_date = part.start <= mention.start < part.end
        source = _SOURCE_START.match(simplified_of(chunk)) is not None
        chunk = _drop_office_setting(chunk)
        if in_means:
            in_means = _MEANS_END.search(simplified_of(chunk)) is None
            continue  # …寧波市政協主席，浙江省委常委…等職務上的便利: still how, not what
        opened = _MEANS_OPEN.search(simplified_of(chunk))
        if opened is not None and len(scope) > i + 1 and _act_later(view, scope[i + 1:]):
            in_means = _MEANS_END.search(simplified_of(chunk), opened.end()) is None
            chunk = chunk[:opened.start()].strip(_EDGE)  # 被告人唐一軍 | 利用擔任…: the subject stays
        if not chunk:
            continue
        if len(scope) > i + 1 and (_MEANS.match(simplified_of(chunk)) or _FINDING_FRAME.match(simplified_of(chunk))
                                   or (_FAVOUR.match(simplified_of(chunk)) and _act_later(view, scope[i + 1:]))):
            continue  # 利用擔任…職務上的便利 (how), 經審理查明 (whose finding): what was done is further on
        told_when = holds_date and _WHEN_WITH_SUBJECT.match(simplified_of(chunk)) is not None
        if len(scope) > i + 1 and ((_is_frame(chunk) and not told_when) or source
                                   or (_is_reason(chunk) and not holds_date)):
            if _is_frame(chunk) and not pieces:
                at = simplified_of(chunk).find("在")
                if 2 <= at <= 8 and not _FRAME_START.match(simplified_of(chunk)):
                    subject = chunk[:at].strip(_EDGE)  # 安華在首相官邸舉行的匯報會上，向議員傳達: 安華 does it
                    place = place_of(chunk[at:]) or place
                else:
                    place = place_of(chunk) or place
            if holds_date and _is_frame(chunk):
                dated_setting = chunk
            continue  # 在…论坛上, 在进行…试验时 (a setting), 由于…未达标 (an undated reason): the event is further on
        if subject:
            if _NO_SUBJECT.match(simplified_of(chunk)) or _VERB_FIRST.match(simplified_of(chunk)):
                chunk = subject + chunk
            subject = ""
        if pieces and _FINDING_START.match(simplified_of(chunk)) and specific_triggers(
                view[scope[i + 1].start:scope[-1].end] if i + 1 < len(scope) else ""):
            continue  # 法院今裁定，認定原審…並無不當，駁回…抗告: the finding leads to the outcome told after it
        if pieces and _COMMENT_START.match(simplified_of(chunk)):
            break  # …首航仪式在绵阳南郊机场举行，标志着…: what it means is no part of what happened
        if pieces and _NEW_SPEAKER.match(simplified_of(chunk)) and not _SAYS_END.search(simplified_of(chunk)):
            break  # …上个月发生枪击事件，内政部长…表示: someone speaking next is another event
        if pieces and len(chunk) <= 2 and len(text[part.start:part.end].strip(_EDGE)) > len(chunk) + 2:
            chunk = text[part.start:part.end].strip(_EDGE)  # …，至晚上8時結束: a lone verb keeps its time
        if pieces:
            pieces.append(_delimiter(text, scope[i - 1]))
        pieces.append(chunk)
        if _SAYS_END.search(simplified_of(chunk)) and sum(len(p) for p in pieces) < limit:
            continue  # 网站发布消息称，…薛恒主动投案: what was said is the happening
        told = sum(len(p) for p in pieces)
        acted = trigger_pattern()[0].search(simplified_of("".join(pieces)))
        if _SUBORDINATE_END.search(simplified_of(pieces[-1])) and i + 1 < len(scope) and told < limit:
            continue  # …主持開幕儀式後，在新聞發布會上透露這點: what followed it is the main clause
        if told >= 16 and (acted or (told >= limit and not _act_later(view, scope[i + 1:]))):
            break  # long enough, once it says what happened (a long purpose, 为…提供帮助, goes on to the act)
    title = tidy("".join(pieces))
    if dated_setting and _SAID_SO_ONLY.match(simplified_of(title)):
        # …在元宵庆典上致词时，这么指出: the dated setting is the happening; "said so" is only its frame
        title = tidy(_SETTING_WHEN.sub("", dated_setting))
    if title and _DANGLING_END.search(simplified_of(title)) and view[mention.start - 1:mention.start] != "，":
        title = tidy(title + text[mention.start:mention.end])  # 通常被认定在 + 2025年: the date is the object
    if before is not None and (not title or (_NO_SUBJECT.match(simplified_of(title)) and not _FORECAST_OF.match(
            simplified_of(title))) or _PLACE_THEN_ACT.match(simplified_of(title))):
        lead = _subject_of(tidy(_strip_fillers(_strip_dates(text, view, before, inside), view_of=simplified_of)))
        if lead and not _is_frame(lead) and not _FINDING_FRAME.match(simplified_of(lead)):
            title = lead + (_delimiter(text, before) + title if title else "")
    bare = _BARE_CUE_END.search(simplified_of(title))
    if bare is not None and bare.start() >= 6:
        title = tidy(title[:bare.start()])  # 發布寒潮藍色預警，預計: what was foreseen is the next event
    said_last = _SPEAKER_VERB_END.search(simplified_of(title))
    if said_last is not None and said_last.start() >= 6 and specific_triggers(simplified_of(title[:said_last.start()])):
        title = tidy(title[:said_last.start()])  # 剛在1月宣誓就任…的副教授何偉倫則認為: his words are not this event
    if _OBJECT_FIRST.match(simplified_of(title)):
        title = title[1:]  # 對緬北…16名主犯依法判處死刑: who was sentenced, told without a 對 before it
    title = fit(title, limit)
    if title[:1] in _QUOTE_CLOSERS and _QUOTE_CLOSERS[title[0]] not in title:
        title = title[1:]  # “警方在案發同一天逮捕4名嫌犯,…: the statement's quote opens, its close is cut away
    elif title[:1] in _QUOTE_CLOSERS and title.rstrip("。！!") .endswith(_QUOTE_CLOSERS[title[0]]) \
            and title.count(_QUOTE_CLOSERS[title[0]]) == 1:
        title = tidy(title[1:].rstrip("。！!")[:-1])  # a statement quoted whole: its words are the title
    return title, place


# 向議員們傳達…, 宣布…: a clause that opens with its verb (or a preposition before it) has no subject.
_VERB_FIRST = lazy_compile(r"(?:向|对|与|跟|把|正式|首次|宣布|表示|指出|强调|透露|重申|发表|签署|出席|会见)")
_SUBORDINATE_END = lazy_compile(r"(?:之后|后|以后|之前|以前|前夕|之际|时)$")
_CAREER_STEP = lazy_compile(r"(?:由[^，,。；;]{2,16}?(?:升为|升任|调任|转任|改任|晋升为?)|升任|调任|获任|出任|兼任|当选|获选)")
_BARE_SAYING_END = lazy_compile(r"(?:公布|宣布|透露|表示|指出|称|说)$")
_FEAST_NOUN = lazy_compile(r"庆典|晚会|联欢|庆祝|活动|盛会|音乐会|嘉年华|灯会|园游会|游园|团拜|酒会|晚宴|聚餐|花车|巡游")
_SAID_SO_ONLY = lazy_compile(r"^(?:他|她|并|並)?(?:这么|这麽|这样|如此|如是)(?:说|表示|指出|强调|认为|透露|坦言|呼吁|宣布)$")
_SPEAKER_VERB_END = lazy_compile(r"(?:则|也|亦|还|更|就)?(?:认为|表示|指出|强调)$")
_SETTING_WHEN = lazy_compile(r"(?:时|時|之际|之際)$")
_BARE_CUE_END = lazy_compile(r"[，,；;](?:并|且|而)?(?:预计|预估|预期|预测|估计|表示|指出|强调|认为|称)$")
# 對…依法判處, 對…予以懲處: a sentence with no subject that opens with whom it was done to.
_OBJECT_FIRST = lazy_compile(r"^对(?!于|此|其|该|方|外|手|岸)[^，,。；;]{2,40}?(?:依法)?(?:判处|执行死刑|惩处|处以|予以|作出)")


# 利用擔任…職務上的便利, 或者利用職權、地位形成的便利條件: the means of an act, never its predicate.
_MEANS = lazy_compile(r"^(?:并|或|或者|还|又|均)?(?:利用|借助|凭借|依托)[^，,。；;]*(?:便利|职权|职务|地位|影响|身份|机会)|"
                      r"^(?:以及|或者|或|及|和)[^，,。；;]{0,20}便利|"
                      r"^(?:并|或|或者|还|又|均)?通过(?:其他)?国家工作人员职务上的行为")  # 通過其他國家工作人員職務上的行為
# 為有關單位和個人在…等方面提供幫助: whom a bribe-taker served, told before what he took.
_FAVOUR = lazy_compile(r"^为[^，,。；;]{4,}(?:提供帮助|谋取利益|谋利|谋取不正当利益)$")
_MEANS_OPEN = lazy_compile(r"(?:或者?)?利用(?=担任|职务|职权|其|本人|自己|[^，,。；;]{0,30}?(?:便利|职务|职权))")
_MEANS_END = lazy_compile(r"便利|条件|影响")
# 經審理查明, 法院表明, 调查显示: whose finding a sentence tells, standing alone before it.
_FINDING_FRAME = lazy_compile(r"^(?:经|经过)?(?:[^，,。；;：:]{0,8}?)(?:审理查明|查明|表明|显示|证实|认定)[：:，,]?$")
# 在擔任寧波市委副書記、…等職務期間: the office a person held while acting, a setting inside the clause.
_OFFICE_SETTING = lazy_compile(r"在(?:担任|任职|任)[^，,。；;]{2,}?期间")


def _act_later(view: str, rest: list[Span]) -> bool:
    """A clause after these says what happened (a trigger word of a specific kind)."""
    return any(specific_triggers(view[part.start:part.end]) for part in rest)


def _drop_office_setting(chunk: str) -> str:
    """被告人孙政才在担任…重庆市委书记期间 → 被告人孙政才: the office held is no act (担任 is no
    trigger here), and the subject before it stays."""
    m = _OFFICE_SETTING.search(simplified_of(chunk))
    if m is None:
        return chunk
    return (chunk[:m.start()] + chunk[m.end():]).strip(_EDGE)


_NEW_SPEAKER = lazy_compile(r"^[^，,。；;]{2,}?(?:表示|指出|强调|透露|坦言)$")
_SAYS_END = lazy_compile(r"(?:消息称|发文称|通报称|公告称|报道称|声明称)$")
_TABLE_REACH = 40  # lines looked at above a row for the table's caption
_CAPTION_CUT = lazy_compile(r"[（(：:【\[]")


def _cells(line: str) -> list[str]:
    return line.split()


def table_caption(text: str, row: Span) -> str | None:
    """G1 10/18(六) 17:05 中信兄弟 台北大巨蛋: a row of a table (a line of three or more cells)
    is an item of what the caption above the table names (總冠軍賽（7戰4勝制）：… → 總冠軍賽)."""
    line_start = text.rfind("\n", 0, row.start) + 1
    line_end = text.find("\n", row.end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    if len(_cells(line)) < 3:
        return None
    end = line_start - 1
    for _ in range(_TABLE_REACH):
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        above = text[start:end].strip()
        end = start - 1
        if not above or len(_cells(above)) >= 3:
            continue  # the header and the other rows
        caption = above[:m.start()] if (m := _CAPTION_CUT.search(above)) else above
        caption = caption.strip(_EDGE)
        return caption if 2 <= len(caption) <= 20 else None
    return None


def _subject_of(lead: str) -> str:
    """中國官方媒體…撰稿人的董郁玉 → 董郁玉, 昨晚原本宣布正常上課的台中市…及台東縣 → 台中市…及
    台東縣: a long description before a name gives way to the name."""
    cut = lead.rfind("的")
    if len(lead) > 16 and 0 <= cut and 2 <= len(lead) - cut - 1 <= 30:
        return lead[cut + 1:]
    return lead


_DANGLING_END = lazy_compile(r"(在|于|至|到|(?<![行作认成以因])为|是|自|从|由|向|对|给|把|被|将|和|与|及|或|的)$")  # 行為, 認為 are words
_NO_SUBJECT = lazy_compile(r"^(称(?!为|作|号)|表示|指出|强调|被(?!告|害人|执行人|保险人|申请人|上诉人|访者|捕者)(?![^，,]{1,8}的)|预计|预估|预期|将|将于|将在|并|并且|也|再|又|还|已|已经|正|仍|才|便|则|拟|计划|准备|可望|有望|"
                         r"随即|随后|继而|之后|其后|后|同时|以及|和|与|及|临时|立即|紧急|旋即|先后|相继|再度|再次|陆续)")
# 預估17日早間氣溫還在15℃附近: the forecast names its own subject (the weather) after the cue.
_FORECAST_OF = lazy_compile(r"(?:预计|预估|预期)(?:最低|最高|全天|早间|夜间)?(?:气温|温度|降雨|雨量|风力|降温|台风|冷空气|天气)")
# 在天津市第一中級人民法院公開宣判: where, then the act, with no one doing it.
_PLACE_THEN_ACT = lazy_compile(r"^在[^，,。；;]{2,24}?(?:公开|正式|依法)?(?:宣判|开庭|审理|举行|召开|出席|发表|签署|落网|被捕)")
_PLACE_WORDS = lazy_compile(r"^(?:在|于|於|到|赴|前往)?(.+?)(?:的)?(?:上|中|里|时|期间|之际|当天|前夕)?$")


def place_of(setting: str) -> str | None:
    """達沃斯世界經濟論壇 from 在達沃斯世界經濟論壇上: where a setting says the event was."""
    simple = simplified_of(setting)
    m = _PLACE_WORDS.match(simple)
    if m is None:
        return None
    start = m.start(1)
    name = setting[start:start + len(m.group(1))].strip(_EDGE)
    return name if 2 <= len(name) <= 20 and not trigger_pattern()[0].search(simplified_of(name)) else None


_UNPAIRED = lazy_compile(r"[（(【「『《“][\s，,、；;：:]*$|^[\s，,、；;：:]*[）)】」』》”]")
_PUNCT_ONLY_BRACKETS = lazy_compile(r"[（(【「『《][\s，,、；;：:。.…]*[）)】」』》]")


def tidy(title: str) -> str:
    """Blanks and punctuation left by what was removed: runs of spaces, empty brackets
    （、）, an opening bracket at the end or a closing one at the start, a leading 的."""
    title = _PUNCT_ONLY_BRACKETS.sub("", title)
    title = _SPACES.sub(" ", title).strip(_EDGE)
    previous = None
    while previous != title:
        previous = title
        title = _UNPAIRED.sub("", title).strip(_EDGE)
        title = title[1:] if title.startswith("的") else title
    return title


_QUOTE_CLOSERS = {"“": "”", "「": "」", "『": "』"}


_WORD_CHAR = lazy_compile(r"[A-Za-z0-9０-９Ａ-Ｚａ-ｚ.．:：%％]")


def fit(title: str, limit: int) -> str:
    """At most `limit` characters, cut at a clause mark when one is near the end, else between
    two words: never inside a Latin word or a number (Gemin…, 拉開至3 for 3：1). When the cut
    would leave no verb, the subject's head and the predicate's tail are kept around an …
    (北京鋒銳律師事務所主任周世鋒…勾洪國4人遭檢方以「顛覆國家政權罪」起訴)."""
    if len(title) <= limit:
        return title
    title = _ASIDE.sub("", title)  # (简称 Qwen-7B 和 Qwen-7B-Chat): room for the predicate
    if len(title) <= limit:
        return title
    pattern, _ = trigger_pattern()
    if not pattern.search(simplified_of(title[:limit])):
        both = _head_and_tail(title, limit)
        if both:
            return both
    cut = max(title.rfind(mark, 0, limit) for mark in "，,；;、：:")
    if cut >= 0 and _unclosed_bracket(title[:cut]) is not None:
        cut = -1  # 以0比2(14比21、19比21): a mark inside brackets ends no clause
    if cut >= limit * 0.6 or (cut >= limit * 0.4 and pattern.search(simplified_of(title[:cut]))):
        return title[:cut].rstrip(_EDGE) + "…"  # a whole clause that says what happened
    cut = limit
    while cut > limit // 2 and _WORD_CHAR.match(title[cut - 1]) and _WORD_CHAR.match(title[cut]):
        cut -= 1  # step back out of a Latin word or a number
    opened = _unclosed_bracket(title[:cut])
    if opened is not None and opened > limit // 2:
        cut = opened  # never leave a quotation or a bracket open: “贺岁迎祥… → before the “
    while cut > limit // 2 and _DANGLING_END.search(simplified_of(title[cut - 1:cut])):
        cut -= 1  # …进行各项系统更新与 → …进行各项系统更新: never end on a word that wants its object
    return title[:cut].rstrip(_EDGE + "（(【「『《“") + "…"


# A note in round brackets inside a title: an abbreviation, a ticker, a score, a translation.
_ASIDE = lazy_compile(r"\s*[（(][^（）()\n]{1,30}[）)]")
_CLAUSE_MARKS = lazy_compile(r"[，,；;：:]")
_PAIRS = {"（": "）", "(": ")", "【": "】", "「": "」", "『": "』", "《": "》", "“": "”"}


def _unclosed_bracket(text: str) -> int | None:
    """Where the last bracket or quotation still open at the end of `text` opens."""
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch in _PAIRS:
            stack.append(i)
        elif stack and ch == _PAIRS[text[stack[-1]]]:
            stack.pop()
    return stack[0] if stack else None


def _head_and_tail(title: str, limit: int) -> str | None:
    marks = "，,；;、：: "
    head_end = min((i for i in (title.find(m, 4) for m in marks) if 0 < i <= limit // 2), default=-1)
    if head_end < 0:
        head_end = limit // 3
        while head_end > 2 and _WORD_CHAR.match(title[head_end - 1]) and _WORD_CHAR.match(title[head_end]):
            head_end -= 1
    room = limit - head_end - 1
    start = len(title) - room
    later = [i + 1 for i in (title.find(m, start) for m in marks) if i >= 0]
    start = min(later) if later and min(later) < len(title) - 4 else start
    while start < len(title) and _WORD_CHAR.match(title[start - 1]) and _WORD_CHAR.match(title[start]):
        start += 1
    tail = title[start:].strip(_EDGE)
    if not tail:
        return None
    middle = title[head_end:start]
    listed = middle.count("、") >= 2 and not _CLAUSE_MARKS.search(middle)
    if not (listed or trigger_pattern()[0].search(simplified_of(tail))):
        return None  # the tail must say what happened, or follow a list it skips (新疆…北京北部等地气温下降)
    return title[:head_end].rstrip(_EDGE) + "…" + tail


def _delimiter(text: str, part: Span) -> str:
    """The comma the article itself used after a clause (， or ,), or the blank of a headline."""
    last = text[part.end - 1:part.end]
    if last in "，,；;：:":
        return last
    return " " if last in " \u3000" or text[part.end:part.end + 1] in " \u3000" else "，"


def _strip_dates(text: str, view: str, part: Span, inside: list[Mention]) -> str:
    frames = event_lexicon()["title"]["date_frames"]
    out = []
    cursor = part.start
    first = bisect_left(inside, part.start + 1, key=lambda m: m.end)  # mentions are in text order
    for i in range(first, len(inside)):
        m = inside[i]
        if m.start >= part.end:
            break
        if m.end <= part.start:
            continue
        if view[m.end:m.end + 1] == "的" and m.start > part.start and view[m.start - 1] not in _EDGE:
            continue  # 发布了1至2月份的经济数据: a date that describes a noun stays in the title
        if m.rule and m.rule.endswith("holiday") and _FEAST_NOUN.match(view, m.end):
            continue  # 元宵庆典, 中秋晚会: a holiday naming a celebration stays in its name
        if _inside_quote(view, part.start, m.start) or (
                _OBJECT_VERB_BEFORE.search(view, max(part.start, m.start - 2), m.start)
                and view[m.end:m.end + 1] in "，,。；;！？!?") or (
                m.start == part.start and view[m.end:m.end + 1] in "为是" and view[m.end:m.end + 2] not in _VERB_WORDS):
            continue  # 「我們9月25日見!」, 其間因有10月1日國慶假期，: the date is said, or is the object
        left = cursor
        before_end = m.start
        while before_end > left and view[before_end - 1] in " \u3000":
            before_end -= 1  # 於 2025 年 11 月 19 日: the blank between the preposition and the date
        # Drop a preposition just before the date (在今年年底 → ∅) and a frame word after it.
        for word in sorted(frames, key=len, reverse=True):
            if view[max(left, before_end - len(word)):before_end] == word:
                if word == "直到" and view[max(left, before_end - 3):before_end - 2] == "一":
                    before_end -= 1  # 一直到中午12時 → ∅, not 一
                if len(word) == 1 and view[max(left, before_end - 2):before_end] in _WORDS_ENDING_IN_FRAME:
                    break  # 提到2019年, 加上昨天, 由於前一天: the character belongs to the word before it
                before_end -= len(word)
                break
        gap = view[left:before_end]
        if not (out and cursor > part.start and _JOINER_ONLY.fullmatch(gap)):
            out.append(text[left:before_end])  # 17日或18日: the 或 between two dates goes with them
        after = m.end
        note = WEEKDAY_NOTE.match(view, after, part.end)
        if note is not None:
            after = note.end()  # 10/18(六): the weekday belongs to the date
        elif view[after:after + 1] in ("多", "许") and view[m.end - 1:m.end] in ("时", "点"):
            after += 1  # 下午4時多: a little after four belongs to the time
        elif view[after:after + 1] == "间" and view[m.end - 1:m.end] in ("月", "年", "旬") and _DURING_MONTH.match(view, after):
            after += 1  # 2005年7月間接獲…通報, 今年5月間入境: during the month belongs to the date
        for word in sorted(frames, key=len, reverse=True):
            if (view[after:after + len(word)] == word and word not in ("的", "中", "里", "上", "时", "约")
                    and not (word in ("在", "于") and view[part.start:m.start].strip(_EDGE))
                    and word not in _BEFORE_ONLY
                    and not view.startswith(_VERBS_AFTER_DATE, after)
                    and not _starts_something(view, m.start, after, word)):
                after += len(word)
                break
        cursor = after
    out.append(text[cursor:part.end])
    return "".join(out).strip(_EDGE)


def _starts_something(view: str, date_start: int, after: int, word: str) -> bool:
    """今天(25日)開始首相的工作: 開始 with its object is the verb, not 從…開始 (from then on)."""
    if word != "开始":
        return False
    follows = view[after + 2:after + 3]
    return ("\u4e00" <= follows <= "\u9fff" and follows not in "起以"
            and view[max(0, date_start - 1):date_start] not in ("从", "自", "由"))


_DURING_MONTH = lazy_compile(r"间(?![谍隔断距])(?!接(?![获到收报]))")
_JOINER_ONLY = lazy_compile(r"\s*(?:或|或者|和|及|与|、|至|到|-|~|～)?\s*")
_OBJECT_VERB_BEFORE = lazy_compile(r"(?:因有|有|是|为|逢|适逢)$")
_VERB_WORDS = ("为止", "为主", "为了", "是否")  # 10月22日為最後一個會期 keeps its subject; 為止 is no copula


def _inside_quote(view: str, start: int, at: int) -> bool:
    """`at` lies inside a quotation opened after `start` and not yet closed."""
    for opener, closer in (("「", "」"), ("“", "”"), ("『", "』")):
        opened = view.rfind(opener, start, at)
        if opened >= 0 and view.find(closer, opened, at) < 0:
            return True
    return False


# 1点10分到达成都, 23点55分起飞: verbs that open with a frame word (到, 起) stay whole.
_BEFORE_ONLY = {"到了", "从", "自", "最早在", "最早于", "短短", "仅仅", "截至", "早在", "直到", "直至"}
# Words whose last character is also a preposition of the date: 提到2019年 keeps 提到, not 提.
_WORDS_ENDING_IN_FRAME = frozenset((
    "签约", "预约", "合约", "条约", "公约", "相约", "节约", "制约", "违约", "履约", "解约", "续约", "大约",
    "提到", "受到", "得到", "收到", "达到", "看到", "听到", "遇到", "来到", "回到", "找到", "想到", "感到", "谈到",
    "说到", "讲到", "直到", "加上", "马上", "由于", "对于", "关于", "至于", "基于", "鉴于", "属于", "处于", "位于",
    "等于", "在于", "终于", "敢于", "善于", "勇于", "乐于", "来自", "源自", "亲自", "各自", "独自", "甚至", "以至",
    "乃至", "直至", "正在", "存在", "实在", "所在", "好在", "其中", "当中", "之中", "以上", "之上",
))
_VERBS_AFTER_DATE = ("到达", "到访", "到场", "到任", "到位", "到港", "到站", "起飞", "起诉", "起火", "起跑", "上市", "上线",
                     "上任", "上台", "上映", "上演", "中止", "中断", "时任")

# Words that start with a one-character filler (也许 is not 也 + 许是).
_FILLER_WORDS = ("也许", "也就是", "还是", "还有", "还原", "还款", "并购", "并非", "并且", "而且", "而是", "而言", "就是",
                 "就业", "就职", "就任", "就读", "又称", "但是", "但愿", "也门")


def _strip_fillers(chunk: str, view_of) -> str:
    fillers = sorted(event_lexicon()["title"]["leading_fillers"], key=len, reverse=True)
    changed = True
    while changed and chunk:
        changed = False
        simple = view_of(chunk)
        for word in fillers:
            if simple.startswith(word) and not (len(word) == 1 and simple.startswith(_FILLER_WORDS)):
                chunk = chunk[len(word):].lstrip(_EDGE)
                changed = True
                break
        simple = view_of(chunk)
        m = re.match(r"据(.{1,12}?)(报道|报导|称|透露|表示|消息)[，,:：]?", simple)
        if m and m.end() < len(chunk):
            chunk = chunk[m.end():].lstrip(_EDGE)
            changed = True
    return chunk


# 一批印度尼西亞男女4日清晨在巴生遭警員截查時，心虛逃跑: a dated 時-clause with its own subject
# holds who the next clause is about; 在…時 (a setting) does not.
_WHEN_WITH_SUBJECT = lazy_compile(r"^(?!在|于|当|正当|每当)[^，,。；;]{6,}?(?:遭|被|受|让|在)[^，,。；;]*时$")
_FRAME_END = lazy_compile(r"(上|中|里|时|期间|之际|当天|前夕)$")
_FRAME_START = lazy_compile(r"^(在|于)(?!.*[是有])")  # 在旺角的天橋 (a place), not 在…是 (a predicate)
_REASON_START = lazy_compile(r"^(由于|因为|因|为了|随着|受.{1,12}影响|鉴于|基于|因应)")
# The source a statement rests on (根据交通部24日最新预报资料): never the happening.
_FINDING_START = lazy_compile(r"^(?:并|亦|也)?(?:认定|认为|裁定认为|指出|考虑到|鉴于|基于)")
# 标志着, 意味着, 持续展现, 显示: the clause says what the happening means, a comment on it.
_COMMENT_START = lazy_compile(r"^(?:这|此举|此事|从而|进而)?(?:也|更|再次|持续|充分)?(?:标志着|意味着|象征着|象征|显示出?|展现出?|"
                            r"反映出?|彰显|凸显|体现出?|说明|证明|可谓|堪称)")
_SOURCE_START = lazy_compile(r"^(根据|依据|依照|按照)")


def _is_reason(chunk: str) -> bool:
    return _REASON_START.match(simplified_of(chunk)) is not None


def _is_frame(chunk: str) -> bool:
    """A setting with no verb of its own: 的达沃斯世界经济论坛上, 在这一过程中."""
    simple = simplified_of(chunk)
    pattern, _ = trigger_pattern()
    setting = _FRAME_END.search(simple) or _FRAME_START.match(simple)
    return bool(setting) and not pattern.search(simple) or len(simple) <= 1


# --- type and status ------------------------------------------------------------------------

# Types that say how an event was told or framed, not what happened: 宣布完成收购 is an
# acquisition, 揭幕战…击败 a win. A trigger of another type in the same scope wins over them.
def _title_types(title: str) -> set[str]:
    pattern, word_type = trigger_pattern()
    return {word_type[m.group(0)] for m in pattern.finditer(simplified_of(title))}


def _title_type(title: str) -> str | None:
    """The kind of the first act the title names when the clauses around it were cut away
    (為…融資貸款…提供幫助，…收受財物: the title keeps the act, 收受)."""
    pattern, word_type = trigger_pattern()
    simple = _QUOTED.sub(lambda m: " " * len(m.group(0)), simplified_of(title))
    for m in pattern.finditer(simple):
        kind = word_type[m.group(0)]
        if m.group(0) == "通过" and _BY_MEANS.match(simple, m.end()):
            continue
        if kind not in FRAMING_TYPES and simple[max(0, m.start() - 2):m.start()] != "利用":
            return kind
    return None


_BY_MEANS = lazy_compile(r"[^，,。；;]{0,20}?(?:检测|方式|渠道|途径|平台|手段|视频|网络|邮件|电话|短信|系统)")
_QUOTED = lazy_compile(r"“[^“”\n]{1,40}”|「[^「」\n]{1,40}」|《[^《》\n]{1,40}》|『[^『』\n]{1,40}』")


def classify(view: str, scope: list[Span], mention: Mention) -> str:
    """The type of the trigger nearest after the date, else the nearest before it; a
    framing trigger (宣布, 表示, 主场) gives way to any other trigger in the same direction."""
    pattern, word_type = trigger_pattern()
    start, end = scope[0].start, scope[-1].end
    quoted = [(q.start(), q.end()) for q in _QUOTED.finditer(view, start, end)]

    def outside(m) -> bool:  # “…遇刺身亡案”再次開庭審理: a case's name is no act of this event
        if m.group(0) == "通过" and _BY_MEANS.match(view, m.end()):
            return False  # 通過聚合酶鍊式反應(PCR)檢測確診: by means of, not passed
        if view[max(0, m.start() - 2):m.start()] == "利用" or view[m.start() - 1:m.start()] == "在":
            return False  # 利用擔任…便利, 在擔任…期間: the office held, not an appointment
        return not any(a <= m.start() < b for a, b in quoted)

    after = [word_type[m.group(0)] for m in pattern.finditer(view, mention.end, end) if outside(m)]
    before = [word_type[m.group(0)] for m in pattern.finditer(view, start, mention.start) if outside(m)][::-1]
    for types in (after, before):
        if types:
            return next((t for t in types if t not in FRAMING_TYPES), types[0])
    return "other"


_DISPOSAL = lazy_compile(r"将(?=(?:他|她|它|其|该|涉案|此|这|那)|[^，,。；;将]{1,8}?(?:送|拘捕|逮捕|带|押|移交|交由|列为|"
                       r"纳入|打造|定为|视为|发射|撕毁|毁坏|扣留|升级为|降级为|改为|调整为|提升至|调高至|调低至|下调至|上调至))")
_NATURE = lazy_compile(r"大风|风力|降雨|降雪|雨量|气温|温度|降温|升温|台风|寒潮|冷空气|暴雨|天气|热带气旋|低压|风暴|风势|雷雨|雾|"
                       r"风雨|阵雨|大雨|豪雨|降水")
_LATER_PARTS = {"AF", "EV", "NI"}


def _later_today(mention: Mention, doc: Document) -> bool:
    """午後, 晚間起 of the reference day: hours still to come when a morning dispatch is written
    (the weather then is foreseen; an act then, 晚間8時宣布, is told after it happened)."""
    if doc.ref is None or doc.ref.precision != "day" or mention.start_date != doc.ref.date:
        return False
    value = mention.value
    return "T" in value and value.split("T", 1)[1] in _LATER_PARTS
_AGENT = lazy_compile(r"气象|天文台|电视台|部门|当局|政府|局(?![地部])|署|中心")  # 局地暴雨 is local rain
_DENIALS = ("否认",)  # a denial anywhere in the sentence counts (…，晶辰予以否認)
# What makes a negation no denial of the event: 所幸未酿成伤亡 (a harm spared), 雖未達寒冷 (a
# concession), 涉嫌未按照指示 (a charge), 逾期未取的車票 (a noun), 未成年, 未足以, 尚未…,或者 (a reason).
_NOT_A_DENIAL_BEFORE = lazy_compile(r"(?:所幸|幸好|幸而|幸亏|庆幸|幸|虽|尽管|即使|涉嫌|逾期|因为|由于|因|尚)[^，,。；;]{0,3}$")
_NOT_A_DENIAL_AFTER = ("成年", "足以", "知", "来", "必")
_REASON_OPENING = lazy_compile(r"\s*(?:不过|但|而)?\s*(?:在[^，,]{0,12})?(?:由于|因为|因)")


def _denied(view: str, own: str, offset: int, mention: Mention, negators: list[str]) -> bool:
    """Whether the event is denied: a denial anywhere in the sentence, or another negator (未, 没有,
    不会…) in the clause that tells the date, or in the clause right after a date clause with no
    verb of its own, unless what is negated is only a harm spared, a concession, a charge or a noun."""
    if any(word in own for word in _DENIALS):
        return True
    start, end = mention.start - offset, mention.end - offset
    clause_start = max((own.rfind(c, 0, start) for c in "，,；;：:"), default=-1) + 1
    clause_end = _clause_stop(own, end)
    clauses = [own[clause_start:clause_end]]
    if clause_end - end <= 2 and clause_end < len(own):  # 今日(五月二十七日)，…: the clause after the date tells what happened
        clauses.append(own[clause_end + 1:_clause_stop(own, clause_end + 1)])
    return any(_negates(clause, negators) for clause in clauses)


def _clause_stop(text: str, at: int) -> int:
    stops = [i for i in (text.find(c, at) for c in "，,；;") if i >= 0]
    return min(stops) if stops else len(text)


def _negates(clause: str, negators: list[str]) -> bool:
    if _REASON_OPENING.match(clause):
        return False  # 由於…未達標，任務宣布推遲: why it happened, not a denial
    for word in negators:
        if word in _DENIALS:
            continue
        at = clause.find(word)
        while at >= 0:
            after = clause[at + len(word):at + len(word) + 2]
            asks = word[0] in "不没沒" and at > 0 and clause[at - 1] == clause[at + 1:at + 2]  # 会不会, 有没有: a question
            if not asks and not _NOT_A_DENIAL_BEFORE.search(clause, 0, at) and not after.startswith(_NOT_A_DENIAL_AFTER):
                return True
            at = clause.find(word, at + 1)
    return False
_CONDITIONAL = lazy_compile(r"(?:[^，,。；;]{0,12}?)(若(?![昂泽瑟阿热奥])|如果|一旦|假如|倘若|假若|万一|要是|如若)")
_ORIGINAL_PLAN = lazy_compile(r"(原定|原订|原计划|原本|原先|预定|本来|原拟)[于在的]?$")


def decide_status(view: str, sentence: Span, scope: list[Span], mention: Mention, doc: Document,
                  when: EventDate | None = None) -> str:
    """The event's status from the cues of its own clauses and from where its date (`when`, the
    governing date, else the mention's) lies from the reference date."""
    lex = event_lexicon()["status"]
    if when is not None and (when.start_date, when.end_date) != (mention.start_date, mention.end_date):
        mention = replace(mention, time=replace(mention.time, start_date=when.start_date, end_date=when.end_date))
    first_clause = view[scope[0].start:scope[0].end]
    act_end = scope[-1].end
    if len(scope) > 1 and scope[0].start <= mention.start < scope[0].end and trigger_pattern()[0].search(first_clause):
        act_end = scope[0].end  # 氣象局16時發出三號風球，並預計…增強: a forecast after the act is not its status
    clause_text = view[sentence.start:scope[-1].end]
    speech = _first(clause_text, lex["speech"])
    own = clause_text if speech is None else clause_text[:speech]
    if _ORIGINAL_PLAN.search(view, max(sentence.start, mention.start - 6), mention.start):
        after = view[mention.end:sentence.end]
        if _first(after, lex["cancelled"]) is not None:
            return "cancelled"  # 原定今年11月舉行的選舉已被取消
        if _first(after, lex["postponed"]) is not None:
            return "postponed"  # 演唱會原定本月25日舉行，因颱風宣布延期
    if _CONDITIONAL.match(view, scope[0].start) or _CONDITIONAL.match(view, sentence.start, mention.start):
        return "predicted"  # 若明年3月前未能達成協議，工會將發動罷工: a condition, not a denial
    own = own.replace("未来", "  ")  # the future (未来五年) is no denial (未)
    own = _DISPOSAL.sub(lambda m: " " * len(m.group(0)), own)  # 将他拘捕, 将卫星送入太空: 将 is 把
    if _denied(view, own, sentence.start, mention, lex["negated"]):
        return "negated"
    own = own[:act_end - sentence.start]  # a denial anywhere counts (…，晶辰予以否認); a plan or forecast only up to the act
    if _first(own, lex["predicted"]) is not None:
        return "predicted"
    if speech is not None and sentence.start + speech < scope[0].start and _first(
            view[scope[0].start:act_end], lex["predicted"]) is not None:
        return "predicted"  # 氣象署說，…預估明天風雨將最為明顯: the event is the forecast said
    if (_NATURE.search(view, scope[0].start, act_end) and not _AGENT.search(view, scope[0].start, act_end)
            and _later_today(mention, doc)):
        return "predicted"  # 晚間起北台灣風雨漸增: the weather of the day's coming hours is foreseen
    planned_at = _first(own, lex["planned"])
    if planned_at is not None and not _is_past(mention, doc):
        if _NATURE.search(own, 0, planned_at) and not _AGENT.search(own, 0, planned_at):
            return "predicted"  # 大风将一直持续, 最高气温将跌至: weather is foreseen, not planned
        return "planned"  # 将 before a past date is the 把 of 将FAIR打造成, not a plan
    if _is_future(mention, doc):
        told = view[scope[0].start:act_end]
        if (_NATURE.search(own) and not _AGENT.search(own)) or (_NATURE.search(told) and not _AGENT.search(told)):
            return "predicted"  # 14日20时至16日20时，…等地气温下降6~10℃: weather ahead is foreseen
        return "planned"
    reported_at = _first(view[sentence.start:sentence.end], lex["reported"])
    if reported_at is not None and not _AUTHORITY_RELAYED.match(view, sentence.start + reported_at):
        return "reported"
    return "occurred"


# 新華社報導，經審理查明：…, 據悉，廈門市中級人民法院…開庭: a paper relaying what a court or an
# inquiry found or did tells the authority's own act, not a story known only from the press.
_AUTHORITY_RELAYED = lazy_compile(r"(?:据报道|报道称|报道|报导|据悉|消息称|据了解)[，,：:\s]*"
                                  r"(?:经审理查明|经查明|经查|审理查明|[^，,。；;]{2,16}?(?:法院|检察院|纪委|监委))")


def _is_past(mention: Mention, doc: Document) -> bool:
    if doc.ref is None or mention.end_date is None:
        return False
    ref_day = doc.ref.date if doc.ref.precision == "day" else date(doc.ref.date.year, 1, 1)
    return mention.end_date < ref_day


def _first(text: str, words: list[str]) -> int | None:
    hits = [text.find(w) for w in words]
    hits = [h for h in hits if h >= 0]
    return min(hits) if hits else None


def _is_future(mention: Mention, doc: Document) -> bool:
    """An event whose date lies mostly after the article was written has not happened yet."""
    if doc.ref is None or mention.start_date is None or mention.end_date is None:
        return False
    ref_day = doc.ref.date if doc.ref.precision == "day" else date(doc.ref.date.year, 12, 31)
    if mention.mod == "AFTER" and mention.rule in ("story-after", "story-same") and mention.start_date <= ref_day:
        return False  # 今日…表決，隨後進行三讀: what came next in a story of today or before
    middle = mention.start_date + (mention.end_date - mention.start_date) / 2
    return middle > ref_day


# --- evidence -------------------------------------------------------------------------------

def evidence_for(doc: Document, draft: Draft) -> Evidence:
    s = draft.part or draft.sentence
    return Evidence(doc.path, s.start, s.end, doc.text[s.start:s.end], draft.mention.id,
                    draft.mention.start, draft.mention.end, draft.date or event_date(draft.mention))


def event_date(mention: Mention) -> EventDate:
    return EventDate(mention.value, mention.mod, mention.granularity, mention.start_date,
                     mention.end_date, mention.certainty)
