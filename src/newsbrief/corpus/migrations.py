"""The schema, as an ordered list of migrations (never edit one that shipped: add the next).

Statements use `{blob}`, `{real}` and `{serial}` for the few types the SQL dialects name
differently; everything else is common to SQLite and PostgreSQL. Where the dialects differ in kind
(full-text search), a step is a `PerDialect` of statements for each dialect, or a `Backfill`: a
function of the store that fills a new table from what is already stored (it runs in the
migration's transaction).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PerDialect:
    """Statements that differ by dialect ('sqlite', 'postgresql'); a dialect not named runs none."""

    statements: dict[str, list[str]]

    def for_dialect(self, dialect: str) -> list[str]:
        return self.statements.get(dialect, [])


@dataclass(frozen=True)
class Backfill:
    """Python that fills new tables from stored rows: `run(store)`."""

    run: Callable[[Any], None]


Step = str | PerDialect | Backfill


def _backfill_speakers(store: Any) -> None:
    store.backfill_speakers()


def _backfill_events(store: Any) -> None:
    store.backfill_events()


MIGRATIONS: list[tuple[int, str, list[Step]]] = [
    (
        1,
        "articles with their briefs and MinHash bands",
        [
            """CREATE TABLE articles (
                id TEXT PRIMARY KEY,
                seq BIGINT NOT NULL UNIQUE,
                content_hash TEXT NOT NULL,
                exact_hash TEXT NOT NULL,
                title TEXT, url TEXT, source TEXT, published TEXT, language TEXT,
                copy_of TEXT REFERENCES articles(id),
                story_id TEXT,
                text TEXT NOT NULL,
                brief TEXT NOT NULL,
                signature {blob} NOT NULL,
                ingested_at TEXT NOT NULL)""",
            "CREATE INDEX articles_exact ON articles(exact_hash, seq)",
            "CREATE INDEX articles_story ON articles(story_id, seq)",
            "CREATE TABLE article_bands (band TEXT NOT NULL, article_id TEXT NOT NULL REFERENCES articles(id))",
            "CREATE INDEX article_bands_band ON article_bands(band)",
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        ],
    ),
    (
        2,
        "document frequencies and stories",
        [
            "CREATE TABLE term_df (term TEXT PRIMARY KEY, df BIGINT NOT NULL)",
            """CREATE TABLE stories (
                id TEXT PRIMARY KEY,
                title TEXT,
                size INTEGER NOT NULL, n_articles INTEGER NOT NULL,
                first_published TEXT, last_published TEXT,
                first_seq BIGINT NOT NULL, last_seq BIGINT NOT NULL,
                vector TEXT NOT NULL, names TEXT NOT NULL, years TEXT NOT NULL, raw TEXT NOT NULL)""",
            "CREATE INDEX stories_newest ON stories(last_published, last_seq)",
            "CREATE TABLE story_terms (term TEXT NOT NULL, story_id TEXT NOT NULL, PRIMARY KEY (term, story_id))",
            "CREATE INDEX story_terms_story ON story_terms(story_id)",
        ],
    ),
    (
        3,
        "corpus-wide actors",
        [
            """CREATE TABLE actors (
                id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, country TEXT,
                mentions BIGINT NOT NULL, articles BIGINT NOT NULL, aliases TEXT NOT NULL)""",
            "CREATE TABLE actor_aliases (alias_key TEXT NOT NULL, actor_id TEXT NOT NULL, PRIMARY KEY (alias_key, actor_id))",
            """CREATE TABLE article_actors (
                article_id TEXT NOT NULL, entity_id TEXT NOT NULL, actor_id TEXT NOT NULL, mentions INTEGER NOT NULL,
                PRIMARY KEY (article_id, entity_id))""",
            "CREATE INDEX article_actors_actor ON article_actors(actor_id)",
        ],
    ),
    (
        4,
        "full-text search over titles and texts; speakers of each article",
        [
            PerDialect(
                {
                    "sqlite": [
                        """CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid',
                           tokenize='porter unicode61 remove_diacritics 2')""",
                        """CREATE TRIGGER articles_fts_ins AFTER INSERT ON articles BEGIN
                           INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END""",
                        """CREATE TRIGGER articles_fts_del AFTER DELETE ON articles BEGIN
                           INSERT INTO articles_fts(articles_fts, rowid, title, text)
                           VALUES ('delete', old.rowid, old.title, old.text);
                           END""",
                        """CREATE TRIGGER articles_fts_upd AFTER UPDATE OF title, text ON articles BEGIN
                           INSERT INTO articles_fts(articles_fts, rowid, title, text)
                           VALUES ('delete', old.rowid, old.title, old.text);
                           INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END""",
                        "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
                    ],
                    "postgresql": [
                        """ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
                           setweight(to_tsvector('english', coalesce(title, '')), 'A')
                           || setweight(to_tsvector('english', text), 'B'))
                           STORED""",
                        "CREATE INDEX articles_tsv ON articles USING GIN (tsv)",
                    ],
                }
            ),
            """CREATE TABLE article_speakers (speaker_key TEXT NOT NULL, article_id TEXT NOT NULL,
               PRIMARY KEY (speaker_key, article_id))""",
            "CREATE INDEX article_speakers_article ON article_speakers(article_id)",
            "CREATE INDEX articles_source ON articles(source)",
            "CREATE INDEX articles_published ON articles(published)",
            Backfill(_backfill_speakers),
        ],
    ),
    (
        5,
        "events across articles (one per real-world event) and their sources",
        [  # superseded by 6 (which rebuilds both tables); kept as it shipped, without its backfill
            """CREATE TABLE events (
                id TEXT PRIMARY KEY,
                sig TEXT NOT NULL,
                actor_id TEXT NOT NULL, target_id TEXT NOT NULL, place_id TEXT,
                type TEXT NOT NULL, cameo TEXT,
                day TEXT, period TEXT NOT NULL,
                modality TEXT NOT NULL,
                n_sources INTEGER NOT NULL,
                first_seq BIGINT NOT NULL)""",
            "CREATE INDEX events_sig ON events(sig, day)",
            "CREATE INDEX events_actor ON events(actor_id, day)",
            "CREATE INDEX events_target ON events(target_id, day)",
            """CREATE TABLE event_sources (
                event_id TEXT NOT NULL REFERENCES events(id), article_id TEXT NOT NULL REFERENCES articles(id),
                ordinal INTEGER NOT NULL,
                span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
                trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
                modality TEXT NOT NULL, event_when TEXT,
                PRIMARY KEY (event_id, article_id, ordinal))""",
            "CREATE INDEX event_sources_article ON event_sources(article_id)",
        ],
    ),
    (
        6,
        "events with their parties (a place-like actor is its state), rebuilt from the stored briefs",
        [
            "DROP TABLE IF EXISTS event_sources",
            "DROP TABLE IF EXISTS events",
            """CREATE TABLE events (
                id TEXT PRIMARY KEY,
                sig TEXT NOT NULL,
                actor_id TEXT NOT NULL, target_id TEXT NOT NULL, place_id TEXT,
                type TEXT NOT NULL, cameo TEXT,
                day TEXT, period TEXT NOT NULL,
                modality TEXT NOT NULL,
                n_sources INTEGER NOT NULL,
                first_seq BIGINT NOT NULL,
                actor_party TEXT NOT NULL, target_party TEXT NOT NULL)""",
            "CREATE INDEX events_sig ON events(sig, day)",
            "CREATE INDEX events_actor_party ON events(actor_party, day)",
            "CREATE INDEX events_target_party ON events(target_party, day)",
            """CREATE TABLE event_sources (
                event_id TEXT NOT NULL REFERENCES events(id), article_id TEXT NOT NULL REFERENCES articles(id),
                ordinal INTEGER NOT NULL,
                span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
                trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
                modality TEXT NOT NULL, event_when TEXT,
                PRIMARY KEY (event_id, article_id, ordinal))""",
            "CREATE INDEX event_sources_article ON event_sources(article_id)",
            Backfill(_backfill_events),
        ],
    ),
    (
        7,
        "story briefs stored per story state, with what the story page shows beside them",
        [  # zlib-compressed JSON; filled at the end of an ingest run for the stories it touched, else on a read
            """CREATE TABLE IF NOT EXISTS story_briefs (
                story_id TEXT PRIMARY KEY,
                n_articles INTEGER NOT NULL, last_seq BIGINT NOT NULL,
                builder TEXT NOT NULL,
                brief {blob} NOT NULL, page {blob} NOT NULL,
                built_at TEXT NOT NULL)""",
        ],
    ),
]
