"""Units for the story brief: the passages it compares (statements, attributed contents, key
points) with their features, figures and times, and how alike every pair is; kept apart from
storybrief.py because key points, claims and contradictions all read them."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
from scipy import sparse

from newsbrief.corpus import features
from newsbrief.corpus.storybrief_figures import Quantity, _quantities
from newsbrief.corpus.storybrief_times import TimeRef, _event_word, _times

SAME = 0.42  # Dice of content words + names: two passages say the same thing
SAME_CONTEXT = 0.30  # two passages are about the same thing (a contradiction needs this, and more)
SAME_TIME = 0.55  # with no event to hold a time, two passages this close tell one happening
SAME_POINT = 0.36  # two key points this close are one point (a list of points should not repeat itself)
MIN_SHARED, MIN_SHARED_WORDS = 3, 2
NAME_WEIGHT = 0.5  # an actor's name counts half a word: the story's actors are in most of its passages
TOPIC_SHARE = 0.6  # a word in this share of a story's articles (4 or more) is its topic: half weight
MAX_UNITS = 3000  # passages compared at most (all pairs: memory grows with the square)
MAX_KEY_POINTS = 12

# a story's articles name the same actors over and over: their name keys are worked out once
name_key = lru_cache(maxsize=100_000)(features.name_key)

# --- units: the passages the story brief compares ------------------------------------------------


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


Mention = tuple[int, int, dict[str, Any], str]  # start, end, its entity, the entity's name key


def _entity_index(brief: dict[str, Any]) -> tuple[dict[str, dict[str, Any]], list[Mention]]:
    """The brief's entities by id, and their mentions in text order, each with its entity's name key
    (computed once per entity, not once per passage that holds a mention)."""
    ents = {e["id"]: e for e in brief.get("entities", []) if isinstance(e, dict) and "id" in e}
    keys = {id_: name_key(e.get("name") or "") for id_, e in ents.items()}
    mentions = sorted((m["start"], m["end"], e) for e in ents.values() for m in e.get("mentions", []))
    return ents, [(s, e, ent, keys[ent["id"]]) for s, e, ent in mentions]


def _feats(text: str, start: int, end: int, mentions: list[Mention]) -> tuple[set[str], dict[str, tuple[str, tuple[int, int]]]]:
    figures = (  # a figure has a digit; most passages have none
        {"#" + n for n in (m.replace(",", "") for m in _FIGURE.findall(text)) if float(n) > 31} if _DIGIT.search(text) else set()
    )
    # built as a union, as ever: the order of a set's items decides the order of the float sums in _similarities
    feats = {f for t in features._WORD.findall(text) if (f := _folded(t))} | figures
    persons: dict[str, tuple[str, tuple[int, int]]] = {}
    for s, e, ent, key in mentions[bisect_left(mentions, start, key=lambda m: m[0]) :]:
        if s >= end:
            break
        if e <= end and key:
            feats.add("@" + key)
            if ent.get("type") == "PERSON" and (key not in persons or e - s > persons[key][1][1] - persons[key][1][0]):
                persons[key] = (ent["name"], (s, e))
    return feats, persons


_SENTENCE_END = re.compile(r"[.!?\n]")
_DIGIT = re.compile(r"\d")
_FIGURE = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?![\w,])|(?<![\w.,])\d+(?:\.\d+)?(?![\w,])")


@lru_cache(maxsize=200_000)
def _folded(token: str) -> str:
    """A token as features.words keeps it ("" for a stop word or a short one), folded: the same
    features as `{_fold(w) for w in words(text)}`, one cached lookup per token."""
    w = features.stem(token)
    return _fold(w) if len(w) > 2 and w not in features._STOP else ""


@lru_cache(maxsize=100_000)
def _fold(word: str) -> str:
    """Verb and plural endings off ('killed', 'kills', 'killing' meet), on words long enough to keep a stem."""
    for suf in ("ing", "ed", "es", "e"):
        if word.endswith(suf) and len(word) - len(suf) >= 4:
            return word[: -len(suf)]
    return word


def _units_of(article_id: str, order: int, brief: dict[str, Any]) -> list[Unit]:
    text = brief.get("text") or ""
    ents, mentions = _entity_index(brief)
    dated = [t for t in brief.get("timexes", []) if t.get("type") in ("DATE", "TIME")]
    skip = [(t["start"], t["end"]) for t in dated]
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
        u.times = _times(brief, u.text, u.start, u.end, dated)
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
            and not _SENTENCE_END.search(text[prev["end"] : st["start"]])
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
    cols = [vocab.setdefault(f, len(vocab)) for u in units for f in sorted(u.feats)]
    rows = np.repeat(np.arange(len(units)), [len(u.feats) for u in units])
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
    denominator = np.maximum(np.add.outer(wsizes, wsizes), 1e-6)
    dice = np.divide(np.multiply(wshared, 2, out=wshared), denominator, out=wshared)  # in place: n x n float32
    shared_names = (a.multiply(names[None, :]).tocsr() @ a.T).toarray()
    # two short passages that share a name and a word say little the same: at least three features,
    # two of them words
    identical = (shared == sizes[:, None]) & (shared == sizes[None, :]) & (shared >= 2)
    dice[((shared < MIN_SHARED) | (shared - shared_names < MIN_SHARED_WORDS)) & ~identical] = 0.0
    arts = np.array([u.order for u in units])
    dice[arts[:, None] == arts[None, :]] = 0.0
    return dice
