"""The alias finder finds exactly what one regex alternation of the aliases (longest first,
Latin aliases bounded by look-arounds) finds with finditer, for any text and start."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_cli.events.aliases import AliasFinder

ALIASES = ["meta", "metaverse", "ai", "fair", "lecun", "杨立昆", "杨立", "扎克伯格", "脸书", "脸", "openai",
           "open", "3m", "x", "谷歌", "谷", "f8"]
CHARS = list("metavrsaifrlcunopx38 ,.-") + list("杨立昆扎克伯格脸书谷歌，。的")


def regex_alternation(aliases, latin_bounds: bool):
    parts = []
    for alias in sorted(aliases, key=len, reverse=True):
        escaped = re.escape(alias)
        if latin_bounds and alias[0].isascii() and alias[0].isalnum():
            escaped = r"(?<![A-Za-z0-9])" + escaped
        if latin_bounds and alias[-1].isascii() and alias[-1].isalnum():
            escaped += r"(?![A-Za-z0-9])"
        parts.append(escaped)
    return re.compile("|".join(parts))


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(CHARS), max_size=60), pos=st.integers(0, 10),
       latin=st.booleans(), aliases=st.lists(st.sampled_from(ALIASES), min_size=1, max_size=8, unique=True))
def test_finds_what_the_alternation_finds(text, pos, latin, aliases):
    pattern = regex_alternation(aliases, latin)
    expected = [(m.start(), m.end(), m.group()) for m in pattern.finditer(text, pos)]
    assert list(AliasFinder(aliases, latin_bounds=latin).finditer(text, pos)) == expected


def test_latin_aliases_stand_alone():
    finder = AliasFinder(["meta", "ai"], latin_bounds=True)
    assert [a for _, _, a in finder.finditer("metadata ai-lab meta旗下 openai")] == ["ai", "meta"]
    # the character before the start position still bounds the alias
    assert list(finder.finditer("xmeta", 1)) == []


def test_no_aliases_finds_nothing():
    assert list(AliasFinder([]).finditer("anything")) == []
