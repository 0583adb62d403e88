"""RSS and Atom feeds saved as files (a feed's snapshot, a folder of them): one row per item,
as a table's records (:func:`toolkit.columns.table_of_records`), read by feedparser, the
library feed readers use (RSS 0.9x, 1.0 and 2.0, Atom 0.3 and 1.0, any encoding the feed
declares; a feed that is not well-formed XML is read by its lenient parser).

An item's row: ``title``, ``url`` (its link, FeedBurner's ``origLink`` where it gives one,
less tracking parameters: the link as written in ``link``), ``date`` as the feed writes it (read
by the toolkit's date reading, in the feed's own time zone: "Mon, 30 Dec 2019 01:38 +0300" is the
30th), ``text`` (its full content where the feed gives one: ``content:encoded``, Atom
``content``, ``yandex:full-text``; else its description; HTML read as a browser shows it),
``outlet`` (the item's own ``<source>``, else the feed's title: an outlet the tables do not know
is kept as written, with a note, only where the item's site names none), ``byline``,
``category``, ``id`` (its guid) and the feed's title and link (``feed``, ``feed_link``). The
file's note says how many items held a full text: a feed's description is often a lead only.

Example:
    >>> feed = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>BelTA</title>'
    ...     b'<item><title>Talks in Minsk</title><link>https://eng.belta.by/1</link>'
    ...     b'<pubDate>Mon, 30 Dec 2019 01:38:00 +0300</pubDate>'
    ...     b'<description>&lt;p&gt;Minsk and Moscow agreed.&lt;/p&gt;</description>'
    ...     b'</item></channel></rss>')
    >>> is_feed(feed)
    True
    >>> row = items(feed).rows[0][2]
    >>> row["title"], row["url"], row["date"], row["outlet"]
    ('Talks in Minsk', 'https://eng.belta.by/1', 'Mon, 30 Dec 2019 01:38:00 +0300', 'BelTA')
"""

from __future__ import annotations

import io
import re
from typing import Any

from toolkit.export_lexis import Documents
from toolkit.site_names import name_part
from toolkit.table_html import html_text

__all__ = ["NOT_A_FEED", "is_feed", "items", "root_element"]

# Why an XML file that is no feed is not read, and what to do
NOT_A_FEED = (
    "XML other than an RSS or Atom feed is not read (a database's XML export, a sitemap): save "
    "its articles as CSV or JSON (title, link, date, text) and load that; a Factiva or "
    "LexisNexis export is read when downloaded as HTML"
)
# A feed's root element, past the XML declaration, comments and a doctype
_ROOT = re.compile(rb"<(?:rss|feed|(?:[\w.-]+:)?RDF)[\s>/]")
_SNIFF_BYTES = 4096
_FIRST_ELEMENT = re.compile(rb"<([A-Za-z_][\w.:-]{0,40})[\s>/]")
_ITEM = re.compile(rb"<(?:item|entry)[\s>/]")
_TRACKER = re.compile(r"[?&](?:utm_|fbclid=|gclid=|yclid=|_openstat=|feedType=|feedName=)")
# A feed's own name for itself in its links (Reuters' "?feedType=RSS&feedName=worldNews"), which
# courlan keeps: one story in two feeds is one URL without them
_FEED_PARAMS = re.compile(r"(?<=[?&])feed(?:Type|Name)=[^&#]*(?:&|(?=#)|$)")
_DAY_NAME = re.compile(r"([A-Za-z]{2,9}),\s*(?=\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{2,4}\b)")
_DAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
_FORMATS = {"rss": "RSS", "atom": "Atom", "cdf": "CDF"}


def is_feed(data: bytes) -> bool:
    """Whether a file's bytes are an RSS or Atom feed (its root element, in its first 4 KB)."""
    head = data[:_SNIFF_BYTES]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16: the tags' letters, bytes apart
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    return _ROOT.search(head) is not None


def root_element(data: bytes) -> str | None:
    """The name of a file's first element (past the declaration, comments, a doctype), to say
    what an XML file that is no feed is ("urlset", a damaged "rsssss"); None when none shows."""
    m = _FIRST_ELEMENT.search(data[:_SNIFF_BYTES])
    return m.group(1).decode("ascii", errors="replace") if m else None


