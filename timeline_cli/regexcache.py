"""Compiled regular expressions kept between runs, as .pyc files keep compiled code.

Python compiles a regular expression in Python code (parse, then generate the engine's
instructions). For this tool's ~120 patterns, many with large Chinese character
classes, that is ~70 ms on every run: more than the whole analysis of one article.
The instructions are a list of integers; this module stores them in the user's cache
folder and hands them straight to the engine on later runs.

Anything unexpected (another Python, a damaged or unwritable cache) falls back to
re.compile; the engine validates the instructions it is given. TIMELINE_NO_CACHE=1
turns the cache off.
"""

from __future__ import annotations

import os
import re
import sys

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - a Python without CPython's engine
    _sre = None

_entries: dict | None = None  # (pattern, flags) -> arguments of _sre.compile after the pattern
_added = False
_owner = os.getpid()  # forked workers share the entries; only this process saves them
_MAX_ENTRIES = 2000  # patterns of older versions pile up; past this the file starts over


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - the name re uses
    """re.compile(pattern, flags), from the cache when it has the pattern."""
    entries = _load()
    if entries is None:
        return re.compile(pattern, flags)
    flags = int(flags)  # a RegexFlag would not marshal
    key = (pattern, flags)
    entry = entries.get(key)
    if entry is not None:
        try:
            return _sre.compile(pattern, *entry)
        except Exception:  # noqa: BLE001 - a damaged entry: compile afresh below
            pass
    try:
        parsed = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry = (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        compiled = _sre.compile(pattern, *entry)
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - internals changed: the public way still works
        return re.compile(pattern, flags)
    _remember(key, entry)
    return compiled


def cache_path() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    tag = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}" if _sre else "none"
    return os.path.join(base, "timeline-cli", f"regex-{tag}.marshal")


def _load() -> dict | None:
    global _entries
    if _entries is not None or _sre is None or os.environ.get("TIMELINE_NO_CACHE"):
        return _entries
    import marshal

    _entries = {}
    try:
        with open(cache_path(), "rb") as f:
            loaded = marshal.loads(f.read())  # load(f) reads object by object: 30x slower
        if isinstance(loaded, dict):
            _entries = loaded
    except (OSError, EOFError, ValueError, TypeError):
        pass
    return _entries


def _remember(key, entry) -> None:
    global _added
    if len(_entries) >= _MAX_ENTRIES:
        _entries.clear()
    _entries[key] = entry
    if not _added:
        _added = True
        import atexit

        atexit.register(_save)


def _save() -> None:
    """Write the entries atomically; a cache that cannot be written is no error."""
    if os.getpid() != _owner or not _entries:
        return
    import marshal
    import tempfile

    path = cache_path()
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".regex-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                marshal.dump(_entries, f)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, ValueError):
        pass
