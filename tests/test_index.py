"""The index equals the files: the same output from `--db FILE` as from the articles, for every
command, filter and format; incremental runs re-read only what changed; a read works while an
index run writes; a damaged, foreign or newer index is refused and left as it was."""

import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from conftest import ROOT, SEED, run_cli

ARTICLES = ROOT / "tests" / "articles"


def _sentences() -> list[str]:
    texts = [SEED.read_text("utf-8")] + [p.read_text("utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    found = []
    for text in texts:
        found += [s + "。" for s in re.split(r"[。\n]", text) if 12 <= len(s) <= 90 and re.search(r"\d|[年月日]", s)]
    return found


@pytest.fixture(scope="module")
def collection(tmp_path_factory):
    """220 short articles of sentences from the seed and the test articles (both scripts), in
    folders, some with sidecars, some dated only by their text, one unreadable, one empty."""
    root = tmp_path_factory.mktemp("collection") / "news"
    sentences = _sentences()
    rng = random.Random(14)
    for i in range(220):
        folder = root / f"d{i % 7}"
        folder.mkdir(parents=True, exist_ok=True)
        body = "".join(rng.sample(sentences, 4))
        (folder / f"a{i:03d}.txt").write_text(f"第{i}號稿件\n{body}\n", "utf-8")
        if i % 3 == 0:
            (folder / f"a{i:03d}.meta.toml").write_text(f"published = 2025-{i % 12 + 1:02d}-15\n", "utf-8")
    (root / "d0" / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    (root / "d1" / "empty.txt").write_text("", "utf-8")
    return root


@pytest.fixture(scope="module")
def index(collection, tmp_path_factory):
    db = tmp_path_factory.mktemp("db") / "news.db"
    done = run_cli("index", str(collection), "--db", str(db), "--jobs", "2", "-v", timeout=600)
    assert done.returncode == 1, done.stderr.decode()  # the unreadable file
    assert b"220 new, 0 changed, 0 unchanged, 0 removed, 1 unreadable" in done.stderr
    assert b"broken.txt: binary file" in done.stderr and b"empty.txt: empty; nothing to read" in done.stderr
    return db


def same(collection, db, *args):
    files = run_cli(*args, str(collection), timeout=300)
    indexed = run_cli(*args, "--db", str(db), timeout=300)
    assert (files.returncode, files.stdout, files.stderr) == (indexed.returncode, indexed.stdout, indexed.stderr), \
        (args, files.stderr.decode()[-500:], indexed.stderr.decode()[-500:])
    return files


MATRIX = [
    ["list", "-f", "plain"], ["list", "-f", "json"], ["list", "-f", "jsonl", "--since", "2025-03", "--until", "2025-09"],
    ["list", "-f", "csv", "--actor", "Meta"], ["list", "-f", "markdown", "--type", "release", "--status", "occurred"],
    ["list", "-f", "ics", "--grep", "收购"], ["list", "-f", "plain", "--grep", "發布", "--limit", "5", "--reverse"],
    ["list", "-f", "table", "--precision", "month"], ["list", "-f", "timelinejs", "--merge", "none"],
    ["tree", "--by", "actor"], ["actors", "-f", "json", "--since", "2024"], ["chart", "--by", "type"],
    ["mentions", "-f", "json"], ["mentions", "-f", "plain"], ["list", "-f", "plain", "--actor", "nobody-at-all"],
]


@pytest.mark.parametrize("args", MATRIX, ids=[" ".join(a) for a in MATRIX])
def test_the_index_prints_what_the_files_print(collection, index, args):
    done = same(collection, index, *args)
    assert done.stdout or "nobody-at-all" in args


def test_show_from_the_index(collection, index):
    ids = [line.split("\t")[8] for line in run_cli("list", "-f", "plain", "--db", str(index)).stdout.decode().splitlines()]
    for event_id in (ids[0], ids[len(ids) // 2], ids[-1]):
        same(collection, index, "show", event_id, "-f", "json")
    same(collection, index, "show", ids[1])


def test_stats_say_what_is_in_it(index):
    done = run_cli("index", "--db", str(index), "--stats", "-f", "json")
    stats = json.loads(done.stdout)
    assert stats["sources"] == 220 and stats["errors"] == 2 and stats["events"] > 100  # broken and empty
    assert stats["first"] <= stats["last"] and stats["indexed_at"]


def _counts(stderr: bytes) -> str:
    return re.search(rb"(\d+ new, \d+ changed, \d+ unchanged, \d+ removed)", stderr).group(1).decode()


def test_an_update_reads_only_what_changed(collection, tmp_path):
    import shutil

    news = tmp_path / "news"
    shutil.copytree(collection, news)
    db = tmp_path / "n.db"
    assert run_cli("index", str(news), "--db", str(db), "--jobs", "2", timeout=600).returncode == 1

    def update() -> str:
        done = run_cli("index", str(news), "--db", str(db), "-v", timeout=600)
        same(news, db, "list", "-f", "plain")
        return _counts(done.stderr)

    assert update() == "0 new, 0 changed, 220 unchanged, 0 removed"
    os.utime(news / "d1" / "a001.txt")  # touched: the same bytes
    assert update() == "0 new, 0 changed, 220 unchanged, 0 removed"
    edited = news / "d2" / "a002.txt"
    edited.write_text(edited.read_text("utf-8") + "2027年3月，公司將發布新一代晶片。\n", "utf-8")
    assert update() == "0 new, 1 changed, 219 unchanged, 0 removed"
    assert "2027-03" in run_cli("list", "-f", "plain", "--db", str(db)).stdout.decode()
    (news / "d3" / "a003.meta.toml").write_text("published = 2024-01-01\n", "utf-8")  # the sidecar changes it
    assert update() == "0 new, 1 changed, 219 unchanged, 0 removed"
    (news / "d4" / "a004.txt").unlink()
    assert update() == "0 new, 0 changed, 219 unchanged, 1 removed"
    (news / "d4" / "z.txt").write_text("2026年1月5日，新公司成立。\n", "utf-8")
    assert update() == "1 new, 0 changed, 219 unchanged, 0 removed"


def test_a_different_entity_table_re_analyses_everything(collection, tmp_path):
    db = tmp_path / "e.db"
    small = [str(p) for p in sorted(ARTICLES.glob("*.txt"))]
    run_cli("index", *small, "--db", str(db))
    entities = tmp_path / "entities.toml"
    entities.write_text('[[entity]]\nid = "xh"\nname = "星海科技"\naliases = ["星海"]\n', "utf-8")
    done = run_cli("index", *small, "--db", str(db), "--entities", str(entities), "-v")
    assert "everything re-analysed" in done.stderr.decode() and _counts(done.stderr).startswith("7 new")


def test_a_reader_sees_the_last_complete_run_while_an_index_run_writes(tmp_path):
    """A FIFO among the inputs holds the index run inside its write transaction until the reader
    has read: the read must work, and show the state before the run."""
    db = tmp_path / "r.db"
    article = tmp_path / "a.txt"
    article.write_bytes(SEED.read_bytes())
    assert run_cli("index", str(article), "--db", str(db)).returncode == 0
    before = run_cli("list", "-f", "plain", "--db", str(db)).stdout
    fifo = tmp_path / "slow.txt"
    os.mkfifo(fifo)
    text = "2030年1月1日，新公司成立。\n".encode()
    process = subprocess.Popen([sys.executable, "-m", "timeline_cli", "index", str(article), str(fifo), "--db", str(db)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    opened = threading.Event()

    def holds_fifo() -> bool:
        folder = f"/proc/{process.pid}/fd"
        return any(os.path.realpath(os.path.join(folder, fd)) == str(fifo) for fd in os.listdir(folder))

    def feed():
        with open(fifo, "wb") as pipe:  # read once to know its bytes...
            opened.set()
            pipe.write(text)
            reading.wait(timeout=120)  # hang guard only
        deadline = time.monotonic() + 120
        while holds_fifo():  # until that read is over (hang guard only)
            assert time.monotonic() < deadline
            time.sleep(0.01)  # hang guard: polling an observable state
        with open(fifo, "wb") as pipe:  # ...once to analyse them
            pipe.write(text)

    reading = threading.Event()
    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    assert opened.wait(timeout=120)  # hang guard only: the run is now inside its transaction
    during = run_cli("list", "-f", "plain", "--db", str(db))
    reading.set()
    _, err = process.communicate(timeout=120)
    assert during.returncode == 0 and during.stdout == before
    assert process.returncode == 0, err.decode()
    assert b"2030-01-01" in run_cli("list", "-f", "plain", "--db", str(db)).stdout


@pytest.mark.parametrize("damage", [b"not a database at all", b"SQLite format 3\x00" + b"\xff" * 5000])
def test_a_damaged_index_is_refused_and_left_as_it_was(tmp_path, damage):
    db = tmp_path / "bad.db"
    db.write_bytes(damage)
    for args in (["list", "--db", str(db)], ["index", str(SEED), "--db", str(db)], ["index", "--db", str(db), "--stats"]):
        done = run_cli(*args)
        assert done.returncode in (1, 2) and len(done.stderr.splitlines()) == 1 and b"Traceback" not in done.stderr
    assert db.read_bytes() == damage


def test_a_foreign_or_newer_database_is_refused(tmp_path):
    foreign = tmp_path / "foreign.db"
    sqlite3.connect(foreign).execute("CREATE TABLE people (name TEXT)").connection.commit()
    done = run_cli("list", "--db", str(foreign))
    assert done.returncode == 2 and b"not a timeline index" in done.stderr
    newer = tmp_path / "newer.db"
    assert run_cli("index", str(SEED), "--db", str(newer)).returncode == 0
    with sqlite3.connect(newer) as db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'schema'")
    for args in (["list", "--db", str(newer)], ["index", str(SEED), "--db", str(newer)]):
        done = run_cli(*args)
        assert done.returncode == 2 and b"newer timeline-cli" in done.stderr


def test_a_locked_index_is_one_line(tmp_path):
    db = tmp_path / "l.db"
    assert run_cli("index", str(SEED), "--db", str(db)).returncode == 0
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        done = run_cli("index", str(SEED), str(ARTICLES / "hk_tunnel_hant.txt"), "--db", str(db),
                       env={"TIMELINE_DB_TIMEOUT": "0.2"})
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert done.returncode == 1 and b"locked" in done.stderr and len(done.stderr.splitlines()) == 1
    assert run_cli("list", "-f", "plain", "--db", str(db)).stdout == run_cli("list", "-f", "plain", str(SEED)).stdout


def test_a_full_disk_leaves_the_index_as_it_was(tmp_path):
    """A file-size limit stands in for a full disk: the run fails in one line, the index stays whole."""
    db = tmp_path / "f.db"
    assert run_cli("index", str(SEED), "--db", str(db)).returncode == 0
    before = run_cli("list", "-f", "plain", "--db", str(db)).stdout
    limit = os.path.getsize(db) + 4096
    code = (f"import resource, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
            f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit})); "
            f"sys.argv = ['timeline', 'index', {str(SEED)!r}, {str(ARTICLES)!r}, '--db', {str(db)!r}]; "
            f"from timeline_cli.cli.entry import main; main()")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, timeout=300)
    assert done.returncode == 1 and len(done.stderr.splitlines()) == 1 and b"Traceback" not in done.stderr, done.stderr
    assert run_cli("list", "-f", "plain", "--db", str(db)).stdout == before


def test_inputs_and_db_together_are_a_usage_error(index):
    done = run_cli("list", str(SEED), "--db", str(index))
    assert done.returncode == 2 and b"--db" in done.stderr
    assert run_cli("list", "--db", str(index), "--ref-date", "2025-01-01").returncode == 2
    assert run_cli("index", "-", "--db", str(index)).returncode == 2
