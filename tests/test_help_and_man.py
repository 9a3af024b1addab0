"""Help that reads like a man page, and the man pages themselves: sections, examples that run,
pages in man/ that match the code, roff that renders, colour only where wanted, any width."""

import os
import pty
import re
import shutil
import subprocess
import sys
from functools import lru_cache

import pytest

from conftest import ROOT, run_cli

SECTIONS = ("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXAMPLES", "EXIT STATUS")
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
HEAVY = ("opencc", "timeline_cli.timex", "timeline_cli.events", "timeline_cli.pipeline", "typer.rich_utils",
         "rich.markdown", "pydantic")


@lru_cache(maxsize=1)
def pages() -> dict:
    import typer.main

    from timeline_cli.cli.app import app
    from timeline_cli.cli.helpformat import all_pages

    return all_pages(typer.main.get_command(app))


def commands() -> list[str]:
    return [name.removeprefix("timeline-") for name in pages() if name != "timeline"]


def help_args(name: str) -> list[str]:
    return ["--help"] if name == "timeline" else [name, "--help"]


def help_text(*args: str, columns: int = 100, env: dict | None = None) -> str:
    result = run_cli(*args, env={"COLUMNS": str(columns), **(env or {})})
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr == b""
    return result.stdout.decode()


def headings(text: str) -> list[str]:
    return [line for line in text.splitlines() if line and not line[0].isspace()]


def cells(line: str) -> int:
    from timeline_cli.render.page import cell_width

    return cell_width(ANSI.sub("", line))


# --- sections --------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["timeline", *commands()])
def test_help_has_the_man_page_sections_in_order(name):
    text = help_text(*help_args(name))
    found = headings(text)
    assert [h for h in found if h in SECTIONS] == list(SECTIONS), found
    assert len(found) == len(set(found)), "a section appears twice"
    page_name = "timeline" if name == "timeline" else f"timeline {name}"
    assert text.splitlines()[1].strip().startswith(f"{page_name} - ")
    synopsis = text.splitlines()[text.splitlines().index("SYNOPSIS") + 1]
    assert synopsis.strip().startswith(page_name)


@pytest.mark.parametrize("name", ["timeline", *commands()])
def test_exit_status_is_the_same_everywhere(name):
    text = help_text(*help_args(name))
    section = text.split("EXIT STATUS\n", 1)[1].split("\n\n", 1)[0]
    codes = [line.split()[0] for line in section.splitlines() if line[4:5].strip()]
    reads_articles = name in ("timeline", "list", "mentions", "tree", "show", "actors", "chart", "index")
    assert codes == (["0", "1", "2", "129", "130", "141", "143"] if reads_articles else
                     ["0", "2", "129", "130", "141", "143"])
    assert "Usage error" in section and "Interrupted" in section
    if reads_articles:
        assert "Some input could not be read (the others are still processed and shown)" in " ".join(section.split())


def test_root_help_lists_every_command_and_its_summary():
    text = help_text("--help")
    section = text.split("COMMANDS\n", 1)[1].split("\n\n", 1)[0]
    listed = [line.split()[0] for line in section.splitlines() if line[4:5].strip()]
    assert listed == commands()
    for name in commands():
        assert pages()[f"timeline-{name}"].summary.split(":")[0].split(",")[0] in " ".join(section.split())


@pytest.mark.parametrize("name", commands())
def test_every_option_is_documented(name):
    import typer.main

    from timeline_cli.cli.app import app

    command = typer.main.get_command(app).commands[name]
    text = " ".join(help_text(name, "--help").split())
    for param in command.params:
        for opt in param.opts if param.param_type_name == "option" else ():
            assert opt in text, f"{opt} missing from timeline {name} --help"
        assert (param.help or "").split(".")[0].split()[0] in text


@pytest.mark.parametrize("name", ["timeline", *commands()])
def test_description_has_no_stray_indent(name):
    """Docstrings used to get EXIT_STATUS appended, which left their lines indented in the help."""
    text = help_text(*help_args(name))
    description = text.split("DESCRIPTION\n", 1)[1].split("\nOPTIONS", 1)[0].split("\nCOMMANDS", 1)[0]
    for line in description.splitlines():
        assert not line or line.startswith("    ") and not line.startswith("     "), repr(line)
    for markup in ("[bold]", "[/bold]", "Exit status:"):
        assert markup not in text


def test_help_short_option_and_command_help_agree():
    assert run_cli("list", "-h").stdout == run_cli("list", "--help").stdout


