"""Turn what a user has (bytes of text or HTML, JSONL lines) into `Article`s; no analysis here."""

from newsbrief.ingest.article import DEFAULT_MAX_BYTES, Article
from newsbrief.ingest.text import article_from_bytes

__all__ = ["DEFAULT_MAX_BYTES", "Article", "article_from_bytes"]
