"""The story brief: one real-world event told across its articles, as a pure function of their briefs.

`build_story_brief(story, articles, briefs)` reads only what it is given (no database): the story's
articles in arrival order and their stored briefs ("newsbrief/1" dicts). It merges the key points
across articles, lists the claims with the independent articles that support them and the first
that stated them, finds contradictions between outlets (a number, a date or time, a name told
differently about the same thing), and gathers the timeline, actors and quotes. Copies (`copy_of`)
never count as support and are never cited: a wire story reprinted by ten sites is one source.

"The same claim" is cheap lexical agreement: the Dice overlap of content words (folded plurals) and
the names of the actors inside the two spans, computed for all pairs at once as a sparse product.
Contradictions are precision-first: two passages of different articles must agree on their other
words, and each article must not itself state the other's value anywhere (an article that says both
"5 killed" and "7 injured" is not contradicted by another that says "7 injured").

Every span in the result points into the text of the article it names:
`briefs[article]["text"][start:end] == text`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

import numpy as np
from scipy import sparse
from spacy.lang.en.stop_words import STOP_WORDS

from newsbrief.corpus.features import name_key, stem, words
from newsbrief.resources import load_json

STORY_SCHEMA = "newsbrief-story/1"
SAME = 0.42  # Dice of content words + names: two passages say the same thing
SAME_CONTEXT = 0.30  # two passages are about the same thing (a contradiction needs this, and more)
SAME_TIME = 0.55  # with no event to hold a time, two passages this close tell one happening
SAME_POINT = 0.36  # two key points this close are one point (a list of points should not repeat itself)
MIN_SHARED, MIN_SHARED_WORDS = 3, 2
NAME_WEIGHT = 0.5  # an actor's name counts half a word: the story's actors are in most of its passages
TOPIC_SHARE = 0.6  # a word in this share of a story's articles (4 or more) is its topic: half weight
MAX_UNITS = 3000  # passages compared at most (all pairs: memory grows with the square)
MAX_KEY_POINTS = 12

_DATE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_NUM = re.compile(
    r"(?<![\w.,/:-])([$€£])?\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:[\s-]?(million|billion|trillion|bn|mn|[mk])\b)?(?![\w/:]|[.,]\d)",
    re.I,
)
_TOKEN = re.compile(r"[A-Za-z]+(?:[’'\-][A-Za-z]+)*|%")


@cache
def _data() -> dict[str, Any]:
    d = load_json("storybrief/quantities.json")
    words_ = sorted(d["number_words"], key=len, reverse=True)
    d["_word_re"] = re.compile(r"\b(" + "|".join(re.escape(w) for w in words_) + r")\b", re.I)
    zones = sorted(d["time_zone_names"], key=len, reverse=True)
    d["_zone_re"] = re.compile(
        r"(?i:\b(" + "|".join(re.escape(z) for z in zones) + r")\b)|\b(" + "|".join(d["time_zones"]) + r")\b(?![\w.])",
    )
    d["_skip"] = set(d["unit_skip"])
    quals = sorted(d["approximate"] + d["lower_bound"] + d["upper_bound"], key=len, reverse=True)
    d["_qual_re"] = re.compile(r"\b(?:" + "|".join(map(re.escape, quals)) + r")\s+$", re.I)
    return d


# --- units: the passages the story brief compares ------------------------------------------------


@dataclass
class Quantity:
    value: float
    qualifier: str  # "", "approx", "lower", "upper"
    units: tuple[str, ...]  # folded words after the number ("container", "shipping")
    start: int  # absolute offsets of the phrase ("more than 1,000 containers") in the article
    end: int
    trigger: str | None = None  # the folded word of the event whose clause holds it ("killed", "missed")


@dataclass
class TimeRef:
    start: int
    end: int
    day: date | None
    weekday: int | None
    hours: tuple[float, float] | None  # local hours of the day (may run past 24)
    zone: float | None  # UTC offset in hours, when the text writes one
    said: str = ""  # the expression as written, folded: the same words never clash
    trigger: str | None = None  # the folded word of the event it dates ("broke"), when a brief's event holds it


@dataclass
class Unit:
    article: str
    order: int  # the article's position among the story's independent articles
    start: int
    end: int
    text: str
    kind: str  # "statement", "attribution", "key_point", "quote"
    holder: str | None = None
    modality: str | None = None
    feats: set[str] = field(default_factory=set)
    persons: dict[str, tuple[str, tuple[int, int]]] = field(default_factory=dict)  # name key -> (name, its fullest mention)
    quantities: list[Quantity] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)


def _entity_index(brief: dict[str, Any]) -> tuple[dict[str, dict[str, Any]], list[tuple[int, int, dict[str, Any]]]]:
    ents = {e["id"]: e for e in brief.get("entities", []) if isinstance(e, dict) and "id" in e}
    mentions = sorted((m["start"], m["end"], e) for e in ents.values() for m in e.get("mentions", []))
    return ents, mentions


def _feats(
    text: str, start: int, end: int, mentions: list[tuple[int, int, dict[str, Any]]]
) -> tuple[set[str], dict[str, tuple[str, tuple[int, int]]]]:
    feats = {_fold(w) for w in words(text)} | {
        "#" + n for n in (m.replace(",", "") for m in _FIGURE.findall(text)) if float(n) > 31
    }
    persons: dict[str, tuple[str, tuple[int, int]]] = {}
    for s, e, ent in mentions:
        if s >= end:
            break
        if s >= start and e <= end:
            key = name_key(ent.get("name") or "")
            if key:
                feats.add("@" + key)
                if ent.get("type") == "PERSON" and (key not in persons or e - s > persons[key][1][1] - persons[key][1][0]):
                    persons[key] = (ent["name"], (s, e))
    return feats, persons


_FIGURE = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?![\w,])|(?<![\w.,])\d+(?:\.\d+)?(?![\w,])")


def _fold(word: str) -> str:
    """Verb and plural endings off ('killed', 'kills', 'killing' meet), on words long enough to keep a stem."""
    for suf in ("ing", "ed", "es", "e"):
        if word.endswith(suf) and len(word) - len(suf) >= 4:
            return word[: -len(suf)]
    return word


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
    for m in _NUM.finditer(text):
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
        if re.search(r"\d[:.,]\s?$", text[max(0, s - 3) : s]) or re.match(r"\s?[:×x]\s?\d", text[e : e + 3]):
            continue  # the tail of a clock time, a decimal or a thousands group split by a space; '4x4'
        if re.match(r"-by-", text[e : e + 4]) or re.search(r"[-×/]$|\(\s?$|\([A-Z]{0,3}[$€£]?$", text[max(0, s - 5) : s]):
            continue  # 'four-by-four', '4×4'; a conversion in brackets: '$1 million ($1.52 million)', '58km (36 miles)'

        if not money and v.is_integer() and 1900 <= v <= 2100 and "," not in text[s:e]:
            continue  # a year
        units = _unit_after(text, e, money, text[s])
        if not units:
            continue
        qual = _qualifier(text[max(0, s - 24) : s])
        unit_end = e
        if units[0] not in ("$", "€", "£", "%"):
            m2 = re.compile(r"[\s\-]*(?:[A-Za-z%]+(?:[’'\-][A-Za-z]+)*\s*){1,3}").match(text, e)
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


def _times(brief: dict[str, Any], text: str, base: int, end: int) -> list[TimeRef]:
    """The DATE/TIME expressions inside a passage, as local hours of a day (and a zone, when written)."""
    d = _data()
    out = []
    for tx in brief.get("timexes", []):
        if tx.get("type") not in ("DATE", "TIME") or not (base <= tx["start"] and tx["end"] <= end):
            continue
        t_text = tx["text"].lower()
        value = tx.get("value") or ""
        day = None
        m = _DATE.match(value)
        if m:
            try:
                day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                day = None
        weekday = next((i for i, w in enumerate(d["weekdays"]) if w in t_text), None)
        if day is None and weekday is None:
            continue
        rel_s, rel_e = tx["start"] - base, tx["end"] - base
        if _dateline(text, rel_s, rel_e, tx["start"]) or _reporting_time(text, rel_s, rel_e):
            continue
        if day is not None:
            weekday = day.weekday()
        before = re.search(
            r"\b(early|late|overnight)\s+(?:on\s+)?$", text[max(0, tx["start"] - base - 16) : tx["start"] - base], re.I
        )
        hours = _hours((before.group(1).lower() + " " if before else "") + t_text, value)
        zone = _zone(tx["text"])
        if zone is None:
            zone = _zone(text[tx["end"] - base : tx["end"] - base + 30].lstrip(" ,("), anchored=True)
        t_start = base + max(0, tx["start"] - base - 16) + before.start() if before else tx["start"]
        event = min(
            (ev for ev in brief.get("events", []) if ev["start"] <= tx["start"] and tx["end"] <= ev["end"] and ev.get("trigger")),
            key=lambda ev: ev["end"] - ev["start"],
            default=None,
        )
        trigger = _lemma(event["trigger"]["text"]) if event else None
        said = _norm(text[t_start - base : rel_e])
        out.append(TimeRef(t_start, tx["end"], day, weekday, hours, zone, said=said, trigger=trigger))
    return _joined(out, text, base)


def _joined(refs: list[TimeRef], text: str, base: int) -> list[TimeRef]:
    """'11 p.m. ET on Tuesday' told as two expressions is one time: the clock's hours and zone on the
    day the words name."""
    refs.sort(key=lambda r: r.start)
    out: list[TimeRef] = []
    for r in refs:
        prev = out[-1] if out else None
        if prev is not None and r.start - prev.end <= 12 and (prev.hours is None) != (r.hours is None):
            clock, day = (r, prev) if prev.hours is None else (prev, r)
            s, e = prev.start, max(prev.end, r.end)
            said = _norm(text[s - base : e - base])
            out[-1] = TimeRef(
                s, e, day.day, day.weekday, clock.hours, clock.zone, said=said, trigger=clock.trigger or day.trigger
            )
            continue
        out.append(r)
    return out


def _dateline(text: str, s: int, e: int, absolute: int) -> bool:
    """A publication stamp, not the time of what happened: a dated year next to a clock time, an
    'updated'/'published' label, or at the article's very top."""
    t = text[s:e]
    if not re.search(r"\b(19|20)\d\d\b", t):
        return False
    if absolute < 200 or re.match(r"[\s,|\-–]{0,4}\d{1,2}\s?[:.]\s?\d\d", text[e : e + 8]):
        return True
    return bool(re.search(r"\b(updated|published|posted|modified|last updated)\b[:\s]*(on\s*)?$", text[max(0, s - 30) : s], re.I))


