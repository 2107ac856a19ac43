"""What each code of the model says: the message ids behind statuses, notes, data issues,
blank-figure reasons, figures, units and bases, in one place.

The ids are the English text (gettext's convention); `N_` only marks them for `pybabel
extract`, and a `Words` (words.py) translates them where they are shown. A code that is missing
here is shown as written (an issue: as its message); tests/test_catalogue.py keeps the codes the
judging and reading code give in step with these tables.
"""

from __future__ import annotations

from collections.abc import Mapping

from .catalogue import N_

STATUS_WORDS: dict[str, str] = {
    "achieved": N_("Achieved"),
    "missed": N_("Missed"),
    "awaiting_final": N_("Awaiting final figure"),
    "on_track": N_("On track"),
    "moderate_progress": N_("Moderate progress"),
    "insufficient_progress": N_("Insufficient progress"),
    "moving_away": N_("Moving away"),
    "not_assessable": N_("Not assessable"),
}

# A status as every output says it of one goal (outcome.nuance): achieved before its
# deadline, 已提前完成; on track below its year's schedule within the tolerance,
# 基本达到进度要求 (达到进度要求 beside 低于1.9个百分点 read as a contradiction). The JSON keeps
# the status.
NUANCED_WORDS: dict[tuple[str, str], str] = {
    ("achieved", "ahead"): N_("Achieved ahead of time"),
    ("on_track", "broadly"): N_("Broadly on track"),
}
# What a count of goals of a status says of those with a nuance among them: `已完成3项（含提前
# 完成1项）` / `3 achieved (of which 1 ahead of time)`
NUANCED_AMONG: dict[tuple[str, str], str] = {
    ("achieved", "ahead"): N_(" (of which {n} ahead of time)"),
    ("on_track", "broadly"): N_(" (of which {n} broadly on track)"),
}

# One set of icons for the page, the workbook and the terminal. Shapes differ as well as
# colours, so the status reads in greyscale print and for colour-blind readers; the word always
# stands beside the icon. Each is in DejaVu and Noto CJK, the fonts CI installs, so none renders
# as an empty box in Chromium or in LibreOffice's PDF.
STATUS_ICONS: dict[str, str] = {
    "achieved": "✔",
    "missed": "✘",
    "awaiting_final": "○",
    "on_track": "▲",
    "moderate_progress": "◆",
    "insufficient_progress": "▼",
    "moving_away": "⊘",
    "not_assessable": "◇",
}

NOTE_TEXT: dict[str, str] = {
    "no_observation": N_("No usable observation for this target."),
    "no_pace": N_("Only one observation and no baseline value: the pace cannot be measured yet."),
    "final_figure": N_("Judged on the final figure for the deadline: {period}."),
    "met_late": N_("The target was met later, in {period}, after the deadline."),
    "final_not_in": N_("Achieved already; the final figure for the deadline is not in yet."),
    "awaiting_final": N_(
        "The deadline ({deadline}) has passed; waiting for the figure that covers it."
    ),
    "baseline_missing": N_(
        "No observation for the baseline period {period}; figures that need a baseline are "
        "left blank."
    ),
    "stale": N_(
        "The latest figure ({period}) is {months} months old by the report month (more than 13)."
    ),
    "ttm": N_("Latest figure is the twelve months to {period} (trailing twelve months)."),
    "no_pace_later": N_(
        "No observation later than the baseline ({period}): the pace cannot be measured yet."
    ),
    "no_pace_undefined": N_("The pace cannot be measured: see the blank figures."),
    "ytd_met": N_("The year's goal is already met by the year-to-date figure to {period}."),
    "year_months_missing": N_(
        "No year-to-date figure of its year: {missing} month(s) without an amount (the first "
        "{period}), so its months to {through} cannot be summed."
    ),
    "year_no_figure": N_(
        "No figure of {year} yet: a goal for the year {year} is judged only on that year's figures."
    ),
    "on_track_behind_line": N_(
        "On track on its growth a year ({percent} % of the rate the goal needs; 95 % or more is "
        "on track), though {points} points behind the time-proportional schedule: that schedule "
        "is a straight line, and a steady rate of growth closes less of the gap early on and "
        "more later."
    ),
    "on_track_margin": N_(
        "On track on its rate of decline a year ({percent} % of the rate the goal needs; 95 % or "
        "more is on track), though {points} points behind the time-proportional schedule."
    ),
    "short_ahead_of_line": N_(
        "Short of the rate of decline a year the goal needs ({percent} % of it; 95 % or more is "
        "on track), though {points} points ahead of the time-proportional schedule: that "
        "schedule is a straight line, and a steady rate of decline closes more of the gap early "
        "on and less later."
    ),
    "estimate": N_(
        "The latest figure is an estimate: an annual rate stated in {period} without a calendar "
        "year. It is never the final figure."
    ),
}

# Reasons a figure is blank, as judging/figures.py writes them (in English, in the JSON's
# `why_null`); each is a message id. A test keeps this list and figures.py in step.
WHY_REASONS: tuple[str, ...] = (
    N_("no usable observation"),
    N_("no baseline"),
    N_("the target equals the baseline"),
    N_("the deadline is not after the baseline"),
    N_("needs an observation later than the baseline"),
    N_("the baseline is not above zero"),
    N_("the required growth is zero"),
    N_("not defined"),
    N_("no pace"),
    N_("the latest observation is at or after the deadline"),
    N_("the target is already met"),
    N_("the current pace does not move toward the target"),
    N_("beyond any calendar date at the current pace"),
    N_("no year-to-date figure"),
    N_("the same months of the year before are not known"),
    N_("not the goal's own year"),
    N_("the year's own schedule applies (year-to-date)"),
)

# The figures of method.md by their JSON names, as a reader calls them.
FIGURE_NAMES: dict[str, str] = {
    "share_of_target_pct": N_("Share of goal"),
    "gap": N_("Gap to goal"),
    "gap_closed_pct": N_("Gap closed since baseline"),
    "time_elapsed_pct": N_("Time elapsed"),
    "schedule_gap_pts": N_("Ahead (+) or behind (-) the time-proportional schedule, points"),
    "actual_cagr": N_("Actual growth a year"),
    "required_cagr": N_("Required growth a year"),
    "pace_ratio": N_("Pace ratio (actual ÷ required growth)"),
    "pace_category": N_("Pace judgement"),
    "required_cagr_from_latest": N_("Growth a year needed from now"),
    "projected_at_deadline": N_("Projected at deadline"),
    "eta": N_("Expected date reached"),
    "ytd_share_of_target_pct": N_("Share of the year's goal"),
    "ytd_schedule_pct": N_("Schedule (months gone)"),
    "ytd_schedule_gap_pts": N_("Against the year's schedule, points"),
    "ytd_yoy_pct": N_("Change on a year before"),
}

