"""The message catalogues and the languages there are, read with the standard library only.

The catalogues are `locale/<lang>/LC_MESSAGES/sockprogress.po` beside this file, compiled to
`.mo` (docs/languages.md: "Adding a language"); what else a language writes (punctuation,
number and date forms) is its entry in `locales.toml`. Message ids are the English text; code
marks them with `N_` where a table holds them, and a `Words` (words.py) translates them where
they are shown.
Only the standard library is imported here, so the command line can settle its language before
it starts anything heavy.
"""

from __future__ import annotations

import gettext as _gettext
import locale as _locale
import os
import sys
import tomllib
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
LOCALE_DIR = HERE / "locale"
DOMAIN = "sockprogress"
LANG_ENV = "SOCKPROGRESS_LANG"
DEFAULT_LANG = "en"


def filled(message: str, params: Mapping[str, str]) -> str:
    """`message` with its {placeholders} filled; as written when it has others (a library's
    own text given as a reason may hold braces)."""
    try:
        return message.format(**params)
    except (KeyError, IndexError, ValueError):
        return message


def N_(message: str) -> str:
    """Marks a message id for extraction where it is defined; it is translated where shown."""
    return message


# Where the default language comes from when nothing sets one (a message id).
NO_LOCALE = N_("no locale set")

# The POSIX order in which a program finds the language of its messages: LC_ALL overrides
# LC_MESSAGES, which overrides LANG.
LOCALE_ENV = ("LC_ALL", "LC_MESSAGES", "LANG")


@lru_cache(maxsize=1)
def locales() -> Mapping[str, Mapping[str, Any]]:
    """Every language's entry of locales.toml, by its code."""
    with (HERE / "locales.toml").open("rb") as f:
        return tomllib.load(f)


LANGS: tuple[str, ...] = tuple(locales())


def check_lang(lang: str) -> str:
    """The language code, or ValueError naming the choices."""
    if lang not in LANGS:
        raise ValueError(f"unknown language '{lang}'; choose from {', '.join(LANGS)}")
    return lang


def lang_of_locale(value: str) -> str | None:
    """`zh_CN.UTF-8` -> zh, `en_GB` -> en, `C`/`POSIX`/other -> None (no opinion)."""
    code = value.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGS else None


# Where the default language comes from on Windows, which sets no locale variable.
WINDOWS_LANGUAGE = N_("the Windows display language {name}")


def windows_ui_language() -> int | None:
    """The Windows display language's id (0x0804 for Chinese, PRC), None elsewhere: a Windows
    console sets none of LC_ALL, LC_MESSAGES or LANG."""
    if sys.platform != "win32":
        return None
    try:
        import ctypes

        return int(ctypes.windll.kernel32.GetUserDefaultUILanguage())
    except (AttributeError, OSError, ValueError):
        return None


def source_said(source: str, translate: Callable[[str], str]) -> str:
    """Where the default language came from (default_lang's second value), in words."""
    message, _, name = source.partition("\x00")
    return translate(message).format(name=name) if name else translate(message)


def default_lang(
    environ: Mapping[str, str] | None = None,
    system: Callable[[], int | None] = windows_ui_language,
) -> tuple[str, str]:
    """The language to use when no --lang is given, and where it came from.

    $SOCKPROGRESS_LANG first; then the locale, as command-line tools read it (LC_ALL, then
    LC_MESSAGES, then LANG: the first one set decides); then, where none is set (Windows), the
    display language of the system (`system`: its Windows language id); else English.
    """
    env = os.environ if environ is None else environ
    chosen = env.get(LANG_ENV, "").strip()
    # zh, ZH, zh_CN, zh-CN.UTF-8: written as a language or as a locale, it means the same
    if chosen and (found := lang_of_locale(chosen)):
        return found, f"${LANG_ENV}"
    for name in LOCALE_ENV:
        value = env.get(name, "").strip()
        if value:
            found = lang_of_locale(value)
            return (found or DEFAULT_LANG), f"${name}={value}"
    language = system()
    if language is not None:
        name = _locale.windows_locale.get(language, "")  # 0x0804 -> zh_CN
        found = lang_of_locale(name) if name else None
        if found:
            return found, f"{WINDOWS_LANGUAGE}\x00{name}"
    return DEFAULT_LANG, NO_LOCALE


@lru_cache(maxsize=8)
def catalogue(lang: str) -> _gettext.NullTranslations:
    """The compiled catalogue for `lang`; English falls back to the message ids themselves."""
    return _gettext.translation(
        DOMAIN,
        localedir=str(LOCALE_DIR),
        languages=[check_lang(lang)],
        fallback=lang == DEFAULT_LANG,
    )
