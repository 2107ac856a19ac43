"""A unit that counts in 万 or 亿 already (亿元, 万双), as a Chinese office may write it.

A newcomer wrote `unit = "亿元"` with the goal in full (3,600,000,000): every output said
"36亿亿元", and `check` found nothing. Figures in such a unit are shown as written, never scaled
again, and a goal written in full in it is a warning located in targets.toml. Every figure here
is made up.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import park_year_goal, write_actuals

from sockprogress.cli import main
from sockprogress.words.words import Words, counted_in


def office(folder: Path, unit: str, goal: float, ytd: float) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    targets = folder / "targets.toml"
    targets.write_text(park_year_goal(unit, goal), encoding="utf-8")
    rows = [("Testpark", "output_value", "2026-11", ytd, "ytd")]
    return targets, write_actuals(folder / "actuals.xlsx", rows)


def run(command: str, targets: Path, actuals: Path, lang: str, out: Path) -> tuple[int, str]:
    args = [command, "--targets", str(targets), "--actuals", str(actuals), "--lang", lang]
    if command == "report":
        args += ["--as-of", "2026-11", "--out", str(out)]
    result = CliRunner().invoke(main, args)
    return result.exit_code, result.output


def test_which_units_count_in_a_scale() -> None:
    assert [counted_in(u) for u in ("亿元", "万双", "万吨标准煤", "百万元")] == [1e8, 1e4, 1e4, 1e6]
    # 千克 and 千瓦时 are units of their own; 元, 双 and yuan count in ones
    assert [counted_in(u) for u in ("千克", "千瓦时", "元", "双", "yuan", "")] == [1.0] * 6


@pytest.mark.parametrize(
    ("lang", "right", "in_full"),
    [("zh", "36亿元", "3600000000亿元"), ("en", "36 亿元", "3,600,000,000 亿元")],
)
def test_a_figure_in_such_a_unit_is_shown_as_written(lang: str, right: str, in_full: str) -> None:
    words = Words.of(lang)
    assert words.scaled(36, "亿元") == right
    assert words.scaled(3.6e9, "亿元") == in_full  # never 36亿亿元
    assert words.scaled_unit(36, "亿元") == ("亿元", 1.0)
    assert "亿亿" not in words.scaled(3.6e9, "yuan")  # 36亿元 / 3.6 bn yuan, as before


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "zh",
            "targets.toml：提示：“测试园区·工业总产值”：计量单位“亿元”已含“亿”，目标值却疑似按全数"
            "填写（3600000000亿元）；请改为按亿元填写（36），或将单位改为不含“亿”的单位",
        ),
        (
            "en",
            "targets.toml: warning: target output-2026: its unit 亿元 counts in 亿 already, yet "
            "its goal is written in full (3,600,000,000 亿元); write the goal in 亿元 (36), or a "
            "unit without 亿 and the goal in full",
        ),
    ],
)
def test_a_goal_written_in_full_in_such_a_unit_is_said(
    tmp_path: Path, lang: str, said: str
) -> None:
    targets, actuals = office(tmp_path, "亿元", 3_600_000_000, 3_300_000_000)
    code, output = run("check", targets, actuals, lang, tmp_path / "out")
    assert code == 1, output  # check lists something; the report is still written
    assert said in output.splitlines(), output
    code, output = run("report", targets, actuals, lang, tmp_path / "out")
    assert code == 0 and said in output.splitlines(), output
    for page in (tmp_path / "out").glob("*.html"):
        assert "亿亿" not in page.read_text(encoding="utf-8")


def test_a_huge_goal_in_a_unit_of_its_own_is_no_such_warning(tmp_path: Path) -> None:
    """10万亿 yuan is a large goal, not a unit's scale said twice (the property tests' find:
    the check looked for the scale's name in a unit that had none)."""
    targets, actuals = office(tmp_path, "yuan", 10_000_000_000_000, 3_300_000_000)
    code, output = run("check", targets, actuals, "en", tmp_path / "out")
    assert code in (0, 1) and "counts in" not in output, output


