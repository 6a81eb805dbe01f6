"""The web pages of `newsbrief serve`: the API app of `newsbrief api` plus the pages and their static files.

`create_site(db, token)` builds the API (`newsbrief.api.app.create_app`: same routes, token rule and
per-thread stores) and adds the page routes, `/static` (the stylesheet, package data) and an HTML
error page for the pages' own errors (the API's errors stay JSON).
"""

from __future__ import annotations

import threading
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).resolve().parent / "static"
PAGE_CACHE = 128  # story pages kept (keyed by the story's state, as the API keys its story briefs)


def create_site(db: str, *, token: str | None = None) -> FastAPI:
    """The API and the pages over the store at `db`; `token` as for `create_app` (default $NEWSBRIEF_TOKEN)."""
    from newsbrief.api.app import Lru, create_app
    from newsbrief.web.pages import PageError, error_page, router

    app = create_app(db, token=token)
    threading.Thread(target=_warm, name="newsbrief-web-warm", daemon=True).start()
    app.state.web_cache = Lru(PAGE_CACHE)
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.exception_handler(PageError)
    async def page_error(request: Request, exc: PageError) -> HTMLResponse:
        return error_page(exc.status, exc.message)

    return app


def _warm() -> None:
    """Import what the first search needs (the stemmer's library takes seconds) before a user waits for it."""
    try:
        from newsbrief.corpus.search import stem

        stem("warming")
    except Exception:  # only a head start: the first search pays the import if this failed
        pass


def run(db: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the pages and the API with uvicorn (loopback unless told otherwise)."""
    import uvicorn

    uvicorn.run(create_site(db), host=host, port=port, proxy_headers=False, server_header=False, log_level="info")
