"""An error that stops a command is one line in the reader's language: `错误：…` in Chinese,
with no English beyond what the user typed (file names, options, values), and the English line
as it always was.

Every error is raised with a code and parameters (errors.py); the words are chosen where the
command line shows them. The last tests keep it so: no error is raised with a sentence.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from helpers import add_args, target_toml, write_actuals, write_targets

from sockprogress.cli import main
from sockprogress.errors import InputError, OutputError
from sockprogress.safewrite import LOCKED_HINT
from sockprogress.words import messages
from sockprogress.words.words import Words

ROOT = Path(__file__).resolve().parents[1]

# Names a Chinese line may hold beside what the user typed: the programs, file formats, the
# sheet name the workbook itself uses, a table of targets.toml as it is written there.
ALLOWED = ("Excel", "WPS", "xlsx", "xls", "CSV", "Actuals", "[[regions]]")

# The ways a Chinese user asks for Chinese: the locale, or the flag (in an English locale)
# after the command or before its name: (before, after, environment).
WAYS = {
    "locale": ([], [], {"LANG": "zh_CN.UTF-8"}),
    "flag": ([], ["--lang", "zh"], {"LANG": "C.UTF-8"}),
    "flag first": (["--lang", "zh"], [], {"LANG": "C.UTF-8"}),
}

GOALS = (
    target_toml(baseline='{ period = "2021", value = 100 }', name_zh='"小部件数"')
    + '\n[[regions]]\nregion = "Testville"\nname_zh = "测试镇"\n'
)


def english_words(line: str, typed: tuple[str, ...]) -> list[str]:
    """Latin words of `line` once what the user typed and the allowed names are taken out."""
    for text in sorted((*typed, *ALLOWED), key=len, reverse=True):
        line = line.replace(text, " ")
    return re.findall(r"[A-Za-z]{2,}", line)


def files(folder: Path) -> tuple[Path, Path]:
    """A synthetic targets file and workbook (two figures of one series) in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    goals = write_targets(folder / "targets.toml", GOALS)
    rows = [("Testville", "widgets", "2022", 120), ("Testville", "widgets", "2023", 130)]
    return goals, write_actuals(folder / "actuals.xlsx", rows)


@pytest.fixture
def goals(tmp_path: Path) -> Path:
    return files(tmp_path)[0]


@pytest.fixture
def workbook(goals: Path) -> Path:
    return goals.parent / "actuals.xlsx"


# Each case: (args, what the user typed that the line may repeat) from the test's files.
Case = Callable[[Path, Path, Path], tuple[list[str], tuple[str, ...]]]


def _missing_targets(tmp: Path, goals: Path, book: Path) -> tuple[list[str], tuple[str, ...]]:
    nope = tmp / "nope.toml"
    return ["report", "--targets", str(nope), "--actuals", str(book)], (str(nope),)


def _missing_actuals(tmp: Path, goals: Path, book: Path) -> tuple[list[str], tuple[str, ...]]:
    nope = tmp / "nope.xlsx"
    return ["check", "--targets", str(goals), "--actuals", str(nope)], (str(nope),)


def _bad_value(tmp: Path, goals: Path, book: Path) -> tuple[list[str], tuple[str, ...]]:
    return add_args(book, goals, "2024", "abc"), ("--value", "abc")


def _unit_value(tmp: Path, goals: Path, book: Path) -> tuple[list[str], tuple[str, ...]]:
    return add_args(book, goals, "2024", "210 firms"), ("--value", "210 firms", "210")


def _old_xls(tmp: Path, goals: Path, book: Path) -> tuple[list[str], tuple[str, ...]]:
    # `report` and `check` read an .xls; `actuals add` edits an .xlsx only, and says so
    old = tmp / "old.xls"
    old.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(600))
    return add_args(old, goals, "2024", "135"), ("old.xls",)


def _not_a_workbook(tmp: Path, goals: Path, book: Path) -> tuple[list[str], tuple[str, ...]]:
    # a CSV is read by `report` and `check`, but `actuals add` edits an .xlsx only
    csv = tmp / "actuals.csv"
    csv.write_text("region,indicator,period,value\n", encoding="utf-8")
    return add_args(csv, goals, "2024", "135"), ("actuals.csv",)


