"""Refiners: settle overlaps, join adjacent pieces, read ranges and suffixes.

After `rules.scan` every recogniser has had its say; here the pieces become
the mentions a reader sees: `今年` + `4月份` is one mention, `4月5日` + `到` +
`7日` is one range, `2013年` + `以来` runs up to the reference date.

A refiner that changes a piece adds its name to the piece's rule (`relative-year+month`,
`year+since`, `range(month,day)`); REFINERS lists every such name.
"""

from __future__ import annotations

from dataclasses import replace

from ..lazyre import lazy_compile
from .absolute import WEEKDAY_NUMBERS
from .fragments import CN_DAY
from .lexicon import lexicon
from .numerals import parse_int
from .pieces import (
    LEVEL,
    Day,
    Duration,
    FuzzyYearPart,
    HolidayPeriod,
    Length,
    LunarDay,
    Month,
    Offset,
    Piece,
    Point,
    Qualifier,
    Range,
    Recurrence,
    Reference,
    StoryDay,
    Year,
)

RANGE_JOINERS = lazy_compile(r"\s?(?:至|到|——|-|–|—|~|〜|～)\s?")
_JOINER_STARTS = frozenset("至到-–—~〜～")
_SUFFIXES = [
    ("翌日", "+1"), ("次日", "+1"), ("前一天", "-1"), ("前一日", "-1"), ("当天", "0"), ("当日", "0"),
    ("那个星期", "week"), ("那个礼拜", "week"), ("那一周", "week"), ("那周", "week"), ("当周", "week"),
    ("起至今", "since"), ("以来", "since"), ("至今", "since"), ("迄今", "since"), ("来", "since"),
    ("稍晚", "AFTER"), ("稍后", "AFTER"), ("初时", "START"),
    ("前后", "APPROX"), ("左右", "APPROX"), ("许", "APPROX"),
    ("前夕", "BEFORE"), ("以前", "BEFORE"), ("之前", "BEFORE"),
    ("以后", "AFTER"), ("之后", "AFTER"),
    ("起", "ON_OR_AFTER"), ("开始", "ON_OR_AFTER"),
    ("前", "BEFORE"), ("后", "AFTER"),
]
_DEADLINE_WORDS = frozenset({"前", "以前", "之前"})  # not 前夕: the eve is a day, not a deadline
_SUFFIX_RE = lazy_compile("|".join(word for word, _ in _SUFFIXES))
_SUFFIX_MEANING = dict(_SUFFIXES)
_SUFFIX_NAMES = {"since": "since", "+1": "next-day", "-1": "day-before", "0": "same-day", "week": "week-of"}
_PUNCT = set("，,。.；;：:！!？?、）)」』\n ")
_SINCE_FOLLOWERS = frozenset("，,、。；;首的第最 ")

# The names refiners add to a piece's rule, and what each means (docs/timex.md, "Rules").
REFINERS = {
    "qualifier": "a time zone word before a date (当地时间 + 11月19日)",
    "duration": "a second unit joined to a length (15年 + 6个月)",
    "range": "two dates joined by 至/到/- (range(first,second))",
    "since": "以来/至今 after a date: a range up to the reference date",
    "next-day": "翌日/次日 after a date", "day-before": "前一天 after a date", "same-day": "当天 after a date",
    "approx": "前后/左右/许 after a date",
    "before": "前/以前/之前/前夕 after a date; 前/以前/之前 after a date ahead of the report: from the report to it",
    "after": "后/以后/之后 after a date; 稍晚/稍后 after a day (今天稍晚)", "on_or_after": "起/开始 after a date; after a date already past: from it to the report",
    "start": "初时 after a part of the day (今晚初时)",
    "week-of": "那个星期/那一周/当周 after a day: the week it falls in (10月8日那个星期)",
    "offset": "a length that 前/后/以后/再过 make a date that far away (5年后: duration+offset)",
    "span": "a length that 过去/未来/以来 anchor on the reference date (过去10年: duration+span)",
    "bare-end": "a bare weekday, day or year as a range's second end (周一至五, 2月13到15, 2008.03-2009)",
    "date": "the date in brackets after a day word or a weekday (今天(28日), 周二（16 日）)",
    "holiday": "a holiday's name right after its date (10月1日国庆假期): the date's mention",
    "first-days": "前N天 after a holiday's days off: only the first N days (国庆假期前4天)",
    "habit": "weekdays a rule names (指定的周五, 逢周六, 周五至周日及公众假期): a SET",
    "deadline": "不迟于/不晚于/最迟 before a date: on or before it (不迟于2025年)",
}


def settle(found: list[tuple[Piece, int]]) -> list[Piece]:
    """Keep non-overlapping pieces: leftmost first, then longest, then the higher priority."""
    found.sort(key=lambda item: (item[0].start, item[0].start - item[0].end, -item[1]))  # longest first
    kept: list[Piece] = []
    last_end = 0
    for piece, _priority in found:
        if piece.start >= last_end:
            kept.append(piece)
            last_end = piece.end
    return kept


