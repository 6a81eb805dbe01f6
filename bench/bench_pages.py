"""The web pages on a 10,000-article SQLite store: the time each page type takes to be served (home,
story, article, actor, search), p50 / p95 / max over REQUESTS requests each, target < 300 ms (issue #8).

Measured as HTTP round trips on loopback from one sequential client (httpx, in this process) to
`newsbrief serve` in a subprocess: the figure is the server's whole answer (routing, store reads,
rendering, HTTP), not the browser's rendering. The note adds the server's CPU time per request (all
its threads, /proc schedstat): on a shared machine the wall time also holds waits for a core.

Each request asks for a different item where there are many: half of the stories and actors are the
biggest ones (the worst case), half drawn at random; articles at random, the longest among them;
search words drawn from the texts, a third with a filter. The warm-up asks for other items, so each
measured request is the first for its item (cold: the server caches a story page per story state);
"story (again)" asks for the same stories once more. The store is as `newsbrief ingest` leaves it:
the brief of each story stored at the end of the run that touched it (a kept store is brought up to
date first, the same step), so a story's first view in the new server process reads it, as a
user's first view after `ingest` then `serve` does. That step and the server run a copy of the code
taken at the start (others edit the tree meanwhile); should the server still store briefs under
another build, the note says so.

The store is bench_store's: recombined paragraphs of briefed ECB+ / CNN-DM / BBC dev articles, spans
shifted, ingested as precomputed briefs (about 12 min for 10k on a busy machine). BENCH_PAGES_KEEP=1
keeps it in bench/out/pages/ and reuses it next time (the note says so). `--limit N` builds N articles.
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from common import OUT, Row, serving

N_ARTICLES = 10_000
REQUESTS = int(os.environ.get("BENCH_PAGES_REQUESTS", "30"))  # measured requests per page type
WARMUP = 3  # unmeasured requests per page type first, for other items (imports, templates, the stemmer)
KEEP = os.environ.get("BENCH_PAGES_KEEP") == "1"
TARGET_MS = 300.0
KINDS = ("home", "story", "article", "actor", "search")


def build_store(db: Path, n: int) -> dict[str, Any]:
    """bench_store's n recombined briefs ingested into a SQLite store at `db`, then the story briefs
    stored as an ingest run stores them at its end."""
    from bench_store import recombined
    from newsbrief.corpus import Corpus

    t0 = time.perf_counter()
    with Corpus.open(str(db)) as corpus:
        for b in recombined(n):
            corpus.add_brief(b)
        t1 = time.perf_counter()
        corpus.store_story_briefs()
    return {"seconds": time.perf_counter() - t0, "story_briefs": time.perf_counter() - t1}


_UP_TO_DATE = (
    "import sys; from newsbrief.corpus import views; from newsbrief.corpus.store import open_store; "
    "store = open_store(sys.argv[1], create=False); print(views.refresh_story_briefs(store), views.builder())"
)


def snapshot(tmp: Path) -> dict[str, str]:
    """The environment of a copy of newsbrief's code as it is now: the server and the step that stores
    the story briefs both run it, while other engineers edit the tree (a stored story brief names the
    build of the code that made it; an edit between the two would make every one stale)."""
    import newsbrief

    code = tmp / "code"
    shutil.copytree(Path(newsbrief.__file__).parent, code / "newsbrief", ignore=shutil.ignore_patterns("__pycache__"))
    env = {k: v for k, v in os.environ.items() if k != "NEWSBRIEF_TOKEN"}
    env["PYTHONPATH"] = os.pathsep.join([str(code), *filter(None, [os.environ.get("PYTHONPATH")])])
    return env


def bring_up_to_date(db: Path, env: dict[str, str]) -> tuple[str, str]:
    """The store as an ingest run with this code leaves it: the story briefs it does not hold for this
    build of newsbrief (a store kept from before they were stored, or code changed since) are built
    and stored, as the end of the run that last touched each story would have done. (What was done,
    the build's digest.)"""
    import subprocess

    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _UP_TO_DATE, str(db)], env=env, capture_output=True, text=True, check=True)
    built, build = out.stdout.split()
    did = f"{built} story briefs stored first, {time.perf_counter() - t0:.0f} s" if int(built) else "story briefs up to date"
    return did, build


