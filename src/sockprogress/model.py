"""The data that flows from reading to judging to rendering: plain frozen dataclasses (the two
made by the hundred thousand, frozen to the type checker: bulk_record)."""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from .periods import Month

# For the type checker only: pandas (not needed to hold results, only to build them), and
# bulk_record as the frozen dataclass it stands for.
if TYPE_CHECKING:
    import pandas as pd
    from typing_extensions import dataclass_transform

    _Class = TypeVar("_Class", bound=type[Any])

    @dataclass_transform(frozen_default=True)
    def bulk_record(cls: _Class) -> _Class:
        """A frozen dataclass, to the type checker."""

else:

    def bulk_record(cls):
        """A record made by the hundred thousand (a province's observations, a row's issue on
        every row): a slotted dataclass, compared and hashed by its fields like a frozen one,
        and frozen to the type checker (mypy refuses an assignment to its fields). It is not
        frozen at run time: a frozen dataclass's __init__ sets each field through
        object.__setattr__, four to five times the cost of a plain one (0.8 µs against
        0.2 µs a record: 0.14 s of a province's judging, 0.3 s of a messy one's)."""
        return dataclass(slots=True, unsafe_hash=True)(cls)


Kind = Literal["level", "annual_total"]
Direction = Literal["increase", "decrease"]
Severity = Literal["error", "warning"]
Status = Literal[
    "achieved",
    "on_track",
    "moderate_progress",
    "insufficient_progress",
    "moving_away",
    "missed",
    "awaiting_final",
    "not_assessable",
]
PaceCategory = Literal["on_track", "moderate_progress", "insufficient_progress", "moving_away"]
# The pace ratio's thresholds (Eurostat / Open SDG): on track from the first, moderate progress
# from the second, insufficient progress from the third, moving away below it. Judging sorts by
# them; a pace ratio is shown with digits enough never to cross one (words.ratio).
PACE_THRESHOLDS = (0.95, 0.60, 0.0)
Outlook = Literal["likely_achieved", "likely_missed"]
# "rate": an annual rate stated at a month without a calendar year, standing for the twelve
# months to that month: an estimate, never the final figure (method: basis rate).
Basis = Literal["level", "annual", "ttm", "ytd", "rate"]

STATUSES: tuple[Status, ...] = (
    "achieved",
    "missed",
    "awaiting_final",
    "on_track",
    "moderate_progress",
    "insufficient_progress",
    "moving_away",
    "not_assessable",
)

# The order in which targets need attention: those that went wrong or stalled first, finished
# ones last. The HTML draws its charts and the workbook its native charts in this order.
_ATTENTION_ORDER: tuple[Status, ...] = (
    "missed",
    "moving_away",
    "insufficient_progress",
    "moderate_progress",
    "awaiting_final",
    "on_track",
    "achieved",
    "not_assessable",
)
ATTENTION: dict[Status, int] = {s: i for i, s in enumerate(_ATTENTION_ORDER)}
assert set(ATTENTION) == set(STATUSES)

# The actuals workbook: its data sheet and its columns. The reader, `init` (a blank workbook)
# and `actuals add` share them. The sheet is named in the workbook's language: Actuals, or
# 实际数据 (a Chinese office's "actual figures", as the glossary proposes) in a workbook
# `init --lang zh` made; either is read, and messages name the one the workbook has.
SHEET = "Actuals"
SHEET_ZH = "实际数据"
SHEETS = (SHEET, SHEET_ZH)


def data_sheet(names: Iterable[str]) -> str:
    """The data sheet's name among a workbook's sheet names: the first of SHEETS it has, and
    Actuals when it has neither (the name a message then asks for)."""
    present = set(names)
    return next((name for name in SHEETS if name in present), SHEET)


