"""The shipped record as a statistics office would file it (issue 23), on the real files.

One rule for capacity and output; the lines re-read against stored pages; restatements shown
as such; every editorial fact a code the report words in its reader's language, so that the
sources and notes of the Chinese report carry no English editorial word and the English
report's none in Chinese (quotations and the publications' own names and titles aside).
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from docx import Document
from helpers import shipped_builder, shipped_csv
from openpyxl import load_workbook

from sockprogress import read_actuals
from sockprogress.cli import main
from sockprogress.model import FLAGS

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
# Sites that only copy articles (spam, gambling, content farms): never named as a source.
MIRRORS = ("zzhuanghui.com", "lynomi.com", "iweb365.top", "xdewi.com", "zemaogroup.com")
OUTPUT_WORDS = re.compile(r"年产|年產|每年生产|annual output|연간")
CAPACITY_WORDS = re.compile(r"产能|產能|production capacity")
HAN = re.compile(r"[\u4e00-\u9fff]")
URL = re.compile(r"https?://\S+?(?=[；;，,]|\s|$)")


def log() -> list[dict[str, str]]:
    return shipped_csv("public-figures.csv")


def left_out() -> list[dict[str, str]]:
    return shipped_csv("figures-left-out.csv")


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The shipped report in English and in Chinese: lang -> output folder."""
    out = {}
    for lang in ("en", "zh"):
        folder = tmp_path_factory.mktemp(lang)
        args = ["--targets", str(DATA / "targets.toml"), "--actuals", str(DATA / "actuals.xlsx")]
        args += ["--as-of", "2026-10", "--out", str(folder), "--lang", lang]
        result = CliRunner().invoke(main, ["report", *args])
        assert result.exit_code == 0, result.output
        out[lang] = folder
    return out


def targets_of(folder: Path) -> dict[str, dict[str, Any]]:
    data = json.loads((folder / "progress-2026-10.json").read_text(encoding="utf-8"))
    return {t["id"]: t for t in data["targets"]}


# -- one rule for capacity and output -------------------------------------------------------


def test_every_yearly_output_sentence_is_an_output_rate_never_capacity() -> None:
    checked = 0
    for line in log():
        quote = line["quote"]
        if not line["unit"].startswith("pairs"):
            continue  # a firm count from a sentence that also says 年产…
        if not OUTPUT_WORDS.search(quote) or CAPACITY_WORDS.search(quote):
            continue
        checked += 1
        assert not line["indicator"].endswith("_capacity"), line
        # 年产 without a year is an annual rate; with a stated year (2015年…年產量) the year's total
        assert line["basis"] == "rate" or re.fullmatch(r"\d{4}", line["period"]), line
    assert checked >= 8


def test_every_capacity_sentence_is_capacity() -> None:
    capacity = [line for line in log() if line["indicator"].endswith("_capacity")]
    assert capacity, "the capacity series is empty"
    for line in capacity:
        assert CAPACITY_WORDS.search(line["quote"]), line
        assert not OUTPUT_WORDS.search(line["quote"]), line
        assert line["basis"] == "", line  # a level at a date


def test_liaoyuans_2025_annual_output_sentence_is_filed_as_output() -> None:
    rows = [r for r in log() if "年产袜品35亿双" in r["quote"]]
    assert [(r["indicator"], r["period"], r["basis"]) for r in rows] == [
        ("sock_output", "2025-06", "rate")
    ]


# -- the lines re-read ------------------------------------------------------------------------


def test_the_2021_direct_exports_are_left_out_for_their_unsettled_wording() -> None:
    assert not [r for r in log() if r["indicator"] == "exports_direct" and r["period"] == "2021"]
    (why,) = [r for r in left_out() if "2021" in r["lead"]]
    assert "间接出口额2500万元" in why["why_left_out"]  # what the only stored copy says
    # the 2022 figure of the same value stays, from the release that states it
    assert [r["period"] for r in log() if r["indicator"] == "exports_direct"] == ["2022", "2024-06"]


