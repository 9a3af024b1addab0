"""Chinese and Arabic numerals as they appear in dates and durations."""

from __future__ import annotations

DIGITS = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
UNITS = {"十": 10, "百": 100, "千": 1000}
SHORTHAND = {"廿": 20, "卅": 30, "卌": 40}
_LARGE = {"万": 10_000, "亿": 100_000_000}

# Character class fragments for building regular expressions.
CN_DIGIT = "〇零一二两三四五六七八九"
CN_NUMBER = CN_DIGIT + "十百千万廿卅卌"
CN_NUMBER_START = "零一二两三四五六七八九十百"  # what a count in Chinese numerals starts with


def parse_int(text: str) -> int | None:
    """Read 12, 十二, 二十三, 廿三, 一百零五, 两千 or digit-by-digit 二〇二五; None if not a number."""
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return int(text)
    if all(ch in DIGITS for ch in text):
        if len(text) == 1:
            return DIGITS[text]
        # Digit-by-digit reading, as years are written: 二〇二五, 一九九八.
        return int("".join(str(DIGITS[ch]) for ch in text))
    return _parse_positional(text)


def _parse_positional(text: str) -> int | None:
    total = 0
    section = 0  # the part below 万
    current = None
    for ch in text:
        if ch in "零〇" and (section or total):
            continue  # 一百零一: a zero holds the place of a missing unit
        if ch in DIGITS:
            if current is not None:
                return None  # two digits in a row outside a digit-by-digit reading
            current = DIGITS[ch]
        elif ch in SHORTHAND:
            section += SHORTHAND[ch]
            current = None
        elif ch in UNITS:
            section += (1 if current is None else current) * UNITS[ch]
            current = None
        elif ch == "万":
            section += current or 0
            total += (section or 1) * 10000
            section, current = 0, None
        else:
            return None
    return total + section + (current or 0)


def parse_number(text: str) -> float | None:
    """Like parse_int, but also reads decimals (1.5), 半 (half) as 0.5, thousands written with
    commas (35,000) and 万/亿 after digits (2000万)."""
    if text == "半":
        return 0.5
    if text and text[-1] in _LARGE and text[:-1] and text[:-1].replace(".", "", 1).replace(",", "").isdigit():
        base = parse_number(text[:-1])
        return None if base is None else base * _LARGE[text[-1]]
    if "," in text and text.replace(",", "").isdigit():
        text = text.replace(",", "")
    if "." in text:
        try:
            return float(text)
        except ValueError:
            return None
    value = parse_int(text)
    return None if value is None else float(value)
