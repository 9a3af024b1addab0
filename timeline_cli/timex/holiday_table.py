"""data/timex/holidays.toml, loaded once: which day each holiday name means, by region."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..datatables import shipped_table
from .pieces import ComputedHoliday, FixedHoliday, Holiday, LunarDay


@dataclass(frozen=True, slots=True)
class Entry:
    """One holiday of holidays.toml: its names, its date rule and the regions that keep it."""

    names: tuple[str, ...]
    on: str
    regions: tuple[tuple[str, str], ...]
    until: str | None
    eve: bool
    context: bool  # also a common word: a date only with a year or 节气/当天 beside it
    period: str | None
    figure_in_quotes: bool = False  # 立法会的「暑假」: in quotation marks, a figure of speech, not the dates

    def rule_for(self, region: str) -> str:
        return dict(self.regions).get(region, self.on)


@lru_cache(maxsize=1)
def _data() -> dict:
    return shipped_table("timex/holidays")


@lru_cache(maxsize=1)
def entries() -> dict[str, Entry]:
    """Every holiday name and its entry."""
    by_name: dict[str, Entry] = {}
    for item in _data()["holiday"]:
        entry = Entry(tuple(item["names"]), item["on"], tuple(sorted(item.get("regions", {}).items())),
                      item.get("until"), item.get("eve", False), item.get("context", False), item.get("period"),
                      item.get("figure_in_quotes", False))
        for name in entry.names:
            assert name not in by_name, f"holidays.toml: {name} twice"
            by_name[name] = entry
    return by_name


def holiday_for(name: str, region: str) -> Holiday:
    """The typed holiday a name means in a region's text."""
    entry = entries()[name]
    rule = entry.rule_for(region)
    kind, _, argument = rule.partition(" ")
    if entry.until is None and not entry.eve:
        if kind == "date":
            month, day = (int(x) for x in argument.split("-"))
            return FixedHoliday(name, month, day)
        if kind == "lunar":
            month, day = (int(x) for x in argument.split("-"))
            return LunarDay(name, month, day)
    return ComputedHoliday(name, rule, entry.until, entry.eve)


def anchor_chars() -> str:
    return _data()["anchors"]


def anchor_words() -> tuple[str, ...]:
    return tuple(_data()["anchor_words"])


def period_table(key: str) -> dict:
    return _data()["period"][key]


def period_suffixes() -> list[str]:
    return _data()["periods"]["suffixes"]
