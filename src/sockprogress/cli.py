"""The command line: parse options, call the library, print a line or two.

The reader's language is settled here, once, before click parses anything (`--lang` wherever
it stands, else $SOCKPROGRESS_LANG, else the locale): one `Words` says every line, the help of
every command and click's own messages ("Usage:", "No such option"), which click takes from
gettext's default domain, here ours. Each command imports the library it calls when it runs,
so that `--help`, `init` and `actuals add` start without pandas and matplotlib.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import gc
import gettext
import os
import re
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .errors import InputError, SockProgressError
from .gcpause import gc_paused
from .periods import Month
from .progressbar import ProgressBar
from .words import DEFAULT_LANG, LANG_ENV, LANGS, N_, default_lang
from .words.catalogue import DOMAIN, LOCALE_DIR, source_said
from .words.width import display_width, is_wide, wrap
from .words.words import Words

# Characters a terminal acts on rather than shows, written as escapes: C0 controls but tab and
# line feed, DEL and C1 controls, and the bidirectional embeddings, overrides and isolates
# (U+202A-U+202E, U+2066-U+2069) that reorder what follows them. A workbook's or targets
# file's text reaches the terminal inside messages: ESC ] set the window's title, ESC [2J
# cleared the screen and a carriage return overwrote the line (a fuzz audit's find).
UNSHOWN = {c: f"\\x{c:02x}" for c in (*range(0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))} | {
    c: f"\\u{c:04x}" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
}


def echo(text: str = "", err: bool = False) -> None:
    """A line on the terminal, every character of it shown, none acted on (UNSHOWN)."""
    click.echo(text.translate(UNSHOWN), err=err)


if TYPE_CHECKING:
    from .model import Report

F = TypeVar("F", bound=Callable[..., Any])


# The reader's words for this run: settled by `_Group.main` before click parses anything.
_WORDS: ContextVar[Words] = ContextVar("sockprogress_words")


def here() -> Words:
    """The words of this run (English outside a run, as in a test calling a command's code)."""
    return _WORDS.get(None) or Words.of()


def lang_of(args: Sequence[str], environ: dict[str, str] | None = None) -> str:
    """The language a command line asks for: `--lang X` or `--lang=X` wherever it stands
    (before the command name too), else the environment's (see `default_lang`)."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = arg.removeprefix("--lang=") if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        if value in LANGS:
            return value
    return default_lang(environ)[0]


# Where a command's or option's help stood in English, so each run can say it in its words.
_HELP_IDS: dict[int, str] = {}
# The placeholders --help shows after an option, in the run's words (--actuals 文件); a format
# (YYYY-MM) is shown as it is written.
METAVARS = {
    "FILE": N_("FILE"),
    "DIRECTORY": N_("DIRECTORY"),
    "FOLDER": N_("FOLDER"),
    "TEXT": N_("TEXT"),
}
_METAVAR_IDS: dict[int, str] = {}


# The widest a command's line in the list of commands may be, in terminal columns, before it
# is cut (click's list leaves about 60 on an 80-column terminal).
SHORT_HELP_COLUMNS = 60


def _short_help(text: str, marks: str) -> str | None:
    """A command's line in --help's list of commands, for a language written without spaces
    (`marks`: where its sentences may be cut, in order of preference): click shortens a help
    at a space, so a Chinese one was "..." alone, or cut mid-word. None: click's own."""
    if not marks:
        return None
    first = text.split("。")[0].strip()
    if display_width(first) <= SHORT_HELP_COLUMNS:
        return first
    for mark in marks:
        cut = first.split(mark)[0].strip()
        if cut != first and display_width(cut) <= SHORT_HELP_COLUMNS:
            return cut
    while display_width(first) > SHORT_HELP_COLUMNS - 1:
        first = first[:-1]
    return first + "…"


def _localize_help(command: click.Command, words: Words) -> None:
    """Every help text of `command` and its subcommands in `words` (message ids are English);
    and what a path option is called ("File '…' is a directory."): click names it once, when
    the option is made, before any run has chosen its words. (Each path option gives its
    metavar, FILE, itself: the help's columns stay aligned.)"""
    items: list[Any] = [command, *command.params]
    for item in items:
        text = getattr(item, "help", None)
        if text:
            english = _HELP_IDS.setdefault(id(item), text)
            item.help = words(english)
            if isinstance(item, click.Command):
                item.short_help = _short_help(item.help, words.locale.clause_marks)
        kind = getattr(item, "type", None)
        if isinstance(item, click.Argument | click.Option) and not getattr(item, "is_flag", 0):
            # click's own placeholder: an argument's name, an option's type (TEXT)
            named = item.name if isinstance(item, click.Argument) else getattr(kind, "name", "")
            shown = _METAVAR_IDS.setdefault(id(item), item.metavar or str(named).upper())
            if shown in METAVARS:
                item.metavar = words(METAVARS[shown])
                if isinstance(item, click.Argument) and not item.required:
                    item.metavar = f"[{item.metavar}]"  # as click marks one it names itself
        if isinstance(kind, click.Path):
            kind.name = words(_HELP_IDS.setdefault(id(kind), kind.name))
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            _localize_help(sub, words)


@contextlib.contextmanager
def speaking(words: Words) -> Iterator[None]:
    """Click's own messages ("Usage:", "No such option") and every help text in `words` for
    the duration: click takes its messages from gettext's default domain and the language
    gettext reads ($LANGUAGE first), so ours is made the default domain for this run."""
    before_domain = gettext.textdomain()
    before_language = os.environ.get("LANGUAGE")
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = words.lang
    token = _WORDS.set(words)
    try:
        yield
    finally:
        _WORDS.reset(token)
        gettext.textdomain(before_domain)
        if before_language is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = before_language


class _LangOption(click.Option):
    """--lang, whose help shows the default that applies here and why."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        lang, source = default_lang()
        words = here()
        said = words("{lang}, from {source}").format(lang=lang, source=source_said(source, words))
        self.show_default = said
        record = super().get_help_record(ctx)
        # click puts a default given as text in ASCII brackets: [默认：(zh，…)]
        return None if record is None else (record[0], record[1].replace(f"({said})", said))


LANG_HELP = N_(
    "Language of the reports and of every line printed: en or zh. Without it: "
    "$SOCKPROGRESS_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG; zh_CN → zh), else "
    "the Windows display language."
)


def lang_option(command: F) -> F:
    """--lang on a command (and on the group): already read by `_Group.main`, here only
    validated and shown in the help."""
    return click.option(
        "--lang",
        cls=_LangOption,
        type=click.Choice(LANGS),
        envvar=LANG_ENV,
        expose_value=False,
        is_eager=True,
        help=LANG_HELP,
    )(command)


# The steps run_report names as it goes (pipeline.py), as the progress bar says them.
STEP_WORDS = (
    ("reading ", N_("reading {name}")),
    ("rendering ", N_("rendering {name}")),
    ("written", N_("written")),
    ("judging", N_("judging")),
    ("judged", N_("judged")),
)


def step_words(label: str, words: Words) -> str:
    """A step of the report in the run's words; a step not listed here stays as it is."""
    for start, message in STEP_WORDS:
        if label.startswith(start):
            return words(message).format(name=label[len(start) :])
    return label


HELP_OPTION = N_("Show this message and exit.")


# The usage line's placeholders, in the run's words: 用法：sockprogress [选项] 命令 [参数]...
USAGE_PIECES = {
    "[OPTIONS]": N_("[OPTIONS]"),
    "COMMAND [ARGS]...": N_("COMMAND [ARGS]..."),
}


class _Formatter(click.HelpFormatter):
    """Help headings end with the language's colon (选项：), not click's ASCII one; Chinese help
    is measured in columns (a Chinese character takes two) and broken between characters, as
    click, counting characters and breaking at spaces, ran it past the terminal's edge."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None:  # 用法：sockprogress, not 用法： sockprogress
            said = here()("Usage:")
            prefix = said if is_wide(said[-1:] or " ") else f"{said} "
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}{here().colon.rstrip()}\n")

    def write_text(self, text: str) -> None:
        if not any(map(is_wide, text)):
            return super().write_text(text)
        indent = " " * self.current_indent
        paragraphs = [p.replace("\n", " ") for p in text.split("\n\n")]
        self.write(
            "\n\n".join(
                "\n".join(indent + line for line in wrap(p, self.width - self.current_indent))
                for p in paragraphs
            )
        )
        self.write("\n")

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        rows = list(rows)
        if not any(is_wide(c) for row in rows for c in "".join(row)):
            return super().write_dl(rows, col_max, col_spacing)
        # click's layout (the first column at most col_max wide, a longer term on a line of
        # its own), measured in columns
        first_col = min(max(display_width(term) for term, _ in rows), col_max) + col_spacing
        for term, text in rows:
            self.write(f"{'':>{self.current_indent}}{term}")
            if not text:
                self.write("\n")
                continue
            if display_width(term) <= first_col - col_spacing:
                self.write(" " * (first_col - display_width(term)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = wrap(text, max(self.width - first_col - 2, 10)) or [""]
            self.write(f"{lines[0]}\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n")


class _Context(click.Context):
    formatter_class = _Formatter


class _Command(click.Command):
    """A command whose --help option says "Show this message and exit.", and whose usage line
    names its placeholders, in the run's words (click makes them once and keeps them)."""

    context_class = _Context

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = here()(HELP_OPTION)
        return option

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        words = here()
        pieces = super().collect_usage_pieces(ctx)
        return [words(USAGE_PIECES[p]) if p in USAGE_PIECES else p for p in pieces]


class _Group(_Command, click.Group):
    """Settles the language, then turns SockProgressError, and a bad option, into one `Error:`
    line and exit code 2.

    Never a traceback; and a mistyped option gets the same one line as a bad file, with the
    pointer to --help, rather than click's usage block.
    """

    command_class = _Command
    group_class = type

    def main(self, args: Sequence[str] | None = None, *more: Any, **extra: Any) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        words = Words.of(lang_of(argv))
        with speaking(words):
            _localize_help(self, words)
            return super().main(argv, *more, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        words = here()
        error = words("Error: {message}")
        try:
            return super().invoke(ctx)
        except SockProgressError as exc:
            echo(error.format(message=exc.said(words)), err=True)
            ctx.exit(2)
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx else ctx.command_path
            line = words("Error: {message} (see {command} --help)")
            echo(line.format(message=_usage_message(exc, words), command=where), err=True)
            ctx.exit(2)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except OSError as exc:
            # A disk that fills up or fails while some library writes (ENOSPC anywhere): one
            # line naming the file, never a traceback. Our own writes already say more.
            echo(error.format(message=_os_error(exc, words)), err=True)
            ctx.exit(2)
        except (MemoryError, RecursionError) as exc:
            message = words("the input is too large or too deeply nested ({what})")
            echo(error.format(message=message.format(what=repr(exc))), err=True)
            ctx.exit(2)
        except UnicodeEncodeError as exc:
            # A line the terminal cannot show (`run` makes its streams escape such characters;
            # a caller's own stream may not): the work may already be done, so never "nothing
            # was written".
            message = words(
                "the terminal cannot show a character ({what}); what the command did is kept "
                "(set PYTHONIOENCODING=utf-8 to see every line)"
            ).format(what=exc.object[exc.start : exc.end].encode("unicode_escape").decode())
            echo(error.format(message=message), err=True)
            ctx.exit(2)
        except Exception as exc:
            # A last resort: a case no check foresaw still ends in one line and exit 2.
            if os.environ.get(DEBUG_ENV):
                raise
            message = words(
                "unexpected {kind}: {what}; nothing was written (please report it; {debug}=1 "
                "shows the details)"
            ).format(
                kind=type(exc).__name__,
                what=" ".join(str(exc).split())[:200],
                debug=DEBUG_ENV,
            )
            echo(error.format(message=message), err=True)
            ctx.exit(2)


DEBUG_ENV = "SOCKPROGRESS_DEBUG"


def _usage_message(exc: click.UsageError, words: Words) -> str:
    """click's message; in another language than English without the full stops and spaces
    click puts between and after its sentences (缺少选项 '--x'。 not '--x'.)."""
    message = exc.format_message()
    if not words.foreign(DEFAULT_LANG):
        return message
    message = re.sub(r"\.\s*$", "", message)
    message = re.sub(r"'\. ", "'。", message)
    return re.sub(r"([\u3002\uff1f\uff01])\s+", r"\1", message)  # after a full-width stop


def _os_error(exc: OSError, words: Words) -> str:
    """The file and the system's reason, in the reader's words where the catalogue has them
    (words/messages.py OS_REASONS; others as the system says them)."""
    where = f"{exc.filename}{words.colon}" if exc.filename else ""
    what = words(exc.strerror) if exc.strerror else str(exc) or type(exc).__name__
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return where + words("{what}; free some space and run again (nothing was replaced)").format(
            what=what
        )
    return f"{where}{what}"


@click.group(
    cls=_Group,
    help=N_(
        "Monthly progress reports on dated targets: how far along, is the pace enough, where "
        "will it land, and was it achieved."
    ),
)
@click.version_option(package_name="sockprogress", message=N_("%(prog)s, version %(version)s"))
@lang_option
def main() -> None:
    """The `sockprogress` group; its help is the message above, said in the run's words."""


# Answers to a yes-or-no question, as a reader types them (Enter: no).
ANSWERS = {"y": True, "yes": True, "是": True, "n": False, "no": False, "否": False, "": False}


def _confirm(question: str, words: Words) -> bool:
    """click.confirm, defaulting to no, that also takes 是 and 否: a walkthrough answered 是 and
    was told to type y or n."""
    suffix = words(" [y/N]: ")  # in Chinese: （是/否，直接回车为否）：
    while True:
        reply = click.prompt(question, default="", show_default=False, prompt_suffix=suffix)
        answer = ANSWERS.get(reply.strip().lower())
        if answer is not None:
            return answer
        echo(words("Error: invalid input"), err=True)


# A report month further back than this is said, in case it is a slip.
OLD_AS_OF_MONTHS = 24


def _month(_: click.Context, __: click.Parameter, value: str | None) -> Month:
    """--as-of as a month: 2026-10, or as a period is written in the sheet (2026年10月)."""
    from .periods import FIRST_YEAR, LAST_YEAR, parse_period

    words = here()
    last = Month.last_complete(dt.date.today())
    if value is None:
        return last
    try:
        period = parse_period(value.strip())
    except ValueError:
        period = None
    year = value.strip()[:4]
    if period is None and year.isdigit() and not FIRST_YEAR <= int(year) <= LAST_YEAR:
        raise click.BadParameter(
            words("'{value}' is not a plausible month: use a year from {first} to {last}").format(
                value=value, first=FIRST_YEAR, last=LAST_YEAR
            )
        )
    if period is None or period.kind != "month":
        raise click.BadParameter(
            words("'{value}' is not a month; write it as 2026-10 (or 2026年10月)").format(
                value=value
            )
        )
    month = Month(period.end.year, period.end.month)
    if month < last.shift(-OLD_AS_OF_MONTHS):
        # a report of years ago is a rerun, or a slip of a digit (2016-10 for 2026-10): said,
        # not refused
        echo(
            words(
                "Note: the report month {month} is {years} years before the last complete month "
                "({last}); if that is a slip, run again with the month you meant"
            ).format(
                month=words.month(month),
                years=(last.index - month.index) // 12,
                last=words.month(last),
            ),
            err=True,
        )
    if month > last:
        # A month that has not ended has no figures yet, and judging it would count time
        # that has not passed (time elapsed, staleness).
        raise click.BadParameter(
            words("{month} has not ended yet; the last complete month is {last}").format(
                month=words.month(month), last=words.month(last)
            )
        )
    return month


def _as_of_option(help: str) -> Callable[[F], F]:
    return click.option("--as-of", "as_of", callback=_month, metavar="YYYY-MM", help=help)


# readable: not checked by click, whose "Invalid value for '--targets': … is not readable" named an
# option the user never gave; the readers say "cannot be read (Permission denied)" of the file.
PathOption = click.Path(path_type=Path, dir_okay=False, readable=False)


def _targets_option(help: str = N_("The goals (TOML).")) -> Callable[[F], F]:
    return click.option(
        "--targets",
        type=PathOption,
        metavar="FILE",
        default=Path("data/targets.toml"),
        show_default=True,
        help=help,
    )


def _actuals_option(*names: str) -> Callable[[F], F]:
    return click.option(
        "--actuals",
        *names,
        type=PathOption,
        metavar="FILE",
        default=Path("data/actuals.xlsx"),
        show_default=True,
        help=N_("The workbook with the Actuals sheet."),
    )


def inputs_options(command: F) -> F:
    """--targets and --actuals, as every command that reads both takes them."""
    return _targets_option()(_actuals_option()(command))


def warn_if_open(actuals: Path, words: Words) -> None:
    """A workbook open in Excel, WPS or LibreOffice may hold rows not yet saved: say so."""
    from .safewrite import owner_of

    found = owner_of(actuals)
    if found is not None:
        said = words.error_text("actuals_open", (("file", actuals.name), ("program", found[1])))
        echo(words("Warning: {message}").format(message=said), err=True)


def defaults_found(**paths: Path) -> None:
    """A default input (data/targets.toml, data/actuals.xlsx) that is not there is most often
    a command run outside the working folder: say so, rather than only 'file not found'."""
    ctx = click.get_current_context()
    for name, path in paths.items():
        default = ctx.get_parameter_source(name) == click.core.ParameterSource.DEFAULT
        if default and not path.exists():
            # the option as typed: `actuals add` names its workbook's parameter `path`
            option = next((p.opts[0] for p in ctx.command.params if p.name == name), name)
            if path.parent.name and Path(path.name).is_file():
                # run from inside data/ itself, where the file is: the folder above is meant
                raise InputError(
                    code="default_input_inside", file=path, folder=path.parent.name, option=option
                )
            raise InputError(code="default_input_missing", file=path, option=option)


@main.command(
    help=N_(
        "Judge every target for the report month and write the Excel, HTML and JSON reports "
        "and the Word bulletin."
    )
)
@inputs_options
@_as_of_option(N_("Report month. Default: the last complete month."))
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    metavar="DIRECTORY",
    default=Path("reports"),
    show_default=True,
    help=N_("Folder for the outputs."),
)
@click.option(
    "--format",
    "formats",
    default="xlsx,html,json,docx",
    show_default=True,
    help=N_("Comma-separated outputs: xlsx, html, json, docx (the Word bulletin)."),
)
@click.option(
    "--templates",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    metavar="DIRECTORY",
    help=N_(
        "A folder of templates overriding the shipped ones of the same name "
        "(base.html, _summary.html, _target.html, …); a bulletin.docx there is the Word "
        "bulletin's template."
    ),
)
@lang_option
def report(
    targets: Path,
    actuals: Path,
    as_of: Month,
    out: Path,
    formats: str,
    templates: Path | None,
) -> None:
    words = here()
    defaults_found(targets=targets, actuals=actuals)
    warn_if_open(actuals, words)
    # without --as-of, the last complete month: a note says when the figures stop before it
    source = click.get_current_context().get_parameter_source("as_of")
    defaulted = source == click.core.ParameterSource.DEFAULT
    # The report builds millions of small objects without cycles (a province's grid, its
    # judged series, the workbook's cells): the cyclic collector walking them again and again
    # as they pile up makes the work grow faster than the data. Paused here, for this one
    # command, with no collection at all: reading and judging leave no cycles behind (a test
    # checks), so reference counting frees them. The library functions leave it alone.
    with ProgressBar() as bar, gc_paused():
        # The workbook's sheet is read on a thread of its own from here (reading/grid.py):
        # calamine parses without the interpreter, while the libraries below are imported.
        from .reading.grid import start_loading

        loading = start_loading(actuals)
        from .pipeline import comparison_warning, parse_formats, run_report

        def judged(report: Report) -> None:
            with bar.paused():
                from .checking import grouped_lines

                for line in grouped_lines(report.issue_groups, words):
                    echo(line, err=True)
                # last month's report was there but could not be used: only the comparison
                # is lost, and the reader is told
                said = comparison_warning(report, words)
                if said is not None:
                    echo(words("Warning: {message}").format(message=said), err=True)
                for line in _input_notes(report, words, defaulted):
                    echo(line, err=True)

        result, paths = run_report(
            targets,
            actuals,
            as_of,
            out,
            parse_formats(formats),
            templates=templates,
            words=words,
            today=dt.date.today(),
            progress=lambda label, done, total: bar.step(step_words(label, words), done, total),
            on_judged=judged,
            loading=loading,
        )
    from .pipeline import terminal_lines

    for line in terminal_lines(result, words):
        echo(line)
    for path in paths:
        echo(f"  {path}")


def _input_notes(report: Report, words: Words, defaulted: bool = False) -> list[str]:
    """The notes on names targets.toml does not give in the report's language, or gives to
    two goals alike, and on goals for the year reported on an earlier month than the report's;
    with the month `defaulted` (no --as-of) and every such goal's figures stopping before it,
    the command for the month they stop at (a newcomer ran `report` in December after adding
    October's figures, and read a November report that said nothing had changed)."""
    goals, regions = [r.target for r in report.targets], report.regions_zh
    behind = report.behind_the_month()
    lines = words.behind_month_lines(behind, report.as_of, regions)
    if defaulted and behind and len(behind) == len(report.year_to_date_goals()):
        latest = max(r.ytd.end for r in behind if r.ytd is not None)
        month = Month(latest.year, latest.month)
        lines.append(
            words(
                "Without --as-of the report is on the last complete month ({default}); to report "
                "on {month}, the month these figures reach: sockprogress report --as-of {value}"
            ).format(
                default=words.period(str(report.as_of)), month=words.period(str(month)), value=month
            )
        )
    return words.unnamed_lines(goals, regions) + words.same_name_lines(goals, regions) + lines


@main.command(
    help=N_(
        "Check both files; list every problem with its row and a hint: an error is a row left "
        "out of the report, a warning a row used with a caveat or a goal without any figure. "
        "Exit 1 if anything is listed."
    )
)
@inputs_options
@_as_of_option(N_("Report month the data is checked for. Default: the last complete month."))
@lang_option
def check(targets: Path, actuals: Path, as_of: Month) -> None:
    words = here()
    defaults_found(targets=targets, actuals=actuals)
    warn_if_open(actuals, words)
    # read while pandas and the judging are imported, as `report` does
    from .reading.grid import start_loading

    loading = start_loading(actuals)
    from .checking import check_summary, checked, grouped_lines

    judged = checked(targets, actuals, as_of, today=dt.date.today(), loading=loading)
    problems = judged.issues
    for line in grouped_lines(judged.issue_groups, words, limit=None):
        echo(line)
    for line in _input_notes(judged, words):
        echo(line, err=True)
    if problems:
        # exit 1 whenever a line is listed, errors or warnings alike; the summary says which
        echo(check_summary(problems, words), err=True)
        sys.exit(1)
    echo(
        words("{targets} and {actuals}: no problems found").format(
            targets=targets.name, actuals=actuals.name
        )
    )


@main.group(help=N_("Edit the actuals workbook safely (checked, backed up, locked, atomic)."))
@lang_option
def actuals() -> None:
    """`sockprogress actuals`: its commands edit the workbook."""


@actuals.command(
    "add", help=N_("Add one row to the Actuals table (or replace one with --replace).")
)
@_actuals_option("path")
@_targets_option(N_("The goals (TOML), to spot unknown names."))
@click.option("--region", required=True, help=N_("Its code or Chinese name: Xiaobeihe or 小北河."))
@click.option(
    "--indicator", required=True, help=N_("Its code or Chinese name: sock_output or 袜子年产量.")
)
@click.option(
    "--period",
    required=True,
    help=N_(
        "2024, 2025-06 or 2025-06-30; or 2025年, 2025年6月, 2025/6. A sum of January to a "
        "month (2025年1—6月) is stored at that month (2025-06) with basis ytd."
    ),
)
@click.option(
    "--value",
    required=True,
    help=N_(
        "A number above zero, in the target's unit: 3500000000, or 35亿 or 350000万 (stored in "
        "full); where the unit is 亿元 or 万元, in it: 343.2 for 343.2亿元."
    ),
)
@click.option(
    "--basis",
    # the workbook's words for them too, as its reader takes them (reading/cells.py BASES_ZH)
    # YTD as ytd: a basis typed in capitals is the same basis
    type=click.Choice(
        ["month", "ytd", "rate", "当月数", "累计数", "年产规模", "当月", "累计"],
        case_sensitive=False,
    ),
    help=N_(
        "Month rows only: month (that month's amount), ytd (January to that month) or rate "
        "(an annual rate stated that month without a calendar year); or 当月数 (当月), 累计数 "
        "(累计), 年产规模."
    ),
)
@click.option("--source", help=N_("Where the figure was published."))
@click.option("--note", help=N_("Anything a reader needs to know."))
@click.option(
    "--flags",
    help=N_(
        "What the report says beside the figure, one from the next by a comma: "
        "month_presumed, lower_bound, approximate, repost, foreign_edition (or their Chinese "
        "words)."
    ),
)
@click.option("--replace", is_flag=True, help=N_("Overwrite the row for the same period."))
@click.option(
    "--force",
    is_flag=True,
    help=N_(
        "Store a figure that breaks a plausibility rule (a 万/亿 slip, a 0 too many or too few, "
        "a fractional count, a value far from its goal) after checking it."
    ),
)
@click.option(
    "--new",
    "new_name",
    is_flag=True,
    help=N_(
        "Store a region or indicator the targets file does not name, on purpose (without it, "
        "such a name is refused and the closest known names are offered)."
    ),
)
@lang_option
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
    flags: str | None,
    replace: bool,
    force: bool,
    new_name: bool,
) -> None:
    from .editing.add import add_row, check_row, refuse_scale_twice
    from .editing.plausible import stored_line
    from .reading import load_targets
    from .reading.names import names_of

    words = here()
    defaults_found(targets=targets, path=path)
    today = dt.date.today()
    goals = load_targets(targets, goals_required=False)
    new = check_row(
        region, indicator, period, value, basis, source, note, today, names_of(goals), flags
    )
    refuse_scale_twice(value, new, goals)
    # The workbook is read once, under its lock: a figure that breaks a plausibility rule is
    # refused there unless --force.
    done = add_row(
        path,
        new,
        goals,
        today,
        replace=replace,
        force=force,
        new_name=new_name,
        targets_name=targets.name,
    )
    # names nothing else uses; then, stored with --force, the rules the figure breaks
    for warning in (*done.warnings, *done.checks):
        echo(words("Warning: {message}").format(message=words.issue_text(warning)), err=True)
    line = (
        words("{file}, sheet {sheet}, row {row}: replaced (backup: {backup})")
        if done.replaced
        else words("{file}, sheet {sheet}, row {row}: added (backup: {backup})")
    )
    echo(line.format(file=path.name, sheet=done.sheet, row=done.row, backup=done.backup))
    echo(f"  {stored_line(new, goals, words)}")
    if done.relisted:
        echo(
            words("{file}: the dropdowns now offer the regions and indicators of {targets}").format(
                file=path.name, targets=targets.name
            )
        )


