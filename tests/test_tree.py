"""timeline tree: where each event sits under its year, and whole lines when not at a terminal."""

import io
import sys
from datetime import date

import pytest
from rich.cells import cell_len

from conftest import run_cli
from timeline_cli.cli.console import render_rich
from timeline_cli.cli.options import Output
from timeline_cli.model import Event, EventDate
from timeline_cli.render.tree import events_tree


def event(label: str, value: str, mod: str | None, granularity: str, start: date, end: date) -> Event:
    return Event(id=f"e-{label}", title=label, type="other", status="occurred",
                 date=EventDate(value, mod, granularity, start, end, "stated"))


JUNE = event("june", "2025-06", None, "month", date(2025, 6, 1), date(2025, 6, 30))
AFTER_JUNE = event("after-june", "2025-06", "AFTER", "month", date(2025, 6, 1), date(2025, 7, 31))
JULY = event("july", "2025-07", None, "month", date(2025, 7, 1), date(2025, 7, 31))
BEFORE_MAY = event("before-may", "2025-05", "BEFORE", "month", date(2025, 3, 1), date(2025, 4, 30))
MARCH = event("march", "2025-03", None, "month", date(2025, 3, 10), date(2025, 3, 10))
APRIL = event("april", "2025-04", None, "month", date(2025, 4, 1), date(2025, 4, 30))
MAY = event("may", "2025-05", None, "month", date(2025, 5, 1), date(2025, 5, 31))
YEAR_END = event("year-end", "2025", "END", "year", date(2025, 11, 1), date(2025, 12, 31))
NOVEMBER = event("november", "2025-11-20", None, "day", date(2025, 11, 20), date(2025, 11, 20))
YEAR_START = event("year-start", "2025", "START", "year", date(2025, 1, 1), date(2025, 3, 31))
JANUARY = event("january", "2025-01", None, "month", date(2025, 1, 1), date(2025, 1, 31))


def sort_by_start(events: list[Event]) -> list[Event]:
    """The order timeline list gives: start_date, then end_date."""
    return sorted(events, key=lambda e: (e.date.start_date, e.date.end_date))


def year_children(events: list[Event], year: str = "2025") -> list[str]:
    """The year node's children in order: month nodes as 6月, events by their title."""
    tree = events_tree(events, title="t")
    node = next(child for child in tree.children if str(child.label) == year)
    names = []
    for child in node.children:
        label = child.label if isinstance(child.label, str) else child.label.plain
        names.append(label if label.endswith("月") else label.split("  ")[1])
    return names


def test_year_end_comes_after_the_months_it_follows():
    order = year_children(sort_by_start([JUNE, YEAR_END, NOVEMBER]))
    assert order == ["6月", "11月", "year-end"]


def test_after_a_month_comes_right_after_that_month():
    order = year_children(sort_by_start([JUNE, AFTER_JUNE, JULY]))
    assert order == ["6月", "after-june", "7月"]


def test_before_a_month_comes_after_the_month_before_it():
    order = year_children(sort_by_start([BEFORE_MAY, MARCH, APRIL, MAY]))
    assert order == ["3月", "4月", "before-may", "5月"]


def test_the_start_of_a_year_comes_before_its_first_month():
    order = year_children(sort_by_start([JANUARY, YEAR_START]))
    assert order == ["year-start", "1月"]


def test_a_reversed_timeline_is_reversed_inside_each_year_too():
    events = sort_by_start([JUNE, AFTER_JUNE, JULY, YEAR_END, NOVEMBER])
    events.reverse()
    assert year_children(events) == ["year-end", "11月", "7月", "after-june", "6月"]


def test_the_seed_tree_puts_the_year_end_after_november_and_after_june_next_to_june():
    lines = run_cli("tree", "--color", "never").stdout.decode().splitlines()
    where = {name: next(i for i, line in enumerate(lines) if name in line)
             for name in ("── 6月", "2025年6月之後", "── 7月", "── 11月", "2025年底")}
    assert where["── 6月"] < where["2025年6月之後"] < where["── 7月"] < where["── 11月"] < where["2025年底"]


# --- whole lines when not at a terminal ---------------------------------------------------------------

LONG_TITLE = "挖來前OpenAI研究員,曾參與ChatGPT、GPT-4等模型創建的趙昇佳擔任MSL的首席科學家" * 3


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def long_tree():
    long = Event(id="e-long", title=LONG_TITLE, type="appoint", status="occurred",
                 date=EventDate("2025-06", "AFTER", "month", date(2025, 6, 1), date(2025, 7, 31), "relative"))
    return events_tree([JUNE, long], title="t")


@pytest.mark.parametrize("output", [None, "tree.txt"])
def test_a_pipe_or_a_file_gets_each_line_whole(monkeypatch, output):
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    text = render_rich(long_tree(), Output(None, output), wrap=False)
    line = next(line for line in text.splitlines() if "e-long" in line)
    assert LONG_TITLE in line
    assert all(line == line.rstrip() for line in text.splitlines())


def test_a_terminal_still_gets_lines_wrapped_to_its_width(monkeypatch):
    monkeypatch.setattr(sys, "stdout", Terminal())
    monkeypatch.setenv("COLUMNS", "80")
    text = render_rich(long_tree(), Output(None, None), wrap=False)
    assert LONG_TITLE not in text
    assert all(cell_len(line) <= 80 for line in text.splitlines())


# --- through the CLI: tree and show into a pipe ---------------------------------------------------------


def test_tree_into_a_pipe_keeps_each_line_whole():
    lines = run_cli("tree", "--color", "never", env={"COLUMNS": "60"}).stdout.decode().splitlines()
    listed = run_cli("list", "-f", "plain").stdout.decode().splitlines()
    after_june = next(row.split("\t")[8] for row in listed if row.split("\t")[3] == "2025-06 AFTER")
    line = next(line for line in lines if "2025年6月之後" in line)
    assert line.rstrip().endswith(after_june) and len(line) > 60


def test_show_into_a_pipe_keeps_each_line_whole():
    from timeline_cli.cli.common import load
    from timeline_cli.cli.options import Manners, Reading

    event = next(e for e in load(Reading(), Manners(quiet=True)).timeline() if e.date.mod == "AFTER")
    lines = run_cli("show", event.id, "--color", "never", env={"COLUMNS": "60"}).stdout.decode().splitlines()
    assert any(event.id in line and event.title in line for line in lines)
    for evidence in event.evidence:
        assert any(evidence.sentence in line for line in lines)
