"""Families of misses found on unseen real news (tests/articles/fresh5), one row per case.

The sentences are made up in the shape of what was missed, never copied from the articles.
"""

from datetime import date

import pytest

from timeline_cli.documents import RawDocument
from timeline_cli.pipeline import analyse


def events_of(text: str, ref: str = "2025-11-20"):
    return list(analyse(RawDocument("a.txt", text, "utf-8"), date.fromisoformat(ref)).events)


# A bare time of day with only the reference day behind it stays on the day the paragraph named.
def test_a_clock_time_stays_on_the_day_the_paragraph_named():
    text = "昨日上午，该案在市中级法院开庭审理。\n当日的庭审持续了3个小时。下午3时许庭审结束后，被告被押回看守所。"
    events = events_of(text, ref="2024-06-12")
    ends = [e for e in events if "押回" in e.title]
    assert ends and all(e.date.start_date == date(2024, 6, 11) for e in ends), \
        [(e.date.value, e.title) for e in events]


# A birth date describes a person: no happening of the story, nor is what 其后 follows it.
@pytest.mark.parametrize("text", [
    "1998年出生的李小红摘得女子跳远冠军。",
    "公开资料显示，王大明生于1970年3月，曾在多地工作，其后调任某市担任副市长。",
    "张华，1985年生，现任该公司总经理。",
])
def test_a_birth_date_is_no_event(text):
    events = events_of(text)
    assert all(e.date.start_date.year >= 2000 for e in events if e.date.start_date), \
        [(e.date.value, e.title) for e in events]
    assert not any(e.date.value.startswith(("1998", "1970", "1985")) for e in events)


def test_a_birth_in_the_news_of_the_day_is_still_told():
    (event,) = events_of("该园的大熊猫幼仔昨日凌晨顺利诞生。", ref="2025-08-02")
    assert event.date.value.startswith("2025-08-01")


# A date after 到了 leaves no 到了 at the head of the title.
def test_daole_before_a_date_leaves_the_title():
    events = events_of("此前已有传闻。到了11日，省政府召开全省防汛调度会，仅有两名副省长出席。", ref="2025-04-12")
    (event,) = [e for e in events if e.date.value == "2025-04-11"]
    assert event.title.startswith("省政府召开"), event.title


# A long title keeps its predicate: a note in round brackets goes first, and a list of places
# is skipped between the first place and the predicate.
def test_a_bracketed_aside_gives_way_to_the_predicate():
    text = ("8月3日，某公司70亿参数通用模型和对话模型(简称 Model-7B 和 Model-7B-Chat)出现在模型社区，"
            "两款模型均开源。")
    (event,) = events_of(text, ref="2023-08-04")
    assert "简称" not in event.title and "(" not in event.title and "出现在" in event.title, event.title


def test_a_list_of_places_gives_way_to_the_predicate():
    text = ("其中，11月21日20时至23日20时，山东东部、江苏北部、安徽北部、河南东部、湖北东部、湖南北部、"
            "江西北部、浙江西部等地气温下降8~10℃。")
    (event,) = events_of(text, ref="2025-11-20")
    assert event.title.startswith("山东东部") and event.title.endswith("气温下降8~10℃"), event.title


# Weather ahead with no 将 in the clause is foreseen, not planned.
def test_weather_ahead_is_predicted():
    (event,) = events_of("11月22日至24日，华北大部地区气温下降6~8℃，并伴有大风。", ref="2025-11-20")
    assert event.status == "predicted"


def test_a_plan_ahead_is_still_planned():
    (event,) = events_of("11月22日至24日，市政府在会展中心举办招商大会。", ref="2025-11-20")
    assert event.status == "planned"


# Two periods of one forecast are two forecasts, not one told twice.
def test_forecasts_of_two_periods_stay_apart():
    text = ("预计11月21日至25日，我国大部气温将下降8~12℃，上述地区伴有4~6级偏北风，阵风7~9级；"
            "24日至25日，东部海域有6~8级大风，阵风9~11级。")
    events = events_of(text, ref="2025-11-20")
    assert {e.date.value for e in events} >= {"2025-11-21/2025-11-25", "2025-11-24/2025-11-25"}, \
        [(e.date.value, e.title) for e in events]


# Weekdays told with a forecast are the coming ones (a Sunday's 周三至周四 is in the week ahead).
def test_weekdays_of_a_forecast_lie_ahead():
    events = events_of("周三至周四早晨郊区最低温会降至0~2℃，局部地区将出现薄冰。", ref="2025-11-16")
    assert events and events[0].date.start_date == date(2025, 11, 19), [(e.date.value, e.title) for e in events]


def test_weekdays_of_the_week_gone_stay_there():
    events = events_of("周三至周四，全市出现大范围降雪。", ref="2025-11-16")
    assert events and events[0].date.end_date < date(2025, 11, 16), [(e.date.value, e.title) for e in events]


# 网站发布消息称，…: the title goes on to what the notice says.
def test_a_notice_frame_takes_what_it_says_into_the_title():
    (event,) = events_of("8月23日，省纪委监委网站发布消息称，某市原副市长王某主动投案，正接受调查。", ref="2021-08-24")
    assert "投案" in event.title, event.title
