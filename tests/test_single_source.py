"""Every sentence has one source (issue 19): a data issue, a cell's problem and an error of the
targets file are made from a code and its parameters only, and their words, English included,
are the catalogue's (words/messages.py). The JSON's English `message` is the catalogue's English
for the code, so the two cannot drift; the Chinese names a target by its name, not its id.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
import string
from pathlib import Path

import pytest
from helpers import target_toml, write_actuals, write_targets

from sockprogress.errors import InputError
from sockprogress.judging import judge
from sockprogress.model import Issue
from sockprogress.periods import Month, PeriodError, parse_period
from sockprogress.reading import load_targets, read_actuals
from sockprogress.rendering.jsonout import _issue as json_issue
from sockprogress.words import messages
from sockprogress.words.words import Words, coded_issue, english_issue, english_message

SRC = Path(__file__).resolve().parents[1] / "src" / "sockprogress"
DATA = Path(__file__).resolve().parents[1] / "data"
CODE = re.compile(r"^[a-z_]+(\.[a-z_]+)?$")
EN, ZH = Words.of("en"), Words.of("zh")

# What makes a data issue, and the position of its code among the positional arguments.
MAKERS = {"coded_issue": 1, "CellProblem": 0, "SeriesWarning": 0, "PeriodError": None, "issue": 4}
ERRORS = {"InputError", "OutputError", "SockProgressError"}


def _calls() -> list[tuple[str, int, str, ast.Call]]:
    found = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                found.append((str(path.relative_to(SRC)), node.lineno, name, node))
    return found


def _sentence(node: ast.expr) -> bool:
    """An f-string with words in it (`f"{total:g}"` formats a parameter; `f"no rows for
    {target}"` is a sentence)."""
    if not isinstance(node, ast.JoinedStr):
        return False
    text = "".join(str(v.value) for v in node.values if isinstance(v, ast.Constant))
    return bool(re.search(r"\s", text))


def test_an_issue_is_made_in_one_place_only() -> None:
    """`Issue(...)` itself is called by words.coded_issue alone: every other maker gives a code
    and parameters, and the message is the catalogue's English for them."""
    made = {p for p, _, name, _ in _calls() if name == "Issue"}
    # the cleaner of a column says each problem once, from its code, for all its rows
    assert made == {"words/words.py", "reading/cleaning.py"}
    cleaning = (SRC / "reading" / "cleaning.py").read_text("utf-8")
    assert "message = english_issue(code, params)" in cleaning


def test_no_issue_problem_or_error_is_made_with_a_sentence() -> None:
    offenders = []
    for path, line, name, call in _calls():
        if name not in MAKERS and name not in ERRORS:
            continue
        if name == "issue" and not (
            isinstance(call.func, ast.Attribute) and call.func.attr == "issue"
        ):
            continue
        arguments = [*call.args, *(k.value for k in call.keywords)]
        if any(_sentence(a) for a in arguments):
            offenders.append(f"{path}:{line}: {name} with an f-string sentence")
        if name in ERRORS and call.args and path != "editing/plausible.py":
            offenders.append(f"{path}:{line}: {name} with a positional message")
        position = MAKERS.get(name)  # Cleaner.issue(rows, column, severity, order, code, ...)
        if position is not None and len(call.args) > position:
            code = call.args[position]
            if isinstance(code, ast.Constant) and not CODE.match(str(code.value)):
                offenders.append(f"{path}:{line}: {name} with {code.value!r} for a code")
    assert offenders == []


def test_words_say_every_issue_from_its_code_english_too() -> None:
    """No stop-gap: English reads an issue from its code like any language; an issue without
    a code is shown as its message."""
    issue = Issue("warning", "as written", code="blank_row")
    assert EN.issue_text(issue) == "blank row in the middle of the table; it is skipped"
    assert EN.issue_text(Issue("warning", "as written")) == "as written"
    source = (SRC / "words" / "words.py").read_text("utf-8")
    assert "return issue.message\n        said" not in source


def _sample(code: str, message: str) -> tuple[tuple[str, str], ...]:
    """A value for each placeholder of `message`: numbers where the code takes numbers."""
    numbers = messages.ISSUE_NUMBERS.get(code, {})
    names = [n for _, n, _, _ in string.Formatter().parse(message) if n]
    values = {
        "period": "2025-06",
        "deadline": "2025-12-31",
        "end": "2023-12-31",
        "direction": "increase",
        "rows": "2, 3",
        "others": "2",
        "values": "120, 125",
    }
    return tuple(
        (n, "4000000000" if n in numbers else values.get(n, f"<{n}>")) for n in dict.fromkeys(names)
    )


