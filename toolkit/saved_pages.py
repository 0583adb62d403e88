"""Pages kept by an archive or a browser: the original page's URL, when it was captured, and
the archive's own text taken out.

A Wayback Machine capture (``web.archive.org/web/<14-digit timestamp>/<original url>``) has
its links rewritten to the archive, a toolbar ("The Wayback Machine - ...") inserted and a
closing comment that says when the page was archived; a page saved by a browser has a
``<!-- saved from url=(0055)https://... -->`` comment, one saved by SingleFile a comment
"Page saved with SingleFile / url: ... / saved date: ...". :func:`unwrap` finds the original
URL and the capture time in these, and gives the page as its site served it: links back to
the original site, the toolbar and the archive's comments out (so neither the toolbar's text
nor the capture time can be read as the article's title, text or publication date).

Example:
    >>> page = unwrap('<html><head><link rel="canonical" href="https://web.archive.org/web/'
    ...     '20200117093000/https://www.belta.by/politics/view/talks-1.html"></head></html>')
    >>> page.url, page.captured, page.kind
    ('https://www.belta.by/politics/view/talks-1.html', '2020-01-17T09:30:00Z', 'wayback')
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

__all__ = ["Saved", "captured_iso", "unwrap", "wayback_original"]


@dataclass(frozen=True)
class Saved:
    """A page as its site served it, and what the archive or browser said of it: the original
    ``url``, the ``captured`` time (ISO where it could be read, else as written) and the
    ``kind`` of keeping (``wayback``, ``singlefile``, ``browser``), None where it says none."""

    html: str
    url: str | None = None
    captured: str | None = None
    kind: str | None = None

    def meta(self) -> dict[str, str]:
        """What goes into the row's ``meta``: the capture time and who kept the page."""
        found = {"captured": self.captured, "captured_by": self.kind}
        return {k: v for k, v in found.items() if v}


# A Wayback URL: the archive's host (or a link made relative to it), the capture's 14-digit
# timestamp with an optional replay flag (id_, im_, js_, cs_, if_, fw_, oe_...), the original URL.
_WAYBACK = re.compile(
    r"(?:https?:)?(?://(?:web\.)?archive\.org)?/web/(\d{14})(?:[a-z]{2}_)?/"
    r"((?:https?:/{1,2}|//)?[^\s\"'<>)]+)",
    re.I,
)
# The same as an HTML attribute's value or a script's argument: rewritten links in the page
_WAYBACK_PREFIX = re.compile(r"(?:https?:)?(?://(?:web\.)?archive\.org)?/web/\d{14}(?:[a-z]{2}_)?/")
# Where the page's own URL is written: canonical, og:url, base href
_URL_TAGS = re.compile(r"<(?:link|meta|base)\b[^>]*>", re.I)
_OWN_URL = re.compile(r"rel=[\"']?canonical\b|property=[\"']?og:url\b|^<base\b", re.I)
_HREF = re.compile(r"(?:href|content)\s*=\s*[\"']([^\"']+)[\"']", re.I)
# The replay scripts' calls name the capture: __wm.wombat("https://site/...","20200117093000",
# ...) since 2019, WB_wombat_Init("https://web.archive.org/web", "20160101000000", ...) before
_WOMBAT = re.compile(r"__wm\.wombat\(\s*[\"']([^\"']+)[\"']\s*,\s*[\"'](\d{14})[\"']")
_WB_INIT = re.compile(r"WB_wombat_Init\(\s*[\"'][^\"']*[\"']\s*,\s*[\"'](\d{14})[\"']")
# The toolbar and the archive's scripts, and the comments it adds
_INSERTS = (
    re.compile(
        r"<!--\s*BEGIN WAYBACK TOOLBAR INSERT\s*-->.*?<!--\s*END WAYBACK TOOLBAR INSERT\s*-->",
        re.S | re.I,
    ),
    re.compile(
        r"<script[^>]*>(?:(?!</script>).)*?(?:__wm\.|WB_wombat_|archive_analytics)(?:(?!</script>).)*</script>",
        re.S | re.I,
    ),
    re.compile(
        r"<script[^>]*\bsrc=[\"'][^\"']*(?:/_static/js/|archive\.org/includes/)[^\"']*[\"'][^>]*>\s*</script>",
        re.I,
    ),
    re.compile(r"<link[^>]*\bhref=[\"'][^\"']*/_static/css/[^\"']*[\"'][^>]*>", re.I),
    re.compile(r"<!--\s*End Wayback Rewrite JS Include\s*-->", re.I),
    re.compile(r"<!--\s*FILE ARCHIVED ON .*?-->", re.S),
    re.compile(r"<!--\s*playback timings.*?-->", re.S | re.I),
)
_SINGLEFILE = re.compile(
    r"<!--\s*(?:Page saved with SingleFile|Archive processed by SingleFile)\s*"
    r"(?:url:\s*(?P<url>\S+))?\s*(?:saved date:\s*(?P<date>[^\n]*?))?\s*(?:\n[^>]*?)?-->",
    re.I,
)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.I)
_HEAD = 4096  # where a browser or SingleFile writes its comment: the page's first bytes
_HEAD_TAGS = 1 << 18  # where a page's head (its canonical link) ends, giant inline styles aside


def wayback_original(url: str | None) -> tuple[str, str] | None:
    """The original URL and the capture's ISO time of a Wayback Machine URL, else None.

    Example:
        >>> wayback_original("https://web.archive.org/web/20191231235959id_/http://tass.com/x")
        ('http://tass.com/x', '2019-12-31T23:59:59Z')
    """
    m = _WAYBACK.fullmatch(url.strip()) if url else None
    if m is None:
        return None
    return _absolute(m.group(2)), captured_iso(m.group(1)) or m.group(1)


