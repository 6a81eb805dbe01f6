"""Key points as an extractive summary: ROUGE (../shared/eval/score_summary.py) on CNN/DM dev (3 points)
and BBC News Summary dev (as many points as the reference has sentences), beside Lead-N, TextRank and
LexRank (sumy) fed the same sentences newsbrief considers, all in this run.

The key point weights were tuned on the even-numbered lines of both dev files (0, 2, 4, ...); the
figures are given for all lines and for the odd lines alone (never seen in tuning).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from common import DATA, OUT, Row, analyze_in_process, read_jsonl, score, user_input, write_jsonl

SETS = {"cnn_dailymail": "CNN/DM dev", "bbc_news_summary": "BBC dev"}


def points_for(name: str, gold: dict[str, Any], count_sentences: Callable[[str], int]) -> int:
    """3 for CNN/DM; for BBC the reference's sentence count (a few lines lack the ids: count the summary)."""
    if name == "cnn_dailymail":
        return 3
    ids = gold.get("summary_sentence_ids")
    return len(ids) if ids else count_sentences(gold["summary"])


class _Tok:
    """sumy's tokenizer protocol, over sentences we already split."""

    language = "english"

    def to_sentences(self, paragraph: str) -> list[str]:
        return [paragraph]

    def to_words(self, sentence: str) -> list[str]:
        return re.findall(r"\w+(?:['’]\w+)?", sentence)


def _sumy(kind: str) -> Callable[[list[str], int], list[int]]:
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    summarizer = (TextRankSummarizer if kind == "textrank" else LexRankSummarizer)(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tok = _Tok()

    def pick(sentences: list[str], n: int) -> list[int]:
        sents = [Sentence(s, tok) for s in sentences]
        if not sents:
            return []
        got = summarizer(ObjectDocumentModel([Paragraph(sents)]), n)
        where = {id(s): i for i, s in enumerate(sents)}
        return [where[id(s)] for s in got]

    return pick


def _rouge(gold_path, pred_path) -> dict[str, float]:
    return json.loads(score("score_summary.py", gold_path, pred_path, "--json")[-1])


def _fmt(r: dict[str, float]) -> str:
    return f"R1 {r['rouge1']:.2f} / R2 {r['rouge2']:.2f} / RL {r['rougeLsum']:.2f}"


def run(limit: int | None) -> list[Row]:
    import spacy

    import newsbrief.analyzers.lines  # noqa: F401  (registers the line-respecting sentence splitter)
    from newsbrief.analyzers.keypoints import units_of
    from newsbrief.pipeline import SPACY_MODEL

    # the sentences newsbrief considers, for the baselines: same splitter, no analyzers
    sent_nlp = spacy.load(SPACY_MODEL)
    sent_nlp.add_pipe("newsbrief_lines", before="parser")
    methods = {"textrank": _sumy("textrank"), "lexrank": _sumy("lexrank")}
    rows: list[Row] = []
    for name, label in SETS.items():
        gold = read_jsonl(DATA / name / "dev.jsonl", limit)
        counts = [points_for(name, g, lambda s: len(list(sent_nlp(s).sents))) for g in gold]
        inputs = [{**user_input(g), "points": n} for g, n in zip(gold, counts)]
        briefs, seconds = analyze_in_process(inputs)
        errors = sum("error" in b for b in briefs)
        preds: dict[str, list[dict[str, Any]]] = {
            "newsbrief": [{"id": b.get("id"), "key_points": b.get("key_points", [])} for b in briefs]
        }
        lead = "Lead-3" if name == "cnn_dailymail" else "Lead-N"
        for m in (lead, "TextRank", "LexRank"):
            preds[m] = []
        for g, n, doc in zip(gold, counts, sent_nlp.pipe((g["text"] for g in gold), batch_size=16)):
            texts = [doc.text[u.start : u.end] for u in units_of(doc)]
            picks = {
                lead: list(range(min(n, len(texts)))),
                "TextRank": methods["textrank"](texts, n),
                "LexRank": methods["lexrank"](texts, n),
            }
            for m, idx in picks.items():
                preds[m].append({"id": g["id"], "key_points": [{"text": texts[i]} for i in sorted(idx)]})
        gold_all = write_jsonl(OUT / f"summary_{name}_gold.jsonl", gold)
        gold_odd = write_jsonl(OUT / f"summary_{name}_gold_odd.jsonl", gold[1::2])
        results: dict[str, tuple[dict[str, float], dict[str, float]]] = {}
        for m, p in preds.items():
            key = m.lower().replace("-", "")
            full = write_jsonl(OUT / f"summary_{name}_{key}.jsonl", p)
            odd = write_jsonl(OUT / f"summary_{name}_{key}_odd.jsonl", p[1::2])
            results[m] = (_rouge(gold_all, full), _rouge(gold_odd, odd))
        n_docs = len(gold)
        points = "3 points" if name == "cnn_dailymail" else "points = reference sentences"
        for part, k in (("all", 0), ("odd lines (held out from tuning)", 1)):
            ours = results["newsbrief"][k]
            rows.append(Row("key points", f"{label} ({n_docs}, {points}), {part}: ROUGE F", _fmt(ours), "", f"{errors} errors"))
            for m in (lead, "TextRank", "LexRank"):
                rows.append(Row("key points", f"{label}, {part}: {m}", "", _fmt(results[m][k])))
        if name == "cnn_dailymail":
            rows.append(Row("key points", f"{label}: analysis time (whole brief)", f"{seconds:.1f} s", "", ""))
    rows.append(own_cost(limit))
    return rows


def own_cost(limit: int | None) -> Row:
    """CPU time of the parse with key points and redundancy against the bare parse (lines splitter
    only), same texts, same process; CPU time because the machine is shared."""
    import time

    import spacy

    import newsbrief.analyzers.keypoints
    import newsbrief.analyzers.lines
    import newsbrief.analyzers.redundancy  # noqa: F401
    from newsbrief.embed import embed
    from newsbrief.pipeline import SPACY_MODEL

    texts = [g["text"] for g in read_jsonl(DATA / "cnn_dailymail" / "dev.jsonl", min(limit or 100, 100))]
    bare = spacy.load(SPACY_MODEL)
    bare.add_pipe("newsbrief_lines", before="parser")
    ours = spacy.load(SPACY_MODEL)
    ours.add_pipe("newsbrief_lines", before="parser")
    ours.add_pipe("newsbrief_redundancy")
    ours.add_pipe("newsbrief_keypoints")
    embed(["warm up"])
    list(bare.pipe(texts[:3]))
    list(ours.pipe(texts[:3]))
    t0 = time.process_time()
    list(bare.pipe(texts, batch_size=16))
    t_bare = time.process_time() - t0
    t0 = time.process_time()
    list(ours.pipe(texts, batch_size=16))
    t_ours = time.process_time() - t0
    return Row(
        "key points",
        f"CPU cost of parse + key points + redundancy vs the parse ({len(texts)} CNN/DM texts)",
        f"{t_ours / t_bare:.2f}x",
        "1.00x",
        f"+{1000 * (t_ours - t_bare) / len(texts):.0f} ms per article",
    )
