"""Properties that hold for any text: no exception, exact spans, no overlaps, ordered
intervals, JSON that validates, and the same values in either script."""

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import validate
from timeline_cli.api import extract_mentions
from timeline_cli.documents import RawDocument, chunked
from timeline_cli.pipeline import Settings, Stitcher, analyse, joined, merge_timelines
from timeline_cli.render.jsonout import events_payload, mentions_payload
from timeline_cli.script import _converter

REF = date(2025, 11, 20)

# Pieces of Chinese news text where dates live: numbers in every form, calendar words,
# relative and story words, and the punctuation around them.
TOKENS = (
    list("0123456789０１２３４５６７８９")
    + list("年月日号號時时点點分秒周週")
    + list("零〇一二两兩三四五六七八九十百千万萬廿卅几幾半")
    + ["今年", "去年", "明年", "前年", "上個月", "下个月", "本周", "上週三", "星期五", "季度", "第三季",
       "上半年", "下半年", "年初", "年底", "年中", "月初", "月底", "世纪", "世紀", "年代", "前", "後", "后",
       "以来", "以來", "多", "余", "左右", "民國", "民国", "农历", "農曆", "正月", "初五", "春节", "春節",
       "同年", "次月", "隨後", "随后", "幾週後", "几周后", "早上", "下午", "晚上", "凌晨", "每年", "每周",
       "到", "至", "Q", "T", "FY", "個", "个", "度", "期间", "效力", "加入", "發布", "宣布"]
    + list("，。！？、：；（）「」《》 -/.:~\n")
    + ["\n\n", "Meta", "LeCun", "扎克伯格", "公司"]
)
chinese_like = st.lists(st.sampled_from(TOKENS), max_size=60).map("".join)
any_text = st.text(max_size=200)
dates_text = st.one_of(chinese_like, any_text)

# Derandomized: the suite gives the same answer on every run. Failures found by wider
# searches (more examples, random seeds) become plain examples in test_hostile.py.
FAST = settings(max_examples=120, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])


def _ordered(start, end) -> bool:
    return start is None or end is None or start <= end


def _check_mentions(text, mentions):
    previous_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= previous_end, f"{m.text!r} overlaps the mention before it"
        previous_end = m.end
        assert _ordered(m.start_date, m.end_date), (m.text, m.value)


@FAST
@given(dates_text)
def test_mentions_have_exact_ordered_spans_and_intervals(text):
    _check_mentions(text, extract_mentions(text, REF))


@FAST
@given(dates_text)
def test_mentions_without_a_reference_date(text):
    _check_mentions(text, extract_mentions(text, None))


@settings(FAST, max_examples=60)
@given(dates_text)
def test_json_outputs_validate(text):
    analysis = analyse(RawDocument("a.txt", text, "utf-8"), REF)
    validate(mentions_payload([analysis], []), "mentions")
    validate(events_payload(merge_timelines([analysis]), [analysis], []), "events")
    for event in analysis.events:
        for evidence in event.evidence:
            assert text[evidence.start:evidence.end] == evidence.sentence
        assert _ordered(event.date.start_date, event.date.end_date), event.date


def _values(text: str, script: str):
    return [(m.type, m.value, m.mod) for m in extract_mentions(text, REF, script=script)]


@pytest.mark.parametrize("config", ["s2t", "t2s"])
@FAST
@given(text=chinese_like)
def test_the_other_script_finds_the_same_values(config, text):
    # The script is fixed for both readings: which script a text is in decides, by design,
    # whether 99年 is a year of the Republic of China (Taiwan) or 1999.
    converted = _converter(config).convert(text)
    for script in ("hans", "hant"):
        assert _values(converted, script) == _values(text, script)


@settings(FAST, max_examples=60)
@given(text=st.lists(chinese_like, min_size=1, max_size=8).map("\n".join),
       size=st.integers(min_value=8, max_value=120), context=st.integers(min_value=0, max_value=80))
def test_any_text_read_in_parts_keeps_exact_spans_and_running_ids(text, size, context):
    stitcher = Stitcher("a.txt", Settings(ref_option=REF, chunk_chars=size, context_chars=context))
    parts = [stitcher.add(part) for part in chunked([text], size)]
    if not parts:
        return  # no text, no parts
    analysis = joined(parts, stitcher.finish())
    _check_mentions(text, analysis.mentions)
    ids = [m.id for m in analysis.mentions]
    assert ids == [f"m{i}" for i in range(1, len(ids) + 1)]
    for event in analysis.events:
        for evidence in event.evidence:
            assert text[evidence.start:evidence.end] == evidence.sentence
    validate(mentions_payload([analysis], []), "mentions")
