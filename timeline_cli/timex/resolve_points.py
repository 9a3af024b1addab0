"""Points: from what the words say (a Point) to a TimeML value and its calendar interval."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from ..lazyre import lazy_compile
from ..model import TimeValue
from . import calendar as cal
from .lexicon import lexicon
from .pieces import (
    FixedHoliday,
    FuzzyYearPart,
    Half,
    Months,
    Piece,
    Point,
    Quarters,
    RelativeQuarter,
    Season,
    YearWeek,
)
from .resolve_holidays import holiday_interval
from .storyline import PAST_MARGIN, Resolved, Story, Unresolvable


def resolve_point(point: Point, piece: Piece, story: Story) -> Resolved | None:
    if point.century is not None or point.decade is not None:
        resolved = _century(point, story) if point.century is not None else _decade(point, story)
        return finish(resolved, point, story) if point.since else resolved  # 十九世紀以來: up to the report
    if point.day is not None and point.day.rel is not None:
        resolved = _relative_day(point, piece, story)
    elif point.week is not None or point.weekday is not None or point.weekend or point.week_part is not None:
        resolved = _week(point, piece, story)
    elif isinstance(point.year_part, RelativeQuarter) and point.year is None:
        resolved = _relative_quarter(point.year_part, story)
    elif (point.clock is not None or point.daypart is not None) and not point.has_date:
        resolved = _time_only(piece, story)
    else:
        resolved = _calendar(point, piece, story)
    if resolved is None:
        return None
    return finish(resolved, point, story)


def _relative_quarter(part: RelativeQuarter, story: Story) -> Resolved | None:
    """上个季度: the quarter before the reference date's."""
    if story.ref is None or story.ref.precision == "year":
        return None
    index = story.ref.date.year * 4 + (story.ref.date.month - 1) // 3 + part.rel
    resolved = _year_value(Quarters(index % 4 + 1, index % 4 + 1), index // 4)
    resolved.anchor, resolved.certainty = "ref_date", "relative"
    return resolved


def _bare_day(point: Point) -> bool:
    """A day (20日) or part of a month (月底) with no month or year of its own."""
    return (_day_number(point) is not None or point.month_part is not None) and point.month is None \
        and not point.has_year


def _day_number(point: Point) -> int | None:
    return point.day.number if point.day is not None else None


def _year_of(point: Point, piece: Piece, story: Story) -> tuple[int | None, str | None, str, bool]:
    """The year a point lies in: (year, anchor, certainty, taken from the reference date)."""
    year = point.year
    if year is not None and year.number is not None:
        number = year.number
        if year.reading == "roc":
            if number < 1:
                raise Unresolvable
            number += 1911
        elif year.reading == "short":
            number = _full_year(number, story.ref.date.year if story.ref else 2020)
        return number, None, "stated", False
    if year is not None and year.rel is not None:
        if story.ref is None:
            return None, None, "relative", False
        winter_begun = year.winter_of and story.ref.precision != "year" and story.ref.date.month <= 2
        return story.ref.date.year + year.rel - winter_begun, "ref_date", "relative", False
    if year is not None and year.story is not None:
        prev = story.previous(piece.start)
        if prev is not None:
            return prev.year + year.story, prev.id, "relative", False
        if story.ref is None:
            return None, None, "relative", False
        return story.ref.date.year + year.story, "ref_date", "relative", False
    # A bare month or day follows the paragraph's story; a bare 年底 or 上半年 means the
    # reference year unless its own sentence names another.
    scope = "sentence" if point.only_year_part else "paragraph"
    prev = story.previous(piece.start, scope=scope)
    if prev is not None:
        if _turns_the_year(point, prev, story):
            return prev.year + 1, prev.id, "inferred", False
        return prev.year, prev.id, "inferred", _is_report_day(prev, story)
    if story.ref is None:
        return None, None, "inferred", False
    return story.ref.date.year, "ref_date", "inferred", True


def _turns_the_year(point: Point, prev, story: Story) -> bool:
    """高峰将出现在12月中下旬和1月初 (said in November): a January or February told right after a
    November or December soon to come (within about three months) is the next year's."""
    ref_day = story.ref_day()
    month = point.month.number if point.month is not None else None
    return (ref_day is not None and month is not None and month <= 2 and prev.month is not None
            and prev.month >= 11 and prev.time.end_date is not None
            and ref_day <= prev.time.end_date <= ref_day + _SOON)


def _is_report_day(point, story: Story) -> bool:
    """Whether a story date is the reference day itself (今天, 台北24日電): a date read from it is read
    from the reference date, and the tense may move it as it would (今天公布元旦新制, said on
    24 December: the coming New Year's Day)."""
    ref_day = story.ref_day()
    return ref_day is not None and point.time.start_date == point.time.end_date == ref_day


def _full_year(short: int, ref_year: int) -> int:
    """98 → 1998 or 2098: the year with those last two digits at most ten years after the reference."""
    year = ref_year + 10 - (ref_year + 10 - short) % 100
    return year


def _calendar(point: Point, piece: Piece, story: Story) -> Resolved | None:
    anchor, certainty, from_ref = None, "stated", False
    year: int | None
    month_words = point.month
    month: int | None = month_words.number if month_words is not None else None
    if isinstance(point.holiday, FixedHoliday):
        month = point.holiday.month
    if month_words is not None and (month_words.rel is not None or month_words.story is not None):
        compared = (story.previous(piece.start, scope="paragraph", need_month=True)
                    if month_words.rel is not None and story.view[piece.start - 1:piece.start] in _COMPARED else None)
        if compared is not None:
            # 8月份…增速比上月加快: the month before the month the statistics report
            year, month = cal.add_months(compared.year, compared.month, month_words.rel)
            anchor, certainty = compared.id, "relative"
        elif month_words.rel is not None:
            if story.ref is None or story.ref.precision == "year":
                return _unknown(point)
            year, month = cal.add_months(story.ref.date.year, story.ref.date.month, month_words.rel)
            anchor, certainty = "ref_date", "relative"
        else:
            prev = story.previous(piece.start, need_month=True)
            if prev is None:
                if story.ref is None:
                    return _unknown(point)
                year, month = story.ref.date.year, story.ref.date.month
                anchor = "ref_date"
            else:
                year, month = cal.add_months(prev.year, prev.month, month_words.story)
                anchor = prev.id
            certainty = "relative"
    elif _bare_day(point) and month is None:
        # A bare day (20日) or month part (月底) takes the month of the paragraph's last date,
        # else of a date alone on a line above (a list page's 26-09-2025), else the reference's; the
        # same bare day said again is the day it named before.
        prev = story.previous(piece.start, scope="paragraph", need_month=True)
        stamp = story.stamp_before(piece.start) if prev is None or prev.sentence != story.sentence(piece.start) else None
        if stamp is not None:
            prev = stamp  # on a list page the stamp above dates the line, not another item's date
        again = (story.said_before(piece.start, story.view[piece.start:piece.end])
                 if stamp is None and _day_number(point) else None)
        if again is not None and (prev is None or (prev.year, prev.month) != (again.year, again.month)):
            year, month, anchor, from_ref = again.year, again.month, again.id, _is_report_day(again, story)
        elif prev is not None:
            year, month, anchor, from_ref = prev.year, prev.month, prev.id, _is_report_day(prev, story)
        elif story.ref is not None and story.ref.precision == "day":
            year, month, anchor, from_ref = story.ref.date.year, story.ref.date.month, "ref_date", True
        else:
            return _unknown(point)
        certainty = "inferred"
    else:
        year, anchor, certainty, from_ref = _year_of(point, piece, story)
    if year is None:
        return _unknown(point)
    try:
        resolved = _build(point, year, month)
    except Unresolvable:
        resolved = _noted_day(point, year, month, story)  # 29日（四) after February: January's 29th
        if resolved is None:
            raise
    if resolved is None:
        return None
    if from_ref and story.ref is not None:
        resolved = _nudge_by_tense(point, year, month, resolved, piece, story)
    if point.weekday_note is not None:
        resolved = _fit_weekday(point, resolved, story)
    resolved.anchor = anchor
    resolved.certainty = certainty
    return resolved


_COMPARED = frozenset("比较")  # 比上月, 较上月: a comparison with the month before


def _noted_day(point: Point, year: int, month: int | None, story: Story) -> Resolved | None:
    """A bare day with its weekday in brackets that the month it would take does not have (29日（四）
    after a February of 28 days): the day in a neighbouring month that falls on that weekday,
    the one nearest the reference date."""
    if point.weekday_note is None or point.month is not None or month is None or point.day is None \
            or point.day.number is None:
        return None
    ref_day = story.ref_day()
    fitting = []
    for step in (-2, -1, 1, 2):
        y, m = cal.add_months(year, month, step)
        if 1 <= y <= 9999 and cal.valid_date(y, m, point.day.number):
            day = date(y, m, point.day.number)
            if day.isoweekday() == point.weekday_note:
                fitting.append(day)
    if not fitting:
        return None
    return day_value(min(fitting, key=lambda d: abs((d - (ref_day or d)).days)))


def _fit_weekday(point: Point, resolved: Resolved, story: Story) -> Resolved:
    """14日(周三) said on 13 September 2016: the 14th that is a Wednesday (September's), the
    month (or, with a month, the year) next to the one read that makes the note true, or the
    reference year or one next to it (10/18(六) in a schedule after a paragraph about 2007 is this
    year's): of those, the one nearest the reference date."""
    day = resolved.time.start_date
    if day is None or resolved.time.granularity != "day" or day.isoweekday() == point.weekday_note:
        return resolved
    if point.year is not None and point.year.stated:
        return resolved  # a full date: the written date wins over its note
    ref_day = story.ref_day() or day
    candidates = []
    for step in (-1, 1):
        if point.month is None:
            y, m = cal.add_months(day.year, day.month, step)
        else:
            y, m = day.year + step, day.month
        if 1 <= y <= 9999 and day.day <= cal.last_day(y, m):
            candidates.append(date(y, m, day.day))
    if point.month is not None and story.ref_day() is not None:
        for y in (ref_day.year - 1, ref_day.year, ref_day.year + 1):
            if 1 <= y <= 9999 and cal.valid_date(y, day.month, day.day):
                candidates.append(date(y, day.month, day.day))
    fitting = [c for c in candidates if c.isoweekday() == point.weekday_note]
    if not fitting:
        return resolved
    return day_value(min(fitting, key=lambda c: abs((c - ref_day).days)))


def _nudge_by_tense(point: Point, year, month, resolved: Resolved, piece: Piece, story: Story) -> Resolved:
    """A month already past under 将 means next year's; one still ahead under 了 means last year's."""
    ref_day = story.ref.date
    if story.ref.precision != "day":
        return resolved
    tense, cue_before = story.tense_cue(piece.start, piece.end)
    start, end = resolved.time.start_date, resolved.time.end_date
    if start is None or end is None:
        return resolved
    if tense <= 0 and point.only_year_part and end > ref_day and _REPORTED_FIGURE.match(story.view, piece.end):
        # Said on 17 January, 四季度增长5.2% and 全年…为126万亿元 report the year just ended.
        return _shift_bare(point, year, month, -1, False) or resolved
    if tense == 0:
        if point.range_end or story.tells_this_years_past(piece.start):
            return resolved  # 5月中旬…9月下旬…2月: a story of this year's past keeps 2月 in it
        return _nearest_round(point, year, month, resolved, ref_day)
    # 已于12月 moves a December still ahead to last year; 圣诞节前夕…已布置好 keeps a date only
    # days ahead, the 已 is about the preparations.
    margin = timedelta(0) if cue_before else PAST_MARGIN
    bare_day = _bare_day(point) and not isinstance(point.holiday, FixedHoliday)
    if tense > 0 and end < ref_day:
        shifted = _shift_bare(point, year, month, +1, bare_day)
    elif tense < 0 and start > ref_day + margin:
        shifted = _shift_bare(point, year, month, -1, bare_day)
    else:
        return resolved
    return shifted or resolved


# A figure told as reached right after a part of a year (四季度增长5.2%, 全年国内生产总值为1260582亿元).
# Not a target or forecast (年底的营收目标为100亿元, 预计一季度增长).
_REPORTED_FIGURE = lazy_compile(r"(?:(?!目标|预|计划|将|有望|料|拟|争取|力争|要)[^。；;！？!?，,]){0,16}?(?:同比|比上年|环比)?(?:增长|下降|增加|减少|上涨|下跌|回落|回升"
                                r"|为|达到?|实现|完成|录得|錄得)[^。；;，,]{0,8}?\d")


# A date at least nine months past that comes round within about three months is the coming one.
_LONG_PAST, _SOON = timedelta(days=270), timedelta(days=100)


def _nearest_round(point: Point, year: int, month: int | None, resolved: Resolved, ref_day: date) -> Resolved:
    """With no tense cue, a month or holiday long past that comes round again soon is the coming
    one (said in late November, 春节 and 2月初 are next year's). Parts of a year (年底) stay put,
    and a date ahead stays ahead (said in January, 12月 is this December)."""
    if point.only_year_part or _bare_day(point):
        return resolved
    if resolved.time.end_date < ref_day - _LONG_PAST:
        other = _build(point, year + 1, month)
        if other is not None and other.time.start_date <= ref_day + _SOON:
            return other
    return resolved


def coming_round(start: date | None, end: date | None, piece: Piece, story: Story) -> bool:
    """Whether a range read in the reference year (1至2月) is rather the coming one: long past, soon
    round again, and nothing in the clause or the story says it is past."""
    ref_day = story.ref_day()
    if ref_day is None or start is None or end is None or end >= ref_day - _LONG_PAST:
        return False
    try:
        next_start = start.replace(year=start.year + 1)
    except ValueError:
        return False
    return (next_start <= ref_day + _SOON and story.tense(piece.start, piece.end) == 0
            and not story.tells_this_years_past(piece.start))


def _shift_bare(point: Point, year, month, step, bare_day) -> Resolved | None:
    if bare_day:
        year, month = cal.add_months(year, month, step)
        return _build(point, year, month)
    return _build(point, year + step, month)


def _build(point: Point, year: int, month: int | None) -> Resolved | None:
    """Value and interval of a point once its year (and month) are known."""
    if not 1 <= year <= 9999:
        raise Unresolvable
    day = _day_number(point)
    if point.holiday is not None:
        days = holiday_interval(point.holiday, year)
        if days is None:
            raise Unresolvable
        return day_value(days[0]) if days[0] == days[1] else days_value(*days)
    if month is not None:
        if not 1 <= month <= 12:
            raise Unresolvable
        if point.day is not None and point.day.nth is not None:
            n, weekday = point.day.nth
            found = cal.nth_weekday(year, month, weekday - 1, n)
            if found.month != month:
                raise Unresolvable  # 第五个星期一 in a month with four
            return day_value(found)
        if day is not None:
            if not cal.valid_date(year, month, day):
                raise Unresolvable
            return day_value(date(year, month, day))
        first, last = cal.month_span(year, month)
        value, mod = f"{year:04d}-{month:02d}", None
        part = point.month_part
        if part is not None:
            mod = part.mod
            first = date(year, month, part.first)
            last = date(year, month, part.last or cal.last_day(year, month))
        return Resolved(TimeValue("DATE", value, mod, "month", first, last), coords=(year, month, None))
    if day is not None:
        raise Unresolvable  # a day with no month to hang on
    return _year_value(point.year_part, year)


def _year_value(part, year: int) -> Resolved:
    """A year, or a part of it: 2025, 2025-H1, 2025-Q1, 2025-SU, 2025 + END (年底)."""
    if isinstance(part, Half):
        h = part.number
        first, last = date(year, 1 if h == 1 else 7, 1), date(year, 6 if h == 1 else 12, 30 if h == 1 else 31)
        return Resolved(TimeValue("DATE", f"{year:04d}-H{h}", None, "half", first, last), coords=(year, None, None))
    if isinstance(part, Quarters):
        q1, q2 = part.first, part.last
        first = date(year, 3 * q1 - 2, 1)
        last = date(year, 3 * q2, cal.last_day(year, 3 * q2))
        value = f"{year:04d}-Q{q1}" if q1 == q2 else f"{year:04d}-Q{q1}/{year:04d}-Q{q2}"
        return Resolved(TimeValue("DATE", value, None, "quarter", first, last), coords=(year, None, None))
    if isinstance(part, Season):
        return _season(part.code, year)
    if isinstance(part, Months):
        first, last = date(year, part.first, 1), date(year, part.last, cal.last_day(year, part.last))
        value = f"{year:04d}-{part.first:02d}"
        if part.last != part.first:
            value += f"/{year:04d}-{part.last:02d}"
        return Resolved(TimeValue("DATE", value, None, "month", first, last), coords=(year, None, None))
    if isinstance(part, YearWeek):
        try:
            first = date.fromisocalendar(year, part.number, 1)
        except ValueError:
            raise Unresolvable from None  # 2026年第53周: that year has 52 weeks
        return Resolved(TimeValue("DATE", f"{year:04d}-W{part.number:02d}", None, "week", first,
                                  first + timedelta(days=6)), coords=(year, None, None))
    value, mod = f"{year:04d}", None
    first, last = date(year, 1, 1), date(year, 12, 31)
    if isinstance(part, FuzzyYearPart):
        mod = part.mod
        first, last = date(year, *part.first), date(year, *part.last)
    return Resolved(TimeValue("DATE", value, mod, "year", first, last), coords=(year, None, None))


def days_value(first: date, last: date) -> Resolved:
    """A run of days (春节假期, 斋月): a range of two days, at day granularity."""
    return Resolved(TimeValue("DATE", f"{first.isoformat()}/{last.isoformat()}", None, "day", first, last),
                    coords=(first.year, first.month, first.day))


def day_value(day: date) -> Resolved:
    return Resolved(TimeValue("DATE", day.isoformat(), None, "day", day, day),
                    coords=(day.year, day.month, day.day))


_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11)}


