"""How wide text is on a terminal or in a cell: a Chinese (wide or full-width) character takes
two columns. One place for the rule that `--help`'s list of commands, the how-to sheet, the
targets file's aligned comments, the workbook's line breaks and a unit written in Chinese
follow. Standard library only: the command line imports it."""

from __future__ import annotations

import unicodedata


def is_wide(ch: str) -> bool:
    """Does the character take two columns (CJK, full-width)?"""
    return unicodedata.east_asian_width(ch) in "WF"


def display_width(text: str) -> int:
    """Columns the text takes: two for a wide character."""
    return sum(2 if is_wide(c) else 1 for c in text)


# Chinese line breaking as typesetting does it (避头尾): a line never starts with a closing mark
# (，。）…) nor ends with an opening one (（“《…); the full-width marks are escaped. A title's lines
# (rendering.bulletin) and the workbook's and Word table's cells (rendering.excel.layout
# .chinese_lines) keep these; the terminal's wrap keeps an ellipsis and a dash with the word
# before them too.
NO_LINE_START = frozenset("，。、；：\uff01\uff1f）」』”’》〉】\u3015\uff05%)]},.;:!?")
NO_LINE_END = frozenset("（「『“‘《〈【\u3014([{")
_NO_START = NO_LINE_START | frozenset("…—")
_MARKS = _NO_START | NO_LINE_END


def _atoms(text: str) -> list[str]:
    """The text in pieces a line may break between: runs of spaces, words, and each Chinese
    character (with the marks that must stay beside it)."""
    atoms: list[str] = []
    current = ""
    bracket = 0  # inside [默认：data/targets.toml] a line breaks at a space only
    kept = 0  # characters left of a short word set off by a space: 或 小北河。
    for i, ch in enumerate(text):
        if kept:
            kept -= 1
        elif is_wide(ch) and i and text[i - 1] == " ":
            kept = _word_after_space(text, i)
        if current and ch.isspace() != current[0].isspace():  # from spaces to a word, or back
            atoms.append(current)
            current = ""
        elif current and not ch.isspace() and not bracket and not kept:
            before = current[-1]
            no_break = ch in _NO_START or before in NO_LINE_END
            if (is_wide(before) or is_wide(ch)) and not no_break:
                atoms.append(current)
                current = ""
        if ch == "[":
            bracket += 1
        elif ch == "]" and bracket:
            bracket -= 1
        current += ch
    if current:
        atoms.append(current)
    return atoms


# The longest Chinese word kept whole when a space sets it off, as help sets off a value to type
# (如 Xiaobeihe 或 小北河；也可写作 当月数): a longer run is prose, broken anywhere.
_SET_OFF = 6


def _word_after_space(text: str, start: int) -> int:
    """How many characters after `start` stay with it: those of a short run of Chinese
    characters (up to a mark, a space or a Latin letter), or none for a longer one."""
    end = start
    while end < len(text) and is_wide(text[end]) and text[end] not in _MARKS:
        end += 1
    return end - start - 1 if end - start <= _SET_OFF else 0


def wrap(text: str, width: int) -> list[str]:
    """The text in lines of at most `width` columns (a Chinese character takes two), broken at
    spaces and between Chinese characters; a word wider than a line stands on its own."""
    lines: list[str] = []
    line, space = "", ""
    for atom in _atoms(text):
        if atom.isspace():
            space = atom if line else ""
            continue
        if line and display_width(line + space + atom) > width:
            lines.append(line)
            line, space = atom, ""
        else:
            line, space = line + space + atom, ""
    if line:
        lines.append(line)
    return lines
