"""Events and mentions with their text made safe for a terminal (see textsafe), for the views
drawn with Rich, which keeps whatever characters it is given."""

from __future__ import annotations

from dataclasses import replace

from ..textsafe import printable


def displayable_events(events):
    return [_event(e) for e in events]


def _event(e):
    title = printable(e.title)
    actors = tuple(a if printable(a.name) == a.name else replace(a, name=printable(a.name)) for a in e.actors)
    evidence = tuple(ev if _fine(ev.sentence) and _fine(ev.path) else
                     replace(ev, sentence=printable(ev.sentence), path=printable(ev.path)) for ev in e.evidence)
    if title == e.title and actors == e.actors and evidence == e.evidence:
        return e
    return replace(e, title=title, actors=actors, evidence=evidence)


def displayable_mentions(mentions):
    return [m if _fine(m.text) else replace(m, text=printable(m.text)) for m in mentions]


def _fine(text: str) -> bool:
    return printable(text) == text
