"""timeline chart: the seed drawn on a time axis, at the widths people use, as text and as SVG."""

import os
import re
import shutil
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


def year_ticks(lines: list[str]) -> list[tuple[int, int]]:
    """(year, cell of its tick) for every labelled tick; labels start at their tick, the last may end there."""
    axis, labels = axis_and_labels(lines)
    ticks = [cell for cell, glyph in enumerate(as_cells(axis)) if glyph == "┬"]
    years = [(int(m[0]), cell_len(labels[: m.start()])) for m in re.finditer(r"\d{4}", labels)]
    assert len(years) == len(ticks), (axis, labels)
    return [(year, tick) for (year, _), tick in zip(years, ticks, strict=True)]


def year_column(lines: list[str], year: float) -> float:
    """The cell where a (fractional) year falls, from the first and last ticks."""
    (y0, c0), (y1, c1) = year_ticks(lines)[0], year_ticks(lines)[-1]
    return c0 + (year - y0) * (c1 - c0) / (y1 - y0)


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
    first, last = round(year_column(lines, 2013)) + 1, round(year_column(lines, 2026)) - 1
    lanes = [as_cells(line) for line in row_lines(lines, "LeCun")]
    assert len(lanes) >= 2  # overlapping tenures go to lanes of their own
    for column in range(first, last + 1):
        assert any(column < len(lane) and lane[column] in (BAR, "●", "②") for lane in lanes), f"gap at {column}"


@pytest.mark.parametrize("width", WIDTHS)
def test_year_ticks_are_regular_and_their_labels_never_overlap(width):
    lines = seed_chart(width)
    axis, labels = axis_and_labels(lines)
    words = labels.split()
    assert len(words) == axis.count("┬") >= 3
    assert all(re.fullmatch(r"\d{4}", word) for word in words)
    years = [int(word) for word in words]
    steps = {b - a for a, b in zip(years, years[1:], strict=False)}
    assert len(steps) == 1 and steps.pop() in (1, 2, 5, 10)  # every year, or every 2, 5 or 10
    step = years[1] - years[0]
    assert all(year % step == 0 for year in years)
    cells = [cell for _, cell in year_ticks(lines)]
    gaps = [b - a for a, b in zip(cells, cells[1:], strict=False)]
    assert max(gaps) - min(gaps) <= 1  # evenly spaced, to the nearest cell
    assert years[0] <= 2015 and years[-1] >= 2025  # the story's years are on the axis


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


SVG = "{http://www.w3.org/2000/svg}"


