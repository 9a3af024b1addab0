"""Hostile text: no pattern or stage blows up on it, impossible dates are not dates.

These tests assert results, never durations: each run has only a generous hang guard (an
alarm that turns a runaway into a failure instead of a stuck suite). Whether each stage is
linear in its input is measured by `make bench` (benchmarks/bench_hostile.py), where a
machine's speed and load can be seen and allowed for.
"""

import random
import signal
from contextlib import contextmanager
from datetime import date

import pytest

from timeline_cli.api import extract_mentions
from timeline_cli.documents import RawDocument, blank_markup
from timeline_cli.model import RefDate
from timeline_cli.pipeline import analyse
from timeline_cli.timex.extract import extract

REF = date(2025, 11, 20)
HANG_GUARD = 120  # seconds: only a runaway (quadratic on these sizes, or worse) gets near it

# Runs and mixtures that make naive patterns backtrack: long digit runs, 年/月/日 runs,
# Chinese numerals, full-width digits, separators, and near-misses of every family.
PARTS = [
    "0123456789" * 50, "1" * 300 + "年", "9" * 200 + "月", "２０２５年１２月３１日" * 5, "１２３４５６７８９０" * 20,
    "年" * 200, "月" * 150, "日" * 150, "年月日" * 60, "月日" * 80, "号" * 50,
    "一二三四五六七八九十百千万" * 20, "十" * 300 + "月", "二〇二五" * 30, "零" * 100 + "年", "廿卅" * 40,
    "，。、；：！？" * 20, " " * 300, "\n" * 50, "\n \n" * 30, "-/.:~" * 40,
    "2025年" * 50, "2025-11-20" * 20, "2025/13/45" * 20, "3到5年" * 40, "12:30" * 40, "99:99" * 30,
    "下午" * 50 + "3点", "民國" * 50 + "0年", "上上上上个周" * 20, "第" * 100 + "季度", "上世纪" * 30 + "80年代",
    "农历" * 40 + "正月初" * 10, "每" * 100, "年底年初年中" * 30, "去年今年明年" * 30, "同年" * 40,
]


def adversarial(size: int, seed: int = 7) -> str:
    """About `size` bytes of UTF-8 of the parts above, in a random order."""
    rnd = random.Random(seed)
    out, length = [], 0
    while length < size:
        part = rnd.choice(PARTS)
        out.append(part)
        length += len(part.encode("utf-8"))
    return "".join(out)


