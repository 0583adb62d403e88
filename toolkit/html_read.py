"""An HTML page's article as trafilatura reads it, with the toolkit's knowledge on top: its
title without a site name or section around it (:func:`page_title`), its date kept only where it
is a day (:mod:`toolkit.html_dates`), its URL, site name, author and text. :mod:`toolkit.readers`
reads every HTML page (a ``.html`` file, a web archive's page) through :func:`read_html`.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from toolkit.html_dates import DATE_SEARCH, checked_date

__all__ = ["page_title", "read_html"]

# trafilatura's own defaults, less reader comments (not the article) and with the date search
# htmldate does beyond the page's metadata (the visible text).
_TRAFILATURA = {
    "with_metadata": True,
    "include_comments": False,
    "include_tables": True,
    "date_extraction_params": DATE_SEARCH | {"extensive_search": True},
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
        "url": _page_url(tree) or found.get("url") or None,
        "site_name": site_name,
        "author": found.get("author") or None,
        "text": found.get("text") or "",
    }


def _page_url(tree: Any) -> str | None:
    """The page's own address: its ``rel=canonical`` link, else its ``og:url``, wherever the
    parser put them. trafilatura reads only the ``<head>``, which lxml closes at the first
    element a head may not hold: 6 of trial T's 181 pages (Reuters, Rolling Stone...) lost their
    URL and site so; and it takes ``og:url`` before the canonical link (TechCrunch's sharing
    host, social.techcrunch.com, for techcrunch.com). Only an absolute http(s) address, as
    courlan (trafilatura's URL library) normalises it."""
    from courlan import normalize_url, validate_url

    for path in ('.//link[@rel="canonical"]/@href', './/meta[@property="og:url"]/@content'):
        for value in tree.xpath(path):
            value = value.strip()
            value = f"https:{value}" if value.startswith("//") else value
            if not value.lower().startswith(("http://", "https://")):
                continue
            valid, parsed = validate_url(value)
            if valid and parsed:
                return normalize_url(parsed)
    return None


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
