"""Append (or replace) one row of the Actuals table, keeping everything else in the workbook."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from dataclasses import replace as replace_fields
from pathlib import Path

import pandas as pd

from ..errors import InputError
from ..judging.judge import basis_on_level, judge
from ..model import SHEET, Actuals, Issue, Target, TargetsFile
from ..periods import Month, Period, span_read_at
from ..reading import read_actuals
from ..reading.actuals import Layout, sheet_layout
from ..reading.cells import (
    CellProblem,
    clean_basis,
    clean_flags,
    clean_name,
    clean_period,
    clean_value,
    is_error_value,
    typed_with_scale,
    unit_scale,
    zero_allowed,
)
from ..reading.names import NO_NAMES, Names, names_of
from ..reading.safety import check_workbook
from ..words import DEFAULT_LANG, LANGS, N_
from ..words.words import Words, coded_issue
from .newrow import NewRow
from .package import Cell, PackageEdit
from .plausible import PlausibilityRefusal, implausible, series_unit
from .safekeeping import (
    backup,
    editing,
    save_replacing,
)

# The most characters an Excel cell holds; longer text would be cut by Excel without a word.
MAX_CELL_TEXT = 32_767
# Characters XML 1.0, and so a workbook, cannot hold: C0 controls other than tab, line feed
# and carriage return, lone surrogates, and U+FFFE / U+FFFF.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def check_text(option: str, text: str) -> str:
    """Text a cell can hold, or InputError naming the option and the character."""
    if bad := _NOT_IN_XML.search(text):
        raise InputError(
            code="option_control_char",
            option=option,
            char=f"{ord(bad[0]):04X}",
            position=bad.start() + 1,
        )
    if is_error_value(text):  # the reader takes it for a broken formula and leaves the row out
        raise InputError(code="option_error_value", option=option, text=text.strip())
    if len(text) > MAX_CELL_TEXT:
        raise InputError(
            code="option_too_long",
            option=option,
            length=f"{len(text):,}",
            limit=f"{MAX_CELL_TEXT:,}",
        )
    return text


@dataclass(frozen=True)
class Added:
    row: int
    replaced: bool
    backup: Path
    # names nothing else uses (a warning each: `unused_region`, `unused_indicator`)
    warnings: tuple[Issue, ...]
    # plausibility rules the stored figure breaks (only with force; else nothing is stored)
    checks: tuple[Issue, ...] = ()
    # the dropdowns were rebuilt to follow the targets file (in the same change)
    relisted: bool = False
    sheet: str = SHEET  # the data sheet's name: Actuals, or 实际数据


def check_row(
    region: str,
    indicator: str,
    period: str,
    value: str,
    basis: str | None,
    source: str | None,
    note: str | None,
    today: dt.date,
    names: Names = NO_NAMES,
    flags: str | None = None,
) -> NewRow:
    """Validate the options; a bad one raises InputError and nothing is touched.

    A region or indicator given by an accepted name (`names`: 小北河, 袜子年产量) becomes its
    code, so that the row is the same series as the rows written either way.
    """

    def clean(option: str, func: object, raw: object) -> object:
        if isinstance(raw, str):
            check_text(option, raw)
        try:
            return func(raw)  # type: ignore[operator]
        except CellProblem as exc:
            problem = coded_issue("error", exc.code, exc.params)
            raise InputError(code="option_invalid", option=option, problem=problem) from None

    for option, text in (("source", source), ("note", note)):
        check_text(option, text or "")

    chosen = str(clean("basis", clean_basis, basis))
    if last := span_read_at(period, chosen):
        # 2026年1—10月, as bulletins write a 1—N月 sum: stored at its month, basis ytd (a
        # walkthrough had it refused even with --basis 累计数)
        period, chosen = last, "ytd"
    parsed = clean("period", clean_period, period)
    assert isinstance(parsed, Period)
    if parsed.end > today:
        raise InputError(code="period_not_over", period=parsed.text, today=today)
    number = clean("value", clean_value, value.strip())
    assert isinstance(number, tuple)
    flagged = str(clean("flags", clean_flags, flags)) if flags else ""
    if chosen and parsed.kind != "month":
        raise InputError(code="basis_not_month_period", period=parsed.text)
    if number[0] == 0 and not zero_allowed(parsed.kind, chosen):  # a level of 0, a year of 0
        raise _zero_refused()
    cleaned = [
        clean(o, clean_name, raw) for o, raw in (("region", region), ("indicator", indicator))
    ]
    return NewRow(
        names.code("region", str(cleaned[0][0])),  # type: ignore[index]
        names.code("indicator", str(cleaned[1][0])),  # type: ignore[index]
        parsed,
        float(number[0]),
        chosen,
        (source or "").strip(),
        (note or "").strip(),
        flagged,
    )


def _zero_refused() -> InputError:
    """--value 0 where 0 is no figure (a level, a year's total, a rate): as the reader says
    it of such a cell."""
    problem = coded_issue("error", "value_not_positive", (("value", "0"),))
    return InputError(code="option_invalid", option="value", problem=problem)


def refuse_scale_twice(typed: str, new: NewRow, targets: TargetsFile) -> None:
    """`--value 33亿` is read in full (3300000000); for a series whose unit carries its own
    scale (亿元) that is 33亿亿元. Refused, with the figure in the unit to write instead."""
    unit = series_unit(new.region, new.indicator, targets)
    scale = unit_scale(unit)
    if scale is None or not typed_with_scale(typed):
        return
    written = new.value / scale
    raise InputError(
        code="value_scaled_twice", value=typed.strip(), unit=unit, written=f"{written:.10g}"
    )


# How many known names an unknown one is offered instead of, at most.
CLOSEST = 3
LISTED = 8
# The refusal of an unknown name, by its column and what it can offer instead.
UNKNOWN_NAME = {
    ("region", "close"): "add_unknown_region_close",
    ("region", "listed"): "add_unknown_region_listed",
    ("region", "none"): "add_unknown_region_none",
    ("indicator", "close"): "add_unknown_indicator_close",
    ("indicator", "listed"): "add_unknown_indicator_listed",
    ("indicator", "none"): "add_unknown_indicator_none",
}


def _shown(code: str, chinese: str, words: Words) -> str:
    """A known name as the refusal offers it: `Xiaobeihe (小北河)` / `小北河（Xiaobeihe）`."""
    if chinese == code:
        return code
    first = words.pick(code, zh=chinese) or code
    return first + words.paren(chinese if first == code else code)


def _offered(
    codes: list[str], column: str, names: Names, close: bool, more: bool
) -> dict[str, str]:
    """The names offered, in every language: `close` (the default's) and `close_zh`, …"""
    offered = {}
    for words in map(Words.of, LANGS):
        said = [_shown(c, names.written_in_chinese(column, c), words) for c in codes]
        if close and len(said) > 1:  # did you mean A, B or C?
            text = words(N_("{names} or {name}")).format(
                names=words.listed(said[:-1]), name=said[-1]
            )
        elif more:  # its regions: A, B, C and others
            text = words(N_("{names} and others")).format(names=words.listed(said))
        else:
            text = words.listed(said)
        offered[f"close_{words.lang}"] = text
    offered["close"] = offered[f"close_{DEFAULT_LANG}"]
    return offered


def known_names(column: str, names: Names) -> dict[str, str]:
    """{accepted name → code} of a column: codes and Chinese names of targets.toml."""
    return dict(names.regions if column == "region" else names.indicators)


def closest_names(column: str, name: str, names: Names) -> list[str]:
    """The codes of the known names `name` may be a slip for, closest first (codes and
    Chinese names both compared, case aside: `Xiaobeihr` → Xiaobeihe, `小北和` → 小北河)."""
    accepted = known_names(column, names)
    folded = {n.casefold(): code for n, code in accepted.items()}
    found = difflib.get_close_matches(name.casefold(), list(folded), n=CLOSEST * 2, cutoff=0.5)
    return list(dict.fromkeys(folded[f] for f in found))[:CLOSEST]


def refuse_unknown_names(new: NewRow, names: Names, targets_name: str) -> None:
    """InputError for a region or indicator targets.toml does not name (no target, no
    [[regions]] or [[indicators]] entry), offering the closest known names in both languages:
    such a row would be left out of the report, or be a series of its own."""
    for column in ("region", "indicator"):
        text = getattr(new, column)
        accepted = known_names(column, names)
        if text in accepted.values():
            continue
        codes = list(dict.fromkeys(accepted.values()))
        close = closest_names(column, text, names)
        shown = close or codes[:LISTED]
        kind = "close" if close else "listed" if codes else "none"
        offered = _offered(shown, column, names, bool(close), len(codes) > LISTED)
        raise InputError(
            code=UNKNOWN_NAME[column, kind],
            name=text,
            targets=targets_name,
            **offered,  # type: ignore[arg-type]  # text only: close, close_zh, …
        )


def _goals_of(new: NewRow, targets: TargetsFile) -> tuple[Target, ...]:
    """The goals of the row's series (region and indicator)."""
    return tuple(
        t for t in targets.targets if (t.region, t.indicator) == (new.region, new.indicator)
    )


def _warnings(
    new: NewRow, rows: pd.DataFrame, targets: TargetsFile, goals: tuple[Target, ...]
) -> list[Issue]:
    """A warning for a region that the targets file does not name (the report leaves its rows
    out, however many there are), an indicator that no target and no earlier row uses, a basis
    on a level goal's row (judging's `basis_on_level`; `goals`: the series'), and a figure
    without its source."""
    out = []
    if not new.source.strip():
        # every figure the report shows is sourced: one without is stored, and said
        out.append(coded_issue("warning", "add_no_source", ()))
    names = names_of(targets)
    if new.region not in set(names.regions.values()):
        out.append(coded_issue("warning", "unused_region", (("name", new.region),)))
    known = set(names.indicators.values())
    if new.indicator not in known and new.indicator not in set(rows["indicator"]):
        out.append(coded_issue("warning", "unused_indicator", (("name", new.indicator),)))
    # a basis on a level goal's row: said now, as `check` and the report will say it
    regions_zh = dict(targets.regions_zh)
    for t in goals:
        if warning := basis_on_level(t, new.basis, region_zh=regions_zh.get(t.region)):
            out.append(warning)
    return out


def _unused(
    new: NewRow,
    rows: pd.DataFrame,
    targets: TargetsFile,
    goals: tuple[Target, ...],
    replaced: int | None,
    today: dt.date,
) -> Issue | None:
    """A warning when the goals of the row's series cannot be judged on the new figure: the
    report would show it beside them (a 1—10月 figure of 2026 next to a goal on 2025's total)
    but judge them without it, and `check` would say so only once no figure of theirs is
    usable. Judged as the report judges them, at the last complete month, with the row added
    (in place of the one it replaces); a row of a later month is left to that month's report,
    and a month's own amount to the months that make twelve with it (said, the first eleven
    months of a new series would each be warned about), nor last year's 1—N月 beside this
    year's (or a goal for this year): the base of its 同比. `goals`: the series'."""
    as_of = Month.last_complete(today)
    month_amount = new.period.kind == "month" and new.basis != "ytd"
    if not goals or month_amount or new.period.end > as_of.end:
        return None
    mine = rows[(rows["region"] == new.region) & (rows["indicator"] == new.indicator)]
    if replaced is not None:
        mine = mine[mine["row"] != replaced]
    row = replaced if replaced is not None else int(rows["row"].max() if len(rows) else 1) + 1
    added = {
        "row": row,
        "region": new.region,
        "indicator": new.indicator,
        "period": new.period.text,
        "period_kind": new.period.kind,
        "end": pd.Timestamp(new.period.end),
        "value": new.value,
        "basis": new.basis if new.period.kind == "month" else "",
        "source": new.source,
        "note": new.note,
        "flags": new.flags,
    }
    frame = pd.concat([mine, pd.DataFrame([added])], ignore_index=True)
    judged = judge(
        TargetsFile(goals, regions_zh=targets.regions_zh), Actuals(frame[mine.columns]), as_of
    )
    for result in judged.targets:
        # its observations, its 1—N月, and the months of its year the report draws against
        # the schedule (1—9月 added after 1—11月 was said to be unused: a county newcomer's
        # find, though the chart and its table give it)
        figures = [
            *result.observations,
            *([result.ytd] if result.own_year and result.ytd else []),
            *result.year_months,
        ]
        if any(row in o.rows for o in figures):
            return None
        # Last year's 1—N月 is the base of this year's 同比 (now, or once this year's figure of
        # the same months is in): a walkthrough was told its 2025年1—10月 would not be used.
        this_year = result.ytd.end.year if result.ytd else result.target.year
        if new.basis == "ytd" and this_year == new.period.end.year + 1:
            return None
    regions = targets.regions_zh
    english, chinese = Words.of(DEFAULT_LANG), Words.of("zh")
    return coded_issue(
        "warning",
        "add_unused",
        (
            ("goals", english.listed(english.goal_label(t, regions) for t in goals)),
            ("goals_zh", chinese.listed(chinese.goal_label(t, regions) for t in goals)),
        ),
    )


def _existing(new: NewRow, rows: pd.DataFrame, level: bool) -> tuple[int, float] | None:
    """Sheet row and value of the same region / indicator / period (and month, ytd or rate
    basis), if any. For a level (a count, a capacity: `level`) the basis does not tell two
    figures of one month apart: a 累计数 typed on it is the same month's figure again."""
    same = (
        (rows["region"] == new.region)
        & (rows["indicator"] == new.indicator)
        & (rows["period"] == new.period.text)
    )
    if not level:
        same &= rows["basis"].replace("month", "") == (new.basis or "").replace("month", "")
    if not same.any():
        return None
    last = rows.loc[same].iloc[-1]
    return int(last["row"]), float(last["value"])


def _cells(new: NewRow, layout: Layout, names: Names) -> list[Cell]:
    if new.flags and "flags" not in layout.columns:
        # said before the row is written: the flags would be lost without a word
        raise InputError(code="add_no_flags_column", sheet=layout.sheet)
    cells = new.cells(Words.of(layout.header_language), names).items()
    return [Cell(layout.columns[c], v) for c, v in cells if c in layout.columns]  # type: ignore[arg-type]


def add_row(
    path: Path,
    new: NewRow,
    targets: TargetsFile,
    today: dt.date,
    replace: bool = False,
    force: bool = False,
    new_name: bool = False,
    targets_name: str = "targets.toml",
) -> Added:
    """Add `new` to the workbook at path under a lock, after a backup, by an atomic rename.

    A link is followed: the file it points to is edited, and the link stays a link. A region
    or indicator given by its Chinese name is matched, and written, as its code's series. A
    region or indicator the targets file (`targets_name`) does not name is refused unless
    `new_name`; a figure that breaks a plausibility rule is refused unless `force`.
    """
    names = names_of(targets)
    new = replace_fields(
        new,
        region=names.code("region", new.region),
        indicator=names.code("indicator", new.indicator),
    )
    if not new_name:
        refuse_unknown_names(new, names, targets_name)
    if new.value == 0 and any(t.kind == "level" for t in _goals_of(new, targets)):
        # a month's amount of nothing is a figure; a level of 0 is none (the report leaves
        # it out): refused before the workbook is touched
        raise _zero_refused()
    check_workbook(path)  # missing, a folder, a pipe, not an .xlsx: refused before anything
    with editing(path) as real:
        actuals = read_actuals(real, today=today, targets=targets)
        rows = actuals.rows
        checks = implausible(new, rows, targets)
        if checks and not force:
            raise PlausibilityRefusal(new, tuple(checks), targets)
        goals = _goals_of(new, targets)
        notes = _warnings(new, rows, targets, goals)
        found = _existing(new, rows, level=any(t.kind == "level" for t in goals))
        existing = found[0] if found else None
        if found is None or replace:
            unused = _unused(new, rows, targets, goals, existing, today)
            notes += [unused] if unused else []
        if found is not None and not replace:
            raise InputError(
                code="row_exists",
                file=path.name,
                sheet=actuals.sheet,
                row=found[0],
                value=f"{found[1]:.10g}",
                unit=series_unit(new.region, new.indicator, targets),
                region=new.region,
                indicator=new.indicator,
                period=new.period.text,
                region_zh=names.written_in_chinese("region", new.region),
                indicator_zh=names.written_in_chinese("indicator", new.indicator),
            )
        layout = sheet_layout(real)
        before = real.read_bytes()
        edit = PackageEdit(path.name, before, layout.sheet)
        target = existing if existing is not None else layout.last_row + 1
        written = edit.put_row(
            target, layout.header_row, _cells(new, layout, names), existing is not None
        )
        data = edit.package()
        # the dropdowns follow the targets file: rebuilt in the same change when they differ
        lists = _relisted(path.name, data, targets, layout.header_language)
        copy_path = backup(path, before)
        save_replacing(real, lists or data)
    return Added(
        written,
        existing is not None,
        copy_path,
        tuple(notes),
        tuple(checks),
        lists is not None,
        layout.sheet,
    )


def _relisted(name: str, data: bytes, targets: TargetsFile, language: str) -> bytes | None:
    """The package with its dropdowns rebuilt from `targets`, if they differ; a workbook whose
    lists cannot be rebuilt safely keeps them (the row is what was asked for)."""
    from .lists import relisted, wanted

    try:
        return relisted(name, data, wanted(targets, Words.of(language)))
    except InputError:
        return None
