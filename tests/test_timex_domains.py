"""Time expressions in news beyond politics (sport, crime, disasters, business), each case a pattern
found while reading such news: British clock times, cup rounds and club names that hold a time word,
a kick-off clock after a date. Fixture sentences are written for these tests."""

from __future__ import annotations

import pytest

from timex_helpers import timexes

PUB = "2024-06-18"  # a Tuesday


@pytest.mark.parametrize(
    ("text", "expression", "type_", "value"),
    [
        # British style writes the minutes after a dot: "8.49pm", "10.15am"
        ("Firefighters were called to the warehouse at 8.49pm on Monday.", "8.49pm on Monday", "TIME", "2024-06-17T20:49"),
        ("The ferry left the harbour at 10.15am.", "10.15am", "TIME", "2024-06-18T10:15"),
        # a space after the colon, as some feeds print it
        ("The suspect was arrested at 4: 20 p.m. on Sunday.", "4: 20 p.m. on Sunday", "TIME", "2024-06-16T16:20"),
    ],
)
def test_clock_times(brief_of, text: str, expression: str, type_: str, value: str) -> None:
    got = timexes(brief_of(text, published=PUB))
    assert got.get(expression) == (type_, value), got


def test_an_hour_past_twelve_with_a_meridiem_is_no_clock(brief_of) -> None:
    """ "20 p.m." cannot be read; it is not made 20:00 (nor "8 p.m." taken from "28 p.m.")."""
    got = timexes(brief_of("The readings showed 28 p.m. units in the sample.", published=PUB))
    assert not any("p.m." in k for k in got), got


def test_cup_rounds_are_no_quarter(brief_of) -> None:
    """ "the quarter-finals" of a cup is a round, no quarter of the year; nor is it a word of
    business that would make a match's "first half" a half of the year."""
    text = (
        "The visitors defended deep in the first half, but the hosts won 2-0. "
        "They now face the champions in the quarter-finals next month."
    )
    got = timexes(brief_of(text, published=PUB))
    assert not any("quarter" in k for k in got), got
    assert "the first half" not in got, got
    got = timexes(brief_of("The club has not reached that quarter-final stage since 2011.", published=PUB))
    assert not any("quarter" in k for k in got), got
    # a quarter of the year stays one
    got = timexes(brief_of("Profits fell in the quarter, the retailer said.", published=PUB))
    assert "the quarter" in got, got


def test_club_named_after_a_weekday(brief_of) -> None:
    """ "Sheffield Wednesday" is a football club, not a day."""
    got = timexes(brief_of("The striker joined Sheffield Wednesday on a free transfer on Friday.", published=PUB))
    assert "Wednesday" not in got, got
    assert got.get("Friday") == ("DATE", "2024-06-14"), got


def test_a_kick_off_clock_is_no_year(brief_of) -> None:
    """A listing's "Friday, 1 March\\n\\n2000 GMT": 2000 GMT is the kick-off, no year of the date."""
    text = "Rovers v United\n\nFriday, 1 March\n\n2000 GMT\n\nThe hosts are unbeaten at home this year."
    got = timexes(brief_of(text, published=PUB))
    assert got.get("Friday, 1 March") == ("DATE", "2024-03-01"), got
    assert not any("2000" in k and "March" in k for k in got), got


@pytest.mark.parametrize(
    ("text", "expression", "type_", "value"),
    [
        # a web page's stamp: a weekday written short, without its dot, before a month and a day
        ("Updated 9:05 p.m. GMT, Wed May 8, 2019. It reopened.", "9:05 p.m. GMT, Wed May 8, 2019", "TIME", "2019-05-08T21:05"),
        ("Posted Thu 12 Sep 2019. Rescuers reached the village.", "Thu 12 Sep 2019", "DATE", "2019-09-12"),
    ],
)
def test_stamps_with_short_weekdays(brief_of, text: str, expression: str, type_: str, value: str) -> None:
    got = timexes(brief_of(text, published=PUB))
    assert got.get(expression) == (type_, value), got


def test_a_short_weekday_alone_stays_a_word(brief_of) -> None:
    """ "Sun" of a paper's name, "wed" the verb: no weekday without a month and its day after them."""
    got = timexes(brief_of("The couple will wed May 8 in Leeds, the Sun reported.", published=PUB))
    assert not any(k.lower().startswith(("wed", "sun")) for k in got), got


