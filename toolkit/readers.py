"""File readers: each turns one input file into raw records and accounts for what it skipped.

A reader yields :class:`Record` (a page: one article, fields as found), :class:`Table` (the
articles of a table file, one row each) and :class:`Skip` (a record or the whole file left out,
with a reason and the line where known); see :mod:`toolkit.records`. Pages (text, Markdown,
HTML) are read here, tables in :mod:`toolkit.tables`. Readers do no cleaning.
"""

from __future__ import annotations

import os
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import polars as pl
from lxml import etree

from toolkit import (
    archive_mhtml,
    archive_warc,
    export_factiva,
    export_integrum,
    export_lexis,
    export_nexis_uni,
    feeds,
    saved_pages,
    telegram_html,
)
from toolkit.column_names import is_header
from toolkit.columns import table_of_records
from toolkit.decode import looks_binary
from toolkit.errors import InputError
from toolkit.html_read import read_html
from toolkit.records import Record, Skip, Table, file_bytes, file_text, text_value
from toolkit.resources import parse_yaml
from toolkit.table_html import html_read
from toolkit.table_markdown import unmarked
from toolkit.tables import (
    COLUMN_ALIASES,
    read_delimited,
    read_json,
    read_jsonl,
    read_parquet,
)
from toolkit.tables_excel import SPREADSHEETS, read_excel

__all__ = ["COLUMN_ALIASES", "READERS", "Record", "Skip", "Table", "read_file", "suffix"]


# ---------------------------------------------------------------- text and markdown


def _read_text(path: str | Path, rel: str) -> Iterator[Record | Skip]:
    text = file_text(path, rel, "text")
    yield text if isinstance(text, Skip) else Record(rel, text.text, encoding=text.encoding)


def _read_plain(
    path: str | Path, rel: str, options: dict[str, Any]
) -> Iterator[Record | Table | Skip]:
    """A plain-text page. Its bytes are kept when they may be UTF-8: the loader decodes all
    pages' bytes at once (see :func:`toolkit.records.records_frame`), and any that are not, one
    by one. A LexisNexis export is read one row per document (:mod:`toolkit.export_lexis`)."""
    data = file_bytes(path, rel)
    if isinstance(data, Skip):
        yield data
    elif is_tab_table(data):  # Excel's "Text (Tab delimited)" and "Unicode Text" are .txt
        for item in read_delimited(path, rel, options, "\t"):
            if isinstance(item, Table):
                item.file_note = "; ".join(filter(None, [item.file_note, TAB_TABLE_NOTE]))
            yield item
    elif b"DOCUMENTS" in data or looks_binary(data) or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = file_text(path, rel, "text", data)
        if isinstance(text, Skip):
            yield text
        elif export_lexis.is_export(text.text):
            yield from export_rows(rel, export_lexis.documents(text.text), options, text.encoding)
        elif looks_binary(data) or data.startswith((b"\xff\xfe", b"\xfe\xff")):
            yield Record(rel, text.text, encoding=text.encoding)
        else:
            yield Record(rel, data)  # decoded with the other pages, as any page
    else:
        yield Record(rel, data)


# A .txt file read as a table: its first line a header of known column names apart by tabs
TAB_TABLE_NOTE = (
    "a .txt file read as a tab-separated table: its first line is a header of known column "
    "names, apart by tabs (as a spreadsheet saves Text or Unicode Text); name it .tsv"
)


def is_tab_table(data: bytes) -> bool:
    """Whether a .txt file's bytes are a table saved as text (trial V: Excel's "Text (Tab
    delimited)" loaded as one article of the whole table): its first line holds two tabs or
    more between names of which two or more are a field's usual names, one of them a title's
    or a text's, and its second line as many tabs."""
    if b"\t" not in data[:8192]:  # most pages: no tab at all (UTF-16's tab holds one too)
        return False
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = data[:8192].decode("utf-16", errors="replace")
    else:
        head = data[:8192].decode("utf-8", errors="replace").removeprefix("\ufeff")
    lines = head.replace("\r\n", "\n").split("\n")
    if len(lines) < 2 or lines[0].count("\t") < 2 or lines[1].count("\t") != lines[0].count("\t"):
        return False
    return is_header(lines[0].split("\t"))


def export_rows(
    rel: str, found: export_lexis.Documents, options: dict[str, Any], encoding: str | None
) -> Iterator[Table | Skip]:
    """A database export's articles as a table's rows: the documents it could not read are
    skipped by number, the file's note says what the export held besides its articles, and a
    row's own note what its block did not settle (its date)."""
    for index, line, reason in found.skips:
        yield Skip(rel, reason, record=index, line=line, encoding=encoding)
    if not found.rows:
        yield Skip(rel, f"{found.note}: none with a body", encoding=encoding)
        return
    columns = list(dict.fromkeys(["text", *(k for _, _, row in found.rows for k in row)]))
    table = table_of_records(rel, found.rows, columns, options)
    if isinstance(table, Table):
        table.encoding = encoding or "utf-8"
        table.file_note = found.note
        if found.notes:
            notes = pl.Series([found.notes.get(i) for i in table.frame["record"]], dtype=pl.String)
            note = pl.concat_str([pl.col("note"), pl.lit(notes)], separator="; ", ignore_nulls=True)
            table.frame = table.frame.with_columns(pl.when(note != "").then(note).alias("note"))
    yield table