REQUIRED_COLUMNS = ("region", "indicator", "period", "value")
OPTIONAL_COLUMNS = ("basis", "source", "note", "flags")
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
# What a row's `flags` cell may say about its figure or its source, as codes: like the
# observation status flags of SDMX (OBS_STATUS: E estimated…), a fixed list a program can read,
# worded in the reader's language wherever the figure is shown. An estimate is not a flag: an
# annual rate without a year (basis `rate`) is one by its basis.
FLAGS = ("month_presumed", "lower_bound", "approximate", "repost", "foreign_edition")
# The Chinese header of a workbook from `init --lang zh` (the glossary's terms).
HEADER_ZH = {
    "region": "地区",
    "indicator": "指标",
    "period": "时期",
    "value": "数值",
    "basis": "数值类型",
    "source": "资料来源",
    "note": "备注",
    "flags": "标注",
}


@dataclass(frozen=True)
class Baseline:
    period: str
    value: float | None = None


@dataclass(frozen=True)
class Target:
    """One goal from targets.toml."""

    id: str
    region: str
    indicator: str
    name: str
    unit: str
    kind: Kind
    direction: Direction
    target: float
    deadline: dt.date
    baseline: Baseline | None = None
    source: str | None = None
    name_zh: str | None = None
    region_zh: str | None = None
    plan: str | None = None
    source_zh: str | None = None
    plan_zh: str | None = None
    # What a reader must know about the goal itself (its scope, an uncertain definition).
    note: str | None = None
    note_zh: str | None = None
    # A year goal (年度目标, `year = 2026` in targets.toml): the deadline is 31 December of that
    # year, and only figures of that year count for it (method: year goal).
    year: int | None = None


@dataclass(frozen=True)
class Indicator:
    """An indicator declared in targets.toml without a goal: shown as context."""

    indicator: str
    name: str
    unit: str = ""
    name_zh: str | None = None


@bulk_record
class Issue:
    """A data problem: the row is left out (error) or used with a caveat (warning).

    `message` is the English sentence (the JSON keeps it for other programs); `code` and
    `params` are what a renderer translates, so no language is keyed on the English text.
    An issue without a code is shown as its message. An issue made by the thousand (a rule
    broken on every row of a province) is made without its message, "": the English sentence
    is worded from its code when it is written (words.english_message), so a row's issue costs
    its row, not a sentence. Slots: a province may hold hundreds of thousands.
    """

    severity: Severity
    message: str
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    code: str = ""
    params: tuple[tuple[str, str], ...] = ()
    # The target an issue is about, when it is about one (a plausibility warning marks it).
    target_id: str | None = None


# Issues of one kind are grouped by these of their parameters besides code, severity, file,
# sheet and column: a count that is not whole, by its unit (the fix names it).
GROUP_BY: dict[str, tuple[str, ...]] = {"plausibility.not_whole": ("unit",)}
# How many issues of a group every output shows as examples.
EXAMPLES = 3  # (a kind said by its first issue shows it and two more)


@dataclass(frozen=True, slots=True)
class IssueGroup:
    """Issues of one kind on one column: every output says them once, with their count, their
    rows as ranges and the first few as examples (the JSON keeps every row's issue too)."""

    severity: Severity
    code: str
    file: str | None
    sheet: str | None
    column: str | None
    # the parameters the group is keyed on (GROUP_BY; a target's own issues, its id), shared
    # by all its issues
    key: tuple[tuple[str, str], ...]
    count: int
    # the sheet rows, as ascending runs [first, last]; () for issues without a row
    rows: tuple[tuple[int, int], ...]
    examples: tuple[Issue, ...]

    def get(self, name: str) -> str:
        return dict(self.key).get(name) or dict(self.examples[0].params).get(name, "")


def row_runs(rows: list[int]) -> tuple[tuple[int, int], ...]:
    """Sorted distinct rows as runs of consecutive numbers: [2, 3, 4, 9] -> ((2, 4), (9, 9))."""
    runs: list[tuple[int, int]] = []
    for row in sorted(set(rows)):
        if runs and row == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return tuple(runs)


