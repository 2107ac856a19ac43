"""`Words`: the reader's language, made once at the command line's edge and handed down.

A `Words` holds one language's catalogue and its entry of locales.toml (punctuation, number and
date forms, how large figures scale), and says everything a reader sees: `words("Goal")`,
`words.status_word(status)`, `words.scaled(value, unit)`, `words.issue_text(issue)`,
`words.period(period)`. Below the command line no code asks which language it is: it asks its
`Words`. What the model keys by a stable code (statuses, notes, data issues, blank-figure
reasons, figures, units, bases) is mapped to its message in messages.py. Digits and grouping
come from Babel (CLDR); the Chinese 亿/万 steps are the locale's `scale`, since CLDR's compact
forms round too hard.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from functools import cached_property, lru_cache
from typing import Any

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import NumberPattern, parse_pattern

from ..model import (
    HEADER_ZH,
    PACE_THRESHOLDS,
    Issue,
    IssueGroup,
    Note,
    Observation,
    Severity,
    Target,
    TargetResult,
    row_runs,
)
from ..periods import Month, parse_period
from .catalogue import DEFAULT_LANG, N_, catalogue, check_lang, filled, locales
from .messages import (
    BASIS,
    COLUMNS,
    COUNT,
    DIRECTIONS,
    ERROR_NUMBERS,
    ERRORS,
    EXACT,
    EXACT_SCALED,
    FIGURE_FLAGS,
    FIGURE_NAMES,
    FLAG_TEXT,
    GROUP_FIX,
    GROUP_TEXT,
    HINTS,
    ISSUE_NUMBERS,
    ISSUE_UNITS,
    METHOD,
    NOTE_TEXT,
    NUANCED_AMONG,
    NUANCED_WORDS,
    OUTLOOK_WORDS,
    PHRASE_PARAMS,
    SEVERITY,
    SOURCE_FLAGS,
    STATUS_ICONS,
    STATUS_MEANINGS,
    STATUS_WORDS,
    UNITS,
    YEAR_STATUS_MEANINGS,
    issue_message_id,
)
from .width import heading_parts, is_wide

DASH = "—"

# Parameters that are a day (ISO), said as a date: 2025年12月31日.
DATE_PARAMS = frozenset({"deadline", "end", "today"})
# Parameters that list sheet rows (`57, 67`): said with their noun (Words.param).
ROW_PARAMS = frozenset({"rows", "others"})
# Issue parameters that list several items: a language's enumeration comma joins them.
LIST_PARAMS = frozenset({"rows", "others", "regions", "values", "hidden", "cells", "sheets"})
# Parameters that give a year-to-date by its last month (`2025-10`): said as the months it
# covers, Jan–Oct 2025 / 2025年1—10月, in every language (`2025-10` would read as October).
YTD_PARAMS = frozenset({"ytd", "months"})

# A note of some months of a sum, as judging (series._observation) writes it: `2026-02: …`.
_NOTE_OF_MONTHS = re.compile(r"(\d{4}-\d{2}(?:, \d{4}-\d{2})*): (.+)", re.DOTALL)

# From this size on a number is written in powers of ten (Babel's decimals also give out
# near 10^28): 5.1×10^15 reads better than sixteen digits.
HUGE = 1e15
# A number written plainly, as f"{x:.10g}" writes most: 230.5, -12, 0.0004 (not 1e-05, nor
# anything from HUGE up); as JSON needs no escape in it.
plain_decimal = re.compile(r"-?(?:0|[1-9][0-9]{0,14})(?:\.[0-9]*[1-9])?").fullmatch
_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
_QUANTUM = [Decimal(1).scaleb(-n) for n in range(16)]


@dataclass(frozen=True)
class TextStyle:
    """One style of the Word bulletin: its fonts (east-Asian and Latin), size in pt, weight,
    alignment, first-line indent in characters, exact line pitch in pt (0: single) and the
    space before and after it in pt."""

    east_asian: str
    latin: str
    size: float
    bold: bool = False
    align: str = "left"
    indent: float = 0
    line: float = 0
    before: float = 0
    after: float = 0


@dataclass(frozen=True)
class DocumentLayout:
    """How this language's offices set a document (locales.toml `[<code>.document]`): the page
    in mm, the page number's form and place, the fonts a machine may lack and their stand-ins,
    and one `TextStyle` per part of the bulletin (title, subtitle, body, heading, caption,
    table, table_heading, note, footer; normal is every other paragraph's)."""

    page: Mapping[str, float]
    page_number: str
    page_number_position: str
    issuer_gap: str
    # a Latin character's width in the table's cells, in ems (the columns are measured by it)
    table_latin: float
    language: str
    east_asian_language: str
    fallbacks: Mapping[str, str]
    east_asian_charset: str
    styles: Mapping[str, TextStyle]

    @classmethod
    def of(cls, entry: Mapping[str, Any]) -> DocumentLayout:
        fields = dict(entry)
        fields["styles"] = {role: TextStyle(**style) for role, style in entry["styles"].items()}
        return cls(**fields)


@dataclass(frozen=True)
class LocaleEntry:
    """One language's entry of locales.toml, as typed values."""

    code: str
    name: str
    babel: str
    html: str
    dates: Mapping[str, str]
    year: str
    paren: str
    comma: str
    enumeration: str
    colon: str
    semicolon: str
    sentence_gap: str
    numerals: str
    file_mark: str
    percent: str
    grouping: bool
    numbers_in_sentences: str
    signed_rates: bool
    lowercase_status: bool
    periods_in_words: bool
    ytd_months: bool
    level_end: str
    months: Mapping[str, str]
    translate_units: bool
    also_named_in: str
    clause_marks: str
    scale: tuple[tuple[float, str], ...]
    workbook_scale: str
    workbook_periods: Mapping[str, str]
    workbook_about_month: str
    italic: bool
    heading_words: tuple[str, ...]
    heading_particles: str
    document: DocumentLayout

    @classmethod
    def of(cls, code: str, entry: Mapping[str, Any]) -> LocaleEntry:
        fields = dict(entry)
        fields["document"] = DocumentLayout.of(entry["document"])
        fields["scale"] = tuple((float(limit), str(suffix)) for limit, suffix in entry["scale"])
        fields["heading_words"] = tuple(entry["heading_words"])
        return cls(code=code, **fields)


# A Chinese unit that counts in a scale already: 亿元, 万双, 万吨标准煤 (千 is left out: 千克 and
# 千瓦时 are units of their own). Its figures are shown as written, never scaled again.
COUNTED_IN: tuple[tuple[str, float], ...] = (
    ("万亿", 1e12),
    ("千万", 1e7),
    ("百万", 1e6),
    ("亿", 1e8),
    ("万", 1e4),
)


def counted_in(unit: str) -> float:
    """The scale a unit counts in (亿元: 1e8), 1.0 for a unit of its own (元, 双, yuan)."""
    return scale_of(unit)[1]


@lru_cache(maxsize=256)  # a report has a few units, and a province scales 25,000 figures
def scale_of(unit: str) -> tuple[str, float]:
    """The scale a unit counts in, by its name and size (亿元: ("亿", 1e8)); ("", 1.0) for a
    unit of its own."""
    return next(((p, scale) for p, scale in COUNTED_IN if unit.startswith(p)), ("", 1.0))


def counted_nuance(
    status: str, n: int, nuanced: Mapping[tuple[str, str], int]
) -> tuple[str, str, int]:
    """How `n` goals of a status are counted, of which `nuanced` counts those with a nuance
    (outcome.nuance): (the nuance they are all said with, or ""; the nuance some have; how many).
    All of them: 已提前完成1项; some: 达到进度要求2项（含基本达到进度要求1项）."""
    nuance, some = next(((nu, m) for (s, nu), m in nuanced.items() if s == status and m), ("", 0))
    return (nuance if some == n else ""), nuance, some


def _huge(value: float) -> str:
    mantissa, exponent = f"{value:.1e}".split("e")
    return f"{mantissa}×10{str(int(exponent)).translate(_SUPERSCRIPT)}"


@lru_cache(maxsize=16)
def _pattern(pattern: str) -> NumberPattern:
    return parse_pattern(pattern)


def faithful_digits(value: float, digits: int, thresholds: Iterable[float]) -> int:
    """The fewest digits, from `digits`, at which rounding keeps `value` on its side of every
    threshold: a pace ratio of 0.596 is insufficient (< 0.60), so it shows as 0.596, not 0.60."""
    bounds = tuple(thresholds)
    while digits < 6 and any((value < t) != (round(value, digits) < t) for t in bounds):
        digits += 1
    return digits


def percent_digits(value: float, digits: int) -> int:
    """The digits a percent of a goal is shown with: never rounded onto or across 100 % when it
    is not 100 % (99.96 % beside a goal not met; 100.04 % of a cap, over it)."""
    digits = faithful_digits(value, digits, (100.0,))
    while digits < 6 and value != 100 and round(value, digits) == 100:
        digits += 1
    return digits


class Words:
    """Everything a reader sees, in one language. Make it with `Words.of(code)` (one object per
    language, so its caches are shared by every output of a run)."""

    def __init__(self, code: str) -> None:
        self.lang = check_lang(code)
        self.locale = LocaleEntry.of(code, locales()[code])
        self._catalogue = catalogue(code)

    @staticmethod
    @lru_cache(maxsize=8)
    def of(code: str = DEFAULT_LANG) -> Words:
        return Words(code)

    def __repr__(self) -> str:
        return f"Words({self.lang!r})"

    def foreign(self, lang: str) -> bool:
        """Whether a text written in `lang` is in another language than the reader's (the
        page marks it so: `lang="en"`)."""
        return lang != self.lang

    # -- the catalogue ---------------------------------------------------------------------

    @lru_cache(maxsize=4096)  # noqa: B019 (one Words per language lives as long as the process)
    def __call__(self, message: str) -> str:
        """`message` (an English message id) in this language; remembered, as a province's
        report asks for the same labels tens of thousands of times."""
        return self._catalogue.gettext(message)

    def p(self, context: str, message: str) -> str:
        """`message` where the same English word means different things (`context`)."""
        return self._catalogue.pgettext(context, message)

    def n(self, singular: str, plural: str, n: int) -> str:
        return self._catalogue.ngettext(singular, plural, n)

    def np(self, context: str, singular: str, plural: str, n: int) -> str:
        return self._catalogue.npgettext(context, singular, plural, n)

    @property
    def translations(self) -> Any:
        """The catalogue itself, for Jinja's i18n extension."""
        return self._catalogue

    # -- punctuation -------------------------------------------------------------------------

    def paren(self, inner: str) -> str:
        """An aside in the language's brackets: ` (2021)` / `（2021年）`."""
        return self.locale.paren.format(inner) if inner else ""

    def joined(self, parts: Iterable[str]) -> str:
        """Items joined by the language's comma: `a, b` / `a，b`."""
        return self.locale.comma.join(p for p in parts if p)

    def listed(self, parts: Iterable[str]) -> str:
        """Names or rows in a list: `a, b` / `a、b`."""
        return self.locale.enumeration.join(p for p in parts if p)

    @property
    def colon(self) -> str:
        return self.locale.colon

    @property
    def semicolon(self) -> str:
        return self.locale.semicolon

    @property
    def sentence_gap(self) -> str:
        return self.locale.sentence_gap

    @property
    def html_lang(self) -> str:
        return self.locale.html

    # -- statuses, notes, issues --------------------------------------------------------------

    def errors_left_out(self, errors: int) -> str:
        """`3 errors (rows left out)`: data errors counted as `check` and the report say them."""
        return self.n("{n} error (a row left out)", "{n} errors (rows left out)", errors).format(
            n=errors
        )

    def status_meaning(self, status: str, year: bool = False) -> str:
        """What a status means, for the legend; with `year` (the report has a goal for the year
        in its year), its meaning for such a goal too."""
        meaning = self(STATUS_MEANINGS[status])
        if year and status in YEAR_STATUS_MEANINGS:
            meaning += self.sentence_gap + self(YEAR_STATUS_MEANINGS[status])
        return meaning

    def status_word(self, status: str | None, nuance: str = "") -> str:
        """`On track`; with a goal's `nuance` (outcome.nuance), as every output says it of
        that goal: `Achieved ahead of time` / 已提前完成, `Broadly on track` / 基本达到进度要求."""
        if (status, nuance) in NUANCED_WORDS:
            return self(NUANCED_WORDS[status or "", nuance])
        return self(STATUS_WORDS[status]) if status in STATUS_WORDS else ""

    def status_in_sentence(self, status: str, nuance: str = "") -> str:
        """A status word inside a sentence: `1 missed` / `未完成1项`."""
        word = self.status_word(status, nuance)
        return word.lower() if self.locale.lowercase_status else word

    def status_text(self, status: str, nuance: str = "") -> str:
        """Icon and word, as every output shows a status: `▲ On track`."""
        return f"{STATUS_ICONS[status]} {self.status_word(status, nuance)}"

    def outlook_word(self, outlook: str | None) -> str:
        return self(OUTLOOK_WORDS[outlook]) if outlook else ""

    def param(
        self, key: str, value: str, numbers: Mapping[str, str] | None = None, unit: str = ""
    ) -> str:
        """A note's or issue's parameter as a reader sees it: numbers (`numbers`: the code's
        number parameters, by their English format) as the report writes them, in the scale
        of their `unit` where it counts in one (3300000000亿元 as typed, not 33亿亿元), lists
        by the language's enumeration comma, periods and dates in words."""
        spec = numbers.get(key) if numbers else None
        if spec is not None:
            try:
                number = float(value)
            except ValueError:
                return value  # not a number after all: shown as written
            if spec == COUNT:  # a count of rows or cells: 1,048,572 / 1048572
                return self.plain(number, 0)
            if spec == EXACT:  # every digit given (230.5 is not a whole number, nor 230)
                return self.exact(value)
            if spec == EXACT_SCALED:  # two sums that differ: every digit, as 亿 where scaled
                return self.exact_scaled(value)
            if self.locale.numbers_in_sentences == "scaled":
                if key == "factor":
                    return self.scaled(number, digits=1)  # 约为前一数值的11.3倍
                # a figure typed, echoed with every digit: 40亿, 3149.13 (rounded to 3149, a
                # figure a clerk typed read as another); in a unit that counts in 亿 or 万 as
                # written (108.3 of 亿元, never 108, nor grouped 1,083 as English groups)
                if counted_in(unit) == 1:
                    return self.scaled_exactly(number)
                return self.exact(figure_text(number))
            text = format(number, spec)
            # never e-notation where a person reads: 3,500,000,000, not 3.5e+09
            return text if "e" not in text else self.digits(number)
        if key in ROW_PARAMS and value.replace(", ", "").isdigit():
            # sheet rows as ranges, with their noun: "row 67", "rows 2–13" (not 2, 3, …, 13),
            # "第67行"; the sentences say only "({rows})", so the noun agrees with the rows
            rows = [int(row) for row in value.split(", ")]
            runs = row_runs(rows)
            listed = self.runs_listed(runs, len(runs))
            return self.n("row {rows}", "rows {rows}", len(rows)).format(rows=listed)
        if key in YTD_PARAMS:
            try:
                month = Month.parse(value)
            except ValueError:
                return value
            return self.months_to(month.month, month.year)
        if not self.locale.periods_in_words:
            return value
        if key == "periods":  # 2025年、2025年12月, not 2025, 2025-12
            return self.listed(self.period(p) for p in value.split(", "))
        if key in LIST_PARAMS:
            return value.replace(", ", self.locale.enumeration)
        if key == "direction" and value in DIRECTIONS:
            return self(DIRECTIONS[value])
        if key == "basis" and value in BASIS:  # 累计数, as a Chinese sheet writes it
            return self(BASIS[value])
        if key in DATE_PARAMS:
            try:
                return self.date(dt.date.fromisoformat(value))
            except ValueError:
                return value
        if key in ("period", "from_period", "through"):
            return self.period(value)
        if key in ("unit", "target_unit"):  # 双, not pairs, where a sentence names a unit
            return self.unit(value)
        return value

    def note_text(self, note: Note) -> str:
        """A note in words; in Chinese its periods and dates read as 2025年6月."""
        params = {k: self.param(k, v) for k, v in note.params}
        return self(NOTE_TEXT[note.code]).format(**params)

    def issue_message(self, code: str, params: Iterable[tuple[str, str]]) -> str | None:
        """The sentence of a data issue's code, filled from its parameters; None for a code
        that has none (or parameters it does not take)."""
        given = dict(params)
        message = issue_message_id(code, given)
        if message is None:
            return None
        numbers = ISSUE_NUMBERS.get(code)
        unit = given.get("unit", "")
        shown = {k: self.param(k, v, numbers, unit) for k, v in given.items()}
        # a code with a name in this language beside it (`target_zh`) reads as the name
        suffix = f"_{self.lang}"
        shown |= {k: self.param(k, given[k + suffix]) for k in given if given.get(k + suffix)}
        self._units(code, given, shown)
        try:
            return self(message).format(**shown)
        except (KeyError, IndexError):  # a code given without all its parameters
            return None

    def _units(self, code: str, given: Mapping[str, str], shown: dict[str, str]) -> None:
        """The figures of an issue with its unit beside them (ISSUE_UNITS), in place; a figure
        with a unit of its own (`target_unit`: a goal written in 亿双 over figures in 双) with
        that one."""
        unit = given.get("unit")
        for key in ISSUE_UNITS.get(code, ()):
            own = given.get(f"{key}_unit", unit)
            if own and key in shown:
                shown[key] = self.with_unit(shown[key], own)

    def issue_text(self, issue: Issue) -> str:
        """A data issue in these words, from its code and parameters; an issue without a code
        (or one this version does not know) as its message."""
        said = self.issue_message(issue.code, issue.params) if issue.code else None
        if said is not None:
            return said
        return issue.message or (english_message(issue) if issue.code else "")

    def error_text(
        self, code: str, params: Iterable[tuple[str, str]], problem: Issue | None = None
    ) -> str | None:
        """An error's sentence from its code and parameters; None for a code without one.

        Its phrases (a reason, a hint: PHRASE_PARAMS) are said in these words too, a column by
        its name here, today as a date; a code with a name in this language beside it
        (`region_zh`) reads as the name; a cell's `problem` as its data issue says it."""
        message = ERRORS.get(code)
        if message is None:
            return None
        given = dict(params)
        numbers = ERROR_NUMBERS.get(code)
        shown = {k: self._error_param(k, v, numbers) for k, v in given.items()}
        suffix = f"_{self.lang}"
        shown |= {k: given[k + suffix] for k in given if given.get(k + suffix)}
        shown |= {k: filled(self(v), shown) for k, v in given.items() if k in PHRASE_PARAMS}
        self._units(code, given, shown)
        if problem is not None:
            shown["problem"] = self.issue_text(problem)
        return filled(self(message), shown)

    def _error_param(self, key: str, value: str, numbers: Mapping[str, str] | None) -> str:
        if key == "column":
            return self.column_name(value)
        if key == "today" and self.locale.periods_in_words:
            try:
                return self.date(dt.date.fromisoformat(value))
            except ValueError:
                return value
        return self.param(key, value, numbers)

    def issue_hint(self, issue: Issue) -> str:
        hint = HINTS.get(issue.code)
        return self(hint) if hint else ""

    def severity(self, severity: str) -> str:
        return self(SEVERITY[severity])

    @cached_property
    def _heading_lexicon(self) -> tuple[frozenset[str], int]:
        words = self.locale.heading_words
        return frozenset(words), max(map(len, words), default=0)

    @lru_cache(maxsize=512)  # noqa: B019
    def heading_parts(self, text: str) -> tuple[str, ...]:
        """A column heading in the parts its lines may break between: the words of locales.toml
        `heading_words` (width.heading_parts); the whole heading in a language without them,
        which breaks at its spaces."""
        lexicon, longest = self._heading_lexicon
        if not lexicon:
            return (text,)
        return heading_parts(text, lexicon, longest, self.locale.heading_particles)

    def figure_name(self, field: str) -> str:
        return self(FIGURE_NAMES[field]) if field in FIGURE_NAMES else field

    def column_name(self, column: str) -> str:
        """A column of the data sheet as its header names it in this language: “资料来源”列,
        not “来源”列 (a newcomer's find)."""
        if column not in COLUMNS:
            return column
        return self.pick(self(COLUMNS[column]), zh=HEADER_ZH.get(column)) or column

    def where(self, issue: Issue) -> str:
        """Where a data issue sits: `actuals.xlsx, sheet Actuals, row 14, column value`."""
        parts = [issue.file] if issue.file else []
        if issue.sheet:
            parts.append(self(N_("sheet {sheet}")).format(sheet=issue.sheet))
        if issue.row is not None:
            parts.append(self(N_("row {row}")).format(row=issue.row))
        if issue.column:
            parts.append(self(N_("column {column}")).format(column=self.column_name(issue.column)))
        return self.joined(parts)

    def issue_line(self, issue: Issue) -> str:
        """One line for the terminal, as `report` and `check` print it: `actuals.xlsx, sheet
        Actuals, row 3, column value: warning: message; fix` (where first, as a compiler
        says it; the label says which kind)."""
        body = self.issue_text(issue)
        hint = self.issue_hint(issue)
        return self._located(
            self.where(issue), issue.severity, body + self.semicolon + hint if hint else body
        )

    def _located(self, where: str, severity: str, body: str) -> str:
        head = self.severity(severity)
        return self.colon.join([where, head, body] if where else [head, body])

    # -- issues said by kind -------------------------------------------------------------------

    def row_count(self, n: int) -> str:
        """A count of rows as a table writes it: 233,000 / 233000."""
        return self.plain(n, 0)

    def group_where(self, group: IssueGroup) -> str:
        """Where a group's issues sit, without their rows: `actuals.xlsx, sheet Actuals,
        column value`."""
        parts = [group.file] if group.file else []
        if group.sheet:
            parts.append(self(N_("sheet {sheet}")).format(sheet=group.sheet))
        if group.column:
            parts.append(self(N_("column {column}")).format(column=self.column_name(group.column)))
        return self.joined(parts)

    def group_rows(self, group: IssueGroup, runs: int = 4) -> str:
        """A group's rows as ranges, the first `runs` of them: `rows 2–240,001 (233,000 rows)`
        / `第2—240001行（共233000行）`; "" for issues without a row."""
        if not group.rows:
            return ""
        if group.count == 1 and group.rows[0][0] == group.rows[0][1]:
            return self(N_("row {row}")).format(row=group.rows[0][0])
        count = self.n("{n} row", "{n} rows", group.count).format(n=self.row_count(group.count))
        return self(N_("rows {rows} ({count})")).format(
            rows=self.runs_listed(group.rows, runs), count=count
        )

    def runs_listed(self, runs: Sequence[tuple[int, int]], shown: int) -> str:
        """Runs of sheet rows, the first `shown` of them: `2–125, 127–171, …` /
        `2—125、127—171、…`."""
        said = [
            self(N_("{first}–{last}")).format(first=self.row_count(a), last=self.row_count(b))
            if a != b
            else self.row_count(a)
            for a, b in runs[:shown]
        ]
        if len(runs) > shown:
            said.append("…")
        return self.listed(said)

    def group_headline(self, group: IssueGroup) -> str:
        """What a group's issues are, once: the kind's sentence with its count, or its first
        issue's (with how many more there are)."""
        first = group.examples[0]
        text = GROUP_TEXT.get(group.code)
        if text and group.count > 1:
            params = dict(first.params) | dict(group.key)
            return self(text).format(count=self.row_count(group.count), unit=params.get("unit", ""))
        said = self.issue_text(first)
        # a kind said alike on every row (a blank row) is counted by its rows, "rows 24–26 (3
        # rows)": "(and 2 more like it)" said the count twice (a county newcomer's find)
        if group.count > 1 and any(issue.params for issue in group.examples):
            more = group.count - 1
            said += self.paren(
                self.n("and {n} more like it", "and {n} more like it", more).format(
                    n=self.row_count(more)
                )
            )
        return said

    def group_examples(self, group: IssueGroup) -> str:
        """The first few of a group as examples, each where it is and what it says: `e.g.
        row 2: 1,234.56; row 3: 2,345.67`; "" for a group of one."""
        if group.count <= 1 or not any(issue.params for issue in group.examples):
            return ""  # a kind said alike on every row (no source): an example adds nothing
        grouped = group.code in GROUP_TEXT
        # a kind without its own sentence is said by its first issue: the examples go on from it
        said = []
        for issue in group.examples if grouped else group.examples[1:]:
            params = dict(issue.params)
            if grouped and "value" in params:
                united = "value" in ISSUE_UNITS.get(group.code, ())
                unit = params.get("unit", "") if united else ""
                # as the issue's own sentence says it: 2,684.56 / 2684.56, 260,000,000 / 2.6亿
                value = self.param(
                    "value", params["value"], ISSUE_NUMBERS.get(group.code), params.get("unit", "")
                )
                what = self.with_unit(value, unit)
            else:
                what = self.issue_text(issue)
            where = self(N_("row {row}")).format(row=issue.row) if issue.row else ""
            said.append(self.colon.join([where, what]) if where else what)
        return self(N_("e.g. {examples}")).format(examples=self.semicolon.join(said))

    def group_fix(self, group: IssueGroup) -> str:
        """How to fix a group's issues, when the catalogue says."""
        fix = GROUP_FIX.get(group.code)
        if fix:
            return self(fix).format(unit=group.get("unit"))
        return self.issue_hint(group.examples[0])

    def group_said(self, group: IssueGroup) -> tuple[str, str]:
        """A group of several issues in two parts: where (`actuals.xlsx, sheet Actuals, column
        value, rows 2–240,001 (233,000 rows)`) and what (`check these figures…; e.g. …; fix`)."""
        where = self.joined([w for w in (self.group_where(group), self.group_rows(group)) if w])
        body = self.semicolon.join(
            p
            for p in (self.group_headline(group), self.group_examples(group), self.group_fix(group))
            if p
        )
        return where, body

    def group_line(self, group: IssueGroup) -> str:
        """A group for the terminal, in one line, laid out as `issue_line`: `actuals.xlsx, sheet
        Actuals, column value, rows 2–240,001 (233,000 rows): warning: check these figures…;
        e.g. …; fix`."""
        if group.count == 1:
            return self.issue_line(group.examples[0])
        where, body = self.group_said(group)
        return self._located(where, group.severity, body)

    def why_reason(self, reason: str) -> str:
        """Why one figure is blank (judging writes the reasons as English message ids)."""
        return self(reason) if reason else reason

    def method_paragraphs(self) -> tuple[str, ...]:
        return tuple(self(p) for p in METHOD)

    def counts_text(
        self,
        counts: Mapping[str, int],
        marked: bool = False,
        nuanced: Mapping[tuple[str, str], int] | None = None,
    ) -> str:
        """`1 missed, 5 awaiting final figure` / `未完成1项，待期末数据5项`; `marked`, each with
        its status's icon, one from the next by a semicolon, as a table's heading line counts
        them (`✖ 1 missed; ⏳ 5 awaiting final figure`). `nuanced`: how many of a status have
        a nuance (outcome.nuance), counted as the tables say them: all of them, `已提前完成1项`;
        some, `达到进度要求2项（含基本达到进度要求1项）`."""
        among = dict(nuanced or {})

        def counted(status: str, n: int) -> str:
            said_as, nuance, some = counted_nuance(status, n, among)
            word = self.status_in_sentence(status, said_as)
            said = self(N_("{n} {status}")).format(n=n, status=word)
            if some and some < n:
                said += self(NUANCED_AMONG[status, nuance]).format(n=some)
            return said

        parts = [
            (f"{STATUS_ICONS[s]} " if marked else "") + counted(s, n) for s, n in counts.items()
        ]
        return self.semicolon.join(parts) if marked else self.joined(parts)

    # -- names and a goal's own words ---------------------------------------------------------

    def pick(self, text: str | None, **translations: str | None) -> str | None:
        """A text in this language where a translation is given (`zh="…"`), else as written."""
        return translations.get(self.lang) or text

    def target_name(self, target: Target) -> str:
        return self.pick(target.name, zh=target.name_zh) or target.name

    def goal_label(self, target: Target, regions: Iterable[tuple[str, str]]) -> str:
        """A goal by its region and name, as a sentence names it: `Xiaobeihe: Sock firms` /
        `小北河袜业企业数`."""
        region = self.region_name(target.region, regions)
        return self.region_and_name(region, self.target_name(target))

    def region_and_name(self, region: str, name: str) -> str:
        """`Xiaobeihe: Sock firms` / `小北河袜业企业数`; a region and a name in Latin letters
        that Chinese would run together (town-001Synthetic …) have a middle dot between them,
        as the terminal writes them."""
        said = self(N_("{region}: {target}")).format(region=region, target=name)
        if said == region + name and region[-1:].isascii() and name[:1].isascii():
            return f"{region}·{name}"
        return said

    def unnamed(
        self, targets: Iterable[Target], regions: Iterable[tuple[str, str]]
    ) -> tuple[list[str], list[str]]:
        """The goals (ids) and regions (codes) targets.toml gives no name in this language,
        which its outputs show as written (an English name, a code); none in English."""
        if self.lang == DEFAULT_LANG:
            return [], []
        named = {"zh": dict(regions)}.get(self.lang, {})
        goals, places = [], []

        def chinese(text: str) -> bool:
            """Written in Chinese already (name = "袜业企业数"): shown as it is, nothing missing."""
            return self.lang == "zh" and any(is_wide(ch) for ch in text)

        for target in targets:
            if not self.pick(None, zh=target.name_zh) and not chinese(target.name):
                goals.append(target.id)
            region = target.region
            if not (named.get(region) or region in places or chinese(region)):
                places.append(region)
        return goals, places

    def _first_few(self, names: list[str], shown: int = 5) -> str:
        """The first `shown` names listed, and "…" when there are more."""
        return self.listed(names[:shown] + ["…"] * (len(names) > shown))

    def unnamed_lines(
        self, targets: Iterable[Target], regions: Iterable[tuple[str, str]]
    ) -> list[str]:
        """A note for each kind of name missing in this language, with what to add."""
        goals, places = self.unnamed(targets, regions)
        lines = []
        if goals:
            lines.append(
                self.n(
                    "Note: {n} goal has no name in this language (name_zh) in the targets "
                    "file; the report shows its English name: {ids}",
                    "Note: {n} goals have no name in this language (name_zh) in the targets "
                    "file; the report shows their English names: {ids}",
                    len(goals),
                ).format(n=len(goals), ids=self._first_few(goals))
            )
        if places:
            lines.append(
                self.n(
                    "Note: {n} region has no name in this language (region_zh, or name_zh "
                    "under [[regions]]); the report shows its code: {codes}",
                    "Note: {n} regions have no name in this language (region_zh, or name_zh "
                    "under [[regions]]); the report shows their codes: {codes}",
                    len(places),
                ).format(n=len(places), codes=self._first_few(places))
            )
        return lines

    def same_name_lines(
        self, targets: Iterable[Target], regions: Iterable[tuple[str, str]]
    ) -> list[str]:
        """A note for each name two or more goals are shown under in this language (their
        region's name and their own): the report's rows and cards could not tell them apart."""
        named = tuple(regions)
        shown: dict[str, list[str]] = {}
        for target in targets:
            shown.setdefault(self.goal_label(target, named), []).append(target.id)
        return [
            self(
                N_(
                    "Note: {n} goals are shown under the same name, \u201c{name}\u201d, so the "
                    "report cannot tell them apart: give each a name of its own (name) in the "
                    "targets file: {ids}"
                )
            ).format(n=len(ids), name=name, ids=self._first_few(ids))
            for name, ids in shown.items()
            if len(ids) > 1
        ]

    def behind_month_lines(
        self, behind: Sequence[TargetResult], month: Month, regions: Iterable[tuple[str, str]]
    ) -> list[str]:
        """A note on goals for the year reported on months before the report `month`
        (Report.behind_the_month: no 1—11月 figure yet in a November report): the bulletin's
        period is then 1—10月 while its 数据截至 line says November, and nothing else says
        why."""
        if not behind:
            return []
        names = [self.goal_label(r.target, regions) for r in behind]
        ends = {r.ytd.end for r in behind if r.ytd is not None}
        latest = max(ends)
        if len(ends) > 1:  # 1—9月 for some, 1—10月 for others: not "on 1—10月" (a newcomer's find)
            return [
                self(
                    N_(
                        "Note: {n} goals for the year have no figure for {months} yet; each is "
                        "reported on its own latest, from {earliest} to {until}: {names}"
                    )
                ).format(
                    n=len(behind),
                    months=self.months_to(month.month, month.year),
                    earliest=self.months_to(min(ends).month, min(ends).year),
                    # the year said once where both are of one year (1—9月至1—10月不等)
                    until=self.months_to(
                        latest.month, None if latest.year == min(ends).year else latest.year
                    ),
                    names=self._first_few(names),
                )
            ]
        return [
            self.n(
                "Note: {n} goal for the year has no figure for {months} yet; it is reported "
                "on its latest, {latest}: {names}",
                "Note: {n} goals for the year have no figure for {months} yet; they are reported "
                "on their latest, up to {latest}: {names}",
                len(behind),
            ).format(
                n=len(behind),
                months=self.months_to(month.month, month.year),
                latest=self.months_to(latest.month, latest.year),
                names=self._first_few(names),
            )
        ]

    def region_name(self, region: str, regions: Iterable[tuple[str, str]]) -> str:
        """A region by its name in this language (`[[regions]]`' names), else its code."""
        return self.pick(region, zh=dict(regions).get(region)) or region

    def region_label(self, region: str, regions: Iterable[tuple[str, str]]) -> str:
        """The region as a reader knows it; in English with its Chinese name beside it."""
        name = self.region_name(region, regions)
        other = self.locale.also_named_in
        if not other:
            return name
        local = Words.of(other).region_name(region, regions)
        return name if local == region else f"{region} ({local})"

    def goal_note(self, target: Target) -> str:
        """What a reader must know about the goal itself (its scope), in the language if given."""
        return self.pick(target.note, zh=target.note_zh) or ""

    def plan(self, target: Target) -> str | None:
        return self.pick(target.plan, zh=target.plan_zh)

    def source(self, target: Target) -> str | None:
        return self.pick(target.source, zh=target.source_zh)

    def goal_text(self, target: Target) -> str:
        """`5 bn pairs by 31 Dec 2025` / `2025年12月31日前达到50亿双`; a year's goal `34.3 bn
        yuan in 2026` / `2026年全年343.2亿元`; a year's total due at a year's end `5 bn pairs a
        year by 2030` / `2030年全年达到50亿双` (an output of 2030, not a figure by its last day).
        A goal to get down to (`decrease`) is said so: `down to 2,009 yuan by 31 Dec 2025` /
        `2025年12月31日前降至2009元`, `at most … in 2026` / `2026年全年不超过…`."""
        goal = self.scaled(target.target, target.unit)
        down = target.direction == "decrease"  # a goal to get down to: 降至 / down to, not 达到
        if target.year is not None:
            said = N_("at most {goal} in {year}") if down else N_("{goal} in {year}")
            return self(said).format(goal=goal, year=target.year)
        end = target.deadline
        if target.kind == "annual_total" and (end.month, end.day) == (12, 31):
            said = N_("down to {goal} a year by {year}") if down else N_("{goal} a year by {year}")
            return self(said).format(goal=goal, year=end.year)
        said = N_("down to {goal} by {deadline}") if down else N_("{goal} by {deadline}")
        return self(said).format(goal=goal, deadline=self.date(target.deadline))

    def deadline(self, target: Target) -> str:
        """When a goal is due: `31 Dec 2025` / `2025年12月31日`; a year's goal `2026` / `2026年`."""
        if target.year is not None:
            return self.locale.year.format(year=target.year)
        return self.date(target.deadline)

    @lru_cache(maxsize=8192)  # noqa: B019
    def basis(self, basis: str | None, period: str | None = None) -> str:
        """What a figure covers; a year-to-date reads as 1—9月累计 where the language names
        the months it covers."""
        if basis == "ytd" and period and self.locale.ytd_months:
            try:
                parsed = parse_period(period)
            except ValueError:
                parsed = None
            if parsed is not None and parsed.kind == "month":
                if parsed.end.month == 1:  # 1月累计, as January is named alone: not 1—1月累计
                    return self(N_("January, year to date"))
                return self(N_("January to {month}")).format(month=parsed.end.month)
        return self(BASIS[basis]) if basis in BASIS else (basis or "")

    # -- numbers --------------------------------------------------------------------------------

    @cached_property
    def _babel(self) -> Locale:
        return Locale.parse(self.locale.babel)

    @lru_cache(maxsize=64)  # noqa: B019
    def _plain_shape(self, pattern: str) -> tuple[str, str, bool, int, int] | None:
        """(positive prefix, negative prefix, grouped, min and max fraction digits) of a plain
        pattern in a locale writing ASCII digits, `,` and `.`; None when Babel must do it."""
        symbols = self._babel.number_symbols["latn"]
        if (symbols["group"], symbols["decimal"], symbols["minusSign"]) != (",", ".", "-"):
            return None
        parsed = _pattern(pattern)
        if parsed.suffix != ("", "") or parsed.exp_prec is not None or parsed.scale != 0:
            return None
        if parsed.int_prec[0] != 1 or parsed.grouping not in ((3, 3), (1000, 1000)):
            return None
        if parsed.prefix[1] != parsed.prefix[0] + "-" and parsed.prefix != ("+", "-"):
            return None
        grouped = parsed.grouping == (3, 3)
        return parsed.prefix[0], parsed.prefix[1], grouped, *parsed.frac_prec

    def decimal(self, value: float, pattern: str) -> str:
        """Babel's format_decimal with the pattern and locale parsed once, not per number.

        A province report formats hundreds of thousands of numbers: for the plain patterns of
        English and Chinese the same digits are made here with `decimal` directly (Babel's own
        steps: the shortest repr, rounded half to even; tests compare the two on many values).
        """
        if abs(value) >= HUGE:
            sign = "+" if pattern.startswith("+") and value > 0 else ""
            return sign + _huge(value)
        shape = self._plain_shape(pattern)
        if shape is None or math.isnan(value) or math.isinf(value):
            return str(_pattern(pattern).apply(value, self._babel))
        positive, negative, grouped, least, most = shape
        number = Decimal(repr(float(value))).quantize(_QUANTUM[most], ROUND_HALF_EVEN)
        text = f"{abs(number):,f}" if grouped else f"{abs(number):f}"
        if most > least:
            whole, _dot, fraction = text.partition(".")
            fraction = fraction.rstrip("0").ljust(least, "0")
            text = f"{whole}.{fraction}" if fraction else whole
        return (negative if number.is_signed() else positive) + text

    def exact(self, text: str) -> str:
        """A figure with every digit it was written with, grouped where the language groups:
        2,684.56 / 2684.56. A province may have one on every row (a wrong unit breaks "whole
        number" everywhere), so a plain decimal is grouped as written, not formatted again;
        anything else (1e-05, a figure beyond any statistic) as `plain` formats it."""
        if not plain_decimal(text):
            return self.plain(float(text), 10)
        if not self.locale.grouping:
            return text
        whole, dot, fraction = text.partition(".")
        sign, whole = ("-", whole[1:]) if whole[0] == "-" else ("", whole)
        return f"{sign}{int(whole):,}{dot}{fraction}"

    def exact_scaled(self, text: str) -> str:
        """A sum with every digit, scaled where the language scales figures in sentences:
        3,512,345,678 / 35.12345678亿 (a disagreement of two sums stays visible, and reads as
        the report writes figures). A fraction stays as `exact` writes it."""
        scaled = self.locale.numbers_in_sentences == "scaled"
        if (
            scaled
            and plain_decimal(text)
            and "." not in text
            and self.scale_for(float(text))[0] > 1
        ):
            return self.scaled_exactly(float(text))
        return self.exact(text)

    def scaled_exactly(self, value: float, unit: str = "") -> str:
        """A figure in readable units with every digit it has (fifteen significant at most):
        35.996亿元, 3.5996 bn yuan, 35.12345678亿: a figure typed, echoed, is never rounded."""
        divisor = self.scale_for(value, unit)[0]
        if divisor == 1:  # below the first step: the digits as they are (123,456.5)
            return self.with_unit(self.exact(figure_text(value)), unit)
        exponent = (Decimal(figure_text(value)) / Decimal(int(divisor))).normalize().as_tuple()
        places = exponent.exponent
        digits = -places if isinstance(places, int) and places < 0 else 0
        return self.scaled(value, unit, digits=digits)

    def digits(self, value: float) -> str:
        """A figure with all its digits, never in e-notation: 3,500,000,000; 0.0000025; beyond
        any statistic in powers of ten (1.0×10³⁰⁰, 1.0×10⁻³⁰)."""
        if value and abs(value) < 1e-10:
            return _huge(value)
        return self.decimal(value, "#,##0.##########")

    def plain(self, value: float, digits: int = 2) -> str:
        """A number with at most `digits` decimals, grouped where the language groups digits:
        1,234.5 / 1234.5."""
        whole = "#,##0" if self.locale.grouping else "0"
        return self.decimal(value, f"{whole}." + "#" * digits if digits else whole)

    def unit(self, unit: str) -> str:
        """A unit in the language; a unit the catalogue does not know is shown as written."""
        return self(UNITS[unit]) if unit in UNITS else unit

    def unit_as_shown(self, unit: str) -> str:
        """The unit beside a scaled figure: translated where the language does so (双), else
        as written in targets.toml (pairs)."""
        return self.unit(unit) if self.locale.translate_units else unit

    def scaled_unit(self, magnitude: float, unit: str) -> tuple[str, float]:
        """The unit a column or an axis states for figures of about `magnitude` (`bn pairs`,
        `亿双`) and what divides the figures for it. A scale written apart from its number
        (" bn") stands apart from the unit too."""
        divisor, suffix = self.scale_for(magnitude, unit)
        shown = self.unit_as_shown(unit) if unit else ""
        gap = " " if suffix[:1] == " " else ""
        return (suffix.strip() + gap + shown).strip(), divisor

    def with_unit(self, number: str, unit: str) -> str:
        """A number already written, with its unit: `206 firms` / `206户`; a unit targets.toml
        writes in Chinese (户, 元) sits by the number too in Chinese: `86户`, `36亿元`."""
        if self.locale.translate_units and (unit in UNITS or is_wide(unit[:1] or " ")):
            return number + self.unit(unit)
        return f"{number} {unit}".strip()

    def scale_steps(self, unit: str = "") -> tuple[tuple[float, str], ...]:
        """The steps figures in `unit` are scaled by (亿, 万 / bn, m): none for a unit that counts
        in one already (亿元, 万双: COUNTED_IN), which "36亿亿元" would otherwise show."""
        return () if counted_in(unit) > 1 else self.locale.scale

    def scale_for(self, value: float, unit: str = "") -> tuple[float, str]:
        """The divisor and suffix that make value readable: (1e9, " bn") or (1e8, "亿")."""
        size = abs(value)
        for limit, suffix in self.scale_steps(unit):
            if size >= limit:
                return limit, suffix
        return 1.0, ""

    def scaled(
        self,
        value: float | None,
        unit: str = "",
        digits: int = 2,
        apart_from: float | None = None,
    ) -> str:
        """A figure in readable units: 2.5 bn pairs, 2 m pieces, 206 firms; 25亿双, 200万件.

        At most `digits` decimals (a projection is shown with one: 26.2亿双, not 26.17亿双),
        more when fewer would round it onto or across `apart_from`: a projection of 3.96 bn
        against a goal of 4 bn reads 3.96 bn, never 4.0 bn."""
        if value is None:
            return DASH
        divisor, suffix = self.scale_for(value, unit)
        bounds = () if apart_from is None or apart_from == value else (apart_from / divisor,)
        if divisor > 1:
            shown = faithful_digits(value / divisor, digits, bounds)
            text = self.plain(value / divisor, shown) + suffix
        else:
            # a hundred or more of a unit of its own is said whole (2,685 yuan), but not of one
            # that counts in 亿 or 万: 343.2亿元 is a goal as published, never 343亿元
            whole = float(value).is_integer() or (abs(value) >= 100 and counted_in(unit) == 1)
            # A figure below 0.01 keeps two significant digits: 0.004, never "0".
            small = 0 < abs(value) < 0.01
            shown = min(12, 1 - math.floor(math.log10(abs(value)))) if small else digits
            shown = faithful_digits(value, 0 if whole else shown, bounds)
            text = self.plain(value, shown)
        return self.with_unit(text, unit)

    def projection(self, value: float | None, unit: str, goal: float) -> str:
        """A projected figure to the same ten million either way: 26.2亿双 / 2.62 bn pairs;
        never rounded onto or across its goal."""
        divisor = self.scale_for(value, unit)[0] if value is not None else 1.0
        digits = 2 if divisor >= 1e9 else 1
        return self.scaled(value, unit, digits, apart_from=goal)

    def percent(self, value: float | None, digits: int = 1) -> str:
        """70.0 % in English, 70.0% in Chinese (CLDR spacing for each)."""
        if value is None:
            return DASH
        digits = percent_digits(value, digits)  # 99.96 % is not 100.0 %: not met
        text = self.decimal(value, "#,##0." + "0" * digits if digits else "#,##0")
        if value and round(value, digits) == 0:  # never 0 for a figure that is not
            text = (
                ("-" if value < 0 else "") + "<" + self.decimal(10.0**-digits, "0." + "0" * digits)
            )
        return self.locale.percent.format(text)

    def rate(self, value: float | None) -> str:
        """A fraction as a percent a year: 0.031 -> +3.1 %/yr; 3.1% in Chinese, whose labels
        say 年均增速 already and write a growth without a plus sign (a fall keeps its minus)."""
        if value is None:
            return DASH
        signed = self.locale.signed_rates
        text = self.decimal(100 * value, "+#,##0.0;-#,##0.0" if signed else "#,##0.0")
        if value and round(100 * value, 1) == 0:  # a pace, however slow, is not zero
            text = ("-" if value < 0 else "+" if signed else "") + "<0.1"
        return self(N_("{value} %/yr")).format(value=text)

    def ratio(self, value: float | None) -> str:
        if value is None:
            return DASH
        digits = faithful_digits(value, 2, PACE_THRESHOLDS)
        return self.decimal(value, "0." + "0" * digits)

    def number(self, value: float, digits: int = 1) -> str:
        """A plain number with a fixed count of decimals: 25.3."""
        return self.decimal(value, "#,##0." + "0" * digits if digits else "#,##0")

    # -- dates and periods -------------------------------------------------------------------

    @lru_cache(maxsize=4096)  # noqa: B019
    def _month(self, year: int, month: int) -> str:
        return format_skeleton("yMMM", dt.date(year, month, 1), locale=self.locale.babel)

    def month(self, month: Month | dt.date) -> str:
        """Jun 2025 / 2025年6月."""
        return self._month(month.year, month.month)

    @lru_cache(maxsize=4096)  # noqa: B019
    def date(self, day: dt.date | None) -> str:
        """31 Dec 2025 / 2025年12月31日."""
        if day is None:
            return DASH
        dates = self.locale.dates
        if "skeleton" in dates:
            return format_skeleton(dates["skeleton"], day, locale=dates["locale"])
        return format_date(day, dates["format"], locale=dates["locale"])

    def numeral(self, n: int) -> str:
        """A part's number as the language numbers a document's parts: 3 / 三."""
        if self.locale.numerals != "chinese" or not 0 < n < 100:
            return str(n)
        digits = "一二三四五六七八九"
        tens, ones = divmod(n, 10)
        head = ("" if tens == 1 else digits[tens - 1]) + "十" if tens else ""
        return head + (digits[ones - 1] if ones else "")

    def period_and_basis(self, period: str, basis: str | None) -> str:
        """A figure's period and what it covers, in one phrase: `Jun 2025, level at period
        end`; the twelve months to a month as `12 months to Oct 2026` / `截至2026年10月的近
        12个月`; a level of a year or a month at its end where the language dates it so
        (`level_end`): 2026年11月末, 2025年末, as bulletins date a 时点指标 ("2026年11月，时点数"
        read as a note to the writer, a Chinese reader's find)."""
        if basis == "ttm":
            return self(N_("12 months to {period}")).format(period=self.period(period))
        if basis == "level" and (at_end := self._at_end(period)):
            return at_end
        return self.joined([self.period(period), self.basis(basis, period)])

    def level_period(self, period: str) -> str:
        """A level's period: its year or month at its end where the language dates a 时点指标
        so (2025年末, 2026年11月末), else as any period (Dec 2025)."""
        return self._at_end(period) or self.period(period)

    def _at_end(self, period: str) -> str | None:
        """A year or a month at its end in the language's `level_end` (December's is the
        year's end: 2025年末, the glossary's stock); None for a day, or in a language without."""
        if not self.locale.level_end:
            return None
        try:
            parsed = parse_period(period)
        except ValueError:
            return None
        if parsed.kind not in ("year", "month"):
            return None
        year_end = parsed.kind == "year" or parsed.end.month == 12
        said = self.locale.year.format(year=parsed.end.year) if year_end else self.period(period)
        return self.locale.level_end.format(period=said)

    def figure_period(self, o: Observation) -> str:
        """What a figure is of: 2025 / Jun 2025, and a year-to-date sum the months it covers
        with their year: Jan–Nov 2026 / 2026年1—11月; a level at its period's end where the
        language dates it so (level_period: 2026年11月末)."""
        if o.basis == "ytd":
            return self.months_to(o.end.month, o.end.year)
        if o.basis == "level":
            return self.level_period(o.period)
        return self.period(o.period)

    @lru_cache(maxsize=1024)  # noqa: B019
    def months_to(self, month: int, year: int | None = None) -> str:
        """January to `month` as a bulletin names them: Jan–Oct / 1—10月 (Jan / 1月 alone);
        with their `year`: Jan–Oct 2026 / 2026年1—10月."""
        forms = self.locale.months
        if forms["style"] == "number":
            first, last = "1", str(month)
        else:
            first, last = (
                format_skeleton("MMM", dt.date(2000, m, 1), locale=self.locale.babel)
                for m in (1, month)
            )
        months = (forms["one"] if month == 1 else forms["span"]).format(first=first, last=last)
        return months if year is None else forms["with_year"].format(months=months, year=year)

    def about_month(self, day: dt.date | None) -> str:
        """A date reckoned from a pace, to the month it falls in: about Jun 2058 / 约2058年6月
        (to the day would claim a precision a projection does not have)."""
        if day is None:
            return DASH
        return self(N_("about {month}")).format(month=self.month(day))

    @lru_cache(maxsize=8192)  # noqa: B019  (a province's rows share a few hundred periods)
    def period(self, period: str | None) -> str:
        """A period as written in the sheet, in words: 2024 / Jun 2025 / 30 Jun 2025."""
        if not period:
            return DASH
        try:
            parsed = parse_period(period)
        except ValueError:
            return period
        if parsed.kind == "year":
            return self.locale.year.format(year=parsed.year)
        if parsed.kind == "month":
            return self.month(parsed.end)
        return self.date(parsed.end)

    def flag_words(self, flags: Iterable[str], which: Iterable[str] = FLAG_TEXT) -> list[str]:
        """The flags among `which` (all by default), each in words: `month presumed`."""
        return [self(FLAG_TEXT[f]) for f in flags if f in which and f in FLAG_TEXT]

    def figure_flags(self, flags: Iterable[str]) -> list[str]:
        """What is said beside a figure's period: month presumed, lower bound, approximate."""
        return self.flag_words(flags, FIGURE_FLAGS)

    def sourced(self, source: str, flags: Iterable[str]) -> str:
        """A figure's source as written, then what the flags say of it (original not found,
        read in a repost)."""
        said = self.flag_words(flags, SOURCE_FLAGS)
        if not said:
            return source
        # after a space: a bracket or semicolon glued to an address is taken into the link
        flagged = self.paren(self.semicolon.join(said))
        return f"{source} {flagged}" if source else self.semicolon.join(said)

    def figure_note(self, note: str) -> str:
        """A figure's note as a reader reads it: the notes of some of the months a sum rests on
        (judging gives them as `2026-02: 春节停产; 2026-03, 2026-04: …`) with their months in
        words, 2026年2月：春节停产; any other note as written."""
        if not note or ": " not in note:
            return note
        parts = []
        for part in note.split("; "):
            said = _NOTE_OF_MONTHS.fullmatch(part)
            if said is None:
                parts.append(part)
                continue
            months = self.listed(self.period(m) for m in said[1].split(", "))
            parts.append(f"{months}{self.colon}{said[2]}")
        return self.semicolon.join(parts)

    def unchanged_since(self, period: str | None) -> str:
        """Beside a latest figure restated for a year or more: `unchanged since 2022 — possibly
        a restated figure` / `与2022年公布值相同，或为沿用数`."""
        if not period:
            return ""
        return self(N_("unchanged since {period} — possibly a restated figure")).format(
            period=self.period(period)
        )

    def period_as_written(self, period: str) -> str:
        """A period where the workbook shows it as text: as written (2025-06), or in words
        where the language writes periods so (2025年6月)."""
        return self.period(period) if self.locale.periods_in_words else period


def figure_text(value: float) -> str:
    """A figure inside a parameter list (`values`: 3500000000, 3600000000), with its digits
    to fifteen significant ones (3512345678, 123456.789: `:g` kept six; a sum of 100.1s is
    300.3, not the float's 300.29999999999995), never in e-notation."""
    text = f"{float(value):.15g}"
    if "e" in text:
        return format(Decimal(text).normalize(), "f")
    return text


def english_issue(code: str, params: Iterable[tuple[str, str]]) -> str:
    """A data issue's English sentence, from the catalogue's message id for its code: what
    `Issue.message` holds (the JSON's `message`). KeyError for a code without a message."""
    said = Words.of(DEFAULT_LANG).issue_message(code, params)
    if said is None:
        raise KeyError(f"data issue {code!r} has no message for parameters {dict(params)}")
    return said


def coded_issue(
    severity: Severity,
    code: str,
    params: Iterable[tuple[str, str]] = (),
    *,
    file: str | None = None,
    sheet: str | None = None,
    row: int | None = None,
    column: str | None = None,
    target_id: str | None = None,
    worded: bool = True,
) -> Issue:
    """A data issue made from its code and parameters; its message is the English sentence
    of the catalogue (english_issue), so every sentence has one source. Not `worded`, the
    message is left for english_message to word when it is written (an issue made by the
    thousand costs its row, not a sentence)."""
    given = tuple(params)
    message = english_issue(code, given) if worded else ""
    return Issue(severity, message, file, sheet, row, column, code, given, target_id)


def unworded_issue(
    severity: Severity,
    code: str,
    params: tuple[tuple[str, str], ...],
    file: str | None,
    sheet: str | None,
    row: int | None,
    column: str | None,
    target_id: str | None,
) -> Issue:
    """An issue made by the thousand (a rule a province breaks on every row): without its
    sentence, which english_message words when it is written."""
    return Issue(severity, "", file, sheet, row, column, code, params, target_id)


def english_message(issue: Issue) -> str:
    """An issue's English sentence (the JSON's `message`): as made, or worded from its code.

    Issues of one series differ only in their `value`, which comes first in their parameters
    (plausibility.check_series): the sentence around it is worded once per series (a province
    may break a rule on every row), with the same characters english_issue gives."""
    if issue.message:
        return issue.message
    code, params = issue.code, issue.params
    numbers = ISSUE_NUMBERS.get(code)
    if not params or params[0][0] != "value" or numbers is None or "value" not in numbers:
        return english_issue(code, params)
    before, after = split_message(code, params[1:])
    if not before and not after:
        return english_issue(code, params)
    return before + Words.of(DEFAULT_LANG).param("value", params[0][1], numbers) + after


@lru_cache(maxsize=65536)  # (code, the parameters after `value`): once per series and kind
def split_message(code: str, rest: tuple[tuple[str, str], ...]) -> tuple[str, str]:
    """The English sentence of `code` around its value; ("", "") when it cannot be split."""
    numbers = ISSUE_NUMBERS[code]
    given = dict(rest)
    if any(k.endswith(f"_{DEFAULT_LANG}") for k in given):
        return "", ""
    english = Words.of(DEFAULT_LANG)
    message = issue_message_id(code, given | {"value": "0"})
    marker = "\x00"
    shown = {k: english.param(k, v, numbers) for k, v in given.items()} | {"value": marker}
    english._units(code, given, shown)
    try:
        before, after = (message or "").format(**shown).split(marker)
    except (KeyError, IndexError, ValueError):
        return "", ""
    return before, after