_MD_HEADING = re.compile(r"^#{1,6}\s+", re.M)
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
# a page's own address in a metadata list a scraper writes at its top, with no front matter:
# "- **URL**: https://cfr.org/articles/...", "Source URL: https://..." (trial AC: 42 pages
# without an address, so without a site or outlet)
_MD_URL_LINE = re.compile(
    r"^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?(?:URL|Page URL|Source URL|Canonical URL|Original URL|"
    r"Link)(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*<?(https?://[^\s<>]+?)>?[ \t]*$",
    re.M | re.I,
)
_MD_META_CHARS = 2000  # how far into the page the list may stand
# front matter between "---" lines, spaces after either allowed (Jekyll reads "--- ")
_MD_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)


def _read_markdown(path: str | Path, rel: str) -> Iterator[Record | Skip]:
    for item in _read_text(path, rel):
        if isinstance(item, Record) and item.text:
            text = item.text.replace("\r\n", "\n")
            front = _MD_FRONT.match(text)
            if front:
                try:
                    meta = yaml_safe(front.group(1))
                except ValueError as e:  # cut from the text all the same: it is no prose
                    meta = {}
                    said = [ln for ln in str(e).splitlines() if ln and not ln[0].isspace()]
                    first = said[-1] if said else "not YAML"  # the problem, not the context
                    item.note = (
                        f"its front matter is not valid YAML ({first}): its title, date, URL "
                        "and outlet were not read"
                    )
                text = text[front.end() :]
                item.title = text_value(meta.get("title"))
                item.date = text_value(meta.get("date"))
                item.url = text_value(meta.get("url"))
                item.outlet = text_value(meta.get("outlet") or meta.get("source"))
            elif (listed := _MD_URL_LINE.search(text, 0, _MD_META_CHARS)) is not None:
                item.url = listed.group(1)  # a scraper's metadata list: "- **URL**: https://..."
            text = _MD_LINK.sub(r"\1", text)
            text = _MD_EMPHASIS.sub(r"\2", text)
            item.text = _MD_HEADING.sub("", text)
        yield item


def yaml_safe(text: str) -> dict[str, Any]:
    import yaml

    try:
        data = parse_yaml(text)  # refuses aliases: no "billion laughs" from a front matter
    except yaml.YAMLError as e:
        raise ValueError(str(e)) from e
    return data if isinstance(data, dict) else {}


# ---------------------------------------------------------------- HTML


def _read_html(
    path: str | Path, rel: str, options: dict[str, Any]
) -> Iterator[Record | Table | Skip]:
    for item in _read_text(path, rel):
        if isinstance(item, Record) and archive_mhtml.is_mhtml(item.text):
            # an MHTML file saved with an .html name: its MIME parts, not one page of them
            yield from archive_mhtml.read_mhtml(path, rel, page=html_record)
            continue
        if isinstance(item, Record) and telegram_html.is_export(item.text):
            # a page of Telegram Desktop's export: one row per message, as a table's
            rows, service = telegram_html.messages(item.text)
            if not rows:
                reason = f"a page of a Telegram export with no messages ({service} service entries)"
                yield Skip(rel, reason, encoding=item.encoding)
                continue
            # "text" always: a message without one is skipped as such, not the whole page
            columns = list(dict.fromkeys(["text", *(k for _, _, row in rows for k in row)]))
            table = table_of_records(rel, rows, columns, options)
            table.encoding = item.encoding
            if isinstance(table, Table) and service:
                table.file_note = (
                    f"a page of a Telegram export: its service entries (day headings, pinned"
                    f" messages: {service}) are not messages and were not loaded"
                )
            yield table
            continue
        if isinstance(item, Record) and export_factiva.is_export(item.text):
            found = export_factiva.articles(item.text)
            yield from export_rows(rel, found, options, item.encoding)
            continue
        if isinstance(item, Record) and export_integrum.is_export(item.text):
            found = export_integrum.articles(item.text)
            yield from export_rows(rel, found, options, item.encoding)
            continue
        if isinstance(item, Record) and export_lexis.is_html_export(item.text):
            text = export_lexis.html_text(item.text)
            found = export_lexis.documents(text, lines=False)
            yield from export_rows(rel, found, options, item.encoding)
            continue
        if isinstance(item, Record):
            item = html_record(rel, item.text, item.encoding)
        yield item


