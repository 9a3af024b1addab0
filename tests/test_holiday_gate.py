"""The holiday rule runs only on texts where a holiday name lies around an anchor: every match
of its pattern must be in such a text, or holidays would be missed."""

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_cli.timex.holiday_table import entries
from timeline_cli.timex.holidays import RULES
from timeline_cli.timex.recognise import holds_a_name

RULE = RULES[0]
NAMES = sorted(entries())
PIECES = [*NAMES, "十一", "期间", "国庆", "连假", "假期", "农历", "双", "年", "前", "后", "，", "今天", "节日", "五", "七"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(alphabet="节夜春秋中国新年一二三十日", max_size=3), max_size=8))
def test_a_text_the_pattern_matches_holds_a_name(parts):
    view = "".join(parts)
    if any(m.end() > m.start() for m in RULE.pattern.finditer(view)):
        assert holds_a_name(view, RULE.anchoring), view


def test_texts_without_holidays_skip_the_rule():
    assert not holds_a_name("LeCun在Meta工作的节奏与环境", RULE.anchoring)
    assert holds_a_name("明年春節連假", RULE.anchoring) is False  # the view is Simplified: 春节
    assert holds_a_name("明年春节连假", RULE.anchoring)
