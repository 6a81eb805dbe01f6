"""The REST API: every route, the token rule, pagination, bad input (never a 500), size limits.

The corpus is a few short articles written here, ingested through the corpus facade once per module.
"""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsbrief.api import app as api_app
from newsbrief.api import create_app
from newsbrief.corpus import Corpus
from newsbrief.ingest.article import Article

TOKEN = "test-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

FERRY_A = (
    "A passenger ferry ran aground off the island of Kestrel on Friday evening, the coast guard said. "
    "All 212 passengers were taken off the ship by lifeboats before midnight. "
    '"The sea was calm and nobody was hurt," said coast guard captain Mira Osei. '
    "The operator, Northwind Lines, suspended its Kestrel crossings until Monday."
)
FERRY_B = (
    "Northwind Lines has suspended all crossings to Kestrel after one of its ferries ran aground on Friday. "
    "The coast guard said 212 passengers were brought ashore in lifeboats and that nobody was injured. "
    'Captain Mira Osei of the coast guard said: "The rescue went smoothly." '
    "Investigators will examine the ship's navigation logs next week."
)
DROUGHT = (
    "Farmers in the Valley of Orrin say the dry summer has halved their wheat harvest. "
    "The regional council promised emergency payments of 300 euros per hectare on Wednesday. "
    '"We cannot wait until winter," said Tomas Brandt, who farms 40 hectares near the river.'
)
HOSTILE = "<script>alert(1)</script> A council vote on the harbour fees was postponed on Tuesday, officials said."


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("api") / "news.db")
    items = [
        Article(FERRY_A, id="ferry-a", published="2026-03-06", title="Ferry runs aground", source="Harbour Post"),
        Article(FERRY_B, id="ferry-b", published="2026-03-07", title="Crossings suspended", source="Island Daily"),
        Article(FERRY_A, id="ferry-a-copy", published="2026-03-06", title="Ferry runs aground", source="Wire Mirror"),
        Article(DROUGHT, id="drought/1", published="2026-02-10", title="Dry summer", source="Farm Weekly"),
    ]
    with Corpus.open(db) as corpus:
        report = corpus.ingest(items)
    assert report.count("error") == 0, [o.error for o in report.outcomes]
    return db


@pytest.fixture()
def client(corpus_db: str) -> TestClient:
    with TestClient(create_app(corpus_db, token=TOKEN)) as c:
        yield c


