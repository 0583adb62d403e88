"""Factiva's HTML export (a page of articles saved from Factiva's results): one row per
article, as a table's records (:func:`toolkit.columns.table_of_records`), not one page titled
"Factiva".

Each article is a ``<div class="article enArticle">`` (the two letters name its language) in
one of two layouts. The plain one writes a section ``<div>``, the headline in ``div#hd``
(``span.enHeadline``), the byline in ``div.author``, then unlabelled ``<div>`` s in a fixed
order: the word count ("808 words", "1285 Wörter", "354 字"), the date, a time where written,
the source's name and code, edition and page where written, the language and the copyright;
the body in ``p.articleParagraph``; then captions, the publisher and "Document <accession
number>". The layout "with indexing" writes a table of Factiva's field codes instead (``HD``
headline, ``BY`` byline, ``WC``, ``PD`` date, ``ET`` time, ``SN`` source, ``SC``, ``LA``,
``CY``, ``LP`` and ``TD`` the body, ``AN`` the accession number...), as tm.plugin.factiva
reads it. The date is passed as written: the toolkit's date reading reads it.

Example:
    >>> page = ('<div id="article-BELTA0020191203efc30001" class="article">'
    ...     '<div class="article enArticle"><div id="hd"><span class="enHeadline">Talks'
    ...     '</span></div><div>12 words</div><div>3 December 2019</div><div>BelTA</div>'
    ...     '<div>BELTA</div><div>English</div><p class="articleParagraph enarticleParagraph">'
    ...     'Minsk and Moscow agreed.</p><p>Document BELTA0020191203efc30001</p></div></div>')
    >>> is_export(page)
    True
    >>> row = articles(page).rows[0][2]
    >>> row["title"], row["date"], row["outlet"], row["id"]
    ('Talks', '3 December 2019', 'BelTA', 'BELTA0020191203efc30001')
"""

from __future__ import annotations

import re
from typing import Any

from lxml import html

from toolkit.export_lexis import Documents

__all__ = ["articles", "is_export"]

_ARTICLE = re.compile(r'class="article [a-z]{2}Article"')
_ARTICLES = '//div[starts-with(@class, "article ") and contains(@class, "Article")]'
_WORDS = re.compile(r"^\d[\d.,  ]*\s*\S+$")  # "808 words", "1.285 Wörter", "354 字"
_TIME = re.compile(r"^\d{1,2}:\d\d(?::\d\d)?(?:\s*[AP]M)?(?:\s*\S+)?$", re.I)
_LANGUAGE = re.compile(
    r"^[^\W\d_]+(?:[ ;,]+[^\W\d_]+){0,2}$"
)  # "English", "德文", "GERMAN; DEUTSCH"
_COPYRIGHT = re.compile(r"^(?:\(c\)|©|copyright\b)", re.I)
_ACCESSION = re.compile(
    r"^\S+\s+([A-Z][A-Z0-9]{4,}\w{10,})$"
)  # "Document IINM000020171113edbd0000d"
# The layout with indexing: Factiva's field codes, as the row's keys
_CODES = {
    "HD": "title", "BY": "byline", "WC": "words", "PD": "date", "ET": "time_of_day", "SN": "outlet",
    "SC": "source_code", "ED": "edition", "PG": "page", "VOL": "volume", "LA": "language",
    "CY": "copyright", "SE": "section", "CR": "credit", "AN": "id", "PUB": "publishing_company",
    "NS": "subjects", "RE": "regions", "CO": "companies", "IN": "industries", "IPC": "codes",
    "IPD": "descriptors", "RF": "reference", "CLM": "column", "ART": "captions",
}  # fmt: skip


def is_export(page: str) -> bool:
    """Whether an HTML page is a page of Factiva's export (its ``xxArticle`` blocks)."""
    return _ARTICLE.search(page) is not None


