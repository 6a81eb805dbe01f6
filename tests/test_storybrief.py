"""The story brief on articles written for these tests: three outlets and a wire copy report one
harbour fire; they agree on some facts, one adds a claim of its own, and two disagree on a number,
a time and a name. Every span of every story brief made here is checked against its article."""

from __future__ import annotations

import json
from typing import Any

import pytest

from newsbrief.corpus.storybrief import STORY_SCHEMA, build_story_brief, story_markdown

HARBOR = (
    "A fire broke out on the cargo ship Northern Star in the port of Valdmark on Tuesday night, the port authority said. "
    "About 1,000 containers were on board when the fire started. "
    "Firefighters battled the blaze for six hours before bringing it under control. "
    "No crew members were injured, said harbour master Erik Lund. "
    "The ship's owner, Baltic Lines, said it would investigate the cause of the fire."
)
COASTAL = (
    "A fire broke out on the cargo ship Northern Star in the port of Valdmark early Wednesday, port officials said. "
    "The vessel was carrying 6,700 containers when the fire started. "
    "No crew members were injured, harbour master Eric Lund told reporters. "
    "Environmental groups warned that fuel could leak into the bay."
)
LEDGER = (
    "Firefighters battled a blaze on the cargo ship Northern Star in Valdmark for six hours "
    "before they brought it under control. "
    "Baltic Lines, the ship's owner, said it would investigate the cause of the fire. "
    "Two tugboats pulled the ship away from the quay."
)
ARTICLES = [
    {"id": "harbor", "source": "Harbor Times", "url": "https://h.example/1", "published": "2025-03-05", "title": "Ship fire"},
    {"id": "coastal", "source": "Coastal Post", "url": None, "published": "2025-03-05", "title": "Fire in port"},
    {"id": "wire", "source": "Wire", "url": None, "published": "2025-03-05", "title": "Ship fire", "copy_of": "harbor"},
    {"id": "ledger", "source": "Daily Ledger", "url": None, "published": "2025-03-06", "title": "Blaze"},
]
TEXTS = {"harbor": HARBOR, "coastal": COASTAL, "wire": HARBOR, "ledger": LEDGER}


def assert_story_grounded(sb: dict[str, Any], briefs: dict[str, dict[str, Any]]) -> None:
    """Every span of a story brief points into the text of the article it names."""

    def check(x: dict[str, Any], article: str | None = None) -> None:
        art = article or x["article"]
        assert briefs[art]["text"][x["start"] : x["end"]] == x["text"], (art, x)

    for section in ("key_points", "claims", "timeline"):
        for x in sb[section]:
            check(x)
    for c in sb["contradictions"]:
        assert len({v["article"] for v in c["variants"]}) == len(c["variants"]) >= 2
        for v in c["variants"]:
            check(v)
            check(v["context"], v["article"])
    for g in sb["quotes"]:
        for q in g["quotes"]:
            check(q)
        for r in g["roles"]:
            check(r)


@pytest.fixture(scope="module")
def fire(brief_of) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    briefs = {}
    for a in ARTICLES:
        brief = brief_of(TEXTS[a["id"]], published=a["published"])
        briefs[a["id"]] = json.loads(brief.model_dump_json())
    sb = build_story_brief({"id": "s-fire", "title": "Ship fire"}, ARTICLES, briefs)
    assert_story_grounded(sb, briefs)
    return sb, briefs


def _claim(sb: dict[str, Any], words: str) -> dict[str, Any]:
    found = [c for c in sb["claims"] if words in c["text"]]
    assert found, f"no claim with {words!r}: {[c['text'] for c in sb['claims']]}"
    return found[0]


