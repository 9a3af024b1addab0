"""The chart as an SVG drawing: lines, circles and text placed at absolute x per date.

The text chart's model (render.chart: rows, the axis's dates, its evenly spaced ticks,
lanes for overlapping spans) drawn as vector shapes rather than as a screenshot of a
terminal, so that no position depends on how wide a font's glyphs are: a mark sits at
its date's x in librsvg (rsvg-convert) and browsers alike.

- x of a day: the axis runs linearly from its start date (left of the plot) to its end.
- A span (2013–2018) is a bar from the x of its first day to the x of the day after its
  last; a point sits at the middle of its interval (2013年 in mid-2013), as in the text.
  A range too short to show as a bar is drawn as a point.
- Points with the same x in a row become one circle with their count.
- Each mark carries its event ids (data-events) and a <title> that browsers show on hover.
- Text uses a CJK-capable font stack of locally installed fonts and generic fallbacks:
  no web font, no URL, nothing fetched, so it draws offline and prints as it shows.
- Ticks are labelled centred under their line; the first and last labels are kept inside
  the picture. Colour follows the status unless color=False; shapes alone tell statuses apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..model import Event
from ..script import convert
from .chart import (
    POINT_GLYPH,
    Axis,
    Mark,
    TimeChart,
    fit_label,
    group_rows,
    interval,
    make_axis,
    pack_spans,
    regular_ticks,
    shift,
)
from .dates import human_date, label_in_hant

FONT_STACK = ("'Noto Sans CJK SC', 'Noto Sans CJK TC', 'Source Han Sans SC', 'Source Han Sans TC', "
              "'Source Han Sans', 'PingFang SC', 'PingFang TC', 'Hiragino Sans GB', 'Microsoft YaHei', "
              "'Microsoft JhengHei', 'WenQuanYi Zen Hei', 'Noto Sans Mono CJK SC', 'DejaVu Sans Mono', "
              "monospace, sans-serif")
CELL_PX = 8  # one terminal column of --width
FONT_PX = 12
LANE_PX = 20
MARGIN_PX = 12
LABEL_GAP_PX = 10  # at least between two tick labels
BAR_PX = 6
POINT_R = 5
SPAN_GAP_PX = 4  # two bars closer than this go to different lanes

INK, FAINT, GRID, BAND, PAPER = "#222222", "#666666", "#b0b0b0", "#f3f3f3", "#ffffff"
STATUS_COLOR = {"occurred": "#2e7d32", "planned": "#00838f", "predicted": "#ad1457",
                "reported": "#9a6700", "negated": "#c62828"}
DASHES = {"planned": "6 3", "predicted": "6 3", "negated": "2 3"}
SPAN_MEANING = {"occurred": "span", "reported": "span", "planned": "planned span",
                "predicted": "planned span", "negated": "negated span"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """Text safe in XML and free of control characters from the article (they become spaces)."""
    return _CONTROL.sub(" ", text).replace("\r", " ")


def text_px(text: str) -> float:
    """A generous estimate of the drawn width: wide (CJK) characters 1 em, others 0.62 em."""
    from rich.cells import cell_len

    return sum(FONT_PX * (1.0 if cell_len(char) == 2 else 0.62) for char in text)


def px(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Scale:
    """x of a day on the plot, linear from axis.start (at left) to axis.end (at right)."""

    axis: Axis
    left: float
    right: float

    def x(self, day: date) -> float:
        days = (self.axis.end - self.axis.start).days
        return self.left + (day - self.axis.start).days * (self.right - self.left) / days


@dataclass(frozen=True)
class SvgTick:
    day: date
    x: float
    label: str
    anchor: str  # start | middle | end


@dataclass(frozen=True)
class Point:
    x: float
    events: tuple[Event, ...]


@dataclass(frozen=True)
class Span:
    x1: float
    x2: float
    event: Event


class Drawing:
    """An SVG document built with ElementTree (which escapes text and attributes)."""

    def __init__(self, width: int, font: str) -> None:
        import xml.etree.ElementTree as ET

        self.ET = ET
        self.root = ET.Element("svg", xmlns="http://www.w3.org/2000/svg", width=str(width),
                               viewBox=f"0 0 {width} 0", version="1.1")
        self.width = width
        self.body = ET.SubElement(self.root, "g", {"font-family": font, "font-size": str(FONT_PX), "fill": INK})

    def add(self, parent, tag: str, text: str | None = None, **attrs) -> object:
        element = self.ET.SubElement(parent if parent is not None else self.body, tag,
                                     {key.rstrip("_").replace("_", "-"): str(value) for key, value in attrs.items()})
        if text is not None:
            element.text = clean(text)
        return element

    def finish(self, height: float, title: str) -> str:
        height = int(height + 0.999)
        self.root.set("height", str(height))
        self.root.set("viewBox", f"0 0 {self.width} {height}")
        heading = self.ET.Element("title")
        heading.text = clean(title)
        self.root.insert(0, heading)
        self.root.insert(1, self.ET.Element("rect", width="100%", height="100%", fill=PAPER))
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + self.ET.tostring(self.root, encoding="unicode") + "\n"


def svg_chart(chart: TimeChart, width: int, color: bool = True, title: str = "timeline chart") -> str:
    """The chart `width` columns wide (CELL_PX pixels each) as an SVG document."""
    width_px = max(width, 30) * CELL_PX
    drawing = Drawing(width_px, FONT_STACK)
    y = MARGIN_PX
    if not chart.dated:
        drawing.add(None, "text", chart.empty_message(), x=MARGIN_PX, y=y + FONT_PX)
        return drawing.finish(y + FONT_PX + MARGIN_PX, title)

    rows = group_rows(chart.dated, chart.by, chart.script)
    label_cells = chart.label_width(rows, width)
    label_right = MARGIN_PX + label_cells * CELL_PX
    scale = Scale(make_axis(chart.dated, 1), label_right + 10, width_px - MARGIN_PX - 10)
    ticks = svg_ticks(scale, width_px)
    labels = date_labels_in(chart)

    top = y
    bands = drawing.add(None, "g", class_="bands", fill=BAND)
    guides = drawing.add(None, "g", class_="guides", stroke=GRID, stroke_width=1, stroke_dasharray="1 3")
    statuses, span_kinds, counted = set(), set(), False
    for index, (label, events) in enumerate(rows):
        points, lanes = row_marks(events, scale)
        height = len(lanes) * LANE_PX
        if index % 2 == 0:
            drawing.add(bands, "rect", x=MARGIN_PX, y=px(y), width=px(scale.right + 10 - MARGIN_PX), height=height)
        centre = y + LANE_PX / 2
        drawing.add(None, "text", fit_label(label, label_cells).rstrip(), x=px(label_right), y=px(centre + FONT_PX / 3),
                    text_anchor="end", font_weight="bold", class_="row")
        for lane, spans in enumerate(lanes):
            for span in spans:
                draw_span(drawing, span, centre + lane * LANE_PX, color, labels, chart.script)
                span_kinds.add(SPAN_MEANING.get(span.event.status, "span"))
        for point in sorted(points, key=lambda p: len(p.events) > 1):  # counts on top, readable
            draw_point(drawing, point, centre, color, labels, chart.script)
            statuses.update(e.status for e in point.events)
            counted = counted or len(point.events) > 1
        y += height
    for tick in ticks:
        drawing.add(guides, "line", x1=px(tick.x), x2=px(tick.x), y1=top, y2=px(y))

    y = draw_axis(drawing, scale, ticks, y + 4)
    if chart.undated:
        y += FONT_PX + 6
        drawing.add(None, "text", chart.undated_note(), x=MARGIN_PX, y=px(y), fill=FAINT)
    if chart.legend:
        y = draw_legend(drawing, statuses, span_kinds, counted, color, y + 8, width_px)
    return drawing.finish(y + MARGIN_PX, title)


# --- layout ----------------------------------------------------------------------------------------


def svg_ticks(scale: Scale, width_px: int) -> list[SvgTick]:
    """Evenly spaced ticks (render.chart.regular_ticks) whose centred labels keep LABEL_GAP_PX apart."""

    def fits(days: list[tuple[date, str]]) -> list[SvgTick] | None:
        placed: list[SvgTick] = []
        right_of_last = float("-inf")
        for index, (day, label) in enumerate(days):
            x, w = scale.x(day), text_px(label)
            anchor, left = "middle", x - w / 2
            if left < MARGIN_PX:
                anchor, left = "start", x
            elif x + w / 2 > width_px - MARGIN_PX:
                anchor, left = "end", x - w
            if left < right_of_last + LABEL_GAP_PX:
                if index == len(days) - 1 and placed:
                    break
                return None
            placed.append(SvgTick(day, x, label, anchor))
            right_of_last = left + w
        return placed

    room = (scale.right - scale.left) / (text_px("1") + LABEL_GAP_PX)
    return regular_ticks(scale.axis.start, scale.axis.end, room, fits)


def row_marks(events: list[Event], scale: Scale) -> tuple[list[Point], list[list[Span]]]:
    """The row's points (events at one x grouped) and its spans packed into lanes."""
    spans: list[Span] = []
    at: dict[float, list[Event]] = {}
    for event in events:
        first, last = interval(event)
        x1, x2 = scale.x(first), scale.x(shift(last, timedelta(days=1)))
        if "/" in event.date.value and x2 - x1 >= 2 * POINT_R:
            spans.append(Span(x1, x2, event))
        else:
            at.setdefault(round((x1 + x2) / 2, 2), []).append(event)
    points = [Point(x, tuple(group)) for x, group in sorted(at.items())]
    return points, span_lanes(spans)


