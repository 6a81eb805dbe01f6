"""The tense a time expression is told in, from its clause: the direction of a bare "Tuesday",
"November" or "this fall" (timex_dates, timex_relative) follows it.

Past, present and future come from the verb the span hangs on, corrected for what English news does
with it: a present-tense schedule ("the finale airs Sunday") and lead-ups ("ahead of Tuesday's
primary") look ahead, a present perfect and verbs of praising look back, and a scheduled event in a
verbless clause is the coming one. Word lists are in resources/timex/lexicon.json.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from newsbrief.analyzers.timex_grammar import LEX, Match, alternation
from newsbrief.resources import load_json

_FUTURE = frozenset(LEX["future_auxiliaries"])
_SCHEDULE = frozenset(LEX["schedule_verbs"])  # "is set for", "was postponed to": the date is the plan's
_INTENT = frozenset(LEX["intent_verbs"])  # "plans to meet on Tuesday": the infinitive looks ahead
_SAID_BEFORE = re.compile(r"\b" + alternation(LEX["past_saying_forms"]) + r"\s+(?:on\s+)?$", re.IGNORECASE)
_AHEAD_OF = re.compile(r"\b(?:ahead\s+of|in\s+the\s+run-up\s+to|this|next|coming|upcoming)\s+$", re.IGNORECASE)
_ATTEMPT = frozenset(LEX["attempt_verbs"])  # in the past tense, an attempt already made
_PROSPECTIVE_ADJ = frozenset(LEX["prospective_adjectives"])
_MANNER_MARKS = frozenset(LEX["manner_markers"])
_PAST_AS_BASE = frozenset(LEX["verbs_past_as_base"])
# "the company says Thursday": a verb of saying in the present tells a report, not a schedule
_SAYING = frozenset(k for k, v in load_json("attribution/cues.json")["verbs"].items() if v.get("speech"))
_REACTION = frozenset(LEX["reaction_verbs"])


def _lemma(tok: Token) -> str:
    """A verb's lemma, mended where the lemmatizer slips: "hoping"/"hoped" come out as "hop"."""
    return "hope" if tok.lemma_ == "hop" and tok.lower_ in ("hoping", "hoped", "hopes") else tok.lemma_


