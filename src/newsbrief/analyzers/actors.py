"""Actors: one entity per real-world actor, with every mention of it as a span.

The small model finds names but not actors: it tags "DPRK" as an organisation, cuts "Nam Sung-wook"
at the hyphen, keeps the possessive "'s" inside names and knows nothing of "the Kremlin" standing
for Russia. This component repairs its entities token by token, adds the names of a gazetteer
(states, capitals, demonyms, seats of government: resources/actors/), and merges mentions:

* states: a country name, its demonym, its seat of government and its capital used as an actor
  ("Moscow says") are one entity; a capital used as a place ("in Moscow") is the city, with its
  state's country;
* people: full name, surname, title + name and transliteration variants ("Kim Jong-un") are one
  person; a bare name shared by several people ("Kim") goes to the one the context means (the one
  seen with the same co-participants, the most salient), not the first seen;
* organisations: full name, short form and acronym;
* descriptions ("the Kremlin leader", "the president of X") join the named person they denote.

Countries come from the text where it says them (an appositive "a professor at X in South Korea",
"Russia's minister", "Russian President ...") or from the gazetteer. Everything is dictionary
lookups over the parse: no model call per sentence.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from newsbrief.analyzers import base
from newsbrief.model import Entity
from newsbrief.model import Span as BSpan
from newsbrief.resources import load_json

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
POSSESSIVE = {"'s", "’s", "'", "’"}
HYPHENS = {"-", "‐", "‑"}
NAME_PARTICLES = {
    "von",
    "van",
    "der",
    "den",
    "de",
    "del",
    "della",
    "di",
    "da",
    "dos",
    "du",
    "la",
    "le",
    "bin",
    "ibn",
    "al",
    "el",
    "ter",
}
DETERMINERS = {"the"}
# tokens that may stand between a person's name and a word on its left that says its country
_NP_TAGS = {"NOUN", "PROPN", "ADJ", "PART", "DET"}


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class Term:
    iso3: str | None
    kind: str  # name, demonym, metonym, capital, ambiguous


@dataclass
class Lexicon:
    terms: dict[str, Term]
    state_names: dict[str, str]
    places: dict[str, str]  # city or subdivision -> iso3 (for a place's country only)
    not_alone: frozenset[str]
    titles: frozenset[str]
    title_max: int
    male: frozenset[str]
    female: frozenset[str]
    name_suffixes: frozenset[str]
    org_suffixes: frozenset[str]
    org_descriptors: frozenset[str]
    person_only: frozenset[str]
    state_keys: frozenset[str]
    leader_roles: list[str]
    place_preps: frozenset[str]
    place_verbs: frozenset[str]


@cache
def lexicon() -> Lexicon:
    gaz = load_json("actors/gazetteer.json")
    amb = load_json("actors/ambiguous.json")
    titles = load_json("actors/titles.json")
    roles = load_json("actors/roles.json")
    no_state = set(amb["no_state"])
    terms: dict[str, Term] = {}
    for iso3, st in gaz["states"].items():
        for kind, names in (
            ("capital", st["capitals"]),
            ("metonym", st["metonyms"]),
            ("demonym", st["demonyms"]),
            ("name", st["names"]),
        ):
            for n in names:
                if n.startswith("the "):
                    n = n[4:]
                terms[n] = Term(None, "ambiguous") if n in no_state else Term(iso3, kind)
                if kind == "demonym" and n[-1:] in "ni" and not n.endswith(("ese", "s")) and n + "s" not in names:
                    terms.setdefault(n + "s", Term(iso3, kind))
    for n in no_state:
        terms[n] = Term(None, "ambiguous")
    places = {**gaz["subdivisions"], **gaz["cities"]}
    return Lexicon(
        terms=terms,
        state_names={iso3: st["name"] for iso3, st in gaz["states"].items()},
        places=places,
        not_alone=frozenset(amb["not_alone"]),
        titles=frozenset(t.lower() for t in titles["titles"]),
        title_max=max(len(t.split()) for t in titles["titles"]),
        male=frozenset(t.lower() for t in titles["gender"]["male"]),
        female=frozenset(t.lower() for t in titles["gender"]["female"]),
        name_suffixes=frozenset(titles["name_suffixes"]),
        org_suffixes=frozenset(fold(s) for s in titles["org_suffixes"]),
        org_descriptors=frozenset(fold(s) for s in titles["org_descriptors"]),
        person_only=frozenset(titles["person_only"]),
        state_keys=frozenset(fold(t) for t, term in terms.items() if term.iso3 and term.kind in ("name", "demonym")),
        leader_roles=roles["leader_roles"],
        place_preps=frozenset(roles["place_prepositions"]),
        place_verbs=frozenset(roles["place_verbs"]),
    )


def fold(text: str) -> str:
    """Lowercase, accents and hyphens away: 'Kim Jong-un' and 'Kim Jong Un' fold alike."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[-‐‑_]", " ", text.lower()).replace(".", "")
    text = re.sub(r"[^\w' ]", "", text).replace("'", "")
    return " ".join(text.split())


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


