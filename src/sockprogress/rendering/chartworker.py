"""Charts drawn in a second process, which imports matplotlib while this one reads and judges.

Importing matplotlib takes longer than reading, judging and writing the shipped report. Started
first, a worker on the machine's second core hides that time; the charts it draws are the same
bytes as those drawn here (same code, same inputs). With one core, or when the worker cannot be
started or fails, charts are drawn here as before.

The request goes out as soon as the report is judged (`submit`), so the worker draws while this
process renders the Excel workbook and compiles the page's templates; `draw` then collects.

The worker is a plain `python -c` process rather than a multiprocessing one: "spawn" would
import the parent's main module (the whole command line, pandas included) in the worker.
Requests and answers are pickled over its stdin and stdout; both ends are this package. This
module imports only the standard library, so the worker can start before anything heavy loads.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import subprocess
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..model import TargetResult

_SERVE = "from sockprogress.rendering.chartworker import serve; serve()"
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])


def serve() -> None:
    """The worker: import matplotlib, then draw the one request read from stdin.

    (A throwaway warm-up drawing was tried: the request arrives about when the imports end,
    so it only delayed the real charts.)
    """
    import gc

    gc.disable()  # importing makes no garbage worth collecting (saves a tenth of the import)
    import matplotlib.backends.backend_svg
    import matplotlib.figure  # noqa: F401

    from .charts import draw_charts

    gc.freeze()  # and the collections while drawing need not walk the modules just imported
    gc.enable()

    results, lang, limit = pickle.load(sys.stdin.buffer)
    pickle.dump(draw_charts(results, lang, limit), sys.stdout.buffer)
    sys.stdout.buffer.flush()
    # The parent reads until this process's stdout closes: exit now rather than after the
    # interpreter's teardown of matplotlib and numpy (tens of milliseconds on the critical path).
    os._exit(0)


class _Request:
    """One request on its way: a thread writes it and reads the answer, so neither side blocks
    on a full pipe while this process goes on with other work."""

    def __init__(
        self,
        process: subprocess.Popen[bytes],
        results: tuple[TargetResult, ...],
        lang: str,
        limit: int,
    ) -> None:
        self.process, self.results, self.lang, self.limit = process, results, lang, limit
        self.answer: bytes | None = None
        payload = pickle.dumps((results, lang, limit))
        self.thread = threading.Thread(target=self._talk, args=(payload,), daemon=True)
        self.thread.start()

    def _talk(self, payload: bytes) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.answer, _ = self.process.communicate(payload)

    def matches(self, results: tuple[TargetResult, ...], lang: str, limit: int) -> bool:
        return results is self.results and (lang, limit) == (self.lang, self.limit)

    def charts(self) -> dict[str, Any] | None:
        """The worker's answer, or None when it failed."""
        self.thread.join()
        if self.process.returncode != 0 or not self.answer:
            return None
        try:
            charts: dict[str, Any] = pickle.loads(self.answer)
        except (pickle.UnpicklingError, EOFError):
            return None
        return charts

    def cancel(self) -> None:
        self.process.kill()
        self.thread.join()


class ChartWorker:
    """Draws a report's charts in another process when a core is free, else in this one."""

    def __init__(self, enabled: bool = True) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._request: _Request | None = None
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

    def submit(self, results: tuple[TargetResult, ...], lang: str, limit: int) -> None:
        """Send the worker its request now; `draw` with the same arguments collects the answer."""
        process, self._process = self._process, None
        if process is not None:
            self._request = _Request(process, results, lang, limit)

    def draw(self, results: tuple[TargetResult, ...], lang: str, limit: int) -> dict[str, Any]:
        """SVG text per chosen target id, exactly as `charts.draw_charts` gives it."""
        if self._request is None:
            self.submit(results, lang, limit)
        request, self._request = self._request, None
        if request is not None:
            if request.matches(results, lang, limit):
                charts = request.charts()
                if charts is not None:
                    return charts
            else:
                request.cancel()
        from .charts import draw_charts

        return draw_charts(results, lang, limit)

    def close(self) -> None:
        """Stop a worker whose answer was never collected (the report failed before the HTML)."""
        process, self._process = self._process, None
        request, self._request = self._request, None
        if request is not None:
            request.cancel()
            process = request.process
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
