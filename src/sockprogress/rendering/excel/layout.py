"""Writing cells safely, measuring wrapped text, printing, and naming sheets.

User text is written with `write_string` only, so a note `=cmd|' /C calc'!A0` stays text: the
workbook is opened with every string conversion (formulas, URLs, numbers) switched off too.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import math
import re
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from xlsxwriter.format import Format
from xlsxwriter.utility import CHAR_WIDTHS, xl_pixel_width
from xlsxwriter.worksheet import Worksheet

from ...words.width import NO_LINE_END, NO_LINE_START, is_wide
from ...words.words import Words
from .formats import HEADING, MUTED, Formats, serial

# Characters XML 1.0 cannot hold (tab, line feed and carriage return can).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
MAX_TEXT = 32767  # Excel's limit on the characters of a cell


def clean(text: str) -> str:
    """User text as a cell can hold it: control characters dropped, cut at Excel's limit."""
    if text.isprintable() and len(text) <= MAX_TEXT:
        return text  # most text: nothing to drop (a control character is never printable)
    return _CONTROL.sub("", text)[:MAX_TEXT]


def put(ws: Worksheet, row: int, col: int, value: object, fmt: Format | None = None) -> None:
    """Write one cell (0-based row and column): text as text, dates as date serials.

    None, empty text and a number that is not finite leave the cell unwritten: an empty cell
    costs as much to write as a full one, and a blank needs no format.
    """
    if isinstance(value, str):
        if value:
            ws.write_string(row, col, clean(value), fmt)
    elif isinstance(value, dt.date):
        ws.write_number(row, col, serial(value), fmt)
    elif isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        ws.write_number(row, col, value, fmt)


# Widths in units of the digit "0", the unit of a column width. A CJK character, drawn from
# the fallback CJK font at the same size, is a full em: twice a "0" and a little more. Latin
# text is wrapped by Excel's own widths of Calibri 11's characters (xlsxwriter's table, which
# its autofit measures with; Carlito in LibreOffice has the same metrics), in pixels of which
# a "0" has 7, and 5 % more for bold type; and a row is never given fewer lines than its
# characters need counted one "0" each, two for a CJK one (`_counted`, the rule the workbook
# was first held to). Counting every letter as a "0" while wrapping made an English name's row
# a line too deep (Calibri's lowercase is about 0.85 of one).
CJK_WIDTH = 2.1
DIGIT_PIXELS = 7 / 1.05
# A digit as these widths measure it, in ems (a CJK character's width): half of one.
DIGIT_EM = 7 / DIGIT_PIXELS / CJK_WIDTH
WIDEST = max(CHAR_WIDTHS.values()) / DIGIT_PIXELS
# Points per line: Calibri 11 needs 15; the CJK fallback font's line is taller.
LINE_HEIGHT = 15.0
CJK_LINE_HEIGHT = 17.5
# Runs of spaces and runs of anything else; `_words` splits the latter further. (A pattern with
# the CJK range in it, [^\s\u2e80-\uffef]+, takes 4 ms to compile: a cold report's budget.)
_TOKENS = re.compile(r"\s+|\S+")
CJK_FIRST, CJK_LAST = "\u2e80", "\uffef"  # CJK radicals to the half- and full-width forms


def _words(part: str) -> list[str]:
    """Runs of spaces, single CJK characters and runs of the other characters: the places a
    line may break."""
    words: list[str] = []
    for token in _TOKENS.findall(part):
        if token.isascii() or token.isspace():
            words.append(token)
            continue
        run = ""
        for ch in token:
            if CJK_FIRST <= ch <= CJK_LAST:
                if run:
                    words.append(run)
                    run = ""
                words.append(ch)
            else:
                run += ch
        if run:
            words.append(run)
    return words


@functools.lru_cache(maxsize=4096)
def has_cjk(text: str) -> bool:
    return not text.isascii() and any(is_wide(ch) for ch in text)