def _verb_tense(v, depth: int = 0) -> str | None:
    """The tense of the clause of verb v. spaCy makes a new Token object on each access, so tokens are
    compared by index (`.i`), never with `is`; the climb to heads stops after a few steps."""
    if depth > 6:
        return None
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE:
        return "future"
    if v.lemma_ in _SCHEDULE and any(c.dep_ == "mark" and c.lower_ in _MANNER_MARKS for c in v.children):
        return None  # "broadcast as scheduled Sunday", "than expected": the clause it modifies tells the tense
    # "to open", and "to be released" (a passive infinitive: the participle carries "to" and "be")
    passive_inf = v.tag_ == "VBN" and any(a.lower_ == "be" for a in auxes)
    infinitive = (v.tag_ == "VB" or passive_inf) and any(a.tag_ == "TO" for a in auxes)
    # "had been due to expire Friday", "had agreed to delay it until Friday": a plan of the past
    had_above = infinitive and any(
        c.lower_ == "had" for h in (v.head, v.head.head) for c in h.children if c.dep_ in ("aux", "auxpass")
    )
    # "has set a record": a deed; "a summit set for April", "was set to open": a plan
    set_deed = v.lemma_ == "set" and not any(c.dep_ == "auxpass" or c.lower_ in ("for", "to") for c in v.children)
    if v.lemma_ in _SCHEDULE and "had" not in words and not had_above and not set_deed:
        return "future"  # "a summit set for April", "planned a rally on Saturday": what is planned lies ahead
    if infinitive:
        head = v.head
        if had_above:
            return "past"
        if head.pos_ == "ADJ" and head.lemma_ not in _PROSPECTIVE_ADJ and head.head.pos_ in ("VERB", "AUX"):
            return _verb_tense(head.head, depth + 1)  # "were not able to retrieve them Tuesday": the copula's tense
        if _lemma(head) in _ATTEMPT and head.tag_ == "VBD":
            return "past"  # "sought to quell the rumors on Thursday", "tried to land it Friday": an attempt made
        if head.i == v.i or _lemma(head) in _INTENT or head.pos_ not in ("VERB", "AUX"):
            return "future"  # "plans to visit on Tuesday"
        got = _verb_tense(head, depth + 1)  # "extended their offers to acquire it Friday": the offer's tense
        # "needs to win in November", "has to file it by Friday": what a present verb reaches for lies
        # ahead (not a copula's: "it is better to live one day as a lion")
        return "future" if got == "present" and head.pos_ == "VERB" and head.lemma_ not in _SAYING else got
    if any(a.lower_ in ("going",) for a in auxes) or (v.lower_ == "going" and any(c.tag_ == "TO" for c in v.children)):
        return "future"
    if v.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if v.tag_ == "VBN" and (not auxes or any(a.lemma_ == "have" for a in auxes)):
        return "past"
    if v.tag_ == "VBG" and any(a.lemma_ == "have" for a in auxes):
        return "past"  # "has been raising money, including on Thursday night": a perfect reaches back
    if v.lemma_ in _REACTION and v.tag_ in ("VBZ", "VBP", "VBG") and not words & {"will", "'ll", "’ll", "going"}:
        return None  # "are hailing the speech on Thursday": judging an act already done, no schedule
    subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in v.children)
    if v.tag_ == "VB" and v.dep_ == "ROOT" and not auxes and not subject:
        return "future"  # an imperative: "Vote on Tuesday!"; "let's" has its subject "'s"
    if v.lemma_ == "let" and v.tag_ == "VB" and v.i + 1 < len(v.doc) and v.nbor(1).lower_ in ("'s", "’s", "us"):
        return "future"  # "Let's defeat her in November"
    if v.tag_ == "VBP" and not auxes and v.lower_ in _PAST_AS_BASE:
        return None  # "weakness hurt the index on Friday": past as likely as present
    if v.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"  # a bare participle ("closing unchanged Friday") has no tense of its own: its head's
    negated = any(c.dep_ == "neg" for c in v.children)
    if "would" in words and negated and (v.lemma_ in _SAYING or v.lemma_ in ("elaborate", "specify", "discuss")):
        return "past"  # "wouldn't say Tuesday how", "would not comment Friday": a refusal already made
    if any(a.tag_ == "MD" for a in auxes):
        # "could lose in November" is a prospect; "could not be located Wednesday", "could be reached
        # Friday" tell a past ability as often as not: no direction from those
        if "could" in words and not any(c.dep_ in ("neg", "auxpass") or c.lower_ == "neither" for c in v.children):
            return "future"
        return "future" if words & {"would", "might", "may", "can", "should", "must"} else None
    return None


_TEMPORAL_MARKS = frozenset({"when", "once", "until", "till", "before", "whenever"})


def _temporal_clause(v: Token) -> bool:
    """An adverbial clause set by "when", "once", "until", "before" or "as soon as"."""
    if v.dep_ != "advcl":
        return False
    marks = [c for c in v.children if c.dep_ in ("mark", "advmod") and c.i < v.i]
    return any(c.lower_ in _TEMPORAL_MARKS or (c.lower_ == "as" and c.i > 0 and c.nbor(-1).lower_ == "soon") for c in marks)


def _conditional_clause(v: Token) -> bool:
    """An adverbial clause set by "if" or "unless"."""
    return v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in v.children if c.i < v.i)


def sentence_of(span: Span) -> Span:
    """The sentence holding the span's start, found from the sentence starts around it: spaCy's
    `Span.sent` first checks the whole document for sentence annotation, on every call."""
    doc = span.doc
    start = span.start
    while start > 0 and not doc[start].is_sent_start:
        start -= 1
    end = span.start + 1
    while end < len(doc) and not doc[end].is_sent_start:
        end += 1
    return doc[start:end]


def _fronted_plan(span: Span, v: Token) -> bool:
    """A plan in the simple past dated by a day that opens its sentence: the plan's day, not the
    planned act's."""
    if v.lemma_ not in _SCHEDULE or v.tag_ != "VBD" or span.end > v.i:
        return False
    first = span.root.head if span.root.dep_ == "pobj" else span.root
    return first.i == sentence_of(first.doc[first.i : first.i + 1]).start


