"""The vocabulary, the reference context and the calendar arithmetic every value rule shares.

Split from timex_normalize so the rules for each kind of expression (timex_dates, timex_named,
timex_relative, timex_clock, timex_durations) read against one small base: the word tables of
resources/timex/, `Context` (what a value is resolved against), and date helpers that choose a
year the way a news text means it (`pick_year`: a past clause looks back, a future one ahead).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from newsbrief.analyzers.timex_grammar import LEX, Match

MONTHS: dict[str, int] = LEX["months"]
WEEKDAYS: dict[str, int] = LEX["weekdays"]
NUMBERS: dict[str, float] = LEX["numbers"]
ORDINALS: dict[str, int] = LEX["ordinals"]
UNITS: dict[str, str] = LEX["units"]
PARTS: dict[str, str] = LEX["parts_of_day"]
SEASONS: dict[str, str] = LEX["seasons"]
VAGUE = {v.lower() for v in LEX["vague_numbers"]}
COUNTED: dict[str, int] = LEX["counted_vague_numbers"]
TIME_UNITS = {"H", "MIN", "S"}
FUTURE_WEIGHT = 1.0


@dataclass
class Context:
    """What a value is resolved against: the reference date, the tense of the clause, and the last
    anchored date the text mentioned (for "that day", "a year earlier" after "the third quarter")."""

    dct: date | None
    tense: str | None = None  # "past", "present", "future" or None
    last: str | None = None  # the last DATE/TIME value with at least a year, in text order
    last_quarter: str | None = None
    last_day: str | None = None  # the last full date (YYYY-MM-DD) the text mentioned
    own_past: bool = False  # the span hangs by "in"/"on" from a verb in the past ("died in April"): its own time
    notes: list[str] = field(default_factory=list)


def iso(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def week_of(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def day_number(s: str | None) -> int | None:
    """The day in "18", "18th", "3rd" (None when there is no number)."""
    if not s:
        return None
    m = re.match(r"\d+", s)
    return int(m.group(0)) if m else None


def month_num(word: str | None) -> int | None:
    return MONTHS.get((word or "").lower().rstrip(".").strip()) if word else None


def parse_number(s: str | None) -> float | None:
    """ "twenty four" -> 24, "one and a half" -> 1.5, "5 1/2" -> 5.5, "a" -> 1; vague ("several") -> None.
    "and" joins words inside one number only ("one hundred and twenty", "two and a half"): "eight
    and six" is two numbers, not fourteen (None)."""
    if s is None:
        return None
    s = re.sub(r"\s+", " ", s.lower().strip().replace(",", ""))
    if s in COUNTED:
        return float(COUNTED[s])
    if s in VAGUE:
        return None
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?:\s+(\d)/(\d))?", s)
    if m:
        v = float(m.group(1))
        if m.group(2):
            v += int(m.group(2)) / max(1, int(m.group(3)))
        return v
    total = 0.0
    current = 0.0
    half = 0.0
    words = re.split(r"[\s-]+", s)
    for i, w in enumerate(words):
        if w == "and":
            after_scale = i > 0 and words[i - 1] in ("hundred", "thousand")
            before_half = [w for w in words[i + 1 : i + 3] if w not in ("a", "an")][:1] in (["half"], ["quarter"])
            if not (after_scale or before_half):
                return None
            continue
        if w in ("half", "quarter") and i > 0 and words[i - 1] in ("a", "an"):
            half = NUMBERS[w]
            current -= 1 if current >= 1 and (i < 2 or words[i - 2] == "and") else 0
            continue
        v = NUMBERS.get(w)
        if v is None:
            return None
        if v in (100, 1000):
            current = (current or 1) * v
            if v == 1000:
                total += current
                current = 0
        else:
            current += v
    return total + current + half or None


