"""Before `actuals add` stores a figure: would it break a plausibility rule, and how it reads.

A figure typed as 2.6亿 for a count of firms is stored as 260,000,000 firms: `actuals add` says
back what it stored in plain units, and refuses a figure that breaks a rule of
`judging.plausibility` unless the user insists (`--force`).
"""

from __future__ import annotations

import pandas as pd

from ..judging import plausibility
from ..judging.rows import Rows
from ..model import Issue, TargetsFile
from ..reading.names import names_of
from .add import NewRow


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
    return plausibility.Series(new.region, new.indicator, unit, target)


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


def stored_line(new: NewRow, targets: TargetsFile, lang: str = "en") -> str:
    """`Xiaobeihe · sock firms · 2026-10 = 260,000,000 firms`: the figure in plain units.

    In Chinese: `小北河 · 袜业企业数 · 2026年10月 = 260,000,000户（2.6亿户）`, the plain digits
    with the figure in 万 or 亿 beside them, so that a slip of a 万 shows either way.
    """
    if lang == "zh":
        return _stored_line_zh(new, targets)
    series = _series(new, targets)
    names = {t.indicator: t.name for t in targets.targets} | {
        i.indicator: i.name for i in targets.indicators
    }
    name = names.get(new.indicator, new.indicator)
    value = f"{new.value:,.0f}" if new.value.is_integer() else f"{new.value:,.6g}"
    basis = f" ({new.basis})" if new.basis else ""
    return f"{new.region} · {name} · {new.period.text}{basis} = {value} {series.unit}".rstrip()


def _stored_line_zh(new: NewRow, targets: TargetsFile) -> str:
    from ..rendering.formatting import basis_word, paren, period_text, scaled, unit_word

    unit = _series(new, targets).unit
    names = names_of(targets)
    target = next(
        (t for t in targets.targets if (t.region, t.indicator) == (new.region, new.indicator)),
        None,
    )
    name = (target.name_zh if target else None) or names.written("indicator", new.indicator, "zh")
    value = f"{new.value:,.0f}" if new.value.is_integer() else f"{new.value:,.6g}"
    value += unit_word(unit, "zh")
    readable = scaled(new.value, unit, "zh")
    if new.value >= 1e4:
        value += paren(readable, "zh")
    basis = paren(basis_word(new.basis, "zh", new.period.text), "zh") if new.basis else ""
    region = names.written("region", new.region, "zh")
    return f"{region} · {name} · {period_text(new.period.text, 'zh')}{basis} = {value}"


def refusal(new: NewRow, problems: list[Issue], targets: TargetsFile) -> str:
    """Why `actuals add` will not store the figure: the rule, the figure, the way out."""
    first = problems[0]
    return (
        f"{stored_line(new, targets)} breaks a plausibility rule "
        f"({first.code.removeprefix('plausibility.')}): "
        f"{first.message.removeprefix('check this figure: ')}; nothing was stored. "
        "Check the figure and its unit (万 = 10,000, 亿 = 100,000,000), or add --force"
    )
