"""The actors of a sentence, as the article writes them, under their canonical ids."""

from __future__ import annotations

from ..lazyre import lazy_compile
from ..model import Actor
from ..script import has_simplified, to_traditional
from .entities import DocEntities, find_actors
from .sentences import Span


def sentence_actors(text: str, view: str, sentence: Span, table: DocEntities,
                    script: str = "hans") -> list[tuple[Actor, str]]:
    """The actors a sentence names, each under its canonical id but with the name as this
    article writes it (川普 in a Taiwan article, 特朗普 in a mainland one)."""
    out = []
    seen: set[str] = set()
    for start, end, actor, kind in find_actors(view, sentence.start, sentence.end, table):
        if actor.id in seen or _SOURCE_AFTER.match(view, end):
            continue  # 新華社報導，…: the agency that tells it is its source, not an actor of it
        seen.add(actor.id)
        entity = table.table.get(actor.id)
        written = text[start:end].strip()
        if entity is None:
            if written and len(written) >= 3 and written != actor.name and actor.name.endswith(written):
                actor = Actor(actor.id, written)  # 廈門市中級人民法院 where the article says so, 福建省… elsewhere
        elif written and not _is_bare_short_alias(written, actor.name):
            actor = Actor(actor.id, written)
        elif script in ("hant", "mixed"):
            actor = Actor(actor.id, entity.hant or name_in_traditional(actor.name))
        out.append((actor, kind))
    return out


# A news organisation named as the teller: 新华社报道, 路透社引述, 美联社电.
_SOURCE_AFTER = lazy_compile(r"(?<=[社网报台])\s*(?:报道|报导|引述|电(?![视台力器脑网])|讯|消息称|披露)")


def _is_bare_short_alias(written: str, name: str) -> bool:
    """A one-character or nickname-like mention (小扎) is shown by the entity's name."""
    return len(written) < 2 or (len(written) == 2 and written.startswith("小") and written != name)


def name_in_traditional(name: str) -> str:
    """For entities without a `hant` name in their table (the user's own)."""
    return to_traditional(name) if has_simplified(name) else name


def unique_actors(actors: list[Actor]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for actor in actors:
        seen.setdefault(actor.id, actor)
    return list(seen.values())
