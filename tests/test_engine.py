"""The engine-neutral library (timeline_cli.engine) and the Dask job's parts run in this process:
analysing from bytes is analysing the file, rows merge to the same timeline whatever their order
or partitioning, the entity table travels as data, fsspec folders are walked as local ones."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

import news_collection
from conftest import ROOT, SEED
from timeline_cli import engine
from timeline_cli.documents import display_path
from timeline_cli.events.merge import merge_across
from timeline_cli.pipeline import Settings, analyse_input

ARTICLES = news_collection.sources()


def _sidecar(path: Path):
    side = path.with_name(path.stem + ".meta.toml")
    return engine.sidecar_metadata(side.read_bytes()) if side.exists() else (None, None)


@pytest.mark.parametrize("path", ARTICLES, ids=[p.name for p in ARTICLES])
def test_a_document_from_bytes_is_the_file(path):
    published, title = _sidecar(path)
    outcome = engine.analyse_document(path.read_bytes(), display_path(path), published=published, title=title,
                                      settings=engine.make_settings())
    assert outcome.analysis == analyse_input(path, Settings(mentions="all")).analysis
    assert outcome.key == outcome.analysis.events[0].evidence[0].doc


def test_a_big_document_from_a_file_object_is_read_in_parts_as_the_file():
    settings = engine.make_settings()
    small = Settings(mentions="all", chunk_chars=1500, context_chars=300)
    published, title = _sidecar(SEED)
    with SEED.open("rb") as handle:
        outcome = engine.analyse_document(handle, display_path(SEED), settings=_like(settings, small),
                                          published=published, title=title)
    assert outcome.analysis == analyse_input(SEED, small).analysis


def _like(settings, other):
    from dataclasses import replace

    return replace(other, entities=settings.entities)


def test_problems_are_outcomes_never_exceptions():
    settings = engine.make_settings()
    assert engine.analyse_document(b"", "empty.txt", settings=settings).error.reason == "empty file"
    assert "binary" in engine.analyse_document(b"\x00\x01" * 50, "x.bin", settings=settings).error.reason
    assert engine.analyse_document("今年4月份發布。", "text.txt", settings=settings).analysis.mentions
    assert engine.sidecar_metadata(b"published = [") == (None, None)
    assert engine.sidecar_metadata(b"\xff\xfe") == (None, None)


def _rows(paths):
    settings = engine.make_settings()
    rows = {"documents": [], "article_events": []}
    for position, path in enumerate(paths):
        published, title = _sidecar(path)
        outcome = engine.analyse_document(path.read_bytes(), display_path(path), published=published,
                                          title=title, settings=settings)
        found = engine.rows_of(outcome, position=position, uri=path.as_uri())
        for name in rows:
            rows[name].extend(found[name])
    return rows


def test_rows_merge_to_the_timeline_whatever_their_order_and_grouping():
    paths = ARTICLES + ARTICLES[:3]  # a document read twice is told twice
    rows = _rows(paths)["article_events"]
    expected = merge_across([e for p in paths for e in analyse_input(p, Settings(mentions="all")).analysis.events])
    assert engine.events_of(engine.merge_rows(rows)) == expected
    shuffled = random.Random(7).sample(rows, len(rows))
    for groups in (1, 2, 5):
        buckets: dict[int, list] = {}
        for row in shuffled:
            buckets.setdefault(engine.group_of(row["merge_key"], groups), []).append(row)
        merged = [m for bucket in buckets.values() for m in engine.merge_rows(bucket)]
        assert engine.events_of(merged) == expected


def test_rows_carry_typed_columns_of_their_objects():
    rows = _rows(ARTICLES[:2])
    doc = rows["documents"][0]
    for name, _kind, nullable in engine.SCHEMAS["documents"]:
        assert (doc[name] is None and nullable) or doc[name] is not None, name
    event = engine.events_of([rows["article_events"][0]])[0]
    row = rows["article_events"][0]
    assert row["merge_key"] == engine.merge_key(event) and row["event_id"] == event.id
    assert row["actor_ids"] == [a.id for a in event.actors] and row["doc_keys"] == [doc["doc_key"]]
    assert set(row) == {name for name, _, _ in engine.SCHEMAS["article_events"]}


def test_the_bucket_of_a_merge_key_is_the_same_in_every_process():
    keys = ["2025", "=XXXX-04", "=2013/2018", "1999"]
    code = f"from timeline_cli.engine import group_of; print([group_of(k, 7) for k in {keys!r}])"
    seen = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert seen == {str([engine.group_of(k, 7) for k in keys]) + "\n"}


def test_the_entity_table_travels_as_data(tmp_path, monkeypatch):
    """Settings made here keep this config's entities wherever they are used."""
    config = tmp_path / "config" / "timeline-cli"
    config.mkdir(parents=True)
    (config / "entities.toml").write_text('[[entity]]\nid = "probe"\nname = "玉衡一號"\naliases = ["玉衡"]\n',
                                          encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config.parent))
    settings = engine.make_settings()
    path = ROOT / "tests" / "articles" / "space_probe_hant.txt"

    def actors(settings):
        outcome = engine.analyse_document(path.read_bytes(), "p.txt", settings=settings)
        return {a.id for e in outcome.analysis.events for a in e.actors}

    assert "probe" in actors(settings)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "elsewhere"))
    assert "probe" in actors(settings) and "probe" not in actors(engine.make_settings())


