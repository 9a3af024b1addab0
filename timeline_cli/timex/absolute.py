"""Calendar dates written with 年/月/日: 2025年11月20日, 二〇二五年, 民国114年, 一一三年, '98年, 20日."""

from __future__ import annotations

import re

from ..lazyre import lazy_compile
from .durations import day_count_before
from .fragments import (
    CN4,
    CN_DAY,
    CN_MONTH,
    NOT_IN_NUMBER,
    mid,
    not_followed_by,
    not_preceded_by,
    preceded_by_word,
    starts,
)
from .fuzzy import month_part_of, year_part_of
from .holiday_table import entries
from .lexicon import alternation, lexicon
from .numerals import CN_DIGIT, CN_NUMBER, parse_int
from .pieces import LEVEL, Day, Month, Piece, Point, Range, Year
from .recognise import Anchoring, Rule, found, read_back

# After a two-digit year (07年, 19年) the words that make it a year and not a length: a quarter,
# a part of the year (19年底 is the end of 2019; 12年 alone stays a length).
_SHORT_YEAR_AFTER = r"第?[一二三四1-4]季|[一二三四1-4]季度|底|初|末|上半年|下半年|第(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])个月"
# 一二年, 三四年 …: one or two years, three or four: counts, not years.
_COUNT_PAIRS = "一二|二三|三四|四五|五六|六七|七八|八九"


def _dated_in_text(view: str, number: str) -> bool:
    """Whether the text writes the ROC year `number` with a month (115年8月20日) or beside its year
    word (今(115)年): then a bare 115年 elsewhere in it is that year, not 115 years (a holiday after
    it says so too: _holiday_next)."""
    return re.search(r"(?<!\d)" + number + r"\s?年\s?(?:\d{1,2}|十[一二]?|[一二三四五六七八九])\s?月|[(（]" + number + r"[)）]\s?年",
                     view) is not None


def _holiday_next(view: str, at: int) -> bool:
    """Whether a holiday's name starts at `at`: 115年春節假期, 114年中秋 (a year, not 115 years)."""
    return any(view.startswith(name, at) for name, entry in entries().items() if not entry.context)


def build_year(m, ctx):
    digits, cn, roc, short, suffix = m.group("y4", "ycn", "roc", "y2", "ypart")
    if m.group("y2cn"):
        short = str(parse_int(m.group("y2cn")))
    if m.group("y3"):  # 113年起, 113年度 alone: an ROC year in Taiwanese text, else a length of time
        if not ctx.taiwan:
            return None
        roc = m.group("y3")
    if m.group("y3n"):
        if not ctx.taiwan or not (_dated_in_text(m.string, m.group("y3n")) or _holiday_next(m.string, m.end())):
            return None
        view, start = m.string, m.start("y3n")
        if view[start - 1:start] in lexicon()["exclusions"]["roc_year_before"] and view[start - 2:start] != "通过":
            return None  # 已有115年: a length (but 通过115年预算 passes that year's budget)
        roc = m.group("y3n")
    if m.group("y2") and preceded_by_word("season_year_before", m.string, m.start("y2")):
        return None  # 中華職棒36年3月: the league's 36th season, then March
    if m.group("y2a"):  # '98年: an apostrophe marks a two-digit year even without a month
        short = m.group("y2a")
    if m.group("roccn"):
        roc = m.group("roccn")
    if digits:
        year = Year(int(digits))
    elif cn:
        number = parse_int(cn)
        if number is None or not 1000 <= number <= 2199:
            return None
        year = Year(number)
    elif roc:
        number = parse_int(roc)
        if number is None:
            return None
        year = Year(number, "roc")
    else:
        # 114年3月 is an ROC year anywhere; 98年3月 is one in Taiwanese (Traditional) text.
        roc_reading = (ctx.taiwan and not m.group("y2a") and not m.group("y2cn")) or len(short) == 3
        year = Year(int(short), "roc" if roc_reading else "short")
    point = Point(year=year)
    if suffix and suffix != "全年":  # 2024年全年: the whole year
        point.year_part = year_part_of("年" + suffix)
    finest = LEVEL["yearpart"] if suffix else LEVEL["year"]
    return found(m, point, (LEVEL["year"], finest))


_LENGTH_HEADS = frozenset({"为期", "历时", "为时", "长达", "耗时", "费时"})


