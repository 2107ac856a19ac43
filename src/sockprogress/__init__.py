"""sockprogress: monthly progress reports on dated industrial targets."""

from .errors import InputError, OutputError, SockProgressError
from .judging import judge
from .monthly import build_report, write_report
from .periods import Month
from .reading import load_targets, read_actuals

__all__ = [
    "InputError",
    "Month",
    "OutputError",
    "SockProgressError",
    "build_report",
    "judge",
    "load_targets",
    "read_actuals",
    "write_report",
]
