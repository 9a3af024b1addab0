"""Write timeline_cli/data/patterns.bin: the compiled form of the regular expressions a run uses.

A run builds each pattern it needs from this table instead of parsing and compiling it (see
timeline_cli/lazyre.py), when the table was written by the same Python as runs it; any other
Python, and any pattern the table does not hold, compiles as usual. The patterns are those the
tool compiles on the seed and on every text under tests/ (articles, fresh sets, corpus rows),
with mentions, events and every view. Run it after changing a pattern or a table a pattern is
written from; the test suite says when the table lacks what the seed needs.

    python tools/patterns_table.py
"""

from __future__ import annotations

import marshal
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline_cli import lazyre  # noqa: E402

OUT = ROOT / "timeline_cli" / "data" / "patterns.bin"


def compiled_form(source: str, flags: int) -> tuple:
    """What re.compile hands the engine for this pattern (CPython's re internals)."""
    from re import _compiler, _parser

    parsed = _parser.parse(source, flags)
    code = [int(c) for c in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    return (source, flags, int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex,
            tuple(indexgroup))


def texts() -> list[str]:
    from timeline_cli.documents import seed_path

    found = [seed_path().read_text(encoding="utf-8")]
    for path in sorted((ROOT / "tests").rglob("*.txt")):
        found.append(path.read_text(encoding="utf-8", errors="replace"))
    for path in sorted((ROOT / "tests" / "corpus").glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                found.append(line.split("\t")[0])
    return found


def used_patterns() -> set[tuple[str, int]]:
    """Every pattern compiled while analysing the texts and rendering the seed's views."""
    from datetime import date

    from timeline_cli.cli.entry import main
    from timeline_cli.documents import RawDocument
    from timeline_cli.pipeline import analyse

    lazyre._RECORDING = recorded = set()
    for text in texts():
        analyse(RawDocument("a.txt", text, "utf-8"), date(2025, 11, 20))
    for argv in (["list"], ["list", "--format", "table"], ["tree"], ["mentions"], ["actors"], ["show", "--help"],
                 ["chart"], ["list", "--format", "json"], ["list", "--format", "ics"]):
        sys.argv = ["timeline", *argv]
        try:
            main()
        except SystemExit:
            pass
    lazyre._RECORDING = None
    return recorded


def main() -> int:
    import io
    from contextlib import redirect_stdout

    with redirect_stdout(io.StringIO()):
        patterns = used_patterns()
    index: dict[int, list[tuple[int, int]]] = {}
    blob = bytearray()
    for source, flags in sorted(patterns):
        entry = marshal.dumps(compiled_form(source, flags))
        index.setdefault(lazyre.entry_key(source, flags), []).append((len(blob), len(entry)))
        blob += entry
    OUT.write_bytes(marshal.dumps((lazyre.engine_tag(), index, bytes(blob))))
    print(f"wrote {OUT.relative_to(ROOT)}: {len(patterns)} patterns, {OUT.stat().st_size:,} bytes "
          f"for {lazyre.engine_tag()}")
    return 0


if __name__ == "__main__":
    re.purge()
    sys.exit(main())
