"""Events across the corpus and the relation graph, on SQLite and PostgreSQL: one real-world event told
by three outlets in their own words (and a syndicated copy) is one event with three sources; two visits
weeks apart stay two; per-week quad classes and Goldstein weights; the CLI, the API and their errors.

The briefs are written by hand (the corpus reads briefs only), their events as the events component
would give them, so these tests test the corpus and not the analysis."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from corpus_stores import db_url  # noqa: F401  (fixture)
from newsbrief.api import create_app
from newsbrief.cli import app as cli_app
from newsbrief.corpus import Corpus, open_store
from newsbrief.corpus.actors import find_actors
from newsbrief.corpus.events import event_date
from newsbrief.corpus.relations import relations
from newsbrief.model import Brief, Entity, Event, Span

# name -> (type, country)
PARTIES = {
    "Anna Marsh": ("PERSON", "ARL"),
    "Arland": ("GPE", "ARL"),
    "Borovia": ("GPE", "BOR"),
    "Velmar": ("GPE", "BOR"),  # a city of Borovia
    "Celtra": ("GPE", "CEL"),
}


def make_brief(
    id: str, text: str, published: str | None, source: str, events: list[dict[str, Any]], title: str | None = None
) -> dict[str, Any]:
    """A brief with an entity per named party found in the text and events given as
    {clause, trigger, cameo, type, actor, target, place?, when?, modality?} (names and phrases of the text)."""
    entities, ids = [], {}
    for name, (etype, country) in PARTIES.items():
        mentions, at = [], text.find(name)
        while at >= 0:
            mentions.append(Span.of(text, at, at + len(name)))
            at = text.find(name, at + 1)
        if mentions:
            ids[name] = f"e{len(entities) + 1}"
            entities.append(Entity(id=ids[name], name=name, type=etype, country=country, mentions=mentions))
    evs = []
    for e in events:
        start = text.index(e["clause"])
        t = text.index(e["trigger"], start)
        roles = {k: ids.get(e.get(k) or "") for k in ("actor", "target", "place")}
        evs.append(
            Event(
                **Span.of(text, start, start + len(e["clause"])).model_dump(),
                trigger=Span.of(text, t, t + len(e["trigger"])),
                type=e["type"],
                cameo=e.get("cameo"),
                when=e.get("when"),
                modality=e.get("modality", "asserted"),
                **roles,
            )
        )
    return Brief(
        id=id, text=text, published=published, language="en", source=source, title=title, entities=entities, events=evs
    ).to_dict()


ONE = (
    "Anna Marsh arrived in Borovia on Tuesday for her first visit as head of state. "
    "Officials said she would stay two days and open a trade fair."
)
TWO = (
    "The Arlandian leader's trip to Velmar began with a military parade. Anna Marsh, whose trip "
    "to Borovia had been delayed twice, laid a wreath before the talks."
)
THREE = "Borovia rolled out the red carpet this week: Anna Marsh toured the country, a first since 1998."
LATER = "Anna Marsh visited Borovia again on Saturday, a month after her first trip."
CRITIC = "On Sunday Borovia criticised Anna Marsh over her remarks about the border."
MAYBE = "Anna Marsh may sign a fishing treaty with Borovia next week, diplomats said."
ELSEWHERE = "Anna Marsh visited Celtra on Monday."

ARTICLES = [
    make_brief("one", ONE, "2024-06-18", "Outlet One", [
        {"clause": ONE[:47], "trigger": "arrived", "cameo": "042", "type": "visit", "actor": "Anna Marsh",
         "target": "Borovia", "place": "Borovia", "when": "2024-06-18"},
    ]),
    make_brief("two", TWO, "2024-06-19", "Outlet Two", [
        {"clause": "The Arlandian leader's trip to Velmar", "trigger": "trip", "cameo": "042", "type": "visit",
         "actor": "Anna Marsh", "target": "Velmar", "place": "Velmar"},
        {"clause": "trip to Borovia", "trigger": "trip", "cameo": "042", "type": "visit", "actor": "Anna Marsh",
         "target": "Borovia"},
    ]),
    make_brief("three", THREE, "2024-06-20", "Outlet Three", [
        {"clause": "Anna Marsh toured the country", "trigger": "toured", "cameo": "042", "type": "visit",
         "actor": "Anna Marsh", "target": "Borovia"},
    ]),
    make_brief("later", LATER, "2024-07-20", "Outlet One", [
        {"clause": LATER[:41], "trigger": "visited", "cameo": "042", "type": "visit", "actor": "Anna Marsh",
         "target": "Borovia", "when": "2024-07-20"},
    ]),
    make_brief("critic", CRITIC, "2024-07-21", "Outlet Two", [
        {"clause": CRITIC[:-1], "trigger": "criticised", "cameo": "111", "type": "criticize", "actor": "Borovia",
         "target": "Anna Marsh", "when": "2024-07-21"},
    ]),
    make_brief("maybe", MAYBE, "2024-07-20", "Outlet Three", [
        {"clause": MAYBE[:50], "trigger": "sign", "cameo": "057", "type": "sign-agreement", "actor": "Anna Marsh",
         "target": "Borovia", "modality": "possible"},
    ]),
    make_brief("elsewhere", ELSEWHERE, "2024-06-18", "Outlet Four", [
        {"clause": ELSEWHERE[:-1], "trigger": "visited", "cameo": "042", "type": "visit", "actor": "Anna Marsh",
         "target": "Celtra", "place": "Celtra", "when": "2024-06-17"},
    ]),
]  # fmt: skip


def _copy(brief: dict[str, Any], id: str, source: str) -> dict[str, Any]:
    return {**brief, "id": id, "source": source}


@pytest.fixture
def corpus_url(db_url: str) -> str:  # noqa: F811
    with Corpus.open(db_url) as corpus:
        for b in ARTICLES[:3]:
            assert corpus.add_brief(b).status == "added"
        assert corpus.add_brief(_copy(ARTICLES[0], "one-wire", "Wire Mirror")).status == "copy"  # syndicated
        for b in ARTICLES[3:]:
            assert corpus.add_brief(b).status == "added"
    return db_url


def _marsh(store: Any) -> str:
    return find_actors(store, "Anna Marsh")[0].id


def _borovia_events(view: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for e in view["events"] if e["target"]["name"] in {"Borovia", "Velmar"} and e["type"] == "visit"]


def test_one_event_three_outlets_is_counted_once(corpus_url: str) -> None:
    with open_store(corpus_url) as store:
        view = relations(store, _marsh(store))
    visits = sorted(_borovia_events(view), key=lambda e: e["day"])
    assert len(visits) == 2  # the June visit, told three times, and the July one
    june = visits[0]
    assert june["n_sources"] == 3 and june["day"] == "2024-06-18" and june["week"] == "2024-W25"
    assert [s["article"] for s in june["sources"]] == ["one", "two", "three"]  # never the copy
    assert june["place"]["name"] == "Borovia"  # "Velmar" is in the same state: compatible, one event
    two = june["sources"][1]
    assert [s["trigger"]["text"] for s in two["spans"]] == ["trip", "trip"]  # two mentions, one source
    for src in june["sources"]:
        text = next(b["text"] for b in ARTICLES if b["id"] == src["article"])
        for s in src["spans"]:
            trig = s["trigger"]
            assert text[s["start"] : s["end"]] == s["text"] and text[trig["start"] : trig["end"]] == trig["text"]
    assert visits[1]["n_sources"] == 1 and visits[1]["week"] == "2024-W29"  # weeks apart: another event


def test_weekly_quad_classes_and_goldstein(corpus_url: str) -> None:
    with open_store(corpus_url) as store:
        view = relations(store, _marsh(store))
    partners = {p["name"]: p for p in view["partners"]}
    assert set(partners) == {"Borovia", "Celtra"}
    bor = partners["Borovia"]
    assert bor["totals"]["events"] == 3  # June visit, July visit, criticism; the possible treaty is not counted
    assert bor["totals"]["not_asserted"] == 1
    weeks = {w["week"]: w for w in bor["weeks"]}
    assert set(weeks) == {"2024-W25", "2024-W29"}
    w25, w29 = weeks["2024-W25"], weeks["2024-W29"]
    assert (w25["events"], w25["verbal_cooperation"], w25["goldstein_sum"]) == (1, 1, 1.9)
    assert (w29["events"], w29["verbal_cooperation"], w29["verbal_conflict"]) == (2, 1, 1)
    assert w29["goldstein_sum"] == pytest.approx(1.9 - 2.0) and w29["goldstein_mean"] == pytest.approx(-0.05)
    assert w29["material_conflict"] == 0 and w29["not_asserted"] == 1
    crit = next(e for e in view["events"] if e["type"] == "criticize")
    assert crit["direction"] == "in" and crit["quad_class"] == "verbal_conflict" and crit["goldstein"] == -2.0
    maybe = next(e for e in view["events"] if e["type"] == "sign-agreement")
    assert maybe["modality"] == "possible" and not maybe["counted"]
    # the same week, another state visited: another partner, another event
    assert partners["Celtra"]["totals"]["events"] == 1


def test_since_until_and_limit(corpus_url: str) -> None:
    with open_store(corpus_url) as store:
        view = relations(store, _marsh(store), since="2024-07-01", limit=1)
    assert all(e["day"] >= "2024-07-01" for e in view["events"]) and len(view["events"]) == 1
    assert view["n_events"] == 3 and view["totals"]["events"] == 2


def test_copies_are_never_sources(db_url: str) -> None:  # noqa: F811
    with Corpus.open(db_url) as corpus:
        corpus.add_brief(ARTICLES[0])
        corpus.add_brief(_copy(ARTICLES[0], "copy-1", "Mirror A"))
        corpus.add_brief(_copy(ARTICLES[0], "copy-2", "Mirror B"))
        view = relations(corpus.store, _marsh(corpus.store))
    assert [e["n_sources"] for e in view["events"]] == [1]


def test_events_are_written_in_the_article_transaction(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    from newsbrief.corpus import events

    def boom(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("killed while writing events")

    with Corpus.open(db_url) as corpus:
        corpus.add_brief(ARTICLES[0])
        monkeypatch.setattr(events, "record_events", boom)
        with pytest.raises(RuntimeError):
            corpus.add_brief(ARTICLES[1])
        monkeypatch.undo()
        assert corpus.store.get_article("two") is None  # nothing of the failed article
        assert corpus.add_brief(ARTICLES[1]).status == "added"  # and the run resumes with it
        view = relations(corpus.store, _marsh(corpus.store))
    assert [e["n_sources"] for e in _borovia_events(view)] == [2]


@pytest.mark.parametrize("since", [5, 6])  # a store of before the events tables; one with their first shape
def test_migration_backfills_events_of_stored_articles(db_url: str, since: int) -> None:  # noqa: F811
    from newsbrief.corpus.migrations import MIGRATIONS

    with Corpus.open(db_url) as corpus:
        for b in ARTICLES[:3]:
            corpus.add_brief(b)
        store: Any = corpus.store
        with store.transaction():
            store.execute("DROP TABLE event_sources")
            store.execute("DROP TABLE events")
            store.execute("DELETE FROM schema_migrations WHERE version >= ?", (since,))
            if since == 6:
                for stmt in next(steps for v, _, steps in MIGRATIONS if v == 5):
                    store.execute(stmt.format(**store.types))
    with open_store(db_url) as store:  # opening migrates
        view = relations(store, _marsh(store))
    assert [e["n_sources"] for e in _borovia_events(view)] == [3]


def test_event_dates() -> None:
    assert event_date("2024-06-18", "2024-06-20") == ("2024-06-18", "")
    assert event_date(None, "2024-06-20T08:00:00Z") == ("2024-06-20", "")
    assert event_date("2023-09", "2024-06-20") == (None, "2023-09")  # "last September": that period only
    assert event_date("2024-06", "2024-06-20") == ("2024-06-20", "")  # this month: the article's day
    assert event_date("PRESENT_REF", None) == (None, "-")


def test_cli_text_json_and_unknown_actor(corpus_url: str) -> None:
    runner = CliRunner()
    r = runner.invoke(cli_app, ["relations", "Anna Marsh", "--db", corpus_url, "--format", "json"])
    assert r.exit_code == 0, r.output
    view = json.loads(r.stdout.splitlines()[0])
    assert view["actor"]["name"] == "Anna Marsh" and view["partners"][0]["name"] == "Borovia"
    r = runner.invoke(cli_app, ["relations", view["actor"]["id"], "--db", corpus_url])  # by id, as text
    assert r.exit_code == 0 and "Borovia" in r.stdout and "3 source(s)" in r.stdout and "2024-W25" in r.stdout
    r = runner.invoke(cli_app, ["relations", "Nobody Known", "--db", corpus_url])
    assert r.exit_code == 66 and "no actor named 'Nobody Known'" in r.stderr
    r = runner.invoke(cli_app, ["relations", "Anna Marsh", "--db", corpus_url, "--since", "June"])
    assert r.exit_code == 64 and "since" in r.stderr


def test_api_endpoint(corpus_url: str) -> None:
    with open_store(corpus_url) as store:
        marsh = _marsh(store)
    with TestClient(create_app(corpus_url)) as client:
        r = client.get(f"/api/actors/{marsh}/relations")
        assert r.status_code == 200
        body = r.json()
        assert body["actor"]["id"] == marsh and body["totals"]["events"] == 4
        assert client.get(f"/api/actors/{marsh}/relations?since=2024-07-01").json()["totals"]["events"] == 2
        assert client.get("/api/actors/a-nobody/relations").status_code == 404
        assert client.get(f"/api/actors/{marsh}/relations?since=June").status_code == 422


def test_an_event_of_a_past_period_is_its_own_event_and_row(corpus_url: str) -> None:
    text = "Anna Marsh, who visited Borovia last September, returned to Celtra."
    past = make_brief("past", text, "2024-06-18", "Outlet Five", [
        {"clause": "who visited Borovia last September", "trigger": "visited", "cameo": "042", "type": "visit",
         "actor": "Anna Marsh", "target": "Borovia", "when": "2023-09"},
    ])  # fmt: skip
    with Corpus.open(corpus_url) as corpus:
        assert corpus.add_brief(past).status == "added"
        view = relations(corpus.store, _marsh(corpus.store))
    visits = _borovia_events(view)
    assert sorted(e["n_sources"] for e in visits) == [1, 1, 3]  # not joined to the June visit it precedes
    rows = next(p for p in view["partners"] if p["name"] == "Borovia")["weeks"]
    assert [(r["week"], r["period"], r["events"]) for r in rows] == [
        (None, "2023-09", 1),
        ("2024-W25", None, 1),
        ("2024-W29", None, 2),
    ]


def test_a_city_is_its_state_for_relations(corpus_url: str) -> None:
    text = "Anna Marsh condemned Velmar in August over the port dispute."
    city = make_brief("city", text, "2024-08-05", "Outlet Five", [
        {"clause": text[:-1], "trigger": "condemned", "cameo": "111", "type": "criticize", "actor": "Anna Marsh",
         "target": "Velmar", "when": "2024-08-05"},
    ])  # fmt: skip
    with Corpus.open(corpus_url) as corpus:
        corpus.add_brief(city)
        borovia = next(a for a in find_actors(corpus.store, "Borovia") if a.type == "GPE")
        view = relations(corpus.store, borovia.id)
    (marsh,) = view["partners"]
    assert marsh["name"] == "Anna Marsh" and marsh["totals"]["events"] == 4  # 2 visits, 2 criticisms
    said = next(e for e in view["events"] if e["day"] == "2024-08-05")
    assert said["target"]["name"] == "Velmar" and said["direction"] == "in"


def test_a_period_report_joins_the_event_dated_in_it(db_url: str) -> None:  # noqa: F811
    vague = "Anna Marsh, who visited Borovia last September, returned to Celtra."
    exact = "Anna Marsh visited Borovia on 12 September 2023."
    briefs = [
        make_brief("vague", vague, "2024-06-18", "Outlet Five", [
            {"clause": "who visited Borovia last September", "trigger": "visited", "cameo": "042", "type": "visit",
             "actor": "Anna Marsh", "target": "Borovia", "when": "2023-09"},
        ]),
        make_brief("exact", exact, "2024-06-20", "Outlet Six", [
            {"clause": exact[:-1], "trigger": "visited", "cameo": "042", "type": "visit", "actor": "Anna Marsh",
             "target": "Borovia", "when": "2023-09-12"},
        ]),
    ]  # fmt: skip
    with Corpus.open(db_url) as corpus:
        for b in briefs:
            corpus.add_brief(b)
        view = relations(corpus.store, _marsh(corpus.store))
    (visit,) = view["events"]
    assert visit["n_sources"] == 2 and visit["day"] == "2023-09-12" and visit["week"] == "2023-W37"  # the exact date dates it
