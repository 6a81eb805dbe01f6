"""Values relative to the reference date or to the day the text is telling: weekdays, "yesterday",
"the next day", "last week", "three years ago", "that year", "the weekend", PAST_REF/FUTURE_REF.

The direction of a bare "Tuesday" comes from the tense of its clause; "that day" and "the
previous Friday" count from the last full date the text mentioned (`Context.last_day`), not from
today; "two days earlier", "that weekend" from the last time it told (`Context.last`), while "two
days ago" always counts from the reference. Part of timex_normalize's rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from newsbrief.analyzers.timex_calendar import (
    PARTS,
    WEEKDAYS,
    Context,
    add_months,
    iso,
    lowered,
    parse_number,
    safe_date,
    shift,
    unit_code,
    week_of,
)
from newsbrief.analyzers.timex_grammar import LEX, Match, find

REFS: dict[str, str] = LEX["references"]

# a told value and what it is precise to: a year, a month (or a quarter), a week, a day, a clock time
_TOLD = re.compile(
    r"(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})(?:T(?P<hh>\d{2}):(?P<mm>\d{2}))?)?|-Q(?P<q>[1-4])|-W(?P<w>\d{2}))?"
)


@dataclass(frozen=True)
class Told:
    """The time the text was telling (`Context.last`), read once for every anaphor that counts
    from it ("that year", "the next day", "two days earlier", "three hours later")."""

    value: str  # the told value as far as it is parsed: "2024-06-18", "2024-Q3", "2024"
    year: int
    month: int | None = None
    day: date | None = None  # set only for a full, valid date
    quarter: int | None = None
    week: int | None = None
    clock: tuple[int, int] | None = None  # hour and minute, on `day`


def told_time(ctx: Context) -> Told | None:
    got = _TOLD.match(ctx.last or "")
    if not got:
        return None
    y = int(got["y"])
    month = int(got["m"]) if got["m"] else None
    day = safe_date(y, month, int(got["d"])) if month and got["d"] else None
    clock = (int(got["hh"]), int(got["mm"])) if got["hh"] is not None else None
    return Told(
        value=got.group(0),
        year=y,
        month=month,
        day=day,
        quarter=int(got["q"]) if got["q"] else None,
        week=int(got["w"]) if got["w"] else None,
        clock=clock,
    )


def told_months(told: Told) -> tuple[tuple[int, int], tuple[int, int]]:
    """The first and the last (year, month) of a told time: a year runs January to December, a
    quarter over its three months, a week or a day is the month it falls in."""
    if told.day:
        return (told.day.year, told.day.month), (told.day.year, told.day.month)
    if told.month:
        return (told.year, told.month), (told.year, told.month)
    if told.quarter:
        return (told.year, told.quarter * 3 - 2), (told.year, told.quarter * 3)
    if told.week:
        try:
            monday = date.fromisocalendar(told.year, told.week, 1)
        except ValueError:
            return (told.year, 1), (told.year, 12)
        return (monday.year, monday.month), (monday.year, monday.month)
    return (told.year, 1), (told.year, 12)


# "the following July", "the previous March", "the next spring" in a story told in the past: the
# one after or before the time the text was telling (TIMEX3 anchors them to it), as "the following
# year" is; "the next" counts from the told time only in a past clause ("will open the next July")
ANAPHORIC_BACK = ("the previous", "the preceding", "the prior", "previous", "preceding", "prior")
ANAPHORIC_ON = ("the following", "following")


def told_direction(rel: str, tense: str | None, ctx: Context) -> int:
    """-1/+1 when `rel` counts back/on from the time the text was telling, 0 when it does not (no
    such word, or no time told: then it counts from the reference like "last"/"next")."""
    if ctx.last is None or told_time(ctx) is None:
        return 0
    if rel in ANAPHORIC_BACK:
        return -1
    if rel in ANAPHORIC_ON or (rel == "the next" and tense == "past"):
        return 1
    return 0


def month_from_told(month: int, sign: int, ctx: Context) -> int | None:
    """The year of the first `month` after (sign 1) or the last before (sign -1) the told time."""
    told = told_time(ctx)
    if told is None:
        return None
    (fy, fm), (ly, lm) = told_months(told)
    if sign > 0:
        return ly if month > lm else ly + 1
    return fy if month < fm else fy - 1


def weekday_date(wd: int, dct: date, tense: str | None, rel: str | None) -> date:
    """The date of a weekday named in a clause: the coming one (today included) in a future or
    present clause, else the past one (today included); "last"/"next" move strictly away from the
    reference, "this" stays in its week."""
    delta = wd - dct.isoweekday()
    rel = (rel or "").lower()
    if rel in ("this", "coming", "this coming"):
        if tense == "past" and delta > 0:
            return dct + timedelta(days=delta - 7)
        return dct + timedelta(days=delta if delta >= 0 or tense != "future" else delta + 7)
    if rel in ("last", "past", "this past", "previous"):
        return dct + timedelta(days=delta - 7 if delta >= 0 else delta)
    if rel in ("next", "following"):
        return dct + timedelta(days=delta + 7 if delta <= 0 else delta)
    if tense in ("future", "present"):
        # "the finale airs Sunday", "ministers are meeting on Thursday": in news a present-tense
        # weekday is a schedule, the coming one (today included)
        return dct + timedelta(days=delta if delta >= 0 else delta + 7)
    return dct + timedelta(days=delta if delta <= 0 else delta - 7)


def weekday_base(wd_word: str | None, rel: str | None, ctx: Context, text: str = "", start: int = -1) -> str | None:
    """The date of a weekday with its "last"/"next"/"the previous" (None without a reference); a bare
    one in a sentence that told a week (`text` and `start` given) is that week's day."""
    wd = WEEKDAYS.get((wd_word or "").lower().rstrip("."))
    if wd is None:
        return None
    rel = re.sub(r"\s+", " ", (rel or "").lower())
    in_week = _day_of_told_week(wd, ctx, text, start) if not rel and start >= 0 else None
    if in_week:
        return iso(in_week)  # "Last week, in fact, on Tuesday", "the week of March 7 ... on Thursday"
    if rel.startswith("the ") and ctx.last_day:
        # "the previous Friday", "the following Monday": from the day the text is telling, not from today
        told = safe_date(int(ctx.last_day[:4]), int(ctx.last_day[5:7]), int(ctx.last_day[8:10]))
        if told:
            if rel == "the following":
                return iso(told + timedelta(days=(wd - told.isoweekday()) % 7 or 7))
            return iso(told - timedelta(days=(told.isoweekday() - wd) % 7 or 7))
    rel = rel.removeprefix("the ")
    if ctx.dct is None:
        return None  # "Tuesday" is relative to the reference: unresolved without one (a set is not)
    return iso(weekday_date(wd, ctx.dct, ctx.tense, rel))


