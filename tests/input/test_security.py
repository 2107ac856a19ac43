"""Hostile inputs and outputs: zip bombs, DTDs, formulas and HTML in user text, locked outputs.

Every workbook here is synthetic, made up for the test.
"""

from __future__ import annotations

import json
import os
import stat
import struct
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import write_actuals
from openpyxl import load_workbook

from sockprogress.cli import main

GOOD = [("Testville", "widgets", "2021", 100), ("Testville", "widgets", "2024", 150)]


def _rewrite(path: Path, change: dict[str, bytes]) -> None:
    """Rewrite some parts of a workbook's zip, keeping the others byte for byte."""
    with zipfile.ZipFile(path) as archive:
        parts = {i.filename: archive.read(i) for i in archive.infolist()}
    parts.update(change)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def _check(targets: Path, actuals: Path) -> tuple[int, str, float]:
    start = time.perf_counter()
    code, output = _run("check", "--targets", str(targets), "--actuals", str(actuals))
    return code, output, time.perf_counter() - start


def test_zip_bomb_is_refused_in_under_a_second(tmp_path: Path, targets: Path) -> None:
    actuals = write_actuals(tmp_path / "actuals.xlsx", GOOD)
    # 1.1 GB of zeros compresses to ~1 MB: declared in the zip directory, never inflated.
    chunk = b"\0" * (16 * 1024**2)
    with (
        zipfile.ZipFile(actuals, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/media/bomb.bin", "w", force_zip64=True) as part,
    ):
        for _ in range(72):
            part.write(chunk)
    code, output, seconds = _check(targets, actuals)
    assert code == 2 and "refusing to open it" in output, output
    assert output.startswith("Error: actuals.xlsx: the workbook would inflate to 1152 MB")
    assert seconds < 1


def test_highly_compressed_sheet_is_refused(tmp_path: Path, targets: Path) -> None:
    actuals = write_actuals(tmp_path / "actuals.xlsx", GOOD)
    padding = b"<!--" + b" " * (60 * 1024**2) + b"-->"
    with zipfile.ZipFile(actuals) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    _rewrite(actuals, {"xl/worksheets/sheet1.xml": sheet + padding})
    code, output, seconds = _check(targets, actuals)
    assert code == 2, output
    assert "part xl/worksheets/sheet1.xml is compressed" in output and "a zip bomb" in output
    assert seconds < 1


@pytest.mark.parametrize(
    "prolog",
    [
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]>',
        b'<?xml version="1.0"?><!-- '
        + b"x" * 5000
        + b' --><!DOCTYPE x SYSTEM "file:///etc/passwd">',
        b'<?xml version="1.0"?><!-- <a> --><!ENTITY x "y">',
    ],
    ids=["billion-laughs", "dtd-after-padding", "entity-after-comment-with-tag"],
)
def test_dtd_or_entities_are_refused(tmp_path: Path, targets: Path, prolog: bytes) -> None:
    actuals = write_actuals(tmp_path / "actuals.xlsx", GOOD)
    with zipfile.ZipFile(actuals) as archive:
        part = archive.read("xl/workbook.xml")
    body = part.split(b"?>", 1)[1] if part.startswith(b"<?xml") else part
    _rewrite(actuals, {"xl/workbook.xml": prolog + body})
    code, output, seconds = _check(targets, actuals)
    assert code == 2, output
    assert output.strip() == (
        "Error: actuals.xlsx: part xl/workbook.xml declares a DTD or entities, "
        "which Excel never writes; refusing to open it"
    )
    assert seconds < 1


HOSTILE = ['=HYPERLINK("http://evil","x")', "+1+1", "-2+3", "@SUM(1)", "<script>alert(1)</script>"]


