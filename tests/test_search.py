"""Search on both stores: ranking, every filter, snippets with their spans, and queries full of
FTS syntax that must never be an error; then the `search` command."""

from __future__ import annotations

import json

import pytest

import corpus_stores
from corpus_helpers import BRIDGE, BRIDGE_OTHER_OUTLET, TRAIN, TRAIN_2, brief
from newsbrief.corpus import Corpus, open_store
from newsbrief.corpus.search import Hit, parse_query, search
from newsbrief.errors import UsageError
from newsbrief.model import Attribution, Span

db_url = corpus_stores.db_url  # the fixture, on both stores
pg_url = corpus_stores.pg_url

HARBOUR = (
    "Dock workers in Port Selwyn unloaded 400 containers of rice on Friday after a week of delays. "
    "Harbour Master Ann Holt said the cranes were repaired overnight and the backlog should clear by Monday."
)


def _quoted(aid: str, text: str, published: str, source: str, speaker: str, names=()) -> dict:
    s = text.index(speaker)
    said = text.index(" said ") + len(" said ")
    attr = Attribution(
        source=Span.of(text, s, s + len(speaker)),
        content=Span.of(text, said, len(text) - 1),
        speaker_name=speaker,
        kind="indirect",
    )
    return brief(aid, text, published, names=names, source=source, title=f"Report {aid}", attributions=[attr])


@pytest.fixture
def corpus(db_url):
    with Corpus.open(db_url) as c:
        c.add_brief(
            brief("b1", BRIDGE, "2024-03-04", names=[("Ellen Tran", "PERSON"), ("Brookfield", "GPE")], source="Daily One")
        )
        c.add_brief(brief("b2", BRIDGE_OTHER_OUTLET, "2024-03-06", names=[("Ellen Tran", "PERSON")], source="Courier"))
        c.add_brief(brief("t1", TRAIN, "2024-05-12", names=[("Lakeview", "GPE")], source="Rail News"))
        c.add_brief(brief("t2", TRAIN_2, None, source="Courier"))
        c.add_brief(
            _quoted("h1", HARBOUR, "2024-06-01", "Port Gazette", "Harbour Master Ann Holt", names=[("Ann Holt", "PERSON")])
        )
        yield c


def ids(hits: list[Hit]) -> list[str]:
    return [h.article_id for h in hits]


def test_ranked_hits_with_highlighted_snippets(corpus):
    hits = search(corpus.store, "bridge pillars")
    assert set(ids(hits)) == {"b1", "b2"}
    assert hits[0].score >= hits[1].score
    text = corpus.store.get_article(hits[0].article_id).text
    h = hits[0]
    assert h.snippet.replace("[", "").replace("]", "") == text[h.start : h.end].replace("\n", " ")
    assert "[bridge]" in h.snippet.lower() and "[pillars]" in h.snippet.lower()
    assert h.title == f"Report {h.article_id}" or h.title is None
    # stemming: the plural finds the singular and is highlighted as written
    assert "t2" in ids(search(corpus.store, "train"))
    assert "[trains]" in next(x for x in search(corpus.store, "train") if x.article_id == "t2").snippet


def test_phrases_and_all_words_then_any(corpus):
    assert ids(search(corpus.store, '"deep cracks"')) == ["b1"]  # b2 has both words, not the phrase
    assert set(ids(search(corpus.store, "deep cracks"))) == {"b1"}
    assert ids(search(corpus.store, '"cracks deep"')) == []
    assert set(ids(search(corpus.store, "grain derailed"))) == {"t1", "t2"}
    # no article has every word: any word may match, the best first
    assert ids(search(corpus.store, "rice zeppelin"))[:1] == ["h1"]


def test_filters(corpus):
    s = corpus.store
    assert set(ids(search(s, "bridge", entity="Ellen Tran"))) == {"b1", "b2"}
    assert set(ids(search(s, "bridge", entity="Tran"))) == {"b1", "b2"}  # a surname
    assert ids(search(s, "bridge", entity="Nobody Known")) == []
    assert ids(search(s, "cranes", speaker="Ann Holt")) == ["h1"]
    assert ids(search(s, "cranes", speaker="holt")) == ["h1"]
    assert ids(search(s, "cranes", speaker="Tran")) == []
    assert ids(search(s, "bridge", outlet="courier")) == ["b2"]
    assert ids(search(s, "bridge", since="2024-03-05")) == ["b2"]
    assert ids(search(s, "bridge", until="2024-03-05")) == ["b1"]
    assert set(ids(search(s, "Lakeview", since="2024-01-01"))) == {"t1"}  # undated articles are outside a date range
    story = s.get_article("t1").story_id
    assert set(ids(search(s, "Lakeview", story=story))) == {a.id for a in s.story_articles(story)} & {"t1", "t2"}
    assert ids(search(s, "Lakeview", story="s-none")) == []


