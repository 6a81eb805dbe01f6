"""Whether the article says an event happened: from the statement covering a verbal event when the
modality component labelled one, else (and whenever the event's own clause carries a modal cue)
from cues local to the event, so a "may" or "is expected to" event is never reported as having
happened either way.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from newsbrief.analyzers.events_lexicon import Lexicon
from newsbrief.analyzers.events_verbal import PASSIVE_SUBJECTS, SUBJECTS
from newsbrief.model import Modality


def statement_modality(lex: Lexicon, tok: Token, statements: list[Any]) -> Modality:
    local = local_modality(lex, tok)
    if local != "asserted" or tok.pos_ != "VERB" or tok.lemma_.lower() in lex.reporting_verbs:
        return local  # a reporting verb's statement is labelled by what is reported, not by the saying
    for s in statements:  # smallest first
        if s.start <= tok.idx < s.end:
            head = tok.head
            while head.i != head.head.i and head.pos_ not in {"VERB", "AUX"}:
                head = head.head
            top = head.i == tok.i or not (s.start <= head.idx < s.end)
            return s.modality if top else local  # the statement's label is its main predicate's
    return local


def local_modality(lex: Lexicon, tok: Token) -> Modality:
    """Modality from cues in the event's own clause and the words governing it."""
    m = lex.modality
    if tok.pos_ in {"NOUN", "PROPN"}:
        for c in tok.children:
            if c.dep_ == "amod" and c.lower_ in m["possible_amod"]:
                return "possible"
            if c.dep_ == "amod" and c.lower_ in m["expected_amod"]:
                return "expected"
            if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no"):
                return "denied"
        head = tok.head
        if tok.dep_ in SUBJECTS | PASSIVE_SUBJECTS | {"dobj"} and head.pos_ in {"VERB", "AUX"}:
            if head.lemma_.lower() in m["expected_heads"] or any(
                c.dep_ in {"acomp", "advmod"} and c.lemma_.lower() in m["expected_heads"] for c in head.children
            ):
                return "expected"
            if head.lemma_.lower() in m["occurrence_verbs"] or tok.dep_ == "dobj":
                return local_modality(lex, head)  # "may occur", "may receive support": as its predicate
        return "asserted"
    last = tok.right_edge
    while last.i > tok.i and last.is_space:
        last = tok.doc[last.i - 1]
    if tok.dep_ == "ROOT" and last.text == "?":  # token.sent is slow: the root's subtree is its sentence
        return "question"
    v, hops = tok, 0
    while hops < 4:
        if any(c.dep_ == "neg" and c.lower_ in m["negation"] for c in v.children):
            return "denied"  # before the auxiliaries: "would not send" is denied, not expected
        for c in v.children:
            low = c.lower_
            if c.dep_ == "aux" and low in m["possible_aux"]:
                return "possible"
            if c.dep_ == "aux" and low in m["expected_aux"]:
                return "expected"
            if c.dep_ == "advmod" and low in m["possible_adverbs"]:
                return "possible"
            if c.dep_ == "advmod" and low in m["expected_adverbs"]:
                return "expected"
            if c.dep_ == "mark" and low in m["condition_marks"]:
                return "possible"
        if v.dep_ == "ccomp" and v.head.lemma_.lower() in m["denied_heads"]:
            return "denied"  # "X denied that it had supplied ...": the supplying is denied
        purpose = v.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
        if purpose and v.head.pos_ in {"VERB", "AUX"}:
            inherited = local_modality(lex, v.head)  # "may travel ... to discuss": the talks are as possible
            if inherited != "asserted":
                return inherited
        if v.dep_ in {"xcomp", "conj"} and v.head.i != v.i:
            head = v.head
            if v.dep_ == "xcomp":
                hl = head.lemma_.lower()
                if hl in m["denied_heads"]:
                    return "denied"
                if hl in m["expected_heads"] or (hl == "be" and any(c.lower_ in m["expected_heads"] for c in head.children)):
                    return "expected"
                if hl in m["possible_heads"]:
                    return "possible"
            elif head.pos_ != "VERB":
                break
            v, hops = head, hops + 1
            continue
        if v.dep_ == "xcomp" or (v.head.pos_ == "ADJ" and v.head.lemma_.lower() in m["expected_heads"] | m["possible_heads"]):
            hl = v.head.lemma_.lower()
            if hl in m["possible_heads"]:
                return "possible"
            if hl in m["expected_heads"]:
                return "expected"
        break
    return "asserted"
