"""Descriptions for the actors component: definite descriptions of a state's leader or official
("the Kremlin leader", "the president of the DPRK") found and linked to the named person they
denote; kept apart from actors.py so these rules can be read on their own."""

from __future__ import annotations

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from newsbrief.analyzers.actors_lexicon import POSSESSIVE
from newsbrief.analyzers.actors_mentions import Mention
from newsbrief.analyzers.actors_merge import Clusters

# --------------------------------------------------------------------------- descriptions


def find_descriptions(doc: Doc, tok2m: dict[int, Mention], matcher: PhraseMatcher) -> list[Mention]:
    """Definite descriptions of a state's leader or official: 'the Kremlin leader', 'the Russian head
    of state', "Russia's president", 'the president of the DPRK'. Not titles before a name."""
    found = filter_spans([doc[s:t] for _, s, t in matcher(doc)])
    out = []
    for r in found:
        last = doc[r.end - 1]
        if last.pos_ not in ("NOUN", "PROPN") or any(t.i in tok2m for t in r):
            continue
        nxt = doc[r.end] if r.end < len(doc) else None
        if nxt is not None and ((nxt.i in tok2m and tok2m[nxt.i].kind == "person") or nxt.pos_ == "PROPN"):
            continue  # a title: "Russian President Vladimir Putin"
        if (nxt is not None and nxt.text not in POSSESSIVE and nxt.dep_ == "compound") or last.dep_ == "compound":
            continue
        role = r.text.lower()
        before = tok2m.get(r.start - 1)
        if before is not None and before.kind == "state":
            if before.start >= 1 and doc[before.start - 1].lower_ == "the":
                out.append(Mention(before.start - 1, r.end, "PERSON", "desc", iso3=before.iso3, role=role))
        elif r.start >= 2 and doc[r.start - 1].text in POSSESSIVE and tok2m.get(r.start - 2) is not None:
            st = tok2m[r.start - 2]
            if st.kind == "state":
                out.append(Mention(st.start, r.end, "PERSON", "desc", iso3=st.iso3, role=role))
        elif r.start >= 1 and doc[r.start - 1].lower_ == "the":
            j = r.end
            if j < len(doc) and doc[j].lower_ == "of":
                j += 1 + (j + 1 < len(doc) and doc[j + 1].lower_ == "the")
                st = tok2m.get(j)
                if st is not None and st.kind == "state" and st.start == j:
                    out.append(Mention(r.start - 1, st.end, "PERSON", "desc", iso3=st.iso3, role=role))
            else:
                out.append(Mention(r.start - 1, r.end, "PERSON", "desc", iso3=None, role=role))
    return out


def _link_description(
    d: Mention, mentions: list[Mention], clusters: Clusters, country: dict[int, str | None], sent_of: list[int], doc: Doc
) -> int | None:
    """The named person a description denotes: compatible country, the same title, mentioned just
    before (the subject of the sentence before weighs most), salient. None unless the text supports it."""
    s = sent_of[d.start]
    best, best_score = None, 0.0
    for c, members in enumerate(clusters.members):
        ms = [mentions[i] for i in members]
        if not ms or ms[0].kind != "person":
            continue
        before = [m for m in ms if m.start < d.start]
        if not before:
            continue
        known = country.get(c)
        if d.iso3 and known and known != d.iso3:
            continue
        score = 0.0
        if d.iso3 and known == d.iso3:
            score += 4
        titles = {t for m in ms for t in m.titles}
        if d.role in titles:
            score += 5
        near = [m for m in before if s - sent_of[m.start] <= 1]
        if near:
            score += 2
            if any(doc[m.start : m.end].root.dep_ in ("nsubj", "nsubjpass") for m in near):
                score += 1
        if d.iso3 is None and d.role not in titles:
            continue  # "the president" alone: only a person the text titles so
        score += 0.2 * min(len(before), 5)
        if score > best_score:
            best, best_score = c, score
    return best if best_score >= 2 else None
