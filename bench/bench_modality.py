"""Statements and modality (analyzers/statements.py): does it keep assertions asserted, what does it
cost, and how far does it agree with the factuality annotations that exist here?

- CNN/DM dev: the label distribution over all statements (news is mostly asserted: a component that
  labels most clauses otherwise is broken) and the component's share of the pipeline time.
- MEANTIME dev: its verbal events carry certainty (CERTAIN/PROBABLE/POSSIBLE), polarity (POS/NEG) and
  time (FUTURE/NON_FUTURE). Mapped to our labels (POSSIBLE -> possible, PROBABLE or FUTURE ->
  expected, NEG -> denied (NEG+FUTURE also accepts expected), else asserted), each finite event
  (reporting and cognition verbs aside: they frame a claim, the statement is its content) is scored
  by the innermost statement holding it; the baseline says `asserted` everywhere.
- PolNeAR dev: of the attributions whose source and content lie in one sentence, how many contents
  carry a statement whose holder is the entity named by the source (needs the actors component).

Only what a user has goes in (the text); the labels are read afterwards.
"""

from __future__ import annotations

import time
from collections import Counter
from typing import Any

from common import DATA, Row, read_jsonl, user_input

NAME = "newsbrief_statements"
FINITE = {"PRESENT", "PAST", "FUTURE", "NONE"}


def _docs(texts: list[str]) -> tuple[list[Any], float, float]:
    """Docs with every component; (docs, seconds without statements, seconds of statements alone)."""
    from newsbrief.pipeline import build_nlp

    nlp = build_nlp()
    comp = nlp.get_pipe(NAME)
    list(nlp.pipe(texts[:3]))  # warm up
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, disable=[NAME], batch_size=16))
    t_rest = time.perf_counter() - t0
    t0 = time.perf_counter()
    docs = [comp(d) for d in docs]
    return docs, t_rest, time.perf_counter() - t0


def _bare_parse(texts: list[str]) -> float:
    import spacy

    from newsbrief.pipeline import SPACY_MODEL

    bare = spacy.load(SPACY_MODEL)
    list(bare.pipe(texts[:3]))
    t0 = time.perf_counter()
    for _ in bare.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - t0


def _gold_label(ev: dict[str, Any]) -> set[str] | None:
    cert, pol, when = ev.get("certainty"), ev.get("polarity"), ev.get("time")
    if (
        ev.get("pos") != "VERB"
        or ev.get("class") == "SPEECH_COGNITIVE"
        or ev.get("tense") not in FINITE
        or cert not in {"CERTAIN", "POSSIBLE", "PROBABLE"}
    ):
        return None
    if pol not in {"POS", "NEG"}:
        return None
    if cert == "POSSIBLE":
        return {"possible"}
    if cert == "PROBABLE":
        return {"expected"}
    if pol == "NEG":
        return {"denied", "expected"} if when == "FUTURE" else {"denied"}
    return {"expected"} if when == "FUTURE" else {"asserted"}


def _innermost(statements: list[Any], start: int, end: int) -> str:
    best = None
    for s in statements:
        if s.start <= start and end <= s.end and (best is None or s.end - s.start < best.end - best.start):
            best = s
    return best.modality if best is not None else "none"


def _meantime(limit: int | None) -> list[Row]:
    from newsbrief.analyzers import base

    gold = read_jsonl(DATA / "meantime" / "dev.jsonl", limit)
    docs, _, _ = _docs([user_input(g)["text"] for g in gold])
    pairs = []
    for g, doc in zip(gold, docs):
        statements = base.get(doc, "statements")
        for ev in g["events"]:
            want = _gold_label(ev)
            if want is not None:
                pairs.append((want, _innermost(statements, ev["start"], ev["end"])))
    n = len(pairs)
    ok = sum(p in w for w, p in pairs)
    base_ok = sum("asserted" in w for w, _ in pairs)
    rows = [
        Row(
            "modality",
            f"MEANTIME dev, {len(gold)} articles, {n} finite verbal events: label agreement",
            f"{ok / n:.3f}",
            f"{base_ok / n:.3f} (all asserted)",
            f"{sum(p == 'none' for _, p in pairs)} events in no statement",
        )
    ]
    for label in ("possible", "expected", "denied"):
        gold_n = sum(label in w for w, _ in pairs)
        pred_n = sum(p == label for _, p in pairs)
        hit = sum(p == label and label in w for w, p in pairs)
        rows.append(
            Row(
                "modality",
                f"MEANTIME `{label}`: precision / recall",
                f"{hit / pred_n if pred_n else 0:.2f} / {hit / gold_n if gold_n else 0:.2f}",
                "0 / 0 (all asserted)",
                f"{gold_n} gold, {pred_n} predicted",
            )
        )
    return rows


