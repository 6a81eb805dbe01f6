"""The web pages in a real browser: Debian's Chromium driven by Playwright against `newsbrief serve`
on loopback, over a corpus written for these tests (browser_helpers.py) and ingested with the CLI.

Each page opens; a key point of the brief, clicked (or reached by keyboard), highlights its span in
the text and scrolls it into view; a search through the form shows hits with <mark>; the hostile
article's markup is shown as text and nothing of it runs; pages fit a phone-width screen; the skip
link is the first Tab stop; the pages work with JavaScript off. Skipped when Chromium or Playwright
is missing, except under .ci/run (NEWSBRIEF_REQUIRE_SERVICES=1), where that fails."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

from browser_helpers import (
    ARTICLES,
    HOSTILE_ID,
    HOSTILE_QUOTE,
    HOSTILE_SCRIPT,
    HOSTILE_TITLE,
    browser_missing,
    chromium,
    ingest,
    serve,
    story_links,
    write_corpus,
)
from conftest import need

pytestmark = pytest.mark.slow

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
BY_ID = {a["id"]: a for a in ARTICLES}


# fixtures: one store, one server and one browser for the whole module --------------------------
@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory, newsbrief_bin: str) -> Iterator[str]:
    why = browser_missing()
    need(why is None, why or "")
    tmp = tmp_path_factory.mktemp("browser")
    db = tmp / "news.db"
    ingest(newsbrief_bin, write_corpus(tmp / "corpus.jsonl"), db)
    with serve(newsbrief_bin, db, tmp / "serve.log") as url:
        yield url


@pytest.fixture(scope="module")
def browser(base: str) -> Iterator[Any]:
    with chromium() as b:
        yield b


class Watch:
    """What a page did that it must not: dialogs (a script of the article ran), page errors, requests
    beyond the server, Content-Security-Policy violations (the page breaks its own policy)."""

    def __init__(self, page: Any, base: str) -> None:
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.csp: list[str] = []
        host = urlsplit(base).netloc

        def on_dialog(d: Any) -> None:
            self.dialogs.append(f"{d.type}: {d.message}")
            d.dismiss()

        def on_request(r: Any) -> None:
            u = urlsplit(r.url)
            if u.scheme not in ("data", "about") and u.netloc != host:
                self.foreign.append(r.url)

        def on_console(m: Any) -> None:
            if m.type == "error" and "Content Security Policy" in m.text:
                self.csp.append(m.text)

        page.on("dialog", on_dialog)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", on_request)
        page.on("console", on_console)

    def check(self) -> None:
        assert self.dialogs == [], "a dialog fired: article markup ran as script"
        assert self.errors == [], self.errors
        assert self.foreign == [], "the page fetched from outside the server"
        assert self.csp == [], self.csp


@pytest.fixture
def page(browser: Any, base: str) -> Iterator[Any]:
    """A fresh context and page (desktop size) whose misdeeds fail the test."""
    ctx = browser.new_context(viewport=DESKTOP, base_url=base)
    pg = ctx.new_page()
    pg.set_default_timeout(10_000)
    watch = Watch(pg, base)
    yield pg
    ctx.close()
    watch.check()


@pytest.fixture(scope="module")
def story_ids(browser: Any, base: str) -> list[str]:
    ctx = browser.new_context(base_url=base)
    pg = ctx.new_page()
    ids = [h.split("/story/", 1)[1] for h in story_links(pg)]
    ctx.close()
    return ids


def story_of(page: Any, article_id: str) -> str:
    """The story page that lists an article (found through the home page's links)."""
    for href in story_links(page):
        page.goto(href)
        if page.locator(f"a[href^='/article/{article_id}']").count():
            return href
    raise AssertionError(f"no story page links /article/{article_id}")


def no_markup_from_text(page: Any) -> None:
    """Nothing the article text carried became an element: no inline script, no event attribute."""
    inline = page.eval_on_selector_all("script", "ss => ss.filter(s => !s.src).map(s => s.textContent)")
    assert inline == []
    srcs = page.eval_on_selector_all("script[src]", "ss => ss.map(s => s.getAttribute('src'))")
    assert all(s.startswith("/static/") for s in srcs), srcs
    handlers = page.evaluate(
        "() => [...document.querySelectorAll('*')].flatMap(e => [...e.attributes].filter(a => /^on/i.test(a.name))"
        ".map(a => e.tagName + ' ' + a.name))"
    )
    assert handlers == []
    assert page.locator("img[src='x'], b[onmouseover]").count() == 0


def fits(page: Any) -> None:
    over = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert over <= 1, f"{page.url}: {over}px wider than the {page.viewport_size['width']}px screen"


# the pages ----------------------------------------------------------------------------------
def test_home_lists_the_stories_with_their_outlets(page: Any, story_ids: list[str]) -> None:
    resp = page.goto("/")
    assert resp.status == 200
    csp = resp.headers.get("content-security-policy", "")
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert page.locator("main#main").count() == 1
    assert page.locator("form#search-form input[name='q']").count() == 1
    assert len(story_ids) == 2, "two invented events make two stories"
    items = page.locator("li.story-item")
    text = " ".join(items.all_inner_texts())
    for outlet in ("Calloway Courier", "Evening Lantern", "Vellmark Times", "Eastern Post"):
        assert outlet in text
    page.locator("li.story-item a").first.click()
    page.wait_for_url(re.compile(r"/story/"))
    assert page.locator("#key-points").count() == 1


def test_story_page_shows_points_timeline_claims_quotes(page: Any) -> None:
    href = story_of(page, "ferry-courier")
    resp = page.goto(href)
    assert resp.status == 200
    for section in ("#key-points", "#timeline", "#claims", "#contradictions", "#quotes"):
        assert page.locator(section).count() == 1, section
    assert page.locator("#timeline svg").count() >= 1
    points = page.locator("#key-points details.point")
    assert points.count() >= 1
    support = points.first.locator("span.support").inner_text()
    assert int(support) >= 1
    first = points.first
    links = first.locator("a[href^='/article/']")
    assert not links.first.is_visible(), "a point's sentences are folded until it is opened"
    first.locator("summary").click()
    assert first.evaluate("d => d.open")
    assert links.first.is_visible()
    assert "Ingrid Salo" in page.locator("#quotes").inner_text()
    # following a point's sentence lands on the article with that span targeted
    target = links.first.get_attribute("href")
    links.first.click()
    page.wait_for_url(re.compile(r"/article/"))
    if "#" in target:
        assert page.locator("mark:target").count() == 1


def test_article_page_point_click_highlights_and_scrolls(page: Any) -> None:
    page.set_viewport_size({"width": 1280, "height": 320})  # short: the span starts out of view
    resp = page.goto("/article/ferry-courier")
    assert resp.status == 200
    text = page.locator("#article-text").inner_text()
    assert "Northern Lark" in text and "Calloway" in text
    # every span mark lies in the text, the brief's items point at existing marks
    items = page.locator("aside#brief a.brief-item")
    assert items.count() >= 3
    hrefs = items.evaluate_all("as => as.map(a => a.getAttribute('href'))")
    for h in hrefs:
        assert h.startswith("#span-")
        assert page.locator(f"#article-text mark[id='{h[1:]}']").count() == 1, h
    points = [h for h in hrefs if h.startswith("#span-point-")]
    assert points, "the brief lists the key points"
    last = points[-1]
    mark = page.locator(f"mark[id='{last[1:]}']")
    page.evaluate("() => window.scrollTo(0, 0)")
    box = mark.bounding_box()
    assert box is not None and box["y"] + box["height"] > page.viewport_size["height"], "the span is in view already"
    before = mark.evaluate("m => { const s = getComputedStyle(m); return [s.outlineStyle, s.backgroundColor, s.boxShadow] }")
    assert not mark.evaluate("m => m.matches(':target')")
    page.locator(f"aside#brief a.brief-item[href='{last}']").click()
    page.wait_for_function("id => location.hash === id", arg=last)
    assert mark.evaluate("m => m.matches(':target')")
    assert page.locator("mark:target").count() == 1
    after = mark.evaluate("m => { const s = getComputedStyle(m); return [s.outlineStyle, s.backgroundColor, s.boxShadow] }")
    assert after != before, "the targeted span looks the same as before: no :target highlight"
    box = mark.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"], (
        "not scrolled into view"
    )
    # the other kinds of span: dates with their value on hover, quotes with their speaker
    timex = page.locator("#article-text mark.span-timex[title]")
    assert timex.count() >= 1
    values = timex.evaluate_all("ms => ms.map(m => m.title)")
    assert any(re.match(r"\d{4}-\d\d", v) for v in values), f"a date's resolved value on hover: {values}"
    # hedged and asserted statements are told apart, in their class and in how they look
    look = "m => { const s = getComputedStyle(m); return [s.textDecorationStyle, s.textDecorationColor, s.fontStyle] }"
    asserted = page.locator("#article-text mark.span-statement.modality-asserted")
    hedged = page.locator("#article-text mark.span-statement:not(.modality-asserted)")
    assert asserted.count() and hedged.count(), "the text has both kinds of statement"
    assert re.search(r"\bmodality-(?!asserted)\w+", hedged.first.get_attribute("class") or "")
    assert asserted.first.evaluate(look) != hedged.first.evaluate(look)
    quote = page.locator("#article-text mark.span-quote[data-speaker]")
    assert quote.count() >= 1
    assert re.search(r"\bspeaker-\d+\b", quote.first.get_attribute("class") or "")
    # one colour per speaker: two speakers' quotes differ in colour
    by_speaker = dict(
        quote.evaluate_all(
            "ms => ms.map(m => { const s = getComputedStyle(m); "
            "return [m.dataset.speaker, [s.backgroundColor, s.borderBottomColor, s.textDecorationColor, s.color].join()] })"
        )
    )
    assert len(by_speaker) >= 2 and len(set(by_speaker.values())) == len(by_speaker), by_speaker


