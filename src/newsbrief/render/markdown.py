"""The brief as Markdown: what a reader needs first, each item with its character offsets."""

from __future__ import annotations

from collections import defaultdict

from newsbrief.model import Brief, Span
from newsbrief.timeline import timeline_markdown


def _loc(span: Span) -> str:
    return f"[{span.start}:{span.end}]"


def _clip(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def brief_markdown(brief: Brief) -> str:
    names = {e.id: e.name for e in brief.entities}
    out = [f"# {brief.title or 'Brief ' + brief.id}", ""]
    meta = [f"id `{brief.id}`", f"language {brief.language}"]
    meta.append(f"published {brief.published} ({brief.published_source})" if brief.published else "published unknown")
    out += ["· ".join(meta), ""]
    out += [f"> note: {n}" for n in brief.notes] + ([""] if brief.notes else [])

    if brief.key_points:
        out += ["## Points of attention", ""]
        out += [f"{i}. {_clip(p.text, 300)} {_loc(p)} (score {p.score:.2f})" for i, p in enumerate(brief.key_points, 1)]
        out.append("")
    if brief.entities:
        out += ["## Actors", ""]
        for e in brief.entities:
            aliases = sorted({m.text for m in e.mentions} - {e.name})
            extra = f"; also {', '.join(aliases)}" if aliases else ""
            out.append(f"- **{e.name}** ({e.type}, {e.country or 'country unknown'}): {len(e.mentions)} mentions{extra}")
        out.append("")
    if brief.attributions:
        out += ["## Who said what", ""]
        by_speaker: dict[str, list] = defaultdict(list)
        for a in brief.attributions:
            by_speaker[a.speaker_name or (a.source.text if a.source else "unattributed")].append(a)
        for speaker, items in by_speaker.items():
            role = next((a.role.text for a in items if a.role), None)
            out.append(f"- **{speaker}**" + (f", {role}" if role else ""))
            for a in items:
                cue = f"{a.cue.text}: " if a.cue else ""
                out.append(f"  - {cue}“{_clip(a.content.text)}” ({a.kind}) {_loc(a.content)}")
        out.append("")
    timeline = timeline_markdown(brief)
    if timeline:
        out += [timeline]
    if brief.timexes:
        out += ["## Time expressions", ""]
        out += [f"- {t.text} → {t.value or '?'} ({t.type}) {_loc(t)}" for t in brief.timexes]
        out.append("")
    if brief.statements:
        out += ["## Fact and speculation", ""]
        by_mod: dict[str, list] = defaultdict(list)
        for s in brief.statements:
            by_mod[s.modality].append(s)
        for modality in ("asserted", "expected", "possible", "denied", "question"):
            for s in by_mod.get(modality, []):
                holder = f" — {names.get(s.holder, s.holder)}" if s.holder else ""
                out.append(f"- *{modality}*: {_clip(s.text)}{holder} {_loc(s)}")
        out.append("")
    if brief.events:
        out += ["## Events", ""]
        for ev in brief.events:
            who = names.get(ev.actor or "", "?")
            whom = names.get(ev.target or "", "?")
            code = f" CAMEO {ev.cameo}" if ev.cameo else ""
            when = f" on {ev.when}" if ev.when else ""
            out.append(f"- {who} → {ev.trigger.text} → {whom}{when} ({ev.type}{code}, {ev.modality}) {_loc(ev)}")
        out.append("")
    if brief.themes:
        out += ["## Themes", ""]
        for th in brief.themes:
            cues = ", ".join(sorted({f"“{s.text}”" for s in th.spans})[:6])
            out.append(f"- **{th.theme}** (score {th.score:.2f}): {cues}")
        out.append("")
    if brief.checks:
        out += ["## Checks", ""]
        for c in brief.checks:
            where = "; ".join(f"“{_clip(s.text, 70)}” {_loc(s)}" for s in c.spans)
            out.append(f"- **{c.kind}**: {c.message}" + (f" — {where}" if where else ""))
        out.append("")
    return "\n".join(out).rstrip() + "\n"
