"""The user's speaker aliases (``rhetoric.speaker_aliases``: a name and the ways texts write it):
what is wrong with a table, and each way of writing a speaker -> the name it takes.
"""

from __future__ import annotations

from toolkit.errors import DataError

__all__ = ["alias_problems", "alias_table"]


def alias_problems(aliases: dict) -> list[str]:
    """What is wrong with an alias table (a name -> a list of the ways texts write it): each
    name whose forms are not a list of strings (one string would be read letter by letter)."""
    return [
        f"{name!r} maps to {forms!r}; give each name a list of the ways texts write it "
        "([Alexander Lukashenko])"
        for name, forms in aliases.items()
        if not isinstance(forms, list | tuple) or not all(isinstance(f, str) for f in forms)
    ]


def alias_table(aliases: dict) -> dict[str, str]:
    """Each way of writing a speaker (lower-case) -> the name it takes, from ``aliases``."""
    problems = alias_problems(aliases)
    if problems:
        raise DataError(f"speaker aliases: {problems[0]}")
    return {f.lower(): str(k) for k, forms in aliases.items() for f in [str(k), *forms]}