def _text(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def _format(version: str) -> str:
    """feedparser's version ("rss20", "atom10") as a reader reads it ("RSS 2.0", "Atom 1.0")."""
    for key, name in _FORMATS.items():
        if version.startswith(key):
            digits = version[len(key) :]
            return f"{name} {digits[0]}.{digits[1:] or '0'}" if digits else name
    return "feed"


def _lines(data: bytes, count: int) -> list[int | None]:
    """The line each item opens on, where the items' tags in the bytes are as many as the
    items read (else none is given rather than a wrong one)."""
    starts = [m.start() for m in _ITEM.finditer(data)]
    if len(starts) != count:
        return [None] * count
    lines, line, at = [], 1, 0
    for start in starts:
        line += data.count(b"\n", at, start)
        lines.append(line)
        at = start
    return lines


def _shown(value: str | None, kind: str | None) -> str:
    """A feed's text as a reader sees it: HTML (by the type the feed gives it) read as a browser
    shows it, plain text as it is."""
    return (html_text(value) or "") if kind is None or "html" in kind else (value or "")


def _contents(entry: Any) -> list[str]:
    """An item's full texts: Atom ``content`` and RSS ``content:encoded`` (feedparser's
    ``content``), and ``yandex:full-text``, which Russian sites' feeds for Yandex News carry."""
    found = [_shown(c.get("value"), c.get("type")) for c in entry.get("content") or ()]
    return [*found, _shown(entry.get("yandex_full-text"), None)]


def _summary(entry: Any) -> str:
    return _shown(entry.get("summary"), (entry.get("summary_detail") or {}).get("type"))


def _dated(written: str | None) -> str | None:
    """An item's date as written, less an RFC 822 day name that is none ("Wes, 05 Aug 2015
    14:06 +0800", a site's typo): the day name is optional there, the date says the day."""
    text = _text(written)
    if text and (m := _DAY_NAME.match(text)) and m.group(1)[:3].lower() not in _DAYS:
        return text[m.end() :]
    return text


def _untracked(link: str | None) -> str | None:
    """An item's link without the tracking parameters feeds add to it (``utm_source=rss``...),
    by courlan, trafilatura's URL library: one story in two of a site's feeds is one URL."""
    if link is None or not _TRACKER.search(link):
        return link
    from courlan import normalize_url

    try:
        link = normalize_url(link)
    except ValueError:  # a link courlan cannot read is kept as written
        return link
    return re.sub(r"[?&](?=#|$)", "", _FEED_PARAMS.sub("", link))


def _row(entry: Any, feed: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """An item's row, and whether it holds a full text beyond its description."""
    content = max(_contents(entry), key=len, default="")
    summary = _summary(entry)
    source = entry.get("source") or {}
    authors = [a.get("name") for a in entry.get("authors") or () if a.get("name")]
    row = {
        "title": _text(_shown(entry.get("title"), (entry.get("title_detail") or {}).get("type"))),
        "url": _untracked(_text(entry.get("feedburner_origlink") or entry.get("link"))),
        "date": _dated(
            dict.get(entry, "published") or dict.get(entry, "updated") or dict.get(entry, "created")
        ),
        "text": _text(content if len(content) > len(summary) else summary),
        # the feed's title up to a section (trial Y: "TUT.BY: Новости ТУТ - Главные новости")
        "outlet": _text(source.get("title")) or name_part(_text(feed.get("title"))),
        "byline": "; ".join(dict.fromkeys(authors)) or None,
        "category": "; ".join(t.get("term") for t in entry.get("tags") or () if t.get("term"))
        or None,
        "id": _text(entry.get("id")),
        "feed": _text(feed.get("title")),
        "feed_link": _text(feed.get("link")),
    }
    if row.get("url") != (link := _text(entry.get("link"))):
        row["link"] = link  # as the feed wrote it (a FeedBurner redirect, tracking parameters)
    return {k: v for k, v in row.items() if v is not None}, len(content) > len(summary)


def items(data: bytes) -> Documents:
    """A feed's items, one record each (see the module's docstring); an item with neither
    title nor text is skipped by its number. A feed feedparser could not read as XML is read
    by its lenient parser and the note says so; one with no items at all is none."""
    import feedparser  # loaded on the first feed

    parsed = feedparser.parse(io.BytesIO(data))  # a stream: never a URL to fetch
    feed = dict(parsed.get("feed") or {})
    entries = list(parsed.get("entries") or [])
    name = _text(feed.get("title"))
    what = f"{_format(parsed.get('version') or '')} feed" + (f" '{name}'" if name else "")
    note = f"an {what} of {len(entries)} items" if what[0] in "AR" else f"a {what}"
    found = Documents(note=note, encoding=parsed.get("encoding") or None)
    lines = _lines(data, len(entries))
    full = 0
    for index, entry in enumerate(entries):
        row, has_full = _row(entry, feed)
        if "title" not in row and "text" not in row:
            found.skips.append((index, lines[index], "a feed item with neither title nor text"))
            continue
        full += has_full
        found.rows.append((index, lines[index], row))
    if found.rows:
        found.note = (f"{note}; {full} of {len(found.rows)} carry a full text (content:encoded, "
                      "Atom content) beyond their description; the others' text is the "
                      "description, often the lead only")  # fmt: skip
    if parsed.get("bozo"):
        found.note += f"; {_problem(parsed)}"
    return found


def _problem(parsed: Any) -> str:
    """What feedparser found wrong with a feed, as the file's note says it."""
    error = parsed.get("bozo_exception")
    kind = type(error).__name__
    if kind == "CharacterEncodingOverride":
        return f"its declared encoding is not its own: read as {parsed.get('encoding')}"
    if kind == "SAXParseException":
        return (f"not well-formed XML ({error}): read by feedparser's lenient parser, check "
                "the items against the file")  # fmt: skip
    return f"feedparser: {kind} ({error})"