def test_article_spans_are_the_article_text(page: Any) -> None:
    """The marks cut the text, never change it: the text shown is the article's text."""
    page.goto("/article/strike-times")
    shown = page.locator("#article-text").evaluate("e => e.textContent")
    assert re.sub(r"\s+", " ", shown).strip() == re.sub(r"\s+", " ", BY_ID["strike-times"]["text"]).strip()
    starts = page.locator("#article-text mark[id][data-start]").evaluate_all(
        "ms => ms.map(m => [+m.dataset.start, +m.dataset.end, m.id])"
    )
    assert starts
    text = BY_ID["strike-times"]["text"]
    for s, e, _ in starts:
        assert 0 <= s < e <= len(text)


def test_actor_page(page: Any) -> None:
    page.goto("/article/strike-times")
    link = page.locator("a[href^='/actor/']").filter(has_text="Lindqvist")
    if not link.count():
        page.goto(story_of(page, "strike-times"))
        link = page.locator("a[href^='/actor/']").filter(has_text="Lindqvist")
    assert link.count() >= 1, "an actor link for Petra Lindqvist"
    link.first.click()
    page.wait_for_url(re.compile(r"/actor/"))
    assert "Lindqvist" in page.locator("h1").inner_text()
    for section in ("#aliases", "#mentions-chart", "#quotes", "#said-about", "#linked-actors"):
        assert page.locator(section).count() == 1, section
    assert page.locator("#mentions-chart svg").count() >= 1
    assert "insult" in page.locator("#quotes").inner_text(), "what she said"


