"""Families of event errors found on unseen real news (tests/articles/fresh7), one case per bug.

The sentences are made up in the shape of what went wrong, never copied from the articles.
"""

from datetime import date

import pytest

from timeline_cli.documents import RawDocument
from timeline_cli.pipeline import analyse


def events_of(text: str, ref: str = "2025-06-11"):
    return list(analyse(RawDocument("a.txt", text, "utf-8"), date.fromisoformat(ref)).events)


def shown(events):
    return [(e.date.value, e.status, e.title) for e in events]


def titles(events):
    return [e.title for e in events]


# --- the day a word points back to ---------------------------------------------------------

def test_a_wire_tag_is_no_day_for_dangdi():
    # 《…專訊》 dates the report: 當日 is the day the sentence before planned.
    text = ("《某某通訊社11日專訊》電車公司表示，將於下星期日凌晨更換路軌，屆時部分路線暫停。"
            "電車公司當日將安排接駁巴士，每10分鐘一班。")
    events = events_of(text)
    assert any("接駁巴士" in e.title and e.date.value == "2025-06-22" for e in events), shown(events)
    assert all("通訊社" not in a.name for e in events for a in e.actors), shown(events)


def test_same_day_after_a_dateline_is_the_days_of_the_case():
    text = ("(怡保11日讯) 一名男子遭人持刀砍伤。\n\n"
            "警方于6月8日晚上9时接获投报，指一名男子在住家附近遇袭。\n\n"
            "“警方在案发同一天逮捕2名嫌犯，所有嫌犯已获准延扣至6月15日。”")
    events = events_of(text)
    assert any("逮捕2名嫌犯" in e.title and e.date.value == "2025-06-08" for e in events), shown(events)
    assert not any(e.date.value == "2025-06-15" for e in events), shown(events)


def test_a_time_opening_a_paragraph_keeps_the_day_the_paragraph_before_opened_with():
    text = "8日，全省高速公路迎来新变化。\n\n早7时，首趟城际列车从省城站开出。\n\n晚9时许，最后一趟列车抵达终点。"
    events = events_of(text, "2025-06-10")
    days = {e.date.value[:10] for e in events if "列车" in e.title}
    assert days == {"2025-06-08"}, shown(events)


def test_the_same_bare_day_said_again_keeps_its_month():
    text = ("一名男子因违反规例，10日于区域法院被判刑。\n\n"
            "他于去年12月28日离开隔离地点。他被控两项罪名，10日于区域法院被罚款8000元。")
    events = events_of(text, "2025-06-11")
    assert not any(e.date.value.startswith("2024-12-10") for e in events), shown(events)


def test_zhidao_cai_dates_its_own_clause():
    events = events_of("他们在本月3日抵达。直到6日，才出现症状，他们于8日前往医院求诊。", "2025-06-11")
    assert any(e.date.value == "2025-06-06" and "症状" in e.title for e in events), shown(events)


def test_a_date_in_brackets_after_suihou_is_its_date():
    events = events_of("6月20日晚8时，甲队将主场迎战乙队。而在随后(6月21日02:00)丙队对阵丁队的比赛中，丁队力争取胜。")
    assert any(e.date.value.startswith("2025-06-21") and "丙队" in e.title for e in events), shown(events)


# --- dates that date nothing -----------------------------------------------------------------

def test_a_length_in_days_after_the_act_is_no_date():
    events = events_of("他早前获发隔离令，须在家中隔离十四日。他于今年3月2日离开隔离地点。")
    assert not any(e.date.value.endswith("-14") for e in events), shown(events)


def test_the_last_time_before_is_a_comparison():
    events = events_of("她今天游出个人最佳成绩，已是继2006年某选手后、19年来首面蛙泳奖牌。", "2025-06-11")
    assert not any(e.date.value == "2006" for e in events), shown(events)


def test_a_standing_after_the_day_is_a_figure():
    events = events_of("今天所有赛事结束后，代表团3金5银暂居奖牌榜第7。", "2025-06-11")
    assert events == [], shown(events)


def test_a_markets_move_is_a_figure():
    events = events_of("股市在政局僵局10日结束后走高，但投资人仍关注新政府的政策。", "2025-06-11")
    assert events == [], shown(events)


def test_a_count_up_to_the_end_of_a_year_is_no_event():
    events = events_of("到2024年底，全省公路通车里程达到21.5万公里，其中高速公路9000公里。", "2025-06-11")
    assert events == [], shown(events)


