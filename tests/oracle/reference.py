"""A clean-room reference implementation of the method (the oracle for differential tests).

Written from the method contract alone, without reading sockprogress's reading/ or judging/
code, so that the app and this module can disagree. It reads targets.toml (tomllib) and the
Actuals sheet (openpyxl) and returns the JSON report's `as_of` and per-target figures.

Readings of the contract where it leaves room (cited as R<n> in the code):
  R1  Period end: year -> 31 Dec, month -> month end, date -> the day. Period labels are the
      canonical text: "2024", "2025-06", "2025-06-15" (a date cell gives its ISO date).
  R2  "The same period twice" = same region, indicator and canonical period text; a month's
      amount and its year-to-date are different figures (the project's documented choice,
      docs/method.md "Duplicates": bulletins publish both, as the shipped express-parcel
      figures do);
      the row further down the sheet ("lower") is used.
  R3  "Derived exactly" is taken as the principle and the contract's examples as instances:
      every row is a linear statement about monthly amounts (a `month` row: one month; a `ytd`
      row: January..that month; a year row: all twelve), and a year total or a TTM is derived
      when it is an exact combination of such statements for the years it spans. That covers
      a year row, a December `ytd`, 12 months summed, ytd differences, 12 monthly amounts for
      a TTM, ytd + previous year total - previous ytd, and also mixes such as ytd + the
      previous year's last months. A year row, when present, is the year's total as written.
  R4  The TTM exists only at the latest month row (any basis) within the report month. A TTM
      ending in December is the year's total itself: it appears once, as the annual
      observation labelled "YYYY" (basis "annual").
  R5  A year total derived from a December ytd row or 12 months is labelled "YYYY".
  R6  Baseline with period only: the observation whose period ends when the baseline period
      ends ("its end date is what counts"; the project's documented reading).
  R7  years(a -> b) = (b - a).days / 365.25 with whole-day date differences.
  R8  eta = t + round(years * 365.25) days; an eta beyond year 9999 is null. The rounding is
      left open by the contract, so the test allows +-1 day on eta.
  R9  stale: the latest figure (the latest observation, or the year-to-date figure when it
      ends later) ends before the end of the month 13 months before the report month
      (month-end arithmetic; only date rows late in a month could read it differently). No
      figure at all: stale is false.
  R10 Figures do not depend on status: every figure is given whenever its inputs are defined
      (also after the deadline, e.g. eta on a missed target that is moving toward it).
      required_cagr needs only t0, B, T and D, so a target with a given baseline but no
      observation still has it; time_elapsed_pct is taken at the latest observation's end, so
      it needs one.
  R11 Level rows of different periods with the same end (e.g. "2024" and "2024-12-31") are the
      same period (method): only the lowest of them in the sheet is kept.
  R12 Rows with a value <= 0 are not usable (status rule 1) and are left out before any
      derivation.
  R13 A `rate` row (an annual rate stated at a month) says nothing about monthly amounts: it is
      left out of every derivation, and the latest month for the TTM is the latest month row
      of another basis. It is an observation (basis "rate") at its month's end unless an exact
      figure (year total or TTM) ends that day. On a `level` target it is a level.
  R14 An estimate is never the final figure, and after the deadline an estimate meeting the
      target does not make it achieved (it stays awaiting its final figure).
  R15 Month amounts against year-to-date rows of the same year: the `ytd` rows fix the
      cumulative figure at their months (0 before January). Between two such fixed months
      (or January's start and the first), when there is a month row for every month in
      between, their sum must equal the difference; when it does not, those month rows are
      dropped (the `ytd` row wins) before anything is derived. Stretches with a month missing
      cannot disagree.
  R16 The year-to-date figure of year y through month m (and the same months of y - 1 for
      ytd_yoy_pct) is derived exactly (as R3) from the `ytd` and `month` rows of that year
      only, as the method's "(a ytd row, or month amounts)" says; a year row is not used.
  R17 "A figure of its year" for a year goal: the year-to-date figure of that year (the goal's
      own year) or the year's total; a TTM or a rate ending in the year is not one. A year
      goal's final figure is its year's total (basis annual, ending on D).
  R18 unchanged_since compares values with a relative tolerance of 1e-9 (a TTM derived by
      sums may differ from the same published figure in the last bits of a float).
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
import tomllib
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

PACE_BANDS = ((0.95, "on_track"), (0.60, "moderate_progress"), (0.0, "insufficient_progress"))


@dataclass(frozen=True)
class Row:
    """One usable row of the Actuals sheet."""

    number: int
    region: str
    indicator: str
    period: str
    kind: str  # year | month | date
    end: dt.date
    value: float
    basis: str  # month | ytd for month rows, "" otherwise


@dataclass(frozen=True)
class Obs:
    """A value a target is judged on."""

    end: dt.date
    value: float
    period: str
    basis: str  # level | annual | ttm


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def parse_period(raw: Any) -> tuple[str, str, dt.date]:
    """(label, kind, end) of a period cell or a baseline period."""
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):
        return raw.isoformat(), "date", raw
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = str(raw).strip()
    if re.fullmatch(r"\d{4}", text):
        return text, "year", dt.date(int(text), 12, 31)
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", text)
    if m:
        y, mo = int(m[1]), int(m[2])
        return f"{y:04d}-{mo:02d}", "month", month_end(y, mo)
    day = dt.date.fromisoformat(text)
    return day.isoformat(), "date", day


def read_rows(path: Path) -> list[Row]:
    """The Actuals rows, duplicates resolved to the lower row (R2)."""
    wb = load_workbook(path, data_only=True)
    ws = wb["Actuals"]
    header = [str(c).strip().lower() if c is not None else "" for c in next(ws.values)]
    col = {name: header.index(name) for name in header if name}
    kept: dict[tuple[str, str, str, str], Row] = {}
    for number, values in enumerate(ws.iter_rows(min_row=2, values_only=True), 2):
        if all(v is None for v in values):
            continue
        period, kind, end = parse_period(values[col["period"]])
        basis = ""
        if kind == "month":
            written = values[col["basis"]] if "basis" in col else None
            basis = str(written).strip().lower() if written not in (None, "") else "month"
        row = Row(
            number,
            str(values[col["region"]]).strip(),
            str(values[col["indicator"]]).strip(),
            period,
            kind,
            end,
            float(values[col["value"]]),
            basis,
        )
        key = (row.region, row.indicator, row.period, row.basis)
        kept[key] = row  # later (lower) row wins
    wb.close()
    return sorted(kept.values(), key=lambda r: r.number)


Known = tuple[dict[tuple[int, int], int], float]  # coefficients on monthly amounts, value


def _knowns(rows: list[Row], years: set[int]) -> list[Known]:
    """Each row of the given years as a linear statement about its year's monthly amounts."""
    out: list[Known] = []
    for r in rows:
        y = r.end.year
        if y not in years:
            continue
        if r.kind == "year":
            out.append(({(y, k): 1 for k in range(1, 13)}, r.value))
        elif r.kind == "month" and r.basis == "ytd":
            out.append(({(y, k): 1 for k in range(1, r.end.month + 1)}, r.value))
        elif r.kind == "month":
            out.append(({(y, r.end.month): 1}, r.value))
    return out


