"""Actors on MEANTIME dev (Wikinews, 60 articles): are the names found, are the mentions of one
actor merged into one entity, and do pronouns and nominals ('the company') resolve to the right
actor? Beside baselines run in the same bench on the same parses: the model's own entities grouped
by exact text, and the first resolver (a he/she pronoun -> the nearest person before it).

Gold: MEANTIME entity mentions of persons, organisations and places with their coreference
instance. A name mention is found when a predicted mention overlaps it. Merging is B-cubed over
the gold name mentions (a name not found counts as its own singleton). A pronoun or nominal is
resolved right when the entity `resolve()` returns has a mention overlapping a name of the same
gold instance; a pronoun whose instance has no name in the text is not counted.
Only the text goes in (`user_input`); the labels stay here.
"""

from __future__ import annotations

import time
from collections import defaultdict

from common import DATA, Row, read_jsonl, user_input

TYPES = {"PER", "ORG", "LOC"}
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
PRONOUNS = {"he", "she", "him", "his", "her", "it", "its", "they", "them", "their", "himself", "herself", "itself"}


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def _b3(gold: list[tuple[int, int, str]], pred_of: dict[tuple[int, int], object]) -> tuple[float, float]:
    """B-cubed precision and recall over gold name mentions; pred_of maps a gold span to its predicted cluster."""
    by_gold = defaultdict(set)
    by_pred = defaultdict(set)
    for s, e, inst in gold:
        by_gold[inst].add((s, e))
        by_pred[pred_of.get((s, e), ("single", s, e))].add((s, e))
    cluster_of = {(s, e): pred_of.get((s, e), ("single", s, e)) for s, e, _ in gold}
    p = r = 0.0
    for s, e, inst in gold:
        g, pr = by_gold[inst], by_pred[cluster_of[(s, e)]]
        inter = len(g & pr)
        p += inter / len(pr)
        r += inter / len(g)
    n = len(gold) or 1
    return p / n, r / n


def _baseline_resolve(ents, span):
    if span.text.lower() not in {"he", "him", "his", "she", "her", "hers", "himself", "herself"}:
        return None
    before = [e for e in ents if e.label_ == "PERSON" and e.end_char <= span.start_char]
    return before[-1] if before else None


