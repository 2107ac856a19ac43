"""Judge every target and context indicator for a report month; collect the data issues."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Hashable
from dataclasses import replace
from typing import Any

import pandas as pd

from ..model import (
    Actuals,
    Comparison,
    ContextResult,
    Figures,
    Indicator,
    InputFile,
    Issue,
    Note,
    Observation,
    Published,
    PublishedTarget,
    Report,
    Revision,
    Status,
    Target,
    TargetResult,
    TargetsFile,
)
from ..periods import Month, months_between, parse_period
from ..words.words import coded_issue, figure_text, scale_of
from . import plausibility
from .figures import YEAR_FIGURES, compute_figures, own_year, wrong_side
from .rows import Rows, as_rows, split_rows
from .series import (
    Series,
    SeriesWarning,
    annual_series,
    level_series,
    previous_series,
    target_series,
)
from .status import decide, outlook

# a figure far from a goal marks that goal alone (`_checks`)
SCALE = "plausibility.scale"

STALE_MONTHS = 13
UNCHANGED_MONTHS = 12


def unchanged_since(observations: tuple[Observation, ...]) -> str | None:
    """The period of the earliest observation of the unbroken run equal in value to the latest
    one, ending at it, when the run holds two or more and spans 12 months or more."""
    if len(observations) < 2:
        return None
    latest = observations[-1]
    first = latest
    for o in reversed(observations[:-1]):
        if abs(o.value - latest.value) > 1e-9 * max(abs(o.value), abs(latest.value)):
            break
        first = o
    if first is latest or months_between(first.end, latest.end) < UNCHANGED_MONTHS:
        return None
    return first.period


def _pace_and_line(target: Target, status: str, figures: Figures) -> list[Note]:
    """Why the status and the schedule gap point different ways, when they do.

    The status judges the rate of change a year (compound, as Eurostat does), the schedule gap
    a straight line from the baseline to the goal. A steady rate of growth runs below that
    line at first, a steady rate of decline above it; and 95 % of the rate needed is on track.
    So "on track" may stand beside "behind the schedule", and (for a decrease) "moderate
    progress" beside "ahead of it": the card says why."""
    gap, ratio = figures.schedule_gap_pts, figures.pace_ratio
    if gap is None or ratio is None or abs(gap) < 0.05:
        return []
    said = (("percent", f"{100 * ratio:.0f}"), ("points", f"{abs(gap):.1f}"))
    increase = target.direction == "increase"
    if status == "on_track" and gap < 0:
        return [Note("on_track_behind_line" if increase else "on_track_margin", said)]
    if status in ("moderate_progress", "insufficient_progress") and gap > 0 and not increase:
        return [Note("short_ahead_of_line", said)]
    return []


def _baseline(target: Target, series: Series) -> tuple[Observation | None, list[Note]]:
    observations = series.observations
    base = target.baseline
    if base is None:
        return (observations[0] if observations else None), []
    period = parse_period(base.period)
    if base.value is not None:
        basis = "level" if target.kind == "level" else "annual"
        return Observation(period.end, base.value, base.period, basis), []  # type: ignore[arg-type]
    match = [o for o in observations if o.end == period.end]
    if match:
        return match[-1], []
    return None, [Note("baseline_missing", (("period", base.period),))]


