"""The web pages of `newsbrief serve` (issue #8, DOM hooks in helpers/web-contract.md): home, story,
article, actor and search, server-rendered with Jinja2 (autoescaped: article text is hostile input).

Pages only read (GET and HEAD); writes stay in the API behind the token. Every page sends its own
Content-Security-Policy (the API's Guard keeps a CSP a route sets): the stylesheet comes from /static
on this server, nothing is inline, nothing comes from elsewhere, and no page needs a script.

Speed: a page is a handful of queries, never one per story or per article of the corpus; the story
page reads the story brief and its page data (the sentences behind each point, the articles' span
anchors) as the store keeps them per story state (`views.story_and_page`), and caches the page's
context per story state in memory.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from collections import Counter
from functools import lru_cache, partial
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader
from markupsafe import Markup, escape

from newsbrief.corpus import views
from newsbrief.corpus.store import Store
from newsbrief.corpus.views import anchor_index
from newsbrief.errors import NewsbriefError
from newsbrief.web import charts, queries
from newsbrief.web.highlight import marks, render, speaker_classes

PAGE_CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
STORIES_PER_PAGE = 50
ACTOR_ARTICLES_PER_PAGE = 20
HITS_PER_PAGE = 20
MAX_ROWS = 200  # claims per table, timeline items listed, quotes per speaker: the rest is counted, not shown
MAX_PAGE = 10_000
CHART_MARGIN_DAYS = 366  # the timeline chart spans the articles' dates and a year either side
QUOTE_ARTICLES = 20  # an actor's latest articles where it speaks, read for "what they said"
LINKED_SAMPLE = 300  # an actor's latest articles read for its most linked actors
MODALITY_LABELS = {
    "asserted": "Asserted",
    "possible": "Hedged: possible",
    "expected": "Hedged: expected",
    "denied": "Denied",
    "question": "Questioned",
}

router = APIRouter(include_in_schema=False)


class PageError(Exception):
    """A page that cannot be shown: rendered as an HTML error page with this status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


# rendering ------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def env() -> Environment:
    e = Environment(loader=PackageLoader("newsbrief.web", "templates"), autoescape=True, trim_blocks=True, lstrip_blocks=True)
    e.filters["article_url"] = article_url
    e.filters["q"] = lambda s: quote(str(s), safe="")
    e.filters["short"] = short
    return e


def html_page(template: str, status: int = 200, **context: Any) -> HTMLResponse:
    body = env().get_template(template).render(**context)
    return HTMLResponse(body, status_code=status, headers={"content-security-policy": PAGE_CSP, "cache-control": "no-store"})


def error_page(status: int, message: str) -> HTMLResponse:
    return html_page("error.html", status=status, status_code=status, message=message)


def article_url(article_id: str, anchor: str | None = None) -> str:
    return "/article/" + _quoted(str(article_id)) + (f"#{anchor}" if anchor else "")


@lru_cache(maxsize=65536)
def _quoted(article_id: str) -> str:
    return quote(article_id, safe="")


