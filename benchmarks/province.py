"""A synthetic province for benchmarks: made-up towns, indicators and monthly figures.

Every figure written here is invented (labelled "synthetic benchmark figure" in the source
column); nothing of it belongs in data/. The layout is the real one: an .xlsx whose Actuals sheet
has the header `region | indicator | period | value | basis | source | note`, and a targets.toml
with one [[targets]] table per region and indicator.

Half the indicators are `level` (a stock read at each month end), a quarter `annual_total` with
monthly amounts (basis `month`) and a quarter `annual_total` with year-to-date figures (basis
`ytd`); directions, deadlines (passed and still ahead) and baselines (none, a period, a value)
vary so every branch of the judging runs. Files are cached by size: openpyxl takes a while to
write a quarter of a million rows.

    python benchmarks/province.py --regions 100 --indicators 20 --years 10
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from openpyxl import Workbook

HEADER = ("region", "indicator", "period", "value", "basis", "source", "note")
SOURCE = "synthetic benchmark figure"
# Bump when the generated content changes, so cached files are rebuilt.
VERSION = 2
LAST_MONTH = (2026, 10)  # the benchmark's report month; no row ends after it


@dataclass(frozen=True)
class Size:
    """How big a province: regions x indicators targets, `years` of monthly rows each."""

    regions: int = 100
    indicators: int = 20
    years: int = 10

    @property
    def targets(self) -> int:
        return self.regions * self.indicators

    @property
    def rows(self) -> int:
        return self.targets * self.years * 12

    def key(self) -> str:
        return f"province-v{VERSION}-{self.regions}x{self.indicators}x{self.years}"

    def scaled(self, factor: float) -> Size:
        """The same province with `factor` times the regions (so targets and rows scale)."""
        return Size(max(1, round(self.regions * factor)), self.indicators, self.years)


def _kind(indicator: int, count: int) -> tuple[str, str]:
    """(kind, basis) of the indicator with this index: half level, a quarter each flow basis."""
    share = indicator / count
    if share < 0.5:
        return "level", ""
    return ("annual_total", "month") if share < 0.75 else ("annual_total", "ytd")


def _months(years: int) -> list[tuple[int, int]]:
    end = LAST_MONTH[0] * 12 + LAST_MONTH[1] - 1
    return [(i // 12, i % 12 + 1) for i in range(end - years * 12 + 1, end + 1)]


def _series(rng: np.random.Generator, kind: str, basis: str, n: int) -> np.ndarray:
    """n monthly figures: a level that drifts up or down, or monthly amounts / ytd sums."""
    start = rng.uniform(50, 5000)
    drift = rng.normal(0.004, 0.006)
    steps = np.exp(np.cumsum(drift + rng.normal(0, 0.01, n)))
    values = np.round(start * steps, 2)
    return np.maximum(values, 0.01)


def _ytd(amounts: np.ndarray, months: list[tuple[int, int]]) -> np.ndarray:
    """Cumulative sums from January, restarting each calendar year."""
    out = np.empty_like(amounts)
    total = 0.0
    for i, (_, month) in enumerate(months):
        total = amounts[i] if month == 1 else total + amounts[i]
        out[i] = round(total, 2)
    return out


def _target_toml(
    rng: np.random.Generator, region: str, indicator: str, kind: str, first: float, last: float
) -> str:
    increase = last >= first or rng.random() < 0.5
    direction = "increase" if increase else "decrease"
    scale = 12 if kind == "annual_total" else 1
    goal = last * scale * (rng.uniform(0.9, 1.6) if increase else rng.uniform(0.5, 1.1))
    deadline = "2025-12-31" if rng.random() < 0.4 else "2030-12-31"
    choice = rng.random()
    if choice < 0.5:
        baseline = ""
    elif choice < 0.75:
        period = "2020" if kind == "annual_total" else "2020-12"
        baseline = f'baseline = {{ period = "{period}" }}\n'
    else:
        baseline = f'baseline = {{ period = "2019", value = {first * scale:.2f} }}\n'
    return (
        "[[targets]]\n"
        f'id = "{region}-{indicator}"\n'
        f'region = "{region}"\n'
        f'indicator = "{indicator}"\n'
        f'name = "Synthetic indicator {indicator}"\n'
        'unit = "yuan"\n'
        f'kind = "{kind}"\n'
        f'direction = "{direction}"\n'
        f"target = {max(goal, 1.0):.2f}\n"
        f"deadline = {deadline}\n"
        f"{baseline}"
        f'source = "{SOURCE}"\n\n'
    )


def write_province(size: Size, folder: Path, seed: int = 6) -> tuple[Path, Path]:
    """Write targets.toml and actuals.xlsx for `size` into folder; returns both paths."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    months = _months(size.years)
    texts = [f"{y:04d}-{m:02d}" for y, m in months]
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Actuals")
    ws.append(HEADER)
    toml = ["# Synthetic province for benchmarks: every figure below is made up.\n\n"]
    for r in range(size.regions):
        region = f"town-{r + 1:03d}"
        for i in range(size.indicators):
            indicator = f"ind-{i + 1:02d}"
            kind, basis = _kind(i, size.indicators)
            values = _series(rng, kind, basis, len(months))
            toml.append(_target_toml(rng, region, indicator, kind, values[0], values[-1]))
            if basis == "ytd":
                values = _ytd(values, months)
            for text, value in zip(texts, values.tolist(), strict=True):
                ws.append((region, indicator, text, value, basis, SOURCE, None))
    targets = folder / "targets.toml"
    actuals = folder / "actuals.xlsx"
    _atomic(targets, lambda p: p.write_text("".join(toml), encoding="utf-8"))
    _atomic(actuals, lambda p: wb.save(p))
    return targets, actuals


def _atomic(path: Path, write: Callable[[Path], object]) -> None:
    tmp = path.with_name(path.name + ".part")
    write(tmp)
    os.replace(tmp, path)


def cache_dir() -> Path:
    return Path(os.environ.get("SOCKPROGRESS_BENCH_CACHE", tempfile.gettempdir())) / (
        "sockprogress-bench"
    )


def province(size: Size, cache: Path | None = None) -> tuple[Path, Path]:
    """The cached province of this size, generated on first use."""
    folder = (cache or cache_dir()) / size.key()
    targets, actuals = folder / "targets.toml", folder / "actuals.xlsx"
    if targets.exists() and actuals.exists():
        return targets, actuals
    return write_province(size, folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=Size.regions)
    parser.add_argument("--indicators", type=int, default=Size.indicators)
    parser.add_argument("--years", type=int, default=Size.years)
    parser.add_argument("--out", type=Path, help="folder to write into (default: the cache)")
    args = parser.parse_args()
    size = Size(args.regions, args.indicators, args.years)
    started = dt.datetime.now()
    paths = write_province(size, args.out) if args.out else province(size)
    seconds = (dt.datetime.now() - started).total_seconds()
    print(f"{size.targets} targets, {size.rows} rows in {seconds:.1f} s:")
    for path in paths:
        print(f"  {path}")


if __name__ == "__main__":
    main()
