"""Shared fixtures, and the grounding invariant that every test applies to every brief it makes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLE = ROOT / "examples" / "putin-kim-visit.txt"
# Under .ci/run a test that needs a server or a browser must not pass by skipping.
STRICT = os.environ.get("NEWSBRIEF_REQUIRE_SERVICES") == "1"


def need(condition: bool, reason: str) -> None:
    """Skip with a reason when a service is missing, except under .ci/run, where it is a failure."""
    if not condition:
        if STRICT:
            pytest.fail(f"required under .ci/run: {reason}")
        pytest.skip(reason)


def spans_of(node: Any):
    if isinstance(node, dict):
        if {"start", "end", "text"} <= node.keys() and isinstance(node["start"], int):
            yield node
        for v in node.values():
            yield from spans_of(v)
    elif isinstance(node, list):
        for v in node:
            yield from spans_of(v)


def assert_grounded(brief: Any) -> None:
    """text[start:end] == span.text for every span of a brief (a model or its JSON dict)."""
    data = brief.to_dict() if hasattr(brief, "to_dict") else brief
    text = data["text"]
    for s in spans_of(data):
        assert 0 <= s["start"] <= s["end"] <= len(text), s
        assert text[s["start"] : s["end"]] == s["text"], s


@pytest.fixture(scope="session")
def newsbrief_bin() -> str:
    exe = Path(sys.executable).parent / "newsbrief"
    return str(exe) if exe.exists() else shutil.which("newsbrief") or "newsbrief"


@pytest.fixture(scope="session")
def run_cli(newsbrief_bin: str):
    """Run the installed command; every JSON brief it prints is checked for grounding."""

    def run(*args: str, input: bytes | str | None = None, check_grounding: bool = True) -> subprocess.CompletedProcess:
        data = input.encode() if isinstance(input, str) else input
        proc = subprocess.run([newsbrief_bin, *args], input=data, capture_output=True, timeout=300)
        if check_grounding:
            for line in proc.stdout.decode("utf-8", "replace").splitlines():
                if line.startswith('{"schema"') or line.startswith("{\n"):
                    rec = json.loads(line)
                    if rec.get("schema") == "newsbrief/1":
                        assert_grounded(rec)
        return proc

    return run


@pytest.fixture(scope="session")
def brief_of():
    """Brief a text in-process (the pipeline is built once per session) and check its grounding."""
    import newsbrief

    def make(text: str, published: str | None = None, points: int | None = None):
        brief = newsbrief.analyze(text, published=published, points=points)
        assert_grounded(brief)
        return brief

    return make


@pytest.fixture(scope="session")
def example_brief(brief_of):
    return brief_of(EXAMPLE.read_text(encoding="utf-8"), published="2024-06-18")
