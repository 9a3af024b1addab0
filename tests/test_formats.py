"""The export formats of `timeline list`: csv, markdown, ics, timelinejs, through the real CLI."""

import csv
import html
import io
import json
import re
from datetime import date
from pathlib import Path

import pytest

from conftest import run_cli
from timeline_cli.render.csv_out import COLUMNS

FORMATS = ("csv", "markdown", "ics", "timelinejs")

# A small Simplified article: a title with a | and quotes, a sentence with & and <, a fuzzy
# year part; its sidecar gives the reference date and a title. The second file has no
# reference date, so its 4月5日 stays in an unknown year (XXXX-04-05).
ARTICLE = (
    '2024年3月5日，星海科技宣布收购"北辰|芯片"公司，交易金额为12亿元。\n'
    "今年4月，星海科技发布新一代芯片，研发(R&D)投入<10亿元; 分析师称这是转折点。\n"
    "星海科技计划于2026年底在上海建成新工厂。\n"
)
META = 'published = 2025-11-20\ntitle = "星海科技收购案"\n'
UNDATED = "4月5日，星海科技发布新芯片。\n"


@pytest.fixture(scope="module")
def article(tmp_path_factory):
    folder = tmp_path_factory.mktemp("articles")
    (folder / "hans.txt").write_text(ARTICLE, "utf-8")
    (folder / "hans.meta.toml").write_text(META, "utf-8")
    (folder / "undated.txt").write_text(UNDATED, "utf-8")
    return [str(folder / "hans.txt"), str(folder / "undated.txt")]


def cli(*args: str) -> bytes:
    result = run_cli("list", *args)
    assert result.returncode == 0, result.stderr.decode()
    assert b"Traceback" not in result.stderr
    return result.stdout


def json_events(*args: str) -> list[dict]:
    return json.loads(cli(*args, "--format", "json"))["events"]


@pytest.fixture(scope="module")
def inputs(article):
    """(arguments, events per --format json) for the seed and for the inline articles."""
    return {"seed": ([], json_events()), "article": (article, json_events(*article))}


def test_the_article_has_what_the_tests_rely_on(inputs):
    events = inputs["article"][1]
    assert any("|" in e["title"] and '"' in e["title"] for e in events)
    assert any(e["date"]["start_date"] is None for e in events)
    assert any(e["date"]["granularity"] == "day" for e in events)
    assert any(e["date"]["mod"] == "END" for e in events)


# --- csv -------------------------------------------------------------------------------------

@pytest.mark.parametrize("which", ["seed", "article"])
def test_csv_reads_back_with_the_csv_module(inputs, which):
    args, events = inputs[which]
    data = cli(*args, "--format", "csv")
    assert data.startswith(b"\xef\xbb\xbf")  # BOM, so Excel reads UTF-8
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == COLUMNS
    records = [dict(zip(COLUMNS, row, strict=True)) for row in rows[1:]]
    assert [r["title"] for r in records] == [e["title"] for e in events]
    assert [r["id"] for r in records] == [e["id"] for e in events]
    for r, e in zip(records, events, strict=True):
        assert r["start_date"] == (e["date"]["start_date"] or "")
        assert r["end_date"] == (e["date"]["end_date"] or "")
        assert r["value"] == e["date"]["value"] and r["mod"] == (e["date"]["mod"] or "")
        assert r["actors"] == "; ".join(a["name"] for a in e["actors"])
        assert r["evidence"] == e["evidence"][0]["sentence"]
        assert r["path"] == e["evidence"][0]["path"]
        assert r["sources"] == str(e["sources"])
        assert r["date"]


def test_csv_quotes_titles_with_quotes_and_commas(inputs):
    args, _ = inputs["article"]
    text = cli(*args, "--format", "csv").decode("utf-8-sig")
    assert '"星海科技宣布收购""北辰|芯片""公司"' in text


# --- markdown --------------------------------------------------------------------------------

def _cells(row: str) -> list[str]:
    assert row.startswith("| ") and row.endswith(" |")
    return [c.replace("\\|", "|") for c in re.split(r"(?<!\\) \| ", row[2:-2])]


@pytest.mark.parametrize("which", ["seed", "article"])
def test_markdown_is_one_table_row_per_event(inputs, which):
    args, events = inputs[which]
    lines = cli(*args, "--format", "markdown").decode().splitlines()
    several = len(args) > 1  # then a Sources column names the files each event was told in
    header = ["Date", "Event", "Type", "Actors", "Status"] + (["Sources"] if several else [])
    assert lines[0] == "| " + " | ".join(header) + " |"
    assert lines[1] == "| " + " | ".join("---" for _ in header) + " |"
    rows = [_cells(line) for line in lines[2:]]
    assert len(rows) == len(events)
    assert all(len(row) == len(header) for row in rows)
    assert [row[1] for row in rows] == [e["title"] for e in events]
    assert [row[4] for row in rows] == [e["status"] for e in events]
    if several:
        expected = ["; ".join(dict.fromkeys(Path(ev["path"]).name for ev in e["evidence"])) for e in events]
        assert [row[5] for row in rows] == expected


def test_markdown_escapes_a_pipe_in_a_title(inputs):
    args, _ = inputs["article"]
    text = cli(*args, "--format", "markdown").decode()
    assert '| 星海科技宣布收购"北辰\\|芯片"公司 |' in text


def test_markdown_cell_escapes_backslashes_and_newlines():
    from timeline_cli.render.markdown import cell

    assert cell("a|b\\|c\r\nd\ne") == "a\\|b\\\\\\|c<br>d<br>e"


# --- ics -------------------------------------------------------------------------------------

# Where each kind of date lands in the calendar, read back with icalendar: tests/test_ics.py.


