"""What a reader is told first, and the judgements every output shows, decided once for the
page, the workbook, the Word bulletin and the terminal.

After a deadline the news is its outcome: which deadlines have passed, how long ago, and what
came of each goal (achieved, missed, awaiting its final figure and, if so, likely achieved or
likely missed). Here too: a year goal's place against its schedule (`schedule_position`), the
path to the goal the charts draw (`required_path`), a figure as said beside its goal
(`figure_said`). Each renderer lays these out; none decides them itself.
"""

from __future__ import annotations

import datetime as dt
import typing
from dataclasses import dataclass, replace

from ..model import Observation, Report, Status, TargetResult, row_runs
from ..periods import Month, years_between
from ..words import N_
from ..words.words import DASH, Words, counted_nuance

# Figures that say nothing once the deadline has passed: the growth needed from now on to meet
# it. The schedule gap
# (序时进度) stays: after the deadline time elapsed is 100 %, and "behind the schedule by N
# points" is the shortfall at the end of the plan period, as bureau reviews state it.
AFTER_DEADLINE_HIDDEN = frozenset({"required_cagr_from_latest"})
# Less than a year from the latest figure to the deadline: the growth a year needed is a short
# span's rate made annual, 58 -> 60 firms in a month read 今后所需年均增速49.1% (a county
# newcomer's find); the gap to the goal (距目标差额) says what is needed. The JSON keeps it.
SHORT_HORIZON_HIDDEN = frozenset({"required_cagr_from_latest"})
# A goal its deadline decided (achieved or missed): the pace of its figures, the date they would
# reach the goal and where they would land say nothing of it any more ("Missed" beside "pace:
# moderate progress, goal reached about May 2026" read as two verdicts). The JSON keeps them.
DECIDED_HIDDEN = frozenset({"pace_ratio", "pace_category", "eta", "projected_at_deadline"})
# A goal for one year (`year = Y`) counts only figures of its year (method): the pace of a plan
# since its baseline (the time elapsed, the growth rates and their ratio, the share of the gap
# closed, the plan's schedule and the date the pace would reach the goal) says nothing of it,
# and beside its 1—N月 read as a second verdict: 时间进度 66.7 % beside 序时进度 91.7 %,
# 增速比值 2.22. The JSON keeps them.
YEAR_GOAL_HIDDEN = frozenset(
    {
        "gap_closed_pct",
        "time_elapsed_pct",
        "schedule_gap_pts",
        "actual_cagr",
        "required_cagr",
        "pace_ratio",
        "required_cagr_from_latest",
        "eta",
    }
)
# ... and its share and gap by the latest figure only once that figure is the year's own total
# (完成率 105.6 % by last year's 38亿 stood beside 完成全年目标的99.99 % of its 1—11月).
YEAR_GOAL_BY_TOTAL = frozenset({"share_of_target_pct", "gap"})
# The notes a goal for one year keeps when its latest figure is not of its year (as_said): those on
# its year and its outcome (the others are on the figure before its year and a plan's pace).
YEAR_NOTES = frozenset(
    {
        "awaiting_final",
        "final_figure",
        "final_not_in",
        "met_late",
        "ytd_met",
        "year_no_figure",
        "year_months_missing",
    }
)
# The figures of a goal's own year (method), blank where its 1—N月 is not said (as_said).
YTD_FIGURES = (
    "ytd_share_of_target_pct",
    "ytd_schedule_pct",
    "ytd_schedule_gap_pts",
    "ytd_pace_ratio",
    "ytd_yoy_pct",
)
PASSED_ORDER: tuple[Status, ...] = ("achieved", "missed", "awaiting_final", "not_assessable")


@dataclass(frozen=True)
class DeadlineOutcome:
    """The targets of one deadline that has passed, by what came of them."""

    deadline: dt.date
    months_ago: int
    counts: tuple[tuple[Status, int], ...]
    likely_achieved: int
    likely_missed: int
    total: int
    # the targets of this deadline, in the report's order (the detail line names them)
    results: tuple[TargetResult, ...] = ()

    @property
    def no_outlook(self) -> int:
        """Awaiting their final figure without an outlook (no pace to project)."""
        return sum(1 for r in self.results if r.status == "awaiting_final" and not r.outlook)


def months_since(deadline: dt.date, as_of: Month) -> int:
    """Whole months from the deadline's month to the report month (Dec 2025 -> Oct 2026: 10)."""
    return (as_of.year - deadline.year) * 12 + as_of.month - deadline.month


def passed(result: TargetResult, as_of: Month) -> bool:
    """Whether a target is judged as at or after its deadline (method, status rule 3): the
    deadline has passed by the end of the report month, or its final figure is in. In the
    report for December, a goal due on 31 December with the year's total in is due: it was
    counted among the goals "not yet due" and "achieved ahead of time" (已提前完成)."""
    return as_of.end > result.target.deadline or result.final is not None


def deadline_outcomes(report: Report) -> tuple[DeadlineOutcome, ...]:
    """One entry per deadline that has passed by the end of the report month, oldest first."""
    groups: dict[dt.date, list[TargetResult]] = {}
    for r in report.targets:
        if passed(r, report.as_of):
            groups.setdefault(r.target.deadline, []).append(r)
    outcomes = []
    for deadline in sorted(groups):
        results = groups[deadline]
        counts = [(s, sum(1 for r in results if r.status == s)) for s in PASSED_ORDER]
        outcomes.append(
            DeadlineOutcome(
                deadline,
                months_since(deadline, report.as_of),
                tuple((s, n) for s, n in counts if n),
                sum(1 for r in results if r.outlook == "likely_achieved"),
                sum(1 for r in results if r.outlook == "likely_missed"),
                len(results),
                tuple(results),
            )
        )
    return tuple(outcomes)


