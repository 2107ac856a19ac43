"""The HTML report: one self-contained file rendered from the top-level templates/.

`render_html(report, templates, lang)` builds the page in memory. The templates only loop and
branch; every word and number comes from formatting.py through filters bound to the language here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial
from importlib import resources
from pathlib import Path

from jinja2 import Environment, select_autoescape
from markupsafe import Markup

from ..i18n import _, catalogue
from ..model import STATUSES, Report, TargetResult
from ..periods import Month
from . import formatting, outcome
from .selection import IN_FULL, in_full, where_listed
from .svgcharts import MAX_CHARTS, draw_charts, unit_caption
from .templating import make_environment, template_errors


def template_dirs(extra: Path | None = None) -> list[Path]:
    """A user's folder first, then the shipped templates (inside the wheel or the checkout)."""
    shipped = Path(str(resources.files("sockprogress") / "templates"))
    checkout = Path(__file__).resolve().parents[3] / "templates"
    dirs = [d for d in (shipped, checkout) if d.is_dir()]
    return ([extra] if extra else []) + dirs[:1]


def environment(extra: Path | None = None, lang: str = "en") -> Environment:
    """Jinja with autoescape on and every wording filter bound to `lang`."""
    env = make_environment(
        extra,
        template_dirs(),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(catalogue(lang), newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(
        scaled=partial(formatting.scaled, lang=lang),
        percent=partial(formatting.percent, lang=lang),
        rate=partial(formatting.rate, lang=lang),
        ratio=partial(formatting.ratio, lang=lang),
        status_word=partial(formatting.status_word, lang=lang),
        status_text=partial(formatting.status_text, lang=lang),
        issue_text=partial(formatting.issue_text, lang=lang),
        severity=partial(formatting.severity_word, lang=lang),
        note_text=partial(formatting.note_text, lang=lang),
        period=partial(formatting.period_text, lang=lang),
        date=partial(formatting.date_text, lang=lang),
        month=partial(formatting.month_text, lang=lang),
        basis=lambda basis, period=None: formatting.basis_word(basis, lang, period),
        target_name=partial(formatting.target_name, lang=lang),
        where=partial(formatting.where_text, lang=lang),
        paren=partial(formatting.paren, lang=lang),
        joined=partial(formatting.joined, lang=lang),
    )
    env.globals.update(
        status_icons=formatting.STATUS_ICONS,
        statuses=STATUSES,
        lang=lang,
        colon=formatting.colon(lang),
        html_lang=formatting.HTML_LANG[lang],
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


def observation_rows(r: TargetResult, lang: str) -> tuple[tuple[str, str, str, str, str], ...]:
    """Each observation the target is judged on, with its source: the chart as a table."""
    return tuple(
        (
            formatting.period_text(o.period, lang),
            formatting.scaled(o.value, r.target.unit, lang),
            formatting.basis_word(o.basis, lang, o.period)
            + (formatting.paren(_("estimate", lang), lang) if o.estimate else ""),
            o.source,
            o.note,
        )
        for o in r.observations
    )


def blank_line(r: TargetResult, lang: str, as_of: Month) -> str:
    """Why figures are blank, in one short line: `pace, projection: no baseline`."""
    reasons: dict[str, list[str]] = {}
    for field, reason in r.why_null:
        if r.latest is None or field == "pace_category" or not outcome.shown(field, r, as_of):
            continue
        reasons.setdefault(formatting.why_reason(reason, lang), []).append(
            formatting.figure_name(field, lang)
        )
    # Names by the enumeration comma, one reason from the next by a semicolon: 实际年均增速、
    # 增速比值：需有晚于基期的数据；期末预计值：最新数据已到或晚于完成时限
    names, reasons_apart = ("、", "；") if lang == "zh" else (", ", "; ")
    return reasons_apart.join(
        f"{names.join(fields)}{formatting.colon(lang)}{why}" for why, fields in reasons.items()
    )


def figure_rows(r: TargetResult, lang: str, as_of: Month | None = None) -> tuple[FigureRow, ...]:
    """The figures a card lists, formatted; with no observation only the goal and inputs."""
    t, f, unit = r.target, r.figures, r.target.unit
    why = {field: formatting.why_reason(reason, lang) for field, reason in r.why_null}

    def at(value: float, period: str, *more: str) -> str:
        inner = formatting.joined([formatting.period_text(period, lang), *more], lang)
        return formatting.scaled(value, unit, lang) + formatting.paren(inner, lang)

    pace = formatting.ratio(f.pace_ratio, lang)
    if f.pace_category:
        pace += formatting.paren(formatting.status_word(f.pace_category, lang), lang)
    latest = "—"
    if r.latest:
        estimate = _("estimate", lang) if r.latest.estimate else ""
        latest = at(
            r.latest.value,
            r.latest.period,
            formatting.basis_word(r.latest.basis, lang, r.latest.period),
            estimate,
        )
    rows = [
        ("goal", _("Goal", lang), formatting.goal_text(t, lang)),
        (
            "baseline",
            _("Baseline", lang),
            at(r.baseline.value, r.baseline.period) if r.baseline else "—",
        ),
        ("latest", _("Latest", lang), latest),
    ]
    if r.ytd:
        rows.append(
            (
                "ytd",
                _("Year to date", lang),
                at(r.ytd.value, r.ytd.period, formatting.basis_word("ytd", lang, r.ytd.period)),
            )
        )
    if r.latest:
        values = {
            "share_of_target_pct": formatting.percent(f.share_of_target_pct, lang=lang),
            "gap": formatting.scaled(f.gap, unit, lang),
            "gap_closed_pct": formatting.percent(f.gap_closed_pct, lang=lang),
            "time_elapsed_pct": formatting.percent(f.time_elapsed_pct, lang=lang),
            "schedule_gap_pts": outcome.schedule_text(r, lang),
            "actual_cagr": formatting.rate(f.actual_cagr, lang),
            "required_cagr": formatting.rate(f.required_cagr, lang),
            "required_cagr_from_latest": formatting.rate(f.required_cagr_from_latest, lang),
            "pace_ratio": pace,
            "projected_at_deadline": formatting.projection(
                f.projected_at_deadline, unit, t.target, lang
            ),
            "eta": formatting.about_month(f.eta, lang),
        }
        if not values["schedule_gap_pts"]:
            del values["schedule_gap_pts"]
        names = {key: formatting.figure_name(key, lang) for key in values}
        names["schedule_gap_pts"] = _("Against the schedule", lang)
        rows += [(key, names[key], value) for key, value in values.items()]
    return tuple(
        FigureRow(key, name, value, why.get(key, "") if value == "—" else "")
        for key, name, value in rows
        if as_of is None or outcome.shown(key, r, as_of)
    )


def target_texts(r: TargetResult, lang: str) -> tuple[tuple[str, str, bool], ...]:
    """The goal's own words (its note, plan and source) in the language, where there are any."""
    t = r.target
    out = []
    for name, en, shown in (
        (_("Plan", lang), t.plan, formatting.plan_text(t, lang)),
        (_("Source", lang), t.source, formatting.source_text(t, lang)),
    ):
        if shown:
            out.append((name, shown, lang != "en" and shown == en))
    return tuple(out)


def build_view(report: Report, lang: str, chart_limit: int = MAX_CHARTS) -> dict[str, object]:
    """Everything the templates show, decided here so they hold only `for` and `if`."""
    full = in_full(report)
    # Charts only where there is a card to hold them.
    charts = draw_charts(tuple(r for r in report.targets if id(r) in full), lang, chart_limit)
    chartable = sum(1 for r in report.targets if r.observations or r.baseline)
    seen: set[str] = set()
    cards: list[Card] = []
    for r in report.targets:
        anchor = "t-" + _slug(r.target.id)
        while anchor in seen:
            anchor += "-"
        seen.add(anchor)
        svg = charts.get(r.target.id)
        region_label = formatting.region_name(r.target.region, report.regions_zh, lang)
        name = formatting.target_name(r.target, lang)
        status_short = outcome.status_line(r, lang, detail=False)
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
                    check_line=outcome.check_line(r, lang),
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
                unit_caption=unit_caption(r, lang) if svg else "",
                rows=figure_rows(r, lang, report.as_of),
                status_line=outcome.status_line(r, lang),
                status_short=status_short,
                check_line=outcome.check_line(r, lang),
                # The table goes with its chart: a province's page would otherwise list every
                # monthly figure of 2,000 targets; the workbook and the JSON list them all.
                observations=observation_rows(r, lang) if svg else (),
                figures_elsewhere="" if svg else where_listed(r, lang, region_label),
                blank_line=blank_line(r, lang, report.as_of),
                goal_note=formatting.goal_note(r.target, lang),
                texts=target_texts(r, lang),
            )
        )
    regions: dict[str, list[Card]] = {}
    for card in cards:
        if card.in_full:
            regions.setdefault(card.result.target.region, []).append(card)
    region_views = [
        RegionView(
            f"r-{i}",
            formatting.region_name(name, report.regions_zh, lang),
            tuple(group),
        )
        for i, (name, group) in enumerate(regions.items(), 1)
    ]
    charts_note = ""
    if len(charts) < chartable:
        charts_note = _(
            "Charts are drawn for {shown} of {total} targets (those most in need of attention "
            "first); the other cards show their figures only.",
            lang,
        ).format(shown=len(charts), total=len(report.targets))
    cards_note = ""
    if len(full) == len(report.targets):
        sources_note = _(
            "The source of each latest figure (publisher, title, date, address) is given with its "
            "target under Targets by region, and in the workbook.",
            lang,
        )
    else:
        sources_note = _(
            "The source of each latest figure (publisher, title, date, address) is given in the "
            "workbook, and with its target under Targets by region for the {limit} shown there.",
            lang,
        ).format(limit=IN_FULL)
        cards_note = _(
            "With more than {limit} targets, cards are shown for the {limit} most in need of "
            "attention; the summary above lists all {total}, and the workbook gives each its key "
            "figures and latest source.",
            lang,
        ).format(limit=IN_FULL, total=len(report.targets))
    context_names = {c: (c.name_zh or c.name) if lang == "zh" else c.name for c in report.context}
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
            c.region: formatting.region_name(c.region, report.regions_zh, lang)
            for c in report.context
        },
        "method": formatting.method_paragraphs(lang),
        "month": formatting.month_text(report.as_of, lang),
        "chart_keys": [
            ("actual", _("actual", lang)),
            ("path", _("path to the goal", lang)),
            ("goal", _("goal", lang)),
            ("deadline", _("deadline", lang)),
        ],
        "semicolon": "；" if lang == "zh" else "; ",
        # Said here, not in the template: a newstyle Jinja message would read its % as a format.
        "change_pct_label": _("Change %", lang),
        "headline": outcome.headline(report, lang),
        "comparison": outcome.comparison_text(report, lang),
        "revised_cards": [c for c in cards if c.result.revisions],
    }


def render_html(
    report: Report,
    templates: Path | None = None,
    lang: str = "en",
    chart_limit: int = MAX_CHARTS,
) -> str:
    """The whole page as text; same report and language give the same characters.

    Charts go to at most `chart_limit` targets, those most in need of attention first.
    """
    lang = formatting.check_lang(lang)
    with template_errors():
        env = environment(templates, lang)
        page = env.get_template("base.html")
    view = build_view(report, lang, chart_limit)
    with template_errors():
        return page.render(**view)
