"""Resolution: turn composed pieces into TimeML values and calendar intervals.

Pieces are resolved in text order, because the story matters (storyline.py): 同年 and 随后
look back at the nearest earlier date. Points are resolved in resolve_points.py, lengths
of time in resolve_lengths.py; ranges, recurrences and story words here.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from functools import cache

from ..model import Mention, RefDate, TimeValue
from . import calendar as cal
from .lexicon import lexicon
from .pieces import (
    Anniversary,
    Duration,
    FixedHoliday,
    Offset,
    Piece,
    Point,
    Range,
    Recurrence,
    Reference,
    SamePeriod,
    Span,
    StoryAfter,
    StoryDay,
    StorySame,
    Window,
    YearRange,
)
from .resolve_lengths import resolve_duration, resolve_offset, resolve_span, resolve_window
from .resolve_points import coming_round, day_value, finish, resolve_point
from .storyline import Resolved, Story, StoryPoint, Unresolvable


def resolve_all(pieces: list[Piece], text: str, view: str, ref: RefDate | None) -> list[Mention]:
    return resolve_with_cues(pieces, text, view, ref)[0]


def resolve_with_cues(pieces: list[Piece], text: str, view: str,
                      ref: RefDate | None) -> tuple[list[Mention], list[Mention]]:
    """The mentions, and the story cues (随后, 此后: ids c1, c2 …) that are not mentions."""
    story = Story(view, ref)
    mentions: list[Mention] = []
    cues: list[Mention] = []
    queue = list(reversed(pieces))
    while queue:
        piece = queue.pop()
        if isinstance(piece.what, StoryAfter):
            cue = _after(piece, story)
            if cue is not None:
                cues.append(Mention(f"c{len(cues) + 1}", text[piece.start:piece.end], piece.start, piece.end,
                                    cue.time, cue.anchor, piece.rule, cue.certainty))
            continue
        mention_id = f"m{len(mentions) + 1}"
        try:
            resolved = _resolve(piece, story)
        except (Unresolvable, ValueError, OverflowError):  # dates beyond year 1 … 9999 included
            resolved = None
        if resolved is None:
            if isinstance(piece.what, Range):  # 周三到周一 backwards: keep the two dates on their own
                queue.extend([piece.what.second, piece.what.first])
            continue
        # Positional arguments: this runs once per mention, and keywords cost a third more.
        mention = Mention(mention_id, text[piece.start:piece.end], piece.start, piece.end,
                          resolved.time, resolved.anchor, piece.rule, resolved.certainty)
        mentions.append(mention)
        if resolved.coords is not None and not (isinstance(piece.what, StoryDay) and resolved.anchor == "ref_date"):
            year, month, day = resolved.coords
            story.points.append(StoryPoint(
                mention_id, piece.start, resolved.time, story.paragraph(piece.start),
                story.sentence(piece.start), year, month, day, _dateline(view, piece.end),
                _compared(view, piece.start), story.list_page() and _stamp(view, piece.start, piece.end),
            ))
    return mentions, cues


def _compared(view: str, start: int) -> bool:
    """Whether the date is the base of a comparison: 比上年增加, 较去年同期, 与2019年相比 is not (the
    topic of that sentence is 2019)."""
    return view[max(0, start - 1):start] in ("比", "较")


def _stamp(view: str, start: int, end: int) -> bool:
    """Whether the date stands alone on its line (26-09-2025 over the notices of that day)."""
    line_start = view.rfind("\n", 0, start) + 1
    line_end = view.find("\n", end)
    return not view[line_start:start].strip() and not view[end:len(view) if line_end < 0 else line_end].strip()


def _dateline(view: str, end: int) -> bool:
    """Whether the date ends a dateline (2018年2月3日讯, 北京11月19日电) or dates a statement (总理公署8月3日
    发文, 警方18日表示): the day of the telling, which gives way to a date the sentence tells of."""
    after = view[end:end + 1]
    if after in ("讯", "电") or view[end:end + 2] in ("专讯", "快讯"):  # 《经济通通讯社9日专讯》
        return True
    return after in _statement_firsts() and any(view.startswith(w, end) for w in lexicon()["statement_verbs"]["words"])


@cache
def _statement_firsts() -> frozenset[str]:
    return frozenset(w[0] for w in lexicon()["statement_verbs"]["words"])


def _resolve(piece: Piece, story: Story) -> Resolved | None:
    what = piece.what
    if isinstance(what, Point):
        return resolve_point(what, piece, story)
    if isinstance(what, Range):
        return _range(piece, story)
    if isinstance(what, YearRange):
        a, b = what.first, what.last
        time = TimeValue("DATE", f"{a:04d}/{b:04d}", None, "year", date(a, 1, 1), date(b, 12, 31))
        return Resolved(time, None, "stated", (a, None, None))
    if isinstance(what, Duration):
        return resolve_duration(what)
    if isinstance(what, Span):
        return resolve_span(what, story)
    if isinstance(what, Offset):
        return resolve_offset(what, piece, story)
    if isinstance(what, Window):
        return resolve_window(what, story)
    if isinstance(what, Recurrence):
        return Resolved(TimeValue("SET", what.value, what.mod))
    if isinstance(what, Reference):
        return _reference(what, story)
    if isinstance(what, Anniversary):
        return _anniversary(what, story)
    if isinstance(what, SamePeriod):
        return _same_period(what, piece, story)
    if isinstance(what, StorySame):
        return _same(what, piece, story)
    if isinstance(what, StoryDay):
        return _story_day(what, piece, story)
    return None


# --- ranges -----------------------------------------------------------------------------

def _range(piece: Piece, story: Story) -> Resolved | None:
    a_piece, b_piece = piece.what.first, piece.what.second
    # The ends are placed together: said in November, 1至10月 is this year's, not January next year
    # to October (the forward-looking rule judges the whole range, below).
    a_piece.what.range_end = b_piece.what.range_end = True
    a = resolve_point(a_piece.what, a_piece, story)
    b = resolve_point(b_piece.what, b_piece, story)
    if a is None or b is None:
        return None
    ta, tb = a.time, b.time
    coords = a.coords
    if ta.start_date and tb.end_date and tb.end_date < ta.start_date:
        a_year, b_year = _stated_year(a_piece.what), _stated_year(b_piece.what)
        b_year = b_year and not b_piece.what.year.borrowed
        if (a_year and b_year) or ta.value[:4] != tb.value[:4] or not (
                _month_number(a_piece.what) and _month_number(b_piece.what)):
            raise Unresolvable  # 周三到周一, 2025年至2023年: two dates, not a range
        # 12月31日至1月2日 crosses a year end: move the end without a year of its own, or
        # (neither has one) the end whose move keeps the range nearer the reference date.
        earlier_start, later_end = _years_later(ta, -1), _years_later(tb, 1)
        ref = story.ref_day()
        if a_year or (not b_year and ref is not None and _distance(ref, ta.start_date, later_end.end_date)
                      < _distance(ref, earlier_start.start_date, tb.end_date)):
            tb = later_end
        else:
            ta = earlier_start
            coords = (coords[0] - 1, *coords[1:]) if coords else coords
    if a.anchor == "ref_date" and not _says_year(a_piece.what) and coming_round(ta.start_date, tb.end_date, piece, story):
        ta, tb = _years_later(ta, 1), _years_later(tb, 1)  # said in November, 1至2月 is the coming one
        coords = (coords[0] + 1, *coords[1:]) if coords else coords
    kind = "TIME" if "TIME" in (ta.type, tb.type) else "DATE"  # 凌晨1至4时, 週日到下週一清晨: times in it
    end_date = tb.end_date
    if _ends_at_midnight(b_piece.what) and end_date and ta.start_date and end_date > ta.start_date:
        end_date -= timedelta(days=1)  # 至16日24时 ends at the close of the 16th: the 17th is not covered
    time = TimeValue(kind, f"{ta.value}/{tb.value}", None, ta.granularity, ta.start_date, end_date)
    certainty = a.certainty if a.certainty != "stated" else b.certainty
    return Resolved(time, a.anchor or b.anchor, certainty, coords)


def _stated_year(point: Point) -> bool:
    return point.year is not None and point.year.number is not None


def _ends_at_midnight(point: Point) -> bool:
    """24时, 晚上12点, 午夜: the midnight that closes a day (kept as 00:00 of the next)."""
    return point.clock is not None and (point.clock.hour, point.clock.minute) == (0, 0) and point.day_shift == 1


def _says_year(point: Point) -> bool:
    """A year the words give, as a number or from the reference date (2019年, 去年, 今年)."""
    return point.year is not None or point.decade is not None or point.century is not None


def _month_number(point: Point) -> bool:
    """A month written as a number, or the month of a fixed-date holiday (元旦, 国庆)."""
    return (point.month is not None and point.month.number is not None) or isinstance(point.holiday, FixedHoliday)


def _anniversary(anniversary: Anniversary, story: Story) -> Resolved | None:
    """80年前的今天: the reference day, that long ago."""
    ref_day = story.ref_day()
    if ref_day is None:
        return None
    length = anniversary.length
    unit = {"Y": "year", "M": "month", "W": "week", "D": "day"}[length.unit]
    day = cal.shift_date(ref_day, -int(length.amount), unit)
    resolved = day_value(day)
    if anniversary.approx:
        resolved.time = replace(resolved.time, mod="APPROX")
    resolved.anchor, resolved.certainty = "ref_date", "approximate" if anniversary.approx else "relative"
    return resolved


def _same_period(same: SamePeriod, piece: Piece, story: Story) -> Resolved | None:
    """去年同期: the period of the story's last date, a year earlier; with none, last year up to
    the reference day's date (the same part of the year as this year so far)."""
    prev = story.previous(piece.start, scope="paragraph")
    if same.year is not None:  # 2023年同期: the story's period, in 2023
        this_year = prev.year if prev is not None else (story.ref.date.year if story.ref else None)
        if this_year is None or same.year >= this_year:
            return None
        same = replace(same, years_back=this_year - same.year)
    if prev is not None and prev.time.start_date is not None and prev.time.end_date is not None:
        if prev.time.granularity == "day" and story.view[max(0, prev.start - 3):prev.start].endswith(_UP_TO):
            # 截至今年2月10日…去年同期: the total up to that day, a year earlier
            return _year_to_date(prev.time.start_date, same.years_back, prev.id)
        time = _years_later(prev.time, -same.years_back)
        return Resolved(replace(time, mod=None), prev.id, "relative", None)
    ref_day = story.ref_day()
    if ref_day is None:
        return None
    return _year_to_date(ref_day, same.years_back, "ref_date")


