"""Time expressions met on modern political news (PolNeAR train review): each case a sentence of our
own, written for the pattern, with the TIMEX3 reading a TempEval-3 annotator would give."""

from __future__ import annotations

import pytest

from timex_helpers import timexes


@pytest.mark.parametrize(
    ("published", "text", "expression", "type_", "value"),
    [
        # a typeset apostrophe, as news sites print names, is the same holiday
        ("2022-01-03", "The files posted on New Year’s Eve were hard to search.", "New Year’s Eve", "DATE", "2021-12-31"),
        ("2022-05-20", "The governor spent Mother’s Day at a shelter.", "Mother’s Day", "DATE", "2022-05-08"),
    ],
)
def test_politics_values(brief_of, published: str, text: str, expression: str, type_: str, value: str) -> None:
    got = timexes(brief_of(text, published=published))
    assert got.get(expression) == (type_, value), got
