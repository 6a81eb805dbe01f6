"""Values of the calendar units a text names: a day, a month, a season, a quarter, a half, a
decade, a century, a year.

A named unit without its year takes one from the reference date and the tense of its clause
("January" in a past-tense sentence is the last one), so a value is never read off a parser's
guess at a time of day. Part of timex_normalize's rules (see there for the whole).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta

from newsbrief.analyzers.timex_calendar import (
    ORDINALS,
    SEASONS,
    Context,
    add_months,
    day_number,
    iso,
    lowered,
    month_num,
    parse_number,
    pick_year,
    quarter_of,
    safe_date,
    week_of,
    year_of_word,
)
from newsbrief.analyzers.timex_grammar import LEX, Match, alternation
from newsbrief.analyzers.timex_named import NAMED_KINDS
from newsbrief.analyzers.timex_relative import (
    ANAPHORIC_BACK,
    ANAPHORIC_ON,
    month_from_told,
    told_direction,
    told_months,
    told_past_year,
    told_time,
)

# months ahead (mod 12) up to which a month told in the present is the coming one: 10 leaves the two
# months just gone to the nearest ("sales are up from February", said in March)
_PRESENT_BACK = 10
_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)
# "this fiscal year, which ends Sept. 30", "the current school year that closes June 10": a present
# verb of a running period's end, in a relative clause of that period
_CURRENT_PERIOD_ENDS = re.compile(
    r"\b(?:this|the\s+current|the\s+present)\s+(?:[a-z]+\s+)?year,?\s+(?:which|that)\s+"
    + "(?:"
    + "|".join(LEX["present_period_end_verbs"])
    + r")\s+(?:on\s+|in\s+|through\s+)?$",
    re.IGNORECASE,
)
DECADE_SUFFIX = ""  # "the 1990s" -> 199, TimeML's form (TimeBank: 4 documents to 2 on the tuning part use it over 199X)


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


def date_for(month: int, day: int | None, year: int | None, ctx: Context) -> str | None:
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


def dated(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    """ "June 18", "18 June 2024": a month and day (and year); also what a clock time's date says."""
    g = m.groups
    month = month_num(g.get("month"))
    if month is None:
        return ("DATE", None)
    year = int(g["year"]) if g.get("year") else None
    if year is None and ctx.tense != "future" and _CURRENT_PERIOD_ENDS.search(text, max(0, m.start - 90), m.start):
        # "this fiscal year, which ends Sept. 30": the end of the period now running lies ahead
        ctx = replace(ctx, tense="future")
    day = day_number(g.get("day"))
    if year is None and day and ctx.tense == "past" and ctx.dct is not None and ctx.last_day:
        told = safe_date(int(ctx.last_day[:4]), int(ctx.last_day[5:7]), int(ctx.last_day[8:10]))
        then = safe_date(told.year, month, day) if told and told.year < ctx.dct.year else None
        if told and then and 0 < (then - told).days <= 183:
            # "a June 10, 2009, email ... Clinton delivered the speech on July 15": a past day
            # told just after a day of an earlier year falls in that year
            return ("DATE", iso(then))
    return ("DATE", date_for(month, day, year, ctx))


