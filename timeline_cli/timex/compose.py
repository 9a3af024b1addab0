"""Refiners: settle overlaps, join adjacent pieces, read ranges and suffixes.

After `recognise.scan` every recogniser has had its say; here the pieces become
the mentions a reader sees: `今年` + `4月份` is one mention, `4月5日` + `到` +
`7日` is one range, `2013年` + `以来` runs up to the reference date.
"""

from __future__ import annotations

import re

from .recognise import Piece

RANGE_JOINERS = re.compile(r"\s?(?:至|到|-|–|—|~|〜|～)\s?")
_GAP_OK = re.compile(r"\s?")
_SUFFIXES = [
    ("翌日", "+1"), ("次日", "+1"), ("前一天", "-1"), ("前一日", "-1"), ("当天", "0"), ("当日", "0"),
    ("以来", "since"), ("至今", "since"),
    ("前后", "APPROX"), ("左右", "APPROX"), ("许", "APPROX"),
    ("前夕", "BEFORE"), ("以前", "BEFORE"), ("之前", "BEFORE"),
    ("以后", "AFTER"), ("之后", "AFTER"),
    ("起", "ON_OR_AFTER"), ("开始", "ON_OR_AFTER"),
    ("前", "BEFORE"), ("后", "AFTER"),
]
# 前/后 glued to a date usually mean before/after it, except in these words.
_NOT_AFTER = "来续者面果方台盾备卫期勤代悔援劲门宫院裔"
_NOT_BEFORE = "往进景线沿列排锋任辈提瞻所台途程"
_PUNCT = set("，,。.；;：:！!？?、）)」』\n ")


def settle(found: list[tuple[Piece, int]]) -> list[Piece]:
    """Keep non-overlapping pieces: leftmost first, then longest, then the higher priority."""
    found.sort(key=lambda item: (item[0].start, -item[0].length, -item[1]))
    kept: list[Piece] = []
    last_end = 0
    for piece, _priority in found:
        if piece.start >= last_end:
            kept.append(piece)
            last_end = piece.end
    return kept


def compose(pieces: list[Piece], view: str) -> list[Piece]:
    pieces = _attach_qualifiers(pieces, view)
    pieces = _join_durations(pieces, view)
    pieces = _share_into_ranges(pieces, view)
    pieces = _join_points(pieces, view)
    pieces = [p for p in pieces if not p.fields.get("weak")]
    pieces = _drop_covered(_read_suffixes(pieces, view))
    return _join_ranges(pieces, view)


def _drop_covered(pieces: list[Piece]) -> list[Piece]:
    """A suffix read into a piece (圣诞节 + 翌日) swallows the piece that recognised it alone."""
    out: list[Piece] = []
    for piece in pieces:
        if out and piece.start < out[-1].end:
            continue
        out.append(piece)
    return out


def _adjacent(a: Piece, b: Piece, view: str) -> bool:
    gap = view[a.end:b.start]
    return len(gap) <= 1 and (gap == "" or gap.isspace())


def _attach_qualifiers(pieces: list[Piece], view: str) -> list[Piece]:
    out: list[Piece] = []
    pending: Piece | None = None
    for piece in pieces:
        if piece.kind == "qualifier":
            pending = piece
            continue
        if pending is not None and piece.kind == "point" and _adjacent(pending, piece, view):
            piece.fields["qualifier"] = pending.fields["qualifier"]
            piece.start = pending.start
            piece.rule = "qualifier+" + piece.rule
        pending = None
        out.append(piece)
    return out


_SHAREABLE = {"weak", "approx", "qualifier"}


def _join_points(pieces: list[Piece], view: str) -> list[Piece]:
    out: list[Piece] = []
    for piece in pieces:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "point" and piece.kind == "point"
            and _adjacent(prev, piece, view)
            and prev.levels[1] < piece.levels[0]
            and not (prev.fields.keys() & piece.fields.keys()) - _SHAREABLE
        ):
            prev.fields.update(piece.fields)
            prev.fields.pop("weak", None)  # a bare 8点 after 今晚 is a real time
            prev.end = piece.end
            prev.levels = (prev.levels[0], piece.levels[1])
            prev.rule = f"{prev.rule}+{piece.rule}"
            continue
        out.append(piece)
    return out


_SUFFIX_RE = re.compile("|".join(word for word, _ in _SUFFIXES))
_SUFFIX_MEANING = dict(_SUFFIXES)


_SMALLER = {"Y": ("M", "D"), "M": ("D",), "W": ("D",), "D": ("H",), "H": ("MIN",), "MIN": ("S",)}
_MINUTES_AFTER_HOURS = re.compile(r"零?(\d{1,2}|[一二三四五六七八九十]{1,3})分(?:钟)?")


