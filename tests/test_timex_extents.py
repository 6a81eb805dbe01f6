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


@pytest.mark.parametrize(
    ("text", "expression", "type_", "value", "not_found"),
    [
        # "this"/"that" before a counted plural is a pronoun or a complementizer, not the duration's determiner
        ("She wrote this 20 years ago, her editor said.", "20 years ago", "DATE", "1996", "this 20 years"),
        ("He was told this a couple months ago.", "a couple months ago", "DATE", "2016-01", "this a couple months"),
        ("It shows that six years after the flood, the town is still empty.", "six years", "DURATION", "P6Y", "that six years"),
        # a fraction of a century or decade before "ago" is a year; "nearly a quarter-century" keeps its modifier
        ("The mill closed more than a half-century ago.", "more than a half-century ago", "DATE", "1966", "half-century"),
        ("The club was founded a quarter-century ago.", "a quarter-century ago", "DATE", "1991", "quarter-century"),
        ("The dam was built half a century ago.", "half a century ago", "DATE", "1966", "half a century"),
        ("She led the choir for nearly a quarter-century.", "nearly a quarter-century", "DURATION", "P25Y", "quarter-century"),
    ],
)
def test_words_around_a_count_of_units(brief_of, text: str, expression: str, type_: str, value: str, not_found: str) -> None:
    got = timexes(brief_of(text, published=PUB))
    assert got.get(expression) == (type_, value), got
    assert not_found not in got, got


def test_that_one_year_keeps_its_determiner(brief_of) -> None:
    """ "that one year": the determiner of a singular unit still belongs to the extent."""
    got = timexes(brief_of("Sales doubled in that one year alone.", published=PUB))
    assert "that one year" in got, got


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # a two-digit year after an apostrophe, straight or curly: its century from the reference
        ("The senator ran in '04 and again in '10.", "'04", "2004"),
        ("The senator ran in '04 and again in '10.", "'10", "2010"),
        ("The mill has stood empty since ’61.", "’61", "1961"),
        ("The band toured in March '09.", "March '09", "2009-03"),
        ("Jazz clubs thrived in the ’30s.", "the ’30s", "193"),
    ],
)
def test_two_digit_years(brief_of, text: str, expression: str, value: str) -> None:
    got = timexes(brief_of(text, published=PUB))
    assert got.get(expression) == ("DATE", value), got


def test_a_quoted_title_opening_on_a_number_is_no_year(brief_of) -> None:
    got = timexes(brief_of("She once acted in '42 Steps' on the stage.", published=PUB))
    assert "'42" not in got, got


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # TIMEX3 keeps "early"/"late" inside the extent (its mod); "earlier"/"later" stay out
        ("Late Saturday, the rebels left the town.", "Late Saturday", "2016-02-27"),
        ("The ballots were counted early Monday.", "early Monday", "2016-02-29"),
        ("The minister spoke late yesterday.", "late yesterday", "2016-02-29"),
        ("Later Monday, the rebels returned.", "Monday", "2016-02-29"),
    ],
)
def test_early_and_late_stay_in_the_extent(brief_of, text: str, expression: str, value: str) -> None:
    got = timexes(brief_of(text, published=PUB))
    assert got.get(expression) == ("DATE", value), got


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # an unsaid number of units before "later"/"before": a vague duration
        ("Hours later, the ferry reached the island.", "Hours", "PTXH"),
        ("The poster went up mere days before the vote.", "days", "PXD"),
        ("The alarm sounded only minutes before the fire.", "minutes", "PTXM"),
    ],
)
def test_vague_units_before_later_and_before(brief_of, text: str, expression: str, value: str) -> None:
    got = timexes(brief_of(text, published=PUB))
    assert got.get(expression) == ("DURATION", value), got


def test_first_days_after_an_event_stay_unannotated(brief_of) -> None:
    """TimeBank leaves "the first days after" and a bare "days after" out."""
    got = timexes(brief_of("In the first days before the strike, and days after it, the port was quiet.", published=PUB))
    assert "days" not in got, got


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # a month with "of" and a year phrase: one expression, the year from the phrase
        ("The bridge was closed in October of last year.", "October of last year", "2015-10"),
        ("The mine flooded in 1987. Rescuers gave up in late May of that year.", "late May of that year", "1987-05"),
        ("She won in 2011 and retired in April of the following year.", "April of the following year", "2012-04"),
    ],
)
def test_month_of_a_year_phrase(brief_of, text: str, expression: str, value: str) -> None:
    got = timexes(brief_of(text, published=PUB))
    assert got.get(expression) == ("DATE", value), got


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # a part of a month, or a unit counted from a holiday: one expression
        ("The ballots were mailed in the first week of March.", "the first week of March", "2016-W09"),
        ("Rents rose in the last week of June 2014.", "the last week of June 2014", "2014-W26"),
        ("Sales slowed in the second half of February.", "the second half of February", "2016-02"),
        ("The shop was robbed the week before Christmas.", "the week before Christmas", "2015-W51"),
        ("Crowds came the day after Thanksgiving.", "the day after Thanksgiving", "2015-11-27"),
    ],
)
def test_parts_of_months_and_days_by_holidays(brief_of, text: str, expression: str, value: str) -> None:
    got = timexes(brief_of(text, published=PUB))
    assert got.get(expression) == ("DATE", value), got


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        # an indefinite past told as "years past" or "previous years": PAST_REF, as TimeBank's "in past years"
        ("In years past, the fair drew bigger crowds.", "years past"),
        ("Unlike previous years, the harvest came early.", "previous years"),
    ],
)
def test_years_past_is_the_past(brief_of, text: str, expression: str) -> None:
    got = timexes(brief_of(text, published=PUB))
    assert got.get(expression) == ("DATE", "PAST_REF"), got


def test_hours_past_a_deadline_are_no_past(brief_of) -> None:
    got = timexes(brief_of("The ferry docked hours past the deadline.", published=PUB))
    assert "hours past" not in got, got


def test_a_count_before_previous_is_a_duration(brief_of) -> None:
    """ "the two previous months": a count of months (as "the previous two months"), not the indefinite past."""
    got = timexes(brief_of("Exports had grown in the three previous months.", published=PUB))
    assert got.get("the three previous months") == ("DURATION", "P3M"), got


@pytest.mark.parametrize(
    "text",
    [
        "She left the ''Tonight'' program after a year.",  # a show's name in NYT quotes
        "The drama '12 Weeks' won the prize in 2009.",  # a film's
    ],
)
def test_a_quoted_title_mid_sentence_is_no_time(brief_of, text: str) -> None:
    got = timexes(brief_of(text, published=PUB))
    assert not any(t in got for t in ("Tonight", "12 Weeks")), got


def test_a_quoted_answer_keeps_its_time(brief_of) -> None:
    got = timexes(brief_of('Asked when, she said: "Tomorrow."', published=PUB))
    assert got.get("Tomorrow") == ("DATE", "2016-03-02"), got
