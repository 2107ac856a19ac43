"""Hostile workbooks, the reading side (issue 22): invisible characters in the header, error and
uncalculated cells in any column the reader uses, a helper table beside the Actuals table.
Every figure here is synthetic, made up for the test.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from click.testing import CliRunner
from helpers import HEADER, SYNTHETIC, write_actuals
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from sockprogress.cli import main
from sockprogress.reading.actuals import read_actuals

GOOD = [("Testville", "widgets", "2021", 100), ("Testville", "widgets", "2022", 120)]

# What an office's header cell may carry around or inside a name and still show it plainly.
INVISIBLE = ["\ufeff", "\u200b", "\u200c", "\u200d", "\u2060", "\u00ad"]
SPACES = [" ", "\u00a0", "\u3000", "\t", "\u2002"]


@st.composite
def decorated(draw: st.DrawFn, name: str) -> str:
    """`name` with invisible characters and white space around it (and invisible ones inside)."""
    before = draw(st.text(st.sampled_from(INVISIBLE + SPACES), max_size=3))
    after = draw(st.text(st.sampled_from(INVISIBLE + SPACES), max_size=3))
    cut = draw(st.integers(0, len(name)))
    inside = draw(st.text(st.sampled_from(INVISIBLE), max_size=1))
    return before + name[:cut] + inside + name[cut:] + after


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.tuples(*(decorated(h) for h in HEADER)))
def test_header_with_invisible_characters_is_recognised(header: tuple[str, ...]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write_actuals(Path(folder) / "actuals.xlsx", GOOD, header=header)
        actuals = read_actuals(path)
    assert actuals.rows["value"].tolist() == [100.0, 120.0]
    assert actuals.rows["source"].tolist() == [SYNTHETIC, SYNTHETIC]
    assert not [i for i in actuals.issues if i.severity == "error"], actuals.issues


def test_byte_order_mark_and_zero_width_space_in_header(tmp_path: Path) -> None:
    header = ("\ufeffregion", "indicator", "period", "value\u200b", "basis", "\u3000source", "note")
    path = write_actuals(tmp_path / "actuals.xlsx", GOOD, header=header)
    actuals = read_actuals(path)
    assert actuals.rows["region"].tolist() == ["Testville", "Testville"]
    assert actuals.rows["value"].tolist() == [100.0, 120.0]


# The columns the reader uses, their letters in HEADER's order, and a row's good cells.
LETTERS = dict(zip(HEADER, "ABCDEFG", strict=True))
ROW = {
    "region": "Testville",
    "indicator": "widgets",
    "period": "2023",
    "value": 150,
    "basis": None,
    "source": SYNTHETIC,
    "note": "synthetic note",
}
ERRORS = ["#REF!", "#N/A", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!"]


def _broken_workbook(path: Path, column: str, broken: str, as_text: bool = False) -> Path:
    """GOOD rows, then row 4 whose `column` cell holds `broken`: an error value (openpyxl
    writes `#REF!` as an error cell; `as_text` stores it as text, as a pasted copy may), or
    a formula (`=...`, which openpyxl saves without a result)."""
    write_actuals(path, [*GOOD, tuple(ROW.values()), ("Testville", "widgets", "2024", 160)])
    wb = load_workbook(path)
    cell = wb["Actuals"][f"{LETTERS[column]}4"]
    cell.value = broken
    if as_text and not broken.startswith("="):
        cell.data_type = "s"
    wb.save(path)
    return path


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(HEADER),
    st.one_of(st.sampled_from(ERRORS), st.just("=B2&C2")),
    st.booleans(),
)
def test_error_or_uncalculated_cell_in_any_column_leaves_the_row_out(
    column: str, broken: str, as_text: bool
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = _broken_workbook(Path(folder) / "actuals.xlsx", column, broken, as_text)
        actuals = read_actuals(path)
    assert actuals.rows["row"].tolist() == [2, 3, 5]  # row 4 left out, the others read
    assert actuals.rows["value"].tolist() == [100.0, 120.0, 160.0]
    mine = [i for i in actuals.issues if i.row == 4]
    assert [(i.severity, i.column, i.sheet, i.file) for i in mine] == [
        ("error", column, "Actuals", "actuals.xlsx")
    ], mine
    cell = f"{LETTERS[column]}4"
    if broken.startswith("="):
        assert mine[0].code == "formula_no_result" and cell in mine[0].message
    else:
        assert mine[0].code == "cell_error"
        assert f"cell {cell} holds the error {broken}" in mine[0].message


def test_error_in_region_and_source_is_one_line_in_check(tmp_path: Path, targets: Path) -> None:
    path = _broken_workbook(tmp_path / "actuals.xlsx", "region", "#REF!")
    wb = load_workbook(path)
    wb["Actuals"]["F5"] = "#N/A"
    wb.save(path)
    files = ["--targets", str(targets), "--actuals", str(path)]
    check = CliRunner().invoke(main, ["check", "--as-of", "2025-10", *files])
    assert check.exit_code == 1, check.output
    assert (
        "actuals.xlsx, sheet Actuals, row 4, column region: error: cell A4 holds the error "
        "#REF!, not a figure or a name; the row is left out" in check.output
    )
    assert "row 5, column source: error: cell F5 holds the error #N/A" in check.output
    assert "#REF!'" not in check.output  # never read as a region name
    assert "Traceback" not in check.output
    out = tmp_path / "reports"
    report = CliRunner().invoke(main, ["report", "--as-of", "2025-10", "--out", str(out), *files])
    assert report.exit_code == 0, report.output
    data = json.loads((out / "progress-2025-10.json").read_text(encoding="utf-8"))
    assert {(i["row"], i["column"]) for i in data["issues"] if i["severity"] == "error"} == {
        (4, "region"),
        (5, "source"),
    }
    assert "#" not in "".join(read_actuals(path).rows["source"])  # never read as a source


def test_error_text_in_a_csv_is_an_error_too(tmp_path: Path) -> None:
    path = tmp_path / "actuals.csv"
    lines = [",".join(HEADER), "Testville,widgets,2021,100,,paper,", "#REF!,widgets,2022,5,,x,"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    actuals = read_actuals(path)
    assert actuals.rows["row"].tolist() == [2]
    (issue,) = [i for i in actuals.issues if i.row == 3]
    assert (issue.code, issue.column) == ("cell_error", "region")
