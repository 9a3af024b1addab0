"""timeline tree, show, actors and explain, run as a user would."""

import json

from conftest import run_cli


def list_json(*args):
    return json.loads(run_cli("list", "--format", "json", *args).stdout)


def test_tree_groups_years_once_and_months_under_them():
    out = run_cli("tree", "--color", "never").stdout.decode()
    lines = out.splitlines()
    assert sum(1 for line in lines if line.strip("├└─│ ") == "2025") == 1
    assert any("4月" in line for line in lines) and "Llama 4" in out


def test_tree_by_actor_counts_events_per_actor():
    out = run_cli("tree", "--by", "actor", "--color", "never").stdout.decode()
    assert "LeCun (" in out and "扎克伯格 (" in out


def test_tree_rejects_an_unknown_grouping():
    result = run_cli("tree", "--by", "colour")
    assert result.returncode == 2 and "--by" in result.stderr.decode()


def test_show_gives_the_date_reasoning_and_the_sentence():
    event = next(e for e in list_json()["events"] if e["date"]["value"] == "2025-04")
    result = run_cli("show", event["id"], "--color", "never")
    out = result.stdout.decode()
    assert result.returncode == 0
    assert "relative-year+month" in out and "ref_date" in out and "今年4月份,Llama 4模型發布延期" in out


def test_show_accepts_a_prefix_and_prints_json():
    event = next(e for e in list_json()["events"] if e["type"] == "leave")
    data = json.loads(run_cli("show", event["id"][:6], "--format", "json").stdout)
    assert data["id"] == event["id"]
    assert {m["text"] for m in data["mentions"]} >= {"年底", "今年年底"}
    assert "楊立昆" in data["aliases"]["lecun"]


def test_show_unknown_id_is_a_usage_error():
    result = run_cli("show", "e-000000")
    assert result.returncode == 2
    assert "no event" in result.stderr.decode()


def test_actors_lists_counts_and_spans():
    data = json.loads(run_cli("actors", "--format", "json").stdout)
    lecun = next(a for a in data["actors"] if a["id"] == "lecun")
    assert lecun["events"] >= 5 and lecun["first"] == "2013-01-01"


def test_explain_names_the_rule_and_the_anchor():
    data = json.loads(run_cli("explain", "今年4月份，Llama 4發布延期。6月份組建MSL。", "--ref-date", "2025-11-20",
                              "--format", "json").stdout)
    values = [m["value"] for m in data["mentions"]]
    assert values == ["2025-04", "2025-06"]
    assert data["mentions"][0]["rule"] == "relative-year+month"
    assert all(h["kept"] for h in data["hits"])


def test_explain_without_reference_date_uses_today_and_says_so():
    data = json.loads(run_cli("explain", "明天", "--format", "json").stdout)
    assert data["ref_date_source"] == "today"
    assert len(data["mentions"]) == 1


def test_explain_shows_covered_hits():
    data = json.loads(run_cli("explain", "2025年中国经济", "-r", "2025-11-20", "-f", "json").stdout)
    assert [m["value"] for m in data["mentions"]] == ["2025"]
