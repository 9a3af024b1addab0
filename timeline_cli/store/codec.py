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

from ..errors import ToolError
from ..model import Actor, Document, Event, EventDate, Evidence, Mention, RefDate, TimeValue


class StoreError(ToolError):
    """A stored row that cannot be what it claims to be: a damaged or foreign store (exit 2)."""

    exit_code = 2

    def __init__(self, message: str):
        super().__init__(f"damaged index or dataset: {message}")


def dumps(value) -> str:
    return json.dumps(encoder(type(value))(value), ensure_ascii=False, separators=(",", ":"))


def loads(kind: type, text: str):
    return decoder(kind)(parsed(kind, text))


def parsed(kind: type, text: str):
    """The JSON of a stored `kind`, not yet checked (decoder(kind) checks it)."""
    try:
        return json.loads(text)
    except (json.JSONDecodeError, RecursionError, TypeError):
        raise StoreError(f"a stored {kind.__name__} is not JSON") from None


def dumps_columns(kind: type, values) -> str:
    """A tuple of `kind` values as columns: per field, the list of its distinct values, then the
    position in that list of each value's own (null when every value is its own, in order). A
    merged event's thousands of evidence sentences repeat a few sentences, dates and paths, which
    are then stored (and decoded) once; a short tuple costs a list per field."""
    columns = []
    for (name, part), plain in zip(_field_encoders(kind), _field_plain_types(kind), strict=True):
        encoded = [getattr(value, name) for value in values]
        if plain is None:
            encoded = [part(item) for item in encoded]
        # Distinct by equality: values of one field share one type (the model has no int | bool field).
        keys = encoded if plain is not None else [_hashable(item) for item in encoded]
        distinct: dict = {}
        positions = [distinct.setdefault(key, len(distinct)) for key in keys]
        if len(distinct) == len(positions):
            columns += [encoded, None]
        else:
            columns += [[_unhashable(key) for key in distinct], positions]
    return json.dumps(columns, ensure_ascii=False, separators=(",", ":"))


def dumps_apart(value, name: str) -> str:
    """`value` with its field `name` stored as an empty value (stored apart; see loads_apart)."""
    return json.dumps([[] if field_name == name else part(getattr(value, field_name))
                       for field_name, part in _field_encoders(type(value))],
                      ensure_ascii=False, separators=(",", ":"))


def loads_columns(kind: type, text: str) -> tuple:
    """The values dumps_columns wrote; anything else is a StoreError."""
    data = parsed(kind, text)
    parts = _field_decoders(kind)
    if type(data) is not list or len(data) != 2 * len(parts):
        raise StoreError(f"stored {kind.__name__} columns have the wrong shape")
    columns = []
    try:
        for part, plain, distinct, positions in zip(parts, _field_plain_types(kind), data[::2], data[1::2], strict=True):
            if type(distinct) is not list:
                raise TypeError
            if plain is None:
                distinct = [part(item) for item in distinct]
            elif not set(map(type, distinct)) <= plain:  # the check `part` makes, over the column at once
                raise TypeError
            columns.append(distinct if positions is None else _placed(distinct, positions))
        if len(set(map(len, columns))) > 1:
            raise ValueError
        return tuple(map(kind, *columns))
    except (TypeError, ValueError, IndexError):  # a wrong shape or type, a position outside its values
        raise StoreError(f"stored {kind.__name__} columns are damaged") from None


def _placed(distinct: list, positions) -> list:
    if type(positions) is not list:
        raise TypeError
    if positions and (min(positions) < 0 or max(positions) >= len(distinct)):
        raise IndexError
    return list(map(distinct.__getitem__, positions))


def loads_apart(kind: type, text: str, name: str, value):
    """A stored `kind` whose field `name` was stored apart (as an empty value): `value`, decoded
    already, stands for it."""
    data = parsed(kind, text)
    parts = _field_decoders(kind)
    if type(data) is not list or len(data) != len(parts):
        raise StoreError(f"a stored {kind.__name__} has the wrong shape")
    index = _field_index(kind, name)
    items = [part(item) for part, item in zip(parts, data, strict=True)]
    items[index] = value
    return kind(*items)