def derive(knowns: list[Known], wanted: dict[tuple[int, int], int]) -> float | None:
    """The wanted sum of monthly amounts if it follows exactly from the knowns (R3), else None.

    Solves sum_i c_i * known_i = wanted in exact rational arithmetic; a solution exists exactly
    when the wanted sum is a combination of what is known, and then its value is sum_i c_i * v_i.
    """
    cells = sorted({cell for vec, _ in knowns for cell in vec} | set(wanted))
    n = len(knowns)
    # One equation per monthly amount: sum_i c_i * known_i[cell] = wanted[cell].
    matrix = [
        [Fraction(vec.get(cell, 0)) for vec, _ in knowns] + [Fraction(wanted.get(cell, 0))]
        for cell in cells
    ]
    pivots: list[int] = []
    row = 0
    for col in range(n):
        pick = next((r for r in range(row, len(matrix)) if matrix[r][col] != 0), None)
        if pick is None:
            continue
        matrix[row], matrix[pick] = matrix[pick], matrix[row]
        lead = matrix[row][col]
        matrix[row] = [x / lead for x in matrix[row]]
        for r in range(len(matrix)):
            if r != row and matrix[r][col] != 0:
                factor = matrix[r][col]
                matrix[r] = [x - factor * y for x, y in zip(matrix[r], matrix[row], strict=True)]
        pivots.append(col)
        row += 1
    if any(all(x == 0 for x in line[:n]) and line[n] != 0 for line in matrix):
        return None  # not a combination of the knowns
    coef = [Fraction(0)] * n
    for r, col in enumerate(pivots):
        coef[col] = matrix[r][n]
    return sum(float(c) * knowns[i][1] for i, c in enumerate(coef) if c != 0)


