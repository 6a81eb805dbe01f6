"""The grounding invariant as a property: on generated texts, every span of every brief matches."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import assert_grounded

pytestmark = pytest.mark.slow

WORDS = ["The", "minister", "said", "“", "”", '"', "'", "Moscow", "Kim", "on", "June", "18", "last", "year",
         "will", "may", "not", "?", ",", ".", ":", "-", "\n", "\n\n", "  ", "according", "to", "he", "visited",
         "Paris", "2019", "three", "days", "ago", "é", "—", "…", "(", ")", "Dr.", "U.S.", "can't", "\t"]

texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=80).map(" ".join).filter(lambda t: t.strip())
free_texts = st.text(min_size=1, max_size=300).filter(lambda t: t.strip())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, published=st.sampled_from([None, "2024-06-18", "1999-12-31"]))
def test_briefs_of_news_like_texts_are_grounded(brief_of, text, published):
    assert_grounded(brief_of(text, published=published))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=free_texts)
def test_briefs_of_arbitrary_unicode_are_grounded_or_refused(text):
    import newsbrief
    from newsbrief.errors import InputError

    try:
        brief = newsbrief.analyze(text)
    except InputError:
        return
    assert_grounded(brief)