_UP_TO = ("截至", "截止", "截止到", "截至到")


def _year_to_date(day: date, years_back: int, anchor: str) -> Resolved:
    """From 1 January to `day`, that many years earlier."""
    start = date(day.year - years_back, 1, 1)
    end = cal.shift_date(day, -years_back, "year")
    time = TimeValue("DATE", f"{start.year:04d}/{end.isoformat()}", None, "year", start, end)
    return Resolved(time, anchor, "relative", None)


def _years_later(time: TimeValue, years: int) -> TimeValue:
    def moved(day: date | None) -> date | None:
        if day is None:
            return None
        try:
            return day.replace(year=day.year + years)
        except ValueError:  # 29 February
            return day.replace(year=day.year + years, day=28)

    def moved_value(value: str) -> str:
        if not value[:4].isdigit():
            return value
        return f"{int(value[:4]) + years:04d}{value[4:]}"

    value = "/".join(moved_value(part) for part in time.value.split("/"))
    return replace(time, value=value, start_date=moved(time.start_date), end_date=moved(time.end_date))


def _distance(ref: date, start: date, end: date) -> int:
    """Days from the reference date to the interval start…end (0 inside it)."""
    return max((start - ref).days, (ref - end).days, 0)


# --- the reference date itself and story words ------------------------------------------

