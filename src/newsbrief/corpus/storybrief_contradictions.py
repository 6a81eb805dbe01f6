"""Contradictions for the story brief: two articles that agree on the rest and tell a figure, a
date or time, or a name differently, grouped one variant per article; kept apart from
storybrief.py so these precision-first rules read on their own."""

from __future__ import annotations

from collections import defaultdict
from functools import cache, lru_cache
from typing import Any

import numpy as np

from newsbrief.corpus.features import words
from newsbrief.corpus.storybrief_figures import Quantity, _data
from newsbrief.corpus.storybrief_times import TimeRef, _norm
from newsbrief.corpus.storybrief_units import SAME, SAME_CONTEXT, SAME_TIME, Unit
from newsbrief.resources import load_json

# --- contradictions -----------------------------------------------------------------------------


def _compatible(a: Quantity, b: Quantity) -> bool:
    """Could both figures be right? Equal, close when either is approximate, or within a bound."""
    lo, hi = min(a.value, b.value), max(a.value, b.value)
    if hi == 0 or (hi - lo) / hi <= 0.01:
        return True
    if "approx" in (a.qualifier, b.qualifier) and (hi - lo) / hi <= 0.15:
        return True
    for x, y in ((a, b), (b, a)):
        if x.qualifier == "lower" and x.value <= y.value <= 2 * x.value:
            return True
        if x.qualifier == "upper" and x.value / 2 <= y.value <= x.value:
            return True
    return False


def _figures_clash(u: Unit, v: Unit) -> bool:
    """Two passages give different figures for the same thing: they do not support each other."""
    if not u.quantities or not v.quantities:
        return False  # most passages give none: no generator to make
    return any(_same_unit(a, b) and not _compatible(a, b) for a in u.quantities for b in v.quantities)


def _same_unit(a: Quantity, b: Quantity) -> bool:
    """The same thing counted: the same head word, or one's head among the other's words ('shipping
    containers' and 'containers'), never a shared modifier only ('kilometres north', 'miles north')."""
    return a.units[0] == b.units[0] or a.units[0] in b.units[1:] or b.units[0] in a.units[1:]


def _window(u: Unit, q: Quantity, radius: int = 40) -> set[str]:
    s, e = q.start - u.start, q.end - u.start
    return set(words(u.text[max(0, s - radius) : s] + " " + u.text[e : e + radius]))


def _contradictions(units: list[Unit], sim: np.ndarray, texts: dict[str, str]) -> list[dict[str, Any]]:
    """Pairs of passages that agree on the rest and differ in a figure, a time or a name, joined into
    groups (one variant per article) where they share a variant."""
    by_article: dict[str, list[Unit]] = defaultdict(list)
    for u in units:
        by_article[u.article].append(u)
    lone = [_lone_quantities(u) for u in units]  # what each passage and each article holds, read once
    persons = {a: _persons(us) for a, us in by_article.items()}
    contexts: dict[int, tuple[set[str], set[str]]] = {}  # id of a figure -> the words around it, what it counts

    def context(u: Unit, q: Quantity) -> tuple[set[str], set[str]]:
        if id(q) not in contexts:
            contexts[id(q)] = _context(u, q)
        return contexts[id(q)]

    edges: list[tuple[str, str, tuple, tuple]] = []  # kind, about, variant a, variant b
    pairs = np.argwhere(np.triu(sim >= SAME_CONTEXT, 1) & _may_differ(units, lone, sim)) if len(units) else []
    for i, j in pairs:
        u, v = units[i], units[j]
        for qa in lone[i]:
            for qb in lone[j]:
                if not _same_unit(qa, qb) or _compatible(qa, qb):
                    continue
                if not _quantity_context(qa, context(u, qa), qb, context(v, qb), sim[i, j]):
                    continue
                if _states(by_article[u.article], qb) or _states(by_article[v.article], qa):
                    continue
                about = (" ".join(w for w in qa.units if w in qb.units) or qa.units[0]).lstrip("-")
                edges.append(("number", about, (u, qa.start, qa.end), (v, qb.start, qb.end)))
        if sim[i, j] >= SAME:
            for ta in u.times:
                for tb in v.times:
                    if not _same_event(ta, tb, u, v, sim[i, j]) or not _time_clash(ta, tb):
                        continue
                    if _tells_time(by_article[u.article], tb) or _tells_time(by_article[v.article], ta):
                        continue  # an article that gives the other's time itself is not contradicted by it
                    about = ta.trigger or _about(u, v)
                    edges.append(("date/time", about, (u, ta.start, ta.end), (v, tb.start, tb.end)))
        for ka, (na, sa) in u.persons.items():
            for kb, (_nb, sb) in v.persons.items():
                if not _name_variants(ka, kb) or sim[i, j] < SAME_CONTEXT:
                    continue
                if kb in persons[u.article] or ka in persons[v.article]:
                    continue
                if len(texts[u.article][sa[0] : sa[1]].split()) < 2 or len(texts[v.article][sb[0] : sb[1]].split()) < 2:
                    continue  # the passage names the person by a part the two spellings share
                edges.append(("name", na.split()[-1], (u, *sa), (v, *sb)))
    return _groups(edges, texts)


