"""Who said what: the brief's `attributions` (quotes, reported speech, beliefs) with speakers and roles.

The cues come from attribution_rules (reporting verbs, "according to X", noun cues that open a list)
and the quotation marks from attribution_quotes; this module joins them: a quote takes the cue of its
sentence (or of the line before it that ends with a colon), a cue's content grows to cover the quotes it
touches (a quote split around its cue becomes one content with fragments), a list announced by a noun
cue gives one attribution per item, and a passage in the first/second person right after a speaker's
cue is that speaker's unmarked direct speech. Speakers are resolved through analyzers.resolve; the
role is the span describing the speaker (appositive, title before the name, "X's adviser"), kept per
speaker so a later pronoun inherits it. Quoted words with no speaker in reach become a check.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsbrief.analyzers import base
from newsbrief.analyzers.attribution_quotes import Quote, find_quotes
from newsbrief.analyzers.attribution_rules import (
    CUES,
    VERBS,
    Found,
    adjective_cues,
    doc_text,
    list_cues,
    noun_cues,
    noun_phrase,
    prepositional_cues,
    subject_of,
    trim,
    verb_cues,
)
from newsbrief.model import Attribution, Check, Entity
from newsbrief.model import Span as BSpan

log = logging.getLogger(__name__)

TITLES = frozenset(CUES["titles"])
FIRST_PERSON = frozenset(CUES["unmarked"]["first_person"])
SECOND_PERSON = frozenset(CUES["unmarked"]["second_person"])
PRONOUNS = frozenset(CUES["pronouns"])
BULLET = re.compile(r"^\s*(?:[-*\u2022\u2013\u2014]|\d{1,2}[.)])\s+")
WORD = re.compile(r"[A-Za-z\u2019']+")
MAX_LIST_ITEMS = 25
EMPTY_CONTENTS = frozenset(CUES.get("empty_contents", []))  # "he said that", "what she said": no claim in view
MIN_QUOTE_WORDS = 6  # shorter quoted words are names or scare quotes, not speech
ORPHAN_MIN_WORDS = 4  # a shorter quote no one says is flagged when it reads as a sentence (see _sentence_like)
MAX_CUE_GAP = 250  # the cue sentence between two quotes of one speaker
INVERTED_DEPS = frozenset({"nsubj", "dobj", "attr", "npadvmod", "oprd", "appos", "dative"})
LEAD_IN = re.compile(r"[.!?][\"'\u201d\u2019]?[ \t]+([A-Z][a-z]+,?(?:[ \t]+[a-z]+,?)?)[ \t]+$")  # '. But ', '. Instead, '


@Language.factory("newsbrief_attribution", assigns=["doc._.nb_attributions"], requires=["doc._.nb_entities"])
def make_attribution(nlp: Language, name: str) -> AttributionComponent:
    return AttributionComponent(nlp)


ParseLower = Callable[[str], "Doc | None"]  # text -> its lowercased copy, parsed
HEADLINE_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")


class AttributionComponent:
    """callable(doc) -> doc: fills nb_attributions and adds `unattributed-quote` checks."""

    def __init__(self, nlp: Language | None = None) -> None:
        self.nlp = nlp

    def parse_lower(self, text: str) -> Doc | None:
        """A headline in Title Case parses badly ("Praises" as a name): its lowercased copy, parsed."""
        if self.nlp is None:
            return None
        d = self.nlp.make_doc(text.lower())
        for name in HEADLINE_PIPES:
            if name in self.nlp.pipe_names:
                d = self.nlp.get_pipe(name)(d)
        return d

    def __call__(self, doc: Doc) -> Doc:
        try:
            found, orphans = extract(doc, self.parse_lower)
            atts = Speakers(doc).attributions(found)
        except Exception:  # a bug here must not sink the whole brief
            log.exception("attribution failed on a document of %d characters", len(doc.text))
            atts, orphans = [], []
        base.put(doc, "attributions", atts)
        if orphans:
            base.add(doc, "checks", orphans)
        return doc


# ---------------------------------------------------------------- finding


class _Lines:
    """Line starts and ends of the text, for 'the line after this one' questions."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def index(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1

    def span(self, i: int) -> tuple[int, int]:
        s = self.starts[i]
        e = self.starts[i + 1] - 1 if i + 1 < len(self.starts) else len(self.text)
        return s, e

    def next_nonempty(self, i: int, limit: int = 3) -> int:
        j = i + 1
        while j < len(self.starts) and j <= i + limit:
            s, e = self.span(j)
            if self.text[s:e].strip():
                return j
            j += 1
        return -1

    def prev_nonempty(self, i: int, limit: int = 3) -> int:
        j = i - 1
        while j >= 0 and j >= i - limit:
            s, e = self.span(j)
            if self.text[s:e].strip():
                return j
            j -= 1
        return -1


