"""What real news pages hold besides their events (issue 11, second round): one row per case
seen in tests/articles/real, written in the words of those pages."""

from datetime import date

import pytest

from timeline_cli.documents import RawDocument
from timeline_cli.pipeline import analyse


def events_of(text: str, ref: str = "2025-11-20", published: str | None = None):
    raw = RawDocument("a.txt", text, "utf-8", date.fromisoformat(published) if published else None)
    return list(analyse(raw, None if published else date.fromisoformat(ref)).events)


# Lines that stamp the page (when it went up, was updated, which paper): no event.
STAMPS = [
    "2021/11/20 22:11(11/20 23:49 更新)\n",
    "发布: 12:17am 27/09/2025\n",
    "18/01/2026 05:52 PM\n",
    "2025-09-24 HKT 19:22\n",
    "2020年12月28日 19:39 PDF版 分享转发\n",
    "首次上稿 12日 20:52\n更新時間 13日 00:10\n",
    "2023-09-26・Array\n",
    "齐鲁晚报 2025年10月11日\n",
    "2018年12月22日 星期六 新京报\n",
    "2017年02月14日 09:28:33  來源:中國新聞網\n",
    "發布時間 2025/10/18 17:05\n更新時間 2025/10/18 18:00\n",
    "2025/10/18 17:05\n2025/10/18 18:00 更新\n",
    "刊登於 2024-03-19\n",
    "【5月2日08:15更新】\n",
]


@pytest.mark.parametrize("text", STAMPS)
def test_a_page_stamp_is_no_event(text):
    assert events_of(text) == []


def test_a_stamp_inside_a_line_is_no_event_but_the_story_after_it_is():
    text = "返回 本地 2020-10-23 04:30:00 日報 上訴庭法官3改2 立法會三讀通過 分享: 立法會昨日以38票贊成,三讀通過條例草案。"
    events = events_of(text, "2020-10-23")
    assert [e.date.value for e in events] == ["2020-10-22"]


def test_a_headline_with_a_date_inside_it_is_no_stamp():
    events = events_of("中職總冠軍賽統一獅對戰中信兄弟 27日洲際球場開打\n", "2021-11-20")
    assert [e.date.value for e in events] == ["2021-11-27"]


# Datelines and agency tags: they neither lead a title nor date an event of their own.
DATELINES = [
    ("(中央社記者楊啟芳台北20日電)中職在今晚賽事結束後,公布總冠軍賽賽程。", "2021-11-20", "中央社"),
    ("(新加坡11日讯)新加坡246万名选民今日将通过手中神圣的一票。", "2015-09-11", "讯"),
    ("(布城18日马新社讯)首相安华今日提醒团结政府国会议员。", "2026-01-18", "马新社"),
    ("(台北十日電)中華男足今晚以5比1大勝澳門隊。", "2015-10-10", "台北"),
    ("〔即時新聞/綜合報導〕強颱莫蘭蒂來襲,中央氣象局12日晚間11時30分發布海上颱風警報。", "2016-09-13", "報導"),
]


@pytest.mark.parametrize("text,ref,tag", DATELINES)
def test_a_dateline_neither_leads_the_title_nor_makes_an_event(text, ref, tag):
    events = events_of(text, ref)
    assert len(events) == 1
    assert tag not in events[0].title
    assert events[0].status != "reported"  # 綜合報導 is the desk's tag, not a media report


@pytest.mark.parametrize("text", [
    "中新網北京2月14日電(馬學玲 湯琪)想成為大名鼎鼎的“朝陽群眾”么?",
    "中國青年報客戶端北京9月15日電(中青報·中青網見習記者 趙麗梅)想知道國民經濟如何?",
])
def test_an_agency_dateline_is_no_event(text):
    assert events_of(text, "2017-02-14") == []


# Figures measured over a period, or running totals up to a moment: measurements, not happenings.
MEASUREMENTS = [
    "8月份,規模以上工業增加值同比增長4.5%,增速比上月加快0.8個百分點。",
    "1-8月份,固定資產投資(不含農戶)同比增長3.2%。",
    "公告一經發出,次日涨超6.52%,成交量激增近300%。",
    "截至上午10时,已有53万2590选民于全岛的832个投票站进行投票。",
    "截至今年2月10日,A股市场共有18家上市公司被立案调查。",
]


@pytest.mark.parametrize("text", MEASUREMENTS)
def test_a_measurement_is_no_event(text):
    assert events_of(text, "2023-09-15") == []


