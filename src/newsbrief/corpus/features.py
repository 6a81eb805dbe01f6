"""What the corpus layer reads from a brief (never from a new parse): the words of its text and
title, its actors, its dates, and the small facts that tell one occurrence of an event from another
of the same kind (numbers, weekdays, months, who was in it). Everything here is cheap string work on
the brief's fields."""

from __future__ import annotations

import calendar
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’\-](?=[^\W\d_]))*|\b(?:1[89]|20)\d\d\b")
_YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")
_FULL_DATE = re.compile(r"^\d{4}-\d\d(?:-\d\d)?$")
# Capitalised word runs: the fallback for actors when a brief has no entities (no parse: a regex).
_NAME_RUN = re.compile(r"\b[A-Z][a-z]+(?:[ \-][A-Z][a-z]+)*\b")
# Numbers as written (tolls, scores, magnitudes, ages, sums), not years: "5.6", "52-3" gives 52 and 3.
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\w,])|(?<![\w.,])\d+(?:\.\d+)?(?![\w]|[.,]\d)")
_WEEKDAYS = frozenset(d.lower() for d in calendar.day_name)
_MONTHS = frozenset(m.lower() for m in calendar.month_name if m) - {"may"}  # "may" is mostly the verb
_LOWER_WORD = re.compile(r"[a-z]+")
_TITLE_WEIGHT = 2
LEAD_CHARS = 300
NAME_TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
EXTRA_STOP = {"said", "says", "say", "told", "according", "reported", "reports", "news", "new", "year", "years", "time"}
_STOP = frozenset(STOP_WORDS) | EXTRA_STOP


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light plural/possessive fold, enough to match 'summits' with 'summit' (no dictionary)."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def words(text: str, lead: int = 0) -> list[str]:
    """Content words of a text, folded; those starting before `lead` come twice."""
    out = []
    for m in _WORD.finditer(text):
        w = stem(m.group())
        if len(w) > 2 and w not in _STOP:
            out.append(w)
            if m.start() < lead:
                out.append(w)
    return out


@lru_cache(maxsize=100_000)  # the same names come back article after article: ~40 keys per article
def name_key(name: str) -> str:
    """A normal form of an actor's name: 'Kim Jong-un' and 'Kim Jong Un' meet, 'Putin's' is 'putin'."""
    n = name.replace("’", "'")
    n = re.sub(r"'s\b", "", n)
    n = re.sub(r"^(the|a|an)\s+", "", n.strip(), flags=re.I)
    return " ".join(re.findall(r"\w+", n.lower()))


