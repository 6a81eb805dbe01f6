"""The example article's brief held against its hand-made gold, aspect by aspect, with
../shared/eval/check_example.py (the targets are the issues')."""

from __future__ import annotations

import subprocess
import sys

from common import EVAL, OUT, ROOT, Row

ASPECTS = ("grounding", "entities", "redundant", "modality", "attribution", "roles", "timex", "events")


def run(limit: int | None) -> list[Row]:
    OUT.mkdir(parents=True, exist_ok=True)
    brief = OUT / "example.brief.json"
    exe = ROOT / ".venv" / "bin" / "newsbrief"
    with open(brief, "wb") as f:
        subprocess.run([str(exe), "analyze", str(ROOT / "examples" / "putin-kim-visit.txt"), "--published", "2024-06-18",
                        "--format", "json"], stdout=f, check=True)
    rows = []
    for aspect in ASPECTS:
        proc = subprocess.run([sys.executable, str(EVAL / "check_example.py"), str(brief), aspect],
                              capture_output=True, text=True, check=False)
        last = proc.stdout.strip().splitlines()[-1]  # "example ASPECT GOT/OF (target >= N)"
        got, target = last.split()[2], last.split("(")[-1].rstrip(")")
        verdict = "met" if proc.returncode == 0 else "NOT met"
        rows.append(Row("example", f"check_example {aspect}", got, "", f"{target}; {verdict}"))
    return rows
