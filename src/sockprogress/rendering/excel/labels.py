# ruff: noqa: RUF001  (Chinese text uses full-width punctuation on purpose)
"""Every word the Excel report writes itself, in English and Chinese.

Status words and note sentences come from `rendering.text`; this module holds only the sheet
titles, column headings and explanations that exist in the workbook alone.
"""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    # sheet titles
    "sheet_summary": ("Summary", "汇总"),
    "sheet_changes": ("Changes", "本月变化"),
    "sheet_context": ("Context", "背景指标"),
    "sheet_issues": ("Data issues", "数据问题"),
    "sheet_about": ("About", "说明"),
    # titles and captions
    "title": ("Progress toward targets", "目标进展报告"),
    "report_month": ("Report month", "报告月份"),
    "targets_count": ("{n} targets", "共 {n} 个目标"),
    "page": ("Page &P of &N", "第 &P 页，共 &N 页"),
    "changes_title": ("What changed since last month", "与上月相比的变化"),
    "changes_none": (
        "No target changed its status or latest figure since {month}.",
        "与 {month} 相比，没有目标的状态或最新数值发生变化。",
    ),
    "context_title": ("Context indicators (no target)", "背景指标（无目标值）"),
    "context_none": ("No context indicators.", "无背景指标。"),
    "issues_title": ("Data issues in the inputs", "输入数据中的问题"),
    "issues_none": ("No data issues.", "未发现数据问题。"),
    "issues_hint": (
        "Row numbers are those of the input workbook; errors leave the row out, warnings keep it.",
        "行号为输入工作簿中的行号；错误行不参与计算，警告行参与计算但需注意。",
    ),
    "observations": ("Observations used", "所用观测值"),
    "chart_data": ("Chart data", "图表数据"),
    "blank_because": ("blank: {reason}", "空白原因：{reason}"),
    # column headings
    "region": ("Region", "地区"),
    "target_name": ("Target", "目标"),
    "unit": ("Unit", "单位"),
    "status": ("Status", "状态"),
    "status_code": ("Status code", "状态代码"),
    "share": ("Share of target", "目标完成度"),
    "latest": ("Latest", "最新值"),
    "latest_period": ("Latest period", "最新期"),
    "goal": ("Target value", "目标值"),
    "deadline": ("Deadline", "期限"),
    "baseline": ("Baseline", "基期值"),
    "baseline_period": ("Baseline period", "基期"),
    "gap": ("Gap to target", "差距"),
    "gap_closed": ("Gap closed", "差距缩小"),
    "time_elapsed": ("Time elapsed", "时间进度"),
    "actual_cagr": ("Actual growth / yr", "实际年均增速"),
    "required_cagr": ("Required growth / yr", "所需年均增速"),
    "pace_ratio": ("Pace ratio", "进度比"),
    "pace_category": ("Pace", "进度类别"),
    "required_cagr_from_latest": ("Needed from latest / yr", "此后所需年均增速"),
    "projected_at_deadline": ("Projected at deadline", "期限预计值"),
    "eta": ("Expected date reached", "预计达成日期"),
    "previous_status": ("Previous status", "上月状态"),
    "changed": ("Changed", "有变化"),
    "stale": ("Stale", "数据过旧"),
    "notes": ("Notes", "备注"),
    "what_changed": ("What changed", "变化内容"),
    "previous_latest": ("Previous latest", "上月最新值"),
    "previous_latest_period": ("Previous latest period", "上月最新期"),
    "indicator": ("Indicator", "指标"),
    "name": ("Name", "名称"),
    "basis": ("Basis", "口径"),
    "previous": ("Previous", "前值"),
    "previous_period": ("Previous period", "前值期"),
    "change": ("Change", "变化量"),
    "change_pct": ("Change %", "变化率"),
    "severity": ("Severity", "级别"),
    "file": ("File", "文件"),
    "sheet": ("Sheet", "工作表"),
    "row": ("Row", "行"),
    "column": ("Column", "列"),
    "message": ("Message", "说明"),
    "period": ("Period", "期"),
    "period_end": ("Period end", "期末日期"),
    "value": ("Value", "数值"),
    "input_rows": ("Input rows", "输入行"),
    "date": ("Date", "日期"),
    "year_end": ("Year end", "年末"),
    "actual": ("Actual", "实际值"),
    "required_path": ("Required path", "所需路径"),
    "target_level": ("Target level", "目标水平"),
    "deadline_marker": ("Deadline", "期限"),
    "kind": ("Kind", "类型"),
    "direction": ("Direction", "方向"),
    "plan": ("Plan", "规划"),
    "source": ("Source", "来源"),
    "ytd": ("Year to date", "年初至今累计"),
    "yes": ("yes", "是"),
    "no": ("no", "否"),
    "status_changed": ("status {old} → {new}", "状态 {old} → {new}"),
    "latest_changed": ("latest {old} → {new}", "最新值 {old} → {new}"),
    "none": ("none", "无"),
    "outlook": ("Outlook", "预计"),
    "about_goal": ("About this goal", "目标说明"),
    "check": ("Check", "数据核实"),
    "latest_source": ("Source of the latest figure", "最新数据资料来源"),
    "latest_note": ("Note on the latest figure", "最新数据注"),
    "source_note": ("Source and note", "资料来源及注"),
    "schedule": ("Against the schedule", "与序时进度相比"),
    "revised": ("revised {period}: {old} → {new}", "修订 {period}：{old} → {new}"),
    # About sheet
    "about_title": ("About this report", "关于本报告"),
    "method": ("Method", "方法"),
    "method_text": (
        "Eurostat / Open SDG assessment of progress towards quantitative targets. For each "
        "target the latest figure is compared with the baseline: the actual yearly growth is "
        "divided by the yearly growth needed to go from the baseline to the target by the "
        "deadline. A pace ratio of 0.95 or more is on track, 0.60 to 0.95 moderate progress, 0 "
        "to 0.60 insufficient progress, below 0 moving away. Once the deadline has passed, the "
        "first figure covering the deadline decides achieved or missed; until it is published "
        "the target is awaiting its final figure. A figure that cannot be computed is left "
        "blank and the reason is given, never shown as 0.",
        "采用欧盟统计局 / Open SDG 定量目标进展评估方法。每个目标用最新值与基期值比较：实际年均"
        "增速除以从基期到期限达到目标所需的年均增速，得到进度比。进度比 ≥ 0.95 为进展顺利，"
        "0.60–0.95 为进展一般，0–0.60 为进展不足，< 0 为偏离目标。期限过后，以首个覆盖期限的"
        "数值判定达成或未达成；该数值公布前为等待终值。无法计算的数值留空并说明原因，不以 0 代替。",
    ),
    "units_title": ("Units", "单位"),
    "units_text": (
        "Numbers stay numeric: large figures are shown in millions (m) or billions (bn) by a "
        "display format; the cell holds the full value.",
        "汇总表中的大数以亿或万为单位显示（单位列注明，如“亿双”），单元格中为换算后的数值；"
        "各地区工作表的观测值为原始数值。",
    ),
    "legend_title": ("Status legend", "状态图例"),
    "inputs_title": ("Inputs", "输入文件"),
    "sha256": ("SHA-256", "SHA-256"),
    "charts_title": ("Charts", "图表"),
    "charts_all": (
        "Each target's block on its region sheet has a native chart.",
        "各地区工作表中每个目标都附有图表。",
    ),
    "charts_limited": (
        "This report has {n} targets; native charts are drawn for the {limit} most in need of "
        "attention (missed, moving away and insufficient progress first) to keep the workbook "
        "quick to write and open. Every target keeps its figures and observations.",
        "本报告共有 {n} 个目标；为使工作簿生成和打开迅速，仅为最需关注的 {limit} 个目标"
        "（未达成、偏离目标、进展不足优先）绘制图表。每个目标的数值和观测值均完整保留。",
    ),
    "no_chart": (
        "No chart: charts are limited to the {limit} targets most in need of attention "
        "(see About).",
        "无图表：图表仅限最需关注的 {limit} 个目标（见“说明”）。",
    ),
    "formulas_title": ("Formulas", "公式"),
    "formulas": (
        "The workbook holds values only, no formulas: every figure is computed by sockprogress.",
        "本工作簿只含数值，不含公式：所有数值由 sockprogress 计算。",
    ),
    "subject": ("Monthly progress report, {month}", "月度进展报告，{month}"),
}

# Chinese names for the units used in targets.toml; other units are shown as written.
UNITS_ZH = {
    "pairs": "双",
    "pieces": "件",
    "sets": "套",
    "firms": "家",
    "yuan": "元",
    "people": "人",
    "parcels": "件",
    "items": "项",
    "units": "台",
    "pairs/year": "双/年",
}


def label(key: str, lang: str = "en", **params: object) -> str:
    """The label for `key` in `lang` ('en' or 'zh'), with `{params}` filled in."""
    en, zh = LABELS[key]
    text = zh if lang == "zh" and zh else en
    return text.format(**params) if params else text


def unit_name(unit: str, lang: str = "en") -> str:
    """A unit in the report's language."""
    return UNITS_ZH.get(unit, unit) if lang == "zh" else unit