def test_the_weeklys_output_value_restating_its_forecast_is_left_out() -> None:
    weekly = [r for r in log() if r["url"].endswith("article_1153648.html")]
    assert weekly and not [r for r in weekly if r["indicator"] == "output_value" and not r["basis"]]
    assert "output_value" not in {r["indicator"] for r in weekly if r["basis"] == "rate"}
    (why,) = [r for r in left_out() if "产值近35亿元" in r["figures"]]
    assert "预计全年实现35亿元" in why["why_left_out"]


def test_the_firms_above_size_are_dated_by_publication_and_say_so() -> None:
    (line,) = [r for r in log() if r["indicator"] == "firms_above_designated_size"]
    assert (line["period"], line["dating_rule"], line["found"]) == (
        "2026-02",
        "publication",
        "edition",
    )
    assert "2026年2月3日" in line["remarks"] and "第四位" in line["remarks"]
    assert shipped_builder().flags_of(line) == "month_presumed, foreign_edition"


def test_each_december_lead_is_entered_or_listed_as_left_out() -> None:
    entered = {(r["region"], r["indicator"], r["period"]) for r in log()}
    assert ("Jilin", "sock_capacity", "2019-12") in entered  # as a province series
    assert ("Liaoyuan", "sock_output", "2015") in entered
    assert ("Liaoyuan", "sock_companies", "2015") in entered
    assert ("Xiaobeihe", "sock_industry_firms", "2024-07") in entered
    urls = {r["url"] for r in left_out()}
    assert "http://dearsheep10.sjfzxm.com/global/en/588854.html" in urls
    assert any("產值65億元" in r["figures"] for r in left_out())


# -- the log's codes and the workbook's flags -------------------------------------------------


def test_the_logs_editorial_facts_are_codes() -> None:
    build = shipped_builder()
    for line in log():
        assert line["found"] in build.FOUND and line["dating_rule"] in build.DATING_RULES, line
        flags = build.flags_of(line).split(", ")
        assert ("repost" in flags) is (line["found"] in ("repost", "mirror")), line
        presumed = line["dating_rule"] in ("inferred", "publication", "mid_year")
        assert ("month_presumed" in flags) is presumed, line
        # a mirror is never named: its copy is kept for the checker only
        assert not any(m in build.source_of(line) for m in MIRRORS), line
        assert build.note_of(line).startswith("“") and build.note_of(line).endswith("”")


def test_the_shipped_workbook_carries_the_flags() -> None:
    rows = read_actuals(DATA / "actuals.xlsx").rows
    assert len(rows) == len(log())
    for flags in rows["flags"]:
        assert set(filter(None, flags.split(","))) <= set(FLAGS)
    assert (rows["flags"].str.contains("month_presumed")).sum() >= 10


# -- restatements -----------------------------------------------------------------------------


def test_unchanged_since_where_the_figure_was_restated(reports: dict[str, Path]) -> None:
    targets = targets_of(reports["en"])
    assert {i: t["unchanged_since"] for i, t in targets.items() if t["unchanged_since"]} == {
        "xiaobeihe-sock-firms": "2022-06"
    }


def test_the_restatement_is_said_beside_the_latest_figure_in_every_output(
    reports: dict[str, Path],
) -> None:
    said = {
        "en": "unchanged since Jun 2022 — possibly a restated figure",
        "zh": "与2022年6月数据相同，可能沿用旧数",
    }
    for lang, folder in reports.items():
        suffix = ".zh" if lang == "zh" else ""
        html = (folder / f"progress-2026-10{suffix}.html").read_text(encoding="utf-8")
        # on page 1 beside 206 in the bulletin table (its lines each a box: read as text), and
        # on the card beside the latest figure
        assert unescape(re.sub(r"<[^>]+>", "", html)).count(said[lang]) >= 2, lang
        wb = load_workbook(folder / f"progress-2026-10{suffix}.xlsx")
        cells = [str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row]
        assert any(said[lang] in c for c in cells), lang
        document = Document(str(folder / f"progress-2026-10{suffix}.docx"))
        texts = [c.text for t in document.tables for row in t.rows for c in row.cells]
        assert any(said[lang] in t.replace("\n", "") for t in texts), lang


