"""A Parquet dataset of analysed articles: `timeline index --dask … --parquet DIR` writes it,
every reading command reads it with `--parquet DIR`.

    DIR/_timeline.json                                what the dataset is; written last
    DIR/documents/part-NNNNN.parquet                  one file per analysis partition
    DIR/mentions/part-NNNNN.parquet
    DIR/errors/part-NNNNN.parquet
    DIR/article_events/group=GGG/part-NNNNN.parquet   article events by merge-key bucket
    DIR/events/group=GGG/part-00000.parquet           the timeline, merged bucket by bucket

The tables' columns are engine.SCHEMAS (docs/parquet.md). A bucket (engine.group_of) holds
whole merge keys, so each bucket is merged by one task on its own. `_timeline.json` names
the application and schema version, the options the analyses depend on, the merge mode and
the counts; a folder without it is no dataset (a run that did not finish leaves none).

pyarrow is imported only here, and only when a dataset is written or read.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import cache

from ..errors import ToolError
from ..model import Document, Event, Mention

APPLICATION = "timeline-cli parquet"
META = "_timeline.json"
TABLES = ("documents", "mentions", "errors", "article_events", "events")
INSTALL_HINT = "pip install 'timeline-cli[distributed]'"


class ParquetError(ToolError):
    """The dataset cannot be opened, read or written; the message says why."""

    def __init__(self, message: str, exit_code: int = 1):
        super().__init__(message)
        self.exit_code = exit_code


def need(module: str, what: str = "--parquet"):
    """Import one of the extra's modules, or say in one line how to get it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        top = module.split(".")[0]
        raise ParquetError(f"{what} needs {top}, which is not installed; install the extra: {INSTALL_HINT}",
                           2) from None


# --- the schema -----------------------------------------------------------------------------------

@cache
def arrow_schema(table: str):
    """The pyarrow schema of one table of engine.SCHEMAS."""
    pa = need("pyarrow")
    from ..engine import SCHEMAS

    types = {"int64": pa.int64(), "int32": pa.int32(), "string": pa.string(), "bool": pa.bool_(),
             "date32": pa.date32(), "list<string>": pa.list_(pa.string())}
    return pa.schema([pa.field(name, types[kind], nullable=nullable) for name, kind, nullable in SCHEMAS[table]])


def arrow_table(rows: list[dict], table: str):
    pa = need("pyarrow")
    return pa.Table.from_pylist(rows, schema=arrow_schema(table))


# --- where a dataset lives -------------------------------------------------------------------------

def is_uri(location: str) -> bool:
    return "://" in location and not location.startswith("file://")


def local_path(location: str) -> str:
    """A local folder for a path or a file:// URI."""
    if location.startswith("file://"):
        from urllib.parse import unquote, urlparse

        return unquote(urlparse(location).path)
    return location


def filesystem(location: str):
    """(pyarrow filesystem or None for the local one, root path) of a folder or URI."""
    if not is_uri(location):
        return None, os.path.abspath(local_path(location))
    pafs = need("pyarrow.fs")
    fs, root = fsspec_of(location)
    return pafs.PyFileSystem(pafs.FSSpecHandler(fs)), root


def fsspec_of(location: str):
    """(fsspec filesystem, path) of a URI; a protocol whose package is missing is one line."""
    fsspec = need("fsspec", location)
    try:
        return fsspec.core.url_to_fs(location)
    except (ImportError, ValueError) as exc:
        raise ParquetError(f"{location}: cannot be reached ({exc})", 2) from None


# --- reading --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class StoredDocument:
    position: int
    document: Document
    unresolved_events: bool
    unresolved_mentions: bool


