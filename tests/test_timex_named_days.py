"""Named days (Election Day, Super Tuesday, the September 11 attacks) and what an anaphoric time is
anchored to (a live blog's clock headings, "that night", "the night of ... on <date>"), with texts
written for these tests."""

from __future__ import annotations

from timex_helpers import timexes


def test_a_clock_heading_of_a_live_blog_takes_the_blogs_day(brief_of) -> None:
    """An entry that opens with its clock time belongs to the blog's day, not to the last date the
    entry before it told; a clock inside an entry still follows its own entry's date."""
    text = (
        "The Latest: the count goes on\n\n"
        "The mayor first won the seat on Feb. 2.\n\n___\n\n"
        "9:18 p.m.\n\nThe mayor spoke at 9 p.m. in the square.\n\n___\n\n"
        "8:10 p.m.:\n\nShe had voted on Feb. 20 and left at 10 p.m."
    )
    got = timexes(brief_of(text, published="2016-03-01"))
    assert got["9:18 p.m."] == ("TIME", "2016-03-01T21:18"), got
    assert got["8:10 p.m."] == ("TIME", "2016-03-01T20:10"), got
    assert got["9 p.m."] == ("TIME", "2016-03-01T21:00"), got
    assert got["10 p.m."] == ("TIME", "2016-02-20T22:00"), got


def test_election_day_and_super_tuesday_are_named_days(brief_of) -> None:
    """ "Election Day" is the Tuesday after the first Monday of November of the cycle the story is in;
    "Super Tuesday" the date the lexicon knows for its year; a British "election day", "another super
    Tuesday" (a figure of speech: no Super Tuesday date) and "Super Tuesday II" (another day) get no value of theirs."""
    text = "As Election Day nears, the governor is touring farms. Her rival's Super Tuesday wins were few."
    got = timexes(brief_of(text, published="2016-02-18"))
    assert got["Election Day"] == ("DATE", "2016-11-08"), got
    assert got["Super Tuesday"] == ("DATE", "2016-03-01"), got
    got = timexes(brief_of("In those years, the 2008 Super Tuesday went her way.", published="2016-02-18"))
    assert got["Super Tuesday"] == ("DATE", "2008-02-05"), got
    got = timexes(brief_of("In 2008, the senator won eleven contests after Super Tuesday.", published="2016-03-10"))
    assert got["Super Tuesday"] == ("DATE", "2008-02-05"), got  # a past clause in a year told before
    got = timexes(brief_of("The rally on Super Tuesday 2008 was loud.", published="2016-02-18"))
    assert got["Super Tuesday 2008"] == ("DATE", "2008-02-05"), got
    got = timexes(brief_of("On Election Day, turnout surged and the count ran into Election Night.", published="2016-11-20"))
    assert got["Election Day"] == ("DATE", "2016-11-08"), got
    assert got["Election Night"] == ("TIME", "2016-11-08TNI"), got
    got = timexes(
        brief_of("Voters in Leeds queued on election day, and the party called it another super Tuesday.", published="2015-05-10")
    )
    assert not any("election" in k.lower() or "super" in k.lower() for k in got), got
    got = timexes(brief_of("The governor lost Super Tuesday II badly.", published="2016-03-20"))
    assert "Super Tuesday" not in got, got


def test_days_of_history_named_by_their_date_keep_their_year(brief_of) -> None:
    """ "9/11" and "the Sept. 11 attacks" are 2001-09-11, not September 11 of the reference's year; a
    plain "on Sept. 11" stays a date of the reference's year, and "Fahrenheit 9/11" is a title."""
    text = (
        "Airport checks have grown since 9/11. The senator spoke of the Sept. 11 attacks and of the "
        "11 September hijackers. The critic praised Fahrenheit 9/11 warmly."
    )
    brief = brief_of(text, published="2016-02-17")
    got = timexes(brief)
    assert got["9/11"] == ("DATE", "2001-09-11"), got
    assert got["Sept. 11"] == ("DATE", "2001-09-11"), got
    assert got["11 September"] == ("DATE", "2001-09-11"), got
    assert [t.text for t in brief.timexes].count("9/11") == 1
    got = timexes(brief_of("The fair opened on Sept. 11 and closed a week later.", published="2016-02-17"))
    assert got["Sept. 11"] == ("DATE", "2015-09-11"), got


