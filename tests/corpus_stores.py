"""Both stores for the corpus tests: a SQLite file, or a fresh PostgreSQL schema dropped afterwards
(the server from NEWSBRIEF_TEST_PG; skipped when it is unreachable, a failure under .ci/run)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import need

PG_URL = os.environ.get("NEWSBRIEF_TEST_PG", "postgresql://newsbrief:newsbrief@127.0.0.1:5432/newsbrief_test")


def pg_reachable() -> tuple[bool, str]:
    try:
        import psycopg

        with psycopg.connect(PG_URL, connect_timeout=3):
            return True, ""
    except Exception as exc:
        return False, f"PostgreSQL at {PG_URL} unreachable ({type(exc).__name__}: {str(exc).strip()[:120]})"


def pg_schema_url(schema: str) -> str:
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options={quote(f'-csearch_path={schema}')}"


def pg_schema() -> Iterator[str]:
    """A new empty schema's URL, dropped when the test ends."""
    ok, reason = pg_reachable()
    need(ok, reason)
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield pg_schema_url(schema)
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def store_url(kind: str, tmp_path: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield str(tmp_path / "corpus.db")
    else:
        yield from pg_schema()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A store URL of each kind: the test runs once on SQLite and once on PostgreSQL."""
    yield from store_url(request.param, tmp_path)


@pytest.fixture
def pg_url() -> Iterator[str]:
    yield from pg_schema()
