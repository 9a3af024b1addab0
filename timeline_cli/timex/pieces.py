"""The hand-over between recognition and resolution: what the words say, typed per kind.

A recogniser finds a span of text and says what it means in calendar terms, not yet
placed on any calendar: `Piece(start, end, rule, what)`, where `what` is one of the
kinds below. A `Point` says which year, month, day … the words name (some of it
relative to the reference date or to the story); the others are lengths of time,
recurrences, ranges and story words. `compose.py` joins and refines pieces; `resolve`
turns each into a TimeValue.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from operator import attrgetter

# Levels of a point's fields, coarse to fine: adjacent points join when the first ends
# above where the next begins (2025年 + 4月 + 5日 + 上午10时).
LEVEL = {
    "century": 0, "decade": 1, "year": 2, "yearpart": 3, "month": 4, "week": 5,
    "monthpart": 5, "day": 6, "daypart": 7, "clock": 8,
}


class _Record:
    """What every kind below shares: one repr for all (each dataclass's own generated repr
    costs start-up time, ~0.1 ms a class, for nothing but debugging)."""

    __slots__ = ()

    def __repr__(self) -> str:
        values = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self))
        return f"{type(self).__name__}({values})"


# --- the parts of a point ------------------------------------------------------------------

@dataclass(slots=True, eq=False, repr=False)
class Century(_Record):
    """A century: 20世纪, 上世纪, 世纪末."""

    number: int | None = None  # 20 (20世纪), or None when relative
    rel: int | None = None  # 上世纪 -1, 本世纪 0
    mod: str | None = None  # START | MID | END (世纪初, 世纪中叶, 世纪末)


@dataclass(slots=True, eq=False, repr=False)
class Decade(_Record):
    """A decade: 1990年代, 90年代, 年代初."""

    number: int | None = None  # 199 for the 1990s
    short: int | None = None  # 9 for 90年代: the century is inferred
    mod: str | None = None


@dataclass(slots=True, eq=False, repr=False)
class Year(_Record):
    """A year as the words give it: a number, or counted from the reference date or the story."""

    number: int | None = None  # as written: 2025, 114 (ROC), 98 (two digits)
    reading: str = "ce"  # ce | roc | short: how `number` becomes a year
    rel: int | None = None  # from the reference year: 今年 0, 去年 -1
    story: int | None = None  # from the story's year: 同年 0, 次年 +1
    borrowed: bool = False  # taken from the other end of a range (2025年12月31日至1月2日)
    winter_of: bool = False  # 今冬 said in January or February: the winter that began last December

    @property
    def stated(self) -> bool:
        return self.number is not None


@dataclass(slots=True, eq=False, repr=False)
class FuzzyYearPart(_Record):
    """年初, 年中, 年底"""
    mod: str
    first: tuple[int, int]  # (month, day)
    last: tuple[int, int]


@dataclass(slots=True, eq=False, repr=False)
class Half(_Record):
    """上半年 / 下半年"""
    number: int


@dataclass(slots=True, eq=False, repr=False)
class Quarters(_Record):
    """第一季度 (1, 1); 前三季度 (1, 3)"""
    first: int
    last: int


@dataclass(slots=True, eq=False, repr=False)
class Season(_Record):
    """春季 … 冬天"""
    code: str  # SP | SU | FA | WI


@dataclass(slots=True, eq=False, repr=False)
class Months(_Record):
    """前8月 (1, 8), 后三个月 (10, 12), 首月 (1, 1) of a year"""
    first: int
    last: int


@dataclass(slots=True, eq=False, repr=False)
class YearWeek(_Record):
    """2025年第50周: the ISO week of that number in the year"""
    number: int


@dataclass(slots=True, eq=False, repr=False)
class RelativeQuarter(_Record):
    """上个季度 -1, 本季度 0: counted from the reference date's quarter"""
    rel: int


