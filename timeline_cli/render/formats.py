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
    from .fields import label_script
    from .plain import events_plain

    return events_plain(events, ctx.script, labels=label_script(ctx))


def render_csv(events, ctx: RenderContext) -> str:
    from .csv_out import events_csv

    return events_csv(events, ctx)


def render_markdown(events, ctx: RenderContext) -> str:
    from .markdown import events_markdown

    return events_markdown(events, ctx)


def render_ics(events, ctx: RenderContext) -> str:
    from .ics import events_ics

    return events_ics(events, ctx)


def render_timelinejs(events, ctx: RenderContext) -> str:
    from .timelinejs import events_timelinejs

    return events_timelinejs(events, ctx)


# Text formats, in the order the help lists them; `table` is rendered by the CLI with Rich.
TEXT_FORMATS = {
    "plain": render_plain,
    "json": render_json,
    "jsonl": render_jsonl,
    "csv": render_csv,
    "markdown": render_markdown,
    "ics": render_ics,
    "timelinejs": render_timelinejs,
}
