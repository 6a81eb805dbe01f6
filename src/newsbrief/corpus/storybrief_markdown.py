"""The Markdown view of a story brief (the `story` command's output); kept apart from
storybrief.py because rendering is no part of building the brief."""

from __future__ import annotations

from typing import Any

# --- Markdown -----------------------------------------------------------------------------------


def story_markdown(sb: dict[str, Any], claims: int = 15) -> str:
    """The `story` command's Markdown view of a story brief."""
    arts = {a["id"]: a for a in sb.get("articles", [])}

    def who(aid: str) -> str:
        a = arts.get(aid) or {}
        return f"{a.get('source') or aid}"

    def cite(x: dict[str, Any]) -> str:
        return f"[`{x['article']}` {x['start']}-{x['end']}]"

    lines = [f"# {sb.get('title') or sb.get('id')}", "", f"Story `{sb.get('id')}`"]
    dates = sorted(a["published"] for a in arts.values() if a.get("published"))
    if dates:
        lines[-1] += f", {dates[0]}" + (f" to {dates[-1]}" if dates[-1] != dates[0] else "")
    outlets = sorted({a.get("source") for a in arts.values() if a.get("source") and not a.get("copy_of")})
    if outlets:
        lines[-1] += f"; outlets: {', '.join(outlets)}"
    lines += ["", "## Articles", ""]
    for a in arts.values():
        copy = f" (copy of `{a['copy_of']}`)" if a.get("copy_of") else ""
        lines.append(
            f"- `{a['id']}` {a.get('published') or 'undated'} {a.get('source') or ''} {a.get('title') or ''}{copy}".rstrip()
        )
    if sb.get("key_points"):
        lines += ["", "## Key points", ""]
        for k in sb["key_points"]:
            lines.append(f"- {k['text']} {cite(k)} — {len(k['support'])} source(s): {', '.join(map(who, k['support']))}")
    if sb.get("contradictions"):
        lines += ["", "## Contradictions", ""]
        for c in sb["contradictions"]:
            lines.append(f"- **{c['about']}**")
            lines += [f"  - {who(v['article'])}: “{v['text']}” {cite(v)}" for v in c["variants"]]
    corroborated = [c for c in sb.get("claims", []) if len(c["support"]) > 1]
    single = [c for c in sb.get("claims", []) if len(c["support"]) <= 1]

    def claim_line(c: dict[str, Any], whence: str) -> str:
        holder = f" ({c['holder']})" if c.get("holder") else ""
        contested = " (contested)" if c.get("contested") else ""
        return f"- {c['text']}{holder} {cite(c)} — {whence}{contested}"

    if corroborated:
        lines += ["", "## Corroborated claims", ""]
        lines += [claim_line(c, f"{len(c['support'])} sources, first: {who(c['first'])}") for c in corroborated[:claims]]
    if single:
        lines += ["", "## Single-source claims", ""]
        lines += [claim_line(c, who(c["article"])) for c in single[:claims]]
        if len(single) > claims:
            lines.append(f"- … and {len(single) - claims} more")
    if sb.get("timeline"):
        lines += ["", "## Timeline", ""]
        lines += [f"- {t['when']}: {t['text']} {cite(t)}" for t in sb["timeline"]]
    if sb.get("actors"):
        lines += ["", "## Actors", ""]
        for x in sb["actors"][:25]:
            extra = ", ".join(filter(None, [x.get("type"), x.get("country")]))
            lines.append(f"- {x['name']} ({extra}): {x['mentions']} mentions in {len(x['articles'])} article(s)")
    if sb.get("quotes"):
        lines += ["", "## Quotes", ""]
        for g in sb["quotes"]:
            roles = "; ".join(r["text"] for r in g.get("roles", []))
            lines.append(f"- **{g['speaker']}**" + (f", {roles}" if roles else ""))
            lines += [f"  - “{q['text']}” {cite(q)}" for q in g["quotes"]]
    return "\n".join(lines) + "\n"
