"""Plain text for pipes: one tab-separated line per event, no colour, no box characters."""

from __future__ import annotations

from ..script import convert
from .dates import human_date, label_in_hant


def _clean(text: str) -> str:
    return text.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def as_written(event) -> str:
    """The date phrase as the article writes it (当地时间10月2日21时48分), from the first sentence
    that dates the event; empty for a date worked out from several phrases (a tenure's span)."""
    if (event.rule or "").startswith("derived"):
        return ""
    for ev in event.evidence:
        phrase = ev.phrase_in_sentence()
        if phrase is not None:
            return ev.sentence[phrase[0]:phrase[1]]
    return ""


def plain_lines(events, script: str = "original", labels: str = "hans"):
    """One line (with its newline) per event, as they are asked for."""
    for e in events:
        d = e.date
        label = human_date(d.value, d.mod, d.granularity)
        if labels == "hant":
            label = label_in_hant(label)
        yield "\t".join(_clean(x) for x in (
            d.start_date.isoformat() if d.start_date else "",
            d.end_date.isoformat() if d.end_date else "",
            convert(as_written(e), script) or label, d.value + (f" {d.mod}" if d.mod else ""),
            convert(e.title, script), e.type,
            "、".join(convert(a.name, script) for a in e.actors), e.status, e.id,
            "; ".join(dict.fromkeys(ev.path for ev in e.evidence)),
        )) + "\n"
