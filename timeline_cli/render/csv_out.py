"""CSV for spreadsheets: UTF-8 with a BOM (so Excel reads Chinese), RFC 4180 quoting, CRLF."""

from __future__ import annotations

import csv
import io

from ..model import Event
from ..script import convert
from .fields import actor_names, date_label, label_script, source_paths, title

COLUMNS = ("id", "start_date", "end_date", "date", "value", "mod", "certainty", "title", "type",
           "status", "actors", "sources", "evidence", "path")


def events_csv(events: list[Event], ctx) -> str:
    """A header, then one row per event; `evidence` is the first sentence, `path` every file the
    event was told in (separated by "; "), `sources` their number."""
    labels = label_script(ctx)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # QUOTE_MINIMAL: quotes only what needs it
    writer.writerow(COLUMNS)
    for e in events:
        d = e.date
        writer.writerow((
            e.id,
            d.start_date.isoformat() if d.start_date else "",
            d.end_date.isoformat() if d.end_date else "",
            date_label(e, labels), d.value, d.mod or "", d.certainty,
            title(e, ctx.script), e.type, e.status,
            "; ".join(actor_names(e, ctx.script)), e.sources,
            convert(e.evidence[0].sentence, ctx.script) if e.evidence else "",
            "; ".join(source_paths(e)),
        ))
    return "\ufeff" + out.getvalue()
