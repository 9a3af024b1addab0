"""Which date governs an event, and what that date finally is.

The date finder resolves each mention on its own; an event's date needs a little more of
the sentence and the paragraph around it:

- a pattern, not a happening: 往年…通常在8、9月, 每年12月 — no event;
- a range the date finder left in two pieces around a note in brackets:
  1月24日(年廿五)至30日 is 01-24…01-30;
- a time of day with no day of its own (深夜) after 12日晚間 in the same paragraph is on
  the 12th, not on the reference day;
- a bare day with its weekday in brackets (14日(周三)) is the one that falls on that weekday, and a
  month and day without a year (10/18(六)) is in the year nearest the reference date where it falls
  on that weekday;
- dates offered as alternatives (17日或18日早晨) leave the day open between them: the event spans
  both;
- a happening told over a period up to now (仅2月以来…, 从上月底至今…) is dated at the period's
  start;
- a bare day (15日) resolved against a date of another paragraph, or told by a reporting
  verb (路透15日報導), is a day of the story's present: the last such day on or before
  the reference date, not a day of the background month.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..lazyre import lazy_compile
from ..model import Document, EventDate, Mention
from .nonevents import is_since

_HABITUAL = lazy_compile(r"(每年|每月|每周|每逢|每当|往年|历年|以往|通常|一般在|一般会|往往|惯例|向来|越来越)")
_HABIT_REACH = 40
_RANGE_GAP = lazy_compile(r"\s*[（(][^（()）]{1,12}[)）]\s*(?:至|到|-|—|–|~|～)\s*$")
_REPORTING = lazy_compile(r"(?:电|報導|报道|报导|表示|称|稱|宣布|公布|指出|透露|发布|發布|发表|發表|消息|讯|訊)")
_PLAIN_RANGE_GAP = lazy_compile(r"\s*(?:至|到|-|—|–|~|～)\s*")  # 今天(8日)至本月31日: two mentions, one range
_GLOSS_GAP = lazy_compile(r"\s*[（(]\s*")
_DAYPART_CODES = {"MO", "AF", "EV", "NI", "DT", "MI"}
# 10/18(六), 10月19日（日）, 5月3日(星期六): a weekday written in brackets after a date.
WEEKDAY_NOTE = lazy_compile(r"\s*[（(]\s*(?:星期|礼拜|禮拜|周|週)?([一二三四五六日天])\s*[)）]")
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_YEAR_WRITTEN = lazy_compile(r"\d{4}|年")
_YEAR_REACH = 6  # how many years from the reference year a weekday note may move a date


def is_habitual(view: str, clause_start: int, mention: Mention) -> bool:
    """往年…通常在8、9月, 每年12月: the clause describes what tends to happen."""
    # A habit word sits near its date; a bounded look keeps a clause of thousands of dates linear.
    return _HABITUAL.search(view, max(clause_start, mention.start - _HABIT_REACH), mention.start) is not None


_OR = lazy_compile(r"\s*(?:或|或者|或是)\s*$")


def _alternatives(view: str, mention: Mention, inside: list[Mention]) -> tuple[Mention, Mention]:
    """17日或18日早晨: the first and the last of the dates offered as alternatives around `mention`."""
    at = next((i for i, m in enumerate(inside) if m is mention), None)
    if at is None:
        return mention, mention
    first = last = at
    while first > 0 and _OR.fullmatch(view[inside[first - 1].end:inside[first].start]):
        first -= 1
    while last + 1 < len(inside) and _OR.fullmatch(view[inside[last].end:inside[last + 1].start]):
        last += 1
    return inside[first], inside[last]


def range_end(view: str, mention: Mention, inside: list[Mention]) -> Mention | None:
    """The end of a range written around a bracketed note (1月24日(年廿五)至30日), or in two
    mentions the date finder left apart (今天(8日)至本月31日)."""
    for other in inside:
        if other.start <= mention.end or _GLOSS_GAP.fullmatch(view[mention.end:other.start]):
            continue  # 今天(8日)至本月31日: the note in brackets is no end
        if other.start - mention.end > 20 or other.start_date is None or mention.end_date is None:
            return None
        if ((_RANGE_GAP.match(view, mention.end, other.start) or _PLAIN_RANGE_GAP.fullmatch(view, mention.end, other.start))
                and other.start_date >= mention.end_date):
            return other
        return None
    return None


def governing_date(doc: Document, view: str, mention: Mention, inside: list[Mention],
                   by_id: dict[str, Mention], paragraph_start: int, previous_day: Mention | None) -> EventDate:
    """The event's date from its mention, corrected as the module docstring says."""
    end = range_end(view, mention, inside)
    first, last = _alternatives(view, mention, inside)
    if first is not last and first.start_date and last.end_date and first.start_date <= last.end_date:
        value = f"{first.start_date.isoformat()}/{last.end_date.isoformat()}"
        return EventDate(value, None, "day", first.start_date, last.end_date, mention.certainty)
    if end is not None:
        value = f"{mention.start_date.isoformat()}/{end.end_date.isoformat()}"
        return EventDate(value, None, "day", mention.start_date, end.end_date, mention.certainty)
    checked = _day_fitting_its_weekday(view, mention, inside) or _year_fitting_its_weekday(doc, view, mention)
    if checked is not None:
        return checked
    if is_since(view, mention):
        start = since_start(mention)
        if start is not None:
            return start
    ahead = _weekdays_ahead(doc, view, mention)
    if ahead is not None:
        return ahead
    glossed = _glossed_day_before(doc, view, mention)
    if glossed is not None:
        return glossed
    daypart = _daypart_on_previous_day(mention, previous_day)
    if daypart is not None:
        return daypart
    present = _present_day(doc, view, mention, by_id, paragraph_start)
    if present is not None:
        return present
    return EventDate(mention.value, mention.mod, mention.granularity, mention.start_date, mention.end_date,
                     mention.certainty)


