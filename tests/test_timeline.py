"""The timeline: a pure function of a Brief (built here from model objects), and on briefs of our texts."""

from __future__ import annotations

from datetime import date

from newsbrief.model import Brief, Event, Span, Statement, Timex
from newsbrief.timeline import build_timeline, timeline_markdown

TEXT = (
    "Late on June 18 the envoy arrived. It is the first such visit in the last 24 years. "
    "A two-day summit follows. The envoy came last September too. Relations were better in the past."
)


def _span(cls, text: str, **kw):
    start = TEXT.index(text)
    return cls(start=start, end=start + len(text), text=text, **kw)


def _brief(**fields) -> Brief:
    return Brief(id="t", text=TEXT, language="en", published="2024-06-18", published_source="argument", **fields)


def _timexes() -> list[Timex]:
    return [
        _span(Timex, "June 18", type="DATE", value="2024-06-18"),
        _span(Timex, "the last 24 years", type="DURATION", value="P24Y"),
        _span(Timex, "two-day", type="DURATION", value="P2D"),
        _span(Timex, "last September", type="DATE", value="2023-09"),
        _span(Timex, "the past", type="DATE", value="PAST_REF"),
    ]


def test_dated_items_in_time_order_with_anchored_durations() -> None:
    items = build_timeline(_brief(timexes=_timexes()))
    assert [i.when for i in items] == ["2000–2024", "2023-09", "2024-06-18"]
    first = items[0]
    assert (first.start, first.end) == (date(2000, 6, 18), date(2024, 6, 18))
    assert first.is_interval and first.kind == "sentence"
    assert TEXT[first.span.start : first.span.end] == first.span.text


def test_floating_durations_and_vague_references_stay_off() -> None:
    items = build_timeline(_brief(timexes=_timexes()))
    values = {i.value for i in items}
    assert "P2D" not in values and "PAST_REF" not in values


def test_statements_and_events_carry_the_items() -> None:
    stmt = _span(Statement, "It is the first such visit in the last 24 years.", modality="asserted")
    trigger = _span(Span, "arrived")
    event = _span(Event, "the envoy arrived", trigger=trigger, type="travel", when="2024-06-18")
    items = build_timeline(_brief(timexes=_timexes(), statements=[stmt], events=[event]))
    kinds = {i.when: i.kind for i in items}
    assert kinds == {"2000–2024": "statement", "2023-09": "sentence", "2024-06-18": "event"}
    # the event's date is not listed a second time from its sentence
    assert sum(1 for i in items if i.value == "2024-06-18") == 1


def test_without_a_publication_date_nothing_relative_is_placed() -> None:
    brief = Brief(id="t", text=TEXT, language="en", timexes=_timexes())
    assert [i.value for i in build_timeline(brief)] == ["2023-09", "2024-06-18"]


def test_markdown_section() -> None:
    md = timeline_markdown(_brief(timexes=_timexes()))
    assert md.startswith("## Timeline")
    assert "**2000–2024**" in md and "[" in md
    assert timeline_markdown(_brief()) == ""


def test_timeline_of_an_analysed_text(brief_of) -> None:
    brief = brief_of(
        "The delegation arrived on Tuesday. It was the first visit in the past 10 years. "
        "The two sides last met in March 2020, officials said.",
        published="2024-06-19",
    )
    items = build_timeline(brief)
    whens = [i.when for i in items]
    assert whens[0] == "2014–2024"
    assert "2020-03" in whens and "2024-06-18" in whens
    assert whens.index("2020-03") < whens.index("2024-06-18")
    for i in items:
        assert brief.text[i.span.start : i.span.end] == i.span.text


def test_present_reference_is_not_placed() -> None:
    text = "Relations are now warm. Talks resumed on June 3."
    brief = Brief(
        id="t",
        text=text,
        language="en",
        published="2024-06-18",
        timexes=[
            Timex(start=text.index("now"), end=text.index("now") + 3, text="now", type="DATE", value="PRESENT_REF"),
            Timex(start=text.index("June 3"), end=text.index("June 3") + 6, text="June 3", type="DATE", value="2024-06-03"),
        ],
    )
    assert [i.value for i in build_timeline(brief)] == ["2024-06-03"]
