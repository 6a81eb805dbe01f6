"""Events: pattern families -> CAMEO, actor/target from the parse, modality, `when`, the identity key.

Most tests run the events component alone on a parsed text whose actors are set by hand, so they test
this component and not the actors or time components; one runs the whole pipeline for grounding."""

from __future__ import annotations

import json
import re

import pytest

from newsbrief.analyzers import base
from newsbrief.analyzers.events import EventExtractor, event_key, event_week, goldstein, lexicon, quad_class
from newsbrief.model import Entity, Event, Span, Timex

ACTORS = {
    "Arland": ("GPE", ["Arland", "Arlandian"]),
    "Borovia": ("GPE", ["Borovia", "Borovian"]),
    "Celtra": ("GPE", ["Celtra"]),
    "Anna Marsh": ("PERSON", ["Anna Marsh", "Marsh"]),
    "Igor Petrov": ("PERSON", ["Igor Petrov", "Petrov"]),
    "Vantec": ("ORG", ["Vantec"]),
    "Velmar": ("GPE", ["Velmar"]),
}


@pytest.fixture(scope="module")
def nlp():
    from newsbrief.pipeline import build_nlp

    return build_nlp(with_components=False)


def _entities(text: str) -> list[Entity]:
    out, taken = [], set()
    for i, (name, (typ, aliases)) in enumerate(ACTORS.items()):
        mentions = []
        for alias in sorted(aliases, key=len, reverse=True):
            for m in re.finditer(rf"\b{re.escape(alias)}\b", text):
                if not taken & set(range(m.start(), m.end())):
                    taken |= set(range(m.start(), m.end()))
                    mentions.append(Span.of(text, m.start(), m.end()))
        if mentions:
            out.append(Entity(id=f"e{i}", name=name, type=typ, mentions=sorted(mentions, key=lambda s: s.start)))
    return out


def events_of(nlp, text: str, timexes: list[tuple[str, str]] = (), statements: list = ()) -> list[Event]:
    """The events component alone, on a parse with the actors (and dated timexes) set by hand."""
    doc = nlp(text)
    base.put(doc, "entities", _entities(text))
    tx = []
    for phrase, value in timexes:
        s = text.index(phrase)
        tx.append(Timex(start=s, end=s + len(phrase), text=phrase, type="DATE", value=value))
    base.put(doc, "timexes", tx)
    base.put(doc, "statements", list(statements))
    EventExtractor()(doc)
    return base.get(doc, "events")


def names(events: list[Event]) -> dict[str, str]:
    return {f"e{i}": n for i, n in enumerate(ACTORS)}


def find(events: list[Event], trigger: str) -> Event:
    hits = [e for e in events if e.trigger.text == trigger]
    assert hits, f"no event {trigger!r} in {[e.trigger.text for e in events]}"
    return hits[0]


def who(ev: Event) -> tuple[str | None, str | None]:
    n = names([])
    return n.get(ev.actor or ""), n.get(ev.target or "")


# --- pattern families ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger", "cameo", "actor", "target"),
    [
        ("Anna Marsh arrived in Borovia on a state visit.", "arrived", "042", "Anna Marsh", "Borovia"),
        ("Igor Petrov visited Arland last week.", "visited", "042", "Igor Petrov", "Arland"),
        ("Borovia hosted Anna Marsh for two days.", "hosted", "043", "Borovia", "Anna Marsh"),
        ("Anna Marsh met with Igor Petrov in the capital.", "met", "040", "Anna Marsh", "Igor Petrov"),
        ("Arland negotiated with Borovia over the border.", "negotiated", "046", "Arland", "Borovia"),
        ("Arland held talks with Borovia on Monday.", "held", "046", "Arland", "Borovia"),
        ("Arland signed a trade agreement with Borovia.", "signed", "057", "Arland", None),
        ("Igor Petrov endorsed Arland's plan for the region.", "endorsed", "051", "Igor Petrov", "Arland"),
        ("Igor Petrov invited Anna Marsh to Borovia.", "invited", "036", "Igor Petrov", "Anna Marsh"),
        ("Borovia threatened Celtra with retaliation.", "threatened", "130", "Borovia", "Celtra"),
        ("Arland imposed sanctions on Borovia.", "imposed", "163", "Arland", "Borovia"),
        ("Borovia supplied missiles to Celtra.", "supplied", "072", "Borovia", "Celtra"),
        ("Borovia attacked Celtra at dawn.", "attacked", "190", "Borovia", "Celtra"),
        ("Igor Petrov shot Anna Marsh outside the court.", "shot", "182", "Igor Petrov", "Anna Marsh"),
    ],
)
def test_verb_patterns(nlp, text, trigger, cameo, actor, target):
    ev = find(events_of(nlp, text), trigger)
    assert ev.cameo == cameo
    got_actor, got_target = who(ev)
    assert got_actor == actor
    if target is not None:
        assert got_target == target
    assert ev.text in text and ev.trigger.text == trigger


