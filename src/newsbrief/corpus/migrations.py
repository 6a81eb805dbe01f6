"""The schema, as an ordered list of migrations (never edit one that shipped: add the next).

Statements use `{blob}`, `{real}` and `{serial}` for the few types the SQL dialects name
differently; everything else is common to SQLite and PostgreSQL.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str, list[str]]] = [
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
]
