"""Hypothesis strategy for synthetic scenarios (made-up figures) of the differential test."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import assume
from hypothesis import strategies as st

from oracle.reference import Row, judge, month_end, observations, parse_period, previous_month
from oracle.scenarios import REGION, Scenario, Spec, end_of

ORIGIN = dt.date(2018, 1, 1)
YEAR_MODES = ("none", "year", "months", "ytd", "year+ytd", "year+months", "mixed", "conflict")


def as_rows(scenario_rows: list[tuple[str, Any, float, str | None]]) -> list[Row]:
    """The oracle's view of rows written to a sheet (for picking valid baselines)."""
    out = []
    for n, (ind, cell, value, basis) in enumerate(scenario_rows, 2):
        label, kind, end = parse_period(cell)
        b = (basis or "month") if kind == "month" else ""
        out.append(Row(n, REGION, ind, label, kind, end, float(value), b))
    return out


def _period_cell(draw: st.DrawFn, kind: str, day: dt.date) -> Any:
    """How a period is typed: a year as number or text, a month as text, a date as cell or text."""
    if kind == "year":
        return draw(st.sampled_from([day.year, str(day.year)]))
    if kind == "month":
        return f"{day.year:04d}-{day.month:02d}"
    as_cell = draw(st.booleans())
    return dt.datetime(day.year, day.month, day.day) if as_cell else day.isoformat()


