"""The monthly report in one call: read the inputs, judge, render, write."""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .errors import InputError, OutputError
from .judging import judge
from .model import STATUSES, Comparison, InputFile, Published, Report, TargetResult
from .periods import Month
from .progressbar import ProgressCallback
from .reading import load_targets, read_actuals
from .reading.grid import Loading
from .reading.previous import previous_path, read_previous
from .rendering.docx import render_docx
from .rendering.excel import render_workbook
from .rendering.html import render_html
from .rendering.jsonout import json_parts
from .rendering.outcome import (
    as_said,
    comparison_text,
    counts_said,
    figure_changed,
    headline,
    nuance,
    status_changed,
)
from .safewrite import owner_of, remove_leftovers, temporary_files_in, write_all
from .words.words import Words

FORMATS = ("xlsx", "html", "json", "docx")


def _sha256(path: Path) -> InputFile:
    return InputFile(path.name, hashlib.sha256(path.read_bytes()).hexdigest())


def _silent(step: str, done: int, total: int) -> None:
    """The default progress callback: report nothing."""


def build_report(
    targets: Path,
    actuals: Path,
    as_of: Month,
    today: dt.date | None = None,
    progress: ProgressCallback = _silent,
    previous: tuple[Published | None, Comparison] | None = None,
    loading: Loading | None = None,
) -> Report:
    """Read both inputs and judge them; raises InputError when a file cannot be used.

    `previous` is last month's published report as `read_previous` found it (or did not).
    `progress(step, done, total)` is called as each step starts (see progressbar.py).
    `loading`: the actuals' sheet already being read (reading.grid.start_loading).
    """
    progress(f"reading {targets.name}", 0, 3)
    targets_file = load_targets(targets)
    progress(f"reading {actuals.name}", 1, 3)
    rows = read_actuals(actuals, today=today, targets=targets_file, loading=loading)
    progress("judging", 2, 3)
    report = judge(
        targets_file,
        rows,
        as_of,
        actuals_name=actuals.name,
        inputs=(_sha256(targets), _sha256(actuals)),
        published=previous[0] if previous else None,
        comparison=previous[1] if previous else None,
    )
    progress("judged", 3, 3)
    return report


def _xlsx(report: Report, words: Words, templates: Path | None) -> bytes:
    return render_workbook(report, words)


def _html(report: Report, words: Words, templates: Path | None) -> bytes:
    return render_html(report, words, templates).encode("utf-8")


def _docx(report: Report, words: Words, templates: Path | None) -> bytes:
    """The Word bulletin; on the office's bulletin.docx when the templates folder holds one."""
    return render_docx(report, words, templates)


def _json(report: Report, words: Words, templates: Path | None) -> Iterator[bytes]:
    """JSON's notes stay English, for programs: it takes no language. Written as it is made."""
    return json_parts(report)


# Each format's renderer: the judged report, the reader's words, the --templates folder.
RENDERERS: dict[str, Callable[[Report, Words, Path | None], bytes | Iterator[bytes]]] = {
    "xlsx": _xlsx,
    "html": _html,
    "json": _json,
    "docx": _docx,
}


# The workbook last: xlsxwriter's objects hold a reference cycle, so with the collector paused
# (as the command line pauses it) its memory stays taken until the process ends; rendered
# after the others, it does not stack on top of the page's peak.
RENDER_ORDER = ("json", "html", "docx", "xlsx")


def parse_formats(text: str) -> tuple[str, ...]:
    formats = tuple(f.strip().lower() for f in text.split(",") if f.strip())
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise InputError(
            code="unknown_format" if unknown else "no_format",
            formats=", ".join(unknown),
            choices=",".join(FORMATS),
        )
    return formats


