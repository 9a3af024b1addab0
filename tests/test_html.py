"""HTML pages: dates in scripts, styles and comments are not the story's; tags and entities
are blanked so that every offset still points into the file."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import run_cli
from timeline_cli.documents import blank_markup

PAGE = """<html><head><title>測試</title><script>var d = "2019年1月1日";</script>
<style>.x{}</style></head><body>
<!-- 註解 2018年5月 -->
<p>台積電今年4月宣布，<b>將於</b>明年第一季&nbsp;在高雄試產。</p>
<div>2023年3月&amp;4月，工廠擴建。</div>
</body></html>
"""


def test_a_page_gives_the_dates_of_its_text_only(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(PAGE, encoding="utf-8")
    done = run_cli("mentions", str(page), "-r", "2025-11-20", "-f", "jsonl")
    assert done.returncode == 0, done.stderr.decode()
    mentions = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert [m["text"] for m in mentions] == ["今年4月", "明年第一季", "2023年3月", "4月"]
    assert all(PAGE[m["start"]:m["end"]] == m["text"] for m in mentions)
    events = run_cli("list", str(page), "-r", "2025-11-20", "-f", "jsonl").stdout.decode()
    titles = [json.loads(line)["title"] for line in events.splitlines()]
    # the clause without a subject of its own takes the one before it (issue 11: no fragments)
    assert "台積電宣布，將 在高雄試產" in titles and not any("<" in t or "&" in t for t in titles)
    assert any(a["name"] == "台積電" for line in events.splitlines() for a in json.loads(line)["actors"])


def test_text_files_are_not_touched(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("<b>今年4月</b>，公司發布新品。", encoding="utf-8")
    done = run_cli("mentions", str(text), "-r", "2025-11-20", "-f", "jsonl")
    assert json.loads(done.stdout.decode().splitlines()[0])["start"] == 3


@given(st.text(alphabet=st.sampled_from(list("<>/&;#x!-p bscriptyle年月日0123456789\n中文")), max_size=200))
def test_blanking_keeps_every_offset(text):
    blanked = blank_markup(text)
    assert len(blanked) == len(text)
    assert [i for i, c in enumerate(text) if c == "\n"] == [i for i, c in enumerate(blanked) if c == "\n" and text[i] == "\n"]


HEADS = [
    '<meta property="article:published_time" content="2025-03-04T08:00:00+08:00">',
    "<meta content='2025-03-04' name='pubdate'>",
    '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-03-04T10:00:00Z"}</script>',
    '<time class="x" datetime="2025-03-04 09:00">3月4日</time>',
]


@pytest.mark.parametrize("head", HEADS)
def test_a_page_gives_its_publication_date(tmp_path, head):
    page = tmp_path / "p.html"
    page.write_text(f"<html><head>{head}</head><body><p>公司今年3月宣布裁員，昨天正式公布名單。</p></body></html>",
                    encoding="utf-8")
    data = json.loads(run_cli("list", str(page), "-f", "json").stdout)
    assert data["documents"][0]["ref_date"] == "2025-03-04"
    assert data["documents"][0]["ref_date_source"] == "metadata"
    assert "2025-03-03" in {e["date"]["value"] for e in data["events"]}