def test_a_goal_written_in_its_unit_reads_as_written(tmp_path: Path) -> None:
    """36 (亿元) and 1—11月 of 33 (亿元): no warning, and the page says 36亿元 and 33亿元."""
    targets, actuals = office(tmp_path, "亿元", 36, 33)
    code, output = run("report", targets, actuals, "zh", tmp_path / "out")
    # the one warning is that 2025's months are not given (no 同比): none on the unit
    warned = [line for line in output.splitlines() if "提示：" in line]
    assert code == 0 and len(warned) == 1 and "累计同比增速" in warned[0], output
    page = (tmp_path / "out" / "progress-2026-11.zh.html").read_text(encoding="utf-8")
    assert "亿亿" not in page
    assert "1—11月完成33亿元" in page and "2026年全年36亿元" in page


@pytest.mark.parametrize(
    ("lang", "goal", "done"), [("zh", "343.2亿元", "280.5亿元"), ("en", "343.2 亿元", "280.5 亿元")]
)
def test_a_figure_of_a_hundred_or_more_in_such_a_unit_keeps_its_decimals(
    lang: str, goal: str, done: str
) -> None:
    """A newcomer's find: a county's goal of 343.2亿元 and its 1—10月 figure of 280.5亿元 read
    "目标为2026年全年343亿元。1—10月完成280亿元" in the Word bulletin, under a table that said
    343.2 and 280.5: a hundred or more was said whole, right for 2,685 yuan, not for a unit that
    counts in 亿 (a published goal restated)."""
    words = Words.of(lang)
    assert (words.scaled(343.2, "亿元"), words.scaled(280.5, "亿元")) == (goal, done)
    assert words.scaled(2684.56, "yuan").startswith("2,685" if lang == "en" else "2685")


@pytest.mark.parametrize(
    ("value", "unit", "said"),
    [("3149.13", "", "3149.13"), ("2600000000", "", "26亿"), ("1083.0", "亿元", "1083")],
)
def test_a_figure_echoed_in_a_chinese_message_keeps_every_digit(
    value: str, unit: str, said: str
) -> None:
    """A figure a clerk typed, echoed in a message (已有…的数据（108亿元） for 108.3): every digit
    it has, as 亿 where it counts in ones, and in a unit that counts in 亿 as written, not grouped
    as English groups (1,083亿元)."""
    assert Words.of("zh").param("value", value, {"value": ",.10g"}, unit=unit) == said


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "zh",
            "actuals.xlsx，工作表“Actuals”，第2行，“数值”列：错误：“290.5亿”带有“亿”“万”字样，但该"
            "指标的计量单位为亿元，数值应直接按亿元填写，不带“亿”“万”；请改为：290.5",
        ),
        (
            "en",
            "actuals.xlsx, sheet Actuals, row 2, column value: error: '290.5亿' is read in full, "
            "but this series is counted in 亿元 (its figures are written in 亿元); type 290.5",
        ),
    ],
)
def test_a_figure_typed_with_its_scale_in_a_series_in_such_a_unit_is_refused_with_the_figure(
    tmp_path: Path, lang: str, said: str
) -> None:
    """A newcomer typed 290.5亿 in the value cell of a goal in 亿元: it was read in full,
    29,050,000,000亿元, with a warning only, and the report said the year's goal was achieved
    8,464,452,214.5% over. It is an error, its row left out, with the figure to type, as
    `actuals add --value 290.5亿` refuses it. In a unit of its own (yuan) it is read in full."""
    targets, actuals = office(tmp_path / lang, "亿元", 343.2, 300.0)
    rows = [("Testpark", "output_value", "2026-11", "290.5亿", "ytd")]
    actuals = write_actuals(tmp_path / lang / "actuals.xlsx", rows)
    code, output = run("check", targets, actuals, lang, tmp_path / "out")
    assert code == 1
    assert said in output.splitlines()
    code, output = run("report", targets, actuals, lang, tmp_path / "out")
    assert code == 0
    judged = json.loads(next((tmp_path / "out").glob("*.json")).read_text(encoding="utf-8"))
    assert judged["targets"][0]["status"] == "not_assessable"  # its only row left out
    assert judged["targets"][0]["latest_value"] is None
    # the same cell for a goal in yuan is 29,050,000,000 yuan, read with a warning, as before
    targets, _ = office(tmp_path / f"{lang}-yuan", "yuan", 343.2e8, 300.0e8)
    code, output = run("check", targets, actuals, lang, tmp_path / "out-yuan")
    read = {"zh": "“290.5亿”以文本形式存储，已按29050000000读取", "en": "read as 29,050,000,000"}
    assert read[lang] in output
    assert ": error: " not in output and "：错误：" not in output