@actuals.command(
    "refresh",
    help=N_(
        "Rebuild the workbook's dropdowns (its hidden Lists sheet) from the targets file, after "
        "you changed its goals, regions or indicators; everything else in the workbook is kept."
    ),
)
@_actuals_option("path")
@_targets_option(N_("The goals (TOML) whose regions and indicators the dropdowns offer."))
@lang_option
def refresh(path: Path, targets: Path) -> None:
    from .editing.lists import refresh as refresh_lists
    from .reading import load_targets

    words = here()
    defaults_found(targets=targets, path=path)
    done = refresh_lists(path, load_targets(targets, goals_required=False))
    counts = words("{regions} and {indicators}").format(
        regions=words.n("{n} region", "{n} regions", len(done.lists.regions)).format(
            n=len(done.lists.regions)
        ),
        indicators=words.n("{n} indicator", "{n} indicators", len(done.lists.indicators)).format(
            n=len(done.lists.indicators)
        ),
    )
    if done.backup is None:
        line = words(
            "{file}: the dropdowns already offer the {counts} of {targets}; nothing changed"
        )
        echo(line.format(file=path.name, counts=counts, targets=targets.name))
        return
    line = words("{file}: the dropdowns now offer the {counts} of {targets} (backup: {backup})")
    echo(line.format(file=path.name, counts=counts, targets=targets.name, backup=done.backup))


