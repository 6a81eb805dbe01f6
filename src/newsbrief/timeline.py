"""The brief's timeline: its dated events and statements in time order, a pure function of a Brief.

An item is dated by the event's `when`, or by a time expression inside the statement (or, for a
time expression no statement covers, inside its sentence). A DATE/TIME value becomes the days it
covers ("2023-09" is September 2023); a duration that reaches back or forward from the publication
date becomes an interval ("the first visit in the last 24 years", published 2024-06-18: 2000 to
2024). Vague references ("recently", "now"), floating durations ("a two-day visit") and sets stay off it.

Renderers call `build_timeline(brief)` (items) or `timeline_markdown(brief)` (a Markdown section).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from newsbrief.analyzers.timex_intervals import anchored_interval, interval
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
    if t.value == "PRESENT_REF":
        return None  # "now", "currently": every present-tense sentence would pile up on the publication day
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
        # the time expression that dates the event, and its finer value ("2024-06-18TEV" for "2024-06-18")
        tx = next((t for t in brief.timexes if _within(t, ev) and (t.value or "").startswith(ev.when)), None)
        value = ev.when
        if tx is not None:
            used.add((tx.start, tx.end))
            value = tx.value or value
        span = Span(start=ev.start, end=ev.end, text=ev.text)
        items.append(TimelineItem(got[0], got[1], _show(value, *got, False), value, "event", span, tx, ev.modality))
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
    items = _one_per_telling(items)
    items.sort(key=lambda i: (i.start, i.end, _time_of_day(i.value), i.span.start))
    return items


_PART_MINUTES = {"MO": 8 * 60, "AF": 14 * 60, "EV": 19 * 60, "NI": 22 * 60}


def _time_of_day(value: str) -> int:
    """Minutes into the day a value points at (-1 for a whole day): "the evening" comes after "noon"."""
    m = re.search(r"T(\d{2}):(\d{2})$", value)
    if m:
        return int(m.group(1)) * 60 + int(m.group(2))
    m = re.search(r"T(MO|AF|EV|NI)$", value)
    return _PART_MINUTES[m.group(1)] if m else -1


def _twins(a: TimelineItem, b: TimelineItem) -> bool:
    return (a.start, a.end) == (b.start, b.end) and a.span.start < b.span.end and b.span.start < a.span.end


_KIND_RANK = {"event": 0, "statement": 1, "sentence": 2}


def _one_per_telling(items: list[TimelineItem]) -> list[TimelineItem]:
    """Items that overlap in the text and cover the same days tell one thing once: keep the event
    (else the statement), with the finest value any of them had."""
    items = sorted(items, key=lambda i: (_KIND_RANK[i.kind], -len(i.value), i.span.start))
    kept: list[TimelineItem] = []
    for i in items:
        twin = next((k for k in kept if _twins(k, i)), None)
        if twin is None:
            kept.append(i)
        elif len(i.value) > len(twin.value):
            kept[kept.index(twin)] = replace(twin, value=i.value, when=i.when, timex=i.timex or twin.timex)
    return kept


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
