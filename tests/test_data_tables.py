"""The shipped tables are read from JSON twins of their TOML sources: each twin must say
exactly what its TOML file says (regenerate with python tools/data_json.py)."""

import json
import sys
import tomllib

import pytest

from conftest import ROOT
from timeline_cli.datatables import shipped_table

sys.path.insert(0, str(ROOT / "tools"))
import data_json  # noqa: E402

DATA = ROOT / "timeline_cli" / "data"


@pytest.mark.parametrize("table", data_json.TABLES)
def test_each_json_twin_says_what_its_toml_says(table):
    source = tomllib.loads((DATA / f"{table}.toml").read_text(encoding="utf-8"))
    assert shipped_table(table) == source, "regenerate with: python tools/data_json.py"
    assert (DATA / f"{table}.json").read_text(encoding="utf-8") == data_json.twin_text(table)


def test_every_shipped_toml_table_has_a_twin():
    sources = {str(p.relative_to(DATA).with_suffix("")) for p in DATA.rglob("*.toml") if "seeds" not in p.parts}
    assert sources == set(data_json.TABLES)
    assert all(json.loads((DATA / f"{t}.json").read_text(encoding="utf-8")) for t in sources)
