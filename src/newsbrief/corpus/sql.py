"""The store in plain SQL common to SQLite and PostgreSQL; a backend supplies the connection,
its placeholder style, its type names and its transaction."""

from __future__ import annotations

import datetime as dt
import json
import zlib
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from typing import Any, ClassVar

from newsbrief.corpus.migrations import MIGRATIONS, Backfill, PerDialect
from newsbrief.corpus.speakers import speaker_keys
from newsbrief.corpus.store import (
    ActorRow,
    ArticleRow,
    EventRow,
    EventSourceRow,
    SearchFilters,
    SearchRow,
    Store,
    StoryRow,
)

_ARTICLE_COLS = "id, content_hash, exact_hash, text, title, url, source, published, language, copy_of, story_id, seq"
_STORY_COLS = "id, title, size, n_articles, first_published, last_published, first_seq, last_seq, vector, names, years"
_EVENT_COLS = (
    "id, sig, actor_id, target_id, type, cameo, place_id, day, period, modality, n_sources, first_seq, actor_party, target_party"
)
_SOURCE_COLS = "event_id, article_id, ordinal, span_start, span_end, trigger_start, trigger_end, modality, event_when"
_STORY_STATE = "id, title, size, n_articles, first_published, last_published, first_seq, last_seq"
_CHUNK = 500  # terms per IN (...) list
DF_CACHE_TERMS = 400_000  # document frequencies kept in memory (~40 MB at most), then dropped all at once
STORY_CACHE = 128  # decoded stories kept (a few hundred kB each with their raw sums), least recently used first


def _pack(value: Any) -> bytes:
    """JSON, zlib-compressed: a story brief is a few times smaller so (and inflating it costs ~1% of reading it)."""
    return zlib.compress(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)


def _json(value: Any) -> str:
    """Compact JSON for the story columns rewritten with each article (no spaces: ~8% fewer bytes)."""
    return json.dumps(value, separators=(",", ":"))


def _unpack(data: Any) -> Any:
    return json.loads(zlib.decompress(bytes(data)))


def _chunks(items: Sequence[str], n: int = _CHUNK) -> list[Sequence[str]]:
    return [items[i : i + n] for i in range(0, len(items), n)]


@dataclass
class _Caches:
    """What a writer reads again and again, decoded once (profile of `Corpus.add_brief` on ECB+ dev: the
    document frequencies of ~1,000 terms and the JSON of ~10 candidate stories per article were a third of
    the store's own cost). Every entry is checked against the store before use, so another writer's commits
    are seen: document frequencies against `n_docs` (which `add_doc` bumps in the same transaction as
    the counts), a story against its state columns (`n_articles` and `last_seq` change with every
    article, and a `seq` is never reused once committed). A rolled-back transaction drops everything."""

    df: dict[str, int] = field(default_factory=dict)  # term -> document frequency (0: not in term_df)
    df_n: int = -1  # n_docs the entries of `df` belong to
    df_checked = False  # df_n was checked inside the write transaction now open (no other writer until it ends)
    stories: OrderedDict[str, tuple[tuple[Any, ...], StoryRow]] = field(default_factory=OrderedDict)

    def clear(self) -> None:
        self.df.clear()
        self.df_n = -1
        self.df_checked = False
        self.stories.clear()


def _story_copy(s: StoryRow, raw: bool) -> StoryRow:
    """A copy the caller may change (the tracker updates a story's fact counts in place)."""
    return StoryRow(
        id=s.id, title=s.title, size=s.size, n_articles=s.n_articles, first_published=s.first_published,
        last_published=s.last_published, first_seq=s.first_seq, last_seq=s.last_seq, vector=dict(s.vector),
        names=dict(s.names), years=dict(s.years),
        raw={k: dict(v) for k, v in s.raw.items()} if raw and s.raw is not None else None,
    )  # fmt: skip


