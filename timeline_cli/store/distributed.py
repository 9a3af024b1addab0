"""`timeline index URI... --dask ADDRESS|local[:N] --parquet DIR`: the per-document analysis
mapped over a Dask cluster, the merge run per date group on the workers, a Parquet dataset out.

1. The inputs are listed here, on the client, as `timeline list` lists them (local paths and
   file:// through documents.expand_paths, so folders, --glob, sidecars and corpus rows are
   the same; s3://, hdfs:// and other fsspec URIs through fsspec, walked in the same order).
   Each document gets its `position` in that order, computed from the names alone, and a
   canonical URI (file:///abs/path, never a path relative to some worker's folder).
2. The list is cut into partitions; each is one task that reads and analyses its documents
   (engine.analyse_document, with the settings and the entity table shipped with the job:
   a worker reads no config of its own and writes no cache) and writes its rows: documents,
   mentions, errors, and article events by merge-key bucket (engine.group_of).
3. Each bucket is then one task: it reads its article events, merges each merge key in
   (position, seq) order (engine.merge_rows) and writes the bucket's part of the timeline.
   The result depends on neither the partitioning nor the order the store lists files in.
4. `_timeline.json` is written last. A local DIR is built beside the old one and swapped in
   when complete, so an error or Ctrl-C leaves the old dataset as it was.

Workers must see the inputs and DIR at the same names (a shared file system, or URIs of an
object store) and run the same timeline-cli as the client: a worker that runs another
version refuses the job rather than give different results.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..errors import ToolError
from .parquet import (
    APPLICATION,
    META,
    ParquetError,
    arrow_table,
    fsspec_of,
    is_uri,
    local_path,
    need,
)


@dataclass(frozen=True)
class Item:
    """One input as the workers get it."""

    position: int
    uri: str  # canonical: what identifies the document
    name: str  # as outputs show it (the path as typed, the folder's then the file's name)
    kind: str  # file | row | error
    sidecar: str | None = None  # the URI of its .meta.toml
    row: object = None  # corpus.CorpusRow, its file made absolute, for a row
    reason: str = ""  # for an error


class WorkerMismatch(ToolError):
    exit_code = 2


# --- listing, on the client -------------------------------------------------------------------------

def list_inputs(paths: list[str], glob: str | None = None, fields=None) -> list[Item]:
    """Every input in the order `timeline list` reads them, each with its position and URI."""
    items: list[Item] = []
    for raw in paths:
        found = _remote_items(raw, glob) if is_uri(raw) else _local_items(local_path(raw), glob, fields)
        for item in found:
            items.append(replace(item, position=len(items)))
    return items


def _file_uri(path) -> str:
    from pathlib import Path

    return Path(os.path.abspath(path)).as_uri()


def _local_items(path: str, glob: str | None, fields):
    from pathlib import Path

    from ..corpus import CorpusRow
    from ..documents import InputError, display_path, expand_paths, sidecar_for

    for found in expand_paths([path], glob, fields):
        if isinstance(found, InputError):
            yield Item(0, _file_uri(found.path), found.path, "error", reason=found.reason)
        elif isinstance(found, CorpusRow):
            absolute = os.path.abspath(found.file)
            yield Item(0, _file_uri(absolute) + found.name[len(found.file):], display_path(found.name), "row",
                       row=replace(found, file=absolute))
        else:
            side = sidecar_for(Path(found))
            yield Item(0, _file_uri(found), display_path(found), "file", sidecar=_file_uri(side) if side else None)


def _remote_items(raw: str, glob: str | None):
    """The files of a URI (one file, or a folder walked as documents._walk walks one)."""
    from fnmatch import fnmatchcase
    from posixpath import basename, dirname, splitext

    from ..corpus import is_corpus
    from ..documents import SIDE_SUFFIX, TEXT_SUFFIXES

    fsspec = need("fsspec", "an fsspec URI")
    try:
        fs, root = fsspec.core.url_to_fs(raw)
        if fs.isdir(root):
            names = sorted(fs.find(root))
        elif fs.isfile(root):
            names = [root]
        else:
            yield Item(0, raw, raw, "error", reason="no such file or directory")
            return
    except (ImportError, ValueError) as exc:  # an unknown protocol, or its package missing
        yield Item(0, raw, raw, "error", reason=f"cannot be read ({exc})")
        return
    except OSError as exc:
        yield Item(0, raw, raw, "error", reason=(exc.strerror or str(exc)).lower())
        return
    present = set(names)
    base = root.rstrip("/")
    single = names == [root]

    def walk_key(name: str) -> tuple:
        parts = name[len(base) + 1:].split("/")
        return tuple((1, p) for p in parts[:-1]) + ((0, parts[-1]),)

    wanted = []
    for name in names:
        relative = basename(name) if single else name[len(base) + 1:]
        if not single:
            if any(part.startswith(".") for part in relative.split("/")) or name.endswith(SIDE_SUFFIX):
                continue
            if glob is None and splitext(name)[1].lower() not in TEXT_SUFFIXES:
                continue
            if glob is not None and not (fnmatchcase(basename(name), glob) or fnmatchcase(relative, glob)):
                continue
        wanted.append(name)
    if not single:
        wanted.sort(key=walk_key)
    if not wanted:
        reason = (f"no file matches --glob {glob!r} in this folder" if glob else
                  "no text files in this folder (read: .txt, .md, .html and no suffix; others with --glob)")
        yield Item(0, raw, raw, "error", reason=reason)
        return
    for name in wanted:
        shown = raw if single else raw.rstrip("/") + "/" + name[len(base) + 1:]
        uri = fs.unstrip_protocol(name)
        if is_corpus(name):
            yield Item(0, uri, shown, "error", reason="corpus files are read from local paths only; copy it here")
            continue
        folder, own = dirname(name), basename(name)
        side = next((c for c in (f"{folder}/{splitext(own)[0]}{SIDE_SUFFIX}", f"{folder}/{own}{SIDE_SUFFIX}")
                     if c in present or (single and fs.isfile(c))), None)
        yield Item(0, uri, shown, "file", sidecar=fs.unstrip_protocol(side) if side else None)


# --- on the workers ----------------------------------------------------------------------------------

def read_item(item: Item, settings):
    """The Outcome of one input, read from its URI (engine.analyse_document)."""
    from ..documents import SIDECAR_MAX_BYTES, InputError, os_reason
    from ..engine import analyse_document, sidecar_metadata
    from ..pipeline import Outcome

    if item.kind == "error":
        return Outcome(item.name, error=InputError(item.name, item.reason))
    if item.kind == "row":  # read as the command line reads it (its file's path made absolute)
        from ..engine import whole
        from ..pipeline import read_in_parts

        return whole(read_in_parts(item.row, settings))
    published, title = None, None
    if item.sidecar is not None:
        try:
            with _open(item.sidecar) as handle:
                published, title = sidecar_metadata(handle.read(SIDECAR_MAX_BYTES + 1))
        except OSError:
            pass  # a sidecar that cannot be read says nothing, as on the command line
    try:
        handle = _open(item.uri)
    except OSError as exc:
        return Outcome(item.name, error=InputError(item.name, os_reason(exc)))
    with handle:
        return analyse_document(handle, item.name, published=published, title=title, settings=settings)


def _open(uri: str):
    if uri.startswith("file://"):
        return open(local_path(uri), "rb")  # noqa: SIM115 - the caller closes it
    fsspec = need("fsspec", "an fsspec URI")
    return fsspec.open(uri, "rb").open()


def analyse_partition(items: list[Item], settings, out: str, number: int, groups: int, code: str) -> dict:
    """Read and analyse one partition's inputs; write its rows under `out`; say what it held."""
    from ..engine import group_of, rows_of

    _same_code(code)
    tables: dict[str, list[dict]] = {"documents": [], "mentions": [], "article_events": [], "errors": []}
    for item in items:
        rows = rows_of(read_item(item, settings), position=item.position, uri=item.uri)
        for name, found in rows.items():
            tables[name].extend(found)
    part = f"part-{number:05d}.parquet"
    for name in ("documents", "mentions", "errors"):
        _write(out, f"{name}/{part}", tables[name], name)
    buckets: dict[int, list[dict]] = {}
    for row in tables["article_events"]:
        buckets.setdefault(group_of(row["merge_key"], groups), []).append(row)
    for bucket, rows in buckets.items():
        _write(out, f"article_events/group={bucket:03d}/{part}", rows, "article_events")
    return {"documents": len(tables["documents"]), "mentions": len(tables["mentions"]),
            "article_events": len(tables["article_events"]), "buckets": sorted(buckets),
            "errors": [(r["path"], r["reason"]) for r in tables["errors"]]}