def _locked(tmp: Path, goals: Path, book: Path) -> tuple[list[str], tuple[str, ...]]:
    (tmp / "~$actuals.xlsx").write_bytes(b"owner")
    return add_args(book, goals, "2024", "135"), ("actuals.xlsx", "~$actuals.xlsx")


def _init_existing(tmp: Path, goals: Path, book: Path) -> tuple[list[str], tuple[str, ...]]:
    (tmp / "data").mkdir()
    (tmp / "data" / "targets.toml").write_text("", encoding="utf-8")
    return ["init", str(tmp)], (str(tmp / "data" / "targets.toml"),)


def _unknown_format(tmp: Path, goals: Path, book: Path) -> tuple[list[str], tuple[str, ...]]:
    args = ["report", "--targets", str(goals), "--actuals", str(book), "--out", str(tmp / "out")]
    return [*args, "--format", "pdf"], ("--format", "pdf", "xlsx,html,json,docx")


def _plausibility(tmp: Path, goals: Path, book: Path) -> tuple[list[str], tuple[str, ...]]:
    """A 万 slip: 1,300,000 typed for a series at 120 and 130 (by the Chinese names)."""
    args = add_args(book, goals, "2024", "1300000")
    args[args.index("Testville")] = "测试镇"
    args[args.index("widgets")] = "小部件数"
    return args, ("--force",)


CASES: dict[str, Case] = {
    "missing targets file": _missing_targets,
    "missing actuals file": _missing_actuals,
    "bad --value": _bad_value,
    "a unit after --value": _unit_value,
    "an .xls workbook": _old_xls,
    "not an .xlsx workbook": _not_a_workbook,
    "workbook open in Excel": _locked,
    "init on an existing folder": _init_existing,
    "unknown --format": _unknown_format,
    "plausibility refusal": _plausibility,
}


def run(args: list[str], way: str) -> Result:
    before, after, env = WAYS[way]
    return CliRunner().invoke(main, [*before, *args, *after], env=env)


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("case", CASES)
def test_an_error_is_one_chinese_line(
    case: str, way: str, tmp_path: Path, goals: Path, workbook: Path
) -> None:
    args, typed = CASES[case](tmp_path, goals, workbook)
    before = workbook.read_bytes()
    result = run(args, way)
    assert result.exit_code == 2, result.output
    lines = result.output.splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("错误："), lines[0]
    assert not english_words(lines[0], typed), lines[0]
    assert workbook.read_bytes() == before  # and nothing was written


def test_the_chinese_lines_say_what_and_where(tmp_path: Path) -> None:
    said = {}
    for n, case in enumerate(CASES):
        folder = tmp_path / str(n)
        said[case] = run(CASES[case](folder, *files(folder))[0], "flag").output
    assert said["missing targets file"] == f"错误：{tmp_path / '0' / 'nope.toml'}：找不到文件\n"
    assert said["bad --value"] == (
        "错误：--value：“abc”不是数字，请用阿拉伯数字填写，小数用小数点，如2684.56\n"
    )
    assert (
        "old.xls：是旧版Excel 97-2003（.xls）工作簿；请在Excel中打开，另存为.xlsx"
        in (said["an .xls workbook"])
    )
    assert said["workbook open in Excel"].startswith(
        "错误：actuals.xlsx：已在Excel/WPS中打开（存在~$actuals.xlsx）；请在Excel/WPS中关闭后重新运行"
    )
    assert said["unknown --format"] == (
        "错误：--format：不支持输出格式“pdf”；可选：xlsx,html,json,docx\n"
    )
    refusal = said["plausibility refusal"]
    assert refusal.startswith("错误：测试镇 · 小部件数 · 2024年 = 1,300,000台（130万台）")
    assert (
        "未通过合理性审核（数量级突变）：“测试镇·小部件数”为130万台，与该序列其他数据相差1万倍"
        in refusal
    )
    assert refusal.endswith("确认无误可加 --force\n")


