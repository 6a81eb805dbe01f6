"""Speed: the whole brief (`analyze --jsonl`'s code path) against the bare spaCy pipeline on the same
CNN/DM dev texts, both in this process, in this run."""

from __future__ import annotations

import time

from common import DATA, Row, analyze_in_process, read_jsonl, user_input


def run(limit: int | None) -> list[Row]:
    import spacy

    from newsbrief.pipeline import SPACY_MODEL

    gold = read_jsonl(DATA / "cnn_dailymail" / "dev.jsonl", limit or 500)
    inputs = [user_input(g) for g in gold]
    texts = [r["text"] for r in inputs]
    words = sum(len(t.split()) for t in texts)

    bare = spacy.load(SPACY_MODEL)
    list(bare.pipe(texts[:5]))  # warm up
    t0 = time.perf_counter()
    for _ in bare.pipe(texts, batch_size=16):
        pass
    t_bare = time.perf_counter() - t0

    briefs, t_brief = analyze_in_process(inputs)
    errors = sum("error" in b for b in briefs)
    n = len(texts)
    return [
        Row(
            "speed",
            f"CNN/DM dev, {n} articles, {words:,} words: articles/s",
            f"{n / t_brief:.1f}",
            f"{n / t_bare:.1f} (bare spaCy)",
            f"{errors} errors",
        ),
        Row("speed", "words/s", f"{words / t_brief:,.0f}", f"{words / t_bare:,.0f} (bare spaCy)"),
        Row("speed", "cost of the whole brief vs the bare parse", f"{t_brief / t_bare:.2f}x", "1.00x", "target ≤ 3x"),
    ]