def _could_only(v: Token) -> bool:
    """A verb whose only look ahead is "could", a weak one: a prospect of its own clause alone."""
    return any(c.lower_ == "could" for c in v.children) and not any(c.lower_ in _FUTURE for c in v.children)


def on_past_verb(doc: Doc, m: Match) -> bool:
    """ "died of a heart attack in April": the month hangs by "in"/"on"/"during" from a verb in the
    past, which it dates; "told of a cutback in September" (a noun's) or "until mid-November" do not."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    prep = span.root.head
    verb = prep.head
    if prep.lower_ not in ("in", "on", "during") or prep.dep_ != "prep":
        return False
    while verb.pos_ == "NOUN" and verb.dep_ == "pobj" and verb.head.dep_ == "prep" and verb.head.lower_ == "of":
        verb = verb.head.head  # "died of a heart attack in April": the attack's "in" is the death's
    passive_past = verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children)
    # "died", "was founded"; not "said it cut output in July", whose "cut" may be a present told in the past
    return verb.pos_ in ("VERB", "AUX") and ((verb.tag_ == "VBD" and verb.lower_ not in _PAST_AS_BASE) or passive_past)


_EVENT_NOUNS = frozenset(LEX["scheduled_event_nouns"])
_PROSPECTIVE_MODS = frozenset(LEX["prospective_noun_modifiers"])
_LEAD_UP = re.compile(r"\b" + alternation(LEX["lead_up_before_event"]) + r"\s+$", re.IGNORECASE)
_LEAD_UP_PARTICIPLE = re.compile(r"\b" + alternation(LEX["lead_up_participles"]) + r"\s+$", re.IGNORECASE)
_AFTER_EVENT = re.compile(r"\b(?:after|since|following|from)\s+$", re.IGNORECASE)
_OUTCOMES = frozenset(LEX["event_outcome_nouns"])
_PROSPECTS = frozenset(LEX["prospect_nouns"])


def _governing(tok: Token) -> tuple[Token | None, bool]:
    """The nearest verb above tok with a tense of its own, and whether the way up passed a bare
    participle under "after"/"since" ("after trouncing her in Tuesday's primary": before that verb)."""
    untensed = after = False
    for _ in range(8):
        if untensed and tok.lower_ in ("after", "since", "following") and tok.dep_ in ("prep", "mark"):
            after = True
        if tok.pos_ in ("VERB", "AUX"):
            if _verb_tense(tok):
                return tok, after
            untensed = True
        if tok.head.i == tok.i:
            return None, after
        tok = tok.head
    return None, after


def _lead_up(text: str, at: int, tok: Token) -> str | None:
    """The direction a lead-up right before `at` gives ("future" or "none"), told by the verb above tok:
    "ahead of", "toward" look ahead unless told in a pluperfect; "heading into" only when not told in a
    simple past. None without a lead-up."""
    if _LEAD_UP.search(text, max(0, at - 30), at):
        verb = _governing(tok)[0]
        pluperfect = verb is not None and any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in verb.children)
        return "none" if pluperfect else "future"
    if _LEAD_UP_PARTICIPLE.search(text, max(0, at - 30), at):
        return "none" if _told_past(_governing(tok)[0]) else "future"
    return None


def _judged(tok: Token) -> bool:
    """tok is what a present verb of judging is about ("are hailing Sunday's vote")."""
    for _ in range(4):
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok.lemma_ in _REACTION and tok.tag_ in ("VBZ", "VBP", "VBG")
        if tok.head.i == tok.i:
            break
    return False


def _told_past(verb: Token | None) -> bool:
    """A simple past or pluperfect ("had 1,944 delegates heading into ..."), not a present perfect
    ("has turned nasty ahead of ..."), whose time still runs up to now."""
    if verb is None or _verb_tense(verb) != "past":
        return False
    return not any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def _phrase_end_noun(tok: Token) -> bool:
    """A noun that ends a noun phrase, as the word before an "on Monday" parsed as the verb's."""
    return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "attr", "appos", "conj")


def _planned(noun: Token) -> bool:
    """ "a planned rally", "the upcoming vote": a noun its modifier puts ahead."""
    return any(c.dep_ == "amod" and c.lower_ in _PROSPECTIVE_MODS for c in noun.children)


