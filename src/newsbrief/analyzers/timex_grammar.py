"""Where time expressions are: the TIMEX3 extent grammar, compiled from resources/timex/.

The patterns are data (patterns.json), their words too (lexicon.json); this module only builds
the regular expressions, finds every match, keeps the longest non-overlapping ones and drops the
readings that need context ("may" the verb, "fall" the verb, "a quarter of"). Extents follow the
TempEval-3 conventions: a leading "the" and "more than"/"nearly" belong to the expression, a
trailing possessive "'s" and "later" do not.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from newsbrief.resources import load_json

LEX: dict[str, Any] = load_json("timex/lexicon.json")
_PATTERNS: dict[str, Any] = load_json("timex/patterns.json")


@dataclass(frozen=True)
class Match:
    """One time expression found in a text: its extent, the pattern kind and the named parts."""

    start: int
    end: int
    kind: str
    groups: dict[str, str | None]
    text: str


_FULL_SHORT_NAMES = {"may", "june", "july"}  # whole names: a dot after them ends the sentence


def alternation(words: Any, dotted: bool = False) -> str:
    """A regex alternation of words (longest first), spaces matching any whitespace."""
    items = sorted(set(words), key=len, reverse=True)
    parts = []
    for w in items:
        # a typeset apostrophe is the same word ("New Year’s Eve", as most news sites print it)
        esc = re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]")
        abbreviation = dotted and len(w) <= 4 and w.lower() not in _FULL_SHORT_NAMES
        parts.append(esc + (r"(?:\.(?!\w))?" if abbreviation else ""))
    return "(?:" + "|".join(parts) + ")"


@cache
def _lists() -> dict[str, str]:
    refs = {k: v for k, v in LEX["references"].items() if k not in LEX["references_needing_context"]}
    return {
        "MONTH": alternation(LEX["months"], dotted=True),
        "WEEKDAY": alternation(LEX["weekdays"], dotted=True),
        "NUMWORD": alternation(LEX["numbers"]),
        "VAGUE": alternation(LEX["vague_numbers"]),
        "ORD": alternation(LEX["ordinals"]),
        "UNIT": alternation(LEX["units"]),
        "PART": alternation(LEX["parts_of_day"]),
        "SEASON": alternation(LEX["seasons"]),
        "TZ": alternation(LEX["time_zones"]),
        "CLOCKWORD": alternation(LEX["clock_words"]),
        "REF": alternation(refs),
        "SET": alternation(LEX["sets"]),
        "HOLIDAY": alternation(LEX["holidays"]),
        "EVENTDAY": alternation(LEX["event_days"]),
    }


def _expand(rx: str, names: dict[str, str]) -> str:
    for _ in range(6):  # fragments refer to fragments
        new = re.sub(r"\{([A-Z0-9]+)\}", lambda m: names.get(m.group(1), m.group(0)), rx)
        if new == rx:
            break
        rx = new
    return rx


_LIST_KEYS = {
    "MONTH": "months",
    "WEEKDAY": "weekdays",
    "UNIT": "units",
    "PART": "parts_of_day",
    "SEASON": "seasons",
    "SET": "sets",
    "HOLIDAY": "holidays",
    "REF": "references",
}


@cache
def word_anchors() -> dict[str, tuple[str, ...]]:
    """word -> the anchor keys it belongs to: lexicon lists ({MONTH}: the first word of each entry)
    and the word lists of patterns.json, looked up once per token of the text, no regex."""
    classes: dict[str, set[str]] = {
        k: {re.findall(r"[a-z]+|[0-9]+", w.lower())[0] for w in LEX[v]} for k, v in _LIST_KEYS.items()
    }
    for p in _PATTERNS["patterns"]:
        if isinstance(p["anchor"], list):
            classes[_anchor_key(p["anchor"])] = set(p["anchor"])
    out: dict[str, list[str]] = {}
    for key, words in classes.items():
        for w in words:
            out.setdefault(w, []).append(key)
    return {w: tuple(v) for w, v in out.items()}


def _anchor_key(anchor: list[str] | str) -> str:
    return "|".join(anchor) if isinstance(anchor, list) else anchor


@cache
def trims() -> dict[str, re.Pattern[str]]:
    """kind -> the leading words to leave out of the extent (see patterns.json, "trim")."""
    return {p["kind"]: re.compile(p["trim"], re.IGNORECASE) for p in _PATTERNS["patterns"] if p.get("trim")}


_ADJ_DURATION = re.compile(r"(?:a|an|the)\s+(?=\S)", re.IGNORECASE)


def _trim(m: Match) -> Match:
    """Leave out what TempEval-3 leaves out: "Earlier Friday" -> "Friday", "a five year low" -> "five year"."""
    rx = _TRIMS.get(m.kind)
    cut = 0
    if rx is not None:
        mo = rx.match(m.text)
        cut = mo.end() if mo and mo.end() < len(m.text) else 0
    elif m.kind == "duration" and m.groups.get("the") and (m.groups.get("unit") or "").lower() in _SINGULAR_UNITS:
        num = (m.groups.get("num") or "").lower()
        if num not in ("a", "an", "one", "1") and not m.groups.get("rel"):
            mo = _ADJ_DURATION.match(m.text)  # "a five year low": an adjective, the article belongs to the noun
            cut = mo.end() if mo else 0
    if not cut:
        return m
    return Match(m.start + cut, m.end, m.kind, m.groups, m.text[cut:])


_SINGULAR_UNITS = {"year", "month", "week", "day", "hour", "minute", "decade", "century", "quarter"}
_BEFORE_VERB_LAST = re.compile(r"\b(?:could|would|will|may|might|can|cannot|should|must|to|not|does|did|do|['’]ll)\s+$", re.I)


_THE_DAY_MONTH = re.compile(r"the\s+[0-9]", re.IGNORECASE)
_NOUN_AFTER = re.compile(
    r"[ \t]+(?!(?i:and|or|of|in|on|at|to|for|by|when|as|but|with|from|until|through|that|which|he|she|it|they|we|i|you"
    r"|his|her|its|their|our|my|the|a|an|this|there)\b)[A-Za-z]"
)


def _noun_article(m: Match, text: str) -> Match:
    """ "the 11 September attacks", "the 2 November election": the article is the noun's, the date is
    "11 September"; "on the 11 September, ..." keeps it."""
    if m.kind != "date" or not _THE_DAY_MONTH.match(m.text) or not _NOUN_AFTER.match(text, m.end):
        return m
    cut = len(m.text) - len(m.text[3:].lstrip())
    return Match(m.start + cut, m.end, m.kind, m.groups, m.text[cut:])


def _verb_last(m: Match, text: str) -> Match:
    """ "The trial could last four months": "last" is the verb; the expression is "four months"."""
    if m.kind != "duration" or (m.groups.get("rel") or "").lower() != "last" or not m.text.lower().startswith("last"):
        return m
    if not _BEFORE_VERB_LAST.search(text[max(0, m.start - 12) : m.start]):
        return m
    cut = re.match(r"last\s+", m.text, re.I)
    if not cut or cut.end() >= len(m.text):
        return m
    groups = {**m.groups, "rel": None}
    return Match(m.start + cut.end(), m.end, m.kind, groups, m.text[cut.end() :])


@cache
def compiled() -> list[tuple[str, re.Pattern[str], re.Pattern[str] | str]]:
    names = dict(_lists())
    for k, v in _PATTERNS["fragments"].items():
        names[k] = _expand(v, names)
    for k in list(names):
        names[k] = _expand(names[k], names)
    out = []
    for p in _PATTERNS["patterns"]:
        rx = _expand(p["rx"], names)
        # matched case-sensitively on the lowercased text (IGNORECASE is several times slower); the
        # patterns use no upper-case escapes (\S, \W, \D, \B), so lowercasing them keeps their meaning
        # an apostrophe right before is a contraction's or a height's ("5'10") only after a word character;
        # after a space or a quote it opens a quotation: "'Last year...'", NYT "''Today, ..." (TimeBank ``)
        full = re.compile(
            (r"(?<![\w$£€#])(?<![\w$£€#]['’])(?:" + rx + r")(?!\w|['’](?!s\b)\w|%)").lower().replace("(?p<", "(?P<")
        )
        # anchors are matched case-sensitively on the lowercased text: much faster than IGNORECASE
        word_list = re.fullmatch(r"\{([A-Z]+)\}", p["anchor"]) if isinstance(p["anchor"], str) else None
        if isinstance(p["anchor"], list):
            out.append((p["kind"], full, _anchor_key(p["anchor"])))
        elif word_list and word_list.group(1) in _LIST_KEYS:
            out.append((p["kind"], full, word_list.group(1)))
        else:
            out.append((p["kind"], full, re.compile(_expand(p["anchor"], names))))
    return out


_NEED_CAPITAL = set(LEX["month_words_needing_capital"])
_FRACTION_VERB = re.compile(r"\s+(?:" + alternation(LEX["verbs_after_a_fraction"]) + r")\b")
_WD_ABBR = set(LEX["weekday_abbreviations_needing_dot"])
_AMBIGUOUS_SEASON = {"fall", "spring"}


def _plausible(m: Match, text: str) -> bool:
    """Drop the readings that are not time: the verb "may", "sun", "a quarter of", "spring" water."""
    g = m.groups
    month = g.get("month")
    if month:
        word = month.rstrip(".")
        if word.lower() in _NEED_CAPITAL and not word[0].isupper():
            return False
        if word.lower() in ("may", "march") and m.kind == "month" and not (g.get("rel") or g.get("edge") or g.get("rel2")):
            before = text[max(0, m.start - 12) : m.start].lower()
            preps = r"in|of|since|until|by|from|through|to|early|late|mid|last|next|this|and|or|during|between"
            # "That was May.", "It is March,": the name after "it/that/this" and a copula, ending the clause
            # (the verb never does; "the winner was May." may be a person)
            told = re.search(r"\b(?:it|that|this)\s+(?:was|is)\s+$", before) and re.match(r"[.,;!?]", text[m.end : m.end + 1])
            if not (re.search(rf"\b(?:{preps})\s+$", before) or (told and word[0].isupper())):
                return False
            event = word == "March" and re.match(r"\s+(?:on|for|against)\s+(?:the\s+)?[A-Z]", text[m.end : m.end + 24])
            if event and not re.search(r"\b(?:in|since|until|by|from|through|during|early|late|mid|last|next|this)\s+$", before):
                return False  # "the Coalition ... and March on the Capitol": an event ("in March for Smith" is the month)
        short = len(word) <= 4 and word.lower() not in ("may", "june", "july") and not g.get("day") and not g.get("year")
        if short and not text[m.start : m.end + 1].rstrip().endswith(".") and "." not in month:
            return False  # "Jan Kavan", "Mar" without a dot and without a day or year
    wd = g.get("wd")
    # "Sun", "Wed" alone are words; before a month and its day ("Updated Tue March 3, 2009") a weekday
    dated_abbr = wd and wd[0].isupper() and g.get("month") and g.get("day")
    dated_abbr = dated_abbr and not re.search(r"\bthe\s+$", text[max(0, m.start - 5) : m.start], re.I)  # "the Sun"
    dotted = (wd[0].isupper() and text[m.end - 1 : m.end] == ".") or "." in wd if wd else False
    if wd and wd.lower().rstrip(".") in _WD_ABBR and not (dotted or dated_abbr):
        return False
    if wd and not wd[0].isupper():
        return False
    season = g.get("season")
    if season and season.lower() in _AMBIGUOUS_SEASON and not (g.get("rel") or g.get("edge") or g.get("year") or g.get("the")):
        before = text[max(0, m.start - 8) : m.start].lower()
        if not re.search(r"\b(in|during|by|until|since|this|last|next)\s+$", before):
            return False
    if season and g.get("the") and not g.get("year") and re.match(r"\s+of\s+(?![0-9])", text[m.end : m.end + 8]):
        return False
    after = text[m.end : m.end + 6]
    low = m.text.lower()
    if m.kind in ("duration", "quarter") and re.match(r"^(a|one|three)\s+quarter$", low) and re.match(r"\s+of\b", after):
        return False
    by_a_quarter = re.match(
        r"(?:(?:nearly|almost|roughly|about|around|over)\s+)?(?:a|one)\s+quarter\b(?!\s+of)", low
    ) and re.search(r"\bby\s+(?:(?:nearly|almost|roughly|about|around|over)\s+)?$", text[max(0, m.start - 12) : m.start])
    if m.kind in ("duration", "quarter") and by_a_quarter:
        return False  # "prices fell by a quarter": a fraction
    if m.kind in ("duration", "quarter") and re.search(r"\b(?:a|one)\s+quarter$", low) and _FRACTION_VERB.match(text, m.end):
        return False  # "More than a quarter have bought": a share of people, the subject of its verb
    if (
        m.kind == "duration"
        and g.get("unit", "")
        and g["unit"].lower() in ("second", "seconds")
        and (g.get("num") or "").lower() in ("a", "an")
    ):
        return False
    a_unit_of = m.kind == "duration" and re.match(r"\s+of\s", after) and (g.get("num") or "").lower() in ("a", "an")
    if a_unit_of and (g.get("unit") or "").lower() in ("quarter", "second"):
        return False  # "a day of protests" is a duration, "a quarter of", "a second of" are not
    if m.kind == "duration" and (g.get("num") or "").lower() in ("a", "an", "one") and _a_day_described(m, text):
        return False  # "in a year when voters ...", "it was a day of celebration": a day told of, not a length
    if m.kind == "quarter" and (g.get("q") or "").lower() == "period":
        mods = re.findall(r"[\w'-]+", low)[:-1]
        if not any(w not in ("the", "its", "a", "their", "this", "that") for w in mods):
            return False
    if (
        m.kind == "quarter"
        and low in ("a quarter", "quarter", "this quarter")
        and re.match(r"[\s-]+(of|century|mile|point|percent|pounder)\b", text[m.end : m.end + 12], re.I)
    ):
        return False
    fraction = re.fullmatch(r"(?:(?:a|one|the)[\s-]+)?quarter", low) and _FRACTION_AFTER.match(text, m.end)
    if m.kind in ("quarter", "duration", "duration_adj") and fraction:
        return False  # "just over a quarter, 26 percent, said", "the quarter of voters who": a share, not three months
    ordinal = re.search(r"\b(?:first|second|third|fourth|final|[1-4](?:st|nd|rd|th))\b", low)
    if m.kind == "quarter" and ordinal and not re.search(r"[0-9]{4}|year", low) and _game_quarter(m, text):
        return False  # "scored twice in the fourth quarter": a game's quarter
    if "quarter" in low and re.match(r"-point\b|[\s-]+[Pp]ounders?\b", text[m.end : m.end + 10]):
        return False  # "three quarter-point rate rises": a size of a rate step; a "Quarter Pounder"
    if re.fullmatch(r"(?:some|many|other|certain|several|all|most)\s+quarters|every\s+quarter", low) and re.search(
        r"\b(?:in|from|among)\s+$", text[max(0, m.start - 7) : m.start]
    ):
        return False  # "criticized in some quarters": by some people ("after several quarters of losses" is time)
    if low == "quarter" and re.search(r"\bno[\s-]+$", text[max(0, m.start - 4) : m.start], re.I):
        return False  # "a no-quarter fight", "gave no quarter": no mercy, not three months
    if low == "quarter" and re.search(r"\b(?:in|from|among)\s+every\s+$", text[max(0, m.start - 16) : m.start]):
        return False  # "welcomed in every quarter": everywhere (the shorter reading of "every quarter" too)
    fall = season and season.lower() == "fall" and not g.get("year")
    if fall and g.get("the"):
        before = text[max(0, m.start - 12) : m.start]
        rel = (g.get("rel") or "").lower()
        # "the following fall" is autumn; "warned that the fall could be short-lived": "that" names a
        # season only right before it ("that fall")
        if (rel not in ("following", "previous", "preceding", "prior") and not _SEASON_PREP.search(before)) or (
            not (rel or g.get("edge")) and re.search(r"\bthat\s+$", before, re.I)
        ):
            return False  # "the fall in prices", "took the fall": a decline or the blame, not autumn
    if fall and _DECLINE_AFTER.match(text, m.end):
        return False  # "this fall in prices", "the fall of the dollar": a decline ("last fall in Iowa" is autumn)
    if season and not g.get("year") and _NAME_OR_IDIOM_SEASON.search(text[max(0, m.start - 8) : m.end + 12]):
        return False  # "an Indian summer", "Spring Break", "the Winter Olympics"
    if m.kind in ("ref",) and low == "the past" and re.search(r"\bthing\s+of\s+$", text[max(0, m.start - 10) : m.start]):
        return False  # "a thing of the past": an idiom
    if m.kind in ("ref",) and low == "the future" and re.match(r"\s+of\b", after):
        return False  # "the future of the plant": its fate, not a time (TimeBank: 0 of 1)
    if m.kind == "the_unit" and low in _AWARD_UNITS and _AWARD_BEFORE.search(text[max(0, m.start - 24) : m.start]):
        return False  # "player of the year", "the flavor of the week": an award or an idiom
    if (g.get("unit") or "").lower().startswith("year") and re.search(
        r"\blight[\s-]*$", text[max(0, m.start - 7) : m.start], re.I
    ):
        return False  # "40 light years away": a distance
    if re.search(r"century$", low) and (
        _CRICKET_BEFORE.search(text[max(0, m.start - 14) : m.start]) or _CRICKET_AFTER.match(after + text[m.end + 6 : m.end + 24])
    ):
        return False  # "a 22-ball half-century", "his maiden Test century": runs in cricket
    if m.kind == "end_of_unit" and low == "the end of the day" and _IDIOM_AT.search(text[max(0, m.start - 9) : m.start]):
        return False  # "At the end of the day, ...": "in the end", not the evening
    if (
        m.kind == "holiday"
        and (g.get("h") or "").lower() == "new year"
        and re.search(r"\ba\s+$", text[max(0, m.start - 3) : m.start])
    ):
        return False  # "a new year in the Persian calendar": a year, not January 1
    if m.kind == "unit_by_holiday":  # "the week before Christmas": the holiday's own readings decide
        at = m.start + m.text.rfind(g.get("h") or "")
        return _plausible(Match(at, at + len(g.get("h") or ""), "holiday", {"h": g.get("h")}, g.get("h") or ""), text)
    if m.kind == "holiday" and re.sub(r"\s+", " ", (g.get("h") or "").lower()) in _US_HOLIDAYS and not _us_holiday(m, text):
        return False
    if (
        m.kind == "holiday"
        and (g.get("h") or "").lower().startswith("new")
        and _OTHER_NEW_YEAR.search(text[max(0, m.start - 16) : m.start])
    ):
        return False  # "Lunar New Year": not January 1
    if m.kind == "decade" and re.search(r"0['’]s$", g.get("dec") or "") and not (g.get("the") or g.get("edge")):
        return False  # "2010's record": a year's possessive; "the 1990's" is a decade
    if (
        m.kind == "decade"
        and not re.match(r"[0-9']", g.get("dec") or "")
        and _POSSESSIVE_BEFORE.search(text[max(0, m.start - 24) : m.start])
    ):
        return False  # "in their twenties", "in her early thirties": an age, not a decade
    if m.kind == "weekday" and not g.get("part") and _KIND_AFTER_WEEKDAY.match(text, m.end):
        return False  # "taught Sunday school": a kind of thing
    part_after = (
        re.match(r"[ \t]+(?:morning|afternoon|evening|night)\b", text[m.end : m.end + 12]) if m.kind == "weekday" else None
    )
    if (
        m.kind == "weekday"
        and _KIND_AFTER_PART.match(text, m.end + (part_after.end() if part_after else 0))
        and not _shows_verb(m, text)
    ):
        return False  # "a Saturday morning show": a kind of show (and no "Saturday" alone either)
    if (g.get("dir") or "").lower() == "back" and _SET_BACK.search(text[max(0, m.start - 30) : m.start]):
        return False  # "the strike set the project two years back": a delay, not a date
    if m.kind == "event_day" and not _event_day_ok(m, text):
        return False
    if m.kind == "holiday" and re.search(r"\bFather\s+$", text[max(0, m.start - 8) : m.start]):
        return False  # "Father Christmas": a figure
    if m.kind == "holiday" and (g.get("h") or "").startswith("good"):
        return False  # "a good Friday for the markets": a fine day, not the feast
    if (
        m.kind == "holiday"
        and not g.get("year")
        and re.match(r"[ \t]+(?:[0-9]{1,2}(?=[:'’\"”,.)!?]|$)|(?:II|III|IV)\b)", text[m.end : m.end + 6])
    ):
        return False  # "Independence Day 2": a film's sequel; "Super Tuesday II": another day
    if low == "overnight" and _KIND_AFTER_OVERNIGHT.match(text, m.end):
        return False  # "overnight millionaires", "an overnight stay": a manner or a kind, no night
    if (g.get("unit") or "").lower() == "second" and re.match(r"[\s-]+hand\b", text[m.end : m.end + 7]):
        return False  # "six second hand airplanes": used, not six seconds
    idiom = re.match(r"\s+and\s+(?:then|again)\b\s*(?:[,.;:!?)]|$)", text[m.end : m.end + 14])
    if m.kind == "ref" and low == "now" and (idiom or re.search(r"\bevery\s+$", text[max(0, m.start - 7) : m.start])):
        return False  # "every now and then": an idiom of frequency
    if (
        m.kind == "ref"
        and low == "the past"
        and re.match(
            r"\s+(?:[0-9]+|two|three|four|five|six|seven|eight|nine|ten|few|several)\s+(?!summers|winters|springs|autumns|falls)",
            text[m.end : m.end + 24],
            re.I,
        )
    ):
        return False  # "each of the past three seasons": a count of things, not the past as a time
    if m.kind == "clock" and not bare_clock_ok(m, text):
        return False
    if m.kind == "clock_morning" and re.search(r"[0-9][.:]$", text[max(0, m.start - 2) : m.start]):
        return False  # "9:26.53 in the morning": the seconds of a clock told before
    if m.kind.startswith("duration") and (
        re.match(r"(?:hundreds|thousands|millions|billions)\s+of\s", low) or _OF_MANY.search(text[max(0, m.start - 14) : m.start])
    ):
        return False  # "hundreds of years", "millions of years", "a matter of months": no measure told
    if m.kind == "half" and not g.get("year") and not _half_of_year(m, text):
        return False
    if m.kind == "ref" and low == "current" and not _current_is_time(m, text):
        return False
    if m.kind == "new_year" and re.search(r"\b(?:New|Year)\b", m.text):
        return False  # "celebrated the New Year": the holiday, January 1
    if m.kind == "year" and not _year_ok(m, text):
        return False
    if m.kind == "year_short" and (
        not _YEAR_SHORT_BEFORE.search(text[max(0, m.start - 12) : m.start])
        or re.match(r"[ \t]+[A-Z][\w ]{0,30}['’](?!\w)", text[m.end : m.end + 40])
    ):
        return False  # "in '08" is a year; "'24 Hours'" a title in quotes, opening on a number
    if m.kind == "month" and not (g.get("rel") or g.get("edge") or g.get("rel2")) and _month_as_name(m, text):
        return False
    if m.kind == "part_rel" and (g.get("rel") or "").lower() in ("the", "late", "early") and _KIND_AFTER_PART.match(text, m.end):
        return False  # "the night sky", "the morning sun", "the evening news": a thing of that time of day
    if m.kind == "part_rel" and (g.get("part") or "").lower() in ("dawn", "dusk") and re.match(r"\s+of\b", after):
        return False  # "the dawn of a new era": a beginning, not a time of day ("the dawn of June 18" is one match)
    if m.kind == "part_rel" and (g.get("rel") or "").lower() == "the" and _CLAUSE_START.match(text, m.end):
        return False  # "the night the flight went down": the time of an event the clause tells, no day of its own
    if not _measure_ok(m, text, low, after):
        return False
    if m.kind == "relday" and generic_today(text, m.start, m.end):
        return False
    if is_title(m, text):
        return False
    if m.kind == "duration_bare" and low == "years" and _KIND_BEFORE_YEARS.search(text[max(0, m.start - 14) : m.start]):
        return False  # "the 2005 model years", "the school years": years of a kind, no length
    if m.kind in ("duration_bare",) and low in ("days", "hours", "minutes", "the days", "the minutes"):
        # bare plurals without a modifier are durations only after a preposition or a verb of time
        before = text[max(0, m.start - 12) : m.start].lower()
        relative = _RELATIVE_AFTER.match(text, m.end) and not re.search(r"\b(?:the|first|final|early)\s+$", before)
        if not re.search(r"\b(for|in|within|over|after|took|take|takes|lasted|last|spent|spend|ago|than)\s+$", before) and not (
            relative and not m.groups.get("the")
        ):
            return False
    return True


# "Hours later", "days before the vote": an unsaid number of units (TimeBank: "several months before"); not
# "after", whose one bare case in TimeBank is valued as the date it reaches ("days after" -> 1998-10-XX)
_RELATIVE_AFTER = re.compile(r"\s+(?:later|before)\b", re.IGNORECASE)

_NAME_STOP = {w.lower() for w in (*LEX["months"], *LEX["weekdays"], *LEX["words_before_month_not_names"])}
_AFTER_SURNAME = re.compile(r"\s*(?:[,;:)]|\.(?!\w)|$)|[ \t]+(?:and|or|said|says|told|who|of|from)\b|[ \t]+[A-Z]")
_CLAUSE_HEAD = re.compile(r"(?:^|[.!?:;\"“(\n]\s*|,\s+|\b(?:and|or)\s+)$")


def _month_as_name(m: Match, text: str) -> bool:
    """A month as a person's first or last name: "Jill June, Lori Smith", "April Mellody said"; a word
    of time or a preposition before it ("Since June", "In June Smith said") keeps the month."""
    if not re.fullmatch(r"[A-Z][a-z]+", m.text) or _title_case_line(text, m.start):
        return False
    prev = re.search(r"(?<![\w'’.-])([A-Z][a-z]+)[ \t]$", text[max(0, m.start - 20) : m.start])
    if prev and prev.group(1).lower() not in _NAME_STOP and _AFTER_SURNAME.match(text, m.end):
        return True  # "Jill June, Lori Smith", "Jill June said": a capitalized first name right before
    nxt = re.match(r"[ \t]([A-Z][a-z]+)\b(?![ \t]*[0-9])", text[m.end : m.end + 24])
    return bool(
        nxt and nxt.group(1).lower() not in _NAME_STOP and _CLAUSE_HEAD.search(text[max(0, m.start - 6) : m.start])
    )  # "April Mellody said" at the head of a clause; not "in June Smith said"


_CRICKET_BEFORE = re.compile(r"(?:[0-9]+-ball|\b(?:maiden|Test|ODI|T20|unbeaten|double))\s+$")
_CRICKET_AFTER = re.compile(r"\s+(?:off|from|in)\s+[0-9]+\s+(?:balls|deliveries)\b")
_IDIOM_AT = re.compile(r"(?:^|[.!?:;\n]\s*|[\"“‘'(]\s*)At\s+$|\b(?:[Bb]ut|[Aa]nd|[Ss]o|[Yy]et|[Tt]hat)\s+at\s+$")
_SEASON_PREP = re.compile(
    r"\b(?:in|during|by|until|till|since|through|throughout|over|before|after|from|to|for|this|last|next|early|late|that)\s+$",
    re.I,
)
_NAME_OR_IDIOM_SEASON = re.compile(
    r"\bIndian\s+summer\b|\b(?:Spring|Summer|Fall|Autumn|Winter)\s+" + alternation(LEX["name_nouns_after_season"]) + r"\b"
)
_AWARD_UNITS = {"the year", "the month", "the week", "the day"}
_DECLINE_AFTER = re.compile(
    r"\s+(?:in|of)\s+(?:the\s+|its\s+|their\s+)?" + alternation(LEX["decline_nouns_after_fall"]) + r"\b", re.I
)
_AWARD_BEFORE = re.compile(r"\b" + alternation(LEX["award_nouns_before_of_the_year"]) + r"\s+of\s+$", re.I)
_EVENT_BEFORE_WEEKDAY = re.compile(r"\b" + alternation(LEX["event_names_before_weekday"]) + r"\s+$")
_KIND_AFTER_PART = re.compile(r"[ \t]+" + alternation(LEX["kind_nouns_after_part_of_day"]) + r"\b", re.I)
_KIND_AFTER_HOLIDAY = re.compile(r"[ \t]+" + alternation(LEX["kind_nouns_after_holiday"]) + r"\b", re.I)
_SET_BACK = re.compile(r"\b" + alternation(LEX["delay_verbs_before_back"]) + r"\b[^.;]*$", re.I)
_KIND_BEFORE_YEARS = re.compile(r"\b" + alternation(LEX["kind_words_before_years"]) + r"\s+$", re.I)
_KIND_AFTER_OVERNIGHT = re.compile(r"[ \t]+" + alternation(LEX["kind_nouns_after_overnight"]) + r"\b", re.I)
_POSSESSIVE_BEFORE = re.compile(r"\b(?:their|his|her|my|your|our|its)\s+(?:(?:early|mid|late)[\s-]*)?$", re.I)
_PARTICIPLE_BEFORE = re.compile(r"\b(?:[a-z]+ed|" + alternation(LEX["participles_before_weekday_verb"]) + r")\s+(?:on\s+)?$")
_SHOWS_VERB = re.compile(r"[ \t]+shows\s+(?:" + alternation(LEX["objects_after_shows_verb"]) + r"\b|[A-Z0-9$])")


def _shows_verb(m: Match, text: str) -> bool:
    """ "a poll released Sunday shows her ahead": after a participle, "shows" and its object is the verb
    of the sentence, not a programme, so the weekday stays ("the Sunday shows" are programmes)."""
    return bool(_SHOWS_VERB.match(text, m.end) and _PARTICIPLE_BEFORE.search(text[max(0, m.start - 30) : m.start]))


_WHEN_AFTER = re.compile(r"\s+" + alternation(LEX["relatives_after_a_day"]) + r"\b", re.I)
_LENGTH_BEFORE = re.compile(r"\b(?:after|for|over|within|during)\s+$", re.I)
_COPULA_BEFORE = re.compile(r"\b(?:is|was|were|are|be|been|being|'s|’s)\s+$", re.I)


def _a_day_described(m: Match, text: str) -> bool:
    """ "a year when voters cried out", "on a day when", "it was a day of celebration": a day or year
    described, no length (TIMEX3 has no DURATION there; TimeBank's "a week that saw" keeps "that" a
    length). "after a day of talks" stays a duration."""
    if (m.groups.get("unit") or "").lower() not in ("day", "night", "week", "month", "year", "morning", "evening"):
        return False
    if _WHEN_AFTER.match(text, m.end):
        return not _LENGTH_BEFORE.search(text[max(0, m.start - 12) : m.start])  # "after a week when talks failed"
    if (m.groups.get("unit") or "").lower() not in ("day", "night"):
        return False  # "it has been a year of hard work": the year past, a length as likely
    return bool(re.match(r"\s+of\s", text[m.end : m.end + 5]) and _COPULA_BEFORE.search(text[max(0, m.start - 12) : m.start]))


_KIND_AFTER_WEEKDAY = re.compile(r"[ \t]+" + alternation(LEX["kind_nouns_after_weekday"]) + r"\b", re.I)
_OTHER_NEW_YEAR = re.compile(r"\b" + alternation(LEX["new_year_other_calendars"]) + r"\s+$", re.I)
_NOT_US_BEFORE = re.compile(r"(?:['’]s|\b(?:its|their|your|our|his|her|my)|\b[A-Z][a-z]+(?:an|ese|ish|i))\s+$")


_EVENT_NOUN_AFTER = re.compile(r"\s+" + alternation(LEX["event_day_nouns"]) + r"\b", re.I)
_EVENT_NEEDS_NOUN = frozenset(LEX["event_days_needing_noun"])
_TITLE_WORD_BEFORE = re.compile(r"(?:^|[^.!?:;\"“\n\s])\s+[A-Z][a-z]+\s+$")


def _event_day_ok(m: Match, text: str) -> bool:
    """ "the 9/11 attacks", "since 9/11", "the Sept. 11 attacks": the day of history; a plain date
    ("on Sept. 11") only before a noun of the event; "Fahrenheit 9/11" (a capitalized word inside a
    sentence before it) is a title."""
    name = re.sub(r"\s+", " ", (m.groups.get("h") or "").lower())
    if name in _EVENT_NEEDS_NOUN:
        return bool(_EVENT_NOUN_AFTER.match(text, m.end))
    return not _TITLE_WORD_BEFORE.search(text[max(0, m.start - 30) : m.start])


_US_HOLIDAYS = frozenset(LEX["us_holidays"])
_SHARED_HOLIDAYS = frozenset(LEX["holidays_other_nations_have"])


def _us_holiday(m: Match, text: str) -> bool:
    """ "Independence Day" is July 4 (the lexicon's value), "Election Day" November's, only as the US
    days: capitalized, and not "Ukraine's Independence Day", "your Independence Day", "an
    independence day celebration in Estonia", "on election day" in a British story."""
    h = m.groups.get("h") or ""
    name = re.sub(r"\s+", " ", h.lower())
    # "on election night": maybe, after an election (timex_named knows the reference and decides)
    capital = h[:1].isupper() or name in LEX["us_holidays_lowercase_just_after"]
    if name not in _SHARED_HOLIDAYS:
        return capital  # "Trump's Super Tuesday wins": no other nation has one
    before = text[max(0, m.start - 30) : m.start]
    # "Barack Obama Election Day", "a designated day": a name inside a name is another day
    return capital and not _NOT_US_BEFORE.search(before) and not _TITLE_WORD_BEFORE.search(before)


_YEAR_SHORT_BEFORE = re.compile(
    r"\b(?:in|of|since|until|till|by|from|and|or|to|through|before|after|between|during|circa|class|summer|spring|fall"
    r"|autumn|winter|" + alternation(LEX["months"], dotted=True) + r")\s+$",
    re.IGNORECASE,
)
_OF_MANY = re.compile(r"\b(?:hundreds|thousands|millions|billions|matter)\s+of\s+$", re.I)
_CLOCK_PREP = re.compile(
    r"\b(?:at|by|until|till|before|after|around|about|from|to|since|between|approximately|roughly|and|or)\s+$", re.I
)


def bare_clock_ok(m: Match, text: str) -> bool:
    """ "at 10:35" is a time of day; a bare "5:17" is not when no preposition of time leads it:
    a verse ("2 Cor. 5:17"), a game clock ("with 16:43 left"), a race time."""
    if not re.fullmatch(r"[0-9]{1,2}:[0-9]{2}", m.text) or (m.groups.get("tz") or m.groups.get("dayref")):
        return True
    if re.match(r"\s+(?:left|remaining|to play|to go)\b", text[m.end : m.end + 12], re.I):
        return False
    return bool(_CLOCK_PREP.search(text[max(0, m.start - 16) : m.start]))


# "quarter" of "the quarter-finals" is a cup round, no word of business
_HALF_CUES = re.compile(r"(?:\b(?:" + "|".join(map(re.escape, LEX["half_year_cues"])) + r")\b(?![\s-]?final)|%)", re.I)


_FRACTION_AFTER = re.compile(
    r"[\s,]+(?:or\s+|about\s+|roughly\s+|nearly\s+)*[0-9]+(?:\.[0-9]+)?\s*(?:%|percent\b|per\s+cent\b)"
    r"|\s+of\s+(?!(?:the\s+|this\s+|last\s+|next\s+|its\s+|a\s+)?(?:year|fiscal|calendar|[0-9]{4}|century|[0-9]{2}\b))"
    r"|\s+(?:and|to|or)\s+(?:a|one|two)[\s-](?:third|half|fifth)s?\b|-century\b"
)
_GAME_CUES = re.compile(r"\b" + alternation(LEX["game_cues"]) + r"\b")


def _game_quarter(m: Match, text: str) -> bool:
    """ "scored twice well into the fourth quarter": a game's quarter, told by words of sport in the
    sentence and no word of business (which "the fourth quarter" of a year always has near it)."""
    start = max(text.rfind(". ", 0, m.start), text.rfind("\n", 0, m.start), m.start - 200) + 1
    ends = [i for i in (text.find(". ", m.end), text.find("\n", m.end)) if i >= 0]
    end = min([*ends, m.end + 200])
    return bool(_GAME_CUES.search(text[start:end])) and not _half_of_year(m, text)


def _half_of_year(m: Match, text: str) -> bool:
    """ "profit rose in the first half": a half of the year; "scored twice in the second half": a
    game's. Words of business or the economy in the sentence around it tell the first."""
    start = max(text.rfind(". ", 0, m.start), text.rfind("\n", 0, m.start), m.start - 200) + 1
    ends = [i for i in (text.find(". ", m.end), text.find("\n", m.end)) if i >= 0]
    end = min([*ends, m.end + 200])
    return bool(_HALF_CUES.search(text[start : m.start] + " " + text[m.end : end]))


_CURRENT_BEFORE = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in LEX["current_not_time"]["before"]) + r")\s+$", re.IGNORECASE
)
_CURRENT_AFTER = re.compile(
    r"[\s-]+(?:" + "|".join(re.escape(w) for w in LEX["current_not_time"]["after"]) + r")\b", re.IGNORECASE
)


