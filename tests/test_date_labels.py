"""Date labels as the reader sees them: one row per TimeML value (value, mod, label)."""

import pytest

from conftest import run_cli
from timeline_cli.render.dates import human_date, label_in_hant

ROWS = """
2013		2013年
2025-04		2025年4月
2025-11-20		2025年11月20日
2025	START	2025年初
2025	END	2025年底
2025	MID	2025年中
2025-04	START	2025年4月上旬
2025-04	END	2025年4月下旬
XXXX-04		某年4月
2025-Q1		2025年第一季度
2025-H2		2025年下半年
2025-W07		2025年第7周
2025-W07-WE		2025年第7周末
2025-SP		2025年春季
2025-SU		2025年夏季
2025-FA		2025年秋季
2025-WI		2025年冬季
199		1990年代
199	START	1990年代初
20		21世纪
2013/2018		2013–2018年
2025	APPROX	约2025年
2025-04	AFTER	2025年4月之后
PRESENT_REF		现在
"""


@pytest.mark.parametrize("value, mod, label", [line.split("\t") for line in ROWS.strip().splitlines()])
def test_label(value, mod, label):
    assert human_date(value, mod or None) == label


def test_traditional_labels():
    assert label_in_hant("2025年4月之后") == "2025年4月之後"
    assert label_in_hant("2025年第7周") == "2025年第7週"


def test_a_winter_event_is_shown_not_a_crash():
    # Regression: 2025-WI was read as an ISO week ("W" + "I") and every view failed.
    done = run_cli("list", "-", "--ref-date", "2025-11-20", "--format", "plain",
                   input="今年冬天，公司將推出新產品。".encode())
    assert done.returncode == 0, done.stderr.decode()
    assert "今年冬天\t2025-WI" in done.stdout.decode()  # the date as written, then its value
    table = run_cli("list", "-", "--ref-date", "2025-11-20", "--format", "table", input="今年冬天，公司將推出新產品。".encode())
    assert table.returncode == 0 and "2025年冬季" in table.stdout.decode()