# A word's width, once measured (a province's sources and notes repeat their words): a dict,
# looked up in the loop below without a function call per word.
_WIDTHS: dict[str, float] = {}


def _width(word: str) -> float:
    """A word's width in "0"s, as Excel sets it."""
    if word.isascii():
        size = float(xl_pixel_width(word)) / DIGIT_PIXELS
    else:
        size = sum(CJK_WIDTH if is_wide(ch) else xl_pixel_width(ch) / DIGIT_PIXELS for ch in word)
    if len(_WIDTHS) < 65536:
        _WIDTHS[word] = size
    return size


def _counted(part: str, width: float) -> int:
    """The fewest lines a line of text may have: its characters one "0" each, a CJK one two."""
    units = len(part) if part.isascii() else sum(2 if is_wide(ch) else 1 for ch in part)
    return max(1, math.ceil(units / width))


# a bold cell's text is wider than _counted measures it (Calibri bold, about 7 %; a little to
# spare): a status's column (fitted_width)
BOLD_WIDTH = 1.1


def one_line_width(texts: Iterable[str | None], least: float) -> float:
    """A column wide enough for each text on one line (a character one "0", a CJK one two, as
    `_counted` measures, and a "0" to spare), and no narrower than `least`."""
    widest = max((_counted(t, 1.0) for t in texts if t), default=0)
    return max(least, widest + 1.0)


Column = TypeVar("Column", bound=tuple[Any, ...])


def region_kept(columns: Iterable[Column], named: bool) -> tuple[Column, ...]:
    """A table's columns (each led by its key), its "region" column only where its rows are of
    more than one region (`named`: ReportView.regions_named, context_regions_named): a park's
    or a county's tables gave its name in every row."""
    return tuple(c for c in columns if named or c[0] != "region")


def fitted_width(texts: Iterable[str | None], most: float, bold: bool = False) -> float:
    """A column as wide as its texts need on one line (one_line_width, at least 6), a bold
    one's (a status's) a little wider, and no wider than `most`: room on a printed page for
    the columns beside it."""
    wide = one_line_width(texts, 6)
    return min(most, wide * BOLD_WIDTH if bold else wide)


@functools.lru_cache(maxsize=4096)
def text_lines(text: str, width: float) -> int:
    """Lines wrapped text needs in a column `width` wide (a CJK character counts 2.1 "0"s).

    Lines break between CJK characters anywhere and between Latin words at spaces, as Excel
    and LibreOffice break them; a Latin word longer than the line is split. Remembered: a
    province's blocks measure the same sources, plans and notes again and again.
    """
    room = max(width - 1.0, 1.0)  # a column keeps about one "0" of padding
    total = 0
    for part in text.split("\n"):
        # the common case, measured without breaking it into words: a line that fits
        if (
            part.isascii()
            and len(part) <= room
            and (len(part) * WIDEST <= room or _width(part) <= room)
        ):
            total += 1
            continue
        lines, used = 1, 0.0
        for word in _words(part):
            size = _WIDTHS.get(word) or _width(word)
            if word.isspace():
                used += size
                continue
            if used + size > room and used > 0:
                lines, used = lines + 1, 0.0
            while size > room:  # a word wider than the line is broken inside it
                lines, size = lines + 1, size - room
            used += size
        # a line's characters counted (two for a CJK one), unless so few that it cannot matter
        total += lines if lines * width >= 2 * len(part) else max(lines, _counted(part, width))
    return total


