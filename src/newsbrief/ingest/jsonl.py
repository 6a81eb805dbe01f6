"""JSONL input lines as CONTRACT.md fixes them: only `text` is required; a bad line is an error
record for that line, never the end of the run."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newsbrief.errors import InputError
from newsbrief.ingest.article import DEFAULT_MAX_BYTES, Article
from newsbrief.ingest.text import check_size, check_text

_OPTIONAL_STR = ("title", "url", "source")


@dataclass
class LineError:
    line: int
    id: str | None
    error: str

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "line": self.line, "error": self.error}


def parse_date(value: object, what: str = "published") -> str | None:
    """'YYYY-MM-DD', or a longer ISO timestamp cut to its date; anything else is an error."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f"{what} must be a YYYY-MM-DD string, got {type(value).__name__}")
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        raise InputError(f"{what} {value!r} is not a YYYY-MM-DD date") from None


def article_from_record(rec: object, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    if not isinstance(rec, dict):
        raise InputError("line is not a JSON object")
    text = rec.get("text")
    if not isinstance(text, str):
        raise InputError("line has no 'text' string")
    check_size(len(text.encode("utf-8", "surrogatepass")), max_bytes)
    check_text(text)
    points = rec.get("points")
    if points is not None and (not isinstance(points, int) or isinstance(points, bool) or points < 0):
        raise InputError("'points' must be a non-negative integer")
    published = parse_date(rec.get("published"))
    meta = {k: rec[k] if isinstance(rec.get(k), str) else None for k in _OPTIONAL_STR}
    rid = rec.get("id")
    return Article(
        text=text,
        id="" if rid is None else str(rid),
        published=published,
        published_source="input" if published else None,
        points=points,
        **meta,
    )


def read_lines(lines: Iterable[str | bytes], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[tuple[int, Article | LineError]]:
    """(line number from 1, Article or LineError) per non-blank input line, in order."""
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        rid = None
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield n, LineError(n, None, f"line is not valid UTF-8 (byte {exc.start})")
                continue
        try:
            rec = json.loads(raw)
            if isinstance(rec, dict) and rec.get("id") is not None:
                rid = str(rec["id"])
            yield n, article_from_record(rec, max_bytes)
        except json.JSONDecodeError as exc:
            yield n, LineError(n, rid, f"not JSON: {exc.msg} at column {exc.colno}")
        except InputError as exc:
            yield n, LineError(n, rid, str(exc))
