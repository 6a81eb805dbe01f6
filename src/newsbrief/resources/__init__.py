"""Data files the analyzers read (word lists, alias tables, patterns): data, not code."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def load_json(name: str) -> Any:
    return json.loads(files(__name__).joinpath(name).read_text(encoding="utf-8"))


def read_text(name: str) -> str:
    return files(__name__).joinpath(name).read_text(encoding="utf-8")