@functools.lru_cache(maxsize=8192)
def chinese_lines(text: str, width: float, latin: float = 1.0, sentence: bool = False) -> str:
    """A Chinese cell's text broken into lines that fit a column `width` wide, as Chinese
    typesetting breaks them: a word's aside （…） on a line of its own (a figure's starts
    beside it: 35（2023年5月； / 月份为推定）), no line started with a
    closing bracket or a comma, none ended with an opening bracket, a Latin run (a figure:
    2771.41) kept whole, and among the ways of doing that in the fewest lines, the one that
    breaks where a phrase ends (after a comma, before or after an aside) and not inside a
    short aside or between a figure and its unit (_broken). A spreadsheet breaks Chinese text
    anywhere and started a line with the aside's "）" (未完成（按2025年12月数据2771.41判定 /
    ）); filled line by line, 待期末数据，暂 / 无法预判 left the phrase after the comma torn.
    Lines are measured as text_lines measures them (a CJK character 2.1 "0"s, a little more
    than it takes), so the application has no cause to break them again. Text that fits on
    one line, or has no Chinese, is kept. Remembered: a province repeats its progress words.

    `latin`: how much wider a Latin run is set than Excel sets it (the Word table: LibreOffice
    sets a figure among Chinese characters in the Chinese font, 0.6 of an em, not 0.5).
    A `sentence` runs on into its asides: only a cell's first aside starts a line."""
    if not has_cjk(text):
        return text
    room = max(width - 1.0, 1.0)
    if (
        text_lines(text, width) == 1
        if latin == 1.0
        else sum(_scaled(w, latin) for w in _words(text)) <= room
    ):
        return text
    at = -1 if sentence else text.find("（", 1)
    head = text[:at].rstrip()
    # a word's aside on a line of its own (未完成 / （按…判定）); a figure's starts beside it,
    # as a bulletin sets 35（2023年5月； / 月份为推定）, not 35 alone on a line (a Chinese
    # reader's find)
    apart = at > 0 and has_cjk(head) and head[-1] not in NO_LINE_END
    parts = [head, text[at:]] if apart else [text]
    return "\n".join(line for part in parts for line in _broken(part, room, latin))


def _scaled(word: str, latin: float) -> float:
    """A word's width in "0"s, a Latin one `latin` times as wide as Excel sets it."""
    size = _WIDTHS.get(word) or _width(word)
    return size * latin if word.isascii() and not word.isspace() else size


# Where a line ends by preference: after a Chinese comma, stop or clause mark, or a closing
# bracket; where it may not start: before an opening bracket is as good.
_PHRASE_END = frozenset("\uff0c\u3001\uff1b\uff1a\u3002\uff09\u3015\u3011")
# A short aside kept on one line where it can be: （⚠ 数据待核实）, （月份为推定）. (A preference
# here, a break inside costing more; the bulletin's columns hold asides of up to six characters
# whole, bulletin.held_runs.)
_KEPT_ASIDE = re.compile(r"\uff08[^\uff08\uff09]{1,8}\uff09")
# What a break costs: where a phrase ends nothing, between two characters of one phrase a
# little (less where a Chinese character meets a figure), inside a short aside or between a
# figure and the Chinese after it much more; a last line of one character (无法预 / 判,
# 核 / 实）) as much as two breaks in a phrase; a line that does not fit, more than any number
# of breaks (only where nothing else can be done).
_GOOD, _PLAIN, _BAD, _ORPHAN, _OVERFLOW = 0.0, 1.0, 4.0, 2.0, 1000.0
# Between a Chinese character and a figure or a Latin word a break tears no word, as one
# between two Chinese characters may: 与2022年6月报道数相 / 同 (a Chinese reader's find).
_BETWEEN_SCRIPTS = 0.5


