"""The flow for one document and for many: read → script → mentions → events → merge.

`analyse` and `analyse_part` are pure functions of their arguments (picklable in and
out), so a pool of worker processes, or a distributed engine, can run them.

Big inputs are analysed in parts (`documents.chunked`: at most `CHUNK_CHARS`, 350,000
characters or about 1 MB of UTF-8 Chinese, cut at blank lines, else line breaks, else
sentence ends) and stitched back into one analysis. A part is far longer than any news
article. Only one part of the text is in memory at a time, whatever the size of the
input; what is kept is the mentions and events found (and `read_in_parts` lets a command
write those as they come). The seams:

- the first part decides the document's script and reference date (option, sidecar,
  dateline, or inferred from that part); every part is resolved against the same one;
- each part is analysed with the end of the part before it in front (up to
  `CONTEXT_CHARS`, from a line or sentence boundary), so 同年, 次月, 隨後 at the top of
  a part still see the dates just before it; what lies in that context was reported
  with the earlier part and is dropped, and anchors into it keep the earlier ids;
- offsets are shifted to stay offsets into the whole text; mention ids run on (m1, m2,
  … across parts) and anchors and evidence follow them;
- evidence sentences never straddle two parts, because parts end at a blank line, a line
  break or a sentence end (only a stretch of 260,000 characters with none of these is cut
  blindly, and then the sentence around the cut is split between the two parts);
- with --jobs N the parts of one input are analysed in N worker processes (at most 2N
  parts ahead of the one being stitched) and stitched here in order, so the output is
  the same; an input of one part is analysed here;
- events are built per part but named and merged once, for the whole document, when its
  last part has been read (`Stitcher.finish`): one event told again in another part of the
  same file is one event, however the text was cut. Their ids come from the document's
  content (a hash of every part) and their offsets, never from its path.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, replace
from datetime import date, time
from functools import lru_cache, partial
from pathlib import Path

from .documents import CHUNK_CHARS, DecodeError, InputError, RawDocument, os_reason
from .model import Document, Entity, Event, Mention, fast_pickling

CONTEXT_CHARS = 2000  # how much of the part before is read again for anchoring


@fast_pickling
@dataclass(frozen=True, slots=True)
class Analysis:
    """One document's mentions and events.

    Documents read through `analyse_input` (the command line) come back without their
    text (`document.text == ""`): the commands need only mentions, events and evidence
    sentences, and a run over many or huge files must not keep every text.
    """

    document: Document
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]


@dataclass(frozen=True, slots=True)
class Settings:
    """How every input of a run is read and analysed."""

    ref_option: date | None = None
    events: bool = True
    entities_file: Path | None = None
    encoding: str | None = None
    mentions: str = "all"  # all | cited (by events, as evidence or anchor) | none
    chunk_chars: int = CHUNK_CHARS
    context_chars: int = CONTEXT_CHARS
    ref_clock: time | None = None  # the time of day given with --ref-date, if any
    # The whole entity table as data (engine.entity_data): when given, neither entities_file nor
    # the user's config is read, so a worker on another machine analyses as the caller would.
    entities: tuple[Entity, ...] | None = None


@fast_pickling
@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input: an analysis, or the reason it was skipped."""

    path: str
    analysis: Analysis | None = None
    error: InputError | None = None
    key: str = ""  # the document's content key (events.identity), on the outcome of its last part


# --- one document --------------------------------------------------------------------------

def analyse(raw: RawDocument, ref_option: date | None = None, *, events: bool = True,
            entities_file: Path | None = None) -> Analysis:
    """Mentions and events of one whole document held in memory."""
    from .events.identity import document_key
    from .events.merge import finish_document
    from .script import simplified_view

    view = simplified_view(raw.text)
    doc = Document(raw.path, raw.text, None, "other", raw.encoding, raw.title)
    doc = situate(doc, view, ref_option, raw.published)
    analysis = analyse_part(doc, view=view, events=events, entities_file=entities_file)
    if not events:
        return analysis
    return replace(analysis, events=tuple(finish_document(analysis.events, document_key(raw.text))))