def _reporting_time(text: str, s: int, e: int) -> bool:
    """'authorities said Saturday': the time of the telling, not of the told."""
    verbs = r"(said|says|told|announced|reported|confirmed|stated|added|disclosed|revealed)"
    return bool(re.search(r"\b" + verbs + r"\s+(on\s+)?$", text[max(0, s - 24) : s], re.I))


def _event_word(brief: dict[str, Any], start: int, end: int) -> str | None:
    """The trigger of the smallest event of the brief whose clause holds [start, end), folded."""
    event = min(
        (
            ev
            for ev in brief.get("events", [])
            if ev["start"] <= start and end <= ev["end"] and isinstance(ev.get("trigger"), dict)
        ),
        key=lambda ev: ev["end"] - ev["start"],
        default=None,
    )
    return _lemma(event["trigger"]["text"]) if event else None


def _lemma(word: str) -> str:
    """A crude verb fold, enough to meet 'placed' and 'places', 'broke' and 'broke'."""
    w = stem(word.lower().split()[-1])
    for suf in ("ing", "ed", "e"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


def _zone(text: str, anchored: bool = False) -> float | None:
    """The UTC offset a text writes ('ET', 'GMT', 'Seoul time'), at its start when `anchored`."""
    d = _data()
    m = d["_zone_re"].match(text) if anchored else d["_zone_re"].search(text)
    if m is None:
        return None
    if m.group(1):
        return d["time_zone_names"].get(m.group(1).lower())
    return d["time_zones"].get(m.group(2))


def _hours(t_text: str, value: str) -> tuple[float, float] | None:
    d = _data()
    clock = re.search(r"\b(\d{1,2})(?::(\d\d))?\s*(a\.?m\.?|p\.?m\.?)", t_text)
    if clock:
        h = int(clock.group(1)) % 12 + (12 if clock.group(3).startswith("p") else 0)
        h += int(clock.group(2) or 0) / 60
        return (h, h + 1)
    m = re.search(r"T(\d\d):(\d\d)", value)
    if m:
        h = int(m.group(1)) + int(m.group(2)) / 60
        return (h, h + 1)
    for part in sorted(d["parts_of_day"], key=len, reverse=True):
        if re.search(r"\b" + part + r"\b", t_text):
            a, b = d["parts_of_day"][part]
            return (float(a), float(b))
    m = re.search(r"T(MO|AF|EV|NI)$", value)
    if m:
        a, b = d["timex_parts"][m.group(1)]
        return (float(a), float(b))
    return None


def _units_of(article_id: str, order: int, brief: dict[str, Any]) -> list[Unit]:
    text = brief.get("text") or ""
    ents, mentions = _entity_index(brief)
    skip = [(t["start"], t["end"]) for t in brief.get("timexes", []) if t.get("type") in ("DATE", "TIME")]
    units: list[Unit] = []
    atts = [a for a in brief.get("attributions", []) if isinstance(a.get("content"), dict)]
    for a in atts:
        c = a["content"]
        who = a.get("speaker_name") or (ents.get(a.get("speaker") or "") or {}).get("name")
        units.append(Unit(article_id, order, c["start"], c["end"], c["text"], "attribution", who, "asserted"))
    for st in _sentences_of(brief.get("statements", []), text):
        inner = [
            a
            for a in atts
            if st["start"] <= a["content"]["start"]
            and a["content"]["end"] <= st["end"]
            and (
                2 * (a["content"]["end"] - a["content"]["start"]) >= st["end"] - st["start"]
                or (isinstance(a.get("cue"), dict) and st["start"] <= a["cue"]["start"] < st["end"])
            )
        ]
        if inner:
            continue  # the attribution's content carries the claim, with its holder
        holder = (ents.get(st.get("holder") or "") or {}).get("name")
        units.append(Unit(article_id, order, st["start"], st["end"], st["text"], "statement", holder, st.get("modality")))
    for kp in brief.get("key_points", []):
        units.append(Unit(article_id, order, kp["start"], kp["end"], kp["text"], "key_point"))
    for u in units:
        if text[u.start : u.end] != u.text:
            u.kind = "bad"
            continue
        u.feats, u.persons = _feats(u.text, u.start, u.end, mentions)
        u.quantities = _quantities(u.text, u.start, skip)
        for q in u.quantities:
            q.trigger = _event_word(brief, q.start, q.end)
        u.times = _times(brief, u.text, u.start, u.end)
    return [u for u in units if u.kind != "bad" and u.feats]


def _sentences_of(statements: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """Statements with the clauses that continue them in the same sentence joined on ('... on board' +
    'when the fire started'): a claim is read whole, not as a dangling subordinate clause."""
    out: list[dict[str, Any]] = []
    for st in sorted(statements, key=lambda s: s["start"]):
        prev = out[-1] if out else None
        if (
            prev is not None
            and 0 <= st["start"] - prev["end"] <= 2
            and not re.search(r"[.!?\n]", text[prev["end"] : st["start"]])
            and st["text"][:1].islower()
        ):
            out[-1] = prev | {
                "end": st["end"],
                "text": text[prev["start"] : st["end"]],
                "holder": prev.get("holder") or st.get("holder"),
            }
            continue
        out.append(dict(st))
    return out


def _first(units: list[Unit], budget: int) -> list[Unit]:
    """An article's key points, then its passages in text order, up to `budget`."""
    ranked = sorted(units, key=lambda u: (u.kind != "key_point", u.start))
    return ranked[:budget]


def _similarities(units: list[Unit]) -> np.ndarray:
    """Dice overlap of the units' features, all pairs at once (same-article pairs are zero)."""
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, u in enumerate(units):
        for f in u.feats:
            rows.append(i)
            cols.append(vocab.setdefault(f, len(vocab)))
    n = len(units)
    if not n:
        return np.zeros((0, 0))
    a = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, max(1, len(vocab))))
    shared = (a @ a.T).toarray()
    sizes = np.asarray(a.sum(axis=1), dtype=np.float32).ravel()
    names = np.zeros(max(1, len(vocab)), dtype=np.float32)
    names[[k for f, k in vocab.items() if f.startswith("@")]] = 1.0
    # what (nearly) every article of the story says is its topic, not a claim: such words and the
    # actors' names weigh half in the overlap
    n_articles = len({u.order for u in units})
    weight = np.where(names > 0, NAME_WEIGHT, 1.0).astype(np.float32)
    if n_articles >= 4:
        arts_of = sparse.csr_matrix((np.ones(n, dtype=np.float32), (np.array([u.order for u in units]), np.arange(n))))
        df = np.asarray(((arts_of @ a) > 0).sum(axis=0)).ravel()
        weight[df >= TOPIC_SHARE * n_articles] *= 0.5
    aw = a.multiply(np.sqrt(weight)[None, :]).tocsr()
    wshared = (aw @ aw.T).toarray()
    wsizes = np.asarray(a.multiply(weight[None, :]).sum(axis=1), dtype=np.float32).ravel()
    dice = (2 * wshared / np.maximum(wsizes[:, None] + wsizes[None, :], 1e-6)).astype(np.float32)
    shared_names = (a.multiply(names[None, :]).tocsr() @ a.T).toarray()
    # two short passages that share a name and a word say little the same: at least three features,
    # two of them words
    identical = (shared == sizes[:, None]) & (shared == sizes[None, :]) & (shared >= 2)
    dice[((shared < MIN_SHARED) | (shared - shared_names < MIN_SHARED_WORDS)) & ~identical] = 0.0
    arts = np.array([u.order for u in units])
    dice[arts[:, None] == arts[None, :]] = 0.0
    return dice


