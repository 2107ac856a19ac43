"""Reading the shipped inputs and synthetic workbooks (real .xlsx files in tmp_path)."""

from __future__ import annotations

import csv
import datetime as dt
import gc
from pathlib import Path

import pytest
from helpers import target_toml, write_actuals, write_targets

from sockprogress import InputError, load_targets, read_actuals

ROOT = Path(__file__).resolve().parents[1]


def test_shipped_workbook_holds_every_published_figure() -> None:
    with (ROOT / "data" / "public-figures.csv").open(encoding="utf-8") as fh:
        published = {
            (r["region"], r["indicator"], r["period"], r["basis"] or "", float(r["value"]))
            for r in csv.DictReader(fh)
        }
    actuals = read_actuals(ROOT / "data" / "actuals.xlsx")
    rows = actuals.rows
    read = {(r.region, r.indicator, r.period, r.basis, r.value) for r in rows.itertuples()}
    assert read == published
    assert all(rows["source"].str.len() > 0)


def test_shipped_targets_are_the_eight_published_goals() -> None:
    targets = load_targets(ROOT / "data" / "targets.toml").targets
    goals = {(t.region, t.indicator, t.kind, t.target, t.deadline) for t in targets}
    dec = dt.date(2025, 12, 31)
    assert goals == {
        ("Liaoyuan", "sock_capacity", "level", 5e9, dec),
        ("Liaoyuan", "clothing_capacity", "level", 2e6, dec),
        ("Liaoyuan", "home_textile_capacity", "level", 2e6, dec),
        ("Xiaobeihe", "sock_weaving_firms", "level", 300, dec),
        ("Xiaobeihe", "firms_above_designated_size", "level", 50, dec),
        ("Xiaobeihe", "sock_output", "annual_total", 4e9, dec),
        ("Xiaobeihe", "output_value", "annual_total", 5e9, dec),
        ("Xiaobeihe", "chain_enterprises", "level", 100, dec),
    }
    assert all(t.source and t.name_zh for t in targets)


def test_date_cells_text_numbers_and_duplicates(tmp_path: Path) -> None:
    path = write_actuals(
        tmp_path / "a.xlsx",
        [
            ("R", "x", dt.datetime(2024, 3, 15), 10),
            ("R", "x", "2024-06", "1,200", "ytd"),
            ("R", "x", "2024", 5),
            ("R", "x", "2024", 6),
            ("R", "x", "2024-07", "n/a"),
        ],
    )
    actuals = read_actuals(path)
    rows = actuals.rows.set_index("row")
    assert rows.loc[2, "period"] == "2024-03-15" and rows.loc[2, "period_kind"] == "date"
    assert rows.loc[3, "value"] == 1200.0 and rows.loc[3, "basis"] == "ytd"
    assert 4 not in rows.index and rows.loc[5, "value"] == 6.0  # the lower duplicate is used
    assert 6 not in rows.index
    by_row = {(i.row, i.column, i.severity) for i in actuals.issues}
    assert {(3, "value", "warning"), (5, "period", "warning"), (6, "value", "error")} <= by_row
    assert any("conflicting values" in i.message for i in actuals.issues)


def test_unknown_target_key_names_the_closest(tmp_path: Path) -> None:
    path = write_targets(tmp_path / "t.toml", target_toml().replace("deadline =", "dedline ="))
    with pytest.raises(InputError, match=r"unknown key 'dedline' \(did you mean 'deadline'\?\)"):
        load_targets(path)


def _cyclic_garbage() -> list[object]:
    """What reading and judging the shipped data leave that only the cyclic collector frees."""
    from sockprogress.periods import Month
    from sockprogress.pipeline import build_report

    gc.collect()
    gc.disable()
    try:
        report = build_report(
            ROOT / "data" / "targets.toml",
            ROOT / "data" / "actuals.xlsx",
            Month.parse("2026-10"),
            today=dt.date(2026, 11, 22),
        )
        del report
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        return list(gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()


def test_reading_and_judging_leave_no_cycles_behind() -> None:
    """The command line never collects: whatever reading and judging left in a reference
    cycle would stay until the process ends. A caught exception kept with its traceback held
    the frames of every caller, the whole grid of a province with them (~100 MiB)."""
    _cyclic_garbage()  # the first run also makes the libraries' lazily built objects
    found = _cyclic_garbage()
    kinds = sorted({type(o).__name__ for o in found})
    assert not {"frame", "traceback", "DataFrame", "list", "Issue"} & set(kinds), kinds
    # What is left is the standard library's: each xml.etree iterparse (the size and DTD
    # checks make four) builds a class of its own, a cycle of ten objects. (Before: 791.)
    assert len(found) <= 40, kinds


@pytest.mark.parametrize(
    ("basis", "read_as"),
    [("", ("2026-10", "ytd")), ("累计数", ("2026-10", "ytd")), ("ytd", ("2026-10", "ytd"))],
)
def test_a_january_to_month_span_in_the_sheet_is_read_at_its_month(
    tmp_path: Path, basis: str, read_as: tuple[str, str]
) -> None:
    """A Chinese office's walkthrough: a 1—N月 sum written as bulletins write it, 2026年1—10月,
    was refused in the sheet, though `actuals add` now takes it. It is read at 2026-10 with
    basis ytd, beside an ordinary row (made-up figures)."""
    rows = [
        ("Testville", "widgets", "2026年1—10月", 29e8, basis, "测试数据（虚构）", ""),
        ("Testville", "widgets", "2026-09", 26e8, "ytd", "测试数据（虚构）", ""),
    ]
    actuals = read_actuals(write_actuals(tmp_path / "actuals.xlsx", rows))
    assert not [i for i in actuals.issues if i.severity == "error"]
    got = actuals.rows.sort_values("row")[["period", "basis", "value"]].values.tolist()
    assert got == [[*read_as, 29e8], ["2026-09", "ytd", 26e8]]


def test_a_span_with_a_months_basis_stays_an_error(tmp_path: Path) -> None:
    """2026年1—10月 as a month's own amount is not one: it stays refused, saying how to write
    it (made-up figures)."""
    rows = [("Testville", "widgets", "2026年1—10月", 29e8, "当月数", "测试数据（虚构）", "")]
    actuals = read_actuals(write_actuals(tmp_path / "actuals.xlsx", rows))
    (issue,) = [i for i in actuals.issues if i.severity == "error"]
    assert (issue.row, issue.column, dict(issue.params)["fault"]) == (2, "period", "span")