def _day_of_told_week(wd: int, ctx: Context, text: str, start: int) -> date | None:
    """The weekday `wd` of the week the sentence told before it, when the last time told is a week."""
    told = told_time(ctx)
    if told is None or told.week is None or not re.fullmatch(r"\d{4}-W\d{2}", ctx.last or ""):
        return None  # a weekend told ("arrived over the weekend ... said Monday") is no week to date by
    try:
        day = date.fromisocalendar(told.year, told.week, wd)
    except ValueError:
        return None
    return day if framed_in_sentence(text, start) else None


def _weekday(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    part_word = (g.get("part") or "").lower()
    wd = WEEKDAYS.get((g.get("wd") or "").lower().rstrip("."))
    if part_word.endswith("s") and part_word != "s":  # "Tuesday nights": a set
        part = PARTS.get(part_word.rstrip("s"))
        return ("SET", f"XXXX-WXX-{wd}T{part}" if part else f"XXXX-WXX-{wd}")
    if (g.get("earl") or "").lower() in ("earlier", "later") and not g.get("rel"):
        # "Earlier Sunday, police clashed", "he may speak later Monday": the day the story was written,
        # today or just past, whatever the clause's tense
        ctx = replace(ctx, tense="past")
    base = weekday_base(g.get("wd"), g.get("rel"), ctx, text, m.start)
    part = PARTS.get(part_word)
    if part and base:
        # "Friday night" -> 2024-06-14TNI, a TIME, as "the evening of June 18" and "last night" are
        # (TIMEX3, HeidelTime). TimeBank is split: its tuning part values it with the part of day 11
        # times and by the day alone 8; the 8 it types TIME all have the part (measured: -3 there,
        # as some of the 11 write another part, TEV for "night").
        return ("TIME", f"{base}T{part}")
    return ("DATE", base)


def anchor_day(ctx: Context) -> date | None:
    """The last full date the text mentioned, for "that day", "that evening" (else the reference)."""
    told = told_time(ctx)
    return told.day if told and told.day else ctx.dct


def relday(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    """ "today", "yesterday", "the day after tomorrow": a day counted from the reference."""
    w = re.sub(r"\s+", " ", (m.groups.get("w") or "").lower())
    if ctx.dct is None:
        return ("DATE", None)
    k = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2}.get(w, 0)
    return ("DATE", iso(ctx.dct + timedelta(days=k)))


# "<a date>, " right before "the day before/after <an event>": an apposition to that date
_APPOSITIVE_DAY = re.compile(r"\b[0-3]?[0-9](?:st|nd|rd|th)?(?:,\s+[12][0-9]{3})?,\s+$")


def _reldays_anaphor(m: Match, ctx: Context, text: str) -> tuple[str, str | None] | None:
    w = lowered(m)
    told = told_time(ctx)
    part = next((code for word, code in PARTS.items() if " " not in word and re.search(rf"\b{word}\b", w)), None)
    if told is not None and told.day is None and told.month and not told.quarter:
        # "They met again in July 2008. The day before, ...": a day of that month, which one unsaid
        return (
            ("TIME", f"{told.year:04d}-{told.month:02d}-XXT{part}") if part else ("DATE", f"{told.year:04d}-{told.month:02d}-XX")
        )
    if told is None or told.day is None:
        return None  # "trades made that day": no day told before it, so no day to count from (TimeBank: 0 of 4)
    d = anchor_day(ctx)
    if d is None:
        return ("DATE", None)
    if _APPOSITIVE_DAY.search(text[max(0, m.start - 24) : m.start]) and re.match(r"\s+[\w$]", text[m.end : m.end + 3]):
        return ("DATE", iso(d))  # "Oct. 12, the day before the crash": the date just told, named again
    if "next" in w or "following" in w or "after" in w:
        d = d + timedelta(days=1)
    elif "previous" in w or "before" in w or "preceding" in w:
        d = d - timedelta(days=1)
    if part:  # "the next morning", "the previous night": a part of the day before or after the one told
        return ("TIME", f"{iso(d)}T{part}")
    return ("DATE", iso(d))


# "of his presidency", "of the campaign": a span named by a noun, not by a time ("of the decade", "of 2015")
_OF_SPAN = re.compile(
    r"\s+of\s+(?:the|his|her|its|their|our|my|your|this|that)\s+(?:[a-z-]+\s+)?(?!(?:year|month|week|decade|century|quarter)s?\b)[a-z]",
    re.IGNORECASE,
)
_COMPARED = re.compile(r"\bcompared\s+(?:with|to)\b[^.;]*$", re.I)


def _rel_unit(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    rel = re.sub(r"\s+", " ", (g.get("rel") or "").lower())
    unit = re.sub(r"\s+", " ", (g.get("unit") or "").lower())
    if rel in ("that", "the same"):
        return ("DATE", _anaphoric_unit(unit, ctx))
    anaphoric = rel in ("the following", "the previous", "the preceding", "the prior") or (
        rel == "the next" and ctx.tense == "past"
    )
    if anaphoric and unit in ("year", "month") and ctx.last:
        # "the following year", "the previous month": the one after or before the one the text was
        # telling ("in 2002 ... the following year" is 2003), not the reference's; "the next year"
        # only in a story told in the past ("will rise the next year" counts from today)
        told = _anaphoric_unit(unit, ctx)
        k = -1 if rel in ("the previous", "the preceding", "the prior") else 1
        if told and unit == "year":
            return ("DATE", f"{int(told) + k:04d}")
        if told:
            y, mo = add_months(int(told[:4]), int(told[5:7]), k)
            return ("DATE", f"{y:04d}-{mo:02d}")
    if ctx.dct is None or (rel in ("the last", "the final") and _OF_SPAN.match(text, m.end)):
        # "the last year of his presidency", "the last week of the campaign": the final one of a span
        # the text does not date, not the one before the reference
        return ("DATE", None)
    sign = 0
    if rel in ("last", "the last", "the past", "this past", "the previous", "previous", "the latest"):
        sign = -1
    elif rel in ("next", "the next", "the coming", "this coming", "the following"):
        sign = 1
    code = {"week": "W", "month": "M", "year": "Y", "fiscal year": "Y", "decade": "DE", "weekend": "WE"}[unit]
    if code == "Y" and sign < 0 and rel == "last" and ctx.last_quarter and _COMPARED.search(text, max(0, m.start - 60), m.start):
        # "net of $24 million, compared with a loss of $3 million last year": the quarter a year before
        return ("DATE", f"{int(ctx.last_quarter[:4]) - 1:04d}-Q{ctx.last_quarter[-1]}")
    if code == "WE":
        return ("DATE", f"{week_of(ctx.dct + timedelta(weeks=sign))}-WE")
    return ("DATE", shift(ctx.dct, 1 if sign else 0, code, sign or 1))


def _anaphoric_unit(unit: str, ctx: Context) -> str | None:
    """ "that year", "that week", "that weekend", "that decade": the unit holding the last time the
    text told ("arrested on Tuesday, March 3. That weekend" is the weekend of March 3's week), when
    that time is precise enough to say which (None otherwise)."""
    told = told_time(ctx)
    if told is None:
        return None
    if unit in ("year", "fiscal year"):
        return f"{told.year:04d}"
    if unit == "decade":
        return f"{told.year:04d}"[:3]
    if unit == "century":
        return f"{told.year:04d}"[:2]
    if unit == "month" and told.month:
        return f"{told.year:04d}-{told.month:02d}"
    if unit in ("week", "weekend") and told.day:
        return week_of(told.day) + ("-WE" if unit == "weekend" else "")
    return None


def _end_of_unit(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    rel = (g.get("rel") or "").lower()
    unit = (g.get("unit") or "").lower()
    if ctx.dct is None:
        return ("DATE", None)
    if rel in ("that",):
        return ("DATE", _anaphoric_unit(unit, ctx))
    if rel == "the" and unit in ("month", "year") and _told_in_sentence(text, m.start):
        # "will add the data in January 2016 and be done by the end of the month": the month the
        # sentence told, not the reference's
        told = _anaphoric_unit(unit, ctx)
        if told:
            return ("DATE", told)
    sign = -1 if rel == "last" else 1 if rel == "next" else 0
    if unit == "day":
        return ("DATE", iso(ctx.dct + timedelta(days=sign)))
    code = {"week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE"}[unit]
    return ("DATE", shift(ctx.dct, abs(sign), code, sign or 1))


def _year_end(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    if ctx.dct is None:
        return ("DATE", None)
    low = lowered(m)
    unit = "month" if "month" in low else "week" if "week" in low else "year"
    told = _anaphoric_unit(unit, ctx) if _told_in_sentence(text, m.start) else None
    if told:
        return ("DATE", told)  # "in March 2015 ... by month's end": the month the sentence told
    if unit == "week":
        return ("DATE", week_of(ctx.dct))  # "forgotten by week's end": the end of this week
    if unit == "month":
        return ("DATE", f"{ctx.dct.year:04d}-{ctx.dct.month:02d}")
    return ("DATE", f"{ctx.dct.year:04d}")


# "up 15% from 4 pence a year earlier", "compared with $3 million a year earlier", "than a year
# earlier": a figure set against the same period a year before (the quarter reported, else the
# reference's year), not a year before the last time told, which is often that other "a year ago"
# itself; "fled from the capital two years earlier" (no figure) is a narrative's
_COMPARISON = re.compile(
    r"\b(?:from|compared\s+(?:with|to)|than|versus|vs|against)(?:\s*|\s(?:[^.;!?]|\.(?=\d))*[0-9%$](?:[^.;!?]|\.(?=\d))*)$",
    re.I,
)


# kinds that tell no point in time ("for two years", "a year ago", "every week", "now")
_UNTOLD_KINDS = {
    "duration",
    "duration_adj",
    "duration_bare",
    "nquarters",
    "set",
    "set_every",
    "set_every_month",
    "set_every_wd",
    "set_wd_plural",
    "ago",
    "unit_ago",
    "yearago_adj",
    "ref",
    "ref_more",
    "one_day_future",
    "soon_future",
}
_SENTENCE_START = re.compile(r"(?:[.!?][\"”')]*\s+(?=[A-Z\"“(])|\n)(?!.*(?:[.!?][\"”')]*\s+[A-Z\"“(]|\n))", re.S)


def _sentence_before(text: str, start: int) -> str:
    """The sentence's text before `start` (at most 300 characters back)."""
    window = text[max(0, start - 300) : start]
    cut = _SENTENCE_START.search(window)
    return window[cut.end() :] if cut else window


def _told_in_sentence(text: str, start: int) -> bool:
    """Whether the sentence told a time before `start`: "earned $5 million in 2013, up from $3
    million a year earlier" counts from 2013; a comparison in a sentence of its own counts from the
    quarter reported or the reference."""
    prefix = _sentence_before(text, start)
    return any(x.kind not in _UNTOLD_KINDS for x in find(prefix))


def told_past_year(ctx: Context, text: str, start: int) -> int | None:
    """The year of a bare month or season in a past clause whose sentence told a past year before
    it ("Eight years ago, the senator won eleven contests in February": that year's February, not
    the reference's); None when the clause is not past or the sentence told no year of the past."""
    told = told_time(ctx)
    if ctx.tense != "past" or ctx.dct is None or told is None or told.year >= ctx.dct.year:
        return None
    if not framed_in_sentence(text, start):
        return None
    return told.year


def framed_in_sentence(text: str, start: int) -> bool:
    """Whether a time told before `start` frames its sentence ("In 2008, ...", "Eight years ago,
    ...", "Clinton, in 1992, ...", "Last week, in fact, ...") rather than sitting in a clause of its
    own ("the firm, founded in 1998, lost money in March"; "the plane that skidded last week ...
    an update on Monday"); "eight years ago" tells a year here (it is left out of the told kinds
    for comparisons)."""
    prefix = _sentence_before(text, start)
    return any((x.kind not in _UNTOLD_KINDS or x.kind == "ago") and _FRAMING.search(prefix[: x.start]) for x in find(prefix))


_FRAMING = re.compile(r"(?:^|[,;(—–]\s*|\s-{1,2}\s*)(?:(?:back|way\s+back)\s+)?(?:(?:in|during|by|around)\s+)?[\"“']?$", re.I)


def _told_date(ctx: Context, unit: str, n: float) -> date | None:
    """The time the text was telling (`Context.last`), when it is precise enough to count `n` units
    back from it: "detained last August. Two months earlier" counts months from August, which a year
    alone cannot; days, weeks and hours need a full date."""
    told = told_time(ctx)
    if told is None:
        return None
    if told.week:  # "arrested last week. A week earlier": weeks (and years) count from its Monday
        try:
            monday = date.fromisocalendar(told.year, told.week, 1)
        except ValueError:
            return None
        return monday if unit in ("W", "FN", "Y", "DE", "CE") else None
    month = told.month or ((told.quarter - 1) * 3 + 1 if told.quarter else None)
    if told.day:
        return told.day
    if unit in ("Y", "DE", "CE") and float(n).is_integer():
        return safe_date(told.year, month or 1, 1)
    if unit in ("Y", "M", "Q"):
        return safe_date(told.year, month, 1) if month else None
    return None


def _told_clock(ctx: Context, unit: str, n: float, sign: int) -> str | None:
    """ "at 9 a.m. on March 3 ... three hours earlier": 06:00 that day, a TIME, when the time told
    has a clock time and the count is in hours or minutes."""
    told = told_time(ctx)
    if unit not in ("H", "MIN") or told is None or told.clock is None or told.day is None:
        return None
    (hh, mm), day = told.clock, told.day
    if hh > 23 or mm > 59:
        return None
    at = datetime(day.year, day.month, day.day, hh, mm)
    try:
        at += sign * (timedelta(hours=n) if unit == "H" else timedelta(minutes=n))
    except OverflowError:
        return None
    return f"{iso(at.date())}T{at.hour:02d}:{at.minute:02d}"


def _ago(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    """ "three years ago" counts from the reference; "two days earlier" from the time the text was
    telling ("crashed on March 3. Two days earlier" is March 1: TIMEX3 anchors it to that time),
    from the reference when no time precise enough was told."""
    g = m.groups
    unit = unit_code(g.get("unit"))
    numtxt = g.get("num")
    n = 0.5 if re.fullmatch(r"half[\s-]+an?", (numtxt or "").lower()) else parse_number(numtxt)  # "half a century ago"
    direction = re.sub(r"\s+", " ", (g.get("dir") or "").lower())
    sign = 1 if direction in ("from now", "hence", "later") else -1
    if unit is None:
        return ("DATE", None)
    if n is None:
        return ("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    if ctx.dct is None:
        return ("DATE", None)
    if unit == "Y" and n == 1 and ctx.last_quarter and sign < 0:
        return ("DATE", f"{int(ctx.last_quarter[:4]) - 1:04d}-Q{ctx.last_quarter[-1]}")
    anaphoric = direction in ("earlier", "later")
    if anaphoric and unit == "Y" and _COMPARISON.search(text, max(0, m.start - 120), m.start):
        anaphoric = _told_in_sentence(text, m.start)
    clock = _told_clock(ctx, unit, n, sign) if anaphoric else None
    if clock:
        return ("TIME", clock)
    if unit == "H" and n >= 24 and float(n / 24).is_integer():
        unit, n = "D", n / 24  # "48 hours ago": two days, a date; fewer hours stay on the day
    if unit in ("CE", "DE") and not float(n).is_integer():
        unit, n = "Y", n * (100 if unit == "CE" else 10)  # "a half-century ago": 50 years back, a year
    told = told_time(ctx) if anaphoric else None
    if told is None:
        # "some 5,000 years ago" lies before year 0, which TIMEX3 dates cannot write: the past it is
        return ("DATE", shift(ctx.dct, n, unit, sign) or ("PAST_REF" if sign < 0 else "FUTURE_REF"))
    base = _told_date(ctx, unit, n)
    if base is None:
        # "crashed in 2009. Two days earlier": days cannot be counted from a year, but they fall in
        # it (or at its edge) far likelier than two days before the publication date
        return ("DATE", told.value[:10])
    return ("DATE", shift(base, n, unit, sign))


def _unit_ago(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    return ("DATE", "PAST_REF")


def _yearago_adj(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    unit = unit_code(m.groups.get("unit"))
    if ctx.dct is None or unit is None:
        return ("DATE", None)
    if unit == "Y" and ctx.last_quarter:
        return ("DATE", f"{int(ctx.last_quarter[:4]) - 1:04d}-Q{ctx.last_quarter[-1]}")
    return ("DATE", shift(ctx.dct, 1, unit, -1))


def _weekend(dct: date | None, tense: str | None) -> str | None:
    """The weekend a text means: the coming one in a future clause, else the last one (or this one)."""
    if dct is None:
        return None
    if tense == "future" or dct.isoweekday() >= 6:
        return f"{week_of(dct)}-WE"
    return f"{week_of(dct - timedelta(days=7))}-WE"


_WEEK_TO = re.compile(r"\s+(?:to|ending|ended)\s+", re.IGNORECASE)


def _week_ending(m: Match, ctx: Context, text: str) -> str | None:
    """ "the week to 25 December", "the week ended Friday": the week holding the day that ends it."""
    to = _WEEK_TO.match(text, m.end)
    if not to:
        return None
    after = text[to.end() : to.end() + 30]
    day = next((x for x in find(after) if x.start == 0 and x.kind in ("date", "weekday")), None)
    if day is None:
        return None
    from newsbrief.analyzers.timex_normalize import normalize  # here: timex_normalize imports this module

    got = normalize(day, ctx, after)
    value = got[1] if got else None
    if not value or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    d = safe_date(int(value[:4]), int(value[5:7]), int(value[8:10]))
    return week_of(d) if d else None


def _the_unit(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    unit = (m.groups.get("unit") or "").lower()
    the = (m.groups.get("the") or "").lower()
    mod = (m.groups.get("mod") or "").lower()
    direction = (m.groups.get("dir") or "").lower()
    if direction and unit in ("year", "month"):
        # "down from 19.7bn the month before": the month before the one told (November -> October),
        # as "the previous month"; without a time told, before the reference's
        rel = "the previous" if direction == "before" else "the following"
        return _rel_unit(Match(m.start, m.end, "rel_unit", {"rel": rel, "unit": unit}, m.text), ctx, text)
    if the in ("that",):
        return ("DATE", _anaphoric_unit(unit, ctx))
    if unit == "weekend":
        return ("DATE", _weekend(ctx.dct, ctx.tense))
    if unit == "year" and (mod in ("full", "current") or the == "this"):
        return ("DATE", f"{ctx.dct.year:04d}" if ctx.dct else None)
    if unit == "year":
        # "the year ended Sept. 30" is a twelve-month period; "for the year", "of the year": this year
        if re.match(r"\s+(?:ended|ending|to|through|before|earlier|ago)\b", text[m.end : m.end + 12], re.I):
            return ("DURATION", "P1Y")
        return ("DATE", f"{ctx.dct.year:04d}" if ctx.dct else None)
    if unit == "week" and the == "the" and not mod:
        ending = _week_ending(m, ctx, text)
        if ending:
            return ("DATE", ending)
    if ctx.dct is None:
        return ("DATE", None)
    if unit == "week" and the == "the" and not mod:
        # "for the week, the index fell": which week the text does not say; TimeBank writes 1989-WXX
        return ("DATE", f"{ctx.dct.year:04d}-WXX")
    return ("DATE", shift(ctx.dct, 0, {"week": "W", "month": "M"}[unit], 1))


def _one_day_future(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    return ("DATE", "FUTURE_REF")


def _ref(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    return ("DATE", REFS.get(lowered(m)))


def _ref_more(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    low = lowered(m)
    if any(w in low for w in ("coming", "future", "next")):
        return ("DATE", "FUTURE_REF")
    return ("DATE", "PAST_REF")


# the match kinds (timex_grammar) this module values
RELATIVE_KINDS = {
    "weekday": _weekday,
    "relday": relday,
    "reldays_anaphor": _reldays_anaphor,
    "rel_unit": _rel_unit,
    "end_of_unit": _end_of_unit,
    "year_end": _year_end,
    "ago": _ago,
    "unit_ago": _unit_ago,
    "yearago_adj": _yearago_adj,
    "the_unit": _the_unit,
    "one_day_future": _one_day_future,
    "soon_future": _one_day_future,
    "ref": _ref,
    "ref_more": _ref_more,
}
