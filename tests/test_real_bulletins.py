"""Real published bulletins: the year's goal, the 1—N月 figure, and the 完成率 and 序时进度 gap
they state, reproduced through the real reading and judging code.

REAL PUBLISHED FIGURES, not synthetic: each case below is a sentence from a Chinese
government progress bulletin (or a repost/mirror of one), with its address, publisher and
quote as found (research/bulletins.csv of issue 20; mirrors are named as such; C03/C04 are
quoted in the traditional characters of the page). Only cases whose annual goal and number of
months are stated in the quote itself are used; `year` is the bulletin's year (from its date,
title or text). The one figure not printed as such is C02's year-before value, 313.64 - 153.34
= 160.30亿元, from its stated increase "较去年同期增长153.34亿元".

Bulletins round in two ways, even within one bulletin (马尾 C13 vs C14): the gap from the exact
completion rate, or the printed completion rate minus the printed schedule. The test accepts
either, each to the bulletin's own number of decimals; the completion rate must round exactly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import write_actuals, write_targets

from sockprogress.cli import main
from sockprogress.judging.figures import pace_category


@dataclass(frozen=True)
class Bulletin:
    case_id: str
    url: str
    publisher: str
    year: int
    quote: str
    indicator_zh: str
    unit: str
    goal: float
    months: int
    ytd: float
    completion: str  # as printed, e.g. "30.90"
    gap: str  # points, as printed (negative: behind the schedule)
    yoy: str = ""
    year_before: float | None = None  # the same months a year before, where the bulletin says


BULLETINS: list[Bulletin] = [
    Bulletin(
        case_id="C02",
        url="https://456150.com.cn/bmpd/jmsfzhggj/zdlyxxgk/zdjsxmxxgk/zdxmjz/content/post_2314420.html",
        publisher="江门市发展和改革局 (mirror copy)",
        year=2021,
        quote="2021年安排全市重点建设项目710项,项目总投资6960亿元,年度投资计划1015亿元。全市重点建设项目1-3月项目累计完成投资313.64亿元,较去年同期增长153.34亿元,同比增长95.66%,为年度投资计划的30.90%,超过时间进度5.90个百分点。",
        indicator_zh="市重点建设项目完成投资",
        unit="亿元",
        goal=1015,
        months=3,
        ytd=313.64,
        completion="30.90",
        gap="5.90",
        yoy="95.66",
    ),
    Bulletin(
        case_id="C03",
        url="https://macau.news.fang.com/2016-08-17/22484676.htm",
        publisher="珠海特區報 (珠海市發改局通報), via 房天下",
        year=2016,
        quote="1-7月全市重點建設項目完成投資324.50億元,完成年度投資計劃的65.4%,超過時間進度7.1個百分點。……今年我市安排重點建設項目252項,年度計劃投資496.37億元。",
        indicator_zh="市重点建设项目完成投资",
        unit="亿元",
        goal=496.37,
        months=7,
        ytd=324.5,
        completion="65.4",
        gap="7.1",
        yoy="",
    ),
    Bulletin(
        case_id="C04",
        url="https://macau.news.fang.com/2016-08-17/22484676.htm",
        publisher="珠海特區報 (珠海市發改局通報), via 房天下",
        year=2016,
        quote="其中納入省重點項目32個,年度計劃投資173.55億元。1-7月,32個省重點項目完成投資89.55億元,完成年度計劃的51.6%,落後時間進度6.7個百分點。",
        indicator_zh="省重点项目完成投资(珠海)",
        unit="亿元",
        goal=173.55,
        months=7,
        ytd=89.55,
        completion="51.6",
        gap="-6.7",
        yoy="",
    ),
    Bulletin(
        case_id="C05",
        url="http://tz.panzhihua.gov.cn/tzfw/zwgk/tzsj/512937.shtml",
        publisher="攀枝花市人民政府 (投资促进)",
        year=2006,
        quote="实际到位资金1005136万元,同比增长125%,完成全年80亿目标任务的125.64%,超进度42.31%。",
        indicator_zh="招商引资实际到位资金",
        unit="万元",
        goal=800000,
        months=10,
        ytd=1005136,
        completion="125.64",
        gap="42.31",
        yoy="125",
    ),
    Bulletin(
        case_id="C07",
        url="http://tz.panzhihua.gov.cn/tzfw/zwgk/tzsj/512937.shtml",
        publisher="攀枝花市人民政府 (投资促进)",
        year=2006,
        quote=(
            "其中:国内省外履约项目113个,到位资金为412678万元,完成市下达目标任务的165.07%,"
            "超进度81.74%,完成省政府下达考核目标任务的(83253万元)的495.69%, 超进度412.36%"
        ),
        indicator_zh="招商引资到位资金(国内省外, 省考核口径)",
        unit="万元",
        goal=83253,
        months=10,
        ytd=412678,
        completion="495.69",
        gap="412.36",
        yoy="",
    ),
    Bulletin(
        case_id="C08",
        url="http://aq365.com/html/200910/13/53792.html",
        publisher="安庆市 (市商务/外资口径; aq365 安庆新闻网)",
        year=2009,
        quote="今年1-9月份,我市实际利用外资15150万美元,完成市政府下达19500万美元目标任务的77.69%,超序时进度2.69个百分点,比上年同期增长16.18%。",
        indicator_zh="实际利用外资",
        unit="万美元",
        goal=19500,
        months=9,
        ytd=15150,
        completion="77.69",
        gap="2.69",
        yoy="16.18",
    ),
    Bulletin(
        case_id="C11",
        url="http://mawei.gov.cn/xjwz/zwgk/zfxxgkzdgz/zdjsxm/jsqk/201812/t20181220_2718666.htm",
        publisher="福州市马尾区人民政府 (重点建设项目建设情况)",
        year=2018,
        quote="2018年,我区列入省级重点项目8项,其中续建项目7项,年计划投资11.5亿元,1-11月完成投资11.61亿元,完成年度计划投资的101%,超序时9.3个百分点",
        indicator_zh="省重点项目完成投资(马尾区)",
        unit="亿元",
        goal=11.5,
        months=11,
        ytd=11.61,
        completion="101",
        gap="9.3",
        yoy="",
    ),
    Bulletin(
        case_id="C12",
        url="http://mawei.gov.cn/xjwz/zwgk/zfxxgkzdgz/zdjsxm/jsqk/201812/t20181220_2718666.htm",
        publisher="福州市马尾区人民政府 (重点建设项目建设情况)",
        year=2018,
        quote="2018年,我区列入市级重点项目73项,年计划投资178.1亿元,1-11月完成投资173.94亿元,完成年度计划投资的97.7%,超序时进度6个百分点。",
        indicator_zh="市重点项目完成投资(马尾区)",
        unit="亿元",
        goal=178.1,
        months=11,
        ytd=173.94,
        completion="97.7",
        gap="6",
        yoy="",
    ),
    Bulletin(
        case_id="C13",
        url="http://mawei.gov.cn/xjwz/zwgk/zfxxgkzdgz/zdjsxm/jsqk/201812/t20181220_2718666.htm",
        publisher="福州市马尾区人民政府 (重点建设项目建设情况)",
        year=2018,
        quote="其中续建和计划开工实际已开工项目57项,年计划投资161.6亿元,1-11月完成投资165.67亿元,完成年度计划投资的102.5%,超序时进度10.8个百分点。",
        indicator_zh="市重点项目中续建及已开工项目完成投资",
        unit="亿元",
        goal=161.6,
        months=11,
        ytd=165.67,
        completion="102.5",
        gap="10.8",
        yoy="",
    ),
    Bulletin(
        case_id="C14",
        url="http://mawei.gov.cn/xjwz/zwgk/zfxxgkzdgz/zdjsxm/jsqk/201812/t20181220_2718666.htm",
        publisher="福州市马尾区人民政府 (重点建设项目建设情况)",
        year=2018,
        quote="2018年区重点项目197项,年度计划投资264.41亿元,1-11月完成投资269.48亿元,完成年计划投资的101.9%,超序时进度10.3个百分点。",
        indicator_zh="区重点项目完成投资(马尾区)",
        unit="亿元",
        goal=264.41,
        months=11,
        ytd=269.48,
        completion="101.9",
        gap="10.3",
        yoy="",
    ),
]
# C02 states the increase on a year before (较去年同期增长153.34亿元): the year before's 1—3月.
BULLETINS = [
    Bulletin(**{**b.__dict__, "year_before": round(313.64 - 153.34, 2)})
    if b.case_id == "C02"
    else b
    for b in BULLETINS
]


def decimals(printed: str) -> int:
    return len(printed.split(".")[1]) if "." in printed else 0


def rounded(value: float, places: int) -> Decimal:
    """Rounded half up, as bulletins round (Python's round() rounds half to even)."""
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def judged(case: Bulletin, folder: Path) -> dict[str, Any]:
    """The JSON of a report on the case: a year goal and its 1—N月 figure (basis ytd)."""
    targets = write_targets(
        folder / "targets.toml",
        "\n".join(
            [
                "[[targets]]",
                f'id = "{case.case_id}"',
                'region = "Bulletin"',
                'indicator = "ytd"',
                f'name = "{case.case_id}"',
                f'name_zh = "{case.indicator_zh}"',
                f'unit = "{case.unit}"',
                'kind = "annual_total"',
                'direction = "increase"',
                f"target = {case.goal}",
                f"year = {case.year}",
                f'source = "{case.url}"',
            ]
        ),
    )
    rows = [
        ("Bulletin", "ytd", f"{case.year}-{case.months:02d}", case.ytd, "ytd", case.url, case.quote)
    ]
    if case.year_before is not None:
        period = f"{case.year - 1}-{case.months:02d}"
        rows.append(("Bulletin", "ytd", period, case.year_before, "ytd", case.url, case.quote))
    actuals = write_actuals(folder / "actuals.xlsx", rows)
    as_of = f"{case.year}-{case.months + 1:02d}"
    out = folder / "out"
    args = ["report", "--targets", str(targets), "--actuals", str(actuals), "--as-of", as_of]
    result = CliRunner().invoke(main, [*args, "--format", "json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads((out / f"progress-{as_of}.json").read_text("utf-8"))
    target: dict[str, Any] = data["targets"][0]
    return target


def test_at_least_eight_real_cases() -> None:
    assert len(BULLETINS) >= 8
    assert all(b.url.startswith("http") and b.quote and b.publisher for b in BULLETINS)
    assert [b.case_id for b in BULLETINS if b.year_before] == ["C02"]  # its 同比 is checked


@pytest.mark.parametrize("case", BULLETINS, ids=[b.case_id for b in BULLETINS])
def test_a_bulletins_completion_rate_and_schedule_gap_are_reproduced(
    case: Bulletin, tmp_path: Path
) -> None:
    t = judged(case, tmp_path)
    assert t["ytd_value"] == case.ytd
    assert t["ytd_period"] == f"{case.year}-{case.months:02d}"
    share, schedule, gap = (
        t["ytd_share_of_target_pct"],
        t["ytd_schedule_pct"],
        t["ytd_schedule_gap_pts"],
    )
    assert schedule == pytest.approx(100 * case.months / 12)  # 序时进度: months, never days
    # 完成全年目标的…%: to the bulletin's decimals
    places = decimals(case.completion)
    assert rounded(share, places) == Decimal(case.completion), (share, case.quote)
    # 超/落后序时进度…个百分点: from the exact rate, or printed rate minus printed schedule
    gap_places = decimals(case.gap)
    exact = rounded(gap, gap_places)
    printed = rounded(float(rounded(share, places) - rounded(schedule, places)), gap_places)
    assert Decimal(case.gap) in (exact, printed), (gap, case.quote)
    # The status a bulletin implies: 提前完成全年目标 once the goal is met, else the year's pace.
    if case.ytd >= case.goal:
        assert t["status"] == "achieved"
    else:
        ratio = (case.ytd / case.goal) / (case.months / 12)
        assert t["ytd_pace_ratio"] == pytest.approx(ratio)
        assert t["status"] == pace_category(ratio)
    assert t["schedule_gap_pts"] is None  # the year's own schedule speaks
    if case.year_before is not None:
        assert rounded(t["ytd_yoy_pct"], decimals(case.yoy)) == Decimal(case.yoy)
