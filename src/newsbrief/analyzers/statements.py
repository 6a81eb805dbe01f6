"""Statements and their modality: what the article presents as fact, as possible, as expected, as
denied or as a question, clause by clause, and who holds each claim.

Why clause by clause: one sentence often mixes them ("X may occur, which will threaten Y" is a
possibility followed by a forecast), so a sentence is cut at the clauses that carry a claim of their
own (a non-restrictive relative clause, a finite adverbial or coordinated clause) and each clause is
labelled by the cues on its own predicate chain (its verb, the auxiliaries, adverbs and complements
that govern it, and the complement of a reporting verb), never by words inside its noun phrases
("the possible development ... threatens" is asserted). Cue words are data (resources/modality/).

Holders: the subject of a reporting verb that frames the clause ("He believes that ...", "..., she
said", "..., saying that ...", "called the charges baseless"), an adjunct ("according to X", "in his
opinion"), else the speaker the attribution component gave the passage (a quote that runs over
sentences); always resolved to an entity id through resolve.py, else null (the author).

Why it is cheap: one pass over the tokens of each sentence with the parse already made.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsbrief.analyzers import base
from newsbrief.analyzers.resolve import resolve
from newsbrief.model import Modality, Statement
from newsbrief.resources import load_json

_CUES = load_json("modality/cues.json")
_CLAUSES = load_json("modality/clauses.json")
_LINES = load_json("lines.json")

EXP = _CUES["expected"]
POS = _CUES["possible"]
DEN = _CUES["denied"]
EXP_MODALS = frozenset(EXP["modals"])
HYPOTHETICAL = frozenset(EXP["hypothetical_modals"])
POS_MODALS = frozenset(POS["modals"])
EXP_ADVS = frozenset(EXP["adverbs"])
EXP_ADV_HEADS: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in EXP["adverbs_with_head"].items()}
POS_ADVS = frozenset(POS["adverbs"])
EXP_ADJS = frozenset(EXP["adjectives"])
POS_ADJS = frozenset(POS["adjectives"])
EXP_ADJS_COMP = frozenset(EXP["adjectives_with_complement"])
EXP_VERBS = frozenset(EXP["verbs"])
EXP_VERBS_COMP = frozenset(EXP["verbs_with_complement"])
EXP_VERBS_BE_TO = frozenset(EXP["verbs_be_to"])
POS_VERBS_COMP = frozenset(POS["verbs_with_complement"])
EXP_NOUNS = frozenset(EXP["nouns"])
BE_TO_NOT_AFTER = frozenset(EXP["be_to_not_after"])
POS_NOUNS = frozenset(POS["nouns"])
NEGATIONS = frozenset(DEN["negations"])
NOT_NEGATION_BEFORE = frozenset(DEN["not_a_negation_before"])
DENIAL_VERBS = frozenset(DEN["verbs"])
CLAIM_NOUNS = frozenset(DEN["claim_nouns"])
NEGATED_MODALS_DENY = frozenset(DEN["negated_modals_deny"])
QUESTION_MARKS = tuple(_CUES["question"]["final"])

REPORTING = frozenset(_CLAUSES["reporting_verbs"])
STANCE_NOUNS = frozenset(_CLAUSES["stance_nouns"])
DIRECTIVE = frozenset(_CLAUSES["directive_verbs"])
SMALL_CLAUSE = frozenset(_CLAUSES["small_clause_verbs"])
ACCORDING = frozenset(_CLAUSES["according_to"])
CONDITIONAL = frozenset(_CLAUSES["conditional_markers"])
OPENERS = frozenset(_CLAUSES["clause_openers_after"])
TRIM_LEADING = frozenset(_CLAUSES["trim_leading"])
TRIM_TRAILING = frozenset(_CLAUSES["trim_trailing"])
WH_OPENERS = frozenset(_CLAUSES["wh_heading_openers"])
TERMINAL = frozenset(_CLAUSES["terminal_punct"])

BULLETS = frozenset(_LINES["bullets"])
NUMBERED = re.compile(_LINES["numbered"])

SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Dependents of a predicate that can carry its modality ("will", "not", "likely", "is ahead").
CUE_DEPS = frozenset({"aux", "auxpass", "neg", "advmod", "acomp", "attr", "oprd", "det", "nsubj", "dobj", "npadvmod", "preconj"})
# Dependents that continue a predicate chain: its complements, merged coordinated verbs.
CHAIN_DEPS = frozenset({"xcomp", "ccomp", "conj", "acomp"})


@dataclass
class Clause:
    head: Token
    tokens: list[Token]
    modality: Modality = "asserted"
    holder: str | None = None
    holder_from_adjunct: bool = False


def _is_finite(tok: Token) -> bool:
    return tok.tag_ in FINITE_TAGS or any(c.dep_ in {"aux", "auxpass"} and c.tag_ in FINITE_TAGS for c in tok.children)


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in SUBJECTS for c in tok.children)


def _is_separate(tok: Token, sent: Span) -> bool:
    """Does this token head a clause that makes a claim of its own (labelled apart from its head's)?"""
    if tok.pos_ not in {"VERB", "AUX"} and not (tok.dep_ == "conj" and _has_subject(tok)):
        return False
    dep = tok.dep_
    if dep == "relcl":  # only the non-restrictive kind: ", which will ..."
        i = tok.left_edge.i - 1
        return i >= sent.start and tok.doc[i].text in OPENERS and _is_finite(tok)
    if dep == "advcl" and tok.tag_ == "VBG" and tok.lemma_.lower() in REPORTING:  # "..., saying that it would ..."
        return any(c.dep_ == "ccomp" for c in tok.children) and not _in_condition(tok)
    if dep == "advcl":
        marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
        return _is_finite(tok) and _has_subject(tok) and not (marks & CONDITIONAL)
    if dep == "conj":  # its own subject or auxiliary: "..., and she may order", "... but instead is aimed at"
        own_aux = any(c.dep_ in {"aux", "auxpass"} and c.tag_ in FINITE_TAGS for c in tok.children)
        return _is_finite(tok) and (_has_subject(tok) or own_aux) and not _in_condition(tok)
    if dep == "ccomp":  # "X can add apps; the program costs $99": two claims the parser chained
        lo, hi = sorted((tok.i, tok.head.i))
        return tok.head.lemma_ not in REPORTING and any(tok.doc[i].text == ";" for i in range(lo, hi))
    if dep == "parataxis":
        return _is_finite(tok) and _has_subject(tok) and tok.lemma_ not in REPORTING
    return False


def _in_condition(tok: Token) -> bool:
    """Inside an "if"/"unless" clause: hypothetical, never a claim of its own."""
    t = tok
    while t.head.i != t.i:
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL for c in t.children):
            return True
        t = t.head
    return False


