"""`event_key`: the identity an event keeps across articles (for the corpus's dedup): who, the CAMEO
root, whom, and the date or week, with names outlets share (a state's ISO code) rather than a
brief's local entity ids.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from newsbrief.analyzers.events_lexicon import cameo_root
from newsbrief.model import Entity, Event


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
