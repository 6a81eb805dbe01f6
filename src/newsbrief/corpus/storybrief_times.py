"""Times for the story brief: the dates and clock times a passage gives for what happened (not
its dateline nor the time of the telling), with their zone and the event they date; kept apart
from storybrief.py so the extraction reads on its own."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from newsbrief.corpus.features import stem
from newsbrief.corpus.storybrief_figures import _data

_DATE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")


@dataclass
class TimeRef:
    start: int
    end: int
    day: date | None
    weekday: int | None
    hours: tuple[float, float] | None  # local hours of the day (may run past 24)
    zone: float | None  # UTC offset in hours, when the text writes one
    said: str = ""  # the expression as written, folded: the same words never clash
    trigger: str | None = None  # the folded word of the event it dates ("broke"), when a brief's event holds it


def _times(brief: dict[str, Any], text: str, base: int, end: int, timexes: list[dict[str, Any]] | None = None) -> list[TimeRef]:
    """The DATE/TIME expressions inside a passage, as local hours of a day (and a zone, when written);
    `timexes`: the brief's, or those of them worth a look (its DATE/TIME ones, in order)."""
    d = _data()
    out = []
    for tx in brief.get("timexes", []) if timexes is None else timexes:
        if tx.get("type") not in ("DATE", "TIME") or not (base <= tx["start"] and tx["end"] <= end):
            continue
        t_text = tx["text"].lower()
        value = tx.get("value") or ""
        day = None
        m = _DATE.match(value)
        if m:
            try:
                day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                day = None
        weekday = next((i for i, w in enumerate(d["weekdays"]) if w in t_text), None)
        if day is None and weekday is None:
            continue
        rel_s, rel_e = tx["start"] - base, tx["end"] - base
        if _dateline(text, rel_s, rel_e, tx["start"]) or _reporting_time(text, rel_s, rel_e):
            continue
        if day is not None:
            weekday = day.weekday()
        before = re.search(
            r"\b(early|late|overnight)\s+(?:on\s+)?$", text[max(0, tx["start"] - base - 16) : tx["start"] - base], re.I
        )
        hours = _hours((before.group(1).lower() + " " if before else "") + t_text, value)
        zone = _zone(tx["text"])
        if zone is None:
            zone = _zone(text[tx["end"] - base : tx["end"] - base + 30].lstrip(" ,("), anchored=True)
        t_start = base + max(0, tx["start"] - base - 16) + before.start() if before else tx["start"]
        event = min(
            (ev for ev in brief.get("events", []) if ev["start"] <= tx["start"] and tx["end"] <= ev["end"] and ev.get("trigger")),
            key=lambda ev: ev["end"] - ev["start"],
            default=None,
        )
        trigger = _lemma(event["trigger"]["text"]) if event else None
        said = _norm(text[t_start - base : rel_e])
        out.append(TimeRef(t_start, tx["end"], day, weekday, hours, zone, said=said, trigger=trigger))
    return _joined(out, text, base)


def _joined(refs: list[TimeRef], text: str, base: int) -> list[TimeRef]:
    """'11 p.m. ET on Tuesday' told as two expressions is one time: the clock's hours and zone on the
    day the words name."""
    refs.sort(key=lambda r: r.start)
    out: list[TimeRef] = []
    for r in refs:
        prev = out[-1] if out else None
        if prev is not None and r.start - prev.end <= 12 and (prev.hours is None) != (r.hours is None):
            clock, day = (r, prev) if prev.hours is None else (prev, r)
            s, e = prev.start, max(prev.end, r.end)
            said = _norm(text[s - base : e - base])
            out[-1] = TimeRef(
                s, e, day.day, day.weekday, clock.hours, clock.zone, said=said, trigger=clock.trigger or day.trigger
            )
            continue
        out.append(r)
    return out


def _dateline(text: str, s: int, e: int, absolute: int) -> bool:
    """A publication stamp, not the time of what happened: a dated year next to a clock time, an
    'updated'/'published' label, or at the article's very top."""
    t = text[s:e]
    if not re.search(r"\b(19|20)\d\d\b", t):
        return False
    if absolute < 200 or re.match(r"[\s,|\-–]{0,4}\d{1,2}\s?[:.]\s?\d\d", text[e : e + 8]):
        return True
    return bool(re.search(r"\b(updated|published|posted|modified|last updated)\b[:\s]*(on\s*)?$", text[max(0, s - 30) : s], re.I))


def _reporting_time(text: str, s: int, e: int) -> bool:
    """'authorities said Saturday': the time of the telling, not of the told."""
    verbs = r"(said|says|told|announced|reported|confirmed|stated|added|disclosed|revealed)"
    return bool(re.search(r"\b" + verbs + r"\s+(on\s+)?$", text[max(0, s - 24) : s], re.I))


def _event_word(brief: dict[str, Any], start: int, end: int) -> str | None:
    """The trigger of the smallest event of the brief whose clause holds [start, end), folded."""
    event = min(
        (
            ev
            for ev in brief.get("events", [])
            if ev["start"] <= start and end <= ev["end"] and isinstance(ev.get("trigger"), dict)
        ),
        key=lambda ev: ev["end"] - ev["start"],
        default=None,
    )
    return _lemma(event["trigger"]["text"]) if event else None


def _lemma(word: str) -> str:
    """A crude verb fold, enough to meet 'placed' and 'places', 'broke' and 'broke'."""
    w = stem(word.lower().split()[-1])
    for suf in ("ing", "ed", "e"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


def _zone(text: str, anchored: bool = False) -> float | None:
    """The UTC offset a text writes ('ET', 'GMT', 'Seoul time'), at its start when `anchored`."""
    d = _data()
    m = d["_zone_re"].match(text) if anchored else d["_zone_re"].search(text)
    if m is None:
        return None
    if m.group(1):
        return d["time_zone_names"].get(m.group(1).lower())
    return d["time_zones"].get(m.group(2))


def _hours(t_text: str, value: str) -> tuple[float, float] | None:
    d = _data()
    clock = re.search(r"\b(\d{1,2})(?::(\d\d))?\s*(a\.?m\.?|p\.?m\.?)", t_text)
    if clock:
        h = int(clock.group(1)) % 12 + (12 if clock.group(3).startswith("p") else 0)
        h += int(clock.group(2) or 0) / 60
        return (h, h + 1)
    m = re.search(r"T(\d\d):(\d\d)", value)
    if m:
        h = int(m.group(1)) + int(m.group(2)) / 60
        return (h, h + 1)
    for part, pattern in d["_parts_re"]:
        if pattern.search(t_text):
            a, b = d["parts_of_day"][part]
            return (float(a), float(b))
    m = re.search(r"T(MO|AF|EV|NI)$", value)
    if m:
        a, b = d["timex_parts"][m.group(1)]
        return (float(a), float(b))
    return None


def _norm(text: str) -> str:
    return " ".join(text.lower().split())
