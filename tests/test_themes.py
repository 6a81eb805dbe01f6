"""Themes: vocabulary terms (lemma-matched phrases), events' CAMEO codes, threshold, grounded spans."""

from __future__ import annotations

import pytest

from newsbrief.analyzers import base
from newsbrief.analyzers.themes import tag, vocabulary
from newsbrief.model import Entity, Event, Span


@pytest.fixture(scope="module")
def nlp():
    from newsbrief.pipeline import build_nlp

    return build_nlp(with_components=False)


def themes_of(nlp, text: str, events: list[Event] = (), entities: list[Entity] = ()) -> dict[str, list[str]]:
    doc = nlp(text)
    base.put(doc, "events", list(events))
    base.put(doc, "entities", list(entities))
    out = tag(doc)
    for t in out:
        assert 0.0 < t.score <= 1.0
        for s in t.spans:
            assert text[s.start : s.end] == s.text
    return {t.theme: [s.text for s in t.spans] for t in out}


def test_phrases_match_inflected_forms(nlp):
    got = themes_of(nlp, "Arms shipments rose. The arms deals included artillery shells and drones.")
    assert "arms transfers" in got
    assert "Arms shipments" in got["arms transfers"] and "arms deals" in got["arms transfers"]


def test_several_themes_heaviest_first(nlp):
    text = (
        "The nuclear programme worries the region: a new ballistic missile test followed uranium enrichment. "
        "The UN extended sanctions and an embargo on the country. Satellite launches from the cosmodrome continue."
    )
    doc = nlp(text)
    out = tag(doc)
    got = [t.theme for t in out]
    assert {"nuclear programme", "sanctions", "space"} <= set(got)
    assert got[0] == "nuclear programme"
    assert [t.score for t in out] == sorted((t.score for t in out), reverse=True)


def test_one_weak_word_is_not_a_theme(nlp):
    assert "space" not in themes_of(nlp, "There was no space left in the car park.")
    assert themes_of(nlp, "The weather was mild all week.") == {}


def test_events_add_their_cameo_themes(nlp):
    text = "Borovia sent rockets to Celtra."
    trig = text.index("sent")
    ev = Event(
        start=0,
        end=len(text) - 1,
        text=text[:-1],
        trigger=Span.of(text, trig, trig + 4),
        type="supply-arms",
        cameo="072",
    )
    assert "arms transfers" not in themes_of(nlp, text)  # one word alone is below the threshold
    got = themes_of(nlp, text, [ev])
    assert "arms transfers" not in got  # an event counts when a state acts or is acted on
    states = [Entity(id="b", name="Borovia", type="GPE", mentions=[Span.of(text, 0, 7)])]
    got = themes_of(nlp, text, [ev.model_copy(update={"actor": "b"})], entities=states)
    assert "arms transfers" in got and "sent" in got["arms transfers"]


def test_one_passage_is_no_theme(nlp):
    assert "nuclear programme" not in themes_of(nlp, "The band's album Atomic Bomb sold well.")


def test_vocabulary_covers_the_issue_themes():
    themes = set(vocabulary().cameo)
    assert {
        "military cooperation",
        "arms transfers",
        "nuclear programme",
        "sanctions",
        "diplomacy",
        "trade",
        "energy",
        "space",
    } <= themes


def test_whole_pipeline_has_themes(brief_of):
    text = (
        "Arland and Borovia agreed on closer military cooperation and new arms deliveries. "
        "The defence pact is the first between the two states."
    )
    brief = brief_of(text, published="2024-06-18")
    assert "military cooperation" in {t.theme for t in brief.themes}


def test_vocabulary_is_user_extensible(nlp, tmp_path, monkeypatch):
    import json

    extra = tmp_path / "themes.json"
    extra.write_text(json.dumps({"themes": {"fisheries": {"terms": ["fishing quota", "trawler"]}}}), encoding="utf-8")
    monkeypatch.setenv("NEWSBRIEF_THEME_VOCABULARY", str(extra))
    vocabulary.cache_clear()
    try:
        got = themes_of(nlp, "The trawler broke the fishing quota. A second trawler was seized.")
        assert "fisheries" in got and "fishing quota" in got["fisheries"]
    finally:
        monkeypatch.delenv("NEWSBRIEF_THEME_VOCABULARY")
        vocabulary.cache_clear()