@contextmanager
def hang_guard(seconds: float = HANG_GUARD):
    """Raise TimeoutError when the block runs longer than `seconds` (hang guard only)."""
    def expire(signum, frame):
        raise TimeoutError(f"still running after {seconds:.0f} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# --- patterns and extraction --------------------------------------------------------------

@pytest.fixture(scope="module")
def texts():
    return adversarial(200_000), adversarial(800_000)


def test_adversarial_text_has_what_it_should(texts):  # the benchmark builds its text the same way
    small, large = texts
    assert 200_000 <= len(small.encode()) < 201_000 and 800_000 <= len(large.encode()) < 801_000
    for needle in ("0123456789", "年月日", "一二三", "２０２５", "，。", "\n \n"):
        assert needle in small


def test_extraction_finishes_on_adversarial_text_with_sane_offsets(texts):
    large = texts[1]
    with hang_guard():
        mentions = extract(large, RefDate(REF), script="hans")
    assert mentions
    for m in mentions:
        assert large[m.start:m.end] == m.text and (m.start_date is None or m.end_date is None
                                                    or m.start_date <= m.end_date)


def test_long_single_runs_finish():
    # One character repeated: the classic trigger of nested-quantifier blow-ups.
    ref = RefDate(REF)
    for run in ("1", "年", "十", "２", "-", " ", "\n", "〇"):
        with hang_guard():
            extract(run * 100_000, ref, script="hans")


@pytest.mark.parametrize("unit", ["时7", "腊八", "日周", "同年", "次日"])
def test_story_anchored_pieces_finish(unit):
    # Each piece looks back for the date it hangs on: that look-back must stay bounded.
    with hang_guard():
        extract(unit * 10000, RefDate(REF), script="hans")


def test_events_of_a_repeated_story_finish():
    with hang_guard():
        result = analyse(RawDocument("a.txt", "他2013年加入Meta。效力12年。" * 400, "utf-8"), REF)
    assert result.events


def test_dense_year_ranges_finish():
    text = "。".join("至".join(f"{year}年" for year in range(2000, 2060)) for _ in range(200))
    with hang_guard():
        result = analyse(RawDocument("a.txt", text, "utf-8"), REF)
    assert result.mentions


@pytest.mark.parametrize("opening", ["<!--", "<script>", "<style>", "<SCRIPT type=x>"])
def test_unclosed_html_blocks_are_blanked_to_the_end(opening):
    page = "<p>2025年4月</p>" + (opening + "2024年3月") * 20_000
    with hang_guard():
        text = blank_markup(page)
    assert len(text) == len(page) and "2025年4月" in text and "2024年3月" not in text


def _separate_events(count: int):
    from timeline_cli.model import Document, Event, EventDate, Evidence
    from timeline_cli.pipeline import Analysis

    analyses = []
    for i in range(count):
        year = 1000 + i  # nothing merges: the worst case for a merge that compares all pairs
        when = EventDate(str(year), None, "year", date(year, 1, 1), date(year, 12, 31), "stated")
        event = Event(f"e-{i:06x}", f"事件{i}", "release", "occurred", when,
                      evidence=(Evidence(f"{i}.txt", 0, 4, f"事件{i}。", "m1"),))
        analyses.append(Analysis(Document(f"{i}.txt", ""), (), (event,)))
    return analyses


def test_merging_many_separate_articles_keeps_them_apart():
    from timeline_cli.pipeline import merge_timelines

    with hang_guard():
        merged = merge_timelines(_separate_events(2000))
    assert len(merged) == 2000


# --- impossible dates ------------------------------------------------------------------------

# (text, the part that must not be read as a date)
INVALID = [
    ("2025年2月30日", "2月30日"),
    ("2023年2月29日", "2月29日"),
    ("2025年4月31日", "4月31日"),
    ("13月", "13月"),
    ("2025年13月", "13月"),
    ("十三月", "十三月"),
    ("民國0年", "民國0年"),
    ("民国0年3月", "0年"),
    ("25時", "25時"),
    ("25时30分", "25时"),
    ("12點61分", "61分"),
    ("32日", "32日"),
    ("2025-02-30", "2025-02-30"),
    ("2025/13/01", "2025/13/01"),
    ("二月三十日", "二月三十日"),
    ("00:61", "00:61"),
]


@pytest.mark.parametrize("text,invalid", INVALID)
def test_impossible_dates_are_not_reported(text, invalid):
    at = text.index(invalid)
    for m in extract_mentions(text, REF):
        inside = m.start < at + len(invalid) and at < m.end
        assert not inside, f"{m.text!r} read as {m.value} in {text!r}"


@pytest.mark.parametrize("text", [t for t, _ in INVALID] + ["2月30日到3月1日", "民國0年至民國114年"])
def test_impossible_dates_never_crash_the_whole_flow(text):
    result = analyse(RawDocument("a.txt", f"他說{text}，公司將發布新品。", "utf-8"), REF)
    for m in result.mentions:
        if m.start_date and m.end_date:
            assert m.start_date <= m.end_date


def test_a_day_after_an_impossible_month_is_not_a_date():
    mentions = extract_mentions("2025年0月1日", REF)
    assert not any(m.text.endswith("1日") for m in mentions), [(m.text, m.value) for m in mentions]


@pytest.mark.parametrize("text", ["明年以来", "下个月以来", "月底以来"])
def test_since_a_future_date_is_not_a_backwards_interval(text):
    for m in extract_mentions(text, REF):
        assert m.start_date is None or m.end_date is None or m.start_date <= m.end_date, (m.text, m.value)


def test_a_duration_reaching_before_year_one_does_not_crash():
    extract_mentions("一百世纪以来", REF)