# Units of targets.toml; other units are shown as written.
UNITS: dict[str, str] = {
    "pairs": N_("pairs"),
    "yuan": N_("yuan"),
    "firms": N_("firms"),
    "pieces": N_("pieces"),
    "sets": N_("sets"),
    "people": N_("people"),
    "units": N_("machines"),
    "items": N_("items"),
    "parcels": N_("parcels"),
    "pairs/year": N_("pairs/year"),
    "t": N_("t"),
    "tce": N_("tce"),
}

# A figure's flags (model.FLAGS), beside the figure or its source wherever it is shown.
FLAG_TEXT: dict[str, str] = {
    "month_presumed": N_("month presumed"),
    "lower_bound": N_("lower bound of a 'more than' figure"),
    "approximate": N_("approximate in the source"),
    "repost": N_("original not found, read in a repost"),
    "foreign_edition": N_("read in a foreign-language edition"),
}
# Flags said of the figure (beside its period) and of its source (after it).
FIGURE_FLAGS = ("month_presumed", "lower_bound", "approximate")
SOURCE_FLAGS = ("repost", "foreign_edition")

BASIS: dict[str, str] = {
    "level": N_("level at period end"),
    "annual": N_("calendar year"),
    "ttm": N_("trailing twelve months"),
    "ytd": N_("year to date"),
    "month": N_("that month"),
    "rate": N_("annual rate, year not stated"),
}

# Column names of the Actuals sheet, as an issue's "where" names them.
COLUMNS: dict[str, str] = {
    "region": N_("region"),
    "indicator": N_("indicator"),
    "period": N_("period"),
    "value": N_("value"),
    "basis": N_("basis"),
    "source": N_("source"),
    "note": N_("note"),
    "flags": N_("flags"),
}

# Data issues by code: the message, filled from `Issue.params`. An issue whose code is not
# here is shown as its (English) message.
ISSUE_TEXT: dict[str, str] = {
    "empty_cell": N_("the cell is empty"),
    "period_empty": N_("the period is empty; write a year (2024), a month (2025-06) or a date"),
    "period_invalid": N_(
        "'{value}' is not a period; write a year (2024), a month (2025-06) or a date (2025-06-30)"
    ),
    "period_near_miss": N_("'{value}' is not a period; write the month as {month}"),
    "period_decimal": N_(
        "'{value}' is stored as a number (Excel turns 2026.10 into 2026.1, so January and "
        "October look alike): write the month with a hyphen, like {year}-10, or set the cell's "
        "format to text first"
    ),
    "period_date_serial": N_(
        "{value} is the date {date} as Excel stores it, in a cell of General or Number format: "
        "write the period as text with an apostrophe before it ('{month})"
    ),
    "basis_unknown": N_(
        "unknown basis '{value}'; use month (that month's amount), ytd (January to that month) "
        "or rate (an annual rate stated at that month, no calendar year)"
    ),
    "flag_unknown": N_(
        "unknown flag '{flag}'; use month_presumed, lower_bound, approximate, repost or "
        "foreign_edition, one from the next by a comma"
    ),
    "value_not_number": N_(
        "'{value}' is not a number; type the figure in digits, with a point for its decimals, "
        "e.g. 2684.56"
    ),
    "value_scaled_in_unit": N_(
        "'{value}' is read in full, but this series is counted in {unit} (its figures are "
        "written in {unit}); type {written}"
    ),
    "value_with_unit": N_(
        "'{value}' has its unit written in; type the number alone, {number} (the unit is the "
        "targets file's)"
    ),
    "value_is_date": N_("'{value}' is a date, not a number; format the cell as a number"),
    "value_empty": N_("the value is empty; type the figure as a number"),
    "value_not_finite": N_("'{value}' is not a finite number"),
    "value_not_positive": N_(
        "{value} is not above zero; progress is measured on positive values (a month's own "
        "amount or a year-to-date sum may be 0)"
    ),
    "value_as_text": N_("'{value}' was stored as text; read as {number}"),
    "value_number_as_text": N_("the number '{value}' was stored as text; read as {number}"),
    "value_not_a_number": N_("'{value}' is not a number"),
    "merged_top": N_("cells {span} are merged; unmerge them and type the value in every row"),
    "merged_below": N_(
        "this row's cell is part of merged cells {span}, so it reads as empty; unmerge them "
        "and type the value in every row"
    ),
    "merged_below_left_out": N_(
        "this row's cell is part of merged cells {span}, so it reads as empty; the row is left "
        "out; unmerge them and type the value in every row"
    ),
    "formula_no_result": N_(
        "the formula in {cell} has no saved result (the file was written by a program that "
        "does not calculate); open it in Excel, save it, and run again"
    ),
    "cell_error": N_(
        "cell {cell} holds the error {error}, not a figure or a name; the row is left out; "
        "correct the formula or type the value"
    ),
    "blank_row": N_("blank row in the middle of the table; it is skipped"),
    "name_cleaned": N_("'{raw}' has stray spaces or full-width characters; read as '{fixed}'"),
    "basis_not_month": N_("basis applies to month rows only; ignored on a year or date row"),
    "no_source": N_(
        "the figure has no source, so the report shows it without one; give the article or "
        "bulletin it comes from"
    ),
    "period_not_ended": N_("period {period} has not ended yet (today is {today})"),
    "duplicate_same": N_(
        "{region} / {indicator} / {period} is also in {others} with the same figure; row "
        "{used} (the lower one) is used"
    ),
    "duplicate_left_out": N_(
        "{region} / {indicator} / {period} is also in {others}, which could not be read "
        "(see its error); row {used} above it, {value}, is used"
    ),
    "duplicate_conflict": N_(
        "{region} / {indicator} / {period} is also in {others} with conflicting values "
        "({values}); row {used} (the lower one) is used"
    ),
    "date_for_annual_total": N_(
        "{target} is a goal on a year's total: its period cannot be a date, so the row is not "
        "used for it; type the year (2024) or the month (2025-06) again as text: format the "
        "cell as Text first, or start it with an apostrophe ('2025-06). Excel and WPS store "
        "2025-06 typed in a cell of General format as the date 2025-06-01"
    ),
    "year_row_differs": N_(
        "{target}: the {period} year row ({total}) differs from its January–December "
        "year-to-date ({months}, {rows}); the year row is used"
    ),
    "total_underivable": N_(
        "{target}: the {period} total cannot be derived: the figures of {rows} give {total} (a "
        "year-to-date figure below an earlier one?); it is not judged"
    ),
    "ytd_months_differ": N_(
        "{target}: the month amounts through {period} ({rows}) add up to {months}, but the "
        "year-to-date row {ytd_row} says {ytd}; the year-to-date row is used"
    ),
    "ytd_months_differ_between": N_(
        "{target}: the month amounts of {from_period} to {period} ({rows}) add up to "
        "{months}, but the year-to-date rows {start_row} and {ytd_row} say {difference} ({ytd} "
        "less {start_ytd}); the year-to-date rows are used"
    ),
    "level_same_day": N_(
        "{target}: periods {periods} ({others} and row {used}) end on the same day ({end}) "
        "and are one period of a level, with values {values}; row {used} (the lower one) is used"
    ),
    "ttm_underivable": N_(
        "{target}: the twelve months to {period} cannot be derived: the figures of {rows} give "
        "{total} (a year-to-date figure below an earlier one, or a year total below its "
        "year-to-date?); it is not judged"
    ),
    "goal_in_full": N_(
        "target {target}: its unit {unit} counts in {scale} already, yet its goal is written in "
        "full ({goal} {unit}); write the goal in {unit} ({meant}), or a unit without {scale} "
        "and the goal in full"
    ),
    "wrong_side": N_(
        "target {target}: direction is '{direction}' but the target ({goal}) is on the wrong side "
        "of its baseline ({baseline}, {period}); it is judged as written; fix the direction or "
        "the figures"
    ),
    "row_too_long": N_(
        "the row has {cells} cells where the header has {columns} columns, so its cells are "
        "not under their headings; a comma (,) inside a cell (a source such as 'Xinhua, "
        "2025-06-22')? put that cell in double quotes"
    ),
    "stray_cells": N_(
        "the sheet has {count} stray cells far below the table ({cells}), after {blank} blank "
        "rows; they are not read: delete them, or move real rows up to the table"
    ),
    "name_invisible": N_(
        "'{fixed}' holds invisible characters ({hidden}); they are removed, so it reads as "
        "'{fixed}'"
    ),
    "name_yes_no": N_("{value} is a yes/no cell, not a name"),
    "value_out_of_range": N_(
        "{value} is larger than any statistic ({high}, a thousand trillion, is the limit); "
        "check the unit and the digits"
    ),
    "no_rows": N_(
        "no rows for target {target} (region {region}, indicator {indicator}) in the sheet"
    ),
    # (its words are ISSUE_VARIANTS', by which of its two names is close to the sheet's)
    "no_rows_close": N_(
        "no rows for target {target} (region {region}, indicator {indicator}) in the sheet, "
        "whose region or indicator is close to one of the sheet's"
    ),
    "no_rows_left_out": N_(
        "no usable rows for target {target} (region {region}, indicator {indicator}): its "
        "rows in the sheet ({rows}) were left out for the errors listed on them"
    ),
    "baseline_missing": N_("target {target}: no observation for its baseline period {period}"),
    "year_months_missing": N_(
        "target {target}: {missing} month(s) without an amount (the first {period}), so its "
        "year-to-date figure to {through} cannot be summed from its months; add the missing "
        "months' amounts, or the year-to-date figure of {through} (basis ytd)"
    ),
    "year_before_missing": N_(
        "target {target}: the sheet does not give {months}, the same months a year before, so "
        "the change on a year before of its {ytd} cannot be given"
    ),
    "no_usable_rows": N_(
        "target {target}: none of its {count} rows up to the report month is a figure it can be "
        "judged on, so it is not assessable"
    ),
    "basis_on_level": N_(
        "target {target}: the goal is a level (a figure at a date), but the row's basis is "
        "'{basis}'; it is read as the level at its month's end"
    ),
    "plausibility.jump": N_(
        "check this figure: {series} = {value} is {factor} times away from the other figures of "
        "the series (a 万/亿 slip is 10,000 or 100,000,000 times)"
    ),
    "plausibility.step": N_(
        "check this figure: {series} = {value} is {factor} times the figure before it "
        "({before}, {period}); an extra 0 makes 10 times"
    ),
    "plausibility.ytd_falls": N_(
        "check this figure: {series} = {value} is below the year-to-date figure of an earlier "
        "month ({before}, {period}); a year-to-date sum does not fall"
    ),
    "plausibility.amount_as_ytd": N_(
        "check this figure: {series} = {value} is a month's own amount, yet as large as the "
        "year-to-date sum before it ({before}, {period}); a 1—N月 figure is written with the "
        "basis ytd"
    ),
    "plausibility.not_whole": N_("{value} is not a whole number"),
    "plausibility.scale": N_(
        "check this figure: {series} = {value} is far outside the scale of its target ({target})"
    ),
    "unknown_region": N_(
        "no target or [[regions]] entry names region '{region}'; the row is left out "
        "(regions: {regions})"
    ),
    "undeclared_indicator": N_(
        "indicator '{indicator}' has no target and is not listed under [[indicators]] in the "
        "targets file"
    ),
    "indicator_close": N_(
        "indicator '{indicator}' has no target, yet is close to '{close}', which has one: its "
        "rows are read as an indicator of their own, without a goal"
    ),
    # `actuals add`: a name the row gives that nothing else uses
    "add_no_source": N_(
        "the figure has no source, so the report shows it without one; give the article or "
        "bulletin it comes from with --source (and --replace to add it now)"
    ),
    "unused_region": N_(
        "region '{name}' is named by no target and no [[regions]] entry of the targets file: "
        "the report leaves its rows out until one names it"
    ),
    "unused_indicator": N_(
        "indicator '{name}' is used by no target and no earlier row; check the spelling"
    ),
    "add_unused": N_(
        "no goal can be judged on this figure ({goals}): a goal on a year's total needs that "
        "year's total, or the twelve months to a month (a year-to-date sum counts only in the "
        "goal's own year); a level needs a figure at a date. It is stored; the report judges "
        "them without it"
    ),
}

