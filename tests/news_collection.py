"""A collection of ~50 inputs for the Dask and Parquet tests, built from the repository's own
articles: the seed and tests/articles as they are (with their sidecars), each converted to
the other script and to its own, variants with their paragraphs rotated, a JSON Lines corpus,
an HTML page, and inputs that cannot be read (binary bytes, a broken link, a bad corpus row)
or are empty. Deterministic: two builds give the same bytes."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sources() -> list[Path]:
    return sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "articles").glob("*.txt"))


def _sidecar(path: Path) -> Path:
    return path.with_name(path.stem + ".meta.toml")


def build(folder: Path) -> Path:
    from timeline_cli.script import convert

    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    texts = []
    for source in sources():
        shutil.copy(source, folder / source.name)
        shutil.copy(_sidecar(source), folder / _sidecar(source).name)
        texts.append((source, source.read_text(encoding="utf-8")))
    for script in ("hans", "hant"):
        for number, (source, text) in enumerate(texts):
            target = folder / script / f"{source.stem}_{script}.txt"
            target.parent.mkdir(exist_ok=True)
            target.write_text(convert(text, script), encoding="utf-8")
            if number % 2 == (script == "hant"):
                shutil.copy(_sidecar(source), _sidecar(target))
        for number, (source, text) in enumerate(texts):
            paragraphs = [p for p in text.split("\n") if p.strip()]
            turn = 1 + number % 3
            rotated = "\n".join(paragraphs[turn:] + paragraphs[:turn]) + "\n"
            target = folder / script / "more" / f"{source.stem}_rotated.txt"
            target.parent.mkdir(exist_ok=True)
            target.write_text(convert(rotated, script), encoding="utf-8")
    rows = []
    for number, (source, text) in enumerate(texts[1:5]):
        rows.append(json.dumps({"id": f"row-{number}", "published": "2025-12-0" + str(number + 1),
                                "title": source.stem, "text": text}, ensure_ascii=False))
    rows.insert(2, "not a JSON object")
    (folder / "feeds.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    page = texts[3][1].replace("\n", "</p>\n<p>")
    (folder / "page.html").write_text(
        '<html><head><meta property="article:published_time" content="2025-12-01T08:00:00+08:00">'
        f"<title>page</title></head><body><p>{page}</p></body></html>\n", encoding="utf-8")
    (folder / "zz_binary.txt").write_bytes(b"\x00\x01\x02binary\x00" * 64)
    (folder / "zz_empty.txt").write_bytes(b"")
    os.symlink(folder / "gone.txt", folder / "zz_broken.txt")
    return folder
