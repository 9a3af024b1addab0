"""Merging (issue 11, part 1): only the same happening merges; ids are stable, path-free and
wide; a document's events do not depend on how its text is cut; the merge is by group."""

import json
import os
import random
from datetime import date

import pytest

from conftest import ROOT, run_cli, validate
from timeline_cli.documents import RawDocument, chunked
from timeline_cli.events.merge import CrossMerger, merge_across, merge_group, merge_key
from timeline_cli.pipeline import (
    Settings,
    Stitcher,
    analyse,
    analyse_input,
    joined,
    merge_timelines,
)

ARTICLES = ROOT / "tests" / "articles"
REF = date(2025, 11, 20)


def events_of(text: str, path: str = "a.txt", ref: date = REF):
    return list(analyse(RawDocument(path, text, "utf-8"), ref).events)


# Pairs of sentences from two unrelated articles that share a date (and sometimes a type):
# one row per wrong fusion named in the issue.
UNRELATED = [
    ("晶辰科技今年10月上调全年营收预期，预计全年增长15%。", "气象局今年10月发布台风警报，预计风力将达12级。"),
    ("菲律宾今年5月举行总统大选，选民投票踊跃。", "英国保守党今年5月举行党魁选举，五名候选人角逐。"),
    ("卫生署预计今年7月登革热进入流行季节。", "今年7月，一股强冷空气南下，多地气温骤降。"),
    ("今年4月，甲公司发布了新款手机。", "今年4月，乙银行发布了季度财报。"),
]


@pytest.mark.parametrize("a,b", UNRELATED)
def test_unrelated_articles_never_share_an_event(a, b):
    timeline = merge_timelines([analyse(RawDocument("a.txt", a, "utf-8"), REF),
                                analyse(RawDocument("b.txt", b, "utf-8"), REF)])
    assert all(e.sources == 1 for e in timeline), [(e.title, e.sources) for e in timeline]


def test_the_same_story_in_both_scripts_merges_every_event():
    hant = "晶辰半導體今年10月20日宣布完成對微拓科技的收購。微拓創辦人陳立言將在今年年底卸任執行長。"
    hans = "晶辰半导体今年10月20日宣布完成对微拓科技的收购。微拓创办人陈立言将在今年年底卸任执行长。"
    a = analyse(RawDocument("hant.txt", hant, "utf-8"), REF)
    b = analyse(RawDocument("hans.txt", hans, "utf-8"), REF)
    timeline = merge_timelines([a, b])
    assert len(timeline) == len(a.events) == 2
    assert all(e.sources == 2 for e in timeline)


def test_a_merge_never_mixes_statuses_or_incompatible_dates():
    a = analyse(RawDocument("a.txt", "晶辰今年3月宣布收购微拓。", "utf-8"), REF)
    b = analyse(RawDocument("b.txt", "晶辰计划明年3月收购微拓。", "utf-8"), REF)
    c = analyse(RawDocument("c.txt", "晶辰今年4月宣布收购微拓。", "utf-8"), REF)
    timeline = merge_timelines([a, b, c])
    assert all(e.sources == 1 for e in timeline)


def test_a_merged_event_keeps_each_sources_date_and_takes_the_finest():
    a = analyse(RawDocument("a.txt", "今年4月，晶辰宣布完成对微拓科技的收购。", "utf-8"), REF)
    b = analyse(RawDocument("b.txt", "4月7日，晶辰宣布完成对微拓科技的收购。", "utf-8"), REF)
    (event,) = merge_timelines([a, b])
    assert event.date.value == "2025-04-07"
    assert [ev.date.value for ev in event.evidence] == ["2025-04", "2025-04-07"]


def test_merge_none_keeps_each_articles_events_apart():
    a = analyse(RawDocument("a.txt", "今年4月，晶辰宣布完成对微拓科技的收购。", "utf-8"), REF)
    b = analyse(RawDocument("b.txt", "今年4月，晶辰宣布完成对微拓科技的收购！", "utf-8"), REF)
    assert len(merge_timelines([a, b])) == 1
    assert len(merge_timelines([a, b], "none")) == 2
    assert len(merge_across(list(a.events) + list(b.events), "none")) == 2
    with pytest.raises(ValueError):
        CrossMerger(mode="sometimes")


# --- ids -----------------------------------------------------------------------------------------

