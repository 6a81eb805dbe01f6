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

This module is the spaCy component; the parts live one concern a module: events_lexicon (patterns,
word lists, CAMEO table), events_resolver (the actor a token stands for), events_verbal,
events_nominal, events_setting (place, when), events_modality, events_identity (event_key).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsbrief.analyzers import base
from newsbrief.analyzers.events_identity import actor_key, event_key, event_week, key_of
from newsbrief.analyzers.events_lexicon import Lexicon, Pattern, cameo_root, cameo_table, goldstein, lexicon, quad_class
from newsbrief.analyzers.events_modality import statement_modality
from newsbrief.analyzers.events_nominal import nominal
from newsbrief.analyzers.events_resolver import Resolver
from newsbrief.analyzers.events_setting import place_of, timexes_by_root, when_of
from newsbrief.analyzers.events_verbal import verbal
from newsbrief.model import Event, Span

# the names the corpus and the tests import from here
__all__ = [
    "EventExtractor",
    "Lexicon",
    "Pattern",
    "actor_key",
    "cameo_root",
    "cameo_table",
    "event_key",
    "event_week",
    "goldstein",
    "key_of",
    "lexicon",
    "make_events",
    "quad_class",
]


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
        timex_at = timexes_by_root(doc)
        statements = sorted(base.get(doc, "statements"), key=lambda s: s.end - s.start)
        events: list[Event] = []
        text = doc.text  # built anew on every access
        for tok in doc:
            if tok.pos_ == "VERB" and tok.dep_ != "aux":
                ev = verbal(self.lex, doc, tok, res)
            elif tok.pos_ in {"NOUN", "PROPN"} and (
                tok.lemma_.lower() in self.lex.event_nouns or tok.lower_ in self.lex.event_nouns
            ):
                ev = nominal(self.lex, doc, tok, res)
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
                    place=place.id if (place := place_of(self.lex, tok, res, cameo, actor, target)) else None,
                    when=when_of(tok, timex_at),
                    modality=statement_modality(self.lex, tok, statements),
                )
            )
        return events


@Language.factory(
    "newsbrief_events",
    assigns=["doc._.nb_events"],
    requires=["doc._.nb_entities", "doc._.nb_timexes", "doc._.nb_statements", "doc._.nb_attributions"],
    default_config={"extra_patterns": None},
)
def make_events(nlp: Language, name: str, extra_patterns: str | None) -> EventExtractor:
    return EventExtractor(extra_patterns)
