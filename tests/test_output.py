"""--output FILE as a user meets it: the format its extension names, the mode of a new file,
symlinks followed, and errors that name the file asked for."""

import csv
import json
import os

import pytest

from conftest import SEED, run_cli, validate


@pytest.mark.parametrize("command,name,check", [
    ("list", "t.csv", lambda text: next(csv.reader(text.splitlines()))[0].lstrip("\ufeff") == "id"),
    ("list", "t.ics", lambda text: text.startswith("BEGIN:VCALENDAR")),
    ("list", "t.md", lambda text: text.lstrip().startswith("|") or text.startswith("#")),
    ("list", "t.jsonl", lambda text: all(json.loads(line)["id"] for line in text.splitlines())),
    ("list", "t.json", lambda text: validate(json.loads(text), "events") is None),
    ("mentions", "m.json", lambda text: validate(json.loads(text), "mentions") is None),
    ("mentions", "m.tsv", lambda text: text.split("\t")[1] == "m1"),
    ("list", "t.txt", lambda text: "┃" in text),  # no format named: the table, as for a terminal
])
def test_the_extension_names_the_format(command, name, check, tmp_path):
    target = tmp_path / name
    done = run_cli(command, str(SEED), "-o", str(target))
    assert done.returncode == 0, done.stderr.decode()
    assert check(target.read_text(encoding="utf-8"))


def test_format_given_wins_over_the_extension(tmp_path):
    target = tmp_path / "t.csv"
    assert run_cli("list", "-f", "jsonl", "-o", str(target)).returncode == 0
    assert json.loads(target.read_text(encoding="utf-8").splitlines()[0])["id"]


def test_a_new_file_gets_the_usual_mode_and_a_symlink_is_followed(tmp_path):
    real, link = tmp_path / "real.jsonl", tmp_path / "link.jsonl"
    real.write_text("old\n", encoding="utf-8")
    link.symlink_to(real)
    assert run_cli("mentions", "-f", "jsonl", "-o", str(link)).returncode == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith('{"path"')
    fresh = tmp_path / "fresh.jsonl"
    assert run_cli("mentions", "-f", "jsonl", "-o", str(fresh)).returncode == 0
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.parametrize("command", ["list", "mentions"])
def test_errors_name_the_file_asked_for(command, tmp_path):
    missing = tmp_path / "no" / "such" / "x.json"
    done = run_cli(command, "-o", str(missing))
    assert done.returncode != 0 and str(missing) in done.stderr.decode() and ".tmp" not in done.stderr.decode()
    folder = run_cli(command, "-o", str(tmp_path))
    assert folder.returncode != 0 and "is a folder" in folder.stderr.decode()
    assert list(tmp_path.iterdir()) == []
