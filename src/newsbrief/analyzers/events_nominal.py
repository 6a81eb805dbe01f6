"""Nominal events: event nouns ("Russia's invasion of Ukraine": actor by possessive, target by "of";
"the supply of North Korean missiles to Russia": actor by the demonym of the supplied goods, target
by "to"), or the subject of the verb that governs the noun ("X won a deal").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsbrief.analyzers.events_lexicon import Lexicon
from newsbrief.analyzers.events_resolver import Resolver
from newsbrief.analyzers.events_verbal import PREPS, Found, match_pattern, verb_subject


def nominal(lex: Lexicon, doc: Doc, noun: Token, res: Resolver) -> Found | None:
    if noun.dep_ == "compound":
        return None
    preps: dict[str, list[Token]] = {}
    for p in noun.children:
        if p.dep_ in {"prep", "agent"}:
            preps.setdefault(p.lower_, []).extend(c for c in p.children if c.dep_ == "pobj")
    if noun.dep_ in {"dobj", "obj"} and noun.head.lemma_.lower() in lex.light_verbs:
        for p in noun.head.children:  # "made an offer to X": the light verb's phrases are the noun's
            if p.dep_ in PREPS and p.lower_ != "of":
                preps.setdefault(p.lower_, []).extend(c for c in p.children if c.dep_ == "pobj")
    of_objs = preps.get("of", [])
    pattern = match_pattern(lex, lex.nouns, noun, [*of_objs, noun], None, check_target=False)  # roles of its phrases
    of_role = pattern.of if pattern else "target"
    actor = target = None
    # actor: possessive, demonym/compound modifier, "by X"
    for c in noun.children:
        if c.dep_ in {"poss", "amod", "compound", "nmod"} and actor is None:
            actor = res.at_token.get(c.i) or (res.entity(c, modifiers=False) if c.dep_ == "poss" else None)
            if actor is not None and c.dep_ == "compound" and res.is_city(actor):
                actor = None  # "the Mumbai attacks": where, not who
    for pobj in preps.get("by", []):
        actor = actor or res.entity(pobj)
    for acl in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"):  # "sanctions imposed by X on Y"
        for agent in (c for c in acl.children if c.dep_ == "agent"):
            actor = actor or next((e for e in map(res.entity, agent.children) if e is not None), None)
        for p in (c for c in acl.children if c.dep_ in PREPS and c.lower_ in lex.default_preps):
            preps.setdefault(p.lower_, []).extend(c for c in p.children if c.dep_ == "pobj")
    over = noun.head if noun.dep_ == "pobj" else None  # the preposition over a nominal in a phrase
    in_state = over is not None and over.lower_ == "in" and over.head.lemma_ == "be"  # "X is in talks with Y"
    gov = over.head if over is not None and (over.lower_ in lex.setting_preps or in_state) else noun.head
    if actor is None and (noun.dep_ == "dobj" or (noun.dep_ == "pobj" and gov is not noun.head)) and gov.pos_ in {"VERB", "AUX"}:
        subj, passive = verb_subject(gov, res)
        if subj is not None and not passive:
            if noun.dep_ == "dobj" and gov.lemma_.lower() in lex.receiving_verbs:
                # "X received support from Y": Y supports X
                target = res.entity(subj)
                givers = [c for p in gov.children if p.dep_ == "prep" and p.lower_ == "from" for c in p.children]
                actor = next((e for e in map(res.entity, givers + preps.get("from", [])) if e is not None), None)
            else:
                actor = res.entity(subj)  # "Jobs took medical leave", "X won a deal": the subject's event
    # "between A and B": A acts, B is the other party
    for pobj in preps.get("between", []) + preps.get("among", []):
        parties = res.parties(pobj)
        if actor is None and parties:
            actor, parties = parties[0], parties[1:]
        target = target or next((p for p in parties if p is not actor), None)
    for pobj in of_objs:
        direct = res.entity(pobj, modifiers=False)
        if direct is not None:
            if of_role == "actor" and actor is None:
                actor = direct
            elif target is None:
                target = direct
        elif actor is None:
            actor = res.modifier(pobj)  # "the supply of North Korean missiles": the goods' origin
    preps_ok = lex.default_preps | (pattern.target_preps if pattern else frozenset())
    if target is None:
        for prep, pobjs in preps.items():
            if prep in preps_ok:
                target = next((t for t in map(res.entity, pobjs) if t is not None), None)
                if target is not None:
                    break
    if target is not None and actor is not None and target.id == actor.id:
        target = None
    if actor is None and target is None:
        return None
    pattern = match_pattern(lex, lex.nouns, noun, [*of_objs, noun], target)
    cameo, etype = (pattern.cameo, pattern.type) if pattern else (None, noun.lemma_.lower())
    start = noun.left_edge.idx
    end_tok = noun.right_edge
    while end_tok.i > noun.i and (end_tok.is_punct or end_tok.is_space):
        end_tok = doc[end_tok.i - 1]
    return cameo, etype, actor, target, (start, end_tok.idx + len(end_tok.text)), (noun.idx, noun.idx + len(noun.text))
