"""Copies: exact ones under another id, near ones (a light rewrite), both linked to the first copy
and never counted as another source; different reports of one event are not copies."""

from __future__ import annotations

import corpus_stores
from corpus_helpers import BRIDGE, BRIDGE_OTHER_OUTLET, BRIDGE_REWRITE, TRAIN, brief
from newsbrief.corpus import Corpus, dedup, open_store, views

db_url = corpus_stores.db_url  # the fixture: each test runs on SQLite and on PostgreSQL


def test_exact_and_near_copies_link_to_the_first_copy(db_url):
    with Corpus.open(db_url) as corpus:
        first = corpus.add_brief(brief("wire", BRIDGE, "2024-03-04", source="Wire"))
        exact = corpus.add_brief(brief("paper1", BRIDGE.upper().replace("  ", " "), "2024-03-04", source="Paper One"))
        near = corpus.add_brief(brief("paper2", BRIDGE_REWRITE, "2024-03-04", source="Paper Two"))
        own = corpus.add_brief(brief("own", BRIDGE_OTHER_OUTLET, "2024-03-04", source="Local"))
        assert (exact.status, exact.copy_of) == ("copy", "wire")
        assert (near.status, near.copy_of) == ("copy", "wire")
        assert (own.status, own.copy_of) == ("added", None)
        assert exact.story_id == near.story_id == first.story_id
        story = corpus.store.get_stories([first.story_id])[0]
        assert story.n_articles == 4 and story.size == 2 - (own.story_id != first.story_id)
        assert corpus.store.story_outlets([first.story_id])[first.story_id] == (
            ["Wire", "Local"] if own.story_id == first.story_id else ["Wire"]
        )


def test_a_copy_of_a_copy_names_the_original(db_url):
    with Corpus.open(db_url) as corpus:
        corpus.add_brief(brief("a", BRIDGE))
        corpus.add_brief(brief("b", BRIDGE_REWRITE))
        c = corpus.add_brief(brief("c", BRIDGE_REWRITE + " "))
        assert c.copy_of == "a"


def test_story_view_marks_copies(db_url):
    with Corpus.open(db_url) as corpus:
        s = corpus.add_brief(brief("a", BRIDGE, "2024-03-04")).story_id
        corpus.add_brief(brief("b", BRIDGE_REWRITE, "2024-03-04"))
        view = views.story(corpus.store, s)
        assert [(a["id"], a["copy_of"]) for a in view["articles"]] == [("a", None), ("b", "a")]
        assert view["schema"] == "newsbrief-story/1"


def test_minhash_estimates_jaccard():
    a, b, c = dedup.signature(BRIDGE), dedup.signature(BRIDGE_REWRITE), dedup.signature(TRAIN)
    assert dedup.similarity(a, b) > dedup.NEAR_THRESHOLD > dedup.similarity(a, c)
    assert dedup.similarity(a, dedup.from_bytes(dedup.to_bytes(a))) == 1.0
    assert dedup.exact_hash("Hello,  World!") == dedup.exact_hash("hello world")
    assert open_store(":memory:").near_candidates([]) == []
