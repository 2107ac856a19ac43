"""How fast is sockprogress: the goals of the performance issues, measured side by side.

    python benchmarks/bench.py            # or: make bench

Everything compared is measured in the same run, interleaved (A, B, A, B, ...) so that a noisy
neighbour on a small machine hits both sides alike, and the medians are compared:

1. Shipped data: a cold `sockprogress report` process (all four outputs) against the import
   floor, a process that only imports the libraries, by the names the issues give them
   (`import pandas, openpyxl, xlsxwriter, jinja2, matplotlib, babel, click, python_calamine`,
   and `docx` for the Word bulletin). Goal: at most 1.0x (issue 24: the Word bulletin written
   too). The report no longer imports openpyxl (it edits the user's workbook: `init`,
   `actuals add`), about 0.1 s of that floor; so the report is also shown, for information,
   against the floor without it, the libraries it does import.
2. A synthetic province (benchmarks/province.py; 2,000 targets, 240,000 rows): the whole report,
   all three formats, in its own process, against python-calamine's bare read of the same sheet
   in its own process (goal: at most 3x), with the report's peak memory (at most 400 MiB);
   `read_actuals` against the bare read in this process (at most 1.3x).
3. A messy province (issue 24): the same province with every figure breaking one plausibility
   rule (its unit written "units"), against the clean one side by side: time and peak memory at
   most 1.3x, its JSON at most 3x the clean one's, either HTML page at most 5 MB.
4. Growth: the province at half and double size; the time per doubling (goal: at most 2.1x),
   for the whole report and for read + judge, each run in a fresh process.

The exit code is 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import gc
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from province import Size, province
from python_calamine import CalamineWorkbook

import sockprogress
from sockprogress.gcpause import gc_paused
from sockprogress.judging import judge
from sockprogress.periods import Month
from sockprogress.reading import load_targets, read_actuals
from sockprogress.words.words import Words

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2026-10"
TODAY = dt.date(2026, 11, 22)
FLOOR = (
    "import pandas, openpyxl, xlsxwriter, jinja2, matplotlib, babel, click, python_calamine, docx"
)
# The bare read, in a process of its own like the report it is compared with.
BARE_READ = (
    "import sys; from python_calamine import CalamineWorkbook; "
    "CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_name('Actuals').to_python()"
)


@dataclass
class Goal:
    """One line of the result table."""

    what: str
    measured: str
    goal: str
    ok: bool | None  # None: shown for information, not a goal


def median(values: list[float]) -> float:
    return statistics.median(values)


def sockprogress_command() -> list[str]:
    """The installed console script next to this interpreter, else `python -m sockprogress`."""
    script = Path(sys.executable).with_name("sockprogress")
    return [str(script)] if script.exists() else [sys.executable, "-m", "sockprogress"]


def compile_package() -> None:
    """Byte-compile sockprogress as `pip install .` does when it installs it.

    An editable install run with PYTHONDONTWRITEBYTECODE set (as on these machines) never gets
    .pyc files, and would compile every module of the package on every run, which an installed
    copy never does; the import floor's libraries were compiled when pip installed them.
    """
    compileall.compile_dir(Path(sockprogress.__file__).parent, quiet=1)


# Runs a command and prints its wall seconds and peak memory. The measuring is done from this
# small process because Linux starts a child's "max RSS" at its parent's size when it execs:
# measured from the benchmark itself (hundreds of MiB once the province is loaded), every
# report would seem to need at least that much. The report starts no process of its own.
MEASURE = r"""
import json, resource, subprocess, sys, time

started = time.perf_counter()
code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
print(json.dumps({"code": code, "seconds": seconds, "peak": peak}))
"""


# Read + judge timed inside a fresh process (imports excluded), so that every size starts from
# the same state: timed in the benchmark's own process, the sizes shared one heap, and which
# ran after which moved the ratio by a tenth.
CORE = r"""
import datetime as dt, gc, sys, time
from pathlib import Path
from sockprogress.judging import judge
from sockprogress.periods import Month
from sockprogress.reading import load_targets, read_actuals
from sockprogress.words.words import Words

