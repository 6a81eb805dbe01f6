"""HTML pages: trafilatura extracts the article text and its metadata (title, date, site)."""

from __future__ import annotations

import re

from newsbrief.errors import InputError
from newsbrief.ingest.article import Article

_HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I | re.S)
MIN_ARTICLE_WORDS = 5  # what trafilatura salvages from a page with no article is a menu or a footer
_TAG = re.compile(r"</?(p|div|span|a|article|section|h[1-6]|br|meta|script|title)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    """A page, not prose that happens to mention a tag: a doctype/html start or many tags."""
    head = text[:4096]
    return bool(_HTML_START.match(head)) or len(_TAG.findall(head)) >= 5


def extract(page: str, **meta: object) -> Article:
    import trafilatura

    # No extensive date search: a date guessed from scraps of the page is worse than none.
    found = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    doc = found.as_dict() if found is not None else {}
    body = (doc.get("text") or "").strip()
    if len(body.split()) < MIN_ARTICLE_WORDS:
        raise InputError("HTML page has no article text that could be extracted")
    fields = {k: v for k, v in meta.items() if v is not None}
    if not fields.get("published") and doc.get("date"):
        fields["published"] = str(doc["date"])[:10]
        fields["published_source"] = "metadata"
    for key, src in (("title", "title"), ("url", "url"), ("source", "sitename")):
        if not fields.get(key) and doc.get(src):
            fields[key] = doc[src]
    return Article(text=body, **fields)  # type: ignore[arg-type]
