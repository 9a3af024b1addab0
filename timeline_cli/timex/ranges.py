"""Ranges that share one unit: 2013-2018年, 1至10月, 5至7日 (other ranges are joined in compose.py)."""

from __future__ import annotations

from ..lazyre import lazy_compile
from .fragments import NOT_IN_NUMBER
from .numerals import parse_int
from .pieces import LEVEL, Day, Month, Piece, Point, Range, Year, YearRange
from .recognise import Rule, found, read_back

_MONTH_NUMBER = r"1[0-2]|0?[1-9]|十[一二]|[一二三四五六七八九十]"
_DAY_NUMBER = r"3[01]|[12]\d|0?[1-9]"
_JOIN = r"\s?(?:至|到|——|-|–|—|~)\s?"


def _range(m, first: Point, second: Point, level: int) -> Piece:
    ends = [Piece(m.start(), m.end(), "", point, (level, level)) for point in (first, second)]
    return found(m, Range(ends[0], ends[1]), (level, level))


def build_month_range(m, ctx):
    """1至10月: two months sharing one 月."""
    m = read_back(_MONTH_RANGE, m, _REACH["month"])
    if m is None:
        return None
    first, second = parse_int(m.group("m1")), parse_int(m.group("m2"))
    if first is None or second is None or not (1 <= first < second <= 12):
        return None
    return _range(m, Point(month=Month(first)), Point(month=Month(second)), LEVEL["month"])


def build_day_range(m, ctx):
    """5至7日: two days sharing one 日."""
    m = read_back(_DAY_RANGE, m, _REACH["day"])
    if m is None:
        return None
    first, second = int(m.group("d1")), int(m.group("d2"))
    if not first < second:
        return None
    return _range(m, Point(day=Day(first)), Point(day=Day(second)), LEVEL["day"])


def build_year_range(m, ctx):
    m = read_back(_YEAR_RANGE, m, _REACH["year"])
    if m is None:
        return None
    a, b = int(m.group("ya")), int(m.group("yb"))
    if b < 100:  # 2013-18年
        b = a // 100 * 100 + b
    if b <= a:
        return None
    if m.group("mb"):
        month = parse_int(m.group("mb"))
        ends = (Piece(m.start(), m.end(), "", Point(year=Year(a)), (LEVEL["year"], LEVEL["year"])),
                Piece(m.start(), m.end(), "", Point(year=Year(b), month=Month(month)), (LEVEL["year"], LEVEL["month"])))
        return found(m, Range(*ends), (LEVEL["year"], LEVEL["month"]))
    return found(m, YearRange(a, b))


# Each rule finds a range from its joiner on (至2018年, 到9月, -7日: a joiner is found faster than
# a number) and reads the whole range back (recognise.read_back).
_YEAR_END = (r"(?P<yb>1\d{3}|20\d{2}|\d{2})\s?年(?!代)"
             # 2019年至2021年3月: the range ends in that month; before a day (2021年3月5日) it is two dates
             r"(?:\s?(?P<mb>" + _MONTH_NUMBER + r")\s?月份?(?!\s?(?:" + _DAY_NUMBER
             + r"|[一二三四五六七八九十]{1,3})\s?[日号]|[初中底末上下])"
             r")?(?!\s?(?:" + _MONTH_NUMBER + r")\s?月)")
_YEAR_RANGE = lazy_compile(NOT_IN_NUMBER + r"(?P<ya>1\d{3}|20\d{2})\s?年?\s?(?:——|[-–—~至到])\s?" + _YEAR_END)
_MONTH_RANGE = lazy_compile(r"(?<![\d./])(?P<m1>" + _MONTH_NUMBER + ")" + _JOIN + "(?P<m2>" + _MONTH_NUMBER
                          + r")\s?月(?:份)?")
_DAY_RANGE = lazy_compile(r"(?<![\d./])(?P<d1>" + _DAY_NUMBER + ")" + _JOIN + "(?P<d2>" + _DAY_NUMBER + r")\s?[日号]")
_REACH = {"year": 7, "month": 3, "day": 3}  # how far before the joiner the first end starts

RULES = (
    Rule("year-range", lazy_compile(r"(?:至|到|——|-|–|—|~)\s?" + _YEAR_END),
         build_year_range, 6, needs="年", first="至到-–—~", examples=("2013-2018年", "2013年至2018年")),
    Rule("month-range", lazy_compile(r"(?:至|到|——|-|–|—|~)\s?(?:" + _MONTH_NUMBER + r")\s?月(?:份)?"),
         build_month_range, 4, needs="月", first="至到-–—~", examples=("今年1至9月", "114年1至10月")),
    Rule("day-range", lazy_compile(r"(?:至|到|——|-|–|—|~)\s?(?:" + _DAY_NUMBER + r")\s?[日号]"),
         build_day_range, 4, needs="日号", first="至到-–—~", examples=("5至7日", "9至11日")),
)