def situate(doc: Document, view: str, ref_option: date | None, published: date | None,
            ref_clock: time | None = None) -> Document:
    """The document with its script and reference date decided from its text."""
    from .script import detect_script
    from .timex.refdate import reference_for

    script = detect_script(doc.text, view=view)
    ref = reference_for(doc.text, view, script, option=ref_option, published=published)
    if ref is not None and ref_clock is not None and ref.source == "option":
        ref = replace(ref, clock=ref_clock)
    return replace(doc, ref=ref, script=script)


def analyse_part(doc: Document, *, view: str | None = None, events: bool = True,
                 entities_file: Path | None = None, entities: tuple[Entity, ...] | None = None) -> Analysis:
    """Mentions and events of a text whose script and reference date are already known; the
    events are not yet merged and their ids are provisional (see `merge.finish_document`)."""
    from .script import simplified_view
    from .timex.extract import extract_with_cues

    if view is None:
        view = simplified_view(doc.text)
    mentions, cues = extract_with_cues(doc.text, doc.ref, script=doc.script, view=view)
    found: list[Event] = []
    if events:
        from .events.build import build_events

        # 随后/此后 are not mentions, but an event told after one happened after the date before it.
        dated = sorted([*mentions, *cues], key=lambda m: m.start) if cues else mentions
        found = build_events(doc, view, dated, entity_table(entities_file, entities))
        if cues:
            found = _without_cues(found, {c.id: c.anchor for c in cues})
    return Analysis(doc, tuple(mentions), tuple(found))


def _without_cues(events: list[Event], anchors: dict[str, str | None]) -> list[Event]:
    """Evidence that rests on a story cue (随后, not a mention) cites the date the cue hangs on."""
    def cited(mention_id: str | None) -> str | None:
        return anchors.get(mention_id, mention_id) if mention_id is not None else None

    return [replace(e, anchor=cited(e.anchor),
                    evidence=tuple(replace(ev, mention=cited(ev.mention)) for ev in e.evidence))
            for e in events]


@lru_cache(maxsize=4)
def entity_table(entities_file: Path | None, entities: tuple[Entity, ...] | None = None):
    """The entity tables, read once per process (raises EntityFileError for a broken file);
    given as data (`entities`), only compiled, and no file is read.

    They do not change during a run, and reading them for each of ten thousand small
    files would cost more than analysing them.
    """
    if entities is not None:
        from .events.entities import compile_table

        return compile_table(entities)
    from .events.entities import load_table

    return load_table(entities_file)


# --- a document in parts -----------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class PartJob:
    """One part of a document, ready to analyse (`Stitcher.prepare`)."""

    doc: Document  # the part's text, the end of the part before in front
    view: str | None  # its Simplified view, when already made
    context: int  # how many characters in front are the part before's
    shift: int  # what turns an offset into the text into one into the whole document
    tail_start: int  # where the end read again before the next part starts


def analyse_job(job: PartJob, settings: Settings) -> tuple[tuple[Mention, ...], tuple[Event, ...]]:
    """A part's mentions and events, as analyse_part finds them (in a worker process too)."""
    from .timex.extract import cyclic_gc_paused

    with cyclic_gc_paused():
        result = analyse_part(job.doc, view=job.view, events=settings.events,
                              entities_file=settings.entities_file, entities=settings.entities)
    return result.mentions, result.events


class PartWorkers:
    """Worker processes for the parts of one big input, started when a second part is read."""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self._pool = None

    def pool(self):
        if self._pool is None:
            self._pool = _pool(self.jobs)
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None


