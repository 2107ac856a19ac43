"""The command line: parse options, call the library, print a line or two.

Each command imports the library it calls when it runs, so that `--help`, `init` and
`actuals add` start without pandas and matplotlib.
"""

from __future__ import annotations

import datetime as dt
import errno
import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .errors import SockProgressError
from .gcpause import gc_paused
from .i18n import LANG_ENV, LANGS, N_, _, default_lang, ngettext
from .periods import Month
from .progressbar import ProgressBar

if TYPE_CHECKING:
    from .model import Report

PathOption = click.Path(path_type=Path, dir_okay=False)
F = TypeVar("F", bound=Callable[..., Any])


def _targets_option(help: str = "The goals (TOML).") -> Callable[[F], F]:
    return click.option(
        "--targets",
        type=PathOption,
        default=Path("data/targets.toml"),
        show_default=True,
        help=help,
    )


def _actuals_option(*names: str) -> Callable[[F], F]:
    return click.option(
        "--actuals",
        *names,
        type=PathOption,
        default=Path("data/actuals.xlsx"),
        show_default=True,
        help="The workbook with the Actuals sheet.",
    )


def inputs_options(command: F) -> F:
    """--targets and --actuals, as every command that reads both takes them."""
    return _targets_option()(_actuals_option()(command))


LANG_KEY = "sockprogress.lang"


def _lang(ctx: click.Context | None = None) -> str:
    """The language this run speaks: --lang when given, else $SOCKPROGRESS_LANG, else the locale."""
    ctx = ctx or click.get_current_context(silent=True)
    chosen = ctx.meta.get(LANG_KEY) if ctx else None
    return str(chosen) if chosen else default_lang()[0]


def _remember_lang(ctx: click.Context, _param: click.Parameter, value: str | None) -> str:
    lang = value or default_lang()[0]
    ctx.meta[LANG_KEY] = lang
    return lang


class _LangOption(click.Option):
    """--lang, whose help shows the default that applies here and why."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        lang, source = default_lang()
        self.show_default = f"{lang}, from {source}"
        return super().get_help_record(ctx)


def lang_option(help: str) -> Callable[[F], F]:
    return click.option(
        "--lang",
        cls=_LangOption,
        type=click.Choice(LANGS),
        envvar=LANG_ENV,
        callback=_remember_lang,
        help=help
        + f" Without it: ${LANG_ENV}, else the locale (LC_ALL, LC_MESSAGES, LANG; zh_CN → zh).",
    )


# The steps run_report names as it goes (pipeline.py), as the progress bar says them.
STEP_WORDS = (
    ("reading ", N_("reading {name}")),
    ("rendering ", N_("rendering {name}")),
    ("written", N_("written")),
    ("judging", N_("judging")),
    ("judged", N_("judged")),
)


def step_words(label: str, lang: str) -> str:
    """A step of the report in the run's language; a step not listed here stays as it is."""
    for start, message in STEP_WORDS:
        if label.startswith(start):
            return _(message, lang).format(name=label[len(start) :])
    return label


