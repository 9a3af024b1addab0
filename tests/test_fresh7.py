"""Families of misses found on the unseen real articles of tests/fresh7, one case per bug.

The sentences are made up in the shape of what was missed, never copied from the articles.
"""

from datetime import date

import pytest

from timeline_cli.documents import RawDocument
from timeline_cli.pipeline import analyse


def events_of(text: str, ref: str = "2025-02-12"):
    return list(analyse(RawDocument("a.txt", text, "utf-8"), date.fromisoformat(ref)).events)


def test_a_speech_told_only_as_said_so_is_titled_by_its_setting():
    (event,) = events_of("王主席昨晚在商会新春晚宴上致词时，这么指出。")
    assert event.date.value.startswith("2025-02-11")
    assert "致词" in event.title and "这么指出" not in event.title, event.title


def test_a_holiday_naming_a_celebration_stays_in_the_title():
    (event,) = events_of("市长昨晚出席元宵庆典并致词。")
    assert "元宵庆典" in event.title, event.title


def test_the_coming_of_a_year_is_a_backdrop_not_an_event():
    events = events_of("州长指出，随着2026年将至，州政府将继续推动财政改革。", "2026-01-02")
    assert [e.date.value for e in events if e.date.value.startswith("2026")] == [], [(e.date.value, e.title) for e in events]


def test_a_weekday_with_its_day_stated_is_not_moved_ahead():
    events = events_of("部长于周五(31日)到新山出席一场会面活动时，遭上百人到场制造骚动。", "2020-02-02")
    assert [e.date.value for e in events] == ["2020-01-31"], [(e.date.value, e.title) for e in events]


def test_a_page_stamp_with_its_weekday_after_the_time_is_no_event():
    text = "2014-03-05 09:47:08 星期三 来源: 新华网 【字号 】【打印】【关闭】\n警方昨日逮捕一名男子。"
    events = events_of(text, "2014-03-05")
    assert [e.date.value for e in events] == ["2014-03-04"], [(e.date.value, e.title) for e in events]


# A negation denies the event only in the clause that tells it; a harm spared, a concession, a
# charge, a reason or a noun (逾期未取的車票) is no denial.
@pytest.mark.parametrize("text,ref", [
    ("一间工厂昨日凌晨遭火神光顾，工厂约七成面积遭烧毁，所幸没有酿成任何伤亡。", "2021-02-12"),
    ("法院昨日审理颠覆案，三男一女涉嫌未按照指示进入法院。", "2024-05-31"),
    ("中部地區今天高溫約20度，雖未達寒冷，但體感溫度偏低。", "2026-01-20"),
    ("不過在2022年年底，由於太陽能帆板測試未達標，任務宣布推遲發射。", "2025-08-06"),
    ("逾期未取的車票，台鐵將於1月16日上午9時重新釋出。", "2026-01-10"),
])
def test_a_negation_elsewhere_in_the_sentence_denies_nothing(text, ref):
    events = events_of(text, ref)
    assert events and all(e.status != "negated" for e in events), [(e.status, e.title) for e in events]


@pytest.mark.parametrize("text,ref", [
    ("當日的庭審並沒有當場判決。", "2009-12-24"),
    ("2024年11月，有外媒報道兩家公司正在接觸，但雙方當時均未置評。", "2025-10-22"),
    ("俱樂部昨日否認了球員將離隊的傳聞。", "2025-11-20"),
])
def test_a_denial_of_the_event_is_negated(text, ref):
    assert "negated" in [e.status for e in events_of(text, ref)]


def test_a_headline_blank_between_two_acts_parts_their_dates():
    events = events_of("委員會今討論 擬下周首讀\n", "2024-03-06")
    assert sorted(e.date.value for e in events) == ["2024-03-06", "2024-W11"], [(e.date.value, e.title) for e in events]


def test_a_date_and_a_time_on_two_lines_are_two_mentions():
    from timeline_cli.api import extract_mentions

    found = extract_mentions("2022年9月29日(星期四)\n香港时间12时35分", date(2022, 9, 29))
    assert [(m.text, m.value) for m in found] == [("2022年9月29日(星期四)", "2022-09-29"),
                                                   ("香港时间12时35分", "2022-09-29T12:35")]


def test_a_set_score_in_a_list_of_scores_is_no_time():
    from timeline_cli.api import extract_mentions

    found = extract_mentions("中国女排以3:1战胜日本队，4局比分分别为25:17,22:25,25:21,25:22。", date(2015, 9, 7))
    assert found == [], [m.text for m in found]
    assert [m.value for m in extract_mentions("会议于14:30开始,16:00结束。", date(2015, 9, 7))] == [
        "2015-09-07T14:30", "2015-09-07T16:00"]


def test_figures_by_year_are_measurements_not_events():
    assert events_of("财政部说，2022年和2023年发放予各州的拨款分别是81亿和83亿令吉。", "2024-04-04") == []


def test_an_announcement_told_as_so_announced_is_titled_by_its_setting():
    (event,) = events_of("州务大臣昨日在州议会会议上总结财政预算案时，如此宣布。", "2024-12-01")
    assert "如此宣布" not in event.title, event.title


def test_a_start_time_after_you_keeps_its_verb():
    events = events_of("网上预约服务由十月七日上午九时开始。", "2022-09-29")
    assert [e.title for e in events] == ["网上预约服务由十月七日上午九时开始"]


def test_the_edition_gate_words_cover_every_games_name():
    import re

    from timeline_cli.events.nonevents import _EDITION, _EDITION_WORDS

    names = re.search(r"\(\?:((?:[^()|]+\|)+[^()|]+)\)$", _EDITION.pattern).group(1).split("|")
    assert len(names) > 10 and all(any(w in n for w in _EDITION_WORDS) for n in names), names


def test_opening_hours_are_no_event_but_an_undated_weekday_without_a_reference_is():
    events = events_of("展覽昨日開幕。開放時間為上午十時至傍晚六時。", "2019-12-28")
    assert [e.date.value for e in events] == ["2019-12-27"], [(e.date.value, e.title) for e in events]


def test_a_question_put_as_a_not_b_is_no_denial():
    (event,) = events_of("部长接受专访时，被问及会不会在2025年大选之前接棒，作出上述回应。", "2022-08-17")
    assert event.status != "negated", (event.status, event.title)
