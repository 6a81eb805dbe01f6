"""Values of clock times and parts of the day: "10:35 a.m. Tuesday", "the evening of June 18",
"yesterday morning", "tonight". A clock time belongs to the day the text was telling (else the
reference day), and a date is compared as a date, never shifted by its hour (the "evening of June
18" trap). Part of timex_normalize's rules.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsbrief.analyzers.timex_calendar import PARTS, WEEKDAYS, Context, day_number, iso, lowered, month_num, safe_date
from newsbrief.analyzers.timex_dates import date_for, dated
from newsbrief.analyzers.timex_grammar import LEX, Match, find
from newsbrief.analyzers.timex_relative import anchor_day, relday, told_time, weekday_base

CLOCKWORDS: dict[str, str] = LEX["clock_words"]
_HAS_MERIDIEM = re.compile(r"[ap]\.?m\b", re.IGNORECASE)
CLOCK_FOLLOWS_TEXT = True  # "at 10 p.m." -> on the day the text was telling, else the reference day
# a clock time alone on its line ("___\n\n9:18 p.m.:\n\nText"): the heading of a live blog's entry
_HEADING_AFTER = re.compile(r"[ \t]*:?[ \t]*(?:\n|\Z)")


def clock_value(s: str) -> tuple[int, int] | None:
    s = s.lower().strip()
    if s in CLOCKWORDS:
        h, m = CLOCKWORDS[s].split(":")
        return int(h), int(m)
    wire = re.fullmatch(r"([01]\d|2[0-3])([0-5]\d)", s)  # "1830" (GMT): a wire's four-digit clock
    if wire:
        return int(wire.group(1)), int(wire.group(2))
    # "8:49 pm", "8.49pm" (British), "8: 49 pm" (a feed's stray space)
    mo = re.match(r"(\d{1,2})(?::\s?(\d{2})|\.(\d{2})(?=\s*[ap]))?\s*(a\.?m\.?|p\.?m\.?|am|pm|o'clock)?", s)
    if not mo:
        return None
    h, mi = int(mo.group(1)), int(mo.group(2) or mo.group(3) or 0)
    ap = (mo.group(4) or "").replace(".", "")
    if ap and h > 12:
        return None  # "20 p.m." cannot be read
    if ap == "pm" and h < 12:
        h += 12
    if ap == "am" and h == 12:
        h = 0
    if h > 24 or mi > 59:
        return None
    return h, mi


def _part_of_date(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    part = PARTS.get((g.get("part") or "").lower())
    if g.get("month"):
        month = month_num(g["month"])
        day = day_number(g.get("day"))
        base = date_for(month, day, int(g["year"]) if g.get("year") else None, ctx) if month else None
    else:
        base = weekday_base(g.get("wd"), g.get("rel"), ctx)
    return ("TIME", f"{base}T{part}" if base and part and len(base) == 10 else base)


def _part_weekday(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    base = weekday_base(g.get("wd"), None, ctx)
    part = PARTS.get((g.get("part") or "").lower())
    return ("TIME", f"{base}T{part}" if base and part and not base.startswith("XXXX") else base)


# "one evening in the late 1960s", "one morning in 1987": the year or decade the evening lies in
_IN_YEARS_AFTER = re.compile(
    r"\s+(?:in|of|during)\s+(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<y>1[0-9]{3}|20[0-9]{2})(?P<s>['’]?s)?\b"
)


_IN_MONTH_AFTER = re.compile(
    r"\s+(?:in|of|during)\s+(?:(?:early|late|mid)[\s-]+)?(?P<mo>"
    + "|".join(sorted((re.escape(w) for w in LEX["months"] if len(w) > 3), key=len, reverse=True))
    + r")\b(?:,?\s+(?P<y>1[0-9]{3}|20[0-9]{2})\b)?",
    re.IGNORECASE,
)
_PER_AFTER = re.compile(r"\s+(?:a|an|each|every|per)\s+(?:week|month|year|fortnight)\b", re.IGNORECASE)


def _some_day_of(m: Match, ctx: Context, text: str) -> str | None:
    """The day of "one evening": none known when no day was told before it ("One evening in the 1960s,
    ..." is no evening of the reference), in the year or decade named right after it if any."""
    if _PER_AFTER.match(text, m.end):
        return None  # "one morning a week": a rate, another rule's matter
    month = _IN_MONTH_AFTER.match(text, m.end)
    if month and month.group("mo")[0].isupper() and month_num(month.group("mo")):
        year = int(month.group("y")) if month.group("y") else None
        got = date_for(month_num(month.group("mo")) or 1, None, year, ctx)  # "early one evening in June"
        return f"{got}-XX" if got else None
    after = _IN_YEARS_AFTER.match(text, m.end)
    if after:
        y = after.group("y")
        return f"{y[:3]}X-XX-XX" if after.group("s") else f"{y}-XX-XX"
    told = told_time(ctx)
    return "XXXX-XX-XX" if told is None or told.day is None else None


def _part_rel(m: Match, ctx: Context, text: str) -> tuple[str, str | None] | None:
    g = m.groups
    rel = (g.get("rel") or "").lower()
    part = PARTS.get((g.get("part") or "").lower())
    if ctx.dct is None or part is None:
        return ("TIME", None)
    if rel in ("yesterday",) or (rel == "last" and part == "NI"):
        d = ctx.dct - timedelta(days=1)
    elif rel == "tomorrow":
        d = ctx.dct + timedelta(days=1)
    elif rel == "last":
        d = ctx.dct - timedelta(days=1)
    elif rel in ("that", "later that"):
        told = told_time(ctx)
        if told is not None and told.day is None and told.month and not told.quarter:
            return ("TIME", f"{told.year:04d}-{told.month:02d}-XXT{part}")  # "in July 2008 ... that night"
        if told is None or told.day is None:
            # "In New Hampshire, he won. That night, ...", "in 2008 ... his speech that night": the
            # text names no day of that night, and the reference's would be another night
            return None
        d = told.day
    elif rel == "the" and (on := _day_named_after(m, ctx, text)):
        d = on  # "the night of the raid on Sept. 11, 2012": the day it names, not the one told before
    elif rel == "one" and (some := _some_day_of(m, ctx, text)):
        return ("TIME", f"{some}T{part}")
    elif rel in ("the", "one", "early", "late"):
        d = anchor_day(ctx)
    else:
        d = ctx.dct
    return ("TIME", f"{iso(d)}T{part}" if d else None)


_OF_EVENT = re.compile(r"\s+of\s+[^.;:!?\n]{1,80}", re.IGNORECASE)
_ON_IN = re.compile(r"\b(?:on|in)\s+", re.IGNORECASE)


def _day_named_after(m: Match, ctx: Context, text: str) -> date | None:
    """The full date that "the night of <an event> on <a date>" names after its event (None if none)."""
    of = _OF_EVENT.match(text, m.end)
    if not of:
        return None
    for on in _ON_IN.finditer(text, of.start(), of.end()):
        window = text[on.end() : on.end() + 40]
        found = next((x for x in find(window) if x.start == 0 and x.kind == "date"), None)
        value = dated(found, ctx, window)[1] if found else None
        if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return safe_date(int(value[:4]), int(value[5:7]), int(value[8:10]))
    return None


def _part_rel2(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    part = PARTS.get((g.get("part") or "").lower())
    if ctx.dct is None:
        return ("TIME", None)
    d = ctx.dct + timedelta(days={"yesterday": -1, "tomorrow": 1}.get((g.get("rel") or "").lower(), 0))
    return ("TIME", f"{iso(d)}T{part}")


def _tonight(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    if ctx.dct is None:
        return ("TIME", None)
    return ("TIME", f"{iso(ctx.dct)}TNI")


def _heading(m: Match, text: str) -> bool:
    """Whether the clock time stands alone on its line, as a heading does."""
    line_start = text.rfind("\n", 0, m.start) + 1
    return not text[line_start : m.start].strip(" \t") and bool(_HEADING_AFTER.match(text, m.end))


def _clock(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    hm = clock_value(g.get("clock") or "")
    if hm is None:
        return ("TIME", None)
    dayref = (g.get("dayref") or "").strip()
    day: str | None
    if dayref:
        low = dayref.lower()
        if low in ("today", "yesterday", "tomorrow", "tonight"):
            day = relday(Match(0, 0, "relday", {"w": "today" if low == "tonight" else low}, low), ctx, text)[1]
        elif low in ("this morning", "this afternoon", "this evening"):
            day = iso(ctx.dct) if ctx.dct else None
        elif low == "last night":
            day = iso(ctx.dct - timedelta(days=1)) if ctx.dct else None
        elif WEEKDAYS.get(low.split()[0].rstrip(".,")) and len(low.split()) <= 2:
            # "10:30 Friday night": the weekday's day, and a clock before noon read in that part of it
            first, *part = low.split()
            day = weekday_base(first.rstrip(".,"), None, ctx)
            if part in (["afternoon"], ["evening"], ["night"]) and hm[0] < 12 and not _HAS_MERIDIEM.search(g.get("clock") or ""):
                hm = (hm[0] + 12, hm[1])
        else:
            found = [x for x in find(dayref) if x.kind == "date"]
            day = dated(found[0], ctx, text)[1] if found else None
    elif _heading(m, text):
        # a live blog's entry opens with its clock time: the blog's day, not the last date the entry
        # before it told ("... won on March 1.\n\n___\n\n9:18 p.m.\n\n")
        day = iso(ctx.dct) if ctx.dct else "XXXX-XX-XX"
    else:  # "at 10:35 a.m." belongs to the day the text was telling (else the reference day)
        anchor = anchor_day(ctx) if CLOCK_FOLLOWS_TEXT else ctx.dct
        day = iso(anchor) if anchor else "XXXX-XX-XX"
    if day is None:
        return ("TIME", None)
    h, mi = hm
    if h == 24:
        return ("TIME", f"{day}T24:00")
    return ("TIME", f"{day}T{h:02d}:{mi:02d}")


def _clock_morning(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    hm = clock_value(g.get("clock") or "")
    if hm is None:
        return ("TIME", None)
    h, mi = hm
    if (g.get("part") or "").lower() in ("afternoon", "evening", "night") and h < 12:
        h += 12
    day = iso(ctx.dct) if ctx.dct else "XXXX-XX-XX"
    return ("TIME", f"{day}T{h:02d}:{mi:02d}")


def _part_alone(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    part = PARTS.get(lowered(m))
    d = anchor_day(ctx)
    return ("TIME", f"{iso(d)}T{part}" if d and part else None)


# the match kinds (timex_grammar) this module values
CLOCK_KINDS = {
    "clock": _clock,
    "clock_after": _clock,
    "clock_morning": _clock_morning,
    "part_of_date": _part_of_date,
    "part_weekday": _part_weekday,
    "part_rel": _part_rel,
    "part_rel2": _part_rel2,
    "tonight": _tonight,
    "part_alone": _part_alone,
}
