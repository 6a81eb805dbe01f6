"""Ingest: articles/s into SQLite for the whole path (analysis + store) on a subset, and the store's
own cost (dedup, stories, actors, one transaction per article) on briefs computed once, against
the analysis time of the same articles measured in this run. The story briefs an ingest run stores at
its end (so that a story's first view reads them) are timed apart: they are analysis of the stories,
not the store's bookkeeping, and their cost per article grows with the stories a run touches."""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

from briefcache import cached_briefs
from common import DATA, Row, read_jsonl, shuffled, user_input

SUBSET = 40  # articles analysed in this run to put the store's cost beside the analysis


def run(limit: int | None) -> list[Row]:
    from newsbrief.corpus import Corpus
    from newsbrief.ingest.jsonl import read_lines
    from newsbrief.pipeline import build_nlp

    gold = shuffled(read_jsonl(DATA / "ecbplus" / "dev.jsonl", limit), 1)
    inputs = [user_input(g) for g in gold]
    records, _cached_seconds = cached_briefs(
        "ecbplus-dev" if not limit else f"ecbplus-dev-{limit}",
        [user_input(g) for g in read_jsonl(DATA / "ecbplus" / "dev.jsonl", limit)],
    )
    by_id = {r["id"]: r for r in records if "error" not in r}
    briefs = [by_id[i["id"]] for i in inputs if i["id"] in by_id]
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        with Corpus.open(db) as corpus:
            t0 = time.perf_counter()
            for b in briefs:
                corpus.add_brief(b)
            t_store = time.perf_counter() - t0
            t0 = time.perf_counter()
            n_stories = corpus.store_story_briefs()
            t_briefs = time.perf_counter() - t0
            t0 = time.perf_counter()
            for b in briefs:
                corpus.add_brief(b)
            t_again = time.perf_counter() - t0
        size_mb = sum(p.stat().st_size for p in Path(tmp).glob("bench.db*")) / 1e6

        # the whole path on a subset: analysis + store, as `newsbrief ingest` runs it
        sub = inputs[:SUBSET]
        build_nlp()
        items = [a for _, a in read_lines(json.dumps(r) for r in sub)]
        with Corpus.open(str(Path(tmp) / "full.db")) as corpus:
            t0 = time.perf_counter()
            report = corpus.ingest(items)
            t_full = time.perf_counter() - t0
        sub_ids = {r["id"] for r in sub}
        sub_briefs = [b for b in briefs if b["id"] in sub_ids]
        with Corpus.open(str(Path(tmp) / "store-only.db")) as corpus:
            t0 = time.perf_counter()
            for b in sub_briefs:
                corpus.add_brief(b)
            corpus.store_story_briefs()  # as `ingest` does at its end: not analysis of the articles
            t_sub_store = time.perf_counter() - t0
    n, m = len(briefs), len(sub)
    t_analysis = max(1e-9, t_full - t_sub_store)
    per_analysis = t_analysis / m
    rows.append(
        Row(
            "ingest",
            f"whole path (analysis + SQLite), {m} ECB+ articles: articles/s",
            f"{m / t_full:.2f}",
            "",
            f"{report.count('added')} added, {report.count('error')} errors",
        )
    )
    rows.append(
        Row(
            "ingest",
            f"store only: {n} precomputed briefs into SQLite (WAL, one transaction each): articles/s",
            f"{n / t_store:.1f}",
            "",
            f"{1000 * t_store / n:.1f} ms/article; re-ingest (unchanged) {n / t_again:.0f}/s; db {size_mb:.1f} MB",
        )
    )
    rows.append(
        Row(
            "ingest",
            "store's own cost vs analysis time (per article, this run)",
            f"{100 * (t_store / n) / per_analysis:.1f}%",
            "",
            f"store {1000 * t_store / n:.0f} ms/article over all {n} vs analysis {1000 * t_analysis / m:.0f} ms/article; "
            f"on the {m} analysed (with their story briefs): {100 * t_sub_store / t_analysis:.1f}%; target < 15%",
        )
    )
    rows.append(
        Row(
            "ingest",
            f"story briefs stored at the end of one {n}-article run: ms/article",
            f"{1000 * t_briefs / n:.1f}",
            "",
            f"{n_stories} stories built once each, {100 * (t_briefs / n) / per_analysis:.1f}% of the analysis time; "
            "a run of a few articles rebuilds whole stories (more per article)",
        )
    )
    return rows