def compose(pieces: list[Piece], view: str) -> list[Piece]:
    pieces = _attach_qualifiers(pieces, view)
    pieces = _join_durations(pieces, view)
    pieces = _share_into_ranges(pieces, view)
    pieces = _join_points(pieces, view)
    pieces = _join_bracketed(pieces, view)
    if any(isinstance(p.what, Range) and view[p.start - 1:p.start] in _CLOSE for p in pieces):
        pieces = _share_into_ranges(pieces, view)  # 9月28日(周日) + 凌晨1至6时, once the bracket has joined
    pieces = [p for p in pieces if not (isinstance(p.what, Point) and p.what.weak)]
    pieces = _drop_covered(_read_suffixes(_deadlines(pieces, view), view))
    pieces = _bracketed_ranges(_join_ranges(pieces, view), view)
    return _sets_take_their_times(_habitual_weekdays(pieces, view), view)


_LATEST_WORDS = ("不迟于", "不晚于", "不得晚于", "最迟于", "最晚于", "最迟在", "最晚在", "最迟", "最晚", "至迟")


def _deadlines(pieces: list[Piece], view: str) -> list[Piece]:
    """不迟于2025年, 最迟11月11日: the date is the latest it may happen (ON_OR_BEFORE), one mention."""
    for piece in pieces:
        point = piece.point
        if point is None or point.mod is not None or point.since or piece.start < 2:
            continue
        before = view[max(0, piece.start - 4):piece.start]
        word = next((w for w in _LATEST_WORDS if before.endswith(w)), None)
        if word is not None:
            point.mod = "ON_OR_BEFORE"
            piece.start -= len(word)
            piece.rule += "+deadline"
    return pieces


def _bracketed_ranges(pieces: list[Piece], view: str) -> list[Piece]:
    """上周末(7月29日至31日), 下周(3月2日至6日), 上周二至周三（7日至8日）: the days in brackets say
    which days the week words mean; one mention, the bracketed range's."""
    out: list[Piece] = []
    for piece in pieces:
        prev = out[-1] if out else None
        if (prev is not None and isinstance(piece.what, Range)
                and piece.start == prev.end + 1 and view[prev.end] in _OPEN and view[piece.end:piece.end + 1] in _CLOSE
                and (_week_words(prev.what) or (isinstance(prev.what, Range) and _week_words(prev.what.first.what)
                                                and _week_words(prev.what.second.what)))):
            out[-1] = Piece(prev.start, piece.end + 1, f"{prev.rule}+date", piece.what, piece.levels)
            continue
        out.append(piece)
    return out


def _week_words(what) -> bool:
    """A week, weekend or weekday named without its month or day (上周, 周末, 周三)."""
    return (type(what) is Point and (what.week is not None or what.weekend or bool(what.weekday))
            and what.month is None and what.day is None)


def _weekday_code(point) -> str | None:
    """XXXX-WXX-5 for a bare weekday (周五), XXXX-WXX-WE for a bare weekend; None for anything dated."""
    if not isinstance(point, Point) or point.month is not None or point.day is not None or point.week is not None:
        return None
    if point.weekday:
        code = f"XXXX-WXX-{point.weekday}"
    elif point.weekend:
        code = "XXXX-WXX-WE"
    else:
        return None
    if point.clock is not None:
        code += f"T{point.clock.hour:02d}:{point.clock.minute:02d}"
    return code


def _habitual_code(piece: Piece) -> str | None:
    if isinstance(piece.what, Range):
        first, second = _weekday_code(piece.what.first.what), _weekday_code(piece.what.second.what)
        return f"{first}/{second}" if first and second else None
    return _weekday_code(piece.what)


def _habitual_weekdays(pieces: list[Piece], view: str) -> list[Piece]:
    """在指定的周五及周六晚11时关闭, 周五至周日及公众假期不接受…: weekdays a rule names (指定, 逢) or
    counts with the public holidays are a habit, one SET each, and so is a weekday listed right
    after one (及周六晚11时)."""
    if "指定" not in view and "逢" not in view and "假" not in view:  # every cue holds one (the common case)
        return pieces
    words = lexicon()["habitual_weekday"]
    out: list[Piece] = []
    for piece in pieces:
        code = _habitual_code(piece) if "周" in view[piece.start:piece.end] or "星期" in view[piece.start:piece.end] \
            or "礼拜" in view[piece.start:piece.end] else None
        if code is not None:
            before = view[max(0, piece.start - 3):piece.start]
            after = view[piece.end:piece.end + 6]
            listed = bool(out) and isinstance(out[-1].what, Recurrence) and out[-1].what.value.startswith("XXXX-W") \
                and view[out[-1].end:piece.start] in words["joiners"]
            if (any(before.endswith(w) for w in words["before"])
                    and not (before.endswith("逢") and before[-2:-1] in words["not_before_feng"])) \
                    or any(after.startswith(w) for w in words["after"]) or listed:
                piece = Piece(piece.start, piece.end, piece.rule + "+habit", Recurrence(code), piece.levels)
        out.append(piece)
    return out


