"""Nothing from an article or a file name drives the terminal, odd file names are read and shown
escaped, and the minor option checks of the safety review: each through a real process."""

import json
import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT, SEED, run_cli

HOSTILE = ("\x1b]0;pwned\x07\x1b[31m紅色\x1b[0m\x9b2J\u202e反轉\r覆蓋")
ARTICLE = (f"2025年4月，星海科技{HOSTILE}宣布收購北辰公司。\n"
           "2025年6月，LeCun離開Meta。\n")
RAW = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
SGR = re.compile("\x1b\\[[0-9;]*m")  # the colour codes of the tool's own tables


@pytest.fixture(scope="module")
def hostile_article(tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile") / "a.txt"
    path.write_text(ARTICLE, "utf-8")
    return path


def unsafe(text: str) -> list[str]:
    return RAW.findall(SGR.sub("", text.replace("\r\n", "\n")))


@pytest.mark.parametrize("args", [
    ["list", "-f", "table"], ["list", "-f", "plain"], ["list", "-f", "csv"], ["list", "-f", "markdown"],
    ["list", "-f", "ics"], ["list", "-f", "table", "--color", "always"], ["tree"], ["actors", "-f", "table"],
    ["actors", "-f", "plain"], ["chart"], ["chart", "-f", "svg"], ["mentions", "-f", "table"],
    ["mentions", "-f", "plain"], ["mentions", "-f", "csv"],
])
def test_text_formats_escape_control_characters(hostile_article, args):
    done = run_cli(*args, str(hostile_article), "-r", "2025-11-20")
    assert done.returncode == 0, done.stderr.decode()
    text = done.stdout.decode()
    assert unsafe(text) == [], args
    if args[0] in ("list", "tree") and "ics" not in args:
        assert "\\x1b" in text  # shown as an escape, not dropped


@pytest.mark.parametrize("fmt", ["json", "jsonl", "timelinejs"])
def test_json_keeps_the_characters_escaped_by_json(hostile_article, fmt):
    done = run_cli("list", str(hostile_article), "-r", "2025-11-20", "-f", fmt)
    text = done.stdout.decode()
    assert unsafe(text) == []
    if fmt != "timelinejs":
        first = json.loads(text.splitlines()[0]) if fmt == "jsonl" else json.loads(text)["events"][0]
        assert HOSTILE.replace("\r", "") in first["title"].replace("\r", "") or "\x1b" in first["title"]


def test_show_and_explain_escape_too(hostile_article):
    first = run_cli("list", str(hostile_article), "-r", "2025-11-20", "-f", "plain").stdout.decode().split("\t")[8]
    for args in (["show", first, str(hostile_article), "-r", "2025-11-20"],
                 ["explain", "2025年4月" + HOSTILE, "-r", "2025-11-20"]):
        done = run_cli(*args)
        assert done.returncode == 0 and unsafe(done.stdout.decode()) == [], args
    done = run_cli("mentions", str(hostile_article), "-r", "2025-11-20", "-f", "json")
    assert unsafe(done.stdout.decode()) == [] and json.loads(done.stdout)


def test_error_messages_escape_the_path(tmp_path):
    done = run_cli("list", str(tmp_path / "no\x1b]0;x\x07such.txt"))
    err = done.stderr.decode()
    assert done.returncode == 1 and unsafe(err) == [] and "\\x1b]0;x\\x07such.txt" in err


# --- file names ----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["new\nline.txt", "esc\x1b[31m.txt", "rtl\u202etxt.exe", "中" * 81 + ".txt",
                                  "a" * 251 + ".txt"])
