"""Which region a story comes from, for the names whose day differs by region: 国庆 is 1 October
in mainland and Hong Kong text, 10 October in Taiwanese text, 9 August in Singapore's, 31 August
in Malaysia's; 儿童节 is 1 June in the mainland and 4 April in Taiwan. Hong Kong, Macau, Singapore
and Malaysia also write the day first in 05/03/2021.

The script decides first (Simplified: the mainland, Traditional: Taiwan); place names and
institutions in the text can say Hong Kong, Macau, Singapore or Malaysia instead. Documented in
docs/timex.md ("Holidays").
"""

from __future__ import annotations

from functools import lru_cache

from .lexicon import lexicon

_SAMPLE = 6000  # characters read from the start of the text


@lru_cache(maxsize=1)
def _markers() -> dict[str, tuple[str, ...]]:
    return {region: tuple(words) for region, words in lexicon()["region_markers"].items()}


def document_region(view: str, script: str) -> str:
    """CN, TW, HK, MO, SG or MY."""
    sample = view[:_SAMPLE]
    counts = {region: sum(sample.count(word) for word in words) for region, words in _markers().items()}
    default = "TW" if script == "hant" else "CN"
    best = max(counts, key=lambda region: counts[region])
    if counts[best] == 0 or best == default:
        return default
    # Another region's words outnumber the default's: a Hong Kong report in Traditional, a
    # Singapore one in Simplified.
    return best if counts[best] > counts.get(default, 0) else default