@dataclass(slots=True, eq=False, repr=False)
class WholeYear(_Record):
    """全年, 年内 alone: the whole of the year the sentence speaks of"""
    pass


YearPart = FuzzyYearPart | Half | Quarters | Season | Months | YearWeek | RelativeQuarter | WholeYear


@dataclass(slots=True, eq=False, repr=False)
class Month(_Record):
    """A month: 4月, 本月, 次月."""

    number: int | None = None
    rel: int | None = None  # 本月 0, 上个月 -1
    story: int | None = None  # 当月 0, 次月 +1


@dataclass(slots=True, eq=False, repr=False)
class MonthPart(_Record):
    """月初, 中旬, 月底"""
    mod: str
    first: int
    last: int  # 0: the month's last day


@dataclass(slots=True, eq=False, repr=False)
class Week(_Record):
    """A week counted from the reference date's week."""

    rel: int  # 本周 0, 上周 -1 (a bare 周三 has no Week: the reference week, moved by tense)


@dataclass(slots=True, eq=False, repr=False)
class WeekPart(_Record):
    """周中 (MID, Tue–Thu), 上半周 (START, Mon–Wed), 下半周 (END, Thu–Sun)"""
    mod: str
    first: int  # 1 = Monday
    last: int


@dataclass(slots=True, eq=False, repr=False)
class Day(_Record):
    """A day of the month, or a day counted from the reference date (今天 0, 昨天 -1)."""

    number: int | None = None
    rel: int | None = None  # 今天 0, 昨天 -1
    check: int | None = None  # 今(20)日: the day of the month written beside the word
    nth: tuple[int, int] | None = None  # 第二个星期日: (2, 7), the last: (-1, weekday)
    in_sentence: bool = False  # 即日: the day of a date earlier in its sentence, else the reference day


@dataclass(slots=True, eq=False, repr=False)
class FixedHoliday(_Record):
    """元旦 01-01"""
    name: str
    month: int
    day: int


@dataclass(slots=True, eq=False, repr=False)
class LunarDay(_Record):
    """春节 (1, 1), 农历八月十五, 年廿八 (12, 28 of the year before)"""
    name: str | None
    month: int
    day: int
    leap: bool = False
    year_before: bool = False  # 年廿八: the end of the lunar year before the story's Spring Festival


@dataclass(slots=True, eq=False, repr=False)
class LunarMonth(_Record):
    """农历六月, 正月, 闰四月: a whole month of the lunar calendar"""
    month: int
    leap: bool = False


@dataclass(slots=True, eq=False, repr=False)
class ComputedHoliday(_Record):
    """除夕, 清明, 母亲节, 复活节, 赎罪日, 暑假: a calendar rule (holidays.toml)"""
    name: str
    rule: str
    until: str | None = None  # a period: 斋月, 逾越节
    eve: bool = False  # begins the evening before (Jewish feasts)


@dataclass(slots=True, eq=False, repr=False)
class HolidayPeriod(_Record):
    """春节假期, 清明连假, 五一黄金周: the days off around a holiday"""
    name: str
    key: str  # the [period.<key>] table of holidays.toml
    region: str
    around: Holiday  # the holiday the default period counts from
    first_days: int | None = None  # 国庆假期前4天: only the first days of the period


Holiday = FixedHoliday | LunarDay | LunarMonth | ComputedHoliday | HolidayPeriod


@dataclass(slots=True, eq=False, repr=False)
class Clock(_Record):
    """A time on the clock: 10时30分, 下午3点."""

    hour: int
    minute: int = 0
    second: int | None = None  # kept when a time stamp writes it (2020-10-08 10:11:11)
    small_hours: bool = False  # written after 凌晨 (凌晨6时): before dawn, never read after noon


