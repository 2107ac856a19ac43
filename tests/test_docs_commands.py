"""Every `sockprogress` command line that README.md and docs/*.md show runs, on a copy of the
shipped data, so the documentation cannot go stale.

A command line is a line of a fenced code block, or an inline code span, that starts with
`sockprogress ` (after `NAME=value` settings of the environment, as in
`SOCKPROGRESS_LANG=zh sockprogress check`); a block's line ending in a backslash goes on on the
next line, and a `#` outside quotes starts a comment. The documentation names a command in prose
without the `sockprogress` in front (`actuals add`), so every line that starts with it can be
typed as it stands, with real values.

Each runs through click's CliRunner in its own temporary folder holding a copy of the shipped
data/targets.toml and data/actuals.xlsx, as a user's working folder does.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import traceback
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from sockprogress.cli import main

ROOT = Path(__file__).resolve().parents[1]
PAGES = (ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")))

FENCE = re.compile(r"^ *```([^\n]*)\n(.*?)^ *```", re.MULTILINE | re.DOTALL)
SPAN = re.compile(r"`([^`]+)`")
COMMAND = re.compile(r"^(?:[A-Z][A-Z0-9_]*=\S+\s+)*sockprogress\s")
# Words a reader would have to replace: such a line cannot be run, so it may not be shown.
PLACEHOLDER = re.compile(r"…|YYYY|<[^>]*>|^(?:FOLDER|DIR|DIRECTORY|FILE|PATH|N)$")
OUTPUT = re.compile(r"progress-(\d{4}-\d{2})((?:\.zh)?\.(?:xlsx|html|docx|json))")

# The shipped data lists two goals without any published figure (Liaoyuan's clothing and
# home-textile capacity), so `check` on it lists problems and exits 1 ("problems listed"),
# by design; 2 would be a file it could not read.
EXIT = {"check": 1}
# A command that asks first is run as a user who answered yes.
ASKS: dict[tuple[str, ...], str] = {("actuals", "undo"): "--yes"}
# A change for `actuals undo` to undo, made before it runs (in a copy no change was made yet).
BEFORE_UNDO = (
    "actuals add --region Xiaobeihe --indicator sock_weaving_firms --period 2026-11 "
    '--value 210 --source "made up for the test"'
)


@dataclass(frozen=True)
class Shown:
    """A command line as a page shows it."""

    line: str
    page: str

    @property
    def env(self) -> dict[str, str]:
        words = shlex.split(self.line, comments=True)
        return dict(w.split("=", 1) for w in words[: words.index("sockprogress")])

    @property
    def args(self) -> list[str]:
        words = shlex.split(self.line, comments=True)
        return words[words.index("sockprogress") + 1 :]

    @property
    def command(self) -> tuple[str, ...]:
        """The command's names (`actuals`, `add`), options and their values aside."""
        names: list[str] = []
        args = self.args
        for i, arg in enumerate(args):
            if arg.startswith("-") or (i and args[i - 1] == "--lang"):
                continue
            names.append(arg)
            if arg != "actuals":
                break
        return tuple(names)


def _blocks(text: str) -> list[tuple[str, str]]:
    """(language, body) of every fenced code block."""
    return [(m.group(1).strip(), m.group(2)) for m in FENCE.finditer(text)]


def _uncommented(line: str) -> str:
    """The line without its comment: from a `#` after a space, outside quotes."""
    for found in re.finditer(r"\s#", line):
        before = line[: found.start()]
        if before.count('"') % 2 == 0 and before.count("'") % 2 == 0:
            return before.rstrip()
    return line


def _block_lines(body: str) -> list[str]:
    """The lines of a code block without comments, a line ending in a backslash joined with
    the next."""
    joined = re.sub(r"\s*\\\n\s*", " ", body)
    return [_uncommented(line.strip()) for line in joined.splitlines()]


def shown_commands() -> list[Shown]:
    """Every command line of the pages, each once, in the order the pages show them."""
    found: dict[str, Shown] = {}
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        lines = [line for _, body in _blocks(text) for line in _block_lines(body)]
        prose = FENCE.sub("", text)
        lines += [" ".join(span.split()) for span in SPAN.findall(prose)]
        for line in lines:
            if COMMAND.match(line):
                found.setdefault(line, Shown(line, page.relative_to(ROOT).as_posix()))
    return list(found.values())