# --------------------------------------------------------------------------- people


def skeleton(part: str) -> str:
    """A name part with transliteration noise away: 'Zelenskyy' and 'Zelensky' both 'zelenski'."""
    part = re.sub(r"(.)\1+", r"\1", part)
    return part.replace("y", "i")


def _name_parts(doc: Doc, m: Mention, lex: Lexicon) -> list[str]:
    """A person mention's name parts, folded and skeletonised, without 'Jr.'."""
    return [skeleton(p) for p in fold(" ".join(t.text for t in m.span(doc) if t.text not in lex.name_suffixes)).split()]


def _sentence_of(doc: Doc) -> list[int]:
    out = [0] * len(doc)
    for i, sent in enumerate(doc.sents):
        for t in range(sent.start, sent.end):
            out[t] = i
    return out


class Clusters:
    """Mentions grouped into actors; a cluster is a list of mention indexes."""

    def __init__(self) -> None:
        self.members: list[list[int]] = []
        self.by_key: dict[str, int] = {}
        self.moved: dict[int, int] = {}

    def add(self, key: str | None, mi: int) -> int:
        if key is not None and key in self.by_key:
            c = self.by_key[key]
        else:
            c = len(self.members)
            self.members.append([])
            if key is not None:
                self.by_key[key] = c
        self.members[c].append(mi)
        return c

    def merge(self, into: int, other: int, mentions: list[Mention]) -> None:
        """Move the mentions of cluster `other` into `into` (the other stays, empty)."""
        into, other = self.find(into), self.find(other)
        if into == other:
            return
        for i in self.members[other]:
            mentions[i].cluster = into
        self.members[into] += self.members[other]
        self.members[other] = []
        self.moved[other] = into
        for k, c in self.by_key.items():
            if c == other:
                self.by_key[k] = into

    def find(self, c: int) -> int:
        while c in self.moved:
            c = self.moved[c]
        return c


def _cluster_people(doc: Doc, mentions: list[Mention], sent_of: list[int], clusters: Clusters, lex: Lexicon) -> None:
    people = [i for i, m in enumerate(mentions) if m.kind == "person"]
    parts = {i: _name_parts(doc, mentions[i], lex) for i in people}
    full: dict[tuple[str, ...], int] = {}
    for i in people:
        p = parts[i]
        if len(p) < 2:
            continue
        key = tuple(p)
        same = next((c for k, c in full.items() if k == key or (k[0] == key[0] and k[-1] == key[-1])), None)
        if same is None:  # "Moon Jae" cut from "Moon Jae-in": one name the prefix of the other
            pre = {c for k, c in full.items() if k[: len(key)] == key or key[: len(k)] == k}
            same = pre.pop() if len(pre) == 1 else None
        if same is None:
            same = clusters.add(None, i)
            full[key] = same
        else:
            clusters.members[same].append(i)
        mentions[i].cluster = same
    for m in _recover_surnames(doc, mentions, clusters, lex, full_only=True):  # untagged full names
        mentions.append(m)
        clusters.members[m.cluster].append(len(mentions) - 1)
    # the sentences each cluster (and each other actor) is seen in, for context scoring
    seen = defaultdict(set)
    for m in mentions:
        if m.kind != "person":
            seen[m.key].add(sent_of[m.start])
    for c in full.values():
        for i in clusters.members[c]:
            seen[("p", c)].add(sent_of[mentions[i].start])
    singles: dict[str, int] = {}
    for i in people:
        p = parts[i]
        if len(p) >= 2:
            continue
        if not p:
            continue
        cands = sorted({c for k, c in full.items() if p[0] in (k[0], k[-1])})
        if not cands and len(p[0]) > 2 and p[0] not in NAME_PARTICLES:  # "Lula" of "Luiz Inacio Lula da Silva"
            inner = {c for k, c in full.items() if p[0] in k[1:-1]}
            cands = sorted(inner) if len(inner) == 1 else []
        m = mentions[i]
        if len(cands) > 1:
            c = _choose_person(doc, m, cands, clusters, mentions, sent_of, seen)
        elif cands:
            c = cands[0]
        elif p[0] in singles:
            c = singles[p[0]]
        elif _name_key(m.span(doc).text, lex) in clusters.by_key:  # "Ryanair" tagged as a person once
            c = clusters.by_key[_name_key(m.span(doc).text, lex)]
        else:
            c = singles[p[0]] = clusters.add(None, i)
            m.cluster = c
            continue
        clusters.members[c].append(i)
        m.cluster = c


