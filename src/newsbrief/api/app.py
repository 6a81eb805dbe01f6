"""The REST API (CONTRACT.md): reads are open, every write needs `Authorization: Bearer NEWSBRIEF_TOKEN`,
and with no token configured writes are refused (403), never open.

Routes: GET /api/articles/{id} (the brief), GET /api/stories (newest first, paginated), GET /api/stories/{id}
(the story brief), GET /api/actors/{id}, GET /api/actors/{id}/relations, GET /api/search?q=, POST /api/articles (ingest; token),
POST /api/analyze (a brief, nothing stored; open but size-limited and queued). OpenAPI at /openapi.json
and /docs (Swagger UI served from this server, works offline: api/docs.py).

Every error is JSON `{"status", "error", "message"}` with a message a user can act on; a request body over
the limit is refused from its Content-Length and, while streaming, as soon as it passes the limit.

Threads: a SQLite connection must not serve two threads at once, so each worker thread reads through its
own store (opened once per thread, WAL lets them read while the writer commits). Analysis (ingest and
analyze) runs one at a time in a process of its own (spaCy would hold this process's GIL for seconds);
storing the analysed briefs happens here, one writer at a time.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import hmac
import importlib
import json
import logging
import multiprocessing
import os
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import Annotated, Any

import anyio
import anyio.to_thread
from fastapi import FastAPI, HTTPException, Query, Request, Security
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPBearer
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsbrief.api.docs import install_docs
from newsbrief.corpus import dedup
from newsbrief.corpus.corpus import Corpus, Outcome, content_hash
from newsbrief.corpus.store import Store, open_store
from newsbrief.errors import InputError, NewsbriefError, NoInputError
from newsbrief.ingest.article import Article
from newsbrief.ingest.jsonl import article_from_record

log = logging.getLogger("newsbrief.api")

MAX_BODY_BYTES = 5 * 1024 * 1024  # a whole request: a batch of articles to ingest
MAX_ARTICLE_BYTES = 2_000_000  # one article to ingest (the CLI's default --max-bytes)
MAX_ANALYZE_BYTES = 200_000  # one article to analyse on the open route: about 30,000 words
MAX_BATCH = 100  # articles per POST /api/articles
MAX_LIMIT = 100  # items per page
DEFAULT_LIMIT = 20
MAX_OFFSET = 1_000_000_000  # beyond it a page is empty without asking the store (SQLite's OFFSET is 64-bit)
MAX_QUEUED_ANALYSES = 8  # requests waiting for the analyser beyond this get 503 and Retry-After
STORY_CACHE = 256  # story briefs kept, keyed by the story's size and last arrival (a new article invalidates)
LINE_CACHE = 4096  # story lines (the /api/stories items), keyed likewise

API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}

_ARTICLE_BODY = {
    "type": "object",
    "required": ["text"],
    "properties": {
        "id": {"type": ["string", "integer", "null"]},
        "text": {"type": "string"},
        "published": {"type": ["string", "null"], "description": "YYYY-MM-DD"},
        "title": {"type": ["string", "null"]},
        "url": {"type": ["string", "null"]},
        "source": {"type": ["string", "null"]},
        "points": {"type": ["integer", "null"], "minimum": 0},
    },
}


class BodyTooLarge(Exception):
    """The request body passed the limit while it was being received."""


class Lru:
    """A small thread-safe LRU cache; a value is built outside the lock (two threads may build it once each)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Any, build: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = build()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


# stores ---------------------------------------------------------------------------------------------
class StoryBriefWorker:
    """Stores the story briefs of the stories that POSTs touched, after their answers and outside the write
    lock: one thread with a store connection of its own (building the brief of a 100-article story takes
    ~1 s, which held every writer and the POST's answer). Story ids wait in a set, so a story touched by
    ten POSTs while a build runs is built once, in its state of then. A brief is stored per story state
    and never over a newer one (corpus/views.py), so a late build is harmless; one not built yet (or
    dropped at shutdown) is built by its first reader, as before."""

    def __init__(self, db: str) -> None:
        self.db = db
        self._pending: dict[str, None] = {}  # story ids, in order of arrival
        self._busy = False
        self._closed = False
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None
        self._store: Store | None = None

    def submit(self, story_ids: list[str]) -> None:
        if not story_ids:
            return
        with self._cond:
            if self._closed:
                return
            self._pending.update(dict.fromkeys(story_ids))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="newsbrief-story-briefs", daemon=True)
                self._thread.start()
            self._cond.notify_all()

    def _run(self) -> None:
        from newsbrief.corpus import views

        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._pending or self._closed)
                if self._closed:
                    return
                ids, self._busy = list(self._pending), True
                self._pending.clear()
            try:
                if self._store is None:
                    self._store = open_store(self.db)
                views.refresh_story_briefs(self._store, ids)
            except Exception:  # a brief not stored is built by its first reader: never a failed write
                log.warning("could not store the briefs of stories %s", ", ".join(ids[:5]), exc_info=True)
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()

    def wait(self, timeout: float | None = None) -> bool:
        """Until every submitted story's brief is stored (or failed); False on timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._pending and not self._busy, timeout)

    def close(self, timeout: float = 10.0) -> None:
        """Stop after the build under way (the pending ones are left to their readers)."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
        if self._store is not None and (self._thread is None or not self._thread.is_alive()):
            self._store.close()
            self._store = None


