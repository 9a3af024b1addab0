"""timeline show: one event in full, with the reasoning behind its date."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import (
    EncodingOpt,
    EntitiesOpt,
    GlobOpt,
    JobsOpt,
    OutputOpt,
    Paths,
    QuietOpt,
    RefDateOpt,
    ScriptOpt,
    check_choice,
    exit_code,
    fail_usage,
    load,
    write_output,
)
from .verbose import Report, VerboseOpt


def show_command(
    event_id: Annotated[str, typer.Argument(metavar="ID", help="An event id from timeline list (e-2f35f5dab5962556), or a unique prefix.")],
    paths: Paths = None,
    ref_date: RefDateOpt = None,
    format: Annotated[str, typer.Option("--format", "-f", metavar="text|json", help="Output format.")] = "text",
    output: OutputOpt = None,
    script: ScriptOpt = "original",
    entities: EntitiesOpt = None,
    encoding: EncodingOpt = None,
    glob: GlobOpt = None,
    color: Annotated[str, typer.Option("--color", metavar="auto|always|never", help="Colour (NO_COLOR is honoured).")] = "auto",
    quiet: QuietOpt = False,
    jobs: JobsOpt = 1,
    verbose: VerboseOpt = False,
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
        timeline show e-2f35f5dab5962556
            The seed article's event e-2f35f5dab5962556 (Llama 4 delayed, April 2025).
        timeline show e-2f35 seeds/000_baa26c5ea6ec9896.txt --format json
            The same event as JSON, with its mentions and aliases, found by a prefix of its id.
    """
    from ..events.entities import load_table

    check_choice("--format", format, ("text", "json"))
    report = Report(verbose, quiet)
    inputs = load(paths, ref_date=ref_date, encoding=encoding, glob=glob, entities=entities, quiet=quiet, jobs=jobs)
    report.loaded(inputs)
    events = inputs.timeline()
    matches = [e for e in events if e.id == event_id] or [e for e in events if e.id.startswith(event_id)]
    if not matches:
        fail_usage(f"no event {event_id!r} in these inputs; list the ids with: timeline list --format plain | cut -f9")
    if len(matches) > 1:
        fail_usage(f"{event_id!r} matches {len(matches)} events ({', '.join(e.id for e in matches[:5])}); give more of the id")
    event = matches[0]
    mentions = {(a.document.path, m.id): m for a in inputs.analyses for m in a.mentions}
    table = load_table(entities)
    if format == "json":
        write_output(_as_json(event, mentions, table, script), output)
    else:
        from .console import render_rich

        write_output(render_rich(_as_rich(event, mentions, table, script), color=color,
                                 to_file=output is not None), output)
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
    facts = Table(show_header=False, title=f"{event.id}  {convert(event.title, script)}", title_justify="left")
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
    parts = [facts, Text("Evidence", style="bold")]
    for ev in event.evidence:
        sentence = Text(convert(ev.sentence, script))
        if ev.mention_start is not None and ev.mention_end is not None:
            sentence.stylize("bold reverse", ev.mention_start - ev.start, ev.mention_end - ev.start)
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