def _choose_person(
    doc: Doc, m: Mention, cands: list[int], clusters: Clusters, mentions: list[Mention], sent_of: list[int], seen: dict
) -> int:
    """Which of several people a bare shared name means: the one seen with the same co-participants,
    with a matching title, the most salient, and the nearest, in that order of weight."""
    s = sent_of[m.start]
    around = {mm.key for mm in mentions if mm is not m and sent_of[mm.start] == s and mm.kind != "person"}
    around |= {
        ("p", mm.cluster) for mm in mentions if mm is not m and sent_of[mm.start] == s and mm.kind == "person" and mm.cluster >= 0
    }
    best, best_score = cands[0], float("-inf")
    for c in cands:
        own = seen.get(("p", c), set())
        cooc = sum(len(own & seen.get(k, set()) - {s}) for k in around if k != ("p", c))
        titles = {t for i in clusters.members[c] for t in mentions[i].titles}
        title = 3.0 if titles & set(m.titles) else 0.0
        dist = min(abs(sent_of[mentions[i].start] - s) for i in clusters.members[c])
        score = 2.0 * cooc + title + len(clusters.members[c]) + (1.0 if dist <= 2 else 0.0) - 0.01 * dist
        if score > best_score:
            best, best_score = c, score
    return best


def _recover_surnames(
    doc: Doc, mentions: list[Mention], clusters: Clusters, lex: Lexicon, full_only: bool = False
) -> list[Mention]:
    """A known person's surname that the model did not tag ('..., Putin said') is still a mention."""
    covered = {t for m in mentions for t in range(m.start, m.end)}
    surnames: dict[str, set[int]] = defaultdict(set)
    given: dict[int, list[str]] = {}
    for c, members in enumerate(clusters.members):
        for i in members:
            m = mentions[i]
            if m.kind == "person":
                p = _name_parts(doc, m, lex)
                if len(p) >= 2:
                    surnames[p[-1]].add(c)
                    given[c] = p[:-1]
    added = []
    if not surnames:
        return added
    for i, word in enumerate(_words(doc)):
        if i in covered or not word[:1].isupper() or skeleton(fold(word)) not in surnames:
            continue
        tok = doc[i]
        if not tok.is_title or tok.is_stop or tok.ent_type_ in ACTOR_LABELS - {"PERSON"}:
            continue
        if tok.pos_ != "PROPN" and (tok.pos_ != "NOUN" or tok.is_sent_start):
            continue  # "Jobs resigned": a surname the tagger took for a noun, but not a capitalised first word
        cs = surnames.get(skeleton(fold(tok.text)))
        if not cs or len(cs) > 1:
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
            continue  # part of a longer name the model did not tag
        c = next(iter(cs))
        start = tok.i
        for part in reversed(given.get(c, [])):  # the whole name, untagged: "Xi Jinping met ..."
            if start > 0 and start - 1 not in covered and skeleton(fold(doc[start - 1].text)) == part and doc[start - 1].is_title:
                start -= 1
            else:
                break
        if full_only and tok.i - start != len(given.get(c, [])):
            continue
        m = Mention(start, tok.i + 1, "PERSON", "person", cluster=c)
        m.titles = _titles_before(doc, start, lex)
        added.append(m)
    return added


