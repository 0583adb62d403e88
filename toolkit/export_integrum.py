"""Integrum's HTML report (the Russian press database's export of a search): one row per
article, as a table's records (:func:`toolkit.columns.table_of_records`), not one page of
every article run together.

The report opens with a list of its articles (a numbered link, source, date and issue each),
then writes each article as a ``<div>`` that holds a table of Integrum's fields, each
``^XX:`` and its value on the line under it (``^ИС:`` the source, ``^ДТ:`` the date, always
day first: "09.02.1994", ``^ЗГ:`` the headline, ``^АВ:`` the author, ``^РБ:`` the rubric,
``^НР:`` the issue...), then the headline again and the text in a ``<pre>``: a paragraph's
first line indented, its other lines wrapped. Search hits are marked with ``<font>`` and
``<b>``: their words are kept.

Example:
    >>> page = ('<html><body><h3>Report</h3><div align="left"><a name="1"></a><table><tr>'
    ...     '<td>^ИС:\\n  БелТА\\n<br>^ДТ:\\n  03.12.2019\\n<br>^ЗГ:\\n  Переговоры\\n<br></td>'
    ...     '</tr></table><h3>Переговоры</h3><pre>     Минск и Москва\\nдоговорились.\\n'
    ...     '     Дальше.</pre></div></body></html>')
    >>> is_export(page)
    True
    >>> row = articles(page).rows[0][2]
    >>> row["outlet"], row["date"], row["title"], row["text"]
    ('БелТА', '2019-12-03', 'Переговоры', 'Минск и Москва договорились.\\n\\nДальше.')
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from typing import Any

from lxml import html

from toolkit.export_lexis import Documents

__all__ = ["articles", "is_export"]

_FIELD = re.compile(r"\^([^\W\d_]{2}):\s*\n?(.*?)(?=\s*\^[^\W\d_]{2}:|\Z)", re.S)
# Integrum's field codes, as the row's keys
_CODES = {
    "ИС": "outlet", "ДТ": "date_written", "ЗГ": "title", "АВ": "byline", "РБ": "section",
    "НР": "issue", "ГО": "city", "ПР": "supplement", "СТ": "page", "ТМ": "topic",
    "ИД": "id", "ЯЗ": "language", "ТП": "type",
}  # fmt: skip
_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$")


def is_export(page: str) -> bool:
    """Whether an HTML page is Integrum's report: its articles' ``^ИС:`` and ``^ЗГ:`` fields."""
    return "^ИС:" in page and "^ЗГ:" in page and "<pre" in page.lower()


def articles(page: str) -> Documents:
    """The articles of a report, one record each: ``outlet`` (``^ИС:``), ``date`` (ISO,
    read in the export's own day-first form), ``date_written``, ``title``, ``byline``,
    ``section``, ``issue``, the other fields by code, and ``text``. An article with no text
    is skipped with its number; the list that opens the report is its header."""
    tree = html.fromstring(page)
    nodes = [div for div in tree.iter("div") if div.find("table") is not None]
    nodes = [div for div in nodes if "^" in div.find("table").text_content()]
    found = Documents()
    for index, node in enumerate(nodes):
        fields = _fields(node.find("table").text_content())
        pre = node.find("pre")
        fields["text"] = _paragraphs(pre.text_content()) if pre is not None else ""
        if not fields.get("title") and (heading := node.find("h3")) is not None:
            fields["title"] = " ".join(heading.text_content().split())
        where = f"article {index + 1} of {len(nodes)}"
        if not fields["text"]:
            found.skips.append((index, node.sourceline, f"{where}: no body"))
            continue
        found.rows.append((index, node.sourceline, {k: v for k, v in fields.items() if v}))
        if not fields.get("date"):
            said = fields.get("date_written")
            said = f"its date {said!r} is not day.month.year" if said else "no date (^ДТ:)"
            found.notes[index] = f"{where}: {said}; date left empty"
    listed = len(tree.xpath('//a[starts-with(@href, "#")]'))
    found.note = f"an Integrum export of {len(nodes)} articles"
    if listed:
        found.note += f"; its list of {listed} titles (the report's header) is no article"
    return found


def _fields(cell: str) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for code, value in _FIELD.findall(cell):
        fields.setdefault(_CODES.get(code, f"integrum_{code}"), " ".join(value.split()))
    if match := _DATE.match(fields.get("date_written", "")):
        day, month, year = (int(g) for g in match.groups())
        year += (1900 if year >= 50 else 2000) if len(match[3]) == 2 else 0
        with contextlib.suppress(ValueError):  # 31.02.1994: no date, and the note says so
            fields["date"] = dt.date(year, month, day).isoformat()
    return fields


def _paragraphs(text: str) -> str:
    """The ``<pre>`` text as paragraphs: an indented line or one after a blank opens one; the
    other lines continue it."""
    paragraphs: list[list[str]] = []
    blank = True
    for line in text.splitlines():
        if not line.strip():
            blank = True
            continue
        if blank or line[:1].isspace() or not paragraphs:
            paragraphs.append([])
        paragraphs[-1].append(line.strip())
        blank = False
    return "\n\n".join(" ".join(" ".join(p).split()) for p in paragraphs)
