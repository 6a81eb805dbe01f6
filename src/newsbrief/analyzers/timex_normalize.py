"""What a time expression means: its TIMEX3 type and value against the reference date.

Rules, not a date parser, because the parsers get the direction wrong: "Tuesday" or "January" in
a past-tense sentence is the last one, in a future-tense sentence the next one, and a date is
compared as a date (the "evening of June 18" trap, where 18:00 after a midnight reference makes a
parser go back a year). With no reference date, relative expressions get no value (None) and
absolute ones still resolve; a year-less "June 18" is then XXXX-06-18. Nothing here raises on odd
input: a value that cannot be made is None.
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
REFS: dict[str, str] = LEX["references"]
SETS: dict[str, str] = LEX["sets"]
HOLIDAYS: dict[str, str] = LEX["holidays"]
CLOCKWORDS: dict[str, str] = LEX["clock_words"]
VAGUE = {v.lower() for v in LEX["vague_numbers"]}
COUNTED: dict[str, int] = LEX["counted_vague_numbers"]
TIME_UNITS = {"H", "MIN", "S"}
FUTURE_WEIGHT = 1.0
WEEKDAY_PART_IN_VALUE = False
DECADE_SUFFIX = ""  # "the 1990s" -> 199, TimeML's form (TimeBank: 4 documents to 2 on the tuning part use it over 199X)
CLOCK_FOLLOWS_TEXT = True  # "Friday night" -> 2024-06-14 (TempEval-3 practice), not 2024-06-14TNI


@dataclass
class Context:
    """What a value is resolved against: the reference date, the tense of the clause, and the last
    anchored date the text mentioned (for "that day", "a year earlier" after "the third quarter")."""

    dct: date | None
    tense: str | None = None  # "past", "present", "future" or None
    last: str | None = None  # the last DATE/TIME value with at least a year, in text order
    last_quarter: str | None = None
    last_day: str | None = None  # the last full date (YYYY-MM-DD) the text mentioned
    notes: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- small helpers


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


def _day(s: str | None) -> int | None:
    if not s:
        return None
    m = re.match(r"\d+", s)
    return int(m.group(0)) if m else None


def month_num(word: str | None) -> int | None:
    return MONTHS.get((word or "").lower().rstrip(".").strip()) if word else None


def parse_number(s: str | None) -> float | None:
    """ "twenty four" -> 24, "one and a half" -> 1.5, "5 1/2" -> 5.5, "a" -> 1; vague ("several") -> None."""
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


def weekday_date(wd: int, dct: date, tense: str | None, rel: str | None) -> date:
    """The date of a weekday named in a clause: the past one (today included) unless the clause is
    future; "last"/"next" move strictly away from the reference, "this" stays in its week."""
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
    if tense == "future":
        return dct + timedelta(days=delta if delta >= 0 else delta + 7)
    return dct + timedelta(days=delta if delta <= 0 else delta - 7)


def _nth_weekday(y: int, month: int, wd: int, n: int | str) -> date | None:
    days = [d for d in range(1, calendar.monthrange(y, month)[1] + 1) if date(y, month, d).isoweekday() == wd]
    if n == "L":
        return date(y, month, days[-1])
    return date(y, month, days[int(n) - 1]) if len(days) >= int(n) else None


def _year_word(s: str | None, dct: date | None) -> int | None:
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


def clock_value(s: str) -> tuple[int, int] | None:
    s = s.lower().strip()
    if s in CLOCKWORDS:
        h, m = CLOCKWORDS[s].split(":")
        return int(h), int(m)
    mo = re.match(r"(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?|am|pm|o'clock)?", s)
    if not mo:
        return None
    h, mi = int(mo.group(1)), int(mo.group(2) or 0)
    ap = (mo.group(3) or "").replace(".", "")
    if ap == "pm" and h < 12:
        h += 12
    if ap == "am" and h == 12:
        h = 0
    if h > 24 or mi > 59:
        return None
    return h, mi


# ---------------------------------------------------------------- the value of a match


def normalize(m: Match, ctx: Context, text: str = "") -> tuple[str, str | None] | None:
    """(type, value) of a match, or None when it is not a time expression after all."""
    fn = _KINDS.get(m.kind)
    if fn is None:
        return None
    try:
        return fn(m, ctx, text)
    except (ValueError, OverflowError, KeyError, IndexError, TypeError, ZeroDivisionError):
        return ("DATE", None)


def _low(m: Match) -> str:
    return re.sub(r"\s+", " ", m.text.lower())


def _iso(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    d = safe_date(int(g["y"]), int(g["m"]), int(g["d"]))
    if d is None:
        return ("DATE", None)
    if g.get("hh"):
        return ("TIME", f"{iso(d)}T{g['hh']}:{g['mm']}")
    return ("DATE", iso(d))


def _slash(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    y = int(g["y"])
    if y < 100:
        y += 1900 if y >= 50 else 2000
    d = safe_date(y, int(g["m"]), int(g["d"]))
    return ("DATE", iso(d) if d else None)


def _date_for(month: int, day: int | None, year: int | None, ctx: Context) -> str | None:
    """YYYY-MM-DD for a month and day; the year from the text, else from the reference and tense."""
    if day is not None and not (1 <= day <= calendar.monthrange(2000, month)[1]):
        return None  # "February 30", "June 31": no such day in any year (2000 is a leap year)
    if year is None:
        if ctx.dct is None:
            return f"XXXX-{month:02d}-{day:02d}" if day else f"XXXX-{month:02d}"
        year = pick_year(month, day, ctx.dct, ctx.tense)
    if day is None:
        return f"{year:04d}-{month:02d}"
    d = safe_date(year, month, day)
    return iso(d) if d else None


def _date(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    month = month_num(g.get("month"))
    if month is None:
        return ("DATE", None)
    year = int(g["year"]) if g.get("year") else None
    return ("DATE", _date_for(month, _day(g.get("day")), year, ctx))


def _part_of_date(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    part = PARTS.get((g.get("part") or "").lower())
    if g.get("month"):
        month = month_num(g["month"])
        day = _day(g.get("day"))
        base = _date_for(month, day, int(g["year"]) if g.get("year") else None, ctx) if month else None
    else:
        base = _weekday_base(g.get("wd"), g.get("rel"), ctx)
    return ("TIME", f"{base}T{part}" if base and part and len(base) == 10 else base)


def _weekday_base(wd_word: str | None, rel: str | None, ctx: Context) -> str | None:
    wd = WEEKDAYS.get((wd_word or "").lower().rstrip("."))
    if wd is None:
        return None
    rel = re.sub(r"\s+", " ", (rel or "").lower())
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


def _weekday(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    part_word = (g.get("part") or "").lower()
    wd = WEEKDAYS.get((g.get("wd") or "").lower().rstrip("."))
    if part_word.endswith("s") and part_word != "s":  # "Tuesday nights": a set
        part = PARTS.get(part_word.rstrip("s"))
        return ("SET", f"XXXX-WXX-{wd}T{part}" if part else f"XXXX-WXX-{wd}")
    base = _weekday_base(g.get("wd"), g.get("rel"), ctx)
    part = PARTS.get(part_word)
    if part:  # TempEval-3 types "Friday night" a DATE (12 to 2 on train) and mostly values it by the day
        return ("DATE", f"{base}T{part}" if base and WEEKDAY_PART_IN_VALUE else base)
    return ("DATE", base)


def _part_weekday(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    base = _weekday_base(g.get("wd"), None, ctx)
    part = PARTS.get((g.get("part") or "").lower())
    return ("TIME", f"{base}T{part}" if base and part and not base.startswith("XXXX") else base)


def _anchor_day(ctx: Context) -> date | None:
    """The last full date the text mentioned, for "that day", "that evening" (else the reference)."""
    if ctx.last and re.fullmatch(r"\d{4}-\d{2}-\d{2}", ctx.last[:10]):
        d = safe_date(int(ctx.last[:4]), int(ctx.last[5:7]), int(ctx.last[8:10]))
        if d:
            return d
    return ctx.dct


def _part_rel(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
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
    elif rel in ("that", "the", "one", "later that", "early", "late"):
        d = _anchor_day(ctx)
    else:
        d = ctx.dct
    return ("TIME", f"{iso(d)}T{part}" if d else None)


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


def _relday(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    w = re.sub(r"\s+", " ", (m.groups.get("w") or "").lower())
    if ctx.dct is None:
        return ("DATE", None)
    k = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2}.get(w, 0)
    return ("DATE", iso(ctx.dct + timedelta(days=k)))


# "<a date>, " right before "the day before/after <an event>": an apposition to that date
_APPOSITIVE_DAY = re.compile(r"\b[0-3]?[0-9](?:st|nd|rd|th)?(?:,\s+[12][0-9]{3})?,\s+$")


def _reldays_anaphor(m: Match, ctx: Context, text: str) -> tuple[str, str | None] | None:
    w = _low(m)
    if not (ctx.last and re.fullmatch(r"\d{4}-\d{2}-\d{2}", ctx.last[:10])):
        return None  # "trades made that day": no day told before it, so no day to count from (TimeBank: 0 of 4)
    d = _anchor_day(ctx)
    if d is None:
        return ("DATE", None)
    if _APPOSITIVE_DAY.search(text[max(0, m.start - 24) : m.start]) and re.match(r"\s+[\w$]", text[m.end : m.end + 3]):
        return ("DATE", iso(d))  # "Oct. 12, the day before the crash": the date just told, named again
    if "next" in w or "following" in w or "after" in w:
        d = d + timedelta(days=1)
    elif "previous" in w or "before" in w or "preceding" in w:
        d = d - timedelta(days=1)
    part = next((code for word, code in PARTS.items() if " " not in word and re.search(rf"\b{word}\b", w)), None)
    if part:  # "the next morning", "the previous night": a part of the day before or after the one told
        return ("TIME", f"{iso(d)}T{part}")
    return ("DATE", iso(d))


def _clock(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    hm = clock_value(g.get("clock") or "")
    if hm is None:
        return ("TIME", None)
    dayref = (g.get("dayref") or "").strip()
    day: str | None
    if dayref:
        sub = Match(0, len(dayref), "", {}, dayref)
        low = dayref.lower()
        if low in ("today", "yesterday", "tomorrow", "tonight"):
            day = _relday(Match(0, 0, "relday", {"w": "today" if low == "tonight" else low}, low), ctx, text)[1]
        elif low in ("this morning", "this afternoon", "this evening"):
            day = iso(ctx.dct) if ctx.dct else None
        elif low == "last night":
            day = iso(ctx.dct - timedelta(days=1)) if ctx.dct else None
        elif WEEKDAYS.get(low.rstrip(".")):
            day = _weekday_base(low, None, ctx)
        else:
            from newsbrief.analyzers.timex_grammar import find

            found = [x for x in find(dayref) if x.kind == "date"]
            day = _date(found[0], ctx, text)[1] if found else None
            del sub
    else:  # "at 10:35 a.m." belongs to the day the text was telling (else the reference day)
        anchor = _anchor_day(ctx) if CLOCK_FOLLOWS_TEXT else ctx.dct
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


def _month_year(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    month = month_num(g.get("month"))
    return ("DATE", f"{int(g['year']):04d}-{month:02d}" if month else None)


def _month(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    month = month_num(g.get("month"))
    if month is None:
        return ("DATE", None)
    rel = (g.get("rel") or "").lower()
    rel2 = (g.get("rel2") or "").lower()
    if rel2:
        y = _year_word(rel2, ctx.dct)
        return ("DATE", f"{y:04d}-{month:02d}" if y else f"XXXX-{month:02d}")
    if ctx.dct is None:
        return ("DATE", None if rel else f"XXXX-{month:02d}")  # "last January" needs the reference
    dct = ctx.dct
    if rel in ("last", "past", "this past"):
        y = dct.year if month < dct.month else dct.year - 1
        if rel == "last" and dct.month - month == 1:
            # "crashed last February" said in March: a year before, else it would be "last month"
            # ("last December" said in January stays the one just gone: December of last year)
            y -= 1
    elif rel in ("next", "coming", "this coming"):
        y = dct.year if month > dct.month else dct.year + 1
    elif rel in ("this", "earlier this", "later this"):
        y = dct.year
    else:
        y = pick_year(month, None, dct, ctx.tense)
    return ("DATE", f"{y:04d}-{month:02d}")


def _season_year(code: str, rel: str, dct: date, tense: str | None) -> int:
    """The year of a season named without one. Seasons run SP, SU, FA, WI within a "season year", the
    winter belonging to the year it began in (December): in February 1998, "last fall" is 1997-FA."""
    cur = next(
        (
            c
            for c, (a, b) in LEX["season_months"].items()
            if (a <= dct.month <= b if a <= b else dct.month >= a or dct.month <= b)
        ),
        "WI",
    )
    order = ["SP", "SU", "FA", "WI"]
    cur_year = dct.year - 1 if cur == "WI" and dct.month <= 2 else dct.year
    ci, si = order.index(cur), order.index(code)
    if rel in ("last", "past", "this past"):
        return cur_year if si < ci else cur_year - 1
    if rel in ("next", "coming", "this coming"):
        return cur_year if si > ci else cur_year + 1
    if tense == "past" and si > ci:
        return cur_year - 1
    if tense == "future" and si < ci:
        return cur_year + 1
    return cur_year


def _season(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    code = SEASONS.get((g.get("season") or "").lower())
    if code is None:
        return ("DATE", None)
    if g.get("year"):
        return ("DATE", f"{int(g['year']):04d}-{code}")
    if ctx.dct is None:
        return ("DATE", None if g.get("rel") else f"XXXX-{code}")
    return ("DATE", f"{_season_year(code, (g.get('rel') or '').lower(), ctx.dct, ctx.tense):04d}-{code}")


_QORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def _quarter_words(words: list[str], ctx: Context, explicit_year: int | None) -> str | None:
    dct = ctx.dct
    qn = next((_QORD[w] for w in words if w in _QORD), None)
    back = any(w in ("year-ago", "year-earlier", "ago", "earlier", "comparable", "corresponding") for w in words)
    back = back or ("last" in words and "year" in words)
    ahead = "next" in words and "year" in words
    if explicit_year is not None and qn is not None:
        return f"{explicit_year:04d}-Q{qn}"
    if dct is None:
        if qn is not None:
            return f"XXXX-Q{qn}" if explicit_year is None else f"{explicit_year:04d}-Q{qn}"
        return None
    cur = quarter_of(dct)
    if qn is None:
        y, q = dct.year, cur
        if any(w in ("current", "this") for w in words) and not back:
            pass
        elif "next" in words and not ahead:
            y, m = add_months(dct.year, dct.month, 3)
            q = (m - 1) // 3 + 1
        elif "final" in words or ("last" in words and explicit_year is not None):
            q = 4
        else:  # "the quarter", "the latest quarter", "last quarter": the one just reported
            if ctx.last_quarter and not any(w in ("latest", "last", "previous", "past") for w in words):
                y, q = int(ctx.last_quarter[:4]), int(ctx.last_quarter[-1])
            else:
                y, mo = add_months(dct.year, dct.month, -3)
                q = (mo - 1) // 3 + 1
        if explicit_year is not None:
            y = explicit_year
        elif back:
            y -= 1
        elif ahead:
            y += 1
        return f"{y:04d}-Q{q}"
    if back:
        base = dct.year - 1
    elif ahead:
        base = dct.year + 1
    elif qn <= cur - 2 and ctx.tense == "future":
        base = dct.year + 1  # "will grow in the first quarter" said in the fourth: next year's
    elif qn <= cur:
        base = dct.year  # a quarter of this year that has begun: reported or under way
    else:
        base = dct.year if ctx.tense == "future" else dct.year - 1
    return f"{base:04d}-Q{qn}"


def _quarter(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    low = _low(m).replace("year-ago", "year_ago").replace("year-earlier", "year_earlier")
    # "next year's first quarter": the possessive's year is the year
    words = [w.replace("_", "-").removesuffix("'s") for w in re.findall(r"[a-z0-9'_]+", low.replace("’", "'"))]
    years = re.findall(r"\b\d{4}\b", low)
    explicit = int(years[0]) if years else None
    if explicit is None and re.search(r"(this|last|next) year", low) and ctx.dct:
        explicit = None  # handled as back/ahead by the words
    return ("DATE", _quarter_words(words, ctx, explicit))


def _quarter_of(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    return _quarter(m, ctx, text)


def _half(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    ord_ = (g.get("ord") or "").lower()
    h = 1 if ord_ == "first" else 2
    ystr = (g.get("year") or "").lower()
    if "'" in ystr or "decade" in ystr:
        # "the last half of the '80s": TIMEX3 has no half-decade; the value is the decade's
        mo = re.search(r"'(\d)0s", ystr)
        if mo:
            century = _short_decade_century(int(mo.group(1)), ctx.dct)
            return ("DATE", f"{century}{mo.group(1)}{DECADE_SUFFIX}")
        return ("DATE", f"{ctx.dct.year // 10:03d}{DECADE_SUFFIX}" if ctx.dct and "decade" in ystr else None)
    y = _year_word(ystr, ctx.dct) if ystr else (ctx.dct.year if ctx.dct else None)
    if y is None:
        return ("DATE", f"XXXX-H{h}")
    if not ystr and ctx.dct and h == 2 and ctx.dct.month <= 6 and ctx.tense == "past":
        y -= 1
    return ("DATE", f"{y:04d}-H{h}")


def _nquarters(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    n = int(parse_number(g.get("num")) or 0)
    if (g.get("ord") or "").lower() == "first" and n == 2:
        y = _year_word(g.get("year"), ctx.dct) if g.get("year") else (ctx.dct.year if ctx.dct else None)
        return ("DATE", f"{y:04d}-H1" if y else "XXXX-H1")
    return ("DURATION", f"P{n}Q" if n else "PXQ")


_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


def _short_decade_century(digit: int, dct: date | None) -> str:
    """The century of "the '80s": the latest decade of that name that has begun by the reference."""
    if dct is None:
        return "19"
    cc = dct.year // 100
    return f"{cc if digit * 10 <= dct.year % 100 else cc - 1:02d}"


def _decade(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    dec = (m.groups.get("dec") or "").lower()
    mo = re.match(r"(\d{3})0s", dec)
    if mo:
        return ("DATE", mo.group(1) + DECADE_SUFFIX)
    mo = re.match(r"'(\d)0s", dec)
    if mo:
        century = _short_decade_century(int(mo.group(1)), ctx.dct)
        return ("DATE", f"{century}{mo.group(1)}{DECADE_SUFFIX}")
    for w, d in _DECADE_WORDS.items():
        if w in dec:
            century = "20" if dec.startswith("twenty") and not dec.startswith("twenties") else "19"
            return ("DATE", f"{century}{d}{DECADE_SUFFIX}")
    return ("DATE", None)


def _century(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    o = (m.groups.get("ord") or "").lower()
    n = ORDINALS.get(o) or _day(o)
    if not n or n > 30:
        return ("DATE", None)
    return ("DATE", f"{n - 1:02d}")


def _rel_century(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    if ctx.dct is None:
        return ("DATE", None)
    c = ctx.dct.year // 100
    rel = (m.groups.get("rel") or "").lower()
    if "last" in rel or "past" in rel or "previous" in rel:
        c -= 1
    elif "next" in rel:
        c += 1
    return ("DATE", f"{c:02d}")


def _year(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    y = int(m.groups["year"])
    return ("DATE", f"{y:04d}")


def _year_period(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    y = int(g["year"])
    what = (g.get("what") or "").lower()
    if what in ("period", "quarter"):
        if ctx.last_quarter:
            return ("DATE", f"{y:04d}-Q{ctx.last_quarter[-1]}")
        if ctx.dct:
            _, mo = add_months(ctx.dct.year, ctx.dct.month, -3)
            return ("DATE", f"{y:04d}-Q{(mo - 1) // 3 + 1}")
    return ("DATE", f"{y:04d}")


def _year_of(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    y = int(g["year"])
    code = SEASONS.get((g.get("what") or "").lower())
    return ("DATE", f"{y:04d}-{code}" if code else f"{y:04d}")


_COMPARED = re.compile(r"\bcompared\s+(?:with|to)\b[^.;]*$", re.I)


def _rel_unit(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    rel = re.sub(r"\s+", " ", (g.get("rel") or "").lower())
    unit = re.sub(r"\s+", " ", (g.get("unit") or "").lower())
    if rel in ("that", "the same"):
        return ("DATE", _anaphoric_unit(unit, ctx))
    if rel in ("the next", "the following", "the previous") and unit == "year" and ctx.tense == "past" and ctx.last:
        # a story told in the past: "the next year" is the year after the one it was telling
        y = _anaphoric_unit(unit, ctx)
        if y:
            return ("DATE", f"{int(y) + (-1 if rel == 'the previous' else 1):04d}")
    if ctx.dct is None:
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
    last = ctx.last
    if not last:
        return None
    if unit in ("year", "fiscal year") and re.match(r"\d{4}", last):
        return last[:4]
    if unit == "month" and re.match(r"\d{4}-\d{2}", last):
        return last[:7]
    if unit == "week" and re.match(r"\d{4}-\d{2}-\d{2}", last):
        d = safe_date(int(last[:4]), int(last[5:7]), int(last[8:10]))
        return week_of(d) if d else None
    return None


def _end_of_unit(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    rel = (g.get("rel") or "").lower()
    unit = (g.get("unit") or "").lower()
    if ctx.dct is None:
        return ("DATE", None)
    if rel in ("that",):
        return ("DATE", _anaphoric_unit(unit, ctx))
    sign = -1 if rel == "last" else 1 if rel == "next" else 0
    if unit == "day":
        return ("DATE", iso(ctx.dct + timedelta(days=sign)))
    code = {"week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE"}[unit]
    return ("DATE", shift(ctx.dct, abs(sign), code, sign or 1))


def _year_end(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    if ctx.dct is None:
        return ("DATE", None)
    if "month" in _low(m):
        return ("DATE", f"{ctx.dct.year:04d}-{ctx.dct.month:02d}")
    return ("DATE", f"{ctx.dct.year:04d}")


def _unit_code(word: str | None) -> str | None:
    return UNITS.get((word or "").lower())


def _ago(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    unit = _unit_code(g.get("unit"))
    numtxt = g.get("num")
    n = parse_number(numtxt)
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
    return ("DATE", shift(ctx.dct, n, unit, sign))


def _unit_ago(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    return ("DATE", "PAST_REF")


def _yearago_adj(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    unit = _unit_code(m.groups.get("unit"))
    if ctx.dct is None or unit is None:
        return ("DATE", None)
    if unit == "Y" and ctx.last_quarter:
        return ("DATE", f"{int(ctx.last_quarter[:4]) - 1:04d}-Q{ctx.last_quarter[-1]}")
    return ("DATE", shift(ctx.dct, 1, unit, -1))


_SET_BEFORE = re.compile(r"\b(?:once|twice|thrice|times|per|each|every)\s*$", re.I)
# "$500 million a year", "four flights a week", "24 hours a day": a rate, not a time of the story
_RATE_BEFORE = re.compile(r"(?:\d[\d,.]*%?|\b(?:million|billion|thousand|hundred|dollars?|cents?|percent|[a-z]+s))\s*$", re.I)


def _duration(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    unit = _unit_code(g.get("unit"))
    if unit is None:
        return ("DURATION", None)
    if g.get("half") and not g.get("num"):
        n: float | None = 0.5
    else:
        n = parse_number(g.get("num"))
        if g.get("half") and n is not None:
            n += 0.5
    numtxt = (g.get("num") or "").lower()
    if numtxt in ("a", "an") and not g.get("the") and not g.get("approx") and not g.get("rel"):
        before = text[max(0, m.start - 30) : m.start]
        if _SET_BEFORE.search(before):
            return ("SET", duration_value(1, unit))
        if _RATE_BEFORE.search(before) and not re.search(r"\b(?:for|in|within|after|over|about|than|of)\s*$", before, re.I):
            return None
    if n is None and numtxt and numtxt not in VAGUE and not numtxt.startswith(("a ", "one ")):
        return ("DURATION", None)
    return ("DURATION", duration_value(n, unit))


def _duration_adj(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    unit = _unit_code(g.get("unit"))
    n = parse_number(g.get("num"))
    if unit is None or n is None:
        return ("DURATION", None)
    return ("DURATION", duration_value(n, unit))


def _duration_bare(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    unit = _unit_code(m.groups.get("unit"))
    rel = (m.groups.get("rel") or "").lower()
    if rel in ("recent", "past", "coming") and not m.groups.get("the"):
        # "in recent years", "in coming months": an indefinite time before or after now (TimeBank
        # values these PAST_REF / FUTURE_REF more often than PXY)
        return ("DATE", "FUTURE_REF" if rel == "coming" else "PAST_REF")
    return ("DURATION", duration_value(None, unit) if unit else None)


def _weekend(dct: date | None, tense: str | None) -> str | None:
    """The weekend a text means: the coming one in a future clause, else the last one (or this one)."""
    if dct is None:
        return None
    if tense == "future" or dct.isoweekday() >= 6:
        return f"{week_of(dct)}-WE"
    return f"{week_of(dct - timedelta(days=7))}-WE"


def _the_unit(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    unit = (m.groups.get("unit") or "").lower()
    the = (m.groups.get("the") or "").lower()
    mod = (m.groups.get("mod") or "").lower()
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
    if ctx.dct is None:
        return ("DATE", None)
    if unit == "week" and the == "the" and not mod:
        # "for the week, the index fell": which week the text does not say; TimeBank writes 1989-WXX
        return ("DATE", f"{ctx.dct.year:04d}-WXX")
    return ("DATE", shift(ctx.dct, 0, {"week": "W", "month": "M"}[unit], 1))


def _week_of(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    """ "the week of March 6" -> the ISO week of that day."""
    value = _date(m, ctx, text)[1]
    ok = value and value[:1].isdigit() and len(value) == 10
    d = safe_date(int(value[:4]), int(value[5:7]), int(value[8:10])) if ok else None
    return ("DATE", week_of(d) if d else None)


def _one_day_future(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    return ("DATE", "FUTURE_REF")


def _set(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    return ("SET", SETS.get(_low(m)))


def _set_every(m: Match, ctx: Context, text: str) -> tuple[str, str | None] | None:
    g = m.groups
    if (g.get("every") or "").lower() == "per" and _RATE_BEFORE.search(text[max(0, m.start - 30) : m.start]):
        return None  # "15 million instructions per second", "$9 per hour": a rate, as "a year" in "$5 million a year"
    unit = _unit_code(g.get("unit"))
    n = parse_number(g.get("num")) if g.get("num") else 1.0
    other = (g.get("other") or "").lower()
    if other in ("other", "second"):
        n = 2.0
    elif other:
        n = None
    return ("SET", duration_value(n, unit) if unit else None)


def _set_every_wd(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    wd = WEEKDAYS.get((g.get("wd") or "").lower().rstrip("."))
    part = PARTS.get((g.get("part") or "").lower())
    return ("SET", f"XXXX-WXX-{wd}" + (f"T{part}" if part else ""))


def _set_every_month(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    month = month_num(m.groups.get("month"))
    return ("SET", f"XXXX-{month:02d}" if month else None)


def _set_wd_plural(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    wd = WEEKDAYS.get((m.groups.get("wd") or "").lower().rstrip("s"))
    return ("SET", f"XXXX-WXX-{wd}" if wd else None)


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


def _part_alone(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    part = PARTS.get(_low(m))
    d = _anchor_day(ctx)
    return ("TIME", f"{iso(d)}T{part}" if d and part else None)


def _ref(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    return ("DATE", REFS.get(_low(m)))


def _ref_more(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    low = _low(m)
    if any(w in low for w in ("coming", "future", "next")):
        return ("DATE", "FUTURE_REF")
    return ("DATE", "PAST_REF")


_KINDS = {
    "iso": _iso,
    "slash": _slash,
    "clock": _clock,
    "clock_after": _clock,
    "clock_morning": _clock_morning,
    "date": _date,
    "part_of_date": _part_of_date,
    "month_year": _month_year,
    "month": _month,
    "season": _season,
    "quarter": _quarter,
    "quarter_adj": _quarter,
    "quarter_of": _quarter_of,
    "half": _half,
    "nquarters": _nquarters,
    "decade": _decade,
    "century": _century,
    "rel_century": _rel_century,
    "year": _year,
    "year_period": _year_period,
    "year_of": _year_of,
    "weekday": _weekday,
    "part_weekday": _part_weekday,
    "part_rel": _part_rel,
    "part_rel2": _part_rel2,
    "tonight": _tonight,
    "relday": _relday,
    "reldays_anaphor": _reldays_anaphor,
    "rel_unit": _rel_unit,
    "end_of_unit": _end_of_unit,
    "year_end": _year_end,
    "ago": _ago,
    "unit_ago": _unit_ago,
    "yearago_adj": _yearago_adj,
    "duration": _duration,
    "duration_adj": _duration_adj,
    "duration_bare": _duration_bare,
    "the_unit": _the_unit,
    "set": _set,
    "week_of": _week_of,
    "one_day_future": _one_day_future,
    "soon_future": _one_day_future,
    "set_every": _set_every,
    "set_every_wd": _set_every_wd,
    "set_every_month": _set_every_month,
    "set_wd_plural": _set_wd_plural,
    "holiday": _holiday,
    "ref": _ref,
    "spelled_year": _spelled_year,
    "month_spelled_year": _month_spelled_year,
    "part_alone": _part_alone,
    "ref_more": _ref_more,
}


# ---------------------------------------------------------------- values as intervals of days

_SEASON_SPAN = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def interval(value: str | None, published: str | None = None) -> tuple[date, date] | None:
    """The first and last day a DATE/TIME value covers ("2024-06" -> June 1..30, "199" -> the
    1990s, PRESENT_REF -> the publication day); None for what has no place on a calendar."""
    if not value:
        return None
    try:
        if value == "PRESENT_REF":
            d = date.fromisoformat(published) if published else None
            return (d, d) if d else None
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", value)
        if m:
            d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return d, d
        m = re.fullmatch(r"(\d{4})-(\d{2})", value)
        if m:
            y, mo = int(m.group(1)), int(m.group(2))
            return date(y, mo, 1), _month_end(y, mo)
        m = re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value)
        if m:
            monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            if m.group(3):
                return monday + timedelta(days=5), monday + timedelta(days=6)
            return monday, monday + timedelta(days=6)
        m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
        if m:
            y, q = int(m.group(1)), int(m.group(2))
            return date(y, 3 * q - 2, 1), _month_end(y, 3 * q)
        m = re.fullmatch(r"(\d{4})-H([12])", value)
        if m:
            y, h = int(m.group(1)), int(m.group(2))
            return (date(y, 1, 1), date(y, 6, 30)) if h == 1 else (date(y, 7, 1), date(y, 12, 31))
        m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
        if m:
            y = int(m.group(1))
            a, b = _SEASON_SPAN[m.group(2)]
            end_y, end_m = (y + 1, b - 12) if b > 12 else (y, b)
            return date(y, a, 1), _month_end(end_y, end_m)
        if re.fullmatch(r"\d{4}", value):
            y = int(value)
            return date(y, 1, 1), date(y, 12, 31)
        if re.fullmatch(r"\d{3}X?", value):
            y = int(value[:3]) * 10
            return date(max(1, y), 1, 1), date(y + 9, 12, 31)
        if re.fullmatch(r"\d{2}", value):
            y = int(value) * 100
            return date(max(1, y), 1, 1), date(y + 99, 12, 31)
    except ValueError:
        return None
    return None


_BACKWARD = re.compile(r"\b(?:last|past|previous|preceding|recent|in|over|during|for|within)\s+$", re.IGNORECASE)
_FORWARD = re.compile(r"\b(?:next|coming|following|upcoming)\s+$", re.IGNORECASE)
_YMD = {"Y": 365.25, "M": 30.44, "W": 7, "D": 1}


def duration_days(value: str | None) -> float | None:
    """Days in a simple duration value (P24Y, P2D, P2Y6M); None for vague or clock durations."""
    m = re.fullmatch(r"P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?", value or "")
    if not m or not any(m.groups()):
        return None
    return sum(float(x) * _YMD[u] for x, u in zip(m.groups(), "YMWD") if x)


def anchored_interval(text: str, start: int, end: int, value: str | None, published: str | None) -> tuple[date, date] | None:
    """A duration that reaches back or forward from the publication date as an interval: "the last
    24 years" (published 2024-06-18) -> 2000-06-18 .. 2024-06-18; "the next two weeks" forward.
    None when the duration floats ("a two-day visit") or there is no publication date."""
    days = duration_days(value)
    if days is None or not published:
        return None
    try:
        pub = date.fromisoformat(published)
    except ValueError:
        return None
    words = text[start:end].lower()
    before = text[max(0, start - 30) : start]
    inside_back = re.match(r"(?:the\s+)?(?:last|past|previous|preceding)\b", words)
    inside_fwd = re.match(r"(?:the\s+)?(?:next|coming|following)\b", words)
    try:
        if inside_back or (
            not inside_fwd
            and _BACKWARD.search(before)
            and re.search(r"\bfirst\b|\bsince\b|\bin\s+$", text[max(0, start - 60) : start], re.I)
        ):
            return pub - timedelta(days=round(days)), pub
        if inside_fwd or _FORWARD.search(before):
            return pub, pub + timedelta(days=round(days))
    except OverflowError:
        return None
    return None
