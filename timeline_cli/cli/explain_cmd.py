"""timeline explain: why a phrase resolved to the date it did."""

from __future__ import annotations

import re
from typing import Annotated

import typer

from .common import parse_ref_date, prepare_output, write_output
from .options import COLOR, Output, uses


@uses()
def explain_command(
    text: Annotated[str, typer.Argument(metavar="TEXT",
                                        help="A phrase or a sentence, e.g. 今年4月份 or '但短短幾週後，…'.")],
    ref_date: Annotated[str | None, typer.Option(
        "--ref-date", "-r", metavar="WHEN",
        help="The date relative words (今年, 去年, 上週三) resolve against: 2025-11-20, or a date-time "
             "with offset (2025-11-20T08:30+08:00). Default: today.")] = None,
    format: Annotated[str | None, typer.Option("--format", "-f", metavar="text|json",
                                               help="Output format. Default: text.")] = None,
    color: COLOR.annotation = "auto",
) -> None:
    """Show how timeline reads a phrase, and why each date resolved as it did.

    For each mention found: its value, interval, anchor, rule and certainty, and for
    every recogniser that matched, whether its match was kept or covered by a longer
    one. The first thing to run when a date looks wrong. Without --ref-date, relative
    words resolve against today's date, and the output says so.

    Examples:
        timeline explain 今年4月份 --ref-date 2025-11-20
            今年 and 4月份 composed into one mention, April 2025.
        timeline explain '他於2013年加入Meta，效力12年' -r 2025-11-20
            效力12年 is a duration (P12Y), not the year 2012; 2013年 is the date.
        timeline explain 上週三 --ref-date 2025-11-20 --format json | jq '.mentions[0].value'
            The resolved value alone, for scripts.
    """
    from datetime import date

    from ..model import RefDate
    from ..timex.explain import explain

    out = Output(format, None, "original", color)
    prepare_output(out, ("text", "json"), terminal="text", pipe="text")
    text = re.sub("[\ud800-\udfff]", "\ufffd", text)  # bytes of the argument that were not UTF-8
    given = parse_ref_date(ref_date)
    ref = RefDate(given[0], "day", "option", clock=given[1]) if given else RefDate(date.today(), "day", "today")
    result = explain(text, ref)
    if out.format == "json":
        write_output(_as_json(result), out)
        return
    from .console import render_rich

    write_output(render_rich(_as_rich(result), out), out)


def _as_json(result) -> str:
    import json

    from ..render.jsonout import mention_dict

    payload = {
        "text": result.text,
        "ref_date": result.ref.iso() if result.ref else None,
        "ref_date_source": result.ref.source if result.ref else None,
        "script": result.script,
        "hits": [{"rule": h.rule, "start": h.start, "end": h.end, "text": h.text, "kept": h.kept}
                 for h in result.hits],
        "mentions": [mention_dict(m) for m in result.mentions],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _as_rich(result):
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from ..render.dates import human_date
    from ..textsafe import printable

    ref = result.ref
    head = Text.assemble(("Text ", "bold"), printable(result.text), "\n",
                         ("Reference ", "bold"), f"{ref.iso()} ({ref.source})" if ref else "none",
                         ("   Script ", "bold"), result.script)
    hits = Table(title="Recognisers that fired", title_justify="left", header_style="bold")
    for column in ("Span", "Text", "Rule", "Kept"):
        hits.add_column(column)
    for h in result.hits:
        hits.add_row(f"{h.start}-{h.end}", printable(h.text), h.rule, "yes" if h.kept else Text("no (covered)", style="dim"))
    by_id = {m.id: m for m in result.mentions}
    parts = [head, hits]
    if not result.mentions:
        parts.append(Text("No dated mention found.", style="yellow"))
    for m in result.mentions:
        table = Table(title=f"{m.id}  {printable(m.text)}", title_justify="left", show_header=False, header_style="bold")
        table.add_column(style="bold")
        table.add_column()
        interval = f"{m.start_date or '…'} … {m.end_date or '…'}" if (m.start_date or m.end_date) else "—"
        anchor = m.anchor or "—"
        if m.anchor in by_id:
            anchor = f"{m.anchor} ({by_id[m.anchor].text} → {by_id[m.anchor].value})"
        rows = [
            ("Span", f"{m.start}-{m.end}"), ("Type", m.type), ("Value", m.value), ("Mod", m.mod or "—"),
            ("Reads as", human_date(m.value, m.mod, m.granularity) if m.type in ("DATE", "TIME") else "—"),
            ("Interval", interval), ("Granularity", m.granularity or "—"),
            ("Duration", f"{m.duration}" + (f" … {m.duration_max}" if m.duration_max else "") if m.duration else "—"),
            ("Anchor", anchor), ("Rule", m.rule), ("Certainty", m.certainty),
        ]
        if m.time.qualifier:
            rows.append(("Qualifier", m.time.qualifier))
        for key, value in rows:
            table.add_row(key, value)
        parts.append(table)
    return Group(*parts)


def register(app: typer.Typer) -> None:
    app.command("explain")(explain_command)