# A year inside a name (a bill, an agreement, a newspaper) dates nothing.
@pytest.mark.parametrize("text", [
    "他也确认,本次国会会议将优先提呈2025年监察专员署法案。",
    "他表示,此事曾在有关1963年建国契约的一次会议上讨论过。",
    "董郁玉是中國官方媒體《光明日報》副總編輯。",
    "今年以来,夏糧實現豐收,早稻也實現增產。",
    "“自1993年以来,现任首相的安华首次宣布将增加国会议席数量。”",
])
def test_a_name_or_a_since_phrase_dates_no_event(text):
    assert events_of(text, "2025-09-27") == []


def test_a_bill_title_keeps_its_year_and_the_vote_its_day():
    events = events_of("立法會昨日以38票贊成,三讀通過《2019年成文法(雜項規定)條例草案》。", "2020-10-23")
    assert [e.date.value for e in events] == ["2020-10-22"]
    assert "2019年成文法" in events[0].title


# A notice released on a date is a happening of that date, beside the dated happening it reports
# (third round: a reader puts the bulletin on the chronology too).
FRAMES = [
    ("12月24日凌晨,江西省彭泽县公安局发布的警情通报:2025年12月23日16时许,彭泽县发生一起车辆落水事故。",
     "2025-12-24", ["2025-12-23", "2025-12-24"], "警情通报"),
    ("4月20日晚,重庆市公安局巴南区分局官方微博@平安巴南 发布警情通报,以下为通报内容:\n"
     "4月20日18时许,重庆巴南区渝南大道发生一起交通事故。", "2024-04-21", ["2024-04-20", "2024-04-20"], "警情通报"),
    ("但据其2月6日晚间公告显示,公司股票将于2月9日开市时起停牌一天。", "2026-02-10",
     ["2026-02-06", "2026-02-09"], "公告"),
    ("11月18日晚间,通策医疗发布公告称,证监会对公司董事长吕建明立案。", "2022-11-30", ["2022-11-18"], "公告"),
]


@pytest.mark.parametrize("text,ref,values,word", FRAMES)
def test_a_notice_released_on_a_date_is_an_event_beside_what_it_reports(text, ref, values, word):
    events = events_of(text, ref)
    assert sorted(e.date.value[:10] for e in events) == values
    assert any(word in e.title for e in events)


# Photo captions tell again what the story tells: no event of their own.
@pytest.mark.parametrize("text", [
    "立法會大會經過一個月的「暑假」後，於明日復會。（鄭子峰攝）\n",
    "图为9月29日,观众在展览上观赏青铜莲鹤方壶。 新华社发\n",
    "中央氣象局12日晚間11時30分發布海上颱風警報。(圖取自中央氣象局)\n",
    "立院新會期今天開議，行政院將推30項優先法案。（行政院提供）\n",
])
def test_a_photo_caption_is_no_event(text):
    assert events_of(text, "2025-10-11") == []


def test_a_weekday_in_brackets_after_a_day_is_a_note_on_that_day():
    events = events_of("目前已有4間大學、1間中學提前宣布14日(周三)停課。", "2016-09-13")
    assert [e.date.value for e in events] == ["2016-09-14"]


def test_this_year_inside_a_later_clause_is_the_same_event():
    events = events_of("樂天桃猿隊今天擊敗中信兄弟，獲得今年台灣大賽冠軍。", "2025-10-27")
    assert [e.date.value for e in events] == ["2025-10-27"]


def test_dates_said_with_respectively_are_one_event_each():
    events = events_of("並在2010年和2014年分別擔任日本慶應義塾大學、北海道大學的訪問學者。", "2024-11-29")
    assert sorted(e.date.value for e in events) == ["2010", "2014"]


def test_the_future_is_no_denial():
    events = events_of("新加坡246万名选民今日将通过手中神圣的一票,共同决定新加坡未来五年的治国大方向。", "2015-09-11")
    assert [e.status for e in events] != ["negated"]


def test_a_title_goes_past_a_setting_to_the_happening():
    text = "西安地铁10号线于2024年4月18日23:50许,在进行试验路线车辆型式试验时,因车辆公司调试人员操作不当,发生车辆追尾事故。"
    events = events_of(text, "2024-04-21")
    assert len(events) == 1 and "追尾" in events[0].title


def test_today_is_the_datelines_day_when_the_page_went_up_after_midnight():
    text = "(斗湖26日讯)首相表示,将会增加国会议席。\n\n他是今天在出席集会时发表讲话时表示。"
    events = events_of(text, published="2025-09-27")
    assert [e.date.value for e in events] == ["2025-09-26"]


