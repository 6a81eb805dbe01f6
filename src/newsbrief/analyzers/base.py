"""What components share: the Doc extensions through which they hand their results on."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from newsbrief.model import ANALYZED_FIELDS

# Per-document context set before the pipeline runs (see pipeline.make_doc).
CONTEXT = ("nb_published", "nb_published_source")

for _name in (*(f"nb_{f}" for f in ANALYZED_FIELDS), *CONTEXT):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


ERRORS_KEY = "nb_errors"


def record_failure(doc: Doc, component: str, exc: Exception) -> None:
    """A component that cannot finish on one text records why; the brief shows it in its `notes`."""
    doc.user_data.setdefault(ERRORS_KEY, []).append(f"{component}: {type(exc).__name__}: {exc}")


def put(doc: Doc, field: str, items: list[Any]) -> None:
    """Set a brief field's items (pydantic models of model.py) on the Doc."""
    setattr(doc._, f"nb_{field}", list(items))


def add(doc: Doc, field: str, items: list[Any]) -> None:
    """Append to a field several components contribute to (e.g. checks)."""
    current = getattr(doc._, f"nb_{field}") or []
    setattr(doc._, f"nb_{field}", current + list(items))


def get(doc: Doc, field: str) -> list[Any]:
    return getattr(doc._, f"nb_{field}") or []
