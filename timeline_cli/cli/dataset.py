"""Parquet datasets on the command line: `timeline index … --dask … --parquet DIR` builds one,
and every reading command reads one with `--parquet DIR` (the same Inputs, the same notes on
stderr, the same output as on the files; filters on dates, type and status are pushed into
the scan). Nothing here imports Dask, pyarrow or fsspec unless one of these options is given."""

from __future__ import annotations

from .common import fail_usage, say, say_about
from .options import Manners, Reading

# Options that shaped the analyses when the dataset was built: a reading command cannot change them.
_FIXED = (("paths", "PATH"), ("ref_date", "--ref-date"), ("encoding", "--encoding"), ("glob", "--glob"),
          ("text_field", "--text-field"), ("date_field", "--date-field"), ("id_field", "--id-field"),
          ("db", "--db"))


# --- building --------------------------------------------------------------------------------------

def index_to_parquet(read: Reading, manners: Manners, address: str, target: str, partitions: int | None):
    """Run `timeline index --dask ADDRESS --parquet DIR`; the report (store.distributed.Report)."""
    from dataclasses import replace

    from ..engine import entity_data
    from ..store.distributed import build, parse_address
    from ..store.parquet import need
    from .common import settings_for

    if "-" in read.paths:
        fail_usage("a Parquet dataset cannot hold standard input; give files, folders or URIs")
    if partitions is not None and partitions < 1:
        fail_usage(f"--partitions {partitions} must be 1 or more; e.g. --partitions 8")
    try:
        parse_address(address)
    except ValueError as exc:
        fail_usage(str(exc))
    need("distributed", "--dask")  # one line, before any work, when the extra is missing
    need("pyarrow", "--parquet")
    settings = settings_for(read, events=True, mentions="all")
    # The entity table is read here, once (the user's config and --entities), and shipped with the job.
    settings = replace(settings, entities=entity_data(read.entities), entities_file=None)
    options = {"ref_date": read.ref_date, "encoding": read.encoding, "merge": read.merge, "glob": read.glob,
               "text_field": read.text_field, "date_field": read.date_field, "id_field": read.id_field,
               "entities": read.entities}
    return build(list(read.paths), settings, address, target, glob=read.glob, fields=read.fields(),
                 partitions=partitions, merge=read.merge, options=options)


def say_report(report, target: str, manners: Manners) -> None:
    if report.failed and not manners.quiet:
        say(f"{report.failed} input{'s' if report.failed > 1 else ''} could not be read; "
            f"see the errors table of {target} (timeline list --parquet {target} names them)")
    if manners.verbose:
        say(f"{target}: {report.documents} documents, {len(report.errors)} not read, {report.mentions} mentions, "
            f"{report.article_events} events of articles, {report.events} on the timeline; {report.partitions} "
            f"partitions, {report.buckets} date-group buckets merged, on {report.workers} workers; "
            f"{report.seconds:.2f} s")


# --- reading ------------------------------------------------------------------------------------------

def open_dataset(read: Reading):
    from ..store.parquet import Reader

    for name, option in _FIXED:
        if getattr(read, name):
            fail_usage(f"{option} with --parquet: the dataset was built with its inputs and options; give "
                       f"either --parquet or the inputs (build it again with: timeline index ... --dask local "
                       f"--parquet {read.parquet})")
    return Reader(read.parquet)


class DatasetInputs:
    """Inputs read from a dataset: documents and errors at once, events and mentions on demand."""

    def __init__(self, reader, read: Reading, mentions: str):
        from ..documents import InputError
        from ..pipeline import Analysis

        self.reader, self.merge = reader, read.merge
        if self.merge == "auto" and reader.meta().get("merge") == "none":
            fail_usage(f"{read.parquet} was built with --merge none: read it with --merge none, or build it again")
        self.stored = reader.documents()
        found = reader.mentions() if mentions == "all" else {}
        self.analyses = [Analysis(s.document, tuple(found.get(s.position, ())), ()) for s in self.stored]
        self.errors = [InputError(path, reason) for _, path, reason in reader.errors()]

    def timeline(self, query=None) -> list:
        return self.reader.events(merged=self.merge == "auto", query=query)

    def find(self, event_id: str) -> list:
        """The events whose id is `event_id`, else those it begins."""
        found = self.reader.events(merged=self.merge == "auto", id_prefix=event_id)
        return [e for e in found if e.id == event_id] or found

    def mentions_for(self, event) -> dict:
        """The mentions of the documents an event was told in, by (path, mention id)."""
        paths = {ev.path for ev in event.evidence}
        wanted = {s.position: s.document.path for s in self.stored if s.document.path in paths}
        found = self.reader.mentions(set(wanted))
        return {(wanted[position], m.id): m for position, mentions in found.items() for m in mentions}

    def say_notes(self, tell, *, events: bool, quiet: bool) -> None:
        """What reading the files would have said on stderr, in the same order."""
        notes = [(s.position, "doc", s) for s in self.stored]
        notes += [(position, "error", (path, reason)) for position, path, reason in self.reader.errors()]
        for _, kind, item in sorted(notes, key=lambda n: n[0]):
            if kind == "error":
                path, reason = item
                tell(f"{path}: empty; nothing to read" if reason == "empty file" else f"{path}: {reason}; skipped")
            elif not quiet:
                say_about(item.document, item.unresolved_events if events else item.unresolved_mentions, tell)


def load_dataset(read: Reading, manners: Manners, *, events: bool, mentions: str) -> DatasetInputs:
    inputs = DatasetInputs(open_dataset(read), read, mentions)
    inputs.errors = [e for e in inputs.errors if e.reason != "empty file"]  # a note, not an error
    inputs.say_notes(say, events=events, quiet=manners.quiet)
    return inputs


class DatasetPartStream:
    """PartStream's interface over a dataset: (document number, Analysis) per document, in order."""

    def __init__(self, read: Reading, manners: Manners):
        self.read, self.manners = read, manners
        self.documents: list[list] = []
        self.errors: list = []

    def __iter__(self):
        from ..pipeline import Analysis

        inputs = load_dataset(self.read, self.manners, events=False, mentions="none")
        self.errors = inputs.errors
        found = inputs.reader.mentions()
        for number, stored in enumerate(inputs.stored):
            mentions = tuple(found.get(stored.position, ()))
            self.documents.append([stored.document, len(mentions)])
            yield number, Analysis(stored.document, mentions, ())