def _assess(
    target: Target, rows: pd.DataFrame | Rows, as_of: Month, series: Series | None = None
) -> tuple[Series, Observation | None, Observation | None, TargetResult]:
    """Judge one target at `as_of`; `series`, when given, is its target_series at that month."""
    report_end = as_of.end
    if series is None:
        series = target_series(target, rows, report_end)
    observations = series.observations
    latest = observations[-1] if observations else None
    baseline, notes = _baseline(target, series)
    ytd = series.ytd
    figures, why = compute_figures(target, baseline, latest, report_end, ytd, series.ytd_before)
    status, final, status_notes = decide(
        target, observations, latest, figures, report_end, baseline, ytd
    )
    if notes and status_notes and status_notes[0].code.startswith("no_pace"):
        status_notes = status_notes[1:]  # the missing baseline says why already
    notes += status_notes
    notes += _pace_and_line(target, status, figures)
    # The latest figure: the latest observation, or the year-to-date figure when that is later.
    newest = latest
    if ytd is not None and (newest is None or ytd.end > newest.end):
        newest = ytd
    stale = newest is not None and newest.end < as_of.shift(-STALE_MONTHS).end
    if stale and newest is not None:
        months = (as_of.year - newest.end.year) * 12 + as_of.month - newest.end.month
        notes.append(Note("stale", (("period", newest.period), ("months", str(months)))))
    if latest is not None and latest.basis == "ttm":
        notes.append(Note("ttm", (("period", latest.period),)))
    if latest is not None and latest.estimate:
        notes.append(Note("estimate", (("period", latest.period),)))
    own = own_year(target, ytd)
    result = TargetResult(
        target=target,
        observations=observations,
        baseline=baseline,
        latest=latest,
        final=final,
        figures=figures,
        status=status,
        previous_status=status,
        previous_latest=None,
        stale=stale,
        notes=tuple(notes),
        why_null=tuple(sorted((k, v) for k, v in why.items() if k not in YEAR_FIGURES)),
        why_null_year=tuple(sorted((k, v) for k, v in why.items() if k in YEAR_FIGURES)),
        ytd=ytd,
        outlook=outlook(target, status, figures),
        unchanged_since=unchanged_since(observations),
        own_year=own,
        # the goal's own year by month, or (December's report) its whole year, its total in
        year_months=(
            series.year_months
            if own or (final is not None and final.end == target.deadline)
            else ()
        ),
    )
    return series, baseline, latest, result


def _previous(
    target: Target, rows: pd.DataFrame | Rows, as_of: Month, series: Series
) -> tuple[Status, Observation | None, Observation | None]:
    """Status, latest observation and year-to-date figure at the month before `as_of`
    (`series`: at `as_of`).

    The observations are without the source and note of their rows: only their period and
    value are compared with this month's.
    """
    before = as_of.shift(-1)
    earlier = previous_series(target, rows, series, before.end)
    _, _, latest, result = _assess(target, rows, before, earlier)
    return result.status, _bare(latest), _bare(result.ytd)


def _bare(o: Observation | None) -> Observation | None:
    """The observation without its sources and notes."""
    if o is None or not (o.source or o.note):
        return o
    return Observation(o.end, o.value, o.period, o.basis, o.rows)


def _revisions(result: TargetResult, published: PublishedTarget) -> tuple[Revision, ...]:
    """Figures for a period the published report also listed, whose value has changed."""
    before = dict(published.values)
    revised = []
    for o in result.observations:
        old = before.get((o.period, o.basis))
        if old is not None and abs(o.value - old) > 1e-9 * max(abs(old), abs(o.value), 1.0):
            revised.append(Revision(o.period, o.basis, old, o.value))
    return tuple(revised)


def chinese_name(region_zh: str | None, region: str, indicator_zh: str | None, other: str) -> str:
    """A series or target as a Chinese reader knows it: 辽源·服装年产能 (the region's and the
    indicator's Chinese names, where targets.toml gives them; else their codes, or `other`)."""
    return f"{region_zh or region}·{indicator_zh or other}"


def _months_missing(target: Target, rows: Rows, as_of: Month) -> tuple[tuple[int, ...], int]:
    """A goal for one year, in its year: the months before the last one with a row of its year
    (to the report month) that none of its rows covers (a month's amount, or January to a
    month's sum), and that last month; ((), 0) for any other goal or year."""
    covered: set[int] = set()
    last = 0
    if target.year is None or target.year != as_of.year:
        return (), last
    for end, basis, kind in zip(rows.end, rows.basis, rows.kind, strict=True):
        if kind != "month" or end.year != target.year or end > as_of.end:
            continue
        if basis == "ytd":
            covered.update(range(1, end.month + 1))
        elif basis in ("", "month"):
            covered.add(end.month)
        else:
            continue
        last = max(last, end.month)
    return tuple(m for m in range(1, last + 1) if m not in covered), last


