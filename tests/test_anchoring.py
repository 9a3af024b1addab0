"""Rules that search only windows around their anchors find exactly what a search of the
whole text finds: on every sentence of the corpus tables at once."""

from functools import cache
from pathlib import Path

import pytest

from timeline_cli.script import simplified_view
from timeline_cli.timex.recognise import (
    _anchor_pattern,
    _anchor_positions,
    _anchored,
    _started,
    rules,
)

CORPUS = Path(__file__).parent / "corpus"


@cache
def corpus_view() -> str:
    texts = []
    for path in sorted(CORPUS.glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                texts.append(line.split("\t")[0])
    return simplified_view("\n".join(dict.fromkeys(texts)))


@pytest.mark.parametrize("rule", [r for r in rules() if r.anchoring is not None], ids=lambda r: r.name)
def test_windows_around_the_anchors_find_what_the_whole_text_gives(rule):
    view = corpus_view()
    anchors = [m.start() for m in _anchor_pattern(rule.anchoring.chars, rule.anchoring.words).finditer(view)]
    windowed = [m.span() for m in _anchored(rule, view, anchors) if m.end() > m.start()]
    whole = [m.span() for m in rule.pattern.finditer(view) if m.end() > m.start()]
    assert windowed == whole


@pytest.mark.parametrize("rule", [r for r in rules() if r.anchoring is not None], ids=lambda r: r.name)
def test_anchor_positions_are_where_the_anchor_pattern_matches(rule):
    view = corpus_view() + "\n" + corpus_view()[::-1]
    key = (rule.anchoring.chars, rule.anchoring.words)
    expected = [m.start() for m in _anchor_pattern(*key).finditer(view)]
    assert _anchor_positions(view, *key, {}) == expected


FIRST = [r for r in rules() if r.first]


@pytest.mark.parametrize("rule", FIRST, ids=lambda r: r.name)
def test_trying_only_the_first_characters_finds_what_the_whole_text_gives(rule):
    view = corpus_view()
    starts = [at for at, ch in enumerate(view) if ch in rule.first]
    tried = [m.span() for m in _started(rule, view, starts)]
    whole = [m.span() for m in rule.pattern.finditer(view) if m.end() > m.start()]
    assert tried == whole


@pytest.mark.parametrize("rule", FIRST, ids=lambda r: r.name)
def test_no_match_starts_with_another_character(rule):
    view = corpus_view()
    match = rule.pattern.match
    others = [at for at, ch in enumerate(view) if ch not in rule.first]
    assert not [view[at:at + 8] for at in others if (m := match(view, at)) and m.end() > at]
