"""Value errors of the time analyzer on the TUNING part of TempEval-3 train (never the held-out fifth),
grouped by pattern kind, for error analysis: `python bench/timex_errors.py [--kind K] [--missed] [--spurious]`;
`--heldout` prints the held-out fifth's summary figure only (no listing: it is not tuned on).

Parsed docs are cached in bench/out/ (DocBin), so a rule change re-runs only the time component.
"""

from __future__ import annotations

import argparse
import collections
import importlib
import sys
from pathlib import Path

from bench_timex import held_out_ids
from common import DATA, OUT, read_jsonl

CACHE = OUT / "timex_tuning_docs.spacy"
HELD_CACHE = OUT / "timex_heldout_docs.spacy"


def _docs(gold: list[dict], nlp, cache: Path = CACHE) -> list:
    from spacy.tokens import DocBin

    from newsbrief.ingest.article import Article
    from newsbrief.pipeline import make_doc

    if cache.exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    keep = [n for n, _ in nlp.pipeline if not n.startswith("newsbrief_") or n == "newsbrief_lines"]
    docs = []
    for g in gold:
        doc = make_doc(nlp, Article(text=g["text"], published=str(g["dct"])[:10], published_source="input"))
        for name, proc in nlp.pipeline:
            if name in keep:
                doc = proc(doc)
        docs.append(doc)
    db = DocBin(store_user_data=True)
    for d in docs:
        db.add(d)
    Path(cache).parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(cache)
    return docs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kind", default=None)
    ap.add_argument("--missed", action="store_true", help="list gold timexes we have no overlap for")
    ap.add_argument("--spurious", action="store_true")
    ap.add_argument("--heldout", action="store_true", help="the held-out fifth: its summary figure only, no listing")
    args = ap.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from newsbrief.pipeline import build_nlp

    gold = read_jsonl(DATA / "tempeval3" / "train.jsonl")
    held = held_out_ids(gold)
    tuning = sorted((g for g in gold if (str(g["id"]) in held) == args.heldout), key=lambda g: str(g["id"]))
    nlp = build_nlp()
    docs = _docs(tuning, nlp, HELD_CACHE if args.heldout else CACHE)
    from newsbrief.analyzers import timex as tx
    from newsbrief.analyzers.timex_grammar import find

    importlib.reload(tx)
    ann = tx.TimexAnnotator()
    cats: collections.Counter = collections.Counter()
    ok: collections.Counter = collections.Counter()
    n_gold = n_pred = n_val = 0
    lines = []
    for g, doc in zip(tuning, docs):
        doc._.nb_published = str(g["dct"])[:10]
        preds = [t.model_dump() for t in ann.timexes(doc)]
        kinds = {(m.start, m.end): m.kind for m in find(doc.text)}
        golds = g["timexes"]
        n_gold += len(golds)
        n_pred += len(preds)
        used = set()
        pairs = []
        cand = sorted(
            (
                (min(a["end"], b["end"]) - max(a["start"], b["start"]), i, j)
                for i, a in enumerate(golds)
                for j, b in enumerate(preds)
            ),
            reverse=True,
        )
        gi_used = set()
        for ov, i, j in cand:
            if ov <= 0 or i in gi_used or j in used:
                continue
            gi_used.add(i)
            used.add(j)
            pairs.append((i, j))
        for i, j in pairs:
            a, b = golds[i], preds[j]
            kind = kinds.get((b["start"], b["end"]), "entity?")
            if (a.get("value") or "") == (b.get("value") or ""):
                ok[kind] += 1
                n_val += 1
                continue
            cats[kind] += 1
            if args.kind in (None, kind) and not (args.missed or args.spurious):
                ctx = doc.text[max(0, a["start"] - 60) : a["end"] + 40].replace("\n", " ")
                lines.append(
                    f"[{kind}] dct={g['dct'][:10]} gold {a['text']!r}={a.get('value')} ({a.get('type')}) "
                    f"pred {b['text']!r}={b['value']} ({b['type']}) :: {ctx}"
                )
        if args.missed:
            for i, a in enumerate(golds):
                if i not in gi_used:
                    ctx = doc.text[max(0, a["start"] - 60) : a["end"] + 40].replace("\n", " ")
                    lines.append(f"MISSED {a['text']!r}={a.get('value')} ({a.get('type')}) :: {ctx}")
        if args.spurious:
            for j, b in enumerate(preds):
                if j not in used:
                    ctx = doc.text[max(0, b["start"] - 60) : b["end"] + 40].replace("\n", " ")
                    kind = kinds.get((b["start"], b["end"]), "entity?")
                    lines.append(f"SPURIOUS [{kind}] {b['text']!r}={b['value']} ({b['type']}) :: {ctx}")
    if args.heldout:
        lines = []
    for ln in lines:
        print(ln)
    p, r = n_val / max(1, n_pred), n_val / max(1, n_gold)
    part = "held-out" if args.heldout else "tuning"
    f1 = 2 * p * r / max(1e-9, p + r)
    print(f"\n{part}: gold {n_gold} pred {n_pred} value-correct {n_val}  P {p:.3f} R {r:.3f} F1 {f1:.3f}")
    if not args.heldout:
        print("errors by kind:", ", ".join(f"{k} {v}/{v + ok[k]}" for k, v in cats.most_common()))


if __name__ == "__main__":
    main()