def test_search_through_the_form(page: Any) -> None:
    page.goto("/")
    page.locator("form#search-form input[name='q']").fill("Lindqvist")
    page.locator("form#search-form input[name='q']").press("Enter")
    page.wait_for_url(re.compile(r"/search\?.*q=Lindqvist"))
    hits = page.locator("li.hit")
    assert hits.count() >= 2
    marks = page.locator("li.hit mark").all_inner_texts()
    assert marks and all(m.lower() == "lindqvist" for m in marks), marks
    for field in ("actor", "outlet", "since", "until", "story"):
        assert page.locator(f"[name='{field}']").count() >= 1, field
    # a filter narrows the hits to one outlet's articles
    page.goto("/search?q=Salo&outlet=Harbour+Wire")
    ids = {h.split("/article/", 1)[1].split("#")[0] for h in page.locator("li.hit a[href^='/article/']").evaluate_all(
        "as => as.map(a => a.getAttribute('href'))")}  # fmt: skip
    assert ids == {"ferry-wire"}


def test_hostile_article_is_shown_as_text(browser: Any, base: str) -> None:
    """With the page's CSP bypassed, so that only the escaping stands between the markup and a run."""
    ctx = browser.new_context(viewport=DESKTOP, base_url=base, bypass_csp=True)
    page = ctx.new_page()
    page.set_default_timeout(10_000)
    watch = Watch(page, base)
    page.goto(f"/article/{HOSTILE_ID}")
    text = page.locator("#article-text").inner_text()
    assert HOSTILE_SCRIPT in text and HOSTILE_QUOTE in text and "onmouseover=alert('hover')" in text
    assert HOSTILE_TITLE in page.locator("h1").inner_text()
    assert HOSTILE_TITLE in page.title()
    page.get_by_text("the investigation", exact=False).first.hover()
    no_markup_from_text(page)
    # and wherever its pieces travel: the story (title, quotes), the search snippets, the speaker's page
    page.goto(story_of(page, HOSTILE_ID))
    assert "onerror=alert('quote')" in page.locator("main").inner_text()
    no_markup_from_text(page)
    page.goto("/search?q=alert")
    assert page.locator("li.hit").count() >= 1
    assert "alert(" in page.locator("main").inner_text()
    no_markup_from_text(page)
    page.goto("/")
    no_markup_from_text(page)
    ctx.close()
    watch.check()