# Codes whose sentence depends on one parameter: (parameter, {its value: message}); any other
# value of it takes the code's message in ISSUE_TEXT.
ISSUE_VARIANTS: dict[str, tuple[str, dict[str, str]]] = {
    # a goal without rows whose region or indicator is close to the sheet's (a typo in the
    # targets file): which of the two names differs
    "no_rows_close": (
        "close",
        {
            "region": N_(
                "no rows for target {target} (region {region}, indicator {indicator}) in the "
                "sheet, which has this indicator's rows for region {close_region}: if the "
                "targets file's region '{typed}' is meant to be '{meant}', correct it there"
            ),
            "indicator": N_(
                "no rows for target {target} (region {region}, indicator {indicator}) in the "
                "sheet, which has this region's rows of indicator {close_indicator}: if the "
                "targets file's indicator '{typed}' is meant to be '{meant}', correct it there"
            ),
        },
    ),
    # a goal written in a unit of its own over a series' figures (a 2030 goal in 亿双 beside
    # the 2025 goal in 双: plausibility.check_scale)
    "plausibility.scale": (
        "cause",
        {
            "goal_unit": N_(
                "check this goal: the target of {series}, {target}, is in {target_unit}, the "
                "series' figures in {unit}, so they cannot be compared ({value}); write the goal "
                "in {unit} ({converted}), as the series' other goals are"
            ),
        },
    ),
    # why a period cell is not one (periods.PeriodError's `fault`)
    "period_invalid": (
        "fault",
        {
            "empty": N_(
                "the period is empty; write a year (2024), a month (2025-06) or a date (2025-06-30)"
            ),
            "month": N_(
                "'{value}' is not a period: month {month} does not exist; write a year (2024), "
                "a month (2025-06) or a date (2025-06-30)"
            ),
            "date": N_(
                "'{value}' is not a date; write a year (2024), a month (2025-06) or a date "
                "(2025-06-30)"
            ),
            "year": N_(
                "'{value}' is not a plausible period: year {year} is outside years {first} to "
                "{last}; write a year (2024), a month (2025-06) or a date (2025-06-30)"
            ),
            "span": N_(
                "'{value}' is a span of months: a figure for January to a month is written at "
                "that month ({last}) with basis ytd"
            ),
        },
    ),
    # a fall is said as a fraction, as Chinese editorial style says it (约为前一数值的1/10)
    "plausibility.step": (
        "side",
        {
            "down": N_(
                "check this figure: {series} = {value} is 1/{factor} of the figure before it "
                "({before}, {period}); a missing 0 makes a tenth"
            ),
            # the odd one out found reading backwards: held against the figure after it
            "up_after": N_(
                "check this figure: {series} = {value} is {factor} times the figure after it "
                "({before}, {period}); an extra 0 makes 10 times"
            ),
            "down_after": N_(
                "check this figure: {series} = {value} is 1/{factor} of the figure after it "
                "({before}, {period}); a missing 0 makes a tenth"
            ),
        },
    ),
    "value_out_of_range": (
        "side",
        {
            "low": N_(
                "{value} is smaller than any statistic ({low} is the limit); check the unit "
                "and the digits"
            ),
        },
    ),
    # one stray cell: said in the singular
    "stray_cells": (
        "count",
        {
            "1": N_(
                "the sheet has {count} stray cell far below the table ({cells}), after {blank} "
                "blank rows; it is not read: delete it, or move real rows up to the table"
            ),
        },
    ),
    "wrong_side": (
        "side",
        {
            "increase": N_(
                "target {target}: direction is '{direction}' but the target ({goal}) is below "
                "its baseline ({baseline}, {period}); it is judged as written; fix the direction "
                "or the figures"
            ),
            "decrease": N_(
                "target {target}: direction is '{direction}' but the target ({goal}) is above "
                "its baseline ({baseline}, {period}); it is judged as written; fix the direction "
                "or the figures"
            ),
            # no baseline in the file: the first figure is taken as one
            "increase_first": N_(
                "target {target}: direction is '{direction}' but the target ({goal}) is below "
                "its first figure ({baseline}, {period}), which stands for its baseline as the "
                "file gives none; it is judged as written; fix the direction or the figures, or "
                "give a baseline"
            ),
            "decrease_first": N_(
                "target {target}: direction is '{direction}' but the target ({goal}) is above "
                "its first figure ({baseline}, {period}), which stands for its baseline as the "
                "file gives none; it is judged as written; fix the direction or the figures, or "
                "give a baseline"
            ),
        },
    ),
}

