"""Why a date came out as it did: every recogniser hit, what was kept, and how it resolved."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Mention, RefDate
from ..script import detect_script, simplified_view
from .compose import compose, settle
from .recognise import ScanContext, scan
from .region import document_region
from .resolve import resolve_all


@dataclass(frozen=True, slots=True)
class Hit:
    rule: str
    start: int
    end: int
    text: str
    kept: bool  # False when a longer or earlier piece covered it


@dataclass(frozen=True, slots=True)
class Explanation:
    text: str
    ref: RefDate | None
    script: str
    hits: tuple[Hit, ...]
    mentions: tuple[Mention, ...]


def explain(text: str, ref: RefDate | None) -> Explanation:
    view = simplified_view(text)
    script = detect_script(text)
    found = scan(view, ScanContext(taiwan=script == "hant", region=document_region(view, script)))
    all_pieces = [(p.start, p.end, p.rule) for p, _ in found]
    kept = settle(found)
    kept_keys = {(p.start, p.end, p.rule) for p in kept}
    hits = tuple(sorted(
        (Hit(rule, start, end, text[start:end], (start, end, rule) in kept_keys)
         for start, end, rule in all_pieces),
        key=lambda h: (h.start, -(h.end - h.start)),
    ))
    mentions = resolve_all(compose(kept, view), text, view, ref)
    return Explanation(text, ref, script, hits, tuple(mentions))
