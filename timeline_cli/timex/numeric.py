"""Dates written in digits and separators: 2025-11-20, 2025/11/20, 2015.03.03 (with a time:
2018-12-12 09:03), 1994.01-19, 20240307, 3/3/2015, 27/09/2025, 02-10-2025 (day first), 114/11/20 (a
year of the Republic),
6·30, and a month/day such as 12/8 or 10/3-5 beside a date word (a bare 2/3 is a fraction)."""

from __future__ import annotations

from ..lazyre import lazy_compile
from .fragments import starts
from .lexicon import alternation, lexicon
from .numerals import parse_int
from .pieces import LEVEL, Clock, Day, Month, Piece, Point, Range, Year
from .recognise import Anchoring, Rule, found

_DAY = r"3[01]|[12]\d|0?[1-9]"
_MONTH = r"1[0-2]|0?[1-9]"


def _date(year: int | None, month: int, day: int | None, reading: str = "ce") -> Point | None:
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    point = Point(month=Month(month))
    if year is not None:
        point.year = Year(year, reading)
    if day is not None:
        point.day = Day(day)
    return point


def _levels(point: Point) -> tuple[int, int]:
    first = LEVEL["year"] if point.year is not None else LEVEL["month"]
    if point.clock is not None:
        return first, LEVEL["clock"]
    return first, LEVEL["day"] if point.day is not None else LEVEL["month"]


def build_numeric_date(m, ctx):
    day = m.group("nd")
    point = _date(int(m.group("ny")), int(m.group("nm")), int(day) if day else None)
    if point is None:
        return None
    if m.group("nh"):
        second = m.group("nsec")
        point.clock = Clock(int(m.group("nh")), int(m.group("nmin")), int(second) if second else None)
    return found(m, point, _levels(point))


def build_compact_date(m, ctx):
    point = _date(int(m.group("cy")), int(m.group("cm")), int(m.group("cd")))
    return None if point is None else found(m, point, _levels(point))


_CLOCK_AFTER = lazy_compile(r"\s?(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)")


def _has_context(view: str, start: int, end: int) -> bool:
    """A month/day pair counts as a date beside a date word or a clock time: 于12/8, 12/8起,
    2/15（週六）, 11/20 23:49."""
    words = lexicon()["numeric_date_context"]
    after = view[end:end + 4].lstrip()
    before = view[max(0, start - 4):start].rstrip()
    return (any(after.startswith(w) for w in words["after"]) or any(before.endswith(w) for w in words["before"])
            or _CLOCK_AFTER.match(view, end) is not None)


_DAY_FIRST_REGIONS = frozenset({"HK", "MO", "SG", "MY"})


def build_slash_date(m, ctx):
    """12/8, 10/3-5 beside a date word; 3/3/2015 and 10/31/74 anywhere: month first, unless the
    first number cannot be a month (27/09/2025) or the text is from Hong Kong, Macau, Singapore or Malaysia,
    which write the day first."""
    first, second = int(m.group("sm")), int(m.group("sd"))
    year_text = m.group("sy")
    day_first = first > 12 or (year_text is not None and ctx.region in _DAY_FIRST_REGIONS and second <= 12)
    month, day = (second, first) if day_first else (first, second)
    if year_text:
        year = int(year_text)
        point = _date(year, month, day, "ce" if len(year_text) == 4 else "short")
        return None if point is None else found(m, point, _levels(point))
    if m.group("sd2") and day_first:
        return None  # 13/3-5 is no range of days
    if not _has_context(m.string, m.start(), m.end()):
        return None
    first = _date(None, month, day)
    if first is None:
        return None
    last_day = m.group("sd2")
    if last_day is None:
        return found(m, first, _levels(first))
    last = _date(None, month, int(last_day))
    if last is None or int(last_day) <= day:
        return None
    level = LEVEL["day"]
    ends = [Piece(m.start(), m.end(), "", p, (LEVEL["month"], level)) for p in (first, last)]
    return found(m, Range(ends[0], ends[1]), (LEVEL["month"], level))


_VERSION_BEFORE = frozenset("版本vV")


def build_roc_date(m, ctx):
    """114/11/20, 112.5.3 (in Taiwanese text): a year of the Republic, month and day."""
    if m.group("rs") == "." and (not ctx.taiwan or m.string[m.start() - 1:m.start()] in _VERSION_BEFORE):
        return None  # 112.5.3 elsewhere (and after 版本, v) is more often a version number
    point = _date(int(m.group("ry")), int(m.group("rm")), int(m.group("rd")), "roc")
    return None if point is None else found(m, point, _levels(point))


def build_dash_date(m, ctx):
    """02-10-2025, 30-09-2025 16:56: day, month and a four-digit year joined by dashes, as news
    sites of Macau, Hong Kong, Malaysia and Singapore stamp their items; month first only when the
    second number cannot be a month (09-30-2025)."""
    first, second = int(m.group("xa")), int(m.group("xb"))
    day, month = (second, first) if second > 12 else (first, second)
    point = _date(int(m.group("xy")), month, day)
    if point is None:
        return None
    if m.group("xh"):
        point.clock = Clock(int(m.group("xh")), int(m.group("xmin")))
    return found(m, point, _levels(point))


