"""Which actor of the brief a mention stands for: names by their entity's mentions, pronouns and
definite nominals ('the company', 'the country') by the nearest compatible actor before them,
bare surnames by the person who carries them, group nouns by the state or organisation that
modifies them ('North Korean delegations', 'Boeing officials'), leader descriptions ('the Russian
leader') by the person of that country. No offline coreference model exists here (see STACK.md):
these are rules over the parse and the brief's actors (newsbrief_actors), cheap enough to call
for every mention. Components that need a speaker, an agent or a target ask here.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from newsbrief.analyzers import base
from newsbrief.analyzers.actors import _words, lexicon
from newsbrief.model import Entity
from newsbrief.resources import load_json

MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
PERSON_PRONOUNS = MALE | FEMALE
NEUTER = {"it", "its", "itself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
REFLEXIVE = {"himself", "herself", "itself", "themselves"}
SUBJECT = {"nsubj", "nsubjpass"}
OBJECT = {"dobj", "pobj", "iobj", "dative"}
NON_PERSON = {"ORG", "GPE", "NORP", "FAC", "LOC"}
IMPERSONAL_PASSIVES = {"know", "report", "say", "believe", "expect", "estimate", "think", "understand"}
MAX_BACK = 3  # sentences a pronoun or nominal looks back


@cache
def _roles() -> dict:
    return load_json("actors/roles.json")


@cache
def _gendered_titles() -> tuple[frozenset[str], frozenset[str]]:
    g = load_json("actors/titles.json")["gender"]
    return frozenset(g["male"]), frozenset(g["female"])  # as written: "Sister Ann", not "his sister"


def entity_at(doc: Doc, start_char: int, end_char: int) -> Entity | None:
    """The entity one of whose mentions overlaps the character range most; on a tie, the mention
    closest in extent ("Kremlin" inside "the Kremlin leader" is Russia, the whole is the leader)."""
    ctx = _context(doc)
    best, best_key = None, (0, 0)
    for k in range(bisect_left(ctx.starts, end_char) - 1, -1, -1):
        m = ctx.mentions[k]
        if m.start < start_char - ctx.longest:
            break
        ov = min(end_char, m.end) - max(start_char, m.start)
        if ov <= 0:
            continue
        key = (ov, -((m.end - m.start) - ov))
        if key > best_key:
            best, best_key = m.entity, key
    return best


@dataclass
class _Mention:
    start: int
    end: int
    entity: Entity
    sent: int
    root: Token

    @property
    def subject(self) -> bool:
        return self.root.dep_ in SUBJECT

    @property
    def main_subject(self) -> bool:
        return self.subject and self.root.head.dep_ == "ROOT"


@dataclass
class _Context:
    mentions: list[_Mention]  # sorted by start
    starts: list[int]
    gender: dict[str, str]  # entity id -> "male"/"female", where a title says it
    longest: int  # the longest mention, in characters: how far back an overlap can start


def _context(doc: Doc) -> _Context:
    """Per-document index of the brief's mentions, built once per entity list."""
    raw = doc._.nb_entities  # the stored list itself (None or []: base.get would make a new [] each call)
    ents = raw or []
    cached = doc.user_data.get("nb_resolve_ctx")
    if cached is not None and cached[0] is raw and cached[1] == len(ents):
        return cached[2]
    male, female = _gendered_titles()
    items, gender = [], {}
    for ent in ents:
        for m in ent.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            items.append(_Mention(m.start, m.end, ent, _sent_index(doc, span[0]), span.root))
            if ent.type == "PERSON" and span.start > 0:
                prev = doc[span.start - 1].text
                if prev in male:
                    gender[ent.id] = "male"
                elif prev in female:
                    gender[ent.id] = "female"
    items.sort(key=lambda x: (x.start, -x.end))
    ctx = _Context(items, [x.start for x in items], gender, max((x.end - x.start for x in items), default=0))
    doc.user_data["nb_resolve_ctx"] = (raw, len(ents), ctx)
    _learn_gender(doc, ctx)
    return ctx


