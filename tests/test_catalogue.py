"""The message catalogue: complete in Chinese, compiled as written, in step with the code."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from sockprogress.words import LANGS, messages
from sockprogress.words.words import Words

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "src" / "sockprogress" / "words" / "locale"
# As the Makefile's `messages` passes them: how a `Words` is called with a message id.
KEYWORDS = (
    "-k",
    "words",
    "-k",
    "sheet",
    "-k",
    "n:1,2",
    "-k",
    "p:1c,2",
    "-k",
    "np:1c,2,3",
    "-k",
    "NP_:1,2",
)
PLACEHOLDER = re.compile(r"\{(\w*)\}|%\((\w+)\)[sd]")
# babel's type of a message's id (and, or None, of its string): a plural's forms are a sequence.
MessageId = str | tuple[str, ...] | list[str]


def po(lang: str) -> Catalog:
    with (LOCALE / lang / "LC_MESSAGES" / "sockprogress.po").open("rb") as f:
        return read_po(f)


def entries(catalog: Catalog) -> list[tuple[str | None, MessageId, object]]:
    return [(m.context, m.id, m.string) for m in catalog if m.id]


def placeholders(message: str) -> set[str]:
    return {a or b for a, b in PLACEHOLDER.findall(message)}


def forms(text: MessageId | None) -> tuple[str, ...]:
    """A message's id or string as its forms; read_po gives tuples for plurals, never None."""
    assert text is not None
    return (text,) if isinstance(text, str) else tuple(text)


def test_every_message_has_a_chinese_translation_and_none_is_fuzzy() -> None:
    catalog = po("zh")
    missing = [m.id for m in catalog if m.id and not all(m.string or ("",))]
    missing += [m.id for m in catalog if m.id and isinstance(m.id, str) and not m.string]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert not missing, f"no Chinese for: {missing}"
    assert not fuzzy, f"fuzzy (check, then drop the flag): {fuzzy}"
    assert len(catalog) > 200


def test_a_translation_uses_only_its_messages_placeholders() -> None:
    """A misspelt {placeholder} would raise KeyError, or print itself, in a report."""
    for message in po("zh"):
        if not message.id:
            continue
        ids = forms(message.id)
        strings = forms(message.string)
        allowed = set().union(*(placeholders(i) for i in ids))
        for string in strings:
            assert placeholders(string) <= allowed, (message.id, string)
        # Every placeholder is needed to say the same thing; a target's id gives way to its
        # name, as a reader knows it: {target} (辽源·服装年产能, from `target_zh`) or its
        # region and indicator.
        needed = placeholders(ids[0])
        if "target" in placeholders(strings[0]):
            needed -= {"region", "indicator"}
        if {"region", "indicator"} <= placeholders(strings[0]):
            needed -= {"target"}
        assert placeholders(strings[0]) >= needed, message.id


def test_both_languages_hold_the_same_messages() -> None:
    zh = {(c, i) for c, i, _ in entries(po("zh"))}
    en = {(c, i) for c, i, _ in entries(po("en"))}
    assert zh == en


@pytest.mark.parametrize("lang", LANGS)
def test_the_compiled_mo_matches_the_po(lang: str) -> None:
    source = po(lang)
    with (LOCALE / lang / "LC_MESSAGES" / "sockprogress.mo").open("rb") as f:
        compiled = read_mo(f)
    wanted = {
        (m.context, m.id): m.string
        for m in source
        if m.id and not m.fuzzy and all(m.string if isinstance(m.string, tuple) else (m.string,))
    }
    got = {
        (m.context, tuple(m.id) if isinstance(m.id, list) else m.id): (
            tuple(m.string) if isinstance(m.string, list) else m.string
        )
        for m in compiled
        if m.id
    }
    # An untranslated plural is compiled as its English forms, and a message said the same in
    # both languages (`{n}. {source}`) is its own translation: the same as no entry.
    got = {key: string for key, string in got.items() if string != key[1]}
    wanted = {key: string for key, string in wanted.items() if string != key[1]}
    assert got == wanted, "run `make catalogue` (pybabel compile) after editing the .po"


def test_the_catalogue_holds_every_message_of_the_code_and_templates(tmp_path: Path) -> None:
    """`pybabel extract` over the sources finds nothing the catalogue lacks (run `make
    messages` and translate, when it does) and nothing it keeps is unused."""
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            str(ROOT / "babel.cfg"),
            *KEYWORDS,
            "--no-location",
            "-o",
            str(pot),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    with pot.open("rb") as f:
        extracted = {(m.context, m.id) for m in read_po(f) if m.id}
    kept = {(c, i) for c, i, _ in entries(po("zh"))}
    assert extracted - kept == set(), "new messages: run `make messages` and translate them"
    assert kept - extracted == set(), "messages no code uses: run `make messages`"


def test_every_blank_reason_judging_writes_is_a_message() -> None:
    source = (ROOT / "src" / "sockprogress" / "judging" / "figures.py").read_text("utf-8")
    reasons = set(re.findall(r'why\.none\(\s*"\w+",\s*"([^"]+)"', source))
    assert reasons and reasons <= set(messages.WHY_REASONS)
    for reason in reasons:
        assert Words.of("zh").why_reason(reason) != reason


def sources() -> dict[Path, str]:
    return {p: p.read_text("utf-8") for p in (ROOT / "src" / "sockprogress").rglob("*.py")}


def test_every_issue_code_the_code_gives_is_a_message() -> None:
    """A data issue's code is in ISSUE_TEXT, an error's (errors.py) in ERRORS."""
    codes: set[str] = set()
    for source in sources().values():
        codes |= set(re.findall(r'code="([\w.]+)"', source))
        codes |= {f"plausibility.{c}" for c in re.findall(r'warn\(\s*\w+,\s*"(\w+)"', source)}
    assert "no_rows" in codes and "plausibility.jump" in codes and "file_not_found" in codes
    known = set(messages.ISSUE_TEXT) | set(messages.ERRORS)
    assert codes <= known, codes - known
    assert not set(messages.ISSUE_TEXT) & set(messages.ERRORS)


def test_every_error_code_is_given_somewhere() -> None:
    """No message is left in ERRORS that no error raises."""
    text = "\n".join(s for p, s in sources().items() if p.name != "messages.py")
    unused = {code for code in messages.ERRORS if f'"{code}"' not in text}
    assert not unused, unused


def test_every_note_code_is_a_message() -> None:
    codes: set[str] = set()
    for path in (ROOT / "src" / "sockprogress" / "judging").rglob("*.py"):
        codes |= set(re.findall(r'Note\(\s*"(\w+)"', path.read_text("utf-8")))
    assert "awaiting_final" in codes
    assert codes <= set(messages.NOTE_TEXT), codes - set(messages.NOTE_TEXT)


def test_a_missing_final_figure_is_said_as_missing_not_as_unpublished() -> None:
    """The report knows only what the actuals sheet holds: "5项尚待2025年期末数据公布" in
    November 2026, after the year's bulletins were out, said the figures were not published
    when the sheet lacked them. The Chinese says 尚无 (none yet), as the English says "awaiting"."""
    said = [
        str(message.string)
        for message in po("zh")
        if message.id and ("final figure" in str(message.id) or "covers it" in str(message.id))
    ]
    assert len(said) >= 5
    assert not [s for s in said if "发布" in s or "公布" in s], said
