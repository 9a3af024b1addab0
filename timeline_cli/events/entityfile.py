"""Entity files (the shipped table, --entities FILE, the user's config): read and checked.

A file is a TOML array of tables:

    [[entity]]
    id = "jinchen"          # optional: made from the name
    name = "晶辰半导体"      # required, not blank
    kind = "org"            # optional: person | org | product | place | other
    hant = "晶辰半導體"      # optional: the name shown in Traditional articles
    aliases = ["晶辰"]       # optional: strings, none blank

The first problem found is reported with its key path (entity[2].aliases[0]), because
a blank alias would otherwise match everywhere and attach that entity to most events.
"""

from __future__ import annotations

import re
import tomllib

from ..model import Entity

KINDS = ("person", "org", "product", "place", "other")
_KEYS = ("id", "name", "kind", "hant", "aliases")


class EntityFileError(Exception):
    pass


def parse_entities(text: str, where: str) -> dict[str, Entity]:
    """The entities of one file by id; raises EntityFileError naming the first problem."""
    text = text.removeprefix("\ufeff")  # a UTF-8 BOM, as Windows editors write it
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise EntityFileError(f"{where} is not valid TOML: {exc}") from exc
    except RecursionError:
        raise EntityFileError(f"{where}: arrays or tables nested too deeply") from None
    return entities_from_data(data, where)


def entities_from_data(data: dict, where: str) -> dict[str, Entity]:
    """parse_entities of a file already read into a dict."""
    items = data.get("entity", [])
    if not isinstance(items, list):
        raise EntityFileError(f"{where}: entity must be an array of tables ([[entity]]), not {_kind(items)}")
    out: dict[str, Entity] = {}
    for number, item in enumerate(items):
        entity = _entity(item, f"entity[{number}]", where)
        out[entity.id] = entity
    return out


def _entity(item, path: str, where: str) -> Entity:
    def problem(key: str, message: str) -> EntityFileError:
        return EntityFileError(f"{where}: {path}{key} {message}")

    if not isinstance(item, dict):
        raise problem("", f"must be a table of id, name, kind and aliases, not {_kind(item)}")
    for key in item:
        if key not in _KEYS:
            raise problem(f".{key}", f"is not a key of an entity (use {', '.join(_KEYS)})")
    if "name" not in item:
        raise problem("", "needs a name")
    name = _text(item["name"], lambda m: problem(".name", m))
    entity_id = _text(item["id"], lambda m: problem(".id", m)) if "id" in item else slug(name)
    kind = _text(item["kind"], lambda m: problem(".kind", m)) if "kind" in item else "other"
    if kind not in KINDS:
        raise problem(".kind", f"is {kind!r}; use one of {', '.join(KINDS)}")
    hant = _text(item["hant"], lambda m: problem(".hant", m)) if "hant" in item else ""
    aliases = item.get("aliases", [])
    if not isinstance(aliases, list):
        raise problem(".aliases", f"must be an array of strings, not {_kind(aliases)}")
    checked = [_text(alias, lambda m, i=i: problem(f".aliases[{i}]", m)) for i, alias in enumerate(aliases)]
    return Entity(entity_id, name, kind, tuple(dict.fromkeys([name, *checked])), hant)


def _text(value, problem) -> str:
    """A string with something in it besides blanks, stripped."""
    if not isinstance(value, str):
        raise problem(f"must be a string, not {_kind(value)}")
    if not value.strip():
        raise problem("is blank (a blank name or alias would match everywhere)")
    return value.strip()


def _kind(value) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, str):
        return "a string"
    return f"a {type(value).__name__}"


def slug(name: str) -> str:
    return re.sub(r"[^0-9a-z\u4e00-\u9fff]+", "-", name.casefold()).strip("-") or "entity"
