"""Stories: incremental clustering of ECB+ dev (articles fed one at a time in 3 seeded shuffled
orders, from briefs computed once), against a TF-IDF + agglomerative baseline in the same run,
both scored with ../shared/eval/score_clusters.py (B-cubed F1)."""

from __future__ import annotations

import json
import statistics
import time
from collections import Counter, defaultdict
from typing import Any

from briefcache import cached_briefs
from common import DATA, OUT, Row, read_jsonl, score, shuffled, user_input, write_jsonl

SEEDS = (1, 2, 3)
MORE_SEEDS = (4, 5, 6, 7, 8, 9)  # a check of order luck: the figures above are 3 orders of many


def cluster_briefs(briefs: list[dict[str, Any]], params: Any = None) -> list[dict[str, str]]:
    """{"id", "cluster"} per brief, through the store's incremental story tracking (throwaway store)."""
    from newsbrief.corpus import Corpus

    with Corpus.open(":memory:", params=params) as corpus:
        return [{"id": b["id"], "cluster": corpus.add_brief(b).story_id} for b in briefs]


def baseline(briefs: list[dict[str, Any]], threshold: float = 0.8) -> list[dict[str, str]]:
    """TF-IDF of the whole set at once + average-link agglomerative clustering on cosine distance."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [(b.get("title") or "") + "\n" + b["text"] for b in briefs]
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1).fit_transform(texts).toarray()
    labels = AgglomerativeClustering(
        n_clusters=None, distance_threshold=threshold, metric="cosine", linkage="average"
    ).fit_predict(x)
    return [{"id": b["id"], "cluster": f"b{lab}"} for b, lab in zip(briefs, labels)]


def errors(gold: list[dict[str, Any]], pred: list[dict[str, str]]) -> list[str]:
    """The mistakes of one order, biggest first: predicted stories that mix events, and events spread over stories
    (so that the next attempt at the clustering starts from where it goes wrong, not from the F1 alone)."""
    label = {g["id"]: g["cluster"] for g in gold}
    by_story: dict[str, Counter[str]] = defaultdict(Counter)
    by_event: dict[str, Counter[str]] = defaultdict(Counter)
    for p in pred:
        by_story[p["cluster"]][label[p["id"]]] += 1
        by_event[label[p["id"]]][p["cluster"]] += 1
    merged = sorted((c for c in by_story.values() if len(c) > 1), key=lambda c: -sum(c.values()) + max(c.values()))
    split = sorted(((e, c) for e, c in by_event.items() if len(c) > 1), key=lambda ec: -sum(ec[1].values()) + max(ec[1].values()))
    return [f"merged: {dict(c.most_common())}" for c in merged] + [
        f"split: {e} {sorted(c.values(), reverse=True)}" for e, c in split
    ]


def f1(gold_path: Any, pred: list[dict[str, str]], name: str) -> dict[str, Any]:
    path = write_jsonl(OUT / "cluster" / f"{name}.jsonl", pred)
    return json.loads(score("score_clusters.py", gold_path, path, "--json")[-1])


def run(limit: int | None) -> list[Row]:
    gold_path = DATA / "ecbplus" / "dev.jsonl"
    gold = read_jsonl(gold_path, limit)
    if limit:
        gold_path = write_jsonl(OUT / "cluster" / "gold.jsonl", gold)
    records, t_analysis = cached_briefs("ecbplus-dev" if not limit else f"ecbplus-dev-{limit}", [user_input(g) for g in gold])
    briefs = {r["id"]: r for r in records if "error" not in r}
    ours, base, secs = [], [], []
    for seed in SEEDS:
        order = [briefs[g["id"]] for g in shuffled(gold, seed) if g["id"] in briefs]
        t0 = time.perf_counter()
        pred = cluster_briefs(order)
        secs.append(time.perf_counter() - t0)
        ours.append(f1(gold_path, pred, f"ours-{seed}"))
        (OUT / "cluster" / f"errors-{seed}.txt").write_text("\n".join(errors(gold, pred)) + "\n", encoding="utf-8")
        base.append(f1(gold_path, baseline(order), f"baseline-{seed}"))
    mean = statistics.mean(r["f1"] for r in ours)
    n = len(briefs)
    more = [
        f1(gold_path, cluster_briefs([briefs[g["id"]] for g in shuffled(gold, seed) if g["id"] in briefs]), f"ours-{seed}")
        for seed in MORE_SEEDS
    ]
    return [
        Row(
            "stories",
            f"ECB+ dev ({n} articles, {len({g['cluster'] for g in gold})} events), 3 shuffled orders: mean B-cubed F1",
            f"{mean:.3f}",
            f"{statistics.mean(r['f1'] for r in base):.3f} (TF-IDF + agglomerative)",
            "target ≥ 0.93",
        ),
        Row(
            "stories",
            "min B-cubed F1 over the orders",
            f"{min(r['f1'] for r in ours):.3f}",
            f"{min(r['f1'] for r in base):.3f}",
            f"P {statistics.mean(r['p'] for r in ours):.3f} R {statistics.mean(r['r'] for r in ours):.3f}; "
            f"{statistics.mean(r['predicted_clusters'] for r in ours):.0f} stories predicted",
        ),
        Row(
            "stories",
            f"mean (min) B-cubed F1 over {len(MORE_SEEDS)} more orders (seeds {MORE_SEEDS[0]}-{MORE_SEEDS[-1]})",
            f"{statistics.mean(r['f1'] for r in more):.3f} ({min(r['f1'] for r in more):.3f})",
            "",
            "how much the 3 orders above owe to luck",
        ),
        Row(
            "stories",
            "clustering time per article (store included, precomputed briefs)",
            f"{1000 * statistics.mean(secs) / n:.1f} ms",
            "",
            f"analysis was {1000 * t_analysis / max(1, len(records)):.0f} ms/article",
        ),
    ]
