"""The JSON that Knight Lab's TimelineJS 3 reads (timeline.knightlab.com/docs/json-format.html).

A title slide, then one slide per event: start_date (and end_date for spans) as date objects
with only the parts the event's precision has (a year-precision event gives only "year";
a part of a year, 年初 or 年底, gives the month too, so that it sorts where it belongs),
the title as headline and the evidence sentences as HTML paragraphs, type as group, the event
id as unique_id and the human label as display_date. Events without a start_date (year
unknown) cannot be placed on a time axis and are left out.
"""

from __future__ import annotations

import json
from datetime import date
from html import escape

from ..model import Event
from .fields import date_label, label_script, sentences, timeline_title, title

_YEAR = {"year", "decade", "century"}
_MONTH = {"month", "quarter", "half", "season"}
_YEAR_PARTS = {"START", "MID", "END"}  # 年初, 年中, 年底: resolved to whole months


def date_object(day: date, granularity: str | None, mod: str | None = None) -> dict:
    out = {"year": str(day.year)}
    if granularity == "year" and mod in _YEAR_PARTS:
        granularity = "month"  # 年底 is Nov–Dec: placed at 2025-01 it would sort before 4月
    if granularity in _YEAR or granularity is None:
        return out
    out["month"] = str(day.month)
    if granularity not in _MONTH:  # week, day, daypart, hour, minute
        out["day"] = str(day.day)
    return out


def slide(e: Event, ctx, labels: str) -> dict:
    d = e.date
    start = date_object(d.start_date, d.granularity, d.mod)
    out = {"start_date": start}
    if d.end_date is not None:
        end = date_object(d.end_date, d.granularity, d.mod)
        if end != start:
            out["end_date"] = end
    out["text"] = {
        "headline": escape(title(e, ctx.script)),
        "text": "".join(f"<p>{escape(s)}</p>" for s in sentences(e, ctx.script)),
    }
    out["group"] = e.type
    out["unique_id"] = e.id
    out["display_date"] = date_label(e, labels)
    return out


def events_timelinejs(events: list[Event], ctx) -> str:
    labels = label_script(ctx)
    sources = "".join(
        f"<p>{escape(a.document.path)}" + (f" · {a.document.ref.iso()}" if a.document.ref else "") + "</p>"
        for a in ctx.analyses
    )
    payload = {
        "title": {"text": {"headline": escape(timeline_title(ctx)), "text": sources}},
        "events": [slide(e, ctx, labels) for e in events if e.date.start_date is not None],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