def run(limit: int | None) -> list[Row]:
    import spacy

    import newsbrief.analyzers.lines  # noqa: F401 - registers newsbrief_lines
    from newsbrief.analyzers import base
    from newsbrief.analyzers.actors import Actors
    from newsbrief.analyzers.resolve import resolve
    from newsbrief.pipeline import SPACY_MODEL

    gold_docs = read_jsonl(DATA / "meantime" / "dev.jsonl", limit)
    texts = [user_input(g)["text"] for g in gold_docs]
    # the parse the actors see in the brief (model + line-aware sentences), without the other analyzers
    nlp = spacy.load(SPACY_MODEL)
    nlp.add_pipe("newsbrief_lines", before="parser")
    list(nlp.pipe(texts[:3]))
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts))
    t_parse = time.perf_counter() - t0
    raw_ents = [list(d.ents) for d in docs]  # the model's entities, before the actors repair them
    actors = Actors(nlp)
    t0 = time.perf_counter()
    for d in docs:
        actors(d)
    t_actors = time.perf_counter() - t0

    found = n_names = base_found = 0
    pred_total = pred_hit = 0
    ours_p = ours_r = base_p = base_r = 0.0
    n_b3 = 0
    res = {"pronoun": [0, 0, 0], "nominal": [0, 0, 0]}  # right (ours), right (baseline), counted
    for g, doc, model_ents in zip(gold_docs, docs, raw_ents):
        ents = [e for e in g["entities"] if e["type"] in TYPES]
        names = {
            (e["start"], e["end"]): e["instance"] for e in ents if e["syntactic_type"] in ("NAM", "PRE.NAM") and e["instance"]
        }
        inst_spans = defaultdict(list)
        for (s, e), inst in names.items():
            inst_spans[inst].append((s, e))
        ours = [(m.start, m.end, ent.id) for ent in base.get(doc, "entities") for m in ent.mentions]
        theirs = [(e.start_char, e.end_char, e.text.removesuffix("'s").lower()) for e in model_ents if e.label_ in ACTOR_LABELS]
        gold_all = [(e["start"], e["end"]) for e in g["entities"]]
        pred_total += len(ours)
        pred_hit += sum(any(_overlap((s, e), x) for x in gold_all) for s, e, _ in ours)
        gold_list = [(s, e, inst) for (s, e), inst in names.items()]
        ours_of, theirs_of = {}, {}
        for s, e, _ in gold_list:
            hit = next((c for a, b, c in ours if _overlap((s, e), (a, b))), None)
            if hit is not None:
                ours_of[(s, e)] = hit
                found += 1
            hit = next((c for a, b, c in theirs if _overlap((s, e), (a, b))), None)
            if hit is not None:
                theirs_of[(s, e)] = hit
                base_found += 1
        n_names += len(gold_list)
        if gold_list:
            p, r = _b3(gold_list, ours_of)
            ours_p, ours_r = ours_p + p * len(gold_list), ours_r + r * len(gold_list)
            p, r = _b3(gold_list, theirs_of)
            base_p, base_r = base_p + p * len(gold_list), base_r + r * len(gold_list)
            n_b3 += len(gold_list)
        for e in ents:
            kind = "pronoun" if e["syntactic_type"] == "PRO" else "nominal" if e["syntactic_type"] == "NOM" else None
            if kind is None or not inst_spans.get(e["instance"]):
                continue
            if kind == "pronoun" and e["text"].lower() not in PRONOUNS:
                continue
            span = doc.char_span(e["start"], e["end"], alignment_mode="expand")
            if span is None:
                continue
            targets = inst_spans[e["instance"]]
            got = resolve(doc, span)
            ok = got is not None and any(_overlap((m.start, m.end), t) for m in got.mentions for t in targets)
            b = _baseline_resolve(model_ents, span)
            bok = b is not None and any(_overlap((b.start_char, b.end_char), t) for t in targets)
            res[kind][0] += ok
            res[kind][1] += bok
            res[kind][2] += 1

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    n = len(docs)
    op, orr, bp, br = ours_p / n_b3, ours_r / n_b3, base_p / n_b3, base_r / n_b3
    rows = [
        Row(
            "actors",
            f"MEANTIME dev ({n} docs): gold names (PER/ORG/LOC, {n_names}) found",
            f"{found / n_names:.3f}",
            f"{base_found / n_names:.3f} (spaCy ents)",
        ),
        Row(
            "actors",
            "predicted mentions on a gold entity mention",
            f"{pred_hit / max(pred_total, 1):.3f}",
            "",
            "MEANTIME does not mark every actor",
        ),
        Row(
            "actors",
            "merging names into actors: B-cubed P / R / F1",
            f"{op:.3f} / {orr:.3f} / {f1(op, orr):.3f}",
            f"{bp:.3f} / {br:.3f} / {f1(bp, br):.3f} (same text)",
        ),
    ]
    for kind, (ok, bok, cnt) in res.items():
        rows.append(
            Row(
                "actors",
                f"{kind}s resolved to the right actor ({cnt})",
                f"{ok / max(cnt, 1):.3f}",
                f"{bok / max(cnt, 1):.3f} (first resolver)",
            )
        )
    rows.append(
        Row(
            "actors",
            "cost of the actors component vs the bare parse",
            f"{t_actors / t_parse:.1%}",
            "",
            f"{t_actors * 1000 / n:.1f} ms per article",
        )
    )
    return rows


if __name__ == "__main__":
    import sys

    for row in run(int(sys.argv[1]) if len(sys.argv) > 1 else None):
        print(f"| {row.measure} | {row.newsbrief} | {row.baseline} | {row.note} |")
