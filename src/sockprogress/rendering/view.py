"""What every output shows of one report, decided once, in the reader's words.

`build_view(report, words)` works out, for each target, its name and region as a reader knows
them, its key figures in order (each with its value, its text and the reason beside it when
blank), its status, outlook and check lines, its notes, sources and the figures behind it; and
for the report, the sentences said first, the changes since last month and which targets are
shown in full. The page (html.py), the workbook (excel/) and the Word bulletin lay this view
out; none of them decides a figure, a name or a reason on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from ..model import IssueGroup, Observation, Report, TargetResult
from ..periods import Month
from ..words import DEFAULT_LANG
from ..words.words import DASH, Words
from . import outcome
from .selection import IN_FULL, in_full, where_listed

# The figures of method.md a target's key figures list after the goal and the figures it is
# judged on (JSON names), in the order every output lists them.
COMPUTED = (
    "share_of_target_pct",
    "gap",
    "gap_closed_pct",
    "time_elapsed_pct",
    "schedule_gap_pts",
    "actual_cagr",
    "required_cagr",
    "pace_ratio",
    "pace_category",
    "required_cagr_from_latest",
    "projected_at_deadline",
    "eta",
)
# The goal's own year (method: 1—N月 against the year's goal), after the year-to-date figure.
YEAR = ("ytd_share_of_target_pct", "ytd_schedule_pct", "ytd_schedule_gap_pts", "ytd_yoy_pct")
# How each computed figure is written; "scaled" in the target's unit.
KINDS: dict[str, str] = {
    "share_of_target_pct": "pct",
    "gap": "scaled",
    "gap_closed_pct": "pct",
    "time_elapsed_pct": "pct",
    "schedule_gap_pts": "pts",
    "actual_cagr": "rate",
    "required_cagr": "rate",
    "pace_ratio": "ratio",
    "pace_category": "word",
    "required_cagr_from_latest": "rate",
    "projected_at_deadline": "scaled",
    "eta": "month",
    "ytd_share_of_target_pct": "pct",
    "ytd_schedule_pct": "pct",
    "ytd_schedule_gap_pts": "pts",
    "ytd_yoy_pct": "pct",
}


@dataclass(frozen=True)
class Figure:
    """One key figure of a target as a reader sees it.

    `value` is the number (a date for the deadline and the expected date, a word for the pace
    judgement), None when blank; `text` is how a sentence writes it (2.6 bn pairs, 65.0 %, —);
    `why` is the reason beside a blank one; `period` is the period of a published figure, in
    words as a table writes it; `remark` is what is said beside it (the schedule, in words).
    """

    key: str
    label: str
    value: Any
    text: str
    kind: str = ""
    why: str = ""
    period: str = ""
    remark: str = ""


@dataclass(frozen=True)
class YearCells:
    """A target's year-to-date figures as a summary table shows them (— where there are none):
    the figure and the months it covers, its share of the year's goal and the schedule
    (months gone), the gap to the schedule in words (the year's in the goal's own year, else
    its plan's while it is not yet due: outcome.plan_schedule_short), and its change on a year
    before."""

    value: str = DASH
    months: str = ""
    share: str = DASH
    schedule: str = ""
    gap: str = DASH
    yoy: str = DASH


def year_cells(r: TargetResult, words: Words, as_of: Month) -> YearCells:
    ytd, f = r.ytd, r.figures
    # the year's schedule in a goal's own year, else the plan's while it is not yet due
    gap = outcome.schedule_short(r, words) or outcome.plan_schedule_short(r, words, as_of) or DASH
    if ytd is None:
        # a goal for one year decided by its year's total: its 同比 on the year before's, as
        # its line says it (1—12月完成…，同比增长7.5%); December's table dropped the column
        total = outcome.year_total_in(r)
        change = outcome.year_total_change(r, total) if total is not None else None
        return YearCells(gap=gap, yoy=words.percent(change) if change is not None else DASH)
    own = r.own_year
    return YearCells(
        value=outcome.ytd_said(r, words),
        months=words.figure_period(ytd),
        share=words.percent(f.ytd_share_of_target_pct) if own else DASH,
        schedule=(
            words("schedule {schedule}").format(schedule=words.percent(f.ytd_schedule_pct))
            if own and f.ytd_schedule_pct is not None
            else ""
        ),
        gap=gap,
        yoy=words.percent(f.ytd_yoy_pct) if f.ytd_yoy_pct is not None else DASH,
    )


@dataclass(frozen=True)
class TargetView:
    """A target as every output shows it."""

    result: TargetResult
    anchor: str
    name: str
    # the region by the reader's name for it; `region_label` adds its Chinese name in English
    region: str
    region_label: str
    in_full: bool
    # the bar of a summary: share of the goal (increase) or of the gap closed (decrease)
    bar: float | None
    # when the goal is due, in words (a year's goal: its year)
    deadline: str
    # before the goal in a table: "≤" for a goal to cut or a cap (≤100 beside 低于3.7个百分点
    # said a cap kept under its schedule, where colour alone had told it from an output
    # behind its own: a Chinese reader's find), else ""
    goal_mark: str
    figures: tuple[Figure, ...]
    status_text: str
    status_line: str
    status_short: str
    # the short status with `⚠ figure to check` when it rests on one (the bulletin's cells)
    status_marked: str
    outlook: str
    # `⚠ figure to check` (where the rows are said elsewhere) and `⚠ Check this figure (row
    # 54)` (the card, the Summary row): empty when the target rests on no flagged figure
    check_mark: str
    check_line: str
    # the year's cumulative figure as a bulletin says it (1—10月完成…，完成全年目标的…)
    year_line: str
    # at or ahead of the year's schedule (达到序时进度), behind it, or None outside its own year
    at_schedule: bool | None
    year_cells: YearCells
    # why figures are blank, in one line: `pace, projection: no baseline`
    blank_line: str
    notes: tuple[str, ...]
    goal_note: str
    # the goal's own words: (label, text, True when the text is English standing in)
    texts: tuple[tuple[str, str, bool], ...]
    # each observation: (period, value, basis word, source, note)
    observations: tuple[tuple[str, str, str, str, str], ...]
    # where the figures are listed when no chart shows them (page) or the block is not in full
    listed_with_sheet: str
    listed_in_json: str
    # the sources of the latest and the year-to-date figure, with what their flags say of them
    # (original not found, read in a repost), and the note on the latest
    latest_source: str = ""
    latest_note: str = ""
    # the latest figure the goal is said with (outcome.of_its_year: a goal for one year, only one
    # of its year), and in words, with every digit when it is one to check (outcome.figure_said)
    latest: Observation | None = None
    latest_said: str = ""
    # the figures revised since last month's report: `2025: 3.5 bn yuan → 3.6 bn yuan`
    revisions_said: str = ""
    # what changed since last month, in one line (the Changes sheet's last column)
    what_changed: str = ""
    ytd_source: str = ""
    ytd_note: str = ""
    # beside the latest figure when it was restated unchanged for a year or more
    unchanged: str = ""

    @property
    def changed(self) -> bool:
        return self.result.changed

    def figure(self, key: str) -> Figure | None:
        return next((f for f in self.figures if f.key == key), None)

    @property
    def ytd_as_latest(self) -> bool:
        """Its 1—N月 stands as its latest figure in a summary (outcome.ytd_as_latest)."""
        return outcome.ytd_as_latest(self.result)

    @property
    def path_drawn(self) -> bool:
        """Whether its chart draws a path to the goal, or the year's schedule (the key names it
        only then)."""
        return self.by_month or bool(outcome.required_path(self.result))

    @property
    def by_month(self) -> bool:
        """Whether its chart is its year by month against the year's schedule."""
        return outcome.by_month(self.result)


