"""Last month's published JSON of any shape costs only the comparison, with a warning: the
report still exits 0 and writes its outputs (issue 22)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from sockprogress.cli import main

ROOT = Path(__file__).resolve().parents[1]
PREVIOUS = "progress-2026-09.json"

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, Any]]:
    """The shipped inputs, and the JSON report they give for September (a real published
    report to mutate)."""
    folder = tmp_path_factory.mktemp("previous")
    targets = Path(shutil.copy(ROOT / "data" / "targets.toml", folder / "targets.toml"))
    actuals = Path(shutil.copy(ROOT / "data" / "actuals.xlsx", folder / "actuals.xlsx"))
    out = folder / "sept"
    done = _report(targets, actuals, out, "2026-09")
    assert done.exit_code == 0, done.output
    return targets, actuals, json.loads((out / PREVIOUS).read_text(encoding="utf-8"))


def _report(targets: Path, actuals: Path, out: Path, month: str = "2026-10") -> Any:
    args = ["report", "--targets", str(targets), "--actuals", str(actuals), "--as-of", month]
    return CliRunner().invoke(main, [*args, "--format", "json", "--out", str(out)])


def _reported(inputs: tuple[Path, Path, dict[str, Any]], out: Path, previous: bytes) -> Any:
    """October's report with `previous` as September's published JSON."""
    targets, actuals, _ = inputs
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    (out / PREVIOUS).write_bytes(previous)
    done = _report(targets, actuals, out)
    assert done.exit_code == 0, done.output
    assert "Traceback" not in done.output and "unexpected" not in done.output
    written = json.loads((out / "progress-2026-10.json").read_text(encoding="utf-8"))
    assert written["as_of"] == "2026-10"
    return written["previous"], done.output


def test_the_published_report_is_compared(
    inputs: tuple[Path, Path, dict[str, Any]], tmp_path: Path
) -> None:
    previous, output = _reported(inputs, tmp_path / "o", json.dumps(inputs[2]).encode())
    assert previous["basis"] == "published"
    assert "could not be read" not in output


@pytest.mark.parametrize(
    "content",
    [
        b"not json at all",
        b"[1, 2, 3]",
        b"{}",
        b'{"as_of": "2026-09"}',
        b'{"as_of": "2026-09", "targets": [1]}',
        b'{"as_of": "2026-09", "targets": {"a": 1}}',
        b'{"as_of": 202609, "targets": []}',
        b"\xff\xfe\x00",
        b"[" * 100_000 + b"]" * 100_000,
    ],
)
def test_a_file_that_is_not_a_report_costs_only_the_comparison(
    inputs: tuple[Path, Path, dict[str, Any]], tmp_path: Path, content: bytes
) -> None:
    previous, output = _reported(inputs, tmp_path / "o", content)
    assert previous["basis"] == "recomputed"
    assert previous["reason"] == "unreadable"
    assert f"Warning: Last month's report ({PREVIOUS}) could not be read" in output


def _mutated(report: dict[str, Any], where: str, key: str, value: Any) -> dict[str, Any]:
    copy: dict[str, Any] = json.loads(json.dumps(report))
    if where == "root":
        copy[key] = value
    elif where == "target":
        copy["targets"][0][key] = value
    elif where == "observation":
        for target in copy["targets"]:
            if target.get("observations"):
                target["observations"][0][key] = value
                break
    else:
        copy["targets"].append(value)
    return copy


ROOT_KEYS = ["as_of", "targets", "previous", "counts"]
TARGET_KEYS = [
    "id",
    "status",
    "latest_value",
    "latest_period",
    "latest_basis",
    "observations",
    "previous_status",
]
OBSERVATION_KEYS = ["period", "value", "basis", "end"]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    where=st.sampled_from(["root", "target", "observation", "append"]),
    key=st.sampled_from(ROOT_KEYS + TARGET_KEYS + OBSERVATION_KEYS),
    value=JSON,
)
@example(where="target", key="latest_basis", value="weekly")
@example(where="target", key="observations", value=5)
@example(where="target", key="status", value=["achieved"])
@example(where="target", key="latest_value", value="3500000000")
@example(where="target", key="latest_value", value=1e308)
@example(where="target", key="latest_period", value="2025-13")
@example(where="target", key="id", value=None)
@example(where="observation", key="value", value=None)
@example(where="observation", key="basis", value={"a": 1})
@example(where="append", key="id", value="a target")
@example(where="root", key="targets", value=None)
def test_any_shape_of_last_months_report_only_costs_the_comparison(
    inputs: tuple[Path, Path, dict[str, Any]],
    tmp_path_factory: pytest.TempPathFactory,
    where: str,
    key: str,
    value: Any,
) -> None:
    report = _mutated(inputs[2], where, key, value)
    out = tmp_path_factory.mktemp("o")
    previous, output = _reported(inputs, out, json.dumps(report).encode())
    if previous["basis"] == "recomputed":
        assert f"Warning: {PREVIOUS} is not" in output or f"report ({PREVIOUS}) could not" in output


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=JSON)
def test_any_json_value_as_last_months_report(
    inputs: tuple[Path, Path, dict[str, Any]],
    tmp_path_factory: pytest.TempPathFactory,
    value: Any,
) -> None:
    previous, output = _reported(inputs, tmp_path_factory.mktemp("o"), json.dumps(value).encode())
    assert previous["basis"] == "recomputed"
    assert f"Warning: Last month's report ({PREVIOUS}) could not be read" in output
