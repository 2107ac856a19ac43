"""Data issues by kind (issue 24): one entry per kind and column in every output and on the
terminal, in both languages; the JSON keeps every row's issue and adds `issue_groups`.

Every figure here is made up (synthetic Testville widgets, in a count unit, with decimals: the
ordinary mistake of a wrong unit, which breaks the "whole number" rule on every row).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import target_toml, write_actuals, write_targets
from openpyxl import load_workbook

from sockprogress.checking import SCREENFUL
from sockprogress.cli import main
from sockprogress.model import Issue, group_issues, row_runs
from sockprogress.rendering import jsonout
from sockprogress.words.words import english_issue, english_message

ROWS = 300  # sheet rows 2..301, every one a figure with decimals in "units"


def messy_rows() -> list[tuple[Any, ...]]:
    start = dt.date(2001, 1, 1)
    rows: list[tuple[Any, ...]] = []
    for n in range(ROWS):
        year, month = start.year + n // 12, n % 12 + 1
        rows.append(("Testville", "widgets", f"{year}-{month:02d}", 100.25 + n))
    return rows


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("messy")
    targets = write_targets(
        folder / "targets.toml",
        target_toml(target=1000, deadline=dt.date(2030, 12, 31)),
    )
    rows = messy_rows()
    rows += [("Testville", "widgets", "not a period", 5), ("Testville", "widgets", "20x1", 6)]
    return targets, write_actuals(folder / "actuals.xlsx", rows)


@pytest.fixture(scope="module")
def reports(
    inputs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[Path, str]]:
    """lang -> (output folder, what the terminal said)."""
    targets, actuals = inputs
    out = {}
    for lang in ("en", "zh"):
        folder = tmp_path_factory.mktemp(lang)
        args = ["report", "--targets", str(targets), "--actuals", str(actuals)]
        args += ["--out", str(folder), "--as-of", "2026-10", "--lang", lang]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        out[lang] = (folder, result.output)
    return out


def issue_lines(said: str) -> list[str]:
    """The lines of data issues: `where: label: message`, as `report` and `check` print them."""
    return [
        line
        for line in said.splitlines()
        if re.search(r"[:：] ?(warning|error|提示|错误)[:：]", line)
    ]


SAID = {
    "en": {
        "rows": "rows 2–301 (300 rows)",
        "what": "check these figures: 300 figures in units are not whole numbers",
        "example": "e.g. row 2: 100.25",
        "fix": "the unit 'units' is a count",
        "mark": "⚠ Check 300 figures: rows 2–301",
    },
    "zh": {
        "rows": "第2—301行（共300行）",
        "what": "请核实：300个以“units”为单位的数值不是整数",
        "example": "例：第2行：100.25",
        "fix": "单位“units”为计数单位",
        "mark": "⚠ 请核实300个数据：第2—301行",
    },
}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_terminal_says_each_kind_once(reports: dict[str, tuple[Path, str]], lang: str) -> None:
    _, said = reports[lang]
    lines = issue_lines(said)
    # the 300 warnings are one line; the two bad periods (errors, their rows left out) one more
    assert len(lines) == 2, said
    grouped = next(line for line in lines if SAID[lang]["rows"] in line)
    for part in ("what", "example", "fix"):
        assert SAID[lang][part] in grouped, (part, grouped)
    assert re.search(r"[:：] ?(error|错误)[:：]", lines[0])  # errors first


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_page_says_each_kind_once(reports: dict[str, tuple[Path, str]], lang: str) -> None:
    folder, _ = reports[lang]
    html = (next(folder.glob("*.html"))).read_text(encoding="utf-8")
    section = html[html.index('<section aria-labelledby="issues">') :]
    section = section[: section.index("</section>")]
    assert section.count("<tr>") == 1 + 2  # the heading and one row per kind
    text = unescape(re.sub(r"<[^>]+>", " ", section))
    for part in ("rows", "what", "example", "fix"):
        assert SAID[lang][part] in text, (part, text)
    # the target resting on the flagged figures keeps its mark beside its status
    assert SAID[lang]["mark"] in unescape(html)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_workbook_lists_each_kind_once(reports: dict[str, tuple[Path, str]], lang: str) -> None:
    folder, _ = reports[lang]
    wb = load_workbook(next(folder.glob("*.xlsx")))
    ws = wb.worksheets[
        [s.title for s in wb.worksheets].index("Data issues" if lang == "en" else "数据审核提示")
    ]
    # the rows and the column an issue points at have columns of their own
    assert [c.value for c in ws[3]][3:5] == (["Column", "Rows"] if lang == "en" else ["列", "行号"])
    lines = [
        [c.value for c in row]
        for row in ws.iter_rows(min_row=4)
        if row[0].value and row[5].value is not None
    ]
    assert sorted(line[5] for line in lines) == [2, 300]  # the counts
    (many,) = [line for line in lines if line[5] == 300]
    assert SAID[lang]["rows"] in many[4] and SAID[lang]["what"] in many[6]


def test_the_json_keeps_every_rows_issue_and_adds_the_groups(
    reports: dict[str, tuple[Path, str]],
) -> None:
    folder, _ = reports["en"]
    data = json.loads((folder / "progress-2026-10.json").read_text(encoding="utf-8"))
    issues = data["issues"]
    whole = [i for i in issues if i["code"] == "plausibility.not_whole"]
    assert [i["row"] for i in whole] == list(range(2, 2 + ROWS))
    for issue in whole:
        # the method's seven fields and the target: a row's issue does not repeat the file
        # (`inputs` names the workbook), nor the series its row is a figure of
        assert set(issue) == {
            *("severity", "sheet", "row", "column", "message", "code", "params", "target_id")
        }
        assert issue["message"] == english_issue(issue["code"], tuple(issue["params"].items()))
        assert issue["target_id"] == "t1"
    assert whole[0]["message"] == "100.25 units is not a whole number"
    assert whole[0]["params"] == {"value": "100.25", "unit": "units"}
    assert data["inputs"][1]["name"] == "actuals.xlsx"  # the workbook of every row's issue
    groups = {g["code"]: g for g in data["issue_groups"]}
    group = groups["plausibility.not_whole"]
    assert (group["count"], group["rows"], len(group["examples"])) == (ROWS, [[2, 301]], 3)
    assert group["message"] == SAID["en"]["what"]
    assert group["examples"][0] == whole[0]
    periods = [g for g in data["issue_groups"] if g["severity"] == "error"]
    assert [(g["count"], g["rows"]) for g in periods] == [(2, [[302, 303]])]
    # the target's own checks point at the rows, once, as ranges
    (target,) = data["targets"]
    assert target["checks"] == [
        {"code": "plausibility.not_whole", "severity": "warning", "count": ROWS, "rows": [[2, 301]]}
    ]


def test_a_screenful_then_the_total(tmp_path: Path) -> None:
    """Goals without any figure are one line each (a target's own issue): past a screenful the
    report's terminal says how many more there are and which command lists them; `check`,
    whose work it is to list them, lists every one."""
    tables = [target_toml(id=f"t{n}", indicator=f"widgets{n}") for n in range(SCREENFUL + 5)]
    targets = write_targets(tmp_path / "targets.toml", *tables)
    actuals = write_actuals(tmp_path / "actuals.xlsx", [("Testville", "widgets0", "2023", 150)])
    inputs = ["--targets", str(targets), "--actuals", str(actuals)]
    out = ["--out", str(tmp_path / "out"), "--as-of", "2026-10", "--format", "html"]
    report = CliRunner().invoke(main, ["report", *inputs, *out])
    lines = report.output.splitlines()
    assert sum(1 for line in lines if ": warning: " in line) == SCREENFUL
    more = "… and 4 more lines (4 issues): `sockprogress check` lists them all"
    assert more in lines, report.output
    check = CliRunner().invoke(main, ["check", *inputs])
    listed = [line for line in check.output.splitlines() if ": warning: " in line]
    assert len(listed) == SCREENFUL + 4
    assert listed[:SCREENFUL] == [line for line in lines if ": warning: " in line]  # one layout


def test_a_screenful_keeps_the_kinds_with_the_most_issues(tmp_path: Path) -> None:
    """Past a screenful, the report's terminal keeps the lines that say the most: goals without
    any figure, a line each, came before the 300 figures of a wrong unit, which stood out of
    sight below them. Kept lines stay in their order. Figures made up."""
    tables = [target_toml(id=f"t{n}", indicator=f"widgets{n}") for n in range(SCREENFUL + 5)]
    targets = write_targets(tmp_path / "targets.toml", *tables)
    last = SCREENFUL + 4  # the goal listed last: its figures, if any, are judged last
    rows = [
        ("Testville", f"widgets{last}", f"{2001 + n // 12}-{n % 12 + 1:02d}", n + 0.5)
        for n in range(300)
    ]
    actuals = write_actuals(tmp_path / "actuals.xlsx", rows)
    inputs = ["--targets", str(targets), "--actuals", str(actuals)]
    out = ["--out", str(tmp_path / "out"), "--as-of", "2026-10", "--format", "html"]
    said = CliRunner().invoke(main, ["report", *inputs, *out]).output
    listed = [line for line in said.splitlines() if ": warning: " in line]
    assert len(listed) == SCREENFUL
    assert "300 figures in units are not whole numbers" in said
    check = CliRunner().invoke(main, ["check", *inputs]).output.splitlines()
    everything = [line for line in check if ": warning: " in line]
    left = [line for line in everything if line not in listed]
    assert f"… and {len(left)} more lines ({len(left)} issues):" in said  # each one issue
    assert [line for line in everything if line in listed] == listed  # in their order
    assert everything[:SCREENFUL] != listed  # the 300 came after a screenful of others


def test_row_runs_and_grouping_by_unit() -> None:
    assert row_runs([9, 2, 3, 4, 3]) == ((2, 4), (9, 9))
    made = [
        Issue("warning", "", "a.xlsx", "Actuals", r, "value", "plausibility.not_whole", p, "t")
        for r, p in (
            (2, (("value", "1.5"), ("series", "A · x"), ("unit", "units"))),
            (3, (("value", "2.5"), ("series", "B · x"), ("unit", "units"))),
            (4, (("value", "3.5"), ("series", "B · y"), ("unit", "firms"))),
        )
    ]
    groups = group_issues(made)
    # one kind per unit (the fix names it), whatever the series
    assert [(g.get("unit"), g.count, g.rows) for g in groups] == [
        ("units", 2, ((2, 3),)),
        ("firms", 1, ((4, 4),)),
    ]


def test_a_row_written_fast_is_the_row_written_plainly() -> None:
    issue = Issue(
        "warning",
        "",
        "a.xlsx",
        "Actuals",
        7,
        "value",
        "plausibility.jump",
        (
            ("value", "1300000"),
            ("factor", "11556"),
            ("series", 'T "q" · w'),
            ("series_zh", "甲·乙"),
        ),
        "t-1",
    )
    assert english_message(issue) == english_issue(issue.code, issue.params)
    assert jsonout._IssueLines()(issue) == jsonout._tight(jsonout._issue(issue))


def test_an_issue_on_no_row_names_its_file() -> None:
    """A row's issue is on the actuals sheet (`inputs` names the workbook); an issue on no row
    may be in another file, and says which (a goal written in full, in targets.toml)."""
    params = (("target", "t"), ("unit", "亿元"), ("scale", "亿"), ("goal", "5e9"), ("meant", "50"))
    elsewhere = Issue("warning", "", "targets.toml", None, None, None, "goal_in_full", params, "t")
    whole = (("value", "7.5"), ("unit", "units"))
    code = "plausibility.not_whole"
    on_a_row = Issue("warning", "", "a.xlsx", "Actuals", 7, "value", code, whole)
    assert jsonout._issue(elsewhere)["file"] == "targets.toml"
    assert "file" not in jsonout._issue(on_a_row)


def test_rows_written_in_a_run_are_the_rows_written_plainly() -> None:
    """`_IssueLines` makes a run's frame once: every row still reads as it does alone, with
    its own row and value, across runs of another series, kind or target."""
    rest = (("unit", 'u "q" · w'),)
    runs = [
        (2, "plausibility.not_whole", (("value", "100.25"), *rest), "t-1"),
        (3, "plausibility.not_whole", (("value", "12345.5"), *rest), "t-1"),
        (4, "plausibility.not_whole", (("value", "-0.5"), *rest), "t-2"),
        (
            5,
            "plausibility.not_whole",
            (("value", "1e-05"), ("unit", "firms")),
            "t-2",
        ),
        (
            6,
            "plausibility.jump",
            (("value", "1300000"), ("factor", "11556"), ("series", "x")),
            "t-2",
        ),
    ]
    issues = [
        Issue("warning", "", "a.xlsx", "Actuals", row, "value", code, params, target)
        for row, code, params, target in runs
    ]
    lines = jsonout._IssueLines()
    assert [lines(i) for i in issues] == [jsonout._tight(jsonout._issue(i)) for i in issues]
    # the sentence with every digit, its unit escaped as JSON escapes it
    assert '"message":"12,345.5 u \\"q\\" · w is not a whole number"' in lines(issues[1])
    assert lines(issues[1]).startswith('{"severity":"warning","sheet":"Actuals","row":3,')


def test_a_run_of_rows_groups_as_each_row_alone_would() -> None:
    """group_issues takes a series' rows in a run without a key each: the groups are those
    made one issue at a time, here with a run broken by a target's own issue (no row), by
    another unit, and rows whose grouping parameter comes first (so it differs in the run)."""

    def issue(row: int | None, params: tuple[tuple[str, str], ...]) -> Issue:
        code = "plausibility.not_whole"
        return Issue("warning", "", "a.xlsx", "Actuals", row, "value", code, params, "t")

    units = (("series", "x"), ("unit", "units"))
    firms = (("series", "x"), ("unit", "firms"))
    issues = [
        issue(2, (("value", "1.5"), *units)),
        issue(3, (("value", "2.5"), *units)),
        issue(None, (("value", "3.5"), *units)),
        issue(4, (("value", "4.5"), *units)),
        issue(5, (("value", "5.5"), *firms)),
        issue(6, (("unit", "units"), ("value", "6.5"))),
        issue(7, (("unit", "firms"), ("value", "6.5"))),
        issue(8, (("value", "8.5"), *units)),
    ]
    # the groups made one issue at a time: each issue's group, merged by its key
    one_by_one: dict[tuple[object, ...], list[Issue]] = {}
    for i in issues:
        (g,) = group_issues([i])
        one_by_one.setdefault((g.severity, g.code, g.column, g.key), []).append(i)
    grouped = group_issues(issues)
    assert {(g.severity, g.code, g.column, g.key): g.count for g in grouped} == {
        key: len(found) for key, found in one_by_one.items()
    }
    counts = sorted(g.count for g in grouped)
    assert counts == [1, 2, 5]  # units rows 2, 3, 4, 6 and 8; firms 5 and 7; the target's own
