"""Parts of a period and words around the reference date: 年底, 上半年, 第一季度, 夏天,
月初, 中旬, 目前, 近日, 早前 (the fuzzy table of docs/timex.md)."""

from __future__ import annotations

import re

from ..lazyre import lazy_compile
from .fragments import (
    excluded_before,
    first_chars,
    mid,
    not_followed_by,
)
from .lexicon import alternation, lexicon
from .numerals import parse_int
from .pieces import (
    LEVEL,
    FuzzyYearPart,
    Half,
    Length,
    Month,
    MonthPart,
    Months,
    Piece,
    Point,
    Quarters,
    Range,
    Reference,
    RelativeQuarter,
    Season,
    Span,
    WholeYear,
    Year,
    YearWeek,
)
from .recognise import Anchoring, Rule, found

_YEAR_PART = (LEVEL["yearpart"], LEVEL["yearpart"])


def year_part_of(word: str) -> FuzzyYearPart:
    """年初 → START, Jan 1 … Mar 31 (lexicon year_part)."""
    mod, first, last = lexicon()["year_part"][word]
    return FuzzyYearPart(mod, _month_day(first), _month_day(last))


def _month_day(text: str) -> tuple[int, int]:
    month, day = text.split("-")
    return int(month), int(day)


def month_part_of(word: str) -> MonthPart:
    """月底 → END, day 25 … the last day (lexicon month_part)."""
    mod, first, last = lexicon()["month_part"][word]
    return MonthPart(mod, first, last)


def build_year_part(m, ctx):
    if m.group(0) == "年头" and excluded_before("count_before_years", m.string, m.start()):
        return None  # 这年头 (nowadays), 几个年头 (years)
    return found(m, Point(year_part=year_part_of(m.group(0))), _YEAR_PART)


def build_half(m, ctx):
    return found(m, Point(year_part=Half(1 if m.group(0).startswith("上") else 2)), _YEAR_PART)


def build_quarter(m, ctx):
    if m.group("qfirstn"):  # 前三季度, 首三季, 头两季
        last = parse_int(m.group("qfirstn"))
        return found(m, Point(year_part=Quarters(1, last)), _YEAR_PART) if last and 2 <= last <= 4 else None
    if m.group("qnum"):
        quarter = int(m.group("qnum"))
    else:
        q = m.group("q") or m.group("qq") or m.group("qqq")
        quarter = 1 if q in (None, "首") else parse_int(q)
    if quarter is None or not 1 <= quarter <= 4:
        return None
    return found(m, Point(year_part=Quarters(quarter, quarter)), _YEAR_PART)


_SEASON_YEAR = {"今": 0, "明": 1, "来": 1, "去": -1}


def build_season(m, ctx):
    """春季, 夏天; 今冬, 明春, 去冬 (this, next, last); 今冬明春 (a range)."""
    season = m.group("season") or m.group("bare")
    if season:
        return found(m, Point(year_part=Season(lexicon()["season"][season])), _YEAR_PART)
    ends = []
    this_winter = m.group("sr1") == "今" and m.group("s1") == "冬"  # 今冬明春 in January: this winter's spring
    for rel, season, at in ((m.group("sr1"), m.group("s1"), m.start()), (m.group("sr2"), m.group("s2"), m.start("sr2"))):
        if rel is None:
            break
        code = lexicon()["season"][season]
        year = Year(rel=_SEASON_YEAR[rel], winter_of=code == "WI" or this_winter)
        ends.append(Piece(at, at + 2, "", Point(year=year, year_part=Season(code)), (LEVEL["year"], LEVEL["yearpart"])))
    if len(ends) == 1:
        return found(m, ends[0].what, (LEVEL["year"], LEVEL["yearpart"]))
    return found(m, Range(ends[0], ends[1]), (LEVEL["year"], LEVEL["yearpart"]))


