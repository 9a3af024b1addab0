"""Times of day: 上午10时, 下午3点半, 晚间8时许, 14:30, parts of the day (凌晨, 傍晚, 6日晚)
and the time zone before a date (当地时间, 北京时间)."""

from __future__ import annotations

import re
from functools import cache

from ..lazyre import compile_pattern, lazy_compile
from .fragments import first_chars, not_followed_by, starts
from .lexicon import alternation, lexicon
from .numerals import parse_int
from .pieces import LEVEL, Clock, Piece, Point, Qualifier, Range
from .recognise import Anchoring, Rule, found, read_back

_CLOCK_RANGE_REACH = 12  # a part of the day, an hour and 时 before the joiner
_MINUTES = {"半": 30, "一刻": 15, "三刻": 45, "1刻": 15, "3刻": 45}
_SHORT_PARTS = {"早": "早上", "晚": "晚上", "夜": "夜里"}


def build_clock_time(m, ctx):
    part_word = m.group("dp")
    hour_text, minute_text, unit, extra = m.group("hour", "minute", "hunit", "hextra")
    hour = parse_int(hour_text)
    if hour is None:
        return None
    # A bare 8点 is often a count (8点建议); without minutes or 许/整/钟 it is kept only when
    # it follows a date or a part of the day: 今晚8点.
    weak = (unit in ("点", "时") and not part_word and hour <= 24 and not (minute_text or extra)
            and (unit == "点" or not hour_text.isascii()))
    if minute_text:
        minute = parse_int(minute_text)
        if minute is None:
            return None
    else:
        minute = _MINUTES.get(extra, 0)
    if part_word in _SHORT_PARTS:  # 晚8点, 早7点
        part_word = _SHORT_PARTS[part_word]
    if part_word:
        hour = pm_hour(part_word, hour)
    if not (0 <= hour <= 24 and 0 <= minute < 60) or (hour == 24 and minute):
        return None
    point = Point(clock=Clock(hour % 24, minute, small_hours=part_word == "凌晨"),
                  approx=bool(m.group("approx") or m.group("apx")), weak=weak)
    if hour == 24:
        point.day_shift = 1  # 今天24时: the midnight that ends the day
    if part_word:
        point.daypart = lexicon()["daypart"][part_word]
        if hour == 12 and (part_word == "午夜" or part_word in lexicon()["pm_dayparts"]["words"]
                           and part_word not in ("下午", "晏昼", "下昼", "午后")):
            point.clock, point.day_shift = Clock(0, minute), 1  # 晚上12点, 午夜12时: midnight, the next day begins
        elif hour == 12 and part_word == "凌晨":
            point.clock = Clock(0, minute)  # 凌晨12时: the midnight that begins the day
    return found(m, point, (LEVEL["daypart"] if part_word else LEVEL["clock"], LEVEL["clock"]))


def pm_hour(part_word: str, hour: int) -> int:
    if part_word in lexicon()["pm_dayparts"]["words"] and 1 <= hour < 12:
        return hour + 12
    if part_word in ("中午", "午间") and 1 <= hour <= 2:
        return hour + 12
    return hour


_CLOCK_RANGE_END = not_followed_by("clock_after") + r"(?![\d半一三]|[0-5]?\d分)"


@cache
def _clock_range() -> re.Pattern:
    """The whole range; the rule finds its end (至4时) and reads back from there."""
    return compile_pattern(r"(?P<rdp>" + alternation(lexicon()["daypart"]) + r")?\s?(?<![\d.:])"
                      r"(?P<rh1>[01]?\d|2[0-4]|[零一二两三四五六七八九十]{1,3})\s?(?:时|点)?"
                      r"\s?(?:至|到|——|-|—|~)\s?(?P<rh2>[01]?\d|2[0-4]|[零一二两三四五六七八九十]{1,3})\s?(?:时|点)")


def build_clock_range(m, ctx):
    """凌晨1至4时, 下午2点到5点: two hours sharing one part of the day and one 时/点."""
    m = read_back(_clock_range(), m, _CLOCK_RANGE_REACH)
    if m is None:
        return None
    part_word = m.group("rdp")
    ends = []
    for text in (m.group("rh1"), m.group("rh2")):
        hour = parse_int(text)
        if hour is None or hour > 24:
            return None
        if part_word:
            hour = pm_hour(part_word, hour)
        point = Point(clock=Clock(hour % 24, 0, small_hours=part_word == "凌晨"))
        if part_word:
            point.daypart = lexicon()["daypart"][part_word]
        ends.append(Piece(m.start(), m.end(), "", point, (LEVEL["daypart"], LEVEL["clock"])))
    if ends[1].what.clock.hour <= ends[0].what.clock.hour:
        return None
    return found(m, Range(ends[0], ends[1]), (LEVEL["daypart"], LEVEL["clock"]))


# 25:17,22:25,25:21: a list of game scores, one of which no clock could show
_SCORE_NEIGHBOUR = lazy_compile(r"(?:^|[，,、；;\s])(\d{1,2}):(\d{1,2})(?:$|[，,、；;\s。])")