def _count_phrase(status: Status, n: int, outcome: DeadlineOutcome, words: Words) -> str:
    """One status's count in the bulletin's words: `1项未完成`, `5项尚待2025年期末数据公布
    （按现有数据，其中4项预计难以完成）`."""
    if status == "awaiting_final":
        phrase = (
            words("{n} awaiting the final figure for {year}").format(
                n=n, year=outcome.deadline.year
            )
            if (outcome.deadline.month, outcome.deadline.day) == (12, 31)
            else words("{n} awaiting the final figure").format(n=n)
        )
        outlooks = [
            words("{n} likely missed").format(n=outcome.likely_missed)
            if outcome.likely_missed
            else "",
            words("{n} likely achieved").format(n=outcome.likely_achieved)
            if outcome.likely_achieved
            else "",
            words("{n} without an outlook").format(n=outcome.no_outlook)
            if outcome.no_outlook and (outcome.likely_missed or outcome.likely_achieved)
            else "",
        ]
        if outcome.likely_missed or outcome.likely_achieved:
            phrase += words.paren(
                words("on the figures so far, {outlooks}").format(outlooks=words.joined(outlooks))
            )
        return phrase
    counted = {
        "achieved": words("{n} achieved"),
        "missed": words("{n} missed"),
        "not_assessable": words("{n} without any figure, not assessable"),
    }
    return counted[status].format(n=n) + to_check(outcome.results, status, words)


def to_check(
    results: tuple[TargetResult, ...] | list[TargetResult], status: Status, words: Words
) -> str:
    """`（其中1项所依据的数据待核实）` after a count whose targets rest on a figure that breaks a
    plausibility rule: a typo must not make a goal achieved without a word on that line."""
    n = sum(1 for r in results if r.status == status and r.checks)
    if not n:
        return ""
    return words.paren(words("{n} of them on a figure to check").format(n=n))


# Above this many targets a deadline's goals are counted, not named, in the headline.
NAMED_TARGETS = 20


def outcome_detail(outcome: DeadlineOutcome, report: Report, words: Words) -> str:
    """Which goals came to what: `Missed: Xiaobeihe: Sock firms above designated size (2
    firms, Feb 2026; goal 50 firms). Awaiting final figure, likely missed: …`."""
    if not outcome.results or len(outcome.results) > NAMED_TARGETS:
        return ""

    def name(r: TargetResult) -> str:
        return words.goal_label(r.target, report.regions_zh)

    groups: list[tuple[str, list[TargetResult]]] = [
        (words.status_word("achieved"), []),
        (words.status_word("missed"), []),
        (words("Awaiting final figure, likely missed"), []),
        (words("Awaiting final figure, likely achieved"), []),
        (words("Awaiting final figure, no outlook (no pace)"), []),
        (words("Not assessable (no usable figure)"), []),
    ]
    slot = {
        ("achieved", None): 0,
        ("missed", None): 1,
        ("awaiting_final", "likely_missed"): 2,
        ("awaiting_final", "likely_achieved"): 3,
        ("awaiting_final", None): 4,
        ("not_assessable", None): 5,
    }
    for r in outcome.results:
        groups[slot[(r.status, r.outlook)]][1].append(r)

    def named(r: TargetResult) -> str:
        figure = r.final or (r.latest if r.status == "missed" else None)
        said = [check_mark(r, words)] if r.checks else []
        if figure is not None:
            detail = words("{value}, {period}; goal {goal}").format(
                value=figure_said(r, figure, words),
                period=words.period(figure.period),
                goal=words.scaled(r.target.target, r.target.unit),
            )
            said.insert(0, detail)
        return name(r) + (words.paren(words.semicolon.join(said)) if said else "")

    parts = [
        words("{label}: {names}").format(
            # a Chinese list of names takes the enumeration comma
            label=label,
            names=words.listed(named(r) for r in members),
        )
        for label, members in groups
        if members
    ]
    return words("{parts}.").format(parts=words("; ").join(parts))


def outcome_sentence(outcome: DeadlineOutcome, words: Words) -> str:
    """The lead sentence as a bulletin writes it: `2025年末到期的8项目标中，1项未完成，5项尚待2025
    年期末数据公布（按现有数据，其中4项预计难以完成），2项因无可用数据暂无法评估。`"""
    counts = words.joined(_count_phrase(s, n, outcome, words) for s, n in outcome.counts)
    deadline = outcome.deadline
    sentence = (
        words("Of the {total} targets due at the end of {year}, {counts}.")
        if (deadline.month, deadline.day) == (12, 31)
        else words("Of the {total} targets due on {date}, {counts}.")
    )
    return sentence.format(
        total=outcome.total, year=deadline.year, date=words.date(deadline), counts=counts
    )


