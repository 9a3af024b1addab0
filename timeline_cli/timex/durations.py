"""Lengths of time and what the words around them make of one: 12年 (a duration), 过去10年 and
两年来 (a span up to the reference date), 5年后 and 三天前 (an offset: a date), 不到三年,
十余年, 3到5年, 几周, 数十年, 30日内; and windows of whole units: 上两周, 下三个月."""

from __future__ import annotations

import re

from ..lazyre import lazy_compile
from .fragments import NUM, not_followed_by, preceded_by_word, starts
from .lexicon import alternation, lexicon
from .numerals import CN_DIGIT, parse_int, parse_number
from .pieces import Duration, Length, Offset, Span, Window
from .recognise import Rule, found

UNITS = {
    "年": "Y", "载": "Y", "个月": "M", "个多月": "M", "个半月": "M", "周": "W", "个星期": "W", "星期": "W",
    "个多星期": "W", "个周": "W", "个礼拜": "W", "个多礼拜": "W", "礼拜": "W", "天": "D", "日": "D", "个工作日": "D",
    "工作日": "D", "个交易日": "D", "交易日": "D", "小时": "H", "个小时": "H", "个多小时": "H", "个钟头": "H",
    "钟头": "H", "个钟": "H", "分钟": "MIN", "分半钟": "MIN", "刻钟": "MIN", "秒钟": "S", "秒": "S",
    "个世纪": "CE", "个多世纪": "CE", "世纪": "CE", "周年": "Y", "个季度": "M", "月": "M", "个年头": "Y",
}
_MORE_UNITS = ("个多月", "个多世纪", "个多星期", "个多礼拜", "个多小时")
_HALF_UNITS = ("个半月", "分半钟")  # 两个半月, 一分半钟: and a half
_FACTORS = {"个季度": 3, "刻钟": 15}  # 三个季度 is nine months, 一刻钟 fifteen minutes
# 日 is a unit of length only where it cannot be a day of the month: 两日, 数日, and forty or more
# (90日, 30~90日); 32日 is an impossible date.
_DAY_COUNT_WORDS = ("两", "俩", "几", "数", "多")
_CN_START = "几数上零一二两俩三四五六七八九十百千万廿卅半若多"  # what a length in Chinese numerals starts with

# Words just before the number that change what the length means.
_PREFIXES = ("接下来的", "接下来", "过去的", "过去", "再过", "最近", "未来", "今后", "短短", "仅仅", "没过", "不到", "不足",
             "将近", "接近", "超过", "大约", "近", "逾", "约", "第")
_PREFIXES_BY_END: dict[str, list[str]] = {}  # by last character, longest first
for _word in _PREFIXES:
    _PREFIXES_BY_END.setdefault(_word[-1], []).append(_word)
_QUALIFIERS = {"不到": "LESS_THAN", "不足": "LESS_THAN", "将近": "LESS_THAN", "接近": "LESS_THAN",
               "超过": "MORE_THAN", "逾": "MORE_THAN", "大约": "APPROX", "约": "APPROX"}
_PAST_PREFIXES = ("过去的", "过去", "近", "最近")
_LATER_PREFIXES = ("再过",)  # 再过两天: a date that far on
_FUTURE_PREFIXES = ("未来", "今后", "接下来的", "接下来")
_STORY_PREFIXES = ("短短", "仅仅", "没过")  # 短短三天后: counted from the story, the number alone
_SINCE = ("来", "以来")
_BEFORE = ("前", "以前", "之前")
_AFTER = ("后", "以后", "之后", "过后")
_WITHIN = ("内", "以内", "之内")


def read_length(m) -> Length | None:
    """The length the number and unit give, with 多/余/左右/以上; None when it is no length."""
    low_text = m.group("n1") or m.group("n1cn")
    high_text, unit_word, tail = m.group("n2", "unit", "tail")
    unit = UNITS[unit_word]
    if unit == "Y" and len(low_text) == 4 and (low_text.isdigit() or all(ch in CN_DIGIT for ch in low_text)) \
            and not m.group("more1"):
        return None  # 2013年, 二零一三年: a year, read by the year rule (3000多年 is a length)
    if unit_word == "世纪" and m.group("n1cn") and not m.group("n1cn").startswith(("几", "数", "上")):
        return None  # 十九世纪 is the 19th century (个世纪 is a length)
    if unit_word == "载" and not m.group("n1cn"):
        return None  # 载 (years) is literary: 七载, not 7载
    counted = _counted_pair(low_text, unit)
    if counted is not None:
        return counted
    if len(low_text) > 1 and all(ch in CN_DIGIT for ch in low_text):
        return None  # 五八年, 二〇二一年: digits one by one make a year, not a length
    length = vague_length(low_text, unit)
    if length is None:
        low = parse_number(low_text)
        if low is None or (low <= 0 and low_text != "半"):
            return None
        half = tail == "半" or m.group("halfmid") or unit_word in _HALF_UNITS
        factor = _FACTORS.get(unit_word, 1)
        length = Length(unit, (low + 0.5 if half else low) * factor)
        if high_text:
            high = parse_number(high_text)
            if high is None or high <= low or (unit == "Y" and high >= 1000 > low):
                return None  # 010-2009年: a number, then a year; not a length
            length.amount_max = high * factor
    more = m.group("more1") or m.group("more3") or ("多" if unit_word in _MORE_UNITS else None)
    if more or tail == "多":
        length.mod = "MORE_THAN"
    approx = m.group("approx_tail")
    if approx:
        length.mod = {"左右": "APPROX", "以上": "MORE_THAN", "以下": "LESS_THAN"}[approx]
    return length