@pytest.fixture()
def open_client(corpus_db: str, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    monkeypatch.delenv("NEWSBRIEF_TOKEN", raising=False)
    with TestClient(create_app(corpus_db)) as c:
        yield c


def _error(r: Any, status: int) -> dict[str, Any]:
    assert r.status_code == status, r.text
    body = r.json()
    assert body["status"] == status and body["message"], body
    assert "Traceback" not in r.text
    return body


# reads ------------------------------------------------------------------------------------------------
def test_article_brief(client: TestClient) -> None:
    r = client.get("/api/articles/ferry-a")
    assert r.status_code == 200
    brief = r.json()
    assert brief["id"] == "ferry-a" and brief["text"] == FERRY_A and brief["schema"] == "newsbrief/1"
    for kp in brief["key_points"]:
        assert FERRY_A[kp["start"] : kp["end"]] == kp["text"]
    assert client.get("/api/articles/drought/1").json()["id"] == "drought/1"  # ids with a slash


def test_unknown_ids_are_404(client: TestClient) -> None:
    assert "no article" in _error(client.get("/api/articles/nope"), 404)["message"]
    assert "no story" in _error(client.get("/api/stories/nope"), 404)["message"]
    assert "no actor" in _error(client.get("/api/actors/nope"), 404)["message"]
    assert "no such route" in _error(client.get("/api/nothing"), 404)["message"]


def test_stories_newest_first_and_paginated(client: TestClient) -> None:
    r = client.get("/api/stories")
    assert r.status_code == 200
    body = r.json()
    stories = body["stories"]
    assert len(stories) == 2
    assert stories[0]["last_published"] >= stories[1]["last_published"]
    ferry = stories[0]
    assert set(ferry["articles"]) == {"ferry-a", "ferry-b", "ferry-a-copy"} and ferry["copies"] == 1
    assert body["next"] is None
    first = client.get("/api/stories?limit=1").json()
    assert [s["id"] for s in first["stories"]] == [ferry["id"]] and first["next"] == "/api/stories?limit=1&offset=1"
    second = client.get(first["next"]).json()
    assert [s["id"] for s in second["stories"]] == [stories[1]["id"]]
    assert client.get("/api/stories?limit=1&page=2").json()["stories"] == second["stories"]
    assert client.get("/api/stories?page=3&limit=1").json()["stories"] == []


@pytest.mark.parametrize("query", ["offset=99999999999999999999999999", "page=99999999999999999999", "offset=1000000"])
def test_huge_pages_are_empty(client: TestClient, query: str) -> None:
    r = client.get(f"/api/stories?{query}")
    assert r.status_code == 200 and r.json()["stories"] == []


@pytest.mark.parametrize("query", ["limit=0", "limit=101", "limit=abc", "offset=-1", "page=0", "offset=1&page=1"])
def test_bad_pagination_is_4xx(client: TestClient, query: str) -> None:
    r = client.get(f"/api/stories?{query}")
    assert r.status_code in (400, 422), r.text
    assert r.json()["message"]


def test_story_brief(client: TestClient) -> None:
    sid = client.get("/api/stories").json()["stories"][0]["id"]
    r = client.get(f"/api/stories/{sid}")
    assert r.status_code == 200
    story = r.json()
    assert story["schema"] == "newsbrief-story/1" and story["id"] == sid
    arts = {a["id"]: a for a in story["articles"]}
    assert arts["ferry-a-copy"]["copy_of"] == "ferry-a"
    texts = {"ferry-a": FERRY_A, "ferry-b": FERRY_B}
    for field in ("key_points", "claims"):
        for item in story[field]:
            assert item["article"] != "ferry-a-copy"
            assert texts[item["article"]][item["start"] : item["end"]] == item["text"]
            assert "ferry-a-copy" not in item["support"]
    assert client.get(f"/api/stories/{sid}").json() == story  # cached: the same brief


def test_actor(client: TestClient) -> None:
    brief = client.get("/api/articles/ferry-a").json()
    sid = client.get("/api/stories").json()["stories"][0]["id"]
    actors = client.get(f"/api/stories/{sid}").json()["actors"]
    assert actors and brief["entities"]
    actor_id = actors[0]["id"]  # the story brief's actors carry their corpus ids
    r = client.get(f"/api/actors/{actor_id}")
    assert r.status_code == 200
    actor = r.json()
    assert actor["id"] == actor_id and actor["name"] and actor["n_articles"] >= 1
    assert {a["id"] for a in actor["articles"]} <= {"ferry-a", "ferry-b", "drought/1"}
    assert client.get(f"/api/actors/{actor_id}?offset=100000").json()["articles"] == []


# search -----------------------------------------------------------------------------------------------
def test_search_real_module(client: TestClient) -> None:
    try:
        import newsbrief.corpus.search  # noqa: F401
    except ModuleNotFoundError:
        pytest.skip("newsbrief.corpus.search is not there yet")
    r = client.get("/api/search", params={"q": "lifeboats"})
    assert r.status_code == 200, r.text
    hits = r.json()["hits"]
    assert {h["article_id"] for h in hits} & {"ferry-a", "ferry-b"}
    for q in ['"unbalanced', "NEAR(a b) OR AND *", "col:umn ^x", "(((", "-"]:  # FTS syntax is text, never a 500
        r = client.get("/api/search", params={"q": q})
        assert r.status_code in (200, 400, 422), (q, r.text)
    assert client.get("/api/search", params={"q": "ferry", "outlet": "Farm Weekly"}).json()["hits"] == []


def test_search_passes_filters(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, Any]] = []
    fake = types.ModuleType("newsbrief.corpus.search")

    def search(store: Any, query: str, **kw: Any) -> list[Any]:
        calls.append({"query": query, **kw})
        return [{"article_id": "ferry-a", "score": 1.0, "snippet": "[ferry]", "start": 0, "end": 5}]

    fake.search = search  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "newsbrief.corpus.search", fake)
    params = {"q": "ferry", "entity": "Mira Osei", "outlet": "Harbour Post", "since": "2026-01-01", "until": "2026-12-31"}
    r = client.get("/api/search", params={**params, "story": "s1", "limit": 5, "page": 2})
    assert r.status_code == 200 and r.json()["hits"][0]["article_id"] == "ferry-a"
    assert calls[-1] == {
        "query": "ferry", "entity": "Mira Osei", "speaker": None, "outlet": "Harbour Post", "since": "2026-01-01",
        "until": "2026-12-31", "story": "s1", "limit": 5, "offset": 5,
    }  # fmt: skip
    assert "YYYY-MM-DD" in _error(client.get("/api/search?q=x&since=yesterday"), 422)["message"]
    _error(client.get("/api/search"), 422)
    _error(client.get("/api/search?q="), 422)
    _error(client.get("/api/search?q=x&limit=500"), 422)


