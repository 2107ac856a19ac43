"""Read and validate targets.toml: the goals, and optional context indicators and region names."""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import json
import re
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Baseline, Indicator, ReportInfo, Target, TargetsFile
from ..periods import FIRST_YEAR, LAST_YEAR, PeriodError, parse_period
from ..words import N_
from ..words.messages import TOML_REASONS
from ..words.words import coded_issue
from .cells import CN_SCALES, CellProblem, clean_name, unit_scale
from .limits import MAX_NUMBER, MIN_NUMBER, out_of_range
from .names import names_of
from .safety import read_regular_file

REQUIRED = ("id", "region", "indicator", "unit", "kind", "direction", "target")
# A goal's date: exactly one of `deadline` (a date) and `year` (a year goal, 年度目标: the
# deadline is 31 December of that year and only that year's figures count for it).
WHEN = ("deadline", "year")
OPTIONAL = (
    *WHEN,
    "name",  # or name_zh alone: an office that writes its goals in Chinese (one of them)
    "baseline",
    "source",
    "source_zh",
    "name_zh",
    "region_zh",
    "plan",
    "plan_zh",
    "note",
    "note_zh",
)
BASELINE_KEYS = ("period", "value")
INDICATOR_KEYS = ("indicator", "name", "unit", "name_zh", "note")
REGION_KEYS = ("region", "name_zh", "note")
TOP_KEYS = ("targets", "indicators", "regions")
# The [report] table: a single table, not a list of them.
REPORT_KEYS = ("title", "title_zh", "issuer", "issuer_zh")
# Names and codes that must match the Actuals sheet: folded the same way as its cells.
MATCHED_KEYS = ("id", "region", "indicator")
MAX_FILE_BYTES = 10 * 1024**2  # thousands of goals fit in a few hundred kilobytes
MAX_TEXT = 10_000  # characters in one text value (a note); a name is far shorter
MAX_ENTRIES = 100_000
KINDS = ("level", "annual_total")
DIRECTIONS = ("increase", "decrease")
# A direction as a Chinese office writes it (direction = "增加": a newcomer's was refused).
DIRECTIONS_ZH = {
    "增加": "increase",
    "增长": "increase",
    "提高": "increase",
    "减少": "decrease",
    "下降": "decrease",
    "降低": "decrease",
}


WIDE_QUOTES = frozenset("“”‘’\uff02\uff07「『")  # and the full-width " and '
_AS_TEXT = re.compile(r"(\d+(?:\.\d+)?)(亿|万)?")


def _as_digits(text: str, unit: str = "") -> str | None:
    """A number written as text (`45亿`, `4,000,000,000`, `300`) in TOML's digits
    (`4_500_000_000`), in `unit`: 343.2亿 of a goal in 亿元 is 343.2 (cells.unit_scale); None
    for text that is not one."""
    m = _AS_TEXT.fullmatch(text.strip().replace(",", "").replace("_", "").replace(" ", ""))
    if m is None or len(text) > 40:
        return None
    number = Decimal(m[1]) * CN_SCALES.get(m[2] or "", 1)
    if m[2] and (scale := unit_scale(unit)):
        number /= scale
    if number == number.to_integral_value():
        return f"{int(number):_}"
    return format(number.normalize(), "f")


def _show(value: Any) -> str:
    """A value for a message as the targets file writes it (`"2026年12月31日"`, `true`,
    `2025-12-31`, `[1, 2]`), cut short (a hostile file may hold megabytes). Python's repr
    quoted a text '2026年12月31日', as no TOML file or Chinese sentence does (a county
    newcomer's find)."""
    text = _as_toml(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _as_toml(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a TOML basic string, escapes alike
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date | dt.time):  # a datetime is a date
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_as_toml(v) for v in value[:20]) + "]"
    if isinstance(value, dict):
        pairs = (f"{k} = {_as_toml(v)}" for k, v in list(value.items())[:20])
        return "{ " + ", ".join(pairs) + " }"
    return str(value)