def _broken(part: str, room: float, latin: float = 1.0) -> list[str]:
    """`part` in the fewest lines `room` wide that keep the rules (a line of one word wider
    than the room runs on), the breaks the cheapest of those: a small dynamic programme over
    the places a line may break (a cell's words: tens of them)."""
    words = _words(part)
    n = len(words)
    sizes = [_scaled(w, latin) for w in words]
    blank = [w.isspace() for w in words]
    inside = [False] * (len(part) + 1)  # character offsets inside a short aside
    for match in _KEPT_ASIDE.finditer(part):
        for k in range(match.start() + 1, match.end()):
            inside[k] = True
    offsets = [0]
    for w in words:
        offsets.append(offsets[-1] + len(w))

    def cost_before(j: int) -> float | None:
        """What a break before word j costs (None: not allowed there)."""
        if blank[j]:
            return None  # a break takes the space with it: before the word after it
        k = j - 1
        while k >= 0 and blank[k]:
            k -= 1
        if k < 0:
            return None
        before, after = words[k], words[j]
        if after[:1] in NO_LINE_START or before[-1:] in NO_LINE_END:
            return None
        if before[-1:] in _PHRASE_END or after[:1] in NO_LINE_END:
            return _GOOD
        if inside[offsets[j]]:
            return _BAD
        if before[-1:].isdigit() and is_wide(after[0]):
            # a figure and the Chinese after it, its unit or date word (2022年, 8.3个百分点) or
            # any word: （按2025年数据1363.81 / 判定） left the verb alone on its line (a Chinese
            # reader's find; before the figure is the break to take). A per cent sign never
            # starts a line (NO_LINE_START).
            return _BAD
        if is_wide(before[-1]) and is_wide(after[0]):
            return _PLAIN  # between two Chinese characters: maybe inside a word (相 / 同)
        return _BETWEEN_SCRIPTS  # before a figure or a Latin word: never inside a word

    breaks = [cost_before(j) for j in range(n)]
    widths = [0.0]
    for size in sizes:
        widths.append(widths[-1] + size)
    # best[j]: (lines over the room, lines, cost) of words[:j] broken into lines, and where
    # its last line starts
    best: list[tuple[tuple[float, int, float], int] | None] = [None] * (n + 1)
    best[0] = ((0.0, 0, 0.0), 0)
    for j in range(1, n + 1):
        if j < n and breaks[j] is None:
            continue  # no line ends before word j
        for i in range(j - 1, -1, -1):
            came = best[i]
            if (i and breaks[i] is None) or came is None:
                continue
            first, last = i, j
            while first < last and blank[first]:
                first += 1
            while last > first and blank[last - 1]:
                last -= 1
            if first == last:
                continue
            over = widths[last] - widths[first] > room and last - first > 1
            (overs, lines, cost), _ = came
            cost += breaks[i] or 0.0
            shown = part[offsets[first] : offsets[last]]
            if j == n and lines and sum(c not in NO_LINE_START for c in shown) <= 1:
                cost += _ORPHAN  # a last line of one character: 判, 实）
            score = (overs + (_OVERFLOW if over else 0.0), lines + 1, cost)
            held = best[j]
            if held is None or score < held[0]:
                best[j] = (score, i)
            if over:
                break  # a line from further back is wider still
    found = best[n]
    if found is None:  # nowhere to break by the rules: as it is
        return [part.strip()]
    said: list[str] = []
    j = n
    while j > 0:
        i = best[j][1]  # type: ignore[index]
        said.append("".join(words[i:j]).strip())
        j = i
    return [line for line in reversed(said) if line]


def row_height(lines: int, cjk: bool = False) -> float:
    return lines * (CJK_LINE_HEIGHT if cjk else LINE_HEIGHT) + 3


def fitted_height(cells: Sequence[tuple[str | None, float]]) -> float | None:
    """The height a row needs for its wrapped cells (text, width), or None for the default.

    LibreOffice keeps a stored height and merged cells never grow by themselves, so every row
    of wrapped text is given the height of its longest cell.
    """
    texts = [(text, width) for text, width in cells if text]
    needed = max((text_lines(text, width) for text, width in texts), default=1)
    cjk = any(has_cjk(text) for text, _w in texts)
    return row_height(needed, cjk) if needed > 1 or cjk else None


