"""The range of figures sockprogress accepts, in the sheet and in targets.toml alike.

No statistic in any unit comes near a thousand trillion (China's GDP is about 1.3e14 yuan), and
none is as small as a millionth: a figure outside is a typo, a unit slip or a hostile file. Within
the range every figure the method derives can be computed, formatted and written as strict JSON.
"""

from __future__ import annotations

import math

MAX_NUMBER = 1e15
MIN_NUMBER = 1e-6


def out_of_range(number: float) -> str | None:
    """Which side of the range a positive figure falls out on ("high", "low", or "nan" for a
    figure that is not finite), or None when it is within range."""
    if math.isnan(number) or math.isinf(number):
        return "nan"
    if number > MAX_NUMBER:
        return "high"
    if number < MIN_NUMBER:
        return "low"
    return None