@pytest.mark.parametrize("text", [
    "昨夜今晨丨西安地铁试车事故1死2伤丨一男子驾车失控致1死9伤丨今日开跑!\n",
    "賴清德表示，職棒走過36個年頭，今年也有許多新球迷加入。",
    "中央气象台发布2025年首个寒潮预警 西北华北部分地区降温超14℃\n",
    "此事曾在有关1963年建国契约的一次会议上讨论过,当时两州都要求考虑增加国会议席数量。",
])
def test_headline_digests_this_year_ranks_counts_and_names_date_nothing(text):
    assert events_of(text, "2025-10-27") == []


def test_a_newswire_tag_leads_no_title():
    events = events_of("中国天气网讯中央气象台于今天(1月23日)6时发布寒潮蓝色预警。", "2025-01-23")
    assert len(events) == 1 and not events[0].title.startswith("中国天气网")


def test_the_day_an_announcement_names_is_what_was_said():
    text = "不過昨晚11時,雲林縣政府先發布新聞指已達停班課標準,因此宣布今天停班課;"
    assert [e.date.value[:10] for e in events_of(text, "2024-07-24")] == ["2024-07-23"]


def test_the_same_act_by_other_subjects_stays_apart():
    text = ("台北市、新竹市等北部縣市昨晚都宣布今天停班課。\n"
            "不過中彰投3縣市在昨晚11時50分左右宣布停班課。")
    assert len(events_of(text, "2024-07-24")) == 2


def test_a_day_told_again_in_the_same_article_is_one_event():
    text = ("中職公布總冠軍賽賽程,27日在台中洲際棒球場開打,第3戰開始由統一獅擔任主場。\n"
            "首戰11月27日在台中洲際棒球場進行,前2戰是兄弟主場。")
    assert len(events_of(text, "2021-11-20")) == 1


def test_a_shared_actors_name_is_no_shared_wording():
    text = "同性伴侶關係登記框架今年7月提出後，立法會內反對聲音強烈。\n立法會自7月底起「抖暑」，明日（10日）復會。"
    events = events_of(text, "2025-09-09")
    assert any(e.date.mod == "END" for e in events)


def test_a_long_subject_leaves_the_predicate_in_the_title():
    text = "北京鋒銳律師事務所主任周世鋒與異議人士胡石根、翟岩民、勾洪國4人在今年7月15日遭檢方以「顛覆國家政權罪」起訴。"
    title = events_of(text, "2016-08-05")[0].title
    assert title.startswith("北京鋒銳") and title.endswith("起訴") and len(title) <= 41


# People named with no role in front, whole; reporters and photographers are never actors.
@pytest.mark.parametrize("text,names", [
    ("温家宝表示，今年4月将访问日本。", {"温家宝"}),
    ("川普表示，美国今年4月将加征关税。", {"川普"}),
    ("任全牛表示，张展今年4月被捕。", {"任全牛"}),
    ("賴清德表示，樂天今年4月奪冠。", {"賴清德"}),
    ("马上表示今年4月再谈。", set()),
    ("據交通部中央氣象署預報資料，颱風今年4月逼近。", {"交通部中央氣象署"}),
    ("天津市第二中級人民法院今年4月對勾洪國案一審宣判。", {"天津市第二中級人民法院"}),
    ("亚辉龙今年4月与深圳脑机星链科技有限公司签署协议。", {"深圳脑机星链科技有限公司"}),
    ("董郁玉2006年任美國哈佛大學尼曼研究員(Nieman Fellow)。", {"美國哈佛大學"}),
    ("故宫今年4月挂上了门神。\n\n  新京报记者 浦峰 倪伟 摄影报道\n", set()),
    ("樂天桃猿今年4月奪冠。記者黃仲裕／攝影\n記者周佑政今年4月報導。", set()),
])
def test_actors_are_found_whole_and_reporters_are_not_actors(text, names):
    found = {a.name for e in events_of(text, "2025-11-20") for a in e.actors}
    assert found == names


@pytest.mark.parametrize("text", [
    "這場發布會堪稱是受到西方國家打壓制裁4年後的「王者歸來」。",
    "謝謝兩支球隊和球迷，讓這個秋天的球季充滿熱血與感動。",
    "付凌暉表示,8月份,工業和服務業生產加快,國內需求繼續擴大。",
    "近年来,越来越多人在春节假期逛博物馆。",
])
def test_a_time_after_a_noun_this_autumn_a_months_trend_and_a_trend_date_nothing(text):
    assert events_of(text, "2025-10-27") == []


def test_a_dated_reason_is_the_event():
    events = events_of("因應年底舉行換屆選舉，本港下半年政治日程大為壓縮。", "2025-09-09")
    assert len(events) == 1 and "換屆選舉" in events[0].title


