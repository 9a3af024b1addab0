"""Sentences and clauses with their offsets; brackets and quotes are never split."""

from __future__ import annotations

from dataclasses import dataclass

from .. import vocab
from ..vocab import EVENT_SENTENCE_END

SENTENCE_END = set(EVENT_SENTENCE_END + "\n")
CLAUSE_END = set("，,：:") | SENTENCE_END
CLOSERS = set(vocab.CLOSERS)
OPENERS = {"(": ")", "（": "）", "「": "」", "『": "』", "“": "”", "【": "】", "《": "》"}


@dataclass(frozen=True, slots=True)
class Span:
    """Where a sentence or clause lies in the text."""

    start: int
    end: int


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans in text[start:end], trimmed of surrounding whitespace, empty ones dropped."""
    end = len(text) if end is None else end
    out: list[Span] = []
    begin = start
    depth: list[str] = []
    i = start
    while i < end:
        ch = text[i]
        if ch in OPENERS and ch != "\n":
            depth.append(OPENERS[ch])
        elif depth and ch == depth[-1]:
            depth.pop()
        if ch == "\n" or (ch in SENTENCE_END and not depth):
            stop = i + 1
            while stop < end and text[stop] in CLOSERS:
                stop += 1
            _add(text, begin, stop, out)
            begin, i = stop, stop
            if ch == "\n":
                depth.clear()
            continue
        i += 1
    _add(text, begin, end, out)
    return out


def _add(text: str, start: int, end: int, out: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span(start, end))


def _inside_number(text: str, i: int, end: int) -> bool:
    """3：1, 10:30, 1,200: a colon or comma between digits is part of a number."""
    return (text[i] in "：:,，" and i > 0 and i + 1 < end and text[i - 1].isdigit() and text[i + 1].isdigit()
            and (text[i] not in ",，" or text[i + 1:i + 4].isdigit()))


def clauses(text: str, sentence: Span) -> list[Span]:
    """Clause spans of one sentence, split at commas and colons outside brackets; in a headline
    (a line with no comma or full stop), also at a blank between two Chinese characters
    (3委員會今討論 擬下周首讀)."""
    out: list[Span] = []
    begin = sentence.start
    depth: list[str] = []
    headline = not any(mark in text[sentence.start:sentence.end] for mark in "，,。")
    for i in range(sentence.start, sentence.end):
        ch = text[i]
        if headline and ch in " \u3000" and not depth and _between_hanzi(text, i, sentence):
            _add(text, begin, i + 1, out)
            begin = i + 1
        elif ch in OPENERS:
            depth.append(OPENERS[ch])
        elif depth and ch == depth[-1]:
            depth.pop()
        elif ch in CLAUSE_END and not depth and not _inside_number(text, i, sentence.end):
            _add(text, begin, i + 1, out)
            begin = i + 1
    _add(text, begin, sentence.end, out)
    return out


def _between_hanzi(text: str, i: int, sentence: Span) -> bool:
    return (sentence.start < i < sentence.end - 1 and "\u4e00" <= text[i - 1] <= "\u9fff"
            and "\u4e00" <= text[i + 1] <= "\u9fff")