def _month_subset(draw: st.DrawFn, allow_full: bool, allow_dec: bool) -> list[int]:
    shape = draw(st.sampled_from(["full", "prefix", "suffix", "random"]))
    if shape == "full":
        months = list(range(1, 13))
    elif shape == "prefix":
        months = list(range(1, draw(st.integers(1, 12)) + 1))
    elif shape == "suffix":
        months = list(range(draw(st.integers(1, 12)), 13))
    else:
        months = sorted(draw(st.sets(st.integers(1, 12), min_size=1, max_size=12)))
    if not allow_dec:
        months = [m for m in months if m != 12]
    if not allow_full and len(months) == 12:
        months = months[1:]
    return months


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    """A report month and 1-3 synthetic targets with their rows."""
    # A report month must have ended (--as-of refuses a later one): 2024-01 to 2026-10.
    as_y = draw(st.integers(2024, 2026))
    as_m = draw(st.integers(1, 10 if as_y == 2026 else 12))
    as_of = f"{as_y:04d}-{as_m:02d}"
    specs: list[Spec] = []
    rows: list[tuple[str, Any, float, str | None]] = []
    for i in range(draw(st.integers(1, 3))):
        ind = f"ind{i}"
        kind = draw(st.sampled_from(["level", "annual_total"]))
        direction = draw(st.sampled_from(["increase", "decrease"]))
        level0 = round(draw(st.floats(50, 5000)), 2)
        growth = draw(
            st.sampled_from([0.0, 0.02, 0.05, 0.1, 0.2, 0.35, -0.03, -0.1, -0.2])
            | st.floats(-0.25, 0.45)
        )
        wobble = draw(st.floats(0.9, 1.1))

        def at(day: dt.date, noise: float = 1.0, g: float = growth, v: float = level0) -> float:
            return float(v * (1 + g) ** ((day - ORIGIN).days / 365.25) * noise)

        start = draw(st.integers(2019, 2024))
        recent = st.integers(max(start, as_y - 1), max(start, min(2027, as_y + 1)))
        stop = draw(recent | st.integers(start, min(2027, as_y + 1)))
        mine: list[tuple[str, Any, float, str | None]] = []
        if kind == "level":
            ends: set[dt.date] = set()
            same_day = draw(st.integers(0, 3)) == 0  # periods ending on one day: one period
            repeat = draw(st.integers(0, 2)) == 0  # a figure restated unchanged
            for _ in range(draw(st.integers(1, 8))):
                pkind = draw(st.sampled_from(["year", "month", "date"]))
                y = draw(st.integers(start, stop))
                m = draw(st.integers(1, 12))
                if pkind == "year":
                    day = dt.date(y, 12, 31)
                elif pkind == "month":
                    day = month_end(y, m)
                else:
                    day = dt.date(y, m, draw(st.integers(1, month_end(y, m).day)))
                if day in ends and not same_day:
                    continue
                ends.add(day)
                value = round(at(day, draw(st.floats(0.95, 1.05))), 2)
                if repeat and len(mine) > 0 and draw(st.booleans()):
                    value = mine[-1][2]
                mine.append((ind, _period_cell(draw, pkind, day), value, None))
        else:
            for y in range(start, stop + 1):
                # The report year is usually in progress: months and ytd make a TTM there.
                modes = YEAR_MODES[2:] if y == as_y and draw(st.booleans()) else YEAR_MODES
                mode = draw(st.sampled_from(modes))
                amounts = [
                    round(at(dt.date(y, m, 15), draw(st.floats(0.8, 1.2))) / 12, 2)
                    for m in range(1, 13)
                ]
                total = round(sum(amounts), 2)
                if mode.startswith("year"):
                    mine.append((ind, _period_cell(draw, "year", dt.date(y, 12, 31)), total, None))
                if mode in ("months", "year+months"):
                    chosen = _month_subset(draw, allow_full=mode == "months", allow_dec=True)
                    word = draw(st.sampled_from([None, "month"]))
                    mine += [(ind, f"{y:04d}-{m:02d}", amounts[m - 1], word) for m in chosen]
                if mode == "mixed":  # some months as amounts, some as year-to-date
                    for m in _month_subset(draw, allow_full=True, allow_dec=True):
                        if draw(st.booleans()):
                            mine.append((ind, f"{y:04d}-{m:02d}", amounts[m - 1], "month"))
                        else:
                            mine.append(
                                (ind, f"{y:04d}-{m:02d}", round(sum(amounts[:m]), 2), "ytd")
                            )
                if mode == "conflict":  # month amounts and a ytd row that disagree
                    m = draw(st.integers(1, 12))
                    mine += [
                        (ind, f"{y:04d}-{k:02d}", amounts[k - 1], None) for k in range(1, m + 1)
                    ]
                    off = draw(st.sampled_from([0.9, 1.05, 1.2]))
                    mine.append((ind, f"{y:04d}-{m:02d}", round(sum(amounts[:m]) * off, 2), "ytd"))
                if mode in ("ytd", "year+ytd"):
                    chosen = _month_subset(draw, allow_full=True, allow_dec=mode == "ytd")
                    mine += [
                        (ind, f"{y:04d}-{m:02d}", round(sum(amounts[:m]), 2), "ytd") for m in chosen
                    ]
                if draw(st.integers(0, 3)) == 0:  # an annual rate stated at a month, no year
                    m = draw(st.integers(1, 12))
                    rate = round(at(month_end(y, m), draw(st.floats(0.9, 1.1))), 2)
                    mine.append((ind, f"{y:04d}-{m:02d}", rate, "rate"))
        order = draw(st.permutations(range(len(mine)))) if len(mine) < 40 else range(len(mine))
        mine = [mine[k] for k in order]
        rows += mine

        ratio = draw(st.floats(1.05, 2.5) if direction == "increase" else st.floats(0.35, 0.95))
        target = round(level0 * ratio * wobble, 2)
        deadline = draw(
            st.sampled_from(
                [dt.date(y, 12, 31) for y in range(2022, 2028)]
                + [month_end(2025, 6), dt.date(2026, 3, 15), dt.date(2024, 9, 10)]
            )
        )
        year_goal = None
        if kind == "annual_total" and draw(st.booleans()):
            # a year goal (`year = Y`), mostly for the report month's year: its own year
            year_goal = draw(st.sampled_from([as_y, as_y, as_y, as_y - 1, as_y + 1]))
            deadline = dt.date(year_goal, 12, 31)
        spec = Spec(f"t{i}", ind, kind, direction, target, deadline, year=year_goal)
        mode = draw(st.sampled_from(["none", "value", "period"]))
        before = previous_month((as_y, as_m))
        cut_before = month_end(*before)
        as_table = {"region": REGION, "indicator": ind, "kind": kind}
        seen = observations(as_table, as_rows(mine), cut_before)
        if mode == "value":
            y = draw(st.integers(2017, 2025))
            label = draw(
                st.sampled_from(
                    [str(y), f"{y:04d}-{draw(st.integers(1, 12)):02d}", f"{y:04d}-06-15"]
                )
            )
            end = parse_period(label)[2]
            value = round(at(end, draw(st.floats(0.9, 1.1))), 2)
            assume(end <= cut_before)
            spec.baseline = {"period": label, "value": value}
        elif mode == "period":
            usable = [o for o in seen if o.basis != "ttm"]
            if usable:
                spec.baseline = {"period": draw(st.sampled_from(usable)).period}
        table = {
            "region": REGION,
            "indicator": ind,
            "kind": kind,
            "direction": direction,
            "target": target,
            **({"year": year_goal} if year_goal else {"deadline": deadline}),
            **({"baseline": spec.baseline} if spec.baseline else {}),
        }
        for month in ((as_y, as_m), before):
            result = judge(table, as_rows(mine), month)
            if result["baseline_value"] is not None:
                base_end = parse_period(_base_label(spec, result))[2]
                assume(deadline > base_end)
                assume(result["baseline_value"] != target)
        specs.append(spec)
    return Scenario(specs, rows, as_of)


def _base_label(spec: Spec, result: dict[str, Any]) -> str:
    label: str = result["baseline_period"]
    return (
        label if spec.baseline is None or "value" not in spec.baseline else spec.baseline["period"]
    )


def strip_first_target(scenario: Scenario) -> Scenario:
    """The scenario with target t0 given a baseline value and no rows up to the report month."""
    spec = scenario.specs[0]
    factor = 0.5 if spec.direction == "increase" else 2.0
    spec.baseline = {"period": "2018", "value": round(spec.target * factor, 2)}
    cutoff = end_of(scenario.as_of)
    scenario.rows = [
        r for r in scenario.rows if r[0] != spec.indicator or parse_period(r[1])[2] > cutoff
    ]
    return scenario