class Stores:
    """One reading store per thread, one writing Corpus (used under `write_lock`), a small story-brief cache,
    the story briefs' worker."""

    def __init__(self, db: str) -> None:
        self.db = db
        self._local = threading.local()
        self._opened: list[Store] = []
        self._lock = threading.Lock()
        self.write_lock = threading.Lock()
        self._corpus: Corpus | None = None
        self.briefs = Lru(STORY_CACHE)
        self.lines = Lru(LINE_CACHE)
        self.story_briefs = StoryBriefWorker(db)

    def reader(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.db)
            with self._lock:
                self._opened.append(store)
            self._local.store = store
        return store

    def known(self, article: Article) -> Outcome | dict[str, Any] | None:
        """What needs no analysis: the outcome of an id stored already, or the stored brief of the same text
        (an exact copy under a new id, as `Corpus.ingest` reuses it); else None."""
        store = self.reader()
        existing = store.get_article(article.id)
        chash = content_hash(article.text)
        if existing is not None:
            if existing.content_hash == chash:
                return Outcome("unchanged", existing.id, existing.story_id, existing.copy_of)
            return Outcome("error", existing.id, error=f"id {existing.id!r} is already stored with other content; kept the first")
        first = store.first_with_exact_hash(dedup.exact_hash(article.text))
        if first is not None and first.content_hash == chash and first.published == article.published:
            brief = store.get_brief(first.id)
            if brief is not None:
                brief.update(id=article.id, title=article.title, url=article.url, source=article.source)
                return brief
        return None

    def store(self, articles: list[Article], results: list[dict[str, Any] | str]) -> list[Outcome]:
        """Store analysed articles, one transaction each (copies, stories and actors as `newsbrief ingest` does);
        the briefs of the stories they joined are stored after the answer, by the worker (as an ingest run
        does at its end: a story's first view reads it)."""
        with self.write_lock:
            if self._corpus is None:
                self._corpus = Corpus.open(self.db)
            out = []
            for article, result in zip(articles, results):
                if isinstance(result, str):
                    out.append(Outcome("error", article.id, error=result))
                else:
                    out.append(self._corpus.add_brief(result))
            touched = self._corpus.take_touched()
        self.story_briefs.submit(touched)
        return out

    def close(self) -> None:
        self.story_briefs.close()
        with self._lock:
            for store in self._opened:
                try:
                    store.close()
                except Exception:  # closing at shutdown: nothing left to tell the user
                    log.debug("closing a store failed", exc_info=True)
            self._opened.clear()
        if self._corpus is not None:
            self._corpus.close()
            self._corpus = None


def _analyse(articles: list[Article]) -> list[dict[str, Any] | str]:
    """Runs in the analysis process: each article's brief as a dict, or why it failed."""
    from newsbrief.pipeline import analyze_articles

    return [
        f"analysis failed: {type(r).__name__}: {r}" if isinstance(r, Exception) else r.to_dict()
        for r in analyze_articles(articles)
    ]


