"""What the export formats (csv, markdown, ics, timelinejs) share: an event's fields as the
reader should see them, in the script they asked for."""

from __future__ import annotations

from ..model import Event
from ..script import convert
from .dates import human_date, label_in_hant


def label_script(ctx) -> str:
    """The script of date labels: as asked, else (original) the script most inputs are in.

    human_date speaks Simplified; a Traditional article gets Traditional labels, as in the table.
    `ctx` is anything with `script` and `analyses`.
    """
    return labels_for(ctx.script, ctx.analyses)


def labels_for(script: str, analyses) -> str:
    if script in ("hant", "hans"):
        return script
    # An index's analyses answer this from SQL, without building every document (cli/indexed.py).
    scripts = analyses.scripts() if hasattr(analyses, "scripts") else [a.document.script for a in analyses]
    mostly_traditional = bool(scripts) and sum(s in ("hant", "mixed") for s in scripts) * 2 >= len(scripts)
    return "hant" if mostly_traditional else "hans"


def date_label(event: Event, labels: str) -> str:
    d = event.date
    label = human_date(d.value, d.mod, d.granularity)
    return label_in_hant(label) if labels == "hant" else label


def title(event: Event, script: str) -> str:
    return convert(event.title, script)


def actor_names(event: Event, script: str) -> list[str]:
    return [convert(a.name, script) for a in event.actors]


def source_paths(event: Event) -> list[str]:
    """Every file the event's evidence comes from, in order, once each."""
    return list(dict.fromkeys(ev.path for ev in event.evidence))


def sentences(event: Event, script: str) -> list[str]:
    return [convert(ev.sentence, script) for ev in event.evidence]


def timeline_title(ctx) -> str:
    """The inputs' titles (from their metadata), else a plain name."""
    titles = [a.document.title for a in ctx.analyses if a.document.title]
    return " / ".join(convert(t, ctx.script) for t in titles) if titles else "Timeline"
