"""Months, seasons and weekdays anchored to the past time a text is telling ("the following July"
after "in May 2012", "that November" after a 1972 story), not to the publication date, as TIMEX3
anchors them. Texts written for these tests."""

from __future__ import annotations

from timex_helpers import timexes


def test_the_following_or_previous_month_counts_from_the_time_told(brief_of) -> None:
    got = timexes(brief_of("The mill shut in May 2012, and the owners sold it the following July.", published="2015-09-01"))
    assert got["the following July"] == ("DATE", "2012-07"), got
    got = timexes(brief_of("The mill shut in May 2012. Its owners had bought it the previous March.", published="2015-09-01"))
    assert got["the previous March"] == ("DATE", "2012-03"), got
    got = timexes(brief_of("The mill shut in October 2012. The owners sold it the following March.", published="2015-09-01"))
    assert got["the following March"] == ("DATE", "2013-03"), got  # the first March after October 2012
    got = timexes(brief_of("The mill shut in 2012. The owners sold it the following July.", published="2015-09-01"))
    assert got["the following July"] == ("DATE", "2013-07"), got  # after the whole year told


def test_the_next_season_of_a_past_story_follows_the_time_told(brief_of) -> None:
    got = timexes(brief_of("The mill shut in May 2012. Its owners reopened it the next spring.", published="2015-09-01"))
    assert got["the next spring"] == ("DATE", "2013-SP"), got
    got = timexes(brief_of("The mill shut in May 2012. Its owners reopened it the following fall.", published="2015-09-01"))
    assert got["the following fall"] == ("DATE", "2012-FA"), got
    got = timexes(
        brief_of("The mill shut in May 2012. Its owners had tried to sell it the previous winter.", published="2015-09-01")
    )
    assert got["the previous winter"] == ("DATE", "2011-WI"), got
    # a future clause with nothing told: the next one from the reference
    got = timexes(brief_of("The new mill will open the next spring, its owners say.", published="2015-09-01"))
    assert got["the next spring"] == ("DATE", "2016-SP"), got


def test_that_month_or_season_is_the_one_of_the_year_told(brief_of) -> None:
    got = timexes(brief_of("The mayor first ran in 1972, and she lost the city that November.", published="2015-09-01"))
    assert got["November"] == ("DATE", "1972-11"), got
    got = timexes(brief_of("The mayor first ran in 1972. That summer she toured every ward.", published="2015-09-01"))
    assert got["summer"] == ("DATE", "1972-SU"), got
    # "that" opening a clause is no determiner: the month follows the tense, not the year told
    got = timexes(brief_of("The mayor first ran in 1972. She said that November was the hardest month.", published="2015-09-01"))
    assert got["November"] == ("DATE", "2014-11"), got


def test_a_bare_month_or_season_in_a_past_sentence_framed_by_a_past_year(brief_of) -> None:
    got = timexes(brief_of("Eight years ago, the governor carried nine counties in February.", published="2016-03-10"))
    assert got["February"] == ("DATE", "2008-02"), got
    got = timexes(brief_of("The governor, in 1994, trailed badly; later in the summer she pulled ahead.", published="2015-09-01"))
    assert got["the summer"] == ("DATE", "1994-SU"), got
    got = timexes(brief_of("In 1994, the governor trailed badly; in late summer she pulled ahead.", published="2015-09-01"))
    assert got["late summer"] == ("DATE", "1994-SU"), got
    # a year inside a clause of its own does not frame the sentence
    got = timexes(brief_of("The bakery, founded in 1998, lost money in March.", published="2015-09-01"))
    assert got["March"] == ("DATE", "2015-03"), got
    # nor does a year told in the sentence before
    got = timexes(brief_of("In 2009, the bakery lost money. In March it hired a new chief.", published="2015-09-01"))
    assert got["March"] == ("DATE", "2015-03"), got


def test_a_weekday_inside_a_told_week_is_that_weeks_day(brief_of) -> None:
    # 2015-09-01 is a Tuesday of ISO week 36
    got = timexes(brief_of("Last week, as it happens, on Monday, the board voted.", published="2015-09-01"))
    assert got["Monday"] == ("DATE", "2015-08-24"), got  # not this week's Monday, Aug. 31
    got = timexes(brief_of("During the week of March 7, the board met on Thursday.", published="2016-03-20"))
    assert got["Thursday"] == ("DATE", "2016-03-10"), got
    got = timexes(brief_of("Next week the board meets on Thursday.", published="2015-09-01"))
    assert got["Thursday"] == ("DATE", "2015-09-10"), got
    # a week told in a clause of its own does not hold the sentence's weekday
    text = "The ferry that ran aground last week had engine trouble, according to a report on Monday."
    got = timexes(brief_of(text, published="2015-09-02"))
    assert got["Monday"] == ("DATE", "2015-08-31"), got
    # a weekend told is no week: the Monday said is the reference's
    got = timexes(brief_of("The files reached the lab over the weekend, officials said Monday.", published="2015-08-31"))
    assert got["Monday"] == ("DATE", "2015-08-31"), got