def _sets_take_their_times(pieces: list[Piece], view: str) -> list[Piece]:
    """每天晚上8点, 每年9月到11月, 每年母亲节: the times after 每… say when it recurs; one SET."""
    out: list[Piece] = []
    for piece in pieces:
        prev = out[-1] if out else None
        if (prev is not None and isinstance(prev.what, Recurrence) and isinstance(piece.what, (Point, Range))
                and _adjacent(prev, piece, view)):
            prev.end = piece.end
            prev.rule = f"{prev.rule}+{piece.rule}"
            continue
        out.append(piece)
    return out


def _drop_covered(pieces: list[Piece]) -> list[Piece]:
    """A suffix read into a piece (圣诞节 + 翌日) swallows the piece that recognised it alone."""
    out: list[Piece] = []
    for piece in pieces:
        if out and piece.start < out[-1].end:
            continue
        out.append(piece)
    return out


def _adjacent(a: Piece, b: Piece, view: str) -> bool:
    gap = view[a.end:b.start]
    return gap == "" or (len(gap) == 1 and gap.isspace() and gap not in "\n\r")  # a line break parts them


def _attach_qualifiers(pieces: list[Piece], view: str) -> list[Piece]:
    out: list[Piece] = []
    pending: Piece | None = None
    for piece in pieces:
        if isinstance(piece.what, Qualifier):
            pending = piece
            continue
        if pending is not None and piece.point is not None and _adjacent(pending, piece, view):
            piece.point.qualifier = pending.what.zone
            piece.start = pending.start
            piece.rule = "qualifier+" + piece.rule
        pending = None
        out.append(piece)
    return out


_OPEN, _CLOSE = "(（", ")）"


def _apposition_end(prev: Piece, piece: Piece, view: str) -> int | None:
    """Where a note beside a dated day ends, or None: a weekday (11月20日（周四）, 6月1日周六, a time
    stamp's 2014-03-05 09:47:08 星期三) or, in brackets, the day in the lunar calendar (1月24日(年廿五)).

    The date says which day; the note only repeats it, so it joins the date and is not read.
    """
    date, note = prev.what, piece.what
    if not (isinstance(date, Point) and isinstance(note, Point) and date.day is not None
            and date.daypart is None):
        return None
    weekday = note.weekday is not None and note.week is None and note.day is None
    lunar = isinstance(note.holiday, LunarDay) and note.year is None
    gap = view[prev.end:piece.start]
    if date.clock is not None and not (weekday and gap == " " and view[prev.end - 1:prev.end].isdigit()):
        return None  # a time stamp's weekday (2014-03-05 09:47:08 星期三) only
    if weekday and (gap == "" or gap == " "):
        end = piece.end
    elif (weekday or lunar) and gap in _OPEN and view[piece.end:piece.end + 1] in _CLOSE:
        end = piece.end + 1
    else:
        return None
    if weekday:
        date.weekday_note = note.weekday
    return end


def _bracketed_date(prev: Piece, piece: Piece, view: str) -> bool:
    """今天(28日), 明日（10日）, 今早(7 月 3 日), 周二（16 日）, 上周三(10月12日): a day word or a weekday
    with the date in brackets after it. The bracketed date says which day; a day word keeps its
    part of the day, a weekday becomes the note that picks the date's month (14日(周三))."""
    word, date = prev.what, piece.what
    if (view[prev.end:piece.start] not in _OPEN or view[piece.end:piece.end + 1] not in _CLOSE
            or date.day is None or date.day.number is None or date.clock is not None or date.daypart is not None
            or date.weekday is not None or word.month is not None or word.year is not None
            or word.clock is not None or word.holiday is not None):
        return False
    if word.day is not None and word.day.rel is not None:
        if date.month is None and date.year is None:
            word.day.check = date.day.number  # 今天(28日): the number wins if the two disagree
            return True
    elif word.weekday is None or word.day is not None:
        return False
    else:
        word.weekday_note, word.weekday, word.week = word.weekday, None, None
    word.day, word.month, word.year = date.day, date.month, date.year
    return True


def _weekday_note(piece: Piece, view: str) -> bool:
    """10/18(六), 10月18日（日）: a weekday alone in brackets after a dated day is its note; so is
    the day in the lunar calendar (2月18日（初二）, 1月24日(年廿五)) in any story."""
    date, end = piece.what, piece.end
    if date.day is None or date.day.number is None or date.clock is not None or date.daypart is not None:
        return False
    lunar = _LUNAR_NOTE.match(view, end) if date.month is not None else None
    if lunar is not None:
        piece.end = lunar.end()
        return True
    number = WEEKDAY_NUMBERS.get(view[end + 1:end + 2])
    if number is None or view[end + 2:end + 3] not in _CLOSE or date.weekday_note is not None:
        return False
    date.weekday_note = number
    piece.end = end + 3
    return True


