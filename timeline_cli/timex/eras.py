"""Decades and centuries: 90年代, 上世纪80年代, 20世纪, 21世纪初."""

from __future__ import annotations

from ..lazyre import lazy_compile
from .fragments import not_followed_by, starts
from .numerals import parse_int
from .pieces import LEVEL, Century, Decade, Point
from .recognise import Anchoring, Rule, found

_PREFIX_CENTURY = {"上世纪": 190, "本世纪": 200}


def era_part_mod(word: str | None) -> str | None:
    if not word:
        return None
    if word in ("初", "初期", "早期", "前期"):
        return "START"
    if word in ("末", "末期", "后期"):
        return "END"
    return "MID"


def build_decade(m, ctx):
    prefix, digits, cn = m.group("dprefix"), m.group("dd"), m.group("dcn")
    decade = Decade(mod=era_part_mod(m.group("dpart")))
    if m.group("d4"):
        decade.number = int(m.group("d4")) // 10
    else:
        tens = int(digits) if digits else parse_int(cn)
        if tens is None or tens % 10 or tens > 90:
            return None
        century = parse_int(m.group("dcent")) if m.group("dcent") else None
        if prefix:
            decade.number = _PREFIX_CENTURY[prefix] + tens // 10
        elif century is not None:
            if not 1 <= century <= 22:
                return None
            decade.number = (century - 1) * 10 + tens // 10
        else:
            decade.short = tens // 10
    return found(m, Point(decade=decade), (LEVEL["decade"], LEVEL["decade"]))


def build_century(m, ctx):
    word = m.group("cent")
    century = Century(mod=era_part_mod(m.group("cpart")))
    if word == "上":
        century.rel = -1
    elif word == "本":
        century.rel = 0
    else:
        number = parse_int(word)
        if number is None or not 1 <= number <= 22:
            return None
        century.number = number
    return found(m, Point(century=century), (LEVEL["century"], LEVEL["century"]))


RULES = (
    Rule("decade", lazy_compile(starts("0-9上本一二三四五六七八九十",
        r"(?:(?P<d4>1\d{3}|20\d{2})|(?:(?P<dprefix>上世纪|本世纪)|(?P<dcent>\d{1,2}|二十一|二十|十[一二三四五六七八九]|[一二三四五六七八九十])\s?世纪)?"
        r"(?:(?<!\d)(?P<dd>\d0)|(?P<dcn>[二三四五六七八九]十)))\s?年代(?P<dpart>初期|初|中期|末期|末|后期|前期|早期)?")),
        build_decade, 5, needs="代", anchoring=Anchoring("代", 11, 6), examples=("90年代", "上世紀70年代")),
    Rule("century", lazy_compile(starts("上本0-9一二三四五六七八九十",
        r"(?P<cent>上|本|\d{1,2}|二十一|二十|十[一二三四五六七八九]|[一二三四五六七八九十])\s?世纪"
        r"(?!\d|[二三四五六七八九]十年代)(?P<cpart>初期|初|中叶|中期|末期|末|后期|中"
        + not_followed_by("century_mid_after") + ")?")),
        build_century, 3, needs="纪", anchoring=Anchoring("纪", 6, 6), examples=("20世纪", "21世纪初")),
)
