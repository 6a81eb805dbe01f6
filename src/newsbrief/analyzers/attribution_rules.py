"""Cues found in the parse: reporting verbs, prepositional cues ("according to X", "in his opinion"),
noun cues that open a list ("X made several statements:"), each with its source and content.

The word lists live in resources/attribution/cues.json (tuned on PolNeAR train); this module only
knows dependency shapes. Everything here is linear in the number of tokens.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsbrief.resources import load_json

CUES = load_json("attribution/cues.json")
VERBS: dict[str, dict] = CUES["verbs"]
PREP_CUES: list[list[str]] = [p.split() for p in CUES["prepositional"]]
OPINION_NOUNS = frozenset(CUES["opinion_nouns"])
LIST_NOUNS = frozenset(CUES["list_nouns"])
NOUN_CUES: dict[str, list[str]] = CUES["noun_cues"]
NOUN_CUE_VERBS = frozenset(CUES["noun_cue_verbs"])
ADJ_CUES: dict[str, list[str]] = CUES.get("adjective_cues", {})
SUBJ = {"nsubj", "csubj", "expl"}
EDGE_PUNCT = set(" \t\n\r,;:.-\u2014\u2013")


@dataclass
class Found:
    """One attribution before speakers are resolved; offsets are characters."""

    content: tuple[int, int]
    source: Span | None = None
    cue: tuple[int, int] | None = None
    kind: str = "indirect"
    fragments: list[tuple[int, int]] | None = None
    speech: bool = False  # a verb of saying (may introduce direct speech), not of belief
    role: tuple[int, int] | None = None  # a role the cue itself gives ('"..." \u2014 Name, role')
    inherit: Found | None = None  # takes its speaker from this one (list items, unmarked speech)
    nested_ok: bool = False  # stays when it stands inside another attribution's content ("according to X")
    verb: Token | None = field(default=None, repr=False)


def doc_text(doc: Doc) -> str:
    """The doc's text, built once: `Doc.text` joins every token on each call."""
    text = doc.user_data.get("nb_text")
    if text is None:
        text = doc.user_data["nb_text"] = doc.text
    return text


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Characters without the spaces and clause punctuation at both ends."""
    text = doc_text(doc)
    while start < end and (text[start] in EDGE_PUNCT or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in EDGE_PUNCT or text[end - 1].isspace()):
        end -= 1
    if not any(ch.isalnum() for ch in text[start:end]):
        return start, start
    return start, end


def subtree_chars(tok: Token) -> tuple[int, int]:
    left, right = tok.left_edge, tok.right_edge
    return left.idx, right.idx + len(right.text)


APPOS_MARKS = frozenset({",", "\u2014", "\u2013", "-", "--"})
TIME_MARKS = frozenset({"as", "while", "when", "after", "before", "since", "until"})


def content_chars(tok: Token, cue: Token | None = None) -> tuple[int, int]:
    """A content clause's subtree, cut before what the source did not say: a cue of its own that trails
    it ("he won, claiming that ..."; "said X and called Y", where the parser hung the second cue on X),
    a trailing non-restrictive relative clause (", who leads the race"), and for a phrase (not a clause)
    a trailing time clause ("to ban cloning as Congress debated")."""
    left, right = tok.left_edge, tok.right_edge
    end = right.idx + len(right.text)
    for c in tok.rights:
        if c.left_edge.i <= tok.i or c.pos_ not in ("VERB", "AUX") or (cue is not None and c.i == cue.i):
            continue
        says = bool(VERBS.get(c.lemma_.lower(), {}).get("speech"))
        own_cue = c.dep_ in ("advcl", "parataxis") and says
        second_cue = (
            c.dep_ == "conj"
            and cue is not None
            and says
            and c.tag_ == cue.tag_
            and not any(g.dep_ in SUBJ for g in c.children)
        )
        time_clause = (
            tok.dep_ != "ccomp" and c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in TIME_MARKS for g in c.children)
        )
        new_clause = (
            c.dep_ == "conj"
            and tok.dep_ == "ccomp"
            and c.i > 1
            and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            and not any(g.dep_ == "mark" for g in c.children)
            and c.doc[c.left_edge.i - 1].dep_ == "cc"
            and c.doc[c.left_edge.i - 2].text == ","
        )
        if new_clause:  # "said X is Y, and he railed against Z": the reporter's own next clause
            end = min(end, c.doc[c.left_edge.i - 2].idx)
            break
        if own_cue or second_cue or time_clause:
            end = min(end, c.left_edge.idx)
            break
    doc = tok.doc
    while right.i > tok.i and (right.is_punct or right.is_space):
        right = doc[right.i - 1]
    for t in doc[tok.left_edge.i : right.i + 1]:
        if t.dep_ == "relcl" and t.right_edge.i == right.i and t.left_edge.i > tok.i and doc[t.left_edge.i - 1].text == ",":
            end = min(end, doc[t.left_edge.i - 1].idx)
            break
        if (
            t.dep_ == "appos"
            and t.right_edge.i == right.i
            and t.left_edge.i > tok.i + 1
            and doc[t.left_edge.i - 1].text in APPOS_MARKS
            and t.head.i > tok.i
            and t.pos_ == "NOUN"
            and (doc[t.left_edge.i].lower_ in ("a", "an", "the") or doc[t.left_edge.i - 1].text != ",")
        ):  # "said he wants X — a proposal he has raised before": the reporter's gloss on X
            end = min(end, doc[t.left_edge.i - 1].idx)
            break
    return left.idx, end


def _passive(v: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children)


def _infinitive(v: Token) -> bool:
    return v.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)


def _dummy(c: Token) -> bool:
    """ "there", and "it" as a dummy subject ("it is said that"), not "it said" (a company, a report)."""
    if c.lower_ == "there":
        return True
    return c.lower_ == "it" and (c.dep_ == "expl" or _passive(c.head) or c.head.lemma_ == "be")


def _inverted_subject(v: Token) -> Token | None:
    """ "'...,' added another official": the parser takes the inverted subject of a verb of saying
    for its object when the said clause comes first."""
    spec = VERBS.get(v.lemma_.lower())
    if not spec or not spec.get("speech") or any(c.dep_ in SUBJ for c in v.children):
        return None
    if not any(c.dep_ == "ccomp" and c.i < v.i for c in v.children):
        return None
    return next((c for c in v.rights if c.dep_ == "dobj" and c.pos_ in ("PROPN", "NOUN")), None)


def subject_of(v: Token, depth: int = 0) -> Token | None:
    """The token naming who speaks for verb `v`: its subject, the agent of a passive ("reported by X"),
    or the subject of the clause it hangs from ("..., adding that", "said X and warned Y", "X, who argued",
    "after demonstrating that", "were likely to say"). A participle hanging from a reported clause
    belongs to the reporter: "Trump insisted that he has won, claiming ..." -> Trump."""
    for c in v.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    if not _passive(v) or depth > 0:
        for c in v.children:
            if (c.dep_ in SUBJ or (depth > 0 and c.dep_ == "nsubjpass")) and not _dummy(c):
                return c
        inverted = _inverted_subject(v)
        if inverted is not None:
            return inverted
    head, dep = v.head, v.dep_
    if (
        dep == "acl"
        and v.tag_ == "VBG"
        and head.lemma_.lower() in LIST_NOUNS
        and head.dep_ == "dobj"
        and head.head.lemma_.lower() in NOUN_CUE_VERBS | {"release", "put", "send", "publish"}
    ):
        return subject_of(head.head, depth + 1)  # "X issued a statement saying ...": X speaks
    if depth >= 5 or head.i == v.i or dep in ("ccomp", "parataxis", "ROOT"):
        return None
    if dep == "relcl":
        return head
    if dep == "acl" and v.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN", "PRON") and head.lemma_.lower() not in LIST_NOUNS:
        return head  # "voters talking about X", "anyone questioning X"
    if dep == "advcl" and head.dep_ == "ccomp" and head.head.lemma_.lower() in VERBS and (v.tag_ == "VBG" or _infinitive(v)):
        return subject_of(head.head, depth + 1)
    if depth > 0 and dep == "dobj" and v.pos_ == "NOUN" and not any(c.dep_ == "poss" for c in v.children):
        return subject_of(head, depth + 1)  # "he made a point of saying ...": who made the point
    if dep in ("conj", "xcomp", "advcl", "pcomp", "prep", "pobj", "acomp") or head.pos_ in ("ADP", "ADJ"):
        return subject_of(head, depth + 1)
    return None


def noun_phrase(doc: Doc, head: Token) -> Span:
    """The source's words: the head's subtree without a trailing relative clause or punctuation."""
    start, end = head.left_edge.i, head.right_edge.i + 1
    for c in head.rights:
        if c.dep_ in ("relcl", "acl") and c.left_edge.i > head.i:
            end = min(end, c.left_edge.i)
            break
    while end > start + 1 and (
        doc[end - 1].is_punct
        or doc[end - 1].is_space
        or doc[end - 1].dep_ == "case"
        or doc[end - 1].lower_ in ("who", "which", "that")
    ):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return doc[start:end]


def cue_chars(v: Token) -> tuple[int, int]:
    """The verb with its particle ("pointed out") or its object noun ("expressed hope")."""
    start, end = v.idx, v.idx + len(v.text)
    for c in v.rights:
        if c.dep_ == "prt" or (c.dep_ == "dobj" and c.lemma_ in LIST_NOUNS | {"hope", "concern", "fear", "confidence", "belief"}):
            end = max(end, c.idx + len(c.text))
    return start, end


def _content_child(v: Token, spec: dict) -> Token | None:
    kinds = spec.get("content", ["ccomp"])
    for dep in ("ccomp", "xcomp", "dobj", "acomp"):
        if dep not in kinds:
            continue
        for c in v.children:
            if c.dep_ == dep:
                if dep == "dobj":  # "expressed hope that X": the clause, not the noun
                    clause = next((g for g in c.children if g.dep_ in ("acl", "ccomp") and g.pos_ in ("VERB", "AUX")), None)
                    if clause is not None and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
                        return clause
                return c
    preps = spec.get("preps")
    if preps:  # "talked about X", "called for X"
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    return obj
    return _clause_of_object(v)


def _object_before(v: Token, child: Token) -> Token | None:
    """The verb's object right before its content ("urged the candidate | to dig in", "attacked Romney |
    for being ..."): PolNeAR's content holds both."""
    first = child.left_edge.i if child.dep_ == "xcomp" else child.head.i
    if child.dep_ != "xcomp" and (child.head.dep_ != "prep" or child.head.head.i != v.i):
        return None
    for c in v.children:
        if c.dep_ == "dobj" and c.right_edge.i + 1 == first:
            return c
    return None


