"""The SQLite store: migrations from the first table on, WAL, transactions that keep what was
committed, and re-ingesting the same content changing nothing."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap

import pytest

import corpus_stores
from corpus_helpers import BRIDGE, TRAIN, TRAIN_2, brief
from newsbrief.corpus import Corpus, open_store
from newsbrief.corpus.migrations import MIGRATIONS
from newsbrief.errors import NoInputError

db_url = corpus_stores.db_url  # the fixture, on both stores
pg_url = corpus_stores.pg_url


def test_migrations_are_recorded_and_idempotent(tmp_path):
    db = str(tmp_path / "c.db")
    with open_store(db) as store:
        assert store.schema_version() == MIGRATIONS[-1][0]
        assert store.migrate() == []  # nothing left to apply
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    versions = [r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
    assert versions == [m[0] for m in MIGRATIONS]


def test_a_store_at_an_older_version_is_brought_up_to_date(tmp_path):
    db = str(tmp_path / "old.db")
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    for stmt in MIGRATIONS[0][2]:
        conn.execute(stmt.format(blob="BLOB", real="REAL", serial="INTEGER"))
    conn.execute(
        "INSERT INTO articles (id, seq, content_hash, exact_hash, text, brief, signature, ingested_at) "
        "VALUES ('old1', 1, 'h', 'e', 'An old article about the harbour crane.', ?, x'00', 'then')",
        ('{"id": "old1", "attributions": [{"speaker_name": "Harbour Master Ann Holt"}]}',),
    )
    conn.execute("INSERT INTO schema_migrations VALUES (1, 'x', 'then')")
    conn.commit()
    conn.close()
    with open_store(db) as store:
        assert store.schema_version() == MIGRATIONS[-1][0]
        from newsbrief.corpus.search import search

        assert [h.article_id for h in search(store, "crane")] == ["old1"]  # the full-text index was rebuilt
        assert [h.article_id for h in search(store, "crane", speaker="Holt")] == ["old1"]  # speakers backfilled


def test_missing_database_and_unreachable_server_are_clear_errors(tmp_path):
    with pytest.raises(NoInputError):
        open_store(str(tmp_path / "none.db"), create=False)
    with pytest.raises(NoInputError, match="cannot connect") as err:
        open_store("postgresql://someone:secret@127.0.0.1:1/news")
    assert "secret" not in str(err.value)


def test_postgres_migrations_are_recorded_and_idempotent(pg_url):
    with open_store(pg_url) as store:
        assert store.schema_version() == MIGRATIONS[-1][0]
        assert store.migrate() == []
        versions = [r[0] for r in store.execute("SELECT version FROM schema_migrations ORDER BY version")]
        assert versions == [m[0] for m in MIGRATIONS]
    with open_store(pg_url) as store:  # a second opening applies nothing
        assert store.migrate() == []


def test_same_content_again_changes_nothing(db_url):
    db = db_url
    with Corpus.open(db) as corpus:
        first = corpus.add_brief(brief("t1", TRAIN, "2024-05-12"))
        assert first.status == "added"
        again = corpus.add_brief(brief("t1", TRAIN, "2024-05-12"))
        assert (again.status, again.story_id) == ("unchanged", first.story_id)
        other = corpus.add_brief(brief("t1", TRAIN_2, "2024-05-12"))
        assert other.status == "error" and "other content" in other.error
        assert corpus.store.count_articles() == 1
        assert corpus.store.get_brief("t1")["text"] == TRAIN


def test_a_failed_transaction_leaves_nothing_behind(db_url):
    db = db_url
    with Corpus.open(db) as corpus:
        corpus.add_brief(brief("t1", TRAIN))
        with pytest.raises(RuntimeError), corpus.store.transaction():
            corpus.store.add_doc(["zzz"])
            raise RuntimeError("killed")
        assert corpus.store.doc_freqs(["zzz"]) == {}
        assert corpus.store.count_articles() == 1


def test_a_writers_cached_counts_and_stories_follow_another_writers_commits(db_url):
    """The store keeps document frequencies and decoded stories between articles; another connection's
    commits, and a rolled-back transaction of its own, must never be served from those caches."""
    with Corpus.open(db_url) as a, Corpus.open(db_url) as b:
        first = a.add_brief(brief("t1", TRAIN, "2024-05-12"))
        terms = ["freight", "derail", "grain", "zzz"]
        with a.store.transaction():  # as the tracker reads them: inside the writer's transaction
            before = a.store.doc_freqs(terms)
            story = a.store.get_stories([first.story_id], raw=True)[0]
            story.years["mutated"] = 99  # a caller's change never reaches the cache
        joined = b.add_brief(brief("t2", TRAIN_2, "2024-05-12"))
        assert joined.story_id == first.story_id
        with a.store.transaction():
            assert a.store.doc_freqs(terms) == b.store.doc_freqs(terms) != before
            assert a.store.n_docs() == 2
            (seen,) = a.store.get_stories([first.story_id], raw=True)
        with open_store(db_url) as other:
            (fresh,) = other.get_stories([first.story_id], raw=True)
        assert (seen.size, seen.n_articles, seen.vector, seen.years, seen.raw) == (
            fresh.size, fresh.n_articles, fresh.vector, fresh.years, fresh.raw,
        ) and seen.size == 2 and "mutated" not in seen.years  # fmt: skip
        with pytest.raises(RuntimeError), a.store.transaction():
            a.store.add_doc(["zzz", "freight"])
            raise RuntimeError("rolled back")
        assert a.store.doc_freqs(terms) == b.store.doc_freqs(terms)
        assert "zzz" not in a.store.doc_freqs(terms)


KILLER = textwrap.dedent(
    """
    import os, signal, sys
    sys.path.insert(0, {tests!r})
    from corpus_helpers import brief
    from newsbrief.corpus import Corpus
    texts = {texts!r}
    corpus = Corpus.open({db!r})
    for i, text in enumerate(texts):
        if i == {kill_at}:
            os.kill(os.getpid(), signal.SIGKILL)   # no cleanup, no commit of anything in flight
        corpus.add_brief(brief(f"k{{i}}", text))
    """
)


def test_a_killed_run_keeps_what_it_committed_and_resumes(tmp_path):
    db = str(tmp_path / "kill.db")
    texts = [f"{TRAIN} Report number {i} from the line, with detail {i * 7} about wagon {i}." for i in range(6)]
    texts = [BRIDGE, TRAIN, *(t.replace("Lakeview", f"Lakeview {w}") for w, t in zip("ABCD", texts))]
    script = KILLER.format(tests=str(__import__("pathlib").Path(__file__).parent), texts=texts, db=db, kill_at=3)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert proc.returncode == -9, proc.stderr.decode()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY seq")] == ["k0", "k1", "k2"]
    conn.close()
    with Corpus.open(db) as corpus:  # resume: the first three are unchanged, the rest added
        statuses = [corpus.add_brief(brief(f"k{i}", t)).status for i, t in enumerate(texts)]
        assert statuses[:3] == ["unchanged"] * 3
        assert all(s in ("added", "copy") for s in statuses[3:])
        assert corpus.store.count_articles() == len(texts)
