"""Inputs: paths, folders and stdin; encodings; sidecar metadata; streaming in chunks.

Reading never raises for a bad input path: each problem becomes an `InputError`
naming the path and the reason, and the other inputs go on. Opening and decoding
raise `OSError` or `DecodeError` with a reason the caller reports.

Big inputs are never held whole: `open_input` decodes a file block by block and
`chunked` cuts the text into parts of about `CHUNK_CHARS` characters at paragraph
boundaries, so memory stays bounded whatever the size of the file.
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import re
import sys
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from fnmatch import fnmatchcase
from functools import lru_cache
from pathlib import Path

from .lazyre import lazy_compile
from .vocab import CLOSERS, SENTENCE_END

SEED_NAME = "000_baa26c5ea6ec9896.txt"
SIDE_SUFFIX = ".meta.toml"
TEXT_SUFFIXES = {".txt", ".md", ".text", ".htm", ".html", ""}

BLOCK_BYTES = 1 << 20  # read files this many bytes at a time
CHUNK_CHARS = 350_000  # characters per analysed part: about 1 MB of UTF-8 Chinese
SAMPLE_BYTES = 64 * 1024  # what encoding detection looks at


@dataclass(frozen=True, slots=True)
class InputError:
    """An input that could not be read, and why."""

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


class DecodeError(Exception):
    """The bytes are not text in any encoding we can recognise (or the one asked for)."""


def seed_path() -> Path:
    """The seed article: shipped with the package, or in the repository's seeds/."""
    from .datatables import DATA

    packaged = DATA / "seeds" / SEED_NAME
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parent.parent / "seeds" / SEED_NAME


@lru_cache(maxsize=1)
def _seed_resolved() -> Path:
    return seed_path().resolve()


def display_path(path: Path | str) -> str:
    """A path as the user typed it (a file found in a folder: the folder as typed, then its
    name), the seed as seeds/…; bytes of the name that are not UTF-8 and control characters
    shown as escapes (\\xff), so that it prints safely and JSON stays valid UTF-8."""
    from .textsafe import name_for_display

    text = os.fspath(path) if isinstance(path, (str, os.PathLike)) else str(path)  # a corpus row: its name
    if text == "-":
        return "-"
    try:
        if Path(text).name == SEED_NAME and Path(text).resolve() == _seed_resolved():
            return f"seeds/{SEED_NAME}"
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop on Python < 3.13
        pass
    return name_for_display(text)


# --- finding files ----------------------------------------------------------------------

def expand_paths(paths: list[str], glob: str | None = None, fields=None, *, rows: bool = True) -> Iterator:
    """Inputs in order: files; folders walked recursively (sorted); '-' kept as stdin; the
    rows of corpus files (.jsonl, .ndjson, .csv given by name or picked by --glob) as
    corpus.CorpusRow (with `rows` false, the corpus files themselves); problems as InputError."""
    for raw in paths:
        if raw == "-":
            yield "-"
            continue
        path = Path(raw)
        problem = _missing_reason(path)
        if problem is not None:
            yield InputError(raw, problem)
        elif path.is_dir():
            for item in _walk_reporting_nothing(path, raw, glob):
                yield from _rows_if_corpus(item, fields) if rows else (item,)
        else:
            yield from _rows_if_corpus(path, fields) if rows else (path,)


def _rows_if_corpus(item, fields) -> Iterator:
    from .corpus import Fields, RowError, is_corpus, scan

    if isinstance(item, InputError) or not is_corpus(str(item)):
        yield item
        return
    name = os.fspath(item)
    try:
        for row in scan(name, fields or Fields()):
            yield InputError(display_path(row.name), row.reason) if isinstance(row, RowError) else row
    except OSError as exc:
        yield InputError(display_path(name), os_reason(exc))
    except ValueError as exc:
        yield InputError(display_path(name), str(exc))


