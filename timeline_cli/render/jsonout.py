"""JSON and JSON Lines, exactly per the v1 contract (timeline_cli/data/schemas)."""

from __future__ import annotations

import json
from datetime import date

from ..documents import InputError
from ..model import Event, Mention
from ..pipeline import Analysis
from ..script import convert

MENTIONS_SCHEMA = "timeline-cli/mentions/v1"
EVENTS_SCHEMA = "timeline-cli/events/v2"


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def mention_dict(m: Mention) -> dict:
    t = m.time
    out = {
        "id": m.id, "text": m.text, "start": m.start, "end": m.end,
        "type": t.type, "value": t.value, "mod": t.mod, "granularity": t.granularity,
        "start_date": _iso(t.start_date), "end_date": _iso(t.end_date),
        "duration": t.duration, "duration_max": t.duration_max,
        "anchor": m.anchor, "rule": m.rule, "certainty": m.certainty,
    }
    if t.datetime:
        out["datetime"] = t.datetime
    if t.qualifier:
        out["qualifier"] = t.qualifier
    return out


# A str as JSON, as json.dumps(s, ensure_ascii=False) writes it: the encoder's own string
# function (in C where available), without the call through JSONEncoder.encode per field.
_STRING = json.encoder.encode_basestring


def mention_json(m: Mention, head: str = "") -> str:
    """json.dumps(mention_dict(m), ensure_ascii=False) written out field by field, after `head`
    (e.g. '"path": "a.txt", '): a command writing millions of mentions builds no dicts."""
    t, text = m.time, _STRING
    # Inline conditionals rather than a helper per field: this runs once per mention written.
    line = (f'{{{head}"id": {text(m.id)}, "text": {text(m.text)}, "start": {int(m.start)}, "end": {int(m.end)}, '
            f'"type": {text(t.type)}, "value": {text(t.value)}, '
            f'"mod": {"null" if t.mod is None else text(t.mod)}, '
            f'"granularity": {"null" if t.granularity is None else text(t.granularity)}, '
            f'"start_date": {"null" if t.start_date is None else _date(t.start_date)}, '
            f'"end_date": {"null" if t.end_date is None else _date(t.end_date)}, '
            f'"duration": {"null" if t.duration is None else text(t.duration)}, '
            f'"duration_max": {"null" if t.duration_max is None else text(t.duration_max)}, '
            f'"anchor": {"null" if m.anchor is None else text(m.anchor)}, '
            f'"rule": {"null" if m.rule is None else text(m.rule)}, '
            f'"certainty": {"null" if m.certainty is None else text(m.certainty)}')
    if t.datetime:
        line += f', "datetime": {text(t.datetime)}'
    if t.qualifier:
        line += f', "qualifier": {text(t.qualifier)}'
    return line + "}"


def _date(day: date) -> str:
    return '"' + day.isoformat() + '"'  # digits and dashes: nothing to escape


def _document_head(a: Analysis) -> dict:
    ref = a.document.ref
    return {
        "path": a.document.path,
        "ref_date": ref.iso() if ref else None,
        "ref_date_source": ref.source if ref else None,
        "ref_date_evidence": ref.evidence if ref else None,
        "script": a.document.script,
    }


def mentions_payload(analyses: list[Analysis], errors: list[InputError]) -> dict:
    documents = []
    for a in analyses:
        head = _document_head(a)
        head["encoding"] = a.document.encoding
        head["mentions"] = [mention_dict(m) for m in a.mentions]
        documents.append(head)
    payload = {"schema": MENTIONS_SCHEMA, "documents": documents}
    if errors:
        payload["errors"] = [{"path": e.path, "reason": e.reason} for e in errors]
    return payload


def event_dict(e: Event, script: str = "original") -> dict:
    return {
        "id": e.id,
        "title": convert(e.title, script),
        "type": e.type,
        "date": {
            "value": e.date.value, "mod": e.date.mod, "granularity": e.date.granularity,
            "start_date": _iso(e.date.start_date), "end_date": _iso(e.date.end_date),
            "certainty": e.date.certainty,
        },
        "status": e.status,
        "actors": [{"id": a.id, "name": convert(a.name, script)} for a in e.actors],
        "evidence": [
            {"path": ev.path, "start": ev.start, "end": ev.end,
             "sentence": convert(ev.sentence, script), "mention": ev.mention,
             "doc": ev.doc, "date": _evidence_date(ev.date)}
            for ev in e.evidence
        ],
        "sources": e.sources,
        "place": None if e.place is None else convert(e.place, script),
    }


def _evidence_date(d) -> dict | None:
    if d is None:
        return None
    return {"value": d.value, "mod": d.mod, "start_date": _iso(d.start_date), "end_date": _iso(d.end_date)}


def events_payload(events: list[Event], analyses: list[Analysis], errors: list[InputError],
                   script: str = "original") -> dict:
    payload = {
        "schema": EVENTS_SCHEMA,
        "events": [event_dict(e, script) for e in events],
        "documents": [_document_head(a) for a in analyses],
    }
    if errors:
        payload["errors"] = [{"path": e.path, "reason": e.reason} for e in errors]
    return payload


def dumps(payload: dict) -> str:
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def jsonl_lines(events, script: str = "original"):
    """One JSON line (with its newline) per event, as they are asked for."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    for e in events:
        yield encode(event_dict(e, script)) + "\n"


class MentionsJsonWriter:
    """The mentions/v1 document written part by part, byte for byte what
    dumps(mentions_payload(...)) gives for the whole: nothing is held but the current line."""

    def __init__(self, out):
        self.out = out
        self.document: int | None = None  # number of the document being written
        self.any_mention = False
        out.write('{\n  "schema": ' + json.dumps(MENTIONS_SCHEMA) + ',\n  "documents": [')

    def part(self, number: int, analysis: Analysis) -> None:
        if number != self.document:
            if self.document is not None:
                self._end_document()
            head = _document_head(analysis)
            head["encoding"] = analysis.document.encoding
            opened = _indented(head, 2)
            opened = opened[:opened.rindex("\n")]  # without its closing line
            self.out.write(("\n    " if self.document is None else ",\n    ") + opened + ',\n      "mentions": ')
            self.document, self.any_mention = number, False
        for m in analysis.mentions:
            item = _indented(mention_dict(m), 4)
            self.out.write((",\n        " if self.any_mention else "[\n        ") + item)
            self.any_mention = True

    def close(self, errors: list[InputError]) -> None:
        if self.document is not None:
            self._end_document()
            self.out.write("\n  ]")
        else:
            self.out.write("]")
        if errors:
            listed = _indented([{"path": e.path, "reason": e.reason} for e in errors], 1)
            self.out.write(',\n  "errors": ' + listed)
        self.out.write("\n}\n")

    def _end_document(self) -> None:
        self.out.write("\n      ]\n    }" if self.any_mention else "[]\n    }")


def _indented(value, level: int) -> str:
    """json.dumps(value, indent=2) as it appears `level` levels deep (the first line not indented)."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)
