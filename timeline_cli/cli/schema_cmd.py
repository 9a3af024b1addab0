"""timeline schema: print the JSON Schemas of the output contract."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import OutputOpt, check_choice, write_output
from .help import EXIT_STATUS

SCHEMAS = {"events": "events.v1.json", "mentions": "mentions.v1.json"}


def schema_text(name: str) -> str:
    from importlib import resources

    return resources.files("timeline_cli").joinpath("data/schemas", SCHEMAS[name]).read_text(encoding="utf-8")


def schema_command(
    name: Annotated[str | None, typer.Argument(metavar="[events|mentions]",
                                               help="Which schema; default: both, as one JSON object.")] = None,
    output: OutputOpt = None,
) -> None:
    """Print the JSON Schemas that every JSON output validates against.

    [bold]Examples[/bold]

      timeline schema events > events.schema.json
      timeline schema | jq 'keys'
    """
    import json

    if name is not None:
        check_choice("schema", name, tuple(SCHEMAS))
        write_output(schema_text(name), output)
        return
    both = {key: json.loads(schema_text(key)) for key in SCHEMAS}
    write_output(json.dumps(both, ensure_ascii=False, indent=2) + "\n", output)


schema_command.__doc__ += "\n" + EXIT_STATUS


def register(app: typer.Typer) -> None:
    app.command("schema")(schema_command)
