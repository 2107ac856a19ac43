"""`sockprogress init DIR`: a working folder with the shipped goals (or none, `--blank`) and a
fresh actuals workbook.

All or nothing: both files are made in memory first, written to temporary files beside their
places, then linked into place (a link never replaces anything); on any failure what was
written, and the folders made for it, are removed. Nothing already at the two paths is ever
replaced or followed: a file, a folder or a link (even one pointing nowhere) is refused.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import io
import json
import os
import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import InputError, OutputError
from ..model import TargetsFile
from ..reading import load_targets
from ..safewrite import write_temp
from ..words import N_
from ..words.width import display_width
from ..words.words import Words
from .blank import choices, new_actuals_workbook

HINT = N_("free some space or choose another folder, and run again")


def shipped_targets() -> bytes:
    """The shipped targets.toml: inside the wheel, or the repository's data/ in a checkout."""
    packaged = resources.files("sockprogress") / "data" / "targets.toml"
    if packaged.is_file():
        return packaged.read_bytes()
    return (Path(__file__).resolve().parents[3] / "data" / "targets.toml").read_bytes()


# The targets file of `init --blank`: no goal, two commented examples. Every figure in it is a
# placeholder (0, refused until the goal as published is written in), every comment a message
# id said in the run's language; the keys and the TOML stay as the file needs them.
BLANK_HEAD = (
    N_("Your goals: one [[targets]] table for each goal, as the plan or the year's task sets it."),
    N_("There is none yet: sockprogress report and check ask for at least one."),
    N_("To add a goal, copy one of the two examples below, remove the leading '# ' of its lines"),
    N_("and write in the goal as published: every figure below is a placeholder (0) to replace."),
    N_("Then run sockprogress actuals refresh: the workbook's dropdowns offer the new names."),
)
PLAN_EXAMPLE = N_("Example 1: a plan's goal, reached by a deadline (a level at a date).")
YEAR_EXAMPLE = (
    N_("Example 2: a goal for one calendar year (年度目标): 'year' instead of 'deadline'."),
    N_("Only that year's figures count; each month its 1—N月 figure is held against the goal."),
)
REGIONS_EXAMPLE = N_("A region's Chinese name, so that the workbook may write 某县 for Region:")
REPORT_EXAMPLE = N_("The report's title and who issues it (optional):")
# (TOML line, its comment) of each example; the comments are message ids.
PLAN_LINES = (
    ('id = "region-indicator-2025"', N_("a short name of your own, unique in this file")),
    ('region = "Region"', N_("the region's code, as the workbook writes it")),
    ('indicator = "indicator"', N_("the indicator's code, as the workbook writes it")),
    ('name = "Indicator name"', N_("the goal's name in the report (name_zh alone will do)")),
    ('name_zh = "指标名称"', N_("its name in Chinese (optional)")),
    ('unit = "units"', N_("pairs, yuan, firms, …")),
    (
        'kind = "level"',
        N_(
            "level: a figure at a date (firms, capacity); annual_total: a year's total "
            "(output, output value)"
        ),
    ),
    ('direction = "increase"', N_("increase, or decrease for a cap")),
    ("target = 0", N_("the goal as published, in digits")),
    ("deadline = 2025-12-31", N_("the date the goal is set for")),
    ('baseline = { period = "2020", value = 0 }', N_("optional: the figure the plan starts from")),
    ('plan = "…"', N_("optional: the plan that sets the goal")),
    ('source = "…"', N_("optional: where the goal was published")),
)
YEAR_LINES = (
    ('id = "region-output-2026"', ""),
    ('region = "Region"', ""),
    ('indicator = "output_value"', ""),
    ('name = "Output value"', ""),
    ('name_zh = "产值"', ""),
    ('unit = "yuan"', ""),
    ('kind = "annual_total"', N_("a year's goal is always a year's total")),
    ('direction = "increase"', ""),
    ("target = 0", N_("the year's goal as published, in digits")),
    ("year = 2026", N_("the year the goal is for")),
    ('plan_zh = "2026年度目标"', ""),
)
# the same year's goal in a folder with the shipped goals: in a region and indicator it has
OFFICE_YEAR_EXAMPLE = (
    N_("A goal for one calendar year (年度目标) is written with 'year' instead of 'deadline'."),
    YEAR_EXAMPLE[1],
    N_(
        "To add one, copy this example without the leading '# ' and write in the goal as published."
    ),
)
OFFICE_YEAR_LINES = (
    ('id = "xiaobeihe-output-2026"', ""),
    ('region = "Xiaobeihe"', ""),
    ('indicator = "output_value"', ""),
    ('name = "Annual output value, 2026"', ""),
    ('name_zh = "2026年袜业产值"', ""),
    *YEAR_LINES[5:],
)
REGION_LINES = (('region = "Region"', ""), ('name_zh = "某县"', ""))
REPORT_LINES = (
    ('title = "…"', ""),
    ('title_zh = "…"', ""),
    ('issuer = "…"', ""),
    ('issuer_zh = "…"', ""),
)