def _season(code: str, year: int) -> Resolved:
    if code == "WI":
        first = date(year, 12, 1)
        last = date(year + 1, 2, cal.last_day(year + 1, 2))
    else:
        a, b = _SEASON_MONTHS[code]
        first, last = date(year, a, 1), date(year, b, cal.last_day(year, b))
    return Resolved(TimeValue("DATE", f"{year:04d}-{code}", None, "season", first, last),
                    coords=(year, None, None))


def _unknown(point: Point) -> Resolved:
    """No reference date and nothing in the story: say the year is unknown, do not guess."""
    month = point.month.number if point.month is not None else None
    day = _day_number(point)
    part = point.year_part
    if point.holiday is not None:
        if isinstance(point.holiday, FixedHoliday):
            value, gran = f"XXXX-{point.holiday.month:02d}-{point.holiday.day:02d}", "day"
        else:
            value, gran = "XXXX-XX-XX", "day"
    elif month is not None and day is not None:
        if not 1 <= month <= 12 or not 1 <= day <= cal.last_day(2000, month):
            raise Unresolvable
        value, gran = f"XXXX-{month:02d}-{day:02d}", "day"
    elif month is not None:
        value, gran = f"XXXX-{month:02d}", "month"
    elif day is not None:
        value, gran = f"XXXX-XX-{day:02d}", "day"
    elif isinstance(part, Half):
        value, gran = f"XXXX-H{part.number}", "half"
    elif isinstance(part, Quarters) and part.first == part.last:
        value, gran = f"XXXX-Q{part.first}", "quarter"
    elif isinstance(part, Season):
        value, gran = f"XXXX-{part.code}", "season"
    elif point.day is not None or point.weekday is not None or point.week is not None or point.weekend:
        value, gran = "XXXX-XX-XX", "day"
    elif point.month is not None:
        value, gran = "XXXX-XX", "month"
    else:
        value, gran = "XXXX", "year"
    mod = None
    if isinstance(part, FuzzyYearPart):
        mod = part.mod
    elif point.month_part is not None:
        mod = point.month_part.mod
    return Resolved(TimeValue("DATE", value, mod, gran), None, "inferred", None)