def _close_series(
    target: Target, keys: list[tuple[str, str]], regions_zh: dict[str, str]
) -> tuple[str, str, str] | None:
    """The sheet's series (`keys`: region, indicator) whose region or indicator is close to a
    goal's that has no rows, the other name the same (Liaoyuan for a targets file's Liaoyaun):
    a typo in targets.toml was said only "no rows for target", where a typo in the sheet is
    offered the names it is close to (a park analyst's find). The region's Chinese name last."""
    regions = sorted({r for r, i in keys if i == target.indicator and r != target.region})
    if found := difflib.get_close_matches(target.region, regions, n=1, cutoff=0.75):
        return found[0], target.indicator, regions_zh.get(found[0], found[0])
    indicators = sorted({i for r, i in keys if r == target.region and i != target.indicator})
    if found := difflib.get_close_matches(target.indicator, indicators, n=1, cutoff=0.75):
        return target.region, found[0], regions_zh.get(target.region, target.region)
    return None


def _target_warning(
    target: Target,
    file: str | None,
    sheet: str | None,
    *,
    code: str,
    params: tuple[tuple[str, str], ...] = (),
    row: int | None = None,
    column: str | None = None,
    region_zh: str | None = None,
) -> Issue:
    """A warning about one target: its id leads the parameters (the English names it so), its
    Chinese name ends them (`target_zh`: 辽源·服装年产能), and it is marked with it."""
    name = chinese_name(region_zh or target.region_zh, target.region, target.name_zh, target.name)
    return coded_issue(
        "warning",
        code,
        (("target", target.id), *params, ("target_zh", name)),
        file=file,
        sheet=sheet,
        row=row,
        column=column,
        target_id=target.id,
    )


# A goal in a unit counting in 万 or 亿 that comes to 10万亿 or more (3,600,000,000 亿元, a
# tenth of the country's output and far beyond a park's) was written in full: the unit's scale
# is said twice (the page read 36亿亿元 before units counting in a scale were shown as written).
IN_FULL_FROM = 1e13


def _indicator_names(targets: tuple[Target, ...]) -> list[str]:
    """Every way the targets' indicators are written: their codes, and their goals' Chinese and
    English names (a sheet row may give any of them)."""
    names = [t.indicator for t in targets] + [t.name_zh or "" for t in targets]
    names += [t.name for t in targets]
    return list(dict.fromkeys(n for n in names if n))


def goals_in_full(targets: TargetsFile, file: str) -> list[Issue]:
    """A warning on each goal written in full in a unit that counts in 万 or 亿 (IN_FULL_FROM),
    located in the targets file."""
    regions_zh = dict(targets.regions_zh)
    out = []
    for target in targets.targets:
        prefix, scale = scale_of(target.unit)
        if scale == 1 or abs(target.target) * scale < IN_FULL_FROM:
            continue  # a unit of its own (元, yuan) holds any goal
        given = (
            ("unit", target.unit),
            ("scale", prefix),
            ("goal", figure_text(target.target)),
            ("meant", figure_text(target.target / scale)),
        )
        region_zh = regions_zh.get(target.region)
        out.append(
            _target_warning(
                target, file, None, code="goal_in_full", params=given, region_zh=region_zh
            )
        )
    return out


# A month's amount, a year-to-date sum, an annual rate: a basis no level's row has.
FLOW_BASES = frozenset({"month", "ytd", "rate"})


def basis_on_level(
    target: Target,
    basis: str,
    *,
    file: str | None = None,
    sheet: str | None = None,
    row: int | None = None,
    column: str | None = None,
    region_zh: str | None = None,
) -> Issue | None:
    """The warning for a row of a level goal's series that has a flow's basis: the row is read
    as the level at its month's end, and the goal judged on it is marked. None when the basis
    fits. Judging gives it for each such row; `actuals add` as it stores one."""
    if target.kind != "level" or basis not in FLOW_BASES:
        return None
    params = (("basis", basis),)
    return _target_warning(
        target,
        file,
        sheet,
        code="basis_on_level",
        params=params,
        row=row,
        column=column,
        region_zh=region_zh,
    )