def _quoted_question(toks: list[Token]) -> bool:
    """Does the sentence end in a question quoted within it ('He asked: "Why now?"')? The sentence then
    reports a question, it does not ask one."""
    q = max((i for i, t in enumerate(toks) if t.text.endswith(QUESTION_MARKS)), default=-1)
    if q <= 0:
        return False
    inner = toks[1:q]
    straight = sum(t.text == '"' for t in inner)
    opened = sum(t.tag_ == "``" or t.text in {"“", "‘"} for t in inner) - sum(t.tag_ == "''" or t.text in {"”"} for t in inner)
    return straight % 2 == 1 or opened > 0


def _chain(head: Token, heads: set[int]) -> list[Token]:
    """The predicate chain of a clause: its head and the complements / coordinated verbs merged into it,
    plus the clause under a stance noun of a reporting verb ("expressed hope that ... will ...").
    The complement of a directive ("told them not to buy", "recommended that they should not") is
    a demand, not a claim: its cues stay out."""
    out, todo = [], [head]
    while todo:
        t = todo.pop()
        out.append(t)
        directive = t.lemma_.lower() in DIRECTIVE
        controls = any(c.dep_ == "dobj" for c in t.children)
        for c in t.children:
            if c.i in heads or (c.dep_ == "ccomp" and directive) or (c.dep_ == "xcomp" and (controls or directive)):
                continue
            if c.dep_ in CHAIN_DEPS and (c.pos_ in {"VERB", "AUX", "ADJ"} or c.dep_ == "ccomp"):
                todo.append(c)
            elif c.dep_ == "dobj" and c.lemma_.lower() in STANCE_NOUNS and t.lemma_ in REPORTING:
                todo.extend(g for g in c.children if g.dep_ in {"acl", "ccomp", "relcl"} and g.i not in heads)
    return out


def _hypothetical(verb: Token) -> bool:
    """ "would have done" (counterfactual) or "if X, Y would" (conditional): a possibility, not a forecast."""
    return any(
        (c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ == "VB")
        or (c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in CONDITIONAL for g in c.children))
        for c in verb.children
    )


