"""Events: who did what to whom, when, and whether the article says it happened.

Every action done by or to one of the article's actors becomes an event, read off the dependency
parse: verbs (actor = subject or passive "by" agent, target = object or a target preposition's
object) and event nouns ("Russia's invasion of Ukraine": actor by possessive, target by "of";
"the supply of North Korean missiles to Russia": actor by the demonym of the supplied goods,
target by "to"). `place` is a GPE/LOC/FAC in an "in"/"at" phrase of the trigger, else the visited
target of a visit (lexicon.json `place`). Known verbs and nouns map to CAMEO codes through data files
(resources/events/patterns.json); the rest are still events, with `cameo` null.

`modality` comes from the statement covering a verbal event when the modality component has
labelled one, else (and whenever the event's own clause carries a modal cue) from cues local to the
event, so a "may" or "is expected to" event is never reported as having happened either way.
`event_key` is the identity an event keeps across articles (for the corpus's dedup).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsbrief.analyzers import base
from newsbrief.analyzers.resolve import PERSON_PRONOUNS, resolve, state_of
from newsbrief.model import Entity, Event, Modality, Span
from newsbrief.resources import load_json

PATTERNS_ENV = "NEWSBRIEF_EVENT_PATTERNS"
ACTOR_TYPES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
SUBJECTS = {"nsubj", "csubj"}
PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
OBJECTS = {"dobj", "obj", "dative", "attr"}
INHERITS_SUBJECT = {"xcomp", "conj", "advcl", "pcomp"}
DATE_TYPES = {"DATE", "TIME"}
PREPS = {"prep", "dative"}  # "send tanks to X": the parser calls that "to" a dative
OTHER_CLAUSES = {"ccomp", "relcl", "acl", "csubj", "xcomp", "conj", "parataxis"}


# --- data ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    """One entry of patterns.json: lemma(s) -> CAMEO code, with optional conditions."""

    lemmas: frozenset[str]
    cameo: str | None
    type: str
    object: str | None = None
    target_preps: frozenset[str] = frozenset()
    needs_target: bool = False  # only with an actor as direct target (object, target preposition, passive subject)
    target_types: frozenset[str] = frozenset()  # and of these entity types
    intransitive: bool = False  # only without a direct object ("protesters demonstrated")
    needs_prep: frozenset[str] = frozenset()  # only with one of these prepositions ("called on X to")
    of: str = "target"


@dataclass
class Lexicon:
    verbs: dict[str, list[Pattern]] = field(default_factory=dict)
    nouns: dict[str, list[Pattern]] = field(default_factory=dict)
    classes: dict[str, frozenset[str]] = field(default_factory=dict)
    default_preps: frozenset[str] = frozenset()
    non_event_verbs: frozenset[str] = frozenset()
    reporting_verbs: frozenset[str] = frozenset()
    frame_verbs: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    setting_preps: frozenset[str] = frozenset()
    receiving_verbs: frozenset[str] = frozenset()
    symmetric: frozenset[str] = frozenset()
    first_singular: frozenset[str] = frozenset()
    first_plural: frozenset[str] = frozenset()
    event_nouns: frozenset[str] = frozenset()
    anaphors: dict[str, str] = field(default_factory=dict)  # "company" -> "ORG"
    it_pronouns: frozenset[str] = frozenset()
    relative_pronouns: frozenset[str] = frozenset()
    modality: dict[str, frozenset[str]] = field(default_factory=dict)
    place_preps: frozenset[str] = frozenset()
    place_types: frozenset[str] = frozenset()
    place_is_target: frozenset[str] = frozenset()  # CAMEO codes whose place is the target (a visit)
    place_is_actor: frozenset[str] = frozenset()  # ... or the actor (hosting a visit)


def _as_list(x: Any) -> list[str]:
    return [x] if isinstance(x, str) else list(x or [])


def _patterns(entries: Iterable[dict[str, Any]]) -> list[Pattern]:
    return [
        Pattern(
            lemmas=frozenset(s.lower() for s in _as_list(e["lemma"])),
            cameo=e.get("cameo"),
            type=e.get("type") or _as_list(e["lemma"])[0],
            object=e.get("object"),
            target_preps=frozenset(_as_list(e.get("target_preps"))),
            needs_target=bool(e.get("needs_target")) or bool(e.get("target_types")),
            target_types=frozenset(_as_list(e.get("target_types"))),
            intransitive=bool(e.get("intransitive")),
            needs_prep=frozenset(_as_list(e.get("needs_prep"))),
            of=e.get("of", "target"),
        )
        for e in entries
    ]


def _index(patterns: list[Pattern]) -> dict[str, list[Pattern]]:
    """lemma -> its patterns, conditioned ones first, file order otherwise."""
    out: dict[str, list[Pattern]] = {}
    for p in sorted(patterns, key=lambda p: (p.object is None, not p.needs_prep)):
        for lemma in p.lemmas:
            out.setdefault(lemma, []).append(p)
    return out


@cache
def lexicon(extra: str | None = None) -> Lexicon:
    """Patterns and word lists from resources/events/, plus user files (env var or component config) first."""
    data = load_json("events/patterns.json")
    lex = load_json("events/lexicon.json")
    verbs, nouns = [], []
    classes = {k: frozenset(v) for k, v in data["object_classes"].items()}
    paths = [p for p in (extra, os.environ.get(PATTERNS_ENV)) if p]
    for path in (q for p in paths for q in p.split(os.pathsep) if q):
        user = json.loads(Path(path).read_text(encoding="utf-8"))
        verbs += _patterns(user.get("verbs", []))
        nouns += _patterns(user.get("nouns", []))
        for k, v in user.get("object_classes", {}).items():
            classes[k] = classes.get(k, frozenset()) | frozenset(v)
    verbs += _patterns(data["verbs"])
    nouns += _patterns(data["nouns"])
    anaphors = {w: label for label, words in lex["anaphors"].items() for w in words}
    noun_index = _index(nouns)
    return Lexicon(
        verbs=_index(verbs),
        nouns=noun_index,
        classes=classes,
        default_preps=frozenset(data["default_target_preps"]),
        non_event_verbs=frozenset(lex["non_event_verbs"]),
        reporting_verbs=frozenset(lex["reporting_verbs"]),
        frame_verbs=frozenset(lex["frame_verbs"]),
        light_verbs=frozenset(lex["light_verbs"]),
        setting_preps=frozenset(lex["setting_preps"]),
        receiving_verbs=frozenset(lex["receiving_verbs"]),
        symmetric=frozenset(data["symmetric_roots"]),
        first_singular=frozenset(lex["first_person"]["singular"]),
        first_plural=frozenset(lex["first_person"]["plural"]),
        event_nouns=frozenset(lex["event_nouns"]) | frozenset(noun_index),
        anaphors=anaphors,
        it_pronouns=frozenset(lex["it_pronouns"]),
        relative_pronouns=frozenset(lex["relative_pronouns"]),
        modality={k: frozenset(v) for k, v in lex["modality"].items()},
        place_preps=frozenset(lex["place"]["preps"]),
        place_types=frozenset(lex["place"]["types"]),
        place_is_target=frozenset(lex["place"]["target_codes"]),
        place_is_actor=frozenset(lex["place"]["actor_codes"]),
    )


@cache
def cameo_table() -> dict[str, Any]:
    return load_json("events/cameo.json")


def cameo_root(code: str | None) -> str | None:
    return code[:2] if code else None


def quad_class(code: str | None) -> int | None:
    """CAMEO quad class: 1 verbal / 2 material cooperation, 3 verbal / 4 material conflict."""
    root = cameo_table()["roots"].get(cameo_root(code) or "")
    return root["quad"] if root else None


def goldstein(code: str | None) -> float | None:
    """Goldstein-scale weight of a code (its own when listed, else its root's)."""
    if not code:
        return None
    table = cameo_table()
    if code in table["codes"]:
        return table["codes"][code]["goldstein"]
    root = table["roots"].get(cameo_root(code) or "")
    return root["goldstein"] if root else None


# --- identity across articles -------------------------------------------------------------------


def _norm(name: str | None) -> str:
    return " ".join((name or "").lower().replace("\u2019", "'").removesuffix("'s").split()) or "-"


def event_week(when: str | None, published: str | None = None) -> str | None:
    """ISO week ("2024-W25") of an event's full date, else of the publication date, else None."""
    for value in (when, published):
        if value and len(value) >= 10:
            try:
                y, w, _ = dt.date.fromisoformat(value[:10]).isocalendar()
            except ValueError:
                continue
            return f"{y}-W{w:02d}"
    return None


def event_key(
    actor: str | None, cameo: str | None, target: str | None, when: str | None, published: str | None = None, by: str = "week"
) -> str:
    """The identity of a real-world event across articles: (actor, CAMEO root, target, date or week).

    `actor`/`target` are names (or corpus-wide actor ids), not a brief's local entity ids. `by="day"`
    keys on the event's full date when it has one (else its week); `by="week"` (the default, tolerant
    of outlets dating an event a day apart or not at all) on the ISO week of its date or publication.
    The CAMEO root, not the full code, so "met" (040) and "held talks" (046) are one event."""
    root = cameo_root(cameo) or "-"
    if by == "day" and when and len(when) >= 10 and when[4] == "-":
        moment = when[:10]
    else:
        moment = event_week(when, published) or "-"
    return "|".join((_norm(actor), root, _norm(target), moment))


def actor_key(entity: Entity | None) -> str | None:
    """A name for an actor that outlets share: a state's ISO code ("RUS" for "Russia", "the Kremlin",
    "Moscow" when the actors component merged them), else its normalised name."""
    if entity is None:
        return None
    if entity.type == "GPE" and entity.country:
        return entity.country
    return _norm(entity.name)


def key_of(event: Event, entities: Iterable[Entity], published: str | None = None, by: str = "week") -> str:
    """`event_key` of an event of a brief, its actor and target named by `actor_key`."""
    ents = {e.id: e for e in entities}
    return event_key(
        actor_key(ents.get(event.actor or "")),
        event.cameo,
        actor_key(ents.get(event.target or "")),
        event.when,
        published,
        by,
    )


# --- the component ------------------------------------------------------------------------------


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


# what _verbal/_nominal find: (cameo, type, actor, target, clause (start, end), trigger (start, end))
Found = tuple[str | None, str, Entity | None, Entity | None, tuple[int, int], tuple[int, int]]


class EventExtractor:
    """The spaCy component: one pass over the tokens, verbs and event nouns, with the parse already made."""

    def __init__(self, extra_patterns: str | None = None) -> None:
        self.lex = lexicon(extra_patterns)

    def __call__(self, doc: Doc) -> Doc:
        base.put(doc, "events", self.extract(doc))
        return doc

    # -- finding events --

    def extract(self, doc: Doc) -> list[Event]:
        res = Resolver(doc, self.lex)
        timex_at = self._timexes(doc)
        statements = sorted(base.get(doc, "statements"), key=lambda s: s.end - s.start)
        events: list[Event] = []
        text = doc.text  # built anew on every access
        for tok in doc:
            if tok.pos_ == "VERB" and tok.dep_ != "aux":
                ev = self._verbal(doc, tok, res)
            elif tok.pos_ in {"NOUN", "PROPN"} and (
                tok.lemma_.lower() in self.lex.event_nouns or tok.lower_ in self.lex.event_nouns
            ):
                ev = self._nominal(doc, tok, res)
            else:
                continue
            if ev is None:
                continue
            cameo, etype, actor, target, clause, trigger = ev
            events.append(
                Event(
                    start=clause[0],
                    end=clause[1],
                    text=text[clause[0] : clause[1]],
                    trigger=Span.of(text, *trigger),
                    type=etype,
                    cameo=cameo,
                    actor=actor.id if actor else None,
                    target=target.id if target else None,
                    place=place.id if (place := self._place(tok, res, cameo, actor, target)) else None,
                    when=self._when(tok, timex_at),
                    modality=self._modality(tok, statements),
                )
            )
        return events

    def _match(
        self, table: dict[str, list[Pattern]], tok: Token, objects: list[Token], direct: Entity | None, check_target: bool = True
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
                    words = self.lex.classes.get(p.object, frozenset())
                    if not any(o.lemma_.lower() in words or o.lower_ in words for o in objects):
                        continue
                return p
        return None

    def _verb_subject(self, verb: Token, res: Resolver) -> tuple[Token | None, bool]:
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
            if v.dep_ in INHERITS_SUBJECT and v.head is not v:
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

    def _verbal(self, doc: Doc, verb: Token, res: Resolver) -> Found | None:
        lex = self.lex
        subj, passive = self._verb_subject(verb, res)
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
        pattern = self._match(lex.verbs, verb, objects, direct)
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
                o.dep_ in {"dobj", "obj"} and (o.lemma_.lower() in lex.event_nouns or o.lower_ in lex.event_nouns)
                for o in objects
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
        return cameo, etype, actor, target, self._clause(doc, verb), (verb.idx, trigger_end)

    def _nominal(self, doc: Doc, noun: Token, res: Resolver) -> Found | None:
        lex = self.lex
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
        pattern = self._match(lex.nouns, noun, [*of_objs, noun], None, check_target=False)  # roles of its phrases
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
        if (
            actor is None
            and (noun.dep_ == "dobj" or (noun.dep_ == "pobj" and gov is not noun.head))
            and gov.pos_ in {"VERB", "AUX"}
        ):
            subj, passive = self._verb_subject(gov, res)
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
        pattern = self._match(lex.nouns, noun, [*of_objs, noun], target)
        cameo, etype = (pattern.cameo, pattern.type) if pattern else (None, noun.lemma_.lower())
        start = noun.left_edge.idx
        end_tok = noun.right_edge
        while end_tok.i > noun.i and (end_tok.is_punct or end_tok.is_space):
            end_tok = doc[end_tok.i - 1]
        return cameo, etype, actor, target, (start, end_tok.idx + len(end_tok.text)), (noun.idx, noun.idx + len(noun.text))

    def _place(self, tok: Token, res: Resolver, cameo: str | None, actor: Entity | None, target: Entity | None) -> Entity | None:
        """Where the event happens: a place in an "in"/"at" phrase of the trigger itself (not of its object:
        "supported Russia's operation in Ukraine" says where the operation is, not the support), else the
        visited target of a visit, the host of a hosted visit (lexicon.json `place`)."""
        lex = self.lex
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

    @staticmethod
    def _clause(doc: Doc, verb: Token) -> tuple[int, int]:
        """The verb's clause: its subtree (parses never cross sentences), without edge punctuation or spaces."""
        lo, hi = verb.left_edge.i, verb.right_edge.i
        while lo < verb.i and (doc[lo].is_punct or doc[lo].is_space):
            lo += 1
        while hi > verb.i and (doc[hi].is_punct or doc[hi].is_space):
            hi -= 1
        return doc[lo].idx, doc[hi].idx + len(doc[hi].text)

    # -- when --

    def _timexes(self, doc: Doc) -> dict[int, tuple[int, str]]:
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

    def _when(self, tok: Token, timex_at: dict[int, tuple[int, str]]) -> str | None:
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

    # -- modality --

    def _modality(self, tok: Token, statements: list[Any]) -> Modality:
        local = self.local_modality(tok)
        if local != "asserted" or tok.pos_ != "VERB" or tok.lemma_.lower() in self.lex.reporting_verbs:
            return local  # a reporting verb's statement is labelled by what is reported, not by the saying
        for s in statements:  # smallest first
            if s.start <= tok.idx < s.end:
                head = tok.head
                while head.i != head.head.i and head.pos_ not in {"VERB", "AUX"}:
                    head = head.head
                top = head.i == tok.i or not (s.start <= head.idx < s.end)
                return s.modality if top else local  # the statement's label is its main predicate's
        return local

    def local_modality(self, tok: Token) -> Modality:
        """Modality from cues in the event's own clause and the words governing it."""
        m = self.lex.modality
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
                    return self.local_modality(head)  # "may occur", "may receive support": as its predicate
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
                inherited = self.local_modality(v.head)  # "may travel ... to discuss": the talks are as possible
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


@Language.factory(
    "newsbrief_events",
    assigns=["doc._.nb_events"],
    requires=["doc._.nb_entities", "doc._.nb_timexes", "doc._.nb_statements", "doc._.nb_attributions"],
    default_config={"extra_patterns": None},
)
def make_events(nlp: Language, name: str, extra_patterns: str | None) -> EventExtractor:
    return EventExtractor(extra_patterns)