def _event_of(span: Span, text: str) -> Token | None:
    """The scheduled event a month or weekday names or dates: "November's election", "the June
    referendum", "the caucuses on Monday", "a planned rally on Saturday"; None for any other noun."""
    tok = span.root
    noun = None
    if tok.dep_ in ("poss", "compound", "nmod", "amod", "npadvmod") and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i:
        noun = tok.head
    elif tok.dep_ == "pobj" and tok.head.lower_ in ("in", "on") and tok.head.head.pos_ in ("NOUN", "PROPN"):
        noun = tok.head.head
    elif tok.dep_ == "pobj" and tok.head.lower_ in ("in", "on") and tok.head.i > 0 and _phrase_end_noun(tok.head.nbor(-1)):
        noun = tok.head.nbor(-1)  # "ahead of the caucuses on Monday", its "on" parsed as the verb's: the caucuses' day
    if noun is None:
        return None
    # "ahead of voting Tuesday", "in the run-up to the kickoff on Monday": whatever it is, it is awaited
    at = noun.left_edge.idx
    led_up = any(rx.search(text, max(0, at - 30), at) for rx in (_LEAD_UP, _LEAD_UP_PARTICIPLE))
    scheduled = noun.lemma_.lower() in _EVENT_NOUNS or noun.lower_ in _EVENT_NOUNS
    return noun if _planned(noun) or scheduled or led_up else None


_EVIDENCE = frozenset(LEX["evidence_verbs"])


