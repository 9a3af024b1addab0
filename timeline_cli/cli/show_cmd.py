"""timeline show: one event in full, with the reasoning behind its date."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import exit_code, fail_usage, load, prepare_output, write_output
from .options import MANNERS, READING, Manners, Output, Reading, output_group, uses
from .verbose import Report


@uses(READING, output_group(("text", "json")), MANNERS)
def show_command(
    read: Reading, out: Output, manners: Manners,
    event_id: Annotated[str, typer.Argument(
        metavar="ID", help="An event id from timeline list (the last field of its plain output), or a unique prefix.")],
) -> None:
    """Show one event in full: how its date was reached, its sentences and its actors.

    The date's value, interval, certainty, rule and anchor (the mention it was
    resolved against); each source with its path and place in the file
    (path:start-end), its sentence with the date highlighted and the date that
    sentence gives; each actor with its aliases. An id depends only on the articles'
    contents, never on their paths (ai/x.txt, ./ai/x.txt and /abs/ai/x.txt give one
    id), so an id from timeline list works here with the same articles; a unique
    prefix of it is enough. A merged event's id comes from its members' ids.

    Examples:
        timeline list --format plain | cut -f9
            The ids of the seed article's events.
        timeline list -f plain -g 延期 | cut -f9 | xargs timeline show
            The seed's event whose title says 延期 (Llama 4 delayed, April 2025), by its id.
        timeline list -f plain -g 延期 | cut -f9 | cut -c1-8 | xargs timeline show -f json
            The same event as JSON, with its mentions and aliases, found by a prefix of its id.
    """
    from pathlib import Path

    from ..events.entities import load_table

    prepare_output(out, ("text", "json"), terminal="text", pipe="text", read=read)
    report = Report(manners)
    inputs = load(read, manners)
    report.loaded(inputs)
    matches = inputs.find(event_id)
    if not matches:
        fail_usage(f"no event {event_id!r} in these inputs; list the ids with: timeline list --format plain | cut -f9")
    if len(matches) > 1:
        fail_usage(f"{event_id!r} matches {len(matches)} events ({', '.join(e.id for e in matches[:5])}); give more of the id")
    event = matches[0]
    mentions = inputs.mentions_for(event)
    table = load_table(Path(read.entities) if read.entities else None)
    if out.format == "json":
        write_output(_as_json(event, mentions, table, out.script), out)
    else:
        from ..render.safe import displayable_events
        from .console import render_rich

        shown = displayable_events([event])[0]
        write_output(render_rich(_as_rich(shown, mentions, table, out.script), out, wrap=False), out)
    report.done(1)
    raise typer.Exit(exit_code(inputs))


def _anchor_text(event, mentions) -> str:
    first = event.evidence[0] if event.evidence else None
    if event.anchor in (None, "ref_date") or first is None:
        return event.anchor or "—"
    anchor = mentions.get((first.path, event.anchor))
    return f"{event.anchor} ({anchor.text} → {anchor.value})" if anchor else event.anchor


def _as_json(event, mentions, table, script) -> str:
    import json

    from ..render.jsonout import event_dict, mention_dict

    payload = event_dict(event, script)
    payload["reasoning"] = {"rule": event.rule, "anchor": event.anchor}
    payload["mentions"] = [mention_dict(mentions[(ev.path, ev.mention)]) for ev in event.evidence
                           if (ev.path, ev.mention) in mentions]
    payload["aliases"] = {a.id: list(table.get(a.id).aliases) if table.get(a.id) else [a.name]
                          for a in event.actors}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _as_rich(event, mentions, table, script):
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from ..render.dates import human_date
    from ..script import convert

    d = event.date
    heading = Text(f"{event.id}  {convert(event.title, script)}", style="italic")
    facts = Table(show_header=False)
    facts.add_column(style="bold")
    facts.add_column()
    interval = f"{d.start_date or '…'} … {d.end_date or '…'}" if (d.start_date or d.end_date) else "—"
    for key, value in [
        ("Date", human_date(d.value, d.mod, d.granularity)), ("Value", d.value + (f" ({d.mod})" if d.mod else "")),
        ("Interval", interval), ("Certainty", d.certainty), ("Rule", event.rule or "—"),
        ("Anchor", _anchor_text(event, mentions)), ("Type", event.type), ("Status", event.status),
        *([("Place", convert(event.place, script))] if event.place else []),
        ("Sources", str(event.sources)),
    ]:
        facts.add_row(key, value)
    parts = [heading, facts, Text("Evidence", style="bold")]
    for ev in event.evidence:
        sentence = Text(convert(ev.sentence, script))
        phrase = ev.phrase_in_sentence()
        if phrase is not None:
            sentence.stylize("bold reverse", *phrase)
        gave = ""
        if ev.date is not None:
            gave = f"[{human_date(ev.date.value, ev.date.mod, None)}] "
        parts.append(Text.assemble((f"{ev.path}:{ev.start}-{ev.end} ", "dim"), (gave, "bold"), sentence))
    if event.actors:
        parts.append(Text("Actors", style="bold"))
        for actor in event.actors:
            entity = table.get(actor.id)
            aliases = "、".join(entity.aliases) if entity else "(found in the text, not in the alias table)"
            parts.append(Text.assemble((convert(actor.name, script), "bold"), f"  {aliases}"))
    return Group(*parts)


def register(app: typer.Typer) -> None:
    app.command("show")(show_command)
