"""The flow for one document and for many: read → script → mentions → events → merge.

`analyse` is a pure function of its arguments (picklable in and out), so a pool
of worker processes, or a distributed engine, can run it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .documents import RawDocument
from .model import Document, Event, Mention


@dataclass(frozen=True, slots=True)
class Analysis:
    document: Document
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]


def analyse(raw: RawDocument, ref_option: date | None = None, *, events: bool = True,
            entities_file: Path | None = None) -> Analysis:
    from .script import detect_script, simplified_view
    from .timex.extract import extract
    from .timex.refdate import reference_for

    view = simplified_view(raw.text)
    script = detect_script(raw.text, view=view)
    ref = reference_for(raw.text, view, script, option=ref_option, published=raw.published)
    doc = Document(raw.path, raw.text, ref, script, raw.encoding, raw.title)
    mentions = extract(raw.text, ref, script=script, view=view)
    found: list[Event] = []
    if events:
        from .events.build import build_events
        from .events.entities import load_table

        found = build_events(doc, view, mentions, load_table(entities_file))
    return Analysis(doc, tuple(mentions), tuple(found))


def merge_timelines(analyses: list[Analysis]) -> list[Event]:
    from .events.merge import merge_across

    return merge_across([event for a in analyses for event in a.events])