def build_year_span(m, ctx):
    """After a year: 前8月, 前10个月 (the first months), 后三个月 (the last), 首月, 第8个月, 前两个季度,
    第50周 (the ISO week).

    The pattern starts with the year's 年 (a literal start is quick to find); the piece does not."""
    if m.group("yside2"):  # 首10个月 alone: the first ten months of the year the sentence speaks of
        count = parse_int(m.group("yn2"))
        return found(m, Point(year_part=Months(1, count)), _YEAR_PART) if count and count <= 12 else None
    start = m.start() + 1
    if m.group("firstmonth"):
        return found(m, Point(year_part=Months(1, 1)), _YEAR_PART, start=start)
    if m.group("ordweek"):  # 2025年第50周: the ISO week
        number = parse_int(m.group("ordweek"))
        return found(m, Point(year_part=YearWeek(number)), _YEAR_PART, start=start) if number and number <= 53 else None
    if m.group("ordmonth"):  # 2024年第8个月: August
        number = parse_int(m.group("ordmonth"))
        return found(m, Point(year_part=Months(number, number)), _YEAR_PART, start=start) if number and number <= 12 else None
    count = parse_int(m.group("yn"))
    if not count:
        return None
    if m.group("yu") in ("季度", "季"):
        if count > 4:
            return None
        part = Quarters(1, count) if m.group("yside") in ("前", "头", "首") else Quarters(5 - count, 4)
    else:
        if count > 12:
            return None
        part = Months(1, count) if m.group("yside") in ("前", "头", "首") else Months(13 - count, 12)
    return found(m, Point(year_part=part), _YEAR_PART, start=start)


def build_whole_year(m, ctx):
    """全年, 年内 alone: the year the sentence speaks of, else the reference year; 月内 alone: the
    month the story speaks of (like 当月), else the reference month."""
    if m.group(0) == "月内":
        return found(m, Point(month=Month(story=0)), (LEVEL["month"], LEVEL["month"]))
    return found(m, Point(year_part=WholeYear()), _YEAR_PART)


def build_relative_quarter(m, ctx):
    return found(m, Point(year_part=RelativeQuarter(lexicon()["relative_quarter"][m.group(0)])), _YEAR_PART)


def build_recent_window(m, ctx):
    """近年, 近年来, 这些年: some years up to the reference date (DURATION PXY); 近月: some months."""
    return found(m, Span(Length(lexicon()["recent_window"][m.group("rw")], vague=True), -1))


def build_month_part(m, ctx):
    return found(m, Point(month_part=month_part_of(m.group(0))), (LEVEL["monthpart"], LEVEL["monthpart"]))


def build_reference(m, ctx):
    word, view, start, end = m.group(0), m.string, m.start(), m.end()
    context = lexicon()["reference_not"].get(word)
    if context is not None and (view[end:end + 1] in context.get("after", ())
                                or view[start - 1:start] in context.get("before", ())):
        return None  # 出现在 (appear at), 将来自 (will come from), 从前天 (since the day before yesterday)
    if word == "最近" and (view[end:end + 1] == "的" or re.search("[离距]", view[max(0, start - 6):start])):
        return None  # 最近的医学中心, 离地球最近: nearest, not recently
    noun_after = lexicon()["reference_as_noun"].get(word)
    if noun_after is not None and view[start - 1:start] not in noun_after:
        return None  # 未来，双方将…: an adverb (from now on), not the future as a time
    if word == "近期" and _looks_ahead(view, start, end):
        return found(m, Reference("FUTURE_REF", None, 0, -1))  # 将于近期内展开: the near future
    value, mod, back, ahead = lexicon()["reference"][word]
    return found(m, Reference(value, mod or None, back, ahead))


def _looks_ahead(view: str, start: int, end: int) -> bool:
    """将于近期内展开, 近期将推出: 近期 after a future cue and a preposition, or before 将, is the near
    future, not the last days."""
    words = lexicon()["near_future"]
    before = view[max(0, start - 4):start]
    return any(before.endswith(w) for w in words["before"]) or any(view.startswith(w, end) for w in words["after"])


