"""The web pages of `newsbrief serve` (issue #8): every page answers with the DOM hooks of
helpers/web-contract.md, unknown ids are 404 pages, hostile text is shown as text, every page sends
its CSP, and every highlighted span on an article page is exactly the brief's span.

The corpus is a few briefs written here by hand (no analysis), with spans that overlap on purpose
(a quote crossing a statement's end, a date inside a quote, names inside both)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any, ClassVar
from urllib.parse import quote, unquote

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import spans_of
from corpus_stores import pg_schema
from newsbrief.corpus import Corpus, open_store
from newsbrief.web import create_site
from newsbrief.web.highlight import Mark, render
from newsbrief.web.pages import PAGE_CSP

FERRY_A = (
    "A passenger ferry ran aground off the island of Kestrel on Friday evening, the coast guard said. "
    "All 212 passengers were taken off the ship by lifeboats before midnight. "
    '"The sea was calm and nobody was hurt on Friday," said coast guard captain Mira Osei. '
    "The operator, Northwind Lines, may suspend its Kestrel crossings until Monday."
)
FERRY_B = (
    "Northwind Lines suspended all crossings to Kestrel after one of its ferries ran aground on Friday. "
    "The coast guard said 212 passengers were brought ashore in lifeboats and that nobody was injured. "
    'Captain Mira Osei of the coast guard said: "The rescue went smoothly." '
    "Investigators could examine the navigation logs of the Kestrel ferry next week."
)
DROUGHT = (
    "Farmers in the Valley of Orrin say the dry summer has halved their wheat harvest. "
    "The regional council promised emergency payments of 300 euros per hectare on Wednesday. "
    '"We cannot wait until winter," said Tomas Brandt, who farms 40 hectares near the river.'
)
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
HOSTILE = (
    f"{SCRIPT} A harbour vote on the fees of Kestrel was postponed on Tuesday, officials said. "
    f'"{IMG} is what we got in the mail," said Ada Quill, the harbour master.'
)


def _span(text: str, part: str, nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return {"start": start, "end": start + len(part), "text": part}


def _sentence(text: str, part: str) -> dict[str, Any]:
    """The sentence of `text` that contains `part` (up to and including its full stop)."""
    i = text.index(part)
    start = max(text.rfind(". ", 0, i) + 2, 0) if text.rfind(". ", 0, i) >= 0 else 0
    end = text.find(". ", i)
    end = len(text) if end < 0 else end + 1
    return {"start": start, "end": end, "text": text[start:end]}


def _brief(aid: str, text: str, published: str, title: str, source: str, **fields: Any) -> dict[str, Any]:
    brief = {
        "schema": "newsbrief/1", "id": aid, "text": text, "published": published, "published_source": "input",
        "language": "en", "title": title, "url": None, "source": source, "key_points": [], "entities": [],
        "attributions": [], "timexes": [], "statements": [], "events": [], "checks": [], "themes": [], "notes": [],
    }  # fmt: skip
    brief.update(fields)
    return brief


def _entities(text: str, names: list[tuple[str, str]]) -> list[dict[str, Any]]:
    out = []
    for k, (name, etype) in enumerate(names):
        mentions = [{"start": m.start(), "end": m.end(), "text": name} for m in re.finditer(re.escape(name), text)]
        out.append({"id": f"e{k}", "name": name, "type": etype, "country": None, "mentions": mentions})
    return out


def _ferry_a() -> dict[str, Any]:
    t = FERRY_A
    quote_ = _span(t, '"The sea was calm and nobody was hurt on Friday,"')
    return _brief(
        "ferry-a", t, "2026-03-06", "Ferry runs aground", "Harbour Post",
        key_points=[{**_sentence(t, "ran aground"), "score": 2.0}, {**_sentence(t, "212 passengers"), "score": 1.5}],
        entities=_entities(t, [("Kestrel", "GPE"), ("Mira Osei", "PERSON"), ("Northwind Lines", "ORG")]),
        attributions=[
            {"source": _span(t, "Mira Osei"), "cue": _span(t, "said", 1), "content": quote_, "speaker": "e1",
             "speaker_name": "Mira Osei", "role": _span(t, "coast guard captain"), "kind": "direct", "fragments": None},
            {"source": _span(t, "the coast guard"), "cue": _span(t, "said"), "content": _span(t, "A passenger ferry ran aground"),
             "speaker": None, "speaker_name": "the coast guard", "role": None, "kind": "indirect", "fragments": None},
        ],
        timexes=[
            {**_span(t, "Friday evening"), "type": "TIME", "value": "2026-03-06TEV"},
            {**_span(t, "Friday", 1), "type": "DATE", "value": "2026-03-06"},
            {**_span(t, "Monday"), "type": "DATE", "value": "2026-03-09"},
        ],
        statements=[
            {**_sentence(t, "ran aground"), "modality": "asserted", "holder": None},
            # ends inside the quote that follows it: the quote is cut into pieces
            {**_span(t, 'before midnight. "The sea was calm'), "modality": "asserted", "holder": None},
            {**_sentence(t, "may suspend"), "modality": "possible", "holder": None},
        ],
        events=[
            {**_span(t, "may suspend its Kestrel crossings until Monday"), "trigger": _span(t, "suspend"), "type": "suspend",
             "cameo": None, "actor": "e2", "target": "e0", "place": None, "when": "2026-03-09", "modality": "possible"},
        ],
    )  # fmt: skip


def _ferry_b() -> dict[str, Any]:
    t = FERRY_B
    return _brief(
        "ferry-b", t, "2026-03-07", "Crossings suspended", "Island Daily",
        key_points=[{**_sentence(t, "suspended all crossings"), "score": 2.0}],
        entities=_entities(t, [("Kestrel", "GPE"), ("Mira Osei", "PERSON"), ("Northwind Lines", "ORG")]),
        attributions=[
            {"source": _span(t, "Captain Mira Osei"), "cue": _span(t, "said", 1),
             "content": _span(t, '"The rescue went smoothly."'), "speaker": "e1", "speaker_name": "Mira Osei", "role": None,
             "kind": "direct", "fragments": None},
        ],
        timexes=[
            {**_span(t, "Friday"), "type": "DATE", "value": "2026-03-06"},
            {**_span(t, "next week"), "type": "DATE", "value": "2026-W11"},
        ],
        statements=[
            {**_sentence(t, "suspended all crossings"), "modality": "asserted", "holder": None},
            {**_sentence(t, "212 passengers"), "modality": "asserted", "holder": None},
            {**_sentence(t, "Investigators could"), "modality": "possible", "holder": None},
        ],
    )  # fmt: skip


def _drought() -> dict[str, Any]:
    t = DROUGHT
    return _brief(
        "drought/1", t, "2026-02-10", "Dry summer", "Farm Weekly",
        key_points=[{**_sentence(t, "halved"), "score": 1.0}],
        entities=_entities(t, [("Tomas Brandt", "PERSON"), ("Orrin", "GPE")]),
        attributions=[
            {"source": _span(t, "Tomas Brandt"), "cue": _span(t, "said"), "content": _span(t, '"We cannot wait until winter,"'),
             "speaker": "e0", "speaker_name": "Tomas Brandt", "role": None, "kind": "direct", "fragments": None},
        ],
        timexes=[{**_span(t, "Wednesday"), "type": "DATE", "value": "2026-02-11"}],
        statements=[{**_sentence(t, "halved"), "modality": "asserted", "holder": None}],
    )  # fmt: skip


def _hostile() -> dict[str, Any]:
    t = HOSTILE
    return _brief(
        "hostile", t, "2026-03-08", SCRIPT + " Harbour fees", IMG,
        key_points=[{**_span(t, SCRIPT + " A harbour vote"), "score": 1.0}],
        entities=_entities(t, [("Kestrel", "GPE"), ("Ada Quill", "PERSON")]),
        attributions=[
            {"source": _span(t, "Ada Quill"), "cue": _span(t, "said", 1),
             "content": _span(t, f'"{IMG} is what we got in the mail,"'), "speaker": "e1", "speaker_name": "Ada Quill",
             "role": _span(t, "the harbour master"), "kind": "direct", "fragments": None},
        ],
        timexes=[{**_span(t, "Tuesday"), "type": "DATE", "value": "2026-03-03"}],
        statements=[
            {**_span(t, SCRIPT + " A harbour vote on the fees of Kestrel was postponed on Tuesday"), "modality": "asserted",
             "holder": None},
        ],
    )  # fmt: skip


LIBRARY = "The town library of Wendmoor reopened its reading room after a new roof was fitted over the winter."
BRIEFS = [
    _ferry_a(), _ferry_b(), _drought(), _hostile(),
    _brief("library", LIBRARY, None, "Reading room reopens", "Town Crier",
           key_points=[{**_sentence(LIBRARY, "reopened"), "score": 1.0}]),
]  # fmt: skip


@pytest.fixture(scope="module")
def site_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("web") / "news.db")
    for b in BRIEFS:  # the fixture itself is grounded
        for span in spans_of(b):
            assert b["text"][span["start"] : span["end"]] == span["text"], span
    with Corpus.open(db) as corpus:
        for b in BRIEFS:
            assert corpus.add_brief(b).status == "added"
    return db


@pytest.fixture(scope="module")
def client(site_db: str) -> TestClient:
    with TestClient(create_site(site_db, token="t0ken-for-tests")) as c:
        yield c


# a small DOM reader ---------------------------------------------------------------------------------
class Dom(HTMLParser):
    """Elements with their attributes and text content (nested text included), in document order."""

    VOID: ClassVar[set[str]] = {"meta", "link", "input", "br", "img", "hr", "rect", "circle", "line"}

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[dict[str, Any]] = []
        self._open: list[dict[str, Any]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = {"tag": tag, "attrs": {k: v or "" for k, v in attrs}, "text": "", "depth": len(self._open)}
        self.elements.append(el)
        if tag not in self.VOID:
            self._open.append(el)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append({"tag": tag, "attrs": {k: v or "" for k, v in attrs}, "text": "", "depth": len(self._open)})

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i]["tag"] == tag:
                del self._open[i:]
                return

    def handle_data(self, data: str) -> None:
        for el in self._open:
            el["text"] += data

    def find(self, tag: str | None = None, **attrs: str) -> list[dict[str, Any]]:
        def ok(el: dict[str, Any]) -> bool:
            if tag and el["tag"] != tag:
                return False
            for k, v in attrs.items():
                k = k.rstrip("_").replace("_", "-")
                if k == "class":
                    if v not in el["attrs"].get("class", "").split():
                        return False
                elif el["attrs"].get(k) != v:
                    return False
            return True

        return [el for el in self.elements if ok(el)]

    def ids(self) -> set[str]:
        return {el["attrs"]["id"] for el in self.elements if "id" in el["attrs"]}


def _page(client: TestClient, url: str, status: int = 200) -> Dom:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:500])
    assert r.headers["content-type"].startswith("text/html")
    assert r.headers["content-security-policy"] == PAGE_CSP
    dom = Dom(r.text)
    assert dom.find("main", id="main"), url
    assert dom.find("a", class_="skip", href="#main"), url
    assert dom.find("nav") and dom.find("a", href="/"), url
    form = dom.find("form", id="search-form")
    assert form and form[0]["attrs"]["action"] == "/search" and form[0]["attrs"]["method"] == "get"
    assert dom.find("input", name="q")
    assert dom.find("meta", name="viewport")
    assert "<script" not in r.text.lower().replace("&lt;script", "")  # no script of ours, no injected one
    return dom


def _story_of(site_db: str, article_id: str) -> str:
    with open_store(site_db) as store:
        row = store.get_article(article_id)
        assert row is not None and row.story_id
        return row.story_id


def _actor_of(site_db: str, name: str) -> str:
    from newsbrief.corpus.actors import find_actors

    with open_store(site_db) as store:
        found = find_actors(store, name)
        assert found, name
        return found[0].id


# home -----------------------------------------------------------------------------------------------
def test_home_lists_stories_with_size_outlets_and_dates(client: TestClient) -> None:
    dom = _page(client, "/")
    items = dom.find("li", class_="story-item")
    assert len(items) >= 3
    links = [el for el in dom.find("a") if el["attrs"].get("href", "").startswith("/story/")]
    assert len(links) == len(items)
    ferry = next(el for el in items if "Harbour Post" in el["text"] or "Island Daily" in el["text"])
    assert "2026-03-0" in ferry["text"] and "article" in ferry["text"]


def test_home_orders_stories_as_the_store_does(site_db: str) -> None:
    from newsbrief.web import queries

    with open_store(site_db) as store:
        n = len(store.list_stories())
        assert any(s.last_published is None for s in store.list_stories())  # the undated go last
        for limit, offset in [(50, 0), (2, 0), (2, 1), (2, n - 2), (1, n - 1), (3, n)]:
            assert [s.id for s in queries.story_lines(store, limit, offset)] == [s.id for s in store.list_stories(limit, offset)]


def test_home_pages_are_bounded(client: TestClient) -> None:
    assert not _page(client, "/?page=999").find("li", class_="story-item")
    _page(client, "/?page=abc", status=400)


# article --------------------------------------------------------------------------------------------
def _marks(dom: Dom) -> dict[str, list[dict[str, Any]]]:
    pieces: dict[str, list[dict[str, Any]]] = {}
    for el in dom.find("mark", class_="span"):
        pieces.setdefault(el["attrs"]["data-ref"], []).append(el)
    return pieces


@pytest.mark.parametrize("brief", BRIEFS, ids=lambda b: b["id"])
def test_article_marks_are_the_briefs_spans(client: TestClient, brief: dict[str, Any]) -> None:
    dom = _page(client, "/article/" + quote(brief["id"], safe=""))
    text = brief["text"]
    [body] = dom.find("div", id="article-text")
    assert body["text"] == text  # the whole text, once, nothing added or lost
    expected = {
        "point": brief["key_points"],
        "quote": [a["content"] for a in brief["attributions"]],
        "timex": brief["timexes"],
        "statement": brief["statements"],
        "event": brief["events"],
        "entity": [m for e in brief["entities"] for m in e["mentions"]],
    }
    pieces = _marks(dom)
    for kind, spans in expected.items():
        for n, span in enumerate(spans):
            ref = f"span-{kind}-{n}"
            assert ref in pieces, ref
            first, *rest = pieces[ref]
            assert first["attrs"].get("id") == ref and all("id" not in p["attrs"] for p in rest)
            for p in pieces[ref]:
                assert (int(p["attrs"]["data-start"]), int(p["attrs"]["data-end"])) == (span["start"], span["end"])
                assert f"span-{kind}" in p["attrs"]["class"].split()
            assert "".join(p["text"] for p in pieces[ref]) == span["text"] == text[span["start"] : span["end"]]
    assert sum(len(v) for v in expected.values()) == len(pieces)


def test_article_overlapping_spans_are_split_and_first_piece_is_the_anchor(client: TestClient) -> None:
    dom = _page(client, "/article/ferry-a")
    pieces = _marks(dom)
    crossing = pieces["span-statement-1"]  # ends inside the quote
    quote_ = pieces["span-quote-0"]
    assert len(crossing) + len(quote_) >= 3


def test_article_mark_attributes(client: TestClient) -> None:
    dom = _page(client, "/article/ferry-a")
    timex = dom.find("mark", id="span-timex-1")[0]
    assert timex["attrs"]["title"] == "2026-03-06"
    q0 = dom.find("mark", id="span-quote-0")[0]
    assert q0["attrs"]["data-speaker"] == "e1" and any(c.startswith("speaker-") for c in q0["attrs"]["class"].split())
    q1 = dom.find("mark", id="span-quote-1")[0]
    assert q1["attrs"]["class"] != q0["attrs"]["class"]  # another speaker, another colour
    assert "modality-asserted" in dom.find("mark", id="span-statement-0")[0]["attrs"]["class"].split()
    assert "modality-possible" in dom.find("mark", id="span-statement-2")[0]["attrs"]["class"].split()


def test_article_brief_items_link_to_marks(client: TestClient) -> None:
    dom = _page(client, "/article/ferry-a")
    assert dom.find("aside", id="brief")
    items = dom.find("a", class_="brief-item")
    ids = dom.ids()
    assert len(items) >= 8
    for a in items:
        href = a["attrs"]["href"]
        assert href.startswith("#span-") and href[1:] in ids, href
    kinds = {a["attrs"]["href"].split("-")[1] for a in items}
    assert {"point", "quote", "timex", "statement", "event", "entity"} <= kinds
    assert "Hedged" in "".join(el["text"] for el in dom.find("summary"))


def test_article_with_slash_in_id_and_unknown_article(client: TestClient) -> None:
    _page(client, "/article/drought%2F1")
    _page(client, "/article/drought/1")
    dom = _page(client, "/article/no-such-article", status=404)
    assert "no-such-article" in dom.find("main")[0]["text"]


def test_article_links_to_story_and_actor_pages(client: TestClient, site_db: str) -> None:
    dom = _page(client, "/article/ferry-a")
    hrefs = [a["attrs"]["href"] for a in dom.find("a")]
    assert "/story/" + _story_of(site_db, "ferry-a") in hrefs
    actor_links = [h for h in hrefs if h.startswith("/actor/")]
    assert actor_links
    for h in actor_links:
        _page(client, h)


# hostile input --------------------------------------------------------------------------------------
@pytest.mark.parametrize("url", ["/article/hostile", "/", "/search?q=harbour+mail", "STORY", "ACTOR"])
def test_hostile_text_is_shown_as_text(client: TestClient, site_db: str, url: str) -> None:
    if url == "STORY":
        url = "/story/" + _story_of(site_db, "hostile")
    elif url == "ACTOR":
        url = "/actor/" + _actor_of(site_db, "Ada Quill")
    r = client.get(url)
    assert r.status_code == 200
    body = r.text
    assert SCRIPT not in body and "<img" not in body and "onerror=alert" not in body.replace("onerror=alert(1)&gt;", "")
    if url != "/":  # the home page shows titles only: the title's script tag, escaped
        assert "&lt;img src=x onerror=alert(1)&gt;" in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert r.headers["content-security-policy"] == PAGE_CSP
    Dom(body)


def test_hostile_query_and_filters_are_escaped(client: TestClient) -> None:
    r = client.get("/search", params={"q": SCRIPT, "outlet": IMG, "actor": '"><script>x</script>'})
    assert r.status_code == 200
    assert SCRIPT not in r.text and "<img" not in r.text and "<script>x" not in r.text


def test_hostile_article_page_text_survives(client: TestClient) -> None:
    dom = _page(client, "/article/hostile")
    assert dom.find("div", id="article-text")[0]["text"] == HOSTILE
    assert dom.find("h1")[0]["text"].strip() == SCRIPT + " Harbour fees"


# story ----------------------------------------------------------------------------------------------
def test_story_page_sections(client: TestClient, site_db: str) -> None:
    sid = _story_of(site_db, "ferry-a")
    assert sid == _story_of(site_db, "ferry-b"), "the two ferry articles should be one story"
    brief = client.get(f"/api/stories/{sid}").json()
    dom = _page(client, f"/story/{sid}")
    for section in ("key-points", "timeline", "claims", "contradictions", "quotes"):
        assert dom.find("section", id=section), section
    points = dom.find("details", class_="point")
    assert len(points) == len(brief["key_points"]) > 0
    supports = [int(el["text"]) for el in dom.find("span", class_="support")]
    assert supports == [len(p["support"]) for p in brief["key_points"]]
    assert dom.find("svg", class_="chart")
    assert dom.find("table", class_="claims")
    assert "Mira Osei" in "".join(el["text"] for el in dom.find("section", id="quotes"))


def _anchored_links_land(client: TestClient, dom: Dom) -> list[str]:
    """Every link to a span on an article page names a mark that page has; the links."""
    links = [a["attrs"]["href"] for a in dom.find("a") if a["attrs"].get("href", "").startswith("/article/")]
    anchored = [h for h in links if "#span-" in h]
    pages: dict[str, set[str]] = {}
    for h in set(anchored):
        path, _, anchor = h.partition("#")
        if path not in pages:
            pages[path] = _page(client, path).ids()
        assert anchor in pages[path], h
    return anchored


def test_story_links_point_at_marks_on_article_pages(client: TestClient, site_db: str) -> None:
    sid = _story_of(site_db, "ferry-a")
    anchored = _anchored_links_land(client, _page(client, f"/story/{sid}"))
    assert any("#span-point-" in h for h in anchored)
    assert any("#span-quote-" in h for h in anchored)


def test_story_point_opens_sentences_of_each_supporting_article(client: TestClient, site_db: str) -> None:
    sid = _story_of(site_db, "ferry-a")
    brief = client.get(f"/api/stories/{sid}").json()
    dom = _page(client, f"/story/{sid}")
    texts = [el["text"] for el in dom.find("ul", class_="behind")]
    for p, behind in zip(brief["key_points"], texts):
        for aid in p["support"]:
            outlet = next(a["source"] for a in brief["articles"] if a["id"] == aid)
            assert outlet in behind


def test_unknown_story_and_actor_are_404_pages(client: TestClient) -> None:
    _page(client, "/story/s-nope", status=404)
    _page(client, "/actor/a-nope", status=404)


# actor ----------------------------------------------------------------------------------------------
def test_actor_page_sections(client: TestClient, site_db: str) -> None:
    aid = _actor_of(site_db, "Mira Osei")
    dom = _page(client, f"/actor/{aid}")
    assert "Mira Osei" in dom.find("h1")[0]["text"]
    for section in ("aliases", "mentions-chart", "quotes", "said-about", "linked-actors"):
        assert dom.find(id=section), section
    assert dom.find("svg", class_="chart")
    quotes = next(el for el in dom.find(id="quotes"))["text"]
    assert "The rescue went smoothly" in quotes and "The sea was calm" in quotes
    linked = next(el for el in dom.find(id="linked-actors"))["text"]
    assert "Northwind Lines" in linked or "Kestrel" in linked
    assert any("#span-quote-" in h for h in _anchored_links_land(client, dom))


def test_actor_said_about_lists_events_on_them(client: TestClient, site_db: str) -> None:
    aid = _actor_of(site_db, "Kestrel")
    dom = _page(client, f"/actor/{aid}")
    about = next(el for el in dom.find(id="said-about"))["text"]
    assert "may suspend its Kestrel crossings" in about
    assert any("#span-event-" in h for h in _anchored_links_land(client, dom))


# search ---------------------------------------------------------------------------------------------
def test_search_hits_with_marked_snippets(client: TestClient) -> None:
    r = client.get("/search", params={"q": "ferry aground"})
    dom = _page(client, "/search?q=ferry+aground")
    hits = dom.find("li", class_="hit")
    assert hits
    assert "<mark>aground</mark>" in r.text
    for field in ("actor", "outlet", "since", "until", "story"):
        assert dom.find("input", name=field), field


def test_search_filters(client: TestClient) -> None:
    both = _page(client, "/search?q=Kestrel").find("li", class_="hit")
    only = _page(client, "/search?q=Kestrel&outlet=Island+Daily").find("li", class_="hit")
    assert len(both) > len(only) == 1
    assert not _page(client, "/search?q=Kestrel&until=2026-01-01").find("li", class_="hit")
    assert _page(client, "/search?q=Kestrel&since=2026-03-07&until=2026-03-07").find("li", class_="hit")


def test_search_bad_input_is_an_html_page(client: TestClient) -> None:
    dom = _page(client, "/search?q=Kestrel&since=yesterday", status=400)
    assert "YYYY-MM-DD" in dom.find("main")[0]["text"]
    assert not _page(client, "/search").find("li", class_="hit")
    assert "no words" in _page(client, "/search?q=%22%22", status=400).find("main")[0]["text"]
    _page(client, "/search?q=x&page=zz", status=400)


# the site -------------------------------------------------------------------------------------------
def test_pages_are_read_only_and_the_api_is_there(client: TestClient) -> None:
    for url in ("/", "/search", "/article/ferry-a"):
        assert client.post(url).status_code == 405
        assert client.head(url).status_code == 200
    assert client.get("/api/stories").status_code == 200
    assert client.post("/api/articles", json={"text": "x"}).status_code == 401


def test_static_stylesheet_is_served(client: TestClient) -> None:
    r = client.get("/static/style.css")
    assert r.status_code == 200 and ":target" in r.text and "@media" in r.text


def test_serve_help() -> None:
    from newsbrief.cli import app

    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--db" in result.output and "--port" in result.output


def test_serve_refuses_a_missing_store(tmp_path: Any) -> None:
    from newsbrief.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none" / "x.db")])
    assert result.exit_code != 0


# the highlighter, on any spans ----------------------------------------------------------------------
@settings(max_examples=150, deadline=None)
@given(
    text=st.text(alphabet="ab <>&\"'\n", min_size=1, max_size=40),
    raw=st.lists(
        st.tuples(st.integers(0, 40), st.integers(0, 40), st.sampled_from(["point", "quote", "timex", "entity"])), max_size=8
    ),
)
def test_render_nests_any_spans_and_keeps_the_text(text: str, raw: list[tuple[int, int, str]]) -> None:
    items = []
    for n, (a, b, kind) in enumerate(raw):
        s, e = sorted((min(a, len(text)), min(b, len(text))))
        if s < e:
            items.append(Mark(kind, n, s, e))
    html = str(render(text, items))
    dom = Dom(f"<div id='t'>{html}</div>")
    assert dom.find("div", id="t")[0]["text"] == text
    assert html.count("<mark") == html.count("</mark>")
    pieces: dict[str, list[dict[str, Any]]] = {}
    for el in dom.find("mark"):
        pieces.setdefault(el["attrs"]["data-ref"], []).append(el)
    for m in items:
        got = pieces[m.anchor]
        assert got[0]["attrs"].get("id") == m.anchor
        assert "".join(p["text"] for p in got) == text[m.start : m.end]


def test_unquote_roundtrip_of_article_links() -> None:
    from newsbrief.web.pages import article_url

    assert unquote(article_url("a/b c#d").removeprefix("/article/")) == "a/b c#d"


# the charts -----------------------------------------------------------------------------------------
def test_charts_escape_labels_and_link_their_marks() -> None:
    import datetime as dt

    from newsbrief.web import charts

    svg = str(
        charts.timeline(
            [
                charts.Point(dt.date(2026, 3, 6), "events", SCRIPT, "/article/a#span-point-0"),
                charts.Point(dt.date(2026, 3, 9), "articles", IMG, '/article/"x'),
            ],
            ["events", "articles"],
            "Timeline of " + SCRIPT,
        )
    )
    assert SCRIPT not in svg and "<img" not in svg and "&lt;script&gt;" in svg
    assert svg.count("<a href=") == 2 and 'href="/article/&#34;x"' in svg
    assert str(charts.timeline([], ["events"], "x")) == ""


def test_per_period_fills_empty_periods() -> None:
    import datetime as dt

    from newsbrief.web.charts import parse_day, per_period

    weeks = per_period([(dt.date(2026, 3, 2), 2), (dt.date(2026, 3, 25), 1)])
    assert [n for _, n in weeks] == [2, 0, 0, 1]
    months = per_period([(dt.date(2025, 1, 5), 1), (dt.date(2025, 12, 5), 3)])
    assert len(months) == 12 and months[0] == ("Jan 2025", 1) and months[-1] == ("Dec 2025", 3)
    assert parse_day("2007") == dt.date(2007, 1, 1) and parse_day("2026-03") == dt.date(2026, 3, 1)
    assert parse_day("PXDE") is None and parse_day(None) is None and parse_day("2026-13-40") is None


# the same pages over PostgreSQL ---------------------------------------------------------------------
@pytest.fixture
def pg_url() -> Any:
    yield from pg_schema()


def test_pages_on_postgresql(pg_url: str) -> None:
    with Corpus.open(pg_url) as corpus:
        for b in BRIEFS:
            assert corpus.add_brief(b).status == "added"
    with TestClient(create_site(pg_url)) as pg:
        assert len(_page(pg, "/").find("li", class_="story-item")) >= 3
        dom = _page(pg, "/article/ferry-a")
        assert dom.find("div", id="article-text")[0]["text"] == FERRY_A
        story = next(a["attrs"]["href"] for a in dom.find("a") if a["attrs"].get("href", "").startswith("/story/"))
        assert _page(pg, story).find("details", class_="point")
        actor = next(a["attrs"]["href"] for a in dom.find("a") if a["attrs"].get("href", "").startswith("/actor/"))
        actor_dom = _page(pg, actor)
        assert actor_dom.find(id="linked-actors") and actor_dom.find("svg", class_="chart")
        assert _page(pg, "/search?q=Kestrel&outlet=Island+Daily").find("li", class_="hit")
        r = pg.get("/article/hostile")
        assert SCRIPT not in r.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text