# --- the story brief --------------------------------------------------------------------------


def _span(
    u: Unit | Any, article: str | None = None, start: int | None = None, end: int | None = None, text: str | None = None
) -> dict[str, Any]:
    return {
        "article": article if article is not None else u.article,
        "start": start if start is not None else u.start,
        "end": end if end is not None else u.end,
        "text": text if text is not None else u.text,
    }


def _earliest(ids: set[str], pos: dict[str, int], published: dict[str, str | None]) -> str:
    """The earliest article: by publication date when all are dated, else by arrival."""
    if all(published.get(i) for i in ids):
        return min(ids, key=lambda i: (published[i], pos[i]))
    return min(ids, key=lambda i: pos[i])


def build_story_brief(story: dict[str, Any], articles: list[dict[str, Any]], briefs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The "newsbrief-story/1" JSON of a story from its articles (arrival order) and their briefs."""
    pos = {a["id"]: i for i, a in enumerate(articles)}
    published = {a["id"]: a.get("published") for a in articles}
    independent = [a for a in articles if not a.get("copy_of") and isinstance(briefs.get(a["id"]), dict)]
    order = {a["id"]: i for i, a in enumerate(independent)}
    per_article = [_units_of(a["id"], order[a["id"]], briefs[a["id"]]) for a in independent]
    budget = max(12, MAX_UNITS // max(1, len(per_article)))  # a huge story: each article's first passages
    units = [u for us in per_article for u in (us if sum(len(x) for x in per_article) <= MAX_UNITS else _first(us, budget))]
    sim = _similarities(units)
    texts = {a["id"]: briefs[a["id"]].get("text") or "" for a in independent}

    def support(i: int) -> set[str]:
        if not len(units):
            return set()
        hits = np.nonzero(sim[i] >= SAME)[0]
        return {units[i].article} | {units[j].article for j in hits if not _figures_clash(units[i], units[j])}

    key_points = _key_points(units, sim, support)
    claims = _claims(units, sim, support, pos, published)
    contradictions = _contradictions(units, sim, texts)
    dates = [a["published"] for a in independent if a.get("published")]
    source = {a["id"]: a.get("source") for a in independent}
    for x in key_points + claims:
        x["outlets"] = list(dict.fromkeys(source[i] for i in x["support"] if source.get(i)))
    for c in claims:
        # a claim that holds a variant of a contradiction is contested: its figure, time or name differs elsewhere
        c["contested"] = [k for k, x in enumerate(contradictions) if any(_inside(v, c) for v in x["variants"])]
    return {
        "schema": STORY_SCHEMA,
        "id": story.get("id"),
        "title": story.get("title"),
        "first_published": min(dates) if dates else None,
        "last_published": max(dates) if dates else None,
        "outlets": sorted({a["source"] for a in independent if a.get("source")}),
        "articles": [
            {k: a.get(k) for k in ("id", "source", "url", "published", "title")} | {"copy_of": a.get("copy_of")} for a in articles
        ],
        "key_points": key_points,
        "claims": claims,
        "contradictions": contradictions,
        "timeline": _timeline(independent, briefs),
        "actors": _actors(independent, briefs),
        "quotes": _quotes(independent, briefs),
    }


def _inside(v: dict[str, Any], c: dict[str, Any]) -> bool:
    return v["article"] == c["article"] and c["start"] <= v["start"] and v["end"] <= c["end"]


def _key_points(units: list[Unit], sim: np.ndarray, support: Any) -> list[dict[str, Any]]:
    """Each article's key points, the same point told twice kept once (the first teller cites it)."""
    idx = [i for i, u in enumerate(units) if u.kind == "key_point"]
    rank: dict[int, int] = {}
    seen: dict[str, int] = defaultdict(int)
    for i in idx:
        rank[i] = seen[units[i].article]
        seen[units[i].article] += 1
    kept: list[int] = []
    merged: dict[int, set[str]] = {}
    for i in sorted(idx, key=lambda i: (rank[i], units[i].order)):
        twin = next((k for k in kept if sim[i, k] >= SAME_POINT and not _figures_clash(units[i], units[k])), None)
        if twin is not None:
            merged[twin].add(units[i].article)
            continue
        kept.append(i)
        merged[i] = support(i)
    kept.sort(key=lambda k: (-len(merged[k]), rank[k], units[k].order))
    order = {u.article: u.order for u in units}
    return [_span(units[k]) | {"support": _ordered(merged[k], order)} for k in kept[:MAX_KEY_POINTS]]


def _ordered(ids: set[str], order: dict[str, int]) -> list[str]:
    """Article ids in the story's order."""
    return sorted(ids, key=lambda a: order.get(a, 0))


def _claims(
    units: list[Unit], sim: np.ndarray, support: Any, pos: dict[str, int], published: dict[str, str | None]
) -> list[dict[str, Any]]:
    """Asserted statements and attributed contents, grouped when they say the same across articles."""
    idx = [i for i, u in enumerate(units) if u.kind in ("statement", "attribution") and u.modality == "asserted"]
    groups: dict[int, list[int]] = {}  # representative -> members, at most one per article
    is_rep = np.zeros(len(units), dtype=bool)
    for i in sorted(idx, key=lambda i: (units[i].order, units[i].start)):
        best, best_sim = None, SAME
        for rep in np.nonzero(is_rep & (sim[i] >= SAME))[0]:
            members = groups[int(rep)]
            if (
                sim[i, rep] >= best_sim
                and all(units[m].article != units[i].article for m in members)
                and not _figures_clash(units[i], units[rep])
            ):
                best, best_sim = int(rep), sim[i, rep]
        if best is None:
            is_rep[i] = True
            groups[i] = [i]
        else:
            groups[best].append(i)
    out = []
    order = {u.article: u.order for u in units}
    for members in groups.values():
        first = _earliest({units[i].article for i in members}, pos, published)
        rep = min((i for i in members if units[i].article == first), key=lambda i: units[i].start)
        sup = support(rep) | {units[i].article for i in members}
        u = units[rep]
        holder = u.holder or next((units[i].holder for i in members if units[i].holder), None)
        out.append(_span(u) | {"holder": holder, "support": _ordered(sup, order), "first": _earliest(sup, pos, published)})
    out.sort(key=lambda c: (-len(c["support"]), pos[c["article"]], c["start"]))
    return out


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
    edges: list[tuple[str, str, tuple, tuple]] = []  # kind, about, variant a, variant b
    pairs = np.argwhere(np.triu(sim >= SAME_CONTEXT, 1)) if len(units) else []
    for i, j in pairs:
        u, v = units[i], units[j]
        for qa in _lone_quantities(u):
            for qb in _lone_quantities(v):
                if not _same_unit(qa, qb) or _compatible(qa, qb):
                    continue
                if not _quantity_context(u, qa, v, qb, sim[i, j]):
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
                if kb in _persons(by_article[u.article]) or ka in _persons(by_article[v.article]):
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


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _lone_quantities(u: Unit) -> list[Quantity]:
    """The figures of a passage that can be compared: one per unit, in a passage that is no table of figures."""
    if len(u.quantities) > 2:
        return []
    return [q for q in u.quantities if sum(1 for x in u.quantities if _same_unit(x, q)) == 1]


def _quantity_context(u: Unit, qa: Quantity, v: Unit, qb: Quantity, s: float) -> bool:
    """The two figures count the same thing: their passages agree, and so do the words around them."""
    if qa.trigger and qb.trigger and qa.trigger != qb.trigger:
        return False  # 'hit by seven bullets', 'loaded with four bullets': two happenings
    wa, wb = _window(u, qa) - set(qa.units), _window(v, qb) - set(qb.units)
    ka, kb = _kinds(wa | set(qa.units)), _kinds(wb | set(qb.units))
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


# --- timeline, actors, quotes -------------------------------------------------------------------


def _timeline(independent: list[dict[str, Any]], briefs: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The articles' dated items in order; the same item told by several articles is one, with its support."""
    from newsbrief.model import Brief
    from newsbrief.timeline import build_timeline

    items: list[dict[str, Any]] = []
    for a in independent:
        try:
            tl = build_timeline(Brief.model_validate(briefs[a["id"]]))
        except Exception:  # a brief the model refuses gives no timeline, not a failed story
            continue
        for it in tl:
            feats = set(words(it.span.text))
            twin = next((x for x in items if x["when"] == it.when and _dice(x["_f"], feats) >= SAME), None)
            if twin is not None:
                if a["id"] not in twin["support"]:
                    twin["support"].append(a["id"])
                continue
            items.append(
                {
                    "when": it.when,
                    "date": it.start.isoformat(),
                    "kind": it.kind,
                    "article": a["id"],
                    "start": it.span.start,
                    "end": it.span.end,
                    "text": it.span.text,
                    "support": [a["id"]],
                    "_f": feats,
                    "_k": (it.start, it.end),
                }
            )
    items.sort(key=lambda x: x["_k"])
    for x in items:
        del x["_f"], x["_k"]
    return items


def _dice(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / max(1, len(a) + len(b))


def _actor_keys(independent: list[dict[str, Any]], briefs: dict[str, dict[str, Any]]) -> dict[tuple[str, str], str]:
    """(article, entity id) -> a story-wide key: the name, a lone surname joined to the one full name it ends."""
    keys: dict[tuple[str, str], str] = {}
    full: dict[str, set[str]] = defaultdict(set)
    for a in independent:
        for e in briefs[a["id"]].get("entities", []):
            k = name_key(e.get("name") or "")
            keys[(a["id"], e["id"])] = k
            if e.get("type") == "PERSON" and len(k.split()) > 1:
                full[k.split()[-1]].add(k)
    for ref, k in keys.items():
        if len(k.split()) == 1 and len(full.get(k, ())) == 1:
            keys[ref] = next(iter(full[k]))
    return keys


def _actors(independent: list[dict[str, Any]], briefs: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    keys = _actor_keys(independent, briefs)
    merged: dict[str, dict[str, Any]] = {}
    for a in independent:
        for e in briefs[a["id"]].get("entities", []):
            k = keys.get((a["id"], e["id"]))
            if not k:
                continue
            x = merged.setdefault(
                k,
                {
                    "name": e["name"],
                    "type": e.get("type"),
                    "country": e.get("country"),
                    "mentions": 0,
                    "articles": [],
                    "aliases": {},
                },
            )
            if len(e["name"]) > len(x["name"]):
                x["name"] = e["name"]
            x["country"] = x["country"] or e.get("country")
            x["mentions"] += len(e.get("mentions", []))
            if a["id"] not in x["articles"]:
                x["articles"].append(a["id"])
            for m in e.get("mentions", []):
                x["aliases"][m["text"]] = x["aliases"].get(m["text"], 0) + 1
    out = sorted(merged.values(), key=lambda x: (-len(x["articles"]), -x["mentions"], x["name"]))
    return out


def _quotes(independent: list[dict[str, Any]], briefs: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Direct and mixed quotes grouped by speaker (merged by name across articles), with the roles given."""
    keys = _actor_keys(independent, briefs)
    groups: dict[str, dict[str, Any]] = {}
    for a in independent:
        brief = briefs[a["id"]]
        names = {e["id"]: e["name"] for e in brief.get("entities", [])}
        for att in brief.get("attributions", []):
            if att.get("kind") not in ("direct", "mixed") or not isinstance(att.get("content"), dict):
                continue
            sid = att.get("speaker")
            who = names.get(sid or "") or att.get("speaker_name") or "unknown"
            key = keys.get((a["id"], sid or ""), name_key(who) or who.lower())
            g = groups.setdefault(key, {"speaker": who, "roles": [], "quotes": [], "_f": []})
            if len(who) > len(g["speaker"]) and sid:
                g["speaker"] = who
            role = att.get("role")
            if (
                isinstance(role, dict)
                and _is_role(role["text"])
                and role["text"].lower() not in {r["text"].lower() for r in g["roles"]}
            ):
                g["roles"].append({"article": a["id"], "start": role["start"], "end": role["end"], "text": role["text"]})
            c = att["content"]
            feats = set(words(c["text"]))
            twin = next((q for q, f in zip(g["quotes"], g["_f"], strict=True) if _dice(f, feats) >= 0.6), None)
            if twin is not None:
                if a["id"] not in twin["support"]:
                    twin["support"].append(a["id"])
                continue
            g["quotes"].append(
                {"article": a["id"], "start": c["start"], "end": c["end"], "text": c["text"], "support": [a["id"]]}
            )
            g["_f"].append(feats)
    out = []
    for g in groups.values():
        del g["_f"]
        out.append(g)
    out.sort(key=lambda g: (g["speaker"] == "unknown", -len(g["quotes"])))
    return out


def _is_role(text: str) -> bool:
    """A description worth showing: 'a professor at Korea University', 'spokesman'; not a stray 'Mr'."""
    ws = text.split()
    return len(ws) >= 2 or (len(ws) == 1 and ws[0].islower() and len(ws[0]) > 3)


# --- Markdown -----------------------------------------------------------------------------------


def story_markdown(sb: dict[str, Any], claims: int = 15) -> str:
    """The `story` command's Markdown view of a story brief."""
    arts = {a["id"]: a for a in sb.get("articles", [])}

    def who(aid: str) -> str:
        a = arts.get(aid) or {}
        return f"{a.get('source') or aid}"

    def cite(x: dict[str, Any]) -> str:
        return f"[`{x['article']}` {x['start']}-{x['end']}]"

    lines = [f"# {sb.get('title') or sb.get('id')}", "", f"Story `{sb.get('id')}`"]
    dates = sorted(a["published"] for a in arts.values() if a.get("published"))
    if dates:
        lines[-1] += f", {dates[0]}" + (f" to {dates[-1]}" if dates[-1] != dates[0] else "")
    outlets = sorted({a.get("source") for a in arts.values() if a.get("source") and not a.get("copy_of")})
    if outlets:
        lines[-1] += f"; outlets: {', '.join(outlets)}"
    lines += ["", "## Articles", ""]
    for a in arts.values():
        copy = f" (copy of `{a['copy_of']}`)" if a.get("copy_of") else ""
        lines.append(
            f"- `{a['id']}` {a.get('published') or 'undated'} {a.get('source') or ''} {a.get('title') or ''}{copy}".rstrip()
        )
    if sb.get("key_points"):
        lines += ["", "## Key points", ""]
        for k in sb["key_points"]:
            lines.append(f"- {k['text']} {cite(k)} — {len(k['support'])} source(s): {', '.join(map(who, k['support']))}")
    if sb.get("contradictions"):
        lines += ["", "## Contradictions", ""]
        for c in sb["contradictions"]:
            lines.append(f"- **{c['about']}**")
            lines += [f"  - {who(v['article'])}: “{v['text']}” {cite(v)}" for v in c["variants"]]
    corroborated = [c for c in sb.get("claims", []) if len(c["support"]) > 1]
    single = [c for c in sb.get("claims", []) if len(c["support"]) <= 1]
    if corroborated:
        lines += ["", "## Corroborated claims", ""]
        for c in corroborated[:claims]:
            holder = f" ({c['holder']})" if c.get("holder") else ""
            contested = " (contested)" if c.get("contested") else ""
            lines.append(f"- {c['text']}{holder} {cite(c)} — {len(c['support'])} sources, first: {who(c['first'])}{contested}")
    if single:
        lines += ["", "## Single-source claims", ""]
        for c in single[:claims]:
            holder = f" ({c['holder']})" if c.get("holder") else ""
            contested = " (contested)" if c.get("contested") else ""
            lines.append(f"- {c['text']}{holder} {cite(c)} — {who(c['article'])}{contested}")
        if len(single) > claims:
            lines.append(f"- … and {len(single) - claims} more")
    if sb.get("timeline"):
        lines += ["", "## Timeline", ""]
        lines += [f"- {t['when']}: {t['text']} {cite(t)}" for t in sb["timeline"]]
    if sb.get("actors"):
        lines += ["", "## Actors", ""]
        for x in sb["actors"][:25]:
            extra = ", ".join(filter(None, [x.get("type"), x.get("country")]))
            lines.append(f"- {x['name']} ({extra}): {x['mentions']} mentions in {len(x['articles'])} article(s)")
    if sb.get("quotes"):
        lines += ["", "## Quotes", ""]
        for g in sb["quotes"]:
            roles = "; ".join(r["text"] for r in g.get("roles", []))
            lines.append(f"- **{g['speaker']}**" + (f", {roles}" if roles else ""))
            lines += [f"  - “{q['text']}” {cite(q)}" for q in g["quotes"]]
    return "\n".join(lines) + "\n"
