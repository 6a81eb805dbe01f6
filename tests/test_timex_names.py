"""Names, titles, fractions and markup that hold a time word without being a time: papers and
shows ("USA TODAY"), people named after a month or a weekday, events named after a month, bill
numbers and counts, fractions, TV genres and idioms, and attribute values of markup left in a text.
The sentences are our own."""

from __future__ import annotations

import pytest

from timex_helpers import timexes

PUB = "2016-03-10"  # a Thursday


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("A new USA TODAY/Marist survey puts the mayor ahead.", {}),
        ("The mayor appeared on Today to defend the levy.", {}),
        ("The mayor appeared on Today on Tuesday to defend the levy.", {"Tuesday": ("DATE", "2016-03-08")}),
        ("The senator said on Fox News Sunday that the levy was too high.", {}),
        ("The columnist wrote in THE WEEKLY STANDARD that the caucus was split.", {}),
        ("The item first ran in the Baltimore Sun. The editor declined to comment.", {}),
    ],
)
def test_papers_and_shows(brief_of, text: str, want: dict) -> None:
    assert timexes(brief_of(text, published=PUB)) == want


def test_times_beside_those_names_stay(brief_of) -> None:
    """A day at the start of a sentence or a quote, and "today" in lower case after "USA", stay times."""
    brief = brief_of('The council met. Today the levy passes, she said: "Today is the day."', published=PUB)
    assert [(t.text, t.value) for t in brief.timexes] == [("Today", PUB), ("Today", PUB)], brief.timexes
    got = timexes(brief_of("Few firms in the USA today make their own steel.", published=PUB))
    assert got == {"today": ("DATE", "PRESENT_REF")} or got == {"today": ("DATE", PUB)}, got
    got = timexes(brief_of("VOTERS HEAD TO THE POLLS TODAY", published=PUB))
    assert got == {"TODAY": ("DATE", PUB)}, got
