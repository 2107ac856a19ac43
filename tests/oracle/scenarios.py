"""Synthetic scenarios for the differential test: made-up targets and Actuals rows.

Every figure here is invented (labelled synthetic in the workbook's source column). The
scenarios stay within valid input (no duplicate periods, values > 0, target != baseline,
deadline after the baseline) because the point is the numbers, not error handling.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from helpers import write_actuals

from oracle.reference import month_end, report
from sockprogress.cli import main

REGION = "Synthville"

# The method's JSON fields per target. Notes are free text in the app's words: only the two notes
# the method asks for (met late; final figure not in yet) are looked for, by a key word.
FIELDS = [
    "id",
    "region",
    "indicator",
    "name",
    "unit",
    "kind",
    "direction",
    "target",
    "deadline",
    "baseline_value",
    "baseline_period",
    "latest_value",
    "latest_period",
    "latest_basis",
    "share_of_target_pct",
    "gap",
    "gap_closed_pct",
    "time_elapsed_pct",
    "actual_cagr",
    "required_cagr",
    "pace_ratio",
    "pace_category",
    "required_cagr_from_latest",
    "projected_at_deadline",
    "eta",
    "schedule_gap_pts",
    "status",
    "outlook",
    "previous_status",
    "stale",
    "ytd_value",
    "ytd_period",
    "ytd_share_of_target_pct",
    "ytd_schedule_pct",
    "ytd_schedule_gap_pts",
    "ytd_pace_ratio",
    "ytd_yoy_pct",
    "unchanged_since",
]


@dataclass
class Spec:
    """One synthetic target."""

    id: str
    indicator: str
    kind: str
    direction: str
    target: float
    deadline: dt.date
    baseline: dict[str, Any] | None = None
    # A year goal: `year = Y` is written instead of the deadline (which is then 31 Dec Y).
    year: int | None = None

    def toml(self) -> str:
        lines = [
            "[[targets]]",
            f'id = "{self.id}"',
            f'region = "{REGION}"',
            f'indicator = "{self.indicator}"',
            f'name = "Synthetic {self.indicator}"',
            'unit = "units"',
            f'kind = "{self.kind}"',
            f'direction = "{self.direction}"',
            f"target = {self.target!r}",
            f"year = {self.year}" if self.year else f"deadline = {self.deadline.isoformat()}",
        ]
        if self.baseline is not None:
            parts = [f'period = "{self.baseline["period"]}"']
            if "value" in self.baseline:
                parts.append(f"value = {self.baseline['value']!r}")
            lines.append("baseline = { " + ", ".join(parts) + " }")
        return "\n".join(lines) + "\n"


@dataclass
class Scenario:
    """Targets, Actuals rows (indicator, period cell, value, basis) and a report month."""

    specs: list[Spec]
    rows: list[tuple[str, Any, float, str | None]]
    as_of: str
    label: str = "synthetic"
    expect: dict[str, dict[str, Any]] = field(default_factory=dict)

    def describe(self) -> str:
        rows = "\n".join(f"  {r!r}" for r in self.rows)
        return f"as_of={self.as_of}\n{''.join(s.toml() for s in self.specs)}rows:\n{rows}"


def write_inputs(scenario: Scenario, folder: Path) -> tuple[Path, Path]:
    """targets.toml and actuals.xlsx for a scenario in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    targets = folder / "targets.toml"
    targets.write_text("\n".join(s.toml() for s in scenario.specs), encoding="utf-8")
    actuals = write_actuals(
        folder / "actuals.xlsx",
        [
            (REGION, ind, period, value, basis, "synthetic test figure", "synthetic")
            for ind, period, value, basis in scenario.rows
        ],
    )
    return targets, actuals


def run_app(targets: Path, actuals: Path, as_of: str, out: Path) -> dict[str, Any]:
    """The real CLI's JSON report for the inputs."""
    args = ["report", "--targets", str(targets), "--actuals", str(actuals)]
    args += ["--as-of", as_of, "--format", "json", "--out", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads((out / f"progress-{as_of}.json").read_text("utf-8"))
    return data


def _same(field_name: str, app: Any, ref: Any) -> bool:
    if app is None or ref is None:
        return app is ref
    if isinstance(ref, bool) or isinstance(app, bool):
        return app is ref
    if isinstance(ref, int | float) and isinstance(app, int | float):
        return math.isclose(app, ref, rel_tol=1e-9, abs_tol=1e-9)
    if field_name == "eta":
        # The method gives eta in years (days / 365.25) and leaves the rounding to a day open.
        gap = dt.date.fromisoformat(app) - dt.date.fromisoformat(ref)
        return abs(gap.days) <= 1
    return bool(app == ref)


def differences(app: dict[str, Any], ref: dict[str, Any]) -> list[str]:
    """Every method field where the app's JSON and the oracle's disagree."""
    found = []
    if app.get("as_of") != ref["as_of"]:
        found.append(f"as_of: app={app.get('as_of')!r} oracle={ref['as_of']!r}")
    by_id = {t["id"]: t for t in app["targets"]}
    for want in ref["targets"]:
        got = by_id.get(want["id"])
        if got is None:
            found.append(f"{want['id']}: missing from the app's JSON")
            continue
        notes = " ".join(str(n) for n in got.get("notes", [])).lower()
        if want["note_met_late"] and "late" not in notes:
            found.append(f"{want['id']}.notes: no note that the target was met late: {notes!r}")
        if want["note_final_not_in"] and "final" not in notes:
            found.append(f"{want['id']}.notes: no note that the final figure is not in: {notes!r}")
        for name in FIELDS:
            if name not in got:
                found.append(f"{want['id']}.{name}: missing from the app's JSON")
            elif not _same(name, got[name], want[name]):
                found.append(f"{want['id']}.{name}: app={got[name]!r} oracle={want[name]!r}")
    return found


def check(scenario: Scenario, folder: Path) -> list[str]:
    """Run app and oracle on a scenario; the list of disagreements (empty when they agree)."""
    targets, actuals = write_inputs(scenario, folder)
    app = run_app(targets, actuals, scenario.as_of, folder / "out")
    ref = report(targets, actuals, scenario.as_of)
    found = differences(app, ref)
    by_id = {t["id"]: t for t in ref["targets"]}
    for tid, fields in scenario.expect.items():
        for name, value in fields.items():
            if not _same(name, by_id[tid][name], value):
                found.append(f"{tid}.{name}: oracle={by_id[tid][name]!r} hand={value!r}")
    return found


def month_label(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def end_of(as_of: str) -> dt.date:
    y, m = (int(p) for p in as_of.split("-"))
    return month_end(y, m)