@dataclass(frozen=True)
class RegionView:
    anchor: str
    name: str
    label: str
    targets: tuple[TargetView, ...]


@dataclass(frozen=True)
class IssueView:
    """Issues of one kind on one column as every output lists them: said once, with their
    count, their rows as ranges, the first few as examples and the fix."""

    group: IssueGroup
    severity: str
    where: str
    rows: str
    text: str
    examples: str
    fix: str
    # the text is an English message standing in (an issue without a code)
    english: bool


def issue_views(report: Report, words: Words) -> tuple[IssueView, ...]:
    return tuple(
        IssueView(
            group=g,
            severity=words.severity(g.severity),
            # one issue: where it is, as before; several: their column, and rows as ranges
            where=words.where(g.examples[0]) if g.count == 1 else words.group_where(g),
            rows="" if g.count == 1 else words.group_rows(g),
            text=words.group_headline(g),
            examples=words.group_examples(g),
            fix=words.group_fix(g),
            english=not g.code and words.foreign(DEFAULT_LANG),
        )
        for g in report.issue_groups
    )


@dataclass(frozen=True)
class ReportView:
    """A report as every output shows it."""

    report: Report
    words: Words
    headline: tuple[str, ...]
    comparison: str
    counts: dict[str, int]
    targets: tuple[TargetView, ...]
    # regions in the order they first appear, with every target of each
    regions: tuple[RegionView, ...]
    # the page's section of the targets' cards: Targets by region, or of one region
    targets_heading: str
    status_changes: tuple[TargetView, ...]
    figure_changes: tuple[TargetView, ...]
    revised: tuple[TargetView, ...]
    # beyond IN_FULL targets: what the outputs say of those not shown in full
    cards_note: str
    sources_note: str
    method: tuple[str, ...]
    # some target has a year-to-date figure: summaries add its columns
    year_columns: bool
    # some target's 1—N月 is not its latest in a summary (TargetView.ytd_as_latest): summaries
    # add the figure and its share of the year's goal too; else they would repeat, cell for
    # cell, its 最新值 and 完成率 (as the bulletin's table, which has no such columns)
    year_figures: bool = True
    # some target is held against a schedule in a summary (YearCells.gap): the year's in its
    # own year, or its plan's before it is due
    schedule_column: bool = False
    # the data issues by kind and column
    issues: tuple[IssueView, ...] = ()
    # the targets are of more than one region: a table or a sentence gives each target's;
    # of one (a park's, a county's), its name is the report's and no row repeats it (the
    # Summary's 地区 column gave 测试县 in every row, a Chinese reader's find)
    regions_named: bool = True
    # the context indicators are not all of the targets' one region: their table gives each
    # its region
    context_regions_named: bool = True


