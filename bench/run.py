"""Run the benchmarks and print one Markdown table: `python bench/run.py [NAME...] [--limit N]`.

Each `bench/bench_<name>.py` has `run(limit: int | None) -> list[Row]`. The table is also written to
`bench/out/table.md`, from which the README's table is copied.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import OUT, Row  # noqa: E402


def available() -> list[str]:
    return sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))


def table(rows: list[Row]) -> str:
    lines = ["| area | measure | newsbrief | baseline (same run) | note |", "|---|---|---|---|---|"]
    lines += [f"| {r.area} | {r.measure} | {r.newsbrief} | {r.baseline} | {r.note} |" for r in rows]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("names", nargs="*", help=f"benchmarks to run (default all: {', '.join(available())})")
    ap.add_argument("--limit", type=int, default=None, help="at most N documents per data set (quick look)")
    args = ap.parse_args()
    rows: list[Row] = []
    for name in args.names or available():
        t0 = time.perf_counter()
        mod = importlib.import_module(f"bench_{name}")
        got = mod.run(args.limit)
        print(f"[{name}: {time.perf_counter() - t0:.0f} s]", file=sys.stderr)
        print(table(got), flush=True)
        rows += got
    OUT.mkdir(parents=True, exist_ok=True)
    cmd = "python bench/run.py " + " ".join(sys.argv[1:])
    (OUT / "table.md").write_text(f"`{cmd.strip()}`\n\n{table(rows)}\n", encoding="utf-8")
    print("\n" + table(rows))


if __name__ == "__main__":
    main()
