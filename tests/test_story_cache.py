"""Story briefs kept in the store (issue #8: a story page's first view in a new server must not build
the story brief): stored at the end of an ingest run for the stories it touched, read while the
story's state (n_articles, last_seq) and the build of newsbrief match, built again (and stored) when
they do not; the same on SQLite and PostgreSQL. What is read is what would have been built."""

from __future__ import annotations

import json
from typing import Any

import pytest

import corpus_stores
from corpus_helpers import BRIDGE, BRIDGE_OTHER_OUTLET, TRAIN, TRAIN_2, brief
from newsbrief.corpus import Corpus, views
from newsbrief.corpus.store import Store
from newsbrief.ingest.article import Article
from newsbrief.web import pages
from test_web import BRIEFS

db_url = corpus_stores.db_url  # the fixture, on both stores

NAMES = [("Ellen Tran", "PERSON"), ("Brookfield", "GPE"), ("Lakeview", "GPE"), ("Dunmore", "GPE")]


def _corpus_briefs() -> list[dict[str, Any]]:
    items = [
        ("bridge-1", BRIDGE, "2024-03-04", "Brookfield Post"),
        ("train-1", TRAIN, "2024-03-03", "Rail Times"),
        ("bridge-2", BRIDGE_OTHER_OUTLET, "2024-03-05", "Valley News"),
        ("train-2", TRAIN_2, "2024-03-04", "Daily Wire"),
    ]
    return [brief(i, text, day, [n for n in NAMES if n[0] in text], source=src) for i, text, day, src in items]


def _dump(x: Any) -> str:
    return json.dumps(x, ensure_ascii=False)


def _fresh(store: Store, story_id: str) -> tuple[str, str]:
    """The story brief and page data built now from the articles' briefs (nothing stored read)."""
    s = store.get_stories([story_id])[0]
    view, page, same = views._build(store, s)
    assert same
    return _dump(views._with_corpus_actors(store, s, view)), _dump(page)


def _stories(store: Store) -> list[str]:
    return [s.id for s in store.list_stories()]


def test_stored_at_the_end_and_read_back_as_built(db_url: str) -> None:
    with Corpus.open(db_url) as corpus:
        for b in _corpus_briefs():
            corpus.add_brief(b)
        store = corpus.store
        assert sorted(store.stale_story_briefs(views.builder())) == sorted(_stories(store))
        assert corpus.store_story_briefs() == len(_stories(store)) >= 2
        assert store.stale_story_briefs(views.builder()) == []
        assert corpus.store_story_briefs() == 0  # nothing touched since
        for sid in _stories(store):
            s = store.get_stories([sid])[0]
            assert store.get_story_brief(s, views.builder()) is not None
            sb, page = views.story_and_page(store, sid)
            assert (_dump(sb), _dump(page)) == _fresh(store, sid)
            assert _dump(views.story(store, sid)) == _fresh(store, sid)[0]


def test_what_is_read_is_the_stored_brief_until_the_story_grows(db_url: str) -> None:
    with Corpus.open(db_url) as corpus:
        briefs = _corpus_briefs()
        for b in briefs[:3]:
            corpus.add_brief(b)
        corpus.store_story_briefs()
        store = corpus.store
        train = corpus.store.get_article("train-1").story_id
        s = store.get_stories([train])[0]
        marked = {**store.get_story_brief(s, views.builder())[0], "title": "stored, not built"}
        with store.transaction():
            store.put_story_brief(s, views.builder(), marked, {"behind": [], "anchors": {}})
        assert views.story(store, train)["title"] == "stored, not built"

        assert corpus.add_brief(briefs[3]).story_id == train  # the story grows: its stored brief is stale
        grown = store.get_stories([train])[0]
        assert store.get_story_brief(grown, views.builder()) is None
        assert train in store.stale_story_briefs(views.builder())
        sb = views.story(store, train)  # built on this read, and stored for the next one
        assert sb["title"] != "stored, not built" and len(sb["articles"]) == 2
        assert store.get_story_brief(grown, views.builder()) is not None
        assert _dump(views.story(store, train)) == _fresh(store, train)[0]


