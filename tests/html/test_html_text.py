"""Words and number formats in both languages (formatting.py), as the renderers use them."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TypedDict, Unpack

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from sockprogress.model import Figures, Issue, Note, Target, TargetResult
from sockprogress.periods import Month
from sockprogress.rendering import formatting


@pytest.mark.parametrize(
    ("value", "unit", "en", "zh"),
    [
        (2_600_000_000, "pairs", "2.6 bn pairs", "26亿双"),
        (3_800_000_000, "yuan", "3.8 bn yuan", "38亿元"),
        (2_000_000, "pieces", "2 m pieces", "200万件"),
        (206, "firms", "206 firms", "206户"),
        (45_000, "people", "45,000 people", "4.5万人"),
        (16_330_000, "parcels", "16.33 m parcels", "1,633万件"),
        (-10, "firms", "-10 firms", "-10户"),
        (None, "pairs", "—", "—"),
        (2.5, "kg", "2.5 kg", "2.5 kg"),
    ],
    ids=["bn", "yuan", "m", "small", "wan", "grouped-wan", "negative", "none", "unknown-unit"],
)
def test_scaled_in_both_languages(value: float | None, unit: str, en: str, zh: str) -> None:
    assert formatting.scaled(value, unit, "en") == en
    assert formatting.scaled(value, unit, "zh") == zh


def test_percent_rate_ratio() -> None:
    assert formatting.percent(62.5) == "62.5 %"
    assert formatting.percent(62.5, lang="zh") == "62.5%"
    assert formatting.percent(1234.56, 0, "en") == "1,235 %"
    assert formatting.rate(0.031) == "+3.1 %/yr"
    assert formatting.rate(-0.02, "zh") == "-2.0%"
    assert formatting.rate(0.148, "zh") == "14.8%"
    assert formatting.ratio(0.954, "zh") == "0.95"
    assert formatting.percent(None) == formatting.rate(None) == formatting.ratio(None) == "—"


def test_dates_and_periods() -> None:
    assert formatting.month_text(Month(2025, 6), "en") == "Jun 2025"
    assert formatting.month_text(Month(2025, 6), "zh") == "2025年6月"
    assert formatting.date_text(dt.date(2025, 12, 31), "en") == "31 Dec 2025"
    assert formatting.date_text(dt.date(2025, 12, 31), "zh") == "2025年12月31日"
    assert formatting.period_text("2024", "zh") == "2024年"
    assert formatting.period_text("2025-06", "en") == "Jun 2025"
    assert formatting.period_text("2025-06-30", "zh") == "2025年6月30日"


def test_status_words_and_notes() -> None:
    assert formatting.status_word("missed", "en") == "Missed"
    assert formatting.status_word("missed", "zh") == "未完成"
    assert formatting.status_word("awaiting_final", "zh") == "待期末数据"
    assert formatting.status_word("moderate_progress", "zh") == "进度偏慢"
    assert formatting.status_word(None) == ""
    note = Note("awaiting_final", (("deadline", "2025-12-31"),))
    # English stays as JSON has always carried it; Chinese reads the date in words.
    assert formatting.note_text(note) == (
        "The deadline (2025-12-31) has passed; waiting for the figure that covers it."
    )
    assert formatting.note_text(note, "zh") == "完成时限（2025年12月31日）已过，期末数据尚未发布。"
    stale = Note("stale", (("period", "2025-06"), ("months", "16")))
    assert formatting.note_text(stale, "zh") == "最新值为2025年6月数据，至报告期已16个月未更新。"
    assert formatting.note_text(stale) == (
        "The latest figure (2025-06) is 16 months old by the report month (more than 13)."
    )


def test_every_code_has_its_words() -> None:
    """Each status, note, figure and basis the model can hold has a message (and an icon)."""
    from sockprogress.model import STATUSES

    assert set(formatting.STATUS_WORDS) == set(STATUSES) == set(formatting.STATUS_ICONS)
    assert len(set(formatting.STATUS_ICONS.values())) == len(STATUSES)  # one icon, one status
    for status in STATUSES:
        assert formatting.status_word(status, "zh") != formatting.status_word(status, "en")
    for figure in ("share_of_target_pct", "schedule_gap_pts", "pace_ratio", "eta"):
        assert formatting.figure_name(figure, "zh") != formatting.figure_name(figure, "en")


def test_where_and_why_in_chinese() -> None:
    issue = Issue("warning", "x", "actuals.xlsx", "Actuals", 14, "value")
    assert formatting.where_text(issue, "en") == "actuals.xlsx, sheet Actuals, row 14, column value"
    assert formatting.where_text(issue, "zh") == "actuals.xlsx，工作表“Actuals”，第14行，“数值”列"
    assert formatting.why_reason("no baseline", "zh") == "无基期值"
    assert formatting.why_reason("no baseline", "en") == "no baseline"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language 'fr'; choose from en, zh"):
        formatting.status_word("missed", "fr")


def test_issue_text_comes_from_its_code_and_falls_back_to_its_message() -> None:
    coded = Issue(
        "warning",
        "no rows for target t1 (region Liaoyuan, indicator sock_output) in the sheet",
        "actuals.xlsx",
        "Actuals",
        code="no_rows",
        params=(("target", "t1"), ("region", "Liaoyuan"), ("indicator", "sock_output")),
    )
    assert formatting.issue_text(coded, "en") == coded.message
    # Without Chinese names the codes stand; with them, the names a Chinese reader knows.
    assert formatting.issue_text(coded, "zh") == "没有目标 t1（Liaoyuan·sock_output）的数据"
    named = replace(
        coded, params=(*coded.params, ("region_zh", "辽源"), ("indicator_zh", "袜子年产量"))
    )
    assert formatting.issue_text(named, "zh") == "没有目标 t1（辽源·袜子年产量）的数据"
    assert formatting.issue_text(named, "en") == coded.message
    plain = Issue("warning", "something new", "actuals.xlsx")
    assert formatting.issue_text(plain, "zh") == "something new"
    # A code without the parameters its message needs shows the message rather than failing.
    assert formatting.issue_text(Issue("error", "bad", code="no_rows"), "zh") == "bad"


class Schedule(TypedDict, total=False):
    """The Figures fields the schedule tests set."""

    gap_closed_pct: float
    time_elapsed_pct: float
    schedule_gap_pts: float


def result_with_figures(**figures: Unpack[Schedule]) -> TargetResult:
    target = Target(
        "t1",
        "Liaoyuan",
        "sock_output",
        "Sock output",
        "pairs",
        "level",
        "increase",
        5e9,
        dt.date(2025, 12, 31),
    )
    return TargetResult(
        target,
        (),
        None,
        None,
        None,
        Figures(**figures),
        "on_track",
        "on_track",
        None,
        False,
        (),
        (),
    )


def test_schedule_is_in_points_never_percent() -> None:
    from sockprogress.rendering.outcome import schedule_text

    behind = result_with_figures(gap_closed_pct=70.0, time_elapsed_pct=95.3, schedule_gap_pts=-25.3)
    assert schedule_text(behind, "zh") == "增量完成率70.0%，落后序时进度25.3个百分点"
    assert schedule_text(behind, "en") == (
        "70.0 % of the gap closed since the baseline; behind the time-proportional schedule by "
        "25.3 points"
    )
    ahead = result_with_figures(gap_closed_pct=80.0, time_elapsed_pct=60.0, schedule_gap_pts=20.0)
    assert schedule_text(ahead, "zh") == "增量完成率80.0%，超序时进度20.0个百分点"
    assert "%" not in schedule_text(ahead, "zh").split("，")[1]


@settings(max_examples=3000, deadline=None)
@given(
    value=st.one_of(
        st.floats(min_value=-1e15, max_value=1e15, allow_nan=False, allow_infinity=False),
        st.integers(min_value=-(10**9), max_value=10**9).map(lambda n: n / 1000),
        st.integers(min_value=-(10**6), max_value=10**6).map(lambda n: n / 8 + 0.005),
    ),
    pattern=st.sampled_from(
        ["#,##0.##", "#,##0.#", "+#,##0.0;-#,##0.0", "0.00", "0.000", "#,##0", "#,##0.00"]
    ),
    lang=st.sampled_from(["en", "zh"]),
)
def test_numbers_are_written_as_babel_writes_them(value: float, pattern: str, lang: str) -> None:
    """The fast path for plain patterns gives Babel's digits: half to even, -0, grouping."""
    from babel.numbers import parse_pattern

    assume(abs(value) < formatting.HUGE)
    expected = parse_pattern(pattern).apply(value, formatting._locale(lang))
    assert formatting._decimal(value, pattern, lang) == expected


