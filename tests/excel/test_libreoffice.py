"""Real LibreOffice opens the Excel report and prints it to PDF."""

from __future__ import annotations

import dataclasses
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pymupdf
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from sockprogress.model import Report
from sockprogress.rendering.excel import render_workbook
from sockprogress.rendering.excel.labels import figure_label
from sockprogress.rendering.selection import IN_FULL
from sockprogress.rendering.view import build_view
from sockprogress.words.words import Words

pytestmark = pytest.mark.client

MARGIN_PT = 54  # print_setup's margin above the rows (0.75 in), where the header is


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
    # Summary, changes, one to three pages per target (its notes, then its table, may each
    # start a page under its name), context, issues, about: not one page per cell.
    n = len(shipped_report.targets)
    assert n + 4 <= pages <= 3 * n + 8, pages
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


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_page_of_the_workbook_prints_at_a_readable_size(
    shipped_report: Report, tmp_path: Path, soffice: Callable[[Path, str], Path], lang: str
) -> None:
    """Every sheet fitted to the page's width printed as small as its columns made it: a region
    sheet (A:O, its 16.5 cm chart beside blank columns) its figures at 6.9 pt and its chart's
    type at 5.7; Data issues (a message column 90 wide) at 8.2 pt, About at 8.7. A region
    sheet prints A:H, the chart 12 cm wide beside the figures, and Data issues and About print
    at 100 %: every page's text 9.5 pt and more (the region sheets' 10 and more), none under
    8 (a chart's 9 pt type, a hash's 8.5; LibreOffice's print of the shipped goals). A goal
    that runs over its page starts its notes or its table on the next under its name: they
    printed there with nothing to say whose they were (a Chinese reader's find)."""
    words = Words.of(lang)
    source = tmp_path / f"progress-{lang}.xlsx"
    source.write_bytes(render_workbook(shipped_report, words))
    view = build_view(shipped_report, words)
    names = {region.name for region in view.regions}
    unnamed = {
        words("Observations used"),
        *(figure_label(k, words) for k in ("latest_source", "latest_note", "notes", "about_goal")),
        *(label for t in view.targets for label, _text, _english in t.texts),
    }
    printed: Any = pymupdf.open(soffice(source, "pdf"))  # type: ignore[no-untyped-call]
    regions = 0
    for page in printed:
        spans = [
            span
            for block in page.get_text("dict")["blocks"]
            for line in block.get("lines", [])
            for span in line["spans"]
            if span["text"].strip()
        ]
        header = {span["text"].strip() for span in spans if span["bbox"][3] < MARGIN_PT}
        by_size: Counter[float] = Counter()
        for span in spans:
            by_size[round(span["size"], 1)] += len(span["text"])
        body = max(by_size, key=lambda size: by_size[size])
        said = (page.number + 1, sorted(header), sorted(by_size.items()))
        assert body >= 9.5 and min(by_size) >= 8.0, said
        if names & header:  # a region's sheet: its name, right in the page's header
            regions += 1
            assert body >= 10.0, said
            # a page starts with a heading (the sheet's, a goal's, a goal's continued) or a row
            # of a table longer than a page: never with a goal's notes or table, nameless
            lines = sorted(
                (line["bbox"][1], "".join(s["text"] for s in line["spans"]).strip())
                for block in page.get_text("dict")["blocks"]
                for line in block.get("lines", [])
                if line["bbox"][1] > MARGIN_PT
            )
            first = next(text for _y, text in lines if text)
            assert not any(first.startswith(label) for label in unnamed), (page.number + 1, first)
    assert regions >= len(names) * 2


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_changes_sheet_prints_within_its_columns_at_eight_points_and_more(
    shipped_report: Report, tmp_path: Path, soffice: Callable[[Path, str], Path], lang: str
) -> None:
    """What changed ran on past the Changes sheet's last column, and the page, fitted to all of
    it, printed at 6.2 pt (a county's eleven months). It wraps in its column, the region's, the
    goal's and the statuses' columns are as wide as their texts, and the page prints its
    columns only (LibreOffice's print of the shipped goals, each made up to have moved from
    on track last month)."""
    words = Words.of(lang)
    moved = tuple(
        dataclasses.replace(r, previous_status="on_track", previous_latest=None)
        for r in shipped_report.targets
    )
    report = dataclasses.replace(shipped_report, targets=moved)
    source = tmp_path / f"changes-{lang}.xlsx"
    source.write_bytes(render_workbook(report, words))
    printed: Any = pymupdf.open(soffice(source, "pdf"))  # type: ignore[no-untyped-call]
    name, heading = words("Changes"), figure_label("what_changed", words)
    (page,) = [
        page
        for page in printed
        if any(
            s["text"].strip() == name and s["bbox"][3] < MARGIN_PT
            for b in page.get_text("dict")["blocks"]
            for line in b.get("lines", [])
            for s in line["spans"]
        )
    ]
    spans = [
        span
        for block in page.get_text("dict")["blocks"]
        for line in block.get("lines", [])
        for span in line["spans"]
        if span["text"].strip() and span["bbox"][1] > MARGIN_PT
    ]
    (title,) = [span for span in spans if span["text"].strip() == heading]
    # the table's right edge: that of the heading row's fill, around the last heading
    middle = (title["bbox"][1] + title["bbox"][3]) / 2
    edge = max(
        d["rect"].x1
        for d in page.get_drawings()
        if d.get("fill") and d["rect"].y0 <= middle <= d["rect"].y1
    )
    cells = [span for span in spans if span["bbox"][1] > title["bbox"][3]]
    assert len(cells) > 4 * len(moved)
    beyond = [(span["text"], span["bbox"][2]) for span in cells if span["bbox"][2] > edge + 1]
    assert not beyond, (edge, beyond[:3])
    sizes = [round(span["size"], 1) for span in cells]
    assert min(sizes) >= 8.0, sorted(set(sizes))


