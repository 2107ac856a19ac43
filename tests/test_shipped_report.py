"""The shipped figures (data/): how they are sourced and dated, and what the report says on them.

The report runs end to end through the CLI on the real shipped files.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import CliRunner

from sockprogress import load_targets, read_actuals
from sockprogress.cli import main

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"

# Sites that only copy articles (spam, gambling, content farms): never named as a source.
MIRRORS = (
    "zzhuanghui.com",
    "lynomi.com",
    "hznaoa.cn",
    "iweb365.top",
    "xdewi.com",
    "nihao-ac.tk",
    "zemaogroup.com",
    "yd166.com",
    "laitimes.com",
    "naiqie.com",
    "020gz.com.cn",
    "gdmsci.cn",
)

# The editorial words of the old English source lines. The shown `source` and `note` are read by
# Chinese statistics staff: none of these may appear outside a quotation “…” (a quoted sentence
# keeps its own language, English, Korean or Japanese).
ENGLISH_REMARKS = (
    "not identified",
    "not shown",
    "not found",
    "original",
    "repost",
    "translation",
    "photos",
    "interview",
    "Party secretary",
    "NetEase",
    "address not kept",
    "trade-press",
    "edition",
    "via PR",
    "seed",
    "spun text",
    "stored copy",
    "headline",
    "month",
    "ytd",
)
# Internal or inconsistent words the review asked to replace: 种子文章, 期限 (for 完成时限),
# 时期依据 (for 时期认定依据).
INTERNAL_WORDS = ("种子", "期限", "时期依据")
# Newspapers, magazines and news sites: always in 书名号 outside a quotation.
PERIODICALS = ("人民日报", "辽宁日报", "经济日报", "纺织服装周刊", "证券时报")
# News websites are named without 书名号, as papers write 据新华网报道.
WEBSITES = ("新华网", "人民网", "北国网")
URL = re.compile(r"https?://[^\s；，、（）]+")
DOMAIN = re.compile(r"[\w.-]+\.(?:com|cn|net|org|top|tk)\b")


def builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_shipped_actuals", ROOT / "scripts" / "build_shipped_actuals.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def figures() -> list[dict[str, str]]:
    with (DATA / "public-figures.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("reports")
    args = ["--targets", str(DATA / "targets.toml"), "--actuals", str(DATA / "actuals.xlsx")]
    result = CliRunner().invoke(main, ["report", *args, "--as-of", "2026-10", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "progress-2026-10.docx",
        "progress-2026-10.html",
        "progress-2026-10.json",
        "progress-2026-10.xlsx",
    ]
    data: dict[str, Any] = json.loads((out / "progress-2026-10.json").read_text(encoding="utf-8"))
    data["_out"] = out
    return data


def by_id(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {t["id"]: t for t in report["targets"]}


def test_report_on_shipped_data_judges_all_eight_goals(report: dict[str, Any]) -> None:
    statuses = {i: t["status"] for i, t in by_id(report).items()}
    assert statuses == {
        "liaoyuan-sock-capacity": "awaiting_final",
        "liaoyuan-clothing-capacity": "not_assessable",
        "liaoyuan-home-textile-capacity": "not_assessable",
        "xiaobeihe-sock-firms": "awaiting_final",
        "xiaobeihe-firms-above-size": "missed",
        "xiaobeihe-sock-output": "awaiting_final",
        "xiaobeihe-output-value": "awaiting_final",
        "xiaobeihe-chain-enterprises": "awaiting_final",
    }


def test_liaoyuan_capacity_is_judged_on_its_2025_figure(report: dict[str, Any]) -> None:
    capacity = by_id(report)["liaoyuan-sock-capacity"]
    assert (capacity["latest_period"], capacity["latest_value"]) == ("2025-06", 3.5e9)
    assert capacity["share_of_target_pct"] == pytest.approx(70.0)
    assert (capacity["baseline_period"], capacity["baseline_value"]) == ("2023-05", 3.5e9)
    assert capacity["pace_category"] == "insufficient_progress"


def test_xiaobeihe_level_goals_latest_figures(report: dict[str, Any]) -> None:
    targets = by_id(report)
    firms = targets["xiaobeihe-sock-firms"]
    assert firms["indicator"] == "sock_weaving_firms"
    assert (firms["latest_period"], firms["latest_value"]) == ("2025-06", 206)
    assert (firms["baseline_period"], firms["baseline_value"]) == ("2022-06", 206)
    above = targets["xiaobeihe-firms-above-size"]
    assert (above["latest_period"], above["latest_value"]) == ("2026-02", 2)
    chain = targets["xiaobeihe-chain-enterprises"]
    assert (chain["latest_period"], chain["latest_value"]) == ("2025-06", 89)


def test_xiaobeihe_flow_goals_have_the_2022_interview_as_baseline(report: dict[str, Any]) -> None:
    targets = by_id(report)
    assert targets["xiaobeihe-sock-output"]["baseline_period"] == "2022-06"
    assert targets["xiaobeihe-sock-output"]["baseline_value"] == 2.5e9
    assert targets["xiaobeihe-output-value"]["baseline_value"] == 3.2e9


def test_only_the_two_unpublished_goals_are_flagged(report: dict[str, Any]) -> None:
    # every indicator in the sheet is a goal's or declared under [[indicators]]
    messages = [i["message"] for i in report["issues"]]
    assert len(messages) == 2
    assert all("clothing_capacity" in m or "home_textile_capacity" in m for m in messages)


def test_every_row_names_a_publication_never_a_file_or_a_mirror() -> None:
    rows = read_actuals(DATA / "actuals.xlsx").rows
    assert len(rows) == len(figures())
    for source, note in zip(rows["source"], rows["note"], strict=True):
        assert source and ".txt" not in source and "seed article" not in source
        assert not any(m in source for m in MIRRORS), source
        assert note.startswith("原文：“"), note
        # one pair of double quotes round the quotation; quotes inside it are single
        quoted = note[len("原文：“") : note.index("”")]
        assert "“" not in quoted, note


def test_the_log_says_how_each_figure_was_found_and_dated() -> None:
    for line in figures():
        for column in ("publisher", "published", "quote", "dating", "verified_how"):
            assert line[column], (line["indicator"], line["period"], column)
        if line["basis"] == "rate":
            assert len(line["period"]) == 7  # rates sit on month rows


def test_rows_seen_only_as_reposts_say_so() -> None:
    build = builder()
    for line in figures():
        if line["original_found"].startswith("no"):
            assert "原文未找到" in build.source_of(line)
            assert "原文未找到，仅见转载" in build.note_of(line)


def outside_quotes(text: str) -> str:
    """The text without its quotations “…” (nested ones too) and without web addresses."""
    kept, depth = [], 0
    for ch in URL.sub(" ", text):
        if ch == "“":
            depth += 1
        elif ch == "”" and depth:
            depth -= 1
        elif not depth:
            kept.append(ch)
    return "".join(kept)


def shown_chinese_texts() -> list[str]:
    """Every data text a Chinese reader sees: the shipped sources and notes, the goals' zh texts."""
    rows = read_actuals(DATA / "actuals.xlsx").rows
    texts = [*rows["source"], *rows["note"]]
    for t in load_targets(DATA / "targets.toml").targets:
        texts += [t.plan_zh or "", t.source_zh or "", t.note_zh or ""]
    return texts