def _walk_reporting_nothing(folder: Path, raw: str, glob: str | None) -> Iterator[Path | InputError]:
    found = False
    for item in _walk(folder, glob):
        found = True
        yield item
    if not found:
        reason = (f"no file matches --glob {glob!r} in this folder" if glob else
                  "no text files in this folder (read: .txt, .md, .html and no suffix; others with --glob)")
        yield InputError(raw, reason)


def _missing_reason(path: Path) -> str | None:
    """Why `path` cannot be opened at all (missing, broken or looping link), else None."""
    try:
        os.stat(path)
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        if path.is_symlink():
            return f"broken symbolic link (to {os.readlink(path)})"
        return os_reason(exc)


def _walk(root: Path, glob: str | None) -> Iterator[Path | InputError]:
    """Files under `root`, depth first, each folder's files (sorted by name) before its folders.

    A folder reached again through a symbolic link is walked once: when the link points
    back to one of its own ancestors it is a loop and reported, otherwise skipped quietly.
    """
    walked: set[tuple[int, int]] = set()
    stack: list[tuple[Path, tuple[tuple[int, int], ...]]] = [(root, ())]
    while stack:
        folder, ancestors = stack.pop()
        try:
            info = folder.stat()
        except OSError as exc:
            yield InputError(display_path(folder), os_reason(exc))
            continue
        key = (info.st_dev, info.st_ino)
        if key in ancestors:
            yield InputError(display_path(folder), "symbolic link loop (a folder inside itself)")
            continue
        if key in walked:
            continue
        walked.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            yield InputError(display_path(folder), os_reason(exc))
            continue
        files, folders = [], []
        for entry in entries:
            kind = _entry_kind(entry)
            path = Path(entry.path)
            if entry.name.startswith(".") or kind == "other":
                continue
            if kind == "dir":
                folders.append(path)
            elif kind == "file":
                if _wanted(path, root, glob):
                    files.append(path)
            else:  # a dangling or looping link: say so, it may be an article gone missing
                yield InputError(display_path(path), kind)
        yield from files
        stack.extend((sub, ancestors + (key,)) for sub in reversed(folders))


def _entry_kind(entry: os.DirEntry) -> str:
    """dir, file, other (sockets, fifos: never read from a folder), or a problem's reason."""
    try:
        if entry.is_dir():
            return "dir"
        if entry.is_file():
            return "file"
        os.stat(entry.path)
        return "other"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        if entry.is_symlink():
            return f"broken symbolic link (to {os.readlink(entry.path)})"
        return os_reason(exc)


def _wanted(path: Path, root: Path, glob: str | None) -> bool:
    if path.name.endswith(SIDE_SUFFIX):
        return False
    if glob is None:
        return path.suffix.lower() in TEXT_SUFFIXES
    relative = path.relative_to(root).as_posix()
    return fnmatchcase(path.name, glob) or fnmatchcase(relative, glob)


def os_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.EISDIR:
        return "is a folder"
    return (exc.strerror or str(exc)).lower()


# --- encodings ---------------------------------------------------------------------------

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
]
_CHINESE = ("gb18030", "big5", "cp950", "big5hkscs")  # on a tie the first wins
_PUNCTUATION = "，。、；：？！「」『』（）《》〈〉“”‘’…—·－～％　【】〔〕"
_CONTROL = lazy_compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
# Shares of common characters: real Chinese text has over 0.9, mojibake under 0.5.
_GOOD_SCORE, _POOR_SCORE = 0.6, 0.3