def _example(
    words: Words,
    title: tuple[str, ...],
    table: str,
    lines: tuple[tuple[str, str], ...],
    width: int,
) -> list[str]:
    """A commented example table: its title, then its lines, each line's comment at `width`."""
    out = ["", *(f"# {words(t)}" for t in title), "#", f"# {table}"]
    for line, comment in lines:
        pad = " " * (width - display_width(line))
        out.append(f"# {line}{pad}# {words(comment)}" if comment else f"# {line}")
    return out


def blank_targets(words: Words) -> bytes:
    """A targets file with no goal and two commented examples, commented in `words`."""
    width = max(display_width(line) for line, _ in PLAN_LINES + YEAR_LINES) + 2
    out = [f"# {words(line)}" for line in BLANK_HEAD]
    out += _example(words, (REPORT_EXAMPLE,), "[report]", REPORT_LINES, width)
    out += _example(words, (PLAN_EXAMPLE,), "[[targets]]", PLAN_LINES, width)
    out += _example(words, YEAR_EXAMPLE, "[[targets]]", YEAR_LINES, width)
    out += _example(words, (REGIONS_EXAMPLE,), "[[regions]]", REGION_LINES, width)
    return ("\n".join(out) + "\n").encode("utf-8")


# The targets file of `init` (not blank): the shipped goals as their plans published them, for
# an office to judge on its own figures. The shipped file's notes speak of the figures this
# project compiled from articles ("no figure has been published", "Liaoning Daily reported 2
# such firms … so it decides the goal"), and its issuer is "Compiled from public sources": in
# a folder whose workbook is the office's, both would be false. They are left out; the
# regions' notes (what a region covers) stay. Comments are message ids, said in the run's
# language.
OFFICE_HEAD = (
    N_("Liaoyuan's and Xiaobeihe's goals, as their plans published them."),
    N_("They are judged on your own figures: fill in data/actuals.xlsx."),
    N_("One [[targets]] table for each goal; add the next plan's goals the same way."),
)
OFFICE_REPORT = N_("The report's title and who issues it:")
OFFICE_ISSUER = N_(
    "your office's name, on the report's first page (optional), e.g. County Bureau of Commerce"
)
OFFICE_REGIONS = N_("The regions, with their Chinese names:")
OFFICE_TARGETS = N_("The goals as published:")
OFFICE_INDICATORS = N_("Indicators without a goal, shown as context with their latest figure:")
# keys whose text is about this project's compiled figures, not about the goal
COMPILED = frozenset({"note", "note_zh"})