def _closest(word: str, choices: tuple[str, ...]) -> str:
    """The choice `word` may be a slip for, or ""."""
    match = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return match[0] if match else ""


# Where in the targets file an error is: a phrase (`where`) said in the reader's words.
WHERE = {
    ("target", False): N_("{file}, target {index}"),
    ("target", True): N_("{file}, target {index} (id {id})"),
    ("indicator", False): N_("{file}, indicator {index}"),
    ("indicator", True): N_("{file}, indicator {index} (id {id})"),
    ("region", False): N_("{file}, region {index}"),
    ("region", True): N_("{file}, region {index} (id {id})"),
    ("report", False): N_("{file}, [report]"),
    ("report", True): N_("{file}, [report]"),
}


class _Table:
    """One [[targets]] entry with the context its error messages need."""

    def __init__(self, file: str, section: str, index: int, data: Any) -> None:
        self.file, self.index, self.ident = file, index, ""
        self.where = WHERE[section, False]
        if not isinstance(data, dict):
            raise self.error("targets_not_table")
        ident = data.get("id") or data.get("indicator") or data.get("region")
        if isinstance(ident, str | int) and not isinstance(ident, bool) and len(str(ident)) <= 100:
            self.ident = str(ident)
        if self.ident:
            self.where = WHERE[section, True]
        self.data: dict[str, Any] = data

    def error(self, code: str, **params: Any) -> InputError:
        """The error `code` at this entry (`where`: the file, the entry and its id)."""
        return InputError(
            code=code, where=self.where, file=self.file, index=self.index, id=self.ident, **params
        )

    def check_keys(self, allowed: tuple[str, ...], required: tuple[str, ...]) -> None:
        for key in self.data:
            if key not in allowed:
                close = _closest(key, allowed)
                code = "targets_unknown_key_close" if close else "targets_unknown_key"
                raise self.error(code, key=key, close=close)
        for key in required:
            if key not in self.data:
                raise self.error("targets_missing_key", key=key)

    def text(self, key: str, required: bool = True) -> str | None:
        value = self.data.get(key)
        if value is None and not required:
            return None
        if key in MATCHED_KEYS and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # a region code typed as a number matches its text form
        if not isinstance(value, str) or not value.strip():
            raise self.error("targets_not_text", key=key, value=_show(value))
        if len(value) > MAX_TEXT:
            raise self.error(
                "targets_text_too_long", key=key, length=f"{len(value):,}", limit=f"{MAX_TEXT:,}"
            )
        if key in MATCHED_KEYS:
            try:
                return clean_name(value)[0]
            except CellProblem:
                raise self.error("targets_not_text", key=key, value=_show(value)) from None
        return value.strip()

    def choice(
        self, key: str, choices: tuple[str, str], chinese: dict[str, str] | None = None
    ) -> str:
        """One of two `choices`, or its Chinese word (`chinese`: word -> choice)."""
        value = self.text(key)
        if chinese and isinstance(value, str) and value.strip() in chinese:
            return chinese[value.strip()]
        if value not in choices:
            close = _closest(str(value), choices)
            raise self.error(
                "targets_not_choice_close" if close else "targets_not_choice",
                key=key,
                first=choices[0],
                second=choices[1],
                value=value,
                close=close,
            )
        return str(value)

    def number(self, key: str, value: Any, unit: object = "") -> float:
        """A number of the table (`unit`: the goal's, which a figure typed with 亿 is read in)."""
        if isinstance(value, str) and (digits := _as_digits(value, str(unit))):
            # "45亿" or "4,000,000,000" in quotes: the number it means, as TOML writes it
            raise self.error("targets_number_as_text", key=key, text=value.strip(), digits=digits)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.error("targets_not_number", key=key, value=_show(value))
        if not value > 0 or value != value:
            raise self.error("targets_not_positive", key=key, value=_show(value))
        try:
            number = float(value)
        except OverflowError:  # an integer of hundreds of digits
            number = float("inf")
        side = out_of_range(number)
        if side == "nan":
            raise self.error("targets_not_finite", key=key)
        if side:
            raise self.error(
                "targets_too_large" if side == "high" else "targets_too_small",
                key=key,
                value=f"{number:g}",
                low=f"{MIN_NUMBER:g}",
                high=f"{MAX_NUMBER:g}",
            )
        return number

    def date(self, key: str) -> dt.date:
        value = self.data.get(key)
        day: dt.date | None = None
        if isinstance(value, dt.datetime):
            day = value.date()
        elif isinstance(value, dt.date):
            day = value
        elif isinstance(value, str) and len(value) < 40:
            with contextlib.suppress(ValueError):
                day = dt.date.fromisoformat(value.strip())
        if day is None:
            raise self.error("targets_not_date", key=key, value=_show(value))
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise self.error(
                "targets_date_range",
                key=key,
                day=day.isoformat(),
                first=FIRST_YEAR,
                last=LAST_YEAR,
            )
        return day

    def deadline(self) -> tuple[dt.date, int | None]:
        """The deadline and, for a year goal, its year: exactly one of the two keys is given."""
        given = [key for key in WHEN if key in self.data]
        if not given:
            raise self.error("targets_no_deadline")
        if len(given) == 2:
            raise self.error("targets_deadline_and_year", value=_show(self.data["year"]))
        if given == ["deadline"]:
            return self.date("deadline"), None
        value = self.data["year"]
        if isinstance(value, str) and re.fullmatch(r"\s*\d{4}\s*", value):
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error("targets_year_not_year", value=_show(value))
        if not FIRST_YEAR <= value <= LAST_YEAR:
            raise self.error("targets_year_range", year=value, first=FIRST_YEAR, last=LAST_YEAR)
        if self.data.get("kind") != "annual_total":
            raise self.error("targets_year_level", year=value)
        return dt.date(value, 12, 31), value


