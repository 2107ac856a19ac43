"""Chinese data entry (issue 11, point 4): a region or indicator by its Chinese name, periods as
people type them, a Chinese header and basis words, and `init --lang zh`.

The figures in the synthetic workbooks are made up for the tests; the end-to-end test uses the
shipped targets.toml (as `init` copies it) with made-up figures in a temporary folder.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from helpers import SYNTHETIC, target_toml, write_actuals, write_targets
from openpyxl import load_workbook

from sockprogress.cli import main
from sockprogress.editing.add import add_row
from sockprogress.editing.blank import HOWTO, new_actuals_workbook
from sockprogress.editing.newrow import NewRow
from sockprogress.errors import InputError
from sockprogress.model import COLUMNS, HEADER_ZH
from sockprogress.periods import parse_period
from sockprogress.reading import load_targets, read_actuals
from sockprogress.reading.actuals import HEADINGS
from sockprogress.reading.names import names_of
from sockprogress.words.width import display_width
from sockprogress.words.words import Words

ROOT = Path(__file__).resolve().parents[2]
ZH_HEADER = ("地区", "指标", "时期", "数值", "数值类型", "资料来源", "备注", "标注")
# Synthetic goals whose region and indicator have Chinese names.
SYNTHETIC_ZH = (
    target_toml(baseline='{ period = "2021", value = 100 }', name_zh='"小部件数"')
    + '\n[[regions]]\nregion = "Testville"\nname_zh = "测试镇"\n'
)


@pytest.fixture
def goals(tmp_path: Path) -> Path:
    return write_targets(tmp_path / "targets.toml", SYNTHETIC_ZH)


def _add(workbook: Path, targets: Path, *options: str) -> Result:
    args = ["actuals", "add", "--actuals", str(workbook), "--targets", str(targets), *options]
    return CliRunner().invoke(main, args)


def test_the_shipped_chinese_names_stand_for_their_codes() -> None:
    names = names_of(load_targets(ROOT / "data" / "targets.toml"))
    assert names.code("region", "小北河") == "Xiaobeihe"
    assert names.code("region", "辽源") == "Liaoyuan"
    assert names.code("region", "Xiaobeihe") == "Xiaobeihe"
    assert names.code("indicator", "袜子年产量") == "sock_output"
    # A target's name_zh and its indicator's are both accepted for the same code.
    assert names.code("indicator", "年产值") == names.code("indicator", "袜业年产值")
    assert names.code("indicator", "袜业年产值") == "output_value"
    assert names.written("region", "Xiaobeihe", Words.of("zh")) == "小北河"
    assert names.written("region", "Xiaobeihe", Words.of("en")) == "Xiaobeihe"


@pytest.mark.parametrize(
    ("extra", "what", "codes"),
    [
        (
            target_toml(id="t2", indicator="gadgets", name_zh='"小部件数"'),
            "indicators",
            ("widgets", "gadgets"),
        ),
        (
            target_toml(id="t2", region="Otherville", region_zh='"测试镇"'),
            "regions",
            ("Testville", "Otherville"),
        ),
    ],
    ids=["indicator", "region"],
)
def test_a_chinese_name_for_two_codes_is_an_error_naming_both(
    tmp_path: Path, extra: str, what: str, codes: tuple[str, str]
) -> None:
    targets = write_targets(tmp_path / "targets.toml", SYNTHETIC_ZH, extra)
    with pytest.raises(InputError, match=f"stands for two {what}, '{codes[0]}' and '{codes[1]}'"):
        load_targets(targets)
    actuals = write_actuals(tmp_path / "actuals.xlsx", [("Testville", "widgets", "2022", 120)])
    result = CliRunner().invoke(
        main, ["check", "--targets", str(targets), "--actuals", str(actuals), "--lang", "en"]
    )
    assert result.exit_code == 2
    assert result.output.startswith("Error: targets.toml: the Chinese name")
    assert f"'{codes[0]}' and '{codes[1]}'" in result.output


def test_a_chinese_name_in_the_sheet_is_the_same_series_as_its_code(
    tmp_path: Path, goals: Path
) -> None:
    actuals = write_actuals(
        tmp_path / "actuals.xlsx",
        [
            ("测试镇", "小部件数", "2022年", 120),
            ("Testville", "widgets", "2022", 125),  # the same figure again, by its codes
            ("测试镇", "widgets", "2023/6", 150),
            (" 测试镇 ", "小部件数", "２０２４年３月", 160),  # full-width digits, stray spaces
        ],
    )
    read = read_actuals(actuals, targets=load_targets(goals))
    rows = read.rows
    assert list(zip(rows["region"], rows["indicator"], rows["period"], strict=True)) == [
        ("Testville", "widgets", "2022"),
        ("Testville", "widgets", "2023-06"),
        ("Testville", "widgets", "2024-03"),
    ]
    assert list(rows["value"]) == [125, 150, 160]
    codes = [i.code for i in read.issues]
    assert codes == ["name_cleaned", "duplicate_conflict"]
    duplicate = read.issues[-1]
    assert (duplicate.row, dict(duplicate.params)["others"]) == (3, "2")
    # Without the goals the Chinese names stay as written: two series, no duplicate.
    assert set(read_actuals(actuals).rows["region"]) == {"测试镇", "Testville"}


def test_report_and_check_judge_chinese_rows_with_their_code(tmp_path: Path, goals: Path) -> None:
    actuals = write_actuals(
        tmp_path / "actuals.xlsx",
        [("测试镇", "小部件数", "2022年", 120), ("测试镇", "小部件数", "2023年6月", 150)],
    )
    check = CliRunner().invoke(
        main,
        ["check", "--targets", str(goals), "--actuals", str(actuals), "--as-of", "2025-06"],
    )
    assert check.exit_code == 0, check.output
    out = tmp_path / "reports"
    report = CliRunner().invoke(
        main,
        [
            "report",
            "--targets",
            str(goals),
            "--actuals",
            str(actuals),
            "--as-of",
            "2025-06",
            "--out",
            str(out),
            "--format",
            "json",
            "--lang",
            "en",
        ],
    )
    assert report.exit_code == 0, report.output
    data = json.loads((out / "progress-2025-06.json").read_text("utf-8"))
    (target,) = data["targets"]
    assert (target["latest_period"], target["latest_value"]) == ("2023-06", 150)
    assert data["issues"] == []


def test_the_chinese_header_and_basis_words_are_read(tmp_path: Path, goals: Path) -> None:
    actuals = write_actuals(
        tmp_path / "actuals.xlsx",
        [
            ("测试镇", "小部件数", "2024年1月", 10, "当月数", "来源甲", "备注甲"),
            ("测试镇", "小部件数", "2024年2月", 25, "累计数", "来源乙", None),
            ("测试镇", "小部件数", "2024年3月", 300, "年产规模（未注明年份）", "来源丙", None),
            # as the reports say it (a row copied from one)
            ("测试镇", "小部件数", "2024年4月", 310, "未注明年份的年产规模", "来源丁", None),
        ],
        header=ZH_HEADER,
    )
    read = read_actuals(actuals, targets=load_targets(goals))
    assert read.issues == ()
    assert list(read.rows["basis"]) == ["month", "ytd", "rate", "rate"]
    assert list(read.rows["source"]) == ["来源甲", "来源乙", "来源丙", "来源丁"]
    assert list(read.rows["note"]) == ["备注甲", "", "", ""]


def test_headers_may_mix_languages_and_other_chinese_headings(tmp_path: Path) -> None:
    header = ("地区", "indicator", "时间", "Value", "basis", "来源", "注")
    actuals = write_actuals(tmp_path / "a.xlsx", [("X", "y", "2024", 5, None, "s", "n")], header)
    rows = read_actuals(actuals).rows
    assert list(rows.iloc[0][["region", "indicator", "period", "value", "source", "note"]]) == [
        "X",
        "y",
        "2024",
        5,
        "s",
        "n",
    ]
    both = write_actuals(
        tmp_path / "b.xlsx", [], ("region", "地区", "indicator", "period", "value")
    )
    with pytest.raises(InputError, match=r"column 'region' appears twice in the header \(A1, B1\)"):
        read_actuals(both)
    with pytest.raises(InputError) as raised:
        read_actuals(both)
    assert "表头中“地区”列出现了两次（A1、B1）" in raised.value.said(Words.of("zh"))
    missing = write_actuals(tmp_path / "c.xlsx", [], ("地区", "指标", "时期"))
    with pytest.raises(InputError, match=r"'value' is missing.*or 地区 \| 指标 \| 时期 \| 数值"):
        read_actuals(missing)


def test_every_column_word_of_the_messages_is_a_heading_the_reader_takes() -> None:
    """`check` names a column in Chinese (第3行，备注列): that word heads the column too."""
    for column in COLUMNS:
        assert HEADINGS[HEADER_ZH[column]] == column
        assert HEADINGS.get(Words.of("zh").column_name(column)) == column, column


def test_a_name_spelled_as_targets_toml_spells_it_is_no_slip(tmp_path: Path) -> None:
    """入园企业数（袜业及配套）, full-width brackets and all, as the Chinese dropdown offers it."""
    actuals = write_actuals(
        tmp_path / "actuals.xlsx", [("辽源", "入园企业数（袜业及配套）", "2024年", 1000)]
    )
    read = read_actuals(actuals, targets=load_targets(ROOT / "data" / "targets.toml"))
    assert read.issues == ()
    assert list(read.rows[["region", "indicator"]].iloc[0]) == ["Liaoyuan", "sock_companies"]


def test_add_by_chinese_name_to_an_english_sheet_writes_the_codes(
    tmp_path: Path, goals: Path
) -> None:
    workbook = write_actuals(tmp_path / "actuals.xlsx", [("Testville", "widgets", "2022", 120)])
    result = _add(
        workbook,
        goals,
        "--region",
        "测试镇",
        "--indicator",
        "小部件数",
        "--period",
        "2023年9月",
        "--value",
        "150",
        "--lang",
        "en",
    )
    assert result.exit_code == 0, result.output
    assert "row 3: added" in result.output
    assert "Testville · Synthetic widgets · 2023-09 = 150 units" in result.output
    ws = load_workbook(workbook)["Actuals"]
    assert [c.value for c in ws[3]] == [
        "Testville",
        "widgets",
        "2023-09",
        150,
        None,
        None,
        None,
        None,
    ]


@pytest.mark.parametrize(("word", "basis"), [("累计", "ytd"), ("当月", "month"), ("累计数", "ytd")])
def test_add_takes_every_basis_word_the_sheet_takes(
    tmp_path: Path, goals: Path, word: str, basis: str
) -> None:
    """docs/data.md lists 当月 and 累计 for the sheet; `add --basis 累计` refused them."""
    workbook = write_actuals(tmp_path / "actuals.xlsx", [("Testville", "widgets", "2022", 120)])
    options = ["--region", "Testville", "--indicator", "widgets", "--period", "2023-09"]
    result = _add(workbook, goals, *options, "--value", "150", "--basis", word)
    assert result.exit_code == 0, result.output
    assert read_actuals(workbook).rows["basis"].tolist()[-1] == basis


def test_a_row_written_in_chinese_is_found_again_by_its_code(tmp_path: Path, goals: Path) -> None:
    """Duplicate detection and the plausibility check see the Chinese rows as the series."""
    workbook = write_actuals(
        tmp_path / "actuals.xlsx",
        [("测试镇", "小部件数", "2022年", 120), ("测试镇", "小部件数", "2023年", 130)],
    )
    before = workbook.read_bytes()
    again = _add(
        workbook,
        goals,
        *("--region", "Testville", "--indicator", "widgets", "--period", "2023"),
        *("--value", "131", "--lang", "en"),
    )
    assert again.exit_code == 2
    assert (
        "row 3: Testville / widgets / 2023 is already there (130 units); use --replace"
        in again.output
    )
    slip = _add(
        workbook,
        goals,
        *("--region", "Testville", "--indicator", "widgets", "--period", "2024"),
        *("--value", "1300000", "--lang", "en"),
    )
    assert slip.exit_code == 2
    assert "breaks a plausibility rule (jump)" in slip.output  # judged against 120 and 130
    assert workbook.read_bytes() == before
    replaced = _add(
        workbook,
        goals,
        *("--region", "测试镇", "--indicator", "widgets", "--period", "2023年"),
        *("--value", "131", "--replace", "--lang", "en"),
    )
    assert replaced.exit_code == 0, replaced.output
    assert "row 3: replaced" in replaced.output
    rows = read_actuals(workbook, targets=load_targets(goals)).rows
    assert list(rows["value"]) == [120, 131]


def _init(folder: Path, *options: str, env: dict[str, str] | None = None) -> Path:
    result = CliRunner().invoke(main, ["init", str(folder), *options], env=env)
    assert result.exit_code == 0, result.output
    return folder / "data"


def _words(workbook: Path) -> tuple[list[str], list[object], list[object], list[object]]:
    wb = load_workbook(workbook)
    ws, lists = wb.worksheets[0], wb.worksheets[2]  # the data sheet, the dropdowns' lists
    return (
        wb.sheetnames,
        [c.value for c in ws[1]],
        [c.value for c in lists["C"] if c.value],
        [c.value for c in lists["A"] if c.value],
    )


def test_init_lang_zh_makes_a_chinese_workbook(tmp_path: Path) -> None:
    data = _init(tmp_path / "zh", "--lang", "zh")
    sheets, header, bases, regions = _words(data / "actuals.xlsx")
    assert sheets == ["实际数据", "填报说明", "下拉选项"]  # every sheet named in Chinese
    assert header == list(ZH_HEADER)
    assert bases == ["数值类型", "当月数", "累计数", "年产规模"]
    assert regions == ["地区", "辽源", "小北河", "吉林省"]  # Jilin: a declared region
    wb = load_workbook(data / "actuals.xlsx")
    indicators = [c.value for c in wb["下拉选项"]["B"][1:] if c.value]
    assert "袜子年产量" in indicators and "sock_output" not in indicators
    help_lines = [c.value for (c,) in wb["填报说明"].iter_rows(max_col=1) if c.value]
    assert help_lines == [Words.of("zh")(m) for m, _bold in HOWTO if m]
    assert help_lines[0] == "填报说明"
    width = wb["填报说明"].column_dimensions["A"].width
    assert all(display_width(line) < width for line in help_lines)  # no line spills over
    assert wb.defined_names["region_list"].attr_text == "'下拉选项'!$A$2:$A$4"
    rules = {str(v.sqref): v for v in wb["实际数据"].data_validations.dataValidation}
    assert rules["C2:C1048576"].prompt == Words.of("zh")(
        "A year (2024), a month (2025-06) or a date (2025-06-30)."
    )
    assert rules["E2:E1048576"].errorTitle == "数值类型"
    assert read_actuals(data / "actuals.xlsx").rows.empty


@pytest.mark.parametrize(
    "env",
    [{"SOCKPROGRESS_LANG": "zh"}, {"SOCKPROGRESS_LANG": "", "LC_ALL": "", "LANG": "zh_CN.UTF-8"}],
    ids=["env", "locale"],
)
def test_init_follows_the_language_the_rest_of_the_cli_uses(
    tmp_path: Path, env: dict[str, str]
) -> None:
    data = _init(tmp_path / "w", env={"LC_MESSAGES": "", **env})
    assert _words(data / "actuals.xlsx")[1] == list(ZH_HEADER)
    english = _init(tmp_path / "e", "--lang", "en", env=env)
    assert _words(english / "actuals.xlsx")[1] == list(COLUMNS)


def test_a_chinese_init_workbook_round_trips_through_add_check_and_report(
    tmp_path: Path,
) -> None:
    """init --lang zh, then actuals add by Chinese names and periods, check, and the report in
    both languages: one series per name, Chinese rows in the Chinese sheet."""
    data = _init(tmp_path / "park", "--lang", "zh")
    targets, workbook = data / "targets.toml", data / "actuals.xlsx"
    added = _add(
        workbook,
        targets,
        *("--region", "小北河", "--indicator", "袜子年产量", "--period", "2026年9月"),
        *("--value", "26亿", "--basis", "rate", "--source", SYNTHETIC, "--lang", "zh"),
    )
    assert added.exit_code == 0, added.output
    assert "actuals.xlsx，工作表“实际数据”，第2行：已添加" in added.output
    assert "小北河 · 袜子年产量 · 2026年9月" in added.output
    assert "= 2,600,000,000双（26亿双）" in added.output
    by_code = _add(
        workbook,
        targets,
        *("--region", "Xiaobeihe", "--indicator", "sock_output", "--period", "2026/09"),
        *("--value", "2600000000", "--basis", "年产规模", "--lang", "zh"),
    )
    # the same series by its code: the row is there already, said by its Chinese names
    assert by_code.exit_code == 2
    said = "第2行：已有小北河“袜子年产量”2026年9月的数据（26亿双）；如需覆盖，请加 --replace"
    assert said in by_code.output
    for options in (
        ("--region", "Xiaobeihe", "--indicator", "sock_weaving_firms", "--period", "2025.6"),
        ("--region", "小北河", "--indicator", "袜业企业数", "--period", "2024年"),
    ):
        more = _add(workbook, targets, *options, "--value", "206", "--source", SYNTHETIC)
        assert more.exit_code == 0, more.output
    ws = load_workbook(workbook)["实际数据"]
    assert [[c.value for c in row][:5] for row in ws.iter_rows(min_row=2)] == [
        # periods as a clerk types them in a Chinese sheet (a reviewer: rows typed by hand said
        # 2025年10月 beside the tool's 2025-10)
        ["小北河", "袜子年产量", "2026年9月", 2600000000, "年产规模"],
        ["小北河", "袜业企业数", "2025年6月", 206, None],
        ["小北河", "袜业企业数", "2024年", 206, None],
    ]
    assert ws.tables["Actuals"].ref == "A1:H4"

    check = CliRunner().invoke(
        main,
        ["check", "--targets", str(targets), "--actuals", str(workbook), "--as-of", "2026-10"],
        env={"SOCKPROGRESS_LANG": "zh"},
    )
    # Only the goals that still have no row are listed; none of the Chinese rows is a problem.
    assert check.exit_code == 1
    listed = [line for line in check.output.splitlines() if line.startswith("actuals.xlsx")]
    assert listed and all("目标暂无数据" in line for line in listed)
    assert "sock-output" not in check.output and "sock-firms" not in check.output

    for lang in ("zh", "en"):
        out = tmp_path / f"reports-{lang}"
        report = CliRunner().invoke(
            main,
            [
                *("report", "--targets", str(targets), "--actuals", str(workbook)),
                *("--as-of", "2026-10", "--out", str(out), "--lang", lang),
            ],
        )
        assert report.exit_code == 0, report.output
        data_json = json.loads((out / "progress-2026-10.json").read_text("utf-8"))
        judged = {t["id"]: t for t in data_json["targets"]}
        output = judged["xiaobeihe-sock-output"]
        assert (output["latest_period"], output["latest_value"]) == ("2026-09", 2.6e9)
        firms = judged["xiaobeihe-sock-firms"]
        assert (firms["latest_period"], firms["latest_value"]) == ("2025-06", 206)
        assert {i["code"] for i in data_json["issues"]} == {"no_rows"}
        mark = ".zh" if lang == "zh" else ""
        html = (out / f"progress-2026-10{mark}.html").read_text("utf-8")
        assert ("26亿双" if lang == "zh" else "2.6 bn pairs") in html
        assert (out / f"progress-2026-10{mark}.xlsx").stat().st_size > 0


def test_an_english_template_keeps_english_words() -> None:
    wb = new_actuals_workbook((), ["Testville"], ["widgets"])
    assert wb.sheetnames == ["Actuals", "How to update", "Lists"]
    assert [c.value for c in wb["Actuals"][1]] == list(COLUMNS)
    assert [c.value for c in wb["Lists"]["C"] if c.value] == ["basis", "month", "ytd", "rate"]


def test_add_row_itself_matches_a_chinese_name_to_its_code(tmp_path: Path, goals: Path) -> None:
    """The library call, not only the command, treats 测试镇 as Testville."""
    workbook = write_actuals(tmp_path / "actuals.xlsx", [("Testville", "widgets", "2022", 120)])
    new = NewRow("测试镇", "小部件数", parse_period("2022年"), 125.0, "", SYNTHETIC, "")
    with pytest.raises(InputError, match="row 2: Testville / widgets / 2022 is already there"):
        add_row(workbook, new, load_targets(goals), dt.date(2026, 11, 28))
    done = add_row(workbook, new, load_targets(goals), dt.date(2026, 11, 28), replace=True)
    assert (done.row, done.replaced) == (2, True)
    assert [c.value for c in load_workbook(workbook)["Actuals"][2]][:4] == [
        "Testville",
        "widgets",
        "2022",
        125,
    ]


@pytest.mark.client
def test_libreoffice_renders_the_chinese_init_workbook(tmp_path: Path, soffice: str) -> None:
    data = _init(tmp_path / "w", "--lang", "zh")
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(data / "actuals.xlsx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "actuals.pdf").pages)
    compact = "".join(text.split())
    assert "地区" in compact and "数值类型" in compact and "填报说明" in compact
    assert "仅用于月度行" in compact
    assert "辽源" not in compact  # the lists sheet is hidden, so not printed
