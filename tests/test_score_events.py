"""benchmarks/score_events.py: the mechanical title rubric, and the real-news tuning set is valid."""

import importlib.util
import subprocess
import sys

import pytest

from conftest import ROOT

SPEC = importlib.util.spec_from_file_location("score_events", ROOT / "benchmarks" / "score_events.py")
score_events = importlib.util.module_from_spec(SPEC)
sys.modules.setdefault("score_events", score_events)  # its dataclasses look their module up
SPEC.loader.exec_module(score_events)


@pytest.fixture(scope="module")
def fold():
    return score_events.Folder()


def pred(title: str, sentence: str = "") -> dict:
    return {"title": title, "evidence": [{"sentence": sentence or title}]}


# (title, the sentence it came from, the rule it breaks): one row per rule of docs/events.md.
BROKEN = [
    ("消息", "", "shorter than 3"),
    ("", "", "shorter than 3"),
    ("谷歌发布Gemin", "谷歌发布Gemini模型", "ends inside"),
    ("ni模型发布", "谷歌发布Gemini模型发布", "starts inside"),
    ("比分被拉開至3", "比分被拉開至3：1", "ends inside"),
    ("和北京達成協議", "", "conjunction or preposition"),
    ("被上海法院判4年有期徒刑", "", "conjunction or preposition"),
    ("通常被认定在", "", "wants its object"),
    ("公司發布新機（、）", "", "punctuation"),
    ("公司發布「新機", "", "punctuation"),
    ("中信兄弟 台北大巨蛋", "", "no predicate"),
]


@pytest.mark.parametrize("title,sentence,rule", BROKEN)
def test_a_title_that_breaks_the_rubric_is_named(fold, title, sentence, rule):
    problems = score_events.title_problems(pred(title, sentence), fold)
    assert any(rule in p for p in problems), problems


@pytest.mark.parametrize("title", [
    "晶辰半导体宣布完成对微拓科技的收购",
    "被收购的微拓科技成立，以电源管理芯片见长",
    "对于有关王立恒将离队的传闻，俱乐部予以否认",
    "北京鋒銳律師事務所主任周世鋒…勾洪國4人遭檢方以「顛覆國家政權罪」起訴",
    "Llama 4模型發布延期,口碑崩盤",
])
def test_a_sensible_title_keeps_the_rubric(fold, title):
    assert score_events.title_problems(pred(title), fold) == []


def test_a_match_that_fails_only_the_rubric_is_counted_and_missed(fold, tmp_path):
    text = "今年4月，公司發布了新款手機。"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.expected.toml").write_text(
        '[[event]]\ndate = "2025-04"\nstatus = "occurred"\ntype = "release"\nterms = ["手機"]\n'
        f'sentence = "{text}"\n', encoding="utf-8")
    article = score_events.load_article(tmp_path / "a.txt")
    good = {"title": "公司發布了新款手機", "date": {"value": "2025-04"}, "evidence": [{"sentence": text}]}
    cut = dict(good, title="公司發布了新款手機的")
    assert score_events.score_article(article, [good], fold).matched == 1
    score = score_events.score_article(article, [cut], fold)
    assert (score.matched, score.rubric_failed) == (0, 1)


def test_the_real_news_tuning_set_is_valid():
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "score_events.py"), "--check",
                           str(ROOT / "tests" / "articles" / "real")], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.count(": ok") >= 24
