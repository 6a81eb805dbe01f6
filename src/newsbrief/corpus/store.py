"""The store interface: what the corpus layer needs from a database, and nothing of which one.

SQLite (`sqlite.py`) implements it now; PostgreSQL implements the same methods (most of them come
from the dialect-neutral `SQLStore` in `sql.py`, which only needs a connection, a placeholder style
and a few type names). Every write happens inside `transaction()`: a run killed half-way keeps each
committed article whole and nothing of the one it was writing.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any


@dataclass
class ArticleRow:
    id: str
    content_hash: str  # sha256 of the text exactly as given: the same content is never analysed twice
    exact_hash: str  # sha256 of the normalised words: an exact copy under another id
    text: str = ""
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    language: str | None = None
    copy_of: str | None = None
    story_id: str | None = None
    seq: int = 0  # order of arrival in this store


@dataclass
class StoryRow:
    id: str
    title: str | None = None
    size: int = 0  # independent articles (copies excluded)
    n_articles: int = 0  # all articles, copies included
    first_published: str | None = None
    last_published: str | None = None
    first_seq: int = 0
    last_seq: int = 0
    vector: dict[str, float] = field(default_factory=dict)  # its words, tf-idf weighted at its last update, unit length
    names: dict[str, float] = field(default_factory=dict)  # its actors, likewise
    # fact -> articles: the years its articles mention or are dated in, and occurrence facts under a
    # prefix ("#:5.6" a number, "p:thompson" a person; see corpus/features.py)
    years: dict[str, int] = field(default_factory=dict)
    raw: dict[str, dict[str, float]] | None = None  # {"t": words, "n": actors}: summed unit sublinear tf of its members


@dataclass
class ActorRow:
    id: str
    name: str
    type: str
    country: str | None = None
    mentions: int = 0
    articles: int = 0
    aliases: dict[str, int] = field(default_factory=dict)  # alias as written -> mentions


@dataclass
class EventRow:
    """One real-world event across the corpus (corpus/events.py): its parties are corpus actors."""

    id: str
    sig: str  # who and what, without the date: party|party|action (parties by corpus actor or state)
    actor_id: str
    target_id: str
    type: str
    cameo: str | None = None
    place_id: str | None = None
    day: str | None = None  # YYYY-MM-DD of its first report, None when it is undated or only a past period
    period: str = ""  # "" when dated; else the coarse date it was given ("2023-09"), or "-"
    modality: str = "asserted"  # "asserted" once any source asserts it, else its first source's
    n_sources: int = 0  # distinct original articles (copies never count)
    first_seq: int = 0
    actor_party: str = ""  # the actor as events match it: a state ("c:RUS") for a place-like actor, else its id
    target_party: str = ""


@dataclass
class EventSourceRow:
    """One report of an event: the article's event (its position in the brief's `events`) and its spans."""

    event_id: str
    article_id: str
    ordinal: int
    start: int
    end: int
    trigger_start: int
    trigger_end: int
    modality: str
    when: str | None = None


@dataclass
class SearchFilters:
    """What a search keeps, already resolved to stored values (None: no filter)."""

    actor_ids: list[str] | None = None  # articles that mention any of these corpus actors
    speaker_keys: list[str] | None = None  # articles with an attribution to any of these speaker keys
    outlet: str | None = None  # source, compared without case
    since: str | None = None  # YYYY-MM-DD, inclusive, on the publication date
    until: str | None = None  # YYYY-MM-DD, inclusive
    story: str | None = None


@dataclass
class SearchRow:
    id: str
    title: str | None
    source: str | None
    published: str | None
    story_id: str | None
    score: float  # higher is better
    text: str


class Store(ABC):
    """A corpus store. Ids are strings everywhere; JSON columns hold briefs and vectors."""

    url: str

    # lifecycle -----------------------------------------------------------------------------
    @abstractmethod
    def migrate(self) -> list[int]:
        """Apply the migrations not yet applied (in order, each in its transaction); their versions."""

    @abstractmethod
    def schema_version(self) -> int: ...

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """A write transaction: all or nothing, and one writer at a time."""

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # articles ------------------------------------------------------------------------------
    @abstractmethod
    def get_article(self, article_id: str) -> ArticleRow | None: ...

    @abstractmethod
    def get_brief(self, article_id: str) -> dict[str, Any] | None: ...

    @abstractmethod
    def first_with_exact_hash(self, exact_hash: str) -> ArticleRow | None: ...

    @abstractmethod
    def next_seq(self) -> int:
        """The `seq` the next article stored gets (inside the write transaction that stores it)."""

    @abstractmethod
    def add_article(self, row: ArticleRow, brief: dict[str, Any], signature: bytes, bands: Sequence[str]) -> ArticleRow:
        """Insert an article with its brief and MinHash data (its `seq` is assigned here unless set)."""

    @abstractmethod
    def near_candidates(self, bands: Sequence[str], limit: int = 20) -> list[tuple[str, bytes]]:
        """(article id, signature) of original articles sharing a MinHash band, oldest first."""

    @abstractmethod
    def set_story(self, article_id: str, story_id: str) -> None: ...

    @abstractmethod
    def story_articles(self, story_id: str) -> list[ArticleRow]: ...

    @abstractmethod
    def count_articles(self) -> int: ...

    # term statistics (idf) -----------------------------------------------------------------
    @abstractmethod
    def n_docs(self) -> int: ...

    @abstractmethod
    def doc_freqs(self, terms: Sequence[str]) -> dict[str, int]: ...

    @abstractmethod
    def add_doc(self, terms: Sequence[str]) -> None:
        """Count one more document containing each of `terms` (and one more document)."""

    # stories -------------------------------------------------------------------------------
    @abstractmethod
    def story_candidates(self, terms: Sequence[str], limit: int) -> list[str]:
        """Stories indexed under any of `terms`, most shared terms first."""

    @abstractmethod
    def get_stories(self, story_ids: Sequence[str], raw: bool = False) -> list[StoryRow]:
        """Stories by id (their `raw` sums only when asked: scoring needs the weighted vectors)."""

    @abstractmethod
    def put_story(self, story: StoryRow, index_terms: Sequence[str]) -> None:
        """Insert or replace a story and the terms it is found under."""

    @abstractmethod
    def get_story_brief(
        self, story: StoryRow, builder: str, page: bool = False
    ) -> tuple[dict[str, Any], dict[str, Any] | None] | None:
        """The stored story brief (and the story page's data when `page`) of exactly this story state
        (its n_articles and last_seq) built by this `builder`; None when there is none."""

    @abstractmethod
    def put_story_brief(self, story: StoryRow, builder: str, brief: dict[str, Any], page: dict[str, Any]) -> None:
        """Store the story brief of this story state (never over one of a later state)."""

    @abstractmethod
    def stale_story_briefs(self, builder: str) -> list[str]:
        """The stories whose stored brief is missing, of another state, or by another builder."""

    @abstractmethod
    def list_stories(self, limit: int | None = None, offset: int = 0) -> list[StoryRow]:
        """Newest first: by last publication date where known, else by arrival."""

    @abstractmethod
    def story_outlets(self, story_ids: Sequence[str]) -> dict[str, list[str]]:
        """Distinct sources of each story's independent (non-copy) articles."""

    # actors --------------------------------------------------------------------------------
    @abstractmethod
    def actors_by_alias(self, keys: Sequence[str]) -> dict[str, list[str]]:
        """alias key -> actor ids known under it."""

    @abstractmethod
    def get_actors(self, actor_ids: Sequence[str]) -> list[ActorRow]: ...

    @abstractmethod
    def put_actors(self, items: Sequence[tuple[ActorRow, Sequence[str]]]) -> None:
        """Insert or replace actors and add their alias keys (an article's, in a few statements)."""

    @abstractmethod
    def link_actors(self, rows: Sequence[tuple[str, str, str, int]]) -> None:
        """(article id, entity id, actor id, mentions) links; an entity already linked keeps its link."""

    @abstractmethod
    def actor_articles(self, actor_id: str) -> list[tuple[str, str, int]]:
        """(article id, the article's entity id, mentions) of an actor."""

    @abstractmethod
    def story_actors(self, story_id: str) -> list[tuple[str, int]]:
        """(actor id, mentions) over a story's articles, most mentioned first."""

    @abstractmethod
    def entity_actors(self, article_id: str) -> dict[str, str]:
        """The article's entity id -> corpus actor id."""

    # events --------------------------------------------------------------------------------
    @abstractmethod
    def event_candidates(self, sig: str, day_lo: str | None, day_hi: str | None, periods: Sequence[str]) -> list[EventRow]:
        """Events of this signature dated within [day_lo, day_hi] (when given), or undated ones of one of `periods`."""

    @abstractmethod
    def put_event(self, event: EventRow) -> None:
        """Insert or replace an event."""

    @abstractmethod
    def add_event_sources(self, rows: Sequence[EventSourceRow]) -> None: ...

    @abstractmethod
    def party_events(self, party: str, since: str | None = None, until: str | None = None) -> list[EventRow]:
        """Events a party (`EventRow.actor_party`) does or undergoes, dated within [since, until] when given
        (undated ones only without bounds); oldest first."""

    @abstractmethod
    def event_sources(self, event_ids: Sequence[str]) -> list[EventSourceRow]:
        """The reports of these events, in order of arrival of their articles."""

    # search and export ---------------------------------------------------------------------
    @abstractmethod
    def search_articles(
        self, groups: Sequence[Sequence[str]], any_group: bool, filters: SearchFilters, limit: int, offset: int
    ) -> list[SearchRow]:
        """Full-text search: `groups` are phrases (lists of plain words, no syntax); all must match, or any
        one when `any_group`; best first."""

    @abstractmethod
    def export_rows(self, table: str) -> Iterator[dict[str, Any]]:
        """Every row of 'articles', 'briefs', 'actors' or 'stories' as plain values, a chunk at a time."""


def open_store(db: str, *, create: bool = True) -> Store:
    """A store from the `--db` value: a PostgreSQL URL (postgresql://...) or a SQLite file path."""
    if db.startswith(("postgresql://", "postgres://")):
        from newsbrief.corpus.postgres import PostgresStore

        return PostgresStore(db)
    from newsbrief.corpus.sqlite import SQLiteStore

    return SQLiteStore(db, create=create)