def test_nominal_events(nlp):
    text = "Observers noted the delivery of Borovian rockets to Celtra. Arland's invasion of Celtra began in spring."
    evs = events_of(nlp, text)
    supply = find(evs, "delivery")
    assert supply.cameo == "072" and who(supply) == ("Borovia", "Celtra")  # actor from the demonym of the goods
    inv = find(evs, "invasion")
    assert inv.cameo.startswith("19") and who(inv) == ("Arland", "Celtra")


def test_talks_between_and_visit_of(nlp):
    text = "The talks between Arland and Borovian delegations lasted an hour. The visit of Igor Petrov to Celtra was short."
    evs = events_of(nlp, text)
    assert who(find(evs, "talks")) == ("Arland", "Borovia") and find(evs, "talks").cameo == "046"
    visit = find(evs, "visit")
    assert visit.cameo == "042" and who(visit) == ("Igor Petrov", "Celtra")


def test_subject_of_purpose_clause_and_pronoun(nlp):
    text = "Anna Marsh flew to Borovia to meet Igor Petrov. Later she visited Celtra."
    evs = events_of(nlp, text)
    assert who(find(evs, "meet")) == ("Anna Marsh", "Igor Petrov")
    assert who(find(evs, "visited")) == ("Anna Marsh", "Celtra")


def test_passive_agent(nlp):
    ev = find(events_of(nlp, "Celtra was attacked by Borovia overnight."), "attacked")
    assert who(ev) == ("Borovia", "Celtra")


def test_unknown_actions_are_events_without_cameo(nlp):
    ev = find(events_of(nlp, "Vantec painted the bridge in Arland."), "painted")
    assert ev.cameo is None and ev.type == "paint" and who(ev)[0] == "Vantec"


def test_no_actor_no_event(nlp):
    assert not [e for e in events_of(nlp, "The weather improved slowly over the hills.")]


# --- modality -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        ("Borovia may attack Celtra next year.", "attack", "possible"),
        ("Arland could impose sanctions on Borovia.", "impose", "possible"),
        ("Anna Marsh will visit Borovia in May.", "visit", "expected"),
        ("Arland is expected to sign an agreement with Borovia.", "sign", "expected"),
        ("Borovia plans to supply missiles to Celtra.", "supply", "expected"),
        ("Borovia did not attack Celtra.", "attack", "denied"),
        ("Igor Petrov visited Arland.", "visited", "asserted"),
        ("Will Borovia attack Celtra?", "attack", "question"),
        ("Possible cooperation between Arland and Borovia worries Celtra.", "cooperation", "possible"),
        ("If Borovia attacks Celtra, Arland will respond.", "attacks", "possible"),
    ],
)
def test_modality_from_local_cues(nlp, text, trigger, modality):
    assert find(events_of(nlp, text), trigger).modality == modality


def test_statement_label_is_preferred_for_the_main_verb(nlp):
    from newsbrief.model import Statement

    text = "Borovia attacked Celtra."
    st = Statement(start=0, end=len(text), text=text, modality="possible")
    assert find(events_of(nlp, text, statements=[st]), "attacked").modality == "possible"
    # a statement's label does not overrule a local modal cue
    text2 = "Borovia may attack Celtra."
    st2 = Statement(start=0, end=len(text2), text=text2, modality="asserted")
    assert find(events_of(nlp, text2, statements=[st2]), "attack").modality == "possible"


# --- when ---------------------------------------------------------------------------------------


def test_when_from_the_clause_date(nlp):
    text = "On March 3, 2021, Anna Marsh arrived in Borovia. Igor Petrov invited Anna Marsh after he visited Celtra in May 2020."
    evs = events_of(nlp, text, timexes=[("March 3, 2021", "2021-03-03"), ("May 2020", "2020-05")])
    assert find(evs, "arrived").when == "2021-03-03"
    assert find(evs, "visited").when == "2020-05"
    assert find(evs, "invited").when == "2020-05"  # its only date is in its "after" clause


def test_no_date_no_when(nlp):
    assert find(events_of(nlp, "Anna Marsh arrived in Borovia."), "arrived").when is None


