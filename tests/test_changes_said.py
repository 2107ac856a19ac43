"""The page's list of changes says each goal as a Chinese office's list does (a Chinese reader's
finds on a made-up county, tests/yeargoals.py): the goal, a colon, its status, what it was last
month, and its new figure (SAID), where the page said "固定资产投资 — ◆ 进度偏慢（上月为暂无法
评估）；新的最新值：82亿元（2026年1—10月）"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import changes_listed
from yeargoals import AS_OF, county_report, year_to_date_rows

from sockprogress.rendering.html import render_html
from sockprogress.words.words import Words

SAID = {
    "zh": "固定资产投资：◆ 进度偏慢（上月暂无法评估）；最新值更新为82亿元（2026年1—10月）",
    "en": (
        "Fixed-asset investment: ◆ Moderate progress (was Not assessable); "
        "new latest figure: 8.2 bn yuan (Jan–Oct 2026)"
    ),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_status_change_is_listed_as_an_office_lists_it(tmp_path: Path, lang: str) -> None:
    # last month recomputed from a sheet without September's figures: not assessable then
    report = county_report(tmp_path, year_to_date_rows(), AS_OF, dt.date(2026, 11, 20))
    listed = changes_listed(render_html(report, Words.of(lang)))
    assert SAID[lang] in listed, listed