def test_the_year_an_anniversary_counts_from_is_background():
    events = events_of("该校于1955年创办，今年是建校70周年。", "2025-06-11")
    assert events == [], shown(events)


def test_a_holiday_naming_a_celebration_gives_way_to_the_other_date():
    events = events_of("男子于10年前致电警方，谎称国庆庆典将遭破坏。", "2025-06-11")
    assert [e.date.value for e in events] == ["2015"], shown(events)


def test_a_claimed_future_does_not_move_the_weekday_ahead():
    events = events_of("地方法院周四审理这起谎称机场将遭袭击的案件，被告当庭认罪。", "2025-06-15")  # a Sunday
    assert [e.date.value for e in events] == ["2025-06-12"], shown(events)


def test_advice_with_only_if_dates_nothing():
    text = "地铁公司提醒乘客及早规划行程，乘坐11时45分前由总站开出的班次，才可转乘往市区的列车。"
    assert events_of(text) == []


# --- quotes, captions, stamps ------------------------------------------------------------------

def test_an_offices_statement_quoted_whole_is_no_aside():
    events = events_of("“警方在前天逮捕3名嫌犯，他们已被延扣助查。”", "2025-06-11")
    assert [e.date.value for e in events] == ["2025-06-09"], shown(events)
    assert not events[0].title.startswith("“"), shown(events)


def test_a_speakers_words_in_quotes_are_still_an_aside():
    events = events_of("“由最初的构想到今天落成，前后用了10年。”局长在仪式上表示。", "2025-06-11")
    assert events == [], shown(events)


def test_first_time_since_told_in_the_next_clause():
    assert events_of("“自2001年以来，这是该党首次赢得这个选区。”", "2025-06-11") == []


@pytest.mark.parametrize("text", [
    "總理昨日出席就職典禮，宣誓就任。(路透社/達志影像)\n",
    "記者會上展示嫌犯當時穿著的衣物。(新明日報圖)\n",
])
def test_captions_with_an_agency_or_a_papers_picture_are_furniture(text):
    assert events_of(text) == []


def test_a_publish_stamp_with_am_pm_is_furniture():
    events = events_of("发布: 9:15am 11/06/2025\n\n警方今日落案起诉一名男子。\n", "2025-06-11")
    assert len(events) == 1 and "T09:15" not in events[0].date.value, shown(events)


def test_a_press_release_footer_is_furniture():
    assert events_of("2025年6月11日(星期三)\n香港時間18時30分\n即日新聞\n", "2025-06-11") == []


def test_a_white_circle_is_the_zero_of_a_year():
    events = events_of("他們於二○二二年五月三日離開其隔離地點。", "2025-06-11")
    assert [e.date.value for e in events] == ["2022-05-03"] and "二" not in events[0].title, shown(events)


# --- titles ------------------------------------------------------------------------------------

def test_kaishi_with_an_object_stays_in_the_title():
    (event,) = events_of("新任部長今天(11日)開始部長的工作。", "2025-06-11")
    assert "開始部長的工作" in event.title, event.title


def test_yue_before_a_time_leaves_with_it():
    (event,) = events_of("警方于6月8日约下午3时20分接获投报。", "2025-06-11")
    assert not event.title.startswith("警方约"), event.title


def test_during_the_month_leaves_with_it():
    (event,) = events_of("这名男子今年4月间入境时被捕。", "2025-06-11")
    assert "间入境" not in event.title, event.title


def test_a_notice_title_skips_the_bound_of_its_count():
    (event,) = events_of("卫生部今晚发文告称，至今天(11日)下午2点，本地新增两起确诊病例。", "2025-06-11")
    assert "新增两起" in event.title and "下午2点" not in event.title, event.title


def test_a_bribery_title_passes_the_other_officials_acts():
    text = ("經審理查明：2005年至2020年，被告人張某利用擔任某市市長等職務上的便利，以及職權或者地位形成的便利條件，"
            "通過其他國家工作人員職務上的行為，為有關單位在工程承攬等事項上提供幫助，收受財物共計折合人民幣1.2億餘元。")
    (event,) = events_of(text)
    assert "收受" in event.title and "行為" not in event.title, event.title


def test_a_title_ends_before_the_speakers_verb():
    text = "刚在3月宣誓就任议员的某大学副教授陈某则认为，这项安排可让议员更快了解议题。"
    (event,) = events_of(text, "2025-06-11")
    assert not event.title.endswith("认为"), event.title