def test_a_date_inside_the_description_of_the_subject_dates_no_event():
    text = "昨晚原本宣布正常上班上課的台中市、南投縣及台東縣,昨天深夜臨時宣布停班停課。"
    events = events_of(text, "2024-07-24")
    assert len(events) == 1
    assert events[0].title.startswith("台中市") and events[0].title.endswith("臨時宣布停班停課")


def test_the_source_of_a_statement_leads_no_title():
    text = "台東縣政府通報,根據交通部中央氣象署24日最新預報資料,台東縣已達停班停課標準,宣布今天停止上班。"
    events = events_of(text, "2024-07-24")
    assert len(events) == 1 and "宣布停止上班" in events[0].title


def test_a_long_title_never_leaves_a_quotation_open():
    text = "明年1月6日至4月7日,故宫将张灯结彩恢复清宫鼎盛时期“过大年”面貌,推出史上规模最大展览“贺岁迎祥——紫禁城里过大年”。"
    title = events_of(text, "2018-12-22")[0].title
    assert title.count("“") == title.count("”")


@pytest.mark.parametrize("text,ref,values", [
    ("警方表示,並於今日凌晨於天水圍一單位以涉嫌「刑事毀壞」將他拘捕。", "2022-10-18", ["occurred"]),
    ("《财新周刊》近期出现人事调整,胡舒立已不再担任总编辑一职。", "2018-01-09", []),
    ("这表明,中国航天在2020年的首次发射任务实现“开门红”。", "2020-01-08", []),
])
def test_disposal_jiang_recent_days_and_a_first_of_the_year(text, ref, values):
    assert [e.status for e in events_of(text, ref)] == values


def test_a_day_told_again_within_its_month_in_one_article_is_one_event():
    text = ("23 歲男子被指上月在旺角損壞兩張海報。\n"
            "被告被控一項「刑事毀壞」罪，指於 2025 年 11 月 19 日，在旺角的天橋，無合法辯解而損壞屬於選舉事務處的兩張海報。")
    events = events_of(text, "2025-12-16")
    assert [e.date.value for e in events] == ["2025-11-19"]
    assert "損壞" in events[0].title


def test_the_same_subjects_doing_the_opposite_the_same_night_stay_apart():
    text = ("昨晚原本宣布正常上班上課的台中市、南投縣及彰化縣,昨天深夜臨時宣布停班停課。\n"
            "台中市、南投縣及彰化縣昨晚8時統一宣布今天正常上班上課。")
    assert len(events_of(text, "2024-07-24")) == 2


@pytest.mark.parametrize("text,ref", [
    ("他下午出席国会会前汇报会后,向记者这么说。", "2026-01-18"),
    ("兩支球隊再度狹路相逢,象隊則要力拚2010年之後再拿下總冠軍。", "2021-11-20"),
])
def test_a_frame_of_quoted_words_and_a_comparison_date_nothing(text, ref):
    assert events_of(text, ref) == []


# Third round (issue 11): what so many underwent over a named period is what happened in it.
@pytest.mark.parametrize("text,ref,values", [
    ("据澎湃新闻记者统计,9月和10月,仅有5家和3家上市公司公告被查;", "2022-11-30", ["2022-09", "2022-10"]),
    ("而此前2022年上市公司被立案最多的月份是7月,数量为16家;", "2022-11-30", ["2022-07"]),
    ("11月1日-11月29日,A股市场共有23家上市公司相关方被证监会立案调查。", "2022-11-30",
     ["2022-11-01/2022-11-29"]),
    ("卫生部指出,在2024年一共累计12万2423宗骨痛热症病例,而死亡病例则有117宗。", "2025-01-06", ["2024"]),
])
def test_what_so_many_underwent_over_a_named_period_is_an_event(text, ref, values):
    assert [e.date.value for e in events_of(text, ref)] == values


# A happening told over a period up to now is an event of the period's start; the first time
# since (…以来…首次) and a running total up to a moment (截至…) are not.
@pytest.mark.parametrize("text,ref,value,mod", [
    ("仅2月以来,就有ST萃华、亚辉龙、天晟新材因此被证监会立案调查。", "2026-02-10", "2026-02", None),
    ("华为从上月底至今,已发售了Mate 60 Pro手机。", "2023-09-15", "2023-08", "END"),
])
def test_a_happening_over_a_period_up_to_now_is_dated_at_its_start(text, ref, value, mod):
    events = events_of(text, ref)
    assert [(e.date.value, e.date.mod) for e in events] == [(value, mod)]