def fit_row(ws: Worksheet, row: int, cells: Sequence[tuple[str | None, float]]) -> float | None:
    """Give a row (0-based) the height its wrapped cells need; set it once per row. Returns
    the height set (None: the sheet's default, LINE_HEIGHT)."""
    height = fitted_height(cells)
    if height is not None:
        ws.set_row(row, height)
    return height


class Heights(dict[int, float]):
    """The heights a sheet's rows are set to (0-based row -> pt), kept to lay out its printed
    pages by (kept_together); a row not in it has the sheet's default, LINE_HEIGHT."""

    def __init__(self, ws: Worksheet) -> None:
        super().__init__()
        self.ws = ws

    def set(self, row: int, height: float, fmt: Format | None = None) -> None:
        self.ws.set_row(row, height, fmt)
        self[row] = height

    def fit(
        self, row: int, cells: Sequence[tuple[str | None, float]], least: float | None = None
    ) -> None:
        """fit_row, kept; `least`: the height set where the cells need no more than one line."""
        height = fit_row(self.ws, row, cells)
        if height is not None:
            self[row] = height
        elif least is not None:
            self.set(row, least)

    def of(self, rows: int) -> list[float]:
        """The heights of the first `rows` rows."""
        return [self.get(r, LINE_HEIGHT) for r in range(rows)]

    def total(self, first: int, end: int) -> float:
        """The height of rows `first` to `end` (not included), in pt."""
        return sum(self.get(r, LINE_HEIGHT) for r in range(first, end))


def put_text(
    ws: Worksheet, row: int, col: int, last_col: int, width: float, text: str, fmt: Format
) -> tuple[str, float]:
    """Text over columns `col` to `last_col` (`width` together), wrapped where it needs more
    than one line: merged, in `fmt`. A line that fits is written in `col` alone and reads
    across the empty cells to its right, as merged text would.

    Returns the text and its width, for `fit_row` (merged cells never grow by themselves).
    """
    if "\n" not in text and text_lines(text, width) == 1:
        ws.write_string(row, col, clean(text))
    else:
        ws.merge_range(row, col, row, last_col, "", fmt)
        put(ws, row, col, text, fmt)
    return text, width


# A Chinese heading this short is held on one line, its column widened: 上月 / 情况 and 同比 /
# 增长 looked cramped beside a wide column (a Chinese reader's find).
WHOLE_HEADING = 4


@functools.lru_cache(maxsize=1024)
def heading_text(title: str, width: float, words: Words) -> tuple[str, float]:
    """A heading as its column shows it, and the column's width. A Chinese heading too long
    for one line is broken between its words (Words.heading_parts), and the column is widened
    to its widest word: a spreadsheet breaks Chinese anywhere, and printed 上月情 / 况 and
    最新值所 / 属时期 (a Chinese reader's find). Of the ways with the fewest lines, the one
    where an aside that does not fit beside its word starts a line (与序时进度 / 相比 /
    （百分点）), then the one with the shortest longest line. Measured bold, as headings are.
    One of WHOLE_HEADING characters or fewer is held whole. Other headings break at their
    spaces, as the application breaks them."""
    if not has_cjk(title):
        return title, width
    parts = (title,) if len(title) <= WHOLE_HEADING else words.heading_parts(title)
    sizes = [_width(part) * BOLD_WIDTH for part in parts]
    room = max(width - 1.0, *sizes)  # a column keeps about one "0" of padding
    width = room + 1.0
    if sum(sizes) <= room:
        return title, width
    # best[i]: the best way to set the first i parts (lines, asides torn, longest line, and
    # the lines' starts negated: of two ways alike, the one whose first lines are fuller)
    best: list[tuple[int, int, float, tuple[int, ...]]] = [(0, 0, 0.0, ())]
    for end in range(1, len(parts) + 1):
        ways = []
        for start in range(end):
            size = sum(sizes[start:end])
            if size > room:
                continue
            line = "".join(parts[start:end])
            opened = line.rfind("（")
            torn = int(opened > 0 and "）" not in line[opened:])
            lines, tears, longest, breaks = best[start]
            ways.append((lines + 1, tears + torn, max(longest, size), (*breaks, -start)))
        best.append(min(ways))
    starts = [-start for start in best[-1][3]] + [len(parts)]
    return "\n".join("".join(parts[a:b]) for a, b in itertools.pairwise(starts)), width


