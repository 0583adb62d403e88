"""A delimited table whose first row is data, not a header (a scraper's export: "sputnik_1;
20190426;Sweden denies ...;2;https://..."): its columns numbered ``column_1`` ..., every row
read, and, where the user names no columns, its title, date and URL columns read from what
the first row holds (a URL, a date, the longest words), with a note saying which and how to
name others. :mod:`toolkit.tables_delimited` reads the rows.

Example:
    >>> row = ["sputnik_1", "20190426", "Sweden denies journalist accreditation", "2",
    ...        "https://sputniknews.com/a/"]
    >>> first = first_row(row, ["x"], sep_line=False)
    >>> first.names[:2], first.columns
    (['column_1', 'column_2'], {'date': 'column_2', 'url': 'column_5', 'title': 'column_3'})
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from toolkit.column_names import DATA_CELLS, data_row, numbered_columns

__all__ = ["FirstRow", "first_row", "joined_notes", "with_columns"]

# A cell of this many words or more is a text, not a title
TEXT_WORDS = 40


@dataclass
class FirstRow:
    """What a table's first row makes of it: the column names, the lines taken that stay
    taken (a "sep=;" line), the note, and the fields read from the row's content."""

    names: list[str]
    kept: list[str]
    note: str | None = None
    columns: dict[str, str] = field(default_factory=dict)


def first_row(header: list[str], taken: list[str], *, sep_line: bool) -> FirstRow:
    """The table's first row (``header``, read from the lines ``taken``, the first a "sep="
    line where ``sep_line``): a header as it is, or data (:func:`data_row`): numbered columns,
    the row read again as data, and its fields by content."""
    why = data_row(header)
    if why is None:
        return FirstRow(header, taken)
    names = numbered_columns(len(header))
    columns = fields_of_row(header)
    shown = ", ".join(f"column_{i} {_clipped(v)!r}" for i, v in enumerate(header, 1))
    read = ", ".join(f"{k} {v}" for k, v in columns.items())
    note = (
        f"no header row (the first row holds {why}): its columns are named column_1 to "
        f"column_{len(names)} and the first row read as data ({shown})"
        + (f"; read by what it holds: {read} (name others with columns=)" if read else "")
    )
    return FirstRow(names, taken[:1] if sep_line else [], note, columns)


def fields_of_row(cells: list[str]) -> dict[str, str]:
    """The numbered columns of a headerless table's fields, by what its first row holds: the
    first URL, the first date, and the cell of most words (three or more) as the title, or
    the text from ``TEXT_WORDS`` words on."""
    out: dict[str, str] = {}
    for kind, key in (("a date", "date"), ("a URL", "url")):
        at = next((i for i, c in enumerate(cells)
                   if DATA_CELLS[kind].fullmatch(str(c).strip())), None)  # fmt: skip
        if at is not None:
            out[key] = f"column_{at + 1}"
    taken = set(out.values())
    words = [
        (len(str(c).split()), i) for i, c in enumerate(cells) if f"column_{i + 1}" not in taken
    ]
    most = max(words, default=(0, 0))
    if most[0] >= 3:
        out["text" if most[0] >= TEXT_WORDS else "title"] = f"column_{most[1] + 1}"
    return out


def with_columns(options: Any, first: FirstRow) -> Any:
    """``options`` with the fields ``first`` read by content, where the user names no
    columns for the file."""
    if not first.columns or (options.get("columns") or {}):
        return options
    return {**options, "columns": first.columns}


def joined_notes(note: str | None, headless: str | None) -> str | None:
    """The delimiter's note and the no-header note, the first saying "the first row" where
    there is no header (trial Y: "found from the header; no header row")."""
    if note and headless:
        note = note.replace("from the header", "from the first row")
    return "; ".join(n for n in (note, headless) if n) or None


def _clipped(value: str, n: int = 40) -> str:
    return value if len(value) <= n else value[: n - 1] + "…"
