"""What the time-expression tests read from a brief: each expression's text with its type and value."""

from __future__ import annotations


def timexes(brief) -> dict[str, tuple[str, str | None]]:
    return {t.text: (t.type, t.value) for t in brief.timexes}
