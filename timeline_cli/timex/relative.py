"""Words counted from the reference date or the story: 今年, 同年, 上个月, 当月, 下周三, 周五,
周末, 昨天, 今(20)日."""

from __future__ import annotations

from ..lazyre import lazy_compile
from .fragments import (
    excluded_after,
    excluded_before,
    excluded_before_in,
    first_chars,
    mid,
    not_followed_by,
    starts,
)
from .fuzzy import month_part_of, year_part_of
from .lexicon import alternation, lexicon
from .numerals import parse_int
from .pieces import (
    LEVEL,
    Anniversary,
    Day,
    Length,
    Month,
    Piece,
    Point,
    Range,
    Week,
    WeekPart,
    Year,
)
from .recognise import Anchoring, Rule, found, read_back

WEEKDAYS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7,
            "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7}
WEEK_WORDS = {"本": 0, "这": 0, "这个": 0, "这一": 0, "今个": 0, "呢个": 0, "上": -1, "上个": -1, "上一": -1,
              "上上": -2, "上上个": -2, "下": 1, "下个": 1, "下一": 1, "下下": 2, "下下个": 2,
              "上上上": -3, "下下下": 3}


def _year_with_part(m, year: Year, suffix: str | None) -> Piece:
    point = Point(year=year)
    if suffix and suffix != "全年":  # 今年全年: the whole year
        point.year_part = year_part_of("年" + suffix)
    return found(m, point, (LEVEL["year"], LEVEL["yearpart"] if suffix else LEVEL["year"]))


def build_relative_year(m, ctx):
    """今年, 去年 (from the reference year); 同年, 次年 (from the story's year)."""
    word, lex = m.group("yw"), lexicon()
    year = Year(rel=lex["relative_year"][word]) if word in lex["relative_year"] else Year(story=lex["story_year"][word])
    return _year_with_part(m, year, m.group("rypart"))


def _month_with_part(m, month: Month, part: str | None) -> Piece:
    point = Point(month=month)
    if part:
        point.month_part = month_part_of("月" + part)
    return found(m, point, (LEVEL["month"], LEVEL["monthpart"] if part else LEVEL["month"]))


def build_relative_month(m, ctx):
    """本月, 上个月 (from the reference month); 当月, 次月 (from the story's month)."""
    word, lex = m.group("mw"), lexicon()
    if word in lex["relative_month"]:
        month = Month(rel=lex["relative_month"][word])
    elif excluded_before("story_month_before", m.string, m.start()) or excluded_after(
            "story_month_after", m.string, m.end("mw")):
        return None  # 这次月考, 此次月度会议: 次 counts occasions
    else:
        month = Month(story=lex["story_month"][word])
    return _month_with_part(m, month, m.group("rmpart"))


def build_relative_week(m, ctx):
    point = Point(week=Week(WEEK_WORDS[m.group("wrel")]))
    finest = LEVEL["week"]
    weekday, part = m.group("wday"), m.group("wpart")
    if part:
        lex = lexicon()
        point.week_part = WeekPart(*lex["week_part"][lex["week_part_after"][part]])
    elif weekday == "末":
        point.weekend = True
    elif weekday:
        point.weekday = WEEKDAYS[weekday]
        finest = LEVEL["day"]
    return found(m, point, (LEVEL["week"], finest))


def build_weekday(m, ctx):
    """周三, 星期五, 周6 (the reference week's, moved by tense); 周末 (its weekend)."""
    if m.group("wd") == "末":
        return found(m, Point(weekend=True), (LEVEL["week"], LEVEL["week"]))
    return found(m, Point(weekday=WEEKDAYS[m.group("wd")]), (LEVEL["day"], LEVEL["day"]))


_NOT_BEFORE_WEEK_PART = frozenset("一二两三四五六七八九十这每上下本几数个")


def build_week_part(m, ctx):
    """周中, 上半周, 下半周: a part of the reference week (not 一周中, 每周初, 上周中: other rules)."""
    if m.start() > 0 and m.string[m.start() - 1] in _NOT_BEFORE_WEEK_PART:
        return None
    return found(m, Point(week_part=WeekPart(*lexicon()["week_part"][m.group("part")])), (LEVEL["week"], LEVEL["week"]))


def build_day_char(m, ctx):
    """警方昨表示, 市府今宣布, 寒流明起报到: 昨/今/明 alone before a verb."""
    word, view, start = m.group("dc"), m.string, m.start()
    if word == "今" and excluded_before_in("day_char", "today_before", view, start):
        return None
    if word == "明" and excluded_before_in("day_char", "tomorrow_before", view, start):
        return None
    offset = {"昨": -1, "今": 0, "明": 1}[word]
    return found(m, Point(day=Day(rel=offset)), (LEVEL["day"], LEVEL["day"]))


