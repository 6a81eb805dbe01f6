"""Values of named days and spelled years: holidays ("Christmas", "Thanksgiving": a fixed day or the
nth weekday of a month, resources/timex/ `holidays`) and years said in words, as transcripts write
them ("nineteen ninety-six"). Part of timex_normalize's rules.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from newsbrief.analyzers.timex_calendar import WEEKDAYS, Context, iso, month_num, pick_year
from newsbrief.analyzers.timex_grammar import LEX, Match

HOLIDAYS: dict[str, str] = LEX["holidays"]


def _nth_weekday(y: int, month: int, wd: int, n: int | str) -> date | None:
    days = [d for d in range(1, calendar.monthrange(y, month)[1] + 1) if date(y, month, d).isoweekday() == wd]
    if n == "L":
        return date(y, month, days[-1])
    return date(y, month, days[int(n) - 1]) if len(days) >= int(n) else None


def _holiday(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    spec = HOLIDAYS.get(re.sub(r"\s+", " ", (g.get("h") or "").lower().replace("’", "'")))
    if spec is None:
        return ("DATE", None)
    parts = spec.split("-")
    month = int(parts[0])
    rel = (g.get("rel") or "").lower()
    if g.get("year"):
        year: int | None = int(g["year"])
    elif ctx.dct is None:
        year = None
    else:
        tense = "past" if rel == "last" else "future" if rel == "next" else ctx.tense
        year = pick_year(month, 15 if len(parts) > 2 else int(parts[1]), ctx.dct, tense)
    if len(parts) == 2:
        return ("DATE", f"{year:04d}-{spec}" if year else f"XXXX-{spec}")
    if year is None:
        return ("DATE", f"XXXX-{month:02d}")
    wd = WEEKDAYS[parts[1].lower()]
    d = _nth_weekday(year, month, wd, parts[2] if parts[2] == "L" else int(parts[2]))
    return ("DATE", iso(d) if d else None)


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


# the match kinds (timex_grammar) this module values
NAMED_KINDS = {
    "holiday": _holiday,
    "spelled_year": _spelled_year,
    "month_spelled_year": _month_spelled_year,
}
