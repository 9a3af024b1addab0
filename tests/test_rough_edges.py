"""Rough edges a new user found, each through a real process: stdin from a pipe, formats from
--output's extension, where events came from, filter forms, reference-date forms, notes."""

import csv
import io
import json

import pytest

from conftest import ROOT, SEED, run_cli

ARTICLES = ROOT / "tests" / "articles"


def test_a_pipe_is_read_when_no_path_is_given():
    piped = run_cli("list", "-f", "plain", "-r", "2025-11-20", input=SEED.read_bytes())
    named = run_cli("list", "-f", "plain", "-r", "2025-11-20", "-", input=SEED.read_bytes())
    assert piped.returncode == 0 and piped.stdout == named.stdout
    assert all(line.split("\t")[9] == "-" for line in piped.stdout.decode().splitlines())


def test_no_pipe_means_the_seed():
    done = run_cli("list", "-f", "plain")  # stdin is /dev/null here, as under cron or CI
    assert done.stdout.decode().splitlines()[0].endswith("seeds/000_baa26c5ea6ec9896.txt")


@pytest.mark.parametrize("command, name, check", [
    ("mentions", "m.csv", lambda text: text.startswith("\ufeffpath,id,start,end,text")),
    ("mentions", "m.json", lambda text: json.loads(text)["schema"].startswith("timeline-cli/mentions/")),
    ("chart", "c.svg", lambda text: "<svg" in text[:500]),
    ("actors", "a.json", lambda text: "actors" in json.loads(text)),
    ("actors", "a.csv", lambda text: text.startswith("\ufeffname,events,first,last,id")),
    ("list", "t.md", lambda text: text.startswith("| Date | Event |")),
])
def test_the_extension_of_output_names_the_format(tmp_path, command, name, check):
    target = tmp_path / name
    done = run_cli(command, "-o", str(target))
    assert done.returncode == 0, done.stderr.decode()
    assert check(target.read_text("utf-8"))


@pytest.mark.parametrize("command, name", [("list", "t.html"), ("list", "t.svg"), ("mentions", "m.ics"),
                                           ("tree", "t.json"), ("chart", "c.csv"), ("schema", "s.md")])
def test_an_extension_the_command_cannot_write_is_a_usage_error(tmp_path, command, name):
    done = run_cli(command, "-o", str(tmp_path / name))
    assert done.returncode == 2 and b"cannot write" in done.stderr and list(tmp_path.iterdir()) == []


def test_merged_events_show_every_source():
    pair = [str(ARTICLES / "chip_acquisition_hans.txt"), str(ARTICLES / "chip_acquisition_hant.txt")]
    rows = list(csv.DictReader(io.StringIO(run_cli("list", *pair, "-f", "csv").stdout.decode("utf-8-sig"))))
    merged = [row for row in rows if int(row["sources"]) == 2]
    assert merged and all(row["path"] == "; ".join(pair) for row in merged)
    plain = run_cli("list", *pair, "-f", "plain").stdout.decode().splitlines()
    assert any(line.split("\t")[9] == "; ".join(pair) for line in plain)
    table = run_cli("list", *pair, "-f", "table").stdout.decode()
    assert "Sources" in table and table.count("chip_acquisition_han") >= 2


@pytest.mark.parametrize("since, until, count", [
    ("2025-Q3", None, lambda n: n >= 2), ("2025-H2", "2025-h2", lambda n: n >= 2),
    ("2025-W27", "2025-W31", lambda n: n >= 1), ("2013", "2013", lambda n: n >= 1),
])
def test_periods_as_the_tool_prints_them_are_filters(since, until, count):
    args = ["--since", since] + (["--until", until] if until else [])
    done = run_cli("list", "-f", "plain", *args)
    assert done.returncode == 0, done.stderr.decode()
    assert count(len(done.stdout.splitlines()))


def test_type_and_status_ignore_case():
    lower = run_cli("list", "-f", "plain", "--type", "tenure", "--status", "occurred").stdout
    upper = run_cli("list", "-f", "plain", "--type", "TENURE", "--status", "Occurred").stdout
    assert lower and lower == upper


