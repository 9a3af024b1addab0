"""The seed article's timeline: the events the foundation issue asks for, each once, with evidence."""

import json

import pytest

from conftest import run_cli, validate
from timeline_cli.script import simplified_view


@pytest.fixture(scope="module")
def payload():
    result = run_cli("list", "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    validate(data, "events")
    return data


def find(events, value, mod, *terms, type_=None):
    hits = []
    for e in events:
        if (e["date"]["value"], e["date"]["mod"]) != (value, mod):
            continue
        if type_ and e["type"] != type_:
            continue
        # actors by the name the article gives them, or by their canonical id (msl for Meta超級智能實驗室)
        haystack = simplified_view(e["title"] + " " + " ".join(a["name"] + " " + a["id"].upper() for a in e["actors"]))
        if all(t in haystack for t in terms):
            hits.append(e)
    return hits


# date value, mod, words that must be in the title or actors (Simplified), status
EXPECTED = [
    ("2013", None, ["加入", "Facebook"], "occurred"),
    ("2025", "START", ["介入AI团队管理"], "occurred"),
    ("2025", "START", ["LeCun", "3到5年"], "occurred"),
    ("2025-04", None, ["Llama 4", "延期"], "occurred"),
    ("2025-06", None, ["Alexandr Wang", "Nat Friedman", "MSL"], "occurred"),
    ("2025-07", None, ["马斯克", "xAI"], "occurred"),
    ("2025", "END", ["LeCun", "离开"], "planned"),
]


@pytest.mark.parametrize("value,mod,terms,status", EXPECTED)
def test_seed_event(payload, value, mod, terms, status):
    hits = find(payload["events"], value, mod, *terms)
    assert len(hits) == 1, f"expected one event {value} {mod} {terms}, got {[h['title'] for h in hits]}"
    assert hits[0]["status"] == status
    for ev in hits[0]["evidence"]:
        assert ev["sentence"] and ev["path"] == "seeds/000_baa26c5ea6ec9896.txt"


def test_departure_appears_once_with_every_sentence_that_tells_it(payload):
    departures = [e for e in payload["events"] if e["type"] == "leave"]
    assert len(departures) == 1
    assert len(departures[0]["evidence"]) >= 2


def test_2013_join_is_one_event_told_twice(payload):
    joins = find(payload["events"], "2013", None, type_="join")
    assert len(joins) == 1 and len(joins[0]["evidence"]) == 2


def test_evidence_points_at_the_sentence(payload, seed_text):
    for event in payload["events"]:
        for ev in event["evidence"]:
            assert seed_text[ev["start"]:ev["end"]] == ev["sentence"]


def test_every_event_is_dated_by_its_sentence_or_the_one_before(payload, seed_text):
    from timeline_cli.timex.extract import extract_with_cues

    # A date mention, or a story cue (隨后: after the date before it), which is not a mention; a
    # happening of others told right after a dated one (…，后者也隨即被降為「聯合負責人」) takes the
    # date of the sentence before, and its evidence names that date's mention.
    mentions, cues = extract_with_cues(seed_text, None)
    mentions = [*mentions, *cues]
    for event in payload["events"]:
        for ev in event["evidence"]:
            here = any(ev["start"] <= m.start < ev["end"] for m in mentions)
            before = [m for m in mentions if m.id == ev["mention"] and m.start < ev["start"]]
            assert here or (before and "也" in ev["sentence"]), ev["sentence"]


def test_events_are_sorted_by_start_then_end(payload):
    keys = [(e["date"]["start_date"] or "9999", e["date"]["end_date"] or "9999") for e in payload["events"]]
    assert keys == sorted(keys)


def test_ids_are_stable_across_runs(payload):
    again = json.loads(run_cli("list", "--format", "json").stdout)
    assert [e["id"] for e in again["events"]] == [e["id"] for e in payload["events"]]


def test_jsonl_is_one_valid_event_per_line(payload):
    import jsonschema

    from conftest import schema

    result = run_cli("list", "--format", "jsonl")
    lines = result.stdout.decode().splitlines()
    assert len(lines) == len(payload["events"])
    event_schema = {"$defs": schema("events")["$defs"], "$ref": "#/$defs/event"}
    for line in lines:
        jsonschema.Draft202012Validator(event_schema).validate(json.loads(line))
