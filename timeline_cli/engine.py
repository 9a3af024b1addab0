"""The library under every engine: one document in, rows out, one date group merged.

A distributed engine (Dask in `timeline index --dask`, Spark in docs/engines.md, or any other
that maps a function over records and groups rows by a key) needs four things, and this
module gives them as plain functions of plain data. Nothing here imports Dask, Spark or
pyarrow, and nothing reads a file: the caller hands over bytes, names and settings.

    settings = make_settings(ref_date=None, entities_file=None)    # on the caller's machine
    outcome = analyse_document(data, "news/a.txt", published=date(2025, 11, 20), settings=settings)
    rows = rows_of(outcome, position=0, uri="file:///srv/news/a.txt")
    merged = merge_rows(rows["article_events"])                    # per merge key, anywhere

- `make_settings` fixes how every document is read (reference date, encoding) and carries
  the entity table as data (`entity_data`): a worker never reads its own config or any file.
- `analyse_document` analyses one document from its bytes (or a binary file object, read
  block by block), its name (as outputs show it) and an optional publication date and title
  (a sidecar's, see `sidecar_metadata`). It never raises for bad input: the outcome carries
  the reason instead.
- `rows_of` turns an outcome into rows for the tables of `SCHEMAS` (documents, mentions,
  article_events, errors): typed columns for what filters need, and each model object whole
  as the compact JSON of store/codec.py in `data`.
- `merge_key(event)` is an event's date group; `merge_rows` merges the article events of one
  or more groups and gives the rows of the `events` table. The result depends only on the
  rows, never on their order or on how they were partitioned: rows are put in the order of
  their documents' `position` (a stable key the caller gives each document), then their own
  order (`seq`), which is the order `timeline list` reads them in.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable
from datetime import date, time
from pathlib import Path

from .events.merge import merge_group, merge_key
from .model import Document, Entity, Event, Mention
from .pipeline import Outcome, Settings

__all__ = ["SCHEMAS", "ROWS_VERSION", "entity_data", "make_settings", "analyse_document", "sidecar_metadata",
           "whole", "rows_of", "merge_key", "merge_group", "merge_rows", "group_of", "events_of", "mentions_of",
           "document_of"]

ROWS_VERSION = 1  # the version of SCHEMAS; a change that breaks a reader needs a new one

# Each table's columns in order: (name, Arrow type, nullable). Types are named as pyarrow
# prints them; store/parquet.py builds the pyarrow schema from this.
_EVENT_COLUMNS = (
    ("merge_key", "string", False),       # the date group (events.merge.merge_key)
    ("event_id", "string", False),        # e-… (64 bits; a merged event's from its members')
    ("start_date", "date32", True),       # the resolved interval; null for a date nobody can place
    ("end_date", "date32", True),
    ("type", "string", False),            # join, leave, release, …
    ("status", "string", False),          # occurred, planned, predicted, reported, negated, …
    ("actor_ids", "list<string>", False),   # canonical entity ids
    ("actor_names", "list<string>", False),  # the names as written, Simplified and case-folded (--actor NAME)
    ("doc_keys", "list<string>", False),   # content keys of the documents that tell it
    ("data", "string", False),            # the Event (store/codec.py JSON)
)
SCHEMAS: dict[str, tuple[tuple[str, str, bool], ...]] = {
    "documents": (
        ("position", "int64", False),     # the document's place among the inputs (the stable sort key)
        ("uri", "string", False),         # canonical: file:///abs/path, s3://bucket/key, a corpus row's URI#id
        ("path", "string", False),        # as every output shows it
        ("doc_key", "string", False),     # SHA-256 of the text as analysed (events.identity)
        ("ref_date", "date32", True),
        ("ref_date_source", "string", True),  # option | metadata | text | inferred
        ("script", "string", False),      # hant | hans | mixed | other
        ("encoding", "string", False),
        ("mentions", "int32", False),
        ("events", "int32", False),
        ("unresolved_events", "bool", False),    # a date of its events or their mentions lacks a reference
        ("unresolved_mentions", "bool", False),  # a date of any mention lacks a reference
        ("data", "string", False),        # the Document without its text (codec JSON)
    ),
    "mentions": (
        ("position", "int64", False),
        ("seq", "int32", False),          # order in the document
        ("doc_key", "string", False),
        ("mention_id", "string", False),  # m1, m2, … within the document
        ("type", "string", False),        # DATE | TIME | DURATION | SET
        ("value", "string", False),       # TIMEX3 value
        ("start_date", "date32", True),
        ("end_date", "date32", True),
        ("data", "string", False),        # the Mention (codec JSON)
    ),
    "article_events": (
        ("position", "int64", False),
        ("seq", "int32", False),          # order in the document (its events sorted by date)
        ("doc_key", "string", False),
        *_EVENT_COLUMNS,
    ),
    "events": (                           # the timeline: article events merged per merge key
        *_EVENT_COLUMNS,
        ("sources", "int32", False),      # how many documents tell it
    ),
    "errors": (
        ("position", "int64", False),
        ("uri", "string", False),
        ("path", "string", False),
        ("reason", "string", False),      # as `timeline list` says it ("empty file" is a note, not an error)
    ),
}


# --- settings -----------------------------------------------------------------------------------

def entity_data(entities_file: str | Path | None = None) -> tuple[Entity, ...]:
    """The entity table as data: the shipped table, this machine's user config
    ($XDG_CONFIG_HOME/timeline-cli/entities.toml) and `entities_file`, as `timeline list`
    reads them here. Raises events.entities.EntityFileError for a broken file."""
    from .events.entities import load_table

    return load_table(Path(entities_file) if entities_file else None).entities


def make_settings(ref_date: date | None = None, *, ref_clock: time | None = None, encoding: str | None = None,
                  entities: tuple[Entity, ...] | None = None, entities_file: str | Path | None = None) -> Settings:
    """How every document of a job is read: the reference date (`--ref-date`), the encoding
    (`--encoding`; None detects it), and the entity table as data (`entities`, else read here
    with `entity_data(entities_file)`). Keeps every mention; the result pickles small."""
    table = entities if entities is not None else entity_data(entities_file)
    return Settings(ref_option=ref_date, events=True, entities_file=None, encoding=encoding, mentions="all",
                    ref_clock=ref_clock, entities=tuple(table))


# --- one document --------------------------------------------------------------------------------

def analyse_document(data: bytes | str | io.BufferedIOBase, name: str, *, published: date | None = None,
                     title: str | None = None, settings: Settings | None = None) -> Outcome:
    """Analyse one document: `data` is its bytes (decoded as `settings.encoding`, else detected),
    a binary file object (read in blocks: any size fits in bounded memory) or already its
    text; `name` is what outputs call it; `published` and `title` what its sidecar or row
    says. Returns an Outcome: `.analysis` (every mention, the events named from the text's
    content key) and `.key` (that key), or `.error` with the reason (undecodable, empty …)."""
    from .documents import OpenInput
    from .pipeline import read_opened_in_parts

    settings = settings or make_settings()
    encoding = settings.encoding
    if isinstance(data, str):
        data, encoding = data.encode("utf-8", "surrogatepass"), "utf-8"
    handle = io.BytesIO(data) if isinstance(data, (bytes, bytearray, memoryview)) else data

    def opener():
        return OpenInput(name, handle, encoding, close=False, published=published, title=title)

    return whole(read_opened_in_parts(name, settings, opener))


def whole(outcomes) -> Outcome:
    """One Outcome, with the document's content key, from the outcomes of its parts
    (pipeline.read_in_parts): the joined analysis, or the first problem."""
    from .pipeline import joined

    parts, key = [], ""
    for outcome in outcomes:
        if outcome.error is not None:
            return outcome
        parts.append(outcome.analysis)
        key = outcome.key or key
    return Outcome(parts[-1].document.path, joined(parts), key=key)


def sidecar_metadata(data: bytes | None) -> tuple[date | None, str | None]:
    """(published, title) from the bytes of a `<file>.meta.toml` sidecar, read as
    documents.read_sidecar reads one: a broken or oversized sidecar says nothing."""
    import tomllib

    from .documents import SIDECAR_MAX_BYTES, parse_published

    if data is None or len(data) > SIDECAR_MAX_BYTES:
        return None, None
    try:
        meta = tomllib.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return None, None
    title = meta.get("title")
    return parse_published(meta.get("published")), title if isinstance(title, str) else None


# --- rows ----------------------------------------------------------------------------------------------

def rows_of(outcome: Outcome, *, position: int, uri: str) -> dict[str, list[dict]]:
    """The rows of one document for the tables of SCHEMAS (an error row for a failed one).
    `position` is the document's stable place among the inputs; `uri` its canonical name."""
    from .pipeline import cited
    from .store import codec

    tables: dict[str, list[dict]] = {"documents": [], "mentions": [], "article_events": [], "errors": []}
    if outcome.error is not None:
        tables["errors"].append({"position": position, "uri": uri, "path": outcome.error.path,
                                 "reason": outcome.error.reason})
        return tables
    analysis = outcome.analysis
    doc, mentions, events = analysis.document, analysis.mentions, analysis.events
    ref = doc.ref
    tables["documents"].append({
        "position": position, "uri": uri, "path": doc.path, "doc_key": outcome.key,
        "ref_date": ref.date if ref else None, "ref_date_source": ref.source if ref else None,
        "script": doc.script, "encoding": doc.encoding, "mentions": len(mentions), "events": len(events),
        "unresolved_events": _unresolved(cited(list(mentions), list(events)), events),
        "unresolved_mentions": _unresolved(mentions, ()),
        "data": codec.dumps(doc)})
    for seq, m in enumerate(mentions):
        tables["mentions"].append({
            "position": position, "seq": seq, "doc_key": outcome.key, "mention_id": m.id, "type": m.type,
            "value": m.value, "start_date": m.start_date, "end_date": m.end_date, "data": codec.dumps(m)})
    for seq, event in enumerate(events):
        tables["article_events"].append({"position": position, "seq": seq, "doc_key": outcome.key,
                                         **_event_columns(event)})
    return tables