class Analyser:
    """Analysis in a process of its own, spawned on first use: spaCy holds the GIL for a second or more per
    article, and the reads served meanwhile must not wait for it. One analysis at a time."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            return self._pool

    async def run(self, articles: list[Article]) -> list[dict[str, Any] | str]:
        pool = self._executor()
        try:
            return await asyncio.get_running_loop().run_in_executor(pool, _analyse, articles)
        except BrokenProcessPool:
            with self._lock:
                if self._pool is pool:
                    self._pool = None
            log.error("the analysis process died; a new one starts with the next request")
            raise HTTPException(503, "the analysis process died; retry", headers={"Retry-After": "5"}) from None

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None


# errors ---------------------------------------------------------------------------------------------
def error_response(status: int, message: str, headers: dict[str, str] | None = None, **extra: Any) -> JSONResponse:
    from http import HTTPStatus

    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Error"
    body = {"status": status, "error": phrase, "message": message, **extra}
    return JSONResponse(body, status_code=status, headers=headers)


def _where(loc: tuple[Any, ...] | list[Any]) -> str:
    kinds = {"query": "query parameter", "path": "path parameter", "body": "body", "header": "header"}
    if not loc:
        return "request"
    head, rest = str(loc[0]), [str(x) for x in loc[1:]]
    if head in kinds and rest:
        return f"{kinds[head]} '{'.'.join(rest)}'"
    return kinds.get(head, ".".join([head, *rest]))


def _validation_message(exc: RequestValidationError) -> tuple[str, list[dict[str, Any]]]:
    details = [{"where": _where(e.get("loc", ())), "message": str(e.get("msg", "invalid"))} for e in exc.errors()]
    return "; ".join(f"{d['where']}: {d['message']}" for d in details) or "invalid request", details


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail
        extra: dict[str, Any] = {}
        if isinstance(detail, dict):
            extra = {k: v for k, v in detail.items() if k != "message"}
            message = str(detail.get("message", ""))
        elif exc.status_code == 404 and detail == "Not Found":
            message = f"no such route: {request.method} {request.url.path} (the API is under /api/, see /docs)"
        elif exc.status_code == 405:
            allow = (exc.headers or {}).get("Allow") or (exc.headers or {}).get("allow")
            message = f"{request.method} is not allowed on {request.url.path}" + (f" (allowed: {allow})" if allow else "")
        else:
            message = str(detail)
        return error_response(exc.status_code, message, headers=exc.headers, **extra)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        message, details = _validation_message(exc)
        return error_response(422, message, details=details)

    @app.exception_handler(BodyTooLarge)
    async def too_large(request: Request, exc: BodyTooLarge) -> JSONResponse:
        return error_response(413, f"request body over the limit of {MAX_BODY_BYTES} bytes")

    @app.exception_handler(NoInputError)
    async def missing(request: Request, exc: NoInputError) -> JSONResponse:
        return error_response(404, str(exc))

    @app.exception_handler(NewsbriefError)
    async def bad_input(request: Request, exc: NewsbriefError) -> JSONResponse:
        return error_response(400, str(exc))

    @app.exception_handler(sqlite3.OperationalError)
    async def busy(request: Request, exc: sqlite3.OperationalError) -> JSONResponse:
        log.warning("store error on %s %s: %s", request.method, request.url.path, exc)
        return error_response(503, f"the store is busy or unavailable ({exc}); retry later", headers={"Retry-After": "1"})

    @app.exception_handler(Exception)
    async def bug(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        response = error_response(500, f"internal error ({type(exc).__name__}); the server log has the details")
        response.headers.update({"content-security-policy": API_CSP, **SECURITY_HEADERS})
        return response


# middleware -----------------------------------------------------------------------------------------
Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class Guard:
    """Body size limit (declared and streamed) and security headers on every response (a route that
    sets its own Content-Security-Policy, e.g. a web page, keeps it)."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]], max_body: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = API_CSP  # /docs sets its own (api/docs.py)
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                for name, value in {"content-security-policy": csp, **SECURITY_HEADERS}.items():
                    if name.encode() not in present:
                        headers.append((name.encode(), value.encode()))
                message["headers"] = headers
            await send(message)

        declared = next((v for k, v in scope.get("headers", []) if k.lower() == b"content-length"), None)
        if declared is not None:
            try:
                size = int(declared)
                if size < 0:
                    raise ValueError
            except ValueError:
                await error_response(400, "Content-Length is not a non-negative integer")(scope, receive, send_with_headers)
                return
            if size > self.max_body:
                response = error_response(413, f"request body of {size} bytes is over the limit of {self.max_body} bytes")
                response.headers["connection"] = "close"
                await response(scope, receive, send_with_headers)
                return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise BodyTooLarge()
            return message

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except BodyTooLarge:
            if started:
                raise
            await error_response(413, f"request body over the limit of {self.max_body} bytes")(scope, receive, send_with_headers)


# helpers --------------------------------------------------------------------------------------------
def _stores(request: Request) -> Stores:
    return request.app.state.stores  # type: ignore[no-any-return]