def merge_bucket(out: str, bucket: int, code: str) -> int:
    """Merge one bucket's article events, merge key by merge key; write its timeline."""
    from ..engine import merge_rows

    _same_code(code)
    ds = need("pyarrow.dataset")
    from .parquet import arrow_schema, filesystem

    fs, root = filesystem(out)
    folder = f"{root.rstrip('/')}/article_events/group={bucket:03d}"
    table = ds.dataset(folder, schema=arrow_schema("article_events"), format="parquet",
                       filesystem=fs).to_table(columns=["position", "seq", "data"])
    merged = merge_rows(table.to_pylist())
    _write(out, f"events/group={bucket:03d}/part-00000.parquet", merged, "events")
    return len(merged)


def _write(out: str, name: str, rows: list[dict], table: str) -> None:
    pq = need("pyarrow.parquet")
    data = arrow_table(rows, table)
    if is_uri(out):
        fs, root = fsspec_of(out)
        path = f"{root.rstrip('/')}/{name}"
        fs.makedirs(path.rsplit("/", 1)[0], exist_ok=True)
        with fs.open(path, "wb") as handle:
            pq.write_table(data, handle)
        return
    path = os.path.join(local_path(out), *name.split("/"))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    pq.write_table(data, path)


@lru_cache(maxsize=1)
def code_print() -> str:
    """A fingerprint of this timeline-cli's code and data (the analyses depend on nothing else
    but the inputs and the settings shipped with the job)."""
    from .sqlite import fingerprint

    return fingerprint({}, [])


