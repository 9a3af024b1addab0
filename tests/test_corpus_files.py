"""Corpus files (JSON Lines, CSV; one article per row) read by every command and by index."""

import csv
import json

import pytest

from conftest import run_cli

ROWS = [
    {"id": "a1", "text": "2025年4月，星海科技宣布收購北辰公司。", "published": "2025-05-01", "title": "收購"},
    {"url": "https://example.com/2", "content": "去年6月，LeCun離開Meta。", "date": "2025-11-20T08:00:00Z"},
    {"id": "bad", "text": 5},
    "not an object",
    {"id": "c", "body": "今年3月，公司發布新品。", "published": "2024-01-02"},
]


@pytest.fixture
def corpus(tmp_path):
    jsonl = tmp_path / "news.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ROWS) + "\n", "utf-8")
    table = tmp_path / "news.csv"
    with table.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["guid", "story", "when"])
        writer.writerow(["r1", "2025年4月7日，\n市府宣布新制。", "2025-04-08"])
        writer.writerow(["r2", "明年1月，公司將發布新品。", "2025-06-01"])
    return jsonl, table


def test_each_row_is_a_document_named_by_its_id(corpus):
    jsonl, _ = corpus
    done = run_cli("mentions", str(jsonl), "-f", "json")
    payload = json.loads(done.stdout)
    names = [d["path"] for d in payload["documents"]]
    assert names == [f"{jsonl}#a1", f"{jsonl}#https://example.com/2", f"{jsonl}#c"]
    refs = [d["ref_date"] for d in payload["documents"]]
    assert refs == ["2025-05-01", "2025-11-20", "2024-01-02"]
    values = {d["path"].split("#")[1]: [m["value"] for m in d["mentions"]] for d in payload["documents"]}
    assert values["https://example.com/2"] == ["2024-06"] and values["c"] == ["2024-03"]
    assert done.returncode == 1
    assert done.stderr.decode().splitlines() == [
        f"timeline: {jsonl}:3: the text field is a int, not a string; skipped",
        f"timeline: {jsonl}:4: not a JSON object (one article per line); skipped"]


def test_csv_with_named_fields_and_quoted_line_breaks(corpus):
    _, table = corpus
    default = run_cli("list", str(table), "-f", "plain")
    assert default.returncode == 1 and b"no text field" in default.stderr
    done = run_cli("list", str(table), "-f", "plain", "--text-field", "story", "--date-field", "when",
                   "--id-field", "guid")
    assert done.returncode == 0, done.stderr.decode()
    rows = [line.split("\t") for line in done.stdout.decode().splitlines()]
    assert [(r[3], r[9]) for r in rows] == [("2026-01", f"{table}#r2")]
    mentions = json.loads(run_cli("mentions", str(table), "-f", "json", "--text-field", "story",
                                  "--date-field", "when", "--id-field", "guid").stdout)
    assert [d["path"] for d in mentions["documents"]] == [f"{table}#r1", f"{table}#r2"]
    assert mentions["documents"][0]["mentions"][0]["value"] == "2025-04-07"


def test_an_index_of_a_corpus_reads_only_changed_rows(corpus, tmp_path):
    jsonl, _ = corpus
    db = tmp_path / "c.db"
    run_cli("index", str(jsonl), "--db", str(db))
    assert run_cli("list", "--db", str(db), "-f", "plain").stdout == run_cli("list", str(jsonl), "-f", "plain").stdout
    rows = jsonl.read_text("utf-8").splitlines()
    rows[4] = json.dumps({"id": "c", "body": "今年9月，公司發布新品。", "published": "2024-01-02"}, ensure_ascii=False)
    jsonl.write_text("\n".join(rows) + "\n", "utf-8")
    done = run_cli("index", str(jsonl), "--db", str(db), "-v")
    assert b"0 new, 1 changed, 2 unchanged, 0 removed" in done.stderr
    assert b"2024-09" in run_cli("list", "--db", str(db), "-f", "plain").stdout