def span_lanes(spans: list[Span]) -> list[list[Span]]:
    """Lanes as in the text chart (render.chart.pack_spans), bars SPAN_GAP_PX apart."""
    by_mark = {}
    for index, span in enumerate(spans):
        # Marks count in whole units: quarter pixels here. The index as status keeps two
        # spans with the same ends distinct.
        by_mark[Mark(int(span.x1 * 4), int((span.x2 + SPAN_GAP_PX) * 4), str(index))] = span
    return [[by_mark[mark] for mark in lane] for lane in pack_spans(list(by_mark))]


def date_labels_in(chart: TimeChart) -> str:
    """hant or hans: the script of date labels in tooltips (as asked, else the titles' script)."""
    if chart.script in ("hant", "hans"):
        return chart.script
    from ..script import detect_script

    titles = "".join(event.title for event in chart.dated)
    return "hant" if detect_script(titles) in ("hant", "mixed") else "hans"


def tooltip(events: tuple[Event, ...], labels: str, script: str) -> str:
    lines = []
    for event in events:
        d = event.date
        when = human_date(d.value, d.mod, d.granularity)
        when = label_in_hant(when) if labels == "hant" else when
        lines.append(f"{when}  {convert(event.title, script)}  ({event.status})")
    return "\n".join(lines)