def build_dot_date(m, ctx):
    """6·30: a month and day joined by a middle dot, as events are named (7·20暴雨)."""
    point = _date(None, int(m.group("dm")), int(m.group("dd")))
    return None if point is None else found(m, point, _levels(point))


_CN_MONTH = r"十[一二]?|[一二三四五六七八九]"
_CN_DAY = r"三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]"


def build_event_date(m, ctx):
    """七.五事件, 九·一八事变, 7.23事故: a month and day joined by a dot in Chinese numerals (or digits
    and a full stop), as events are named; only before the word for the event."""
    point = _date(None, parse_int(m.group("em")), parse_int(m.group("ed")))
    return None if point is None else found(m, point, _levels(point))


def _event_date_rule() -> Rule:
    events = alternation(lexicon()["event_date"]["after"])
    return Rule("event-date", lazy_compile(starts("0-9一二三四五六七八九十",
        r"(?<![\d.·一二三四五六七八九十])(?:(?P<em>" + _CN_MONTH + r")[.·．・](?P<ed>" + _CN_DAY + r")"
        r"|(?P<em2>1[0-2]|[1-9])\.(?P<ed2>3[01]|[12]\d|[1-9]))(?![\d.·一二三四五六七八九十])(?=" + events + ")")),
        build_event_date_any, 4, needs=".·．・", anchoring=Anchoring(".·．・", 3, 9),
        examples=("七.五", "7.23"))


def build_event_date_any(m, ctx):
    if m.group("em2"):
        point = _date(None, int(m.group("em2")), int(m.group("ed2")))
        return None if point is None else found(m, point, _levels(point))
    return build_event_date(m, ctx)


RULES = (
    Rule("numeric-date", lazy_compile(starts("12",
        r"(?<![\d./])(?P<ny>1\d{3}|20\d{2}|21\d{2})(?P<sep>[-/.])(?P<nm>\d{1,2})"
        r"(?:[-/.](?P<nd>\d{1,2})(?:(?:[T\s]|(?=[01]\d:|2[0-3]:))(?P<nh>[01]?\d|2[0-3]):(?P<nmin>[0-5]\d)(?::(?P<nsec>[0-5]\d))?)?)?"
        # not before another digit or separator, except - before a year (1999.08-2002.02)
        r"(?![\d%]|[./]\d|-\d{1,2}(?!\d))")),
        build_numeric_date, 5, needs="0123456789", anchoring=Anchoring("-/.", 5, 20),
        examples=("2025-11-20", "2025/11/20", "2025.11.20")),
    # [12] first: a pattern that starts with a character class is found fastest.
    Rule("compact-date", lazy_compile(
        r"(?P<cy>[12](?<![\dA-Za-z#号][12])(?:9\d{2}|0\d{2}))(?P<cm>0[1-9]|1[0-2])(?P<cd>0[1-9]|[12]\d|3[01])"
        r"(?![\dA-Za-z])"),
        build_compact_date, 4, needs="0123456789", examples=("20240307", "20231115")),
    Rule("slash-date", lazy_compile(starts("0-9",
        r"(?<![\d/.])(?P<sm>" + _DAY + r")\s?/\s?(?P<sd>" + _DAY + r")"
        r"(?:/(?P<sy>\d{4}|\d{2})|-(?P<sd2>" + _DAY + r"))?(?![\d/.%])")),
        build_slash_date, 4, needs="/", anchoring=Anchoring("/", 5, 12), examples=("12／8", "3/3/2015")),
    Rule("dash-date", lazy_compile(starts("0-9",
        r"(?<![\d./-])(?P<xa>" + _DAY + r")-(?P<xb>" + _DAY + r")-(?P<xy>19\d{2}|20\d{2})"
        r"(?:\s(?P<xh>[01]?\d|2[0-3]):(?P<xmin>[0-5]\d))?(?![\d%]|[-./:]\d)")),
        build_dash_date, 5, needs="-", anchoring=Anchoring("-", 6, 15), examples=("02-10-2025", "30-09-2025 16:56")),
    Rule("roc-date", lazy_compile(starts("1", r"(?<![\d./])(?P<ry>1[01]\d)(?P<rs>[/.])(?P<rm>1[0-2]|0?[1-9])(?P=rs)"
                                        r"(?P<rd>3[01]|[12]\d|0?[1-9])(?![\d%]|[./]\d)")),
         build_roc_date, 5, needs="/.", anchoring=Anchoring("/.", 4, 8), examples=("114/11/20起", "112.5.3")),
    Rule("dot-date", lazy_compile(starts("0-9", r"(?<![\d·.])(?P<dm>" + _MONTH + r")·(?P<dd>" + _DAY + r")(?![\d·])")),
        build_dot_date, 4, needs="·", anchoring=Anchoring("·", 3, 4), examples=("6·30至7·2", "7·20")),
    _event_date_rule(),
)
