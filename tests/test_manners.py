"""Terminal manners through real processes: Ctrl-C, closed pipes, --verbose and --quiet,
shell completion, and errors that are one line instead of a traceback."""

import os
import signal
import subprocess
import sys
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


# --- Ctrl-C ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("command", ["list", "mentions"])  # mentions writes as it reads: into the temporary file
def test_ctrl_c_ends_quietly_with_130(big_article, tmp_path, command):
    target = tmp_path / "timeline.json"
    inputs = [big_article] * (1 if command == "list" else 6)  # mentions is quicker: more to read
    process = subprocess.Popen([sys.executable, "-m", "timeline_cli", command, *inputs, "--ref-date", "2025-11-20",
                                "--format", "json", "--output", str(target)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_env(), cwd=ROOT)
    time.sleep(1.5)  # past start-up, into reading and analysing
    assert process.poll() is None, "the input was read before the interrupt; make it bigger"
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130, err.decode()
    assert b"Traceback" not in err and b"KeyboardInterrupt" not in err
    assert out == b""
    assert list(tmp_path.iterdir()) == []  # no half-written output, no temporary file left


def test_ctrl_c_during_start_up_is_quiet_too():
    process = subprocess.Popen([sys.executable, "-m", "timeline_cli", "list"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=cli_env(), cwd=ROOT)
    time.sleep(0.15)  # inside the imports of the command line
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    if process.returncode != 0:  # a fast machine may have finished already
        # 130, or ended by the signal itself (which a shell also reports as 130): quietly either way.
        assert process.returncode in (130, -signal.SIGINT) and b"Traceback" not in err, err.decode()


# --- closed pipes ------------------------------------------------------------------------------------

def test_list_into_head_ends_quietly():
    done = subprocess.run(f"'{sys.executable}' -m timeline_cli list | head -1", shell=True, capture_output=True,
                          cwd=ROOT, env=cli_env(), timeout=60, executable="/bin/bash")
    assert done.returncode == 0 and done.stderr == b""
    assert len(done.stdout.splitlines()) == 1 and done.stdout.count(b"\t") == 8


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


@pytest.mark.parametrize("command", ["list", "mentions", "tree", "show e-2f35f5dab5962556", "actors", "chart"])
def test_every_command_that_reads_articles_is_verbose(command):
    done = run_cli(*command.split(), "--verbose")
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
    assert done.returncode == 1
    err = done.stderr.decode()
    assert len(err.splitlines()) == 1 and "no such file or directory" in err and "Traceback" not in err


def test_unknown_command_suggests_the_right_one():
    done = run_cli("lsit")
    assert done.returncode == 2 and b"list" in done.stderr and len(done.stderr.splitlines()) == 1


def test_the_missing_reference_date_is_said_only_when_a_date_needed_it():
    absolute = run_cli("list", "-", "-f", "plain", input="2024年3月，A公司發布新品。".encode())
    assert absolute.returncode == 0 and absolute.stderr == b""
    relative = run_cli("list", "-", "-f", "plain", input="去年3月，A公司發布新品。".encode())
    assert b"no reference date found" in relative.stderr