def group_issues(issues: tuple[Issue, ...] | list[Issue]) -> tuple[IssueGroup, ...]:
    """The issues by kind and column, errors first, then in the order their first issue comes."""
    members: dict[tuple[object, ...], list[Issue]] = {}
    # A series' rows breaking one rule come one after the other and differ only in their row
    # and value (the first parameter): such a run shares its predecessor's group without a
    # key made for each row (a province may have an issue on every row).
    last: Issue | None = None
    found: list[Issue] = []
    for issue in issues:
        if (
            last is not None
            and issue.row is not None
            and last.row is not None
            and issue.code == last.code
            and issue.params[1:] == last.params[1:]
            and issue.params[:1] != ()  # what differs, the first parameter, is no group key
            and issue.params[0][0] not in GROUP_BY.get(issue.code, ())
            and (issue.severity, issue.file, issue.sheet, issue.column, issue.message)
            == (last.severity, last.file, last.sheet, last.column, last.message)
        ):
            found.append(issue)
            continue
        last = issue
        by = GROUP_BY.get(issue.code)
        key: tuple[object, ...] = (
            issue.severity,
            issue.code or issue.message,  # an issue without a code is a kind of its own
            issue.file,
            issue.sheet,
            issue.column,
        )
        if by:
            key += tuple(pair for pair in issue.params if pair[0] in by)
        if issue.row is None and issue.target_id:  # about one target: a line of its own
            key += (("target_id", issue.target_id),)
        found = members.setdefault(key, [])
        found.append(issue)
    groups = []
    for key, found in members.items():
        first = found[0]
        rows = [i.row for i in found if i.row is not None]
        examples = heapq.nsmallest(EXAMPLES, found, key=lambda i: i.row or 0)  # first rows
        groups.append(
            IssueGroup(
                first.severity,
                first.code,
                first.file,
                first.sheet,
                first.column,
                tuple(k for k in key[5:] if isinstance(k, tuple)),
                len(found),
                row_runs(rows),
                tuple(examples),
            )
        )
    groups.sort(key=lambda g: g.severity != "error")  # stable: the order they came in otherwise
    return tuple(groups)


@dataclass(frozen=True)
class InputFile:
    name: str
    sha256: str


@dataclass(frozen=True)
class ReportInfo:
    """The `[report]` table of targets.toml: what the report calls itself and who issues it
    (`title`, `issuer`, each with its Chinese `_zh`); None where the file says nothing."""

    title: str | None = None
    title_zh: str | None = None
    issuer: str | None = None
    issuer_zh: str | None = None


@dataclass(frozen=True)
class TargetsFile:
    targets: tuple[Target, ...]
    indicators: tuple[Indicator, ...] = ()
    regions_zh: tuple[tuple[str, str], ...] = ()
    issues: tuple[Issue, ...] = ()
    info: ReportInfo = field(default=ReportInfo())
    # every [[regions]] entry's code, with a Chinese name or without one
    regions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Actuals:
    """The usable rows of the Actuals sheet, one per observation.

    `rows` columns: row (sheet row number), region, indicator, period (text as
    canonicalised), period_kind, end (datetime64), value (float), basis (as written on a
    month row: "", "month" or "ytd"; "" elsewhere), source, note.
    """

    rows: pd.DataFrame
    issues: tuple[Issue, ...] = ()
    sheet: str = SHEET
    # (region, indicator) -> the sheet rows of that series left out (a value or a period that
    # could not be read): a goal without a usable row says its rows were left out, not that
    # there are none.
    left_out: Mapping[tuple[str, str], tuple[int, ...]] = field(default_factory=dict)


@bulk_record  # 240,000 of them in a province
class Observation:
    """A value a target is judged on: a level, a calendar-year total or a TTM."""

    end: dt.date
    value: float
    period: str
    basis: Basis
    rows: tuple[int, ...] = ()
    # What the sheet rows behind it say: their sources (distinct, in row order) and notes.
    source: str = ""
    note: str = ""
    # What the rows' `flags` cells say (reading.cells.FLAGS codes, in that order).
    flags: tuple[str, ...] = ()

    @property
    def month_presumed(self) -> bool:
        """Its month was presumed by a convention (mid-year, the publication month)."""
        return "month_presumed" in self.flags

    @property
    def estimate(self) -> bool:
        """An annual rate stated without a year: shown as an estimate, never final."""
        return self.basis == "rate"


