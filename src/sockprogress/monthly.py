"""The monthly report in one call: read the inputs, judge, render, write."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path

from .errors import InputError
from .judging import judge
from .model import Comparison, InputFile, Issue, Published, Report
from .periods import Month
from .progress import ProgressCallback
from .reading import load_targets, read_actuals
from .reading.previous import read_previous
from .rendering import text
from .rendering.charts import MAX_CHARTS, draw_charts
from .rendering.chartworker import ChartWorker
from .rendering.excel import render_workbook
from .rendering.files import temporary_files_in, write_all
from .rendering.html import DrawCharts, render_html
from .rendering.jsonout import render_json

FORMATS = ("xlsx", "html", "json")


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
) -> Report:
    """Read both inputs and judge them; raises InputError when a file cannot be used.

    `previous` is last month's published report as `read_previous` found it (or did not).
    `progress(step, done, total)` is called as each step starts (see progress.py).
    """
    progress(f"reading {targets.name}", 0, 3)
    targets_file = load_targets(targets)
    progress(f"reading {actuals.name}", 1, 3)
    rows = read_actuals(actuals, today=today, targets=targets_file)
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


# Every renderer gets the language; JSON ignores it, since its notes stay English for programs.
RENDERERS: dict[str, Callable[[Report, Path | None, str, DrawCharts], bytes]] = {
    "xlsx": lambda report, _, lang, __: render_workbook(report, lang=lang),
    "html": lambda report, templates, lang, draw: render_html(
        report, templates, lang, MAX_CHARTS, draw
    ).encode("utf-8"),
    "json": lambda report, _, __, ___: render_json(report).encode("utf-8"),
}


def parse_formats(text: str) -> tuple[str, ...]:
    formats = tuple(f.strip().lower() for f in text.split(",") if f.strip())
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise InputError(
            f"--format: unknown format {', '.join(unknown) or '(none)'}; "
            f"choose from {','.join(FORMATS)}"
        )
    return formats


def write_report(
    report: Report,
    out: Path,
    formats: Iterable[str],
    templates: Path | None = None,
    lang: str = "en",
    progress: ProgressCallback = _silent,
    draw: DrawCharts = draw_charts,
) -> list[Path]:
    """Render every format in memory first (in `lang`), then write each atomically."""
    chosen = list(formats)
    steps = len(chosen) + 1
    files = {}
    with temporary_files_in(out):
        for done, fmt in enumerate(chosen):
            progress(f"rendering {fmt}", done, steps)
            files[out / f"progress-{report.as_of}.{fmt}"] = RENDERERS[fmt](
                report, templates, lang, draw
            )
    progress("writing files", len(chosen), steps)
    write_all(files)
    progress("written", steps, steps)
    return list(files)


def _no_issues(issues: tuple[Issue, ...]) -> None:
    """The default: data issues are in the report itself."""


def run_report(
    targets: Path,
    actuals: Path,
    as_of: Month,
    out: Path,
    formats: Iterable[str] = FORMATS,
    *,
    templates: Path | None = None,
    lang: str = "en",
    today: dt.date | None = None,
    progress: ProgressCallback = _silent,
    on_issues: Callable[[tuple[Issue, ...]], None] = _no_issues,
    charts: ChartWorker | None = None,
) -> tuple[Report, list[Path]]:
    """The monthly report from the two input files to the written outputs.

    When the HTML is asked for, its charts' worker process starts first (or is `charts`,
    started by the caller earlier still), so that importing matplotlib overlaps reading and
    judging, and gets its request as soon as the report is judged, so that drawing overlaps
    rendering the workbook. `on_issues` sees the data issues before anything is written.
    """
    chosen = tuple(formats)
    with charts or ChartWorker(enabled="html" in chosen) as worker:
        report = build_report(
            targets,
            actuals,
            as_of,
            today=today,
            progress=progress,
            previous=read_previous(out, as_of),
        )
        on_issues(report.issues)
        if "html" in chosen:  # the worker draws while the workbook is rendered
            worker.submit(report.targets, text.check_lang(lang), MAX_CHARTS)
        paths = write_report(
            report, out, chosen, templates, lang, progress=progress, draw=worker.draw
        )
    return report, paths
