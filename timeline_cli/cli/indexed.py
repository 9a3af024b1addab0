"""The reading commands on an index (--db FILE) instead of the files: the same Inputs, the
same notes on stderr, the same output; filters that SQL decides exactly are asked of SQL."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

from .common import fail_usage, say_about
from .options import Manners, Reading

# Options that shaped the analyses when the index was built: a reading command cannot change them.
_FIXED = (("paths", "PATH"), ("ref_date", "--ref-date"), ("encoding", "--encoding"), ("glob", "--glob"),
          ("text_field", "--text-field"), ("date_field", "--date-field"), ("id_field", "--id-field"))


def open_reader(read: Reading):
    from ..store.sqlite import Reader, connect

    for name, option in _FIXED:
        if getattr(read, name):
            fail_usage(f"{option} with --db: the index was built with its inputs and options; give either "
                       f"--db or the inputs (re-index with: timeline index ... --db {read.db})")
    return Reader(connect(read.db, create=False), read.db)


class StoredAnalyses(Sequence):
    """The analyses of an index's documents (without events), built on first use: plain and
    table output need only the documents' scripts and a command's dates only the first reference
    date, which SQL gives without an object per document of a large collection."""

    def __init__(self, inputs: IndexInputs, mentions: str):
        self.inputs, self.mentions = inputs, mentions

    @cached_property
    def built(self) -> list:
        from ..pipeline import Analysis

        reader = self.inputs.reader
        return [Analysis(s.document, tuple(reader.mentions(s.source)) if self.mentions == "all" else (), ())
                for s in self.inputs.stored]

    def __len__(self) -> int:
        return len(self.built) if "built" in self.__dict__ else self.inputs.reader.count_documents()

    def __getitem__(self, index):
        return self.built[index]

    def __iter__(self):
        return iter(self.built)

    def scripts(self) -> list[str]:
        return self.inputs.reader.scripts()

    def first_ref(self):
        return self.inputs.reader.first_ref()


class IndexInputs:
    """Inputs read from an index: errors at once, documents, events and mentions on demand."""

    def __init__(self, reader, read: Reading, mentions: str):
        self.reader, self.merge = reader, read.merge
        meta = reader.meta()
        if self.merge == "auto" and meta.get("merge") == "none":
            fail_usage(f"{read.db} was indexed with --merge none: read it with --merge none, or re-index it")
        self.analyses = StoredAnalyses(self, mentions)
        self.errors = _input_errors(reader.errors())

    @cached_property
    def stored(self) -> list:
        return self.reader.documents()

    def timeline(self, query=None) -> list:
        grep = None
        if query is not None and query.grep:
            from ..script import simplified_view

            grep = simplified_view(query.grep).casefold()
        return self.reader.events(merged=self.merge == "auto", query=query, grep=grep)

    def find(self, event_id: str) -> list:
        """The events whose id is `event_id`, else those it begins."""
        found = self.reader.events(merged=self.merge == "auto", event_id=event_id)
        return [e for e in found if e.id == event_id] or found

    def mentions_for(self, event) -> dict:
        """The mentions an event cites (its sentences' dates, its anchor), by (path, mention id):
        what `show` looks up, read only from the documents it was told in."""
        wanted: dict[str, set] = {}
        for ev in event.evidence:
            wanted.setdefault(ev.path, set()).update({ev.mention, event.anchor} - {None})
        found = {}
        for source, path in self.reader.sources_at(set(wanted)):
            found.update({(path, m.id): m for m in self.reader.mentions(source, wanted[path])})
        return found

    def say_notes(self, tell, *, events: bool, quiet: bool) -> None:
        """What reading the files would have said on stderr, in the same order."""
        notes = [] if quiet else [(s.position, "doc", s) for s in self.stored]
        notes += [(position, "error", (path, reason)) for position, path, reason in self.reader.errors()]
        for _, kind, item in sorted(notes, key=lambda n: n[0]):
            if kind == "error":
                path, reason = item
                tell(f"{path}: empty; nothing to read" if reason == "empty file" else f"{path}: {reason}; skipped")
            elif not quiet:
                say_about(item.document, item.unresolved_events if events else item.unresolved_mentions, tell)


def _input_errors(rows: list) -> list:
    if not rows:
        return []  # and documents.py (its imports) is not loaded for nothing
    from ..documents import InputError

    return [InputError(path, reason) for _, path, reason in rows]


def load_index(read: Reading, manners: Manners, *, events: bool, mentions: str):
    from .common import say

    inputs = IndexInputs(open_reader(read), read, mentions)
    inputs.errors = [e for e in inputs.errors if e.reason != "empty file"]  # a note, not an error
    inputs.say_notes(say, events=events, quiet=manners.quiet)
    return inputs


class IndexPartStream:
    """PartStream's interface over an index: (document number, Analysis) per document, in order."""

    def __init__(self, read: Reading, manners: Manners):
        self.read, self.manners = read, manners
        self.documents: list[list] = []
        self.errors: list = []

    def __iter__(self):
        from ..pipeline import Analysis

        inputs = load_index(self.read, self.manners, events=False, mentions="none")
        self.errors = inputs.errors
        for number, stored in enumerate(inputs.stored):
            mentions = tuple(inputs.reader.mentions(stored.source))
            self.documents.append([stored.document, len(mentions)])
            yield number, Analysis(stored.document, mentions, ())
