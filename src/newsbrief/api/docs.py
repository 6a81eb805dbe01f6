"""/docs: Swagger UI served by this server itself, so it works offline and under a strict CSP.

FastAPI's default /docs loads Swagger UI from a CDN, which an offline server (or a user behind a
firewall) cannot reach and which the API's `default-src 'none'` would block anyway. Here the JS, CSS
and favicon come from the `fastapi-offline` package (a pinned dependency that ships Swagger UI 5's
dist files; Swagger UI 4 cannot read the OpenAPI 3.1 document FastAPI writes), mounted read-only
under /static-docs. The page's one inline script (Swagger UI's init, written by FastAPI) is allowed
by its SHA-256 hash in the page's CSP, never by 'unsafe-inline'. ReDoc is not served (not in the
contract). No OAuth2 redirect page: the API's token is a plain bearer header.
"""

from __future__ import annotations

import base64
import hashlib
import re
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

DOCS_URL = "/docs"
ASSETS_URL = "/static-docs"
ASSETS_DIR = Path(str(files("fastapi_offline") / "static"))
JS, CSS, FAVICON = "swagger-ui-bundle.js", "swagger-ui.css", "favicon.png"
# Swagger UI's validator badge would send the spec's URL to a third-party host: off.
SWAGGER_PARAMETERS = {"validatorUrl": None, "defaultModelsExpandDepth": 0}
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def docs_csp(script_hashes: list[str]) -> str:
    """The page's policy: everything from this server only, inline scripts only by their hash."""
    scripts = " ".join(["'self'", *(f"'sha256-{h}'" for h in script_hashes)])
    return (
        f"default-src 'none'; script-src {scripts}; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    )


def script_hashes(html: str) -> list[str]:
    """Base64 SHA-256 of each inline <script>'s text, as CSP hashes them (UTF-8, exact bytes)."""
    return [base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii") for s in _INLINE_SCRIPT.findall(html)]


def install_docs(app: FastAPI) -> None:
    """Add /docs and /static-docs to `app` (built with docs_url=None and redoc_url=None)."""
    missing = [name for name in (JS, CSS, FAVICON) if not (ASSETS_DIR / name).is_file()]
    if missing:  # a broken install: say so at startup, not as a blank page
        raise RuntimeError(f"Swagger UI files missing from {ASSETS_DIR}: {', '.join(missing)} (reinstall fastapi-offline)")
    app.mount(ASSETS_URL, StaticFiles(directory=ASSETS_DIR), name="static-docs")

    @app.api_route(DOCS_URL, methods=["GET", "HEAD"], include_in_schema=False)
    async def swagger_ui(request: Request) -> HTMLResponse:
        root = str(request.scope.get("root_path", "")).rstrip("/")
        page = get_swagger_ui_html(
            openapi_url=root + (app.openapi_url or "/openapi.json"),
            title=f"{app.title} API",
            swagger_js_url=f"{root}{ASSETS_URL}/{JS}",
            swagger_css_url=f"{root}{ASSETS_URL}/{CSS}",
            swagger_favicon_url=f"{root}{ASSETS_URL}/{FAVICON}",
            oauth2_redirect_url=None,
            swagger_ui_parameters={**(app.swagger_ui_parameters or {}), **SWAGGER_PARAMETERS},
        )
        html = bytes(page.body).decode("utf-8")
        return HTMLResponse(html, headers={"content-security-policy": docs_csp(script_hashes(html))})