def _judge_target(
    target: Target,
    frame: pd.DataFrame | Rows,
    as_of: Month,
    file: str,
    sheet: str,
    info: dict[int, tuple[str, str, str, str]],
    checks: tuple[Issue, ...] = (),
    published: PublishedTarget | None = None,
    region_zh: str | None = None,
    left_out: tuple[int, ...] = (),
    close: tuple[str, str, str] | None = None,
) -> tuple[TargetResult, list[Issue]]:
    """One target's result, with its sources (`info`: row -> source and note), its plausibility
    warnings (`checks`) and last month's status; and its data issues. `left_out`: the rows of
    its series left out for an error on them."""
    issues: list[Issue] = []
    rows = as_rows(frame)
    if target.kind == "annual_total":
        for row in (r for r, kind in zip(rows.row, rows.kind, strict=True) if kind == "date"):
            issues.append(
                _target_warning(
                    target,
                    file,
                    sheet,
                    code="date_for_annual_total",
                    row=int(row),
                    column="period",
                    region_zh=region_zh,
                )
            )
    if target.kind == "level":
        # A month's amount, a year-to-date sum or an annual rate is no level: the goal judged
        # on such a row is marked, as on a figure that breaks a plausibility rule (a 累计数
        # typed for a capacity read 25 % done).
        flows: list[Issue] = []
        for row, basis, end in zip(rows.row, rows.basis, rows.end, strict=True):
            if end > as_of.end or basis not in FLOW_BASES:  # most rows: no call made
                continue
            flow = basis_on_level(
                target,
                basis,
                file=file,
                sheet=sheet,
                row=int(row),
                column="basis",
                region_zh=region_zh,
            )
            if flow is not None:
                flows.append(flow)
        issues += flows
        checks = (*checks, *flows)
        # A month row of 0 without a basis is read (a month's amount of nothing), but a level
        # of 0 is no figure: left out of the level's series (target_series), and said.
        if rows.value and min(rows.value) <= 0:
            issues += [
                coded_issue(
                    "error",
                    "value_not_positive",
                    (("value", figure_text(value)),),
                    file=file,
                    sheet=sheet,
                    row=int(row),
                    column="value",
                    target_id=target.id,
                )
                for row, value, end in zip(rows.row, rows.value, rows.end, strict=True)
                if value <= 0 and end <= as_of.end
            ]
    series = target_series(target, rows, as_of.end, info)  # its observations with their sources
    _, _, _, result = _assess(target, rows, as_of, series)
    if result.baseline is not None and wrong_side(target, result.baseline.value):
        params: tuple[tuple[str, str], ...] = (
            ("direction", target.direction),
            ("goal", f"{target.target:g}"),
            ("baseline", f"{result.baseline.value:g}"),
            ("period", result.baseline.period),
            # the file gives no baseline: its first figure stands for one, and is said so
            ("side", target.direction + ("" if target.baseline else "_first")),
        )
        issues.append(
            _target_warning(
                target, file, sheet, code="wrong_side", params=params, region_zh=region_zh
            )
        )
    for warning in series.warnings:
        issues.append(
            _target_warning(
                target,
                file,
                sheet,
                code=warning.code,
                params=warning.params,
                row=warning.row,
                column=warning.column,
                region_zh=region_zh,
            )
        )
    if not len(rows):
        # The names a Chinese reader knows the target by go with the codes (formatting: `_zh`).
        params = (
            ("region", target.region),
            ("indicator", target.indicator),
            ("region_zh", region_zh or target.region),
            ("indicator_zh", target.name_zh or target.indicator),
        )
        if left_out:  # rows were there, all left out: said, or "no rows" reads as lost rows
            params += (("rows", ", ".join(map(str, left_out))),)
            issue = _target_warning(
                target, file, sheet, code="no_rows_left_out", params=params, region_zh=region_zh
            )
        elif close is not None:  # the sheet's rows of a name close to its own: a typo
            if close[0] != target.region:  # the region differs (its Chinese name too)
                params += (("close", "region"), ("close_region", close[0]))
                params += (("close_region_zh", close[2]),)
                params += (("typed", target.region), ("meant", close[0]))
            else:
                params += (("close", "indicator"), ("close_indicator", close[1]))
                params += (("typed", target.indicator), ("meant", close[1]))
            issue = _target_warning(
                target, file, sheet, code="no_rows_close", params=params, region_zh=region_zh
            )
        else:
            issue = _target_warning(
                target, file, sheet, code="no_rows", params=params, region_zh=region_zh
            )
        issues.append(issue)
    elif result.ytd is None and (gap := _months_missing(target, rows, as_of))[0]:
        # a goal for one year whose months of its year leave a gap (May left out of Jan–Nov):
        # its 1—N月 cannot be summed, and "no figure of 2026 yet" stood over ten of them
        missing, last = gap
        said = (
            ("through", str(Month(as_of.year, last))),
            ("missing", str(len(missing))),
            ("period", str(Month(as_of.year, missing[0]))),
        )
        issues.append(
            _target_warning(
                target, file, sheet, code="year_months_missing", params=said, region_zh=region_zh
            )
        )
        result = replace(
            result,
            notes=(
                *(n for n in result.notes if n.code not in ("no_observation", "year_no_figure")),
                Note("year_months_missing", said),
            ),
        )
    elif target.year is not None and target.year > as_of.year:
        pass  # a goal for a year not begun: the rows of this year are not its (2027's in 2026)
    elif any(n.code == "no_observation" for n in result.notes) and (
        written := sum(1 for end in rows.end if end <= as_of.end)
    ):
        # rows up to the report month, none of them a figure the goal can be judged on (year-
        # to-date sums of another year for a goal on a year's total): `check` says so, not
        # only the report's "not assessable"
        issues.append(
            _target_warning(
                target,
                file,
                sheet,
                code="no_usable_rows",
                params=(("count", str(written)),),
                region_zh=region_zh,
            )
        )
    elif target.baseline and target.baseline.value is None and result.baseline is None:
        params = (("period", target.baseline.period),)
        issues.append(
            _target_warning(
                target, file, sheet, code="baseline_missing", params=params, region_zh=region_zh
            )
        )
    if result.ytd is not None and _year_before_missing(series, ytd_end := result.ytd.end):
        # 同比 left blank: the same months of the year before are not in the sheet (a year
        # begun without last year's figures); `check` says so, not only the card's blank line
        year_before: tuple[tuple[str, str], ...] = (
            ("ytd", f"{ytd_end.year}-{ytd_end.month:02d}"),
            ("months", f"{ytd_end.year - 1}-{ytd_end.month:02d}"),
        )
        issues.append(
            _target_warning(
                target,
                file,
                sheet,
                code="year_before_missing",
                params=year_before,
                region_zh=region_zh,
            )
        )
    # Everything added to the result goes in at once: dataclasses.replace copies every field.
    fields: dict[str, Any] = {"checks": checks}
    if published is not None:
        fields["previous_status"] = published.status
        fields["previous_latest"] = published.latest
        fields["previous_ytd"] = published.ytd
        fields["previous_own_year"] = own_year(target, published.ytd)
        fields["revisions"] = _revisions(result, published)
    else:
        status, latest, ytd = _previous(target, rows, as_of, series)
        fields.update(
            previous_status=status,
            previous_latest=latest,
            previous_ytd=ytd,
            previous_own_year=own_year(target, ytd),
        )
    return replace(result, **fields), issues