def test_the_first_time_since_is_still_no_event():
    assert events_of("“自1993年以来,现任首相的安华首次宣布将增加国会议席数量。”", "2025-09-26") == []


# Dates joined by a word are one event each; days listed with 、 are one span, and 或 leaves one
# day open.
@pytest.mark.parametrize("text,ref,values", [
    ("这些地铁站也会在12月10日和17日这两个星期天全天停止地铁服务。", "2017-12-08", ["2017-12-10", "2017-12-17"]),
    ("最低气温将出现在17日或18日早晨,可降至-28~-22℃。", "2022-12-15", ["2022-12-17/2022-12-18"]),
])
def test_dates_joined_by_a_word_are_one_event_each(text, ref, values):
    assert [e.date.value for e in events_of(text, ref)] == values


# A month and day without a year, with its weekday in brackets: the year near the reference date
# where the day falls on that weekday (a table of fixtures under a paragraph about 2007).
def test_a_weekday_note_picks_the_year_of_a_month_and_day():
    text = ("中職長年維持上、下半季賽制，僅2007年獅隊未取季冠軍卻成最終總冠軍。\n"
            "中華職棒總冠軍賽賽程\n總冠軍賽（7戰4勝制）：中信兄弟vs.樂天桃猿\n場次 日期 時間 主場球隊 球場\n"
            "G1 10/18(六) 17:05 中信兄弟 台北大巨蛋\nG2 10/19(日) 17:05 中信兄弟 台北大巨蛋\n")
    events = [e for e in events_of(text, "2025-10-13") if e.date.value != "2007"]
    assert [e.date.value[:10] for e in events] == ["2025-10-18", "2025-10-19"]
    assert all(e.status == "planned" for e in events)  # the status follows the date the event got
    # A row of a table is an item of what the caption above the table names; the note is the date's.
    assert events[0].title == "總冠軍賽：G1 中信兄弟 台北大巨蛋"


# A dated sentence may tell several happenings: the same act by other subjects (也, 亦), counted
# others (有四條法案…), and after a past happening of a day what happened during it (期間…) or came
# of it (遂, 當場). Each is an event of its own at the same date.
@pytest.mark.parametrize("text,ref,value,words", [
    ("台中市、南投縣及彰化縣昨晚8時統一宣布今天正常上班上課,雲林縣、嘉義市、金門縣及台東縣除蘭嶼鄉外,"
     "也都宣布正常上班上課。", "2024-07-24", "2024-07-23", ["台中市", "雲林縣"]),
    ("立法會將於明日（10日）復會，有四條政府法案恢復二讀，包括《同性伴侶關係登記條例草案》。", "2025-09-09",
     "2025-09-10", ["復會", "恢復二讀"]),
    ("當日民眾自發上街反「港版國安法」遭警方驅散及拘捕,期間在銅鑼灣高士威道,一名防暴警員突然獨自衝入人群"
     "試圖壓制一人,混亂中懷疑被一名男子持利器刺傷其左肩,致使鮮血流出。", "2020-07-03", "2020-07-03",
     ["驅散", "刺傷"]),
    ("案情續指，警方發現海報被撕毀當天，在大角咀棕樹街一帶調查，期間旺角警區另一警員發現被告與閉路電視片中"
     "人相似，被告遂被截查及拘捕。", "2025-12-16", "2025-12-16", ["調查", "拘捕"]),
])
def test_a_sentence_tells_several_happenings_of_its_date(text, ref, value, words):
    events = events_of(text, ref)
    assert [e.date.value[:10] for e in events] == [value] * len(words)
    for event, word in zip(events, words, strict=True):
        assert word in event.title


def test_a_happening_of_others_in_the_next_sentence_takes_its_date():
    text = ("立法會將於明日（10日）復會，審議四條政府法案。此外，規管網約車的主體法例亦將提交立法會作首讀和二讀。\n"
            "雖然時間緊凑，但立法會主席梁君彥早前表示，有信心處理完各項法案。")
    events = events_of(text, "2025-09-09")
    assert [e.date.value for e in events] == ["2025-09-10", "2025-09-10"]
    assert "網約車" in events[1].title and events[1].status == "planned"


def test_after_a_semicolon_what_came_of_a_happening_takes_its_date():
    text = ("昨晨10時許,一名男子在警署近後門閘圍牆噴大字,由途人發現報警;警員趕至後閘調查,發現外牆遭噴上字句,"
            "當場拘捕涉案男子帶署。")
    events = events_of(text, "2016-08-20")
    assert [e.date.value[:10] for e in events] == ["2016-08-19", "2016-08-19"]
    assert "拘捕" in events[1].title


