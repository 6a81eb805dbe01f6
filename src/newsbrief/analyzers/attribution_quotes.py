"""Quotation marks to quote spans, in one linear pass over the characters.

Why not textacy: it counts apostrophes as quote marks and raises on any unbalanced mark, so one
"leaders' talks" sinks a whole article. Here only double marks count (straight, curly, guillemets,
low-9, and two apostrophes '' as some newspapers write a straight mark); an apostrophe alone never
does. A quote may run over several lines only the way newspapers write
it: the line ends with the quote still open and the next line opens again. Any other unclosed mark
is dropped at the end of its line, so a text of hundreds of unclosed marks costs one pass.
"""

from __future__ import annotations

from dataclasses import dataclass

OPENERS = {"\u201c", "\u00ab", "\u201e"}  # “ « „
CLOSERS = {"\u201d", "\u00bb"}  # ” »
STRAIGHT = '"'
APOSTROPHE = "'"  # two of them in a row ('') are a straight double mark
MARKS = OPENERS | CLOSERS | {STRAIGHT, APOSTROPHE}


@dataclass(frozen=True)
class Quote:
    """A quoted passage, its marks included: text[start] is the opening mark, text[end - 1] the closing one."""

    start: int
    end: int

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, newline excluded."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _first_mark(text: str, start: int, end: int) -> int:
    """Position of the line's first non-space character when it is an opening mark, else -1."""
    i = start
    while i < end and text[i] in " \t\r\u00a0":
        i += 1
    if i < end and (text[i] in OPENERS or text[i] == STRAIGHT or text.startswith("''", i)):
        return i
    return -1


def _has_words(text: str, start: int, end: int) -> bool:
    return any(ch.isalnum() for ch in text[start:end])


def find_quotes(text: str) -> list[Quote]:
    """Balanced quotes of the text, in order, none nested in another (an inner quote belongs to its outer one)."""
    quotes: list[Quote] = []
    lines = _lines(text)
    open_at = -1  # start of the quote being read, -1 when none
    skip_to = -1  # a continuation line's opening mark, not a new quote
    n = len(lines)
    for li, (ls, le) in enumerate(lines):
        pair_end = -1
        for i in range(ls, le):
            ch = text[i]
            if ch not in MARKS or i == pair_end:
                continue
            if ch == APOSTROPHE:
                if i + 1 >= le or text[i + 1] != APOSTROPHE:
                    continue
                pair_end = i + 1  # the second apostrophe of the pair
                ch = STRAIGHT
            if i == skip_to:
                continue
            if open_at < 0:
                if ch in OPENERS or ch == STRAIGHT:
                    open_at = i
                continue  # a stray closing mark: nothing to close
            if ch in CLOSERS or ch == STRAIGHT:
                if _has_words(text, open_at + 1, i):
                    quotes.append(Quote(open_at, max(i, pair_end) + 1))
                open_at = -1
            else:  # an opener inside an open quote: the earlier mark was never closed on this line
                open_at = i
        if open_at >= 0:
            # The quote stays open only when a following line opens again (the newspaper style for quotes
            # of several paragraphs); blank lines between are allowed.
            nxt = li + 1
            while nxt < n and lines[nxt][0] == lines[nxt][1]:
                nxt += 1
            mark = _first_mark(text, *lines[nxt]) if nxt < n else -1
            if mark < 0:
                open_at = -1
            else:
                skip_to = mark
    return quotes
