"""The `newsbrief` command (CONTRACT.md fixes its flags and output). Errors are one line on stderr
with a documented exit status; never a traceback."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
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


# --- the corpus ---------------------------------------------------------------------------------


class StoryFormat(str, Enum):
    json = "json"
    markdown = "markdown"


class ListFormat(str, Enum):
    text = "text"
    json = "json"


def _progress(what: str):  # type: ignore[no-untyped-def]
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (
        TextColumn(what),
        BarColumn(),
        TextColumn("{task.completed} articles"),
        TimeElapsedColumn(),
        TextColumn("{task.fields[rate]:.1f} articles/s"),
    )
    return Progress(*columns, console=_stderr_console(), transient=True)


@app.command()
def ingest(
    sources: Annotated[list[str], typer.Argument(help="JSONL files, folders, text/HTML files, RSS/Atom feeds, http(s) URLs.")],
    db: Annotated[str, typer.Option("--db", help="SQLite file (created if missing) or postgresql:// URL.")],
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow fetching from private, loopback and link-local addresses.")
    ] = False,
    points: Annotated[Optional[int], typer.Option(min=0, help="At most N key points per brief.")] = None,
    max_bytes: Annotated[int, typer.Option(help="Refuse articles (and fetched pages) larger than this.")] = DEFAULT_MAX_BYTES,
) -> None:
    """Analyse and store articles: new ones once, copies linked to their first copy, each placed in a story."""
    try:
        raise typer.Exit(_ingest(sources, db, allow_private, points, max_bytes))
    except NewsbriefError as err:
        fail(err)


def _ingest(sources: list[str], db: str, allow_private: bool, points: int | None, max_bytes: int) -> int:
    import time

    from newsbrief.corpus import Corpus, Outcome
    from newsbrief.ingest.sources import read_all

    with Corpus.open(db) as corpus, _progress("ingest") as progress:
        task = progress.add_task("ingest", total=None, rate=0.0)
        t0 = time.perf_counter()

        def tick(o: Outcome) -> None:
            if o.status == "error":
                where = f"{o.where}: " if o.where else (f"{o.id}: " if o.id else "")
                progress.console.print(f"newsbrief: {where}{o.error}", markup=False, highlight=False)
            progress.advance(task)
            done = progress.tasks[0].completed
            progress.update(task, rate=done / max(1e-9, time.perf_counter() - t0))

        report = corpus.ingest(
            read_all(sources, allow_private=allow_private, max_bytes=max_bytes), points=points, on_outcome=tick
        )
    counts = {k: report.count(k) for k in ("added", "copy", "unchanged", "error")}  # type: ignore[arg-type]
    typer.echo(
        f"newsbrief: {counts['added']} added, {counts['copy']} copies, {counts['unchanged']} unchanged, "
        f"{counts['error']} failed ({corpus.store.url})",
        err=True,
    )
    return 1 if counts["error"] else 0


@app.command()
def stories(
    db: Annotated[str, typer.Option("--db", help="SQLite file or postgresql:// URL.")],
    format: Annotated[ListFormat, typer.Option("--format", help="text: one line per story; json: JSONL.")] = ListFormat.text,
    limit: Annotated[Optional[int], typer.Option(min=1, help="At most N stories.")] = None,
    refresh_briefs: Annotated[
        bool,
        typer.Option(
            "--refresh-briefs",
            help="First build and store the brief of every story whose stored one is missing or stale "
            "(a store written by an older version); says how many on stderr.",
        ),
    ] = False,
) -> None:
    """The stories of the corpus, newest first."""
    from newsbrief.corpus import open_store, views

    try:
        with open_store(db, create=False) as store:
            if refresh_briefs:
                built = views.refresh_story_briefs(store)
                typer.echo(f"stored the briefs of {built} stories", err=True)
            for line in views.stories(store, limit):
                if format is ListFormat.json:
                    sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
                else:
                    dates = (
                        " to ".join(dict.fromkeys(filter(None, [line["first_published"], line["last_published"]]))) or "undated"
                    )
                    outlets = f" [{', '.join(line['outlets'])}]" if line["outlets"] else ""
                    sys.stdout.write(f"{line['id']}  {line['size']:>3} art.  {dates}  {line['title'] or ''}{outlets}\n")
    except NewsbriefError as err:
        fail(err)


@app.command()
def story(
    id: Annotated[str, typer.Argument(help="A story id (from `stories`).")],
    db: Annotated[str, typer.Option("--db", help="SQLite file or postgresql:// URL.")],
    format: Annotated[
        Optional[StoryFormat], typer.Option("--format", help="Default: markdown on a terminal, json when piped.")
    ] = None,
) -> None:
    """One story: its articles (copies marked), actors, dated items and quotes."""
    from newsbrief.corpus import open_store, views

    try:
        with open_store(db, create=False) as store:
            view = views.story(store, id)
        fmt = format or (StoryFormat.markdown if sys.stdout.isatty() else StoryFormat.json)
        if fmt is StoryFormat.json:
            sys.stdout.write(json.dumps(view, ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(views.story_markdown(view))
    except NewsbriefError as err:
        fail(err)


@app.command()
def entity(
    name: Annotated[str, typer.Argument(help="An actor's name or alias, e.g. 'Kim Jong Un' or 'Putin'.")],
    db: Annotated[str, typer.Option("--db", help="SQLite file or postgresql:// URL.")],
    format: Annotated[ListFormat, typer.Option("--format", help="text, or json (one actor per line).")] = ListFormat.text,
) -> None:
    """An actor across the corpus: its aliases, country, mentions and articles."""
    from newsbrief.corpus import open_store, views

    try:
        with open_store(db, create=False) as store:
            found = views.entity(store, name)
        if not found:
            raise NoInputError(f"no actor named {name!r} in {store.url}")
        for actor in found:
            if format is ListFormat.json:
                sys.stdout.write(json.dumps(actor, ensure_ascii=False) + "\n")
                continue
            country = f", {actor['country']}" if actor["country"] else ""
            sys.stdout.write(f"{actor['name']} ({actor['type']}{country}) {actor['id']}: {actor['mentions']} mentions\n")
            sys.stdout.write(f"  aliases: {', '.join(actor['aliases'])}\n")
            for a in actor["articles"]:
                sys.stdout.write(f"  {a['id']}  {a['published'] or 'undated'}  story {a['story']}  {a['title'] or ''}\n")
    except NewsbriefError as err:
        fail(err)


@app.command()
def relations(
    actor: Annotated[str, typer.Argument(help="An actor's name, alias or corpus id (as `entity` shows it).")],
    db: Annotated[str, typer.Option("--db", help="SQLite file or postgresql:// URL.")],
    format: Annotated[ListFormat, typer.Option("--format", help="text, or json (one actor per line).")] = ListFormat.text,
    since: Annotated[Optional[str], typer.Option(help="Only events dated on or after YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option(help="Only events dated on or before YYYY-MM-DD.")] = None,
    limit: Annotated[Optional[int], typer.Option(min=1, help="List at most N events (counts cover all).")] = None,
) -> None:
    """An actor's relations: partners, per-week counts by CAMEO quad class with Goldstein weights, and the
    events (each counted once across outlets) with their sources."""
    from newsbrief.corpus import open_store
    from newsbrief.corpus.relations import relations as relations_of
    from newsbrief.corpus.relations import relations_text, resolve_actor

    try:
        with open_store(db, create=False) as store:
            found = resolve_actor(store, actor)
            if not found:
                raise NoInputError(f"no actor named {actor!r} in {store.url}")
            views = [relations_of(store, a.id, since=since, until=until, limit=limit) for a in found]
        for view in views:
            if format is ListFormat.json:
                sys.stdout.write(json.dumps(view, ensure_ascii=False) + "\n")
            else:
                sys.stdout.write(relations_text(view))
    except NewsbriefError as err:
        fail(err)


@app.command()
def search(
    text: Annotated[str, typer.Argument(help='Words to find; "quoted phrases" match as phrases. No operators.')],
    db: Annotated[str, typer.Option("--db", help="SQLite file or postgresql:// URL.")],
    entity: Annotated[
        Optional[str], typer.Option("--entity", help="Only articles mentioning this actor (name or alias).")
    ] = None,
    speaker: Annotated[Optional[str], typer.Option("--speaker", help="Only articles quoting this speaker.")] = None,
    outlet: Annotated[Optional[str], typer.Option("--outlet", help="Only articles from this source.")] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="Published on or after YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Published on or before YYYY-MM-DD.")] = None,
    story_id: Annotated[Optional[str], typer.Option("--story", help="Only articles of this story.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="At most N hits (1-1000).")] = 20,
    offset: Annotated[int, typer.Option("--offset", help="Skip the first N hits.")] = 0,
    format: Annotated[ListFormat, typer.Option("--format", help="text: one hit per line; json: JSONL hits.")] = ListFormat.text,
) -> None:
    """Full-text search of the corpus: ranked hits with highlighted snippets."""
    from newsbrief.corpus import open_store
    from newsbrief.corpus.search import search as run_search

    try:
        with open_store(db, create=False) as store:
            hits = run_search(
                store, text, entity=entity, speaker=speaker, outlet=outlet, since=since, until=until,
                story=story_id, limit=limit, offset=offset,
            )  # fmt: skip
        for hit in hits:
            if format is ListFormat.json:
                sys.stdout.write(json.dumps(hit.to_dict(), ensure_ascii=False) + "\n")
            else:
                meta = "  ".join(filter(None, [hit.published or "undated", hit.source, hit.title]))
                sys.stdout.write(f"{hit.article_id}  {hit.score:.3f}  {meta}\n    {hit.snippet}\n")
        if not hits:
            typer.echo("newsbrief: no hits", err=True)
    except NewsbriefError as err:
        fail(err)


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    parquet = "parquet"


@app.command()
def export(
    out_dir: Annotated[str, typer.Argument(help="Folder for articles, briefs, actors, stories and events files (created).")],
    db: Annotated[str, typer.Option("--db", help="SQLite file or postgresql:// URL.")],
    format: Annotated[ExportFormat, typer.Option("--format", help="jsonl or parquet.")] = ExportFormat.jsonl,
) -> None:
    """Export the corpus: one file per table (articles, briefs, actors, stories, events)."""
    from newsbrief.corpus import open_store
    from newsbrief.corpus.export import export as run_export

    try:
        with open_store(db, create=False) as store:
            counts = run_export(store, out_dir, format.value)
        typer.echo("newsbrief: " + ", ".join(f"{n} {t}" for t, n in counts.items()) + f" -> {out_dir}", err=True)
    except NewsbriefError as err:
        fail(err)
    except OSError as err:
        fail(NoInputError(f"{out_dir}: cannot write: {err.strerror or err}"))


@app.command()
def cluster(
    jsonl: Annotated[str, typer.Option(help="One article per line in (- for stdin); {id, cluster} per article out.")],
    points: Annotated[Optional[int], typer.Option(min=0, hidden=True)] = None,
    max_bytes: Annotated[int, typer.Option(help="Refuse articles larger than this.")] = DEFAULT_MAX_BYTES,
) -> None:
    """Group articles into stories (the same real-world event), with the store's own clustering."""
    try:
        raise typer.Exit(_cluster(jsonl, points, max_bytes))
    except NewsbriefError as err:
        fail(err)