@pytest.mark.parametrize(
    ("case", "english"),
    [
        ("missing actuals file", "Error: {tmp}/nope.xlsx: file not found"),
        (
            "bad --value",
            "Error: --value: 'abc' is not a number; type the figure in digits, with a point "
            "for its decimals, e.g. 2684.56",
        ),
        (
            "a unit after --value",
            "Error: --value: '210 firms' has its unit written in; type the number alone, 210 (the "
            "unit is the targets file's)",
        ),
        (
            "an .xls workbook",
            "Error: old.xls: an old Excel 97-2003 (.xls) workbook; open it in Excel and save it "
            "as .xlsx (Excel Workbook)",
        ),
        (
            "workbook open in Excel",
            "Error: actuals.xlsx: is open in Excel/WPS (~$actuals.xlsx exists); close it in "
            "Excel/WPS and run again (if Excel/WPS is not running, delete ~$actuals.xlsx)",
        ),
        (
            "init on an existing folder",
            "Error: {tmp}/data/targets.toml: already exists; init never overwrites, choose a new "
            "folder",
        ),
        (
            "unknown --format",
            "Error: --format: unknown format pdf; choose from xlsx,html,json,docx",
        ),
    ],
)
def test_the_english_lines_are_as_they_were(
    case: str, english: str, tmp_path: Path, goals: Path, workbook: Path
) -> None:
    args, _ = CASES[case](tmp_path, goals, workbook)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert result.output == english.format(tmp=tmp_path) + "\n"


def test_the_english_plausibility_refusal_is_as_it_was(
    tmp_path: Path, goals: Path, workbook: Path
) -> None:
    result = CliRunner().invoke(main, add_args(workbook, goals, "2024", "1300000"))
    assert result.output == (
        "Error: Testville · Synthetic widgets · 2024 = 1,300,000 units (1.3 m units) breaks a "
        "plausibility rule (jump): Testville · widgets = 1,300,000 units is 10,000 times away from "
        "the "
        "other figures of the series (a 万/亿 slip is 10,000 or 100,000,000 times); nothing was "
        "stored. Check the figure and its unit (万 = 10,000, 亿 = 100,000,000), or add --force\n"
    )


def test_actuals_add_confirms_and_warns_in_chinese(
    tmp_path: Path, goals: Path, workbook: Path
) -> None:
    """A row stored: the warning on a name nothing else uses, then where it went and what."""
    args = add_args(workbook, goals, "2024", "135")
    args[args.index("Testville")] = "小北河"
    refused = run(args, "locale")  # a name the targets file does not give: refused
    assert refused.exit_code == 2
    assert refused.output.startswith("错误：--region：“小北河”不是 targets.toml 中的地区")
    result = run([*args, "--new"], "locale")  # stored on purpose
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == (
        "提示：目标文件中既无地区“小北河”的目标，也未将其列入 [[regions]]；在目标文件中列出该"
        "地区之前，报告不采用其数据"
    )
    assert lines[1].startswith("actuals.xlsx，工作表“Actuals”，第4行：已添加（备份：")
    assert lines[2] == "  小北河 · 小部件数 · 2024年 = 135"
    backup = lines[1].split("备份：")[1].rstrip("）")
    assert (tmp_path / "backups").resolve() == Path(backup).parent.resolve()
    for line in lines:
        assert not english_words(line, (backup, "actuals.xlsx")), line


def test_every_error_reads_in_chinese_with_all_its_parameters() -> None:
    """Each code of ERRORS, given every parameter its message names, is a Chinese sentence with
    every placeholder filled (a translation missing a parameter would print `{file}`)."""
    zh = Words.of("zh")
    for code, message in messages.ERRORS.items():
        names = set(re.findall(r"\{(\w+)\}", message))
        params = tuple((name, f"<{name}>") for name in sorted(names))
        said = zh.error_text(code, params)
        # no placeholder left unfilled (a TOML example's own braces are text)
        assert said and not re.search(r"\{\w+\}", said), code
        assert re.search("[\u4e00-\u9fff：]", said), code
        assert all(f"<{name}>" in said for name in names - messages.PHRASE_PARAMS), said


def test_a_reason_and_a_hint_are_said_in_the_readers_words() -> None:
    """The system's reason and the hint of an error are phrases of the catalogue too."""
    error = OutputError(
        code="cannot_write", file="a.xlsx", reason="Permission denied", hint=LOCKED_HINT
    )
    assert str(error) == (
        "a.xlsx: cannot be written (Permission denied); close it in Excel (or the browser) and "
        "run again, or choose another --out"
    )
    assert error.said(Words.of("zh")) == (
        "a.xlsx：无法写入（没有访问权限）；请在Excel（或浏览器）中关闭该文件后重新运行，"
        "或用 --out 另选输出文件夹"
    )
    assert error.said(Words.of("en")) == str(error)


