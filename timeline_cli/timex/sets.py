"""Recurring times: 每年, 每月初, 每周三, 每两年, 四年一遇, 一年一度."""

from __future__ import annotations

import re

from .fragments import not_followed_by
from .numerals import parse_int
from .pieces import Recurrence
from .recognise import Anchoring, Rule, found
from .relative import WEEKDAYS
from .resolve_lengths import iso_duration

_EVERY_N_UNITS = {"年": "Y", "月": "M", "周": "W", "星期": "W", "天": "D", "日": "D", "小时": "H", "钟头": "H",
                  "分钟": "MIN", "秒钟": "S", "秒": "S"}
_EVERY_UNIT = {"年": "P1Y", "月": "P1M", "个月": "P1M", "周": "P1W", "星期": "P1W", "礼拜": "P1W",
               "天": "P1D", "日": "P1D", "晚": "P1D", "小时": "PT1H", "季度": "P3M", "季": "P3M"}
_PART_MOD = {"初": "START", "底": "END", "末": "END", "中": "MID"}


def build_set(m, ctx):
    if m.group(0) == "一年一度":
        return found(m, Recurrence("P1Y"))
    if m.group("every"):  # 四年一遇
        count = parse_int(m.group("every"))
        return found(m, Recurrence(f"P{count}Y")) if count else None
    if m.group("sn"):  # 每两年, 每隔3天, 每半年
        count = 0.5 if m.group("sn") == "半" else parse_int(m.group("sn"))
        if not count:
            return None
        return found(m, Recurrence(iso_duration(count, _EVERY_N_UNITS[m.group("snu")])))
    if m.group("once_n"):  # 一月一次: once a month
        count = parse_int(m.group("once_n"))
        unit = {"月": "M", "周": "W", "星期": "W", "礼拜": "W", "天": "D", "日": "D"}[m.group("once_unit")]
        return found(m, Recurrence(f"P{count}{unit}")) if count else None
    if m.group("sunit_rate"):  # 每小时, 每分钟 (not before a number: 每小时80公里 is a speed)
        return found(m, Recurrence("PT1H" if m.group("sunit_rate") == "小时" else "PT1M"))
    if m.group("swd"):  # 每周三
        return found(m, Recurrence(f"XXXX-WXX-{WEEKDAYS[m.group('swd')]}"))
    part = m.group("spart")
    return found(m, Recurrence(_EVERY_UNIT[m.group("sunit")], _PART_MOD[part] if part else None))


RULES = (
    Rule("set", re.compile(
        r"(?P<every>[一两二三四五六七八九十百千\d]{1,3})年一(?:遇|次|届|度)|一年一度"
        r"|(?P<once_n>[一两二三四五六七八九十\d]{1,2})(?:个)?(?P<once_unit>月|周|星期|礼拜|天|日)一次"
        r"|每(?:隔)?(?P<sn>[两二三四五六七八九十\d]{1,4}|半)(?:个)?(?P<snu>年|月|周|星期|天|日|小时|钟头|分钟|秒钟|秒)"
        r"|每(?:隔)?(?:个)?(?:(?:周|星期|礼拜)(?P<swd>[一二三四五六日天])"
        r"|(?P<sunit>年|个月|月|周|星期|礼拜|天|日|晚|季度|季)(?P<spart>初|底|末)?"
        r"|(?P<sunit_rate>小时|分钟)" + not_followed_by("rate_after") + ")"),
        build_set, 3, needs="每度遇次届", anchoring=Anchoring("每遇次届度", 6, 10),
        examples=("每年", "每周三", "四年一遇")),
)