def test_a_quarter_of_the_people_asked_is_no_time(brief_of) -> None:
    """A survey's share ("More than a quarter have ...") is the subject of its verb, no length of time."""
    got = timexes(brief_of("More than a quarter have bought goods after a junk e-mail, the survey found.", published=PUB))
    assert not any("quarter" in k for k in got), got
    got = timexes(brief_of("Nearly a quarter said they would switch banks.", published=PUB))
    assert not any("quarter" in k for k in got), got


@pytest.mark.parametrize(
    ("text", "published", "expression", "value"),
    [
        # Easter moves: its Sunday by the computus, Good Friday two days before, Easter Monday one after
        ("Shoppers crowded the high street over Easter, the retailer said.", "2019-05-02", "Easter", "2019-04-21"),
        ("The museum will reopen on Easter Monday.", "2025-03-02", "Easter Monday", "2025-04-21"),
        ("The march was held on Good Friday 2016 in the city centre.", PUB, "Good Friday 2016", "2016-03-25"),
    ],
)
def test_easter(brief_of, text: str, published: str, expression: str, value: str) -> None:
    got = timexes(brief_of(text, published=published))
    assert got.get(expression) == ("DATE", value), got


def test_names_holding_easter_are_no_day(brief_of) -> None:
    """The Good Friday Agreement (a peace deal), Easter eggs, Easter Island and the Easter Seals charity
    hold no day."""
    text = (
        "The Good Friday Agreement was discussed. Children hunted Easter eggs on Easter Island. "
        "A letter came from Easter Seals."
    )
    got = timexes(brief_of(text, published=PUB))
    assert not got, got


def test_a_holidays_week(brief_of) -> None:
    """ "Easter week" is the ISO week of Easter Sunday; "the Christmas weekend" that week's weekend."""
    got = timexes(brief_of("Pilgrims filled the old town as Easter week began.", published="2023-04-03"))
    assert got.get("Easter week") == ("DATE", "2023-W14"), got
    got = timexes(brief_of("Roads were quiet over the Christmas weekend.", published="2022-12-28"))
    assert got.get("the Christmas weekend") == ("DATE", "2022-W51-WE"), got


def test_another_year_is_one_more(brief_of) -> None:
    """ "out for another year": one more year, a length (P1Y); "It was another day" is none."""
    got = timexes(brief_of("The new console will not be out for another year, the firm said.", published=PUB))
    assert got.get("another year") == ("DURATION", "P1Y"), got
    got = timexes(brief_of("It was another day of delays at the port.", published=PUB))
    assert "another day" not in got, got


def test_lunchtime_is_midday(brief_of) -> None:
    """ "Saturday lunchtime" (British news): that day's midday, TIMEX3 part MI."""
    got = timexes(brief_of("Police sealed off the street on Saturday lunchtime.", published=PUB))
    assert got.get("Saturday lunchtime") == ("TIME", "2024-06-15TMI"), got


def test_a_part_of_a_weekday_follows_the_tense(brief_of) -> None:
    """ "in the afternoon on Friday" looks ahead in a future clause, back in a past one, as "Friday" does."""
    got = timexes(brief_of("The council will meet in the evening on Friday.", published=PUB))
    assert got.get("evening on Friday") == ("TIME", "2024-06-21TEV"), got
    got = timexes(brief_of("The council met in the evening on Friday.", published=PUB))
    assert got.get("evening on Friday") == ("TIME", "2024-06-14TEV"), got


def test_a_christmas_party_is_no_christmas_day(brief_of) -> None:
    """ "an office Christmas party on Friday", "Christmas shoppers": a kind of party, of shopper; the day
    is the Friday, not December 25."""
    text = "A gunman opened fire at an office Christmas party on Friday. Christmas shoppers fled the mall."
    got = timexes(brief_of(text, published="2024-12-17"))
    assert "Christmas" not in got, got
    assert got.get("Friday") == ("DATE", "2024-12-13"), got


def test_that_the_fall_is_a_decline(brief_of) -> None:
    """ "warned that the fall could be short-lived" (of prices): "that" opens the clause, no autumn."""
    got = timexes(brief_of("Oil dropped 5%, but traders warned that the fall could be short-lived.", published=PUB))
    assert "the fall" not in got, got
    got = timexes(brief_of("Prices rose in the fall.", published=PUB))
    assert got.get("the fall") == ("DATE", "2023-FA"), got


def test_a_capitalized_season_in_running_text(brief_of) -> None:
    """British style writes "in the Autumn": still the season; "the Summer Palace" stays a name."""
    got = timexes(brief_of("The country faces a general election in the Autumn, officials say.", published=PUB))
    assert got.get("the Autumn") == ("DATE", "2024-FA"), got
    got = timexes(brief_of("The envoys met in the Summer Palace.", published=PUB))
    assert not got, got
