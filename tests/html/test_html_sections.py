"""The HTML report section by section: snapshots, parsed key numbers, escaping, overrides."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from synthetic import synthetic_report
from syrupy.assertion import SnapshotAssertion

from sockprogress.model import Report
from sockprogress.rendering.html import environment, page, render_html
from sockprogress.rendering.view import build_view
from sockprogress.words.words import Words

SECTIONS = (
    "_headline.html",
    "_toc.html",
    "_changes.html",
    "_summary.html",
    "_regions.html",
    "_context.html",
    "_issues.html",
    "_method.html",
)
SVG = re.compile(r"<svg\b.*?</svg>", re.S)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return synthetic_report(tmp_path_factory.mktemp("synthetic"))


def section(report: Report, name: str, lang: str) -> str:
    """One partial rendered alone; charts stand in as <svg/> (they have their own tests)."""
    words = Words.of(lang)
    shown = page(build_view(report, words))
    html = environment(words).get_template(name).render(**shown)
    html = re.sub(r"<code>[0-9a-f]{64}</code>", "<code>SHA-256</code>", html)
    return SVG.sub("<svg/>", html)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    "name", SECTIONS, ids=[s.strip("_").removesuffix(".html") for s in SECTIONS]
)
def test_section_snapshot(
    synthetic: Report, name: str, lang: str, snapshot: SnapshotAssertion
) -> None:
    assert section(synthetic, name, lang) == snapshot


class Cells(HTMLParser):
    """Text per element id and the text of every table row, for parsed checks."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self.text: list[str] = []
        self.scripts = 0
        self.lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.lang = dict(attrs).get("lang") or ""
        if tag == "script":
            self.scripts += 1
        if tag == "tr":
            self._row = []
        if tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        if tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)


def parse(html: str) -> Cells:
    parser = Cells()
    parser.feed(html)
    return parser


def row_for(cells: Cells, name: str) -> list[str]:
    return next(r for r in cells.rows if r and r[0].startswith(name))


def test_english_summary_numbers_on_shipped_data(shipped_report: Report) -> None:
    cells = parse(render_html(shipped_report, Words.of("en")))
    assert cells.lang == "en"
    assert row_for(cells, "Annual sock output") == [
        "Annual sock outputXiaobeihe",
        "○ Awaiting final figure · likely missed",
        "65.0 %",
        "2.6 bn pairsJun 2025 (estimate)",
        "4 bn pairs31 Dec 2025",
    ]
    assert row_for(cells, "Sock firms above designated size")[1] == "✘ Missed"
    assert row_for(cells, "Sock firms above designated size")[3] == "2 firmsFeb 2026"
    assert row_for(cells, "Sock-related firms")[1] == "295 firmsDec 2024"
    text = "".join(cells.text)
    # the browser tab: the report's own title, as page 1 and the Word bulletin give it
    assert (
        "Liaoyuan and Xiaobeihe sock clusters: progress towards the 2025 goals (Oct 2026)" in text
    )
    # the outcome of the passed deadline comes before the counts and the tables
    outcome = text.index("Of the 8 targets due at the end of 2025, 1 missed")
    assert outcome < text.index("Missed: 1") < text.index("Summary")
    assert "Missed: 1" in text and "Awaiting final figure: 5" in text


def test_chinese_summary_numbers_on_shipped_data(shipped_report: Report) -> None:
    cells = parse(render_html(shipped_report, Words.of("zh")))
    assert cells.lang == "zh-CN"
    assert row_for(cells, "袜子年产量") == [
        "袜子年产量小北河",
        "○ 待期末数据，预计难以完成",
        "65.0%",
        "26亿双2025年6月（估算数）",
        "40亿双2025年12月31日",
    ]
    assert row_for(cells, "年产值")[3] == "38亿元2025年6月（估算数）"
    assert row_for(cells, "袜子年产能")[0] == "袜子年产能辽源"
    assert row_for(cells, "规模以上袜业企业数")[1] == "✘ 未完成"
    assert row_for(cells, "袜业相关企业数（含配套）")[1] == "295户2024年12月"
    text = "".join(cells.text)
    assert "辽源、小北河袜业2025年目标完成情况（2026年10月）" in text
    assert "辽源" in text and "小北河" in text
    # The Chinese report is read in Chinese: the English names are the English report's.
    assert "Annual sock production capacity" not in text