def test_ids_do_not_depend_on_the_path_spelling_or_on_other_files(tmp_path):
    folder = tmp_path / "ai"
    folder.mkdir()
    (folder / "x.txt").write_text("今年4月，晶辰宣布完成对微拓科技的收购。今年5月，晶辰计划裁员。", encoding="utf-8")
    (folder / "y.txt").write_text("今年6月，气象局发布台风警报。", encoding="utf-8")

    def ids(*args):
        out = run_cli("list", *args, "-r", "2025-11-20", "-f", "json", cwd=tmp_path)
        assert out.returncode == 0, out.stderr.decode()
        data = json.loads(out.stdout)
        validate(data, "events")
        return {e["title"]: e["id"] for e in data["events"]}

    alone = ids("ai/x.txt")
    assert alone == ids("./ai/x.txt") == ids(str(folder / "x.txt"))
    with_other = ids("ai/x.txt", "ai/y.txt")
    assert all(with_other[title] == event_id for title, event_id in alone.items())
    assert all(len(event_id) == 2 + 16 for event_id in with_other.values())


def test_ids_do_not_collide_at_archive_scale():
    from timeline_cli.events.identity import document_key, single_id

    ids = {single_id(document_key(f"文章{n}"), "clause", s, s + 20, s + 2, s + 6)
           for n in range(400) for s in range(0, 5000, 50)}
    assert len(ids) == 400 * 100


# --- a document in parts ------------------------------------------------------------------------

@pytest.mark.parametrize("article", sorted(p.name for p in ARTICLES.glob("*.txt")))
def test_events_do_not_depend_on_how_the_text_is_cut(article):
    path = ARTICLES / article
    whole = analyse_input(path, Settings()).analysis
    for size in (300, 700):
        cut = analyse_input(path, Settings(chunk_chars=size, context_chars=2000)).analysis
        assert [(e.id, e.title, e.date.value, len(e.evidence)) for e in cut.events] == \
               [(e.id, e.title, e.date.value, len(e.evidence)) for e in whole.events]


def test_an_event_told_in_two_parts_is_one_event():
    head = "今年4月，晶辰宣布完成对微拓科技的收购。\n\n"
    filler = "这是一段没有日期的背景文字。\n\n" * 40
    text = head + filler + "今年4月，晶辰宣布完成对微拓科技的收购！\n"
    stitcher = Stitcher("a.txt", Settings(ref_option=REF, chunk_chars=200, context_chars=0))
    parts = [stitcher.add(part) for part in chunked([text], 200)]
    assert len(parts) > 2
    analysis = joined(parts, stitcher.finish())
    (event,) = [e for e in analysis.events if "收购" in e.title]
    assert len(event.evidence) == 2
    for ev in event.evidence:
        assert text[ev.start:ev.end] == ev.sentence


# --- the engine ---------------------------------------------------------------------------------

def test_merge_group_depends_only_on_the_document_order():
    texts = ["今年4月，晶辰宣布完成对微拓科技的收购。晶辰今年4月7日宣布完成对微拓科技的收购。",
             "今年4月7日，晶辰宣布完成對微拓科技的收購。",
             "今年4月，气象局发布台风警报。"]
    events = [e for i, t in enumerate(texts) for e in events_of(t, f"{i}.txt")]
    group = [e for e in events if merge_key(e) == "2025"]
    expected = [(e.id, len(e.evidence)) for e in merge_group(group)]
    rng = random.Random(3)
    for _ in range(5):
        shuffled = group[:]
        rng.shuffle(shuffled)
        # documents keep their order; their events come in any order
        order = {f"{i}.txt": i for i in range(3)}
        shuffled.sort(key=lambda e: order[e.evidence[0].path])
        assert sorted((e.id, len(e.evidence)) for e in merge_group(shuffled)) == sorted(expected)


def test_merge_key_is_the_year_or_the_value():
    (event,) = events_of("今年4月7日，晶辰宣布完成对微拓科技的收购。")
    assert merge_key(event) == "2025"
    (unplaced,) = [e for e in analyse(RawDocument("a.txt", "4月，公司发布新产品。", "utf-8")).events]
    assert merge_key(unplaced) == "=XXXX-04"


def test_merging_via_the_command_line_of_a_folder(tmp_path):
    (tmp_path / "a.txt").write_text(UNRELATED[0][0], encoding="utf-8")
    (tmp_path / "b.txt").write_text(UNRELATED[0][1], encoding="utf-8")
    data = json.loads(run_cli("list", str(tmp_path), "-r", "2025-11-20", "-f", "json").stdout)
    assert all(e["sources"] == 1 for e in data["events"])
    assert all(len({ev["doc"] for ev in e["evidence"]}) == 1 for e in data["events"])
    assert os.path.basename(data["events"][0]["evidence"][0]["path"]) in ("a.txt", "b.txt")