def test_search_missing_module_is_501(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "newsbrief.corpus.search", None)
    assert "not available" in _error(client.get("/api/search?q=ferry"), 501)["message"]


# writes and the token rule ----------------------------------------------------------------------------
def test_writes_refused_without_configured_token(open_client: TestClient) -> None:
    body = {"text": DROUGHT, "id": "x"}
    assert "NEWSBRIEF_TOKEN" in _error(open_client.post("/api/articles", json=body), 403)["message"]
    _error(open_client.post("/api/articles", json=body, headers={"Authorization": "Bearer "}), 403)
    _error(open_client.post("/api/articles", json=body, headers=AUTH), 403)


def test_token_from_environment(corpus_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSBRIEF_TOKEN", "from-env")
    with TestClient(create_app(corpus_db)) as c:
        _error(c.post("/api/articles", json={"text": "x"}, headers=AUTH), 401)
        r = c.post("/api/articles", json={"id": "drought/1", "text": DROUGHT}, headers={"Authorization": "Bearer from-env"})
        assert r.status_code == 200 and r.json()["results"][0]["status"] == "unchanged"


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Basic " + TOKEN, TOKEN, "Bearer " + TOKEN + "x"])
def test_wrong_or_missing_token(client: TestClient, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    r = client.post("/api/articles", json={"text": HOSTILE, "id": "never"}, headers=headers)
    _error(r, 401)
    assert "Bearer" in r.headers["www-authenticate"]
    assert client.get("/api/articles/never").status_code == 404


def test_ingest_one_and_many(client: TestClient) -> None:
    r = client.post("/api/articles", json={"id": "hostile", "text": HOSTILE, "published": "2026-03-10"}, headers=AUTH)
    assert r.status_code == 201, r.text
    assert r.json()["results"][0]["status"] == "added" and r.json()["added"] == 1
    brief = client.get("/api/articles/hostile").json()
    assert brief["text"] == HOSTILE and r.headers["content-type"].startswith("application/json")
    items = [{"id": "hostile", "text": HOSTILE, "published": "2026-03-10"}, {"id": "ferry-b", "text": FERRY_B + " Changed."}]
    r = client.post("/api/articles", json=items, headers=AUTH)
    assert r.status_code == 200
    statuses = [x["status"] for x in r.json()["results"]]
    assert statuses == ["unchanged", "error"] and "already stored" in r.json()["results"][1]["error"]
    # the same text under a new id: a copy, its brief reused (no analysis), linked to the first
    r = client.post("/api/articles", json={"id": "hostile-2", "text": HOSTILE, "published": "2026-03-10"}, headers=AUTH)
    assert r.status_code == 201 and r.json()["results"][0] | {"story": None} == {
        "id": "hostile-2", "status": "copy", "copy_of": "hostile", "story": None
    }  # fmt: skip
    assert client.get("/api/articles/hostile-2").json()["id"] == "hostile-2"


@pytest.mark.parametrize(
    "body, status, words",
    [
        (b"{bad json", 400, "malformed JSON"),
        (b"", 400, "empty"),
        (b"\xff\xfe", 400, "UTF-8"),
        (b"[]", 422, "empty"),
        (b'{"title": "no text"}', 422, "text"),
        (b'[{"text": "fine enough words here"}, {"text": 5}]', 422, "article 1"),
        (b'{"text": "x y z", "published": "last week"}', 422, "YYYY-MM-DD"),
        (b'{"text": "x y z", "points": -1}', 422, "points"),
        (b"42", 422, "JSON object"),
    ],
)
def test_bad_ingest_bodies(client: TestClient, body: bytes, status: int, words: str) -> None:
    r = client.post("/api/articles", content=body, headers={**AUTH, "Content-Type": "application/json"})
    assert words in _error(r, status)["message"]


def test_too_many_articles(client: TestClient) -> None:
    items = [{"text": f"Article number {i} about nothing at all."} for i in range(api_app.MAX_BATCH + 1)]
    _error(client.post("/api/articles", json=items, headers=AUTH), 413)


def test_body_over_the_limit(client: TestClient) -> None:
    big = b'{"text": "' + b"a" * (api_app.MAX_BODY_BYTES + 10) + b'"}'
    assert "limit" in _error(client.post("/api/articles", content=big, headers=AUTH), 413)["message"]
    assert "limit" in _error(client.post("/api/analyze", content=big), 413)["message"]

    def chunks():  # streamed, no Content-Length: refused once it passes the limit
        for _ in range(6):
            yield b"a" * (1024 * 1024)

    _error(client.post("/api/articles", content=chunks(), headers=AUTH), 413)
    _error(client.post("/api/analyze", content=chunks()), 413)


def test_bad_content_length(client: TestClient) -> None:
    r = client.post("/api/analyze", content=b"{}", headers={"Content-Length": "abc"})
    assert r.status_code == 400


# analyze ----------------------------------------------------------------------------------------------
def test_analyze_stores_nothing(open_client: TestClient) -> None:
    before = open_client.get("/api/stories").json()["stories"]
    r = open_client.post("/api/analyze", json={"id": "tmp-1", "text": DROUGHT, "published": "2026-02-10"})
    assert r.status_code == 200, r.text
    brief = r.json()
    assert brief["id"] == "tmp-1" and brief["text"] == DROUGHT and brief["published"] == "2026-02-10"
    for tx in brief["timexes"]:
        assert DROUGHT[tx["start"] : tx["end"]] == tx["text"]
    assert open_client.get("/api/articles/tmp-1").status_code == 404
    assert open_client.get("/api/stories").json()["stories"] == before


def test_analyze_bad_input(open_client: TestClient) -> None:
    _error(open_client.post("/api/analyze", content=b"[1, 2"), 400)
    _error(open_client.post("/api/analyze", json=[{"text": "a list"}]), 422)
    _error(open_client.post("/api/analyze", json={"text": ""}), 422)
    too_long = "word " * (api_app.MAX_ANALYZE_BYTES // 5 + 10)
    _error(open_client.post("/api/analyze", json={"text": too_long}), 413)


# protocol ---------------------------------------------------------------------------------------------
def test_method_not_allowed(client: TestClient) -> None:
    r = client.delete("/api/stories")
    assert "not allowed" in _error(r, 405)["message"]
    _error(client.put("/api/articles/ferry-a", json={}), 405)


def test_security_headers(client: TestClient) -> None:
    for path in ("/api/stories", "/api/articles/nope", "/openapi.json"):
        r = client.get(path)
        assert "default-src 'none'" in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
    assert "script-src" in docs.headers["content-security-policy"]


def test_openapi_document(client: TestClient) -> None:
    doc = client.get("/openapi.json").json()
    paths = doc["paths"]
    for path in ("/api/articles/{article_id}", "/api/stories", "/api/stories/{story_id}", "/api/actors/{actor_id}",
                 "/api/search", "/api/articles", "/api/analyze"):  # fmt: skip
        assert path in paths, sorted(paths)
    assert "requestBody" in paths["/api/articles"]["post"]
    json.dumps(doc)


def test_internal_error_is_json(corpus_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    app = create_app(corpus_db, token=TOKEN)

    def boom(*a: Any, **k: Any) -> None:
        raise RuntimeError("secret detail")

    monkeypatch.setattr(api_app, "actor_view", boom)
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/api/actors/anything")
    body = _error(r, 500)
    assert "secret detail" not in r.text and "RuntimeError" in body["message"]


def test_missing_database_directory(tmp_path: Path) -> None:
    with pytest.raises(Exception) as info:
        create_app(str(tmp_path / "no" / "such" / "dir" / "x.db"))
    assert "cannot open" in str(info.value)


ODD_PATHS = ["/api/articles/%00", "/api/stories/%00x", "/api/actors/" + "x" * 5000, "/api/articles/%F0%9F%92%A5"]


@pytest.mark.parametrize("path", ODD_PATHS)
def test_odd_ids_are_404(client: TestClient, path: str) -> None:
    _error(client.get(path), 404)


@pytest.mark.parametrize("q", ["\x00", "a\x00b", "'", "\\", "*" * 900, "NOT", "OR OR", "中文"])
def test_odd_queries_never_500(client: TestClient, q: str) -> None:
    try:
        import newsbrief.corpus.search  # noqa: F401
    except ModuleNotFoundError:
        pytest.skip("newsbrief.corpus.search is not there yet")
    r = client.get("/api/search", params={"q": q})
    assert r.status_code in (200, 400, 422), r.text
    assert r.json()["status" if r.status_code != 200 else "hits"] is not None


def test_analysis_queue_full_is_503(open_client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api_app, "MAX_QUEUED_ANALYSES", 0)
    r = open_client.post("/api/analyze", json={"text": DROUGHT})
    assert "busy" in _error(r, 503)["message"] and r.headers["retry-after"]


def test_a_post_answers_before_its_story_brief_is_built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The story brief of the story a POST joined is built after the answer, outside the write lock, and
    stored for the story's new state."""
    import threading

    from newsbrief.corpus import views
    from newsbrief.corpus.store import open_store

    db = str(tmp_path / "news.db")
    with Corpus.open(db) as corpus:
        corpus.ingest([Article(FERRY_A, id="ferry-a", published="2026-03-06", source="Harbour Post")])
    started, release = threading.Event(), threading.Event()
    real = views.refresh_story_briefs

    def held(store: Any, story_ids: Any = None) -> int:
        started.set()
        release.wait(10)  # an answer that waited for this would come 10 s late, after the brief was stored
        return real(store, story_ids)

    monkeypatch.setattr(views, "refresh_story_briefs", held)
    with TestClient(create_app(db, token=TOKEN)) as c:
        # an exact copy under a new id: its stored brief is reused (no analysis), and the story grows
        r = c.post("/api/articles", json={"id": "ferry-wire", "text": FERRY_A, "published": "2026-03-06"}, headers=AUTH)
        assert r.status_code == 201 and r.json()["results"][0]["status"] == "copy", r.text
        assert started.wait(5) and not release.is_set()
        with open_store(db) as store:
            (story,) = store.get_stories([r.json()["results"][0]["story"]])
            assert story.n_articles == 2
            assert store.get_story_brief(story, views.builder()) is None  # not yet: the answer did not wait
            release.set()
            assert c.app.state.stores.story_briefs.wait(30)
            stored = store.get_story_brief(story, views.builder())
        assert stored is not None and stored[0]["id"] == story.id
        # writes go on while a story brief is being built (the worker holds no write lock meanwhile)
        started.clear()
        release.clear()
        r = c.post("/api/articles", json={"id": "ferry-wire-2", "text": FERRY_A, "published": "2026-03-06"}, headers=AUTH)
        assert started.wait(5)
        r2 = c.post("/api/articles", json={"id": "ferry-wire-3", "text": FERRY_A, "published": "2026-03-06"}, headers=AUTH)
        assert r2.status_code == 201 and not release.is_set()
        release.set()
        assert c.app.state.stores.story_briefs.wait(30)
        with open_store(db) as store:
            (story,) = store.get_stories([story.id])
            assert story.n_articles == 4 and store.get_story_brief(story, views.builder()) is not None