def headline(
    report: Report, words: Words, details: bool = True, terminal: bool = False
) -> tuple[str, ...]:
    """The sentences said before anything else: each passed deadline's outcome (with the goals
    named, unless not `details`), then the rest; on the `terminal`, which marks no goal below
    them, the goals resting on a figure to check are said to be marked in the reports."""
    lines = []
    for o in deadline_outcomes(report):
        lines.append(outcome_sentence(o, words))
        detail = outcome_detail(o, report, words) if details else ""
        if detail:
            lines.append(detail)
    # Goals in their own year are counted against the year's schedule first, as bulletins do;
    # the other goals not yet due after them, as "the other" ones: the year's goals are not yet
    # due either ("尚未到期的1项目标中" beside two such goals miscounted them), and "另有1项尚未到期
    # 的目标" of a goal due with them read as if they were (a Chinese reader's find).
    year = [r for r in report.targets if at_schedule(r) is not None]
    if year:
        lines.append(year_sentence(year, words, report.as_of))
    open_ = [r for r in report.targets if not passed(r, report.as_of) and at_schedule(r) is None]
    if open_:
        counts: dict[Status, int] = {}
        for r in open_:
            counts[r.status] = counts.get(r.status, 0) + 1
        # achieved ahead of time first, then from on track to moving away, as a bulletin
        # counts them (they came in the order the goals did); a goal not yet due that is
        # achieved is so ahead of time (已提前完成, as its row says), not 已完成
        order = typing.get_args(Status)

        def status_said(status: Status) -> str:
            return words.status_in_sentence(status, "ahead" if status == "achieved" else "")

        # after the year's goals, the others said to be plans' when they all are: "另有1项目标"
        # read as a goal held back from the count before it (a Chinese reader's find)
        plans = bool(year) and all(r.target.year is None for r in open_)
        if len(open_) == 1:  # named, not counted: "其余尚未到期的1项目标中，进度偏慢1项" (a
            # Chinese reader's find)
            (r,) = open_
            alone = (
                words("The plan goal, {name}: {status}.")
                if plans
                else words("The other target, {name}: {status}.")
                if year
                else words("The one target not yet due, {name}: {status}.")
            )
            mark = words.paren(check_mark(r, words)) if r.checks else ""
            lines.append(
                alone.format(name=words.target_name(r.target), status=status_said(r.status) + mark)
            )
        else:
            parts = [
                words("{n} {status}").format(n=n, status=status_said(s)) + to_check(open_, s, words)
                for s, n in sorted(counts.items(), key=lambda item: order.index(item[0]))
            ]
            only = next(iter(counts)) if len(counts) == 1 else None
            said = (
                words("The {total} plan goals: all {status}.")  # 另有2项规划目标，均达到进度要求
                if plans and only
                else words("Of the {total} plan goals, {counts}.")
                if plans
                else words("Of the {total} other targets, {counts}.")
                if year
                else words("Of the {total} targets not yet due, {counts}.")
            )
            status = status_said(only) + to_check(open_, only, words) if only else ""
            lines.append(said.format(total=len(open_), counts=words.joined(parts), status=status))
    checks = sum(1 for r in report.targets if r.checks)
    if checks:
        said = (
            words.n(
                "{n} target rests on a figure to check (marked in the reports).",
                "{n} targets rest on a figure to check (marked in the reports).",
                checks,
            )
            if terminal
            else words.n(
                "{n} target rests on a figure to check (marked below).",
                "{n} targets rest on a figure to check (marked below).",
                checks,
            )
        )
        lines.append(said.format(n=checks))
    return tuple(lines)


def outlook_text(result: TargetResult, words: Words) -> str:
    """The outlook beside a status: `likely missed`; `no outlook` for a target awaiting its
    final figure with no pace to project (the headline counts it so); else nothing."""
    if result.outlook is not None:
        return words.outlook_word(result.outlook)
    return words("no outlook") if result.status == "awaiting_final" else ""


def status_line(result: TargetResult, words: Words, detail: bool = True) -> str:
    """The status as a reader should take it: `Awaiting final figure · likely missed (latest
    2.6 bn pairs, 65.0 % of goal)`; other statuses are their word. Without `detail` (a table
    that shows the latest figure and share beside it) the bracket is left out."""
    word = words.status_word(result.status)
    joined = words("{status} · {outlook}")
    if result.outlook is None and result.status == "awaiting_final":
        return joined.format(status=word, outlook=outlook_text(result, words))
    if result.outlook is None or result.latest is None:
        return word
    if not detail:
        return joined.format(status=word, outlook=words.outlook_word(result.outlook))
    latest = words.scaled(result.latest.value, result.target.unit)
    if result.latest.estimate:
        latest += words.paren(words("estimate"))
    bracket = words("latest {latest}, {share} of goal").format(
        latest=latest, share=words.percent(result.figures.share_of_target_pct)
    )
    said = joined.format(status=word, outlook=words.outlook_word(result.outlook))
    return said + words.paren(bracket)


def figure_said(result: TargetResult, o: Observation, words: Words) -> str:
    """A figure in readable units (`words.scaled`), or with every digit when it is one to check
    and not whole: rounded, 230.5 firms would read 230 beside its ⚠ and hide what is wrong."""
    flagged = any(i.row in o.rows for i in result.checks)
    if flagged and not float(o.value).is_integer():
        return words.with_unit(words.exact(f"{o.value:.10g}"), result.target.unit)
    # never rounded onto or across the goal: 4.996 bn beside a missed 5 bn is not "5 bn"
    return words.scaled(o.value, result.target.unit, apart_from=result.target.target)


def check_mark(result: TargetResult, words: Words) -> str:
    """`⚠ figure to check` beside a status where the rows are said elsewhere (the bulletin's
    table and paragraphs, the headline): a typo must not make a goal achieved or missed
    without a word on the same line. `check_line` says which rows."""
    return words("⚠ figure to check") if result.checks else ""


def _checked_rows(result: TargetResult) -> tuple[int, tuple[tuple[int, int], ...]]:
    """How many input rows hold the figures a target rests on that are to be checked, and
    their runs (row_runs)."""
    rows = [i.row for i in result.checks if i.row is not None]
    return len(set(rows)), row_runs(rows)


def _each_row(runs: tuple[tuple[int, int], ...], words: Words) -> str:
    """`row 36, row 40` / `第36行、第40行`: rows that stand alone, each named."""
    return words.listed([words("row {row}").format(row=r) for r, _ in runs])


