"""timeline chart: the seed drawn on a time axis, at the widths people use, as text and as SVG."""

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date

import pytest
import typer
from rich.cells import cell_len
from typer.testing import CliRunner

from conftest import ROOT
from timeline_cli.cli import chart_cmd
from timeline_cli.cli.common import UsageError
from timeline_cli.model import Actor, Event, EventDate
from timeline_cli.render.chart import TimeChart, fit_label

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
WIDTHS = (60, 80, 140)
BAR = "━"


def chart_app() -> typer.Typer:
    app = typer.Typer()
    chart_cmd.register(app)
    app.command("unused", hidden=True)(lambda: None)  # two commands, so `chart` stays a subcommand
    return app


def run_chart(*args: str, env: dict | None = None):
    return CliRunner().invoke(chart_app(), ["chart", *args], env={"NO_COLOR": None, **(env or {})})


def seed_chart(width: int, *args: str) -> list[str]:
    result = run_chart("--width", str(width), "--color", "never", *args)
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def as_cells(line: str) -> list[str]:
    """One entry per terminal cell: a wide character, then "" for the cell it also covers."""
    cells = []
    for char in line:
        cells += [char] + [""] * (cell_len(char) - 1)
    return cells


def axis_and_labels(lines: list[str]) -> tuple[str, str]:
    index = next(i for i, line in enumerate(lines) if "┬" in line)
    return lines[index], lines[index + 1]


def tick_column(lines: list[str], label: str) -> int:
    """The cell of the tick above a year label (labels start at their tick)."""
    axis, labels = axis_and_labels(lines)
    match = re.search(rf"(?<!\d){label}(?!\d)", labels)
    assert match, f"no tick label {label} in {labels!r}"
    column = cell_len(labels[: match.start()])
    assert as_cells(axis)[column] == "┬", f"{label} is not under a tick"
    return column


def row_lines(lines: list[str], label: str) -> list[str]:
    """The row's labelled line and the lanes under it (lines whose label column is blank)."""
    start = next(i for i, line in enumerate(lines) if line.startswith(label))
    rows = [lines[start]]
    for line in lines[start + 1:]:
        if not line.startswith(" ") or "┬" in line:
            break
        rows.append(line)
    return rows


def row_labels(lines: list[str]) -> list[str]:
    axis_index = lines.index(axis_and_labels(lines)[0])
    return [line.split("  ")[0].strip() for line in lines[:axis_index] if line and not line.startswith(" ")]


# --- the seed at 60, 80 and 140 columns -------------------------------------------------------------


@pytest.mark.parametrize("width", WIDTHS)
def test_every_line_fits_the_width(width):
    result = run_chart("--width", str(width), "--color", "always")
    assert result.exit_code == 0, result.output
    assert "\x1b[" in result.stdout  # the colour is really there, and stripped below
    for line in result.stdout.splitlines():
        assert cell_len(ANSI.sub("", line)) <= width, line


@pytest.mark.parametrize("width", WIDTHS)
def test_lecun_has_bars_from_2013_to_2025(width):
    lines = seed_chart(width)
    first, last = tick_column(lines, "2013"), tick_column(lines, "2025")
    lanes = [as_cells(line) for line in row_lines(lines, "LeCun")]
    assert len(lanes) >= 2  # overlapping tenures go to lanes of their own
    for column in range(first, last + 1):
        assert any(column < len(lane) and lane[column] == BAR for lane in lanes), f"gap at cell {column}"


@pytest.mark.parametrize("width", WIDTHS)
def test_year_labels_never_overlap(width):
    axis, labels = axis_and_labels(seed_chart(width))
    words = labels.split()
    assert "2013" in words and "2025" in words
    assert len(words) == axis.count("┬")
    assert all(re.fullmatch(r"\d{4}", word) for word in words)
    assert [int(w) for w in words] == sorted(int(w) for w in words)


@pytest.mark.parametrize("width", WIDTHS)
def test_rows_by_actor_in_order_of_first_appearance(width):
    labels = row_labels(seed_chart(width))
    assert labels[0] == "LeCun"
    assert len(labels) == len(set(labels))
    assert labels.index("LeCun") < labels.index("扎克伯格") < labels.index("馬斯克")


def test_by_type_gives_one_row_per_type():
    from timeline_cli.cli.common import load
    from timeline_cli.cli.options import Manners, Reading
    from timeline_cli.pipeline import merge_timelines

    events = merge_timelines(load(Reading(), Manners(quiet=True)).analyses)
    types = {event.type for event in events if event.date.start_date or event.date.end_date}
    labels = row_labels(seed_chart(100, "--by", "type"))
    assert sorted(labels) == sorted(types)
    assert labels[0] == "join"  # 2013, the story's first event


def test_legend_names_the_statuses_and_the_scale():
    text = "\n".join(seed_chart(80))
    assert "● occurred" in text and "○ planned" in text and "━ span" in text
    assert "1 cell ≈" in text
    assert "1 cell ≈" not in "\n".join(seed_chart(80, "--no-legend"))


def test_a_long_label_is_cut_with_an_ellipsis_at_60():
    lines = seed_chart(60)
    assert any(line.startswith("Alexandr W") and "…" in line.split(" ")[1] for line in lines)


# --- formats, colour, output, empty results --------------------------------------------------------


