"""The monthly report on the shipped (published) figures, end to end through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from sockprogress.cli import main


def test_report_on_shipped_data_judges_all_eight_goals(
    shipped: tuple[Path, Path], tmp_path: Path
) -> None:
    targets, actuals = shipped
    out = tmp_path / "reports"
    result = CliRunner().invoke(
        main,
        [
            "report",
            "--targets",
            str(targets),
            "--actuals",
            str(actuals),
            "--as-of",
            "2026-10",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads((out / "progress-2026-10.json").read_text(encoding="utf-8"))
    statuses = {t["id"]: t["status"] for t in data["targets"]}
    assert statuses == {
        "liaoyuan-sock-capacity": "awaiting_final",
        "liaoyuan-clothing-capacity": "not_assessable",
        "liaoyuan-home-textile-capacity": "not_assessable",
        "xiaobeihe-sock-firms": "awaiting_final",
        "xiaobeihe-firms-above-size": "missed",
        "xiaobeihe-sock-output": "awaiting_final",
        "xiaobeihe-output-value": "awaiting_final",
        "xiaobeihe-chain-enterprises": "awaiting_final",
    }
    assert sorted(p.name for p in out.iterdir()) == [
        "progress-2026-10.html",
        "progress-2026-10.json",
        "progress-2026-10.xlsx",
    ]