# The parameters of a code that are numbers, by the format English gives them (as the English
# sentence always wrote them); another language writes them as its report does (40亿, 1万倍).
# COUNT: a count of rows or cells, in digits (1,048,572 / 1048572). EXACT: a figure with every
# digit it was given (2,684.56 / 2684.56), where rounding would defeat the sentence: a figure
# that is not a whole number, two sums that differ. Any other parameter is shown as written:
# a cell's text ('12345' is not a period) is never read as a number.
COUNT = "count"
EXACT = "exact"
EXACT_SCALED = "exact scaled"
ISSUE_NUMBERS: dict[str, dict[str, str]] = {
    "value_not_positive": {"value": "g"},
    "value_out_of_range": {"value": "g", "low": "g", "high": "g"},
    # the figure read, in full digits: "39亿" read as 3900000000 (as 39亿 it said nothing)
    "value_as_text": {"number": EXACT},
    "value_scaled_in_unit": {"written": EXACT},
    "value_number_as_text": {"number": EXACT},
    "stray_cells": {"count": COUNT, "blank": COUNT},
    "row_too_long": {"cells": COUNT, "columns": COUNT},
    "no_usable_rows": {"count": COUNT},
    "year_row_differs": {"total": EXACT_SCALED, "months": EXACT_SCALED},
    "total_underivable": {"total": "g"},
    "ytd_months_differ": {"months": EXACT_SCALED, "ytd": EXACT_SCALED},
    "duplicate_left_out": {"value": EXACT_SCALED},
    "ytd_months_differ_between": {
        "months": EXACT_SCALED,
        "ytd": EXACT_SCALED,
        "start_ytd": EXACT_SCALED,
        "difference": EXACT_SCALED,
    },
    "ttm_underivable": {"total": "g"},
    "wrong_side": {"goal": "g", "baseline": "g"},
    "goal_in_full": {"goal": ",.10g", "meant": ",.10g"},
    "plausibility.jump": {"value": ",.10g", "factor": ",.0f"},
    "plausibility.step": {"value": ",.10g", "factor": ",.0f", "before": ",.10g"},
    "plausibility.ytd_falls": {"value": ",.10g", "before": ",.10g"},
    "plausibility.amount_as_ytd": {"value": ",.10g", "before": ",.10g"},
    "plausibility.not_whole": {"value": EXACT},
    "plausibility.scale": {"value": ",.10g", "target": ",.10g", "converted": EXACT},
}
# The number parameters of an error, as ISSUE_NUMBERS gives an issue's: 2,600,000,000 / 26亿.
ERROR_NUMBERS: dict[str, dict[str, str]] = {
    "row_exists": {"value": ",.10g"},
    "sheet_too_wide": {"rows": COUNT, "columns": COUNT},  # 1,048,576 / 1048576, as Excel shows it
}
# the number parameters said with the issue's `unit` beside them (2,100 firms / 2100户), as every
# figure the report shows is
ISSUE_UNITS: dict[str, tuple[str, ...]] = {
    "plausibility.jump": ("value",),
    "plausibility.step": ("value", "before"),
    "plausibility.ytd_falls": ("value", "before"),
    "plausibility.amount_as_ytd": ("value", "before"),
    "plausibility.scale": ("value", "target"),
    "plausibility.not_whole": ("value",),
    "row_exists": ("value",),  # an error's figure too: "is already there (130 firms)"
}


def issue_message_id(code: str, params: Mapping[str, str]) -> str | None:
    """The message id of a data issue's code (its variant for its parameters), or None."""
    message = ISSUE_TEXT.get(code)
    variants = ISSUE_VARIANTS.get(code)
    if variants is not None:
        key, table = variants
        message = table.get(params.get(key, ""), message)
    return message


# How the workbook shows large figures, by the locale's `workbook_scale` (About sheet).
WORKBOOK_SCALE_NOTES: dict[str, str] = {
    "divide": N_(
        "Large figures on the Summary sheet are shown in 亿 (10^8) or 万 (10^4), as the Unit "
        "column says ({example}); the cell holds the scaled number. The observations on the "
        "region sheets are as published."
    ),
    # the same where no figure is scaled (a county's goals in 亿元): no 亿双 of another office
    "as_given": N_(
        "Figures, the observations on the region sheets among them, are in the units the goals "
        "give, as the Unit column says; none is rescaled."
    ),
    "format": N_(
        "Numbers stay numeric: large figures are shown in millions (m) or billions (bn) by a "
        "display format; the cell holds the full value."
    ),
}

