"""Which actor a token of an event stands for: an entity mention, a pronoun (a first person in a
quotation is its speaker), a "the company"-like anaphor, or a possessive/demonym modifier.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsbrief.analyzers import base
from newsbrief.analyzers.events_lexicon import Lexicon
from newsbrief.analyzers.resolve import PERSON_PRONOUNS, resolve, state_of
from newsbrief.model import Entity

ACTOR_TYPES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}


class Resolver:
    """Actors of token positions: entity mentions, pronouns, "the company"-like anaphors, modifiers."""

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc, self.lex = doc, lex
        self.entities = [e for e in base.get(doc, "entities") if e.type in ACTOR_TYPES]
        self.at_token: dict[int, Entity] = {}
        self.mentions: list[tuple[int, int, Entity]] = []  # (start token, end token, entity)
        sizes: dict[int, int] = {}
        for ent in self.entities:
            for m in ent.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                self.mentions.append((span.start, span.end, ent))
                for i in range(span.start, span.end):
                    if i not in sizes or len(span) < sizes[i]:
                        sizes[i], self.at_token[i] = len(span), ent
        self.mentions.sort(key=lambda x: x[0])
        self.by_id = {e.id: e for e in self.entities}
        self.memo: dict[tuple[int, bool], Entity | None] = {}
        self.attributions = [a for a in base.get(doc, "attributions") if a.speaker]

    def _last_before(self, i: int, types: set[str]) -> Entity | None:
        best = None
        for start, _end, ent in self.mentions:
            if start >= i:
                break
            if ent.type in types:
                best = ent
        return best

    def _speaker(self, tok: Token, plural: bool) -> Entity | None:
        """ "I" in a quotation is its speaker; "we" the speaker's organisation or state, else the speaker."""
        at = tok.idx
        for a in self.attributions:
            if a.speaker and a.content.start <= at < a.content.end:
                speaker = self.by_id.get(a.speaker)
                if speaker is None or not plural or speaker.type != "PERSON":
                    return speaker
                # the organisation in the speaker's own phrase or role ("X, a manager at Vantec, said"),
                # else the speaker's state when the brief has it ("we" in a head of state's speech)
                around = [(a.role.start, a.role.end)] if a.role is not None else []
                if a.source is not None:
                    src = self.doc.char_span(a.source.start, a.source.end, alignment_mode="expand")
                    if src is not None:
                        around.append((src.root.left_edge.idx, src.root.right_edge.idx + len(src.root.right_edge)))
                for start, end, ent in self.mentions:
                    if ent.type == "ORG" and not self._addressee(self.doc[start:end].root):
                        s_char = self.doc[start].idx
                        if any(lo <= s_char < hi for lo, hi in around):
                            return ent
                return state_of(self.doc, speaker) or speaker
        return None

    def _addressee(self, tok: Token) -> bool:
        """The one spoken to ("told CNN", "speaking to Reuters"), not the speaker's side."""
        head = tok.head
        if tok.dep_ == "pobj" and head.lower_ == "to":
            head = head.head
        elif tok.dep_ not in {"dobj", "dative"}:
            return False
        return head.lemma_.lower() in self.lex.reporting_verbs or head.lemma_.lower() in {"speak", "talk"}

    def _pronoun(self, tok: Token) -> Entity | None:
        """Personal pronouns by the shared resolver (gender, subjecthood, recency), first persons by the quote."""
        low = tok.lower_
        if low in self.lex.first_singular or low in self.lex.first_plural:
            return self._speaker(tok, low in self.lex.first_plural)
        if low in PERSON_PRONOUNS or low in self.lex.it_pronouns:
            return resolve(self.doc, self.doc[tok.i : tok.i + 1])
        return None

    def entity(self, tok: Token, modifiers: bool = True, depth: int = 0) -> Entity | None:
        """The actor a noun-phrase head stands for, or None (memoised: a subject serves several verbs)."""
        key = (tok.i, modifiers)
        if key not in self.memo:
            self.memo[key] = self._entity(tok, modifiers, depth)
        return self.memo[key]

    def _entity(self, tok: Token, modifiers: bool, depth: int) -> Entity | None:
        ent = self.at_token.get(tok.i)
        if ent is not None:
            return ent
        if depth > 3:
            return None
        if tok.pos_ == "PRON" or tok.lower_ in PERSON_PRONOUNS:
            if tok.lower_ in self.lex.relative_pronouns and tok.head.dep_ in {"relcl", "acl"}:
                return self.entity(tok.head.head, modifiers, depth + 1)
            return self._pronoun(tok)
        if tok.dep_ in {"relcl", "acl"}:
            return None
        for child in tok.children:
            # a name's parts and an apposition name the head; a compound before a common noun only
            # modifies it ("a Singapore Airlines flight")
            if child.dep_ == "appos" or (child.dep_ in {"compound", "flat"} and tok.pos_ == "PROPN"):
                ent = self.at_token.get(child.i)
                if ent is not None:
                    return ent
        # the shared resolver for names, definite nominals and modified group nouns; a bare common noun
        # ("users", "software") names no actor, and a span per noun is not free
        if tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and tok.n_lefts):
            ent = resolve(self.doc, self.doc[tok.i : tok.i + 1])  # the head alone: a modifier is no referent
            if ent is not None:
                return ent
        label = self.lex.anaphors.get(tok.lower_) or self.lex.anaphors.get(tok.lemma_.lower())
        if label and any(c.lower_ in {"the", "this", "that"} for c in tok.children if c.dep_ == "det"):
            ent = self._last_before(tok.i, {label} | ({"GPE", "NORP"} if label == "GPE" else set()))
            if ent is not None:
                return ent
        if modifiers:
            return self.modifier(tok)
        return None

    def is_city(self, ent: Entity) -> bool:
        """A place inside a state the brief knows (a city, a region), not a state acting."""
        if ent.type not in {"GPE", "LOC", "FAC"} or not ent.country:
            return False
        state = state_of(self.doc, ent)
        return state is not None and state.id != ent.id

    def parties(self, tok: Token) -> list[Entity]:
        """The actors of a coordination, in text order: "Arland and Borovia", "Arland and Borovian delegations"."""
        found: list[Entity] = []
        for head in (tok, *tok.conjuncts):
            ent = self.entity(head, modifiers=False)
            mods = [c for c in head.children if c.dep_ in {"poss", "amod", "compound", "nmod"}]
            cands = [ent] if ent is not None else [self.at_token.get(m.i) for mod in mods for m in (mod, *mod.conjuncts)]
            for e in cands:
                if e is not None and all(e.id != f.id for f in found):
                    found.append(e)
        return found

    def modifier(self, tok: Token, pronouns: bool = True) -> Entity | None:
        """An actor named by a possessive, demonym or compound modifier ("Russian officials"); a
        possessive pronoun counts when `pronouns` ("his visit"), not for a target ("building our ties")."""
        for child in tok.children:
            if child.dep_ in {"poss", "amod", "compound", "nmod"}:
                ent = self.at_token.get(child.i) or (self._pronoun(child) if pronouns and child.dep_ == "poss" else None)
                if ent is not None:
                    return ent
        for child in tok.children:  # "troops from Rwanda", "the army of Chad"
            if child.dep_ == "prep" and child.lower_ in {"from", "of"}:
                for pobj in child.children:
                    ent = self.at_token.get(pobj.i) if pobj.dep_ == "pobj" else None
                    if ent is not None and ent.type in {"GPE", "ORG", "NORP"}:
                        return ent
        return None
