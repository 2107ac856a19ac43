"""The wording tables behind text.py, one entry per language (`en`, `zh`).

Only text.py reads these; renderers ask text.py, so a new language is one more column here.
"""

from __future__ import annotations

from typing import Literal

# The languages, here rather than in text.py so that the command line can name them without
# importing Babel before it starts the chart worker.
Lang = Literal["en", "zh"]
LANGS: tuple[Lang, ...] = ("en", "zh")
DEFAULT_LANG: Lang = "en"
LANG_ENV = "SOCKPROGRESS_LANG"

STATUS_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "achieved": "Achieved",
        "missed": "Missed",
        "awaiting_final": "Awaiting final figure",
        "on_track": "On track",
        "moderate_progress": "Moderate progress",
        "insufficient_progress": "Insufficient progress",
        "moving_away": "Moving away",
        "not_assessable": "Not assessable",
    },
    "zh": {
        "achieved": "已实现",
        "missed": "未实现",
        "awaiting_final": "待最终数据",
        "on_track": "按期推进",
        "moderate_progress": "进展一般",
        "insufficient_progress": "进展不足",
        "moving_away": "偏离目标",
        "not_assessable": "无法评估",
    },
}

# Shapes differ as well as colours, so the status reads in greyscale print and for colour-blind
# readers; the word always stands beside the icon. Each is in Noto CJK and DejaVu, the fonts CI
# installs, so none renders as an empty box.
STATUS_ICONS = {
    "achieved": "✓",
    "missed": "×",
    "awaiting_final": "○",
    "on_track": "▲",
    "moderate_progress": "◆",
    "insufficient_progress": "▼",
    "moving_away": "⊘",
    "not_assessable": "?",
}

NOTE_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "no_observation": "No usable observation for this target.",
        "no_pace": "Only one observation and no baseline value: the pace cannot be measured yet.",
        "no_pace_later": "No observation later than the baseline ({period}): the pace cannot be "
        "measured yet.",
        "no_pace_undefined": "The pace cannot be measured: see the blank figures.",
        "estimate": "The latest figure is an estimate: an annual rate stated in {period} without "
        "a calendar year. It is never the final figure.",
        "final_figure": "Judged on the final figure for the deadline: {period}.",
        "met_late": "The target was met later, in {period}, after the deadline.",
        "final_not_in": "Achieved already; the final figure for the deadline is not in yet.",
        "awaiting_final": "The deadline ({deadline}) has passed; waiting for the figure that "
        "covers it.",
        "baseline_missing": "No observation for the baseline period {period}; figures that need "
        "a baseline are left blank.",
        "stale": "The latest figure ({period}) is more than 13 months old.",
        "ttm": "Latest figure is the twelve months to {period} (trailing twelve months).",
    },
    "zh": {
        "no_observation": "此目标没有可用的观测值。",
        "no_pace": "只有一个观测值且没有基期值：暂时无法衡量进度。",
        "no_pace_later": "没有晚于基期（{period}）的观测值：暂时无法衡量进度。",
        "no_pace_undefined": "无法衡量进度：见留空指标的原因。",
        "estimate": "最新数据为估算数：{period}发布的年产规模（未注明年份），不作为期末数据。",
        "final_figure": "按覆盖截止日期的最终数据判定：{period}。",
        "met_late": "目标在截止日期之后（{period}）才达到。",
        "final_not_in": "已达到目标；覆盖截止日期的最终数据尚未发布。",
        "awaiting_final": "截止日期（{deadline}）已过，正在等待覆盖该日期的数据。",
        "baseline_missing": "基期 {period} 没有观测值；需要基期的指标留空。",
        "stale": "最新数据（{period}）已超过13个月。",
        "ttm": "最新数据为截至{period}的近十二个月合计。",
    },
}