class Stitcher:
    """Analyses the consecutive parts of one document as parts of the whole.

    Each `add` gives the part's own mentions, with offsets and ids already those of the
    whole document; `finish` gives the document's events once every part is in, and
    `joined` puts it all together. See the module's docstring for what happens at the seams.
    """

    def __init__(self, path: str, settings: Settings, *, published: date | None = None,
                 title: str | None = None):
        self.settings = settings
        self.blank = True  # nothing but white space so far
        self._template = Document(path, "", None, "other", "", title)
        self.published = published
        self._situated = False
        self._offset = 0  # where the next part starts in the whole text
        self._parts = 0
        self._count = 0  # mentions numbered so far
        self._tail = ""  # the end of the last part, read again before the next one
        self._tail_ids: dict[tuple[int, int], str] = {}  # its mentions' spans and ids
        from .events.identity import DocumentKey

        self._key = DocumentKey()
        self._events = None  # every part's events, merged as they come (events.merge.DocumentMerger)
        if settings.events:
            from .events.merge import DocumentMerger

            self._events = DocumentMerger()

    def add(self, part: str) -> Analysis:
        """The next part's analysis, made here."""
        job = self.prepare(part)
        return self.absorb(job, analyse_job(job, self.settings))

    def analysed(self, parts, workers: PartWorkers | None = None) -> Iterator[Analysis]:
        """Each part's analysis in order (as `add` gives it); with `workers`, the parts are
        analysed in their processes, a few ahead, and put together here in order. A text
        of one part is analysed here: starting workers would cost more than they save."""
        if workers is None:
            for part in parts:
                yield self.add(part)
            return
        from collections import deque

        pending: deque = deque()  # (job, its result to come), in the order of the text
        first = None  # the first part, analysed here unless a second one follows
        parts = iter(parts)
        while True:
            try:
                part = next(parts, None)
            except Exception:  # the parts read before the problem, then the problem
                if first is not None:
                    yield self.add(first)
                while pending:
                    yield self._absorbed(pending.popleft())
                raise
            if part is None:
                break
            if first is None and not pending:
                first = part
                continue
            for waiting in (first, part) if first is not None else (part,):
                job = self.prepare(waiting)
                pending.append((job, workers.pool().apply_async(analyse_job, (job, self.settings))))
            first = None
            if len(pending) > 2 * workers.jobs:  # a few parts ahead, never the whole input
                yield self._absorbed(pending.popleft())
        if first is not None:
            yield self.add(first)
        while pending:
            yield self._absorbed(pending.popleft())

    def _absorbed(self, pending) -> Analysis:
        job, result = pending
        return self.absorb(job, result.get())

    def prepare(self, part: str) -> PartJob:
        """What analysing the next part takes: its text with the end of the part before in
        front, and the document's script and reference date (decided on the first part)."""
        from .script import simplified_view

        self.blank = self.blank and (not part or part.isspace())
        self._key.update(part)
        context = self._tail
        text = context + part
        view = None
        doc = replace(self._template, text=text)
        if not self._situated:
            view = simplified_view(text)
            doc = situate(doc, view, self.settings.ref_option, self.published, self.settings.ref_clock)
            self._template = replace(doc, text="")
            self._situated = True
        size = self.settings.context_chars
        tail_start = _boundary_after(text, max(0, len(text) - size)) if size else len(text)
        self._tail = text[tail_start:]
        job = PartJob(doc, view, len(context), self._offset - len(context), tail_start)
        self._offset += len(part)
        return job

    def absorb(self, job: PartJob, found: tuple[tuple[Mention, ...], tuple[Event, ...]]) -> Analysis:
        """The part's analysis with the whole document's offsets and mention ids; its events
        are kept for `finish`. Parts must be absorbed in the order they were prepared."""
        from .timex.extract import cyclic_gc_paused

        mentions_found, events_found = found
        context, shift = job.context, job.shift
        # Moving a part's mentions makes as many objects as finding them did (see cyclic_gc_paused).
        with cyclic_gc_paused():
            ids = self._number(mentions_found, context, shift)
            events = [e for e in (self._moved_event(e, context, shift, ids) for e in events_found) if e]
            mentions = _moved_all(mentions_found, context, shift, ids)
            self._tail_ids = {(m.start + shift, m.end + shift): ids[m.id] for m in mentions_found
                              if m.start >= job.tail_start and ids.get(m.id)}
        self._parts += 1
        if self._events is not None:
            self._events.add(events)
        return Analysis(self._template, tuple(self._kept(mentions, events)), ())

    def content_key(self) -> str:
        """The document's canonical key: a hash of its text as analysed (events.identity)."""
        return self._key.hexdigest()

    def finish(self) -> tuple[Event, ...]:
        """The document's events, named from its content and merged, once every part is in."""
        if self._events is None:
            return ()
        return tuple(self._events.finish(self._key.hexdigest()))

    def _kept(self, mentions: list[Mention], events: list[Event]) -> list[Mention]:
        if self.settings.mentions == "cited":
            return cited(mentions, events)
        return [] if self.settings.mentions == "none" else mentions

    def _number(self, mentions: tuple[Mention, ...], context: int, shift: int) -> dict[str, str | None]:
        """Local id → id in the whole document; mentions in the context keep their earlier id."""
        ids: dict[str, str | None] = {}
        for m in mentions:
            if m.start < context:
                ids[m.id] = self._tail_ids.get((m.start + shift, m.end + shift))
            else:
                self._count += 1
                ids[m.id] = f"m{self._count}"
        return ids

    def _moved_event(self, event: Event, context: int, shift: int, ids: dict) -> Event | None:
        evidence = tuple(replace(e, start=e.start + shift, end=e.end + shift, mention=_renamed(e.mention, ids),
                                 mention_start=_plus(e.mention_start, shift),
                                 mention_end=_plus(e.mention_end, shift))
                         for e in event.evidence if e.start >= context)
        if not evidence:
            return None  # told in the context: reported with the part before
        return replace(event, evidence=evidence, anchor=_renamed(event.anchor, ids))


