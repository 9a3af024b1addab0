"""The model's dataclasses as JSON text and back, for the stores.

A value is written as the list of its fields in declaration order (dates and times as ISO
text, nested dataclasses the same way), so that a stored event is compact and a reader
needs nothing but the model to decode it. Reading checks every field's type: a damaged or
foreign row is a StoreError, never a crash or an object of the wrong shape. Nothing is
ever evaluated or unpickled.
"""

from __future__ import annotations

import json
import types
import typing
from dataclasses import fields, is_dataclass
from datetime import date, time
from functools import cache

from ..model import Actor, Document, Event, EventDate, Evidence, Mention, RefDate, TimeValue


class StoreError(Exception):
    """A stored row that cannot be what it claims to be."""


def dumps(value) -> str:
    return json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":"))


def loads(kind: type, text: str):
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError, TypeError):
        raise StoreError(f"a stored {kind.__name__} is not JSON") from None
    return _build(kind, data)


def _plain(value):
    if is_dataclass(value):
        return [_plain(getattr(value, f.name)) for f in _stored_fields(type(value))]
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, (date, time)):
        return value.isoformat()
    return value


@cache
def _stored_fields(cls) -> tuple:
    """The fields written: all but Event.extra (a scratch dict, never shown)."""
    return tuple(f for f in fields(cls) if f.name != "extra")


@cache
def _hints(cls) -> dict:
    return typing.get_type_hints(cls)


def _build(kind, data):
    if is_dataclass(kind):
        names = _stored_fields(kind)
        if not isinstance(data, list) or len(data) != len(names):
            raise StoreError(f"a stored {kind.__name__} has the wrong shape")
        hints = _hints(kind)
        return kind(**{f.name: _build(hints[f.name], item) for f, item in zip(names, data, strict=True)})
    return _value(kind, data)


def _value(kind, data):
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(kind)
        if data is None and type(None) in options:
            return None
        for option in options:
            if option is not type(None):
                return _value(option, data)
    if origin is tuple:
        inner = typing.get_args(kind)[0]
        if not isinstance(data, list):
            raise StoreError("a stored list is not a list")
        return tuple(_build(inner, item) for item in data)
    if is_dataclass(kind):
        return _build(kind, data)
    if kind is date or kind is time:
        try:
            return kind.fromisoformat(data)
        except (TypeError, ValueError):
            raise StoreError(f"a stored {kind.__name__} is not one: {data!r}") from None
    if kind is dict:
        return {}
    if kind is int and isinstance(data, int) and not isinstance(data, bool):
        return data
    if kind is str and isinstance(data, str):
        return data
    if kind is bool and isinstance(data, bool):
        return data
    raise StoreError(f"a stored value is not a {getattr(kind, '__name__', kind)}: {data!r}"[:200])


# The kinds the stores keep (decoding only ever builds these).
KINDS = (Document, RefDate, Mention, TimeValue, Event, EventDate, Actor, Evidence)