def _relative_day(point: Point, piece: Piece, story: Story) -> Resolved:
    if point.day.in_sentence:
        told = story.previous(piece.start, scope="sentence", need_day=True)
        if told is not None:
            resolved = day_value(date(told.year, told.month, told.day))
            resolved.anchor, resolved.certainty = told.id, "relative"
            return resolved
    ref_day = story.ref_day()
    if ref_day is None:
        return _unknown(point)
    day = ref_day + timedelta(days=point.day.rel)
    check = point.day.check
    if check and check != day.day:
        # 今(20)日 when the reference date is not the 20th: trust the number, in the reference month.
        if not cal.valid_date(ref_day.year, ref_day.month, check):
            raise Unresolvable
        day = date(ref_day.year, ref_day.month, check)
    resolved = day_value(day)
    resolved.anchor, resolved.certainty = "ref_date", "relative"
    return resolved


def _week(point: Point, piece: Piece, story: Story) -> Resolved:
    ref_day = story.ref_day()
    if ref_day is None:
        return _unknown(point)
    monday = cal.week_monday(ref_day)
    if point.week is not None:
        monday += timedelta(weeks=point.week.rel)
    resolved = _week_value(point, monday)
    if point.week is None and point.week_part is None:
        tense = story.tense(piece.start, piece.end)
        if tense > 0 and resolved.time.end_date < ref_day:
            resolved = _week_value(point, monday + timedelta(weeks=1))
        elif tense < 0 and resolved.time.start_date > ref_day:
            resolved = _week_value(point, monday - timedelta(weeks=1))
    elif (point.week is not None and point.week.rel == 0 and point.weekday and resolved.time.end_date < ref_day
          and story.tense(piece.start, piece.end) > 0):
        # 本周一我将出席会议, said on a Friday: a plan for a Monday already past is the coming one
        resolved = _week_value(point, monday + timedelta(weeks=1))
    resolved.anchor, resolved.certainty = "ref_date", "relative"
    return resolved


