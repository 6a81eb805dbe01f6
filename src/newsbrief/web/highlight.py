"""The article text with every span of its brief wrapped in `<mark>` (web-contract.md).

Spans nest and overlap (a quote inside a statement inside a key point, a date inside the quote).
HTML elements only nest, so a span that crosses the end of an enclosing one is cut into pieces:
every piece carries the span's `data-start`/`data-end` and `data-ref`, the first piece its `id`.
The HTML is built here rather than in a template: a long article has thousands of pieces, and
every piece of text and every attribute value goes through `markupsafe.escape`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

# Outer first when two spans cover the same range: a sentence-long statement holds its key point,
# events and quotes, and names and dates sit innermost.
KIND_ORDER = {"statement": 0, "point": 1, "event": 2, "quote": 3, "timex": 4, "entity": 5}
SPEAKER_COLOURS = 8  # quote colours in the stylesheet: speaker-0 .. speaker-7


@dataclass
class Mark:
    """One span of the brief to highlight: its anchor id, classes and hover title."""

    kind: str
    n: int
    start: int
    end: int
    classes: list[str] = field(default_factory=list)
    title: str | None = None
    attrs: dict[str, str] = field(default_factory=dict)

    @property
    def anchor(self) -> str:
        return f"span-{self.kind}-{self.n}"

    def open_tag(self, first: bool) -> str:
        parts = [f'<mark class="{escape(" ".join(["span", f"span-{self.kind}", *self.classes]))}"']
        if first:
            parts.append(f' id="{self.anchor}"')
        else:
            parts.append(' data-piece="more"')
        parts.append(f' data-ref="{self.anchor}" data-start="{self.start}" data-end="{self.end}"')
        for k, v in self.attrs.items():
            parts.append(f' {k}="{escape(v)}"')
        if self.title:
            parts.append(f' title="{escape(self.title)}"')
        parts.append(">")
        return "".join(parts)


def _ok(text: str, span: Any) -> bool:
    """A span that is grounded in this text (a stale or malformed one is left out, never shown off by one)."""
    if not isinstance(span, dict):
        return False
    s, e = span.get("start"), span.get("end")
    return isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text) and text[s:e] == span.get("text")


def speaker_classes(brief: dict[str, Any]) -> dict[str, int]:
    """Speaker key (entity id, else the speaker's name) -> colour number, in order of first quote."""
    out: dict[str, int] = {}
    for a in brief.get("attributions") or []:
        key = a.get("speaker") or a.get("speaker_name") or ""
        if key not in out:
            out[key] = len(out) % SPEAKER_COLOURS
    return out


def marks(brief: dict[str, Any]) -> list[Mark]:
    """Every highlightable span of a brief, numbered per kind in the brief's own order."""
    text = brief.get("text") or ""
    names = {e.get("id"): e.get("name") for e in brief.get("entities") or []}
    out: list[Mark] = []
    for i, p in enumerate(brief.get("key_points") or []):
        if _ok(text, p):
            out.append(Mark("point", i, p["start"], p["end"], title=f"key point {i + 1}"))
    colours = speaker_classes(brief)
    for i, a in enumerate(brief.get("attributions") or []):
        c = a.get("content")
        if _ok(text, c):
            who = a.get("speaker_name") or (a.get("source") or {}).get("text") or "unattributed"
            key = a.get("speaker") or a.get("speaker_name") or ""
            out.append(
                Mark(
                    "quote", i, c["start"], c["end"], [f"speaker-{colours.get(key, 0)}", f"quote-{a.get('kind') or 'direct'}"],
                    title=f"{who} ({a.get('kind') or 'quote'})", attrs={"data-speaker": a.get("speaker") or ""},
                )
            )  # fmt: skip
    for i, t in enumerate(brief.get("timexes") or []):
        if _ok(text, t):
            out.append(
                Mark(
                    "timex",
                    i,
                    t["start"],
                    t["end"],
                    [f"timex-{(t.get('type') or 'date').lower()}"],
                    t.get("value") or "unresolved",
                )
            )
    for i, s in enumerate(brief.get("statements") or []):
        if _ok(text, s):
            modality = s.get("modality") or "asserted"
            holder = names.get(s.get("holder")) if s.get("holder") else None
            out.append(
                Mark(
                    "statement", i, s["start"], s["end"], [f"modality-{modality}"], modality + (f" ({holder})" if holder else "")
                )
            )
    for i, ev in enumerate(brief.get("events") or []):
        if _ok(text, ev):
            label = " ".join(str(x) for x in (ev.get("type"), ev.get("cameo"), ev.get("when")) if x)
            out.append(
                Mark("event", i, ev["start"], ev["end"], [f"modality-{ev.get('modality') or 'asserted'}"], f"event: {label}")
            )
    n = 0
    for e in brief.get("entities") or []:
        for m in e.get("mentions") or []:
            if _ok(text, m):
                out.append(Mark("entity", n, m["start"], m["end"], [f"entity-{(e.get('type') or 'x').lower()}"], e.get("name")))
            n += 1
    return out


def render(text: str, items: list[Mark], extra_class: dict[str, str] | None = None) -> Markup:
    """The text as HTML with `items` wrapped in properly nested `<mark>` pieces (offsets unchanged)."""
    opens: dict[int, list[Mark]] = defaultdict(list)
    bounds = {0, len(text)}
    for m in items:
        opens[m.start].append(m)
        bounds.update((m.start, m.end))
    for lst in opens.values():
        lst.sort(key=lambda m: (-m.end, KIND_ORDER.get(m.kind, 9), m.n))
    out: list[str] = []
    stack: list[Mark] = []
    pos = 0
    for b in sorted(bounds):
        if b > pos:
            out.append(str(escape(text[pos:b])))
            pos = b
        cut = next((i for i, m in enumerate(stack) if m.end <= b), None)
        if cut is not None:  # close down to the outermost span ending here, reopen the ones that go on
            popped = stack[cut:]
            out.append("</mark>" * len(popped))
            del stack[cut:]
            for m in popped:
                if m.end > b:
                    out.append(m.open_tag(first=False))
                    stack.append(m)
        for m in opens.get(b, ()):
            out.append(m.open_tag(first=True))
            stack.append(m)
    out.append("</mark>" * len(stack))
    return Markup("".join(out))
