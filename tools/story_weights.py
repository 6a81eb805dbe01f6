"""Where the story tracker's evidence weights come from, and how far they carry to unseen events.

Feeds ECB+ dev (cached briefs of bench/bench_cluster.py) one article at a time in seeded orders,
but places each article in its *gold* story; every candidate story the tracker would have scored
gives one decision: the evidence (`StoryTracker.evidence`, the real code and the corpus's idf at
that moment) and whether it is the article's story. A logistic regression of those decisions gives
weights on the scale `stories.WEIGHTS` uses (log-odds); the shipped weights are rounded from a fit
of this kind by hand and stay in the code, not learned at run time.

Overfitting check (ECB+ has no separate train file here): topics split in two halves (odd / even
topic ids); weights fitted on one half's decisions, with the threshold that clusters that same half
best (orders 1-3), cluster the other half's articles for real (incremental, shuffled orders 1-9),
B-cubed mean and min on that half; beside them the shipped weights on the same half and orders. The
test half never chooses anything. Weights of evidence ECB+ cannot show (dates: it has none) keep
their shipped values.

    .venv/bin/python tools/story_weights.py          # writes bench/out/cluster/weights.json
    .venv/bin/python tools/story_weights.py --briefs bench/out/briefs/ecbplus-dev-....jsonl  # given briefs
"""

from __future__ import annotations

import json
import random
import statistics
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from briefcache import cached_briefs  # noqa: E402
from common import DATA, OUT, read_jsonl, user_input  # noqa: E402
from newsbrief.corpus import Corpus  # noqa: E402
from newsbrief.corpus.features import features  # noqa: E402
from newsbrief.corpus.sqlite import SQLiteStore  # noqa: E402
from newsbrief.corpus.store import ArticleRow, StoryRow  # noqa: E402
from newsbrief.corpus.stories import WEIGHTS, Params, StoryTracker, story_id  # noqa: E402

SEEDS = (11, 12, 13)  # orders of the decisions (the bench's orders are 1, 2, 3)
TUNE_SEEDS = (1, 2, 3)  # orders on which the fitted weights' threshold is chosen (train half)
EVAL_SEEDS = (1, 2, 3, 4, 5, 6, 7, 8, 9)  # orders of the test half: the bench's 3 and 6 more
LOGIT_THRESHOLDS = (-3.0, -2.5, -2.0, -1.5)


def decisions(briefs: list[dict[str, Any]], label: dict[str, str], seed: int) -> list[tuple[dict[str, float], bool, str]]:
    """(evidence, is the gold story, the article's id) for every candidate story of every article."""
    order = list(briefs)
    random.Random(seed).shuffle(order)
    store = SQLiteStore(":memory:")
    store.migrate()
    tracker = StoryTracker(store)
    gold_story: dict[str, str] = {}
    out = []
    for seq, b in enumerate(order):
        feats = features(b)
        with store.transaction():
            store.add_doc(list(feats.terms) + list(feats.names))
            vec, names = tracker._vectors(feats)
            mine = gold_story.get(label[b["id"]])
            for story in tracker.candidates(vec, names):
                out.append((tracker.evidence(vec, names, feats, story), story.id == mine, b["id"]))
            row = ArticleRow(id=b["id"], content_hash="", exact_hash="", published=b.get("published"), seq=seq)
            story = store.get_stories([mine], raw=True)[0] if mine else StoryRow(id=story_id(b["id"]), first_seq=seq, raw={})
            tracker._grow(story, row, feats)
            gold_story[label[b["id"]]] = story.id
    store.close()
    return out


def fit(rows: list[tuple[dict[str, float], bool, str]], keys: list[str]) -> tuple[dict[str, float], float]:
    from sklearn.linear_model import LogisticRegression

    x = [[ev.get(k, 0.0) for k in keys] for ev, _, _ in rows]
    y = [int(j) for _, j, _ in rows]
    m = LogisticRegression(C=1.0, max_iter=5000).fit(x, y)
    return {k: round(float(w), 2) for k, w in zip(keys, m.coef_[0])}, float(m.intercept_[0])


