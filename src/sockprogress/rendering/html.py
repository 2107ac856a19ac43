"""The HTML report: one self-contained file rendered from the top-level templates/.

`render_html(report, words, templates)` builds the page in memory from the report's view
(view.py): what a figure is, and what is said of it, comes from there. The templates loop and
branch over it and write numbers and words through the reader's `Words`, in filters bound here.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from jinja2 import Environment, select_autoescape
from markupsafe import Markup

from ..model import STATUSES, Report
from ..words import DEFAULT_LANG
from ..words.messages import STATUS_ICONS
from ..words.words import DASH, Words
from . import outcome
from .bulletin import LATIN, build_bulletin, one_line, unbroken
from .svgcharts import MAX_CHARTS, draw_charts, unit_caption
from .templating import make_environment, template_errors
from .view import COMPUTED, ReportView, TargetView, build_view


def template_dirs(extra: Path | None = None) -> list[Path]:
    """A user's folder first, then the shipped templates (inside the wheel or the checkout)."""
    shipped = Path(str(resources.files("sockprogress") / "templates"))
    checkout = Path(__file__).resolve().parents[3] / "templates"
    dirs = [d for d in (shipped, checkout) if d.is_dir()]
    return ([extra] if extra else []) + dirs[:1]


def css_string(text: str) -> Markup:
    """Text as a CSS string for generated content (`"完成率"`): every character but a letter, a
    digit, a space or a non-ASCII one is a CSS escape, so nothing in it ends the string, the
    rule or the <style>."""
    safe = (c if c.isalnum() or c == " " or ord(c) > 127 else f"\\{ord(c):x} " for c in text)
    return Markup(f'"{"".join(safe)}"')


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
        # a goal's figure as outcome says it (never rounded onto the goal; a figure to check
        # with every digit): {{ figure|figure_said(r) }}
        figure_said=lambda figure, result: outcome.figure_said(result, figure, words),
        percent=words.percent,
        rate=words.rate,
        ratio=words.ratio,
        status_word=words.status_word,
        status_text=words.status_text,
        issue_text=words.issue_text,
        severity=words.severity,
        note_text=words.note_text,
        period=words.period,
        figure_period=words.figure_period,
        date=words.date,
        month=words.month,
        basis=words.basis,
        target_name=words.target_name,
        where=words.where,
        paren=words.paren,
        joined=words.joined,
        css_string=css_string,
        # a bulletin cell in pieces, those a line must not break inside marked (held_runs)
        unbroken=unbroken,
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


# A card says the deadline with the goal and the pace judgement with the pace ratio.
IN_OTHER_ROWS = frozenset({"deadline", "pace_category"})


def card_rows(view: TargetView, words: Words) -> tuple[FigureRow, ...]:
    """The figures a card lists; with no observation only the goal and inputs, and the
    schedule in a sentence where there is one."""
    rows = []
    for figure in view.figures:
        if figure.key in IN_OTHER_ROWS or (figure.key in COMPUTED and not view.result.latest):
            continue
        label, text = figure.label, figure.text
        if figure.key == "schedule_gap_pts":
            if not figure.remark:
                continue
            label, text = words("Against the schedule"), figure.remark
        rows.append(FigureRow(figure.key, label, text, figure.why if text == DASH else ""))
    return tuple(rows)


@dataclass(frozen=True)
class Card:
    """A target as the page shows it: the view of it, with its chart where it has one.

    Beyond `selection.IN_FULL` targets only those shown in full get a card under Targets by
    region; the others are rows of the summary.
    """

    view: TargetView
    chart: Markup | None = None
    unit_caption: str = ""
    rows: tuple[FigureRow, ...] = ()
    # The figures behind the chart, with it; without a chart, where they are listed instead.
    observations: tuple[tuple[str, str, str, str, str], ...] = ()
    figures_elsewhere: str = ""

    def __getattr__(self, name: str) -> object:
        return getattr(self.view, name)


@dataclass(frozen=True)
class RegionCards:
    anchor: str
    name: str
    cards: tuple[Card, ...]


# The printed page's bulletin table (_style.css, @media print): 10.5 pt text on A4 less its
# 12 mm margins, each cell .3rem padded on both sides and bordered. The rule measures Latin
# text in Times' widths; the page's sans serif (DejaVu Sans, bold headings) runs about a sixth
# wider, so its Latin is measured a sixth wider ("Completion" and "70.0%" broke inside the
# word), not its Chinese: measured so too, a figure beside its period took a third of an
# eight-column table and the names wrapped at four characters.
PRINT_TABLE_SIZE = 10.5
PRINT_LATIN = LATIN * 14 / 12
PRINT_LINE = (210 - 2 * 12) * 72 / 25.4
PRINT_CELL_PAD = 2 * 0.3 * 12 + 1


