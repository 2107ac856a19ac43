"""The errors sockprogress raises; the command line turns each into one `Error:` line.

An error is made where the problem is found, with a `code` and its `params` (what and where);
the words are chosen where it is shown: `error.said(words)` in the reader's language, `str(error)`
in English, both worded by `Words.error_text` from the message ids of words/messages.py ERRORS
(a figure, a column, a date written as the report writes them, in English too). A parameter
named in PHRASE_PARAMS is itself a message id (a reason, a hint:
`hint=N_("choose another --out")`), said in the reader's words and filled from the other
parameters. An error about a value that a cell could hold as well (`--value abc`) carries that
cell's `problem`, a data issue with its own code. An error raised with a sentence and no code is
shown as that sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .words.catalogue import DEFAULT_LANG

if TYPE_CHECKING:
    from .model import Issue
    from .words.words import Words


class SockProgressError(Exception):
    """A problem the user can fix; its message is one line naming what and where."""

    def __init__(
        self,
        message: str = "",
        *,
        code: str = "",
        problem: Issue | None = None,
        **params: object,
    ) -> None:
        self.code = code
        self.params = tuple((k, str(v)) for k, v in params.items())
        self.problem = problem
        if code and not message:
            message = self._english()
        super().__init__(message)

    def _english(self) -> str:
        from .words.words import Words

        said = Words.of(DEFAULT_LANG).error_text(self.code, self.params, self.problem)
        if said is None:
            raise KeyError(self.code)
        return said

    def said(self, words: Words) -> str:
        """The message in the reader's words (in English: `str(self)`, as raised)."""
        if not words.foreign(DEFAULT_LANG):
            return str(self)
        return words.error_text(self.code, self.params, self.problem) or str(self)


class InputError(SockProgressError):
    """An input file that cannot be used at all (missing, unreadable, malformed)."""


class OutputError(SockProgressError):
    """An output file that cannot be written."""
