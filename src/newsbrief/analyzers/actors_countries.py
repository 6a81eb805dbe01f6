"""Country resolution for the actors component: where the text says an actor's country ("Russian
President ...", "a professor at X in South Korea", "Putin's adviser ..."), read off the parse;
kept apart from actors.py so these rules can be read on their own."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsbrief.analyzers.actors_lexicon import HYPHENS, POSSESSIVE, Lexicon
from newsbrief.analyzers.actors_mentions import Mention

# tokens that may stand between a person's name and a word on its left that says its country
_NP_TAGS = {"NOUN", "PROPN", "ADJ", "PART", "DET"}


# --------------------------------------------------------------------------- countries


def _state_in(doc: Doc, tokens: list[int], tok2m: dict[int, Mention], skip: Mention | None = None) -> str | None:
    for t in tokens:
        m = tok2m.get(t)
        if m is not None and m is not skip and m.kind in ("state", "city", "place") and m.iso3:
            return m.iso3
    return None


def _left_modifier_country(doc: Doc, m: Mention, tok2m: dict[int, Mention]) -> str | None:
    """'Russian President Vladimir Putin', "North Korea's leader Kim": a state on the name's left,
    within its noun phrase."""
    i = (m.title_start if m.title_start >= 0 else m.start) - 1
    steps = 0
    while i >= 0 and steps < 6:
        tok = doc[i]
        if tok.is_space or "\n" in tok.whitespace_:
            return None
        other = tok2m.get(i)
        if other is not None:
            return other.iso3 if other.kind in ("state", "city") else None
        if tok.pos_ not in _NP_TAGS and tok.text not in POSSESSIVE and tok.text not in HYPHENS:
            return None
        if tok.lower_ in ("a", "an"):
            return None
        i -= 1
        steps += 1
    return None


def _principal_country(doc: Doc, m: Mention, tok2m: dict[int, Mention], country: dict[int, str | None], own: int) -> str | None:
    """The country of a person named in the possessive before a role before this name."""
    i = (m.title_start if m.title_start >= 0 else m.start) - 1
    steps = 0
    while i >= 1 and steps < 5:
        tok = doc[i]
        if tok.text in POSSESSIVE:
            other = tok2m.get(i - 1)
            if other is not None and other.kind == "person" and other.cluster != own:
                return country.get(other.cluster)
            return None
        if tok.pos_ not in ("NOUN", "ADJ", "PROPN") or tok.i in tok2m or "\n" in tok.whitespace_:
            return None
        i -= 1
        steps += 1
    return None


def _country_of_person(doc: Doc, m: Mention, tok2m: dict[int, Mention], org_country: dict[int, str | None]) -> str | None:
    c = _left_modifier_country(doc, m, tok2m)
    if c:
        return c
    root = m.span(doc).root
    phrases = [ch for ch in root.children if ch.dep_ == "appos" or (ch.dep_ == "prep" and ch.lower_ in ("of", "from"))]
    if root.dep_ == "appos":
        phrases.append(root.head)
    for ph in phrases:
        sub = (
            [t.i for t in ph.subtree if not (m.start <= t.i < m.end)]
            if ph is not root.head
            else [ph.i, *(t.i for t in ph.children if t.dep_ in ("amod", "compound", "poss"))]
        )
        sub = [t for t in sub if _affiliation_path(doc[t], ph)]
        c = _state_in(doc, sub, tok2m)
        if c:
            return c
        for t in sub:
            o = tok2m.get(t)
            if o is not None and o.kind == "org" and org_country.get(o.cluster):
                return org_country[o.cluster]
    return None


AFFILIATION_PREPS = {"in", "at", "of", "from", "for", "with"}


def _affiliation_path(tok: Token, top: Token) -> bool:
    """'a professor at X in South Korea' says where the person is; 'an expert on Iran' does not."""
    steps = 0
    while tok.i != top.i and steps < 12:
        if tok.pos_ == "ADP" and tok.lower_ not in AFFILIATION_PREPS:
            return False
        if tok.head.i == tok.i:
            return True
        tok = tok.head
        steps += 1
    return True


def _country_of_org(doc: Doc, m: Mention, tok2m: dict[int, Mention], nested: list[Mention], lex: Lexicon) -> str | None:
    span = m.span(doc)
    for tok in span:  # "X in South Korea", "X of Russia", "based in Y"
        for ch in tok.children:
            if ch.i >= m.end and ch.dep_ == "prep" and ch.lower_ in ("in", "of", "from", "at"):
                c = _state_in(doc, [t.i for t in ch.subtree], tok2m)
                if c:
                    return c
    c = _left_modifier_country(doc, m, tok2m)
    if c:
        return c
    for n in nested:  # a country or city in the name; a demonym only in front ("Russian Academy")
        if m.start <= n.start and n.end <= m.end and n.iso3 and (n.key != "demonym" or n.start == m.start):
            return n.iso3
    for tok in span:
        if tok.text in lex.places:
            return lex.places[tok.text]
    return None
