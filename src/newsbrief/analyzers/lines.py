"""Sentences that respect the line structure of real articles.

A heading or bullet line has no final punctuation, and the parser glues it to the next sentence.
Marking the first token after every line break as a sentence start before the parser runs keeps
each line apart; the parser still splits sentences within a line, but never right after a list
marker ("- ", "2.") that opens one.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from newsbrief.resources import load_json

_MARKERS = load_json("lines.json")
_BULLETS = frozenset(_MARKERS["bullets"])
_NUMBERED = re.compile(_MARKERS["numbered"])


def _is_marker(text: str) -> bool:
    return text in _BULLETS or bool(_NUMBERED.match(text))


@Language.component("newsbrief_lines", assigns=["token.is_sent_start"])
def line_sentences(doc: Doc) -> Doc:
    line_start = True  # the next non-space token opens a line
    prefix: str | None = None  # the line's opening tokens while no space separates them ("2", ".")
    after_marker = False
    for i, token in enumerate(doc):
        if token.is_space:
            if i > 0:
                token.is_sent_start = False  # whitespace belongs to the sentence it ends
            line_start = line_start or "\n" in token.text
            continue
        if i > 0:
            if line_start:
                token.is_sent_start = True
            elif after_marker or prefix is not None:
                token.is_sent_start = False
        prefix = token.text if line_start else (prefix + token.text if prefix is not None else None)
        after_marker = prefix is not None and _is_marker(prefix)
        if token.whitespace_:
            prefix = None
        line_start = "\n" in token.whitespace_
    return doc
