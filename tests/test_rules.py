"""The rule records: complete, uniquely named, and their examples are corpus rows the rule reads.

A mention's `rule` (what `explain` and `mentions --format json` print) is the recognisers'
names joined by the refiners' (docs/timex.md, "Rules"); every part of it must name a rule
record or a refiner.
"""

import re
from datetime import date
from pathlib import Path

import pytest

from timeline_cli.api import extract_mentions
from timeline_cli.model import RefDate
from timeline_cli.timex.compose import REFINERS
from timeline_cli.timex.recognise import rules

CORPUS = Path(__file__).parent / "corpus"
RULES = rules()
NAMES = {rule.name for rule in RULES}


def corpus_rows() -> list[tuple[str, str, str]]:
    """(text, ref, mention) of every corpus row that expects a mention."""
    rows = []
    for path in sorted(CORPUS.glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                cells = line.split("\t")
                if cells[3] != "NONE":
                    rows.append((cells[0], cells[1], cells[2]))
    return rows


ROWS = corpus_rows()


def rule_parts(rule: str) -> list[str]:
    """relative-year+month → [relative-year, month]; range(year+month,day) → [range, year, month, day]."""
    return [part for part in re.split(r"[+(),]", rule) if part]


def mention_of(text: str, ref: str, wanted: str):
    found = extract_mentions(text, None if ref == "-" else date.fromisoformat(ref))
    return next((m for m in found if m.text == wanted), None)


def test_every_rule_is_in_the_rules_table_of_the_docs():
    doc = (Path(__file__).parent.parent / "docs" / "timex.md").read_text(encoding="utf-8")
    section = doc[doc.index("## Rules"):doc.index("## Types and values")]
    assert [name for name in sorted(NAMES) if f"`{name}`" not in section] == []


@pytest.mark.parametrize("rule", [r for r in RULES if r.words], ids=lambda r: r.name)
def test_rule_words_are_in_every_example_and_lexicon_word_it_reads(rule):
    """A text without any of a rule's `words` skips it: each phrase it reads holds one."""
    from timeline_cli.script import simplified_view
    from timeline_cli.timex.lexicon import lexicon

    lex = lexicon()
    phrases = [simplified_view(e) for e in rule.examples]
    phrases += {"week-part": list(lex["week_part"]), "recent-window": list(lex["recent_window"]),
                "relative-quarter": list(lex["relative_quarter"])}.get(rule.name, [])
    assert [p for p in phrases if not any(w in p for w in rule.words)] == []


def test_rule_names_are_unique_words():
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    for rule in RULES:
        assert re.fullmatch(r"[a-z][a-z0-9-]*", rule.name), rule.name


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rule_record_is_complete(rule):
    assert rule.pattern.pattern and callable(rule.build)
    assert 2 <= len(rule.examples) <= 3, f"{rule.name}: give two or three examples"
    if rule.anchoring is not None:
        assert rule.anchoring.chars and rule.anchoring.before >= 0 and rule.anchoring.after > 0


CUE_RULES = {"story-after"}  # they find story cues (随后), which are not mentions: NONE rows


def none_rows() -> list[tuple[str, str, str]]:
    rows = []
    for path in sorted(CORPUS.glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            cells = line.split("\t")
            if len(cells) == 9 and cells[3] == "NONE":
                rows.append((cells[0], cells[1], cells[2]))
    return rows


@pytest.mark.parametrize("rule", [r for r in RULES if r.name in CUE_RULES], ids=lambda r: r.name)
def test_cue_rule_examples_are_not_mentions_but_cues(rule):
    from timeline_cli.timex.extract import extract_with_cues

    for example in rule.examples:
        rows = [row for row in none_rows() if row[2] == example]
        assert rows, f"{rule.name}: example {example!r} is in no NONE row of tests/corpus"
        text, ref, _ = rows[0]
        _mentions, cues = extract_with_cues(text, None if ref == "-" else RefDate(date.fromisoformat(ref)))
        assert any(c.text == example and c.rule == rule.name for c in cues)


@pytest.mark.parametrize("rule", [r for r in RULES if r.name not in CUE_RULES], ids=lambda r: r.name)
def test_rule_examples_are_corpus_rows_it_reads(rule):
    for example in rule.examples:
        rows = [row for row in ROWS if row[2] == example]
        assert rows, f"{rule.name}: example {example!r} is the mention of no row in tests/corpus"
        rules_seen = []
        for text, ref, wanted in rows:
            m = mention_of(text, ref, wanted)
            if m is not None:
                rules_seen.append(m.rule)
        assert any(rule.name in rule_parts(r) for r in rules_seen), (
            f"{rule.name}: example {example!r} is read by {rules_seen}")


def test_every_mention_in_the_corpus_names_known_rules_and_refiners():
    unknown = set()
    for text, ref, _wanted in ROWS:
        for m in extract_mentions(text, None if ref == "-" else date.fromisoformat(ref)):
            unknown |= set(rule_parts(m.rule)) - NAMES - set(REFINERS)
    assert not unknown, f"rule names that no record or refiner has: {sorted(unknown)}"


def test_every_holiday_name_holds_an_anchor_character_or_word():
    from timeline_cli.timex.holiday_table import anchor_chars, anchor_words, entries
    from timeline_cli.timex.holidays import _PERIOD_ALIASES

    anchors, words = set(anchor_chars()), anchor_words()
    names = [*entries(), *_PERIOD_ALIASES]
    assert [n for n in names if not anchors & set(n) and not any(w in n for w in words)] == []


def test_the_one_pass_over_rule_words_finds_what_looking_for_each_finds():
    """Words that overlap (年年, 年内, 近年; 初一, 一次) must not hide one another."""
    import random

    from timeline_cli.timex.recognise import _rule_words, _rule_words_in

    _, words = _rule_words()
    alphabet = "".join(sorted(set("".join(words)))) + "的是在"
    rng = random.Random(7)
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 80)))
        assert _rule_words_in(text) == {w for w in words if w in text}, text
