"""The small readings of a sheet's XML done beside calamine: cell names and table ranges."""

from __future__ import annotations

from typing import Any

import pytest

from sockprogress.reading.sheetxml import _table, cell_name, cell_position, xml_attrs


@pytest.mark.parametrize(
    ("name", "position"),
    [("A1", (1, 0)), ("D4", (4, 3)), ("$AB$12", (12, 27)), ("XFD1048576", (1048576, 16383))],
)
def test_a_cell_name_and_its_position_agree(name: str, position: tuple[int, int]) -> None:
    assert cell_position(name) == position
    assert cell_name(*position) == name.replace("$", "")


@pytest.mark.parametrize("name", ["", "A", "1", "a1", "A0", "ABCD1", "A1:B2", "=A1", "A 1"])
def test_anything_else_has_no_position(name: str) -> None:
    assert cell_position(name) is None


def test_a_table_range_is_read_in_either_order() -> None:
    table = _table({"ref": "B10:A2", "displayName": "Actuals", "totalsRowCount": "1"})
    assert table is not None
    assert (table.min_row, table.min_col, table.max_row, table.max_col) == (2, 1, 10, 2)
    assert table.total_rows == {10}
    assert _table({"ref": "A1:"}) is not None  # one cell
    assert _table({"ref": "bad"}) is None


def test_attribute_values_are_unescaped_as_xml_writes_them() -> None:
    attrs = xml_attrs(""" name="R&amp;D &quot;2&quot;" r:id='rId&#49;' """)
    assert attrs == {"name": 'R&D "2"', "id": "rId1"}


def _linked_workbook(tmp_path: Any) -> Any:
    """A made-up sheet of four sources: a Ctrl+K link behind 新华社, a HYPERLINK formula with
    its saved result, an address typed in full, and a link to a local file (no web page)."""
    import zipfile

    from helpers import write_actuals
    from openpyxl import load_workbook

    book = write_actuals(
        tmp_path / "actuals.xlsx",
        [
            ("Testville", "widgets", "2021", 100, None, "新华社"),
            ("Testville", "widgets", "2022", 120, None, "FORMULA"),
            ("Testville", "widgets", "2023", 130, None, "统计公报 https://example.org/c"),
            ("Testville", "widgets", "2024", 140, None, "内部资料"),
        ],
    )
    wb = load_workbook(book)
    ws = wb["Actuals"]
    ws["F2"].hyperlink = "https://example.org/a?x=1&y=2"
    ws["F4"].hyperlink = "https://example.org/c"
    ws["F5"].hyperlink = "file:///C:/data/internal.docx"
    wb.save(book)
    with zipfile.ZipFile(book) as archive:
        parts = {i.filename: archive.read(i) for i in archive.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    start = sheet.index(b'<c r="F3"')
    end = sheet.index(b"</c>", start) + 4
    parts["xl/worksheets/sheet1.xml"] = (
        sheet[:start]
        + '<c r="F3" t="str"><f>HYPERLINK("https://example.org/b","新华社报道")</f>'
        "<v>新华社报道</v></c>".encode()
        + sheet[end:]
    )
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return book


def test_a_linked_source_gives_its_web_address(tmp_path: Any) -> None:
    """The tool read each cell's value only: a source linked with Ctrl+K, or pasted from a
    browser as its title, or written as a HYPERLINK formula, lost its address, the figure's
    evidence (the last notes' open item). The address follows the text; one typed already is
    not said twice; a link to a file is no source address."""
    from sockprogress.reading import read_actuals
    from sockprogress.reading.sheetxml import closer_look

    book = _linked_workbook(tmp_path)
    looked = closer_look(book, "Actuals")
    assert looked.links == {
        "F2": "https://example.org/a?x=1&y=2",
        "F3": "https://example.org/b",
        "F4": "https://example.org/c",
    }
    assert looked.broken == {}
    assert read_actuals(book).rows["source"].tolist() == [
        "新华社 https://example.org/a?x=1&y=2",
        "新华社报道 https://example.org/b",
        "统计公报 https://example.org/c",
        "内部资料",
    ]


def test_the_reports_json_keeps_a_linked_sources_address(tmp_path: Any) -> None:
    import json

    from click.testing import CliRunner
    from helpers import target_toml, write_targets

    from sockprogress.cli import main

    targets = write_targets(tmp_path / "targets.toml", target_toml(target=200))
    book = _linked_workbook(tmp_path)
    out = tmp_path / "out"
    args = ["report", "--targets", str(targets), "--actuals", str(book), "--as-of", "2025-06"]
    result = CliRunner().invoke(main, [*args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads((out / "progress-2025-06.json").read_text(encoding="utf-8"))
    sources = [o["source"] for o in report["targets"][0]["observations"]]
    assert "新华社 https://example.org/a?x=1&y=2" in sources
    assert "新华社报道 https://example.org/b" in sources
