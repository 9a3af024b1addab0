"""A picture of time: events on a horizontal axis, one row per actor (or per type).

The axis runs from the earliest start to the latest end of the events drawn, with a
little padding, scaled to the width available. Each row is labelled on the left with
the actor's name (or the event type), cut with … to fit, by display cells, never
through a wide character. Rows come in order of first appearance on the timeline.

Characters (each one terminal cell wide, as rich.cells.cell_len measures them):

  ━   a span: an event dated by a range (2013–2018) longer than one cell of the axis
  ╍   a span that is planned or predicted
  ┄   a span that is negated
  █   two or more spans overlapping in one cell (only when a row runs out of lanes)
  ●   an event at one moment that occurred; drawn at the middle of its date, so
      2013年 sits in mid-2013 and 2025年初 in mid-February 2025
  ◉   reported   ○  planned   ◇  predicted   ×  negated (said not to happen)
  ②…⑳ that many events in one cell of a row (circled, so that two counts side by
      side never read as one number); + for more than twenty
  ─ ┬ the axis and its ticks; each tick's label is written below it
  ·   a faint guide under each tick, on a row's first line where it is empty

A dated single moment is a point however coarse its date: 2013年 says *when* someone
joined, not that the joining lasted a year. Only ranges are bars. Spans that overlap
in one row go to extra lanes (lines) under the row, up to MAX_SPAN_LANES; points stay
on the row's first line, on top of any bar.

Ticks are evenly spaced: on axes of three years or more every 1, 2, 5, 10, 20, 50 …
years (years divisible by the step), on shorter ones every 1, 2, 3 or 6 months, on the
shortest every day, 2 days, Monday or other Monday; the densest series whose labels fit
without touching is drawn. Month and day labels name the year (month) only where it
changes: 2025年3月, 4月, 2026. Dates near year 1 or 9999 give an axis clamped to the
calendar.

The axis sits under the rows, and is repeated above them when there are over 20 lines.

Colour follows the status, as in the tables (render.table.STATUS_STYLE); the shapes
alone tell the statuses apart when colour is off. Events whose date has no known year
are left out and counted in a note under the chart.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from ..model import Event
from ..script import convert
from .table import STATUS_STYLE

BYS = ("actor", "type")
MIN_WIDTH = 30
MAX_SPAN_LANES = 3
LABEL_GAP = 2  # empty cells at least between two tick labels
NO_ACTOR = "(no actor)"

POINT_GLYPH = {"occurred": "●", "reported": "◉", "planned": "○", "predicted": "◇", "negated": "×"}
SPAN_GLYPH = {"occurred": "━", "reported": "━", "planned": "╍", "predicted": "╍", "negated": "┄"}
OVERLAP_GLYPH = "█"
MANY_GLYPH = "+"
GUIDE_GLYPH = "·"
AXIS_GLYPH, TICK_GLYPH = "─", "┬"
ELLIPSIS = "…"


# --- the axis ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Axis:
    """Dates from start (inclusive) to end (exclusive), cut into `cells` equal cells."""

    start: date
    end: date
    cells: int

    @property
    def days_per_cell(self) -> float:
        return (self.end - self.start).days / self.cells

    def cell(self, day: date) -> int:
        index = int((day - self.start).days / self.days_per_cell)
        return min(self.cells - 1, max(0, index))


@dataclass(frozen=True)
class Tick:
    day: date
    cell: int
    label: str
    left: int  # first cell of the label (a label may end at its tick when it cannot start there)


def interval(event: Event) -> tuple[date, date] | None:
    """The event's inclusive dates, or None when it cannot be placed on a calendar."""
    start, end = event.date.start_date, event.date.end_date
    if start is None and end is None:
        return None
    start, end = start or end, end or start
    return (start, end) if start <= end else (end, start)


