"""`check`: its lines, its summary and its exit code say the same thing (issue 22).

An error is a row left out of the report, a warning a row used with a caveat or a goal without
any figure; `check` used to summarise a left-out row as "0 errors (rows left out)". Figures in
the synthetic workbooks are made up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from helpers import target_toml, write_actuals, write_targets

from sockprogress.cli import main

TARGETS = "\n".join(
    [
        target_toml(id="w", region="Testville", indicator="widgets"),
        target_toml(id="g", region="Testville", indicator="gadgets"),
    ]
)
WIDGETS = [("Testville", "widgets", "2021", 100), ("Testville", "widgets", "2022", 120)]
GADGETS = [("Testville", "gadgets", "2021", 10), ("Testville", "gadgets", "2022", 12)]


def _check(tmp_path: Path, rows: Sequence[Sequence[Any]], lang: str = "en") -> Result:
    targets = write_targets(tmp_path / "targets.toml", TARGETS)
    actuals = write_actuals(tmp_path / "actuals.xlsx", rows)
    args = ["check", "--as-of", "2025-10", "--targets", str(targets), "--actuals", str(actuals)]
    return CliRunner().invoke(main, [*args, "--lang", lang])


def _labelled(output: str, label: str) -> int:
    """The problems the lines with this label say: one, or a group's count of rows
    (`rows 4–5 (2 rows)` / `第4—5行（共2行）`)."""
    marks = (f": {label}: ", f"：{label}：")
    said = 0
    for line in output.splitlines():
        if not any(m in line for m in marks):
            continue
        count = re.search(r"\(([\d,]+) rows\)|（共(\d+)行）", line)
        said += int((count.group(1) or count.group(2)).replace(",", "")) if count else 1
    return said


@pytest.mark.parametrize(
    ("rows", "lang", "summary"),
    [
        (
            # a row of a region no goal has is left out: an error, however judging files it
            [*WIDGETS, *GADGETS, ("Testvile", "widgets", "2023", 130)],
            "en",
            "1 problem: 1 error (a row left out), no warnings",
        ),
        (
            [*WIDGETS, ("Testvile", "widgets", "2023", 130)],
            "en",
            "2 problems: 1 error (a row left out), 1 warning (1 is a goal without any figure yet)",
        ),
        (
            [*WIDGETS, ("Testvile", "widgets", "2023", 130)],
            "zh",
            "问题2条：错误1条（所在行未采用），提示1条（其中1条为目标尚无数据）",
        ),
        (
            [*WIDGETS, ("Testvile", "widgets", "2023", 130), ("Testvile", "widgets", "2024", 1)],
            "en",
            "3 problems: 2 errors (rows left out), 1 warning (1 is a goal without any figure yet)",
        ),
        (
            WIDGETS,
            "en",
            "1 problem: no errors (no row left out), 1 warning (1 is a goal without any figure "
            "yet)",
        ),
        (
            WIDGETS,
            "zh",
            "问题1条：无错误（所有行均已采用），提示1条（其中1条为目标尚无数据）",
        ),
    ],
)
def test_the_summary_counts_what_the_lines_say(
    tmp_path: Path, rows: Sequence[Sequence[Any]], lang: str, summary: str
) -> None:
    result = _check(tmp_path, rows, lang)
    assert result.exit_code == 1, result.output
    assert summary in result.output
    errors = _labelled(result.output, "error" if lang == "en" else "错误")
    warnings = _labelled(result.output, "warning" if lang == "en" else "提示")
    if lang == "en":
        said = re.search(r"(\d+|no) errors?.*?(\d+|no) warnings?", summary)
    else:
        said = re.search(r"(错误(\d+)条|无错误).*?提示(\d+)条", summary)
    assert said is not None
    numbers = [int(n) if n and n.isdigit() else 0 for n in said.groups()[-2:]]
    assert numbers == [errors, warnings], result.output


def test_nothing_listed_is_exit_0(tmp_path: Path) -> None:
    for lang, said in (("en", "no problems found"), ("zh", "未发现问题")):
        result = _check(tmp_path, [*WIDGETS, *GADGETS], lang)
        assert result.exit_code == 0, result.output
        assert said in result.output
        assert _labelled(result.output, "warning") == _labelled(result.output, "error") == 0


def test_the_shipped_data_says_its_rows_are_fine(shipped: tuple[Path, Path]) -> None:
    targets, actuals = shipped
    files = ["--targets", str(targets), "--actuals", str(actuals), "--as-of", "2026-10"]
    english = CliRunner().invoke(main, ["check", *files])
    assert english.exit_code == 1
    assert english.output.splitlines()[-1] == (
        "2 problems: no errors (no row left out), 2 warnings (2 are goals without any figure yet)"
    )
    chinese = CliRunner().invoke(main, ["check", *files, "--lang", "zh"])
    assert chinese.output.splitlines()[-1] == (
        "问题2条：无错误（所有行均已采用），提示2条（其中2条为目标尚无数据）"
    )


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "actuals.xlsx, sheet Actuals, column source, rows 4–5 (2 rows): warning: the figure "
            "has no source, so the report shows it without one; give the article or bulletin it "
            "comes from",
        ),
        (
            "zh",
            "actuals.xlsx，工作表“Actuals”，“资料来源”列，第4—5行（共2行）：提示：该数据未注明来源，"
            "报告中将无出处；请注明所据的报道或公报",
        ),
    ],
)
def test_a_figure_without_its_source_is_a_warning(tmp_path: Path, lang: str, said: str) -> None:
    """A newcomer's find: a row without a source was used, shown without one, and `check` said
    nothing (only `actuals add` warned). Every figure the report shows is sourced: one without
    is a warning on its row, grouped once (an example would only say the same again)."""
    unsourced = [(*row, None, "") for row in GADGETS]
    result = _check(tmp_path, [*WIDGETS, *unsourced], lang)
    assert result.exit_code == 1, result.output
    assert said in result.output.splitlines(), result.output
