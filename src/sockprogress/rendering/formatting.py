"""Words and number formats for every output, per language (`en`, `zh`).

Every renderer asks here: `status_word(status, lang)`, `note_text(note, lang)`,
`issue_text(issue, lang)`, `scaled(value, unit, lang)`, `percent`, `rate`, `ratio`,
`month_text`, `date_text`, `period_text`. Words come from the message catalogue (i18n.py);
what the model keys by a stable code (statuses, notes, data issues, blank-figure reasons,
figures, units, bases) is mapped to its message here, in one place. Digits and grouping come
from Babel (CLDR); the Chinese 亿/万 scaling is ours, since CLDR's compact forms round too hard.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_EVEN, Decimal
from functools import lru_cache

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import NumberPattern, parse_pattern

from ..i18n import DEFAULT_LANG, LANGS, Lang, _, check_lang
from ..model import Issue, Note, Target
from ..periods import Month, parse_period
from .messages import (
    BASIS,
    COLUMNS,
    DIRECTIONS,
    FIGURE_NAMES,
    HINTS,
    ISSUE_TEXT,
    METHOD,
    NOTE_TEXT,
    SEVERITY,
    STATUS_ICONS,
    STATUS_MEANINGS,
    STATUS_WORDS,
    UNITS,
    WHY_REASONS,
)

LOCALES = {"en": "en", "zh": "zh_Hans_CN"}
HTML_LANG = {"en": "en", "zh": "zh-CN"}
DASH = "—"

__all__ = [
    "BASIS",
    "COLUMNS",
    "DEFAULT_LANG",
    "FIGURE_NAMES",
    "HINTS",
    "ISSUE_TEXT",
    "LANGS",
    "METHOD",
    "NOTE_TEXT",
    "SEVERITY",
    "STATUS_ICONS",
    "STATUS_MEANINGS",
    "STATUS_WORDS",
    "UNITS",
    "WHY_REASONS",
    "Lang",
    "check_lang",
    "date_text",
    "issue_text",
    "month_text",
    "note_text",
    "percent",
    "period_text",
    "rate",
    "ratio",
    "scaled",
    "status_word",
]


def status_meaning(status: str, lang: str = "en") -> str:
    return _(STATUS_MEANINGS[status], lang)


def status_word(status: str | None, lang: str = "en") -> str:
    check_lang(lang)
    return _(STATUS_WORDS[status], lang) if status in STATUS_WORDS else ""


def status_text(status: str, lang: str = "en") -> str:
    """Icon and word, as every output shows a status: `▲ On track`."""
    return f"{STATUS_ICONS[status]} {status_word(status, lang)}"


# Issue parameters that are numbers, and how a reader sees them: grouped, as judging wrote them.
NUMBER_PARAMS = {"value": ",.10g", "target": ",.10g", "factor": ",.0f"}


def _param(key: str, value: str, lang: str) -> str:
    """A note's or issue's parameter in the reader's language: periods and dates in words."""
    if key in NUMBER_PARAMS:
        try:
            return format(float(value), NUMBER_PARAMS[key])
        except ValueError:
            return value  # a target id, a cell's text: shown as written
    if lang != "zh":
        return value
    if key in ("rows", "others", "regions", "values", "hidden", "cells"):
        return value.replace(", ", "、")  # a Chinese list takes the enumeration comma
    if key == "direction" and value in DIRECTIONS:
        return _(DIRECTIONS[value], lang)
    if key == "deadline":
        return date_text(dt.date.fromisoformat(value), lang)
    if key == "period":
        return period_text(value, lang)
    return value


def note_text(note: Note, lang: str = "en") -> str:
    """A note in words; in Chinese its periods and dates read as 2025年6月."""
    params = {k: _param(k, v, lang) for k, v in note.params}
    return _(NOTE_TEXT[note.code], check_lang(lang)).format(**params)


def issue_text(issue: Issue, lang: str = "en") -> str:
    """A data issue's message in `lang`, from its code and parameters; else its message."""
    message = ISSUE_TEXT.get(issue.code)
    if message is None or lang == "en":
        # The English sentence is the one written where the problem was found (the JSON's);
        # the catalogue's English id for the code says the same and gives translators context.
        return issue.message
    params = {k: _param(k, v, lang) for k, v in issue.params}
    if lang == "zh":  # a code with its Chinese name beside it (`region_zh`) reads as the name
        given = dict(issue.params)
        params |= {k: given[f"{k}_zh"] for k in params if given.get(f"{k}_zh")}
    try:
        return _(message, check_lang(lang)).format(**params)
    except (KeyError, IndexError):  # a code given without all its parameters
        return issue.message


