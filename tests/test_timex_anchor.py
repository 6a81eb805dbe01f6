"""Anaphoric anchoring: "two days earlier" counts from the time the text was telling (TIMEX3 anchors it
to that time), "two days ago" always from the publication date; "that weekend", "that decade" are the
ones holding the time told. Texts of our own, published on a Wednesday."""

from __future__ import annotations

import pytest

from timex_helpers import timexes

PUB = "2015-04-01"  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expression", "type_", "value"),
    [
        # "X earlier" after a time told: counted from it, at the unit's granularity
        ("The plane crashed on March 3. Two days earlier, it had been warned.", "Two days earlier", "DATE", "2015-03-01"),
        ("The plane crashed on March 3. A week earlier, the pilots had complained.", "A week earlier", "DATE", "2015-W09"),
        ("The activist was detained last August. Two months earlier, he had fled.", "Two months earlier", "DATE", "2014-06"),
        ("The bridge fell on March 3. 24 hours earlier, it had been inspected.", "24 hours earlier", "DATE", "2015-03-02"),
        ("The mill shut down in 2009. Two years earlier, its owner had sold the land.", "Two years earlier", "DATE", "2007"),
        ("The minister quit yesterday. Two days earlier, he had denied it.", "Two days earlier", "DATE", "2015-03-29"),
        ("The vote is set for May 5. Two weeks earlier, parties will file lists.", "Two weeks earlier", "DATE", "2015-W17"),
        # a clock time told: hours and minutes before it are a TIME of that day
        ("A bomb hit at 9 a.m. on March 3. Three hours earlier, roads shut.", "Three hours earlier", "TIME", "2015-03-03T06:00"),
        # "ago" counts from the publication date, whatever the text told before
        ("The ferry sank on March 3. Two days ago, divers reached the wreck.", "Two days ago", "DATE", "2015-03-30"),
        ("The ferry sank in 2009. Three years ago, divers reached the wreck.", "Three years ago", "DATE", "2012"),
        ("The ferry sank on March 3. 48 hours ago, divers reached the wreck.", "48 hours ago", "DATE", "2015-03-30"),
        # nothing told: the publication date; a time told too coarse to count from: that time
        ("Two days earlier, the airline had warned of trouble.", "Two days earlier", "DATE", "2015-03-30"),
        ("The plane crashed in 2009. Two days earlier, it had been warned.", "Two days earlier", "DATE", "2009"),
        ("He was arrested last week. A week earlier, he had fled.", "A week earlier", "DATE", "2015-W12"),
        # a figure compared with a year before: the period reported in that sentence, the quarter
        # reported, else the publication date's year, never a year before an earlier "a year ago"
        ("The mill earned $5 million in 2013, up from $3 million a year earlier.", "a year earlier", "DATE", "2012"),
        ("It earned $5 million in the third quarter, up from $3 million a year earlier.", "a year earlier", "DATE", "2013-Q3"),
        # a period a figure is set against is not the time told: "a year earlier" counts from 2014
        (
            "In 2014 sales rose 2%, against 8% in 2013, and the mill cut its debt to $100m from $400m a year earlier.",
            "a year earlier",
            "DATE",
            "2013",
        ),
        (
            "Profit fell from a year ago, when demand was strong. The unit blamed higher costs compared with a year earlier.",
            "a year earlier",
            "DATE",
            "2014",
        ),
        ("The rebels took the town in 2012. They had fled from it two years earlier.", "two years earlier", "DATE", "2010"),
        # "that weekend", "that decade": the ones holding the time told
        ("The mayor was arrested on March 3. That weekend, protesters marched.", "That weekend", "DATE", "2015-W10-WE"),
        ("The band formed in 1975. That decade, the club scene flourished.", "That decade", "DATE", "197"),
    ],
)
def test_anchor(brief_of, text: str, expression: str, type_: str, value: str) -> None:
    got = timexes(brief_of(text, published=PUB))
    assert got.get(expression) == (type_, value), got


def test_no_day_told_stays_unresolved(brief_of) -> None:
    """ "The day before", "the next day" with no day told before: no day to count from, left out
    (TimeBank annotates none such; "that day" with no day told is left out 2 times of 2)."""
    got = timexes(brief_of("The day before, the airline had warned of trouble. The next day, it apologized.", published=PUB))
    assert not any(v for _, v in got.values()), got
    got = timexes(brief_of("The plane landed on March 3. The next day, it left.", published=PUB))
    assert got.get("The next day") == ("DATE", "2015-03-04"), got  # with a day told, it is counted