def reconcile(rows: list[Row]) -> list[Row]:
    """Month rows that disagree with the year-to-date rows of their year are dropped (R15)."""
    dropped: set[int] = set()
    for y in sorted({r.end.year for r in rows}):
        ytd = {r.end.month: r.value for r in rows if r.end.year == y and r.basis == "ytd"}
        amount = {r.end.month: r for r in rows if r.end.year == y and r.basis == "month"}
        start, before = 0, 0.0
        for m in sorted(ytd):
            stretch = range(start + 1, m + 1)
            if all(k in amount for k in stretch):
                total = before + sum(amount[k].value for k in stretch)
                if abs(total - ytd[m]) > 1e-9 * max(abs(total), abs(ytd[m]), 1.0):
                    dropped |= {amount[k].number for k in stretch}
            start, before = m, ytd[m]
    return [r for r in rows if r.number not in dropped]


def _ttm_at(rows: list[Row], y: int, m: int) -> Obs | None:
    """The twelve months to (y, m), when derived exactly; None at December (R4)."""
    if m == 12:
        return None
    window = [(y - 1, k) for k in range(m + 1, 13)] + [(y, k) for k in range(1, m + 1)]
    ttm = derive(_knowns(rows, {y - 1, y}), dict.fromkeys(window, 1))
    return None if ttm is None else Obs(month_end(y, m), ttm, f"{y:04d}-{m:02d}", "ttm")


def _annual_observations(every: list[Row], deadline: dt.date | None = None) -> list[Obs]:
    """Year totals, the TTM at the latest month (and at a mid-year deadline's month) and stated
    rates of one indicator (R3, R4, R13, R15)."""
    rows = reconcile([r for r in every if r.basis != "rate"])
    obs = []
    for y in sorted({r.end.year for r in rows}):
        year_row = [r.value for r in rows if r.kind == "year" and r.end.year == y]
        total = (
            year_row[0]
            if year_row
            else derive(_knowns(rows, {y}), {(y, k): 1 for k in range(1, 13)})
        )
        if total is not None:
            obs.append(Obs(dt.date(y, 12, 31), total, f"{y:04d}", "annual"))
    months_in = [r for r in rows if r.kind == "month"]
    if months_in:
        last = max(months_in, key=lambda r: r.end).end
        ttm = _ttm_at(rows, last.year, last.month)
        if ttm is not None:
            obs.append(ttm)
        # A deadline at a month end other than 31 December: the TTM to its month as well.
        if (
            deadline is not None
            and deadline.month != 12
            and deadline == month_end(deadline.year, deadline.month)
            and deadline < last
        ):
            at_deadline = _ttm_at(rows, deadline.year, deadline.month)
            if at_deadline is not None:
                obs.append(at_deadline)
    exact = {o.end for o in obs}
    rates = {r.end: r for r in sorted(every, key=lambda r: r.number) if r.basis == "rate"}
    obs += [Obs(e, r.value, r.period, "rate") for e, r in rates.items() if e not in exact]
    return obs


