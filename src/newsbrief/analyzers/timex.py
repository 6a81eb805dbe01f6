"""Time expressions (TIMEX3: DATE, TIME, DURATION, SET), normalized against the publication date.

Extents come from our grammar (timex_grammar, data in resources/timex/); spaCy's DATE/TIME
entities that the grammar misses are kept only when they hold a word of time, and get a value from
dateparser (called on those short spans only, cached). Values come from rules (timex_normalize)
that know the direction of "Tuesday"/"January" from the tense of the clause (timex_tense). When no date was
given, a dateline with a year ("MOSCOW, June 17, 2024 (Reuters) -") supplies one
(published_source "dateline"); a dateline without a year supplies none: a date is never invented.
"""

from __future__ import annotations

import bisect
import re
from datetime import date, datetime
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from newsbrief.analyzers import base
from newsbrief.analyzers.timex_calendar import Context, iso, week_of
from newsbrief.analyzers.timex_grammar import (
    LEX,
    Match,
    alternation,
    bare_clock_ok,
    find,
    generic_today,
    in_spans,
    is_title,
    markup_spans,
)
from newsbrief.analyzers.timex_normalize import normalize
from newsbrief.analyzers.timex_tense import on_past_verb, quote_said_day, tense_at
from newsbrief.model import Timex

# kinds whose value depends on the tense of their clause
_TENSED = {
    "date",
    "week_of",
    "month",
    "month_part",
    "unit_by_holiday",
    "weekday",
    "part_weekday",
    "season",
    "holiday",
    "quarter",
    "quarter_adj",
    "part_of_date",
    "clock",
    "clock_after",
    "half",
    "rel_unit",
    "the_unit",
}

_MONTH_RX = "|".join(sorted((re.escape(m) for m in LEX["months"]), key=len, reverse=True))
_PLACE = r"(?:[A-Z][\w.'’-]*(?:[ /-]+[A-Z][\w.'’-]*){0,3}),?\s+(?:\([^)\n]{1,40}\)\s*)?"
_MDY = rf"(?P<month>{_MONTH_RX})\.?\s+(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)[0-9]{{2}}))?"
_DMY = rf"(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?\s+(?P<month>{_MONTH_RX})\.?(?:,?\s+(?P<year>(?:19|20)[0-9]{{2}}))?"
_END = r"\s*(?:\([^)\n]{1,40}\))?\s*(?:[-–—:]|\n)"
# "MOSCOW, June 17, 2024 (Reuters) -", "Moscow, 17 June 2024 -"; and a line that is only a date, near the top
_DATELINES = [
    re.compile(rf"\A\s*{_PLACE}{_MDY}{_END}", re.IGNORECASE),
    re.compile(rf"\A\s*{_PLACE}{_DMY}{_END}", re.IGNORECASE),
    re.compile(rf"\A(?:[^\n]*\n){{0,2}}[ \t]*(?:{_MDY})[ \t]*(?:\n|\Z)", re.IGNORECASE),
    re.compile(rf"\A(?:[^\n]*\n){{0,2}}[ \t]*(?:{_DMY})[ \t]*(?:\n|\Z)", re.IGNORECASE),
]


def _deadline(text: str, m: Match) -> bool:
    """ "has given them until 9 a.m. Tuesday": a deadline, which lies ahead; not "Until Thursday, they had not"."""
    if not _UNTIL.search(text, max(0, m.start - 20), m.start):
        return False
    had = _PLUPERFECT_BEFORE.search(text, max(0, m.start - 80), m.start)
    if had and not _PRESENT_AUX.search(text, had.start() + 3, m.start):
        return False  # "had agreed to delay it until Friday": a deadline of a past told before another past
    if _DURATIVE_BEFORE.search(text, max(0, m.start - 60), m.start):
        return False  # "the search, which lasted until Friday evening": how long it went on, no deadline
    return not _PLUPERFECT.match(text, m.end, min(len(text), m.end + 60))


def _said_day(doc: Doc, text: str, m: Match, value: str, matches: list[Match], ctx: Context) -> str | None:
    """ "today"/"tonight" inside a quotation spoken on an earlier day that its sentence tells
    ('she said Tuesday night: "Tonight we made history"'): that day's value, with the part of day.
    `text` is `doc.text`, read once by the caller."""
    said = quote_said_day(text, m.start, m.end, matches)
    if said is None or ctx.dct is None:
        return None
    got = normalize(said, Context(dct=ctx.dct, tense=tense_at(doc, said.start, said.end, text)), text)
    day = got[1][:10] if got and got[1] else None
    if not day or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) or day >= iso(ctx.dct):
        return None
    return day + value[10:]