def _cluster(source: str, points: int | None, max_bytes: int) -> int:
    import time

    from newsbrief.corpus import Corpus, Outcome, SourceError
    from newsbrief.ingest.jsonl import LineError, read_lines

    if source == "-":
        stream = sys.stdin.buffer
    else:
        try:
            stream = open(source, "rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise NoInputError(f"{source}: {exc.strerror or 'cannot open'}") from None
    lines: list[int] = []  # input line of each item, by its index

    def items():  # type: ignore[no-untyped-def]
        for n, item in read_lines(stream, max_bytes):
            lines.append(n)
            yield SourceError(f"line {n}", item.error, item.id) if isinstance(item, LineError) else item

    outcomes: list[Outcome] = []
    with stream, Corpus.open(":memory:") as corpus, _progress("cluster") as progress:
        task = progress.add_task("cluster", total=None, rate=0.0)
        t0 = time.perf_counter()

        def tick(o: Outcome) -> None:
            outcomes.append(o)
            progress.advance(task)
            progress.update(task, rate=progress.tasks[0].completed / max(1e-9, time.perf_counter() - t0))

        corpus.ingest(items(), points=points, on_outcome=tick)
    failed = 0
    for o in sorted(outcomes, key=lambda o: o.index):
        if o.status == "error":
            failed += 1
            rec = {"id": o.id, "line": lines[o.index], "error": o.error}
        else:
            rec = {"id": o.id, "cluster": o.story_id}
        sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if failed:
        typer.echo(f"newsbrief: {failed} line(s) failed; see their error records", err=True)
    return 1 if failed else 0


@app.command()
def api(
    db: Annotated[str, typer.Option("--db", help="SQLite file or postgresql:// URL.")],
    host: Annotated[str, typer.Option(help="Interface to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
) -> None:
    """Serve the REST API (OpenAPI at /openapi.json). Writes need the token in NEWSBRIEF_TOKEN."""
    from newsbrief.api.app import run

    _listen(run, db, host, port)


@app.command()
def serve(
    db: Annotated[str, typer.Option("--db", help="SQLite file or postgresql:// URL.")],
    host: Annotated[str, typer.Option(help="Interface to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
) -> None:
    """Serve the web pages (/, /story, /article, /actor, /search) and the same API under /api/."""
    from newsbrief.web import run

    _listen(run, db, host, port)


def _listen(run: Callable[..., None], db: str, host: str, port: int) -> None:
    from newsbrief.corpus import open_store

    try:
        open_store(db, create=False).close()  # a wrong --db is an error now, not on the first request
        run(db, host=host, port=port)
    except NewsbriefError as err:
        fail(err)


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
