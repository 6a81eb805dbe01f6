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

MAX_SPEAKER_KEYS = 40  # an actor's names looked up in the speaker index


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


@dataclass
class StoryLine:
    id: str
    title: str | None
    size: int
    n_articles: int
    first_published: str | None
    last_published: str | None


def story_lines(store: Store, limit: int, offset: int) -> list[StoryLine]:
    """A page of stories, newest first (the order of `Store.list_stories`), without their vectors: the
    home page needs no term weights, and decoding fifty of them costs more than the query."""
    execute = _sql(store)
    if execute is None:
        return [
            StoryLine(s.id, s.title, s.size, s.n_articles, s.first_published, s.last_published)
            for s in store.list_stories(limit, offset)
        ]
    # dated stories first, then the undated, each newest first: two walks of the stories_newest index
    # instead of a sort of the whole table (whose rows carry the stories' term vectors)
    cols = "id, title, size, n_articles, first_published, last_published"
    n_dated = int(execute("SELECT COUNT(*) FROM stories WHERE last_published IS NOT NULL").fetchone()[0])
    rows = []
    if offset < n_dated:
        rows += execute(
            f"""SELECT {cols} FROM stories WHERE last_published IS NOT NULL
                ORDER BY last_published DESC, last_seq DESC LIMIT {int(limit)} OFFSET {int(offset)}"""
        ).fetchall()
    if len(rows) < limit:
        rows += execute(
            f"""SELECT {cols} FROM stories WHERE last_published IS NULL ORDER BY last_seq DESC
                LIMIT {int(limit - len(rows))} OFFSET {max(0, int(offset) - n_dated)}"""
        ).fetchall()
    return [StoryLine(r[0], r[1], int(r[2]), int(r[3]), r[4], r[5]) for r in rows]


@dataclass
class ActorLink:
    article_id: str
    entity_id: str
    mentions: int
    published: str | None
    seq: int


def actor_links(store: Store, actor_id: str) -> list[ActorLink]:
    """Every article naming an actor with its date, newest first (publication date, then arrival): one
    query gives both the mentions-over-time chart and the page of articles."""
    execute = _sql(store)
    if execute is not None:
        rows = execute(
            """SELECT aa.article_id, aa.entity_id, aa.mentions, a.published, a.seq
               FROM article_actors aa JOIN articles a ON a.id = aa.article_id WHERE aa.actor_id = ?""",
            (actor_id,),
        ).fetchall()
        links = [ActorLink(r[0], r[1], int(r[2]), r[3], int(r[4])) for r in rows]
    else:
        links = []
        for aid, eid, mentions in store.actor_articles(actor_id):
            row = store.get_article(aid)
            if row is not None:
                links.append(ActorLink(aid, eid, mentions, row.published, row.seq))
    links.sort(key=lambda x: (x.published is not None, x.published or "", x.seq), reverse=True)
    return links


def linked_actors(store: Store, article_ids: list[str], actor_id: str, limit: int = 12) -> list[tuple[str, int]]:
    """(actor id, shared articles) of the actors most often named in these articles (the actor's own,
    or its latest few hundred: the cost grows with the articles read, the ranking hardly changes)."""
    execute = _sql(store)
    if execute is None or not article_ids:
        return []
    marks = ", ".join("?" * len(article_ids))
    rows = execute(
        f"""SELECT actor_id, COUNT(DISTINCT article_id) AS n FROM article_actors
            WHERE article_id IN ({marks}) AND actor_id <> ? GROUP BY actor_id ORDER BY n DESC, actor_id LIMIT {int(limit)}""",
        [*article_ids, actor_id],
    ).fetchall()
    return [(r[0], int(r[1])) for r in rows]


def speaking_articles(store: Store, own: set[str], names: list[str]) -> set[str] | None:
    """Which of an actor's articles (`own`) have a speaker by one of these names, most used first (the
    speaker index, which `newsbrief search --speaker` reads); None when the store has no such index."""
    from newsbrief.corpus.features import name_key

    execute = _sql(store)
    keys = list(dict.fromkeys(k for n in names if (k := name_key(n))))
    if execute is None or not keys:
        return None
    keys = keys[:MAX_SPEAKER_KEYS]
    marks = ", ".join("?" * len(keys))
    # by key through the speaker index, then kept to the actor's articles here: joining on the actor first
    # costs one index probe per article and key (a frequent actor has thousands and a hundred aliases)
    rows = execute(f"SELECT DISTINCT article_id FROM article_speakers WHERE speaker_key IN ({marks})", keys).fetchall()
    return {r[0] for r in rows} & own


def article_actors(store: Store, article_id: str) -> dict[str, str]:
    """The article's entity id -> its corpus actor id (for links from a brief to actor pages)."""
    execute = _sql(store)
    if execute is None:
        return {}
    rows = execute("SELECT entity_id, actor_id FROM article_actors WHERE article_id = ?", (article_id,)).fetchall()
    return {r[0]: r[1] for r in rows}


def actor_articles(store: Store, links: list[ActorLink]) -> list[ActorArticle]:
    """Titles, outlets and stories of a page of an actor's articles (`links` in the order to show)."""
    execute = _sql(store)
    meta: dict[str, tuple[Any, ...]] = {}
    ids = [x.article_id for x in links]
    if execute is None:
        for i in ids:
            row = store.get_article(i)
            if row is not None:
                meta[i] = (row.title, row.source, row.story_id)
    elif ids:
        marks = ", ".join("?" * len(ids))
        for r in execute(f"SELECT id, title, source, story_id FROM articles WHERE id IN ({marks})", ids).fetchall():
            meta[r[0]] = (r[1], r[2], r[3])
    return [ActorArticle(x.article_id, x.entity_id, x.mentions, *meta[x.article_id][:2], x.published, meta[x.article_id][2])
            for x in links if x.article_id in meta]  # fmt: skip
