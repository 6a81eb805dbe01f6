"""A standalone HTML page of one brief: the article with every span highlighted by kind, and the
brief beside it, each item linking to its span. No script, no file fetched from outside."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from jinja2 import Environment, PackageLoader, select_autoescape

from newsbrief.model import Brief, Span
from newsbrief.timeline import build_timeline


@dataclass
class Item:
    """One brief item shown in the side panel, pointing to its anchor in the text."""

    kind: str
    label: str
    span: Span
    anchor: str = ""
    detail: str = ""


@dataclass
class Segment:
    text: str
    kinds: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)
    title: str = ""


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(loader=PackageLoader("newsbrief.render", "templates"), autoescape=select_autoescape(["html"]))


def _items(brief: Brief) -> list[Item]:
    names = {e.id: e.name for e in brief.entities}
    items = [Item("point", p.text, p, detail=f"score {p.score:.2f}") for p in brief.key_points]
    for e in brief.entities:
        items += [Item("entity", e.name, m, detail=f"{e.type} {e.country or ''}") for m in e.mentions]
    for a in brief.attributions:
        who = a.speaker_name or (a.source.text if a.source else "unattributed")
        items.append(Item("quote", a.content.text, a.content, detail=f"{who} ({a.kind})"))
    items += [Item("timex", t.text, t, detail=f"{t.type} {t.value or '?'}") for t in brief.timexes]
    items += [
        Item(f"stmt-{s.modality}", s.text, s, detail=s.modality + (f" ({names.get(s.holder, s.holder)})" if s.holder else ""))
        for s in brief.statements
    ]
    items += [Item("event", e.text, e, detail=f"{e.type} {e.cameo or ''} {e.when or ''}") for e in brief.events]
    for c in brief.checks:
        items += [Item("check", s.text, s, detail=f"{c.kind}: {c.message}") for s in c.spans]
    items += [Item("timeline", t.span.text, t.span, detail=t.when) for t in build_timeline(brief)]
    for th in brief.themes:
        items += [Item("theme", s.text, s, detail=th.theme) for s in th.spans]
    for i, item in enumerate(items):
        item.anchor = f"s{i}"
    return items


def _segments(text: str, items: list[Item]) -> list[Segment]:
    """Cut the text at every span boundary so overlapping spans highlight without nesting tags."""
    cuts = sorted({0, len(text), *(i.span.start for i in items), *(i.span.end for i in items)})
    starts: dict[int, list[Item]] = {}
    for it in items:
        starts.setdefault(it.span.start, []).append(it)
    segs = []
    for a, b in pairwise(cuts):
        covering = [it for it in items if it.span.start <= a and b <= it.span.end and it.span.start < it.span.end]
        kinds = sorted({it.kind for it in covering})
        title = "; ".join(sorted({it.detail for it in covering if it.kind in ("timex", "quote") and it.detail}))
        segs.append(Segment(text[a:b], kinds, [it.anchor for it in starts.get(a, [])], title))
    return segs


def brief_html(brief: Brief) -> str:
    items = _items(brief)
    return _env().get_template("brief.html").render(brief=brief, items=items, segments=_segments(brief.text, items))