def issue_hint(issue: Issue, lang: str = "en") -> str:
    hint = HINTS.get(issue.code)
    return _(hint, lang) if hint else ""


def severity_word(severity: str, lang: str = "en") -> str:
    return _(SEVERITY[severity], lang)


def figure_name(field: str, lang: str = "en") -> str:
    return _(FIGURE_NAMES[field], lang) if field in FIGURE_NAMES else field


def column_name(column: str, lang: str = "en") -> str:
    return _(COLUMNS[column], lang) if column in COLUMNS else column


def paren(inner: str, lang: str = "en") -> str:
    """An aside in the language's brackets: ` (2021)` / `（2021年）`."""
    if not inner:
        return ""
    return f"（{inner}）" if lang == "zh" else f" ({inner})"


def joined(parts: Iterable[str], lang: str = "en") -> str:
    """Items joined by the language's comma: `a, b` / `a，b`."""
    return ("，" if lang == "zh" else ", ").join(p for p in parts if p)


def colon(lang: str = "en") -> str:
    return "：" if lang == "zh" else ": "


def goal_note(target: Target, lang: str = "en") -> str:
    """What a reader must know about the goal itself (its scope), in the language if given."""
    if lang == "zh" and target.note_zh:
        return target.note_zh
    return target.note or ""


def goal_text(target: Target, lang: str = "en") -> str:
    """`5 bn pairs by 31 Dec 2025` / `2025年12月31日前达到50亿双`."""
    return _("{goal} by {deadline}", lang).format(
        goal=scaled(target.target, target.unit, lang), deadline=date_text(target.deadline, lang)
    )


def why_reason(reason: str, lang: str = "en") -> str:
    """Why one figure is blank, in the language (judging writes the reasons in English)."""
    return _(reason, check_lang(lang)) if reason else reason


@lru_cache(maxsize=8192)
def basis_word(basis: str | None, lang: str = "en", period: str | None = None) -> str:
    """What a figure covers; a year-to-date reads as 1—9月累计 when its month is known."""
    if basis == "ytd" and period and lang == "zh":
        try:
            parsed = parse_period(period)
        except ValueError:
            parsed = None
        if parsed is not None and parsed.kind == "month":
            return _("January to {month}", lang).format(month=parsed.end.month)
    return _(BASIS[basis], check_lang(lang)) if basis in BASIS else (basis or "")


def method_paragraphs(lang: str = "en") -> tuple[str, ...]:
    return tuple(_(p, check_lang(lang)) for p in METHOD)


def text_for(lang: str, en: str | None, zh: str | None) -> str | None:
    """A target's own text (plan, source, note) in the language, English when no Chinese."""
    return (zh or en) if lang == "zh" else en


def plan_text(target: Target, lang: str = "en") -> str | None:
    return text_for(lang, target.plan, target.plan_zh)


def source_text(target: Target, lang: str = "en") -> str | None:
    return text_for(lang, target.source, target.source_zh)


@lru_cache(maxsize=16)
def _pattern(pattern: str) -> NumberPattern:
    return parse_pattern(pattern)


@lru_cache(maxsize=4)
def _locale(lang: str) -> Locale:
    return Locale.parse(LOCALES[check_lang(lang)])


# From this size on a number is written in powers of ten (Babel's decimals also give out
# near 10^28): 5.1×10^15 reads better than sixteen digits.
HUGE = 1e15
_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def _huge(value: float) -> str:
    mantissa, exponent = f"{value:.1e}".split("e")
    return f"{mantissa}×10{str(int(exponent)).translate(_SUPERSCRIPT)}"


@lru_cache(maxsize=64)
def _plain_shape(pattern: str, lang: str) -> tuple[str, str, bool, int, int] | None:
    """(positive prefix, negative prefix, grouped, min and max fraction digits) of a plain
    pattern in a locale writing ASCII digits, `,` and `.`; None when Babel must do it all."""
    symbols = _locale(lang).number_symbols["latn"]
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


_QUANTUM = [Decimal(1).scaleb(-n) for n in range(16)]