@actuals.command(
    "undo",
    help=N_(
        "Put the workbook back as it was before the last change sockprogress made (from "
        "backups/ beside it): show what that brings back or removes, then ask. Undo is itself "
        "undone by running it again."
    ),
)
@_actuals_option("path")
@_targets_option(
    N_("The goals (TOML), to name the rows as they are named there (left out when unreadable).")
)
@click.option("--yes", is_flag=True, help=N_("Do not ask; put the workbook back at once."))
@lang_option
def undo(path: Path, targets: Path, yes: bool) -> None:
    from .editing.undo import difference, last_backup, made, undo
    from .reading import load_targets
    from .reading.safety import check_workbook

    words = here()
    defaults_found(path=path)
    check_workbook(path)
    # the names and units rows are said with: a targets file that cannot be read never holds
    # up putting the workbook back (its rows are then said by their codes)
    goals = None
    with contextlib.suppress(SockProgressError, OSError):
        goals = load_targets(targets, goals_required=False)
    kept = last_backup(path)
    expected = path.read_bytes()
    try:
        change = difference(path, kept)
    except SockProgressError:
        # the backup's own reading (difference says the workbook's as unreadable): the reader's
        # "open it in Excel and save it as .xlsx" named neither the backups folder nor the way
        # back to the backup before it (a bad-input audit's find)
        raise InputError(
            code="backup_unreadable", file=path.name, backup=kept, folder=kept.parent
        ) from None
    when = made(kept)
    echo(
        words("Undo puts {file} back as it was on {when} ({backup}):").format(
            file=path.name,
            when=when.strftime("%Y-%m-%d %H:%M:%S") if when else "?",
            backup=kept,
        )
    )
    if change.unreadable is not None:
        unreadable = words("{file} cannot be read as it is now ({reason}); the backup holds {rows}")
        echo(
            "  "
            + unreadable.format(
                file=path.name,
                reason=change.unreadable.said(words),
                rows=words.n("{n} row", "{n} rows", len(change.brought_back)).format(
                    n=len(change.brought_back)
                ),
            )
        )
    else:
        for row in change.brought_back:
            line = words("brings back row {row}: {figure}")
            echo("  " + line.format(row=row.number, figure=row.said(words, goals)))
        for row in change.removed:
            line = words("removes row {row}: {figure}")
            echo("  " + line.format(row=row.number, figure=row.said(words, goals)))
        for left in change.left_out_back:
            line = words("brings back row {row}, which the report leaves out: {cells}")
            echo("  " + line.format(row=left.number, cells=left.said()))
        for left in change.left_out_removed:
            line = words("removes row {row}, which the report leaves out: {cells}")
            echo("  " + line.format(row=left.number, cells=left.said()))
        for now, then in change.changed:
            line = words("changes row {row}: {now} → {then}")
            echo(
                "  "
                + line.format(
                    row=now.number, now=now.said(words, goals), then=then.said(words, goals)
                )
            )
        if change.empty:
            echo(
                "  "
                + words(
                    "no row of sheet {sheet} differs (another sheet or the formatting may)"
                ).format(sheet=change.sheet)
            )
    if not yes and not _confirm(words("Put {file} back?").format(file=path.name), words):
        echo(words("Nothing changed."))
        sys.exit(1)
    copy = undo(path, kept, expected)
    echo(
        words(
            "{file}: put back (the workbook as it was is kept in {backup}; run sockprogress "
            "actuals undo again to take this back)"
        ).format(file=path.name, backup=copy)
    )


