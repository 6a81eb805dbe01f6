"""The store at scale: 10,000 distinct articles made by seeded recombination of the paragraphs of
real articles (ECB+ dev, CNN/DailyMail dev, BBC dev), each with a brief built by shifting the spans
of its paragraphs' source briefs (the sources are briefed once, cached by briefcache.py), ingested
into SQLite and into PostgreSQL: articles/s, peak RSS at 1k and at the end, search latency.

`python bench/run.py store --limit N` builds N articles instead of 10,000. PostgreSQL is skipped
(with a note) when NEWSBRIEF_TEST_PG's server is unreachable; NEWSBRIEF_BENCH_STORES=sqlite measures
SQLite only."""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import random
import re
import resource
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from briefcache import cached_briefs
from common import DATA, OUT, Row, read_jsonl, user_input

N_ARTICLES = 10_000
SOURCES = [("ecbplus", "dev", 535), ("cnn_dailymail", "dev", 120), ("bbc_news_summary", "dev", 120)]
OUTLETS = ["Daily One", "Courier", "Rail News", "Port Gazette", "Wire", "Evening Post", "Herald", "Observer", "Tribune", "Star"]
QUERIES = 200
STORES = os.environ.get("NEWSBRIEF_BENCH_STORES", "sqlite,postgresql").split(",")  # which stores to measure
PG_URL = os.environ.get("NEWSBRIEF_TEST_PG", "postgresql://newsbrief:newsbrief@127.0.0.1:5432/newsbrief_test")
_SENT = re.compile(r"(?<=[.!?\"'])\s+(?=[A-Z\"'])")


# source briefs -------------------------------------------------------------------------------
def _source_briefs() -> list[dict[str, Any]]:
    """Briefs of the source articles: a cached file for these inputs if any exists (of any analyzer
    version: the store bench measures storage, not analysis), else briefed now and cached."""
    out: list[dict[str, Any]] = []
    for name, split, n in SOURCES:
        inputs = [user_input(g) for g in read_jsonl(DATA / name / f"{split}.jsonl", n)]
        cache = f"{name}-{split}" if n >= len(read_jsonl(DATA / name / f"{split}.jsonl")) else f"{name}-{split}-{n}"
        key = hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()[:10]
        found = sorted((OUT / "briefs").glob(f"{cache}-{key}-*.jsonl"), key=lambda p: p.stat().st_mtime)
        if found:
            with open(found[-1], encoding="utf-8") as f:
                briefs = [json.loads(line) for line in f]
        else:
            briefs, _ = cached_briefs(cache, inputs)
        out += [b for b in briefs if "error" not in b and b.get("text")]
    return out


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: the text's lines, or for one-block texts runs of three sentences."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if len(m.group().strip()) > 40]
    if len(spans) >= 3:
        return spans
    starts = [0] + [m.end() for m in _SENT.finditer(text)]
    cuts = [*starts[::3], len(text)]
    return [(a, b) for a, b in itertools.pairwise(cuts) if len(text[a:b].strip()) > 40]