# --- the examples run --------------------------------------------------------------------------------

def split_pipeline(command: str) -> list[str]:
    """Split a shell command at | outside quotes."""
    stages, current, quote = [], "", None
    for char in command:
        if quote:
            quote = None if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "|":
            stages.append(current.strip())
            current = ""
            continue
        current += char
    return [*stages, current.strip()]


def runnable(command: str) -> str:
    """The command without the stages whose program this machine lacks (jq, man)."""
    stages = [s for s in split_pipeline(command) if shutil.which(s.split()[0]) or s.split()[0] == "timeline"]
    return " | ".join(stages)


EXAMPLES = [(name, example.command) for name, page in pages().items() for example in page.examples]


@pytest.fixture(scope="module")
def example_dir(tmp_path_factory):
    """A working directory as a user of an installed copy has it: no repository, only the files
    the examples name as theirs (article.txt, news/), and `timeline` on PATH."""
    work = tmp_path_factory.mktemp("examples")
    articles = ROOT / "tests" / "articles"
    shutil.copy(articles / "hk_tunnel_hant.txt", work / "article.txt")
    (work / "news").mkdir()
    for name in ("chip_acquisition_hans", "chip_acquisition_hant", "football_season_hans"):
        for suffix in (".txt", ".meta.toml"):
            shutil.copy(articles / f"{name}{suffix}", work / "news" / f"{name}{suffix}")
    bin_dir = work / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "timeline"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m timeline_cli "$@"\n')
    shim.chmod(0o755)
    return work


def test_there_are_examples_everywhere():
    for name, page in pages().items():
        assert len(page.examples) >= 2, name
        assert all(e.description for e in page.examples), name


@pytest.mark.parametrize("name, command", EXAMPLES, ids=[f"{n}:{c}" for n, c in EXAMPLES])
def test_example_runs(name, command, example_dir):
    assert "timeline " in command or command == "timeline", command
    env = {**os.environ, "PATH": f"{example_dir / 'bin'}{os.pathsep}{os.environ['PATH']}", "COLUMNS": "100",
           "PYTHONIOENCODING": "utf-8", "MANPAGER": "cat", "PAGER": "cat", "MANWIDTH": "80"}
    done = subprocess.run(["bash", "-o", "pipefail", "-c", runnable(command)], cwd=example_dir, env=env,
                          capture_output=True, timeout=120)
    assert done.returncode == 0, f"{command!r} in timeline {name}: exit {done.returncode}\n{done.stderr.decode()}"
    assert b"Traceback" not in done.stderr
    assert done.stdout or "--output" in command or " -o " in command or "--write" in command or \
        command.startswith("timeline index") and "--stats" not in command  # an index run writes its file


@pytest.mark.parametrize("name", ["timeline", *commands()])
def test_examples_are_shown_in_the_help(name):
    text = " ".join(help_text(*help_args(name), columns=200).replace(" \\\n", " ").split())
    for example in pages()[name if name == "timeline" else f"timeline-{name}"].examples:
        assert " ".join(example.command.split()) in text


# --- colour and width ----------------------------------------------------------------------------------

def in_terminal(*args: str, env: dict | None = None) -> str:
    """Run timeline with stdout on a pseudo-terminal; what it printed."""
    master, slave = pty.openpty()
    full = {**os.environ, "COLUMNS": "100", "PYTHONIOENCODING": "utf-8", "TERM": "xterm"}
    full.pop("NO_COLOR", None)
    full.update(env or {})
    process = subprocess.Popen([sys.executable, "-m", "timeline_cli", *args], stdout=slave,
                               stderr=subprocess.PIPE, env=full, cwd=ROOT)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    assert process.wait(timeout=60) == 0, process.stderr.read().decode()
    return b"".join(chunks).decode()


def test_help_is_bold_at_a_terminal():
    text = in_terminal("--help")
    assert "\x1b[1mNAME" in text and "\x1b[1mSYNOPSIS" in text


@pytest.mark.parametrize("args, env", [
    (("--help",), {"NO_COLOR": "1"}),
    (("list", "--help"), {"NO_COLOR": "1"}),
    (("list", "--color", "never", "--help"), {}),
    (("chart", "--color=never", "--help"), {}),
    (("list", "--help"), {"TERM": "dumb"}),
])
def test_no_escape_codes_when_colour_is_off(args, env):
    assert "\x1b[" not in in_terminal(*args, env=env)