def _words(text: str) -> list[str]:
    return [w.lower().replace("\u2019", "'") for w in WORD.findall(text)]


def _cover(content: tuple[int, int], quotes: list[Quote]) -> tuple[tuple[int, int], list[tuple[int, int]] | None]:
    s = min([content[0]] + [q.start for q in quotes]) if content[0] >= 0 else min(q.start for q in quotes)
    e = max([content[1]] + [q.end for q in quotes])
    frags = [(q.start, q.end) for q in quotes] if len(quotes) > 1 and content[0] < 0 else None
    return (s, e), frags


def _kind(text: str, content: tuple[int, int], quotes: list[Quote], fragments: list[tuple[int, int]] | None = None) -> str:
    """direct when every word of the content (its fragments, when split by the cue) is inside quotation
    marks, mixed when some are, indirect when none are."""
    inside = [q for q in quotes if q.start >= content[0] and q.end <= content[1]]
    if not inside:
        return "indirect"
    outside = 0
    for s, e in fragments or [content]:
        pos = s
        for q in inside:
            if q.end <= s or q.start >= e:
                continue
            outside += sum(ch.isalnum() for ch in text[pos : max(pos, q.start)])
            pos = max(pos, q.end)
        outside += sum(ch.isalnum() for ch in text[pos:e])
    return "direct" if outside == 0 else "mixed"


def _last_word(sent: Span):
    for t in reversed(sent):
        if not t.is_space:
            return t
    return None


def _line_ends_with_colon(text: str, lines: _Lines, pos: int) -> int:
    """The line index of pos when its text ends with ':', else -1."""
    li = lines.index(pos)
    s, e = lines.span(li)
    return li if text[s:e].rstrip().endswith(":") else -1


def _block_after(text: str, lines: _Lines, li: int, quotes_by_start: dict[int, Quote]) -> list[tuple[int, int, bool]]:
    """What a line ending in a colon introduces: a quote, a list of items, or one paragraph.
    Returns (start, end, is_list_item) content spans."""
    j = lines.next_nonempty(li)
    if j < 0:
        return []
    s, e = lines.span(j)
    lead = len(text[s:e]) - len(text[s:e].lstrip())
    if s + lead in quotes_by_start:
        q = quotes_by_start[s + lead]
        return [(q.start, q.end, False)]
    items: list[tuple[int, int, bool]] = []
    bullets = bool(BULLET.match(text[s:e]))
    while j >= 0 and len(items) < MAX_LIST_ITEMS:
        s, e = lines.span(j)
        line = text[s:e]
        m = BULLET.match(line)
        if bullets != bool(m):
            break
        a, b = trim_text(text, s + (m.end() if m else 0), e)
        if b <= a:
            break
        items.append((a, b, True))
        stripped = line.rstrip()
        if not bullets and not stripped.endswith((";", ",")):
            break  # an item ending a sentence closes an unmarked list
        nxt = lines.next_nonempty(j, limit=1)
        j = nxt
    if len(items) == 1:
        return [(items[0][0], items[0][1], False)]
    return items


