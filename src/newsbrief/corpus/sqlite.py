"""The default store: one SQLite file in WAL mode (readers never block the writer), one writer at
a time through BEGIN IMMEDIATE, a busy timeout instead of 'database is locked' errors."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsbrief.corpus.sql import SQLStore
from newsbrief.errors import NoInputError


class SQLiteStore(SQLStore):
    def __init__(self, path: str, *, create: bool = True) -> None:
        self.url = path
        if path != ":memory:" and not create and not Path(path).exists():
            raise NoInputError(f"{path}: no such database (create it with `newsbrief ingest ... --db {path}`)")
        try:
            self.conn = sqlite3.connect(path, isolation_level=None, timeout=30.0, check_same_thread=False)
        except sqlite3.Error as exc:
            raise NoInputError(f"{path}: cannot open database: {exc}") from None
        if path != ":memory:":
            self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: a commit survives a crash of the process
        # Each article dirties ~130 pages (document frequencies, MinHash bands, its story), most of them the same
        # pages as the last article's: a checkpoint (and its fsync) every ~30 articles instead of every ~7 writes
        # each page once for more articles (ECB+ dev: commits -40%) for a WAL file of ~16 MB.
        self.conn.execute("PRAGMA wal_autocheckpoint=4000")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.migrate()

    def _table_exists(self, name: str) -> bool:
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)).fetchone() is not None

    @contextmanager
    def _begin(self) -> Iterator[None]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _fts(self, groups: Sequence[Sequence[str]], any_group: bool) -> tuple[str, str, str, list[Any]]:
        # Every word is double-quoted: FTS5 operators and syntax characters in a query are plain words here.
        phrases = ['"' + " ".join(w.replace('"', "") for w in g) + '"' for g in groups]
        expr = (" OR " if any_group else " AND ").join(phrases)
        return (
            " JOIN articles_fts ON articles_fts.rowid = a.rowid",
            "articles_fts MATCH ?",
            "-bm25(articles_fts, 4.0, 1.0)",
            [expr],
        )

    def close(self) -> None:
        self.conn.close()