def _clause_of_object(v: Token) -> Token | None:
    """ "expressed hope that ...": the clause hangs from the object noun."""
    for c in v.children:
        if c.dep_ == "dobj":
            for g in c.children:
                if g.dep_ in ("acl", "ccomp") and g.pos_ in ("VERB", "AUX"):
                    return g
    return None


OBJ_TAIL_PREPS = frozenset(CUES.get("object_tail_preps", []))
TIME_ENTS = frozenset({"DATE", "TIME"})


def _object_tail(v: Token, obj: Token, end: int) -> int:
    """ "announced his engagement to X", "shared a syllabus for a class", "defended the rules to limit
    traffic": the parser often hangs the object's own modifier (a phrase, an infinitive) on the verb; the
    content runs on through such a phrase right after the object."""
    last = obj.right_edge.i
    for c in v.rights:
        if c.i <= last:
            continue
        if c.left_edge.i != last + 1:
            break
        if (
            c.dep_ == "oprd"
            or (c.dep_ in ("advcl", "xcomp") and _infinitive(c))
            or (
                c.dep_ == "prep"
                and c.lower_ in OBJ_TAIL_PREPS
                and not any(g.ent_type_ in TIME_ENTS for g in c.children if g.dep_ == "pobj")
            )
        ):
            last = c.right_edge.i
            end = max(end, c.right_edge.idx + len(c.right_edge.text))
        else:
            break
    return end