def _join_durations(pieces: list[Piece], view: str) -> list[Piece]:
    """15年6个月, 3年零4个月, 2小时12分: one length in several units."""
    out: list[Piece] = []
    for piece in pieces:
        prev = out[-1] if out else None
        if (
            prev is not None and prev.kind == "duration" and piece.kind == "duration"
            and _plain_length(prev) and _plain_length(piece)
            and view[prev.end:piece.start] in ("", "零", "又")
            and piece.fields["unit"] in _SMALLER.get(prev.fields["unit"], ())
        ):
            prev.fields.setdefault("parts", [(prev.fields["amount"], prev.fields["unit"])])
            prev.fields["parts"].append((piece.fields["amount"], piece.fields["unit"]))
            prev.end = piece.end
            prev.rule += "+duration"
            continue
        if piece.kind == "duration" and _plain_length(piece) and piece.fields["unit"] == "H":
            m = _MINUTES_AFTER_HOURS.match(view, piece.end)
            if m:
                from .numerals import parse_int

                minutes = parse_int(m.group(1))
                if minutes is not None and minutes < 60:
                    piece.fields["parts"] = [(piece.fields["amount"], "H"), (float(minutes), "MIN")]
                    piece.end = m.end()
        out.append(piece)
    return out


def _plain_length(piece: Piece) -> bool:
    f = piece.fields
    return "amount" in f and "amount_max" not in f and not f.get("vague") and "mod" not in f


def _share_into_ranges(pieces: list[Piece], view: str) -> list[Piece]:
    """114年1至10月, 3月5至7日: the date before a shared range belongs to both its ends."""
    out: list[Piece] = []
    for piece in pieces:
        prev = out[-1] if out else None
        if (
            prev is not None and prev.kind == "point" and piece.kind == "range"
            and _adjacent(prev, piece, view) and prev.levels[1] < piece.levels[0]
        ):
            for end in (piece.fields["from"], piece.fields["to"]):
                end.fields = {**prev.fields, **end.fields}
                end.levels = (prev.levels[0], end.levels[1])
            piece.start = prev.start
            piece.rule = f"{prev.rule}+{piece.rule}"
            out[-1] = piece
            continue
        out.append(piece)
    return out


def _read_suffixes(pieces: list[Piece], view: str) -> list[Piece]:
    for piece in pieces:
        if piece.kind != "point":
            continue
        m = _SUFFIX_RE.match(view, piece.end)
        if m is None:
            continue
        for word, meaning in ((m.group(), _SUFFIX_MEANING[m.group()]),):
            following = view[piece.end + len(word):piece.end + len(word) + 1]
            if not _suffix_applies(word, meaning, following, view, piece):
                break
            if meaning in ("+1", "-1", "0"):
                piece.fields["day_shift"] = int(meaning)
            elif meaning == "since":
                piece.fields["since"] = True
            elif meaning == "APPROX" and word == "许":
                piece.fields["approx"] = True
            elif "part" in piece.fields or "mod" in piece.fields:
                break  # 年底前: the part already says where in the period
            else:
                piece.fields["mod"] = meaning
            piece.end += len(word)
            piece.rule += "+" + {"since": "since", "+1": "next-day", "-1": "day-before", "0": "same-day"}.get(meaning, meaning.lower())
            break
    return pieces


def _suffix_applies(word: str, meaning: str, following: str, view: str, piece: Piece) -> bool:
    if word == "至今":
        return following != "年"  # 去年12月至今年2月: 至 + 今年, a range to this year's February
    if word == "后":
        return following not in _NOT_AFTER or following == ""
    if word == "前":
        return following not in _NOT_BEFORE or following == ""
    if word in ("起", "开始"):
        before = view[max(0, piece.start - 1):piece.start]
        return before in ("自", "从", "由") or following in _PUNCT or following == ""
    return True


def _join_ranges(pieces: list[Piece], view: str) -> list[Piece]:
    out: list[Piece] = []
    i = 0
    while i < len(pieces):
        a = pieces[i]
        b = pieces[i + 1] if i + 1 < len(pieces) else None
        if (
            b is not None and a.kind == "point" and b.kind == "point"
            and "since" not in a.fields and "mod" not in a.fields
            and RANGE_JOINERS.fullmatch(view[a.end:b.start])
            and b.levels[0] >= a.levels[0]
        ):
            range_piece = Piece(a.start, b.end, f"range({a.rule},{b.rule})", "range",
                                {"from": a, "to": _borrow(a, b)})
            out.append(range_piece)
            i += 2
            continue
        out.append(a)
        i += 1
    return out


_YEAR_KEYS = ("year", "year_rel", "year_story", "roc", "short_year")
_MONTH_KEYS = ("month", "month_rel", "month_story")


def _borrow(a: Piece, b: Piece) -> Piece:
    """The second end of 4月5日到7日 takes the month (and year) the first end gives."""
    fields = dict(b.fields)
    levels = b.levels
    if not any(k in fields for k in _YEAR_KEYS) and b.levels[0] > 2:
        borrowed = {k: a.fields[k] for k in _YEAR_KEYS if k in a.fields}
        fields.update(borrowed)
        if borrowed:
            fields["year_borrowed"] = True  # 2025年12月31日至1月2日 may still cross into the next year
        levels = (min(levels[0], a.levels[0]), levels[1])
    if not any(k in fields for k in _MONTH_KEYS) and b.levels[0] >= 6 and "week_rel" not in fields:
        fields.update({k: a.fields[k] for k in _MONTH_KEYS if k in a.fields})
    if "weekday" in fields and "week_rel" not in fields and "week_rel" in a.fields:
        fields["week_rel"] = a.fields["week_rel"]  # 下周一至周三: the same week
    return Piece(b.start, b.end, b.rule, b.kind, fields, levels)