def _recover_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """An organisation's one-word name that the model tagged elsewhere but not here ('Tesla shares
    fell') is still a mention."""
    names: dict[str, Mention] = {}
    for m in mentions:
        if m.kind == "org" and m.end - m.start == 1 and m.cluster >= 0:
            names.setdefault(doc[m.start].text, m)
    if not names:
        return []
    covered = {t for m in mentions for t in range(m.start, m.end)}
    added = []
    for i, word in enumerate(_words(doc)):
        if word in names and i not in covered:
            tok = doc[i]
            if tok.pos_ == "PROPN" and tok.ent_type_ not in ACTOR_LABELS:
                like = names[word]
                added.append(Mention(i, i + 1, like.label, "org", key=like.key, cluster=like.cluster))
    return added


# --------------------------------------------------------------------------- organisations


def _cluster_orgs(doc: Doc, mentions: list[Mention], clusters: Clusters, lex: Lexicon) -> None:
    """Organisations (and other names outside the gazetteer) by name, then merged where the text
    says two names are one: "Name (ACR)", an acronym of a name, a short form ("Northrop" after
    "Northrop Grumman"; "Apple" and "Apple Computer"), a name without its country ("the Air Force")."""
    named = {c for c, ms in enumerate(clusters.members) if ms and mentions[ms[0]].kind in ("org", "place", "group")}
    # "Government Accountability Office (GAO)"
    for m in [m for m in mentions if m.kind in ("org", "place", "group")]:
        if m.end + 2 < len(doc) and doc[m.end].text == "(" and doc[m.end + 2].text == ")":
            other = next((o for o in mentions if o.start == m.end + 1 and o.end == m.end + 2), None)
            if other is not None and other.cluster in named and other.cluster != m.cluster and _is_acronym(doc[m.end + 1].text):
                clusters.merge(m.cluster, other.cluster, mentions)
    first = {c: min(mentions[i].start for i in ms) for c, ms in enumerate(clusters.members) if ms}
    keys = {c: {mentions[i].key[5:] for i in clusters.members[c]} for c in named if clusters.members[c]}
    words = {c: [k.split() for k in ks] for c, ks in keys.items()}
    for c, ws in sorted(words.items(), key=lambda x: first[x[0]]):
        if not clusters.members[c]:
            continue
        for w in ws:
            targets, weak = set(), set()
            for o, ows in words.items():
                if o == c or not clusters.members[o]:
                    continue
                for ow in ows:
                    if len(ow) <= len(w):
                        continue
                    rest = ow[len(w) :] if ow[: len(w)] == w else None
                    if len(w) == 1 and _initials(ow) == w[0] and len(w[0]) >= 2:
                        targets.add(o)  # an acronym
                    elif rest is not None and all(x in lex.org_descriptors for x in rest):
                        targets.add(o)  # a short form: "Apple" / "Apple Computer"
                    elif rest is not None and first[o] < first[c]:
                        weak.add(o)  # a short form of an earlier name: "Northrop Grumman" ... "Northrop"
                    elif ow[-len(w) :] == w and " ".join(ow[: -len(w)]) in lex.state_keys:
                        targets.add(o)  # "US Air Force" / "the Air Force"
            targets = {clusters.find(t) for t in targets or weak}
            if len(targets) == 1:
                t = targets.pop()
                if t != c:
                    clusters.merge(t, c, mentions)
                break


def _is_acronym(text: str) -> bool:
    return 2 <= len(text.replace(".", "")) <= 8 and text.replace(".", "").replace("&", "").isalpha() and text.isupper()


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w not in {"of", "and", "the", "for", "de", "du", "des", "&"})


# --------------------------------------------------------------------------- countries


def _state_in(doc: Doc, tokens: list[int], tok2m: dict[int, Mention], skip: Mention | None = None) -> str | None:
    for t in tokens:
        m = tok2m.get(t)
        if m is not None and m is not skip and m.kind in ("state", "city", "place") and m.iso3:
            return m.iso3
    return None


def _left_modifier_country(doc: Doc, m: Mention, tok2m: dict[int, Mention]) -> str | None:
    """'Russian President Vladimir Putin', "North Korea's leader Kim": a state on the name's left,
    within its noun phrase."""
    i = (m.title_start if m.title_start >= 0 else m.start) - 1
    steps = 0
    while i >= 0 and steps < 6:
        tok = doc[i]
        if tok.is_space or "\n" in tok.whitespace_:
            return None
        other = tok2m.get(i)
        if other is not None:
            return other.iso3 if other.kind in ("state", "city") else None
        if tok.pos_ not in _NP_TAGS and tok.text not in POSSESSIVE and tok.text not in HYPHENS:
            return None
        if tok.lower_ in ("a", "an"):
            return None
        i -= 1
        steps += 1
    return None


