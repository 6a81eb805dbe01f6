"""Redundant checks: a summary box that restates the body is flagged pair by pair; distinct
sentences on one topic are not."""

from __future__ import annotations

BOXED = """In brief
- Heavy rain flooded hundreds of homes in the river valley of Norland over the weekend.
- The regional government has promised emergency funds to the families who lost their homes.
Floods hit Norland
Torrential rain over Saturday and Sunday left hundreds of houses under water in Norland's river valley.
Rescue teams used boats to reach villages cut off by the water.
The regional government pledged emergency money for the families whose houses were destroyed.
Meteorologists say the rainfall was the heaviest recorded in the region for fifty years.
Schools in three towns will stay closed until the water has gone down.
"""

PLAIN = """The new museum of modern art opened its doors in the old port district on Friday.
Its collection includes more than two hundred paintings donated by a local family.
Tickets cost twelve euros, and entry is free for children under ten.
The architect designed the building around a courtyard planted with olive trees.
Critics praised the lighting of the main hall but found the signs confusing.
"""


def _redundant(brief):
    return [c for c in brief.checks if c.kind == "redundant"]


def _flags(checks, a: str, b: str) -> bool:
    return any(
        len(c.spans) == 2
        and {a in c.spans[0].text or a in c.spans[1].text, b in c.spans[0].text or b in c.spans[1].text} == {True}
        for c in checks
    )


def test_box_repeating_the_body_is_flagged(brief_of):
    checks = _redundant(brief_of(BOXED))
    assert _flags(checks, "Heavy rain flooded", "Torrential rain"), [c.message for c in checks]
    assert _flags(checks, "promised emergency funds", "pledged emergency money"), [c.message for c in checks]
    assert len(checks) <= 3
    for c in checks:
        assert all(BOXED[s.start : s.end] == s.text for s in c.spans)
        assert c.message


def test_distinct_sentences_are_not_flagged(brief_of):
    assert _redundant(brief_of(PLAIN)) == []


def test_embedding_tokenizer_and_similarity():
    from newsbrief import embed

    tokens = [embed._tokenizer().id_to_token(i) for i in embed.encode("Café prices!")]
    assert tokens == ["[CLS]", "cafe", "prices", "!", "[SEP]"]
    assert len(embed.encode("word " * 1000)) == embed.MAX_TOKENS
    para = embed.similarity("The minister resigned on Tuesday.", "On Tuesday the minister stepped down.")
    other = embed.similarity("The minister resigned on Tuesday.", "Heavy snow closed the mountain pass.")
    assert para > 0.6 > other
    assert embed.embed([]).shape == (0, 384)
