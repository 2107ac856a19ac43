"""The Actuals sheet's `flags` column: codes or their Chinese words in, the reader's words out.

Every figure here is made up (synthetic Testville widgets).
"""

from __future__ import annotations

import json
from html import unescape
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import write_actuals

from sockprogress import read_actuals
from sockprogress.cli import main
from sockprogress.reading.cells import CellProblem, clean_flags


@pytest.mark.parametrize(
    ("cell", "codes"),
    [
        (None, ""),
        ("", ""),
        ("month_presumed", "month_presumed"),
        ("Month presumed", "month_presumed"),
        ("repost, month_presumed", "month_presumed,repost"),  # in FLAGS order
        ("月份为推定、据转载", "month_presumed,repost"),
        ("按下限录入；外文版", "lower_bound,foreign_edition"),
        ("approximate,approximate", "approximate"),
    ],
)
def test_a_flags_cell_reads_as_codes(cell: object, codes: str) -> None:
    assert clean_flags(cell) == codes


def test_an_unknown_flag_is_a_problem_of_the_cell() -> None:
    with pytest.raises(CellProblem) as caught:
        clean_flags("month_presumed, guessed")
    assert caught.value.code == "flag_unknown"
    assert ("flag", "guessed") in caught.value.params


def test_the_reader_keeps_the_flags_and_names_a_bad_one(tmp_path: Path) -> None:
    book = write_actuals(
        tmp_path / "a.xlsx",
        [
            ("Testville", "widgets", "2022-06", 150, None, "src", "n", "月份为推定"),
            ("Testville", "widgets", "2023-06", 160, None, "src", "n", "guessed"),
        ],
    )
    actuals = read_actuals(book)
    assert actuals.rows["flags"].tolist() == ["month_presumed"]
    (issue,) = [i for i in actuals.issues if i.code == "flag_unknown"]
    assert (issue.severity, issue.row, issue.column) == ("error", 3, "flags")


@pytest.mark.parametrize(
    ("lang", "where"), [("zh", "第3行，“标注”列：错误："), ("en", "row 3, column flags: error:")]
)
def test_a_bad_flag_names_its_column_as_the_sheet_heads_it(
    tmp_path: Path, targets: Path, lang: str, where: str
) -> None:
    """A newcomer's find: a Chinese `check` named the column “flags”列, which the Chinese sheet
    heads 标注."""
    book = write_actuals(
        tmp_path / "a.xlsx",
        [
            ("Testville", "widgets", "2022-06", 150, None, "src", "n", "月份为推定"),
            ("Testville", "widgets", "2023-06", 160, None, "src", "n", "大约"),
        ],
    )
    args = ["--lang", lang, "check", "--targets", str(targets), "--actuals", str(book)]
    result = CliRunner().invoke(main, args)
    assert where in result.output
    assert "“flags”" not in result.output


def test_the_report_words_each_flag_in_its_readers_language(tmp_path: Path, targets: Path) -> None:
    book = write_actuals(
        tmp_path / "a.xlsx",
        [
            (
                "Testville",
                "widgets",
                "2024-06",
                150,
                None,
                "Weekly, 2024",
                "“…”",
                "month_presumed, repost",
            )
        ],
    )
    said = {
        "en": ("150 units (Jun 2024, level at period end; month presumed)", "original not found"),
        "zh": ("2024年6月", "月份为推定"),
    }
    for lang in ("en", "zh"):
        out = tmp_path / lang
        args = ["report", "--targets", str(targets), "--actuals", str(book), "--out", str(out)]
        result = CliRunner().invoke(main, [*args, "--as-of", "2024-10", "--lang", lang])
        assert result.exit_code == 0, result.output
        page = next(out.glob("*.html"))
        html = unescape(page.read_text(encoding="utf-8"))
        for words in said[lang]:
            assert words in html, (lang, words)
        if lang == "zh":
            assert "未见原始报道，据转载" in html and "repost" not in html.split("<body")[1]
        data = json.loads(next(out.glob("*.json")).read_text(encoding="utf-8"))
        (target,) = data["targets"]
        assert target["latest_flags"] == ["month_presumed", "repost"]
        assert target["observations"][-1]["flags"] == ["month_presumed", "repost"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_flag_as_printed_reads_back_as_itself(lang: str) -> None:
    """A clerk who copies a flag from the report into the 标注 column gets the same flag."""
    from sockprogress.model import FLAGS
    from sockprogress.words.words import Words

    words = Words.of(lang)
    for code in FLAGS:
        (printed,) = words.flag_words([code])
        if lang == "en":
            printed = code  # an English sheet takes the codes
        assert clean_flags(printed) == code, (lang, printed)