def _principal_country(doc: Doc, m: Mention, tok2m: dict[int, Mention], country: dict[int, str | None], own: int) -> str | None:
    """The country of a person named in the possessive before a role before this name."""
    i = (m.title_start if m.title_start >= 0 else m.start) - 1
    steps = 0
    while i >= 1 and steps < 5:
        tok = doc[i]
        if tok.text in POSSESSIVE:
            other = tok2m.get(i - 1)
            if other is not None and other.kind == "person" and other.cluster != own:
                return country.get(other.cluster)
            return None
        if tok.pos_ not in ("NOUN", "ADJ", "PROPN") or tok.i in tok2m or "\n" in tok.whitespace_:
            return None
        i -= 1
        steps += 1
    return None


def _country_of_person(doc: Doc, m: Mention, tok2m: dict[int, Mention], org_country: dict[int, str | None]) -> str | None:
    c = _left_modifier_country(doc, m, tok2m)
    if c:
        return c
    root = m.span(doc).root
    phrases = [ch for ch in root.children if ch.dep_ == "appos" or (ch.dep_ == "prep" and ch.lower_ in ("of", "from"))]
    if root.dep_ == "appos":
        phrases.append(root.head)
    for ph in phrases:
        sub = (
            [t.i for t in ph.subtree if not (m.start <= t.i < m.end)]
            if ph is not root.head
            else [ph.i, *(t.i for t in ph.children if t.dep_ in ("amod", "compound", "poss"))]
        )
        sub = [t for t in sub if _affiliation_path(doc[t], ph)]
        c = _state_in(doc, sub, tok2m)
        if c:
            return c
        for t in sub:
            o = tok2m.get(t)
            if o is not None and o.kind == "org" and org_country.get(o.cluster):
                return org_country[o.cluster]
    return None


AFFILIATION_PREPS = {"in", "at", "of", "from", "for", "with"}


def _affiliation_path(tok: Token, top: Token) -> bool:
    """'a professor at X in South Korea' says where the person is; 'an expert on Iran' does not."""
    steps = 0
    while tok.i != top.i and steps < 12:
        if tok.pos_ == "ADP" and tok.lower_ not in AFFILIATION_PREPS:
            return False
        if tok.head.i == tok.i:
            return True
        tok = tok.head
        steps += 1
    return True


def _country_of_org(doc: Doc, m: Mention, tok2m: dict[int, Mention], nested: list[Mention], lex: Lexicon) -> str | None:
    span = m.span(doc)
    for tok in span:  # "X in South Korea", "X of Russia", "based in Y"
        for ch in tok.children:
            if ch.i >= m.end and ch.dep_ == "prep" and ch.lower_ in ("in", "of", "from", "at"):
                c = _state_in(doc, [t.i for t in ch.subtree], tok2m)
                if c:
                    return c
    c = _left_modifier_country(doc, m, tok2m)
    if c:
        return c
    for n in nested:  # a country or city in the name; a demonym only in front ("Russian Academy")
        if m.start <= n.start and n.end <= m.end and n.iso3 and (n.key != "demonym" or n.start == m.start):
            return n.iso3
    for tok in span:
        if tok.text in lex.places:
            return lex.places[tok.text]
    return None


# --------------------------------------------------------------------------- descriptions


