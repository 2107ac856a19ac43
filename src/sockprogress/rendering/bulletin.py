"""The month's bulletin, as a statistics office hands it up: what page 1 of every output and the
Word document say, laid out from the report's view.

A bulletin names itself (its title, the period, who issued it), opens with the lead sentence,
gives one table of the goals (指标, 单位, 目标值, 最新值（时期）, 完成率, 进展情况, with 序时进度
and 同比 where a year's goal applies), then a paragraph per goal and what needs attention, and
keeps its sources to one 注 line. Every sentence comes from the report's own figures; nothing
is added that the data cannot support. The page (html.py), the workbook's first sheet and the
Word document (docx.py) lay this out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, pairwise

from ..model import TargetResult
from ..periods import Month
from ..words import N_
from ..words.width import NO_LINE_END, NO_LINE_START
from ..words.words import DASH, Words, faithful_digits
from . import outcome
from .view import ReportView, TargetView

# The headings of the bulletin's table, by key (message ids).
HEADINGS: dict[str, str] = {
    "name": N_("Indicator"),
    "unit": N_("Unit"),
    "goal": N_("Goal"),
    "latest": N_("Latest (period)"),
    "share": N_("Share of goal"),
    "progress": N_("Progress"),
    # the column's heading where every goal in the table is past its deadline: 完成情况, as a
    # year-end notice heads its outcomes (进展情况 read as a goal still running, a Chinese
    # reader's find)
    "outcome": N_("Outcome"),
    "schedule": N_("Against the schedule"),
    "yoy": N_("Year on year"),
}
# A Latin character's width in ems: about half (Times New Roman's and Calibri's digits). An
# output set in a wider face measures its Latin text wider (html.PRINT_LATIN).
LATIN = 0.55
COLUMNS = ("name", "unit", "goal", "latest", "share", "progress")
YEAR_COLUMNS = ("schedule", "yoy")
# The columns whose cells are centred in every output (figures, units, periods), as a Chinese
# statistical table sets them; names and progress words read from the left. Every cell is
# centred from top to bottom, and every heading across its column.
CENTRED = frozenset({"unit", "goal", "latest", "share", "schedule", "yoy"})


@dataclass(frozen=True)
class Row:
    """One goal in the bulletin's table, each cell in words; `status` only styles the row."""

    name: str
    unit: str
    goal: str
    latest: str
    share: str
    progress: str
    schedule: str
    yoy: str
    status: str
    # the region the row stands under, when the table groups its rows by region (beyond
    # REGIONS_NAMED regions: a heading row per region, not its name on each of 2,000 rows)
    region: str = ""

    def cells(self, keys: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(getattr(self, key) for key in keys)


@dataclass(frozen=True)
class Section:
    """A numbered part of the document: its heading and its paragraphs."""

    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Bulletin:
    title: str
    period: str
    # the period as it stands under the title: （2026年10月） / Oct 2026
    heading_period: str
    issuer: str
    # 数据截至2026年10月底: the line under the title, with the issuer
    as_of: str
    # the issuer and `as_of` on one line, apart as the language sets them (a · in English,
    # two ideographic spaces in Chinese)
    issuer_line: str
    opening: str
    lead: tuple[str, ...]
    keys: tuple[str, ...]
    headings: tuple[str, ...]
    # each heading in the words its lines may break between (Words.heading_parts)
    heading_breaks: tuple[tuple[str, ...], ...]
    rows: tuple[Row, ...]
    # 二、主要指标完成情况 and 三、需要关注的问题
    sections: tuple[Section, ...]
    table_heading: str
    overall_heading: str
    # the one line on sources, for a document whose sources follow each goal (docx) or whose
    # detail follows page 1 (the page, the workbook)
    note: str
    # the workbook's own line: "and in the workbook" read oddly in the workbook itself (a
    # Chinese reader's find)
    note_in_workbook: str
    # the heading of the document's source notes, and the notes (`1. 新华网…`); none when no
    # figure has a source
    note_in_document: str
    notes: tuple[str, ...]
    # the Word document's line right under its table when the 最新值 heading names a period
    # and some figures are of another (注：最新值除单独注明时期的外，均为2026年10月数据。): "" for
    # none; the page's and the workbook's 注 lines say it first
    table_note: str = ""
    # the workbook's Summary's line under its table: its 与序时进度相比 column gives numbers,
    # without page 1's （按增量计） beside a plan goal's, so it says which goals count so
    # (96.7 % beside -8.3 puzzled there too); and the tolerance, as `explained` above
    summary_note: str = ""

    @cached_property
    def centred(self) -> tuple[bool, ...]:
        """Whether each column's cells are centred (CENTRED), in the order of `keys`."""
        return tuple(key in CENTRED for key in self.keys)

    @cached_property
    def region_headings(self) -> tuple[str, ...]:
        """The region's heading row set above each goal's row ("" for none): beyond
        REGIONS_NAMED regions the table's rows stand under a heading row per region (Row.region),
        in the page, the Word bulletin and the workbook alike."""
        headings: list[str] = []
        above = ""
        for r in self.rows:
            headings.append(r.region if r.region != above else "")
            above = r.region
        return tuple(headings)

    @cached_property
    def texts(self) -> tuple[tuple[str, ...], ...]:
        """Each goal's row of the table, its cells in the order of `keys`."""
        return tuple(r.cells(self.keys) for r in self.rows)

    def broken(
        self, widths: Sequence[float], size: float, pad: float, latin: float = LATIN
    ) -> tuple[tuple[str, ...], ...]:
        """Each goal's row with its Chinese cells broken into the lines ("\\n") a table of
        `widths` (pt, column_widths at `size`, `pad` and `latin`) sets them in, as Chinese is
        set (excel.layout.chinese_lines: where a phrase ends, never a line started with "）"
        or "，"); its name as it is (what a reader copies and looks for). Measured in the
        workbook's units: a CJK character 2.1 "0"s, a "0" of padding, a figure `latin` ems
        wide. Word and the browser broke the same cells anywhere: 待期末数据，暂 / 无法预判,
        35（2023年5月；月 / 份为推定）."""
        from .excel.layout import CJK_WIDTH, DIGIT_EM, chinese_lines

        units = [(w - pad) / size * CJK_WIDTH + 1.0 for w in widths]
        return tuple(
            tuple(
                text if key == "name" else chinese_lines(text, width, latin / DIGIT_EM)
                for key, text, width in zip(self.keys, row, units, strict=True)
            )
            for row in self.texts
        )

    @cached_property
    def measured(self) -> dict[float, Measures]:
        """The table's columns measured in ems, once for every output that sets its Latin text
        `latin` ems a character wide (column_widths)."""
        return {}

    def column_widths(
        self, size: float, width: float, pad: float, latin: float = LATIN
    ) -> list[float]:
        """The table's columns in pt across `width`, its text at `size` pt (column_widths)."""
        if latin not in self.measured:
            columns: list[Sequence[str]] = [
                [r[i] for r in self.texts] for i in range(len(self.keys))
            ]
            whole = (self.keys.index("name"),) if "name" in self.keys else ()
            self.measured[latin] = Measures.of(
                list(self.headings), columns, latin, whole, self.heading_breaks
            )
        return self.measured[latin].widths(size, width, pad)

    def heading_lines(self, fits: Callable[[int, str], bool]) -> tuple[str, ...]:
        """The headings, each line ended by "\\n": a heading that names its column's period
        (最新值（2026年10月）) on two lines, the period under the name, and the period broken
        after its year where the column cannot hold it (`fits(column, text)`, as the output
        measures it). Word and LibreOffice broke it inside the period ("（2026年10" / "月）");
        the page, the Word table and the workbook set it alike. A Chinese heading its column
        cannot hold whole is set in two even lines (even_heading) where they fit."""
        lines = []
        for column, heading in enumerate(self.headings):
            parts = period_heading(heading)
            if parts is not None:
                name, aside = parts
                if not fits(column, aside):
                    year = aside.index("年") + 1
                    aside = aside[:year] + "\n" + aside[year:]
                heading = name + "\n" + aside
            elif held_heading(heading) and not fits(column, heading):
                even = even_heading(heading, self.heading_breaks[column])
                if all(fits(column, line) for line in even):
                    heading = "\n".join(even)
            lines.append(heading)
        return tuple(lines)

    def held_headings(
        self, widths: list[float], size: float, pad: float, latin: float = LATIN
    ) -> list[bool]:
        """Which headings are set on one line in columns of `widths` (column_widths at `size`,
        `pad` and `latin`): a Chinese one whose column holds it whole (the others wrap, as a
        tight table needs)."""
        return [
            held_heading(h) and w + 0.01 >= ems(h, latin) * size + pad
            for h, w in zip(self.headings, widths, strict=True)
        ]


# -- the table's columns, as a document sets them ------------------------------------------


def _chinese(text: str) -> bool:
    """Whether a text has a Chinese character (or a full-width sign) in it."""
    return not text.isascii() and any(ord(c) >= 0x2E80 for c in text)


def ems(text: str, latin: float = LATIN) -> float:
    """A text's width in ems: a Chinese character (or a full-width sign) one, the rest `latin`."""
    return sum(1.0 if ord(c) >= 0x2E80 or c in "—“”‘’" else latin for c in text)


# A cell's text breaks at spaces, and Chinese between any two characters, but a column narrower
# than four characters reads badly, and some runs are held whole (held_runs).
_ASIDE = re.compile(r"[（(]")
_AFTER_PERIOD = re.compile(r"[；;]")
NARROWEST_CJK = 4.0
# ...and three where nothing else lets a table fit, its headings wrapped too, before any column
# is squeezed below its unit or figure: a county's eight columns at 10.5 pt on A4 were scaled
# down alike, 亿元 set as "亿" / "元" (a goal's name or progress reads well in three).
NARROWER_CJK = 3.0
# A Chinese goal's name of up to this many characters is held on one line where the table has
# room (Measures.of): 小北河规模以上袜业企业数 is twelve.
NAME_CJK = 12
# A figure and the measure after it stay on one line in a Chinese phrase: 超8.3个百分点 broke
# as "超8.3个百" / "分点" on page 1.
_FIGURE_MEASURE = re.compile(r"\d[\d.,]*(?:个百分点|个点|%|\uff05)")
# An English figure and its per cent sign stay on one line: "-2.2 %" printed as "-2.2" / "%" in
# a narrow column of the page on A4 (the locale writes a space before %).
_LATIN_PERCENT = re.compile(r"[-+]?<?\d[\d.,]* %(?:/yr)?")
# A short aside in a Chinese phrase stays on one line: 小北河产值（2026年） broke as "（2026" /
# "年）" in a narrow column.
_SHORT_ASIDE = re.compile(r"（[^（）]{1,6}）")
# The period a Chinese heading names in its aside (最新值（2026年10月）: common_period).
_PERIOD_ASIDE = re.compile(r"（\d{4}年[^（）]{0,12}）$")


def _figure_and_period(text: str) -> tuple[int, int] | None:
    """Where the period of a figure with its period in an aside begins and ends (35.996
    （2026年1—11月）; what the aside says after the period, ；月份为推定, is not in it); None for
    any other text, an English figure and its period too ("3.5996 (Jan–Nov 2026)": it breaks
    at its spaces, as every line breaker does)."""
    aside = _ASIDE.search(text)
    if aside is None or not aside.start():
        return None
    held = _AFTER_PERIOD.split(text, maxsplit=1)[0]
    if _chinese(text[: aside.start()]) or " " in held:
        return None
    return aside.start(), len(held)


def held_runs(text: str) -> list[tuple[int, int]]:
    """Where a line must not break in a cell's text, as (start, end): a figure and its period,
    each whole (35.996 and （2026年1—11月）), a figure and its measure in a Chinese phrase
    (8.3个百分点), or an English figure and its per cent sign (-2.2 %). The page sets these runs
    unbroken; the column rule leaves them room."""
    period = _figure_and_period(text)
    if period is not None:
        return [(0, period[0]), period]
    if _chinese(text):
        found = sorted(
            [m.span() for m in _FIGURE_MEASURE.finditer(text)]
            + [m.span() for m in _SHORT_ASIDE.finditer(text)]
        )
        runs: list[tuple[int, int]] = []
        for start, end in found:  # one run where two overlap: （8.3%）
            if runs and start < runs[-1][1]:
                runs[-1] = (runs[-1][0], max(end, runs[-1][1]))
            else:
                runs.append((start, end))
        return runs
    return [m.span() for m in _LATIN_PERCENT.finditer(text)]


# Where a title may break by preference: after an enumeration comma or a clause mark, after a
# year (2026年), or before a figure. A title ("某某产业园2026年主要经济指标目标完成情况") is
# "<who><year>年<what>": broken there, each line keeps its words whole, as a 公文 title's lines
# must ("回行时要做到词意完整").
_AFTER_MARK = frozenset("、，；：,;:")
_YEAR_END = re.compile(r"\d{4}年$")


def _title_break(text: str, at: int) -> float | None:
    """How much a title's break before character `at` is preferred (a bonus in ems), or None
    where no line may break (inside a figure or a Latin word, before a closing mark or after
    an opening one)."""
    before, after = text[at - 1], text[at]
    if before.isascii() and after.isascii() and (before.isalnum() or after.isalnum()):
        return None
    if after in NO_LINE_START or before in NO_LINE_END or "—" in (before, after):
        return None  # nor inside a span of months (1—11月)
    head = text[:at]
    if head.count("（") > head.count("）") or head.count("(") > head.count(")"):
        return None  # nor inside an aside
    if before in _AFTER_MARK or _YEAR_END.search(text[:at]):
        return 3.0
    if after.isascii() and after.isalnum():
        return 2.0  # before a figure: 2026年…
    return 0.0


def _script_turns(text: str) -> int:
    """How many times Chinese (U+2E80 to U+FFEF) meets a Latin letter or figure, either way.
    (Counted here, not by a pattern: a character class over that range takes 2.5 ms to
    compile, 0.5 % of a cold report.)"""
    if text.isascii():
        return 0
    turns = 0
    for a, b in pairwise(text):
        if ("\u2e80" <= a <= "\uffef" and b.isascii() and b.isalnum()) or (
            a.isascii() and a.isalnum() and "\u2e80" <= b <= "\uffef"
        ):
            turns += 1
    return turns


def _set_ems(text: str, latin: float = LATIN) -> float:
    """A line's width in ems as Word sets a body paragraph: with a quarter em where Chinese
    meets a Latin letter or figure (自动调整中文与西文的间距, on outside the table)."""
    return ems(text, latin) + 0.25 * _script_turns(text)


def balanced_lines(text: str, line: float, latin: float = LATIN) -> list[str]:
    """A title in lines as even as its breaks allow, each no wider than `line` ems: Word filled
    the first line, and "…目标完成情" / "况" left one character on the second (a newcomer's find
    in the Word bulletin). A title that fits, or that no two lines hold, stays as it is, and so
    does an English one: Word breaks it at its spaces, and a word alone on a line reads well."""
    if not _chinese(text) or _set_ems(text, latin) <= line:
        return [text]
    best: tuple[float, int] | None = None
    for at in range(1, len(text)):
        bonus = _title_break(text, at)
        left, right = _set_ems(text[:at].rstrip(), latin), _set_ems(text[at:].lstrip(), latin)
        if bonus is None or max(left, right) > line:
            continue
        score = max(left, right) - bonus
        if best is None or score < best[0]:
            best = (score, at)
    if best is None:
        return [text]
    return [text[: best[1]].rstrip(), text[best[1] :].lstrip()]


def one_line(
    widths: Sequence[float], size: float, pad: float, latin: float = LATIN
) -> Callable[[int, str], bool]:
    """Whether a text is set on one line in a column of `widths` (pt), at `size` pt with `pad`
    of padding and border: the measure Bulletin.heading_lines takes where a table is measured
    in ems (the page's print, the Word table)."""
    return lambda column, text: ems(text, latin) * size + pad <= widths[column]


def held_heading(heading: str) -> bool:
    """Whether a column heading is set on one line: a Chinese one, a phrase of a few characters
    (与序时进度相比 broke as "与序时进度相" / "比" on page 1), but for one that names a period
    (two lines: Bulletin.heading_lines); an English one breaks at its spaces."""
    return _chinese(heading) and " " not in heading and period_heading(heading) is None


# A Chinese heading this short is never broken (目标值, 完成率): one character alone on a line.
HELD_WHOLE_CJK = 3


def even_heading(heading: str, parts: Sequence[str] | None = None) -> list[str]:
    """A Chinese heading in two lines as even as its breaks allow (同比 / 增长, 与序时进度 /
    相比), for a column that cannot hold it whole; Word broke it where the line ran out,
    "与序时进度相" / "比". `parts`: the heading in the words its lines may break between
    (Words.heading_parts, the workbook's headings' too: 序时进度 is one word to its reader);
    without them, between any two characters. One of HELD_WHOLE_CJK characters or fewer
    stays whole."""
    if len(heading) <= HELD_WHOLE_CJK:
        return [heading]
    ends = accumulate(len(p) for p in parts or heading)
    best: tuple[float, int] | None = None
    for at in ends:
        if at >= len(heading) or _title_break(heading, at) is None:
            continue
        width = max(ems(heading[:at]), ems(heading[at:]))
        if best is None or width <= best[0]:  # of two alike, the fuller first line
            best = (width, at)
    return [heading] if best is None else [heading[: best[1]], heading[best[1] :]]


def period_heading(heading: str) -> tuple[str, str] | None:
    """A Chinese heading that names a period, as its name and the period's aside (最新值,
    （2026年10月））; None for any other."""
    match = _PERIOD_ASIDE.search(heading)
    if match is None or not match.start() or not _chinese(heading[: match.start()]):
        return None
    return heading[: match.start()], match[0]


def unbroken(text: str) -> list[tuple[str, bool]]:
    """A cell's text in pieces, each with whether a line may not break inside it (held_runs)."""
    pieces, at = [], 0
    for start, end in held_runs(text):
        if start > at:
            pieces.append((text[at:start], False))
        pieces.append((text[start:end], True))
        at = end
    if at < len(text):
        pieces.append((text[at:], False))
    return pieces


def _floors(text: str, latin: float = LATIN, phrase: float = NARROWEST_CJK) -> tuple[float, float]:
    """The narrowest a cell's text may wrap to, in ems, and the same when `tight`: a figure with
    its period whole (tight: the period may go under its figure, each whole), else its longest
    word, or `phrase` characters of a Chinese phrase, and any run held whole (held_runs). A name
    with an aside wraps as a phrase: "袜子年产量（2030年）" held whole made the columns' least
    width wider than the page, and every column was narrowed with it, 单位 to "亿/双"."""
    period = _figure_and_period(text)
    if period is not None:
        start, end = period
        tight = max(ems(text[:start], latin), ems(text[start:end], latin))
        return ems(text[:end], latin), tight
    widths = [0.0]
    for piece in text.split():
        width = ems(piece, latin)
        widths.append(min(width, phrase) if _chinese(piece) else width)
    widths += [ems(text[a:b], latin) for a, b in held_runs(text)]
    return max(widths), max(widths)


def _parts(breaks: Sequence[Sequence[str]], column: int) -> Sequence[str] | None:
    """A column's heading in its words, where the table was given them."""
    return breaks[column] if breaks else None


def _heading_floors(
    heading: str, latin: float = LATIN, parts: Sequence[str] | None = None
) -> tuple[float, float]:
    """A heading's floors: whole when Chinese (held_heading); when the table is tight, as
    its characters allow (同比增长 and 与序时进度相比 held whole took an eight-column table past
    the printed page's edge)."""
    parts = period_heading(heading)
    if parts is not None:  # on two lines, the period broken after its year when tight
        name, aside = parts
        year = aside.index("年") + 1
        tight = max(ems(name, latin), ems(aside[:year], latin), ems(aside[year:], latin))
        return max(ems(name, latin), ems(aside, latin)), tight
    if held_heading(heading):
        even = even_heading(heading, parts)
        return ems(heading, latin), max(ems(line, latin) for line in even)
    return _floors(heading, latin)


def column_widths(
    headings: Iterable[str],
    columns: Iterable[Iterable[str]],
    size: float,
    width: float,
    pad: float,
    latin: float = LATIN,
    breaks: Sequence[Sequence[str]] = (),
) -> list[float]:
    """Each column's width in pt, the table filling `width`. A column is as wide as its
    longest cell (at `size` pt, plus `pad` of padding and border) while the table fits; when
    it does not, the widest columns give way, each no narrower than its heading's and cells'
    longest word or figure, and room then moves to where it saves lines (`_shortest`). The
    Word table, the printed page's table and the workbook's are laid out by it."""
    table = Measures.of(list(headings), [list(c) for c in columns], latin, breaks=breaks)
    return table.widths(size, width, pad)


@dataclass(frozen=True)
class Measures:
    """A table's columns in ems, whatever the size they are set at: each one's longest line
    unwrapped (`need`) and the narrowest it may wrap to (`floor`)."""

    table: list[list[str]]  # the headings, then each row
    need: list[float]
    floor: list[float]
    # the floor where a figure's period may go under it (used when `floor` does not fit), and
    # then where a Chinese heading may wrap too, in two even lines (used when that does not
    # fit either)
    tight: list[float]
    tighter: list[float]
    latin: float
    # each heading in the words its lines may break between; none: between any characters
    breaks: Sequence[Sequence[str]] = ()

    @cached_property
    def narrow(self) -> list[float]:
        """The floors used when `tighter` does not fit either: a Chinese phrase in a cell
        wrapped to NARROWER_CJK characters. Worked out only for a table that needs them."""
        headings, rows = self.table[0], self.table[1:]
        return [
            max(
                [_heading_floors(h, self.latin, _parts(self.breaks, i))[1]]
                + [_floors(r[i], self.latin, NARROWER_CJK)[1] for r in rows]
            )
            for i, h in enumerate(headings)
        ]

    @classmethod
    def of(
        cls,
        headings: list[str],
        columns: list[Sequence[str]],
        latin: float = LATIN,
        whole: Sequence[int] = (),
        breaks: Sequence[Sequence[str]] = (),
    ) -> Measures:
        """`whole`: the columns of names, whose Chinese cells are held whole where the table
        has room (the floor, not the tighter ones): a name wrapped as a phrase is torn in a
        word (小北河规模以上袜 / 业企业数) and read wrongly."""
        pairs = list(zip(headings, columns, strict=True))
        # a heading that names a period needs the wider of its two lines (heading_lines)
        need = [
            max(
                [_heading_floors(h, latin)[0] if period_heading(h) else ems(h, latin)]
                + [ems(t, latin) for t in c]
            )
            for h, c in pairs
        ]
        # a heading wraps at its words; a Chinese one is held whole (held_heading) unless
        # nothing else lets the table fit
        heads = [_heading_floors(h, latin, _parts(breaks, i)) for i, h in enumerate(headings)]
        cells = [[_floors(t, latin) for t in c] for c in columns]
        floor = [max([h[0], *(f for f, _ in c)]) for h, c in zip(heads, cells, strict=True)]
        for i in whole:
            named = [ems(t, latin) for t in columns[i] if _chinese(t) and len(t) <= NAME_CJK]
            floor[i] = max([floor[i], *named])
        tight = [max([h[0], *(t for _, t in c)]) for h, c in zip(heads, cells, strict=True)]
        tighter = [max([h[1], *(t for _, t in c)]) for h, c in zip(heads, cells, strict=True)]
        rows = [[c[i] for c in columns] for i in range(len(columns[0]) if columns else 0)]
        return cls([list(headings), *rows], need, floor, tight, tighter, latin, breaks)

    def widths(self, size: float, width: float, pad: float) -> list[float]:
        need = [n * size + pad for n in self.need]
        floor = [f * size + pad for f in self.floor]
        if sum(need) <= width:
            return [n * width / sum(need) for n in need]
        # a figure with its period whole took a third of a Chinese table of eight columns
        # (35.996（2026年1—11月）), and every other column was narrowed with it: the period may
        # go under its figure, then a Chinese heading wrap, then a Chinese phrase wrap
        # narrower, before any column is squeezed
        looser: list[Callable[[], list[float]]] = [
            lambda: self.tight,
            lambda: self.tighter,
            lambda: self.narrow,
        ]
        for floors in looser:
            if sum(floor) < width:
                break
            floor = [f * size + pad for f in floors()]
        if sum(floor) >= width:
            return [f * width / sum(floor) for f in floor]
        low, high = 0.0, max(need)  # the cap that makes the table as wide as the page
        for _ in range(50):
            cap = (low + high) / 2
            total = sum(max(f, min(n, cap)) for f, n in zip(floor, need, strict=True))
            low, high = (cap, high) if total < width else (low, cap)
        capped = [max(f, min(n, low)) for f, n in zip(floor, need, strict=True)]
        if len(self.table) - 1 > SHORTEST_ROWS:
            return capped
        return _shortest(self.table, capped, floor, size, pad, self.latin)


# A table of a page or two (a bulletin's goals) is made as short as it can be, not only as
# wide as the page: the capped widths give every long column the same room, so a name long in
# every row wrapped four lines deep beside a progress note long in a few. A province's
# thousands of rows keep the capped widths (searching them would cost seconds).
SHORTEST_ROWS = 60
_PIECE_SIGNS = frozenset("—“”‘’")


def _one_piece(ch: str) -> bool:
    """A character a line may break on either side of: Chinese (U+2E80 to U+FFFF) or a dash or
    quotation mark set full width."""
    return "\u2e80" <= ch <= "\uffff" or ch in _PIECE_SIGNS


def _tokens(text: str, latin: float = LATIN) -> list[tuple[float, float]]:
    """A cell's text as the pieces a line may break between: each piece's width in ems and the
    space before it (Chinese breaks between any two characters, English at its spaces).

    Read character by character, as the pattern (\\s*)([W]|[^\\sW]+) over W = _one_piece's
    characters read it (a test holds the two alike), without it: a character class over that
    range takes 2.5 ms to compile, 0.5 % of a cold report. Only tables of SHORTEST_ROWS rows or
    fewer are read so. Whitespace at the end is no piece, but for the last _one_piece character
    in it (an ideographic space), as the pattern gives back its whitespace to find one."""
    gap = latin / 2  # a space
    pieces: list[tuple[float, float]] = []
    at, end = 0, len(text)
    while at < end:
        start = at
        while at < end and text[at].isspace():
            at += 1
        before = gap if at > start else 0.0
        if at == end:
            last = [i for i in range(start, end) if _one_piece(text[i])][-1:]
            if last:
                pieces.append((gap if last[0] > start else 0.0, ems(text[last[0]], latin)))
            break
        if _one_piece(text[at]):
            pieces.append((before, ems(text[at], latin)))
            at += 1
            continue
        run = at
        while at < end and not text[at].isspace() and not _one_piece(text[at]):
            at += 1
        pieces.append((before, ems(text[run:at], latin)))
    return pieces


def _lines(tokens: list[tuple[float, float]], room: float) -> int:
    """How many lines the pieces fill in a column `room` ems wide (a piece wider than the
    line stays whole: the column's floor keeps that from happening)."""
    lines, at = 1, 0.0
    for space, width in tokens:
        if not at:
            at = width
        elif at + space + width <= room:
            at += space + width
        else:
            lines, at = lines + 1, width
    return lines


def _shortest(
    table: list[list[str]],
    widths: list[float],
    floor: list[float],
    size: float,
    pad: float,
    latin: float = LATIN,
) -> list[float]:
    """From `widths`, room moves from one column to another, in steps of two characters down to
    a quarter of one, while that makes the table fewer lines deep (then fewer lines in all);
    no column narrower than its `floor`."""
    rows = [[_tokens(t, latin) for t in row] for row in table]
    known: dict[tuple[int, float], list[int]] = {}

    def lines(column: int, width: float) -> list[int]:
        key = (column, round(width, 3))
        if key not in known:
            room = (width - pad) / size
            known[key] = [_lines(row[column], room) for row in rows]
        return known[key]

    def depth(columns: list[list[int]]) -> tuple[int, int]:
        per_row = list(zip(*columns, strict=True))
        return sum(map(max, per_row)), sum(map(sum, per_row))

    widths = list(widths)
    current = [lines(c, w) for c, w in enumerate(widths)]
    best = depth(current)
    # coarse steps first, each taken while one saves lines, then finer ones
    for step in (2 * size, size, size / 2, size / 4):
        while True:
            found = None
            for i, wider in enumerate(widths):
                more = lines(i, wider + step)
                for j, narrower in enumerate(widths):
                    if i == j or narrower - step < floor[j]:
                        continue
                    less = lines(j, narrower - step)
                    trial = list(current)
                    trial[i], trial[j] = more, less
                    score = depth(trial)
                    if score < best:
                        best, found = score, (i, j, more, less)
            if found is None:
                break
            i, j, current[i], current[j] = found
            widths[i] += step
            widths[j] -= step
    return widths


def _unit_and_divisor(r: TargetResult, words: Words) -> tuple[str, float]:
    """The unit a table column states (亿双, bn pairs) and what divides the figures for it."""
    return words.scaled_unit(r.target.target, r.target.unit)


def _figure(value: float | None, divisor: float, words: Words, goal: float | None = None) -> str:
    """A figure in the column's unit, two decimals at most; beside its `goal`, never rounded
    onto or across it (49.96 for a missed goal of 50, not 50)."""
    if value is None:
        return DASH
    bounds = (goal / divisor,) if goal is not None and goal != value else ()
    return words.plain(value / divisor, faithful_digits(value / divisor, 2, bounds))


def latest_period(view: TargetView, words: Words) -> str | None:
    """The period said beside the goal's figure in the table's 最新值 column (None: no figure):
    its year's 1—N月 when that is its latest, else its latest figure's period."""
    r = view.result
    if r.own_year and r.ytd is not None:
        return words.figure_period(r.ytd)
    if view.latest is not None:  # a 1—N月 (a goal for one year awaiting its total): its months
        latest = view.latest
        # a level's month as its heading names it (2026年10月, not 月末): a province's table
        # of levels and flows of one month says it once, in the heading (common_period)
        return words.figure_period(latest) if latest.basis == "ytd" else words.period(latest.period)
    return None


# The share of the table's figures that must be of one period for the 最新值 column's heading
# to name it: nine in ten.
COMMON_PERIOD_SHARE = 0.9


def common_period(periods: Sequence[str | None]) -> str | None:
    """The period said once, in the 最新值 column's heading (最新值（2026年10月）), when nine in
    ten of the table's figures are of it: a province's 2,000 rows each said （2026年10月）, which
    took each row a second line on paper. The other figures say their own period, as before,
    and the 注 line says the heading's period is the rule (Bulletin.table_note); a short table
    whose figures differ keeps every period beside its figure."""
    said = [p for p in periods if p is not None]
    if len(said) < 2:
        return None
    ((period, n),) = Counter(said).most_common(1)
    return period if n >= COMMON_PERIOD_SHARE * len(said) else None


def row(
    view: TargetView,
    name: str,
    words: Words,
    grouped: bool = False,
    common: str | None = None,
) -> Row:
    """The goal's row of the table, by `name`; `grouped`, under its region's heading row;
    `common`, the period the 最新值 heading names (not said again beside a figure of it)."""
    r, f = view.result, view.result.figures
    unit, divisor = _unit_and_divisor(r, words)
    period = latest_period(view, words)
    said_period = [period] if period is not None and period != common else []
    if view.latest is not None and view.latest.basis == "ttm" and not r.own_year:
        # the twelve months to a month said so: 13.2（2026年11月） of an output value read as
        # November's own (a park analyst's find); under a heading of its month, 近12个月累计
        ttm = view.latest.period
        said_period = [words.period_and_basis(ttm, "ttm") if said_period else words.basis("ttm")]
    # 同比 is said of the figure beside it: a plan goal whose latest is a total of 2025 had the
    # 8.4 % of its series' 2026年1—11月 beside "38（2025年6月）" (a Chinese reader's find)
    yoy = DASH
    if r.own_year and r.ytd is not None:  # the year's cumulative figure is its latest
        latest = _figure(r.ytd.value, divisor, words, r.target.target) + words.paren(
            words.semicolon.join(said_period)
        )
        share = words.percent(f.ytd_share_of_target_pct)
        yoy = view.year_cells.yoy
    elif view.latest is not None:  # a year goal: of its year only
        said = words.semicolon.join(
            said_period
            # an estimate said so, as its paragraph and the workbook say it ("26（2025年6月）"
            # beside "26亿双（…；估算数）", a Chinese reader's find)
            + ([words("estimate")] if view.latest.estimate else [])
            + words.figure_flags(view.latest.flags)
            + ([view.unchanged] if view.unchanged else [])
        )
        latest = _figure(view.latest.value, divisor, words, r.target.target) + words.paren(said)
        share = words.percent(f.share_of_target_pct)
        if view.latest is outcome.year_total_in(r):  # its year's total: 全年同比 beside it
            yoy = view.year_cells.yoy
    else:
        latest, share = DASH, DASH
    goal = r.target.target
    progress = view.status_marked + judged_on(r, lambda v: _figure(v, divisor, words, goal), words)
    return Row(
        name=name,
        unit=unit,
        goal=view.goal_mark + _figure(r.target.target, divisor, words),
        latest=latest,
        share=share,
        progress=progress,
        schedule=view.year_cells.gap,
        yoy=yoy,
        status=r.status,
        region=view.region if grouped else "",
    )


def judged_on(r: TargetResult, written: Callable[[float], str], words: Words) -> str:
    """`（按2025年12月数据298判定）` beside the status of a goal decided on its deadline's figure
    (`written` as the caller writes a figure), when that is not the latest figure beside it:
    the headline said 205 firms, May 2026, while the row showed 210 and 70.0 %. "" otherwise."""
    final = r.final
    if final is None or (r.latest is not None and final.period == r.latest.period):
        return ""
    said = words("judged on {figure}, {period}")
    return words.paren(said.format(figure=written(final.value), period=words.period(final.period)))


# Up to this many regions are named: in a title made from them, and before each goal's name
# in the bulletin's table. Beyond, a title speaks of each region (a province's 100 towns, each
# named, were a title of ten lines on page 1, the Word bulletin and the Summary) and the table
# sets its rows under a heading row per region.
REGIONS_NAMED = 4


def default_title(view: ReportView, words: Words) -> str:
    """`辽源、小北河目标完成情况` / `Progress towards the goals of Liaoyuan and Xiaobeihe`;
    beyond four regions `各地区目标完成情况` / `Progress towards each region's goals` (a title
    carries no count, a Chinese reader's find)."""
    if len(view.regions) > REGIONS_NAMED:
        return words("Progress towards each region's goals")
    regions = words.listed(region.name for region in view.regions)
    return words("Progress towards the goals of {regions}").format(regions=regions)


def report_title(view: ReportView) -> str:
    """The report's title in the reader's words: targets.toml's `[report]` title, else one
    made from its regions. Page 1, the Word bulletin, the page's <title> and the Summary sheet
    give this one."""
    info = view.report.info
    return view.words.pick(info.title, zh=info.title_zh) or default_title(view, view.words)


def report_period(view: ReportView, words: Words) -> str:
    """2026年1—10月 when a year's goal is held against its cumulative figure, else 2026年10月.
    The months are those the cumulative figures cover (the latest of them), not the report
    month: in November, with October's figures in, the bulletin is 1—10月."""
    end = _cumulative_end(view)
    if end is not None:
        return words.months_to(end.month, end.year)
    return words.month(view.report.as_of)


def figures_month(view: ReportView) -> Month:
    """The month the bulletin's figures run to, under its title: the report month; when the
    cumulative months its title gives stop before it, the latest month of a figure it gives
    (January's default report on December, with 1—11月 in, said 数据截至2026年12月底 under
    2026年1—11月)."""
    end = _cumulative_end(view)
    as_of = view.report.as_of
    if end is None or end >= as_of.end:
        return as_of
    # another goal's figure of a later month (a level's November beside 1—10月) is said too
    figures = [f.end for t in view.targets for f in (t.result.latest, t.result.ytd) if f]
    end = max([end, *(e for e in figures if e <= as_of.end)])
    return Month(end.year, end.month)


def _cumulative_end(view: ReportView) -> dt.date | None:
    """The end of the latest cumulative figure a year's goal is held against, or None."""
    as_of = view.report.as_of
    ends = [
        t.result.ytd.end
        for t in view.targets
        if t.at_schedule is not None and t.result.ytd is not None
    ]
    # December's report, a year's goal with its 1—12月 in: 2026年1—12月, not 2026年12月
    ends += [
        total.end
        for t in view.targets
        if (total := outcome.year_total_in(t.result)) is not None and total.end == as_of.end
    ]
    return max(ends, default=None)


def paragraph(
    view: TargetView, name: str, note: int | None, words: Words, due: bool = False
) -> str:
    """One goal as the document's second part says it, in a bulletin's order: the goal; the
    period, the figure and its share of the goal, held against the schedule; its progress, or
    its outcome once it is `due` (past its deadline: 完成情况：未完成, as a year-end notice says
    it); and which note gives its source (`note`, None when the figure has no source)."""
    r = view.result
    sentences = [words("The goal: {goal}.").format(goal=words.goal_text(r.target))]
    latest = view.figure("latest")
    # the year's cumulative figure is its latest, or (December on) its year's total
    said_by_year = r.own_year or outcome.year_total_in(r) is not None
    if view.year_line and said_by_year:
        sentences.append(view.year_line)
    elif latest is not None and r.latest is not None:
        clauses = [words("Latest figure {latest}").format(latest=latest.text)]
        share = view.figure("share_of_target_pct")
        if share is not None and share.value is not None:
            clauses.append(words("{share} of the goal").format(share=share.text))
        figures = words.joined(clauses)
        schedule = view.figure("schedule_gap_pts")
        if schedule is not None and schedule.remark:
            figures += words.semicolon + schedule.remark
        sentences.append(words("{clauses}.").format(clauses=figures))
    else:
        sentences.append(words("No figure yet."))
    if view.year_line and not said_by_year:  # another year's 1—N月, after the goal's own
        # said as a reference: beside "待2025年期末数据" it read as the 2025 result
        sentences.append(words("For reference: {line}").format(line=view.year_line))
    decided = judged_on(r, lambda v: words.scaled(v, r.target.unit), words)
    said_as = words("Outcome: {status}.") if due else words("Progress: {status}.")
    sentences.append(said_as.format(status=view.status_marked + decided))
    said = words.sentence_gap.join(sentences)
    if note is not None:
        said += words.paren(words("source: note {n}").format(n=note))
    return words("{name}. {said}").format(name=name, said=said)


def said_source(view: TargetView) -> str:
    """The source of the figure a goal's paragraph says: the year's cumulative figure where
    the year's line is said, else the latest figure; "" when it has none."""
    r = view.result
    return view.ytd_source if r.own_year and r.ytd is not None else view.latest_source


def source_notes(view: ReportView) -> tuple[dict[str, int], tuple[str, ...]]:
    """The sources of the figures the paragraphs say, numbered once each in the order the
    goals come (a source several goals share is one note), and the notes: `1. 新华网…`."""
    numbers: dict[str, int] = {}
    for t in view.targets:
        source = said_source(t)
        if source and source not in numbers:
            numbers[source] = len(numbers) + 1
    lines = tuple(
        view.words("{n}. {source}").format(n=n, source=source) for source, n in numbers.items()
    )
    return numbers, lines


def attention(view: ReportView, names_of: dict[str, str], words: Words) -> tuple[str, ...]:
    """What needs attention, one line each: missed, behind, likely missed, without figures,
    resting on a figure to check; only the kinds the report has."""

    # what stands beside a goal's name in its line: the rows to check are said in their own
    # line, once, without the ⚠ of the tables ("（⚠ 请核实该数据（第2行））" ended every line a
    # goal was in, a Chinese reader's find); a goal below the year's schedule yet on track is
    # said to be within the tolerance
    def nothing(t: TargetView) -> str:
        return ""

    def rows_to_check(t: TargetView) -> str:
        where = outcome.check_rows(t.result, words)
        return words.paren(where) if where else ""

    def within(t: TargetView) -> str:
        broadly = outcome.broadly_on_track(t.result)
        return words.paren(words("within the tolerance")) if broadly else ""

    below = [t for t in view.targets if t.at_schedule is False]
    groups: list[tuple[str, list[TargetView], Callable[[TargetView], str]]] = [
        (words("Missed"), [t for t in view.targets if t.result.status == "missed"], nothing),
        # A year's goal behind 序时进度 is named so, not by a status word: one within the pace
        # tolerance is on track (达到进度要求) and still below the year's schedule.
        (words("Below the year's schedule"), below, within),
        # beside them, the other goals (a year's goal 进度偏慢 under 未达到序时进度 and a plan's
        # under 未达到进度要求 read as two sorts of the same, a Chinese reader's find)
        (
            words("Other goals not on track") if below else words("Not on track"),
            [
                t
                for t in view.targets
                if t.at_schedule is None
                and t.result.status in ("moderate_progress", "insufficient_progress", "moving_away")
            ],
            nothing,
        ),
        (
            words("Likely missed on the figures so far"),
            [t for t in view.targets if t.result.outlook == "likely_missed"],
            nothing,
        ),
        (
            words("Not assessable for lack of data"),
            # a goal for a year not yet begun lacks nothing (the goal for 2027 in 2026)
            [
                t
                for t in view.targets
                if t.result.status == "not_assessable"
                and (t.result.target.year or 0) <= view.report.as_of.year
            ],
            nothing,
        ),
        (words("Figures to check"), [t for t in view.targets if t.result.checks], rows_to_check),
    ]

    def names(members: list[TargetView], aside: Callable[[TargetView], str]) -> str:
        shown = words.listed(
            names_of[t.result.target.id] + aside(t) for t in members[: outcome.NAMED_TARGETS]
        )
        more = len(members) - outcome.NAMED_TARGETS
        return words("{names} and {n} more").format(names=shown, n=more) if more > 0 else shown

    return tuple(
        words("{label}: {names}.").format(label=label, names=names(members, aside))
        for label, members, aside in groups
        if members
    )


def _behind(view: ReportView, words: Words) -> tuple[str, ...]:
    """Why the bulletin's months end before its report month, when they do: a November
    bulletin of （2026年1—10月） under 数据截至2026年11月底 said nothing of it (a Chinese
    reader's find)."""
    behind = view.report.behind_the_month()
    if not behind:
        return ()
    as_of = view.report.as_of
    latest = max(r.ytd.end for r in behind if r.ytd is not None)
    said = words.n(
        "{n} goal for the year has no figure for {months} yet; it is reported on {latest}.",
        "{n} goals for the year have no figure for {months} yet; they are reported on {latest}.",
        len(behind),
    )
    return (
        said.format(
            n=len(behind),
            months=words.months_to(as_of.month, as_of.year),
            latest=words.months_to(latest.month, latest.year),
        ),
    )


# The bulletin last laid out: the page, the Word bulletin and the workbook's first sheet show
# the same one, so a province's 2,000 rows are laid out once, not three times (40 ms each).
# Keyed by the view's identity, as view.build_view is by the report's: a view is frozen, and so
# is a bulletin (its cached properties are worked out from it alone).
_LAST_BULLETIN: list[tuple[ReportView, Bulletin]] = []


def build_bulletin(view: ReportView) -> Bulletin:
    """The bulletin of one report in the reader's words (its `[report]` title and issuer, or
    a title made from its regions)."""
    if _LAST_BULLETIN and _LAST_BULLETIN[0][0] is view:
        return _LAST_BULLETIN[0][1]
    bulletin = _build_bulletin(view)
    _LAST_BULLETIN[:] = [(view, bulletin)]
    return bulletin


def _rounded_apart(r: TargetResult) -> bool:
    """Whether a goal's gap to its year's schedule, printed to one decimal, differs from its
    printed share of the year's goal less its printed schedule (89.7 % and 91.7 %, 1.9 points
    behind: 89.744 - 91.667)."""
    f = r.figures
    share, schedule, gap = f.ytd_share_of_target_pct, f.ytd_schedule_pct, f.ytd_schedule_gap_pts
    if not r.own_year or share is None or schedule is None or gap is None:
        return False
    return round(round(share, 1) - round(schedule, 1), 1) != round(gap, 1)


def _build_bulletin(view: ReportView) -> Bulletin:
    words, info = view.words, view.report.info
    year = any(t.year_cells.value != DASH for t in view.targets)
    periods = [latest_period(t, words) for t in view.targets]
    common = common_period(periods)
    # figures of another period than the heading's, each saying its own: a 注 line says so (a
    # cell of 2026年9月 under 最新值（2026年10月） read as a contradiction, a Chinese reader's find)
    other_periods = common is not None and any(p not in (None, common) for p in periods)
    # a plan goal's gap in 与序时进度相比 is on its gain since the baseline, its 完成率 from zero:
    # said under the table (a Chinese reader's find: 96.7 % beside 低于8.3个百分点 puzzled)
    bases = {  # outside a goal's own year, its gap is its plan's (view.year_cells)
        outcome.plan_schedule_basis(t.result, words)
        for t in view.targets
        if t.year_cells.gap != DASH and not t.result.own_year
    }
    kinds = (words("gain since the baseline"), words("cut since the baseline"))
    said = [b for b in kinds if b in bases]
    basis_note = (
        words(
            "{bases} against the schedule: the share of the planned change since the baseline "
            "made so far, held against the share of the plan's time gone; the share of goal "
            "counts from zero."
        ).format(bases=words.listed(f"“{b}”" for b in said))  # “” in either language
        if said
        else ""
    )
    # the tolerance's rule said once, under the table that says 基本达到进度要求, where each
    # such goal's paragraph said it again
    # (a cap's share is held the other way: said so where one is broadly on track)
    broadly = [t.result for t in view.targets if outcome.broadly_on_track(t.result)]
    tolerance_note = (
        ""
        if not broadly
        else words(
            "“Broadly on track”: behind the schedule but within the tolerance, the share of the "
            "year's goal against the schedule at 0.95 or more (a cap's, the inverse)."
        )
        if any(r.target.direction == "decrease" for r in broadly)
        else words(
            "“Broadly on track”: the share of the year's goal behind the schedule but within "
            "the tolerance, at 95 % of the schedule or more."
        )
    )
    # a cap's gap in its own year reads the other way: under the schedule is within it
    # (低于3.7个百分点 and -3.7 beside 达到进度要求 read as a contradiction, a Chinese reader's
    # find, twice); said where one is shown
    cap_note = (
        words(
            "A goal for the year marked ≤ is a cap: its share of the year's limit at or under "
            "the schedule keeps it within the schedule, on track."
        )
        if any(
            t.result.own_year
            and t.result.target.direction == "decrease"
            and t.year_cells.gap != DASH
            for t in view.targets
        )
        else ""
    )
    # each figure rounded from the unrounded ones, as a statistical bulletin rounds them: 89.7 %
    # against 91.7 % is 1.9 points behind (89.744 - 91.667), where a reader subtracts 2.0 (a
    # Chinese reader's find); said where a printed gap is not the printed figures' difference
    rounding_note = (
        words(
            "Each figure is rounded on its own: a gap to the schedule may differ by 0.1 point "
            "from the share of the year's goal less the schedule as printed."
        )
        if any(_rounded_apart(t.result) for t in view.targets if t.year_cells.gap != DASH)
        else ""
    )
    explained = words.sentence_gap.join(
        n for n in (basis_note, cap_note, tolerance_note, rounding_note) if n
    )
    plan_basis = (
        words(
            "A plan's goal against the schedule: the share of the planned change since the "
            "baseline made so far, held against the share of the plan's time gone; the share "
            "of goal counts from zero."
        )
        if said
        else ""
    )
    summary_explained = words.sentence_gap.join(
        n for n in (plan_basis, cap_note, tolerance_note, rounding_note) if n
    )
    after = words.sentence_gap + explained if explained else ""
    period = report_period(view, words)
    title = report_title(view)
    issuer = words.pick(info.issuer, zh=info.issuer_zh) or ""
    lead = outcome.headline(view.report, words, details=False) + _behind(view, words)
    # a goal named with its region when there are several: in the sentences, and in the table
    # up to REGIONS_NAMED regions (beyond, its rows stand under their region's heading)
    named = view.regions_named
    names_of = {
        t.result.target.id: words.region_and_name(t.region, t.name) if named else t.name
        for t in view.targets
    }
    grouped = len(view.regions) > REGIONS_NAMED
    rows = tuple(
        row(t, t.name if grouped else names_of[t.result.target.id], words, grouped, common)
        for t in view.targets
    )
    # 与序时进度相比 and 同比增长 each where a goal has it: a province's table, none of whose
    # 2,000 goals has a year's goal, gave two columns of dashes a quarter of the page, and
    # plan goals of levels alone a column of dashes under 同比增长
    keys = COLUMNS + tuple(k for k in YEAR_COLUMNS if any(getattr(r, k) != DASH for r in rows))
    # each goal past its deadline or not, once: its paragraph says its outcome, and the
    # table's column is headed so where every goal is
    due = {id(t): outcome.passed(t.result, view.report.as_of) for t in view.targets}
    headings = tuple(
        words("Latest ({period})").format(period=common)
        if k == "latest" and common
        else words(HEADINGS["outcome" if k == "progress" and rows and all(due.values()) else k])
        for k in keys
    )
    numbers, notes = source_notes(view)

    def note(t: TargetView) -> int | None:
        return numbers.get(said_source(t))

    # A paragraph for each goal shown in full, as the page's cards and the workbook's blocks
    # (all of them up to selection.IN_FULL, else the most in need of attention), in the table's
    # order; the others are said to be in the table (it took the first 200 rows, silently).
    shown = [t for t in view.targets if t.in_full]
    paragraphs = tuple(
        words("({n}) {text}").format(
            n=words.numeral(i),
            text=paragraph(
                t,
                names_of[t.result.target.id],
                note(t),
                words,
                due[id(t)],
            ),
        )
        for i, t in enumerate(shown, 1)
    )
    if len(shown) < len(rows):
        others = len(rows) - len(shown)
        paragraphs += (
            words.n(
                "The other {n} goal is in the table above and on the workbook's Summary.",
                "The other {n} goals are in the table above and on the workbook's Summary.",
                others,
            ).format(n=others),
        )
    attention_lines = tuple(
        words("({n}) {text}").format(n=words.numeral(i), text=line)
        for i, line in enumerate(attention(view, names_of, words), 1)
    )
    sections = [Section(words("II. The main indicators"), paragraphs)]
    if attention_lines:
        sections.append(Section(words("III. What needs attention"), attention_lines))
    as_of = words("Figures to the end of {month}").format(month=words.month(figures_month(view)))
    return Bulletin(
        title=title,
        period=period,
        heading_period=words("({period})").format(period=period),
        issuer=issuer,
        as_of=as_of,
        issuer_line=words.locale.document.issuer_gap.join(t for t in (issuer, as_of) if t),
        opening=(
            words("Progress towards the goals to {period} is reported as follows:").format(
                period=period
            )
            if year or period != words.month(view.report.as_of)  # 1—N月, December's 1—12月 too
            else words(
                "On the figures gathered to the end of {month}, progress towards the goals is "
                "reported as follows:"
            ).format(month=words.month(view.report.as_of))
        ),
        lead=lead,
        keys=keys,
        headings=headings,
        heading_breaks=tuple(words.heading_parts(h) for h in headings),
        rows=rows,
        sections=tuple(sections),
        table_heading=words("Table: progress towards the goals"),
        overall_heading=words("I. Overall"),
        note=(
            words(
                "Note: latest figures are of {period} unless another period is given; the "
                "source of every figure is given with each goal in the pages that follow and in "
                "the workbook."
            ).format(period=common)
            if other_periods
            else words(
                "Note: the source of every figure is given with each goal in the pages that "
                "follow and in the workbook."
            )
        )
        + after,
        note_in_workbook=(
            words(
                "Note: latest figures are of {period} unless another period is given; the "
                "source of every figure is given with each goal on the region sheets of this "
                "workbook."
            ).format(period=common)
            if other_periods
            else words(
                "Note: the source of every figure is given with each goal on the region sheets "
                "of this workbook."
            )
        )
        + after,
        note_in_document=words("Notes: the sources of the latest figures") if notes else "",
        notes=notes,
        table_note=words(
            "Note: latest figures are of {period} unless another period is given."
        ).format(period=common)
        + after
        if other_periods
        else words("Note: {text}").format(text=explained)
        if explained
        else "",
        summary_note=(
            words("Note: {text}").format(text=summary_explained) if summary_explained else ""
        ),
    )