def _week_value(point: Point, monday: date) -> Resolved:
    week = cal.iso_week_value(monday)
    if point.week_part is not None:
        part = point.week_part
        first, last = monday + timedelta(days=part.first - 1), monday + timedelta(days=part.last - 1)
        return Resolved(TimeValue("DATE", week, part.mod, "week", first, last),
                        coords=(first.year, first.month, None))
    if point.weekday:
        return day_value(monday + timedelta(days=point.weekday - 1))
    if point.weekend:
        first, last = monday + timedelta(days=5), monday + timedelta(days=6)
        return Resolved(TimeValue("DATE", f"{week}-WE", None, "week", first, last),
                        coords=(first.year, first.month, None))
    return Resolved(TimeValue("DATE", week, None, "week", monday, monday + timedelta(days=6)),
                    coords=(monday.year, monday.month, None))


def _told_time(piece: Piece, story: Story):
    """The day of the clock time told last, in this paragraph or the one before: a report that
    follows an incident clock by clock goes on with it (周四发文告指出,火患于周三傍晚7时01分发生…
    7时07分抵达。火势于7时25分受控: Wednesday, not the Thursday the sentence opens with)."""
    last = next(story.last_before(piece.start), None)
    if (last is None or last.time.type != "TIME" or ":" not in last.time.value or last.day is None
            or last.time.start_date != last.time.end_date
            or story.paragraph(piece.start) - last.paragraph > 1
            or (story.ref_day() is not None and last.time.start_date > story.ref_day())):
        return None  # a time still ahead (明日凌晨0时起开放) is a plan, not the story being told
    return last