def _groups(edges: list[tuple[str, str, tuple, tuple]], texts: dict[str, str]) -> list[dict[str, Any]]:
    parent: dict[tuple, tuple] = {}

    def find(x: tuple) -> tuple:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def key(kind: str, var: tuple) -> tuple:
        return (kind, var[0].article, var[1], var[2])

    info: dict[tuple, tuple] = {}
    for kind, about, va, vb in edges:
        ka, kb = key(kind, va), key(kind, vb)
        info.setdefault(ka, (about, va))
        info.setdefault(kb, (about, vb))
        parent[find(ka)] = find(kb)
    comps: dict[tuple, list[tuple]] = defaultdict(list)
    for k in info:
        comps[find(k)].append(k)
    out = []
    for members in comps.values():
        members.sort(key=lambda k: (info[k][1][0].order, k[2]))
        variants: dict[str, dict[str, Any]] = {}
        for k in members:
            unit, s, e = info[k][1]
            if unit.article not in variants:
                variants[unit.article] = {
                    "article": unit.article,
                    "start": s,
                    "end": e,
                    "text": texts[unit.article][s:e],
                    "context": {"start": unit.start, "end": unit.end, "text": unit.text},
                }
        if len(variants) < 2 or len({_norm(v["text"]) for v in variants.values()}) < 2:
            continue
        kind = members[0][0]
        out.append({"about": f"{kind}: {info[members[0]][0]}", "kind": kind, "variants": list(variants.values())})
    return out


def _same_event(ta: TimeRef, tb: TimeRef, u: Unit, v: Unit, s: float) -> bool:
    """Two times date the same happening: the events that hold them have one trigger, or, with no event
    known, the passages agree closely and each has that one time only."""
    if ta.trigger and tb.trigger:
        return ta.trigger == tb.trigger
    return s >= SAME_TIME and len(u.times) == 1 and len(v.times) == 1


def _about(u: Unit, v: Unit) -> str:
    shared = set(words(v.text))
    return " ".join(list(dict.fromkeys(w for w in words(u.text) if w in shared))[:4]) or "when"


def _lone_quantities(u: Unit) -> list[Quantity]:
    """The figures of a passage that can be compared: one per unit, in a passage that is no table of figures."""
    if len(u.quantities) > 2:
        return []
    return [q for q in u.quantities if sum(1 for x in u.quantities if _same_unit(x, q)) == 1]


def _may_differ(units: list[Unit], lone: list[list[Quantity]], sim: np.ndarray) -> np.ndarray:
    """The pairs of passages that could differ at all: both give a comparable figure, both a time (and
    they say the same), or both a person whose name has a variant somewhere in the story (the others
    need no look)."""
    varied = _varied_names({k for u in units for k in u.persons})
    q, t, p = (
        np.array([bool(x) for x in xs], dtype=bool)
        for xs in (lone, [u.times for u in units], [varied.intersection(u.persons) for u in units])
    )
    same = sim >= np.float32(SAME)  # as `sim[i, j] >= SAME` compares: in float32
    return (q[:, None] & q[None, :]) | (t[:, None] & t[None, :] & same) | (p[:, None] & p[None, :])


