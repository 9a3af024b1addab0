"""The JSON Schemas (draft 2020-12) of every JSON the tool prints, read from data/schemas/.

Four are files, each at its newest version (events.v2.json wins over events.v1.json):
events, mentions, actors and explain. Two are derived from the events schema when asked
for, so that a new version of the events contract (new statuses, a new field) carries
over to them without an edit here:

- events-line: one line of `timeline list --format jsonl`, the events schema's event;
- show: `timeline show ID --format json`, that event plus reasoning, mentions, aliases.

A schema that refers to another one by its $id (explain's mentions) is printed bundled:
the other schema is embedded under $defs, so the output validates offline and alone.
"""

from __future__ import annotations

import copy
import json
import re
from functools import cache

FILES = ("events", "mentions", "actors", "explain")
NAMES = ("events", "events-line", "mentions", "actors", "show", "explain")
DRAFT = "https://json-schema.org/draft/2020-12/schema"
_VERSIONED = re.compile(r"(?P<name>[a-z-]+)\.v(?P<version>\d+)\.json")


@cache
def newest_files() -> dict[str, str]:
    """name → the file of its newest version in data/schemas/."""
    from importlib import resources

    return newest(entry.name for entry in resources.files("timeline_cli").joinpath("data/schemas").iterdir())


def newest(files) -> dict[str, str]:
    """name → the file of its newest version, among names such as events.v1.json."""
    found: dict[str, tuple[int, str]] = {}
    for file in files:
        m = _VERSIONED.fullmatch(file)
        if m and int(m["version"]) > found.get(m["name"], (0, ""))[0]:
            found[m["name"]] = (int(m["version"]), file)
    return {name: file for name, (_, file) in found.items()}


def file_text(name: str) -> str:
    from importlib import resources

    return resources.files("timeline_cli").joinpath("data/schemas", newest_files()[name]).read_text(encoding="utf-8")


def schema(name: str) -> dict:
    """The schema by name (one of NAMES), self-contained."""
    if name == "events-line":
        return events_line(schema("events"))
    if name == "show":
        return show(schema("events"))
    if name not in FILES:
        raise KeyError(name)
    return bundled(json.loads(file_text(name)))


def schema_text(name: str) -> str:
    """What `timeline schema NAME` prints: a file as it is written, a derived schema as indented JSON."""
    if name in FILES and not external_refs(json.loads(file_text(name))):
        return file_text(name)
    return json.dumps(schema(name), ensure_ascii=False, indent=2) + "\n"


# --- derived schemas ---------------------------------------------------------------------------------


def sibling_id(events: dict, name: str) -> str:
    """The $id of a schema derived from the events schema, at the same version: …/events-line/v1."""
    return re.sub(r"/events/(v\d+)$", rf"/{name}/\1", events["$id"])


def events_line(events: dict) -> dict:
    """One JSON Lines event: the events schema's $defs/event, with the definitions it uses."""
    return {
        "$schema": DRAFT,
        "$id": sibling_id(events, "events-line"),
        "title": events.get("title", "timeline-cli events").replace("events", "event line", 1),
        "description": "One line of `timeline list --format jsonl`: one event, as in the events schema "
                       f"({events['$id']}), without the envelope.",
        "$ref": "#/$defs/event",
        "$defs": copy.deepcopy(events["$defs"]),
    }


def show(events: dict) -> dict:
    """`timeline show --format json`: the event of the events schema, with its reasoning, mentions and aliases."""
    mention = json.loads(file_text("mentions"))["$id"] + "#/$defs/mention"
    defs = copy.deepcopy(events["$defs"])
    event = defs.pop("event")
    event["properties"].update({
        "reasoning": {
            "type": "object",
            "required": ["rule", "anchor"],
            "additionalProperties": False,
            "description": "How the date was reached: the resolution rule and what it was resolved against.",
            "properties": {
                "rule": {"type": ["string", "null"]},
                "anchor": {"type": ["string", "null"],
                           "description": "ref_date, the id of the mention it was resolved against, or null."},
            },
        },
        "mentions": {"type": "array", "items": {"$ref": mention},
                     "description": "The date mentions of the evidence, as in the mentions schema."},
        "aliases": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}},
                    "description": "Every actor's id → its names in the alias table (the name as written "
                                   "for an actor the table does not know)."},
    })
    event["required"] = [*event["required"], "reasoning", "mentions", "aliases"]
    return bundled({
        "$schema": DRAFT,
        "$id": sibling_id(events, "show"),
        "title": "timeline-cli show",
        "description": "Output of `timeline show ID --format json`: one event as in the events schema "
                       f"({events['$id']}), with the reasoning behind its date, its mentions and its actors' aliases.",
        **event,
        "$defs": defs,
    })


# --- bundling ----------------------------------------------------------------------------------------


def external_refs(node) -> set[str]:
    """The $ids (without fragment) of other schemas a schema refers to."""
    found: set[str] = set()
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and not ref.startswith("#"):
            found.add(ref.split("#", 1)[0])
        for value in node.values():
            found |= external_refs(value)
    elif isinstance(node, list):
        for value in node:
            found |= external_refs(value)
    return found


def bundled(root: dict) -> dict:
    """The schema with every schema it refers to embedded under $defs (keyed by name), found by
    $id; a 2020-12 validator resolves the references to the embedded copies."""
    names = {json.loads(file_text(name))["$id"]: name for name in FILES}
    out = copy.deepcopy(root)
    done, pending = {out["$id"]}, sorted(external_refs(out))
    while pending:
        uri = pending.pop()
        if uri in done:
            continue
        if uri not in names:
            raise KeyError(f"no schema has the $id {uri}")
        embedded = json.loads(file_text(names[uri]))
        embedded.pop("$schema", None)
        out.setdefault("$defs", {})[names[uri]] = embedded
        done.add(uri)
        pending += sorted(external_refs(embedded))
    return out
