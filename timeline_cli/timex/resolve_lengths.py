"""Lengths of time: durations, spans up to or from the reference date (过去10年, 未来5年),
and offsets that make a date (5年后, 三天前)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from datetime import time as clock_time

from ..model import TimeValue
from ..vocab import FINENESS
from . import calendar as cal
from .pieces import Duration, Length, Offset, Piece, Span, Window
from .resolve_points import finish
from .storyline import Resolved, Story, StoryPoint


def iso_duration(amount: float, unit: str) -> str:
    """ISO 8601 length: 12 Y → P12Y, 1.5 Y → P18M, 0.5 D → PT12H, 3 H → PT3H."""
    if unit == "CE":
        amount, unit = amount * 100, "Y"
    if unit == "Y" and amount != int(amount):
        amount, unit = amount * 12, "M"
    if unit == "D" and amount != int(amount):
        amount, unit = amount * 24, "H"
    if unit == "H" and amount != int(amount):
        amount, unit = amount * 60, "MIN"
    number = f"{int(amount)}" if amount == int(amount) else f"{amount:g}"
    if unit in ("H", "MIN", "S"):
        return f"PT{number}{'M' if unit == 'MIN' else unit}"
    return f"P{number}{unit}"


def _compound_duration(parts: list[tuple[float, str]]) -> str:
    """P15Y6M, PT2H12M: several units in one ISO 8601 length; weeks beside other units are
    written as days (三个月两周 → P3M14D), since ISO 8601 does not mix W with them."""
    date_part, time_part = "", ""
    for amount, unit in _weeks_as_days(parts):
        number = f"{int(amount)}" if amount == int(amount) else f"{amount:g}"
        if unit in ("H", "MIN", "S"):
            time_part += number + ("M" if unit == "MIN" else unit)
        else:
            date_part += number + unit
    return "P" + date_part + ("T" + time_part if time_part else "")


def _weeks_as_days(parts: list[tuple[float, str]]) -> list[tuple[float, str]]:
    days = sum(amount * 7 for amount, unit in parts if unit == "W") + sum(a for a, u in parts if u == "D")
    if not any(unit == "W" for _, unit in parts):
        return list(parts)
    out = [(amount, unit) for amount, unit in parts if unit not in ("W", "D", "H", "MIN", "S")]
    return [*out, (days, "D"), *[(a, u) for a, u in parts if u in ("H", "MIN", "S")]]


def _vague_duration(unit: str) -> str:
    if unit in ("H", "MIN", "S"):
        return f"PTX{'M' if unit == 'MIN' else unit}"
    return f"PX{unit}"


def _duration_value(length: Length) -> tuple[str, str | None]:
    if length.parts:
        return _compound_duration(length.parts), None
    if length.vague:
        return _vague_duration(length.unit), None
    low = iso_duration(length.amount, length.unit)
    high = iso_duration(length.amount_max, length.unit) if length.amount_max is not None else None
    return low, high


def resolve_duration(duration: Duration) -> Resolved:
    length = duration.length
    value, high = _duration_value(length)
    time = TimeValue("DURATION", value, length.mod, None, duration=value, duration_max=high)
    return Resolved(time, None, "approximate" if length.vague else "stated")


_SHIFT_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day"}


def _amount_in_days_or_months(amount: float, unit: str) -> tuple[int, str, int] | None:
    """Calendar shifts need whole units: (amount, unit, extra days). 1.5 years → 18 months,
    half a month → 15 days, ten and a half months → 10 months and 15 days."""
    if unit == "CE":
        amount, unit = amount * 100, "Y"
    if unit not in _SHIFT_UNITS:
        return None
    if amount == int(amount):
        return int(amount), _SHIFT_UNITS[unit], 0
    if unit == "Y":
        return round(amount * 12), "month", 0
    if unit == "M":
        return int(amount), "month", round((amount - int(amount)) * 30)
    if unit == "W":
        return round(amount * 7), "day", 0
    return None


def _shifted(day: date, shift: tuple[int, str, int], sign: int) -> date:
    amount, unit, days = shift
    return cal.shift_date(day, sign * amount, unit) + timedelta(days=sign * days)


def _shift_unit(shift: tuple[int, str, int]) -> str:
    """The unit the shifted date is known to: 两个半月后 to the day."""
    return "day" if shift[2] else shift[1]


def resolve_span(span: Span, story: Story) -> Resolved:
    length = span.length
    value, high = _duration_value(length)
    ref_day = story.ref_day()
    start = end = None
    anchor = None
    if ref_day is not None and length.vague:  # 数月来, 近年来: from an unknown start up to the reference date
        start, end = (None, ref_day) if span.direction < 0 else (ref_day, None)
        anchor = "ref_date"
    elif ref_day is not None and length.amount_max is None and not length.parts:
        shift = _amount_in_days_or_months(length.amount, length.unit)
        seconds = _length_in_seconds(length)
        if shift is not None:
            other = _shifted(ref_day, shift, span.direction)
            start, end = (other, ref_day) if span.direction < 0 else (ref_day, other)
            anchor = "ref_date"
        elif seconds is not None:  # 未来48小时, 一天半以来: from the reference's time of day
            moment = datetime.combine(ref_day, story.ref.clock or _NOON)
            try:
                other = (moment + timedelta(seconds=span.direction * seconds)).date()
            except OverflowError:
                other = None
            if other is not None:
                start, end = (other, ref_day) if span.direction < 0 else (ref_day, other)
                anchor = "ref_date"
    time = TimeValue("DURATION", value, length.mod, None, start, end, value, high)
    return Resolved(time, anchor, "relative")


def _length_in_seconds(length: Length) -> float | None:
    """Hours, minutes, seconds and half days (一天半) as seconds; None for calendar units."""
    if length.unit in _SECONDS:
        return length.amount * _SECONDS[length.unit]
    if length.unit == "D" and length.amount != int(length.amount):
        return length.amount * 86400
    return None


_VAGUE_RANGE = (2, 5)  # 几周后: between two and five weeks
_STORY_REACH = 3  # sentences back that an offset (两周后) may count from


def resolve_offset(offset: Offset, piece: Piece, story: Story) -> Resolved | None:
    length = offset.length
    unit = length.unit
    if unit == "CE":
        unit = "Y"
    direction = offset.direction
    prev = story.previous(piece.start)
    # 两周后 after a dated sentence counts from that date; 5年后 in a forecast counts from today.
    near = prev is not None and story.sentence(piece.start) - prev.sentence <= _STORY_REACH
    use_story = prev is not None and (offset.story or (near and story.tense(piece.start, piece.end) <= 0
                                                       and not _ago_from_coarse(prev.time, unit, direction)))
    if use_story:
        base_start, base_end = prev.time.start_date, prev.time.end_date
        anchor = prev.id
    else:
        base_start = base_end = story.ref_day()
        anchor = "ref_date"
        if base_start is None and story.ref is not None and unit == "Y":
            base_start = base_end = date(story.ref.date.year, 7, 1)
    if base_start is None or base_end is None:
        return Resolved(TimeValue("DATE", "XXXX", None, "year"), None, "relative")
    if length.vague:
        low, high = _VAGUE_RANGE
        if length.unit == "DE":
            low, high, unit = low * 10, high * 10, "Y"
    else:
        low = high = length.amount
        if length.amount_max is not None:  # 三四年后: between three and four years on
            high = length.amount_max
    shifts = [_amount_in_days_or_months(x, unit) for x in (low, high)]
    if unit in ("H", "MIN", "S"):
        return _clock_offset(length, direction, story, prev if use_story else None)
    if None in shifts:
        return None
    low_shift, high_shift = shifts
    if direction > 0:
        start, end = _shifted(base_start, low_shift, 1), _shifted(base_end, high_shift, 1)
    else:
        start, end = _shifted(base_start, high_shift, -1), _shifted(base_end, low_shift, -1)
    unit_name = _shift_unit(low_shift)
    # 七年半后 shifts by months: a month, not a year. From a date known only to a part of a month (5月中旬…
    # 一个月后), the result still names one period of the offset's unit when it falls inside one: June.
    exact = not length.vague and length.amount_max is None and (
        base_start == base_end or _same_period(start, end, unit_name))
    time = _period_value(start, end, unit_name if exact else None)
    certainty = "approximate" if length.vague else "relative"
    if time.granularity == "day" and time.start_date == time.end_date:
        # a day: times of day after it in the sentence (三天后下午) fall on it
        day = time.start_date
        resolved = Resolved(time, anchor, certainty, (day.year, day.month, day.day))
        return finish(resolved, offset.at, story) if offset.at is not None else resolved
    return Resolved(time, anchor, certainty, (time.start_date.year, None, None))


def _ago_from_coarse(base: TimeValue, unit: str, direction: int) -> bool:
    """Days, weeks or hours ago are not counted back from a date known only to its year or a
    part of a year: 两天前 after a sentence on 2016年 is two days before the report. (三天后 after
    2019年 is three days after what happened then: that one counts from the story.)"""
    return (direction < 0 and unit in ("D", "W", "H", "MIN", "S")
            and FINENESS.get(base.granularity or "", 0) < FINENESS["month"])


def resolve_window(window: Window, story: Story) -> Resolved | None:
    """上两周 (the two weeks before this one), 下三个月, 前两天, 上两小时: whole calendar units next
    to the current one; hours, minutes and seconds from the reference's time of day."""
    ref_day = story.ref_day()
    if ref_day is None:
        return None
    count, unit, direction = int(window.length.amount), window.length.unit, window.direction
    if unit in _SECONDS:
        moment = datetime.combine(ref_day, story.ref.clock or _NOON)
        other = moment + timedelta(seconds=direction * count * _SECONDS[unit])
        first, last = sorted((moment, other))
        spec = "seconds" if unit == "S" else "minutes"
        value = f"{first.isoformat(timespec=spec)}/{last.isoformat(timespec=spec)}"
        return Resolved(TimeValue("TIME", value, None, "minute" if unit != "H" else "hour", first.date(), last.date()),
                        "ref_date", "relative", None)
    if unit == "D":
        first = ref_day + timedelta(days=direction if direction > 0 else -count)
        last = first + timedelta(days=count - 1)
        value, granularity = f"{first.isoformat()}/{last.isoformat()}", "day"
    elif unit == "W":
        monday = cal.week_monday(ref_day) + timedelta(weeks=1 if direction > 0 else -count)
        first, last = monday, monday + timedelta(weeks=count) - timedelta(days=1)
        value, granularity = f"{cal.iso_week_value(first)}/{cal.iso_week_value(last)}", "week"
    elif unit == "M":
        y1, m1 = cal.add_months(ref_day.year, ref_day.month, 1 if direction > 0 else -count)
        y2, m2 = cal.add_months(y1, m1, count - 1)
        first, last = date(y1, m1, 1), date(y2, m2, cal.last_day(y2, m2))
        value, granularity = f"{y1:04d}-{m1:02d}/{y2:04d}-{m2:02d}", "month"
    else:
        y1 = ref_day.year + (1 if direction > 0 else -count)
        first, last = date(y1, 1, 1), date(y1 + count - 1, 12, 31)
        value, granularity = f"{y1:04d}/{y1 + count - 1:04d}", "year"
    return Resolved(TimeValue("DATE", value, None, granularity, first, last), "ref_date", "relative", None)