def _store(n: int, tmp: Path) -> tuple[Path, str]:
    """The store to measure and how it was come by (for the note)."""
    kept = OUT / "pages" / f"store-{n}.db"
    if KEEP and kept.exists():
        return kept, f"store reused from {kept.relative_to(OUT.parent.parent)}"
    db = tmp / "store.db"
    built = build_store(db, n)
    how = f"store built in {built['seconds']:.0f} s, of which {built['story_briefs']:.0f} s storing the story briefs"
    if KEEP:
        kept.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            if Path(f"{db}{suffix}").exists():
                shutil.copy(f"{db}{suffix}", f"{kept}{suffix}")
    return db, how


def targets(db: Path, rng: random.Random, k: int, extra: int = WARMUP) -> dict[str, list[str]]:
    """k + extra URLs per page type, read from the store: the first k to measure, the rest (other
    items, drawn at random) to warm the server up with."""
    from newsbrief.corpus.store import open_store

    with open_store(str(db), create=False) as store:
        q = store.execute
        big_stories = [r[0] for r in q("SELECT id FROM stories ORDER BY n_articles DESC, id LIMIT ?", (k,))]
        all_stories = [r[0] for r in q("SELECT id FROM stories")]
        big_actors = [r[0] for r in q("SELECT id FROM actors ORDER BY articles DESC, id LIMIT ?", (k,))]
        all_actors = [r[0] for r in q("SELECT id FROM actors")]
        articles = [r[0] for r in q("SELECT id FROM articles WHERE copy_of IS NULL")]
        longest = [r[0] for r in q("SELECT id FROM articles ORDER BY length(text) DESC LIMIT ?", (k // 3,))]
        texts = [r[0] for r in q("SELECT text FROM articles ORDER BY seq LIMIT 300")]
        outlets = [r[0] for r in q("SELECT DISTINCT source FROM articles WHERE source IS NOT NULL")]
    half = (k + 1) // 2

    def draw(first: list[str], pool: list[str]) -> list[str]:
        taken = set(first)
        rest = [x for x in pool if x not in taken]
        return first + rng.sample(rest, min(len(rest), k + extra - len(first)))

    stories, actors = draw(big_stories[:half], all_stories), draw(big_actors[:half], all_actors)
    arts = draw(longest, articles)
    words = [w for t in texts for w in re.findall(r"[A-Za-z]{5,}", t)]
    searches = []
    for i in range(k + extra):
        params: dict[str, str] = {"q": " ".join(rng.sample(words, rng.choice([1, 1, 2])))}
        if i % 3 == 1 and outlets:
            params["outlet"] = rng.choice(outlets)
        elif i % 3 == 2:
            params["since"] = "2024-03-01"
        searches.append("/search?" + urlencode(params))
    return {
        "home": ["/"] * (k + extra),
        "story": [f"/story/{quote(s, safe='')}" for s in stories],
        "article": [f"/article/{quote(a, safe='')}" for a in arts],
        "actor": [f"/actor/{quote(a, safe='')}" for a in actors],
        "search": searches,
    }


def settle(pid: int, quiet: float = 0.05, step: float = 0.5, timeout: float = 60.0) -> float:
    """Wait until the server process is idle (under `quiet` CPU seconds per `step`): it imports the
    search stemmer in a background thread after it starts answering, which would slow the first
    requests measured. Returns the seconds waited."""
    t0 = time.perf_counter()
    last = cpu_ns(pid)
    while time.perf_counter() - t0 < timeout:
        time.sleep(step)
        now = cpu_ns(pid)
        if now - last < quiet * 1e9:
            break
        last = now
    return time.perf_counter() - t0


def cpu_ns(pid: int | None) -> int:
    """CPU time the process has used so far, all its threads, in ns (/proc/PID/task/*/schedstat): the
    server's own work for a request, apart from the waits that other work on the machine causes."""
    total = 0
    if pid is None:
        return 0
    for f in Path(f"/proc/{pid}/task").glob("*/schedstat"):
        with contextlib.suppress(OSError, ValueError, IndexError):  # a thread that ended meanwhile
            total += int(f.read_text().split()[0])
    return total


def measure(base: str, urls: dict[str, list[str]], k: int, pid: int | None = None) -> dict[str, dict[str, Any]]:
    """Sequential GETs: the warm-up ones (urls[kind][k:]) unmeasured, then, the server idle again,
    each of the first k once, page types interleaved, so that every measured item is asked for the
    first time (the server caches story pages per story state: a story's first request is the cost
    that counts); then the measured story pages once more, for the cached figure."""
    import httpx

    res: dict[str, dict[str, Any]] = {kind: {"ms": [], "cpu": [], "errors": [], "bytes": []} for kind in [*urls, "story (again)"]}
    with httpx.Client(base_url=base, timeout=60.0) as client:
        for us in urls.values():
            for u in us[k:]:
                client.get(u)
        if pid is not None:
            settle(pid)
        order = [(kind, u) for kind, us in urls.items() for u in us[:k]]
        random.Random(5).shuffle(order)
        order += [("story (again)", u) for u in urls["story"][:k]]
        for kind, u in order:
            c0, t0 = cpu_ns(pid), time.perf_counter()
            r = client.get(u)
            ms = 1000 * (time.perf_counter() - t0)
            res[kind]["cpu"].append((cpu_ns(pid) - c0) / 1e6)
            res[kind]["ms"].append(ms)
            res[kind]["bytes"].append(len(r.content))
            if r.status_code != 200:
                res[kind]["errors"].append(f"{u} {r.status_code}")
    return res


def _pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, round(q * len(xs)) - 1))]


