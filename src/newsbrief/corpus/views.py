"""What the corpus shows: story lines, the story (its articles, actors, dated items, quotes) and an
actor across the corpus, as JSON dicts in the shapes CONTRACT.md fixes; every span points into the
text of the article it names. The merged key points, claims and contradictions come with the story
brief of the next version; their fields are present and empty."""

from __future__ import annotations

from typing import Any

from newsbrief.corpus.actors import find_actors
from newsbrief.corpus.store import ActorRow, Store, StoryRow
from newsbrief.errors import NoInputError

STORY_SCHEMA = "newsbrief-story/1"


def story_line(store: Store, story: StoryRow, outlets: list[str] | None = None) -> dict[str, Any]:
    arts = store.story_articles(story.id)
    return {
        "id": story.id,
        "title": story.title,
        "articles": [a.id for a in arts],
        "outlets": outlets if outlets is not None else store.story_outlets([story.id])[story.id],
        "first_published": story.first_published,
        "last_published": story.last_published,
        "size": story.size,
        "copies": story.n_articles - story.size,
    }


def stories(store: Store, limit: int | None = None) -> list[dict[str, Any]]:
    rows = store.list_stories(limit)
    outlets = store.story_outlets([s.id for s in rows])
    return [story_line(store, s, outlets[s.id]) for s in rows]


def story(store: Store, story_id: str) -> dict[str, Any]:
    """The story brief (newsbrief-story/1) of a stored story; its actors carry their corpus ids."""
    return story_and_briefs(store, story_id)[0]


def story_and_briefs(store: Store, story_id: str) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The story brief and the briefs of its original articles it was built from, for a caller that
    shows them too (the story page): read and decoded once."""
    from newsbrief.corpus.storybrief import build_story_brief

    found = store.get_stories([story_id])
    if not found:
        raise NoInputError(f"no story {story_id!r} in {store.url}")
    s = found[0]
    arts = store.story_articles(s.id)
    articles = [
        {"id": a.id, "source": a.source, "url": a.url, "published": a.published, "title": a.title, "copy_of": a.copy_of}
        for a in arts
    ]
    briefs = {a.id: b for a in arts if not a.copy_of and (b := store.get_brief(a.id)) is not None}
    view = build_story_brief({"id": s.id, "title": s.title}, articles, briefs)
    counts = dict(store.story_actors(s.id))
    if counts:
        merged = {x["name"].lower(): x for x in view.get("actors", [])}
        actors = []
        for actor in store.get_actors(list(counts)):
            item = {
                "id": actor.id,
                "name": actor.name,
                "type": actor.type,
                "country": actor.country,
                "mentions": counts[actor.id],
            }
            if (extra := merged.get(actor.name.lower())) is not None:
                item = {**extra, **item}
            actors.append(item)
        view["actors"] = sorted(actors, key=lambda x: (-x["mentions"], x["name"]))
    return view, briefs


def entity(store: Store, name: str) -> list[dict[str, Any]]:
    """Every actor the name or alias may mean, each with all its articles."""
    return [actor_view(store, actor) for actor in find_actors(store, name)]


def actor_view(store: Store, actor: ActorRow, offset: int = 0, limit: int | None = None) -> dict[str, Any]:
    """An actor across the corpus: aliases (most used first), country, mentions, and a page of its articles."""
    links = store.actor_articles(actor.id)
    arts = []
    for aid, _eid, mentions in links[offset : None if limit is None else offset + limit]:
        row = store.get_article(aid)
        if row is not None:
            arts.append({"id": aid, "title": row.title, "published": row.published, "story": row.story_id, "mentions": mentions})
    return {
        "id": actor.id,
        "name": actor.name,
        "type": actor.type,
        "country": actor.country,
        "mentions": actor.mentions,
        "aliases": dict(sorted(actor.aliases.items(), key=lambda kv: -kv[1])),
        "articles": arts,
        "n_articles": len(links),
    }


def story_markdown(view: dict[str, Any]) -> str:
    from newsbrief.corpus.storybrief import story_markdown as markdown

    return markdown(view)