def heading_row(
    ws: Worksheet,
    formats: Formats,
    row: int,
    titles: Sequence[str],
    widths: Sequence[float],
    words: Words,
) -> list[float]:
    """A bold white-on-blue heading row (0-based) from column A; sets the column widths too,
    each widened where its heading's widest word needs it (heading_text). Returns the widths
    set."""
    fmt = formats(HEADING)
    shown = [heading_text(t, w, words) for t, w in zip(titles, widths, strict=True)]
    for c, (title, width) in enumerate(shown):
        ws.write_string(row, c, title, fmt)
        ws.set_column(c, c, width)
    lines = max(text_lines(t, w) for t, w in shown)
    ws.set_row(row, max(30.0, row_height(lines, any(has_cjk(t) for t, _w in shown))))
    return [w for _t, w in shown]


def header_text(text: str) -> str:
    """User text for a page header: '&' starts a code there, so it is doubled."""
    return clean(text).replace("&", "&&")


# Excel keeps a page header of at most 255 UTF-16 units (xlsxwriter drops a longer one).
HEADER_LIMIT = 255


def page_header(left: str, right: str = "") -> str:
    """The header's codes with `left` (the running head) and `right` (the sheet's name), both
    user text; a long title is cut with "…" so that the header fits Excel's limit."""
    right_part = f"&R{header_text(right)}" if right else ""
    head = header_text(left)
    room = HEADER_LIMIT - _units("&L" + right_part)
    if _units(head) > room:
        kept, used = [], 1  # "…"
        for char in clean(left):
            used += _units(header_text(char))
            if used > room:
                break
            kept.append(char)
        head = header_text("".join(kept).rstrip()) + "…"
    return f"&L{head}{right_part}"


