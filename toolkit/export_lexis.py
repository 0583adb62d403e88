"""LexisNexis (Academic, Nexis UK) exports in text or HTML: one row per document, as a table's
records (:func:`toolkit.columns.table_of_records`), not one page of every document run together.

The export numbers each document on a line of its own ("1 of 10 DOCUMENTS"), then writes, a
paragraph each: the source (the outlet), the date line ("January 11, 2010 Monday", an edition
on the lines under it or after the year), the headline, fields ``BYLINE:``, ``SECTION:``,
``LENGTH:`` (``AUTOR:``, ``RUBRIK:``, ``LÄNGE:`` in German), the body (after ``BODY:`` where the
export writes one), trailing fields (``LOAD-DATE:``, ``LANGUAGE:``, ``PUBLICATION-TYPE:``...)
and a copyright notice. What comes before the first document (the download request, its
terms) is the export's header, not an article. The HTML export writes the same paragraphs as
``<DIV>`` and ``<P>`` blocks: :func:`html_text` turns it into that text.

Example:
    >>> export = ("Download Request: Selected Items: 1-1\\n\\n  1 of 1 DOCUMENTS\\n\\n"
    ...     "   Guardian.com\\n\\n  January 11, 2010 Monday\\n\\nTalks in Minsk\\n\\n"
    ...     "BYLINE: Andrew Sparrow\\n\\nLENGTH: 355 words\\n\\nMinsk and Moscow\\nagreed.\\n\\n"
    ...     "LOAD-DATE: January 11, 2010\\n\\n  Copyright 2010 Guardian Unlimited\\n")
    >>> is_export(export)
    True
    >>> found = documents(export)
    >>> found.rows[0][2]["title"], found.rows[0][2]["date"], found.rows[0][2]["text"]
    ('Talks in Minsk', 'January 11, 2010', 'Minsk and Moscow agreed.')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lxml import html

from toolkit.column_names import COLUMN_ALIASES

__all__ = [
    "DATE",
    "Documents",
    "date_fields",
    "documents",
    "html_text",
    "is_export",
    "is_html_export",
]

# "1 of 10 DOCUMENTS" on a line of its own, centred with spaces in the text export
_NUMBER = re.compile(r"^[ \t\xa0]*(\d+) of (\d+) DOCUMENTS[ \t\xa0\r]*$", re.M)
_FIELD = re.compile(r"^([A-ZÄÖÜ][A-ZÄÖÜ0-9]*(?:[- ][A-ZÄÖÜ0-9]+)*):(?:\s+(.*))?\Z", re.S)
# Fields named in English and German exports, as the row's keys
_KEYS = {
    "BYLINE": "byline", "AUTOR": "byline", "SECTION": "section", "RUBRIK": "section",
    "LENGTH": "length", "LÄNGE": "length", "LANGUAGE": "language", "SPRACHE": "language",
    "LOAD-DATE": "load_date", "PUBLICATION-TYPE": "publication_type", "DATELINE": "dateline",
    "HIGHLIGHT": "highlight", "GRAPHIC": "graphic", "GRAFIK": "graphic", "URL": "url",
    "HEADLINE": "title", "JOURNAL-CODE": "journal_code", "UPDATE": "update",
    "DOCUMENT-TYPE": "document_type", "CORRECTION-DATE": "correction_date", "TYPE": "type",
    "SERIES": "series", "COLUMN": "column", "NOTES": "notes", "EDITION": "edition",
    "DISTRIBUTION": "distribution", "SUBJECT": "subject", "ORGANIZATION": "organization",
    "PERSON": "person", "GEOGRAPHIC": "geographic", "CITY": "city", "COUNTRY": "country",
    "STATE": "state", "INDUSTRY": "industry", "COMPANY": "company", "TICKER": "ticker",
    "ACC-NO": "accession_number", "BODY": "text", "PUBLIKATIONSTYP": "publication_type",
    "DOKUMENT-TYP": "document_type",
}  # fmt: skip
# Names the table's columns read as fields (toolkit.columns): another field named so is kept
# apart ("SOURCE:" is no outlet line), under "lexis_<name>"
_READ_AS_FIELDS = {a for aliases in COLUMN_ALIASES.values() for a in aliases}
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_COPYRIGHT = re.compile(r"^(?:Copyright\b|©|\(c\)|All Rights Reserved)", re.I)
# A date as the date line writes it: "January 11, 2010", "27. Februar 2012", "2010-01-11"
DATE = re.compile(
    r"\b(?:[^\W\d_]{3,}\.? \d{1,2},? (?:1[89]|20)\d\d|\d{1,2}\.? [^\W\d_]{3,}\.?,? (?:1[89]|20)\d\d"
    r"|(?:1[89]|20)\d\d-\d\d-\d\d)\b"
)


@dataclass
class Documents:
    """An export's documents: ``rows`` (index, line, fields) of those read, ``skips``
    (index, line, reason) of those that are no article, what the file ``note`` says of it
    (the header, numbers that disagree) and the ``notes`` of rows by index."""

    rows: list[tuple[int, int | None, dict[str, Any]]] = field(default_factory=list)
    skips: list[tuple[int, int | None, str]] = field(default_factory=list)
    note: str | None = None
    notes: dict[int, str] = field(default_factory=dict)  # a row's (by index): no date read
    encoding: str | None = None  # what the file was decoded with, where the reader decoded it


def is_export(text: str) -> bool:
    """Whether a text is a LexisNexis export: its documents' "N of M DOCUMENTS" lines."""
    return _NUMBER.search(text) is not None


