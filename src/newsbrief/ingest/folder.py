"""Folders: every .txt, .text, .md, .html and .htm file under a directory, in path order; each is
an article whose id is its content hash (a file carries no id of its own)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsbrief.errors import InputError
from newsbrief.ingest.article import DEFAULT_MAX_BYTES, Article
from newsbrief.ingest.text import article_from_bytes

SUFFIXES = {".txt", ".text", ".md", ".html", ".htm"}


def files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith("."))


def read(folder: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | tuple[str, str]]:
    """An Article per readable file, or (path, error) for one that is not an article."""
    for path in files(folder):
        try:
            yield article_from_bytes(path.read_bytes(), max_bytes=max_bytes)
        except InputError as exc:
            yield str(path), str(exc)
        except OSError as exc:
            yield str(path), exc.strerror or str(exc)