@dataclass
class Features:
    """A brief as the story tracker sees it."""

    terms: Counter[str]  # words (text + title, title weighted) and explicit dates ("d:2024-06-18")
    names: Counter[str]  # actor name keys with mention counts ("n:kim jong un")
    published: str | None = None
    years: set[str] = field(default_factory=set)  # years the article writes (never the one its date lends)
    # Facts that set one occurrence apart from another of the same kind, by family:
    # "#" numbers, "w" weekdays, "m" months, "p" main people (surnames), "o" main organisations,
    # "a" (event type, actor) pairs; "P" and "O": every person/organisation named (to see what is absent).
    facts: dict[str, set[str]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


def _get(brief: Any, key: str) -> Any:
    return brief.get(key) if isinstance(brief, dict) else getattr(brief, key, None)


def _field(obj: Any, key: str) -> Any:
    return obj.get(key) if isinstance(obj, dict) else getattr(obj, key, None)


def features(brief: Any) -> Features:
    """Features of a brief (a Brief model or its JSON dict)."""
    text = _get(brief, "text") or ""
    title = _get(brief, "title") or ""
    terms = Counter(words(text, lead=LEAD_CHARS))  # the lead says what happened: its words count twice
    if title and not text.startswith(title):
        for w in words(title):
            terms[w] += _TITLE_WEIGHT
    for tx in _get(brief, "timexes") or []:
        value = _field(tx, "value")
        if _field(tx, "type") == "DATE" and isinstance(value, str) and _FULL_DATE.match(value):
            terms[f"d:{value}"] += 1
    names: Counter[str] = Counter()
    entities = _get(brief, "entities") or []
    for ent in entities:
        if _field(ent, "type") in NAME_TYPES:
            key = name_key(_field(ent, "name") or "")
            if key:
                names[f"n:{key}"] += max(1, len(_field(ent, "mentions") or []))
    if not entities:  # no actor analysis in this brief: capitalised runs not at a sentence start
        for m in _NAME_RUN.finditer(text):
            before = text[max(0, m.start() - 2) : m.start()]
            if m.start() == 0 or re.search(r"[.!?\n\"“]\s*$", before):
                continue
            key = name_key(m.group())
            if key and key not in STOP_WORDS:
                names[f"n:{key}"] += 1
    published = _get(brief, "published")
    # Years as written, never those the date of publication lends ('on Tuesday' resolved against it,
    # or the date itself): half the articles of a stream have no date, so a year only the dated ones
    # carry would count against every undated article of the same event. The date is used as a date.
    years = set(_YEAR.findall(text)) | set(_YEAR.findall(title))
    for tx in _get(brief, "timexes") or []:
        value, said = _field(tx, "value"), _field(tx, "text") or ""
        if isinstance(value, str) and _YEAR.match(value[:4]) and value[2:4] in said:  # '8/2/13' says 2013
            years.add(value[:4])
    return Features(terms=terms, names=names, published=published, years=years, facts=facts_of(brief, text))


def _main(counts: Counter[str]) -> set[str]:
    """The names an article is about: mentioned twice or more, or the most mentioned."""
    if not counts:
        return set()
    top = max(counts.values())
    return {k for k, v in counts.items() if v >= 2 or v == top}


def facts_of(brief: Any, text: str) -> dict[str, set[str]]:
    """The occurrence facts of a brief (see `Features.facts`)."""
    numbers = set()
    for m in _NUMBER.finditer(text):
        x = m.group().replace(",", "")
        if not _YEAR.fullmatch(x):
            numbers.add(x)
    lower = set(_LOWER_WORD.findall(text.lower()))
    people: Counter[str] = Counter()
    orgs: Counter[str] = Counter()
    key_of: dict[str, str] = {}
    for ent in _get(brief, "entities") or []:
        kind = _field(ent, "type")
        key = name_key(_field(ent, "name") or "")
        if not key:
            continue
        n = max(1, len(_field(ent, "mentions") or []))
        if kind == "PERSON":
            key = key.split()[-1]  # "Tony Thompson" here, "Thompson" there
            people[key] += n
        elif kind == "ORG":
            orgs[key] += n
        key_of[str(_field(ent, "id"))] = key
    args = set()
    for ev in _get(brief, "events") or []:
        kind = _field(ev, "type")
        for role in ("actor", "target"):
            who = key_of.get(str(_field(ev, role)))
            if kind and who:
                args.add(f"{kind}|{who}")
    return {
        "#": numbers, "w": lower & _WEEKDAYS, "m": lower & _MONTHS, "p": _main(people), "P": set(people),
        "o": _main(orgs), "O": set(orgs), "a": args,
    }  # fmt: skip


def tfidf(counts: dict[str, float], df: dict[str, int], n_docs: int) -> dict[str, float]:
    """Sublinear tf x smoothed idf, unit length (the idf is the corpus's at the time of asking)."""
    idf = _idf(n_docs)
    vec = {t: (1.0 + math.log(c)) * idf(df.get(t, 0)) for t, c in counts.items() if c > 0}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def weighted(counts: dict[str, float], df: dict[str, int], n_docs: int) -> dict[str, float]:
    """A story's summed vector times idf, unit length (its counts are already sums of sublinear tfs)."""
    idf = _idf(n_docs)
    vec = {t: c * idf(df.get(t, 0)) for t, c in counts.items() if c > 0}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def _idf(n_docs: int) -> Callable[[int], float]:
    """Smoothed idf by document frequency, each computed once per call (most terms share a few
    frequencies: 1, 2, 3...); the same floats as computing it per term."""

    @cache
    def idf(d: int) -> float:
        return math.log((n_docs + 1) / (d + 1)) + 1.0

    return idf


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product over the shared terms only, in the smaller vector's order: the same float as summing
    a zero for every other term, at half the cost (a store scores ~10 stories per article)."""
    if len(a) > len(b):
        a, b = b, a
    return float(sum([v * b[t] for t, v in a.items() if t in b]))


def sublinear(counts: dict[str, float]) -> dict[str, float]:
    """An article's contribution to its story's summed vector: sublinear tf, unit length."""
    vec = {t: 1.0 + math.log(c) for t, c in counts.items() if c > 0}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}
