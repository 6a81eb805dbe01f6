"""Stories with real-stream dates: about half the articles have none, so a date may help a join but a
dated article must never carry a fact an undated one of the same event lacks; and the bench's
synthetic-dates variant builds what it says (events of a topic weeks apart, half the dates dropped)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from corpus_helpers import BRIDGE, BRIDGE_OTHER_OUTLET, TRAIN, brief
from newsbrief.corpus.features import features
from newsbrief.corpus.sqlite import SQLiteStore
from newsbrief.corpus.store import ArticleRow, StoryRow
from newsbrief.corpus.stories import StoryTracker, fact_evidence

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))


def _story_of(*briefs: dict) -> tuple[StoryTracker, StoryRow]:
    store = SQLiteStore(":memory:")
    store.migrate()
    tracker = StoryTracker(store)
    story = StoryRow(id="s", raw={})
    for seq, b in enumerate(briefs):
        feats = features(b)
        with store.transaction():
            store.add_doc(list(feats.terms) + list(feats.names))
            tracker._grow(
                story, ArticleRow(id=b["id"], content_hash="", exact_hash="", published=b.get("published"), seq=seq), feats
            )
        story = store.get_stories(["s"], raw=True)[0]
    return tracker, story


def test_the_date_of_publication_is_no_written_year():
    dated = features(brief("b1", BRIDGE, "2024-03-04"))
    assert dated.published == "2024-03-04" and "2024" not in dated.years
    written = features(brief("b2", BRIDGE + " The bridge was last repaired in 1998.", "2024-03-04"))
    assert written.years == {"1998"}


def test_a_timex_year_counts_only_when_written():
    b = brief("b1", "The vote of 8/2/13 closed it. It reopened on Tuesday.", "2024-03-04")
    b["timexes"] = [
        {"start": 12, "end": 18, "text": "8/2/13", "type": "DATE", "value": "2013-08-02"},
        {"start": 44, "end": 51, "text": "Tuesday", "type": "DATE", "value": "2024-03-05"},
    ]
    assert features(b).years == {"2013"}


def test_an_undated_article_misses_no_year_of_a_dated_story():
    _, story = _story_of(brief("b1", BRIDGE, "2024-03-04"), brief("b2", BRIDGE_OTHER_OUTLET, "2024-03-05"))
    ev = fact_evidence(features(brief("b3", BRIDGE_OTHER_OUTLET.replace("Brookfield's", "The"))), story)
    assert ev["y_missing"] == 0.0 and ev["y_share"] == 0.0


def test_date_near_only_for_a_dated_article_close_to_a_dated_story():
    tracker, story = _story_of(brief("b1", BRIDGE, "2024-03-04"))

    def near(published: str | None) -> float:
        feats = features(brief("x", BRIDGE_OTHER_OUTLET, published))
        vec, names = tracker._vectors(feats)
        return tracker.evidence(vec, names, feats, story)["date_near"]

    assert near("2024-03-04") == 1.0 and near("2024-03-05") == 1.0
    assert near("2024-03-07") == 0.0 and near(None) == 0.0
    _, undated_story = _story_of(brief("b1", BRIDGE))
    feats = features(brief("x", BRIDGE_OTHER_OUTLET, "2024-03-04"))
    vec, names = tracker._vectors(feats)
    assert tracker.evidence(vec, names, feats, undated_story)["date_near"] == 0.0


def test_synthetic_dates_bench_variant():
    from bench_cluster import synthetic_dates

    gold = []
    for topic, text in ((1, BRIDGE), (2, TRAIN)):
        for sub in ("ecb", "ecbplus"):
            for k in range(10):
                title = f"Headline {topic} {sub} {k}."
                gold.append(
                    {
                        "id": f"{topic}_{k}{sub}",
                        "text": f"{title} {text}",
                        "title": title,
                        "cluster": f"{topic}_{sub}",
                        "topic": topic,
                    }
                )
    lines = synthetic_dates(gold)
    assert lines == synthetic_dates(gold)  # seeded
    dated = [line for line in lines if line["published"]]
    assert 10 <= len(dated) <= 30
    untitled = [line for line in lines if not line["title"]]
    assert untitled and all(line["text"] == BRIDGE or line["text"] == TRAIN for line in untitled)
    day = {g["id"]: g["cluster"] for g in gold}
    by_event: dict[str, list[dt.date]] = {}
    for line in dated:
        by_event.setdefault(day[line["id"]], []).append(dt.date.fromisoformat(line["published"]))
    for days in by_event.values():
        assert (max(days) - min(days)).days <= 3
    for topic in (1, 2):
        a, b = by_event[f"{topic}_ecb"], by_event[f"{topic}_ecbplus"]
        assert abs((min(b) - min(a)).days) >= 18  # events of one topic weeks apart