def _usable(target: dict[str, Any], rows: list[Row], cutoff: dt.date) -> list[Row]:
    return [
        r
        for r in rows
        if r.region == target["region"]
        and r.indicator == target["indicator"]
        and r.end <= cutoff
        and r.value > 0  # rule 1: values <= 0 are not usable
    ]


def observations(target: dict[str, Any], rows: list[Row], cutoff: dt.date) -> list[Obs]:
    """The observations a target is judged on, ending on or before `cutoff`, by end date."""
    mine = _usable(target, rows, cutoff)
    if target["kind"] == "level":
        by_end: dict[dt.date, Row] = {}
        for r in sorted(mine, key=lambda r: r.number):
            by_end[r.end] = r  # one period per day; the lowest row wins (R11)
        obs = [Obs(r.end, r.value, r.period, "level") for r in by_end.values()]
    else:
        deadline = deadline_of(target) if "deadline" in target or "year" in target else None
        obs = _annual_observations([r for r in mine if r.kind != "date"], deadline)
    return sorted(obs, key=lambda o: o.end)


def cumulative(rows: list[Row], y: int, m: int) -> float | None:
    """January..m of year y from its `ytd` and `month` rows (R15, R16), when exact."""
    flows = reconcile([r for r in rows if r.end.year == y and r.basis in ("ytd", "month")])
    return derive(_knowns(flows, {y}), {(y, k): 1 for k in range(1, m + 1)})


def year_to_date(
    rows: list[Row], cutoff: dt.date, years_allowed: set[int]
) -> tuple[Obs | None, float | None]:
    """The year-to-date figure (method: "The goal's own year") and the same months a year
    before, from usable rows of one series ending by `cutoff`."""
    flows = [r for r in rows if r.kind == "month" and r.basis in ("ytd", "month")]
    if not flows:
        return None, None
    last = max(r.end for r in flows)
    y, m = last.year, last.month
    if m > 11 or y not in years_allowed:
        return None, None
    value = cumulative(rows, y, m)
    if value is None or value <= 0:
        return None, None
    before = cumulative(rows, y - 1, m)
    return Obs(last, value, f"{y:04d}-{m:02d}", "ytd"), before if before and before > 0 else None


def years(a: dt.date, b: dt.date) -> float:
    return (b - a).days / 365.25


def months(a: dt.date, b: dt.date) -> float:
    """months(a -> b) of the method: whole months between month ends, a fraction inside one."""
    da = calendar.monthrange(a.year, a.month)[1]
    db = calendar.monthrange(b.year, b.month)[1]
    return 12 * (b.year - a.year) + (b.month - a.month) + b.day / db - a.day / da


def deadline_of(target: dict[str, Any]) -> dt.date:
    """D: the deadline as written, or 31 December of a year goal's year."""
    if "year" in target:
        return dt.date(int(target["year"]), 12, 31)
    day: dt.date = target["deadline"]
    return day


def pace_category(ratio: float | None) -> str | None:
    if ratio is None:
        return None
    for bound, name in PACE_BANDS:
        if ratio >= bound:
            return name
    return "moving_away"


def _baseline(target: dict[str, Any], obs: list[Obs]) -> Obs | None:
    base = target.get("baseline")
    if base is None:
        return obs[0] if obs else None
    _, _, end = parse_period(base["period"])
    if "value" in base:
        return Obs(end, float(base["value"]), str(base["period"]), "given")
    same_end = [o for o in obs if o.end == end]  # R6; none is a data issue
    return same_end[-1] if same_end else None  # the lower of two rows ending together (R11)


YEAR_FIELDS = (
    "ytd_share_of_target_pct",
    "ytd_schedule_pct",
    "ytd_schedule_gap_pts",
    "ytd_pace_ratio",
    "ytd_yoy_pct",
)