def _that_conj(v: Token, comp: Token, end: int) -> int:
    """ "told them that X and that Y": a second "that" clause the parser hung on the cue is said too."""
    last = comp.right_edge.i
    for c in v.rights:
        if c.i <= last:
            continue
        if c.dep_ in ("cc", "punct") and c.i == last + 1:
            last = c.i
            continue
        if (
            c.dep_ in ("conj", "ccomp")
            and c.left_edge.i == last + 1
            and (
                any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
                or (c.dep_ == "ccomp" and c.i - last <= 3)  # "say they do | n't know": the parser split one clause
            )
        ):
            return max(end, c.right_edge.idx + len(c.right_edge.text))
        break
    return end


def _to_sentence_end(v: Token, comp: Token, end: int) -> int:
    """ "said he didn't know X before he announced, but now he plans Y": what the parser hung on the cue
    after its clause is still said; the content runs to the sentence end unless a cue of its own or a
    quote's cue ("he said", "adding") comes first."""
    doc = v.doc
    sent = v.sent
    if v.right_edge.i + 1 < sent.end:  # a cue inside a relative or adverbial clause: only to its end
        sent = doc[sent.start : v.right_edge.i + 1]
    last = comp.right_edge.i
    for t in doc[last + 1 : sent.end]:
        if t.lemma_.lower() in VERBS and t.pos_ in ("VERB", "AUX"):
            return end
        if t.lower_ == "according":
            return end
    stop = sent.end - 1
    while stop > last and (doc[stop].is_punct or doc[stop].is_space):
        stop -= 1
    if stop <= last:
        return end
    return max(end, doc[stop].idx + len(doc[stop].text))