def test_odd_file_names_are_read_and_shown_escaped(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(SEED.read_bytes())
    for args in (["list", "-f", "plain"], ["mentions", "-f", "json"], ["list", "-f", "table"]):
        done = run_cli(*args, str(path), "-r", "2025-11-20")
        assert done.returncode == 0, done.stderr.decode()
        assert unsafe(done.stdout.decode()) == [] and unsafe(done.stderr.decode()) == []
    payload = json.loads(run_cli("mentions", str(path), "-r", "2025-11-20", "-f", "json").stdout)
    assert payload["documents"][0]["mentions"]


def test_a_name_that_is_not_utf8_is_escaped_and_json_stays_valid(tmp_path):
    folder = os.fsencode(tmp_path)
    path = os.path.join(folder, b"bad\xff\xfename.txt")
    with open(path, "wb") as handle:
        handle.write(SEED.read_bytes())
    listed = run_cli("list", str(tmp_path), "-r", "2025-11-20", "-f", "plain")
    assert listed.returncode == 0, listed.stderr.decode()
    assert "bad\\xff\\xfename.txt" in listed.stdout.decode("utf-8")
    done = run_cli("mentions", str(tmp_path), "-r", "2025-11-20", "-f", "json")
    assert done.returncode == 0
    payload = json.loads(done.stdout.decode("utf-8"))  # strict UTF-8
    assert payload["documents"][0]["path"].endswith("bad\\xff\\xfename.txt")
    named = subprocess.run([sys.executable, "-m", "timeline_cli", "list", path, "-f", "plain"],
                           capture_output=True, cwd=ROOT, timeout=60)
    assert named.returncode == 0 and named.stdout


# --- option checks -------------------------------------------------------------------------------

@pytest.mark.parametrize("codec", ["rot13", "base64", "hex", "zlib_codec", "uu_codec", "klingon"])
def test_only_text_encodings_are_accepted(codec):
    done = run_cli("list", "--encoding", codec)
    assert done.returncode == 2 and len(done.stderr.splitlines()) == 1 and b"--encoding" in done.stderr


def test_utf16_without_a_bom_is_read(tmp_path):
    for codec in ("utf-16-le", "utf-16-be"):
        path = tmp_path / f"{codec}.txt"
        path.write_bytes("2025年4月，LeCun宣布離開Meta。\n".encode(codec))
        done = run_cli("mentions", str(path), "-r", "2025-11-20", "-f", "json")
        payload = json.loads(done.stdout)
        assert done.returncode == 0 and payload["documents"][0]["encoding"] == codec
        assert payload["documents"][0]["mentions"][0]["value"] == "2025-04"


def test_a_binary_file_hints_at_utf16(tmp_path):
    path = tmp_path / "blob.bin.txt"
    path.write_bytes(bytes(range(256)) * 40)
    done = run_cli("mentions", str(path))
    assert done.returncode == 1 and b"binary" in done.stderr and b"--encoding utf-16-le" in done.stderr


def test_the_argument_of_explain_may_be_any_bytes():
    done = subprocess.run([sys.executable, "-m", "timeline_cli", "explain", b"\xff\xfe\xe4\xbb\x8a\xe5\xb9\xb4",
                           "-r", "2025-11-20", "-f", "json"], capture_output=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr.decode()
    assert json.loads(done.stdout)["mentions"][0]["value"] == "2025"


@pytest.mark.parametrize("args, words", [
    (["--entities", "."], "is a folder"), (["-f", ""], "--format ''"),
    (["--ref-date", "0001-06-01", "--since", "去年"], "outside the years 1–9999"),
    (["--since", "2025-06", "--until", "2025-03"], "later than --until"),
])
def test_bad_options_are_one_clear_line(args, words):
    done = run_cli("list", *args)
    assert done.returncode == 2 and len(done.stderr.splitlines()) == 1 and words in done.stderr.decode()


def test_jobs_are_capped_at_the_cpu_count():
    done = run_cli("list", "-j", "1000", "-f", "plain")
    cpus = os.cpu_count()
    assert done.returncode == 0 and done.stdout
    assert done.stderr.decode() == f"timeline: --jobs 1000 is more than the {cpus} CPUs here; using {cpus}\n"


@pytest.mark.parametrize("ref", ["9999-12-31", "0001-01-01"])
@pytest.mark.parametrize("args", [["list", "-f", "ics"], ["list", "-f", "timelinejs"], ["chart"],
                                  ["chart", "-f", "svg"], ["tree"], ["list", "-f", "table"], ["mentions", "-f", "json"]])
def test_dates_at_the_ends_of_the_calendar_never_crash(args, ref):
    done = run_cli(*args, "--ref-date", ref)
    assert done.returncode == 0 and b"internal error" not in done.stderr, done.stderr.decode()