def joined(parts: list[Analysis], events: tuple[Event, ...] | None = None) -> Analysis:
    """One analysis from the analyses of a document's consecutive parts (the last has its final
    head) and its events (`Stitcher.finish`; else whatever events the parts carry)."""
    from .events.merge import sort_events

    mentions = tuple(m for part in parts for m in part.mentions)
    if events is None:
        events = tuple(e for part in parts for e in part.events)
    return Analysis(parts[-1].document, mentions, tuple(sort_events(list(events))))


def cited(mentions: list[Mention], events: list[Event]) -> list[Mention]:
    """The mentions events cite (as evidence or anchor), and the mentions those are anchored to."""
    by_id = {m.id: m for m in mentions}
    wanted = {e.anchor for e in events} | {ev.mention for e in events for ev in e.evidence}
    todo = [i for i in wanted if i in by_id]
    while todo:
        anchor = by_id[todo.pop()].anchor
        if anchor in by_id and anchor not in wanted:
            wanted.add(anchor)
            todo.append(anchor)
    return [m for m in mentions if m.id in wanted]


def _boundary_after(text: str, start: int) -> int:
    """The first line break or sentence end at or after `start` (just past it), or the end."""
    if start == 0:
        return 0
    best = len(text)
    for mark in "\n。！？":
        found = text.find(mark, start)
        if 0 <= found < best:
            best = found + 1
    return best


def _moved_all(mentions: tuple[Mention, ...], context: int, shift: int, ids: dict) -> list[Mention]:
    """The part's own mentions (after the context) with the whole document's offsets and ids."""
    if shift == 0 and context == 0 and all(old == new for old, new in ids.items()):
        return list(mentions)  # the first part: already numbered and placed as in the whole
    # The constructor, not dataclasses.replace: this runs once per mention, and replace is 4x slower;
    # ids.get(anchor, anchor) is _renamed inline.
    return [Mention(ids[m.id], m.text, m.start + shift, m.end + shift, m.time, ids.get(m.anchor, m.anchor), m.rule,
                    m.certainty) for m in mentions if m.start >= context]


def _renamed(mention_id: str | None, ids: dict) -> str | None:
    if mention_id is None or mention_id not in ids:
        return mention_id  # "ref_date", or nothing
    return ids[mention_id]


def _plus(offset: int | None, shift: int) -> int | None:
    return None if offset is None else offset + shift


# --- inputs, one by one or in worker processes ------------------------------------------------

