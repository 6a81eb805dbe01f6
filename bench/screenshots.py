"""Screenshots of the story and article pages for the README: `python bench/screenshots.py` writes
docs/screenshots/story.png and docs/screenshots/article.png (desktop width, one screen each).

The pages show the browser tests' corpus (tests/browser_helpers.py: invented events, written for the
tests; the hostile article left out), ingested into a throwaway store with `newsbrief ingest` and
served by `newsbrief serve`; Debian's Chromium takes the pictures through Playwright."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser_helpers import browser_missing, chromium, ingest, serve, story_links, write_corpus  # noqa: E402

SHOTS = ROOT / "docs" / "screenshots"
VIEWPORT = {"width": 1280, "height": 860}
STORY_OF = "ferry-courier"  # the story shown: the one holding this article
ARTICLE = "ferry-courier"
MAX_BYTES = 300_000


def take(out: Path = SHOTS) -> list[Path]:
    why = browser_missing()
    if why:
        raise SystemExit(why)
    exe = Path(sys.executable).parent / "newsbrief"
    nb = str(exe) if exe.exists() else "newsbrief"
    out.mkdir(parents=True, exist_ok=True)
    made = []
    with tempfile.TemporaryDirectory() as tmp_s:
        tmp = Path(tmp_s)
        db = tmp / "news.db"
        ingest(nb, write_corpus(tmp / "corpus.jsonl", hostile=False), db)
        with serve(nb, db, tmp / "serve.log") as base, chromium() as browser:
            page = browser.new_page(viewport=VIEWPORT, base_url=base)
            for href in story_links(page):
                page.goto(href)
                if page.locator(f"a[href^='/article/{STORY_OF}']").count():
                    break
            points = page.locator("#key-points details.point summary")
            if points.count():
                points.first.click()  # one point opened: the sentences behind it
            page.evaluate("() => window.scrollTo(0, 0)")
            made.append(_shot(page, out / "story.png"))
            page.goto(f"/article/{ARTICLE}")
            items = page.locator("aside#brief a.brief-item[href^='#span-point-']")
            if items.count() > 1:
                items.nth(1).click()  # a point chosen in the brief: its span highlighted in the text
            page.evaluate("() => window.scrollTo(0, 0)")
            made.append(_shot(page, out / "article.png"))
    return made


def _shot(page: object, path: Path) -> Path:
    page.screenshot(path=str(path), full_page=False)  # type: ignore[attr-defined]
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise SystemExit(f"{path} is {size} bytes, over {MAX_BYTES}")
    return path


if __name__ == "__main__":
    for p in take():
        print(f"{p.relative_to(ROOT)}: {p.stat().st_size // 1000} kB")
