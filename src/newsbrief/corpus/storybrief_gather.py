"""The timeline, actors and quotes of the story brief, gathered across its articles (the same item,
actor or quote told by several articles kept once, with its support); kept apart from
storybrief.py, which only assembles the sections."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from newsbrief.corpus.features import words
from newsbrief.corpus.storybrief_units import SAME, name_key

# --- timeline, actors, quotes -------------------------------------------------------------------


def _timeline(independent: list[dict[str, Any]], briefs: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The articles' dated items in order; the same item told by several articles is one, with its support."""
    from newsbrief.model import Brief
    from newsbrief.timeline import build_timeline

    items: list[dict[str, Any]] = []
    by_when: dict[str, list[dict[str, Any]]] = defaultdict(list)  # the items of each time, in order: twins are among them
    for a in independent:
        try:
            tl = build_timeline(Brief.model_validate(briefs[a["id"]]))
        except Exception:  # a brief the model refuses gives no timeline, not a failed story
            continue
        for it in tl:
            feats = set(words(it.span.text))
            twin = next((x for x in by_when[it.when] if _dice(x["_f"], feats) >= SAME), None)
            if twin is not None:
                if a["id"] not in twin["support"]:
                    twin["support"].append(a["id"])
                continue
            items.append(
                {
                    "when": it.when,
                    "date": it.start.isoformat(),
                    "kind": it.kind,
                    "article": a["id"],
                    "start": it.span.start,
                    "end": it.span.end,
                    "text": it.span.text,
                    "support": [a["id"]],
                    "_f": feats,
                    "_k": (it.start, it.end),
                }
            )
            by_when[it.when].append(items[-1])
    items.sort(key=lambda x: x["_k"])
    for x in items:
        del x["_f"], x["_k"]
    return items


def _dice(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / max(1, len(a) + len(b))


def _actor_keys(independent: list[dict[str, Any]], briefs: dict[str, dict[str, Any]]) -> dict[tuple[str, str], str]:
    """(article, entity id) -> a story-wide key: the name, a lone surname joined to the one full name it ends."""
    keys: dict[tuple[str, str], str] = {}
    full: dict[str, set[str]] = defaultdict(set)
    for a in independent:
        for e in briefs[a["id"]].get("entities", []):
            k = name_key(e.get("name") or "")
            keys[(a["id"], e["id"])] = k
            if e.get("type") == "PERSON" and len(k.split()) > 1:
                full[k.split()[-1]].add(k)
    for ref, k in keys.items():
        if len(k.split()) == 1 and len(full.get(k, ())) == 1:
            keys[ref] = next(iter(full[k]))
    return keys


def _actors(independent: list[dict[str, Any]], briefs: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    keys = _actor_keys(independent, briefs)
    merged: dict[str, dict[str, Any]] = {}
    for a in independent:
        for e in briefs[a["id"]].get("entities", []):
            k = keys.get((a["id"], e["id"]))
            if not k:
                continue
            x = merged.setdefault(
                k,
                {
                    "name": e["name"],
                    "type": e.get("type"),
                    "country": e.get("country"),
                    "mentions": 0,
                    "articles": [],
                    "aliases": {},
                },
            )
            if len(e["name"]) > len(x["name"]):
                x["name"] = e["name"]
            x["country"] = x["country"] or e.get("country")
            x["mentions"] += len(e.get("mentions", []))
            if a["id"] not in x["articles"]:
                x["articles"].append(a["id"])
            for m in e.get("mentions", []):
                x["aliases"][m["text"]] = x["aliases"].get(m["text"], 0) + 1
    out = sorted(merged.values(), key=lambda x: (-len(x["articles"]), -x["mentions"], x["name"]))
    return out


def _quotes(independent: list[dict[str, Any]], briefs: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Direct and mixed quotes grouped by speaker (merged by name across articles), with the roles given."""
    keys = _actor_keys(independent, briefs)
    groups: dict[str, dict[str, Any]] = {}
    for a in independent:
        brief = briefs[a["id"]]
        names = {e["id"]: e["name"] for e in brief.get("entities", [])}
        for att in brief.get("attributions", []):
            if att.get("kind") not in ("direct", "mixed") or not isinstance(att.get("content"), dict):
                continue
            sid = att.get("speaker")
            who = names.get(sid or "") or att.get("speaker_name") or "unknown"
            key = keys.get((a["id"], sid or ""), name_key(who) or who.lower())
            g = groups.setdefault(key, {"speaker": who, "roles": [], "quotes": [], "_f": []})
            if len(who) > len(g["speaker"]) and sid:
                g["speaker"] = who
            role = att.get("role")
            if (
                isinstance(role, dict)
                and _is_role(role["text"])
                and role["text"].lower() not in {r["text"].lower() for r in g["roles"]}
            ):
                g["roles"].append({"article": a["id"], "start": role["start"], "end": role["end"], "text": role["text"]})
            c = att["content"]
            feats = set(words(c["text"]))
            twin = next((q for q, f in zip(g["quotes"], g["_f"], strict=True) if _dice(f, feats) >= 0.6), None)
            if twin is not None:
                if a["id"] not in twin["support"]:
                    twin["support"].append(a["id"])
                continue
            g["quotes"].append(
                {"article": a["id"], "start": c["start"], "end": c["end"], "text": c["text"], "support": [a["id"]]}
            )
            g["_f"].append(feats)
    out = []
    for g in groups.values():
        del g["_f"]
        out.append(g)
    out.sort(key=lambda g: (g["speaker"] == "unknown", -len(g["quotes"])))
    return out


def _is_role(text: str) -> bool:
    """A description worth showing: 'a professor at Korea University', 'spokesman'; not a stray 'Mr'."""
    ws = text.split()
    return len(ws) >= 2 or (len(ws) == 1 and ws[0].islower() and len(ws[0]) > 3)
