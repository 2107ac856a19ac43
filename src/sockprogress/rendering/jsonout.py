"""The machine-readable report, field names fixed by method.md.

It has no language: codes and parameters for programs, and where a sentence is kept (a note, an
issue's message) it is the English one, whatever the reader's language.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from dataclasses import asdict
from typing import Any

from ..model import Issue, Observation, Report, TargetResult
from ..words import DEFAULT_LANG
from ..words.words import Words, english_message

ENGLISH = Words.of(DEFAULT_LANG)


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


@functools.lru_cache(maxsize=4096)
def _iso(day: dt.date) -> str:
    """A date as JSON gives it; a province's 130,000 observations end on a few hundred days."""
    return day.isoformat()


def _observation(o: Observation) -> dict[str, Any]:
    return {
        "period": o.period,
        "end": _iso(o.end),
        "value": o.value,
        "basis": o.basis,
        "estimate": o.estimate,
        "rows": o.rows,  # a tuple: JSON writes it as the array a list would be
        "source": o.source or None,
        "note": o.note or None,
        "flags": list(o.flags),
    }


def _issue(i: Issue) -> dict[str, Any]:
    return {
        "severity": i.severity,
        "file": i.file,
        "sheet": i.sheet,
        "row": i.row,
        "column": i.column,
        "message": english_message(i),
        "code": i.code or None,
        "params": dict(i.params),
        "target_id": i.target_id,
    }


def target_dict(result: TargetResult) -> dict[str, Any]:
    t, f = result.target, result.figures
    figures = asdict(f)
    figures["eta"] = _date(f.eta)
    return {
        "id": t.id,
        "region": t.region,
        "indicator": t.indicator,
        "name": t.name,
        "unit": t.unit,
        "kind": t.kind,
        "direction": t.direction,
        "target": t.target,
        "deadline": t.deadline.isoformat(),
        "year": t.year,
        "baseline_value": result.baseline.value if result.baseline else None,
        "baseline_period": result.baseline.period if result.baseline else None,
        "latest_value": result.latest.value if result.latest else None,
        "latest_period": result.latest.period if result.latest else None,
        "latest_basis": result.latest.basis if result.latest else None,
        "latest_estimate": result.latest.estimate if result.latest else None,
        "latest_source": (result.latest.source or None) if result.latest else None,
        "latest_flags": list(result.latest.flags) if result.latest else [],
        "latest_note": (result.latest.note or None) if result.latest else None,
        **figures,
        "status": result.status,
        "outlook": result.outlook,
        "previous_status": result.previous_status,
        "stale": result.stale,
        "check_figure": bool(result.checks),
        "checks": [_issue(i) for i in result.checks],
        "revisions": [
            {"period": r.period, "basis": r.basis, "old": r.old, "new": r.new}
            for r in result.revisions
        ],
        "notes": [ENGLISH.note_text(n) for n in result.notes],
        "final_period": result.final.period if result.final else None,
        "ytd_value": result.ytd.value if result.ytd else None,
        "ytd_period": result.ytd.period if result.ytd else None,
        "ytd_source": (result.ytd.source or None) if result.ytd else None,
        "ytd_note": (result.ytd.note or None) if result.ytd else None,
        "unchanged_since": result.unchanged_since,
        "why_null": dict(result.why_null) | dict(result.why_null_year),
        "observations": [_observation(o) for o in result.observations],
    }


def report_dict(report: Report) -> dict[str, Any]:
    return {
        "as_of": str(report.as_of),
        "counts": report.counts(),
        "previous": {
            "basis": report.comparison.basis,
            "file": report.comparison.file,
            "reason": report.comparison.reason,
        },
        "targets": [target_dict(r) for r in report.targets],
        "context": [
            {
                "region": c.region,
                "indicator": c.indicator,
                "name": c.name,
                "unit": c.unit,
                "basis": c.basis,
                "latest_value": c.latest.value,
                "latest_period": c.latest.period,
                "previous_value": c.previous.value if c.previous else None,
                "previous_period": c.previous.period if c.previous else None,
                "change": c.change,
                "change_pct": c.change_pct,
                "ytd_value": c.ytd.value if c.ytd else None,
                "ytd_period": c.ytd.period if c.ytd else None,
                "ytd_yoy_pct": c.ytd_yoy_pct,
            }
            for c in report.context
        ],
        "issues": [_issue(i) for i in report.issues],
        "inputs": [{"name": i.name, "sha256": i.sha256} for i in report.inputs],
    }


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def render_json(report: Report) -> str:
    """One line per target, context row and issue: readable in a diff, and fast.

    json.dumps with `indent` falls back to the pure-Python encoder (2 s for a province); each
    item is dumped by the C encoder instead and the lists are laid out here.
    """
    data = report_dict(report)
    parts = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            items = ",\n    ".join(_dumps(item) for item in value)
            parts.append(f"  {_dumps(key)}: [\n    {items}\n  ]")
        else:
            parts.append(f"  {_dumps(key)}: {_dumps(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"