def build_month(m, ctx):
    month = parse_int(m.group("mon") or m.group("moncn"))
    if month is None or not 1 <= month <= 12:
        return None
    if m.group("moncn") and m.string[max(0, m.start() - 2):m.start()] in _LENGTH_HEADS:
        return None  # 为期五月, 历时三月: a number of months (durations.py), not May
    point = Point(month=Month(month))
    part = m.group("mpart")
    if part:
        point.month_part = month_part_of("月" + part)
    return found(m, point, (LEVEL["month"], LEVEL["monthpart"] if part else LEVEL["month"]))


_MONTH_BEFORE = lazy_compile(r"(\d{1,2}|[一二三四五六七八九十]{1,3})\s?月\s?$")


def build_day(m, ctx):
    before = _MONTH_BEFORE.search(m.string, max(0, m.start() - 5), m.start())
    if before is not None and not 1 <= (parse_int(before.group(1)) or 0) <= 12:
        return None  # 2025年0月1日: the month is impossible, so is the day
    if m.group("day") and m.string[m.start() - 1:m.start()] in ("前", "后"):
        return None  # 公告后5日才播出, 会前3日: a number of days (durations.py), not the 5th
    if (m.group("daycn2") or m.group("daycn") or m.group("day")) and day_count_before(m.string, m.start()):
        return None  # 勞工假原為十二日: twelve days (durations.py), not the 12th
    text = (m.group("day") or m.group("day2") or m.group("daycn") or m.group("daycn2") or m.group("daycn3")
            or m.group("daycn4"))
    day = parse_int(text)
    if day is None or not 1 <= day <= 31:
        return None
    return found(m, Point(day=Day(day)), (LEVEL["day"], LEVEL["day"]))


# 3月5 is a day without 日 (10月22出生, 1月3至2月10, 最迟11月11解散) unless a measure word or a
# unit follows (3月5家, 1月3人: month_day_after in the lexicon).
_MONTH_DAY_NEXT = r"(?![\d.%:/A-Za-z])"
# The rule finds the phrase from its 月 (a literal start is found fast); read_back checks the month.
_MONTH_DAY = lazy_compile(
    r"(?:(?<![一二三四五六七八九十第])(?P<mdm>" + CN_MONTH + r")月(?P<mdd>" + CN_DAY + r")"
    r"|(?<![\d./])(?P<mdm2>1[0-2]|0?[1-9])月(?P<mdd2>3[01]|[12]\d|0?[1-9])" + _MONTH_DAY_NEXT + ")")
_NTH_WEEKDAY = lazy_compile(
    r"(?<![\d一二三四五六七八九十第])(?P<nwm>" + CN_MONTH + r"|1[0-2]|0?[1-9])\s?月份?的?"
    r"(?:第(?P<nwn>[一二三四五1-5])|(?P<nwlast>最后一))个?(?:周|星期|礼拜)(?P<nwd>[一二三四五六日天])")


def build_month_day(m, ctx):
    """二月十五, 三月一: a month and a day in Chinese numerals without 日 (the Gregorian calendar)."""
    m = read_back(_MONTH_DAY, m, 2)
    if m is None:
        return None
    month, day = parse_int(m.group("mdm") or m.group("mdm2")), parse_int(m.group("mdd") or m.group("mdd2"))
    if month is None or day is None or not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if m.group("mdm") and month == day and day < 10 and not _after_year(m.string, m.start()):
        return None  # 三月三, 五月五, 九月九: festivals of the lunar calendar by name
    return found(m, Point(month=Month(month), day=Day(day)), (LEVEL["month"], LEVEL["day"]))


def _after_year(view: str, start: int) -> bool:
    return view[max(0, start - 2):start].rstrip().endswith("年")


ORDINALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5}
WEEKDAY_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7}


def build_nth_weekday(m, ctx):
    """十月第一个星期一, 五月的第二個星期日, 11月的最后一个星期四."""
    m = read_back(_NTH_WEEKDAY, m, 6)
    if m is None:
        return None
    month = parse_int(m.group("nwm"))
    if month is None or not 1 <= month <= 12:
        return None
    n = -1 if m.group("nwlast") else ORDINALS[m.group("nwn")]
    day = Day(nth=(n, WEEKDAY_NUMBERS[m.group("nwd")]))
    return found(m, Point(month=Month(month), day=day), (LEVEL["month"], LEVEL["day"]))