# Issues on a gap in a series' rows rather than on one goal: said once, for its first goal.
SERIES_GAPS = frozenset({"year_before_missing"})


def _year_before_missing(series: Series, ytd: dt.date) -> bool:
    """Whether the sheet gives no sum of the months of `ytd`'s year-to-date a year before
    (neither a ytd row nor every month's amount); a sum given but not above zero is there."""
    before = series.years.get(ytd.year - 1)
    return before is None or before.ytd[ytd.month] is None


def _checks(
    targets: tuple[Target, ...],
    groups: dict[Hashable, Rows],
    declared: dict[str, Indicator],
    file: str,
    sheet: str,
    regions_zh: dict[str, str],
) -> tuple[dict[Hashable, list[Issue]], dict[str, frozenset[int]]]:
    """Plausibility warnings for every series in the sheet, targeted or not, by series; and,
    for each goal of a series with more than one, the rows whose figure is out of its scale
    (`scale`: such a goal is marked only for the figures far from it, a series' goals being in
    units of their own; the goal of a series of one is marked for all its series' warnings)."""
    by_key: dict[Hashable, list[Target]] = {}
    for t in targets:
        by_key.setdefault((t.region, t.indicator), []).append(t)
    found: dict[Hashable, list[Issue]] = {}
    far: dict[str, frozenset[int]] = {}
    for key, rows in groups.items():
        region, indicator = (str(part) for part in key)  # type: ignore[attr-defined]
        goals = by_key.get(key, [])
        target = goals[0] if goals else None
        other = declared.get(indicator, Indicator("", ""))
        unit = target.unit if target else other.unit
        name_zh = target.name_zh if target else other.name_zh
        # a Chinese name only where targets.toml gives one (else its issues say the codes)
        known_zh = regions_zh.get(region) or name_zh
        name = (
            chinese_name(regions_zh.get(region), region, name_zh, indicator) if known_zh else None
        )
        series = plausibility.Series(region, indicator, unit, target, name)
        warnings = plausibility.check_series(series, rows, file, sheet)
        if len(goals) > 1:
            said = {i.row for i in warnings if i.code == SCALE and i.row is not None}
            far[goals[0].id] = frozenset(said)
            # the series' further goals (a 2030 goal beside the 2025 one): each held to its
            # own scale, a row already said out of scale said once
            for goal in goals[1:]:
                scaled = plausibility.check_scale(replace(series, target=goal), rows, file, sheet)
                far[goal.id] = frozenset(i.row for i in scaled if i.row is not None)
                warnings += [i for i in scaled if i.row not in said]
                said |= far[goal.id]
        if warnings:
            found[key] = warnings
    return found, far


