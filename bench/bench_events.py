"""Events and themes: MEANTIME dev event-agent F1 (../shared/eval/score_events.py) against the baseline "every
verb with a named subject is an event" (bare spaCy: its named entities, each verb whose subject is
one of them), both in this run; the example article's seven gold events (actor, target, CAMEO root,
and how many also have the right `when`), the example's themes; and what the events component costs."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import time
from typing import Any

from common import DATA, EVAL, OUT, ROOT, Row, analyze_in_process, read_jsonl, score, user_input, write_jsonl

GOLD = DATA / "meantime" / "dev.jsonl"
EXAMPLE = ROOT / "examples" / "putin-kim-visit.txt"


def _f1(lines: list[str]) -> dict[str, Any]:
    return json.loads(lines[-1])


def baseline(inputs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every verb whose subject is a named entity (spaCy NER) is an event; that entity is its actor."""
    import spacy

    from newsbrief.pipeline import SPACY_MODEL

    nlp = spacy.load(SPACY_MODEL)
    out = []
    for r, doc in zip(inputs, nlp.pipe([r["text"] for r in inputs], batch_size=16)):
        ids: dict[str, str] = {}
        entities: dict[str, dict[str, Any]] = {}
        owner: dict[int, str] = {}
        for ent in doc.ents:
            if ent.label_ not in {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}:
                continue
            eid = ids.setdefault(ent.text, f"b{len(ids)}")
            entities.setdefault(eid, {"id": eid, "name": ent.text, "mentions": []})["mentions"].append(
                {"start": ent.start_char, "end": ent.end_char, "text": ent.text}
            )
            for t in ent:
                owner[t.i] = eid
        events = []
        for t in doc:
            if t.pos_ != "VERB":
                continue
            subj = next((c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i in owner), None)
            if subj is not None:
                span = {"start": t.idx, "end": t.idx + len(t.text), "text": t.text}
                events.append({**span, "trigger": span, "actor": owner[subj.i]})
        out.append({"id": r["id"], "entities": list(entities.values()), "events": events})
    return out


def component_cost(inputs: list[dict[str, Any]]) -> tuple[float, float]:
    """Seconds of the events component alone, and of the whole pipeline, on the same documents."""
    from newsbrief.ingest.article import Article
    from newsbrief.pipeline import build_nlp, make_doc

    nlp = build_nlp()
    t0 = time.perf_counter()
    docs = list(nlp.pipe(make_doc(nlp, Article(text=r["text"], id=r["id"], published=r["published"])) for r in inputs))
    t_all = time.perf_counter() - t0
    comp = nlp.get_pipe("newsbrief_events")
    t0 = time.perf_counter()
    for d in docs:
        comp(d)
    return time.perf_counter() - t0, t_all


def example_check() -> tuple[str, str, str]:
    """check_example.py's events aspect on a brief of the example, and how many found events have the right `when`."""
    brief_path = OUT / "example.events.json"
    exe = ROOT / ".venv" / "bin" / "newsbrief"
    with open(brief_path, "w", encoding="utf-8") as f:
        subprocess.run(
            [str(exe), "analyze", str(EXAMPLE), "--published", "2024-06-18", "--format", "json"],
            stdout=f,
            check=True,
            timeout=600,
        )
    proc = subprocess.run(
        [sys.executable, str(EVAL / "check_example.py"), str(brief_path), "events"], capture_output=True, text=True, check=False
    )
    headline = proc.stdout.strip().splitlines()[-1]
    spec = importlib.util.spec_from_file_location("check_example", EVAL / "check_example.py")
    ce = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(ce)  # type: ignore[union-attr]
    brief = json.loads(brief_path.read_text(encoding="utf-8"))
    names = {e.get("id"): ce.gold_name(e.get("mentions", [])) for e in brief.get("entities", [])}
    right_when = found = 0
    for g in ce.GOLD["events"]:
        start = ce.TEXT.find(g["evidence"])
        span = {"start": start, "end": start + len(g["evidence"])}
        hits = [
            p
            for p in brief.get("events", [])
            if ce.overlap(p, span)
            and names.get(p.get("actor")) == g["actor"]
            and names.get(p.get("target")) == g["target"]
            and (p.get("cameo") or "")[:2] == g["cameo"][:2]
        ]
        found += bool(hits)
        right_when += any((p.get("when") or None) == g["when"] for p in hits)
    dated = sum(1 for g in ce.GOLD["events"] if g["when"])
    themes = ", ".join(f"{t['theme']} {t['score']:.2f}" for t in brief.get("themes", [])[:6])
    return (
        headline,
        f"{right_when}/{len(ce.GOLD['events'])} with the right `when` ({dated} dated in the gold, {found} found)",
        themes,
    )


def run(limit: int | None) -> list[Row]:
    gold = read_jsonl(GOLD, limit)
    inputs = [user_input(g) for g in gold]
    gold_path = write_jsonl(OUT / "events.gold.jsonl", gold)
    briefs, seconds = analyze_in_process(inputs)
    pred_path = write_jsonl(OUT / "events.pred.jsonl", briefs)
    base_path = write_jsonl(OUT / "events.baseline.jsonl", baseline(inputs))
    ours = _f1(score("score_events.py", gold_path, pred_path, "--json"))
    theirs = _f1(score("score_events.py", gold_path, base_path, "--json"))
    t_comp, t_all = component_cost(inputs)
    headline, when, themes = example_check()
    n = len(gold)
    return [
        Row(
            "events",
            f"MEANTIME dev ({n} docs): event-agent F1",
            f"{ours['f1']:.3f}",
            f"{theirs['f1']:.3f} (verb with a named subject)",
            "target ≥ 0.60",
        ),
        Row(
            "events",
            "MEANTIME dev: trigger precision",
            f"{ours['precision']:.3f}",
            f"{theirs['precision']:.3f}",
            f"{ours['predicted']} events in annotated sentences",
        ),
        Row(
            "events",
            "MEANTIME dev: agent recall",
            f"{ours['agent_recall']:.3f}",
            f"{theirs['agent_recall']:.3f}",
            f"{ours['agent_events']} gold events with a PER/ORG/LOC agent",
        ),
        Row("events", "example: events with right actor, target, CAMEO root", headline.removeprefix("example events "), "", when),
        Row("themes", "example: top themes (no gold; for reading)", themes, "", ""),
        Row(
            "events",
            "events component: ms per article",
            f"{1000 * t_comp / n:.1f}",
            f"{1000 * t_all / n:.0f} (whole pipeline)",
            f"{seconds:.0f} s for the briefs",
        ),
    ]