def _current_is_time(m: Match, text: str) -> bool:
    """ "the current system" is now; "swept away by the current", "electric current" (the noun) and
    "the current account deficit" (bookkeeping) are not."""
    if _CURRENT_AFTER.match(text, m.end) or _CURRENT_BEFORE.search(text[max(0, m.start - 20) : m.start]):
        return False
    return not re.match(r"\s*(?:[.,;:!?)]|$|(?:of|in|and|was|is|carried|swept|flows?|runs?)\b)", text[m.end : m.end + 12])


# "today's world", "today's young people": our times, not the publication day
_GENERIC_TODAY = re.compile(
    r"['’]s\s+(?:[a-z]+\s+)?(?:" + "|".join(re.escape(w) for w in LEX["generic_today_nouns"]) + r")\b", re.IGNORECASE
)


# "the people of tomorrow", "the chips of today": the times to come or ours, not a day
_OF_GENERIC = re.compile(r"\bthe\s+[a-z]+(?:\s+[a-z]+)?\s+of\s+$", re.IGNORECASE)


def generic_today(text: str, start: int, end: int) -> bool:
    """ "today's world", "today's young people", "the people of tomorrow": "today"/"tomorrow" for our
    times or the times to come, not a day."""
    word = text[start:end].lower()
    if word == "tomorrow" and re.search(r"\b(?:a|an)\s+(?:\w+\s+)?$", text[max(0, start - 16) : start]):
        return True  # "a better tomorrow": the future as a hope, no day
    if word in ("today", "tomorrow") and _OF_GENERIC.search(text[max(0, start - 40) : start]):
        return not re.match(r"['’]s\b", text[end : end + 3])
    return word == "today" and bool(_GENERIC_TODAY.match(text, end))


