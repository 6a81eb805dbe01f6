"""Statements and modality (analyzers/statements.py), on short texts written for these tests."""

from __future__ import annotations

import pytest

from newsbrief.model import Statement


def statements(brief_of, text: str) -> list[Statement]:
    return brief_of(text).statements


def label_of(sts: list[Statement], phrase: str) -> list[str]:
    """The labels of the statements that hold `phrase` (the innermost first)."""
    hits = [s for s in sts if phrase in s.text]
    return [s.modality for s in sorted(hits, key=lambda s: s.end - s.start)]


@pytest.mark.parametrize(
    ("text", "phrase", "label"),
    [
        ("The delegation arrived in the capital on Monday evening.", "arrived", "asserted"),
        ("The storm may reach the northern coast on Friday.", "may reach", "possible"),
        ("Rebel units might withdraw from the valley.", "might withdraw", "possible"),
        ("The new bridge could collapse under heavy traffic.", "could collapse", "possible"),
        ("The minister will visit the border region next week.", "will visit", "expected"),
        ("Grain prices are expected to rise sharply this winter.", "expected to rise", "expected"),
        ("A difficult round of negotiations is ahead.", "is ahead", "expected"),
        ("The central bank is likely to cut interest rates.", "likely to cut", "expected"),
        ("The two parties will likely sign the accord in spring.", "will likely sign", "expected"),
        ("The council will possibly close the old library.", "will possibly close", "expected"),
        ("The mayor did not attend the opening ceremony.", "did not attend", "denied"),
        ("The ministry denied that soldiers had crossed the river.", "denied", "denied"),
        ("Officials rejected claims that the ballots were forged.", "rejected", "denied"),
        ("Will the ceasefire hold through the winter?", "ceasefire", "question"),
    ],
)
def test_modality_of_a_simple_clause(brief_of, text: str, phrase: str, label: str) -> None:
    sts = statements(brief_of, text)
    assert label_of(sts, phrase)[:1] == [label], [(s.text, s.modality) for s in sts]


def test_not_every_negative_word_is_a_denial(brief_of) -> None:
    sts = statements(brief_of, "The dispute is not only about water rights. Parliament rejected the budget proposal.")
    assert label_of(sts, "water rights") == ["asserted"]
    assert label_of(sts, "budget proposal") == ["asserted"]  # a decision, not the denial of a claim


def test_a_directive_is_not_a_denial(brief_of) -> None:
    sts = statements(brief_of, "The judge told the company not to sell its remaining shares.")
    assert label_of(sts, "judge") == ["asserted"]


def test_cannot_is_a_denial(brief_of) -> None:
    sts = statements(brief_of, "The old pumps cannot supply the whole district.")
    assert label_of(sts, "pumps") == ["denied"]


def test_clause_by_clause(brief_of) -> None:
    text = "Heavy rain may flood the lower valley, which will ruin this year's harvest."
    sts = statements(brief_of, text)
    main = [s for s in sts if "may flood" in s.text]
    rel = [s for s in sts if "will ruin" in s.text]
    assert [s.modality for s in main] == ["possible"]
    assert "possible" not in label_of(sts, "will ruin")
    assert [s.modality for s in rel][:1] == ["expected"] or label_of(sts, "will ruin")[0] == "expected"
    # the main clause stops before the relative clause, which is a statement of its own
    assert all("will ruin" not in s.text for s in main)


def test_coordinated_clauses_are_labelled_apart(brief_of) -> None:
    sts = statements(brief_of, "The governor doesn't trust the new census, and she may order a recount.")
    assert label_of(sts, "trust") == ["denied"]
    assert label_of(sts, "recount") == ["possible"]


def test_headings_without_a_verb_are_not_claims(brief_of) -> None:
    text = "Latest developments\nThe army captured the hill town.\nWhat we know about the offensive\nSupplies ran low."
    sts = statements(brief_of, text)
    assert [s.text for s in sts] == ["The army captured the hill town.", "Supplies ran low."]


def test_span_skips_the_bullet_and_the_newline(brief_of) -> None:
    text = "Key facts\n- The port will reopen in May.\n- Exports may double.\n"
    sts = statements(brief_of, text)
    assert [(s.text, s.modality) for s in sts] == [
        ("The port will reopen in May.", "expected"),
        ("Exports may double.", "possible"),
    ]
    for s in sts:
        assert not s.text.startswith("-") and "\n" not in s.text
        assert text[s.start : s.end] == s.text


