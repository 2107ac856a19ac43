"""The HTML report: one self-contained file rendered from the top-level templates/."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from ..model import Report
from . import text
from .charts import chart_svg


def template_dirs(extra: Path | None = None) -> list[Path]:
    """A user's folder first, then the shipped templates (inside the wheel or the checkout)."""
    shipped = Path(str(resources.files("sockprogress") / "templates"))
    checkout = Path(__file__).resolve().parents[3] / "templates"
    dirs = [d for d in (shipped, checkout) if d.is_dir()]
    return ([extra] if extra else []) + dirs[:1]


def environment(extra: Path | None = None) -> Environment:
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(d)) for d in template_dirs(extra)]),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        scaled=text.scaled,
        percent=text.percent,
        rate=text.rate,
        ratio=text.ratio,
        status_word=text.status_word,
        note_text=text.note_text,
        chart=lambda r: Markup(chart_svg(r)),
    )
    env.globals["status_icons"] = text.STATUS_ICONS
    return env


def render_html(report: Report, templates: Path | None = None) -> str:
    return (
        environment(templates)
        .get_template("base.html")
        .render(report=report, counts=report.counts())
    )