@pytest.mark.parametrize("text,ref", [
    # during a period (自去年7月起), 期間 tells a state, not a happening
    ("北京法院自去年7月起,就對董郁玉的案件進行閉門庭審,期間董郁玉一直被關押在北京1所監獄中,等待判決結果。",
     "2024-11-29"),
    # up to a future date, 期間 is the wait for it
    ("主任裁判官蘇文隆押後明年 1 月 28 日判刑，以候索取感化令及社服令報告，期間被告續准保釋。", "2025-12-16"),
    # the same subject again (他也…) is the same event; 也許 is no 也
    ("安华今日在汇报会上提醒议员,他也表示议员有责任良好辩论,也许会有更多会议。", "2026-01-18"),
    # a sentence after the dated one opening with 期間 looks back at a time of its own
    ("胡舒立于1998年4月创办《财经》双周刊,并担任主编11年。期间《财经》曾推出报导《谁的鲁能》。", "2018-01-09"),
])
def test_no_second_happening_without_a_new_subject_or_a_day_before_it(text, ref):
    assert len(events_of(text, ref)) == 1


# Dates that are no happening: the baseline of a comparison, a label printed on a thing.
@pytest.mark.parametrize("text,ref,values", [
    ("統計處指出,2024年全年共錄得3200宗個案,比2023年的2900宗多。", "2025-02-01", ["2024"]),
    ("市政府昨日公布新計劃,與去年相比規模更大。", "2025-05-02", ["2025-05-01"]),
    ("衛生署今日呼籲市民不要食用一款到期日為2025年12月9日的餅乾。", "2025-11-20", ["2025-11-20"]),
    ("詳細內容請翻閱今晚/明日《南方報》", "2025-11-20", []),
])
def test_a_comparisons_baseline_and_a_label_date_nothing(text, ref, values):
    assert [e.date.value for e in events_of(text, ref)] == values


# Page furniture inside the story: a paper's own tag, a photo credit, an ad break, a caption
# sentence, how long ago the page went up.
@pytest.mark.parametrize("text,ref,values,absent", [
    ("本报讯 (记者 王明) 昨日,市交通局宣布新线路开通。", "2025-03-02", ["2025-03-01"], "本报讯"),
    ("（南方社 李文攝） 市議會今日表決通過預算案。", "2025-03-02", ["2025-03-02"], "攝"),
    ("法院指出,必須等到明年宣判後才能播出,廣告 更多內容請繼續往下閱讀：因此向高院提起抗告。", "2025-12-12",
     ["2026"], "廣告"),
    ("市長將於今日開記者會。圖為其上月在市府的記者會。", "2025-03-02", ["2025-03-02"], "圖為"),
    ("東方電台 ・ 3 天前\n", "2025-03-02", [], ""),
])
def test_furniture_inside_the_story_leads_no_title(text, ref, values, absent):
    events = events_of(text, ref)
    assert [e.date.value for e in events] == values
    assert all(absent not in e.title for e in events) if absent else True


# A sentence with no date of its own, after a happening of a past day, that tells another act
# of the same setting or subject is a happening of that day; background, plans, what was said,
# a time of its own, the same act told again and a new paragraph are not.
@pytest.mark.parametrize("text,ref,count", [
    ("全國排球錦標賽決賽今日進行。在女子組決賽,東區隊以3比1擊敗北區隊。", "2025-05-04", 2),
    ("市議會昨日召開大會。市議會並三讀通過垃圾費條例。", "2025-05-04", 2),
    ("全國排球錦標賽決賽今日進行。東區隊曾在決賽擊敗北區隊。", "2025-05-04", 1),
    ("全國排球錦標賽決賽今日進行。東區隊將在決賽迎戰北區隊。", "2025-05-04", 1),
    ("全國排球錦標賽決賽今日進行。教練表示,決賽擊敗北區隊不容易。", "2025-05-04", 1),
    ("新款手機昨日發布。這款手機上市後三個月內賣出30萬台。", "2025-05-04", 1),
    ("公路昨日發生一起車禍,造成3人受傷。經查,貨車司機在公路上失控撞上護欄,致3人受傷。", "2025-05-04", 1),
    ("全國排球錦標賽決賽今日進行。\n在女子組決賽,東區隊以3比1擊敗北區隊。", "2025-05-04", 1),
])
def test_an_undated_sentence_tells_a_happening_of_the_day_before_it(text, ref, count):
    events = events_of(text, ref)
    assert len(events) == count
    assert all(e.date.value == events[0].date.value for e in events)


