"""Which actor of the brief a mention stands for: names by their entity's mentions, pronouns and
bare surnames by the nearest compatible person before them (no offline coreference model exists
here; see STACK.md). Components that need a speaker, an agent or a target ask here."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsbrief.analyzers import base
from newsbrief.model import Entity

PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}


def entity_at(doc: Doc, start_char: int, end_char: int) -> Entity | None:
    """The entity one of whose mentions overlaps the character range most."""
    best, best_overlap = None, 0
    for ent in base.get(doc, "entities"):
        for m in ent.mentions:
            ov = min(end_char, m.end) - max(start_char, m.start)
            if ov > best_overlap:
                best, best_overlap = ent, ov
    return best


def resolve(doc: Doc, mention: Span) -> Entity | None:
    """The actor a mention (a token span) refers to, or None when the text does not say."""
    direct = entity_at(doc, mention.start_char, mention.end_char)
    if direct is not None:
        return direct
    if mention.text.lower() in PERSON_PRONOUNS:
        before = [
            (m.end, e)
            for e in base.get(doc, "entities")
            if e.type == "PERSON"
            for m in e.mentions
            if m.end <= mention.start_char
        ]
        if before:
            return max(before, key=lambda x: x[0])[1]
    return None
