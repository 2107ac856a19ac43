"""Turn raw cells into clean values, one distinct cell value at a time.

A province's sheet has hundreds of thousands of rows but few distinct regions, indicators,
periods and bases, so each distinct value is parsed once and the result mapped back.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass

from ..model import FLAGS
from ..periods import EXCEL_EPOCH, FIRST_YEAR, LAST_YEAR, Period, PeriodError, parse_period
from ..words.words import english_issue
from .limits import MAX_NUMBER, MIN_NUMBER, out_of_range

_THOUSANDS = re.compile(r"[+]?\d{1,3}(,\d{3})+(\.\d+)?")
_CN_UNIT = re.compile(r"([+]?\d+(?:\.\d+)?)\s*(亿|万)")
# The Chinese scales a figure or a unit is written with (35亿, 亿元, 千万元), by their factor.
CN_SCALES = {
    "万": 10**4, "十万": 10**5, "百万": 10**6, "千万": 10**7,
    "亿": 10**8, "十亿": 10**9, "百亿": 10**10, "千亿": 10**11, "万亿": 10**12,
}  # fmt: skip
# Words that scale a figure, not name its unit: "3.5 bn" is no 3.5 with a unit left off. (万
# and 亿 after a figure are read: 35亿.)
_MAGNITUDES = frozenset(
    {"k", "m", "mn", "mio", "b", "bn", "tn", "thousand", "million", "billion", "trillion"}
    | {"十", "百", "千"}
    | (CN_SCALES.keys() - {"万", "亿"})
)
# A figure with its unit written after it (21亿元, 210户, 210 firms).
_WITH_UNIT = re.compile(r"([+]?\d+(?:\.\d+)?\s*(?:亿|万)?)\s*([^\W\d_]{1,12})")
_NEAR_MONTH = re.compile(r"(\d{4})\s*[/.年-]\s*(\d{1,2})\s*月?")


def typed_with_scale(text: str) -> bool:
    """A figure written with 万 or 亿 after it (35亿), which is read in full (3500000000)."""
    return _CN_UNIT.fullmatch(text.strip()) is not None


# A unit with its scale in it (亿元, 万元): real bulletins state a goal so, and every figure of
# the series in it (36 for 36亿元).
_UNIT_SCALE = re.compile(r"(?P<scale>[十百千万]?亿|[十百千]?万)\S")


def unit_scale(unit: str) -> int | None:
    """What a unit with its scale in it counts in (亿元: 10^8), None for any other unit. A figure
    typed with 万 or 亿 is read in full, and so is no figure of such a unit (33亿 of a series
    in 亿元 would be 33亿亿元): `actuals add` and the reader refuse it, with the figure to type."""
    scale = _UNIT_SCALE.match(unit)
    return CN_SCALES[scale["scale"]] if scale else None


class CellProblem(ValueError):
    """A cell that cannot be used; the row is left out.

    Made with a data issue's `code` and `params` only: its message is the catalogue's English
    sentence for them (words.english_issue), and a report says it in its reader's words.
    """

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = tuple((k, str(v)) for k, v in params.items())
        super().__init__(english_issue(code, self.params))


# Characters that show as nothing but make two names differ: NFKC keeps them all.
INVISIBLE = {
    "\u00ad": "soft hyphen U+00AD",
    "\u180e": "Mongolian vowel separator U+180E",
    "\u200b": "zero-width space U+200B",
    "\u200c": "zero-width non-joiner U+200C",
    "\u200d": "zero-width joiner U+200D",
    "\u200e": "left-to-right mark U+200E",
    "\u200f": "right-to-left mark U+200F",
    "\u202a": "direction embedding U+202A",
    "\u202b": "direction embedding U+202B",
    "\u202c": "direction formatting end U+202C",
    "\u202d": "direction override U+202D",
    "\u202e": "direction override U+202E",
    "\u2060": "word joiner U+2060",
    "\u2066": "direction isolate U+2066",
    "\u2067": "direction isolate U+2067",
    "\u2068": "direction isolate U+2068",
    "\u2069": "direction isolate end U+2069",
    "\ufeff": "byte-order mark U+FEFF",
}
_INVISIBLE = re.compile("[" + "".join(INVISIBLE) + "]")


def invisible_in(text: str) -> list[str]:
    """The invisible characters in text, named, in order of first appearance."""
    return [INVISIBLE[c] for c in dict.fromkeys(_INVISIBLE.findall(text))]


def fold_name(value: object) -> str:
    """A region, indicator or id as both files are matched on: NFKC, invisible characters
    removed, white space collapsed; a whole number (a region code, 211000) as its digits."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        value = int(value)
    raw = str(value)
    return " ".join(_INVISIBLE.sub("", unicodedata.normalize("NFKC", raw)).split())