def _context(
    rows: pd.DataFrame, indicators: dict[str, Indicator], as_of: Month, regions_zh: dict[str, str]
) -> tuple[list[ContextResult], list[SeriesWarning]]:
    """Each context series' latest value; a flow's year-to-date figure; its warnings (month
    amounts that disagree with a year-to-date row)."""
    results = []
    warnings: list[SeriesWarning] = []
    flows: dict[tuple[str, str], tuple[Observation | None, float | None]] = {}
    # A flow: a series with a month row whose basis says `ytd` or `month` (a month row with no
    # basis may as well be a level read at the month's end).
    written = rows["basis"].isin(("ytd", "month")) & (rows["period_kind"] == "month")
    for (region, indicator), mine in rows.groupby(["region", "indicator"]):
        if not written[mine.index].any():
            continue
        flow = annual_series(Rows.from_frame(mine).without_dates(), as_of.year)
        flows[(str(region), str(indicator))] = (flow.ytd, flow.ytd_before)
        for warning in flow.warnings:
            if warning.code in ("ytd_months_differ", "ytd_months_differ_between"):
                declared = indicators.get(str(indicator))
                name = chinese_name(
                    regions_zh.get(str(region)),
                    str(region),
                    declared.name_zh if declared else None,
                    str(indicator),
                )
                warning.params = (
                    ("target", f"{region} / {indicator}"),
                    *warning.params,
                    ("target_zh", name),
                )
                warnings.append(warning)
    # A year-to-date sum and a month's own amount are each held against their like: the same
    # months a year before (1—3月 against 1—3月, March against March), never against a year's
    # total or a level; rows of no basis (a level, a year) against the one before.
    kind = rows["basis"].where(rows["basis"].isin(("ytd", "month")), "")
    for (region, indicator, basis), group in rows.groupby(
        [rows["region"], rows["indicator"], kind], sort=True
    ):
        series = level_series(group).observations
        latest = series[-1]
        earlier = series[:-1]
        if basis:
            earlier = tuple(o for o in earlier if _same_months_a_year_before(o, latest))
        declared = indicators.get(str(indicator))
        year_to_date, before = flows.get((str(region), str(indicator)), (None, None))
        yoy = None
        if year_to_date is not None and before is not None and before > 0:
            yoy = 100 * (year_to_date.value / before - 1)
        results.append(
            ContextResult(
                str(region),
                str(indicator),
                declared.name if declared else str(indicator),
                declared.unit if declared else "",
                str(basis),
                latest,
                earlier[-1] if earlier else None,
                declared.name_zh if declared else None,
                year_to_date,
                yoy,
            )
        )
    return results, warnings


