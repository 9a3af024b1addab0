"""Entities: the alias table, user additions, and heuristics for names not in it."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..model import Actor, Entity
from ..script import simplified_view


class EntityFileError(Exception):
    pass


@dataclass(frozen=True)
class EntityTable:
    entities: tuple[Entity, ...]
    pattern: re.Pattern | None
    by_alias: dict  # simplified, case-folded alias -> entity id

    def get(self, entity_id: str) -> Entity | None:
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        return None

    def lookup(self, name: str) -> Entity | None:
        """The entity a name (any alias, either script, any case) stands for."""
        key = _key(name)
        entity_id = self.by_alias.get(key)
        if entity_id is None:
            for entity in self.entities:
                if _key(entity.name) == key or _key(entity.id) == key:
                    return entity
            return None
        return self.get(entity_id)


def _key(name: str) -> str:
    return simplified_view(name).casefold().strip()


def user_entities_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "timeline-cli" / "entities.toml"


def load_table(extra: Path | None = None) -> EntityTable:
    """The shipped table, plus the user's config file, plus --entities FILE (later ones extend)."""
    raw = resources.files("timeline_cli").joinpath("data/entities.toml").read_text(encoding="utf-8")
    entries = _parse(raw, "the shipped entity table")
    config = user_entities_path()
    for path in (config if config.is_file() else None, extra):
        if path is None:
            continue
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise EntityFileError(f"cannot read entities file {path}: {exc}") from exc
        for entry in _parse(text, str(path)):
            entries[entry.id] = _extend(entries.get(entry.id), entry)
    return _compile(tuple(entries.values()))


def _parse(text: str, where: str) -> dict[str, Entity]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise EntityFileError(f"{where} is not valid TOML: {exc}") from exc
    out: dict[str, Entity] = {}
    for item in data.get("entity", []):
        if not isinstance(item, dict) or "name" not in item:
            raise EntityFileError(f"{where}: every [[entity]] needs a name")
        aliases = item.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise EntityFileError(f"{where}: aliases of {item['name']!r} must be a list of strings")
        entity_id = str(item.get("id") or _slug(item["name"]))
        out[entity_id] = Entity(entity_id, str(item["name"]), str(item.get("kind", "other")),
                                tuple(dict.fromkeys([item["name"], *aliases])))
    return out


def _extend(old: Entity | None, new: Entity) -> Entity:
    if old is None:
        return new
    return Entity(old.id, new.name or old.name, new.kind if new.kind != "other" else old.kind,
                  tuple(dict.fromkeys(old.aliases + new.aliases)))


def _slug(name: str) -> str:
    return re.sub(r"[^0-9a-z\u4e00-\u9fff]+", "-", name.casefold()).strip("-") or "entity"


@lru_cache(maxsize=4)
def _compile_cached(entities: tuple[Entity, ...]) -> EntityTable:
    by_alias: dict[str, str] = {}
    for entity in entities:
        for alias in entity.aliases:
            by_alias.setdefault(_key(alias), entity.id)
    if not by_alias:
        return EntityTable(entities, None, by_alias)
    parts = []
    for alias in sorted(by_alias, key=len, reverse=True):
        escaped = re.escape(alias)
        if alias[:1].isascii() and alias[:1].isalnum():
            escaped = r"(?<![A-Za-z0-9])" + escaped
        if alias[-1:].isascii() and alias[-1:].isalnum():
            escaped += r"(?![A-Za-z0-9])"
        parts.append(escaped)
    return EntityTable(entities, re.compile("|".join(parts), re.IGNORECASE), by_alias)


def _compile(entities: tuple[Entity, ...]) -> EntityTable:
    return _compile_cached(entities)


# --- finding actors in a stretch of text -----------------------------------------------

_LATIN_NAME = re.compile(r"(?<![A-Za-z])([A-Z][a-z]+(?:[ \-·][A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2})(?![A-Za-z])")
_ORG = re.compile(r"([A-Za-z0-9\u4e00-\u9fff]{2,8}?)(公司|实验室|研究院|研究所|大学|集团|银行|协会|委员会|法院|俱乐部|足球俱乐部|航天局|交易所)")
_ORG_STOP = re.compile(r".*[的了在与和及将是由为把被对向从等其该这那一家新个位名所座内部外部旗下]")
_GENERIC = {"AI", "科技", "初创", "创业", "合资", "上市", "母", "子", "本", "大", "小", "两家", "多家", "人工智能",
            "该", "这家", "那家", "新", "一家", "其"}
_PERSON_PRONOUN = re.compile(r"[他她]")


def find_actors(view: str, start: int, end: int, table: EntityTable) -> list[tuple[int, Actor, str]]:
    """Actors in view[start:end] as (offset, actor, kind), known entities first, then heuristics."""
    found: list[tuple[int, Actor, str]] = []
    taken: list[tuple[int, int]] = []
    if table.pattern is not None:
        for m in table.pattern.finditer(view, start, end):
            entity = table.get(table.by_alias[m.group(0).casefold()])
            if entity is not None:
                found.append((m.start(), Actor(entity.id, entity.name), entity.kind))
                taken.append((m.start(), m.end()))
    for m in _LATIN_NAME.finditer(view, start, end):
        if _overlaps(m.start(), m.end(), taken):
            continue
        name = m.group(1)
        found.append((m.start(), Actor(_slug(name), name), "person"))
        taken.append((m.start(), m.end()))
    for m in _ORG.finditer(view, start, end):
        prefix = _ORG_STOP.sub("", m.group(1))
        if len(prefix) < 2 or prefix in _GENERIC:
            continue
        org_start = m.end() - len(prefix) - len(m.group(2))
        if _overlaps(org_start, m.end(), taken):
            continue
        name = view[org_start:m.end()]
        found.append((org_start, Actor(_slug(name), name), "org"))
        taken.append((org_start, m.end()))
    found.sort(key=lambda item: item[0])
    return found


def _overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < y and x < b for x, y in spans)


def has_person_pronoun(view: str, start: int, end: int) -> bool:
    return _PERSON_PRONOUN.search(view, start, end) is not None
