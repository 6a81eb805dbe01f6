"""The story brief: its latency for the largest story of a corpus built from ECB+ dev (briefs
precomputed, ingested into SQLite in a seeded shuffled order), and what it finds on each gold story
of ECB+ dev (real articles of several outlets about one event): corroborated claims, contradictions,
and that every span points into its article.

The baseline, in the same run, counts a claim as corroborated only when another article carries the
same sentence word for word (normalised), which is what syndication alone would give.

The briefs: the newest ECB+ dev brief file under bench/out/briefs/ when there is one (the story
brief reads briefs, and its latency does not hinge on the analyzers' latest version), else computed
once through briefcache.

When bench_pages has kept its 10,000-article store (bench/out/pages/store-10000.db, made with
BENCH_PAGES_KEEP=1), the story brief as the story page gets it (`views.story`: store reads included)
is timed on that store's biggest stories too, on a copy: the build an ingest run does at its end for
the stories it touched (the stored brief deleted before each call, so the call builds and stores it),
cold, the story brief's caches of per-word work (stems, folds, name keys) emptied before each call,
the median of REPEAT calls per story (one call alone swings by half on a shared machine).
"""

from __future__ import annotations

import re
import shutil
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from briefcache import cached_briefs
from common import DATA, OUT, Row, read_jsonl, shuffled, user_input, write_jsonl

REPEAT = 5
N_BIG = 10  # biggest stories of the 10k-article store timed


def _briefs(limit: int | None) -> tuple[list[dict[str, Any]], str]:
    if not limit:
        files = sorted((OUT / "briefs").glob("ecbplus-dev-*.jsonl"), key=lambda p: p.stat().st_mtime)
        if files:
            return read_jsonl(files[-1]), files[-1].name
    inputs = [user_input(g) for g in read_jsonl(DATA / "ecbplus" / "dev.jsonl", limit)]
    records, _ = cached_briefs("ecbplus-dev" if not limit else f"ecbplus-dev-{limit}", inputs)
    return records, "computed"


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _grounding_errors(sb: dict[str, Any], briefs: dict[str, dict[str, Any]]) -> int:
    bad = 0
    spans = [x for k in ("key_points", "claims", "timeline") for x in sb[k]]
    spans += [v for c in sb["contradictions"] for v in c["variants"]]
    spans += [q for g in sb["quotes"] for q in g["quotes"]]
    for x in spans:
        bad += briefs[x["article"]]["text"][x["start"] : x["end"]] != x["text"]
    return bad


def _store_latency() -> Row | None:
    """views.story building the brief of the N_BIG biggest stories of bench_pages' kept 10k store, cold, REPEAT calls each."""
    from newsbrief.corpus import views
    from newsbrief.corpus.store import open_store

    kept = OUT / "pages" / "store-10000.db"
    if not kept.exists():
        return None
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "store.db"
        shutil.copy(kept, db)
        with open_store(str(db), create=False) as store:
            q = store.execute  # type: ignore[attr-defined]
            big = [(r[0], r[1]) for r in q("SELECT id, n_articles FROM stories ORDER BY n_articles DESC, id LIMIT ?", (N_BIG,))]
            other = q("SELECT id FROM stories ORDER BY n_articles DESC, id LIMIT 1 OFFSET ?", (N_BIG,)).fetchone()
            if other:
                views.story(store, other[0])  # imports and data files loaded, as in a server that has served a page
            times, cpu = [], []  # wall; CPU (what a shared machine's load leaves steady)
            for sid, _n in big:
                calls, cpu_calls = [], []
                for _ in range(REPEAT):
                    _empty_caches()
                    with store.transaction():  # type: ignore[attr-defined]
                        q("DELETE FROM story_briefs WHERE story_id = ?", (sid,))  # timed: the build, not a stored read
                    t0, c0 = time.perf_counter(), time.process_time()
                    views.story(store, sid)
                    calls.append(time.perf_counter() - t0)
                    cpu_calls.append(time.process_time() - c0)
                times.append(statistics.median(calls))
                cpu.append(statistics.median(cpu_calls))
    if not big:
        return None
    sizes = [n for _, n in big]
    return Row(
        "story brief",
        f"building the story brief (views.story, none stored; an ingest run does it at its end), "
        f"{len(big)} biggest stories of the 10k-article store "
        f"({min(sizes)}–{max(sizes)} articles), cold: median / max over the stories, ms",
        f"{statistics.median(times) * 1000:.0f} / {max(times) * 1000:.0f}",
        "",
        f"the {max(sizes)}-article story: {times[0] * 1000:.0f} ms (CPU {cpu[0] * 1000:.0f} ms; median / max CPU "
        f"{statistics.median(cpu) * 1000:.0f} / {max(cpu) * 1000:.0f}); median of {REPEAT} calls per story; store reads included",
    )