def check_line(result: TargetResult, words: Words) -> str:
    """`⚠ Check this figure (row 36)` beside the status of a target judged on one; `⚠ Check
    these figures (row 36, row 40)` on up to three rows apart; beyond, their runs."""
    if not result.checks:
        return ""
    n, runs = _checked_rows(result)
    if len(runs) == n <= 3:
        check = words.n("⚠ Check this figure", "⚠ Check these figures", n)
        return check + words.paren(_each_row(runs, words))
    # many: as ranges, the first few (the data issues list them by kind)
    count = words.n("{n} figure", "{n} figures", n).format(n=words.row_count(n))
    return words("⚠ Check {count}: rows {rows}").format(
        count=count, rows=words.runs_listed(runs, 3)
    )


def check_rows(result: TargetResult, words: Words) -> str:
    """The input rows of the figures a target is judged on that are to be checked, as a
    bulletin's list of what needs attention names them: `row 36` / `第36行`, the first few of
    many as ranges (as check_line, without its ⚠); "" when none is."""
    n, runs = _checked_rows(result)
    if not runs:
        return ""
    if len(runs) == n <= 3:
        return _each_row(runs, words)
    return words("rows {rows}").format(rows=words.runs_listed(runs, 3))


# A plan goal's schedule said with its change since the baseline, by (increase, ahead).
SCHEDULE_SAID = {
    (True, True): N_(
        "up {change} since {since} ({baseline}), {closed} of the {planned} planned; as of "
        "{period}, ahead of the time-proportional schedule ({schedule}) by {points} points"
    ),
    (True, False): N_(
        "up {change} since {since} ({baseline}), {closed} of the {planned} planned; as of "
        "{period}, behind the time-proportional schedule ({schedule}) by {points} points"
    ),
    (False, True): N_(
        "down {change} since {since} ({baseline}), {closed} of the {planned} cut planned; as of "
        "{period}, ahead of the time-proportional schedule ({schedule}) by {points} points"
    ),
    (False, False): N_(
        "down {change} since {since} ({baseline}), {closed} of the {planned} cut planned; as of "
        "{period}, behind the time-proportional schedule ({schedule}) by {points} points"
    ),
}
# A figure where its baseline was, behind its plan's schedule, by the direction of its goal: "较
# 2022年6月（206户）无变化，…", where "增量完成率0.0%，2025年6月低于同期序时进度…" read unlike the
# goals beside it (a Chinese reader's find).
UNCHANGED_SAID = {
    True: N_(
        "unchanged since {since} ({baseline}), {closed} of the {planned} planned; as of "
        "{period}, behind the time-proportional schedule ({schedule}) by {points} points"
    ),
    False: N_(
        "unchanged since {since} ({baseline}), {closed} of the {planned} cut planned; as of "
        "{period}, behind the time-proportional schedule ({schedule}) by {points} points"
    ),
}


def schedule_text(result: TargetResult, words: Words) -> str:
    """`up 10 firms since Dec 2025 (48 firms), 83.3 % of the 12 firms planned; as of Nov 2026,
    behind the time-proportional schedule (91.7 %) by 8.3 points` /
    `较2025年12月（48户）增加10户，完成计划增量（12户）的83.3%，低于序时进度（截至2026年11月为
    91.7%）8.3个百分点`: the change since the baseline and the change planned said in figures,
    as a bulletin says 净增…户, where "增量完成率83.3%，2026年11月低于同期序时进度" named
    neither (a Chinese reader's find). A figure where its baseline was says so (无变化); one
    moved away from its goal says its share of the gap closed, as before. A level's periods are
    said at their end where the language does (2025年末, Words.level_period)."""
    f = result.figures
    if f.schedule_gap_pts is None or f.gap_closed_pct is None:
        return ""
    # The schedule is taken when the latest figure was (method): said with its date.
    # The schedule itself is said too: held against the share of the goal, as bulletins hold
    # 完成率, a reader would otherwise work out a schedule that is not the one compared.
    ahead = f.schedule_gap_pts >= 0
    latest, base, t = result.latest, result.baseline, result.target
    when = words.level_period if t.kind == "level" else words.period
    said = {
        "closed": words.percent(f.gap_closed_pct),
        "period": when(latest.period) if latest else DASH,
        "schedule": words.percent(f.time_elapsed_pct),
        "points": words.number(abs(f.schedule_gap_pts), 1),
    }
    sign = 1 if t.direction == "increase" else -1
    figures = {}
    if base is not None:
        figures = {
            "since": when(base.period),
            "baseline": words.scaled(base.value, t.unit),
            "planned": words.scaled(abs(t.target - base.value), t.unit),
        }
    if base is not None and latest is not None and latest.value == base.value and not ahead:
        return words(UNCHANGED_SAID[t.direction == "increase"]).format(**figures, **said)
    # no baseline, or away from the goal: its share of the gap closed
    if base is None or latest is None or (change := sign * (latest.value - base.value)) <= 0:
        sentence = (
            words(
                "{closed} of the gap closed since the baseline; as of {period}, ahead of the "
                "time-proportional schedule ({schedule}) by {points} points"
            )
            if ahead
            else words(
                "{closed} of the gap closed since the baseline; as of {period}, behind the "
                "time-proportional schedule ({schedule}) by {points} points"
            )
        )
        return sentence.format(**said)
    sentence = words(SCHEDULE_SAID[(t.direction == "increase", ahead)])
    return sentence.format(change=words.scaled(change, t.unit), **figures, **said)


def schedule_position(result: TargetResult) -> str | None:
    """Where a goal in its own year stands against the year's schedule, as every output says
    it: "level" when the gap is 0.0 points to the one decimal shown, else "ahead" (a share of
    the year's goal above the months gone; for a cap, its use below them) or "behind"; None
    when the goal's own year does not apply. One rule: a gap of -0.03 points was "level with
    the schedule" in the table and "behind it" in the headline."""
    gap = result.figures.ytd_schedule_gap_pts
    if not result.own_year or gap is None:
        return None
    if round(abs(gap), 1) == 0:
        return "level"
    better = gap > 0 if result.target.direction == "increase" else gap < 0
    return "ahead" if better else "behind"