def _same_code(expected: str) -> None:
    if code_print() != expected:
        from .. import __version__

        raise WorkerMismatch(f"a Dask worker runs another timeline-cli ({__version__}, different code or data) "
                             f"than the client; install the same one on every worker")


# --- the job, from the client --------------------------------------------------------------------------

@dataclass
class Report:
    documents: int = 0
    errors: list = field(default_factory=list)  # (path, reason), empty files included
    mentions: int = 0
    article_events: int = 0
    events: int = 0
    partitions: int = 0
    buckets: int = 0
    workers: int = 0
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return sum(reason != "empty file" for _, reason in self.errors)


def parse_address(value: str) -> tuple[str, int | None]:
    """('local', N) for local or local:N (N: worker processes, default one per CPU), else
    (the scheduler's address, None). Raises ValueError for a bad local:N."""
    text = value.strip()
    if text == "local":
        return "local", os.cpu_count() or 1
    if text.startswith("local:"):
        count = text[len("local:"):]
        if not count.isdigit() or int(count) < 1:
            raise ValueError(f"--dask {value!r}: local:N needs N, a number of worker processes of 1 or more; "
                             f"e.g. --dask local:2")
        return "local", int(count)
    if not text:
        raise ValueError("--dask '' is neither local[:N] nor a scheduler address; e.g. --dask tcp://10.0.0.5:8786")
    return text, None


