"""Input handling: text versus HTML, encodings, and the refusals of bad input (no analysis needed)."""

from __future__ import annotations

import pytest

from newsbrief.errors import InputError
from newsbrief.ingest.html import looks_like_html
from newsbrief.ingest.jsonl import LineError, read_lines
from newsbrief.ingest.text import article_from_bytes

PAGE = """<!doctype html><html><head><title>Dam opens after delay</title>
<meta property="article:published_time" content="2023-05-04T08:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Dam opens after delay</h1>
<p>The regional water board opened the new dam on Thursday after two years of delays, officials said.</p>
<p>Engineers had warned that the spillway needed more work before the rainy season began in earnest.</p>
<p>Farmers downstream welcomed the decision and said irrigation would start within a month.</p>
</article><footer>Copyright</footer></body></html>"""


def test_plain_text_is_kept_exactly():
    text = "Line one.\r\nLine two — with a dash.\n"
    assert article_from_bytes(text.encode()).text == text


def test_html_is_detected_and_extracted_with_metadata():
    art = article_from_bytes(PAGE.encode())
    assert "opened the new dam" in art.text and "<p>" not in art.text and "Copyright" not in art.text
    assert art.title == "Dam opens after delay"
    assert (art.published, art.published_source) == ("2023-05-04", "metadata")


def test_argument_date_wins_over_html_metadata():
    art = article_from_bytes(PAGE.encode(), published="2023-06-01", published_source="argument")
    assert (art.published, art.published_source) == ("2023-06-01", "argument")


def test_prose_mentioning_a_tag_is_not_html():
    assert not looks_like_html("Use the <p> tag for paragraphs, the editor said.")


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"  \n\t \n", "empty"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00", "binary"),
        (bytes(range(1, 9)) * 50, "binary"),
        (b"<html><body><nav>menu</nav></body></html>", "no article"),
    ],
)
def test_bad_input_is_refused_with_a_reason(data, message):
    with pytest.raises(InputError, match=message):
        article_from_bytes(data)


def test_size_limit_is_enforced_before_decoding():
    with pytest.raises(InputError, match="over the limit"):
        article_from_bytes(b"word " * 1000, max_bytes=100)


def test_non_utf8_text_is_decoded_and_says_so():
    text = "Le ministre a déclaré que la réforme était nécessaire et qu'elle serait votée en été. " * 3
    art = article_from_bytes(text.encode("cp1252"))
    assert "déclaré" in art.text
    assert any("not valid UTF-8" in n for n in art.notes)


def test_jsonl_lines_give_articles_or_errors_in_order():
    lines = [
        '{"id": "a", "text": "One.", "published": "2024-02-03T10:00:00", "points": 2}',
        "",
        "{broken",
        '{"id": 5, "text": "   "}',
        '{"text": "Two.", "published": "yesterday"}',
        '["not", "an", "object"]',
        '{"text": "Three.", "points": -1}',
        b"\xff\xfe not utf-8",
    ]
    out = list(read_lines(lines))
    assert [n for n, _ in out] == [1, 3, 4, 5, 6, 7, 8]
    first = out[0][1]
    assert (first.id, first.published, first.published_source, first.points) == ("a", "2024-02-03", "input", 2)
    errors = [x for _, x in out[1:]]
    assert all(isinstance(e, LineError) for e in errors)
    assert errors[1].id == "5" and "empty" in errors[1].error
    assert "not a YYYY-MM-DD date" in errors[2].error
    assert "UTF-8" in errors[-1].error


def test_article_without_id_gets_a_content_hash():
    a = article_from_bytes(b"Same text.")
    b = article_from_bytes(b"Same text.")
    c = article_from_bytes(b"Other text.")
    assert a.id == b.id != c.id and len(a.id) == 16


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Kim Jong Un met Putin.", "en"),
        ("Iran's president visited Syria in May.", "en"),
        ("The council approved the budget on Monday after a long debate about schools and roads.", "en"),
        ("Le gouvernement a annoncé mardi une nouvelle réforme des retraites.", "fr"),
        ("Der Bundeskanzler sagte am Dienstag, dass die Gespräche weitergehen werden.", "de"),
        ("Путин прибыл в Пхеньян во вторник вечером.", "ru"),
    ],
)
def test_language_is_an_iso_639_1_code_and_short_english_stays_english(text, lang):
    from newsbrief.ingest.language import detect

    assert detect(text) == lang
