"""Read and validate targets.toml: the goals, and optional context indicators and region names."""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import re
import tomllib
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Baseline, Indicator, Target, TargetsFile
from ..periods import FIRST_YEAR, LAST_YEAR, parse_period
from .cells import CellProblem, clean_name
from .limits import number_range_problem
from .names import names_of
from .safety import read_regular_file

REQUIRED = ("id", "region", "indicator", "name", "unit", "kind", "direction", "target")
# A goal's date: exactly one of `deadline` (a date) and `year` (a year goal, 年度目标: the
# deadline is 31 December of that year and only that year's figures count for it).
WHEN = ("deadline", "year")
OPTIONAL = (
    *WHEN,
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
# Names and codes that must match the Actuals sheet: folded the same way as its cells.
MATCHED_KEYS = ("id", "region", "indicator")
MAX_FILE_BYTES = 10 * 1024**2  # thousands of goals fit in a few hundred kilobytes
MAX_TEXT = 10_000  # characters in one text value (a note); a name is far shorter
MAX_ENTRIES = 100_000
KINDS = ("level", "annual_total")
DIRECTIONS = ("increase", "decrease")


def _show(value: Any) -> str:
    """A value for a message: its repr, cut short (a hostile file may hold megabytes)."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _closest(word: str, choices: tuple[str, ...]) -> str:
    match = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""


class _Table:
    """One [[targets]] entry with the context its error messages need."""

    def __init__(self, file: str, section: str, index: int, data: Any) -> None:
        if not isinstance(data, dict):
            raise InputError(f"{file}, {section} {index}: expected a table of keys")
        ident = data.get("id") or data.get("indicator") or data.get("region")
        if not isinstance(ident, str | int) or isinstance(ident, bool) or len(str(ident)) > 100:
            ident = None
        self.where = f"{file}, {section} {index}" + (f" (id {ident})" if ident else "")
        self.data: dict[str, Any] = data

    def check_keys(self, allowed: tuple[str, ...], required: tuple[str, ...]) -> None:
        for key in self.data:
            if key not in allowed:
                raise InputError(f"{self.where}: unknown key '{key}'{_closest(key, allowed)}")
        for key in required:
            if key not in self.data:
                raise InputError(f"{self.where}: missing key '{key}'")

    def text(self, key: str, required: bool = True) -> str | None:
        value = self.data.get(key)
        if value is None and not required:
            return None
        if key in MATCHED_KEYS and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # a region code typed as a number matches its text form
        if not isinstance(value, str) or not value.strip():
            raise InputError(f"{self.where}: '{key}' must be non-empty text, got {_show(value)}")
        if len(value) > MAX_TEXT:
            raise InputError(
                f"{self.where}: '{key}' is {len(value):,} characters long; "
                f"keep it under {MAX_TEXT:,}"
            )
        if key in MATCHED_KEYS:
            try:
                return clean_name(value)[0]
            except CellProblem:
                raise InputError(
                    f"{self.where}: '{key}' must be non-empty text, got {_show(value)}"
                ) from None
        return value.strip()

    def choice(self, key: str, choices: tuple[str, ...]) -> str:
        value = self.text(key)
        if value not in choices:
            options = " or ".join(f"'{c}'" for c in choices)
            raise InputError(
                f"{self.where}: '{key}' must be {options}, got '{value}'"
                f"{_closest(str(value), choices)}"
            )
        return str(value)

    def number(self, key: str, value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InputError(f"{self.where}: '{key}' must be a number, got {_show(value)}")
        if not value > 0 or value != value:
            raise InputError(f"{self.where}: '{key}' must be above zero, got {_show(value)}")
        try:
            number = float(value)
        except OverflowError:  # an integer of hundreds of digits
            number = float("inf")
        if problem := number_range_problem(number):
            raise InputError(f"{self.where}: '{key}' {problem}")
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
            raise InputError(
                f"{self.where}: '{key}' must be a date like 2025-12-31, got {_show(value)}"
            )
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise InputError(
                f"{self.where}: '{key}' {day.isoformat()} is not a plausible date; "
                f"use a year from {FIRST_YEAR} to {LAST_YEAR}"
            )
        return day

    def deadline(self) -> tuple[dt.date, int | None]:
        """The deadline and, for a year goal, its year: exactly one of the two keys is given."""
        given = [key for key in WHEN if key in self.data]
        if not given:
            raise InputError(
                f"{self.where}: missing key 'deadline' (a date like 2025-12-31), or 'year' "
                "(e.g. year = 2026) for a goal of one calendar year"
            )
        if len(given) == 2:
            raise InputError(
                f"{self.where}: give either 'deadline' or 'year', not both: 'year = "
                f"{_show(self.data['year'])}' already means the deadline 31 December of that year"
            )
        if given == ["deadline"]:
            return self.date("deadline"), None
        value = self.data["year"]
        if isinstance(value, str) and re.fullmatch(r"\s*\d{4}\s*", value):
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise InputError(
                f"{self.where}: 'year' must be a year like 2026 (a whole number), got "
                f"{_show(value)}"
            )
        if not FIRST_YEAR <= value <= LAST_YEAR:
            raise InputError(
                f"{self.where}: 'year' {value} is not a plausible year; use a year from "
                f"{FIRST_YEAR} to {LAST_YEAR}"
            )
        if self.data.get("kind") != "annual_total":
            raise InputError(
                f"{self.where}: 'year' is for a goal of one calendar year's total (kind = "
                '"annual_total"); a level goal takes a deadline, e.g. deadline = '
                f"{value}-12-31"
            )
        return dt.date(value, 12, 31), value


def _baseline(table: _Table) -> Baseline | None:
    raw = table.data.get("baseline")
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise InputError(
            f"{table.where}: 'baseline' must be a table like "
            '{{ period = "2021", value = 206 }}'
        )
    for key in raw:
        if key not in BASELINE_KEYS:
            raise InputError(
                f"{table.where}: unknown key 'baseline.{key}'{_closest(key, BASELINE_KEYS)}"
            )
    if "period" not in raw:
        raise InputError(f"{table.where}: missing key 'baseline.period'")
    period = raw["period"]
    if isinstance(period, int) and not isinstance(period, bool):
        period = str(period)
    try:
        if not isinstance(period, str | dt.date) or len(str(period)) > 40:
            raise ValueError(f'{_show(period)} is not a period; write a year like "2021"')
        text = parse_period(period).text
    except ValueError as exc:
        raise InputError(f"{table.where}: baseline.period: {exc}") from None
    value = raw.get("value")
    return Baseline(text, None if value is None else table.number("baseline.value", value))


def _target(table: _Table) -> Target:
    table.check_keys(REQUIRED + OPTIONAL, REQUIRED)
    kind = table.choice("kind", KINDS)
    deadline, year = table.deadline()
    baseline = _baseline(table)
    target = Target(
        id=str(table.text("id")),
        region=str(table.text("region")),
        indicator=str(table.text("indicator")),
        name=str(table.text("name")),
        unit=str(table.text("unit")),
        kind=kind,  # type: ignore[arg-type]
        direction=table.choice("direction", DIRECTIONS),  # type: ignore[arg-type]
        target=table.number("target", table.data["target"]),
        deadline=deadline,
        baseline=baseline,
        source=table.text("source", required=False),
        name_zh=table.text("name_zh", required=False),
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
            raise InputError(
                f"{table.where}: the deadline {target.deadline} is not after the "
                f"baseline period {baseline.period}"
            )
        if baseline.value is not None and baseline.value == target.target:
            raise InputError(
                f"{table.where}: the target equals the baseline value "
                f"({target.target:g}); there is no progress to measure"
            )
    return target


def _parse(path: Path) -> dict[str, Any]:
    name = path.name
    try:
        raw = read_regular_file(path, MAX_FILE_BYTES, "a targets file")
    except FileNotFoundError:
        raise InputError(f"{path}: file not found") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(f"{name}, line {line}: not UTF-8 text; save the file as UTF-8") from None
    try:
        return tomllib.loads(text)
    except RecursionError:  # arrays or tables nested thousands deep
        raise InputError(f"{name}: values are nested too deeply to be a targets file") from None
    except tomllib.TOMLDecodeError as exc:
        text = str(exc)
        if m := re.search(r"\s*\(at line (\d+), column (\d+)\)", text):
            what = text[: m.start()] + f" at column {m[2]}"
            raise InputError(f"{name}, line {m[1]}: TOML syntax error: {what}") from None
        raise InputError(f"{name}: TOML syntax error: {text}") from None


def load_targets(path: Path) -> TargetsFile:
    """Read targets.toml; any problem raises InputError naming file, entry and key."""
    data = _parse(path)
    name = path.name
    for key in data:
        if key not in TOP_KEYS:
            raise InputError(f"{name}: unknown top-level key '{key}'{_closest(key, TOP_KEYS)}")
    entries = data.get("targets")
    if not isinstance(entries, list) or not entries:
        raise InputError(f"{name}: no [[targets]] entries")
    for key in TOP_KEYS:
        listed = data.get(key, [])
        if not isinstance(listed, list):
            raise InputError(f"{name}: '{key}' must be a list of [[{key}]] tables")
        if len(listed) > MAX_ENTRIES:
            raise InputError(f"{name}: {len(listed):,} [[{key}]] entries is past the limit")
    targets = tuple(_target(_Table(name, "target", i, e)) for i, e in enumerate(entries, 1))
    seen: dict[str, int] = {}
    for i, t in enumerate(targets, 1):
        if t.id in seen:
            raise InputError(
                f"{name}, target {i}: duplicate id '{t.id}' (also target {seen[t.id]})"
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
    for i, e in enumerate(data.get("regions", []), 1):
        table = _Table(name, "region", i, e)
        table.check_keys(REGION_KEYS, ("region",))
        zh = table.text("name_zh", required=False)
        if zh:
            regions.append((str(table.text("region")), zh))
    regions += [(t.region, t.region_zh) for t in targets if t.region_zh]
    loaded = TargetsFile(targets, tuple(indicators), tuple(dict(regions).items()))
    try:
        names_of(loaded)  # a Chinese name standing for two codes is refused here, once
    except InputError as exc:
        raise InputError(f"{name}: {exc}") from None
    return loaded