_LUNAR_NOTE = lazy_compile(r"[(（](?:农历|阴历)?(?:[正一二三四五六七八九十冬腊]{1,2}月)?"
                           r"(?:初[一二三四五六七八九十]|十[一二三四五六七八九]|廿[一二三四五六七八九]?|二十[一二三四五六七八九]?"
                           r"|三十|年廿[一二三四五六七八九]?|年三十|除夕|大年初[一二三四五六七八九十])[)）]")


def _join_bracketed(pieces: list[Piece], view: str) -> list[Piece]:
    """今天(28日), 周二（16 日）: one piece each, once the dates in brackets are whole (1月 + 23日);
    then a time after the bracket joins it (今天(1月23日)6时)."""
    out: list[Piece] = []
    joined = False
    for piece in pieces:
        if view[piece.end:piece.end + 1] in _OPEN and type(piece.what) is Point:
            joined = _weekday_note(piece, view) or joined
        prev = out[-1] if out else None
        if (prev is not None and piece.start == prev.end + 1 and type(prev.what) is Reference
                and prev.what.value == "DAY" and type(piece.what) is Point and piece.levels[1] == LEVEL["day"]
                and view[prev.end] in _OPEN and view[piece.end:piece.end + 1] in _CLOSE
                and piece.what.day is not None and piece.what.clock is None):
            # 日前（17日）, 近日(15日): the bracketed date says which day
            piece.start, piece.end, piece.rule = prev.start, piece.end + 1, f"{prev.rule}+date"
            out[-1] = piece
            joined = True
            continue
        if (prev is not None and piece.start == prev.end + 1 and type(prev.what) is Point
                and type(piece.what) is Point and piece.levels[1] == LEVEL["day"]
                and _bracketed_date(prev, piece, view)):
            prev.levels = (min(prev.levels[0], piece.levels[0]), max(prev.levels[1], LEVEL["day"]))
            prev.end = piece.end + 1
            prev.rule += "+date"
            joined = True
            continue
        out.append(piece)
    return _join_points(out, view) if joined else out


def _time_after_day(prev: Piece, piece: Piece, view: str) -> bool:
    """明天下午, 5月3日的晚上8点, 三天后的3时: a time of day on the day before it. Across 的 the
    time must say more than a bare hour (明天的3点 may be a count)."""
    before, time = prev.what, piece.what
    gap = view[prev.end:piece.start]
    if isinstance(before, Point):  # a day and a time side by side are joined below; here only across 的
        if gap != "的" or prev.levels[1] != LEVEL["day"]:
            return False
    elif isinstance(before, (Offset, StoryDay)):  # 三天后下午, 3天前晚上近7时, 次日上午, 当晚8时
        if isinstance(before, Offset) and (before.length.unit != "D" or before.length.vague):
            return False
        if before.at is not None and (before.at.clock is not None or before.at.overlaps(time)):
            return False
    else:
        return False
    if not (isinstance(time, Point) and piece.levels[0] >= LEVEL["daypart"] and not time.has_date):
        return False
    if gap == "的":
        return not time.weak
    return _adjacent(prev, piece, view)


def _date_in_offset_year(prev: Piece, piece: Piece, view: str) -> bool:
    """2年前的9月25日, 三年后的今天 aside: a month (and day) of the year that many years away."""
    offset, point = prev.what, piece.what
    return (isinstance(offset, Offset) and type(point) is Point and view[prev.end:piece.start] in ("的", "")
            and offset.length.unit == "Y" and offset.length.plain and offset.length.amount == int(offset.length.amount)
            and not offset.story and point.month is not None and point.year is None and point.week is None)


def _evening_after_day(prev: Piece, piece: Piece, view: str) -> bool:
    """5月3日当晚: the night of the day just written."""
    return (isinstance(piece.what, StoryDay) and piece.what.days == 0 and piece.what.at is not None
            and isinstance(prev.what, Point) and prev.levels[1] == LEVEL["day"] and prev.what.daypart is None
            and prev.what.clock is None and _adjacent(prev, piece, view))