def test_a_day_of_history_is_not_the_time_the_story_tells(brief_of) -> None:
    """ "Thirteen years earlier" after "remarks on 9/11" counts from the story's year, not from 2001."""
    text = "In 2014 the mayor gave remarks on 9/11 at the memorial. Thirteen years earlier, she had joined the council."
    got = timexes(brief_of(text, published="2015-11-16"))
    assert got["9/11"] == ("DATE", "2001-09-11"), got
    assert got["Thirteen years earlier"] == ("DATE", "2001"), got


def test_that_night_needs_a_day_told_and_the_night_of_an_event_takes_its_date(brief_of) -> None:
    """ "That night" counts from a day the text told, never from the reference when the text told
    only a place or a year; "the night of <an event> on <a date>" is that date's night, not the one
    told before; a day remembered ("the anniversary of ... on July 14, 1789") is no day told."""
    text = "In 2008, the senator toured the state. In Ohio, he won the vote. That night, he thanked his staff."
    got = timexes(brief_of(text, published="2016-02-01"))
    assert "That night" not in got, got
    text = "On March 1, the senator won Texas. That night, he thanked his staff."
    got = timexes(brief_of(text, published="2016-03-03"))
    assert got["That night"] == ("TIME", "2016-03-01TNI"), got
    text = "A memo dated Feb. 12, 2012 warned of it. The night of the raid on the mission on Sept. 11, 2012, two guards stayed."
    got = timexes(brief_of(text, published="2016-05-02"))
    assert got["The night"] == ("TIME", "2012-09-11TNI"), got
    text = (
        "Crowds filled the promenade on Thursday, the anniversary of the fall of the old fortress on "
        "July 14, 1789. Fireworks lit the sky for most of the night."
    )
    got = timexes(brief_of(text, published="2016-07-15"))
    assert got["the night"] == ("TIME", "2016-07-14TNI"), got


def test_the_end_of_the_month_a_sentence_told(brief_of) -> None:
    """ "by the end of the month", "by month's end" after a month told in the same sentence are that
    month's; alone, the reference's."""
    text = (
        "The agency will add the records in January 2016 and expects to be done by the end of the month. "
        "In March 2014, the board said that by month's end the mill would close. "
        "Officials hope to finish by the end of the month."
    )
    got = brief_of(text, published="2015-12-31").timexes
    values = [(t.text, t.value) for t in got]
    assert ("the end of the month", "2016-01") in values, values
    assert ("month's end", "2014-03") in values, values
    assert values[-1] == ("the end of the month", "2015-12"), values


def test_an_election_day_of_a_past_year_told_and_a_day_named_after_someone(brief_of) -> None:
    """A past clause in a story told in a past election year means that year's Election Day; "Barack
    Obama Election Day" is another day's name; "the Fourth of July" is July 4."""
    text = "Campaigning for the seat in 2012, she spoke of jobs. But soon after Election Day, she changed her tune."
    got = timexes(brief_of(text, published="2016-09-08"))
    assert got["Election Day"] == ("DATE", "2012-11-06"), got
    got = timexes(brief_of('Clubs joined "Carla Ortiz Election Day," a drive held in October.', published="2016-09-08"))
    assert "Election Day" not in got, got
    got = timexes(brief_of("The parade on the Fourth of July drew crowds.", published="2016-09-08"))
    assert got["Fourth of July"] == ("DATE", "2016-07-04"), got


def test_lowercase_election_night_only_just_after_a_us_election(brief_of) -> None:
    """Lowercase "election night" is the US one in the weeks after it; in primary season, or in a
    British May, it is another vote's night and gets no value."""
    text = "On election night, the senator conceded to her rival."
    got = timexes(brief_of(text, published="2016-11-20"))
    assert got["election night"] == ("TIME", "2016-11-08TNI"), got
    assert "election night" not in timexes(brief_of(text, published="2016-03-16"))
    assert "election night" not in timexes(brief_of(text, published="2015-05-10"))


def test_a_day_counted_from_a_month_told_is_a_day_of_that_month(brief_of) -> None:
    """ "They met in July 2008. The day before, ...": some day of July 2008 (TimeBank writes
    1998-10-XX for such a day), not a day counted from the reference nor nothing."""
    text = "The two leaders met again in July 2008, during a tour. The day before, a storm hit the port. That night, it rained."
    got = timexes(brief_of(text, published="2015-11-10"))
    assert got["The day before"] == ("DATE", "2008-07-XX"), got
    assert got["That night"] == ("TIME", "2008-07-XXTNI"), got