def test_user_text_is_escaped_never_live(synthetic: Report) -> None:
    for lang in ("en", "zh"):
        html = render_html(synthetic, Words.of(lang))
        assert parse(html).scripts == 0
        assert "<script>" not in html and "<img" not in html
        assert "&lt;script&gt;alert(&#39;source&#39;)&lt;/script&gt; &amp; synthetic" in html
        assert "&lt;img src=x onerror=alert(&#39;issue&#39;)&gt;" in html
    assert "Output value &lt;script&gt;" in render_html(synthetic, Words.of("en"))


def test_same_report_gives_identical_bytes(synthetic: Report) -> None:
    first = render_html(synthetic, Words.of("zh")).encode("utf-8")
    second = render_html(synthetic, Words.of("zh")).encode("utf-8")
    assert first == second
    assert first.count(b"<svg") == 3


def test_each_chart_is_a_self_contained_inline_svg(shipped_report: Report) -> None:
    html = render_html(shipped_report, Words.of("en"))
    svgs = SVG.findall(html)
    drawable = [r for r in shipped_report.targets if r.observations or r.baseline]
    assert len(svgs) == len(drawable) >= 6  # a target with no figure at all gets no chart
    for svg in svgs:
        assert 'role="img" aria-label="' in svg
        assert "<metadata" not in svg and "Date" not in svg
        assert 'href="http' not in svg and "url(http" not in svg
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "ids must be unique across the page"


def test_charts_beyond_the_limit_are_skipped_and_said(synthetic: Report) -> None:
    html = render_html(synthetic, Words.of("en"), chart_limit=1)
    assert html.count("<svg") == 1
    assert "Charts are drawn for 1 of 3 targets" in html
    # The one drawn is the target most in need of attention.
    card = html[html.index('id="t-sampleton-value"') :]
    card = card[: card.index("</article>")]
    assert "<svg" in card and "Figures behind the chart" in card
    # The table of figures goes with the chart; the others say where their figures are.
    others = [
        a[: a.index("</article>")]
        for a in html.split('<article class="card"')[1:]
        if "<svg" not in a
    ]
    assert len(others) == 2
    for other in others:
        assert "Figures behind the chart" not in other and "<table" not in other
        assert re.search(
            r"Its \d+ figures?, with (its|their) sources?, (is|are) listed in the "
            r"workbook \(sheet [^)]+\) and the JSON\.",
            other,
        ), other


def test_user_template_overrides_the_shipped_one(synthetic: Report, tmp_path: Path) -> None:
    (tmp_path / "_method.html").write_text(
        '<section aria-labelledby="method"><h2 id="method">Our own method</h2>'
        "<p>{{ report.targets|length }} targets, {{ _('Method') }}</p></section>",
        encoding="utf-8",
    )
    html = render_html(synthetic, Words.of("en"), templates=tmp_path)
    assert "Our own method" in html and "3 targets, Method" in html
    assert "Eurostat" not in html
    assert "Widget output" in html  # the other sections still come from the shipped templates


def test_filter_without_script_has_a_rule_per_status(synthetic: Report) -> None:
    html = render_html(synthetic, Words.of("en"))
    assert "<script" not in html
    for status in ("on_track", "achieved", "moving_away"):
        assert f'<span class="anchor" id="only-{status}"></span>' in html
        assert f'href="#only-{status}"' in html
        assert f'#only-{status}:target ~ main [data-status]:not([data-status="{status}"])' in html


