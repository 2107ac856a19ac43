"""A small inline SVG chart per target: the actual series, the path to the goal, the deadline."""

from __future__ import annotations

import datetime as dt
from html import escape

from ..model import TargetResult

W, H, PAD = 360, 160, 30


def _x(day: dt.date, start: dt.date, end: dt.date) -> float:
    span = max((end - start).days, 1)
    return PAD + (W - 2 * PAD) * (day - start).days / span


def chart_svg(result: TargetResult) -> str:
    """SVG markup; values and dates come from the result, no user text is embedded raw."""
    t = result.target
    points = [(o.end, o.value) for o in result.observations]
    base = result.baseline
    dates = [d for d, _ in points] + [t.deadline] + ([base.end] if base else [])
    values = [v for _, v in points] + [t.target] + ([base.value] if base else [])
    start = min(dates) - dt.timedelta(days=60)
    end = max(dates) + dt.timedelta(days=60)
    top = max(values) * 1.1

    def y(v: float) -> float:
        return H - PAD - (H - 2 * PAD) * v / top

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" role="img" '
        f'aria-label="{escape(t.name)}: actual values against the goal">'
    ]
    parts.append(f'<line x1="{PAD}" y1="{H - PAD}" x2="{W - PAD}" y2="{H - PAD}" stroke="#555"/>')
    parts.append(
        f'<line x1="{PAD}" y1="{y(t.target):.1f}" x2="{W - PAD}" '
        f'y2="{y(t.target):.1f}" stroke="#2e7d32" stroke-dasharray="4 3"/>'
    )
    dx = _x(t.deadline, start, end)
    parts.append(
        f'<line x1="{dx:.1f}" y1="{PAD / 2}" x2="{dx:.1f}" y2="{H - PAD}" '
        'stroke="#b71c1c" stroke-dasharray="2 2"/>'
    )
    if base:
        parts.append(
            f'<line x1="{_x(base.end, start, end):.1f}" y1="{y(base.value):.1f}" '
            f'x2="{dx:.1f}" y2="{y(t.target):.1f}" stroke="#888"/>'
        )
    if points:
        path = " ".join(f"{_x(d, start, end):.1f},{y(v):.1f}" for d, v in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="#1565c0" stroke-width="2"/>')
        parts += [
            f'<circle cx="{_x(d, start, end):.1f}" cy="{y(v):.1f}" r="3" fill="#1565c0"/>'
            for d, v in points
        ]
    parts.append("</svg>")
    return "".join(parts)