def _baseline(table: _Table) -> Baseline | None:
    raw = table.data.get("baseline")
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise table.error("targets_baseline_not_table")
    for key in raw:
        if key not in BASELINE_KEYS:
            close = _closest(key, BASELINE_KEYS)
            code = "targets_unknown_key_close" if close else "targets_unknown_key"
            raise table.error(code, key=f"baseline.{key}", close=close)
    if "period" not in raw:
        raise table.error("targets_missing_key", key="baseline.period")
    period = raw["period"]
    if isinstance(period, int) and not isinstance(period, bool):
        period = str(period)
    if not isinstance(period, str | dt.date) or len(str(period)) > 40:
        raise table.error("targets_baseline_period_type", value=_show(period))
    try:
        text = parse_period(period).text
    except PeriodError as exc:
        problem = coded_issue("error", exc.code, exc.params)
        raise table.error("targets_baseline_period", problem=problem) from None
    value = raw.get("value")
    unit = table.data.get("unit", "")
    return Baseline(text, None if value is None else table.number("baseline.value", value, unit))


def _target(table: _Table) -> Target:
    table.check_keys(REQUIRED + OPTIONAL, REQUIRED)
    if "name" not in table.data and "name_zh" not in table.data:
        raise table.error("targets_missing_key", key="name")
    name_zh = table.text("name_zh", required=False)
    kind = table.choice("kind", KINDS)
    deadline, year = table.deadline()
    baseline = _baseline(table)
    target = Target(
        id=str(table.text("id")),
        region=str(table.text("region")),
        indicator=str(table.text("indicator")),
        # a goal named in Chinese alone is named so in English too (as a name the file does
        # not translate is: `report` notes it)
        name=str(table.text("name") if "name" in table.data else name_zh),
        unit=str(table.text("unit")),
        kind=kind,  # type: ignore[arg-type]
        direction=table.choice("direction", DIRECTIONS, DIRECTIONS_ZH),  # type: ignore[arg-type]
        target=table.number("target", table.data["target"], table.data.get("unit", "")),
        deadline=deadline,
        baseline=baseline,
        source=table.text("source", required=False),
        name_zh=name_zh,
        region_zh=table.text("region_zh", required=False),
        plan=table.text("plan", required=False),
        source_zh=table.text("source_zh", required=False),
        plan_zh=table.text("plan_zh", required=False),
        note=table.text("note", required=False),
        note_zh=table.text("note_zh", required=False),
        year=year,
    )
    if baseline is not None:
        base_end = parse_period(baseline.period).end
        if target.deadline <= base_end:
            raise table.error(
                "targets_deadline_before_baseline",
                deadline=target.deadline.isoformat(),
                period=baseline.period,
            )
    # A target equal to its baseline is a goal to hold a level (保持): judged, with the figures
    # it leaves undefined (gap closed, pace) blank and their reasons given, as the method says.
    return target


