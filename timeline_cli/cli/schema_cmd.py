"""timeline schema: print the JSON Schemas of the output contract."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import check_choice, prepare_output, write_output
from .options import OUTPUT, Output, uses

# The same as timeline_cli.schemas.NAMES, kept here so that --help imports nothing more.
NAMES = ("events", "events-line", "mentions", "actors", "show", "explain")


@uses()
def schema_command(
    name: Annotated[str | None, typer.Argument(metavar="[" + "|".join(NAMES) + "]",
                                               help="Which schema; default: all, as one JSON object.")] = None,
    output: OUTPUT.annotation = None,
) -> None:
    """Print the JSON Schemas (draft 2020-12) that every JSON output validates against.

    events is the schema of timeline list --format json, and events-line that of
    each line of --format jsonl (one event, derived from the events schema); mentions
    that of timeline mentions --format json; actors, show and explain those of the
    commands of those names with --format json. Each schema is self-contained: one it
    refers to is embedded. Without a name, all of them, as one JSON object keyed by
    name. A change that breaks a schema gets a new version (events/v2), so a program
    can rely on the one it was written for.

    Examples:
        timeline schema events --output events.schema.json
            The events schema, into a file.
        timeline schema | jq 'keys'
            The names of the schemas.
        timeline schema events-line --output line.schema.json
            The schema of one line of timeline list --format jsonl, into a file.
    """
    import json

    from ..schemas import schema, schema_text

    out = Output(None, output)
    prepare_output(out, ("json",), terminal="json", pipe="json")
    if name is not None:
        name = check_choice("schema", name, NAMES)
        write_output(schema_text(name), out)
        return
    every = {key: schema(key) for key in NAMES}
    write_output(json.dumps(every, ensure_ascii=False, indent=2) + "\n", out)


def register(app: typer.Typer) -> None:
    app.command("schema")(schema_command)