def _same_half_day(point: Point, told: str) -> None:
    """7时25分 after 傍晚7时01分 … 7时07分 is 19:25: a bare hour that goes on from a time after noon
    is read after noon too (unless that would put it before the time told)."""
    if point.clock is None or point.daypart is not None or not 1 <= point.clock.hour < 12:
        return
    told_hour = int(told[told.index("T") + 1:told.index(":")])
    if told_hour >= 12 and point.clock.hour + 12 >= told_hour:
        point.daypart = "EV"


def _in_part_of_day(point: Point, told: str) -> None:
    """明晚提早至10时结束 is 22:00: a bare hour after the part of a day its sentence named."""
    part = told[-2:]
    if (told[-3:-2] == "T" and part in ("AF", "EV", "NI") and point.clock is not None and point.daypart is None
            and 1 <= point.clock.hour < 12):
        point.daypart = part


def _time_only(piece: Piece, story: Story) -> Resolved:
    """上午10时 alone: the date written before it in the sentence (a single day before a period of
    several: 十一日是中秋连假最后一天…上午), else the topic of the paragraph so far (周日转东北风…。
    白天), else the day of a time told in the paragraph before (_told_time), else the reference
    date. After 截至 (as of) it is the reference date."""
    if _hours_of_business(story.view, piece.start):
        return Resolved(TimeValue("DATE", "XXXX-XX-XX", None, "day"), None, "inferred")  # any day it opens
    if ((story.view[max(0, piece.start - 2):piece.start] in ("截至", "截止") or _stamp_ending_line(story.view, piece))
            and story.ref_day() is not None):
        prev = None  # 截至上午9时: as of this morning, the report's day (not a date the sentence names)
    else:
        told = _told_time(piece, story)
        if told is not None:
            _same_half_day(piece.what, told.time.value)
        in_sentence = story.previous(piece.start, scope="sentence", need_day=True, one_day=True)
        if in_sentence is not None:
            _in_part_of_day(piece.what, in_sentence.time.value)
        prev = (in_sentence or told or story.previous(piece.start, scope="paragraph", need_day=True)
                or _day_of_the_paragraph_before(piece, story))
    if prev is not None:
        day = date(prev.year, prev.month, prev.day)
        resolved, anchor = day_value(day), prev.id
    elif story.ref_day() is not None:
        resolved, anchor = day_value(story.ref_day()), "ref_date"
    else:
        resolved, anchor = Resolved(TimeValue("DATE", "XXXX-XX-XX", None, "day")), None
    resolved.anchor, resolved.certainty = anchor, "inferred"
    return resolved


