"""Nexis Uni (Lexis Advance) exports in Word (``.docx``): one row per document, as a table's
records (:func:`toolkit.columns.table_of_records`). Nexis Uni writes no text or HTML export:
its Word file is what researchers download.

The file opens with a cover (the user, the job, "Documents (50)" and a list of the titles),
then writes each document as paragraphs: the headline, the source (the outlet), the date line
("January 10, 2018 Wednesday 10:36 EST"), a copyright notice, fields ``Section:``,
``Length:``, ``Byline:``, ``Highlight:``, ``Dateline:``, the word ``Body`` and the body, then
``Classification`` and fields (``Language:``, ``Publication-Type:``, ``Subject:``...,
``Load-Date:``); "End of Document" closes it. The paragraphs are read from the file's
``word/document.xml`` (a ZIP of XML: no Word library needed).

Example:
    >>> paragraphs = ["Documents (1)", "1. Talks", "Talks in Minsk", "BelTA",
    ...     "December 3, 2019 Tuesday", "Copyright 2019 BelTA", "Length: 4 words", "Body",
    ...     "Minsk and Moscow agreed.", "Classification", "Language: ENGLISH",
    ...     "Load-Date: December 4, 2019", "End of Document"]
    >>> row = documents(paragraphs).rows[0][2]
    >>> row["title"], row["outlet"], row["date"], row["text"]
    ('Talks in Minsk', 'BelTA', 'December 3, 2019', 'Minsk and Moscow agreed.')
"""

from __future__ import annotations

import re
import zipfile
from typing import IO, Any

from lxml import etree

from toolkit.export_lexis import DATE as _DATE
from toolkit.export_lexis import Documents, date_fields, field_key