def short(text: Any, n: int = 160) -> str:
    s = " ".join(str(text or "").split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def _stores(request: Request) -> Any:
    return request.app.state.stores


def _reader(request: Request) -> Store:
    return _stores(request).reader()


def _int_param(request: Request, name: str, default: int = 1, lo: int = 1, hi: int = MAX_PAGE) -> int:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise PageError(400, f"'{name}' must be a whole number, got {raw!r}") from None
    return min(max(value, lo), hi)


def _external(url: str | None) -> str | None:
    """The article's own URL as a link only when it is http(s): a javascript: URL stays text."""
    if not url:
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


# anchors: a story's span -> the mark on its article's page ------------------------------------------
def _span_link(index: dict[str, dict[tuple[int, int], str]], article: str, start: Any, end: Any) -> str:
    """Link to the mark of this span on the article page; the smallest mark around it; else the page."""
    spans = index.get(article) or {}
    anchor = spans.get((start, end))
    if anchor is None and isinstance(start, int) and isinstance(end, int):
        around = [(e - s, a) for (s, e), a in spans.items() if s <= start and end <= e]
        anchor = min(around)[1] if around else None
    return article_url(article, anchor)


# home -----------------------------------------------------------------------------------------------
@router.api_route("/", methods=["GET", "HEAD"], response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    page = _int_param(request, "page")
    store = _reader(request)
    offset = (page - 1) * STORIES_PER_PAGE
    rows = queries.story_lines(store, STORIES_PER_PAGE + 1, offset)
    more = len(rows) > STORIES_PER_PAGE
    rows = rows[:STORIES_PER_PAGE]
    outlets = store.story_outlets([s.id for s in rows]) if rows else {}
    stories = [
        {
            "id": s.id,
            "title": s.title,
            "size": s.size,
            "copies": s.n_articles - s.size,
            "outlets": outlets.get(s.id, []),
            "first": s.first_published,
            "last": s.last_published,
        }
        for s in rows
    ]
    return html_page(
        "home.html",
        stories=stories,
        page=page,
        prev_url=f"/?page={page - 1}" if page > 1 else None,
        next_url=f"/?page={page + 1}" if more else None,
        n_articles=store.count_articles(),
    )


# article --------------------------------------------------------------------------------------------
@router.api_route("/article/{article_id:path}", methods=["GET", "HEAD"], response_class=HTMLResponse)
def article(request: Request, article_id: str) -> HTMLResponse:
    store = _reader(request)
    brief = store.get_brief(article_id)
    row = store.get_article(article_id) if brief is not None else None
    if brief is None or row is None:
        raise PageError(404, f"no article {article_id!r} in this store")
    return html_page("article.html", **article_context(store, row, brief))


def article_context(store: Store, row: Any, brief: dict[str, Any]) -> dict[str, Any]:
    text = brief.get("text") or ""
    ms = marks(brief)
    by_kind: dict[str, set[int]] = {}
    for m in ms:
        by_kind.setdefault(m.kind, set()).add(m.n)
    actor_of = queries.article_actors(store, row.id)
    entities = brief.get("entities") or []
    names = {e.get("id"): e.get("name") for e in entities}

    points = [
        {"anchor": f"span-point-{i}", "text": p.get("text"), "score": p.get("score")}
        for i, p in enumerate(brief.get("key_points") or [])
        if i in by_kind.get("point", ())
    ]
    colours = speaker_classes(brief)
    speakers: dict[str, dict[str, Any]] = {}
    for i, a in enumerate(brief.get("attributions") or []):
        if i not in by_kind.get("quote", ()):
            continue
        key = a.get("speaker") or a.get("speaker_name") or ""
        g = speakers.setdefault(
            key,
            {
                "name": names.get(a.get("speaker")) or a.get("speaker_name") or "unattributed",
                "actor": actor_of.get(a.get("speaker") or ""),
                "colour": colours.get(key, 0),
                "role": None,
                "quotes": [],
            },
        )
        role = a.get("role")
        if g["role"] is None and isinstance(role, dict):
            g["role"] = role.get("text")
        g["quotes"].append({"anchor": f"span-quote-{i}", "text": (a.get("content") or {}).get("text"), "kind": a.get("kind")})
    timexes = [
        {"anchor": f"span-timex-{i}", "text": t.get("text"), "value": t.get("value"), "type": t.get("type")}
        for i, t in enumerate(brief.get("timexes") or [])
        if i in by_kind.get("timex", ())
    ]
    modal: dict[str, list[dict[str, Any]]] = {}
    for i, s in enumerate(brief.get("statements") or []):
        if i in by_kind.get("statement", ()):
            modal.setdefault(s.get("modality") or "asserted", []).append(
                {"anchor": f"span-statement-{i}", "text": s.get("text"), "holder": names.get(s.get("holder"))}
            )
    statements = [
        {"modality": k, "label": MODALITY_LABELS.get(k, k), "items": modal[k]} for k in MODALITY_LABELS if k in modal
    ] + [{"modality": k, "label": k, "items": v} for k, v in modal.items() if k not in MODALITY_LABELS]
    events = [
        {
            "anchor": f"span-event-{i}",
            "text": ev.get("text"),
            "type": ev.get("type"),
            "when": ev.get("when"),
            "modality": ev.get("modality"),
            "actor": names.get(ev.get("actor")),
            "target": names.get(ev.get("target")),
        }
        for i, ev in enumerate(brief.get("events") or [])
        if i in by_kind.get("event", ())
    ]
    actors, n = [], 0
    for e in entities:
        first = next(
            (f"span-entity-{n + j}" for j in range(len(e.get("mentions") or [])) if n + j in by_kind.get("entity", ())), None
        )
        n += len(e.get("mentions") or [])
        actors.append(
            {
                "name": e.get("name"),
                "type": e.get("type"),
                "country": e.get("country"),
                "mentions": len(e.get("mentions") or []),
                "anchor": first,
                "actor": actor_of.get(e.get("id")),
            }
        )
    actors.sort(key=lambda a: -a["mentions"])
    index = anchor_index(brief)
    checks = [
        {
            "kind": c.get("kind"),
            "message": c.get("message"),
            "links": [_span_link({row.id: index}, row.id, s.get("start"), s.get("end")) for s in c.get("spans") or []],
        }
        for c in brief.get("checks") or []
    ]
    story = None
    if row.story_id:
        found = store.get_stories([row.story_id])
        story = {"id": row.story_id, "title": found[0].title if found else None, "size": found[0].size if found else None}
    return {
        "article": row,
        "brief": brief,
        "title": row.title or brief.get("title") or f"Article {row.id}",
        "url": _external(row.url),
        "text_html": render(text, ms),
        "points": points,
        "speakers": list(speakers.values()),
        "timexes": timexes,
        "statements": statements,
        "events": events,
        "actors": actors,
        "checks": checks,
        "story": story,
        "counts": {k: len(v) for k, v in by_kind.items()},
    }


# story ----------------------------------------------------------------------------------------------
@router.api_route("/story/{story_id}", methods=["GET", "HEAD"], response_class=HTMLResponse)
def story(request: Request, story_id: str) -> HTMLResponse:
    store = _reader(request)
    found = store.get_stories([story_id])
    if not found:
        raise PageError(404, f"no story {story_id!r} in this store")
    s = found[0]
    cache = request.app.state.web_cache
    context = cache.get(("story", s.id, s.n_articles, s.last_seq), partial(story_context, store, s))
    return html_page("story.html", **context)


def story_context(store: Store, s: Any) -> dict[str, Any]:
    """The story page's context: the story brief and its page data as stored for this story state
    (built and stored when they are not), so that a first view reads no article brief."""
    sb, page = views.story_and_page(store, s)
    articles = {a["id"]: a for a in sb.get("articles") or []}
    index = {aid: {(st, en): anchor for st, en, anchor in spans} for aid, spans in (page.get("anchors") or {}).items()}
    behind_rows = page.get("behind") or []

    def link(x: dict[str, Any]) -> str:
        return _span_link(index, x.get("article") or "", x.get("start"), x.get("end"))

    def outlet(aid: str) -> str:
        a = articles.get(aid) or {}
        return a.get("source") or a.get("title") or aid

    points = []
    for k, p in enumerate(sb.get("key_points") or []):
        sents = behind_rows[k] if k < len(behind_rows) else []
        behind = []
        for aid, sent in zip(p.get("support") or [p.get("article")], sents, strict=False):
            behind.append(
                {
                    "article": aid,
                    "outlet": outlet(aid),
                    "published": (articles.get(aid) or {}).get("published"),
                    "text": sent[2] if sent else None,
                    "href": _span_link(index, aid, sent[0], sent[1]) if sent else article_url(aid),
                }
            )
        points.append({"text": p.get("text"), "support": len(p.get("support") or []), "href": link(p), "behind": behind})

    chart_points = []
    for t in sb.get("timeline") or []:
        day = charts.parse_day(t.get("date") or t.get("when"))
        if day is not None:
            approx = len(str(t.get("when") or "")) < 10
            chart_points.append(charts.Point(day, "events", f"{t.get('when')}: {short(t.get('text'), 120)}", link(t), approx))
    for aid, a in articles.items():
        day = charts.parse_day(a.get("published"))
        if day is not None and not a.get("copy_of"):
            chart_points.append(
                charts.Point(day, "articles", f"{outlet(aid)}: {short(a.get('title') or aid, 100)}", article_url(aid))
            )
    published = [p.day for p in chart_points if p.lane == "articles"]
    off_chart = 0
    if published:  # a story of last week that recalls a war of 1950: draw the year around the articles, count the rest
        lo, hi = min(published) - dt.timedelta(days=CHART_MARGIN_DAYS), max(published) + dt.timedelta(days=CHART_MARGIN_DAYS)
        kept = [p for p in chart_points if lo <= p.day <= hi]
        off_chart, chart_points = len(chart_points) - len(kept), kept
    chart = charts.timeline(chart_points, ["events", "articles"], f"Timeline of {sb.get('title') or s.id}")
    timeline = [{**t, "href": link(t), "n_support": len(t.get("support") or [])} for t in (sb.get("timeline") or [])[:MAX_ROWS]]

    claims = [
        {
            **c,
            "href": link(c),
            "n_support": len(c.get("support") or []),
            "first_href": article_url(c["first"]) if c.get("first") else None,
            "first_outlet": outlet(c["first"]) if c.get("first") else None,
        }
        for c in sb.get("claims") or []
    ]
    corroborated = [c for c in claims if c["n_support"] > 1]
    single = [c for c in claims if c["n_support"] <= 1]
    contradictions = [
        {
            "about": c.get("about"),
            "kind": c.get("kind"),
            "variants": [
                {**v, "href": link(v), "outlet": outlet(v.get("article") or ""), "context": (v.get("context") or {}).get("text")}
                for v in c.get("variants") or []
            ],
        }
        for c in sb.get("contradictions") or []
    ]
    actors = sb.get("actors") or []
    actor_by_name = {}
    for a in actors:
        if a.get("id"):
            actor_by_name.setdefault((a.get("name") or "").lower(), a["id"])
            for alias in a.get("aliases") or {}:
                actor_by_name.setdefault(alias.lower(), a["id"])
    quotes = [
        {
            "speaker": g.get("speaker"),
            "actor": actor_by_name.get((g.get("speaker") or "").lower()),
            "roles": [{**r, "href": link(r)} for r in g.get("roles") or []],
            "quotes": [
                {**q, "href": link(q), "outlet": outlet(q.get("article") or ""), "n_support": len(q.get("support") or [])}
                for q in (g.get("quotes") or [])[:MAX_ROWS]
            ],
            "more": max(0, len(g.get("quotes") or []) - MAX_ROWS),
        }
        for g in sb.get("quotes") or []
    ]
    return {
        "story": sb,
        "title": sb.get("title") or f"Story {s.id}",
        "row": s,
        "articles": list(articles.values()),
        "points": points,
        "chart": chart,
        "timeline": timeline,
        "timeline_more": max(0, len(sb.get("timeline") or []) - MAX_ROWS),
        "off_chart": off_chart,
        "corroborated": corroborated[:MAX_ROWS],
        "single": single[:MAX_ROWS],
        "n_corroborated": len(corroborated),
        "n_single": len(single),
        "contradictions": contradictions,
        "quotes": quotes,
        "actors": actors[:40],
    }


# actor ----------------------------------------------------------------------------------------------
@router.api_route("/actor/{actor_id}", methods=["GET", "HEAD"], response_class=HTMLResponse)
def actor(request: Request, actor_id: str) -> HTMLResponse:
    store = _reader(request)
    found = store.get_actors([actor_id])
    if not found:
        raise PageError(404, f"no actor {actor_id!r} in this store")
    page = _int_param(request, "page")
    return html_page("actor.html", **actor_context(store, found[0], page))


def _inside(span: dict[str, Any], mentions: list[tuple[int, int]]) -> bool:
    """Whether a mention (sorted by start) lies inside the span: the first one starting in it ends first."""
    s, e = span.get("start", -1), span.get("end", -1)
    i = bisect.bisect_left(mentions, (s, -1))
    return i < len(mentions) and mentions[i][1] <= e


def _grounded_link(article_id: str, text: str, span: Any, anchor: str) -> str:
    """A link to the span's mark (its anchor is known: kind and index), or to the page when it is not grounded."""
    ok = isinstance(span, dict) and isinstance(span.get("start"), int) and isinstance(span.get("end"), int)
    ok = ok and span["start"] < span["end"] and text[span["start"] : span["end"]] == span.get("text")
    return article_url(article_id, anchor if ok else None)


def _own_quotes(brief: dict[str, Any], entity_id: str) -> list[tuple[int, dict[str, Any]]]:
    """(index, attribution) of the grounded attributions of an article whose speaker is this entity."""
    text = brief.get("text") or ""
    out = []
    for i, q in enumerate(brief.get("attributions") or []):
        c = q.get("content")
        if q.get("speaker") == entity_id and isinstance(c, dict) and text[c.get("start", 0) : c.get("end", 0)] == c.get("text"):
            out.append((i, q))
    return out


def _said_about(brief: dict[str, Any], art: Any, own: list[tuple[int, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Events aimed at the actor and statements naming it, neither held nor said by the actor itself."""
    text = brief.get("text") or ""
    ent = next((e for e in brief.get("entities") or [] if e.get("id") == art.entity_id), None)
    mentions = sorted((m["start"], m["end"]) for m in (ent or {}).get("mentions") or [] if isinstance(m, dict))
    spans = [(q["content"]["start"], q["content"]["end"]) for _, q in own]
    names = {e.get("id"): e.get("name") for e in brief.get("entities") or []}
    out: list[dict[str, Any]] = []
    seen: set[Any] = set()
    for i, ev in enumerate(brief.get("events") or []):
        if ev.get("target") == art.entity_id and ev.get("actor") != art.entity_id:
            seen.add((ev.get("start"), ev.get("end")))
            out.append(
                {"text": ev.get("text"), "how": f"event ({ev.get('type') or 'event'})", "by": names.get(ev.get("actor")),
                 "article": art, "href": _grounded_link(art.id, text, ev, f"span-event-{i}")}
            )  # fmt: skip
    for i, st in enumerate(brief.get("statements") or []):
        key = (st.get("start"), st.get("end"))
        if key in seen or st.get("holder") == art.entity_id or not _inside(st, mentions):
            continue
        if any(s <= key[0] and key[1] <= e for s, e in spans):  # inside their own quote: said by them
            continue
        seen.add(key)
        out.append(
            {"text": st.get("text"), "how": st.get("modality") or "statement", "by": names.get(st.get("holder")),
             "article": art, "href": _grounded_link(art.id, text, st, f"span-statement-{i}")}
        )  # fmt: skip
    return out


def actor_context(store: Store, a: Any, page: int) -> dict[str, Any]:
    links = queries.actor_links(store, a.id)
    per_day = Counter(x.published for x in links)
    days = [(d, n) for p, n in per_day.items() if (d := charts.parse_day(p)) is not None]
    undated = len(links) - sum(n for _, n in days)
    n_articles = len(links)
    chart = charts.bars(charts.per_period(days), f"Articles naming {a.name} over time")
    offset = (page - 1) * ACTOR_ARTICLES_PER_PAGE
    arts = queries.actor_articles(store, links[offset : offset + ACTOR_ARTICLES_PER_PAGE])
    # what they said: their latest articles where they speak (the speaker index), not only this page's
    by_use = sorted(a.aliases, key=lambda k: -a.aliases[k])
    speaking = queries.speaking_articles(store, {x.article_id for x in links}, [a.name, *by_use])
    if speaking is None:  # no speaker index: the articles of this page
        said_in = arts
    else:
        said_in = queries.actor_articles(store, [x for x in links if x.article_id in speaking][:QUOTE_ARTICLES])
    briefs: dict[str, dict[str, Any] | None] = {}

    def brief_of(aid: str) -> dict[str, Any] | None:
        if aid not in briefs:
            briefs[aid] = store.get_brief(aid)
        return briefs[aid]

    quotes: list[dict[str, Any]] = []
    for art in said_in:
        brief = brief_of(art.id)
        if brief is None:
            continue
        for i, q in _own_quotes(brief, art.entity_id):
            role = q["role"].get("text") if isinstance(q.get("role"), dict) else None
            quotes.append(
                {"text": q["content"]["text"], "kind": q.get("kind"), "role": role, "article": art,
                 "href": article_url(art.id, f"span-quote-{i}")}
            )  # fmt: skip
    about: list[dict[str, Any]] = []
    for art in arts:
        brief = brief_of(art.id)
        if brief is not None:
            about += _said_about(brief, art, _own_quotes(brief, art.entity_id))
    linked = queries.linked_actors(store, [x.article_id for x in links[:LINKED_SAMPLE]], a.id)
    rows = {r.id: r for r in store.get_actors([i for i, _ in linked])} if linked else {}
    pages = max(1, math.ceil(n_articles / ACTOR_ARTICLES_PER_PAGE))
    base = "/actor/" + quote(a.id, safe="")
    return {
        "actor": a,
        "title": a.name,
        "aliases": sorted(a.aliases.items(), key=lambda kv: (-kv[1], kv[0])),
        "chart": chart,
        "undated": undated,
        "n_articles": n_articles,
        "articles": arts,
        "quotes": quotes[:MAX_ROWS],
        "quotes_from": len(said_in),
        "quotes_all_pages": speaking is not None,
        "about": about[:MAX_ROWS],
        "linked": [(rows[i], n) for i, n in linked if i in rows],
        "linked_sample": LINKED_SAMPLE,
        "page": page,
        "pages": pages,
        "prev_url": f"{base}?page={page - 1}" if page > 1 else None,
        "next_url": f"{base}?page={page + 1}" if page < pages else None,
    }


# search ---------------------------------------------------------------------------------------------
_WORD = re.compile(r"\w+", re.UNICODE)
FILTERS = ("actor", "outlet", "since", "until", "story")


def highlighted(text: str, start: int, end: int, query_words: set[str]) -> Markup:
    """text[start:end] escaped, the words matching the query (by stem, as the search engines match) in <mark>."""
    from newsbrief.corpus.search import stem

    stems = {stem(w) for w in query_words}
    part = text[start:end]
    out, pos = [], 0
    for m in _WORD.finditer(part):
        if stem(m.group()) in stems:
            out += [str(escape(part[pos : m.start()])), "<mark>", str(escape(m.group())), "</mark>"]
            pos = m.end()
    out.append(str(escape(part[pos:])))
    return Markup(("…" if start > 0 else "") + "".join(out) + ("…" if end < len(text) else ""))


@router.api_route("/search", methods=["GET", "HEAD"], response_class=HTMLResponse)
def search_page(request: Request) -> HTMLResponse:
    from newsbrief.corpus import search as engine

    params = request.query_params
    q = (params.get("q") or "").strip()[:1000]
    filters = {k: (params.get(k) or "").strip()[:300] for k in FILTERS}
    page = _int_param(request, "page", hi=engine.MAX_OFFSET // HITS_PER_PAGE)
    context: dict[str, Any] = {"q": q, "filters": filters, "hits": [], "page": page, "error": None, "searched": bool(q)}
    status = 200
    if q:
        for k in ("since", "until"):
            if filters[k]:
                try:
                    dt.date.fromisoformat(filters[k])
                except ValueError:
                    context["error"] = f"'{k}' must be a date as YYYY-MM-DD, got {filters[k]!r}"
                    status = 400
        if context["error"] is None:
            store = _reader(request)
            try:
                hits = engine.search(
                    store, q, entity=filters["actor"] or None, outlet=filters["outlet"] or None, since=filters["since"] or None,
                    until=filters["until"] or None, story=filters["story"] or None, limit=HITS_PER_PAGE + 1,
                    offset=(page - 1) * HITS_PER_PAGE,
                )  # fmt: skip
            except (ValueError, NewsbriefError) as exc:
                context["error"] = str(exc)
                status = 400
                hits = []
            more = len(hits) > HITS_PER_PAGE
            hits = hits[:HITS_PER_PAGE]
            query_words = {w for g in engine.parse_query(q) for w in g}
            for h in hits:
                row = store.get_article(h.article_id)
                snippet = highlighted(row.text, h.start, h.end, query_words) if row is not None else Markup("")
                context["hits"].append({"hit": h, "snippet": snippet})
            args = {"q": q, **{k: v for k, v in filters.items() if v}}
            context["prev_url"] = "/search?" + urlencode({**args, "page": page - 1}) if page > 1 else None
            context["next_url"] = "/search?" + urlencode({**args, "page": page + 1}) if more else None
    return html_page("search.html", status=status, **context)
