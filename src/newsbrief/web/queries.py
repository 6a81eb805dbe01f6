"""The few reads the pages need in bulk that the `Store` interface has no method for.

A page must answer in well under 300 ms on a 10,000-article store, so an actor's mentions over
time, its linked actors and a page of its articles are each one query, not one per article. The
SQL is plain enough for both SQLite and PostgreSQL (`SQLStore.execute` maps the placeholders); a
store that is not SQL-backed gets the same answers, slower, through the interface.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsbrief.corpus.store import Store


@dataclass
class ActorArticle:
    id: str
    entity_id: str
    mentions: int
    title: str | None
    source: str | None
    published: str | None
    story_id: str | None


def _sql(store: Store) -> Any:
    return getattr(store, "execute", None) if hasattr(store, "conn") else None


def actor_dates(store: Store, actor_id: str) -> list[tuple[str | None, int]]:
    """(published date, articles) of an actor's articles: its mentions over time."""
    execute = _sql(store)
    if execute is not None:
        rows = execute(
            """SELECT a.published, COUNT(*) FROM article_actors aa JOIN articles a ON a.id = aa.article_id
               WHERE aa.actor_id = ? GROUP BY a.published""",
            (actor_id,),
        ).fetchall()
        return [(r[0], int(r[1])) for r in rows]
    counts: dict[str | None, int] = {}
    for aid, _e, _m in store.actor_articles(actor_id):
        row = store.get_article(aid)
        if row is not None:
            counts[row.published] = counts.get(row.published, 0) + 1
    return list(counts.items())


def actor_articles(store: Store, actor_id: str, limit: int, offset: int) -> list[ActorArticle]:
    """A page of an actor's articles, newest first (by publication date, then arrival)."""
    execute = _sql(store)
    if execute is not None:
        rows = execute(
            f"""SELECT aa.article_id, aa.entity_id, aa.mentions, a.title, a.source, a.published, a.story_id
                FROM article_actors aa JOIN articles a ON a.id = aa.article_id WHERE aa.actor_id = ?
                ORDER BY CASE WHEN a.published IS NULL THEN 1 ELSE 0 END, a.published DESC, a.seq DESC
                LIMIT {int(limit)} OFFSET {int(offset)}""",
            (actor_id,),
        ).fetchall()
        return [ActorArticle(r[0], r[1], int(r[2]), r[3], r[4], r[5], r[6]) for r in rows]
    out = []
    for aid, eid, mentions in store.actor_articles(actor_id):
        row = store.get_article(aid)
        if row is not None:
            out.append(ActorArticle(aid, eid, mentions, row.title, row.source, row.published, row.story_id))
    out.sort(key=lambda a: (a.published is not None, a.published or ""), reverse=True)
    return out[offset : offset + limit]


def linked_actors(store: Store, actor_id: str, limit: int = 12) -> list[tuple[str, int]]:
    """(actor id, shared articles) of the actors most often named in the same articles."""
    execute = _sql(store)
    if execute is not None:
        rows = execute(
            f"""SELECT o.actor_id, COUNT(DISTINCT o.article_id) AS n FROM article_actors s
                JOIN article_actors o ON o.article_id = s.article_id AND o.actor_id <> s.actor_id
                WHERE s.actor_id = ? GROUP BY o.actor_id ORDER BY n DESC, o.actor_id LIMIT {int(limit)}""",
            (actor_id,),
        ).fetchall()
        return [(r[0], int(r[1])) for r in rows]
    return []


def article_actors(store: Store, article_id: str) -> dict[str, str]:
    """The article's entity id -> its corpus actor id (for links from a brief to actor pages)."""
    execute = _sql(store)
    if execute is None:
        return {}
    rows = execute("SELECT entity_id, actor_id FROM article_actors WHERE article_id = ?", (article_id,)).fetchall()
    return {r[0]: r[1] for r in rows}


def articles_meta(store: Store, ids: list[str]) -> dict[str, tuple[str | None, str | None, str | None]]:
    """id -> (title, source, published) for a few articles, without their text."""
    execute = _sql(store)
    out: dict[str, tuple[str | None, str | None, str | None]] = {}
    if execute is None:
        for i in ids:
            row = store.get_article(i)
            if row is not None:
                out[i] = (row.title, row.source, row.published)
        return out
    for k in range(0, len(ids), 500):
        part = ids[k : k + 500]
        marks = ", ".join("?" * len(part))
        for r in execute(f"SELECT id, title, source, published FROM articles WHERE id IN ({marks})", part).fetchall():
            out[r[0]] = (r[1], r[2], r[3])
    return out
