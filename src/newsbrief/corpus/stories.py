"""Stories: articles grouped into real-world events as they arrive, with ids that never change.

An article joins the story it is most similar to, if similar enough, else it opens a new story
whose id comes from its first article; an article never moves afterwards, so every id seen by a
user stays valid. Similarity is TF-IDF cosine against the story's summed vector (idf of the corpus
so far), blended with the cosine of their actors, and gated by dates where both sides have one:
events, not topics, so the same actors weeks apart open a new story.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from newsbrief.corpus.features import Features, cosine, sublinear, tfidf, weighted
from newsbrief.corpus.store import ArticleRow, Store, StoryRow


@dataclass(frozen=True)
class Params:
    threshold: float = 0.25  # blended similarity at or above which an article joins a story
    names_weight: float = 0.3  # share of the actors' cosine in the blend (when both sides name actors)
    year_penalty: float = 0.15  # when the article's years and the story's have none in common
    name_penalty: float = 0.2  # when neither side's main actors appear on the other side
    main_names: int = 5
    date_window: int = 7  # days outside a story's date range beyond which an article cannot join it
    query_terms: int = 25  # the article's top terms used to find candidate stories
    candidates: int = 40
    index_terms: int = 40  # a story's top terms under which it is found
    index_names: int = 10
    vector_terms: int = 800  # a story keeps this many terms of its summed vector
    scored_terms: int = 400  # and scores articles against this many of its weighted terms


def story_id(first_article_id: str) -> str:
    return "s-" + hashlib.sha1(first_article_id.encode("utf-8")).hexdigest()[:12]


def _top(vec: dict[str, float], n: int) -> dict[str, float]:
    if len(vec) <= n:
        return vec
    return dict(sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:n])


def _days(a: str, b: str) -> int:
    return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days)


def date_gap(published: str | None, story: StoryRow) -> int | None:
    """Days between a date and a story's date range (0 inside it); None when either is unknown."""
    if not published or not story.first_published or not story.last_published:
        return None
    if story.first_published <= published <= story.last_published:
        return 0
    return min(_days(published, story.first_published), _days(published, story.last_published))


class StoryTracker:
    def __init__(self, store: Store, params: Params | None = None) -> None:
        self.store = store
        self.p = params or Params()

    def _vectors(self, feats: Features) -> tuple[dict[str, float], dict[str, float]]:
        keys = list(feats.terms) + list(feats.names)
        df = self.store.doc_freqs(keys)
        n = self.store.n_docs()
        return tfidf(feats.terms, df, n), tfidf(feats.names, df, n)

    def score(self, vec: dict[str, float], names: dict[str, float], feats: Features, story: StoryRow) -> float:
        text = cosine(vec, story.vector)
        story_names = story.names
        s = text
        if names and story_names:
            s = (1 - self.p.names_weight) * text + self.p.names_weight * cosine(names, story_names)
            mine, theirs = _top(names, self.p.main_names), _top(story_names, self.p.main_names)
            if not any(k in story_names for k in mine) and not any(k in names for k in theirs):
                s -= self.p.name_penalty
        if feats.years and story.years:
            top = max(story.years.values())
            main_years = {y for y, c in story.years.items() if c * 2 >= top}  # the years most of its articles share
            if not (feats.years & main_years):
                s -= self.p.year_penalty
        gap = date_gap(feats.published, story)
        if gap is not None and gap > self.p.date_window:
            s -= 1.0
        return s

    def best(self, feats: Features) -> tuple[StoryRow | None, float, dict[str, float], dict[str, float]]:
        vec, names = self._vectors(feats)
        query = list(_top(vec, self.p.query_terms)) + list(_top(names, self.p.index_names))
        stories = self.store.get_stories(self.store.story_candidates(query, self.p.candidates))
        best, best_score = None, float("-inf")
        for story in stories:
            s = self.score(vec, names, feats, story)
            if s > best_score:
                best, best_score = story, s
        return best, best_score, vec, names

    def add(self, article: ArticleRow, feats: Features) -> str:
        """Place an independent article (inside the caller's transaction); its story id."""
        self.store.add_doc(list(feats.terms) + list(feats.names))
        best, s, _vec, _names = self.best(feats)
        if best is None or s < self.p.threshold:
            best = StoryRow(id=story_id(article.id), title=_title(article), first_seq=article.seq, raw={})
        self._grow(best, article, feats)
        return best.id

    def add_copy(self, article: ArticleRow, original_story: str) -> str:
        """A copy joins its original's story without counting as another source."""
        story = self.store.get_stories([original_story], raw=True)[0]
        story.n_articles += 1
        story.last_seq = article.seq
        self._dates(story, article.published)
        self.store.put_story(story, self._index(story))
        return story.id

    def _dates(self, story: StoryRow, published: str | None) -> None:
        if published:
            story.first_published = min(filter(None, [story.first_published, published]))
            story.last_published = max(filter(None, [story.last_published, published]))

    def _grow(self, story: StoryRow, article: ArticleRow, feats: Features) -> None:
        if story.raw is None:
            story = self.store.get_stories([story.id], raw=True)[0]
        raw = dict((story.raw or {}).get("t", {}))
        for t, v in sublinear(feats.terms).items():
            raw[t] = raw.get(t, 0.0) + v
        raw_names = dict((story.raw or {}).get("n", {}))
        for t, v in sublinear(feats.names).items():
            raw_names[t] = raw_names.get(t, 0.0) + v
        raw = _top(raw, self.p.vector_terms)
        raw_names = _top(raw_names, self.p.vector_terms // 4)
        df = self.store.doc_freqs(list(raw) + list(raw_names))
        n = self.store.n_docs()
        story.raw = {"t": _round(raw), "n": _round(raw_names)}
        story.vector = _round(_top(weighted(raw, df, n), self.p.scored_terms))
        story.names = _round(weighted(raw_names, df, n))
        for y in feats.years:
            story.years[y] = story.years.get(y, 0) + 1
        story.size += 1
        story.n_articles += 1
        story.last_seq = article.seq
        self._dates(story, article.published)
        self.store.put_story(story, self._index(story))

    def _index(self, story: StoryRow) -> list[str]:
        return list(_top(story.vector, self.p.index_terms)) + list(_top(story.names, self.p.index_names))


def _round(vec: dict[str, float]) -> dict[str, float]:
    return {t: round(v, 5) for t, v in vec.items()}


def _title(article: ArticleRow) -> str | None:
    if article.title:
        return article.title
    first = (article.text or "").strip().split("\n", 1)[0]
    return (first[:117] + "...") if len(first) > 120 else first or None


def cluster_ids(items: Iterable[tuple[ArticleRow, Features]], store: Store, params: Params | None = None) -> list[str]:
    """Story ids of independent articles fed one at a time (a helper for benches and tests)."""
    tracker = StoryTracker(store, params)
    out = []
    for row, feats in items:
        with store.transaction():
            out.append(tracker.add(row, feats))
    return out