# --- identity key -------------------------------------------------------------------------------


def test_identity_key_same_event_across_outlets():
    a = event_key("Vladimir Example", "042", "Borovia", "2024-06-18", "2024-06-19")
    b = event_key("vladimir  example", "043", "Borovia's", None, "2024-06-19")
    assert a == b  # names normalised, CAMEO root, the week of a missing date's publication
    assert event_key("Vladimir Example", "040", "Borovia", "2024-06-18") == event_key(
        "vladimir example", "046", "Borovia", "2024-06-19"
    )
    assert event_key("X", "042", "Y", None, "2024-06-18") == event_key("X", "042", "Y", "2024-06-17")  # same ISO week


def test_identity_key_separates_what_differs():
    base_key = event_key("X", "042", "Y", "2024-06-18")
    assert base_key != event_key("Y", "042", "X", "2024-06-18")  # direction
    assert base_key != event_key("X", "190", "Y", "2024-06-18")  # action
    assert base_key != event_key("X", "042", "Y", "2024-07-18")  # week
    assert event_key("X", "042", "Y", "2024-06-18", by="day") != event_key("X", "042", "Y", "2024-06-17", by="day")
    assert event_key("X", "042", "Y", "2024-06", "2024-06-18", by="day").endswith("2024-W25")  # no full date: its week


def test_week_and_weights():
    assert event_week("2024-06-18") == "2024-W25"
    assert event_week("2024-06", "2024-06-18") == "2024-W25"
    assert event_week(None, None) is None
    assert quad_class("042") == 1 and quad_class("072") == 2 and quad_class("130") == 3 and quad_class("190") == 4
    assert goldstein("190") == -10.0 and goldstein("057") == 8.0 and goldstein(None) is None


# --- data ---------------------------------------------------------------------------------------


def test_patterns_are_user_extensible(nlp, tmp_path, monkeypatch):
    extra = tmp_path / "mine.json"
    extra.write_text(json.dumps({"verbs": [{"lemma": "snub", "cameo": "125", "type": "snub"}]}), encoding="utf-8")
    monkeypatch.setenv("NEWSBRIEF_EVENT_PATTERNS", str(extra))
    lexicon.cache_clear()
    try:
        doc = nlp("Arland snubbed Borovia at the summit.")
        base.put(doc, "entities", _entities(doc.text))
        EventExtractor()(doc)
        assert find(base.get(doc, "events"), "snubbed").cameo == "125"
    finally:
        monkeypatch.delenv("NEWSBRIEF_EVENT_PATTERNS")
        lexicon.cache_clear()


def test_every_pattern_code_is_a_cameo_code():
    from newsbrief.resources import load_json

    table = load_json("events/cameo.json")
    data = load_json("events/patterns.json")
    for entry in data["verbs"] + data["nouns"]:
        assert entry["cameo"][:2] in table["roots"] and entry["cameo"] in table["codes"], entry
        assert entry.get("object") in (None, *data["object_classes"]), entry


def test_whole_pipeline_events_are_grounded(brief_of):
    text = "Arland's foreign minister Anna Marsh arrived in Borovia on Monday. She may sign a defence pact with Borovia."
    brief = brief_of(text, published="2024-06-18")
    assert brief.events
    for ev in brief.events:
        assert text[ev.start : ev.end] == ev.text and ev.trigger.start >= ev.start and ev.trigger.end <= ev.end
    ids = {e.id for e in brief.entities}
    assert all(ev.actor in ids | {None} and ev.target in ids | {None} for ev in brief.events)


def test_a_reported_or_coordinated_clause_keeps_its_date(nlp):
    text = (
        "Anna Marsh said that Borovia attacked Celtra in May 2020. "
        "Igor Petrov arrived in Arland and met Anna Marsh on June 2, 2021."
    )
    evs = events_of(nlp, text, timexes=[("May 2020", "2020-05"), ("June 2, 2021", "2021-06-02")])
    assert find(evs, "attacked").when == "2020-05"
    assert find(evs, "said").when is None
    assert find(evs, "met").when == "2021-06-02"
    assert find(evs, "arrived").when is None


def test_time_values_give_the_day(nlp):
    text = "In the evening of June 18, Anna Marsh arrived in Borovia."
    doc = nlp(text)
    base.put(doc, "entities", _entities(text))
    s = text.index("the evening")
    phrase = "the evening of June 18"
    base.put(doc, "timexes", [Timex(start=s, end=s + len(phrase), text=phrase, type="TIME", value="2024-06-18TEV")])
    EventExtractor()(doc)
    assert find(base.get(doc, "events"), "arrived").when == "2024-06-18"