def _day_fitting_its_weekday(view: str, mention: Mention, inside: list[Mention]) -> EventDate | None:
    """14日(周三) on 2016-09-13: the 14th whose weekday the note gives (09-14, a Wednesday), in
    the month before, of or after the one the date finder chose."""
    if mention.rule != "day" or mention.start_date is None:
        return None
    note = next((m for m in inside if m.start > mention.end), None)
    if (note is None or note.rule != "weekday" or note.start_date is None
            or not _GLOSS_GAP.fullmatch(view[mention.end:note.start])):
        return None
    weekday, chosen = note.start_date.weekday(), mention.start_date
    if chosen.weekday() == weekday:
        return None
    for shift in (1, -1):
        month = chosen.month + shift
        year = chosen.year + (month - 1) // 12
        candidate = _day_in_month(year, (month - 1) % 12 + 1, chosen.day)
        if candidate is not None and candidate.weekday() == weekday:
            return EventDate(candidate.isoformat(), None, "day", candidate, candidate, mention.certainty)
    return None


def _year_fitting_its_weekday(doc: Document, view: str, mention: Mention) -> EventDate | None:
    """10/18(六) in an article of 2025 whose last full year is 2007: the date finder took the
    year from the background; the weekday note says 2025-10-18, a Saturday."""
    chosen = mention.start_date
    if (chosen is None or chosen != mention.end_date or mention.rule == "day"
            or _YEAR_WRITTEN.search(view, mention.start, mention.end)):
        return None
    note = WEEKDAY_NOTE.match(view, mention.end)
    if note is None:
        return None
    weekday = _WEEKDAYS[note.group(1)]
    if chosen.weekday() == weekday:
        return None
    around = doc.ref.date if doc.ref is not None else chosen
    fitting = [d for year in range(around.year - _YEAR_REACH, around.year + _YEAR_REACH + 1)
               if (d := _day_in_month(year, chosen.month, chosen.day)) is not None and d.weekday() == weekday]
    if not fitting:
        return None
    best = min(fitting, key=lambda d: abs((d - around).days))
    value = best.isoformat() + (mention.value[10:] if mention.value[10:11] == "T" else "")
    return EventDate(value, mention.mod, mention.granularity, best, best, mention.certainty)


def since_start(mention: Mention) -> EventDate | None:
    """仅2月以来 → 2026-02, 从上月底至今 → 2023-08 (END): the start of a period up to now, as
    precise as the text gives it."""
    first = mention.value.split("/", 1)[0]
    start = mention.start_date
    if start is None or not first:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:T.*)?", first):
        return EventDate(first, None, mention.granularity if "T" in first else "day", start, start, mention.certainty)
    if re.fullmatch(r"\d{4}-\d{2}", first):
        last = date(start.year, start.month, _days_in_month(start.year, start.month))
        mod = None if start.day == 1 else ("END" if start.day >= 21 else "MID" if start.day >= 11 else None)
        return EventDate(first, mod, "month", start, last, mention.certainty)
    if re.fullmatch(r"\d{4}", first):
        last = date(start.year, 12, 31)
        mod = None if (start.month, start.day) == (1, 1) else ("END" if start.month >= 11 else None)
        return EventDate(first, mod, "year", start, last, mention.certainty)
    return None


