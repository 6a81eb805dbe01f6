"""Values of durations and sets: "24 years" -> P24Y, "two and a half years" -> P2Y6M, "every
Tuesday" -> XXXX-WXX-2, "twice a week" -> P1W, "every morning" -> XXXX-XX-XXTMO, "weekends" ->
XXXX-WXX-WE, "every March 6" -> XXXX-03-06; "the days ahead" -> PXD and "the week ahead" (the coming
week). "a year" after a number of dollars is a rate, not a time of the story, and gets no timex.
Part of timex_normalize's rules.
"""

from __future__ import annotations

import re
from datetime import timedelta

from newsbrief.analyzers.timex_calendar import (
    NUMBERS,
    PARTS,
    TIME_UNITS,
    UNITS,
    VAGUE,
    WEEKDAYS,
    Context,
    lowered,
    month_num,
    parse_number,
    shift,
    unit_code,
    week_of,
)
from newsbrief.analyzers.timex_grammar import LEX, Match

SETS: dict[str, str] = LEX["sets"]


def _num_str(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def duration_value(n: float | None, unit: str) -> str | None:
    """P24Y, PT1H30M, P2Y6M (for 2.5 years), PXDE; None for a unit we cannot say."""
    if n is not None and (n <= 0 or n > 100000):
        return None
    if n is None:
        return {"H": "PTXH", "MIN": "PTXM", "S": "PTXS", "FN": "PXW"}.get(unit, f"PX{unit}")
    whole = float(n).is_integer()
    if unit == "DE":
        return f"P{_num_str(n * 10)}Y"
    if unit == "CE":
        return f"P{_num_str(n * 100)}Y"
    if unit == "ML":
        return f"P{_num_str(n * 1000)}Y"
    if unit == "FN":
        return f"P{_num_str(n * 2)}W"
    if unit == "WE":
        return f"P{_num_str(n)}WE"
    if unit in TIME_UNITS:
        if whole:
            return f"PT{int(n)}{'M' if unit == 'MIN' else unit}"
        if unit == "H":
            h, mins = int(n), round((n - int(n)) * 60)
            return f"PT{h}H{mins}M" if h else f"PT{mins}M"
        if unit == "MIN":
            mi, sec = int(n), round((n - int(n)) * 60)
            return f"PT{mi}M{sec}S" if mi else f"PT{sec}S"
        return f"PT{_num_str(n)}S"
    if whole:
        return f"P{int(n)}{unit}"
    if unit == "Y":
        months = round(n * 12)
        y, mo = divmod(months, 12)
        return f"P{y}Y{mo}M" if y and mo else f"P{y}Y" if y else f"P{mo}M"  # "2 1/2 years" -> P2Y6M
    if unit == "W":
        return f"P{_num_str(n * 7)}D"
    if unit == "D":
        return f"PT{_num_str(n * 24)}H"
    return f"P{_num_str(n)}{unit}"


_SET_BEFORE = re.compile(r"\b(?:once|twice|thrice|times|per|each|every)\s*$", re.I)

# "$500 million a year", "four flights a week", "24 hours a day", "an hour a day", "nearly one a
# day": a rate, not a time of the story (TimeBank leaves "24 hours a day", "four flights a week" out).
# A plural noun makes a rate only after a count ("three meals a day"): "it lasts a year", "as long as
# a month" are times.
_COUNT_WORDS = [w for w in NUMBERS if w not in ("a", "an", "half", "quarter")]
_AMOUNT_WORDS = sorted({*UNITS, *_COUNT_WORDS}, key=len, reverse=True)
_COUNT = r"(?:\d[\d,.]*|\b(?:" + "|".join(sorted(_COUNT_WORDS, key=len, reverse=True)) + r"|million|billion|of|many|several|few))"
_RATE_BEFORE = re.compile(
    r"(?:\d[\d,.]*%?|\b(?:million|billion|dollars?|cents?|percent|"
    + "|".join(_AMOUNT_WORDS)
    + r")"
    + r"|"
    + _COUNT
    + r"\s+(?:[a-z-]+\s+)?[a-z]+s)\s*$",
    re.I,
)
# "an hour a day", "24 hours per day": what comes after an amount of time when it is told per day
_PER_AFTER = re.compile(r"(?:\s+|-)(?:an?|per)[\s-]+(?P<per>hour|day|week|month|year)\b", re.I)
_HOURS = {"S": 1 / 3600, "MIN": 1 / 60, "H": 1, "D": 24, "W": 168, "M": 730, "Y": 8760}


def _whole_period(n: float | None, unit: str, per: str) -> bool:
    """ "24 hours a day", "seven days a week", "365 days a year": the whole period, i.e. always (an
    idiom TimeBank leaves out), not an amount of time."""
    whole, part = _HOURS.get(unit_code(per) or ""), _HOURS.get(unit)
    return bool(n and whole and part) and abs(n * part - whole) <= 0.01 * whole


def _duration(m: Match, ctx: Context, text: str) -> tuple[str, str | None] | None:
    g = m.groups
    unit = unit_code(g.get("unit"))
    if unit is None:
        return ("DURATION", None)
    if g.get("half") and not g.get("num"):
        n: float | None = 0.5
    else:
        n = parse_number(g.get("num"))
        if g.get("half") and n is not None:
            n += 0.5
    numtxt = (g.get("num") or "").lower()
    per = _PER_AFTER.match(text, m.end)
    if per and _whole_period(n, unit, per.group("per")):
        return None
    if numtxt in ("a", "an") and not g.get("the") and not g.get("approx") and not g.get("rel"):
        before = text[max(0, m.start - 30) : m.start]
        if _SET_BEFORE.search(before):
            return ("SET", duration_value(1, unit))
        rate = _RATE_BEFORE.search(before) and not re.search(r"\b(?:for|in|within|after|over|about|than|of)\s*$", before, re.I)
        if rate and not per:  # "works an hour a day": the amount, told per day, is no rate
            return None
    if n is None and numtxt and numtxt not in VAGUE and not numtxt.startswith(("a ", "one ")):
        return ("DURATION", None)
    return ("DURATION", duration_value(n, unit))


def _duration_adj(m: Match, ctx: Context, text: str) -> tuple[str, str | None] | None:
    g = m.groups
    unit = unit_code(g.get("unit"))
    n = parse_number(g.get("num"))
    if (g.get("num") or "").lower() in ("a", "an") and re.search(r"[\w\s]-$", text[max(0, m.start - 2) : m.start]):
        return None  # "six-days-a-week shifts": a rate told as one word, not "a week"
    if unit is None or n is None:
        return ("DURATION", None)
    return ("DURATION", duration_value(n, unit))


def _duration_bare(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    unit = unit_code(m.groups.get("unit"))
    rel = (m.groups.get("rel") or "").lower()
    if m.groups.get("past") or (rel == "previous" and not m.groups.get("the")):
        return ("DATE", "PAST_REF")  # "in years past", "in previous years": as "in past years" (TimeBank: PAST_REF)
    if rel in ("recent", "past", "coming") and not m.groups.get("the"):
        # "in recent years", "in coming months": an indefinite time before or after now (TimeBank
        # values these PAST_REF / FUTURE_REF more often than PXY)
        return ("DATE", "FUTURE_REF" if rel == "coming" else "PAST_REF")
    return ("DURATION", duration_value(None, unit) if unit else None)


def _set(m: Match, ctx: Context, text: str) -> tuple[str, str | None] | None:
    if lowered(m).startswith("per ") and _RATE_BEFORE.search(text[max(0, m.start - 30) : m.start]):
        return None  # "24 hours per day", "$9 per hour": a rate, as in set_every
    return ("SET", SETS.get(lowered(m)))


def _set_every(m: Match, ctx: Context, text: str) -> tuple[str, str | None] | None:
    g = m.groups
    if (g.get("every") or "").lower() == "per" and _RATE_BEFORE.search(text[max(0, m.start - 30) : m.start]):
        return None  # "15 million instructions per second", "$9 per hour": a rate, as "a year" in "$5 million a year"
    unit = unit_code(g.get("unit"))
    n = parse_number(g.get("num")) if g.get("num") else 1.0
    other = (g.get("other") or "").lower()
    if other in ("other", "second"):
        n = 2.0
    elif other:
        n = None
    if unit == "WE" and n == 1:
        return ("SET", "XXXX-WXX-WE")  # "every weekend": the set of weekends, as "every Sunday"
    return ("SET", duration_value(n, unit) if unit else None)


def _set_freq(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    """ "twice a week" -> P1W: the period is the value; TIMEX3 tells the count in freq (2X), which
    the model does not carry."""
    unit = unit_code(m.groups.get("unit"))
    if unit == "WE":
        return ("SET", "XXXX-WXX-WE")
    return ("SET", duration_value(1, unit) if unit else None)


def _set_every_part(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    part = PARTS.get((m.groups.get("part") or "").lower())
    return ("SET", f"XXXX-XX-XXT{part}" if part else None)


def _unit_ahead(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    """ "the week ahead": the coming week, valued as "the coming week" is (timex_relative)."""
    if ctx.dct is None:
        return ("DATE", None)
    code = {"week": "W", "month": "M", "year": "Y", "weekend": "WE"}[(m.groups.get("unit") or "").lower()]
    if code == "WE":  # from a weekday, the weekend ahead is this week's
        return ("DATE", f"{week_of(ctx.dct + timedelta(weeks=int(ctx.dct.weekday() >= 5)))}-WE")
    return ("DATE", shift(ctx.dct, 1, code, 1))


def _set_every_wd(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    wd = WEEKDAYS.get((g.get("wd") or "").lower().rstrip("."))
    part = PARTS.get((g.get("part") or "").lower())
    return ("SET", f"XXXX-WXX-{wd}" + (f"T{part}" if part else ""))


def _set_every_month(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    month = month_num(m.groups.get("month"))
    if not month:
        return ("SET", None)
    day = int(m.groups.get("day") or 0)
    return ("SET", f"XXXX-{month:02d}-{day:02d}" if day else f"XXXX-{month:02d}")


# "over recent weekends", "on consecutive weekends": some weekends, counted or placed, not every one
_SOME_BEFORE = re.compile(
    r"\b(?:recent|past|last|next|coming|previous|consecutive|successive|several|few|many|those|these|some)\s+$", re.I
)


def _set_wd_plural(m: Match, ctx: Context, text: str) -> tuple[str, str | None] | None:
    if m.groups.get("we"):
        if _SOME_BEFORE.search(text[max(0, m.start - 14) : m.start]):
            return None
        return ("SET", "XXXX-WXX-WE")  # "open on weekends": every weekend
    wd = WEEKDAYS.get((m.groups.get("wd") or "").lower().rstrip("s"))
    return ("SET", f"XXXX-WXX-{wd}" if wd else None)


# the match kinds (timex_grammar) this module values
DURATION_KINDS = {
    "duration": _duration,
    "duration_adj": _duration_adj,
    "duration_bare": _duration_bare,
    "set": _set,
    "set_every": _set_every,
    "set_every_wd": _set_every_wd,
    "set_every_month": _set_every_month,
    "set_wd_plural": _set_wd_plural,
    "set_freq": _set_freq,
    "set_every_part": _set_every_part,
    "unit_ahead": _unit_ahead,
}
