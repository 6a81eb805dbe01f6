"""The Markdown and HTML views: every item shown, hostile text escaped, items linked to their spans."""

from __future__ import annotations

from newsbrief.model import Brief, Check, KeyPoint, Span, Timex
from newsbrief.render import brief_html, brief_markdown

TEXT = 'Officials said <script>alert("x")</script> the port reopens on Monday. <img src=x onerror=alert(1)>'

MONDAY = TEXT.index("on Monday")


def brief() -> Brief:
    return Brief(
        id="t1", text=TEXT, language="en", published="2024-01-01", published_source="argument",
        key_points=[KeyPoint(**Span.of(TEXT, 0, 71).model_dump(), score=0.9)],
        timexes=[Timex(**Span.of(TEXT, MONDAY, MONDAY + 9).model_dump(), type="DATE", value="2024-01-08")],
        checks=[Check(kind="redundant", message="same thing twice", spans=[Span.of(TEXT, 0, 14)])],
    )


def test_markdown_lists_points_timexes_checks_with_offsets():
    md = brief_markdown(brief())
    assert "## Points of attention" in md and "[0:71]" in md
    assert "on Monday → 2024-01-08" in md
    assert "**redundant**" in md


def test_html_escapes_hostile_text_and_links_items_to_spans():
    page = brief_html(brief())
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<img" not in page and "&lt;img" in page
    assert 'href="#s0"' in page and 'id="s0"' in page
    assert "default-src 'none'" in page