@dataclass(slots=True, eq=False, repr=False)
class Point(_Record):
    """What the words say about one date or time, field by field; None where they are silent."""

    century: Century | None = None
    decade: Decade | None = None
    year: Year | None = None
    year_part: YearPart | None = None
    month: Month | None = None
    month_part: MonthPart | None = None
    week: Week | None = None
    weekday: int | None = None  # 1 = Monday … 7 = Sunday
    weekend: bool = False
    week_part: WeekPart | None = None
    day: Day | None = None
    holiday: Holiday | None = None
    daypart: str | None = None  # TimeML part of day: MO, MI, AF, EV, NI
    clock: Clock | None = None
    # Modifiers, from the words around (compose.py):
    mod: str | None = None  # BEFORE, AFTER, APPROX, ON_OR_AFTER … (2030年前, 5月以后)
    approx: bool = False  # 许, 左右 on a time
    since: bool = False  # 以来, 至今: a range up to the reference date
    deadline: bool = False  # 前/以前/之前 (not 前夕): a date ahead of the report bounds a window from it
    day_shift: int | None = None  # 圣诞节翌日 +1, 前一天 -1
    qualifier: str | None = None  # 当地时间 local, 北京时间 Asia/Shanghai
    weekday_note: int | None = None  # 14日(周三): the weekday written beside the day picks its month
    weak: bool = False  # a bare 8点: kept only after a date or a part of the day
    week_of: bool = False  # 10月8日那个星期: the week the day falls in
    range_end: bool = False  # an end of a range: the forward-looking rule judges the whole range

    # A slot is filled when its value is true: records, weekdays 1-7, part-of-day codes and
    # `weekend` are never false when set (compose compares many points: the plain test is fastest).
    def overlaps(self, other: Point) -> bool:
        """Whether both fill some field: then they are two dates, not parts of one."""
        for name in _SLOTS:
            if getattr(self, name) and getattr(other, name):
                return True
        return False

    def merge(self, other: Point) -> None:
        """Take the fields `other` fills (they fill none of the same)."""
        for name in _SLOTS:
            value = getattr(other, name)
            if value:
                setattr(self, name, value)
        self.approx = self.approx or other.approx
        self.qualifier = self.qualifier or other.qualifier
        self.day_shift = self.day_shift or other.day_shift  # 20日 + 晚上12点: midnight, the next day
        self.weak = False  # a bare 8点 after 今晚 is a real time

    def copy(self) -> Point:
        return replace(self)

    @property
    def has_date(self) -> bool:
        """Any field that places a date (not only a time of day)."""
        return any(value is not None for value in _date_values(self))

    @property
    def has_year(self) -> bool:
        return self.year is not None

    @property
    def only_year_part(self) -> bool:
        """A point that only names a part of some year: 年底, 上半年, 第一季度, 夏天."""
        return self.year_part is not None and self.month is None and self.day is None and self.holiday is None


_SLOTS = ("century", "decade", "year", "year_part", "month", "month_part", "week", "weekday", "weekend",
          "week_part", "day", "holiday", "daypart", "clock")
_DATE_SLOTS = ("year", "year_part", "month", "month_part", "day", "holiday")
assert set(_SLOTS) <= {f.name for f in fields(Point)}
_date_values = attrgetter(*_DATE_SLOTS)


# --- lengths of time -----------------------------------------------------------------------

@dataclass(slots=True, eq=False, repr=False)
class Length(_Record):
    """A count of units: 12年, 三个多月, 近7年."""

    unit: str  # Y M W D H MIN S; CE (centuries), DE (decades) for vague counts
    amount: float | None = None  # None when vague (几年)
    amount_max: float | None = None  # 3到5年
    parts: tuple[tuple[float, str], ...] = ()  # 15年6个月: several units in one length
    vague: bool = False
    mod: str | None = None  # MORE_THAN, LESS_THAN, APPROX

    @property
    def plain(self) -> bool:
        """One exact amount of one unit, nothing around it: may join the next (3年零4个月)."""
        return self.amount is not None and self.amount_max is None and not self.vague and self.mod is None


@dataclass(slots=True, eq=False, repr=False)
class Duration(_Record):
    """12年, 三个多月"""
    length: Length


