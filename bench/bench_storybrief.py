"""The story brief: its latency for the largest story of a corpus built from ECB+ dev (briefs
precomputed, ingested into SQLite in a seeded shuffled order), and what it finds on each gold story
of ECB+ dev (real articles of several outlets about one event): corroborated claims, contradictions,
and that every span points into its article.

The baseline, in the same run, counts a claim as corroborated only when another article carries the
same sentence word for word (normalised), which is what syndication alone would give.

The briefs: the newest ECB+ dev brief file under bench/out/briefs/ when there is one (the story
brief reads briefs, and its latency does not hinge on the analyzers' latest version), else computed
once through briefcache.
"""

from __future__ import annotations

import re
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from briefcache import cached_briefs
from common import DATA, OUT, Row, read_jsonl, shuffled, user_input, write_jsonl

REPEAT = 5


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


def run(limit: int | None) -> list[Row]:
    from newsbrief.corpus import Corpus
    from newsbrief.corpus.storybrief import build_story_brief

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