# Keys whose value is text, and keys whose value is a number, as a syntax error names them.
TEXT_KEYS = frozenset((*REQUIRED, *OPTIONAL, *INDICATOR_KEYS, *REGION_KEYS)) - {
    "target",
    "deadline",
    "year",
    "baseline",
}
NUMBER_KEYS = frozenset({"target", "year"})
_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)")
_KEY = re.compile(r"\s*([A-Za-z0-9_-]+)\s*=")


_UNIT_LINE = re.compile(r'\s*unit\s*=\s*"([^"]*)"')
_YEAR = re.compile(r"\D*(\d{4})\D*")


def _number_error(name: str, lines: list[str], line: int, key: str, typed: str) -> InputError:
    """A number written with 亿, 万 or 年 (TOML has no such number): the digits to write, in the
    goal's unit (target = 343.2亿 with unit = "亿元" is target = 343.2, a newcomer's find: the
    message said 34_320_000_000), or the year in digits (year = 2026年 is year = 2026)."""
    typed = typed.split("#")[0].strip()
    if key == "year":  # its four digits, or a year for an example
        year = _YEAR.fullmatch(typed)
        return InputError(
            code="targets_toml_year", file=name, line=line, year=year[1] if year else 2026
        )
    # the unit of the table the line is in: between the headers ([[targets]]) before and after
    start = next((i for i in range(line - 1, -1, -1) if lines[i].lstrip().startswith("[")), 0)
    end = next((i for i in range(line, len(lines)) if lines[i].lstrip().startswith("[")), None)
    unit = next((m[1] for t in lines[start:end] if (m := _UNIT_LINE.match(t))), "")
    digits = _as_digits(typed.strip("\"'“”"), unit) if key == "target" else None
    if digits is None:
        return InputError(code="targets_toml_number", file=name, line=line, key=key)
    return InputError(code="targets_toml_number_digits", file=name, line=line, digits=digits)


def _syntax_error(name: str, text: str, exc: tomllib.TOMLDecodeError) -> InputError:
    """A TOML syntax error in plain words: the line, and what to write there.

    A deadline written as 2025-12 (not a TOML date) says how a deadline is written; a text
    without quotes or a number written with 亿 says so; otherwise the parser's point is said
    in plain words (words/messages.py TOML_REASONS), or as the parser gives it.
    """
    said = str(exc)
    m = _AT.search(said)
    parser = said[: m.start()] if m else _AT.sub("", said).split(" (at end")[0]
    reason = next((r for r in TOML_REASONS if parser.startswith(r)), None)
    phrase = TOML_REASONS[reason] if reason else parser
    if m is None:
        return InputError(code="targets_toml_syntax_end", file=name, reason=phrase)
    line, column = int(m[1]), int(m[2])
    lines = text.splitlines()
    key = _KEY.match(lines[line - 1]) if line <= len(lines) else None
    if key and key[1] == "deadline":
        return InputError(code="targets_toml_deadline", file=name, line=line)
    if key and key[1] in NUMBER_KEYS:
        return _number_error(name, lines, line, key[1], lines[line - 1][key.end() :])
    if key and key[1] in TEXT_KEYS and reason == "Invalid value":
        value = lines[line - 1][key.end() :].lstrip(" \t=")
        # “…” typed by a Chinese input method: TOML knows only the straight quote
        code = "targets_toml_wide_quotes" if value[:1] in WIDE_QUOTES else "targets_toml_text"
        return InputError(code=code, file=name, line=line, key=key[1])
    return InputError(
        code="targets_toml_syntax", file=name, line=line, column=column, reason=phrase
    )