def seed_svg(*args: str) -> str:
    result = run_chart("--format", "svg", *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def seed_dates() -> dict[str, tuple[date, date]]:
    """Each seed event's inclusive interval, by id, from the events themselves (not from the SVG)."""
    from timeline_cli.cli.common import load
    from timeline_cli.cli.options import Manners, Reading

    return {e.id: (e.date.start_date or e.date.end_date, e.date.end_date or e.date.start_date)
            for e in load(Reading(), Manners(quiet=True)).timeline() if e.date.start_date or e.date.end_date}


def svg_axis(root) -> tuple[date, float, float]:
    """(first tick's day, its x, pixels per day), from the tick lines and their labels."""
    ticks = []
    for tick in root.iter(f"{SVG}g"):
        if tick.get("class") != "tick":
            continue
        day = date.fromisoformat(tick.get("data-date"))
        assert tick.find(f"{SVG}text").text == str(day.year)  # the label names the tick's year
        ticks.append((day, float(tick.find(f"{SVG}line").get("x1"))))
    (d0, x0), (d1, x1) = ticks[0], ticks[-1]
    return d0, x0, (x1 - x0) / (d1 - d0).days


def test_svg_is_a_well_formed_document(tmp_path):
    text = seed_svg("--width", "80")
    root = ET.fromstring(text)
    assert root.tag == f"{SVG}svg"
    assert "LeCun" in text

    target = tmp_path / "chart.svg"
    result = run_chart("--format", "svg", "--output", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert ET.parse(target).getroot().tag == f"{SVG}svg"


def test_svg_works_offline_with_a_cjk_font_stack_and_no_window():
    text = seed_svg("--width", "100")
    assert re.findall(r"https?://[^\s\"'<>)]+", text) == ["http://www.w3.org/2000/svg"]  # the namespace only
    assert "@import" not in text and "url(" not in text and "@font-face" not in text
    root = ET.fromstring(text)
    fonts = {element.get("font-family") for element in root.iter() if element.get("font-family")}
    assert len(fonts) == 1
    stack = [name.strip(" '\"") for name in fonts.pop().split(",")]
    for name in ("Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei"):
        assert name in stack
    assert stack[-2:] == ["monospace", "sans-serif"]
    # No terminal-window decoration: every circle is part of a mark or of the legend.
    marks = {id(c) for g in root.iter(f"{SVG}g") if g.get("class") in ("point", "legend") for c in g.iter(f"{SVG}circle")}
    assert all(id(circle) in marks for circle in root.iter(f"{SVG}circle"))


@pytest.mark.parametrize("width", (40, 80, 160))
def test_every_mark_sits_at_its_dates_x_on_the_axis(width):
    from timeline_cli.render.chart import shift

    root = ET.fromstring(seed_svg("--width", str(width)))
    dates = seed_dates()
    day0, x0, per_day = svg_axis(root)

    def x(day: date) -> float:
        return x0 + (day - day0).days * per_day

    checked = 0
    for element in root.iter():
        ids = (element.get("data-events") or "").split()
        for event_id in ids:
            first, last = dates[event_id]
            after = shift(last, date.resolution)
            if element.get("class") == "span":
                assert abs(float(element.get("x1")) - x(first)) < 1, event_id
                assert abs(float(element.get("x2")) - x(after)) < 1, event_id
            else:
                drawn = float(re.match(r"translate\(([-\d.]+)", element.get("transform"))[1])
                assert abs(drawn - (x(first) + x(after)) / 2) < 1, event_id  # the middle of its interval
            checked += 1
    assert checked >= len(dates)  # every dated event is drawn, on each of its rows


def test_svg_ticks_are_evenly_spaced_years():
    root = ET.fromstring(seed_svg("--width", "100"))
    ticks = [g for g in root.iter(f"{SVG}g") if g.get("class") == "tick"]
    years = [date.fromisoformat(g.get("data-date")).year for g in ticks]
    steps = {b - a for a, b in zip(years, years[1:], strict=False)}
    assert len(steps) == 1 and steps.pop() in (1, 2, 5, 10) and len(years) >= 3
    xs = [float(g.find(f"{SVG}line").get("x1")) for g in ticks]
    gaps = [b - a for a, b in zip(xs, xs[1:], strict=False)]
    assert max(gaps) - min(gaps) < 0.5  # leap days only


def test_svg_without_colour_draws_every_mark_in_one_ink():
    def inks(text: str) -> set[str]:
        root = ET.fromstring(text)
        shapes = [c for g in root.iter(f"{SVG}g") if g.get("class") == "point" for c in g if c.tag != f"{SVG}title"]
        return {shape.get(paint) for shape in shapes for paint in ("fill", "stroke")} - {None, "none", "#ffffff"}

    assert len(inks(seed_svg("--width", "100"))) > 1
    assert len(inks(seed_svg("--width", "100", "--color", "never"))) == 1


def test_svg_keeps_control_characters_of_the_text_out():
    from timeline_cli.render.chart import chart_svg

    bad = Event(id="e-1", title="標題\x07\x1b[31m", type="other", status="occurred",
                date=EventDate("2025", None, "year", date(2025, 1, 1), date(2025, 12, 31), "stated"),
                actors=(Actor("x", "名字\x00\x08"),))
    text = chart_svg(TimeChart([bad]), 80)
    ET.fromstring(text)
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text)


def test_svg_of_nothing_says_so():
    root = ET.fromstring(seed_svg("--grep", "這句話不在文章裡"))
    assert any((t.text or "").startswith("No events to draw") for t in root.iter(f"{SVG}text"))


@pytest.mark.skipif(shutil.which("rsvg-convert") is None, reason="rsvg-convert (librsvg2-bin) is not installed")
def test_librsvg_renders_the_svg_to_png(tmp_path):
    source, target = tmp_path / "chart.svg", tmp_path / "chart.png"
    source.write_text(seed_svg("--width", "100"), "utf-8")
    done = subprocess.run(["rsvg-convert", str(source), "-o", str(target)], capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    data = target.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    root = ET.parse(source).getroot()
    assert (width, height) == (int(root.get("width")), int(root.get("height")))


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
    assert "LeCun" in out and BAR in out and re.search(r"20[12]\d", out)
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


@pytest.mark.parametrize("first, last", [(date(1, 1, 1), date(1, 12, 31)), (date(9999, 12, 31), date(9999, 12, 31)),
                                         (date(1, 1, 1), date(9999, 12, 31)), (date(1, 1, 1), date(1, 1, 1))])
def test_dates_at_the_ends_of_the_calendar_are_drawn_on_a_clamped_axis(first, last):
    lines = chart_text([event(f"{first}/{last}", first, last)], width=60)
    axis, labels = axis_and_labels(lines)
    assert "┬" in axis and labels.strip()
    assert any("━" in line or "●" in line for line in lines)


def test_month_and_day_ticks_are_regular_too():
    months = chart_text([event("2025-01", date(2025, 1, 10), date(2025, 1, 10)),
                         event("2025-12", date(2025, 12, 1), date(2025, 12, 1))], width=100)
    numbers = [int(n) for n in re.findall(r"(\d+)月", axis_and_labels(months)[1])]
    assert len({b - a for a, b in zip(numbers, numbers[1:], strict=False)}) == 1
    days = chart_text([event("a", date(2025, 11, 3), date(2025, 11, 3)),
                       event("b", date(2025, 11, 28), date(2025, 11, 28))], width=60)
    numbers = [int(n) for n in re.findall(r"(\d+)日", axis_and_labels(days)[1])]
    assert len({b - a for a, b in zip(numbers, numbers[1:], strict=False)}) == 1
