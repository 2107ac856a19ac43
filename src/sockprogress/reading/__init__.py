"""Reading inputs: targets.toml and the Actuals workbook. Everything that touches input files.

The two readers are imported on first use, so that `reading.grid` (which the report command
starts before it imports pandas) can be imported without them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .actuals import read_actuals
    from .targets import load_targets

_WHERE = {"read_actuals": ".actuals", "load_targets": ".targets"}

__all__ = ["load_targets", "read_actuals"]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_WHERE[name], __name__), name)
