"""Where and when an event happens: `place` is a GPE/LOC/FAC in an "in"/"at" phrase of the trigger,
else the visited target of a visit (lexicon.json `place`); `when` is a dated timex of the event's own
clause, not one of a clause that is another event's.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsbrief.analyzers import base
from newsbrief.analyzers.events_lexicon import Lexicon
from newsbrief.analyzers.events_resolver import Resolver
from newsbrief.analyzers.events_verbal import OBJECTS, PREPS
from newsbrief.model import Entity

DATE_TYPES = {"DATE", "TIME"}
OTHER_CLAUSES = {"ccomp", "relcl", "acl", "csubj", "xcomp", "conj", "parataxis"}


def place_of(
    lex: Lexicon, tok: Token, res: Resolver, cameo: str | None, actor: Entity | None, target: Entity | None
) -> Entity | None:
    """Where the event happens: a place in an "in"/"at" phrase of the trigger itself (not of its object:
    "supported Russia's operation in Ukraine" says where the operation is, not the support), else the
    visited target of a visit, the host of a hosted visit (lexicon.json `place`)."""
    # the parser often hangs the phrase on a person the trigger acts on ("met Petrov in Velmar",
    # "talked with Kim in Pyongyang"); a person, unlike an event noun, is not where it is said to be
    holders = [tok]
    for c in tok.children:
        objs = [c] if c.dep_ in OBJECTS else [g for g in c.children if g.dep_ == "pobj"] if c.dep_ in PREPS else []
        holders += [o for o in objs if (e := res.at_token.get(o.i)) is not None and e.type == "PERSON"]
    for p in (c for h in holders for c in h.children):
        if p.dep_ == "prep" and p.lower_ in lex.place_preps:
            for pobj in (c for c in p.children if c.dep_ == "pobj"):
                ent = res.entity(pobj, modifiers=False)
                if ent is not None and ent.type in lex.place_types:
                    return ent
    if cameo in lex.place_is_target and target is not None and target.type in lex.place_types:
        return target
    if cameo in lex.place_is_actor and actor is not None and actor.type in lex.place_types:
        return actor
    return None


def timexes_by_root(doc: Doc) -> dict[int, tuple[int, str]]:
    """Token index of each dated timex's root -> (its first token, its value at day granularity)."""
    out: dict[int, tuple[int, str]] = {}
    for t in base.get(doc, "timexes"):
        if t.type not in DATE_TYPES or not t.value:
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None:  # an event's date is its day: "2024-06-18TEV" -> "2024-06-18"
            value = t.value[:10] if len(t.value) > 10 and t.value[10] == "T" else t.value
            out[span.root.i] = (span.start, value)
    return out


def when_of(tok: Token, timex_at: dict[int, tuple[int, str]]) -> str | None:
    """A date of the event's own clause: the nearest timex below the trigger, not one inside a clause
    that is another event's (a reported, relative, coordinated or complement clause; an adverbial
    clause, "after he visited X last September", dates its head), else, for a noun, one of its
    governing verb."""
    if not timex_at:
        return None
    best: tuple[int, str] | None = None
    for i, (_, value) in timex_at.items():
        t = tok.doc[i]
        depth, a, own = 0, t, True
        while a.i != tok.i and a.head.i != a.i and depth < 12:
            if a.dep_ in OTHER_CLAUSES and a.pos_ in {"VERB", "AUX"}:
                own = False
            a, depth = a.head, depth + 1
        if own and a.i == tok.i and (best is None or depth < best[0]):
            best = (depth, value)
    if best is not None:
        return best[1]
    if tok.pos_ in {"NOUN", "PROPN"}:
        head = tok.head
        while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
            head = head.head
        if head.pos_ in {"VERB", "AUX"}:
            for c in head.children:
                if c.dep_ in {"npadvmod", "prep", "advmod", "tmod"}:
                    for i in (x.i for x in c.subtree):
                        if i in timex_at:
                            return timex_at[i][1]
    return None
