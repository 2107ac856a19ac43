"""`sockprogress init DIR` and the shipped workbook it builds (real published figures only)."""

from __future__ import annotations

import csv
import importlib.util
import subprocess
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from sockprogress.cli import main
from sockprogress.editing.init import toml_value
from sockprogress.reading import load_targets, read_actuals

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "data" / "targets.toml"


def test_init_makes_a_working_folder(tmp_path: Path) -> None:
    folder = tmp_path / "park"
    result = CliRunner().invoke(main, ["init", str(folder)])
    assert result.exit_code == 0, result.output
    targets, actuals = folder / "data" / "targets.toml", folder / "data" / "actuals.xlsx"
    unnoted = [replace(t, note=None, note_zh=None) for t in load_targets(SHIPPED).targets]
    assert list(load_targets(targets).targets) == unnoted
    wb = load_workbook(actuals)
    assert wb.sheetnames == ["Actuals", "How to update", "Lists"]
    assert wb["Lists"].sheet_state == "hidden"
    ws = wb["Actuals"]
    assert ws.freeze_panes == "A2"
    assert [c.value for c in ws[1]] == [
        "region",
        "indicator",
        "period",
        "value",
        "basis",
        "source",
        "note",
        "flags",
    ]
    assert ws.column_dimensions["C"].number_format == "@"  # 2025-06 never turns into a date
    assert ws.tables["Actuals"].ref == "A1:H2"
    rules = {str(v.sqref): v for v in ws.data_validations.dataValidation}
    assert rules["A2:A1048576"].formula1 == "=region_list"
    assert rules["E2:E1048576"].formula1 == "=basis_list"
    # a month of nothing made (0) is a figure, as the reader takes it: the sheet lets it be
    # typed (it refused it, while `actuals add` and the report took it)
    value = rules["D2:D1048576"]
    assert (value.type, value.operator, value.formula1) == ("decimal", "greaterThanOrEqual", "0")
    assert "0 only for a month's own amount or a year-to-date" in str(value.error)
    lists = wb["Lists"]
    assert [c.value for c in lists["A"][1:3]] == ["Liaoyuan", "Xiaobeihe"]
    indicators = [c.value for c in lists["B"][1:] if c.value]
    assert "sock_capacity" in indicators and "express_parcels" in indicators
    assert str(wb.defined_names["region_list"].attr_text) == "'Lists'!$A$2:$A$4"
    assert read_actuals(actuals).rows.empty
    check = CliRunner().invoke(
        main, ["check", "--targets", str(targets), "--actuals", str(actuals)]
    )
    assert check.exit_code == 1 and "no rows for target liaoyuan-sock-capacity" in check.output


def test_init_never_overwrites(tmp_path: Path) -> None:
    assert CliRunner().invoke(main, ["init", str(tmp_path)]).exit_code == 0
    actuals = tmp_path / "data" / "actuals.xlsx"
    before = actuals.read_bytes()
    again = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert again.exit_code == 2
    assert "already exists; init never overwrites, choose a new folder" in again.output
    assert actuals.read_bytes() == before


