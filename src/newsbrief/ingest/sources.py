"""What `newsbrief ingest SOURCE...` accepts, each turned into a stream of articles and per-item
errors: JSONL files, folders, single text/HTML files, RSS/Atom feeds (files or URLs), and URLs of
pages. Reading never stops at a bad item; it is reported and the rest goes on."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from newsbrief.errors import InputError
from newsbrief.ingest import feed, folder, url
from newsbrief.ingest.article import DEFAULT_MAX_BYTES, Article
from newsbrief.ingest.jsonl import LineError, read_lines
from newsbrief.ingest.text import article_from_bytes


@dataclass
class SourceError:
    """An item of a source that could not be read (a bad JSONL line, a feed that does not parse...)."""

    where: str
    error: str
    id: str | None = None


Item = Article | SourceError


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


class Reader:
    def __init__(self, allow_private: bool = False, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = url.DEFAULT_TIMEOUT):
        self.allow_private = allow_private
        self.max_bytes = max_bytes
        self.timeout = timeout
        self.failed_hosts: dict[str, str] = {}  # host -> why: a dead host costs one timeout per run, not one per entry

    def fetch(self, address: str) -> url.Fetched:
        host = (urlsplit(address).hostname or "").lower()
        if host in self.failed_hosts:
            raise url.FetchError(f"{address}: skipped, {host} failed before in this run ({self.failed_hosts[host]})")
        try:
            return url.fetch(address, allow_private=self.allow_private, timeout=self.timeout, max_bytes=max(self.max_bytes, 1))
        except url.FetchError as exc:
            if any(w in str(exc) for w in ("timed out", "cannot resolve", "ConnectError", "refused")):
                self.failed_hosts[host] = str(exc).split(": ", 1)[-1][:120]
            raise

    def page(self, address: str) -> Article:
        got = self.fetch(address)
        return article_from_bytes(got.body, max_bytes=self.max_bytes, url=got.url)

    def read(self, source: str) -> Iterator[Item]:
        try:
            if is_url(source):
                yield from self._url(source)
            elif source == "-":
                yield from self._jsonl(sys.stdin.buffer, "stdin")
            else:
                yield from self._path(Path(source))
        except InputError as exc:
            yield SourceError(source, str(exc))

    def _url(self, address: str) -> Iterator[Item]:
        got = self.fetch(address)
        if "xml" in got.content_type or "rss" in got.content_type or "atom" in got.content_type or feed.looks_like_feed(got.body):
            yield from self._feed(got.body, address)
        else:
            yield article_from_bytes(got.body, max_bytes=self.max_bytes, url=got.url)

    def _path(self, path: Path) -> Iterator[Item]:
        if path.is_dir():
            for item in folder.read(path, self.max_bytes):
                yield item if isinstance(item, Article) else SourceError(item[0], item[1])
            return
        if not path.exists():
            raise InputError(f"{path}: no such file or directory")
        if path.suffix.lower() in (".jsonl", ".ndjson"):
            try:
                with open(path, "rb") as f:
                    yield from self._jsonl(f, str(path))
            except OSError as exc:
                raise InputError(f"{path}: {exc.strerror}") from None
            return
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: {exc.strerror}") from None
        if path.suffix.lower() in (".xml", ".rss", ".atom") or feed.looks_like_feed(data):
            yield from self._feed(data, str(path))
        else:
            yield article_from_bytes(data, max_bytes=self.max_bytes)

    def _jsonl(self, stream: object, where: str) -> Iterator[Item]:
        for n, item in read_lines(stream, self.max_bytes):  # type: ignore[arg-type]
            if isinstance(item, LineError):
                yield SourceError(f"{where} line {n}", item.error, item.id)
            else:
                yield item

    def _feed(self, data: bytes, where: str) -> Iterator[Item]:
        for item in feed.parse(data, where, fetch_page=self.page):
            yield item if isinstance(item, Article) else SourceError(item[0], item[1], item[2])


def read_all(sources: list[str], allow_private: bool = False, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    reader = Reader(allow_private=allow_private, max_bytes=max_bytes)
    for source in sources:
        yield from reader.read(source)
