"""timeline index --dask … --parquet DIR and --parquet DIR on every reading command, on a real
Dask LocalCluster (two worker processes, one per test session) and ~50 inputs (tests/news_collection.py).

The workers run with a config folder of their own whose entity table would change the result,
and with a home and cache folder of their own: the dataset must print exactly what the files
print under the client's config, and nothing may be written in the workers' folders."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

import news_collection
from conftest import ROOT, run_cli

distributed = pytest.importorskip("distributed")
pq = pytest.importorskip("pyarrow.parquet")
pytest.importorskip("fsspec")

INPUTS = ("news", "news/feeds.jsonl")
CLIENT_ENTITIES = """[[entity]]
id = "tunnel-client"
name = "海底隧道"
kind = "place"
aliases = ["海底隧道"]
"""
WORKER_ENTITIES = """[[entity]]
id = "tunnel-worker"
name = "隧道工程"
kind = "place"
aliases = ["隧道", "通車"]
"""


@pytest.fixture(scope="session")
def place(tmp_path_factory) -> dict:
    """The collection, and the config folders of the client and of the workers."""
    base = tmp_path_factory.mktemp("dask")
    news_collection.build(base / "news")
    folders = {}
    for who, entities in (("client", CLIENT_ENTITIES), ("worker", WORKER_ENTITIES)):
        config = base / f"{who}-config" / "timeline-cli"
        config.mkdir(parents=True)
        (config / "entities.toml").write_text(entities, encoding="utf-8")
        folders[who] = config.parent
    for name in ("worker-home", "worker-cache"):
        (base / name).mkdir()
    return {"base": base, "client_config": folders["client"], "worker_config": folders["worker"],
            "worker_home": base / "worker-home", "worker_cache": base / "worker-cache"}


@pytest.fixture(scope="session")
def cluster(place):
    import logging

    env = {"XDG_CONFIG_HOME": str(place["worker_config"]), "HOME": str(place["worker_home"]),
           "XDG_CACHE_HOME": str(place["worker_cache"])}
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=logging.ERROR, env=env) as running:
        yield running


def cli(place, *args: str, config: str = "client_config") -> subprocess.CompletedProcess:
    return run_cli(*args, cwd=place["base"], env={"XDG_CONFIG_HOME": str(place[config])})


_built: dict = {}


def dataset(place, cluster, partitions: int) -> str:
    """The collection indexed on the cluster in `partitions` partitions (built once per session)."""
    if partitions not in _built:
        target = f"out-{partitions}.parquet"
        done = cli(place, "index", *INPUTS, "--dask", cluster.scheduler_address, "--parquet", target,
                   "--partitions", str(partitions))
        assert done.returncode == 1, done.stderr.decode()  # the unreadable inputs
        assert done.stderr.decode() == (f"timeline: 3 inputs could not be read; see the errors table of {target} "
                                        f"(timeline list --parquet {target} names them)\n")
        _built[partitions] = target
    return _built[partitions]


_on_files: dict = {}


def on_files(place, *args: str) -> subprocess.CompletedProcess:
    if args not in _on_files:
        _on_files[args] = cli(place, *args, *INPUTS)
    return _on_files[args]


def assert_same(place, target: str, *args: str) -> None:
    files = on_files(place, *args)
    stored = cli(place, *args, "--parquet", target)
    assert files.stdout, files.stderr.decode()
    assert stored.stdout.decode() == files.stdout.decode()
    assert stored.stderr.decode() == files.stderr.decode()
    assert stored.returncode == files.returncode == 1


@pytest.mark.parametrize("partitions", [1, 3, 7])
@pytest.mark.parametrize("fmt", ["plain", "json", "csv"])
def test_the_merged_timeline_equals_the_files_whatever_the_partitions(place, cluster, partitions, fmt):
    assert_same(place, dataset(place, cluster, partitions), "list", "--format", fmt)


CASES = [
    ("list", "-f", "table"),
    ("list", "-f", "ics"),
    ("list", "-f", "jsonl", "--since", "2025-01", "--until", "2025-12"),
    ("list", "-f", "plain", "--actor", "扎克伯格", "--actor", "海底隧道"),
    ("list", "-f", "plain", "--type", "release", "--status", "occurred"),
    ("list", "-f", "plain", "--grep", "隧道"),
    ("list", "-f", "plain", "--precision", "day", "--reverse", "--limit", "20"),
    ("list", "-f", "json", "--merge", "none"),
    ("list", "-f", "markdown", "--script", "hans", "--since", "去年"),
    ("tree",),
    ("tree", "--by", "actor", "--type", "tenure"),
    ("actors", "-f", "json", "--since", "2025"),
    ("chart", "--width", "90"),
    ("mentions", "-f", "jsonl"),
    ("mentions", "-f", "table"),
    ("mentions", "-f", "csv"),
]


@pytest.mark.parametrize("args", CASES, ids=[" ".join(c) for c in CASES])
def test_every_reading_command_filter_and_format_equals_the_files(place, cluster, args):
    assert_same(place, dataset(place, cluster, 3), *args)


def test_show_equals_the_files(place, cluster):
    target = dataset(place, cluster, 3)
    lines = on_files(place, "list", "-f", "plain").stdout.decode().splitlines()
    told_twice = [line.split("\t") for line in lines if "\t" in line and "; " in line.split("\t")[-1]]
    assert told_twice, "the collection has events told by several inputs"
    assert_same(place, target, "show", told_twice[0][8], "-f", "text")
    assert_same(place, target, "show", lines[-1].split("\t")[8][:10], "-f", "json")  # a prefix of an id


def test_the_parquet_files_have_the_documented_schema(place, cluster):
    from timeline_cli.engine import SCHEMAS
    from timeline_cli.store.parquet import arrow_schema

    root = place["base"] / dataset(place, cluster, 7)
    doc = (ROOT / "docs" / "parquet.md").read_text(encoding="utf-8")
    for table, columns in SCHEMAS.items():
        files = sorted((root / table).rglob("*.parquet"))
        assert files, table
        for path in files:
            assert pq.read_schema(path).remove_metadata().equals(arrow_schema(table)), path
        for name, kind, nullable in columns:
            assert f"| `{name}` | `{kind}` | {'yes' if nullable else 'no'} |" in doc.split(f"### {table}")[1], \
                (table, name)
    meta = json.loads((root / "_timeline.json").read_text(encoding="utf-8"))
    assert meta["application"] == "timeline-cli parquet" and meta["schema"] == 1 and meta["merge"] == "auto"


def test_unreadable_inputs_land_in_the_errors_table(place, cluster):
    root = place["base"] / dataset(place, cluster, 3)
    rows = pq.read_table(root / "errors").to_pylist()
    reasons = {row["path"]: row["reason"] for row in rows}
    assert reasons["news/zz_binary.txt"].startswith("binary file")
    assert reasons["news/zz_broken.txt"].startswith("broken symbolic link")
    assert reasons["news/feeds.jsonl:3"].startswith("not a JSON object")
    assert reasons["news/zz_empty.txt"] == "empty file"
    broken = next(row for row in rows if row["path"] == "news/zz_broken.txt")
    assert broken["uri"] == (place["base"] / "news" / "zz_broken.txt").as_uri()
    documents = pq.read_table(root / "documents").to_pylist()
    assert len(documents) == 45 and sorted(d["position"] for d in documents + rows) == list(range(49))
    assert all(d["uri"].startswith("file:///") for d in documents)  # canonical, never relative to a worker's folder


def test_the_workers_own_config_changes_nothing_and_they_write_nothing(place, cluster):
    with distributed.Client(cluster) as client:
        seen = client.run(lambda: os.environ.get("XDG_CONFIG_HOME"))
    assert set(seen.values()) == {str(place["worker_config"])}
    worker_view = cli(place, "list", *INPUTS, "-f", "plain", config="worker_config")
    assert worker_view.stdout != on_files(place, "list", "-f", "plain").stdout  # that table would show
    target = dataset(place, cluster, 3)
    assert_same(place, target, "list", "-f", "plain")
    assert "tunnel-client" in cli(place, "list", "--parquet", target, "-f", "json").stdout.decode()
    assert list(place["worker_home"].iterdir()) == [] and list(place["worker_cache"].iterdir()) == []


def test_a_second_run_replaces_the_dataset_whole(place, cluster):
    target = "again.parquet"
    for inputs in (["news/hans/more"], ["news/hant/more"]):
        done = cli(place, "index", *inputs, "--dask", cluster.scheduler_address, "--parquet", target)
        assert done.returncode == 0, done.stderr.decode()
        assert cli(place, "list", "--parquet", target, "-f", "plain").stdout == \
            cli(place, "list", *inputs, "-f", "plain").stdout
    assert sorted(p.name for p in place["base"].iterdir() if p.name.startswith("again")) == [target]


def test_merge_none_is_kept_and_read_as_such(place, cluster):
    target = "apart.parquet"
    done = cli(place, "index", "news/hant", "--merge", "none", "--dask", cluster.scheduler_address,
               "--parquet", target)
    assert done.returncode == 0, done.stderr.decode()
    stored = cli(place, "list", "--parquet", target, "--merge", "none", "-f", "json")
    assert stored.stdout == cli(place, "list", "news/hant", "--merge", "none", "-f", "json").stdout
    refused = cli(place, "list", "--parquet", target)
    assert refused.returncode == 2 and b"--merge none" in refused.stderr and refused.stderr.count(b"\n") == 1


# --- bad datasets and bad options: one line, never a traceback ---------------------------------------------

def _copy(place, cluster, name: str) -> Path:
    import shutil

    copy = place["base"] / name
    shutil.copytree(place["base"] / dataset(place, cluster, 3), copy)
    return copy


def _one_line(done, code: int, *words: str, notes_before: bool = False) -> None:
    """The run ends with exit `code` and one error line naming `words` (after the notes on the
    inputs read so far, when `notes_before`), never a traceback."""
    err = done.stderr.decode()
    assert done.returncode == code, err
    assert err.endswith("\n") and "Traceback" not in err, err
    lines = err.splitlines()
    assert all(line.startswith("timeline: ") for line in lines) and (notes_before or len(lines) == 1), err
    for word in words:
        assert word in lines[-1], err


def test_a_damaged_parquet_file_is_one_error_line(place, cluster):
    copy = _copy(place, cluster, "damaged.parquet")
    part = sorted((copy / "events").rglob("*.parquet"))[0]
    part.write_bytes(part.read_bytes()[: part.stat().st_size // 2])
    _one_line(cli(place, "list", "--parquet", copy.name), 1, "the events table is damaged", notes_before=True)


def test_a_foreign_row_is_one_error_line(place, cluster):
    from timeline_cli.store.parquet import arrow_table

    copy = _copy(place, cluster, "foreign.parquet")
    part = sorted((copy / "documents").rglob("*.parquet"))[0]
    rows = pq.read_table(part).to_pylist()
    rows[0]["data"] = '["not", "a", "document"]'
    pq.write_table(arrow_table(rows, "documents"), part)
    _one_line(cli(place, "mentions", "--parquet", copy.name, "-f", "jsonl"), 1, "damaged")


def test_a_folder_that_is_no_dataset_is_refused(place, cluster):
    copy = _copy(place, cluster, "nometa.parquet")
    (copy / "_timeline.json").write_text("{not json", encoding="utf-8")
    _one_line(cli(place, "list", "--parquet", copy.name), 2, "damaged")
    (copy / "_timeline.json").unlink()
    _one_line(cli(place, "tree", "--parquet", copy.name), 2, "not a timeline Parquet dataset")
    _one_line(cli(place, "list", "--parquet", "missing.parquet"), 2, "no such dataset")
    newer = _copy(place, cluster, "newer.parquet")
    meta = json.loads((newer / "_timeline.json").read_text(encoding="utf-8"))
    (newer / "_timeline.json").write_text(json.dumps({**meta, "schema": 99}), encoding="utf-8")
    _one_line(cli(place, "list", "--parquet", newer.name), 2, "newer")


def test_index_refuses_to_write_over_something_else(place):
    other = place["base"] / "precious"
    other.mkdir()
    (other / "notes.txt").write_text("mine", encoding="utf-8")
    done = cli(place, "index", "news/hans", "--dask", "local:1", "--parquet", "precious")
    _one_line(done, 2, "left as it is")
    assert [p.name for p in other.iterdir()] == ["notes.txt"]


def test_a_local_cluster_says_nothing_when_the_usual_port_is_taken(place):
    """Another Dask job (or a second `index --dask local`) holds port 8787: ours takes a free
    port quietly instead of warning on stderr."""
    holder = socket.socket()
    try:
        holder.bind(("127.0.0.1", 8787))
        holder.listen()
    except OSError:
        pass  # already held by someone else: the situation under test
    try:
        done = cli(place, "index", "news/hans", "--dask", "local:1", "--parquet", "port.parquet")
    finally:
        holder.close()
    assert done.returncode == 0, done.stderr.decode()
    assert done.stderr.decode() == ""


@pytest.mark.parametrize("args, words", [
    (("index", "news", "--dask", "local:2"), "--parquet DIR"),
    (("index", "news", "--parquet", "x.parquet"), "--dask"),
    (("index", "news", "--dask", "local:0", "--parquet", "x.parquet"), "local:N"),
    (("index", "news", "--dask", "local", "--parquet", "x.parquet", "--db", "x.db"), "--db"),
    (("index", "news", "--dask", "local", "--parquet", "x.parquet", "--partitions", "0"), "--partitions"),
    (("index", "-", "--dask", "local", "--parquet", "x.parquet"), "standard input"),
    (("list", "news", "--parquet", "x.parquet"), "--parquet"),
    (("list", "--ref-date", "2025-01-01", "--parquet", "x.parquet"), "--ref-date"),
])
def test_bad_options_are_usage_errors(place, args, words):
    _one_line(cli(place, *args), 2, words)
    assert not (place["base"] / "x.parquet").exists()


def test_without_the_extra_one_line_says_how_to_get_it(place):
    """The extra's modules made unimportable: --dask and --parquet say so in one line."""
    for args in (["index", "news", "--dask", "local", "--parquet", "x.parquet"], ["list", "--parquet", "x.parquet"]):
        code = ("import sys\nfor name in ('dask', 'distributed', 'pyarrow', 'fsspec'): sys.modules[name] = None\n"
                f"sys.argv = ['timeline', *{args!r}]\nfrom timeline_cli.cli.entry import main\nmain()\n")
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=place["base"], timeout=60)
        _one_line(done, 2, "pip install 'timeline-cli[distributed]'")


def test_list_and_help_import_nothing_of_the_extra():
    code = ("import sys, runpy\nsys.argv = ['timeline', *sys.argv[1:]]\n"
            "try:\n    runpy.run_module('timeline_cli', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'dask', 'distributed', 'pyarrow', 'fsspec'})\n"
            "print(heavy, file=sys.stderr)\n")
    for args in (["--help"], ["list", "-f", "plain"], ["index", "--help"], ["list", "--help"]):
        done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, cwd=ROOT, timeout=60)
        assert done.stderr.decode().splitlines()[-1] == "[]", (args, done.stderr.decode())
