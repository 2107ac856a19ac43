"""Pause Python's cyclic garbage collector while building big acyclic structures."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic collection inside the block (reference counting still frees everything).

    Reading a province's sheet or judging its targets builds millions of small objects without
    cycles; the collector walking them again and again as they accumulate makes the work grow
    faster than the data (2.27x per doubling for read + judge at 480,000 rows).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