_ANNIVERSARY_UNITS = {"年": "Y", "月": "M", "周": "W", "星期": "W", "天": "D"}


_ANNIVERSARY_WORDS = "今天|今日|这一天|这天|同一天|这个时候|这个时间|这时候|此时"
# The whole phrase, read back from its 前的 (the rule finds 前的 + the day word: a literal start
# is found fast, and most texts have none).
_ANNIVERSARY = lazy_compile(r"(?<![\d.])(?P<an>\d{1,4}|[零一二两三四五六七八九十百]{1,5})\s?(?:个)?(?P<au>年|月|周|星期|天)前的"
                          r"(?P<ann>" + _ANNIVERSARY_WORDS + ")")


_YEARS_AGO = {"去年": 1, "上年": 1, "前年": 2}
# What the rule searches for: 前的 + the day word, or 去年/上年/前年 + the day word, each year
# word a branch of its own so that every branch starts with a literal (searched far faster).
_ANNIVERSARY_CORE = "|".join([r"前的(?:" + _ANNIVERSARY_WORDS + ")", *(
    word + f"的?(?P<ann_{number}>" + _ANNIVERSARY_WORDS + "|同日|同一时间)" for number, word in enumerate(_YEARS_AGO))])


def build_anniversary(m, ctx):
    """80年前的今天: the same day that long ago; 三年前的这个时候: about then; 去年今日, 去年此时."""
    said = next((m.group(f"ann_{n}") for n in range(len(_YEARS_AGO)) if m.group(f"ann_{n}")), None)
    if said:
        length = Length("Y", float(_YEARS_AGO[m.group()[:2]]))
        return found(m, Anniversary(length, approx=said not in _ANNIVERSARY_DAYS))
    m = read_back(_ANNIVERSARY, m, 9)
    if m is None:
        return None
    amount = parse_int(m.group("an"))
    if not amount:
        return None
    length = Length(_ANNIVERSARY_UNITS[m.group("au")], float(amount))
    return found(m, Anniversary(length, approx=m.group("ann") not in _ANNIVERSARY_DAYS))


_ANNIVERSARY_DAYS = ("今天", "今日", "这一天", "这天", "同一天", "同日")


_PAIR_DAYS = {"昨": -1, "今": 0, "明": 1, "后": 2}


def build_this_and_next(m, ctx):
    """今明两年, 今明两天, 今、明两日: this year and the next, today and tomorrow; 昨今两天, 明后两天."""
    first, second = _PAIR_DAYS[m.group("tn1")], _PAIR_DAYS[m.group("tn2")]
    if second != first + 1:
        return None
    if m.group("tnu") == "年":
        if first != 0:
            return None
        ends = [Point(year=Year(rel=0)), Point(year=Year(rel=1))]
        level = LEVEL["year"]
    else:
        ends = [Point(day=Day(rel=first)), Point(day=Day(rel=second))]
        level = LEVEL["day"]
    pieces = [Piece(m.start(), m.end(), "", point, (level, level)) for point in ends]
    return found(m, Range(pieces[0], pieces[1]), (level, level))


_AFTER_WORD_HEADS = frozenset("最然之以随此其前午背落今日")


def build_bracket_date(m, ctx):
    """今(20)日, 前（1）日, 後(19)日, 翌(15)日: "today, the 20th", as Taiwanese and Macanese news write
    it; 今(114)年, 去（113）年: the
    year word with the year beside it. The number wins when the two disagree."""
    if m.group("bw") == "后" and m.string[m.start() - 1:m.start()] in _AFTER_WORD_HEADS:
        return None  # 最后(3)日, 随后（5）日: 后 ends another word
    if m.group("bdn"):
        offset = {"今": 0, "昨": -1, "明": 1, "前": -2, "后": 2, "翌": 1}.get(m.group("bw"))
        if offset is None:
            return None
        return found(m, Point(day=Day(rel=offset, check=int(m.group("bdn")))), (LEVEL["day"], LEVEL["day"]))
    if m.group("bw") == "昨":
        return None
    number = parse_int(m.group("byn"))
    if number is None:
        return None
    year = Year(number, "roc") if number < 1000 else Year(number)
    return _year_with_part(m, year, m.group("rypart"))