REASON_MARKS = frozenset(CUES.get("reason_marks", []))


def _reason_after(v: Token, child: Token) -> tuple[int, int] | None:
    """ "He leans toward X, he said, because he prizes Y": a clause the cue's words come before, and a
    reason or condition after the cue that the parser hung on it; the speaker said both."""
    if child.dep_ != "ccomp" or child.i > v.i or child.head.i != v.i:
        return None
    doc = v.doc
    for c in v.rights:
        if c.dep_ != "advcl" or doc[c.left_edge.i - 1].text != ",":
            continue
        if any(g.dep_ == "mark" and g.lower_ in REASON_MARKS for g in c.children):
            a, b = trim(doc, c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text))
            return (a, b) if b > a else None
    return None


def _bare_participle(v: Token) -> bool:
    """ "Asked about the deal, Trump said ...", "..., he said when asked about it": a passive participle
    clause with no subject of its own has no source (the one asking is not named)."""
    return (
        v.tag_ == "VBN"
        and v.dep_ == "advcl"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "agent", "aux", "auxpass") for c in v.children)
    )


def verb_cues(doc: Doc) -> list[Found]:
    """Reporting and belief verbs with a content: their clause, or for a verb set inside its own
    content ("The economy, he said, is strong") the clause around it."""
    out: list[Found] = []
    for v in doc:
        if v.pos_ not in ("VERB", "AUX"):
            continue
        spec = VERBS.get(v.lemma_.lower())
        if spec is None:
            continue
        subj = subject_of(v) if not _bare_participle(v) else None
        content: tuple[int, int] | None = None
        fragments = None
        child = _content_child(v, spec)
        if child is not None:
            s, e = content_chars(child, v)
            if child.dep_ == "dobj" and child.head.i == v.i:
                e = _object_tail(v, child, e)
            elif child.dep_ == "ccomp" and child.head.i == v.i:
                e = _that_conj(v, child, e)
                if child.i > v.i:
                    e = _to_sentence_end(v, child, e)
            if child.dep_ == "xcomp" and subj is not None and not spec.get("xcomp_alone"):
                pass
            obj = _object_before(v, child) if child.dep_ in ("xcomp", "pobj", "pcomp") else None
            if obj is not None:
                s = min(s, obj.left_edge.idx)
            content = trim(doc, s, e)
            tail = _reason_after(v, child) if spec.get("speech") else None
            if tail is not None and content[1] > content[0]:
                content, fragments = (content[0], tail[1]), [content, tail]
            if spec.get("raising") and child.dep_ in ("xcomp", "acomp") and subj is not None and subj.i < v.i:
                # "he appeared to be laying the groundwork": no one speaks; the subject is part of the content
                content, subj = trim(doc, subj.left_edge.idx, e), None
            elif (
                spec.get("raising_passive")
                and child.dep_ == "xcomp"
                and _passive(v)
                and not any(c.dep_ == "agent" for c in v.children)
            ):
                # "the senator is expected to resign": the content holds its subject; no source unless "by X"
                # (not the antecedent of "which is expected to", nor the subject of a conjoined verb)
                subj = None
                pas = next((c for c in v.children if c.dep_ == "nsubjpass" and c.i < v.i), None)
                if pas is not None:
                    content = trim(doc, pas.left_edge.idx, e)
            elif _passive(v) and child.dep_ in ("pobj", "pcomp", "xcomp", "oprd") and child.i > v.i:
                # "the attack was portrayed by the White House as a protest": what is said holds its subject
                pas = next((c for c in v.children if c.dep_ == "nsubjpass" and c.i < v.i), None)
                if pas is not None and pas.pos_ != "PRON":
                    content = trim(doc, pas.left_edge.idx, e)
        elif (
            spec.get("speech")
            and v.dep_ in ("parataxis", "ccomp", "advcl")
            and v.head.pos_ in ("VERB", "AUX")
            and v.head.left_edge.i < v.left_edge.i
            and v.right_edge.i < v.head.right_edge.i
        ):
            # "The economy, he said, is strong", "A wall would stop crime, she said, but also drugs": the
            # clause around the cue, without it
            hs, he = content_chars(v.head, v)
            vs, ve = subtree_chars(v)
            a, b = trim(doc, hs, vs), trim(doc, ve, he)
            if a[1] > a[0] and b[1] > b[0]:
                content, fragments = (a[0], b[1]), [a, b]
        elif (
            spec.get("speech")
            and v.dep_ == "parataxis"
            and v.head.pos_ in ("VERB", "AUX")
            and v.head.i > v.right_edge.i
            and subj is not None
            and v.left_edge.i <= subj.i < v.i
        ):
            # "Instead, Trump told CNN, his policy would be X": the clause after the cue, with what opens the
            # sentence before the cue's subject
            b = trim(doc, subtree_chars(v)[1], content_chars(v.head, v)[1])
            a = trim(doc, v.left_edge.idx, subj.left_edge.idx)
            if b[1] > b[0]:
                content, fragments = ((a[0], b[1]), [a, b]) if a[1] > a[0] else (b, None)
        out.append(
            Found(
                content=content if content and content[1] > content[0] else (-1, -1),
                source=noun_phrase(doc, subj) if subj is not None else None,
                cue=cue_chars(v),
                speech=bool(spec.get("speech")),
                fragments=fragments,
                verb=v,
            )
        )
    return out


