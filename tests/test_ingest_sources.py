"""Reading sources without analysis: feed files (good, malformed, empty entries), folders of
text/HTML, JSONL with bad lines; each bad item is one error and the rest goes on."""

from __future__ import annotations

from loopback_server import PAGE, rss
from newsbrief.ingest import feed
from newsbrief.ingest.sources import Reader, SourceError


def split(items):
    return [i for i in items if not isinstance(i, SourceError)], [i for i in items if isinstance(i, SourceError)]


def test_feed_file_entries_without_fetching(tmp_path):
    path = tmp_path / "news.xml"
    path.write_text(rss("http://127.0.0.1:9"), encoding="utf-8")  # links point at a closed loopback port
    arts, errs = split(list(Reader().read(str(path))))
    assert [a.id for a in arts] == ["crane-1", "ferry-2"]
    crane = arts[0]  # its page is refused (loopback): the summary is kept, with a note saying so
    assert crane.text == "A crane fell." and "could not be used" in crane.notes[0]
    assert len(errs) == 1 and "entry 3" in errs[0].where


def test_atom_feed_is_read(tmp_path):
    atom = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Times</title>
    <entry><title>Flood gates opened</title><id>urn:valley:1</id><updated>2024-04-01T10:00:00Z</updated>
    <content type="html">&lt;p&gt;The valley authority opened the flood gates of the upper dam on Monday after three days of
    heavy rain raised the reservoir to its highest level in twenty years. Residents of the lower villages were told
    to move cars and livestock to higher ground, and schools along the river closed for the rest of the week while
    engineers watch the levees. The authority said the release would last at least two days.&lt;/p&gt;</content></entry></feed>"""
    path = tmp_path / "valley.atom"
    path.write_text(atom, encoding="utf-8")
    arts, errs = split(list(Reader().read(str(path))))
    assert not errs and arts[0].id == "urn:valley:1" and arts[0].published == "2024-04-01"
    assert arts[0].text.startswith("The valley authority") and "<p>" not in arts[0].text
    assert arts[0].source == "Valley Times"


def test_malformed_feed_is_one_error(tmp_path):
    path = tmp_path / "bad.rss"
    path.write_bytes(b"<?xml version='1.0'?><rss><channel><title>x</title></chan")
    arts, errs = split(list(Reader().read(str(path))))
    assert not arts and len(errs) == 1 and "feed" in errs[0].error


def test_feed_sniffing():
    assert feed.looks_like_feed(b'<?xml version="1.0"?>\n<rss version="2.0">')
    assert not feed.looks_like_feed(b"<!doctype html><html>")


def test_folder_of_text_and_html(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(
        "The town library reopened on Friday after a two-year renovation of its roof.", encoding="utf-8"
    )
    (tmp_path / "sub" / "b.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("   ", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("a,b", encoding="utf-8")
    arts, errs = split(list(Reader().read(str(tmp_path))))
    assert len(arts) == 2 and arts[1].title == "Harbour crane collapses" and arts[1].published == "2024-02-10"
    assert len(errs) == 1 and errs[0].where.endswith("empty.txt")
    assert arts[0].id and len(arts[0].id) == 16  # no id of its own: the content hash


def test_jsonl_bad_lines_are_errors_with_their_line(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"id": "x", "text": "A ship ran aground off the cape on Tuesday."}\nnot json\n{"id": "y"}\n', encoding="utf-8"
    )
    arts, errs = split(list(Reader().read(str(path))))
    assert [a.id for a in arts] == ["x"]
    assert [e.where.rsplit(" ", 1)[1] for e in errs] == ["2", "3"] and errs[1].id == "y"


def test_missing_source_is_an_error_not_a_crash(tmp_path):
    arts, errs = split(list(Reader().read(str(tmp_path / "nope.jsonl"))))
    assert not arts and "no such file" in errs[0].error
