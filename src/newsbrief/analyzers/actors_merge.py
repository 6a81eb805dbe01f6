"""Alias merging for the actors component: mentions grouped into one cluster per actor (a person's
full name, surname and transliterations; an organisation's name, short form and acronym), and the
untagged surnames and names recovered on the way; kept apart from actors.py, which only orders
these steps."""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.tokens import Doc

from newsbrief.analyzers.actors_lexicon import ACTOR_LABELS, NAME_PARTICLES, Lexicon, fold
from newsbrief.analyzers.actors_mentions import Mention, _is_acronym, _name_key, _titles_before, _words

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


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w not in {"of", "and", "the", "for", "de", "du", "des", "&"})
