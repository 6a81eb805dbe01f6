"""RSS and Atom feeds (feedparser): one article per entry, from the entry's full content when the
feed carries it, else from the page it links to (fetched under the URL rules), else its summary."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

from newsbrief.errors import InputError
from newsbrief.ingest.article import Article

SHORT_ENTRY = 400  # characters: below this an entry is a teaser, and its page is worth fetching
_FEED_START = (b"<rss", b"<feed", b"<rdf:rdf", b"<?xml")


def looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    if not head.startswith(_FEED_START):
        return False
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head or b"<channel" in head


def _text_of(entry: Any) -> str:
    import trafilatura

    parts = [c.get("value", "") for c in entry.get("content", []) or []] or [entry.get("summary", "") or ""]
    raw = max(parts, key=len) if parts else ""
    if "<" in raw and ">" in raw:
        extracted = trafilatura.extract(f"<html><body><article>{raw}</article></body></html>", include_comments=False)
        return (extracted or "").strip()
    return raw.strip()


def _published(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        t = entry.get(key)
        if t:
            try:
                return dt.date(t.tm_year, t.tm_mon, t.tm_mday).isoformat()
            except ValueError:
                continue
    return None


def parse(
    data: bytes,
    where: str,
    fetch_page: Callable[[str], Article] | None = None,
) -> Iterator[Article | tuple[str, str, str | None]]:
    """Articles of a feed, or (where, error, id) for an entry that yields none; a feed that does not
    parse at all raises InputError."""
    import feedparser

    parsed = feedparser.parse(data)
    if parsed.get("bozo") and not parsed.entries:
        exc = parsed.get("bozo_exception")
        raise InputError(f"{where}: not a readable RSS/Atom feed ({type(exc).__name__ if exc else 'no entries'}: {exc})")
    if not parsed.entries:
        raise InputError(f"{where}: feed has no entries")
    site = (parsed.feed.get("title") or "").strip() or None
    for n, entry in enumerate(parsed.entries, 1):
        link = entry.get("link")
        eid = entry.get("id") or link or None
        item_where = f"{where} entry {n}"
        meta: dict[str, Any] = {
            "id": eid or "",
            "title": (entry.get("title") or "").strip() or None,
            "url": link,
            "source": site,
            "published": _published(entry),
        }
        meta["published_source"] = "metadata" if meta["published"] else None
        text = _text_of(entry)
        notes: list[str] = []
        if len(text) < SHORT_ENTRY and link and fetch_page is not None:
            try:
                page = fetch_page(link)
                for key in ("title", "published", "published_source", "source"):
                    if getattr(page, key) and not meta.get(key):
                        meta[key] = getattr(page, key)
                text = page.text
            except InputError as exc:
                notes.append(f"the linked page could not be used ({exc}); the brief is of the feed's summary")
        if not text.strip():
            yield item_where, "feed entry has no text", eid
            continue
        yield Article(text=text, notes=notes, **meta)
