"""DATE/TIME values as intervals of days, for comparing and placing them (temporal_checks,
timeline): "2024-06" covers June 1..30, "199" the 1990s; and a duration that reaches back or
forward from the publication date ("the last 24 years") as the interval it spans.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_SEASON_SPAN = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def interval(value: str | None, published: str | None = None) -> tuple[date, date] | None:
    """The first and last day a DATE/TIME value covers ("2024-06" -> June 1..30, "199" -> the
    1990s, PRESENT_REF -> the publication day); None for what has no place on a calendar."""
    if not value:
        return None
    try:
        if value == "PRESENT_REF":
            d = date.fromisoformat(published) if published else None
            return (d, d) if d else None
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", value)
        if m:
            d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return d, d
        m = re.fullmatch(r"(\d{4})-(\d{2})", value)
        if m:
            y, mo = int(m.group(1)), int(m.group(2))
            return date(y, mo, 1), _month_end(y, mo)
        m = re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value)
        if m:
            monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            if m.group(3):
                return monday + timedelta(days=5), monday + timedelta(days=6)
            return monday, monday + timedelta(days=6)
        m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
        if m:
            y, q = int(m.group(1)), int(m.group(2))
            return date(y, 3 * q - 2, 1), _month_end(y, 3 * q)
        m = re.fullmatch(r"(\d{4})-H([12])", value)
        if m:
            y, h = int(m.group(1)), int(m.group(2))
            return (date(y, 1, 1), date(y, 6, 30)) if h == 1 else (date(y, 7, 1), date(y, 12, 31))
        m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
        if m:
            y = int(m.group(1))
            a, b = _SEASON_SPAN[m.group(2)]
            end_y, end_m = (y + 1, b - 12) if b > 12 else (y, b)
            return date(y, a, 1), _month_end(end_y, end_m)
        if re.fullmatch(r"\d{4}", value):
            y = int(value)
            return date(y, 1, 1), date(y, 12, 31)
        if re.fullmatch(r"\d{3}X?", value):
            y = int(value[:3]) * 10
            return date(max(1, y), 1, 1), date(y + 9, 12, 31)
        if re.fullmatch(r"\d{2}", value):
            y = int(value) * 100
            return date(max(1, y), 1, 1), date(y + 99, 12, 31)
    except ValueError:
        return None
    return None


_BACKWARD = re.compile(r"\b(?:last|past|previous|preceding|recent|in|over|during|for|within)\s+$", re.IGNORECASE)
_FORWARD = re.compile(r"\b(?:next|coming|following|upcoming)\s+$", re.IGNORECASE)
_YMD = {"Y": 365.25, "M": 30.44, "W": 7, "D": 1}


def duration_days(value: str | None) -> float | None:
    """Days in a simple duration value (P24Y, P2D, P2Y6M); None for vague or clock durations."""
    m = re.fullmatch(r"P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?", value or "")
    if not m or not any(m.groups()):
        return None
    return sum(float(x) * _YMD[u] for x, u in zip(m.groups(), "YMWD") if x)


def anchored_interval(text: str, start: int, end: int, value: str | None, published: str | None) -> tuple[date, date] | None:
    """A duration that reaches back or forward from the publication date as an interval: "the last
    24 years" (published 2024-06-18) -> 2000-06-18 .. 2024-06-18; "the next two weeks" forward.
    None when the duration floats ("a two-day visit") or there is no publication date."""
    days = duration_days(value)
    if days is None or not published:
        return None
    try:
        pub = date.fromisoformat(published)
    except ValueError:
        return None
    words = text[start:end].lower()
    before = text[max(0, start - 30) : start]
    inside_back = re.match(r"(?:the\s+)?(?:last|past|previous|preceding)\b", words)
    inside_fwd = re.match(r"(?:the\s+)?(?:next|coming|following)\b", words)
    try:
        if inside_back or (
            not inside_fwd
            and _BACKWARD.search(before)
            and re.search(r"\bfirst\b|\bsince\b|\bin\s+$", text[max(0, start - 60) : start], re.I)
        ):
            return pub - timedelta(days=round(days)), pub
        if inside_fwd or _FORWARD.search(before):
            return pub, pub + timedelta(days=round(days))
    except OverflowError:
        return None
    return None