# Reasons an undefined figure is blank (judging/figures.py writes them in English).
WHY_ZH = {
    "no usable observation": "没有可用的观测值",
    "no baseline": "没有基期",
    "the target equals the baseline": "目标值等于基期值",
    "the deadline is not after the baseline": "截止日期不晚于基期",
    "needs an observation later than the baseline": "需要晚于基期的观测值",
    "the baseline is not above zero": "基期值不大于零",
    "the required growth is zero": "所需增长为零",
    "not defined": "无定义",
    "no pace": "无法计算进度",
    "the latest observation is at or after the deadline": "最新观测值已到或超过截止日期",
    "the target is already met": "目标已达到",
    "the current pace does not move toward the target": "按当前速度不会接近目标",
    "beyond any calendar date at the current pace": "按当前速度无法在可计算的日期内达到",
}

UNITS_ZH = {
    "pairs": "双",
    "yuan": "元",
    "firms": "家",
    "pieces": "件",
    "sets": "套",
    "people": "人",
    "units": "台",
    "items": "项",
    "parcels": "件",
    "pairs/year": "双/年",
}

BASIS = {
    "en": {
        "level": "level",
        "annual": "calendar year",
        "ttm": "12 months to",
        "ytd": "year to date",
        "rate": "annual rate, year not stated",
    },
    "zh": {
        "level": "时点数",
        "annual": "全年数",
        "ttm": "近12个月累计",
        "ytd": "1—本月累计",
        "rate": "年产规模（未注明年份）",
    },
}

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Target progress report",
        "report_month": "Report month",
        "counts": "Targets by status",
        "contents": "Contents",
        "filter": "select one to show only those",
        "show_all": "All",
        "changes": "What changed since last month",
        "no_changes": "No status and no latest figure changed since last month.",
        "was": "was {value}",
        "semicolon": "; ",
        "n_targets": "{n} targets",
        "new_figure": "new latest figure",
        "new_figures": "{n} targets have a new latest figure and the same status",
        "summary": "Summary",
        "regions": "Targets by region",
        "region": "Region",
        "target": "Target",
        "goal": "Goal",
        "by": "by",
        "baseline": "Baseline",
        "latest": "Latest",
        "progress": "Share of goal",
        "status": "Status",
        "last_month": "last month",
        "gap": "Gap",
        "gap_closed": "Gap closed since baseline",
        "time_elapsed": "Time elapsed",
        "actual_growth": "Actual growth",
        "required_growth": "Required growth",
        "needed_from_latest": "Needed from latest",
        "pace_ratio": "Pace ratio",
        "projected": "Projected at deadline",
        "eta": "Expected date",
        "ytd": "Year to date",
        "notes": "Notes",
        "blank_because": "Blank figures",
        "source": "Source",
        "plan": "Plan",
        "chart_actual": "actual",
        "chart_path": "path to the goal",
        "chart_goal": "goal",
        "chart_deadline": "deadline",
        "chart_label": "{name}: actual values against the goal of {goal} by {deadline}",
        "chart_unit": "Vertical axis in {unit}.",
        "charts_limited": "Charts are drawn for {shown} of {total} targets (those most in need of "
        "attention first); the others show their figures only.",
        "context": "Context indicators",
        "context_intro": "Published figures without a goal: the latest value and the change "
        "from the one before.",
        "indicator": "Indicator",
        "previous": "Previous",
        "change": "Change",
        "issues": "Data issues",
        "severity": "Severity",
        "where": "Where",
        "message": "Message",
        "error": "error",
        "warning": "warning",
        "none": "None.",
        "method": "Method",
        "inputs": "Inputs",
        "back_to_top": "Back to top",
        "table": "table",
        "colon": ": ",
        "goal_by": "{goal} by {deadline}",
        "n_status": "{n} {status}",
        "n_likely": "{n} {outlook}",
        "deadline_passed": "The deadline of {deadline} passed {months} ago. Of its {total}: "
        "{counts}.",
        "deadline_passed_this_month": "The deadline of {deadline} passed this month. Of its "
        "{total}: {counts}.",
        "before_deadline": "Before their deadline, {total}: {counts}.",
        "n_months": "{n} months",
        "n_months_one": "{n} month",
        "n_targets_of": "{n} targets",
        "n_targets_of_one": "{n} target",
        "n_checks": "{n} targets rest on a figure to check (marked below).",
        "n_checks_one": "{n} target rests on a figure to check (marked below).",
        "compared_recomputed": "Last month is judged again from this month's sheet.",
        "outlook_likely_achieved": "likely achieved",
        "outlook_likely_missed": "likely missed",
        "outlook": "Outlook",
        "estimate": "estimate",
        "latest_share": "latest {latest}, {share} of goal",
        "check_figure": "⚠ Check this figure",
        "row_n": "row {row}",
        "ahead_of_schedule": "{closed} of the gap closed since the baseline; ahead of the "
        "time-proportional schedule by {points} points",
        "behind_schedule": "{closed} of the gap closed since the baseline; behind the "
        "time-proportional schedule by {points} points",
        "schedule": "Against the schedule",
        "compared_published": "Compared with last month's report as published ({file}).",
        "compared_recomputed_none": "No report for last month was found ({file}): last month "
        "is judged again from this month's sheet.",
        "compared_recomputed_unreadable": "Last month's report ({file}) could not be read: last "
        "month is judged again from this month's sheet.",
        "compared_recomputed_foreign": "{file} is not a report of this tool: last month is "
        "judged again from this month's sheet.",
        "compared_recomputed_other_month": "{file} is not last month's report: last month is "
        "judged again from this month's sheet.",
        "revised": "Revised since last month's report",
        "revision": "{period}: {old} → {new}",
        "observations": "Figures behind the chart",
        "period": "Period",
        "value": "Value",
        "latest_source": "Source of the latest figure",
        "latest_note": "Note on the latest figure",
        "blank_line": "Blank figures",
        "about_goal": "About this goal",
    },
    "zh": {
        "title": "目标进度报告",
        "report_month": "报告月份",
        "counts": "各状态目标数",
        "contents": "目录",
        "filter": "点击可只显示该状态",
        "show_all": "全部",
        "changes": "与上月相比的变化",
        "no_changes": "与上月相比，没有目标的状态或最新数据发生变化。",
        "was": "上月为{value}",
        "semicolon": "；",
        "n_targets": "{n}个目标",
        "new_figure": "新的最新数据",
        "new_figures": "{n}个目标有新的最新数据，状态未变",
        "summary": "总览",
        "regions": "各地区目标",
        "region": "地区",
        "target": "目标",
        "goal": "目标值",
        "by": "截止",
        "baseline": "基期",
        "latest": "最新",
        "progress": "完成比例",
        "status": "状态",
        "last_month": "上月",
        "gap": "差距",
        "gap_closed": "自基期以来缩小的差距",
        "time_elapsed": "时间进度",
        "actual_growth": "实际年均增长",
        "required_growth": "所需年均增长",
        "needed_from_latest": "此后所需年均增长",
        "pace_ratio": "进度比",
        "projected": "截止日预计值",
        "eta": "预计达到日期",
        "ytd": "年初至今",
        "notes": "说明",
        "blank_because": "空缺指标",
        "source": "来源",
        "plan": "规划",
        "chart_actual": "实际值",
        "chart_path": "达标路径",
        "chart_goal": "目标值",
        "chart_deadline": "截止日期",
        "chart_label": "{name}：实际值与目标（{deadline}前达到{goal}）对比",
        "chart_unit": "纵轴单位：{unit}。",
        "charts_limited": "共{total}个目标，只为其中{shown}个（最需关注者优先）绘制图表；"
        "其余只列出数据。",
        "context": "背景指标",
        "context_intro": "没有目标值的已公布数据：最新值及与前一值相比的变化。",
        "indicator": "指标",
        "previous": "前值",
        "change": "变化",
        "issues": "数据问题",
        "severity": "级别",
        "where": "位置",
        "message": "说明（英文）",
        "error": "错误",
        "warning": "警告",
        "none": "无。",
        "method": "方法",
        "inputs": "输入文件",
        "back_to_top": "返回顶部",
        "table": "表格",
        "colon": "：",
        "goal_by": "{deadline}前达到{goal}",
        "n_status": "{status}{n}项",
        "n_likely": "{outlook}{n}项",
        "deadline_passed": "{deadline}目标期限已过{months}。该期限的{total}中：{counts}。",
        "deadline_passed_this_month": "{deadline}目标期限已于本月到期。该期限的{total}中："
        "{counts}。",
        "before_deadline": "尚未到期的{total}：{counts}。",
        "n_months": "{n}个月",
        "n_months_one": "{n}个月",
        "n_targets_of": "{n}项目标",
        "n_targets_of_one": "{n}项目标",
        "n_checks": "{n}项目标所依据的数据需核实（见下文标注）。",
        "n_checks_one": "{n}项目标所依据的数据需核实（见下文标注）。",
        "compared_recomputed": "上月情况按本月数据表重新测算。",
        "outlook_likely_achieved": "预计完成",
        "outlook_likely_missed": "预计未完成",
        "outlook": "预计",
        "estimate": "估算数",
        "latest_share": "最新{latest}，完成目标的{share}",
        "check_figure": "⚠ 请核实该数据",
        "row_n": "第{row}行",
        "ahead_of_schedule": "增量完成率{closed}，超序时进度{points}个百分点",
        "behind_schedule": "增量完成率{closed}，落后序时进度{points}个百分点",
        "schedule": "与序时进度相比",
        "compared_published": "与上月已发布的报告（{file}）相比。",
        "compared_recomputed_none": "未找到上月报告（{file}），上月情况按本月数据表重新测算。",
        "compared_recomputed_unreadable": "上月报告（{file}）无法读取，"
        "上月情况按本月数据表重新测算。",
        "compared_recomputed_foreign": "{file}不是本工具生成的报告，上月情况按本月数据表重新测算。",
        "compared_recomputed_other_month": "{file}不是上月报告，上月情况按本月数据表重新测算。",
        "revised": "上月报告发布后修订的数据",
        "revision": "{period}：{old} → {new}",
        "observations": "图表所用数据",
        "period": "时期",
        "value": "数值",
        "latest_source": "最新数据资料来源",
        "latest_note": "最新数据注",
        "blank_line": "留空指标",
        "about_goal": "目标说明",
    },
}

