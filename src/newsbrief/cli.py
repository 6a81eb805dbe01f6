"""The `newsbrief` command (CONTRACT.md fixes its flags and output). Errors are one line on stderr
with a documented exit status; never a traceback."""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer

from newsbrief.errors import InputError, NewsbriefError, NoInputError, UsageError
from newsbrief.ingest.article import DEFAULT_MAX_BYTES

EXIT_CODES = """Exit status: 0 success; 1 some --jsonl lines failed (their error lines are in the output);
2 bad command line; 64 contradictory options; 65 input that cannot be briefed (empty, binary, too
large, HTML with no article); 66 input file not found or unreadable;
70 internal error."""

app = typer.Typer(
    name="newsbrief",
    help="Grounded intelligence briefs from news articles.\n\n" + EXIT_CODES,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


class Format(str, Enum):
    json = "json"
    markdown = "markdown"
    html = "html"


def fail(err: NewsbriefError) -> NoReturn:
    typer.echo(f"newsbrief: error: {err}", err=True)
    raise typer.Exit(err.exit_code)


def _read_input(file: str) -> bytes:
    if file == "-":
        return sys.stdin.buffer.read()
    path = Path(file)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise NoInputError(f"{file}: no such file") from None
    except IsADirectoryError:
        raise NoInputError(f"{file}: is a directory") from None
    except OSError as exc:
        raise NoInputError(f"{file}: {exc.strerror}") from None


def _published(value: str | None) -> str | None:
    from newsbrief.ingest.jsonl import parse_date

    try:
        return parse_date(value, "--published")
    except InputError as exc:
        raise UsageError(str(exc)) from None


@app.command()
def analyze(
    file: Annotated[Optional[str], typer.Argument(help="Article file (text or HTML), or - for stdin.")] = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date YYYY-MM-DD (anchors relative dates).")] = None,
    points: Annotated[Optional[int], typer.Option(min=0, help="At most N key points (default about 5).")] = None,
    format: Annotated[
        Optional[Format], typer.Option("--format", help="Default: markdown on a terminal, json when piped.")
    ] = None,
    jsonl: Annotated[
        Optional[str], typer.Option(help="Batch: one article per line in (- for stdin), one brief per line out.")
    ] = None,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes for --jsonl.")] = 1,
    max_bytes: Annotated[int, typer.Option(help="Refuse inputs larger than this (0: no limit).")] = DEFAULT_MAX_BYTES,
) -> None:
    """Brief one article (FILE) or a batch (--jsonl)."""
    try:
        if jsonl is not None:
            if file is not None:
                raise UsageError("give either FILE or --jsonl, not both")
            if format not in (None, Format.json):
                raise UsageError("--jsonl writes JSON lines only")
            if published is not None:
                raise UsageError("--published applies to one FILE; give each --jsonl line its 'published'")
            raise typer.Exit(_analyze_jsonl(jsonl, points, workers, max_bytes))
        if file is None:
            raise UsageError("give a FILE (or - for stdin), or --jsonl IN.jsonl")
        _analyze_one(file, _published(published), points, format, max_bytes)
    except NewsbriefError as err:
        fail(err)


def _analyze_one(file: str, published: str | None, points: int | None, fmt: Format | None, max_bytes: int) -> None:
    from newsbrief.ingest.text import article_from_bytes
    from newsbrief.pipeline import analyze_article
    from newsbrief.render import brief_html, brief_markdown

    data = _read_input(file)
    meta = {"published": published, "published_source": "argument"} if published else {}
    article = article_from_bytes(data, max_bytes=max_bytes, **meta)
    brief = analyze_article(article, points=points)
    fmt = fmt or (Format.markdown if sys.stdout.isatty() else Format.json)
    if fmt is Format.json:
        sys.stdout.write(brief.to_json() + "\n")
    elif fmt is Format.markdown:
        sys.stdout.write(brief_markdown(brief))
    else:
        sys.stdout.write(brief_html(brief))


def _analyze_jsonl(source: str, points: int | None, workers: int, max_bytes: int) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from newsbrief import batch
    from newsbrief.ingest.jsonl import read_lines

    if source == "-":
        stream = sys.stdin.buffer
    else:
        try:
            stream = open(source, "rb")  # noqa: SIM115 - closed below
        except FileNotFoundError:
            raise NoInputError(f"{source}: no such file") from None
        except OSError as exc:
            raise NoInputError(f"{source}: {exc.strerror}") from None
    failed = 0
    columns = (
        TextColumn("briefs"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[rate]:.1f} articles/s"),
    )
    with stream, Progress(*columns, console=_stderr_console(), transient=False) as progress:
        task = progress.add_task("analyze", total=None, rate=0.0)
        for record in batch.run(read_lines(stream, max_bytes), points=points, workers=workers):
            failed += "error" in record
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            progress.advance(task)
            elapsed = progress.tasks[0].elapsed or 0
            progress.update(task, rate=progress.tasks[0].completed / elapsed if elapsed else 0.0)
    if failed:
        typer.echo(f"newsbrief: {failed} line(s) failed; see their error records", err=True)
    return 1 if failed else 0


def _stderr_console():  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(stderr=True)


@app.command()
def schema() -> None:
    """Print the brief's JSON Schema."""
    from newsbrief.model import json_schema

    sys.stdout.write(json.dumps(json_schema(), indent=2) + "\n")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("newsbrief: interrupted", err=True)
        raise SystemExit(130) from None
    except BrokenPipeError:
        raise SystemExit(0) from None
    except Exception as exc:  # a bug of ours: one line, and the traceback only when asked for
        if os.environ.get("NEWSBRIEF_DEBUG"):
            raise
        typer.echo(f"newsbrief: internal error: {type(exc).__name__}: {exc} (set NEWSBRIEF_DEBUG=1 for details)", err=True)
        raise SystemExit(70) from None


if __name__ == "__main__":
    main()