def _units(text: str) -> int:
    """Length as Excel counts it: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


A4 = 9  # the paper size code of A4
# print_setup's margins, in inches: above and below, and at the sides.
MARGIN, SIDE_MARGIN = 0.75, 0.5
A4_HEIGHT = 841.89  # pt (297 mm); 595.28 across (210 mm)
A4_WIDTH = 595.28
# Room to spare, in pt, below a group of rows kept together (a heading and the row after it, a
# block) before it is moved to the next page: for what a printed page may differ from the sum
# of its rows.
KEEP_SLACK = 12.0


def page_room(landscape: bool, margin: float) -> float:
    """The height a printed A4 page gives its rows, in pt, at 100 % with `margin` inches above
    and below (the page header and footer sit in the margins, in Excel as in LibreOffice)."""
    return (A4_WIDTH if landscape else A4_HEIGHT) - 2 * margin * 72


def kept_together(
    heights: Sequence[float],
    groups: Sequence[tuple[int, int]],
    repeated: float,
    room: float,
    breaks: Sequence[int] = (),
) -> list[int]:
    """Page breaks (0-based rows, each a break above its row) that keep each group of rows
    (first, last) on one printed page where it fits on one, as Word's "keep with next" and
    "keep lines together" do (Excel has none): `breaks`, the sheet's own, and one above each
    group that would otherwise run over the end of a page.

    `heights`: every row's height in pt, from row 0; `repeated`: the height of the rows
    printed again at the top of every page after the first; `room`: a page's height for rows
    (page_room, divided by the print scale). Pages are laid out as Excel and LibreOffice lay
    them out: a row that does not fit whole starts the next page. At most 1,023 breaks (Excel's
    limit).
    """
    starts = dict(groups)
    forced = set(breaks)
    kept: list[int] = []
    used, fresh = 0.0, True  # the height taken on the page, and whether no row is on it yet
    for row, height in enumerate(heights):
        group = sum(heights[row : starts[row] + 1]) if row in starts else 0.0
        if row in forced:
            kept.append(row)
            used, fresh = repeated, True
        elif (
            group
            and not fresh
            and used + group + KEEP_SLACK > room
            and repeated + group <= room
            and len(kept) < 1023
        ):
            # a break of its own even where the page would end before its first row: where a
            # page ends is only ever estimated here, a break is where the printer ends it
            kept.append(row)
            used, fresh = repeated, True
        elif not fresh and used + height > room:  # it does not fit: it starts the next page
            used, fresh = repeated, True
        used, fresh = used + height, False
    return kept[:1023]


def print_setup(
    ws: Worksheet,
    name: str,
    head: str,
    words: Words,
    title_row: int | None = None,
    landscape: bool = True,
) -> None:
    """A4, fit to one page wide, the running `head` (Book.head: the report's title and month)
    and the sheet's name in the header, page numbers in the footer.

    `title_row` (0-based) is repeated at the top of every printed page.
    """
    ws.set_paper(A4)
    if landscape:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=SIDE_MARGIN, right=SIDE_MARGIN, top=MARGIN, bottom=MARGIN)
    if title_row is not None:
        ws.repeat_rows(title_row)
    ws.set_header(page_header(head, name))
    ws.set_footer("&C" + words("Page &P of &N"))


def close_table(
    ws: Worksheet, f: Formats, rows: int, columns: int, empty: str, head: str, words: Words
) -> None:
    """The end of a sheet holding one table (heading in row 3, `rows` rows below it): `empty`
    when it has none, the heading frozen, a filter over the table, the print setup."""
    if not rows:
        put(ws, 3, 0, empty, f(MUTED))
    ws.freeze_panes(3, 0)
    ws.autofilter(2, 0, max(2 + rows, 3), columns - 1)
    print_setup(ws, ws.get_name(), head, words, title_row=2)


def month_words(month: str, words: Words) -> str:
    """The report month as the workbook names it: 2026-10 / 2026年10月."""
    return words.period_as_written(month)


def period_words(period: str, words: Words) -> str:
    """A period in a sentence: as written in English (2023-05), in words in Chinese (2023年5月)."""
    return words.period_as_written(period)


def titled_line(title: str, period: str, words: Words) -> str:
    """The Summary's first line, the file's title and the printed pages' running header: the
    report's own title and its period (bulletin.report_period), as page 1 gives them. It
    said "report month 2026年11月" under a title of （2026年1—11月） (a Chinese reader's find)."""
    return words("{title} ({period})").format(title=title, period=period)


def targets_count(n: int, words: Words) -> str:
    return words.n("{n} target", "{n} targets", n).format(n=n)


# Excel refuses these in a sheet name; a sparkline's range drops "$", so it goes too.
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\$]")
# Excel keeps this name for itself.
RESERVED_SHEET_NAMES = {"history"}


def sheet_name(text: str, taken: set[str]) -> str:
    """A legal, unique sheet name (31 characters, none of []:*?/\\) from user text."""
    base = _BAD_SHEET_CHARS.sub("_", clean(text)).strip("' ") or "Region"
    name, n = _cut(base, 31), 2
    while name.lower() in taken or name.lower() in RESERVED_SHEET_NAMES:
        suffix = f" ({n})"
        name, n = _cut(base, 31 - len(suffix)) + suffix, n + 1
    taken.add(name.lower())
    return name


def _cut(text: str, limit: int) -> str:
    """At most `limit` UTF-16 units (Excel counts a character beyond the BMP twice)."""
    while len(text.encode("utf-16-le")) > 2 * limit:
        text = text[:-1]
    return text.rstrip("' ") or "Region"
