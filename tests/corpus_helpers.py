"""Briefs made by hand for the corpus tests (no analysis: the corpus reads briefs only)."""

from __future__ import annotations

from typing import Any

from newsbrief.model import Brief, Entity, Span


def brief(id: str, text: str, published: str | None = None, names: list[tuple[str, str]] = (), **meta: Any) -> dict[str, Any]:
    """A brief whose entities are the given (name, type) pairs, each with its mentions found in the text."""
    entities = []
    for k, (name, etype) in enumerate(names):
        mentions, start = [], text.find(name)
        while start >= 0:
            mentions.append(Span.of(text, start, start + len(name)))
            start = text.find(name, start + 1)
        entities.append(Entity(id=f"e{k}", name=name, type=etype, mentions=mentions))
    return Brief(id=id, text=text, published=published, language="en", entities=entities, **meta).to_dict()


BRIDGE = (
    "The council of Brookfield voted on Monday to close the old river bridge after engineers found deep cracks "
    "in two of its stone pillars. Mayor Ellen Tran said the repairs would take at least a year and cost the town "
    "about four million dollars. Commuters will have to use the northern ring road while the bridge is shut."
)
BRIDGE_REWRITE = (
    "The council of Brookfield voted on Monday to close the old river bridge after engineers found deep cracks "
    "in two of its stone pillars. Mayor Ellen Tran said the repairs would take at least a year and cost the town "
    "about 4 million dollars. Commuters will need to use the northern ring road while the bridge is closed."
)
BRIDGE_OTHER_OUTLET = (
    "Brookfield's old river bridge is closed. Engineers discovered cracks in the stone pillars of the bridge, "
    "and the council voted to shut it on Monday. Mayor Ellen Tran expects the bridge repairs to last a year; "
    "the bill for the town could reach four million dollars, she said."
)
TRAIN = (
    "A freight train derailed near Lakeview early on Sunday, spilling grain across both tracks of the main line. "
    "Nobody was hurt, the rail company said, but passenger services between Lakeview and Dunmore were cancelled."
)
TRAIN_2 = (
    "Passenger trains between Lakeview and Dunmore were cancelled on Sunday after a freight train derailed and "
    "spilled its grain over the tracks. The rail company said nobody was hurt in the derailment."
)
