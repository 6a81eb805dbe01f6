"""What every benchmark shares: where the data and scorers are, feeding gold lines to newsbrief as a
user would (`{id, text, title, published}` only, never the labels), scoring, and the table row."""

from __future__ import annotations

import contextlib
import json
import random
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
EVAL = SHARED / "eval"
OUT = ROOT / "bench" / "out"


@dataclass
class Row:
    area: str
    measure: str
    newsbrief: str
    baseline: str = ""
    note: str = ""


def read_jsonl(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return rows[:limit] if limit else rows


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def user_input(gold: dict[str, Any]) -> dict[str, Any]:
    """What a user would have of a gold line: id, text, title, and its date cut to YYYY-MM-DD."""
    date = gold.get("date") or gold.get("dct")
    return {"id": gold["id"], "text": gold["text"], "title": gold.get("title"), "published": str(date)[:10] if date else None}


def shuffled(rows: list[dict[str, Any]], seed: int) -> list[dict[str, Any]]:
    rows = list(rows)
    random.Random(seed).shuffle(rows)
    return rows


def analyze_in_process(inputs: list[dict[str, Any]], points: int | None = None) -> tuple[list[dict[str, Any]], float]:
    """Briefs of the input lines through the same code path as `analyze --jsonl`; (briefs, seconds)."""
    from newsbrief.batch import run
    from newsbrief.ingest.jsonl import read_lines
    from newsbrief.pipeline import build_nlp

    build_nlp()  # load time is not analysis time
    t0 = time.perf_counter()
    out = list(run(read_lines(json.dumps(r) for r in inputs), points=points))
    return out, time.perf_counter() - t0


def score(scorer: str, gold: Path, pred: Path, *args: str) -> list[str]:
    """Run one of ../shared/eval's scorers; its output lines (the headline figure is the last)."""
    proc = subprocess.run(
        [sys.executable, str(EVAL / scorer), str(gold), str(pred), *args], capture_output=True, text=True, check=False
    )
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{scorer} failed: {proc.stderr.strip()[-500:]}")
    return proc.stdout.strip().splitlines()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serving(
    command: Callable[[int], list[str]], log: IO[str], env: dict[str, str], ready: str = "/", timeout: float = 120.0
) -> Iterator[tuple[subprocess.Popen[Any], str]]:
    """A server started as `command(port)` on a free loopback port, yielded once `ready` answers 200,
    and stopped on the way out; its output goes to `log`."""
    import httpx

    port = free_port()
    proc = subprocess.Popen(command(port), env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        t0 = time.perf_counter()
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"{command(port)[:2]} exited with status {proc.returncode}")
            if time.perf_counter() - t0 > timeout:
                raise RuntimeError(f"{command(port)[:2]} did not answer in {timeout:.0f} s")
            try:
                if httpx.get(base + ready, timeout=30.0).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        yield proc, base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
