"""Recognition. A rule is one record: its name, pattern, builder, priority, what it needs, how it anchors,
and examples. Each family of expressions (absolute.py, relative.py, …) exports its records
as RULES; `scan` runs them all over the Simplified view of a text.

No pattern nests unbounded repetitions, so matching time stays linear in the length of
the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from ..lazyre import LazyPattern, compile_pattern
from .pieces import Piece, Range, What


@dataclass(frozen=True, slots=True)
class ScanContext:
    """What the recognisers need to know about the document."""

    taiwan: bool = False  # a Traditional-script document: 114年3月 is an ROC year
    region: str = "CN"  # CN, TW, HK, MO or SG: which day 国庆, 儿童节 … mean (region.py)


@dataclass(frozen=True, slots=True)
class Anchoring:
    """Search only in windows around these characters (every match holds one of them).

    Searching small windows around the anchors instead of the whole text is what keeps
    recognition fast on long articles, where most characters are far from any date.
    """

    chars: str
    before: int  # how far a match may start before its anchor
    after: int  # how far past the anchor the window reaches (room for lookaheads too)
    # Words that anchor too, for matches without a rare enough character (小年, 中国新年): the
    # anchor is where the word starts.
    words: tuple[str, ...] = ()
    # Literal names one of which every match holds, each holding an anchor (the holiday names):
    # a text where none lies around an anchor skips the rule without compiling its pattern.
    names: tuple[str, ...] = ()


def found(m: re.Match, what: What, levels: tuple[int, int] = (0, 0), *, start: int | None = None,
          end: int | None = None, refined: str = "") -> Piece:
    """What a builder returns: the meaning of a match, over the match or the span given.

    The scanner names the piece after the rule that found it; `refined` ("+offset") adds the
    name of a refiner the builder applied itself (see compose.REFINERS).
    """
    return Piece(m.start() if start is None else start, m.end() if end is None else end, refined, what, levels)


def read_back(whole: re.Pattern, core: re.Match, reach: int) -> re.Match | None:
    """The match of `whole` that ends where `core` ends, starting at most `reach` characters
    before it (the leftmost such start).

    Some rules search only the end of their phrase (80年前的今天 from 前的今天, 十月第一个星期一
    from 第一个星期一): a pattern that starts with a rare literal is found far faster than one
    that starts with a number. The core carries the phrase's closing look-aheads; `whole`, matched
    up to the core's end, checks the rest.
    """
    view, end = core.string, core.end()
    for start in range(max(0, core.start() - reach), core.start() + 1):
        m = whole.match(view, start, end)
        if m is not None and m.end() == end:
            return m
    return None


Builder = Callable[[re.Match, ScanContext], "Piece | list[Piece] | None"]


@dataclass(frozen=True, slots=True)
class Rule:
    """One recogniser: its pattern, the builder of its pieces, and when it runs."""

    name: str  # the name mentions, `explain` and the corpus use
    pattern: LazyPattern  # compiled when the rule first runs on a text
    build: Builder
    priority: int = 0  # breaks ties between pieces of the same span: higher wins
    needs: str = ""  # every match holds one of these characters; a text without any skips the rule
    anchoring: Anchoring | None = None
    examples: tuple[str, ...] = ()  # phrases the rule reads, each a mention in tests/corpus
    # Words one of which every match holds (str.__contains__ finds them fast): a text with none
    # skips the rule. For rules that few texts need and whose pattern costs a pass over the text.
    words: tuple[str, ...] = ()
    # The characters every match starts with, when few: where they are rare in a text, the
    # pattern is tried only there (see _started) instead of at every character.
    first: str = ""


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """Every family's rules, in the order they run (the order only matters for ties)."""
    from . import (
        absolute,
        clock,
        durations,
        eras,
        fuzzy,
        holidays,
        lunar,
        numeric,
        ranges,
        relative,
        sets,
        story,
    )

    families = (numeric, absolute, ranges, relative, fuzzy, clock, holidays, lunar, eras, durations, sets, story)
    rules = tuple(rule for family in families for rule in family.RULES)
    names = [rule.name for rule in rules]
    duplicated = {name for name in names if names.count(name) > 1}
    assert not duplicated, f"rule names must be unique: {duplicated}"
    return rules


