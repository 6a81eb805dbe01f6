"""The unit every source kind produces: the article text as given, with what is known about it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

DEFAULT_MAX_BYTES = 2_000_000
"""Inputs above this size are refused at once (override with --max-bytes): a brief of a 2 MB
article is already minutes of parsing, and anything larger is almost surely not one article."""


def content_id(text: str) -> str:
    """A stable id for an article that came without one: the hash of its text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class Article:
    text: str
    id: str = ""
    published: str | None = None
    published_source: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    points: int | None = None
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text)
