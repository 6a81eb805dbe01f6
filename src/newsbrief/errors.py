"""Errors a user can act on, each with the exit status the CLI documents."""

from __future__ import annotations


class NewsbriefError(Exception):
    """An error about the input or the request, printed as one line; never a traceback."""

    exit_code = 65  # EX_DATAERR: the input is not something we can brief


class InputError(NewsbriefError):
    """Empty, binary, oversized or unreadable input, or HTML with no article."""


class NoInputError(NewsbriefError):
    """A file that does not exist or cannot be opened."""

    exit_code = 66  # EX_NOINPUT


class UsageError(NewsbriefError):
    """Flags that contradict each other or a malformed option value."""

    exit_code = 64  # EX_USAGE
