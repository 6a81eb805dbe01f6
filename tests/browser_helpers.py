"""What the browser tests and bench/screenshots.py share: a corpus written for them (two invented
events, each reported by several outlets, and one hostile article), `newsbrief serve` in a
subprocess on loopback, and Debian's Chromium driven by Playwright (never `playwright install`,
which downloads a browser)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("NEWSBRIEF_CHROMIUM", "/usr/bin/chromium")
# As root Chromium needs --no-sandbox; the rest keeps it from calling hosts this machine cannot reach.
# Playwright's launch() gives every browser a fresh, temporary --user-data-dir of its own.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

HOSTILE_ID = "ferry-hostile"
HOSTILE_TITLE = "Ferry fire <script>alert('title')</script> report"
HOSTILE_SCRIPT = "<script>alert('text')</script>"
HOSTILE_QUOTE = "<img src=x onerror=alert('quote')>"

# Event 1: a fire on a ferry in the invented port of Calloway (14 March 2025).
# Event 2: a strike of the water workers of the invented city of Vellmark (2 April 2025).
ARTICLES: list[dict[str, Any]] = [
    {"id": "ferry-courier", "source": "Calloway Courier", "published": "2025-03-14",
     "title": "Fire breaks out on the ferry Northern Lark in Calloway harbour",
     "text": (
        "A fire broke out in the engine room of the ferry Northern Lark on Friday morning as it was docking in "
        "Calloway harbour, forcing the evacuation of 212 passengers.\n\n"
        "Harbour master Ingrid Salo said the crew had put out the fire within forty minutes and that nobody was "
        "seriously hurt. \"The crew did everything right, and every passenger was on the quay within twenty minutes,\" "
        "Salo told reporters.\n\n"
        "Three passengers were treated for smoke inhalation at Calloway General Hospital, the hospital said.\n\n"
        "The Wenlock Line, which runs the ferry, said the Northern Lark would stay out of service until next Tuesday "
        "while investigators examine the engine room. The company may have to cancel crossings to the islands "
        "over the weekend.")},
    {"id": "ferry-wire", "source": "Harbour Wire", "published": "2025-03-14",
     "title": "Northern Lark ferry evacuated after engine room fire",
     "text": (
        "Passengers were evacuated from the Northern Lark ferry in Calloway on Friday after a fire started in its "
        "engine room while the ship was docking.\n\n"
        "Harbour master Ingrid Salo said the fire had been put out within forty minutes. According to Salo, 212 "
        "passengers left the ship and no one was seriously injured.\n\n"
        "Five passengers were taken to Calloway General Hospital with breathing problems, a hospital spokesman said.\n\n"
        "\"We will find out what went wrong before the ship sails again,\" said Tomas Reyes, the chief executive of "
        "the Wenlock Line. The company said crossings would resume next Tuesday.")},
    {"id": "ferry-lantern", "source": "Evening Lantern", "published": "2025-03-15",
     "title": "Investigators board fire-damaged Northern Lark",
     "text": (
        "Investigators boarded the ferry Northern Lark in Calloway on Saturday, a day after a fire in its engine "
        "room forced 212 passengers to leave the ship.\n\n"
        "The Wenlock Line chief executive Tomas Reyes said the ferry had passed a safety inspection in January. "
        "\"This ship was checked from bow to stern two months ago,\" Reyes said.\n\n"
        "Harbour master Ingrid Salo said the fire could have spread to the car deck if the crew had reacted later. "
        "Crossings to the islands are expected to resume next Tuesday.")},
    {"id": "strike-times", "source": "Vellmark Times", "published": "2025-04-02",
     "title": "Vellmark water workers walk out over pay",
     "text": (
        "About 900 workers of the Vellmark Water Board went on strike on Wednesday after talks on a new pay deal "
        "collapsed late on Tuesday night.\n\n"
        "Union leader Petra Lindqvist said the workers had been offered a raise of two percent, far below the "
        "rise in prices. \"Nobody here wants to strike, but two percent is an insult,\" Lindqvist said.\n\n"
        "The water board said tap water would keep flowing during the strike, but that repairs of burst pipes "
        "could take longer than usual.")},
    {"id": "strike-post", "source": "Eastern Post", "published": "2025-04-02",
     "title": "Strike at Vellmark Water Board after pay talks fail",
     "text": (
        "Workers at the Vellmark Water Board began a strike on Wednesday, the union said, after pay talks broke "
        "down on Tuesday.\n\n"
        "The board's director, Anselm Kovac, said it had offered a raise of three percent and was ready to talk "
        "again. \"Our door is open today and tomorrow,\" Kovac said.\n\n"
        "Union leader Petra Lindqvist said about 900 workers had joined the strike, which is set to last until "
        "Friday.")},
    {"id": "strike-wire", "source": "Harbour Wire", "published": "2025-04-03",
     "title": "Vellmark water strike enters second day",
     "text": (
        "The strike at the Vellmark Water Board entered its second day on Thursday, with no new talks planned.\n\n"
        "Petra Lindqvist, the leader of the water workers' union, said the board had offered two percent. "
        "The director Anselm Kovac said the offer was three percent and that the union had left the talks.\n\n"
        "City officials said burst pipes in the old town might not be repaired until next week.")},
    # Hostile: markup in the title, in the text and inside a quote; it must be shown as text, never run.
    {"id": HOSTILE_ID, "source": "Mischief Daily", "published": "2025-03-16",
     "title": HOSTILE_TITLE,
     "text": (
        "The ferry Northern Lark will return to service in Calloway next Tuesday, the Wenlock Line said on "
        f"Sunday. {HOSTILE_SCRIPT}\n\n"
        f"Tomas Reyes said: \"We will sail again {HOSTILE_QUOTE} by Tuesday.\"\n\n"
        "Harbour master Ingrid Salo said <b onmouseover=alert('hover')>the investigation</b> would take weeks.")},
]  # fmt: skip


def write_corpus(path: Path, hostile: bool = True) -> Path:
    """The corpus as an ingest JSONL file (without the hostile article when `hostile` is false)."""
    with open(path, "w", encoding="utf-8") as f:
        for a in ARTICLES:
            if hostile or a["id"] != HOSTILE_ID:
                f.write(json.dumps(a) + "\n")
    return path


def ingest(newsbrief_bin: str, jsonl: Path, db: Path) -> None:
    """`newsbrief ingest` the file into a SQLite store, as a user would."""
    proc = subprocess.run([newsbrief_bin, "ingest", str(jsonl), "--db", str(db)], capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        raise RuntimeError(f"ingest failed ({proc.returncode}): {proc.stderr[-2000:]}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(newsbrief_bin: str, db: Path | str, log: Path, timeout: float = 60.0) -> Iterator[str]:
    """`newsbrief serve --db DB --port FREE` in a subprocess; yields its base URL once it answers."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "NEWSBRIEF_TOKEN"}  # the pages are read-only
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [newsbrief_bin, "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)],
            stdout=out, stderr=subprocess.STDOUT, env=env,
        )  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        try:
            _wait(base, proc, log, timeout)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)


def _wait(base: str, proc: subprocess.Popen[Any], log: Path, timeout: float) -> None:
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        if proc.poll() is not None:
            raise RuntimeError(f"newsbrief serve exited with status {proc.returncode}: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(base + "/", timeout=2) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"newsbrief serve did not answer within {timeout:.0f} s: {log.read_text()[-2000:]}")


def story_links(page: Any) -> list[str]:
    """The story links of the home page, in its order."""
    page.goto("/")
    return page.eval_on_selector_all("li.story-item a[href^='/story/']", "as => as.map(a => a.getAttribute('href'))")


def browser_missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (make setup-dev installs the `browser` extra)"
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)) and not shutil.which(CHROMIUM):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium; or set NEWSBRIEF_CHROMIUM)"
    return None


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian's Chromium, headless, through Playwright: a Browser, closed on exit."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
