"""Inputs: paths, folders and stdin; encodings; sidecar metadata.

Reading never raises for a bad input: each problem becomes an `InputError`
naming the path and the reason, and the other inputs go on.
"""

from __future__ import annotations

import codecs
import os
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

SEED_NAME = "000_baa26c5ea6ec9896.txt"
SIDE_SUFFIX = ".meta.toml"
TEXT_SUFFIXES = {".txt", ".md", ".text", ".htm", ".html", ""}


@dataclass(frozen=True, slots=True)
class InputError:
    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class RawDocument:
    """A decoded input before analysis: text plus what its sidecar says."""

    path: str
    text: str
    encoding: str
    published: date | None = None
    title: str | None = None


def seed_path() -> Path:
    """The seed article: shipped with the package, or in the repository's seeds/."""
    from importlib import resources

    packaged = resources.files("timeline_cli").joinpath("data/seeds", SEED_NAME)
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "seeds" / SEED_NAME


def display_path(path: Path) -> str:
    """Paths relative to the working directory when they are inside it; the seed as seeds/…."""
    try:
        seed = seed_path().resolve()
        if path.resolve() == seed:
            return f"seeds/{SEED_NAME}"
    except OSError:
        pass
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


# --- finding files ----------------------------------------------------------------------

def expand_paths(paths: list[str], glob: str | None = None) -> Iterator[str | Path | InputError]:
    """Files in order: folders walked recursively (sorted), '-' kept as stdin, problems reported."""
    for raw in paths:
        if raw == "-":
            yield "-"
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, glob)
        elif path.exists() or path.is_symlink():
            if path.is_symlink() and not path.exists():
                yield InputError(raw, "broken symbolic link")
            else:
                yield path
        else:
            yield InputError(raw, "no such file or directory")


def _walk(folder: Path, glob: str | None) -> Iterator[Path | InputError]:
    seen: set[tuple[int, int]] = set()
    pattern = glob or "*"
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            stat = current.stat()
        except OSError as exc:
            yield InputError(str(current), _os_reason(exc))
            continue
        key = (stat.st_dev, stat.st_ino)
        if key in seen:
            yield InputError(str(current), "symbolic link loop, skipped")
            continue
        seen.add(key)
        try:
            entries = sorted(current.iterdir(), key=lambda p: p.name)
        except OSError as exc:
            yield InputError(str(current), _os_reason(exc))
            continue
        files, folders = [], []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                folders.append(entry)
            elif entry.name.endswith(SIDE_SUFFIX):
                continue
            elif entry.match(pattern) and (glob or entry.suffix.lower() in TEXT_SUFFIXES):
                files.append(entry)
        yield from files
        stack.extend(reversed(folders))


def _os_reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


# --- reading and decoding ---------------------------------------------------------------

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


class DecodeError(Exception):
    pass


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Text and the encoding used: a BOM, then UTF-8, then a detector over Chinese encodings."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError as exc:
            raise DecodeError(f"unknown encoding {encoding!r}") from exc
        except UnicodeDecodeError as exc:
            raise DecodeError(f"not valid {encoding} at byte {exc.start}") from exc
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise DecodeError(f"not valid {name} at byte {exc.start}") from exc
    if b"\x00" in data[:8192]:
        raise DecodeError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _detect_chinese(data)


_CANDIDATES = ("gb18030", "big5hkscs", "big5")


def _detect_chinese(data: bytes) -> tuple[str, str]:
    """GB18030 or Big5: the one that decodes with the most common CJK characters wins."""
    best: tuple[float, str, str] | None = None
    for name in _CANDIDATES:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        score = _cjk_score(text)
        if best is None or score > best[0]:
            best = (score, text, name)
    if best is None or best[0] < 0.3:
        detected = _charset_normalizer(data)
        if detected is not None:
            return detected
        if best is None:
            raise DecodeError("not text in UTF-8, UTF-16, GB18030 or Big5 (use --encoding)")
    return best[1], best[2]


def _cjk_score(text: str) -> float:
    """Share of characters that are common CJK, ASCII or CJK punctuation."""
    sample = text[:20000]
    if not sample:
        return 1.0
    common = sum(1 for ch in sample if ch < "\u0080" or "\u4e00" <= ch <= "\u9fa5" or "\u3000" <= ch <= "\u303f"
                 or "\uff00" <= ch <= "\uffef")
    return common / len(sample)


def _charset_normalizer(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    match = from_bytes(data[:200000]).best()
    if match is None or match.encoding is None:
        return None
    try:
        return data.decode(match.encoding), match.encoding
    except (UnicodeDecodeError, LookupError):
        return None


def read_raw(source: str | Path, *, encoding: str | None = None, stdin=None) -> RawDocument:
    """Read and decode one input; raises DecodeError or OSError with a reason."""
    if source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read()
        if isinstance(data, str):
            return RawDocument("-", data, "utf-8")
        text, used = decode(data, encoding)
        return RawDocument("-", text, used)
    path = Path(source)
    data = path.read_bytes()
    text, used = decode(data, encoding)
    published, title = read_sidecar(path)
    return RawDocument(display_path(path), text, used, published, title)


def sidecar_for(path: Path) -> Path | None:
    for candidate in (path.with_name(path.stem + SIDE_SUFFIX), path.with_name(path.name + SIDE_SUFFIX)):
        if candidate.is_file():
            return candidate
    return None


def read_sidecar(path: Path) -> tuple[date | None, str | None]:
    """(published, title) from <file>.meta.toml; a broken sidecar is ignored, not fatal."""
    side = sidecar_for(path)
    if side is None:
        return None, None
    try:
        meta = tomllib.loads(side.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None, None
    return parse_published(meta.get("published")), meta.get("title")


def parse_published(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None