# --- the Dask job's parts, without Dask ----------------------------------------------------------------

def test_listing_order_and_partitions_change_nothing(tmp_path):
    pytest.importorskip("pyarrow")
    from timeline_cli.store import distributed as job
    from timeline_cli.store.parquet import Reader

    news = news_collection.build(tmp_path / "news")
    settings = engine.make_settings()
    items = job.list_inputs([str(news)])
    expected = None
    for seed, count in ((1, 1), (2, 3), (3, 5)):
        out = tmp_path / f"out-{seed}"
        chunks = [[] for _ in range(count)]
        for item in random.Random(seed).sample(items, len(items)):  # any order, any partition
            chunks[random.Random(item.uri).randrange(count)].append(item)
        buckets = set()
        for number, chunk in enumerate(chunks):
            buckets.update(job.analyse_partition(chunk, settings, str(out), number, count, job.code_print())["buckets"])
        for bucket in buckets:
            job.merge_bucket(str(out), bucket, job.code_print())
        (out / "_timeline.json").write_text('{"application": "timeline-cli parquet", "schema": 1}')
        events = Reader(str(out)).events(merged=True)
        expected = expected or events
        assert events == expected
    files = [analyse_input(p, Settings(mentions="all")) for p in _local(news)]
    assert expected == merge_across([e for o in files if o.analysis for e in o.analysis.events])


def _local(news: Path) -> list:
    from timeline_cli.documents import expand_paths

    return [p for p in expand_paths([str(news)]) if isinstance(p, Path)]


def test_a_worker_with_other_code_refuses_the_job():
    from timeline_cli.store import distributed as job

    with pytest.raises(job.WorkerMismatch):
        job.analyse_partition([], engine.make_settings(), "unused", 0, 1, "another fingerprint")


def test_fsspec_folders_are_walked_as_local_ones(tmp_path):
    fsspec = pytest.importorskip("fsspec")
    from timeline_cli.store import distributed as job

    memory = fsspec.filesystem("memory")
    local = tmp_path / "news"
    files = {"b.txt": SEED.read_bytes(), "a.txt": ARTICLES[1].read_bytes(), "sub/c.txt": ARTICLES[2].read_bytes(),
             "b.meta.toml": b"published = 2025-11-20\ntitle = \"B\"\n", "z.md": ARTICLES[3].read_bytes(),
             ".hidden.txt": b"x", "sub/.git/x.txt": b"x", "image.png": b"\x89PNG", "a.txt.meta.toml": b"junk = ["}
    for name, data in files.items():
        memory.pipe(f"/walk/{name}", data)
        (local / name).parent.mkdir(parents=True, exist_ok=True)
        (local / name).write_bytes(data)
    remote = job.list_inputs(["memory://walk"])
    here = job.list_inputs([str(local)])
    assert [i.name for i in remote] == [f"memory://walk/{n}" for n in ("a.txt", "b.txt", "z.md", "sub/c.txt")]
    assert [i.name[len(str(local)):] for i in here] == [i.name[len("memory://walk"):] for i in remote]
    assert [i.position for i in remote] == [0, 1, 2, 3]
    assert [bool(i.sidecar) for i in remote] == [bool(i.sidecar) for i in here] == [True, True, False, False]
    settings = engine.make_settings()
    for a, b in zip(remote, here, strict=True):
        got, want = job.read_item(a, settings).analysis, job.read_item(b, settings).analysis
        assert got.document.ref == want.document.ref and [e.id for e in got.events] == [e.id for e in want.events]
    assert job.list_inputs(["memory://nowhere"])[0].reason == "no such file or directory"
    assert job.list_inputs(["memory://walk"], glob="*.png")[0].name == "memory://walk/image.png"
