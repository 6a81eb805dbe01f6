"""What the corpus layer reads from a brief (never from a new parse): the words of its text and
title, its actors, and its dates. Everything here is cheap string work on the brief's fields."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’\-](?=[^\W\d_]))*|\b(?:1[89]|20)\d\d\b")
_YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")
_FULL_DATE = re.compile(r"^\d{4}-\d\d(?:-\d\d)?$")
# Capitalised word runs: the fallback for actors when a brief has no entities (no parse: a regex).
_NAME_RUN = re.compile(r"\b[A-Z][a-z]+(?:[ \-][A-Z][a-z]+)*\b")
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
    years: set[str] = field(default_factory=set)  # years the article is dated in or mentions
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
    years = set(_YEAR.findall(text)) | set(_YEAR.findall(title))
    for tx in _get(brief, "timexes") or []:
        value = _field(tx, "value")
        if isinstance(value, str) and _YEAR.match(value[:4]):
            years.add(value[:4])
    if published:
        years.add(published[:4])
    return Features(terms=terms, names=names, published=published, years=years)


def tfidf(counts: dict[str, float], df: dict[str, int], n_docs: int) -> dict[str, float]:
    """Sublinear tf x smoothed idf, unit length (the idf is the corpus's at the time of asking)."""
    vec = {t: (1.0 + math.log(c)) * (math.log((n_docs + 1) / (df.get(t, 0) + 1)) + 1.0) for t, c in counts.items() if c > 0}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def weighted(counts: dict[str, float], df: dict[str, int], n_docs: int) -> dict[str, float]:
    """A story's summed vector times idf, unit length (its counts are already sums of sublinear tfs)."""
    vec = {t: c * (math.log((n_docs + 1) / (df.get(t, 0) + 1)) + 1.0) for t, c in counts.items() if c > 0}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def sublinear(counts: dict[str, float]) -> dict[str, float]:
    """An article's contribution to its story's summed vector: sublinear tf, unit length."""
    vec = {t: 1.0 + math.log(c) for t, c in counts.items() if c > 0}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}
