"""The words of every output: the message catalogues, each language's forms (locales.toml), and
`Words` (words.py), the one object that says things in the reader's language.

Below reading, judging, rendering and editing: any of them may import from here, and nothing
here imports them. `catalogue` uses the standard library only, for a quick start.
"""

from .catalogue import DEFAULT_LANG, LANG_ENV, LANGS, N_, check_lang, default_lang

__all__ = ["DEFAULT_LANG", "LANGS", "LANG_ENV", "N_", "check_lang", "default_lang"]
