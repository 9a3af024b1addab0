"""The tables shipped in timeline_cli/data, read from their JSON twins.

Each table is edited as TOML (data/<name>.toml, with its comments) and shipped also as JSON,
made by tools/data_json.py: json parses in C, tomllib in Python, and start-up is most of a
run on one article. The test suite checks that every twin says what its TOML file says.
"""

from __future__ import annotations

import json
from pathlib import Path

# The package is installed as files (pip, or the source tree); importlib.resources would
# cost its own imports (zipfile among them) on every run.
DATA = Path(__file__).resolve().parent / "data"


def shipped_table(name: str) -> dict:
    """The table data/<name>.toml, e.g. "timex/lexicon", as tomllib would read it."""
    return json.loads((DATA / f"{name}.json").read_bytes())