def test_a_projection_is_shown_to_one_decimal_unless_that_reaches_the_goal() -> None:
    assert formatting.scaled(4.2413e9, "pairs", "en", 1, apart_from=4e9) == "4.2 bn pairs"
    assert formatting.scaled(2.6173e9, "pairs", "zh", 1, apart_from=4e9) == "26.2亿双"
    # 3.96 bn would read 4.0 bn, the goal it misses: one more decimal.
    assert formatting.scaled(3.96e9, "pairs", "en", 1, apart_from=4e9) == "3.96 bn pairs"
    assert formatting.scaled(299.6, "firms", "en", 1, apart_from=300) == "299.6 firms"
    assert formatting.scaled(301.2, "firms", "en", 1, apart_from=300) == "301 firms"


def test_a_projection_is_given_to_ten_million_in_either_language() -> None:
    assert formatting.projection(2.6173e9, "pairs", 4e9, "zh") == "26.2亿双"
    assert formatting.projection(2.6173e9, "pairs", 4e9, "en") == "2.62 bn pairs"
    assert formatting.projection(3.9111e9, "yuan", 5e9, "en") == "3.91 bn yuan"
    assert formatting.projection(3.996e9, "pairs", 4e9, "en") == "3.996 bn pairs"


def test_a_date_reckoned_from_a_pace_is_given_to_the_month() -> None:
    assert formatting.about_month(dt.date(2058, 6, 15), "zh") == "约2058年6月"
    assert formatting.about_month(dt.date(2058, 6, 15), "en") == "about Jun 2058"
    assert formatting.about_month(None) == "—"
