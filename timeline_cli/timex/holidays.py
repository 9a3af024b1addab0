"""Holidays by name (data/timex/holidays.toml): 春节, 中秋, 清明, 元旦, 国庆, 母亲节, 复活节,
赎罪日, 开斋节, the 24 solar terms; their periods (春节假期, 清明连假, 五一黄金周) and school
breaks (暑假)."""

from __future__ import annotations

import re

from .fragments import first_chars, not_followed_by, starts
from .holiday_table import entries, holiday_for, period_suffixes, school_breaks
from .lexicon import alternation, lexicon
from .pieces import LEVEL, FixedHoliday, HolidayPeriod, Point
from .recognise import Anchoring, Rule, found

# A holiday names a day; it starts at the month level so that 10月 + 国庆 stays two pieces.
HOLIDAY_LEVELS = (LEVEL["month"], LEVEL["day"])
# Names a period may be written with, and the holiday each stands for.
_PERIOD_ALIASES = {"十一": "国庆", "过年": "春节", "儿童清明": "清明", "清明节": "清明", "春节": "春节"}


def _context_ok(view: str, start: int, end: int) -> bool:
    """A name that is also a common word (大雪, 雨水) is a date with a year or 节气/当天 beside it."""
    words = lexicon()["solar_term_context"]
    before = view[max(0, start - 2):start]
    after = view[end:end + 2]
    return any(before.endswith(w) for w in words["before"]) or any(after.startswith(w) for w in words["after"])


def build_holiday(m, ctx):
    word = m.group("hname")
    if word is None:  # 十一 before 期间/国庆: National Day
        return found(m, Point(holiday=FixedHoliday("国庆", 10, 1)), HOLIDAY_LEVELS)
    name = word
    entry = entries()[name]
    if entry.context and not _context_ok(m.string, m.start(), m.end()):
        return None
    return found(m, Point(holiday=holiday_for(name, ctx.region)), HOLIDAY_LEVELS)


def build_holiday_period(m, ctx):
    word = m.group("pname")
    name = _PERIOD_ALIASES.get(word, word)
    entry = entries().get(name)
    key = entry.period if entry is not None else None
    if key is None:
        return None
    around = holiday_for(name, ctx.region)
    return found(m, Point(holiday=HolidayPeriod(m.group(0), key, ctx.region, around)), HOLIDAY_LEVELS)


def build_school_break(m, ctx):
    return found(m, Point(holiday=school_breaks()[m.group(0)]), HOLIDAY_LEVELS)


def _rules() -> tuple[Rule, ...]:
    names = list(entries())
    period_names = [name for name, entry in entries().items() if entry.period] + list(_PERIOD_ALIASES)
    anchors = "".join(sorted({name[-1] for name in names})) + "一"
    return (
        Rule("holiday", re.compile(starts(first_chars(names) + "十农阴",
            r"(?:农历|阴历)?(?P<hname>" + alternation(names) + ")" + not_followed_by("holiday_after") +
            r"|十一(?=期间|国庆)")), build_holiday, 2,
            anchoring=Anchoring(anchors, 8, 6), examples=("春节", "除夕", "元宵节")),
        Rule("holiday-period", re.compile(
            r"(?P<pname>" + alternation(set(period_names)) + ")(?:" + alternation(period_suffixes()) + ")"),
            build_holiday_period, 3, needs="假周休", examples=("春節連假", "五一黄金周")),
        Rule("school-break", re.compile(alternation(school_breaks())), build_school_break, 2, needs="假期",
             examples=("暑假", "去年暑假")),
    )


RULES = _rules()
