"""Regular expressions compiled the first time they are used, not when their module is imported.

Compiling is most of a short run's start-up: Python's `re` compiles in Python, and a class of
Chinese characters alone costs about 0.1 ms. Many patterns serve only some texts (a byline,
a schedule row, a range with its own year word), so a run pays only for the ones its text needs.
"""

from __future__ import annotations

import re

# What callers use of a compiled pattern; after the first use each is an attribute of the
# LazyPattern itself, so a call costs what it costs on the compiled pattern.
_ATTRIBUTES = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split",
               "pattern", "flags", "groups", "groupindex")


class LazyPattern:
    """Stands for `re.compile(source, flags)` wherever a pattern's methods are called."""

    def __init__(self, source, flags: int = 0):
        self._source = source  # the pattern, or a function that writes it (a table read only then)
        self._flags = flags

    def __getattr__(self, name: str):
        # Reached only for a name not set yet: the first use of the pattern.
        if name.startswith("_") or name not in _ATTRIBUTES:
            raise AttributeError(name)
        if callable(self._source):
            self._source = self._source()
        compiled = re.compile(self._source, self._flags)
        for attribute in _ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._source!r}, {self._flags!r})"


def lazy_compile(source, flags: int = 0) -> LazyPattern:
    """A pattern like `re.compile(source, flags)`, compiled when first used; `source` may be a
    function that writes the pattern, called then too (when writing it reads a data table)."""
    return LazyPattern(source, flags)