def _stamp_ending_line(view: str, piece: Piece) -> bool:
    """港鐵…明晚提早結束 (23:09): a time in brackets closing a headline is when it was posted."""
    return (view[piece.start - 1:piece.start] in ("(", "（") and view[piece.end:piece.end + 1] in (")", "）")
            and view[piece.end + 1:piece.end + 2] in ("", "\n", "\r") and _CLOCK_ONLY.fullmatch(view, piece.start, piece.end)
            is not None)


_CLOCK_ONLY = lazy_compile(r"\d{1,2}[:：]\d{2}")


def _hours_of_business(view: str, start: int) -> bool:
    """开放时间为上午十时至傍晚六时, 营业时间：9时至17时: the hours of every day it opens, no day's."""
    before = view[max(0, start - 10):start]
    for stop in "。；;\n":
        before = before[before.rfind(stop) + 1:]
    return any(word in before for word in lexicon()["business_hours"]["words"])


def _day_of_the_paragraph_before(piece: Piece, story: Story):
    """15日，中国高铁…。 / 早8时，首趟…: a time of day opening a paragraph goes on with the day the
    paragraph just before named."""
    paragraph = story.paragraph(piece.start)
    opens_at = story.paragraph_start(paragraph)
    if paragraph == 0 or story.view[opens_at:piece.start].strip():
        return None
    prev = story.previous(piece.start, need_day=True, one_day=True)
    if prev is None or prev.paragraph != paragraph - 1:
        return None
    topic_at = story.paragraph_start(prev.paragraph)
    if story.view[topic_at:prev.start].strip() or story.view[prev.start:prev.start + 1] in "同当次翌该这那此其":
        return None  # the day must open that paragraph, told on its own (同日 leans on yet another date)
    return prev


