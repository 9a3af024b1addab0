"""Scripts: a Simplified view of the text for matching, and conversion for display.

The view has exactly the length of the original, so an offset into the view is
the same offset into the original: matching runs on the view, spans are read
from the original.
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import ne

from .lazyre import compile_pattern
from .vocab import SCRIPTS  # noqa: F401 - the script choices, defined once in vocab.py

# Full-width digits, letters and the few symbols dates use (：－．／～％) fold to ASCII in
# the view; other full-width punctuation (，。（）) stays, the patterns know it.
_FOLD_CHARS = "０１２３４５６７８９：－．／～％" + "".join(chr(c) for c in range(0xFF21, 0xFF3B)) \
    + "".join(chr(c) for c in range(0xFF41, 0xFF5B))
_FOLD_MAP = {ch: chr(ord(ch) - 0xFEE0) for ch in _FOLD_CHARS}
# 二○二二年 (Hong Kong releases write the year's zero with the white circle ○): the numeral 〇
_FOLD_MAP["○"] = "〇"
_FOLD_RE = compile_pattern("[" + re.escape(_FOLD_CHARS) + "○]")

_CJK = compile_pattern("[\u4e00-\u9fff]")


@lru_cache(maxsize=8)
def _converter(config: str):
    import opencc  # imported here: only commands that read Chinese text pay for it

    return opencc.OpenCC(config)


def simplified_view(text: str) -> str:
    """The text in Simplified characters with full-width ASCII folded, same length as `text`."""
    converted = _to_simplified_aligned(text)
    if _FOLD_RE.search(converted) is None:
        return converted
    return _FOLD_RE.sub(lambda m: _FOLD_MAP[m.group()], converted)


def _to_simplified_aligned(text: str) -> str:
    convert = _converter("t2s").convert
    whole = convert(text)
    if len(whole) == len(text):
        return whole
    # A phrase rule changed the length somewhere: redo line by line, and character
    # by character on the lines where that happens, so offsets stay aligned.
    lines = text.splitlines(keepends=True)
    out = []
    for line in lines:
        converted = convert(line)
        if len(converted) != len(line):
            converted = "".join(_single(convert, ch) for ch in line)
        out.append(converted)
    return "".join(out)


def _single(convert, ch: str) -> str:
    converted = convert(ch)
    return converted if len(converted) == 1 else ch


def detect_script(text: str, sample: int = 20000, view: str | None = None) -> str:
    """hant, hans, mixed or other, from how many characters each conversion changes.

    `view` (the Simplified view of `text`) saves one conversion when the caller has it.
    """
    head = text[:sample]
    if not _CJK.search(head):
        return "other"
    if view is not None:  # the view also folds full-width characters: do not count those
        traditional = _count_changed(head, view[:sample]) - len(_FOLD_RE.findall(head))
    else:
        traditional = _count_changed(head, _converter("t2s").convert(head))
    if traditional == 0:
        return "hans"  # nothing Traditional-only: Simplified, or characters both scripts share
    simplified = _count_simplified(head)
    minority = min(traditional, simplified)
    if minority >= 3 and minority >= 0.03 * (traditional + simplified):
        return "mixed"
    return "hant" if traditional > simplified else "hans"


@lru_cache(maxsize=1)
def _simplified_chars() -> frozenset[str]:
    """The characters only Simplified text uses, from a file made by tools/simplified_chars.py
    (loading the s2t converter to find them costs ~70 ms)."""
    from .datatables import DATA

    raw = (DATA / "simplified_chars.txt").read_text(encoding="utf-8")
    return frozenset("".join(line for line in raw.splitlines() if not line.startswith("#")))


def has_simplified(text: str) -> bool:
    """Whether any character of the text is one only Simplified text uses."""
    return not _simplified_chars().isdisjoint(text)


def _count_simplified(text: str) -> int:
    # A set lookup per character: a regex class of these ~2,700 characters costs ~5 ms to compile.
    return sum(map(_simplified_chars().__contains__, text))


def _count_changed(original: str, converted: str) -> int:
    return sum(map(ne, original, converted))


def to_traditional(text: str) -> str:
    """Simplified characters as Traditional ones, character for character (no regional phrases):
    for names, which must keep their own words."""
    return _converter("s2t").convert(text) if text else text


def convert(text: str, script: str) -> str:
    """Render text in the reader's script: original (unchanged), hant (Taiwan phrases) or hans."""
    if script == "original" or not text:
        return text
    if script == "hans":
        return _converter("t2s").convert(text)
    if script == "hant":
        return _converter("s2twp").convert(text)
    raise ValueError(f"unknown script {script!r}")
