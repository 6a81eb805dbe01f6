"""Offline language identification (py3langid ships its model inside the package).

Short texts fool any character model, so a short text that py3langid calls non-English but whose
words are mostly English function words is taken as English.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z']+")


def _english_share(text: str) -> float:
    from spacy.lang.en.stop_words import STOP_WORDS

    words = _WORD.findall(text[:2000].lower())
    return sum(w in STOP_WORDS for w in words) / len(words) if words else 0.0


def detect(text: str) -> str:
    """ISO 639-1 code of the text's language, judged on its first few thousand characters."""
    import py3langid

    lang, _score = py3langid.classify(text[:5000])
    if lang != "en" and len(text) < 400 and _english_share(text) >= 0.3:
        return "en"
    return lang