def test_a_refusal_to_edit_says_why_with_its_own_parameters() -> None:
    from sockprogress.editing.package import PackageEdit

    with pytest.raises(InputError) as caught:
        PackageEdit("book.xlsx", b"not a zip", "实际数据")
    assert str(caught.value) == (
        "book.xlsx: cannot add a row safely (sheet 实际数据: its part cannot be found); add the "
        "row in Excel instead"
    )
    assert caught.value.said(Words.of("zh")) == (
        "book.xlsx：无法安全地添加一行（文件中找不到工作表“实际数据”的内容，文件可能已损坏）；请改在Excel中添加"
    )


# The files whose errors are raised with a code: none passes a sentence any more.
CONVERTED = (
    "reading/safety.py",
    "reading/actuals.py",
    "reading/names.py",
    "reading/previous.py",
    "editing/add.py",
    "editing/init.py",
    "editing/safekeeping.py",
    "editing/package.py",
    "editing/plausible.py",
    "rendering/templating.py",
    "safewrite.py",
    "pipeline.py",
    "checking.py",
    "cli.py",
)
# An error, or a package refusal, made with a string literal (an f-string above all) as its
# message rather than a code: `InputError(f"{path}: …")`, `self.refuse("…")`.
WITH_A_SENTENCE = re.compile(
    r"\b(?:InputError|OutputError|SockProgressError|PlausibilityRefusal|refuse)\(\s*"
    r"(?:[rRbBuU]?[fF][rR]?)?[\"']"
)


def test_no_error_is_raised_with_a_sentence() -> None:
    package = ROOT / "src" / "sockprogress"
    found = [
        f"{name}: {m[0]!r}"
        for name in CONVERTED
        for m in WITH_A_SENTENCE.finditer((package / name).read_text("utf-8"))
    ]
    assert not found, found


def test_the_rule_finds_a_sentence() -> None:
    """The pattern above finds what it should (so that the test above can pass honestly)."""
    for source in (
        'raise InputError(f"{path}: file not found")',
        'raise OutputError(\n    f"{folder}: is a file"\n)',
        'raise InputError("the sheet is empty")',
        'raise self.refuse(f"cell {c} holds a formula")',
    ):
        assert WITH_A_SENTENCE.search(source), source
    for source in (
        'raise InputError(code="file_not_found", file=path)',
        'raise self.refuse(N_("a row of the sheet is not closed"))',
    ):
        assert not WITH_A_SENTENCE.search(source), source


@pytest.mark.parametrize(
    ("args", "chinese"),
    [
        (
            ["actuals", "add", "--region", "X"],
            "错误：缺少选项 '--indicator'（见 main actuals add --help）",
        ),
        (["report", "--out", "README.md"], "错误：'--out' 的值无效：文件夹 'README.md' 是文件。"),
        (["report", "--bogus"], "错误：没有 '--bogus' 这个选项。您是否要输入 '--out'"),
    ],
    ids=["missing-option", "out-is-a-file", "unknown-option"],
)
def test_clicks_own_errors_are_chinese_too(args: list[str], chinese: str) -> None:
    """click names a path option's kind (file, directory) and ends its sentences with ASCII
    stops: in Chinese both are the reader's."""
    result = run(args, "locale")
    assert result.exit_code == 2
    assert result.output.startswith(chinese), result.output
    assert len(result.output.splitlines()) == 1


def test_a_system_error_names_its_reason_in_chinese() -> None:
    """A disk that fills while a library writes: the system's reason in the reader's words."""
    from sockprogress.cli import _os_error

    full = OSError(errno.ENOSPC, "No space left on device", "out/progress.xlsx")
    assert _os_error(full, Words.of("zh")) == (
        "out/progress.xlsx：磁盘空间不足；请清理磁盘空间后重新运行（未替换任何文件）"
    )
    assert _os_error(full, Words.of("en")) == (
        "out/progress.xlsx: No space left on device; free some space and run again (nothing was "
        "replaced)"
    )
    odd = OSError(errno.EPROTO, "Protocol error", "x")
    assert _os_error(odd, Words.of("zh")) == "x：Protocol error"  # not in the catalogue: as is
