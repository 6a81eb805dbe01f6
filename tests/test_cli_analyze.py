"""`newsbrief analyze` and `schema` end to end, as CONTRACT.md fixes them (the installed command)."""

from __future__ import annotations

import json

import pytest

from conftest import EXAMPLE

ARTICLE = (
    "Harbour workers ended a two-week strike on Friday.\n"
    "What the deal says\n"
    "- Wages rise by four percent.\n"
    "- Night shifts get a new bonus.\n"
    "The union leader said members would vote again in March. Shipping companies welcomed the agreement.\n"
)

pytestmark = pytest.mark.slow


def test_analyze_file_json_when_piped(run_cli, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    proc = run_cli("analyze", str(f), "--published", "2024-03-08")
    assert proc.returncode == 0, proc.stderr
    brief = json.loads(proc.stdout)
    assert brief["schema"] == "newsbrief/1"
    assert brief["text"] == ARTICLE
    assert (brief["published"], brief["published_source"], brief["language"]) == ("2024-03-08", "argument", "en")


def test_analyze_stdin_markdown_and_html(run_cli):
    md = run_cli("analyze", "-", "--format", "markdown", input=ARTICLE)
    assert md.returncode == 0 and md.stdout.decode().startswith("# ")
    page = run_cli("analyze", "-", "--format", "html", input=ARTICLE)
    out = page.stdout.decode()
    assert page.returncode == 0 and out.startswith("<!doctype html>") and "Content-Security-Policy" in out
    assert "Harbour workers" in out


def test_html_page_is_extracted(run_cli, tmp_path):
    page = tmp_path / "p.html"
    body = "".join(f"<p>{line}</p>" for line in ARTICLE.splitlines())
    page.write_text(f"<!doctype html><html><head><title>Strike ends</title></head><body><article>{body}</article></body></html>")
    brief = json.loads(run_cli("analyze", str(page), "--format", "json").stdout)
    assert "Wages rise" in brief["text"] and "<p>" not in brief["text"]


def test_example_article_brief(run_cli):
    proc = run_cli("analyze", str(EXAMPLE), "--published", "2024-06-18", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    brief = json.loads(proc.stdout)
    assert brief["text"] == EXAMPLE.read_text(encoding="utf-8")
    for field in ("key_points", "entities", "attributions", "timexes", "statements", "events", "checks"):
        assert isinstance(brief[field], list)


def test_points_caps_key_points(run_cli):
    brief = json.loads(run_cli("analyze", "-", "--points", "1", input=ARTICLE).stdout)
    assert len(brief["key_points"]) <= 1
    none = json.loads(run_cli("analyze", "-", "--points", "0", input=ARTICLE).stdout)
    assert none["key_points"] == []


def test_jsonl_batch_keeps_order_and_reports_bad_lines(run_cli, tmp_path):
    lines = [
        json.dumps({"id": "first", "text": ARTICLE, "published": "2024-03-08", "points": 1}),
        "this is not json",
        json.dumps({"id": "empty", "text": ""}),
        json.dumps({"text": "A second short article about the harbour strike and its end."}),
        json.dumps({"id": "no-text", "title": "x"}),
    ]
    f = tmp_path / "in.jsonl"
    f.write_text("\n".join(lines) + "\n")
    proc = run_cli("analyze", "--jsonl", str(f))
    assert proc.returncode == 1
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert len(out) == 5
    assert out[0]["id"] == "first" and out[0]["published_source"] == "input" and len(out[0]["key_points"]) <= 1
    assert out[1] == {"id": None, "line": 2, "error": out[1]["error"]} and "not JSON" in out[1]["error"]
    assert out[2]["id"] == "empty" and out[2]["line"] == 3 and "empty" in out[2]["error"]
    assert out[3]["schema"] == "newsbrief/1" and len(out[3]["id"]) == 16  # content hash
    assert out[4]["id"] == "no-text" and "text" in out[4]["error"]
    assert b"failed" in proc.stderr


def test_jsonl_with_workers_gives_the_same_output(run_cli, tmp_path):
    text = "Story number {}. The council met on Monday and agreed a budget."
    lines = [json.dumps({"id": str(i), "text": text.format(i)}) for i in range(6)]
    f = tmp_path / "in.jsonl"
    f.write_text("\n".join(lines))
    one = run_cli("analyze", "--jsonl", str(f))
    two = run_cli("analyze", "--jsonl", str(f), "--workers", "2")
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout


def test_schema_command(run_cli):
    schema = json.loads(run_cli("schema").stdout)
    assert {"key_points", "attributions", "timexes"} <= set(schema["properties"])


@pytest.mark.parametrize(
    "args, stdin, code, message",
    [
        (["analyze", "-"], b"", 65, "empty"),
        (["analyze", "-"], b"   \n ", 65, "empty"),
        (["analyze", "-"], b"\x00\x01\x02binary\x00", 65, "binary"),
        (["analyze", "-"], b"<html><body><nav>Home</nav></body></html>", 65, "no article"),
        (["analyze", "-", "--max-bytes", "10"], b"A sentence that is too long.", 65, "over the limit"),
        (["analyze", "/nonexistent/file.txt"], None, 66, "no such file"),
        (["analyze", "-", "--published", "June"], b"Text.", 64, "YYYY-MM-DD"),
        (["analyze"], None, 64, "give a FILE"),
    ],
)
def test_bad_input_gives_one_line_and_exit_status(run_cli, args, stdin, code, message):
    proc = run_cli(*args, input=stdin)
    err = proc.stderr.decode()
    assert proc.returncode == code, err
    assert message in err and "Traceback" not in err
    assert err.count("\n") == 1
    assert proc.stdout == b""


def test_non_english_article_states_its_language(run_cli):
    text = "Le gouvernement a annoncé mardi une nouvelle réforme des retraites, qui sera débattue au Parlement en juin."
    brief = json.loads(run_cli("analyze", "-", input=text).stdout)
    assert brief["language"] == "fr"
    assert brief["statements"] == [] and any("not analysed" in n for n in brief["notes"])


def test_invalid_utf8_is_decoded_and_noted(run_cli):
    text = "The minister’s plan was approved on Tuesday after a long debate in parliament about the budget."
    brief = json.loads(run_cli("analyze", "-", input=text.encode("cp1252")).stdout)
    assert "minister’s" in brief["text"]
    assert any("not valid UTF-8" in n for n in brief["notes"])
