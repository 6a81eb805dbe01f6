"""The story brief: one real-world event told across its articles, as a pure function of their briefs.

`build_story_brief(story, articles, briefs)` reads only what it is given (no database): the story's
articles in arrival order and their stored briefs ("newsbrief/1" dicts). It merges the key points
across articles, lists the claims with the independent articles that support them and the first
that stated them, finds contradictions between outlets (a number, a date or time, a name told
differently about the same thing), and gathers the timeline, actors and quotes. Copies (`copy_of`)
never count as support and are never cited: a wire story reprinted by ten sites is one source.

"The same claim" is cheap lexical agreement: the Dice overlap of content words (folded plurals) and
the names of the actors inside the two spans, computed for all pairs at once as a sparse product.
Contradictions are precision-first: two passages of different articles must agree on their other
words, and each article must not itself state the other's value anywhere (an article that says both
"5 killed" and "7 injured" is not contradicted by another that says "7 injured").

Every span in the result points into the text of the article it names:
`briefs[article]["text"][start:end] == text`.

This module assembles the brief; its parts live beside it: storybrief_units (the passages and how
alike they are), storybrief_figures and storybrief_times (what a passage counts and when it says
things happened), storybrief_claims (key points, claims), storybrief_contradictions,
storybrief_gather (timeline, actors, quotes) and storybrief_markdown (the Markdown view).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from newsbrief.corpus.storybrief_claims import _claims, _inside, _key_points
from newsbrief.corpus.storybrief_contradictions import _contradictions, _figures_clash
from newsbrief.corpus.storybrief_gather import _actors, _quotes, _timeline
from newsbrief.corpus.storybrief_markdown import story_markdown
from newsbrief.corpus.storybrief_units import MAX_UNITS, SAME, _first, _similarities, _units_of

__all__ = ["STORY_SCHEMA", "build_story_brief", "story_markdown"]

STORY_SCHEMA = "newsbrief-story/1"


def build_story_brief(story: dict[str, Any], articles: list[dict[str, Any]], briefs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The "newsbrief-story/1" JSON of a story from its articles (arrival order) and their briefs."""
    pos = {a["id"]: i for i, a in enumerate(articles)}
    published = {a["id"]: a.get("published") for a in articles}
    independent = [a for a in articles if not a.get("copy_of") and isinstance(briefs.get(a["id"]), dict)]
    order = {a["id"]: i for i, a in enumerate(independent)}
    per_article = [_units_of(a["id"], order[a["id"]], briefs[a["id"]]) for a in independent]
    budget = max(12, MAX_UNITS // max(1, len(per_article)))  # a huge story: each article's first passages
    units = [u for us in per_article for u in (us if sum(len(x) for x in per_article) <= MAX_UNITS else _first(us, budget))]
    sim = _similarities(units)
    texts = {a["id"]: briefs[a["id"]].get("text") or "" for a in independent}

    def support(i: int) -> set[str]:
        if not len(units):
            return set()
        hits = np.nonzero(sim[i] >= SAME)[0]
        return {units[i].article} | {units[j].article for j in hits if not _figures_clash(units[i], units[j])}

    key_points = _key_points(units, sim, support)
    claims = _claims(units, sim, support, pos, published)
    contradictions = _contradictions(units, sim, texts)
    dates = [a["published"] for a in independent if a.get("published")]
    source = {a["id"]: a.get("source") for a in independent}
    for x in key_points + claims:
        x["outlets"] = list(dict.fromkeys(source[i] for i in x["support"] if source.get(i)))
    for c in claims:
        # a claim that holds a variant of a contradiction is contested: its figure, time or name differs elsewhere
        c["contested"] = [k for k, x in enumerate(contradictions) if any(_inside(v, c) for v in x["variants"])]
    return {
        "schema": STORY_SCHEMA,
        "id": story.get("id"),
        "title": story.get("title"),
        "first_published": min(dates) if dates else None,
        "last_published": max(dates) if dates else None,
        "outlets": sorted({a["source"] for a in independent if a.get("source")}),
        "articles": [
            {k: a.get(k) for k in ("id", "source", "url", "published", "title")} | {"copy_of": a.get("copy_of")} for a in articles
        ],
        "key_points": key_points,
        "claims": claims,
        "contradictions": contradictions,
        "timeline": _timeline(independent, briefs),
        "actors": _actors(independent, briefs),
        "quotes": _quotes(independent, briefs),
    }
