"""The library API: the same stages the command line uses, for Python callers."""

from __future__ import annotations

from datetime import date

from .model import Mention, RefDate


def extract_mentions(text: str, ref_date: date | None = None, *, script: str | None = None) -> list[Mention]:
    """Dated mentions in `text`, resolved against `ref_date` (None: relative words stay unresolved)."""
    from .timex import extract

    ref = RefDate(ref_date, "day", "option") if ref_date is not None else None
    return extract(text, ref, script=script)
