"""What the sheet writers share while one workbook is built: formats, scales, where tables are."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from xlsxwriter.workbook import Workbook

from ...model import Report, TargetResult
from ...words.words import Words
from ..bulletin import Bulletin, build_bulletin, report_period, report_title
from ..view import ReportView, TargetView
from .formats import Formats, Scale
from .labels import target_scale
from .layout import titled_line


@dataclass(frozen=True)
class Table:
    """Where a target's observations are: sheet, first and last row (0-based), period in
    column A and value in column B."""

    sheet: str
    first: int
    last: int


@dataclass
class Book:
    """One workbook being written, in one language."""

    workbook: Workbook
    report: Report
    words: Words
    view: ReportView
    formats: Formats
    month: str
    scales: dict[int, Scale] = field(default_factory=dict)
    # The observations table of each target (by `id` of its result), for the Summary's
    # sparklines; the report holds every result while the workbook is built.
    tables: dict[int, Table] = field(default_factory=dict)
    views: dict[int, TargetView] = field(default_factory=dict)

    @classmethod
    def start(cls, workbook: Workbook, view: ReportView) -> Book:
        report = view.report
        formats = Formats(workbook, italic=view.words.locale.italic)
        return cls(workbook, report, view.words, view, formats, str(report.as_of))

    @cached_property
    def head(self) -> str:
        """The report's own title and its period, as page 1 prints them (2026年1—11月 when a
        year's goal is held against its 1—N月): the printed pages' running header, the
        Summary's first line and the file's title."""
        words = self.words
        return titled_line(report_title(self.view), report_period(self.view, words), words)

    @cached_property
    def bulletin(self) -> Bulletin:
        """Page 1 as every output lays it out (bulletin.build_bulletin): the first sheet, and
        the Summary's note under its table."""
        return build_bulletin(self.view)

    def target(self, result: TargetResult) -> TargetView:
        """The view of one target (by identity: copies of one target count apart)."""
        if not self.views:
            self.views.update((id(t.result), t) for t in self.view.targets)
        return self.views[id(result)]

    def scale(self, result: TargetResult) -> Scale:
        """The target's scale (labels.target_scale), worked out once per workbook."""
        known = self.scales.get(id(result))
        if known is None:
            known = self.scales[id(result)] = target_scale(result, self.words)
        return known