def _varied_names(keys: set[str]) -> set[str]:
    """The persons' name keys that have a variant among the others. Variants have two or three words and
    differ in one: only keys alike but for the word at one place are compared."""
    alike: dict[tuple, list[str]] = defaultdict(list)
    for k in keys:
        ws = k.split()
        if 2 <= len(ws) <= 3:
            for p in range(len(ws)):
                alike[(len(ws), p, tuple(ws[:p] + ws[p + 1 :]))].append(k)
    return {a for group in alike.values() if len(group) > 1 for a in group for b in group if _name_variants(a, b)}


def _context(u: Unit, q: Quantity) -> tuple[set[str], set[str]]:
    """The words around a figure (not its own) and what kinds of count they make it."""
    w = _window(u, q) - set(q.units)
    return w, _kinds(w | set(q.units))


def _quantity_context(qa: Quantity, ca: tuple[set[str], set[str]], qb: Quantity, cb: tuple[set[str], set[str]], s: float) -> bool:
    """The two figures count the same thing: their passages agree, and so do the words around them."""
    if qa.trigger and qb.trigger and qa.trigger != qb.trigger:
        return False  # 'hit by seven bullets', 'loaded with four bullets': two happenings
    (wa, ka), (wb, kb) = ca, cb
    if ka and kb and not ka & kb:
        return False  # 'five killed', 'seven injured': two counts, not two tellings of one
    return len(wa & wb) >= (1 if s >= SAME else 3)


def _tells_time(units: list[Unit], t: TimeRef) -> bool:
    return any(not _time_clash(x, t) for u in units for x in u.times)


def _kinds(ws: set[str]) -> set[str]:
    """What a count of people counts (dead, injured, held, ...), from the words around it."""
    kinds = _data()["count_kinds"]
    return {k for k, stems in kinds.items() for w in ws if w.startswith(tuple(stems))}


def _states(units: list[Unit], q: Quantity) -> bool:
    return any(_same_unit(x, q) and _compatible(x, q) for u in units for x in u.quantities)


def _persons(units: list[Unit]) -> set[str]:
    return {k for u in units for k in u.persons}


@lru_cache(maxsize=100_000)
def _name_variants(a: str, b: str) -> bool:
    """Two spellings or forenames of one person: same surname with another forename, or one letter off."""
    if a == b:
        return False
    ta, tb = a.split(), b.split()
    if len(ta) != len(tb) or len(ta) < 2 or len(ta) > 3:
        return False
    differ = [i for i in range(len(ta)) if ta[i] != tb[i]]
    if len(differ) != 1:
        return False
    x, y = ta[differ[0]], tb[differ[0]]
    if min(len(x), len(y)) < 3 or x.startswith(y) or y.startswith(x) or x in _titles() or y in _titles():
        return False
    return _edits(x, y) <= (1 if min(len(x), len(y)) <= 4 else 2)


@cache
def _titles() -> frozenset[str]:
    titles = load_json("actors/titles.json").get("titles", [])
    return frozenset(w.lower().rstrip(".") for t in titles for w in str(t).split())


def _edits(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _time_clash(a: TimeRef, b: TimeRef) -> bool:
    """Two times that cannot be the same moment: different days, or disjoint parts of the day (in UTC
    when both write a zone; a zone on one side only is read as the same local time)."""
    if a.said and a.said == b.said:
        return False  # 'Tuesday' and 'Tuesday', resolved against two publication dates
    if a.day is not None and b.day is not None:
        delta = (b.day - a.day).days
    elif a.day is None and b.day is None and a.weekday is not None and b.weekday is not None:
        delta = (b.weekday - a.weekday + 3) % 7 - 3
    else:
        return False
    if (a.hours is None) != (b.hours is None) and (a.zone is not None or b.zone is not None):
        return abs(delta) >= 2  # a zoned clock time may fall on the day before or after the other's
    if a.hours is None or b.hours is None:
        return delta != 0 and not (a.hours is None and b.hours is None and abs(delta) > 3)
    ha = (a.hours[0] - (a.zone or 0), a.hours[1] - (a.zone or 0))
    hb = (b.hours[0] - (b.zone or 0) + 24 * delta, b.hours[1] - (b.zone or 0) + 24 * delta)
    if (a.zone is None) != (b.zone is None):
        ha, hb = a.hours, (b.hours[0] + 24 * delta, b.hours[1] + 24 * delta)
    return ha[1] <= hb[0] or hb[1] <= ha[0]
