"""A row `actuals add` has checked and is about to write: `add.py` writes it, `plausible.py`
judges it and says it back."""

from __future__ import annotations

from dataclasses import dataclass

from ..periods import Period
from ..reading.cells import BASES_WRITTEN_ZH, FLAGS_WRITTEN_ZH
from ..reading.names import NO_NAMES, Names
from ..words.words import Words


@dataclass(frozen=True)
class NewRow:
    """One checked row, ready to write."""

    region: str
    indicator: str
    period: Period
    value: float
    basis: str
    source: str
    note: str
    flags: str = ""  # codes, comma-joined (reading.cells.clean_flags)

    def cells(self, sheet: Words, names: Names = NO_NAMES) -> dict[str, object]:
        """The row's cells in a sheet written in the language of `sheet`: in a Chinese sheet
        (from `init --lang zh`) the region, indicator and basis in Chinese, as its dropdowns
        offer them, and the period as a clerk types it (2025年10月), which the reader reads
        back as 2025-10."""
        value = int(self.value) if self.value.is_integer() else self.value
        basis = sheet.pick(self.basis, zh=BASES_WRITTEN_ZH.get(self.basis)) or ""
        return {
            "region": names.written("region", self.region, sheet),
            "indicator": names.written("indicator", self.indicator, sheet),
            "period": sheet.period_as_written(self.period.text),  # 2025年10月 in a Chinese sheet
            "value": value,
            "basis": basis or None,
            "source": self.source or None,
            "note": self.note or None,
            # in a Chinese sheet as its words (月份为推定、据转载), as the how-to sheet says
            "flags": sheet.listed(
                sheet.pick(f, zh=FLAGS_WRITTEN_ZH.get(f)) or f for f in self.flags.split(",") if f
            )
            or None,
        }
