"""The reference date: from the option, the sidecar, a dateline, or inferred from the text."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta

from ..lazyre import lazy_compile
from ..model import RefDate
from .calendar import valid_date

HEAD_CHARS = 400  # a dateline sits in the first lines of an article

_FULL_DATE = lazy_compile(
    r"(?P<y>(?:19|20)\d{2})\s?(?:年\s?(?P<m1>\d{1,2})\s?月\s?(?P<d1>\d{1,2})\s?[日号]?"
    r"|[-/.](?P<m2>\d{1,2})[-/.](?P<d2>\d{1,2}))")
_PUBLISH_CUE = lazy_compile(r"发布|发表|日期|时间|更新|来源|出版|刊登|稿|Published|Date", re.IGNORECASE)
_DAY_DATELINE = lazy_compile(r"[（(][^（）()\n]{0,20}?(?P<d>\d{1,2})日[^（）()\n]{0,8}?(?:电|讯)[)）]")
_AGENCY_DATELINE = lazy_compile(r"(?P<m>\d{1,2})月(?P<d>\d{1,2})日电")
_JOIN_WORDS = lazy_compile(r"加入|加盟|入职|创立|创建|创办|成立|上任|出任|接任|就任|进入")
_TENURE_WORDS = lazy_compile(r"效力|工作|任职|执掌|服务|担任|在任|掌舵|领导")
_FUTURE_WORDS = lazy_compile(r"将|计划|预计|预估|预期|目标|有望|可望|力争|届时|下次|下一次|再次|再度|回归|之前|以前|前夕|到\d{4}年")
_SENTENCE = lazy_compile(r"[^。！？!?\n]*[。！？!?\n]?")


def reference_for(text: str, view: str, script: str, *, option: date | None,
                  published: date | None) -> RefDate | None:
    if option is not None:
        return RefDate(option, "day", "option")
    if published is not None:
        return _story_day(view, published) or RefDate(published, "day", "metadata")
    dateline = find_dateline(view)
    if dateline is not None and dateline.precision == "day":
        return dateline
    inferred = infer_reference(text, view, script)
    if dateline is not None and inferred is not None:
        # 新华社北京11月19日电 gives the day; the text gives the year.
        day = dateline.date
        if valid_date(inferred.date.year, day.month, day.day):
            return RefDate(date(inferred.date.year, day.month, day.day), "day", "text",
                           f"{dateline.evidence}; year from {inferred.evidence}")
    return inferred


def _story_day(view: str, published: date) -> RefDate | None:
    """(斗湖26日讯) on a page that went up at 12:17am on the 27th: the story's 今天 is the 26th,
    the day its dateline gives, when that is the day before the page's date."""
    m = _DAY_DATELINE.search(view[:HEAD_CHARS])
    if m is None:
        return None
    before = published - timedelta(days=1)
    if int(m.group("d")) != before.day:
        return None
    return RefDate(before, "day", "metadata", f"published {published.isoformat()}; dateline {m.group(0)!r}")


def find_dateline(view: str) -> RefDate | None:
    """A publication date near the top: 【2025年11月20日】, 发布时间：2025-11-20, 11月19日电."""
    head = view[:HEAD_CHARS]
    for line in head.splitlines():
        stripped = line.strip()
        m = _FULL_DATE.search(stripped)
        if m is None:
            continue
        before, after = stripped[:m.start()], stripped[m.end():]
        # A date that opens a sentence of the body (2009年8月8日，莫拉克颱風…) is no dateline.
        sentence = re.search(r"[，,。；：:！？]", after) is not None and not _PUBLISH_CUE.search(before)
        looks_like_dateline = not sentence and (
            _PUBLISH_CUE.search(before) or "【" in before or m.start() == 0
            or len(stripped) <= 40 or re.match(r"\s?\d{1,2}:\d{2}", after)
        )
        if not looks_like_dateline:
            continue
        year = int(m.group("y"))
        month = int(m.group("m1") or m.group("m2"))
        day = int(m.group("d1") or m.group("d2"))
        if valid_date(year, month, day):
            return RefDate(date(year, month, day), "day", "text", f"dateline {m.group(0)!r}")
    m = _AGENCY_DATELINE.search(head)
    if m is not None:
        month, day = int(m.group("m")), int(m.group("d"))
        if valid_date(2000, month, day):
            # Year unknown here; the caller supplies it from the text.
            return RefDate(date(2000, month, day), "month", "text", f"dateline {m.group(0)!r}")
    return None


def infer_reference(text: str, view: str, script: str) -> RefDate | None:
    """The story's year from the text alone, with the evidence: a tenure chain or the latest year."""
    from .extract import extract

    mentions = extract(text, None, script=script, view=view)
    sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(view) if m.end() > m.start()]

    starts = [start for start, _ in sentences]
    flags: dict[tuple[int, str], re.Match | None] = {}

    def in_sentence(pattern: re.Pattern, offset: int) -> re.Match | None:
        """The pattern's first match in the sentence around `offset`, once per sentence."""
        at = bisect_right(starts, offset) - 1
        if at < 0 or offset >= sentences[at][1]:
            return None
        key = (at, pattern.pattern)
        if key not in flags:
            flags[key] = pattern.search(view, sentences[at][0], sentences[at][1])
        return flags[key]

    years = [m for m in mentions if m.type == "DATE" and m.granularity == "year"
             and m.certainty == "stated" and m.value.isdigit()]
    candidates: list[tuple[int, str]] = []
    tenures = [m for m in mentions if m.type == "DURATION" and m.value.startswith("P")
               and m.value.endswith("Y") and m.value[1:-1].isdigit()
               and _TENURE_WORDS.search(view[max(0, m.start - 12):m.end + 2])]
    longest = max(tenures, key=lambda m: int(m.value[1:-1]), default=None)
    for year in years:
        verb = in_sentence(_JOIN_WORDS, year.start)
        if verb is not None and longest is not None:
            total = int(year.value) + int(longest.value[1:-1])
            candidates.append((total, f"{year.text}{verb.group(0)} + {_context_words(view, longest)}{longest.text}"))
        if not in_sentence(_FUTURE_WORDS, year.start):
            candidates.append((int(year.value), f"the latest year the text states: {year.text}"))
    if not candidates:
        return None
    first_line = view.lstrip().split("\n", 1)[0]
    head_end = len(view) - len(view.lstrip()) + len(first_line)
    in_head = [int(y.value) for y in years if y.end <= head_end and not in_sentence(_FUTURE_WORDS, y.start)]
    if in_head:  # the headline's year: 2025年台灣燈會 is a story of 2025, whatever the body recalls
        year = max(in_head)
        return RefDate(date(year, 1, 1), "year", "inferred", f"the year in the first line: {year}年")
    best_year, evidence = max(candidates, key=lambda c: c[0])
    if not 1000 <= best_year <= 9999:
        return None
    return RefDate(date(best_year, 1, 1), "year", "inferred", evidence)


def _context_words(view: str, mention) -> str:
    before = view[max(0, mention.start - 12):mention.start]
    hits = list(_TENURE_WORDS.finditer(before))
    return before[hits[-1].start():] if hits else ""
