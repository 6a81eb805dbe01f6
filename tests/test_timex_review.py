"""Time values the reviews of unlabeled news found wrong, each with sentences written for the test:
"today" in a quotation of an earlier day, a weekday's event under "in", "released Sunday shows",
"a day when", and a date in a relative clause of the current fiscal year."""

from __future__ import annotations

from timex_helpers import timexes

WED = "2024-06-19"  # a Wednesday


def test_today_in_a_quotation_spoken_on_an_earlier_day(brief_of) -> None:
    before = timexes(
        brief_of('Speaking to supporters on Tuesday night, the mayor said: "Tonight the city chose hope."', published=WED)
    )
    after = timexes(
        brief_of('"The river rose faster than anyone feared today," the engineer told reporters on Monday.', published=WED)
    )
    assert before["Tonight"] == ("TIME", "2024-06-18TNI")
    assert after["today"] == ("DATE", "2024-06-17")


def test_today_in_a_quotation_without_an_earlier_day_is_the_publication_day(brief_of) -> None:
    plain = timexes(brief_of('"Today we start again," the coach said.', published=WED))
    same_day = timexes(brief_of('The coach said on Wednesday: "Today we start again."', published=WED))
    ahead = timexes(brief_of('She will speak on Friday: "Today is a new day," aides said.', published=WED))
    assert plain["Today"] == ("DATE", WED)
    assert same_day["Today"] == ("DATE", WED)
    assert ahead["Today"] == ("DATE", WED)


def test_a_weekday_before_shows_the_verb_is_a_day(brief_of) -> None:
    verb = timexes(brief_of("A new survey released Sunday shows the senator ahead by four points.", published=WED))
    that = timexes(brief_of("A count published on Monday shows that turnout fell.", published=WED))
    assert verb["Sunday"] == ("DATE", "2024-06-16")
    assert that["Monday"] == ("DATE", "2024-06-17")
    assert not timexes(brief_of("She appeared on the Sunday shows to defend the plan.", published=WED))
    assert not timexes(brief_of("He has appeared on Sunday shows many times.", published=WED))


def test_a_day_described_by_its_clause_is_no_length(brief_of) -> None:
    assert not timexes(brief_of("Turnout surged in a year when voters cried out for change.", published=WED))
    assert not timexes(brief_of("On a day when most candidates rested, she held four rallies.", published=WED))
    assert not timexes(brief_of("For the villagers it was a day of celebration.", published=WED))
    assert timexes(brief_of("After a day of talks, the envoys left.", published=WED))["a day"] == ("DURATION", "P1D")
    assert timexes(brief_of("He resurfaced after a week in which rumours spread.", published=WED))["a week"] == (
        "DURATION",
        "P1W",
    )
    assert timexes(brief_of("He resurfaced after a week when rumours spread.", published=WED))["a week"] == ("DURATION", "P1W")


def test_a_date_ending_the_current_fiscal_year_lies_ahead(brief_of) -> None:
    january = "2016-01-20"
    ends = timexes(brief_of("The shortfall for this fiscal year, which ends Sept. 30, is put at $4 billion.", published=january))
    ended = timexes(brief_of("Spending rose in the fiscal year that ended Sept. 30.", published=january))
    assert ends["Sept. 30"] == ("DATE", "2016-09-30")
    assert ended["Sept. 30"] == ("DATE", "2015-09-30")


def test_one_evening_of_long_ago_is_no_evening_of_the_reference(brief_of) -> None:
    decade = timexes(brief_of("One evening in the late 1970s, the drummer walked into the studio.", published=WED))
    year = timexes(brief_of("One morning in 1987, the ferry left without her.", published=WED))
    untold = timexes(brief_of("One night, the river rose over the old bridge.", published=WED))
    assert decade["One evening"] == ("TIME", "197X-XX-XXTEV")
    assert year["One morning"] == ("TIME", "1987-XX-XXTMO")
    assert untold["One night"] == ("TIME", "XXXX-XX-XXTNI")
    month = timexes(brief_of("Late one night in March 2009, the dam gave way.", published=WED))
    assert month["Late one night"] == ("TIME", "2009-03-XXTNI")


def test_an_event_read_by_a_present_verb_of_evidence_was_held(brief_of) -> None:
    read = timexes(brief_of("The figures for the greens in Tuesday's ballot suggest a hard year ahead.", published=WED))
    shown = timexes(brief_of("The gains for the party in Tuesday's ballot show a shift.", published=WED))
    hoped = timexes(brief_of("She hopes to win a seat in Tuesday's ballot.", published=WED))
    assert read["Tuesday"] == ("DATE", "2024-06-18")
    assert shown["Tuesday"] == ("DATE", "2024-06-18")
    assert hoped["Tuesday"] == ("DATE", "2024-06-25")