def test_outside_quotations_the_sources_and_notes_are_in_chinese() -> None:
    for text in shown_chinese_texts():
        bare = outside_quotes(text)
        assert not [w for w in ENGLISH_REMARKS if w.lower() in bare.lower()], text
        assert not [w for w in INTERNAL_WORDS if w in bare], text
        # an English headline in 《》 and a site named by its domain are the only Latin letters
        words = re.findall(r"[A-Za-z]{2,}", DOMAIN.sub(" ", re.sub(r"《[^》]*》", " ", bare)))
        assert not words, (words, text)


def test_dates_read_as_a_bureau_writes_them() -> None:
    for text in shown_chinese_texts():
        assert not re.search(r"\d{4}-\d{1,2}", outside_quotes(text)), text


def test_periodicals_are_named_in_book_title_marks_and_websites_without() -> None:
    named = set()
    for text in shown_chinese_texts():
        bare = outside_quotes(text)
        for name in PERIODICALS + WEBSITES:
            marked = name in PERIODICALS
            for m in re.finditer(name, bare):
                named.add(name)
                assert (bare[m.start() - 1 : m.start()] == "《") is marked, (name, text)
                assert (bare[m.end() : m.end() + 1] == "》") is marked, (name, text)
    assert named >= set(PERIODICALS) | {"新华网", "北国网"}