class Reader:
    """What the reading commands need, from a dataset, in the order the files would give."""

    def __init__(self, location: str):
        need("pyarrow")
        self.location = location
        self.fs, self.root = filesystem(location)
        self._meta = self._read_meta()

    def meta(self) -> dict:
        return self._meta

    def documents(self) -> list[StoredDocument]:
        from . import codec

        table = self._table("documents", ["position", "unresolved_events", "unresolved_mentions", "data"])
        rows = sorted(table.to_pylist(), key=lambda r: r["position"])
        return self._decoded(lambda: [StoredDocument(r["position"], codec.loads(Document, r["data"]),
                                                     bool(r["unresolved_events"]), bool(r["unresolved_mentions"]))
                                      for r in rows])

    def errors(self) -> list[tuple[int, str, str]]:
        table = self._table("errors", ["position", "path", "reason"])
        return sorted((r["position"], r["path"], r["reason"]) for r in table.to_pylist())

    def events(self, *, merged: bool, query=None, id_prefix: str | None = None) -> list[Event]:
        """The timeline (merged) or every article's events, in date order; with a query, only
        the events its date, type and status filters can keep (the query itself still decides);
        with `id_prefix`, only those whose id begins with it."""
        from ..events.merge import sort_events
        from . import codec

        where = _pushdown(query)
        if id_prefix is not None:
            ds = need("pyarrow.dataset")
            pc = need("pyarrow.compute")
            by_id = pc.starts_with(ds.field("event_id"), id_prefix)
            where = by_id if where is None else where & by_id
        table = self._table("events" if merged else "article_events", ["data"], where)
        data = table.column("data").to_pylist()
        return self._decoded(lambda: sort_events([codec.loads(Event, text) for text in data]))

    def mentions(self, positions: set[int] | None = None) -> dict[int, list[Mention]]:
        """Every document's mentions (or those of `positions`), in order, by document position."""
        from . import codec

        where = None
        if positions is not None:
            ds = need("pyarrow.dataset")
            where = ds.field("position").isin(sorted(positions))
        rows = self._table("mentions", ["position", "seq", "data"], where).to_pylist()
        rows.sort(key=lambda r: (r["position"], r["seq"]))
        found: dict[int, list[Mention]] = {}

        def decode():
            for r in rows:
                found.setdefault(r["position"], []).append(codec.loads(Mention, r["data"]))
            return found

        return self._decoded(decode)

    def _read_meta(self) -> dict:
        name = self._join(META)
        try:
            if self.fs is None:
                if not os.path.exists(self.root):
                    raise ParquetError(f"{self.location}: no such dataset (build it with: timeline index PATH... "
                                       f"--dask local --parquet {self.location})", 2)
                if not os.path.isdir(self.root):
                    raise ParquetError(f"{self.location}: not a folder; --parquet reads the folder that "
                                       f"timeline index --parquet wrote", 2)
                with open(name, "rb") as handle:
                    raw = handle.read(1 << 20)
            else:
                with self.fs.open_input_stream(name) as handle:
                    raw = handle.read(1 << 20)
        except FileNotFoundError:
            raise ParquetError(f"{self.location}: not a timeline Parquet dataset (no {META}; an index run that "
                               f"did not finish leaves none); build it again", 2) from None
        except OSError as exc:
            raise ParquetError(f"{self.location}: {(exc.strerror or str(exc)).lower()}") from None
        try:
            meta = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            meta = None
        if not isinstance(meta, dict) or meta.get("application") != APPLICATION:
            raise ParquetError(f"{self.location}: {META} is damaged or not timeline-cli's; build the dataset "
                               f"again", 2)
        from ..engine import ROWS_VERSION

        version = meta.get("schema")
        if not isinstance(version, int) or version > ROWS_VERSION:
            raise ParquetError(f"{self.location}: made by a newer timeline-cli (Parquet schema {version}; this one "
                               f"reads {ROWS_VERSION}); upgrade, or build the dataset again", 2)
        if version < ROWS_VERSION:
            raise ParquetError(f"{self.location}: made by an older timeline-cli (Parquet schema {version}); "
                               f"build it again", 2)
        return meta

    def _join(self, *names: str) -> str:
        return "/".join([self.root.rstrip("/"), *names]) if self.fs is not None else os.path.join(self.root, *names)

    def _table(self, name: str, columns: list[str], where=None):
        """One table (every part file under DIR/name), these columns, rows `where` keeps."""
        pa = need("pyarrow")
        ds = need("pyarrow.dataset")
        folder = self._join(name)
        try:
            if self.fs is None and not os.path.isdir(folder):
                return arrow_schema(name).empty_table().select(columns)
            dataset = ds.dataset(folder, schema=arrow_schema(name), format="parquet", filesystem=self.fs,
                                 exclude_invalid_files=False)
            return dataset.to_table(columns=columns, filter=where)
        except FileNotFoundError:
            return arrow_schema(name).empty_table().select(columns)
        except (pa.ArrowException, OSError, ValueError) as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ParquetError(f"{self.location}: the {name} table is damaged ({first[:160]}); build the "
                               f"dataset again") from None

    def _decoded(self, work):
        from .codec import StoreError

        try:
            return work()
        except StoreError as exc:
            raise ParquetError(f"{self.location}: a stored row is damaged ({exc}); build the dataset again") from None


def _pushdown(query):
    """The filters of `query` that Arrow decides exactly as Query.apply does (dates, type, status)."""
    if query is None:
        return None
    ds = need("pyarrow.dataset")
    pc = need("pyarrow.compute")
    where = []
    start, end = ds.field("start_date"), ds.field("end_date")
    if query.since is not None or query.until is not None:
        where.append(start.is_valid() | end.is_valid())
    if query.since is not None:
        where.append(pc.coalesce(end, start) >= query.since)
    if query.until is not None:
        where.append(pc.coalesce(start, end) <= query.until)
    if query.types:
        where.append(ds.field("type").isin(list(query.types)))
    if query.statuses:
        where.append(ds.field("status").isin(list(query.statuses)))
    if not where:
        return None
    combined = where[0]
    for more in where[1:]:
        combined = combined & more
    return combined
