"""The HTML report: one self-contained file rendered from the top-level templates/.

`render_html(report, words, templates)` builds the page in memory. The templates only loop and
branch; every word and number comes from the reader's `Words`, through filters bound here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from jinja2 import Environment, select_autoescape
from markupsafe import Markup

from ..model import STATUSES, Report, TargetResult
from ..periods import Month
from ..words import DEFAULT_LANG
from ..words.messages import STATUS_ICONS
from ..words.words import Words
from . import outcome
from .selection import IN_FULL, in_full, where_listed
from .svgcharts import MAX_CHARTS, draw_charts, unit_caption
from .templating import make_environment, template_errors


def template_dirs(extra: Path | None = None) -> list[Path]:
    """A user's folder first, then the shipped templates (inside the wheel or the checkout)."""
    shipped = Path(str(resources.files("sockprogress") / "templates"))
    checkout = Path(__file__).resolve().parents[3] / "templates"
    dirs = [d for d in (shipped, checkout) if d.is_dir()]
    return ([extra] if extra else []) + dirs[:1]


def environment(words: Words, extra: Path | None = None) -> Environment:
    """Jinja with autoescape on and every wording filter bound to the reader's `words`."""
    env = make_environment(
        extra,
        template_dirs(),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(words.translations, newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(
        scaled=words.scaled,
        percent=words.percent,
        rate=words.rate,
        ratio=words.ratio,
        status_word=words.status_word,
        status_text=words.status_text,
        issue_text=words.issue_text,
        severity=words.severity,
        note_text=words.note_text,
        period=words.period,
        date=words.date,
        month=words.month,
        basis=words.basis,
        target_name=words.target_name,
        where=words.where,
        paren=words.paren,
        joined=words.joined,
    )
    env.globals.update(
        status_icons=STATUS_ICONS,
        statuses=STATUSES,
        english_is_foreign=words.foreign(DEFAULT_LANG),
        colon=words.colon,
        html_lang=words.html_lang,
    )
    return env


@dataclass(frozen=True)
class FigureRow:
    """One line of a card's figures: label, value in words, and why it is blank if it is."""

    key: str
    label: str
    value: str
    why: str


@dataclass(frozen=True)
class Card:
    """A target as the page shows it: anchor, names, bar width, chart.

    Beyond 200 targets only those shown in full (`selection.py`) get a card under Targets by
    region; the others are rows of the summary, with none of the card's fields worked out.
    """

    result: TargetResult
    anchor: str
    name: str
    region: str
    bar: float | None
    in_full: bool = True
    chart: Markup | None = None
    unit_caption: str = ""
    rows: tuple[FigureRow, ...] = ()
    # (label, text, True when the text is English standing in for a missing translation)
    texts: tuple[tuple[str, str, bool], ...] = ()
    status_line: str = ""
    status_short: str = ""
    check_line: str = ""
    # The figures behind the chart: (period, value, basis word, source, note)
    observations: tuple[tuple[str, str, str, str, str], ...] = ()
    blank_line: str = ""
    goal_note: str = ""
    # Without a chart, no table of the figures behind it: where they are listed instead.
    figures_elsewhere: str = ""

    @property
    def changed(self) -> bool:
        r = self.result
        return r.changed


@dataclass(frozen=True)
class RegionView:
    anchor: str
    name: str
    cards: tuple[Card, ...]


def _slug(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", value).strip("-") or "x"


def _bar(result: TargetResult) -> float | None:
    """Bar length in percent: the share of the goal (increase) or of the gap closed (decrease)."""
    f = result.figures
    value = f.share_of_target_pct if result.target.direction == "increase" else f.gap_closed_pct
    return None if value is None else round(min(100.0, max(0.0, value)), 1)


def observation_rows(r: TargetResult, words: Words) -> tuple[tuple[str, str, str, str, str], ...]:
    """Each observation the target is judged on, with its source: the chart as a table."""
    return tuple(
        (
            words.period(o.period),
            words.scaled(o.value, r.target.unit),
            words.basis(o.basis, o.period) + (words.paren(words("estimate")) if o.estimate else ""),
            o.source,
            o.note,
        )
        for o in r.observations
    )


def blank_line(r: TargetResult, words: Words, as_of: Month) -> str:
    """Why figures are blank, in one short line: `pace, projection: no baseline`."""
    reasons: dict[str, list[str]] = {}
    for field, reason in r.why_null:
        if r.latest is None or field == "pace_category" or not outcome.shown(field, r, as_of):
            continue
        reasons.setdefault(words.why_reason(reason), []).append(words.figure_name(field))
    # Names by the enumeration comma, one reason from the next by a semicolon: 实际年均增速、
    # 增速比值：需有晚于基期的数据；期末预计值：最新数据已到或晚于完成时限
    return words.semicolon.join(
        f"{words.listed(fields)}{words.colon}{why}" for why, fields in reasons.items()
    )


def figure_rows(r: TargetResult, words: Words, as_of: Month | None = None) -> tuple[FigureRow, ...]:
    """The figures a card lists, formatted; with no observation only the goal and inputs."""
    t, f, unit = r.target, r.figures, r.target.unit
    why = {field: words.why_reason(reason) for field, reason in r.why_null}

    def at(value: float, period: str, *more: str) -> str:
        inner = words.joined([words.period(period), *more])
        return words.scaled(value, unit) + words.paren(inner)

    pace = words.ratio(f.pace_ratio)
    if f.pace_category:
        pace += words.paren(words.status_word(f.pace_category))
    latest = "—"
    if r.latest:
        estimate = words("estimate") if r.latest.estimate else ""
        latest = at(
            r.latest.value,
            r.latest.period,
            words.basis(r.latest.basis, r.latest.period),
            estimate,
        )
    rows = [
        ("goal", words("Goal"), words.goal_text(t)),
        (
            "baseline",
            words("Baseline"),
            at(r.baseline.value, r.baseline.period) if r.baseline else "—",
        ),
        ("latest", words("Latest"), latest),
    ]
    if r.ytd:
        rows.append(
            (
                "ytd",
                words("Year to date"),
                at(r.ytd.value, r.ytd.period, words.basis("ytd", r.ytd.period)),
            )
        )
    if r.latest:
        values = {
            "share_of_target_pct": words.percent(f.share_of_target_pct),
            "gap": words.scaled(f.gap, unit),
            "gap_closed_pct": words.percent(f.gap_closed_pct),
            "time_elapsed_pct": words.percent(f.time_elapsed_pct),
            "schedule_gap_pts": outcome.schedule_text(r, words),
            "actual_cagr": words.rate(f.actual_cagr),
            "required_cagr": words.rate(f.required_cagr),
            "required_cagr_from_latest": words.rate(f.required_cagr_from_latest),
            "pace_ratio": pace,
            "projected_at_deadline": words.projection(f.projected_at_deadline, unit, t.target),
            "eta": words.about_month(f.eta),
        }
        if not values["schedule_gap_pts"]:
            del values["schedule_gap_pts"]
        names = {key: words.figure_name(key) for key in values}
        names["schedule_gap_pts"] = words("Against the schedule")
        rows += [(key, names[key], value) for key, value in values.items()]
    return tuple(
        FigureRow(key, name, value, why.get(key, "") if value == "—" else "")
        for key, name, value in rows
        if as_of is None or outcome.shown(key, r, as_of)
    )


def target_texts(r: TargetResult, words: Words) -> tuple[tuple[str, str, bool], ...]:
    """The goal's own words (its note, plan and source) in the language, where there are any."""
    t = r.target
    out = []
    for name, en, shown in (
        (words("Plan"), t.plan, words.plan(t)),
        (words("Source"), t.source, words.source(t)),
    ):
        if shown:
            out.append((name, shown, words.foreign(DEFAULT_LANG) and shown == en))
    return tuple(out)


def build_view(report: Report, words: Words, chart_limit: int = MAX_CHARTS) -> dict[str, object]:
    """Everything the templates show, decided here so they hold only `for` and `if`."""
    full = in_full(report)
    # Charts only where there is a card to hold them.
    charts = draw_charts(tuple(r for r in report.targets if id(r) in full), words, chart_limit)
    chartable = sum(1 for r in report.targets if r.observations or r.baseline)
    seen: set[str] = set()
    cards: list[Card] = []
    for r in report.targets:
        anchor = "t-" + _slug(r.target.id)
        while anchor in seen:
            anchor += "-"
        seen.add(anchor)
        svg = charts.get(r.target.id)
        region_label = words.region_name(r.target.region, report.regions_zh)
        name = words.target_name(r.target)
        status_short = outcome.status_line(r, words, detail=False)
        if id(r) not in full:
            cards.append(
                Card(
                    r,
                    anchor,
                    name,
                    region_label,
                    _bar(r),
                    in_full=False,
                    status_short=status_short,
                    check_line=outcome.check_line(r, words),
                )
            )
            continue
        cards.append(
            Card(
                result=r,
                anchor=anchor,
                name=name,
                region=region_label,
                bar=_bar(r),
                chart=Markup(svg) if svg else None,
                unit_caption=unit_caption(r, words) if svg else "",
                rows=figure_rows(r, words, report.as_of),
                status_line=outcome.status_line(r, words),
                status_short=status_short,
                check_line=outcome.check_line(r, words),
                # The table goes with its chart: a province's page would otherwise list every
                # monthly figure of 2,000 targets; the workbook and the JSON list them all.
                observations=observation_rows(r, words) if svg else (),
                figures_elsewhere="" if svg else where_listed(r, words, region_label),
                blank_line=blank_line(r, words, report.as_of),
                goal_note=words.goal_note(r.target),
                texts=target_texts(r, words),
            )
        )
    regions: dict[str, list[Card]] = {}
    for card in cards:
        if card.in_full:
            regions.setdefault(card.result.target.region, []).append(card)
    region_views = [
        RegionView(
            f"r-{i}",
            words.region_name(name, report.regions_zh),
            tuple(group),
        )
        for i, (name, group) in enumerate(regions.items(), 1)
    ]
    charts_note = ""
    if len(charts) < chartable:
        charts_note = words(
            "Charts are drawn for {shown} of {total} targets (those most in need of attention "
            "first); the other cards show their figures only."
        ).format(shown=len(charts), total=len(report.targets))
    cards_note = ""
    if len(full) == len(report.targets):
        sources_note = words(
            "The source of each latest figure (publisher, title, date, address) is given with its "
            "target under Targets by region, and in the workbook."
        )
    else:
        sources_note = words(
            "The source of each latest figure (publisher, title, date, address) is given in the "
            "workbook, and with its target under Targets by region for the {limit} shown there."
        ).format(limit=IN_FULL)
        cards_note = words(
            "With more than {limit} targets, cards are shown for the {limit} most in need of "
            "attention; the summary above lists all {total}, and the workbook gives each its key "
            "figures and latest source."
        ).format(limit=IN_FULL, total=len(report.targets))
    context_names = {c: words.pick(c.name, zh=c.name_zh) for c in report.context}
    return {
        "report": report,
        "counts": report.counts(),
        "cards": cards,
        "regions": region_views,
        # A new status is news; a new monthly figure with the same status is routine, and with
        # hundreds of targets it would bury the news, so those go in a folded list.
        "status_changes": [c for c in cards if c.result.status != c.result.previous_status],
        "figure_changes": [
            c for c in cards if c.changed and c.result.status == c.result.previous_status
        ],
        "charts_note": charts_note,
        "cards_note": cards_note,
        "sources_note": sources_note,
        "context_names": context_names,
        "region_names": {
            c.region: words.region_name(c.region, report.regions_zh) for c in report.context
        },
        "method": words.method_paragraphs(),
        "month": words.month(report.as_of),
        "chart_keys": [
            ("actual", words("actual")),
            ("path", words("path to the goal")),
            ("goal", words("goal")),
            ("deadline", words("deadline")),
        ],
        "semicolon": words.semicolon,
        # Said here, not in the template: a newstyle Jinja message would read its % as a format.
        "change_pct_label": words("Change %"),
        "headline": outcome.headline(report, words),
        "comparison": outcome.comparison_text(report, words),
        "revised_cards": [c for c in cards if c.result.revisions],
    }


def render_html(
    report: Report,
    words: Words,
    templates: Path | None = None,
    chart_limit: int = MAX_CHARTS,
) -> str:
    """The whole page as text; same report and language give the same characters.

    Charts go to at most `chart_limit` targets, those most in need of attention first.
    """
    with template_errors():
        env = environment(words, templates)
        page = env.get_template("base.html")
    view = build_view(report, words, chart_limit)
    with template_errors():
        return page.render(**view)
