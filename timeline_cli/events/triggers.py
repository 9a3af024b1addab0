"""The event lexicon (data/events.toml) and the trigger words that name what happened."""

from __future__ import annotations

import re
from functools import lru_cache

from ..datatables import shipped_table
from ..lazyre import compile_pattern
from ..script import simplified_view as simplified_of

# Types that say how a happening was told or framed (宣布, 表示, 主场), not what was done.
FRAMING_TYPES = frozenset({"announce", "statement", "match"})


@lru_cache(maxsize=1)
def event_lexicon() -> dict:
    return shipped_table("events")


def event_types() -> tuple[str, ...]:
    """Every type an event can have: the trigger lexicon's, the derived spans' and other."""
    return (*event_lexicon()["types"], "tenure", "other")


@lru_cache(maxsize=1)
def trigger_pattern() -> tuple[re.Pattern, dict[str, str]]:
    word_type: dict[str, str] = {}
    for event_type, words in event_lexicon()["types"].items():
        for word in words:
            word_type.setdefault(word, event_type)
    alternation = "|".join(re.escape(w) for w in sorted(word_type, key=len, reverse=True))
    return compile_pattern(alternation), word_type


def specific_triggers(title: str, simplified: str | None = None) -> frozenset[str]:
    """The trigger words of a title that name an act, not how it was told (宣布, 表示, 主场);
    `simplified` is the title in Simplified characters, when the caller has it."""
    pattern, word_type = trigger_pattern()
    return frozenset(m.group(0) for m in pattern.finditer(simplified or simplified_of(title))
                     if word_type[m.group(0)] not in FRAMING_TYPES)
