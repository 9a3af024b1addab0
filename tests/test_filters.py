"""Filters shared by the event commands: --since/--until, --actor, --type, --status, --grep, --precision,
--limit, --reverse; bad values are one clear line and exit 2."""

import json

import pytest

from conftest import run_cli


def events(*args):
    result = run_cli("list", "--format", "json", *args)
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)["events"]



@pytest.fixture(scope="module")
def everything():
    return events()


@pytest.mark.parametrize("since,until", [
    ("2025-04", "2025-06"), ("2025年4月", "2025年6月"), ("Apr 2025", "June 2025"), ("2025-04-01", "2025-06-30"),
])
def test_window_in_every_form(everything, since, until):
    found = events("--since", since, "--until", until)
    assert found, "the window holds events"
    for e in found:
        assert e["date"]["end_date"] >= "2025-04-01" and e["date"]["start_date"] <= "2025-06-30"
    assert {e["date"]["value"] for e in found} >= {"2025-04", "2025-06"}


def test_relative_since_uses_the_reference_date(everything):
    this_year = events("--since", "今年")
    assert this_year and all(e["date"]["end_date"] >= "2025-01-01" for e in this_year)
    last_year = events("--until", "去年")
    assert all(e["date"]["start_date"] <= "2024-12-31" for e in last_year)
    assert any(e["date"]["value"] == "2013" for e in last_year)


def test_overlap_keeps_spans_that_cross_the_window():
    found = events("--since", "2016", "--until", "2016")
    assert {e["date"]["value"] for e in found} == {"2013/2018", "2013/2025"}


def test_actor_by_any_alias_in_either_script():
    by_alias = {name: {e["id"] for e in events("--actor", name)} for name in ("扎克伯格", "祖克柏", "Zuckerberg", "小扎")}
    assert len({frozenset(ids) for ids in by_alias.values()}) == 1
    assert by_alias["扎克伯格"]


def test_type_status_grep_precision_limit_reverse(everything):
    assert {e["type"] for e in events("--type", "leave")} == {"leave"}
    assert {e["status"] for e in events("--status", "planned")} == {"planned"}
    grep = events("--grep", "延期")
    assert grep and all("延期" in e["title"] or any("延期" in ev["sentence"] for ev in e["evidence"]) for e in grep)
    assert events("--grep", "发布延期") == events("--grep", "發布延期")  # either script
    month = events("--precision", "month")
    assert month and all(e["date"]["granularity"] in ("month", "week", "day", "daypart", "hour", "minute")
                         for e in month)
    assert len(events("--limit", "2")) == 2
    assert [e["id"] for e in events("--reverse")] == [e["id"] for e in reversed(everything)]


@pytest.mark.parametrize("args,option", [
    (["--since", "someday"], "--since"),
    (["--until", "2025-13"], "--until"),
    (["--status", "happened"], "--status"),
    (["--type", "bogus"], "--type"),
    (["--type", "tenures"], "--type"),
    (["--precision", "hour"], "--precision"),
    (["--format", "yaml"], "--format"),
    (["--script", "latin"], "--script"),
    (["--limit", "-1"], "--limit"),
])
def test_bad_values_name_the_option_and_exit_2(args, option):
    result = run_cli("list", *args)
    err = result.stderr.decode().strip().splitlines()
    assert result.returncode == 2
    assert len(err) == 1 and option in err[0] and "Traceback" not in err[0]
    assert "e.g." in err[0] or "one of" in err[0]


def test_a_relative_window_without_any_reference_date_says_so():
    done = run_cli("list", "-", "--since", "去年", input="2024年3月，A公司發布新品。".encode())
    err = done.stderr.decode().strip().splitlines()
    assert done.returncode == 2 and len(err) == 1 and "--ref-date" in err[0] and "relative" in err[0]
    ok = run_cli("list", "-", "--since", "去年", "-r", "2025-11-20", "-f", "plain",
                 input="2024年3月，A公司發布新品。".encode())
    assert ok.returncode == 0 and ok.stdout.decode().startswith("2024-03-01")


def test_precision_drops_dates_that_could_not_be_resolved(tmp_path):
    (tmp_path / "a.txt").write_text("週五，部長將出席記者會。", encoding="utf-8")  # no reference date: XXXX-XX-XX
    (tmp_path / "b.txt").write_text("2024年3月5日，A公司發布新品。", encoding="utf-8")
    everything = run_cli("list", str(tmp_path), "-f", "plain", "--quiet").stdout.decode().splitlines()
    days = run_cli("list", str(tmp_path), "-f", "plain", "--quiet", "--precision", "day").stdout.decode().splitlines()
    assert len(everything) == 2 and len(days) == 1 and days[0].startswith("2024-03-05")
