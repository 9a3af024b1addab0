"""--verbose: what each input gave and how long the steps took, on stderr.

The commands that read articles make a `Report` of their --quiet/--verbose before
loading, and tell it when the inputs are read and when the output is written. stdout
is never touched, so `--verbose` is safe in a pipe.
"""

from __future__ import annotations

import time

from .common import fail_usage, say

_SOURCES = {
    "option": "given with --ref-date",
    "metadata": "from its sidecar .meta.toml",
    "text": "from the text",
    "inferred": "inferred from the text",
    "today": "today's date (no --ref-date)",
}


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def describe_reference(ref) -> str:
    if ref is None:
        return "no reference date (relative dates stay unresolved)"
    source = _SOURCES.get(ref.source, ref.source)
    return f"reference date {ref.iso()} {source}" + (f" ({ref.evidence})" if ref.evidence else "")


class Report:
    """Says nothing unless verbose; `--verbose --quiet` is a usage error."""

    def __init__(self, manners):
        if manners.verbose and manners.quiet:
            fail_usage("--verbose and --quiet contradict each other; give one of them")
        self.on = manners.verbose
        self.started = self._last = time.perf_counter()

    def _lap(self) -> float:
        now = time.perf_counter()
        lap, self._last = now - self._last, now
        return lap

    def loaded(self, inputs, found: str = "events") -> None:
        """Per input: reference date, script, encoding and what was found; then the reading time."""
        if not self.on:
            return
        lap = self._lap()
        for analysis in inputs.analyses:
            doc = analysis.document
            things = analysis.events if found == "events" else analysis.mentions
            say(f"{doc.path}: {describe_reference(doc.ref)}; script {doc.script}, encoding {doc.encoding}; "
                f"{_plural(len(things), found[:-1])}")
        count = len(inputs.analyses) + len(inputs.errors)
        each = f" ({lap / count:.3f} s each)" if count > 1 else ""
        skipped = f"; {len(inputs.errors)} skipped" if inputs.errors else ""
        say(f"read and analysed {_plural(count, 'input')} in {lap:.2f} s{each}{skipped}")

    def streamed(self, documents: list, errors: list, noun: str) -> None:
        """For a command that wrote as it read: per input what was found, then the time."""
        if not self.on:
            return
        lap = self._lap()
        for doc, count in documents:
            say(f"{doc.path}: {describe_reference(doc.ref)}; script {doc.script}, encoding {doc.encoding}; "
                f"{_plural(count, noun)}")
        skipped = f"; {len(errors)} skipped" if errors else ""
        total = sum(count for _, count in documents)
        say(f"read and analysed {_plural(len(documents) + len(errors), 'input')}{skipped} in {lap:.2f} s, "
            f"writing {_plural(total, noun)} as they came; {self._last - self.started:.2f} s in all")

    def done(self, count: int | None = None, noun: str = "event") -> None:
        """The count shown and the time of everything after reading."""
        if not self.on:
            return
        lap = self._lap()
        shown = f"{_plural(count, noun)} shown; " if count is not None else ""
        say(f"{shown}merging, filtering and writing took {lap:.2f} s; {self._last - self.started:.2f} s in all")