def calm_province(shipped: Report) -> Report:
    """Synthetic: the shipped targets copied into 45 made-up regions (360 targets), and a 46th,
    "Synthetic calm", with six copies of each goal awaiting its final figure: 45 missed and
    155 awaiting are the 200 in full, so none of the last region's 30 is."""
    regions = [
        dataclasses.replace(r, target=dataclasses.replace(r.target, region=f"Synthetic {i:02d}"))
        for i in range(45)
        for r in shipped.targets
    ]
    calm = [
        dataclasses.replace(
            r,
            target=dataclasses.replace(r.target, region="Synthetic calm", id=f"{r.target.id}-{n}"),
        )
        for n in range(6)
        for r in shipped.targets
        if r.status == "awaiting_final"
    ]
    return dataclasses.replace(shipped, targets=(*regions, *calm))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_region_sheet_without_a_chart_prints_upright_larger_and_splits_no_block(
    shipped_report: Report, tmp_path: Path, soffice: Callable[[Path, str], Path], lang: str
) -> None:
    """A province's region sheet whose blocks are all short (no chart) printed A:O across A4,
    the chart's width, at 7 pt, with four blocks a page, the last often split over two pages.
    It prints A:D upright at 100 % (A:F fitted to the width printed at 8.4 pt in LibreOffice),
    a block that would run over a page's end starts the next page, and why the blocks are
    short is said once, under the title (LibreOffice's print of 30 made-up blocks)."""
    report = calm_province(shipped_report)
    words = Words.of(lang)
    view = build_view(report, words)
    (region,) = [r for r in view.regions if r.targets[0].result.target.region == "Synthetic calm"]
    assert len(region.targets) == 30 and not any(t.in_full for t in region.targets)
    source = tmp_path / f"calm-{lang}.xlsx"
    source.write_bytes(render_workbook(report, words))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl does not read sparklines
        sheet = load_workbook(source)[region.name]
    assert "!$A$1:$D$" in sheet.print_area
    assert sheet.page_setup.orientation == "portrait"

    pdf = soffice(source, "pdf")
    # each short block ends with where its figures are; why they are short is said once, under
    # the sheet's title
    listed = {t.result.target.id: t.listed_in_json for t in region.targets}
    assert all(listed.values())
    texts = list(listed.values())
    not_in_full = texts[0]  # their common start: "Its " / "该目标的"
    while not all(t.startswith(not_in_full) for t in texts):
        not_in_full = not_in_full[:-1]
    assert len(not_in_full) >= 3
    why = words(
        "Beyond {limit} targets, the table of figures and the chart are given for the {limit} "
        "most in need of attention (see About); the other goals on this sheet are given in "
        "short, their figures listed in the JSON."
    ).format(limit=IN_FULL)[:10]
    whys = 0
    names = {t.name for t in region.targets}
    printed: Any = pymupdf.open(pdf)  # type: ignore[no-untyped-call]
    pages = 0
    for page in printed:
        lines = [
            ("".join(span["text"] for span in line["spans"]).strip(), line["spans"])
            for block in page.get_text("dict")["blocks"]
            for line in block.get("lines", [])
        ]
        if not any(text == region.name for text, _ in lines[:3]):  # the header's sheet name
            continue
        pages += 1
        assert page.rect.height > page.rect.width  # upright
        sizes = [
            span["size"] for text, spans in lines if text for span in spans if span["text"].strip()
        ]
        assert min(sizes) >= 10.0, min(sizes)  # 7 pt across, 8.4 pt A:F upright
        headings = sum(1 for text, _ in lines if any(text.startswith(n) for n in names))
        notes = sum(1 for text, _ in lines if text.startswith(not_in_full))
        assert headings == notes, f"a block split on page {page.number + 1}"
        whys += sum(1 for text, _ in lines if text.startswith(why))
    assert pages >= 3 and whys == 1