def _slug(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", value).strip("-") or "x"


def _bar(result: TargetResult, as_of: Month) -> float | None:
    """The bar beside the share of the goal: the share, or for a cap the gap closed; none where
    that figure is not shown (outcome.shown)."""
    f = result.figures
    key = "share_of_target_pct" if result.target.direction == "increase" else "gap_closed_pct"
    value = getattr(f, key) if outcome.shown(key, result, as_of) else None
    return None if value is None else round(min(100.0, max(0.0, value)), 1)


def revisions_said(r: TargetResult, words: Words) -> str:
    """The figures revised since last month's report, one after another, as the card and the
    changes say them; "" when none was."""
    unit = r.target.unit
    return words.semicolon.join(
        words("%(period)s: %(old)s → %(new)s")
        % {
            "period": words.period(rev.period),
            "old": words.scaled(rev.old, unit),
            "new": words.scaled(rev.new, unit),
        }
        for rev in r.revisions
    )


def what_changed(r: TargetResult, words: Words, check_line: str, nuance: str = "") -> str:
    """What changed since last month, in one line: `status from On track to Achieved; latest
    figure from 2024 to 2025; 2025 revised from 3.5 bn yuan to 3.6 bn yuan`, then the figure
    to check it moved on (`check_line`). A figure of the same period with another value is a
    revision, said once ("latest figure from 2025 to 2025" was)."""
    parts = []
    if r.status != r.previous_status:
        old = words.status_word(r.previous_status)
        new = words.status_word(r.status, nuance)  # as the goal's status is said
        parts.append(words("status from {old} to {new}").format(old=old, new=new))
    prev, now = r.previous_goal_figure, r.goal_figure
    revisions = [(rev.period, rev.old, rev.new) for rev in r.revisions]
    if r.new_figure and prev and now and prev.period == now.period:
        if now.period not in {period for period, _old, _new in revisions}:
            revisions.insert(0, (now.period, prev.value, now.value))
    elif r.new_figure and prev is None and now is not None:
        # a first figure: "最新数据由无更新为2026年1—9月" read as a slip (a newcomer's find)
        parts.append(words("first figure: {new}").format(new=words.figure_period(now)))
    elif r.new_figure:
        old_p = words.figure_period(prev) if prev else words("none")
        new_p = words.figure_period(now) if now else words("none")
        parts.append(words("latest figure from {old} to {new}").format(old=old_p, new=new_p))
    revised = words("{period} revised from {old} to {new}")
    unit = r.target.unit
    for period, was, value in revisions:
        # the year's 1—N月 revised, kept off the year's goal as it is everywhere
        goal = None
        if r.ytd is not None and period == r.ytd.period:
            goal = outcome.kept_off(r, r.ytd)
        said = {
            "old": words.scaled(was, unit, apart_from=goal),
            "new": words.scaled(value, unit, apart_from=goal),
        }
        parts.append(revised.format(period=words.period(period), **said))
    return words.semicolon.join(parts + ([check_line] if check_line else []))


def listed_observations(r: TargetResult) -> tuple[Observation, ...]:
    """The figures a target's table lists, in every output: the observations it is judged on
    (the chart's points), then the year's cumulative figure 1—N月, with its source and note
    like every other figure (a year goal's table in the workbook was empty); for a year drawn
    by month (outcome.by_month), its months' sums 1—1月 to 1—N月, the chart's points."""
    if outcome.by_month(r):
        return r.year_months
    return r.observations if r.ytd is None else (*r.observations, r.ytd)


def observation_rows(r: TargetResult, words: Words) -> tuple[tuple[str, str, str, str, str], ...]:
    """Each figure of listed_observations in words, with its source."""
    return tuple(
        (
            words.period(o.period),
            # the year's 1—N月 kept off the year's goal, as in the workbook's table
            words.scaled(o.value, r.target.unit, apart_from=outcome.kept_off(r, o)),
            basis_said(o, words),
            words.sourced(o.source, o.flags),
            words.figure_note(o.note),
        )
        for o in listed_observations(r)
    )


def _aside(head: str, o: Observation, words: Words, *more: str) -> str:
    """`head` with what is said of the figure in one aside: estimate, its flags, `more`."""
    said = [words("estimate")] if o.estimate else []
    said += words.figure_flags(o.flags)
    said += [m for m in more if m]
    return head + words.paren(words.semicolon.join(said)) if said else head


def basis_said(o: Observation, words: Words) -> str:
    """What a figure covers, with what is said of it: `annual rate, year not stated
    (estimate; month presumed)`."""
    return _aside(words.basis(o.basis, o.period), o, words)


def period_said(o: Observation, words: Words, *more: str) -> str:
    """A figure's period as a table writes it, with what is said of it (and `more`: that it is
    unchanged since an earlier year): `Jun 2025 (estimate; month presumed)` /
    `2025年6月（估算数；月份为推定）`; a level at its period's end, a year-to-date sum by its
    months (words.figure_period), as every other line says the figure: the Summary said
    2026年11月 of 58 firms the Changes sheet and the page said at 2026年11月末, and in English
    "2026-11" under "Jan–Nov 2026" (a Chinese reader's find)."""
    return _aside(words.figure_period(o), o, words, *more)


def blank_line(r: TargetResult, words: Words, as_of: Any) -> str:
    """Why figures are blank, in one short line: `pace, projection: no baseline`."""
    reasons: dict[str, list[str]] = {}
    for field, reason in r.why_null:
        if r.latest is None or field == "pace_category" or not outcome.shown(field, r, as_of):
            continue
        reasons.setdefault(words.why_reason(reason), []).append(words.figure_name(field))
    # and 同比 beside a 1—N月 shown without it (a newcomer left out the year before's months, and
    # read "—" with no word why)
    for field, reason in r.why_null_year:
        if field == "ytd_yoy_pct" and r.ytd is not None:
            reasons.setdefault(words.why_reason(reason), []).append(words.figure_name(field))
    # Names by the enumeration comma, one reason from the next by a semicolon: 实际年均增速、
    # 增速比值：需有晚于基期的数据；期末预计值：最新数据已到或晚于完成时限
    return words.semicolon.join(
        f"{words.listed(fields)}{words.colon}{why}" for why, fields in reasons.items()
    )


def _computed_text(r: TargetResult, key: str, words: Words, nuance: str) -> str:
    f, t = r.figures, r.target
    value = getattr(f, key)
    kind = KINDS[key]
    if kind == "pct":
        return words.percent(value)
    if kind == "rate":
        return words.rate(value)
    if kind == "scaled":
        if key == "projected_at_deadline":
            return words.projection(value, t.unit, t.target)
        if key == "gap" and value is not None and value < 0:
            # past the goal, said so: "距目标差额 -3.12亿元" beside 已完成 (a Chinese reader's find)
            beyond = (
                words("{amount} beyond the goal")
                if t.direction == "increase"
                else words("{amount} above the goal")
            )
            return beyond.format(amount=words.scaled(-value, t.unit))
        return words.scaled(value, t.unit)
    if kind == "month":
        return words.about_month(value)
    if key == "ytd_schedule_gap_pts":
        return words.number(value, 1) if value is not None else DASH
    # the pace said with the goal's nuance, as its status is (基本达到进度要求)
    if kind == "word":
        return words.status_word(value, nuance) or DASH
    if kind == "ratio":
        text = words.ratio(value)
        if f.pace_category:
            text += words.paren(words.status_word(f.pace_category, nuance))
        return text
    return outcome.schedule_text(r, words) or DASH  # points ahead or behind, in a sentence


def figures(
    r: TargetResult,
    words: Words,
    as_of: Any,
    latest: Observation | None,
    latest_said: str,
    nuance: str,
) -> tuple[Figure, ...]:
    """The key figures of a target, in order, each as a number and in words; a figure that
    means nothing in this report month (the growth needed after the deadline) is left out.
    `latest`: the latest figure the goal is said with (outcome.of_its_year), and `latest_said`
    as outcome.figure_said says it; `nuance`: its status's (outcome.nuance), the pace said
    with it."""
    t, unit = r.target, r.target.unit
    why = {field: words.why_reason(reason) for field, reason in r.why_null}

    def at(value: float, period: str, *more: str, basis: str | None = None, shown: str = "") -> str:
        # one form wherever a figure is said: (period, basis; flag; flag)
        said = [words.period_and_basis(period, basis), *(m for m in more if m)]
        return (shown or words.scaled(value, unit)) + words.paren(words.semicolon.join(said))

    def observed(
        key: str, label: str, o: Observation | None, text: str, remark: str = ""
    ) -> Figure:
        # a figure of the sheet the goal is judged on, or "—" where it has none
        period = period_said(o, words) if o else ""
        value = o.value if o else None
        return Figure(key, label, value, text, "scaled", period=period, remark=remark)

    out = [
        Figure("goal", words("Goal"), t.target, words.goal_text(t), "scaled"),
        # a year's goal is due in its year (2026年), a plan goal on its day
        Figure("deadline", words("Deadline"), words.deadline(t), words.deadline(t), "word")
        if t.year is not None
        else Figure("deadline", words("Deadline"), t.deadline, words.date(t.deadline), "date"),
    ]
    # a goal for one year lists a baseline and a latest figure only of its year: "基期值 —" and
    # "最新值 —" stood above its 累计数 (a newcomer's find)
    listed = t.year is None
    base = outcome.of_its_year(r, r.baseline)
    if base is not None or listed:
        said = at(base.value, base.period, *words.figure_flags(base.flags)) if base else DASH
        out.append(observed("baseline", words("Baseline"), base, said))
    text = DASH
    unchanged = words.unchanged_since(r.unchanged_since)
    if latest:
        estimate = words("estimate") if latest.estimate else ""
        flags = words.figure_flags(latest.flags)
        more = (estimate, *flags, unchanged)
        text = at(latest.value, latest.period, *more, basis=latest.basis, shown=latest_said)
    if latest is not None or listed:
        out.append(observed("latest", words("Latest"), latest, text, remark=unchanged))
    if r.ytd:
        ytd = r.ytd
        covered = words("{months}, year to date").format(months=words.figure_period(ytd))
        out.append(
            Figure(
                "ytd",
                words("Year to date"),
                ytd.value,
                outcome.ytd_said(r, words) + words.paren(covered),
                "derived",
                period=covered,
            )
        )
    if r.ytd:
        for key in YEAR:
            value = getattr(r.figures, key)
            if value is not None:
                gap = key == "ytd_schedule_gap_pts"
                shown = words.number(value, 1) if gap else words.percent(value)
                out.append(Figure(key, words.figure_name(key), value, shown, KINDS[key]))
    for key in COMPUTED:
        value = getattr(r.figures, key)
        # Without any observation the figures of the plan say nothing (the note says why);
        # those the goal and its baseline give alone (time elapsed, growth needed) stay.
        if not outcome.shown(key, r, as_of) or (r.latest is None and value is None):
            continue
        text = _computed_text(r, key, words, nuance)
        label = words.figure_name(key)
        remark = outcome.schedule_text(r, words) if key == "schedule_gap_pts" else ""
        if key == "time_elapsed_pct" and value is not None and r.latest is not None:
            # taken at the latest figure, not in the report month (method.md): "序时进度 0.0%"
            # in a block whose deadline had passed read as a mistake (a Chinese reader's find)
            remark = words("as of {period}, its latest figure").format(
                period=words.figure_period(r.latest)
            )
            text += words.paren(remark)
        if key == "pace_category" and value:
            value = words.status_word(value, nuance)
        out.append(
            Figure(
                key,
                label,
                value,
                text,
                KINDS[key],
                why.get(key, "") if value is None else "",
                remark=remark,
            )
        )
    return tuple(out)


def target_texts(r: TargetResult, words: Words) -> tuple[tuple[str, str, bool], ...]:
    """The goal's own words (its plan and source) in the language, where there are any."""
    t = r.target
    out = []
    for name, en, shown in (
        (words("Plan"), t.plan, words.plan(t)),
        (words("Source"), t.source, words.source(t)),
    ):
        if shown:
            out.append((name, shown, words.foreign(DEFAULT_LANG) and shown == en))
    return tuple(out)


def target_view(
    r: TargetResult, report: Report, words: Words, anchor: str, full: bool
) -> TargetView:
    region = words.region_name(r.target.region, report.regions_zh)
    status_text = words.status_text(r.status)
    status_line = outcome.status_line(r, words)
    status_short = outcome.status_line(r, words, detail=False)
    nuance = outcome.nuance(r, report.as_of)  # 已提前完成, 基本达到进度要求
    if nuance:
        status_text = words.status_text(r.status, nuance)
        status_line = status_short = words.status_word(r.status, nuance)
    mark = outcome.check_mark(r, words)
    check_line = outcome.check_line(r, words)
    # a goal for one year is said with figures of its year only (outcome.as_said)
    latest, notes = r.latest, r.notes
    # every digit when it is to be checked; never rounded onto the goal
    latest_said = outcome.figure_said(r, latest, words) if latest else ""
    return TargetView(
        result=r,
        anchor=anchor,
        name=words.target_name(r.target),
        region=region,
        region_label=words.region_label(r.target.region, report.regions_zh),
        in_full=full,
        bar=_bar(r, report.as_of),
        deadline=words.deadline(r.target),
        goal_mark="≤" if r.target.direction == "decrease" else "",
        figures=figures(r, words, report.as_of, latest, latest_said, nuance),
        status_text=status_text,
        status_line=status_line,
        status_short=status_short,
        status_marked=status_short + (words.paren(mark) if mark else ""),
        outlook=outcome.outlook_text(r, words),
        check_mark=mark,
        check_line=check_line,
        year_line=outcome.year_line(r, words),
        at_schedule=outcome.at_schedule(r),
        year_cells=year_cells(r, words, report.as_of),
        blank_line=blank_line(r, words, report.as_of),
        notes=tuple(words.note_text(n) for n in notes),
        goal_note=words.goal_note(r.target),
        texts=target_texts(r, words),
        observations=observation_rows(r, words) if full else (),
        listed_with_sheet=where_listed(r, words, region) if full else "",
        listed_in_json=where_listed(r, words, None),
        latest_source=words.sourced(latest.source, latest.flags) if latest else "",
        latest_note=words.figure_note(latest.note) if latest else "",
        latest=latest,
        latest_said=latest_said,
        revisions_said=revisions_said(r, words),
        what_changed=what_changed(r, words, check_line, nuance) if r.changed or r.revisions else "",
        ytd_source=words.sourced(r.ytd.source, r.ytd.flags) if r.ytd else "",
        ytd_note=words.figure_note(r.ytd.note) if r.ytd else "",
        unchanged=words.unchanged_since(r.unchanged_since),
    )


def by_region(report: Report) -> Iterator[tuple[str, list[TargetResult]]]:
    """Targets grouped by region, regions in the order they first appear."""
    order = {r: i for i, r in enumerate(dict.fromkeys(t.target.region for t in report.targets))}
    ordered = sorted(report.targets, key=lambda t: order[t.target.region])
    for region, group in groupby(ordered, key=lambda t: t.target.region):
        yield region, list(group)


# The view last worked out: a report written in several formats is viewed once, not once per
# renderer (for a province's 2,000 targets that is a second a format). Keyed by identity: a
# report and its words are not changed once made, and the view is frozen.
_LAST_VIEW: list[tuple[Report, Words, ReportView]] = []


def build_view(report: Report, words: Words) -> ReportView:
    """The whole report as every output shows it."""
    if _LAST_VIEW and _LAST_VIEW[0][0] is report and _LAST_VIEW[0][1] is words:
        return _LAST_VIEW[0][2]
    view = _build_view(report, words)
    _LAST_VIEW[:] = [(report, words, view)]
    return view


def _build_view(report: Report, words: Words) -> ReportView:
    report = outcome.as_said(report)  # a goal for one year said with figures of its year
    full = in_full(report)
    seen: set[str] = set()
    views: list[TargetView] = []
    for r in report.targets:
        anchor = "t-" + _slug(r.target.id)
        while anchor in seen:
            anchor += "-"
        seen.add(anchor)
        views.append(target_view(r, report, words, anchor, id(r) in full))
    by_id = {id(v.result): v for v in views}
    regions = tuple(
        RegionView(
            f"r-{i}",
            words.region_name(region, report.regions_zh),
            words.region_label(region, report.regions_zh),
            tuple(by_id[id(r)] for r in results),
        )
        for i, (region, results) in enumerate(by_region(report), 1)
    )
    cards_note = ""
    named = len(regions) > 1  # ReportView.regions_named
    # the page's section of the goals' cards: by region, or of one region each goal's (分地区
    # over a single 测试县 read as a leftover, a Chinese reader's find)
    heading = words("Targets by region") if named else words("Each target's progress")
    if len(full) == len(report.targets):
        sources_note = words(
            "The source of each latest figure (author, title, publisher, date, address) is given "
            "with its target under {section}, and in the workbook."
        ).format(section=heading)
    else:
        sources_note = words(
            "The source of each latest figure (author, title, publisher, date, address) is given "
            "in the workbook, and with its target under {section} for the {limit} shown there."
        ).format(section=heading, limit=IN_FULL)
        cards_note = words(
            "With more than {limit} targets, cards are shown for the {limit} most in need of "
            "attention; the summary above lists all {total}, and the workbook gives each its key "
            "figures and latest source."
        ).format(limit=IN_FULL, total=len(report.targets))
    return ReportView(
        report=report,
        words=words,
        headline=outcome.headline(report, words),
        comparison=outcome.comparison_text(report, words),
        counts=report.counts(),
        targets=tuple(views),
        regions=regions,
        targets_heading=heading,
        # A new status is news; a new monthly figure with the same status is routine, and with
        # hundreds of targets it would bury the news, so those go in a folded list.
        status_changes=tuple(v for v in views if outcome.status_changed(v.result)),
        figure_changes=tuple(v for v in views if outcome.figure_changed(v.result)),
        revised=tuple(v for v in views if v.result.revisions),
        cards_note=cards_note,
        sources_note=sources_note,
        method=words.method_paragraphs(),
        year_columns=any(v.result.ytd for v in views),
        year_figures=any(v.result.ytd and not v.ytd_as_latest for v in views),
        schedule_column=any(v.year_cells.gap != DASH for v in views),
        issues=issue_views(report, words),
        regions_named=named,
        context_regions_named=len(
            {r.target.region for r in report.targets} | {c.region for c in report.context}
        )
        > 1,
    )