def bcubed(pred: dict[str, str], label: dict[str, str]) -> float:
    by_gold: dict[str, set[str]] = {}
    by_pred: dict[str, set[str]] = {}
    for i in pred:
        by_gold.setdefault(label[i], set()).add(i)
        by_pred.setdefault(pred[i], set()).add(i)
    p = statistics.mean(len(by_pred[pred[i]] & by_gold[label[i]]) / len(by_pred[pred[i]]) for i in pred)
    r = statistics.mean(len(by_pred[pred[i]] & by_gold[label[i]]) / len(by_gold[label[i]]) for i in pred)
    return 2 * p * r / (p + r)


def cluster_f1s(briefs: list[dict[str, Any]], label: dict[str, str], params: Params, seeds: tuple[int, ...]) -> list[float]:
    """B-cubed F1 of the real incremental clustering, one per seeded order."""
    out = []
    for seed in seeds:
        order = list(briefs)
        random.Random(seed).shuffle(order)
        with Corpus.open(":memory:", params=params) as corpus:
            out.append(bcubed({b["id"]: corpus.add_brief(b).story_id for b in order}, label))
    return out


def summary(f1s: list[float]) -> str:
    return f"{statistics.mean(f1s):.4f} / {min(f1s):.4f}"


def main() -> None:
    gold = read_jsonl(DATA / "ecbplus" / "dev.jsonl")
    if "--briefs" in sys.argv:
        records = read_jsonl(Path(sys.argv[sys.argv.index("--briefs") + 1]))
    else:
        records, _ = cached_briefs("ecbplus-dev", [user_input(g) for g in gold])
    briefs = [r for r in records if "error" not in r]
    label = {g["id"]: g["cluster"] for g in gold}
    topic = {g["id"]: g["topic"] for g in gold}
    rows = [r for seed in SEEDS for r in decisions(briefs, label, seed)]
    keys = sorted({k for ev, _, _ in rows for k in ev})
    weights, bias = fit(rows, keys)
    print("all decisions:", len(rows), "bias", round(bias, 2), weights)
    halves = [{t for t in set(topic.values()) if t % 2 == h} for h in (0, 1)]
    report: dict[str, Any] = {"weights_all": weights, "bias_all": round(bias, 2), "halves": []}
    for test in halves:
        train_rows = [r for r in rows if topic[r[2]] not in test]
        w, b = fit(train_rows, keys)
        w = {**w, **{k: v for k, v in WEIGHTS.items() if k not in keys}}  # what ECB+ cannot show stays shipped
        train = [x for x in briefs if topic[x["id"]] not in test]
        part = [x for x in briefs if topic[x["id"]] in test]
        tuned = {
            t: statistics.mean(cluster_f1s(train, label, Params(threshold=t - b, weights=tuple(w.items())), TUNE_SEEDS))
            for t in LOGIT_THRESHOLDS
        }
        t_best = max(tuned, key=lambda t: tuned[t])
        shipped = cluster_f1s(part, label, Params(), EVAL_SEEDS)
        learned = cluster_f1s(part, label, Params(threshold=t_best - b, weights=tuple(w.items())), EVAL_SEEDS)
        line = {"test_topics": sorted(test), "articles": len(part), "orders": len(EVAL_SEEDS),
                "shipped_mean_min": summary(shipped), "learned_on_other_half_mean_min": summary(learned),
                "logit_threshold_chosen_on_train_half": t_best,
                "train_half_by_threshold": {str(t): round(f, 4) for t, f in tuned.items()}}  # fmt: skip
        print(line)
        report["halves"].append(line)
    report["shipped_weights"] = WEIGHTS
    path = OUT / "cluster" / "weights.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print("wrote", path)


if __name__ == "__main__":
    main()
