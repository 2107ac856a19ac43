"""Charts drawn in a second process, which imports matplotlib while this one reads and judges.

Importing matplotlib takes about as long as reading, judging and writing the shipped report
(0.3 s). Started first, a worker on the machine's second core hides that time; the charts it
draws are the same bytes as those drawn here (same code, same inputs). With one core, or when
the worker cannot be started or fails, charts are drawn here as before.

The worker is a plain `python -c` process rather than a multiprocessing one: "spawn" would
import the parent's main module (the whole command line, pandas included) in the worker.
Requests and answers are pickled over its stdin and stdout; both ends are this package.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import subprocess
import sys
from pathlib import Path
from types import TracebackType
from typing import Any

from ..model import TargetResult
from .charts import MAX_CHARTS, draw_charts

_SERVE = "from sockprogress.rendering.chartworker import serve; serve()"
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])


def serve() -> None:
    """The worker: import matplotlib, then draw the one request read from stdin.

    (A throwaway warm-up drawing was tried: the request arrives about when the imports end,
    so it only delayed the real charts.)
    """
    import matplotlib.backends.backend_svg
    import matplotlib.figure  # noqa: F401

    results, lang, limit = pickle.load(sys.stdin.buffer)
    pickle.dump(draw_charts(results, lang, limit), sys.stdout.buffer)
    sys.stdout.buffer.flush()
    # The parent reads until this process's stdout closes: exit now rather than after the
    # interpreter's teardown of matplotlib and numpy (tens of milliseconds on the critical path).
    os._exit(0)


class ChartWorker:
    """Draws a report's charts in another process when a core is free, else in this one."""

    def __init__(self, enabled: bool = True) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        if not enabled or (os.cpu_count() or 1) < 2:
            return
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (_PACKAGE_ROOT, env.get("PYTHONPATH", "")) if p
        )
        with contextlib.suppress(OSError):
            self._process = subprocess.Popen(
                [sys.executable, "-c", _SERVE],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env=env,
            )

    def draw(
        self, results: tuple[TargetResult, ...], lang: str = "en", limit: int = MAX_CHARTS
    ) -> dict[str, Any]:
        """SVG text per chosen target id, exactly as `charts.draw_charts` gives it."""
        process, self._process = self._process, None
        if process is not None:
            try:
                answer, _ = process.communicate(pickle.dumps((results, lang, limit)))
                if process.returncode == 0:
                    charts: dict[str, Any] = pickle.loads(answer)
                    return charts
            except (OSError, pickle.UnpicklingError, EOFError):
                process.kill()
        return draw_charts(results, lang, limit)

    def close(self) -> None:
        """Stop a worker that was never asked to draw (the report failed before the HTML)."""
        process, self._process = self._process, None
        if process is not None:
            process.kill()
            process.wait()
            for stream in (process.stdin, process.stdout):
                if stream is not None:
                    stream.close()

    def __enter__(self) -> ChartWorker:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
