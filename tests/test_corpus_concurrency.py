"""Several writers at once, on both stores: processes ingesting overlapping articles in different
orders store each article once, number them without gaps or clashes, and keep story sizes whole."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import corpus_stores
from corpus_helpers import BRIDGE, BRIDGE_OTHER_OUTLET, TRAIN, TRAIN_2
from newsbrief.corpus import open_store

TESTS = Path(__file__).parent
WRITER = textwrap.dedent(
    """
    import random, sys
    sys.path.insert(0, {tests!r})
    from corpus_helpers import brief
    from newsbrief.corpus import Corpus
    shared, own, seed = {shared!r}, {own!r}, {seed!r}
    items = [(f"s{{i}}", t) for i, t in enumerate(shared)] + [(f"w{seed}-{{i}}", t) for i, t in enumerate(own)]
    random.Random(seed).shuffle(items)
    with Corpus.open({db!r}) as corpus:
        for aid, text in items:
            out = corpus.add_brief(brief(aid, text, "2024-05-1" + str(len(aid) % 9), names=[("Ellen Tran", "PERSON")]))
            assert out.status in ("added", "copy", "unchanged"), out
    """
)

db_url = corpus_stores.db_url  # the fixture, on both stores


def _texts(n: int, tag: str) -> list[str]:
    bases = [BRIDGE, TRAIN, BRIDGE_OTHER_OUTLET, TRAIN_2]
    return [f"{bases[i % 4]} Update {tag}{i}: item {i * 13} of batch {tag} was filed by desk {i % 5}." for i in range(n)]


def test_concurrent_writers_store_everything_once(db_url):
    shared = _texts(10, "s")
    scripts = [WRITER.format(tests=str(TESTS), shared=shared, own=_texts(3, f"o{k}x"), seed=k, db=db_url) for k in range(3)]
    with open_store(db_url):  # created and migrated once up front is not required, but three at once must also work
        pass
    procs = [subprocess.Popen([sys.executable, "-c", s], stderr=subprocess.PIPE) for s in scripts]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()[-2000:]
    with open_store(db_url) as store:
        ids = [r[0] for r in store.execute("SELECT id FROM articles ORDER BY seq")]
        assert len(ids) == len(set(ids)) == 10 + 3 * 3
        seqs = [int(r[0]) for r in store.execute("SELECT seq FROM articles ORDER BY seq")]
        assert seqs == list(range(1, len(ids) + 1))
        assert store.execute("SELECT COUNT(*) FROM articles WHERE story_id IS NULL").fetchone()[0] == 0
        total = store.execute("SELECT SUM(n_articles) FROM stories").fetchone()[0]
        assert int(total) == len(ids)  # every article counted in exactly one story
        actors = store.execute("SELECT id, articles FROM actors").fetchall()
        assert (
            len(actors) == 1
            and int(actors[0][1])
            == len(ids) - store.execute("SELECT COUNT(*) FROM articles WHERE copy_of IS NOT NULL").fetchone()[0]
        )
        assert store.n_docs() == store.execute("SELECT COUNT(*) FROM articles WHERE copy_of IS NULL").fetchone()[0]


def test_concurrent_first_opening_migrates_once(db_url):
    script = f"from newsbrief.corpus import open_store\nopen_store({db_url!r}).close()"
    procs = [subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.PIPE) for _ in range(3)]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()[-2000:]
    with open_store(db_url) as store:
        versions = [r[0] for r in store.execute("SELECT version FROM schema_migrations ORDER BY version")]
        assert versions == sorted(set(versions))
