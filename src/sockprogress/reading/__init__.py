"""Reading inputs: targets.toml and the Actuals workbook. Everything that touches input files."""

from .actuals import read_actuals
from .targets import load_targets

__all__ = ["load_targets", "read_actuals"]
