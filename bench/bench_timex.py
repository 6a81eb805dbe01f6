"""Time expressions: TempEval-3 train (a held-out fifth and all of it) and MEANTIME (never tuned on;
whole, and on the opening it annotates, where precision counts),
scored by ../shared/eval/score_timex.py beside `dateparser.search.search_dates` run in this same
bench; the example's 11 gold values; and what the time components cost in the whole brief.

Held-out part: every 5th document of TempEval-3 train by sorted id (51 documents); the rules were
tuned on the other 205. `python bench/run.py timex [--limit N]`.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from common import DATA, EVAL, OUT, ROOT, Row, analyze_in_process, read_jsonl, score, user_input, write_jsonl

EXAMPLE = ROOT / "examples" / "putin-kim-visit.txt"
TIME_COMPONENTS = ("newsbrief_timex", "newsbrief_temporal_checks")


def held_out_ids(gold: list[dict[str, Any]]) -> set[str]:
    ids = sorted(str(g["id"]) for g in gold)
    return set(ids[4::5])


def search_dates_baseline(gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """dateparser.search.search_dates on the whole text, reference = the document date at noon; each
    hit is a DATE valued at day granularity (search_dates gives no granularity), TIME when it has a clock."""
    from dateparser.search import search_dates

    out = []
    for g in gold:
        text, dct = g["text"], str(g.get("dct") or g.get("date") or "")[:10]
        settings: dict[str, Any] = {"PREFER_DATES_FROM": "past"}
        if dct:
            settings["RELATIVE_BASE"] = datetime.fromisoformat(dct + "T12:00:00")
        timexes = []
        try:
            hits = search_dates(text, languages=["en"], settings=settings) or []
        except Exception:  # the baseline's own failures count as no output
            hits = []
        cursor = 0
        for sub, dt in hits:
            at = text.find(sub, cursor)
            if at < 0:
                continue
            cursor = at + len(sub)
            has_clock = any(c in sub for c in ":") or "m." in sub.lower()
            value = dt.strftime("%Y-%m-%dT%H:%M") if has_clock else dt.strftime("%Y-%m-%d")
            timexes.append(
                {"start": at, "end": at + len(sub), "text": sub, "type": "TIME" if has_clock else "DATE", "value": value}
            )
        out.append({"id": g["id"], "timexes": timexes})
    return out


_SENTENCE_END = re.compile(r"[.!?][\"”]?\s+(?=[A-Z\"“])")


def opening_end(text: str, sentences: int = 5) -> int:
    """Where MEANTIME's time annotation stops: its title, date line and the first sentences of the
    body. Five by a plain sentence-end rule (abbreviations split early): every gold timex of dev lies
    there, none after, and text after it is not annotated, so predictions there are not errors."""
    body = text.find("\n\n") + 2 if "\n\n" in text else 0
    ends = [m.end() for m in _SENTENCE_END.finditer(text, body)]
    return ends[sentences - 1] if len(ends) >= sentences else len(text)


def in_opening(gold: list[dict[str, Any]], briefs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The predictions that lie in each document's annotated opening, so that P counts."""
    by_id = {str(b.get("id")): b for b in briefs}
    out = []
    for g in gold:
        cut = opening_end(g["text"])
        if any(t["end"] > cut for t in g["timexes"]):
            cut = len(g["text"])  # gold past the cut: this document is annotated further, so it counts whole
        b = by_id.get(str(g["id"]), {})
        out.append({"id": g["id"], "timexes": [t for t in b.get("timexes", []) if t["end"] <= cut]})
    return out


def _scores(gold_path: Path, pred_path: Path) -> dict[str, Any]:
    return json.loads(score("score_timex.py", gold_path, pred_path, "--json")[-1])


def _rows(name: str, ours: dict[str, Any], base: dict[str, Any], note: str) -> list[Row]:
    rows = []
    for key, label in (
        ("strict", "strict extraction F1"),
        ("relaxed", "relaxed extraction F1"),
        ("type", "type F1"),
        ("value", "value F1"),
    ):
        o, b = ours[key], base[key]
        extra = f"P {o['p']:.3f} R {o['r']:.3f}" if key in ("relaxed", "value") else ""
        rows.append(
            Row(
                "timex",
                f"{name}: {label}",
                f"{o['f1']:.3f}",
                f"{b['f1']:.3f} (dateparser search_dates)",
                "; ".join(x for x in (extra, note) if x),
            )
        )
    return rows


def _evaluate(
    name: str, gold: list[dict[str, Any]], briefs: list[dict[str, Any]], base: list[dict[str, Any]], note: str
) -> list[Row]:
    tag = name.lower().replace(" ", "_").replace(",", "")
    gp = write_jsonl(OUT / f"timex_{tag}_gold.jsonl", gold)
    pp = write_jsonl(OUT / f"timex_{tag}_pred.jsonl", briefs)
    bp = write_jsonl(OUT / f"timex_{tag}_dateparser.jsonl", base)
    return _rows(f"{name} ({sum(len(g['timexes']) for g in gold)} timexes)", _scores(gp, pp), _scores(gp, bp), note)