def _rest_of_sentence(doc: Doc, sent: Span, start_tok: int, end_tok: int) -> tuple[tuple[int, int], list | None]:
    """The sentence without tokens [start_tok, end_tok): the content around a prepositional cue."""
    a = trim(doc, sent.start_char, doc[start_tok].idx) if start_tok > sent.start else (0, 0)
    last = doc[end_tok - 1]
    b = trim(doc, last.idx + len(last.text), sent.end_char) if end_tok < sent.end else (0, 0)
    parts = [p for p in (a, b) if p[1] - p[0] > 0]
    if not parts:
        return (-1, -1), None
    if len(parts) == 1:
        return parts[0], None
    return (parts[0][0], parts[1][1]), parts


def prepositional_cues(doc: Doc) -> list[Found]:
    """ "according to X, ...", "in his opinion, ...", "in the view of X": the rest of the sentence."""
    out: list[Found] = []
    for sent in doc.sents:
        toks = list(sent)
        lowers = [t.lower_ for t in toks]
        for i, t in enumerate(toks):
            for pat in PREP_CUES:
                if lowers[i : i + len(pat)] == pat:
                    head = toks[i + len(pat) - 1]
                    pobj = next((c for c in head.children if c.dep_ == "pobj"), None)
                    if pobj is None:
                        continue
                    src = noun_phrase(doc, pobj)
                    end_tok = max(src.end, toks[i + len(pat) - 1].i + 1)
                    if sent.root.i < t.i:
                        # "X did Y, according to Z[, tail]": the clause before the cue, not Z's tail
                        end_tok = sent.end
                    content, frags = _rest_of_sentence(doc, sent, t.i, end_tok)
                    cue_end = head.idx + len(head.text)
                    out.append(Found(content=content, source=src, cue=(t.idx, cue_end), fragments=frags, nested_ok=True))
            # "in his opinion", "in Smith's view"
            if t.lower_ == "in" and i + 1 < len(toks):
                noun = next((c for c in t.children if c.dep_ == "pobj" and c.lemma_.lower() in OPINION_NOUNS), None)
                if noun is None:
                    continue
                owner = next((c for c in noun.children if c.dep_ == "poss"), None)
                if owner is None:
                    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                    owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
                if owner is None:
                    continue
                src = doc[owner.i : owner.i + 1] if owner.pos_ == "PRON" else noun_phrase(doc, owner)
                end_tok = max(noun.right_edge.i + 1, src.end)
                content, frags = _rest_of_sentence(doc, sent, t.i, end_tok)
                out.append(
                    Found(
                        content=content,
                        source=src,
                        cue=(t.idx, doc[end_tok - 1].idx + len(doc[end_tok - 1].text)),
                        fragments=frags,
                    )
                )
    return out


