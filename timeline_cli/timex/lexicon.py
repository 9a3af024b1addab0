"""The word lists of data/timex/lexicon.toml, loaded once."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def lexicon() -> dict:
    raw = resources.files("timeline_cli").joinpath("data/timex/lexicon.toml").read_bytes()
    return tomllib.loads(raw.decode("utf-8"))


def alternation(words) -> str:
    """A regex alternation of literal words, longest first so a prefix never wins."""
    import re

    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