def at_schedule(result: TargetResult) -> bool | None:
    """Whether a goal in its own year is at or ahead of the year's schedule, as bulletins count
    达到序时进度; None when the goal's own year does not apply."""
    position = schedule_position(result)
    return None if position is None else position != "behind"


def broadly_on_track(result: TargetResult) -> bool:
    """On track but below its year's schedule, within the tolerance: 基本达到进度要求, as the
    lead's "未达到序时进度…（在允许偏差范围内）" says it, where 达到进度要求 beside 低于1.9个百分点
    read as a contradiction (two Chinese readers' find). The view says it so in every output,
    and the counts count it among the goals on track; the JSON's status stays on_track."""
    return result.status == "on_track" and at_schedule(result) is False


def nuance(result: TargetResult, as_of: Month) -> str:
    """How every output says a goal's status beyond its word (Words.status_word): `ahead`,
    achieved before its deadline (已提前完成, as a bulletin says it); `broadly`, on track below
    its year's schedule (基本达到进度要求); else "". The JSON keeps the status."""
    if result.status == "achieved" and not passed(result, as_of):
        return "ahead"
    return "broadly" if broadly_on_track(result) else ""


def nuanced_counts(report: Report) -> dict[tuple[str, str], int]:
    """How many goals of each status have each nuance (outcome.nuance)."""
    nuanced: dict[tuple[str, str], int] = {}
    for r in report.targets:
        if said := nuance(r, report.as_of):
            nuanced[r.status, said] = nuanced.get((r.status, said), 0) + 1
    return nuanced


def count_words(report: Report, words: Words) -> dict[str, str]:
    """The word each status's goals are counted under, as the page's filter buttons say it:
    its nuance's when every one of them has it (已提前完成：1 beside a table saying 已提前完成,
    where 已完成：1 read as another goal, a Chinese reader's find), else the status's."""
    nuanced = nuanced_counts(report)
    return {
        status: words.status_word(status, counted_nuance(status, n, nuanced)[0])
        for status, n in report.counts().items()
    }


def counts_said(report: Report, words: Words, marked: bool = False) -> str:
    """The goals counted by status (`Words.counts_text`), with the nuances among them, as the
    tables say them."""
    return words.counts_text(report.counts(), marked=marked, nuanced=nuanced_counts(report))


def year_sentence(results: list[TargetResult], words: Words, as_of: Month) -> str:
    """How many goals in their own year are at the schedule, as bulletins count them: `4项年度
    目标中（序时进度83.3%），达到序时进度3项；未达到序时进度1项：固定资产投资。`"""
    behind = [r for r in results if not at_schedule(r)]
    schedules = {r.figures.ytd_schedule_pct for r in results}
    schedule = words.percent(schedules.pop()) if len(schedules) == 1 else ""
    total = (
        words.n(
            "Of {total} goal for the year (schedule {schedule})",
            "Of {total} goals for the year (schedule {schedule})",
            len(results),
        )
        if schedule
        else words.n("Of {total} goal for the year", "Of {total} goals for the year", len(results))
    ).format(total=len(results), schedule=schedule)
    at = _at_said([r for r in results if r not in behind], words)
    if not behind:
        return words("{total}, {at}.").format(total=total, at=at)
    # a goal behind the schedule yet on track (95 % of it or more) is said so: "未达到序时进度"
    # beside "达到进度要求" in the count below read as two verdicts; when every one behind is,
    # the sentence says it once (全部未达到序时进度：A（在允许偏差以内）、B（在允许偏差以内）…
    # read as an alarm the count then took back: a newcomer's find). Else each is named with
    # its status as the count and the table say it: "规上工业总产值（在允许偏差范围内）" still read
    # against the count's 达到进度要求2项（含基本达到进度要求1项）as a second verdict (a Chinese
    # reader's find); "（基本达到进度要求）、固定资产投资（进度偏慢）" ties each to its word there.
    # Where none behind is on track, 未达到序时进度 says it all.
    tolerated = all(r.status == "on_track" for r in behind)
    mixed = not tolerated and any(r.status == "on_track" for r in behind)
    names = words.listed(
        words.target_name(r.target)
        + ("" if not mixed else words.paren(words.status_in_sentence(r.status, nuance(r, as_of))))
        for r in behind[:NAMED_TARGETS]
    )
    if len(results) == 1:  # a bulletin does not count 0 达到序时进度
        (only,) = results
        said = (
            words("{total}, {names} is behind it, within the tolerance.")
            if tolerated
            else words("{total}, {names} is behind it.")
        )
        return said.format(total=total, names=words.target_name(only.target))
    if len(behind) == len(results):
        said = (
            words("{total}, all {n} behind it, within the tolerance: {names}.")
            if tolerated
            else words("{total}, none at or ahead of it: {names}.")
        )
        return said.format(total=total, names=names, n=len(behind))  # 3项均略低于…
    said = (
        words("{total}, {at}; {n} behind it, within the tolerance: {names}.")
        if tolerated
        else words("{total}, {at}; {n} behind it: {names}.")
    )
    return said.format(total=total, at=at, n=len(behind), names=names)


def _at_said(at: list[TargetResult], words: Words) -> str:
    """The goals at or ahead of the year's schedule, a cap within it said so, as the method's
    note says it (控制在序时进度以内): `达到序时进度2项、控制在序时进度以内1项`. A cap's use under
    its schedule counted among 达到序时进度 read as wrong (a Chinese reader's find)."""
    caps = sum(1 for r in at if r.target.direction == "decrease")  # as goal_mark tells a cap
    ahead = words("{n} at or ahead of the schedule").format(n=len(at) - caps)
    if not caps:
        return ahead
    within = words.n("{n} cap within the schedule", "{n} caps within the schedule", caps)
    within = within.format(n=caps)
    return words("{at}, {within}").format(at=ahead, within=within) if caps < len(at) else within


