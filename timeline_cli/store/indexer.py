"""One run of `timeline index`: which inputs changed, their analysis, the index brought up to date."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from .sqlite import Counts, IndexError, Writer, connect, digest_of, fingerprint, reason, stamp_of


@dataclass
class Report:
    counts: Counts
    seconds: float


@dataclass
class Pending:
    """An input to analyse: where it goes in the index."""

    position: int
    key: str
    stamp: str
    digest: str
    source: object
    changed: bool


def index(read, manners, db: str, tell=lambda message: None) -> Report:
    """Bring the index `db` up to date with the inputs of `read` (cli.options.Reading);
    `tell` hears of each input that could not be read, as a reading command says it."""
    from ..cli.common import settings_for
    from ..documents import InputError, display_path, expand_paths, os_reason
    from ..events.entities import user_entities_path

    started = time.perf_counter()
    settings = settings_for(read, events=True, mentions="all")
    options = {"ref_date": read.ref_date, "encoding": read.encoding, "merge": read.merge,
               "text_field": read.text_field, "date_field": read.date_field, "id_field": read.id_field,
               "entities": os.path.abspath(read.entities) if read.entities else None}
    print_ = fingerprint({k: v for k, v in options.items() if k != "entities"},
                         [read.entities, str(user_entities_path())])
    items = list(expand_paths(read.paths, read.glob, read.fields()))
    db_connection = connect(db, create=True)
    writer = Writer(db_connection, db, tell)
    try:
        seen = writer.begin(print_, read.merge)
        old_order = sorted(seen.values(), key=lambda s: s.position)
        pending: list[Pending] = []
        kept_positions: dict[int, int] = {}
        for position, item in enumerate(items):
            if isinstance(item, InputError):
                writer.error(position, item.path, item.reason)
                continue
            try:
                key, stamp = _key_and_stamp(item)
            except OSError as exc:  # gone since the folder was listed
                writer.error(position, display_path(item), os_reason(exc))
                continue
            known = seen.pop(key, None)
            if known is not None and known.stamp == stamp:
                writer.keep(known, position, stamp)
                kept_positions[known.id] = position
                continue
            try:
                digest = _digest(item)
            except OSError as exc:
                writer.error(position, display_path(item), os_reason(exc))
                continue
            if known is not None and known.digest == digest:
                writer.keep(known, position, stamp)
                kept_positions[known.id] = position
                continue
            if known is not None:
                writer.forget(known)
            pending.append(Pending(position, key, stamp, digest, item, known is not None))
        for gone in seen.values():
            writer.forget(gone)
            writer.counts.removed += 1
        _analyse(pending, settings, read, manners, writer)
        reordered = [s.id for s in old_order if s.id in kept_positions] != \
            sorted(kept_positions, key=kept_positions.get)
        writer.merge(read.merge, everything=writer.counts.rebuilt or reordered)
        writer.commit(print_, read.merge, options)
    except sqlite3.DatabaseError as exc:
        writer.rollback()
        raise IndexError(f"{db}: {reason(exc)}") from None
    except BaseException:
        writer.rollback()
        raise
    finally:
        db_connection.close()
    return Report(writer.counts, time.perf_counter() - started)


def _analyse(pending: list[Pending], settings, read, manners, writer: Writer) -> None:
    from ..cli.common import worker_count
    from ..pipeline import analyse_inputs

    sources = [p.source for p in pending]
    outcomes = analyse_inputs(sources, settings, jobs=worker_count(read.jobs, len(sources), manners.quiet))
    with closing(outcomes):
        for item, outcome in zip(pending, outcomes, strict=True):
            if outcome.error is not None:
                writer.error(item.position, outcome.error.path, outcome.error.reason)
                continue
            writer.add(item.key, item.position, item.stamp, item.digest, outcome.analysis, changed=item.changed)


def _key_and_stamp(item) -> tuple[str, str]:
    """The input's key in the index (its real path; a corpus row's after its file's) and the
    cheap stamp that says it is unchanged (sizes and times, of its sidecar too)."""
    from ..corpus import CorpusRow
    from ..documents import sidecar_for

    if isinstance(item, CorpusRow):
        real = os.path.realpath(item.file)
        return f"{real}#{item.name[len(item.file):]}", f"{stamp_of(item.file, None)}@{item.offset}+{item.length}"
    path = Path(item)
    side = sidecar_for(path)
    return os.path.realpath(path), stamp_of(str(path), str(side) if side else None)


def _digest(item) -> str:
    """SHA-256 of the bytes the analysis reads: the file and its sidecar, or the corpus row."""
    from ..corpus import CorpusRow
    from ..documents import sidecar_for

    if isinstance(item, CorpusRow):
        with open(item.file, "rb") as handle:
            handle.seek(item.offset)
            return digest_of([handle.read(item.length)])
    side = sidecar_for(Path(item))
    digest = hashlib.sha256()
    for name in (str(item), str(side) if side else None):
        digest.update(b"\0next\0")
        if name is not None:
            with open(name, "rb") as handle:
                while block := handle.read(1 << 20):
                    digest.update(block)
    return digest.hexdigest()
