"""Names that look the same, region codes typed as numbers, stray cells, special files.

Kinds 8, 9, 12 and part of 14 of issue 14. Every file here is synthetic, made up for the test.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import target_toml, write_actuals, write_targets
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from sockprogress.cli import main
from sockprogress.judging import judge
from sockprogress.periods import Month
from sockprogress.reading import load_targets, read_actuals
from sockprogress.reading.cells import INVISIBLE, fold_name

invisible = st.sampled_from(sorted(INVISIBLE))


def _judged(targets: Path, actuals: Path) -> list[str]:
    """The statuses of every target, and the messages of every data issue."""
    report = judge(load_targets(targets), read_actuals(actuals), Month(2025, 6))
    return [r.status for r in report.targets] + [i.message for i in report.issues]


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.text(
        st.characters(categories=["L", "N"], max_codepoint=0x9FFF), min_size=1, max_size=8
    ),
    hidden=st.lists(st.tuples(st.integers(0, 8), invisible), max_size=3),
)
def test_names_fold_the_same_whatever_invisible_characters_they_hold(
    name: str, hidden: list[tuple[int, str]]
) -> None:
    dirty = name
    for at, char in hidden:
        dirty = dirty[:at] + char + dirty[at:]
    assert fold_name(dirty) == fold_name(name)


@pytest.mark.parametrize("char", ["\u200b", "\u200e", "\u200f", "\ufeff"])
@pytest.mark.parametrize("side", ["sheet", "toml"])
def test_a_name_with_an_invisible_character_matches_and_is_named(
    tmp_path: Path, char: str, side: str
) -> None:
    region = "Test" + char + "ville"
    sheet_region = region if side == "sheet" else "Testville"
    toml_region = region if side == "toml" else "Testville"
    actuals = write_actuals(
        tmp_path / "a.xlsx",
        [(sheet_region, "widgets", "2021", 100), (sheet_region, "widgets", "2024", 150)],
    )
    targets = write_targets(
        tmp_path / "t.toml",
        target_toml(region=toml_region, baseline='{ period = "2021", value = 100 }'),
    )
    judged = _judged(targets, actuals)
    assert judged[0] != "not_assessable", judged
    assert not any("no rows for target" in m for m in judged[1:])
    if side == "sheet":
        name = INVISIBLE[char]
        assert any(f"holds invisible characters ({name})" in m for m in judged[1:]), judged


def test_nfkc_text_in_targets_matches_the_sheet(tmp_path: Path) -> None:
    actuals = write_actuals(
        tmp_path / "a.xlsx",
        [("Testville", "widgets", "2021", 100), ("Testville", "widgets", "2024", 150)],
    )
    # Full-width letters and a doubled space: the sheet's cells are folded; now the file's too.
    targets = write_targets(
        tmp_path / "t.toml",
        target_toml(region="\uff34\uff45\uff53\uff54ville ", indicator="widgets"),
    )
    judged = _judged(targets, actuals)
    assert not any("no rows for target" in m for m in judged[1:])


@pytest.mark.parametrize("toml_code", ['"211000"', "211000"])
def test_a_region_code_typed_as_a_number_matches_its_text(tmp_path: Path, toml_code: str) -> None:
    actuals = write_actuals(
        tmp_path / "a.xlsx", [(211000, "widgets", "2021", 100), (211000.0, "widgets", "2024", 150)]
    )
    text = target_toml(region="X").replace('region = "X"', f"region = {toml_code}")
    targets = write_targets(tmp_path / "t.toml", text)
    rows = read_actuals(actuals).rows
    assert list(rows["region"]) == ["211000", "211000"]
    judged = _judged(targets, actuals)
    assert not any("no rows for target" in m or "no target uses" in m for m in judged[1:])


def test_a_stray_cell_at_the_last_row_is_one_issue_and_quick(tmp_path: Path, targets: Path) -> None:
    path = write_actuals(
        tmp_path / "a.xlsx",
        [("Testville", "widgets", "2021", 100), ("Testville", "widgets", "2024", 150)],
    )
    wb = load_workbook(path)
    wb["Actuals"]["C1048576"] = "x"
    wb.save(path)
    started = time.perf_counter()
    actuals = read_actuals(path)
    assert time.perf_counter() - started < 10
    assert len(actuals.rows) == 2
    [issue] = actuals.issues
    assert issue.row == 1048576
    assert "the sheet has 1 stray cell far below the table (C1048576)" in issue.message
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main,
        [
            "report",
            "--targets",
            str(targets),
            "--actuals",
            str(path),
            "--as-of",
            "2025-06",
            "--out",
            str(out),
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    assert (out / "progress-2025-06.json").stat().st_size < 100_000


def test_a_short_blank_gap_is_still_inside_the_table(tmp_path: Path, targets: Path) -> None:
    rows = [("Testville", "widgets", "2021", 100), *[()] * 5, ("Testville", "widgets", "2024", 150)]
    path = write_actuals(tmp_path / "a.xlsx", rows)
    actuals = read_actuals(path)
    assert list(actuals.rows["row"]) == [2, 8]
    assert sum("blank row in the middle" in i.message for i in actuals.issues) == 5


@pytest.mark.parametrize("command", ["check", "add"])
def test_a_named_pipe_as_the_workbook_is_refused_not_waited_on(
    tmp_path: Path, targets: Path, command: str
) -> None:
    pipe = tmp_path / "actuals.xlsx"
    os.mkfifo(pipe)
    if command == "check":
        args = ["check", "--targets", str(targets), "--actuals", str(pipe)]
    else:
        args = [
            "actuals",
            "add",
            "--actuals",
            str(pipe),
            "--targets",
            str(targets),
            "--region",
            "Testville",
            "--indicator",
            "widgets",
            "--period",
            "2023",
            "--value",
            "5",
        ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert "actuals.xlsx: is a named pipe, not a file" in result.output


def test_a_title_above_the_header_is_read_past(tmp_path: Path) -> None:
    """A title and its date line above the header, as office sheets often begin (made up):
    "row 1: required column 'region' is missing" (a fuzz audit's find). The header is the
    first of the first rows to name every column needed; the rows keep their sheet numbers,
    and `actuals add` writes below the table. A sheet without such a row still says which
    column is missing."""
    targets = write_targets(tmp_path / "targets.toml", target_toml())
    book = write_actuals(
        tmp_path / "actuals.xlsx",
        [("Testville", "widgets", "2021", 100), ("Testville", "widgets", "2022", 120)],
    )
    wb = load_workbook(book)
    ws = wb["Actuals"]
    ws.insert_rows(1, 3)
    ws["A1"] = "某县主要指标月度数据"
    ws["A2"] = "单位：见各行"
    wb.save(book)
    read = read_actuals(book)
    assert read.rows["row"].tolist() == [5, 6] and read.rows["value"].tolist() == [100, 120]
    assert not read.issues
    added = CliRunner().invoke(
        main,
        ["actuals", "add", "--actuals", str(book), "--targets", str(targets), "--region",
         "Testville", "--indicator", "widgets", "--period", "2023", "--value", "140",
         "--source", "synthetic test figure"],
    )  # fmt: skip
    assert added.exit_code == 0 and "row 7: added" in added.output, added.output
    assert read_actuals(book).rows["value"].tolist() == [100, 120, 140]
    wb = load_workbook(book)
    wb["Actuals"]["A4"] = "place"  # the header row no longer names `region`
    wb.save(book)
    result = CliRunner().invoke(main, ["check", "--targets", str(targets), "--actuals", str(book)])
    assert result.exit_code == 2 and "row 1: required column 'region'" in result.output
