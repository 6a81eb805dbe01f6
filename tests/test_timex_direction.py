"""The direction (the last one or the coming one) of a bare month, season or weekday, from the
clause it sits in: "this" + a season, modals and intentions, scheduled events such as elections,
and the past that a present perfect or a verb of praising reaches back to. Sentences written for
these tests."""

from __future__ import annotations

import pytest


def value_of(brief, expression: str) -> str | None:
    got = {t.text: t.value for t in brief.timexes}
    assert expression in got, got
    return got[expression]


@pytest.mark.parametrize(
    ("text", "published", "expression", "value"),
    [
        # "this" + a season stays in the year told, even in a past-tense clause
        ("Fans will not know the lineup until the band plays this summer.", "2021-04-12", "this summer", "2021-SU"),
        ("The league said the players signed their contracts this summer.", "2021-04-12", "this summer", "2021-SU"),
        ("The council voted to repave the square this fall.", "2021-02-20", "this fall", "2021-FA"),
        ("The ferry ran on time this winter.", "2021-02-20", "this winter", "2020-WI"),
        # a season already over this year lies ahead only in a future clause
        ("The new terminal will open this spring.", "2021-10-05", "this spring", "2022-SP"),
        ("The new terminal opened this spring.", "2021-10-05", "this spring", "2021-SP"),
    ],
)
def test_this_season_stays_in_its_year(brief_of, text: str, published: str, expression: str, value: str) -> None:
    assert value_of(brief_of(text, published=published), expression) == value
