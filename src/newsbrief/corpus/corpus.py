"""The corpus: articles in, each analysed once, stored with its brief, copies linked to their first
copy, placed in a story, its actors merged into the corpus's, its events joined to the corpus's (one per
real-world event, corpus/events.py). One article = one transaction, so a
run killed half-way keeps every article it finished and resumes after them. At the end of a run the
brief of each story it touched is built once and stored (`store_story_briefs`): the first view of a
story page reads it instead of building it."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from newsbrief.corpus import actors, dedup, events
from newsbrief.corpus.features import features
from newsbrief.corpus.store import ArticleRow, Store, open_store
from newsbrief.corpus.stories import Params, StoryTracker
from newsbrief.ingest.article import Article
from newsbrief.ingest.sources import SourceError

Status = Literal["added", "copy", "unchanged", "error"]
ANALYSIS_BATCH = 16


@dataclass
class Outcome:
    status: Status
    id: str | None
    story_id: str | None = None
    copy_of: str | None = None
    error: str | None = None
    where: str | None = None  # the source (file, line, URL) an error came from
    index: int = -1  # position of the item in the input


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, status: Status) -> int:
        return sum(o.status == status for o in self.outcomes)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class Corpus:
    def __init__(self, store: Store, params: Params | None = None) -> None:
        self.store = store
        self.tracker = StoryTracker(store, params)
        self.touched: set[str] = set()  # stories given an article since their briefs were last stored

    @classmethod
    def open(cls, db: str, params: Params | None = None, create: bool = True) -> Corpus:
        return cls(open_store(db, create=create), params)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # the store's own work: a brief in, an article placed ------------------------------------------
    def add_brief(self, brief: dict[str, Any], meta: Article | None = None) -> Outcome:
        """Store one analysed article (a brief's JSON dict) in its own transaction."""
        text = brief["text"]
        chash = content_hash(text)
        with self.store.transaction():
            existing = self.store.get_article(brief["id"])
            if existing is not None:
                return self._same_id(existing, chash)
            exact = dedup.exact_hash(text)
            sig = dedup.signature(text)
            bands = dedup.bands(sig)
            original = self._original_of(exact, sig, bands)
            row = ArticleRow(
                id=brief["id"], content_hash=chash, exact_hash=exact, text=text, title=brief.get("title"),
                url=brief.get("url"), source=brief.get("source"), published=brief.get("published"),
                language=brief.get("language"), copy_of=original.id if original else None,
                seq=self.store.next_seq(),
            )  # fmt: skip
            # The story first, so that the article is written once with it (an UPDATE rewrites its whole row).
            if original is not None and original.story_id:
                row.story_id = self.tracker.add_copy(row, original.story_id)
            else:
                row.story_id = self.tracker.add(row, features(brief))
            row = self.store.add_article(row, brief, dedup.to_bytes(sig), bands)
            if original is None or not original.story_id:
                actors.merge_article(self.store, row.id, brief.get("entities") or [])
            if original is None:  # a copy is never one more source of an event
                events.record_events(self.store, row.id, row.seq, brief)
            self.touched.add(row.story_id)
            status: Status = "copy" if original is not None else "added"
            return Outcome(status, row.id, row.story_id, row.copy_of)

    def _same_id(self, existing: ArticleRow, chash: str) -> Outcome:
        if existing.content_hash == chash:
            return Outcome("unchanged", existing.id, existing.story_id, existing.copy_of)
        return Outcome("error", existing.id, error=f"id {existing.id!r} is already stored with other content; kept the first")

    def _original_of(self, exact: str, sig: Any, bands: list[str]) -> ArticleRow | None:
        """The first copy of this text, if it is a copy: same words, or near-identical 3-grams."""
        first = self.store.first_with_exact_hash(exact)
        if first is not None:
            return self.store.get_article(first.copy_of) if first.copy_of else first
        best, best_sim = None, dedup.NEAR_THRESHOLD
        for aid, other in self.store.near_candidates(bands):
            sim = dedup.similarity(sig, dedup.from_bytes(other))
            if sim >= best_sim:
                best, best_sim = aid, sim
        return self.store.get_article(best) if best else None

    # the whole path: articles in, analysed once --------------------------------------------
    def ingest(
        self,
        items: Iterable[Article | SourceError],
        points: int | None = None,
        on_outcome: Callable[[Outcome], None] | None = None,
    ) -> Report:
        """Analyse what is new, store everything; errors are outcomes, never the end of the run."""
        report = Report()

        def emit(o: Outcome) -> None:
            report.outcomes.append(o)
            if on_outcome:
                on_outcome(o)

        pending: list[tuple[int, Article]] = []

        def flush() -> None:
            for o in self._analyse_and_store(pending, points):
                emit(o)
            pending.clear()

        for index, item in enumerate(items):
            if isinstance(item, SourceError):
                emit(Outcome("error", item.id, error=item.error, where=item.where, index=index))
                continue
            if any(a.id == item.id for _, a in pending):  # the same id again: store the first, then judge
                flush()
            known = self._known(item)
            if known is not None:
                known.index = index
                emit(known)
                continue
            pending.append((index, item))
            if len(pending) >= ANALYSIS_BATCH:
                flush()
        flush()
        self.store_story_briefs()
        return report

    def store_story_briefs(self) -> int:
        """Build and store the story brief of each story given an article since the last call (each
        story once, in its own transaction): the end of an ingest run. Returns how many were built."""
        from newsbrief.corpus.views import refresh_story_briefs

        touched = self.take_touched()
        return refresh_story_briefs(self.store, touched) if touched else 0

    def take_touched(self) -> list[str]:
        """The stories given an article since the last call, forgotten here: a caller that stores their
        briefs elsewhere (the API's worker, after its answer) takes them."""
        touched, self.touched = sorted(self.touched), set()
        return touched

    def _known(self, article: Article) -> Outcome | None:
        """An outcome without analysis: already stored, or an exact copy of a stored text."""
        existing = self.store.get_article(article.id)
        if existing is not None:
            return self._same_id(existing, content_hash(article.text))
        first = self.store.first_with_exact_hash(dedup.exact_hash(article.text))
        if first is not None and first.content_hash == content_hash(article.text) and first.published == article.published:
            brief = self.store.get_brief(first.id)
            if brief is not None:  # the same text analysed already: its brief under this article's id
                brief.update(id=article.id, title=article.title, url=article.url, source=article.source)
                return self.add_brief(brief)
        return None

    def _analyse_and_store(self, items: list[tuple[int, Article]], points: int | None) -> Iterator[Outcome]:
        if not items:
            return
        from newsbrief.pipeline import analyze_articles

        articles = [a for _, a in items]
        for (index, article), result in zip(items, analyze_articles(articles, points=points)):
            if isinstance(result, Exception):
                out = Outcome("error", article.id, error=f"analysis failed: {type(result).__name__}: {result}")
            else:
                out = self.add_brief(result.to_dict())
            out.index = index
            yield out
