"""The word lists the actors component reads (gazetteer, titles, roles) and the folding that makes
names comparable; kept apart from actors.py because every other actors_* module needs them and
resolve.py reads them too."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from newsbrief.resources import load_json

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
POSSESSIVE = {"'s", "’s", "'", "’"}
HYPHENS = {"-", "‐", "‑"}
NAME_PARTICLES = {
    "von",
    "van",
    "der",
    "den",
    "de",
    "del",
    "della",
    "di",
    "da",
    "dos",
    "du",
    "la",
    "le",
    "bin",
    "ibn",
    "al",
    "el",
    "ter",
}
DETERMINERS = {"the"}


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class Term:
    iso3: str | None
    kind: str  # name, demonym, metonym, capital, ambiguous


@dataclass
class Lexicon:
    terms: dict[str, Term]
    state_names: dict[str, str]
    places: dict[str, str]  # city or subdivision -> iso3 (for a place's country only)
    not_alone: frozenset[str]
    titles: frozenset[str]
    title_max: int
    male: frozenset[str]
    female: frozenset[str]
    name_suffixes: frozenset[str]
    org_suffixes: frozenset[str]
    org_descriptors: frozenset[str]
    person_only: frozenset[str]
    state_keys: frozenset[str]
    leader_roles: list[str]
    place_preps: frozenset[str]
    place_verbs: frozenset[str]


@cache
def lexicon() -> Lexicon:
    gaz = load_json("actors/gazetteer.json")
    amb = load_json("actors/ambiguous.json")
    titles = load_json("actors/titles.json")
    roles = load_json("actors/roles.json")
    no_state = set(amb["no_state"])
    terms: dict[str, Term] = {}
    for iso3, st in gaz["states"].items():
        for kind, names in (
            ("capital", st["capitals"]),
            ("metonym", st["metonyms"]),
            ("demonym", st["demonyms"]),
            ("name", st["names"]),
        ):
            for n in names:
                if n.startswith("the "):
                    n = n[4:]
                terms[n] = Term(None, "ambiguous") if n in no_state else Term(iso3, kind)
                if kind == "demonym" and n[-1:] in "ni" and not n.endswith(("ese", "s")) and n + "s" not in names:
                    terms.setdefault(n + "s", Term(iso3, kind))
    for n in no_state:
        terms[n] = Term(None, "ambiguous")
    places = {**gaz["subdivisions"], **gaz["cities"]}
    return Lexicon(
        terms=terms,
        state_names={iso3: st["name"] for iso3, st in gaz["states"].items()},
        places=places,
        not_alone=frozenset(amb["not_alone"]),
        titles=frozenset(t.lower() for t in titles["titles"]),
        title_max=max(len(t.split()) for t in titles["titles"]),
        male=frozenset(t.lower() for t in titles["gender"]["male"]),
        female=frozenset(t.lower() for t in titles["gender"]["female"]),
        name_suffixes=frozenset(titles["name_suffixes"]),
        org_suffixes=frozenset(fold(s) for s in titles["org_suffixes"]),
        org_descriptors=frozenset(fold(s) for s in titles["org_descriptors"]),
        person_only=frozenset(titles["person_only"]),
        state_keys=frozenset(fold(t) for t, term in terms.items() if term.iso3 and term.kind in ("name", "demonym")),
        leader_roles=roles["leader_roles"],
        place_preps=frozenset(roles["place_prepositions"]),
        place_verbs=frozenset(roles["place_verbs"]),
    )


def fold(text: str) -> str:
    """Lowercase, accents and hyphens away: 'Kim Jong-un' and 'Kim Jong Un' fold alike."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[-‐‑_]", " ", text.lower()).replace(".", "")
    text = re.sub(r"[^\w' ]", "", text).replace("'", "")
    return " ".join(text.split())
