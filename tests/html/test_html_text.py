"""Words and number formats in both languages (text.py), as the renderers use them."""

from __future__ import annotations

import datetime as dt

import pytest

from sockprogress.model import Issue, Note
from sockprogress.periods import Month
from sockprogress.rendering import text


@pytest.mark.parametrize(
    ("value", "unit", "en", "zh"),
    [
        (2_600_000_000, "pairs", "2.6 bn pairs", "26亿双"),
        (3_800_000_000, "yuan", "3.8 bn yuan", "38亿元"),
        (2_000_000, "pieces", "2 m pieces", "200万件"),
        (206, "firms", "206 firms", "206家"),
        (45_000, "people", "45,000 people", "4.5万人"),
        (16_330_000, "parcels", "16.33 m parcels", "1,633万件"),
        (-10, "firms", "-10 firms", "-10家"),
        (None, "pairs", "—", "—"),
        (2.5, "kg", "2.5 kg", "2.5 kg"),
    ],
    ids=["bn", "yuan", "m", "small", "wan", "grouped-wan", "negative", "none", "unknown-unit"],
)
def test_scaled_in_both_languages(value: float | None, unit: str, en: str, zh: str) -> None:
    assert text.scaled(value, unit, "en") == en
    assert text.scaled(value, unit, "zh") == zh


def test_percent_rate_ratio() -> None:
    assert text.percent(62.5) == "62.5 %"
    assert text.percent(62.5, lang="zh") == "62.5%"
    assert text.percent(1234.56, 0, "en") == "1,235 %"
    assert text.rate(0.031) == "+3.1 %/yr"
    assert text.rate(-0.02, "zh") == "-2.0%/年"
    assert text.ratio(0.954, "zh") == "0.95"
    assert text.percent(None) == text.rate(None) == text.ratio(None) == "—"


def test_dates_and_periods() -> None:
    assert text.month_text(Month(2025, 6), "en") == "Jun 2025"
    assert text.month_text(Month(2025, 6), "zh") == "2025年6月"
    assert text.date_text(dt.date(2025, 12, 31), "en") == "31 Dec 2025"
    assert text.date_text(dt.date(2025, 12, 31), "zh") == "2025年12月31日"
    assert text.period_text("2024", "zh") == "2024年"
    assert text.period_text("2025-06", "en") == "Jun 2025"
    assert text.period_text("2025-06-30", "zh") == "2025年6月30日"


def test_status_words_and_notes() -> None:
    assert text.status_word("missed", "en") == "Missed"
    assert text.status_word("missed", "zh") == "未实现"
    assert text.status_word("awaiting_final", "zh") == "待最终数据"
    assert text.status_word(None) == ""
    note = Note("awaiting_final", (("deadline", "2025-12-31"),))
    # English stays as JSON has always carried it; Chinese reads the date in words.
    assert text.note_text(note) == (
        "The deadline (2025-12-31) has passed; waiting for the figure that covers it."
    )
    assert (
        text.note_text(note, "zh") == "截止日期（2025年12月31日）已过，正在等待覆盖该日期的数据。"
    )
    assert text.note_text(Note("stale", (("period", "2025-06"),)), "zh") == (
        "最新数据（2025年6月）已超过13个月。"
    )


def test_every_word_exists_in_both_languages() -> None:
    from sockprogress.rendering import words

    for table in (words.STATUS_WORDS, words.NOTE_TEXT, words.LABELS, words.BASIS, words.METHOD):
        assert set(table["en"]) == set(table["zh"]) if isinstance(table["en"], dict) else True
    assert set(words.STATUS_WORDS["zh"]) == set(words.STATUS_ICONS)


def test_where_and_why_in_chinese() -> None:
    issue = Issue("warning", "x", "actuals.xlsx", "Actuals", 14, "value")
    assert text.where_text(issue, "en") == "actuals.xlsx, sheet Actuals, row 14, column value"
    assert text.where_text(issue, "zh") == "actuals.xlsx，工作表 Actuals，第14行，value 列"
    assert text.why_reason("no baseline", "zh") == "没有基期"
    assert text.why_reason("no baseline", "en") == "no baseline"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language 'fr'; choose from en, zh"):
        text.status_word("missed", "fr")