def build(paths: list[str], settings, address: str, target: str, *, glob: str | None = None, fields=None,
          partitions: int | None = None, merge: str = "auto", options: dict | None = None) -> Report:
    """List the inputs, analyse and merge them on the cluster at `address`, write the dataset."""
    distributed = need("distributed", "--dask")
    need("pyarrow", "--parquet")
    started = time.perf_counter()
    where, workers = parse_address(address)
    items = list_inputs(paths, glob, fields)
    staging = _staging(target)
    report = Report()
    cluster = client = None
    try:
        cluster, client = _connect(distributed, where, workers, address)
        report.workers = len(client.nthreads())
        threads = sum(client.nthreads().values()) or 1
        count = partitions or max(1, min(len(items), 4 * threads))
        count = max(1, min(count, len(items)))
        chunks = [items[i * len(items) // count:(i + 1) * len(items) // count] for i in range(count)]
        code = code_print()
        shipped = client.scatter(settings, broadcast=True)
        futures = client.map(analyse_partition, chunks, [shipped] * count, [staging] * count, range(count),
                             [count] * count, [code] * count, pure=False)
        summaries = client.gather(futures)
        buckets = sorted({b for s in summaries for b in s["buckets"]})
        if merge == "auto" and buckets:
            merged = client.gather(client.map(merge_bucket, [staging] * len(buckets), buckets,
                                              [code] * len(buckets), pure=False))
            report.events = sum(merged)
        report.partitions, report.buckets = count, len(buckets)
        for s in summaries:
            report.documents += s["documents"]
            report.mentions += s["mentions"]
            report.article_events += s["article_events"]
            report.errors.extend(s["errors"])
        report.seconds = time.perf_counter() - started
        meta = {"application": APPLICATION, "schema": _rows_version(), "merge": merge, "buckets": count,
                "indexed_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "options": options or {},
                "inputs": list(paths), "documents": report.documents, "errors": len(report.errors),
                "mentions": report.mentions, "article_events": report.article_events,
                "events": report.events if merge == "auto" else None, "partitions": count}
        _finish(staging, target, meta)
    except BaseException:
        _discard(staging, target)
        raise
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
    return report


def _rows_version() -> int:
    from ..engine import ROWS_VERSION

    return ROWS_VERSION


def _connect(distributed, where: str, workers: int | None, address: str):
    import logging

    if where == "local":
        # No dashboard; the scheduler's own HTTP endpoint takes a free port, so two local jobs at
        # once neither clash on 8787 nor warn about it on stderr.
        cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                           dashboard_address=None, silence_logs=logging.ERROR,
                                           scheduler_kwargs={"dashboard": False, "dashboard_address": ":0"})
        return cluster, distributed.Client(cluster)
    try:
        return None, distributed.Client(where, timeout="10s")
    except (OSError, TimeoutError) as exc:
        raise ParquetError(f"--dask {address}: cannot reach the scheduler ({exc})") from None


# --- where the dataset is written ----------------------------------------------------------------------

def _staging(target: str) -> str:
    """Where the job writes: a new folder beside a local DIR (swapped in at the end), else DIR
    itself after the old dataset's marker is removed (an object store has no rename)."""
    import secrets

    if is_uri(target):
        fs, root = fsspec_of(target)
        if fs.exists(root):
            if not fs.exists(f"{root.rstrip('/')}/{META}") and fs.ls(root):
                raise ParquetError(f"--parquet {target}: not a timeline Parquet dataset and not empty; "
                                   f"left as it is", 2)
            fs.rm(root, recursive=True)
        return target
    path = os.path.abspath(local_path(target))
    if os.path.exists(path):
        if not os.path.isdir(path):
            raise ParquetError(f"--parquet {target}: not a folder; give a folder for the dataset", 2)
        if os.listdir(path) and not os.path.exists(os.path.join(path, META)):
            raise ParquetError(f"--parquet {target}: a folder that holds something else than a timeline "
                               f"Parquet dataset; left as it is (give a new or empty folder)", 2)
    parent = os.path.dirname(path)
    if not os.path.isdir(parent):
        raise ParquetError(f"--parquet {target}: the folder {parent} does not exist", 2)
    staging = f"{path}.partial-{secrets.token_hex(4)}"
    try:
        os.mkdir(staging)
    except OSError as exc:
        raise ParquetError(f"--parquet {target}: cannot write beside it ({(exc.strerror or str(exc)).lower()})") \
            from None
    return staging


def _finish(staging: str, target: str, meta: dict) -> None:
    text = json.dumps(meta, ensure_ascii=False, indent=1) + "\n"
    if is_uri(target):
        fsspec = need("fsspec")
        with fsspec.open(f"{target.rstrip('/')}/{META}", "w", encoding="utf-8") as handle:
            handle.write(text)
        return
    with open(os.path.join(staging, META), "w", encoding="utf-8") as handle:
        handle.write(text)
    import shutil

    path = os.path.abspath(local_path(target))
    old = None
    if os.path.exists(path):
        old = f"{staging}.old"
        os.rename(path, old)
    os.rename(staging, path)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _discard(staging: str, target: str) -> None:
    if is_uri(target):
        return  # no marker was written: readers refuse what is there
    import shutil

    shutil.rmtree(staging, ignore_errors=True)
