"""Impossible dates and hostile targets.toml values: one Error line, or a row issue; no traceback.

Kinds 3, 4 and 10 of issue 14. Every file here is synthetic, made up for the test.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import target_toml, write_actuals, write_targets
from hypothesis import given
from hypothesis import strategies as st

from sockprogress.cli import main
from sockprogress.periods import FIRST_YEAR, LAST_YEAR, Month, parse_period
from sockprogress.reading.targets import load_targets

GOOD = [("Testville", "widgets", "2021", 100), ("Testville", "widgets", "2024", 150)]
outside = st.integers(min_value=0, max_value=9999).filter(
    lambda y: not FIRST_YEAR <= y <= LAST_YEAR
)


def _check(targets: Path, actuals: Path, *extra: str) -> tuple[int, str]:
    args = ["check", "--targets", str(targets), "--actuals", str(actuals), *extra]
    result = CliRunner().invoke(main, args)
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@given(year=outside, month=st.integers(1, 12))
def test_no_period_or_month_outside_the_plausible_years(year: int, month: int) -> None:
    for text in (f"{year:04d}", f"{year:04d}-{month:02d}", f"{year:04d}-{month:02d}-01"):
        with pytest.raises(ValueError, match="not a plausible"):
            parse_period(text)
    with pytest.raises(ValueError, match="not a plausible month"):
        Month.parse(f"{year:04d}-{month:02d}")


@pytest.mark.parametrize("period", ["0221", "1021", "0000", "0000-06", "1899-12-31", "9999"])
def test_a_typo_year_in_the_sheet_is_a_row_issue(
    tmp_path: Path, targets: Path, period: str
) -> None:
    actuals = write_actuals(tmp_path / "a.xlsx", [*GOOD, ("Testville", "widgets", period, 120)])
    code, output = _check(targets, actuals, "--as-of", "2025-06")
    assert code == 1
    assert "a.xlsx, sheet Actuals, row 4, column period: " in output
    assert "is outside years 1900 to 2200" in output


def test_a_date_cell_before_1900_is_a_row_issue(tmp_path: Path, targets: Path) -> None:
    actuals = write_actuals(
        tmp_path / "a.xlsx", [*GOOD, ("Testville", "widgets", dt.date(1850, 6, 30), 120)]
    )
    code, output = _check(targets, actuals, "--as-of", "2025-06")
    assert code == 1 and "row 4, column period" in output


@pytest.mark.parametrize("as_of", ["0000-01", "1899-12", "2201-01", "9999-12"])
def test_an_impossible_as_of_is_one_error_line(tmp_path: Path, targets: Path, as_of: str) -> None:
    actuals = write_actuals(tmp_path / "a.xlsx", GOOD)
    code, output = _check(targets, actuals, "--as-of", as_of)
    assert code == 2
    assert output.startswith("Error: Invalid value for '--as-of'")
    assert "not a plausible month" in output


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("deadline = 0001-01-01", "'deadline' 0001-01-01 is not a plausible date"),
        ("deadline = 9999-12-31", "'deadline' 9999-12-31 is not a plausible date"),
        ('deadline = "soon"', "'deadline' must be a date like 2025-12-31, got \"soon\""),
        ("target = true", "'target' must be a number, got true"),
        ('target = "200"', "'target' must be a number, got the text '200'"),
        ("target = [200]", "'target' must be a number, got [200]"),
        ("target = nan", "'target' must be above zero, got nan"),
        ("target = inf", "'target' is not a finite number"),
        ('unit = ["pairs"]', "'unit' must be non-empty text, got [\"pairs\"]"),
        ("name = { zh = 1 }", "'name' must be non-empty text, got { zh = 1 }"),
        ('kind = "x"', "'kind' must be 'level' or 'annual_total'"),
        ("baseline = 5", "'baseline' must be a table"),
        ("baseline = { period = 2021.5 }", "baseline.period: 2021.5 is not a period"),
        ('baseline = { period = "0021" }', "baseline.period: '0021' is not a plausible period"),
        ('baseline = { period = "2021", value = "x" }', "'baseline.value' must be a number"),
        ('note = "' + "x" * 20_000 + '"', "'note' is 20,000 characters long"),
    ],
)
def test_a_wrong_value_in_targets_is_one_error_line_naming_the_key(
    tmp_path: Path, line: str, key: str
) -> None:
    base = target_toml()
    field = line.split(" = ")[0]
    lines = [x for x in base.splitlines() if not x.startswith(f"{field} = ")]
    targets = write_targets(tmp_path / "targets.toml", "\n".join([*lines, line]) + "\n")
    actuals = write_actuals(tmp_path / "a.xlsx", GOOD)
    code, output = _check(targets, actuals)
    assert code == 2, output
    assert output.startswith("Error: targets.toml, target 1 (id t1): "), output
    assert key in output
    assert len(output.splitlines()) == 1 and len(output) < 400


def test_a_wrong_value_is_quoted_as_the_file_writes_it(tmp_path: Path) -> None:
    """A county newcomer's find: 实际为'2026年12月31日' quoted a date typed as text the way
    Python writes it; the value is said as the targets file writes it."""
    lines = [x for x in target_toml().splitlines() if not x.startswith("deadline = ")]
    text = "\n".join([*lines, 'deadline = "2026年12月31日"']) + "\n"
    targets = write_targets(tmp_path / "targets.toml", text)
    actuals = write_actuals(tmp_path / "a.xlsx", GOOD)
    args = ["--lang", "zh", "check", "--targets", str(targets), "--actuals", str(actuals)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert result.output.rstrip().endswith(
        '“deadline”应为日期，如 2025-12-31，实际为"2026年12月31日"'
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x = " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply"),
        ("indicators = 5\n" + target_toml(), "'indicators' must be a list"),
        ("regions = { a = 1 }\n" + target_toml(), "'regions' must be a list"),
        ("targets = 3\n", "no [[targets]] entries"),
    ],
    ids=["deep", "indicators-number", "regions-table", "targets-number"],
)
def test_absurd_shapes_of_targets_are_one_error_line(
    tmp_path: Path, text: str, message: str
) -> None:
    targets = write_targets(tmp_path / "targets.toml", text)
    actuals = write_actuals(tmp_path / "a.xlsx", GOOD)
    code, output = _check(targets, actuals)
    assert code == 2, output
    assert output.startswith("Error: targets.toml") and message in output


def test_a_huge_targets_file_is_refused_before_parsing(tmp_path: Path) -> None:
    targets = tmp_path / "targets.toml"
    targets.write_text(target_toml() + "# " + "x" * (11 * 1024**2) + "\n", encoding="utf-8")
    actuals = write_actuals(tmp_path / "a.xlsx", GOOD)
    code, output = _check(targets, actuals)
    assert code == 2 and "MB limit for a targets file" in output


def test_a_named_pipe_as_targets_is_refused_not_waited_on(tmp_path: Path) -> None:
    pipe = tmp_path / "targets.toml"
    import os

    os.mkfifo(pipe)
    actuals = write_actuals(tmp_path / "a.xlsx", GOOD)
    code, output = _check(pipe, actuals)
    assert code == 2 and "is a named pipe, not a file" in output


@pytest.mark.parametrize(
    ("written", "read"),
    [("增加", "increase"), ("提高", "increase"), ("减少", "decrease"), ("降低", "decrease")],
)
def test_a_direction_written_in_chinese_is_read_as_its_code(
    tmp_path: Path, written: str, read: str
) -> None:
    """A newcomer's find: direction = "增加" was refused (it wanted increase or decrease)."""
    text = target_toml().replace('direction = "increase"', f'direction = "{written}"')
    loaded = load_targets(write_targets(tmp_path / "targets.toml", text))
    assert loaded.targets[0].direction == read
