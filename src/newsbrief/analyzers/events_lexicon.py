"""What the events component knows, as data: the CAMEO patterns of verbs and nouns
(resources/events/patterns.json, plus user files first), its word lists (lexicon.json), and the CAMEO
table (cameo.json: quad class, Goldstein weight).

Apart from the component so the corpus (event identity, relations) can read the codes without
loading a parser.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from newsbrief.resources import load_json

PATTERNS_ENV = "NEWSBRIEF_EVENT_PATTERNS"


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