@dataclass(slots=True, eq=False, repr=False)
class Span(_Record):
    """过去10年, 两年来, 未来5年内: a length that ends or starts at the reference date"""
    length: Length
    direction: int  # -1 back from the reference date, +1 ahead


@dataclass(slots=True, eq=False, repr=False)
class Offset(_Record):
    """5年后, 三天前: a date that far from the reference date or the story"""
    length: Length
    direction: int
    story: bool = False  # 短短三天后: always counted from the story
    at: Point | None = None  # 三天后的下午3点: the time of day on the day it names


# --- everything else -----------------------------------------------------------------------

@dataclass(slots=True, eq=False, repr=False)
class Window(_Record):
    """上两周, 下三个月, 前两天: the whole units just before or after the current one"""
    length: Length
    direction: int


@dataclass(slots=True, eq=False, repr=False)
class Recurrence(_Record):
    """每年, 每周三, 四年一遇"""
    value: str
    mod: str | None = None


@dataclass(slots=True, eq=False, repr=False)
class Reference(_Record):
    """目前, 近日, 此前: the reference date itself, or around it"""
    value: str  # PRESENT_REF | PAST_REF | FUTURE_REF | DAY
    mod: str | None
    back: int  # days before the reference the interval starts (-1: open)
    ahead: int


@dataclass(slots=True, eq=False, repr=False)
class Anniversary(_Record):
    """80年前的今天: the reference day that many units earlier"""
    length: Length
    approx: bool = False  # 三年前的这个时候: about then


@dataclass(slots=True, eq=False, repr=False)
class SamePeriod(_Record):
    """去年同期: the period of the story's last date, a year earlier; 2023年同期: in that year"""
    years_back: int = 1
    year: int | None = None  # 2023年同期: the year named


@dataclass(slots=True, eq=False, repr=False)
class StoryAfter(_Record):
    """随后, 此后: not a date of its own; a cue the events stage may date a clause by"""
    pass


@dataclass(slots=True, eq=False, repr=False)
class StorySame(_Record):
    """当时, 那时: the previous date in the story"""
    or_now: bool = False  # 此时, 此刻: the reference date when the story has no date yet
    ahead: bool = False  # 届时: the latest date the story has named ahead of the reference date


@dataclass(slots=True, eq=False, repr=False)
class StoryDay(_Record):
    """次日, 当天, 前一天"""
    days: int
    at: Point | None = None  # 当晚, 次日上午10时: the time of day on that day
    or_ref: bool = False  # 当天, 前一天 before any date: counted from the reference date (次日 is not)


@dataclass(slots=True, eq=False, repr=False)
class Qualifier(_Record):
    """当地时间, 北京时间: joins the point after it"""
    zone: str


@dataclass(slots=True, eq=False, repr=False)
class YearRange(_Record):
    """2013-2018年"""
    first: int
    last: int


@dataclass(slots=True, eq=False, repr=False)
class Range(_Record):
    """4月5日到7日, 1至10月: two points, the second borrowing what it leaves out"""
    first: Piece
    second: Piece


What = (Point | Duration | Span | Offset | Window | Recurrence | Reference | Anniversary | SamePeriod
        | StoryAfter | StorySame | StoryDay
        | Qualifier | YearRange | Range)


@dataclass(slots=True, eq=False, repr=False)
class Piece(_Record):
    """What a recogniser found: a span of the text and what its words mean (`what`)."""

    start: int
    end: int
    rule: str  # the recogniser's name, then the refiners that changed it, joined by +
    what: What
    levels: tuple[int, int] = (0, 0)  # coarsest and finest level, for points

    @property
    def length(self) -> int:
        return self.end - self.start

    @property
    def point(self) -> Point | None:
        return self.what if isinstance(self.what, Point) else None


def point_piece(m, rule: str, levels: tuple[int, int], point: Point) -> Piece:
    return Piece(m.start(), m.end(), rule, point, levels)