def _same_months_a_year_before(o: Observation, latest: Observation) -> bool:
    return (o.end.year, o.end.month) == (latest.end.year - 1, latest.end.month)


def judge(
    targets: TargetsFile,
    actuals: Actuals,
    as_of: Month,
    *,
    actuals_name: str = "",
    inputs: tuple[InputFile, ...] = (),
    published: Published | None = None,
    comparison: Comparison | None = None,
) -> Report:
    """The report for `as_of`: every target judged, context indicators, and data issues.

    `published` is last month's report as published: when it is for the month before `as_of`,
    each target's previous status and latest figure are taken from it and figures revised
    since are listed; otherwise last month is judged again from these rows. `comparison` says
    why no published report was used (from the reader), and is kept in the report.
    """
    return _judge(targets, actuals, as_of, actuals_name, inputs, published, comparison)


def _beside_year_goals(results: list[TargetResult]) -> list[TargetResult]:
    """Each goal whose year-to-date figure is of a year another goal of its series is set for
    (a plan goal beside its year's goal) learns that goal (`year_goal_beside`)."""
    goals = {
        (r.target.region, r.target.indicator, r.target.year): r.target.target
        for r in results
        if r.target.year is not None
    }
    if not goals:
        return results
    beside = []
    for r in results:
        key = (r.target.region, r.target.indicator, r.ytd.end.year if r.ytd else None)
        if r.ytd is not None and not r.own_year and key in goals:
            r = replace(r, year_goal_beside=goals[key])
        beside.append(r)
    return beside


