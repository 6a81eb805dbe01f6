"""Attribution rules on hand-built parses: forms the statistical parser produces only in some contexts
(so a test through the real parser could not pin them down). Each token row: word, trailing space,
head index, dependency, coarse POS, fine tag, lemma."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsbrief.analyzers.attribution import extract


def parsed(rows: list[tuple[str, bool, int, str, str, str, str]]) -> Doc:
    words, spaces, heads, deps, pos, tags, lemmas = (list(col) for col in zip(*rows))
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


def test_subject_inside_the_quote_gives_way_to_the_one_outside():
    # '"The more people who know the plan, the better they like it," Briggs said.' with "people" parsed as
    # the subject of "said"
    doc = parsed(
        [
            ('"', False, 17, "punct", "PUNCT", "``", '"'),
            ("The", True, 3, "det", "DET", "DT", "the"),
            ("more", True, 3, "amod", "ADJ", "JJR", "more"),
            ("people", True, 17, "nsubj", "NOUN", "NNS", "people"),
            ("who", True, 5, "nsubj", "PRON", "WP", "who"),
            ("know", True, 3, "relcl", "VERB", "VBP", "know"),
            ("the", True, 7, "det", "DET", "DT", "the"),
            ("plan", False, 5, "dobj", "NOUN", "NN", "plan"),
            (",", True, 3, "punct", "PUNCT", ",", ","),
            ("the", True, 10, "det", "DET", "DT", "the"),
            ("better", True, 12, "advmod", "ADV", "RBR", "well"),
            ("they", True, 12, "nsubj", "PRON", "PRP", "they"),
            ("like", True, 3, "relcl", "VERB", "VBP", "like"),
            ("it", False, 12, "dobj", "PRON", "PRP", "it"),
            (",", False, 17, "punct", "PUNCT", ",", ","),
            ('"', True, 17, "punct", "PUNCT", "''", '"'),
            ("Briggs", True, 17, "nsubj", "PROPN", "NNP", "Briggs"),
            ("said", False, 17, "ROOT", "VERB", "VBD", "say"),
            (".", False, 17, "punct", "PUNCT", ".", "."),
        ]
    )
    found, _ = extract(doc)
    f = next(f for f in found if doc.text[f.content[0] : f.content[1]].startswith('"The more people'))
    assert f.source is not None and f.source.text == "Briggs"
