"""The workbook's first sheet: the month's bulletin (bulletin.py) on one printed A4 page.

The title, the period and the issuer, the lead sentences, the table of the goals and the 注
line, in type an office can read on paper: printed at 100 %, never shrunk to fit, so the table
prints at 11 pt. The columns are sized to fit A4 across (portrait for the six columns of a
bulletin, landscape when a year's goal adds 序时进度 and 同比). The wide Summary follows.
"""

from __future__ import annotations

from xlsxwriter.utility import xl_range
from xlsxwriter.worksheet import Worksheet

from ..bulletin import Bulletin
from .book import Book
from .layout import (
    A4,
    CJK_WIDTH,
    DIGIT_EM,
    LINE_HEIGHT,
    SIDE_MARGIN,
    Heights,
    chinese_lines,
    kept_together,
    page_header,
    page_room,
    text_lines,
)

# The room the columns share, by the keys shown: within A4's printable width at 100 % as
# LibreOffice measures it (portrait: six columns, under about 88 characters; landscape:
# eight, under about 130). The bulletin's column rule shares it out (Bulletin.column_widths,
# as for the page and the Word table): fixed widths by key left an English name three lines
# deep beside an empty half of the unit column, and a ninth goal's row on page 2.
WIDTHS = {
    "name": 22.0,
    "unit": 6.0,
    "goal": 8.0,
    "latest": 17.0,
    "share": 10.5,
    "progress": 22.0,
    "schedule": 15.0,
    "yoy": 8.0,
}
# Landscape gives the eight columns a little more room each (still under about 130).
LANDSCAPE = 1.17
# The rule measures in ems at a size: a column width counts "0"s, and a CJK character is
# CJK_WIDTH of them (layout.text_lines); a cell keeps about one "0" of padding.
CELL_PAD = 1.0
BODY = {"font_size": 11, "text_wrap": True, "valign": "top"}
TITLE = {"font_size": 16, "bold": True, "align": "center", "valign": "vcenter", "text_wrap": True}
CENTRED = {"font_size": 12, "align": "center", "valign": "vcenter"}
LEAD = {"font_size": 12, "text_wrap": True, "valign": "top", "indent": 1}
# The table's cells centred from top to bottom, its figures' columns (bulletin.CENTRED) and its
# headings across, as the Word bulletin and the page set them.
CELL = {
    "font_size": 11,
    "text_wrap": True,
    "valign": "vcenter",
    "border": 1,
    "border_color": "#8EA9DB",
}
FIGURE = {**CELL, "align": "center"}
HEAD = {**FIGURE, "bold": True, "bg_color": "#D9E1F2", "pattern": 1}
# a region's heading row across the table, when its rows are grouped by region (a province's)
REGION = {**CELL, "bold": True, "bg_color": "#EEF2F9", "pattern": 1}
# The empty rows that set the lead apart, in points: a row of 15 each held back a ninth goal's
# 注 line from a landscape page 1.
GAP = 6.0
# The sheet's top and bottom margins, in inches (the other sheets' are layout.MARGIN): room for
# a tenth goal's row on page 1.
BULLETIN_MARGIN = 0.6
# 11 pt type in a column measured for 11 pt (layout.text_lines); 12 pt needs 12/11 the room.
LEAD_SCALE = 11 / 12


