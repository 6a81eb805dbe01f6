"""Offline language identification (py3langid ships its model inside the package).

The brief promises an ISO 639-1 code, so only two-letter languages are candidates (py3langid also
knows creoles and regional languages that short English headlines fall into, e.g. 'pcm'). Short
texts fool any character model ("Kim Jong Un met Putin." scores as Dutch), so a short text is taken
as English when English is among the model's first three guesses, or its words are largely English
function words, or it is a line or two of plain ASCII letters (a headline, a lead).
"""

from __future__ import annotations

import re
from functools import cache

_WORD = re.compile(r"[A-Za-z']+")
SHORT = 400
TINY = 160


def _english_share(text: str) -> float:
    from spacy.lang.en.stop_words import STOP_WORDS

    words = _WORD.findall(text[:2000].lower())
    return sum(w in STOP_WORDS for w in words) / len(words) if words else 0.0


@cache
def _identifier():  # type: ignore[no-untyped-def]
    import py3langid
    from py3langid import langid

    py3langid.classify("")  # loads the packaged model
    ident = langid.IDENTIFIER
    ident.set_languages(sorted({c for c in ident.nb_classes if len(c) == 2 and c != "zxx"}))
    return ident


def detect(text: str) -> str:
    """ISO 639-1 code of the text's language, judged on its first few thousand characters."""
    ident = _identifier()
    lang, _score = ident.classify(text[:5000])
    if lang != "en" and len(text) < SHORT:
        top3 = [code for code, _ in ident.rank(text)[:3]]
        ascii_only = all(ch.isascii() for ch in text if ch.isalpha())
        if "en" in top3 or _english_share(text) >= 0.2 or (len(text) < TINY and ascii_only):
            return "en"
    return lang