def test_precision_day_drops_windows_of_several_days(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("2025年4月7日，公司發布新品。4月10日之前，公司將召開發布會。", "utf-8")
    every = run_cli("list", str(article), "-r", "2025-04-01", "-f", "json")
    days = run_cli("list", str(article), "-r", "2025-04-01", "-f", "json", "--precision", "day")
    all_events = json.loads(every.stdout)["events"]
    kept = json.loads(days.stdout)["events"]
    assert any(e["date"]["mod"] == "BEFORE" for e in all_events)
    assert [e["date"]["value"] for e in kept] == ["2025-04-07"]


@pytest.mark.parametrize("given", ["2025-11-20", "2025年11月20日", "2025-11-20T23:30+08:00", "2025-11-20 08:30"])
def test_reference_date_forms(given):
    done = run_cli("mentions", "-f", "json", "-r", given)
    assert done.returncode == 0, done.stderr.decode()
    assert json.loads(done.stdout)["documents"][0]["ref_date"] == "2025-11-20"


@pytest.mark.parametrize("given", ["2025-04", "明年", "2025-13-01"])
def test_a_reference_date_is_one_day(given):
    done = run_cli("list", "-r", given)
    assert done.returncode == 2 and len(done.stderr.splitlines()) == 1 and b"--ref-date" in done.stderr


def test_text_without_chinese_is_said_once(tmp_path):
    article = tmp_path / "english.txt"
    article.write_text("Nothing in Chinese here, just English news from 2025.\n", "utf-8")
    done = run_cli("list", str(article), "-r", "2025-11-20")
    assert done.returncode == 0 and done.stderr.decode() == f"timeline: {article}: no Chinese text found\n"


def test_a_missing_option_value_names_the_commands_help():
    done = run_cli("list", "--format")
    assert done.returncode == 2 and b"(see 'timeline list --help')" in done.stderr


def test_the_date_as_written_is_the_articles_own_text():
    rows = [line.split("\t") for line in run_cli("list", "-f", "plain").stdout.decode().splitlines()]
    written = {row[4]: row[2] for row in rows}
    assert written["Llama 4模型發布延期,口碑崩盤"] == "今年4月份"
    assert "2013–2018年" in {row[2] for row in rows}  # a span worked out from several phrases: its label


def test_an_event_told_by_an_undated_sentence_shows_no_stray_text_as_its_date():
    """后者也隨即被降為… takes its date from the sentence before: the date as written is that
    date's label, not the characters of its own sentence at the other sentence's offsets."""
    rows = [line.split("\t") for line in run_cli("list", "-f", "plain").stdout.decode().splitlines()]
    events = {e["id"]: e for e in json.loads(run_cli("list", "-f", "json").stdout.decode())["events"]}
    for row in rows:
        sentences = [ev["sentence"] for ev in events[row[8]]["evidence"]]
        assert any(row[2] in s for s in sentences) or any(c.isdigit() for c in row[2]), row
    demoted = next(row for row in rows if "隨即被降為" in row[4])
    assert demoted[2] == "約2025年上半年"


@pytest.mark.parametrize("command", [("tree",), ("list", "-f", "table")])
def test_names_and_text_are_never_read_as_rich_markup_or_emoji_codes(tmp_path, command):
    """A file called [red]x:fire:.txt, or :fire: in a title, is shown as written (Rich read the
    tree's root as markup and turned :fire: into an emoji)."""
    article = tmp_path / "[red]x:fire:.txt"
    article.write_text("2025年4月3日，Meta宣布:fire:新計畫。\n", encoding="utf-8")
    done = run_cli(*command, str(article), "-r", "2025-05-01")
    shown = done.stdout.decode()
    assert done.returncode == 0 and "🔥" not in shown
    assert ("[red]x:fire:.txt" in shown) if command[0] == "tree" else ("宣布:fire:新計畫" in shown)
