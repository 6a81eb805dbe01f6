"""What the corpus shows: story lines, the story brief (storybrief.py) of a stored story and an
actor across the corpus, as JSON dicts in the shapes CONTRACT.md fixes; every span points into the
text of the article it names.

A story brief takes up to a second to build for a story of a hundred articles, so the store keeps
it (with what the story page shows beside it) per story state and build of the code: an ingest run
stores it for each story it touched when it ends (`refresh_story_briefs`); a read takes the stored
one when it matches, else builds it and stores it for the next reader."""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from newsbrief.corpus.actors import find_actors
from newsbrief.corpus.features import words
from newsbrief.corpus.store import ActorRow, Store, StoryRow
from newsbrief.errors import NoInputError

STORY_SCHEMA = "newsbrief-story/1"
log = logging.getLogger(__name__)


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
    s = _story_row(store, story_id)
    got = store.get_story_brief(s, builder())
    view = got[0] if got is not None else _build_and_keep(store, s)[0]
    return _with_corpus_actors(store, s, view)


def story_and_page(store: Store, story: StoryRow | str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The story brief and what the story page shows beside it (`story_page_data`): read from the
    store when they were stored for this story state (the end of the ingest run that last touched
    the story stores them), else built from the articles' briefs and stored for the next reader."""
    s = story if isinstance(story, StoryRow) else _story_row(store, story)
    got = store.get_story_brief(s, builder(), page=True)
    view, page = (got[0], got[1] or {}) if got is not None else _build_and_keep(store, s)
    return _with_corpus_actors(store, s, view), page


def refresh_story_briefs(store: Store, story_ids: Iterable[str] | None = None) -> int:
    """Build and store the brief of each of these stories (of every story whose stored one is stale
    when None) that is not stored for its current state: what an ingest run does for the stories it
    touched, once at its end (a story that grew by ten articles is built once, not ten times).
    Returns how many were built."""
    ids = store.stale_story_briefs(builder()) if story_ids is None else list(dict.fromkeys(story_ids))
    built = 0
    for part in range(0, len(ids), 200):
        for s in store.get_stories(ids[part : part + 200]):
            if store.get_story_brief(s, builder()) is not None:
                continue
            try:
                view, page, same = _build(store, s)
                if same:
                    with store.transaction():
                        store.put_story_brief(s, builder(), view, page)
                    built += 1
            except Exception:  # a story whose brief fails here fails on its page too: never the ingest run
                log.warning("could not build the brief of story %s", s.id, exc_info=True)
    return built


# what a stored story brief (and its page data) is a function of, besides the stored article briefs:
# the story brief's module and every newsbrief module it imports, the data files they load, this
# module (the page data), these packages
_BUILT_BY = ("newsbrief.corpus.storybrief",)
_BUILT_BY_PACKAGES = ("numpy", "scipy")
_LOADS = re.compile(r"""load_json\(\s*["']([^"']+)["']""")
# `from newsbrief.x import a, b` (names in parentheses may span lines) or `import newsbrief.x`, at any indent
_IMPORTS = re.compile(
    r"^[ \t]*(?:from[ \t]+(newsbrief\.[\w.]+)[ \t]+import[ \t]+(\([^)]*\)|[^\n]+)|import[ \t]+(newsbrief\.[\w.]+))", re.M
)


@lru_cache(maxsize=1)
def builder() -> str:
    """The build of the story brief: a digest of the code that makes it (the modules of `_BUILT_BY`
    and the newsbrief modules they import, found in their import lines; this module), the data
    files they load, and the versions of newsbrief and the packages it computes with. A story brief
    stored by another build is stale and built again. Other code (most analyzers, the API, the
    store) is not part of it: an edit there leaves the stored story briefs valid."""
    files = _built_from()
    h = hashlib.sha256()
    for name in sorted(files):
        h.update(name.encode() + b"\0" + files[name].read_bytes() + b"\0")
    for dist in ("newsbrief", *_BUILT_BY_PACKAGES):
        try:
            h.update(f"{dist}=={metadata.version(dist)}\0".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{dist}: none\0".encode())
    return h.hexdigest()[:24]


def _built_from() -> dict[str, Path]:
    """name -> path of each source and data file of the story brief's build (see `builder`)."""
    pkg = Path(__file__).resolve().parent.parent  # the newsbrief package
    out: dict[str, Path] = {}
    todo = list(_BUILT_BY)
    while todo:
        mod = todo.pop()
        path = pkg.parent.joinpath(*mod.split(".")).with_suffix(".py")
        if mod in out or not path.is_file():  # a package (its __init__) or a name imported from a module
            continue
        out[mod] = path
        source = path.read_text(encoding="utf-8")
        for module, names, plain in _IMPORTS.findall(source):
            todo += (
                [plain] if plain else [module, *(f"{module}.{n.split()[0]}" for n in names.strip("()").split(",") if n.strip())]
            )
        for data in _LOADS.findall(source):
            if (pkg / "resources" / data).is_file():
                out[f"resources/{data}"] = pkg / "resources" / data
    out["resources/__init__"] = pkg / "resources" / "__init__.py"
    out[__name__] = Path(__file__).resolve()
    return out


builder()  # now, as the code is loaded: a process whose files are edited under it still names the code it runs


def _story_row(store: Store, story_id: str) -> StoryRow:
    found = store.get_stories([story_id])
    if not found:
        raise NoInputError(f"no story {story_id!r} in {store.url}")
    return found[0]


def _build(store: Store, s: StoryRow) -> tuple[dict[str, Any], dict[str, Any], bool]:
    """The story brief and page data of a story from its articles' briefs, and whether the articles
    read are those of this state (not so when an article arrived between the reads: not to be stored)."""
    from newsbrief.corpus.storybrief import build_story_brief

    arts = store.story_articles(s.id)
    articles = [
        {"id": a.id, "source": a.source, "url": a.url, "published": a.published, "title": a.title, "copy_of": a.copy_of}
        for a in arts
    ]
    briefs = {a.id: b for a in arts if not a.copy_of and (b := store.get_brief(a.id)) is not None}
    view = build_story_brief({"id": s.id, "title": s.title}, articles, briefs)
    same = len(arts) == s.n_articles and (arts[-1].seq if arts else 0) == s.last_seq
    return view, story_page_data(view, briefs), same


def _build_and_keep(store: Store, s: StoryRow) -> tuple[dict[str, Any], dict[str, Any]]:
    """Built on a read (nothing stored for this state and builder), then stored when the store takes a
    write; a store that does not (a read-only file, a role without the right) still answers the read."""
    view, page, same = _build(store, s)
    if same:
        try:
            with store.transaction():
                store.put_story_brief(s, builder(), view, page)
        except Exception:  # the stored brief only saves time: never a failed read
            log.debug("could not store the brief of story %s", s.id, exc_info=True)
    return view, page


def _with_corpus_actors(store: Store, s: StoryRow, view: dict[str, Any]) -> dict[str, Any]:
    """The story's actors as the corpus knows them (id, name, type, country, mentions in this story),
    each with what the story brief merged for it: read at each call, since an actor's corpus name can
    change with articles of other stories."""
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
    return view


# the story page's data beside the brief -----------------------------------------------------------
def story_page_data(view: dict[str, Any], briefs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """What the story page needs from the articles' briefs besides the story brief, so that it never
    reads them: `behind`, for each key point, the sentence behind it in each supporting article
    ([start, end, text], or None when none is close); `anchors`, each article's marked spans
    ([start, end, anchor] as `anchor_index` gives them) for linking a span to its article page."""
    sentences: dict[str, list[tuple[dict[str, Any], set[str]]]] = {}
    behind = []
    for p in view.get("key_points") or []:
        feats = set(words(p.get("text") or ""))
        row: list[list[Any] | None] = []
        for aid in p.get("support") or [p.get("article")]:
            if aid == p.get("article"):
                row.append([p.get("start"), p.get("end"), p.get("text")])
                continue
            if aid not in sentences:
                sentences[aid] = _sentences(briefs.get(aid) or {})
            sent = _best_sentence(sentences[aid], feats)
            row.append(None if sent is None else [sent.get("start"), sent.get("end"), sent.get("text")])
        behind.append(row)
    anchors = {aid: [[s, e, a] for (s, e), a in anchor_index(b).items()] for aid, b in briefs.items()}
    return {"behind": behind, "anchors": anchors}


def anchor_index(brief: dict[str, Any]) -> dict[tuple[int, int], str]:
    """(start, end) -> the anchor of the mark with exactly that span on the article page (key points
    win over quotes, statements, ...): the spans `web.highlight.marks` wraps, read without building
    the marks (a story page links into many articles)."""
    text = brief.get("text") or ""
    out: dict[tuple[int, int], str] = {}
    lists = (
        ("point", brief.get("key_points") or []),
        ("quote", [a.get("content") for a in brief.get("attributions") or []]),
        ("statement", brief.get("statements") or []),
        ("event", brief.get("events") or []),
        ("timex", brief.get("timexes") or []),
    )
    for kind, spans in lists:
        for i, sp in enumerate(spans):
            if isinstance(sp, dict):
                s, e = sp.get("start"), sp.get("end")
                ok = isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text) and (s, e) not in out
                if ok and text[s:e] == sp.get("text"):
                    out[(s, e)] = f"span-{kind}-{i}"
    return out


def _sentences(brief: dict[str, Any]) -> list[tuple[dict[str, Any], set[str]]]:
    """An article's statements (else key points) with their content words, for `_best_sentence`."""
    out = []
    for s in (brief.get("statements") or []) or (brief.get("key_points") or []):
        feats = set(words(s.get("text") or ""))
        if feats:
            out.append((s, feats))
    return out


def _best_sentence(sentences: list[tuple[dict[str, Any], set[str]]], feats: set[str]) -> dict[str, Any] | None:
    """The sentence of an article closest in words (Dice) to a point: the sentence behind the point there."""
    best, best_score = None, 0.0
    for s, other in sentences:
        score = 2 * len(feats & other) / (len(feats) + len(other))
        if score > best_score:
            best, best_score = s, score
    return best if best_score >= 0.2 else None


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