def build_relative_day(m, ctx):
    if any(m.string.startswith(name, m.start()) for name in lexicon()["exclusions"]["relative_day"]):
        return None  # 今日头条, 明日之星: names, not days
    if m.group(0) == "后日" and excluded_before("back_day_before", m.string, m.start()):
        return None  # 战后日本
    if m.group(0) == "即日" and (excluded_before("same_day_before", m.string, m.start())
                                 or excluded_after("same_day_after", m.string, m.end())):
        return None  # 立即日夜赶工: 立即 + 日夜; 即日筹: a same-day ticket
    if m.group(0)[0] == "明" and excluded_before("bright_before", m.string, m.start()):
        return None  # 光明日报, 黎明日出: 明 ends another word
    offset, part = lexicon()["relative_day"][m.group(0)]
    # 10月20日宣布…即日起成為: that very day; 即日起接受報名 alone: the report's day
    point = Point(day=Day(rel=offset, in_sentence=m.group(0) == "即日"), daypart=part or None)
    return found(m, point, (LEVEL["day"], LEVEL["daypart"] if part else LEVEL["day"]))


def _rules() -> tuple[Rule, ...]:
    lex = lexicon()
    year_part = r"(?:(?P<rypart>全年|伊始|初|底|末|头" + not_followed_by("month_start_after") + "|尾|终" + not_followed_by("year_end_after") + "|" + mid() + "))?"
    month_part = r"(?:(?P<rmpart>初|底|末|头" + not_followed_by("month_start_after") + "|尾|" + mid() + "))?"
    not_after_count = r"(?<![上下本这个每一二两三四五六七八九十几\d])"  # 每周三, 两周: other rules
    return (
        Rule("relative-year", lazy_compile(
            r"(?P<yw>" + alternation([*lex["relative_year"], *lex["story_year"]]) + r")(?P<fiscal>度)?" + year_part),
            build_relative_year, 2, needs="年", examples=("今年", "去年年底", "同年")),
        Rule("relative-month", lazy_compile(
            r"(?P<mw>" + alternation([*lex["relative_month"], *lex["story_month"]]) + r")" + month_part),
            build_relative_month, 2, needs="月", examples=("本月", "上个月", "次月")),
        Rule("relative-week", lazy_compile(
            r"(?P<wrel>" + alternation(WEEK_WORDS) + r")(?:周|星期|礼拜)"
            r"(?:(?P<wday>[一二三四五六日末1-7]|天" + not_followed_by("sunday_after") + ")"
            + not_followed_by("relative_weekday_after") + "|(?P<wpart>初|前段|后段|" + mid() + "))?"
            + not_followed_by("week_after")),
            build_relative_week, 2, needs="周星拜", first=first_chars(WEEK_WORDS),
            examples=("上周三", "本周", "下周一")),
        Rule("weekday", lazy_compile(starts("周星礼", not_after_count + r"(?:周|星期|礼拜)(?P<wd>[一二三四五六日末]|[1-7](?![\d.%次天日个年月周号期届])|天"
                                          + not_followed_by("sunday_after") + ")" + not_followed_by("weekday_after"))),
             build_weekday, 1, needs="周星拜", anchoring=Anchoring("周期拜", 3, 5), examples=("周三", "星期五", "周末")),
        Rule("bracket-date", lazy_compile(
            r"(?P<bw>[今昨明前去后翌])\s?[(（](?:(?P<bdn>\d{1,2})[)）]\s?[日天]"
            r"|(?P<byn>\d{2,4}|[〇零一二三四五六七八九]{3,4})[)）]\s?年" + year_part + ")"),
            build_bracket_date, 3, needs="(（", anchoring=Anchoring("(（", 2, 12),
            examples=("今(20)日", "昨（2）日", "今(114)年")),
        Rule("week-part", lazy_compile(r"(?P<part>" + alternation(lex["week_part"]).replace("周中", "周" + mid()) + ")"),
             build_week_part, 2, needs="周", first=first_chars(lex["week_part"]),
             words=tuple(lex["week_part"]), examples=("週中", "上半週")),
        Rule("day-char", lazy_compile(r"(?P<dc>[昨今明])(?=" + alternation(lex["day_char"]["verbs"]) + r"|以\d)"),
             build_day_char, 1, needs="昨今明", first="昨今明", examples=("昨", "今")),
        Rule("anniversary", lazy_compile(_ANNIVERSARY_CORE), build_anniversary, 5, needs="的日时天", first="上前去",
            examples=("80年前的今天", "一年前的今天", "去年今日")),
        Rule("this-and-next", lazy_compile(r"(?P<tn1>[昨今明])[、,，]?(?P<tn2>[今明后])(?:两|二|2)?(?P<tnu>年|天|日)"),
             build_this_and_next, 3, needs="今明", first="昨今明",
             examples=("今明两年", "今明两天")),
        Rule("relative-day", lazy_compile(alternation(lex["relative_day"])), build_relative_day, 2,
             first=first_chars(lex["relative_day"]),
             examples=("昨天", "今天", "明晚")),
    )


RULES = _rules()
