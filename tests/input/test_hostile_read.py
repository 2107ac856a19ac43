"""Hostile workbooks, the reading side (issue 22): invisible characters in the header, error and
uncalculated cells in any column the reader uses, a helper table beside the Actuals table.
Every figure here is synthetic, made up for the test.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from helpers import HEADER, SYNTHETIC, write_actuals
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sockprogress.reading.actuals import read_actuals

GOOD = [("Testville", "widgets", "2021", 100), ("Testville", "widgets", "2022", 120)]

# What an office's header cell may carry around or inside a name and still show it plainly.
INVISIBLE = ["\ufeff", "\u200b", "\u200c", "\u200d", "\u2060", "\u00ad"]
SPACES = [" ", "\u00a0", "\u3000", "\t", "\u2002"]


@st.composite
def decorated(draw: st.DrawFn, name: str) -> str:
    """`name` with invisible characters and white space around it (and invisible ones inside)."""
    before = draw(st.text(st.sampled_from(INVISIBLE + SPACES), max_size=3))
    after = draw(st.text(st.sampled_from(INVISIBLE + SPACES), max_size=3))
    cut = draw(st.integers(0, len(name)))
    inside = draw(st.text(st.sampled_from(INVISIBLE), max_size=1))
    return before + name[:cut] + inside + name[cut:] + after


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.tuples(*(decorated(h) for h in HEADER)))
def test_header_with_invisible_characters_is_recognised(header: tuple[str, ...]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write_actuals(Path(folder) / "actuals.xlsx", GOOD, header=header)
        actuals = read_actuals(path)
    assert actuals.rows["value"].tolist() == [100.0, 120.0]
    assert actuals.rows["source"].tolist() == [SYNTHETIC, SYNTHETIC]
    assert not [i for i in actuals.issues if i.severity == "error"], actuals.issues


def test_byte_order_mark_and_zero_width_space_in_header(tmp_path: Path) -> None:
    header = ("\ufeffregion", "indicator", "period", "value\u200b", "basis", "\u3000source", "note")
    path = write_actuals(tmp_path / "actuals.xlsx", GOOD, header=header)
    actuals = read_actuals(path)
    assert actuals.rows["region"].tolist() == ["Testville", "Testville"]
    assert actuals.rows["value"].tolist() == [100.0, 120.0]