def _absolute(url: str) -> str:
    """A URL the archive wrote short ("http:/site/x", "//site/x", "site/x") made whole, less
    the default port the archive keeps ("http://site:80/x": one article's two ids else)."""
    url = re.sub(r"^(https?):/(?!/)", r"\1://", url, flags=re.I)
    if url.startswith("//"):
        url = "http:" + url
    elif not re.match(r"https?://", url, re.I):
        url = "http://" + url
    return _DEFAULT_PORT.sub(lambda m: m.group(1) or m.group(2), url)


_DEFAULT_PORT = re.compile(
    r"^(http://[^/:?#]+):80(?=[/?#]|$)|^(https://[^/:?#]+):443(?=[/?#]|$)", re.I
)


def captured_iso(stamp: str | None) -> str | None:
    """A Wayback timestamp (``20200117093000``) or a browser's saved date ("Wed Sep 24 2025
    10:11:12 GMT+0200 (CEST)") as ISO time, UTC; None where it is neither.

    Example:
        >>> captured_iso("Wed Sep 24 2025 10:11:12 GMT+0200 (Central European Summer Time)")
        '2025-09-24T08:11:12Z'
    """
    if not stamp:
        return None
    stamp = stamp.strip()
    formats = ("%Y%m%d%H%M%S", "%a %b %d %Y %H:%M:%S GMT%z")
    for fmt in formats:
        try:
            when = dt.datetime.strptime(re.sub(r"\s*\(.*\)$", "", stamp), fmt)
        except ValueError:
            continue
        if when.tzinfo is not None:
            when = when.astimezone(dt.UTC).replace(tzinfo=None)
        return when.strftime("%Y-%m-%dT%H:%M:%SZ")
    return None


def unwrap(html: str) -> Saved:
    """The page as its site served it, with the original URL and capture time where a Wayback
    capture, a browser's or SingleFile's comment gives them (see the module's docstring);
    ``Saved(html)`` unchanged for any other page."""
    head = html[:_HEAD]
    kept = _kept_by(head)
    wayback = _wayback_capture(html)
    if wayback is None and kept is not None:
        wayback = wayback_original(kept[0])  # a capture saved again by a browser
    if wayback is not None:
        url, captured = wayback
        page = _WAYBACK_PREFIX.sub("", html)  # links back to the original site
        for insert in _INSERTS:
            page = insert.sub("", page)
        return Saved(_without_toolbar(_without_comments(page)), url, captured, "wayback")
    if kept is not None:
        url, captured, kind = kept
        own = next((u for u in _own_urls(html[:_HEAD_TAGS]) if _is_web(u)), None)
        if own and _host(own) == _host(url) and wayback_original(own) is None:
            url = own  # the page's canonical: the same article without a tracking query
        return Saved(_without_comments(html), url, captured, kind)
    return Saved(html)


def _kept_by(head: str) -> tuple[str, str | None, str] | None:
    """The URL (and saved date) a SingleFile or browser comment gives, and who wrote it."""
    single = _SINGLEFILE.search(head)
    if single and single.group("url") and _is_web(single.group("url")):
        saved = single.group("date")
        return single.group("url"), captured_iso(saved) or (saved or None), "singlefile"
    saved_from = _SAVED_FROM.search(head)
    if saved_from and _is_web(saved_from.group(1)):
        return saved_from.group(1), None, "browser"
    return None


def _is_web(url: str) -> bool:
    return re.match(r"https?://[^/\s]+\.[^/\s]+", url, re.I) is not None


def _wayback_capture(html: str) -> tuple[str | None, str] | None:
    """The original URL and capture time the replay script's call, else the page's canonical,
    ``og:url`` or base link (rewritten to the archive) give; an older replay script's call
    gives the time alone."""
    call = _WOMBAT.search(html)
    if call and _is_web(call.group(1)):
        return _absolute(call.group(1)), captured_iso(call.group(2)) or call.group(2)
    if "/web/" not in html:
        return None
    for url in _own_urls(html[:_HEAD_TAGS]):
        found = wayback_original(url)
        if found is not None:
            return found
    older = _WB_INIT.search(html)  # before 2019: the capture's time and host, not its path
    if older:
        return None, captured_iso(older.group(1)) or older.group(1)
    return None


def _own_urls(html: str) -> list[str]:
    """The URLs the page's canonical link, ``og:url`` and base link give, in that order (a
    base link is often the site's root: the last resort)."""
    found = []
    for tag in _URL_TAGS.finditer(html):
        kind = _OWN_URL.search(tag.group(0))
        href = _HREF.search(tag.group(0)) if kind else None
        if href:
            rank = ("rel", "pro", "<ba").index(kind.group(0)[:3].lower())
            found.append((rank, href.group(1).strip()))
    return [url for _, url in sorted(found, key=lambda f: f[0])]


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


def _without_comments(html: str) -> str:
    """The page less the keeper's comments: their dates are a save's, not the article's."""
    return _SAVED_FROM.sub("", _SINGLEFILE.sub("", html, count=1), count=1)


_TOOLBAR_IDS = ("wm-ipp", "donato", "playback")  # the toolbar's boxes, where no comment marks it


def _without_toolbar(html: str) -> str:
    """The page less a toolbar its comments did not mark (the boxes with ``wm-ipp...`` ids)."""
    if 'id="wm-ipp' not in html and "id='wm-ipp" not in html:
        return html
    from lxml import html as lxml_html

    tree = lxml_html.fromstring(html)
    for node in tree.xpath("//*[@id]"):
        if node.get("id", "").startswith(_TOOLBAR_IDS) and node.getparent() is not None:
            node.drop_tree()
    return lxml_html.tostring(tree, encoding="unicode")
