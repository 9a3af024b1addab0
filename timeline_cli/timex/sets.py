"""Recurring times: 每年, 每月初, 每周三, 每两年, 四年一遇, 一年一度."""

from __future__ import annotations

from ..lazyre import lazy_compile
from .fragments import not_followed_by
from .holiday_table import entries
from .lexicon import alternation, lexicon
from .numerals import parse_int, parse_number
from .pieces import Recurrence
from .recognise import Anchoring, Rule, found
from .relative import WEEKDAYS
from .resolve_lengths import iso_duration

_EVERY_N_UNITS = {"年": "Y", "月": "M", "周": "W", "星期": "W", "天": "D", "日": "D", "小时": "H", "钟头": "H",
                  "分钟": "MIN", "秒钟": "S", "秒": "S"}
_EVERY_UNIT = {"年": "P1Y", "月": "P1M", "个月": "P1M", "周": "P1W", "星期": "P1W", "礼拜": "P1W",
               "天": "P1D", "日": "P1D", "晚": "P1D", "小时": "PT1H", "季度": "P3M", "季": "P3M",
               "交易日": "P1D", "工作日": "P1D"}
_PART_MOD = {"初": "START", "底": "END", "末": "END", "中": "MID"}


def build_set(m, ctx):
    if m.group(0) == "一年一度":
        return found(m, Recurrence("P1Y"))
    if m.group("every"):  # 四年一遇
        count = parse_int(m.group("every"))
        return found(m, Recurrence(f"P{count}Y")) if count else None
    if m.group("sn"):  # 每两年, 每隔3天, 每半年, 每2.22天
        text = m.group("sn")
        count = 0.5 if text == "半" else parse_number(text)
        if not count:
            return None
        unit = _EVERY_N_UNITS[m.group("snu")]
        if "." in text and unit in ("Y", "M", "W", "D"):  # an average: every 2.22 days
            return found(m, Recurrence(f"P{count:g}{unit}"))
        return found(m, Recurrence(iso_duration(count, unit)))
    if m.group("once_n"):  # 一月一次: once a month
        count = parse_int(m.group("once_n"))
        unit = {"月": "M", "周": "W", "星期": "W", "礼拜": "W", "天": "D", "日": "D"}[m.group("once_unit")]
        return found(m, Recurrence(f"P{count}{unit}")) if count else None
    if m.group("sunit_rate"):  # 每小时, 每分钟 (not before a number: 每小时80公里 is a speed)
        if _after_a_unit(m):
            return None
        return found(m, Recurrence("PT1H" if m.group("sunit_rate") == "小时" else "PT1M"))
    if m.group("swd"):  # 每周三
        return found(m, Recurrence(f"XXXX-WXX-{WEEKDAYS[m.group('swd')]}"))
    part = m.group("spart")
    return found(m, Recurrence(_EVERY_UNIT[m.group("sunit")], _PART_MOD[part] if part else None))


def build_headway(m, ctx):
    """15分钟一班, 12至20分钟一班, 半小时一趟: a service every so often (the shorter gap of a range)."""
    count = 0.5 if m.group("hn") == "半" else parse_number(m.group("hn"))
    if not count:
        return None
    return found(m, Recurrence(iso_duration(count, _EVERY_N_UNITS[m.group("hu")])))


def _after_a_unit(m) -> bool:
    """80公里每小时, 60次每分钟: a rate written after its number and unit, not a recurring time."""
    return m.string[m.start() - 1:m.start()] in lexicon()["exclusions"]["rate_before"]


def build_every(m, ctx):
    """天天, 日日 (every day: 保证天天中奖), 年年 (every year): not 今天天气 (今天 + 天气), not
    今年年底 (今年 + 年底)."""
    view, start, end = m.string, m.start(), m.end()
    word = m.group(0)
    before, after = view[start - 1:start], view[end:end + 1]
    if before in _REPEAT_BEFORE or before.isdigit() or after in _REPEAT_AFTER[word[0]]:
        return None
    return found(m, Recurrence("P1Y" if word == "年年" else "P1D"))


_REPEAT_BEFORE = frozenset("今明昨前后每当几半整聊白蓝青去新同历往近多连一两三四五六七八九十")
_REPEAT_AFTER = {"天": frozenset("气然空桥使堂文地下才真价生赋花线鹅"), "日": frozenset("本元圆报期"),
                 "年": frozenset("底初末中代龄度级轻会报终内前后")}

def _yearly() -> str:
    """每到冬季, 每逢春节, 每当中秋: a season or a holiday that comes round every year (names that
    are also common words, 大雪 or 雨水, are left out)."""
    names = [name for name, entry in entries().items() if not entry.context]
    seasons = [f"{s}{w}" for s in "春夏秋冬" for w in ("季", "天")]
    return r"每(?:到|逢|当)(?:" + alternation([*seasons, *names]) + ")"


def build_yearly(m, ctx):
    return found(m, Recurrence("P1Y"))


RULES = (
    Rule("every-day", lazy_compile("天天|日日|年年"), build_every, 2, words=("天天", "日日", "年年"),
         examples=("天天", "年年")),
    Rule("set", lazy_compile(
        r"(?P<every>[一两二三四五六七八九十百千\d]{1,3})年一(?:遇|次|届|度)|一年一度"
        r"|(?P<once_n>[一两二三四五六七八九十\d]{1,2})(?:个)?(?P<once_unit>月|周|星期|礼拜|天|日)一次"
        r"|每(?:隔)?(?P<sn>\d{1,3}\.\d{1,3}|[两二三四五六七八九十\d]{1,4}|半)(?:个)?(?P<snu>年|月|周|星期|天|日|小时|钟头|分钟|秒钟|秒)"
        r"|每(?:隔|逢)?(?:个)?(?:(?:周|星期|礼拜)(?P<swd>[一二三四五六日天])"
        r"|(?P<sunit>年|个月|月|周|星期|礼拜|天|交易日|工作日|日|晚|季度|季)(?P<spart>初|底|末)?(?:此时|这时候|这个时候)?"
        + not_followed_by("set_after") +
        r"|(?P<sunit_rate>小时|分钟)" + not_followed_by("rate_after") + r"(?!\s[\d一二三四五六七八九十])" + ")"),
        build_set, 3, needs="每度遇次届", words=("每", "年一", "一次"), anchoring=Anchoring("每遇次届度", 6, 16),
        examples=("每年", "每周三", "一月一次")),
    # Its pattern holds every holiday name: compiled only for a text with 每到, 每逢 or 每当.
    Rule("yearly", lazy_compile(_yearly), build_yearly, 3, words=("每到", "每逢", "每当"),
         examples=("每到冬季", "每逢春節")),
    Rule("headway", lazy_compile(
        r"(?<![\d.])(?P<hn>\d{1,3}|[一两二三四五六七八九十]{1,3}|半)(?:\s?(?:至|到|-|~|—)\s?(?:\d{1,3}|[一两二三四五六七八九十]{1,3}))?"
        r"\s?个?(?P<hu>分钟|小时|钟头)一(?:班|趟)"),
        build_headway, 3, needs="班趟", anchoring=Anchoring("班趟", 16, 1),
        examples=("15分鐘一班", "12至20分钟一班")),
)