def _in_a_score_list(view: str, start: int, end: int) -> bool:
    before = view[max(0, start - 7):start]
    after = view[end:end + 7]
    for side in (before, after):
        for m in _SCORE_NEIGHBOUR.finditer(side):
            if int(m.group(1)) > 24 or int(m.group(2)) > 59:
                return True
    return False


def _a_game_score(view: str, start: int, end: int) -> bool:
    """以16:19落后, 以8:1力克, 扳至7:7平: a score between a word that leads to it and a result."""
    words = lexicon()["score_context"]
    before = view[max(0, start - 3):start].rstrip()
    after = view[end:end + 3].lstrip()
    return (any(before.endswith(w) for w in words["before"])
            and any(after.startswith(w) for w in words["after"]))


def build_clock(m, ctx):
    hour, minute = int(m.group("ch")), int(m.group("cm"))
    if hour > 24 or minute > 59:
        return None
    if _in_a_score_list(m.string, m.start(), m.end()):
        return None  # 比分分别为25:17,22:25,25:21: a set's score, not a time
    if _a_game_score(m.string, m.start(), m.end()):
        return None
    half = m.group("ampm")
    if half:  # 12:17am is 00:17, 05:52 PM 17:52
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half[0] in "Pp" else 0)
    second = m.group("cs")
    return found(m, Point(clock=Clock(hour % 24, minute, int(second) if second else None)),
                 (LEVEL["clock"], LEVEL["clock"]))


def build_daypart(m, ctx):
    return found(m, Point(daypart=lexicon()["daypart"][m.group(0)]), (LEVEL["daypart"], LEVEL["daypart"]))


_DAY_NUMBER_END = lazy_compile(r"[\d一二三四五六七八九十廿卅]")


def build_short_daypart(m, ctx):
    view, start = m.string, m.start()
    if view[start - 1:start + 1] == "日夜" and not _DAY_NUMBER_END.match(view[max(0, start - 2):start - 1]):
        return None  # 日夜赶工 (day and night), not the night of a dated day (6日夜)
    part = {"早": "MO", "晚": "NI", "夜": "NI"}[m.group("sdp")]
    return found(m, Point(daypart=part), (LEVEL["daypart"], LEVEL["daypart"]))


def build_qualifier(m, ctx):
    return found(m, Qualifier(lexicon()["qualifier"][m.group(0)]))


def _rules() -> tuple[Rule, ...]:
    lex = lexicon()
    dayparts = alternation(lex["daypart"])
    return (
        Rule("clock-time", lazy_compile(starts(first_chars(lex["daypart"]) + "近约大将接0-9零一二两三四五六七八九十",
            r"(?P<dp>" + dayparts + r"|(?<![今昨明前当每日号天提及趁尽最较过很太更])[早晚夜](?=\d|[一二三四五六七八九十]))?\s?(?P<apx>大约|约|将近|接近|近)?\s?"
            r"(?<![\d.:])(?P<hour>[01]?\d|2[0-4]|[零一二两三四五六七八九十]{1,3})\s?(?P<hunit>时|点)"
            + not_followed_by("clock_after") +
            r"(?:(?P<minute>[0-5]?\d|[零一二三四五六七八九十廿卅]{1,3})分|(?P<hextra>半|[一1]刻|[三3]刻|整|钟))?"
            r"(?P<approx>许|左右)?")), build_clock_time, 4, needs="时点",
            anchoring=Anchoring("时点", 9, 10), examples=("上午10时", "下午3点半", "凌晨3时许")),
        Rule("clock-range", lazy_compile(r"(?:至|到|——|-|—|~)\s?(?:[01]?\d|2[0-4]|[零一二两三四五六七八九十]{1,3})\s?(?:时|点)"
                                       + _CLOCK_RANGE_END), build_clock_range, 3, needs="时点", first="至到-—~",
             examples=("凌晨1至4時", "下午2点到5点")),
        Rule("clock", lazy_compile(starts("0-9", r"(?<![\d:.比])(?P<ch>[01]?\d|2[0-4]):(?P<cm>[0-5]\d)(?::(?P<cs>[0-5]\d))?(?![\d:])"
                                        r"(?:\s?(?P<ampm>[AaPp]\.?[Mm]\.?)(?![A-Za-z])|时(?![间候代期]))?")),
             build_clock, 3, needs=":", anchoring=Anchoring(":", 3, 8), examples=("14:30", "09:30")),
        Rule("daypart", lazy_compile("(?:" + dayparts + ")" + not_followed_by("daypart_after")), build_daypart, 0, examples=("凌晨", "傍晚")),
        Rule("daypart-short", lazy_compile(starts("早晚夜", r"(?<=[日号天])(?P<sdp>[早晚夜])"
                                                + not_followed_by("short_daypart_after"))),
             build_short_daypart, 0, anchoring=Anchoring("早晚夜", 1, 4), examples=("12月6日晚", "12月6日晚7点半")),
        Rule("qualifier", lazy_compile(r"(?<![A-Za-z])(?:" + alternation(lex["qualifier"]) + r")(?![A-Za-z])"), build_qualifier, 1, needs="时T",
             anchoring=Anchoring("时T", 5, 4),
             examples=("当地时间11月19日", "當地時間19日下午")),
    )


RULES = _rules()