# Which date governs: a day word with its number in brackets (明(十五)日下午三時); the day an
# announcement was made, not the coarser date it names (9月15日,他宣布…将于本月亮相); a clause
# told of now (目前由…) is no more of the dated happening before it.
def test_a_day_word_with_its_number_in_brackets_dates_the_time_after_it():
    events = events_of("市長於明(十五)日下午三時到議會列席全體會議。", "2025-04-14")
    assert [e.date.value for e in events] == ["2025-04-15T15:00"]


def test_the_announcements_day_wins_over_the_month_it_names():
    events = events_of("9月15日,他通过微博宣布新款手机将于本月亮相。", "2025-09-20")
    assert [e.date.value for e in events] == ["2025-09-15"]


def test_a_clause_told_of_now_ends_the_dated_happenings_title():
    events = events_of("空缺是原任部长张三于7月23日逝世留下的,目前由另一名部长出任代部长。", "2023-12-12")
    assert [e.date.value for e in events] == ["2023-07-23"]
    assert "逝世" in events[0].title and "代部长" not in events[0].title


def test_a_part_of_the_period_after_a_speech_verb_is_a_time_of_its_own():
    events = events_of("刚刚,他在网上发文,正式表示自己将在今年年底离开公司。", "2025-11-20")
    assert sorted(e.date.value for e in events) == ["2025", "2025-11-20"]


# A date right after the verb says what its object covers (通過第三季財報); the act is dated
# before the verb.
@pytest.mark.parametrize("text,ref,values", [
    ("該公司11日召開董事會,通過第三季財報及多項決議。", "2025-11-12", ["2025-11-11"]),
    ("董事會昨日核准配發第三季每股現金股利6元。", "2025-11-12", ["2025-11-11"]),
])
def test_a_date_after_the_verb_names_what_its_object_covers(text, ref, values):
    assert [e.date.value for e in events_of(text, ref)] == values


# Titles: what a happening means (标志着…) is no part of it; a verb that opens with a frame word
# (到达, 起飞) and a place after 从 stay whole; times of a daily schedule are no happenings.
def test_a_comment_on_the_happening_stays_out_of_the_title():
    events = events_of("昨日,新航线首航仪式在南郊机场举行,标志着该公司绵阳基地正式成立。", "2011-03-28")
    assert len(events) == 1 and "首航仪式" in events[0].title and "标志着" not in events[0].title


def test_a_verb_after_the_time_keeps_its_first_character():
    events = events_of("航班昨日23点55分从西安起飞。", "2011-03-28")
    assert [e.title for e in events] == ["航班从西安起飞"]


def test_the_times_of_a_daily_schedule_are_no_happenings():
    text = "该航线每天22点从成都起飞,23点10分到达西安;23点55分从西安起飞,1点10分到达成都。"
    assert events_of(text, "2011-03-28") == []


# One happening, one event: a range in two pieces around a note (今天(8日)至本月31日) with the
# weekdays it repeats on; each item postponed to its own new date is an event of its own.
def test_a_range_with_the_weekdays_it_repeats_on_is_one_event():
    text = "交通局宣布,从今天(8日)至本月31日,列车服务将在星期五和星期六提早结束。"
    events = events_of(text, "2017-12-08")
    assert [e.date.value for e in events] == ["2017-12-08/2017-12-31"]


def test_each_item_moved_to_its_own_date_is_an_event():
    text = "“新疆文物展”延期至10月27日,“秦简文化展”延期至10月7日。"
    events = events_of(text, "2019-09-23")
    assert sorted(e.date.value for e in events) == ["2019-10-07", "2019-10-27"]


def test_a_time_of_day_describing_a_noun_dates_nothing():
    assert events_of("该政策极大丰富了市民的夜间文化生活。", "2019-09-23") == []


# A long title is cut after a whole clause that says what happened, never inside brackets and
# never on a word that wants its object (…更新与…).
@pytest.mark.parametrize("text,ref", [
    ("上述安排是为了加快在明年中完成东西线信号系统提升工程,以及争取更多时间进行各项系统更新与维修工作。", "2017-12-08"),
    ("昨日在混雙決賽,陳健銘與賴沛君以0比2(14比21、19比21)不敵中國年輕組合鄭思維與李茵暉和其他人。", "2016-01-25"),
])
def test_a_long_title_is_cut_after_a_clause_and_outside_brackets(text, ref):
    events = events_of(text, ref)
    assert len(events) == 1
    title = events[0].title
    assert len(title) <= 41 and not title.rstrip("…").endswith(("与", "和", "的", "在"))
    assert title.count("(") == title.count(")")


