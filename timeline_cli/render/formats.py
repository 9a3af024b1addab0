"""The event output formats `timeline list --format` offers, and the function behind each.

Each renderer takes (events, context) and returns the whole output as text;
`context` carries the analyses, the input errors and the requested script.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RenderContext:
    analyses: list
    errors: list
    script: str = "original"


def render_json(events, ctx: RenderContext) -> str:
    from .jsonout import dumps, events_payload

    return dumps(events_payload(events, ctx.analyses, ctx.errors, ctx.script))


def render_jsonl(events, ctx: RenderContext) -> str:
    from .jsonout import events_jsonl

    return events_jsonl(events, ctx.script)


def render_plain(events, ctx: RenderContext) -> str:
    from .plain import events_plain

    return events_plain(events, ctx.script)


# Text formats, in the order the help lists them; `table` is rendered by the CLI with Rich.
TEXT_FORMATS = {
    "plain": render_plain,
    "json": render_json,
    "jsonl": render_jsonl,
}