def test_hostile_article_under_its_csp(page: Any) -> None:
    """With the CSP on, the hostile article's page breaks no rule of it (nothing blocked, no error)."""
    resp = page.goto(f"/article/{HOSTILE_ID}")
    assert "script-src 'self'" in resp.headers.get("content-security-policy", "")
    assert HOSTILE_SCRIPT in page.locator("#article-text").inner_text()
    page.get_by_text("the investigation", exact=False).first.hover()


def test_unknown_ids_are_404_pages(page: Any) -> None:
    for path in ("/article/no-such-article", "/story/no-such-story", "/actor/no-such-actor"):
        resp = page.goto(path)
        assert resp.status == 404, path
        assert page.locator("main#main").count() == 1


def test_phone_width_has_no_horizontal_overflow(browser: Any, base: str, story_ids: list[str]) -> None:
    ctx = browser.new_context(viewport=PHONE, base_url=base, is_mobile=True, has_touch=True)
    page = ctx.new_page()
    watch = Watch(page, base)
    page.goto("/article/ferry-courier")
    actor = page.locator("a[href^='/actor/']").first.get_attribute("href")
    for path in ["/", f"/story/{story_ids[0]}", "/article/ferry-courier", f"/article/{HOSTILE_ID}", "/search?q=strike", actor]:
        assert page.goto(path).status == 200, path
        fits(page)
    ctx.close()
    watch.check()


def test_keyboard_skip_link_first_and_brief_items_reachable(page: Any) -> None:
    for path in ("/", "/article/ferry-wire"):
        page.goto(path)
        page.keyboard.press("Tab")
        first = page.evaluate("() => [document.activeElement.tagName, document.activeElement.className, "
                              "document.activeElement.getAttribute('href')]")  # fmt: skip
        assert first[0] == "A" and "skip" in first[1].split() and first[2] == "#main", first
        page.keyboard.press("Enter")
        page.wait_for_function("() => location.hash === '#main'")
    # Tab on to the brief's first item and open it with Enter: its span is targeted
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('a.brief-item')"):
            break
    else:
        raise AssertionError("Tab never reaches the brief's items")
    href = page.evaluate("() => document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_function("id => location.hash === id", arg=href)
    assert page.locator(f"mark[id='{href[1:]}']").evaluate("m => m.matches(':target')")


def test_pages_work_without_javascript(browser: Any, base: str) -> None:
    ctx = browser.new_context(viewport=DESKTOP, base_url=base, java_script_enabled=False)
    page = ctx.new_page()
    page.goto("/")
    page.locator("li.story-item a").first.click()
    page.wait_for_url(re.compile(r"/story/"))
    page.locator("#key-points details.point summary").first.click()
    assert page.locator("#key-points details.point").first.get_attribute("open") is not None
    page.goto("/article/ferry-lantern")
    item = page.locator("aside#brief a.brief-item").first
    href = item.get_attribute("href")
    item.click()
    assert page.url.endswith(href)
    assert page.locator(f"mark[id='{href[1:]}']").evaluate("m => m.matches(':target')")
    page.goto("/")
    page.locator("form#search-form input[name='q']").fill("ferry")
    page.locator("form#search-form input[name='q']").press("Enter")
    page.wait_for_url(re.compile(r"/search\?"))
    assert page.locator("li.hit").count() >= 1
    ctx.close()