# --- drawing ---------------------------------------------------------------------------------------


def ink(status: str, color: bool) -> str:
    return STATUS_COLOR.get(status, INK) if color else INK


def draw_span(drawing: Drawing, span: Span, y: float, color: bool, labels: str, script: str) -> None:
    status = span.event.status
    attrs = {"x1": px(span.x1), "x2": px(span.x2), "y1": px(y), "y2": px(y), "stroke": ink(status, color),
             "stroke_width": BAR_PX, "stroke_opacity": "0.85", "class_": "span", "data_events": span.event.id}
    if status in DASHES:
        attrs["stroke_dasharray"] = DASHES[status]
    line = drawing.add(None, "line", **attrs)
    drawing.add(line, "title", tooltip((span.event,), labels, script))


def draw_point(drawing: Drawing, point: Point, y: float, color: bool, labels: str, script: str) -> None:
    statuses = {event.status for event in point.events}
    status = statuses.pop() if len(statuses) == 1 else ""
    group = drawing.add(None, "g", class_="point", transform=f"translate({px(point.x)} {px(y)})",
                        data_events=" ".join(event.id for event in point.events))
    drawing.add(group, "title", tooltip(point.events, labels, script))
    if len(point.events) > 1:
        drawing.add(group, "circle", r=POINT_R + 3, fill=ink(status, color) if status else INK)
        drawing.add(group, "text", str(len(point.events)), y=px(FONT_PX / 3), text_anchor="middle",
                    fill=PAPER, font_size=FONT_PX - 2, font_weight="bold")
        return
    draw_shape(drawing, group, status, ink(status, color))


