"""What the time-expression tests read from a brief: each expression's text with its type and value."""

from __future__ import annotations


def timexes(brief) -> dict[str, tuple[str, str | None]]:
    return {t.text: (t.type, t.value) for t in brief.timexes}


def value_of(brief, expression: str) -> str | None:
    """The value of one expression, which must have been found."""
    got = {t.text: t.value for t in brief.timexes}
    assert expression in got, got
    return got[expression]
