"""Points of attention: the article's sentences ranked by a few cheap signals, then thinned so that no
two points say the same thing.

Why these signals: on news, the lead is strong (journalists write the inverted pyramid), sentences
central to the article's vocabulary carry its topic, sentences naming the actors the article keeps
returning to carry its news, and quotes rarely state the news itself. The first few points are
chosen by weights that favour the lead (what happened), the later ones by weights that favour the
article's core (what it keeps coming back to); weights were tuned on the even lines of CNN/DM and
BBC dev (bench/bench_summary.py) and live in resources/keypoints/weights.json. Picking is MMR
(maximal marginal relevance), and a sentence the redundancy check pairs with a chosen point is
skipped. Everything is computed from the parse already made: no model call per sentence.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from newsbrief.analyzers import base
from newsbrief.model import KeyPoint
from newsbrief.resources import load_json

_CONFIG = load_json("keypoints/weights.json")
_LINES = load_json("lines.json")
_BULLETS = frozenset(_LINES["bullets"])
_NUMBERED = re.compile(_LINES["numbered"])
_DATELINE = re.compile(_CONFIG["dateline"])
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
SALIENT_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
VALUE_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL"})
MAX_POINTS = 12


@dataclass
class Unit:
    """A candidate point: one sentence, trimmed of its list marker and surrounding space."""

    index: int
    start: int
    end: int
    words: int
    terms: list[str] = field(default_factory=list)  # content lemmas
    ents: set[str] = field(default_factory=set)  # entity keys (see _ent_key)
    heading: bool = False  # a whole line without final punctuation
    quote: float = 0.0  # share of its words inside quotation marks
    first_in_line: bool = False
    intro: bool = False  # ends with a colon: it announces what follows
    dated: set[str] = field(default_factory=set)  # its DATE/TIME/number entities, lower-cased


def _ent_key(ent) -> str:
    """One key per actor within a document: a person by the last word of the name, others by text."""
    toks = [t for t in ent if not (t.is_punct or t.lower_ in {"'s", "’s", "the"})]
    if not toks:
        return ""
    if ent.label_ == "PERSON":
        return toks[-1].lower_
    return " ".join(t.lower_ for t in toks)


def units_of(doc: Doc) -> list[Unit]:
    """The sentences of the doc as candidate points, with grounded trimmed offsets."""
    text = doc.text
    units: list[Unit] = []
    ent_keys: dict[int, str] = {}
    value_keys: dict[int, str] = {}
    for ent in doc.ents:
        if ent.label_ in VALUE_ENTS:
            for t in ent:
                value_keys[t.i] = ent.text.lower()
        elif ent.label_ in SALIENT_ENTS:
            key = _ent_key(ent)
            if key:
                for t in ent:
                    ent_keys[t.i] = key
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if not toks:
            continue
        line_open = toks[0].i == 0 or "\n" in doc[toks[0].i - 1].text_with_ws
        if line_open and len(toks) > 1 and (toks[0].text in _BULLETS or _NUMBERED.match(toks[0].text)):
            toks = toks[1:]
        if not any(t.is_alpha for t in toks):
            continue
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if start == 0:
            m = _DATELINE.match(text, 0, end)
            if m and m.end() < end - 20:
                start = m.end()
                toks = [t for t in toks if t.idx >= start]
        words = sum(1 for t in toks if not t.is_punct)
        line_close = toks[-1].i + 1 >= len(doc) or "\n" in toks[-1].whitespace_ or "\n" in doc[toks[-1].i + 1].text
        heading = line_open and line_close and not toks[-1].is_punct
        inside, quoted = False, 0
        for t in toks:
            if t.is_quote:
                inside = not inside
            elif inside and not t.is_punct:
                quoted += 1
        units.append(
            Unit(
                index=len(units),
                start=start,
                end=end,
                words=words,
                terms=[t.lemma_.lower() for t in toks if t.pos_ in CONTENT_POS and not t.is_stop and t.is_alpha],
                ents={ent_keys[t.i] for t in toks if t.i in ent_keys},
                heading=heading,
                quote=quoted / max(words, 1),
                first_in_line=line_open,
                intro=toks[-1].text == ":",
                dated={value_keys[t.i] for t in toks if t.i in value_keys},
            )
        )
    return units


UNITS_KEY = "newsbrief_keypoint_units"
PAIRS_KEY = "newsbrief_redundant_pairs"


def cached_units(doc: Doc) -> list[Unit]:
    """units_of(doc), computed once per doc for the components that share them."""
    if UNITS_KEY not in doc.user_data:
        doc.user_data[UNITS_KEY] = units_of(doc)
    return doc.user_data[UNITS_KEY]


def finished(doc: Doc, component: str, other: str) -> None:
    """Mark a sharing component done; the second to finish drops the shared caches from the Doc."""
    doc.user_data[f"newsbrief_{component}_done"] = True
    if doc.user_data.get(f"newsbrief_{other}_done"):
        doc.user_data.pop(UNITS_KEY, None)
        doc.user_data.pop(PAIRS_KEY, None)


def _terms(u: Unit, entities: bool) -> list[str]:
    if not entities:
        return u.terms
    return u.terms + [f"ent:{k}" for k in sorted(u.ents)] + [f"val:{k}" for k in sorted(u.dated)]


def tfidf(units: list[Unit], entities: bool = False) -> np.ndarray:
    """Rows: units as L2-normalised tf-idf vectors over their content lemmas (idf within the article);
    with `entities`, their actors and dates/numbers count as terms too."""
    vocab: dict[str, int] = {}
    for u in units:
        for t in _terms(u, entities):
            vocab.setdefault(t, len(vocab))
    m = np.zeros((len(units), max(len(vocab), 1)))
    for i, u in enumerate(units):
        for t, c in Counter(_terms(u, entities)).items():
            m[i, vocab[t]] = 1.0 + math.log(c)
    df = (m > 0).sum(axis=0)
    m *= np.log((1 + len(units)) / (1 + df)) + 1.0
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    return m / np.where(norms > 0, norms, 1.0)


def features(units: list[Unit], vecs: np.ndarray) -> dict[str, np.ndarray]:
    """Named per-unit signals, each roughly in [0, 1]."""
    n = len(units)
    idx = np.arange(n, dtype=float)
    body = [u.index for u in units if not u.heading]
    # position among the body sentences (headings do not push the lead down)
    rank = np.array([sum(1 for b in body if b < u.index) for u in units], dtype=float)
    centroid = vecs.sum(axis=0)
    cn = np.linalg.norm(centroid)
    cent = vecs @ (centroid / cn) if cn > 0 else np.zeros(n)
    sim = vecs @ vecs.T
    np.fill_diagonal(sim, 0.0)
    degree = sim.sum(axis=1)
    # TextRank's graph (shared words over summed log lengths): unlike the cosine it favours long,
    # content-rich sentences, which is what a long extractive summary wants
    sets = [set(u.terms) for u in units]
    loglen = np.log(np.array([max(len(x), 1) for x in sets], dtype=float) + 1.0)
    overlap = np.array([[len(a & b) if i != j else 0 for j, b in enumerate(sets)] for i, a in enumerate(sets)], dtype=float)
    overlap /= loglen[:, None] + loglen[None, :]
    textrank = overlap.sum(axis=1)
    counts = Counter(k for u in units for k in u.ents)
    ent = np.array([sum(math.log(counts[k]) for k in u.ents) for u in units])
    words = np.array([u.words for u in units], dtype=float)
    return {
        "lead": 1.0 / (1.0 + rank),
        "first": (rank == 0).astype(float),
        "early": np.exp(-rank / 3.0),
        "relpos": 1.0 - idx / max(n, 1),
        "centrality": cent / (cent.max() or 1.0),
        "degree": degree / (degree.max() or 1.0),
        "textrank": textrank / (textrank.max() or 1.0),
        "entities": ent / (ent.max() or 1.0),
        "length": np.minimum(words, 40.0) / 40.0,
        "short": (words < 8).astype(float),
        "long": np.maximum(words - 40.0, 0.0) / 40.0,
        "heading": np.array([u.heading for u in units], dtype=float),
        "para_first": np.array([u.first_in_line and not u.heading for u in units], dtype=float),
        "quote": np.array([u.quote for u in units]),
    }


def combine(feats: dict[str, np.ndarray], weights: dict[str, float]) -> np.ndarray:
    total = np.zeros(len(next(iter(feats.values()))))
    for name, w in weights.items():
        total += w * feats[name]
    return total


def mmr(
    stages: list[tuple[np.ndarray, int]],
    vecs: np.ndarray,
    lam: float,
    limit: int,
    max_sim: float,
    repeats: frozenset[tuple[int, int]] | set[tuple[int, int]] = frozenset(),
) -> list[tuple[int, float]]:
    """Greedy picks by score minus lam x similarity to what is already picked; a sentence that repeats
    a picked one (near-copy, or a pair in `repeats`) is skipped. `stages` are (scores, slots): the
    first slots are filled by the first scores, and so on (the last stage fills the rest). Scores
    come out non-increasing."""
    sim = vecs @ vecs.T
    chosen: list[int] = []
    out: list[tuple[int, float]] = []
    left = set(range(len(vecs)))
    while left and len(out) < limit:
        slot, scores = len(out), stages[-1][0]
        for stage_scores, slots in stages:
            if slot < slots:
                scores = stage_scores
                break
            slot -= slots
        best, best_val = -1, -math.inf
        for i in sorted(left):
            red = max((sim[i, j] for j in chosen), default=0.0)
            val = scores[i] - lam * red
            if val > best_val:
                best, best_val = i, val
        left.discard(best)
        if any(sim[best, j] >= max_sim or (min(best, j), max(best, j)) in repeats for j in chosen):
            continue
        chosen.append(best)
        out.append((best, float(min(best_val, out[-1][1]) if out else best_val)))
    return out


def key_points(doc: Doc, limit: int = MAX_POINTS, config: dict | None = None) -> list[KeyPoint]:
    """The ranked points: the first `lead_slots` by the lead weights (what the news is), the rest by
    the body weights (what the article keeps coming back to)."""
    from newsbrief.analyzers.redundancy import redundant_pairs

    config = config or _CONFIG
    units = cached_units(doc)
    if not units:
        return []
    vecs = tfidf(units)
    feats = features(units, vecs)
    stages = [(combine(feats, stage["weights"]), stage.get("slots", limit)) for stage in config["stages"]]
    repeats = {(min(a.index, b.index), max(a.index, b.index)) for a, b, _ in redundant_pairs(doc)}
    picked = mmr(stages, vecs, config["mmr_lambda"], limit, config["max_similarity"], repeats)
    text = doc.text  # built from the tokens on every access: once
    return [
        KeyPoint(start=units[i].start, end=units[i].end, text=text[units[i].start : units[i].end], score=round(s, 4))
        for i, s in picked
    ]


class KeyPoints:
    def __call__(self, doc: Doc) -> Doc:
        base.put(doc, "key_points", key_points(doc))
        finished(doc, "keypoints", "redundancy")
        return doc


@Language.factory("newsbrief_keypoints", assigns=["doc._.nb_key_points"])
def make_keypoints(nlp: Language, name: str) -> KeyPoints:
    return KeyPoints()