def detect_encoding(sample: bytes) -> tuple[str, str]:
    """(codec to decode with, name to report) for bytes that start at a character boundary.

    A BOM decides; else UTF-8 when the bytes are valid UTF-8; else whichever of GB18030 and
    Big5 (with its HKSCS and Microsoft extensions) turns the bytes into more common Chinese
    characters — mojibake is made of rare ones, so this holds even on twenty characters;
    else charset-normalizer. A character cut short at the end of `sample` does not count.
    """
    for bom, codec, name in _BOMS:
        if sample.startswith(bom):
            return codec, name
    if b"\x00" in sample[:8192]:
        codec = _utf16_without_bom(sample)
        if codec is None:
            raise DecodeError("binary file (contains NUL bytes), not text; if it is UTF-16 without a BOM, "
                              "give --encoding utf-16-le (or utf-16-be)")
        return codec, codec
    if _decode_sample(sample, "utf-8") is not None:
        return "utf-8", "utf-8"
    best: tuple[float, str] | None = None
    for codec in _CHINESE:
        text = _decode_sample(sample, codec)
        if text is not None:
            score = chinese_score(text)
            if best is None or score > best[0]:
                best = (score, codec)
    if best is not None and best[0] >= _GOOD_SCORE:
        return best[1], best[1]
    other = _charset_normalizer(sample)
    if other is not None:
        return other, other
    if best is not None and best[0] >= _POOR_SCORE:
        return best[1], best[1]
    raise DecodeError("not text in UTF-8, UTF-16, GB18030 or Big5 (name the encoding with --encoding)")


