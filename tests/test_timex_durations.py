"""Durations, sets and numbers (issue #5): numbers joined by "and", rates told "a day", ages, double
hyphens used as dashes, centuries told as "the 1800s". Fixture sentences written for these tests."""

from __future__ import annotations

import pytest

from newsbrief.analyzers.timex_calendar import parse_number
from timex_helpers import timexes

PUB = "2015-04-01"


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("one hundred and twenty", 120),
        ("two and a half", 2.5),
        ("three-and-a-half", 3.5),
        ("a thousand and one", 1001),
        ("eight and six", None),  # two numbers, not fourteen
        ("five and two", None),
    ],
)
def test_and_joins_words_of_one_number_only(words: str, value: float | None) -> None:
    assert parse_number(words) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two numbers sharing one unit: two durations, never their sum
        (
            "The two smugglers were sentenced to eight and six years in jail.",
            {"eight": ("DURATION", "P8Y"), "six years": ("DURATION", "P6Y")},
        ),
        ("The bridge took one hundred and twenty days to rebuild.", {"one hundred and twenty days": ("DURATION", "P120D")}),
        ("The siege went on for three-and-a-half years.", {"three-and-a-half years": ("DURATION", "P3Y6M")}),
        # before "ago" the bare first number would be a date it cannot tell: left out
        ("The two mines closed eight and six years ago.", {"six years ago": ("DATE", "2009")}),
        # an age is no duration
        ("Volunteers must be between 19 and 23 years of age.", {}),
        ("The pilot was 41 years of age.", {}),
    ],
)
def test_numbers_joined_by_and(brief_of, text: str, expected: dict) -> None:
    assert timexes(brief_of(text, published=PUB)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "a day" after an amount of time or of things is "per day": a rate, which TimeBank leaves out
        ("The nurse walks an hour a day around the ward.", {"an hour": ("DURATION", "PT1H")}),
        ("She practises two hours a day at the rink.", {"two hours": ("DURATION", "PT2H")}),
        ("The pharmacy stays open 24 hours a day.", {}),  # the whole day: always
        ("The bakery is open seven days a week.", {}),
        ("The pumps run 24 hours per day in the dry season.", {}),
        ("The patient swallowed nearly one a day.", {}),
        ("The crews worked six-days-a-week shifts at the dam.", {}),
        ("The clinic serves three hot meals a day.", {}),
        # a verb or "as" before "a month" makes no rate
        ("The repair could take as long as a month.", {"a month": ("DURATION", "P1M")}),
        ("The course lasts a year.", {"a year": ("DURATION", "P1Y")}),
        # a frequency stays a set
        ("The ferry crosses twice a day.", {"twice a day": ("SET", "P1D")}),
    ],
)
def test_per_day_after_an_amount(brief_of, text: str, expected: dict) -> None:
    assert timexes(brief_of(text, published=PUB)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a double hyphen used as a dash ends the expression before it, as an em dash does
        ("The quake struck at night -- hours after the warning.", {}),
        (
            "The mill closed in late 1987 -- ending a century of work.",
            {"late 1987": ("DATE", "1987"), "a century": ("DURATION", "P100Y")},
        ),
        (
            "The mill closed in late 1987 — ending a century of work.",
            {"late 1987": ("DATE", "1987"), "a century": ("DURATION", "P100Y")},
        ),
        ("The league was founded in 1962 -- long before television.", {"1962": ("DATE", "1962")}),
        # a hyphen joined to a year makes a span of years, not a year of its own
        ("The 1987-88 season was his last.", {}),
    ],
)
def test_double_hyphen_is_a_dash(brief_of, text: str, expected: dict) -> None:
    assert timexes(brief_of(text, published=PUB)) == expected


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The chapel was built in the 1700s.", "the 1700s", "17"),  # a century, not the decade 1700-1709
        ("Settlers farmed the valley in the early 1800s.", "the early 1800s", "18"),
        ("The canal was dug in the 1900s.", "the 1900s", "19"),
        ("Rents doubled in the 1970s.", "the 1970s", "197"),
        ("Rents doubled in the 2000s.", "the 2000s", "200"),  # the decade, as news means it
    ],
)
def test_hundreds_are_centuries(brief_of, text: str, expression: str, value: str) -> None:
    assert timexes(brief_of(text, published=PUB)).get(expression) == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Six trading days after the listing, the shares fell.", "Six trading days", "P6D"),
        ("The lender must answer within ten business days.", "ten business days", "P10D"),
        ("The audit took two working weeks.", "two working weeks", "P2W"),
    ],
)
def test_kinds_of_days_between_number_and_unit(brief_of, text: str, expression: str, value: str) -> None:
    assert timexes(brief_of(text, published=PUB)).get(expression) == ("DURATION", value)
