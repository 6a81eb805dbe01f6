"""The direction (the last one or the coming one) of a bare month, season or weekday, from the
clause it sits in: "this" + a season, modals and intentions, scheduled events such as elections,
and the past that a present perfect or a verb of praising reaches back to. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from timex_helpers import value_of


@pytest.mark.parametrize(
    ("text", "published", "expression", "value"),
    [
        # "this" + a season stays in the year told, even in a past-tense clause
        ("Fans will not know the lineup until the band plays this summer.", "2021-04-12", "this summer", "2021-SU"),
        ("The league said the players signed their contracts this summer.", "2021-04-12", "this summer", "2021-SU"),
        ("The council voted to repave the square this fall.", "2021-02-20", "this fall", "2021-FA"),
        ("The ferry ran on time this winter.", "2021-02-20", "this winter", "2020-WI"),
        ("Heavy snow closed the pass twice this winter.", "2021-03-20", "this winter", "2020-WI"),
        ("The pass may close again this winter.", "2021-09-20", "this winter", "2021-WI"),
        # a season already over this year lies ahead only in a future clause
        ("The new terminal will open this spring.", "2021-10-05", "this spring", "2022-SP"),
        ("The new terminal opened this spring.", "2021-10-05", "this spring", "2021-SP"),
    ],
)
def test_this_season_stays_in_its_year(brief_of, text: str, published: str, expression: str, value: str) -> None:
    assert value_of(brief_of(text, published=published), expression) == value


# 2021-03-10 is a Wednesday; October lies seven months ahead and five behind, so the nearest October
# (the value with no tense) is the last one
PUB = "2021-03-10"


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # what a present verb reaches for, an imperative, "could" and "come" look ahead
        ("The mayor needs to win in October to keep the office.", "October", "2021-10"),
        ("Let's beat them in October.", "October", "2021-10"),
        ("The coach shouted: “Let’s win it in October.”", "October", "2021-10"),
        ("The new toll could take effect in October.", "October", "2021-10"),
        ("The club will need its captain come October.", "October", "2021-10"),
        # a prospect lies ahead, unless it is one of the past
        ("Pundits are upbeat about the mayor's chances of winning in October.", "October", "2021-10"),
        ("The mayor saw her chances in October fade.", "October", "2020-10"),
        # a month told in the present is the coming one, unless it is one of the last two
        ("The festival returns to the harbour in October.", "October", "2021-10"),
        ("Exports are up 4% from January.", "January", "2021-01"),
        # "since" points back, whatever the tense
        ("The county has 79 confirmed cases since mid-December.", "mid-December", "2020-12"),
        ("The county has had no new cases since October.", "October", "2020-10"),
        # ... but a month naming a thing of its own ("the October defeat") is no schedule: the nearest
        ("The club is winless while the 3-0 October thrashing by its rivals is still fresh in the memory.", "October", "2020-10"),
        # a scheduled event in a present clause, or with no verb, is a schedule, not a report
        ("Pollsters are watching October's runoff closely.", "October", "2021-10"),
        ("The October referendum: what is at stake", "October", "2021-10"),
        # ... but a past verb's own event is behind, and a past that only tells of it gives the nearest
        ("The governor stumbled at the debate in October.", "October", "2020-10"),
        ("Aides pressed for a say in the agenda for the summit convention in July.", "July", "2021-07"),
    ],
)
def test_months_look_ahead_when_their_clause_does(brief_of, text: str, expression: str, value: str) -> None:
    assert value_of(brief_of(text, published=PUB), expression) == value


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # a planned event and a lead-up look ahead, unless the lead-up is told in a simple past
        ("The group announced a planned march on Saturday.", "Saturday", "2021-03-13"),
        ("Turnout has been heavy ahead of the runoff on Sunday.", "Sunday", "2021-03-14"),
        ("The mayor had a big lead heading into Sunday's runoff.", "Sunday", "2021-03-07"),
        # "ahead of", "in the run-up to" look ahead even from a simple past, and make any noun awaited
        ("Shares slipped ahead of the vote on Sunday.", "Sunday", "2021-03-14"),
        ("Traders were cautious in the run-up to the launch on Sunday.", "Sunday", "2021-03-14"),
        ("After losing Sunday's runoff, the mayor conceded.", "Sunday", "2021-03-07"),
        ("After winning Sunday's runoff, the mayor must now unite the city.", "Sunday", "2021-03-07"),
        ("The mayor will rest after winning Sunday's runoff.", "Sunday", "2021-03-14"),
        # what someone hopes to do lies ahead ("hoping" is lemmatized "hop": mended)
        ("Supporters were hoping to meet the candidate before Sunday's runoff.", "Sunday", "2021-03-14"),
        ("His victory in Sunday's runoff gives him a mandate.", "Sunday", "2021-03-07"),
        # an event that is the subject of a modal: the modal is of its effects, not of its date
        ("Sunday's runoff might not change much in the council.", "Sunday", "2021-03-07"),
        ("Sunday's runoff will change the council.", "Sunday", "2021-03-14"),
        # a present perfect and a present verb of judging reach back to a past day
        ("The senator has been raising money all week, including on Tuesday night.", "Tuesday night", "2021-03-09TNI"),
        ("Critics are slamming the mayor's speech on Tuesday night.", "Tuesday night", "2021-03-09TNI"),
        ("The town celebrates its founding on Saturday.", "Saturday", "2021-03-13"),  # a feast is a schedule
        ("Republicans are hailing Sunday's vote as a turning point.", "Sunday", "2021-03-07"),
        # a passive infinitive looks ahead as an active one does
        ("The council approved a budget to be voted on Friday.", "Friday", "2021-03-12"),
        # a when-clause under a future takes its future; a plan dated by a day that opens the sentence is past
        ("The board was expected to vote once the audit ended Friday.", "Friday", "2021-03-12"),
        ("On Monday, the agency planned to reopen the office.", "Monday", "2021-03-08"),
    ],
)
def test_weekdays_of_events_plans_and_perfects(brief_of, text: str, expression: str, value: str) -> None:
    assert value_of(brief_of(text, published=PUB), expression) == value


@pytest.mark.parametrize(
    ("text", "published", "expression", "value"),
    [
        # a season inside a hope or after "looking ahead to" is not last year's, whatever the tense
        ("Fans spoke of their hopes of a title in the fall.", "2021-06-20", "the fall", "2021-FA"),
        ("Looking ahead to the fall, the coach was upbeat.", "2021-04-10", "the fall", "2021-FA"),
        ("A film set to be released in the summer tells her story.", "2020-12-19", "the summer", "2021-SU"),
    ],
)
def test_seasons_look_ahead_from_hopes_and_lead_ups(brief_of, text: str, published: str, expression: str, value: str) -> None:
    assert value_of(brief_of(text, published=published), expression) == value
