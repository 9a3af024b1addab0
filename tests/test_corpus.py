"""The expression corpus: every row of tests/corpus/*.tsv is a case (see tests/corpus/README.md)."""

from datetime import date
from pathlib import Path

import pytest

from timeline_cli.api import extract_mentions

CORPUS = Path(__file__).parent / "corpus"
EXTRA_KEYS = {"duration", "duration_max", "datetime", "granularity", "qualifier", "anchor", "rule"}


def load_rows():
    rows = []
    for path in sorted(CORPUS.glob("*.tsv")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            assert len(cells) == 9, f"{path.name}:{number}: expected 9 tab-separated columns, got {len(cells)}"
            rows.append(pytest.param(*cells, id=f"{path.stem}:{number}"))
    return rows


def _none(cell: str) -> str | None:
    return None if cell == "-" else cell


@pytest.mark.parametrize("text,ref,mention,type_,value,mod,start,end,extra", load_rows())
def test_corpus_row(text, ref, mention, type_, value, mod, start, end, extra):
    ref_date = None if ref == "-" else date.fromisoformat(ref)
    found = extract_mentions(text, ref_date)
    for m in found:
        assert text[m.start:m.end] == m.text
    if type_ == "NONE":
        if mention == "*":
            assert not found, f"expected no mention, got {[m.text for m in found]}"
            return
        at = text.index(mention)
        clash = [m.text for m in found if m.start < at + len(mention) and at < m.end]
        assert not clash, f"{mention!r} must not be (part of) a mention, got {clash}"
        return
    at = text.index(mention)
    hits = [m for m in found if m.start == at and m.end == at + len(mention)]
    assert hits, f"no mention {mention!r} at {at}; found {[(m.text, m.start, m.value) for m in found]}"
    m = hits[0]
    assert m.type == type_
    assert m.value == value
    assert m.mod == _none(mod)
    assert (m.start_date.isoformat() if m.start_date else None) == _none(start)
    assert (m.end_date.isoformat() if m.end_date else None) == _none(end)
    if extra != "-":
        for pair in extra.split(";"):
            key, _, expected = pair.partition("=")
            assert key in EXTRA_KEYS, f"unknown extra key {key!r}"
            actual = m.time.qualifier if key == "qualifier" else m.time.datetime if key == "datetime" else getattr(m, key)
            assert actual == expected, f"{key}: {actual!r} != {expected!r}"
