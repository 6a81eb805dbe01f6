"""Values of named days and spelled years: holidays ("Christmas", "Thanksgiving": a fixed day or the
nth weekday of a month, resources/timex/ `holidays`), days of a cycle ("Election Day", every second
year) or set anew each time ("Super Tuesday": the dates known, by year; none is invented), and
years said in words, as transcripts write them ("nineteen ninety-six"). Part of timex_normalize's
rules.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from newsbrief.analyzers.timex_calendar import WEEKDAYS, Context, iso, month_num, pick_year, safe_date
from newsbrief.analyzers.timex_grammar import LEX, Match
from newsbrief.analyzers.timex_relative import told_time

# name -> "MM-DD", "MM-WD-N" (the Nth, or L last, weekday), "+K" days after it, "T<part of day>";
# or, for a day whose date the calendar does not fix ("Super Tuesday"), {year: "MM-DD"}
HOLIDAYS: dict[str, str | dict[str, str]] = LEX["holidays"]
EVENT_DAYS: dict[str, str] = LEX["event_days"]
# lowercase "election night": the US one only this many days after it
LOWERCASE_JUST_AFTER: dict[str, int] = LEX["us_holidays_lowercase_just_after"]
# name -> every how many years it falls ("Election Day": US federal elections, in even years), or
# [every N years, in the years whose remainder by N is R] ("Inauguration Day": 2017, 2021)
CYCLES: dict[str, int | list[int]] = LEX["holiday_cycle_years"]
_SPEC = re.compile(
    r"(?:(?P<easter>EASTER)(?P<shift>[+-]\d+)?"
    r"|(?P<month>\d{2})-(?:(?P<day>\d{2})|(?P<wd>[A-Z]{3})-(?P<n>\d|L)(?:\+(?P<plus>\d+))?))(?:T(?P<part>[A-Z]{2}))?"
)
# "the 2008 Super Tuesday", "2016's Election Day": the year told right before the name
_YEAR_BEFORE = re.compile(r"\b(?P<year>1[89][0-9]{2}|20[0-9]{2})(?:['’]s)?\s+$")
_CYCLE_LAG = 60  # days after which "Election Day" in a present or untensed clause means the next one
_PAST_REACH = 365  # days within which a past clause's "Election Day" is the last one, not the cycle's


def _nth_weekday(y: int, month: int, wd: int, n: int | str) -> date | None:
    days = [d for d in range(1, calendar.monthrange(y, month)[1] + 1) if date(y, month, d).isoweekday() == wd]
    if n == "L":
        return date(y, month, days[-1])
    return date(y, month, days[int(n) - 1]) if len(days) >= int(n) else None


def easter(year: int) -> date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian computus): a feast the calendar moves."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month, day = divmod(h + ll - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _day_in(spec: re.Match[str], year: int) -> date | None:
    """The day a holiday's rule gives in one year."""
    if spec["easter"]:
        return easter(year) + timedelta(days=int(spec["shift"] or 0)) if 1583 <= year <= 9999 else None
    month = int(spec["month"])
    if spec["day"]:
        return safe_date(year, month, int(spec["day"]))
    d = _nth_weekday(year, month, WEEKDAYS[spec["wd"].lower()], spec["n"])
    return d + timedelta(days=int(spec["plus"] or 0)) if d else None


def _nearest(days: list[date], dct: date, rel: str, tense: str | None, lag: int) -> date | None:
    """Of the days a named day falls on, the one a clause means: "last" the latest before the
    reference, as a past clause's when it lies within a year ("voted on Election Day" after one
    election; months before the next, "used the remarks to urge a vote on Election Day" means the
    coming one); "next" or a future clause the first after it; else the first on or after `lag`
    days before it (an election just held is still "Election Day")."""
    before = [d for d in days if d <= dct]
    if rel == "last" or (tense == "past" and before and (dct - max(before)).days <= _PAST_REACH):
        return max(before) if before else None
    after = [d for d in days if d >= dct - timedelta(days=0 if rel == "next" or tense == "future" else lag)]
    return min(after) if after else None


def _told_past_year(ctx: Context, rel: str) -> int | None:
    """The year of the time the text was telling, when a past clause names a day of a year before the
    reference's ("Campaigning against Romney in 2012, he said little. But soon after Election Day")."""
    told = told_time(ctx)
    if rel or ctx.tense != "past" or told is None or ctx.dct is None or told.year >= ctx.dct.year:
        return None
    return told.year