def unchanged_since(obs: list[Obs]) -> str | None:
    """The earliest period of the unbroken run equal to the latest value, ending at it, when it
    holds two or more observations over 12 months or more (R18)."""
    if len(obs) < 2:
        return None
    last = obs[-1]
    run = [last]
    for o in reversed(obs[:-1]):
        if abs(o.value - last.value) > 1e-9 * max(abs(o.value), abs(last.value)):
            break
        run.append(o)
    first = run[-1]
    if len(run) >= 2 and months(first.end, last.end) >= 12:
        return first.period
    return None


def judge(target: dict[str, Any], rows: list[Row], month: tuple[int, int]) -> dict[str, Any]:
    """Figures and status of one target at report month `month` (year, month)."""
    eom = month_end(*month)
    obs = observations(target, rows, eom)
    T = float(target["target"])
    D = deadline_of(target)
    goal_year = int(target["year"]) if "year" in target else None
    sign = 1 if target["direction"] == "increase" else -1

    def meets(v: float) -> bool:
        return v >= T if sign > 0 else v <= T

    base = _baseline(target, obs)
    latest = obs[-1] if obs else None
    ytd, ytd_before = None, None
    if target["kind"] == "annual_total":
        ytd, ytd_before = year_to_date(_usable(target, rows, eom), eom, {month[0], D.year})
    own = ytd is not None and (D.month, D.day) == (12, 31) and ytd.end.year == D.year
    f: dict[str, Any] = dict.fromkeys(
        [
            "share_of_target_pct",
            "gap",
            "gap_closed_pct",
            "time_elapsed_pct",
            "actual_cagr",
            "required_cagr",
            "pace_ratio",
            "pace_category",
            "required_cagr_from_latest",
            "projected_at_deadline",
            "eta",
            "schedule_gap_pts",
            *YEAR_FIELDS,
        ]
    )
    if base is not None:
        B, t0 = base.value, base.end
        if t0 < D and B > 0 and T > 0:
            f["required_cagr"] = (T / B) ** (1 / years(t0, D)) - 1
    if ytd is not None:
        C, N = ytd.value, ytd.end.month
        if ytd_before is not None:
            f["ytd_yoy_pct"] = 100 * (C / ytd_before - 1)
        if own:
            f["ytd_share_of_target_pct"] = 100 * C / T
            f["ytd_schedule_pct"] = 100 * N / 12
            f["ytd_schedule_gap_pts"] = 100 * C / T - 100 * N / 12
            f["ytd_pace_ratio"] = (C / T) / (N / 12) if sign > 0 else (N / 12) / (C / T)
    if latest is not None:
        A, t = latest.value, latest.end
        f["share_of_target_pct"] = 100 * A / T
        f["gap"] = T - A
        if base is not None and base.end < D:
            share = months(base.end, t) / months(base.end, D)
            f["time_elapsed_pct"] = 100 * min(1.0, max(0.0, share))
        if base is not None and base.value != T:
            f["gap_closed_pct"] = 100 * (A - base.value) / (T - base.value)
        if base is not None and t > base.end and A > 0 and base.value > 0:
            f["actual_cagr"] = (A / base.value) ** (1 / years(base.end, t)) - 1
        req = f["required_cagr"]
        if f["actual_cagr"] is not None and req is not None and req != 0:
            f["pace_ratio"] = sign * f["actual_cagr"] / abs(req)
        if t < D:
            f["required_cagr_from_latest"] = (T / A) ** (1 / years(t, D)) - 1
            if f["actual_cagr"] is not None:
                f["projected_at_deadline"] = A * (1 + f["actual_cagr"]) ** years(t, D)
        if (
            not own
            and base is not None
            and base.end < t < D
            and f["gap_closed_pct"] is not None
            and f["time_elapsed_pct"] is not None
        ):
            f["schedule_gap_pts"] = f["gap_closed_pct"] - f["time_elapsed_pct"]
        c = f["actual_cagr"]
        if c is not None and not meets(A) and sign * c > 0:
            span = math.log(T / A) / math.log1p(c)  # log1p: never 0 for a tiny nonzero pace
            try:
                f["eta"] = t + dt.timedelta(days=round(span * 365.25))
            except OverflowError:
                f["eta"] = None  # R8: beyond any calendar date
    f["pace_category"] = pace_category(f["ytd_pace_ratio"] if own else f["pace_ratio"])

    met_late = final_not_in = False
    if goal_year is not None:  # R17: only the year's own total is its final figure
        final = next((o for o in obs if o.end == D and o.basis == "annual"), None)
    else:
        final = next((o for o in obs if o.end >= D and o.basis != "rate"), None)  # R14
    if latest is None and not own:
        status = "not_assessable"
    elif eom <= D and final is None:
        if own:
            assert ytd is not None
            if sign > 0 and meets(ytd.value):
                status = "achieved"  # 提前完成全年目标
            else:
                status = f["pace_category"] or "not_assessable"
        elif goal_year is not None:
            status = "not_assessable"  # no figure of its year yet
        else:
            assert latest is not None
            status = "achieved" if meets(latest.value) else (f["pace_category"] or "not_assessable")
    elif final is not None:
        status = "achieved" if meets(final.value) else "missed"
        met_late = (
            status == "missed"
            and goal_year is None
            and any(o.end > final.end and meets(o.value) for o in obs)
        )
    elif own:
        assert ytd is not None
        met = sign > 0 and meets(ytd.value)
        status, final_not_in = ("achieved", True) if met else ("awaiting_final", False)
    elif (
        latest is not None
        and latest.basis != "rate"  # R14
        and meets(latest.value)
        and goal_year is None  # R17: a year goal is met only by a figure of its year
    ):
        status = "achieved"
        final_not_in = True
    else:
        status = "awaiting_final"
    outlook = None
    if status == "awaiting_final" and f["projected_at_deadline"] is not None:
        outlook = "likely_achieved" if meets(f["projected_at_deadline"]) else "likely_missed"

    back = month[0] * 12 + month[1] - 1 - 13
    stale_before = month_end(back // 12, back % 12 + 1)  # R9
    newest = max((o.end for o in (latest, ytd) if o is not None), default=None)
    return {
        "deadline": D.isoformat(),
        "baseline_value": None if base is None else base.value,
        "baseline_period": None if base is None else base.period,
        "latest_value": None if latest is None else latest.value,
        "latest_period": None if latest is None else latest.period,
        "latest_basis": None if latest is None else latest.basis,
        **f,
        "eta": None if f["eta"] is None else f["eta"].isoformat(),
        "status": status,
        "outlook": outlook,
        "stale": newest is not None and newest < stale_before,
        "ytd_value": None if ytd is None else ytd.value,
        "ytd_period": None if ytd is None else ytd.period,
        "unchanged_since": unchanged_since(obs),
        # The notes' wording is the app's; the method only says these two notes exist.
        "note_met_late": met_late,
        "note_final_not_in": final_not_in,
    }


def previous_month(month: tuple[int, int]) -> tuple[int, int]:
    y, m = month
    return (y - 1, 12) if m == 1 else (y, m - 1)


def report(targets_path: Path, actuals_path: Path, as_of: str) -> dict[str, Any]:
    """The method's JSON report (as_of and targets) for the given inputs."""
    with open(targets_path, "rb") as fh:
        spec = tomllib.load(fh)
    rows = read_rows(actuals_path)
    y, m = (int(p) for p in as_of.split("-"))
    out = []
    for target in spec.get("targets", []):
        now = judge(target, rows, (y, m))
        before = judge(target, rows, previous_month((y, m)))
        out.append(
            {
                "id": target["id"],
                "region": target["region"],
                "indicator": target["indicator"],
                "name": target["name"],
                "unit": target["unit"],
                "kind": target["kind"],
                "direction": target["direction"],
                "target": target["target"],
                **now,
                "previous_status": before["status"],
            }
        )
    return {"as_of": f"{y:04d}-{m:02d}", "targets": out}