def _cnn(limit: int | None) -> list[Row]:
    from newsbrief.analyzers import base

    gold = read_jsonl(DATA / "cnn_dailymail" / "dev.jsonl", limit or 100)
    texts = [user_input(g)["text"] for g in gold]
    docs, t_rest, t_comp = _docs(texts)
    t_bare = _bare_parse(texts)
    counts: Counter[str] = Counter()
    held = 0
    for doc in docs:
        for s in base.get(doc, "statements"):
            counts[s.modality] += 1
            held += s.holder is not None
    total = sum(counts.values()) or 1
    dist = ", ".join(f"{m} {counts[m] / total:.1%}" for m in ("asserted", "expected", "possible", "denied", "question"))
    return [
        Row(
            "modality",
            f"CNN/DM dev, {len(docs)} articles, {total:,} statements: labels",
            dist,
            "",
            f"{held / total:.1%} with a holder",
        ),
        Row(
            "modality",
            "statements component: ms per article / share of the pipeline",
            f"{1000 * t_comp / len(docs):.1f} ms / {t_comp / (t_rest + t_comp):.1%}",
            f"{1000 * t_rest / len(docs):.1f} ms (rest of the pipeline)",
            f"{t_comp / t_bare:.1%} of the bare spaCy parse ({1000 * t_bare / len(docs):.1f} ms)",
        ),
    ]


def _polnear(limit: int | None) -> list[Row]:
    """Recall: in-sentence attributions whose content carries a statement held by the source's entity.
    Precision: statements with a holder, inside an attribution content, whose holder is its source."""
    from newsbrief.analyzers import base

    gold = read_jsonl(DATA / "polnear" / "dev.jsonl", limit or 40)
    docs, _, _ = _docs([user_input(g)["text"] for g in gold])
    n = ok = held = held_ok = 0

    def overlaps(a: Any, b: dict[str, int]) -> bool:
        return min(a.end, b["end"]) > max(a.start, b["start"])

    for g, doc in zip(gold, docs):
        ents = {e.id: e for e in base.get(doc, "entities")}
        statements = base.get(doc, "statements")
        attributed = [a for a in g["attributions"] if a.get("source") and a.get("content")]
        for a in attributed:
            src, content = a["source"], a["content"]
            sent = doc.char_span(min(src["start"], content["start"]), max(src["end"], content["end"]), alignment_mode="expand")
            if sent is None or sent[0].sent != sent[-1].sent:
                continue
            n += 1
            holders = {s.holder for s in statements if s.holder and overlaps(s, content)}
            ok += any(overlaps(m, src) for h in holders if h in ents for m in ents[h].mentions)
        for s in statements:
            if s.holder is None or s.holder not in ents:
                continue
            around = [a for a in attributed if a["content"]["start"] <= s.start and s.end <= a["content"]["end"]]
            if around:
                held += 1
                held_ok += any(overlaps(m, a["source"]) for a in around for m in ents[s.holder].mentions)
    note = "" if any(base.get(d, "entities") for d in docs) else "no entities yet: holders need the actors component"
    return [
        Row(
            "modality",
            f"PolNeAR dev, {len(gold)} docs, {n} in-sentence attributions: content held by the source",
            f"{ok / n if n else 0:.3f}",
            "",
            note,
        ),
        Row(
            "modality",
            f"PolNeAR dev: {held} statements with a holder inside an attributed content: holder = source",
            f"{held_ok / held if held else 0:.3f}",
        ),
    ]


def run(limit: int | None) -> list[Row]:
    return _cnn(limit) + _meantime(limit) + _polnear(limit)