# The whole list, read from its first number; the rule itself only finds a 、 between digits
# (a literal first character lets the regex engine skip through the text quickly).
_ENUMERATION = lazy_compile(
    r"(?<![\d./:])(?P<eday>\d{1,2}(?:、\d{1,2}){0,5})、(?P<dlast>\d{1,2})\s?[日号]"
    r"|(?<![\d.])(?P<eyear>(?:19|20)\d{2}(?:、(?:19|20)\d{2}){0,5})、(?P<ylast>(?:19|20)?\d{2})\s?年"
    r"|(?<![\d./])(?P<emonth>(?:1[0-2]|[1-9])(?:、(?:1[0-2]|[1-9])){0,5})、(?P<mlast>1[0-2]|[1-9])\s?月份?")
_ASCII_DIGITS = frozenset("0123456789")
_ENUMERATED = {"day": (LEVEL["day"], 1, 31), "month": (LEVEL["month"], 1, 12), "year": (LEVEL["year"], 1000, 2199)}


def _enumerated_point(kind: str, number: int) -> Point:
    if kind == "day":
        return Point(day=Day(number))
    if kind == "month":
        return Point(month=Month(number))
    return Point(year=Year(number))


def build_enumeration(m, ctx):
    """3月8、9日, 2021、2022年, 3、4月, 1998、99年: items that follow one another are one range from the
    first to the last (13、14日 is the 13th to the 14th); others give one date each, with the unit
    they share (3月8、15日: the 8th and the 15th).

    The last item of a list with gaps is read by its own rule (15日, 2022年, 4月), except a
    two-digit year, which takes the century of the item before it (2008、12年); a date before the
    first item (3月) joins it in compose.
    """
    view, start = m.string, m.start()
    while start > 0 and view[start - 1] in _ASCII_DIGITS:
        start -= 1
    if start > 0 and view[start - 1] == "、":
        return None  # not the list's first 、: read from there already
    m = _ENUMERATION.match(view, start)
    if m is None:
        return None
    if m.group("eday"):
        kind, text, last, start = "day", m.group("eday"), m.group("dlast"), m.start("eday")
    elif m.group("eyear"):
        kind, text, last, start = "year", m.group("eyear"), m.group("ylast"), m.start("eyear")
    else:
        kind, text, last, start = "month", m.group("emonth"), m.group("mlast"), m.start("emonth")
    level, low, high = _ENUMERATED[kind]
    numbers = [int(item) for item in text.split("、")]
    last_number = int(last)
    if kind == "year" and len(last) == 2:  # 1998、99年: the century of the item before
        last_number += numbers[-1] // 100 * 100
    if not all(low <= n <= high for n in (*numbers, last_number)):
        return None
    if all(b == a + 1 for a, b in zip((*numbers, last_number), (*numbers[1:], last_number), strict=False)):
        ends = [Piece(start, m.end(), "", _enumerated_point(kind, n), (level, level)) for n in (numbers[0], last_number)]
        return found(m, Range(ends[0], ends[1]), (level, level), start=start)
    pieces = []
    for item, number in zip(text.split("、"), numbers, strict=False):
        pieces.append(Piece(start, start + len(item), "", _enumerated_point(kind, number), (level, level)))
        start += len(item) + 1
    if kind == "year" and len(last) == 2:
        pieces.append(Piece(m.start("ylast"), m.end(), "", _enumerated_point(kind, last_number), (level, level)))
    return pieces


def build_enumerated_and(m, ctx):
    """2022和2023年, 3及4月: the first of two dates joined by 和/及/与, with the unit the second
    one writes; the second is read by its own rule. Two dates, not a range (unlike 2022、2023年)."""
    kind = "year" if m.group("and_year") else "month"
    level, low, high = _ENUMERATED[kind]
    number = int(m.group(0))
    if not low <= number <= high:
        return None
    return found(m, _enumerated_point(kind, number), (level, level))


