"""/docs works offline: Swagger UI's files come from this server (a pinned package), the page's CSP
names no other host and allows its inline init script only by hash; in Chromium (when present) the
operations list renders with no CSP violation and no request beyond the server."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

from browser_helpers import browser_missing, chromium, serve
from conftest import need
from newsbrief.api import create_app
from newsbrief.corpus.store import open_store
from newsbrief.web import create_site

ASSET_TYPES = {".js": "text/javascript", ".css": "text/css", ".png": "image/png"}


@pytest.fixture(scope="module", params=["api", "site"])
def client(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """`newsbrief api` (create_app) and `newsbrief serve` (create_site) over an empty store."""
    db = str(tmp_path_factory.mktemp("docs") / "news.db")
    app = create_app(db, token="") if request.param == "api" else create_site(db, token="")
    with TestClient(app) as c:
        yield c


def _csp(header: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for part in header.split(";"):
        name, *values = part.split()
        out[name] = values
    return out


def _asset_urls(html: str) -> list[str]:
    return re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)["']""", html)


def test_docs_page_uses_only_local_assets(client: TestClient) -> None:
    r = client.get("/docs")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "SwaggerUIBundle" in r.text
    urls = _asset_urls(r.text)
    assert len(urls) >= 3, urls  # the script, the stylesheet, the icon
    for url in urls:
        assert url.startswith("/static-docs/") and "//" not in url, url
    assert "cdn." not in r.text and "http://" not in r.text and "https://" not in r.text
    for url in urls:
        asset = client.get(url)
        assert asset.status_code == 200, url
        assert asset.headers["content-type"].startswith(ASSET_TYPES[Path(url).suffix]), (url, asset.headers["content-type"])
        assert len(asset.content) > 1000, url  # the real files, not an error page


def test_docs_csp_is_local_and_hashes_the_init_script(client: TestClient) -> None:
    r = client.get("/docs")
    header = r.headers["content-security-policy"]
    assert "http" not in header and "*" not in header, header
    assert "unsafe-inline" not in header and "unsafe-eval" not in header, header
    csp = _csp(header)
    assert csp["default-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    for directive in ("style-src", "connect-src"):
        assert csp[directive] == ["'self'"], header
    assert set(csp["img-src"]) <= {"'self'", "data:"}, header
    inline = re.findall(r"<script>(.*?)</script>", r.text, re.DOTALL)
    assert len(inline) == 1  # Swagger UI's init
    digest = base64.b64encode(hashlib.sha256(inline[0].encode("utf-8")).digest()).decode()
    assert sorted(csp["script-src"]) == sorted(["'self'", f"'sha256-{digest}'"]), header
    assert "validatorUrl" in inline[0]  # the badge that would call a third-party host is off


def test_docs_routes_and_openapi(client: TestClient) -> None:
    assert client.head("/docs").status_code == 200
    doc = client.get("/openapi.json")
    assert doc.status_code == 200 and doc.json()["openapi"].startswith("3.")
    assert "/api/stories" in doc.json()["paths"]
    assert "/docs" not in doc.json()["paths"]
    for gone in ("/redoc", "/docs/oauth2-redirect", "/static-docs/no-such-file.js"):
        r = client.get(gone)
        assert r.status_code == 404, gone
        assert r.headers["content-type"].startswith("application/json")
    # the assets are read-only
    assert client.post("/static-docs/swagger-ui.css").status_code == 405
    assert client.get("/static-docs/..%2F__init__.py").status_code == 404
    # the other routes keep the API's policy
    assert _csp(client.get("/openapi.json").headers["content-security-policy"])["default-src"] == ["'none'"]
    assert "script-src" not in client.get("/openapi.json").headers["content-security-policy"]


# in a browser ------------------------------------------------------------------------------------
def test_openapi_declares_the_token_on_writes_only(client: TestClient) -> None:
    """Swagger UI's Authorize button sends the token only where OpenAPI says a route needs it."""
    spec = client.get("/openapi.json").json()
    scheme = spec["components"]["securitySchemes"]["token"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    assert spec["paths"]["/api/articles"]["post"]["security"] == [{"token": []}]
    assert "security" not in spec["paths"]["/api/stories"]["get"]
    assert "security" not in spec["paths"]["/api/analyze"]["post"]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory, newsbrief_bin: str) -> Iterator[str]:
    why = browser_missing()
    need(why is None, why or "")
    tmp = tmp_path_factory.mktemp("docs-browser")
    open_store(str(tmp / "news.db")).close()  # an empty store: `serve` wants one that exists
    with serve(newsbrief_bin, tmp / "news.db", tmp / "serve.log") as url:
        yield url


@pytest.mark.slow
def test_docs_renders_in_chromium(base: str) -> None:
    host = urlsplit(base).netloc
    csp: list[str] = []
    errors: list[str] = []
    foreign: list[str] = []
    with chromium() as browser:
        ctx = browser.new_context(base_url=base)
        page: Any = ctx.new_page()
        page.set_default_timeout(15_000)
        page.on("console", lambda m: csp.append(m.text) if "Content Security Policy" in m.text else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: foreign.append(r.url) if urlsplit(r.url).scheme in ("http", "https")
                and urlsplit(r.url).netloc != host else None)  # fmt: skip
        page.goto("/docs")
        page.wait_for_selector(".opblock")
        paths = page.eval_on_selector_all(".opblock-summary-path", "es => es.map(e => e.getAttribute('data-path'))")
        assert "/api/stories" in paths and "/api/analyze" in paths, paths
        assert page.locator(".swagger-ui .errors-wrapper").count() == 0
        # "Try it out" calls the API from the page (connect-src 'self')
        op = page.locator("#operations-read-list_stories_api_stories_get")
        op.locator(".opblock-summary").click()
        op.locator("button.try-out__btn").click()
        op.locator("button.execute").click()
        op.locator(".live-responses-table tr.response .response-col_status").first.wait_for()
        assert op.locator(".live-responses-table tr.response .response-col_status").first.inner_text().strip() == "200"
        ctx.close()
    assert csp == [], csp
    assert errors == [], errors
    assert foreign == [], foreign
