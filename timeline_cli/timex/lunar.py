"""Lunar calendar dates: 农历八月十五, 正月初五, 腊月二十三."""

from __future__ import annotations

import re

from .fragments import starts
from .numerals import parse_int
from .pieces import LEVEL, LunarDay, Point
from .recognise import Anchoring, Rule, found

LUNAR_MONTHS = {"正": 1, "冬": 11, "腊": 12}


def build_lunar_date(m, ctx):
    # Without 农历, only the unmistakably lunar forms count: 正月/腊月/冬月, or days written 初五, 廿二.
    month_text, day_text = m.group("lm"), m.group("ld")
    if not (m.group(0).startswith(("农历", "阴历")) or month_text in LUNAR_MONTHS or day_text.startswith(("初", "廿"))):
        return None
    month = LUNAR_MONTHS.get(month_text) or parse_int(month_text)
    day = parse_int(day_text.removeprefix("初"))
    if month is None or day is None or not (1 <= month <= 12 and 1 <= day <= 30):
        return None
    return found(m, Point(holiday=LunarDay(None, month, day, bool(m.group("leap")))), (LEVEL["month"], LEVEL["day"]))


RULES = (
    Rule("lunar-date", re.compile(starts("农阴闰正冬腊一二三四五六七八九十",
        r"(?:农历|阴历)?(?P<leap>闰)?(?P<lm>正|冬|腊|十[一二]|[一二三四五六七八九十])月"
        r"(?P<ld>初[一二三四五六七八九十]|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|十[一二三四五六七八九]|三十)"
        r"(?![日号])")), build_lunar_date, 5, needs="月", anchoring=Anchoring("月", 6, 8),
        examples=("农历八月十五", "农历五月初五")),
)