def test_no_escape_codes_in_a_pipe_and_colour_when_forced():
    assert "\x1b[" not in help_text("list", "--help")
    assert "\x1b[1m" in help_text("list", "--color", "always", "--help", env={"NO_COLOR": "1"})


@pytest.mark.parametrize("columns", [60, 80, 200])
@pytest.mark.parametrize("name", ["timeline", *commands()])
def test_help_lines_fit_the_width(name, columns):
    text = help_text(*help_args(name), columns=columns)
    too_wide = [line for line in text.splitlines() if cells(line) > columns]
    assert not too_wide, too_wide
    if columns == 200:  # wide terminals get wider text, up to 100 columns for legibility
        assert max(cells(line) for line in text.splitlines()) > 80


def test_cjk_is_never_cut_mid_character_and_counts_double():
    from timeline_cli.render.page import cell_width, wrap

    text = "Publication date that relative words (今年, 去年, 上週三) resolve against 但短短幾週後扎克伯格又對GenAI團隊的進展失去耐心。"
    for width in (10, 20, 33, 60):
        lines = wrap(text, width)
        assert all(cell_width(line) <= width for line in lines), (width, lines)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_long_examples_wrap_with_shell_continuations():
    from timeline_cli.render.page import wrap_command

    command = "timeline list tests/articles/ --since 2025-01 --format jsonl | jq -r '.date.value + \" \" + .title'"
    lines = wrap_command(command, 50)
    assert len(lines) > 1 and all(line.endswith(" \\") for line in lines[:-1])
    assert " ".join(line.removesuffix(" \\").strip() for line in lines) == command
    assert any("--format jsonl" in line for line in lines)  # an option stays with its value


# --- the help path stays light -------------------------------------------------------------------------

@pytest.mark.parametrize("args", [["--help"], ["list", "--help"], ["chart", "--help"], ["man"], ["man", "list"]])
def test_help_and_man_import_nothing_heavy(args):
    probe = ("import sys, io, contextlib\n"
             f"sys.argv = ['timeline', *{args!r}]\n"
             "out = io.StringIO()\n"
             "try:\n"
             "    with contextlib.redirect_stdout(out):\n"
             "        from timeline_cli.cli.app import main; main()\n"
             "except SystemExit as exit:\n"
             "    assert exit.code in (0, None), exit.code\n"
             "print('\\n'.join(sorted(sys.modules)))\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, cwd=ROOT, timeout=60,
                          env={**os.environ, "COLUMNS": "100"})
    assert done.returncode == 0, done.stderr.decode()
    loaded = done.stdout.decode().splitlines()
    heavy = [m for m in loaded if m.startswith(HEAVY)]
    assert not heavy, heavy


# --- man pages -----------------------------------------------------------------------------------------

def test_committed_man_pages_match_the_code(tmp_path):
    result = run_cli("man", "--write", str(tmp_path / "man"))
    assert result.returncode == 0, result.stderr.decode()
    fresh = {p.name: p.read_text("utf-8") for p in (tmp_path / "man").iterdir()}
    committed = {p.name: p.read_text("utf-8") for p in (ROOT / "man").glob("*.1")}
    assert set(fresh) == {"timeline.1", *(f"timeline-{c}.1" for c in commands())}
    stale = sorted(name for name in fresh.keys() | committed.keys() if fresh.get(name) != committed.get(name))
    assert not stale, f"man/ is out of date with the code ({', '.join(stale)}); run: make man"


def test_man_prints_the_page_of_a_command_and_refuses_an_unknown_one():
    assert run_cli("man").stdout.decode() == (ROOT / "man" / "timeline.1").read_text("utf-8")
    assert run_cli("man", "list").stdout.decode() == (ROOT / "man" / "timeline-list.1").read_text("utf-8")
    bad = run_cli("man", "nosuch")
    assert bad.returncode == 2 and b"list" in bad.stderr and b"Traceback" not in bad.stderr
    assert run_cli("man", "list", "--write", "x").returncode == 2


def test_write_removes_pages_of_commands_that_are_gone(tmp_path):
    from timeline_cli.render.man import GENERATED

    (tmp_path / "timeline-gone.1").write_text(GENERATED + "\n.TH GONE 1\n")
    (tmp_path / "timeline-mine.1").write_text(".TH MINE 1\n")  # not ours: left alone
    assert run_cli("man", "--write", str(tmp_path)).returncode == 0
    assert not (tmp_path / "timeline-gone.1").exists() and (tmp_path / "timeline-mine.1").exists()