def _spans(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if {"start", "end", "text"} <= node.keys() and isinstance(node["start"], int):
            yield node
        for v in node.values():
            yield from _spans(v)
    elif isinstance(node, list):
        for v in node:
            yield from _spans(v)


def _inside(item: Any, a: int, b: int) -> bool:
    frags = item.get("fragments") if isinstance(item, dict) else None
    return all(a <= s["start"] and s["end"] <= b for s in _spans(item)) and all(a <= f[0] and f[1] <= b for f in frags or [])


def _shifted(item: Any, delta: int, prefix: str, ent_ids: set[str]) -> Any:
    item = json.loads(json.dumps(item))
    for s in _spans(item):
        s["start"] += delta
        s["end"] += delta
    if isinstance(item, dict):
        if item.get("fragments"):
            item["fragments"] = [[f[0] + delta, f[1] + delta] for f in item["fragments"]]
        for key in ("speaker", "holder", "id"):
            if item.get(key) in ent_ids:
                item[key] = prefix + item[key]
    return item


def paragraph_parts(brief: dict[str, Any]) -> list[dict[str, Any]]:
    """A source brief cut into paragraphs, each with the analysed items that lie wholly inside it."""
    text, parts = brief["text"], []
    ent_ids = {e["id"] for e in brief.get("entities") or []}
    for a, b in _paragraphs(text):
        part: dict[str, Any] = {"text": text[a:b], "start": a, "ent_ids": ent_ids, "fields": {}}
        for field in ("key_points", "attributions", "timexes", "statements", "events", "themes"):
            part["fields"][field] = [x for x in brief.get(field) or [] if _inside(x, a, b)]
        ents = []
        for e in brief.get("entities") or []:
            ms = [m for m in e.get("mentions") or [] if a <= m["start"] and m["end"] <= b]
            if ms:
                ents.append({**e, "mentions": ms})
        part["fields"]["entities"] = ents
        parts.append(part)
    return parts


def recombined(n: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    """n distinct briefs, each of 3-6 paragraphs from random sources, spans shifted (never a copy)."""
    rng = random.Random(seed)
    sources = _source_briefs()
    pool = [(i, p) for i, b in enumerate(sources) for p in paragraph_parts(b)]
    seen: set[tuple[int, ...]] = set()
    made = 0
    while made < n:
        picks = tuple(sorted(rng.sample(range(len(pool)), rng.randint(3, 6))))
        if picks in seen:
            continue
        seen.add(picks)
        text, fields = (
            "",
            {f: [] for f in ("key_points", "attributions", "timexes", "statements", "events", "themes", "entities")},
        )
        for k, idx in enumerate(picks):
            _src, part = pool[idx]
            if text:
                text += "\n\n"
            delta = len(text) - part["start"]
            prefix = f"p{k}-"
            for f, items in part["fields"].items():
                fields[f] += [_shifted(x, delta, prefix, part["ent_ids"]) for x in items]
            text += part["text"]
        day = rng.randrange(0, 360)
        yield {
            "schema": "newsbrief/1", "id": f"r{made:05d}", "text": text, "title": sources[pool[picks[0]][0]].get("title"),
            "source": rng.choice(OUTLETS), "published": time.strftime("%Y-%m-%d", time.gmtime(1704067200 + 86400 * day))
            if rng.random() < 0.6 else None, "language": "en", **fields, "checks": [],
        }  # fmt: skip
        made += 1


# measures ------------------------------------------------------------------------------------
def _rss_mb(field: str = "VmRSS") -> float:
    """Resident memory now (VmRSS) or the process's peak so far (VmHWM), in MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _ingest(db: str, briefs: Iterator[dict[str, Any]], n: int) -> dict[str, Any]:
    from newsbrief.corpus import Corpus

    out: dict[str, Any] = {}
    with Corpus.open(db) as corpus:
        t0 = time.perf_counter()
        for i, b in enumerate(briefs, 1):
            corpus.add_brief(b)
            if i == min(1000, n):
                out["rss_1k"], out["t_1k"] = _rss_mb(), time.perf_counter() - t0
        out["seconds"] = time.perf_counter() - t0
        out["rss_end"], out["peak"] = _rss_mb(), _rss_mb("VmHWM")
        out["articles"] = corpus.store.count_articles()
        out["stories"] = int(corpus.store.execute("SELECT COUNT(*) FROM stories").fetchone()[0])
        out["search"] = _search_latency(corpus.store)
    return out


def _search_latency(store: Any) -> dict[str, float]:
    from newsbrief.corpus.search import search

    rng = random.Random(3)
    texts = [r[0] for r in store.execute("SELECT text FROM articles ORDER BY seq LIMIT 300")]
    words = [w for t in texts for w in re.findall(r"[A-Za-z]{5,}", t)]
    outlets = OUTLETS
    times = []
    for q in range(QUERIES):
        query = " ".join(rng.sample(words, rng.choice([1, 2, 3])))
        kw: dict[str, Any] = {}
        if q % 4 == 1:
            kw["outlet"] = rng.choice(outlets)
        elif q % 4 == 2:
            kw["since"] = "2024-03-01"
        t0 = time.perf_counter()
        search(store, query, **kw)
        times.append(1000 * (time.perf_counter() - t0))
    times.sort()
    return {"p50": statistics.median(times), "p95": times[int(0.95 * len(times)) - 1], "max": times[-1]}


def _pg_schema() -> str | None:
    try:
        import psycopg

        with psycopg.connect(PG_URL, autocommit=True, connect_timeout=3) as conn:
            schema = f"bench_{uuid.uuid4().hex[:10]}"
            conn.execute(f"CREATE SCHEMA {schema}")
        return schema
    except Exception:
        return None


def _drop(schema: str) -> None:
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def run(limit: int | None) -> list[Row]:
    from urllib.parse import quote

    n = limit or N_ARTICLES
    t0 = time.perf_counter()
    sample = list(recombined(min(n, 50)))
    _check_grounding(sample)
    n_sources = len(_source_briefs())
    t_build = time.perf_counter() - t0
    rows: list[Row] = []
    results = {}
    if "sqlite" in STORES:
        with tempfile.TemporaryDirectory() as tmp:
            db = str(Path(tmp) / "store.db")
            results["SQLite"] = _ingest(db, recombined(n), n)
            results["SQLite"]["size"] = sum(p.stat().st_size for p in Path(tmp).glob("store.db*")) / 1e6
    schema = _pg_schema() if "postgresql" in STORES else None
    if schema:
        try:
            results["PostgreSQL"] = _ingest(f"{PG_URL}?options={quote(f'-csearch_path={schema}')}", recombined(n), n)
        finally:
            _drop(schema)
    note_src = f"{n} articles recombined from paragraphs of {n_sources} briefed sources (spans shifted)"
    for name, r in results.items():
        rows.append(Row("store", f"{name}: ingest of precomputed briefs, articles/s", f"{r['articles'] / r['seconds']:.1f}", "",
                        f"{note_src}; {r['articles']} stored, {r['stories']} stories, {r['seconds']:.0f} s"))  # fmt: skip
        rss = f"{r.get('rss_1k', 0):.0f} / {r['rss_end']:.0f}"
        rows.append(Row("store", f"{name}: RSS after 1k / after {n} articles (MB)", rss, "",
                        f"whole bench process (source briefs included); process peak so far {r['peak']:.0f} MB"
                        + (f"; db {r['size']:.0f} MB" if "size" in r else "")))  # fmt: skip
        s = r["search"]
        rows.append(Row("store", f"{name}: search latency p50 / p95 (ms), {QUERIES} queries", f"{s['p50']:.1f} / {s['p95']:.1f}",
                        "target p95 < 50 ms (SQLite)",
                        f"1-3 words, a quarter with an outlet, a quarter with a date filter; max {s['max']:.0f} ms"))  # fmt: skip
    if "PostgreSQL" not in results:
        why = f"no server at {PG_URL}" if "postgresql" in STORES else "not asked (NEWSBRIEF_BENCH_STORES)"
        rows.append(Row("store", "PostgreSQL", "skipped", "", why))
    rows.append(Row("store", "building the sources' paragraphs (s)", f"{t_build:.1f}", "", "cached briefs read or computed"))
    return rows


def _check_grounding(briefs: list[dict[str, Any]]) -> None:
    """The recombined briefs are valid briefs (spans point at their own text)."""
    from newsbrief.model import Brief

    for b in briefs:
        Brief.model_validate(b)