@pytest.mark.parametrize("text", ["", "   \n\n  ", "!!!", "Borovia.", "\u201cWe will,\u201d she said.\n- Arland\n"])
def test_odd_texts_do_not_break(nlp, text):
    for ev in events_of(nlp, text):
        assert text[ev.start : ev.end] == ev.text


@pytest.mark.parametrize(
    ("text", "trigger", "cameo"),
    [
        ("Vantec provides software for phones.", "provides", None),  # aid needs an actor as recipient
        ("Borovia provided loans to Celtra.", "provided", "070"),
        ("Vantec demonstrated its new phone.", "demonstrated", None),  # a protest has no object
        ("Borovia released Igor Petrov last night.", "released", "084"),
        ("Vantec released Arland's new album.", "released", None),  # a release is of people
        ("Anna Marsh fought Borovia in court.", "fought", "190"),
        ("Anna Marsh fought cancer for years.", "fought", None),
        ("Borovia received Anna Marsh in the capital.", "received", "043"),
    ],
)
def test_cameo_conditions(nlp, text, trigger, cameo):
    assert find(events_of(nlp, text), trigger).cameo == cameo


def test_two_reports_of_one_event_share_a_key(nlp):
    from newsbrief.analyzers.events import key_of

    one = "Anna Marsh arrived in Borovia on Tuesday for talks."
    two = "Marsh visited Borovia, officials said."
    ev1 = find(events_of(nlp, one, timexes=[("Tuesday", "2024-06-18")]), "arrived")
    ev2 = find(events_of(nlp, two), "visited")
    k1 = key_of(ev1, _entities(one), published="2024-06-18")
    k2 = key_of(ev2, _entities(two), published="2024-06-19")
    assert k1 == k2
    other = find(events_of(nlp, "Anna Marsh arrived in Celtra."), "arrived")
    assert key_of(other, _entities("Anna Marsh arrived in Celtra."), published="2024-06-18") != k1


def test_first_persons_in_a_quotation(nlp):
    from newsbrief.model import Attribution

    text = 'Anna Marsh of Vantec said: "I met Igor Petrov. We will buy Celtra."'
    doc = nlp(text)
    ents = _entities(text)
    base.put(doc, "entities", ents)
    s, q = text.index("Anna Marsh"), text.index("I met")
    content = Span.of(text, q, text.rindex('"'))
    speaker = next(e.id for e in ents if e.name == "Anna Marsh")
    base.put(doc, "attributions", [Attribution(source=Span.of(text, s, s + 10), content=content, speaker=speaker, kind="direct")])
    EventExtractor()(doc)
    evs = base.get(doc, "events")
    assert who(find(evs, "met")) == ("Anna Marsh", "Igor Petrov")  # "I": the speaker
    assert who(find(evs, "buy")) == ("Vantec", "Celtra")  # "we": the speaker's organisation


def test_a_nominal_object_shares_its_predicate_modality(nlp):
    evs = events_of(nlp, "Borovia may receive assistance from Arland. Arland announced an invasion of Celtra.")
    assert find(evs, "assistance").modality == "possible"
    assert who(find(evs, "assistance")) == ("Arland", "Borovia")  # received from Arland: Arland assists
    assert find(evs, "invasion").modality == "asserted"


def test_object_control_and_appeals(nlp):
    evs = events_of(nlp, "The shelling prompted Arland to warn Borovia. Igor Petrov called on Celtra to release Anna Marsh.")
    assert who(find(evs, "warn")) == ("Arland", "Borovia")
    called = find(evs, "called")
    assert called.cameo == "020" and who(called) == ("Igor Petrov", "Celtra")
    assert who(find(evs, "release"))[0] == "Celtra"
    assert find(events_of(nlp, "Borovia sent missiles to patrol the border."), "sent").cameo is None  # no recipient


def test_joint_acts_denials_and_gerund_agents(nlp):
    evs = events_of(nlp, "Arland and Borovia signed a border treaty.")
    assert who(find(evs, "signed")) == ("Arland", "Borovia")  # a joint act: the second party is the counterpart
    evs = events_of(nlp, "Celtra accused Borovia of shelling Arland.")
    assert who(find(evs, "accused")) == ("Celtra", "Borovia")
    assert who(find(evs, "shelling")) == ("Borovia", "Arland")  # "accused X of shelling": X shells
    ev = find(events_of(nlp, "Borovia denied that it had supplied missiles to Celtra."), "supplied")
    assert ev.modality == "denied" and ev.cameo == "072"
    ev = find(events_of(nlp, "Arland will send rockets to Celtra, Anna Marsh said."), "send")
    assert ev.cameo == "072" and who(ev) == ("Arland", "Celtra") and ev.modality == "expected"


