"""The PySpark recipe of docs/parquet.md, run as written on the seed and tests/articles: its
timeline is the one `timeline list` reads from the same files. Spark is no supported extra:
this test runs only where pyspark (with pandas and pyarrow) is installed."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import sys

import pytest

import news_collection
from conftest import ROOT

pytest.importorskip("pyspark")
pytest.importorskip("pandas")
pytest.importorskip("pyarrow")


def recipe() -> str:
    doc = (ROOT / "docs" / "parquet.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- spark recipe -->\n```python\n(.*?)```", doc, re.S)
    assert found, "docs/parquet.md has the spark recipe"
    return found.group(1)


def test_the_spark_recipe_gives_the_timeline_of_the_files(tmp_path, monkeypatch):
    from timeline_cli.events.merge import merge_across
    from timeline_cli.pipeline import Settings, analyse_input

    news = tmp_path / "news"
    news.mkdir()
    for source in news_collection.sources():
        shutil.copy(source, news / source.name)
        shutil.copy(source.with_name(source.stem + ".meta.toml"), news / (source.stem + ".meta.toml"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)  # the executors' Python: the one with timeline-cli
    space: dict = {}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(recipe(), "docs/parquet.md", "exec"), space)  # noqa: S102 - the documented recipe itself
    space["spark"].stop()
    paths = sorted(os.path.join("news", p.name) for p in news.glob("*.txt"))
    expected = merge_across([e for p in paths for e in analyse_input(p, Settings()).analysis.events])
    assert space["timeline"] == expected
    assert printed.getvalue().count("\n") == len(expected)