MACROS = {"TH", "SH", "SS", "TP", "PP", "RS", "RE", "nf", "fi", "br", "ad", "nh", '\\"'}
ESCAPE = re.compile(r"\\(e|-|&|f[BIRP]|\[u[0-9A-F]{4,5}\])")


@pytest.mark.parametrize("page", sorted(p.name for p in (ROOT / "man").glob("*.1")))
def test_roff_structure(page):
    text = (ROOT / "man" / page).read_text("utf-8")
    lines = text.splitlines()
    assert text.isascii(), "non-ASCII must be written as \\[uXXXX]"
    assert lines[0].startswith('.\\"') and lines[1].startswith(f'.TH "{page[:-2].upper().replace("-", chr(92) + "-")}" 1 ')
    sections = [line[4:].strip('"') for line in lines if line.startswith(".SH ")]
    assert [s for s in sections if s in SECTIONS] == list(SECTIONS)
    assert sections[-1] == "SEE ALSO"
    filled = True
    for number, line in enumerate(lines[1:], 2):
        if line.startswith((".", "'")):
            request = line[1:].split(" ")[0]
            assert request in MACROS, f"line {number}: unknown request {line!r}"
            filled = {"nf": False, "fi": True}.get(request, filled)
            continue
        bare = ESCAPE.sub("", line)
        assert "\\" not in bare, f"line {number}: unescaped backslash in {line!r}"
        assert "-" not in bare, f"line {number}: unescaped hyphen in {line!r}"
        assert line.strip(), f"line {number}: a blank line (use .PP)"
        assert not filled or not line.startswith(" "), f"line {number}: leading space in filled text"


def test_roff_escapes_what_it_must():
    from timeline_cli.render.man import as_roff
    from timeline_cli.render.page import Entry, Example, Page

    page = Page(name="timeline x", summary="Say 'hi'.", synopsis=("timeline x [OPTIONS]",),
                description=(".starts with a dot", "'starts with a quote", "back\\slash and --option 年"),
                options=((None, (Entry(("-o", "--opt"), "A value.", "A|B"),)),),
                examples=(Example(".hidden", "A dot."), Example("timeline x | jq '.a'", "Quoted.")))
    roff = as_roff(page)
    assert "\n\\&.starts with a dot\n" in roff and "\n\\&'starts with a quote\n" in roff
    assert "back\\eslash and \\-\\-option \\[u5E74]" in roff
    assert "\\fB\\-o\\fR, \\fB\\-\\-opt\\fR \\fIA|B\\fR" in roff
    assert "\\fB\\&.hidden\\fR" in roff


def render_with(*command: str, text: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "MANWIDTH": "80", "MANPAGER": "cat", "PAGER": "cat", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    return subprocess.run(list(command), input=text.encode(), capture_output=True, env=env, timeout=60)


@pytest.mark.skipif(shutil.which("man") is None, reason="man is not installed")
@pytest.mark.parametrize("name", ["timeline", *commands()])
def test_man_renders_the_page(name):
    roff = run_cli(*(["man"] if name == "timeline" else ["man", name])).stdout.decode()
    done = render_with("man", "-l", "-", text=roff)
    out = re.sub(r".\x08", "", done.stdout.decode())  # overstrike bold
    assert done.returncode == 0, done.stderr.decode()
    for section in SECTIONS:
        assert f"\n{section}\n" in out
    assert ("timeline - " if name == "timeline" else f"timeline-{name} - ") in " ".join(out.split()[:12])
    assert "--help" in out


@pytest.mark.skipif(shutil.which("groff") is None, reason="groff is not installed")
@pytest.mark.parametrize("page", sorted(p.name for p in (ROOT / "man").glob("*.1")))
def test_groff_has_no_warnings(page):
    done = render_with("groff", "-man", "-Tutf8", "-ww", "-z", text=(ROOT / "man" / page).read_text("utf-8"))
    assert done.returncode == 0 and done.stderr == b"", done.stderr.decode()


@pytest.mark.skipif(shutil.which("man") is None, reason="man is not installed")
def test_man_renders_chinese_text():
    done = render_with("man", "-l", "-", text=run_cli("man", "list").stdout.decode())
    out = re.sub(r".\x08", "", done.stdout.decode())
    assert "祖克柏" in out and "2025年4月" in out