def _parse(path: Path) -> dict[str, Any]:
    name = path.name
    raw = read_regular_file(path, MAX_FILE_BYTES, N_("a targets file"))
    if raw[:4] == b"PK\x03\x04":  # a zip: the workbook given for the targets file
        raise InputError(code="targets_is_workbook", file=name)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(code="targets_not_utf8", file=name, line=line) from None
    try:
        return tomllib.loads(text)
    except RecursionError:  # arrays or tables nested thousands deep
        raise InputError(code="targets_nested", file=name) from None
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(name, text, exc) from None


def _report_info(name: str, data: dict[str, Any]) -> ReportInfo:
    """The [report] table: the report's title and issuer in each language, all optional."""
    if "report" not in data:
        return ReportInfo()
    table = _Table(name, "report", 1, data["report"])
    table.check_keys(REPORT_KEYS, ())
    return ReportInfo(*(table.text(key, required=False) for key in REPORT_KEYS))


def load_targets(path: Path, goals_required: bool = True) -> TargetsFile:
    """Read targets.toml; any problem raises InputError naming file, entry and key.

    A file without a goal (as `init --blank` writes it) is refused unless `goals_required` is
    False: a report needs goals, while `actuals add` and `actuals refresh` need only the names.
    """
    data = _parse(path)
    name = path.name
    for key in data:
        if key not in (*TOP_KEYS, "report"):
            close = _closest(key, (*TOP_KEYS, "report"))
            code = "targets_unknown_top_key_close" if close else "targets_unknown_top_key"
            raise InputError(code=code, file=name, key=key, close=close)
    entries = data.get("targets", [] if not goals_required else None)
    if not isinstance(entries, list) or (goals_required and not entries):
        raise InputError(code="targets_none", file=name)
    for key in TOP_KEYS:
        listed = data.get(key, [])
        if not isinstance(listed, list):
            raise InputError(code="targets_not_list", file=name, key=key)
        if len(listed) > MAX_ENTRIES:
            raise InputError(code="targets_too_many", file=name, key=key, count=f"{len(listed):,}")
    targets = tuple(_target(_Table(name, "target", i, e)) for i, e in enumerate(entries, 1))
    seen: dict[str, int] = {}
    for i, t in enumerate(targets, 1):
        if t.id in seen:
            raise InputError(
                code="targets_duplicate_id", file=name, index=i, id=t.id, other=seen[t.id]
            )
        seen[t.id] = i
    indicators = []
    for i, e in enumerate(data.get("indicators", []), 1):
        table = _Table(name, "indicator", i, e)
        table.check_keys(INDICATOR_KEYS, ("indicator", "name"))
        indicators.append(
            Indicator(
                str(table.text("indicator")),
                str(table.text("name")),
                table.text("unit", required=False) or "",
                table.text("name_zh", required=False),
            )
        )
    regions = []
    listed = []
    for i, e in enumerate(data.get("regions", []), 1):
        table = _Table(name, "region", i, e)
        table.check_keys(REGION_KEYS, ("region",))
        listed.append(str(table.text("region")))
        zh = table.text("name_zh", required=False)
        if zh:
            regions.append((listed[-1], zh))
    regions += [(t.region, t.region_zh) for t in targets if t.region_zh]
    loaded = TargetsFile(
        targets,
        tuple(indicators),
        tuple(dict(regions).items()),
        info=_report_info(name, data),
        regions=tuple(dict.fromkeys(listed)),
    )
    names_of(loaded, name)  # a Chinese name standing for two codes is refused here, once
    return loaded