def clean_name(value: object) -> tuple[str, bool]:
    """Region or indicator text, folded (fold_name); True when folding changed the text."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        raise CellProblem("empty_cell")
    if isinstance(value, bool):
        raise CellProblem("name_yes_no", value=str(value).upper())
    folded = fold_name(value)
    if not folded:
        raise CellProblem("empty_cell")
    return folded, isinstance(value, str) and folded != value


def clean_period(value: object) -> Period:
    """A year, month or date; a near miss like `2025/6` is flagged with the spelling to use."""
    if value is None or value == "":
        raise CellProblem("period_empty")
    try:
        return parse_period(value)
    except PeriodError as exc:
        code, params = exc.code, dict(exc.params)
    # Only the message is helped: a period is never guessed, since 25-06 could mean 2025-06
    # or June 2025's 25th and a wrong period silently moves a figure in time.
    if isinstance(value, str) and (m := _NEAR_MONTH.fullmatch(value.strip())):
        year, month = int(m[1]), int(m[2])
        if 1 <= month <= 12 and value.strip() != f"{year:04d}-{month:02d}":
            code, params = "period_near_miss", {"value": value, "month": f"{year:04d}-{month:02d}"}
    if isinstance(value, float) and FIRST_YEAR <= value < LAST_YEAR + 1 and value % 1:
        # 2026.10 typed in a cell of General format is stored as the number 2026.1: January
        # or October, nobody can tell (a newcomer's find: it was "not a valid period")
        code, params = "period_decimal", {"value": f"{value:g}", "year": str(int(value))}
    elif (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and DATE_SERIALS[0] <= value <= DATE_SERIALS[1]
        and float(value).is_integer()
    ):
        # a date whose cell was set to General or Number shows, and is stored, as its serial
        # number: "'45000.0' is not a period" (a fuzz audit's find); which date it is, is said
        day = EXCEL_EPOCH + dt.timedelta(days=int(value))
        code, params = (
            "period_date_serial",
            {"value": f"{value:.0f}", "date": day.isoformat(), "month": day.strftime("%Y-%m")},
        )
    raise CellProblem(code, **params)


# The serial numbers (days from EXCEL_EPOCH) of the dates a period may fall on: 1 January
# 1950 to 31 December 2100.
DATE_SERIALS = (18264, 73415)


# The basis of a month row: "" or "month" (that month's amount), "ytd" (January through that
# month), "rate" (an annual rate stated at that month without a calendar year, "年产26亿双").
BASES = ("", "month", "ytd", "rate")
# The same bases in the glossary's words, as the dropdown of a workbook from `init --lang zh`
# offers them (the first of each), and the shorter forms people write. Read after NFKC, so
# 年产规模（未注明年份） with full-width brackets is the fourth; the reports say the basis
# 未注明年份的年产规模, which reads back too.
BASES_ZH = {
    "当月数": "month",
    "累计数": "ytd",
    "年产规模": "rate",
    "年产规模(未注明年份)": "rate",
    "未注明年份的年产规模": "rate",
    "当月": "month",
    "累计": "ytd",
}
# The same flags in Chinese, as a sheet from `init --lang zh` writes them (the first of each)
# and the other forms read as the same.
FLAGS_ZH = {
    "月份为推定": "month_presumed",
    "月份推定": "month_presumed",
    "取下限值": "lower_bound",
    "按下限录入": "lower_bound",
    "下限": "lower_bound",
    "原文为约数": "approximate",
    "约数": "approximate",
    "据转载": "repost",
    "未见原始报道": "repost",
    "原文未找到": "repost",
    "转载": "repost",
    "据外文版": "foreign_edition",
    "外文版": "foreign_edition",
}
FLAGS_WRITTEN_ZH = {code: word for word, code in reversed(FLAGS_ZH.items())}
_FLAG_SPLIT = re.compile(r"[,;、]+")


def clean_flags(value: object) -> str:
    """The flag codes of a cell, in FLAGS order and joined by commas ("" if blank): codes,
    their Chinese words, or the codes with spaces ("month presumed"), one from the next by a
    comma, a semicolon or 、; anything else is a problem of the cell."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value)).strip().lower()
    codes = set()
    for part in _FLAG_SPLIT.split(text):
        token = part.strip()
        if not token:
            continue
        code = FLAGS_ZH.get(token, re.sub(r"[\s-]+", "_", token))
        if code not in FLAGS:
            raise CellProblem("flag_unknown", value=value, flag=token)
        codes.add(code)
    return ",".join(f for f in FLAGS if f in codes)