def finish(resolved: Resolved, point: Point, story: Story) -> Resolved:
    """Add the time of day, mods from suffixes, the qualifier, and 以来/至今 ranges."""
    time = resolved.time
    updates: dict = {}
    shift = point.day_shift
    if shift and time.granularity == "day" and time.start_date is not None:
        day = time.start_date + timedelta(days=shift)
        time = resolved.time = replace(time, value=day.isoformat(), start_date=day, end_date=day)
        resolved.coords = (day.year, day.month, day.day)
    if point.week_of and time.granularity == "day" and time.start_date is not None:  # 10月8日那个星期
        monday = cal.week_monday(time.start_date)
        time = resolved.time = TimeValue("DATE", cal.iso_week_value(monday), time.mod, "week", monday,
                                         monday + timedelta(days=6))
    if point.clock is not None or point.daypart is not None:
        if point.clock is not None:
            hour = point.clock.hour if point.clock.small_hours else _afternoon(point.clock.hour, point.daypart)
            clock = f"T{hour:02d}:{point.clock.minute:02d}"
            if point.clock.second is not None:
                clock += f":{point.clock.second:02d}"  # a time stamp's seconds, as written
            granularity = "minute" if point.clock.minute else "hour"
        else:
            clock = f"T{point.daypart}"
            granularity = "daypart"
        value = time.value + clock
        updates.update(type="TIME", value=value, granularity=granularity, datetime=value)
    mod = time.mod or point.mod or ("APPROX" if point.approx else None)
    if mod != time.mod:
        updates["mod"] = mod
        if mod == "APPROX" and resolved.certainty == "stated":
            resolved.certainty = "approximate"
    if point.qualifier:
        updates["qualifier"] = point.qualifier
    updates.update(_closed_by_report(time, point, mod, story))
    if point.since:
        end_value = story.ref.iso() if story.ref else "PRESENT_REF"
        end_day = story.ref.date if story.ref and story.ref.precision == "day" else None
        if story.ref and story.ref.precision == "year":
            end_day = date(story.ref.date.year, 12, 31)
        if end_day is not None and time.start_date is not None and end_day < time.start_date:
            updates["mod"] = "ON_OR_AFTER"  # 明年以来: since a date still ahead, not a range back
        else:
            updates.update(value=f"{time.value}/{end_value}", end_date=end_day, mod=None)
    if updates:
        resolved.time = replace(time, **updates)
    return resolved


