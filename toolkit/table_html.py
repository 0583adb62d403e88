"""A table's text written as HTML (a WordPress export's ``content.rendered``, a scraper that
kept each article's ``innerHTML``): read as the text a browser shows, by lxml, where enough of
the table's rows hold markup, with a note on every row. Left in, the tags and entities rank as
terms ("p", "nbsp", "amp"), a script's code is read as prose, and a dateline behind ``<p>`` is
not found.

Example:
    >>> import polars as pl
    >>> from toolkit.records import Table
    >>> frame = pl.DataFrame({"text": ["<p>Talks &amp; gas</p><p>In Minsk.</p>", "Plain text"]})
    >>> read = html_read(Table("wp.json", frame))
    >>> read.frame["text"].to_list()
    ['Talks & gas\\n\\nIn Minsk.', 'Plain text']
"""

from __future__ import annotations

import html
import re

import polars as pl

from toolkit.records import Table

__all__ = ["MIN_SHARE", "html_read", "html_text"]

# A text column is read as HTML when at least this share of its texts hold markup.
MIN_SHARE = 0.05
# Markup: an element of the body's vocabulary opened or closed, or a character reference.
_MARKUP = (
    r"(?i)</?(?:p|div|br|span|a|b|i|em|strong|h[1-6]|ul|ol|li|blockquote|figure|figcaption|img"
    r"|table|tr|td|section|article|script|style|iframe)(?:\s[^<>]*)?/?>|&(?:#\d+|#x[0-9a-f]+|"
    r"[a-z]{2,8});"
)
_TAG = re.compile(r"<[a-zA-Z/!]")
# A character reference with its semicolon ("&amp;", "&#8211;", "&#x27;"): left in a plain text
# by a scraper that took a page's source. Without the semicolon ("AT&T", "&copy 2015") it is
# not read: Python's unescape would read "&notes" as "¬es".
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Elements whose content no reader sees
_HIDDEN = ("script", "style", "noscript", "iframe", "template", "svg")
# Elements that stand as paragraphs of their own
_BLOCKS = (
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "figcaption",
    "tr", "table", "section", "article", "header", "footer", "ul", "ol", "pre", "dd", "dt",
)  # fmt: skip
_BLANK_LINES = re.compile(r"\n\s*\n\s*")
_SPACES = re.compile(r"[ \t\r\f\v]+")


def html_text(fragment: str | None) -> str | None:
    """The text a browser shows of an HTML fragment: paragraphs apart by a blank line, a
    ``<br>`` as a line break, scripts and styles left out, character references read; text
    without tags is only unescaped."""
    if fragment is None or not _TAG.search(fragment):
        return None if fragment is None else html.unescape(fragment)
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):  # nothing lxml reads as an element
        return html.unescape(fragment)
    for hidden in root.iter(*_HIDDEN):
        hidden.drop_tree()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in root.iter(*_BLOCKS):
        block.text = "\n\n" + (block.text or "")
        block.tail = "\n\n" + (block.tail or "")
    lines = (_SPACES.sub(" ", line).strip() for line in root.text_content().split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _references_read(table: Table, column: str) -> None:
    """In a column too few rows of which hold markup to read it as HTML, the character
    references of each row that holds one read ("J&amp;J" is "J&J"), with a note on the row;
    tags are left as written. Only those rows are read in Python."""
    values = table.frame[column]
    rows = values.str.contains(_REFERENCE.pattern).fill_null(False).arg_true()
    if not rows.len() or "note" not in table.frame.columns:
        return
    texts = values.gather(rows).to_list()
    read = [_REFERENCE.sub(lambda m: html.unescape(m.group(0)), t) for t in texts]
    changed = [i for i, (a, b) in enumerate(zip(texts, read, strict=True)) if a != b]
    if not changed:
        return
    at = rows.gather(changed)
    note = f"{column}: HTML character references read (as '&amp;' for '&')"
    notes = [f"{n}; {note}" if n else note for n in table.frame["note"].gather(at).to_list()]
    table.frame = table.frame.with_columns(
        values.scatter(at, [read[i] for i in changed]),
        table.frame["note"].scatter(at, pl.Series(notes, dtype=pl.String)),
    )


def html_read(table: Table) -> Table:
    """``table`` with its ``text`` and ``title`` columns read as HTML (:func:`html_text`) where
    at least ``MIN_SHARE`` of the column's texts hold markup, and its ``file_note`` saying so;
    else only the character references of the rows that hold one read, each such row noted."""
    notes = []
    for column in ("text", "title"):
        if column not in table.frame.columns:
            continue
        values = table.frame[column]
        texts = values.len() - values.null_count()
        found = int(values.str.contains(_MARKUP).fill_null(False).sum())
        if not texts or found < max(1, MIN_SHARE * texts):
            if found:  # a reference is markup: only a row that holds some may hold one
                _references_read(table, column)
            continue
        read = pl.Series(column, [html_text(v) for v in values.to_list()], dtype=pl.String)
        table.frame = table.frame.with_columns(read)
        notes.append(
            f"{column} read as HTML ({found} of {texts} rows hold markup): tags, scripts and "
            "styles removed, character references read"
        )
    if notes:
        note = "; ".join(notes)
        table.file_note = f"{table.file_note}; {note}" if table.file_note else note
    return table