__all__ = ["documents", "is_export", "paragraphs"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_END = "End of Document"
_COVER = re.compile(r"^Documents \((\d+)\)$")
_FIELD = re.compile(r"^([A-Z][A-Za-z]*(?:[- ][A-Za-z]+)?): ?(.*)$", re.S)
# The fields a document's head and tail write, as the row's keys
_KEYS = {
    "Section": "section", "Length": "length", "Byline": "byline", "Highlight": "highlight",
    "Dateline": "dateline", "Language": "language", "Publication-Type": "publication_type",
    "Load-Date": "load_date", "Journal Code": "journal_code", "Subject": "subject",
    "Industry": "industry", "Person": "person", "Geographic": "geographic",
    "Organization": "organization", "Company": "company", "Ticker": "ticker", "Type": "type",
    "Document-Type": "document_type", "Series": "series", "Edition": "edition",
    "Column": "column", "Notes": "notes",
}  # fmt: skip
# Headings after the body: what follows each is no body ("Graphic" a caption, "Notes"...)
_SECTIONS = {"Classification": "tail", "Graphic": "graphic", "Notes": "notes",
             "Correction": "correction"}  # fmt: skip
_HEAD_KEYS = {"section", "length", "byline", "highlight", "dateline"}
_LISTED = re.compile(r"^1\. (.+)$")  # the cover's list: "1. <title>"
_COPYRIGHT = re.compile(r"^(?:Copyright\b|©|\(c\))", re.I)


def paragraphs(file: str | IO[bytes]) -> list[str]:
    """The text paragraphs of a Word file, each one line (a tab or line break a space).

    Raises:
        zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, zlib.error, EOFError: the file is
            no Word file, or a damaged one.
    """
    with zipfile.ZipFile(file) as archive, archive.open("word/document.xml") as xml:
        out = []
        for _, node in etree.iterparse(xml, tag=f"{_W}p", resolve_entities=False):
            parts = [
                (t.text or "") if t.tag == f"{_W}t" else " "
                for t in node.iter(f"{_W}t", f"{_W}tab", f"{_W}br")
            ]
            if text := " ".join("".join(parts).split()):
                out.append(text)
            node.clear()
        return out


def is_export(lines: list[str]) -> bool:
    """Whether a Word file's paragraphs are a Nexis Uni export: documents closed by "End of
    Document", each with a ``Body``."""
    return _END in lines and "Body" in lines


def documents(lines: list[str]) -> Documents:
    """The documents of an export's paragraphs, one record each: ``document`` (its number),
    ``title``, ``outlet``, ``date`` (as the date line writes it), ``date_line``, ``edition``,
    ``copyright``, the fields by name (``section``, ``length``, ``byline``, ``language``,
    ``load_date``...), ``graphic`` and ``text``. A document with no body is skipped with its
    number; the cover is the export's header."""
    ends = [i for i, line in enumerate(lines) if line == _END]
    cover_at = next((i for i, line in enumerate(lines[:50]) if _COVER.match(line)), None)
    cover = int(_COVER.match(lines[cover_at])[1]) if cover_at is not None else None
    listed = [
        m[1] for line in lines[cover_at or 0 : (cover_at or 0) + 20] if (m := _LISTED.match(line))
    ]
    cover_title = listed[0] if cover is not None and listed else None
    total = len(ends)
    found = Documents()
    start = 0
    for index, end in enumerate(ends):
        number = f"{index + 1} of {total}"
        fields = _document(lines[start:end], cover_title=cover_title if index == 0 else None)
        start = end + 1
        if not fields.get("text"):
            found.skips.append((index, None, f"document {number}: no body"))
            continue
        found.rows.append((index, None, {"document": number, **fields}))
        if "date" not in fields:
            found.notes[index] = f"document {number}: no date under its source; date left empty"
    note = f"a Nexis Uni export of {total} documents"
    if cover is not None:
        note += "; its cover (the job, the list of titles) is no article"
        if cover != total:
            note += f"; the cover says {cover} documents: this file holds {total}"
    if lines[start:]:
        note += f"; {len(lines) - start} paragraphs after the last document were not read"
    found.note = note
    return found


def _document(block: list[str], *, cover_title: str | None) -> dict[str, Any]:
    """One document's fields from its paragraphs (see the module's docstring); the first
    document's paragraphs follow the cover, whose list names its title (``cover_title``)."""
    at = next((i for i, line in enumerate(block) if _field(line) or line == "Body"), len(block))
    head, rest = block[:at], block[at:]
    fields: dict[str, Any] = {}
    while head and (extra := _FIELD.match(head[-1])):  # "Distribution: Every Zone"
        fields.setdefault(field_key(extra[1]), extra[2].strip())
        head.pop()
    while head and (_COPYRIGHT.match(head[-1]) or head[-1] == "Correction Appended"):
        fields["correction" if head[-1] == "Correction Appended" else "copyright"] = head.pop()
    if cover_title is not None:  # the cover ends where the first document's title is
        starts = [i for i, line in enumerate(head) if line == cover_title]
        head = head[starts[-1] :] if starts else head[-3:]
    date_at = next((i for i in range(len(head) - 1, 0, -1) if _DATE.search(head[i])), None)
    if date_at is not None:
        fields |= date_fields(head[date_at : date_at + 1])
        head = head[:date_at] + head[date_at + 1 :]
    if head:
        fields["title"] = head.pop(0)
    if head:
        fields["outlet"] = head.pop(0)
    fields["other_lines"] = head  # between the outlet and the date: "(Green)"
    body: list[str] = []
    section = "head"
    for line in rest:
        key = _field(line)
        if line == "Body" and section == "head":
            section = "body"
        elif line in _SECTIONS and section != "head":
            section = _SECTIONS[line]
        elif key and (section != "body" or key[0] not in _HEAD_KEYS):
            fields.setdefault(*key)  # a tail's field ends the body where no heading did
            section = "tail" if section != "head" else section
        elif section == "body":
            body.append(line)
        elif section not in ("head", "tail"):
            fields[section] = " ".join(filter(None, [fields.get(section), line]))
    fields["text"] = "\n\n".join(body)
    return {k: v for k, v in fields.items() if v}


def _field(line: str) -> tuple[str, str] | None:
    """A paragraph's field name (as a row's key) and value, if it is one of ``_KEYS``."""
    match = _FIELD.match(line)
    if not match or match[1] not in _KEYS:
        return None
    return _KEYS[match[1]], match[2].strip()