async def _json_body(request: Request) -> Any:
    body = await request.body()
    if not body.strip():
        raise HTTPException(400, "the request body is empty; send a JSON object (or a list of them)")
    try:
        return json.loads(body.decode("utf-8-sig"))  # bytes to json.loads would guess UTF-16/32: the API speaks UTF-8
    except UnicodeDecodeError as exc:
        raise HTTPException(400, f"the request body is not UTF-8 (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise HTTPException(400, f"malformed JSON body: {exc.msg} at line {exc.lineno} column {exc.colno}") from None


def _page(limit: int, offset: int | None, page: int | None) -> tuple[int, int]:
    if page is not None and offset is not None:
        raise HTTPException(400, "give either 'offset' or 'page', not both")
    if page is not None:
        return limit, (page - 1) * limit
    return limit, offset or 0


def _date(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise HTTPException(422, f"query parameter '{name}': {value!r} is not a YYYY-MM-DD date") from None


def _as_dict(hit: Any) -> dict[str, Any]:
    if hasattr(hit, "to_dict"):  # search.Hit: the article id as `id`, as `search --format json` prints it
        d = dict(hit.to_dict())
        if "article_id" not in d and "id" in d:
            d["article_id"] = d["id"]
        return d
    if dataclasses.is_dataclass(hit) and not isinstance(hit, type):
        return dataclasses.asdict(hit)
    if hasattr(hit, "model_dump"):
        return hit.model_dump(mode="json")  # type: ignore[no-any-return]
    if isinstance(hit, dict):
        return hit
    if hasattr(hit, "_asdict"):
        return hit._asdict()  # type: ignore[no-any-return]
    return dict(vars(hit))


def _outcome(o: Outcome) -> dict[str, Any]:
    out = {"id": o.id, "status": o.status, "story": o.story_id, "copy_of": o.copy_of}
    if o.error:
        out["error"] = o.error
    return out


def story_brief(store: Store, story_id: str, stores: Stores | None = None) -> dict[str, Any]:
    """The story brief (newsbrief-story/1), the same as `newsbrief story --format json`, cached per story state."""
    from newsbrief.corpus import views

    found = store.get_stories([story_id])
    if not found:
        raise HTTPException(404, f"no story {story_id!r}")
    s = found[0]
    if stores is None:
        return views.story(store, s.id)
    return stores.briefs.get((s.id, s.n_articles, s.last_seq), partial(views.story, store, s.id))


def actor_view(store: Store, actor_id: str, limit: int, offset: int) -> dict[str, Any]:
    """An actor across the corpus (the shape of `newsbrief entity --format json`), its articles paginated."""
    found = store.get_actors([actor_id])
    if not found:
        raise HTTPException(404, f"no actor {actor_id!r}")
    from newsbrief.corpus import views

    return {**views.actor_view(store, found[0], offset, limit), "limit": limit, "offset": offset}


# the app ---------------------------------------------------------------------------------------------
# Responses are JSONResponse: FastAPI's jsonable_encoder costs ~10 ms on a 40 kB brief.
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"items per page (at most {MAX_LIMIT})")]
Offset = Annotated[int | None, Query(ge=0, description="items to skip")]
Page = Annotated[int | None, Query(ge=1, description="page number from 1 (instead of offset)")]


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("newsbrief")
    except Exception:  # not installed as a distribution (e.g. run from a checkout)
        return "0"