def _reference(reference: Reference, story: Story) -> Resolved:
    ref_day = story.ref_day()
    value, mod, back, ahead = reference.value, reference.mod, reference.back, reference.ahead
    if value == "DAY":
        if ref_day is None:
            return Resolved(TimeValue("DATE", "XXXX-XX-XX", mod, "day"), None, "approximate")
        start = ref_day - timedelta(days=back)
        time = TimeValue("DATE", ref_day.isoformat(), mod, "day", start, ref_day)
        return Resolved(time, "ref_date", "approximate", (ref_day.year, ref_day.month, ref_day.day))
    start = end = ref_day
    if back < 0:
        start = None
    if ahead < 0:
        end = None
    return Resolved(TimeValue("DATE", value, None, None, start, end), "ref_date" if ref_day else None,
                    "relative", None)


def _after(piece: Piece, story: Story) -> Resolved | None:
    """随后/此后: after the previous date in the story, until the end of the period after it."""
    prev = story.previous(piece.start)
    if prev is None or prev.time.start_date is None or prev.time.end_date is None:
        return None
    end = _end_of_next_period(prev.time.end_date, prev.time.granularity or "day")
    time = TimeValue("DATE", prev.time.value.split("T")[0], "AFTER", prev.time.granularity,
                     prev.time.start_date, end)
    return Resolved(time, prev.id, "relative", None)


