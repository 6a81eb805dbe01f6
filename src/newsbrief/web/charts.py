"""Small SVG charts drawn on the server: a story's timeline and an actor's mentions over time.

No chart library and no script: the page stays one HTML response under `default-src 'none'`.
Every text that reaches the SVG (labels, hover titles, links) goes through `markupsafe.escape`.
The SVG scales to its container (viewBox, width 100%); hover titles are SVG `<title>` elements
and every mark that leads somewhere is an `<a>`, reachable by keyboard.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH, PAD_LEFT, PAD_RIGHT = 800, 78, 16


@dataclass
class Point:
    """One dated item on a timeline lane."""

    day: dt.date
    lane: str
    label: str
    href: str | None = None
    approx: bool = False  # the date is only a month or a year: drawn hollow


def parse_day(value: object) -> dt.date | None:
    """The date of 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY' (first day of the period), else None."""
    if not isinstance(value, str) or len(value) < 4 or not value[:4].isdigit():
        return None
    parts = value[:10].split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1
        day = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 1
        return dt.date(year, month, day)
    except (ValueError, IndexError):
        return None


def _ticks(lo: dt.date, hi: dt.date) -> list[tuple[dt.date, str]]:
    """About 4 to 12 ticks at round dates: days, months or years depending on the span."""
    span = (hi - lo).days
    ticks: list[tuple[dt.date, str]] = []
    if span <= 14:
        d = lo
        while d <= hi:
            ticks.append((d, d.strftime("%d %b")))
            d += dt.timedelta(days=1 if span <= 7 else 2)
    elif span <= 400:
        step = 1 if span <= 200 else 2
        y, m = lo.year, lo.month
        while dt.date(y, m, 1) <= hi:
            if dt.date(y, m, 1) >= lo:
                ticks.append((dt.date(y, m, 1), dt.date(y, m, 1).strftime("%b %Y")))
            m += step
            y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
        if not ticks:
            ticks.append((lo, lo.strftime("%d %b %Y")))
    else:
        years = hi.year - lo.year
        step = max(1, round(years / 8))
        for y in range(lo.year + (0 if lo == dt.date(lo.year, 1, 1) else 1), hi.year + 1, step):
            ticks.append((dt.date(y, 1, 1), str(y)))
    return ticks


def timeline(points: list[Point], lanes: list[str], label: str) -> Markup:
    """Dated items on horizontal lanes (e.g. events and articles) over one date axis."""
    days = [p.day for p in points]
    if not days:
        return Markup("")
    lo, hi = min(days), max(days)
    if (hi - lo).days < 2:
        lo, hi = lo - dt.timedelta(days=1), hi + dt.timedelta(days=1)
    lane_h, top = 34, 10
    height = top + lane_h * len(lanes) + 30
    inner = WIDTH - PAD_LEFT - PAD_RIGHT
    total = (hi - lo).days

    def x(d: dt.date) -> float:
        return PAD_LEFT + inner * (d - lo).days / total

    out = [
        f'<svg class="chart chart-timeline" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg"><title>{escape(label)}</title>'
    ]
    for i, lane in enumerate(lanes):
        y = top + lane_h * i + lane_h / 2
        out.append(f'<text class="lane" x="4" y="{y + 4:.1f}">{escape(lane)}</text>')
        out.append(f'<line class="lane-line" x1="{PAD_LEFT}" x2="{WIDTH - PAD_RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>')
    axis_y = top + lane_h * len(lanes) + 4
    out.append(f'<line class="axis" x1="{PAD_LEFT}" x2="{WIDTH - PAD_RIGHT}" y1="{axis_y}" y2="{axis_y}"/>')
    for d, text in _ticks(lo, hi):
        xx = x(d)
        out.append(f'<line class="tick" x1="{xx:.1f}" x2="{xx:.1f}" y1="{axis_y}" y2="{axis_y + 5}"/>')
        out.append(f'<text class="tick-label" x="{xx:.1f}" y="{axis_y + 18}" text-anchor="middle">{escape(text)}</text>')
    stacked: Counter[tuple[int, int]] = Counter()
    for p in sorted(points, key=lambda p: p.day):
        lane_i = lanes.index(p.lane) if p.lane in lanes else 0
        xx = x(p.day)
        slot = (lane_i, round(xx / 6))
        dy = (stacked[slot] % 4) * 5 - 7  # items on the same day fan out a little instead of hiding each other
        stacked[slot] += 1
        y = top + lane_h * lane_i + lane_h / 2 + dy + 7
        cls = f"mark-{lane_i}" + (" approx" if p.approx else "")
        shape = (
            f'<rect class="{cls}" x="{xx - 4:.1f}" y="{y - 4:.1f}" width="8" height="8"/>'
            if lane_i
            else f'<circle class="{cls}" cx="{xx:.1f}" cy="{y:.1f}" r="4.5"/>'
        )
        body = f"<title>{escape(p.day.isoformat())}: {escape(p.label)}</title>{shape}"
        out.append(f'<a href="{escape(p.href)}">{body}</a>' if p.href else f"<g>{body}</g>")
    out.append("</svg>")
    return Markup("".join(out))


