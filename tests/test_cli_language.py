"""The terminal speaks the report's language: --lang, then $SOCKPROGRESS_LANG, then the locale."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from sockprogress.cli import main
from sockprogress.words import default_lang
from sockprogress.words.catalogue import source_said
from sockprogress.words.words import Words


@pytest.mark.parametrize(
    ("environ", "lang", "source"),
    [
        ({}, "en", "no locale set"),
        ({"LANG": "zh_CN.UTF-8"}, "zh", "$LANG=zh_CN.UTF-8"),
        ({"LANG": "zh_TW.UTF-8"}, "zh", "$LANG=zh_TW.UTF-8"),
        ({"LANG": "C.UTF-8"}, "en", "$LANG=C.UTF-8"),
        ({"LANG": "de_DE.UTF-8"}, "en", "$LANG=de_DE.UTF-8"),
        ({"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}, "en", "$LC_MESSAGES=en_GB.UTF-8"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, "zh", "$LC_ALL=zh_CN.UTF-8"),
        ({"LANG": "zh_CN.UTF-8", "SOCKPROGRESS_LANG": "en"}, "en", "$SOCKPROGRESS_LANG"),
        ({"LANG": "en_US.UTF-8", "SOCKPROGRESS_LANG": "zh"}, "zh", "$SOCKPROGRESS_LANG"),
        # written as a locale, or in capitals, it means the same (it was ignored)
        ({"LANG": "en_US.UTF-8", "SOCKPROGRESS_LANG": "zh_CN"}, "zh", "$SOCKPROGRESS_LANG"),
        ({"LANG": "en_US.UTF-8", "SOCKPROGRESS_LANG": "ZH"}, "zh", "$SOCKPROGRESS_LANG"),
        ({"SOCKPROGRESS_LANG": "zh-CN.UTF-8"}, "zh", "$SOCKPROGRESS_LANG"),
        # a language without a catalogue: the locale decides, as without the variable
        ({"LANG": "zh_CN.UTF-8", "SOCKPROGRESS_LANG": "fr"}, "zh", "$LANG=zh_CN.UTF-8"),
    ],
    ids=[
        "none",
        "zh_CN",
        "zh_TW",
        "C",
        "de",
        "lc_messages",
        "lc_all",
        "env-en",
        "env-zh",
        "env-zh_CN",
        "env-ZH",
        "env-zh-CN",
        "env-fr",
    ],
)
def test_the_default_language_follows_the_environment(
    environ: dict[str, str], lang: str, source: str
) -> None:
    assert default_lang(environ) == (lang, source)


@pytest.mark.parametrize(
    ("environ", "windows", "lang", "said"),
    [
        # a Windows console sets no locale variable: the display language decides
        ({}, 0x0804, "zh", "the Windows display language zh_CN"),
        ({}, 0x0404, "zh", "the Windows display language zh_TW"),
        ({}, 0x0409, "en", "the Windows display language en_US"),
        ({}, 0x0407, "en", "no locale set"),  # German: no catalogue, English
        ({}, None, "en", "no locale set"),  # not Windows
        ({"LANG": "en_US.UTF-8"}, 0x0804, "en", "$LANG=en_US.UTF-8"),  # a locale set wins
        ({"SOCKPROGRESS_LANG": "en"}, 0x0804, "en", "$SOCKPROGRESS_LANG"),
    ],
    ids=["zh_CN", "zh_TW", "en_US", "de_DE", "none", "lang-wins", "env-wins"],
)
def test_on_windows_the_display_language_decides(
    environ: dict[str, str], windows: int | None, lang: str, said: str
) -> None:
    found, source = default_lang(environ, system=lambda: windows)
    assert (found, source_said(source, Words.of("en"))) == (lang, said)


def test_where_the_language_came_from_is_said_in_chinese() -> None:
    _, source = default_lang({}, system=lambda: 0x0804)
    assert source_said(source, Words.of("zh")) == "Windows显示语言zh_CN"


def run(shipped: tuple[Path, Path], command: str, *extra: str, **env: str) -> Result:
    targets, actuals = shipped
    args = [command, "--targets", str(targets), "--actuals", str(actuals), "--as-of", "2026-10"]
    return CliRunner().invoke(main, [*args, *extra], env=env)


def test_report_speaks_chinese_in_a_chinese_locale(
    shipped: tuple[Path, Path], tmp_path: Path
) -> None:
    result = run(shipped, "report", "--out", str(tmp_path), LANG="zh_CN.UTF-8")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    # laid out as `check` lays it out: where, the label, the message and what to do
    assert lines[0] == (
        "actuals.xlsx，工作表“Actuals”：提示：“辽源·服装年产能”目标暂无数据；"
        "请在该工作表中补录已公布的数据"
    )
    assert "【2026年10月】2025年末到期的8项目标中，1项未完成，" in result.output
    assert "【2026年10月】共8项目标，其中未完成1项，待期末数据5项，暂无法评估2项；数据审核提示" in (
        result.output
    )
    # the month tags the line, so that no colon follows another (GB/T 15834), and a status
    # label reads as the summary table writes it (，inside a label; 、 between goals' names)
    assert "【2026年10月】未完成：小北河规模以上袜业企业数" in result.output
    assert "；待期末数据，预计难以完成：小北河袜业企业数、" in result.output
    assert '<html lang="zh-CN">' in (tmp_path / "progress-2026-10.zh.html").read_text("utf-8")


def test_the_flag_wins_over_the_locale(shipped: tuple[Path, Path], tmp_path: Path) -> None:
    result = run(shipped, "report", "--out", str(tmp_path), "--lang", "en", LANG="zh_CN.UTF-8")
    assert result.exit_code == 0, result.output
    assert "2026-10: 8 targets — 1 missed, 5 awaiting final figure, 2 not assessable" in (
        result.output
    )
    assert "待期末数据" not in result.output


def test_check_lists_problems_and_hints_in_chinese(shipped: tuple[Path, Path]) -> None:
    result = run(shipped, "check", SOCKPROGRESS_LANG="zh")
    assert result.exit_code == 1
    assert (
        "actuals.xlsx，工作表“Actuals”：提示：“辽源·服装年产能”目标暂无数据；"
        "请在该工作表中补录已公布的数据"
    ) in result.output
    assert "问题2条：无错误（所有行均已采用），提示2条（其中2条为目标尚无数据）" in result.output
    english = run(shipped, "check")
    assert "no rows for target liaoyuan-clothing-capacity" in english.output
    assert "; add its published figures to the sheet" in english.output
    assert (
        "2 problems: no errors (no row left out), 2 warnings (2 are goals without any figure yet)"
    ) in english.output


def test_an_error_line_speaks_the_language(shipped: tuple[Path, Path], tmp_path: Path) -> None:
    targets, _ = shipped
    result = CliRunner().invoke(
        main,
        [
            "report",
            "--targets",
            str(targets),
            "--actuals",
            str(tmp_path / "nope.xlsx"),
            "--lang",
            "zh",
        ],
    )
    assert result.exit_code == 2
    assert result.output.startswith("错误：")


@pytest.mark.parametrize("command", [["report"], ["check"], ["actuals", "add"]])
def test_help_shows_the_default_that_applies(command: list[str]) -> None:
    chinese = CliRunner().invoke(main, [*command, "--help"], env={"LANG": "zh_CN.UTF-8"})
    assert "[默认：zh（依据 $LANG=zh_CN.UTF-8）]" in " ".join(chinese.output.split())
    plain = CliRunner().invoke(main, [*command, "--help"], env={"LANG": "C.UTF-8"})
    assert "[default: en, from $LANG=C.UTF-8]" in " ".join(plain.output.split())


def test_the_progress_bar_names_its_steps_in_the_language() -> None:
    from sockprogress.cli import step_words

    assert step_words("reading actuals.xlsx", Words.of("zh")) == "正在读取 actuals.xlsx"
    assert step_words("rendering html", Words.of("en")) == "rendering html"
    assert step_words("judging", Words.of("zh")) == "正在测算"
    assert step_words("something new", Words.of("zh")) == "something new"


@pytest.mark.parametrize("group", [[], ["actuals"]], ids=["main", "actuals"])
def test_the_list_of_commands_says_what_each_does_in_chinese(group: list[str]) -> None:
    """click shortens a command's help at a space: a Chinese one (no spaces) showed as "..."
    alone (check) or cut mid-word (init). Each is now its first sentence, or a clause of it."""
    from sockprogress.cli import SHORT_HELP_COLUMNS
    from sockprogress.words.width import display_width

    said = {}
    for lang in ("zh", "en"):
        result = CliRunner().invoke(main, [*group, "--help"], env={"SOCKPROGRESS_LANG": lang})
        assert result.exit_code == 0, result.output
        listed = result.output.split("命令：" if lang == "zh" else "Commands:")[1]
        said[lang] = dict(line.split(None, 1) for line in listed.strip().splitlines())
    assert said["zh"].keys() == said["en"].keys()
    for name, text in said["zh"].items():
        assert "..." not in text and "…" not in text, (name, text)
        assert display_width(text) <= SHORT_HELP_COLUMNS and any(c >= "\u4e00" for c in text)
        # a clause that leads into the rest ("…后") says nothing alone: refresh read
        # "修改目标文件中的目标、地区或指标后" (a newcomer's find)
        assert not text.endswith(("后", "时", "的", "如", "若", "在")), (name, text)
    if group:
        assert said["zh"]["refresh"] == "更新工作簿的下拉选项"
    if not group:
        assert said["zh"]["check"] == "审核目标文件和数据工作簿，逐条列出问题、所在行及处理建议"
        assert said["en"]["check"].endswith("...")  # click's own, by words, for English


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        # broken between Chinese characters, never before a closing mark nor after an opening
        (
            "目标文件（TOML），用于识别未知的地区和指标名称。",
            20,
            ["目标文件（TOML），用", "于识别未知的地区和指", "标名称。"],
        ),
        ("按单位（如双、元、户）写全数", 12, ["按单位（如", "双、元、户）", "写全数"]),
        # an English phrase breaks at its spaces only; [默认：…] stays whole
        (
            "the goals file  [默认：data/targets.toml]",
            16,
            ["the goals file", "[默认：data/targets.toml]"],
        ),
        ("", 10, []),
    ],
)
def test_help_text_is_wrapped_in_columns(text: str, width: int, lines: list[str]) -> None:
    from sockprogress.words.width import wrap

    assert wrap(text, width) == lines
