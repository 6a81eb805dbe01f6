"""What the corpus shows: story lines, the story (its articles, actors, dated items, quotes) and an
actor across the corpus, as JSON dicts in the shapes CONTRACT.md fixes; every span points into the
text of the article it names. The merged key points, claims and contradictions come with the story
brief of the next version; their fields are present and empty."""

from __future__ import annotations

import re
from typing import Any

from newsbrief.corpus.actors import find_actors
from newsbrief.corpus.store import Store, StoryRow
from newsbrief.errors import NoInputError

STORY_SCHEMA = "newsbrief-story/1"
_DATE = re.compile(r"^\d{4}(-\d\d){0,2}$")


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
    found = store.get_stories([story_id])
    if not found:
        raise NoInputError(f"no story {story_id!r} in {store.url}")
    s = found[0]
    arts = store.story_articles(s.id)
    briefs = {a.id: store.get_brief(a.id) or {} for a in arts}
    timeline: list[dict[str, Any]] = []
    quotes: dict[str, dict[str, Any]] = {}
    for a in arts:
        if a.copy_of:
            continue
        brief = briefs[a.id]
        timeline += _dated_items(a.id, brief)
        names = {e["id"]: e["name"] for e in brief.get("entities", [])}
        for att in brief.get("attributions", []):
            if att.get("kind") not in ("direct", "mixed"):
                continue
            who = att.get("speaker_name") or names.get(att.get("speaker") or "") or "unknown"
            group = quotes.setdefault(who.lower(), {"speaker": who, "quotes": []})
            c = att["content"]
            group["quotes"].append({"article": a.id, "start": c["start"], "end": c["end"], "text": c["text"]})
    timeline.sort(key=lambda t: (t["when"], t["article"], t["start"]))
    actors = []
    counts = store.story_actors(s.id)
    for actor in store.get_actors([aid for aid, _ in counts]):
        m = dict(counts)[actor.id]
        actors.append({"id": actor.id, "name": actor.name, "type": actor.type, "country": actor.country, "mentions": m})
    actors.sort(key=lambda x: (-x["mentions"], x["name"]))
    return {
        "schema": STORY_SCHEMA,
        "id": s.id,
        "title": s.title,
        "first_published": s.first_published,
        "last_published": s.last_published,
        "outlets": store.story_outlets([s.id])[s.id],
        "articles": [
            {"id": a.id, "source": a.source, "url": a.url, "published": a.published, "title": a.title, "copy_of": a.copy_of}
            for a in arts
        ],
        "key_points": [],
        "claims": [],
        "contradictions": [],
        "timeline": timeline,
        "actors": actors,
        "quotes": sorted(quotes.values(), key=lambda q: -len(q["quotes"])),
    }


def _dated_items(article_id: str, brief: dict[str, Any]) -> list[dict[str, Any]]:
    """Events with a date, else the article's dated expressions; each with its span."""
    items = []
    for ev in brief.get("events", []):
        when = ev.get("when")
        if isinstance(when, str) and _DATE.match(when):
            items.append({"when": when, "article": article_id, "start": ev["start"], "end": ev["end"], "text": ev["text"]})
    if not items:
        for tx in brief.get("timexes", []):
            value = tx.get("value")
            if tx.get("type") == "DATE" and isinstance(value, str) and _DATE.match(value):
                items.append({"when": value, "article": article_id, "start": tx["start"], "end": tx["end"], "text": tx["text"]})
    return items


def entity(store: Store, name: str) -> list[dict[str, Any]]:
    out = []
    for actor in find_actors(store, name):
        arts = []
        for aid, _eid, mentions in store.actor_articles(actor.id):
            row = store.get_article(aid)
            if row is not None:
                arts.append(
                    {"id": aid, "title": row.title, "published": row.published, "story": row.story_id, "mentions": mentions}
                )
        out.append(
            {
                "id": actor.id,
                "name": actor.name,
                "type": actor.type,
                "country": actor.country,
                "mentions": actor.mentions,
                "aliases": dict(sorted(actor.aliases.items(), key=lambda kv: -kv[1])),
                "articles": arts,
            }
        )
    return out


def story_markdown(view: dict[str, Any]) -> str:
    lines = [f"# {view['title'] or view['id']}", "", f"Story `{view['id']}`"]
    span = " to ".join(dict.fromkeys(filter(None, [view["first_published"], view["last_published"]])))
    if span:
        lines[-1] += f", {span}"
    if view["outlets"]:
        lines[-1] += f"; outlets: {', '.join(view['outlets'])}"
    lines += ["", "## Articles", ""]
    for a in view["articles"]:
        copy = f" (copy of `{a['copy_of']}`)" if a["copy_of"] else ""
        lines.append(f"- `{a['id']}` {a['published'] or 'undated'} {a['source'] or ''} {a['title'] or ''}{copy}".rstrip())
    if view["actors"]:
        lines += ["", "## Actors", ""]
        lines += [
            f"- {x['name']} ({x['type']}{', ' + x['country'] if x['country'] else ''}): {x['mentions']}" for x in view["actors"]
        ]
    if view["timeline"]:
        lines += ["", "## Timeline", ""]
        lines += [f"- {t['when']}: {t['text']} [`{t['article']}` {t['start']}-{t['end']}]" for t in view["timeline"]]
    if view["quotes"]:
        lines += ["", "## Quotes", ""]
        for q in view["quotes"]:
            lines.append(f"- **{q['speaker']}**")
            lines += [f"  - \u201c{x['text']}\u201d [`{x['article']}` {x['start']}-{x['end']}]" for x in q["quotes"]]
    return "\n".join(lines) + "\n"