# 明(十五)日下午三時, 今(十四)日: a day word with its day number in brackets, as Macau and Hong
# Kong papers write it, before a time of day.
_GLOSSED_DAY = lazy_compile(r"([昨今明])\s*[（(]\s*([〇○零一二三四五六七八九十廿卅\d]{1,4})\s*[)）]\s*日\s*$")
_SHIFT = {"昨": -1, "今": 0, "明": 1}
_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _day_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    text = text.replace("廿", "二十").replace("卅", "三十")
    if "十" in text:
        tens, _, units = text.partition("十")
        return (_DIGITS.get(tens, 0) if tens else 1) * 10 + (_DIGITS.get(units, 0) if units else 0)
    return _DIGITS.get(text) if len(text) == 1 else None


def _glossed_day_before(doc: Document, view: str, mention: Mention) -> EventDate | None:
    """岑浩輝於明(十五)日下午三時…: the time is on the day the word and its number give (the
    15th, the day after the reference day), not on the reference day."""
    if doc.ref is None or doc.ref.precision != "day" or mention.type != "TIME" or "T" not in mention.value:
        return None
    written = _GLOSSED_DAY.search(view, max(0, mention.start - 12), mention.start)
    if written is None:
        return None
    day = doc.ref.date + timedelta(days=_SHIFT[written.group(1)])
    if _day_number(written.group(2)) != day.day or (mention.start_date == day == mention.end_date):
        return None
    value = day.isoformat() + "T" + mention.value.split("T", 1)[1]
    return EventDate(value, mention.mod, mention.granularity, day, day, "relative")


_AHEAD_CUE = lazy_compile(r"(?:(?!谎称|声称|扬言|宣称|指称)[^。；;！？\n]){0,16}?(?:将|会|预计|预估|可望|有望)")


def _weekdays_ahead(doc: Document, view: str, mention: Mention) -> EventDate | None:
    """周三至周四早晨郊區最低溫…會降至0~2℃ on a Sunday: weekdays told with a forecast or a plan
    are the coming ones, not those of the week gone."""
    if not mention.rule.replace("range(", "").startswith("weekday") or doc.ref is None:
        return None
    if "+date" in mention.rule:
        return None  # 周五(31日): the day is stated, the weekday only notes it
    if mention.start_date is None or mention.end_date is None or mention.end_date >= doc.ref.date:
        return None
    if _AHEAD_CUE.match(view, mention.end) is None:
        return None
    week = timedelta(days=7)
    start, end = mention.start_date + week, mention.end_date + week
    if start < doc.ref.date:
        return None
    suffix = mention.value.split("T", 1)[1] if "T" in mention.value else None
    value = start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"
    if suffix:
        value += "T" + suffix
    return EventDate(value, mention.mod, mention.granularity, start, end, mention.certainty)


def _daypart_on_previous_day(mention: Mention, previous_day: Mention | None) -> EventDate | None:
    """深夜 or 中午12时许 with nothing but the reference day behind it, after 12日晚間 (or 当日 of
    昨日) in the same paragraph."""
    if mention.anchor != "ref_date" or previous_day is None or previous_day.start_date is None:
        return None
    value = mention.value
    if "T" not in value or mention.rule not in ("daypart", "clock-time"):
        return None
    if mention.rule == "daypart" and value.split("T", 1)[1] not in _DAYPART_CODES:
        return None
    day = previous_day.start_date
    if previous_day.start_date != previous_day.end_date:
        return None
    return EventDate(f"{day.isoformat()}T{value.split('T', 1)[1]}", mention.mod, mention.granularity, day, day,
                     "relative")


def _present_day(doc: Document, view: str, mention: Mention, by_id: dict[str, Mention],
                 paragraph_start: int) -> EventDate | None:
    """路透15日報導 after a paragraph on 2022年5月: the 15th of the story's present."""
    if mention.rule != "day" or doc.ref is None or doc.ref.precision != "day":
        return None
    anchor = by_id.get(mention.anchor or "")
    if anchor is None or anchor.start_date == mention.start_date:
        return None  # 14日 … 14日: the same day said again, already of the story's present
    reported = _REPORTING.match(view, mention.end) is not None
    other_paragraph = anchor.start < paragraph_start
    if not (reported or other_paragraph):
        return None
    day_number = mention.start_date.day if mention.start_date else None
    if day_number is None:
        return None
    ref = doc.ref.date
    candidate = _day_in_month(ref.year, ref.month, day_number)
    if candidate is None or candidate > ref:
        before = date(ref.year, ref.month, 1) - timedelta(days=1)
        candidate = _day_in_month(before.year, before.month, day_number)
    if candidate is None or candidate == mention.start_date:
        return None
    return EventDate(candidate.isoformat(), None, "day", candidate, candidate, "relative")


def _day_in_month(year: int, month: int, day: int) -> date | None:
    if 1 <= day <= _days_in_month(year, month):
        return date(year, month, day)
    return None


def _days_in_month(year: int, month: int) -> int:
    # Not calendar.monthrange: importing calendar costs more start-up than this.
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return (following - timedelta(days=1)).day