def _be_to(be: Token) -> bool:
    """ "The president is to visit Kyiv": a scheduled future, unless the subject names a purpose ("the goal is to win")."""
    to_follows = any(
        c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.tag_ == "TO" and be.i < g.i <= be.i + 2 for g in c.children)
        for c in be.children
    )
    if not to_follows:
        return False
    subj = next((c for c in be.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subj is not None and subj.lemma_.lower() not in BE_TO_NOT_AFTER


def _negation(tok: Token) -> bool:
    if tok.lower_ not in NEGATIONS:
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return not (nxt is not None and nxt.lower_ in NOT_NEGATION_BEFORE)


def _label(chain: list[Token], question: bool) -> Modality:
    """Combine the cues of one clause's predicate chain, by the priority the cue file states."""
    if question:
        return "question"
    exp = pos = neg = neg_modal = deny = False
    for t in chain:
        lemma = t.lemma_.lower()
        if lemma in DENIAL_VERBS and t.pos_ == "VERB":
            deny |= any(c.dep_ == "ccomp" or (c.dep_ == "dobj" and c.lemma_.lower() in CLAIM_NOUNS) for c in t.children)
        clausal = any(c.dep_ in {"xcomp", "ccomp"} for c in t.children)
        if t.pos_ in {"VERB", "AUX"}:
            exp |= lemma in EXP_VERBS or (clausal and lemma in EXP_VERBS_COMP)
            exp |= clausal and lemma in EXP_VERBS_BE_TO and t.tag_ in {"VBG", "VBN"}
            pos |= clausal and lemma in POS_VERBS_COMP
            exp |= lemma == "be" and _be_to(t)
        elif t.pos_ == "ADJ":
            exp |= lemma in EXP_ADJS or (clausal and lemma in EXP_ADJS_COMP)
            pos |= lemma in POS_ADJS
        modals = set()
        negated = False
        for c in t.children:
            if c.dep_ not in CUE_DEPS:
                continue
            low, clemma = c.lower_, c.lemma_.lower()
            if c.dep_ in {"aux", "auxpass"}:
                if c.tag_ != "MD":  # "he'd signed" is "had"
                    continue
                if low in HYPOTHETICAL and _hypothetical(t):
                    pos = True
                elif low in EXP_MODALS or clemma in EXP_MODALS:
                    exp = True
                elif low in POS_MODALS:
                    pos = True
                    modals.add(low)
            elif c.dep_ == "neg" or (c.dep_ == "advmod" and low in {"never"}):
                negated |= _negation(c)
            elif c.dep_ == "advmod":
                exp |= low in EXP_ADVS or (low in EXP_ADV_HEADS and lemma in EXP_ADV_HEADS[low])
                pos |= low in POS_ADVS
            elif c.dep_ in {"acomp", "oprd"}:
                exp |= clemma in EXP_ADJS or (clemma in EXP_ADJS_COMP and any(g.dep_ in {"xcomp", "ccomp"} for g in c.children))
                pos |= clemma in POS_ADJS
            elif c.dep_ == "attr":
                exp |= clemma in EXP_NOUNS
                pos |= clemma in POS_NOUNS
                negated |= any(g.dep_ == "det" and _negation(g) for g in c.children)
            elif c.dep_ in {"nsubj", "dobj"}:
                negated |= _negation(c) or any(g.dep_ == "det" and _negation(g) for g in c.children)
        neg |= negated
        neg_modal |= negated and bool(modals & NEGATED_MODALS_DENY)
    if deny:
        return "denied"
    if exp:
        return "expected"
    if neg_modal:
        return "denied"
    if pos:
        return "possible"
    return "denied" if neg else "asserted"


def _mention(tok: Token) -> Span:
    """The name or pronoun a token stands in: its named entity, else its compound name, else itself."""
    if tok.ent_type_:
        for ent in tok.doc.ents:
            if ent.start <= tok.i < ent.end:
                return ent
    left = tok.i
    for c in tok.lefts:
        if c.dep_ in {"compound", "flat"} and c.i == left - 1:
            left = c.i
    while left < tok.i and tok.doc[left].is_punct:
        left += 1
    return tok.doc[left : tok.i + 1]


def _holder_of(tok: Token | None) -> str | None:
    if tok is None:
        return None
    if tok.dep_ in {"nsubj", "nsubjpass"} and tok.lower_ in {"who", "which", "that"} and tok.head.dep_ == "relcl":
        tok = tok.head.head  # "a professor who believes ...": the professor
    ent = resolve(tok.doc, _mention(tok))
    return ent.id if ent is not None else None


def _reporting_subject(verb: Token) -> Token | None:
    """The subject of a reporting verb that frames a claim: with a clausal or stance-noun complement
    ("said that", "expressed hope that"), or a small clause ("called the charges fabricated",
    "described him as"). A participle ("..., saying that ...") takes the subject of the verb it hangs on."""
    lemma = verb.lemma_.lower()
    if lemma in REPORTING:
        frames = any(
            c.dep_ in {"ccomp", "parataxis"} or (c.dep_ == "dobj" and c.lemma_.lower() in STANCE_NOUNS) for c in verb.children
        )
    elif lemma in SMALL_CLAUSE:
        frames = any(c.dep_ in {"oprd", "ccomp"} or (c.dep_ == "prep" and c.lower_ == "as") for c in verb.children)
    else:
        return None
    if not frames:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None or verb.tag_ != "VBG":
        return subj
    t = verb  # "Trump sent tweets saying that ...": the participle's subject is the sender's
    for _ in range(3):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in {"VERB", "AUX"}:
            return next((c for c in t.children if c.dep_ == "nsubj"), None)
    return None


def _adjunct_holder(chain: Iterable[Token]) -> Token | None:
    """ "according to X", "in his opinion", "in the view of X" attached to the clause's predicate."""
    for t in chain:
        for p in t.children:
            if p.dep_ != "prep":
                continue
            if p.lower_ in ACCORDING:
                to = next((c for c in p.children if c.lower_ == "to"), p)
                obj = next((c for c in to.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
            obj = next((c for c in p.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.lemma_.lower() in STANCE_NOUNS:
                poss = next((c for c in obj.children if c.dep_ == "poss"), None)
                if poss is None:
                    of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                    poss = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
                if poss is not None:
                    return poss
    return None


def _framing_ancestor(head: Token) -> Token | None:
    """When a clause sits inside the complement of a reporting verb, that verb's subject holds it."""
    t = head
    while t.head.i != t.i:
        parent = t.head
        if t.dep_ in {"ccomp", "acl"} and parent.lemma_.lower() in STANCE_NOUNS and parent.dep_ == "dobj":
            parent = parent.head
        if t.dep_ in {"ccomp", "acl"}:
            subj = _reporting_subject(parent)
            if subj is not None:
                return subj
        t = t.head
    return None


def _content_tokens(sent: Span) -> list[Token]:
    """The sentence without its spaces and without a list marker that opens its line."""
    toks = [t for t in sent if not t.is_space]
    while len(toks) > 1:
        if toks[0].text in BULLETS or NUMBERED.match(toks[0].text):
            toks = toks[1:]
        elif len(toks) > 2 and not toks[0].whitespace_ and NUMBERED.match(toks[0].text + toks[1].text):
            toks = toks[2:]  # "1." and "2)" split by the tokenizer
        else:
            break
    return toks


def _is_heading(toks: list[Token], root: Token) -> bool:
    """Not a claim: no predicate at all (no finite verb, nor a verb with a subject as in the headline
    "Minister to visit Kyiv"), or a wh- title without final punctuation ("How X can threaten Y")."""
    if not any(_is_finite(t) for t in toks if t.pos_ in {"VERB", "AUX"}) and not (
        root.pos_ in {"VERB", "AUX"} and _has_subject(root)
    ):
        return True
    return toks[0].lower_ in WH_OPENERS and toks[-1].text not in TERMINAL and not toks[-1].text.endswith("?")


def _headline_future(root: Token) -> bool:
    """The headline future: "Minister to visit Kyiv", "Airline to be compensated" (subject + to-infinitive)."""
    return _has_subject(root) and any(c.dep_ == "aux" and c.tag_ == "TO" for c in root.children)


def _trim(toks: list[Token]) -> list[Token]:
    """Drop joining words and punctuation at the edges, and a final stop cut off from the clause by a
    nested clause (the main clause of "X was done, which will Y." ends at "done")."""
    if len(toks) > 1 and toks[-1].is_punct and toks[-2].i != toks[-1].i - 1:
        toks = toks[:-1]
    while toks and toks[0].lower_ in TRIM_LEADING:
        toks = toks[1:]
    while toks and toks[-1].lower_ in TRIM_TRAILING:
        toks = toks[:-1]
    # a quotation mark whose partner lies outside the clause is dropped (no '"We will go' half-quotes)
    if len(toks) > 1 and toks[0].is_quote and not any(t.is_quote for t in toks[1:]):
        toks = toks[1:]
    if len(toks) > 1 and toks[-1].is_quote and not any(t.is_quote for t in toks[:-1]):
        toks = toks[:-1]
    return toks


def sentence_clauses(sent: Span) -> list[Clause]:
    """The claim clauses of one sentence, labelled, each with its holder's entity id or None."""
    toks = _content_tokens(sent)
    if not toks or _is_heading(toks, sent.root):
        return []
    question = any(t.text.endswith(QUESTION_MARKS) for t in toks[-3:]) and not _quoted_question(toks)
    root = sent.root
    heads = {root.i} | {t.i for t in toks if t.i != root.i and _is_separate(t, sent)}
    head_of = {t.i: t.head.i for t in sent}  # walk on ints: spaCy builds a Token object per access
    owner: dict[int, int] = {}
    for t in toks:
        path, u = [], t.i
        while u not in heads and u not in owner and head_of[u] != u and head_of[u] in head_of:
            path.append(u)
            u = head_of[u]
        own = owner.get(u, u if u in heads else root.i)
        for i in path:
            owner[i] = own
        owner[t.i] = own
    clauses = []
    for h in sorted(heads):
        mine = _trim([t for t in toks if owner[t.i] == h])
        if not mine:
            continue
        head = sent.doc[h]
        chain = _chain(head, heads)
        modality = _label(chain, question)
        if modality == "asserted" and h == root.i and _headline_future(head):
            modality = "expected"
        clause = Clause(head=head, tokens=mine, modality=modality)
        subj = next((s for t in chain if (s := _reporting_subject(t)) is not None), None)
        if subj is None:
            adj = _adjunct_holder(chain)
            if adj is not None:
                subj, clause.holder_from_adjunct = adj, True
        if subj is None:
            subj = _framing_ancestor(head)
        clause.holder = _holder_of(subj) if subj is not None else None
        clauses.append(clause)
    # a coordinated clause shares a holder given by an adjunct ("In his opinion, X and Y")
    by_head = {c.head.i: c for c in clauses}
    for c in clauses:
        if c.holder is None and c.head.dep_ == "conj":
            up = c.head.head
            while up.i not in by_head and up.head.i != up.i:
                up = up.head
            parent = by_head.get(up.i)
            if parent is not None and parent.holder_from_adjunct:
                c.holder = parent.holder
    return clauses


class StatementsComponent:
    """Writes `statements`: one Statement per claim clause of every sentence."""

    def __call__(self, doc: Doc) -> Doc:
        out: list[Statement] = []
        text = doc.text
        said = [(a.content.start, a.content.end, a.speaker) for a in base.get(doc, "attributions") if a.speaker]
        for sent in doc.sents:
            for c in sorted(sentence_clauses(sent), key=lambda c: c.tokens[0].i):
                start, end = c.tokens[0].idx, c.tokens[-1].idx + len(c.tokens[-1].text)
                holder = c.holder or _speaker_of(said, start, end)
                out.append(Statement(start=start, end=end, text=text[start:end], modality=c.modality, holder=holder))
        base.put(doc, "statements", out)
        return doc


def _speaker_of(said: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    """A clause with no reporting frame of its own, inside a passage the attribution component gave to a
    speaker (a quote running over sentences, "..., he added."), is held by that speaker."""
    for s, e, speaker in said:
        if min(e, end) - max(s, start) >= 0.8 * (end - start):
            return speaker
    return None


def modality_at(doc: Doc, start_char: int, end_char: int) -> Modality | None:
    """The modality of the innermost statement holding a character range (for events and others)."""
    best = None
    for s in base.get(doc, "statements"):
        if s.start <= start_char and end_char <= s.end and (best is None or s.end - s.start < best.end - best.start):
            best = s
    return best.modality if best is not None else None


@Language.factory(
    "newsbrief_statements", assigns=["doc._.nb_statements"], requires=["doc._.nb_entities", "doc._.nb_attributions"]
)
def make_statements(nlp: Language, name: str) -> StatementsComponent:
    return StatementsComponent()
