"""Recognisers: small patterns, one per family of expression, that find pieces of time.

Each recogniser scans the Simplified view and yields `Piece`s: a span and the
calendar fields the words give (a year, a month offset, a part of the year …),
not yet resolved against any date. `compose.py` joins adjacent pieces and
`resolve.py` turns them into values.

No pattern here nests unbounded repetitions, so matching time stays linear in
the length of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import alternation, lexicon
from .numerals import CN_DIGIT, parse_int, parse_number

# Field levels, coarse to fine: pieces compose when the first ends above where the next begins.
LEVEL = {
    "century": 0, "decade": 1, "year": 2, "yearpart": 3, "month": 4, "week": 5,
    "monthpart": 5, "day": 6, "daypart": 7, "clock": 8,
}


@dataclass(slots=True)
class Piece:
    start: int
    end: int
    rule: str
    kind: str  # point | duration | set | offset | span | ref | after | same | storyday | qualifier
    fields: dict = field(default_factory=dict)
    levels: tuple[int, int] = (0, 0)  # coarsest and finest level, for points

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern
    build: object  # (match, context) -> Piece | None
    priority: int = 0  # breaks ties between pieces of the same span: higher wins
    needs: frozenset = frozenset()  # every match holds one of these; a text without any skips the rule
    anchors: re.Pattern | None = None  # when set, search only in windows around these characters
    anchor_chars: str = ""
    before: int = 0  # how far a match may start before its anchor
    after: int = 0  # how far past the anchor the window reaches (room for lookaheads too)


# --- shared fragments -----------------------------------------------------------------

CN_MONTH = "十[一二]|[一二三四五六七八九十]"
CN_DAY = "三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?|[一二三四五六七八九]"
# 中 as in 年中/月中 only when what follows does not make it a word (2025年中国, 5月中美).
MID_OK = r"(?![国央共华心方东西南北部间学文医资企信断止标招考美日韩欧印俄英法德港澳台石铁海科芯兴粮广建交农工银超甲乙药队型级层期意式餐成专外小班商证航电影视联旬午秋元])"
NUM = r"\d{1,6}(?:\.\d{1,3})?|[几数][十百]|[零一二两三四五六七八九十百千万]{1,8}几?|半|几|数|若干"
DURATION_UNITS = {
    "年": "Y", "个月": "M", "个多月": "M", "周": "W", "个星期": "W", "星期": "W",
    "个礼拜": "W", "礼拜": "W", "天": "D", "小时": "H", "个小时": "H", "个钟头": "H",
    "钟头": "H", "分钟": "MIN", "秒钟": "S", "秒": "S", "个世纪": "CE", "个多世纪": "CE", "世纪": "CE",
    "周年": "Y",
}
WEEKDAYS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7, "末": 0,
            "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7}


def _point(m, rule, levels, **fields) -> Piece:
    return Piece(m.start(), m.end(), rule, "point", fields, levels)


def _number(text: str | None) -> int | None:
    return None if text is None else parse_int(text)


# --- builders ---------------------------------------------------------------------------

def _year_part(suffix: str | None):
    if not suffix:
        return {}
    word = "年" + suffix
    return {"part": ("year",) + tuple(lexicon()["year_part"][word])}


def build_year(m, ctx):
    digits, cn, roc, short, suffix, fiscal = m.group("y4", "ycn", "roc", "y2", "ypart", "fiscal")
    if m.group("y3"):  # 113年起, 113年度 alone: an ROC year in Taiwanese text, else a length of time
        if not ctx.taiwan:
            return None
        roc = m.group("y3")
    if m.group("y2a"):  # '98年: an apostrophe marks a two-digit year even without a month
        short = m.group("y2a")
    fields = _year_part(suffix)
    if fiscal:
        fields["fiscal"] = True
    if digits:
        year = int(digits)
    elif cn:
        year = parse_int(cn)
        if year is None or not 1000 <= year <= 2199:
            return None
    elif roc:
        year = parse_int(roc)
        if year is None:
            return None
        fields["roc"] = True
    else:
        year = int(short)
        # 114年3月 is an ROC year anywhere; 98年3月 is one in Taiwanese (Traditional) text.
        fields["roc" if (ctx.taiwan and not m.group("y2a")) or len(short) == 3 else "short_year"] = True
    finest = LEVEL["yearpart"] if "part" in fields else LEVEL["year"]
    return _point(m, "year", (LEVEL["year"], finest), year=year, **fields)


def build_month(m, ctx):
    month = _number(m.group("mon"))
    if month is None or not 1 <= month <= 12:
        return None
    fields = {"month": month}
    part = m.group("mpart")
    if part:
        fields["part"] = ("month",) + tuple(lexicon()["month_part"]["月" + part])
    finest = LEVEL["monthpart"] if part else LEVEL["month"]
    return _point(m, "month", (LEVEL["month"], finest), **fields)


def build_day(m, ctx):
    day = _number(m.group("day"))
    if day is None or not 1 <= day <= 31:
        return None
    return _point(m, "day", (LEVEL["day"], LEVEL["day"]), day=day)


def build_numeric_date(m, ctx):
    year, month, day = int(m.group("ny")), int(m.group("nm")), m.group("nd")
    if not 1 <= month <= 12:
        return None
    fields = {"year": year, "month": month}
    finest = LEVEL["month"]
    if day:
        fields["day"] = int(day)
        finest = LEVEL["day"]
    if m.group("nh"):
        fields.update(hour=int(m.group("nh")), minute=int(m.group("nmin")))
        finest = LEVEL["clock"]
    return _point(m, "numeric-date", (LEVEL["year"], finest), **fields)


def _range_piece(m, rule: str, key: str, first: int, second: int, level: int) -> Piece | None:
    if not first < second:
        return None
    ends = [Piece(m.start(), m.end(), rule, "point", {key: value}, (level, level)) for value in (first, second)]
    return Piece(m.start(), m.end(), rule, "range", {"from": ends[0], "to": ends[1]}, (level, level))


def build_month_range(m, ctx):
    """1至10月: two months sharing one 月."""
    first, second = parse_int(m.group("m1")), parse_int(m.group("m2"))
    if first is None or second is None or not (1 <= first <= 12 and 1 <= second <= 12):
        return None
    return _range_piece(m, "month-range", "month", first, second, LEVEL["month"])


def build_day_range(m, ctx):
    """5至7日: two days sharing one 日."""
    return _range_piece(m, "day-range", "day", int(m.group("d1")), int(m.group("d2")), LEVEL["day"])


def build_relative_year(m, ctx):
    lex = lexicon()
    word, suffix = m.group("ry"), m.group("rypart")
    fields = _year_part(suffix)
    if word in lex["relative_year"]:
        fields["year_rel"] = lex["relative_year"][word]
        rule = "relative-year"
    else:
        fields["year_story"] = lex["story_year"][word]
        rule = "story-year"
    if m.group("fiscal"):
        fields["fiscal"] = True
    finest = LEVEL["yearpart"] if suffix else LEVEL["year"]
    return _point(m, rule, (LEVEL["year"], finest), **fields)


def build_year_part(m, ctx):
    word = m.group(0)
    return _point(m, "year-part", (LEVEL["yearpart"], LEVEL["yearpart"]),
                  part=("year",) + tuple(lexicon()["year_part"][word]))


def build_half(m, ctx):
    half = 1 if m.group(0).startswith("上") else 2
    return _point(m, "half-year", (LEVEL["yearpart"], LEVEL["yearpart"]), half=half)


def build_quarter(m, ctx):
    if m.group("qfirst3"):
        return _point(m, "quarter", (LEVEL["yearpart"], LEVEL["yearpart"]), quarters=(1, 3))
    q = m.group("q") or m.group("qq") or m.group("qqq")
    quarter = 1 if q in (None, "首") else parse_int(q)
    if quarter is None or not 1 <= quarter <= 4:
        return None
    return _point(m, "quarter", (LEVEL["yearpart"], LEVEL["yearpart"]), quarter=quarter)


def build_season(m, ctx):
    code = lexicon()["season"][m.group("season")]
    return _point(m, "season", (LEVEL["yearpart"], LEVEL["yearpart"]), season=code)


def build_month_part(m, ctx):
    word = m.group(0)
    return _point(m, "month-part", (LEVEL["monthpart"], LEVEL["monthpart"]),
                  part=("month",) + tuple(lexicon()["month_part"][word]))


def build_relative_month(m, ctx):
    lex = lexicon()
    word, part = m.group("rm"), m.group("rmpart")
    fields = {}
    if word in lex["relative_month"]:
        fields["month_rel"] = lex["relative_month"][word]
        rule = "relative-month"
    else:
        fields["month_story"] = lex["story_month"][word]
        rule = "story-month"
    if part:
        fields["part"] = ("month",) + tuple(lex["month_part"]["月" + part])
    finest = LEVEL["monthpart"] if part else LEVEL["month"]
    return _point(m, rule, (LEVEL["month"], finest), **fields)


def build_relative_week(m, ctx):
    which, weekday = m.group("wrel"), m.group("wday")
    rel = {"本": 0, "这": 0, "这个": 0, "上": -1, "上个": -1, "上上": -2, "上上个": -2,
           "下": 1, "下个": 1, "下下": 2, "下下个": 2}[which]
    fields = {"week_rel": rel}
    finest = LEVEL["week"]
    if weekday:
        day = WEEKDAYS[weekday]
        if day == 0:
            fields["weekend"] = True
        else:
            fields["weekday"] = day
            finest = LEVEL["day"]
    return _point(m, "relative-week", (LEVEL["week"], finest), **fields)


def build_weekday(m, ctx):
    day = WEEKDAYS[m.group("wd")]
    if day == 0:
        return _point(m, "weekend", (LEVEL["week"], LEVEL["week"]), week_rel=None, weekend=True)
    return _point(m, "weekday", (LEVEL["day"], LEVEL["day"]), weekday=day)


def build_bracket_day(m, ctx):
    """今(20)日, as Taiwanese news writes "today, the 20th"."""
    offset = {"今": 0, "昨": -1, "明": 1, "前": -2}[m.group("bd")]
    return _point(m, "relative-day", (LEVEL["day"], LEVEL["day"]), day_rel=offset, day_check=int(m.group("bdn")))


def build_relative_day(m, ctx):
    if any(m.string.startswith(name, m.start()) for name in lexicon()["exclusions"]["relative_day"]):
        return None  # 今日头条, 明日之星: names, not days
    offset, part = lexicon()["relative_day"][m.group(0)]
    fields = {"day_rel": offset}
    finest = LEVEL["day"]
    if part:
        fields["daypart"] = part
        finest = LEVEL["daypart"]
    return _point(m, "relative-day", (LEVEL["day"], finest), **fields)


def build_time(m, ctx):
    part_word = m.group("dp")
    weak = False
    hour = _number(m.group("hour"))
    if hour is None:
        return None
    minute_text, unit = m.group("minute"), m.group("hunit")
    extra = m.group("hextra")
    if unit in ("点", "时") and not part_word and hour <= 24:
        # A bare 8点 is often a count (8点建议); accept it only with minutes or 许/整/钟.
        if not (minute_text or extra) and (unit == "点" or not m.group("hour").isascii()):
            weak = True  # kept only when it follows a date or a part of the day: 今晚8点
    minute = 0
    if minute_text:
        minute = _number(minute_text)
        if minute is None:
            return None
    elif extra == "半":
        minute = 30
    elif extra == "一刻":
        minute = 15
    elif extra == "三刻":
        minute = 45
    if part_word:
        hour = _pm_hour(part_word, hour)
    if not (0 <= hour <= 24 and 0 <= minute < 60) or (hour == 24 and minute):
        return None
    fields = {"hour": hour % 24, "minute": minute}
    if part_word:
        fields["daypart"] = lexicon()["daypart"][part_word]
    if m.group("approx"):
        fields["approx"] = True
    if weak:
        fields["weak"] = True
    return _point(m, "clock-time", (LEVEL["daypart"] if part_word else LEVEL["clock"], LEVEL["clock"]),
                  **fields)


def _pm_hour(part_word: str, hour: int) -> int:
    if part_word in lexicon()["pm_dayparts"]["words"] and 1 <= hour < 12:
        return hour + 12
    if part_word in ("中午", "午间") and 1 <= hour <= 2:
        return hour + 12
    return hour


def build_clock(m, ctx):
    hour, minute = int(m.group("ch")), int(m.group("cm"))
    if hour > 24 or minute > 59:
        return None
    return _point(m, "clock-time", (LEVEL["clock"], LEVEL["clock"]), hour=hour % 24, minute=minute)


def build_daypart(m, ctx):
    return _point(m, "daypart", (LEVEL["daypart"], LEVEL["daypart"]),
                  daypart=lexicon()["daypart"][m.group(0)])


def build_short_daypart(m, ctx):
    part = {"早": "MO", "晚": "NI", "夜": "NI"}[m.group("sdp")]
    return _point(m, "daypart", (LEVEL["daypart"], LEVEL["daypart"]), daypart=part)


def build_holiday(m, ctx):
    lex = lexicon()
    word = m.group(0).removeprefix("农历").removeprefix("阴历")
    if word == "七夕情人节":
        word = "七夕"
    if word in lex["solar_holiday"]:
        month, day = (int(x) for x in lex["solar_holiday"][word].split("-"))
        fields = {"month": month, "day": day, "holiday": word}
    elif word in lex["lunar_holiday"]:
        month, day = lex["lunar_holiday"][word]
        fields = {"lunar": (month, day), "holiday": word}
    elif word in lex["special_holiday"]:
        fields = {"holiday_rule": lex["special_holiday"][word], "holiday": word}
    else:  # 十一 before 假期/长假/黄金周: National Day
        fields = {"month": 10, "day": 1, "holiday": "国庆"}
    return _point(m, "holiday", (LEVEL["day"], LEVEL["day"]), **fields)


LUNAR_MONTHS = {"正": 1, "冬": 11, "腊": 12}


def build_lunar_date(m, ctx):
    month_text, day_text = m.group("lm"), m.group("ld")
    month = LUNAR_MONTHS.get(month_text) or parse_int(month_text)
    day_text = day_text.removeprefix("初")
    day = parse_int(day_text)
    if month is None or day is None or not (1 <= month <= 12 and 1 <= day <= 30):
        return None
    fields = {"lunar": (month, day), "leap": bool(m.group("leap"))}
    return _point(m, "lunar-date", (LEVEL["month"], LEVEL["day"]), **fields)


def build_decade(m, ctx):
    prefix, digits, cn, part = m.group("dprefix"), m.group("dd"), m.group("dcn"), m.group("dpart")
    fields = {}
    if m.group("d4"):
        fields["decade"] = int(m.group("d4")) // 10
    else:
        tens = int(digits) if digits else parse_int(cn)
        if tens is None or tens % 10 or tens > 90:
            return None
        if prefix in ("上世纪", "二十世纪", "20世纪"):
            fields["decade"] = 190 + tens // 10
        elif prefix in ("本世纪", "二十一世纪", "21世纪"):
            fields["decade"] = 200 + tens // 10
        else:
            fields["decade_short"] = tens // 10
    if part:
        fields["part"] = ("decade", _era_part_mod(part))
    return _point(m, "decade", (LEVEL["decade"], LEVEL["decade"]), **fields)


def _era_part_mod(word: str) -> str:
    if word in ("初", "初期", "早期"):
        return "START"
    if word in ("末", "末期", "后期"):
        return "END"
    return "MID"


def build_century(m, ctx):
    word, part = m.group("cent"), m.group("cpart")
    if word == "上":
        fields = {"century_rel": -1}
    elif word == "本":
        fields = {"century_rel": 0}
    else:
        number = parse_int(word)
        if number is None or not 1 <= number <= 22:
            return None
        fields = {"century": number}
    if part:
        fields["part"] = ("century", _era_part_mod(part))
    return _point(m, "century", (LEVEL["century"], LEVEL["century"]), **fields)


def build_duration(m, ctx):
    low_text, high_text, unit_word, tail, more1, more3, approx_tail, suffix = m.group(
        "n1", "n2", "unit", "tail", "more1", "more3", "approx_tail", "post")
    unit = DURATION_UNITS[unit_word]
    if unit == "Y" and len(low_text) == 4 and low_text.isdigit():
        return None  # 2013年 is a year, handled elsewhere
    more = more1 or more3 or ("多" if unit_word in ("个多月", "个多世纪") else None)
    fields = {"unit": unit, "unit_word": unit_word}
    vague = _vague(low_text, unit)
    if vague:
        fields.update(vague)
    else:
        low = parse_number(low_text)
        if low is None or (low <= 0 and low_text != "半"):
            return None
        fields["amount"] = low + 0.5 if tail == "半" or m.group("halfmid") else low
        if high_text:
            high = parse_number(high_text)
            if high is None or high <= low:
                return None
            fields["amount_max"] = high
    if more in ("多", "余", "来") or tail == "多":
        fields["mod"] = "MORE_THAN"
    if approx_tail:
        fields["mod"] = "APPROX" if approx_tail == "左右" else "MORE_THAN"
    prefix, prefix_start = _prefix_before(m.string, m.start())
    if prefix == "第" or (m.string[m.start() - 1:m.start()] == "第"):
        return None  # 第3年: an ordinal, not a length
    qualifier = _QUALIFIERS.get(prefix or "")
    if qualifier:
        fields["mod"] = qualifier
    piece = Piece(prefix_start, m.end(), "duration", "duration", fields)
    if prefix in ("过去", "近", "最近", "这", "之前的") or suffix in ("来", "以来"):
        if prefix == "近" and suffix not in ("来", "以来"):
            piece.fields["mod"] = "LESS_THAN"
            piece.start = m.start("n1")
            return piece
        piece.kind = "span"
        piece.rule = "past-span"
        fields["direction"] = -1
    elif prefix in ("未来", "今后", "接下来的", "接下来"):
        piece.kind = "span"
        piece.rule = "future-span"
        fields["direction"] = 1
    elif suffix in ("前", "以前", "之前"):
        piece.kind, piece.rule = "offset", "offset-before"
        fields["direction"] = -1
    elif suffix in ("后", "以后", "之后", "过后"):
        piece.kind, piece.rule = "offset", "offset-after"
        fields["direction"] = 1
    if prefix in ("短短", "仅仅", "没过", "不到") and piece.kind == "offset":
        fields["story"] = True
    if piece.kind == "duration":
        # A bare duration keeps its own words and a qualifier (不到三年); 过去 belongs to spans.
        if not qualifier:
            piece.start = m.start("n1")
        if suffix in ("内", "以内", "之内"):
            piece.end = m.end("post")
        elif suffix:
            piece.end = m.start("post")
    elif prefix in ("短短", "仅仅", "没过"):
        piece.start = m.start("n1")
    return piece


_DURATION_PREFIXES = ("接下来的", "接下来", "过去", "最近", "未来", "今后", "短短", "仅仅", "没过", "不到", "不足",
                      "将近", "接近", "超过", "大约", "近", "逾", "约", "第")


_PREFIX_ENDS = {word[-1] for word in _DURATION_PREFIXES}


def _prefix_before(view: str, start: int) -> tuple[str | None, int]:
    """The word just before a number that changes what the duration means (过去10年, 不到三年)."""
    if start == 0 or view[start - 1] not in _PREFIX_ENDS:
        return None, start
    for word in _DURATION_PREFIXES:
        if view.startswith(word, start - len(word)):
            return word, start - len(word)
    return None, start


_QUALIFIERS = {"不到": "LESS_THAN", "不足": "LESS_THAN", "将近": "LESS_THAN", "接近": "LESS_THAN",
               "超过": "MORE_THAN", "逾": "MORE_THAN", "大约": "APPROX", "约": "APPROX"}


def _vague(text: str, unit: str) -> dict | None:
    """几年 → X years; 数十年 → X decades; 十几年 → more than 10 years; None when exact."""
    if len(text) == 2 and text[0] == "上":  # 上百年: more than a hundred years
        return {"amount": float({"十": 10, "百": 100, "千": 1000}[text[1]]), "mod": "MORE_THAN"}
    if text in ("几", "数", "若干"):
        return {"vague": True}
    if len(text) == 2 and text[0] in "几数" and text[1] in "十百":
        if unit == "Y":
            return {"vague": True, "unit": "DE" if text[1] == "十" else "CE"}
        return {"vague": True}
    if text.endswith("几") and len(text) > 1:
        base = parse_int(text[:-1])
        return None if base is None else {"amount": float(base), "mod": "MORE_THAN"}
    return None


def build_days_within(m, ctx):
    count = parse_int(m.group("dwn"))
    if not count:
        return None
    return Piece(m.start(), m.end(), "duration", "duration", {"unit": "D", "unit_word": "日", "amount": float(count)})


def build_set(m, ctx):
    unit, weekday, part = m.group("sunit"), m.group("swd"), m.group("spart")
    if m.group(0) == "一年一度":
        return Piece(m.start(), m.end(), "set", "set", {"value": "P1Y"})
    if m.group("every"):
        count = parse_int(m.group("every"))
        return Piece(m.start(), m.end(), "set", "set", {"value": f"P{count}Y"}) if count else None
    if m.group("sn"):
        count = parse_int(m.group("sn"))
        unit = {"年": "Y", "月": "M", "周": "W", "星期": "W", "天": "D", "日": "D", "小时": "H", "分钟": "MIN"}[m.group("snu")]
        if not count:
            return None
        value = f"PT{count}{'M' if unit == 'MIN' else unit}" if unit in ("H", "MIN") else f"P{count}{unit}"
        return Piece(m.start(), m.end(), "set", "set", {"value": value})
    if weekday:
        day = WEEKDAYS.get(weekday)
        if not day:
            return None
        return Piece(m.start(), m.end(), "set", "set", {"value": f"XXXX-WXX-{day}"})
    value = {"年": "P1Y", "月": "P1M", "个月": "P1M", "周": "P1W", "星期": "P1W", "礼拜": "P1W",
             "天": "P1D", "日": "P1D", "晚": "P1D", "小时": "PT1H", "季度": "P3M", "季": "P3M"}[unit]
    fields = {"value": value}
    if part:
        fields["mod"] = {"初": "START", "底": "END", "末": "END", "中": "MID"}[part]
    return Piece(m.start(), m.end(), "set", "set", fields)


def build_reference(m, ctx):
    word, before, after = m.group(0), m.string[m.start() - 1:m.start()], m.string[m.end():m.end() + 1]
    if (word == "现在" and before and before in "出表体实") or (word == "将来" and after == "自"):
        return None  # 出现在 (appear at), 将来自 (will come from)
    if word == "之前" and before not in ("", "\n", "，", ",", "。", "；", ";", "："):
        return None  # 加入Meta之前: before an event, not "previously"
    if word == "最近" and (after == "的" or re.search("[离距]", m.string[max(0, m.start() - 6):m.start()])):
        return None  # 最近的医学中心, 离地球最近: nearest, not recently
    value, mod, back, ahead = lexicon()["reference"][m.group(0)]
    return Piece(m.start(), m.end(), "reference", "ref",
                 {"value": value, "mod": mod or None, "back": back, "ahead": ahead})


def build_story_after(m, ctx):
    return Piece(m.start(), m.end(), "story-after", "after", {})


def build_story_day(m, ctx):
    return Piece(m.start(), m.end(), "story-day", "storyday", {"days": lexicon()["story_day"][m.group(0)]})


def build_story_same(m, ctx):
    return Piece(m.start(), m.end(), "story-same", "same", {})


def build_qualifier(m, ctx):
    return Piece(m.start(), m.end(), "qualifier", "qualifier",
                 {"qualifier": lexicon()["qualifier"][m.group(0)]})


def build_year_range(m, ctx):
    a, b = int(m.group("ya")), int(m.group("yb"))
    if b < 100:  # 2013-18年
        b = a // 100 * 100 + b
    if b <= a:
        return None
    return Piece(m.start(), m.end(), "year-range", "yearrange", {"years": (a, b)})


# --- the rules, compiled once ------------------------------------------------------------

def _starts(chars: str, pattern: str) -> str:
    """Open a pattern with a lookahead on its possible first characters.

    Python's regex engine then skips quickly over text that cannot start a match
    instead of trying the whole pattern (lookbehinds, optional prefixes) at every
    position: about eight times faster on news text.
    """
    return "(?=[" + chars + "])" + pattern


def _first_chars(words) -> str:
    return "".join(sorted({w[0] for w in words}))


def _rules() -> list[Rule]:
    lex = lexicon()
    cn4 = f"[{CN_DIGIT}]{{4}}"
    nd = r"(?<![\d.\-/])"  # not inside a longer number
    rel_day_words = alternation(lex["relative_day"])
    holiday_words = list(lex["solar_holiday"]) + list(lex["lunar_holiday"]) + list(lex["special_holiday"])
    holidays = alternation(holiday_words)
    dayparts = alternation(lex["daypart"])
    units = alternation(DURATION_UNITS)
    rules = [
        Rule("numeric-date", re.compile(_starts("12",
            nd + r"(?P<ny>1\d{3}|20\d{2}|21\d{2})(?P<sep>[-/.])(?P<nm>\d{1,2})"
            r"(?:(?P=sep)(?P<nd>\d{1,2})(?:[T\s](?P<nh>[01]?\d|2[0-3]):(?P<nmin>[0-5]\d)(?::\d\d)?)?)?"
            r"(?![\d.\-/%])")), build_numeric_date, 5),
        Rule("year", re.compile(_starts("0-9" + CN_DIGIT + "民'’",
            nd + r"(?:(?P<y4>1\d{3}|20\d{2}|21\d{2})|(?P<ycn>" + cn4 + r")|民国(?P<roc>\d{1,3}|[" + "零一二三四五六七八九十百" + r"]{1,5})"
            r"|['’](?P<y2a>\d{2})(?=年)"
            r"|(?<![已了达共长历营满近逾约有为花用过时])(?P<y3>1[01]\d)"  # not after 經營/長達/已: a length
            r"(?=年(?:度|起|初|底|中|末|全年|以来|至|到|[-–~，。、；：）)\s]|$))"
            r"|(?P<y2>\d{2,3})(?=年\s?(?:\d{1,2}|十[一二]|[一二三四五六七八九十])"
            r"(?:\s?[至到~\-]\s?(?:\d{1,2}|十[一二]|[一二三四五六七八九十]))?月))"
            r"\s?年(?P<fiscal>度)?(?!代|级|期|纪|龄|薪|轻|会|华|均|利率|化|限)"
            r"(?:(?P<ypart>初|底|末|终(?!奖)|中" + MID_OK + "))?")), build_year, 4),
        Rule("year-range", re.compile(_starts("12",
            nd + r"(?P<ya>1\d{3}|20\d{2})\s?年?\s?[-–—~至到]\s?(?P<yb>1\d{3}|20\d{2}|\d{2})\s?年(?!代)")),
            build_year_range, 6),
        Rule("month", re.compile(_starts("0-9一二三四五六七八九十",
            r"(?:(?<![\d./])(?P<mon>1[0-2]|0?[1-9])|(?<![一二三四五六七八九十第])(?P<moncn>" + CN_MONTH + r"))"
            r"\s?月(?:份)?(?!份额|球|饼|光|亮|台|薪|费|租|供|票|经|子|嫂)"
            r"(?:(?P<mpart>初|底|末|中" + MID_OK + "))?")), _month_with_cn, 3),
        Rule("day", re.compile(_starts("0-9一二三四五六七八九十廿卅",
            r"(?:(?<![\d./])(?P<day>3[01]|[12]\d|0?[1-9])\s?日(?!游|均|线|元|币|圆(?!满)|内|以内|之内|本|韩|军|语|式|产|报|籍|方|企|系)"
            r"|(?<=月)(?P<day2>3[01]|[12]\d|0?[1-9])\s?号(?!线|文件|楼|馆|球衣|种子|选手|公路|台|机|厅|位|店)"
            r"|(?<=月)(?P<daycn>" + CN_DAY + r")[日号]"
            r"|(?<![一二三四五六七八九十廿卅])(?P<daycn2>[二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?)日"
            r"(?!游|均|线|元|内|以内|之内|本|韩|军|语|式|产|报|籍|方|企|系))")), _day_any, 3),
        Rule("month-range", re.compile(_starts("0-9一二三四五六七八九十",
            r"(?<![\d./])(?P<m1>1[0-2]|0?[1-9]|十[一二]|[一二三四五六七八九十])\s?(?:至|到|-|–|~)\s?"
            r"(?P<m2>1[0-2]|0?[1-9]|十[一二]|[一二三四五六七八九十])\s?月(?:份)?")), build_month_range, 4),
        Rule("day-range", re.compile(_starts("0-9",
            r"(?<![\d./])(?P<d1>3[01]|[12]\d|0?[1-9])\s?(?:至|到|-|–|~)\s?(?P<d2>3[01]|[12]\d|0?[1-9])\s?[日号]")),
            build_day_range, 4),
        Rule("relative-year", re.compile(
            r"(?P<ry>" + alternation(list(lex["relative_year"]) + list(lex["story_year"])) + r")"
            r"(?P<fiscal>度)?(?:(?P<rypart>初|底|末|终(?!奖)|中" + MID_OK + "))?"), build_relative_year, 2),
        Rule("year-part", re.compile(alternation(lex["year_part"]).replace("年中", "年中" + MID_OK)
                                     .replace("年终", "年终(?!奖)")), build_year_part, 1),
        Rule("half-year", re.compile(r"[上下]半年"), build_half, 2),
        Rule("quarter", re.compile(r"(?=[前第一二三四1-4首][^季]{0,2}季|Q[1-4])"
            r"(?:(?P<qfirst3>前三季度?)|第(?P<q>[一二三四1-4])季(?:度|(?!节目|剧|播|综艺|比赛|赛季))|(?P<qqq>[一二三四1-4])季度|(?P<qq>首)季度?"
            r"|(?<![A-Za-z0-9])Q(?P<qnum>[1-4])(?![A-Za-z0-9]))"), _quarter_any, 2),
        Rule("season", re.compile(r"(?P<season>[春夏秋冬])(?:季|天)(?!蚕|装|款|风|菜|奥|运动|赛|档|新品|限定|时装|攻势)"),
             build_season, 1),
        Rule("month-part", re.compile(
            alternation(lex["month_part"]).replace("月中", "月中" + MID_OK)), build_month_part, 1),
        Rule("relative-month", re.compile(
            r"(?P<rm>" + alternation(list(lex["relative_month"]) + list(lex["story_month"])) + r")"
            r"(?:(?P<rmpart>初|底|末|中" + MID_OK + "))?"), build_relative_month, 2),
        Rule("relative-week", re.compile(
            r"(?P<wrel>上上个|下下个|上上|下下|这个|上个|下个|本|这|上|下)(?:周|星期|礼拜)"
            r"(?P<wday>[一二三四五六日天末1-7](?!度))?(?!期|刊|报|边|围)"), build_relative_week, 2),
        Rule("weekday", re.compile(_starts("周星礼", r"(?<![上下本这个每一二两三四五六七八九十几\d])(?:周|星期|礼拜)(?P<wd>[一二三四五六日天末])(?!刊|报|年)")),
             build_weekday, 1),
        Rule("bracket-day", re.compile(r"(?P<bd>[今昨明前])\s?[(（](?P<bdn>\d{1,2})[)）]\s?日"), build_bracket_day, 3),
        Rule("relative-day", re.compile(rel_day_words),
             build_relative_day, 2),
        Rule("clock-time", re.compile(_starts(_first_chars(lex["daypart"]) + "0-9零一二两三四五六七八九十",
            r"(?P<dp>" + dayparts + r")?\s?(?:大约|约)?"
            r"(?<![\d.:])(?P<hour>[01]?\d|2[0-4]|[零一二两三四五六七八九十]{1,3})\s?(?P<hunit>时|点)(?!代|期|间|候|刻表|尚|装|事|评|政|任)"
            r"(?:(?P<minute>[0-5]?\d|[零一二三四五六七八九十]{1,3})分|(?P<hextra>半|一刻|三刻|整|钟))?"
            r"(?P<approx>许|左右)?")), build_time, 4),
        Rule("clock", re.compile(_starts("0-9", r"(?<![\d:.比])(?P<ch>[01]?\d|2[0-4]):(?P<cm>[0-5]\d)(?::[0-5]\d)?(?![\d:])")),
             build_clock, 3),
        Rule("daypart", re.compile(dayparts), build_daypart, 0),
        Rule("daypart-short", re.compile(_starts("早晚夜", r"(?<=[日号天])(?P<sdp>[早晚夜])(?![上间饭餐报会宴市])")),
             build_short_daypart, 0),
        Rule("holiday", re.compile(_starts(_first_chars(holiday_words) + "十农阴",
            r"(?:农历|阴历)?(?:七夕情人节|" + holidays + r")(?!灯|树|老人|礼物|装饰|饰|歌|卡|帽|市集|大餐|氛围|商品)"
            r"|十一(?:假期|长假|黄金周|(?=期间|国庆))")), build_holiday, 2),
        Rule("lunar-date", re.compile(_starts("农阴闰正冬腊一二三四五六七八九十",
            r"(?:农历|阴历)?(?P<leap>闰)?(?P<lm>正|冬|腊|十[一二]|[一二三四五六七八九十])月"
            r"(?P<ld>初[一二三四五六七八九十]|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|十[一二三四五六七八九]|三十)"
            r"(?![日号])")), _lunar_guard, 5),
        Rule("decade", re.compile(_starts("0-9上本二三四五六七八九",
            r"(?:(?P<d4>1\d{3}|20\d{2})|(?P<dprefix>上世纪|本世纪|二十世纪|20世纪|二十一世纪|21世纪)?"
            r"(?:(?<!\d)(?P<dd>\d0)|(?P<dcn>[二三四五六七八九]十)))\s?年代(?P<dpart>初期|初|中期|末期|末|后期|早期)?")),
            build_decade, 5),
        Rule("century", re.compile(_starts("上本0-9一二三四五六七八九十",
            r"(?P<cent>上|本|\d{1,2}|二十一|二十|十[一二三四五六七八九]|[一二三四五六七八九十])\s?世纪"
            r"(?!\d|[二三四五六七八九]十年代)(?P<cpart>初期|初|中叶|中期|末期|末|后期|中(?![国央华心东西南部间学文]))?")), build_century, 3),
        # Durations come in two passes: Arabic numbers (rare, fast to find) and Chinese ones
        # (common characters: only tried where a unit of time follows within a few characters).
        Rule("duration", re.compile(_starts("0-9",
            r"(?<![\d.])(?P<n1>\d{1,6}(?:\.\d{1,3})?)" + r"(?:\s?(?:到|至|-|–|—|~)\s?(?P<n2>" + NUM + r"))?"
            r"(?P<more1>多|余|来)?(?P<halfmid>个半)?(?P<unit>" + units + r")"
            r"(?P<tail>半|多)?(?P<more3>余)?(?P<approx_tail>左右|以上)?"
            r"(?!级|期|代|龄|薪|轻|度|初|底|末|均|利|化|前期|华|年)"
            r"(?P<post>以来|来|以前|之前|前|以后|之后|过后|后(?!来|续|者|面|果|方|台|盾|备|卫|期|勤|代|悔|援|劲|门|宫|院|裔)|以内|之内|内)?")),
            _duration_guard, 3),
        Rule("duration-cn", re.compile(_starts("几数上零一二两三四五六七八九十百千万半若",
            r"(?=[^，。；,;\n]{0,10}?(?:年|月|周|星期|礼拜|天|时|钟头|分钟|秒|世纪))"
            r"(?P<n1>[几数上][十百千]|[零一二两三四五六七八九十百千万]{1,8}几?|半|几|数|若干)" + r"(?:\s?(?:到|至|-|–|—|~)\s?(?P<n2>" + NUM + r"))?"
            r"(?P<more1>多|余|来)?(?P<halfmid>个半)?(?P<unit>" + units + r")"
            r"(?P<tail>半|多)?(?P<more3>余)?(?P<approx_tail>左右|以上)?"
            r"(?!级|期|代|龄|薪|轻|度|初|底|末|均|利|化|前期|华|年)"
            r"(?P<post>以来|来|以前|之前|前|以后|之后|过后|后(?!来|续|者|面|果|方|台|盾|备|卫|期|勤|代|悔|援|劲|门|宫|院|裔)|以内|之内|内)?")),
            _duration_guard, 3),
        Rule("days-within", re.compile(_starts("0-9一二三四五六七八九十",
            r"(?<![\d.])(?P<dwn>\d{1,3}|[一二三四五六七八九十]{1,3})(?:个)?(?:工作)?日(?=内|以内|之内)(?P<dwpost>内|以内|之内)")),
            build_days_within, 3),
        Rule("set", re.compile(
            r"(?P<every>[一两二三四五六七八九十百千\d]{1,3})年一(?:遇|次|届|度)|一年一度|每(?:隔)?(?P<sn>[两二三四五六七八九十\d]{1,2})(?:个)?(?P<snu>年|月|周|星期|天|日|小时|分钟)"
            r"|每(?:隔)?(?:(?:周|星期|礼拜)(?P<swd>[一二三四五六日天])"
            r"|(?P<sunit>年|个月|月|周|星期|礼拜|天|日|晚|小时|季度|季)(?P<spart>初|底|末)?)"), build_set, 3),
        Rule("reference", re.compile(alternation(lex["reference"])), build_reference, 0),
        Rule("story-after", re.compile(alternation(lex["story_after"]["words"])), build_story_after, 1),
        Rule("story-day", re.compile(alternation(lex["story_day"])), build_story_day, 1),
        Rule("story-same", re.compile(alternation(lex["story_same"]["words"])), build_story_same, 1),
        Rule("qualifier", re.compile(alternation(lex["qualifier"])), build_qualifier, 1),
    ]
    return rules


def _month_with_cn(m, ctx):
    if m.group("mon") is None:
        # Chinese-numeral months: 十一月, 三月. Skip 一月一次-like counts by requiring a day,
        # a part, 份, or nothing word-like after them.
        piece = _build_cn_month(m)
        return piece
    return build_month(m, ctx)


def _build_cn_month(m):
    month = parse_int(m.group("moncn"))
    if month is None or not 1 <= month <= 12:
        return None
    fields = {"month": month}
    part = m.group("mpart")
    if part:
        fields["part"] = ("month",) + tuple(lexicon()["month_part"]["月" + part])
    return _point(m, "month", (LEVEL["month"], LEVEL["monthpart"] if part else LEVEL["month"]), **fields)


_MONTH_BEFORE = re.compile(r"(\d{1,2}|[一二三四五六七八九十]{1,3})\s?月\s?$")


def _day_any(m, ctx):
    before = _MONTH_BEFORE.search(m.string, max(0, m.start() - 5), m.start())
    if before is not None and not 1 <= (parse_int(before.group(1)) or 0) <= 12:
        return None  # 2025年0月1日: the month is impossible, so is the day
    text = m.group("day") or m.group("day2") or m.group("daycn") or m.group("daycn2")
    day = parse_int(text)
    if day is None or not 1 <= day <= 31:
        return None
    return _point(m, "day", (LEVEL["day"], LEVEL["day"]), day=day)


def _quarter_any(m, ctx):
    if m.group("qnum"):
        return _point(m, "quarter", (LEVEL["yearpart"], LEVEL["yearpart"]), quarter=int(m.group("qnum")))
    return build_quarter(m, ctx)


def _lunar_guard(m, ctx):
    # Without 农历, only the unmistakably lunar forms count: 正月/腊月/冬月, or days written 初五.
    text = m.group(0)
    if not (text.startswith(("农历", "阴历")) or m.group("lm") in LUNAR_MONTHS or m.group("ld").startswith("初")):
        return None
    return build_lunar_date(m, ctx)


def _duration_guard(m, ctx):
    n1 = m.group("n1")
    if m.group("unit") == "周" and m.string[m.start("n1") - 1:m.start("n1")] in ("转", "绕", "环", "圈"):
        return None  # 自转一周, 绕地球一周: a turn, not a week
    if n1 in ("千", "百", "万", "十万", "百万", "千万", "万万"):
        return None  # 千年古城, 百年老店: adjectives, not lengths
    return build_duration(m, ctx)


_RULES: list[Rule] | None = None


def rules() -> list[Rule]:
    global _RULES
    if _RULES is None:
        _RULES = []
        for r in _rules():
            chars, before, after = _ANCHORS.get(r.name, (None, 0, 0))
            anchors = re.compile("[" + re.escape(chars) + "]") if chars else None
            _RULES.append(Rule(r.name, r.pattern, r.build, r.priority, frozenset(_NEEDS.get(r.name, "")),
                               anchors, chars or "", before, after))
    return _RULES


@dataclass(frozen=True, slots=True)
class ScanContext:
    taiwan: bool = False  # a Traditional-script document: 114年3月 is an ROC year


# The characters each rule's matches cannot do without; rules not listed always run.
_NEEDS = {
    "numeric-date": "0123456789", "year": "年", "year-range": "年", "month": "月", "day": "日号",
    "month-range": "月", "day-range": "日号",
    "relative-year": "年", "year-part": "年岁", "half-year": "年", "quarter": "季Q", "season": "季天",
    "month-part": "月旬", "relative-month": "月", "relative-week": "周星拜", "weekday": "周星拜",
    "clock-time": "时点", "clock": ":", "lunar-date": "月", "decade": "代", "century": "纪",
    "duration": "年月周星拜天时头分秒纪", "duration-cn": "年月周星拜天时头分秒纪", "set": "每度遇次届", "story-after": "后", "qualifier": "时",
}


# Rules with a unit character every match contains: (anchor characters, chars before, after).
# Searching small windows around the anchors instead of the whole text is what keeps
# recognition fast on long articles, where most characters are far from any date.
_ANCHORS = {
    "year": ("年", 10, 8), "year-range": ("年", 14, 6), "month": ("月", 5, 8), "day": ("日号", 5, 8),
    "quarter": ("季Q", 4, 6), "month-range": ("月", 9, 6), "day-range": ("日号", 9, 8), "weekday": ("周期拜", 3, 5), "clock-time": ("时点", 9, 10), "clock": (":", 3, 8),
    "lunar-date": ("月", 6, 8), "decade": ("代", 11, 6), "century": ("纪", 6, 6),
    "holiday": ("旦节庆双夜诞宵端夕秋阳腊清冬初假五小", 4, 6),
    "numeric-date": ("-/.", 5, 20),
    "set": ("每遇次届度", 6, 10), "days-within": ("日", 7, 5),
}


def _anchored(rule: Rule, view: str):
    """The matches finditer would give, found by searching windows around the anchors."""
    pattern, before, after = rule.pattern, rule.before, rule.after
    size = len(view)
    next_start = 0
    for a in rule.anchors.finditer(view):
        p = a.start()
        if p < next_start:
            continue  # inside the last match
        start = max(next_start, p - before)
        end = min(size, p + after)
        while True:
            m = pattern.search(view, start, end)
            if m is None or m.start() > p:
                break
            if m.end() > p:
                yield m
                next_start = m.end()
                break
            start = m.end() if m.end() > m.start() else m.start() + 1


_SPARSE = 1 / 40  # anchors per character below which windows beat one pass over the text


def _sparse(rule: Rule, view: str) -> bool:
    count = sum(view.count(ch) for ch in rule.anchor_chars)
    return count < len(view) * _SPARSE


def scan(view: str, ctx: ScanContext) -> list[tuple[Piece, int]]:
    """Every piece any recogniser finds, with its rule priority; overlaps are settled later."""
    found = []
    present = set(view)
    for rule in rules():
        if rule.needs and rule.needs.isdisjoint(present):
            continue
        windowed = rule.anchors is not None and _sparse(rule, view)
        matches = _anchored(rule, view) if windowed else rule.pattern.finditer(view)
        for m in matches:
            if m.end() == m.start():
                continue
            piece = rule.build(m, ctx)
            if piece is not None:
                found.append((piece, rule.priority))
    return found
