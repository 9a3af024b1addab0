"""Scripts: a Simplified view of the text for matching, and conversion for display.

The view has exactly the length of the original, so an offset into the view is
the same offset into the original: matching runs on the view, spans are read
from the original.
"""

from __future__ import annotations

from functools import lru_cache

# Full-width ASCII (！ to ～) folds to ASCII; the ideographic space to a space.
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20
_FOLD = str.maketrans(_FULLWIDTH)

SCRIPTS = ("original", "hant", "hans")


@lru_cache(maxsize=8)
def _converter(config: str):
    import opencc  # imported here: only commands that read Chinese text pay for it

    return opencc.OpenCC(config)


def simplified_view(text: str) -> str:
    """The text in Simplified characters with full-width ASCII folded, same length as `text`."""
    converted = _to_simplified_aligned(text)
    return converted.translate(_FOLD)


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


def detect_script(text: str, sample: int = 20000) -> str:
    """hant, hans, mixed or other, from how many characters each conversion changes."""
    head = text[:sample]
    if not any("\u4e00" <= ch <= "\u9fff" for ch in head):
        return "other"
    traditional = _count_changed(head, _converter("t2s").convert(head))
    simplified = _count_changed(head, _converter("s2t").convert(head))
    if traditional == 0 and simplified == 0:
        return "hans"  # only characters both scripts share; Simplified is the safer guess
    minority = min(traditional, simplified)
    if minority >= 3 and minority >= 0.03 * (traditional + simplified):
        return "mixed"
    return "hant" if traditional > simplified else "hans"


def _count_changed(original: str, converted: str) -> int:
    if len(original) != len(converted):
        return sum(1 for a, b in zip(original, converted, strict=False) if a != b)
    return sum(1 for a, b in zip(original, converted, strict=True) if a != b)


def convert(text: str, script: str) -> str:
    """Render text in the reader's script: original (unchanged), hant (Taiwan phrases) or hans."""
    if script == "original" or not text:
        return text
    if script == "hans":
        return _converter("t2s").convert(text)
    if script == "hant":
        return _converter("s2twp").convert(text)
    raise ValueError(f"unknown script {script!r}")
