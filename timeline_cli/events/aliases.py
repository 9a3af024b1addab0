"""Finding known names in text without compiling one pattern of them all.

An alternation of a few hundred aliases costs ~5 ms to compile, and the names a document
introduces itself would cost a compile per document. `AliasFinder` finds what such an
alternation (longest alias first) finds with `finditer`: at the leftmost place where an alias
starts, the longest alias there; then on after its end.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..lazyre import compile_pattern


class AliasFinder:
    """The aliases of a table, ready to be found; with `latin_bounds`, an alias that starts or
    ends with a Latin letter or digit must not touch another one there (Meta, not Metadata)."""

    def __init__(self, aliases: Iterable[str], *, latin_bounds: bool = False):
        self._by_first: dict[str, list[str]] = {}
        for alias in sorted(aliases, key=len, reverse=True):  # stable: equal lengths keep their order
            if alias:
                self._by_first.setdefault(alias[0], []).append(alias)
        self._latin_bounds = latin_bounds
        first = "".join(sorted(self._by_first))
        self._starts = compile_pattern("[" + re.escape(first) + "]") if first else None

    def finditer(self, text: str, pos: int = 0) -> Iterator[tuple[int, int, str]]:
        """(start, end, alias) of each alias found in text[pos:], left to right, none overlapping.
        The character before `pos` still counts for the Latin bound."""
        if self._starts is None:
            return
        search = self._starts.search
        m = search(text, pos)
        while m is not None:
            start = m.start()
            alias = self._alias_at(text, start)
            if alias is None:
                m = search(text, start + 1)
                continue
            end = start + len(alias)
            yield start, end, alias
            m = search(text, end)

    def _alias_at(self, text: str, start: int) -> str | None:
        for alias in self._by_first[text[start]]:
            if text.startswith(alias, start) and (not self._latin_bounds or _stands_alone(text, start, alias)):
                return alias
        return None


def _stands_alone(text: str, start: int, alias: str) -> bool:
    end = start + len(alias)
    if _latin(alias[0]) and start > 0 and _latin(text[start - 1]):
        return False
    return not (_latin(alias[-1]) and end < len(text) and _latin(text[end]))


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()
