"""Export of a corpus as files other tools read: JSONL (one record a line) or Parquet (pyarrow),
one file per table: articles, briefs, actors, stories, events (each with its sources' spans). Rows
are streamed a chunk at a time, so memory stays flat whatever the size of the corpus."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsbrief.corpus.store import Store
from newsbrief.errors import UsageError

TABLES = ("articles", "briefs", "actors", "stories", "events")
FORMATS = ("jsonl", "parquet")
_BATCH = 500


def records(store: Store, table: str) -> Iterator[dict[str, Any]]:
    """The export records of one table (stories with their outlets, events with their sources)."""
    if table not in ("stories", "events"):
        yield from store.export_rows(table)
        return
    chunk: list[dict[str, Any]] = []

    def flush() -> Iterator[dict[str, Any]]:
        ids = [r["id"] for r in chunk]
        if table == "stories":
            outlets = store.story_outlets(ids)
            for r in chunk:
                r["outlets"] = outlets.get(r["id"], [])
        else:
            sources: dict[str, list[dict[str, Any]]] = {}
            for src in store.event_sources(ids):
                sources.setdefault(src.event_id, []).append(
                    {"article": src.article_id, "ordinal": src.ordinal, "start": src.start, "end": src.end,
                     "trigger_start": src.trigger_start, "trigger_end": src.trigger_end,
                     "modality": src.modality, "when": src.when}
                )  # fmt: skip
            for r in chunk:
                r["sources"] = sources.get(r["id"], [])
        yield from chunk
        chunk.clear()

    for rec in store.export_rows(table):
        chunk.append(rec)
        if len(chunk) >= _BATCH:
            yield from flush()
    yield from flush()


def export(store: Store, out_dir: str | Path, fmt: str = "jsonl") -> dict[str, int]:
    """Write `<table>.jsonl` or `<table>.parquet` for each table into `out_dir`; rows written per table."""
    if fmt not in FORMATS:
        raise UsageError(f"export format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out}: exists and is not a directory")
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table in TABLES:
        path = out / f"{table}.{fmt}"
        counts[table] = _jsonl(records(store, table), path) if fmt == "jsonl" else _parquet(records(store, table), table, path)
    return counts


def _jsonl(rows: Iterator[dict[str, Any]], path: Path) -> int:
    n = 0
    tmp = path.with_suffix(path.suffix + ".part")
    with open(tmp, "w", encoding="utf-8") as f:
        for rec in rows:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    tmp.replace(path)
    return n


def _schema(table: str) -> Any:
    import pyarrow as pa

    s, i, lst = pa.string(), pa.int64(), pa.list_(pa.string())
    fields = {
        "articles": [("id", s), ("seq", i), ("title", s), ("url", s), ("source", s), ("published", s), ("language", s),
                     ("copy_of", s), ("story_id", s), ("content_hash", s), ("ingested_at", s), ("text", s)],
        "briefs": [("id", s), ("seq", i), ("brief", s)],  # the brief's JSON, as CONTRACT.md fixes it
        "actors": [("id", s), ("name", s), ("type", s), ("country", s), ("mentions", i), ("articles", i), ("aliases", s)],
        "stories": [("id", s), ("title", s), ("size", i), ("n_articles", i), ("first_published", s), ("last_published", s),
                    ("first_seq", i), ("last_seq", i), ("outlets", lst)],
        "events": [("id", s), ("sig", s), ("actor_id", s), ("target_id", s), ("type", s), ("cameo", s), ("place_id", s),
                   ("day", s), ("period", s), ("modality", s), ("n_sources", i), ("first_seq", i), ("actor_party", s),
                   ("target_party", s), ("sources", s)],  # sources as JSON text, like a brief
    }[table]  # fmt: skip
    return pa.schema(fields)


def _parquet(rows: Iterator[dict[str, Any]], table: str, path: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:  # pragma: no cover - pinned with the corpus extras
        raise UsageError("Parquet export needs pyarrow: pip install pyarrow") from None
    schema = _schema(table)
    n = 0
    tmp = path.with_suffix(path.suffix + ".part")
    with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []
        for rec in rows:
            for key in ("brief", "aliases", "sources"):  # nested JSON kept as JSON text: one column, any shape
                if key in rec and not isinstance(rec[key], str):
                    rec[key] = json.dumps(rec[key], ensure_ascii=False)
            batch.append(rec)
            if len(batch) >= _BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch.clear()
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    tmp.replace(path)
    return n
