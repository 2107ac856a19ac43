"""A one-line progress bar on stderr for long reports: only on a terminal, only after a second.

A province's report takes tens of seconds, most of it inside single steps (reading the sheet,
building the workbook), so a bar that moved only when a step ends would look frozen. A small
background thread redraws the line a few times a second with the elapsed time, and draws nothing
at all until the report has taken a second: quick runs, pipes and log files stay clean.
"""

from __future__ import annotations

import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import TextIO

ProgressCallback = Callable[[str, int, int], None]
"""Called as progress(step, done, total) when `step` starts and `done` of `total` are done."""

DELAY = 1.0
REFRESH = 0.2
WIDTH = 20


class ProgressBar:
    """Use as a context manager; pass `bar.step` as the progress callback."""

    def __init__(
        self,
        stream: TextIO | None = None,
        *,
        enabled: bool | None = None,
        delay: float = DELAY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = _is_terminal(self.stream) if enabled is None else enabled
        self.delay = delay
        self.clock = clock
        self.started = clock()
        self.label = ""
        self.done = 0
        self.total = 1
        self.shown = False
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> ProgressBar:
        self.started = self.clock()
        if self.enabled:
            self._thread = threading.Thread(target=self._run, name="progress", daemon=True)
            self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        with self._lock:
            self._clear()

    def step(self, label: str, done: int, total: int) -> None:
        """Record that `label` starts with `done` of `total` steps done; redraw if shown."""
        with self._lock:
            self.label, self.done, self.total = label, done, max(total, 1)
            if self.shown:
                self._draw()

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Hide the bar while the caller writes its own lines to the terminal."""
        with self._lock:
            self._clear()
            yield

    def line(self) -> str:
        """The bar as text, e.g. `[##########----------] reading actuals (1/3) 2.4 s`."""
        filled = round(WIDTH * min(self.done, self.total) / self.total)
        seconds = self.clock() - self.started
        text = (
            f"[{'#' * filled}{'-' * (WIDTH - filled)}] {self.label} "
            f"({self.done}/{self.total}) {seconds:.1f} s"
        )
        columns = shutil.get_terminal_size((80, 24)).columns
        return text[: max(columns - 1, 10)]

    def _run(self) -> None:
        if self._stop.wait(self.delay):
            return
        while True:
            with self._lock:
                self._draw()
            if self._stop.wait(REFRESH):
                return

    def _draw(self) -> None:
        self.stream.write("\r\x1b[2K" + self.line())
        self.stream.flush()
        self.shown = True

    def _clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self.shown = False


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
