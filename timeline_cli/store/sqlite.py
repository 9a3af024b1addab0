"""An SQLite index of analysed articles: `timeline index` writes it, `--db FILE` reads it.

What is kept, per input (a file, or a row of a corpus file): where it is and how it looked
when read (size, modification time and a SHA-256 of its bytes and its sidecar's), its
Document (no text), every mention, its own events; and, over all inputs, the merged
timeline with the columns filters need (dates, type, status, actors, and an FTS5 trigram
index over the Simplified, case-folded title, sentences and actor names). Inputs that could
not be read are kept as errors, in order, so a reading command reports them as it would.

A second `timeline index` re-reads only inputs whose size or time changed and whose bytes
did, forgets inputs that are gone, and re-merges only the date groups (events.merge.merge_key)
its changes touch; a different tool version, entity table or analysis option (the
fingerprint) re-analyses everything. Every run is one transaction: an error, a full disk or
Ctrl-C leaves the index as it was. The database is in WAL mode, so a reader sees the last
complete run while the indexer writes.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from ..errors import ToolError
from ..model import Document, Event, Evidence, Mention, RefDate
from . import codec

_FAR = date.max  # where an event without a date sorts, as events.merge.sort_events puts it
APPLICATION = "timeline-cli index"
SCHEMA_VERSION = 2
BUSY_SECONDS = 10  # how long to wait for another process's write; TIMELINE_DB_TIMEOUT overrides

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,          -- the real path, or the real path of a corpus file # the row's name
    position INTEGER NOT NULL,         -- order among the inputs of the last run
    path TEXT NOT NULL,                -- as shown in every output
    stamp TEXT NOT NULL,               -- size and modification time of the file and its sidecar
    digest TEXT NOT NULL,              -- SHA-256 of the bytes read (and the sidecar's)
    script TEXT NOT NULL,              -- the Document's fields (no text): path above, these, its RefDate
    encoding TEXT NOT NULL,
    title TEXT,
    ref TEXT,                          -- the RefDate (codec), or NULL
    unresolved_events INTEGER NOT NULL,
    unresolved_mentions INTEGER NOT NULL
);
CREATE INDEX sources_script ON sources(script);
CREATE TABLE errors (position INTEGER NOT NULL, path TEXT NOT NULL, reason TEXT NOT NULL);
CREATE TABLE mentions (
    source INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (source, seq)) WITHOUT ROWID;
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    layer TEXT NOT NULL,               -- doc (one article's events) | merged (the timeline)
    source INTEGER REFERENCES sources(id) ON DELETE CASCADE,  -- for layer doc
    seq INTEGER,                       -- order within its article
    merge_key TEXT NOT NULL,
    sort_start TEXT NOT NULL, sort_end TEXT NOT NULL, sort_path TEXT NOT NULL, sort_offset INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    start_date TEXT, end_date TEXT, type TEXT NOT NULL, status TEXT NOT NULL,
    data TEXT NOT NULL,                -- the Event without its evidence (codec)
    evidence TEXT NOT NULL             -- its evidence as columns of distinct values (codec.dumps_columns)
);
CREATE INDEX events_doc ON events(source, seq);
CREATE INDEX events_group ON events(layer, merge_key);
CREATE INDEX events_order ON events(layer, sort_start, sort_end, sort_path, sort_offset, event_id);
CREATE INDEX events_id ON events(layer, event_id);
CREATE TABLE event_actors (
    event INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL, name_key TEXT NOT NULL);
CREATE INDEX event_actors_event ON event_actors(event);
CREATE INDEX event_actors_id ON event_actors(actor_id);
CREATE INDEX event_actors_name ON event_actors(name_key);
CREATE VIRTUAL TABLE merged_text USING fts5(body, tokenize='trigram case_sensitive 1');
CREATE VIRTUAL TABLE article_text USING fts5(body, tokenize='trigram case_sensitive 1');
CREATE VIRTUAL TABLE merged_terms USING fts5vocab(merged_text, 'instance');
CREATE VIRTUAL TABLE article_terms USING fts5vocab(article_text, 'instance');
"""


