"""An HTML page's date from htmldate (through trafilatura), kept only where it is a day.

htmldate's extensive search falls back to coarser evidence when a page states no day: a month
and year ("May 2021") gives the month's first day, a copyright line ("© 2020 БЕЛТА", "©
1998-2024 ТАСС") the first of January of its year, and any date in the page's links or scripts
(a related story's image, "/uploads/i/20150909/...") a day. Those look like dates and are not
the page's: a date is kept only where htmldate finds it without the extensive search (the
page's metadata, its URL) or the page writes that day in a short line (a stamp, any language);
else the page is left undated, with a note.

Example:
    >>> page = "<html><body><p>Talks in Minsk.</p><footer>© 2020 БЕЛТА</footer></body></html>"
    >>> checked_date("2020-01-01", page, None)
    (None, 'the page gives only a year (2020: a copyright line or a year alone), no day: left undated')
    >>> checked_date("2020-01-01", page.replace("Talks", "1 January 2020. Talks"), None)[0]
    '2020-01-01'
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
import html
import re

from toolkit.stamps import STAMP_MAX_CHARS, stamp_date

__all__ = ["DATE_SEARCH", "checked_date"]

# htmldate's reading of a page's date: the publication date, not the last update; a full
# timestamp in the page's metadata ("2019-11-19T02:34:30Z") before a date in its URL
# ("/2019/11/18/", the publisher's local day), so a timestamp is placed on the day it writes, as
# a table's is (trial T: 9 of 144 pages were a day early, dated from the URL)
DATE_SEARCH = {"original_date": True, "deferred_url_extractor": True}

_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.S | re.I)


def checked_date(date: str | None, page: str, url: str | None) -> tuple[str | None, str | None]:
    """``date`` (ISO, as htmldate gave it for ``page``) and None, where it is a day the page
    gives (its metadata, its URL, a short line that is a stamp of it); else (None, a note):
    the first of a month or of a year that only a month or a copyright year gave, or a day
    htmldate's extensive search found elsewhere (a related story's image address, a revision
    date in a script)."""
    if date is None:
        return date, None
    try:
        day = dt.date.fromisoformat(date[:10])
    except ValueError:
        return date, None
    if _metadata_date(page, url) == date[:10] or _written(page, day):
        return date, None
    if not date.endswith("-01"):
        return None, (
            f"htmldate found {date[:10]} only by searching the page (its links, scripts or "
            "text), not in its metadata, its URL or a date line: left undated"
        )
    if day.month == 1:
        return None, (
            f"the page gives only a year ({day.year}: a copyright line or a year alone), no day:"
            " left undated"
        )
    return None, f"the page gives only a month ({date[:7]}), no day: left undated"


def _metadata_date(page: str, url: str | None) -> str | None:
    """The date htmldate finds without its extensive search: in the page's metadata or URL."""
    import htmldate

    try:
        return htmldate.find_date(page, extensive_search=False, url=url, **DATE_SEARCH)
    except (ValueError, TypeError):  # a page htmldate cannot parse
        return None


def _written(page: str, day: dt.date) -> bool:
    """Whether a short line of the page's visible text is a stamp of ``day``."""
    year = str(day.year)
    text = html.unescape(_TAG.sub("\n", page))
    for line in text.splitlines():
        line = line.strip()
        if year in line and len(line) <= STAMP_MAX_CHARS:
            found = stamp_date(line)
            if found is not None and found[0] == day:
                return True
    return False