FIGURE_NAMES: dict[str, dict[str, str]] = {
    "en": {},
    "zh": {
        "share_of_target_pct": "完成比例",
        "gap": "差距",
        "gap_closed_pct": "缩小的差距",
        "time_elapsed_pct": "时间进度",
        "actual_cagr": "实际年均增长",
        "required_cagr": "所需年均增长",
        "pace_ratio": "进度比",
        "pace_category": "进度类别",
        "required_cagr_from_latest": "此后所需年均增长",
        "projected_at_deadline": "截止日预计值",
        "eta": "预计达到日期",
        "schedule_gap_pts": "与序时进度之差",
    },
}

METHOD: dict[str, tuple[str, ...]] = {
    "en": (
        "Progress is judged by the Eurostat / Open SDG method for quantitative targets. The pace "
        "ratio compares the actual compound annual growth since the baseline with the growth "
        "needed to reach the goal by its deadline: on track at 0.95 or more, moderate progress "
        "from 0.60, insufficient progress from 0, moving away below 0.",
        "Once a deadline has passed, the first figure that covers it decides: achieved or missed; "
        "until it arrives the target awaits its final figure. A figure older than 13 months is "
        "flagged as stale. Figures that cannot be computed are left blank with the reason.",
    ),
    "zh": (
        "进度按欧盟统计局（Eurostat）和 Open SDG 评估量化目标的方法判定。进度比是基期以来的实际"
        "年均复合增长率与按期达到目标所需增长率之比：0.95及以上为按期推进，0.60至0.95为进展一般，"
        "0至0.60为进展不足，小于0为偏离目标。",
        "截止日期过后，以第一个覆盖截止日期的数据判定已实现或未实现；该数据公布之前，目标为待最终"
        "数据。超过13个月的数据标为过时。无法计算的指标留空并说明原因。",
    ),
}