def _decimal(value: float, pattern: str, lang: str) -> str:
    """Babel's format_decimal with the pattern and locale parsed once, not per number.

    A province report formats hundreds of thousands of numbers: for the plain patterns of
    English and Chinese the same digits are made here with `decimal` directly (Babel's own
    steps: the shortest repr, rounded half to even; tests compare the two on many values).
    """
    if abs(value) >= HUGE:
        sign = "+" if pattern.startswith("+") and value > 0 else ""
        return sign + _huge(value)
    shape = _plain_shape(pattern, lang)
    if shape is None or math.isnan(value) or math.isinf(value):
        return str(_pattern(pattern).apply(value, _locale(lang)))
    positive, negative, grouped, least, most = shape
    number = Decimal(repr(float(value))).quantize(_QUANTUM[most], ROUND_HALF_EVEN)
    text = f"{abs(number):,f}" if grouped else f"{abs(number):f}"
    if most > least:
        whole, _dot, fraction = text.partition(".")
        fraction = fraction.rstrip("0").ljust(least, "0")
        text = f"{whole}.{fraction}" if fraction else whole
    return (negative if number.is_signed() else positive) + text


def _number(value: float, lang: str, digits: int = 2) -> str:
    pattern = "#,##0." + "#" * digits if digits else "#,##0"
    return _decimal(value, pattern, lang)


def unit_word(unit: str, lang: str = "en") -> str:
    """A unit in the language; a unit the catalogue does not know is shown as written."""
    return _(UNITS[unit], lang) if unit in UNITS else unit


def scale_for(value: float, lang: str = "en") -> tuple[float, str]:
    """The divisor and suffix that make value readable: (1e9, " bn") or (1e8, "亿")."""
    size = abs(value)
    steps = ((1e8, "亿"), (1e4, "万")) if lang == "zh" else ((1e9, " bn"), (1e6, " m"))
    for limit, suffix in steps:
        if size >= limit:
            return limit, suffix
    return 1.0, ""


def scaled(
    value: float | None,
    unit: str = "",
    lang: str = "en",
    digits: int = 2,
    apart_from: float | None = None,
) -> str:
    """A figure in readable units: 2.5 bn pairs, 2 m pieces, 206 firms; 25亿双, 200万件, 206家.

    At most `digits` decimals (a projection is shown with one: 26.2亿双, not 26.17亿双), more
    when fewer would round it onto or across `apart_from`: a projection of 3.96 bn against a
    goal of 4 bn reads 3.96 bn, never 4.0 bn."""
    if value is None:
        return DASH
    divisor, suffix = scale_for(value, lang)
    bounds = () if apart_from is None or apart_from == value else (apart_from / divisor,)
    if divisor > 1:
        shown = faithful_digits(value / divisor, digits, bounds)
        text = _number(value / divisor, lang, shown) + suffix
    else:
        whole = float(value).is_integer() or abs(value) >= 100
        # A figure below 0.01 keeps two significant digits: 0.004, never "0".
        small = 0 < abs(value) < 0.01
        shown = min(12, 1 - math.floor(math.log10(abs(value)))) if small else digits
        shown = faithful_digits(value, 0 if whole else shown, bounds)
        text = _number(value, lang, shown)
    if lang == "zh" and unit in UNITS:
        return text + unit_word(unit, lang)
    return f"{text} {unit}".strip()


def projection(value: float | None, unit: str, goal: float, lang: str = "en") -> str:
    """A projected figure to the same ten million either way: 26.2亿双 / 2.62 bn pairs (one
    decimal of 亿, two of bn); never rounded onto or across its goal."""
    digits = 2 if lang == "en" and value is not None and abs(value) >= 1e9 else 1
    return scaled(value, unit, lang, digits, apart_from=goal)


def percent(value: float | None, digits: int = 1, lang: str = "en") -> str:
    """70.0 % in English, 70.0% in Chinese (CLDR spacing for each)."""
    if value is None:
        return DASH
    digits = faithful_digits(value, digits, (100.0,))  # 99.96 % is not 100.0 %: not met
    text = _decimal(value, "#,##0." + "0" * digits if digits else "#,##0", lang)
    if value and round(value, digits) == 0:  # never 0 for a figure that is not
        text = ("-" if value < 0 else "") + "<" + _decimal(10.0**-digits, "0." + "0" * digits, lang)
    return f"{text}%" if lang == "zh" else f"{text} %"


def rate(value: float | None, lang: str = "en") -> str:
    """A fraction as a percent a year: 0.031 -> +3.1 %/yr; 3.1% in Chinese, whose labels say
    年均增速 already and write a growth without a plus sign (a fall keeps its minus)."""
    if value is None:
        return DASH
    signed = lang == "en"
    text = _decimal(100 * value, "+#,##0.0;-#,##0.0" if signed else "#,##0.0", lang)
    if value and round(100 * value, 1) == 0:  # a pace, however slow, is not zero
        text = ("-" if value < 0 else "+" if signed else "") + "<0.1"
    return _("{value} %/yr", lang).format(value=text)