def day_count_before(view: str, start: int) -> bool:
    """Whether a word that counts days (原为, 共, 为期) stands right before `start`."""
    return any(view.endswith(word, max(0, start - len(word)), start)
               for word in lexicon()["exclusions"]["day_count_before"])


def _day_count(m) -> bool:
    """Whether N日 is a number of days: 两日, 数日 (never a date), 90日 or 30~90日 (forty or more),
    三日后 in Chinese numerals."""
    before = m.string[m.start() - 1:m.start()]
    if before == "月":  # 五月三日前, 十月十六日之后: a day of that month, before or after it
        return False
    if m.group("post") in _WITHIN:  # 30日内: within thirty days
        return True
    if day_count_before(m.string, m.start()):
        return True  # 原为十二日, 共十七日, (共13日): a number of days
    if m.group("n1cn"):  # 三日后 (three days on) — but 10日之前 is before the 10th
        return m.group("n1cn") in _DAY_COUNT_WORDS or bool(m.group("post")) and m.group("post") != "来"
    number = parse_number(m.group("n2") or m.group("n1"))
    if before in "前后" and before and not m.group("post"):
        return True  # 公告后5日才播出, 会前3日: days after or before the event just named
    return number is not None and number >= 40  # 32日 is an impossible date, 90日 ninety days


_PAIRS = {"一二": (1, 2), "两三": (2, 3), "二三": (2, 3), "三四": (3, 4), "四五": (4, 5), "五六": (5, 6),
          "六七": (6, 7), "七八": (7, 8), "八九": (8, 9)}


def _counted_pair(text: str, unit: str) -> Length | None:
    """三四天, 两三年: three or four days, a range of two neighbouring numbers."""
    pair = _PAIRS.get(text)
    return None if pair is None else Length(unit, float(pair[0]), float(pair[1]))


def vague_length(text: str, unit: str) -> Length | None:
    """几年 → X years; 数十年 → X decades; 十几年 → more than 10 years; None when exact."""
    if len(text) == 2 and text[0] == "上":  # 上百年: more than a hundred years
        return Length(unit, float({"十": 10, "百": 100, "千": 1000}[text[1]]), mod="MORE_THAN")
    if text in ("几", "数", "若干", "多"):
        return Length(unit, vague=True)
    if len(text) == 2 and text[0] in "几数" and text[1] in "十百":
        if unit == "Y":
            return Length("DE" if text[1] == "十" else "CE", vague=True)
        return Length(unit, vague=True)
    if text.endswith("几") and len(text) > 1:
        base = parse_int(text[:-1])
        return None if base is None else Length(unit, float(base), mod="MORE_THAN")
    return None


def prefix_before(view: str, start: int) -> tuple[str | None, int]:
    """The word just before a number that changes what the duration means (过去10年, 不到三年,
    近 7 年: one space may stand between)."""
    end = start - 1 if start > 0 and view[start - 1] == " " else start
    words = _PREFIXES_BY_END.get(view[end - 1]) if end > 0 else None
    if not words:
        return None, start
    for word in words:
        if view.startswith(word, end - len(word)):
            return word, end - len(word)
    return None, start


# What may stand just before a 近 that opens its clause: 近30天，新增病例… (the last thirty days).
_OPENS_CLAUSE = frozenset("，,。；;：:！!？?\n（(「『“\"")


def frame(length: Length, prefix: str | None, suffix: str | None,
          opens_clause: bool = False) -> Duration | Span | Offset:
    """What the words around a length make of it."""
    if prefix == "近" and suffix not in _SINCE and not (opens_clause and (suffix is None or suffix in _WITHIN)):
        length.mod = "LESS_THAN"  # 持续近三年: nearly three years
        return Duration(length)
    if prefix in _PAST_PREFIXES or suffix in _SINCE:
        return Span(length, -1)
    if prefix in _FUTURE_PREFIXES:
        return Span(length, 1)
    if prefix in _LATER_PREFIXES and suffix is None:
        return Offset(length, 1)
    if suffix in _BEFORE or suffix in _AFTER:
        direction = -1 if suffix in _BEFORE else 1
        return Offset(length, direction, story=prefix in _STORY_PREFIXES or prefix == "不到")
    return Duration(length)


