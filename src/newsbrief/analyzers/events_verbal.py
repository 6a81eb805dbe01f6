"""Verbal events, read off the dependency parse: the actor is the subject (climbing control and
coordination, or the passive "by" agent), the target the object or a target preposition's object;
the pattern of the verb (events_lexicon) gives the CAMEO code. Also what nominal events share with
them: matching a word's patterns, a verb's subject, a clause's extent.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsbrief.analyzers.events_lexicon import Lexicon, Pattern, cameo_root
from newsbrief.analyzers.events_resolver import Resolver
from newsbrief.model import Entity

SUBJECTS = {"nsubj", "csubj"}
PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
OBJECTS = {"dobj", "obj", "dative", "attr"}
INHERITS_SUBJECT = {"xcomp", "conj", "advcl", "pcomp"}
PREPS = {"prep", "dative"}  # "send tanks to X": the parser calls that "to" a dative


# what verbal/nominal find: (cameo, type, actor, target, clause (start, end), trigger (start, end))
Found = tuple[str | None, str, Entity | None, Entity | None, tuple[int, int], tuple[int, int]]


def match_pattern(
    lex: Lexicon,
    table: dict[str, list[Pattern]],
    tok: Token,
    objects: list[Token],
    direct: Entity | None,
    check_target: bool = True,
) -> Pattern | None:
    """The first pattern of the word whose conditions hold; `direct` is the actor directly targeted."""
    has_dobj = any(o.dep_ in {"dobj", "obj"} for o in objects)
    for key in (tok.lemma_.lower(), tok.lower_):
        for p in table.get(key, []):
            if check_target and p.needs_target and (direct is None or (p.target_types and direct.type not in p.target_types)):
                continue
            if p.intransitive and has_dobj:
                continue
            if p.needs_prep and not any(c.dep_ == "prep" and c.lower_ in p.needs_prep for c in tok.children):
                continue
            if p.object is not None:
                words = lex.classes.get(p.object, frozenset())
                if not any(o.lemma_.lower() in words or o.lower_ in words for o in objects):
                    continue
            return p
    return None


def verb_subject(verb: Token, res: Resolver) -> tuple[Token | None, bool]:
    """(subject token, passive?) of a verb, climbing to the governing verb for control/coordination."""
    v, hops, raised = verb, 0, False
    while v is not None and hops < 4:
        # the parser sometimes hangs the subject on the auxiliary ("X is mediating")
        for c in [*v.children, *(g for a in v.children if a.dep_ in {"aux", "auxpass"} for g in a.children)]:
            if c.dep_ in SUBJECTS:
                return c, False
            if c.dep_ in PASSIVE_SUBJECTS:
                return c, not raised  # "X is expected to want": X wants
        if v.dep_ in {"relcl", "acl"} and v.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            noun = v.head
            if v.tag_ == "VBN":
                return noun, True  # "the jets built by X": the noun undergoes the action
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
            if not infinitive:
                return noun, False  # "the airframer promising...", "X, which said..."
            if res.modifier(noun) is not None:  # "X's plan to build": X builds
                return next((c for c in noun.children if res.at_token.get(c.i) or c.dep_ == "poss"), None), False
            if noun.dep_ in OBJECTS | {"pobj"} and noun.head.i != noun.i:
                v, hops = noun.head if noun.dep_ != "pobj" else noun.head.head, hops + 1
                continue  # "X won a contract to supply...": X supplies
            return None, False
        if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.pos_ in {"VERB", "AUX"}:
            gov = v.head.head  # "accused X of shelling", "stopped X from ...": X acts; "after visiting": the subject
            obj = next((c for c in gov.children if c.dep_ in {"dobj", "obj"} and c.i < v.i), None)
            if obj is not None:
                return obj, False
            v, hops, raised = gov, hops + 1, True  # "X was accused of using": X uses
            continue
        if v.dep_ in INHERITS_SUBJECT and v.head.i != v.i:
            if v.dep_ == "xcomp":
                objs = [c for c in v.head.children if c.dep_ in {"dobj", "obj"} and c.i < v.i] + [
                    pobj
                    for p in v.head.children
                    if p.dep_ == "prep" and p.lower_ in {"on", "upon"} and p.i < v.i
                    for pobj in p.children
                    if pobj.dep_ == "pobj"
                ]  # "called on X to ..."
                obj = objs[0] if objs else None
                if obj is not None:
                    return obj, False  # "prompted Beijing to warn X", "urged X to": the object acts
                raised = True
            v, hops = v.head, hops + 1
            continue
        break
    return None, False


def verbal(lex: Lexicon, doc: Doc, verb: Token, res: Resolver) -> Found | None:
    subj, passive = verb_subject(verb, res)
    actor = target = None
    objects = [c for c in verb.children if c.dep_ in OBJECTS]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        objects.append(verb.head)  # "the sanctions imposed by X": what is imposed
    objects += [cc for o in list(objects) for cc in o.conjuncts]
    preps = {c.lower_: c for c in verb.children if c.dep_ in {"prep", "agent"}}
    direct = None  # an actor that is itself the object, not one that modifies it ("Russia's operation")
    if passive:
        by = preps.get("by")
        agent = next((c for c in verb.children if c.dep_ == "agent"), by)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        actor = res.entity(pobj) if pobj is not None else None
        target = direct = res.entity(subj, modifiers=False) if subj is not None else None
    elif subj is not None:
        actor = res.entity(subj)
    preps_ok = lex.default_preps | frozenset(
        p for pats in (lex.verbs.get(verb.lemma_.lower(), []),) for pat in pats for p in pat.target_preps
    )
    prep_objs = [
        pobj
        for p in [c for c in verb.children if c.dep_ in PREPS] + [c for o in objects for c in o.children if c.dep_ in PREPS]
        if p.lower_ in preps_ok
        for pobj in p.children
        if pobj.dep_ == "pobj"
    ]  # "held talks with X": the target may hang on the object
    if target is None:
        for o in objects + prep_objs:
            direct = res.entity(o, modifiers=False)
            if direct is not None:
                target = direct
                break
    if target is None:
        for o in objects + prep_objs:
            target = res.modifier(o, pronouns=False)
            if target is not None:
                break
    if target is None:  # "mediating between A and B"
        for p in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"between", "among"}):
            for pobj in (c for c in p.children if c.dep_ == "pobj"):
                direct = next((e for e in res.parties(pobj) if e is not actor), None)
                target = target or direct
    if target is not None and actor is not None and target.id == actor.id:
        target = direct = None
    pattern = match_pattern(lex, lex.verbs, verb, objects, direct)
    if target is None and subj is not None and not passive and pattern and cameo_root(pattern.cameo) in lex.symmetric:
        # "A and B signed an agreement": B is A's counterpart in a joint act
        target = next((e for e in map(res.entity, subj.conjuncts) if e is not None and e is not actor), None)
    if actor is None and (target is None or (direct is None and pattern is None)):
        return None  # only an actor that modifies the object ("a Singapore Airlines flight"): too weak
    if pattern is None and verb.lemma_.lower() in lex.non_event_verbs:
        return None
    if (
        pattern is None
        and verb.lemma_.lower() in lex.light_verbs
        and any(
            o.dep_ in {"dobj", "obj"} and (o.lemma_.lower() in lex.event_nouns or o.lower_ in lex.event_nouns) for o in objects
        )
    ):
        return None  # "made progress", "took leave": the noun is the event
    if pattern is None and verb.lemma_.lower() in lex.frame_verbs and any(c.dep_ == "xcomp" for c in verb.children):
        return None  # "is expected to sign": the signing is the event, the frame its modality
    trigger_end = verb.idx + len(verb.text)
    for c in verb.children:
        if c.dep_ == "prt" and c.i == verb.i + 1:
            trigger_end = c.idx + len(c.text)
    cameo, etype = (pattern.cameo, pattern.type) if pattern else (None, verb.lemma_.lower())
    return cameo, etype, actor, target, clause_of(doc, verb), (verb.idx, trigger_end)


def clause_of(doc: Doc, verb: Token) -> tuple[int, int]:
    """The verb's clause: its subtree (parses never cross sentences), without edge punctuation or spaces."""
    lo, hi = verb.left_edge.i, verb.right_edge.i
    while lo < verb.i and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > verb.i and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)