targets, actuals, as_of = Path(sys.argv[1]), Path(sys.argv[2]), Month.parse(sys.argv[3])
today = dt.date.fromisoformat(sys.argv[4])
gc.disable()
started = time.perf_counter()
judge(load_targets(targets), read_actuals(actuals, today=today), as_of)
print(time.perf_counter() - started)
"""


def core_seconds(targets: Path, actuals: Path) -> float:
    """Seconds of read + judge in a process of its own (see CORE)."""
    done = subprocess.run(
        [sys.executable, "-c", CORE, str(targets), str(actuals), AS_OF, TODAY.isoformat()],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        check=True,
        text=True,
    )
    return float(done.stdout.strip().splitlines()[-1])


def run_process(command: list[str]) -> float:
    """Wall seconds of one child process (timed here, nothing in between)."""
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: a full pipe would block
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        code = child.wait()
        seconds = time.perf_counter() - started
        if code != 0:
            errors.seek(0)
            text = errors.read().decode(errors="replace")[-2000:]
            raise SystemExit(f"failed ({code}): {' '.join(command)}\n{text}")
    return seconds


def run_measured(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak resident memory (bytes) of a command."""
    with tempfile.TemporaryFile() as errors:
        done = subprocess.run(
            [sys.executable, "-c", MEASURE, *command],
            stdout=subprocess.PIPE,
            stderr=errors,
            check=False,
        )
        result = json.loads(done.stdout) if done.returncode == 0 else {"code": done.returncode}
        if result["code"] != 0:
            errors.seek(0)
            text = errors.read().decode(errors="replace")[-2000:]
            raise SystemExit(f"failed ({result['code']}): {' '.join(command)}\n{text}")
    return result["seconds"], result["peak"]


def report_command(targets: Path, actuals: Path, out: Path) -> list[str]:
    return [
        *sockprogress_command(),
        "report",
        "--targets",
        str(targets),
        "--actuals",
        str(actuals),
        "--as-of",
        AS_OF,
        "--out",
        str(out),
    ]


def interleave(runs: int, jobs: dict[str, Callable[[], float]]) -> dict[str, list[float]]:
    """Run every job once per round, `runs` rounds; the seconds of each run per job."""
    times: dict[str, list[float]] = {name: [] for name in jobs}
    for _ in range(runs):
        for name, job in jobs.items():
            gc.collect()
            times[name].append(job())
    return times


def timed(func: Callable[[], object]) -> Callable[[], float]:
    def job() -> float:
        started = time.perf_counter()
        func()
        return time.perf_counter() - started

    return job


def shipped(runs: int, scratch: Path) -> list[Goal]:
    targets, actuals = ROOT / "data" / "targets.toml", ROOT / "data" / "actuals.xlsx"
    floor = [sys.executable, "-c", FLOOR]
    used = [sys.executable, "-c", FLOOR.replace(" openpyxl,", "")]
    out = scratch / "shipped"
    report = report_command(targets, actuals, out)
    run_process(floor), run_process(used), run_process(report)  # warm the caches and .pyc
    times = interleave(
        runs,
        {
            "floor": lambda: run_process(floor),
            "used": lambda: run_process(used),
            "report": lambda: run_process(report),
        },
    )
    floor_s, used_s, report_s = (median(times[k]) for k in ("floor", "used", "report"))
    return [
        Goal(
            "shipped: cold report (all four files) / import floor",
            f"{report_s:.2f} s / {floor_s:.2f} s = {report_s / floor_s:.2f}x",
            "<= 1.0x",
            report_s <= floor_s,
        ),
        Goal(
            "  the same / the floor without openpyxl (not imported)",
            f"{report_s:.2f} s / {used_s:.2f} s = {report_s / used_s:.2f}x",
            "",
            None,
        ),
    ]


def reading(size: Size, runs: int) -> list[Goal]:
    _, actuals = province(size)

    def bare() -> object:
        return CalamineWorkbook.from_path(str(actuals)).get_sheet_by_name("Actuals").to_python()

    def read() -> object:
        with gc_paused():  # as the command line runs it
            return read_actuals(actuals, today=TODAY)

    times = interleave(runs, {"calamine": timed(bare), "read": timed(read)})
    bare_s, read_s = median(times["calamine"]), median(times["read"])
    ratio = read_s / bare_s
    return [
        Goal(
            f"province ({size.rows:,} rows): read_actuals / calamine",
            f"{read_s:.2f} s / {bare_s:.2f} s = {ratio:.2f}x",
            "<= 1.3x",
            ratio <= 1.3,
        )
    ]


