"""Events across the corpus: the same real-world event reported by several outlets is ONE event with
several sources, not one event per article (the failure that most discredits raw event counts).

An article's event (its brief's `events`) joins a corpus event when they agree on
- the parties: actor and target, by corpus actor id, except that a place-like actor (GPE/LOC/FAC) with
  a country is its state ("Pyongyang" and "North Korea" are PRK for this purpose); for a symmetric CAMEO
  root (consult, cooperate: "A met B" and "B met A") the pair is unordered;
- the action: the CAMEO root ("met" 040 and "held talks" 046 are one 04), or, for an event outside the
  CAMEO patterns, the normalised trigger lemma (its `type`);
- the date: the event's own full date (`when`), else the article's publication date, within
  `DAY_WINDOW` days of the corpus event's date (outlets date an event a day apart, or report it a day or
  two later). An event dated only by a past period ("last September", when the article is of June)
  matches events dated within that month or week, or given the same period (a year or a season
  matches only the same period: too wide to say which event it is); the first exact date a later report
  gives dates the event. An undated one (no `when`, no publication date) matches undated ones only;
- the place, when both say one: the same actor or the same state ("in Pyongyang" and "in North Korea").

Only events between two distinct corpus actors are recorded (who did what to whom: the relation
graph's edges); one-sided ones stay in their briefs. Copies are never sources: `Corpus.add_brief`
records the events of original articles only, in the article's own transaction. Several mentions of
one event in one article are one source with several spans.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Any

from newsbrief.analyzers.events import cameo_root, lexicon
from newsbrief.corpus.actors import family
from newsbrief.corpus.store import ActorRow, EventRow, EventSourceRow, Store

DAY_WINDOW = 3  # days either side within which two reports of one event may be dated
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_PERIOD = re.compile(r"^\d{4}(-(\d{2}|W\d{2}|Q\d|H\d|SP|SU|FA|WI))?$")


def _date(value: str | None) -> dt.date | None:
    if not value or not _FULL_DATE.match(value):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _in_period(day: dt.date, period: str) -> bool:
    if len(period) == 4:
        return str(day.year) == period
    if period[5] == "W":
        y, w, _ = day.isocalendar()
        return f"{y}-W{w:02d}" == period
    if period[5:].isdigit():
        return day.isoformat()[:7] == period
    return str(day.year) == period[:4]  # a season, quarter or half: its year is the best we can say


def event_date(when: str | None, published: str | None) -> tuple[str | None, str]:
    """(day, period) of a report: its own full date, else its article's date unless it names another
    period ("last September"), else undated ("-")."""
    own = _date(when)
    if own is not None:
        return own.isoformat(), ""
    pub = _date(published)
    if when and _PERIOD.match(when) and (pub is None or not _in_period(pub, when)):
        return None, when
    if pub is not None:
        return pub.isoformat(), ""
    return None, "-"


def party(actor: ActorRow) -> str:
    """An actor as outlets share it: a place-like actor by its state, anyone else by its corpus id."""
    if family(actor.type) == "PLACE" and actor.country:
        return f"c:{actor.country}"
    return actor.id


def action(cameo: str | None, etype: str) -> str:
    root = cameo_root(cameo)
    return f"c:{root}" if root else f"t:{etype.lower()}"


def signature(actor: ActorRow, target: ActorRow, cameo: str | None, etype: str) -> str:
    a, b = party(actor), party(target)
    if cameo_root(cameo) in lexicon().symmetric:
        a, b = sorted((a, b))
    return f"{a}|{b}|{action(cameo, etype)}"


def _same_place(a: str | None, b: str | None, actors: dict[str, ActorRow]) -> bool:
    if a is None or b is None or a == b:
        return True
    ra, rb = actors.get(a), actors.get(b)
    return ra is not None and rb is not None and ra.country is not None and ra.country == rb.country


def _gap(a: str | None, b: str | None) -> int:
    """Days between two event days (0 when either is unknown: undated events only meet undated ones)."""
    da, db = _date(a), _date(b)
    return abs((da - db).days) if da is not None and db is not None else 0


def _shift(day: str, days: int) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()


def _window(day: str | None, period: str) -> tuple[str | None, str | None, list[str]]:
    """(first day, last day, periods) a report of this date may join: its days +- DAY_WINDOW and the month
    and week containing it; a month's or week's days +- DAY_WINDOW (an event dated by its report's
    publication may be a day or two later than it happened); else only its own period."""
    if day is not None:
        y, w, _ = dt.date.fromisoformat(day).isocalendar()
        return _shift(day, -DAY_WINDOW), _shift(day, DAY_WINDOW), [day[:7], f"{y}-W{w:02d}"]
    if re.match(r"^\d{4}-\d{2}$", period):
        first = dt.date.fromisoformat(period + "-01")
        last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        return _shift(first.isoformat(), -DAY_WINDOW), _shift(last.isoformat(), DAY_WINDOW), [period]
    if re.match(r"^\d{4}-W\d{2}$", period):
        monday = dt.date.fromisocalendar(int(period[:4]), int(period[6:]), 1)
        return _shift(monday.isoformat(), -DAY_WINDOW), _shift(monday.isoformat(), 6 + DAY_WINDOW), [period]
    return None, None, [period]


def record_events(store: Store, article_id: str, seq: int, brief: dict[str, Any]) -> list[str]:
    """Join an original article's events to the corpus events (creating those not seen before); their ids.
    Call inside the article's transaction, after its entities are linked to corpus actors."""
    events = brief.get("events") or []
    if not events:
        return []
    links = store.entity_actors(article_id)
    wanted = {links[i] for e in events for i in (e.get("actor"), e.get("target"), e.get("place")) if i in links}
    actors = {a.id: a for a in store.get_actors(sorted(wanted))}
    touched: dict[str, EventRow] = {}
    sources: list[EventSourceRow] = []
    for ordinal, ev in enumerate(events):
        actor, target = actors.get(links.get(ev.get("actor") or "", "")), actors.get(links.get(ev.get("target") or "", ""))
        if actor is None or target is None or party(actor) == party(target):
            continue  # "Moscow" acting on "Russia" is no relation
        place = links.get(ev.get("place") or "")
        place = place if place in actors else None
        cameo, etype = ev.get("cameo"), ev.get("type") or ev["trigger"]["text"]
        sig = signature(actor, target, cameo, etype)
        day, period = event_date(ev.get("when"), brief.get("published"))
        lo, hi, periods = _window(day, period)
        found = store.event_candidates(sig, lo, hi, periods)
        unknown = sorted({c.place_id for c in found if c.place_id and c.place_id not in actors})
        if unknown:
            actors.update((a.id, a) for a in store.get_actors(unknown))
        found = [c for c in found if _same_place(c.place_id, place, actors)]
        if found:
            near = min(found, key=lambda c: (c.day is None and day is not None, _gap(c.day, day), c.first_seq))
            row = touched.get(near.id, near)
        else:
            key = f"{sig}|{day or period}|{article_id}|{ordinal}"
            row = EventRow(
                id="ev-" + hashlib.sha1(key.encode()).hexdigest()[:14], sig=sig, actor_id=actor.id, target_id=target.id,
                type=etype, cameo=cameo, place_id=place, day=day, period=period,
                modality=ev.get("modality") or "asserted", n_sources=0, first_seq=seq,
                actor_party=party(actor), target_party=party(target),
            )  # fmt: skip
        if row.id not in touched:
            row.n_sources += 1  # this article is one more source, however often it mentions the event
        if row.place_id is None and place is not None:
            row.place_id = place
        if row.day is None and day is not None:  # a report that gives the day dates the event
            row.day, row.period = day, ""
        if ev.get("modality", "asserted") == "asserted":
            row.modality = "asserted"
        touched[row.id] = row
        store.put_event(row)  # now, so that a later mention in this article finds it
        trig = ev["trigger"]
        span = (ev["start"], ev["end"], trig["start"], trig["end"])
        sources.append(EventSourceRow(row.id, article_id, ordinal, *span, ev.get("modality") or "asserted", ev.get("when")))
    store.add_event_sources(sources)
    return list(touched)