def test_user_text_stays_text_in_excel_and_html(tmp_path: Path, targets: Path) -> None:
    rows = [
        ("Testville", "widgets", "2021", 100, None, HOSTILE[0], HOSTILE[4]),
        ("Testville", "widgets", "2024", 150, None, HOSTILE[1], HOSTILE[2]),
        ("Testville", HOSTILE[3], "2024", 150, None, HOSTILE[4], HOSTILE[0]),
        (HOSTILE[4], "widgets", "2024", 150, None, HOSTILE[0], HOSTILE[4]),
    ]
    actuals = write_actuals(tmp_path / "actuals.xlsx", rows)
    # Stored as text, as a cell typed '=HYPERLINK(…) keeps it: openpyxl would store a formula
    # without a result, which the reader leaves out (tests/input/test_hostile_read.py).
    wb = load_workbook(actuals)
    for cell in (c for row in wb["Actuals"].iter_rows() for c in row):
        if cell.data_type == "f":
            cell.data_type = "s"
    wb.save(actuals)
    out = tmp_path / "reports"
    code, output = _run(
        "report",
        "--as-of",
        "2025-10",
        "--out",
        str(out),
        "--targets",
        str(targets),
        "--actuals",
        str(actuals),
    )
    assert code == 0, output
    wb = load_workbook(out / "progress-2025-10.xlsx")
    texts = [c for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert all(c.data_type != "f" for c in texts)
    hostile_cells = [c.value for c in texts if any(h in c.value for h in HOSTILE[:4])]
    assert hostile_cells, "the hostile text should appear in the Excel report"
    html = (out / "progress-2025-10.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.fixture
def report_args(tmp_path: Path, targets: Path) -> list[str]:
    actuals = write_actuals(tmp_path / "actuals.xlsx", GOOD)
    return [
        "report",
        "--as-of",
        "2025-10",
        "--targets",
        str(targets),
        "--actuals",
        str(actuals),
        "--out",
        str(tmp_path / "reports"),
    ]


def test_read_only_output_is_refused_and_left_untouched(
    tmp_path: Path, report_args: list[str]
) -> None:
    out = tmp_path / "reports"
    out.mkdir()
    old = out / "progress-2025-10.xlsx"
    old.write_bytes(b"last month's report")
    old.chmod(stat.S_IRUSR | stat.S_IRGRP)
    code, output = _run(*report_args)
    assert code == 2
    assert output.strip() == (
        f"Error: {old}: is read-only or open in another program; close it in Excel "
        "(or the browser) and run again, or choose another --out"
    )
    assert old.read_bytes() == b"last month's report"
    assert sorted(p.name for p in out.iterdir()) == ["progress-2025-10.xlsx"]


def test_output_open_in_excel_rolls_back_every_file(
    tmp_path: Path, report_args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to replace a file Excel has open: simulate it on the second rename."""
    out = tmp_path / "reports"
    out.mkdir()
    for fmt in ("xlsx", "html", "json"):
        (out / f"progress-2025-10.{fmt}").write_text(f"old {fmt}")
    real_replace = os.replace

    def refuse_html(src: str | Path, dst: str | Path) -> None:
        if str(dst).endswith(".html"):
            raise PermissionError(13, "Permission denied")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", refuse_html)
    code, output = _run(*report_args)
    assert code == 2
    assert (
        "progress-2025-10.html: cannot be written (Permission denied); close it in Excel" in output
    )
    for fmt in ("xlsx", "html", "json"):
        assert (out / f"progress-2025-10.{fmt}").read_text() == f"old {fmt}"
    assert sorted(p.name for p in out.iterdir()) == [
        "progress-2025-10.html",
        "progress-2025-10.json",
        "progress-2025-10.xlsx",
    ]


def test_output_folder_that_is_a_file(tmp_path: Path, report_args: list[str]) -> None:
    (tmp_path / "reports").write_text("not a folder")
    code, output = _run(*report_args)
    assert code == 2
    assert "Error: Invalid value for '--out'" in output and "is a file" in output
    assert "Traceback" not in output


def test_json_issue_names_the_row(tmp_path: Path, targets: Path) -> None:
    actuals = write_actuals(
        tmp_path / "actuals.xlsx", [*GOOD, ("Testville", "widgets", "2023", "n/a")]
    )
    out = tmp_path / "reports"
    code, _ = _run(
        "report",
        "--as-of",
        "2025-10",
        "--out",
        str(out),
        "--targets",
        str(targets),
        "--actuals",
        str(actuals),
    )
    assert code == 0
    data = json.loads((out / "progress-2025-10.json").read_text(encoding="utf-8"))
    assert {"severity": "error", "sheet": "Actuals", "row": 4, "column": "value"}.items() <= next(
        i for i in data["issues"] if i["row"] == 4
    ).items()


def test_part_larger_than_its_declared_size_is_refused(tmp_path: Path, targets: Path) -> None:
    """A zip directory that lies about a part's size: calamine stops at the declared size."""
    actuals = write_actuals(tmp_path / "actuals.xlsx", GOOD)
    name = b"xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(actuals) as archive:
        sheet = archive.read(name.decode())
    padding = b"<!--" + b" " * (40 * 1024**2) + b"-->"
    _rewrite(actuals, {name.decode(): sheet.replace(b"</worksheet>", padding + b"</worksheet>")})
    data = bytearray(actuals.read_bytes())
    central = data.rfind(b"PK\x01\x02", 0, data.rfind(name))
    local = data.rfind(b"PK\x03\x04", 0, data.find(name))
    struct.pack_into("<I", data, central + 24, 5000)  # uncompressed size in the directory
    struct.pack_into("<I", data, local + 22, 5000)  # and in the part's own header
    actuals.write_bytes(bytes(data))
    code, output, seconds = _check(targets, actuals)
    assert code == 2, output
    assert output.startswith("Error: actuals.xlsx, sheet Actuals: cannot be read")
    assert "larger than its declared uncompressed size" in output
    assert seconds < 1


def _sockprogress(*args: str) -> tuple[int, str]:
    """The command in a process of its own: a read that calamine aborts kills that process
    (exit -6), not the test run."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "sockprogress", "--lang", "en", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return done.returncode, done.stdout + done.stderr


@pytest.mark.parametrize(
    ("cell", "said"),
    [("XFD1048576", "1,048,576 rows by 16,384 columns"), ("CV1048576", "1,048,576 rows by 100")],
)
def test_a_value_far_from_the_table_is_refused_before_it_is_laid_out(
    tmp_path: Path, targets: Path, cell: str, said: str
) -> None:
    """One value typed at XFD1048576 (the fuzz audit's find): calamine lays out every cell from
    A1 to it, asked for 512 GiB and aborted the process with a Rust backtrace, in check,
    report and actuals add alike; at CV1048576 it took 4.3 GB. Refused before the layout, in
    one line naming the cell, and nothing written."""
    actuals = write_actuals(tmp_path / "actuals.xlsx", GOOD)
    book = load_workbook(actuals)
    book["Actuals"][cell] = "x"
    book.save(actuals)
    before = actuals.read_bytes()
    out = tmp_path / "out"
    for args in (
        ("check",),
        ("report", "--as-of", "2025-06", "--out", str(out)),
        ("actuals", "add", "--region", "Testville", "--indicator", "widgets", "--period",
         "2025-03", "--value", "120", "--source", "synthetic test figure"),
    ):  # fmt: skip
        code, output = _sockprogress(*args, "--targets", str(targets), "--actuals", str(actuals))
        assert code == 2, output
        assert output.strip() == (
            f"Error: actuals.xlsx, sheet Actuals, cell {cell}: a value this far from the table "
            f"makes the sheet {said}{'' if cell.startswith('X') else ' columns'}, too large to "
            "read; clear that cell's contents (Ctrl+End goes to the last cell used) and save"
        )
    assert actuals.read_bytes() == before and not out.exists()


def test_a_note_beside_the_table_is_no_far_cell(tmp_path: Path, targets: Path) -> None:
    """A value in column AB beside the table (a note to oneself) spans 28 columns: read."""
    actuals = write_actuals(tmp_path / "actuals.xlsx", GOOD)
    book = load_workbook(actuals)
    book["Actuals"]["AB3"] = "checked against the bulletin"
    book.save(actuals)
    code, output, _ = _check(targets, actuals)
    assert code in (0, 1) and "too large to read" not in output, output


def test_a_far_cell_is_found_however_its_reference_is_quoted(tmp_path: Path, targets: Path) -> None:
    """The sheet's XML as another writer may give it: single quotes. (Spaces around `=`, which
    no writer puts there, are not looked for: the pattern's literal start keeps the check at
    the pace of the decompression.)"""
    actuals = write_actuals(tmp_path / "actuals.xlsx", GOOD)
    with zipfile.ZipFile(actuals) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    far = b"<row r='1048576'><c r='XFD1048576' t='inlineStr'><is><t>x</t></is></c></row>"
    _rewrite(
        actuals, {"xl/worksheets/sheet1.xml": sheet.replace(b"</sheetData>", far + b"</sheetData>")}
    )
    code, output = _sockprogress("check", "--targets", str(targets), "--actuals", str(actuals))
    assert code == 2 and "cell XFD1048576" in output, output


def test_an_ods_of_a_few_bytes_that_repeats_a_value_is_refused(
    tmp_path: Path, targets: Path
) -> None:
    """One row of one cell holding 1, repeated 6,000 rows by 16,000 columns: 900 bytes of XML
    that calamine laid out as 96 million cells (9.8 GB, 26 s: a fuzz audit's find). The
    repeats are counted before it opens the file. Repeated empty rows and cells, which end
    every sheet LibreOffice writes, are no span (test_other_formats reads such a file)."""
    ods = tmp_path / "actuals.ods"
    row = (
        '<table:table-row table:number-rows-repeated="6000"><table:table-cell '
        'table:number-columns-repeated="16000" office:value-type="float" office:value="1">'
        "<text:p>1</text:p></table:table-cell></table:table-row>"
    )
    empty = (
        '<table:table-row table:number-rows-repeated="1048000"><table:table-cell '
        'table:number-columns-repeated="16384"/></table:table-row>'
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Notes">{notes}</table:table>'
        '<table:table table:name="Actuals"><table:table-column '
        'table:number-columns-repeated="16000"/>{rows}</table:table></office:spreadsheet>'
        "</office:body></office:document-content>"
    )
    for rows, refused in ((row, True), (empty, False)):
        with zipfile.ZipFile(ods, "w") as archive:
            archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
            archive.writestr(
                "content.xml",
                content.format(notes=empty, rows=rows),
                compress_type=zipfile.ZIP_DEFLATED,
            )
        started = time.perf_counter()
        code, output = _sockprogress("check", "--targets", str(targets), "--actuals", str(ods))
        if refused:
            assert code == 2, output
            assert output.strip() == (
                "Error: actuals.ods, sheet Actuals, cell WQJ6000: a value this far from the "
                "table makes the sheet 6,000 rows by 16,000 columns, too large to read; clear "
                "that cell's contents (Ctrl+End goes to the last cell used) and save"
            )
            assert time.perf_counter() - started < 10
        else:
            assert "too large to read" not in output, output


def test_an_xls_past_the_size_limit_is_refused_before_it_is_parsed(
    tmp_path: Path, targets: Path
) -> None:
    """An Excel 97-2003 file was handed to calamine whatever its size: its kind was told
    before its size was looked at (a fuzz audit's find). 201 MB, sparse on disk."""
    xls = tmp_path / "actuals.xls"
    with xls.open("wb") as fh:
        fh.write(bytes.fromhex("d0cf11e0a1b11ae1"))
        fh.truncate(201 * 1024**2)
    code, output, seconds = _check(targets, xls)
    assert code == 2, output
    assert output.startswith("Error: actuals.xls: ") and "201 MB" in output, output
    assert seconds < 2