@pytest.mark.parametrize(
    ("text", "trigger", "cameo", "modality"),
    [
        ("Arland said it would not send troops to Celtra.", "send", None, "denied"),
        ("Borovia suspended aid to Celtra.", "suspended", "162", "asserted"),
        ("Borovia released two hostages on Friday.", "released", "084", "asserted"),
        ("Borovia fired a ballistic missile into the sea.", "fired", "150", "asserted"),
        ("Borovia fired missiles at Celtra.", "fired", "195", "asserted"),
    ],
)
def test_more_families(nlp, text, trigger, cameo, modality):
    ev = find(events_of(nlp, text), trigger)
    assert (ev.cameo, ev.modality) == (cameo, modality)


def test_participles_mediation_purpose_and_officials(nlp):
    evs = events_of(nlp, "The sanctions imposed by Arland on Borovia hurt its economy.")
    assert (find(evs, "imposed").cameo, who(find(evs, "imposed"))) == ("163", ("Arland", "Borovia"))
    assert who(find(evs, "sanctions")) == ("Arland", "Borovia")
    assert who(find(events_of(nlp, "Celtra is mediating between Arland and Borovia."), "mediating")) == ("Celtra", "Arland")
    evs = events_of(nlp, "Anna Marsh may travel to Borovia next week to discuss trade with Igor Petrov.")
    assert find(evs, "discuss").modality == "possible"  # a purpose is no more certain than the trip
    ev = find(events_of(nlp, "Arland expelled the Borovian ambassador."), "expelled")
    assert ev.cameo == "166" and who(ev) == ("Arland", "Borovia")


def test_origin_phrases_passive_gerunds_and_purposes(nlp):
    assert who(find(events_of(nlp, "Troops from Borovia entered Celtra."), "entered")) == ("Borovia", "Celtra")
    assert who(find(events_of(nlp, "Borovia was accused by Celtra of shelling Arland."), "shelling")) == ("Borovia", "Arland")
    talks = find(events_of(nlp, "An Arlandian delegation arrived in Celtra for talks with Borovian officials."), "talks")
    assert who(talks) == ("Arland", "Borovia")


def test_an_actor_that_only_modifies_the_object_makes_no_event(nlp):
    assert not [e for e in events_of(nlp, "The diplomat arrived on a Vantec flight.") if e.trigger.text == "arrived"]


def test_light_verbs_defer_to_their_event_noun(nlp):
    evs = events_of(nlp, "Arland made an offer to Borovia. Celtra is in talks with Arland.")
    assert not [e for e in evs if e.trigger.text == "made"]
    assert who(find(evs, "offer")) == ("Arland", "Borovia")
    assert who(find(evs, "talks")) == ("Celtra", "Arland")
    assert who(find(events_of(nlp, "The rockets, made by Vantec, reached Celtra."), "made"))[0] == "Vantec"


def _one(events: list[Event], trigger: str) -> Event:
    found = [e for e in events if e.trigger.text == trigger]
    assert found, [e.trigger.text for e in events]
    return found[0]


def _id(text: str, name: str) -> str:
    return next(e.id for e in _entities(text) if e.name == name)


@pytest.mark.parametrize(
    "text, trigger, place",
    [
        ("Anna Marsh met Igor Petrov in Velmar on Tuesday.", "met", "Velmar"),  # a place phrase of the trigger
        ("Anna Marsh signed the treaty with Borovia at Velmar.", "signed", "Velmar"),
        ("Anna Marsh arrived in Borovia for talks.", "arrived", "Borovia"),  # a visit: the visited place
        ("Anna Marsh visited Borovia last week.", "visited", "Borovia"),
        ("Anna Marsh criticised Borovia.", "criticised", None),  # no place said
        ("Anna Marsh met Igor Petrov at Vantec.", "met", None),  # an organisation is no place
        ("Arland praised Borovia's operation in Celtra.", "praised", None),  # the object's place is not the praise's
        ("Arland praised Borovia's operation in Celtra.", "operation", "Celtra"),
    ],
)
def test_place(nlp, text, trigger, place):
    ev = _one(events_of(nlp, text), trigger)
    assert ev.place == (_id(text, place) if place else None)