def _html_parts(parts, stitcher: Stitcher):
    """An HTML page's parts with the markup blanked; the page's own publication date
    (meta tags, <time>, JSON-LD) is the reference date when no sidecar gives one."""
    from .documents import blank_markup
    from .htmlmeta import published_date

    for number, part in enumerate(parts):
        if number == 0 and stitcher.published is None:
            stitcher.published = published_date(part)
        yield blank_markup(part)  # a tag cut by a part's end stays: parts are ~1 MB


def analyse_input(source: str | Path, settings: Settings, stdin=None,
                  workers: PartWorkers | None = None) -> Outcome:
    """Read one input in parts and analyse it; every problem becomes the outcome's error."""
    parts = []
    for outcome in read_in_parts(source, settings, stdin, workers):
        if outcome.error is not None:
            return outcome
        parts.append(outcome.analysis)
    return Outcome(parts[-1].document.path, joined(parts))


def read_in_parts(source: str | Path, settings: Settings, stdin=None,
                  workers: PartWorkers | None = None) -> Iterator[Outcome]:
    """The analysis of each part of one input as soon as it is read, then any problem.

    A command can write each part's mentions as they come, so that even a huge input's
    output never has to be held whole. A problem (undecodable bytes half-way, an empty
    file) comes last, as an outcome with the error; the parts before it stay valid.
    With `workers`, the parts are analysed in their processes; the outcomes are the same.
    """
    from .documents import display_path, open_input

    return read_opened_in_parts(display_path(source), settings,
                                lambda: open_input(source, encoding=settings.encoding, stdin=stdin), workers)


def read_opened_in_parts(name: str, settings: Settings, opener,
                         workers: PartWorkers | None = None) -> Iterator[Outcome]:
    """read_in_parts of the documents.OpenInput that `opener()` gives (its problems too are
    the outcome's); `name` names the input in an error."""
    from .documents import HTML_SUFFIXES, chunked

    stitcher = None
    held: list[Outcome] = []
    try:
        with opener() as opened:
            stitcher = Stitcher(opened.path, settings, published=opened.published, title=opened.title)
            # Blank parts wait (a file blank to the end is an error alone), and so does the
            # last part read: it carries the document's events, known when all is read.
            parts = chunked(opened, settings.chunk_chars)
            if str(opened.path).lower().endswith(HTML_SUFFIXES):
                parts = _html_parts(parts, stitcher)
            for analysis in stitcher.analysed(parts, workers):
                document = replace(analysis.document, encoding=opened.encoding)
                held.append(Outcome(opened.path, replace(analysis, document=document)))
                if not stitcher.blank:
                    yield from held[:-1]
                    del held[:-1]
            if held and not stitcher.blank:
                last = held.pop().analysis
                yield Outcome(opened.path, replace(last, events=stitcher.finish()), key=stitcher.content_key())
    except OSError as exc:
        yield from _read_so_far(held, stitcher)
        yield Outcome(name, error=InputError(name, os_reason(exc)))
    except DecodeError as exc:
        yield from _read_so_far(held, stitcher)
        yield Outcome(name, error=InputError(name, str(exc)))
    except Exception as exc:  # noqa: BLE001 - a bug on one input must not lose the others
        yield from _read_so_far(held, stitcher)
        yield Outcome(name, error=InputError(name, f"internal error ({type(exc).__name__}: {exc}); "
                                                   f"please report it with this file"))
    else:
        if stitcher.blank:
            yield Outcome(name, error=InputError(name, "empty file"))


def _read_so_far(held: list[Outcome], stitcher: Stitcher | None) -> list[Outcome]:
    """The parts read before a problem, for commands that write parts as they come."""
    return held if stitcher is not None and not stitcher.blank else []


def analyse_inputs(sources: list, settings: Settings, *, jobs: int = 1, stdin=None) -> Iterator[Outcome]:
    """Outcomes in the order of `sources`, whatever `jobs`; stdin is always read here.

    With jobs > 1 the worker processes are started before this returns; close the
    iterator (or run it to the end) to stop them.
    """
    if jobs > 1 and len(sources) == 1:
        return _parts_in_workers(sources[0], settings, jobs, stdin, whole=True)
    if jobs <= 1 or len(sources) < 2:
        return (analyse_input(source, settings, stdin) for source in sources)
    return _in_workers(_pool(jobs), sources, settings, jobs, stdin)