def write_report(
    report: Report,
    out: Path,
    formats: Iterable[str],
    words: Words,
    templates: Path | None = None,
    progress: ProgressCallback = _silent,
) -> list[Path]:
    """Render each format in the reader's `words` and write it to a temporary file, then
    rename them all into place; a failure anywhere leaves every old output as it was."""
    chosen = list(formats)
    paths = {fmt: output_path(out, report, fmt, words) for fmt in chosen}
    # An output open in Excel, WPS or LibreOffice is left alone; the others are written.
    held = {fmt: found[1] for fmt in chosen if (found := owner_of(paths[fmt]))}
    chosen = [fmt for fmt in chosen if fmt not in held]
    steps = len(chosen)

    def rendering(done: int, fmt: str) -> Callable[[], bytes | Iterator[bytes]]:
        def render() -> bytes | Iterator[bytes]:
            progress(f"rendering {fmt}", done, steps)
            return RENDERERS[fmt](report, words, templates)

        return render

    order = sorted(chosen, key=RENDER_ORDER.index)
    # what an interrupted report left here would otherwise stay for good
    remove_leftovers(out)
    with temporary_files_in(out):
        write_all({paths[fmt]: rendering(done, fmt) for done, fmt in enumerate(order)})
    progress("written", steps, steps)
    if held:
        raise OutputError(
            code="outputs_open",
            files=", ".join(f"{paths[f].name} ({program})" for f, program in held.items()),
            written=", ".join(paths[f].name for f in chosen) or "-",
        )
    return [paths[fmt] for fmt in chosen]


def output_path(out: Path, report: Report, fmt: str, words: Words) -> Path:
    """`progress-2026-10.xlsx`; a language's own files carry its mark (`progress-2026-10.zh
    .xlsx`), so both languages' files stand side by side; the JSON has no language."""
    mark = "" if fmt == "json" else words.locale.file_mark
    return out / f"progress-{report.as_of}{mark}.{fmt}"


def terminal_lines(report: Report, words: Words) -> list[str]:
    """What the terminal says when a report is written: the outcome of passed deadlines
    first, as the reports do, then the counts."""
    report = as_said(report)  # a goal for one year said with figures of its year, as the view
    month = words.period_as_written(str(report.as_of))
    # the month tags each line (Chinese: 【2026年11月】, not a colon before the headline's own)
    tagged = words("{month}: {line}")
    said = headline(report, words, terminal=True)
    lines = [tagged.format(month=month, line=line) for line in said]
    n, issues = len(report.targets), len(report.issues)
    said_issues = words.n("{n} data issue", "{n} data issues", issues).format(n=issues)
    if not issues:  # 数据审核提示0条 read as a count of nothing (a newcomer's find)
        said_issues = words("no data issues")
    errors = sum(1 for i in report.issues if i.severity == "error")
    if errors:  # as `check` counts them: the rows the report leaves out (a newcomer's find)
        said_issues = words("{issues}, of which {errors}").format(
            issues=said_issues, errors=words.errors_left_out(errors)
        )
    lines.append(
        words("{month}: {targets} — {counts}; {issues}").format(
            month=month,
            targets=words.n("{n} target", "{n} targets", n).format(n=n),
            counts=counts_said(report, words),
            issues=said_issues,
        )
    )
    lines.append(tagged.format(month=month, line=changes_line(report, words)))
    return lines


# The goals whose status changed that the terminal names; the others are counted.
CHANGES_NAMED = 5