def _learn_gender(doc: Doc, ctx: _Context) -> None:
    """'Meloni said she ...': a subject pronoun whose sentence names one person before it, as a
    subject, tells that person's gender; later 'he'/'she' elsewhere then choose by it."""
    words = _words(doc)
    for i, w in enumerate(words):
        low = w.lower()
        if low not in ("he", "she"):
            continue
        tok = doc[i]
        if tok.dep_ not in SUBJECT:
            continue
        here = _sent_index(doc, tok)
        k = bisect_right(ctx.starts, tok.idx - 1)
        before = []
        while k > 0 and ctx.mentions[k - 1].sent == here:
            k -= 1
            if ctx.mentions[k].entity.type == "PERSON":
                before.append(ctx.mentions[k])
        people = {m.entity.id for m in before}
        if len(people) == 1 and before[0].subject:
            ctx.gender.setdefault(before[0].entity.id, "male" if low == "he" else "female")


def _sent_index(doc: Doc, tok: Token) -> int:
    starts = doc.user_data.get("nb_sent_starts")
    if starts is None:
        starts = [s.start for s in doc.sents]
        doc.user_data["nb_sent_starts"] = starts
    return bisect_right(starts, tok.i) - 1


def _is_state(e: Entity) -> bool:
    """A state actor, not a city: its name is its country's name in the gazetteer."""
    return e.type == "GPE" and e.country is not None and lexicon().state_names.get(e.country) == e.name


def _nearest(
    doc: Doc, mention: Span, ok: Callable[[Entity], bool], exclude_subject_of: Token | None = None, back: int = MAX_BACK
) -> Entity | None:
    """The best antecedent before the mention: same or recent sentence, subjects first, then recency."""
    ctx = _context(doc)
    here = _sent_index(doc, mention[0])
    best, best_score = None, float("-inf")
    for k in range(bisect_right(ctx.starts, mention.start_char - 1) - 1, -1, -1):
        m = ctx.mentions[k]
        if here - m.sent > back:
            break
        if m.end > mention.start_char or not ok(m.entity):
            continue
        if exclude_subject_of is not None and m.subject and m.root.head.i == exclude_subject_of.i:
            continue
        if m.root.is_ancestor(mention.root):
            continue  # "Angela Merkel, his predecessor": not her own
        score = 3.0 * (MAX_BACK - (here - m.sent)) + (2.0 if m.main_subject else 1.0 if m.subject else 0.0) + m.start * 1e-7
        if score > best_score:
            best, best_score = m.entity, score
    return best


def _pronoun(doc: Doc, mention: Span, word: str) -> Entity | None:
    ctx = _context(doc)
    tok = mention.root
    # a non-reflexive object pronoun is not its own clause's subject ("Putin met him")
    clash = tok.head if word not in REFLEXIVE and tok.dep_ in OBJECT else None
    if word in PERSON_PRONOUNS:
        want = "male" if word in MALE else "female"
        other = None  # "she had invited him": him is not whom she is
        if clash is not None:
            subj = next((c for c in clash.children if c.dep_ in SUBJECT and c.lower_ in PERSON_PRONOUNS), None)
            if subj is not None and subj.i != tok.i:
                other = _pronoun(doc, doc[subj.i : subj.i + 1], subj.lower_)
        return _nearest(
            doc,
            mention,
            lambda e: e.type == "PERSON" and ctx.gender.get(e.id, want) == want and e is not other,
            exclude_subject_of=clash,
        )
    if word in NEUTER:
        if word == "it" and (tok.dep_ not in SUBJECT or _pleonastic(tok) or _copula_subject(tok)):
            return None  # an object "it" is mostly a thing ("called it frank"), "it is the first visit" an event
        return _nearest(doc, mention, lambda e: e.type == "ORG" or _is_state(e), exclude_subject_of=clash)
    if word in PLURAL:
        if word in ("them", "themselves"):
            return None
        # organisations are often "they"; states, people in the plural and groups of actors are out of reach
        return _nearest(doc, mention, lambda e: e.type in {"ORG", "NORP"}, exclude_subject_of=clash, back=1)
    return None


def _copula_subject(tok: Token) -> bool:
    """'It is the first visit ...': an 'it' that a copula equates with a thing, not an actor."""
    return tok.head.lemma_ == "be" and any(c.dep_ == "attr" for c in tok.head.children)


def _pleonastic(tok: Token) -> bool:
    """'It is significant that ...', 'it seems ...': an 'it' that stands for nothing."""
    if tok.dep_ == "expl":
        return True
    head = tok.head
    if tok.dep_ == "nsubjpass" and head.lemma_ in IMPERSONAL_PASSIVES:
        return True  # "it is known that", "it was reported"
    if tok.dep_ not in SUBJECT or head.lemma_ not in ("be", "seem", "appear", "remain", "become"):
        return False
    clause = {"ccomp", "xcomp", "csubj"}
    return any(c.dep_ in clause for c in head.children) or any(
        c.dep_ in ("acomp", "attr") and any(cc.dep_ in clause for cc in c.children) for c in head.children
    )


