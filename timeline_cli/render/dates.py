"""Dates as a reader says them: 2013年, 2025年4月, 2025年底, 2013–2018年."""

from __future__ import annotations

import re

_PART_WORDS = {("year", "START"): "初", ("year", "MID"): "年中", ("year", "END"): "底"}
_MONTH_PART = {"START": "上旬", "MID": "中旬", "END": "下旬"}
_SEASONS = {"SP": "春季", "SU": "夏季", "FA": "秋季", "WI": "冬季"}
_DAYPARTS = {"MO": "上午", "MI": "中午", "AF": "下午", "EV": "晚上", "NI": "夜间"}
_QUARTERS = {"1": "第一季度", "2": "第二季度", "3": "第三季度", "4": "第四季度"}
# The only characters of these labels that Traditional (Taiwan) writes differently; a
# table instead of OpenCC's s2twp, which takes ~0.1 s to load. A test checks it against OpenCC.
_LABEL_HANT = str.maketrans("现后间周纪叶约", "現後間週紀葉約")


def human_date(value: str, mod: str | None = None, granularity: str | None = None,
               start=None, end=None) -> str:
    """A short Chinese label for a TimeML value (in Simplified; convert for other scripts)."""
    if "/" in value:
        a, b = value.split("/", 1)
        left, right = human_date(a), human_date(b)
        if a.isdigit() and b.isdigit():
            return f"{a}–{b}年"
        return f"{left}–{right}"
    label = _label(value, mod, granularity)
    if mod == "APPROX" and not label.startswith("约"):
        label = "约" + label
    elif mod == "AFTER":
        label += "之后"
    elif mod == "BEFORE":
        label += "之前"
    elif mod == "ON_OR_AFTER":
        label += "起"
    return label


def label_in_hant(label: str) -> str:
    """A human_date label in Traditional characters."""
    return label.translate(_LABEL_HANT)


def _label(value: str, mod: str | None, granularity: str | None) -> str:
    if value == "PRESENT_REF":
        return "现在"
    if value == "PAST_REF":
        return "此前"
    if value == "FUTURE_REF":
        return "今后"
    m = re.fullmatch(r"(\d{4}|XXXX)(?:-(\d{2}|XX))?(?:-(\d{2}|XX))?(?:T(.+))?", value)
    if m:
        year, month, day, clock = m.groups()
        y = "某年" if year == "XXXX" else f"{year}年"
        if month is None:
            if mod in ("START", "END"):
                return f"{year}年{_PART_WORDS[('year', mod)]}" if year != "XXXX" else f"年{_PART_WORDS[('year', mod)]}"
            if mod == "MID":
                return f"{year}年中" if year != "XXXX" else "年中"
            return y
        mm = "某月" if month == "XX" else f"{int(month)}月"
        if day is None:
            part = _MONTH_PART.get(mod or "") if mod in ("START", "MID", "END") else ""
            return f"{y}{mm}{part or ''}"
        dd = "某日" if day == "XX" else f"{int(day)}日"
        text = f"{y}{mm}{dd}"
        if clock:
            text += " " + (_DAYPARTS.get(clock, clock))
        return text
    m = re.fullmatch(r"(\d{4}|XXXX)-(Q\d|H\d|SP|SU|FA|WI|W\d{2}(?:-WE)?)", value)
    if m:
        year, part = m.groups()
        y = "某年" if year == "XXXX" else f"{year}年"
        if part.startswith("Q"):
            return y + _QUARTERS[part[1]]
        if part.startswith("H"):
            return y + ("上半年" if part == "H1" else "下半年")
        if part.startswith("W") and part[1:3].isdigit():  # a week; WI is winter
            week = int(part[1:3])
            return f"{y}第{week}周" + ("末" if part.endswith("WE") else "")
        return y + _SEASONS[part]
    if re.fullmatch(r"\d{3}", value):
        decade = int(value) * 10
        suffix = {"START": "初", "MID": "中期", "END": "末"}.get(mod or "", "")
        return f"{decade}年代{suffix}"
    if re.fullmatch(r"\d{2}", value):
        suffix = {"START": "初", "MID": "中叶", "END": "末"}.get(mod or "", "")
        return f"{int(value) + 1}世纪{suffix}"
    return value
