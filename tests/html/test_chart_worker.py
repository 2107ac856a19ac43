"""Charts drawn in the worker process are the very bytes drawn in this one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sockprogress.monthly import build_report
from sockprogress.periods import Month
from sockprogress.rendering.charts import MAX_CHARTS, draw_charts
from sockprogress.rendering.chartworker import ChartWorker

ROOT = Path(__file__).resolve().parents[2]


def shipped_results() -> tuple:  # type: ignore[type-arg]
    report = build_report(
        ROOT / "data" / "targets.toml",
        ROOT / "data" / "actuals.xlsx",
        Month(2026, 10),
        today=dt.date(2026, 11, 22),
    )
    return report.targets


def test_worker_draws_the_same_bytes_as_this_process() -> None:
    results = shipped_results()
    with ChartWorker() as worker:
        assert worker._process is not None  # a second process really ran
        in_worker = worker.draw(results, "zh", MAX_CHARTS)
    here = draw_charts(results, "zh")
    assert in_worker == here
    assert len(here) == sum(1 for r in results if r.observations or r.baseline)


def test_without_a_worker_charts_are_drawn_here() -> None:
    results = shipped_results()
    worker = ChartWorker(enabled=False)
    assert worker._process is None
    assert worker.draw(results, "en", MAX_CHARTS) == draw_charts(results, "en")


def test_a_worker_never_asked_is_stopped() -> None:
    worker = ChartWorker()
    process = worker._process
    worker.close()
    assert process is not None and process.poll() is not None


def test_a_submitted_request_is_drawn_by_the_worker_and_collected_by_draw() -> None:
    results = shipped_results()
    with ChartWorker() as worker:
        process = worker._process
        worker.submit(results, "en", MAX_CHARTS)
        assert worker._process is None  # handed to the request
        charts = worker.draw(results, "en", MAX_CHARTS)
    assert process is not None and process.returncode == 0  # the worker answered
    assert charts == draw_charts(results, "en", MAX_CHARTS)


def test_a_draw_unlike_the_request_is_drawn_here_and_the_worker_stopped() -> None:
    results = shipped_results()
    with ChartWorker() as worker:
        process = worker._process
        worker.submit(results, "en", MAX_CHARTS)
        charts = worker.draw(results, "zh", MAX_CHARTS)
    assert charts == draw_charts(results, "zh", MAX_CHARTS)
    assert process is not None and process.poll() is not None


def test_a_request_never_collected_is_stopped_on_close() -> None:
    worker = ChartWorker()
    process = worker._process
    worker.submit(shipped_results(), "en", MAX_CHARTS)
    worker.close()
    assert process is not None and process.poll() is not None