def _rules() -> tuple[Rule, ...]:
    lex = lexicon()
    year_parts = (alternation(lex["year_part"]).replace("年中", "年" + mid())
                  .replace("年终", "年终" + not_followed_by("year_end_after")))
    return (
        Rule("year-part", lazy_compile(year_parts), build_year_part, 1, needs="年岁",
             examples=("年初", "年底", "歲末")),
        Rule("half-year", lazy_compile(r"[上下]半年"), build_half, 2, needs="年", first="上下",
             examples=("上半年", "下半年")),
        Rule("quarter", lazy_compile(r"(?=[前第一二三四1-4首][^季]{0,2}季|Q[1-4])"
             r"(?:(?:前|首|头)(?P<qfirstn>[两二三四234])(?:季度|季(?![节赛]))|第(?P<q>[一二三四1-4])季(?:度|" + not_followed_by("quarter_after") + ")"
             r"|(?P<qqq>[一二三四1-4])季度|(?P<qq>首)季度?"
             r"|(?<![A-Za-z0-9])Q(?P<qnum>[1-4])(?![A-Za-z0-9]))"), build_quarter, 2, needs="季Q",
             anchoring=Anchoring("季Q", 4, 6), examples=("首季", "第二季度", "2025年Q4")),
        Rule("season", lazy_compile(
            r"(?P<season>[春夏秋冬])(?:季|天)" + not_followed_by("season_after")
            + r"|(?P<sr1>[今明去来])(?P<s1>[春夏秋冬])(?:(?P<sr2>[今明去来])(?P<s2>[春夏秋冬]))?"
            + not_followed_by("relative_season_after")
            # 2019年夏，… : one character after a year, closing the phrase (not 2021年春节, 年春运)
            + r"|(?<=[\d今去明前〇零一二三四五六七八九]年)(?P<bare>[春夏秋冬])(?=[，,。；;、]|$)"),
             build_season, 1, needs="春夏秋冬", anchoring=Anchoring("春夏秋冬", 1, 6),  # every match holds a season
             examples=("2024年夏天", "今冬明春", "2019年夏")),
        Rule("month-part", lazy_compile(alternation(lex["month_part"]).replace("月中", "月" + mid())),
             build_month_part, 1, needs="月旬", examples=("3月上旬", "6月下旬")),
        Rule("year-span", lazy_compile(r"年(?:(?P<yside>前|头|后|首)(?P<yn>[一二两三四五六七八九十]{1,2}|\d{1,2})个?"
                                     r"(?P<yu>月|季度|季)份?|(?P<firstmonth>首月)"
                                     r"|第(?P<ordmonth>[一二三四五六七八九十]{1,3}|\d{1,2})个月(?!以来|来)"
                                     r"|第(?P<ordweek>[一二三四五六七八九十]{1,3}|\d{1,2})(?:周|个?星期)(?![年月日天])"
                                     r")"
                                     r"|(?<![年前后上下近过这那本])(?P<yside2>首|头)(?P<yn2>[二两三四五六七八九十]{1,2}|\d{1,2})个月"),
             build_year_span, 2, needs="月季周期", anchoring=Anchoring("月季周期", 8, 6),
             examples=("今年前8月", "2005年首月", "2025年第50周")),
        # The look-behind (on the character before the word) comes after the word: a pattern that
        # starts with literal characters is searched far faster.
        Rule("whole-period", lazy_compile(r"(?:全年|年内|月内)(?<![今去明本前后同当该这上下每全新年\d一二两三四五六七八九十几数多半个次]..)"
                                          r"(?![度龄级])"), build_whole_year, 1, needs="全内",
             words=("全年", "年内", "月内"),
             examples=("全年", "年内", "月内")),
        Rule("relative-quarter", lazy_compile(alternation(lex["relative_quarter"])), build_relative_quarter, 3,
             needs="季", first=first_chars(lex["relative_quarter"]), words=("季度",), examples=("上个季度", "本季度")),
        Rule("recent-window", lazy_compile(r"(?P<rw>" + alternation(lex["recent_window"]) + r")(?![底末初中终关])"),
             build_recent_window, 2, needs="年月", first=first_chars(lex["recent_window"]),
             words=("近年", "近几", "近些", "这几年", "这些年", "近月"), examples=("近年來", "近年")),
        Rule("reference", lazy_compile(alternation(lex["reference"])), build_reference, 0,
             examples=("目前", "近日", "刚刚")),
    )


RULES = _rules()
