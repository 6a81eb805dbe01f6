"""The REST API over a corpus store (FastAPI): reads open, writes behind the token. See app.py."""

from newsbrief.api.app import create_app, run

__all__ = ["create_app", "run"]