def find_descriptions(doc: Doc, tok2m: dict[int, Mention], matcher: PhraseMatcher) -> list[Mention]:
    """Definite descriptions of a state's leader or official: 'the Kremlin leader', 'the Russian head
    of state', "Russia's president", 'the president of the DPRK'. Not titles before a name."""
    found = filter_spans([doc[s:t] for _, s, t in matcher(doc)])
    out = []
    for r in found:
        last = doc[r.end - 1]
        if last.pos_ not in ("NOUN", "PROPN") or any(t.i in tok2m for t in r):
            continue
        nxt = doc[r.end] if r.end < len(doc) else None
        if nxt is not None and ((nxt.i in tok2m and tok2m[nxt.i].kind == "person") or nxt.pos_ == "PROPN"):
            continue  # a title: "Russian President Vladimir Putin"
        if (nxt is not None and nxt.text not in POSSESSIVE and nxt.dep_ == "compound") or last.dep_ == "compound":
            continue
        role = r.text.lower()
        before = tok2m.get(r.start - 1)
        if before is not None and before.kind == "state":
            if before.start >= 1 and doc[before.start - 1].lower_ == "the":
                out.append(Mention(before.start - 1, r.end, "PERSON", "desc", iso3=before.iso3, role=role))
        elif r.start >= 2 and doc[r.start - 1].text in POSSESSIVE and tok2m.get(r.start - 2) is not None:
            st = tok2m[r.start - 2]
            if st.kind == "state":
                out.append(Mention(st.start, r.end, "PERSON", "desc", iso3=st.iso3, role=role))
        elif r.start >= 1 and doc[r.start - 1].lower_ == "the":
            j = r.end
            if j < len(doc) and doc[j].lower_ == "of":
                j += 1 + (j + 1 < len(doc) and doc[j + 1].lower_ == "the")
                st = tok2m.get(j)
                if st is not None and st.kind == "state" and st.start == j:
                    out.append(Mention(r.start - 1, st.end, "PERSON", "desc", iso3=st.iso3, role=role))
            else:
                out.append(Mention(r.start - 1, r.end, "PERSON", "desc", iso3=None, role=role))
    return out


def _link_description(
    d: Mention, mentions: list[Mention], clusters: Clusters, country: dict[int, str | None], sent_of: list[int], doc: Doc
) -> int | None:
    """The named person a description denotes: compatible country, the same title, mentioned just
    before (the subject of the sentence before weighs most), salient. None unless the text supports it."""
    s = sent_of[d.start]
    best, best_score = None, 0.0
    for c, members in enumerate(clusters.members):
        ms = [mentions[i] for i in members]
        if not ms or ms[0].kind != "person":
            continue
        before = [m for m in ms if m.start < d.start]
        if not before:
            continue
        known = country.get(c)
        if d.iso3 and known and known != d.iso3:
            continue
        score = 0.0
        if d.iso3 and known == d.iso3:
            score += 4
        titles = {t for m in ms for t in m.titles}
        if d.role in titles:
            score += 5
        near = [m for m in before if s - sent_of[m.start] <= 1]
        if near:
            score += 2
            if any(doc[m.start : m.end].root.dep_ in ("nsubj", "nsubjpass") for m in near):
                score += 1
        if d.iso3 is None and d.role not in titles:
            continue  # "the president" alone: only a person the text titles so
        score += 0.2 * min(len(before), 5)
        if score > best_score:
            best, best_score = c, score
    return best if best_score >= 2 else None


# --------------------------------------------------------------------------- the component