class _Group(click.Group):
    """Turns SockProgressError, and a bad option, into one `Error:` line and exit code 2.

    Never a traceback; and a mistyped option gets the same one line as a bad file, with the
    pointer to --help, rather than click's usage block.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SockProgressError as exc:
            click.echo(_("Error: {message}", _lang(ctx)).format(message=exc), err=True)
            ctx.exit(2)
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx else ctx.command_path
            line = _("Error: {message} (see {command} --help)", _lang(exc.ctx or ctx))
            click.echo(line.format(message=exc.format_message(), command=where), err=True)
            ctx.exit(2)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except OSError as exc:
            # A disk that fills up or fails while some library writes (ENOSPC anywhere): one
            # line naming the file, never a traceback. Our own writes already say more.
            click.echo(f"Error: {_os_error(exc)}", err=True)
            ctx.exit(2)
        except (MemoryError, RecursionError) as exc:
            click.echo(f"Error: the input is too large or too deeply nested ({exc!r})", err=True)
            ctx.exit(2)
        except Exception as exc:
            # A last resort: a case no check foresaw still ends in one line and exit 2.
            if os.environ.get(DEBUG_ENV):
                raise
            message = " ".join(str(exc).split())[:200]
            click.echo(
                f"Error: unexpected {type(exc).__name__}: {message}; nothing was written "
                f"(please report it; {DEBUG_ENV}=1 shows the details)",
                err=True,
            )
            ctx.exit(2)


DEBUG_ENV = "SOCKPROGRESS_DEBUG"


def _os_error(exc: OSError) -> str:
    where = f"{exc.filename}: " if exc.filename else ""
    what = exc.strerror or str(exc) or type(exc).__name__
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"{where}{what}; free some space and run again (nothing was replaced)"
    return f"{where}{what}"


@click.group(cls=_Group)
@click.version_option(package_name="sockprogress")
def main() -> None:
    """Monthly progress reports on dated targets: how far along, is the pace enough, where
    will it land, and was it achieved."""


def _month(_: click.Context, __: click.Parameter, value: str | None) -> Month:
    last = Month.last_complete(dt.date.today())
    if value is None:
        return last
    try:
        month = Month.parse(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    if month > last:
        # A month that has not ended has no figures yet, and judging it would count time
        # that has not passed (time elapsed, staleness).
        raise click.BadParameter(f"{month} has not ended yet; the last complete month is {last}")
    return month


def _as_of_option(help: str) -> Callable[[F], F]:
    return click.option("--as-of", "as_of", callback=_month, metavar="YYYY-MM", help=help)


@main.command()
@inputs_options
@_as_of_option("Report month. Default: the last complete month.")
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("reports"),
    show_default=True,
    help="Folder for the outputs.",
)
@click.option(
    "--format",
    "formats",
    default="xlsx,html,json",
    show_default=True,
    help="Comma-separated outputs: xlsx, html, json.",
)
@click.option(
    "--templates",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="A folder of templates overriding the shipped ones of the same name "
    "(base.html, _summary.html, _target.html, …).",
)
@lang_option("Language of the Excel and HTML reports and of these lines: en or zh.")
def report(
    targets: Path,
    actuals: Path,
    as_of: Month,
    out: Path,
    formats: str,
    templates: Path | None,
    lang: str,
) -> None:
    """Judge every target for the report month and write the Excel, HTML and JSON reports."""
    # The report builds millions of small objects without cycles (a province's grid, its
    # judged series, the workbook's cells): the cyclic collector walking them again and again
    # as they pile up makes the work grow faster than the data. Paused here, for this one
    # command, with no collection at all: reading and judging leave no cycles behind (a test
    # checks), so reference counting frees them. The library functions leave it alone.
    with ProgressBar() as bar, gc_paused():
        from .pipeline import parse_formats, run_report

        def judged(report: Report) -> None:
            from .rendering.formatting import issue_line

            with bar.paused():
                for issue in report.issues:
                    click.echo(issue_line(issue, lang), err=True)

        result, paths = run_report(
            targets,
            actuals,
            as_of,
            out,
            parse_formats(formats),
            templates=templates,
            lang=lang,
            today=dt.date.today(),
            progress=lambda label, done, total: bar.step(step_words(label, lang), done, total),
            on_judged=judged,
        )
    from .rendering.formatting import colon, counts_text, month_text
    from .rendering.outcome import headline

    month = month_text(as_of, lang) if lang == "zh" else str(as_of)
    # The outcome of passed deadlines first, as in the reports; then the counts and files.
    for line in headline(result, lang):
        click.echo(f"{month}{colon(lang)}{line}")
    n, issues = len(result.targets), len(result.issues)
    click.echo(
        _("{month}: {targets} — {counts}; {issues}", lang).format(
            month=month,
            targets=ngettext("{n} target", "{n} targets", n, lang).format(n=n),
            counts=counts_text(result.counts(), lang),
            issues=ngettext("{n} data issue", "{n} data issues", issues, lang).format(n=issues),
        )
    )
    for path in paths:
        click.echo(f"  {path}")


@main.command()
@inputs_options
@_as_of_option("Report month the data is checked for. Default: the last complete month.")
@lang_option("Language of the problems and hints: en or zh.")
def check(targets: Path, actuals: Path, as_of: Month, lang: str) -> None:
    """Check both files; list every problem with its row and a hint. Exit 1 if any is found."""
    from .checking import check_inputs, check_line

    problems = check_inputs(targets, actuals, as_of, today=dt.date.today())
    for issue in problems:
        click.echo(check_line(issue, lang))
    if problems:
        errors = sum(1 for i in problems if i.severity == "error")
        warnings = len(problems) - errors
        click.echo(
            _("{problems}: {errors} (rows left out), {warnings}", lang).format(
                problems=ngettext("{n} problem", "{n} problems", len(problems), lang).format(
                    n=len(problems)
                ),
                errors=ngettext("{n} error", "{n} errors", errors, lang).format(n=errors),
                warnings=ngettext("{n} warning", "{n} warnings", warnings, lang).format(n=warnings),
            ),
            err=True,
        )
        sys.exit(1)
    click.echo(
        _("{targets} and {actuals}: no problems found", lang).format(
            targets=targets.name, actuals=actuals.name
        )
    )


@main.group()
def actuals() -> None:
    """Edit the actuals workbook safely (checked, backed up, locked, atomic)."""


@actuals.command("add")
@_actuals_option("path")
@_targets_option("The goals (TOML), to spot unknown names.")
@click.option("--region", required=True, help="Its code or Chinese name: Xiaobeihe or 小北河.")
@click.option(
    "--indicator", required=True, help="Its code or Chinese name: sock_output or 袜子年产量."
)
@click.option(
    "--period", required=True, help="2024, 2025-06 or 2025-06-30; or 2025年, 2025年6月, 2025/6."
)
@click.option("--value", required=True, help="A number above zero.")
@click.option(
    "--basis",
    type=click.Choice(["month", "ytd", "rate", "当月数", "累计数", "年产规模"]),
    help="Month rows only: month (that month's amount), ytd (January to that month) or rate "
    "(an annual rate stated that month without a calendar year); or 当月数, 累计数, 年产规模.",
)
@click.option("--source", help="Where the figure was published.")
@click.option("--note", help="Anything a reader needs to know.")
@click.option("--replace", is_flag=True, help="Overwrite the row for the same period.")
@click.option(
    "--force",
    is_flag=True,
    help="Store a figure that breaks a plausibility rule (a 万/亿 slip, a fractional count, "
    "a value far from its goal) after checking it.",
)
@lang_option("Language of the lines printed: en or zh.")
def add(
    path: Path,
    targets: Path,
    region: str,
    indicator: str,
    period: str,
    value: str,
    basis: str | None,
    source: str | None,
    note: str | None,
    replace: bool,
    force: bool,
    lang: str,
) -> None:
    """Add one row to the Actuals table (or replace one with --replace)."""
    from .editing.add import add_row, check_row
    from .editing.plausible import stored_line
    from .reading import load_targets
    from .reading.names import names_of
    from .rendering.formatting import issue_text

    today = dt.date.today()
    goals = load_targets(targets)
    new = check_row(region, indicator, period, value, basis, source, note, today, names_of(goals))
    # The workbook is read once, under its lock: a figure that breaks a plausibility rule is
    # refused there unless --force.
    done = add_row(path, new, goals, today, replace=replace, force=force)
    for warning in done.warnings:
        click.echo(_("Warning: {message}", lang).format(message=warning), err=True)
    for problem in done.checks:  # stored with --force: say it once more
        click.echo(
            _("Warning: {message}", lang).format(message=issue_text(problem, lang)), err=True
        )
    line = (
        _("{file}, sheet Actuals, row {row}: replaced (backup: {backup})", lang)
        if done.replaced
        else _("{file}, sheet Actuals, row {row}: added (backup: {backup})", lang)
    )
    click.echo(line.format(file=path.name, row=done.row, backup=done.backup))
    click.echo(f"  {stored_line(new, goals, lang)}")


@main.command()
@click.argument("folder", type=click.Path(path_type=Path, dir_okay=True))
@lang_option(
    "Language of the new workbook (its header, dropdowns and how-to sheet) and of these "
    "lines: en or zh."
)
def init(folder: Path, lang: str) -> None:
    """Start a working folder: data/targets.toml and a fresh data/actuals.xlsx."""
    from .editing.init import init_folder

    for path in init_folder(folder, lang):
        click.echo(f"  {path}")
    click.echo(
        _("Next: cd {folder}, fill in data/actuals.xlsx, run sockprogress check", lang).format(
            folder=folder
        )
    )


def run() -> None:
    """The `sockprogress` program: the command line in a process of its own.

    The cyclic garbage collector is off for the whole command: a report builds millions of
    small objects, and switching the collector back on after it would first walk all of them
    (half a second on a province). When the command is done, every file is written and closed
    and nothing is left to free but memory the process gives back as it ends. The
    interpreter's exit would still walk every object pandas and openpyxl made in one last full
    collection (70 ms, as long as reading and judging the shipped data); frozen, they are left
    out of it.
    """
    gc.disable()  # the command makes no garbage worth collecting before the process ends
    try:
        main(prog_name="sockprogress")
    finally:
        gc.freeze()


if __name__ == "__main__":  # pragma: no cover
    run()
