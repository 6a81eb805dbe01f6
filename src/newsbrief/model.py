"""The brief and its parts, as CONTRACT.md fixes them; the JSON Schema is generated from here.

Every span carries character offsets into `Brief.text`; the Brief validator refuses to exist if
one of them does not match (the grounding invariant), so a bug shows up as an error, never as a
brief that points at the wrong words.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA = "newsbrief/1"

Modality = Literal["asserted", "possible", "expected", "denied", "question"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
AttributionKind = Literal["direct", "indirect", "mixed"]
PublishedSource = Literal["argument", "input", "metadata", "dateline"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """A run of characters of the article: `text == article[start:end]`, end exclusive."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start=start, end=end, text=text[start:end])


class KeyPoint(Span):
    score: float


class Entity(_Model):
    id: str
    name: str
    type: str
    country: str | None = None
    mentions: list[Span] = Field(default_factory=list)


class Attribution(_Model):
    source: Span | None = None
    cue: Span | None = None
    content: Span
    speaker: str | None = None
    speaker_name: str | None = None
    role: Span | None = None
    kind: AttributionKind
    fragments: list[tuple[int, int]] | None = None


class Timex(Span):
    type: TimexType
    value: str | None = None


class Statement(Span):
    modality: Modality
    holder: str | None = None


class Event(Span):
    trigger: Span
    type: str
    cameo: str | None = None
    actor: str | None = None
    target: str | None = None
    place: str | None = Field(default=None, description="Entity id of the GPE/LOC/FAC where the event happens, or null.")
    when: str | None = None
    modality: Modality = "asserted"


class Theme(_Model):
    """A theme of the vocabulary in resources/, with the spans that triggered it."""

    theme: str
    score: float = 0.0
    spans: list[Span] = Field(default_factory=list)


class Check(_Model):
    kind: str
    message: str
    spans: list[Span] = Field(default_factory=list)


class Brief(_Model):
    schema_: str = Field(default=SCHEMA, alias="schema")
    id: str
    text: str
    published: str | None = None
    published_source: PublishedSource | None = None
    language: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    key_points: list[KeyPoint] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    attributions: list[Attribution] = Field(default_factory=list)
    timexes: list[Timex] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    checks: list[Check] = Field(default_factory=list)
    themes: list[Theme] = Field(default_factory=list)
    notes: list[str] = Field(
        default_factory=list,
        description="What the brief could not do for this text (e.g. a language that is not analysed).",
    )

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    @model_validator(mode="after")
    def _grounded(self) -> Brief:
        for span in iter_spans(self):
            if not (0 <= span.start <= span.end <= len(self.text)) or self.text[span.start : span.end] != span.text:
                raise ValueError(f"ungrounded span {span.start}:{span.end} {span.text[:40]!r}")
        for a in self.attributions:
            for s, e in a.fragments or []:
                if not (a.content.start <= s <= e <= a.content.end):
                    raise ValueError(f"fragment {s}:{e} outside its content span")
        return self

    def to_json(self, **kwargs: Any) -> str:
        return self.model_dump_json(by_alias=True, **kwargs)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(by_alias=True, mode="json")


# The brief's list fields that analyzers fill, each from the Doc extension `nb_<field>`.
ANALYZED_FIELDS = ("key_points", "entities", "attributions", "timexes", "statements", "events", "checks", "themes")


def iter_spans(node: Any) -> Iterator[Span]:
    """Every Span anywhere under a model (a Brief, an Attribution...), depth first."""
    found: list[Span] = []
    _collect_spans(node, found)  # a list filled by plain calls: nested generators cost the grounding check dearly
    return iter(found)


def _collect_spans(node: Any, found: list[Span]) -> None:
    if isinstance(node, Span):
        found.append(node)
    if isinstance(node, BaseModel):
        for name in _nested_fields(type(node)):
            value = getattr(node, name)
            if isinstance(value, BaseModel | list):  # a leaf (str, int...) holds no span
                _collect_spans(value, found)
    elif isinstance(node, list):
        for item in node:
            if isinstance(item, BaseModel | list):
                _collect_spans(item, found)


@cache
def _nested_fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model class whose values may hold spans (a model, a list); the others are leaves."""
    return tuple(name for name, f in cls.model_fields.items() if _may_nest(f.annotation))


def _may_nest(tp: Any) -> bool:
    if tp is Any:
        return True
    if get_origin(tp) is not None:
        return get_origin(tp) is list or any(_may_nest(a) for a in get_args(tp))
    return isinstance(tp, type) and issubclass(tp, BaseModel | list)


def json_schema() -> dict[str, Any]:
    schema = Brief.model_json_schema(by_alias=True)
    schema["$id"] = "https://newsbrief.invalid/schema/newsbrief-1.json"
    schema["title"] = "newsbrief brief (newsbrief/1)"
    return schema