def _rules() -> tuple[Rule, ...]:
    year_part = r"(?:(?P<ypart>全年|伊始|初|底|末|头" + not_followed_by("month_start_after") + "|尾|终" + not_followed_by("year_end_after") + "|" + mid() + "))?"
    day_stop = not_followed_by("day_after")
    return (
        Rule("year", lazy_compile(starts("0-9" + CN_DIGIT + "民'’",
            NOT_IN_NUMBER + r"(?:(?P<y4>1\d{3}|20\d{2}|21\d{2})|(?P<ycn>" + CN4 + r")"
            r"|民国(?P<roc>\d{1,3}|[零一二三四五六七八九十百]{1,5})"
            r"|['’](?P<y2a>\d{2})(?=年)"
            r"|(?P<roccn>一[〇零一][〇零一二三四五六七八九])(?=\s?年)"  # 一一三年: ROC years digit by digit
            r"|" + not_preceded_by("roc_year_before") + r"(?P<y3>1[01]\d)"  # not after 經營/長達/已: a length
            r"(?=年(?:度|起|初|底|中|末|全年|以来|至|到|[-–~，。、；：）)\s]|$))"
            r"|(?P<y2>\d{2,3})(?=年\s?(?:(?:\d{1,2}|十[一二]|[一二三四五六七八九十])"
            r"(?:\s?[至到~\-]\s?(?:\d{1,2}|十[一二]|[一二三四五六七八九十]))?月|" + _SHORT_YEAR_AFTER + "))"
            # 零七年, 九七年, 三三年: two Chinese digits one by one (not 三四年, three or four years)
            r"|(?<![" + CN_NUMBER + r"])(?P<y2cn>(?!" + _COUNT_PAIRS + ")[〇零一二三四五六七八九]{2})(?=年)"
            # 115年地方公职人员选举: before other words, when the text dates something in that year (115年8月)
            r"|(?P<y3n>1[01]\d)(?=年(?![的了来之间后前内多余左历周岁]))"
            r")"
            r"\s?财?年(?P<fiscal>度)?" + not_followed_by("year_after") + year_part)),
            build_year, 4, needs="年", anchoring=Anchoring("年", 10, 8),
            examples=("2013年", "二零一三年", "民國38年")),
        Rule("month", lazy_compile(starts("0-9一二三四五六七八九十",
            r"(?:(?<![\d./])(?P<mon>1[0-2]|0?[1-9])|(?<![一二三四五六七八九十第])(?P<moncn>" + CN_MONTH + r"))"
            r"\s?月(?:份)?" + not_followed_by("month_after") +
            r"(?:(?P<mpart>初|底|末|头" + not_followed_by("month_start_after") + "|尾|" + mid() + "))?")),
            build_month, 3, needs="月", anchoring=Anchoring("月", 5, 8), examples=("4月份", "6月", "12月")),
        Rule("day", lazy_compile(starts("0-9一二三四五六七八九十廿卅",
            r"(?:(?<![\d./])(?P<day>3[01]|[12]\d|0?[1-9])\s?日" + day_stop +
            r"|(?:(?<=月)|(?<=[号日][、，,]))(?P<day2>3[01]|[12]\d|0?[1-9])\s?号" + not_followed_by("hao_after") +
            r"|(?<=月)(?P<daycn>" + CN_DAY + r")[日号]"
            r"|(?<![一二三四五六七八九十廿卅])(?P<daycn2>[二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?)日"
            + day_stop +
            # 二日表示, 一日披露: a one-digit day only before a verb of telling or a part of the day
            r"|(?<![一二三四五六七八九十廿卅〇零两几数第每前后这那头首末上下近逾约多初有某同当])(?P<daycn4>[一二三四五六七八九])日"
            r"(?=" + alternation(lexicon()["day_said_after"]["words"]) + ")" +
            r"|(?<=[到至])(?P<daycn3>" + CN_DAY + r")号" + not_followed_by("hao_after") + ")")),
            build_day, 3, needs="日号", anchoring=Anchoring("日号", 5, 8), examples=("20日", "卅日")),
        Rule("enumeration", lazy_compile(r"、(?<=\d、)(?=\d)"), build_enumeration, 3, needs="、",
             examples=("13、14日", "2021、2022年", "2008")),
        Rule("enumeration-and", lazy_compile(starts("0-9",
            r"(?<![\d.,])(?:(?P<and_year>(?:1[89]|20|21)\d\d)(?=[和及与](?:1[89]|20|21)\d\d年)"
            r"|(?:1[0-2]|0?[1-9])(?=[和及与](?:1[0-2]|0?[1-9])月))")),
             build_enumerated_and, 3, needs="和及与", examples=("2022", "2019", "3")),
        Rule("month-day", lazy_compile(
            r"月(?:" + CN_DAY + r"|(?:3[01]|[12]\d|0?[1-9])" + _MONTH_DAY_NEXT + ")" + not_followed_by("month_day_after")),
            build_month_day, 3, needs="月", examples=("二月十五", "三月一")),
        Rule("nth-weekday", lazy_compile(r"(?:第[一二三四五1-5]|最后一)个?(?:周|星期|礼拜)[一二三四五六日天]"),
            build_nth_weekday, 5, needs="第最", first="第最",
            examples=("十月第一个星期一", "五月的第二個星期日")),
    )


RULES = _rules()