def page(view: ReportView, chart_limit: int = MAX_CHARTS) -> dict[str, object]:
    """Everything the templates show, laid out from the report's view: the templates loop and
    branch over it, and write its numbers through the filters."""
    report, words = view.report, view.words
    bulletin = build_bulletin(view)
    # page 1 printed, laid out once for its column widths and its headings held whole
    print_widths = bulletin.column_widths(PRINT_TABLE_SIZE, PRINT_LINE, PRINT_CELL_PAD, PRINT_LATIN)
    full = tuple(t for t in view.targets if t.in_full)
    # Charts only where there is a card to hold them.
    charts = draw_charts(tuple(t.result for t in full), words, chart_limit)
    drawable = sum(1 for r in report.targets if outcome.chartable(r))
    cards: dict[int, Card] = {}
    for t in view.targets:
        svg = charts.get(t.result.target.id) if t.in_full else None
        cards[id(t)] = Card(
            t,
            chart=Markup(svg) if svg else None,
            unit_caption=unit_caption(t.result, words) if svg else "",
            rows=card_rows(t, words) if t.in_full else (),
            # The table goes with its chart: a province's page would otherwise list every
            # monthly figure of 2,000 targets; the workbook and the JSON list them all.
            observations=t.observations if svg else (),
            figures_elsewhere="" if svg or not t.in_full else t.listed_with_sheet,
        )
    regions = [
        RegionCards(r.anchor, r.name, tuple(cards[id(t)] for t in r.targets if t.in_full))
        for r in view.regions
    ]
    charts_note = ""
    if len(charts) < drawable:
        charts_note = words(
            "Charts are drawn for {shown} of {total} targets (those most in need of attention "
            "first); the other cards show their figures only."
        ).format(shown=len(charts), total=len(report.targets))
    return {
        "report": report,
        # the browser's tab and a mailed page's name: the title page 1 and the bulletin give
        "page_title": bulletin.title + words.paren(bulletin.period),
        "counts": view.counts,
        "count_words": outcome.count_words(report, words),
        "cards": [cards[id(t)] for t in view.targets],
        "regions": [r for r in regions if r.cards],
        "status_changes": [cards[id(t)] for t in view.status_changes],
        "figure_changes": [cards[id(t)] for t in view.figure_changes],
        "charts_note": charts_note,
        "cards_note": view.cards_note,
        "sources_note": view.sources_note,
        "context_names": {c: words.pick(c.name, zh=c.name_zh) for c in report.context},
        "region_names": {
            c.region: words.region_name(c.region, report.regions_zh) for c in report.context
        },
        # each row's region only where there are several (view.regions_named)
        "regions_named": view.regions_named,
        "targets_heading": view.targets_heading,
        "context_regions_named": view.context_regions_named,
        "method": view.method,
        # the data issues said by kind: a province's page grows with its kinds, not its rows
        "issues": view.issues,
        "issues_intro": issues_intro(view),
        "chart_keys": [
            ("actual", words("actual")),
            ("path", words("path to the goal")),
            ("goal", words("goal")),
            ("deadline", words("deadline")),
        ],
        # a year's chart by month: its sums, the year's schedule (序时进度), the year's goal and
        # its end, as a bulletin's chart names them
        "month_keys": {
            "actual": words("Year to date"),
            "path": words("schedule (the year's goal by month)"),
            "goal": words("the year's goal"),
            "deadline": words("year end"),
        },
        "sentence_gap": words.sentence_gap,
        "semicolon": words.semicolon,
        # Said here, not in the template: a newstyle Jinja message would read its % as a format.
        "change_pct_label": words("Change %"),
        "headline": view.headline,
        # page 1 says the lead sentences; the outcome box under it names the goals
        "headline_details": tuple(line for line in view.headline if line not in bulletin.lead),
        "bulletin": bulletin,
        # page 1 printed: each column of the bulletin's table as a share of the A4 line, by the
        # rule the Word table is laid out by (equal columns left a goal's name four lines deep
        # and pushed the English table onto page 2)
        "bulletin_print_widths": [round(100 * w / PRINT_LINE, 2) for w in print_widths],
        # the Chinese headings the printed columns hold whole, set on one line
        "bulletin_held": bulletin.held_headings(
            print_widths, PRINT_TABLE_SIZE, PRINT_CELL_PAD, PRINT_LATIN
        ),
        # and each heading's lines, as the printed columns hold them (最新值 / （2026年10月）)
        "bulletin_headings": bulletin.heading_lines(
            one_line(print_widths, PRINT_TABLE_SIZE, PRINT_CELL_PAD, PRINT_LATIN)
        ),
        # each goal's row, its Chinese cells in the lines the printed table breaks them into,
        # as the Word bulletin and the workbook do (the browser printed 35（2023年5月；月 /
        # 份为推定）): each line held as one box, so that a wider screen may set two on a line
        "bulletin_lines": [
            [cell.split("\n") for cell in row]
            for row in bulletin.broken(print_widths, PRINT_TABLE_SIZE, PRINT_CELL_PAD, PRINT_LATIN)
        ],
        "comparison": view.comparison,
        "revised_cards": [cards[id(t)] for t in view.revised],
        # Said here, not in the template: 同比增长（%） holds a % a newstyle message would format.
        "year_headings": (
            [words("Year to date"), words.figure_name("ytd_share_of_target_pct")]
            if view.year_columns and view.year_figures
            else []
        )
        + ([words("Against the schedule")] if view.schedule_column else [])
        + ([words.figure_name("ytd_yoy_pct")] if view.year_columns else []),
        "year_columns": view.year_columns,
        "schedule_column": view.schedule_column,
        "year_figures": view.year_figures,
    }


def issues_intro(view: ReportView) -> str:
    """`233,004 issues in the inputs, by kind and column; every row's issue is in the JSON.`"""
    words, n = view.words, len(view.report.issues)
    return words.n(
        "{n} issue in the inputs, by kind and column; each row's issue is listed in the JSON.",
        "{n} issues in the inputs, by kind and column; each row's issue is listed in the JSON.",
        n,
    ).format(n=words.row_count(n))


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
        template = env.get_template("base.html")
    shown = page(build_view(report, words), chart_limit)
    with template_errors():
        return template.render(**shown)
