"""Web archives (``.warc``, ``.warc.gz``): one page per HTML response, read with warcio.

A WARC holds a crawl's records: the requests sent, the responses got (pages, images, scripts,
redirects, errors), revisits (a page unchanged since an earlier capture, stored without its
body), metadata and the crawl's own description. Each HTML response of status 200 is read as
a ``.html`` file is (``page``: :func:`toolkit.readers.html_record`) with ``url`` its
``WARC-Target-URI`` and its ``WARC-Date`` in ``meta`` as ``captured`` (when the crawler saw
the page, never when the article was published). Every other record is accounted for: an
error, a redirect or a revisit of a page by its record and URL, the rest counted by kind, per
file. Records are streamed, one at a time: a WARC of many gigabytes is never read whole.

A file damaged or cut short gives the pages read before the damage, and a report row that says
where it broke and what to do.

Example:
    >>> for item in read_warc("crawl.warc.gz", "crawl.warc.gz", page=html_record):  # doctest: +SKIP
    ...     print(item.url, item.meta["captured"])
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from toolkit.decode import decode
from toolkit.records import Record, Skip

__all__ = ["MAX_PAGE_MB", "read_warc"]

MAX_PAGE_MB = 50.0  # an HTML response larger than this is no article page: skipped, not read

_HTML = ("text/html", "application/xhtml+xml")
# What a record that is no page is, by its WARC-Type, counted so in the report
_NOT_PAGES = {
    "warcinfo": "the crawl's description",
    "request": "what the crawler sent",
    "metadata": "the crawler's notes on a capture (links found, timings)",
    "conversion": "a capture converted to another format",
    "continuation": "the rest of a record cut in two (segmented records are not read)",
}
_REPAIR = (
    "the records before it were read; re-download the file, or copy what is whole with "
    "`warcio recompress FILE NEW.warc.gz` and load that"
)

Page = Callable[..., Record]
# What warcio raises on a damaged file: its own error, a broken gzip member, a file cut short;
# on a record cut inside its headers, what its parser meets (a header missing: AttributeError)
_PARSER = (AttributeError, IndexError, KeyError, TypeError)
# What a body's decompressor (gzip, deflate, brotli) raises on a body it cannot undo
_UNPACKING = (zlib.error, EOFError, ValueError, AttributeError, IndexError, KeyError, TypeError)
try:
    import brotli  # warcio's brotli binding (brotlipy): its error is no standard one

    _UNPACKING += tuple(e for e in (getattr(brotli, "Error", None),) if isinstance(e, type))
except ImportError:  # no brotli: warcio leaves such a body packed, and it is reported so
    pass
_DAMAGE = (ArchiveLoadFailed, zlib.error, EOFError, ValueError, OSError, *_PARSER)


class _Records(ArchiveIterator):
    """warcio's reader, without its console warning on a record not followed by the blank line
    its Content-Length promises ("perhaps Content-Length is invalid"): warcio reads on from the
    next record, and that record's page is read as any other."""

    INC_RECORD = ""


def read_warc(path: str | Path, rel: str, *, page: Page) -> Iterator[Record | Skip]:
    """The HTML pages of a WARC file, one record each, and the skips of every other record.

    Args:
        path: the file (``.warc``, or ``.warc.gz``: gzip members, one a record, as crawlers
            write them).
        rel: how the report names it.
        page: reads a page's HTML into a record (``page(rel, html, encoding, url=..., meta=...,
            record=...)``), as a ``.html`` file is read.

    Yields:
        A :class:`Record` per HTML response of status 200 (``record``: the record's place in
        the file, from 0), and :class:`Skip` rows for the rest.
    """
    counts: Counter[str] = Counter()
    read: dict[str, int] = {}  # URLs read, and the record each came from
    index, done, end = -1, -1, 0  # the record at hand, the last read whole, where it ended
    with open(path, "rb") as f:
        size = f.seek(0, 2)
        f.seek(0)
        records = _Records(f, arc2warc=True)
        for_each = iter(records)
        broken = False
        while not broken:
            try:
                warc = next(for_each, None)
                if warc is None:
                    break
                index += 1
                if not warc.rec_type:
                    raise EOFError("a record's headers cut short")
                found = _record(warc, rel, index, counts, read)
                records.read_to_end(warc)
                end = records.get_record_offset() + records.get_record_length()
            except _DAMAGE as e:
                yield _broken(rel, done, e)
                broken = True
                continue
            if getattr(warc.raw_stream, "limit", 0) > 0:  # fewer bytes than its Content-Length
                url = warc.rec_headers.get_header("WARC-Target-URI")
                of = f" ({url})" if url else ""
                reason = f"the WARC is damaged or cut short inside record {index}{of}; {_REPAIR}"
                yield Skip(rel, reason, index)
                broken = True
                continue
            done = index
            if isinstance(found, Skip):
                yield found
            elif found is not None:
                yield page(
                    rel, found.html, found.encoding, url=found.url, meta=found.meta, record=index
                )
        rest = None if broken else _rest(f, end, size)
    if rest:
        # warcio stops without a word where a gzip member is cut short
        yield Skip(rel, f"the WARC is cut short at byte {end:,} ({rest}); {_REPAIR}", index + 1)
    if index < 0 and not broken:
        yield Skip(rel, "an empty WARC file: no records")
    yield from _counted(rel, counts)