# The searchable text of an event, per layer: FTS5 trigram tables, rowid = events.id.
TEXT_TABLES = {"merged": "merged_text", "doc": "article_text"}
TERM_TABLES = {"merged": "merged_terms", "doc": "article_terms"}
# After each text of an event: every character of a text then starts a stored trigram, so that
# the trigrams beginning with a one- or two-character term find every text holding it.
TEXT_END = "\n\n"


class IndexError(ToolError):  # noqa: A001 - the index's own error, said in one line
    """The index cannot be opened, read or written; the message says why."""

    def __init__(self, message: str, exit_code: int = 1):
        super().__init__(message)
        self.exit_code = exit_code


# --- opening ---------------------------------------------------------------------------------

def connect(path: str, *, create: bool) -> sqlite3.Connection:
    """An open index: created when `create` and missing; checked to be ours and of a schema this
    tool reads. Raises IndexError with the reason."""
    exists = os.path.exists(path)
    if not exists and not create:
        raise IndexError(f"{path}: no such index (build it with: timeline index PATH... --db {path})", 2)
    if exists:
        _check_header(path)
    try:
        db = sqlite3.connect(path, timeout=_busy_seconds(), isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA foreign_keys = ON")
        if not exists:
            _create(db)
        _check_meta(db, path)
    except sqlite3.DatabaseError as exc:
        raise IndexError(f"{path}: {reason(exc)}") from None
    return db


def _busy_seconds() -> float:
    try:
        return max(0.0, float(os.environ.get("TIMELINE_DB_TIMEOUT", BUSY_SECONDS)))
    except ValueError:
        return BUSY_SECONDS


def _check_header(path: str) -> None:
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except OSError as exc:
        raise IndexError(f"{path}: {(exc.strerror or str(exc)).lower()}") from None
    if os.path.isdir(path):
        raise IndexError(f"{path}: is a folder, not an index", 2)
    if head and head != b"SQLite format 3\x00":
        raise IndexError(f"{path}: not an SQLite database (not a timeline index); left as it is", 2)


def _create(db: sqlite3.Connection) -> None:
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("BEGIN IMMEDIATE")
    for statement in _statements(SCHEMA):
        db.execute(statement)
    db.executemany("INSERT INTO meta VALUES (?, ?)", [("application", APPLICATION),
                                                      ("schema", str(SCHEMA_VERSION))])
    db.execute("COMMIT")


def _statements(script: str) -> list[str]:
    lines = [line.split("--")[0] for line in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def _check_meta(db: sqlite3.Connection, path: str) -> None:
    try:
        meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.DatabaseError:
        raise IndexError(f"{path}: an SQLite database, but not a timeline index; left as it is", 2) from None
    if meta.get("application") != APPLICATION:
        raise IndexError(f"{path}: an SQLite database, but not a timeline index; left as it is", 2)
    version = meta.get("schema", "")
    if not version.isdigit() or int(version) > SCHEMA_VERSION:
        raise IndexError(f"{path}: made by a newer timeline-cli (index schema {version}; this one reads "
                         f"{SCHEMA_VERSION}); upgrade, or build a new index", 2)
    if int(version) < SCHEMA_VERSION:
        raise IndexError(f"{path}: made by an older timeline-cli (index schema {version}); build it again "
                         f"into a new file", 2)


def reason(exc: Exception) -> str:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return f"the index is locked by another process (waited {_busy_seconds():g} s); try again when it is done"
    if "full" in text:
        return "the disk is full; the index was left as it was"
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return "the index file is damaged; build it again into a new file"
    return text


# --- the fingerprint -----------------------------------------------------------------------

def fingerprint(options: dict, entity_files: Iterable[str | None]) -> str:
    """What the analyses depend on besides the inputs: this tool's code and data, the entity
    tables, the options that change an analysis. A change re-analyses everything."""
    import hashlib  # here: a reading command does not need it

    digest = hashlib.sha256(f"schema {SCHEMA_VERSION}\n".encode())
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for folder, subfolders, names in sorted(os.walk(package)):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        for name in sorted(names):
            if name.endswith((".py", ".toml", ".txt", ".json")):
                with open(os.path.join(folder, name), "rb") as handle:
                    digest.update(os.path.relpath(os.path.join(folder, name), package).encode())
                    digest.update(handle.read())
    for path in entity_files:
        if path and os.path.isfile(path):
            with open(path, "rb") as handle:
                digest.update(b"entities\n" + handle.read())
    digest.update(json.dumps(options, sort_keys=True).encode())
    return digest.hexdigest()


# --- what the index knows of an input ------------------------------------------------------------

@dataclass
class Seen:
    """An input as the index last saw it."""

    id: int
    stamp: str
    digest: str
    position: int


def stamp_of(path: str, sidecar: str | None) -> str:
    info = os.stat(path)
    text = f"{info.st_size}:{info.st_mtime_ns}"
    if sidecar is not None:
        side = os.stat(sidecar)
        text += f"|{side.st_size}:{side.st_mtime_ns}"
    return text


def digest_of(chunks: Iterable[bytes]) -> str:
    import hashlib

    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(len(chunk).to_bytes(8, "big"))
        digest.update(chunk)
    return digest.hexdigest()


# --- writing ----------------------------------------------------------------------------------

@dataclass
class Counts:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: int = 0
    groups: int = 0
    rebuilt: bool = False
    stale_keys: set = field(default_factory=set)


class Writer:
    """One run of `timeline index`: everything between `begin` and `commit` is one transaction."""

    def __init__(self, db: sqlite3.Connection, path: str, tell=lambda message: None):
        self.db, self.path, self.tell = db, path, tell
        self.counts = Counts()
        self._open = False

    def begin(self, print_: str, merge: str) -> dict[str, Seen]:
        """Start the transaction; the inputs the index holds (all forgotten when the fingerprint
        or merge mode changed)."""
        self._execute("BEGIN IMMEDIATE")
        self._open = True
        meta = dict(self.db.execute("SELECT key, value FROM meta"))
        if meta.get("fingerprint") != print_ or meta.get("merge") != merge:
            if "fingerprint" in meta:
                self.counts.rebuilt = True
            for table in ("sources", "errors", "events", *TEXT_TABLES.values()):
                self._execute(f"DELETE FROM {table}")
        self.db.execute("DELETE FROM errors")
        return {key: Seen(id_, stamp, digest, position) for key, id_, stamp, digest, position in self.db.execute(
            "SELECT key, id, stamp, digest, position FROM sources")}

    def keep(self, seen: Seen, position: int, stamp: str) -> None:
        self.counts.unchanged += 1
        self._execute("UPDATE sources SET position = ?, stamp = ? WHERE id = ?", (position, stamp, seen.id))

    def forget(self, seen: Seen) -> None:
        self.counts.stale_keys.update(k for (k,) in self.db.execute(
            "SELECT merge_key FROM events WHERE layer = 'doc' AND source = ?", (seen.id,)))
        self._execute("DELETE FROM article_text WHERE rowid IN (SELECT id FROM events WHERE source = ?)", (seen.id,))
        self._execute("DELETE FROM sources WHERE id = ?", (seen.id,))

    def error(self, position: int, path: str, reason: str) -> None:
        """An input that could not be read (an empty one is kept too: a note, not a failure)."""
        if reason != "empty file":
            self.counts.failed += 1
        self.tell(f"{path}: empty; nothing to read" if reason == "empty file" else f"{path}: {reason}; skipped")
        self._execute("INSERT INTO errors VALUES (?, ?, ?)", (position, path, reason))

    def add(self, key: str, position: int, stamp: str, digest: str, analysis, *, changed: bool) -> None:
        """One input's analysis (its Document, every mention, its own events)."""
        from ..events.merge import merge_key

        if changed:
            self.counts.changed += 1
        else:
            self.counts.new += 1
        doc = analysis.document
        unresolved_events = any(e.date.value.startswith("XXXX") for e in analysis.events)
        unresolved_mentions = any(m.value.startswith("XXXX") for m in analysis.mentions)
        cursor = self._execute(
            "INSERT INTO sources (key, position, path, stamp, digest, script, encoding, title, ref, "
            "unresolved_events, unresolved_mentions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (key, position, doc.path, stamp, digest, doc.script, doc.encoding, doc.title,
             codec.dumps(doc.ref) if doc.ref is not None else None, unresolved_events, unresolved_mentions))
        source = cursor.lastrowid
        self.db.executemany("INSERT INTO mentions VALUES (?, ?, ?)",
                            [(source, i, codec.dumps(m)) for i, m in enumerate(analysis.mentions)])
        for seq, event in enumerate(analysis.events):
            key_ = merge_key(event)
            self.counts.stale_keys.add(key_)
            self._insert_event(event, "doc", source, seq, key_)

    def merge(self, merge_mode: str, *, everything: bool) -> None:
        """Re-merge the date groups the run touched (all of them when `everything`)."""
        from ..events.merge import merge_group

        if merge_mode == "none":
            self._execute("DELETE FROM merged_text")
            self._execute("DELETE FROM events WHERE layer = 'merged'")
            return
        keys = {k for (k,) in self.db.execute("SELECT DISTINCT merge_key FROM events WHERE layer = 'doc'")} \
            if everything else set(self.counts.stale_keys)
        keys |= {k for (k,) in self.db.execute("SELECT DISTINCT merge_key FROM events WHERE layer = 'merged'")} \
            if everything else set()
        self.counts.groups = len(keys)
        for key in sorted(keys):
            self._execute("DELETE FROM merged_text WHERE rowid IN "
                          "(SELECT id FROM events WHERE layer = 'merged' AND merge_key = ?)", (key,))
            self._execute("DELETE FROM events WHERE layer = 'merged' AND merge_key = ?", (key,))
            members = [stored_event(data, evidence) for data, evidence in self.db.execute(
                "SELECT e.data, e.evidence FROM events e JOIN sources s ON s.id = e.source "
                "WHERE e.layer = 'doc' AND e.merge_key = ? ORDER BY s.position, e.seq", (key,))]
            for event in merge_group(members):
                self._insert_event(event, "merged", None, None, key)

    def commit(self, print_: str, merge: str, options: dict) -> None:
        now = time.strftime("%Y-%m-%dT%H:%M:%S%z")
        self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", [
            ("fingerprint", print_), ("merge", merge), ("options", json.dumps(options, ensure_ascii=False)),
            ("indexed_at", now)])
        self._execute("COMMIT")
        self._open = False

    def rollback(self) -> None:
        if self._open:
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            self._open = False

    def _insert_event(self, event: Event, layer: str, source, seq, key: str) -> None:
        from ..script import simplified_view

        d = event.date
        first = event.evidence[0] if event.evidence else None
        cursor = self._execute(
            "INSERT INTO events (layer, source, seq, merge_key, sort_start, sort_end, sort_path, sort_offset, "
            "event_id, start_date, end_date, type, status, data, evidence) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (layer, source, seq, key, (d.start_date or _FAR).isoformat(), (d.end_date or _FAR).isoformat(),
             first.path if first else "", first.start if first else 0, event.id,
             d.start_date.isoformat() if d.start_date else None, d.end_date.isoformat() if d.end_date else None,
             event.type, event.status, codec.dumps_apart(event, "evidence"),
             codec.dumps_columns(Evidence, event.evidence)))
        row = cursor.lastrowid
        self.db.executemany("INSERT INTO event_actors VALUES (?, ?, ?)",
                            [(row, a.id, simplified_view(a.name).casefold()) for a in event.actors])
        self._execute(f"INSERT INTO {TEXT_TABLES[layer]} (rowid, body) VALUES (?, ?)", (row, searchable_text(event)))

    def _execute(self, sql: str, args=()):
        try:
            return self.db.execute(sql, args)
        except sqlite3.DatabaseError as exc:
            raise IndexError(f"{self.path}: {reason(exc)}") from None


