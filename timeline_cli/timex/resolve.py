"""Resolution: turn composed pieces into TimeML values and calendar intervals.

Pieces are resolved in text order, because the story matters: 同年 and 随后
look back at the nearest earlier date, a bare 6月份 takes the year of the
paragraph it sits in, and only when the story says nothing does the reference
date decide (nudged by the tense of the clause: 将 forward, 了/已 back).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from ..model import Mention, RefDate, TimeValue
from . import calendar as cal
from .lexicon import alternation, lexicon
from .recognise import Piece

_CLAUSE_BREAK = re.compile(r"[，,。；;！!？?\n]")
_SENTENCE_BREAK = re.compile(r"[。！!？?\n]")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u3000]*\n")
_LOOK_BACK = 200  # dates a story word may look back over
# A date only days ahead stays ahead under 已/了 (圣诞节前夕…已布置好): the cue is about preparations.
_PAST_MARGIN = timedelta(days=14)


class Unresolvable(Exception):
    """The words are not a real date (2月30日, 民国0年): drop the mention."""


@dataclass(frozen=True, slots=True)
class StoryPoint:
    id: str
    start: int
    time: TimeValue
    paragraph: int
    sentence: int
    year: int
    month: int | None
    day: int | None


@dataclass(slots=True)
class Resolved:
    time: TimeValue
    anchor: str | None = None
    certainty: str = "stated"
    coords: tuple[int, int | None, int | None] | None = None  # year, month, day for the story


class Story:
    """What resolution needs to know about the text around a piece."""

    def __init__(self, view: str, ref: RefDate | None):
        self.view = view
        self.ref = ref
        self.points: list[StoryPoint] = []
        self._paragraphs = [m.end() for m in _PARAGRAPH_BREAK.finditer(view)]
        self._sentences = [m.end() for m in _SENTENCE_BREAK.finditer(view)]

    def paragraph(self, offset: int) -> int:
        return bisect_right(self._paragraphs, offset)

    def sentence(self, offset: int) -> int:
        return bisect_right(self._sentences, offset)

    def previous(self, at: int, *, scope: str = "story", need_month: bool = False,
                 need_day: bool = False) -> StoryPoint | None:
        """The date a story word at offset `at` refers back to.

        Within the same sentence, the nearest earlier date. Before that, the first date of
        the nearest earlier sentence that has one: a sentence's leading date is its topic
        (2023年3月，…押后至2025年年底。同年8月 → 2023), later ones are complements.
        `scope` limits the search to the sentence or paragraph of `at`.
        """
        sentence, paragraph = self.sentence(at), self.paragraph(at)
        found: StoryPoint | None = None
        # Points arrive in text order: walk back from the newest, at most _LOOK_BACK of them,
        # so resolution stays linear in the number of dates however long the text.
        for steps, point in enumerate(reversed(self.points)):
            if steps >= _LOOK_BACK:
                break
            if point.start >= at:
                continue
            if found is not None and point.sentence != found.sentence:
                break  # `found` is the first usable date of its sentence
            if (need_month and point.month is None) or (need_day and point.day is None):
                continue
            if point.sentence == sentence:
                return point
            if scope == "sentence" or (scope == "paragraph" and point.paragraph != paragraph):
                return None
            found = point
        return found

    def ref_day(self) -> date | None:
        if self.ref is None or self.ref.precision != "day":
            return None
        return self.ref.date

    def tense(self, start: int, end: int) -> int:
        return self.tense_cue(start, end)[0]

    def tense_cue(self, start: int, end: int) -> tuple[int, bool]:
        """(direction, whether the cue came before the date) — see tense()."""
        clause_start = start - 60
        for m in _CLAUSE_BREAK.finditer(self.view, max(0, start - 60), start):
            clause_start = m.end()
        clause_start = max(clause_start, 0)
        own_end = stop = end
        for step in range(2):
            m = _CLAUSE_BREAK.search(self.view, stop, stop + 80)
            stop = m.end() if m else min(len(self.view), stop + 80)
            if step == 0:
                own_end = stop
            if m is None or m.group() in "。！!？?\n":
                break
        pattern, direction = _tense_cues()
        best: tuple[int, int, bool] | None = None
        for m in pattern.finditer(self.view, clause_start, start):
            best = (start - m.end(), direction[m.group()], True)  # the last one before is the nearest
        for m in pattern.finditer(self.view, end, stop):
            sign = direction[m.group()]
            if sign > 0 and m.start() >= own_end:
                continue
            if best is None or m.start() - end < best[0]:
                best = (m.start() - end, sign, False)
            break
        return (0, False) if best is None else (best[1], best[2])

    # tense(): +1 when the words around look ahead (将, 计划), -1 when they look back (了, 已),
    # else 0. Past cues count in the mention's clause and the one after it (周三，央行宣布了降准
    # puts the verb after the comma); future cues only in its own clause, since a plan in the
    # next clause (于10月1日就任，并宣布将于…) is usually another event. The nearest cue wins.


@lru_cache(maxsize=1)
def _tense_cues() -> tuple[re.Pattern, dict[str, int]]:
    cues = lexicon()["tense"]
    direction = {word: 1 for word in cues["future"]} | {word: -1 for word in cues["past"]}
    return re.compile(alternation(direction)), direction


# --- entry point ------------------------------------------------------------------------

def resolve_all(pieces: list[Piece], text: str, view: str, ref: RefDate | None) -> list[Mention]:
    story = Story(view, ref)
    mentions: list[Mention] = []
    queue = list(reversed(pieces))
    while queue:
        piece = queue.pop()
        mention_id = f"m{len(mentions) + 1}"
        try:
            resolved = _resolve(piece, story)
        except (Unresolvable, ValueError, OverflowError):  # dates beyond year 1 … 9999 included
            resolved = None
        if resolved is None:
            if piece.kind == "range":  # 周三到周一 backwards: keep the two dates on their own
                queue.extend([piece.fields["to"], piece.fields["from"]])
            continue
        mention = Mention(
            id=mention_id, text=text[piece.start:piece.end], start=piece.start, end=piece.end,
            time=resolved.time, anchor=resolved.anchor, rule=piece.rule, certainty=resolved.certainty,
        )
        mentions.append(mention)
        if resolved.coords is not None:
            year, month, day = resolved.coords
            story.points.append(StoryPoint(
                mention_id, piece.start, resolved.time, story.paragraph(piece.start),
                story.sentence(piece.start), year, month, day,
            ))
    return mentions


def _resolve(piece: Piece, story: Story) -> Resolved | None:
    kind = piece.kind
    if kind == "point":
        return _point(piece.fields, piece, story)
    if kind == "range":
        return _range(piece, story)
    if kind == "yearrange":
        a, b = piece.fields["years"]
        time = TimeValue("DATE", f"{a:04d}/{b:04d}", None, "year", date(a, 1, 1), date(b, 12, 31))
        return Resolved(time, None, "stated", (a, None, None))
    if kind == "duration":
        return _duration(piece.fields)
    if kind == "span":
        return _span(piece.fields, story)
    if kind == "offset":
        return _offset(piece, story)
    if kind == "set":
        return Resolved(TimeValue("SET", piece.fields["value"], piece.fields.get("mod")))
    if kind == "ref":
        return _reference(piece.fields, story)
    if kind == "after":
        return _after(piece, story)
    if kind == "same":
        return _same(piece, story)
    if kind == "storyday":
        return _story_day(piece, story)
    return None


# --- points -----------------------------------------------------------------------------

def _point(f: dict, piece: Piece, story: Story) -> Resolved | None:
    if "century" in f or "century_rel" in f:
        return _century(f, story)
    if "decade" in f or "decade_short" in f:
        return _decade(f, story)
    if "day_rel" in f:
        resolved = _relative_day(f, story)
    elif "week_rel" in f or "weekday" in f or "weekend" in f:
        resolved = _week(f, piece, story)
    elif any(k in f for k in ("hour", "daypart")) and not _has_date_fields(f):
        resolved = _time_only(f, piece, story)
    else:
        resolved = _calendar(f, piece, story)
    if resolved is None:
        return None
    return _finish(resolved, f, story)


_DATE_KEYS = ("year", "year_rel", "year_story", "month", "month_rel", "month_story", "day",
              "holiday", "holiday_rule", "lunar", "part", "half", "quarter", "quarters", "season")


def _has_date_fields(f: dict) -> bool:
    return any(k in f for k in _DATE_KEYS)


def _year_of(f: dict, piece: Piece, story: Story) -> tuple[int | None, str | None, str, bool]:
    """The year a point lies in: (year, anchor, certainty, taken from the reference date)."""
    if "year" in f:
        year = f["year"]
        if f.get("roc"):
            if year < 1:
                raise Unresolvable
            year += 1911
        elif f.get("short_year"):
            pivot = (story.ref.date.year % 100 + 10) if story.ref else 30
            year += 2000 if year <= pivot else 1900
        return year, None, "stated", False
    if "year_rel" in f:
        if story.ref is None:
            return None, None, "relative", False
        return story.ref.date.year + f["year_rel"], "ref_date", "relative", False
    if "year_story" in f:
        prev = story.previous(piece.start)
        if prev is not None:
            return prev.year + f["year_story"], prev.id, "relative", False
        if story.ref is None:
            return None, None, "relative", False
        return story.ref.date.year + f["year_story"], "ref_date", "relative", False
    # A bare month or day follows the paragraph's story; a bare 年底 or 上半年 means the
    # reference year unless its own sentence names another.
    scope = "sentence" if _year_level(f) else "paragraph"
    prev = story.previous(piece.start, scope=scope)
    if prev is not None:
        return prev.year, prev.id, "inferred", False
    if story.ref is None:
        return None, None, "inferred", False
    return story.ref.date.year, "ref_date", "inferred", True


def _calendar(f: dict, piece: Piece, story: Story) -> Resolved | None:
    anchor, certainty, from_ref = None, "stated", False
    year: int | None
    month: int | None = f.get("month")
    if "month_rel" in f or "month_story" in f:
        if "month_rel" in f:
            if story.ref is None or story.ref.precision == "year":
                return _unknown(f)
            year, month = cal.add_months(story.ref.date.year, story.ref.date.month, f["month_rel"])
            anchor, certainty = "ref_date", "relative"
        else:
            prev = story.previous(piece.start, need_month=True)
            if prev is None:
                if story.ref is None:
                    return _unknown(f)
                year, month = story.ref.date.year, story.ref.date.month
                anchor = "ref_date"
            else:
                year, month = cal.add_months(prev.year, prev.month, f["month_story"])
                anchor = prev.id
            certainty = "relative"
    elif ("day" in f or _month_part(f)) and month is None and not _has_year(f):
        # A bare day (20日) or month part (月底) takes the month of the paragraph's last date,
        # else the reference's.
        prev = story.previous(piece.start, scope="paragraph", need_month=True)
        if prev is not None:
            year, month, anchor = prev.year, prev.month, prev.id
        elif story.ref is not None and story.ref.precision == "day":
            year, month, anchor, from_ref = story.ref.date.year, story.ref.date.month, "ref_date", True
        else:
            return _unknown(f)
        certainty = "inferred"
    else:
        year, anchor, certainty, from_ref = _year_of(f, piece, story)
    if year is None:
        return _unknown(f)
    resolved = _build(f, year, month)
    if resolved is None:
        return None
    if from_ref and story.ref is not None:
        resolved = _nudge_by_tense(f, year, month, resolved, piece, story)
    resolved.anchor = anchor
    resolved.certainty = certainty
    return resolved


def _year_level(f: dict) -> bool:
    """A point that only names a part of some year: 年底, 上半年, 第一季度, 夏天."""
    part = f.get("part")
    return ("month" not in f and "day" not in f and "holiday" not in f and "lunar" not in f
            and (bool(part and part[0] == "year") or any(k in f for k in ("half", "quarter", "quarters", "season"))))


def _month_part(f: dict) -> bool:
    part = f.get("part")
    return bool(part) and part[0] == "month"


def _has_year(f: dict) -> bool:
    return any(k in f for k in ("year", "year_rel", "year_story"))


def _nudge_by_tense(f, year, month, resolved: Resolved, piece: Piece, story: Story) -> Resolved:
    """A month already past under 将 means next year's; one still ahead under 了 means last year's."""
    ref_day = story.ref.date
    if story.ref.precision != "day":
        return resolved
    tense, cue_before = story.tense_cue(piece.start, piece.end)
    start, end = resolved.time.start_date, resolved.time.end_date
    if start is None or end is None or tense == 0:
        return resolved
    # 已于12月 moves a December still ahead to last year; 圣诞节前夕…已布置好 keeps a date only
    # days ahead, the 已 is about the preparations.
    margin = timedelta(0) if cue_before else _PAST_MARGIN
    bare_day = ("day" in f or _month_part(f)) and "month" not in f and not _has_year(f)
    if tense > 0 and end < ref_day:
        shifted = _shift_bare(f, year, month, +1, bare_day)
    elif tense < 0 and start > ref_day + margin:
        shifted = _shift_bare(f, year, month, -1, bare_day)
    else:
        return resolved
    return shifted or resolved


def _shift_bare(f, year, month, step, bare_day) -> Resolved | None:
    if bare_day:
        year, month = cal.add_months(year, month, step)
        return _build(f, year, month)
    return _build(f, year + step, month)


def _build(f: dict, year: int, month: int | None) -> Resolved | None:
    """Value and interval of a point once its year (and month) are known."""
    if not 1 <= year <= 9999:
        raise Unresolvable
    day = f.get("day")
    if "holiday" in f or "lunar" in f:
        holiday_day = _holiday_date(f, year)
        if holiday_day is None:
            raise Unresolvable
        return _day_value(holiday_day)
    if month is not None:
        if not 1 <= month <= 12:
            raise Unresolvable
        if day is not None:
            if not cal.valid_date(year, month, day):
                raise Unresolvable
            return _day_value(date(year, month, day))
        first, last = cal.month_span(year, month)
        value, mod = f"{year:04d}-{month:02d}", None
        part = f.get("part")
        if part and part[0] == "month":
            _, mod, d1, d2 = part
            first = date(year, month, d1)
            last = date(year, month, d2 or cal.last_day(year, month))
        return Resolved(TimeValue("DATE", value, mod, "month", first, last), coords=(year, month, None))
    if day is not None:
        raise Unresolvable  # a day with no month to hang on
    if "half" in f:
        h = f["half"]
        first, last = date(year, 1 if h == 1 else 7, 1), date(year, 6 if h == 1 else 12, 30 if h == 1 else 31)
        return Resolved(TimeValue("DATE", f"{year:04d}-H{h}", None, "half", first, last), coords=(year, None, None))
    if "quarter" in f or "quarters" in f:
        q1, q2 = f.get("quarters") or (f["quarter"], f["quarter"])
        first = date(year, 3 * q1 - 2, 1)
        last = date(year, 3 * q2, cal.last_day(year, 3 * q2))
        value = f"{year:04d}-Q{q1}" if q1 == q2 else f"{year:04d}-Q{q1}/{year:04d}-Q{q2}"
        return Resolved(TimeValue("DATE", value, None, "quarter", first, last), coords=(year, None, None))
    if "season" in f:
        return _season(f["season"], year)
    value, mod = f"{year:04d}", None
    first, last = date(year, 1, 1), date(year, 12, 31)
    part = f.get("part")
    if part and part[0] == "year":
        _, mod, a, b = part
        first = date(year, *(int(x) for x in a.split("-")))
        last = date(year, *(int(x) for x in b.split("-")))
    return Resolved(TimeValue("DATE", value, mod, "year", first, last), coords=(year, None, None))


def _day_value(day: date) -> Resolved:
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


def _holiday_date(f: dict, year: int) -> date | None:
    if "lunar" in f:
        month, day = f["lunar"]
        return cal.lunar_to_solar(year, month, day, f.get("leap", False))
    if "holiday_rule" in f:
        return cal.special_holiday(f["holiday_rule"], year)
    return date(year, f["month"], f["day"]) if cal.valid_date(year, f["month"], f["day"]) else None


def _unknown(f: dict) -> Resolved:
    """No reference date and nothing in the story: say the year is unknown, do not guess."""
    month = f.get("month")
    day = f.get("day")
    if "lunar" in f or "holiday" in f or "holiday_rule" in f:
        if "month" in f and "day" in f:
            value, gran = f"XXXX-{f['month']:02d}-{f['day']:02d}", "day"
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
    elif "half" in f:
        value, gran = f"XXXX-H{f['half']}", "half"
    elif "quarter" in f:
        value, gran = f"XXXX-Q{f['quarter']}", "quarter"
    elif "season" in f:
        value, gran = f"XXXX-{f['season']}", "season"
    elif any(k in f for k in ("day_rel", "weekday", "week_rel", "weekend")):
        value, gran = "XXXX-XX-XX", "day"
    elif "month_rel" in f or "month_story" in f:
        value, gran = "XXXX-XX", "month"
    else:
        value, gran = "XXXX", "year"
    part = f.get("part")
    mod = part[1] if part else None
    return Resolved(TimeValue("DATE", value, mod, gran), None, "inferred", None)


def _relative_day(f: dict, story: Story) -> Resolved:
    ref_day = story.ref_day()
    if ref_day is None:
        return _unknown(f)
    day = ref_day + timedelta(days=f["day_rel"])
    if f.get("day_check") and f["day_check"] != day.day:
        # 今(20)日 when the reference date is not the 20th: trust the number, in the reference month.
        if not cal.valid_date(ref_day.year, ref_day.month, f["day_check"]):
            raise Unresolvable
        day = date(ref_day.year, ref_day.month, f["day_check"])
    resolved = _day_value(day)
    resolved.anchor, resolved.certainty = "ref_date", "relative"
    return resolved


def _week(f: dict, piece: Piece, story: Story) -> Resolved:
    ref_day = story.ref_day()
    if ref_day is None:
        return _unknown(f)
    monday = cal.week_monday(ref_day)
    rel = f.get("week_rel")
    if rel is not None:
        monday += timedelta(weeks=rel)
    resolved = _week_value(f, monday)
    if rel is None:
        tense = story.tense(piece.start, piece.end)
        if tense > 0 and resolved.time.end_date < ref_day:
            resolved = _week_value(f, monday + timedelta(weeks=1))
        elif tense < 0 and resolved.time.start_date > ref_day:
            resolved = _week_value(f, monday - timedelta(weeks=1))
    resolved.anchor, resolved.certainty = "ref_date", "relative"
    return resolved


def _week_value(f: dict, monday: date) -> Resolved:
    week = cal.iso_week_value(monday)
    if f.get("weekday"):
        return _day_value(monday + timedelta(days=f["weekday"] - 1))
    if f.get("weekend"):
        first, last = monday + timedelta(days=5), monday + timedelta(days=6)
        return Resolved(TimeValue("DATE", f"{week}-WE", None, "week", first, last),
                        coords=(first.year, first.month, None))
    return Resolved(TimeValue("DATE", week, None, "week", monday, monday + timedelta(days=6)),
                    coords=(monday.year, monday.month, None))


def _time_only(f: dict, piece: Piece, story: Story) -> Resolved:
    """上午10时 alone: the date written before it in the sentence, else the reference date."""
    prev = story.previous(piece.start, scope="sentence", need_day=True)
    if prev is not None:
        day = date(prev.year, prev.month, prev.day)
        resolved, anchor = _day_value(day), prev.id
    elif story.ref_day() is not None:
        resolved, anchor = _day_value(story.ref_day()), "ref_date"
    else:
        resolved, anchor = Resolved(TimeValue("DATE", "XXXX-XX-XX", None, "day")), None
    resolved.anchor, resolved.certainty = anchor, "inferred"
    return resolved


def _finish(resolved: Resolved, f: dict, story: Story) -> Resolved:
    """Add the time of day, mods from suffixes, the qualifier, and 以来/至今 ranges."""
    time = resolved.time
    updates: dict = {}
    shift = f.get("day_shift")
    if shift and time.granularity == "day" and time.start_date is not None:
        day = time.start_date + timedelta(days=shift)
        time = resolved.time = _replace(time, value=day.isoformat(), start_date=day, end_date=day)
        resolved.coords = (day.year, day.month, day.day)
    if "hour" in f or "daypart" in f:
        if "hour" in f:
            hour = _afternoon(f["hour"], f.get("daypart"))
            clock = f"T{hour:02d}:{f['minute']:02d}"
            granularity = "minute" if f["minute"] else "hour"
        else:
            clock = f"T{f['daypart']}"
            granularity = "daypart"
        value = time.value + clock
        updates.update(type="TIME", value=value, granularity=granularity, datetime=value)
    mod = time.mod or f.get("mod") or ("APPROX" if f.get("approx") else None)
    if mod != time.mod:
        updates["mod"] = mod
        if mod == "APPROX" and resolved.certainty == "stated":
            resolved.certainty = "approximate"
    if f.get("qualifier"):
        updates["qualifier"] = f["qualifier"]
    if f.get("since"):
        end_value = story.ref.iso() if story.ref else "PRESENT_REF"
        end_day = story.ref.date if story.ref and story.ref.precision == "day" else None
        if story.ref and story.ref.precision == "year":
            end_day = date(story.ref.date.year, 12, 31)
        if end_day is not None and time.start_date is not None and end_day < time.start_date:
            updates["mod"] = "ON_OR_AFTER"  # 明年以来: since a date still ahead, not a range back
        else:
            updates.update(value=f"{time.value}/{end_value}", end_date=end_day, mod=None)
    if updates:
        resolved.time = _replace(time, **updates)
    return resolved


def _afternoon(hour: int, daypart: str | None) -> int:
    """昨晚8点 is 20:00: a clock hour read in the part of the day written before it."""
    if daypart in ("AF", "EV") and 1 <= hour < 12:
        return hour + 12
    if daypart == "NI" and 6 <= hour < 12:
        return hour + 12
    if daypart == "MI" and 1 <= hour <= 2:
        return hour + 12
    return hour


def _replace(time: TimeValue, **changes) -> TimeValue:
    from dataclasses import replace

    return replace(time, **changes)


# --- eras -------------------------------------------------------------------------------

def _century(f: dict, story: Story) -> Resolved:
    if "century_rel" in f:
        if story.ref is None:
            return Resolved(TimeValue("DATE", "XX", None, "century"), None, "relative")
        ordinal = story.ref.date.year // 100 + 1 + f["century_rel"]
        anchor, certainty = "ref_date", "relative"
    else:
        ordinal, anchor, certainty = f["century"], None, "stated"
    base = (ordinal - 1) * 100
    first, last = base, base + 99
    mod = None
    if f.get("part"):
        mod = f["part"][1]
        first, last = {"START": (base, base + 9), "MID": (base + 40, base + 59),
                       "END": (base + 90, base + 99)}[mod]
    if base < 0 or first < 1:
        raise Unresolvable
    time = TimeValue("DATE", f"{ordinal - 1:02d}", mod, "century", date(first, 1, 1), date(last, 12, 31))
    return Resolved(time, anchor, certainty, None)


def _decade(f: dict, story: Story) -> Resolved:
    anchor, certainty = None, "stated"
    if "decade" in f:
        decade = f["decade"]
    else:
        tens = f["decade_short"]
        if story.ref is not None:
            decade = 200 + tens if 2000 + 10 * tens <= story.ref.date.year else 190 + tens
            anchor, certainty = "ref_date", "inferred"
        else:
            decade = 200 + tens if tens <= 1 else 190 + tens
            certainty = "inferred"
    base = decade * 10
    first, last, mod = base, base + 9, None
    if f.get("part"):
        mod = f["part"][1]
        first, last = {"START": (base, base + 3), "MID": (base + 4, base + 6),
                       "END": (base + 7, base + 9)}[mod]
    time = TimeValue("DATE", f"{decade:03d}", mod, "decade", date(first, 1, 1), date(last, 12, 31))
    return Resolved(time, anchor, certainty, None)


# --- ranges -----------------------------------------------------------------------------

def _range(piece: Piece, story: Story) -> Resolved | None:
    a_piece, b_piece = piece.fields["from"], piece.fields["to"]
    a = _point(a_piece.fields, a_piece, story)
    b = _point(b_piece.fields, b_piece, story)
    if a is None or b is None:
        return None
    ta, tb = a.time, b.time
    coords = a.coords
    if ta.start_date and tb.end_date and tb.end_date < ta.start_date:
        a_year = "year" in a_piece.fields
        b_year = "year" in b_piece.fields and "year_borrowed" not in b_piece.fields
        if (a_year and b_year) or ta.value[:4] != tb.value[:4] or not (
                "month" in a_piece.fields and "month" in b_piece.fields):
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
    time = TimeValue("DATE", f"{ta.value}/{tb.value}", None, ta.granularity, ta.start_date, tb.end_date)
    certainty = a.certainty if a.certainty != "stated" else b.certainty
    return Resolved(time, a.anchor or b.anchor, certainty, coords)


def _years_later(time: TimeValue, years: int) -> TimeValue:
    def moved(day: date | None) -> date | None:
        if day is None:
            return None
        try:
            return day.replace(year=day.year + years)
        except ValueError:  # 29 February
            return day.replace(year=day.year + years, day=28)

    value = f"{int(time.value[:4]) + years:04d}{time.value[4:]}"
    return _replace(time, value=value, start_date=moved(time.start_date), end_date=moved(time.end_date))


def _distance(ref: date, start: date, end: date) -> int:
    """Days from the reference date to the interval start…end (0 inside it)."""
    return max((start - ref).days, (ref - end).days, 0)


# --- durations, spans and offsets -------------------------------------------------------

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
    """P15Y6M, PT2H12M: several units in one ISO 8601 length."""
    date_part, time_part = "", ""
    for amount, unit in parts:
        number = f"{int(amount)}" if amount == int(amount) else f"{amount:g}"
        if unit in ("H", "MIN", "S"):
            time_part += number + ("M" if unit == "MIN" else unit)
        else:
            date_part += number + unit
    return "P" + date_part + ("T" + time_part if time_part else "")


def _vague_duration(unit: str) -> str:
    if unit in ("H", "MIN", "S"):
        return f"PTX{'M' if unit == 'MIN' else unit}"
    return f"PX{unit}"


def _duration_value(f: dict) -> tuple[str, str | None]:
    if "parts" in f:
        return _compound_duration(f["parts"]), None
    if f.get("vague"):
        return _vague_duration(f["unit"]), None
    low = iso_duration(f["amount"], f["unit"])
    high = iso_duration(f["amount_max"], f["unit"]) if "amount_max" in f else None
    return low, high


def _duration(f: dict) -> Resolved:
    value, high = _duration_value(f)
    time = TimeValue("DURATION", value, f.get("mod"), None, duration=value, duration_max=high)
    return Resolved(time, None, "approximate" if f.get("vague") else "stated")


_SHIFT_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day"}


def _amount_in_days_or_months(amount: float, unit: str) -> tuple[int, str] | None:
    """Calendar shifts need whole units: 1.5 years → 18 months, half a month → 15 days."""
    if unit == "CE":
        amount, unit = amount * 100, "Y"
    if unit not in _SHIFT_UNITS:
        return None
    if amount == int(amount):
        return int(amount), _SHIFT_UNITS[unit]
    if unit == "Y":
        return round(amount * 12), "month"
    if unit == "M":
        return round(amount * 30), "day"
    if unit == "W":
        return round(amount * 7), "day"
    return None


def _span(f: dict, story: Story) -> Resolved:
    value, high = _duration_value(f)
    ref_day = story.ref_day()
    start = end = None
    anchor = None
    if ref_day is not None and not f.get("vague") and "amount_max" not in f:
        shift = _amount_in_days_or_months(f["amount"], f["unit"])
        if shift is not None:
            amount, unit = shift
            other = cal.shift_date(ref_day, f["direction"] * amount, unit)
            start, end = (other, ref_day) if f["direction"] < 0 else (ref_day, other)
            anchor = "ref_date"
    time = TimeValue("DURATION", value, f.get("mod"), None, start, end, value, high)
    return Resolved(time, anchor, "relative")


_VAGUE_RANGE = (2, 5)  # 几周后: between two and five weeks
_STORY_REACH = 3  # sentences back that an offset (两周后) may count from


def _offset(piece: Piece, story: Story) -> Resolved | None:
    f = piece.fields
    unit = f["unit"]
    if unit == "CE":
        unit = "Y"
    direction = f["direction"]
    prev = story.previous(piece.start)
    # 两周后 after a dated sentence counts from that date; 5年后 in a forecast counts from today.
    near = prev is not None and story.sentence(piece.start) - prev.sentence <= _STORY_REACH
    use_story = prev is not None and (f.get("story") or (near and story.tense(piece.start, piece.end) <= 0))
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
    if f.get("vague"):
        low, high = _VAGUE_RANGE
        if f.get("unit") == "DE":
            low, high, unit = low * 10, high * 10, "Y"
    else:
        low = high = f["amount"]
    shifts = [_amount_in_days_or_months(x, unit) for x in (low, high)]
    if unit in ("H", "MIN", "S"):
        return _clock_offset(f, story, prev if use_story else None)
    if None in shifts:
        return None
    (n_low, u_low), (n_high, u_high) = shifts
    if direction > 0:
        start = cal.shift_date(base_start, n_low, u_low)
        end = cal.shift_date(base_end, n_high, u_high)
    else:
        start = cal.shift_date(base_start, -n_high, u_high)
        end = cal.shift_date(base_end, -n_low, u_low)
    exact = not f.get("vague") and base_start == base_end
    time = _period_value(start, end, _SHIFT_UNITS.get(unit, "day") if exact else None)
    certainty = "approximate" if f.get("vague") else "relative"
    return Resolved(time, anchor, certainty, (time.start_date.year, None, None))


def _clock_offset(f: dict, story: Story, prev: StoryPoint | None) -> Resolved | None:
    """约40分钟后: the same day as the time it counts from, about then."""
    if f.get("vague"):
        return None
    if prev is not None and prev.day is not None:
        day, anchor = date(prev.year, prev.month, prev.day), prev.id
    elif story.ref_day() is not None:
        day, anchor = story.ref_day(), "ref_date"
    else:
        return None
    return Resolved(TimeValue("DATE", day.isoformat(), "APPROX", "day", day, day),
                    anchor, "approximate", (day.year, day.month, day.day))


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


# --- the reference date itself and story words ------------------------------------------

def _reference(f: dict, story: Story) -> Resolved:
    ref_day = story.ref_day()
    value, mod, back, ahead = f["value"], f["mod"], f["back"], f["ahead"]
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


def _same(piece: Piece, story: Story) -> Resolved | None:
    """当时/那时: the previous date in the story, again."""
    prev = story.previous(piece.start)
    if prev is None or prev.time.start_date is None:
        return None
    return Resolved(prev.time, prev.id, "relative", None)


def _story_day(piece: Piece, story: Story) -> Resolved | None:
    """次日/当天/前一天: a day counted from the previous dated day in the story."""
    prev = story.previous(piece.start, need_day=True)
    if prev is None:
        return None
    day = date(prev.year, prev.month, prev.day) + timedelta(days=piece.fields["days"])
    resolved = _day_value(day)
    resolved.anchor, resolved.certainty = prev.id, "relative"
    return resolved


def _end_of_next_period(end: date, granularity: str) -> date:
    if granularity in ("century", "decade", "year"):
        return date(end.year + 1, 12, 31)
    if granularity in ("half", "quarter", "season", "month"):
        months = {"half": 6, "quarter": 3, "season": 3}.get(granularity, 1)
        year, month = cal.add_months(end.year, end.month, months)
        return date(year, month, cal.last_day(year, month))
    if granularity == "week":
        return end + timedelta(days=7)
    return end + timedelta(days=7)  # a day, or a time of day: within the week after
