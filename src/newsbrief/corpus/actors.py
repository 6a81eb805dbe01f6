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
    plans = []
    lookups: list[str] = []
    for ent in entities:
        etype = _get(ent, "type") or "MISC"
        fam = family(etype)
        aliases = _aliases(ent)
        keys = [k for k in dict.fromkeys(name_key(a) for a in aliases) if k]
        if keys:
            plans.append((ent, etype, fam, aliases, keys))
            lookups += _lookups(fam, keys)
    hits = store.actors_by_alias(list(dict.fromkeys(lookups))) if lookups else {}
    main_keys = [name_key(_get(ent, "name") or "") or keys[0] for ent, _, _, _, keys in plans]
    # one read for the actors found by alias and those an entity would create if no alias finds one
    new_ids = [actor_id(fam, k) for (_, _, fam, _, _), k in zip(plans, main_keys, strict=True)]
    found = {a.id: a for a in store.get_actors(list(dict.fromkeys([*(a for ids in hits.values() for a in ids), *new_ids])))}
    known = {i: found[i] for ids in hits.values() for i in ids if i in found}
    linked: list[str] = []
    puts: list[tuple[ActorRow, list[str]]] = []
    links: list[tuple[str, str, str, int]] = []
    for (ent, etype, fam, aliases, keys), main_key, new_id in zip(plans, main_keys, new_ids, strict=True):
        mentions = max(1, len(_get(ent, "mentions") or []))
        actor = _choose(fam, keys, hits, known)
        if actor is None:
            actor = known.get(new_id) or found.get(new_id)
            actor = actor or ActorRow(id=new_id, name=(_get(ent, "name") or "").strip() or keys[0], type=etype)
        if fam == "PERSON" and len(main_key.split()) > len(name_key(actor.name).split()):
            actor.name = (_get(ent, "name") or actor.name).strip()  # 'Putin' grows into 'Vladimir Putin'
        actor.country = actor.country or _get(ent, "country")
        actor.mentions += mentions
        actor.articles += actor.id not in linked
        for alias, n in aliases.items():
            actor.aliases[alias] = actor.aliases.get(alias, 0) + n
        alias_keys = [f"{fam}:{k}" for k in keys]
        if fam == "PERSON":  # a later bare surname finds the full name
            alias_keys += [f"PERSON~{k.split()[-1]}" for k in keys if len(k.split()) > 1]
        for k in alias_keys:  # later entities of this article see it too
            hits.setdefault(k, []).append(actor.id)
        known[actor.id] = actor
        puts.append((actor, alias_keys))
        links.append((article_id, _get(ent, "id") or main_key, actor.id, mentions))
        linked.append(actor.id)
    # written once all are merged (nothing above reads them back from the store): a few statements per article
    store.put_actors(puts)
    store.link_actors(links)
    return linked


def _lookups(fam: str, keys: list[str]) -> list[str]:
    out = [f"{fam}:{k}" for k in keys]
    if fam == "PERSON":
        out += [f"PERSON~{k}" for k in keys if len(k.split()) == 1]  # 'Putin' -> 'Vladimir Putin'
        out += [f"PERSON:{k.split()[-1]}" for k in keys if len(k.split()) > 1]  # 'Vladimir Putin' -> 'Putin'
    return out


def _choose(fam: str, keys: list[str], hits: dict[str, list[str]], known: dict[str, ActorRow]) -> ActorRow | None:
    """The actor an entity's names point to: an exact alias, else an unambiguous surname."""
    exact = [f"{fam}:{k}" for k in keys]
    ids = list(dict.fromkeys(a for k in exact for a in hits.get(k, []) if a in known))
    if not ids:
        surname = {a for k in _lookups(fam, keys)[len(exact) :] for a in hits.get(k, []) if a in known}
        if len(surname) == 1:  # only when the surname is unambiguous in the corpus
            ids = list(surname)
    return max((known[i] for i in ids), key=lambda a: (a.mentions, a.id)) if ids else None


def find_actors(store: Store, name: str) -> list[ActorRow]:
    """Actors a user's name may mean: exact alias in any type, else a surname match; most mentioned first."""
    key = name_key(name)
    fams = ["PERSON", "ORG", "PLACE", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "MISC"]
    lookups = [f"{f}:{key}" for f in fams] + [f"PERSON~{key}"]
    hits = store.actors_by_alias(lookups)
    ids = list(dict.fromkeys(a for k in lookups for a in hits.get(k, [])))
    return sorted(store.get_actors(ids), key=lambda a: (-a.mentions, a.id))
