"""How the index finds events fast, and stays exact: --grep of one, two and more characters
through the trigram tables (never a different answer from the files), --actor, a window and
show ID by a prefix; the evidence stored as columns of distinct values; an index of an older
schema refused with the re-index hint."""

import shutil
import sqlite3
from datetime import date

import pytest

from conftest import ROOT, SEED, run_cli
from timeline_cli.model import EventDate, Evidence
from timeline_cli.store import codec

ARTICLES = ROOT / "tests" / "articles"

# Sentences whose last character is a likely --grep term (收, 購, A), a Latin name in two cases,
# a Traditional and a Simplified spelling of the same word, repeated across articles so that
# merged events have many evidence sentences.
TEXTS = [
    "2024年3月，蘋果公司宣布收購一家晶片新創。\n同年5月，Apple完成收購\n",
    "2024年3月，苹果公司宣布收购一家芯片新创。\n2025年1月，该公司发布新款手机A\n",
    "2023年8月，Meta發布Llama 2。\n2024年12月，META宣布年底裁員收\n",
    "2023年8月，Meta发布Llama 2。\n2025年6月，扎克伯格表示将继续投资AI。\n",
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("lookup") / "news"
    root.mkdir()
    for copy in range(3):
        for i, text in enumerate(TEXTS):
            (root / f"c{copy}_{i}.txt").write_text(f"第{copy}版\n{text}", "utf-8")
    shutil.copy(SEED, root / "seed.txt")
    (root / "seed.meta.toml").write_text("published = 2025-11-20\n", "utf-8")
    for name in ("chip_acquisition_hant", "phone_maker_hans"):
        shutil.copy(ARTICLES / f"{name}.txt", root / f"{name}.txt")
        shutil.copy(ARTICLES / f"{name}.meta.toml", root / f"{name}.meta.toml")
    return root


@pytest.fixture(scope="module")
def db(folder, tmp_path_factory):
    path = tmp_path_factory.mktemp("lookup-db") / "news.db"
    done = run_cli("index", str(folder), "--db", str(path), timeout=300)
    assert done.returncode == 0, done.stderr.decode()
    return path


def same(folder, db, *args):
    files = run_cli(*args, str(folder), timeout=300)
    indexed = run_cli(*args, "--db", str(db), timeout=300)
    assert (files.returncode, files.stdout, files.stderr) == (indexed.returncode, indexed.stdout, indexed.stderr), args
    return files.stdout.decode()


# One and two characters (the trigram tables' prefixes), at the end of a sentence, in either
# script, ASCII in another case, three and more (a trigram phrase), and terms found nowhere.
GREPS = ["收", "購", "购", "收購", "收购", "a", "A", "ll", "年", "月", "。", "Meta", "meta", "收購一家", "扎克伯格",
         "完成收購", "茲", "zz", "2", "4年"]


@pytest.mark.parametrize("term", GREPS)
@pytest.mark.parametrize("merge", ["auto", "none"])
def test_grep_from_the_index_finds_what_the_files_give(folder, db, term, merge):
    same(folder, db, "list", "-f", "plain", "--grep", term, "--merge", merge)


def test_a_term_at_the_very_end_of_a_sentence_is_found(folder, db):
    out = same(folder, db, "list", "-f", "plain", "--grep", "收")
    assert "裁員收" in out or "裁员收" in out


@pytest.mark.parametrize("args", [
    ["list", "-f", "plain", "--actor", "Meta"], ["list", "-f", "plain", "--actor", "扎克伯格", "--grep", "AI"],
    ["list", "-f", "jsonl", "--since", "2024-03", "--until", "2024-12"], ["list", "-f", "json", "--grep", "收"],
    ["list", "-f", "csv", "--grep", "收購", "--merge", "none"], ["tree", "--grep", "年"],
    ["actors", "-f", "json", "--grep", "A"], ["list", "-f", "plain", "--since", "去年", "--until", "今年"],
    ["list", "-f", "table"], ["list", "-f", "table", "--script", "hant", "--grep", "收"], ["list", "-f", "markdown"],
    ["show", "e-", "-f", "json"],
])
def test_filters_and_formats_from_the_index(folder, db, args):
    same(folder, db, *args)


def test_show_by_id_and_by_prefix(folder, db):
    ids = [line.split("\t")[8] for line in run_cli("list", "-f", "plain", "--db", str(db)).stdout.decode().splitlines()]
    many = max(ids, key=lambda i: run_cli("show", i, "-f", "json", "--db", str(db)).stdout.count(b'"path"'))
    for event_id in (ids[0], many, many[:6]):
        same(folder, db, "show", event_id, "-f", "json")
        same(folder, db, "show", event_id)


@pytest.mark.parametrize("prefix", ["e-", "e", "%", "e-_", "*", "e-\U0010ffff", "e-0"])
def test_show_prefixes_never_match_what_is_not_a_prefix(folder, db, prefix):
    files = run_cli("show", prefix, str(folder))
    indexed = run_cli("show", prefix, "--db", str(db))
    assert (files.returncode, files.stdout) == (indexed.returncode, indexed.stdout)


def test_evidence_columns_round_trip():
    day = EventDate("2025-04", None, "month", date(2025, 4, 1), date(2025, 4, 30), "text")
    evidence = tuple(Evidence(f"d/{i % 3}.txt", i, i + 5, "同一句話。" if i % 2 else "另一句。", f"m{i}",
                              i + 1 if i % 4 else None, i + 3 if i % 4 else None, day if i % 5 else None,
                              f"doc{i % 3}") for i in range(12))
    text = codec.dumps_columns(Evidence, evidence)
    assert codec.loads_columns(Evidence, text) == evidence
    assert text.count("同一句話") == 1  # a repeated value is stored once
    assert codec.loads_columns(Evidence, codec.dumps_columns(Evidence, ())) == ()


_ONE = ['["p"]', "null", "[1]", "null", "[2]", "null", '["s"]', "null", "[null]", "null", "[null]", "null",
        "[null]", "null", "[null]", "null", '[""]', "null"]


def _columns(**changed) -> str:
    return "[" + ",".join(changed.get(f"c{i}", item) for i, item in enumerate(_ONE)) + "]"


def test_one_evidence_columns_decode():
    assert codec.loads_columns(Evidence, _columns()) == (Evidence("p", 1, 2, "s", None, None, None, None, ""),)


@pytest.mark.parametrize("damage", ["[1, 2]", "not json", '[["a"],null]', _columns(c1="[-1]"), _columns(c1="[1]"),
                                    _columns(c1='"0"'), _columns(c2='["1"]'), _columns(c2="[1, 2]"),
                                    _columns(c14='[["2025", null]]'), _columns(c0="{}"), _columns(c1="[0.0]")])
def test_damaged_evidence_columns_are_a_store_error(damage):
    with pytest.raises(codec.StoreError):
        codec.loads_columns(Evidence, damage)


def test_an_index_of_the_older_schema_says_to_build_it_again(tmp_path):
    old = tmp_path / "old.db"
    assert run_cli("index", str(SEED), "--db", str(old)).returncode == 0
    handle = sqlite3.connect(old, isolation_level=None)
    handle.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
    handle.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the file itself holds all, as a user's would
    handle.close()
    before = old.read_bytes()
    for args in (["list", "--db", str(old)], ["index", str(SEED), "--db", str(old)]):
        done = run_cli(*args)
        assert done.returncode == 2 and b"older timeline-cli" in done.stderr and b"build it again" in done.stderr
        assert len(done.stderr.splitlines()) == 1
    assert old.read_bytes() == before


def _text_tables_match_the_events(db) -> None:
    with sqlite3.connect(db) as handle:
        for layer, table in (("merged", "merged_text"), ("doc", "article_text")):
            handle.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
            ids = {i for (i,) in handle.execute("SELECT id FROM events WHERE layer = ?", (layer,))}
            assert {i for (i,) in handle.execute(f"SELECT rowid FROM {table}")} == ids


def test_updates_keep_the_text_tables_exact(folder, tmp_path):
    news = tmp_path / "news"
    shutil.copytree(folder, news)
    db = tmp_path / "u.db"
    assert run_cli("index", str(news), "--db", str(db), timeout=300).returncode == 0
    edited = news / "c1_2.txt"
    edited.write_text(edited.read_text("utf-8") + "2026年2月，Meta推出新眼鏡鏈\n", "utf-8")
    (news / "c2_0.txt").unlink()
    (news / "c9_9.txt").write_text("2026年3月，蘋果公司再度收購一家新創鏈\n", "utf-8")
    assert run_cli("index", str(news), "--db", str(db), timeout=300).returncode == 0
    _text_tables_match_the_events(db)
    for term in ("鏈", "链", "眼鏡", "收購", "新眼鏡链", "晶片", "完成收購"):
        for merge in ("auto", "none"):
            same(news, db, "list", "-f", "plain", "--grep", term, "--merge", merge)
