"""Temporal checks: dates and durations within one article that do not add up.

Two kinds of claim are held against the article's own dates (check kind "temporal-inconsistency"):

- a duration given to something that its dates contradict: "a two-day visit" whose dates, named
  within the next sentences, run over more days than two (June 18 ... June 21);
- a gap claim, "the first visit in 24 years" / "for the first time since 2000", beside a sentence
  that dates the same kind of thing inside the gap: "he last visited in 2019".

Both compare DATE values as intervals of days (timex_intervals.interval), so "2019" and "June 2019"
are one year and one month. Only what the article itself says is compared; nothing is looked up.
"""

from __future__ import annotations

import bisect
import re
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsbrief.analyzers import base
from newsbrief.analyzers.timex_intervals import anchored_interval, duration_days, interval
from newsbrief.model import Check, Timex
from newsbrief.model import Span as ModelSpan

KIND = "temporal-inconsistency"
_MAX_CHECKS = 20  # beyond this many, a text is not an article with a slip but something else
_LOOKAHEAD_SENTENCES = 2  # a duration's dates are told in its sentence or the next two
_GAP_CUES = {"first", "never"}
_LAST_CUES = {"last", "previously", "previous", "earlier", "recent", "before"}
_GENERIC = {"time", "year", "month", "week", "day", "first", "last", "be", "have", "do", "make", "take", "say"}


def _model_span(text: str, start: int, end: int) -> ModelSpan:
    return ModelSpan.of(text, start, end)


def _sentence_index(doc: Doc) -> list[Span]:
    return list(doc.sents)


def _sent_of(sents: list[Span], start: int, starts: list[int] | None = None) -> int:
    starts = starts if starts is not None else [s.start_char for s in sents]
    i = bisect.bisect_right(starts, start) - 1
    return i if i >= 0 and start < sents[i].end_char else -1


def _content_lemmas(sent: Span, skip: list[tuple[int, int]]) -> set[str]:
    out = set()
    for t in sent:
        if any(a <= t.idx < b for a, b in skip):
            continue
        if t.pos_ in ("VERB", "NOUN") and not t.is_stop and t.lemma_.lower() not in _GENERIC:
            out.add(t.lemma_.lower())
    return out


class TemporalChecks:
    """Adds `temporal-inconsistency` checks to `doc._.nb_checks` from the timexes and the parse."""

    def __call__(self, doc: Doc) -> Doc:
        try:
            checks = self.checks(doc)
        except Exception as exc:  # a check that fails must not sink the brief
            doc.user_data.setdefault("nb_errors", []).append(f"temporal_checks: {exc!r}")
            checks = []
        if checks:
            base.add(doc, "checks", checks)
        return doc

    def checks(self, doc: Doc) -> list[Check]:
        timexes: list[Timex] = base.get(doc, "timexes")
        if not timexes:
            return []
        sents = _sentence_index(doc)
        return self._duration_vs_dates(doc, timexes, sents) + self._gap_claims(doc, timexes, sents)

    # -- "a two-day visit" that runs from June 18 to June 21

    def _duration_vs_dates(self, doc: Doc, timexes: list[Timex], sents: list[Span]) -> list[Check]:
        text = doc.text
        out: list[Check] = []
        starts = [s.start_char for s in sents]
        tx_starts = [t.start for t in timexes]  # timexes come in text order
        for d in timexes:
            if len(out) >= _MAX_CHECKS:
                break
            days = duration_days(d.value)
            if d.type != "DURATION" or days is None or days > 62 or not re.search(r"-(day|week)s?\b", d.text, re.I):
                continue  # only an adjectival duration ("two-day visit") names the length of one thing
            i = _sent_of(sents, d.start, starts)
            if i < 0:
                continue
            lo, hi = sents[i].start_char, sents[min(len(sents) - 1, i + _LOOKAHEAD_SENTENCES)].end_char
            dated = []
            for t in timexes[bisect.bisect_left(tx_starts, lo) : bisect.bisect_left(tx_starts, hi)]:
                if t.type in ("DATE", "TIME"):
                    got = interval(t.value, doc._.nb_published)
                    if got and got[0] == got[1]:
                        dated.append((got[0], t))
            if len({d0 for d0, _ in dated}) < 2:
                continue
            first = min(dated, key=lambda x: x[0])
            last = max(dated, key=lambda x: x[0])
            spanned = (last[0] - first[0]).days + 1
            if spanned > days:
                out.append(
                    Check(
                        kind=KIND,
                        message=(
                            f"'{d.text}' ({d.value}) does not fit its dates: {first[1].text} to {last[1].text} is {spanned} days"
                        ),
                        spans=[_model_span(text, x.start, x.end) for x in (d, first[1], last[1])],
                    )
                )
        return out

    # -- "the first visit in 24 years" beside "he last visited in 2019"

    def _gap_claims(self, doc: Doc, timexes: list[Timex], sents: list[Span]) -> list[Check]:
        text = doc.text
        published = doc._.nb_published
        tx_spans = [(t.start, t.end) for t in timexes]
        starts = [s.start_char for s in sents]
        claims: list[tuple[Timex, date, date, int]] = []
        for t in timexes:
            i = _sent_of(sents, t.start, starts)
            if i < 0 or not any(tok.lower_ in _GAP_CUES for tok in sents[i]):
                continue
            gap = None
            if t.type == "DURATION":
                gap = anchored_interval(text, t.start, t.end, t.value, published)
            elif t.type == "DATE" and re.search(r"\bsince\s+$", text[max(0, t.start - 8) : t.start], re.I):
                got = interval(t.value, published)
                end = date.fromisoformat(published) if published else None
                gap = (got[1], end) if got and end else None
            if gap:
                claims.append((t, gap[0], gap[1], i))
            if len(claims) >= _MAX_CHECKS:
                break
        out: list[Check] = []
        for claim, g0, g1, ci in claims:
            lemmas = _content_lemmas(sents[ci], tx_spans)
            for t in timexes:
                if len(out) >= _MAX_CHECKS:
                    return out
                if t.type not in ("DATE", "TIME") or t is claim:
                    continue
                j = _sent_of(sents, t.start, starts)
                if j < 0 or j == ci:
                    continue
                got = interval(t.value, published)
                if not got or not (g0 < got[0] and got[1] < g1):
                    continue
                cue = self._last_cue(sents[j], tx_spans, lemmas)
                if cue is None:
                    continue
                out.append(
                    Check(
                        kind=KIND,
                        message=(
                            f"'{claim.text}' leaves no room for '{cue.text} … {t.text}' ({t.value}): "
                            f"the gap runs {g0.isoformat()} to {g1.isoformat()}"
                        ),
                        spans=[_model_span(text, claim.start, claim.end), _model_span(text, t.start, t.end)],
                    )
                )
        return out

    @staticmethod
    def _last_cue(sent: Span, tx_spans: list[tuple[int, int]], lemmas: set[str]) -> Token | None:
        """ "last visited", "previous visit": a cue of an earlier occurrence of what the claim is about."""
        for tok in sent:
            if tok.lower_ not in _LAST_CUES or any(a <= tok.idx < b for a, b in tx_spans):
                continue
            for other in (tok.head, *tok.children, *(t for t in sent if t.i == tok.i + 1)):
                if other.lemma_.lower() in lemmas:
                    return other
        return None


@Language.factory("newsbrief_temporal_checks", assigns=["doc._.nb_checks"], requires=["doc._.nb_timexes"])
def make_temporal_checks(nlp: Language, name: str) -> TemporalChecks:
    return TemporalChecks()
