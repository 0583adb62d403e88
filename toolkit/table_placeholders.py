"""A table cell that says its field is missing ("No date", "No title", "N/A", "Нет даты") read as
empty, with a note on its row: a placeholder is no title, and no date written but not understood.

Example:
    >>> frame = pl.DataFrame({"title": ["No title", "Talks"], "date": ["No date", "2025-03-06"],
    ...                       "note": [None, None]})
    >>> placeholders(frame).rows()
    [(None, None, "title 'No title' and date 'No date' are placeholders: read as empty"), ('Talks', '2025-03-06', None)]
"""  # noqa: E501

from __future__ import annotations

import polars as pl

__all__ = ["PLACEHOLDER", "placeholders"]

# What a scraper or an export writes where it found nothing, in English and Russian (matched
# whole, without case): "No date", "No title", "N/A", "unknown", "Нет даты", "Без названия"
PLACEHOLDER = (
    r"(?i)^\s*(?:(?:no|without)\s+(?:date|title|location|author|source|url|link)|n/?a|none|null|"
    r"nan|unknown|untitled|-+|нет\s+(?:даты|заголовка|названия)|без\s+(?:даты|заголовка|названия)"
    r"|неизвестно)\s*$"
)
_FIELDS = ("title", "date", "outlet", "site", "url", "byline")


def placeholders(frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` with each of its title, date, outlet, site, URL and byline cells that is a
    placeholder (:data:`PLACEHOLDER`) made null, and the row's ``note`` naming them."""
    fields = [f for f in _FIELDS if f in frame.columns and frame.schema[f] == pl.String]
    if not fields:
        return frame
    hit = {f: pl.col(f).str.contains(PLACEHOLDER).fill_null(False) for f in fields}
    if not frame.select(pl.any_horizontal(hit.values()).any()).item():
        return frame
    named = [pl.when(hit[f]).then(pl.format(f"{f} '{{}}'", pl.col(f).str.strip_chars()))
             for f in fields]  # fmt: skip
    listed = pl.concat_list(named).list.drop_nulls()
    said = (
        pl.when(listed.list.len() == 1)
        .then(pl.format("{} is a placeholder: read as empty", listed.list.first()))
        .when(listed.list.len() > 1)
        .then(
            pl.format(
                "{} and {} are placeholders: read as empty",
                listed.list.head(listed.list.len() - 1).list.join(", "),
                listed.list.last(),
            )
        )
    )
    note = (
        pl.concat_str(["note", said], separator="; ", ignore_nulls=True)
        if "note" in frame.columns
        else said
    )
    return frame.with_columns(
        *[pl.when(hit[f]).then(None).otherwise(pl.col(f)).alias(f) for f in fields],
        pl.when(note != "").then(note).alias("note"),
    )
