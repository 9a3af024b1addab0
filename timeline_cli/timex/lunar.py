"""Lunar calendar dates: 农历八月十五, 正月初五, 腊月二十三; the days of the Lunar New Year:
大年初二, 年初二, 年廿八, and 初三 in a story about the Spring Festival."""

from __future__ import annotations

from ..lazyre import lazy_compile
from .fragments import starts
from .lexicon import lexicon
from .numerals import parse_int
from .pieces import LEVEL, LunarDay, LunarMonth, Point, Year
from .recognise import Anchoring, Rule, found

LUNAR_MONTHS = {"正": 1, "冬": 11, "腊": 12}


def build_lunar_date(m, ctx):
    # Without 农历, only the unmistakably lunar forms count: 正月/腊月/冬月, or days written 初五, 廿二.
    month_text, day_text = m.group("lm"), m.group("ld")
    if not (m.group(0).startswith(("农历", "阴历")) or month_text in LUNAR_MONTHS or day_text.startswith(("初", "廿"))):
        return None
    if day_text.isdigit() and not (m.group(0).startswith(("农历", "阴历")) or month_text in LUNAR_MONTHS):
        return None  # 腊月18 is lunar, 5月18 is not
    if month_text.isdigit() and not m.group(0).startswith(("农历", "阴历")):
        return None  # 8月十五 needs 农历 to be lunar
    month = LUNAR_MONTHS.get(month_text) or parse_int(month_text)
    day = parse_int(day_text.removeprefix("初"))
    if month is None or day is None or not (1 <= month <= 12 and 1 <= day <= 30):
        return None
    return found(m, Point(holiday=LunarDay(None, month, day, bool(m.group("leap")))), (LEVEL["month"], LEVEL["day"]))


_CONTEXT_BEFORE, _CONTEXT_AFTER = 300, 60  # how far a bare 初二 looks for words of the Spring Festival


def _new_year_story(view: str, start: int, end: int) -> bool:
    words = lexicon()["new_year_context"]
    if any(view.startswith(w, end) for w in words["school"]):
        return False  # 初三学生, 初一那年: school years
    window = view[max(0, start - _CONTEXT_BEFORE):end + _CONTEXT_AFTER]
    return any(w in window for w in words["words"])


def build_lunar_month(m, ctx):
    """农历六月, 农历二〇二一年六月, 正月, 腊月, 闰四月: a whole month of the lunar calendar."""
    text = m.group("lmm")
    month = LUNAR_MONTHS.get(text) or parse_int(text)
    if month is None or not 1 <= month <= 12:
        return None
    if not (m.group("lp") or m.group("leap") or text in LUNAR_MONTHS):
        return None  # 六月 alone is June
    point = Point(holiday=LunarMonth(month, bool(m.group("leap"))))
    year_text = m.group("lyear")
    if year_text:
        number = parse_int(year_text)
        if number is None:
            return None
        point.year = Year(number)
    return found(m, point, (LEVEL["year"] if year_text else LEVEL["month"], LEVEL["month"]))


def build_new_year_day(m, ctx):
    """大年初二, 年初二, 初三 (in a Spring Festival story): a day of the first lunar month;
    年廿八: a day at the end of the lunar year before."""
    if m.group("late"):
        day = 20 + parse_int(m.group("late"))
        return found(m, Point(holiday=LunarDay(None, 12, day, year_before=True)), (LEVEL["month"], LEVEL["day"]))
    day = parse_int(m.group("nyd"))
    if day is None or not 1 <= day <= 15:
        return None
    if not m.group("nyp") and not _new_year_story(m.string, m.start(), m.end()):
        return None
    return found(m, Point(holiday=LunarDay(None, 1, day)), (LEVEL["month"], LEVEL["day"]))


RULES = (
    Rule("new-year-day", lazy_compile(starts("大年初",
        r"(?:(?P<nyp>大年|(?<![今去明前后本当同])年)?初(?P<nyd>十[一二三四五]|[一二三四五六七八九十])"
        r"|年廿(?P<late>[一二三四五六七八九]))")),
        build_new_year_day, 4, needs="初廿", anchoring=Anchoring("初廿", 2, 4), examples=("大年初二", "年廿八"),
        words=(*(f"初{n}" for n in "一二三四五六七八九十"), "年廿")),  # every match holds one
    Rule("lunar-date", lazy_compile(starts("农阴闰正冬腊一二三四五六七八九十",
        r"(?:农历|阴历)?(?P<leap>闰)?(?P<lm>正|冬|腊|十[一二]|[一二三四五六七八九十]|1[0-2]|[1-9])月"
        r"(?P<ld>初(?:[一二三四五六七八九十]|[1-9]|10)|二十[一二三四五六七八九]?|廿[一二三四五六七八九]"
        r"|十[一二三四五六七八九]|三十|[12]\d(?!\d)|30(?!\d)|[1-9](?!\d))(?![日号])")), build_lunar_date, 5,
        needs="月", anchoring=Anchoring("月", 6, 8),
        examples=("农历八月十五", "农历五月初五")),
    Rule("lunar-month", lazy_compile(starts("农阴闰正冬腊",
        r"(?:(?P<lp>农历|阴历)(?:(?P<lyear>[〇零一二三四五六七八九]{4}|\d{4})年)?)?(?P<leap>闰)?"
        r"(?P<lmm>正|冬|腊|十[一二]|[一二三四五六七八九十]|1[0-2]|[1-9])月"
        r"(?![初一二三四五六七八九十廿卅日号份底末中旬]|\d{1,2}(?!\d))")),
        build_lunar_month, 4, needs="月", anchoring=Anchoring("月", 12, 8),
        words=("农历", "阴历", "闰", "正月", "冬月", "腊月"), examples=("正月", "农历十月")),
)
