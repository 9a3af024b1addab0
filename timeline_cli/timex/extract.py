"""From text to resolved mentions: the whole temporal-expression stage in one call."""

from __future__ import annotations

import gc
from contextlib import contextmanager

from ..model import Mention, RefDate
from ..script import detect_script, simplified_view
from .compose import compose, settle
from .recognise import ScanContext, scan
from .region import document_region
from .resolve import resolve_with_cues


def extract(text: str, ref: RefDate | None, *, script: str | None = None,
            view: str | None = None) -> list[Mention]:
    """Every dated mention in `text`, in order, resolved against `ref` and the story.

    `script` (hant/hans/mixed/other) decides whether 114年3月 is an ROC year; it is
    detected when not given. `view` may pass a Simplified view already computed.
    """
    return extract_with_cues(text, ref, script=script, view=view)[0]


def extract_with_cues(text: str, ref: RefDate | None, *, script: str | None = None,
                      view: str | None = None) -> tuple[list[Mention], list[Mention]]:
    """The mentions, and the story cues (随后, 此后) that are not dates but tell the events
    stage that what follows happened after the date before them."""
    if view is None:
        view = simplified_view(text)
    if script is None:
        script = detect_script(text, view=view)
    with cyclic_gc_paused():
        found = scan(view, ScanContext(taiwan=script == "hant", region=document_region(view, script)))
        pieces = compose(settle(found), view)
        return resolve_with_cues(pieces, text, view, ref)


@contextmanager
def cyclic_gc_paused():
    """The cyclic collector off for a stage that makes tens of thousands of small objects and
    no reference cycles: run every few hundred allocations, it would only walk them in vain
    (about a tenth of the time on long texts). Reference counting still frees everything."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