@cache
def _field_index(kind, name: str) -> int:
    return [f.name for f in _stored_fields(kind)].index(name)


def _hashable(encoded):
    return tuple(_hashable(item) for item in encoded) if type(encoded) is list else encoded


def _unhashable(encoded):
    return [_unhashable(item) for item in encoded] if type(encoded) is tuple else encoded


@cache
def _field_encoders(kind) -> tuple:
    hints = typing.get_type_hints(kind)
    return tuple((f.name, encoder(hints[f.name])) for f in _stored_fields(kind))


@cache
def _field_plain_types(kind) -> tuple:
    """Per field, the JSON types its values come as when they need no conversion (str, int, bool,
    or one of them or None), else None."""
    return tuple(_plain_types(typing.get_type_hints(kind)[f.name]) for f in _stored_fields(kind))


def _plain_types(hint) -> frozenset | None:
    options = typing.get_args(hint) if typing.get_origin(hint) in (typing.Union, types.UnionType) else (hint,)
    if all(option in (str, int, bool, type(None)) for option in options):
        return frozenset(options)
    return None


@cache
def _field_decoders(kind) -> tuple:
    hints = typing.get_type_hints(kind)
    return tuple(decoder(hints[f.name]) for f in _stored_fields(kind))


@cache
def encoder(kind):
    """A function from a `kind` to JSON-ready lists, made once per kind (see `decoder`)."""
    if is_dataclass(kind):
        parts = _field_encoders(kind)
        return lambda value: [part(getattr(value, name)) for name, part in parts]
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        one = encoder(next(option for option in typing.get_args(kind) if option is not type(None)))
        return lambda value: None if value is None else one(value)
    if origin is tuple:
        item = encoder(typing.get_args(kind)[0])
        return lambda value: [item(x) for x in value]
    if kind is date or kind is time:
        return lambda value: value.isoformat()
    return lambda value: value


@cache
def _stored_fields(cls) -> tuple:
    """The fields written: all but Event.extra (a scratch dict, never shown)."""
    return tuple(f for f in fields(cls) if f.name != "extra")


@cache
def decoder(kind):
    """A function from decoded JSON to a `kind`, made once per kind: each field's decoder is
    chosen from its type here, so decoding an event is a few calls, not a walk of its types."""
    if is_dataclass(kind):
        parts = _field_decoders(kind)
        count = len(parts)

        def build(data):
            if type(data) is not list or len(data) != count:
                raise StoreError(f"a stored {kind.__name__} has the wrong shape")
            # Positional: the fields not stored (Event.extra) come last and keep their defaults.
            return kind(*[part(item) for part, item in zip(parts, data, strict=True)])

        return build
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        inner = [option for option in typing.get_args(kind) if option is not type(None)]
        one = decoder(inner[0])
        return lambda data: None if data is None else one(data)
    if origin is tuple:
        item = decoder(typing.get_args(kind)[0])

        def many(data):
            if type(data) is not list:
                raise StoreError("a stored list is not a list")
            return tuple(item(x) for x in data)

        return many
    if kind is date or kind is time:
        def moment(data):
            try:
                return kind.fromisoformat(data)
            except (TypeError, ValueError):
                raise StoreError(f"a stored {kind.__name__} is not one: {data!r}"[:200]) from None

        return moment
    if kind in (str, int, bool):
        def plain(data):
            if type(data) is not kind:
                raise StoreError(f"a stored value is not a {kind.__name__}: {data!r}"[:200])
            return data

        return plain
    raise TypeError(f"no decoder for {kind!r}")


# The kinds the stores keep (decoding only ever builds these).
KINDS = (Document, RefDate, Mention, TimeValue, Event, EventDate, Actor, Evidence)
