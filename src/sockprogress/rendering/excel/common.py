"""Facts about one target that several sheets show: names, scale, blanks and changes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import groupby

from ...model import Report, TargetResult
from .. import text
from ..text import note_text
from .labels import label
from .styles import PCT, RATE, RATIO, Scale, scale_for

# The figures of method.md in reading order, with how each is shown; "scaled" follows the
# target's unit scale, "date" is a date.
FIGURES: tuple[tuple[str, str], ...] = (
    ("share_of_target_pct", PCT),
    ("gap", "scaled"),
    ("gap_closed_pct", PCT),
    ("time_elapsed_pct", PCT),
    ("actual_cagr", RATE),
    ("required_cagr", RATE),
    ("pace_ratio", RATIO),
    ("pace_category", "word"),
    ("required_cagr_from_latest", RATE),
    ("projected_at_deadline", "scaled"),
    ("eta", "date"),
)
FIGURE_LABELS = {
    "share_of_target_pct": "share",
    "gap_closed_pct": "gap_closed",
    "time_elapsed_pct": "time_elapsed",
}


def figure_label(field: str, lang: str) -> str:
    return label(FIGURE_LABELS.get(field, field), lang)


def target_name(result: TargetResult, lang: str) -> str:
    return text.target_name(result.target, lang)


def region_name(region: str, report: Report, lang: str) -> str:
    """The region as a reader of `lang` knows it; English adds the Chinese name."""
    name = text.region_name(region, report.regions_zh, lang)
    zh = text.region_name(region, report.regions_zh, "zh")
    return name if lang == "zh" or zh == region else f"{region} ({zh})"


def target_scale(result: TargetResult, lang: str) -> Scale:
    """One scale per target, from its goal, so a row never mixes bn and m."""
    t = result.target
    values = [t.target] + [o.value for o in result.observations]
    return scale_for(t.target, t.unit, lang, whole=all(float(v).is_integer() for v in values))


def by_region(report: Report) -> Iterator[tuple[str, list[TargetResult]]]:
    """Targets grouped by region, regions in the order they first appear."""
    order = {r: i for i, r in enumerate(dict.fromkeys(t.target.region for t in report.targets))}
    ordered = sorted(report.targets, key=lambda t: order[t.target.region])
    for region, group in groupby(ordered, key=lambda t: t.target.region):
        yield region, list(group)


def changed(result: TargetResult) -> bool:
    """True when the status or the latest figure differs from the month before."""
    return result.changed


def blank_reasons(result: TargetResult, fields: Sequence[str], lang: str) -> list[str]:
    """'Blank: a, b: reason' sentences for the figures in `fields` that are undefined."""
    reasons: dict[str, list[str]] = {}
    for field, reason in result.why_null:
        if field in fields:
            reasons.setdefault(text.why_reason(reason, lang), []).append(figure_label(field, lang))
    return [
        label("blank_because", lang, reason=f"{', '.join(names)} — {reason}")
        for reason, names in reasons.items()
    ]


def notes_text(result: TargetResult, lang: str, fields: Sequence[str] = ()) -> str:
    """The target's notes, then why the listed figures are blank, one per line."""
    lines = [note_text(n, lang) for n in result.notes]
    return "\n".join(lines + blank_reasons(result, fields, lang))
