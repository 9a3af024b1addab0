"""The story around a piece: paragraphs, sentences, the dates resolved so far, and the tense.

Pieces are resolved in text order, because the story matters: 同年 and 随后 look back at
the nearest earlier date, a bare 6月份 takes the year of the paragraph it sits in, and only
when the story says nothing does the reference date decide (nudged by the tense of the
clause: 将 forward, 了/已 back).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from itertools import islice

from ..lazyre import compile_pattern, lazy_compile
from ..model import RefDate, TimeValue
from .lexicon import alternation, lexicon

_CLAUSE_BREAK = lazy_compile(r"[，,。；;！!？?\n]")
_SENTENCE_BREAK = lazy_compile(r"[。！!？?\n]")
_PARAGRAPH_BREAK = lazy_compile(r"\n[ \t\u3000]*\n")
_LOOK_BACK = 200  # dates a story word may look back over
# A line that is only a date in digits (26-09-2025, 2025/09/26): a list page stamps its items so
_STAMP_LINE = lazy_compile(r"(?m)^[ \t]*\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}[ \t]*$")
_CUE_JOINERS = frozenset(("", "于", "於", "在", " "))
# A date only days ahead stays ahead under 已/了 (圣诞节前夕…已布置好): the cue is about preparations.
PAST_MARGIN = timedelta(days=14)


class Unresolvable(Exception):
    """The words are not a real date (2月30日, 民国0年): drop the mention."""


@dataclass(frozen=True, slots=True)
class StoryPoint:
    """A date the story has told, with where it was told."""

    id: str
    start: int
    time: TimeValue
    paragraph: int
    sentence: int
    year: int
    month: int | None
    day: int | None
    dateline: bool = False  # 2018年2月3日讯, (吉隆坡18日讯): the report's own day, not the story's topic
    compared: bool = False  # 比上年, 较去年同期: the base of a comparison, not the story's topic
    stamp: bool = False  # alone on its line (26-09-2025 over a list of notices): it dates the lines below


@dataclass(slots=True)
class Resolved:
    """A mention's resolved time and what it was anchored to."""

    time: TimeValue
    anchor: str | None = None
    certainty: str = "stated"
    coords: tuple[int, int | None, int | None] | None = None  # year, month, day for the story