def rule_names() -> frozenset[str]:
    return frozenset(rule.name for rule in rules())


def _anchored(rule: Rule, view: str, positions: list[int]):
    """The matches finditer would give, found by searching windows around the anchors (at
    `positions`: where the rule's anchor characters are in the view)."""
    anchoring = rule.anchoring
    search, before, after = rule.pattern.search, anchoring.before, anchoring.after
    size = len(view)
    next_start = 0
    for p in positions:
        if p < next_start:
            continue  # inside the last match
        start = p - before
        if start < next_start:
            start = next_start
        end = p + after
        if end > size:
            end = size
        while True:
            m = search(view, start, end)
            if m is None:
                break
            m_start, m_end = m.span()
            if m_start > p:
                break
            if m_end > p:
                yield m
                next_start = m_end
                break
            start = m_end if m_end > m_start else m_start + 1


@cache
def _anchor_pattern(chars: str, words: tuple[str, ...] = ()) -> re.Pattern:
    return compile_pattern("|".join([*(re.escape(w) for w in sorted(words, key=len, reverse=True)),
                                "[" + re.escape(chars) + "]"]))


def holds_a_name(view: str, anchoring: Anchoring) -> bool:
    """Whether one of the anchoring's names lies in the view: looked for where its anchors are
    (every occurrence of each, overlapping ones too), not compiled into one pattern."""
    chars, by_char, by_word = _names_by_anchor(anchoring)
    for m in chars.finditer(view):
        if _name_at(view, m.start(), by_char[m.group()]):
            return True
    for word, names in by_word.items():
        at = view.find(word)
        while at >= 0:
            if _name_at(view, at, names):
                return True
            at = view.find(word, at + 1)
    return False


def _name_at(view: str, at: int, names: tuple[tuple[str, int], ...]) -> bool:
    return any(at >= offset and view.startswith(name, at - offset) for name, offset in names)


@cache
def _names_by_anchor(anchoring: Anchoring):
    """For each anchor character and word: the names holding it, with where it sits in them."""
    by_char: dict[str, list[tuple[str, int]]] = {}
    by_word: dict[str, list[tuple[str, int]]] = {}
    for name in anchoring.names:
        held = False
        for offset, ch in enumerate(name):
            if ch in anchoring.chars:
                by_char.setdefault(ch, []).append((name, offset))
                held = True
        for word in anchoring.words:
            offset = name.find(word)
            while offset >= 0:
                by_word.setdefault(word, []).append((name, offset))
                held = True
                offset = name.find(word, offset + 1)
        assert held, f"{name} holds no anchor"
    chars = compile_pattern("[" + re.escape("".join(sorted(by_char))) + "]")
    return (chars, {ch: tuple(v) for ch, v in by_char.items()}, {w: tuple(v) for w, v in by_word.items()})


def _anchor_positions(view: str, chars: str, words: tuple[str, ...], by_char: dict[str, list[int]]) -> list[int]:
    """Where the anchors are in the view, in order (the starts of _anchor_pattern's matches).

    A few single characters are found one by one with str.find and merged: far faster than a
    regular expression's class, which tests every character of the text; many rules share them.
    """
    if words or len(chars) > _FEW_CHARS:
        return [a.start() for a in _anchor_pattern(chars, words).finditer(view)]
    return _merged(_each_char(view, chars, by_char))


def _each_char(view: str, chars: str, by_char: dict[str, list[int]]) -> list[list[int]]:
    return [by_char[ch] if ch in by_char else by_char.setdefault(ch, _char_positions(view, ch))
            for ch in dict.fromkeys(chars)]


def _merged(found: list[list[int]]) -> list[int]:
    return found[0] if len(found) == 1 else sorted([at for positions in found for at in positions])


_FEW_CHARS = 8


def _char_positions(view: str, ch: str) -> list[int]:
    positions = []
    at = view.find(ch)
    while at >= 0:
        positions.append(at)
        at = view.find(ch, at + 1)
    return positions