@main.command(
    help=N_(
        "Start a working folder (the one you are in, when none is named): data/targets.toml "
        "and a fresh data/actuals.xlsx (its header, dropdowns and how-to sheet in the language "
        "of this run). Never replaces a file."
    )
)
# no folder named: the one the user is in, as `git init` (`init` alone said only that an
# argument was missing: a newcomer's find)
@click.argument(
    "folder", type=click.Path(path_type=Path, dir_okay=True), default=Path("."), required=False
)
@click.option(
    "--blank",
    is_flag=True,
    help=N_(
        "Start with your own goals: a targets file with no goal and two commented examples "
        "(a plan's goal and a year's goal), and a workbook with empty dropdowns."
    ),
)
@lang_option
def init(folder: Path, blank: bool) -> None:
    from .editing.init import init_folder

    words = here()
    made = init_folder(folder, words, blank=blank)
    echo(words("Made:"))  # the paths alone, indented under nothing, read as a stray list
    for path in made:
        echo(f"  {path}")
    # no "cd ." for the folder the user is in; a folder with a space in quotes, as typed
    there = folder.resolve() != Path.cwd().resolve()
    shown = f'"{folder}"' if any(c.isspace() for c in str(folder)) else str(folder)
    if blank:
        said = (
            words(
                "Next: cd {folder}, write your goals in data/targets.toml (two examples are in "
                "it), run sockprogress actuals refresh, then fill in data/actuals.xlsx"
            )
            if there
            else words(
                "Next: write your goals in data/targets.toml (two examples are in it), run "
                "sockprogress actuals refresh, then fill in data/actuals.xlsx"
            )
        )
    elif there:
        said = words("Next: cd {folder}, fill in data/actuals.xlsx, run sockprogress check")
    else:
        said = words("Next: fill in data/actuals.xlsx, run sockprogress check")
    echo(said.format(folder=shown))
    if words.lang != default_lang()[0]:
        # chosen by --lang for this one command: the next command would speak the other
        echo(
            words(
                "The next commands speak this language with --lang {lang}, or once "
                "SOCKPROGRESS_LANG={lang} is set"
            ).format(lang=words.lang)
        )


