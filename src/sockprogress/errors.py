"""The errors sockprogress raises; the command line turns each into one `Error:` line."""

from __future__ import annotations


class SockProgressError(Exception):
    """A problem the user can fix; its message is one line naming what and where."""


class InputError(SockProgressError):
    """An input file that cannot be used at all (missing, unreadable, malformed)."""


class OutputError(SockProgressError):
    """An output file that cannot be written."""
