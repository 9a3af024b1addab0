"""What keeps start-up fast stays right: the compiled-pattern cache, the table of Simplified
characters, the Traditional date labels and entity names, and no Pydantic on real commands."""

import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT, SEED
from timeline_cli import regexcache
from timeline_cli.render.dates import human_date, label_in_hant
from timeline_cli.script import detect_script

sys.path.insert(0, str(ROOT / "tools"))
import simplified_chars  # noqa: E402

PATTERNS = [
    r"(?P<y>\d{4})年(?P<m>1[0-2]|0?[1-9])月",
    r"(?<![A-Za-z0-9])meta(?![A-Za-z0-9])|脸书|facebook",
    r"[一二三四五六七八九十]+(?:个)?月(?!份额)",
    r"(?i)lecun",
]
SAMPLES = ["2025年4月份", "2025年13月", "脸书和Meta以及metaverse", "三个月后", "十二月份额", "LeCun lecun"]


def run(code: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)


@pytest.mark.parametrize("pattern", PATTERNS)
def test_a_cached_pattern_matches_like_re_compile(pattern):
    fresh, cached = re.compile(pattern), regexcache.compile(pattern)
    again = regexcache.compile(pattern)  # from the entries now
    for compiled in (cached, again):
        assert compiled.groups == fresh.groups and compiled.groupindex == fresh.groupindex
        assert compiled.flags == fresh.flags
        for text in SAMPLES:
            assert [m.span() for m in compiled.finditer(text)] == [m.span() for m in fresh.finditer(text)]
            assert [m.groupdict() for m in compiled.finditer(text)] == [m.groupdict() for m in fresh.finditer(text)]


def test_an_invalid_pattern_raises_like_re():
    with pytest.raises(re.error):
        regexcache.compile("(unclosed")


def test_the_cache_is_written_once_and_read_by_the_next_run(tmp_path):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    code = ("from timeline_cli import regexcache; from timeline_cli.timex import recognise; recognise.rules(); "
            "print(len(regexcache._entries), regexcache._added)")
    first = run(code, env)
    assert first.returncode == 0, first.stderr
    files = list((tmp_path / "timeline-cli").glob("regex-*.marshal"))
    assert len(files) == 1 and first.stdout.split()[1] == "True"
    second = run(code, env)
    assert second.stdout.split() == [first.stdout.split()[0], "False"]  # nothing new to add
    assert not list((tmp_path / "timeline-cli").glob(".regex-*"))  # no temporary file left


def test_a_damaged_or_disabled_cache_changes_nothing(tmp_path):
    folder = tmp_path / "timeline-cli"
    folder.mkdir()
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    expected = subprocess.run([sys.executable, "-m", "timeline_cli", "mentions", "--format", "jsonl", str(SEED)],
                              capture_output=True, env={**env, "TIMELINE_NO_CACHE": "1"}, timeout=60)
    assert expected.returncode == 0 and not list(folder.iterdir())
    tag = run("from timeline_cli import regexcache; print(regexcache.cache_path())", env).stdout.strip()
    for damage in (b"", b"\x00garbage", b"\xfb" * 64):
        with open(tag, "wb") as f:
            f.write(damage)
        got = subprocess.run([sys.executable, "-m", "timeline_cli", "mentions", "--format", "jsonl", str(SEED)],
                             capture_output=True, env=env, timeout=60)
        assert got.returncode == 0 and got.stdout == expected.stdout and not got.stderr


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
