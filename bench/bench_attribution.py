"""Attribution (who said what): PolNeAR dev with ../shared/eval/score_attribution.py, beside textacy's
direct_quotations and a small reporting-verb rule run here on the same articles; the example's
attribution and roles checks; the component's share of the brief's time on CNN/DM dev; and the time
on pathological quote marks.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from typing import Any

from common import DATA, EVAL, OUT, ROOT, Row, analyze_in_process, read_jsonl, score, user_input, write_jsonl

GOLD = DATA / "polnear" / "dev.jsonl"
# The 60-line baseline: verbs of saying and believing, subject -> source, clausal complement -> content.
BASELINE_VERBS = {
    "say", "tell", "announce", "claim", "report", "add", "write", "state", "believe", "think", "argue",
    "warn", "insist", "explain", "note", "suggest", "acknowledge", "deny", "predict", "expect",
}  # fmt: skip


def _span(text: str, s: int, e: int) -> dict[str, Any]:
    return {"start": s, "end": e, "text": text[s:e]}


def _tok_span(text: str, toks: Any, offset: int = 0) -> dict[str, Any] | None:
    toks = list(toks)
    if not toks:
        return None
    s = min(t.idx for t in toks) + offset
    e = max(t.idx + len(t.text) for t in toks) + offset
    return _span(text, s, e)


def textacy_baseline(nlp: Any, gold: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    """textacy's direct_quotations per paragraph (it raises on unbalanced marks: such a paragraph is skipped)."""
    from textacy.extract.triples import direct_quotations

    out, failures = [], 0
    for g in gold:
        text, atts, pos = g["text"], [], 0
        for par in text.split("\n"):
            start, pos = pos, pos + len(par) + 1
            if not par.strip():
                continue
            try:
                for q in direct_quotations(nlp(par)):
                    content = _tok_span(text, q.content, start)
                    if content is None:
                        continue
                    atts.append(
                        {"source": _tok_span(text, q.speaker, start), "cue": _tok_span(text, q.cue, start), "content": content}
                    )
            except Exception:
                failures += 1
        out.append({"id": g["id"], "attributions": atts})
    return out, failures


