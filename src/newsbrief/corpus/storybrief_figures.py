"""Figures for the story brief: the numbers a passage gives with what they count ('about 6,700
shipping containers', '$5 million'), and the data file those rules read; kept apart from
storybrief.py so the extraction reads on its own."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from newsbrief.corpus.features import stem
from newsbrief.resources import load_json

_NUM = re.compile(
    r"(?<![\w.,/:-])([$€£])?\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:[\s-]?(million|billion|trillion|bn|mn|[mk])\b)?(?![\w/:]|[.,]\d)",
    re.I,
)
_TOKEN = re.compile(r"[A-Za-z]+(?:[’'\-][A-Za-z]+)*|%")
_DIGIT = re.compile(r"\d")
_UNIT_WORDS = re.compile(r"[\s\-]*(?:[A-Za-z%]+(?:[’'\-][A-Za-z]+)*\s*){1,3}")  # up to three words after a number
_CLOCK_TAIL = re.compile(r"\d[:.,]\s?$")
_CLOCK_HEAD = re.compile(r"\s?[:×x]\s?\d")
_CONVERSION = re.compile(r"[-×/]$|\(\s?$|\([A-Z]{0,3}[$€£]?$")


@cache
def _data() -> dict[str, Any]:
    d = load_json("storybrief/quantities.json")
    words_ = sorted(d["number_words"], key=len, reverse=True)
    # the lookahead on the words' first letters only skips, before trying each word, the places none can start
    first = "".join(sorted({w[0].lower() for w in words_} | {w[0].upper() for w in words_}))
    d["_word_re"] = re.compile(r"\b(?=[" + re.escape(first) + r"])(" + "|".join(re.escape(w) for w in words_) + r")\b", re.I)
    zones = sorted(d["time_zone_names"], key=len, reverse=True)
    d["_zone_re"] = re.compile(
        r"(?i:\b(" + "|".join(re.escape(z) for z in zones) + r")\b)|\b(" + "|".join(d["time_zones"]) + r")\b(?![\w.])",
    )
    d["_skip"] = set(d["unit_skip"])
    d["_parts_re"] = [(p, re.compile(r"\b" + p + r"\b")) for p in sorted(d["parts_of_day"], key=len, reverse=True)]
    quals = sorted(d["approximate"] + d["lower_bound"] + d["upper_bound"], key=len, reverse=True)
    d["_qual_re"] = re.compile(r"\b(?:" + "|".join(map(re.escape, quals)) + r")\s+$", re.I)
    return d


@dataclass
class Quantity:
    value: float
    qualifier: str  # "", "approx", "lower", "upper"
    units: tuple[str, ...]  # folded words after the number ("container", "shipping")
    start: int  # absolute offsets of the phrase ("more than 1,000 containers") in the article
    end: int
    trigger: str | None = None  # the folded word of the event whose clause holds it ("killed", "missed")


def _number_at(text: str, m: re.Match[str]) -> float | None:
    raw = m.group(2).replace(",", "")
    try:
        value = float(raw)
    except ValueError:
        return None
    scale = (m.group(3) or "").lower()
    if scale:
        value *= _data()["scales"].get(scale, 1)
    return value


def _quantities(text: str, base: int, skip: list[tuple[int, int]]) -> list[Quantity]:
    """Numbers with what they count: '1,000 containers', 'about 6,700 shipping containers', '$5 million', '33-year-old'."""
    d = _data()
    found: list[tuple[int, int, float, bool]] = []  # start, end of the number, value, has currency
    for m in _NUM.finditer(text) if _DIGIT.search(text) else ():  # most passages have no digit: no slow scan
        v = _number_at(text, m)
        if v is not None:
            found.append((m.start(), m.end(), v, bool(m.group(1))))
    for m in d["_word_re"].finditer(text):
        w = m.group(1).lower()
        after = text[m.end() : m.end() + 12].lower()
        scale = re.match(r"\s+(hundred|thousand|million|billion)\b", after)
        v = float(d["number_words"][w])
        end = m.end()
        if scale:
            v *= d["scales"][scale.group(1)]
            end += scale.end()
        found.append((m.start(), end, v, False))
    out: list[Quantity] = []
    for s, e, v, money in sorted(found):
        if any(a <= base + s < b for a, b in skip):
            continue  # a date's day or year
        if _CLOCK_TAIL.search(text[max(0, s - 3) : s]) or _CLOCK_HEAD.match(text[e : e + 3]):
            continue  # the tail of a clock time, a decimal or a thousands group split by a space; '4x4'
        if text[e : e + 4].startswith("-by-") or _CONVERSION.search(text[max(0, s - 5) : s]):
            continue  # 'four-by-four', '4×4'; a conversion in brackets: '$1 million ($1.52 million)', '58km (36 miles)'

        if not money and v.is_integer() and 1900 <= v <= 2100 and "," not in text[s:e]:
            continue  # a year
        units = _unit_after(text, e, money, text[s])
        if not units:
            continue
        qual = _qualifier(text[max(0, s - 24) : s])
        unit_end = e
        if units[0] not in ("$", "€", "£", "%"):
            m2 = _UNIT_WORDS.match(text, e)
            if m2:
                toks = list(_TOKEN.finditer(text, e, m2.end()))
                for t in toks:
                    if stem(t.group()) in units or t.group().lower() in units or "-" + t.group().lower() in units:
                        unit_end = t.end()
        q_start = s
        pre = d["_qual_re"].search(text[max(0, s - 30) : s])
        if pre:
            q_start = max(0, s - 30) + pre.start()
        out.append(Quantity(v, qual, tuple(units), base + q_start, base + max(unit_end, e)))
    return out


def _unit_after(text: str, end: int, money: bool, first: str) -> tuple[str, ...]:
    d = _data()
    if money:
        return (first,)
    rest = text[end : end + 48]
    if re.match(r"\s?(%|per\s?cent|percent)", rest, re.I):
        return ("%",)
    low = rest.lower().lstrip(" -")
    for bad in d["not_units"]:
        if low.startswith(bad) and (len(low) == len(bad) or not low[len(bad)].isalpha()):
            return ()
    if rest[:1] not in (" ", "-", "\u00a0"):
        return ()
    if rest[:1] == "-":
        t = _TOKEN.match(rest, 1)
        return ("-" + t.group().lower(),) if t else ()  # 'one-year', '33-year-old': a compound modifier is its own unit
    units: list[str] = []
    last = 0
    for t in _TOKEN.finditer(rest):
        w = t.group().lower()
        if units and rest[last : t.start()].strip():
            break  # '60 metres (200 feet)': punctuation ends the unit
        last = t.end()
        if w in d["_skip"] or (w in STOP_WORDS and w not in d["_skip"]):
            if units or w not in ("of", "more", "additional", "other", "new", "extra", "further"):
                break
            continue
        if t.start() > 0 and rest[: t.start()].strip(" -") and not units:
            break  # punctuation between the number and the word
        if t.group()[:1].isupper() and w != "%":
            break  # 'twelve Somali and ...': a name is no unit
        if "-" in w:
            return (w,) if not units else tuple(units)  # '33-year-old', 'square-foot': a compound is its own unit
        units.append(stem(w))
        if len(units) == 2:
            break
    return tuple(units)


def _qualifier(before: str) -> str:
    d = _data()
    b = before.lower().rstrip()
    for kind, key in (("lower", "lower_bound"), ("upper", "upper_bound"), ("approx", "approximate")):
        for w in d[key]:
            if b.endswith(w) and (len(b) == len(w) or not b[-len(w) - 1].isalpha()):
                return kind
    return ""
