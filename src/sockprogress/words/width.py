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


# Between two words, kept with both: 实际÷规划.
_JOINING = frozenset("÷×")
# The most characters inside an aside kept whole in a heading: （亿双）, （百分点）; a longer one
# （按目标值推算） breaks between its words.
_SHORT_ASIDE = 4


def heading_parts(
    text: str, lexicon: frozenset[str], longest: int, particles: str = ""
) -> tuple[str, ...]:
    """A column heading cut where a line may end: between the words of `lexicon` (the
    longest that matches, from the left: 上月|最新值|所属|时期), never inside one.

    A run of Latin letters and digits is a word, and so is a short aside (（亿双）). Characters
    in no word are one word together (a unit, 万吨标准煤), and one alone before a word goes
    with it (与测算, 按目标值: a function word), but one of `particles` with the word before it
    (完成全年目标的 / 比例). A mark a line may not start with stays
    with the word before it, one a line may not end with with the word after it
    (`NO_LINE_START`, `NO_LINE_END`); ÷ with both."""
    words: list[tuple[str, bool]] = []  # (text, a word of the lexicon or of Latin)
    i = 0
    while i < len(text):
        ch, size, known = text[i], 1, True
        close = text.find("）", i)
        if ch == "（" and 0 < close - i <= _SHORT_ASIDE + 1:
            size = close - i + 1
        elif ch.isascii() and ch.isalnum():
            while i + size < len(text) and text[i + size].isascii() and text[i + size].isalnum():
                size += 1
        else:
            end = min(longest, len(text) - i)
            size = next((n for n in range(end, 1, -1) if text[i : i + n] in lexicon), 1)
            known = size > 1 or ch in _MARKS or ch in _JOINING
        piece = text[i : i + size]
        i += size
        if words and not known and not words[-1][1]:
            words[-1] = (words[-1][0] + piece, False)
        else:
            words.append((piece, known))
    parts: list[str] = []
    for n, (word, known) in enumerate(words):
        single = not known and len(word) == 1
        if single and word in particles and parts:
            parts[-1] += word
            continue
        if single and n + 1 < len(words) and words[n + 1][0][0] not in _MARKS:
            words[n + 1] = (word + words[n + 1][0], True)  # a function word, with its word
            continue
        glued = parts and (
            word[0] in NO_LINE_START
            or word[0] in _JOINING
            or parts[-1][-1] in NO_LINE_END
            or parts[-1][-1] in _JOINING
        )
        if glued:
            parts[-1] += word
        else:
            parts.append(word)
    return tuple(parts)
