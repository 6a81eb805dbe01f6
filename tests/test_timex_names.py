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
        ('The mayor said on the network\'s "Today" show that the levy was fair.', {}),
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


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The panel heard Ron Pike, Dee Alder, Jill June, and Omar Best.", {}),
        ("Jill June said the levy was fair.", {}),
        ("April Mellody said the levy was fair.", {}),
        ("In June Mellody said the levy was fair.", {"June": ("DATE", "2015-06")}),
        ("Since June the board has met twice.", {"June": ("DATE", "2015-06")}),
        ("Both January and February were dry.", {"January": ("DATE", "2016-01"), "February": ("DATE", "2016-02")}),
        ("The Women's March filled the avenue.", {}),
        ("Speakers recalled the March on Albany in 1963.", {"1963": ("DATE", "1963")}),
        (
            "The campaign spent more, compared with March, when it had less.",
            {"March": ("DATE", "2016-03")},
        ),
        ("The governor signed HB 1523 into law.", {}),
        ("Of the 2500 ballots cast, 1128 were for the mayor.", {}),
    ],
)
def test_people_events_and_numbers(brief_of, text: str, want: dict) -> None:
    """A month as a person's name, an event named after a month, a bill number and a count are no
    dates; a month after a preposition still is."""
    assert timexes(brief_of(text, published=PUB)) == want


@pytest.mark.parametrize(
    "text",
    [
        "About three-quarters support the levy.",
        "Just over a quarter, 31 percent, said they were unsure.",
        "The quarter of caucus voters who backed him were young.",
        "The home side scored twice well into the fourth quarter.",
        "She signed SB 2012 into law.",
        "He won the 2010+ delegates he needed.",
    ],
)
def test_fractions_games_and_labels(brief_of, text: str) -> None:
    """A fraction, a game's quarter, a bill number and a count with '+' are no times."""
    assert timexes(brief_of(text, published=PUB)) == {}


def test_quarters_of_a_year_stay(brief_of) -> None:
    got = timexes(brief_of("The firm lost 5 points of market share in the fourth quarter.", published=PUB))
    assert got == {"the fourth quarter": ("DATE", "2015-Q4")}, got
    got = timexes(brief_of("Sales fell in the first quarter of 2015.", published=PUB))
    assert got == {"the first quarter of 2015": ("DATE", "2015-Q1")}, got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("She is a late night talk show host.", {}),
        ("This fall in prices hurt the growers.", {}),
        ("Levy cuts are the flavor of the week.", {}),
        ("He toured the farms last fall in Iowa.", {"last fall": ("DATE", "2015-FA")}),
        ("The vote is due by the end of the week.", {"the end of the week": ("DATE", "2016-W10")}),
    ],
)
def test_genres_declines_and_idioms(brief_of, text: str, want: dict) -> None:
    """A TV genre, a fall in prices and "the flavor of the week" are no times; autumn and a week's end are."""
    assert timexes(brief_of(text, published=PUB)) == want


def test_markup_attributes_are_no_text(brief_of) -> None:
    """Dates inside a tag's attribute values (an embedded post's residue) are not the story's; the
    visible text around them keeps its times."""
    text = (
        '<blockquote class="post" data-lang="en"><p>We will carry the county on Monday.</p>'
        '<a href="https://example.org/p/1" datetime="2015-12-02" post-date="March 4, 2016">link</a>'
        "</blockquote> The rally was held on Friday."
    )
    got = timexes(brief_of(text, published=PUB))
    assert got == {"Monday": ("DATE", "2016-03-14"), "Friday": ("DATE", "2016-03-04")}, got
    got = timexes(brief_of('The mayor posted the clip (datetime="2015-12-02") on Friday.', published=PUB))
    assert got == {"Friday": ("DATE", "2016-03-04")}, got


def test_month_inside_a_person_entity(brief_of) -> None:
    """ "asked by April Ryan": spaCy's PERSON entity spans the month, which is then a first name; a
    month beside a name ("in June, Smith said") stays a month."""
    got = timexes(brief_of("The question was asked by April Ryan of the radio network.", published=PUB))
    assert got == {}, got
    got = timexes(brief_of("The deal closed in June, Smith said.", published=PUB))
    assert got == {"June": ("DATE", "2015-06")}, got


@pytest.mark.parametrize(
    "text",
    [
        "He said that one-quarter to one-third of the staff were idle.",
        "Turnout fell by between a quarter and a third.",
        "The pact is a quarter-century-old one; the quarter-century-old brigade held.",
        "He will be welcomed in every quarter of the city.",
        "He will be welcomed in every quarter, she said.",
        "They toured the old Armenian quarter and its church.",
        "She leads the Coalition for Peace and March on the Capitol.",
    ],
)
def test_more_fractions_places_and_events(brief_of, text: str) -> None:
    """Ranges of fractions, 'the quarter-century-old', 'in every quarter' (everywhere), a city's
    quarter and an event named 'March on ...' are no times."""
    assert timexes(brief_of(text, published=PUB)) == {}


def test_quarters_and_march_that_stay(brief_of) -> None:
    assert timexes(brief_of("The firm pays a dividend every quarter.", published=PUB)) == {"every quarter": ("SET", "P1Q")}
    assert timexes(brief_of("He voted in March for Sanders.", published=PUB)) == {"March": ("DATE", "2016-03")}


def test_a_quarter_named_by_its_month_stays(brief_of) -> None:
    """ "the December quarter" is a quarter of the year (a month names it, no district)."""
    got = timexes(brief_of("Sales rose in the December quarter.", published=PUB))
    assert got.get("quarter") == ("DATE", "2015-Q4"), got