def create_app(db: str, *, token: str | None = None) -> FastAPI:
    """The API over the store at `db` (a SQLite path; created if missing). `token` defaults to $NEWSBRIEF_TOKEN;
    empty or unset means writes are refused."""
    if token is None:
        token = os.environ.get("NEWSBRIEF_TOKEN")
    token = token or None
    open_store(db).close()  # fail now, with the store's own message, if it cannot be opened or migrated
    stores = Stores(db)
    analyser = Analyser()
    queued = 0

    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # type: ignore[no-untyped-def]
        yield
        analyser.close()
        stores.close()

    app = FastAPI(
        title="newsbrief",
        version=_version(),
        description="Grounded briefs of news articles, the stories they form and their actors. "
        "Reads are open; writes need `Authorization: Bearer <NEWSBRIEF_TOKEN>`.",
        docs_url=None,  # api/docs.py serves /docs from local files
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
        lifespan=lifespan,
    )
    app.state.stores = stores
    app.state.db = db
    _install_error_handlers(app)
    app.add_middleware(Guard)
    install_docs(app)

    async def require_token(request: Request) -> None:
        if token is None:
            raise HTTPException(403, "writes are disabled: the server has no NEWSBRIEF_TOKEN configured")
        header = request.headers.get("authorization", "")
        scheme, _, given = header.partition(" ")
        if scheme.lower() != "bearer" or not given.strip():
            raise HTTPException(401, "this write needs 'Authorization: Bearer <token>'", headers={"WWW-Authenticate": "Bearer"})
        if not hmac.compare_digest(given.strip().encode("utf-8"), token.encode("utf-8")):
            raise HTTPException(401, "wrong token", headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})

    async def analysing(articles: list[Article]) -> list[dict[str, Any] | str]:
        nonlocal queued
        if queued >= MAX_QUEUED_ANALYSES:
            raise HTTPException(503, "the analyser is busy; retry later", headers={"Retry-After": "5"})
        queued += 1
        try:
            return await analyser.run(articles)
        finally:
            queued -= 1

    @app.get("/api/articles/{article_id:path}", tags=["read"], summary="An article's brief (newsbrief/1)")
    async def get_article(request: Request, article_id: str) -> JSONResponse:
        brief = _stores(request).reader().get_brief(article_id)
        if brief is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return JSONResponse(brief)

    @app.get("/api/stories", tags=["read"], summary="Stories, newest first")
    def list_stories(request: Request, limit: Limit = DEFAULT_LIMIT, offset: Offset = None, page: Page = None) -> JSONResponse:
        from newsbrief.corpus import views

        limit, offset = _page(limit, offset, page)
        lines: list[dict[str, Any]] = []
        more = False
        if offset <= MAX_OFFSET:
            store = _stores(request).reader()
            rows = store.list_stories(limit + 1, offset)
            more = len(rows) > limit
            rows = rows[:limit]
            cache = _stores(request).lines
            lines = [cache.get((s.id, s.n_articles, s.last_seq), partial(views.story_line, store, s)) for s in rows]
        nxt = f"/api/stories?limit={limit}&offset={offset + limit}" if more else None
        return JSONResponse({"stories": lines, "limit": limit, "offset": offset, "next": nxt})

    @app.get("/api/stories/{story_id}", tags=["read"], summary="The story brief (newsbrief-story/1)")
    def get_story(request: Request, story_id: str) -> JSONResponse:
        stores_ = _stores(request)
        return JSONResponse(story_brief(stores_.reader(), story_id, stores_))

    @app.get("/api/actors/{actor_id}", tags=["read"], summary="An actor across the corpus")
    def get_actor(request: Request, actor_id: str, limit: Limit = MAX_LIMIT, offset: Offset = None) -> JSONResponse:
        offset = min(offset or 0, MAX_OFFSET)
        return JSONResponse(actor_view(_stores(request).reader(), actor_id, limit, offset))

    @app.get("/api/actors/{actor_id}/relations", tags=["read"], summary="An actor's relations: partners, weekly CAMEO counts")
    def get_relations(
        request: Request, actor_id: str, since: str | None = None, until: str | None = None, limit: Limit = MAX_LIMIT
    ) -> JSONResponse:
        """The shape of `newsbrief relations ACTOR --format json`: each event counted once across outlets."""
        from newsbrief.corpus.relations import relations

        store = _stores(request).reader()
        if not store.get_actors([actor_id]):
            raise HTTPException(404, f"no actor {actor_id!r}")
        view = relations(store, actor_id, since=_date(since, "since"), until=_date(until, "until"), limit=limit)
        return JSONResponse(view)

    @app.get("/api/search", tags=["read"], summary="Full-text search with filters, ranked, with snippets")
    def search(
        request: Request,
        q: Annotated[str, Query(min_length=1, max_length=1000, description="the words to find")],
        entity: Annotated[str | None, Query(max_length=300, description="an actor's name or alias")] = None,
        speaker: Annotated[str | None, Query(max_length=300)] = None,
        outlet: Annotated[str | None, Query(max_length=300)] = None,
        since: Annotated[str | None, Query(description="YYYY-MM-DD")] = None,
        until: Annotated[str | None, Query(description="YYYY-MM-DD")] = None,
        story: Annotated[str | None, Query(max_length=300)] = None,
        limit: Limit = DEFAULT_LIMIT,
        offset: Offset = None,
        page: Page = None,
    ) -> JSONResponse:
        limit, offset = _page(limit, offset, page)
        since, until = _date(since, "since"), _date(until, "until")
        if not q.strip():
            raise HTTPException(422, "query parameter 'q': give some words to search for")
        try:
            module = importlib.import_module("newsbrief.corpus.search")
        except ModuleNotFoundError as exc:
            if exc.name not in (None, "newsbrief.corpus.search"):
                raise
            module = None
        if module is None or not hasattr(module, "search"):
            raise HTTPException(501, "search is not available in this version of newsbrief")
        hits: list[Any] = []
        if offset <= min(MAX_OFFSET, getattr(module, "MAX_OFFSET", MAX_OFFSET)):  # beyond: an empty page
            try:
                hits = module.search(
                    _stores(request).reader(), q, entity=entity, speaker=speaker, outlet=outlet,
                    since=since, until=until, story=story, limit=limit, offset=offset,
                )  # fmt: skip
            except (ValueError, NewsbriefError) as exc:
                raise HTTPException(400, f"cannot search for {q!r}: {exc}") from None
        return JSONResponse({"query": q, "hits": [_as_dict(h) for h in hits], "limit": limit, "offset": offset})

    @app.post(
        "/api/articles",
        tags=["write"],
        summary="Ingest one article or a list (token required)",
        # declares the bearer scheme in OpenAPI (Swagger UI's Authorize button); the check is require_token's
        dependencies=[Security(HTTPBearer(auto_error=False, scheme_name="token", description="NEWSBRIEF_TOKEN"))],
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"oneOf": [_ARTICLE_BODY, {"type": "array", "items": _ARTICLE_BODY}]}}
                },
            },
        },
    )
    async def post_articles(request: Request) -> JSONResponse:
        await require_token(request)
        data = await _json_body(request)
        records = data if isinstance(data, list) else [data]
        if not records:
            raise HTTPException(422, "the list of articles is empty")
        if len(records) > MAX_BATCH:
            raise HTTPException(413, f"{len(records)} articles in one request; send at most {MAX_BATCH}")
        articles: list[Article] = []
        errors: list[dict[str, Any]] = []
        for i, rec in enumerate(records):
            try:
                articles.append(article_from_record(rec, max_bytes=MAX_ARTICLE_BYTES))
            except InputError as exc:
                rid = rec.get("id") if isinstance(rec, dict) else None
                errors.append({"index": i, "id": None if rid is None else str(rid), "error": str(exc)})
        if errors:
            raise HTTPException(
                422, {"message": "; ".join(f"article {e['index']}: {e['error']}" for e in errors) + " (nothing stored)",
                      "items": errors},
            )  # fmt: skip
        known = [await anyio.to_thread.run_sync(stores.known, a) for a in articles]
        todo = [a for a, k in zip(articles, known) if k is None]
        analysed = iter(await analysing(todo) if todo else [])
        pairs = [(a, k if isinstance(k, dict) else next(analysed)) for a, k in zip(articles, known) if not isinstance(k, Outcome)]
        to_store, briefs = [a for a, _ in pairs], [b for _, b in pairs]
        stored = iter(await anyio.to_thread.run_sync(stores.store, to_store, briefs) if pairs else [])
        outcomes = [k if isinstance(k, Outcome) else next(stored) for k in known]
        results = [_outcome(o) for o in outcomes]
        counts = {k: sum(r["status"] == k for r in results) for k in ("added", "copy", "unchanged", "error")}
        status = 201 if counts["added"] or counts["copy"] else 200
        return JSONResponse({"results": results, **counts}, status_code=status)

    @app.post(
        "/api/analyze",
        tags=["analyze"],
        summary="The brief of one article; nothing is stored",
        openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": _ARTICLE_BODY}}}},
    )
    async def analyze(request: Request) -> JSONResponse:
        data = await _json_body(request)
        if not isinstance(data, dict):
            raise HTTPException(422, "send one article as a JSON object with a 'text' string")
        text = data.get("text")
        if isinstance(text, str) and len(text.encode("utf-8", "surrogatepass")) > MAX_ANALYZE_BYTES:
            raise HTTPException(413, f"the text is over the limit of {MAX_ANALYZE_BYTES} bytes for analysis")
        try:
            article = article_from_record(data, max_bytes=MAX_ANALYZE_BYTES)
        except InputError as exc:
            raise HTTPException(422, str(exc)) from None

        result = (await analysing([article]))[0]
        if isinstance(result, str):
            log.error("analysis of an article failed: %s", result)
            raise HTTPException(500, result)
        return JSONResponse(result)

    return app


def run(db: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the API with uvicorn (loopback unless told otherwise)."""
    import uvicorn

    uvicorn.run(create_app(db), host=host, port=port, proxy_headers=False, server_header=False, log_level="info")
