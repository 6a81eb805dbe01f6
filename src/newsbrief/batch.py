"""Many articles in, one brief (or error record) out per input line, in input order; optionally
spread over worker processes, each of which builds the pipeline once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import Any

from newsbrief.ingest.article import Article
from newsbrief.ingest.jsonl import LineError


def _brief_records(items: list[Article | LineError], lines: list[int], points: int | None) -> list[dict[str, Any]]:
    from newsbrief.pipeline import analyze_articles

    articles = [it for it in items if isinstance(it, Article)]
    results = iter(analyze_articles(articles, points=points))
    out: list[dict[str, Any]] = []
    for item, line in zip(items, lines):
        if isinstance(item, LineError):
            out.append(item.to_dict())
            continue
        res = next(results)
        if isinstance(res, Exception):
            out.append({"id": item.id, "line": line, "error": f"analysis failed: {type(res).__name__}: {res}"})
        else:
            out.append(res.to_dict())
    return out


def run(
    items: Iterable[tuple[int, Article | LineError]], points: int | None = None, workers: int = 1, chunk: int = 32
) -> Iterator[dict[str, Any]]:
    """`items` are (line number, parsed line); yields the output record of each, in order."""
    it = iter(items)
    chunks = iter(lambda: list(islice(it, chunk)), [])
    if workers <= 1:
        for c in chunks:
            yield from _brief_records([x for _, x in c], [n for n, _ in c], points)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = (pool.submit(_brief_records, [x for _, x in c], [n for n, _ in c], points) for c in chunks)
        window: list[Any] = []
        for fut in futures:  # keep a bounded number of chunks in flight, output in order
            window.append(fut)
            if len(window) > 2 * workers:
                yield from window.pop(0).result()
        for fut in window:
            yield from fut.result()
