"""The brief's timeline: its dated events and statements in time order, a pure function of a Brief.

An item is dated by the event's `when`, or by a time expression inside the statement (or, for a
time expression no statement covers, inside its sentence). A DATE/TIME value becomes the days it
covers ("2023-09" is September 2023); a duration that reaches back or forward from the publication
date becomes an interval ("the first visit in the last 24 years", published 2024-06-18: 2000 to
2024). Vague references (PAST_REF), floating durations ("a two-day visit") and sets stay off it.

Renderers call `build_timeline(brief)` (items) or `timeline_markdown(brief)` (a Markdown section).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from newsbrief.analyzers.timex_normalize import anchored_interval, interval
from newsbrief.model import Brief, Span, Timex

ItemKind = Literal["event", "statement", "sentence"]
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)", re.MULTILINE)
_UNIT_OF = re.compile(r"P\d+(?:\.\d+)?([YMWD])")


@dataclass(frozen=True)
class TimelineItem:
    """One dated item: the days it covers, how to show them, what happened and where it is said."""

    start: date
    end: date
    when: str  # "2024-06-18", "2024-06-18 evening", "2000–2024", "2023-09"
    value: str  # the TIMEX3 value it was dated by (a duration's value for an anchored interval)
    kind: ItemKind
    span: Span  # the event, statement or sentence, grounded in the brief's text
    timex: Timex | None  # the time expression that dated it, when there is one
    modality: str | None = None

    @property
    def is_interval(self) -> bool:
        return self.end != self.start


_PARTS = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night"}


def _show(value: str, start: date, end: date, anchored: bool) -> str:
    """How a reader sees the date: the value itself, or the interval at the unit's granularity."""
    if anchored:
        unit = (_UNIT_OF.match(value) or re.match("(D)", "D")).group(1)  # type: ignore[union-attr]
        if unit == "Y":
            return f"{start.year}–{end.year}"
        if unit == "M":
            return f"{start:%Y-%m}–{end:%Y-%m}"
        return f"{start.isoformat()}–{end.isoformat()}"
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})T(MO|AF|EV|NI)", value)
    if m:
        return f"{m.group(1)} {_PARTS[m.group(2)]}"
    if value == "PRESENT_REF":
        return start.isoformat()
    return value.replace("T", " ") if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", value) else value


def _dates_of(brief: Brief, t: Timex) -> tuple[date, date, bool] | None:
    if t.type in ("DATE", "TIME"):
        got = interval(t.value, brief.published)
        return (got[0], got[1], False) if got else None
    if t.type == "DURATION":
        got = anchored_interval(brief.text, t.start, t.end, t.value, brief.published)
        return (got[0], got[1], True) if got else None
    return None


def _within(t: Span, s: Span) -> bool:
    return s.start <= t.start and t.end <= s.end


def _sentence_of(text: str, t: Timex) -> Span:
    for m in _SENTENCE.finditer(text):
        if m.start() <= t.start and t.end <= m.end():
            s, e = m.start(), m.end()
            while s < e and text[s].isspace():
                s += 1
            return Span.of(text, s, e)
    return Span.of(text, t.start, t.end)


def build_timeline(brief: Brief) -> list[TimelineItem]:
    """The dated events and statements of a brief, earliest first (then the shorter, then by position)."""
    items: list[TimelineItem] = []
    used: set[tuple[int, int]] = set()
    for ev in brief.events:
        if not ev.when:
            continue
        got = interval(ev.when, brief.published)
        if got is None:
            continue
        tx = next((t for t in brief.timexes if _within(t, ev) and t.value == ev.when), None)
        if tx is not None:
            used.add((tx.start, tx.end))
        span = Span(start=ev.start, end=ev.end, text=ev.text)
        items.append(TimelineItem(got[0], got[1], _show(ev.when, *got, False), ev.when, "event", span, tx, ev.modality))
    for t in brief.timexes:
        if (t.start, t.end) in used or not t.value:
            continue
        dated = _dates_of(brief, t)
        if dated is None:
            continue
        start, end, anchored = dated
        holder = next((s for s in brief.statements if _within(t, s)), None)
        if holder is not None:
            span, kind, modality = Span(start=holder.start, end=holder.end, text=holder.text), "statement", holder.modality
        else:
            span, kind, modality = _sentence_of(brief.text, t), "sentence", None
        items.append(TimelineItem(start, end, _show(t.value, start, end, anchored), t.value, kind, span, t, modality))  # type: ignore[arg-type]
    events = [i for i in items if i.kind == "event"]
    # an event and the statement that tells it, dated alike, are one item: the event's
    items = [i for i in items if i.kind == "event" or not any(_same(i, e) for e in events)]
    items.sort(key=lambda i: (i.start, i.end, i.span.start))
    return items


def _same(a: TimelineItem, b: TimelineItem) -> bool:
    return a.value == b.value and a.span.start < b.span.end and b.span.start < a.span.end


def timeline_markdown(brief: Brief, width: int = 160) -> str:
    """A Markdown "Timeline" section (empty string when nothing is dated), for the renderers."""
    items = build_timeline(brief)
    if not items:
        return ""
    out = ["## Timeline", ""]
    for i in items:
        text = " ".join(i.span.text.split())
        text = text if len(text) <= width else text[: width - 1] + "…"
        mod = f" ({i.modality})" if i.modality and i.modality != "asserted" else ""
        out.append(f"- **{i.when}** {text}{mod} [{i.span.start}:{i.span.end}]")
    return "\n".join(out) + "\n"
