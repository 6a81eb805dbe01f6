"""Redundancy checks: passages of one article that say the same thing (a highlights box, a list of
theses or a standfirst that repeats the body), flagged as `redundant` checks naming both passages.

Why two stages: shared words find most repeats but also pairs that merely share the article's topic
words, and a paraphrase ("arrived in" / "visit ... begins") shares few. A cheap filter (tf-idf
cosine over content lemmas, with entities and numbers) keeps only pairs that share something
distinctive; only the sentences of those pairs are embedded (MiniLM, newsbrief.embed), and a pair
is flagged when meaning and wording together pass a threshold. Thresholds are data
(resources/keypoints/redundancy.json).
"""

from __future__ import annotations

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from newsbrief.analyzers import base
from newsbrief.analyzers.keypoints import PAIRS_KEY, Unit, cached_units, finished, tfidf
from newsbrief.model import Check, Span
from newsbrief.resources import load_json

_CONFIG = load_json("keypoints/redundancy.json")


def candidates(units: list[Unit]) -> list[Unit]:
    """Sentences that can repeat one another: not headings, not list intros, long enough to say something."""
    return [u for u in units if not u.heading and u.words >= _CONFIG["min_words"] and not u.intro]


def redundant_pairs(doc: Doc) -> list[tuple[Unit, Unit, float]]:
    """Pairs of sentences that say the same thing, best first; computed once per doc (the key points
    use them too, so that no two points repeat each other)."""
    if PAIRS_KEY not in doc.user_data:
        doc.user_data[PAIRS_KEY] = _pairs(doc)
    return doc.user_data[PAIRS_KEY]


def _pairs(doc: Doc) -> list[tuple[Unit, Unit, float]]:
    units = candidates(cached_units(doc))
    if len(units) < 2:
        return []
    vecs = tfidf(units, entities=True)
    lexical = vecs @ vecs.T
    # Upper triangle above the filter, strongest first, at most max_pairs of them: a text that repeats
    # one sentence hundreds of times must not cost the square of its length in embeddings.
    ii, jj = np.nonzero(np.triu(lexical >= _CONFIG["filter"], 1))
    keep = np.argsort(-lexical[ii, jj], kind="stable")[: _CONFIG["max_pairs"]]
    pairs = sorted(zip(ii[keep].tolist(), jj[keep].tolist()))
    if not pairs:
        return []
    from newsbrief.embed import embed

    need = sorted({k for p in pairs for k in p})
    text = doc.text  # built from the tokens on every access: once
    vec = embed([text[units[k].start : units[k].end] for k in need])
    row = {k: r for r, k in enumerate(need)}
    out = []
    for i, j in pairs:
        meaning = float(vec[row[i]] @ vec[row[j]])
        score = _CONFIG["meaning_weight"] * meaning + (1 - _CONFIG["meaning_weight"]) * float(lexical[i, j])
        if meaning >= _CONFIG["min_meaning"] and score >= _CONFIG["threshold"]:
            out.append((units[i], units[j], score))
    return sorted(out, key=lambda p: -p[2])


class Redundancy:
    def __call__(self, doc: Doc) -> Doc:
        checks = []
        seen: set[tuple[str, str]] = set()
        text = doc.text
        for a, b, score in redundant_pairs(doc):
            sa, sb = Span.of(text, a.start, a.end), Span.of(text, b.start, b.end)
            key = (" ".join(sa.text.lower().split()), " ".join(sb.text.lower().split()))
            if key in seen:  # the same two wordings again: one flag says it
                continue
            seen.add(key)
            if len(checks) >= _CONFIG["max_checks"]:
                break
            checks.append(
                Check(
                    kind="redundant",
                    message=f"two passages say the same thing (similarity {score:.2f})",
                    spans=[sa, sb],
                )
            )
        base.add(doc, "checks", checks)
        finished(doc, "redundancy", "keypoints")
        return doc


@Language.factory("newsbrief_redundancy", assigns=["doc._.nb_checks"])
def make_redundancy(nlp: Language, name: str) -> Redundancy:
    return Redundancy()
