"""Regular expressions compiled the first time they are used, not when their module is imported,
and from their compiled form shipped with the package where this Python can use it.

Compiling is most of a short run's start-up: Python's `re` compiles in Python, and a class of
Chinese characters alone costs about 0.1 ms. Many patterns serve only some texts (a byline,
a schedule row, a range with its own year word), so a run pays only for the ones its text needs.

`compile_pattern` builds a pattern from data/patterns.bin when the file was written for this
Python's regular expression engine (tools/patterns_table.py writes it, as `.pyc` files hold
compiled code): the engine's own code for the pattern, handed to it as `re.compile` would hand
it, without parsing and compiling again. Anything else (another Python, a pattern the file does
not hold, a damaged file) compiles with `re.compile`: the result is the same pattern either way.
Nothing is written at run time.
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
        compiled = compile_pattern(self._source, self._flags)
        for attribute in _ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._source!r}, {self._flags!r})"


def lazy_compile(source, flags: int = 0) -> LazyPattern:
    """A pattern like `re.compile(source, flags)`, compiled when first used; `source` may be a
    function that writes the pattern, called then too (when writing it reads a data table)."""
    return LazyPattern(source, flags)


def compile_pattern(source: str, flags: int = 0) -> re.Pattern:
    """re.compile(source, flags), built from the shipped compiled form when there is one."""
    if type(source) is not str:
        return re.compile(source, flags)  # bytes patterns are few and not in the table
    if _RECORDING is not None:
        _RECORDING.add((source, int(flags)))
    entry = _shipped_entry(source, int(flags))
    if entry is not None:
        try:
            import _sre

            return _sre.compile(source, *entry)
        except Exception:  # noqa: BLE001 - an entry the engine refuses: compile as usual
            pass
    return re.compile(source, flags)


# --- the shipped table --------------------------------------------------------------------------

TABLE_FILE = __file__.rsplit("lazyre.py", 1)[0] + "data/patterns.bin"
_TABLE: tuple | None = None  # (index, blob) once read; ({}, b"") when there is none for this Python
_RECORDING: set | None = None  # tools/patterns_table.py collects what a run compiles here


def engine_tag() -> str:
    """What the compiled form depends on: the interpreter, its version and its regex engine."""
    import _sre
    import sys

    return (f"{sys.implementation.name}-{sys.version_info[0]}.{sys.version_info[1]}-{_sre.MAGIC}"
            f"-{_sre.CODESIZE}-{_sre.MAXREPEAT}-{_sre.MAXGROUPS}")


def entry_key(source: str, flags: int) -> int:
    import zlib

    return zlib.crc32(f"{flags}\x00{source}".encode("utf-8", "surrogatepass"))


def _table() -> tuple:
    global _TABLE
    if _TABLE is None:
        _TABLE = ({}, b"")
        try:
            import marshal

            with open(TABLE_FILE, "rb") as table:
                tag, index, blob = marshal.loads(table.read())
            if tag == engine_tag() and isinstance(index, dict) and isinstance(blob, bytes):
                _TABLE = (index, blob)
        except Exception:  # noqa: BLE001 - missing or damaged: every pattern compiles as usual
            pass
    return _TABLE


def _shipped_entry(source: str, flags: int) -> tuple | None:
    """The arguments `_sre.compile` takes after the pattern, as the table holds them for this
    pattern and flags, or None."""
    index, blob = _table()
    if not index:
        return None
    found = index.get(entry_key(source, flags))
    if found is None:
        return None
    try:
        import marshal

        for start, length in found:  # a crc shared by two patterns holds both
            held_source, held_flags, *entry = marshal.loads(blob[start:start + length])
            if held_source == source and held_flags == flags:
                return tuple(entry)
    except Exception:  # noqa: BLE001 - a damaged entry: compile as usual
        return None
    return None