def test_pagination(corpus):
    q = "bridge train rice"  # no article has all three: any may match
    all_hits = ids(search(corpus.store, q, limit=10))
    assert len(all_hits) == 5
    pages = ids(search(corpus.store, q, limit=2)) + ids(search(corpus.store, q, limit=2, offset=2))
    assert pages == all_hits[:4]
    q = "the"  # a stop word on PostgreSQL: no hits there, every article on SQLite
    assert search(corpus.store, q, offset=100_000) == []


@pytest.mark.parametrize(
    "query",
    ['"unbalanced', "bridge*", "-bridge", "title:bridge", "(bridge", "NEAR(bridge pillars)", "bridge AND OR NOT",
     "bridge^2", "{bridge}", "'bridge'", "bridge \\", 'a "" b', "\x00bridge", "NOT", "🚂 bridge"],
)  # fmt: skip
def test_syntax_characters_never_error(corpus, query):
    search(corpus.store, query)


@pytest.mark.parametrize("query", ["", "   ", "*", '""', "-:()^"])
def test_a_query_without_words_is_a_usage_error(corpus, query):
    with pytest.raises(UsageError, match="no words"):
        search(corpus.store, query)


@pytest.mark.parametrize(
    "kw, message",
    [({"since": "yesterday"}, "not a YYYY-MM-DD"), ({"until": "2024-13-40"}, "not a YYYY-MM-DD"),
     ({"since": "2024-05-01", "until": "2024-01-01"}, "after"), ({"limit": 0}, "limit"), ({"limit": 10**9}, "limit"),
     ({"offset": -1}, "offset"), ({"offset": 10**30}, "offset")],
)  # fmt: skip
def test_bad_filters_are_usage_errors(corpus, kw, message):
    with pytest.raises(UsageError, match=message):
        search(corpus.store, "bridge", **kw)


def test_parse_query_keeps_words_only():
    assert parse_query('"Munitions containers" Kim -OR:* NEAR(') == [["munitions", "containers"], ["kim"], ["or"], ["near"]]


def test_search_command(tmp_path, run_cli):
    db = str(tmp_path / "c.db")
    with Corpus.open(db) as c:
        c.add_brief(brief("b1", BRIDGE, "2024-03-04", source="Daily One"))
        c.add_brief(brief("t1", TRAIN, "2024-05-12", source="Rail News"))
    proc = run_cli("search", "bridge", "--db", db, "--format", "json")
    assert proc.returncode == 0, proc.stderr.decode()
    hits = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [h["id"] for h in hits] == ["b1"] and "[bridge]" in hits[0]["snippet"]
    text = run_cli("search", "derailed", "--db", db).stdout.decode()
    assert text.startswith("t1 ") and "[derailed]" in text
    for args, message in [
        (["(*)"], "no words"), (["bridge", "--since", "May"], "YYYY-MM-DD"), (["bridge", "--offset", "999999999999"], "offset"),
    ]:  # fmt: skip
        proc = run_cli("search", *args, "--db", db)
        err = proc.stderr.decode()
        assert proc.returncode != 0 and message in err and "Traceback" not in err
    proc = run_cli("search", "bridge", "--db", str(tmp_path / "none.db"))
    assert proc.returncode != 0 and "no such database" in proc.stderr.decode()


def test_postgres_url_works_for_the_commands(run_cli, pg_url):
    url = pg_url
    with open_store(url) as store:
        Corpus(store).add_brief(brief("b1", BRIDGE, "2024-03-04", source="Daily One"))
    out = run_cli("search", "bridge", "--db", url, "--format", "json").stdout.decode()
    assert json.loads(out.splitlines()[0])["id"] == "b1"
    assert run_cli("stories", "--db", url).returncode == 0
