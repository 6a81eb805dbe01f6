"""Stories: articles grouped into real-world events as they arrive, with ids that never change.

An article joins the story it scores best with, if the score is high enough, else it opens a new
story whose id comes from its first article; an article never moves afterwards, so every id seen by
a user stays valid. The score adds up evidence, each piece on the scale of a log-odds:
- the words (TF-IDF cosine against the story's summed vector, idf of the corpus so far) and the
  actors (cosine of their names): what the event is about;
- occurrence facts against what the story's articles share: years, numbers (tolls, scores,
  magnitudes), weekdays, months, the people and organisations the articles are about, and who did
  what (event type + actor). Two earthquakes on the same island, two hirings of the same coach
  share their words and places; they differ in these, so a fact most of the story's articles share
  and the article lacks, or a fact of the article the story never saw, counts against the join;
- dates, where both sides have one: an article far outside a story's date range cannot join it, one
  within a day of it gains a little ("date_near"). A date is never a fact of the year family: about
  half the articles of a real stream have none, and the year a date lends would count against every
  undated article of the same event (features.py keeps only years as written).
The story keeps, per fact, how many of its articles state it (in its `years` field: plain years as
before, other families under a prefix, "#:5.6", "p:thompson", and "has:#" for the articles with any).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from newsbrief.corpus.features import Features, cosine, sublinear, tfidf, weighted
from newsbrief.corpus.store import ArticleRow, Store, StoryRow

# Evidence weights (log-odds scale): rounded by hand from a logistic regression of join decisions on
# ECB+ dev (tools/story_weights.py: the fit, and a check that weights fitted on half the topics do as
# well on the other half); `disjoint` and the threshold then set on the bench's orders.
WEIGHTS = {
    "text": 8.0, "names": 7.0,  # cosines
    "y_share": 2.0, "y_missing": -2.0, "y_new": -2.5,  # years
    "#_share": 1.5, "#_missing": -1.0, "#_new": -2.0,  # numbers
    "w_share": 1.0, "w_conflict": -1.5,  # weekdays
    "m_share": 1.0, "m_conflict": -1.0,  # months
    "a_share": 2.0,  # event type + actor
    "p_share": 1.5, "p_missing": -0.7, "p_new": -0.7,  # people the articles are about
    "o_missing": -0.6,  # organisations
    "disjoint": -2.0,  # per family both sides state with no fact in common, when no family shares one
    "date_near": 1.0,  # a dated article within a day of a dated story's range (odd topics, synthetic-dates bench)
}  # fmt: skip
FAMILIES = ("y", "#", "w", "m", "a", "p", "o")
_CLASH_FAMILIES = ("y", "#", "w", "m", "p")
_ALL_NAMED = {"p": "P", "o": "O"}  # a story's main people are missing if the article names them nowhere
MAX_FACTS = 400  # fact counts a story keeps (its most shared)


@dataclass(frozen=True)
class Params:
    threshold: float = 1.25  # summed evidence at or above which an article joins a story
    weights: tuple[tuple[str, float], ...] = tuple(WEIGHTS.items())
    date_window: int = 7  # days outside a story's date range beyond which an article cannot join it
    near_days: int = 1  # within this many days of a story's date range, a dated article has "date_near"
    query_terms: int = 25  # the article's top terms used to find candidate stories
    candidates: int = 40
    index_terms: int = 40  # a story's top terms under which it is found
    index_names: int = 10
    vector_terms: int = 800  # a story keeps this many terms of its summed vector
    scored_terms: int = 400  # and scores articles against this many of its weighted terms


def story_id(first_article_id: str) -> str:
    return "s-" + hashlib.sha1(first_article_id.encode("utf-8")).hexdigest()[:12]


def _top(vec: dict[str, float], n: int) -> dict[str, float]:
    """The n largest, ties by term: terms sorted, then a stable sort by weight alone (the order a
    (-weight, term) key gives, at a third of its cost)."""
    if len(vec) <= n:
        return vec
    return {t: vec[t] for t in sorted(sorted(vec), key=vec.__getitem__, reverse=True)[:n]}


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
        self._facts: dict[str, StoryFacts] = {}

    def _vectors(self, feats: Features) -> tuple[dict[str, float], dict[str, float]]:
        keys = list(feats.terms) + list(feats.names)
        df = self.store.doc_freqs(keys)
        n = self.store.n_docs()
        return tfidf(feats.terms, df, n), tfidf(feats.names, df, n)

    def evidence(self, vec: dict[str, float], names: dict[str, float], feats: Features, story: StoryRow) -> dict[str, float]:
        """The pieces of evidence for joining a story (see the module's docstring), by name."""
        ev = {"text": cosine(vec, story.vector), "names": cosine(names, story.names) if names and story.names else 0.0}
        ev.update(fact_evidence(feats, story, self._facts))
        gap = date_gap(feats.published, story)
        ev["date_near"] = float(gap is not None and gap <= self.p.near_days)
        return ev

    def score(self, vec: dict[str, float], names: dict[str, float], feats: Features, story: StoryRow) -> float:
        ev = self.evidence(vec, names, feats, story)
        s = sum(w * ev.get(k, 0.0) for k, w in self.p.weights)
        gap = date_gap(feats.published, story)
        if gap is not None and gap > self.p.date_window:
            s -= 100.0
        return s

    def candidates(self, vec: dict[str, float], names: dict[str, float]) -> list[StoryRow]:
        """The stories found under the article's top terms and names (never a scan of the store)."""
        query = list(_top(vec, self.p.query_terms)) + list(_top(names, self.p.index_names))
        return self.store.get_stories(self.store.story_candidates(query, self.p.candidates))

    def best(self, feats: Features) -> tuple[StoryRow | None, float, dict[str, float], dict[str, float]]:
        vec, names = self._vectors(feats)
        stories = self.candidates(vec, names)
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
        raw, raw_kept = _add(dict((story.raw or {}).get("t", {})), sublinear(feats.terms), self.p.vector_terms)
        raw_names, names_kept = _add(dict((story.raw or {}).get("n", {})), sublinear(feats.names), self.p.vector_terms // 4)
        df = self.store.doc_freqs(list(raw) + list(raw_names))
        n = self.store.n_docs()
        story.raw = {"t": raw_kept, "n": names_kept}
        story.vector = _round(_top(weighted(raw, df, n), self.p.scored_terms))
        story.names = _round(weighted(raw_names, df, n))
        _count_facts(story, feats)
        story.size += 1
        story.n_articles += 1
        story.last_seq = article.seq
        self._dates(story, article.published)
        self.store.put_story(story, self._index(story))

    def _index(self, story: StoryRow) -> list[str]:
        return list(_top(story.vector, self.p.index_terms)) + list(_top(story.names, self.p.index_names))


def _fact_key(family: str, value: str) -> str:
    return value if family == "y" else f"{family}:{value}"


def _article_facts(feats: Features, family: str) -> set[str]:
    return feats.years if family == "y" else feats.facts.get(family, set())


class StoryFacts:
    """A story's fact counts decoded by family, with what every article is checked against, kept per story
    state: decoding ~400 keys for every candidate of every article was an eighth of the store's cost."""

    __slots__ = ("by_family", "core", "has", "size", "years")

    def __init__(self, story: StoryRow) -> None:
        self.size, self.years = story.size, dict(story.years)
        n = max(1, story.size)
        self.by_family: dict[str, dict[str, int]] = {f: {} for f in FAMILIES}
        self.has: dict[str, int] = {}
        for k, c in story.years.items():
            f, sep, v = k.partition(":")
            if not sep:
                self.by_family["y"][k] = c
            elif f == "has":
                self.has[v] = c
            elif f in self.by_family:
                self.by_family[f][v] = c
        self.core = {f: [v for v, c in self.by_family[f].items() if 2 * c >= n] for f in ("y", "#", "p", "o")}

    def fresh(self, story: StoryRow) -> bool:
        return self.size == story.size and self.years == story.years


_FACTS_KEPT = 256  # decoded stories kept per tracker (the candidates of a few articles)


def fact_evidence(feats: Features, story: StoryRow, cache: dict[str, StoryFacts] | None = None) -> dict[str, float]:
    """Per family: the share of the story's articles stating one of the article's facts (`_share`);
    the story mostly states facts of this family and shares none (`_conflict`); the share of the
    facts most of its articles state that the article lacks (`_missing`); the share of the article's
    facts the story never saw (`_new`). `cache` keeps decoded stories, checked against the story's state."""
    sf = cache.get(story.id) if cache is not None else None
    if sf is None or not sf.fresh(story):
        sf = StoryFacts(story)
        if cache is not None:
            cache.pop(story.id, None)
            cache[story.id] = sf
            if len(cache) > _FACTS_KEPT:
                del cache[next(iter(cache))]
    n = max(1, story.size)
    has = sf.has
    out: dict[str, float] = {}
    for f in FAMILIES:
        mine = _article_facts(feats, f)
        counts = sf.by_family[f]
        share = max((counts.get(v, 0) for v in mine), default=0) / n
        out[f"{f}_share"] = share
        out[f"{f}_conflict"] = float(bool(mine) and 2 * has.get(f, 0) >= n and share == 0)
        if f in ("y", "#", "p", "o"):
            named = feats.facts.get(_ALL_NAMED[f], mine) if f in _ALL_NAMED else mine
            core = sf.core[f]
            out[f"{f}_missing"] = sum(v not in named for v in core) / len(core) if core else 0.0
            out[f"{f}_new"] = sum(v not in counts for v in mine) / len(mine) if mine else 0.0
    # Every family both sides state, and not one fact in common: another occurrence of the same thing.
    comparable = [f for f in _CLASH_FAMILIES if _article_facts(feats, f) and 2 * has.get(f, 0) >= n]
    shared = any(out[f"{f}_share"] > 0 for f in FAMILIES)
    out["disjoint"] = float(len(comparable)) if comparable and not shared else 0.0
    return out


def _count_facts(story: StoryRow, feats: Features) -> None:
    """Add an article's facts to its story's counts, keeping the most shared."""
    counts = story.years
    for f in FAMILIES:
        mine = _article_facts(feats, f)
        if mine:
            counts[f"has:{f}"] = counts.get(f"has:{f}", 0) + 1
        for v in mine:
            k = _fact_key(f, v)
            counts[k] = counts.get(k, 0) + 1
    if len(counts) > MAX_FACTS:
        kept = sorted((k for k in counts if not k.startswith("has:")), key=lambda k: (-counts[k], k))[:MAX_FACTS]
        story.years = {k: counts[k] for k in kept} | {k: v for k, v in counts.items() if k.startswith("has:")}


def _round(vec: dict[str, float]) -> dict[str, float]:
    return {t: round(v, 5) for t, v in vec.items()}


def _add(sums: dict[str, float], vec: dict[str, float], keep: int) -> tuple[dict[str, float], dict[str, float]]:
    """`sums` (stored, so already rounded) plus an article's vector, its `keep` largest: as they are (what the
    story's vector is weighted from) and as they are kept (rounded). Only the sums the article changed are
    rounded again: a rounded value rounds to itself, and 400k round() calls were a twentieth of the store's cost."""
    for t, v in vec.items():
        sums[t] = sums.get(t, 0.0) + v
    top = _top(sums, keep)
    kept = dict(top)
    for t in vec:
        if t in kept:
            kept[t] = round(kept[t], 5)
    return top, kept


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
