"""Telegram Desktop's HTML export of a channel or chat (``messages.html``, ``messages2.html``...):
one row per message, as a table's records (:func:`toolkit.columns.table_of_records`), not one
page of every message run together.

The export writes each message as ``<div class="message default clearfix" id="message…">`` in
the ``history``: a ``body`` with the time in a ``date details`` element's ``title``
("03.12.2024 10:05:00 UTC+03:00": day first, always), the sender in ``from_name`` (left out on
a message that follows one of the same sender's, marked ``joined``) and the text in ``text``
(``<br>`` for its line breaks); a forwarded message holds them in a ``forwarded body``. The
channel's name heads the page. Service messages (the day's date, a pinned message) are not
messages and are left out.

Example:
    >>> page = ('<div class="page_header"><div class="text bold">БелТА</div></div>'
    ...     '<div class="history"><div class="message default clearfix" id="message5">'
    ...     '<div class="body"><div class="pull_right date details" '
    ...     'title="03.12.2024 10:05:00 UTC+03:00">10:05</div>'
    ...     '<div class="from_name">БелТА</div><div class="text">Talks<br>in Minsk</div>'
    ...     '</div></div></div>')
    >>> is_export(page)
    True
    >>> messages(page)[0][0][2]
    {'id': '5', 'date': '2024-12-03T10:05:00+03:00', 'from': 'БелТА', 'text': 'Talks\\nin Minsk', 'channel': 'БелТА'}
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from lxml import html

__all__ = ["is_export", "messages"]

_MESSAGE = re.compile(r'class="message (?:default|service)[ "]')
_CLASS = 'contains(concat(" ", normalize-space(@class), " "), " {} ")'
_MESSAGES = f"//div[{_CLASS.format('message')} and {_CLASS.format('default')}]"
_SERVICE = f"//div[{_CLASS.format('message')} and {_CLASS.format('service')}]"
_DATE_FORMATS = ("%d.%m.%Y %H:%M:%S UTC%z", "%d.%m.%Y %H:%M:%S")


def is_export(text: str) -> bool:
    """Whether an HTML page is a page of Telegram Desktop's export (its history of messages)."""
    return '<div class="history">' in text and _MESSAGE.search(text) is not None


def messages(text: str) -> tuple[list[tuple[int, int | None, dict[str, Any]]], int]:
    """The messages of an export page as records ``(index, line, fields)``: ``id``, ``date``
    (ISO, read in the export's own day-first form), ``from`` (the sender, carried over to the
    ``joined`` messages that leave it out), ``text``, ``forwarded_from`` (where forwarded) and
    ``channel`` (the name heading the page); a field the message lacks is left out. And how
    many service entries the page holds (a day's heading, "pinned a message"): not messages,
    they are not loaded, and the load report's note counts them."""
    tree = html.fromstring(text)
    channel = _text(
        tree.xpath(f"//div[{_CLASS.format('page_header')}]//div[{_CLASS.format('text')}]")
    )
    rows, sender = [], None
    for index, node in enumerate(tree.xpath(_MESSAGES)):
        body = node.xpath(f"./div[{_CLASS.format('body')}]")
        body = body[0] if body else node
        sender = _text(body.xpath('./div[@class="from_name"]')) or sender
        own = body.xpath('./div[@class="text"]')
        forwarded = body.xpath(f"./div[{_CLASS.format('forwarded')}]")
        fields = {
            "id": node.get("id", "").removeprefix("message") or None,
            "date": _date(body.xpath(f"./div[{_CLASS.format('date')}]/@title")),
            "from": sender,
            "text": _text(own or (forwarded[0].xpath('./div[@class="text"]') if forwarded else [])),
            "forwarded_from": _text(forwarded[0].xpath('./div[@class="from_name"]'))
            if forwarded
            else None,
            "channel": channel,
        }
        rows.append((index, node.sourceline, {k: v for k, v in fields.items() if v is not None}))
    return rows, len(tree.xpath(_SERVICE))


def _text(nodes: list) -> str | None:
    """The text of the first of ``nodes``, its ``<br>`` as line breaks, stripped; None if none."""
    if not nodes:
        return None
    node = nodes[0]
    for br in node.iter("br"):
        br.tail = "\n" + (br.tail or "")
    lines = (line.strip() for line in node.text_content().split("\n"))
    return "\n".join(lines).strip() or None


def _date(titles: list[str]) -> str | None:
    """A message's time as ISO, from the export's "03.12.2024 10:05:00 UTC+03:00"; None if
    the export wrote none or another form."""
    for title in titles[:1]:
        for form in _DATE_FORMATS:
            try:
                return dt.datetime.strptime(title.strip(), form).isoformat()
            except ValueError:
                continue
    return None