def searchable_text(event: Event) -> str:
    """What --grep looks in (query.Query's haystacks: title, sentences, actor names), each
    distinct one once, in Simplified and case-folded as the query compares them, each followed
    by TEXT_END."""
    from ..script import simplified_view

    haystacks = dict.fromkeys([event.title, *(ev.sentence for ev in event.evidence), *(a.name for a in event.actors)])
    return "".join(simplified_view(h).casefold() + TEXT_END for h in haystacks)


def stored_event(data: str, evidence: str) -> Event:
    return codec.loads_apart(Event, data, "evidence", codec.loads_columns(Evidence, evidence))


# --- reading ----------------------------------------------------------------------------------

class StoredDocument(NamedTuple):
    source: int
    position: int
    document: Document
    unresolved_events: bool
    unresolved_mentions: bool


class Reader:
    """What the reading commands need, from an index, in the order the files would give."""

    def __init__(self, db: sqlite3.Connection, path: str):
        self.db, self.path = db, path
        self._execute("BEGIN")  # one snapshot for the whole command, whatever an indexer commits meanwhile

    def meta(self) -> dict[str, str]:
        return dict(self._execute("SELECT key, value FROM meta"))

    def documents(self) -> list[StoredDocument]:
        """Every document in input order, built from its columns (references shared when equal:
        a collection has few distinct publication dates)."""
        refs: dict[str, RefDate] = {}
        stored = []
        for source, position, path, script, encoding, title, ref, ue, um in self._execute(
                "SELECT id, position, path, script, encoding, title, ref, unresolved_events, unresolved_mentions "
                "FROM sources ORDER BY position"):
            if ref is not None and ref not in refs:
                refs[ref] = codec.loads(RefDate, ref)
            if type(path) is not str or type(script) is not str or type(encoding) is not str:
                raise IndexError(f"{self.path}: the index file is damaged; build it again into a new file")
            document = Document(path, "", refs[ref] if ref is not None else None, script, encoding, title)
            stored.append(StoredDocument(source, position, document, bool(ue), bool(um)))
        return stored

    def errors(self) -> list[tuple[int, str, str]]:
        return list(self._execute("SELECT position, path, reason FROM errors ORDER BY position"))

    def events(self, *, merged: bool, query=None, grep: str | None = None, event_id: str | None = None) -> list[Event]:
        """The timeline (merged) or every article's events (not merged), in date order; with a
        query, only the events its date, type, status and actor filters can keep, and `grep`
        (Simplified, case-folded) in their text (the trigram table finds a term of three
        characters and more as a phrase, a shorter one as the start of a trigram; the query
        itself still decides); with `event_id`, the events whose id starts with it."""
        layer = "merged" if merged else "doc"
        where, args = ["e.layer = ?"], [layer]
        if query is not None:
            _pushdown(query, where, args)
        if grep and _storable(grep):
            _grep_pushdown(grep, layer, where, args)
        if event_id is not None:
            if not _storable(event_id):
                return []  # no stored id holds a character that is not text
            _prefix_pushdown("e.event_id", event_id, where, args)
        rows = self._execute(
            f"SELECT e.data, e.evidence FROM events e WHERE {' AND '.join(where)} "
            "ORDER BY e.sort_start, e.sort_end, e.sort_path, e.sort_offset, e.event_id", args)
        return [stored_event(data, evidence) for data, evidence in rows]

    def mentions(self, source: int, ids: set[str] | None = None) -> list[Mention]:
        """A document's mentions in order; with `ids`, only those (the others are not decoded)."""
        rows = self._execute("SELECT data FROM mentions WHERE source = ? ORDER BY seq", (source,))
        if ids is None:
            return [codec.loads(Mention, data) for (data,) in rows]
        decode = codec.decoder(Mention)
        found = []
        for (data,) in rows:
            parsed = codec.parsed(Mention, data)
            if type(parsed) is list and parsed and type(parsed[0]) is str and parsed[0] in ids:
                found.append(decode(parsed))
        return found

    def sources_at(self, paths: set[str]) -> list[tuple[int, str]]:
        """(source, path) of the documents shown with these paths, in input order."""
        marks = ", ".join("?" * len(paths))
        return list(self._execute(f"SELECT id, path FROM sources WHERE path IN ({marks}) ORDER BY position",
                                  sorted(paths)))

    def count_documents(self) -> int:
        return self._execute("SELECT count(*) FROM sources").fetchone()[0]

    def scripts(self) -> list[str]:
        """Every document's script (in no particular order: what is asked is how many of each)."""
        return [script for (script,) in self._execute("SELECT script FROM sources INDEXED BY sources_script")]

    def first_ref(self) -> RefDate | None:
        """The reference date of the first document that has one."""
        row = self._execute("SELECT ref FROM sources WHERE ref IS NOT NULL ORDER BY position LIMIT 1").fetchone()
        return codec.loads(RefDate, row[0]) if row else None

    def doc_events(self, source: int) -> list[Event]:
        return [stored_event(data, evidence) for data, evidence in self._execute(
            "SELECT data, evidence FROM events WHERE layer = 'doc' AND source = ? ORDER BY seq", (source,))]

    def stats(self) -> dict:
        one = lambda sql: self._execute(sql).fetchone()[0]  # noqa: E731
        return {
            "sources": one("SELECT count(*) FROM sources"),
            "files": one("SELECT count(DISTINCT CASE WHEN instr(key, '#') > 0 THEN substr(key, 1, instr(key, '#') - 1) "
                         "ELSE key END) FROM sources"),
            "errors": one("SELECT count(*) FROM errors"),
            "mentions": one("SELECT count(*) FROM mentions"),
            "article_events": one("SELECT count(*) FROM events WHERE layer = 'doc'"),
            "events": one("SELECT count(*) FROM events WHERE layer = 'merged'"),
            "first": one("SELECT min(start_date) FROM events"),
            "last": one("SELECT max(end_date) FROM events"),
        }

    def _execute(self, sql: str, args=()):
        try:
            return self.db.execute(sql, args)
        except sqlite3.DatabaseError as exc:
            raise IndexError(f"{self.path}: {reason(exc)}") from None


