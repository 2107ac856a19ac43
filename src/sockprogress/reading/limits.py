"""The range of figures sockprogress accepts, in the sheet and in targets.toml alike.

No statistic in any unit comes near a thousand trillion (China's GDP is about 1.3e14 yuan), and
none is as small as a millionth: a figure outside is a typo, a unit slip or a hostile file. Within
the range every figure the method derives can be computed, formatted and written as strict JSON.
"""

from __future__ import annotations

import math

MAX_NUMBER = 1e15
MIN_NUMBER = 1e-6


def number_range_problem(number: float) -> str | None:
    """Why a positive figure cannot be used (in words), or None when it is within range."""
    if math.isnan(number) or math.isinf(number):
        return "is not a finite number"
    if number > MAX_NUMBER:
        return (
            f"{number:g} is larger than any statistic ({MAX_NUMBER:g}, a thousand trillion, "
            "is the limit); check the unit and the digits"
        )
    if number < MIN_NUMBER:
        return (
            f"{number:g} is smaller than any statistic ({MIN_NUMBER:g} is the limit); "
            "check the unit and the digits"
        )
    return None