def test_firms_are_counted_in_hu_outside_quotations() -> None:
    # 术语表: 户 for firms; a quoted original keeps its 家 (“上下游配套企业89家”).
    for text in shown_chinese_texts():
        assert not re.search(r"[\d余多]家", outside_quotes(text)), text
    sources = " ".join(read_actuals(DATA / "actuals.xlsx").rows["note"])
    assert "上下游配套企业89家" in sources  # inside the quotation, as published


def test_workbook_is_what_the_builder_makes_of_the_log() -> None:
    built = builder().rows_from_csv(DATA / "public-figures.csv")
    rows = read_actuals(DATA / "actuals.xlsx").rows
    shipped = [
        [r.region, r.indicator, r.period, r.value, r.basis, r.source, r.note]
        for r in rows.itertuples()
    ]
    assert [[*b[:3], float(b[3]), *b[4:]] for b in built] == shipped


def test_every_goal_carries_its_chinese_plan_source_and_notes() -> None:
    targets = {t.id: t for t in load_targets(DATA / "targets.toml").targets}
    for t in targets.values():
        assert t.plan_zh and t.source_zh and t.note and t.note_zh, t.id
    for goal in ("liaoyuan-clothing-capacity", "liaoyuan-home-textile-capacity"):
        assert "no figure" in (targets[goal].note or "")
        assert "暂无法评估" in (targets[goal].note_zh or "")
    firms = targets["xiaobeihe-sock-firms"]
    assert "织袜企业" in (firms.note_zh or "")
    assert "sock-weaving" in (firms.note or "")
    chain = targets["xiaobeihe-chain-enterprises"]
    assert "uncertain" in (chain.note or "") and "不确定" in (chain.note_zh or "")
    assert "上下游配套企业" in (chain.source_zh or "")
    assert all("“十四五”" in (t.plan_zh or "") for t in targets.values() if t.region == "Xiaobeihe")


def test_the_project_never_reads_the_shared_folder() -> None:
    needles = ("/".join(("", "work", "shared")), "/".join(("..", "shared")))
    for folder in ("src", "scripts", "tests"):
        for path in (ROOT / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert not any(n in text for n in needles), path


def test_what_the_public_record_supports_on_the_eight_goals(report: dict[str, Any]) -> None:
    """Missed; awaiting but likely missed on the latest published figures; not assessable."""
    outlooks = {i: t["outlook"] for i, t in by_id(report).items()}
    assert outlooks == {
        "liaoyuan-sock-capacity": "likely_missed",
        "liaoyuan-clothing-capacity": None,
        "liaoyuan-home-textile-capacity": None,
        "xiaobeihe-sock-firms": "likely_missed",
        "xiaobeihe-firms-above-size": None,
        "xiaobeihe-sock-output": "likely_missed",
        "xiaobeihe-output-value": "likely_missed",
        "xiaobeihe-chain-enterprises": None,  # no baseline, so no pace and no projection
    }
    targets = by_id(report)
    output = targets["xiaobeihe-sock-output"]
    assert (output["latest_period"], output["latest_value"]) == ("2025-06", 2.6e9)
    assert output["latest_basis"] == "rate" and output["latest_estimate"] is True
    assert output["final_period"] is None  # an estimate is never the final figure
    value = targets["xiaobeihe-output-value"]
    assert (value["latest_period"], value["latest_value"]) == ("2025-06", 3.8e9)


def test_each_latest_figures_source_is_in_all_three_outputs(report: dict[str, Any]) -> None:
    from html import escape

    from openpyxl import load_workbook

    out: Path = report["_out"]
    html = (out / "progress-2026-10.html").read_text(encoding="utf-8")
    wb = load_workbook(out / "progress-2026-10.xlsx")
    cells = {str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row}
    sourced = [t for t in report["targets"] if t["latest_value"] is not None]
    assert len(sourced) == 6
    for t in sourced:
        source = t["latest_source"]
        assert source and source == t["observations"][-1]["source"]
        assert escape(source, quote=False) in html, t["id"]
        assert source in cells, t["id"]
