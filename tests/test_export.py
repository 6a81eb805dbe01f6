"""Export on both stores: JSONL and Parquet files of articles, briefs, actors, stories and events that
hold every row (briefs whole, events with their sources), and clear errors for a bad format or destination."""

from __future__ import annotations

import json

import pytest

import corpus_stores
from corpus_helpers import BRIDGE, BRIDGE_REWRITE, TRAIN, brief
from newsbrief.corpus import Corpus
from newsbrief.corpus.export import export
from newsbrief.errors import UsageError
from test_relations import ARTICLES as EVENT_ARTICLES

db_url = corpus_stores.db_url  # the fixture, on both stores


@pytest.fixture
def corpus(db_url):
    with Corpus.open(db_url) as c:
        c.add_brief(brief("b1", BRIDGE, "2024-03-04", names=[("Ellen Tran", "PERSON")], source="Daily One"))
        c.add_brief(brief("b2", BRIDGE_REWRITE, "2024-03-04", source="Wire"))  # a copy
        c.add_brief(brief("t1", TRAIN, "2024-05-12", source="Rail News"))
        yield c


def _read(path):
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in path.read_text().splitlines()]
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist()


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_export_writes_every_table(corpus, tmp_path, fmt):
    counts = export(corpus.store, tmp_path / "out", fmt)
    assert counts == {"articles": 3, "briefs": 3, "actors": 1, "stories": 2, "events": 0}
    arts = _read(tmp_path / "out" / f"articles.{fmt}")
    assert [a["id"] for a in arts] == ["b1", "b2", "t1"] and arts[1]["copy_of"] == "b1" and arts[0]["text"] == BRIDGE
    briefs = _read(tmp_path / "out" / f"briefs.{fmt}")
    b = briefs[0]["brief"] if fmt == "jsonl" else json.loads(briefs[0]["brief"])
    assert b["text"] == BRIDGE and b["entities"][0]["name"] == "Ellen Tran"
    actors = _read(tmp_path / "out" / f"actors.{fmt}")
    aliases = actors[0]["aliases"] if fmt == "jsonl" else json.loads(actors[0]["aliases"])
    assert actors[0]["name"] == "Ellen Tran" and "Ellen Tran" in aliases
    stories = {s["id"]: s for s in _read(tmp_path / "out" / f"stories.{fmt}")}
    bridge = stories[arts[0]["story_id"]]
    assert (bridge["size"], bridge["n_articles"], bridge["outlets"]) == (1, 2, ["Daily One"])  # the copy is no outlet


def test_bad_format_and_destination(corpus, tmp_path):
    with pytest.raises(UsageError, match="format"):
        export(corpus.store, tmp_path, "csv")
    (tmp_path / "file").write_text("x")
    with pytest.raises(UsageError, match="not a directory"):
        export(corpus.store, tmp_path / "file", "jsonl")


def test_export_command(tmp_path, run_cli):
    db = str(tmp_path / "c.db")
    with Corpus.open(db) as c:
        c.add_brief(brief("t1", TRAIN, "2024-05-12", source="Rail News"))
    proc = run_cli("export", str(tmp_path / "pq"), "--db", db, "--format", "parquet")
    assert proc.returncode == 0, proc.stderr.decode()
    assert sorted(p.name for p in (tmp_path / "pq").iterdir()) == [
        f"{t}.parquet" for t in ("actors", "articles", "briefs", "events", "stories")
    ]
    proc = run_cli("export", str(tmp_path / "x"), "--db", db, "--format", "xml")
    assert proc.returncode != 0 and "Traceback" not in proc.stderr.decode()


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_export_events_with_their_sources(db_url, tmp_path, fmt):
    with Corpus.open(db_url) as c:
        for b in EVENT_ARTICLES[:3]:  # one visit told by three outlets
            c.add_brief(b)
        export(c.store, tmp_path, fmt)
    events = _read(tmp_path / f"events.{fmt}")
    visit = next(e for e in events if e["n_sources"] == 3)
    sources = visit["sources"] if fmt == "jsonl" else json.loads(visit["sources"])
    assert sorted({s["article"] for s in sources}) == ["one", "three", "two"]
    texts = {b["id"]: b["text"] for b in EVENT_ARTICLES}
    for s in sources:  # each source points at its article's trigger
        assert texts[s["article"]][s["trigger_start"] : s["trigger_end"]] in {"arrived", "trip", "toured"}
