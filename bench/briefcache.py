"""Briefs of a data set computed once and kept under bench/out/briefs/, keyed by the analyzers' code
and resources: the corpus benches then measure clustering and storage, not analysis, and a change
of an analyzer (by anyone) invalidates the cache by itself."""

from __future__ import annotations

import hashlib
import json
import time
from typing import Any

from common import OUT, ROOT, analyze_in_process

SRC = ROOT / "src" / "newsbrief"


def pipeline_key() -> str:
    """A hash of everything that shapes a brief: analyzers, pipeline, model, resources."""
    h = hashlib.sha256()
    paths = sorted([*(SRC / "analyzers").rglob("*.py"), *(SRC / "resources").rglob("*.*"), SRC / "pipeline.py", SRC / "model.py"])
    for p in paths:
        if "__pycache__" in p.parts:
            continue
        h.update(str(p.relative_to(SRC)).encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:12]


def cached_briefs(name: str, inputs: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], float]:
    """(brief records in input order, seconds the analysis took when it was computed)."""
    key = hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()[:10]
    path = OUT / "briefs" / f"{name}-{key}-{pipeline_key()}.jsonl"
    meta = path.with_suffix(".seconds")
    if path.exists() and meta.exists():
        with open(path, encoding="utf-8") as f:
            return [json.loads(line) for line in f], float(meta.read_text())
    t0 = time.perf_counter()
    briefs, seconds = analyze_in_process(inputs)
    seconds = seconds or time.perf_counter() - t0
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        for b in briefs:
            f.write(json.dumps(b, ensure_ascii=False) + "\n")
    tmp.replace(path)
    meta.write_text(f"{seconds:.3f}")
    return briefs, seconds
