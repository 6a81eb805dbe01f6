"""Events across the corpus: how many article events collapse into one corpus event when several
articles report the same real-world event, and how many of those merges are wrong, on ECB+ dev (its
gold clusters are same-event articles; briefs computed once, fed to a throwaway store in file order).

Counted: events between two corpus actors (those the corpus records). "Per-article events" counts an
event once per article that reports it (what a count without cross-article dedup gives, GDELT-style);
"corpus events" counts it once. A merge is the joining of one more article to an event; it is
cross-cluster when the articles are of different gold clusters (a false merge: ECB+ pairs each event
with a similar one of the same topic). ECB+ articles have no dates, so every event here is undated
and matched on its parties, action and place alone: the date window, which keeps apart two visits
weeks apart in a dated corpus, cannot help, and this is the hard case for false merges.

MEANTIME dev (dated Wikinews articles) links event mentions across documents (`instance`): there,
pairs of recorded reports in two articles whose triggers overlap gold events are scored as merged or
not against the gold (pairwise precision and recall). Few of its cross-document events are between two
named actors, so this figure rests on a handful of pairs."""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from typing import Any

from briefcache import cached_briefs
from common import DATA, Row, read_jsonl, user_input


def measure(briefs: list[dict[str, Any]], cluster_of: dict[str, str]) -> dict[str, Any]:
    from newsbrief.corpus import Corpus

    with Corpus.open(":memory:") as corpus:
        for b in briefs:
            corpus.add_brief(b)
        store: Any = corpus.store
        sources = store.execute("SELECT DISTINCT event_id, article_id FROM event_sources").fetchall()
        mentions = int(store.execute("SELECT COUNT(*) FROM event_sources").fetchone()[0])
        coded = int(store.execute("SELECT COUNT(*) FROM events WHERE cameo IS NOT NULL").fetchone()[0])
    by_event: dict[str, list[str]] = defaultdict(list)
    for eid, aid in sources:
        by_event[eid].append(cluster_of[aid])
    merges = cross = 0
    multi = pure = 0
    per_cluster_raw: Counter[str] = Counter()
    per_cluster_events: dict[str, set[str]] = defaultdict(set)
    for eid, clusters in by_event.items():
        k = len(set(clusters))
        merges += len(clusters) - 1
        cross += k - 1
        if len(clusters) > 1:
            multi += 1
            pure += k == 1
        for c in clusters:
            per_cluster_raw[c] += 1
            per_cluster_events[c].add(eid)
    n_clusters = len(set(cluster_of.values()))
    return {
        "mentions": mentions,
        "per_article": len(sources),
        "corpus": len(by_event),
        "coded": coded,
        "merges": merges,
        "cross": cross,
        "multi": multi,
        "pure": pure,
        "raw_per_cluster": sum(per_cluster_raw.values()) / n_clusters,
        "events_per_cluster": sum(len(v) for v in per_cluster_events.values()) / n_clusters,
    }


def meantime_pairs(limit: int | None) -> dict[str, int]:
    """Pairwise scores of cross-article merges against MEANTIME's cross-document event instances."""
    from newsbrief.corpus import Corpus

    gold = read_jsonl(DATA / "meantime" / "dev.jsonl", limit)
    records, _ = cached_briefs("meantime-dev" if not limit else f"meantime-dev-{limit}", [user_input(g) for g in gold])
    events = {g["id"]: [e for e in g["events"] if e.get("instance")] for g in gold}

    def instance(aid: str, start: int, end: int) -> str | None:
        return next((e["instance"] for e in events[aid] if e["start"] < end and start < e["end"]), None)

    with Corpus.open(":memory:") as corpus:
        for b in records:
            if b.get("schema") == "newsbrief/1":
                corpus.add_brief(b)
        store: Any = corpus.store
        rows = store.execute("SELECT event_id, article_id, trigger_start, trigger_end FROM event_sources").fetchall()
    aligned = [(eid, aid, g) for eid, aid, s, e in rows if (g := instance(aid, s, e))]
    tp = fp = fn = 0
    for a, b in itertools.combinations(aligned, 2):
        if a[1] != b[1]:
            same, gold_same = a[0] == b[0], a[2] == b[2]
            tp, fp, fn = tp + (same and gold_same), fp + (same and not gold_same), fn + (gold_same and not same)
    articles: dict[str, set[str]] = defaultdict(set)
    for _, aid, g in aligned:
        articles[g].add(aid)
    return {"tp": tp, "fp": fp, "fn": fn, "reports": len(rows), "aligned": len(aligned),
            "instances": sum(len(v) > 1 for v in articles.values())}  # fmt: skip


def run(limit: int | None) -> list[Row]:
    gold = read_jsonl(DATA / "ecbplus" / "dev.jsonl", limit)
    records, _ = cached_briefs("ecbplus-dev" if not limit else f"ecbplus-dev-{limit}", [user_input(g) for g in gold])
    briefs = [r for r in records if r.get("schema") == "newsbrief/1"]
    m = measure(briefs, {g["id"]: g["cluster"] for g in gold})
    name = f"ECB+ dev ({len(briefs)} articles, undated)"
    mt = meantime_pairs(limit)
    return [
        Row(
            "relations",
            f"{name}: corpus events / per-article events",
            f"{m['corpus']} / {m['per_article']}",
            f"{m['per_article']} (no dedup)",
            f"{m['merges']} merges ({m['multi']} events with 2+ sources); {m['mentions']} mentions; {m['coded']} with CAMEO",
        ),
        Row(
            "relations",
            f"{name}: merges within one gold cluster",
            f"{m['merges'] - m['cross']}/{m['merges']} ({(m['merges'] - m['cross']) / max(1, m['merges']):.0%})",
            "",
            f"{m['cross']} merges join articles of different gold clusters (false merges); "
            f"{m['pure']}/{m['multi']} multi-source events are pure",
        ),
        Row(
            "relations",
            f"{name}: events per gold cluster",
            f"{m['events_per_cluster']:.1f}",
            f"{m['raw_per_cluster']:.1f} (no dedup)",
            "counted with each cluster an event has a source in",
        ),
        Row(
            "relations",
            "MEANTIME dev (dated): cross-article pairs of one gold event, merged",
            f"{mt['tp']}/{mt['tp'] + mt['fn']}",
            "0 (no dedup)",
            f"{mt['fp']} pairs merged that gold keeps apart; {mt['instances']} gold cross-document event(s) among "
            f"{mt['aligned']} of {mt['reports']} recorded reports aligned to gold events",
        ),
    ]