def test_another_build_of_newsbrief_builds_again(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with Corpus.open(db_url) as corpus:
        for b in _corpus_briefs():
            corpus.add_brief(b)
        corpus.store_story_briefs()
        store = corpus.store
        monkeypatch.setattr(views, "builder", lambda: "another-build")
        assert sorted(store.stale_story_briefs("another-build")) == sorted(_stories(store))
        assert views.refresh_story_briefs(store) == len(_stories(store))
        assert store.stale_story_briefs("another-build") == []


def test_a_late_reader_never_overwrites_a_newer_state(db_url: str) -> None:
    with Corpus.open(db_url) as corpus:
        briefs = _corpus_briefs()
        for b in (briefs[1], briefs[3]):
            corpus.add_brief(b)
        store = corpus.store
        sid = _stories(store)[0]
        new = store.get_stories([sid])[0]
        old = store.get_stories([sid])[0]
        old.n_articles, old.last_seq = 1, new.last_seq - 1
        with store.transaction():
            store.put_story_brief(new, "b", {"state": "new"}, {})
            store.put_story_brief(old, "b", {"state": "old"}, {})
        assert store.get_story_brief(new, "b", page=True) == ({"state": "new"}, {})
        assert store.get_story_brief(old, "b") is None


def test_a_store_that_takes_no_write_still_answers(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "c.db")
    with Corpus.open(db) as corpus:
        for b in _corpus_briefs():
            corpus.add_brief(b)
        store = corpus.store

        def refuse(*_: Any) -> None:
            raise RuntimeError("read-only")

        monkeypatch.setattr(store, "put_story_brief", refuse)
        for sid in _stories(store):
            assert _dump(views.story(store, sid)) == _fresh(store, sid)[0]


def test_an_ingest_run_stores_the_briefs_of_the_stories_it_touched(tmp_path) -> None:
    db = str(tmp_path / "c.db")
    with Corpus.open(db) as corpus:
        for b in _corpus_briefs()[:2]:
            corpus.add_brief(b)
        corpus.store_story_briefs()
        store = corpus.store
        before = {sid: store.get_stories([sid])[0].last_seq for sid in _stories(store)}
        # an exact copy of a stored text under a new id: stored from the stored brief, no analysis
        again = Article(text=TRAIN, id="train-copy", published="2024-03-03", source="Copy Desk")
        report = corpus.ingest([again])
        assert report.count("copy") == 1
        train = store.get_article("train-copy").story_id
        assert store.get_stories([train])[0].last_seq > before[train]
        assert store.stale_story_briefs(views.builder()) == []  # stored at the end of the run
        assert corpus.touched == set()


def test_story_page_first_view_reads_no_article_brief(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "web.db")
    with Corpus.open(db) as corpus:
        for b in BRIEFS:
            corpus.add_brief(b)
        store = corpus.store
        built = {}
        for sid in _stories(store):  # nothing stored yet: built on the read
            built[sid] = pages.html_page("story.html", **pages.story_context(store, store.get_stories([sid])[0])).body
        corpus.store_story_briefs()

        def no_brief(*_: Any) -> None:
            raise AssertionError("the story page read an article's brief")

        monkeypatch.setattr(store, "get_brief", no_brief)
        monkeypatch.setattr(store, "story_articles", no_brief)
        for sid in _stories(store):
            ctx = pages.story_context(store, store.get_stories([sid])[0])
            assert pages.html_page("story.html", **ctx).body == built[sid]
        assert any(b["text"] for sid in _stories(store) for p in pages.story_context(store, store.get_stories([sid])[0])["points"]
                   for b in p["behind"])  # fmt: skip


def test_the_build_digest_covers_the_story_briefs_code_and_data_only(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = views._built_from()
    for name in (
        "newsbrief.corpus.storybrief_units",
        "newsbrief.corpus.features",
        "newsbrief.timeline",
        "newsbrief.corpus.views",
    ):
        assert name in files, name
    assert "resources/storybrief/quantities.json" in files
    assert not any("attribution" in name or "api" in name for name in files)  # their edits keep stored briefs valid
    data = tmp_path / "quantities.json"
    data.write_text("{}")
    monkeypatch.setattr(views, "_built_from", lambda: {"resources/storybrief/quantities.json": data})
    views.builder.cache_clear()
    try:
        first = views.builder()
        data.write_text('{"units": []}')
        views.builder.cache_clear()
        assert views.builder() != first  # an edited word list: every stored story brief is stale
    finally:
        views.builder.cache_clear()