def bars(buckets: list[tuple[str, int]], label: str) -> Markup:
    """A bar per period (label, count), e.g. an actor's articles per month."""
    if not buckets:
        return Markup("")
    height, top, bottom = 180, 12, 34
    inner_w = WIDTH - PAD_LEFT - PAD_RIGHT
    inner_h = height - top - bottom
    peak = max(c for _, c in buckets) or 1
    bw = min(inner_w / len(buckets), 60.0)  # a few periods: narrow bars from the left, not one wide block
    out = [
        f'<svg class="chart chart-bars" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg"><title>{escape(label)}</title>'
    ]
    base = top + inner_h
    out.append(f'<line class="axis" x1="{PAD_LEFT}" x2="{WIDTH - PAD_RIGHT}" y1="{base}" y2="{base}"/>')
    out.append(f'<text class="tick-label" x="{PAD_LEFT - 6}" y="{top + 8}" text-anchor="end">{peak}</text>')
    out.append(f'<text class="tick-label" x="{PAD_LEFT - 6}" y="{base}" text-anchor="end">0</text>')
    every = max(1, round(len(buckets) / 10))
    for i, (name, count) in enumerate(buckets):
        h = inner_h * count / peak
        xx = PAD_LEFT + i * bw
        out.append(
            f'<rect class="bar" x="{xx + bw * 0.1:.1f}" y="{base - h:.1f}" width="{max(bw * 0.8, 1):.1f}" height="{h:.1f}">'
            f"<title>{escape(name)}: {count}</title></rect>"
        )
        if i % every == 0:
            out.append(
                f'<text class="tick-label" x="{xx + bw / 2:.1f}" y="{base + 16}" text-anchor="middle">{escape(name)}</text>'
            )
    out.append("</svg>")
    return Markup("".join(out))


def per_period(days: list[tuple[dt.date, int]]) -> list[tuple[str, int]]:
    """Counts per week (spans up to ~6 months) or per month, with empty periods filled in."""
    if not days:
        return []
    lo, hi = min(d for d, _ in days), max(d for d, _ in days)
    if (hi - lo).days <= 180:
        start = lo - dt.timedelta(days=lo.weekday())
        counts: Counter[dt.date] = Counter()
        for d, n in days:
            counts[d - dt.timedelta(days=d.weekday())] += n
        out, d = [], start
        while d <= hi:
            out.append((d.strftime("%d %b %Y"), counts[d]))
            d += dt.timedelta(days=7)
        return out
    months: Counter[tuple[int, int]] = Counter()
    for d, n in days:
        months[(d.year, d.month)] += n
    out2, (y, m) = [], (lo.year, lo.month)
    while (y, m) <= (hi.year, hi.month):
        out2.append((dt.date(y, m, 1).strftime("%b %Y"), months[(y, m)]))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    if len(out2) > 240:  # decades: years instead of months
        years: Counter[int] = Counter()
        for d, n in days:
            years[d.year] += n
        return [(str(yy), years[yy]) for yy in range(lo.year, hi.year + 1)]
    return out2
