"""The monthly report in one call: read the inputs, judge, render, write."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path

from .errors import InputError
from .judging import judge
from .model import InputFile, Report
from .periods import Month
from .reading import load_targets, read_actuals
from .rendering.excel import render_workbook
from .rendering.files import write_all
from .rendering.html import render_html
from .rendering.jsonout import render_json

FORMATS = ("xlsx", "html", "json")


def _sha256(path: Path) -> InputFile:
    return InputFile(path.name, hashlib.sha256(path.read_bytes()).hexdigest())


def build_report(
    targets: Path, actuals: Path, as_of: Month, today: dt.date | None = None
) -> Report:
    """Read both inputs and judge them; raises InputError when a file cannot be used."""
    targets_file = load_targets(targets)
    rows = read_actuals(actuals, today=today)
    return judge(
        targets_file,
        rows,
        as_of,
        actuals_name=actuals.name,
        inputs=(_sha256(targets), _sha256(actuals)),
    )


# Every renderer gets the language; JSON ignores it, since its notes stay English for programs.
RENDERERS: dict[str, Callable[[Report, Path | None, str], bytes]] = {
    "xlsx": lambda report, _, lang: render_workbook(report, lang=lang),
    "html": lambda report, templates, lang: render_html(report, templates, lang).encode("utf-8"),
    "json": lambda report, _, __: render_json(report).encode("utf-8"),
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
) -> list[Path]:
    """Render every format in memory first (in `lang`), then write each atomically."""
    files = {
        out / f"progress-{report.as_of}.{fmt}": RENDERERS[fmt](report, templates, lang)
        for fmt in formats
    }
    write_all(files)
    return list(files)