def schedule_short(result: TargetResult, words: Words) -> str:
    """Against the year's schedule, for a table: `7.6 points ahead` / `超7.6个百分点`; a cap
    `use 2.0 points below` / `低于2.0个百分点`; "" outside the goal's own year."""
    gap, position = result.figures.ytd_schedule_gap_pts, schedule_position(result)
    if gap is None or position is None:
        return ""
    if position == "level" or result.target.direction == "increase":
        return points_against(gap, words)
    message = words("use {points} points below") if gap < 0 else words("use {points} points above")
    return message.format(points=words.number(abs(gap), 1))


def points_against(gap: float, words: Words) -> str:
    """A gap to a schedule in points, for a table: `7.6 points ahead` / `超7.6个百分点`,
    `… behind` / `低于…`, or level with it at the one decimal shown (schedule_position's rule);
    a year's goal to grow and a plan's goal in either direction say it so."""
    if round(abs(gap), 1) == 0:
        return words("level with the schedule")
    message = words("{points} points ahead") if gap > 0 else words("{points} points behind")
    return message.format(points=words.number(abs(gap), 1))


def plan_schedule_short(result: TargetResult, words: Words, as_of: Month) -> str:
    """Against the plan's time-proportional schedule, for a table, while the goal is not yet
    due: `8.3 points behind (gain since the baseline)` / `低于8.3个百分点（按增量计）`.
    The share of the gap closed since the baseline is held against the time gone (method,
    schedule_gap_pts), as the goal's paragraph says it, and the table's 完成率 beside it counts
    from zero: 96.7 % of a goal of 60 firms beside "—" and 进度偏慢 read as a contradiction (a
    county newcomer's find). "" in a goal's own year (schedule_short says the year's), once it
    is due (the outcome speaks, as in the headline), or without the figure."""
    gap = result.figures.schedule_gap_pts
    if gap is None or passed(result, as_of) or not shown("schedule_gap_pts", result, as_of):
        return ""
    return points_against(gap, words) + words.paren(plan_schedule_basis(result, words))


def plan_schedule_basis(result: TargetResult, words: Words) -> str:
    """What a plan goal's schedule gap is counted on: `gain since the baseline` / 按增量计, a
    cut's 按减量计."""
    if result.target.direction == "increase":
        return words("gain since the baseline")
    return words("cut since the baseline")


def ytd_said(result: TargetResult, words: Words) -> str:
    """A goal's year-to-date figure in words, in its goal's own year never rounded onto or
    across the goal (35.996亿 beside a year goal of 36亿 reads 35.996亿, not 36亿)."""
    ytd, t = result.ytd, result.target
    assert ytd is not None
    return words.scaled(ytd.value, t.unit, apart_from=result.ytd_goal)


def kept_off(result: TargetResult, figure: Observation) -> float | None:
    """The goal a figure's cell or words must not round onto: for a year-to-date figure (this
    month's or last month's), the goal of its year (TargetResult.ytd_goal: 35.996亿, typed to
    the 十万, beside 36亿); None for a published figure, shown with the decimals it has."""
    ytd = figure.basis == "ytd" and figure in (result.ytd, result.previous_ytd)
    return result.ytd_goal if ytd else None


def year_line(result: TargetResult, words: Words) -> str:
    """The year's cumulative figure as a bulletin says it: `1—10月完成312亿元，同比增长8.1%，
    完成全年目标的90.9%，超序时进度7.6个百分点。` / `Jan–Oct 31.2 bn yuan, up 8.1 % on a year
    before, 90.9 % of the year's goal, 7.6 points ahead of the schedule.` A cap within its
    schedule says so (控制在序时进度以内), never 超. A year-to-date figure outside its goal's own
    year says its figure and 同比 only. The schedule itself (N/12) is said once, in the
    headline and the tables. A goal broadly on track is said to be within the tolerance; the
    rule (95 % of the schedule or more) is said once, in the note under page 1's table and in
    the method (a Chinese reader: the card said it again, and the Word bulletin in every such
    paragraph)."""
    ytd, f, t = result.ytd, result.figures, result.target
    total = year_total_in(result)
    if total is not None:
        return _year_total_line(result, total, words)
    if ytd is None:
        return ""
    # outside the goal's own year, the year it is of: 2026年1—11月 beside a goal on 2025
    months = words.months_to(ytd.end.month) if result.own_year else words.figure_period(ytd)
    value = ytd_said(result, words)
    increase = t.direction == "increase"
    if not result.own_year:  # another year's sum beside the goal: what it is, not 完成
        said = words("{months}: {value} so far")
    else:
        said = words("{months} {value}") if increase else words("{months} used {value}")
    parts = [said.format(months=months, value=value)]
    if f.ytd_yoy_pct is not None:
        parts.append(_on_a_year_before(f.ytd_yoy_pct, words))
    if result.own_year and f.ytd_share_of_target_pct is not None:
        parts.append(_of_the_year(f.ytd_share_of_target_pct, increase, words))
    gap, position = f.ytd_schedule_gap_pts, schedule_position(result)
    if gap is not None and position is not None:
        points = words.number(abs(gap), 1)
        if position == "level":
            message = words("level with the schedule")
        elif increase:
            message = (
                words("{points} points ahead of the schedule")
                if gap > 0
                else words("{points} points behind the schedule")
            )
        else:  # a cap: using less than the months gone is within the schedule, never 超
            message = (
                words("{points} points below the schedule, within it")
                if gap < 0
                else words("{points} points above the schedule, over it")
            )
        parts.append(message.format(points=points))
        if broadly_on_track(result):
            # on track from 95 % of the schedule (method): said, or "behind the schedule" and
            # 达到进度要求 read as two verdicts
            parts.append(words("but within the tolerance"))
    if result.own_year and increase and ytd.value >= t.target:
        parts.append(words("the year's goal met ahead of time"))
    return words("{clauses}.").format(clauses=words.joined(parts))


