"""timeline index: analyse a collection once into an SQLite index that every reading command
can query with --db; a second run re-reads only what changed."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from .common import EXIT_INPUT, EXIT_OK, check_choice, fail_usage, say
from .options import MANNERS, MERGES, READING, Manners, Reading, uses, without

DbOpt = Annotated[str | None, typer.Option(
    "--db", metavar="FILE", help="The index to build or bring up to date (an SQLite file; created if missing).")]
StatsOpt = Annotated[bool, typer.Option(
    "--stats", help="Say what the index holds (inputs, documents, events, date range, last run) instead of indexing.")]
DaskOpt = Annotated[str | None, typer.Option(
    "--dask", metavar="ADDRESS|local[:N]",
    help="Analyse on a Dask cluster: a scheduler's address (tcp://host:8786), or local:N for N worker "
         "processes here (local: one per CPU). Writes the Parquet dataset --parquet DIR; needs the "
         "distributed extra (pip install 'timeline-cli[distributed]').")]
ParquetOpt = Annotated[str | None, typer.Option(
    "--parquet", metavar="DIR",
    help="With --dask: the Parquet dataset to write (a folder, or an fsspec URI such as s3://bucket/news.parquet); "
         "it replaces the one there when complete.")]
PartitionsOpt = Annotated[int | None, typer.Option(
    "--partitions", metavar="N",
    help="With --dask: cut the inputs into N tasks (default: 4 per worker thread). The result is the same whatever N.")]
FormatOpt = Annotated[str | None, typer.Option(
    "--format", "-f", metavar="plain|json", help="Format of --stats. Default: plain.")]


@uses(without(READING, "db", "parquet"), MANNERS)
def index_command(read: Reading, manners: Manners, db: DbOpt = None, stats: StatsOpt = False,
                  format: FormatOpt = None, dask: DaskOpt = None, parquet: ParquetOpt = None,
                  partitions: PartitionsOpt = None) -> None:
    """Build or update an index of articles, for fast queries with --db.

    Reads the inputs as timeline list does (files, folders, corpus files; the same
    --glob, --encoding, --entities, --ref-date, --merge and --jobs) and keeps every
    document, mention, article's events and the merged timeline in an SQLite file.
    Every reading command then takes --db FILE instead of the inputs and prints exactly
    what it prints on the inputs themselves, at once.

    Run it again on the same inputs to bring the index up to date: only files whose
    size, time and content changed are read again, files gone are dropped, new ones
    added, and only the date groups they touch are merged again; -v says how many
    inputs were new, changed, unchanged and removed. A different tool version, entity
    table or analysis option re-analyses everything. Each run is one transaction: an
    error or Ctrl-C leaves the index as it was, and a reader sees the last complete run
    while the indexer writes.

    Beyond one machine, --dask ADDRESS|local[:N] --parquet DIR maps the analysis over a
    Dask cluster instead (inputs may be s3://, hdfs:// and other fsspec URIs) and writes a
    Parquet dataset, merged per date group on the workers; every reading command reads it
    with --parquet DIR and prints what it prints on the inputs (docs/parquet.md).

    Examples:
        timeline index news/ --db news.db
            Index a folder of articles (and its sidecars).
        timeline list --db news.db --since 2024 --grep 收購
            Query the index as you would query the folder.
        timeline index news/ --db news.db -v
            Bring the index up to date; say what changed.
        timeline index --db news.db --stats
            What the index holds.
        timeline index news/ --dask local:2 --parquet news.parquet
            Beyond one machine: analyse on a Dask cluster (here two local worker processes; or
            --dask tcp://scheduler:8786, s3:// inputs and DIR) into a Parquet dataset (docs/parquet.md).
        timeline tree --parquet news.parquet
            Read the dataset as you would read the folder.
    """
    if dask is not None or parquet is not None or partitions is not None:
        _index_with_dask(read, manners, db, stats, dask, parquet, partitions)
    if db is None:
        fail_usage("--db FILE is required: the index to build, e.g. timeline index news/ --db news.db")
    fmt = check_choice("--format", format, ("plain", "json")) if format else "plain"
    if stats:
        if read.paths:
            fail_usage("--stats reads the index only; give no inputs with it")
        _print_stats(db, fmt)
        raise typer.Exit(EXIT_OK)
    if not read.paths:
        fail_usage(f"give the articles to index, e.g. timeline index news/ --db {db}")
    if "-" in read.paths:
        fail_usage("an index cannot hold standard input (it could not tell when it changed); give files")
    check_choice("--merge", read.merge, MERGES)
    from ..store.indexer import index

    report = index(read, manners, db, tell=say)
    if manners.verbose:
        counts = report.counts
        say(f"{db}: {counts.new} new, {counts.changed} changed, {counts.unchanged} unchanged, "
            f"{counts.removed} removed, {counts.failed} unreadable; {counts.groups} date groups merged again"
            + ("; everything re-analysed (the tool, the entities or the options changed)" if counts.rebuilt else "")
            + f"; {report.seconds:.2f} s")
    raise typer.Exit(EXIT_INPUT if report.counts.failed else EXIT_OK)


def _index_with_dask(read: Reading, manners: Manners, db, stats, dask, parquet, partitions) -> None:
    from .dataset import index_to_parquet, say_report

    if db is not None or stats:
        fail_usage("--db and --stats are for the SQLite index; --dask writes a Parquet dataset (--parquet DIR)")
    if dask is None or parquet is None:
        fail_usage("--dask ADDRESS|local[:N] and --parquet DIR go together, e.g. timeline index news/ --dask local:2 "
                   "--parquet news.parquet")
    if not read.paths:
        fail_usage(f"give the articles to index, e.g. timeline index news/ --dask local --parquet {parquet}")
    check_choice("--merge", read.merge, MERGES)
    report = index_to_parquet(read, manners, dask, parquet, partitions)
    say_report(report, parquet, manners)
    raise typer.Exit(EXIT_INPUT if report.failed else EXIT_OK)


def _print_stats(db: str, fmt: str) -> None:
    import json

    from ..store.sqlite import Reader, connect

    reader = Reader(connect(db, create=False), db)
    numbers = reader.stats()
    meta = reader.meta()
    facts = {"index": db, "bytes": os.path.getsize(db), **numbers, "indexed_at": meta.get("indexed_at"),
             "merge": meta.get("merge"), "options": json.loads(meta.get("options", "{}"))}
    if fmt == "json":
        print(json.dumps(facts, ensure_ascii=False, indent=2))
        return
    labels = [("index", "index"), ("bytes", "size (bytes)"), ("files", "files"), ("sources", "documents"),
              ("errors", "unreadable inputs"), ("mentions", "mentions"), ("article_events", "events of articles"),
              ("events", "events on the timeline"), ("first", "first date"), ("last", "last date"),
              ("indexed_at", "last indexed"), ("merge", "merge")]
    for key, label in labels:
        print(f"{label}\t{facts[key] if facts[key] is not None else '—'}")


def register(app: typer.Typer) -> None:
    app.command("index")(index_command)
