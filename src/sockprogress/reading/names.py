"""The names a region or indicator may be written by, and the code each one stands for.

A region or indicator is written in the Actuals sheet, and in `actuals add`, either by its code
(`Xiaobeihe`, `sock_output`) or by its Chinese name (`name_zh` of `[[regions]]`, a target's
`region_zh` and `name_zh`, `name_zh` of `[[indicators]]`): 小北河 and Xiaobeihe are one series.
The reader turns every accepted name into its code before anything else looks at the rows, so
judging, `check`, duplicate detection and `actuals add` all see codes only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..errors import InputError
from ..model import TargetsFile
from ..words import N_
from ..words.words import Words
from .cells import fold_name


@dataclass(frozen=True)
class Names:
    """{accepted name → code} per column, and the Chinese name a code is written as."""

    regions: Mapping[str, str]
    indicators: Mapping[str, str]
    regions_zh: Mapping[str, str]
    indicators_zh: Mapping[str, str]
    region_spellings: frozenset[str] = frozenset()
    indicator_spellings: frozenset[str] = frozenset()

    def code(self, column: str, name: str) -> str:
        """The code `name` (already folded, as the reader folds a cell) stands for."""
        accepted = self.regions if column == "region" else self.indicators
        return accepted.get(name, name)

    def as_in_targets(self, column: str, raw: str) -> bool:
        """Is `raw` a name spelled exactly as targets.toml spells it (full-width brackets and
        all)? Such a cell is folded like any other, but is no typing slip to warn about."""
        return raw in (self.region_spellings if column == "region" else self.indicator_spellings)

    def written_in_chinese(self, column: str, code: str) -> str:
        """`code`'s Chinese name, or the code where targets.toml gives it none."""
        chinese = self.regions_zh if column == "region" else self.indicators_zh
        return chinese.get(code, code)

    def written(self, column: str, code: str, words: Words) -> str:
        """How a row of a sheet in the language of `words` writes `code`: its name there (the
        Chinese name in a Chinese sheet), else the code."""
        return words.pick(code, zh=self.written_in_chinese(column, code)) or code


NO_NAMES = Names({}, {}, {}, {})


def _accepted(
    what: str, codes: Iterable[str], pairs: Iterable[tuple[str, str]], file: str
) -> dict[str, str]:
    """{name → code}: every code as itself, every (code, Chinese name) pair's name as its code.

    A name that would stand for two codes raises InputError naming both (and `file`).
    """
    accepted = {code: code for code in codes}
    for code, name in pairs:
        folded = fold_name(name)
        if not folded:
            continue
        other = accepted.setdefault(folded, code)
        if other != code:
            raise InputError(
                code="name_zh_ambiguous",
                file=file,
                name=folded,
                what=what,
                first=other,
                second=code,
            )
    return accepted


def names_of(targets: TargetsFile, file: str = "targets.toml") -> Names:
    """The accepted names of targets.toml (InputError naming `file` when a name stands for
    two codes: load_targets refuses such a file, so later calls never do)."""
    region_pairs = list(targets.regions_zh)
    region_pairs += [(t.region, t.region_zh) for t in targets.targets if t.region_zh]
    indicator_pairs = [(t.indicator, t.name_zh) for t in targets.targets if t.name_zh]
    indicator_pairs += [(i.indicator, i.name_zh) for i in targets.indicators if i.name_zh]
    region_codes = [t.region for t in targets.targets] + [r for r, _ in targets.regions_zh]
    region_codes += list(targets.regions)
    indicator_codes = [t.indicator for t in targets.targets]
    indicator_codes += [i.indicator for i in targets.indicators]
    regions = _accepted(N_("regions"), region_codes, region_pairs, file)
    indicators = _accepted(N_("indicators"), indicator_codes, indicator_pairs, file)
    # One Chinese name per code for writing and for the dropdowns: a region's own name
    # ([[regions]]) first, an indicator's first target's name first (the report's name for it).
    return Names(
        regions,
        indicators,
        _first(region_pairs),
        _first(indicator_pairs),
        frozenset(n.strip() for _, n in region_pairs),
        frozenset(n.strip() for _, n in indicator_pairs),
    )


def _first(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The first name given for each code, spelled as in targets.toml (入园企业数（袜业及配套）,
    full-width brackets kept: the reader folds them, and takes that spelling without a word)."""
    first: dict[str, str] = {}
    for code, name in pairs:
        first.setdefault(code, name.strip())
    return first