def _join_points(pieces: list[Piece], view: str) -> list[Piece]:
    """今年 + 4月份, 5月3日 + 的晚上, 三天后 + 下午, 11月20日 + （周四）: one piece each."""
    out: list[Piece] = []
    day = LEVEL["day"]
    for piece in pieces:
        if not out or piece.start - out[-1].end > 1:  # nothing to join (most pieces)
            out.append(piece)
            continue
        prev = out[-1]
        if type(prev.what) is Point and type(piece.what) is Point:  # the common case first
            if view[prev.end:piece.start] == "的":
                joined = _time_after_day(prev, piece, view)
            elif piece.levels[1] == day and (end := _apposition_end(prev, piece, view)) is not None:
                prev.end = end
                prev.rule = f"{prev.rule}+{piece.rule}"
                continue
            elif (piece.what.holiday is not None and piece.start == prev.end and prev.levels[1] == day
                  and prev.what.day is not None and prev.what.day.number is not None and prev.what.clock is None):
                prev.end = piece.end  # 10月1日国庆假期: the holiday's name only says what the day is
                prev.rule += "+holiday"
                continue
            elif prev.levels[0] == LEVEL["clock"] and piece.levels[0] == LEVEL["year"] and piece.levels[1] == day:
                # 12:17am 27/09/2025: a page stamp that gives the time first
                joined = _adjacent(prev, piece, view) and not prev.what.overlaps(piece.what)
                if joined:
                    prev.levels = (piece.levels[0], piece.levels[0])  # levels[1] is set below
                    piece.levels = (piece.levels[0], LEVEL["clock"])
            else:
                joined = (prev.levels[1] < piece.levels[0] and _adjacent(prev, piece, view)
                          and not prev.what.overlaps(piece.what))
            if joined:
                prev.what.merge(piece.what)
                prev.levels = (prev.levels[0], piece.levels[1])
                prev.end = piece.end
                prev.rule = f"{prev.rule}+{piece.rule}"
            else:
                out.append(piece)
            continue
        if _date_in_offset_year(prev, piece, view):  # 2年前的9月25日
            point = piece.what
            point.year = Year(rel=int(prev.what.length.amount) * prev.what.direction)
            piece.start, piece.rule = prev.start, f"{prev.rule}+{piece.rule}"
            piece.levels = (LEVEL["year"], piece.levels[1])
            out[-1] = piece
            continue
        if _evening_after_day(prev, piece, view):
            prev.what.merge(piece.what.at)
            prev.levels = (prev.levels[0], LEVEL["daypart"])
        elif _time_after_day(prev, piece, view):
            if prev.what.at is None:  # 三天后下午, 次日上午, 当晚8时
                prev.what.at = piece.what
            else:
                prev.what.at.merge(piece.what)
        else:
            out.append(piece)
            continue
        prev.end = piece.end
        prev.rule = f"{prev.rule}+{piece.rule}"
    return out


_SMALLER = {"Y": ("M", "W", "D"), "M": ("W", "D"), "W": ("D",), "D": ("H",), "H": ("MIN",), "MIN": ("S",)}
_MINUTES_AFTER_HOURS = lazy_compile(r"零?(\d{1,2}|[一二三四五六七八九十]{1,3})分(?:钟)?")


def _join_durations(pieces: list[Piece], view: str) -> list[Piece]:
    """15年6个月, 3年零4个月, 2小时12分: one length in several units; 3天——8天, 3年以上7年以下:
    one length between two bounds."""
    out: list[Piece] = []
    for piece in pieces:
        if not isinstance(piece.what, Duration):
            out.append(piece)
            continue
        prev = out[-1] if out else None
        if prev is not None and isinstance(prev.what, Duration) and _bounded(prev, piece, view):
            continue
        length = _plain_length(piece)
        prev_length = _plain_length(prev) if prev is not None else None
        if (
            length is not None and prev_length is not None
            and view[prev.end:piece.start] in ("", "零", "又")
            and length.unit in _SMALLER.get(prev_length.unit, ())
        ):
            if not prev_length.parts:
                prev_length.parts = ((prev_length.amount, prev_length.unit),)
            prev_length.parts += ((length.amount, length.unit),)
            prev.end = piece.end
            prev.rule += "+duration"
            _minutes_after(prev, view)
            continue
        if length is not None:
            _minutes_after(piece, view)
        out.append(piece)
    return out


def _minutes_after(piece: Piece, view: str) -> None:
    """2小时12分, 36天5小时30分: minutes written without 钟 after hours."""
    length = piece.what.length
    last_unit = length.parts[-1][1] if length.parts else length.unit
    if last_unit != "H":
        return
    m = _MINUTES_AFTER_HOURS.match(view, piece.end)
    if m:
        minutes = parse_int(m.group(1))
        if minutes is not None and minutes < 60:
            length.parts = (length.parts or ((length.amount, "H"),)) + ((float(minutes), "MIN"),)
            piece.end = m.end()


_TO_DAYS = {"W": 7, "D": 1}


def _bounded(prev: Piece, piece: Piece, view: str) -> bool:
    """Join 3天——8天 or 3年以上7年以下 into prev: a length between two bounds."""
    low, high = prev.what.length, piece.what.length
    if low.amount is None or high.amount is None or low.parts or high.parts or low.amount_max or high.amount_max:
        return False
    gap = view[prev.end:piece.start]
    if low.mod == "MORE_THAN" and high.mod == "LESS_THAN" and gap in ("", ",", "，", " "):
        pass  # 3年以上7年以下
    elif not (low.mod is None and high.mod is None and RANGE_JOINERS.fullmatch(gap)):
        return False
    if low.unit == high.unit:
        upper = high.amount
    elif low.unit in _TO_DAYS and high.unit in _TO_DAYS:  # 13天—8周: in days
        low.amount, low.unit = low.amount * _TO_DAYS[low.unit], "D"
        upper = high.amount * _TO_DAYS[high.unit]
    else:
        return False
    if upper <= low.amount:
        return False
    low.amount_max, low.mod = upper, None
    prev.end = piece.end
    prev.rule += "+duration"
    return True


