"""Inputs for run_all.py, built from the repository's own articles into a scratch folder.

The material is the seed article (seeds/*.txt) and the tests' articles
(tests/articles/*.txt): one "unit" is all of them joined by blank lines, in a fixed
order. Everything here is deterministic, so two runs measure the same bytes.
"""

from __future__ import annotations

import math
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEP = "\n\n"


def source_paths() -> list[Path]:
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "articles").glob("*.txt"))
    if not paths:
        raise FileNotFoundError(f"no articles under {ROOT / 'seeds'} or {ROOT / 'tests' / 'articles'}")
    return paths


def source_texts() -> list[str]:
    return [p.read_text(encoding="utf-8").strip() for p in source_paths()]


def unit() -> str:
    """One copy of the material: every article, blank-line separated, ending with a blank line."""
    return SEP.join(source_texts()) + SEP


def copies_for(size: int) -> int:
    """Whole copies of the unit needed for at least `size` bytes of UTF-8."""
    return math.ceil(size / len(unit().encode("utf-8")))


def repeated_file(path: Path, copies: int) -> tuple[int, int]:
    """Write `copies` copies of the unit into one file; returns (bytes, characters)."""
    u = unit()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as f:
        block = u * min(copies, 100)
        left = copies
        while left >= 100:
            f.write(block)
            left -= 100
        f.write(u * left)
    return len(u.encode("utf-8")) * copies, len(u) * copies


def article_folder(path: Path, files: int) -> tuple[int, int]:
    """`files` articles in ten sub-folders, each a source article with small changes.

    File i is article i mod n with its paragraphs rotated by (i div n) and a first line
    of its own (a number and a date), so no two files are the same. Returns (bytes,
    characters) over all the files.
    """
    if path.exists():
        shutil.rmtree(path)
    texts = source_texts()
    total_bytes = total_chars = 0
    per_dir = math.ceil(files / 10)
    for i in range(files):
        paras = [p for p in texts[i % len(texts)].split("\n") if p.strip()]
        k = (i // len(texts)) % len(paras)
        paras = paras[k:] + paras[:k]
        head = f"（稿件{i:04d}，更新於{2000 + i % 26}年{i % 12 + 1}月{i % 28 + 1}日）"
        text = "\n".join([head, *paras]) + "\n"
        d = path / f"d{i // per_dir:02d}"
        d.mkdir(parents=True, exist_ok=True)
        (d / f"article_{i:04d}.txt").write_text(text, encoding="utf-8", newline="\n")
        total_bytes += len(text.encode("utf-8"))
        total_chars += len(text)
    return total_bytes, total_chars


# --------------------------------------------------------------------------- adversarial text

DIGITS = "0123456789"
WIDE_DIGITS = "０１２３４５６７８９"
CN_NUMERALS = "〇零一二三四五六七八九十百千萬万兩两廿卅"
UNITS = "年月日號号時时分秒週周旬季度世紀纪代點点半"
PUNCT = "，。、：；－-/.·（）()「」～~至到及和"


def _token(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.22:
        return "".join(rng.choice(DIGITS) for _ in range(rng.randint(1, 6)))
    if r < 0.32:
        return "".join(rng.choice(WIDE_DIGITS) for _ in range(rng.randint(1, 4)))
    if r < 0.47:
        return "".join(rng.choice(CN_NUMERALS) for _ in range(rng.randint(1, 6)))
    if r < 0.70:
        return rng.choice(UNITS)
    if r < 0.85:
        return rng.choice(PUNCT)
    if r < 0.95:  # date-shaped runs, well-formed or not: 2025年13月32日, 二〇二五年二月三十日
        y = rng.choice([str(rng.randint(0, 3000)), "二〇二五", "民國" + str(rng.randint(0, 120)), "１１４"])
        return f"{y}年{rng.randint(0, 14)}月{rng.randint(0, 40)}日{rng.choice(['', '下午', str(rng.randint(0, 30)) + '時'])}"
    # long runs of one kind: the shapes that make a careless regular expression backtrack
    n = rng.randint(50, 400)
    return rng.choice([
        "1" * n, "１" * n, "年" * n, "一" * n, "十" * n, "1年" * (n // 2), "2025-" * (n // 5),
        "年月日" * (n // 3), "一二三四五六七八九十" * (n // 10), "12月" * (n // 3), "，" * n,
        "3到5年" * (n // 4), "1/" * (n // 2),
    ])


def adversarial_text(size: int, seed: int = 6) -> str:
    """About `size` bytes (UTF-8) of hostile text on one line: digits, 年/月/日, numerals, punctuation."""
    rng = random.Random(seed)
    parts, n = [], 0
    while n < size:
        t = _token(rng)
        parts.append(t)
        n += len(t.encode("utf-8"))
    return prefix_bytes("".join(parts), size)


def prefix_bytes(text: str, size: int) -> str:
    """The longest prefix of `text` that is at most `size` bytes of UTF-8."""
    return text.encode("utf-8")[:size].decode("utf-8", "ignore")