def _holiday(m: Match, ctx: Context, text: str) -> tuple[str, str | None] | None:
    g = m.groups
    name = re.sub(r"\s+", " ", (g.get("h") or "").lower().replace("’", "'"))
    rule = HOLIDAYS.get(name)
    if rule is None:
        return ("DATE", None)
    rel = (g.get("rel") or "").lower()
    told = _YEAR_BEFORE.search(text[max(0, m.start - 10) : m.start]) if not rel else None
    year: int | None = int(g["year"]) if g.get("year") else int(told["year"]) if told else None
    if isinstance(rule, dict):  # a day set anew each time ("Super Tuesday"): the table's, or none
        days = {int(y): safe_date(int(y), int(md[:2]), int(md[3:])) for y, md in rule.items()}
        told_year = _told_past_year(ctx, rel)
        if year is None and told_year in days:
            year = told_year  # "Eight years ago, he won eleven states after Super Tuesday": that year's
        if year is not None:
            day = days.get(year)
        elif ctx.dct is None:
            day = None
        else:
            known = [d for d in days.values() if d]
            # the one nearest the reference (they fall years apart), unless "last"/"next" says which
            day = _nearest(known, ctx.dct, rel, None, 0) if rel else min(known, key=lambda d: abs((d - ctx.dct).days))
            if day and not rel and abs((day - ctx.dct).days) > 3 * 365:
                day = None  # a later one than the table knows: no date is invented
        return ("DATE", iso(day) if day else None)
    spec = _SPEC.fullmatch(rule)
    if spec is None:
        return ("DATE", None)
    part = spec["part"]
    typ = "TIME" if part else "DATE"
    if spec["easter"]:  # a moving feast: its month is that of the year told, or of the reference's
        known = year or (ctx.dct.year if ctx.dct else None)
        moved = _day_in(spec, known) if known else None
        if moved is None:
            return (typ, None)
        month = moved.month
    else:
        month = int(spec["month"])
    spec_cycle = CYCLES.get(name)
    cycle, offset = (spec_cycle, 0) if isinstance(spec_cycle, int) or spec_cycle is None else spec_cycle
    # lowercase "election night": the US one only in the days after it
    reach = LOWERCASE_JUST_AFTER.get(name) if not (g.get("h") or "")[:1].isupper() else None
    if year is None and ctx.dct is None:
        if reach is not None:
            return None
        if spec["day"]:
            return (typ, f"XXXX-{month:02d}-{spec['day']}" + (f"T{part}" if part else ""))
        return ("DATE", f"XXXX-{month:02d}")
    if year is not None:
        d = _day_in(spec, year)
    elif cycle:  # "Election Day": the one of the cycle the reference is in
        assert ctx.dct is not None
        tense = "past" if rel == "last" else "future" if rel == "next" else ctx.tense
        years = [y for y in range(ctx.dct.year - 2 * cycle, ctx.dct.year + 2 * cycle + 1) if y % cycle == offset]
        told_year = _told_past_year(ctx, rel)
        if told_year and told_year % cycle == offset:
            # "Campaigning against Romney in 2012, he said little. But soon after Election Day, ...":
            # a story told in a past election year
            d = _day_in(spec, told_year)
        else:
            d = _nearest([x for x in (_day_in(spec, y) for y in years) if x], ctx.dct, rel, tense, _CYCLE_LAG)
    else:
        assert ctx.dct is not None
        tense = "past" if rel == "last" else "future" if rel == "next" else ctx.tense
        this_year = _day_in(spec, ctx.dct.year)
        y = pick_year(month, this_year.day if this_year else 15, ctx.dct, tense)
        d = _day_in(spec, y)
    if d is None:
        return (typ, None)
    if reach is not None and year is None and (ctx.dct is None or not 0 <= (ctx.dct - d).days <= reach):
        return None  # "an election night press conference" in primary season: another vote's
    return (typ, iso(d) + (f"T{part}" if part else ""))


def _new_year(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    """ "the new year" (lowercase): the year about to begin, or, in the first half of one, the year
    just begun ("since the new year")."""
    if ctx.dct is None:
        return ("DATE", None)
    return ("DATE", f"{ctx.dct.year + (1 if ctx.dct.month >= 7 else 0):04d}")


_SPELLED = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "hundred": 0,
}


def _spelled_year(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    """ "nineteen ninety-six" -> 1996, "two thousand" -> 2000 (transcripts spell years out)."""
    g = m.groups
    c = (g.get("c") or "").lower()
    rest = sum(_SPELLED.get(w, 0) for w in re.split(r"[\s-]+", (g.get("rest") or "").lower()) if w)
    if c == "two thousand":
        return ("DATE", f"{2000 + rest:04d}")
    return ("DATE", f"{(19 if c == 'nineteen' else 20) * 100 + rest:04d}")


def _month_spelled_year(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    """ "January nineteen ninety-seven" (transcripts) -> 1997-01."""
    month = month_num(m.groups.get("month"))
    year = _spelled_year(m, ctx, text)[1]
    return ("DATE", f"{year}-{month:02d}" if month and year else None)


def _event_day(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    """ "9/11", "the Sept. 11 attacks": the fixed day of history the lexicon gives (`event_days`)."""
    return ("DATE", EVENT_DAYS.get(re.sub(r"\s+", " ", (m.groups.get("h") or "").lower())))


# the match kinds (timex_grammar) this module values
NAMED_KINDS = {
    "holiday": _holiday,
    "new_year": _new_year,
    "event_day": _event_day,
    "spelled_year": _spelled_year,
    "month_spelled_year": _month_spelled_year,
}
