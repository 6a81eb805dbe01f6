"""Sets and the time ahead (issue #5): "every morning", "on weekends", "every March 6", "twice a
week", "nightly", "the days ahead", "the week ahead". Fixture sentences written for these tests."""

from __future__ import annotations

import pytest

from timex_helpers import timexes

PUB = "2015-04-01"  # a Wednesday, ISO week 14


@pytest.mark.parametrize(
    ("text", "expression", "type_", "value"),
    [
        # a part of every day
        ("The bakery on the square opens every morning at six.", "every morning", "SET", "XXXX-XX-XXTMO"),
        ("Volunteers hand out soup each evening near the station.", "each evening", "SET", "XXXX-XX-XXTEV"),
        ("Patrols drive past the depot nightly.", "nightly", "SET", "XXXX-XX-XXTNI"),
        # weekends
        ("The ferry to the island runs only on weekends.", "weekends", "SET", "XXXX-WXX-WE"),
        ("The climbers train every weekend in the quarry.", "every weekend", "SET", "XXXX-WXX-WE"),
        # a day of every year keeps its day
        ("The village lights a bonfire every March 6.", "every March 6", "SET", "XXXX-03-06"),
        ("The village lights a bonfire every March.", "every March", "SET", "XXXX-03"),
        # a count per period: the whole phrase, the period as value
        ("The council meets twice a week in the old hall.", "twice a week", "SET", "P1W"),
        ("The magazine comes out three times a year.", "three times a year", "SET", "P1Y"),
        ("The committee meets every other week.", "every other week", "SET", "P2W"),
        # the time ahead
        ("More storms are forecast in the days ahead.", "the days ahead", "DURATION", "PXD"),
        ("Traders expect swings in the weeks ahead.", "the weeks ahead", "DURATION", "PXW"),
        ("Markets will watch the central bank in the week ahead.", "the week ahead", "DATE", "2015-W15"),
    ],
)
def test_sets_and_time_ahead(brief_of, text: str, expression: str, type_: str, value: str) -> None:
    got = timexes(brief_of(text, published=PUB))
    assert got.get(expression) == (type_, value), got


@pytest.mark.parametrize(
    "text",
    [
        "Crowds grew over recent weekends at the fair.",
        "Protests took place on consecutive weekends in the capital.",
    ],
)
def test_some_weekends_are_no_set(brief_of, text: str) -> None:
    got = timexes(brief_of(text, published=PUB))
    assert got.get("weekends") is None, got


def test_year_after_every_month_day_is_a_date(brief_of) -> None:
    got = timexes(brief_of("The museum reopens each March 6, 2016, after repairs.", published=PUB))
    assert got.get("March 6, 2016") == ("DATE", "2016-03-06"), got


@pytest.mark.parametrize(
    ("text", "not_expression"),
    [
        ("Prices climbed in the days ahead of the vote.", "the days ahead"),
        ("Envoys met in the week ahead of the summit.", "the week ahead"),
    ],
)
def test_ahead_of_is_a_preposition(brief_of, text: str, not_expression: str) -> None:
    """ "ahead of the vote": before an event, not the time after the publication date; the time
    expression stays, without "ahead"."""
    got = timexes(brief_of(text, published=PUB))
    assert not_expression not in got and not_expression.removesuffix(" ahead") in got, got
