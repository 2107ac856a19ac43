"""Fixtures for the HTML report tests: the shipped reports in both languages, and Chromium.

Client tests skip when Chromium, Playwright or axe-core is missing, and fail instead when
REQUIRE_REPORT_CLIENTS=1 (CI), so a broken install cannot pass quietly.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from sockprogress.model import Report
from sockprogress.periods import Month
from sockprogress.pipeline import build_report
from sockprogress.rendering.html import render_html
from sockprogress.words.words import Words

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
AS_OF = Month(2026, 10)
TODAY = dt.date(2026, 11, 22)


def missing_client(reason: str) -> None:
    """Skip locally; fail in CI where every client must be installed."""
    if os.environ.get("REQUIRE_REPORT_CLIENTS") == "1":
        pytest.fail(f"REQUIRE_REPORT_CLIENTS=1 but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def shipped_report() -> Report:
    """The shipped (published) figures judged for 2026-10."""
    return build_report(
        ROOT / "data" / "targets.toml", ROOT / "data" / "actuals.xlsx", AS_OF, today=TODAY
    )


@pytest.fixture(scope="session")
def pages(shipped_report: Report, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The shipped report as HTML files, one per language."""
    folder = tmp_path_factory.mktemp("html")
    out = {}
    for lang in ("en", "zh"):
        path = folder / f"progress-{AS_OF}-{lang}.html"
        path.write_text(render_html(shipped_report, Words.of(lang)), encoding="utf-8")
        out[lang] = path
    return out


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium driven by Playwright (never `playwright install`)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing_client("Playwright for Python is not installed (pip install -e '.[test]')")
    if not (CHROMIUM.exists() or shutil.which("chromium")):
        missing_client(f"{CHROMIUM} is missing (apt-get install chromium)")
    if not AXE.exists():
        missing_client(f"{AXE} is missing (npm ci)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@dataclass
class Visit:
    """What happened while a page was open: requests blocked, errors, the page itself."""

    page: Any
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def axe_violations(self) -> list[dict[str, Any]]:
        self.page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        result: dict[str, Any] = self.page.evaluate("async () => await axe.run(document)")
        return [
            {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]}
            for v in result["violations"]
        ]

    def scroll_width(self) -> int:
        return int(self.page.evaluate("document.scrollingElement.scrollWidth"))


@pytest.fixture
def visit(browser: Any) -> Iterator[Any]:
    """Open a file in a fresh context where every request but the file itself is blocked."""
    contexts = []

    def open_page(path: Path, width: int = 1200, height: int = 900) -> Visit:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        url = path.resolve().as_uri()
        seen = Visit(page)

        def route(request_route: Any) -> None:
            request = request_route.request
            if request.url.split("#")[0] == url:
                request_route.continue_()
            else:
                seen.blocked.append(request.url)
                request_route.abort()

        context.route("**/*", route)
        page.on("console", lambda m: seen.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: seen.errors.append(str(e)))
        page.goto(url, wait_until="load")
        return seen

    yield open_page
    for context in contexts:
        context.close()
