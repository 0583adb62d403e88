"""Exceptions raised by toolkit. Every message says what went wrong and what to do."""

from __future__ import annotations


class ToolkitError(Exception):
    """Root of every error toolkit raises on purpose."""


class InputError(ToolkitError):
    """An input path or file cannot be used.

    Args:
        message: what is wrong and what to do about it.
        path: the file concerned, where known.
        line: the 1-based line number, where known.
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        self.path = path
        self.line = line
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line is not None else f"{path}: "
        super().__init__(where + message)


class StrictModeError(ToolkitError):
    """Raised by a strict load when any file or record was skipped."""


class DataError(ToolkitError):
    """Bundled outlet or lexicon data is malformed (a bug in a YAML file, not in the input)."""


class ParamsError(ToolkitError):
    """A parameter set is invalid; the message lists every problem found."""
