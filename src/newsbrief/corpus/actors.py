"""Corpus-wide actors: each article's entities (already merged within the article) joined across
articles by their names: 'Putin' here and 'Vladimir Putin' there are one actor with both aliases,
its country and its mention counts. An actor's id is fixed when it is first seen."""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any

from newsbrief.corpus.features import name_key
from newsbrief.corpus.store import ActorRow, Store

# Types that may name the same actor (spaCy often calls a country GPE here and LOC there).
FAMILY = {"GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}
PRONOUNS = {"he", "him", "his", "she", "her", "hers", "they", "them", "their", "it", "its", "i", "we", "you"}


def family(etype: str) -> str:
    return FAMILY.get(etype, etype)


def actor_id(fam: str, key: str) -> str:
    return "a-" + hashlib.sha1(f"{fam}:{key}".encode()).hexdigest()[:12]


def _get(obj: Any, key: str) -> Any:
    return obj.get(key) if isinstance(obj, dict) else getattr(obj, key, None)


def _aliases(entity: Any) -> Counter[str]:
    """Name-like surface forms of an entity: its name and its capitalised mentions (no pronouns)."""
    out: Counter[str] = Counter()
    name = _get(entity, "name") or ""
    if name.strip():
        out[name.strip()] += 0
    for m in _get(entity, "mentions") or []:
        text = (_get(m, "text") or "").strip()
        if text and text[0].isupper() and text.lower() not in PRONOUNS:
            out[text] += 1
    return out


def merge_article(store: Store, article_id: str, entities: list[Any]) -> list[str]:
    """Link an article's entities to corpus actors (creating or growing them); the actor ids."""
    linked = []
    for ent in entities:
        etype = _get(ent, "type") or "MISC"
        fam = family(etype)
        aliases = _aliases(ent)
        keys = [k for k in dict.fromkeys(name_key(a) for a in aliases) if k]
        if not keys:
            continue
        mentions = max(1, len(_get(ent, "mentions") or []))
        actor = _find(store, fam, keys)
        main_key = name_key(_get(ent, "name") or "") or keys[0]
        if actor is None:
            actor = ActorRow(id=actor_id(fam, main_key), name=(_get(ent, "name") or "").strip() or keys[0], type=etype)
            existing = store.get_actors([actor.id])
            actor = existing[0] if existing else actor
        if len(main_key.split()) > len(name_key(actor.name).split()) and fam == "PERSON":
            actor.name = (_get(ent, "name") or actor.name).strip()  # 'Putin' grows into 'Vladimir Putin'
        actor.country = actor.country or _get(ent, "country")
        actor.mentions += mentions
        actor.articles += 1
        for alias, n in aliases.items():
            actor.aliases[alias] = actor.aliases.get(alias, 0) + n
        alias_keys = [f"{fam}:{k}" for k in keys]
        if fam == "PERSON":  # a later bare surname finds the full name
            alias_keys += [f"PERSON~{k.split()[-1]}" for k in keys if len(k.split()) > 1]
        store.put_actor(actor, alias_keys)
        store.link_actor(article_id, _get(ent, "id") or main_key, actor.id, mentions)
        linked.append(actor.id)
    return linked


def _find(store: Store, fam: str, keys: list[str]) -> ActorRow | None:
    exact = [f"{fam}:{k}" for k in keys]
    lookups = list(exact)
    if fam == "PERSON":
        lookups += [f"PERSON~{k}" for k in keys if len(k.split()) == 1]  # 'Putin' -> 'Vladimir Putin'
        lookups += [f"PERSON:{k.split()[-1]}" for k in keys if len(k.split()) > 1]  # 'Vladimir Putin' -> 'Putin'
    hits = store.actors_by_alias(lookups)
    ids = list(dict.fromkeys(a for k in exact for a in hits.get(k, [])))
    if not ids:
        surname = {a for k in lookups[len(exact) :] for a in hits.get(k, [])}
        if len(surname) == 1:  # only when the surname is unambiguous in the corpus
            ids = list(surname)
    if not ids:
        return None
    actors = store.get_actors(ids)
    return max(actors, key=lambda a: (a.mentions, a.id)) if actors else None


def find_actors(store: Store, name: str) -> list[ActorRow]:
    """Actors a user's name may mean: exact alias in any type, else a surname match; most mentioned first."""
    key = name_key(name)
    fams = ["PERSON", "ORG", "PLACE", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "MISC"]
    lookups = [f"{f}:{key}" for f in fams] + [f"PERSON~{key}"]
    hits = store.actors_by_alias(lookups)
    ids = list(dict.fromkeys(a for k in lookups for a in hits.get(k, [])))
    return sorted(store.get_actors(ids), key=lambda a: (-a.mentions, a.id))