@dataclass(frozen=True)
class Note:
    """A remark on a target's result; `code` picks the wording, `params` fill it."""

    code: str
    params: tuple[tuple[str, str], ...] = ()

    def get(self, key: str) -> str:
        return dict(self.params)[key]


@dataclass(frozen=True)
class Figures:
    share_of_target_pct: float | None = None
    gap: float | None = None
    gap_closed_pct: float | None = None
    time_elapsed_pct: float | None = None
    actual_cagr: float | None = None
    required_cagr: float | None = None
    pace_ratio: float | None = None
    pace_category: PaceCategory | None = None
    required_cagr_from_latest: float | None = None
    projected_at_deadline: float | None = None
    eta: dt.date | None = None
    # gap_closed_pct - time_elapsed_pct: ahead (+) of or behind (-) the time-proportional
    # schedule, in percentage points (序时进度).
    schedule_gap_pts: float | None = None
    # The goal's own year: January..N of the deadline's year against the year's goal (the
    # first four only when it applies; the change on a year before whenever there is a
    # year-to-date figure).
    ytd_share_of_target_pct: float | None = None
    ytd_schedule_pct: float | None = None
    ytd_schedule_gap_pts: float | None = None
    ytd_pace_ratio: float | None = None
    ytd_yoy_pct: float | None = None


@dataclass(frozen=True)
class TargetResult:
    target: Target
    observations: tuple[Observation, ...]
    baseline: Observation | None
    latest: Observation | None
    final: Observation | None
    figures: Figures
    status: Status
    previous_status: Status
    previous_latest: Observation | None
    stale: bool
    notes: tuple[Note, ...]
    why_null: tuple[tuple[str, str], ...]
    ytd: Observation | None = None
    outlook: Outlook | None = None
    # Plausibility warnings on figures this target is judged on ("check this figure").
    checks: tuple[Issue, ...] = ()
    # Figures of this target that changed since last month's report was published.
    revisions: tuple[Revision, ...] = ()
    # The period of the earliest of two or more observations, over 12 months or more, equal to
    # the latest one (a figure restated unchanged); None otherwise.
    unchanged_since: str | None = None
    # The goal's own year applies: `ytd` is January..N of the deadline's year, held against it.
    own_year: bool = False
    # In the goal's own year, the sum of January..m for each month up to `ytd`'s that is known
    # (the last is `ytd`), or its year's months to the year's total when that decided it: what
    # a chart of the year against its schedule (序时进度) draws.
    year_months: tuple[Observation, ...] = ()
    # Why each figure of the goal's own year (ytd_*) is blank, apart from `why_null`: the
    # JSON gives both in one `why_null`.
    why_null_year: tuple[tuple[str, str], ...] = ()
    # Last month's year-to-date figure, as `ytd` is this month's, and whether the goal's own
    # year applied to it (in December's report, with the year's total in, it no longer does).
    previous_ytd: Observation | None = None
    previous_own_year: bool = False
    # The goal for the year of `ytd` that another goal of the same series holds it against (a
    # plan goal beside its year's goal): the figure is shown as that goal's row shows it.
    year_goal_beside: float | None = None

    @property
    def goal_figure(self) -> Observation | None:
        """The figure the goal is held against this month: a goal of its own year's 1—N月
        (`ytd`) while the year runs, else the latest."""
        return self.ytd if self.own_year and self.ytd else self.latest

    @property
    def ytd_goal(self) -> float | None:
        """The goal its year-to-date figure is held against, and never rounded onto where it is
        shown (35.996亿, not 36亿): the target in the goal's own year; in another year the
        goal of a year goal beside it on the same series, so one figure has one spelling on a
        page (a plan goal's row said 36亿 of the 35.996亿 in its year goal's row); else None."""
        return self.target.target if self.own_year else self.year_goal_beside

    @property
    def previous_goal_figure(self) -> Observation | None:
        """Last month's goal_figure: its 1—N月 when the goal's own year applied to it then (in
        December's report, November's 1—11月, not the twelve months to November)."""
        own = self.previous_own_year or self.own_year
        return self.previous_ytd if own and self.previous_ytd else self.previous_latest

    @property
    def new_figure(self) -> bool:
        """The goal's figure is not the one last month had (another period or value): a year
        goal's 1—N月 moving from 29亿 to 32亿 is news, though its latest stays blank."""
        now, before = self.goal_figure, self.previous_goal_figure
        if now is None or before is None:
            return now is not before
        return (now.period, now.value) != (before.period, before.value)

    @property
    def changed(self) -> bool:
        """Its status or its figure differs from last month's."""
        return self.status != self.previous_status or self.new_figure


