"""timeline schema: print the JSON Schemas of the output contract."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import check_choice, prepare_output, write_output
from .options import OUTPUT, Output, uses

SCHEMAS = {"events": "events.v2.json", "mentions": "mentions.v1.json"}


def schema_text(name: str) -> str:
    from importlib import resources

    return resources.files("timeline_cli").joinpath("data/schemas", SCHEMAS[name]).read_text(encoding="utf-8")


@uses()
def schema_command(
    name: Annotated[str | None, typer.Argument(metavar="[events|mentions]",
                                               help="Which schema; default: both, as one JSON object.")] = None,
    output: OUTPUT.annotation = None,
) -> None:
    """Print the JSON Schemas that every JSON output validates against.

    events is the schema of timeline list --format json (and of each line of
    jsonl); mentions that of timeline mentions --format json. Without a name, both,
    as one JSON object keyed by name. A change that breaks a schema gets a new version
    (events/v2), so a program can rely on the one it was written for.

    Examples:
        timeline schema events --output events.schema.json
            The events schema, into a file.
        timeline schema | jq 'keys'
            The names of the schemas.
    """
    import json

    out = Output(None, output)
    prepare_output(out, ("json",), terminal="json", pipe="json")
    if name is not None:
        name = check_choice("schema", name, tuple(SCHEMAS))
        write_output(schema_text(name), out)
        return
    both = {key: json.loads(schema_text(key)) for key in SCHEMAS}
    write_output(json.dumps(both, ensure_ascii=False, indent=2) + "\n", out)


def register(app: typer.Typer) -> None:
    app.command("schema")(schema_command)
