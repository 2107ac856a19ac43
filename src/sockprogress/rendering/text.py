"""Words and number formats for every output, in one place, per language (`en`, `zh`).

Every renderer asks here: `status_word(status, lang)`, `note_text(note, lang)`,
`scaled(value, unit, lang)`. Templates and sheets never decide wording themselves.
"""

from __future__ import annotations

from ..model import Note

STATUS_WORDS = {
    "achieved": "Achieved",
    "missed": "Missed",
    "awaiting_final": "Awaiting final figure",
    "on_track": "On track",
    "moderate_progress": "Moderate progress",
    "insufficient_progress": "Insufficient progress",
    "moving_away": "Moving away",
    "not_assessable": "Not assessable",
}

STATUS_ICONS = {
    "achieved": "✔",
    "missed": "✘",
    "awaiting_final": "⧗",
    "on_track": "▲",
    "moderate_progress": "◆",
    "insufficient_progress": "▼",
    "moving_away": "✖",
    "not_assessable": "?",
}

NOTE_TEXT = {
    "no_observation": "No usable observation for this target.",
    "no_pace": "Only one observation and no baseline value: the pace cannot be measured yet.",
    "final_figure": "Judged on the final figure for the deadline: {period}.",
    "met_late": "The target was met later, in {period}, after the deadline.",
    "final_not_in": "Achieved already; the final figure for the deadline is not in yet.",
    "awaiting_final": "The deadline ({deadline}) has passed; waiting for the figure that "
    "covers it.",
    "baseline_missing": "No observation for the baseline period {period}; figures that need a "
    "baseline are left blank.",
    "stale": "The latest figure ({period}) is more than 13 months old.",
    "ttm": "Latest figure is the twelve months to {period} (trailing twelve months).",
}


LANGS = ("en", "zh")


def status_word(status: str | None, lang: str = "en") -> str:
    return STATUS_WORDS.get(status or "", "")


def note_text(note: Note, lang: str = "en") -> str:
    return NOTE_TEXT[note.code].format(**dict(note.params))


def scaled(value: float | None, unit: str = "", lang: str = "en") -> str:
    """A figure in readable units: 2.5 bn pairs, 2 m pieces, 206 firms."""
    if value is None:
        return "—"
    size = abs(value)
    for limit, suffix in ((1e9, " bn"), (1e6, " m")):
        if size >= limit:
            text = f"{value / limit:,.2f}".rstrip("0").rstrip(".") + suffix
            break
    else:
        text = f"{value:,.0f}" if float(value).is_integer() or size >= 100 else f"{value:,.2f}"
    return f"{text} {unit}".strip()


def percent(value: float | None, digits: int = 1, lang: str = "en") -> str:
    return "—" if value is None else f"{value:.{digits}f} %"


def rate(value: float | None, lang: str = "en") -> str:
    """A fraction as a percent a year: 0.031 -> +3.1 %/yr."""
    return "—" if value is None else f"{100 * value:+.1f} %/yr"


def ratio(value: float | None, lang: str = "en") -> str:
    return "—" if value is None else f"{value:.2f}"
