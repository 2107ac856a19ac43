"""The errors sockprogress raises; the command line turns each into one `Error:` line.

An error is made where the problem is found, with a `code` and its `params` (what and where);
the words are chosen where it is shown: `error.said(words)` in the reader's language, `str(error)`
in English (the message ids of words/messages.py ERRORS). An error raised with a sentence and
no code is shown as that sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .words.words import Words


class SockProgressError(Exception):
    """A problem the user can fix; its message is one line naming what and where."""

    def __init__(self, message: str = "", *, code: str = "", **params: object) -> None:
        self.code = code
        self.params = tuple((k, str(v)) for k, v in params.items())
        if code and not message:
            from .words.messages import ERRORS

            message = ERRORS[code].format(**dict(self.params))
        super().__init__(message)

    def said(self, words: Words) -> str:
        """The message in the reader's words."""
        return words.error_text(self.code, self.params) or str(self)


class InputError(SockProgressError):
    """An input file that cannot be used at all (missing, unreadable, malformed)."""


class OutputError(SockProgressError):
    """An output file that cannot be written."""