# 宁愿…也不愿 pairs two clauses of one subject (no other subject doing the same); 他們 is no
# single person.
def test_rather_than_is_one_subjects_choice_and_they_stay_they():
    text = "張三昨日在聽證會上表示,他寧願被判入獄,也不願被罰款5000元。"
    assert len(events_of(text, "2020-01-23")) == 1
    events = events_of("張三昨日出庭。他們於周三返回法庭。", "2020-01-23")
    assert all(not e.title.startswith("張三們") for e in events)


# A court's finding (認定…) leads to the outcome told after it: the title keeps the outcome.
def test_a_rulings_title_keeps_its_outcome_past_the_finding():
    text = "高等法院今(12日)裁定,認定原審的限制並無不當,駁回被告的抗告。"
    events = events_of(text, "2025-12-12")
    assert len(events) == 1 and "駁回" in events[0].title and "認定" not in events[0].title
    assert events[0].type == "legal"


# 年終賽 names a tournament; 隨後 after a happening of today tells what came next, not a plan.
def test_a_season_word_naming_a_tournament_dates_nothing():
    assert events_of("首圈險勝年終賽冠軍波波夫。", "2026-01-08") == []


def test_what_came_next_in_todays_story_has_happened():
    events = events_of("立法院院會今日上演表決大戰。隨後進行修正草案的三讀程序。", "2026-01-16")
    assert [e.status for e in events] == ["occurred", "occurred"]


def test_how_the_paper_learned_the_forecast_is_no_event():
    text = "昨日,记者从市气象台获悉,受新一轮冷空气影响,预计12月15日至18日我市将再次出现大风和降温天气。"
    events = events_of(text, "2022-12-15")
    assert [e.date.value for e in events] == ["2022-12-15/2022-12-18"]


# Weather said with 将 is foreseen, not planned; 不排除 leaves it open.
@pytest.mark.parametrize("text,ref,status", [
    ("明日最低气温将跌至零下5度。", "2022-12-14", "predicted"),
    ("气象局明日不排除发布海上警报。", "2025-09-19", "predicted"),
    ("市政府将于明日发布新规。", "2025-09-19", "planned"),
])
def test_weather_with_jiang_is_a_forecast(text, ref, status):
    assert [e.status for e in events_of(text, ref)] == [status]


# 二五年度施政報告 names the year the report covers; a restated count merges though its title
# opens with an adverb (一共, 全國), not a name.
def test_the_year_a_report_covers_dates_nothing():
    assert events_of("新聞局會在專頁發布二五年度施政報告的資訊。", "2025-04-14") == []


def test_a_count_told_again_with_an_adverb_first_is_one_event():
    text = ("衛生部指出,在2024年一共累計12萬宗病例,死亡病例則有117宗。\n"
            "他說,在2024年,全國累計通報12萬宗病例,死亡病例有117宗。")
    assert len(events_of(text, "2025-01-06")) == 1


# A forecast or plan told after the act (…發出三號風球，並預計…增強) is not the act's status; a
# denial anywhere still is; 10月4日訊 after a bracketed headline is a dateline.
def test_a_forecast_after_the_act_leaves_it_done_and_a_denial_still_counts():
    events = events_of("【澳門發出三號風球】10月4日訊,氣象局10月4日16時發出三號風球,並預計風勢會顯著增強。", "2025-10-04")
    assert [e.status for e in events] == ["occurred"] and "訊" not in events[0].title
    events = events_of("有傳聞指該公司在今年9月曾考慮放棄交易，該公司對此予以否認。", "2025-11-20")
    assert [e.status for e in events] == ["negated"]


# Inside a purpose (为满足观众在国庆假期的观展需求) a date says whose need it is; a service hour
# after 至 (服务时间至凌晨1时30分) dates no happening.
@pytest.mark.parametrize("text,ref", [
    ("为满足观众在国庆假期的观展需求,国博将延长多个展览的展期。", "2019-09-23"),
    ("此外,巴士公司也将延长五条巴士路线的服务时间至凌晨1时30分。", "2017-12-08"),
])
def test_a_purposes_date_and_a_service_hour_date_nothing(text, ref):
    assert events_of(text, ref) == []


# 今年 said of the year the article is written in frames the story, but a plan for the year
# (今年…将…) is dated by it.
def test_a_plan_for_this_year_is_dated_by_it():
    events = events_of("今年川航将新进13架空客飞机。", "2011-03-28")
    assert [(e.date.value, e.status) for e in events] == [("2011", "planned")]