def test_svg_is_a_well_formed_document(tmp_path):
    result = run_chart("--format", "svg", "--width", "80")
    assert result.exit_code == 0
    root = ET.fromstring(result.stdout)
    assert root.tag.endswith("svg")
    assert "LeCun" in result.stdout

    target = tmp_path / "chart.svg"
    result = run_chart("--format", "svg", "--output", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert ET.parse(target).getroot().tag.endswith("svg")


def test_text_to_a_file_has_no_colour_unless_asked(tmp_path):
    target = tmp_path / "chart.txt"
    assert run_chart("--width", "80", "--output", str(target)).exit_code == 0
    text = target.read_text("utf-8")
    assert "LeCun" in text and "\x1b[" not in text


@pytest.mark.parametrize("args, env", [(("--color", "never"), {}), ((), {"NO_COLOR": "1"}),
                                       (("--color", "auto"), {"NO_COLOR": "1"})])
def test_no_color_and_color_never_give_no_escape_codes(args, env):
    result = run_chart("--width", "80", *args, env=env)
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_no_color_is_honoured_at_a_real_terminal():
    with_color = run_in_terminal("--width", "80")
    assert "\x1b[" in with_color  # a terminal gets colour by default ...
    assert "\x1b[" not in run_in_terminal("--width", "80", env={"NO_COLOR": "1"})  # ... NO_COLOR takes it away
    assert "\x1b[" not in run_in_terminal("--width", "80", "--color", "never")


def test_an_empty_result_says_so_in_one_line():
    result = run_chart("--grep", "這句話不在文章裡", "--width", "80")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("No events to draw")


def test_too_narrow_a_width_is_a_usage_error():
    result = run_chart("--width", "10")
    assert isinstance(result.exception, UsageError)
    assert "--width" in str(result.exception)


def test_a_real_process_draws_the_seed():
    done = run_process("--width", "80", "--color", "never")
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode()
    assert "LeCun" in out and BAR in out and "2013" in out
    assert all(cell_len(line) <= 80 for line in out.splitlines())


# --- the renderer on events made up for the purpose -------------------------------------------------


def event(value: str, start: date | None, end: date | None, actor: str = "甲", status: str = "occurred") -> Event:
    return Event(id=value, title=value, type="other", status=status,
                 date=EventDate(value, None, "day", start, end, "stated"), actors=(Actor(actor, actor),))


def chart_text(events: list[Event], width: int = 60) -> list[str]:
    return [line.plain for line in TimeChart(events).lines(width)]


def test_fit_label_never_cuts_a_wide_character():
    for width in range(2, 12):
        label = fit_label("扎克伯格親自介入", width)
        assert cell_len(label) == width
        assert label.rstrip().endswith("…")
    assert fit_label("LeCun", 8) == "LeCun   "


def test_events_in_one_cell_are_counted_not_hidden():
    day = date(2025, 4, 1)
    lines = chart_text([event("2025-04", day, day)] * 3 + [event("2020", date(2020, 1, 1), date(2020, 12, 31))])
    assert "③" in lines[0]


def test_events_without_a_year_are_left_out_and_counted():
    lines = chart_text([event("2025-04", date(2025, 4, 1), date(2025, 4, 30)), event("XXXX-04", None, None),
                        event("XXXX-05", None, None)])
    assert "2 events without a known year are not drawn." in lines
    only_undated = chart_text([event("XXXX-04", None, None)])
    assert len(only_undated) == 1 and only_undated[0].startswith("No events to draw")


def test_a_short_story_gets_month_ticks_that_name_the_year():
    lines = chart_text([event("2025-03", date(2025, 3, 1), date(2025, 3, 31)),
                        event("2025-11", date(2025, 11, 1), date(2025, 11, 30), status="planned")])
    _, labels = axis_and_labels(lines)
    assert re.search(r"2025年\d+月", labels)
    assert re.search(r"(?<![年\d])\d+月", labels)  # later months without the year again


# --- helpers that run a real process ---------------------------------------------------------------

HARNESS = ("import typer; from timeline_cli.cli import chart_cmd; app = typer.Typer(); "
           "chart_cmd.register(app); app.command('unused', hidden=True)(lambda: None); app(prog_name='timeline')")


def process_env(env: dict | None = None) -> dict:
    full = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "100"}
    full.pop("NO_COLOR", None)
    full.update(env or {})
    return full


def run_process(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", HARNESS, "chart", *args], capture_output=True,
                          env=process_env(env), cwd=ROOT, timeout=60)


def run_in_terminal(*args: str, env: dict | None = None) -> str:
    """Run the chart with stdout on a pseudo-terminal, as at a user's prompt."""
    import pty

    main, child = pty.openpty()
    process = subprocess.Popen([sys.executable, "-c", HARNESS, "chart", *args], stdout=child,
                               stderr=subprocess.DEVNULL, env=process_env({"TERM": "xterm", **(env or {})}),
                               cwd=ROOT)
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # EIO: the child closed its end
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    assert process.wait(timeout=60) == 0
    return b"".join(chunks).decode("utf-8", "replace")


def test_the_command_and_the_renderer_agree_on_their_choices():
    from timeline_cli.render import chart

    assert chart_cmd.BYS == chart.BYS and chart_cmd.MIN_WIDTH == chart.MIN_WIDTH