def toml_value(value: object) -> str:
    """A value as TOML writes it: what tomllib reads back is the value given."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f"{value:_}" if abs(value) >= 10_000 else str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        # JSON's string escapes are TOML's; DEL is the one control JSON leaves bare
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"no TOML for {value!r}")


def office_targets(words: Words) -> bytes:
    """The shipped goals, commented in `words`, without the compiled figures' notes and issuer."""
    shipped = tomllib.loads(shipped_targets().decode("utf-8"))
    out = [f"# {words(line)}" for line in OFFICE_HEAD]

    def tables(heading: str, header: str, entries: list[Any], drop: frozenset[str]) -> None:
        """`heading` (a comment), then the tables, a blank line between them."""
        out.extend(["", f"# {words(heading)}"])
        for n, entry in enumerate(entries):
            out.extend([""] * (n > 0) + [header])
            out.extend(f"{k} = {toml_value(v)}" for k, v in entry.items() if k not in drop)

    tables(OFFICE_REPORT, "[report]", [shipped["report"]], frozenset({"issuer", "issuer_zh"}))
    mine = words.pick("issuer", zh="issuer_zh")  # the key of the run's language: to fill in
    for key in ("issuer", "issuer_zh"):
        comment = f"  # {words(OFFICE_ISSUER)}" if key == mine else ""
        out.append(f'# {key} = "…"{comment}')
    tables(OFFICE_REGIONS, "[[regions]]", shipped["regions"], frozenset())
    tables(OFFICE_TARGETS, "[[targets]]", shipped["targets"], COMPILED)
    width = max(display_width(line) for line, _ in OFFICE_YEAR_LINES) + 2
    out += _example(words, OFFICE_YEAR_EXAMPLE, "[[targets]]", OFFICE_YEAR_LINES, width)
    tables(OFFICE_INDICATORS, "[[indicators]]", shipped["indicators"], COMPILED)
    return ("\n".join(out) + "\n").encode("utf-8")


def _refuse_taken(folder: Path, data: Path, files: tuple[Path, ...]) -> None:
    """Anything at the paths init writes is refused, a link included (never followed)."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(code="folder_is_file", folder=folder)
    if data.is_symlink() or (data.exists() and not data.is_dir()):
        raise InputError(code="init_exists", file=data)
    for path in files:
        if os.path.lexists(path):
            raise InputError(code="init_exists", file=path)


def _made_folders(folder: Path) -> list[Path]:
    """Make folder and its missing parents; returns those made, outermost first."""
    missing = []
    at = folder
    while not os.path.lexists(at) and at != at.parent:
        missing.append(at)
        at = at.parent
    made = []
    try:
        for path in reversed(missing):
            path.mkdir()
            made.append(path)
    except OSError as exc:
        _remove(made, [])
        raise OutputError(
            code="folder_unwritable", folder=folder, reason=exc.strerror, hint=HINT
        ) from None
    return made


def _remove(folders: list[Path], files: list[Path]) -> None:
    for path in files:
        with contextlib.suppress(OSError):
            path.unlink()
    for path in reversed(folders):
        with contextlib.suppress(OSError):
            path.rmdir()


def _link_into_place(tmp: Path, path: Path) -> None:
    """tmp at path, never replacing what may have appeared there since it was checked."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise InputError(code="init_exists", file=path) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EXDEV, errno.ENOTSUP, errno.EOPNOTSUPP):
            raise OutputError(
                code="cannot_write", file=path, reason=exc.strerror, hint=HINT
            ) from None
        # a file system without hard links: checked again just before the rename
        if os.path.lexists(path):
            raise InputError(code="init_exists", file=path) from None
        os.rename(tmp, path)


def init_folder(folder: Path, sheet: Words, blank: bool = False) -> list[Path]:
    """Write folder/data/targets.toml and folder/data/actuals.xlsx, all or nothing; never
    over anything already at their paths.

    The workbook's header, dropdowns and how-to sheet are in the language of `sheet`; with
    `blank`, the targets file has no goal (two commented examples, commented in `sheet`'s
    language) and the workbook's dropdowns offer no region or indicator yet.
    """
    data = folder / "data"
    targets_path, actuals_path = data / "targets.toml", data / "actuals.xlsx"
    _refuse_taken(folder, data, (targets_path, actuals_path))
    text = blank_targets(sheet) if blank else office_targets(sheet)
    made = _made_folders(data)
    temps: list[Path] = []
    placed: list[Path] = []
    try:
        temps.append(write_temp(targets_path, text, hint=HINT))
        # the dropdowns offer the goals' names, read from the file as written
        goals = TargetsFile(()) if blank else load_targets(temps[0], goals_required=False)
        regions, indicators = choices(goals, sheet)
        buffer = io.BytesIO()
        new_actuals_workbook((), regions, indicators, sheet, blank=blank).save(buffer)
        temps.append(write_temp(actuals_path, buffer.getvalue(), hint=HINT))
        for tmp, path in zip(temps, (targets_path, actuals_path), strict=True):
            _link_into_place(tmp, path)
            placed.append(path)
    except BaseException:
        _remove(made, [*temps, *placed])
        raise
    _remove([], temps)
    return [targets_path, actuals_path]