def trim_text(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\r\n,;:.\u2014\u2013-":
        start += 1
    while end > start and text[end - 1] in " \t\r\n,;:.\u2014\u2013-":
        end -= 1
    return start, end


def extract(doc: Doc, parse_lower: ParseLower | None = None) -> tuple[list[Found], list[Check]]:
    """All attributions of the doc (speakers unresolved), and checks for quotes no one said.
    `parse_lower(text) -> Doc` parses a lowercased headline (see _headline)."""
    text = doc_text(doc)
    lines = _Lines(text)
    quotes = find_quotes(text)
    quote_starts = [q.start for q in quotes]
    by_start = {q.start: q for q in quotes}

    def quotes_in(s: int, e: int) -> list[Quote]:
        """Quotes overlapping [s, e): also one that opened in an earlier sentence and closes in this one."""
        i = bisect.bisect_left(quote_starts, s)
        out = [quotes[i - 1]] if i > 0 and quotes[i - 1].end > s else []
        while i < len(quotes) and quotes[i].start < e:
            out.append(quotes[i])
            i += 1
        return out

    def quoted(pos: int) -> bool:
        i = bisect.bisect_right(quote_starts, pos) - 1
        return i >= 0 and quotes[i].start < pos < quotes[i].end - 1

    found: list[Found] = []
    for f in verb_cues(doc):
        v = f.verb
        if quoted(v.idx):  # a cue inside quoted words is the quoted speaker's, not the article's
            continue
        sent = v.sent
        in_sent = [q for q in quotes_in(sent.start_char, sent.end_char) if not (q.start <= v.idx < q.end)]
        if f.content[0] < 0:
            speech = [
                q
                for q in in_sent
                if len(_words(text[q.start : q.end])) >= MIN_QUOTE_WORDS or (f.speech and _quote_then_cue(text, q, sent, v.idx))
            ]
            before = _quote_before(text, quotes, quote_starts, sent) if f.speech else None
            if speech:
                f.content, f.fragments = _cover((-1, -1), speech)
            elif before is not None:  # '"...?" Trump said Friday.': the parser ended the sentence with the quote
                f.content = (before.start, before.end)
            else:
                last = _last_word(sent)
                if last is None or last.text != ":" or not f.speech:
                    continue
                after = quotes_in(last.idx, last.idx + 4)  # "X said: "..." on the same line
                if after and not text[last.idx + 1 : after[0].start].strip():
                    block = [(after[0].start, after[0].end, False)]
                else:
                    li = lines.index(last.idx)
                    if text[last.idx + 1 : lines.span(li)[1]].strip():
                        continue
                    block = _block_after(text, lines, li, by_start)
                if not block:
                    continue
                for a, b, _item in block[1:]:
                    found.append(Found(content=(a, b), source=f.source, cue=f.cue, speech=True, inherit=f))
                f.content = block[0][:2]
        else:
            touching = [q for q in in_sent if q.end > f.content[0] and q.start < f.content[1]]
            if touching:
                cs, ce = f.content
                inner = any(q.start <= cs and ce <= q.end for q in touching)
                if inner and f.cue and not f.fragments:  # split quote: the quotes around the cue
                    touching = _split_quote(text, f.cue, in_sent)
                f.content, frags = _cover(f.content, touching)
                if inner and len(touching) > 1:
                    f.fragments = [(q.start, q.end) for q in touching]
                else:
                    f.fragments = frags if frags else f.fragments
        if f.source is not None and quoted(f.source.start_char):  # '"Safety," said Grimm': the parser's subject is quoted
            outside = [
                c for c in v.children if c.dep_ in INVERTED_DEPS and c.pos_ in ("PROPN", "NOUN", "PRON") and not quoted(c.idx)
            ]
            outside.sort(key=lambda c: c.dep_ != "nsubj")
            f.source = noun_phrase(doc, outside[0]) if outside else None
        f.kind = _kind(text, f.content, quotes, f.fragments)
        found.append(f)

    for f in prepositional_cues(doc):
        if not f.cue or quoted(f.cue[0]):
            continue
        if f.content[0] >= 0 and f.cue[0] >= f.content[1]:  # '"...," she told reporters, according to Reuters'
            tok = doc.char_span(f.cue[0], f.cue[1], alignment_mode="expand")
            sent = tok[0].sent if tok is not None and len(tok) else None
            if sent is not None:
                near = [q for q in quotes_in(sent.start_char, f.cue[0]) if q.end > f.content[0] - 2]
                before = _quote_before(text, quotes, quote_starts, sent)
                if before is not None and f.content[0] <= sent.start_char + 2:
                    near = [before, *near]
                if near:
                    f.content, _ = _cover(f.content, near)
                    f.fragments = None
                    f.speech = True
        found.append(f)
    found += [f for f in noun_cues(doc) if not quoted(f.cue[0])]
    found += [f for f in adjective_cues(doc) if not quoted(f.cue[0])]
    found += _dash_signed(doc, quotes)
    found += [f for f in _colon_lines(doc, lines) if not quoted(f.cue[0])]

    for cue, sent in list_cues(doc):
        if cue.cue and quoted(cue.cue[0]):
            continue
        li = _line_ends_with_colon(text, lines, sent.start_char)
        if li < 0:
            continue
        for a, b, _item in _block_after(text, lines, li, by_start):
            found.append(Found(content=(a, b), source=cue.source, cue=cue.cue, speech=True, kind=_kind(text, (a, b), quotes)))

    found = [f for f in found if f.content[0] >= 0 and f.content[1] > f.content[0] and not _markup(text, f)]
    found = [f for f in found if text[f.content[0] : f.content[1]].strip(" .,;:").lower() not in EMPTY_CONTENTS]
    for f in found:
        if f.fragments:
            f.fragments = [fr for fr in f.fragments if f.content[0] <= fr[0] <= fr[1] <= f.content[1]] or None
        f.kind = _kind(text, f.content, quotes, f.fragments) if f.kind != "direct" or f.inherit is None else f.kind
    found = _dedupe(found)
    if parse_lower is not None:
        found += _headline(doc, lines, found, parse_lower)
    found += _colon_quotes(doc, lines, found, quotes)
    _continue_quotes(doc, lines, found, quotes)

    found = _drop_nested(found)
    found += _unmarked_speech(doc, lines, found, quotes)
    found.sort(key=lambda f: f.content)
    return found, _orphan_quotes(doc, quotes, found)


DASH_SIGNATURE = re.compile(r"[ \t]*(?:\u2014|\u2013|--?)[ \t]*([A-Z][^,\n(]{1,60})(?:,[ \t]*([^\n]{1,120}))?")


MARKUP = re.compile(r'=\s*"|[{}<>]')


def _markup(text: str, f: Found) -> bool:
    """Content or source with HTML/CSS left in the text (embedded tweets, style rules) is no one's words."""
    return bool(MARKUP.search(text, f.content[0], f.content[1])) or (
        f.source is not None and bool(MARKUP.search(text, f.source.start_char, f.source.end_char))
    )


def _dash_signed(doc: Doc, quotes: list[Quote]) -> list[Found]:
    """A quote signed with a trailing dash and a name ('"..." \u2014 Name, role')."""
    text = doc_text(doc)
    out = []
    for q in quotes:
        m = DASH_SIGNATURE.match(text, q.end)
        if m is None:
            continue
        src = doc.char_span(m.start(1), m.end(1) - (len(m.group(1)) - len(m.group(1).rstrip())), alignment_mode="expand")
        if src is None or not any(t.pos_ == "PROPN" or t.ent_type_ for t in src):
            continue
        dash = m.group(0).lstrip()
        cue_start = m.start() + len(m.group(0)) - len(dash)
        role = trim(doc, m.start(2), m.end(2)) if m.group(2) else None
        out.append(
            Found(
                content=(q.start, q.end),
                source=src,
                cue=(cue_start, cue_start + 1 + (dash[1:2] == "-")),
                kind="direct",
                speech=True,
                role=role,
            )
        )
    return out


COLON_LINE = re.compile(r"[ \t]*([^:\n]{2,60}?)[ \t]*:[ \t]+(\S[^\n]*)")
SPEAKER_TYPES = {"PERSON", "ORG", "NORP", "GPE"}


def _colon_lines(doc: Doc, lines: _Lines) -> list[Found]:
    """Headline style "Name: what they said" (a line opened by a short speaker name and a colon)."""
    text = doc_text(doc)
    out = []
    for li in range(len(lines.starts)):
        s, e = lines.span(li)
        m = COLON_LINE.match(text, s, e)
        if m is None or len(m.group(1).split()) > 6:
            continue
        src = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if src is None or any(t.is_digit for t in src):
            continue
        if (
            li > 0
            and not any(t.ent_type_ in SPEAKER_TYPES for t in src)
            and not (2 <= len(src) <= 4 and all(t.pos_ == "PROPN" for t in src))
            and not (len(src) <= 2 and src.text.isupper() and len(src.text) >= 3)
        ):  # a headline ("Poll: ...") may name any source; a transcript names speakers in capitals ("TAPPER:")
            continue
        if src[-1].ent_type_ not in SPEAKER_TYPES and src[-1].pos_ not in ("PROPN", "NOUN"):
            continue
        a, b = trim_text(text, m.start(2), m.end(2))
        if b - a < 8:
            continue
        colon = text.index(":", m.end(1))
        out.append(Found(content=(a, b), source=src, cue=(colon, colon + 1), speech=True))
    return out


MAX_HEADLINE_WORDS = 20


def _headline(doc: Doc, lines: _Lines, found: list[Found], parse_lower: ParseLower) -> list[Found]:
    """A headline "Source Verbs Content." ("Rose Bowl skywriters blast Trump", "Jeb Bush Praises Rubio"):
    the first line, one short sentence followed by more text, parsed lowercased; its main verb is the cue,
    its subject the source, what follows the verb the content. Nothing when a cue already covers it."""
    text = doc_text(doc)
    if len(lines.starts) < 2:
        return []
    s, e = trim_text(text, *lines.span(0))
    line = text[s:e]
    words = line.split()
    if not 3 <= len(words) <= MAX_HEADLINE_WORDS or re.search(r"[.!?]\s", line) or ":" in line or MARKUP.search(line):
        return []
    if any(f.content[0] < e and f.content[1] > s for f in found):
        return []
    low = parse_lower(line)
    if low is None or len(low.text) != len(line):
        return []
    root = next((t for t in low if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "VERB" or root.lemma_ not in VERBS:
        return []
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    rest = [c for c in root.rights if not c.is_punct]
    if subj is None or not rest:
        return []
    cue_end = max([root.idx + len(root.text)] + [c.idx + len(c.text) for c in root.rights if c.dep_ == "prt"])
    a, b = trim_text(text, s + cue_end, e)
    src = doc.char_span(s + subj.left_edge.idx, s + subj.right_edge.idx + len(subj.right_edge.text), alignment_mode="expand")
    if b <= a or src is None:
        return []
    return [Found(content=(a, b), source=src, cue=(s + root.idx, s + cue_end))]


def _split_quote(text: str, cue: tuple[int, int], in_sent: list[Quote]) -> list[Quote]:
    """'"A," he said, "B."': the quotes before the cue, and those after it that a comma or colon
    introduces (not a title in quotation marks: 'he said on "Meet the Press."')."""
    out = [q for q in in_sent if q.end <= cue[0]]
    prev_end = cue[1]
    for q in in_sent:
        if q.start < cue[1]:
            continue
        if not text[prev_end : q.start].rstrip().endswith((",", ":")):
            break
        out.append(q)
        prev_end = q.end
    return out or in_sent


CROSS_PARAGRAPH = True


def _cue_only(text: str, lines: _Lines, line: int, end: int) -> bool:
    """The rest of the line after `end` is short ("Trump said."): the paragraph ended with the quote's cue."""
    return len(text[end : lines.span(line)[1]].strip()) < 60


def _colon_quotes(doc: Doc, lines: _Lines, found: list[Found], quotes: list[Quote]) -> list[Found]:
    """A quote that a colon introduces ('Trump went further: "..."', 'Pollster Ann Lee:' then the quote on the
    next line), when no cue took it: the subject of the clause before the colon, or the name alone, said it."""
    text = doc_text(doc)
    spans = sorted(f.content for f in found)
    starts = [s for s, _ in spans]
    out = []
    for q in quotes:
        i = bisect.bisect_right(starts, q.start) - 1
        if i >= 0 and spans[i][0] <= q.start < spans[i][1]:
            continue
        before = text[max(0, q.start - 300) : q.start].rstrip()
        if not before.endswith(":") or len(_words(text[q.start : q.end])) < MIN_QUOTE_WORDS:
            continue
        colon = max(0, q.start - 300) + len(before) - 1
        tok = doc.char_span(colon, colon + 1, alignment_mode="expand")
        if tok is None:
            continue
        sent = tok[0].sent
        source, cue = None, (colon, colon + 1)
        root = sent.root
        subj = subject_of(root) if root.pos_ in ("VERB", "AUX") else None
        if subj is not None and (
            subj.ent_type_ in SPEAKER_TYPES or subj.pos_ in ("PROPN", "PRON") or subj.lemma_.lower() in TITLES
        ):
            source = noun_phrase(doc, subj)
            cue = (root.idx, root.idx + len(root.text))
        else:
            name = doc.char_span(sent.start_char, colon, alignment_mode="expand")
            if name is not None and 0 < len(name) <= 8 and any(t.ent_type_ in SPEAKER_TYPES for t in name):
                source = noun_phrase(doc, name.root)
        if source is None:
            continue
        out.append(Found(content=(q.start, q.end), source=source, cue=cue, kind="direct", speech=True))
    return out


def _next_paragraph_goes_on(text: str, lines: _Lines, line: int, end: int, q: Quote) -> bool:
    """The quote opens the next paragraph, and the paragraph before ended with the quote or its short cue."""
    if not CROSS_PARAGRAPH or lines.index(q.start) > lines.next_nonempty(line):
        return False
    if text[lines.span(lines.index(q.start))[0] : q.start].strip():
        return False
    return not text[end : q.start].strip() or _cue_only(text, lines, line, end)


def _continue_quotes(doc: Doc, lines: _Lines, found: list[Found], quotes: list[Quote]) -> None:
    """'"A," she said. "B."': a quoted sentence that follows a quote and its cue on the same line, with no
    cue of its own, goes on with the same speaker's words; the content grows over it (with fragments)."""
    text = doc_text(doc)
    cue_starts = sorted(f.cue[0] for f in found if f.cue)
    taken = {(f.content[0], f.content[1]) for f in found}
    starts = [q.start for q in quotes]
    for f in sorted(found, key=lambda x: x.content[0]):
        if f.cue is None or (f.kind != "direct" and not (f.speech and f.cue[0] >= f.content[1])):
            continue  # a quote, or reported words before their cue ('X is Y, he said. "..."')
        end = max(f.content[1], f.cue[1])
        i = bisect.bisect_left(starts, end)
        frags = list(f.fragments or [f.content])
        line = lines.index(f.content[0])
        while i < len(quotes):
            q = quotes[i]
            gap = text[end : q.start]
            qline = lines.index(q.start)
            lead = q.start
            if qline == line:
                if len(gap) > MAX_CUE_GAP:
                    break
                m = LEAD_IN.search(gap)
                if m is not None and len(_words(text[q.start : q.end])) >= MIN_QUOTE_WORDS:
                    lead = end + m.start(1)  # 'he said. But "..."': the new sentence opens with a word or two
                elif not gap.rstrip().endswith((".", "!", "?", ":")):
                    if len(_words(text[q.start : q.end])) < MIN_QUOTE_WORDS:
                        i += 1  # a title in quotation marks inside the cue's sentence ('told "Meet the Press."')
                        continue
                    break
            elif not _next_paragraph_goes_on(text, lines, line, end, q):
                break
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is None:
                break
            # the quote's own sentence: the parser often hangs an opening mark on the sentence before
            sent = next((t for t in span if not t.is_punct and not t.is_space), span[0]).sent
            stop = sent.end_char
            nxt = _token_after(doc, q.end)
            if nxt is not None and lines.index(nxt.idx) == qline:  # '"...?" Trump said.': its cue after its end
                stop = max(stop, nxt.sent.end_char)
            j = bisect.bisect_left(cue_starts, sent.start_char)
            if j < len(cue_starts) and cue_starts[j] < stop:
                break  # the next quote has a cue of its own
            if (q.start, q.end) in taken:
                break
            frags.append((lead, q.end))
            end = q.end
            line = lines.index(q.end - 1)
            i += 1
        if len(frags) > len(f.fragments or [f.content]):
            f.content = (f.content[0], frags[-1][1])
            f.fragments = frags


def _quote_then_cue(text: str, q: Quote, sent: Span, cue: int) -> bool:
    """'"The bullying," Wallace said': a short quote that opens its sentence with a comma and whose cue
    follows within a few words is speech, not a name or scare quotes."""
    if text[sent.start_char : q.start].strip() or q.end > cue or cue - q.end > 40:
        return False
    return text[q.start : q.end].rstrip("\"'\u201d\u2019").endswith((",", "?", "!")) or text[q.end : q.end + 1] == ","


def _quote_before(text: str, quotes: list[Quote], quote_starts: list[int], sent: Span) -> Quote | None:
    """A quote of a few words or more that ends right before the sentence, on its line."""
    i = bisect.bisect_left(quote_starts, sent.start_char) - 1
    if i < 0:
        return None
    q = quotes[i]
    if q.end > sent.start_char or text[q.end : sent.start_char].strip(" \t") or "\n" in text[q.end : sent.start_char]:
        return None
    return q if len(_words(text[q.start : q.end])) >= MIN_QUOTE_WORDS else None


def _token_after(doc: Doc, pos: int) -> Token | None:
    """The first word token at or after character `pos` (None at the end of the doc)."""
    span = doc.char_span(pos, min(len(doc_text(doc)), pos + 1), alignment_mode="expand")
    if span is None or not len(span):
        return None
    i = span[0].i if span[0].idx >= pos else span[0].i + 1
    while i < len(doc) and (doc[i].is_space or doc[i].is_punct):
        i += 1
    return doc[i] if i < len(doc) else None


def _drop_nested(found: list[Found]) -> list[Found]:
    """A cue inside another attribution's content is part of what that source said ("he said he found X
    charming"), as a cue inside quotation marks is: on PolNeAR train such nested attributions are right
    about one time in six, and the outer one holds their words anyway."""
    spans = sorted((f.content[0], f.content[1], i) for i, f in enumerate(found))
    starts = [a for a, _, _ in spans]
    out = []
    for i, f in enumerate(found):
        if f.cue is None or f.inherit is not None or f.nested_ok:
            out.append(f)
            continue
        c0, c1 = f.cue
        k = bisect.bisect_right(starts, c0)
        inside = any(
            a <= c0
            and c1 <= b
            and j != i
            and not (a <= found[j].cue[0] < b and f.content[0] <= found[j].cue[0] < f.content[1])
            and (not found[j].fragments or any(s <= c0 and c1 <= e for s, e in found[j].fragments))
            for a, b, j in spans[:k]
            if found[j].cue is not None and b > c0
        )  # (a cue between two fragments, as in '"A," he said, referring to X. "B."', is no one's words)
        if not inside:
            out.append(f)
    return out


def _dedupe(found: list[Found]) -> list[Found]:
    """One attribution per content span: the first cue found for it wins (verbs come first)."""
    out: list[Found] = []
    seen: set[tuple[int, int]] = set()
    for f in found:
        if f.content not in seen:
            seen.add(f.content)
            out.append(f)
    return out


def _unmarked_speech(doc: Doc, lines: _Lines, found: list[Found], quotes: list[Quote]) -> list[Found]:
    """A line in the first person, addressed to someone, with no quotation marks, right after a line in
    which a named speaker speaks: that speaker's words."""
    text = doc_text(doc)
    speech_lines: dict[int, Found] = {}
    for f in found:
        if f.speech and f.source is not None and f.cue is not None:
            speech_lines[lines.index(f.cue[0])] = f
    own = [f for f in found if f.source is None or f.source.text.lower() not in FIRST_PERSON]  # "we agreed" inside is nested
    covered = {lines.index(f.content[0]) for f in own} | {lines.index(f.content[1] - 1) for f in own}
    quoted_lines = {lines.index(q.start) for q in quotes}
    out = []
    for li, f in speech_lines.items():
        j = lines.next_nonempty(li, limit=2)
        if j < 0 or j in covered or j in quoted_lines:
            continue
        s, e = lines.span(j)
        words = set(_words(text[s:e]))
        if words & FIRST_PERSON and (words & SECOND_PERSON or len(words & FIRST_PERSON) >= 2):
            a, b = trim_text(text, s, e)
            out.append(Found(content=(a, b), kind="direct", speech=True, inherit=f))
    return out


def _sentence_like(quote: str) -> bool:
    """A short quote that reads as a sentence someone said ('"Nobody came to help."'), not a title, a slogan
    or a phrase ('"Make the City Great Again."', '"rotten to the core."'): capital first, final stop inside
    the marks, most words lower case."""
    body = quote.strip("\"'\u201c\u201d\u2018\u2019 ,")
    words = body.split()
    if not words or not body[0].isupper() or not body.endswith((".", "!", "?")):
        return False
    return sum(w[0].isupper() for w in words[1:]) * 2 < len(words) - 1


def _orphan_quotes(doc: Doc, quotes: list[Quote], found: list[Found]) -> list[Check]:
    """Quoted sentences that no attribution covers, and unmarked first/second-person passages."""
    text = doc_text(doc)
    spans = sorted(f.content for f in found)
    starts = [s for s, _ in spans]
    checks = []
    for q in quotes:
        words = _words(text[q.start : q.end])
        if len(words) < ORPHAN_MIN_WORDS or (len(words) < MIN_QUOTE_WORDS and not _sentence_like(text[q.start : q.end])):
            continue
        i = bisect.bisect_right(starts, q.start) - 1
        near = spans[max(0, i - 1) : i + 2]
        if any(s <= q.start and q.end <= e + 1 for s, e in near):
            continue
        checks.append(
            Check(
                kind="unattributed-quote",
                message="quoted words with no speaker in reach",
                spans=[BSpan.of(text, q.start, q.end)],
            )
        )
    return checks


# ---------------------------------------------------------------- speakers and roles


class Speakers:
    """Resolves sources to the brief's actors and finds each speaker's role, remembered per speaker."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.roles: dict[str, tuple[int, int]] = {}  # speaker key -> role span
        self._scan_roles()

    def _key(self, entity: Entity | None, name: str) -> str:
        return f"id:{entity.id}" if entity is not None else f"name:{name.split()[-1].lower() if name.split() else name}"

    def _scan_roles(self) -> None:
        """Appositives and titles attached to person names anywhere in the text ("X, a professor at Y, ...")."""
        for ent in self.doc.ents:
            if ent.label_ != "PERSON":
                continue
            role = role_of(self.doc, ent.root, ent)
            if role is None:
                continue
            entity = self._resolve(ent)
            self.roles.setdefault(self._key(entity, ent.text), role)

    def _resolve(self, span: Span) -> Entity | None:
        try:
            from newsbrief.analyzers.resolve import resolve

            return resolve(self.doc, span)
        except Exception:
            log.debug("resolve failed", exc_info=True)
            return None

    def attributions(self, found: list[Found]) -> list[Attribution]:
        text = doc_text(self.doc)
        out: list[Attribution] = []
        who: dict[int, tuple[Entity | None, str, tuple[int, int] | None]] = {}
        last_person: tuple[Entity | None, str, tuple[int, int] | None] | None = None
        for f in sorted(found, key=lambda x: (x.cue or x.content)[0]):
            if f.inherit is not None and id(f.inherit) in who:
                entity, name, role = who[id(f.inherit)]
            elif f.source is not None:
                entity, name, role = self._speaker(f.source, last_person)
                if f.role is not None and f.role[1] > f.role[0]:
                    role = f.role
            else:
                entity, name, role = None, "", None
            who[id(f)] = (entity, name, role)
            if f.source is not None and (entity is None or entity.type == "PERSON") and _personal(f.source):
                last_person = (entity, name, role)
            src = f.source
            out.append(
                Attribution(
                    source=BSpan.of(text, src.start_char, src.end_char)
                    if (src is not None and f.inherit is None) or (src is not None and f.cue)
                    else None,
                    cue=BSpan.of(text, *f.cue) if f.cue else None,
                    content=BSpan.of(text, *f.content),
                    speaker=entity.id if entity is not None else None,
                    speaker_name=name or None,
                    role=BSpan.of(text, *role) if role else None,
                    kind=f.kind,  # type: ignore[arg-type]
                    fragments=f.fragments,
                )
            )
        return out

    def _speaker(self, source: Span, last_person) -> tuple[Entity | None, str, tuple[int, int] | None]:
        name_span = name_of(self.doc, source)
        entity = self._resolve(name_span)
        pronoun = source.text.lower() in PRONOUNS
        if entity is None and pronoun and last_person is not None:
            return last_person
        name = entity.name if entity is not None else source.text
        key = self._key(entity, name_span.text)
        role = role_of(self.doc, source.root, name_span, source)
        if role is not None:
            self.roles.setdefault(key, role)
        else:
            role = self.roles.get(key)
        return entity, name, role


def _personal(source: Span) -> bool:
    return source.root.ent_type_ == "PERSON" or source.text.lower() in PRONOUNS


def name_of(doc: Doc, source: Span) -> Span:
    """The name inside a source ("Professor Nam Sung-wook of Korea University" -> "Nam Sung-wook"): the
    proper-noun run around the head, without leading titles."""
    head = source.root
    if head.pos_ == "PRON":
        return source[head.i - source.start : head.i - source.start + 1]
    s = e = head.i
    while (
        s - 1 >= source.start
        and (doc[s - 1].dep_ in ("compound", "flat") or doc[s - 1].text == "-")
        and doc[s - 1].head.i >= s - 1
    ):
        s -= 1
    while e + 1 < source.end and doc[e + 1].dep_ in ("flat",):
        e += 1
    while s < e and doc[s].lower_.rstrip(".") in TITLES:
        s += 1
    return doc[s : e + 1]


def role_of(doc: Doc, head, name: Span, source: Span | None = None) -> tuple[int, int] | None:
    """The span describing a speaker: an appositive ("X, a professor at Y"), or the source around a
    name when it holds a title ("Professor X of Y", "Putin's adviser X"), or a title noun phrase itself
    ("the foreign minister")."""
    for c in head.children:
        if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN") and (c.lemma_.lower() in TITLES or c.pos_ == "NOUN"):
            s, e = c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)
            s, e = trim(doc, s, e)
            if e > s:
                return s, e
    if source is None:
        return None
    words = {t.lower_.rstrip(".") for t in source}
    if not words & TITLES:
        return None
    if source.root.pos_ == "NOUN":  # "the foreign minister"
        return trim(doc, source.start_char, source.end_char)
    before = source.start_char < name.start_char
    after = name.end_char < source.end_char
    if before and not after:  # "Putin's foreign policy adviser Yuri Ushakov"
        s, e = trim(doc, source.start_char, name.start_char)
        return (s, e) if e > s else None
    return trim(doc, source.start_char, source.end_char)


__all__ = ["AttributionComponent", "extract", "make_attribution", "noun_phrase"]