def _utf16_without_bom(sample: bytes) -> str | None:
    """utf-16-le or utf-16-be when the bytes read as text in it: Latin letters, digits and
    punctuation have a NUL byte on one side only, and what they decode to is common Chinese
    or plain ASCII, without a single control character (a binary file has some)."""
    even, odd = sample[0:8192:2].count(0), sample[1:8192:2].count(0)
    if min(even, odd) * 4 > max(even, odd):  # NULs on both sides: not UTF-16 text
        return None
    codec = "utf-16-le" if odd > even else "utf-16-be"
    text = _decode_sample(sample[:len(sample) // 2 * 2], codec)
    if not text or _CONTROL.search(text) or chinese_score(text) < _POOR_SCORE:
        return None
    return codec


def _decode_sample(sample: bytes, codec: str) -> str | None:
    try:
        return codecs.getincrementaldecoder(codec)().decode(sample, final=False)
    except UnicodeDecodeError:
        return None


def chinese_score(text: str) -> float:
    """Share of the non-ASCII characters that are common hanzi (either script) or CJK punctuation."""
    wide = [ch for ch in text if ch >= "\x80"]
    if not wide:
        return 1.0
    common = _common_characters()
    return sum(ch in common for ch in wide) / len(wide)


@lru_cache(maxsize=1)
def _common_characters() -> frozenset[str]:
    """GB2312 level 1 (3,755 common Simplified) and Big5 level 1 (5,401 common Traditional)."""
    trails = list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF))
    found = set(_PUNCTUATION) | {chr(c) for c in range(0xFF01, 0xFF5F)}
    for codec, leads, trail_bytes in (("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF)),
                                      ("big5", range(0xA4, 0xC7), trails)):
        for lead in leads:
            for trail in trail_bytes:
                try:
                    found.add(bytes((lead, trail)).decode(codec))
                except UnicodeDecodeError:
                    pass
    return frozenset(found)


def _charset_normalizer(sample: bytes) -> str | None:
    from charset_normalizer import from_bytes

    match = from_bytes(sample).best()
    if match is None or match.encoding is None:
        return None
    return match.encoding


def looks_binary(text: str) -> bool:
    """Control characters a text file would not have (a stray DOS end-of-file mark aside)."""
    head = text[:SAMPLE_BYTES]
    return len(_CONTROL.findall(head)) > max(2, len(head) / 100)


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Text and the encoding used, for bytes in memory (see `detect_encoding`)."""
    stream = TextStream(iter([data]), encoding)
    text = "".join(stream)
    return text, stream.encoding


class TextStream:
    """Decoded text, block by block, from an iterator of byte blocks.

    With no encoding given, ASCII passes through until the first non-ASCII bytes, which
    decide the encoding (every candidate agrees with ASCII; UTF-16 is told by its BOM).
    `encoding` names the one used, 'utf-8' for pure ASCII; `offset` counts bytes read.
    """

    def __init__(self, blocks: Iterator[bytes], encoding: str | None = None):
        self._blocks = blocks
        self._forced = _forced_codec(encoding) if encoding else None
        self.encoding = encoding or "utf-8"
        self.offset = 0
        self._checked = 0  # characters checked for signs of a binary file

    def __iter__(self) -> Iterator[str]:
        decoder = _incremental(self._forced) if self._forced else None
        pending = b""  # bytes read before the encoding is known
        for block in self._blocks:
            if decoder is None:
                pending += block
                if self.offset == 0 and b"\x00" in pending[:8192]:  # UTF-16 without a BOM, or binary
                    decoder = self._detect(pending)
                    block, pending = pending, b""
                    yield self._decode(decoder, block)
                    continue
                first = _first_non_ascii(pending)
                if first is None:
                    yield self._ascii(pending)
                    pending = b""
                    continue
                if len(pending) - first < SAMPLE_BYTES:
                    continue  # read on until the sample is whole
                yield self._ascii(pending[:first])
                decoder = self._detect(pending[first:])
                block, pending = pending[first:], b""
            yield self._decode(decoder, block)
        if decoder is None:
            if self.offset == 0 and b"\x00" in pending[:8192]:
                decoder = self._detect(pending)
                yield self._decode(decoder, pending)
                yield self._flush(decoder)
                return
            first = _first_non_ascii(pending)
            if first is None:
                yield self._ascii(pending)
                return
            yield self._ascii(pending[:first])
            decoder = self._detect(pending[first:])
            yield self._decode(decoder, pending[first:])
        yield self._flush(decoder)

    def _detect(self, sample: bytes):
        codec, self.encoding = detect_encoding(sample[:SAMPLE_BYTES])
        return _incremental(codec)

    def _decode(self, decoder, data: bytes) -> str:
        try:
            text = decoder.decode(data, final=False)
        except UnicodeDecodeError as exc:
            raise DecodeError(f"not valid {self.encoding} near byte {self.offset + exc.start} "
                              f"(name the encoding with --encoding)") from exc
        self.offset += len(data)
        return self._checked_text(text)

    def _flush(self, decoder) -> str:
        try:
            return self._checked_text(decoder.decode(b"", final=True))
        except UnicodeDecodeError:
            return ""  # only a last character cut short is left (head -c, a broken download)

    def _ascii(self, data: bytes) -> str:
        if b"\x00" in data[:8192]:
            raise DecodeError("binary file (contains NUL bytes), not text")
        self.offset += len(data)
        return self._checked_text(data.decode("ascii"))

    def _checked_text(self, text: str) -> str:
        """The start of the text is checked for control characters no text file has."""
        if text and self._checked < SAMPLE_BYTES:
            head = text[:SAMPLE_BYTES - self._checked]
            self._checked += len(head)
            if looks_binary(head):
                raise DecodeError("binary file (control characters), not text")
        return text


def _forced_codec(encoding: str) -> str:
    """The codec for --encoding NAME; UTF-8 drops a BOM when there is one."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError as exc:
        raise DecodeError(f"unknown encoding {encoding!r}") from exc
    return "utf-8-sig" if name == "utf-8" else name


def _incremental(codec: str):
    try:
        return codecs.getincrementaldecoder(codec)()
    except LookupError as exc:
        raise DecodeError(f"unknown encoding {codec!r}") from exc


_NON_ASCII = lazy_compile(rb"[\x80-\xff]")


def _first_non_ascii(data: bytes) -> int | None:
    found = _NON_ASCII.search(data)
    return None if found is None else found.start()


# --- opening inputs ------------------------------------------------------------------------

class OpenInput:
    """One input, open for streaming: where it came from, its sidecar, its decoded text.

    Iterating yields the text block by block; `encoding` is final once iteration ends.
    Use it as a context manager so the file is closed whatever happens.
    """

    def __init__(self, path: str, handle, encoding: str | None, close: bool,
                 published: date | None = None, title: str | None = None):
        self.path = path
        self.published = published
        self.title = title
        self._handle = handle
        self._close = close
        self._stream = TextStream(_blocks(handle), encoding)

    @property
    def encoding(self) -> str:
        return self._stream.encoding

    def __iter__(self) -> Iterator[str]:
        return iter(self._stream)

    def __enter__(self) -> OpenInput:
        return self

    def __exit__(self, *exc) -> None:
        if self._close:
            self._handle.close()


def open_input(source: str | Path, *, encoding: str | None = None, stdin=None) -> OpenInput:
    """Open a file or '-' (stdin) for streaming; raises OSError with the reason."""
    if source == "-":
        if stdin is None and getattr(sys.stdin, "closed_at_start", sys.stdin is None):
            raise OSError(errno.EBADF, "standard input is closed", "-")
        stream = stdin if stdin is not None else sys.stdin.buffer
        if isinstance(stream.read(0), str):  # a text stream: already decoded
            return OpenInput("-", _EncodedText(stream), "utf-8", close=False)
        return OpenInput("-", stream, encoding, close=False)
    if not isinstance(source, (str, os.PathLike)):  # a corpus.CorpusRow: corpus is imported only for one
        from .corpus import read_row

        try:
            text, published, title = read_row(source)
        except ValueError as exc:
            raise DecodeError(str(exc)) from None
        return OpenInput(display_path(source.name), io.BytesIO(text.encode("utf-8")), "utf-8", close=True,
                         published=published, title=title)
    path = Path(source)
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
    handle = open(path, "rb")  # noqa: SIM115 - closed by OpenInput.__exit__
    published, title = read_sidecar(path)
    return OpenInput(display_path(path), handle, encoding, close=True, published=published, title=title)


class _EncodedText:
    """A text stream read as UTF-8 bytes, for callers that hand us str (tests, notebooks)."""

    def __init__(self, stream):
        self._stream = stream

    def read(self, size: int = -1) -> bytes:
        return self._stream.read(size if size < 0 else max(1, size // 4)).encode("utf-8")


def _blocks(handle) -> Iterator[bytes]:
    while True:
        block = handle.read(BLOCK_BYTES)
        if not block:
            return
        yield block


def read_raw(source: str | Path, *, encoding: str | None = None, stdin=None) -> RawDocument:
    """Read and decode one whole input; raises DecodeError or OSError with a reason."""
    with open_input(source, encoding=encoding, stdin=stdin) as opened:
        text = "".join(opened)
        return RawDocument(opened.path, text, opened.encoding, opened.published, opened.title)


# --- cutting text into parts ----------------------------------------------------------------

_BLANK_LINE = lazy_compile(r"\n[ \t\r\f\v\u3000]*\n")
_SENTENCE_END = lazy_compile(f"[{re.escape(SENTENCE_END)}][{re.escape(CLOSERS)}]*")


def chunked(pieces: Iterable[str], size: int = CHUNK_CHARS) -> Iterator[str]:
    """The text of `pieces` again, in parts of at most `size` characters, joined exactly.

    A part ends at the last blank line before `size`, else the last line break, else the
    last sentence end (。！？), else at `size` itself. Cuts are looked for only in the last
    three quarters of the window, so each part has at least size/4 characters and the
    whole cut stays linear in the length of the text.
    """
    buffer = ""
    for piece in pieces:
        buffer += piece
        while len(buffer) > size:
            cut = cut_point(buffer, size)
            yield buffer[:cut]
            buffer = buffer[cut:]
    if buffer:
        yield buffer


def cut_point(text: str, size: int) -> int:
    """Where to end a part of `text` no longer than `size` (see `chunked`)."""
    low = max(1, size // 4)
    blank = _last_match(_BLANK_LINE, text, low, size)
    if blank is not None:
        return blank
    line = text.rfind("\n", low, size)
    if line >= 0:
        return line + 1
    sentence = _last_match(_SENTENCE_END, text, low, size)
    return sentence if sentence is not None else size


def _last_match(pattern: re.Pattern, text: str, start: int, end: int) -> int | None:
    """The end of the last match of `pattern` inside text[start:end]."""
    found = None
    for found in pattern.finditer(text, start, end):  # noqa: B007 - the last one is wanted
        pass
    return None if found is None else found.end()


# --- sidecars --------------------------------------------------------------------------------

SIDECAR_MAX_BYTES = 1 << 20  # a sidecar holds a few lines of metadata; anything bigger is not one


def sidecar_for(path: Path) -> Path | None:
    """<stem>.meta.toml or <name>.meta.toml beside the file, if it is a regular file. A name
    too long to have a sidecar (the file's own name near the 255-byte limit) has none."""
    for candidate in (path.with_name(path.stem + SIDE_SUFFIX), path.with_name(path.name + SIDE_SUFFIX)):
        try:
            if candidate.is_file():
                return candidate
        except OSError:  # ENAMETOOLONG and the like
            continue
    return None


def read_sidecar(path: Path) -> tuple[date | None, str | None]:
    """(published, title) from <file>.meta.toml; a broken sidecar is ignored, not fatal."""
    side = sidecar_for(path)
    if side is None:
        return None, None
    try:
        with open(side, "rb") as handle:
            data = handle.read(SIDECAR_MAX_BYTES + 1)
        if len(data) > SIDECAR_MAX_BYTES:
            return None, None
        meta = tomllib.loads(data.decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return None, None
    title = meta.get("title")
    return parse_published(meta.get("published")), title if isinstance(title, str) else None


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


# --- HTML: markup blanked out, offsets kept ------------------------------------------------

HTML_SUFFIXES = (".htm", ".html")
_HIDDEN_OPEN = lazy_compile(r"<!--|<(script|style)\b", re.IGNORECASE)
_HIDDEN_CLOSE = {"script": re.compile(r"</script\s*>", re.IGNORECASE),
                 "style": re.compile(r"</style\s*>", re.IGNORECASE)}
# [^<>]: a tag ends at the next < even unclosed, so no match scans further than that.
_HTML_BLOCK = lazy_compile(r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|header|footer|title|blockquote)"
                         r"\b[^<>]*>", re.IGNORECASE)
_HTML_TAG = lazy_compile(r"<[^<>]*>")
_HTML_ENTITY = lazy_compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _blanked(text: str) -> str:
    """Spaces for `text`, keeping its line breaks."""
    return "".join("\n" if ch == "\n" else " " for ch in text)


def _blank_hidden(text: str) -> str:
    """Scripts, styles and comments blanked; one left open runs to the end of the text (as a
    browser reads it). One pass: each search starts where the last block ended."""
    out, position = [], 0
    while (opening := _HIDDEN_OPEN.search(text, position)) is not None:
        if opening.group(1) is None:
            close = text.find("-->", opening.end())
            end = len(text) if close < 0 else close + 3
        else:
            closing = _HIDDEN_CLOSE[opening.group(1).lower()].search(text, opening.end())
            end = len(text) if closing is None else closing.end()
        out.append(text[position:opening.start()])
        out.append(_blanked(text[opening.start():end]))
        position = end
    out.append(text[position:])
    return "".join(out)


def blank_markup(text: str) -> str:
    """An HTML page's text with its markup turned into spaces, so every offset still points
    into the file: scripts, styles and comments vanish, block tags end a line (so that
    paragraphs stay apart), entities become their character (&nbsp; a space)."""
    import html

    def line_break(m: re.Match) -> str:
        return "\n" + " " * (len(m.group()) - 1)

    def entity(m: re.Match) -> str:
        char = html.unescape(m.group())
        if len(char) != 1 or char == "\xa0":
            char = " "
        return char + " " * (len(m.group()) - 1)

    text = _blank_hidden(text)
    text = _HTML_BLOCK.sub(line_break, text)
    text = _HTML_TAG.sub(lambda m: _blanked(m.group()), text)
    return _HTML_ENTITY.sub(entity, text)
