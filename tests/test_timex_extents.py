"""Time-expression extents that were missed or cut: expressions right after a quotation mark, and the
words a TIMEX3 extent takes or leaves out around them. Sentences written for these tests."""

from __future__ import annotations

import pytest

from timex_helpers import timexes

PUB = "2016-03-01"  # a Tuesday


@pytest.mark.parametrize(
    ("text", "expression", "type_", "value"),
    [
        # a quotation opened by two apostrophes (NYT), two backquotes (TimeBank) or one apostrophe (BBC)
        ("''Yesterday was a long day for all of us,'' the mayor said.", "Yesterday", "DATE", "2016-02-29"),
        ("''Four years ago nobody knew her name,'' an aide said.", "Four years ago", "DATE", "2012"),
        ("The coach said ''next week we play at home'' and left.", "next week", "DATE", "2016-W10"),
        ("``Tomorrow we vote,'' the chairman said.", "Tomorrow", "DATE", "2016-03-02"),
        ("'Last year the river flooded twice,' the farmer said.", "Last year", "DATE", "2015"),
    ],
)
def test_expression_after_an_opening_quote(brief_of, text: str, expression: str, type_: str, value: str) -> None:
    got = timexes(brief_of(text, published=PUB))
    assert got.get(expression) == (type_, value), got


def test_apostrophe_after_a_word_is_no_quote(brief_of) -> None:
    """ "5'10": the inches of a height, not ten of anything after a quotation mark."""
    got = timexes(brief_of("The guard, who is 5'10 tall, stood by the door for hours.", published=PUB))
    assert not any(t.startswith("10") for t in got), got