def test_a_presumed_month_says_so_where_the_figure_is_shown(reports: dict[str, Path]) -> None:
    # as read: the bulletin table sets its figure and period in runs a line may not break
    html = (reports["zh"] / "progress-2026-10.zh.html").read_text(encoding="utf-8")
    assert "2（2026年2月；月份为推定）" in unescape(re.sub(r"<[^>]+>", "", html))
    html = (reports["en"] / "progress-2026-10.html").read_text(encoding="utf-8")
    assert "2 (Feb 2026; month presumed)" in unescape(re.sub(r"<[^>]+>", "", html))


def test_an_estimate_says_so_in_the_bulletins_table(reports: dict[str, Path]) -> None:
    """A Chinese reader's find: the table's cell said "26（2025年6月）" beside the paragraph's
    "26亿双（2025年6月，未注明年份的年产规模；估算数）"; the cell says 估算数 too."""
    html = (reports["zh"] / "progress-2026-10.zh.html").read_text(encoding="utf-8")
    table = unescape(re.sub(r"<[^>]+>", "", html.split('class="bulletin-table"', 1)[1]))
    assert "26（2025年6月；估算数）" in table and "38（2025年6月；估算数）" in table
    html = (reports["en"] / "progress-2026-10.html").read_text(encoding="utf-8")
    table = unescape(re.sub(r"<[^>]+>", "", html.split('class="bulletin-table"', 1)[1]))
    assert "2.6 (Jun 2025; estimate)" in table


# -- every source and note in the reader's language -------------------------------------------


def shown_sources(html: str) -> list[str]:
    """The sources and notes the page shows: the source lines of each card and the tables of
    the figures behind its chart (as text)."""
    parts = re.findall(r'<p class="source">(.*?)</p>', html, flags=re.S)
    parts += re.findall(r'<details class="obs">(.*?)</details>', html, flags=re.S)
    return [unescape(re.sub(r"<[^>]+>", " ", p)) for p in parts]


def as_published() -> list[str]:
    """What the report quotes as published: names, bylines, titles and quoted sentences,
    longest first so a title is taken out before a name inside it."""
    names = {r[c] for r in log() for c in ("publisher", "byline", "title") if r[c]}
    return sorted(names, key=len, reverse=True)


def bare(text: str) -> str:
    """A source or note without its quotations “…”, addresses and what is as published."""
    text = URL.sub(" ", text)
    for name in as_published():
        text = text.replace(name, " ")
    return re.sub(r"“[^”]*”", " ", text)


def test_the_english_reports_sources_and_notes_carry_no_chinese_editorial_word(
    reports: dict[str, Path],
) -> None:
    html = (reports["en"] / "progress-2026-10.html").read_text(encoding="utf-8")
    texts = shown_sources(html)
    assert len(texts) > 20
    goal_texts = ("Plan", "Source:")  # the goals' own texts, English where there are any
    for text in texts:
        if text.strip().startswith(goal_texts):
            continue
        assert not HAN.search(bare(text)), bare(text)
    joined = " ".join(texts)
    assert "original not found, read in a repost" in joined
    assert "原文未找到" not in joined and "时期认定依据" not in joined


def test_the_chinese_reports_sources_and_notes_carry_no_english_editorial_word(
    reports: dict[str, Path],
) -> None:
    html = (reports["zh"] / "progress-2026-10.zh.html").read_text(encoding="utf-8")
    texts = shown_sources(html)
    assert len(texts) > 20
    for text in texts:
        left = re.sub(r"[\w.-]+\.(?:com|cn|net|org)\b", " ", bare(text))
        assert not re.findall(r"[A-Za-z]{2,}", left), (left, text)
    joined = " ".join(texts)
    assert "未见原始报道，据转载" in joined and "据外文版" in joined
    assert "repost" not in bare(joined) and "estimate" not in bare(joined)