OUTLOOK_WORDS: dict[str, str] = {
    "likely_achieved": N_("likely achieved"),
    "likely_missed": N_("likely missed"),
}

# Errors that stop a command (errors.py), by code: the message, filled from the error's params.
# One line naming the file (sheet, row, column, option) first, then what to do.
ERRORS: dict[str, str] = {
    # a file given to read (reading/safety.py, reading/actuals.py)
    "file_not_found": N_("{file}: file not found"),
    "cannot_read": N_("{file}: cannot be read ({reason})"),
    "special_file": N_("{file}: is {kind}, not a file; give {what} saved on disk"),
    "folder_not_file": N_("{file}: is a folder, not {what}"),
    "file_too_large": N_("{file}: {size} MB is larger than the {limit} MB limit for {what}"),
    "workbook_empty": N_("{file}: the file is empty; expected an .xlsx workbook"),
    "default_input_missing": N_(
        "{file}: file not found; run the command in your working folder (the one sockprogress "
        "init made), or give the file with {option}"
    ),
    "default_input_inside": N_(
        "{file}: file not found: this is the {folder} folder itself; run the command from the "
        "folder above it (cd ..), or give the file with {option}"
    ),
    "outputs_open": N_(
        "{files} open in another program: left as it was; close it and run again (written: "
        "{written})"
    ),
    "actuals_open": N_(
        "{file} is open in {program}: rows not saved there yet are not read; save it first"
    ),
    "csv_encoding": N_(
        "{file}: the CSV file is neither UTF-8 nor GBK text; save it again as CSV UTF-8"
    ),
    "workbook_xls": N_(
        "{file}: an old Excel 97-2003 (.xls) workbook; open it in Excel and save it as .xlsx "
        "(Excel Workbook)"
    ),
    "workbook_encrypted": N_(
        "{file}: the workbook is password-protected; open it in Excel, remove the password "
        "(File > Info > Protect Workbook > Encrypt with Password) and save it"
    ),
    "workbook_is_targets": N_(
        "{file} is a targets file, not a workbook: --actuals takes the workbook "
        "(data/actuals.xlsx), --targets the goals' .toml file"
    ),
    "workbook_not_zip": N_(
        "{file}: not an .xlsx workbook (it may be a CSV or another file renamed); open it in "
        "Excel and save it as .xlsx"
    ),
    "workbook_damaged": N_(
        "{file}: the workbook is damaged (not a readable zip); open it in Excel and save it again"
    ),
    "workbook_inflates": N_(
        "{file}: the workbook would inflate to {size} MB, past the {limit} MB limit; refusing "
        "to open it"
    ),
    "workbook_zip_bomb": N_(
        "{file}: part {part} is compressed {ratio}:1, a zip bomb; refusing to open it"
    ),
    "workbook_no_workbook_part": N_(
        "{file}: not an Excel workbook (no xl/workbook.xml); save it from Excel as .xlsx"
    ),
    "workbook_dtd": N_(
        "{file}: part {part} declares a DTD or entities, which Excel never writes; refusing to "
        "open it"
    ),
    "workbook_unreadable": N_("{file}: cannot be read as a workbook ({reason})"),
    "no_actuals_sheet": N_("{file}: no sheet named '{sheet}' (or '{other}'); sheets: {sheets}"),
    "csv_quote_open": N_(
        '{file}, row {row}: a quote (") in this row is never closed, or a cell goes on after '
        "its closing quote, so the rows after it cannot be told apart; fix the quotes in that "
        'row (a quote inside a cell is written twice: "")'
    ),
    "sheet_too_wide": N_(
        "{file}, sheet {sheet}, cell {cell}: a value this far from the table makes the sheet "
        "{rows} rows by {columns} columns, too large to read; clear that cell's contents "
        "(Ctrl+End goes to the last cell used) and save"
    ),
    "two_actuals_sheets": N_(
        "{file}: has both a sheet '{sheet}' and a sheet '{other}'; keep the figures on one of "
        "them and rename or delete the other"
    ),
    "no_actuals_sheet_close": N_(
        "{file}: no sheet named '{sheet}' (did you mean '{close}'? rename it to '{sheet}'); "
        "sheets: {sheets}"
    ),
    "sheet_unreadable": N_("{file}, sheet {sheet}: cannot be read ({reason})"),
    "sheet_empty": N_("{file}, sheet {sheet}: the sheet is empty; expected a header row {header}"),
    "header_column_twice": N_(
        "{file}, sheet {sheet}, row {row}: column '{column}' appears twice in the header "
        "({cells}); keep one of them, and rename or delete the other"
    ),
    "header_column_missing": N_(
        "{file}, sheet {sheet}, row {row}: required column '{column}' is missing; the header "
        "must be {header} (or {header_chinese})"
    ),
    "header_column_missing_close": N_(
        "{file}, sheet {sheet}, row {row}: required column '{column}' is missing (is '{close}' "
        "meant to be '{column}'?); the header must be {header} (or {header_chinese})"
    ),
    # the targets file's Chinese names (reading/names.py)
    "name_zh_ambiguous": N_(
        "{file}: the Chinese name '{name}' stands for two {what}, '{first}' and '{second}'; "
        "give each its own name_zh, so that a row written with it means one series"
    ),
    # the targets file (reading/targets.py); `where` names the entry: "targets.toml, target 3
    # (id xiaobeihe-sock-firms)"
    "targets_not_table": N_("{where}: expected a table of keys"),
    "targets_unknown_key": N_("{where}: unknown key '{key}'"),
    "targets_unknown_key_close": N_("{where}: unknown key '{key}' (did you mean '{close}'?)"),
    "targets_missing_key": N_("{where}: missing key '{key}'"),
    "targets_not_text": N_("{where}: '{key}' must be non-empty text, got {value}"),
    "targets_text_too_long": N_(
        "{where}: '{key}' is {length} characters long; keep it under {limit}"
    ),
    "targets_not_choice": N_("{where}: '{key}' must be '{first}' or '{second}', got '{value}'"),
    "targets_not_choice_close": N_(
        "{where}: '{key}' must be '{first}' or '{second}', got '{value}' (did you mean '{close}'?)"
    ),
    "targets_not_number": N_("{where}: '{key}' must be a number, got {value}"),
    "targets_number_as_text": N_(
        "{where}: '{key}' must be a number, got the text '{text}'; write it in digits without "
        "quotes: {key} = {digits}"
    ),
    "targets_not_positive": N_("{where}: '{key}' must be above zero, got {value}"),
    "targets_not_finite": N_("{where}: '{key}' is not a finite number"),
    "targets_too_large": N_(
        "{where}: '{key}' {value} is larger than any statistic ({high}, a thousand trillion, "
        "is the limit); check the unit and the digits"
    ),
    "targets_too_small": N_(
        "{where}: '{key}' {value} is smaller than any statistic ({low} is the limit); check "
        "the unit and the digits"
    ),
    "targets_not_date": N_("{where}: '{key}' must be a date like 2025-12-31, got {value}"),
    "targets_date_range": N_(
        "{where}: '{key}' {day} is not a plausible date; use a year from {first} to {last}"
    ),
    "targets_no_deadline": N_(
        "{where}: missing key 'deadline' (a date like 2025-12-31), or 'year' (e.g. year = "
        "2026) for a goal of one calendar year"
    ),
    "targets_deadline_and_year": N_(
        "{where}: give either 'deadline' or 'year', not both: 'year = {value}' already means "
        "the deadline 31 December of that year"
    ),
    "targets_year_not_year": N_(
        "{where}: 'year' must be a year like 2026 (a whole number), got {value}"
    ),
    "targets_year_range": N_(
        "{where}: 'year' {year} is not a plausible year; use a year from {first} to {last}"
    ),
    "targets_year_level": N_(
        "{where}: 'year' is for a goal of one calendar year's total (kind = \"annual_total\"); "
        "a level goal takes a deadline, e.g. deadline = {year}-12-31"
    ),
    "targets_baseline_not_table": N_(
        "{where}: 'baseline' must be a table like {{ period = \"2021\", value = 206 }}"
    ),
    "targets_baseline_period_type": N_(
        '{where}: baseline.period: {value} is not a period; write a year like "2021"'
    ),
    "targets_baseline_period": N_("{where}: baseline.period: {problem}"),
    "targets_deadline_before_baseline": N_(
        "{where}: the deadline {deadline} is not after the baseline period {period}"
    ),
    "targets_is_workbook": N_(
        "{file} is a workbook, not a targets file: --targets takes the goals' .toml file "
        "(data/targets.toml), --actuals the workbook"
    ),
    "targets_not_utf8": N_("{file}, line {line}: not UTF-8 text; save the file as UTF-8"),
    "targets_nested": N_("{file}: values are nested too deeply to be a targets file"),
    "targets_toml_deadline": N_(
        "{file}, line {line}: a deadline is a date like 2025-12-31, or write year = 2026 for a "
        "year's goal"
    ),
    "targets_toml_text": N_(
        "{file}, line {line}: '{key}' is text: write it in quotes, like {key} = \"…\""
    ),
    "targets_toml_wide_quotes": N_(
        "{file}, line {line}: '{key}' is in Chinese quotation marks; TOML needs straight "
        'quotes: {key} = "…"'
    ),
    "targets_toml_number": N_(
        "{file}, line {line}: '{key}' is a number: write it in digits, like {key} = "
        "5_000_000_000 (no 亿 or 万, no quotes)"
    ),
    "targets_toml_number_digits": N_(
        "{file}, line {line}: 'target' is a number: write it in digits, in the goal's unit, "
        "without 亿 or 万 and without quotes: target = {digits}"
    ),
    "targets_toml_year": N_(
        "{file}, line {line}: 'year' is a year: write it in digits, without 年 and without "
        "quotes: year = {year}"
    ),
    "targets_toml_syntax": N_(
        "{file}, line {line}: TOML syntax error at column {column}: {reason}"
    ),
    "targets_toml_syntax_end": N_("{file}: TOML syntax error at the end of the file: {reason}"),
    "targets_unknown_top_key": N_("{file}: unknown top-level key '{key}'"),
    "targets_unknown_top_key_close": N_(
        "{file}: unknown top-level key '{key}' (did you mean '{close}'?)"
    ),
    "targets_none": N_(
        "{file}: no goals yet (no [[targets]] entries); add a [[targets]] table for each goal "
        "(the commented examples in the file show how), then run again"
    ),
    "targets_not_list": N_("{file}: '{key}' must be a list of [[{key}]] tables"),
    "targets_too_many": N_("{file}: {count} [[{key}]] entries is past the limit"),
    "targets_duplicate_id": N_("{file}, target {index}: duplicate id '{id}' (also target {other})"),
    # `actuals add` (editing/)
    "option_invalid": N_("--{option}: {problem}"),
    "option_control_char": N_(
        "--{option}: holds the control character U+{char} at position {position}, which a "
        "workbook cannot store; remove it"
    ),
    "option_error_value": N_(
        "--{option}: {text} is how Excel writes a broken formula's result, and the workbook's "
        "reader would take it for one and leave the row out; write it another way"
    ),
    "option_too_long": N_(
        "--{option}: {length} characters is more than an Excel cell holds ({limit}); shorten it"
    ),
    "period_not_over": N_(
        "--period: {period} has not ended yet (today is {today}); add a figure once its period "
        "is over"
    ),
    "basis_not_month_period": N_("--basis: applies to month periods only, not to {period}"),
    "workbook_read_only": N_(
        "{file}: the workbook is read-only; make it writable (or copy it) and run again"
    ),
    # a name targets.toml does not give (`close`: the closest known names; `listed`: some
    # known names, none being close; `none`: the file names none yet)
    "add_unknown_region_close": N_(
        "--region: '{name}' is not a region of {targets} (did you mean {close}?); correct it, "
        "or add --new to store a new region on purpose"
    ),
    "add_unknown_region_listed": N_(
        "--region: '{name}' is not a region of {targets} (its regions: {close}); correct it, "
        "or add --new to store a new region on purpose"
    ),
    "add_no_flags_column": N_(
        "--flags: sheet {sheet} has no flags column; add one headed flags (标注) at the "
        "table's right, or leave --flags out; nothing was written"
    ),
    "add_unknown_region_none": N_(
        "--region: '{name}': {targets} names no region yet; write your goals in it first (its "
        "examples show how), or add --new to store a new region on purpose"
    ),
    "add_unknown_indicator_close": N_(
        "--indicator: '{name}' is not an indicator of {targets} (did you mean {close}?); "
        "correct it, or add --new to store a new indicator on purpose"
    ),
    "add_unknown_indicator_listed": N_(
        "--indicator: '{name}' is not an indicator of {targets} (its indicators: {close}); "
        "correct it, or add --new to store a new indicator on purpose"
    ),
    "add_unknown_indicator_none": N_(
        "--indicator: '{name}': {targets} names no indicator yet; write your goals in it "
        "first (its examples show how), or add --new to store a new indicator on purpose"
    ),
    "value_scaled_twice": N_(
        "--value: '{value}' is read in full, but the series is counted in {unit} (its figures "
        "are written in {unit}); write --value {written}"
    ),
    "row_exists": N_(
        "{file}, sheet {sheet}, row {row}: {region} / {indicator} / {period} is already there "
        "({value}); use --replace to overwrite it"
    ),
    "plausibility_refused": N_(
        "{figure} breaks a plausibility rule ({rule}): {detail}; nothing was stored. Check the "
        "figure and its unit (万 = 10,000, 亿 = 100,000,000), or add --force"
    ),
    "plausibility_refused_count": N_(
        "{figure} breaks a plausibility rule ({rule}): {detail}; nothing was stored. A count "
        "is a whole number: check the figure, or add --force"
    ),
    "plausibility_refused_basis": N_(
        "{figure} breaks a plausibility rule ({rule}): {detail}; nothing was stored. With "
        "--basis ytd it is stored as that sum; if it is the month's own amount, add --force"
    ),
    "workbook_busy": N_(
        "{file}: another `sockprogress actuals add` has held it for {seconds} s; wait for it to "
        "finish and run again"
    ),
    "workbook_open": N_(
        "{file}: is open in {program} ({owner} exists); close it in {program} and run again (if "
        "{program} is not running, delete {owner})"
    ),
    "backup_failed": N_("{folder}: cannot write the backup ({reason}); nothing changed"),
    "too_many_backups": N_("{folder}: too many backups this second; nothing changed"),
    "cannot_add_safely": N_(
        "{file}: cannot add a row safely ({why}); add the row in Excel instead"
    ),
    # `actuals undo` (editing/undo.py)
    "no_backup": N_(
        "{file}: nothing to undo: there is no backup in {folder} (sockprogress keeps one "
        "before each change it makes)"
    ),
    "backup_unreadable": N_(
        "{file}: its newest backup, {backup}, cannot be read; nothing changed. To go back to "
        "the backup before it, move this damaged backup out of {folder}, then run sockprogress "
        "actuals undo again"
    ),
    "undo_changed_meanwhile": N_(
        "{file}: the workbook changed while undo was asking; nothing changed, run undo again"
    ),
    # `actuals refresh` (editing/lists.py)
    "no_lists_sheet": N_(
        "{file}: has no dropdown lists made by sockprogress init (a hidden sheet '{sheet}' with "
        "region_list, indicator_list and basis_list); its own are left alone"
    ),
    "init_exists": N_("{file}: already exists; init never overwrites, choose a new folder"),
    "folder_is_file": N_("{folder}: is a file, not a folder"),
    # writing the outputs (safewrite.py, pipeline.py)
    "folder_unwritable": N_("{folder}: cannot write there ({reason}); {hint}"),
    "cannot_write": N_("{file}: cannot be written ({reason}); {hint}"),
    "output_is_folder": N_("{file}: is a folder; remove it or choose another --out"),
    "output_read_only": N_("{file}: is read-only or open in another program; {hint}"),
    "unknown_format": N_("--format: unknown format {formats}; choose from {choices}"),
    "no_format": N_("--format: unknown format (none); choose from {choices}"),
    # --templates (rendering/templating.py)
    "templates_not_folder": N_("{folder}: --templates must be a folder of templates"),
    "template_not_file": N_("{file}: not a template (a folder, a pipe or larger than {limit} MB)"),
    "template_not_utf8": N_(
        "{file}, line {line}: the template is not UTF-8 text; save it as UTF-8"
    ),
    "template_not_found": N_(
        "template '{name}' not found in the template folders (names may not leave the folder)"
    ),
    "template_syntax": N_("{file}, line {line}: template syntax error: {reason}"),
    "template_syntax_unnamed": N_("a template, line {line}: template syntax error: {reason}"),
    "template_refused": N_("{file}, line {line}: refused by the template sandbox: {reason}"),
    "template_refused_unnamed": N_("a template: refused by the template sandbox: {reason}"),
    "template_failed": N_("{file}, line {line}: the template failed: {reason}"),
    "template_failed_unnamed": N_("a template: the template failed: {reason}"),
    # the office's bulletin.docx in --templates (rendering/docx.py)
    "docx_template_not_file": N_(
        "{file}: not a Word template (a folder, a pipe, a link out of the folder or larger "
        "than {limit} MB)"
    ),
    "docx_template_invalid": N_(
        "{file}: cannot be read as a Word document ({detail}); save it from Word or WPS as .docx"
    ),
}