def _read_from(noun: Token) -> bool:
    """A noun that is the subject of a present verb of evidence ("the numbers in Tuesday's election
    suggest", "gains in Sunday's vote show"): what is read off an event is of one already held; not
    "the candidates in Thursday's debate are ready", nor "hopes to win a seat in Tuesday's election"."""
    for _ in range(3):  # "the figures for the greens in ...": up the noun's own phrase
        if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "NOUN":
            noun = noun.head.head
    verb = noun.head
    return (
        noun.pos_ == "NOUN"
        and noun.dep_ == "nsubj"
        and verb.pos_ == "VERB"
        and verb.lemma_ in _EVIDENCE
        and verb.tag_ in ("VBZ", "VBP", "VB")  # "gains ... show" is often tagged VB
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def _explicit_future(verb: Token) -> bool:
    """ "will", "shall", "going to" on the verb: a future told, not one read from a modal or an infinitive."""
    return any(c.lower_ in _FUTURE or c.lower_ == "going" for c in verb.children)


def _event_tense(noun: Token, text: str) -> str | None:
    """The direction of a scheduled event. Ahead when planned, or looked forward to ("ahead of",
    "heading into") from a clause that is not a simple past; with a present clause or none, a schedule
    (the coming one); behind when after a participle under "after"; with a past clause, which tells
    when something was said or done rather than when the event is, no direction ("none": the
    nearest), unless the event is the past verb's own; None when the event rule does not apply."""
    if _planned(noun):
        return "future"
    head = noun
    while head.dep_ in ("conj", "appos") and head.head.i != head.i:
        head = head.head
    lead = text[max(0, noun.left_edge.idx - 30) : noun.left_edge.idx]
    prep = head.head if head.dep_ == "pobj" else None
    verb, after = _governing(head)
    led = _lead_up(text, noun.left_edge.idx, head)
    if led:
        return led
    if _judged(head):
        return "none"  # "are hailing Sunday's vote": judging what was done
    if prep is not None and prep.lower_ in ("of", "during") and prep.head.pos_ in ("NOUN", "PROPN", "PRON"):
        # "the results of Tuesday's primary", "problems during Monday's debate": a thing of the event,
        # told as reports are
        return None
    if prep is not None and prep.head.pos_ == "NOUN" and prep.head.lemma_.lower() in _OUTCOMES:
        return "none"  # "his victory in Tuesday's primary": an outcome, reported, so no schedule
    if prep is not None and prep.lower_ == "in" and _read_from(prep.head):
        return "none"  # "the numbers for the left in Tuesday's election suggest": read off an event held
    t = _verb_tense(verb) if verb is not None else None
    if after:
        # "will rest after winning Sunday's final" looks ahead; "after trouncing her in Tuesday's
        # primary, he must now prepare" does not: a done deed, and a modal's obligation is now
        return "future" if t == "future" and verb is not None and _explicit_future(verb) else "past"
    if _AFTER_EVENT.search(lead):
        return "future" if t == "future" else "past"  # "must travel after Thursday's debate": ahead
    if t == "future" and head.dep_ in ("nsubj", "nsubjpass") and verb is not None and not _explicit_future(verb):
        return "none"  # "Monday's debate might not move mountains": a modal of its effects, not of its date
    if t in ("present", None):
        return "present"  # "November's election", "a close election on Tuesday": a schedule
    if t == "past":
        # "staged a stunt at the debate in August", "won Tuesday's primary": the past verb's own event;
        # "pressed for a say in the platform for the convention in July": told in the past, held whenever
        own = verb is not None and (head.head.i == verb.i or (prep is not None and prep.head.i == verb.i))
        own = own and not any(c.dep_ == "mark" and c.lower_ == "if" for c in verb.children)  # "if he won it on Nov. 8"
        return "past" if own else "none"
    return t


def tense_at(doc: Doc, start: int, end: int, text: str | None = None) -> str | None:
    """The tense of the clause a span belongs to: the verb it hangs from, else the sentence's first verb.
    `text` is `doc.text`, which spaCy rebuilds from the tokens on every access: pass it when calling often."""
    text = doc.text if text is None else text
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    said = _SAID_BEFORE.search(text, max(0, start - 20), start)
    if said and not re.search(r"\b(?:be|been|being|to)\s+$", text[max(0, said.start() - 8) : said.start()], re.I):
        return "past"  # "The clerk said Monday she suspects ...": the day of the saying (not "will be announced on Monday")
    if tok.dep_ == "poss" and _AHEAD_OF.search(text, max(0, tok.idx - 24), tok.idx):
        return "future"  # "ahead of Sunday's Grand Prix", "after this Sunday's elections"
    led = _lead_up(text, start, tok)
    if led:
        return None if led == "none" else led  # "marching toward November"; not "had the votes going into November"
    event = _event_of(span, text)
    if event is not None:
        got = _event_tense(event, text)
        if got:
            return None if got == "none" else got
    if tok.dep_ == "poss" and tok.head.pos_ == "NOUN":
        return "past"  # "Wednesday's ruling": an event the text reports, whatever the clause's tense
    got = _walk_tense(doc, span)
    modifier = tok.dep_ == "compound" or (tok.dep_ in ("nmod", "amod") and tok.head.pos_ == "NOUN")
    if got == "present" and modifier and tok.head.i > tok.i:
        return None  # "the 4-0 February hammering", "its June figures": a thing of that month, not a schedule
    return got


def _walk_tense(doc: Doc, span: Span) -> str | None:
    """The tense of the verb a span hangs from, climbing through participles and nouns, else of the
    sentence's main verb."""
    tok = span.root
    via_noun = False  # reached through a noun ("Wechsler on Thursday: ... there is"): not the day's own verb
    untensed = False  # reached through a participle with no tense of its own ("after winning it on Sunday")
    before_clause = False  # ... and then through "after": an event before the clause it hangs from
    participle = False  # ... that participle being one ("pointing to", not a bare "harm" sharing a "could")
    for _ in range(8):
        if untensed and not via_noun and tok.lower_ in ("after", "since") and tok.dep_ in ("prep", "mark"):
            before_clause = True  # not "after earning a match with Spain on July 17": the match's day
        if tok.pos_ in ("VERB", "AUX"):
            t = _verb_tense(tok)
            if t == "future" and participle and _could_only(tok):
                t = None  # "pointing to an auction in June" under "could produce": the prospect is not the participle's
            untensed = untensed or t is None
            participle = participle or (t is None and tok.tag_ in ("VBG", "VBN"))
            if before_clause and t:
                # "has it in his sights after winning the title on Sunday": past, unless the clause
                # itself lies ahead ("will rest after playing on Sunday")
                return "future" if t == "future" else "past"
            # "says Monday that", "tells reporters Monday that"; not "reports earnings on Thursday"
            deps = {c.dep_ for c in tok.children}
            saying = tok.lemma_ in _SAYING and ("ccomp" in deps or "dobj" not in deps)
            if t == "present" and (via_noun or saying):
                return None  # a present verb tells a schedule only of a day that hangs from it, not one of saying
            main = tok.head.head if tok.head.pos_ == "ADV" else tok.head  # "as soon as" hangs from "soon"
            if t in ("past", "present") and _temporal_clause(tok) and _verb_tense(main) == "future":
                # "were likely to buy as soon as trading opened Monday", "will sign when it ends Friday":
                # a when-clause takes the time of the clause it is set in, a future one here
                return "future"
            if t == "present" and _conditional_clause(tok) and _verb_tense(main) == "future":
                # "can be overturned if a Republican is elected in November": a condition in the present
                # tense of a clause that looks ahead is a coming event ("if he had won in May" is not)
                return "future"
            if t == "future" and _fronted_plan(span, tok):
                return "past"  # "On Friday, the government planned to pay": the day the plan was made
            if t:
                return t
        elif tok.pos_ in ("NOUN", "PROPN", "PRON") and not (span.start <= tok.i < span.end):
            if tok.lemma_.lower() in _PROSPECTS and tok.i < span.start:
                # "upbeat about her chances of winning in November", "will have a chance to vote on
                # Tuesday": a prospect lies ahead, unless it was one of the past ("had a chance to ...")
                return None if _verb_tense(_governing(tok)[0] or tok) == "past" else "future"
            via_noun = True
        if tok.head.i == tok.i:
            break
        tok = tok.head
    for t in sentence_of(span):
        if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "ccomp", "conj"):
            got = _verb_tense(t)
            if got == "present":
                return None  # a present verb elsewhere in the sentence says nothing of this span's day
            if got == "future" and _could_only(t):
                return None  # "could" elsewhere in the sentence is a prospect of another clause
            if got:
                return got
    return None


