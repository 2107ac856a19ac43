"""sockprogress: monthly progress reports on dated industrial targets.

The names below are imported on first use, so that a command that needs none of them
(`--help`, `init`, `actuals add`) starts without importing pandas.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .errors import InputError, OutputError, SockProgressError
    from .judging import judge
    from .periods import Month
    from .pipeline import build_report, run_report, write_report
    from .reading import load_targets, read_actuals

_WHERE = {
    "InputError": ".errors",
    "OutputError": ".errors",
    "SockProgressError": ".errors",
    "judge": ".judging",
    "build_report": ".pipeline",
    "run_report": ".pipeline",
    "write_report": ".pipeline",
    "Month": ".periods",
    "load_targets": ".reading",
    "read_actuals": ".reading",
}

__all__ = [
    "InputError",
    "Month",
    "OutputError",
    "SockProgressError",
    "build_report",
    "judge",
    "load_targets",
    "read_actuals",
    "run_report",
    "write_report",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'sockprogress' has no attribute {name!r}")
    return getattr(import_module(_WHERE[name], __name__), name)
