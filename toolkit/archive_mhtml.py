"""Pages a browser saved as one file (``.mhtml``, ``.mht``): the page's HTML read as a page.

MHTML is a MIME message (``multipart/related``): the page's HTML and its images, styles and
frames, each a part with its ``Content-Location``. Chrome writes the page's address in the
message's ``Snapshot-Content-Location`` header and the time it was saved in ``Date``; other
browsers name it in the HTML part's ``Content-Location``. The standard library's ``email``
parses the message; the main HTML part (the one at the page's address, else the first) is
read as a ``.html`` file is (``page``: :func:`toolkit.readers.html_record`), with ``url`` that
address and the save time in ``meta`` as ``captured`` (when the page was saved, never when the
article was published).

Example:
    >>> item = next(read_mhtml("talks.mhtml", "talks.mhtml", page=html_record))  # doctest: +SKIP
    >>> item.url, item.meta["captured"]                                      # doctest: +SKIP
    ('https://www.belta.by/politics/view/talks-1.html', '2025-09-24T08:11:12Z')
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import email.utils
import re
from collections.abc import Callable, Iterator
from email.message import EmailMessage
from pathlib import Path

from toolkit.decode import decode
from toolkit.records import Record, Skip, file_bytes

__all__ = ["is_mhtml", "read_mhtml"]

_HTML = ("text/html", "application/xhtml+xml")
_HEAD_CHARS = 4096  # where an MHTML file's headers are
# MIME headers from the first line, one of them saying the body is multipart/related
_MHTML_HEAD = re.compile(
    r"\A(?:[A-Za-z][\w-]*:[^\n]*\n(?:[ \t][^\n]*\n)*)*?Content-Type:\s*multipart/related", re.I
)
_WHAT_TO_DO = "save the page again (Save as: 'Webpage, Single File' or 'Webpage, HTML only')"


def is_mhtml(text: str) -> bool:
    """Whether a file's text is an MHTML file (MIME headers, then a multipart/related body),
    whatever its name: a page saved as "Webpage, Single File" and renamed ``.html``."""
    return _MHTML_HEAD.match(text[:_HEAD_CHARS]) is not None


def read_mhtml(
    path: str | Path, rel: str, *, page: Callable[..., Record]
) -> Iterator[Record | Skip]:
    """The page of an MHTML file, or the Skip that says why there is none.

    Args:
        path: the file.
        rel: how the report names it.
        page: reads a page's HTML into a record (``page(rel, html, encoding, url=...,
            meta=...)``), as a ``.html`` file is read.
    """
    data = file_bytes(path, rel)
    if isinstance(data, Skip):
        yield data
        return
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not message.is_multipart() and message.get_content_type() not in _HTML:
        yield Skip(rel, f"not an MHTML file (no MIME parts, no HTML); {_WHAT_TO_DO}")
        return
    # Chrome before 2021 (or so) wrote the header with an "X-"
    where = _header(message, "Snapshot-Content-Location") or _header(
        message, "X-Snapshot-Content-Location"
    )
    part = _main_part(message, where)
    if part is None:
        yield Skip(rel, f"an MHTML file with no HTML part; {_WHAT_TO_DO}")
        return
    html, encoding = _text(part)
    if html is None:
        yield Skip(rel, f"the MHTML file's HTML part is not text ({encoding}); {_WHAT_TO_DO}")
        return
    url = where or _header(part, "Content-Location")
    saved = _iso(message.get("Date"))
    meta = {"captured": saved, "captured_by": "mhtml"} if saved else {}
    yield page(rel, html, encoding, url=url if url and "://" in url else None, meta=meta)


def _header(message: EmailMessage, name: str) -> str | None:
    """A header's value, folded lines joined (Chrome folds a long address), or None."""
    value = message.get(name)
    if value is None:
        return None
    value = "".join(str(value).split())
    return value or None


def _main_part(message: EmailMessage, where: str | None) -> EmailMessage | None:
    """The HTML part at the page's address, else the first HTML part."""
    parts = [p for p in message.walk() if p.get_content_type() in _HTML]
    at = [p for p in parts if where and _header(p, "Content-Location") == where]
    return (at or parts or [None])[0]


def _text(part: EmailMessage) -> tuple[str | None, str]:
    """The part's HTML (transfer encoding undone) and its character set: the one the part
    declares, else the one :func:`toolkit.decode.decode` finds."""
    data = part.get_payload(decode=True) or b""
    charset = part.get_content_charset()
    if charset:
        try:
            return data.decode(charset), charset
        except (LookupError, UnicodeDecodeError):
            pass  # a charset named wrong: found from the bytes instead
    decoded = decode(data)
    return decoded.text, decoded.encoding


def _iso(date: object) -> str | None:
    """An RFC 2822 date (``Wed, 24 Sep 2025 08:11:12 -0000``) as ISO time, UTC."""
    if not date:
        return None
    try:
        when = email.utils.parsedate_to_datetime(str(date))
    except (TypeError, ValueError):
        return str(date)
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC).replace(tzinfo=None)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")