@pytest.mark.parametrize(
    ("lang", "next_step"),
    [
        ("en", "Next: write your goals in data/targets.toml (two examples are in it), run "),
        ("zh", "下一步："),
    ],
)
def test_init_without_a_folder_starts_the_one_you_are_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, next_step: str
) -> None:
    """A newcomer's find: `init` alone said only 错误：缺少参数 '文件夹'. It starts the folder the
    user is in, as `git init` does, and says the next step without a "cd"."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["init", "--blank", "--lang", lang])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "data" / "targets.toml").is_file()
    assert (tmp_path / "data" / "actuals.xlsx").is_file()
    last = [line for line in result.output.splitlines() if line.startswith(next_step)]
    assert last and "cd " not in last[0], result.output


def test_shipped_workbook_holds_exactly_the_published_figures() -> None:
    with (ROOT / "data" / "public-figures.csv").open(encoding="utf-8", newline="") as fh:
        published = [
            (r["region"], r["indicator"], r["period"], float(r["value"]), r["basis"])
            for r in csv.DictReader(fh)
        ]
    actuals = read_actuals(ROOT / "data" / "actuals.xlsx")
    assert actuals.issues == ()
    rows = actuals.rows
    shipped = list(
        zip(
            rows["region"],
            rows["indicator"],
            rows["period"],
            rows["value"],
            rows["basis"],
            strict=True,
        )
    )
    assert shipped == published
    wb = load_workbook(ROOT / "data" / "actuals.xlsx")
    assert wb.sheetnames == ["Actuals", "How to update", "Lists"]


def test_build_script_rebuilds_the_same_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = importlib.util.spec_from_file_location(
        "build", ROOT / "scripts" / "build_shipped_actuals.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows = module.rows_from_csv(ROOT / "data" / "public-figures.csv")
    shipped = load_workbook(ROOT / "data" / "actuals.xlsx")["Actuals"]
    assert [list(r) for r in shipped.iter_rows(min_row=2, values_only=True)] == [
        [v if v != "" else None for v in r] for r in rows
    ]


@pytest.mark.parametrize(
    "command", [[], ["report"], ["check"], ["actuals"], ["actuals", "add"], ["init"]]
)
def test_every_command_has_help(command: list[str]) -> None:
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output


@pytest.mark.client
def test_libreoffice_renders_the_init_workbook(tmp_path: Path, soffice: str) -> None:
    assert CliRunner().invoke(main, ["init", str(tmp_path / "w")]).exit_code == 0
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "w" / "data" / "actuals.xlsx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "actuals.pdf").pages)
    assert "region" in text and "How to update this workbook" in text
    assert "Liaoyuan" not in text  # the lists sheet is hidden, so not printed


def test_init_shows_a_year_goal_beside_the_plan_goals(tmp_path: Path) -> None:
    """The targets file `init` writes carries a year's goal, commented, next to the plan goals;
    taken as it says (uncommented, the goal filled in), it is a year goal."""
    from sockprogress.reading import load_targets

    folder = tmp_path / "county"
    assert CliRunner().invoke(main, ["init", str(folder)]).exit_code == 0
    text = (folder / "data" / "targets.toml").read_text("utf-8")
    assert "deadline = 2025-12-31" in text and "# year = 2026" in text
    start = text.index("# [[targets]]")
    example = [line[2:] for line in text[start:].splitlines()]
    example = example[: example.index("") if "" in example else len(example)]
    goal = "\n".join(example).replace("target = 0 ", "target = 3_600_000_000 ")
    path = tmp_path / "targets.toml"
    path.write_text(text + "\n" + goal + "\n", encoding="utf-8")
    added = load_targets(path).targets[-1]
    assert (added.year, added.deadline.isoformat()) == (2026, "2026-12-31")


@pytest.mark.parametrize(
    ("typed", "blank", "said"),
    [
        ("my office", False, 'Next: cd "my office", fill in data/actuals.xlsx'),
        (".", False, "Next: fill in data/actuals.xlsx, run sockprogress check"),
        (".", True, "Next: write your goals in data/targets.toml"),
    ],
)
def test_the_next_step_is_one_to_type_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str, blank: bool, said: str
) -> None:
    """`init .` said "Next: cd ."; a folder with a space was shown without quotes."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["init", typed, *(["--blank"] if blank else [])])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1].startswith(said)
    # the files it made, under a heading (a walkthrough saw two paths and nothing saying what)
    assert result.output.splitlines()[:3] == [
        "Made:",
        f"  {Path(typed) / 'data' / 'targets.toml'}",
        f"  {Path(typed) / 'data' / 'actuals.xlsx'}",
    ]


def test_a_language_chosen_by_lang_says_how_the_next_commands_keep_it(tmp_path: Path) -> None:
    """init --lang zh under an English locale: `sockprogress check`, as the next step says it,
    would speak English. The next step says how to keep Chinese; under a Chinese locale it
    needs no word."""
    keep = (
        "此后运行各命令时加 --lang zh，或设置环境变量 SOCKPROGRESS_LANG=zh（设置一次即可），"
        "即以中文显示"
    )
    english_locale = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "SOCKPROGRESS_LANG": ""}
    said = CliRunner().invoke(
        main, ["init", "--lang", "zh", str(tmp_path / "a")], env=english_locale
    )
    assert said.exit_code == 0 and keep in said.output
    chinese_locale = {**english_locale, "LANG": "zh_CN.UTF-8"}
    quiet = CliRunner().invoke(main, ["init", str(tmp_path / "b")], env=chinese_locale)
    assert quiet.exit_code == 0 and "下一步" in quiet.output and keep not in quiet.output