def write_bulletin(book: Book, ws: Worksheet, bulletin: Bulletin) -> None:
    f, words = book.formats, book.words
    keys = bulletin.keys
    landscape = len(keys) > 6  # a year's goal adds 序时进度 and 同比: A4 across
    total = sum(WIDTHS[k] for k in keys) * (LANDSCAPE if landscape else 1.0)
    widths = bulletin.column_widths(CJK_WIDTH, total, CELL_PAD)
    last = len(keys) - 1
    for c, width in enumerate(widths):
        ws.set_column(c, c, width)

    # Every row's height is set, so that the pages laid out below are the pages printed: an
    # application may size a row stored without a height by its own measure of the text.
    heights = Heights(ws)

    def line(row: int, text: str, style: dict[str, object], height: float | None = None) -> None:
        fmt = f(style)
        ws.merge_range(row, 0, row, last, "", fmt)
        ws.write_string(row, 0, text, fmt)
        if height is not None:
            heights.set(row, height)

    line(0, bulletin.title, TITLE, 30)
    line(1, bulletin.heading_period, CENTRED, 20)
    line(2, bulletin.issuer_line, CENTRED, 20)
    heights.set(3, GAP)
    row = 4
    for sentence in bulletin.lead:
        # broken as Chinese is set: LibreOffice started a line with the "，" after a "）"
        lines = chinese_lines(sentence, total * LEAD_SCALE, sentence=True)
        line(row, lines, LEAD)
        heights.fit(row, [(lines, total * LEAD_SCALE)], LINE_HEIGHT)
        row += 1
    heights.set(row, GAP)
    row += 1
    line(row, bulletin.table_heading, {**CENTRED, "bold": True}, 20)
    row += 1
    head = f(HEAD)
    heading_lines = bulletin.heading_lines(lambda i, text: text_lines(text, widths[i]) == 1)
    for c, heading in enumerate(heading_lines):
        ws.write_string(row, c, heading, head)
    heights.fit(row, list(zip(heading_lines, widths, strict=True)), LINE_HEIGHT)
    header_row = row
    cell, figure, region_format = f(CELL), f(FIGURE), f(REGION)
    formats = [figure if centred else cell for centred in bulletin.centred]
    region_rows: list[int] = []
    # each goal's cells, the Chinese ones broken into lines as Chinese is set, as the Word
    # table and the page break theirs (Bulletin.broken; its units are these sheet's: a CJK
    # character CJK_WIDTH "0"s, a "0" of padding, a figure a digit wide)
    texts = bulletin.broken(widths, CJK_WIDTH, CELL_PAD, DIGIT_EM)
    for cells, region in zip(texts, bulletin.region_headings, strict=True):
        row += 1
        if region:
            ws.merge_range(row, 0, row, last, "", region_format)
            ws.write_string(row, 0, region, region_format)
            heights.fit(row, [(region, total)], LINE_HEIGHT)
            region_rows.append(row)
            row += 1
        for c, text in enumerate(cells):
            ws.write_string(row, c, text, formats[c])
        heights.fit(row, list(zip(cells, widths, strict=True)), LINE_HEIGHT)
    # The table's figures are text, as the bulletin sets them for every output (50, 70.0%,
    # 35（2023年5月）): Excel would mark each that reads as a number with its green corner,
    # "number stored as text", on the page handed up as it is.
    ws.ignore_errors({"number_stored_as_text": xl_range(header_row + 1, 0, row, last)})
    row += 1  # the 注 line right under the table, as a bulletin sets it
    note = chinese_lines(bulletin.note_in_workbook, total, sentence=True)
    line(row, note, BODY)
    heights.fit(row, [(note, total)], LINE_HEIGHT)
    # A region's heading row is kept on a page with its first goal, as Word keeps it (Excel
    # has no "keep with next"): a break before it where it would end a page. Every goal's row
    # gets a break where it would run over a page's end too, so that each page ends where it
    # was laid out, whatever the application would make of the room left.
    room = page_room(landscape, BULLETIN_MARGIN)
    headings = set(region_rows)
    groups = [
        (r, r + 1) if r in headings else (r, r)
        for r in range(header_row + 1, row)
        if r - 1 not in headings
    ]
    ws.set_h_pagebreaks(kept_together(heights.of(row + 1), groups, heights[header_row], room))
    ws.set_paper(A4)
    if landscape:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.set_print_scale(100)  # never shrunk: 五号 (10.5 pt) or larger on paper
    # room for a tenth goal's row on page 1 (its 注 line had spilt onto a page of its own)
    ws.set_margins(left=SIDE_MARGIN, right=SIDE_MARGIN, top=BULLETIN_MARGIN, bottom=BULLETIN_MARGIN)
    ws.center_horizontally()
    ws.repeat_rows(header_row)
    ws.set_header(page_header(book.head))
    ws.set_footer("&C" + words("Page &P of &N"))
    ws.print_area(0, 0, row, last)
