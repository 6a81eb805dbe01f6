"""Bytes from a file or stdin: decode, refuse what is not an article, hand HTML to `html`."""

from __future__ import annotations

from newsbrief.errors import InputError
from newsbrief.ingest import html
from newsbrief.ingest.article import DEFAULT_MAX_BYTES, Article

# Control characters that never occur in text (tab, newline, carriage return, form feed are fine).
_CONTROL = set(range(0, 9)) | {11} | set(range(14, 32))


def check_size(n: int, max_bytes: int) -> None:
    if max_bytes and n > max_bytes:
        raise InputError(f"input is {n:,} bytes, over the limit of {max_bytes:,} (raise it with --max-bytes)")


def decode(data: bytes) -> tuple[str, list[str]]:
    """UTF-8 text, or text decoded by a detected encoding (with a note saying so)."""
    if b"\x00" in data[:8192]:
        raise InputError("input looks binary (NUL bytes), not text or HTML")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("input is not valid UTF-8 and no text encoding could be detected")
    return str(best), [f"input was not valid UTF-8; decoded as {best.encoding}"]


def check_text(text: str) -> None:
    if not text.strip():
        raise InputError("input is empty (no text to analyse)")
    sample = text[:20000]
    bad = sum(1 for ch in sample if ord(ch) in _CONTROL or ch == "\ufffd")
    if bad > max(8, len(sample) // 100):
        raise InputError("input looks binary (control characters), not text or HTML")


def article_from_bytes(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES, **meta: object) -> Article:
    """Plain text or HTML (detected); `meta` (id, published, title...) fills what the input lacks."""
    check_size(len(data), max_bytes)
    text, notes = decode(data)
    check_text(text)
    if html.looks_like_html(text):
        article = html.extract(text, **meta)
    else:
        article = Article(text=text, **meta)  # type: ignore[arg-type]
    article.notes[:0] = notes
    return article