def _judge(
    targets: TargetsFile,
    actuals: Actuals,
    as_of: Month,
    actuals_name: str,
    inputs: tuple[InputFile, ...],
    published: Published | None = None,
    comparison: Comparison | None = None,
) -> Report:
    if published is not None and published.as_of != as_of.shift(-1):
        comparison = Comparison("recomputed", published.file, "other_month")
        published = None
    if published is not None:
        comparison = Comparison("published", published.file)
    before = dict(published.targets) if published is not None else {}
    rows = actuals.rows
    sheet = actuals.sheet
    issues = list(targets.issues) + list(actuals.issues)
    issues += goals_in_full(targets, inputs[0].name if inputs else "targets.toml")
    # a region of some target, or one listed under [[regions]] (a context series: Jilin)
    regions = {t.region for t in targets.targets} | set(targets.regions)
    regions_zh = dict(targets.regions_zh)
    regions_zh_listed = ", ".join(regions_zh.get(r, r) for r in sorted(regions))
    unknown = ~rows["region"].isin(regions)
    for region, group in rows.loc[unknown].groupby("region")["row"]:
        for row in group:
            issues.append(
                coded_issue(
                    "error",  # the row is left out of the report: an error, as `check` counts it
                    "unknown_region",
                    (
                        ("region", str(region)),
                        ("regions", ", ".join(sorted(regions))),
                        ("regions_zh", regions_zh_listed),
                    ),
                    file=actuals_name,
                    sheet=sheet,
                    row=int(row),
                    column="region",
                )
            )
    rows = rows.loc[~unknown]
    info = dict(
        zip(
            rows["row"].tolist(),
            zip(
                rows["source"].tolist(),
                rows["note"].tolist(),
                rows["flags"].tolist(),
                rows["period"].tolist(),
                strict=True,
            ),
            strict=True,
        )
    )
    in_scope = rows[rows["end"] <= pd.Timestamp(as_of.end)]
    groups: dict[Hashable, Rows] = split_rows(rows, ["region", "indicator"])
    empty = Rows.from_frame(rows.iloc[0:0])
    declared = {i.indicator: i for i in targets.indicators}
    # by series: a province that breaks a rule on every row keeps no index of its rows
    checked, far = _checks(targets.targets, groups, declared, actuals_name, sheet, regions_zh)
    # A period entered twice with two values (the lower row used, method: duplicates), or
    # again below in a row that could not be read (the upper one used), leaves the figure in
    # doubt as a rule broken does: its series' targets are marked for it too.
    conflicts: dict[Hashable, list[Issue]] = {}
    for issue in actuals.issues:
        if issue.code in ("duplicate_conflict", "duplicate_left_out"):
            said = dict(issue.params)
            conflicts.setdefault((said["region"], said["indicator"]), []).append(issue)
    report_end = pd.Timestamp(as_of.end).date()
    series_keys = [(str(k[0]), str(k[1])) for k in groups if isinstance(k, tuple)]
    results = []
    said_rows: set[tuple[str, int, str | None]] = set()
    said_gaps: set[tuple[str, tuple[str, str], tuple[tuple[str, str], ...]]] = set()
    for target in targets.targets:
        key = (target.region, target.indicator)
        mine = groups.get(key, empty)
        # The plausibility warnings and conflicting duplicates on this series' rows (most
        # series have none), up to the report month.
        marks: tuple[Issue, ...] = ()
        doubts = checked.get(key, [])
        if (scaled := far.get(target.id)) is not None:  # one goal of several on its series
            doubts = [i for i in doubts if i.code != SCALE or i.row in scaled]
        doubts = doubts + conflicts.get(key, [])
        if doubts:
            later = {r for r, end in zip(mine.row, mine.end, strict=True) if end > report_end}
            marks = tuple(i for i in doubts if i.row not in later)
        result, found = _judge_target(
            target,
            mine,
            as_of,
            actuals_name,
            sheet,
            info,
            marks,
            before.get(target.id),
            regions_zh.get(target.region),
            actuals.left_out.get(key, ()),
            None if len(mine) else _close_series(target, series_keys, regions_zh),
        )
        results.append(result)
        # A row two goals of one series both warn about (a 2030 goal beside the 2025 one) is
        # one issue, said for the first; each goal keeps its mark. So is a gap in the series'
        # rows (the year before's months of a 1—N月 both goals give).
        for issue in found:
            if issue.code in SERIES_GAPS:
                gap = (issue.code, key, issue.params[1:-1])  # but the goal: its id, its name
                if gap not in said_gaps:
                    issues.append(issue)
                    said_gaps.add(gap)
            elif issue.row is None or (issue.code, issue.row, issue.column) not in said_rows:
                issues.append(issue)
                if issue.row is not None:
                    said_rows.add((issue.code, issue.row, issue.column))
    for warnings in checked.values():  # in the order of the series in the sheet
        issues += warnings
    results = _beside_year_goals(results)
    targeted = {(t.region, t.indicator) for t in targets.targets}
    untargeted = [
        key not in targeted
        for key in zip(in_scope["region"].tolist(), in_scope["indicator"].tolist(), strict=True)
    ]
    context_rows = in_scope.loc[untargeted] if len(in_scope) else in_scope
    known = declared.keys() | {t.indicator for t in targets.targets}
    goals_named = _indicator_names(targets.targets)
    for indicator, group in context_rows.loc[~context_rows["indicator"].isin(known)].groupby(
        "indicator"
    )["row"]:
        # a name close to one with a goal is a typo more often than an indicator of its own:
        # 工业产值 for 工业总产值 was read as a context indicator without a word
        close = difflib.get_close_matches(str(indicator), goals_named, n=1, cutoff=0.6)
        if not declared and not close:
            continue  # without [[indicators]], any other indicator is context
        code, params = (
            ("indicator_close", (("indicator", str(indicator)), ("close", close[0])))
            if close
            else ("undeclared_indicator", (("indicator", str(indicator)),))
        )
        for row in group:
            issues.append(
                coded_issue(
                    "warning",
                    code,
                    params,
                    file=actuals_name,
                    sheet=sheet,
                    row=int(row),
                    column="indicator",
                )
            )
    context, flow_warnings = _context(context_rows, declared, as_of, regions_zh)
    for warning in flow_warnings:
        issues.append(
            coded_issue(
                "warning",
                warning.code,
                warning.params,
                file=actuals_name,
                sheet=sheet,
                row=warning.row,
                column=warning.column,
            )
        )
    return Report(
        as_of,
        tuple(results),
        tuple(context),
        tuple(issues),
        inputs,
        targets.regions_zh,
        comparison or Comparison("recomputed", None, "none"),
        targets.info,
    )