class Story:
    """What resolution needs to know about the text around a piece."""

    def __init__(self, view: str, ref: RefDate | None):
        self.view = view
        self.ref = ref
        self.points: list[StoryPoint] = []
        self._paragraphs = [m.end() for m in _PARAGRAPH_BREAK.finditer(view)]
        self._sentences = [m.end() for m in _SENTENCE_BREAK.finditer(view)]
        self._stamps: int | None = None  # lines that are only a date (counted when first needed)

    def paragraph(self, offset: int) -> int:
        return bisect_right(self._paragraphs, offset)

    def paragraph_start(self, paragraph: int) -> int:
        return self._paragraphs[paragraph - 1] if paragraph > 0 else 0

    def sentence(self, offset: int) -> int:
        return bisect_right(self._sentences, offset)

    def previous(self, at: int, *, scope: str = "story", need_month: bool = False,
                 need_day: bool = False, one_day: bool = False) -> StoryPoint | None:
        """The date a story word at offset `at` refers back to.

        Within the same sentence, the nearest earlier date. Before that, the first date of
        the nearest earlier sentence that has one: a sentence's leading date is its topic
        (2023年3月，…押后至2025年年底。同年8月 → 2023), later ones are complements; a dateline
        (【2018年2月3日讯】2月2日上午…) gives way to the date after it.
        `scope` limits the search to the sentence or paragraph of `at`; `one_day` skips dates
        of several days (中秋连假).
        """
        sentence, paragraph = self.sentence(at), self.paragraph(at)
        found: StoryPoint | None = None
        # Points arrive in text order: walk back from the newest, at most _LOOK_BACK of them,
        # so resolution stays linear in the number of dates however long the text.
        for steps, point in enumerate(reversed(self.points)):
            if steps >= _LOOK_BACK:
                break
            if point.start >= at:
                continue
            if found is not None and point.sentence != found.sentence:
                break  # `found` is the first usable date of its sentence
            if (need_month and point.month is None) or (need_day and point.day is None):
                continue
            if one_day and point.time.start_date != point.time.end_date:
                continue
            if point.dateline and found is not None and found.sentence == point.sentence:
                continue
            if point.compared:
                continue  # 产量比上年增加…，全年: the year compared with is not the one told
            if point.sentence == sentence:
                return point
            if scope == "sentence" or (scope == "paragraph" and point.paragraph != paragraph):
                return None
            found = point
        return found

    def list_page(self) -> bool:
        """Whether two lines or more are only a date (a list page stamps its items so)."""
        if self._stamps is None:
            self._stamps = len(_STAMP_LINE.findall(self.view)) if "\n" in self.view else 0
        return self._stamps >= 2

    def stamp_before(self, at: int) -> StoryPoint | None:
        """On a list page, the last date before offset `at` alone on its line (26-09-2025 over the
        notices of that day): a bare day in the lines below takes its month."""
        if not self.list_page():
            return None
        for steps, point in enumerate(reversed(self.points)):
            if steps >= _LOOK_BACK:
                break
            if point.start < at and point.stamp and point.month is not None:
                return point
        return None

    def ahead(self, at: int) -> StoryPoint | None:
        """The latest date before offset `at` that lies ahead of the reference date (届时)."""
        ref_day = self.ref_day()
        if ref_day is None:
            return None
        return next((point for point in self._last_before(at)
                     if point.time.start_date is not None and point.time.start_date > ref_day), None)

    def told_with(self, at: int, words: str, *, need_day: bool = False) -> StoryPoint | None:
        """The date of the earlier sentence that shares most two-character words with `words`
        (发现海报被撕毁当天 → the sentence that told of finding the posters), if any shares two."""
        grams = {words[i:i + 2] for i in range(len(words) - 1)}
        best, best_score = None, 1
        for point in self._last_before(at, 20):
            if (need_day and point.day is None) or point.dateline:
                continue  # (鹅唛17日讯) is the report's day, not the day of what it tells
            first = self._sentences[point.sentence - 1] if point.sentence else 0
            last = self._sentences[point.sentence] if point.sentence < len(self._sentences) else len(self.view)
            sentence = self.view[first:last]
            score = sum(1 for gram in grams if gram in sentence)
            if score > best_score:
                best, best_score = point, score
        return best

    def said_before(self, at: int, words: str) -> StoryPoint | None:
        """The earlier point written with the same bare day (22日 … 22日) in the reference month, if any."""
        ref_day = self.ref_day()
        if not words.endswith(("日", "号")) or len(words) > 4 or ref_day is None:
            return None
        for point in self._last_before(at):
            if (point.day is not None and (point.year, point.month) == (ref_day.year, ref_day.month)
                    and self.view.startswith(words, point.start)
                    and not self.view[point.start + len(words):point.start + len(words) + 1].isdigit()):
                return point
        return None

    def tells_this_years_past(self, at: int) -> bool:
        """Whether an earlier month or day of the text lies in the reference year, before its month."""
        ref_day = self.ref_day()
        if ref_day is None:
            return False
        return any(point.year == ref_day.year and point.month is not None and point.month < ref_day.month
                   for point in self._last_before(at))

    def last_before(self, at: int, reach: int = _LOOK_BACK):
        """The points told before offset `at`, nearest first."""
        return self._last_before(at, reach)

    def _last_before(self, at: int, reach: int = _LOOK_BACK):
        """The points that start before offset `at`, nearest first, among the last `reach` told."""
        return (point for point in islice(reversed(self.points), reach) if point.start < at)

    def ref_day(self) -> date | None:
        if self.ref is None or self.ref.precision != "day":
            return None
        return self.ref.date

    def tense(self, start: int, end: int) -> int:
        return self.tense_cue(start, end)[0]

    def tense_cue(self, start: int, end: int) -> tuple[int, bool]:
        """(direction, whether the cue came before the date) — see tense()."""
        clause_start = start - 60
        for m in _CLAUSE_BREAK.finditer(self.view, max(0, start - 60), start):
            clause_start = m.end()
        clause_start = max(clause_start, 0)
        own_end = stop = end
        for step in range(2):
            m = _CLAUSE_BREAK.search(self.view, stop, stop + 80)
            stop = m.end() if m else min(len(self.view), stop + 80)
            if step == 0:
                own_end = stop
            if m is None or m.group() in "。！!？?\n":
                break
        pattern, direction = _tense_cues()
        best: tuple[int, int, bool] | None = None
        for m in pattern.finditer(self.view, clause_start, start):
            # the last one before is the nearest; it is "before the date" only right before it (已于12月,
            # 已在14日), not when a verb stands between (已宣布14日停课: the announcing is past)
            if direction[m.group()]:
                best = (start - m.end(), direction[m.group()], self.view[m.end():start] in _CUE_JOINERS)
        for m in pattern.finditer(self.view, end, stop):
            sign = direction[m.group()]
            if not sign:  # 不过, 通过: a cue character inside another word
                continue
            if sign > 0 and m.start() >= own_end:
                continue
            if sign > 0 and _CLAIMED.search(self.view, end, m.start()):
                continue  # 周五審理這起謊稱…將受恐襲案件: the future is the claim's, not the hearing's
            if best is None or m.start() - end < best[0]:
                best = (m.start() - end, sign, False)
            break
        return (0, False) if best is None else (best[1], best[2])

    # tense(): +1 when the words around look ahead (将, 计划), -1 when they look back (了, 已),
    # else 0. Past cues count in the mention's clause and the one after it (周三，央行宣布了降准
    # puts the verb after the comma); future cues only in its own clause, since a plan in the
    # next clause (于10月1日就任，并宣布将于…) is usually another event. The nearest cue wins.


_CLAIMED = lazy_compile(r"谎称|声称|扬言|宣称|指称|谣传|威胁")


@lru_cache(maxsize=1)
def _tense_cues() -> tuple[re.Pattern, dict[str, int]]:
    cues = lexicon()["tense"]
    direction = ({word: 1 for word in cues["future"]} | {word: -1 for word in cues["past"]}
                 | {word: 0 for word in cues["neutral"]})
    return compile_pattern(alternation(direction)), direction