def _every_message() -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    cases = []
    for code, message in messages.ISSUE_TEXT.items():
        cases.append((code, _sample(code, message)))
    for code, (key, table) in messages.ISSUE_VARIANTS.items():
        for value, message in table.items():
            params = dict(_sample(code, message)) | {key: value}
            cases.append((code, tuple(params.items())))
    return cases


@pytest.mark.parametrize(("code", "params"), _every_message(), ids=lambda c: str(c)[:40])
def test_every_code_reads_in_english_as_the_json_holds_it(
    code: str, params: tuple[tuple[str, str], ...]
) -> None:
    issue = coded_issue("warning", code, params)
    assert json_issue(issue)["message"] == issue.message == EN.issue_text(issue)
    assert issue.message == english_issue(code, params)
    assert not re.search(r"\{\w+\}", issue.message)
    chinese = ZH.issue_text(issue)
    assert chinese != issue.message and not re.search(r"\{\w+\}", chinese), chinese


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_figure_with_every_digit_is_what_plain_writes_only_faster(lang: str) -> None:
    """`Words.exact` groups a plainly written number as it stands (a province may have one on
    every row): the same text as `plain` with ten decimals, or more digits when given more."""
    words = Words.of(lang)
    for x in (0.5, -12.0, 230.5, 2684.56, -123456.78, 3.5e9 + 0.5, 1e14 + 0.25, 0.0004, 7e-05):
        for text in (f"{x:.10g}", f"{x:.6g}", repr(x)):
            if len(text.partition(".")[2]) <= 10:
                assert words.exact(text) == words.plain(float(text), 10), text
    assert words.exact("0.04236644311") == "0.04236644311"  # all it was given
    assert words.exact("1e-05") == "0.00001"
    assert words.exact("2500000000000000.5") == words.plain(2.5e15 + 0.5, 10)  # beyond any stat


def test_a_code_without_its_message_is_refused_where_it_is_made() -> None:
    with pytest.raises(KeyError):
        coded_issue("warning", "no_such_code")
    with pytest.raises(KeyError):
        coded_issue("warning", "no_rows")  # without its parameters


def test_the_english_numbers_are_as_the_sentences_always_wrote_them() -> None:
    """Each number parameter keeps the English format it had (`g`, grouped `.10g`, a count), a
    figure whose digits are the point keeps them all, and a cell's text is never read as a
    number: '12345' is not a period, not '12,345'."""
    said = english_issue("plausibility.not_whole", (("unit", "units"), ("value", "141.387813")))
    # every digit: "141.388 is not a whole number" (six significant digits) hid what is wrong
    assert said == "141.387813 units is not a whole number"
    said = english_issue("plausibility.not_whole", (("unit", "firms"), ("value", "123456.5")))
    assert said == "123,456.5 firms is not a whole number"
    not_whole = (("unit", "户"), ("value", "230.5"))
    chinese = ZH.issue_message("plausibility.not_whole", not_whole)
    assert chinese == "230.5户不是整数"  # was 230: a whole number, so said; 户 as the cards say it
    sums = (
        ("target", "t"),
        ("period", "2024"),
        ("total", "12345.67"),
        ("months", "12345.66"),
        ("rows", "2, 3, 4"),
    )
    assert (
        "(12,345.67) differs from its January–December year-to-date (12,345.66, rows 2–4)"
        in english_issue("year_row_differs", sums)
    )
    chinese = ZH.issue_message("year_row_differs", sums)
    assert chinese is not None and "12345.67" in chinese and "12345.66" in chinese
    said = english_issue(
        "plausibility.scale", (("series", "R · x"), ("value", "1300000"), ("target", "200"))
    )
    assert said.endswith("R · x = 1,300,000 is far outside the scale of its target (200)")
    said = english_issue("basis_unknown", (("value", "12345"),))
    assert said.startswith("unknown basis '12345'")
    assert ZH.issue_message("basis_unknown", (("value", "12345"),)).startswith(  # type: ignore[union-attr]
        "无法识别的数值类型“12345”"
    )
    stray = (("count", "1"), ("cells", "C1048576"), ("blank", "1048572"))
    assert english_issue("stray_cells", stray) == (
        "the sheet has 1 stray cell far below the table (C1048576), after 1,048,572 blank rows; "
        "it is not read: delete it, or move real rows up to the table"
    )
    assert "隔1048572个空行" in ZH.issue_message("stray_cells", stray)  # type: ignore[operator]