def verb_baseline(nlp: Any, gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A reporting-verb rule: subject subtree is the source, the clausal complement's subtree the content."""
    out = []
    for g, doc in zip(gold, nlp.pipe(g["text"] for g in gold)):
        text, atts = g["text"], []
        for v in doc:
            if v.pos_ != "VERB" or v.lemma_.lower() not in BASELINE_VERBS:
                continue
            subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
            comp = next((c for c in v.children if c.dep_ == "ccomp"), None)
            if comp is None:
                continue
            atts.append(
                {
                    "source": _tok_span(text, subj.subtree) if subj is not None else None,
                    "cue": _span(text, v.idx, v.idx + len(v.text)),
                    "content": _tok_span(text, comp.subtree),
                }
            )
        out.append({"id": g["id"], "attributions": atts})
    return out


def _figures(name: str, preds: list[dict[str, Any]]) -> dict[str, Any]:
    path = write_jsonl(OUT / f"attribution_{name}.jsonl", preds)
    return json.loads(score("score_attribution.py", GOLD, path, "--json")[-1])


def _f(r: dict[str, Any], key: str) -> str:
    return f"{r[key]['f1']:.3f}"


def component_share(limit: int) -> tuple[float, float, int]:
    """Seconds in newsbrief_attribution and in the whole pipeline, component by component, on CNN/DM dev."""
    from newsbrief.ingest.article import Article
    from newsbrief.pipeline import build_nlp, make_doc

    nlp = build_nlp()
    gold = read_jsonl(DATA / "cnn_dailymail" / "dev.jsonl", limit)
    spent: dict[str, float] = {}
    total = 0.0
    for g in gold:
        u = user_input(g)
        article = Article(id=str(u["id"]), text=u["text"], published=u["published"])
        t0 = time.perf_counter()
        doc = make_doc(nlp, article)
        for name, proc in nlp.pipeline:
            t1 = time.perf_counter()
            doc = proc(doc)
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - t1
        total += time.perf_counter() - t0
    return spent.get("newsbrief_attribution", 0.0), total, len(gold)


BAD_TEXT = (
    'He said "it will never close. ' * 300
    + "\n"
    + '\u201cNested \u201cmarks\u201d and \u00abmixed" ones. ' * 100
    + "\n"
    + '"'
    + "word " * 5000
    + '," she said. ""\n'
)


def bad_input_seconds() -> tuple[float, float, float, int]:
    """A text of hundreds of unclosed marks, mixed marks and a 5,000-word quote through the pipeline,
    component by component: (whole brief, attribution component, of which speaker resolution, attributions)."""
    from unittest import mock

    from newsbrief.analyzers import attribution
    from newsbrief.ingest.article import Article
    from newsbrief.pipeline import build_nlp, make_doc

    nlp = build_nlp()
    doc = make_doc(nlp, Article(text=BAD_TEXT))
    total = attr = 0.0
    resolving = [0.0]
    real = attribution.Speakers._resolve

    def timed(self, span):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        try:
            return real(self, span)
        finally:
            resolving[0] += time.perf_counter() - t

    with mock.patch.object(attribution.Speakers, "_resolve", timed):
        for name, proc in nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            dt = time.perf_counter() - t0
            total += dt
            if name == "newsbrief_attribution":
                attr = dt
    return total, attr, resolving[0], len(doc._.nb_attributions or [])


def example_checks() -> dict[str, str]:
    """check_example.py's last line for the attribution and roles aspects."""
    brief = OUT / "attribution_example.json"
    exe = ROOT / ".venv" / "bin" / "newsbrief"
    with open(brief, "w", encoding="utf-8") as f:
        subprocess.run(
            [
                str(exe),
                "analyze",
                str(ROOT / "examples" / "putin-kim-visit.txt"),
                "--published",
                "2024-06-18",
                "--format",
                "json",
            ],
            stdout=f,
            check=True,
        )
    out = {}
    for aspect in ("attribution", "roles"):
        proc = subprocess.run(
            [sys.executable, str(EVAL / "check_example.py"), str(brief), aspect], capture_output=True, text=True
        )
        out[aspect] = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else proc.stderr.strip()[-200:]
    return out


def run(limit: int | None) -> list[Row]:
    import spacy

    from newsbrief.pipeline import SPACY_MODEL

    gold = read_jsonl(GOLD, limit)
    n = len(gold)
    briefs, _seconds = analyze_in_process([user_input(g) for g in gold])
    ours = _figures("newsbrief", briefs)
    bare = spacy.load(SPACY_MODEL)
    tx_preds, tx_fail = textacy_baseline(bare, gold)
    tx = _figures("textacy", tx_preds)
    vb = _figures("verbs", verb_baseline(bare, gold))
    base = "textacy {}; verb rule {}"
    rows = [
        Row(
            "attribution",
            f"PolNeAR dev ({n} articles, {ours['gold']} attributions): attribution F1",
            _f(ours, "attribution"),
            base.format(_f(tx, "attribution"), _f(vb, "attribution")),
            f"P {ours['attribution']['p']:.3f} R {ours['attribution']['r']:.3f}; target >= 0.60; "
            f"textacy raised on {tx_fail} paragraphs",
        ),
        Row("attribution", "PolNeAR dev: content F1", _f(ours, "content"), base.format(_f(tx, "content"), _f(vb, "content"))),
        Row("attribution", "PolNeAR dev: cue F1", _f(ours, "cue"), base.format(_f(tx, "cue"), _f(vb, "cue"))),
        Row(
            "attribution",
            "PolNeAR dev: content exact F1",
            _f(ours, "content_exact"),
            base.format(_f(tx, "content_exact"), _f(vb, "content_exact")),
        ),
    ]
    checks = example_checks()
    rows.append(
        Row(
            "attribution",
            "example: speakers right (check_example attribution)",
            checks["attribution"],
            "",
            "unmarked block required",
        )
    )
    rows.append(Row("attribution", "example: roles (check_example roles)", checks["roles"]))
    attr_s, total_s, m = component_share(min(limit or 100, 100))
    rows.append(
        Row(
            "attribution",
            f"time share of the whole brief, CNN/DM dev ({m} articles)",
            f"{100 * attr_s / total_s:.1f}%",
            "",
            f"{attr_s:.2f} s of {total_s:.1f} s",
        )
    )
    bad_s, attr_bad, resolve_bad, bad_n = bad_input_seconds()
    rows.append(
        Row(
            "attribution",
            "bad input: 300 unclosed marks + nested/mixed + 5,000-word quote: whole pipeline / attribution",
            f"{bad_s:.1f} s / {attr_bad:.2f} s",
            "",
            f"{resolve_bad:.2f} s of it in resolve.resolve; {bad_n} attributions, no exception",
        )
    )
    return rows
