"""Real LibreOffice opens the Excel report and prints it to PDF."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from sockprogress.model import Report
from sockprogress.rendering.excel import render_workbook
from sockprogress.words.words import Words

pytestmark = pytest.mark.client


def pdf_text(path: Path) -> tuple[int, str]:
    reader = PdfReader(path)
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    """Text without line breaks or doubled spaces: PDF lines break inside long names."""
    return " ".join(text.split())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_libreoffice_prints_every_target_and_status(
    shipped_report: Report, tmp_path: Path, soffice: Callable[[Path, str], Path], lang: str
) -> None:
    source = tmp_path / f"progress-{lang}.xlsx"
    source.write_bytes(render_workbook(shipped_report, Words.of(lang)))
    pages, text = pdf_text(soffice(source, "pdf"))
    text = flat(text)
    # Summary, changes, a page or two per target (its observations' sources may run onto a
    # second), context, issues, about: not one page per cell.
    n = len(shipped_report.targets)
    assert n + 4 <= pages <= 2 * n + 8, pages
    for result in shipped_report.targets:
        t = result.target
        name = (t.name_zh or t.name) if lang == "zh" else t.name
        assert name in text
        assert Words.of(lang).status_word(result.status) in text
        # a word, never the JSON's code (`missed` is also an English word: the codes with _)
        assert "_" not in result.status or result.status not in text
    assert ("2026年10月" if lang == "zh" else "2026-10") in text


def test_libreoffice_reads_the_same_values(
    shipped_report: Report, tmp_path: Path, soffice: Callable[[Path, str], Path]
) -> None:
    # The workbook holds no formulas; LibreOffice's re-saved copy must hold the same numbers.
    source = tmp_path / "progress.xlsx"
    source.write_bytes(render_workbook(shipped_report, Words.of()))
    again = soffice(source, "xlsx:Calc MS Excel 2007 XML")
    ours = load_workbook(source)["Summary"]
    with warnings.catch_warnings():
        # LibreOffice's own copy carries extensions openpyxl does not know; ours carries none.
        warnings.simplefilter("ignore")
        theirs = load_workbook(again)["Summary"]
    compared = 0
    for row in range(5, ours.max_row + 1):
        for col in range(1, ours.max_column + 1):
            a, b = ours.cell(row, col).value, theirs.cell(row, col).value
            if isinstance(a, int | float) and not isinstance(a, bool):
                assert b == pytest.approx(a, rel=1e-9)
                compared += 1
    assert compared > 30


def test_libreoffice_prints_every_line_of_wrapped_chinese_text(
    shipped_report: Report, tmp_path: Path, soffice: Callable[[Path, str], Path]
) -> None:
    """A row too short for its wrapped text cuts the last lines off the page: the end of every
    wrapped text of the Summary's notes and the About sheet must be in the printed PDF."""
    source = tmp_path / "progress-zh.xlsx"
    source.write_bytes(render_workbook(shipped_report, Words.of("zh")))
    _, printed = pdf_text(soffice(source, "pdf"))
    printed = "".join(printed.split())
    wb = load_workbook(source)
    ends = []
    for ws in (wb["汇总表"], wb["编制说明"]):
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.alignment.wrap_text:
                    last = "".join(cell.value.split("\n")[-1].split())
                    if len(last) >= 8:
                        ends.append(last[-8:])
    assert len(ends) >= 8
    missing = [end for end in ends if end not in printed]
    assert not missing, missing
