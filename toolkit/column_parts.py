"""A text split over numbered columns, joined: a scraper writing for a spreadsheet, whose cells
hold at most 32,767 characters, cuts a long text into parts (``article_full_text_1`` ...
``article_full_text_10``, trial U's kremlin.ru table: 30,000 characters a cell). Read as its
first part, a transcript stopped mid-word; read as no body at all, the table's summaries were
its texts (98.6% of the text lost). The parts are joined in order, as written (a cut falls
anywhere, mid-word too), into one column named as their base, before the fields are read.

Example:
    >>> frame = pl.DataFrame({"title": ["t"], "full_text_1": ["Talks in Mi"], "full_text_2": ["nsk."]})
    >>> joined, texts, note = joined_parts(frame)
    >>> joined.columns, joined["full_text"].item(), texts
    (['title', 'full_text'], 'Talks in Minsk.', ['full_text'])
"""  # noqa: E501

from __future__ import annotations

import re

import polars as pl

from toolkit.column_names import COLUMN_ALIASES, name_forms

__all__ = ["joined_parts"]

# A part's name: its base and its number ("article_full_text_2", "body2", "текст 3")
_PART = re.compile(r"^(?P<base>.*?\D)[_ -]?(?P<n>\d{1,3})$")
# The last word of a base that names a text ("article_full_text", "supplement_body")
_TEXT_WORDS = {"text", "body", "content", "fulltext", "текст", "正文", "内容", "全文"}


def joined_parts(frame: pl.DataFrame) -> tuple[pl.DataFrame, list[str], str | None]:
    """``frame`` with each run of text columns that name a text (the base is a text field's
    name, or ends with a word that names one) joined into one named as their base: numbered
    from 1 (two or more, every number up to the last) where no column has that name, or from
    2 after a column of that name (its first part); the joined columns, in the table's order;
    and a note naming what was joined, or None."""
    runs: dict[str, dict[int, str]] = {}
    for column in frame.columns:
        m = _PART.match(column)
        if m and frame.schema[column] == pl.String:
            base = m.group("base").rstrip("_ -")
            runs.setdefault(base, {})[int(m.group("n"))] = column
    joined, texts, said = [], [], []
    for base, parts in runs.items():
        if not _names_text(base):
            continue
        numbers = sorted(parts)
        if base in frame.columns and frame.schema[base] == pl.String:
            # the first part unnumbered: "text", "text_2", "text_3" (or a header that names
            # "text" twice, which polars reads as "text" and "text_2"): joined as "text"
            if numbers != list(range(2, len(parts) + 2)):
                continue
            columns = [base, *(parts[n] for n in numbers)]
        elif base in frame.columns or len(parts) < 2 or numbers != list(range(1, len(parts) + 1)):
            continue
        else:
            columns = [parts[n] for n in numbers]
        joined.append((base, columns))
        texts.append(base)
        said.append(f"{columns[0]} ... {columns[-1]} joined in order as {base}")
    if not joined:
        return frame, [], None
    out = frame
    for base, columns in joined:
        text = pl.concat_str(columns, separator="", ignore_nulls=True)
        whole = pl.when(pl.any_horizontal(pl.col(columns).is_not_null())).then(text)
        at = out.columns.index(columns[0])
        out = out.with_columns(whole.alias("_joined")).drop(columns).rename({"_joined": base})
        order = [c for c in out.columns if c != base]
        out = out.select([*order[:at], base, *order[at:]])
    note = ", ".join(said) + " (a text split over numbered columns, as a scraper writing for a "
    note += "spreadsheet's cell limit cuts it)"
    return out, texts, note


def _names_text(base: str) -> bool:
    """Whether a base names a text: a text field's name, or a name whose last word is one."""
    forms = name_forms(base)
    if any(f in COLUMN_ALIASES["text"] for f in forms):
        return True
    words = re.split(r"[_\s\-.]+", forms[-1])
    return bool(words) and words[-1] in _TEXT_WORDS
