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