def html_record(
    rel: str,
    html: str,
    encoding: str | None,
    *,
    url: str | None = None,
    meta: dict[str, Any] | None = None,
    record: int | None = None,
) -> Record:
    """A page's record as :func:`read_html` reads it, a kept page as its site served it
    (:mod:`toolkit.saved_pages`); ``url``, ``meta``: where and when an archive file says it was
    captured (a Wayback URL read as its original). A capture's time is meta, never the date."""
    saved = saved_pages.unwrap(html)
    page = read_html(saved.html)
    original = saved_pages.wayback_original(url)
    found = {"captured": original[1], "captured_by": "wayback"} if original else {}
    item = Record(rel, page["text"], page["title"], page["date"], encoding=encoding)
    item.note, item.record = page["date_note"], record
    item.url = (original[0] if original else url) or saved.url or page["url"]
    # the site name is evidence of the outlet only where the outlet tables know it
    # (toolkit.provenance reads it from meta): "Display Connectors, SL" is none
    item.meta = {k: page[k] for k in ("site_name", "author") if page[k]}
    item.meta |= (meta or {}) | found | saved.meta()
    return item


# ---------------------------------------------------------------- Word

# Why a Word file other than a database's export is not read, and what to do
WORD_HINT = (
    "a Word file is read only as a Nexis Uni export (documents closed by 'End of Document'):"
    " save its text as .txt and load that"
)


def _read_docx(path: str | Path, rel: str, options: dict[str, Any]) -> Iterator[Table | Skip]:
    """A Nexis Uni export in Word, one row per document (:mod:`toolkit.export_nexis_uni`);
    any other Word file is skipped with what to do."""
    try:
        lines = export_nexis_uni.paragraphs(path)
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, zlib.error, EOFError) as e:
        # a damaged archive fails while it is read (zlib), not only when it is opened
        reason = (
            f"not a readable Word file ({type(e).__name__}): save its text as .txt and load that"
        )
        yield Skip(rel, reason)
        return
    if not export_nexis_uni.is_export(lines):
        yield Skip(rel, f"unsupported file type {suffix(path)!r}: {WORD_HINT}")
        return
    yield from export_rows(rel, export_nexis_uni.documents(lines), options, "utf-8")


# ---------------------------------------------------------------- feeds


def _read_xml(path: str | Path, rel: str, options: dict[str, Any]) -> Iterator[Table | Skip]:
    """An RSS or Atom feed, one row per item (:mod:`toolkit.feeds`); other XML is skipped
    with what to do."""
    data = file_bytes(path, rel)
    if isinstance(data, Skip):
        yield data
    elif not feeds.is_feed(data):
        root = feeds.root_element(data)
        what = f" (its first element is <{root}>)" if root else ""
        yield Skip(rel, f"unsupported file type {suffix(path)!r}{what}: {feeds.NOT_A_FEED}")
    else:
        found = feeds.items(data)
        yield from export_rows(rel, found, options, found.encoding)


READERS = {  # by extension: a reader of (path, rel, options)
    ".txt": _read_plain,
    ".text": _read_plain,
    ".md": lambda p, r, o: _read_markdown(p, r),
    ".markdown": lambda p, r, o: _read_markdown(p, r),
    ".html": _read_html,
    ".htm": _read_html,
    ".csv": lambda p, r, o: read_delimited(p, r, o, ","),
    ".tsv": lambda p, r, o: read_delimited(p, r, o, "\t"),
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".json": read_json,
    ".parquet": read_parquet,
    ".docx": _read_docx,
    **dict.fromkeys((".xml", ".rss", ".atom", ".rdf"), _read_xml),
    ".warc": lambda p, r, o: archive_warc.read_warc(p, r, page=html_record),
    ".warc.gz": lambda p, r, o: archive_warc.read_warc(p, r, page=html_record),
    ".mhtml": lambda p, r, o: archive_mhtml.read_mhtml(p, r, page=html_record),
    ".mht": lambda p, r, o: archive_mhtml.read_mhtml(p, r, page=html_record),
    **dict.fromkeys(SPREADSHEETS, read_excel),
}


def suffix(name: str | Path) -> str:
    """A file name's extension as ``pathlib`` gives it ("" for "notes." and ".hidden"), a
    compressed WARC's whole (".warc.gz")."""
    if str(name).lower().endswith(".warc.gz") and len(Path(name).name) > 8:
        return str(name)[-8:]
    ext = os.path.splitext(name)[1]
    return "" if ext == "." else ext


def read_file(
    path: str | Path, rel: str, options: dict[str, Any]
) -> Iterator[Record | Table | Skip]:
    """Records (pages), tables and skips of one file; the extension picks the reader.

    Raises:
        InputError: the file is of an unsupported type, or holds columns polars cannot read
            as text (the message names the file and says what to change).
    """
    reader = READERS.get(suffix(path).lower())
    if reader is None:
        raise InputError(
            f"unsupported file type {suffix(path)!r}; supported: {', '.join(sorted(READERS))}",
            path=rel,
        )
    try:
        for item in reader(path, rel, options):
            yield unmarked(html_read(item)) if isinstance(item, Table) else item
    except OSError as e:
        yield Skip(rel, f"cannot read file: {e.strerror or e}")
    except (pl.exceptions.PolarsError, pl.exceptions.PanicException) as e:
        # Whatever a reader did not foresee in a table still names the file it came from.
        raise InputError(
            f"polars cannot read this file ({type(e).__name__}: {str(e).splitlines()[0]}); "
            "check that it is a well-formed table of text columns",
            path=rel,
        ) from e