def year_total_in(result: TargetResult) -> Observation | None:
    """A goal for one year's total of its year, once it has decided it (December's report on);
    None otherwise."""
    t, final = result.target, result.final
    return final if t.year is not None and final is not None and final.end == t.deadline else None


def _year_total_line(result: TargetResult, total: Observation, words: Words) -> str:
    """A year's total as a January bulletin says it: `1—12月完成39.12亿元，同比增长8.4%，完成
    全年目标的108.7%。` 同比 is its change on the year before's total, when that is a figure of
    the report (the method's 同比, ytd_yoy_pct, stops at 1—11月). December's card said the
    year's total without it."""
    t = result.target
    increase = t.direction == "increase"
    said = words("{months} {value}") if increase else words("{months} used {value}")
    parts = [said.format(months=words.months_to(12), value=figure_said(result, total, words))]
    change = year_total_change(result, total)
    if change is not None:
        parts.append(_on_a_year_before(change, words))
    if t.target:
        parts.append(_of_the_year(100 * total.value / t.target, increase, words))
    return words("{clauses}.").format(clauses=words.joined(parts))


def year_total_change(result: TargetResult, total: Observation) -> float | None:
    """A year's total's change on the year before's total, in percent (全年同比), when that is
    a figure of the report; None otherwise."""
    before = next(
        (
            o
            for o in result.observations
            if o.basis == "annual" and o.end == dt.date(total.end.year - 1, 12, 31)
        ),
        None,
    )
    if before is None or before.value <= 0:
        return None
    return 100 * (total.value / before.value - 1)


def _on_a_year_before(change: float, words: Words) -> str:
    """同比: `up 8.1 % on a year before` / `同比增长8.1%`, a fall as one."""
    said = (
        words("up {change} on a year before")
        if change >= 0
        else words("down {change} on a year before")
    )
    return said.format(change=words.percent(abs(change)))


def _of_the_year(share: float, increase: bool, words: Words) -> str:
    """`90.9 % of the year's goal` / `完成全年目标的90.9%`; of a cap, its share used."""
    said = words("{share} of the year's goal") if increase else words("{share} of the year's cap")
    return said.format(share=words.percent(share))


def shown(field: str, result: TargetResult, as_of: Month) -> bool:
    """Whether a figure means anything to a reader in this report month, for this goal."""
    if result.target.year is not None and not _field_of_its_year(field, result):
        return False
    if field in SHORT_HORIZON_HIDDEN and _under_a_year_left(result):
        return False
    if not passed(result, as_of):
        return True
    decided = result.status in ("achieved", "missed")
    return field not in AFTER_DEADLINE_HIDDEN and not (decided and field in DECIDED_HIDDEN)


def status_changed(result: TargetResult) -> bool:
    """Its status differs from last month's: what the changes list first, on the page, in the
    workbook and on the terminal."""
    return result.status != result.previous_status


def figure_changed(result: TargetResult) -> bool:
    """A new latest figure and the same status as last month (the changes' second list)."""
    return result.changed and result.status == result.previous_status


def ytd_as_latest(result: TargetResult) -> bool:
    """Whether a summary gives a goal for one year its 1—N月 as its latest figure and that
    figure's share of the year's goal as its share: in its year, before its year's total is in
    (its share by the latest figure is left out until then, method), as the bulletin's table
    and the changes give it. The summaries said 完成率 — and 最新值 — under a table that said
    完成率 92.0% of the same goal."""
    return (
        result.target.year is not None
        and result.own_year
        and result.ytd is not None
        and not _field_of_its_year("share_of_target_pct", result)
    )


def of_its_year(result: TargetResult, figure: Observation | None) -> Observation | None:
    """The figure, when a goal is said with it: any for a plan goal; for a goal for one year,
    only one of its year (method: "only figures of year Y count for it"); else None."""
    year = result.target.year
    return figure if figure is not None and (year is None or in_year(figure, year)) else None


def in_year(figure: Observation, year: int) -> bool:
    """Whether a figure is one of `year`: of its months (a 1—N月, a level at a day of it, the
    year's total), not the twelve months to one of its months (a TTM or an annual rate, which
    reach into the year before) nor a figure of a year after it."""
    if figure.end.year != year or figure.basis == "rate":  # a rate: a year's pace, no total
        return False
    return figure.basis != "ttm" or figure.end.month == 12


def as_said(report: Report) -> Report:
    """The report as every output says it (the view, the terminal; the JSON keeps the method's
    figures). A goal for one year is said with figures of its year only (method: "only
    figures of year Y count for it"), and with its year's total once that is in:
    - its latest figure is its year's total, or none: the twelve months to November
      (120.5亿, with Dec 2025 in it) stood as 最新值 beside a goal of 120亿 at 92.5 % of its
      1—11月; in January, the twelve months to 2027年1月 as the 2026 goal's 最新值 and 完成率;
    - its 1—N月 only of its year and before its total: 2026's 1—11月 and 同比 stood on the row
      of the goal for 2027, and 2027年1月 on the row of the 2026 goal; a year row of 2026 beside
      1—11月 counted the goal among the year's goals under way and as achieved, "尚无1—12月数据";
    - no pace before its year (进度偏慢, from 2025 to 2026, beside 暂无法评估 for 2027).
    A helper's year-end month found these. Results not changed are the same objects."""
    said = [_said(r) for r in report.targets]
    if all(a is b for a, b in zip(said, report.targets, strict=True)):
        return report
    return replace(report, targets=tuple(said))


