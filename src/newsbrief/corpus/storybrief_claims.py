"""Key points and claims for the story brief: the same point told by several articles merged into
one, claims grouped with the independent articles that support them and the first that said them;
kept apart from storybrief.py, which only assembles the sections."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import numpy as np

from newsbrief.corpus.storybrief_contradictions import _figures_clash
from newsbrief.corpus.storybrief_units import MAX_KEY_POINTS, SAME, SAME_POINT, Unit

# --- the story brief --------------------------------------------------------------------------


def _span(
    u: Unit | Any, article: str | None = None, start: int | None = None, end: int | None = None, text: str | None = None
) -> dict[str, Any]:
    return {
        "article": article if article is not None else u.article,
        "start": start if start is not None else u.start,
        "end": end if end is not None else u.end,
        "text": text if text is not None else u.text,
    }


def _earliest(ids: set[str], pos: dict[str, int], published: dict[str, str | None]) -> str:
    """The earliest article: by publication date when all are dated, else by arrival."""
    if all(published.get(i) for i in ids):
        return min(ids, key=lambda i: (published[i], pos[i]))
    return min(ids, key=lambda i: pos[i])


def _inside(v: dict[str, Any], c: dict[str, Any]) -> bool:
    return v["article"] == c["article"] and c["start"] <= v["start"] and v["end"] <= c["end"]


def _key_points(units: list[Unit], sim: np.ndarray, support: Any) -> list[dict[str, Any]]:
    """Each article's key points, the same point told twice kept once (the first teller cites it)."""
    idx = [i for i, u in enumerate(units) if u.kind == "key_point"]
    rank: dict[int, int] = {}
    seen: dict[str, int] = defaultdict(int)
    for i in idx:
        rank[i] = seen[units[i].article]
        seen[units[i].article] += 1
    kept: list[int] = []
    merged: dict[int, set[str]] = {}
    for i in sorted(idx, key=lambda i: (rank[i], units[i].order)):
        twin = next((k for k in kept if sim[i, k] >= SAME_POINT and not _figures_clash(units[i], units[k])), None)
        if twin is not None:
            merged[twin].add(units[i].article)
            continue
        kept.append(i)
        merged[i] = support(i)
    kept.sort(key=lambda k: (-len(merged[k]), rank[k], units[k].order))
    order = {u.article: u.order for u in units}
    return [_span(units[k]) | {"support": _ordered(merged[k], order)} for k in kept[:MAX_KEY_POINTS]]


def _ordered(ids: set[str], order: dict[str, int]) -> list[str]:
    """Article ids in the story's order."""
    return sorted(ids, key=lambda a: order.get(a, 0))


def _claims(
    units: list[Unit], sim: np.ndarray, support: Any, pos: dict[str, int], published: dict[str, str | None]
) -> list[dict[str, Any]]:
    """Asserted statements and attributed contents, grouped when they say the same across articles."""
    idx = [i for i, u in enumerate(units) if u.kind in ("statement", "attribution") and u.modality == "asserted"]
    groups: dict[int, list[int]] = {}  # representative -> members, at most one per article
    is_rep = np.zeros(len(units), dtype=bool)
    for i in sorted(idx, key=lambda i: (units[i].order, units[i].start)):
        best, best_sim = None, SAME
        for rep in np.nonzero(is_rep & (sim[i] >= SAME))[0]:
            members = groups[int(rep)]
            if (
                sim[i, rep] >= best_sim
                and all(units[m].article != units[i].article for m in members)
                and not _figures_clash(units[i], units[rep])
            ):
                best, best_sim = int(rep), sim[i, rep]
        if best is None:
            is_rep[i] = True
            groups[i] = [i]
        else:
            groups[best].append(i)
    out = []
    order = {u.article: u.order for u in units}
    for members in groups.values():
        first = _earliest({units[i].article for i in members}, pos, published)
        rep = min((i for i in members if units[i].article == first), key=lambda i: units[i].start)
        sup = support(rep) | {units[i].article for i in members}
        u = units[rep]
        holder = u.holder or next((units[i].holder for i in members if units[i].holder), None)
        out.append(_span(u) | {"holder": holder, "support": _ordered(sup, order), "first": _earliest(sup, pos, published)})
    out.sort(key=lambda c: (-len(c["support"]), pos[c["article"]], c["start"]))
    return out