def faithful_digits(value: float, digits: int, thresholds: Iterable[float]) -> int:
    """The fewest digits, from `digits`, at which rounding keeps `value` on its side of every
    threshold: a pace ratio of 0.596 is insufficient (< 0.60), so it shows as 0.596, not 0.60."""
    bounds = tuple(thresholds)
    while digits < 6 and any((value < t) != (round(value, digits) < t) for t in bounds):
        digits += 1
    return digits


# The pace-category thresholds (Eurostat / Open SDG) a shown pace ratio must not cross.
PACE_THRESHOLDS = (0.95, 0.60, 0.0)


def ratio(value: float | None, lang: str = "en") -> str:
    if value is None:
        return DASH
    digits = faithful_digits(value, 2, PACE_THRESHOLDS)
    return _decimal(value, "0." + "0" * digits, lang)


def number(value: float, lang: str = "en", digits: int = 1) -> str:
    """A plain number with a fixed count of decimals: 25.3."""
    return _decimal(value, "#,##0." + "0" * digits if digits else "#,##0", lang)


@lru_cache(maxsize=4096)
def _month(year: int, month: int, lang: str) -> str:
    return format_skeleton("yMMM", dt.date(year, month, 1), locale=LOCALES[check_lang(lang)])


def month_text(month: Month | dt.date, lang: str = "en") -> str:
    """Jun 2025 / 2025年6月."""
    return _month(month.year, month.month, lang)


@lru_cache(maxsize=4096)
def date_text(day: dt.date | None, lang: str = "en") -> str:
    """31 Dec 2025 / 2025年12月31日."""
    if day is None:
        return DASH
    if lang == "zh":
        return format_date(day, "long", locale=LOCALES["zh"])
    return format_skeleton("dMMMy", day, locale="en_GB")


def about_month(day: dt.date | None, lang: str = "en") -> str:
    """A date reckoned from a pace, to the month it falls in: about Jun 2058 / 约2058年6月
    (to the day would claim a precision a projection does not have)."""
    if day is None:
        return DASH
    return _("about {month}", lang).format(month=month_text(day, lang))


@lru_cache(maxsize=8192)  # a province's rows share a few hundred periods
def period_text(period: str | None, lang: str = "en") -> str:
    """A period as written in the sheet, in words: 2024 / Jun 2025 / 30 Jun 2025 (年, 月, 日)."""
    if not period:
        return DASH
    try:
        parsed = parse_period(period)
    except ValueError:
        return period
    if parsed.kind == "year":
        return f"{parsed.year}年" if lang == "zh" else str(parsed.year)
    if parsed.kind == "month":
        return month_text(parsed.end, lang)
    return date_text(parsed.end, lang)


def where_text(issue: Issue, lang: str = "en") -> str:
    """Where a data issue sits: `actuals.xlsx, sheet Actuals, row 14, column value`."""
    parts = [issue.file] if issue.file else []
    if issue.sheet:
        parts.append(_("sheet {sheet}", lang).format(sheet=issue.sheet))
    if issue.row is not None:
        parts.append(_("row {row}", lang).format(row=issue.row))
    if issue.column:
        parts.append(_("column {column}", lang).format(column=column_name(issue.column, lang)))
    return joined(parts, lang)


def issue_line(issue: Issue, lang: str = "en") -> str:
    """One line for the terminal: `warning: actuals.xlsx, sheet Actuals, row 3: message`."""
    where = where_text(issue, lang)
    head = severity_word(issue.severity, lang)
    body = issue_text(issue, lang)
    return colon(lang).join([head, where, body] if where else [head, body])


def target_name(target: Target, lang: str = "en") -> str:
    return (target.name_zh or target.name) if lang == "zh" else target.name


def region_name(region: str, regions_zh: Iterable[tuple[str, str]], lang: str = "en") -> str:
    return dict(regions_zh).get(region, region) if lang == "zh" else region


def counts_text(counts: Mapping[str, int], lang: str = "en") -> str:
    """`1 missed, 5 awaiting final figure` / `未完成1个，待期末数据5个`."""
    words = {s: status_word(s, lang) for s in counts}
    if lang == "en":
        words = {s: w.lower() for s, w in words.items()}
    return joined(
        (_("{n} {status}", lang).format(n=n, status=words[s]) for s, n in counts.items()), lang
    )
