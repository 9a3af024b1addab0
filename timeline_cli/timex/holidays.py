"""Holidays by name: 春节, 中秋, 清明, 元旦, 国庆, 母亲节 … (lexicon solar/lunar/special_holiday)."""

from __future__ import annotations

import re

from .fragments import first_chars, not_followed_by, starts
from .lexicon import alternation, lexicon
from .pieces import LEVEL, ComputedHoliday, FixedHoliday, LunarDay, Point
from .recognise import Anchoring, Rule, found

# A holiday names a day; it starts at the month level so that 10月 + 国庆 stays two pieces.
HOLIDAY_LEVELS = (LEVEL["month"], LEVEL["day"])


def holiday_named(word: str):
    """The typed holiday for a lexicon name, or None."""
    lex = lexicon()
    if word in lex["solar_holiday"]:
        month, day = (int(x) for x in lex["solar_holiday"][word].split("-"))
        return FixedHoliday(word, month, day)
    if word in lex["lunar_holiday"]:
        month, day = lex["lunar_holiday"][word]
        return LunarDay(word, month, day)
    if word in lex["special_holiday"]:
        return ComputedHoliday(word, lex["special_holiday"][word])
    return None


def build_holiday(m, ctx):
    word = m.group(0).removeprefix("农历").removeprefix("阴历")
    if word == "七夕情人节":
        word = "七夕"
    holiday = holiday_named(word) or FixedHoliday("国庆", 10, 1)  # 十一 before 假期/长假/黄金周
    return found(m, Point(holiday=holiday), HOLIDAY_LEVELS)


def _rules() -> tuple[Rule, ...]:
    lex = lexicon()
    words = list(lex["solar_holiday"]) + list(lex["lunar_holiday"]) + list(lex["special_holiday"])
    return (
        Rule("holiday", re.compile(starts(first_chars(words) + "十农阴",
            r"(?:农历|阴历)?(?:七夕情人节|" + alternation(words) + ")" + not_followed_by("holiday_after") +
            r"|十一(?:假期|长假|黄金周|(?=期间|国庆))")), build_holiday, 2,
            anchoring=Anchoring("旦节庆双夜诞宵端夕秋阳腊清冬初假五小", 4, 6),
            examples=("春节", "除夕", "元宵节")),
    )


RULES = _rules()