def stages(size: Size) -> list[Goal]:
    """One in-process run of each step at province size, for information."""
    from sockprogress.rendering.excel import render_workbook
    from sockprogress.rendering.html import render_html
    from sockprogress.rendering.jsonout import render_json

    targets, actuals = province(size)
    out: list[Goal] = []

    def step(name: str, func: Callable[[], object]) -> None:
        gc.collect()
        started = time.perf_counter()
        with gc_paused():
            func()
        out.append(Goal(f"  step: {name}", f"{time.perf_counter() - started:.2f} s", "", None))

    targets_file = load_targets(targets)
    rows = read_actuals(actuals, today=TODAY)
    report = judge(targets_file, rows, Month.parse(AS_OF))
    step("load_targets", lambda: load_targets(targets))
    step("read_actuals", lambda: read_actuals(actuals, today=TODAY))
    step("judge", lambda: judge(targets_file, rows, Month.parse(AS_OF)))
    step("render xlsx", lambda: render_workbook(report, Words.of()))
    step("render html", lambda: render_html(report, Words.of()))
    step("render json", lambda: render_json(report))
    return out


def growth(base: Size, runs: int, scratch: Path) -> list[Goal]:
    """The whole report and the bare read, and read + judge (the collector paused as the
    command line pauses it), each in a process of its own, at half, base and double size."""
    sizes = {"half": base.scaled(0.5), "base": base, "double": base.scaled(2)}
    files = {name: province(size) for name, size in sizes.items()}
    jobs: dict[str, Callable[[], float]] = {}
    memory: dict[str, list[int]] = {name: [] for name in sizes}

    def report_job(name: str) -> Callable[[], float]:
        def job() -> float:
            out = scratch / name
            shutil.rmtree(out, ignore_errors=True)
            seconds, peak = run_measured(report_command(*files[name], out))
            memory[name].append(peak)
            return seconds

        return job

    def core_job(name: str) -> Callable[[], float]:
        targets, actuals = files[name]
        return lambda: core_seconds(targets, actuals)

    bare = [sys.executable, "-c", BARE_READ, str(files["base"][1])]
    for name in sizes:
        jobs[f"report {name}"] = report_job(name)
        jobs[f"core {name}"] = core_job(name)
    jobs["bare read base"] = lambda: run_process(bare)
    times = {name: median(t) for name, t in interleave(runs, jobs).items()}
    report_s, bare_s, peak = times["report base"], times["bare read base"], max(memory["base"])
    ratio = report_s / bare_s
    goals = [
        Goal(
            f"province ({base.targets:,} targets): whole report / calamine bare read",
            f"{report_s:.2f} s / {bare_s:.2f} s = {ratio:.2f}x",
            "<= 3x",
            ratio <= 3,
        ),
        Goal(
            "province: whole report, peak memory",
            f"{peak / 2**20:.0f} MiB",
            "<= 400 MiB",
            peak <= 400 * 2**20,
        ),
    ]
    for what in ("report", "core"):
        label = "whole report" if what == "report" else "read + judge"
        for small, big in (("half", "base"), ("base", "double")):
            ratio = times[f"{what} {big}"] / times[f"{what} {small}"]
            goals.append(
                Goal(
                    f"growth, {label}: {sizes[small].rows:,} -> {sizes[big].rows:,} rows",
                    f"{times[f'{what} {small}']:.2f} s -> {times[f'{what} {big}']:.2f} s "
                    f"= {ratio:.2f}x",
                    "<= 2.1x",
                    ratio <= 2.1,
                )
            )
    goals.append(
        Goal(
            "  peak memory half / base / double",
            " / ".join(f"{max(memory[n]) / 2**20:.0f}" for n in sizes) + " MiB",
            "",
            None,
        )
    )
    return goals


