"""The word lists of data/timex/lexicon.toml, loaded once (from its JSON twin: see datatables.py)."""

from __future__ import annotations

from functools import lru_cache

from ..datatables import shipped_table


@lru_cache(maxsize=1)
def lexicon() -> dict:
    return shipped_table("timex/lexicon")


def alternation(words) -> str:
    """A regex alternation of literal words that prefers the longest: 清明节 before 清明.

    Long lists become a trie (春(?:节|分)|清明节?) so that matching does not try every word at
    every position.
    """
    import re

    # Longest first; words of one length in a fixed order, so that the pattern is the same text
    # on every run (a set's order changes with the hash seed) and its shipped compiled form is found.
    words = sorted(set(words), key=lambda w: (-len(w), w))
    if len(words) <= 24:
        return "|".join(re.escape(w) for w in words)
    return _trie(words)


def _trie(words) -> str:
    import re

    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # the end of a word

    def pattern(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and len(branches[0]) == 1 else "(?:" + "|".join(branches) + ")"
        return body + "?" if ends else body

    return pattern(root)