# --- status ------------------------------------------------------------------------------------

def test_jiang_before_upgrading_a_warning_is_ba():
    (event,) = events_of("今天(11日)10时，气象台将暴雨橙色预警升级为红色预警。", "2025-06-11")
    assert event.status == "occurred", shown([event])


def test_rain_ahead_over_local_areas_is_predicted():
    events = events_of("6月12日至15日，江南北部等地有持续性强降水，局地有大暴雨。", "2025-06-11")
    assert events and all(e.status == "predicted" for e in events), shown(events)


def test_two_periods_of_a_forecast_stay_apart():
    text = ("6月12日至16日，江南等地有持续性强降水。"
            "预计，6月12日14时至13日14时，江南中北部等地有大到暴雨。")
    assert len(events_of(text, "2025-06-11")) == 2


# --- one event or two -------------------------------------------------------------------------

def test_jieshi_goes_on_with_the_sentences_event():
    text = "電車公司將於下星期日凌晨更換路軌，屆時部分路線將暫停服務。"
    assert len(events_of(text)) == 1


def test_two_bills_passed_the_same_day_are_two_events():
    text = ("議會11日三讀通過《甲條例》修正案，政府表示感謝。\n\n"
            "此外，議會今日也三讀通過《乙法》修正案與《丙法》修正案。")
    assert len(events_of(text)) == 2


def test_the_shared_name_is_no_shared_wording():
    text = "地鐵公司將於下星期六深夜更換道岔。地鐵公司當日將安排接駁巴士，每5分鐘一班。"
    assert len(events_of(text)) == 2


def test_tongshi_tells_another_act_of_the_day():
    text = ("議會11日三讀通過《甲條例》修正案。\n\n"
            "至於追加預算案，議會刪減10億元。不過，議會同時通過主決議，要求政府撥付補助款。")
    events = events_of(text)
    assert any("主決議" in e.title and e.date.value == "2025-06-11" for e in events), shown(events)
    assert len(events) == 2, shown(events)


def test_a_past_days_semicolon_list_runs_on():
    text = "10日，新列车运行图正式实施。这一天，新型动车组亮相城际铁路；环线列车闪亮登场；全省铁路实行新的票价。"
    events = events_of(text, "2025-06-12")
    assert sum(1 for e in events if e.date.value == "2025-06-10") >= 3, shown(events)


# --- names -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,bad", [
    ("她於去年5月2日離開隔離地點，並移除電子手環。", "移除電子"),
    ("男子于10年前以电子邮件恐吓他人。", "电子"),
    ("要求政府立即撥付補助款50億元給各地方政府。", "億元"),
])
def test_no_organisation_across_a_verb_or_a_product(text, bad):
    events = events_of(text)
    assert all(bad not in a.name for e in events for a in e.actors), [[a.name for a in e.actors] for e in events]


def test_xinjiapo_keeps_its_first_character():
    events = events_of("新加坡法院昨日审理这起案件。", "2025-06-11")
    assert any(a.name == "新加坡法院" for e in events for a in e.actors), [[a.name for a in e.actors] for e in events]


def test_a_celebration_date_does_not_make_the_other_a_description():
    events = events_of("警方于2010年3月间接获当时的部门通报，声称国庆庆典将发生袭击。", "2025-06-11")
    assert [e.date.value for e in events] == ["2010-03"], shown(events)


def test_another_game_of_the_same_round_is_that_days():
    text = ("10日晚，甲队在客场迎来了预选赛第5场比赛。\n\n"
            "最终，甲队0-1不敌乙队。\n\n"
            "在同组的比赛中，丙队3-0战胜了丁队。")
    events = events_of(text, "2025-06-11")
    assert any("丙队" in e.title and e.date.value.startswith("2025-06-10") for e in events), shown(events)


def test_a_time_outside_the_evenings_part_is_another_moment():
    text = "卫生部今晚发文告称，本地新增两起确诊病例。第二起病例于今日下午2时确诊患病。"
    assert len(events_of(text, "2025-06-11")) == 2


def test_an_english_section_label_is_furniture():
    events = events_of("Current Affairs\n他今日在法庭认罪。\n", "2025-06-11")
    assert all("Current" not in e.title for e in events) and all(
        "Current" not in a.name for e in events for a in e.actors), shown(events)
