"""Actors: one entity per real-world actor, with every mention of it as a span.

The small model finds names but not actors: it tags "DPRK" as an organisation, cuts "Nam Sung-wook"
at the hyphen, keeps the possessive "'s" inside names and knows nothing of "the Kremlin" standing
for Russia. This component repairs its entities token by token, adds the names of a gazetteer
(states, capitals, demonyms, seats of government: resources/actors/), and merges mentions:

* states: a country name, its demonym, its seat of government and its capital used as an actor
  ("Moscow says") are one entity; a capital used as a place ("in Moscow") is the city, with its
  state's country;
* people: full name, surname, title + name and transliteration variants ("Kim Jong-un") are one
  person; a bare name shared by several people ("Kim") goes to the one the context means (the one
  seen with the same co-participants, the most salient), not the first seen;
* organisations: full name, short form and acronym;
* descriptions ("the Kremlin leader", "the president of X") join the named person they denote.

Countries come from the text where it says them (an appositive "a professor at X in South Korea",
"Russia's minister", "Russian President ...") or from the gazetteer. Everything is dictionary
lookups over the parse: no model call per sentence.

This module holds the component and orders its steps; the steps live beside it: actors_lexicon
(word lists, folding), actors_mentions (finding names), actors_merge (people and organisations
merged), actors_countries and actors_descriptions.
"""

from __future__ import annotations

import contextlib
from collections import Counter

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newsbrief.analyzers import base
from newsbrief.analyzers.actors_countries import (
    _NP_TAGS,
    AFFILIATION_PREPS,
    _affiliation_path,
    _country_of_org,
    _country_of_person,
    _left_modifier_country,
    _principal_country,
    _state_in,
)
from newsbrief.analyzers.actors_descriptions import _link_description, find_descriptions
from newsbrief.analyzers.actors_lexicon import (
    ACTOR_LABELS,
    DETERMINERS,
    HYPHENS,
    NAME_PARTICLES,
    POSSESSIVE,
    Lexicon,
    Term,
    fold,
    lexicon,
)
from newsbrief.analyzers.actors_mentions import (
    Mention,
    _acronyms,
    _grounded,
    _is_acronym,
    _is_place,
    _name_key,
    _person_by_title,
    _title_run,
    _titles_before,
    _trim,
    _words,
    find_mentions,
)
from newsbrief.analyzers.actors_merge import (
    Clusters,
    _choose_person,
    _cluster_orgs,
    _cluster_people,
    _initials,
    _name_parts,
    _recover_names,
    _recover_surnames,
    _sentence_of,
    skeleton,
)
from newsbrief.model import Entity

# every name this module held before its split into actors_* modules stays importable from here
__all__ = [
    "ACTOR_LABELS",
    "AFFILIATION_PREPS",
    "DETERMINERS",
    "HYPHENS",
    "NAME_PARTICLES",
    "POSSESSIVE",
    "_NP_TAGS",
    "Actors",
    "Clusters",
    "Lexicon",
    "Mention",
    "Term",
    "_acronyms",
    "_affiliation_path",
    "_choose_person",
    "_cluster_orgs",
    "_cluster_people",
    "_country_of_org",
    "_country_of_person",
    "_grounded",
    "_initials",
    "_is_acronym",
    "_is_place",
    "_left_modifier_country",
    "_link_description",
    "_name_key",
    "_name_parts",
    "_person_by_title",
    "_principal_country",
    "_recover_names",
    "_recover_surnames",
    "_sentence_of",
    "_state_in",
    "_title_run",
    "_titles_before",
    "_trim",
    "_words",
    "find_descriptions",
    "find_mentions",
    "fold",
    "lexicon",
    "make_actors",
    "skeleton",
]

# --------------------------------------------------------------------------- the component


