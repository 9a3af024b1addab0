"""The shipped table of compiled patterns (data/patterns.bin, written by tools/patterns_table.py):
a pattern built from it is the pattern re.compile makes; a missing, foreign or damaged table only
means compiling as usual; and it holds what a run on the seed needs, so start-up stays fast."""

import importlib.util
import marshal
import re
import subprocess
import sys
from pathlib import Path

import pytest

from timeline_cli import lazyre
from timeline_cli.documents import seed_path

ROOT = Path(__file__).resolve().parents[1]


def _tool():
    spec = importlib.util.spec_from_file_location("patterns_table", ROOT / "tools" / "patterns_table.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _entries() -> list[tuple]:
    with open(lazyre.TABLE_FILE, "rb") as table:
        tag, index, blob = marshal.loads(table.read())
    if tag != lazyre.engine_tag():
        pytest.skip(f"the table was written for {tag}, this is {lazyre.engine_tag()}")
    return [marshal.loads(blob[start:start + length]) for found in index.values() for start, length in found]


@pytest.fixture
def fresh_table(monkeypatch):
    """The table read again (from TABLE_FILE, which a test may point elsewhere), and afterwards."""
    monkeypatch.setattr(lazyre, "_TABLE", None)
    yield
    lazyre._TABLE = None


def test_every_entry_is_what_this_python_compiles_from_its_pattern():
    tool = _tool()
    entries = _entries()
    assert len(entries) > 100
    for entry in entries:
        assert tuple(entry) == tool.compiled_form(entry[0], entry[1]), entry[0][:60]


def test_a_pattern_from_the_table_finds_what_re_compile_finds(fresh_table):
    text = seed_path().read_text(encoding="utf-8") + "2025年3月5日上午10時，外交部二日表示：今明兩天"
    for source, flags, *_ in _entries():
        shipped = lazyre.compile_pattern(source, flags)
        assert type(shipped) is re.Pattern and shipped.pattern == source
        plain = re.compile(source, flags)
        assert shipped.groupindex == plain.groupindex and shipped.flags == plain.flags
        assert [m.span() for m in shipped.finditer(text)] == [m.span() for m in plain.finditer(text)], source[:60]


_MISSES = """
import sys, timeline_cli.lazyre as L
missing = []
original = L._shipped_entry
def looked_up(source, flags):
    entry = original(source, flags)
    if entry is None:
        missing.append(source[:80])
    return entry
L._shipped_entry = looked_up
from timeline_cli.cli.entry import main
sys.argv = ["timeline", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print(repr(missing), file=sys.stderr)
"""


@pytest.mark.parametrize("argv", [["list"], ["list", "--format", "table"], ["mentions"]])
def test_the_seed_needs_nothing_the_table_lacks(argv):
    """If this fails, a pattern changed: run `python tools/patterns_table.py`."""
    _entries()  # skips on another Python
    done = subprocess.run([sys.executable, "-c", _MISSES, *argv], capture_output=True, check=False)
    missing = done.stderr.decode().strip().splitlines()[-1]
    assert missing == "[]", f"not in data/patterns.bin (run python tools/patterns_table.py): {missing}"


@pytest.mark.parametrize("content", [b"", b"\x00garbage", marshal.dumps(("other-python", {}, b"")),
                                     marshal.dumps(("x", [1, 2], 3))])
def test_a_missing_foreign_or_damaged_table_only_means_compiling(fresh_table, monkeypatch, tmp_path, content):
    damaged = tmp_path / "patterns.bin"
    damaged.write_bytes(content)
    monkeypatch.setattr(lazyre, "TABLE_FILE", str(damaged))
    assert lazyre.compile_pattern(r"(\d+)年").search("在2025年").group(1) == "2025"
    monkeypatch.setattr(lazyre, "TABLE_FILE", str(tmp_path / "none.bin"))
    lazyre._TABLE = None
    assert lazyre.compile_pattern(r"(\d+)月").search("4月").group(1) == "4"


def test_a_damaged_entry_compiles_as_usual(fresh_table, monkeypatch, tmp_path):
    source = r"(?P<y>\d{4})年"
    bad = marshal.dumps((source, 0, 32, [1, 2, 3], 0, {"y": 1}, (None, "y")))  # code the engine refuses
    index = {lazyre.entry_key(source, 0): [(0, len(bad))]}
    table = tmp_path / "patterns.bin"
    table.write_bytes(marshal.dumps((lazyre.engine_tag(), index, bad)))
    monkeypatch.setattr(lazyre, "TABLE_FILE", str(table))
    assert lazyre.compile_pattern(source).search("2025年").group("y") == "2025"


def test_a_run_with_a_damaged_table_gives_the_same_timeline(tmp_path):
    """Through a real process: the installed code with its table, and with the table unreadable."""
    env_code = ("import sys; import timeline_cli.lazyre as L; L.TABLE_FILE = sys.argv[1]; "
                "from timeline_cli.cli.entry import main; sys.argv = ['timeline', 'list', '-f', 'jsonl']; main()")
    damaged = tmp_path / "patterns.bin"
    damaged.write_bytes(b"\x00not a table")
    runs = [subprocess.run([sys.executable, "-c", env_code, path], capture_output=True, check=False)
            for path in (lazyre.TABLE_FILE, str(damaged))]
    assert runs[0].returncode == runs[1].returncode == 0, runs[1].stderr.decode()
    assert runs[0].stdout == runs[1].stdout and runs[0].stdout