def forgiving_streams() -> None:
    """A character the terminal cannot show (an emoji on a GBK console, `€` with
    PYTHONIOENCODING=ascii or LANG=C) is printed as an escape (\\U0001f600), never raised: a
    line that failed to print after the workbook was saved would make a done change look
    undone. Streams that are not text files of their own (a test's capture) are left as
    they are."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def interrupt_on_termination() -> None:
    """A SIGTERM (`kill`, a scheduler stopping the job) or a SIGHUP (the terminal closed) ends
    the command as Ctrl+C does: by an interrupt, so that what it was writing is rolled back and
    its scratch removed. Their default ends the process where it stands, and a report stopped
    while it renamed its outputs into place had left some new and some of last run's, with the
    temporary files beside them (a fuzz audit's find). Windows has no SIGHUP."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            with contextlib.suppress(ValueError, OSError):  # not the main thread: left as is
                signal.signal(number, interrupt)


def run() -> None:
    """The `sockprogress` program: the command line in a process of its own.

    The cyclic garbage collector is off for the whole command: a report builds millions of
    small objects, and switching the collector back on after it would first walk all of them
    (half a second on a province). When the command is done, every file is written and closed
    and nothing is left to free but memory the process gives back as it ends, so the process
    ends there (`_end`): the interpreter's own exit would free every object one by one and
    clear every module, 0.3 s after a province's report.
    """
    gc.disable()  # the command makes no garbage worth collecting before the process ends
    forgiving_streams()
    interrupt_on_termination()
    try:
        main(prog_name="sockprogress")
    except SystemExit as done:
        _end(done.code)
    _end(0)


def _end(code: object) -> None:
    """End the process with `code` as `sys.exit(code)` would, without the interpreter's
    teardown: the standard streams are flushed, nothing else of ours is left open (outputs are
    written, synced and renamed before a command returns; a failure to write one is already
    an error said and exited with 2). A code that is not a number is printed, exit 1, as
    Python does."""
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:
        with contextlib.suppress(OSError, ValueError):
            print(code, file=sys.stderr)
        status = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`| head`): Python says nothing either
            status = status or 120
    os._exit(status)


if __name__ == "__main__":  # pragma: no cover
    run()