_SECONDS = {"H": 3600, "MIN": 60, "S": 1}
_NOON = clock_time(12, 0)


def _clock_offset(length: Length, direction: int, story: Story, prev: StoryPoint | None) -> Resolved | None:
    """60小时前, 约40分钟后: the day that many hours or minutes from the time it counts from (the
    reference's time of day when --ref-date gives one, else noon), about then."""
    if length.vague:
        return None
    if prev is not None and prev.day is not None:
        moment, anchor = datetime.combine(date(prev.year, prev.month, prev.day), _NOON), prev.id
    elif story.ref_day() is not None:
        moment, anchor = datetime.combine(story.ref_day(), story.ref.clock or _NOON), "ref_date"
    else:
        return None
    amount = length.amount_max if direction > 0 and length.amount_max else length.amount
    try:
        day = (moment + timedelta(seconds=direction * amount * _SECONDS[length.unit])).date()
    except OverflowError:
        return None
    return Resolved(TimeValue("DATE", day.isoformat(), "APPROX", "day", day, day),
                    anchor, "approximate", (day.year, day.month, day.day))


def _same_period(start: date, end: date, unit: str) -> bool:
    if unit == "year":
        return start.year == end.year
    if unit == "month":
        return (start.year, start.month) == (end.year, end.month)
    if unit == "week":
        return cal.week_monday(start) == cal.week_monday(end)
    return start == end