def parse_published(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


# "sales rose 2%, against 8% in 2013", "down from $400m in 2012": the period a figure is set against
# is no time the story tells, so "a year earlier" after it still counts from the one told before
_COMPARISON_BASE = re.compile(
    r"\b(?:against|from|compared\s+(?:with|to)|versus|vs\.?)\s+(?:[^.;!?\d]{0,30}\s)?[$£€]?\d[\d.,]*\s*"
    r"(?:%|percent\b|per\s+cent\b|(?:m|bn|k|million|billion|trillion|points?|cents?)\b)?(?:\s*\([^)]{0,20}\))?"
    r"\s+(?:in|for|during)\s+(?:the\s+)?$",
    re.IGNORECASE,
)

# "the anniversary of the storming of the Bastille on July 14, 1789": the day remembered is no time the
# story tells, so "for most of the night" after it is still the story's night
_COMMEMORATED = re.compile(r"\banniversary\s+of\b[^.;!?\n]{0,80}$", re.IGNORECASE)

_UNTIL = re.compile(r"(?<!not )\b(?:until|till)\s+(?:at\s+)?$", re.IGNORECASE)
_PLUPERFECT = re.compile(r"[^.;\n]*\bhad\b", re.IGNORECASE)
_DURATIVE_BEFORE = re.compile(
    r"\b" + alternation(LEX["durative_past_verbs"]) + r"\b[^.;:\n]{0,40}\b(?:until|till)\s+(?:at\s+)?$", re.IGNORECASE
)
_PRESENT_AUX = re.compile(r"\b(?:have|has|will|is|are)\b", re.IGNORECASE)  # "who had warned ... have given them until"
_PLUPERFECT_BEFORE = re.compile(r"\bhad\b[^.;:,\n]*$", re.IGNORECASE)
_DEADLINE_KINDS = {"weekday", "clock", "clock_after", "part_weekday"}
_BACK = re.compile(r"ago|earlier|last year|comparable|corresponding|year-|\b(?:19|20)[0-9]{2}\b", re.IGNORECASE)
_QUARTER_REACH = 400  # "a year ago" after "the third quarter" is the quarter a year before, this far on


def dateline_date(text: str) -> str | None:
    """The date of a dateline that opens the text ("MOSCOW, June 17, 2024 -") or of a line near the
    top that is only a date ("March 01, 2008"), when it names its year; else None: a date that names
    no year yields none (the year would be a guess)."""
    head = text[:300]
    for rx in _DATELINES:
        m = rx.match(head)
        if not m:
            continue
        if not m.group("year"):
            return None
        month = LEX["months"].get(m.group("month").lower().rstrip("."))
        try:
            return iso(date(int(m.group("year")), month, int(m.group("day"))))
        except (TypeError, ValueError):
            return None
    return None


_DATELINE_LAG = 3  # days a wire story's dateline may precede its publication date


def dateline_day(text: str, published: date | None) -> date | None:
    """The day a dateline names ("WASHINGTON, August 11 (Xinhua) --") when it falls on or a few days
    before the publication date: the story's "Tuesday" and "today" are told from the dateline's day,
    which is when it was written; None when there is no such dateline."""
    if published is None:
        return None
    head = text[:300]
    for rx in _DATELINES[:2]:
        m = rx.match(head)
        if not m:
            continue
        month = LEX["months"].get(m.group("month").lower().rstrip("."))
        for year in (published.year, published.year - 1):
            try:
                d = date(int(m.group("year") or year), month, int(m.group("day")))
            except (TypeError, ValueError):
                return None
            if 0 <= (published - d).days <= _DATELINE_LAG:
                return d
        return None
    return None


_ONE_DAY = re.compile(r"(?:one|some)\s+day", re.IGNORECASE)
_MEASURED_BEFORE = re.compile(
    r"\b(?:for|in|within|after|than|about|only|just|per|each|every|of|by|over|lasted|lasts|took|takes|spent|spend|"
    r"nearly|almost|least|more|less|first|last|another|a|the)\s+$",
    re.IGNORECASE,
)


def _some_day_ahead(doc: Doc, text: str, m: Match) -> bool:
    """ "he might do the same one day", "the remains can one day be shown": an indefinite future day
    (TimeML FUTURE_REF, as "will one day"), not a duration; "in one day", "one day later" stay measures.
    `text` is `doc.text`, read once by the caller."""
    if _MEASURED_BEFORE.search(text[max(0, m.start - 14) : m.start]):
        return False
    if re.match(r"[\s-]*(?:of|later|after|before|earlier|ago|long|and|or)\b", text[m.end : m.end + 10], re.IGNORECASE):
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    auxes = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")} | {head.lower_}
    return bool(auxes & {"will", "would", "could", "can", "might", "may", "'ll", "shall", "should", "hope", "hopes"}) or (
        tense_at(doc, m.start, m.end, text) == "future"
    )


def _attributive_season(doc: Doc, m: Match) -> bool:
    """ "summer flowers", "a busy summer day", "record-breaking winter conditions": a bare season
    word modifying a noun after it tells a kind of thing, not a time ("this summer", "in summer" do)."""
    g = m.groups
    if g.get("the") or g.get("rel") or g.get("year") or g.get("edge"):
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    return tok.dep_ in ("compound", "amod", "nmod") and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i


def _in_person_name(doc: Doc, m: Match) -> bool:
    """ "asked by April Ryan", "a letter to June Jordan": a bare month or weekday inside a longer PERSON
    entity is a name; "in June" or "on Monday" beside a name stay times (the entity then leaves them out)."""
    if any(m.groups.get(k) for k in ("day", "year", "rel", "edge", "rel2", "part", "earl")):
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    if tok.ent_type_ != "PERSON":
        return False
    follows = tok.i + 1 < len(doc) and doc[tok.i + 1].ent_type_ == "PERSON" and doc[tok.i + 1].ent_iob_ == "I"
    return tok.ent_iob_ == "I" or follows  # a first or a last name of a longer PERSON


# ---------------------------------------------------------------- spaCy candidates the grammar missed

_TIME_WORDS = "|".join(
    re.escape(w)
    for w in [
        *LEX["units"],
        *(m for m in LEX["months"] if len(m) > 3),
        *(d for d in LEX["weekdays"] if len(d) > 4),
        *LEX["seasons"],
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
    ]
)
_TIME_WORD = re.compile(rf"\b(?:{_TIME_WORDS}|[12][0-9]{{3}}|[0-9]{{1,2}}:[0-9]{{2}}|a\.m|p\.m)\b", re.IGNORECASE)
# "a 30-year-sentence", "the 40th minute", "Ramsey's 79th minute effort": a length or a game's clock
_MEASURE = re.compile(
    r"\s*(?:an?\s+|the\s+|[\w.'’]+['’]s\s+)?(?:[0-9]+(?:\.[0-9]+|st|nd|rd|th)?|"
    + alternation(w for w in LEX["numbers"] if " " not in w)
    + r")[\s-]*"
    r"(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?)\b",
    re.IGNORECASE,
)
_AGE = re.compile(r"\b(?:years?|months?)[\s-]+old\b|-year-old\b|\bage[ds]?\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _dateparser_value(text: str, ref: str | None) -> tuple[str, str | None] | None:
    """dateparser's reading of a short span the grammar did not know, at the granularity it reports."""
    if ref is None:
        return None
    try:
        from dateparser.date import DateDataParser

        base_dt = datetime.fromisoformat(ref + "T12:00:00")
        ddp = DateDataParser(
            languages=["en"],
            settings={"RELATIVE_BASE": base_dt, "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": [], "STRICT_PARSING": False},
        )
        data = ddp.get_date_data(text)
    except Exception:
        return None
    d = getattr(data, "date_obj", None)
    if d is None:
        return None
    period = getattr(data, "period", "day")
    if period == "year":
        return ("DATE", f"{d.year:04d}")
    if period == "month":
        return ("DATE", f"{d.year:04d}-{d.month:02d}")
    if period == "week":
        return ("DATE", week_of(d.date()))
    if period == "time":
        return ("TIME", f"{iso(d.date())}T{d.hour:02d}:{d.minute:02d}")
    return ("DATE", iso(d.date()))


def _trim_entity(doc: Doc, ent) -> tuple[int, int] | None:
    """An entity's extent by TIMEX conventions: no possessive, no trailing punctuation."""
    toks = [t for t in ent if not t.is_space]
    while toks and (toks[-1].tag_ == "POS" or toks[-1].is_punct):
        toks.pop()
    while toks and (toks[0].is_punct or toks[0].lower_ in ("about", "around", "over", "just", "only", "some", "within")):
        toks.pop(0)
    if not toks or any(t.text in ("--", "—") or (t.text in ("-", "–") and t.whitespace_) for t in toks):
        return None  # "at night -- hours after": two phrases across a dash, not one time
    if any(t.text in ('"', "“", "”", "''", "``") for t in toks):
        return None  # 'will have a "day of reckoning"': a quotation opens inside, the phrase is the speaker's figure
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


_LONE_MONTH = re.compile(alternation(LEX["months"], dotted=True), re.IGNORECASE)


def _event_named_after_month(text: str, start: int, end: int) -> bool:
    """A lone month word that names an event: after a possessive or "no" ("the Women's March", "no March
    without the madness"), or before "on/for/against" and a name ("the March on Washington")."""
    return bool(
        re.search(r"(?:['’]s|\bno)\s+$", text[max(0, start - 12) : start])
        or re.match(r"\s+(?:on|for|against)\s+(?:the\s+)?[A-Z]", text[end : end + 24])
    )


# ---------------------------------------------------------------- "April 24 and 25": the second day

_AND_DAY = re.compile(
    r"\s+(?:and|or|&)\s+(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?"
    r"(?![0-9]|[.,][0-9]|\s*(?:%|percent\b|per\b)|,?\s+[12][0-9]{3}\b)"  # not a number, not before a year
)
_AFTER_DAY_OK = set(LEX["words_after_a_second_day"])


def _second_day(text: str, end: int, value: str) -> Timex | None:
    """The "25" of "on April 24 and 25": a date of its own, in the first one's month and year
    (TimeBank annotates it apart); not "April 24 and 25 people", nor "May 3 and 4, 1999" (its year
    is told after it)."""
    mo = _AND_DAY.match(text, end)
    if not mo:
        return None
    nxt = re.match(r"\s+([A-Za-z]+)", text[mo.end() : mo.end() + 24])
    if nxt and nxt.group(1)[0].islower() and nxt.group(1) not in _AFTER_DAY_OK:
        return None
    day = int(mo.group("day"))
    try:
        d = date(int(value[:4]), int(value[5:7]), day)
    except ValueError:
        return None
    if day <= int(value[8:10]):
        return None
    s, e = mo.start("day"), mo.end("day")
    return Timex(start=s, end=e, text=text[s:e], type="DATE", value=iso(d))


def _merge(out: list[Timex], extra: list[Timex]) -> list[Timex]:
    """The extra second days that overlap no other expression, in text order."""
    if not extra:
        return out
    keep = [x for x in extra if not any(t.start < x.end and x.start < t.end for t in out)]
    return sorted([*out, *keep], key=lambda t: t.start)


# ---------------------------------------------------------------- the component


class TimexAnnotator:
    """Finds, types and normalizes every time expression of a Doc; fills `doc._.nb_timexes`."""

    def __init__(self, use_entities: bool = True, use_dateparser: bool = True) -> None:
        self.use_entities = use_entities
        self.use_dateparser = use_dateparser

    def __call__(self, doc: Doc) -> Doc:
        try:
            base.put(doc, "timexes", self.timexes(doc))
        except Exception as exc:
            base.put(doc, "timexes", [])
            doc.user_data.setdefault("nb_errors", []).append(f"timex: {exc!r}")
        return doc

    def timexes(self, doc: Doc) -> list[Timex]:
        text = doc.text
        if not doc._.nb_published:
            found = dateline_date(text)
            if found:
                doc._.nb_published = found
                doc._.nb_published_source = "dateline"
        dct = parse_published(doc._.nb_published)
        matches = find(text)
        extra = self._entity_candidates(doc, matches) if self.use_entities else []
        ctx = Context(dct=dateline_day(text, dct) or dct)
        out: list[Timex] = []
        extra_days: list[Timex] = []
        quarter_at = 0
        for m in sorted([*matches, *extra], key=lambda x: x.start):
            if m.kind == "entity":
                got = _dateparser_value(m.text, iso(dct) if dct else None) if self.use_dateparser else None
                if got is None:
                    continue
                typ, value = got
            else:
                if m.kind == "season" and _attributive_season(doc, m):
                    continue
                if m.kind in ("month", "weekday") and _in_person_name(doc, m):
                    continue
                ctx.tense = tense_at(doc, m.start, m.end, text) if m.kind in _TENSED else None
                ctx.own_past = ctx.tense == "past" and m.kind == "month" and on_past_verb(doc, m)
                if ctx.tense != "future" and m.kind in _DEADLINE_KINDS and _deadline(text, m):
                    ctx.tense = "future"
                r = normalize(m, ctx, text)
                if r is None:
                    continue
                typ, value = r
                if m.kind == "duration" and _ONE_DAY.fullmatch(m.text) and _some_day_ahead(doc, text, m):
                    typ, value = "DATE", "FUTURE_REF"
                if (
                    m.kind in ("relday", "tonight")
                    and value
                    and dct
                    and (m.groups.get("w") or "").lower() in ("today", "tonight")
                ):
                    value = _said_day(doc, text, m, value, matches, ctx) or value
            if value and typ in ("DATE", "TIME") and re.match(r"\d{4}", value):
                if not (
                    m.kind == "event_day"  # "remarks on 9/11": a day of history, not the story's
                    or _COMPARISON_BASE.search(text, max(0, m.start - 120), m.start)
                    or _COMMEMORATED.search(text, max(0, m.start - 100), m.start)
                ):
                    ctx.last = value
                    if re.match(r"\d{4}-\d{2}-\d{2}", value):
                        ctx.last_day = value[:10]
                explicit_quarter = m.kind in ("quarter", "quarter_adj", "quarter_of") and not _BACK.search(m.text)
                if explicit_quarter and re.fullmatch(r"\d{4}-Q\d", value):
                    ctx.last_quarter, quarter_at = value, m.end
            if ctx.last_quarter and m.end - quarter_at > _QUARTER_REACH:
                ctx.last_quarter = None
            out.append(Timex(start=m.start, end=m.end, text=text[m.start : m.end], type=typ, value=value))
            if m.kind == "date" and value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                second = _second_day(text, m.end, value)
                if second:
                    extra_days.append(second)
        return _merge(out, extra_days)

    def _entity_candidates(self, doc: Doc, matches: list[Match]) -> list[Match]:
        out = []
        ends = [m.end for m in matches]  # matches are sorted and do not overlap: ends are sorted too
        text = doc.text  # rebuilt by spaCy on every access: once here
        markup = markup_spans(text)
        for ent in doc.ents:
            if ent.label_ not in ("DATE", "TIME"):
                continue
            i = bisect.bisect_left(ends, ent.start_char + 1)  # the first match ending after the entity starts
            if i < len(matches) and matches[i].start < ent.end_char:
                continue
            if not _TIME_WORD.search(ent.text) or _AGE.search(text[ent.start_char : ent.end_char + 6]):
                continue
            if re.fullmatch(r"[0-9]{4}[-–/][0-9]{2}", ent.text.strip()):
                continue  # "the 2004-05 season": two years, not May 2004
            if re.search(r"\byear\s+[0-9]{1,2}\b", ent.text, re.IGNORECASE):
                continue  # "the year 9 class": a school year, which dateparser would read as September
            if find(ent.text):
                continue  # the grammar knows this expression and turned it down here ("a Saturday morning show")
            if _MEASURE.match(ent.text):
                continue  # "a 30-year-sentence": a length the grammar left out, which dateparser reads as day 30
            span = _trim_entity(doc, ent)
            if span is None:
                continue
            s, e = span
            if in_spans(markup, s, e):
                continue  # a tag's attribute value ('datetime="2015-12-02"'), no text of the story
            if re.fullmatch(r"[0-9]+", text[s:e]):
                continue  # "HB 1523", "1128 were for": the grammar's year rules judged this number here
            if _LONE_MONTH.fullmatch(text[s:e]) and _event_named_after_month(text, s, e):
                continue  # "the Women's March", "the March on Washington": an event ("compared with March" is the month)
            if is_title(Match(s, e, "entity", {}, text[s:e]), text) or generic_today(text, s, e):
                continue  # "60 Minutes", "This Week": a name; "today's world": our times
            if not bare_clock_ok(Match(s, e, "clock", {}, text[s:e]), text):
                continue  # "with 16:43 left": a game clock, as the grammar judges it
            out.append(Match(s, e, "entity", {}, text[s:e]))
        return out


@Language.factory("newsbrief_timex", assigns=["doc._.nb_timexes"], default_config={"use_entities": True, "use_dateparser": True})
def make_timex(nlp: Language, name: str, use_entities: bool, use_dateparser: bool) -> TimexAnnotator:
    return TimexAnnotator(use_entities=use_entities, use_dateparser=use_dateparser)
