"""The errors sockprogress raises; the command line turns each into one `Error:` line."""

from __future__ import annotations


class SockProgressError(Exception):
    """A problem the user can fix; its message is one line naming what and where."""


class InputError(SockProgressError):
    """An input file that cannot be used at all (missing, unreadable, malformed)."""


class OutputError(SockProgressError):
    """An output file that cannot be written."""


def locate(
    file: str, sheet: str | None = None, row: int | None = None, column: str | None = None
) -> str:
    """Format a location the way the messages name it: `file, sheet S, row R, column C`."""
    parts = [file]
    if sheet is not None:
        parts.append(f"sheet {sheet}")
    if row is not None:
        parts.append(f"row {row}")
    if column is not None:
        parts.append(f"column {column}")
    return ", ".join(parts)