def test_a_province_sized_report_stays_navigable(synthetic: Report) -> None:
    """100 regions of 3 targets (copies of the synthetic ones): folded contents, capped charts."""
    from dataclasses import replace

    from sockprogress.rendering.selection import in_full
    from sockprogress.rendering.svgcharts import MAX_CHARTS, chosen_for_charts

    results = tuple(
        replace(r, target=replace(r.target, id=f"{r.target.id}-{i}", region=f"Town {i:03d}"))
        for i in range(100)
        for r in synthetic.targets
    )
    big = replace(synthetic, targets=results)
    html = render_html(big, Words.of("en"))
    assert html.count("<svg") == MAX_CHARTS
    assert f"Charts are drawn for {MAX_CHARTS} of 300 targets" in html
    # Cards for the 200 targets shown in full (as in the workbook); the summary lists all 300,
    # and only a target with a card is a link.
    full = in_full(big)
    assert len(full) == 200
    cards_note = "cards are shown for the 200 most in need of attention; the summary above lists"
    assert f"{cards_note} all 300" in html
    assert (
        "is given in the workbook, and with its target under Targets by region for the 200" in html
    )
    assert "the other cards show their figures only" in html
    assert html.count('<article class="card"') == 200
    summary = html[html.index('<h2 id="summary">') : html.index('<h2 id="changes">')]
    assert summary.count("<tr data-status=") == 300
    anchors = set(re.findall(r'href="#(t-[^"]+)"', html))
    assert len(anchors) == 200
    assert anchors <= set(re.findall(r'<article class="card" id="([^"]+)"', html))
    # A card without a chart says where its figures are: the workbook, where it is in full.
    charted = chosen_for_charts(big.targets)
    unlisted = [r for r in big.targets if r.observations and r.target.id not in charted]
    in_book = sum(id(r) in full for r in unlisted)
    assert 0 < in_book < len(unlisted)
    assert html.count("are listed in the workbook (sheet Town ") == in_book
    toc = html[html.index('<nav class="toc"') : html.index("</nav>")]
    towns = {r.target.region for r in big.targets if id(r) in full}
    assert f"<summary>Targets by region ({len(towns)})</summary>" in toc
    assert toc.count('href="#r-') == len(towns)
    # Routine new figures are folded away; the status changes stay in sight.
    changes = html[html.index('<h2 id="changes">') : html.index('<h2 id="regions">')]
    assert "<summary>100 targets have a new latest figure and the same status</summary>" in changes
    assert changes.count("(was Moderate progress)") == 100
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))


def test_charts_go_only_to_targets_with_a_card(synthetic: Report) -> None:
    """Synthetic: 205 targets without a figure, then 5 with figures, all not assessable: the 200
    shown in full are the first 205's, so no card has a chart and none is drawn for nothing."""
    from dataclasses import replace

    first, *_ = synthetic.targets
    assert first.observations
    empty = replace(first, observations=(), baseline=None, latest=None, status="not_assessable")
    copies = [
        replace(r, target=replace(r.target, id=f"{r.target.id}-{i}", region=f"Town {i:03d}"))
        for i, r in enumerate([empty] * 205 + [replace(first, status="not_assessable")] * 5)
    ]
    html = render_html(replace(synthetic, targets=tuple(copies)), Words.of("en"))
    assert html.count('<article class="card"') == 200
    assert "<svg" not in html
    assert "Charts are drawn for 0 of 210 targets" in html


def test_every_shipped_name_has_a_chinese_name(shipped_report: Report) -> None:
    regions = dict(shipped_report.regions_zh)
    assert regions == {"Liaoyuan": "辽源", "Xiaobeihe": "小北河", "Jilin": "吉林省"}
    for result in shipped_report.targets:
        assert result.target.name_zh, result.target.id
        assert result.target.region in regions
    for context in shipped_report.context:
        assert context.name_zh, context.indicator


def test_a_label_in_the_pages_css_cannot_end_its_string_or_the_style() -> None:
    from sockprogress.rendering.html import css_string

    said = str(css_string('</style><script>alert("x")</script> 完成率（%）'))
    assert said.startswith('"') and said.endswith('"') and '"' not in said[1:-1]
    assert "<" not in said and ">" not in said and "完成率（" in said