def test_dates_in_a_chinese_issue_read_as_dates() -> None:
    issue = coded_issue(
        "warning", "period_not_ended", (("period", "2026-12"), ("today", "2026-11-22"))
    )
    assert issue.message == "period 2026-12 has not ended yet (today is 2026-11-22)"
    assert ZH.issue_text(issue) == "时期2026年12月尚未结束（今天是2026年11月22日）"


def test_a_period_error_carries_its_code_and_reads_as_before() -> None:
    with pytest.raises(PeriodError) as caught:
        parse_period("2025-13")
    assert caught.value.code == "period_invalid"
    assert dict(caught.value.params) == {"value": "2025-13", "month": "13", "fault": "month"}
    assert str(caught.value) == (
        "'2025-13' is not a period: month 13 does not exist; write a year (2024), a month "
        "(2025-06) or a date (2025-06-30)"
    )
    issue = coded_issue("error", caught.value.code, caught.value.params)
    assert ZH.issue_text(issue).startswith("“2025-13”不是有效时期：没有13月；")


# -- the target by its name, in Chinese -----------------------------------------------------


def test_the_shipped_targets_without_figures_read_by_their_chinese_names() -> None:
    targets = load_targets(DATA / "targets.toml")
    actuals = read_actuals(DATA / "actuals.xlsx", today=dt.date(2026, 11, 28), targets=targets)
    report = judge(targets, actuals, Month(2026, 10), actuals_name="actuals.xlsx")
    said = {ZH.issue_text(i) for i in report.issues if i.code == "no_rows"}
    assert "“辽源·服装年产能”目标暂无数据" in said
    for issue in report.issues:
        chinese = ZH.issue_text(issue)
        assert issue.target_id and issue.target_id not in chinese, chinese
        assert "Liaoyuan" not in chinese and "capacity" not in chinese, chinese


ZH_TARGETS = (
    '[[regions]]\nregion = "Testville"\nname_zh = "测试镇"\n\n'
    + target_toml(
        name_zh='"小部件数"',
        kind="annual_total",
        baseline='{ period = "2021", value = 100 }',
    )
    + '\n[[indicators]]\nindicator = "gadgets"\nname = "Synthetic gadgets"\n'
    'name_zh = "小配件"\n'
)


def test_every_issue_about_a_target_or_series_names_it_in_chinese(tmp_path: Path) -> None:
    """A data issue about a target or a series names it by its Chinese names (测试镇·小部件数)
    in Chinese, never by the target's id or the codes; the English keeps the ids."""
    targets = write_targets(tmp_path / "targets.toml", ZH_TARGETS)
    rows = [
        ("Testville", "widgets", "2021", 100),
        ("Testville", "widgets", "2022", 120),
        ("Testville", "widgets", "2022", 125),  # a duplicate
        ("Testville", "widgets", "2023-06-30", 130),  # a date for an annual total
        ("Testville", "widgets", "2024", 1_300_000),  # a 万 slip: jump and scale
        ("Testville", "widgets", "2025-01", 10, "month"),
        ("Testville", "widgets", "2025-02", 10, "month"),
        ("Testville", "widgets", "2025-02", 30, "ytd"),  # months that disagree with the ytd
        ("Testville", "gadgets", "2025-01", 10, "month"),
        ("Testville", "gadgets", "2025-02", 10, "month"),
        ("Testville", "gadgets", "2025-02", 30, "ytd"),  # the same, on a context series
        ("Nowhere", "widgets", "2022", 5),  # a region no target uses
    ]
    actuals = write_actuals(tmp_path / "actuals.xlsx", rows)
    loaded = load_targets(targets)
    sheet = read_actuals(actuals, today=dt.date(2026, 11, 28), targets=loaded)
    report = judge(loaded, sheet, Month(2025, 10), actuals_name="actuals.xlsx")
    codes = {i.code for i in report.issues}
    assert {
        "duplicate_conflict",
        "date_for_annual_total",
        "plausibility.jump",
        "plausibility.scale",
        "ytd_months_differ",
        "unknown_region",
    } <= codes, codes
    for issue in report.issues:
        chinese = ZH.issue_text(issue)
        assert english_message(issue) == EN.issue_text(issue)
        assert "t1" not in re.findall(r"[\w-]+", chinese), chinese
        assert "Testville" not in chinese and "widgets" not in chinese, chinese
        assert "gadgets" not in chinese, chinese
        if issue.code.startswith("plausibility") or issue.target_id:
            assert "测试镇·" in chinese, chinese
    jump = next(i for i in report.issues if i.code == "plausibility.jump")
    assert ZH.issue_text(jump).startswith("请核实：“测试镇·小部件数”为130万")
    assert "Testville · widgets = 1,300,000" in english_message(jump)
    unknown = next(i for i in report.issues if i.code == "unknown_region")
    assert ZH.issue_text(unknown).endswith("（已列出的地区：测试镇）")