def _month_year(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    month = month_num(g.get("month"))
    year = int(g["year"]) if g.get("year") else short_year(g["yy"], ctx.dct)  # "March '09"
    return ("DATE", f"{year:04d}-{month:02d}" if month else None)


_RANGE_END = re.compile(
    r"\s*(?:to|through|until|till|and|or|-|–)\s+(?:(?:early|mid|late)[\s-]+)?(?P<month>[A-Za-z]{3,9})\.?"
    r"(?:\s+[0-3]?[0-9](?:st|nd|rd|th)?)?,?\s+(?P<year>[12][0-9]{3})\b"
)


def _range_year(month: int, m: Match, text: str) -> int | None:
    """ "from January to September 2012": the year told at the end of the range is the start's too."""
    mo = _RANGE_END.match(text, m.end)
    end_month = month_num(mo.group("month")) if mo else None
    if mo is None or end_month is None or end_month < month:
        return None
    return int(mo.group("year"))


def _month(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    month = month_num(g.get("month"))
    if month is None:
        return ("DATE", None)
    rel = (g.get("rel") or "").lower()
    rel2 = (g.get("rel2") or "").lower()
    if not rel and not rel2:
        told = _range_year(month, m, text)
        if told:
            return ("DATE", f"{told:04d}-{month:02d}")
    if rel2:
        y = year_of_word(rel2, ctx.dct)
        return ("DATE", f"{y:04d}-{month:02d}" if y else f"XXXX-{month:02d}")
    sign = told_direction(rel, ctx.tense, ctx)
    if sign:
        return ("DATE", f"{month_from_told(month, sign, ctx):04d}-{month:02d}")  # "the following July"
    rel = "last" if rel in ANAPHORIC_BACK else "next" if rel.startswith("the ") else rel
    that = _that_year(ctx, text, m) if not rel else None
    if that is not None:
        return ("DATE", f"{that:04d}-{month:02d}")  # "McGovern lost the state that November"
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
    elif told_year := told_past_year(ctx, text, m.start):
        y = told_year  # "In 2008, she won eleven contests in February"
    elif ctx.own_past:
        y = dct.year if month <= dct.month else dct.year - 1  # "died in April", said in March: last April
    elif _SINCE.search(text, max(0, m.start - 12), m.start):
        y = dct.year if month <= dct.month else dct.year - 1  # "has 79 cases since mid-December": back, whatever the tense
    elif ctx.tense == "present" and (month - dct.month) % 12 < _PRESENT_BACK:
        # "the election is in November", "needs to win in November": a month told in the present is
        # the coming one (this month included); only the last month or two are reports ("up from January")
        y = dct.year if month >= dct.month else dct.year + 1
    else:
        y = pick_year(month, None, dct, ctx.tense)
    return ("DATE", f"{y:04d}-{month:02d}")


_THAT_BEFORE = re.compile(r"\b(?P<that>[Tt]hat)\s+$")
_THAT_AFTER = re.compile(r"\s*(?:[,.;:!?)]|$)|\s+" + alternation(LEX["words_after_that_month"]) + r"\b")
_SENTENCE_OPEN = re.compile(r"(?:^|[.!?][\"”')]*\s+|\n)$")


def _that_year(ctx: Context, text: str, m: Match) -> int | None:
    """The year told before "that November", "that summer" (a determiner: "that" + month or season
    is the one of the year the text was telling); None for "said that November was cold", where
    "that" opens a clause (the month there is followed by its verb)."""
    before = text[max(0, m.start - 40) : m.start]
    got = _THAT_BEFORE.search(before)
    told = told_time(ctx)
    if got is None or told is None:
        return None
    opens = got["that"] == "That" and _SENTENCE_OPEN.search(before[: got.start("that")])
    if not opens and not _THAT_AFTER.match(text, m.end):
        return None
    return told.year


def _season_ordinal(y: int, month: int) -> int:
    """A season counted from year 0 (4 a year, SP SU FA WI): the winter is the year it began in."""
    months = LEX["season_months"].items()
    code = next((c for c, (a, b) in months if (a <= month <= b if a <= b else month >= a or month <= b)), "WI")
    return (y - 1 if code == "WI" and month <= 2 else y) * 4 + _SEASON_ORDER.index(code)


_SEASON_ORDER = ["SP", "SU", "FA", "WI"]


def _season_from_told(code: str, sign: int, ctx: Context) -> int | None:
    """The year of the first season `code` after (sign 1) or the last before (sign -1) the told time
    ("in May 2012 ... the following spring" is 2013-SP)."""
    told = told_time(ctx)
    if told is None:
        return None
    first, last = told_months(told)
    si = _SEASON_ORDER.index(code)
    if sign > 0:
        base = _season_ordinal(*last)
        return (base + ((si - base % 4) % 4 or 4)) // 4
    base = _season_ordinal(*first)
    return (base - ((base % 4 - si) % 4 or 4)) // 4


def _season_year(code: str, rel: str, dct: date, tense: str | None) -> int:
    """The year of a season named without one. Seasons run SP, SU, FA, WI within a "season year", the
    winter belonging to the year it began in (December): in February 1998, "last fall" is 1997-FA."""
    cur_year, ci = divmod(_season_ordinal(dct.year, dct.month), 4)
    si = _SEASON_ORDER.index(code)
    if rel in ("last", "past", "this past"):
        return cur_year if si < ci else cur_year - 1
    if rel in ("next", "coming", "this coming"):
        return cur_year if si > ci else cur_year + 1
    if rel == "this":
        # "this summer"/"this fall" stays in the calendar year told, whatever the tense ("until they
        # cast their votes this summer", said in April): never last year's; a future clause may move
        # a season already over to the next one ("will reopen this spring", said in October)
        if si == ci:
            return cur_year
        if code == "WI":
            # in spring "this winter" is mostly the one just over ("snow closed the pass this winter")
            return dct.year - 1 if dct.month <= 5 and tense != "future" else dct.year
        end = LEX["season_months"][code][1]
        return dct.year + (1 if tense == "future" and end < dct.month else 0)
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
    rel = (g.get("rel") or "").lower()
    sign = told_direction(f"the {rel}" if g.get("the") and rel else rel, ctx.tense, ctx)
    if sign:
        return ("DATE", f"{_season_from_told(code, sign, ctx):04d}-{code}")  # "the following spring"
    rel = "last" if rel in ANAPHORIC_BACK else "next" if rel in ANAPHORIC_ON else rel
    that = _that_year(ctx, text, m) if not rel and not g.get("the") else None
    if that is not None:
        told = told_time(ctx)
        winter_before = code == "WI" and told is not None and told.month is not None and told.month <= 2
        return ("DATE", f"{that - 1 if winter_before else that:04d}-{code}")  # "that summer"
    if ctx.dct is None:
        return ("DATE", None if rel else f"XXXX-{code}")
    told_year = None if rel else told_past_year(ctx, text, m.start)
    if told_year:
        return ("DATE", f"{told_year:04d}-{code}")  # "Clinton, in 1992, ... later in the summer"
    return ("DATE", f"{_season_year(code, rel, ctx.dct, ctx.tense):04d}-{code}")


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


_ENDED = re.compile(
    r"\s+end(?:ed|ing|s)\s+(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>[0-3]?[0-9])\b(?:,?\s+(?P<year>[12][0-9]{3})\b)?"
)


def _quarter_ended(m: Match, ctx: Context, text: str) -> str | None:
    """ "the quarter ended Sept. 30": the calendar quarter its last day falls in, in the latest year
    whose such day is not after the reference (or the year told)."""
    mo = _ENDED.match(text, m.end)
    month = month_num(mo.group("month")) if mo else None
    if mo is None or month is None:
        return None
    if mo.group("year"):
        year = int(mo.group("year"))
    elif ctx.dct is None:
        return None
    else:  # "ended June 30" lies behind; "ending June 30" may lie ahead
        ended = mo.group(0).lstrip().lower().startswith("ended")
        year = pick_year(month, int(mo.group("day")), ctx.dct, "past" if ended else ctx.tense)
    return f"{year:04d}-Q{(month - 1) // 3 + 1}"


def _quarter(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    low = lowered(m).replace("year-ago", "year_ago").replace("year-earlier", "year_earlier")
    # a quarter told before wins: a company's fiscal "first quarter" may end on Sept. 30
    if not ctx.last_quarter and not any(
        w in low for w in ("first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th", "year")
    ):
        ended = _quarter_ended(m, ctx, text)
        if ended:
            return ("DATE", ended)
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
    y = year_of_word(ystr, ctx.dct) if ystr else (ctx.dct.year if ctx.dct else None)
    if y is None:
        return ("DATE", f"XXXX-H{h}")
    if not ystr and ctx.dct and h == 2 and ctx.dct.month <= 6 and ctx.tense == "past":
        y -= 1
    return ("DATE", f"{y:04d}-H{h}")


def _nquarters(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    g = m.groups
    n = int(parse_number(g.get("num")) or 0)
    if (g.get("ord") or "").lower() == "first" and n == 2:
        y = year_of_word(g.get("year"), ctx.dct) if g.get("year") else (ctx.dct.year if ctx.dct else None)
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
    dec = (m.groups.get("dec") or "").lower().replace("0's", "0s").replace("0’s", "0s")  # "the 1990's"
    mo = re.match(r"(\d{3})0s", dec)
    if mo and re.fullmatch(r"1\d00s", dec):
        return ("DATE", dec[:2])  # "the 1800s": a century (18), not the decade 1800-1809; "the 2000s" is a decade
    if mo:
        return ("DATE", mo.group(1) + DECADE_SUFFIX)
    mo = re.match(r"['’](\d)0s", dec)
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
    n = ORDINALS.get(o) or day_number(o)
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


def short_year(yy: str, dct: date | None) -> int:
    """ "'08": the year of that name nearest the reference, up to ten years ahead ("'20" from 2016 is
    2020, "'58" is 1958); without a reference, 1950-2049."""
    n = int(yy[1:])
    if dct is None:
        return (1900 if n >= 50 else 2000) + n
    y = dct.year // 100 * 100 + n
    return y - 100 if y > dct.year + 10 else y


_WEEK_DAY = {"first": 4, "second": 11, "third": 18, "fourth": 25}  # the day a week of the month holds, as ISO weeks do


def _month_part(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    """ "the first week of March": the ISO week holding March 4 ("the last week": the month's last day
    but three); "the second half of February": the month, which TIMEX3 cannot halve."""
    g = m.groups
    month = month_num(g.get("month"))
    if month is None:
        return ("DATE", None)
    value = f"{int(g['year']):04d}-{month:02d}" if g.get("year") else _month(m, ctx, text)[1]
    if (g.get("unit") or "").lower() == "half" or not value or not value[:4].isdigit():
        return ("DATE", value)
    year = int(value[:4])
    day = _WEEK_DAY.get((g.get("ord") or "").lower()) or calendar.monthrange(year, month)[1] - 3
    return ("DATE", week_of(date(year, month, day)))


def _unit_by_holiday(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    """ "the week before Christmas": the ISO week seven days before it; "the day after Thanksgiving": the
    next day; "the weekend before Easter": the weekend of the week before; "Easter week": its own week."""
    got = NAMED_KINDS["holiday"](m, ctx, text)  # None: no holiday here ("election night" in primary season)
    mo = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", (got[1] if got else None) or "")
    d = safe_date(int(mo[1]), int(mo[2]), int(mo[3])) if mo else None
    if d is None:
        return ("DATE", None)
    direction = (m.groups.get("dir") or "").lower()
    sign = -1 if direction == "before" else 1 if direction else 0  # "Easter week": the holiday's own week
    unit = (m.groups.get("unit") or "").lower()
    if unit == "day":
        return ("DATE", iso(d + timedelta(days=sign)))
    return ("DATE", week_of(d + timedelta(days=7 * sign)) + ("-WE" if unit == "weekend" else ""))


_YEAR_BACK = ("the previous year", "the prior year", "the year before")
_YEAR_ON = ("the following year", "the next year", "the year after")


def _month_of_year(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    """ "January of last year" counts from the reference; "June of that year", "March of the following
    year" from the year the text was telling (from the reference when it told none)."""
    month = month_num(m.groups.get("month"))
    if month is None:
        return ("DATE", None)
    yw = re.sub(r"\s+", " ", (m.groups.get("yw") or "").lower())
    told = told_time(ctx)
    if yw.startswith(("this", "last", "next")) or told is None:
        base = year_of_word(yw, ctx.dct) if yw.startswith(("this", "last", "next")) else ctx.dct and ctx.dct.year
    else:
        base = told.year
    year = base + (-1 if yw in _YEAR_BACK else 1 if yw in _YEAR_ON else 0) if base else None
    return ("DATE", f"{year:04d}-{month:02d}" if year else f"XXXX-{month:02d}")


def _year_short(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    return ("DATE", f"{short_year(m.groups['yy'], ctx.dct):04d}")


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


def _week_of(m: Match, ctx: Context, text: str) -> tuple[str, str | None]:
    """ "the week of March 6" -> the ISO week of that day."""
    value = dated(m, ctx, text)[1]
    ok = value and value[:1].isdigit() and len(value) == 10
    d = safe_date(int(value[:4]), int(value[5:7]), int(value[8:10])) if ok else None
    return ("DATE", week_of(d) if d else None)


# the match kinds (timex_grammar) this module values
DATE_KINDS = {
    "iso": _iso,
    "slash": _slash,
    "date": dated,
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
    "year_short": _year_short,
    "month_of_year": _month_of_year,
    "month_part": _month_part,
    "unit_by_holiday": _unit_by_holiday,
    "year_period": _year_period,
    "year_of": _year_of,
    "week_of": _week_of,
}