def _pushdown(query, where: list[str], args: list) -> None:
    """The filters of `query` that SQL decides exactly as Query.apply does."""
    from ..script import simplified_view

    if query.since is not None or query.until is not None:
        where.append("(e.start_date IS NOT NULL OR e.end_date IS NOT NULL)")
    if query.since is not None:
        where.append("coalesce(e.end_date, e.start_date) >= ?")
        args.append(query.since.isoformat())
    if query.until is not None:
        where.append("coalesce(e.start_date, e.end_date) <= ?")
        args.append(query.until.isoformat())
    if query.types:
        where.append(f"e.type IN ({', '.join('?' * len(query.types))})")
        args.extend(query.types)
    if query.statuses:
        where.append(f"e.status IN ({', '.join('?' * len(query.statuses))})")
        args.extend(query.statuses)
    if query.actors:
        names = [simplified_view(a).casefold() for a in query.actors]
        marks = ", ".join("?" * len(query.actors))
        where.append(f"e.id IN (SELECT event FROM event_actors WHERE actor_id IN ({marks}) "
                     f"OR name_key IN ({marks}))")
        args.extend(query.actors)
        args.extend(names)


def _storable(text: str) -> bool:
    """Whether SQLite can be given `text` (an argument may hold lone surrogates for bytes that are
    not UTF-8; no stored text does)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _grep_pushdown(grep: str, layer: str, where: list[str], args: list) -> None:
    """The events whose searchable text holds `grep`: a term of three characters or more is a
    trigram phrase; a shorter one begins a trigram (see TEXT_END), found in the vocabulary."""
    if len(grep) >= 3:
        table = TEXT_TABLES[layer]
        where.append(f"e.id IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)")
        args.append('"' + grep.replace('"', '""') + '"')
        return
    term_where: list[str] = []
    _prefix_pushdown("term", grep, term_where, args)
    where.append(f"e.id IN (SELECT doc FROM {TERM_TABLES[layer]} WHERE {' AND '.join(term_where)})")


def _prefix_pushdown(column: str, prefix: str, where: list[str], args: list) -> None:
    """`column` starts with `prefix`: a range an index (or the FTS5 vocabulary) can seek, and the
    exact test."""
    where.append(f"{column} >= ?")
    args.append(prefix)
    after = _next_text(prefix)
    if after is not None:
        where.append(f"{column} < ?")
        args.append(after)
    where.append(f"substr({column}, 1, ?) = ?")
    args.extend([len(prefix), prefix])


def _next_text(prefix: str) -> str | None:
    """The least text after every text that starts with `prefix` (in code point order, which is
    SQLite's UTF-8 byte order), or None when there is none."""
    if not prefix:
        return None
    code = ord(prefix[-1]) + 1
    if 0xD800 <= code <= 0xDFFF:
        code = 0xE000  # surrogates are no characters of stored text
    if code > 0x10FFFF:
        return _next_text(prefix[:-1])
    return prefix[:-1] + chr(code)