def test_shape(fire):
    sb, _ = fire
    assert sb["schema"] == STORY_SCHEMA and sb["id"] == "s-fire" and sb["title"] == "Ship fire"
    assert [a["id"] for a in sb["articles"]] == ["harbor", "coastal", "wire", "ledger"]
    assert [a["copy_of"] for a in sb["articles"]] == [None, None, "harbor", None]
    assert set(sb["articles"][0]) == {"id", "source", "url", "published", "title", "copy_of"}
    for key in ("key_points", "claims", "contradictions", "timeline", "actors", "quotes"):
        assert isinstance(sb[key], list)
    json.dumps(sb)


def test_corroborated_claims_have_their_independent_support(fire):
    sb, _ = fire
    assert set(_claim(sb, "No crew members were injured")["support"]) == {"harbor", "coastal"}
    assert set(_claim(sb, "investigate the cause")["support"]) == {"harbor", "ledger"}
    assert set(_claim(sb, "Firefighters battled")["support"]) == {"harbor", "ledger"}
    fire_claim = _claim(sb, "A fire broke out")
    assert {"harbor", "coastal"} <= set(fire_claim["support"])


def test_a_copy_never_counts(fire):
    sb, _ = fire
    for section in ("key_points", "claims"):
        for x in sb[section]:
            assert "wire" not in x["support"] and x["article"] != "wire"
            assert x["article"] in x["support"]
    for c in sb["contradictions"]:
        assert all(v["article"] != "wire" for v in c["variants"])


def test_single_source_claim_and_first_teller(fire):
    sb, _ = fire
    leak = _claim(sb, "fuel could leak")
    assert leak["support"] == ["coastal"] and leak["first"] == "coastal" and leak["holder"] == "Environmental groups"
    # told by Harbor Times (5 March) and the Daily Ledger (6 March): the earlier one was first
    assert _claim(sb, "investigate the cause")["first"] == "harbor"
    assert _claim(sb, "investigate the cause")["article"] == "harbor"


def test_contested_figure_is_not_corroborated(fire):
    sb, _ = fire
    assert _claim(sb, "1,000 containers")["support"] == ["harbor"]
    assert _claim(sb, "6,700 containers")["support"] == ["coastal"]


def _contradiction(sb: dict[str, Any], kind: str) -> dict[str, Any]:
    found = [c for c in sb["contradictions"] if c["kind"] == kind]
    assert len(found) == 1, sb["contradictions"]
    return found[0]


def test_contradictions_number_time_name(fire):
    sb, _ = fire
    assert len(sb["contradictions"]) == 3
    number = _contradiction(sb, "number")
    assert [(v["article"], v["text"]) for v in number["variants"]] == [
        ("harbor", "About 1,000 containers"),
        ("coastal", "6,700 containers"),
    ]
    when = _contradiction(sb, "date/time")
    assert [(v["article"], v["text"]) for v in when["variants"]] == [("harbor", "Tuesday night"), ("coastal", "early Wednesday")]
    name = _contradiction(sb, "name")
    assert [(v["article"], v["text"]) for v in name["variants"]] == [("harbor", "Erik Lund"), ("coastal", "Eric Lund")]


def test_key_points_merged(fire):
    sb, _ = fire
    texts = [k["text"] for k in sb["key_points"]]
    assert sum("A fire broke out" in t for t in texts) == 1
    top = sb["key_points"][0]
    assert len(top["support"]) >= 2
    assert all(len(a["support"]) >= len(b["support"]) for a, b in zip(sb["key_points"], sb["key_points"][1:], strict=False))


def test_timeline_actors_quotes(fire):
    sb, _ = fire
    assert [t["date"] for t in sb["timeline"]] == sorted(t["date"] for t in sb["timeline"])
    assert any(t["when"].startswith("2025-03-04") and t["article"] == "harbor" for t in sb["timeline"])
    names = {a["name"]: a for a in sb["actors"]}
    assert names["Baltic Lines"]["mentions"] >= 2 and set(names["Baltic Lines"]["articles"]) == {"harbor", "ledger"}
    assert all("wire" not in a["articles"] for a in sb["actors"])


