"""Stories: incremental clustering of ECB+ dev (articles fed one at a time in 3 seeded shuffled
orders, from briefs computed once), against a TF-IDF + agglomerative baseline in the same run,
both scored with ../shared/eval/score_clusters.py (B-cubed F1).

ECB+ has no dates. A SYNTHETIC variant (`synthetic_dates`, rows labelled "synthetic dates") gives
each gold event a made-up date, the events of one topic weeks or months apart, each article a date
a few days after its event; then drops the date of about half the articles and the title (the first
sentence, which ECB+ puts at the start of the text) of many: the messy stream real outlets give.
The same lines are clustered with their dates and with every date removed, so the rows say whether
the date features help and whether they ever hurt; and once more with dates that tell nothing (the
same articles dated, all on one day), since a date shared by unrelated events must not merge them.

    .venv/bin/python bench/run.py cluster             # all rows
    .venv/bin/python bench/bench_cluster.py --dated   # the synthetic-dates rows alone
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from typing import Any

from briefcache import cached_briefs
from common import DATA, OUT, Row, read_jsonl, score, shuffled, user_input, write_jsonl

SEEDS = (1, 2, 3)
MORE_SEEDS = (4, 5, 6, 7, 8, 9)  # a check of order luck: the figures above are 3 orders of many
UNDATED = 0.5  # synthetic variant: share of articles whose date is dropped
UNTITLED = 0.6  # and whose title (first sentence) is dropped
_YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")


def synthetic_dates(gold: list[dict[str, Any]], seed: int = 0) -> list[dict[str, Any]]:
    """SYNTHETIC user lines of ECB+ with made-up dates (see the module's docstring): each topic is
    anchored in the year its texts mention most (so that dates and written years do not contradict),
    its events 3 to 20 weeks apart, each article dated 0 to 3 days after its event; then about half
    the dates and many titles (with the first sentence they open) dropped, all seeded."""
    rng = random.Random(seed)
    topics: dict[Any, list[str]] = defaultdict(list)
    years: dict[Any, Counter[str]] = defaultdict(Counter)
    for g in gold:
        if g["cluster"] not in topics[g["topic"]]:
            topics[g["topic"]].append(g["cluster"])
        years[g["topic"]].update(_YEAR.findall(g["text"]))
    event_day: dict[str, dt.date] = {}
    for t in sorted(topics, key=str):
        year = int(years[t].most_common(1)[0][0]) if years[t] else 2012
        day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(0, 200))
        for cluster in sorted(topics[t]):
            event_day[cluster] = day
            day += dt.timedelta(weeks=rng.randint(3, 20))
    out = []
    for g in gold:
        line = user_input(g)
        day = event_day[g["cluster"]] + dt.timedelta(days=rng.randint(0, 3))
        line["published"] = None if rng.random() < UNDATED else day.isoformat()
        title = line.get("title")
        if rng.random() < UNTITLED and title:
            line["title"] = None
            if line["text"].startswith(title):
                line["text"] = line["text"][len(title) :].lstrip() or line["text"]
        out.append(line)
    return out


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
        *run_dated(limit),
    ]


def run_dated(limit: int | None) -> list[Row]:
    """The SYNTHETIC-dates rows: the same made-up lines clustered with their dates and without any."""
    gold_path = DATA / "ecbplus" / "dev.jsonl"
    gold = read_jsonl(gold_path, limit)
    if limit:
        gold_path = write_jsonl(OUT / "cluster" / "gold.jsonl", gold)
    lines = synthetic_dates(gold)
    tag = "" if not limit else f"-{limit}"
    variants = {
        "dated": lines,
        "no dates": [dict(line, published=None) for line in lines],
    }
    seeds = SEEDS + MORE_SEEDS
    got: dict[str, list[dict[str, Any]]] = {}
    by_variant: dict[str, dict[str, dict[str, Any]]] = {}
    for name, inputs in variants.items():
        records, _ = cached_briefs(f"ecbplus-dev-synthetic-{name.replace(' ', '')}{tag}", inputs)
        by_variant[name] = {r["id"]: r for r in records if "error" not in r}
    # the dates that tell nothing: the undated briefs, the same articles dated but all on one day
    one_day = {line["id"] for line in lines if line["published"]}
    by_variant["one day"] = {
        i: dict(b, published="2012-06-01" if i in one_day else None) for i, b in by_variant["no dates"].items()
    }
    for name, briefs in by_variant.items():
        got[name] = [
            f1(
                gold_path,
                cluster_briefs([briefs[g["id"]] for g in shuffled(gold, seed) if g["id"] in briefs]),
                f"synthetic-{name.replace(' ', '')}-{seed}",
            )
            for seed in seeds
        ]
    n_dated = sum(1 for line in lines if line["published"])
    n_untitled = sum(1 for line in lines if not line["title"])

    def fig(rs: list[dict[str, Any]]) -> str:
        f = [r["f1"] for r in rs]
        a, b = f[: len(SEEDS)], f[len(SEEDS) :]
        return f"{statistics.mean(a):.3f} / {min(a):.3f} · {statistics.mean(b):.3f} / {min(b):.3f}"

    worst = min(d["f1"] - u["f1"] for d, u in zip(got["dated"], got["no dates"]))
    return [
        Row(
            "stories",
            f"SYNTHETIC dates on ECB+ dev ({n_dated} of {len(lines)} articles dated, {n_untitled} without title or first "
            f"sentence; events of a topic 3-20 weeks apart): mean / min B-cubed F1, seeds 1-3 · seeds 4-9",
            fig(got["dated"]),
            f"{fig(got['no dates'])} (same lines, no dates)",
            f"target ≥ 0.90; dated minus undated per order: worst {worst:+.3f}",
        ),
        Row(
            "stories",
            "SYNTHETIC dates that tell nothing: the lines without dates, the same articles dated but all on one day "
            "(dates given to the clustering only): mean / min B-cubed F1, seeds 1-3 · seeds 4-9",
            fig(got["one day"]),
            f"{fig(got['no dates'])} (no dates)",
            "a date alone must not merge events",
        ),
    ]


if __name__ == "__main__":
    from run import table

    print(table(run_dated(None) if "--dated" in sys.argv else run(None)))
