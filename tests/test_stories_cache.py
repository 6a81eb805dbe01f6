"""The tracker's shortcuts must not change a single decision: a story's decoded facts are reused only
while its state is the one they were decoded from, and a story's kept sums are what rounding all of
them gave (only the ones an article changed are rounded again)."""

from __future__ import annotations

from corpus_helpers import BRIDGE, BRIDGE_OTHER_OUTLET, TRAIN, brief
from newsbrief.corpus.features import cosine, features, sublinear, weighted
from newsbrief.corpus.store import StoryRow
from newsbrief.corpus.stories import StoryFacts, _add, _round, _top, fact_evidence


def test_decoded_facts_are_reused_only_for_the_same_state():
    story = StoryRow(id="s", size=2, years={"2019": 2, "#:5.6": 2, "has:#": 2, "p:thompson": 1})
    feats = features(brief("b1", BRIDGE))
    cache: dict[str, StoryFacts] = {}
    first = fact_evidence(feats, story, cache)
    assert first == fact_evidence(feats, story) and "s" in cache
    # the same story grown (another article's facts, a new size): decoded again, as without a cache
    grown = StoryRow(id="s", size=3, years={"2019": 2, "#:5.6": 2, "#:7": 1, "has:#": 3, "p:thompson": 1})
    assert fact_evidence(feats, grown, cache) == fact_evidence(feats, grown)
    # same size, other counts (a rolled-back article, another in its place): decoded again too
    other = StoryRow(id="s", size=3, years={"2020": 3, "has:#": 0})
    assert fact_evidence(feats, other, cache) == fact_evidence(feats, other)
    assert cache["s"].years == other.years


def test_kept_sums_equal_rounding_all_of_them():
    sums: dict[str, float] = {}
    for i, text in enumerate([BRIDGE, BRIDGE_OTHER_OUTLET, TRAIN, BRIDGE]):
        vec = sublinear(features(brief(f"b{i}", text)).terms)
        whole = dict(sums)
        for t, v in vec.items():
            whole[t] = whole.get(t, 0.0) + v
        top, kept = _add(dict(sums), vec, 30)
        expected = dict(sorted(whole.items(), key=lambda kv: (-kv[1], kv[0]))[:30]) if len(whole) > 30 else whole
        assert top == expected and kept == _round(expected) and list(kept) == list(expected)
        sums = kept


def test_top_keeps_the_largest_with_ties_by_term():
    vec = {"delta": 0.5, "alpha": 0.5, "charlie": 0.9, "bravo": 0.5, "echo": 0.1, "foxtrot": 0.9}
    got = _top(vec, 4)
    assert list(got.items()) == [("charlie", 0.9), ("foxtrot", 0.9), ("alpha", 0.5), ("bravo", 0.5)]
    assert _top(vec, 10) is vec


def test_cosine_and_weights_are_the_plain_formulas():
    import math

    a = {"bridge": 0.6, "closed": 0.8}
    b = {"bridge": 0.5, "river": 0.5, "closed": 0.7071}
    assert cosine(a, b) == 0.6 * 0.5 + 0.8 * 0.7071 and cosine(a, {"river": 1.0}) == 0.0
    counts, df = {"bridge": 2.0, "river": 1.0, "closed": 1.0}, {"bridge": 3, "river": 1}
    raw = {t: c * (math.log(11 / (df.get(t, 0) + 1)) + 1.0) for t, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in raw.values()))
    assert weighted(counts, df, 10) == {t: v / norm for t, v in raw.items()}