# The basis as a Chinese sheet writes it: the first Chinese word of each (当月数, 累计数, 年产规模).
BASES_WRITTEN_ZH = {code: word for word, code in reversed(BASES_ZH.items())}


def clean_basis(value: object) -> str:
    """The basis code of a cell: month, ytd or rate (or 当月数, 累计数, 年产规模), "" if blank."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value)).strip().lower()
    text = BASES_ZH.get(text, text)
    if text in BASES:
        return text
    raise CellProblem("basis_unknown", value=value)


# The bases of a month row whose figure may be 0 (zero_allowed): its own amount, or 1—N月.
ZERO_BASES = frozenset({"", "month", "ytd"})


def zero_allowed(kind: str, basis: str) -> bool:
    """Whether a figure of 0 is a figure: a month's own amount (basis month, or none) or a
    year-to-date sum, of a month in which nothing was made (a Spring Festival stop, a plant
    shut). Any other figure (a level, a year's total, an annual rate) is measured above zero."""
    return kind == "month" and basis in ZERO_BASES


def clean_value(value: object) -> tuple[float, TextNote | None]:
    """A number of zero or above (0 only where `zero_allowed`, which the caller decides with
    the row's period and basis); text is read only when unambiguous, and then a warning says
    how."""
    if isinstance(value, bool):
        raise CellProblem("value_not_a_number", value=value)
    if isinstance(value, dt.date | dt.datetime | dt.time):
        raise CellProblem("value_is_date", value=value)
    if value is None or value == "":
        raise CellProblem("value_empty")
    note = None
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = unicodedata.normalize("NFKC", str(value)).strip()
        number, note = _parse_text(str(value), text)
    if math.isnan(number) or math.isinf(number):
        raise CellProblem("value_not_finite", value=value)
    if number < 0:
        raise CellProblem("value_not_positive", value=f"{number:g}")
    if number and (side := out_of_range(number)):
        raise CellProblem(
            "value_out_of_range",
            value=f"{number:g}",
            low=f"{MIN_NUMBER:g}",
            high=f"{MAX_NUMBER:g}",
            side=side,
        )
    return number, note


@dataclass(frozen=True)
class TextNote:
    """How a number stored as text was read: the warning the row gets (its code, the cell's
    text and the number read, as `g` writes it)."""

    code: str
    value: str
    number: str


def _parse_text(raw: str, text: str) -> tuple[float, TextNote]:
    try:
        number = float(text)
        return number, TextNote("value_number_as_text", raw, f"{number:.15g}")
    except ValueError:
        pass
    if _THOUSANDS.fullmatch(text):
        number = float(text.replace(",", ""))
        return number, TextNote("value_as_text", raw, f"{number:.15g}")
    if m := _CN_UNIT.fullmatch(text):
        number = float(m[1]) * CN_SCALES[m[2]]
        return number, TextNote("value_as_text", raw, f"{number:.15g}")
    if (m := _WITH_UNIT.fullmatch(text)) and m[2].lower() not in _MAGNITUDES:
        # 21亿元, 210户: the unit is the targets file's, the cell takes the number alone
        raise CellProblem("value_with_unit", value=raw, number=m[1].replace(" ", ""))
    raise CellProblem("value_not_number", value=raw)


# Excel's error values: a cell holding one (or its text, as a CSV file or a pasted copy keeps
# it) is a broken formula, never a region, a period or a source.
ERROR_VALUES = frozenset(
    {
        "#NULL!",
        "#DIV/0!",
        "#VALUE!",
        "#REF!",
        "#NAME?",
        "#NUM!",
        "#N/A",
        "#GETTING_DATA",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
    }
)


def is_error_value(text: str) -> bool:
    """Is this text one of Excel's error values (#REF!, #N/A), as names are matched?"""
    return fold_name(text).upper() in ERROR_VALUES