_SPARSE = 1 / 40  # anchors per character below which windows beat one pass over the text
_RARE_FIRST = 1 / 60  # first characters per character below which _started beats one pass


def _started(rule: Rule, view: str, positions: list[int]):
    """The non-empty matches finditer would give, found by trying the pattern only at
    `positions`: where the rule's first characters are in the view.

    No match can start anywhere else, and a match tried at a position is the one a search
    reaching it finds (look-behinds see the text before it, look-aheads the text after), so
    the matches are the same. An empty match would let finditer try that position again:
    there the whole-text search takes over.
    """
    match = rule.pattern.match
    next_start = 0
    for p in positions:
        if p < next_start:
            continue  # inside the last match
        m = match(view, p)
        if m is None:
            continue
        end = m.end()
        if end == p:
            yield from rule.pattern.finditer(view, p)
            return
        yield m
        next_start = end


def scan(view: str, ctx: ScanContext) -> list[tuple[Piece, int]]:
    """Every piece any rule finds, with its rule's priority; overlaps are settled later."""
    hits = []
    present: dict[str, bool] = {}  # whether a character a rule needs is in the text at all
    sparse_below = len(view) * _SPARSE
    anchor_positions: dict[tuple, list[int]] = {}  # rules that anchor on the same characters share them
    by_char: dict[str, list[int]] = {}  # where each anchor character is, for _anchor_positions
    words_in_view = None  # the rules' words the view holds, found on the first rule that has words
    for rule in rules():
        if rule.needs and not any(present[ch] if ch in present else present.setdefault(ch, ch in view)
                                  for ch in rule.needs):
            continue
        if rule.words:
            if words_in_view is None:
                words_in_view = _rule_words_in(view)
            if words_in_view.isdisjoint(rule.words):
                continue
        if rule.anchoring is not None and rule.anchoring.names and not holds_a_name(view, rule.anchoring):
            continue
        matches = None
        if rule.anchoring is not None:
            key = (rule.anchoring.chars, rule.anchoring.words)
            if key not in anchor_positions:
                anchor_positions[key] = _anchor_positions(view, *key, by_char)
            if len(anchor_positions[key]) < sparse_below:
                matches = _anchored(rule, view, anchor_positions[key])
        if matches is None and rule.first:
            starts = _each_char(view, rule.first, by_char)
            if sum(map(len, starts)) < len(view) * _RARE_FIRST:
                matches = _started(rule, view, _merged(starts))
        if matches is None:
            matches = rule.pattern.finditer(view)
        _collect(rule, matches, ctx, hits)
    return hits


def _rule_words_in(view: str) -> set[str]:
    """Which of the rules' words lie in the view, in one pass over it rather than one per word.

    One pass finds no overlapping matches, so a word may hide under another's match; it can only
    where the two share a character, and only those words are looked for one by one."""
    pattern, words = _rule_words()
    found = set(pattern.findall(view))
    if found:
        seen_chars = set("".join(found))
        found.update(w for w in words if w not in found and not seen_chars.isdisjoint(w) and w in view)
    return found


@cache
def _rule_words() -> tuple[re.Pattern, tuple[str, ...]]:
    from .lexicon import alternation

    words = tuple(sorted({word for rule in rules() for word in rule.words}))
    return compile_pattern(alternation(words)), words


def _collect(rule: Rule, matches, ctx: ScanContext, hits: list[tuple[Piece, int]]) -> None:
    """The pieces the rule builds from its matches, named after it, into `hits`."""
    build, name, priority = rule.build, rule.name, rule.priority
    for m in matches:
        start, end = m.span()
        if end == start:
            continue
        built = build(m, ctx)
        if built is None:
            continue
        for piece in built if type(built) is list else (built,):  # an enumeration gives several
            piece.rule = name + piece.rule if piece.rule else name
            if type(piece.what) is Range:  # its ends carry the rule's name too
                piece.what.first.rule = piece.what.second.rule = name
            hits.append((piece, priority))
