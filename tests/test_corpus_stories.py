"""Stories: the same event joins, different events stay apart (also the same actors weeks apart),
ids are stable as articles arrive; and corpus-wide actors merge names across articles."""

from __future__ import annotations

import corpus_stores
from corpus_helpers import BRIDGE, BRIDGE_OTHER_OUTLET, TRAIN, TRAIN_2, brief
from newsbrief.corpus import Corpus, views
from newsbrief.corpus.stories import story_id

SUMMIT_1 = (
    "President Arven of Norland arrived in Kastor on Tuesday for a two-day summit with Premier Bolt, the first "
    "visit in a decade. The two leaders signed a partnership treaty on grain, energy and ports in the Kastor palace."
)
SUMMIT_1B = (
    "Norland's President Arven and Premier Bolt signed a partnership treaty in Kastor on Tuesday, covering grain, "
    "energy and ports, at the start of a two-day summit, Arven's first visit there in a decade."
)
SUMMIT_2 = (
    "Premier Bolt arrived in Norland on Friday for a summit with President Arven, six weeks after their meeting "
    "in Kastor. The leaders discussed the partnership treaty on grain, energy and ports they signed in the spring."
)

db_url = corpus_stores.db_url  # the fixture: each test runs on SQLite and on PostgreSQL


def ids_of(corpus: Corpus, items: list[dict]) -> list[str]:
    return [corpus.add_brief(b).story_id for b in items]


def test_same_event_joins_other_event_stays_apart(db_url):
    with Corpus.open(db_url) as corpus:
        a, b, c, d = ids_of(
            corpus,
            [brief("b1", BRIDGE, "2024-03-04"), brief("t1", TRAIN, "2024-05-12"),
             brief("b2", BRIDGE_OTHER_OUTLET, "2024-03-05"), brief("t2", TRAIN_2, "2024-05-12")],
        )  # fmt: skip
        assert a == c and b == d and a != b
        assert a == story_id("b1") and b == story_id("t1")  # a story is named after its first article


def test_same_actors_weeks_apart_are_two_stories(db_url):
    with Corpus.open(db_url) as corpus:
        names = [("Arven", "PERSON"), ("Bolt", "PERSON"), ("Kastor", "GPE"), ("Norland", "GPE")]
        s1, s1b, s2 = ids_of(
            corpus,
            [brief("m1", SUMMIT_1, "2024-04-02", names), brief("m1b", SUMMIT_1B, "2024-04-02", names),
             brief("m2", SUMMIT_2, "2024-05-17", names)],
        )  # fmt: skip
        assert s1 == s1b and s2 != s1


def test_story_ids_are_stable_under_incremental_input(db_url):
    items = [
        brief("b1", BRIDGE, "2024-03-04"),
        brief("t1", TRAIN, "2024-05-12"),
        brief("b2", BRIDGE_OTHER_OUTLET, "2024-03-05"),
        brief("t2", TRAIN_2, "2024-05-12"),
    ]
    db = db_url
    seen: dict[str, str] = {}
    for k in range(len(items)):  # one article per run, reopening the store each time
        with Corpus.open(db) as corpus:
            corpus.add_brief(items[k])
            now = {a.id: a.story_id for s in corpus.store.list_stories() for a in corpus.store.story_articles(s.id)}
        assert all(now[i] == sid for i, sid in seen.items()), "an article changed story"
        seen = now
    with Corpus.open(":memory:") as corpus:  # all at once (in another store): the same ids
        assert {b["id"]: corpus.add_brief(b).story_id for b in items} == seen


def test_stories_are_listed_newest_first_with_outlets(db_url):
    with Corpus.open(db_url) as corpus:
        ids_of(
            corpus,
            [brief("b1", BRIDGE, "2024-03-04", source="One"), brief("t1", TRAIN, "2024-05-12", source="Two"),
             brief("x", "A short undated note about a village fete with cakes and a brass band.", None)],
        )  # fmt: skip
        lines = views.stories(corpus.store)
        assert [line["articles"] for line in lines] == [["t1"], ["b1"], ["x"]]
        assert lines[0]["outlets"] == ["Two"] and lines[0]["first_published"] == "2024-05-12"


