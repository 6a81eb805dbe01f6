"""What a time expression means: its TIMEX3 type and value against the reference date.

Rules, not a date parser, because the parsers get the direction wrong: "Tuesday" or "January" in
a past-tense sentence is the last one, in a future-tense sentence the next one, and a date is
compared as a date (the "evening of June 18" trap, where 18:00 after a midnight reference makes a
parser go back a year). With no reference date, relative expressions get no value (None) and
absolute ones still resolve; a year-less "June 18" is then XXXX-06-18. Nothing here raises on odd
input: a value that cannot be made is None.

This module dispatches a grammar match to the rules for its kind, one module per concern:
timex_dates (named calendar units), timex_named (holidays, spelled years), timex_relative (relative
to the reference or the told day), timex_clock (clock times, parts of the day), timex_durations
(durations and sets); timex_calendar holds what they share, timex_intervals turns values into days.
"""

from __future__ import annotations

from newsbrief.analyzers.timex_calendar import Context
from newsbrief.analyzers.timex_clock import CLOCK_KINDS
from newsbrief.analyzers.timex_dates import DATE_KINDS
from newsbrief.analyzers.timex_durations import DURATION_KINDS
from newsbrief.analyzers.timex_grammar import Match
from newsbrief.analyzers.timex_named import NAMED_KINDS
from newsbrief.analyzers.timex_relative import RELATIVE_KINDS


def normalize(m: Match, ctx: Context, text: str = "") -> tuple[str, str | None] | None:
    """(type, value) of a match, or None when it is not a time expression after all."""
    fn = _KINDS.get(m.kind)
    if fn is None:
        return None
    try:
        return fn(m, ctx, text)
    except (ValueError, OverflowError, KeyError, IndexError, TypeError, ZeroDivisionError):
        return ("DATE", None)


_KINDS = {**DATE_KINDS, **NAMED_KINDS, **RELATIVE_KINDS, **CLOCK_KINDS, **DURATION_KINDS}