def _closed_by_report(time: TimeValue, point: Point, mod: str | None, story: Story) -> dict:
    """The report's own day closes a one-sided date: 2028年前 said in 2025 happens between the
    report and the end of 2028; 去年9月起 runs from that September up to the report."""
    ref_day = story.ref_day()
    if ref_day is None or time.start_date is None or time.end_date is None:
        return {}
    if point.deadline and time.start_date > ref_day:
        return {"start_date": ref_day}
    if mod == "ON_OR_AFTER" and not point.since and time.end_date < ref_day:
        return {"end_date": ref_day}
    return {}


def _afternoon(hour: int, daypart: str | None) -> int:
    """昨晚8点 is 20:00: a clock hour read in the part of the day written before it."""
    if daypart in ("AF", "EV") and 1 <= hour < 12:
        return hour + 12
    if daypart == "NI" and 6 <= hour < 12:
        return hour + 12
    if daypart == "MI" and 1 <= hour <= 2:
        return hour + 12
    return hour


# --- eras -------------------------------------------------------------------------------

def _century(point: Point, story: Story) -> Resolved:
    century = point.century
    if century.rel is not None:
        if story.ref is None:
            return Resolved(TimeValue("DATE", "XX", None, "century"), None, "relative")
        ordinal = story.ref.date.year // 100 + 1 + century.rel
        anchor, certainty = "ref_date", "relative"
    else:
        ordinal, anchor, certainty = century.number, None, "stated"
    base = (ordinal - 1) * 100
    first, last = base, base + 99
    mod = century.mod
    if mod:
        first, last = {"START": (base, base + 19), "MID": (base + 40, base + 59),
                       "END": (base + 80, base + 99)}[mod]
    if base < 0 or first < 1:
        raise Unresolvable
    time = TimeValue("DATE", f"{ordinal - 1:02d}", mod, "century", date(first, 1, 1), date(last, 12, 31))
    return Resolved(time, anchor, certainty, None)


def _decade(point: Point, story: Story) -> Resolved:
    decade_words = point.decade
    anchor, certainty = None, "stated"
    if decade_words.number is not None:
        decade = decade_words.number
    else:
        tens = decade_words.short
        if story.ref is not None:
            decade = 200 + tens if 2000 + 10 * tens <= story.ref.date.year else 190 + tens
            anchor, certainty = "ref_date", "inferred"
        else:
            decade = 200 + tens if tens <= 1 else 190 + tens
            certainty = "inferred"
    base = decade * 10
    first, last, mod = base, base + 9, decade_words.mod
    if mod:
        first, last = {"START": (base, base + 2), "MID": (base + 3, base + 6),
                       "END": (base + 7, base + 9)}[mod]
    time = TimeValue("DATE", f"{decade:03d}", mod, "decade", date(first, 1, 1), date(last, 12, 31))
    return Resolved(time, anchor, certainty, None)


__all__ = ["resolve_point", "day_value", "PAST_MARGIN"]
