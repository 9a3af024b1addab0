"""Text made safe to print: nothing from an article or a file name may drive the terminal.

ESC and the other C0 and C1 control characters (colour codes, OSC title sequences, a
bell, a carriage return that overwrites the line), the bidirectional overrides and
isolates (which reorder what a reader sees), and the lone surrogates that stand for
the undecodable bytes of a file name are shown as visible escapes: \\x1b, \\u202e,
\\xff. JSON keeps the characters themselves, escaped by JSON (see `json_safe`).
"""

from __future__ import annotations

import re

from .lazyre import compile_pattern

_UNSAFE = "\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_PATTERNS: dict[str, re.Pattern] = {}
_C1 = compile_pattern("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _pattern(keep: str) -> re.Pattern:
    pattern = _PATTERNS.get(keep)
    if pattern is None:
        kept = "".join(re.escape(ch) for ch in keep)
        pattern = compile_pattern(f"(?![{kept}])[{_UNSAFE}]" if keep else f"[{_UNSAFE}]")
        _PATTERNS[keep] = pattern
    return pattern


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a name that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, keep: str = "") -> str:
    """`text` with every unsafe character (but those in `keep`, e.g. "\\n\\t") escaped."""
    if text.isprintable() and not _has_format_controls(text):
        return text
    return _pattern(keep).sub(_escape, text)


def _has_format_controls(text: str) -> bool:
    # str.isprintable() is False for every character above except the bidi marks (Cf).
    return any("\u200e" <= ch <= "\u206f" for ch in text)


def json_safe(encoded: str) -> str:
    """JSON text with DEL, the C1 controls and the bidi overrides escaped as \\u00XX (JSON
    escapes C0 itself; these it leaves raw); the values are unchanged."""
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)


def name_for_display(name: str) -> str:
    """A file name as typed, with undecodable bytes and control characters escaped."""
    return printable(name)
