"""The tense of a time expression's clause, which gives a bare weekday or month its direction:
infinitives after adjectives, "as scheduled"/"than expected", and present-tense schedules."""

from __future__ import annotations

import pytest

from timex_helpers import value_of

PUB = "2015-04-01"  # a Wednesday


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


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # a weekday hanging from a present-tense verb is a schedule: the coming one, today included
        ("Ministers are meeting on Thursday to discuss the budget.", "Thursday", "2015-04-02"),
        ("The city library is closed on Thursday.", "Thursday", "2015-04-02"),
        ("The two clubs play a friendly match on Sunday.", "Sunday", "2015-04-05"),
        ("The museum reopens on Wednesday.", "Wednesday", "2015-04-01"),
        # a weekday that hangs from a verb of saying is the day of the report, past, whatever follows
        ("The company said Thursday it is planning to sell the plant.", "Thursday", "2015-03-26"),
        ("The union says Monday that the strike is over.", "Monday", "2015-03-30"),
        # a verb whose past is its base form tells no present; nor does a bare participle
        ("Weak sales hurt the index on Friday.", "Friday", "2015-03-27"),
        ("The shares fell sharply, closing lower Friday at $12.", "Friday", "2015-03-27"),
    ],
)
def test_present_tense_weekday_is_a_schedule(brief_of, text: str, expression: str, value: str) -> None:
    assert value_of(brief_of(text, published=PUB), expression) == value


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # a plan told in the pluperfect lies before a past: "had agreed to delay ... until Friday"
        ("The broadcaster had agreed to delay airing the film until Friday, but showed it on Monday.", "Friday", "2015-03-27"),
        ("The board had voted to postpone the sale Friday.", "Friday", "2015-03-27"),
        # a deadline or a delay told in the simple past still lies ahead, as a present one does
        ("The court postponed the hearing until Friday.", "Friday", "2015-04-03"),
        ("The family says the body will lie in state until he is buried on Thursday.", "Thursday", "2015-04-02"),
    ],
)
def test_delays_and_deadlines(brief_of, text: str, expression: str, value: str) -> None:
    assert value_of(brief_of(text, published=PUB), expression) == value


def test_saying_in_the_present(brief_of) -> None:
    """A present verb of saying with its report tells the day of the report; with a plain object
    ("reports earnings") it is a schedule like any other present verb."""
    got = brief_of("The minister tells reporters on Monday that the talks are over.", published=PUB)
    assert value_of(got, "Monday") == "2015-03-30"
    got = brief_of("The company reports earnings on Thursday.", published=PUB)
    assert value_of(got, "Thursday") == "2015-04-02"


def test_a_day_inside_an_after_clause_lies_before_its_clause(brief_of) -> None:
    """ "has him in his sights after winning the title on Sunday": a past Sunday, though "has" is
    present; "will rest after playing on Sunday": the coming one."""
    text = "Smith has the top spot in his sights after winning the open on Sunday."
    assert value_of(brief_of(text, published=PUB), "Sunday") == "2015-03-29"
    assert value_of(brief_of("He will rest after playing on Sunday.", published=PUB), "Sunday") == "2015-04-05"


def test_a_month_that_dates_a_past_verb_is_behind(brief_of) -> None:
    """ "died of a heart attack in April", said in March, is last April; next month reported in the past
    ("said the plant would close in April") still lies ahead."""
    pub = "2005-03-01"
    assert value_of(brief_of("The singer died suddenly of a heart attack in April.", published=pub), "April") == "2004-04"
    assert value_of(brief_of("The firm was founded in April.", published=pub), "April") == "2004-04"
    assert value_of(brief_of("He said the plant would close in April.", published=pub), "April") == "2005-04"


def test_a_day_right_after_a_past_verb_of_saying_is_the_saying_day(brief_of) -> None:
    """ "The clerk said Monday she suspects ...": the present of the report does not move Monday ahead."""
    assert value_of(brief_of("The clerk said Monday she suspects cash was in the bag.", published=PUB), "Monday") == "2015-03-30"


def test_set_as_a_deed_is_no_plan(brief_of) -> None:
    """ "has set a record after claiming a win on Sunday": a deed, a past Sunday; "set for Friday" a plan."""
    assert value_of(brief_of("She has set a record after claiming a win on Sunday.", published=PUB), "Sunday") == "2015-03-29"
    assert value_of(brief_of("The summit is set for Friday.", published=PUB), "Friday") == "2015-04-03"
