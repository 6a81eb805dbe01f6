"""Full-text search over the corpus: ranked hits (bm25 on SQLite FTS5, ts_rank_cd on PostgreSQL)
with filters by actor, speaker, outlet, date and story, and a highlighted snippet per hit.

A user's query is read as plain words and "quoted phrases": no operator of either engine gets
through (every word is quoted before it reaches the engine), so no query can be a syntax error.
All words must match; when that finds nothing on the first page, any word may (ranked by how many
and how rare)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

from newsbrief.corpus import actors
from newsbrief.corpus.speakers import name_keys
from newsbrief.corpus.store import SearchFilters, Store
from newsbrief.errors import UsageError

MAX_LIMIT = 1000
MAX_OFFSET = 100_000
MAX_WORDS = 32
SNIPPET_CHARS = 240
_WORD = re.compile(r"\w+", re.UNICODE)
_PHRASE = re.compile(r'"([^"]*)"')


@dataclass
class Hit:
    article_id: str
    title: str | None
    source: str | None
    published: str | None
    story_id: str | None
    score: float
    snippet: str  # text[start:end] with [ and ] around the matched words
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["id"] = d.pop("article_id")
        return d


def parse_query(query: str) -> list[list[str]]:
    """Phrases of plain words: '"munitions containers" Kim -OR:*' -> [['munitions', 'containers'], ['kim'], ['or']]."""
    groups: list[list[str]] = []
    if query.count('"') >= 2:
        for phrase in _PHRASE.findall(query):
            words = _WORD.findall(phrase.lower())
            if words:
                groups.append(words)
        query = _PHRASE.sub(" ", query)
    groups += [[w] for w in _WORD.findall(query.lower())]
    seen: dict[tuple[str, ...], list[str]] = {}
    for g in groups:
        seen.setdefault(tuple(w.replace("_", " ").strip() for w in g), g)
    out = [list(k) for k in seen if all(k)]
    return out[:MAX_WORDS]


def _date(value: str | None, what: str) -> str | None:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise UsageError(f"{what} {value!r} is not a YYYY-MM-DD date") from None


def search(
    store: Store,
    query: str,
    *,
    entity: str | None = None,
    speaker: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    story: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> list[Hit]:
    """Ranked hits of `query` among the articles that pass every filter given."""
    groups = parse_query(query or "")
    if not groups:
        raise UsageError("the search query has no words (give at least one word or number)")
    if not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise UsageError(f"limit must be between 1 and {MAX_LIMIT}, got {limit!r}")
    if not isinstance(offset, int) or not 0 <= offset <= MAX_OFFSET:
        raise UsageError(f"offset must be between 0 and {MAX_OFFSET}, got {offset!r}")
    filters = SearchFilters(
        outlet=outlet.strip() if outlet and outlet.strip() else None,
        since=_date(since, "since"),
        until=_date(until, "until"),
        story=story or None,
    )
    if filters.since and filters.until and filters.since > filters.until:
        raise UsageError(f"since {filters.since} is after until {filters.until}")
    if entity and entity.strip():
        filters.actor_ids = [a.id for a in actors.find_actors(store, entity)]
        if not filters.actor_ids:
            return []
    if speaker and speaker.strip():
        keys = name_keys(speaker)
        filters.speaker_keys = keys[:1]
        if not keys:
            return []
    rows = store.search_articles(groups, False, filters, limit, offset)
    if not rows and len(groups) > 1 and (offset == 0 or not store.search_articles(groups, False, filters, 1, 0)):
        rows = store.search_articles(groups, True, filters, limit, offset)  # no article has every word: any
    words = {w for g in groups for w in g}
    return [Hit(r.id, r.title, r.source, r.published, r.story_id, r.score, *snippet(r.text, words)) for r in rows]


# snippets ------------------------------------------------------------------------------------
@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    """The Porter/Snowball stem both engines match on, so 'containers' lights up for 'container'."""
    return _stemmer().stem(word.lower())


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


def snippet(text: str, words: set[str], width: int = SNIPPET_CHARS) -> tuple[str, int, int]:
    """(highlighted snippet, start, end): the window of `text` with the most distinct query words."""
    stems = {stem(w) for w in words}
    heads = {s[:2] for s in stems}  # a stem keeps its word's first two letters: most words need no stemming
    hits = []
    for m in _WORD.finditer(text):
        w = m.group()
        if w[:2].lower() in heads and (st := stem(w)) in stems:
            hits.append((m.start(), m.end(), st))
    if not hits:
        start, end = 0, min(len(text), width)
    else:
        best, best_key = 0, (-1, 0)
        j = 0
        for i, (s, _, _) in enumerate(hits):
            while j < len(hits) and hits[j][1] - s <= width:
                j += 1
            key = (len({h[2] for h in hits[i:j]}), j - i)
            if key > best_key:
                best, best_key = i, key
        first = hits[best][0]
        start = max(0, first - width // 4)
        end = min(len(text), start + width)
    start, end = _word_bounds(text, start, end)
    out, pos = [], start
    for s, e, _ in hits:
        if s >= start and e <= end:
            out += [text[pos:s], "[", text[s:e], "]"]
            pos = e
    out.append(text[pos:end])
    return "".join(out).replace("\n", " "), start, end


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen nothing, trim the cut words at both ends (unless at the text's edge)."""
    if start > 0 and text[start - 1].isalnum():
        nxt = re.search(r"\W", text[start:end])
        if nxt:
            start += nxt.end()
    if end < len(text) and text[end].isalnum():
        cut = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
        if cut > start:
            end = cut
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end