def _plain_length(piece: Piece) -> Length | None:
    """The length of a bare duration that may take a second unit."""
    if isinstance(piece.what, Duration) and piece.what.length.plain:
        return piece.what.length
    return None


def _share_into_ranges(pieces: list[Piece], view: str) -> list[Piece]:
    """114年1至10月, 3月5至7日: the date before a shared range belongs to both its ends, and so do
    the coarser dates right before that one (9月 + 28日 + 凌晨1至6时)."""
    out: list[Piece] = []
    for piece in pieces:
        if not isinstance(piece.what, Range):
            out.append(piece)
            continue
        while out and isinstance(out[-1].what, Point) and _adjacent(out[-1], piece, view) \
                and out[-1].levels[1] < piece.levels[0]:
            prev = out.pop()
            for end in (piece.what.first, piece.what.second):
                shared = prev.what.copy()
                shared.merge(end.what)
                end.what = shared
                end.levels = (prev.levels[0], end.levels[1])
            piece.start = prev.start
            piece.levels = (prev.levels[0], piece.levels[1])
            piece.rule = f"{prev.rule}+{piece.rule}"
        out.append(piece)
    return out


def _read_suffixes(pieces: list[Piece], view: str) -> list[Piece]:
    for piece in pieces:
        point = piece.point
        if point is None:
            continue
        if isinstance(point.holiday, HolidayPeriod) and point.holiday.first_days is None:
            first = _FIRST_DAYS.match(view, piece.end)
            count = parse_int(first.group("n")) if first else None
            if count and 1 <= count <= 15:  # 国庆假期前4天: the first four days of the holiday
                point.holiday = replace(point.holiday, first_days=count)
                piece.end = first.end()
                piece.rule += "+first-days"
                continue
        m = _SUFFIX_RE.match(view, piece.end)
        if m is None:
            continue
        word = m.group()
        meaning = _SUFFIX_MEANING[word]
        following = view[piece.end + len(word):piece.end + len(word) + 1]
        if not _suffix_applies(word, following, view, piece):
            continue
        if meaning in ("+1", "-1", "0"):
            point.day_shift = int(meaning)
        elif meaning == "week":
            if point.day is None or point.clock is not None or point.daypart is not None:
                continue
            point.week_of = True
        elif meaning == "since":
            point.since = True
        elif meaning == "APPROX" and word == "许":
            point.approx = True
        elif meaning == "START" and point.daypart is None:
            continue  # 初时 only after a part of the day
        elif isinstance(point.year_part, FuzzyYearPart) or point.month_part is not None \
                or point.mod is not None or _era_part(point):
            if word not in _DEADLINE_WORDS:
                continue  # 年底左右: the part already says where in the period
            point.deadline = True  # 年底前: the part keeps its mod; the window is the deadline's
        else:
            point.mod = meaning
            point.deadline = word in _DEADLINE_WORDS
        piece.end += len(word)
        piece.rule += "+" + _SUFFIX_NAMES.get(meaning, meaning.lower())
    return pieces


_FIRST_DAYS = lazy_compile(r"前(?P<n>[一二两三四五六七八九十]{1,3}|\d{1,2})个?(?:天|日)")


def _era_part(point: Point) -> bool:
    return (point.century is not None and point.century.mod is not None) or (
        point.decade is not None and point.decade.mod is not None)


def _suffix_applies(word: str, following: str, view: str, piece: Piece) -> bool:
    exclusions = lexicon()["exclusions"]
    if word == "至今":
        return following != "年"  # 去年12月至今年2月: 至 + 今年, a range to this year's February
    if word == "来":  # 今年来首个寒潮: 今年以来; not 今年来华 (came to China this year)
        return piece.levels[1] == LEVEL["year"] and following in _SINCE_FOLLOWERS
    if word == "后":
        return following not in exclusions["after_suffix"] or following == ""
    if word == "前":
        return following not in exclusions["before_suffix"] or following == ""
    if word in ("起", "开始"):
        before = view[max(0, piece.start - 1):piece.start]
        if before in ("自", "从", "由") or following in _PUNCT or following == "":
            return True
        # 12月8日起上路, 明天起实施: 起 starts what follows, unless it makes a word (起飞, 起草)
        return word == "起" and following not in exclusions["from_after"]
    return True


