"""Which targets the workbook shows in full when there are too many to show all in full.

A target's block in full is its key figures, the table of its observations, a native chart
drawn from that table, and a sparkline on the Summary drawn from it too. Up to `IN_FULL`
targets every block is in full. Beyond that (a province's 2,000 targets and 130,000 monthly
figures), the `IN_FULL` targets most in need of attention are, and the others keep the key
figures the Summary prints with the latest figure's source (regionsheets.SHORT): the JSON
lists every observation and figure of every target, and the page says where each target's
figures are.
"""

from __future__ import annotations

from ..model import ATTENTION, Report, TargetResult
from ..words.words import Words

IN_FULL = 200


def in_full(report: Report) -> set[int]:
    """The results (by `id`) shown in full: all up to IN_FULL, else the most urgent.

    Keyed by object identity, not target id, so copies of one target in tests count apart; the
    report holds every result while it is rendered, so no id is reused meanwhile.
    """
    if len(report.targets) <= IN_FULL:
        return {id(r) for r in report.targets}
    ordered = sorted(report.targets, key=lambda r: ATTENTION[r.status])  # stable: input order
    return {id(r) for r in ordered[:IN_FULL]}


def where_listed(result: TargetResult, words: Words, sheet: str | None) -> str:
    """Where a target's figures are listed when no chart shows them: the JSON always, and the
    workbook's `sheet` when its block there is in full (None when it is not); "" without any."""
    n = len(result.observations)
    if not n:
        return ""
    if sheet is not None:
        return words.n(
            "Its {n} figure, with its source, is listed in the workbook (sheet {region}) and the "
            "JSON.",
            "Its {n} figures, with their sources, are listed in the workbook (sheet {region}) and "
            "the JSON.",
            n,
        ).format(n=n, region=sheet)
    rows = sorted(row for o in result.observations for row in o.rows)
    where = ""
    if rows and rows[0] == rows[-1]:
        where = words(" (input row {row})").format(row=rows[0])
    elif rows:
        # between, not from-to: other targets' rows may lie among them
        where = words(" (between input rows {first} and {last})").format(
            first=rows[0], last=rows[-1]
        )
    return words.n(
        "Its {n} figure, with its source, is listed in the JSON{rows}.",
        "Its {n} figures, with their sources, are listed in the JSON{rows}.",
        n,
    ).format(n=n, rows=where)