# ---------------------------------------------------------------- "today" in a quotation of an earlier day

_SAYING_NEAR = re.compile(r"\b(?:" + alternation(LEX["past_saying_forms"]) + r"|speaking|says|tells|told|asked)\b", re.I)
_QUOTE_PAIRS = (("“", "”"), ("``", "''"), ('"', '"'))
_SENT_END = re.compile(r"[.!?](?=[\s\"”'’]*(?:\s|\Z))|\n")
_SAID_DAY_KINDS = frozenset({"weekday", "part_weekday", "relday", "part_rel"})


def _quote_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The opening and closing marks of the quotation, within one paragraph, that holds start..end."""
    para = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    for op, cl in _QUOTE_PAIRS:
        if op == cl:
            if text.count(op, para, start) % 2 == 0:
                continue  # the marks before it are paired: no quotation open here
            qs = text.rfind(op, para, start)
        else:
            qs = text.rfind(op, para, start)
            if qs < 0 or text.rfind(cl, qs + len(op), start) >= 0:
                continue
        qe = text.find(cl, end, para_end)
        if qe >= 0:
            return qs, qe + len(cl)
    return None


def quote_said_day(text: str, start: int, end: int, matches: list[Match]) -> Match | None:
    """The day a quotation holding start..end was spoken, when its own sentence tells one beside a verb
    of saying: 'Speaking on Tuesday night, she said: "Tonight we ..."', '"We won today," he said on
    Monday.' A "today"/"tonight" inside the quotation is that day (a day of the past only: the caller
    checks), not the publication day. None when no such day is told."""
    q = _quote_around(text, start, end)
    if q is None:
        return None
    qs, qe = q
    sent = max((mo.end() for mo in _SENT_END.finditer(text, max(0, qs - 160), qs)), default=max(0, qs - 160))
    tail = _SENT_END.search(text, qe)
    stop = min(tail.start() if tail else len(text), qe + 80)
    for lo, hi in ((sent, qs), (qe, stop)):
        if not _SAYING_NEAR.search(text, lo, hi):
            continue
        days = [
            x
            for x in matches
            if lo <= x.start
            and x.end <= hi
            and x.kind in _SAID_DAY_KINDS
            and (x.kind != "relday" or (x.groups.get("w") or "").lower() == "yesterday")
            and (x.kind != "part_rel" or (x.groups.get("rel") or "").lower() in ("yesterday", "last"))
        ]
        if len(days) == 1:
            return days[0]
    return None