def _dateparser_on_our_spans(name: str, gold: list[dict[str, Any]], briefs: list[dict[str, Any]]) -> list[Row]:
    """Where dateparser is right: our extents and types, values by dateparser (as the component's
    fallback calls it, reference at noon) instead of our rules; durations and sets get none."""
    from newsbrief.analyzers.timex import _dateparser_value

    swapped = []
    for b in briefs:
        pub = b.get("published")
        tx = []
        for t in b.get("timexes", []):
            got = _dateparser_value(t["text"], pub) if t["type"] in ("DATE", "TIME") else None
            tx.append({**t, "value": got[1] if got else None})
        swapped.append({"id": b.get("id"), "timexes": tx})
    tag = name.lower().replace(" ", "_").replace(",", "")
    gp = OUT / f"timex_{tag}_gold.jsonl"
    ours = _scores(gp, OUT / f"timex_{tag}_pred.jsonl")["value"]
    dp = _scores(gp, write_jsonl(OUT / f"timex_{tag}_dp_values.jsonl", swapped))["value"]
    return [
        Row(
            "timex",
            f"{name}: value F1, our extents valued by rules vs by dateparser",
            f"{ours['f1']:.3f}",
            f"{dp['f1']:.3f} (dateparser values)",
            "same spans and types; only the normalization differs",
        )
    ]


def _fifths(gold: list[dict[str, Any]], briefs: list[dict[str, Any]]) -> list[Row]:
    """Value F1 on each fifth of train (every 5th document by sorted id, from the 1st to the 5th;
    the 5th is the held-out part): how far one part's figure moves from another's with the same
    rules, four of them tuned on."""
    ids = sorted(str(g["id"]) for g in gold)
    by_id = {str(b.get("id")): b for b in briefs}
    figures = []
    for k in range(5):
        part = set(ids[k::5])
        gp = write_jsonl(OUT / f"timex_fifth{k + 1}_gold.jsonl", [g for g in gold if str(g["id"]) in part])
        pp = write_jsonl(OUT / f"timex_fifth{k + 1}_pred.jsonl", [by_id[i] for i in sorted(part) if i in by_id])
        figures.append(_scores(gp, pp)["value"]["f1"])
    return [
        Row(
            "timex",
            "TempEval-3 train: value F1 of each fifth (5th = held out)",
            " / ".join(f"{f:.3f}" for f in figures),
            "",
            "same rules on each part; fifths 1-4 tuned on: the spread is what one part of 51 documents moves",
        )
    ]


def _cost(limit: int | None) -> list[Row]:
    """Each component's time on CNN/DM dev texts (the speed bench's data), pipeline run step by step."""
    from newsbrief.ingest.article import Article
    from newsbrief.pipeline import build_nlp, make_doc

    nlp = build_nlp()
    texts = [g["text"] for g in read_jsonl(DATA / "cnn_dailymail" / "dev.jsonl", min(limit or 100, 100))]
    spent: dict[str, float] = {}
    for text in texts:
        doc = make_doc(nlp, Article(text=text, published="2015-04-01", published_source="input"))
        for name, proc in nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - t0
    total = sum(spent.values())
    ours = sum(spent.get(n, 0.0) for n in TIME_COMPONENTS)
    parse = sum(v for k, v in spent.items() if not k.startswith("newsbrief_"))
    per = 1000 * ours / len(texts)
    return [
        Row(
            "timex",
            f"cost of timex + temporal checks, CNN/DM dev {len(texts)} articles",
            f"{per:.1f} ms/article = {100 * ours / total:.1f}% of the whole brief",
            f"{100 * ours / parse:.1f}% of the bare spaCy parse",
            f"timex {1000 * spent.get('newsbrief_timex', 0) / len(texts):.1f} ms, checks "
            f"{1000 * spent.get('newsbrief_temporal_checks', 0) / len(texts):.1f} ms",
        )
    ]


def _example() -> list[Row]:
    exe = Path(sys.executable).parent / "newsbrief"
    proc = subprocess.run(
        [str(exe), "analyze", str(EXAMPLE), "--published", "2024-06-18", "--format", "json"], capture_output=True
    )
    path = OUT / "timex_example_brief.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(proc.stdout)
    check = subprocess.run([sys.executable, str(EVAL / "check_example.py"), str(path), "timex"], capture_output=True, text=True)
    last = (check.stdout.strip().splitlines() or ["(no output)"])[-1]
    return [Row("timex", "example: check_example.py timex", last.replace("example timex ", ""), "", "target 11/11")]


def run(limit: int | None) -> list[Row]:
    tempeval = read_jsonl(DATA / "tempeval3" / "train.jsonl")
    held = held_out_ids(tempeval)
    if limit:
        tempeval = sorted(tempeval, key=lambda g: str(g["id"]))[:limit]
    meantime = read_jsonl(DATA / "meantime" / "dev.jsonl", limit)

    rows: list[Row] = []
    for name, gold, note in (
        ("TempEval-3 train, held-out fifth", [g for g in tempeval if str(g["id"]) in held], "not tuned on"),
        ("TempEval-3 train, all", tempeval, "4/5 tuned on"),
        ("MEANTIME", meantime, "never tuned on; MEANTIME marks time only in each article's opening lines, so read R, not P"),
    ):
        if not gold:
            continue
        briefs, _ = analyze_in_process([user_input(g) for g in gold])
        base = search_dates_baseline(gold)
        rows += _evaluate(name, gold, briefs, base, note)
        rows += _dateparser_on_our_spans(name, gold, briefs)
        if name == "MEANTIME":
            rows += _evaluate(
                "MEANTIME, annotated opening",
                gold,
                in_opening(gold, briefs),
                in_opening(gold, base),
                "never tuned on; title, date line and first sentences, where all its timexes are: P counts here",
            )
        if name == "TempEval-3 train, all" and not limit:
            rows += _fifths(gold, briefs)
    rows += _example()
    rows += _cost(limit)
    return rows
