"""Events as issue 4 describes them: statuses, actors and aliases, inference, merging, derived spans."""

import json
import shutil

import pytest

from conftest import ROOT, SEED, run_cli, validate
from timeline_cli.documents import RawDocument
from timeline_cli.pipeline import analyse, merge_timelines

ARTICLES = ROOT / "tests" / "articles"


def events_of(text: str, ref: str = "2025-11-20", path: str = "a.txt"):
    from datetime import date

    return list(analyse(RawDocument(path, text, "utf-8"), date.fromisoformat(ref)).events)


# (sentence, type): one row per case; a framing word (宣布, 表示, 主场) gives way to the event it frames.
TYPES = [
    ("今年4月，晶辰宣布完成对微拓科技的收购。", "acquire"),
    ("今年4月，任務宣布推遲發射。", "delay"),
    ("今年4月，俱乐部官宣与队长续约两年。", "sign"),
    ("今年4月，俱乐部宣布与主帅解约。", "leave"),
    ("今年4月的揭幕战，青州海鸥主场2比1击败升班马。", "win"),
    ("今年4月，青州海鸥客场0比3惨败给一支保级球队。", "lose"),
    ("今年4月，晶辰計劃裁減約800個職位。", "layoff"),
    ("今年4月，路政署承認工程延誤。", "delay"),
    ("今年4月，國家航天局公布探測結果。", "announce"),
    ("今年4月，公司表示业绩良好。", "statement"),
    ("今年4月，两队在主场交手。", "match"),
]


@pytest.mark.parametrize("sentence,event_type", TYPES)
def test_event_type(sentence, event_type):
    assert [e.type for e in events_of(sentence)] == [event_type]


@pytest.mark.parametrize("sentence,status", [
    ("公司将于明年3月发布新款手机。", "planned"),
    ("分析师预计明年3月市场将回暖。", "predicted"),
    ("据路透社报道，该公司今年4月裁员约千人。", "reported"),
    ("该公司否认今年4月曾与对手接触。", "negated"),
    ("今年4月，公司发布了新款手机。", "occurred"),
    ("据知情人士透露，他今年4月辞去了职务。", "occurred"),
    ("今年7月，他在社交媒体上宣布，今后将不再使用这一职位名称。", "occurred"),
])
def test_status_cues(sentence, status):
    events = events_of(sentence)
    assert len(events) == 1
    assert events[0].status == status


def test_a_sentence_without_a_date_gives_no_event():
    assert events_of("公司发布了新款手机。分析师认为市场将回暖。") == []


def test_title_drops_the_date_and_the_attribution():
    event = events_of("据知情人士称，今年4月份，Llama 4模型发布延期。")[0]
    assert event.title == "Llama 4模型发布延期"


def test_known_entities_match_every_spelling():
    for name in ("杨立昆", "楊立昆", "LeCun", "Yann LeCun"):
        event = events_of(f"{name}今年4月离开了公司。")[0]
        assert [a.id for a in event.actors] == ["lecun"]
    event = events_of("祖克柏今年4月宣布重组。")[0]
    assert event.actors[0].id == "zuckerberg"


def test_unknown_names_are_found_by_their_shape():
    text = ("晶辰半导体今年3月宣布收购微拓科技。晶辰表示交易将于明年完成。"
            "首席执行官陈立言今年5月表示满意。Alexandr Wang今年6月加入。")
    events = events_of(text)
    names = {a.name for e in events for a in e.actors}
    assert {"晶辰半导体", "微拓科技", "陈立言", "Alexandr Wang"} <= names
    second = next(e for e in events if "交易" in e.title)
    assert "晶辰半导体" in {a.name for a in second.actors}  # 晶辰 alone, recognised from earlier