def middle(first: date, last: date) -> date:
    return first + timedelta(days=(last - first).days // 2)


def make_axis(events: list[Event], cells: int) -> Axis:
    """An axis over the events' dates with 2% padding each side, clamped to the calendar (years 1–9999)."""
    intervals = [interval(event) for event in events]
    first = min(i[0] for i in intervals)
    last = max(i[1] for i in intervals)
    pad = timedelta(days=max(1, round((last - first).days * 0.02)))
    return Axis(shift(first, -pad), shift(last, pad + timedelta(days=1)), cells)


def shift(day: date, by: timedelta) -> date:
    """day + by, held at date.min / date.max instead of overflowing."""
    if by < timedelta(0):
        return day + by if (day - date.min) > -by else date.min
    return day + by if (date.max - day) > by else date.max


# --- ticks -------------------------------------------------------------------------------------
#
# Ticks are evenly spaced: every day, 2 days, Monday or other Monday; every 1, 2, 3 or 6
# months; every 1, 2 or 5 × 10ⁿ years. The densest series whose labels fit is drawn.

DAY_STEPS = (1, 2, 7, 14)
MONTH_STEPS = (1, 2, 3, 6)


def tick_unit(axis: Axis) -> str:
    """The finest unit worth ticking: years on axes of three years or more, else months, else days."""
    days = (axis.end - axis.start).days
    if days >= 3 * 365:
        return "year"
    return "month" if days >= 60 else "day"


def tick_series(start: date, end: date, unit: str):
    """(label unit, step, how many days one step is) from the densest series of `unit` on."""
    if unit == "day":
        yield from (("day", step, step) for step in DAY_STEPS)
    if unit in ("day", "month"):
        yield from (("month", step, step * 30.4) for step in MONTH_STEPS)
    step = 1
    while step <= max(1, end.year - start.year):
        for factor in (1, 2, 5):
            yield "year", step * factor, step * factor * 365.25
        step *= 10


def series_days(start: date, end: date, unit: str, step: int) -> list[date]:
    """The days of a tick series in [start, end)."""
    if unit == "year":
        first = max(step, -(-start.year // step) * step)
        return [date(year, 1, 1) for year in range(first, end.year + 1, step) if start <= date(year, 1, 1) < end]
    if unit == "month":
        days, year, month = [], start.year, start.month
        while year <= end.year and date(year, month, 1) < end:
            if date(year, month, 1) >= start and (month - 1) % step == 0:
                days.append(date(year, month, 1))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return days
    days = [start + timedelta(days=offset) for offset in range((end - start).days)]
    if step == 1:
        return days
    if step == 2:
        return [day for day in days if day.toordinal() % 2 == 0]
    return [day for day in days if day.weekday() == 0 and (day.toordinal() // 7) % (step // 7) == 0]


def tick_label(day: date, unit: str, previous: date | None) -> str:
    """A tick's label, naming the year (and month) only when they differ from the previous tick's:
    2013 …; 2025年3月, 4月, 2026; 2025年11月19日, 20日, 12月1日."""
    if unit == "year":
        return str(day.year)
    new_year = previous is None or previous.year != day.year
    if unit == "month":
        if new_year:
            return str(day.year) if day.month == 1 and previous is not None else f"{day.year}年{day.month}月"
        return f"{day.month}月"
    if new_year:
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.month}月{day.day}日" if previous.month != day.month else f"{day.day}日"


def labelled(days: list[date], unit: str) -> list[tuple[date, str]]:
    return [(day, tick_label(day, unit, days[i - 1] if i else None)) for i, day in enumerate(days)]


def regular_ticks(start: date, end: date, room: float, fits) -> list:
    """The ticks of the densest series that `fits` accepts (it returns the placed ticks or None).

    `room` is how many ticks could fit at best (axis length / shortest label with its gap),
    so that series far too dense are skipped without being built."""
    span = max(1, (end - start).days)
    for unit, step, step_days in tick_series(start, end, tick_unit(Axis(start, end, 1))):
        if span / step_days > room:
            continue
        placed = fits(labelled(series_days(start, end, unit, step), unit))
        if placed is not None:
            return placed
    return []


def choose_ticks(axis: Axis) -> list[Tick]:
    """Evenly spaced ticks whose labels start at their tick and keep LABEL_GAP cells apart.

    The last label may end at its tick when it cannot start there; if even that collides,
    that one tick is left out (the others stay evenly spaced)."""
    from rich.cells import cell_len

    def fits(days: list[tuple[date, str]]) -> list[Tick] | None:
        placed: list[Tick] = []
        for index, (day, label) in enumerate(days):
            tick = fit_tick(day, axis.cell(day), label, axis.cells, placed)
            if tick is None:
                if index == len(days) - 1 and placed:
                    break
                return None
            placed.append(tick)
        return placed

    return regular_ticks(axis.start, axis.end, axis.cells / (cell_len("1") + LABEL_GAP), fits)


def fit_tick(day: date, cell: int, label: str, cells: int, placed: list[Tick]) -> Tick | None:
    """The tick with its label starting at the tick (ending there only at the axis's right end);
    None if the label would come closer than LABEL_GAP to another."""
    from rich.cells import cell_len

    width = cell_len(label)
    left = cell if cell + width <= cells else cell - width + 1
    if left < 0 or any(t.cell == cell for t in placed):
        return None
    right = left + width  # exclusive
    if all(right + LABEL_GAP <= t.left or left >= t.left + cell_len(t.label) + LABEL_GAP for t in placed):
        return Tick(day, cell, label, left)
    return None


# --- rows, lanes and marks -----------------------------------------------------------------------


@dataclass(frozen=True)
class Mark:
    first: int
    last: int
    status: str

    @property
    def is_span(self) -> bool:
        return self.last > self.first


def mark_for(event: Event, axis: Axis) -> Mark:
    first_day, last_day = interval(event)
    first, last = axis.cell(first_day), axis.cell(last_day)
    if "/" in event.date.value and last > first:
        return Mark(first, last, event.status)
    point = axis.cell(middle(first_day, last_day))
    return Mark(point, point, event.status)


def row_keys(event: Event, by: str, script: str) -> list[tuple[str, str]]:
    """(key, label) of every row the event belongs to."""
    if by == "type":
        return [(event.type, event.type)]
    return [(a.id, convert(a.name, script)) for a in event.actors] or [(NO_ACTOR, NO_ACTOR)]


def group_rows(events: list[Event], by: str, script: str) -> list[tuple[str, list[Event]]]:
    """(label, events) per row, rows in order of their first event on the timeline."""
    rows: dict[str, tuple[str, list[Event]]] = {}
    for event in sorted(events, key=interval):
        for key, label in row_keys(event, by, script):
            rows.setdefault(key, (label, []))[1].append(event)
    return list(rows.values())


def pack_spans(spans: list[Mark]) -> list[list[Mark]]:
    """Spans into lanes where they do not touch; past MAX_SPAN_LANES they share the last lane."""
    lanes: list[list[Mark]] = []
    for span in sorted(spans, key=lambda m: (m.first, -m.last)):
        free = next((lane for lane in lanes if all(apart(span, other) for other in lane)), None)
        if free is not None:
            free.append(span)
        elif len(lanes) < MAX_SPAN_LANES:
            lanes.append([span])
        else:
            lanes[-1].append(span)
    return lanes or [[]]


def apart(a: Mark, b: Mark) -> bool:
    """At least one empty cell between them, so two bars never read as one."""
    return a.first > b.last + 1 or b.first > a.last + 1


# --- drawing -------------------------------------------------------------------------------------


Cell = tuple[str, str]  # (glyph, style)


def blank_lane(axis: Axis, ticks: list[Tick]) -> list[Cell]:
    cells: list[Cell] = [(" ", "")] * axis.cells
    for tick in ticks:
        cells[tick.cell] = (GUIDE_GLYPH, "dim")
    return cells


def draw_spans(cells: list[Cell], spans: list[Mark]) -> None:
    depth = Counter(cell for span in spans for cell in range(span.first, span.last + 1))
    for span in spans:
        style = STATUS_STYLE.get(span.status, "")
        for cell in range(span.first, span.last + 1):
            glyph = OVERLAP_GLYPH if depth[cell] > 1 else SPAN_GLYPH.get(span.status, "━")
            cells[cell] = (glyph, style)


def draw_points(cells: list[Cell], points: list[Mark]) -> None:
    by_cell: dict[int, list[str]] = {}
    for point in points:
        by_cell.setdefault(point.first, []).append(point.status)
    for cell, statuses in by_cell.items():
        cells[cell] = point_cell(statuses)


def point_cell(statuses: list[str]) -> Cell:
    """One marker in its status's shape, or how many share the cell (coloured if all share a status)."""
    style = STATUS_STYLE.get(statuses[0], "") if len(set(statuses)) == 1 else ""
    if len(statuses) == 1:
        return POINT_GLYPH.get(statuses[0], "●"), style
    return count_glyph(len(statuses)), f"{style} bold".strip()


def count_glyph(count: int) -> str:
    """②…⑳ (circled, so two counts side by side never read as one number), + beyond twenty."""
    return chr(ord("②") + count - 2) if count <= 20 else MANY_GLYPH


def fit_label(label: str, width: int) -> str:
    """The label cut to `width` display cells with …, never through a wide character, then padded."""
    from rich.cells import cell_len

    if cell_len(label) > width:
        kept, used = [], cell_len(ELLIPSIS)
        for char in label:
            if used + cell_len(char) > width:
                break
            kept.append(char)
            used += cell_len(char)
        label = "".join(kept) + ELLIPSIS
    return label + " " * (width - cell_len(label))


def lane_text(label: str, cells: list[Cell]):
    """The row's label, then its cells, runs of one style in one piece (fewer escape codes)."""
    from itertools import groupby

    from rich.text import Text

    text = Text()
    text.append(label, style="bold")
    text.append(" ")
    for style, run in groupby(cells, key=lambda cell: cell[1]):
        text.append("".join(glyph for glyph, _ in run), style=style)
    text.rstrip()
    return text


def axis_texts(axis: Axis, ticks: list[Tick], indent: int) -> list:
    from rich.cells import cell_len
    from rich.text import Text

    line = [AXIS_GLYPH] * axis.cells
    for tick in ticks:
        line[tick.cell] = TICK_GLYPH
    labels, at = " " * indent, 0
    for tick in ticks:
        labels += " " * (tick.left - at) + tick.label
        at = tick.left + cell_len(tick.label)
    return [Text(" " * indent + "".join(line), style="dim"), Text(labels.rstrip(), style="bold")]


def scale_note(axis: Axis) -> str:
    days = axis.days_per_cell
    if days < 1.5:
        return "1 cell ≈ 1 day"
    if days < 10:
        return f"1 cell ≈ {round(days)} days"
    if days < 45:
        return f"1 cell ≈ {round(days / 7)} weeks" if round(days / 7) > 1 else "1 cell ≈ 1 week"
    if days < 330:
        months = round(days / 30.4)
        return f"1 cell ≈ {months} months" if months > 1 else "1 cell ≈ 1 month"
    return f"1 cell ≈ {days / 365.25:.1f} years"


def legend_items(statuses: set[str], lanes: list[list[Cell]], axis: Axis) -> list[tuple[str, str, str]]:
    """(glyph, style, meaning): each status drawn, each kind of bar used, counts if any, the scale."""
    seen = {glyph for lane in lanes for glyph, _ in lane}
    items = [(POINT_GLYPH[status], STATUS_STYLE.get(status, ""), status)
             for status in POINT_GLYPH if status in statuses]
    for glyph, meaning in (("━", "span"), ("╍", "planned span"), ("┄", "negated span"),
                           (OVERLAP_GLYPH, "overlapping spans")):
        if glyph in seen:
            items.append((glyph, "", meaning))
    if any(glyph == MANY_GLYPH or "②" <= glyph <= "⑳" for glyph in seen):
        items.append(("②③…", "bold", "events in one cell"))
    items.append(("", "dim", scale_note(axis)))
    return items


def legend_texts(items: list[tuple[str, str, str]], width: int) -> list:
    """Legend items two spaces apart, wrapped between items to fit the width."""
    from rich.cells import cell_len
    from rich.text import Text

    lines, line = [], Text()
    for glyph, style, meaning in items:
        piece = Text.assemble((glyph, style), " " if glyph else "", (meaning, "dim"))
        gap = 2 if line.plain else 0
        if line.plain and cell_len(line.plain) + gap + cell_len(piece.plain) > width:
            lines.append(line)
            line, gap = Text(), 0
        line.append(" " * gap)
        line.append_text(piece)
    lines.append(line)
    return lines


# --- the chart -----------------------------------------------------------------------------------


class TimeChart:
    """A Rich renderable: the chart drawn to the console's width."""

    def __init__(self, events: list[Event], by: str = "actor", script: str = "original",
                 legend: bool = True) -> None:
        if by not in BYS:
            raise ValueError(f"by must be one of {BYS}, not {by!r}")
        self.dated = [event for event in events if interval(event) is not None]
        self.undated = len(events) - len(self.dated)
        self.by, self.script, self.legend = by, script, legend

    def __rich_console__(self, console, options):
        yield from self.lines(max(options.max_width, MIN_WIDTH))

    def lines(self, width: int) -> list:
        """The chart as rich Text lines, none wider than `width` cells."""
        from rich.text import Text

        if not self.dated:
            return [Text(self.empty_message())]
        rows = group_rows(self.dated, self.by, self.script)
        label_width = self.label_width(rows, width)
        axis = make_axis(self.dated, width - label_width - 1)
        ticks = choose_ticks(axis)
        drawn: list[tuple[str, list[Cell]]] = []
        for label, events in rows:
            for index, lane in enumerate(self.row_lanes(events, axis, ticks)):
                drawn.append((fit_label(label, label_width) if index == 0 else " " * label_width, lane))
        out = [lane_text(label, cells) for label, cells in drawn]
        axis_lines = axis_texts(axis, ticks, label_width + 1)
        if len(drawn) > 20:
            out = [axis_lines[1], Text(axis_lines[0].plain.replace(TICK_GLYPH, "┴"), style="dim"), *out]
        out += axis_lines
        if self.undated:
            out.append(Text(self.undated_note(), style="dim"))
        if self.legend:
            out += legend_texts(legend_items({e.status for e in self.dated}, [cells for _, cells in drawn], axis), width)
        return out

    def row_lanes(self, events: list[Event], axis: Axis, ticks: list[Tick]) -> list[list[Cell]]:
        marks = [mark_for(event, axis) for event in events]
        span_lanes = pack_spans([m for m in marks if m.is_span])
        lanes = []
        for index, spans in enumerate(span_lanes):
            cells = blank_lane(axis, ticks if index == 0 else [])
            draw_spans(cells, spans)
            lanes.append(cells)
        draw_points(lanes[0], [m for m in marks if not m.is_span])
        return lanes

    @staticmethod
    def label_width(rows: list[tuple[str, list[Event]]], width: int) -> int:
        from rich.cells import cell_len

        longest = max(cell_len(label) for label, _ in rows)
        return max(4, min(longest, width // 5))

    def empty_message(self) -> str:
        if self.undated:
            return f"No events to draw: {self.undated_note()}"
        return "No events to draw: nothing matches."

    def undated_note(self) -> str:
        n = self.undated
        return f"{n} event{'s' if n != 1 else ''} without a known year {'are' if n != 1 else 'is'} not drawn."


def chart_svg(chart: TimeChart, width: int, color: bool = True, title: str = "timeline chart") -> str:
    """The same chart as an SVG drawing `width` columns wide (render.svgchart)."""
    from .svgchart import svg_chart

    return svg_chart(chart, width, color=color, title=title)
