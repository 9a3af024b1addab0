"""Event ids: stable, path-free and wide enough for an archive.

- A document's canonical key is the SHA-256 of its text (UTF-8): the same article gives
  the same key whatever its path (ai/x.txt, ./ai/x.txt, /abs/ai/x.txt) and whichever
  other files are read with it.
- An event told by one sentence has the id `e-` + 16 hex digits (64 bits) of a hash of
  that key, the kind of event and its own span (sentence and date phrase offsets).
- A merged event's id is a hash of its members' ids (sorted), so it too is stable for
  the same input and changes only when what was merged changes.

At 64 bits, a collision among a million events has a probability of about 3e-8.
"""

from __future__ import annotations

import hashlib

ID_HEX = 16  # 64 bits


class DocumentKey:
    """The canonical key of a document read in parts: feed every part, then `hexdigest`."""

    def __init__(self) -> None:
        self._hash = hashlib.sha256()

    def update(self, text: str) -> None:
        self._hash.update(text.encode("utf-8", "surrogatepass"))

    def hexdigest(self) -> str:
        return self._hash.hexdigest()


def document_key(text: str) -> str:
    key = DocumentKey()
    key.update(text)
    return key.hexdigest()


def single_id(doc_key: str, kind: str, *span: int | None) -> str:
    """The id of an event one sentence tells: its document, its kind and its offsets."""
    return named_id(doc_key, span_id(kind, *span))


def span_id(kind: str, *span: int | None) -> str:
    """What names an event within its document (its kind and offsets), before the document's
    key is known: `named_id` makes it the event's id."""
    return "\x1f".join([kind, *("" if x is None else str(x) for x in span)])


def named_id(doc_key: str, span_key: str) -> str:
    return "e-" + hashlib.sha256(f"{doc_key}\x1f{span_key}".encode()).hexdigest()[:ID_HEX]


def merged_id(member_ids: list[str]) -> str:
    """The id of an event merged from others: a hash of their ids, in any order."""
    unique = sorted(set(member_ids))
    if len(unique) == 1:
        return unique[0]
    raw = "+".join(unique)
    return "e-" + hashlib.sha256(raw.encode("ascii", "replace")).hexdigest()[:ID_HEX]