def changes_line(report: Report, words: Words) -> str:
    """What changed since last month, in one line, as the page's changes section counts it: the
    goals whose status changed (the first few named, with last month's), those with a new
    latest figure and the same status, and those whose figures were revised. A newcomer's find:
    the terminal said nothing of the month's changes. A goal with its first figure this month,
    not assessable last month for want of one, is said so: "由“暂无法评估”转为“进度偏慢”" read as
    news of its progress (a Chinese reader's find)."""
    changed = [r for r in report.targets if status_changed(r)]
    first = [
        r
        for r in changed
        if r.previous_status == "not_assessable"
        and r.previous_goal_figure is None
        and r.goal_figure is not None
    ]
    moved = [r for r in changed if r not in first]
    figures = sum(1 for r in report.targets if figure_changed(r))
    revised = sum(1 for r in report.targets if r.revisions)
    # last month judged again on this month's sheet, no report of it being at hand: a first
    # report's goals "changed" from not assessable for want of last month's figures, which the
    # line says (a newcomer read it as progress)
    again = report.comparison.basis != "published"
    if not (changed or figures or revised):
        if again:
            return words(
                "No status and no latest figure changed since last month, judged again on this "
                "month's sheet."
            )
        return words("No status and no latest figure changed since last month.")
    parts = []

    def named(goals: list[TargetResult], said: Callable[[TargetResult], str]) -> str:
        """The first CHANGES_NAMED goals as clauses, each `said`, joined as clauses are (a
        comma, not the enumeration comma of names: a Chinese reader's advice), and how many
        more the report names."""
        more = len(goals) - CHANGES_NAMED
        return words.joined(said(r) for r in goals[:CHANGES_NAMED]) + (
            words(", {n} more in the report").format(n=more) if more > 0 else ""
        )

    def status_now(r: TargetResult) -> str:
        return words.status_in_sentence(r.status, nuance(r, report.as_of))

    if moved:
        # 产值（2026年）由“暂无法评估”转为“达到进度要求”
        names = named(
            moved,
            lambda r: (
                words("{name} ({status}, was {previous})").format(
                    name=words.target_name(r.target),
                    status=status_now(r),
                    previous=words.status_in_sentence(r.previous_status),
                )
                if r.previous_status
                else words("{name} ({status})").format(
                    name=words.target_name(r.target), status=status_now(r)
                )
            ),
        )
        parts.append(
            words.n(
                "{n} target changed status: {names}",
                "{n} targets changed status: {names}",
                len(moved),
            ).format(n=len(moved), names=names)
        )
    if first:  # 产值（2026年）为“达到进度要求”: clauses, not a second pair of brackets
        names = named(
            first,
            lambda r: words("{target} ({status_now})").format(
                target=words.target_name(r.target), status_now=status_now(r)
            ),
        )
        parts.append(
            words.n(
                "{n} target has its first figure: {names}",
                "{n} targets have their first figure: {names}",
                len(first),
            ).format(n=len(first), names=names)
        )
    if figures:
        parts.append(
            words.n(
                "%(num)d target has a new latest figure and the same status",
                "%(num)d targets have a new latest figure and the same status",
                figures,
            )
            % {"num": figures}
        )
    if revised:
        parts.append(
            words.n(
                "%(num)d target's figures were revised",
                "%(num)d targets' figures were revised",
                revised,
            )
            % {"num": revised}
        )
    if again:
        said = words("Since last month, judged again on this month's sheet: {changes}")
    else:
        said = words("Since last month: {changes}")
    return said.format(changes=words.semicolon.join(parts))


# The bases a published figure may have (model.Basis).
BASES = ("level", "annual", "ttm", "ytd", "rate")


def _sound(published: Published) -> bool:
    """Every field the comparison uses has the type and the values this tool writes."""
    for key, target in published.targets:
        if not isinstance(key, str) or target.status not in STATUSES:
            return False
        latest = target.latest
        if latest is not None and not (
            latest.basis in BASES
            and isinstance(latest.period, str)
            and isinstance(latest.value, float)
            and math.isfinite(latest.value)
        ):
            return False
        for (period, basis), value in target.values:
            if not (isinstance(period, str) and isinstance(basis, str)):
                return False
            if not (isinstance(value, float) and math.isfinite(value)):
                return False
    return True


def last_month(out: Path, as_of: Month) -> tuple[Published | None, Comparison]:
    """Last month's published report in `out`, as `read_previous` reads it; a file of any
    shape that reader did not foresee (an observations field that is a number, a figure's
    basis no report has) costs only the comparison: last month is then judged again."""
    unreadable = Comparison("recomputed", previous_path(out, as_of).name, "unreadable")
    try:
        published, comparison = read_previous(out, as_of)
    except (MemoryError, RecursionError, ValueError, TypeError, KeyError, AttributeError):
        return None, unreadable
    if published is not None and not _sound(published):
        return None, unreadable
    return published, comparison


def comparison_warning(report: Report, words: Words) -> str | None:
    """Why last month's report, there in the output folder, could not be used (only the
    comparison is lost); None when it was used or there was none."""
    if report.comparison.reason in ("unreadable", "foreign", "other_month"):
        return comparison_text(report, words)
    return None


def _nothing(report: Report) -> None:
    """The default: data issues are in the report itself."""


def run_report(
    targets: Path,
    actuals: Path,
    as_of: Month,
    out: Path,
    formats: Iterable[str] = FORMATS,
    *,
    templates: Path | None = None,
    words: Words,
    today: dt.date | None = None,
    progress: ProgressCallback = _silent,
    on_judged: Callable[[Report], None] = _nothing,
    loading: Loading | None = None,
) -> tuple[Report, list[Path]]:
    """The monthly report from the two input files to the written outputs.

    Last month's published JSON in `out` is read for the comparison; `on_judged` sees the
    judged report (its data issues, say) before anything is rendered or written. `loading`:
    as build_report's.
    """
    report = build_report(
        targets,
        actuals,
        as_of,
        today=today,
        progress=progress,
        previous=last_month(out, as_of),
        loading=loading,
    )
    on_judged(report)
    paths = write_report(report, out, formats, words, templates, progress=progress)
    return report, paths