def articles(page: str) -> Documents:
    """The articles of an export page, one record each: ``id`` (the accession number),
    ``title``, ``byline``, ``section``, ``words``, ``date`` (as written), ``time_of_day``,
    ``outlet`` (the source's name), ``source_code``, ``language``, ``copyright``,
    ``publishing_company``,
    ``text`` (its paragraphs) and the other fields the article gives. An article with no body
    is skipped with its number and accession number."""
    tree = html.fromstring(page)
    nodes = tree.xpath(_ARTICLES)
    found = Documents(note=f"a Factiva export page of {len(nodes)} articles")
    for index, node in enumerate(nodes):
        table = node.find("table")
        fields = _indexed(table) if table is not None else _plain(node)
        fields.setdefault("id", (node.getparent().get("id") or "").removeprefix("article-"))
        fields = {k: v for k, v in fields.items() if v}
        where = f"article {index + 1} of {len(nodes)}" + (
            f" ({fields['id']})" if "id" in fields else ""
        )
        if not fields.get("text"):
            found.skips.append((index, node.sourceline, f"{where}: no body"))
        else:
            found.rows.append((index, node.sourceline, fields))
            if not fields.get("date"):
                found.notes[index] = f"{where}: no date; date left empty"
    return found


def _plain(node: Any) -> dict[str, Any]:
    """An article of the plain layout (see the module's docstring)."""
    fields: dict[str, Any] = {}
    before, after, body, rest = [], [], [], []
    for child in node:
        text = _text(child)
        klass = child.get("class") or ""
        if child.get("id") == "hd":
            headline = child.find(".//span")
            counted = headline is not None and "counted" in (headline.get("class") or "")
            fields["title"] = re.sub(r"^\d+\)\s*", "", text) if counted else text
        elif "author" in klass.split():
            fields["byline"] = text
        elif child.tag == "div" and not child.attrib and text:
            (after if "title" in fields else before).append(text)
        elif "articleParagraph" in klass or "articlePre" in klass:
            body.append(_text(child, keep_lines="articlePre" in klass))
        elif child.tag == "p" and body and text:
            rest.append(text)
    fields["section"] = " ".join(before)
    start = next((i for i, t in enumerate(after) if _WORDS.match(t)), None)
    if start is not None:
        fields["words"], *after = after[start:]
        for key in ("date", "time_of_day", "outlet", "source_code"):
            if after and (key != "time_of_day" or _TIME.match(after[0])):
                fields[key] = after.pop(0)
        if after and (_COPYRIGHT.match(after[-1]) or not _LANGUAGE.match(after[-1])):
            fields["copyright"] = after.pop()  # "Quelle: ... All rights reserved" too
        if after and _LANGUAGE.match(after[-1]):
            fields["language"] = after.pop()
        fields["edition_page"] = after
    if rest and (accession := _ACCESSION.match(rest[-1])):
        fields["id"] = accession[1]
        rest.pop()
    if rest:
        fields["publishing_company"] = rest.pop()  # no outlet: "publisher" would be read so
    fields["captions"] = rest
    fields["text"] = "\n\n".join(p for p in body if p)
    return fields


def _indexed(table: Any) -> dict[str, Any]:
    """An article of the layout with indexing: a table of field codes and values."""
    fields: dict[str, Any] = {}
    body = []
    for row in table.iter("tr"):
        cells = row.findall("td")
        if len(cells) < 2:
            continue
        code = re.sub(r"[^A-Z]", "", cells[0].text_content())
        if code in ("LP", "TD"):
            body += [_text(p) for p in cells[1].iter("p")] or [_text(cells[1])]
        elif code:
            key = _CODES.get(code, code.lower())
            fields.setdefault(key, _text(cells[1]))
    if accession := _ACCESSION.match(fields.get("id") or ""):
        fields["id"] = accession[1]
    fields["text"] = "\n\n".join(p for p in body if p)
    return fields


def _text(node: Any, *, keep_lines: bool = False) -> str:
    """A node's text, its spaces and line breaks one space (but a ``pre``'s lines kept)."""
    text = node.text_content()
    if keep_lines:
        return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())
    return " ".join(text.split())
