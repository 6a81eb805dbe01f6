"""Mention collection for the actors component: the model's entities repaired (titles, possessives,
hyphenated and particle names) plus gazetteer names, each typed as state, city, person, org, ...;
kept apart from actors.py, which only orders the steps, so this one reads on its own."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newsbrief.analyzers.actors_lexicon import ACTOR_LABELS, DETERMINERS, HYPHENS, NAME_PARTICLES, POSSESSIVE, Lexicon, fold
from newsbrief.model import Span as BSpan

# --------------------------------------------------------------------------- mentions


@dataclass
class Mention:
    start: int  # token offsets
    end: int
    label: str
    kind: str  # state, city, place, person, org, group, desc
    key: str = ""
    iso3: str | None = None
    titles: list[str] = field(default_factory=list)
    cluster: int = -1
    role: str = ""  # for descriptions: the role noun
    title_start: int = -1  # where the titles before a person's name begin ("Secretary of State ...")

    def span(self, doc: Doc) -> Span:
        return doc[self.start : self.end]


def _trim(doc: Doc, start: int, end: int, label: str, lex: Lexicon) -> tuple[int, int, list[str]]:
    """Names without a leading 'the', a title, or a trailing possessive; a hyphenated given name whole."""
    titles: list[str] = []
    while end > start and (doc[end - 1].text in POSSESSIVE or (doc[end - 1].is_punct and doc[end - 1].text not in {".", ")"})):
        end -= 1
    while start < end and (doc[start].lower_ in DETERMINERS or doc[start].is_punct or doc[start].is_space):
        start += 1
    if label == "PERSON":
        # "Xi" + "Jinping": a given or family name the model left outside, joined by the parse
        while (
            start > 0
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].dep_ == "compound"
            and start <= doc[start - 1].head.i < end
            and doc[start - 1].is_title
            and not doc[start - 1].ent_type_
            and doc[start - 1].whitespace_ != ""
            and "\n" not in doc[start - 1].whitespace_
            and doc[start - 1].text not in lex.terms
            and doc[start - 1].text.lower() not in lex.titles
        ):
            start -= 1
        changed = True
        while changed and end - start > 1:
            changed = False
            for n in range(min(lex.title_max, end - start - 1), 0, -1):
                cand = doc[start : start + n].text.lower()
                if cand in lex.titles:
                    titles.append(cand)
                    start += n
                    changed = True
                    break
        # "Nam Sung" + "-" + "wook": the model stops at the hyphen of a given name
        while (
            end + 1 < len(doc)
            and doc[end].text in HYPHENS
            and not doc[end - 1].whitespace_
            and not doc[end].whitespace_
            and doc[end + 1].is_alpha
            and doc[end + 1].ent_type_ in ("", "PERSON")
        ):
            end += 2
        # "Ursula von der" + "Leyen": a name that the model cut after a particle
        while end < len(doc) and doc[end - 1].lower_ in NAME_PARTICLES and doc[end - 1].is_lower and doc[end].is_title:
            end += 1
    return start, end, titles


def _person_by_title(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """A name that opens with (or follows) a title only people carry, then capitalised words."""
    for n in range(min(lex.title_max, end - start - 1), 0, -1):
        if doc[start : start + n].text in lex.person_only:
            rest = doc[start + n : end]
            return all(t.is_title or t.text in HYPHENS or t.is_punct for t in rest) and any(t.is_alpha for t in rest)
    before = _title_run(doc, start, lex)[1]
    return before < start and doc[before:start].text in lex.person_only and all(t.is_title for t in doc[start:end] if t.is_alpha)


def _titles_before(doc: Doc, start: int, lex: Lexicon) -> list[str]:
    return _title_run(doc, start, lex)[0]


def _title_run(doc: Doc, start: int, lex: Lexicon) -> tuple[list[str], int]:
    """The titles written just before a name ('US Secretary of State' -> ['secretary of state']) and
    the token where they begin."""
    out = []
    i = start
    while i > 0:
        for n in range(min(lex.title_max, i), 0, -1):
            cand = doc[i - n : i].text
            if cand[:1].isupper() and cand.lower() in lex.titles and all(not t.is_space for t in doc[i - n : i]):
                cand = cand.lower()
                out.append(cand)
                i -= n
                break
        else:
            break
    return out, i


def _is_place(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """A capital is the state only where it acts or is acted with ('Moscow says', 'ties between
    Moscow and Pyongyang', "Moscow's stance"); elsewhere ('in Moscow', 'a Moscow court') the city."""
    tok = doc[start:end].root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass", "poss", "agent"):
        return False
    if tok.dep_ == "dobj":
        return tok.head.lemma_.lower() in lex.place_verbs
    if tok.dep_ == "pobj":
        return tok.head.lower_ in lex.place_preps
    return True


def find_mentions(doc: Doc, lex: Lexicon, matcher: PhraseMatcher) -> tuple[list[Mention], list[Mention]]:
    """Name mentions (repaired model entities and gazetteer names); and gazetteer names nested in
    other names ("North Korean" inside "the University of North Korean Studies"), kept apart."""
    ents = list(doc.ents)
    spans: dict[tuple[int, int], str] = {}
    for e in ents:
        if e.label_ not in ACTOR_LABELS:
            continue
        label = e.label_
        if label != "PERSON" and _person_by_title(doc, e.start, e.end, lex):
            label = "PERSON"  # "Chancellor Olaf Scholz" tagged as an organisation
        elif label == "PERSON" and e.end - e.start == 1 and e.text in lex.places:
            label = "GPE"  # "the Rafah crossing": a known place tagged as a person
        s, t, _ = _trim(doc, e.start, e.end, label, lex)
        if s < t:
            spans[(s, t)] = label
    people = [k for k, label in spans.items() if label == "PERSON"]
    for k in [k for k in spans if spans[k] != "PERSON"]:  # what a repaired name now covers
        if any(a <= k[0] and k[1] <= b for a, b in people):
            del spans[k]
    occupied = {i for e in ents if e.label_ not in ACTOR_LABELS for i in range(e.start, e.end)}
    hits = filter_spans([doc[s:t] for _, s, t in matcher(doc)])
    at = {i: k for k in spans for i in range(*k)}  # token -> the name span over it
    nested: list[Mention] = []
    for h in hits:
        term = lex.terms.get(h.text)
        if term is None or occupied.intersection(range(h.start, h.end)):
            continue
        over = sorted({at[i] for i in range(h.start, h.end) if i in at})
        if any(s <= h.start and h.end <= t and (s, t) != (h.start, h.end) for s, t in over):
            nested.append(Mention(h.start, h.end, "GPE", "state", iso3=term.iso3, key=term.kind))
            continue
        labels = {spans[k] for k in over}
        exact = over == [(h.start, h.end)]
        if "PERSON" in labels and term.kind != "metonym" and not (exact and h.text not in lex.not_alone):
            continue  # "Jordan Peterson"; but a lone "Kyiv" tagged as a person is the city
        if not over and (term.kind == "capital" or h.text in lex.not_alone):
            continue
        for k in over:
            del spans[k]
            for i in range(*k):
                at.pop(i, None)
        for i in range(h.start, h.end):
            at[i] = (h.start, h.end)
        spans[(h.start, h.end)] = "NORP" if term.kind == "demonym" or "NORP" in labels else "GPE"
    mentions = []
    for (s, t), label in sorted(spans.items()):
        text = doc[s:t].text
        term = lex.terms.get(text)
        m = Mention(s, t, label, "other")
        if label == "PERSON":
            m.kind = "person"
            _, _, inner = _trim(doc, s, t, label, lex)
            before, m.title_start = _title_run(doc, s, lex)
            m.titles = before + inner
        elif term is not None and term.iso3 is None:
            m.kind, m.key = "group" if label == "NORP" else "place", "amb:" + fold(text)
        elif term is not None and term.kind == "capital" and _is_place(doc, s, t, lex):
            m.kind, m.iso3, m.key, m.label = "city", term.iso3, "city:" + fold(text), "GPE"
        elif term is not None:
            m.kind, m.iso3, m.key = "state", term.iso3, "state:" + term.iso3
            m.label = "NORP" if term.kind == "demonym" else "GPE"
        elif label == "ORG":
            m.kind, m.key = "org", _name_key(text, lex)
        elif label == "NORP":
            m.kind, m.key = "group", _name_key(text, lex)
        else:
            m.kind, m.key = "place", _name_key(text, lex)
            m.iso3 = lex.places.get(text)
        mentions.append(m)
    # a title is no actor: "State" in "Secretary of State Antony Blinken"
    titled = [(m.title_start, m.start) for m in mentions if m.kind == "person" and 0 <= m.title_start < m.start]
    mentions = [
        m for m in mentions if m.kind in ("person", "state", "city") or not any(a <= m.start and m.end <= b for a, b in titled)
    ]
    return mentions, nested


def _acronyms(doc: Doc, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """'the United States Air Force (USAF)': the acronym in brackets, and its later uses, are
    mentions even where the model did not tag them."""
    covered = {t for m in mentions for t in range(m.start, m.end)}
    found: dict[str, str] = {}
    for m in mentions:
        bracketed = m.end + 2 < len(doc) and doc[m.end].text == "(" and doc[m.end + 2].text == ")"
        if m.kind in ("org", "place", "group") and bracketed:
            acr = doc[m.end + 1]
            if acr.i not in covered and _is_acronym(acr.text):
                found[acr.text] = m.label
    added = []
    if not found:
        return added
    for i, word in enumerate(_words(doc)):
        if word in found and i not in covered:
            tok = doc[i]
            added.append(
                Mention(
                    tok.i,
                    tok.i + 1,
                    found[tok.text],
                    "org" if found[tok.text] == "ORG" else "place",
                    key=_name_key(tok.text, lex),
                )
            )
    return added


def _grounded(doc: Doc, m: Mention) -> BSpan:
    """The mention as a brief span (doc.text is rebuilt on each access: not read here)."""
    text = doc[m.start : m.end].text
    start = doc[m.start].idx
    return BSpan(start=start, end=start + len(text), text=text)


def _words(doc: Doc) -> list[str]:
    """The token texts, read once per document (a spaCy Token is costly to make)."""
    words = doc.user_data.get("nb_words")
    if words is None or len(words) != len(doc):
        words = doc.user_data["nb_words"] = [t.text for t in doc]
    return words


def _name_key(text: str, lex: Lexicon) -> str:
    """One key for a name whatever the model's label: folded, without a legal suffix ('Inc.')."""
    words = fold(text).split()
    while len(words) > 1 and words[-1] in lex.org_suffixes:
        words.pop()
    return "name:" + " ".join(words)


def _is_acronym(text: str) -> bool:
    return 2 <= len(text.replace(".", "")) <= 8 and text.replace(".", "").replace("&", "").isalpha() and text.isupper()
