"""newsbrief: grounded intelligence briefs from news articles.

>>> import newsbrief
>>> brief = newsbrief.analyze("Putin arrived in Pyongyang on Tuesday.", published="2024-06-18")
"""

from __future__ import annotations

from newsbrief.ingest.article import Article
from newsbrief.model import Brief

__version__ = "0.1.0"


def analyze(text: str, *, published: str | None = None, points: int | None = None, id: str = "") -> Brief:
    """The brief of one article text (plain text; see `newsbrief.ingest` for HTML and files)."""
    from newsbrief.ingest.text import check_text
    from newsbrief.pipeline import analyze_article

    check_text(text)
    article = Article(text=text, id=id, published=published, published_source="argument" if published else None)
    return analyze_article(article, points=points)


__all__ = ["Article", "Brief", "__version__", "analyze"]
