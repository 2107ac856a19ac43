"""The machine-readable report, field names fixed by method.md.

It has no language: codes and parameters for programs, and where a sentence is kept (a note, an
issue's message) it is the English one, whatever the reader's language.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Iterable, Iterator
from dataclasses import fields
from types import GeneratorType
from typing import Any

from ..model import Figures, Issue, IssueGroup, Observation, Report, TargetResult, row_runs
from ..words import DEFAULT_LANG
from ..words.messages import EXACT, ISSUE_NUMBERS
from ..words.words import Words, english_message, plain_decimal, split_message

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
    """An issue as `issues` lists it: one on a row of the actuals sheet (`inputs` names the
    workbook) does not name its file, an issue elsewhere (targets.toml, a target as a whole)
    does; a province may have an issue on every row."""
    return {
        "severity": i.severity,
        **({} if i.row is not None else {"file": i.file}),
        "sheet": i.sheet,
        "row": i.row,
        "column": i.column,
        "message": english_message(i),
        "code": i.code or None,
        "params": dict(i.params),
        "target_id": i.target_id,
    }


class _IssueLines:
    """Each issue as `_tight(_issue(i))` writes it, in sheet order. A series' rows breaking one
    rule follow each other and differ only in their row and value: their frame (the JSON
    around row and value, the English sentence split at the value) is made once per run of
    them, and a row costs its number, its value and one join (a province may have an issue on
    every row)."""

    def __init__(self) -> None:
        self._key: tuple[Any, ...] | None = None
        self._frame: tuple[str, str, str, dict[str, str]] | None = None

    def __call__(self, i: Issue) -> str:
        params = i.params
        if i.message or not params or params[0][0] != "value" or i.row is None:
            return _tight(_issue(i))
        key = (i.severity, i.sheet, i.column, i.code, params[1:], i.target_id)
        if key != self._key:
            self._key, self._frame = key, _run_frame(*key)
        if self._frame is None:
            return _tight(_issue(i))
        head, before, after, numbers = self._frame
        value = params[0][1]
        if numbers["value"] == EXACT and plain_decimal(value):  # "not a whole number"
            shown, value = ENGLISH.exact(value), f'"{value}"'  # nothing in them to escape
        else:
            shown, value = _tight(ENGLISH.param("value", value, numbers))[1:-1], _tight(value)
        return f"{head}{i.row}{before}{shown}{after.replace(chr(0), value, 1)}"


def _run_frame(
    severity: str,
    sheet: str | None,
    column: str | None,
    code: str,
    rest: tuple[tuple[str, str], ...],
    target_id: str | None,
) -> tuple[str, str, str, dict[str, str]] | None:
    """A run's JSON up to its row, from the row to its value inside the message (the English
    sentence split at its value, as words.english_message splits it) and after the value,
    with a NUL character where the value parameter goes; None when the sentence cannot be split."""
    numbers = ISSUE_NUMBERS.get(code)
    if numbers is None or "value" not in numbers:
        return None
    before, after = split_message(code, rest)
    if not before and not after:
        return None
    head = _tight({"severity": severity, "sheet": sheet})[:-1] + ',"row":'
    middle = "," + _tight({"column": column})[1:-1] + ',"message":"' + _tight(before)[1:-1]
    params = _tight(dict(rest))
    tail = (
        _tight(after)[1:-1]
        + '",'
        + _tight({"code": code})[1:-1]
        + ',"params":{"value":'
        + "\x00"
        + ("," + params[1:] if len(params) > 2 else "}")
        + ","
        + _tight({"target_id": target_id})[1:]
    )
    return head, middle, tail, numbers


def _checks(checks: tuple[Issue, ...]) -> list[dict[str, Any]]:
    """A target's figures to check, by kind, as row ranges."""
    if not checks:
        return []
    rows: dict[tuple[str, str], list[int]] = {}
    for i in checks:
        rows.setdefault((i.code, i.severity), []).append(i.row or 0)
    return [
        {"code": code, "severity": severity, "count": len(found), "rows": row_runs(found)}
        for (code, severity), found in rows.items()
    ]


def _group(g: IssueGroup) -> dict[str, Any]:
    """Issues of one kind on one column (method.md: issue_groups), the message said once."""
    return {
        "code": g.code or None,
        "severity": g.severity,
        "file": g.file,
        "sheet": g.sheet,
        "column": g.column,
        "message": ENGLISH.group_headline(g),
        "count": g.count,
        "rows": g.rows,  # [[first, last], ...]
        "examples": [_issue(i) for i in g.examples],
        "fix": ENGLISH.group_fix(g) or None,
    }


# The computed figures' names, in their order: each a number, a word or a date, read as it is
# (dataclasses.asdict copies each value deeply, a twentieth of a second for a province).
FIGURES = tuple(field.name for field in fields(Figures))


def target_dict(result: TargetResult) -> dict[str, Any]:
    t, f = result.target, result.figures
    figures = {name: getattr(f, name) for name in FIGURES}
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
        # the figures to check, by kind, as row ranges: each row's issue is in `issues` once
        "checks": _checks(result.checks),
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
    """The report as JSON values; its long lists (targets, issues) as generators, dumped one
    item at a time."""
    return {
        "as_of": str(report.as_of),
        "counts": report.counts(zeros=True),  # every status, 0 where none
        "previous": {
            "basis": report.comparison.basis,
            "file": report.comparison.file,
            "reason": report.comparison.reason,
        },
        "targets": (target_dict(r) for r in report.targets),
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
        "issues": (i for i in report.issues),  # each written by _IssueLines
        "issue_groups": [_group(g) for g in report.issue_groups],
        "inputs": [{"name": i.name, "sha256": i.sha256} for i in report.inputs],
    }


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


# A row's issue without the spaces after separators: a province may have one on every row.
_tight = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode


def render_json(report: Report) -> str:
    """One line per target, context row and issue: readable in a diff, and fast.

    json.dumps with `indent` falls back to the pure-Python encoder (2 s for a province); each
    item is dumped by the C encoder instead and the lists are laid out here.
    """
    return json_bytes(report).decode("utf-8")


def json_bytes(report: Report) -> bytes:
    return b"".join(json_parts(report))


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def json_parts(report: Report) -> Iterator[bytes]:
    """render_json's text as UTF-8, an item at a time: written as it is made, a province's
    every-row issues are never held as one text (nor its targets)."""
    yield b"{\n"
    for n, (key, value) in enumerate(report_dict(report).items()):
        if n:
            yield b",\n"
        head = f"  {_dumps(key)}: ".encode()
        if isinstance(value, list | GeneratorType):
            dump = _IssueLines() if key == "issues" else _dumps
            first = True
            # a few thousand items a part: a province's every-row issues in a few hundred
            for batch in _batches(value, 4096):
                lines = ",\n    ".join(dump(item) for item in batch).encode()
                yield (head + b"[\n    " if first else b",\n    ") + lines
                first = False
            yield head + b"[]" if first else b"\n  ]"
        else:
            yield head + _dumps(value).encode()
    yield b"\n}\n"
