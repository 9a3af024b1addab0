"""Each kind of page furniture runs only on texts holding one of its words: every match of its
pattern must hold one, or furniture would be missed in texts that lack them."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline_cli.events.boilerplate import INLINE, LINE, RELATED, noise_spans

FURNITURE = [*INLINE, *LINE, RELATED]


@pytest.mark.parametrize("number", range(len(FURNITURE)))
def test_every_match_holds_one_of_the_words(number):
    words, pattern = FURNITURE[number]

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(pattern.pattern))
    def check(text):
        for m in pattern.finditer(text):
            if m.end() > m.start():
                assert any(word in m.group() for word in words), (m.group(), words)

    check()


def test_a_text_without_the_words_has_no_furniture_of_that_kind():
    assert noise_spans("2025年4月3日，Meta宣布新计划。\n") == []
    assert noise_spans("（中评社 俞敦平摄）\n2025年4月3日，Meta宣布新计划。\n") == [(0, 10)]


def test_a_dateline_takes_the_slash_after_it():
    view = "中评社北京2月2日电／2026年2月2日，法院一审公开宣判。\n"
    assert noise_spans(view) == [(0, view.index("2026"))]
