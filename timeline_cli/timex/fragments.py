"""Pieces of regular expressions that several families of rules share."""

from __future__ import annotations

import re
from functools import cache

from .lexicon import alternation, lexicon
from .numerals import CN_DIGIT

CN_MONTH = "十[一二]|[一二三四五六七八九十]"
CN_DAY = ("三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?"
          "|[一二三四五六七八九]")
CN4 = f"[{CN_DIGIT}]{{4}}"
NUM = r"\d{1,6}(?:\.\d{1,3})?(?:万|亿)?|[几数][十百]|[零一二两俩三四五六七八九十百千万]{1,8}几?|半|几|数|若干"
# A number that does not continue a longer one (2008-2009, 1.5, 3/2015); a slash after a word is a
# separator (中评社北京2月2日电／2026年2月2日).
NOT_IN_NUMBER = r"(?<![\d.])(?<![\d.]/)(?<![\d./]-)"


def starts(chars: str, pattern: str) -> str:
    """Open a pattern with a lookahead on its possible first characters.

    Python's regex engine then skips quickly over text that cannot start a match
    instead of trying the whole pattern (lookbehinds, optional prefixes) at every
    position: about eight times faster on news text.
    """
    return "(?=[" + chars + "])(?:" + pattern + ")"


def first_chars(words) -> str:
    return "".join(sorted({w[0] for w in words}))


@cache
def not_followed_by(name: str) -> str:
    """A negative lookahead on the exclusion words `name` of the lexicon (see lexicon.toml).

    Words in `<name>_except` keep the reading although they start with an excluded word.
    """
    words = lexicon()["exclusions"][name]
    keep = lexicon()["exclusions"].get(name + "_except")
    if all(len(w) == 1 for w in words):
        body = "[" + re.escape("".join(words)) + "]"
    else:
        body = "(?:" + alternation(words) + ")"
    if keep:
        body = "(?!" + alternation(keep) + ")" + body
    return "(?!" + body + ")"


@cache
def not_preceded_by(name: str) -> str:
    """A negative lookbehind on single characters of the lexicon's exclusion list `name`."""
    chars = lexicon()["exclusions"][name]
    assert all(len(c) == 1 for c in chars), f"{name}: a lookbehind takes single characters"
    return "(?<![" + re.escape("".join(chars)) + "])"


def mid() -> str:
    """中 as in 年中/月中, when what follows does not make it a word (2025年中国, 5月中美)."""
    return "中" + not_followed_by("mid_after")


def excluded_before(name: str, view: str, start: int) -> bool:
    """Whether the character before `start` is one of the exclusion list `name`."""
    return start > 0 and view[start - 1] in lexicon()["exclusions"][name]


def excluded_before_in(table: str, name: str, view: str, start: int) -> bool:
    """Like excluded_before, for a list kept in another table of the lexicon."""
    return start > 0 and view[start - 1] in lexicon()[table][name]


def preceded_by_word(name: str, view: str, start: int) -> bool:
    """Whether a word of the exclusion list `name` ends at `start`."""
    words, lengths = _word_set(name)
    return any(view[start - n:start] in words for n in lengths if n <= start)


@cache
def _word_set(name: str) -> tuple[frozenset[str], tuple[int, ...]]:
    words = frozenset(lexicon()["exclusions"][name])
    return words, tuple(sorted({len(w) for w in words}))


def excluded_after(name: str, view: str, end: int) -> bool:
    """Whether an exclusion word of the list `name` starts at `end`."""
    return any(view.startswith(word, end) for word in lexicon()["exclusions"][name])
