"""The pipeline's frame: sentences by line, components discovered and ordered, entry points."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from spacy.language import Language

from newsbrief.pipeline import build_nlp, component_names

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent


def test_headings_and_bullets_are_sentences_of_their_own():
    nlp = build_nlp()
    text = (
        "The council met on Monday. It approved the budget\n"
        "Key decisions\n"
        "- More buses for the north\n"
        "- A new library\n"
        "2. Lower fees for students\n"
        "Critics said the plan came too late. Others welcomed it."
    )
    sents = [s.text.strip() for s in nlp(text).sents]
    assert "Key decisions" in sents
    assert "- More buses for the north" in sents
    assert "- A new library" in sents
    assert "2. Lower fees for students" in sents
    assert "Critics said the plan came too late." in sents and "Others welcomed it." in sents


def test_our_components_follow_their_requirements():
    names = component_names()
    assert names, "no newsbrief components found"
    for i, name in enumerate(names):
        needs = set(Language.get_factory_meta(name).requires)
        later = {a for n in names[i + 1 :] for a in Language.get_factory_meta(n).assigns}
        assert not (needs & later), f"{name} runs before what it requires"


def test_every_component_has_a_spacy_entry_point():
    """So that a spaCy user can nlp.add_pipe("newsbrief_...") without importing us first."""
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())
    declared = set(meta["project"]["entry-points"]["spacy_factories"])
    assert set(component_names()) <= declared


def test_pipeline_is_built_once():
    assert build_nlp() is build_nlp()
