"""The small readings of a sheet's XML done beside calamine: cell names and table ranges."""

from __future__ import annotations

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