class SQLStore(Store):
    dialect = "sqlite"
    placeholder = "?"
    types: ClassVar[dict[str, str]] = {"blob": "BLOB", "real": "REAL", "serial": "INTEGER"}
    conn: Any
    _depth = 0  # open transaction() blocks: only the outermost one begins and commits

    # plumbing ------------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction; a nested block is part of the outer one (an ingest step that is
        also called on its own commits with its caller, not half-way)."""
        self._depth += 1
        try:
            if self._depth > 1:
                yield
            else:
                self._caches.df_checked = False
                try:
                    with self._begin():
                        yield
                except BaseException:
                    self._caches.clear()  # they may hold what was just rolled back
                    raise
                finally:
                    self._caches.df_checked = False
        finally:
            self._depth -= 1

    @property
    def _caches(self) -> _Caches:
        caches = self.__dict__.get("_caches_")
        if caches is None:
            caches = self.__dict__["_caches_"] = _Caches()
        return caches

    def _begin(self) -> AbstractContextManager[None]:
        """The backend's outermost transaction: begin, take the write lock, commit or roll back."""
        raise NotImplementedError

    def q(self, sql: str) -> str:
        return sql if self.placeholder == "?" else sql.replace("?", self.placeholder)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        cur = self.conn.cursor()
        cur.execute(self.q(sql), tuple(params))
        return cur

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self.conn.cursor().executemany(self.q(sql), [tuple(r) for r in rows])

    def _in(self, n: int) -> str:
        return ", ".join("?" * n)

    def _table_exists(self, name: str) -> bool:
        raise NotImplementedError

    # migrations ----------------------------------------------------------------------------
    def schema_version(self) -> int:
        if not self._table_exists("schema_migrations"):
            return 0
        row = self.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    def migrate(self) -> list[int]:
        applied = []
        with self.transaction():
            self.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
        for version, name, statements in MIGRATIONS:
            with self.transaction():  # checked inside the write lock: two writers never both apply one
                if self.execute("SELECT 1 FROM schema_migrations WHERE version = ?", (version,)).fetchone():
                    continue
                for step in statements:
                    if isinstance(step, Backfill):
                        step.run(self)
                        continue
                    for stmt in step.for_dialect(self.dialect) if isinstance(step, PerDialect) else [step]:
                        self.execute(stmt.format(**self.types))
                self.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (version, name, _now()),
                )
                applied.append(version)
        return applied

    # articles ------------------------------------------------------------------------------
    def _article(self, row: Sequence[Any] | None) -> ArticleRow | None:
        if row is None:
            return None
        return ArticleRow(*row[:11], seq=int(row[11]))

    def get_article(self, article_id: str) -> ArticleRow | None:
        return self._article(self.execute(f"SELECT {_ARTICLE_COLS} FROM articles WHERE id = ?", (article_id,)).fetchone())

    def get_brief(self, article_id: str) -> dict[str, Any] | None:
        row = self.execute("SELECT brief FROM articles WHERE id = ?", (article_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def first_with_exact_hash(self, exact_hash: str) -> ArticleRow | None:
        row = self.execute(
            f"SELECT {_ARTICLE_COLS} FROM articles WHERE exact_hash = ? ORDER BY seq LIMIT 1", (exact_hash,)
        ).fetchone()
        return self._article(row)

    def next_seq(self) -> int:
        row = self.execute("SELECT MAX(seq) FROM articles").fetchone()
        return int(row[0] or 0) + 1

    def add_article(self, row: ArticleRow, brief: dict[str, Any], signature: bytes, bands: Sequence[str]) -> ArticleRow:
        row.seq = row.seq or self.next_seq()
        self.execute(
            f"INSERT INTO articles ({_ARTICLE_COLS}, brief, signature, ingested_at) VALUES ({self._in(15)})",
            (
                row.id, row.content_hash, row.exact_hash, row.text, row.title, row.url, row.source, row.published,
                row.language, row.copy_of, row.story_id, row.seq, json.dumps(brief, ensure_ascii=False), signature, _now(),
            ),
        )  # fmt: skip
        if row.copy_of is None:  # copies are found through their original
            self.executemany("INSERT INTO article_bands (band, article_id) VALUES (?, ?)", [(b, row.id) for b in bands])
        self._add_speakers(row.id, brief)
        return row

    def _add_speakers(self, article_id: str, brief: dict[str, Any]) -> None:
        self.executemany(
            "INSERT INTO article_speakers (speaker_key, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            [(k, article_id) for k in speaker_keys(brief)],
        )

    def backfill_speakers(self) -> None:
        """Index the speakers of the articles stored before the speakers table existed (migration 4)."""
        last = -1
        while True:
            rows = self.execute("SELECT id, brief, seq FROM articles WHERE seq > ? ORDER BY seq LIMIT 200", (last,)).fetchall()
            if not rows:
                return
            for aid, brief, seq in rows:
                self._add_speakers(aid, json.loads(brief))
                last = int(seq)

    def near_candidates(self, bands: Sequence[str], limit: int = 20) -> list[tuple[str, bytes]]:
        if not bands:
            return []
        rows = self.execute(
            f"""SELECT a.id, a.signature, COUNT(*) AS shared FROM article_bands b JOIN articles a ON a.id = b.article_id
                WHERE b.band IN ({self._in(len(bands))}) GROUP BY a.id, a.signature, a.seq
                ORDER BY shared DESC, a.seq LIMIT {int(limit)}""",
            list(bands),
        ).fetchall()
        return [(r[0], bytes(r[1])) for r in rows]

    def set_story(self, article_id: str, story_id: str) -> None:
        self.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story_id, article_id))

    def story_articles(self, story_id: str) -> list[ArticleRow]:
        rows = self.execute(f"SELECT {_ARTICLE_COLS} FROM articles WHERE story_id = ? ORDER BY seq", (story_id,)).fetchall()
        return [a for a in map(self._article, rows) if a]

    def count_articles(self) -> int:
        return int(self.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    # term statistics -----------------------------------------------------------------------
    def n_docs(self) -> int:
        if self._depth and self._caches.df_checked:  # read and kept up to date in this write transaction
            return self._caches.df_n
        row = self.execute("SELECT value FROM meta WHERE key = 'n_docs'").fetchone()
        return int(row[0]) if row else 0

    def _df_cache(self) -> dict[str, int]:
        """The cached document frequencies, emptied when another writer has counted documents since (the
        tracker's reads and writes; only a writer's connection asks for them)."""
        c = self._caches
        n = self.n_docs()
        if n != c.df_n or len(c.df) > DF_CACHE_TERMS:
            c.df.clear()
            c.df_n = n
        c.df_checked = bool(self._depth)
        return c.df

    def doc_freqs(self, terms: Sequence[str]) -> dict[str, int]:
        cache = self._df_cache()
        missing = [t for t in dict.fromkeys(terms) if t not in cache]
        for part in _chunks(missing):
            for term, df in self.execute(f"SELECT term, df FROM term_df WHERE term IN ({self._in(len(part))})", part):
                cache[term] = int(df)
        for t in missing:
            cache.setdefault(t, 0)
        return {t: df for t in terms if (df := cache[t])}

    def add_doc(self, terms: Sequence[str]) -> None:
        cache = self._df_cache()
        self.executemany(
            "INSERT INTO term_df (term, df) VALUES (?, 1) ON CONFLICT (term) DO UPDATE SET df = term_df.df + 1",
            [(t,) for t in terms],
        )
        self.execute(
            "INSERT INTO meta (key, value) VALUES ('n_docs', '1') "
            "ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(meta.value AS INTEGER) + 1 AS TEXT)"
        )
        for t in terms:  # as the upsert counted them (a term twice in `terms` twice)
            if t in cache:
                cache[t] += 1
        self._caches.df_n += 1

    # stories -------------------------------------------------------------------------------
    def story_candidates(self, terms: Sequence[str], limit: int) -> list[str]:
        if not terms:
            return []
        rows = self.execute(
            f"""SELECT story_id, COUNT(*) AS shared FROM story_terms WHERE term IN ({self._in(len(terms))})
                GROUP BY story_id ORDER BY shared DESC, story_id LIMIT {int(limit)}""",
            list(terms),
        ).fetchall()
        return [r[0] for r in rows]

    def _story(self, r: Sequence[Any]) -> StoryRow:
        return StoryRow(
            id=r[0], title=r[1], size=int(r[2]), n_articles=int(r[3]), first_published=r[4], last_published=r[5],
            first_seq=int(r[6]), last_seq=int(r[7]), vector=json.loads(r[8]), names=json.loads(r[9]),
            years=json.loads(r[10]), raw=json.loads(r[11]) if len(r) > 11 else None,
        )  # fmt: skip

    def get_stories(self, story_ids: Sequence[str], raw: bool = False) -> list[StoryRow]:
        """In a write transaction (the tracker's reads), their state first (a few small columns), then the JSON
        of only those not cached in that state; a reader (a page, the API) reads them once, uncached: its
        connections are many, one per thread, and would each keep a cache."""
        cols = _STORY_COLS + (", raw" if raw else "")
        out: dict[str, StoryRow] = {}
        if not self._depth:
            for part in _chunks(list(story_ids)):
                for r in self.execute(f"SELECT {cols} FROM stories WHERE id IN ({self._in(len(part))})", part):
                    out[r[0]] = self._story(r)
            return [out[i] for i in story_ids if i in out]
        cache = self._caches.stories
        stale: list[str] = []
        for part in _chunks(list(story_ids)):
            for r in self.execute(f"SELECT {_STORY_STATE} FROM stories WHERE id IN ({self._in(len(part))})", part):
                hit = cache.get(r[0])
                if hit is not None and hit[0] == tuple(r[1:]) and (hit[1].raw is not None or not raw):
                    cache.move_to_end(r[0])
                    out[r[0]] = _story_copy(hit[1], raw)
                else:
                    stale.append(r[0])
        for part in _chunks(stale):
            for r in self.execute(f"SELECT {cols} FROM stories WHERE id IN ({self._in(len(part))})", part):
                story = self._story(r)
                self._cache_story(story)
                out[r[0]] = _story_copy(story, raw)
        return [out[i] for i in story_ids if i in out]

    def _cache_story(self, story: StoryRow) -> None:
        cache = self._caches.stories
        state = (story.title, story.size, story.n_articles, story.first_published, story.last_published)
        cache[story.id] = ((*state, story.first_seq, story.last_seq), story)
        cache.move_to_end(story.id)
        while len(cache) > STORY_CACHE:
            cache.popitem(last=False)

    def put_story(self, story: StoryRow, index_terms: Sequence[str]) -> None:
        if story.raw is None:
            raise ValueError("put_story needs the story's raw sums (get_stories(..., raw=True))")
        values = (
            story.id, story.title, story.size, story.n_articles, story.first_published, story.last_published,
            story.first_seq, story.last_seq, _json(story.vector), _json(story.names), _json(story.years), _json(story.raw),
        )  # fmt: skip
        self.execute(
            f"""INSERT INTO stories ({_STORY_COLS}, raw) VALUES ({self._in(12)}) ON CONFLICT (id) DO UPDATE SET
                title = excluded.title, size = excluded.size, n_articles = excluded.n_articles,
                first_published = excluded.first_published, last_published = excluded.last_published,
                first_seq = excluded.first_seq, last_seq = excluded.last_seq,
                vector = excluded.vector, names = excluded.names, years = excluded.years, raw = excluded.raw""",
            values,
        )
        # only the terms that changed: most of a story's index terms stay from one article to the next, and
        # rewriting them all dirtied ~40 pages of story_terms' two indexes per article
        terms = list(dict.fromkeys(index_terms))
        old = {r[0] for r in self.execute("SELECT term FROM story_terms WHERE story_id = ?", (story.id,))}
        new = set(terms)
        self.executemany("DELETE FROM story_terms WHERE term = ? AND story_id = ?", [(t, story.id) for t in old - new])
        self.executemany("INSERT INTO story_terms (term, story_id) VALUES (?, ?)", [(t, story.id) for t in terms if t not in old])
        self._cache_story(_story_copy(story, raw=True))  # as it now is stored: the next article decodes nothing

    def get_story_brief(
        self, story: StoryRow, builder: str, page: bool = False
    ) -> tuple[dict[str, Any], dict[str, Any] | None] | None:
        row = self.execute(
            f"SELECT brief{', page' if page else ''} FROM story_briefs "
            "WHERE story_id = ? AND n_articles = ? AND last_seq = ? AND builder = ?",
            (story.id, story.n_articles, story.last_seq, builder),
        ).fetchone()
        if row is None:
            return None
        return _unpack(row[0]), _unpack(row[1]) if page else None

    def put_story_brief(self, story: StoryRow, builder: str, brief: dict[str, Any], page: dict[str, Any]) -> None:
        # a reader that built an older state late never overwrites the brief of a newer one
        self.execute(
            """INSERT INTO story_briefs (story_id, n_articles, last_seq, builder, brief, page, built_at)
               VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (story_id) DO UPDATE SET
               n_articles = excluded.n_articles, last_seq = excluded.last_seq, builder = excluded.builder,
               brief = excluded.brief, page = excluded.page, built_at = excluded.built_at
               WHERE excluded.last_seq >= story_briefs.last_seq""",
            (
                story.id, story.n_articles, story.last_seq, builder,
                _pack(brief), _pack(page), _now(),
            ),
        )  # fmt: skip

    def stale_story_briefs(self, builder: str) -> list[str]:
        rows = self.execute(
            """SELECT s.id FROM stories s LEFT JOIN story_briefs b ON b.story_id = s.id AND b.n_articles = s.n_articles
               AND b.last_seq = s.last_seq AND b.builder = ? WHERE b.story_id IS NULL ORDER BY s.last_seq""",
            (builder,),
        ).fetchall()
        return [r[0] for r in rows]

    def list_stories(self, limit: int | None = None, offset: int = 0) -> list[StoryRow]:
        sql = (
            f"SELECT {_STORY_COLS} FROM stories ORDER BY CASE WHEN last_published IS NULL THEN 1 ELSE 0 END, "
            "last_published DESC, last_seq DESC"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return [self._story(r) for r in self.execute(sql)]

    def story_outlets(self, story_ids: Sequence[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {i: [] for i in story_ids}
        for part in _chunks(list(story_ids)):
            rows = self.execute(
                f"""SELECT story_id, source FROM articles WHERE story_id IN ({self._in(len(part))})
                    AND copy_of IS NULL AND source IS NOT NULL GROUP BY story_id, source ORDER BY story_id, MIN(seq)""",
                part,
            )
            for sid, source in rows:
                out[sid].append(source)
        return out

    # actors --------------------------------------------------------------------------------
    def actors_by_alias(self, keys: Sequence[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for part in _chunks(list(keys)):
            rows = self.execute(
                f"SELECT alias_key, actor_id FROM actor_aliases WHERE alias_key IN ({self._in(len(part))}) ORDER BY actor_id",
                part,
            )
            for key, actor in rows:
                out.setdefault(key, []).append(actor)
        return out

    def get_actors(self, actor_ids: Sequence[str]) -> list[ActorRow]:
        out: dict[str, ActorRow] = {}
        for part in _chunks(list(actor_ids)):
            rows = self.execute(
                f"SELECT id, name, type, country, mentions, articles, aliases FROM actors WHERE id IN ({self._in(len(part))})",
                part,
            )
            for r in rows:
                out[r[0]] = ActorRow(r[0], r[1], r[2], r[3], int(r[4]), int(r[5]), json.loads(r[6]))
        return [out[i] for i in actor_ids if i in out]

    def put_actors(self, items: Sequence[tuple[ActorRow, Sequence[str]]]) -> None:
        actors = {a.id: a for a, _ in items}  # an actor twice (two entities of an article): its last state once
        self.executemany(
            """INSERT INTO actors (id, name, type, country, mentions, articles, aliases) VALUES (?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type, country = excluded.country,
               mentions = excluded.mentions, articles = excluded.articles, aliases = excluded.aliases""",
            [(a.id, a.name, a.type, a.country, a.mentions, a.articles, json.dumps(a.aliases)) for a in actors.values()],
        )
        self.executemany(
            "INSERT INTO actor_aliases (alias_key, actor_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            list(dict.fromkeys((k, a.id) for a, keys in items for k in keys)),
        )

    def link_actors(self, rows: Sequence[tuple[str, str, str, int]]) -> None:
        self.executemany(
            """INSERT INTO article_actors (article_id, entity_id, actor_id, mentions) VALUES (?, ?, ?, ?)
               ON CONFLICT (article_id, entity_id) DO NOTHING""",
            rows,
        )

    def actor_articles(self, actor_id: str) -> list[tuple[str, str, int]]:
        rows = self.execute(
            """SELECT aa.article_id, aa.entity_id, aa.mentions FROM article_actors aa JOIN articles a ON a.id = aa.article_id
               WHERE aa.actor_id = ? ORDER BY a.seq""",
            (actor_id,),
        )
        return [(r[0], r[1], int(r[2])) for r in rows]

    def entity_actors(self, article_id: str) -> dict[str, str]:
        rows = self.execute("SELECT entity_id, actor_id FROM article_actors WHERE article_id = ?", (article_id,))
        return {r[0]: r[1] for r in rows}

    def story_actors(self, story_id: str) -> list[tuple[str, int]]:
        rows = self.execute(
            """SELECT aa.actor_id, SUM(aa.mentions) AS m FROM article_actors aa JOIN articles a ON a.id = aa.article_id
               WHERE a.story_id = ? AND a.copy_of IS NULL GROUP BY aa.actor_id ORDER BY m DESC, aa.actor_id""",
            (story_id,),
        )
        return [(r[0], int(r[1])) for r in rows]

    # events --------------------------------------------------------------------------------
    @staticmethod
    def _event(r: Sequence[Any]) -> EventRow:
        return EventRow(*r[:10], n_sources=int(r[10]), first_seq=int(r[11]), actor_party=r[12], target_party=r[13])

    def event_candidates(self, sig: str, day_lo: str | None, day_hi: str | None, periods: Sequence[str]) -> list[EventRow]:
        undated = f"(day IS NULL AND period IN ({self._in(len(periods))}))" if periods else "1 = 0"
        if day_lo is not None and day_hi is not None:
            cond, params = f"((day >= ? AND day <= ?) OR {undated})", [sig, day_lo, day_hi, *periods]
        else:
            cond, params = undated, [sig, *periods]
        rows = self.execute(f"SELECT {_EVENT_COLS} FROM events WHERE sig = ? AND {cond} ORDER BY first_seq", params)
        return [self._event(r) for r in rows]

    def put_event(self, event: EventRow) -> None:
        e = event
        self.execute(
            f"""INSERT INTO events ({_EVENT_COLS}) VALUES ({self._in(14)}) ON CONFLICT (id) DO UPDATE SET
                place_id = excluded.place_id, day = excluded.day, period = excluded.period,
                modality = excluded.modality, n_sources = excluded.n_sources""",
            (e.id, e.sig, e.actor_id, e.target_id, e.type, e.cameo, e.place_id, e.day, e.period, e.modality,
             e.n_sources, e.first_seq, e.actor_party, e.target_party),
        )  # fmt: skip

    def add_event_sources(self, rows: Sequence[EventSourceRow]) -> None:
        self.executemany(
            f"INSERT INTO event_sources ({_SOURCE_COLS}) VALUES ({self._in(9)}) ON CONFLICT DO NOTHING",
            [
                (r.event_id, r.article_id, r.ordinal, r.start, r.end, r.trigger_start, r.trigger_end, r.modality, r.when)
                for r in rows
            ],
        )

    def party_events(self, party: str, since: str | None = None, until: str | None = None) -> list[EventRow]:
        where, params = ["(actor_party = ? OR target_party = ?)"], [party, party]
        if since is not None:
            where.append("day >= ?")
            params.append(since)
        if until is not None:
            where.append("day <= ?")
            params.append(until)
        rows = self.execute(
            f"SELECT {_EVENT_COLS} FROM events WHERE {' AND '.join(where)} "
            "ORDER BY CASE WHEN day IS NULL THEN 1 ELSE 0 END, day, first_seq",
            params,
        )
        return [self._event(r) for r in rows]

    def event_sources(self, event_ids: Sequence[str]) -> list[EventSourceRow]:
        out = []
        cols = ", ".join(f"s.{c.strip()}" for c in _SOURCE_COLS.split(","))
        for part in _chunks(list(event_ids)):
            rows = self.execute(
                f"""SELECT {cols} FROM event_sources s JOIN articles a ON a.id = s.article_id
                    WHERE s.event_id IN ({self._in(len(part))}) ORDER BY a.seq, s.ordinal""",
                part,
            )
            out += [EventSourceRow(*r) for r in rows]
        return out

    def backfill_events(self) -> None:
        """Record the events of the original articles stored before the events tables had their shape (migration 6)."""
        from newsbrief.corpus.events import record_events

        last = -1
        while True:
            rows = self.execute(
                "SELECT id, brief, seq FROM articles WHERE seq > ? AND copy_of IS NULL ORDER BY seq LIMIT 200", (last,)
            ).fetchall()
            if not rows:
                return
            for aid, brief, seq in rows:
                record_events(self, aid, int(seq), json.loads(brief))
                last = int(seq)

    # search --------------------------------------------------------------------------------
    def _fts(self, groups: Sequence[Sequence[str]], any_group: bool) -> tuple[str, str, str, list[Any]]:
        """(FROM addition, WHERE condition, score expression (higher is better), their parameters) for a match."""
        raise NotImplementedError

    def search_articles(
        self, groups: Sequence[Sequence[str]], any_group: bool, filters: SearchFilters, limit: int, offset: int
    ) -> list[SearchRow]:
        join, match, score, params = self._fts(groups, any_group)
        where, wparams = [match], []
        if filters.actor_ids is not None:
            ids = filters.actor_ids or [""]
            where.append(f"a.id IN (SELECT article_id FROM article_actors WHERE actor_id IN ({self._in(len(ids))}))")
            wparams += ids
        if filters.speaker_keys is not None:
            keys = filters.speaker_keys or [""]
            where.append(f"a.id IN (SELECT article_id FROM article_speakers WHERE speaker_key IN ({self._in(len(keys))}))")
            wparams += keys
        if filters.outlet is not None:
            where.append("LOWER(a.source) = LOWER(?)")
            wparams.append(filters.outlet)
        if filters.since is not None:
            where.append("SUBSTR(a.published, 1, 10) >= ?")
            wparams.append(filters.since)
        if filters.until is not None:
            where.append("SUBSTR(a.published, 1, 10) <= ?")
            wparams.append(filters.until)
        if filters.story is not None:
            where.append("a.story_id = ?")
            wparams.append(filters.story)
        sql = (
            f"SELECT a.id, a.title, a.source, a.published, a.story_id, {score} AS score, a.text FROM articles a{join} "
            f"WHERE {' AND '.join(where)} ORDER BY score DESC, a.seq LIMIT {int(limit)} OFFSET {int(offset)}"
        )
        rows = self.execute(sql, [*params, *wparams]).fetchall()
        return [SearchRow(r[0], r[1], r[2], r[3], r[4], float(r[5]), r[6]) for r in rows]

    # export --------------------------------------------------------------------------------
    _EXPORT: ClassVar[dict[str, tuple[str, str, str]]] = {
        "articles": (
            "articles",
            "seq",
            "id, seq, title, url, source, published, language, copy_of, story_id, content_hash, ingested_at, text",
        ),
        "briefs": ("articles", "seq", "id, seq, brief"),
        "actors": ("actors", "id", "id, name, type, country, mentions, articles, aliases"),
        "stories": ("stories", "id", "id, title, size, n_articles, first_published, last_published, first_seq, last_seq"),
        "events": ("events", "id", _EVENT_COLS),
    }

    def export_rows(self, table: str) -> Iterator[dict[str, Any]]:
        source, key, cols = self._EXPORT[table]
        names = [c.strip() for c in cols.split(",")]
        last: Any = None
        while True:
            cond = f"WHERE {key} > ? " if last is not None else ""
            rows = self.execute(
                f"SELECT {cols} FROM {source} {cond}ORDER BY {key} LIMIT 500", [last] if last is not None else []
            ).fetchall()
            if not rows:
                return
            for r in rows:
                rec = dict(zip(names, r, strict=True))
                if table == "briefs":
                    rec["brief"] = json.loads(rec["brief"])
                elif table == "actors":
                    rec["aliases"] = json.loads(rec["aliases"])
                yield rec
            last = rows[-1][names.index(key)]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