def _first_few(view: str, start: int, length: Length) -> bool:
    """首两星期, 头三天: the first few units of something the story tells (开幕后首两星期) are a length;
    首个, 首1天 stay ordinals."""
    return view[start - 1:start] in ("首", "头") and length.amount is not None and length.amount >= 2


def _all_around(m) -> bool:
    """四周 is also "all around" (环顾四周, 扫向四周, 四周都是高楼, 大楼的四周): bare, after a verb of
    looking or a place word, or before a word of place, it is no length (四周后, 四周内 are)."""
    if m.group(0) not in ("四周", "四週") or m.group("post") or m.group("tail"):
        return False
    words = lexicon()["exclusions"]
    view, start, end = m.string, m.start(), m.end()
    return view[start - 1:start] in words["around_before"] or any(view.startswith(w, end) for w in words["around_after"])


def build_duration(m, ctx):
    if m.group("unit") == "日" and not _day_count(m):
        return None  # 5日 is the 5th (the commonest match: rejected first)
    if _not_a_length(m):
        return None
    length = read_length(m)
    if length is None:
        return None
    view, start = m.string, m.start()
    prefix, prefix_start = prefix_before(view, start)
    if prefix == "第" or view[start - 1:start] == "第" or (
            preceded_by_word("length_before", view, start) and not _first_few(view, start, length)):
        return None  # 第3年, 最后一个交易日: an ordinal, not a length
    if _all_around(m):
        return None
    if view.startswith("平均", m.end()) and prefix not in _PAST_PREFIXES + _FUTURE_PREFIXES:
        return None  # 24小时平均浓度 names an index (like 日均); 最近三天平均 is a window of days
    qualifier = _QUALIFIERS.get(prefix or "")
    if qualifier:
        length.mod = qualifier
    suffix = m.group("post")
    opens_clause = prefix_start == 0 or view[prefix_start - 1] in _OPENS_CLAUSE
    what = frame(length, prefix, suffix, opens_clause)
    begin, end = prefix_start, m.end()
    if isinstance(what, Duration):
        # A bare duration keeps its own words and a qualifier (不到三年); 过去 belongs to spans.
        if prefix == "近":
            begin = _number_start(m)
        else:
            if not qualifier:
                begin = _number_start(m)
            if suffix and suffix not in _WITHIN:
                end = m.start("post")
    elif prefix in _STORY_PREFIXES:
        begin = _number_start(m)
    refined = "+offset" if isinstance(what, Offset) else "+span" if isinstance(what, Span) else ""
    return found(m, what, start=begin, end=end, refined=refined)


def _number_start(m) -> int:
    return m.start("n1") if m.group("n1") is not None else m.start("n1cn")


def _not_a_length(m) -> bool:
    n1 = m.group("n1") or m.group("n1cn")
    at = _number_start(m)
    unit, after = m.group("unit"), m.string[m.end("unit"):m.end("unit") + 1]
    if unit == "周" and m.string[at - 1:at] in ("转", "绕", "环", "圈"):
        return True  # 自转一周, 绕地球一周: a turn, not a week
    if unit == "年" and m.group("n2") and re.fullmatch(r"(?:19|20)\d\d", m.group("n2")) \
            and re.fullmatch(r"(?:19|20)\d\d[.．]\d{1,2}", n1 or ""):
        return True  # 2008.03至2009年: a year and month, then a year (a range of dates)
    if (unit == "年" and after == "报") or (unit == "天" and after in lexicon()["exclusions"]["day_word_after"]):
        return True  # 半年报 (a half-year report), 一天桥 (一 + 天桥, an overpass)
    # 千年古城, 百年老店: adjectives; 百年来, 百年前 are lengths
    return n1 in ("千", "百", "万", "十万", "百万", "千万", "万万") and m.group("post") not in _SINCE + _BEFORE + _AFTER


_WINDOW_UNITS = {"秒钟": "S", "秒": "S", "分钟": "MIN", "小时": "H", "钟头": "H", "钟": "H", "天": "D", "日": "D",
                 "周": "W", "星期": "W", "礼拜": "W", "月": "M", "年": "Y"}


def build_window(m, ctx):
    """上两周, 下三个月, 前两天, 后三小时: the whole units just before or after the current one."""
    side = m.group("wside")
    before = m.string[m.start() - 1:m.start()]
    if side in ("前", "后") and "\u4e00" <= before <= "\u9fff" and before not in lexicon()["exclusions"]["window_may_follow"]:
        return None  # 会议前两天: two days before the meeting, not the last two days
    count = parse_int(m.group("wn"))
    if not count or count > 999:
        return None
    length = Length(_WINDOW_UNITS[m.group("wu")], float(count))
    return found(m, Window(length, -1 if side in ("上", "前") else 1))