def test_markdown(fire):
    sb, _ = fire
    md = story_markdown(sb)
    assert md.startswith("# Ship fire")
    for heading in ("## Key points", "## Contradictions", "## Corroborated claims", "## Single-source claims"):
        assert heading in md
    assert "“About 1,000 containers”" in md and "“6,700 containers”" in md


# --- hand-made briefs: the rules on their own -------------------------------------------------


def _brief(text: str, sentences: list[str], timexes: list[tuple[str, str | None]] = ()) -> dict[str, Any]:
    """A minimal stored brief: each sentence an asserted statement, each time expression with its value."""
    statements, tx = [], []
    for s in sentences:
        k = text.index(s)
        statements.append({"start": k, "end": k + len(s), "text": s, "modality": "asserted", "holder": None})
    for t, value in timexes:
        k = text.index(t)
        tx.append({"start": k, "end": k + len(t), "text": t, "type": "TIME" if ":" in (value or "") else "DATE", "value": value})
    return {"schema": "newsbrief/1", "text": text, "entities": [], "attributions": [], "statements": statements, "timexes": tx,
            "events": [], "key_points": []}  # fmt: skip


def _story(*texts: tuple[str, dict[str, Any]]) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    arts = [{"id": i, "source": i, "url": None, "published": None, "title": None, "copy_of": None} for i, _ in texts]
    briefs = dict(texts)
    sb = build_story_brief({"id": "s", "title": None}, arts, briefs)
    assert_story_grounded(sb, briefs)
    return sb, briefs


def test_time_zones_written_make_one_moment():
    a = "The blast hit the refinery at 11 p.m. ET on Tuesday."
    b = "The blast hit the refinery at 4 a.m. GMT on Wednesday."
    sb, _ = _story(
        ("x", _brief(a, [a], [("11 p.m. ET on Tuesday", "2025-03-04T23:00")])),
        ("y", _brief(b, [b], [("4 a.m. GMT on Wednesday", "2025-03-05T04:00")])),
    )
    assert sb["contradictions"] == []
    c = "The blast hit the refinery at 9 a.m. GMT on Wednesday."
    sb, _ = _story(
        ("x", _brief(a, [a], [("11 p.m. ET on Tuesday", "2025-03-04T23:00")])),
        ("z", _brief(c, [c], [("9 a.m. GMT on Wednesday", "2025-03-05T09:00")])),
    )
    assert [v["text"] for v in sb["contradictions"][0]["variants"]] == ["11 p.m. ET on Tuesday", "9 a.m. GMT on Wednesday"]


def test_days_without_zone_differ():
    a = "Rebels seized the border town of Kalvo on Monday."
    b = "Rebels seized the border town of Kalvo on Tuesday."
    sb, _ = _story(("x", _brief(a, [a], [("Monday", "2025-05-05")])), ("y", _brief(b, [b], [("Tuesday", "2025-05-06")])))
    assert [c["kind"] for c in sb["contradictions"]] == ["date/time"]
    # the time of the telling is no time of the event
    c = "Rebels seized the border town of Kalvo, officials said Tuesday."
    sb, _ = _story(("x", _brief(a, [a], [("Monday", "2025-05-05")])), ("y", _brief(c, [c], [("Tuesday", "2025-05-06")])))
    assert sb["contradictions"] == []


def test_different_things_counted_are_no_contradiction():
    a = "Five people were killed in the flood in Orvale."
    b = "Seven people were injured in the flood in Orvale."
    sb, _ = _story(("x", _brief(a, [a])), ("y", _brief(b, [b])))
    assert sb["contradictions"] == []
    # an article that states the other's figure itself is not contradicted by it
    c = "The flood in Orvale killed 12 people. Officials said 40 people were killed in the region."
    d = "The flood in Orvale killed 40 people."
    first, second = c.split(". ", 1)
    sb, _ = _story(("x", _brief(c, [first, second])), ("y", _brief(d, [d])))
    assert sb["contradictions"] == []


