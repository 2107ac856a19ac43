"""Hostile workbooks, the reading side (issue 22): invisible characters in the header, error and
uncalculated cells in any column the reader uses, a helper table beside the Actuals table.
Every figure here is synthetic, made up for the test.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from click.testing import CliRunner, Result
from helpers import HEADER, SYNTHETIC, add_args, write_actuals
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table

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
LETTERS = dict(zip(HEADER, "ABCDEFGH", strict=True))
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


def _tables_workbook(
    path: Path, place: str, actuals_total: bool, helper_total: bool, name: str = "Actuals"
) -> tuple[Path, list[int]]:
    """The Actuals table (named `name`) of three synthetic rows, with or without a Total Row,
    and a helper table placed `beside` it, `below` it or `above` it, whose header repeats the
    reader's column names and whose rows look like observations. Returns the path and the sheet
    rows of the Actuals table's observations."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Actuals"
    top = 6 if place == "above" else 1
    rows: list[tuple[object, ...]] = [
        ("Testville", "widgets", "2021", 100, None, SYNTHETIC, None),
        ("Testville", "widgets", "2022", 120, None, SYNTHETIC, None),
        ("Testville", "widgets", "2023", 150, None, SYNTHETIC, None),
    ]
    for offset, values in enumerate([HEADER, *rows]):
        for column, value in enumerate(values, 1):
            ws.cell(top + offset, column, value)
    last = top + len(rows)
    if actuals_total:
        last += 1
        ws.cell(last, 1, "Total")
        ws.cell(last, 4, "=SUBTOTAL(109,Actuals[value])")
    table = Table(displayName=name, ref=f"A{top}:G{last}", totalsRowCount=int(actuals_total))
    table._initialise_columns()
    ws.add_table(table)
    # A helper table: a lookup of regions, or sums a clerk keeps beside the figures.
    h_row, h_col = {"beside": (1, 9), "below": (last + 2, 1), "above": (1, 1)}[place]
    helper: list[tuple[object, ...]] = [
        ("region", "value", "period"),
        ("Elsewhere", 999, "2099"),
        ("Nowhere", 5, "x"),
    ]
    if place == "beside":
        helper += [("Testville", 7, "2020")] * 4  # longer than the Actuals table
    for offset, values in enumerate(helper):
        for column, value in enumerate(values):
            ws.cell(h_row + offset, h_col + column, value)
    h_last = h_row + len(helper) - 1
    if helper_total:
        h_last += 1
        ws.cell(h_last, h_col, "Total")
    ref = f"{get_column_letter(h_col)}{h_row}:{get_column_letter(h_col + 2)}{h_last}"
    lookup = Table(displayName="Lookup", ref=ref, totalsRowCount=int(helper_total))
    lookup._initialise_columns()
    ws.add_table(lookup)
    wb.save(path)
    return path, list(range(top + 1, top + 1 + len(rows)))


@settings(max_examples=24, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["beside", "below", "above"]), st.booleans(), st.booleans())
def test_helper_table_on_the_sheet_is_ignored(
    place: str, actuals_total: bool, helper_total: bool
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path, rows = _tables_workbook(
            Path(folder) / "actuals.xlsx", place, actuals_total, helper_total
        )
        actuals = read_actuals(path)
    assert actuals.rows["row"].tolist() == rows
    assert actuals.rows["value"].tolist() == [100.0, 120.0, 150.0]  # no Total, no helper row
    assert set(actuals.rows["region"]) == {"Testville"}
    assert actuals.issues == (), actuals.issues


def test_actuals_table_is_found_by_name_in_any_case(tmp_path: Path) -> None:
    path, rows = _tables_workbook(tmp_path / "actuals.xlsx", "above", True, False, "ACTUALS")
    actuals = read_actuals(path)
    assert actuals.rows["row"].tolist() == rows == [7, 8, 9]


def test_helper_table_with_its_own_total_row_leaves_the_actuals_rows_alone(
    tmp_path: Path,
) -> None:
    """A helper table beside whose Total Row sits on an Actuals row: that row is a figure."""
    path, rows = _tables_workbook(tmp_path / "actuals.xlsx", "beside", False, False)
    wb = load_workbook(path)
    ws = wb["Actuals"]
    ws.tables["Lookup"].ref = "I1:K3"
    ws.tables["Lookup"].totalsRowCount = 1
    for row in range(4, 8):
        for column in "IJK":
            ws[f"{column}{row}"] = None
    wb.save(path)
    assert read_actuals(path).rows["row"].tolist() == rows == [2, 3, 4]


def test_without_a_table_named_actuals_the_sheet_is_read_as_before(tmp_path: Path) -> None:
    """An un-named range: rows below a blank row are still read, as they always were."""
    path = write_actuals(tmp_path / "actuals.xlsx", [*GOOD, (None,), ("Testville", "x", "2023", 9)])
    actuals = read_actuals(path)
    assert actuals.rows["row"].tolist() == [2, 3, 5]
    assert [i.code for i in actuals.issues] == ["blank_row"]


def _add(path: Path, targets: Path, period: str, value: str) -> Result:
    return CliRunner().invoke(main, add_args(path, targets, period, value))


def test_add_beside_a_helper_table_grows_the_actuals_table_only(
    tmp_path: Path, targets: Path
) -> None:
    path, _ = _tables_workbook(tmp_path / "actuals.xlsx", "beside", False, False)
    result = _add(path, targets, "2024", "130")
    assert result.exit_code == 0, result.output
    ws = load_workbook(path)["Actuals"]
    assert ws.tables["Actuals"].ref == "A1:G5" and ws.tables["Lookup"].ref == "I1:K7"
    assert [c.value for c in ws[5][:4]] == ["Testville", "widgets", "2024", 130]
    assert ws["I5"].value == "Testville" and ws["J5"].value == 7  # the helper's row kept
    assert read_actuals(path).rows["row"].tolist() == [2, 3, 4, 5]


def test_add_never_writes_over_a_helper_table_below(tmp_path: Path, targets: Path) -> None:
    path, _ = _tables_workbook(tmp_path / "actuals.xlsx", "below", False, False)
    assert _add(path, targets, "2024", "130").exit_code == 0  # row 5, the free row
    result = _add(path, targets, "2025", "140")  # row 6 is the helper table's header
    assert result.exit_code != 0
    assert "row 6 belongs to another table on the sheet" in result.output
    assert "Traceback" not in result.output
    ws = load_workbook(path)["Actuals"]
    assert [c.value for c in ws[6][:3]] == ["region", "value", "period"]
    assert read_actuals(path).rows["row"].tolist() == [2, 3, 4, 5]
