"""Quadratic guard: the same work at n and 4n, timed side by side, must grow about linearly.

Linear work at four times the size takes about 4x as long (less, with fixed costs); a step
that is quadratic makes it up to 16x. The bound, 6x, leaves room for noise on a small shared
machine. The runs of the two sizes are interleaved and the fastest of each compared (the
least disturbed run; a busy neighbour only ever adds time), and a run shorter than 50 ms is
repeated until it is not, so timer noise cannot dominate a small case. Each run is timed with
the cyclic collector paused, as `sockprogress report` runs (cli.py): with it on, its walks over
everything alive (the two reports side by side) made the JSON's ratio 4.8-6.3x where the
renderer's own work grows 3.9-4.0x, and the guard failed on a busy machine.

What it catches: a step whose quadratic part outweighs the linear work at 4n. Checked by hand:
a Python scan of every row for each target, added to judge(), turns the `targets` ratio from
about 3x into about 13x. A per-target pandas filter (ns per row, not us) stays under the bound
at these sizes; benchmarks/bench.py's growth figures at province size are the check for that.
"""

from __future__ import annotations

import datetime as dt
import gc
import math
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook
from province import HEADER, Size

from sockprogress.gcpause import gc_paused
from sockprogress.judging import judge
from sockprogress.model import Actuals, Report, TargetsFile
from sockprogress.periods import Month
from sockprogress.reading import load_targets, read_actuals
from sockprogress.rendering.excel import render_workbook
from sockprogress.rendering.html import render_html
from sockprogress.rendering.jsonout import render_json
from sockprogress.words.words import Words

AS_OF = Month(2026, 10)
TODAY = dt.date(2026, 11, 22)
BOUND = 6.0
ROUNDS = 4
MIN_SECONDS = 0.05

# (n, 4n): four times the targets with the same history, or four times the history (rows per
# target) for the same targets.
SIZES = {
    "targets": (Size(regions=16, indicators=20, years=2), Size(regions=64, indicators=20, years=2)),
    "history": (Size(regions=2, indicators=20, years=3), Size(regions=2, indicators=20, years=12)),
}
Province = Callable[[Size], tuple[Path, Path]]


def _seconds(func: Callable[[], object], repeat: int) -> float:
    """Seconds per call of func, over `repeat` calls, the collector paused as in the report."""
    gc.collect()
    with gc_paused():
        started = time.perf_counter()
        for _ in range(repeat):
            func()
        return (time.perf_counter() - started) / repeat


def _ratio(small: Callable[[], object], large: Callable[[], object]) -> float:
    """Fastest time of `large` over fastest time of `small`, interleaved runs."""
    small(), large()  # warm caches (imports, templates, file pages)
    repeat = max(1, math.ceil(MIN_SECONDS / max(_seconds(small, 1), 1e-6)))
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(ROUNDS):
        times[0].append(_seconds(small, repeat))
        times[1].append(_seconds(large, repeat))
    return min(times[1]) / min(times[0])


def _inputs(files: tuple[Path, Path]) -> tuple[TargetsFile, Actuals]:
    return load_targets(files[0]), read_actuals(files[1], today=TODAY)


def test_reading_grows_linearly(make_province: Province) -> None:
    # Reading works row by row, whatever the targets: four times the rows is the test.
    small, large = (make_province(s)[1] for s in SIZES["history"])
    rows = [len(read_actuals(path, today=TODAY).rows) for path in (small, large)]
    assert rows[1] == 4 * rows[0]
    ratio = _ratio(
        lambda: read_actuals(small, today=TODAY), lambda: read_actuals(large, today=TODAY)
    )
    assert ratio < BOUND, f"read_actuals grew {ratio:.1f}x for 4x the rows"


@pytest.mark.parametrize("grow", list(SIZES), ids=list(SIZES))
def test_judging_grows_linearly(grow: str, make_province: Province) -> None:
    small, large = (_inputs(make_province(s)) for s in SIZES[grow])
    observations = [
        sum(len(r.observations) for r in judge(*inputs, AS_OF).targets) for inputs in (small, large)
    ]
    assert observations[1] > 3 * observations[0]  # the workload really is about 4x bigger
    ratio = _ratio(lambda: judge(*small, AS_OF), lambda: judge(*large, AS_OF))
    assert ratio < BOUND, f"judge grew {ratio:.1f}x for 4x the {grow}"


def _messy_sheet(path: Path, rows: int) -> Path:
    """Province-like rows where one in five cells has a problem of its own (synthetic)."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Actuals")
    ws.append(HEADER)
    for i in range(rows):
        value: object = 100.0 + i
        if i % 5 == 0:
            value = f"n/a {i}"  # an error, a different text in every such row
        elif i % 5 == 1:
            value = f"{1000 + i:,}"  # a number stored as text: a warning
        region = f"town-{i // 240:03d}" + ("\u3000" if i % 10 == 2 else "")
        period = f"{2016 + (i // 12) % 10}-{i % 12 + 1:02d}"
        ws.append((region, f"ind-{(i // 120) % 2}", period, value, "", "synthetic", None))
    wb.save(path)
    return path


def test_reading_messy_sheets_grows_linearly(tmp_path: Path) -> None:
    small = _messy_sheet(tmp_path / "small.xlsx", 2_000)
    large = _messy_sheet(tmp_path / "large.xlsx", 8_000)
    issues = [len(read_actuals(path).issues) for path in (small, large)]
    assert issues[1] > 3 * issues[0]  # four times the problems to report
    ratio = _ratio(lambda: read_actuals(small), lambda: read_actuals(large))
    assert ratio < BOUND, f"read_actuals grew {ratio:.1f}x on a messy sheet 4x bigger"


def _in_english(render: Callable[[Report, Words], object]) -> Callable[[Report], object]:
    def rendered(report: Report) -> object:
        return render(report, Words.of())

    rendered.__name__ = render.__name__
    return rendered


@pytest.mark.parametrize(
    "render",
    [render_json, _in_english(render_html), _in_english(render_workbook)],
    ids=["json", "html", "xlsx"],
)
def test_rendering_grows_linearly(
    render: Callable[[Report], object], make_province: Province
) -> None:
    # Smaller than above: the renderers cost far more per target than reading and judging.
    sizes = (Size(regions=2, indicators=20, years=3), Size(regions=8, indicators=20, years=3))
    small, large = (judge(*_inputs(make_province(s)), AS_OF) for s in sizes)
    ratio = _ratio(lambda: render(small), lambda: render(large))
    assert ratio < BOUND, f"{render.__name__} grew {ratio:.1f}x for 4x the targets"