def build_long_years(m, ctx):
    """长年 (for many years): a vague length in years, not 校长年薪 or 增长年均."""
    view, start, end = m.string, m.start(), m.end()
    if view[start - 1:start] in _HEAD_BEFORE or view[end:end + 1] in _YEAR_WORD_AFTER:
        return None
    return found(m, Duration(Length("Y", vague=True)))


_HEAD_BEFORE = frozenset("增成生延校院所局部市省县区队班社会团首族家兄学董行厂站科处厅署师股组连营排船机列州镇村乡")
_YEAR_WORD_AFTER = frozenset("均薪龄代度级轻会报终底初末内中华")


def _rules() -> tuple[Rule, ...]:
    # 日 is the commonest unit that is no length (20日 is the 20th): only where _day_count may
    # accept it (两日, 40日 and more, 三日后, 30日内) does the pattern let it through.
    day_unit = (r"日(?=[内前后来以之过])|(?<=[两俩几数多])日|(?<=[4-9]\d)日|(?<=\d\d\d)日"
                r"|(?<=[前后]\d)日|(?<=[前后]\d\d)日"  # 公告后5日: days after the event
                r"|(?<=[共计达期时足]\d)日|(?<=[共计达期时足]\d\d)日"  # 共13日, 为期3日: after a counting word
                r"|(?<=[一二三四五六七八九十廿卅])日")  # 原为十二日: only after a counting word (_day_count)
    # 月 without 个 is a month of the calendar (一月, 3月) except after 两/数/半 (两月内, 数月来,
    # 半月后) and in 一月内, 几月来: within a month, for some months
    # and after 为期/历时/长达 (为期五月: five months)
    month_unit = (r"(?<=[两数半])月|(?<=几)月(?![几份])|(?<=[一几])月(?=[内以之来])"
                  r"|(?<=(?:为期|历时|为时|长达|耗时|费时)[一二三四五六七八九十])月"
                  r"|(?<=(?:为期|历时|为时|长达|耗时|费时)十[一二])月")
    units = alternation([w for w in UNITS if w not in ("日", "月")]) + "|" + day_unit + "|" + month_unit
    tail = (r"(?:\s?(?:到|至|——|-|–|—|~|、)\s?(?P<n2>" + NUM + r"))?"
            r"\s?(?P<more1>多|余|来)?(?P<halfmid>个半)?(?P<unit>" + units + r")"
            r"(?P<tail>半|多)?(?P<more3>余)?(?P<approx_tail>左右|以上|以下)?" + not_followed_by("duration_after") +
            r"(?P<post>以来|来|以前|之前|前|以后|之后|过后|后" + not_followed_by("after_suffix") + "|以内|之内|内)?")
    number = (r"(?:(?<![\d.])(?<!\d,)(?!(?:1\d{3}|20\d{2}|21\d{2})\s?年)"  # 2013年: a year
              r"(?P<n1>(?:\d{1,3}(?:,\d{3})+|\d{1,6})(?:\.\d{1,3})?(?:万|亿)?)"
              # Chinese numerals are common characters: only tried where a unit of time follows.
              # 多 is too common a character for that look-ahead: only 多年 is tried for it.
              r"|(?:(?=[" + _CN_START.replace("多", "") + r"])(?=[^，。；,;\n]{0,10}?(?:年|月|周|星期|礼拜|天|日|时|钟|分|秒|世纪|载|季))"
              r"|(?=多年))"
              r"(?P<n1cn>[几数上][十百千]|[零一二两俩三四五六七八九十百千万廿卅]{1,8}几?|半|几|数|若干"
              # 耕耘多年, 多年来, 多年前: many years (not 十多年, read above; not 差不多年底, 多年生植物)
              r"|(?<![\d零一二两三四五六七八九十百千万几不])多(?=年(?![生货]))))")
    return (
        Rule("duration", lazy_compile(starts("0-9" + _CN_START, number + tail)),
             build_duration, 3, needs="年月周星拜天日时头分秒纪载季钟", examples=("12年", "5年后", "三個月")),
        Rule("long-years", lazy_compile("长年"), build_long_years, 1, words=("长年",), examples=("長年", "长年")),
        Rule("window", lazy_compile(
            r"(?P<wside>[上下前后])(?P<wn>[两二三四五六七八九十]|[一二三四五六七八九十]?十[一二三四五六七八九]?|\d{1,3})"
            r"个?(?P<wu>" + alternation(_WINDOW_UNITS) + r")(?![前后内来以之])" + not_followed_by("duration_after")),
            build_window, 3, needs="上下前后", first="上下前后", examples=("上两周", "下三个月")),
    )


RULES = _rules()
