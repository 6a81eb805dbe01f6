"""The brief's model: every contract field, its serialisation, its schema, and the grounding validator."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from newsbrief.model import SCHEMA, Attribution, Brief, Check, Entity, Event, KeyPoint, Span, Statement, Timex, json_schema

TEXT = "The mayor said the bridge will reopen on Monday."

CONTRACT_FIELDS = {
    "schema", "id", "text", "published", "published_source", "language",
    "key_points", "entities", "attributions", "timexes", "statements", "events", "checks",
}


def full_brief() -> Brief:
    s = lambda a, b: Span.of(TEXT, a, b)  # noqa: E731
    return Brief(
        id="x", text=TEXT, published="2024-01-01", published_source="argument", language="en",
        key_points=[KeyPoint(**s(0, len(TEXT)).model_dump(), score=1.0)],
        entities=[Entity(id="e1", name="mayor", type="PERSON", country=None, mentions=[s(4, 9)])],
        attributions=[Attribution(source=s(0, 9), cue=s(10, 14), content=s(15, 47), speaker="e1",
                                  speaker_name="mayor", role=None, kind="indirect")],
        timexes=[Timex(**s(41, 47).model_dump(), type="DATE", value="2024-01-01")],
        statements=[Statement(**s(15, 47).model_dump(), modality="expected", holder="e1")],
        events=[Event(**s(15, 47).model_dump(), trigger=s(34, 40), type="reopen")],
        checks=[Check(kind="redundant", message="m", spans=[s(0, 3)])],
    )


def test_every_contract_field_is_serialised():
    data = json.loads(full_brief().to_json())
    assert data.keys() >= CONTRACT_FIELDS
    assert data["schema"] == SCHEMA == "newsbrief/1"
    assert set(data["attributions"][0]) >= {"source", "cue", "content", "speaker", "speaker_name", "role", "kind"}
    event_fields = {"start", "end", "text", "trigger", "type", "cameo", "actor", "target", "place", "when", "modality"}
    assert set(data["events"][0]) >= event_fields
    assert set(data["entities"][0]) == {"id", "name", "type", "country", "mentions"}


def test_round_trip():
    brief = full_brief()
    assert Brief.model_validate_json(brief.to_json()) == brief


def test_ungrounded_span_is_refused():
    with pytest.raises(ValidationError, match="ungrounded"):
        Brief(id="x", text=TEXT, language="en", key_points=[KeyPoint(start=0, end=3, text="Tha", score=0.1)])


def test_span_past_the_end_is_refused():
    with pytest.raises(ValidationError):
        Brief(id="x", text=TEXT, language="en", timexes=[Timex(start=40, end=400, text=TEXT[40:], type="DATE")])


def test_fragments_must_lie_within_content():
    a = Attribution(content=Span.of(TEXT, 15, 47), kind="direct", fragments=[(10, 20)])
    with pytest.raises(ValidationError, match="fragment"):
        Brief(id="x", text=TEXT, language="en", attributions=[a])


def test_labels_are_closed_vocabularies():
    with pytest.raises(ValidationError):
        Statement(start=0, end=1, text="T", modality="probably")
    with pytest.raises(ValidationError):
        Attribution(content=Span.of(TEXT, 0, 1), kind="hearsay")


def test_json_schema_names_the_contract_fields():
    schema = json_schema()
    assert set(schema["properties"]) >= CONTRACT_FIELDS
    assert "Span" in schema["$defs"]
