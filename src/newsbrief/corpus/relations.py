"""The relation graph around one actor: its partners, and per ISO week the events between them counted
by CAMEO quad class (verbal/material cooperation/conflict) with their Goldstein-scale weight.

Actors are taken as events match them (corpus/events.py): a place-like actor is its state, so the
relations of "North Korea" include what was done in or to "Pyongyang", and the two are one partner.
Each corpus event counts once however many outlets reported it, and only when
some source asserts it: an event the articles only say may, could or is expected to happen, or deny,
is listed with its modality but not counted. Quad classes and Goldstein weights come from
resources/events/cameo.json; an event outside CAMEO's vocabulary counts as `uncoded`, without weight.
Every event lists its sources: the original articles and, in each, the spans that report it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from newsbrief.analyzers.events import cameo_root, cameo_table, event_week, goldstein, quad_class
from newsbrief.corpus.actors import find_actors
from newsbrief.corpus.events import party
from newsbrief.corpus.store import ActorRow, ArticleRow, EventRow, Store
from newsbrief.errors import NoInputError, UsageError

RELATIONS_SCHEMA = "newsbrief-relations/1"


def quad_names() -> dict[int, str]:
    """1 -> "verbal_cooperation", ... from the data file."""
    return {int(k): v.replace(" ", "_") for k, v in cameo_table()["quad_classes"].items()}


def _counts() -> dict[str, Any]:
    out: dict[str, Any] = {"events": 0}
    out.update((name, 0) for name in quad_names().values())
    out.update(uncoded=0, goldstein_sum=0.0, goldstein_mean=None, not_asserted=0)
    return out


def _add(counts: dict[str, Any], ev: EventRow) -> None:
    if ev.modality != "asserted":
        counts["not_asserted"] += 1
        return
    counts["events"] += 1
    quad = quad_class(ev.cameo)
    if quad is None:
        counts["uncoded"] += 1
        return
    counts[quad_names()[quad]] += 1
    counts["goldstein_sum"] = round(counts["goldstein_sum"] + (goldstein(ev.cameo) or 0.0), 3)
    coded = counts["events"] - counts["uncoded"]
    counts["goldstein_mean"] = round(counts["goldstein_sum"] / coded, 3)


def _actor(a: ActorRow | None, actor_id: str | None) -> dict[str, Any] | None:
    if actor_id is None:
        return None
    if a is None:
        return {"id": actor_id, "name": None, "type": None, "country": None}
    return {"id": a.id, "name": a.name, "type": a.type, "country": a.country}


def relations(
    store: Store, actor_id: str, *, since: str | None = None, until: str | None = None, limit: int | None = None
) -> dict[str, Any]:
    """The actor, its partners (most events first) with totals and per-week rows, and its events (newest
    first, at most `limit`) with their sources. `since`/`until` (YYYY-MM-DD, inclusive) keep dated events
    only."""
    since, until = _day(since, "since"), _day(until, "until")
    found = store.get_actors([actor_id])
    if not found:
        raise NoInputError(f"no actor {actor_id!r} in {store.url}")
    me = found[0]
    mine = party(me)
    rows = store.party_events(mine, since, until)
    ids = {i for r in rows for i in (r.actor_id, r.target_id, r.place_id) if i}
    actors = {a.id: a for a in store.get_actors(sorted(ids))}
    actors[me.id] = me

    partners: dict[str, dict[str, Any]] = {}  # by party: "Pyongyang" and "North Korea" are one partner
    for r in rows:
        out = r.actor_party == mine
        pid = r.target_id if out else r.actor_id  # the partner as its first report named it
        key = r.target_party if out else r.actor_party
        p = partners.setdefault(key, {**(_actor(actors.get(pid), pid) or {}), "totals": _counts(), "weeks": {}})
        # a row per ISO week; an event dated only by a past period ("2023-09") gets that period's row,
        # an undated one the row without either
        bucket = (event_week(r.day), None if r.day else (r.period if r.period not in {"", "-"} else None))
        _add(p["totals"], r)
        _add(p["weeks"].setdefault(bucket, _counts()), r)
    partner_list = []
    for p in sorted(partners.values(), key=lambda p: (-p["totals"]["events"], -p["totals"]["not_asserted"], p["id"])):
        weeks = sorted(p["weeks"].items(), key=lambda kv: (kv[0][0] is None and kv[0][1] is None, kv[0][0] or kv[0][1] or ""))
        p["weeks"] = [{"week": w, "period": period, **c} for (w, period), c in weeks]
        partner_list.append(p)

    newest = sorted(rows, key=lambda r: (r.day is not None, r.day or "", r.first_seq), reverse=True)
    shown = newest if limit is None else newest[:limit]
    return {
        "schema": RELATIONS_SCHEMA,
        "actor": _actor(me, me.id),
        "since": since,
        "until": until,
        "totals": _total(rows),
        "partners": partner_list,
        "n_events": len(rows),
        "events": _events(store, mine, shown, actors),
    }


def _day(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        raise UsageError(f"{name}: {value!r} is not a YYYY-MM-DD date") from None


def _total(rows: list[EventRow]) -> dict[str, Any]:
    counts = _counts()
    for r in rows:
        _add(counts, r)
    return counts


def _events(store: Store, mine: str, rows: list[EventRow], actors: dict[str, ActorRow]) -> list[dict[str, Any]]:
    sources = store.event_sources([r.id for r in rows])
    arts: dict[str, ArticleRow | None] = {}
    by_event: dict[str, dict[str, dict[str, Any]]] = {}
    for s in sources:
        if s.article_id not in arts:
            arts[s.article_id] = store.get_article(s.article_id)
        art = arts[s.article_id]
        text = art.text if art else ""
        src = by_event.setdefault(s.event_id, {}).setdefault(
            s.article_id,
            {
                "article": s.article_id,
                "source": art.source if art else None,
                "published": art.published if art else None,
                "title": art.title if art else None,
                "spans": [],
            },
        )
        src["spans"].append(
            {
                "start": s.start,
                "end": s.end,
                "text": text[s.start : s.end],
                "trigger": {"start": s.trigger_start, "end": s.trigger_end, "text": text[s.trigger_start : s.trigger_end]},
                "modality": s.modality,
                "when": s.when,
            }
        )
    names = quad_names()
    out = []
    for r in rows:
        quad = quad_class(r.cameo)
        out.append(
            {
                "id": r.id,
                "direction": "out" if r.actor_party == mine else "in",
                "actor": _actor(actors.get(r.actor_id), r.actor_id),
                "target": _actor(actors.get(r.target_id), r.target_id),
                "place": _actor(actors.get(r.place_id or ""), r.place_id),
                "type": r.type,
                "cameo": r.cameo,
                "root": cameo_root(r.cameo),
                "quad_class": names[quad] if quad else None,
                "goldstein": goldstein(r.cameo),
                "day": r.day,
                "period": r.period or None,
                "week": event_week(r.day),
                "modality": r.modality,
                "counted": r.modality == "asserted",
                "n_sources": r.n_sources,
                "sources": list(by_event.get(r.id, {}).values()),
            }
        )
    return out


def resolve_actor(store: Store, name_or_id: str) -> list[ActorRow]:
    """An actor id, else every actor a name or alias may mean (most mentioned first)."""
    by_id = store.get_actors([name_or_id])
    return by_id or find_actors(store, name_or_id)


def relations_text(view: dict[str, Any]) -> str:
    """A terminal view: the actor, each partner with its totals and weeks, then the events and their sources."""
    short = {
        "verbal_cooperation": "vcoop",
        "material_cooperation": "mcoop",
        "verbal_conflict": "vconf",
        "material_conflict": "mconf",
    }

    def counts(c: dict[str, Any]) -> str:
        parts = [f"{c['events']} event{'' if c['events'] == 1 else 's'}"] + [f"{s} {c[k]}" for k, s in short.items() if c.get(k)]
        if c.get("uncoded"):
            parts.append(f"uncoded {c['uncoded']}")
        if c.get("goldstein_mean") is not None:
            parts.append(f"Goldstein {c['goldstein_sum']:+.1f} (mean {c['goldstein_mean']:+.2f})")
        if c.get("not_asserted"):
            parts.append(f"+{c['not_asserted']} not asserted")
        return ", ".join(parts)

    def name(a: dict[str, Any] | None) -> str:
        return (a.get("name") or a["id"]) if a else "?"

    a = view["actor"]
    country = f", {a['country']}" if a.get("country") else ""
    lines = [f"{a['name']} ({a['type']}{country}) {a['id']}: {counts(view['totals'])} with {len(view['partners'])} partners"]
    for p in view["partners"]:
        lines.append(f"  {name(p)} {p['id']}: {counts(p['totals'])}")
        for w in p["weeks"]:
            lines.append(f"    {w['week'] or w['period'] or 'undated'}: {counts(w)}")
    if view["events"]:
        lines.append(f"events ({len(view['events'])} of {view['n_events']}, newest first):")
    for e in view["events"]:
        where = f" in {name(e['place'])}" if e["place"] else ""
        mod = "" if e["counted"] else f" [{e['modality']}]"
        when = e["day"] or e["period"] or "undated"
        lines.append(
            f"  {when}  {name(e['actor'])} -> {name(e['target'])}: {e['type']} ({e['cameo'] or 'uncoded'}){where}{mod}, "
            f"{e['n_sources']} source(s)"
        )
        for s in e["sources"]:
            first = s["spans"][0]
            lines.append(f"    {s['article']} {s['source'] or ''}: {first['text'][:100]!r}")
    return "\n".join(lines) + "\n"
