"""The HTML report in a real headless Chromium: no request, no axe violation, no script error,
no sideways scroll on a phone, and the status filter works without script."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from synthetic import synthetic_report

from sockprogress.model import Report
from sockprogress.rendering.html import render_html
from sockprogress.words.words import Words

if TYPE_CHECKING:
    from playwright.sync_api import Dialog

pytestmark = pytest.mark.client

SHOTS = Path("/tmp")


# The tables wider than their region (which then scrolls sideways), by their label.
WIDE_TABLES = """[...document.querySelectorAll('.table-wrap')]
    .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.getAttribute('aria-label'))"""
# The widths of the bulletin title's lines, as laid out.
TITLE_LINES = """(() => { const r = document.createRange();
    r.selectNodeContents(document.querySelector('.bulletin h1'));
    return [...r.getClientRects()].map(x => x.width); })()"""


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_shipped_report_in_chromium(
    visit: Any, pages: dict[str, Path], shipped_report: Report, lang: str, width: int
) -> None:
    seen = visit(pages[lang], width=width)
    seen.page.screenshot(path=str(SHOTS / f"sockprogress-html-{lang}-{width}.png"), full_page=True)
    assert seen.blocked == [], "the page asked for something beyond its own file"
    assert seen.axe_violations() == []
    assert seen.errors == []
    if width == 390:
        assert seen.scroll_width() <= 390
        # nor does any table scroll inside its own region, the figures behind each chart
        # opened: the bulletin's Completion and Progress were off to the right in English
        seen.page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        assert seen.page.evaluate(WIDE_TABLES) == []
        # each stacked cell is labelled with its column, by the page's one rule per column
        words = Words.of(lang)
        for table, label in (("summary-table", words("Status")), ("bulletin-table", words("Unit"))):
            shown = seen.page.evaluate(
                f"getComputedStyle(document.querySelector('.{table} td'), '::before').content"
            )
            assert shown == f'"{label}"', (table, shown)
        # the title's lines are even: no last line of one character (况)
        lines = seen.page.evaluate(TITLE_LINES)
        assert len(lines) >= 2 and min(lines) >= 0.4 * max(lines), lines
    assert seen.page.evaluate("document.documentElement.lang") == (
        "zh-CN" if lang == "zh" else "en"
    )
    drawable = [r for r in shipped_report.targets if r.observations or r.baseline]
    assert seen.page.locator("svg[role=img]").count() == len(drawable)
    assert seen.page.locator("article.card").count() == len(shipped_report.targets)


def test_status_filter_works_without_script(visit: Any, pages: dict[str, Path]) -> None:
    seen = visit(pages["en"])
    cards = seen.page.locator("article.card")
    assert cards.count() == 8
    seen.page.click('a[href="#only-missed"]')
    visible = [c for c in cards.all() if c.is_visible()]
    assert [c.get_attribute("data-status") for c in visible] == ["missed"]
    assert seen.page.locator("section.region", has_text="Liaoyuan").is_hidden()
    seen.page.click('a[href="#all"]')
    assert sum(c.is_visible() for c in cards.all()) == 8
    assert seen.blocked == [] and seen.errors == []


def test_hostile_text_stays_text_in_the_browser(visit: Any, tmp_path: Path) -> None:
    page_file = tmp_path / "hostile.html"
    page_file.write_text(render_html(synthetic_report(tmp_path), Words.of("en")), encoding="utf-8")
    seen = visit(page_file, width=390)
    dialogs: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    seen.page.on("dialog", dismiss)
    seen.page.reload()
    assert "<script>alert('source')</script> & synthetic" in seen.page.inner_text("body")
    assert seen.page.locator("main script, main img").count() == 0
    assert dialogs == [] and seen.blocked == [] and seen.errors == []
    assert seen.axe_violations() == []
    assert seen.scroll_width() <= 390


def test_prints_on_a4(visit: Any, pages: dict[str, Path]) -> None:
    from pypdf import PdfReader

    seen = visit(pages["zh"])
    pdf = SHOTS / "sockprogress-html-zh.pdf"
    seen.page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    reader = PdfReader(pdf)
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    # page 1 the bulletin, then the summary, the changes and a card a page (its chart wide
    # enough for 7 pt labels), then context, issues and method: about two pages a target
    assert 2 <= len(reader.pages) <= 18
    assert seen.blocked == []