def _empty_caches() -> None:
    """The caches the story brief fills with per-word work (stems, folds, name keys), emptied."""
    import importlib

    from newsbrief.corpus import features

    parts = [importlib.import_module(f"newsbrief.corpus.storybrief_{m}") for m in ("units", "contradictions", "times")]
    for f in [features.stem, *(f for m in parts for f in vars(m).values() if hasattr(f, "cache_clear"))]:
        if getattr(f, "__name__", "") not in ("_data", "_titles"):  # data files are read once per process
            f.cache_clear()


def run(limit: int | None) -> list[Row]:
    from newsbrief.corpus import Corpus
    from newsbrief.corpus.storybrief import build_story_brief

    # first, while this process holds little (as a server does, not thousands of briefs for the collector to walk)
    store_row = _store_latency() if not limit else None
    gold = read_jsonl(DATA / "ecbplus" / "dev.jsonl", limit)
    records, origin = _briefs(limit)
    by_id = {r["id"]: r for r in records if "error" not in r}
    gold = [g for g in gold if g["id"] in by_id]
    rows: list[Row] = []

    # latency: the largest story of a corpus built from the briefs
    with tempfile.TemporaryDirectory() as tmp, Corpus.open(str(Path(tmp) / "sb.db")) as corpus:
        for g in shuffled(gold, 1):
            corpus.add_brief(by_id[g["id"]])
        store = corpus.store
        stories = store.list_stories()
        largest = max(stories, key=lambda s: (s.n_articles, s.id))
        t0 = time.perf_counter()
        arts = store.story_articles(largest.id)
        briefs = {a.id: store.get_brief(a.id) or {} for a in arts}
        t_fetch = time.perf_counter() - t0
        art_dicts = [
            {"id": a.id, "source": a.source, "url": a.url, "published": a.published, "title": a.title, "copy_of": a.copy_of}
            for a in arts
        ]
        times = []
        for _ in range(REPEAT):
            t0 = time.perf_counter()
            sb = build_story_brief({"id": largest.id, "title": largest.title}, art_dicts, briefs)
            times.append(time.perf_counter() - t0)
    rows.append(
        Row(
            "story brief",
            f"latency, largest story of an ECB+ dev corpus ({len(arts)} articles, {len(stories)} stories): ms",
            f"{statistics.median(times) * 1000:.0f}",
            "",
            f"median of {REPEAT}; + {t_fetch * 1000:.0f} ms to read its articles and briefs from SQLite; briefs: {origin}",
        )
    )
    if store_row is not None:
        rows.append(store_row)

    # what it finds on the gold stories
    clusters: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in gold:
        clusters[g["cluster"]].append(
            {"id": g["id"], "source": None, "url": None, "published": None, "title": g.get("title"), "copy_of": None}
        )
    n_claims = n_corr = n_base = n_contra = bad = n_multi = 0
    kinds: dict[str, int] = defaultdict(int)
    out = []
    for cid, arts_ in clusters.items():
        if len(arts_) < 2:
            continue
        n_multi += 1
        bs = {a["id"]: by_id[a["id"]] for a in arts_}
        sb = build_story_brief({"id": cid, "title": arts_[0]["title"]}, arts_, bs)
        bad += _grounding_errors(sb, bs)
        n_claims += len(sb["claims"])
        n_corr += sum(1 for c in sb["claims"] if len(c["support"]) > 1)
        n_contra += len(sb["contradictions"])
        for c in sb["contradictions"]:
            kinds[c["kind"]] += 1
        seen: dict[str, set[str]] = defaultdict(set)
        for a in arts_:
            for st in bs[a["id"]].get("statements", []):
                if st.get("modality") == "asserted":
                    seen[_norm(st["text"])].add(a["id"])
        n_base += sum(1 for arts_of in seen.values() if len(arts_of) > 1)
        out.append(
            {
                "story": cid,
                "contradictions": sb["contradictions"],
                "corroborated": [c for c in sb["claims"] if len(c["support"]) > 1],
            }
        )
    write_jsonl(OUT / "storybrief_ecbplus_dev.jsonl", out)
    rows.append(
        Row(
            "story brief",
            f"ECB+ dev gold stories ({n_multi} with 2+ articles): corroborated claims (support >= 2)",
            f"{n_corr} of {n_claims}",
            f"{n_base} (same sentence word for word)",
            "",
        )
    )
    rows.append(
        Row(
            "story brief",
            "ECB+ dev gold stories: contradictions found (number / date-time / name)",
            f"{n_contra} ({kinds['number']} / {kinds['date/time']} / {kinds['name']})",
            "",
            "read by hand in bench/out/storybrief_ecbplus_dev.jsonl",
        )
    )
    rows.append(Row("story brief", "spans not pointing into their article", str(bad), "", "must be 0"))
    return rows
