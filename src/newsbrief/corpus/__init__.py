"""The corpus layer: a store of briefs, copies, stories and actors (reads briefs, never re-parses)."""

from newsbrief.corpus.corpus import Corpus, Outcome, Report
from newsbrief.corpus.store import ActorRow, ArticleRow, Store, StoryRow, open_store
from newsbrief.corpus.stories import Params
from newsbrief.ingest.sources import SourceError

__all__ = ["ActorRow", "ArticleRow", "Corpus", "Outcome", "Params", "Report", "SourceError", "Store", "StoryRow", "open_store"]