@dataclass(frozen=True)
class _Page:
    """An HTML response's page, decoded, and where and when it was captured."""

    html: str
    encoding: str
    url: str | None
    meta: dict[str, str]


def _record(
    warc: Any, rel: str, index: int, counts: Counter[str], read: dict[str, int]
) -> Skip | _Page | None:
    """A record's page, its skip, or None where its kind is counted in ``counts``."""
    kind = warc.rec_type
    url = warc.rec_headers.get_header("WARC-Target-URI")
    if kind in _NOT_PAGES:
        counts[f"WARC {kind} records: {_NOT_PAGES[kind]}"] += 1
        return None
    if kind == "revisit":
        where = f"record {read[url]}" if url in read else "an earlier capture (not in this file)"
        return Skip(
            rel,
            f"revisit record of {url}: the page unchanged since {where}, stored without its "
            "text; not a second article",
            index,
        )
    if kind not in ("response", "resource") or (url or "").startswith("dns:"):
        what = "DNS look-ups" if kind == "resource" else "not pages"
        counts[f"WARC {kind} records: {what}"] += 1
        return None
    http = warc.http_headers if kind == "response" else None
    status = http.get_statuscode() if http is not None else "200"
    headers = http if http is not None else warc.rec_headers
    ctype = (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if status.startswith("3"):
        to = http.get_header("Location") if http is not None else None
        return Skip(rel, f"redirect (HTTP {status}) from {url} to {to or 'nowhere said'}", index)
    if status != "200":
        return Skip(rel, f"HTTP {status} response for {url}: no page", index)
    if ctype not in _HTML:
        counts[f"WARC {kind}s not HTML: {ctype or 'no Content-Type'}"] += 1
        return None
    limit = int(MAX_PAGE_MB * 1e6)
    packed = http.get_header("Content-Encoding") if http is not None else None
    try:
        data = warc.content_stream().read(limit + 1)
    except _UNPACKING as e:  # this body's compression: the record's framing is whole
        why = f"{type(e).__name__}: {str(e)[:80]}"
        return Skip(rel, f"HTML of {url} could not be decompressed ({packed}; {why})", index)
    if len(data) > limit:
        return Skip(rel, f"HTML of {url} is over {MAX_PAGE_MB:g} MB: no article page", index)
    decoded = decode(data)
    if decoded.text is None:
        why = f"compressed ({packed}) as warcio cannot undo" if packed else decoded.reason
        return Skip(rel, f"HTML of {url} is not text: {why}", index)
    captured = warc.rec_headers.get_header("WARC-Date")
    read.setdefault(url, index)
    meta = {"captured": captured, "captured_by": "warc"} if captured else {}
    return _Page(decoded.text, decoded.encoding, url, meta)


def _broken(rel: str, index: int, error: Exception) -> Skip:
    """The Skip of a WARC that breaks after record ``index``."""
    first = (str(error).strip().splitlines() or [type(error).__name__])[0].strip()
    if isinstance(error, _PARSER):
        first = "a record's headers cut short or malformed"
    if "non-chunked gzip" in str(error):
        first = "compressed as one gzip stream, not one gzip member a record"
    if index < 0:
        return Skip(
            rel,
            f"not a readable WARC file ({first}): check that it is a WARC (a page saved as"
            " .html loads as .html)",
        )
    return Skip(
        rel,
        f"the WARC is damaged after record {index} ({first or type(error).__name__}); {_REPAIR}",
        index + 1,
    )


def _rest(f: Any, end: int, size: int) -> str | None:
    """What follows the last whole record, where more than blank lines follow it."""
    f.seek(end)
    tail = f.read(64)
    if not tail.strip():
        return None
    return f"{size - end:,} bytes after the last whole record"


def _counted(rel: str, counts: Counter[str]) -> Iterator[Skip]:
    """One Skip per kind of record that is no page, with how many the file held."""
    for reason, n in sorted(counts.items()):
        what, why = reason.split(": ", 1)
        yield Skip(rel, f"{what} ({n:,}): {why}; not article pages")