def is_html_export(page: str) -> bool:
    """Whether an HTML page is LexisNexis's HTML export (its ``<DOC NUMBER=`` blocks or the
    documents' "N of M DOCUMENTS" paragraphs)."""
    return "<DOC NUMBER=" in page or re.search(r">\s*\d+ of \d+ DOCUMENTS\s*<", page) is not None


def html_text(page: str) -> str:
    """The HTML export as the text export writes it: a paragraph (``<P>``, a ``<DIV>`` of
    text) a block of lines, ``<BR>`` a line break."""
    tree = html.fromstring(page)
    body = tree.find("body")
    for node in (body if body is not None else tree).iter():
        if node.tag == "br":
            node.tail = "\n" + (node.tail or "")
        elif node.tag in ("p", "div"):
            node.tail = "\n\n" + (node.tail or "")
    return (body if body is not None else tree).text_content()


def documents(text: str, *, lines: bool = True) -> Documents:
    """The documents of a text export, one record each: ``document`` ("3 of 10"), ``outlet``
    (the source line), ``date`` (the date as the date line writes it: the toolkit's date
    reading reads it), ``date_line``, ``edition``, ``title``, ``text``, the fields by name
    (``byline``, ``section``, ``length``, ``load_date``, ``language``, ``publication_type``...)
    and ``copyright``. A document with no body is skipped with its number. ``lines``: give
    each record the line its number is on (not where the text is an HTML page's)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    marks = list(_NUMBER.finditer(text))
    found = Documents()
    line, at = 1, 0
    for index, mark in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(text)
        line, at = line + text.count("\n", at, mark.start()), mark.start()
        number = f"{mark[1]} of {mark[2]}"
        fields = _document(text[mark.end() : end])
        if not fields.get("text"):
            found.skips.append((index, line if lines else None, f"document {number}: no body"))
            continue
        found.rows.append((index, line if lines else None, {"document": number, **fields}))
        if "date_line" in fields and "date" not in fields:
            said = f"its date line {fields['date_line']!r} gives no day"
            found.notes[index] = f"document {number}: {said}; date left empty"
        elif "date" not in fields:
            said = "no date line under its source"
            found.notes[index] = f"document {number}: {said}; date left empty"
    found.note = _file_note(text[: marks[0].start()] if marks else "", marks)
    return found


def _file_note(header: str, marks: list[re.Match]) -> str:
    totals = sorted({int(m[2]) for m in marks})
    numbers = [int(m[1]) for m in marks]
    said = "" if not header.strip() else "; its header (the download request) is no article"
    note = f"a LexisNexis export of {len(marks)} documents{said}"
    if len(totals) > 1:
        note += f"; its documents' numbers disagree on the total ({', '.join(map(str, totals))})"
    elif totals and totals[0] != len(marks):
        note += f"; the export numbers {totals[0]} documents: this file holds {len(marks)}"
    if len(set(numbers)) < len(numbers):
        note += "; a document number appears more than once"
    return note


def _document(block: str) -> dict[str, Any]:
    """One document's fields from its paragraphs (see the module's docstring)."""
    paragraphs = [
        lines
        for part in re.split(r"\n[ \t\xa0]*\n", block)
        if (lines := [s for raw in part.split("\n") if (s := " ".join(raw.split()))])
    ]
    fields: dict[str, Any] = {}
    notice = []
    while paragraphs and _COPYRIGHT.match(paragraphs[-1][0]):
        notice.insert(0, " ".join(paragraphs.pop()))
    tail = len(paragraphs)  # the trailing fields: a run of fields whose first is a known one
    while tail > 0 and _field(paragraphs[tail - 1], known=False):
        tail -= 1
    while tail < len(paragraphs) and not _field(paragraphs[tail], known=True):
        tail += 1
    head = paragraphs[:tail]
    if len(head) > 2 and head[1][0].startswith("Distributed by "):  # a wire's note
        fields["distributor"] = " ".join(head.pop(1))
    if head and _COPYRIGHT.match(head[0][0]):  # Academic's layout: the notice first, and
        lines = head.pop(0)  # the source its last line where the date line follows
        if len(lines) > 1 and head and _YEAR.search(head[0][0]):
            head.insert(0, [lines.pop()])
        notice.insert(0, " ".join(lines))
    if notice:
        fields["copyright"] = " ".join(notice)
    if head and not _field(head[0], known=True):
        fields["outlet"] = " ".join(head.pop(0))
    if head and not _field(head[0], known=True) and _YEAR.search(head[0][0]):
        fields |= date_fields(head.pop(0))  # "Spring 2010" too: a date line with no day
    # the headline: what comes before the first field (the first paragraph where none does)
    first = next(
        (i for i, lines in enumerate(head) if _field(lines, known=True)), min(len(head), 1)
    )
    title = [" ".join(lines) for lines in head[:first]]
    head = head[first:]
    body: list[str] = []
    for lines in head:  # the leading fields, then the body; BODY: opens it where written
        key, value = (None, None) if body else _field(lines, known=True) or (None, None)
        if key == "text":
            body += [value] if value else [""]
        elif key:
            fields.setdefault(key, value)
        else:
            body.append(" ".join(lines))
    for lines in paragraphs[tail:]:
        key, value = _field(lines, known=False) or (None, None)
        fields.setdefault(key, value)
    if title:
        fields["title"] = " ".join(title)
    fields["text"] = "\n\n".join(p for p in body if p)
    return {k: v for k, v in fields.items() if v}


def date_fields(lines: list[str]) -> dict[str, str]:
    """A date paragraph's ``date_line`` (its first line), ``date`` (the date in it, as
    written: "January 11, 2010") and ``edition`` (what follows the date and its weekday and
    time, and the lines under it: "Edition 1; Scotland"); a part it lacks is left out.

    Example:
        >>> date_fields(["June 17, 1995, CITY EDITION"])["edition"]
        'CITY EDITION'
    """
    fields = {"date_line": lines[0]}
    date = DATE.search(lines[0])
    if date:
        fields["date"] = date[0]
    rest = _WEEKDAY_TIME.sub("", lines[0][date.end() :].strip(" ,;\xa0")) if date else ""
    if edition := " ".join(e for e in (rest, *lines[1:]) if e):
        fields["edition"] = edition
    return fields


# What the date line may hold after the year besides an edition: a weekday, a time and zone
_WEEKDAY_TIME = re.compile(
    r"^(?:[^\W\d_]+(?:day|tag|woch)\b)?[ ,]*"
    r"(?:\d{1,2}[:.]\d\d(?:[:.]\d\d)?(?: ?[AP]M)?(?: ?(?:GMT|UTC|[A-Z]{2,4})(?:[+-]\d{1,4})?)?)?",
    re.I,
)


def _field(lines: list[str], *, known: bool) -> tuple[str, str | None] | None:
    """A paragraph's field name (as a row's key) and value, if it is a field ("BYLINE: ...");
    ``known``: only a field of the names in ``_KEYS``."""
    match = _FIELD.match("\n".join(lines))
    if not match or (known and match[1] not in _KEYS):
        return None
    key = _KEYS.get(match[1]) or field_key(match[1])
    return key, " ".join((match[2] or "").split()) or None


def field_key(name: str) -> str:
    """A field's name as a row's key ("PUBLICATION-TYPE": ``publication_type``); one the
    table's columns would read as a field ("SOURCE:", no outlet line) as ``lexis_source``.

    Example:
        >>> field_key("JOURNAL-CODE"), field_key("Source")
        ('journal_code', 'lexis_source')
    """
    key = name.lower().replace("-", "_").replace(" ", "_")
    return f"lexis_{key}" if key in _READ_AS_FIELDS else key