def _end_of_next_period(end: date, granularity: str) -> date:
    if granularity in ("century", "decade", "year"):
        return date(end.year + 1, 12, 31)
    if granularity in ("half", "quarter", "season", "month"):
        months = {"half": 6, "quarter": 3, "season": 3}.get(granularity, 1)
        year, month = cal.add_months(end.year, end.month, months)
        return date(year, month, cal.last_day(year, month))
    return end + timedelta(days=7)  # a week, a day, a time of day: within the week after


def _same(same: StorySame, piece: Piece, story: Story) -> Resolved | None:
    """当时/那时: the previous date in the story, again; 此时 with none: the reference date; 届时:
    the latest date ahead of the reference date the story has named."""
    prev = story.ahead(piece.start) if same.ahead else story.previous(piece.start)
    if prev is None or prev.time.start_date is None:
        if same.or_now:
            return _reference(Reference("PRESENT_REF", None, 0, 0), story)
        return None
    return Resolved(prev.time, prev.id, "relative", None)


_CLAUSE_END = frozenset("，,。；;：:！!？?、\n （）()「」“”")


def _clause_before(view: str, at: int) -> str:
    """The words right before `at` back to the last punctuation, at most twelve characters."""
    start = at
    while start > 0 and at - start < 12 and view[start - 1] not in _CLAUSE_END:
        start -= 1
    return view[start:at]


def _story_day(story_day: StoryDay, piece: Piece, story: Story) -> Resolved | None:
    """次日/当天/前一天: a day counted from the previous dated day in the story; 当天/当晚 before
    any date: the day of the report."""
    prev = None
    if story_day.days == 0:  # 发现海报被撕毁当天: the day of the happening the sentence before told
        clause = _clause_before(story.view, piece.start)
        if clause:
            prev = story.told_with(piece.start, clause, need_day=True)
    if prev is None:
        prev = story.previous(piece.start, need_day=True)
    if prev is not None:
        day = date(prev.year, prev.month, prev.day) + timedelta(days=story_day.days)
        resolved = day_value(day)
        resolved.anchor, resolved.certainty = prev.id, "relative"
    elif story_day.or_ref and story.ref_day() is not None:  # 当天 before any date: the report's day
        resolved = day_value(story.ref_day() + timedelta(days=story_day.days))
        resolved.anchor, resolved.certainty = "ref_date", "inferred"
    else:
        return None
    return finish(resolved, story_day.at, story) if story_day.at is not None else resolved