# Parameters of an error that are message ids themselves, said in the reader's words and
# filled from the error's other parameters: `why` (a reason), `hint` (what to do), `what` (the
# file that was expected), `kind` (what was found instead), `reason` (the system's or a
# library's own words: said in the reader's words when it is one of OS_REASONS).
PHRASE_PARAMS = frozenset({"why", "hint", "what", "kind", "reason", "where"})

# What an error says was expected (`what`), and what was found instead (`kind`).
ERROR_PHRASES: tuple[str, ...] = (
    N_("a targets file"),
    N_("an .xlsx workbook"),
    N_("an actuals workbook"),
    N_("a workbook"),
    N_("a named pipe"),
    N_("a device"),
    N_("a socket"),
    N_("not a regular file"),
    N_("regions"),
    N_("indicators"),
)

# The system's words for the failures a user meets (Linux and macOS spell them so): an error
# that gives them as its `reason` says them in the reader's words; others stay as written.
OS_REASONS: tuple[str, ...] = (
    N_("No space left on device"),
    N_("Disk quota exceeded"),
    N_("Permission denied"),
    N_("Operation not permitted"),
    N_("Read-only file system"),
    N_("No such file or directory"),
    N_("Is a directory"),
    N_("Not a directory"),
    N_("Input/output error"),
    N_("Device or resource busy"),
    N_("File name too long"),
    N_("Too many levels of symbolic links"),
)

