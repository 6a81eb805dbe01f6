"""Key points: ranked, grounded, trimmed sentences, capped by --points, never two saying the same thing."""

from __future__ import annotations

# ruff: noqa: E501  (fixture text: an article keeps its lines)

ARTICLE = """GENEVA (Reuters) -- The city council of Lakeside voted on Monday to close the old harbour bridge after engineers found deep cracks in its main pillars.
Key facts
- The harbour bridge carried 40,000 cars a day before the vote.
- Repairs are expected to take at least two years.
Mayor Ana Torres said the council had no choice once the engineers reported the cracks.
"We cannot risk lives on a bridge that may fail," Torres told reporters at the town hall.
Traffic will be diverted through the northern ring road, which is likely to add twenty minutes to many commutes.
Local shop owners near the harbour fear that the closure will cost them customers for months.
The bridge was opened in 1962 and last renovated in 1998.
Engineers will present a full repair plan to the council in March.
"""


def test_points_are_grounded_ranked_and_trimmed(brief_of):
    brief = brief_of(ARTICLE, points=10)
    points = brief.key_points
    assert 3 <= len(points) <= 10
    scores = [p.score for p in points]
    assert scores == sorted(scores, reverse=True)
    for p in points:
        assert ARTICLE[p.start : p.end] == p.text
        assert not p.text.startswith(("- ", "-")), p.text
        assert p.text == p.text.strip()
        assert "\n" not in p.text
    assert "Key facts" not in {p.text for p in points[:3]}


def test_dateline_is_not_part_of_the_lead_point(brief_of):
    brief = brief_of(ARTICLE)
    lead = [p for p in brief.key_points if "city council of Lakeside voted" in p.text]
    assert lead, [p.text for p in brief.key_points]
    assert lead[0].text.startswith("The city council")
    assert lead[0] in brief.key_points[:3]  # the lead's news is among the first points


def test_points_cap(brief_of):
    assert len(brief_of(ARTICLE, points=2).key_points) == 2
    assert len(brief_of(ARTICLE).key_points) == 5  # the default cap


def test_no_two_points_repeat_each_other(brief_of):
    text = (
        "The central bank raised its main interest rate to 5 percent on Thursday to fight inflation.\n"
        "The central bank raised its main interest rate to 5 percent on Thursday, to fight inflation.\n"
        "Economists had expected a smaller increase of a quarter point.\n"
        "Shares fell sharply in early trading after the announcement.\n"
        "The bank's governor said further increases could follow later this year.\n"
    )
    points = [p.text for p in brief_of(text, points=5).key_points]
    assert sum("raised its main interest rate" in t for t in points) == 1, points


def test_bullet_span_drops_marker():
    import spacy

    import newsbrief.analyzers.lines  # noqa: F401
    from newsbrief.analyzers.keypoints import units_of
    from newsbrief.pipeline import SPACY_MODEL

    nlp = spacy.load(SPACY_MODEL)
    nlp.add_pipe("newsbrief_lines", before="parser")
    text = "Highlights\n- Prices rose by 3 percent in May.\n- Wages did not keep up.\n"
    units = units_of(nlp(text))
    spans = [text[u.start : u.end] for u in units]
    assert spans == ["Highlights", "Prices rose by 3 percent in May.", "Wages did not keep up."]
    assert units[0].heading and not units[1].heading


def test_empty_and_tiny_texts(brief_of):
    one = "The committee approved the new budget for the public library on Monday."
    assert [p.text for p in brief_of(one).key_points] == [one]