_FRACTION_OF = re.compile(r"\s+of\s+(?!(?:the\s+|this\s+|last\s+|next\s+)?(?:year|fiscal|[0-9]{4}))", re.IGNORECASE)


def _measure_ok(m: Match, text: str, low: str, after: str) -> bool:
    """Quantities that use a time word without being time: "three-quarters of its food", "such quarters"
    (lodgings), "quarter-to-quarter", "average daily volume", "rise 8.5% annually" (a rate)."""
    unit = (m.groups.get("unit") or m.groups.get("q") or "").lower()
    if unit.startswith("quarter"):
        if m.kind == "duration_adj" and re.search(r"-quarters$", low):
            return False  # "about three-quarters support a ban": a fraction, written so
        if m.kind == "duration_adj" and _FRACTION_OF.match(after + text[m.end + 6 : m.end + 30]):
            return False
        if m.kind == "duration_bare" and not m.groups.get("rel"):
            return False
        if re.match(r"-to-", after) or re.search(r"-to-$", text[max(0, m.start - 4) : m.start]):
            return False
    if m.kind == "set" and low == "daily" and re.search(r"\baverage\s+$", text[max(0, m.start - 10) : m.start], re.I):
        return False
    # "rise 8.5% annually", "produce 10,000 units annually", "C$17.9 million annually": a rate of an
    # amount, as "$5 million a year" (TimeBank: 1 of 4 annotated on the tuning part, with no date value)
    rate = _AMOUNT_BEFORE.search(text[max(0, m.start - 30) : m.start])
    return not (m.kind == "set" and low in ("annually", "yearly") and rate)


