"""Before `actuals add` stores a figure: would it break a plausibility rule, and how it reads.

A figure typed as 2.6亿 for a count of firms is stored as 260,000,000 firms: `actuals add` says
back what it stored in plain units, and refuses a figure that breaks a rule of
`judging.plausibility` unless the user insists (`--force`).
"""

from __future__ import annotations

import pandas as pd

from ..errors import InputError
from ..judging import plausibility
from ..judging.rows import Rows
from ..model import Issue, Target, TargetsFile
from ..periods import parse_period
from ..reading.names import names_of
from ..words import N_
from ..words.messages import ERRORS, PLAUSIBILITY_RULES
from ..words.words import Words
from .newrow import NewRow


def _found(region: str, indicator: str, targets: TargetsFile) -> tuple[Target | None, str, str]:
    """The series' goal (if any), its unit and its English name, from targets.toml."""
    target = next(
        (t for t in targets.targets if (t.region, t.indicator) == (region, indicator)), None
    )
    if target is not None:
        return target, target.unit, target.name
    declared = {i.indicator: i for i in targets.indicators}
    if indicator in declared:
        return None, declared[indicator].unit, declared[indicator].name
    return None, "", indicator


def series_unit(region: str, indicator: str, targets: TargetsFile) -> str:
    """The unit targets.toml gives the series ("" when it gives none)."""
    return _found(region, indicator, targets)[1]


def _series(new: NewRow, targets: TargetsFile) -> plausibility.Series:
    target, unit, _ = _found(new.region, new.indicator, targets)
    names = names_of(targets)
    name_zh = "·".join(
        names.written_in_chinese(column, getattr(new, column)) for column in ("region", "indicator")
    )
    return plausibility.Series(new.region, new.indicator, unit, target, name_zh)


def implausible(new: NewRow, rows: pd.DataFrame, targets: TargetsFile) -> list[Issue]:
    """The rules `new` would break among the sheet's `rows` of its region and indicator."""
    mine = rows[(rows["region"] == new.region) & (rows["indicator"] == new.indicator)]
    # A replaced figure is judged against the others, not against the value it replaces.
    mine = mine[~((mine["period"] == new.period.text) & (mine["basis"] == new.basis))]
    existing = Rows.from_frame(mine)
    row = (max(existing.row) if len(existing) else 1) + 1
    return plausibility.check_new_value(
        existing,
        row,
        new.period.text,
        new.period.kind,
        new.period.end,
        new.value,
        new.basis,
        _series(new, targets),
    )


def stored_line(new: NewRow, targets: TargetsFile, words: Words) -> str:
    """`小北河 · 袜业企业数 · 2026年10月 = 260,000,000户（2.6亿户）`: the figure in plain digits,
    with the figure in 万 or 亿 (m or bn) beside them, so that a slip of a 万 shows either way.
    """
    return figure_line(
        new.region, new.indicator, new.period.text, new.basis, new.value, targets, words
    )


def figure_line(
    region: str,
    indicator: str,
    period: str,
    basis: str,
    value: float,
    targets: TargetsFile,
    words: Words,
) -> str:
    """A row's figure by its names in targets.toml, with its unit (stored_line). A region or
    indicator as a Chinese workbook writes it (小北河, 袜业企业数: `undo` reads the cells) is
    its code's."""
    names = names_of(targets)
    region, indicator = names.code("region", region), names.code("indicator", indicator)
    target, unit, english = _found(region, indicator, targets)
    name = words.pick(english, zh=names.written_in_chinese("indicator", indicator))
    shown = words.with_unit(words.decimal(value, "#,##0.######"), unit)
    if words.scale_for(value)[0] > 1:  # with every digit typed: 35.996亿 is not echoed as 36亿
        shown += words.paren(words.scaled_exactly(value, unit))
    if not basis and target is not None and target.kind == "annual_total":
        # a month without a basis is that month's own amount: said, as a 1—N月 sum is (a
        # walkthrough stored 32亿 for 1—11月 without --basis ytd, echoed as "2026年11月 = 32亿元")
        basis = "month" if _month(period) else ""
    covered = words.paren(words.basis(basis, period)) if basis else ""
    place = names.written("region", region, words)
    return f"{place} · {name} · {words.period_as_written(period)}{covered} = {shown}"


def _month(period: str) -> bool:
    try:
        return parse_period(period).kind == "month"
    except ValueError:
        return False


# How every plausibility issue begins; the refusal says the rest of it.
CHECK_PREFIX = N_("check this figure: ")


class PlausibilityRefusal(InputError):
    """A figure `actuals add` will not store: it breaks a plausibility rule (without --force)."""

    def __init__(self, new: NewRow, problems: tuple[Issue, ...], targets: TargetsFile) -> None:
        self.new, self.problems, self.targets = new, problems, targets
        super().__init__(self._say(Words.of()), code="plausibility_refused")

    def said(self, words: Words) -> str:
        return self._say(words)

    def _say(self, words: Words) -> str:
        """Why nothing was stored, in the reader's words: the figure, the rule, the way out.

        The series is named as the reader knows it (小北河·袜子年产量 in Chinese: the issue's
        `series_zh`), the rule by its name in the reader's words."""
        first = self.problems[0]
        rule = first.code.removeprefix("plausibility.")
        # a 1—N月 sum without its basis: the way out is --basis, not a second look at 万/亿;
        # a count that is not whole has nothing to do with 万 or 亿 (2.5户: a county
        # newcomer's find)
        said = {
            "amount_as_ytd": "plausibility_refused_basis",
            "not_whole": "plausibility_refused_count",
        }.get(rule, "plausibility_refused")
        detail = words.issue_text(first).removeprefix(words(CHECK_PREFIX))
        if rule == "amount_as_ytd":
            # the sheet's way out (数值类型应填“累计数”) is its last clause: the refusal gives the
            # command's (--basis 累计数), and said both ("如为1—N月累计数" twice: a newcomer's find)
            detail = detail.rsplit(words.semicolon, 1)[0]
        return words(ERRORS[said]).format(
            figure=stored_line(self.new, self.targets, words),
            rule=words(PLAUSIBILITY_RULES[rule]) if rule in PLAUSIBILITY_RULES else rule,
            detail=detail,
        )