def test_holder_is_the_reporting_subject(brief_of) -> None:
    text = (
        "Maria Lopez, a senior economist at a Lisbon bank, believes that inflation will fall next year. "
        "She says that wages may rise. Unemployment remained high in March."
    )
    brief = brief_of(text)
    names = {e.id: e.name for e in brief.entities}
    by_text = {s.text: s for s in brief.statements}
    believes = next(s for t, s in by_text.items() if "believes" in t)
    says = next(s for t, s in by_text.items() if "She says" in t)
    plain = next(s for t, s in by_text.items() if "Unemployment" in t)
    assert believes.modality == "expected" and "Lopez" in names.get(believes.holder, "")
    assert says.modality == "possible" and "Lopez" in names.get(says.holder, "")
    assert plain.holder is None and plain.modality == "asserted"


def test_holder_from_an_opinion_adjunct(brief_of) -> None:
    text = "Daniel Okafor teaches history in Lagos. In his view, the reform is unlikely to survive the next election."
    brief = brief_of(text)
    names = {e.id: e.name for e in brief.entities}
    st = next(s for s in brief.statements if "reform" in s.text)
    assert st.modality == "expected"
    assert "Okafor" in names.get(st.holder, "")


def test_no_holder_without_a_named_or_pronoun_source(brief_of) -> None:
    sts = statements(brief_of, "Analysts say the currency could weaken further.")
    assert [s.holder for s in sts] == [None]
    assert sts[0].modality == "possible"


def test_modality_at_gives_the_innermost_statement(brief_of) -> None:
    from newsbrief.analyzers.statements import modality_at
    from newsbrief.pipeline import build_nlp

    text = "Talks may resume in June, which will ease tensions."
    doc = build_nlp()(text)
    i = text.index("ease")
    assert modality_at(doc, i, i + 4) == "expected"
    j = text.index("resume")
    assert modality_at(doc, j, j + 6) == "possible"
    assert modality_at(doc, 0, len(text)) is None or modality_at(doc, 0, len(text)) in {"possible", "expected"}


def test_empty_and_verbless_texts(brief_of) -> None:
    assert statements(brief_of, "Breaking news\nMore soon") == []


def test_headline_future_is_expected(brief_of) -> None:
    sts = statements(brief_of, "Airline to cut 500 jobs next year\nThe carrier lost money in every quarter.")
    assert label_of(sts, "cut 500 jobs") == ["expected"]


def test_holder_of_a_participle_and_a_small_clause(brief_of) -> None:
    text = (
        "Senator Ruth Alvarez criticised the budget on Tuesday, saying that it would hurt rural schools. "
        "Governor Tomas Reyes called the charges baseless."
    )
    brief = brief_of(text)
    names = {e.id: e.name for e in brief.entities}
    saying = next(s for s in brief.statements if "rural schools" in s.text)
    called = next(s for s in brief.statements if "baseless" in s.text)
    assert "Alvarez" in names.get(saying.holder, "") and saying.modality == "expected"
    assert "Reyes" in names.get(called.holder, "")


def test_a_reported_question_is_not_a_question(brief_of) -> None:
    sts = statements(brief_of, 'The pilot radioed the tower, asking "Why was the runway closed?"')
    assert "question" not in [s.modality for s in sts]
    sts = statements(brief_of, "If the dam holds and the rain stops, will the farmers return?")
    assert [s.modality for s in sts] == ["question"]


def test_numbered_items_lose_their_numbers(brief_of) -> None:
    sts = statements(brief_of, "Outlook\n1. The plan will fail.\n2) It could still work.\n")
    assert [(s.text, s.modality) for s in sts] == [("The plan will fail.", "expected"), ("It could still work.", "possible")]


def test_scheduled_be_to(brief_of) -> None:
    sts = statements(brief_of, "The president is to visit the port next week. The goal is to win the league.")
    assert label_of(sts, "visit the port") == ["expected"]
    assert label_of(sts, "win the league") == ["asserted"]


def test_holder_from_according_to(brief_of) -> None:
    brief = brief_of("Helena Varga runs a shipping firm. Freight rates will double by autumn, according to Varga.")
    names = {e.id: e.name for e in brief.entities}
    st = next(s for s in brief.statements if "Freight" in s.text)
    assert st.modality == "expected" and "Varga" in names.get(st.holder, "")


def test_counterfactual_and_conditional_would_are_possible(brief_of) -> None:
    sts = statements(
        brief_of, "An earlier alert would have saved the crew. If the strike spreads, the mines would close. The mine will close."
    )
    assert label_of(sts, "saved the crew") == ["possible"]
    assert label_of(sts, "mines would close") == ["possible"]
    assert label_of(sts, "The mine will close") == ["expected"]
