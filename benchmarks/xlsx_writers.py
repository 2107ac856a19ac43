"""xlsxwriter against a Rust writer on a made-up workload of the province workbook's shape.

Not part of `bench.py` and not a dependency: a trial for whoever decides issue 24's 3x goal
(docs/performance.md, 2026-12-07, 18:00). The Rust writer is rvgsrust-xlsxwriter, a binding
of rust_xlsxwriter (the crate by xlsxwriter's own author) from PyPI, installed in a scratch
venv beside this one:

    python3 -m venv /tmp/rx && /tmp/rx/bin/pip install rvgsrust-xlsxwriter
    python benchmarks/xlsx_writers.py py        # this venv: xlsxwriter
    /tmp/rx/bin/python benchmarks/xlsx_writers.py rust

The workload is made up (random figures): 100 sheets of 20 blocks each, 2 of them a table of
120 monthly rows and a line chart of 2 series (200 charts in all), the others 8 rows; 4 cells a
row, 153,600 cells, in 8 formats. The province's workbook holds about 156,000 cells on its
region sheets and 200 charts. Alternate the two, a few times each: these machines are noisy.
"""

from __future__ import annotations

import importlib
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SHEETS, BLOCKS, IN_FULL, MONTHS, SHORT = 100, 20, 2, 120, 8


def main(which: str) -> None:
    rng = random.Random(1)
    started = time.perf_counter()
    lib: Any = importlib.import_module("xlsxwriter" if which == "py" else "rvgsrust_xlsxwriter")
    imported = time.perf_counter()
    path = Path(tempfile.mkdtemp()) / f"{which}.xlsx"
    wb = lib.Workbook(str(path))
    formats = [_format(wb, which, i) for i in range(8)]
    for s in range(SHEETS):
        ws = wb.add_worksheet(f"town-{s:03d}")
        name = ws.get_name() if which == "py" else ws.name
        row = 0
        for block in range(BLOCKS):
            n = MONTHS if block < IN_FULL else SHORT
            for r in range(n):
                ws.write(row, 0, f"2016年{r % 12 + 1}月", formats[0])
                ws.write(row, 1, rng.random() * 1e4, formats[1])
                ws.write(row, 2, rng.random() * 1e4, formats[3])
                ws.write(row, 3, "说明文字 note", formats[2])
                row += 1
            if block < IN_FULL:
                _chart(wb, ws, lib, which, name, row - n, row - 1)
            row += 2
    written = time.perf_counter()
    wb.close()
    closed = time.perf_counter()
    print(
        f"{which}: import {imported - started:.3f} s, cells {written - imported:.3f} s, "
        f"close {closed - written:.3f} s, total {closed - imported:.3f} s "
        f"({path.stat().st_size / 1e6:.1f} MB)"
    )


def _format(wb: Any, which: str, i: int) -> Any:
    number = "#,##0.0" if i % 2 else "@"
    if which == "py":
        return wb.add_format(
            {"num_format": number, "border": 1, "text_wrap": i % 3 == 0, "font_size": 10}
        )
    f = wb.add_format()
    f.set_num_format(number)
    f.set_border("thin")
    if i % 3 == 0:
        f.set_text_wrap()
    f.set_font_size(10)
    return f


def _chart(wb: Any, ws: Any, lib: Any, which: str, name: str, first: int, last: int) -> None:
    if which == "py":
        chart = wb.add_chart({"type": "line"})
        for c in (1, 2):
            chart.add_series(
                {
                    "categories": [name, first, 0, last, 0],
                    "values": [name, first, c, last, c],
                    "name": f"series {c}",
                }
            )
        ws.insert_chart(first, 6, chart)
        return
    chart = lib.Chart("line")
    for c in (1, 2):
        series = lib.ChartSeries()
        series.set_categories(f"'{name}'!$A${first + 1}:$A${last + 1}")
        column = "ABC"[c]
        series.set_values(f"'{name}'!${column}${first + 1}:${column}${last + 1}")
        series.set_name(f"series {c}")
        chart.push_series(series)
    ws.insert_chart(first, 6, chart, 0, 0)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "py")
