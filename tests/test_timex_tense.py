"""The tense of a time expression's clause, which gives a bare weekday or month its direction:
infinitives after adjectives, "as scheduled"/"than expected", and present-tense schedules."""

from __future__ import annotations

import pytest

PUB = "2015-04-01"  # a Wednesday


def value_of(brief, expression: str) -> str | None:
    got = {t.text: t.value for t in brief.timexes}
    assert expression in got, got
    return got[expression]


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # an infinitive after "able"/"unable" takes the copula's tense; after "due"/"likely" it lies ahead
        ("Divers were not able to recover the wreck Tuesday.", "Tuesday", "2015-03-31"),
        ("The crew was unable to land the plane Friday.", "Friday", "2015-03-27"),
        ("The ferry is due to sail Friday.", "Friday", "2015-04-03"),
        ("The mayor plans to open the bridge Friday.", "Friday", "2015-04-03"),
        # "as scheduled", "as planned", "than expected" compare with a plan; the main clause gives the tense
        ("The concert was not broadcast as scheduled Sunday.", "Sunday", "2015-03-29"),
        ("The vote went ahead as planned on Thursday.", "Thursday", "2015-03-26"),
        ("Factories shed fewer workers than expected in January.", "January", "2015-01"),
        ("The launch is scheduled for Friday.", "Friday", "2015-04-03"),
    ],
)
def test_tense_of_infinitives_and_plans(brief_of, text: str, expression: str, value: str) -> None:
    assert value_of(brief_of(text, published=PUB), expression) == value