@dataclass(frozen=True)
class Revision:
    """A figure for the same period whose value changed since the report that published it."""

    period: str
    basis: str
    old: float
    new: float


@dataclass(frozen=True)
class ContextResult:
    """An indicator with no goal: its latest value and the change from the one before (for a
    year-to-date series, from the same months a year before: 1—3月 against 1—3月, never
    against the year's 1—12月)."""

    region: str
    indicator: str
    name: str
    unit: str
    basis: str
    latest: Observation
    previous: Observation | None
    name_zh: str | None = None
    # A flow's year-to-date figure of the report month's year, and its change on a year before.
    ytd: Observation | None = None
    ytd_yoy_pct: float | None = None

    @property
    def change(self) -> float | None:
        return None if self.previous is None else self.latest.value - self.previous.value

    @property
    def change_pct(self) -> float | None:
        if self.previous is None or self.previous.value == 0:
            return None
        return 100 * (self.latest.value / self.previous.value - 1)


@dataclass(frozen=True)
class PublishedTarget:
    """What last month's report said of one target, as its JSON has it."""

    status: Status
    latest: Observation | None
    # (period, basis) -> value of every observation it listed
    values: tuple[tuple[tuple[str, str], float], ...] = ()
    ytd: Observation | None = None


@dataclass(frozen=True)
class Published:
    """Last month's report as published (its JSON in the output folder)."""

    file: str
    as_of: Month
    targets: tuple[tuple[str, PublishedTarget], ...]


@dataclass(frozen=True)
class Comparison:
    """What "last month" means in this report: the published report, or a recomputation.

    `basis` is "published" (compared with `file`) or "recomputed" (last month judged again from
    this month's sheet); `reason` says why a published report was not used ("none", "foreign",
    "unreadable", "other_month") and `file` then names the file that was looked for.
    """

    basis: Literal["published", "recomputed"]
    file: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class Report:
    as_of: Month
    targets: tuple[TargetResult, ...]
    context: tuple[ContextResult, ...]
    issues: tuple[Issue, ...]
    inputs: tuple[InputFile, ...] = ()
    regions_zh: tuple[tuple[str, str], ...] = field(default=())
    comparison: Comparison = field(default=Comparison("recomputed", None, "none"))
    info: ReportInfo = field(default=ReportInfo())

    @cached_property
    def issue_groups(self) -> tuple[IssueGroup, ...]:
        """The issues by kind and column, as every output lays them out."""
        return group_issues(self.issues)

    def year_to_date_goals(self) -> list[TargetResult]:
        """Goals for the year in their year with a 1—N月 figure, before their year's total is in
        (a year row of 2026 beside 1—11月: "尚无2026年1—12月数据" under an achieved goal)."""
        return [r for r in self.targets if r.own_year and r.ytd is not None and r.final is None]

    def behind_the_month(self) -> list[TargetResult]:
        """Goals for the year whose 1—N月 ends before the report month (no 1—11月 yet in a
        November report): they are reported on an earlier month than the report's."""
        end = self.as_of.end
        return [r for r in self.year_to_date_goals() if r.ytd is not None and r.ytd.end < end]

    def counts(self, zeros: bool = False) -> dict[str, int]:
        """Targets by status, in STATUSES order: the statuses that have any, or with `zeros`
        every status (the JSON's `counts`, so a program finds each key)."""
        counts: dict[str, int] = {s: 0 for s in STATUSES}
        for result in self.targets:
            counts[result.status] += 1
        return counts if zeros else {s: n for s, n in counts.items() if n}