_AMOUNT_BEFORE = re.compile(
    r"(?:[0-9]\s*(?:%|percent)|[0-9][\d,.]*(?:\s+(?:million|billion|thousand))?(?:\s+[a-z]+s)?)\s+$", re.IGNORECASE
)


_CLAUSE_START = re.compile(
    r"\s+(?:(?i:the|a|an|he|she|they|we|i|you|his|her|their|its|our|my)\s|[A-Z][\w'’-]*\s+(?:was|were|had)\s)"
)  # "the night the plane went down", "the night Lloyd was killed" (a name: "In the morning temperatures were" is no clause)
_TITLE_WORDS = re.compile(
    r"\b(?:Week|Month|Year|Years|Minutes|Hours|Days|Today|Tonight|Noon|Now|Century|Summer|Winter|Spring|Autumn|Fall"
    r"|Night|Season|Decade|Past|Future)\b"
)  # written lower-case in running text: capitalized, a title's or a name's ("Suddenly Last Summer", "20th Century Fox")


_DAY_NAMES = frozenset(w.lower().rstrip(".") for w in (*LEX["weekdays"], *LEX["months"], *LEX["time_zones"]))
_NAME_AFTER = re.compile(r"[ \t]+(?:" + "|".join(map(re.escape, LEX["name_nouns_after_time_word"])) + r")\b")
_NAME_BEFORE_ON = re.compile(r"\b(?:" + "|".join(map(re.escape, LEX["name_nouns_before_on_sunday"])) + r")\s+on\s+$")


