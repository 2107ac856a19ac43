"""Last month's report as published: its JSON in the output folder, read defensively.

What changed since last month is said against what readers saw last month, not against last
month judged again from this month's sheet: a figure revised since, or a final figure that
turned a goal from "awaiting" to "missed", is the month's news. The file may be missing, from
another program, cut short or huge; none of that stops the report: the report then recomputes
last month and says why.
"""

from __future__ import annotations

import json
import math
import stat
from pathlib import Path
from typing import Any

from ..model import STATUSES, Comparison, Observation, Published, PublishedTarget
from ..periods import Month, parse_period

# A province's report is tens of megabytes; anything far larger is not one of ours.
MAX_BYTES = 512 * 1024 * 1024


class _Foreign(Exception):
    """The file is not a report this tool wrote."""


def previous_path(out: Path, as_of: Month) -> Path:
    return out / f"progress-{as_of.shift(-1)}.json"


def _number(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise _Foreign("a figure is not a number")
    return float(value)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise _Foreign("a text field is not text")
    return value


def _target(item: Any) -> tuple[str, PublishedTarget]:
    if not isinstance(item, dict):
        raise _Foreign("a target is not an object")
    status = item.get("status")
    if status not in STATUSES:
        raise _Foreign("unknown status")
    latest = None
    value, period = _number(item.get("latest_value")), item.get("latest_period")
    if value is not None and period is not None:
        end = parse_period(_text(period)).end
        basis = _text(item.get("latest_basis") or "level")
        latest = Observation(end, value, period, basis)  # type: ignore[arg-type]
    ytd = None
    value, period = _number(item.get("ytd_value")), item.get("ytd_period")
    if value is not None and period is not None:
        ytd = Observation(parse_period(_text(period)).end, value, period, "ytd")
    values = []
    for o in item.get("observations") or []:
        if not isinstance(o, dict):
            raise _Foreign("an observation is not an object")
        number = _number(o.get("value"))
        if number is not None:
            values.append(((_text(o.get("period")), _text(o.get("basis") or "")), number))
    return _text(item.get("id")), PublishedTarget(status, latest, tuple(values), ytd)


def read_previous(out: Path, as_of: Month) -> tuple[Published | None, Comparison]:
    """The published report for the month before `as_of`, or None and why not."""
    path = previous_path(out, as_of)
    try:
        info = path.stat()
    except OSError:
        return None, Comparison("recomputed", path.name, "none")
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
        return None, Comparison("recomputed", path.name, "foreign")
    try:
        data = json.loads(path.read_bytes())
        if not isinstance(data, dict) or not isinstance(data.get("targets"), list):
            raise _Foreign("not a report")
        month = Month.parse(_text(data.get("as_of")))
        targets = tuple(_target(item) for item in data["targets"])
    except (OSError, UnicodeDecodeError, RecursionError, ValueError, _Foreign):
        # json.JSONDecodeError is a ValueError; so are a bad month and a bad period
        return None, Comparison("recomputed", path.name, "unreadable")
    if month != as_of.shift(-1):
        return None, Comparison("recomputed", path.name, "other_month")
    return Published(path.name, month, targets), Comparison("published", path.name)