# A TOML syntax error, by the start of the parser's words, in plain words (reading/targets.py);
# one the table does not know is given as the parser words it.
TOML_REASONS: dict[str, str] = {
    "Invalid value": N_("the value is not text in quotes, a number or a date"),
    "Expected newline or end of document after a statement": N_(
        "something follows the value on the same line; write one key = value a line, and text "
        "in quotes"
    ),
    "Invalid statement": N_("the line is neither key = value nor a heading like [[targets]]"),
    "Unclosed array": N_("a list opened with [ is never closed with ]"),
    "Unclosed inline table": N_("a table in curly brackets is never closed"),
    "Illegal character": N_(
        "a character TOML does not allow here (a line break or a control character inside quotes?)"
    ),
    "Unterminated string": N_("a text is not closed by its quote mark"),
    "Cannot overwrite a value": N_("a key is given twice"),
    "Cannot declare": N_("a table is given twice"),
    "Expected '=' after a key in a key/value pair": N_(
        "a key must be followed by = and its value (a key has no spaces)"
    ),
    "Expected ']]' at the end of an array declaration": N_(
        "a heading like [[targets]] is not closed with ]]"
    ),
    "Expected ']' at the end of a table declaration": N_(
        "a heading like [regions] is not closed with ]"
    ),
}

# The rules of judging/plausibility.py, as a refusal of `actuals add` names them.
PLAUSIBILITY_RULES: dict[str, str] = {
    "jump": N_("jump"),
    "step": N_("step"),
    "ytd_falls": N_("ytd_falls"),
    "amount_as_ytd": N_("amount_as_ytd"),
    "not_whole": N_("not_whole"),
    "scale": N_("scale"),
}

