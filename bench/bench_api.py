"""The REST API under load on loopback: requests/s and p50/p99 latency of reads (article briefs, story lists,
story briefs, actors, search) from a small async client in this process, while another task posts ingest
writes (each analysed by the server), against `newsbrief.api.run` served by uvicorn in a subprocess.

The store is preloaded with stored briefs of the ECB+ dev set (bench/out/briefs/, the newest cache; stale
briefs are fine here: the API only reads them); the articles held back are the ones posted. Bounded in
count and time; every error response is counted (the target is none). The server stores the briefs of the
stories a POST joined after answering it: a row says when they all were stored, from the last answer.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import secrets
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from common import DATA, OUT, Row, read_jsonl, serving, shuffled, user_input

READERS = 8  # concurrent reading tasks
READ_SECONDS = 30.0  # reads stop after this, or when the writer is done and MIN_READS were made
MIN_READS = 2000
WRITES = int(os.environ.get("BENCH_API_WRITES", "12"))  # articles posted, one per request (1: the warm-up only)
PRELOAD = 400  # stored briefs before the run


def _briefs(limit: int | None) -> list[dict[str, Any]]:
    cached = sorted((OUT / "briefs").glob("ecbplus-dev-*.jsonl"), key=lambda p: p.stat().st_mtime)
    if cached:
        with open(cached[-1], encoding="utf-8") as f:
            rows = [json.loads(line) for line in f if line.strip()]
    else:
        from briefcache import cached_briefs

        inputs = [user_input(g) for g in read_jsonl(DATA / "ecbplus" / "dev.jsonl", limit or PRELOAD + WRITES)]
        rows, _ = cached_briefs(f"ecbplus-dev-{len(inputs)}", inputs)
    rows = [r for r in rows if "error" not in r and r.get("text")]
    return shuffled(rows, 7)[: (limit or len(rows))]


def _pct(xs: list[float], q: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


async def _load(
    base: str, token: str, targets: dict[str, list[str]], posts: list[dict[str, Any]], after_writes: Callable[[float], Any]
) -> dict[str, Any]:
    """The reads and writes; `after_writes(t)` runs in a thread once the last write is answered (at `t`)."""
    import httpx

    lat: dict[str, list[float]] = {}
    errors: list[str] = []
    write_lat: list[float] = []
    after: dict[str, Any] = {}
    done = asyncio.Event()
    limits = httpx.Limits(max_connections=READERS + 2)
    async with httpx.AsyncClient(base_url=base, timeout=120.0, limits=limits) as client:
        # warm-up: the server loads the analysis model on its first write, outside the measured window
        r = await client.post("/api/articles", json=posts[0], headers={"Authorization": f"Bearer {token}"})
        if r.status_code >= 400:
            errors.append(f"warm-up write {r.status_code}: {r.text[:200]}")

        async def writer() -> None:
            for item in posts[1:]:
                t0 = time.perf_counter()
                r = await client.post("/api/articles", json=item, headers={"Authorization": f"Bearer {token}"})
                write_lat.append(time.perf_counter() - t0)
                if r.status_code >= 400:
                    errors.append(f"write {r.status_code}: {r.text[:200]}")
            done.set()
            after["result"] = await asyncio.to_thread(after_writes, time.perf_counter())

        def request(rng: random.Random, kind: str | None = None) -> tuple[str, str]:
            kind = kind or rng.choices(["article", "stories", "story", "actor", "search"], weights=[4, 2, 2, 1, 2])[0]
            if kind == "article":
                return kind, f"/api/articles/{rng.choice(targets['articles'])}"
            if kind == "stories":
                return kind, f"/api/stories?limit=20&offset={rng.randrange(0, 200)}"
            if kind == "story":
                return kind, f"/api/stories/{rng.choice(targets['stories'])}"
            if kind == "actor":
                return kind, f"/api/actors/{rng.choice(targets['actors'])}?limit=20"
            return kind, f"/api/search?q={rng.choice(targets['words'])}&limit=10"

        async def reader(seed: int, deadline: float) -> None:
            rng = random.Random(seed)
            n = 0
            while time.perf_counter() < deadline and not (done.is_set() and sum(map(len, lat.values())) >= MIN_READS):
                kind, url = request(rng)
                t0 = time.perf_counter()
                r = await client.get(url)
                lat.setdefault(kind, []).append(time.perf_counter() - t0)
                if r.status_code >= 400 and not (kind == "search" and r.status_code == 501):
                    errors.append(f"{url} {r.status_code}: {r.text[:200]}")
                n += 1

        for kind in ("article", "stories", "story", "actor", "search"):  # first-call costs (imports, caches) unmeasured
            for _ in range(2):
                await client.get(request(random.Random(0), kind)[1])

        t0 = time.perf_counter()
        deadline = t0 + READ_SECONDS
        w = asyncio.create_task(writer())
        await asyncio.gather(*(reader(k, deadline) for k in range(READERS)))
        read_seconds = time.perf_counter() - t0
        await w
        write_seconds = time.perf_counter() - t0
    return {
        "lat": lat, "errors": errors, "write_lat": write_lat, "read_seconds": read_seconds, "write_seconds": write_seconds,
        "after_writes": after.get("result"),
    }  # fmt: skip


def _story_briefs_after(db: str, article_ids: list[str], since: float, timeout: float = 60.0) -> tuple[int, int, float]:
    """(stories of the posted articles with their brief stored for their current state, stories, seconds after
    the last POST's answer when that was seen): the server stores them after its answers."""
    from newsbrief.corpus.store import open_store
    from newsbrief.corpus.views import builder

    with open_store(db) as store:
        while True:
            ids = sorted({a.story_id for i in article_ids if (a := store.get_article(i)) is not None and a.story_id})
            stories = store.get_stories(ids)
            stored = sum(store.get_story_brief(s, builder()) is not None for s in stories)
            lag = time.perf_counter() - since
            if stored == len(stories) or lag > timeout:
                return stored, len(stories), lag
            time.sleep(0.1)


def run(limit: int | None) -> list[Row]:
    from newsbrief.corpus import Corpus
    from newsbrief.corpus.store import open_store

    briefs = _briefs(None)
    n_pre = min(PRELOAD if not limit else max(20, limit), len(briefs) - WRITES)
    pre, held = briefs[:n_pre], briefs[n_pre : n_pre + WRITES]
    posts = [{k: b.get(k) for k in ("id", "text", "title", "published", "url", "source")} for b in held]
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "api.db")
        with Corpus.open(db) as corpus:
            for b in pre:
                corpus.add_brief(b)
        with open_store(db) as store:
            stories = [s.id for s in store.list_stories(200)]
            actors = sorted({a for s in stories[:50] for a, _ in store.story_actors(s)[:3]})
        words = sorted({w.lower() for b in pre for w in (b.get("title") or "").split() if w.isalpha() and len(w) > 4})
        targets = {"articles": [b["id"] for b in pre], "stories": stories, "actors": actors or ["none"]}
        targets["words"] = words or ["the"]

        token = secrets.token_hex(16)
        env = {**os.environ, "NEWSBRIEF_TOKEN": token}

        def command(port: int) -> list[str]:
            return [sys.executable, "-c", f"from newsbrief.api import run; run({db!r}, host='127.0.0.1', port={port})"]

        with open(Path(tmp) / "server.log", "w+") as log:
            with serving(command, log, env, ready="/openapi.json") as (server, base):
                cpu0 = _cpu(server.pid), time.process_time()
                check = partial(_story_briefs_after, db, [p["id"] for p in posts])
                res = asyncio.run(_load(base, token, targets, posts, check))
                res["server_cpu"], res["client_cpu"] = _cpu(server.pid) - cpu0[0], time.process_time() - cpu0[1]
            log.seek(0)
            server_log = log.read()
    lat = res["lat"]
    all_reads = [x for xs in lat.values() for x in xs]
    n_err = len(res["errors"])
    if n_err:
        (OUT / "api_errors.txt").write_text("\n".join(res["errors"]) + "\n\n" + server_log[-5000:])
    rps = len(all_reads) / res["read_seconds"]
    rows = [
        Row("api", f"reads/s ({READERS} concurrent, with ingest writes)", f"{rps:.0f}",
            note=f"{len(all_reads)} reads in {res['read_seconds']:.1f} s; store of {n_pre} articles, {len(stories)} stories"),
        Row("api", "read latency p50 / p99 (ms), all", f"{1000 * _pct(all_reads, 0.5):.1f} / {1000 * _pct(all_reads, 0.99):.1f}"),
    ]  # fmt: skip
    for kind in sorted(lat):
        xs = lat[kind]
        figure = f"{1000 * _pct(xs, 0.5):.1f} / {1000 * _pct(xs, 0.99):.1f}"
        rows.append(Row("api", f"{kind}: p50 / p99 (ms)", figure, note=f"{len(xs)} requests"))
    wl = res["write_lat"]
    rows.append(Row("api", "ingest writes: articles, p50 (s)", f"{len(wl)}, {_pct(wl, 0.5):.2f}",
                    note="one article per POST, analysed by the server during the reads"))  # fmt: skip
    stored, n_stories, lag = res["after_writes"]
    rows.append(Row("api", "story briefs of the stories posted to, stored after the answers", f"{stored}/{n_stories}",
                    note=f"all stored {lag:.1f} s after the last answer (the server builds them after answering)"
                    if stored == n_stories else f"still missing {lag:.0f} s after the last answer"))  # fmt: skip
    load = os.getloadavg()[0]
    cpu = f"{res['server_cpu']:.1f} / {res['client_cpu']:.1f}"
    note = f"machine load average {load:.1f} on {os.cpu_count()} cores; the analysis process not counted"
    rows.append(Row("api", "CPU s: server / client (during the run)", cpu, note=note))
    rows.append(Row("api", "error responses", str(n_err), note="bench/out/api_errors.txt" if n_err else "target 0"))
    return rows


def _cpu(pid: int) -> float:
    """CPU seconds (user + system) a process has used so far (Linux /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


if __name__ == "__main__":
    for row in run(int(sys.argv[1]) if len(sys.argv) > 1 else None):
        print(row)