def _period_value(start: date, end: date, unit: str | None) -> TimeValue:
    """The TimeML value of an interval: at the shift's unit when exact, else the period holding it."""
    if unit == "year":
        y = start.year
        return TimeValue("DATE", f"{y:04d}", None, "year", date(y, 1, 1), date(y, 12, 31))
    if unit == "month":
        first, last = cal.month_span(start.year, start.month)
        return TimeValue("DATE", f"{start.year:04d}-{start.month:02d}", None, "month", first, last)
    if unit == "week":
        monday = cal.week_monday(start)
        return TimeValue("DATE", cal.iso_week_value(monday), None, "week", monday, monday + timedelta(days=6))
    if unit == "day":
        return TimeValue("DATE", start.isoformat(), None, "day", start, start)
    # A fuzzy interval (几周后 from 年初): name the smallest period that holds it.
    if start.year != end.year:
        return TimeValue("DATE", f"{start.year:04d}/{end.year:04d}", "APPROX", "year", start, end)
    if start.month == end.month:
        return TimeValue("DATE", f"{start.year:04d}-{start.month:02d}", "APPROX", "month", start, end)
    if (start.month - 1) // 3 == (end.month - 1) // 3:
        q = (start.month - 1) // 3 + 1
        return TimeValue("DATE", f"{start.year:04d}-Q{q}", "APPROX", "quarter", start, end)
    if (start.month <= 6) == (end.month <= 6):
        h = 1 if start.month <= 6 else 2
        return TimeValue("DATE", f"{start.year:04d}-H{h}", "APPROX", "half", start, end)
    return TimeValue("DATE", f"{start.year:04d}", "APPROX", "year", start, end)
