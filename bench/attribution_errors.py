"""Attribution errors on PolNeAR TRAIN (never dev), grouped for error analysis:
`python bench/attribution_errors.py [--limit N] [--show LEMMA] [--kind missed|fp|boundary|source]`.

The docs are parsed once up to the actors component and pickled under bench/out/attribution_docs/
(in chunks), so a change of the attribution rules re-runs only the attribution component. Scores
follow ../shared/eval/score_attribution.py exactly (content Jaccard >= 0.5, one-to-one, best first;
attribution = content match and overlapping sources). Printed: the figures, then gold attributions
missed (no prediction with Jaccard >= 0.5) by cue lemma and construction, boundary misses (a
prediction overlaps but Jaccard < 0.5), wrong sources, and false positives by cue lemma with each
lemma's precision (a cue is worth predicting when its precision is above about F1 / 2).
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import pickle
from pathlib import Path
from typing import Any, ClassVar

from common import DATA, EVAL, OUT, read_jsonl


def _scorer_helpers() -> Any:
    """../shared/eval/common.py under another name (bench has a common.py of its own)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("eval_common", EVAL / "common.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


_E = _scorer_helpers()
greedy_match, jaccard, overlap, prf, valid = _E.greedy_match, _E.jaccard, _E.overlap, _E.prf, _E.valid

CACHE = OUT / "attribution_docs"
CHUNK = 60


def _docs(split: str, gold: list[dict[str, Any]], nlp: Any) -> Any:
    """Yield (gold, doc) chunk by chunk, parsing and pickling a chunk the first time."""
    from newsbrief.ingest.article import Article
    from newsbrief.pipeline import make_doc

    names = nlp.pipe_names
    upstream = names[: names.index("newsbrief_attribution")]
    CACHE.mkdir(parents=True, exist_ok=True)
    for k in range(0, len(gold), CHUNK):
        part = gold[k : k + CHUNK]
        key = hashlib.sha256("".join(g["id"] for g in part).encode()).hexdigest()[:10]
        path = CACHE / f"{split}-{k:04d}-{key}.pkl"
        if path.exists():
            docs = pickle.loads(path.read_bytes())
        else:
            with nlp.select_pipes(enable=upstream):
                docs = list(nlp.pipe(make_doc(nlp, Article(id=g["id"], text=g["text"])) for g in part))
            path.write_bytes(pickle.dumps(docs))
        yield from zip(part, docs)


def _span(a: Any) -> dict[str, int] | None:
    return {"start": a.start, "end": a.end} if a is not None else None


def _lemma(doc: Any, span: dict[str, int] | None) -> str:
    """The cue's head word: the lemma of its first verb, else noun/adj, else its lowered text."""
    if not valid(span):
        return "<none>"
    toks = [t for t in doc if span["start"] <= t.idx < span["end"]]
    if not toks:
        return "<none>"
    for pos in (("VERB",), ("AUX",), ("NOUN", "ADJ", "PROPN")):
        for t in toks:
            if t.pos_ in pos:
                lem = t.lemma_.lower()
                return lem if len(toks) <= 2 else f"{lem}+"
    return " ".join(t.lower_ for t in toks)[:30]


def _frame(doc: Any, p: dict[str, Any]) -> str:
    """A prediction's cue lemma with the dependency that links the content to it ("call:dobj",
    "call:prep:for", "say:ccomp"); "-" when the content does not hang from the cue."""
    lem = _lemma(doc, p["cue"])
    if not valid(p["cue"]):
        return f"{lem}:-"
    cue = [t for t in doc if p["cue"]["start"] <= t.idx < p["cue"]["end"] and t.pos_ in ("VERB", "AUX", "NOUN", "ADJ")]
    first = next((t for t in doc if t.idx >= p["content"]["start"]), None)
    if not cue or first is None:
        return f"{lem}:-"
    tok = first
    for _ in range(12):
        if tok.head.i == cue[0].i:
            if tok.dep_ in ("prep", "agent"):
                return f"{lem}:{tok.dep_}:{tok.lower_}"
            return f"{lem}:{tok.dep_}"
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return f"{lem}:-"


class _AllVerbs(dict):
    """VERBS for the --all-verbs experiment: any verb lemma is a cue, and any cue also takes a clause, an
    infinitive or an object after its listed contents."""

    DEFAULT: ClassVar[list[str]] = ["ccomp", "xcomp", "dobj"]

    def get(self, key: Any, default: Any = None) -> Any:
        spec = dict(super().get(key, {}))
        spec["content"] = list(spec.get("content", [])) + [d for d in self.DEFAULT if d not in spec.get("content", [])]
        return spec


class _AllWords(dict):
    """NOUN_CUES / ADJ_CUES for the --all-nouns / --all-adjs experiments: every word takes these preps."""

    PREPS: ClassVar[list[str]] = ["that", "to", "of", "on", "about", "for", "against", "with", "over", "at"]

    def get(self, key: Any, default: Any = None) -> Any:
        return self.PREPS


def _construction(text: str, a: dict[str, Any]) -> str:
    """Coarse shape of a gold attribution: quotes, cue before/after content, source absent."""
    c, cue, src = a["content"], a.get("cue"), a.get("source")
    body = text[c["start"] : c["end"]]
    q = "quote" if any(m in body for m in "\"\u201c\u201d") else "plain"
    where = "nocue" if not valid(cue) else ("cue<content" if cue["start"] < c["start"] else "cue>content")
    if valid(cue) and c["start"] < cue["start"] < c["end"]:
        where = "cue-inside"
    s = "nosrc" if not valid(src) else ("src<cue" if valid(cue) and src["start"] < cue["start"] else "src>cue")
    return f"{q} {where} {s}"


def _short(text: str, span: dict[str, int] | None, n: int = 160) -> str:
    if not valid(span):
        return "-"
    s = text[span["start"] : span["end"]].replace("\n", " / ")
    return s if len(s) <= n else s[: n // 2] + " ... " + s[-n // 2 :]


def analyse(
    split: str, limit: int | None, all_verbs: bool = False, frames: bool = False, all_nouns: bool = False, all_adjs: bool = False
) -> dict[str, Any]:
    from newsbrief.analyzers import attribution_rules
    from newsbrief.analyzers.attribution import AttributionComponent
    from newsbrief.pipeline import build_nlp

    if all_verbs:
        attribution_rules.VERBS = _AllVerbs(attribution_rules.VERBS)
    if all_nouns:
        attribution_rules.NOUN_CUES = _AllWords(attribution_rules.NOUN_CUES)
    if all_adjs:
        attribution_rules.ADJ_CUES = _AllWords(attribution_rules.ADJ_CUES)

    gold_rows = read_jsonl(DATA / "polnear" / f"{split}.jsonl", limit)
    nlp = build_nlp()
    comp = AttributionComponent(nlp)
    n_gold = n_pred = tp_c = tp_s = tp_cue = 0
    errors: dict[str, list[tuple[str, str, str]]] = collections.defaultdict(list)  # kind -> (lemma, constr, line)
    pred_lemma: collections.Counter[str] = collections.Counter()
    tp_lemma: collections.Counter[str] = collections.Counter()
    preds_out = []
    for g, doc in _docs(split, gold_rows, nlp):
        doc._.nb_attributions = None
        comp(doc)
        text = g["text"]
        preds = [
            {"source": _span(a.source), "cue": _span(a.cue), "content": _span(a.content)} for a in doc._.nb_attributions or []
        ]
        preds_out.append({"id": g["id"], "attributions": preds})
        golds = [a for a in g["attributions"] if valid(a.get("content"))]
        n_gold += len(golds)
        n_pred += len(preds)
        pairs = greedy_match(golds, preds, lambda x, y: jaccard(x["content"], y["content"]), 0.5)
        gm = {gi: pi for gi, pi in pairs}
        pm = {pi: gi for gi, pi in pairs}
        for pi, p in enumerate(preds):
            lem = _frame(doc, p) if frames else _lemma(doc, p["cue"])
            pred_lemma[lem] += 1
            if pi in pm:
                ga = golds[pm[pi]]
                ok = (not valid(ga["source"]) and not valid(p["source"])) or overlap(ga["source"], p["source"]) > 0
                tp_lemma[lem] += ok
            else:
                best = max((jaccard(ga["content"], p["content"]) for ga in golds), default=0.0)
                kind = "fp" if best < 0.2 else "fp-boundary"
                errors[kind].append(
                    (lem, "", f"[{g['id']}] cue={_short(text, p['cue'], 40)!r} src={_short(text, p['source'], 40)!r} "
                     f"content={_short(text, p['content'])!r}")
                )
        for gi, ga in enumerate(golds):
            lem, con = _lemma(doc, ga.get("cue")), _construction(text, ga)
            line = (
                f"[{g['id']}] cue={_short(text, ga.get('cue'), 40)!r} src={_short(text, ga.get('source'), 40)!r} "
                f"content={_short(text, ga['content'])!r}"
            )
            if gi in gm:
                p = preds[gm[gi]]
                tp_c += 1
                src_ok = (not valid(ga["source"]) and not valid(p["source"])) or overlap(ga["source"], p["source"]) > 0
                tp_s += src_ok
                tp_cue += (not valid(ga["cue"]) and not valid(p["cue"])) or overlap(ga["cue"], p["cue"]) > 0
                if not src_ok:
                    errors["source"].append((lem, con, line + f"\n      pred src={_short(text, p['source'], 40)!r}"))
                continue
            best, bp = 0.0, None
            for p in preds:
                j = jaccard(ga["content"], p["content"])
                if j > best:
                    best, bp = j, p
            if best >= 0.2 and bp is not None:
                errors["boundary"].append(
                    (lem, con, line + f"\n      pred J={best:.2f} content={_short(text, bp['content'])!r}")
                )
            else:
                errors["missed"].append((lem, con, line))
    return {
        "n_gold": n_gold,
        "n_pred": n_pred,
        "tp_content": tp_c,
        "tp_source": tp_s,
        "tp_cue": tp_cue,
        "errors": errors,
        "pred_lemma": pred_lemma,
        "tp_lemma": tp_lemma,
        "preds": preds_out,
    }


def report(
    r: dict[str, Any], kind: str | None, show: str | None, top: int, examples: int, precision_file: str | None = None
) -> None:
    for name, tp in (("attribution", r["tp_source"]), ("content", r["tp_content"]), ("cue", r["tp_cue"])):
        p, rec, f = prf(tp, r["n_pred"], r["n_gold"])
        print(f"{name:12} P {p:.3f} R {rec:.3f} F1 {f:.4f}")
    print(f"gold {r['n_gold']} predicted {r['n_pred']}")
    for k, errs in sorted(r["errors"].items()):
        if kind and k != kind:
            continue
        print(f"\n== {k}: {len(errs)}")
        by_lemma = collections.Counter(e[0] for e in errs)
        print("  by cue lemma:", ", ".join(f"{lem} {n}" for lem, n in by_lemma.most_common(top)))
        if k in ("missed", "boundary", "source"):
            by_con = collections.Counter(e[1] for e in errs)
            print("  by construction:", ", ".join(f"{c} {n}" for c, n in by_con.most_common(12)))
        shown = [e for e in errs if show is None or e[0] == show]
        for e in shown[:examples]:
            print("   ", e[1], e[2])
    if kind in (None, "precision"):
        print("\n== precision by predicted cue lemma (attribution TP / predicted)")
        rows = [(lem, n, r["tp_lemma"][lem]) for lem, n in r["pred_lemma"].most_common(top * 2)]
        if precision_file:
            rows_all = [(lem, n, r["tp_lemma"][lem]) for lem, n in r["pred_lemma"].most_common()]
            Path(precision_file).write_text(json.dumps(rows_all), encoding="utf-8")
        print("  " + ", ".join(f"{lem} {tp}/{n}={tp / n:.2f}" for lem, n, tp in rows))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--kind", default=None, help="missed, boundary, source, fp, fp-boundary, precision")
    ap.add_argument("--show", default=None, help="only examples with this cue lemma")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--examples", type=int, default=0)
    ap.add_argument("--split", default="train", choices=["train"], help="train only: dev is for the report")
    ap.add_argument("--write", action="store_true", help="write the predictions to bench/out/attribution_train.jsonl")
    ap.add_argument("--all-verbs", action="store_true", help="experiment: every verb lemma is a cue")
    ap.add_argument("--all-nouns", action="store_true", help="experiment: every noun with an owner is a cue")
    ap.add_argument("--all-adjs", action="store_true", help="experiment: every adjective is a stance cue")
    ap.add_argument("--frames", action="store_true", help="precision by cue lemma and the word before the content")
    ap.add_argument("--precision-file", default=None, help="write [lemma, predicted, correct] rows as JSON")
    args = ap.parse_args()
    r = analyse(args.split, args.limit, args.all_verbs, args.frames, args.all_nouns, args.all_adjs)
    report(r, args.kind, args.show, args.top, args.examples, args.precision_file)
    if args.write:
        path = OUT / f"attribution_{args.split}.jsonl"
        with open(path, "w", encoding="utf-8") as f:
            for p in r["preds"]:
                f.write(json.dumps(p) + "\n")
        print(f"\nwrote {path} (score with: python {EVAL / 'score_attribution.py'} GOLD {path})")


if __name__ == "__main__":
    main()
