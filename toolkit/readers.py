"""File readers: each turns one input file into raw records and accounts for what it skipped.

A reader yields :class:`Record` (a page: one article, fields as found), :class:`Table` (the
articles of a table file, one row each) and :class:`Skip` (a record or the whole file left out,
with a reason and the line where known); see :mod:`toolkit.records`. Pages (text, Markdown,
HTML) are read here, tables in :mod:`toolkit.tables`. Readers do no cleaning.
"""

from __future__ import annotations

import logging
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
from toolkit.columns import table_of_records
from toolkit.decode import looks_binary
from toolkit.errors import InputError
from toolkit.html_dates import checked_date
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
_MD_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def _read_markdown(path: str | Path, rel: str) -> Iterator[Record | Skip]:
    for item in _read_text(path, rel):
        if isinstance(item, Record) and item.text:
            text = item.text.replace("\r\n", "\n")
            front = _MD_FRONT.match(text)
            if front:
                try:
                    meta = yaml_safe(front.group(1))
                except ValueError:
                    meta = {}
                text = text[front.end() :]
                item.title = text_value(meta.get("title"))
                item.date = text_value(meta.get("date"))
                item.url = text_value(meta.get("url"))
                item.outlet = text_value(meta.get("outlet") or meta.get("source"))
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

# trafilatura's own defaults, less reader comments (not the article) and with the date search
# htmldate does beyond the page's metadata (the URL, the visible text).
_TRAFILATURA = {
    "with_metadata": True,
    "include_comments": False,
    "include_tables": True,
    "date_extraction_params": {"extensive_search": True, "original_date": True},
}


def read_html(text: str) -> dict[str, Any]:
    """A page's article read by trafilatura: ``title``, ``date`` (ISO, through htmldate; a
    month's or a copyright year's first day is none: :mod:`toolkit.html_dates`, ``date_note``),
    ``url``, ``site_name``, ``author`` and ``text`` (one paragraph per line; empty when
    trafilatura finds no article), null where the page does not say.

    The title is the page's ``<h1>`` where the title trafilatura found is that heading with a
    site name or section around it ("Opinion | ...", "... - Auto News"), else that title less a
    part that names the site (its ``og:site_name``).

    Example:
        >>> nav = "".join(f"<li><a href=/{i}>Section {i}</a></li>" for i in range(40))
        >>> page = read_html("<html><head><title>Oil talks | Site</title></head><body>"
        ...     f"<nav><ul>{nav}</ul></nav><article><h1>Oil talks</h1>"
        ...     "<p>Minsk and Moscow agreed on Friday to hold talks about oil supplies.</p>"
        ...     "<p>The talks take place in Sochi next month, the ministry said.</p>"
        ...     "</article></body></html>")
        >>> page["title"], page["text"].splitlines()[-1]
        ('Oil talks', 'The talks take place in Sochi next month, the ministry said.')
    """
    import trafilatura

    # trafilatura logs what it cannot read ("parsed tree length: 1, wrong data type or not
    # valid HTML"); the load report says it of the file, with what to do, once
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    tree = trafilatura.load_html(text)
    if tree is None:
        return {"title": None, "date": None, "date_note": None, "url": None, "site_name": None,
                "author": None, "text": ""}  # fmt: skip
    headings = [_SPACES.sub(" ", h.text_content()).strip() for h in tree.iter("h1")]
    doc = trafilatura.bare_extraction(tree, **_TRAFILATURA)
    found = doc.as_dict() if doc is not None else {}
    site_name = found.get("sitename") or None
    date, date_note = checked_date(found.get("date") or None, text, found.get("url") or None)
    return {
        "title": page_title(found.get("title"), headings, site_name),
        "date": date,
        "date_note": date_note,
        "url": found.get("url") or None,
        "site_name": site_name,
        "author": found.get("author") or None,
        "text": found.get("text") or "",
    }


_SPACES = re.compile(r"\s+")
# A title's parts: "Opinion | Title", "Title - Site", "Title — Site News".
_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—:·•»]\s+|\s*\|\s*")
_EXTRA_WORDS = 6  # what a heading may leave of its page title: a site or section name


# A Chinese site's name after a title, set off with or without spaces: "...-新华网", "..._人民网",
# " - 中国日报网": names of sites, papers, agencies and stations end so
_CJK_SITE = re.compile(
    r"(?<=[\u4e00-\u9fff》」”）)])\s*[-_|–—]\s*[\u4e00-\u9fffA-Za-z]{1,10}(?:网|報|报|社|台|频道|新闻)$"
)


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()


def page_title(title: str | None, headings: list[str], site_name: str | None) -> str | None:
    """The page's title without a site name or section label around it.

    Example:
        >>> page_title("Opinion | Trump to Nowhere", ["The Times", "Trump to Nowhere"], None)
        'Trump to Nowhere'
        >>> page_title("Sentra review - Auto News", [], "Auto News")
        'Sentra review'
        >>> page_title("短缺药品保供稳价 全力保障临床用药需求-新华网", [], None)
        '短缺药品保供稳价 全力保障临床用药需求'
    """
    if not title:
        return None
    title = _SPACES.sub(" ", title).strip()
    for _ in range(2):  # "...-文化娱乐-北方网 - 北方网": the site twice
        title = _CJK_SITE.sub("", title)
    for heading in headings:
        if len(heading) >= 10 and heading != title and heading in title:
            rest = title.replace(heading, " ", 1)
            if not _key(_TITLE_SEPARATOR.sub("", rest.strip())) or (
                _TITLE_SEPARATOR.search(f" {rest} ")
                and len(rest.split()) <= _EXTRA_WORDS
                and not re.search(r"\w$", title.split(heading, 1)[0])
            ):
                return heading
    if site_name and _key(site_name):
        parts = _TITLE_SEPARATOR.split(title)
        if len(parts) > 1:
            if _key(parts[-1]) == _key(site_name):
                return title[: title.rfind(parts[-1])].rstrip(" |-–—:·•»")
            if _key(parts[0]) == _key(site_name):
                return title[len(parts[0]) :].lstrip(" |-–—:·•»")
    return title


def _read_html(
    path: str | Path, rel: str, options: dict[str, Any]
) -> Iterator[Record | Table | Skip]:
    for item in _read_text(path, rel):
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
