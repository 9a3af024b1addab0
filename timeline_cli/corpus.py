"""Corpus files: JSON Lines or CSV with one article per row, read as one document per row.

A row's text comes from the first of the text fields it has (text, content, body,
article, or --text-field), its publication date from a date field (published, date,
pubdate, published_at, time, or --date-field), its name from an id field (id, url, guid,
link, or --id-field): documents are named FILE#ID, or FILE:N (N the row's line, counting
the header) when a row has no id. The file is scanned once when the inputs are listed,
noting where each row lies; each row is read again only when it is analysed, so a corpus
of any size is never held in memory. A row that cannot be used (not a JSON object, no text
field, a text that is not a string) is an input error of that row alone.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

CORPUS_SUFFIXES = (".jsonl", ".ndjson", ".csv")
TEXT_FIELDS = ("text", "content", "body", "article")
DATE_FIELDS = ("published", "date", "pubdate", "published_at", "publish_time", "time")
ID_FIELDS = ("id", "url", "guid", "link")
TITLE_FIELDS = ("title", "headline")
MAX_ROW_BYTES = 64 << 20  # an article is far smaller; a bigger "row" is a broken file


@dataclass(frozen=True, slots=True)
class Fields:
    """Which fields of a row hold the text, the date and the id (None: the usual names)."""

    text: str | None = None
    date: str | None = None
    id: str | None = None

    def texts(self) -> tuple[str, ...]:
        return (self.text,) if self.text else TEXT_FIELDS

    def dates(self) -> tuple[str, ...]:
        return (self.date,) if self.date else DATE_FIELDS

    def ids(self) -> tuple[str, ...]:
        return (self.id,) if self.id else ID_FIELDS


@dataclass(frozen=True, slots=True)
class CorpusRow:
    """Where one article of a corpus file lies: enough to read it again."""

    file: str  # the corpus file, as given
    name: str  # FILE#ID or FILE:N, the document's path in every output
    offset: int  # bytes into the file
    length: int
    kind: str  # jsonl | csv
    header: tuple[str, ...] = ()  # a CSV file's column names
    fields: Fields = Fields()

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class RowError:
    """A row of a corpus file that could not be read, and why."""

    name: str
    reason: str


def is_corpus(path: str) -> bool:
    return path.lower().endswith(CORPUS_SUFFIXES)


def scan(path: str, fields: Fields) -> Iterator[CorpusRow | RowError]:
    """Every row of a corpus file, in order, or the reason it cannot be used."""
    kind = "csv" if path.lower().endswith(".csv") else "jsonl"
    with open(path, "rb") as handle:
        rows = _csv_rows(handle) if kind == "csv" else _json_rows(handle)
        header: tuple[str, ...] = ()
        for number, offset, raw in rows:
            if kind == "csv" and not header:
                header = tuple(next(csv.reader(io.StringIO(_decoded(raw).lstrip("\ufeff"))), []))
                continue
            where = f"{path}:{number}"
            try:
                record = _record(raw, kind, header)
                _text_of(record, fields)
            except ValueError as exc:
                yield RowError(where, str(exc))
                continue
            key = _first(record, fields.ids())
            name = f"{path}#{key}" if isinstance(key, (str, int)) and str(key).strip() else where
            yield CorpusRow(path, name, offset, len(raw), kind, header, fields)


def read_row(row: CorpusRow) -> tuple[str, date | None, str | None]:
    """(text, publication date, title) of one row, read again from its file."""
    with open(row.file, "rb") as handle:
        handle.seek(row.offset)
        raw = handle.read(row.length)
    if len(raw) != row.length:
        raise ValueError("the corpus file changed while it was read")
    record = _record(raw, row.kind, row.header)
    from .documents import parse_published

    published = _first(record, row.fields.dates())
    title = _first(record, TITLE_FIELDS)
    return _text_of(record, row.fields), parse_published(_date_text(published)), \
        title if isinstance(title, str) else None


def _json_rows(handle) -> Iterator[tuple[int, int, bytes]]:
    offset = 0
    for number, line in enumerate(handle, start=1):
        if len(line) > MAX_ROW_BYTES:
            raise ValueError(f"line {number} is over {MAX_ROW_BYTES >> 20} MB: not a corpus of articles")
        if line.strip():
            yield number, offset, line
        offset += len(line)


def _csv_rows(handle) -> Iterator[tuple[int, int, bytes]]:
    """Each CSV record with its first line's number and its byte offset: csv.reader asks for
    one more line only while a quoted field is open, so what it took is the record."""
    taken: list[bytes] = []

    def lines():
        for line in handle:
            taken.append(line)
            yield _decoded(line)

    reader = csv.reader(lines())
    offset, number = 0, 1
    for _record_fields in reader:
        raw = b"".join(taken)
        taken.clear()
        if raw.strip():
            yield number, offset, raw
        offset += len(raw)
        number += raw.count(b"\n") or 1


def _decoded(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError("not UTF-8 (a corpus file must be UTF-8)") from None


def _record(raw: bytes, kind: str, header: tuple[str, ...]) -> dict:
    text = _decoded(raw)
    if kind == "csv":
        values = next(csv.reader(io.StringIO(text)), [])
        return dict(zip(header, values, strict=False))
    try:
        record = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        raise ValueError("not a JSON object (one article per line)") from None
    if not isinstance(record, dict):
        raise ValueError("not a JSON object (one article per line)")
    return record


def _first(record: dict, names: tuple[str, ...]):
    for name in names:
        if record.get(name) not in (None, ""):
            return record[name]
    return None


def _text_of(record: dict, fields: Fields) -> str:
    text = _first(record, fields.texts())
    if text is None:
        raise ValueError(f"no text field (looked for {', '.join(fields.texts())}; name it with --text-field)")
    if not isinstance(text, str):
        raise ValueError(f"the text field is a {type(text).__name__}, not a string")
    return text


def _date_text(value) -> str | None:
    if isinstance(value, str):
        return value.strip()[:10]  # 2025-11-20T08:00:00Z and 2025-11-20 08:00 name the day first
    return None
