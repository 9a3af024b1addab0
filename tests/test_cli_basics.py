"""The command line as a user meets it: a real process, pipes, stdin, exit codes, one-line errors."""

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from conftest import ROOT, SEED, run_cli, validate
from timeline_cli.cli.app import app


def test_no_arguments_shows_the_seed_timeline_through_the_runner(monkeypatch):
    monkeypatch.setattr(sys, "argv", ["timeline"])  # an empty argument list makes click read sys.argv
    result = CliRunner().invoke(app, [], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert "2025" in result.output and "Llama 4" in result.output


def test_table_format_shows_dates_at_their_precision():
    result = run_cli("list", "--format", "table", "--color", "never")
    out = result.stdout.decode()
    assert result.returncode == 0
    for label in ("2013年", "2025年4月", "2025年底", "2025年初"):
        assert label in out
    assert "\x1b[" not in out


def test_plain_is_the_default_in_a_pipe_and_cuts_into_columns():
    result = run_cli("list")
    lines = result.stdout.decode().splitlines()
    assert lines and all(line.count("\t") == 9 for line in lines)
    assert all(line.split("\t")[9] == "seeds/000_baa26c5ea6ec9896.txt" for line in lines)  # the sources
    assert "│" not in result.stdout.decode()


def test_head_closes_the_pipe_quietly():
    shell = f"{sys.executable} -m timeline_cli list --format table | head -3"
    done = subprocess.run(shell, shell=True, capture_output=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0
    assert b"Traceback" not in done.stderr and b"Error" not in done.stderr
    assert len(done.stdout.splitlines()) == 3


def test_stdin_with_a_reference_date():
    result = run_cli("mentions", "-", "--ref-date", "2025-11-20", "--format", "json",
                     input="今年4月份，Llama 4模型發布延期。".encode())
    payload = json.loads(result.stdout)
    validate(payload, "mentions")
    assert payload["documents"][0]["path"] == "-"
    assert payload["documents"][0]["mentions"][0]["value"] == "2025-04"


def test_bad_reference_date_is_one_line_and_exit_2():
    result = run_cli("list", "--ref-date", "2025-13-01")
    assert result.returncode == 2
    err = result.stderr.decode().strip().splitlines()
    assert len(err) == 1 and "--ref-date" in err[0] and "2025-11-20" in err[0]


def test_unknown_option_is_a_usage_error():
    result = run_cli("list", "--no-such-option")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr.decode()


def test_missing_file_is_reported_and_the_rest_still_shown(tmp_path):
    result = run_cli("list", str(tmp_path / "missing.txt"), str(SEED), "--format", "json")
    assert result.returncode == 1
    payload = json.loads(result.stdout)
    validate(payload, "events")
    assert payload["events"]
    assert "missing.txt" in result.stderr.decode() and "no such file" in result.stderr.decode()
    assert payload["errors"][0]["path"].endswith("missing.txt")


def test_output_file_is_written_whole(tmp_path):
    target = tmp_path / "timeline.json"
    result = run_cli("list", "--format", "json", "--output", str(target))
    assert result.returncode == 0 and result.stdout == b""
    validate(json.loads(target.read_text("utf-8")), "events")
    assert [p.name for p in tmp_path.iterdir()] == ["timeline.json"]


def test_the_seed_is_found_from_any_directory(tmp_path):
    result = run_cli("list", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0
    assert json.loads(result.stdout)["documents"][0]["path"] == "seeds/000_baa26c5ea6ec9896.txt"


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.decode().startswith("timeline ")



@pytest.mark.parametrize("width", [60, 80, 120])
def test_table_fits_the_terminal_and_keeps_latin_words_whole(width):
    from rich.cells import cell_len

    out = run_cli("list", "--format", "table", "--color", "never", env={"COLUMNS": str(width)}).stdout.decode()
    lines = out.splitlines()
    assert lines and all(cell_len(line) <= width for line in lines)
    assert "Facebook" in out  # wrapped around, never split as Faceboo|k
    assert not any(line.split("│")[2].strip().startswith(("、", "，", ",")) for line in lines if line.count("│") > 3)