def test_user_entities_file_adds_aliases(tmp_path):
    entities = tmp_path / "entities.toml"
    entities.write_text('[[entity]]\nid = "acme"\nname = "愛克米"\nkind = "org"\naliases = ["艾克米", "ACME"]\n',
                        encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("艾克米今年4月发布了新产品。", encoding="utf-8")
    data = json.loads(run_cli("list", str(article), "--ref-date", "2025-11-20", "--format", "json",
                              "--entities", str(entities)).stdout)
    assert data["events"][0]["actors"] == [{"id": "acme", "name": "艾克米"}]  # as the article writes it
    filtered = json.loads(run_cli("list", str(article), "-r", "2025-11-20", "-f", "json",
                                  "--entities", str(entities), "--actor", "ACME").stdout)
    assert len(filtered["events"]) == 1


def test_xdg_config_entities_are_read(tmp_path):
    config = tmp_path / "timeline-cli"
    config.mkdir()
    (config / "entities.toml").write_text('[[entity]]\nid = "acme"\nname = "ACME"\naliases = ["艾克米"]\n',
                                          encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("艾克米今年4月发布了新产品。", encoding="utf-8")
    data = json.loads(run_cli("list", str(article), "-r", "2025-11-20", "-f", "json",
                              env={"XDG_CONFIG_HOME": str(tmp_path)}).stdout)
    assert data["events"][0]["actors"][0]["id"] == "acme"


def test_a_broken_entities_file_is_a_clear_error(tmp_path):
    entities = tmp_path / "bad.toml"
    entities.write_text("[[entity]\nname = ", encoding="utf-8")
    result = run_cli("list", "--entities", str(entities))
    assert result.returncode == 2
    assert "not valid TOML" in result.stderr.decode() and "Traceback" not in result.stderr.decode()


def test_seed_without_sidecar_infers_2025_and_says_so(tmp_path):
    copy = tmp_path / "seed.txt"
    shutil.copy(SEED, copy)
    result = run_cli("list", str(copy), "--format", "json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    validate(data, "events")
    doc = data["documents"][0]
    assert (doc["ref_date"], doc["ref_date_source"]) == ("2025", "inferred")
    assert "2013年" in doc["ref_date_evidence"] and "12年" in doc["ref_date_evidence"]
    err = result.stderr.decode().strip().splitlines()
    assert len(err) == 1 and "inferred 2025" in err[0]
    values = {(e["date"]["value"], e["date"]["mod"]) for e in data["events"]}
    assert {("2025-04", None), ("2025-06", None), ("2025", "END"), ("2013", None)} <= values


def test_no_evidence_for_a_year_leaves_relative_dates_unresolved(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("4月份，公司发布了新产品。年底，公司将上市。", encoding="utf-8")
    result = run_cli("mentions", str(article), "--format", "json")
    data = json.loads(result.stdout)
    assert data["documents"][0]["ref_date"] is None
    assert [m["value"] for m in data["documents"][0]["mentions"]] == ["XXXX-04", "XXXX"]
    assert "no reference date" in result.stderr.decode()
    listed = json.loads(run_cli("list", str(article), "--format", "json").stdout)
    assert [e["date"]["value"] for e in listed["events"]] == ["XXXX-04", "XXXX"]


def test_the_two_versions_of_one_story_merge():
    hans, hant = ARTICLES / "chip_acquisition_hans.txt", ARTICLES / "chip_acquisition_hant.txt"
    data = json.loads(run_cli("list", str(hans), str(hant), "--format", "json").stdout)
    validate(data, "events")
    both = [e for e in data["events"] if e["sources"] == 2]
    assert len(both) >= 9
    for event in both:
        assert {ev["path"].rsplit("/", 1)[-1] for ev in event["evidence"]} == {hans.name, hant.name}


def test_different_events_on_the_same_date_stay_apart():
    text = "今年4月，甲公司发布了新手机。今年4月，乙公司宣布裁员500人。"
    events = events_of(text)
    assert len(events) == 2


def test_derived_tenure_spans_on_the_seed():
    from timeline_cli.documents import read_raw

    analysis = analyse(read_raw(SEED))
    spans = {e.date.value: e for e in analysis.events if e.type == "tenure"}
    assert set(spans) == {"2013/2025", "2013/2018", "2018/2025"}
    for event in spans.values():
        assert event.date.certainty == "inferred"
        assert len(event.evidence) == 2


def test_restated_departure_is_one_event_with_several_sentences():
    from timeline_cli.documents import read_raw

    events = merge_timelines([analyse(read_raw(SEED))])
    leaves = [e for e in events if e.type == "leave"]
    assert len(leaves) == 1 and len(leaves[0].evidence) >= 2


def test_story_after_resolves_after_the_previous_date():
    from timeline_cli.documents import read_raw

    events = analyse(read_raw(SEED)).events
    after = next(e for e in events if e.date.mod == "APPROX" and "GenAI" in e.title)
    assert after.date.start_date.isoformat() > "2025-01-01"
    assert after.date.certainty == "approximate"


def test_a_date_that_describes_a_noun_neither_dates_the_event_nor_leaves_the_title():
    (event,) = events_of("上周三，国家统计局发布了1至2月份的经济数据。", ref="2025-03-05")
    assert event.date.value == "2025-02-26" and event.title == "国家统计局发布了1至2月份的经济数据"


def test_a_weekday_after_a_role_is_not_a_person():
    (event,) = events_of("部長週五將出席記者會。", ref="2025-01-08")
    assert [a.name for a in event.actors] == []
    (named,) = events_of("部長周杰今年4月出席記者會。")
    assert [a.name for a in named.actors] == ["周杰"]


# --- issue 11, part 2: the date that governs the predicate (one row per bug named) ---------------

GOVERNING = [
    ("2025-05-20", "今年端午連假自5月30日至6月1日共3天，交通部預估國道車流量將增加。", "2025-05-30/2025-06-01"),
    ("2025-05-20", "受疫情影響，賽事延後至2027年3月5日至20日舉行。", "2027-03-05/2027-03-20"),
    ("2025-01-10", "春節假期1月24日(年廿五)至30日，全台停班停課。", "2025-01-24/2025-01-30"),
    ("2025-10-20", "颱風12日晚間登陸花蓮。深夜，風雨明顯增強，多處停電。", "2025-10-12TNI"),
    ("2025-10-20", "2022年5月，該公司曾遭到制裁。\n\n該公司15日申請破產保護。", "2025-10-15"),
    ("2025-10-20", "該展覽原訂於2022年舉行，後延至2023年。", "2023"),
]


@pytest.mark.parametrize("ref,text,value", GOVERNING)
def test_the_most_specific_date_of_the_same_thread_governs(ref, text, value):
    events = events_of(text, ref=ref)
    assert events[-1].date.value == value, [(e.date.value, e.title) for e in events]


@pytest.mark.parametrize("text", ["往年登革熱病例通常在8、9月達到高峰。", "每年12月，該市都會舉辦燈會。"])
def test_a_pattern_is_not_a_dated_event(text):
    assert events_of(text, ref="2025-10-20") == []


# --- issue 11, part 4: status that matches the sentence ----------------------------------------

STATUSES = [
    ("若明年3月前未能達成協議，工會將發動罷工。", "predicted"),
    ("如果法案今年12月通過，新制將於明年1月上路。", "predicted"),
    ("該展覽原訂於2022年舉行，後延至2023年。", "occurred"),
    ("演唱會原定本月25日舉行，因颱風宣布延期。", "postponed"),
    ("原定今年11月舉行的選舉已被取消。", "cancelled"),
    ("央行今年9月公布，預計明年經濟增長5%。", "occurred"),
]


@pytest.mark.parametrize("text,status", STATUSES)
def test_status_follows_the_sentence(text, status):
    events = events_of(text, ref="2025-10-20")
    assert events[0].status == status, [(e.date.value, e.status, e.title) for e in events]
    assert all(e.date.value != "2022" for e in events)  # the old plan did not happen then


def test_the_stages_of_one_launch_told_in_advance_share_one_status():
    events = events_of("探測器預計明年3月發射，4月進入月球軌道，6月著陸。", ref="2025-10-20")
    assert [e.date.value for e in events] == ["2026-03", "2026-04", "2026-06"]
    assert {e.status for e in events} == {"predicted"}


# --- issue 11, parts 3, 5 and 6: titles, actors, reference dates (one row per bug named) ------

TITLES = [
    ("Google今年12月发布了新一代大模型Gemini，并称其在多项基准测试中超过了所有竞争对手的最新产品和服务。", "Gemini"),
    ("今年5月的決賽中，主隊在下半場把比分拉開至3：1，最終奪冠。", "3：1"),
    ("今年4月，也许是受关税影响，出口大幅下滑。", "也许是"),
    ("今年3月，（、）公司宣布裁员。", "公司宣布裁员"),
    ("行政院今年3月5日通過新法案，預計明年1月上路。", "行政院通過新法案，預計上路"),
]


@pytest.mark.parametrize("text,whole", TITLES)
def test_titles_are_never_cut_inside_a_word_or_left_a_fragment(text, whole):
    titles = [e.title for e in events_of(text)]
    assert any(whole in t for t in titles), titles
    assert not any(t.endswith(("Gemin…", "至3")) or t.startswith(("许是", "（", "、")) for t in titles)


def test_page_furniture_is_neither_an_event_nor_a_title():
    text = ("首页 › 新闻 › 国际\n〔記者王小明／台北報導〕行政院今年3月5日通過新法案。\n"
            "新浪科技讯 3月7日消息，小米公司发布新手机。\n圖／記者李大同攝\n分享到微信\n")
    events = events_of(text, ref="2025-03-10")
    assert [e.title for e in events] == ["行政院通過新法案", "小米公司发布新手机"]
    assert not any("王小明" in a.name or "李大同" in a.name for e in events for a in e.actors)
    for e in events:  # offsets into the original text
        assert all(text[ev.start:ev.end] == ev.sentence for ev in e.evidence)


def test_the_setting_is_kept_as_the_place():
    (event,) = events_of("今年1月，在達沃斯世界經濟論壇上，LeCun表示大模型的保質期只有3到5年。")
    assert event.place == "達沃斯世界經濟論壇" and event.title.startswith("LeCun")


@pytest.mark.parametrize("text,name", [("日本自民党今年9月舉行總裁選舉。", "日本自民党"), ("環保署今年3月公布空氣品質報告。", "環保署"),
                                       ("海关总署今年5月公布外贸数据。", "海关总署"), ("香港中文大學今年4月宣布新校長人選。", "香港中文大學")])
def test_unknown_organisations_are_found_whole(text, name):
    assert [a.name for a in events_of(text)[0].actors] == [name]


def test_an_actor_is_shown_as_the_article_writes_it(tmp_path):
    (event,) = events_of("Google今年12月发布了新一代大模型。")
    assert [(a.id, a.name) for a in event.actors] == [("google", "Google")]
    result = run_cli("list", "--actor", "不存在的人", "-f", "plain")
    assert result.returncode == 0 and result.stdout == b""
    assert "matches no actor" in result.stderr.decode()


@pytest.mark.parametrize("text,ref", [
    ("莫拉克颱風回顧\n2009年8月8日，莫拉克颱風重創南台灣。今年8月，楊柳颱風來襲。", None),
    ("哈雷彗星\n哈雷彗星上次於1986年回歸，下次回歸預計在2061年。今年天文台舉辦講座。", None),
    ("2025年台灣燈會開幕\n燈會今年2月舉行。2019年曾在屏東舉辦。", "2025"),
])
def test_the_reference_date_is_not_taken_from_the_body_or_the_future(tmp_path, text, ref):
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    result = run_cli("list", str(article), "-f", "json")
    assert json.loads(result.stdout)["documents"][0]["ref_date"] == ref
    assert len(result.stderr.decode().strip().splitlines()) == 1  # one line says what was (not) inferred
