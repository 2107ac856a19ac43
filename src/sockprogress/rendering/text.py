"""Words and number formats for every output, in one place, per language (`en`, `zh`).

Every renderer asks here: `status_word(status, lang)`, `note_text(note, lang)`,
`scaled(value, unit, lang)`, `percent`, `rate`, `ratio`, `month_text`, `date_text`,
`period_text`. Templates and sheets never decide wording themselves. Digits and grouping come
from Babel (CLDR); the Chinese 亿/万 scaling is ours, since CLDR's compact forms round too hard.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from functools import lru_cache

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import NumberPattern, parse_pattern

from ..model import Issue, Note, Target
from ..periods import Month, parse_period
from .words import (
    BASIS,
    DEFAULT_LANG,
    FIGURE_NAMES,
    LABELS,
    LANGS,
    METHOD,
    NOTE_TEXT,
    STATUS_ICONS,
    STATUS_WORDS,
    UNITS_ZH,
    WHY_ZH,
    Lang,
)

LOCALES = {"en": "en", "zh": "zh_Hans_CN"}
HTML_LANG = {"en": "en", "zh": "zh-CN"}
DASH = "—"

__all__ = [
    "DEFAULT_LANG",
    "LANGS",
    "STATUS_ICONS",
    "date_text",
    "label",
    "month_text",
    "note_text",
    "percent",
    "period_text",
    "rate",
    "ratio",
    "scaled",
    "status_word",
]


def check_lang(lang: str) -> Lang:
    """The language code, or ValueError naming the choices."""
    if lang not in LANGS:
        raise ValueError(f"unknown language '{lang}'; choose from {', '.join(LANGS)}")
    return lang  # narrowed to Lang by the membership test


def label(key: str, lang: str = "en") -> str:
    return LABELS[check_lang(lang)][key]


def plural(key: str, n: int, lang: str = "en") -> str:
    """`1 target` / `3 targets`: the label `key_one` when there is one and it exists."""
    words = LABELS[check_lang(lang)]
    return words.get(f"{key}_one" if n == 1 else key, words[key]).format(n=n)


def status_word(status: str | None, lang: str = "en") -> str:
    return STATUS_WORDS[check_lang(lang)].get(status or "", "")


def note_text(note: Note, lang: str = "en") -> str:
    """A note in words; in Chinese its periods and dates read as 2025年6月."""
    params = dict(note.params)
    if lang == "zh":
        params = {
            k: (
                date_text(dt.date.fromisoformat(v), lang)
                if k == "deadline"
                else period_text(v, lang)
            )
            for k, v in params.items()
        }
    return NOTE_TEXT[check_lang(lang)][note.code].format(**params)


def paren(inner: str, lang: str = "en") -> str:
    """An aside in the language's brackets: ` (2021)` / `（2021年）`."""
    if not inner:
        return ""
    return f"（{inner}）" if lang == "zh" else f" ({inner})"


def joined(parts: Iterable[str], lang: str = "en") -> str:
    """Items joined by the language's comma: `a, b` / `a，b`."""
    return ("，" if lang == "zh" else ", ").join(p for p in parts if p)


def goal_note(target: Target, lang: str = "en") -> str:
    """What a reader must know about the goal itself (its scope), in the language if given."""
    if lang == "zh" and target.note_zh:
        return target.note_zh
    return target.note or ""


def goal_text(target: Target, lang: str = "en") -> str:
    """`5 bn pairs by 31 Dec 2025` / `2025年12月31日前达到50亿双`."""
    return label("goal_by", lang).format(
        goal=scaled(target.target, target.unit, lang), deadline=date_text(target.deadline, lang)
    )


def why_reason(reason: str, lang: str = "en") -> str:
    """Why one figure is blank, in the language (judging writes the reasons in English)."""
    return WHY_ZH.get(reason, reason) if lang == "zh" else reason


def why_text(field: str, reason: str, lang: str = "en") -> str:
    """Why a figure is blank: `eta: no baseline.`"""
    if lang == "zh":
        return f"{FIGURE_NAMES['zh'].get(field, field)}：{WHY_ZH.get(reason, reason)}。"
    return f"{field}: {reason}."


# The label of each figure of method.md, as the cards name it.
FIGURE_LABELS = {
    "share_of_target_pct": "progress",
    "gap": "gap",
    "gap_closed_pct": "gap_closed",
    "time_elapsed_pct": "time_elapsed",
    "actual_cagr": "actual_growth",
    "required_cagr": "required_growth",
    "required_cagr_from_latest": "needed_from_latest",
    "pace_ratio": "pace_ratio",
    "pace_category": "pace_ratio",
    "projected_at_deadline": "projected",
    "eta": "eta",
    "schedule_gap_pts": "schedule",
}


def figure_name(field: str, lang: str = "en") -> str:
    """A figure's name as the cards label it: `Time elapsed` / `时间进度`."""
    return label(FIGURE_LABELS[field], lang) if field in FIGURE_LABELS else field


def basis_word(basis: str | None, lang: str = "en") -> str:
    return BASIS[check_lang(lang)].get(basis or "", basis or "")


def method_paragraphs(lang: str = "en") -> tuple[str, ...]:
    return METHOD[check_lang(lang)]


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
    return UNITS_ZH.get(unit, unit) if lang == "zh" else unit


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
        # A figure below 0.01 keeps two significant digits: 0.004, never "0".
        small = 0 < abs(value) < 0.01
        digits = min(12, 1 - math.floor(math.log10(abs(value)))) if small else 2
        text = _number(value, lang, 0 if whole else digits)
    if lang == "zh" and unit in UNITS_ZH:
        return text + UNITS_ZH[unit]
    return f"{text} {unit}".strip()


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
    """A fraction as a percent a year: 0.031 -> +3.1 %/yr (+3.1%/年)."""
    if value is None:
        return DASH
    text = _decimal(100 * value, "+#,##0.0;-#,##0.0", lang)
    if value and round(100 * value, 1) == 0:  # a pace, however slow, is not zero
        text = ("-" if value < 0 else "+") + "<0.1"
    return f"{text}%/年" if lang == "zh" else f"{text} %/yr"


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
    """Where a data issue sits: `actuals.xlsx, sheet Actuals, row 14` / `…，第14行`."""
    if lang != "zh":
        return issue.where()
    parts = [issue.file] if issue.file else []
    if issue.sheet:
        parts.append(f"工作表 {issue.sheet}")
    if issue.row is not None:
        parts.append(f"第{issue.row}行")
    if issue.column:
        parts.append(f"{issue.column} 列")
    return "，".join(parts)


def target_name(target: Target, lang: str = "en") -> str:
    return (target.name_zh or target.name) if lang == "zh" else target.name


def region_name(region: str, regions_zh: Iterable[tuple[str, str]], lang: str = "en") -> str:
    return dict(regions_zh).get(region, region) if lang == "zh" else region