# -- the targets file's errors ------------------------------------------------------------------


TARGET_ERRORS = [
    (target_toml(colour='"red"'), "targets_unknown_key", "unknown key 'colour'"),
    (target_toml(kind="stock"), "targets_not_choice", "'kind' must be 'level' or"),
    (target_toml(target=1e300), "targets_too_large", "is larger than any statistic"),
    (
        target_toml(baseline='{ period = "2021-13" }'),
        "targets_baseline_period",
        "baseline.period: '2021-13' is not a period: month 13 does not exist",
    ),
    (target_toml(baseline="5"), "targets_baseline_not_table", "{ period = "),
    (
        target_toml().replace("deadline = 2025-12-31", "deadline = 2025-12"),
        "targets_toml_deadline",
        "line 10: a deadline is a date like 2025-12-31, or write year = 2026 for a year's goal",
    ),
    ("x = [1, 2\n", "targets_toml_syntax_end", "a list opened with [ is never closed with ]"),
    (
        target_toml(name_zh='"小部件"')
        + target_toml(id="t2", indicator="gadgets", name_zh='"小部件"'),
        "name_zh_ambiguous",
        "targets.toml: the Chinese name '小部件' stands for two indicators",
    ),
]


@pytest.mark.parametrize(("content", "code", "english"), TARGET_ERRORS, ids=lambda c: str(c)[:24])
def test_a_targets_file_error_has_a_code_and_reads_in_chinese(
    tmp_path: Path, content: str, code: str, english: str
) -> None:
    path = write_targets(tmp_path / "targets.toml", content)
    with pytest.raises(InputError) as caught:
        load_targets(path)
    error = caught.value
    assert error.code == code
    assert english in str(error)
    chinese = error.said(ZH)
    assert chinese != str(error) and re.search("[\u4e00-\u9fff]", chinese)
    # what remains in Latin letters is the file's own text: keys, values, names, the file
    prose = re.sub(r"targets\.toml|'[^']*'|“[^”]*”|\{[^}]*\}|[a-z_]+ = \S+|TOML", "", chinese)
    assert not re.search(r"\b[a-z]{4,}\b [a-z]{3,}\b", prose), chinese


def test_the_rows_a_sentence_names_agree_with_their_number() -> None:
    # "is also in row 57, 67" and "(rows 67)" (a helper's find): the noun goes with the rows,
    # decided once in Words.param, in both languages.
    zh = Words.of("zh")

    def duplicate(others: str) -> tuple[tuple[str, str], ...]:
        return (
            ("region", "R"),
            ("indicator", "x"),
            ("period", "2026-05"),
            ("others", others),
            ("used", "70"),
            ("values", "1, 2"),
        )

    one, two = duplicate("57"), duplicate("57, 67")
    assert english_issue("duplicate_conflict", one).startswith("R / x / 2026-05 is also in row 57 ")
    assert english_issue("duplicate_conflict", two).startswith(
        "R / x / 2026-05 is also in rows 57, 67 "
    )
    assert "数据在第57、67行也有" in str(zh.issue_message("duplicate_conflict", two))
    sums = (("target", "t"), ("period", "2026-03"), ("months", "3"), ("ytd", "4"), ("ytd_row", "9"))
    assert "through 2026-03 (row 5) add up" in english_issue(
        "ytd_months_differ", (*sums, ("rows", "5"))
    )
    assert "through 2026-03 (rows 5–7) add up" in english_issue(
        "ytd_months_differ", (*sums, ("rows", "5, 6, 7"))
    )
    assert "的各月当月数（第5—7行）合计" in str(
        zh.issue_message("ytd_months_differ", (*sums, ("rows", "5, 6, 7")))
    )


def test_two_periods_of_a_level_ending_on_one_day_are_one_point_in_time_in_chinese() -> None:
    # "属时点指标的同一时期" mixed 时期 and 时点 (a Chinese reader's find), and 截止于 is not a
    # statistician's 截至
    said = Words.of("zh").issue_message(
        "level_same_day",
        (
            ("target", "R·X"),
            ("periods", "2025, 2025-12"),
            ("others", "57"),
            ("used", "67"),
            ("end", "2025-12-31"),
            ("values", "1, 2"),
        ),
    )
    assert said == (
        "“R·X”：第57行与第67行（时期分别为2025年、2025年12月）均截至2025年12月31日，对时点指标"
        "而言是同一时点，数值分别为1、2；采用靠下的第67行"
    )
