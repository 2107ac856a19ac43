"""`actuals add` refuses a region or indicator the targets file does not name (issue 22).

A misspelled name used to be stored with a warning and exit 0, then left out of the report. Now
it is refused before anything is touched, with the closest known names (codes and Chinese
names, in the reader's language); `--new` stores a new one on purpose. Figures are synthetic.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from helpers import SYNTHETIC, target_toml, write_targets

from sockprogress.cli import main
from sockprogress.editing.blank import new_actuals_workbook
from sockprogress.reading import read_actuals

Q = "\N{FULLWIDTH QUESTION MARK}"
TARGETS = "\n".join(
    [
        target_toml(id="x-output", region="Xiaobeihe", indicator="sock_output"),
        'name_zh = "袜子年产量"',
        target_toml(id="l-capacity", region="Liaoyuan", indicator="sock_capacity"),
        'name_zh = "袜子年产能"',
        "[[regions]]",
        'region = "Xiaobeihe"',
        'name_zh = "小北河"',
        "[[regions]]",
        'region = "Liaoyuan"',
        'name_zh = "辽源"',
        "[[regions]]",
        'region = "Dongfeng"',  # listed without a Chinese name, and no goal of its own
        "[[indicators]]",
        'indicator = "looms"',
        'name = "Computerised sock looms"',
        'name_zh = "电脑织袜机"',
    ]
)


@pytest.fixture
def folder(tmp_path: Path) -> tuple[Path, Path]:
    targets = write_targets(tmp_path / "targets.toml", TARGETS)
    workbook = tmp_path / "actuals.xlsx"
    wb = new_actuals_workbook(
        [["Xiaobeihe", "sock_output", "2023", 100, None, "synthetic", None]],
        ["Xiaobeihe", "Liaoyuan"],
        ["sock_output", "sock_capacity"],
    )
    wb.save(workbook)
    return targets, workbook


def _add(
    folder: tuple[Path, Path], region: str, indicator: str, *extra: str, lang: str = "en"
) -> Result:
    targets, workbook = folder
    args = ["actuals", "add", "--actuals", str(workbook), "--targets", str(targets)]
    args += ["--region", region, "--indicator", indicator, "--period", "2024", "--value", "120"]
    args += ["--source", SYNTHETIC]
    return CliRunner().invoke(main, [*args, *extra, "--lang", lang])


@pytest.mark.parametrize(
    ("region", "indicator", "lang", "said"),
    [
        (
            "Xiaobeihr",
            "sock_output",
            "en",
            "Error: --region: 'Xiaobeihr' is not a region of targets.toml (did you mean "
            "Xiaobeihe (小北河)?); correct it, or add --new to store a new region on purpose",
        ),
        (
            "小北和",
            "sock_output",
            "en",
            "Error: --region: '小北和' is not a region of targets.toml (did you mean "
            "Xiaobeihe (小北河)?)",
        ),
        (
            "小北和",
            "袜子年产量",
            "zh",
            f"错误：--region：“小北和”不是 targets.toml 中的地区（是否应为小北河（Xiaobeihe）{Q}）",
        ),
        (
            "xiaobeihr",
            "sock_output",
            "zh",
            f"（是否应为小北河（Xiaobeihe）{Q}）；请更正，如确为新地区，请加 --new",
        ),
        (
            "Xiaobeihe",
            "sock_outptu",
            "en",
            "Error: --indicator: 'sock_outptu' is not an indicator of targets.toml (did you "
            "mean sock_output (袜子年产量)",
        ),
        (
            "辽源",
            "电脑织袜器",
            "zh",
            "错误：--indicator：“电脑织袜器”不是 targets.toml 中的指标"
            "（是否应为电脑织袜机（looms）",
        ),
        (
            "Xiaobeihe",
            "zzz",
            "en",
            "(its indicators: sock_output (袜子年产量), sock_capacity (袜子年产能), "
            "looms (电脑织袜机)); correct it, or add --new",
        ),
    ],
)
def test_an_unknown_name_is_refused_with_the_closest_known_ones(
    folder: tuple[Path, Path], region: str, indicator: str, lang: str, said: str
) -> None:
    before = folder[1].read_bytes()
    result = _add(folder, region, indicator, lang=lang)
    assert result.exit_code == 2, result.output
    assert said in result.output
    assert folder[1].read_bytes() == before  # nothing written, not even a backup
    assert not (folder[1].parent / "backups").exists()


def test_every_name_the_targets_file_gives_is_accepted(folder: tuple[Path, Path]) -> None:
    # a [[regions]] entry without a goal or a Chinese name, and an [[indicators]] entry
    result = _add(folder, "Dongfeng", "looms")
    assert result.exit_code == 0, result.output
    assert "Warning" not in result.output
    result = _add(folder, "小北河", "电脑织袜机")
    assert result.exit_code == 0, result.output
    rows = read_actuals(folder[1]).rows
    assert list(zip(rows["region"], rows["indicator"], strict=True))[-2:] == [
        ("Dongfeng", "looms"),
        ("Xiaobeihe", "looms"),
    ]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_new_stores_a_new_name_on_purpose(folder: tuple[Path, Path], lang: str) -> None:
    result = _add(folder, "Xiaobeihr", "sock_output", "--new", lang=lang)
    assert result.exit_code == 0, result.output
    assert list(read_actuals(folder[1]).rows["region"]) == ["Xiaobeihe", "Xiaobeihr"]
    warning = {
        "en": "Warning: region 'Xiaobeihr' is named by no target and no [[regions]] entry",
        "zh": "提示：",
    }[lang]
    assert warning in result.output


def test_a_targets_file_without_names_says_to_write_the_goals_first(tmp_path: Path) -> None:
    targets = write_targets(tmp_path / "targets.toml", "# no goals yet\n")
    workbook = tmp_path / "actuals.xlsx"
    new_actuals_workbook().save(workbook)
    for lang, said in (
        ("en", "--region: 'Xiaobeihe': targets.toml names no region yet; write your goals"),
        ("zh", "--region：targets.toml 中尚无任何地区"),
    ):
        result = _add((targets, workbook), "Xiaobeihe", "sock_output", lang=lang)
        assert result.exit_code == 2 and said in result.output, result.output
    assert _add((targets, workbook), "Xiaobeihe", "sock_output", "--new").exit_code == 0