def draw_shape(drawing: Drawing, group, status: str, colour: str) -> None:
    """The status's shape centred on (0, 0): ● occurred, ◉ reported, ○ planned, ◇ predicted, × negated."""
    r = POINT_R
    if status == "planned":
        drawing.add(group, "circle", r=r - 0.5, fill=PAPER, stroke=colour, stroke_width=1.5)
    elif status == "predicted":
        drawing.add(group, "polygon", points=f"0,{-r - 1} {r + 1},0 0,{r + 1} {-r - 1},0", fill=PAPER,
                    stroke=colour, stroke_width=1.5)
    elif status == "negated":
        drawing.add(group, "path", d=f"M{-r + 1},{-r + 1} L{r - 1},{r - 1} M{-r + 1},{r - 1} L{r - 1},{-r + 1}",
                    stroke=colour, stroke_width=2, fill="none")
    elif status == "reported":
        drawing.add(group, "circle", r=r, fill=colour)
        drawing.add(group, "circle", r=2, fill=PAPER)
    else:
        drawing.add(group, "circle", r=r, fill=colour)


def draw_axis(drawing: Drawing, scale: Scale, ticks: list[SvgTick], y: float) -> float:
    """The axis line, a tick and its label per SvgTick; returns the labels' baseline."""
    axis = drawing.add(None, "g", class_="axis")
    drawing.add(axis, "line", x1=px(scale.left - 10), x2=px(scale.right + 10), y1=px(y), y2=px(y), stroke=FAINT)
    baseline = y + 6 + FONT_PX
    for tick in ticks:
        group = drawing.add(axis, "g", class_="tick", data_date=tick.day.isoformat())
        drawing.add(group, "line", x1=px(tick.x), x2=px(tick.x), y1=px(y), y2=px(y + 5), stroke=FAINT)
        drawing.add(group, "text", tick.label, x=px(tick.x), y=px(baseline), text_anchor=tick.anchor,
                    font_weight="bold")
    return baseline


def draw_legend(drawing: Drawing, statuses: set[str], span_kinds: set[str], counted: bool, color: bool,
                y: float, width_px: int) -> float:
    """One item per status drawn, kind of bar drawn and count circle, wrapped to the width."""
    legend = drawing.add(None, "g", class_="legend", fill=FAINT)
    items = [(status, status) for status in POINT_GLYPH if status in statuses]
    items += [(f"bar:{kind}", kind) for kind in ("span", "planned span", "negated span") if kind in span_kinds]
    if counted:
        items.append(("count", "events on one date"))
    x, y = MARGIN_PX, y + FONT_PX
    for key, meaning in items:
        step = 22 + text_px(meaning) + 16
        if x > MARGIN_PX and x + step > width_px - MARGIN_PX:
            x, y = MARGIN_PX, y + LANE_PX
        symbol = drawing.add(legend, "g", transform=f"translate({px(x + 8)} {px(y - FONT_PX / 3)})")
        if key.startswith("bar:"):
            status = {"span": "occurred", "planned span": "planned", "negated span": "negated"}[meaning]
            attrs = {"x1": -8, "x2": 8, "y1": 0, "y2": 0, "stroke": ink(status, color), "stroke_width": BAR_PX}
            if status in DASHES:
                attrs["stroke_dasharray"] = DASHES[status]
            drawing.add(symbol, "line", **attrs)
        elif key == "count":
            drawing.add(symbol, "circle", r=POINT_R + 3, fill=INK)
            drawing.add(symbol, "text", "2", y=px(FONT_PX / 3), text_anchor="middle", fill=PAPER,
                        font_size=FONT_PX - 2, font_weight="bold")
        else:
            draw_shape(drawing, symbol, key, ink(key, color))
        drawing.add(legend, "text", meaning, x=px(x + 22), y=px(y))
        x += step
    return y
