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
from collections.abc import Iterable, Mapping
from functools import lru_cache

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import NumberPattern, parse_pattern

from ..i18n import DEFAULT_LANG, LANGS, N_, Lang, _, check_lang
from ..model import Issue, Note, Target
from ..periods import Month, parse_period

LOCALES = {"en": "en", "zh": "zh_Hans_CN"}
HTML_LANG = {"en": "en", "zh": "zh-CN"}
DASH = "—"

__all__ = [
    "DEFAULT_LANG",
    "LANGS",
    "STATUS_ICONS",
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

STATUS_WORDS: dict[str, str] = {
    "achieved": N_("Achieved"),
    "missed": N_("Missed"),
    "awaiting_final": N_("Awaiting final figure"),
    "on_track": N_("On track"),
    "moderate_progress": N_("Moderate progress"),
    "insufficient_progress": N_("Insufficient progress"),
    "moving_away": N_("Moving away"),
    "not_assessable": N_("Not assessable"),
}

# One set of icons for the page, the workbook and the terminal. Shapes differ as well as
# colours, so the status reads in greyscale print and for colour-blind readers; the word always
# stands beside the icon. Each is in DejaVu and Noto CJK, the fonts CI installs, so none renders
# as an empty box in Chromium or in LibreOffice's PDF.
STATUS_ICONS: dict[str, str] = {
    "achieved": "✔",
    "missed": "✘",
    "awaiting_final": "○",
    "on_track": "▲",
    "moderate_progress": "◆",
    "insufficient_progress": "▼",
    "moving_away": "⊘",
    "not_assessable": "?",
}

NOTE_TEXT: dict[str, str] = {
    "no_observation": N_("No usable observation for this target."),
    "no_pace": N_("Only one observation and no baseline value: the pace cannot be measured yet."),
    "final_figure": N_("Judged on the final figure for the deadline: {period}."),
    "met_late": N_("The target was met later, in {period}, after the deadline."),
    "final_not_in": N_("Achieved already; the final figure for the deadline is not in yet."),
    "awaiting_final": N_(
        "The deadline ({deadline}) has passed; waiting for the figure that covers it."
    ),
    "baseline_missing": N_(
        "No observation for the baseline period {period}; figures that need a baseline are "
        "left blank."
    ),
    "stale": N_("The latest figure ({period}) is more than 13 months old."),
    "ttm": N_("Latest figure is the twelve months to {period} (trailing twelve months)."),
    "no_pace_later": N_(
        "No observation later than the baseline ({period}): the pace cannot be measured yet."
    ),
    "no_pace_undefined": N_("The pace cannot be measured: see the blank figures."),
    "estimate": N_(
        "The latest figure is an estimate: an annual rate stated in {period} without a calendar "
        "year. It is never the final figure."
    ),
}

# Reasons a figure is blank, as judging/figures.py writes them (in English, in the JSON's
# `why_null`); each is a message id. A test keeps this list and figures.py in step.
WHY_REASONS: tuple[str, ...] = (
    N_("no usable observation"),
    N_("no baseline"),
    N_("the target equals the baseline"),
    N_("the deadline is not after the baseline"),
    N_("needs an observation later than the baseline"),
    N_("the baseline is not above zero"),
    N_("the required growth is zero"),
    N_("not defined"),
    N_("no pace"),
    N_("the latest observation is at or after the deadline"),
    N_("the target is already met"),
    N_("the current pace does not move toward the target"),
    N_("beyond any calendar date at the current pace"),
)

# The figures of method.md by their JSON names, as a reader calls them.
FIGURE_NAMES: dict[str, str] = {
    "share_of_target_pct": N_("Share of goal"),
    "gap": N_("Gap to goal"),
    "gap_closed_pct": N_("Gap closed since baseline"),
    "time_elapsed_pct": N_("Time elapsed"),
    "schedule_gap_pts": N_("Ahead (+) or behind (-) the time-proportional schedule, points"),
    "actual_cagr": N_("Actual growth a year"),
    "required_cagr": N_("Required growth a year"),
    "pace_ratio": N_("Pace ratio (actual ÷ required growth)"),
    "pace_category": N_("Pace judgement"),
    "required_cagr_from_latest": N_("Growth a year needed from now"),
    "projected_at_deadline": N_("Projected at deadline"),
    "eta": N_("Expected date reached"),
}

# Units of targets.toml; other units are shown as written.
UNITS: dict[str, str] = {
    "pairs": N_("pairs"),
    "yuan": N_("yuan"),
    "firms": N_("firms"),
    "pieces": N_("pieces"),
    "sets": N_("sets"),
    "people": N_("people"),
    "units": N_("machines"),
    "items": N_("items"),
    "parcels": N_("parcels"),
    "pairs/year": N_("pairs/year"),
}

BASIS: dict[str, str] = {
    "level": N_("level at period end"),
    "annual": N_("calendar year"),
    "ttm": N_("12 months to"),
    "ytd": N_("year to date"),
    "month": N_("that month"),
    "rate": N_("annual rate, year not stated"),
}

# Column names of the Actuals sheet, as an issue's "where" names them.
COLUMNS: dict[str, str] = {
    "region": N_("region"),
    "indicator": N_("indicator"),
    "period": N_("period"),
    "value": N_("value"),
    "basis": N_("basis"),
    "source": N_("source"),
    "note": N_("note"),
}

# Data issues by code: the message, filled from `Issue.params`. An issue whose code is not
# here is shown as its (English) message.
ISSUE_TEXT: dict[str, str] = {
    "empty_cell": N_("the cell is empty"),
    "period_empty": N_("the period is empty; write a year (2024), a month (2025-06) or a date"),
    "period_invalid": N_(
        "'{value}' is not a period; write a year (2024), a month (2025-06) or a date (2025-06-30)"
    ),
    "period_near_miss": N_("'{value}' is not a period; write the month as {month}"),
    "basis_unknown": N_(
        "unknown basis '{value}'; use month (that month's amount), ytd (January to that month) "
        "or rate (an annual rate stated at that month, no calendar year)"
    ),
    "value_not_number": N_(
        "'{value}' is not a number; type the figure as a number, e.g. 3500000000"
    ),
    "value_is_date": N_("'{value}' is a date, not a number; format the cell as a number"),
    "value_empty": N_("the value is empty; type the figure as a number"),
    "value_not_finite": N_("'{value}' is not a finite number"),
    "value_not_positive": N_("{value} is not above zero; progress is measured on positive values"),
    "value_as_text": N_("'{value}' was stored as text; read as {number}"),
    "value_number_as_text": N_("the number '{value}' was stored as text; read as {number}"),
    "value_not_a_number": N_("'{value}' is not a number"),
    "merged_top": N_("cells {span} are merged; unmerge them and type the value in every row"),
    "merged_below": N_(
        "this row's cell is part of merged cells {span}, so it reads as empty; unmerge them "
        "and type the value in every row"
    ),
    "merged_below_left_out": N_(
        "this row's cell is part of merged cells {span}, so it reads as empty; the row is left "
        "out; unmerge them and type the value in every row"
    ),
    "formula_no_result": N_(
        "the formula in {cell} has no saved result (the file was written by a program that "
        "does not calculate); open it in Excel, save it, and run again"
    ),
    "blank_row": N_("blank row in the middle of the table; it is skipped"),
    "name_cleaned": N_("'{raw}' has stray spaces or full-width characters; read as '{fixed}'"),
    "basis_not_month": N_("basis applies to month rows only; ignored on a year or date row"),
    "period_not_ended": N_("period {period} has not ended yet (today is {today})"),
    "duplicate_same": N_(
        "{region} / {indicator} / {period} is also in row {others} with the same figure; row "
        "{used} (the lower one) is used"
    ),
    "duplicate_conflict": N_(
        "{region} / {indicator} / {period} is also in row {others} with conflicting values "
        "({values}); row {used} (the lower one) is used"
    ),
    "date_for_annual_total": N_(
        "a single date cannot carry an annual total for {target}; write a year (2024) or a "
        "month (2025-06)"
    ),
    # `detail` is judging's English sentence on the two figures; the translation may leave it
    # out (the row and the target are named, and the sheet shows both figures).
    "year_row_differs": N_("{target}: {detail}"),
    "no_rows": N_(
        "no rows for target {target} (region {region}, indicator {indicator}) in the sheet"
    ),
    "baseline_missing": N_("target {target}: no observation for its baseline period {period}"),
    "plausibility.jump": N_(
        "check this figure: {series} = {value} is {factor} times away from the other figures of "
        "the series (a 万/亿 slip is 10,000 or 100,000,000 times)"
    ),
    "plausibility.not_whole": N_(
        "check this figure: {series} = {value} {unit} is not a whole number"
    ),
    "plausibility.scale": N_(
        "check this figure: {series} = {value} is far outside the scale of its target ({target})"
    ),
    "unknown_region": N_(
        "no target uses region '{region}'; the row is left out (regions: {regions})"
    ),
    "undeclared_indicator": N_(
        "indicator '{indicator}' has no target and is not listed under [[indicators]] in the "
        "targets file"
    ),
}

# What to do about an issue whose message does not say it already (`check` prints it).
HINTS: dict[str, str] = {
    "no_rows": N_("add its published figures to the Actuals sheet"),
    "unknown_region": N_("fix the spelling, or add a target for that region"),
    "undeclared_indicator": N_("fix the spelling, or declare it under [[indicators]]"),
    "baseline_missing": N_("add the baseline figure, or give baseline.value"),
}

SEVERITY: dict[str, str] = {"error": N_("error"), "warning": N_("warning")}

METHOD: tuple[str, ...] = (
    N_(
        "Progress is judged by the Eurostat / Open SDG method for quantitative targets. The pace "
        "ratio compares the actual compound annual growth since the baseline with the growth "
        "needed to reach the goal by its deadline: on track at 0.95 or more, moderate progress "
        "from 0.60, insufficient progress from 0, moving away below 0."
    ),
    N_(
        "The schedule compares the share of the gap closed since the baseline with the share "
        "of the time from the baseline to the deadline that has passed: the difference, in "
        "percentage points, is how far ahead of or behind the time-proportional schedule the "
        "target is."
    ),
    N_(
        "Once a deadline has passed, the first figure that covers it decides: achieved or "
        "missed; until it arrives the target awaits its final figure. A figure older than 13 "
        "months is flagged as stale. Figures that cannot be computed are left blank with the "
        "reason."
    ),
)


STATUS_MEANINGS: dict[str, str] = {
    "achieved": N_("The first figure covering the deadline meets the goal."),
    "missed": N_("The first figure covering the deadline falls short of the goal."),
    "awaiting_final": N_("The deadline has passed; the figure that covers it is not in yet."),
    "on_track": N_("Pace ratio 0.95 or more: growing fast enough to reach the goal in time."),
    "moderate_progress": N_("Pace ratio from 0.60 to 0.95: growing, but a little too slowly."),
    "insufficient_progress": N_("Pace ratio from 0 to 0.60: growing far too slowly."),
    "moving_away": N_("Pace ratio below 0: moving in the wrong direction."),
    "not_assessable": N_("Too few figures to judge; the note says which are missing."),
}


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


def why_text(field: str, reason: str, lang: str = "en") -> str:
    """Why a figure is blank: `Expected date reached: no baseline.`"""
    return f"{figure_name(field, lang)}{colon(lang)}{why_reason(reason, lang)}" + (
        "。" if lang == "zh" else "."
    )


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


def _decimal(value: float, pattern: str, lang: str) -> str:
    """Babel's format_decimal with the pattern and locale parsed once, not per number: a
    province report formats tens of thousands of numbers, and parsing was most of its cost."""
    return str(_pattern(pattern).apply(value, _locale(lang)))


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


def scaled(value: float | None, unit: str = "", lang: str = "en") -> str:
    """A figure in readable units: 2.5 bn pairs, 2 m pieces, 206 firms; 25亿双, 200万件, 206家."""
    if value is None:
        return DASH
    divisor, suffix = scale_for(value, lang)
    if divisor > 1:
        text = _number(value / divisor, lang) + suffix
    else:
        whole = float(value).is_integer() or abs(value) >= 100
        text = _number(value, lang, 0 if whole else 2)
    if lang == "zh" and unit in UNITS:
        return text + unit_word(unit, lang)
    return f"{text} {unit}".strip()


def percent(value: float | None, digits: int = 1, lang: str = "en") -> str:
    """70.0 % in English, 70.0% in Chinese (CLDR spacing for each)."""
    if value is None:
        return DASH
    digits = faithful_digits(value, digits, (100.0,))  # 99.96 % is not 100.0 %: not met
    text = _decimal(value, "#,##0." + "0" * digits if digits else "#,##0", lang)
    return f"{text}%" if lang == "zh" else f"{text} %"


def rate(value: float | None, lang: str = "en") -> str:
    """A fraction as a percent a year: 0.031 -> +3.1 %/yr (+3.1%/年)."""
    if value is None:
        return DASH
    text = _decimal(100 * value, "+#,##0.0;-#,##0.0", lang)
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