def messy(base: Size, runs: int, scratch: Path) -> list[Goal]:
    """The province with every figure breaking one rule, against the clean one, side by side:
    its targets' unit written "units" (a count) where it is yuan, so every figure with
    decimals is "not a whole number" (issue 24's ordinary mistake)."""
    targets, actuals = province(base)
    folder = scratch / "messy-inputs"
    folder.mkdir(exist_ok=True)
    messy_targets = folder / "targets.toml"
    text = targets.read_text(encoding="utf-8")
    messy_targets.write_text(text.replace('unit = "yuan"', 'unit = "units"'), encoding="utf-8")
    inputs = {"clean": (targets, actuals), "messy": (messy_targets, actuals)}
    memory: dict[str, list[int]] = {name: [] for name in inputs}
    sizes: dict[str, dict[str, int]] = {}

    def job(name: str) -> Callable[[], float]:
        def run() -> float:
            out = scratch / f"report-{name}"
            shutil.rmtree(out, ignore_errors=True)
            seconds, peak = run_measured(report_command(*inputs[name], out))
            memory[name].append(peak)
            sizes[name] = {p.suffix: p.stat().st_size for p in out.iterdir()}
            return seconds

        return run

    times = {n: median(t) for n, t in interleave(runs, {n: job(n) for n in inputs}).items()}
    issues = json.loads((scratch / "report-messy" / f"progress-{AS_OF}.json").read_bytes())
    ratio = times["messy"] / times["clean"]
    peak = {n: max(m) for n, m in memory.items()}
    peak_ratio = peak["messy"] / peak["clean"]
    json_ratio = sizes["messy"][".json"] / sizes["clean"][".json"]
    goals = [
        Goal(
            f"messy province ({len(issues['issues']):,} issues): whole report / clean one",
            f"{times['messy']:.2f} s / {times['clean']:.2f} s = {ratio:.2f}x",
            "<= 1.3x",
            ratio <= 1.3,
        ),
        Goal(
            "messy province: peak memory / clean one",
            f"{peak['messy'] / 2**20:.0f} MiB / {peak['clean'] / 2**20:.0f} MiB "
            f"= {peak_ratio:.2f}x",
            "<= 1.3x",
            peak_ratio <= 1.3,
        ),
        Goal(
            "messy province: JSON size / clean one",
            f"{sizes['messy']['.json'] / 1e6:.1f} MB / {sizes['clean']['.json'] / 1e6:.1f} MB "
            f"= {json_ratio:.2f}x",
            "<= 3x",
            json_ratio <= 3,
        ),
    ]
    for name in inputs:
        html = sizes[name][".html"]
        goals.append(
            Goal(f"{name} province: HTML page", f"{html / 1e6:.1f} MB", "<= 5 MB", html <= 5e6)
        )
    return goals


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )


def table(goals: list[Goal]) -> str:
    widths = [max(len(g.what) for g in goals), max(len(g.measured) for g in goals), 11]
    lines = []
    for g in goals:
        verdict = "" if g.ok is None else ("PASS" if g.ok else "FAIL")
        lines.append(
            f"{g.what:<{widths[0]}}  {g.measured:<{widths[1]}}  {g.goal:<{widths[2]}}  {verdict}"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=100, help="province size (x20 targets)")
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    parser.add_argument(
        "--report-runs", type=int, default=3, help="runs of each whole province report"
    )
    parser.add_argument("--no-stages", action="store_true", help="skip the per-step timings")
    parser.add_argument(
        "--shipped-only", action="store_true", help="only the shipped report against the floor"
    )
    args = parser.parse_args()
    base = Size(regions=args.regions)
    print(f"machine: {machine()}", flush=True)
    compile_package()
    if not args.shipped_only:
        print(f"province: {base.targets:,} targets, {base.rows:,} rows (synthetic)", flush=True)
        for size in (base.scaled(0.5), base, base.scaled(2)):
            province(size)  # generate (and cache) before anything is timed
    goals: list[Goal] = []
    with tempfile.TemporaryDirectory(prefix="sockprogress-bench-") as scratch:
        goals += shipped(args.runs, Path(scratch))
        if not args.shipped_only:
            goals += reading(base, args.runs)
            goals += growth(base, args.report_runs, Path(scratch))
            goals += messy(base, args.report_runs, Path(scratch))
    if not args.no_stages and not args.shipped_only:
        goals += stages(base)
    print()
    print(table(goals))
    return 0 if all(g.ok is not False for g in goals) else 1


if __name__ == "__main__":
    sys.exit(main())
