"""The shared store: PostgreSQL through psycopg 3, the same schema and SQL as SQLite (`SQLStore`).

Several writers at once: each write transaction first takes a transaction-scoped advisory lock
(keyed by the schema), so writers run one after another exactly as SQLite's BEGIN IMMEDIATE makes
them: articles are numbered max+1 and story state is read then written, which two interleaved
writers would corrupt. Readers never wait (autocommit reads, MVCC)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, ClassVar

from newsbrief.corpus.sql import SQLStore
from newsbrief.errors import NoInputError, UsageError

_LOCK = "SELECT pg_advisory_xact_lock(hashtext('newsbrief:' || current_schema()))"


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", url)


class PostgresStore(SQLStore):
    dialect = "postgresql"
    placeholder = "%s"
    types: ClassVar[dict[str, str]] = {"blob": "BYTEA", "real": "DOUBLE PRECISION", "serial": "BIGSERIAL"}

    def __init__(self, url: str, *, connect_timeout: int = 10) -> None:
        try:
            import psycopg
        except ImportError:  # pragma: no cover - a dependency of the install
            raise UsageError("PostgreSQL stores need psycopg 3: pip install 'psycopg[binary]'") from None
        self.url = redact(url)
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=connect_timeout)
        except psycopg.Error as exc:
            raise NoInputError(f"{self.url}: cannot connect: {str(exc).strip()}") from None
        try:
            self.migrate()
        except psycopg.Error as exc:
            self.conn.close()
            raise NoInputError(f"{self.url}: cannot set up the corpus schema: {str(exc).strip()}") from None

    def q(self, sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def _table_exists(self, name: str) -> bool:
        return self.execute("SELECT to_regclass(?)", (name,)).fetchone()[0] is not None

    @contextmanager
    def _begin(self) -> Iterator[None]:
        with self.conn.transaction():
            self.execute(_LOCK)
            yield

    def _fts(self, groups: Sequence[Sequence[str]], any_group: bool) -> tuple[str, str, str, list[Any]]:
        # Each group is a double-quoted phrase of plain words: websearch syntax (or, -, quotes) cannot leak in.
        phrases = ['"' + " ".join(w.replace('"', "") for w in g) + '"' for g in groups]
        query = (" or " if any_group else " ").join(phrases)
        return (
            ", websearch_to_tsquery('english', ?) AS query",
            "a.tsv @@ query",
            "ts_rank_cd(a.tsv, query, 1)",
            [query],
        )

    def close(self) -> None:
        self.conn.close()
