"""A table's text column written in Telegram's Markdown, as Telethon's ``message.text`` gives it
(``**bold**``, ``__italic__``, ``~~struck~~``, ``[words](https://...)``): its marks removed and
its links' words kept, where enough of the table's rows hold them, with a note on every row.
Left in, the marks and addresses rank as terms ("https", "bbc", "com") and the words they glue
to are not found ("**Лукашенко").

Example:
    >>> import polars as pl
    >>> from toolkit.records import Table
    >>> frame = pl.DataFrame({"text": ["**Talks** in [Minsk](https://t.me/x)", "Plain text"]})
    >>> read = unmarked(Table("a.json", frame))
    >>> read.frame["text"].to_list(), read.file_note
    (['Talks in Minsk', 'Plain text'], 'text read as Telegram Markdown (1 of 2 rows hold its marks): the marks **, __, ~~ and the addresses of links removed, their words kept')
"""  # noqa: E501

from __future__ import annotations

import polars as pl

from toolkit.records import Table

__all__ = ["MIN_SHARE", "unmarked"]

# A text column is read as Markdown when at least this share of its texts hold its marks.
MIN_SHARE = 0.05
_LINK = r"\[([^\]\n]*)\]\((?:https?|tg|mailto):[^)\s]*\)"
# A mark's pair around words; bold may close on the next line (Telethon writes "**Title\n**").
_PAIRS = (r"\*\*([^*]+?)\*\*", r"(?s)__(.+?)__", r"~~([^~\n]+?)~~")


def unmarked(table: Table) -> Table:
    """``table`` with its ``text`` column's Markdown marks removed where at least
    ``MIN_SHARE`` of its texts hold a link or a pair of marks (a few stars in plain text are
    not Markdown), and its ``file_note`` saying so; else ``table`` as it is."""
    if "text" not in table.frame.columns or table.frame["text"].null_count() == table.frame.height:
        return table
    text = table.frame["text"]
    marked = pl.select(
        pl.any_horizontal(pl.lit(text).str.contains(p).fill_null(False) for p in (_LINK, *_PAIRS))
    ).to_series()
    found, texts = int(marked.sum()), text.len() - text.null_count()
    if found < max(1, MIN_SHARE * texts):
        return table
    for pattern in (_LINK, *_PAIRS):
        text = text.str.replace_all(pattern, "${1}")
    note = (
        f"text read as Telegram Markdown ({found} of {texts} rows hold its marks): the marks"
        " **, __, ~~ and the addresses of links removed, their words kept"
    )
    table.frame = table.frame.with_columns(text.alias("text"))
    table.file_note = f"{table.file_note}; {note}" if table.file_note else note
    return table
