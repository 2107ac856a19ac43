"""Words and number formats in both languages (words/words.py), as the renderers use them."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TypedDict, Unpack

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from sockprogress.model import Figures, Issue, Note, Observation, Target, TargetResult
from sockprogress.periods import Month
from sockprogress.words import messages
from sockprogress.words.words import HUGE, Words


@pytest.mark.parametrize(
    ("value", "unit", "en", "zh"),
    [
        (2_600_000_000, "pairs", "2.6 bn pairs", "26亿双"),
        (3_800_000_000, "yuan", "3.8 bn yuan", "38亿元"),
        (2_000_000, "pieces", "2 m pieces", "200万件"),
        (206, "firms", "206 firms", "206户"),
        (45_000, "people", "45,000 people", "4.5万人"),
        (16_330_000, "parcels", "16.33 m parcels", "1633万件"),
        (3.2e11, "yuan", "320 bn yuan", "3200亿元"),
        (-10, "firms", "-10 firms", "-10户"),
        (None, "pairs", "—", "—"),
        (2.5, "kg", "2.5 kg", "2.5 kg"),
    ],
    ids=[
        "bn",
        "yuan",
        "m",
        "small",
        "wan",
        "wan-4-digits",
        "yi-4-digits",
        "negative",
        "none",
        "unknown-unit",
    ],
)
def test_scaled_in_both_languages(value: float | None, unit: str, en: str, zh: str) -> None:
    assert Words.of("en").scaled(value, unit) == en
    assert Words.of("zh").scaled(value, unit) == zh


def test_percent_rate_ratio() -> None:
    assert Words.of().percent(62.5) == "62.5 %"
    assert Words.of("zh").percent(62.5) == "62.5%"
    assert Words.of("en").percent(1234.56, 0) == "1,235 %"
    assert Words.of().rate(0.031) == "+3.1 %/yr"
    assert Words.of("zh").rate(-0.02) == "-2.0%"
    assert Words.of("zh").rate(0.148) == "14.8%"
    assert Words.of("zh").ratio(0.954) == "0.95"
    assert Words.of().percent(None) == Words.of().rate(None) == Words.of().ratio(None) == "—"


def test_dates_and_periods() -> None:
    assert Words.of("en").month(Month(2025, 6)) == "Jun 2025"
    assert Words.of("zh").month(Month(2025, 6)) == "2025年6月"
    assert Words.of("en").date(dt.date(2025, 12, 31)) == "31 Dec 2025"
    assert Words.of("zh").date(dt.date(2025, 12, 31)) == "2025年12月31日"
    assert Words.of("zh").period("2024") == "2024年"
    assert Words.of("en").period("2025-06") == "Jun 2025"
    assert Words.of("zh").period("2025-06-30") == "2025年6月30日"


def test_status_words_and_notes() -> None:
    assert Words.of("en").status_word("missed") == "Missed"
    assert Words.of("zh").status_word("missed") == "未完成"
    assert Words.of("zh").status_word("awaiting_final") == "待期末数据"
    assert Words.of("zh").status_word("moderate_progress") == "进度偏慢"
    assert Words.of().status_word(None) == ""
    note = Note("awaiting_final", (("deadline", "2025-12-31"),))
    # English stays as JSON has always carried it; Chinese reads the date in words.
    assert Words.of().note_text(note) == (
        "The deadline (2025-12-31) has passed; waiting for the figure that covers it."
    )
    said = "完成时限（2025年12月31日）已过，尚未取得期末数据。"
    assert Words.of("zh").note_text(note) == said
    stale = Note("stale", (("period", "2025-06"), ("months", "16")))
    assert Words.of("zh").note_text(stale) == "最新值为2025年6月数据，至报告期已16个月未更新。"
    assert Words.of().note_text(stale) == (
        "The latest figure (2025-06) is 16 months old by the report month (more than 13)."
    )


def test_every_code_has_its_words() -> None:
    """Each status, note, figure and basis the model can hold has a message (and an icon)."""
    from sockprogress.model import STATUSES

    assert set(messages.STATUS_WORDS) == set(STATUSES) == set(messages.STATUS_ICONS)
    assert len(set(messages.STATUS_ICONS.values())) == len(STATUSES)  # one icon, one status
    for status in STATUSES:
        assert Words.of("zh").status_word(status) != Words.of("en").status_word(status)
    for figure in ("share_of_target_pct", "schedule_gap_pts", "pace_ratio", "eta"):
        assert Words.of("zh").figure_name(figure) != Words.of("en").figure_name(figure)


def test_where_and_why_in_chinese() -> None:
    issue = Issue("warning", "x", "actuals.xlsx", "Actuals", 14, "value")
    assert Words.of("en").where(issue) == "actuals.xlsx, sheet Actuals, row 14, column value"
    assert Words.of("zh").where(issue) == "actuals.xlsx，工作表“Actuals”，第14行，“数值”列"
    assert Words.of("zh").why_reason("no baseline") == "无基期值"
    assert Words.of("en").why_reason("no baseline") == "no baseline"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language 'fr'; choose from en, zh"):
        Words.of("fr").status_word("missed")


def test_issue_text_comes_from_its_code_and_falls_back_to_its_message() -> None:
    coded = Issue(
        "warning",
        "no rows for target t1 (region Liaoyuan, indicator sock_output) in the sheet",
        "actuals.xlsx",
        "Actuals",
        code="no_rows",
        params=(("target", "t1"), ("region", "Liaoyuan"), ("indicator", "sock_output")),
    )
    assert Words.of("en").issue_text(coded) == coded.message
    # Without Chinese names the codes stand; with them, the names a Chinese reader knows; the
    # target's id is never shown to a Chinese reader.
    assert Words.of("zh").issue_text(coded) == "“Liaoyuan·sock_output”目标暂无数据"
    named = replace(
        coded, params=(*coded.params, ("region_zh", "辽源"), ("indicator_zh", "袜子年产量"))
    )
    assert Words.of("zh").issue_text(named) == "“辽源·袜子年产量”目标暂无数据"
    assert Words.of("en").issue_text(named) == coded.message
    plain = Issue("warning", "something new", "actuals.xlsx")
    assert Words.of("zh").issue_text(plain) == "something new"
    # A code without the parameters its message needs shows the message rather than failing.
    assert Words.of("zh").issue_text(Issue("error", "bad", code="no_rows")) == "bad"


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

    figures = result_with_figures(
        gap_closed_pct=70.0, time_elapsed_pct=95.3, schedule_gap_pts=-25.3
    )
    # the schedule is that of the latest figure's date (method: time elapsed at t)
    june = Observation(dt.date(2025, 6, 30), 2.6e9, "2025-06", "level")
    behind = replace(figures, latest=june)
    assert (
        schedule_text(behind, Words.of("zh"))
        == "增量完成率70.0%，2025年6月末低于同期序时进度（95.3%）25.3个百分点"
    )
    assert schedule_text(behind, Words.of("en")) == (
        "70.0 % of the gap closed since the baseline; as of Jun 2025, behind the time-proportional "
        "schedule (95.3 %) by 25.3 points"
    )
    ahead = replace(
        result_with_figures(gap_closed_pct=80.0, time_elapsed_pct=60.0, schedule_gap_pts=20.0),
        latest=june,
    )
    assert (
        schedule_text(ahead, Words.of("zh"))
        == "增量完成率80.0%，2025年6月末超同期序时进度（60.0%）20.0个百分点"
    )
    # the schedule is stated as a share; how far ahead or behind, in points
    assert schedule_text(ahead, Words.of("zh")).endswith("）20.0个百分点")


def test_a_plan_goals_schedule_says_its_change_since_the_baseline_in_figures() -> None:
    """A Chinese reader's find: "增量完成率70.0%，2025年6月低于同期序时进度" named neither the
    baseline nor the change; a bulletin says 较…增加…，完成计划增量（…）的…. A goal to cut says
    its fall and the cut planned; one where its baseline was says 无变化; one moved away from
    its goal keeps the share of the gap closed (above). A level's periods are at their end in
    Chinese (2022年6月末)."""
    from sockprogress.rendering.outcome import schedule_text

    figures = result_with_figures(
        gap_closed_pct=70.0, time_elapsed_pct=95.3, schedule_gap_pts=-25.3
    )
    base = Observation(dt.date(2022, 6, 30), 2.0e9, "2022-06", "level")
    june = Observation(dt.date(2025, 6, 30), 4.1e9, "2025-06", "level")
    up = replace(figures, baseline=base, latest=june)
    assert schedule_text(up, Words.of("zh")) == (
        "较2022年6月末（20亿双）增加21亿双，完成计划增量（30亿双）的70.0%，"
        "低于序时进度（截至2025年6月末为95.3%）25.3个百分点"
    )
    assert schedule_text(up, Words.of("en")) == (
        "up 2.1 bn pairs since Jun 2022 (2 bn pairs), 70.0 % of the 3 bn pairs planned; as of "
        "Jun 2025, behind the time-proportional schedule (95.3 %) by 25.3 points"
    )
    # where its baseline was: 无变化, as the goals beside it say their change (a Chinese
    # reader's find: "增量完成率0.0%，2025年6月低于同期序时进度…" read unlike them)
    still = replace(
        up, latest=replace(june, value=2.0e9), figures=replace(up.figures, gap_closed_pct=0.0)
    )
    assert schedule_text(still, Words.of("zh")) == (
        "较2022年6月末（20亿双）无变化，完成计划增量（30亿双）的0.0%，"
        "低于序时进度（截至2025年6月末为95.3%）25.3个百分点"
    )
    assert schedule_text(still, Words.of("en")) == (
        "unchanged since Jun 2022 (2 bn pairs), 0.0 % of the 3 bn pairs planned; as of Jun "
        "2025, behind the time-proportional schedule (95.3 %) by 25.3 points"
    )
    cut = replace(
        up,
        target=replace(up.target, direction="decrease", target=1.0e9),
        baseline=replace(base, value=5.0e9),
        latest=replace(june, value=2.2e9),
    )
    assert schedule_text(cut, Words.of("zh")) == (
        "较2022年6月末（50亿双）下降28亿双，完成计划减少量（40亿双）的70.0%，"
        "低于序时进度（截至2025年6月末为95.3%）25.3个百分点"
    )
    away = replace(up, latest=replace(june, value=1.8e9))  # moved away: the share, as before
    assert schedule_text(away, Words.of("zh")).startswith("增量完成率70.0%，")


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
    from babel import Locale
    from babel.numbers import parse_pattern

    assume(abs(value) < HUGE)
    words = Words.of(lang)
    expected = parse_pattern(pattern).apply(value, Locale.parse(words.locale.babel))
    assert words.decimal(value, pattern) == expected


def test_a_projection_is_shown_to_one_decimal_unless_that_reaches_the_goal() -> None:
    assert Words.of("en").scaled(4.2413e9, "pairs", 1, apart_from=4e9) == "4.2 bn pairs"
    assert Words.of("zh").scaled(2.6173e9, "pairs", 1, apart_from=4e9) == "26.2亿双"
    # 3.96 bn would read 4.0 bn, the goal it misses: one more decimal.
    assert Words.of("en").scaled(3.96e9, "pairs", 1, apart_from=4e9) == "3.96 bn pairs"
    assert Words.of("en").scaled(299.6, "firms", 1, apart_from=300) == "299.6 firms"
    assert Words.of("en").scaled(301.2, "firms", 1, apart_from=300) == "301 firms"


def test_a_projection_is_given_to_ten_million_in_either_language() -> None:
    assert Words.of("zh").projection(2.6173e9, "pairs", 4e9) == "26.2亿双"
    assert Words.of("en").projection(2.6173e9, "pairs", 4e9) == "2.62 bn pairs"
    assert Words.of("en").projection(3.9111e9, "yuan", 5e9) == "3.91 bn yuan"
    assert Words.of("en").projection(3.996e9, "pairs", 4e9) == "3.996 bn pairs"


def test_a_date_reckoned_from_a_pace_is_given_to_the_month() -> None:
    assert Words.of("zh").about_month(dt.date(2058, 6, 15)) == "约2058年6月"
    assert Words.of("en").about_month(dt.date(2058, 6, 15)) == "about Jun 2058"
    assert Words.of().about_month(None) == "—"