class Actors:
    def __init__(self, nlp: Language) -> None:
        lex = lexicon()
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.names.add("GAZ", list(nlp.tokenizer.pipe(lex.terms)))
        self.roles = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.roles.add("ROLE", list(nlp.tokenizer.pipe(lex.leader_roles)))

    def __call__(self, doc: Doc) -> Doc:
        lex = lexicon()
        mentions, nested = find_mentions(doc, lex, self.names)
        mentions = sorted(mentions + _acronyms(doc, mentions, lex), key=lambda m: m.start)
        sent_of = _sentence_of(doc)
        clusters = Clusters()
        for i, m in enumerate(mentions):
            if m.kind in ("state", "city", "place", "group", "org"):
                m.cluster = clusters.add(m.key, i)
        _cluster_people(doc, mentions, sent_of, clusters, lex)
        for m in _recover_surnames(doc, mentions, clusters, lex):
            mentions.append(m)
            clusters.members[m.cluster].append(len(mentions) - 1)
        # a lone word the model tagged as an organisation or place that is a known person's surname
        surname_of = {}
        for c, members in enumerate(clusters.members):
            for i in members:
                if mentions[i].kind == "person":
                    p = _name_parts(doc, mentions[i], lex)
                    if len(p) >= 2:
                        surname_of.setdefault(p[-1], set()).add(c)
        for i, m in enumerate(mentions):
            word = skeleton(fold(doc[m.start].text))
            if m.kind in ("org", "place", "group") and m.end - m.start == 1 and len(surname_of.get(word, ())) == 1:
                m.kind, m.label = "person", "PERSON"
                clusters.members[m.cluster].remove(i)
                m.cluster = next(iter(surname_of[word]))
                clusters.members[m.cluster].append(i)
        _cluster_orgs(doc, mentions, clusters, lex)
        for m in _recover_names(doc, mentions):
            mentions.append(m)
            clusters.members[m.cluster].append(len(mentions) - 1)
        tok2m = {t: m for m in mentions for t in range(m.start, m.end)}

        country: dict[int, str | None] = {}
        for c, members in enumerate(clusters.members):
            ms = [mentions[i] for i in members]
            if ms and ms[0].kind in ("state", "city", "place"):
                country[c] = next((m.iso3 for m in ms if m.iso3), None)
        for c, members in enumerate(clusters.members):
            ms = [mentions[i] for i in members]
            if ms and ms[0].kind == "org":
                country[c] = next((x for m in ms if (x := _country_of_org(doc, m, tok2m, nested, lex))), None)
        for c, members in enumerate(clusters.members):
            ms = sorted((mentions[i] for i in members), key=lambda m: m.start)
            if ms and ms[0].kind == "person":
                country[c] = next((x for m in ms if (x := _country_of_person(doc, m, tok2m, country))), None)
        for c, members in enumerate(clusters.members):  # "Putin's adviser Yuri Ushakov": his principal's country
            ms = sorted((mentions[i] for i in members), key=lambda m: m.start)
            if ms and ms[0].kind == "person" and not country.get(c):
                country[c] = next((x for m in ms if (x := _principal_country(doc, m, tok2m, country, c))), None)

        for d in find_descriptions(doc, tok2m, self.roles):
            c = _link_description(d, mentions, clusters, country, sent_of, doc)
            if c is None:
                continue
            d.cluster = c
            mentions.append(d)
            clusters.members[c].append(len(mentions) - 1)
            if d.iso3 and not country.get(c):
                country[c] = d.iso3

        base.put(doc, "entities", self._entities(doc, mentions, clusters, country, lex))
        self._set_ents(doc, mentions)
        return doc

    def _entities(self, doc: Doc, mentions: list[Mention], clusters: Clusters, country: dict, lex: Lexicon) -> list[Entity]:
        made = []
        for c, members in enumerate(clusters.members):
            ms = sorted({(mentions[i].start, mentions[i].end): mentions[i] for i in members}.values(), key=lambda m: m.start)
            if not ms:
                continue
            names = [m for m in ms if m.kind != "desc"] or ms
            kinds = Counter(m.kind for m in names)
            kind = kinds.most_common(1)[0][0]
            if kind == "state":
                iso3 = next(m.iso3 for m in names if m.kind == "state")
                name, etype = lex.state_names.get(iso3, iso3), "GPE"
            else:
                texts = [doc[m.start : m.end].text for m in names]
                longest = max(len(fold(t).split()) for t in texts)
                counts = Counter(t for t in texts if len(fold(t).split()) == longest)
                name = max(counts, key=lambda t: (counts[t], -texts.index(t)))
                etype = Counter(m.label for m in names).most_common(1)[0][0]
            spans = [_grounded(doc, m) for m in ms]
            made.append((spans[0].start, name, etype, country.get(c), spans))
        made.sort(key=lambda x: x[0])
        return [Entity(id=f"e{k}", name=n, type=t, country=co, mentions=sp) for k, (_, n, t, co, sp) in enumerate(made, 1)]

    def _set_ents(self, doc: Doc, mentions: list[Mention]) -> None:
        """Hand the repaired names on to later components through doc.ents (other labels kept)."""
        names = filter_spans([Span(doc, m.start, m.end, label=m.label) for m in mentions if m.kind != "desc"])
        taken = {t for s in names for t in range(s.start, s.end)}
        keep = [e for e in doc.ents if e.label_ not in ACTOR_LABELS and not taken.intersection(range(e.start, e.end))]
        with contextlib.suppress(ValueError):
            doc.ents = sorted(keep + names, key=lambda s: s.start)


@Language.factory("newsbrief_actors", assigns=["doc._.nb_entities", "doc.ents"])
def make_actors(nlp: Language, name: str) -> Actors:
    return Actors(nlp)
