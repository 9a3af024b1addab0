"""The event output formats `timeline list --format` offers, and the function behind each.

Each renderer takes (events, context) and returns the whole output as text;
`context` carries the analyses, the input errors and the requested script.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RenderContext:
    """What the renderers need besides the events: the analyses, problems and output script."""

    analyses: list
    errors: list
    script: str = "original"


def render_json(events, ctx: RenderContext) -> str:
    from .jsonout import dumps, events_payload

    return dumps(events_payload(events, ctx.analyses, ctx.errors, ctx.script))


def render_jsonl(events, ctx: RenderContext) -> str:
    return "".join(jsonl_lines(events, ctx))


def render_plain(events, ctx: RenderContext) -> str:
    return "".join(plain_lines(events, ctx))


def jsonl_lines(events, ctx: RenderContext):
    from . import jsonout

    return jsonout.jsonl_lines(events, ctx.script)


def plain_lines(events, ctx: RenderContext):
    from . import plain
    from .fields import label_script

    return plain.plain_lines(events, ctx.script, labels=label_script(ctx))


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

# Formats written a line at a time (an iterable of lines, each with its newline), so that a
# long timeline never has to be held whole as text.
LINE_FORMATS = {"plain": plain_lines, "jsonl": jsonl_lines}
