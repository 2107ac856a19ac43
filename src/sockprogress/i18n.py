"""The message catalogue: every word a user sees, per language, through gettext.

The catalogues are `locale/<lang>/LC_MESSAGES/sockprogress.po` inside the package, compiled
to `.mo` beside them (README: "Adding a language"). Message ids are the English text; Python
marks them with `_(message, lang)` (or `N_` in a table, translated where it is shown) and the
templates with Jinja's i18n extension. Only the standard library is imported here, so the
command line can resolve its language before it starts anything heavy.
"""

from __future__ import annotations

import gettext as _gettext
import os
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Literal

Lang = Literal["en", "zh"]
LANGS: tuple[Lang, ...] = ("en", "zh")
DEFAULT_LANG: Lang = "en"
LANG_ENV = "SOCKPROGRESS_LANG"
DOMAIN = "sockprogress"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

# The POSIX order in which a program finds the language of its messages: LC_ALL overrides
# LC_MESSAGES, which overrides LANG.
LOCALE_ENV = ("LC_ALL", "LC_MESSAGES", "LANG")


def check_lang(lang: str) -> Lang:
    """The language code, or ValueError naming the choices."""
    if lang not in LANGS:
        raise ValueError(f"unknown language '{lang}'; choose from {', '.join(LANGS)}")
    return lang  # narrowed to Lang by the membership test


def lang_of_locale(value: str) -> Lang | None:
    """`zh_CN.UTF-8` -> zh, `en_GB` -> en, `C`/`POSIX`/other -> None (no opinion)."""
    code = value.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGS else None


def default_lang(environ: Mapping[str, str] | None = None) -> tuple[Lang, str]:
    """The language to use when no --lang is given, and where it came from.

    $SOCKPROGRESS_LANG first; then the locale, as command-line tools read it (LC_ALL, then
    LC_MESSAGES, then LANG: the first one set decides); else English.
    """
    env = os.environ if environ is None else environ
    chosen = env.get(LANG_ENV, "").strip()
    if chosen in LANGS:
        return chosen, f"${LANG_ENV}"
    for name in LOCALE_ENV:
        value = env.get(name, "").strip()
        if value:
            found = lang_of_locale(value)
            return (found or DEFAULT_LANG), f"${name}={value}"
    return DEFAULT_LANG, "no locale set"


@lru_cache(maxsize=8)
def catalogue(lang: str) -> _gettext.NullTranslations:
    """The compiled catalogue for `lang`; English falls back to the message ids themselves."""
    return _gettext.translation(
        DOMAIN, localedir=str(LOCALE_DIR), languages=[check_lang(lang)], fallback=lang == "en"
    )


@lru_cache(maxsize=4096)
def _(message: str, lang: str = DEFAULT_LANG) -> str:
    """`message` (an English message id) in `lang`; remembered, as a province's report asks
    for the same labels tens of thousands of times."""
    return catalogue(lang).gettext(message)


def pgettext(context: str, message: str, lang: str = DEFAULT_LANG) -> str:
    """`message` in `lang` where the same English word means different things (`context`)."""
    return catalogue(lang).pgettext(context, message)


def ngettext(singular: str, plural: str, n: int, lang: str = DEFAULT_LANG) -> str:
    return catalogue(lang).ngettext(singular, plural, n)


def npgettext(context: str, singular: str, plural: str, n: int, lang: str = DEFAULT_LANG) -> str:
    return catalogue(lang).npgettext(context, singular, plural, n)


def N_(message: str) -> str:
    """Marks a message id for extraction where it is defined; it is translated where shown."""
    return message
