"""HTML pages: trafilatura extracts the article text and its metadata (title, date, site)."""

from __future__ import annotations

import re

from newsbrief.errors import InputError
from newsbrief.ingest.article import Article

_HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I | re.S)
_TAG = re.compile(r"</?(p|div|span|a|article|section|h[1-6]|br|meta|script|title)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    """A page, not prose that happens to mention a tag: a doctype/html start or many tags."""
    head = text[:4096]
    return bool(_HTML_START.match(head)) or len(_TAG.findall(head)) >= 5


def extract(page: str, **meta: object) -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False, as_dict=True)
    body = (doc or {}).get("text") or ""
    if not body.strip():
        raise InputError("HTML page has no article text that could be extracted")
    fields = {k: v for k, v in meta.items() if v is not None}
    if not fields.get("published") and (doc or {}).get("date"):
        fields["published"] = str(doc["date"])[:10]
        fields["published_source"] = "metadata"
    for key, src in (("title", "title"), ("url", "url"), ("source", "sitename")):
        if not fields.get(key) and (doc or {}).get(src):
            fields[key] = doc[src]
    return Article(text=body, **fields)  # type: ignore[arg-type]
