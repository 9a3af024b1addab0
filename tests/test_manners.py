"""Terminal manners through real processes: Ctrl-C, closed pipes, --verbose and --quiet,
shell completion, and errors that are one line instead of a traceback."""

import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from conftest import ROOT, SEED, run_cli


def cli_env(**extra) -> dict:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "120"}
    env.pop("NO_COLOR", None)
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def big_article(tmp_path_factory) -> str:
    """The seed many times over: seconds of work, time enough to press Ctrl-C, output beyond a pipe's buffer."""
    path = tmp_path_factory.mktemp("big") / "big.txt"
    path.write_text(SEED.read_text("utf-8") * 120, "utf-8")
    return str(path)


# --- Ctrl-C, SIGTERM, SIGHUP ----------------------------------------------------------------------

def _feed(fifo, data: bytes, opened: threading.Event) -> None:
    with open(fifo, "wb") as pipe:  # returns once the tool has opened the FIFO: it is reading
        opened.set()
        try:
            pipe.write(data)
        except BrokenPipeError:
            pass


def _wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + 120  # hang guard only
    while not condition():
        assert time.monotonic() < deadline, f"never saw {what}"
        time.sleep(0.01)  # hang guard: polling for an observable state, not timing it


@pytest.mark.parametrize("signal_name, code", [("SIGINT", 130), ("SIGTERM", 143), ("SIGHUP", 129)])
@pytest.mark.parametrize("command", ["list", "mentions"])
def test_a_signal_mid_read_ends_quietly_and_leaves_no_file(tmp_path, command, signal_name, code):
    """The input is a FIFO that the test keeps open: the tool is certainly reading when the signal
    comes. mentions gets over one part (350,000 characters) first, so its temporary output file
    exists and has content by then; list has not written anything yet."""
    fifo = tmp_path / "in.txt"
    os.mkfifo(fifo)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "timeline.json"
    target.write_text("the old output\n")
    process = subprocess.Popen([sys.executable, "-m", "timeline_cli", command, str(fifo), "--ref-date",
                                "2025-11-20", "--format", "json", "--output", str(target)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_env(), cwd=ROOT)
    opened = threading.Event()
    data = (SEED.read_text("utf-8") * 160).encode() if command == "mentions" else SEED.read_bytes()
    feeder = threading.Thread(target=_feed, args=(fifo, data, opened), daemon=True)
    feeder.start()
    _wait_for(opened.is_set, "the tool open its input")
    if command == "mentions":
        _wait_for(lambda: any(p.stat().st_size > 0 for p in out_dir.glob(".timeline.json.*")),
                  "the temporary output file fill")
    process.send_signal(getattr(signal, signal_name))
    out, err = process.communicate(timeout=120)
    assert process.returncode == code, err.decode()
    assert b"Traceback" not in err and b"KeyboardInterrupt" not in err and out == b""
    assert [p.name for p in out_dir.iterdir()] == ["timeline.json"]  # no temporary file left
    assert target.read_text() == "the old output\n"


@pytest.mark.parametrize("milestone", ["timeline_cli.cli.entry", "typer", "rich", "timeline_cli.cli.app",
                                       "timeline_cli.cli.list_cmd"])
def test_ctrl_c_during_start_up_is_quiet(milestone):
    """SIGINT as soon as the process says (python -X importtime) it has imported `milestone`."""
    process = subprocess.Popen([sys.executable, "-X", "importtime", "-m", "timeline_cli", "list"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_env(), cwd=ROOT)
    seen = []
    for line in process.stderr:
        seen.append(line)
        if line.rstrip().endswith(b"| " + milestone.encode()) or line.rstrip().endswith(b" " + milestone.encode()):
            process.send_signal(signal.SIGINT)
            break
    _, rest = process.communicate(timeout=60)
    err = b"".join(seen) + rest
    assert process.returncode in (130, 0), err.decode()[-2000:]  # 0: it finished before the signal
    assert b"Traceback" not in err and b"KeyboardInterrupt" not in err


# --- closed pipes ------------------------------------------------------------------------------------

def test_list_into_head_ends_quietly():
    done = subprocess.run(f"'{sys.executable}' -m timeline_cli list | head -1", shell=True, capture_output=True,
                          cwd=ROOT, env=cli_env(), timeout=60, executable="/bin/bash")
    assert done.returncode == 0 and done.stderr == b""
    assert len(done.stdout.splitlines()) == 1 and done.stdout.count(b"\t") == 9


def test_a_pipe_closed_early_on_a_long_output_is_silent(big_article):
    """More than a pipe buffer of mentions, so timeline really writes into a closed pipe."""
    command = f"set -o pipefail; '{sys.executable}' -m timeline_cli mentions '{big_article}' -r 2025-11-20 | head -1"
    done = subprocess.run(command, shell=True, capture_output=True, cwd=ROOT, env=cli_env(), timeout=120,
                          executable="/bin/bash")
    assert done.returncode in (0, 141), done.stderr.decode()
    assert done.stderr == b"" and len(done.stdout.splitlines()) == 1


def test_help_into_head_ends_quietly():
    done = subprocess.run(f"set -o pipefail; '{sys.executable}' -m timeline_cli list --help | head -1", shell=True,
                          capture_output=True, cwd=ROOT, env=cli_env(), timeout=60, executable="/bin/bash")
    assert done.stdout == b"NAME\n" and done.stderr == b""


# --- --verbose and --quiet -----------------------------------------------------------------------------

def test_verbose_tells_the_reference_date_and_timings_on_stderr_only():
    plain = run_cli("list", "--format", "json")
    verbose = run_cli("list", "--format", "json", "--verbose")
    assert verbose.returncode == 0
    assert verbose.stdout == plain.stdout
    err = verbose.stderr.decode()
    assert "seeds/000_baa26c5ea6ec9896.txt: reference date 2025-11-20 from its sidecar .meta.toml" in err
    assert "script hant, encoding utf-8" in err and " events" in err
    assert "read and analysed 1 input in " in err and " s in all" in err


def test_verbose_gives_the_evidence_of_an_inferred_reference_date(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(SEED.read_text("utf-8"), "utf-8")  # no sidecar: the year is inferred
    err = run_cli("mentions", str(article), "-v", "--format", "json").stderr.decode()
    line = next(line for line in err.splitlines() if "a.txt: reference date" in line)
    assert "inferred from the text (" in line and "mentions" in line


def test_verbose_counts_inputs_and_skips(tmp_path):
    err = run_cli("list", str(SEED), str(tmp_path / "missing.txt"), "-v", "--format", "json").stderr.decode()
    assert "read and analysed 2 inputs in" in err and "1 skipped" in err


def test_quiet_is_quiet_and_contradicting_verbose_is_a_usage_error(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(SEED.read_text("utf-8"), "utf-8")
    assert run_cli("list", str(article)).stderr != b""  # the inferred reference date is said...
    assert run_cli("list", str(article), "--quiet").stderr == b""  # ...unless --quiet
    both = run_cli("list", "--quiet", "--verbose")
    assert both.returncode == 2 and len(both.stderr.splitlines()) == 1 and b"--quiet" in both.stderr


@pytest.mark.parametrize("command", ["list", "mentions", "tree", "show", "actors", "chart"])
def test_every_command_that_reads_articles_is_verbose(command):
    first_id = run_cli("list", "-f", "plain").stdout.decode().split("\t")[8]
    done = run_cli(*command.split(), *([first_id] if command == "show" else []), "--verbose")
    assert done.returncode == 0, done.stderr.decode()
    assert b"read and analysed 1 input" in done.stderr and b" s in all" in done.stderr


# --- shell completion --------------------------------------------------------------------------------

def test_show_completion_prints_a_script():
    done = run_cli("--show-completion", "bash", env={"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"})
    assert done.returncode == 0
    assert b"_TIMELINE_COMPLETE=complete_bash" in done.stdout and b"complete " in done.stdout


@pytest.mark.parametrize("words, expected", [("timeline li", "list"), ("timeline m", "mentions"),
                                             ("timeline list --fo", "--format")])
def test_completion_completes_commands_and_options(words, expected):
    done = run_cli(env={"_TIMELINE_COMPLETE": "complete_bash", "COMP_WORDS": words,
                        "COMP_CWORD": str(len(words.split()) - 1)})
    assert done.returncode == 0
    assert expected in done.stdout.decode().split()


def test_completion_options_are_in_the_help():
    out = run_cli("--help").stdout.decode()
    assert "--install-completion" in out and "--show-completion" in out


# --- errors are one line ------------------------------------------------------------------------------

def test_output_into_a_missing_folder_is_one_line(tmp_path):
    done = run_cli("schema", "--output", str(tmp_path / "no" / "such" / "schema.json"))
    assert done.returncode == 2
    err = done.stderr.decode()
    assert len(err.splitlines()) == 1 and "no such folder" in err and "Traceback" not in err


def test_unknown_command_suggests_the_right_one():
    done = run_cli("lsit")
    assert done.returncode == 2 and b"list" in done.stderr and len(done.stderr.splitlines()) == 1


def test_the_missing_reference_date_is_said_only_when_a_date_needed_it():
    absolute = run_cli("list", "-", "-f", "plain", input="2024年3月，A公司發布新品。".encode())
    assert absolute.returncode == 0 and absolute.stderr == b""
    relative = run_cli("list", "-", "-f", "plain", input="去年3月，A公司發布新品。".encode())
    assert b"no reference date found" in relative.stderr