def test_ics_skips_events_of_an_unknown_year(inputs):
    args, events = inputs["article"]
    data = cli(*args, "--format", "ics").decode()
    undated = [e for e in events if not e["date"]["start_date"]]
    assert undated and all(e["id"] not in data for e in undated)


def test_ics_is_the_same_for_the_same_input(inputs):
    args, _ = inputs["article"]
    first = cli(*args, "--format", "ics")
    assert first == cli(*args, "--format", "ics")
    assert b"DTSTAMP:20251120T000000Z\r\n" in first  # the reference date, not the clock


def test_ics_text_escaping_and_folding():
    from timeline_cli.render.ics import escape, fold

    assert escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "SUMMARY:" + "北辰,芯片" * 20
    folded = fold(escape(line))
    physical = folded.split("\r\n")[:-1]
    assert all(len(p.encode()) <= 75 for p in physical)
    assert all(p.startswith(" ") for p in physical[1:])
    assert all(not p.endswith("\\") for p in physical)  # an escape is never cut in two
    assert "".join(p[1:] if i else p for i, p in enumerate(physical)) == escape(line)


# --- timelinejs ------------------------------------------------------------------------------

def _check_date(obj: dict, granularity: str, mod: str | None) -> None:
    assert obj["year"].isdigit()
    keys = set(obj)
    if granularity == "year" and mod not in ("START", "MID", "END"):
        assert keys == {"year"}
    elif granularity in ("month", "quarter", "half", "season", "year"):
        assert keys == {"year", "month"} and 1 <= int(obj["month"]) <= 12
    elif granularity in ("day", "week"):
        assert keys == {"year", "month", "day"}


@pytest.mark.parametrize("which", ["seed", "article"])
def test_timelinejs_has_the_documented_shape(inputs, which):
    args, events = inputs[which]
    payload = json.loads(cli(*args, "--format", "timelinejs"))
    assert set(payload) == {"title", "events"}
    assert payload["title"]["text"]["headline"]
    dated = [e for e in events if e["date"]["start_date"]]
    assert [s["unique_id"] for s in payload["events"]] == [e["id"] for e in dated]
    for slide, e in zip(payload["events"], dated, strict=True):
        d = e["date"]
        start = date.fromisoformat(d["start_date"])
        assert slide["start_date"]["year"] == str(start.year)
        _check_date(slide["start_date"], d["granularity"], d["mod"])
        if "end_date" in slide:
            _check_date(slide["end_date"], d["granularity"], d["mod"])
            assert slide["end_date"] != slide["start_date"]
            assert slide["end_date"]["year"] == d["end_date"][:4]
        assert slide["text"]["headline"] == html.escape(e["title"])
        assert slide["text"]["text"] == "".join(
            f"<p>{html.escape(ev['sentence'])}</p>" for ev in e["evidence"])
        assert slide["group"] == e["type"]
        assert slide["display_date"]
    if which == "seed":
        spans = {s["display_date"]: s for s in payload["events"]}
        assert spans["2013–2018年"]["end_date"] == {"year": "2018"}
        assert spans["2013年"]["start_date"] == {"year": "2013"} and "end_date" not in spans["2013年"]


def test_timelinejs_escapes_html(inputs):
    args, _ = inputs["article"]
    payload = json.loads(cli(*args, "--format", "timelinejs"))
    text = "".join(s["text"]["headline"] + s["text"]["text"] for s in payload["events"])
    assert "&quot;北辰|芯片&quot;" in text and "R&amp;D" in text and "&lt;10" in text
    assert "<10" not in text


# --- every format ----------------------------------------------------------------------------

def _titles_in(fmt: str, data: bytes) -> list[str]:
    """The event titles as each format writes them."""
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
        return [r["title"] for r in rows]
    if fmt == "markdown":
        return [_cells(line)[1] for line in data.decode().splitlines()[2:]]
    if fmt == "ics":
        import icalendar

        return [str(v["SUMMARY"]) for v in icalendar.Calendar.from_ical(data).walk("VEVENT")]
    return [html.unescape(s["text"]["headline"]) for s in json.loads(data)["events"]]


@pytest.mark.parametrize("fmt", FORMATS)
def test_script_hans_converts_the_seeds_traditional_titles(inputs, fmt):
    original = [e["title"] for e in inputs["seed"][1]]
    hans = [e["title"] for e in json_events("--script", "hans")]
    assert hans != original and "擔任首席AI科學家" in original and "担任首席AI科学家" in hans
    written = _titles_in(fmt, cli("--format", fmt, "--script", "hans"))
    assert written == hans
    assert _titles_in(fmt, cli("--format", fmt)) == original


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_file_has_the_same_bytes_as_stdout(inputs, tmp_path, fmt):
    args, _ = inputs["article"]
    target = tmp_path / f"timeline.{fmt}"
    result = run_cli("list", *args, "--format", fmt, "--output", str(target))
    assert result.returncode == 0 and result.stdout == b""
    assert target.read_bytes() == cli(*args, "--format", fmt)


def test_the_formats_are_listed_in_help():
    out = run_cli("list", "--help", env={"COLUMNS": "200"}).stdout.decode()
    assert all(fmt in out for fmt in FORMATS)
    assert run_cli("list", "--format", "nope").returncode == 2


@pytest.mark.parametrize("fmt", ["ics", "timelinejs"])
def test_events_a_calendar_cannot_place_are_said_on_stderr(fmt, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("週五，部長將出席記者會。", encoding="utf-8")  # no reference date: XXXX-XX-XX
    done = run_cli("list", str(article), "-f", fmt)
    assert done.returncode == 0 and b"1 event without a known date" in done.stderr
    assert b"without a known date" not in run_cli("list", str(article), "-f", fmt, "--quiet").stderr