def shift(dct: date, n: float, unit: str, sign: int) -> str | None:
    """The date n units before (sign -1) or after (+1) the reference, at the unit's granularity."""
    years = n * {"Y": 1, "DE": 10, "CE": 100, "M": 1 / 12, "Q": 0.25, "W": 1 / 52, "FN": 1 / 26, "WE": 1 / 52, "D": 1 / 365}.get(
        unit, 0
    )
    if not 0 <= dct.year + sign * years <= 9999:
        return None  # "100001 years ago": before year 0 has no TIMEX3 value
    k = round(n)
    try:
        if unit in ("Y",):
            if not float(n).is_integer():
                y, m = add_months(dct.year, dct.month, sign * round(n * 12))
                return f"{y:04d}-{m:02d}"
            return f"{dct.year + sign * k:04d}"
        if unit == "DE":
            return f"{(dct.year + sign * k * 10) // 10:03d}"
        if unit == "CE":
            return f"{(dct.year + sign * k * 100) // 100:02d}"
        if unit == "M":
            y, m = add_months(dct.year, dct.month, sign * k)
            return f"{y:04d}-{m:02d}"
        if unit == "Q":
            y, m = add_months(dct.year, dct.month, sign * k * 3)
            return f"{y:04d}-Q{(m - 1) // 3 + 1}"
        if unit in ("W", "FN", "WE"):
            return week_of(dct + timedelta(weeks=sign * k * (2 if unit == "FN" else 1)))
        if unit == "D":
            return iso(dct + timedelta(days=sign * k))
        if unit in TIME_UNITS:
            return iso(dct)
    except (OverflowError, ValueError):
        return None
    return None


def pick_year(month: int, day: int | None, dct: date, tense: str | None) -> int:
    """The year of a year-less month (and day): the last one in a past clause, the next one in a
    future clause, else the nearest; compared as dates, never as times of day."""
    ref = (dct.month, dct.day if day is not None else 0)
    here = (month, day or 0)
    # a tense that would put a day more than ten months away is less likely than a wrong tense
    gap = abs((month - dct.month) * 30.5 + ((day or 15) - (dct.day if day is not None else 15)))
    ahead = (month - dct.month) % 12
    if tense == "past" and day is None and ahead == 1:
        # "said it would cut supplies in September" (in August): next month is rarely last year's
        return dct.year + (1 if month < dct.month else 0)
    if tense == "past" and (day is None or here <= ref or gap > 60):
        return dct.year if here <= ref else dct.year - 1
    if tense == "future" and (day is None or here >= ref or gap > 60):
        return dct.year if here >= ref else dct.year + 1
    # the nearest of the three candidate years
    best, best_gap = dct.year, None
    for y in (dct.year - 1, dct.year, dct.year + 1):
        d = safe_date(y, month, min(day or 15, calendar.monthrange(y, month)[1]))
        if d is None:
            continue
        gap = (d - dct).days
        gap = gap * FUTURE_WEIGHT if gap > 0 else -gap  # news looks back more often than ahead
        if best_gap is None or gap < best_gap or (gap == best_gap and d < dct):
            best, best_gap = y, gap
    return best


def year_of_word(s: str | None, dct: date | None) -> int | None:
    """A year from "1990", "this year", "last year", "next year", "the year"."""
    if not s:
        return None
    s = s.lower()
    m = re.search(r"\d{4}", s)
    if m:
        return int(m.group(0))
    if dct is None:
        return None
    if "last" in s or "ago" in s or "earlier" in s:
        return dct.year - 1
    if "next" in s:
        return dct.year + 1
    return dct.year


def lowered(m: Match) -> str:
    """A match's text lowercased, its spaces collapsed, as the word tables key it."""
    return re.sub(r"\s+", " ", m.text.lower())


def unit_code(word: str | None) -> str | None:
    """The TIMEX3 unit of a unit word ("years" -> Y, "fortnight" -> FN), resources/timex/ `units`."""
    return UNITS.get((word or "").lower())