def _unresolved(mentions, events) -> bool:
    """Whether a date needed the reference date the document lacks (XXXX-04, XXXX-XX-XX)."""
    return any(m.value.startswith("XXXX") for m in mentions) or any(e.date.value.startswith("XXXX") for e in events)


def _event_columns(event: Event) -> dict:
    from .script import simplified_view
    from .store import codec

    d = event.date
    return {"merge_key": merge_key(event), "event_id": event.id, "start_date": d.start_date,
            "end_date": d.end_date, "type": event.type, "status": event.status,
            "actor_ids": [a.id for a in event.actors],
            "actor_names": [simplified_view(a.name).casefold() for a in event.actors],
            "doc_keys": list(dict.fromkeys(ev.doc for ev in event.evidence if ev.doc)),
            "data": codec.dumps(event)}


def merge_rows(rows: Iterable[dict]) -> list[dict]:
    """The `events` rows of article_events rows of one or more merge keys: each key's events
    merged (events.merge.merge_group) in the order of (position, seq), whatever the order of
    `rows`. Only position, seq and data are read, so rows may come from any engine."""
    from .store import codec

    by_key: dict[str, list[tuple[int, int, Event]]] = {}
    for row in rows:
        event = codec.loads(Event, row["data"])
        by_key.setdefault(merge_key(event), []).append((int(row["position"]), int(row["seq"]), event))
    merged = []
    for key in sorted(by_key):
        ordered = [event for _, _, event in sorted(by_key[key], key=lambda item: item[:2])]
        for event in merge_group(ordered):
            merged.append({**_event_columns(event), "sources": event.sources})
    return merged


def group_of(key: str, groups: int) -> int:
    """The bucket (0 … groups-1) of a merge key: the same on every machine and every run."""
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).digest()
    return int.from_bytes(digest[:8], "big") % groups


# --- back from rows ------------------------------------------------------------------------------------

def events_of(rows: Iterable[dict]) -> list[Event]:
    """The Events of rows of article_events or events, in date order (events.merge.sort_events)."""
    from .events.merge import sort_events
    from .store import codec

    return sort_events([codec.loads(Event, row["data"]) for row in rows])


def mentions_of(rows: Iterable[dict]) -> list[Mention]:
    from .store import codec

    return [codec.loads(Mention, row["data"]) for row in rows]


def document_of(row: dict) -> Document:
    from .store import codec

    return codec.loads(Document, row["data"])
