"""What keeps start-up fast stays right: no cache between runs, the table of Simplified
characters, the Traditional date labels and entity names, and no Pydantic on real commands."""

import os
import subprocess
import sys

import pytest

from conftest import ROOT, SEED
from timeline_cli.render.dates import human_date, label_in_hant
from timeline_cli.script import detect_script

sys.path.insert(0, str(ROOT / "tools"))
import simplified_chars  # noqa: E402


def run(code: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)


def test_a_run_reads_and_writes_no_cache(tmp_path):
    """No state between runs: a FIFO, a link to /dev/zero or garbage where a cache once lived
    changes nothing, and nothing is written under XDG_CACHE_HOME."""
    folder = tmp_path / "timeline-cli"
    folder.mkdir()
    os.mkfifo(folder / "regex-cache.fifo")
    os.symlink("/dev/zero", folder / "regex-zero.marshal")
    (folder / "regex-garbage.marshal").write_bytes(b"\xfb" * 64)
    before = sorted(p.name for p in folder.iterdir())
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    got = subprocess.run([sys.executable, "-m", "timeline_cli", "mentions", "--format", "jsonl", str(SEED)],
                         capture_output=True, env=env, timeout=120)
    assert got.returncode == 0 and got.stdout and not got.stderr
    assert sorted(p.name for p in folder.iterdir()) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["timeline-cli"]



def test_the_simplified_character_table_matches_the_installed_opencc():
    shipped = (ROOT / "timeline_cli" / "data" / "simplified_chars.txt").read_text(encoding="utf-8")
    chars = "".join(line for line in shipped.splitlines() if not line.startswith("#"))
    assert chars == simplified_chars.build(), "regenerate with: python tools/simplified_chars.py"


@pytest.mark.parametrize("text, script", [
    ("台灣的公里數與周末活動，范先生扎實地說明了這件事的發展經過與後續。", "hant"),
    ("香港政府並表示願意恒常檢討有關政策的執行情況。", "hant"),
    ("国务院发布了关于进一步优化营商环境的意见。", "hans"),
    ("國務院发布了關於进一步優化營商环境的意見，这里简繁混杂。", "mixed"),
])
def test_detect_script_on_shared_characters(text, script):
    assert detect_script(text) == script


def test_traditional_date_labels_read_as_opencc_would_write_them():
    import opencc

    s2twp = opencc.OpenCC("s2twp")
    values = [("PRESENT_REF", None), ("PAST_REF", None), ("FUTURE_REF", None), ("2025", "START"), ("2025", "END"),
              ("2025", "MID"), ("2025-04", "START"), ("2025-04", "MID"), ("2025-04", "END"), ("XXXX-04-XX", None),
              ("2025-11-20TEV", None), ("2025-11-20TNI", None), ("2025-11-20TMO", None), ("2025-Q1", None),
              ("2025-H2", None), ("2025-W07-WE", None), ("2025-SP", None), ("2025-WI", None), ("199", "START"),
              ("199", "MID"), ("20", "MID"), ("20", "END"), ("2025", "APPROX"), ("2025-04", "AFTER"),
              ("2025-04", "BEFORE"), ("2025", "ON_OR_AFTER"), ("2013/2018", None)]
    for value, mod in values:
        label = human_date(value, mod)
        assert label_in_hant(label) == s2twp.convert(label), (value, mod, label)


def test_shipped_entities_carry_their_traditional_name():
    import tomllib

    import opencc

    s2t = opencc.OpenCC("s2t")
    table = tomllib.loads((ROOT / "timeline_cli" / "data" / "entities.toml").read_text(encoding="utf-8"))
    for entity in table["entity"]:
        if s2t.convert(entity["name"]) != entity["name"]:
            assert entity.get("hant"), f"{entity['name']} needs hant = \"{s2t.convert(entity['name'])}\""
        if "hant" in entity:
            assert entity["hant"] != entity["name"] and not simplified_chars_in(entity["hant"])


def simplified_chars_in(text: str) -> list[str]:
    from timeline_cli.script import _simplified_chars

    return [ch for ch in text if ch in _simplified_chars()]


@pytest.mark.parametrize("args", [["list"], ["mentions", "--format", "json"], ["tree"], ["actors"],
                                  ["list", "--limit", "3", "--since", "2025", "--jobs", "1", "-o", "OUT"]])
def test_real_commands_do_not_import_pydantic(args, tmp_path):
    args = [str(tmp_path / "out.txt") if a == "OUT" else a for a in args]
    code = ("import sys, io, contextlib\nfrom timeline_cli.cli.app import main\n"
            f"sys.argv = ['timeline', *{args!r}]\n"
            "try:\n    with contextlib.redirect_stdout(io.StringIO()): main()\nexcept SystemExit as e:\n"
            "    code = e.code\nprint('pydantic' in sys.modules, file=sys.stderr)")
    done = run(code, {**os.environ, "XDG_CACHE_HOME": str(tmp_path)})
    assert done.stderr.strip().splitlines()[-1] == "False", done.stderr
