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
from ..model import Issue, TargetsFile
from ..reading.names import names_of
from ..words import N_
from ..words.messages import ERRORS, PLAUSIBILITY_RULES
from ..words.words import Words
from .newrow import NewRow


def _series(new: NewRow, targets: TargetsFile) -> plausibility.Series:
    target = next(
        (t for t in targets.targets if (t.region, t.indicator) == (new.region, new.indicator)),
        None,
    )
    declared = {i.indicator: i for i in targets.indicators}
    unit = (
        target.unit
        if target
        else (declared[new.indicator].unit if new.indicator in declared else "")
    )
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
    unit = _series(new, targets).unit
    names = names_of(targets)
    target = next(
        (t for t in targets.targets if (t.region, t.indicator) == (new.region, new.indicator)),
        None,
    )
    declared = {i.indicator: i.name for i in targets.indicators}
    english = target.name if target else declared.get(new.indicator, new.indicator)
    name = words.pick(english, zh=names.written_in_chinese("indicator", new.indicator))
    value = words.with_unit(words.decimal(new.value, "#,##0.######"), unit)
    if new.value >= 1e4:
        value += words.paren(words.scaled(new.value, unit))
    basis = words.paren(words.basis(new.basis, new.period.text)) if new.basis else ""
    region = names.written("region", new.region, words)
    return f"{region} · {name} · {words.period_as_written(new.period.text)}{basis} = {value}"


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
        return words(ERRORS["plausibility_refused"]).format(
            figure=stored_line(self.new, self.targets, words),
            rule=words(PLAUSIBILITY_RULES[rule]) if rule in PLAUSIBILITY_RULES else rule,
            detail=words.issue_text(first).removeprefix(words(CHECK_PREFIX)),
        )