def is_title(m: Match, text: str) -> bool:
    """A name that contains a time word: "This Week" (a TV show), "60 Minutes", "USA Today", "High Noon",
    "the Daily Mail", "the Sunday Times", "the Mail on Sunday"."""
    if m.text[:1].isupper() and _in_known_name(m, text):
        return True  # "a USA TODAY/Suffolk poll", "said on Fox News Sunday", "the Las Vegas Sun."
    if _caps_inside_name(m, text):
        return True  # "THE WEEKLY STANDARD" in a sentence written in lower case: a name in capitals
    if (
        m.text in ("Today", "Tonight")
        and not _CLAUSE_OPENS_BEFORE.search(text[max(0, m.start - 4) : m.start])
        and not _title_case_line(text, m.start)
    ):
        return True  # "appeared on Today", "told Today": capitalized inside a sentence, NBC's show
    if (
        m.text in ("Today", "Tonight")
        and re.search(r"\b[\w'’]+\s+[\"“]$", text[max(0, m.start - 24) : m.start])
        and re.match(r"[\"”]", text[m.end : m.end + 1])
    ):
        return True  # 'on NBC's "Today" show': a title in quotes inside a sentence ('he said: "Today," ...' keeps it)
    if m.text == "Sun." and re.search(r"\b[A-Z][a-z]+\s+$", text[max(0, m.start - 16) : m.start]):
        return True  # "the Baltimore Sun.": a paper ending the sentence, not Sunday
    if m.text.lower() == "noon" and re.search(r"\bhigh\s+$", text[max(0, m.start - 6) : m.start], re.I):
        return True
    after = re.match(r"[ \t]+([A-Z][a-z]+)\b", text[m.end : m.end + 16])
    if m.text in ("Midnight", "Noon") and after and after.group(1).lower() not in _DAY_NAMES:
        return True  # 'the "Midnight Crew"', "Midnight Oil": a capitalized clock word opening a name ("Midnight Friday" is time)
    if (
        m.text in ("daily", "weekly")
        and re.match(r"[ \t]+[A-Z]", text[m.end : m.end + 3])
        and re.search(r"\b[Tt]he\s+(?:[A-Za-z-]+\s+){0,3}$", text[max(0, m.start - 40) : m.start])
    ):
        return True  # "the Spanish daily El Pais", "the Communist Party daily Granma": a paper
    if m.text in ("Daily", "Weekly", "Monthly") and (
        re.search(r"\b[A-Z][\w.'’-]*\s+$", text[max(0, m.start - 20) : m.start])
        or re.match(r"[ \t]+[A-Z]", text[m.end : m.end + 3])
    ):
        return True  # "the Oklahoma Daily", "Engineering Weekly", "the Daily Kos": a paper's name
    if m.kind == "weekday" and m.text.endswith(".") and re.search(r"\b[Tt]he\s+$", text[max(0, m.start - 4) : m.start]):
        return True  # "told The Sun.": a paper, not "Sun." for Sunday
    if m.kind == "holiday" and (
        re.search(r"&\s*$", text[max(0, m.start - 3) : m.start]) or _KIND_AFTER_HOLIDAY.match(text, m.end)
    ):
        return True  # "Challenger, Gray & Christmas": a firm; "Christmas lights", "a Christmas comedy": a kind
    last = m.text.split()[-1] if m.text.split() else ""
    if last[:1].isupper() and not m.text.isupper() and _NAME_AFTER.match(text, m.end):
        return True  # "the Daily Mail", "the Evening Standard", "Monday Night Football"
    part = m.groups.get("part") or ""
    if m.kind == "weekday" and part[:1].isupper() and re.match(r"[ \t]+[A-Z][a-z]", text[m.end : m.end + 4]):
        return True  # "Friday Night Lights", "Monday Night Raw": a capitalized part of the day inside a name
    district = re.search(r"\b([A-Z][a-z]+)\s+$", text[max(0, m.start - 20) : m.start])
    if district and (m.text.startswith("Quarter") or (m.text == "quarter" and district.group(1).lower() not in _NAME_STOP)):
        return (
            True  # "the Latin Quarter", "(Literary Quarter)", "the Armenian quarter": a district ("the December quarter" is time)
        )
    event = _EVENT_BEFORE_WEEKDAY.search(text, max(0, m.start - 16), m.start) if m.kind == "weekday" else None
    if event and not re.search(r"\b(?!The\b)[A-Z][a-z]+\s+$", text[max(0, event.start() - 16) : event.start()]):
        return True  # "Bloody Sunday", "Black Monday": an event's name, not a day near the reference
    if m.text == "Sunday" and _NAME_BEFORE_ON.search(text[max(0, m.start - 20) : m.start]):
        return True  # "the Mail on Sunday", "the Independent on Sunday"
    if (
        m.kind == "duration_bare"
        and m.text[:1].isupper()
        and not re.search(r"(?:^|[.!?:;\"“(]\s*)$", text[max(0, m.start - 3) : m.start])
    ):
        return True  # "50 Years of Motown": a capitalized bare plural inside a title, not "years"
    if (
        re.search(r"\b[A-Z]", m.text)
        and _OPEN_QUOTE_BEFORE.search(text[max(0, m.start - 12) : m.start])
        and _CLOSE_QUOTE_AFTER.match(text, m.end)
    ):
        return True  # "the ''Today'' show", "on 'Today.'", "'13 Hours' is a film": a quoted title, mid-sentence
    word = _TITLE_WORDS.search(m.text)
    if not word or m.text.isupper() or m.kind == "holiday" or _title_case_line(text, m.start):
        # a holiday's capitals are its own name ("New Year's Eve"), not a show's or a paper's; in a
        # headline written in title case ("Heavy Snow Expected This Winter") every word has them
        return False
    if m.kind == "century":
        return bool(re.match(r"[ \t]+[A-Z]", text[m.end : m.end + 3]))  # "20th Century Fox"; "21st Century music" is time
    if (
        m.kind == "season"
        and re.fullmatch(r"the\s+(?:Spring|Summer|Autumn|Winter)", m.text)
        and re.search(r"\b(?:in|during|by|until|since|through|over|before|after|from)\s+$", text[max(0, m.start - 8) : m.start])
        and not re.match(r"[ \t]+[A-Z]", text[m.end : m.end + 3])
    ):
        return False  # British style capitalizes seasons: "an election in the Autumn" ("in the Summer Palace" is a name)
    if word.start() > 0:
        return True  # a capitalized time noun after the expression's first word: "This Week", "60 Minutes"
    before = text[max(0, m.start - 20) : m.start]
    return bool(re.search(r"(?:\b[A-Z][A-Za-z]+|\bhigh)\s+$", before))  # "VOA Today", "High Noon", "high noon"