def analyse_inputs_in_parts(sources: list, settings: Settings, *, jobs: int = 1,
                            stdin=None) -> Iterator[Iterator[Outcome]]:
    """For each source, in order, the outcomes of its parts (see read_in_parts); exhaust
    each before taking the next. In worker processes (jobs > 1, several sources) a
    source comes back whole, as one part; one source alone has its parts analysed in them."""
    if jobs > 1 and len(sources) == 1:
        return _parts_in_workers(sources[0], settings, jobs, stdin, whole=False)
    if jobs <= 1 or len(sources) < 2:
        return (read_in_parts(source, settings, stdin) for source in sources)
    return _whole_in_workers(_pool(jobs), sources, settings, jobs, stdin)


def _parts_in_workers(source, settings: Settings, jobs: int, stdin, *, whole: bool) -> Iterator:
    """One input whose parts are analysed in `jobs` worker processes: its outcome (whole) or
    the iterator of its parts' outcomes; the workers stop when this is closed or done."""
    workers = PartWorkers(jobs)
    try:
        if whole:
            yield analyse_input(source, settings, stdin, workers)
        else:
            parts = read_in_parts(source, settings, stdin, workers)
            with closing(parts):
                yield parts
    finally:
        workers.close()


def _whole_in_workers(pool, sources: list, settings: Settings, jobs: int, stdin) -> Iterator[Iterator[Outcome]]:
    outcomes = _in_workers(pool, sources, settings, jobs, stdin)
    with closing(outcomes):
        for outcome in outcomes:
            yield iter((outcome,))


def _in_workers(pool, sources: list, settings: Settings, jobs: int, stdin) -> Iterator[Outcome]:
    work = partial(_analyse_in_worker, settings=settings)
    items = [None if source == "-" else source for source in sources]
    chunksize = max(1, min(32, len(items) // (jobs * 16)))
    try:
        for outcome in pool.imap(work, items, chunksize):
            yield analyse_input("-", settings, stdin) if outcome is None else outcome
    finally:
        pool.terminate()
        pool.join()


def _analyse_in_worker(source, settings: Settings) -> Outcome | None:
    return None if source is None else analyse_input(source, settings)


def _pool(jobs: int):
    """Worker processes, all started now (before any progress bar starts its thread)."""
    import multiprocessing  # here: a run in one process does not pay for importing it

    fork = sys.platform.startswith("linux")  # elsewhere fork is unsafe or missing: spawn
    context = multiprocessing.get_context("fork" if fork else "spawn")
    if not fork:
        return context.Pool(jobs, initializer=_ignore_interrupts)
    _warm_up()  # forked workers inherit the loaded tables, converters and compiled patterns
    # Frozen while the workers are forked, what they inherit is never walked by their collector,
    # which would otherwise touch (and so copy) every inherited page; the parent thaws at once.
    gc.freeze()
    try:
        return context.Pool(jobs, initializer=_ignore_interrupts)
    finally:
        gc.unfreeze()


def _warm_up() -> None:
    """Analyse the seed article, so that what most articles need is loaded and compiled once."""
    from .documents import seed_path

    analyse(RawDocument("-", seed_path().read_text(encoding="utf-8"), "utf-8"), date(2025, 11, 20))


def _ignore_interrupts() -> None:
    """A worker leaves Ctrl-C to the parent, and dies at once when the parent ends the pool
    (SIGTERM) or the terminal hangs up: the command line's handlers, inherited by fork, would
    turn those into an exception that can leave a queue's lock taken and the pool hung."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)


def merge_timelines(analyses: list[Analysis], mode: str = "auto") -> list[Event]:
    """The events of every analysis as one timeline: merged across documents (`auto`) or
    each document's kept apart (`none`)."""
    from .events.merge import merge_across

    return merge_across([event for a in analyses for event in a.events], mode)
