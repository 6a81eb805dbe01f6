"""Who speaks in an article, as keys a search filter can match: the attributions' speakers by
their full names and by their trailing words ('Ellen Tran' is found as 'Tran' too)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from newsbrief.corpus.features import name_key

PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us"}


def name_keys(name: str) -> list[str]:
    """A name's key and the keys of its trailing word runs: 'Mayor Ellen Tran' -> 'mayor ellen tran', 'ellen tran', 'tran'."""
    return list(_name_keys(name))


@lru_cache(maxsize=50_000)
def _name_keys(name: str) -> tuple[str, ...]:
    """Memoised: an article's speakers come back in each of their attributions and mentions."""
    words = name_key(name).split()
    return tuple(" ".join(words[i:]) for i in range(len(words)))


def speaker_keys(brief: dict[str, Any]) -> list[str]:
    """The keys of every speaker the brief's attributions name (directly or through their entity)."""
    entities = {e.get("id"): e for e in brief.get("entities") or [] if isinstance(e, dict)}
    names: list[str] = []
    for a in brief.get("attributions") or []:
        if not isinstance(a, dict):
            continue
        if a.get("speaker_name"):
            names.append(a["speaker_name"])
        ent = entities.get(a.get("speaker"))
        if ent is not None:
            names.append(ent.get("name") or "")
            names.extend(m.get("text") or "" for m in ent.get("mentions") or [] if (m.get("text") or "")[:1].isupper())
        elif isinstance(a.get("source"), dict) and (a["source"].get("text") or "")[:1].isupper():
            names.append(a["source"]["text"])
    keys = (k for n in names if n.strip() for k in _name_keys(n))
    return list(dict.fromkeys(k for k in keys if k and k not in PRONOUNS))