# an opening quote mid-sentence (not after a sentence's end or a colon: '"Next week," he said' is an answer)
_OPEN_QUOTE_BEFORE = re.compile(r"(?<![.!?:;\n])(?<![.!?:;\n]\s)(?:\s|^)(?:''|``|[\"“'‘’])$")
_CLOSE_QUOTE_AFTER = re.compile(r"[.,!?]?(?:''|[\"”'’])(?!\w)")

_KNOWN_NAMES = re.compile(alternation(LEX["names_holding_time_words"]), re.IGNORECASE)
_CLAUSE_OPENS_BEFORE = re.compile(r"(?:^|[.!?:;\"“”'‘’`(\[\n—–-]\s*)$")


def _in_known_name(m: Match, text: str) -> bool:
    """Whether the match lies inside a paper's or a show's name of the lexicon ("USA TODAY", "Fox News Sunday")."""
    lo = max(0, m.start - 30)
    return any(n.start() <= m.start and m.end <= n.end() for n in _KNOWN_NAMES.finditer(text, lo, min(len(text), m.end + 30)))


def _caps_inside_name(m: Match, text: str) -> bool:
    """ "THE WEEKLY STANDARD", "USA TODAY/Marist": a time word in capitals beside another word in capitals,
    in a line mostly in lower case, is part of a name (a headline in capitals keeps its times)."""
    if not (m.text.isupper() and sum(c.isalpha() for c in m.text) >= 3):
        return False
    before = re.search(r"\b([A-Z]{2,})[ \t]+$", text[max(0, m.start - 16) : m.start])
    after = re.match(r"[ \t/]+([A-Z]{2,})\b", text[m.end : m.end + 16])
    if not (before or after):
        return False
    start = text.rfind("\n", 0, m.start) + 1
    end = text.find("\n", m.end)
    words = re.findall(r"[A-Za-z]{3,}", text[start : end if end >= 0 else len(text)])
    return sum(w.isupper() for w in words) * 2 < len(words)


