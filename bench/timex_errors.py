"""Value errors of the time analyzer on the TUNING part of TempEval-3 train (never the held-out fifth),
grouped by pattern kind, for error analysis:
`python bench/timex_errors.py [--kind K] [--missed] [--spurious] [--by-text] [--by-kind] [--types] [--ok]
[--word RX] [--unannotated]`;
`--by-text`/`--by-kind` group the predictions (value-right, value-wrong, type-wrong, spurious) with what
dropping each group would do to value F1; `--types` lists the wrong-type matches by kind and type pair;
`--word RX` lists each occurrence of RX in the texts, inside a gold timex or not (what TimeBank leaves
out); `--unannotated` counts that for the lexicon's references and sets and a few doubtful words.
`--heldout` prints the held-out fifth's summary figure only (no listing: it is not tuned on).

Parsed docs are cached in bench/out/ (DocBin), so a rule change re-runs only the time component.
"""

from __future__ import annotations

import argparse
import collections
import importlib
import re
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


def _norm_text(s: str) -> str:
    """A prediction's text as a group key: lowercased, digits folded to 0, spaces collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"[0-9]+", "0", s.lower())).strip()


def _ctx(text: str, start: int, end: int) -> str:
    return text[max(0, start - 60) : end + 40].replace("\n", " ")


def _report_groups(rows: list[dict], key: str, top: int) -> list[str]:
    """Predictions grouped by `key` (text or kind): how many are value-right, value-wrong, type-wrong,
    spurious, and what dropping the whole group would do to value F1 (computed on the whole part)."""
    n_pred = len(rows)
    n_val = sum(r["status"] == "ok" for r in rows)
    n_gold = rows[0]["n_gold"] if rows else 0
    base = 2 * n_val / max(1, n_pred + n_gold)
    groups: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for r in rows:
        groups[r[key]][r["status"]] += 1
        groups[r[key]]["type_wrong"] += r["status"] != "spurious" and not r["type_ok"]
    out = []
    for k, c in groups.items():
        total = c["ok"] + c["wrong"] + c["spurious"]
        drop = 2 * (n_val - c["ok"]) / max(1, n_pred - total + n_gold) - base
        out.append((drop, k, c, total))
    out.sort(key=lambda x: (-x[0], -x[2]["spurious"]))
    lines = [f"{'if dropped':>10}  ok wrong typeX spur  {key}"]
    for drop, k, c, _ in [x for x in out if x[2]["spurious"]][:top]:
        lines.append(f"{drop:+10.4f} {c['ok']:3d} {c['wrong']:5d} {c['type_wrong']:5d} {c['spurious']:4d}  {k!r}")
    return lines


def _word_report(word: str, tuning: list[dict]) -> list[str]:
    """Each occurrence of a regular expression in the part's texts, inside a gold timex or not: what
    TimeBank annotates and what it leaves out."""
    rx = re.compile(word, re.IGNORECASE)
    inside: list[str] = []
    outside: list[str] = []
    for g in tuning:
        text = g["text"]
        for mo in rx.finditer(text):
            hit = [t for t in g["timexes"] if t["start"] < mo.end() and mo.start() < t["end"]]
            if hit:
                t = hit[0]
                inside.append(f"  GOLD {t['text']!r}={t.get('value')} ({t.get('type')}) :: {_ctx(text, mo.start(), mo.end())}")
            else:
                outside.append(f"  NOT  {mo.group()!r} :: {_ctx(text, mo.start(), mo.end())}")
    return [f"{word!r}: {len(inside)} inside a gold timex, {len(outside)} not", *inside, *outside]


# words that look like time but that TimeBank may leave out (checked by --unannotated), beside the
# lexicon's references and sets
_DOUBTFUL = ["annual", "quarterly", "period", "time", "times", "moment", "age", "old", "era", "term", "season", "day", "days"]


def _unannotated_report(tuning: list[dict]) -> list[str]:
    """How often each doubtful time word is inside a gold timex: what TimeBank leaves out, most-left-out first."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from newsbrief.analyzers.timex_grammar import LEX

    words = sorted({*LEX["references"], *LEX["sets"], *_DOUBTFUL})
    rows = []
    for w in words:
        rx = re.compile(r"\b" + re.escape(w).replace(r"\ ", r"\s+") + r"\b", re.IGNORECASE)
        inside = outside = 0
        for g in tuning:
            for mo in rx.finditer(g["text"]):
                if any(t["start"] < mo.end() and mo.start() < t["end"] for t in g["timexes"]):
                    inside += 1
                else:
                    outside += 1
        if inside + outside:
            rows.append((outside / (inside + outside), w, inside, outside))
    rows.sort(key=lambda r: (-r[0], -r[3]))
    return ["left out  in gold  word", *(f"{o:8d} {i:8d}  {w!r}" for _, w, i, o in rows)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kind", default=None)
    ap.add_argument("--missed", action="store_true", help="list gold timexes we have no overlap for")
    ap.add_argument("--spurious", action="store_true")
    ap.add_argument("--by-text", action="store_true", help="predictions grouped by their text")
    ap.add_argument("--by-kind", action="store_true", help="predictions grouped by pattern kind")
    ap.add_argument("--types", action="store_true", help="wrong-type matches by kind and type pair")
    ap.add_argument("--word", default=None, help="occurrences of a regex, inside a gold timex or not")
    ap.add_argument("--unannotated", action="store_true", help="lexicon and doubtful words: how often TimeBank leaves them out")
    ap.add_argument("--ok", action="store_true", help="also list the value-right matches (with --kind)")
    ap.add_argument("--top", type=int, default=60)
    ap.add_argument("--heldout", action="store_true", help="the held-out fifth: its summary figure only, no listing")
    args = ap.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    gold = read_jsonl(DATA / "tempeval3" / "train.jsonl")
    held = held_out_ids(gold)
    tuning = sorted((g for g in gold if (str(g["id"]) in held) == args.heldout), key=lambda g: str(g["id"]))
    if args.word and not args.heldout:
        print("\n".join(_word_report(args.word, tuning)))
        return
    if args.unannotated and not args.heldout:
        print("\n".join(_unannotated_report(tuning)))
        return
    from newsbrief.pipeline import build_nlp

    nlp = build_nlp()
    docs = _docs(tuning, nlp, HELD_CACHE if args.heldout else CACHE)
    from newsbrief.analyzers import timex as tx
    from newsbrief.analyzers.timex_grammar import find

    importlib.reload(tx)
    ann = tx.TimexAnnotator()
    cats: collections.Counter = collections.Counter()
    ok: collections.Counter = collections.Counter()
    type_pairs: collections.Counter = collections.Counter()
    n_gold = n_pred = n_val = 0
    lines = []
    rows: list[dict] = []
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
            type_ok = (a.get("type") or "").upper() == (b.get("type") or "").upper()
            right = (a.get("value") or "") == (b.get("value") or "")
            rows.append({"text": _norm_text(b["text"]), "kind": kind, "status": "ok" if right else "wrong", "type_ok": type_ok})
            if not type_ok:
                type_pairs[(kind, b.get("type"), a.get("type"))] += 1
                if args.types and args.kind in (None, kind):
                    lines.append(
                        f"TYPE [{kind}] pred {b['text']!r}={b['value']} ({b['type']}) gold {a['text']!r}="
                        f"{a.get('value')} ({a.get('type')}) :: {_ctx(doc.text, a['start'], a['end'])}"
                    )
            if right:
                ok[kind] += 1
                n_val += 1
                if args.ok and args.kind in (None, kind):
                    lines.append(
                        f"OK [{kind}] {b['text']!r}={b['value']} ({b['type']}) :: {_ctx(doc.text, b['start'], b['end'])}"
                    )
                continue
            cats[kind] += 1
            if args.kind in (None, kind) and not (args.missed or args.spurious or args.by_text or args.by_kind or args.types):
                lines.append(
                    f"[{kind}] dct={g['dct'][:10]} gold {a['text']!r}={a.get('value')} ({a.get('type')}) "
                    f"pred {b['text']!r}={b['value']} ({b['type']}) :: {_ctx(doc.text, a['start'], a['end'])}"
                )
        if args.missed:
            for i, a in enumerate(golds):
                if i not in gi_used:
                    lines.append(
                        f"MISSED {a['text']!r}={a.get('value')} ({a.get('type')}) :: {_ctx(doc.text, a['start'], a['end'])}"
                    )
        for j, b in enumerate(preds):
            if j in used:
                continue
            kind = kinds.get((b["start"], b["end"]), "entity?")
            rows.append({"text": _norm_text(b["text"]), "kind": kind, "status": "spurious", "type_ok": False})
            if args.spurious and args.kind in (None, kind):
                lines.append(
                    f"SPURIOUS [{kind}] {b['text']!r}={b['value']} ({b['type']}) :: {_ctx(doc.text, b['start'], b['end'])}"
                )
    for r in rows:
        r["n_gold"] = n_gold
    if args.by_text:
        lines += _report_groups(rows, "text", args.top)
    if args.by_kind:
        lines += _report_groups(rows, "kind", args.top)
    if args.types:
        lines.append("wrong types (kind, predicted, gold): " + ", ".join(f"{k} {v}" for k, v in type_pairs.most_common()))
    if args.heldout:
        lines = []
    for ln in lines:
        print(ln)
    p, r = n_val / max(1, n_pred), n_val / max(1, n_gold)
    part = "held-out" if args.heldout else "tuning"
    f1 = 2 * p * r / max(1e-9, p + r)
    n_match = sum(r["status"] != "spurious" for r in rows)
    rf = 2 * n_match / max(1, n_pred + n_gold)
    print(f"\n{part}: gold {n_gold} pred {n_pred} value-correct {n_val}  P {p:.3f} R {r:.3f} F1 {f1:.3f}  relaxed F1 {rf:.3f}")
    if not args.heldout:
        print("errors by kind:", ", ".join(f"{k} {v}/{v + ok[k]}" for k, v in cats.most_common()))


if __name__ == "__main__":
    main()
