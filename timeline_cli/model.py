"""The plain data every stage passes on: documents, mentions, time values, entities, events."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time


@dataclass(frozen=True, slots=True)
class RefDate:
    """The date relative words resolve against, and where it came from."""

    date: date
    precision: str = "day"  # day | month | year (an inferred reference may know only the year)
    source: str = "option"  # option | metadata | text | inferred
    evidence: str | None = None
    clock: time | None = None  # the time of day, when the reference is a date-time (--ref-date 2013-02-12T04:30+08:00)

    def iso(self) -> str:
        if self.precision == "year":
            return f"{self.date.year:04d}"
        if self.precision == "month":
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return self.date.isoformat()


@dataclass(frozen=True, slots=True)
class Document:
    """One article: its text, reference date, script, encoding and title."""

    path: str
    text: str
    ref: RefDate | None = None
    script: str = "other"  # hant | hans | mixed | other
    encoding: str = "utf-8"
    title: str | None = None


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A resolved time: its TimeML type and value, and the calendar interval it covers."""

    type: str  # DATE | TIME | DURATION | SET
    value: str
    mod: str | None = None
    granularity: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    duration: str | None = None
    duration_max: str | None = None
    datetime: str | None = None
    qualifier: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A time expression found in a document: where it is, what it means, and what it rests on."""

    id: str
    text: str
    start: int
    end: int
    time: TimeValue
    anchor: str | None = None  # "ref_date", the id of another mention, or None
    rule: str = ""
    certainty: str = "stated"  # stated | relative | inferred | approximate

    # Flat access, so callers can write mention.value rather than mention.time.value.
    @property
    def type(self) -> str:
        return self.time.type

    @property
    def value(self) -> str:
        return self.time.value

    @property
    def mod(self) -> str | None:
        return self.time.mod

    @property
    def granularity(self) -> str | None:
        return self.time.granularity

    @property
    def start_date(self) -> date | None:
        return self.time.start_date

    @property
    def end_date(self) -> date | None:
        return self.time.end_date

    @property
    def duration(self) -> str | None:
        return self.time.duration

    @property
    def duration_max(self) -> str | None:
        return self.time.duration_max


@dataclass(frozen=True, slots=True)
class Entity:
    """A known actor of the entity table, with its aliases in both scripts."""

    id: str
    name: str
    kind: str = "other"  # person | org | product | place | other
    aliases: tuple[str, ...] = ()
    hant: str = ""  # the name in Traditional characters, when it differs


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor of an event: an entity id, or a name found in the text."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened, as the governing mention gives it, and how sure that is."""

    value: str
    mod: str | None
    granularity: str | None
    start_date: date | None
    end_date: date | None
    certainty: str  # stated | relative | inferred | approximate


@dataclass(frozen=True, slots=True)
class Evidence:
    """One sentence that tells an event, where it lies, and the date it gives."""

    path: str
    start: int
    end: int
    sentence: str
    mention: str | None  # mention id within that document
    mention_start: int | None = None  # the date phrase inside the sentence, for highlighting
    mention_end: int | None = None
    date: EventDate | None = None  # the date this sentence gives the event
    doc: str = ""  # the document's canonical key (a hash of its content), once it is known

    def phrase_in_sentence(self) -> tuple[int, int] | None:
        """Where the date phrase lies in `sentence`, or None when this sentence only tells the
        happening and the date was given by another (此外，…亦將提交 after a dated sentence)."""
        if self.mention_start is None or self.mention_end is None:
            return None
        if not self.start <= self.mention_start < self.mention_end <= self.end:
            return None
        return self.mention_start - self.start, self.mention_end - self.start


@dataclass(frozen=True, slots=True)
class Event:
    """A dated happening: title, type, status, actors and every sentence that tells it."""

    id: str
    title: str
    type: str
    status: str  # occurred | planned | predicted | reported | negated | postponed | cancelled
    date: EventDate
    actors: tuple[Actor, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    rule: str | None = None  # how the date was reached, for `timeline show`
    anchor: str | None = None
    place: str | None = None  # where it happened, when the sentence says (達沃斯)
    extra: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def sources(self) -> int:
        return len({e.path for e in self.evidence})


def _reduce_by_fields(self):
    """Pickle as a call to the constructor with the field values: the default for frozen
    slotted dataclasses goes through Python-level __getstate__ and is ~4x slower, which
    is most of what --jobs workers spend sending their results back."""
    return self.__class__, tuple([getattr(self, name) for name in self.__dataclass_fields__])


def fast_pickling(cls):
    cls.__reduce__ = _reduce_by_fields
    return cls


for _cls in (RefDate, Document, TimeValue, Mention, Entity, Actor, EventDate, Evidence, Event):
    fast_pickling(_cls)