def list_cues(doc: Doc) -> list[tuple[Found, Span]]:
    """Noun cues that announce statements ("X made several statements", "his main theses:"): the cue
    with its source, and the sentence it stands in (the list follows that line)."""
    out = []
    for t in doc:
        if t.lemma_.lower() not in LIST_NOUNS or t.pos_ != "NOUN":
            continue
        owner = next((c for c in t.children if c.dep_ == "poss"), None)
        verb = t.head if t.dep_ == "dobj" else None
        if owner is None and verb is not None:
            owner = subject_of(verb)
        if owner is None:
            continue
        start = verb.idx if verb is not None and verb.i < t.i else t.left_edge.idx
        src = doc[owner.i : owner.i + 1] if owner.pos_ == "PRON" else noun_phrase(doc, owner)
        out.append((Found(content=(-1, -1), source=src, cue=(start, t.idx + len(t.text)), speech=True), t.sent))
    return out


def noun_cues(doc: Doc) -> list[Found]:
    """ "his criticism of X", "Smith's claim that Y", "X voiced concern that Y": the owner says the content."""
    out: list[Found] = []
    for t in doc:
        preps = NOUN_CUES.get(t.lemma_.lower()) if t.pos_ == "NOUN" else None
        if not preps or (t.dep_ == "dobj" and t.head.lemma_.lower() in VERBS):
            continue  # "expressed hope that ...": the verb's cue already has it
        owner = next((c for c in t.children if c.dep_ == "poss"), None)
        if owner is None and t.dep_ == "dobj" and t.head.lemma_.lower() in NOUN_CUE_VERBS:
            owner = subject_of(t.head)
        if owner is None:
            continue
        content = None
        for c in t.rights:
            if c.dep_ == "prep" and c.lower_ in preps:
                obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    content = content_chars(obj)
            elif (
                "that" in preps
                and c.dep_ in ("acl", "ccomp")
                and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
            ):
                content = content_chars(c)
            if content is not None:
                break
        if content is None:
            continue
        content = trim(doc, *content)
        if content[1] <= content[0]:
            continue
        src = doc[owner.i : owner.i + 1] if owner.pos_ == "PRON" else noun_phrase(doc, owner)
        out.append(Found(content=content, source=src, cue=(t.idx, t.idx + len(t.text))))
    return out


def adjective_cues(doc: Doc) -> list[Found]:
    """ "X is confident that Y", "she was critical of Y", "they are eager to Z": a stance adjective's
    clause or prepositional object is what its subject holds."""
    out: list[Found] = []
    for t in doc:
        preps = ADJ_CUES.get(t.lower_) if t.pos_ == "ADJ" else None
        if not preps or t.dep_ not in ("acomp", "amod", "advcl", "conj", "ccomp", "oprd"):
            continue
        content = None
        for c in t.rights:
            if c.dep_ == "prep" and c.lower_ in preps:
                obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    content = content_chars(obj)
            elif c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX"):
                that = any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
                to = any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
                if ((that or c.dep_ == "ccomp") and "that" in preps) or (to and "to" in preps):
                    content = content_chars(c)
            if content is not None:
                break
        if content is None:
            continue
        content = trim(doc, *content)
        subj = subject_of(t)
        if content[1] <= content[0] or subj is None:
            continue
        src = doc[subj.i : subj.i + 1] if subj.pos_ == "PRON" else noun_phrase(doc, subj)
        out.append(Found(content=content, source=src, cue=(t.idx, t.idx + len(t.text))))
    return out
