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
        ("2022-05-20", "The ballot closes at Midnight Friday.", "Midnight Friday", "TIME", "2022-05-20T24:00"),
        # "later Monday": later on the day of writing, today or just past, even in a future clause
        ("2022-03-15", "The mayor is expected to address the council later Monday.", "Monday", "DATE", "2022-03-14"),
        # a condition in the present tense of a clause that looks ahead: the coming month
        ("2022-01-10", "The rules can be undone if a Democrat is elected in November.", "November", "DATE", "2022-11"),
        ("2022-01-10", "If the party had won in November, the bill would have passed.", "November", "DATE", "2021-11"),
        # "wouldn't say Tuesday": a refusal already made, not a coming day
        ("2022-06-22", "The whip wouldn't say Tuesday how many votes the bill had.", "Tuesday", "DATE", "2022-06-21"),
        ("2022-06-22", "The whip said she would say more on Friday.", "Friday", "DATE", "2022-06-24"),
        # "the last year of his term": the final year of a span the text does not date, not last year
        ("2022-02-01", "The governor signed the bill in the last year of his term.", "the last year", "DATE", None),
        ("2022-02-01", "Ads multiplied in the last week of the race.", "the last week", "DATE", None),
        ("2022-02-01", "Prices rose sharply over the last year.", "the last year", "DATE", "2021"),
        # US Inauguration Day: January 20 after a presidential election year (every four years)
        ("2020-05-05", "Aides want the rule in place before Inauguration Day.", "Inauguration Day", "DATE", "2021-01-20"),
        ("2020-05-05", "Crowds filled the Mall on Inauguration Day 2009.", "Inauguration Day 2009", "DATE", "2009-01-20"),
        # "the new year" (lowercase): the year about to begin, not January 1; "the New Year" is the holiday
        ("2021-12-28", "The council will take up the budget in the new year.", "the new year", "DATE", "2022"),
        ("2022-03-02", "Fuel prices have doubled since the new year.", "the new year", "DATE", "2022"),
        # a year before 1900 named before a dated event
        ("2020-09-07", "Mudslinging was worse in the 1828 presidential race.", "1828", "DATE", "1828"),
        # "by week's end", as "by year's end": that unit of the reference
        ("2022-07-20", "Aides hoped the gaffe would be forgotten by week's end.", "week's end", "DATE", "2022-W29"),
        # a past day told just after a day of an earlier year falls in that year
        (
            "2022-02-19",
            "The aide wrote in a May 4, 2011 memo that the plan was ready. The minister unveiled it on June 9.",
            "June 9",
            "DATE",
            "2011-06-09",
        ),
        ("2022-02-19", "The minister unveiled the plan on June 9.", "June 9", "DATE", "2021-06-09"),
        # "That was May.": the month told after "it/that" and a copula, not the verb "may"
        ("2021-08-20", "The aide called the ruling a win. That was May. Now the aide is gone.", "May", "DATE", "2021-05"),
        ("2021-08-20", "It was March, and the count had not begun.", "March", "DATE", "2021-03"),
        # the shopping days after Thanksgiving are named days of that week
        ("2021-12-03", "Marchers filled the avenue on Black Friday to demand a hearing.", "Black Friday", "DATE", "2021-11-26"),
        ("2021-12-03", "Online sales set a record on Cyber Monday, the group said.", "Cyber Monday", "DATE", "2021-11-29"),
    ],
)
def test_politics_values(brief_of, published: str, text: str, expression: str, type_: str, value: str) -> None:
    got = timexes(brief_of(text, published=published))
    assert got.get(expression) == (type_, value), got


@pytest.mark.parametrize(
    ("published", "text", "not_expected"),
    [
        # a date phrase that opens a quotation halfway is the speaker's figure, not a day
        ("2022-03-09", 'Republican leaders will have a "day of reckoning," she said.', "day"),
        ("2022-03-09", "The senator warned that donors would face a “day of reckoning.”", "day"),
        # a capitalized clock word opening a name
        ("2022-03-09", 'Lawyers sued the squad known as the "Midnight Patrol," a police unit.', "Midnight"),
        # "no quarter": no mercy
        ("2022-03-09", "The governor promised a no-quarter campaign against the incumbent.", "quarter"),
        ("2022-03-09", "Her rivals gave no quarter in the debate.", "quarter"),
        ("2022-03-09", "The only member who could lead them was May, the party said.", "May"),
        ("2022-03-09", "Ghana's Inauguration Day passed without unrest.", "Inauguration"),
        ("2022-03-09", "The 1500 volunteers knocked on doors.", "1500"),
    ],
)
def test_politics_not_time(brief_of, published: str, text: str, not_expected: str) -> None:
    got = timexes(brief_of(text, published=published))
    assert not any(not_expected in k for k in got), got