def _title_case_line(text: str, at: int) -> bool:
    """Whether the line holding `at` is a headline in title case: most of its longer words capitalized."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text[start : end if end >= 0 else len(text)]) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


_COUNTED_AFTER = re.compile(
    r"\s+(?:years\b|(?:(?!(?:after|before|in|on|at|for|with|when|as|and|or|to|from|by|of|the|a|an|budget|that|which)\b)"
    r"[a-z]+\s+)?(?:people|troops|soldiers|men|women|workers|units|jobs|tons|tonnes|miles|km|kilometers|meters|feet|shares"
    r"|cars|cases|times|members|dollars|euros|pounds|rubles)\b)"
)


def _year_ok(m: Match, text: str) -> bool:
    """A four-digit number is a year unless it reads as an amount ("$1990", "1,500 troops", "2000 people");
    "1983-84" is no year of its own; "in 1983 -- when" (a dash) and "2001-2010" (two years) are."""
    y = int(m.groups["year"] or 0)
    before = text[max(0, m.start - 12) : m.start]
    after = text[m.end : m.end + 14]
    amount_before = re.search(r"[$£€#]\s*$|\bNo\.\s*$|\bnumber\s+$", before) or _LABEL_BEFORE.search(before)
    # "12%", "1983-84", "1999.5", "2015:30" (a ratio or a clock); "in 1984 - sold" (a spaced dash) and
    # "in 2016: Republicans" stay years
    if amount_before or re.match(r"\s*(?:%|percent|per cent|\.[0-9]|:[0-9])|\+|-(?!-|[12][0-9]{3}\b)", after):
        return False
    if m.groups.get("edge") or m.groups.get("ordelse"):
        return True
    if _COUNTED_AFTER.match(text, m.end):
        return False  # "2000 people", "1,500 new troops"; not "in 2010 after members auditioned"
    if re.match(r"\s+(?:won\b(?!['’]t)|yen\b|yuan\b)", after):
        return False  # "2000 won", a sum (the currency right after the number only: "2016 budget won" is a year)
    if 1900 <= y <= 2099:
        return True
    if re.search(r"\bthe\s+$", before, re.I) and _OLD_YEAR_EVENT.match(text, m.end):
        return True  # "the 1828 presidential race", "the 1848 revolution"
    return bool(
        re.search(
            r"\b(in|since|from|by|until|till|before|after|between|circa|around|year|early|late|mid|during)\s+$",
            before,
            re.I,
        )
    )


_OLD_YEAR_EVENT = re.compile(r"\s+" + alternation(LEX["event_words_after_old_year"]) + r"\b", re.I)
_LABEL_BEFORE = re.compile(r"(?<![\w.])" + alternation(LEX["labels_before_numbers"]) + r"\s*$")
_WORD = re.compile(r"[a-z]+")
_TRIMS = trims()
_BEFORE, _AFTER = 50, 40  # characters a pattern may extend before and after its anchor


def _windows(text: str, anchors: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of text around the anchors of a pattern, merged, ending at whitespace."""
    out: list[list[int]] = []
    n = len(text)
    for a_start, a_end in anchors:
        s = max(0, a_start - _BEFORE)
        e = min(n, a_end + _AFTER)
        while e < n and not text[e].isspace():
            e += 1
        while s > 0 and not text[s - 1].isspace():
            s -= 1
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def find(text: str) -> list[Match]:
    """Every time expression of the grammar in `text`: the longest, then the earliest pattern, wins."""
    cands: list[tuple[int, int, int, Match]] = []
    low = text.lower()
    if len(low) != len(text):  # a few characters change length when lowercased: keep offsets
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    anchors = word_anchors()
    by_class: dict[str, list[tuple[int, int]]] = {}
    for mo in _WORD.finditer(low):
        for k in anchors.get(mo.group(), ()):
            by_class.setdefault(k, []).append(mo.span())
    windows: dict[str, list[tuple[int, int]]] = {k: _windows(low, v) for k, v in by_class.items()}
    for prio, (kind, rx, anchor) in enumerate(compiled()):
        key = anchor if isinstance(anchor, str) else anchor.pattern
        if isinstance(anchor, str) and key not in windows:
            continue  # a word anchor that does not occur
        if key not in windows:
            windows[key] = _windows(low, [mo.span() for mo in anchor.finditer(low)])  # type: ignore[union-attr]
        for mo in (mo for ws, we in windows[key] for mo in rx.finditer(low, ws, we)):
            s, e = mo.span()
            # a trailing abbreviation dot that ends the sentence stays with the sentence
            while e > s and text[e - 1] in " \t\n,":
                e -= 1
            if e <= s:
                continue
            groups = {k: (text[a:b] if a >= 0 else None) for k, (a, b) in ((k, mo.span(k)) for k in rx.groupindex)}
            m = Match(s, e, kind, groups, text[s:e])
            if _plausible(m, text):
                m = _noun_article(_verb_last(_trim(m), text), text)
                cands.append((-(mo.end() - mo.start()), prio, s, m))
    cands.sort(key=lambda c: (c[0], c[1], c[2]))
    taken: list[Match] = []
    starts: list[int] = []  # starts of the taken matches, sorted; they never overlap, so neighbours suffice
    ends: list[int] = []
    for _, _, _, m in cands:
        i = bisect.bisect_right(starts, m.start)
        if (i > 0 and ends[i - 1] > m.start) or (i < len(starts) and starts[i] < m.end):
            continue
        starts.insert(i, m.start)
        ends.insert(i, m.end)
        taken.append(m)
    markup = markup_spans(text)
    if markup:
        taken = [m for m in taken if not in_spans(markup, m.start, m.end)]
    return sorted(taken, key=lambda m: m.start)


_MARKUP = re.compile(r"<[A-Za-z/!][^<>\n]{0,600}>|(?<![\w-])[A-Za-z][\w:-]*=(?:\"[^\"\n<>]{0,300}\"|'[^'\n<>]{0,300}')")


def markup_spans(text: str) -> list[tuple[int, int]]:
    """Tags and attribute="value" pairs left in a text (a tweet's `datetime="2015-12-02"`): what they
    hold is no text of the story; [] when the text has none (the usual case, checked cheaply)."""
    if "=" not in text and "<" not in text:
        return []
    return [mo.span() for mo in _MARKUP.finditer(text)]


def in_spans(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted, disjoint spans."""
    i = bisect.bisect_right(spans, (start, float("inf"))) - 1  # the last span starting at or before start
    return any(s < end and start < e for s, e in spans[max(0, i) : i + 2])