def shown_outputs() -> list[str]:
    """Every report file name the pages give (progress-2026-10.zh.xlsx …), each once."""
    names = {
        f"progress-{m.group(1)}{m.group(2)}"
        for page in PAGES
        for m in OUTPUT.finditer(page.read_text(encoding="utf-8"))
    }
    return sorted(names)


def _param(value: str) -> object:
    return pytest.param(value, id=value)


COMMANDS = {shown.line: shown for shown in shown_commands()}


@pytest.fixture
def working_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder as `init` leaves one, holding copies of the shipped data."""
    (tmp_path / "data").mkdir()
    for name in ("targets.toml", "actuals.xlsx"):
        shutil.copy(ROOT / "data" / name, tmp_path / "data" / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _invoke(args: list[str], env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, args, env=env, catch_exceptions=True)


def _escaped(result: Result) -> str | None:
    """The traceback of a Python exception that escaped the command, if one did."""
    exc = result.exception
    if exc is None or isinstance(exc, SystemExit):
        return None
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


def _templates_example(folder: Path) -> None:
    """The folder a `--templates` example names, holding the Jinja example the docs give."""
    examples = [
        body
        for page in PAGES
        for language, body in _blocks(page.read_text(encoding="utf-8"))
        if language == "jinja"
    ]
    assert examples, "a --templates example without its template in the docs"
    folder.mkdir(exist_ok=True)
    (folder / "base.html").write_text(examples[0], encoding="utf-8")


def _prepare(shown: Shown, folder: Path) -> list[str]:
    """What a command needs before it runs as the docs show it; returns its arguments."""
    args = shown.args
    if "--templates" in args:
        _templates_example(folder / args[args.index("--templates") + 1])
    if shown.command == ("actuals", "undo"):
        done = _invoke(shlex.split(BEFORE_UNDO))
        assert done.exit_code == 0, done.output
    answer = ASKS.get(shown.command)
    if answer and answer not in args:
        args = [*args, answer]
    return args


def test_the_docs_show_commands() -> None:
    """The extraction finds the pages' commands (an empty list would pass every test below)."""
    assert len(COMMANDS) >= 10
    assert "sockprogress check" in COMMANDS
    assert any(shown.page == "README.md" for shown in COMMANDS.values())


@pytest.mark.parametrize("line", [_param(line) for line in COMMANDS])
def test_a_shown_command_runs(line: str, working_folder: Path) -> None:
    shown = COMMANDS[line]
    assert not [word for word in shown.args if PLACEHOLDER.search(word)], (
        f"{shown.page}: write the example with real values: {line}"
    )
    args = _prepare(shown, working_folder)
    result = _invoke(args, env=shown.env or None)
    escaped = _escaped(result)
    assert escaped is None, f"{shown.page}: {line}\n{escaped}"
    expected = EXIT.get(shown.command[0] if shown.command else "", 0)
    if "--help" in args:
        expected = 0
    assert result.exit_code == expected, f"{shown.page}: {line}\n{result.output}"


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reports of every month the pages name a file of, in English and in Chinese."""
    out = tmp_path_factory.mktemp("reports")
    months = sorted({m.group(1) for name in shown_outputs() for m in [OUTPUT.search(name)] if m})
    inputs = ["--targets", str(ROOT / "data/targets.toml")]
    inputs += ["--actuals", str(ROOT / "data/actuals.xlsx"), "--out", str(out)]
    saved = os.environ.get("SOCKPROGRESS_LANG")
    for month in months:
        for lang in ("en", "zh"):
            result = _invoke(["report", "--as-of", month, "--lang", lang, *inputs])
            assert result.exit_code == 0, result.output
    assert os.environ.get("SOCKPROGRESS_LANG") == saved
    return out


@pytest.mark.parametrize("name", [_param(name) for name in shown_outputs()])
def test_a_named_output_is_written(name: str, reports: Path) -> None:
    """A report file the pages name is one `report` writes, under that name."""
    assert (reports / name).is_file(), sorted(p.name for p in reports.iterdir())
