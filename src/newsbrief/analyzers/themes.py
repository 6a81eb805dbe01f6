"""Themes: what an article is about, from a vocabulary in data files (resources/themes/vocabulary.json),
each with the spans that triggered it, so a reader sees why a theme was given.

Terms are matched on lemmas token by token (one dictionary lookup per token, longest phrase first),
and the article's events between states add weight through their CAMEO codes ("supplied missiles",
072, counts for arms transfers). A theme is kept when its weight reaches the vocabulary's threshold,
not from weak words alone, and from at least two passages; its score is that weight squashed to 0..1.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from newsbrief.analyzers import base
from newsbrief.model import Span, Theme
from newsbrief.resources import load_json

VOCABULARY_ENV = "NEWSBRIEF_THEME_VOCABULARY"
EVENT_WEIGHT = 1.5
PHRASE_WEIGHT = 2.0
WORD_WEIGHT = 1.0
WEAK_WEIGHT = 0.5
MAX_SPANS = 12
MIN_HITS = 2
STATE_TYPES = {"GPE"}  # demonyms of states are merged into them by the actors component; parties are NORP too


@dataclass(frozen=True)
class Term:
    theme: str
    words: tuple[str, ...]
    weight: float


@dataclass(frozen=True)
class Vocabulary:
    by_first: dict[str, list[Term]]  # first word -> terms starting with it, longest first
    cameo: dict[str, list[str]]  # theme -> CAMEO code prefixes
    min_weight: float


@cache
def vocabulary() -> Vocabulary:
    """The shipped vocabulary, with the themes of user files (NEWSBRIEF_THEME_VOCABULARY, same shape)
    added to it (terms of a theme already known are added to that theme)."""
    data = load_json("themes/vocabulary.json")
    specs: dict[str, dict[str, list[str]]] = {k: {f: list(v) for f, v in spec.items()} for k, spec in data["themes"].items()}
    for path in (p for p in os.environ.get(VOCABULARY_ENV, "").split(os.pathsep) if p):
        for theme, spec in json.loads(Path(path).read_text(encoding="utf-8")).get("themes", {}).items():
            mine = specs.setdefault(theme, {})
            for f, values in spec.items():
                mine[f] = mine.get(f, []) + list(values)
    by_first: dict[str, list[Term]] = {}
    cameo: dict[str, list[str]] = {}
    for theme, spec in specs.items():
        for words, weak in [(w, False) for w in spec.get("terms", [])] + [(w, True) for w in spec.get("weak", [])]:
            toks = tuple(words.lower().replace("-", " - ").split())
            weight = WEAK_WEIGHT if weak else PHRASE_WEIGHT if len(toks) > 1 else WORD_WEIGHT
            by_first.setdefault(toks[0], []).append(Term(theme, toks, weight))
        cameo[theme] = list(spec.get("cameo", []))
    for terms in by_first.values():
        terms.sort(key=lambda t: -len(t.words))
    return Vocabulary(by_first, cameo, float(data.get("min_weight", 2.0)))


def _forms(doc: Doc) -> list[tuple[str, str]]:
    return [(t.lower_, t.lemma_.lower()) for t in doc]


def tag(doc: Doc, vocab: Vocabulary | None = None) -> list[Theme]:
    """The themes of a parsed article, heaviest first."""
    vocab = vocab or vocabulary()
    forms = _forms(doc)
    n = len(forms)
    weight: dict[str, float] = {}
    strong: dict[str, float] = {}  # weight of words and phrases that are not `weak`, and of events
    spans: dict[str, list[tuple[int, int]]] = {}
    taken: dict[str, set[int]] = {}  # tokens already counted for a theme (no double count of sub-phrases)
    for i, (low, lemma) in enumerate(forms):
        cands = vocab.by_first.get(lemma, []) + (vocab.by_first.get(low, []) if low != lemma else [])
        for term in sorted(cands, key=lambda t: -len(t.words)):
            k = len(term.words)
            if i + k > n or i in taken.get(term.theme, ()):
                continue
            if all(term.words[j] in forms[i + j] for j in range(k)):
                taken.setdefault(term.theme, set()).update(range(i, i + k))
                weight[term.theme] = weight.get(term.theme, 0.0) + term.weight
                if term.weight > WEAK_WEIGHT:
                    strong[term.theme] = strong.get(term.theme, 0.0) + term.weight
                start, end = doc[i].idx, doc[i + k - 1].idx + len(doc[i + k - 1].text)
                spans.setdefault(term.theme, []).append((start, end))
    states = {e.id for e in base.get(doc, "entities") if e.type in STATE_TYPES}
    for ev in base.get(doc, "events"):
        # CAMEO describes what states and their agents do: a studio's "deal" is no diplomacy
        if not ev.cameo or not ({ev.actor, ev.target} & states):
            continue
        for theme, prefixes in vocab.cameo.items():
            if any(ev.cameo.startswith(p) for p in prefixes):
                weight[theme] = weight.get(theme, 0.0) + EVENT_WEIGHT
                strong[theme] = strong.get(theme, 0.0) + EVENT_WEIGHT
                spans.setdefault(theme, []).append((ev.trigger.start, ev.trigger.end))
    text = doc.text
    themes = []
    for theme, w in weight.items():
        # enough weight, not from weak words alone, and from more than one passage
        if w < vocab.min_weight or strong.get(theme, 0.0) < WORD_WEIGHT or len(spans[theme]) < MIN_HITS:
            continue
        uniq = sorted(set(spans[theme]))[:MAX_SPANS]
        themes.append(Theme(theme=theme, score=round(1 - math.exp(-w / 6), 3), spans=[Span.of(text, s, e) for s, e in uniq]))
    themes.sort(key=lambda t: (-t.score, t.theme))
    return themes


class ThemeTagger:
    def __call__(self, doc: Doc) -> Doc:
        base.put(doc, "themes", tag(doc))
        return doc


@Language.factory("newsbrief_themes", assigns=["doc._.nb_themes"], requires=["doc._.nb_events", "doc._.nb_entities"])
def make_themes(nlp: Language, name: str) -> ThemeTagger:
    return ThemeTagger()