def _said(r: TargetResult) -> TargetResult:
    year = r.target.year
    if year is None:
        return r
    ytd = r.ytd if r.ytd is not None and r.ytd.end.year == year and r.final is None else None
    before = r.previous_ytd if r.previous_ytd and r.previous_ytd.end.year == year else None
    latest = r.final if r.final is not None else of_its_year(r, r.latest)
    if latest is None and ytd is None and r.ytd is not None and r.ytd.end.year > year:
        # its year over and its total not in: the last 1—N月 of its year (last month's), as a
        # January bulletin says a goal awaiting its 1—12月; it said 2027年1月累计, then nothing
        latest = before
    previous_latest = of_its_year(r, r.previous_latest)
    if (latest, ytd, before, previous_latest) == (
        r.latest,
        r.ytd,
        r.previous_ytd,
        r.previous_latest,
    ):
        return r
    f, t = r.figures, r.target.target
    figures = replace(
        f,
        share_of_target_pct=100 * latest.value / t if latest is not None and t else None,
        gap=t - latest.value if latest is not None else None,
        # its pace is of figures before its year: nothing to say of it (shown() hides the rest;
        # the projection, on which an outlook rests, stays while it awaits its total)
        pace_category=f.pace_category if ytd is not None or latest is not None else None,
        **({} if ytd is not None else dict.fromkeys(YTD_FIGURES)),
    )
    # nor of the notes on a figure not of its year: 最新值 38亿（2025年6月；估算数） stood on the
    # card of a goal for 2026
    notes = r.notes if latest is r.latest else tuple(n for n in r.notes if n.code in YEAR_NOTES)
    return replace(
        r,
        latest=latest,
        notes=notes,
        ytd=ytd,
        own_year=r.own_year and ytd is not None,
        figures=figures,
        previous_ytd=before,
        previous_own_year=r.previous_own_year and before is not None,
        previous_latest=previous_latest,
        year_goal_beside=None,
    )


def _under_a_year_left(result: TargetResult) -> bool:
    """Whether less than a year runs from the latest figure to the deadline."""
    latest = result.latest
    return latest is not None and years_between(latest.end, result.target.deadline) < 1


def _field_of_its_year(field: str, result: TargetResult) -> bool:
    """Whether a figure says something of a goal for one year (YEAR_GOAL_HIDDEN): the projection
    only while the goal awaits its final figure, as its outlook rests on it."""
    if field in YEAR_GOAL_HIDDEN:
        return False
    if field in YEAR_GOAL_BY_TOTAL:
        return result.final is not None
    if field == "projected_at_deadline":
        return result.status == "awaiting_final"
    return True


def comparison_text(report: Report, words: Words) -> str:
    """What "last month" is: the report as published, or last month judged again, and why."""
    c = report.comparison
    if c.basis == "published":
        return words("Compared with last month's report as published ({file}).").format(file=c.file)
    if not c.file:
        return words("Last month is judged again from this month's sheet.")
    return words(RECOMPUTED[c.reason or "none"]).format(file=c.file)


# Why last month is judged again rather than read from its published report.
RECOMPUTED = {
    "none": N_(
        "No report for last month was found ({file}): last month is judged again from this "
        "month's sheet."
    ),
    "unreadable": N_(
        "Last month's report ({file}) could not be read: last month is judged again from this "
        "month's sheet."
    ),
    "foreign": N_(
        "{file} is not a report of this tool: last month is judged again from this month's sheet."
    ),
    "other_month": N_(
        "{file} is not last month's report: last month is judged again from this month's sheet."
    ),
}


def required_path(result: TargetResult) -> list[tuple[dt.date, float]]:
    """The path to the goal every chart draws: baseline to goal at the constant growth a year
    the goal needs (the required growth the pace is judged on), a point at each year end; a
    straight line where that growth is not defined (a baseline or a goal at or below zero);
    none without a baseline before the deadline, and none for a goal for one year, which is held
    to its year's schedule, not to a path from a baseline years before (YEAR_GOAL_HIDDEN). The
    workbook drew this curve and the page a straight line, both called "path to the goal"."""
    base, t = result.baseline, result.target
    if base is None or base.end >= t.deadline or t.year is not None:
        return []
    if base.value <= 0 or t.target <= 0:
        return [(base.end, base.value), (t.deadline, t.target)]
    total = years_between(base.end, t.deadline)
    days = [base.end] + [
        dt.date(y, 12, 31)
        for y in range(base.end.year, t.deadline.year)
        if dt.date(y, 12, 31) > base.end
    ]
    days.append(t.deadline)
    ratio = t.target / base.value
    return [(d, base.value * ratio ** (years_between(base.end, d) / total)) for d in days]


def chartable(result: TargetResult) -> bool:
    """Whether a target gets a chart, in every output: it has a figure to draw, or a path to
    the goal (required_path), or it is a year drawn by month (by_month). Without any a chart
    would hold the goal's level and the deadline alone."""
    return bool(result.observations) or bool(required_path(result)) or by_month(result)


def by_month(result: TargetResult) -> bool:
    """Whether a target's chart is its year month by month against the year's schedule (序时
    进度), as a bulletin's chart is: a goal for one year, in its year, with its months' sums
    (1—N月), or, its year over, its months to its total. Such a goal had no chart at all, or
    one of the years before it."""
    return result.target.year is not None and bool(result.year_months)


def schedule_path(result: TargetResult) -> list[tuple[float, float]]:
    """The year's schedule a month chart draws, as (month, sum): N/12 of the goal by the end
    of month N, a straight line from nothing at the start of the year to the goal at its end."""
    return [(0.0, 0.0), (12.0, result.target.target)]