def _modifier_entity(doc: Doc, head: Token) -> Entity | None:
    """The state or organisation that modifies a noun ('North Korean delegations', "Russia's army")."""
    for ch in head.children:
        if ch.dep_ in ("amod", "compound", "poss", "nmod") or (ch.dep_ == "prep" and ch.lower_ in ("of", "from")):
            targets = [ch] if ch.dep_ != "prep" else [c for c in ch.children if c.dep_ == "pobj"]
            for t in targets:
                e = entity_at(doc, t.idx, t.idx + len(t.text))
                if e is not None and (e.type in {"ORG", "NORP"} or _is_state(e)):
                    return e
    return None


def resolve(doc: Doc, mention: Span) -> Entity | None:
    """The actor a mention (a token span) refers to, or None when the text does not say."""
    if not len(mention):
        return None
    root = mention.root
    direct = entity_at(doc, root.idx, root.idx + len(root.text))
    if direct is not None:
        return direct
    named = _apposed(doc, root)
    if named is not None:
        return named
    word = root.lower_
    if (len(mention) <= 2 and root.pos_ == "PRON") or (len(mention) == 1 and word in PERSON_PRONOUNS | NEUTER | PLURAL):
        return _pronoun(doc, mention, word)
    roles = _roles()
    lemma = root.lemma_.lower()
    if lemma in roles["state_groups"] or root.lower_ in roles["state_groups"]:
        e = _modifier_entity(doc, root)
        if e is not None:
            return e
    if lemma in roles["leader_roles"]:
        e = _modifier_entity(doc, root)
        if e is not None and e.country:
            return _nearest(doc, mention, lambda p: p.type == "PERSON" and p.country == e.country)
    definite = any(c.lower_ in ("the", "this", "that") for c in root.children if c.dep_ == "det")
    plural = root.tag_ in ("NNS", "NNPS") or any(c.dep_ == "nummod" for c in root.children)
    if definite and not plural and root.pos_ == "NOUN":
        if lemma in roles["state_nouns"]:
            return _nearest(doc, mention, _is_state)
        if lemma in roles["org_nouns"]:
            return _nearest(doc, mention, lambda e: e.type == "ORG")
    if root.pos_ == "PROPN":
        e = _surname(doc, root.text)
        if e is not None:
            return e
    best = entity_at(doc, mention.start_char, mention.end_char)
    if best is not None:
        cover = max(min(mention.end_char, m.end) - max(mention.start_char, m.start) for m in best.mentions)
        if cover * 2 >= mention.end_char - mention.start_char:
            return best
    return None


def _apposed(doc: Doc, root: Token) -> Entity | None:
    """A noun phrase that names its actor beside it: 'Apple CEO [Steve Jobs]', 'Steve Jobs, [the
    chief executive]', '[the former COO], Tim Cook', 'Apple is [the producer of ...]'."""
    if root.pos_ not in ("NOUN", "PROPN"):
        return None
    links = []
    if root.dep_ in ("compound", "appos"):
        links.append(root.head)
    links += [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "attr" and root.head.lemma_ == "be":
        links += [c for c in root.head.children if c.dep_ in SUBJECT]
    for t in links:
        e = entity_at(doc, t.idx, t.idx + len(t.text))
        if e is not None and (e.type == "PERSON" or root.dep_ != "compound"):
            return e
    return None


def _surname(doc: Doc, word: str) -> Entity | None:
    """A person the text names in full whose surname this is; the most mentioned one if several."""
    cands = [e for e in base.get(doc, "entities") if e.type == "PERSON" and len(e.name.split()) > 1]
    cands = [e for e in cands if e.name.replace("-", " ").split()[-1].lower() == word.lower()]
    return max(cands, key=lambda e: len(e.mentions), default=None)


def state_of(doc: Doc, entity: Entity | None) -> Entity | None:
    """The state an entity belongs to, if the brief has it as an actor (a city -> its country's entity)."""
    if entity is None or entity.country is None:
        return None
    if _is_state(entity):
        return entity
    return next((e for e in base.get(doc, "entities") if _is_state(e) and e.country == entity.country), None)