def test_figures_within_a_bound_or_approximation_agree():
    a = "More than 200 protesters were arrested in the capital."
    b = "Police arrested 240 protesters in the capital."
    sb, _ = _story(("x", _brief(a, [a])), ("y", _brief(b, [b])))
    assert sb["contradictions"] == []
    assert set(sb["claims"][0]["support"]) == {"x", "y"}
    c = "Police arrested 900 protesters in the capital."
    sb, _ = _story(("x", _brief(b, [b])), ("y", _brief(c, [c])))
    assert [[v["text"] for v in k["variants"]] for k in sb["contradictions"]] == [["240 protesters", "900 protesters"]]


def test_first_by_publication_date_else_arrival():
    a = "The central bank raised its main interest rate to four percent."
    b = "The central bank raised its main interest rate to four percent on Thursday."
    arts = [
        {"id": "late", "source": "L", "url": None, "published": "2025-01-03", "title": None, "copy_of": None},
        {"id": "early", "source": "E", "url": None, "published": "2025-01-02", "title": None, "copy_of": None},
    ]
    briefs = {"late": _brief(a, [a]), "early": _brief(b, [b])}
    sb = build_story_brief({"id": "s", "title": None}, arts, briefs)
    assert sb["claims"][0]["first"] == "early" and set(sb["claims"][0]["support"]) == {"late", "early"}
    arts[1]["published"] = None
    sb = build_story_brief({"id": "s", "title": None}, arts, briefs)
    assert sb["claims"][0]["first"] == "late"


def test_empty_and_missing_briefs():
    sb = build_story_brief({"id": "s", "title": None}, [], {})
    assert sb["claims"] == [] and sb["contradictions"] == [] and sb["articles"] == []
    arts = [{"id": "a", "source": None, "url": None, "published": None, "title": None, "copy_of": None}]
    sb = build_story_brief({"id": "s", "title": "t"}, arts, {})
    assert sb["articles"][0]["id"] == "a" and sb["key_points"] == []
    assert story_markdown(sb).startswith("# t")


def test_clock_time_and_zone_through_the_pipeline(brief_of):
    """'11 p.m. ET on Tuesday' and '4 a.m. GMT on Wednesday' are one moment; '9 a.m. GMT' is not."""
    texts = {
        "x": "The explosion hit the refinery at 11 p.m. ET on Tuesday, officials said. Three workers were hurt.",
        "y": "The explosion hit the refinery at 4 a.m. GMT on Wednesday, officials said. Three workers were hurt.",
        "z": "The explosion hit the refinery at 9 a.m. GMT on Wednesday, officials said. Three workers were hurt.",
    }
    briefs = {k: json.loads(brief_of(t, published="2025-03-05").model_dump_json()) for k, t in texts.items()}
    for ids, expected in ((["x", "y"], []), (["x", "z"], [["11 p.m. ET on Tuesday", "9 a.m. GMT on Wednesday"]])):
        arts = [{"id": i, "source": i, "url": None, "published": "2025-03-05", "title": None, "copy_of": None} for i in ids]
        sb = build_story_brief({"id": "s", "title": None}, arts, {i: briefs[i] for i in ids})
        assert_story_grounded(sb, briefs)
        assert [[v["text"] for v in c["variants"]] for c in sb["contradictions"]] == expected
        assert set(_claim(sb, "Three workers were hurt")["support"]) == set(ids)


def test_contested_claims_point_to_their_contradiction(fire):
    sb, _ = fire
    number = next(k for k, c in enumerate(sb["contradictions"]) if c["kind"] == "number")
    assert number in _claim(sb, "1,000 containers")["contested"]
    assert _claim(sb, "fuel could leak")["contested"] == []


def test_support_names_its_outlets(fire):
    sb, _ = fire
    assert _claim(sb, "No crew members were injured")["outlets"] == ["Harbor Times", "Coastal Post"]
    assert all(len(k["outlets"]) <= len(k["support"]) for k in sb["key_points"])