def _serve_command(db: Path) -> Callable[[int], list[str]]:
    exe = Path(sys.executable).parent / "newsbrief"
    return lambda port: [str(exe) if exe.exists() else "newsbrief", "serve", "--db", str(db), "--port", str(port)]


def run(limit: int | None) -> list[Row]:
    n = limit or N_ARTICLES
    with tempfile.TemporaryDirectory() as tmp_s:
        tmp = Path(tmp_s)
        db, how = _store(n, tmp)
        urls = targets(db, random.Random(11), REQUESTS)
        from newsbrief.corpus.store import open_store

        with open_store(str(db), create=False) as store:
            n_art = store.count_articles()
            n_stories = int(store.execute("SELECT COUNT(*) FROM stories").fetchone()[0])
            n_actors = int(store.execute("SELECT COUNT(*) FROM actors").fetchone()[0])
        env = snapshot(tmp)
        did, build = bring_up_to_date(db, env)
        how += f"; {did}"
        with open(tmp / "serve.log", "w+") as log:
            with serving(_serve_command(db), log, env) as (proc, base):
                res = measure(base, urls, REQUESTS, proc.pid)
            log.seek(0)
            server_log = log.read()
        with open_store(str(db), create=False) as store:
            other = int(store.execute("SELECT COUNT(*) FROM story_briefs WHERE builder <> ?", (build,)).fetchone()[0])
    if other:
        how += f"; {other} STORY BRIEFS STORED BY ANOTHER BUILD (code changed during the run): their first views built them"
    errors = [e for r in res.values() for e in r["errors"]]
    if errors:
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / "pages_errors.txt").write_text("\n".join(errors) + "\n\n" + server_log[-5000:])
    load = os.getloadavg()[0]
    rows = []
    for kind in [*KINDS, "story (again)"]:
        r = res[kind]
        ms = r["ms"]
        worst = _pct(ms, 0.95)
        note = f"{len(ms)} requests, {statistics.mean(r['bytes']) / 1000:.0f} kB mean; max {max(ms):.0f} ms"
        if r["cpu"] and max(r["cpu"]) > 0:
            note += f"; server CPU p50 / p95 {statistics.median(r['cpu']):.1f} / {_pct(r['cpu'], 0.95):.1f} ms"
        if r["errors"]:
            note += f"; {len(r['errors'])} non-200 (bench/out/pages_errors.txt)"
        verdict = "meets" if worst < TARGET_MS and not r["errors"] else "MISSES"
        rows.append(Row("pages", f"{kind}: p50 / p95 (ms)", f"{statistics.median(ms):.1f} / {worst:.1f}",
                        f"target < {TARGET_MS:.0f} ms: {verdict}", note))  # fmt: skip
    rows.append(Row("pages", "how measured", "HTTP on loopback", "",
                    f"1 sequential client to `newsbrief serve` (subprocess); SQLite store of {n_art} articles, "
                    f"{n_stories} stories, {n_actors} actors ({how}); load average {load:.1f} on {os.cpu_count()} cores"),
               )  # fmt: skip
    return rows


if __name__ == "__main__":
    for row in run(int(sys.argv[1]) if len(sys.argv) > 1 else None):
        print(row)