class Actors:
    def __init__(self, nlp: Language) -> None:
        lex = lexicon()
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.names.add("GAZ", list(nlp.tokenizer.pipe(lex.terms)))
        self.roles = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.roles.add("ROLE", list(nlp.tokenizer.pipe(lex.leader_roles)))

    def __call__(self, doc: Doc) -> Doc:
        lex = lexicon()
        mentions, nested = find_mentions(doc, lex, self.names)
        mentions = sorted(mentions + _acronyms(doc, mentions, lex), key=lambda m: m.start)
        sent_of = _sentence_of(doc)
        clusters = Clusters()
        for i, m in enumerate(mentions):
            if m.kind in ("state", "city", "place", "group", "org"):
                m.cluster = clusters.add(m.key, i)
        _cluster_people(doc, mentions, sent_of, clusters, lex)
        for m in _recover_surnames(doc, mentions, clusters, lex):
            mentions.append(m)
            clusters.members[m.cluster].append(len(mentions) - 1)
        # a lone word the model tagged as an organisation or place that is a known person's surname
        surname_of = {}
        for c, members in enumerate(clusters.members):
            for i in members:
                if mentions[i].kind == "person":
                    p = _name_parts(doc, mentions[i], lex)
                    if len(p) >= 2:
                        surname_of.setdefault(p[-1], set()).add(c)
        for i, m in enumerate(mentions):
            word = skeleton(fold(doc[m.start].text))
            if m.kind in ("org", "place", "group") and m.end - m.start == 1 and len(surname_of.get(word, ())) == 1:
                m.kind, m.label = "person", "PERSON"
                clusters.members[m.cluster].remove(i)
                m.cluster = next(iter(surname_of[word]))
                clusters.members[m.cluster].append(i)
        _cluster_orgs(doc, mentions, clusters, lex)
        for m in _recover_names(doc, mentions):
            mentions.append(m)
            clusters.members[m.cluster].append(len(mentions) - 1)
        tok2m = {t: m for m in mentions for t in range(m.start, m.end)}

        country: dict[int, str | None] = {}
        for c, members in enumerate(clusters.members):
            ms = [mentions[i] for i in members]
            if ms and ms[0].kind in ("state", "city", "place"):
                country[c] = next((m.iso3 for m in ms if m.iso3), None)
        for c, members in enumerate(clusters.members):
            ms = [mentions[i] for i in members]
            if ms and ms[0].kind == "org":
                country[c] = next((x for m in ms if (x := _country_of_org(doc, m, tok2m, nested, lex))), None)
        for c, members in enumerate(clusters.members):
            ms = sorted((mentions[i] for i in members), key=lambda m: m.start)
            if ms and ms[0].kind == "person":
                country[c] = next((x for m in ms if (x := _country_of_person(doc, m, tok2m, country))), None)
        for c, members in enumerate(clusters.members):  # "Putin's adviser Yuri Ushakov": his principal's country
            ms = sorted((mentions[i] for i in members), key=lambda m: m.start)
            if ms and ms[0].kind == "person" and not country.get(c):
                country[c] = next((x for m in ms if (x := _principal_country(doc, m, tok2m, country, c))), None)

        for d in find_descriptions(doc, tok2m, self.roles):
            c = _link_description(d, mentions, clusters, country, sent_of, doc)
            if c is None:
                continue
            d.cluster = c
            mentions.append(d)
            clusters.members[c].append(len(mentions) - 1)
            if d.iso3 and not country.get(c):
                country[c] = d.iso3

        base.put(doc, "entities", self._entities(doc, mentions, clusters, country, lex))
        self._set_ents(doc, mentions)
        return doc

    def _entities(self, doc: Doc, mentions: list[Mention], clusters: Clusters, country: dict, lex: Lexicon) -> list[Entity]:
        made = []
        for c, members in enumerate(clusters.members):
            ms = sorted({(mentions[i].start, mentions[i].end): mentions[i] for i in members}.values(), key=lambda m: m.start)
            if not ms:
                continue
            names = [m for m in ms if m.kind != "desc"] or ms
            kinds = Counter(m.kind for m in names)
            kind = kinds.most_common(1)[0][0]
            if kind == "state":
                iso3 = next(m.iso3 for m in names if m.kind == "state")
                name, etype = lex.state_names.get(iso3, iso3), "GPE"
            else:
                texts = [doc[m.start : m.end].text for m in names]
                longest = max(len(fold(t).split()) for t in texts)
                counts = Counter(t for t in texts if len(fold(t).split()) == longest)
                name = max(counts, key=lambda t: (counts[t], -texts.index(t)))
                etype = Counter(m.label for m in names).most_common(1)[0][0]
            spans = [_grounded(doc, m) for m in ms]
            made.append((spans[0].start, name, etype, country.get(c), spans))
        made.sort(key=lambda x: x[0])
        return [Entity(id=f"e{k}", name=n, type=t, country=co, mentions=sp) for k, (_, n, t, co, sp) in enumerate(made, 1)]

    def _set_ents(self, doc: Doc, mentions: list[Mention]) -> None:
        """Hand the repaired names on to later components through doc.ents (other labels kept)."""
        names = filter_spans([Span(doc, m.start, m.end, label=m.label) for m in mentions if m.kind != "desc"])
        taken = {t for s in names for t in range(s.start, s.end)}
        keep = [e for e in doc.ents if e.label_ not in ACTOR_LABELS and not taken.intersection(range(e.start, e.end))]
        with contextlib.suppress(ValueError):
            doc.ents = sorted(keep + names, key=lambda s: s.start)


@Language.factory("newsbrief_actors", assigns=["doc._.nb_entities", "doc.ents"])
def make_actors(nlp: Language, name: str) -> Actors:
    return Actors(nlp)