def _join_ranges(pieces: list[Piece], view: str) -> list[Piece]:
    out: list[Piece] = []
    i = 0
    while i < len(pieces):
        a = pieces[i]
        after = view[a.end:a.end + 5]
        if after.lstrip()[:1] not in _JOINER_STARTS and not _FROM_JOINER.match(after):  # most pieces
            out.append(a)
            i += 1
            continue
        b = pieces[i + 1] if i + 1 < len(pieces) else None
        if b is not None and _next_year_end(a, b):
            b = _without_year(b)  # 12月至隔年2月: the range crosses the year end, which the ends show
        elif b is not None and _this_year_start(a, b):
            a = _in_this_year(a)  # 11月9日至明年2月13日: the first end is this year's
        if (b is not None and isinstance(a.what, Point) and a.what.mod == "ON_OR_AFTER"
                and view[max(0, a.end - 2):a.end].endswith(("起", "开始")) and not a.what.since):
            first = a.what.copy()  # 今天起至10月7日止: from today to 7 October, one range
            first.mod = None
            a = Piece(a.start, a.end, a.rule, first, a.levels)
        if (
            b is not None and b.start - a.end <= 7
            and isinstance(a.what, Point) and isinstance(b.what, Point)
            and not a.what.since and a.what.mod is None
            and (RANGE_JOINERS.fullmatch(view[a.end:b.start]) or _FROM_JOINER.fullmatch(view[a.end:b.start]))
            and (b.levels[0] >= a.levels[0] or _from_day_word(a, b) or _day_word_to_weekday(a, b)
                 or _weekday_to_weekday(a, b))
        ):
            out.append(Piece(a.start, b.end, f"range({a.rule},{b.rule})", Range(a, _borrow(a, b))))
            i += 2
            continue
        bare = _bare_second_end(a, view)
        if bare is not None and (b is None or b.start >= bare.end or b.end <= bare.end):
            out.append(Piece(a.start, bare.end, f"range({a.rule},{bare.rule})", Range(a, _borrow(a, bare))))
            i += 1
            while i < len(pieces) and pieces[i].end <= bare.end:  # 3月 of 2015.03-2016年3月
                i += 1
            continue
        if b is not None and _ends_on_story_day(a, b, view):
            at = b.what.at
            levels = (LEVEL["daypart"] if at.daypart else LEVEL["clock"], LEVEL["clock"] if at.clock else LEVEL["daypart"])
            second = _borrow(a, Piece(b.start, b.end, b.rule, at, levels))
            second.what.day_shift = b.what.days
            out.append(Piece(a.start, b.end, f"range({a.rule},{b.rule})", Range(a, second)))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


# 今天起至10月7日止: 起 before the joiner (from today to 7 October); 昨天开始一直到本周三: 一直 (all the
# way) before it
_FROM_JOINER = lazy_compile(r"(?:(?:起|开始)\s?(?:一直(?:持续)?)?|一直(?:持续)?)(?:至|到)\s?")
_BARE_YEAR = lazy_compile(r"\s?(?:至|到|-|–|—|~)\s?(?P<n>(?:19|20)\d\d)(?:年(?:(?P<m>1[0-2]|0?[1-9])月(?:份)?)?)?(?![\d.%．年元万亿千百人名个只家件次台辆号吨米克岁股位多余一二三四五六七八九十初底末中])")
_BARE_WEEKDAY = lazy_compile(r"\s?(?:至|到|-|~|—)\s?(?P<n>[一二三四五六日天])(?![一二三四五六七八九十\d年月日号天点时个周])")
_BARE_DAY = lazy_compile(r"\s?(?:至|到|-|~|—)\s?(?P<n>3[01]|[12]\d|0?[1-9]|" + CN_DAY + r")(?=\s?(?:[，,。；;、]|$))")


def _next_year_end(a: Piece, b: Piece) -> bool:
    """12月至隔年2月, 11月至翌年3月: a month without a year, then the next year's month."""
    first, second = a.point, b.point
    return (first is not None and second is not None and first.year is None and first.month is not None
            and second.year is not None and second.year.story == 1 and second.month is not None
            and second.month.number is not None and first.month.number is not None
            and second.month.number < first.month.number)


def _from_day_word(a: Piece, b: Piece) -> bool:
    """今天至10月7日, 明日起到5月3日, 下周一(10日)至2月21日: a day word or a weekday of a named week,
    then a date with its month (the day word's month is the report's)."""
    first, second = a.point, b.point
    day_word = first is not None and (
        (first.day is not None and first.day.rel is not None)
        or (first.weekday is not None and first.week is not None)  # 下周三至3月5日
        or (first.day is not None and first.weekday_note is not None))  # 下周一(10日)至2月21日
    return (day_word and first.month is None and first.year is None and second.year is None
            and second.month is not None and second.day is not None)


