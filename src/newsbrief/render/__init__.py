"""Views of a brief for people: Markdown for a terminal, a standalone HTML page."""

from newsbrief.render.html import brief_html
from newsbrief.render.markdown import brief_markdown

__all__ = ["brief_html", "brief_markdown"]
