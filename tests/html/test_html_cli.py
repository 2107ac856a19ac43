"""The report command's --lang and --templates options, end to end through the CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from helpers import report_args

from sockprogress.cli import main


def run(
    shipped: tuple[Path, Path], out: Path, *extra: str, env: dict[str, str] | None = None
) -> Result:
    targets, actuals = shipped
    return CliRunner().invoke(
        main,
        report_args(targets, actuals, "2026-10", out, "--format", "html,json", *extra),
        env=env,
    )


def test_lang_zh_makes_the_html_speak_chinese(shipped: tuple[Path, Path], tmp_path: Path) -> None:
    result = run(shipped, tmp_path, "--lang", "zh")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "progress-2026-10.zh.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in html
    for word in ("亿", "年", "辽源", "小北河", "待期末数据", "未完成", "暂无法评估", "2026年10月"):
        assert word in html
    # The JSON stays the same for programs: English notes, method.md field names.
    json_text = (tmp_path / "progress-2026-10.json").read_text(encoding="utf-8")
    assert "has passed; waiting for the figure" in json_text and "截止" not in json_text


def test_english_is_the_default(shipped: tuple[Path, Path], tmp_path: Path) -> None:
    result = run(shipped, tmp_path, env={"SOCKPROGRESS_LANG": ""})
    assert result.exit_code == 0, result.output
    html = (tmp_path / "progress-2026-10.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "Awaiting final figure" in html
    assert "Oct 2026" in html and "2.6 bn pairs" in html
    assert ">辽源<" not in html


def test_environment_variable_sets_the_default(shipped: tuple[Path, Path], tmp_path: Path) -> None:
    result = run(shipped, tmp_path, env={"SOCKPROGRESS_LANG": "zh"})
    assert result.exit_code == 0, result.output
    assert '<html lang="zh-CN">' in (tmp_path / "progress-2026-10.zh.html").read_text("utf-8")
    result = run(shipped, tmp_path / "en", "--lang", "en", env={"SOCKPROGRESS_LANG": "zh"})
    html = (tmp_path / "en" / "progress-2026-10.html").read_text(encoding="utf-8")
    # Quoted sources may be Chinese in either language; the page's own words are English.
    assert '<html lang="en">' in html and "Targets by region" in html


def test_unknown_language_is_a_usage_error(shipped: tuple[Path, Path], tmp_path: Path) -> None:
    result = run(shipped, tmp_path, "--lang", "fr")
    assert result.exit_code == 2
    assert "Invalid value for '--lang'" in result.output
    assert not list(tmp_path.glob("progress-*"))


def test_templates_folder_overrides_by_name(shipped: tuple[Path, Path], tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "_context.html").write_text(
        '<section aria-labelledby="context"><h2 id="context">Our context</h2></section>',
        encoding="utf-8",
    )
    result = run(shipped, tmp_path / "out", "--templates", str(mine))
    assert result.exit_code == 0, result.output
    html = (tmp_path / "out" / "progress-2026-10.html").read_text(encoding="utf-8")
    assert "Our context" in html and "Employees (direct and indirect)" not in html
    assert "Annual sock production capacity" in html


def test_an_override_extends_the_shipped_base_and_fills_one_block(
    shipped: tuple[Path, Path], tmp_path: Path
) -> None:
    """`default:base.html` is the shipped page: an override adds CSS and drops one section."""
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "base.html").write_text(
        '{% extends "default:base.html" %}\n'
        "{% block extra_style %}body { background: #fffbe6; }{% endblock %}\n"
        "{% block method %}{% endblock %}\n"
        '{% block footer %}<footer class="ours">{{ _("Summary") }} · Liaoyang</footer>'
        "{% endblock %}\n",
        encoding="utf-8",
    )
    result = run(shipped, tmp_path / "out", "--templates", str(mine))
    assert result.exit_code == 0, result.output
    html = (tmp_path / "out" / "progress-2026-10.html").read_text(encoding="utf-8")
    # The shipped CSS, then ours; the shipped sections, but not the method; our footer.
    style = html[html.index("<style>") : html.index("</style>")]
    assert "box-sizing: border-box" in style
    assert style.index("box-sizing") < style.index("background: #fffbe6")
    assert "Annual sock production capacity" in html and 'id="summary"' in html
    assert 'id="method"' not in html
    assert '<footer class="ours">Summary · Liaoyang</footer>' in html
    assert html.count("<html") == 1


def test_the_css_partial_can_be_replaced_alone(shipped: tuple[Path, Path], tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "_style.css").write_text("body { font-family: serif; }\n", encoding="utf-8")
    result = run(shipped, tmp_path / "out", "--templates", str(mine))
    assert result.exit_code == 0, result.output
    html = (tmp_path / "out" / "progress-2026-10.html").read_text(encoding="utf-8")
    style = html[html.index("<style>") : html.index("</style>")]
    assert "font-family: serif" in style and "box-sizing" not in style
    assert "Annual sock production capacity" in html


def test_default_prefix_names_the_shipped_template_even_when_overridden(
    shipped: tuple[Path, Path], tmp_path: Path
) -> None:
    """An override of a partial can wrap the shipped partial of the same name."""
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "_context.html").write_text(
        '<div class="wrapped">{% include "default:_context.html" %}</div>', encoding="utf-8"
    )
    result = run(shipped, tmp_path / "out", "--templates", str(mine))
    assert result.exit_code == 0, result.output
    html = (tmp_path / "out" / "progress-2026-10.html").read_text(encoding="utf-8")
    start = html.index('<div class="wrapped"><section aria-labelledby="context">')
    end = html.index("</section></div>", start)
    assert "Employees (direct and indirect)" in html[start:end]


def test_compiled_templates_are_kept_and_an_edited_template_is_compiled_again(
    shipped: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    mine = tmp_path / "mine"
    mine.mkdir()
    context = mine / "_context.html"
    context.write_text("<p>first-wording-7q</p>", encoding="utf-8")
    pages: list[str] = []
    for wording in ("first-wording-7q", "second-wording-7q", None):
        if wording:
            context.write_text(f"<p>{wording}</p>", encoding="utf-8")
        extra = ("--templates", str(mine)) if wording else ()
        out = tmp_path / f"out-{len(pages)}"
        assert run(shipped, out, *extra).exit_code == 0
        pages.append((out / "progress-2026-10.html").read_text(encoding="utf-8"))
    assert "<p>first-wording-7q</p>" in pages[0]
    assert "<p>second-wording-7q</p>" in pages[1] and "first-wording-7q" not in pages[1]
    assert "wording-7q" not in pages[2]
    kept = {p.parent.name.rsplit("-", 1)[0] for p in cache.rglob("*.cache")}
    assert kept == {"templates-shipped", "templates-sandboxed"}
    # The same page again from the cache, byte for byte.
    assert run(shipped, tmp_path / "again").exit_code == 0
    assert (tmp_path / "again" / "progress-2026-10.html").read_text(encoding="utf-8") == pages[2]


def test_a_cache_folder_that_cannot_be_made_only_costs_time(
    shipped: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_a_folder = tmp_path / "cache"
    not_a_folder.write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(not_a_folder))
    result = run(shipped, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "Annual sock production capacity" in (
        tmp_path / "out" / "progress-2026-10.html"
    ).read_text(encoding="utf-8")


def test_matplotlib_is_imported_only_for_the_html(shipped: tuple[Path, Path]) -> None:
    targets, actuals = shipped
    code = (
        "import sys, datetime as dt; from pathlib import Path\n"
        "from sockprogress.pipeline import build_report\n"
        "from sockprogress.periods import Month\n"
        "from sockprogress.rendering.jsonout import render_json\n"
        f"r = build_report(Path({str(targets)!r}), Path({str(actuals)!r}), Month(2026, 10))\n"
        "render_json(r)\n"
        "assert 'matplotlib' not in sys.modules, 'matplotlib imported before any chart'\n"
        "from sockprogress.rendering.html import render_html\n"
        "from sockprogress.words.words import Words\n"
        "render_html(r, Words.of())\n"
        "assert 'matplotlib' in sys.modules\n"
        "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot is not needed'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_two_runs_give_identical_files(
    shipped: tuple[Path, Path], tmp_path: Path, lang: str
) -> None:
    first, second = tmp_path / "1", tmp_path / "2"
    assert run(shipped, first, "--lang", lang).exit_code == 0
    assert run(shipped, second, "--lang", lang).exit_code == 0
    name = "progress-2026-10.zh.html" if lang == "zh" else "progress-2026-10.html"
    assert (first / name).read_bytes() == (second / name).read_bytes()


def test_the_report_imports_no_library_it_does_not_use(
    shipped: tuple[Path, Path], tmp_path: Path
) -> None:
    """openpyxl edits the user's workbook (`init`, `actuals add`); the report reads with
    calamine and writes with xlsxwriter. `openpyxl.utils` alone imports all of openpyxl, and
    `xml.sax.saxutils` imports urllib, http, email and ssl: about 0.08 s of a 0.7 s report."""
    targets, actuals = shipped
    code = (
        "import sys\n"
        "from sockprogress.cli import main\n"
        "try:\n"
        f"    main(['report', '--targets', {str(targets)!r}, '--actuals', {str(actuals)!r},"
        f" '--as-of', '2026-10', '--out', {str(tmp_path)!r}])\n"
        "except SystemExit as exit:\n"
        "    assert not exit.code, exit.code\n"
        "print('imported:', *(m for m in ('openpyxl', 'xml.sax.saxutils', 'http.client')"
        " if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "imported:"
    assert len(list(tmp_path.glob("progress-2026-10.*"))) == 4