def _day_word_to_weekday(a: Piece, b: Piece) -> bool:
    """昨天开始一直到本周三, 今天起至周五: a day word, then a weekday (of the report's week, or the
    one the week word names)."""
    first, second = a.point, b.point
    return (first is not None and second is not None and first.day is not None and first.day.rel is not None
            and first.month is None and first.year is None and second.weekday is not None
            and second.month is None and second.day is None)


def _weekday_to_weekday(a: Piece, b: Piece) -> bool:
    """週日到下週一清晨, 周五至下周二: a weekday, then a weekday of the week after (at a time of day)."""
    first, second = a.point, b.point
    return (first is not None and second is not None and first.weekday is not None and second.weekday is not None
            and first.month is None and first.day is None and second.month is None and second.day is None
            and first.clock is None and first.daypart is None)


def _this_year_start(a: Piece, b: Piece) -> bool:
    """11月9日至明年2月13日: a month without a year, then next year's month (明年: from the report)."""
    first, second = a.point, b.point
    return (first is not None and second is not None and first.year is None and first.month is not None
            and second.year is not None and second.year.rel == 1 and second.month is not None
            and b.start - a.end <= 3)


def _in_this_year(a: Piece) -> Piece:
    first = a.point.copy()
    first.year = Year(rel=0)
    return Piece(a.start, a.end, a.rule, first, (LEVEL["year"], a.levels[1]))


def _without_year(b: Piece) -> Piece:
    second = b.point.copy()
    second.year = None
    return Piece(b.start, b.end, b.rule, second, (LEVEL["month"], b.levels[1]))


def _bare_second_end(a: Piece, view: str) -> Piece | None:
    """周一至五, 2月13到15: the second end is a bare weekday or day number; the first says which."""
    point = a.point
    if point is None or point.mod is not None or point.since or point.clock or point.daypart:
        return None
    if point.weekday is not None and point.day is None:
        m = _BARE_WEEKDAY.match(view, a.end)
        if m is None:
            return None
        number = WEEKDAY_NUMBERS[m.group("n")]
        if number <= point.weekday:
            return None
        second = Point(weekday=number)
    elif (point.year is not None and point.year.number is not None and point.year.reading == "ce"
          and point.month is not None and point.day is None and a.levels[1] == LEVEL["month"]):
        # 2008.03-2009: after a year and month, a bare four-digit year closes the range
        m = _BARE_YEAR.match(view, a.end)
        number = int(m.group("n")) if m else None
        if number is None or not point.year.number < number <= point.year.number + 30:
            return None
        second, level = Point(year=Year(number)), LEVEL["year"]
        if m.group("m"):  # 2015.03-2016年3月
            second.month, level = Month(int(m.group("m"))), LEVEL["month"]
        return Piece(m.start("n"), m.end(), "bare-end", second, (LEVEL["year"], level))
    elif point.day is not None and point.day.number is not None and a.levels[1] == LEVEL["day"]:
        m = _BARE_DAY.match(view, a.end)
        number = parse_int(m.group("n")) if m else None
        if number is None or not point.day.number < number <= 31:
            return None
        second = Point(day=Day(number))
    else:
        return None
    start = m.start("n")
    return Piece(start, m.end(), "bare-end", second, (LEVEL["day"], LEVEL["day"]))


def _ends_on_story_day(a: Piece, b: Piece, view: str) -> bool:
    """13:20至次日05:40, 夜间至次日上午: the second end is a time of the day after the first end's."""
    return (
        isinstance(a.what, Point) and isinstance(b.what, StoryDay) and b.what.at is not None
        and a.what.mod is None and not a.what.since and a.what.day_shift is None
        and a.levels[1] >= LEVEL["daypart"]
        and b.start - a.end <= 3 and RANGE_JOINERS.fullmatch(view[a.end:b.start]) is not None
    )


def _borrow(a: Piece, b: Piece) -> Piece:
    """The second end of 4月5日到7日 takes the month (and year) the first end gives."""
    first, second = a.point, b.point.copy()
    levels = b.levels
    if second.year is None and b.levels[0] > 2:
        if first.year is not None:
            # 2025年12月31日至1月2日 may still cross into the next year
            second.year = replace(first.year, borrowed=True)
        levels = (min(levels[0], a.levels[0]), levels[1])
    if second.month is None and b.levels[0] >= 6 and second.week is None and first.month is not None:
        second.month = first.month
    if second.weekday is not None and second.week is None and first.week is not None:
        second.week = first.week  # 下周一至周三: the same week
    if b.levels[0] >= LEVEL["daypart"]:
        # 9日0时至18时, 今晚8点至8点半: a time alone takes the first end's day, and its part of the day
        for name in _DAY_SLOTS:
            if getattr(second, name) in (None, False):
                setattr(second, name, getattr(first, name))
        if second.daypart is None and second.clock is not None:
            second.daypart = first.daypart
        levels = (min(levels[0], a.levels[0]), levels[1])
    return Piece(b.start, b.end, b.rule, second, levels)


_DAY_SLOTS = ("year", "month", "week", "weekday", "day", "holiday")