def _without(entry: dict[str, object], *keys: str) -> dict[str, object]:
    return {k: v for k, v in entry.items() if k not in keys}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_init_gives_the_goals_without_the_notes_on_the_compiled_figures(
    tmp_path: Path, lang: str
) -> None:
    """The shipped goals' notes speak of the figures this project compiled from articles ("not
    assessable: no figure has been published", "Liaoning Daily reported 2 such firms … so it
    decides the goal"), and its issuer is "Compiled from public sources". In an office's folder,
    whose workbook is empty until the office fills it, init wrote them beside "no data yet".
    Now the goals, regions and context indicators are the shipped ones key for key, without
    the goals' and indicators' notes and the issuer; the comments speak the run's language."""
    folder = tmp_path / "office"
    result = CliRunner().invoke(main, ["init", "--lang", lang, str(folder)])
    assert result.exit_code == 0, result.output
    text = (folder / "data" / "targets.toml").read_text("utf-8")
    written, shipped = tomllib.loads(text), tomllib.loads(SHIPPED.read_text("utf-8"))
    assert written["targets"] == [_without(t, "note", "note_zh") for t in shipped["targets"]]
    assert written["indicators"] == [_without(i, "note") for i in shipped["indicators"]]
    assert written["regions"] == shipped["regions"]
    assert written["report"] == _without(shipped["report"], "issuer", "issuer_zh")
    assert any("note" in t for t in shipped["targets"])  # there was something to leave out
    for compiled in ("Not assessable", "so it decides", "Compiled from public", "据公开资料"):
        assert compiled not in text
    comments = [line for line in text.splitlines() if line.startswith("# ") and "=" not in line]
    comments = [c for c in comments if not c.startswith("# [")]
    han = [c for c in comments if any("\u4e00" <= ch <= "\u9fff" for ch in c)]
    # in English only the year's example names its Chinese terms (年度目标, 1—N月)
    assert len(comments) >= 9 and len(han) == (len(comments) if lang == "zh" else 2), comments

    data, reports = folder / "data", folder / "reports"
    args = ["--targets", str(data / "targets.toml"), "--actuals", str(data / "actuals.xlsx")]
    args += ["--out", str(reports), "--as-of", "2026-10", "--format", "html", "--lang", lang]
    report = CliRunner().invoke(main, ["report", *args])
    assert report.exit_code == 0, report.output
    (written_page,) = reports.glob("progress-2026-10*.html")
    page = written_page.read_text("utf-8")
    # the goals' cards say what the goal is, and nothing of figures the office never gave
    assert ("Sock firms above designated size" if lang == "en" else "规模以上袜业企业数") in page
    assert "Japanese edition" not in page and "日文版" not in page


@given(
    st.one_of(
        st.text(),
        st.integers(min_value=-(2**63), max_value=2**63 - 1),
        st.floats(allow_nan=False, allow_infinity=False),
        st.dates(),
        st.booleans(),
        st.dictionaries(st.sampled_from(["period", "value"]), st.text() | st.integers()),
    )
)
def test_a_value_written_for_the_targets_file_reads_back_as_itself(value: object) -> None:
    assert tomllib.loads(f"x = {toml_value(value)}\n")["x"] == value


# Names of the shipped goals, which a blank folder's files must not give as examples.
SHIPPED_NAMES = ("小北河", "袜", "Xiaobeihe", "sock_", "Liaoyuan", "辽源")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_blank_folder_gives_no_other_offices_names_and_a_value_in_its_goals_unit(
    tmp_path: Path, lang: str
) -> None:
    """A county's clerk (a newcomer's find) read 小北河, 袜子年产量 and "35亿双填3500000000" in the
    how-to of his blank workbook, and wrote 343.2亿元 as 34320000000. A blank folder's how-to and
    targets file give no shipped goal's name, and a figure is written in its goal's unit."""
    result = CliRunner().invoke(main, ["--lang", lang, "init", str(tmp_path), "--blank"])
    assert result.exit_code == 0, result.output
    wb = load_workbook(tmp_path / "data" / "actuals.xlsx")
    howto = [str(c.value) for row in wb.worksheets[1].iter_rows() for c in row if c.value]
    targets = (tmp_path / "data" / "targets.toml").read_text("utf-8")
    for text in (*howto, targets):
        assert not any(name in text for name in SHIPPED_NAMES), text
    value = next(line for line in howto if line.startswith(("数值——", "value —")))
    assert ("343.2亿元填343.2" if lang == "zh" else "343.2 for 343.2亿 yuan") in value
    # the command's example is the targets file's example goal for the year, in its region
    command = next(line for line in howto if "actuals add --region" in line)
    region = "某县" if lang == "zh" else "Region"
    assert f"--region {region} " in command and 'name_zh = "某县"' in targets
    # the shipped office's how-to keeps its own names
    office = tmp_path / "office"
    assert CliRunner().invoke(main, ["--lang", lang, "init", str(office)]).exit_code == 0
    shipped = load_workbook(office / "data" / "actuals.xlsx").worksheets[1]
    lines = [str(c.value) for row in shipped.iter_rows() for c in row if c.value]
    assert any("小北河" in line or "Xiaobeihe" in line for line in lines)