def test_actors_merge_across_articles(db_url):
    with Corpus.open(db_url) as corpus:
        corpus.add_brief(
            brief("p1", "Arven spoke in Kastor. Arven said the treaty mattered.", "2024-04-02", [("Arven", "PERSON")])
        )
        corpus.add_brief(
            brief(
                "p2", "Lena Arven, the president, landed in Kastor. Lena Arven smiled.", "2024-04-02", [("Lena Arven", "PERSON")]
            )
        )
        corpus.add_brief(brief("p3", "Kastor is calm. Arven left.", "2024-04-03", [("Arven", "PERSON"), ("Kastor", "GPE")]))
        found = views.entity(corpus.store, "Arven")
        assert len(found) == 1
        actor = found[0]
        assert actor["name"] == "Lena Arven" and actor["mentions"] == 5
        assert set(actor["aliases"]) == {"Arven", "Lena Arven"}
        assert [a["id"] for a in actor["articles"]] == ["p1", "p2", "p3"]
        assert views.entity(corpus.store, "lena arven")[0]["id"] == actor["id"]
        assert views.entity(corpus.store, "Kastor")[0]["type"] == "GPE"


# Twin events, undated (as ECB+ and half of real streams): the same kind of event, the same place or
# person, a different occurrence. Only the occurrence facts (numbers, weekday, who) tell them apart.
QUAKE_1 = (
    "A magnitude 5.9 earthquake struck the island of Tessaly off the coast of Varnia on Sunday, killing 13 people "
    "and flattening houses in three villages, the Varnian Red Crescent said. Governor Ilse Marrow flew to the island."
)
QUAKE_1B = (
    "Rescuers on Tessaly searched the rubble on Sunday after a 5.9 magnitude quake killed 13 people. Governor Ilse "
    "Marrow said three villages on the Varnian island were flattened and families slept outdoors."
)
QUAKE_2 = (
    "A magnitude 6.4 earthquake shook the island of Tessaly off the coast of Varnia on Thursday, injuring 40 people "
    "and cutting power to the port, the Varnian Red Crescent said. Mayor Oren Sallis closed the schools."
)
QUAKE_2B = (
    "Forty people were hurt when a 6.4 magnitude quake hit Tessaly on Thursday. Mayor Oren Sallis said the Varnian "
    "island's port had no power and schools would stay closed."
)
QUAKE_NAMES = [("Tessaly", "GPE"), ("Varnia", "GPE"), ("Ilse Marrow", "PERSON"), ("Oren Sallis", "PERSON")]
HIRE_1 = (
    "Dunmore Rovers named Piet Askel as their head coach on Tuesday, giving the 52-year-old a three-year contract "
    "after the club sacked Tomas Brill. Askel said Rovers chairman Ada Quist had convinced him."
)
HIRE_1B = (
    "Piet Askel is the new head coach of Dunmore Rovers. The club's chairman Ada Quist announced on Tuesday that "
    "Askel, 52, signed for three years and replaces the sacked Tomas Brill."
)
HIRE_2 = (
    "Piet Askel was hired as head coach of Harlow City on Friday, a two-year deal for the 54-year-old, after City "
    "dismissed Jon Vesk. City owner Mira Dahl said Askel was her first choice."
)
HIRE_2B = (
    "Harlow City owner Mira Dahl appointed Piet Askel head coach on Friday. Askel, 54, signed for two years and "
    "takes over from the dismissed Jon Vesk."
)
HIRE_NAMES = [
    ("Piet Askel", "PERSON"), ("Dunmore Rovers", "ORG"), ("Harlow City", "ORG"), ("Tomas Brill", "PERSON"),
    ("Ada Quist", "PERSON"), ("Mira Dahl", "PERSON"), ("Jon Vesk", "PERSON"),
]  # fmt: skip


def named(id: str, text: str, names: list[tuple[str, str]]) -> dict:
    """An undated brief with the names among `names` that its text mentions."""
    return brief(id, text, None, [(n, t) for n, t in names if n in text])


def test_undated_twin_events_stay_apart(db_url):
    """Two quakes on one island, two hirings of one coach, no dates: four stories, each report in its own."""
    items = [
        named("q1", QUAKE_1, QUAKE_NAMES), named("h1", HIRE_1, HIRE_NAMES),
        named("q2", QUAKE_2, QUAKE_NAMES), named("h2", HIRE_2, HIRE_NAMES),
        named("q1b", QUAKE_1B, QUAKE_NAMES), named("h2b", HIRE_2B, HIRE_NAMES),
        named("q2b", QUAKE_2B, QUAKE_NAMES), named("h1b", HIRE_1B, HIRE_NAMES),
    ]  # fmt: skip
    with Corpus.open(db_url) as corpus:
        got = dict(zip([b["id"] for b in items], ids_of(corpus, items)))
    assert got["q1"] == got["q1b"] and got["q2"] == got["q2b"] and got["h1"] == got["h1b"] and got["h2"] == got["h2b"]
    assert len({got["q1"], got["q2"], got["h1"], got["h2"]}) == 4
