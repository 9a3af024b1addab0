"""The seed article's mentions, as the foundation issue lists them (reference date 2025-11-20)."""

import json
from datetime import date

import pytest

from conftest import run_cli, validate
from timeline_cli.api import extract_mentions

REF = date(2025, 11, 20)

# text, offset, type, value, mod, start_date, end_date (None: check only that the interval lies inside)
EXPECTED = [
    ("年底", 44, "DATE", "2025", "END", "2025-11-01", "2025-12-31"),
    ("今年年底", 97, "DATE", "2025", "END", "2025-11-01", "2025-12-31"),
    ("12年", 105, "DURATION", "P12Y", None, None, None),
    ("12年", 588, "DURATION", "P12Y", None, None, None),
    ("5年", 595, "DURATION", "P5Y", None, None, None),
    ("7年", 609, "DURATION", "P7Y", None, None, None),
    ("2013年", 624, "DATE", "2013", None, "2013-01-01", "2013-12-31"),
    ("2013年", 1169, "DATE", "2013", None, "2013-01-01", "2013-12-31"),
    ("今年4月份", 1656, "DATE", "2025-04", None, "2025-04-01", "2025-04-30"),
    ("年初", 1708, "DATE", "2025", "START", "2025-01-01", "2025-03-31"),
    ("今年年初", 2391, "DATE", "2025", "START", "2025-01-01", "2025-03-31"),
    ("6月份", 2083, "DATE", "2025-06", None, "2025-06-01", "2025-06-30"),
    ("今年7月份", 2781, "DATE", "2025-07", None, "2025-07-01", "2025-07-31"),
]


@pytest.fixture(scope="module")
def mentions(seed_text):
    return {m.start: m for m in extract_mentions(seed_text, REF)}


@pytest.mark.parametrize("text,offset,type_,value,mod,start,end", EXPECTED)
def test_seed_mention(mentions, seed_text, text, offset, type_, value, mod, start, end):
    assert offset in mentions, f"no mention at {offset} ({text})"
    m = mentions[offset]
    assert seed_text[m.start:m.end] == m.text == text
    assert (m.type, m.value, m.mod) == (type_, value, mod)
    if start:
        assert (m.start_date.isoformat(), m.end_date.isoformat()) == (start, end)
    else:
        assert m.start_date is None and m.end_date is None


@pytest.mark.parametrize("text,offset", [("3到5年", 2428), ("3-5年", 2511)])
def test_seed_duration_ranges(mentions, text, offset):
    m = mentions[offset]
    assert (m.text, m.type, m.duration, m.duration_max) == (text, "DURATION", "P3Y", "P5Y")


def test_five_years_later_is_2030(mentions):
    m = mentions[2533]
    assert (m.text, m.type, m.value) == ("5年后", "DATE", "2030")
    assert m.start_date >= date(2030, 1, 1) and m.end_date <= date(2030, 12, 31)


@pytest.mark.parametrize("word", ["短期", "中期", "長期", "長線"])
def test_adjectives_are_not_dates(mentions, seed_text, word):
    for m in mentions.values():
        assert word not in m.text, f"{word} reported inside {m.text!r} at {m.start}"


def test_twelve_years_is_never_the_year_2012(mentions):
    assert not any(m.value.startswith("2012") for m in mentions.values())


def test_every_span_reads_back(mentions, seed_text):
    for m in mentions.values():
        assert seed_text[m.start:m.end] == m.text


def test_mentions_json_through_the_cli_matches_the_contract(seed_text):
    result = run_cli("mentions", "seeds/000_baa26c5ea6ec9896.txt", "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    payload = json.loads(result.stdout)
    validate(payload, "mentions")
    doc = payload["documents"][0]
    assert doc["path"] == "seeds/000_baa26c5ea6ec9896.txt"
    assert (doc["ref_date"], doc["ref_date_source"]) == ("2025-11-20", "metadata")
    by_offset = {m["start"]: m for m in doc["mentions"]}
    for text, offset, type_, value, mod, start, end in EXPECTED:
        m = by_offset[offset]
        assert (m["text"], m["type"], m["value"], m["mod"]) == (text, type_, value, mod)
        assert (m["start_date"], m["end_date"]) == (start, end)
    assert by_offset[1656]["anchor"] == "ref_date"
    assert by_offset[1656]["rule"]