# What to do about an issue whose message does not say it already (`check` prints it).
HINTS: dict[str, str] = {
    "no_rows": N_("add its published figures to the sheet"),
    "no_rows_close": N_("if it is not, add the goal's published figures to the sheet"),
    "no_rows_left_out": N_("correct those rows in the sheet, as their errors say"),
    "unknown_region": N_(
        "fix the spelling, or add a target or a [[regions]] entry for that region to the "
        "targets file"
    ),
    "undeclared_indicator": N_("fix the spelling, or declare it under [[indicators]]"),
    "indicator_close": N_(
        "fix the spelling in the sheet; if it is another indicator, declare it under "
        "[[indicators]] in the targets file"
    ),
    "baseline_missing": N_("add the baseline figure, or give baseline.value"),
    "year_before_missing": N_(
        "add the year before's figures: a year-to-date row of those months (basis ytd), or "
        "each month's amount"
    ),
    "basis_on_level": N_(
        "remove the basis if the figure is a level at the month's end; else check the row's "
        "indicator, or the goal's kind in the targets file"
    ),
    "no_usable_rows": N_(
        "a goal on a year's total needs that year's total, or the twelve months to a month "
        "(a year-to-date sum counts only in the goal's own year); a level needs a figure at a "
        "date: add one, or fix the basis"
    ),
}

# Issues of one kind said once for many rows: what they are (with the group's count and
# its key parameters) and how to fix them. A kind not here is said by its first issue.
GROUP_TEXT: dict[str, str] = {
    "plausibility.not_whole": N_(
        "check these figures: {count} figures in {unit} are not whole numbers"
    ),
    "plausibility.jump": N_(
        "check these figures: {count} figures are 100 times or more away from the other "
        "figures of their series (a 万/亿 slip is 10,000 or 100,000,000 times)"
    ),
    "plausibility.step": N_(
        "check these figures: {count} figures are about 10 times (8 or more) away from the "
        "figures next to them (an extra or a missing 0)"
    ),
    "plausibility.scale": N_(
        "check these figures: {count} figures are far outside the scale of their targets"
    ),
    "plausibility.ytd_falls": N_(
        "check these figures: {count} year-to-date figures are below the one of an earlier "
        "month of the same year"
    ),
    "plausibility.amount_as_ytd": N_(
        "check these figures: {count} figures stored as a month's own amount are as large as "
        "the year-to-date sum before them"
    ),
}
GROUP_FIX: dict[str, str] = {
    "plausibility.not_whole": N_(
        "the unit '{unit}' is a count: write whole numbers, or name the unit the figures are "
        "in (e.g. 元) in targets.toml"
    ),
    "plausibility.jump": N_("correct a 万/亿 slip in the sheet, or keep the figure if it is right"),
    "plausibility.step": N_(
        "correct the figure in the sheet (a 0 too many or too few, a decimal point), or keep "
        "it if it is right"
    ),
    "plausibility.scale": N_(
        "check the figure's unit against the target's (a monthly amount of an annual goal is "
        "about a twelfth of it)"
    ),
    "plausibility.ytd_falls": N_(
        "correct the figure or the one before it in the sheet (a 0 too few, a month's amount "
        "typed as 1—N月), or keep it if it is right"
    ),
    "plausibility.amount_as_ytd": N_(
        "if the figure is the year-to-date sum (1—N月), write its basis ytd in the sheet; keep "
        "it if it is the month's own amount"
    ),
}

# A target's direction, as a data issue names it.
DIRECTIONS: dict[str, str] = {"increase": N_("increase"), "decrease": N_("decrease")}

SEVERITY: dict[str, str] = {"error": N_("error"), "warning": N_("warning")}

# The method in plain words, as the page's method section and the About sheet say it; where it
# comes from is said once, in the About sheet's reference line (METHOD_REFERENCE).
METHOD: tuple[str, ...] = (
    N_(
        "Share of the goal: the latest figure divided by the goal. The schedule compares the "
        "share of the gap closed since the baseline with the share of the time from the "
        "baseline to the deadline that has passed: a target at or ahead of it keeps pace with "
        "time (half the time gone, half the way done); the difference is given in percentage "
        "points."
    ),
    N_(
        "The pace ratio compares the actual growth a year since the baseline with the growth a "
        "year needed to reach the goal by its deadline: on track at 0.95 or more, moderate "
        "progress from 0.60, insufficient progress from 0, moving away below 0."
    ),
    N_(
        "A goal for one year: the cumulative figure from January to month N divided by the "
        "year's goal, against the schedule N/12, the difference in percentage points; a cap is "
        "within its schedule when its use is at most N/12 of it. Its progress is judged on the "
        "share of the year's goal divided by the schedule: on track at 0.95 or more (broadly "
        "on track when behind the schedule), moderate progress from 0.60, "
        "insufficient progress below it. It is achieved ahead of time once the cumulative "
        "figure meets the year's goal."
    ),
    N_(
        "Once a deadline has passed, the first figure that covers it decides: achieved or "
        "missed; until it arrives the target awaits its final figure. A figure older than 13 "
        "months is flagged as stale. Figures that cannot be computed are left blank with the "
        "reason."
    ),
)
METHOD_REFERENCE = N_(
    "Eurostat's assessment of progress towards quantitative targets (SDG monitoring), as "
    "implemented by Open SDG and Statistics Canada; the schedule as Chinese progress bulletins "
    "state it."
)


STATUS_MEANINGS: dict[str, str] = {
    "achieved": N_("The first figure covering the deadline meets the goal."),
    "missed": N_("The first figure covering the deadline falls short of the goal."),
    "awaiting_final": N_("The deadline has passed; the figure that covers it is not in yet."),
    "on_track": N_("Pace ratio 0.95 or more: growing fast enough to reach the goal in time."),
    "moderate_progress": N_("Pace ratio from 0.60 to 0.95: growing, but a little too slowly."),
    "insufficient_progress": N_("Pace ratio from 0 to 0.60: growing far too slowly."),
    "moving_away": N_("Pace ratio below 0: moving in the wrong direction."),
    "not_assessable": N_("Too few figures to judge; the note says which are missing."),
}
# The same statuses of a goal for the year in its year, said after the plan's (method: the
# year's pace ratio); a legend that gave only the plan's rule read wrong in a county's workbook.
YEAR_STATUS_MEANINGS: dict[str, str] = {
    "on_track": N_(
        "A goal for the year: its share of the year's goal over the schedule (N/12), the other "
        "way round for a cap, is 0.95 or more."
    ),
    "moderate_progress": N_(
        "A goal for the year: its share of the year's goal over the schedule from 0.60 to 0.95."
    ),
    "insufficient_progress": N_(
        "A goal for the year: its share of the year's goal over the schedule below 0.60."
    ),
}
