"""A scraped page's own date stamp, in whatever common form and language it is written.

Outlet tables know their own sites' stamps (:mod:`toolkit.outlets`); a page from any other
site is read here: a stamp near the title or byline ("13 Apr, 2024 19:52", "Updated:
2018-10-30 07:50", "2022年02月13日07:48", "19 декабря 2022", "19 снежня 2022") is found by a loose
pattern and read by dateparser, the maintained parser, not by a growing hand list. dateparser is
told the stamp's languages (given, or told by its script: Cyrillic is read as Russian,
Belarusian or Ukrainian, Han as Chinese), not left to guess among all of them; a stamp in Latin
letters is left to dateparser's own language detection.
A stamp without a year is never completed with a guessed one. A numeric stamp ("12/11/2014")
whose day and month could be either way round is read in the order its site's pages settle (see
:func:`toolkit.date_order.settle_order`), and not read at all when they do not.

Example:
    >>> stamp_date("By Li Ming | China Daily | Updated: 2018-10-30 07:50")
    (datetime.date(2018, 10, 30), '2018-10-30 07:50')
    >>> stamp_date("9 сентября 2021 г.")
    (datetime.date(2021, 9, 9), '9 сентября 2021')
    >>> stamp_date("19 декабря") is None
    True
    >>> yearless_stamp("Ярослав Кузишин 8 января, 17:46")
    (1, 8, '8 января, 17:46')
    >>> stamp_date("Tech 12/11/2014 @ 7:48AM", order="mdy")
    (datetime.date(2014, 12, 11), '12/11/2014')
    >>> stamp_date("Tech 12/11/2014 @ 7:48AM") is None
    True
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from toolkit.date_order import Order

__all__ = ["NUMERIC_STAMP", "STAMP_MAX_CHARS", "script_languages", "stamp_date", "yearless_stamp"]

STAMP_MAX_CHARS = 160  # a stamp sits in a short line, not in a paragraph of prose

_TIME = r"(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)?"
_WORD = r"[^\W\d_]{3,12}\.?"
_STAMP = re.compile(
    "|".join(
        (
            r"\d{4}年\d{1,2}月\d{1,2}日\s*(?:\d{1,2}:\d{2})?",  # 2022年02月13日07:48
            # 2018-10-30 07:50, 2018/10/30, 2025/1/21 20:50 (Japanese), 2025.05.15 20:00 and
            # 2018. 11. 23 (Korean): the year first, then month and day
            r"(?<![\d.])\d{4}(?P<sep>[-/.])\s?\d{1,2}(?P=sep)\s?\d{1,2}(?![\d.])"
            r"(?:[ T]\d{1,2}:\d{2})?",
            rf"\b\d{{1,2}}\.?\s+{_WORD},?\s+\d{{4}}\b{_TIME}",  # 13 Apr, 2024 19:52
            # April 13, 2024 (a time may follow glued: "Nov 15, 20195:45 AM")
            rf"\b{_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}(?:\b{_TIME}|(?=\d{{1,2}}:\d\d))",
        )
    )
)
# "12/11/2014", "19.11.2019": day and month either way round; read only in an order the
# site settles (or the stamp's own fields do).
NUMERIC_STAMP = re.compile(r"(?<![\d/.])(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?![\d/]|\.\d)")
_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DATES_FROM": "past",
    "RETURN_AS_TIMEZONE_AWARE": False,
}
# A stamp without a year that ends its line ("Ярослав Кузишин ... 8 января, 17:46"): a day and
# a month word, a time may follow; not one inside a sentence ("... on 8 January the court").
# The English stamps read without dateparser (see _parsed): "13 Apr, 2024 19:52", "9 November
# 2013", "Nov 9, 2013", "Sept. 5th, 2015 at 7:48 PM"; the months are common.yaml's in Latin
# letters (the outlet tables' own month names, English)
_TIME_OF_DAY = (
    r"(?:,?\s+(?:at\s+)?(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s*[AaPp]\.?[Mm]\.?)?)?"
)


@functools.lru_cache(maxsize=1)
def _english() -> tuple[dict[str, int], re.Pattern]:
    """The English month names and the pattern of a stamp written with one."""
    from toolkit.outlets import registry

    months = {k: v for k, v in registry().months.items() if k.isascii()}
    names = "|".join(sorted(months, key=len, reverse=True))
    pattern = re.compile(
        rf"(?i:(?P<d1>\d{{1,2}})\s+(?P<m1>{names})\.?,?\s+(?P<y1>\d{{4}})"
        rf"|(?P<m2>{names})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}}))"
        + _TIME_OF_DAY
    )
    return months, pattern


_YEARLESS = re.compile(rf"\b\d{{1,2}}\.?\s+{_WORD}{_TIME}$")
_YEARLESS_SETTINGS = _SETTINGS | {"REQUIRE_PARTS": ["day", "month"]}
_EARLIEST = dt.date(1900, 1, 1)
_SCRIPTS = (  # the languages dateparser is given for a stamp written in each script
    (re.compile(r"[\u0400-\u04FF]"), ["ru", "be", "uk"]),
    (re.compile(r"[\u4E00-\u9FFF]"), ["zh"]),
)


def script_languages(text: str) -> list[str] | None:
    """The languages a date written in ``text``'s script may be in (ISO 639-1), for dateparser;
    None (dateparser detects the language) for a script other than Cyrillic or Han.

    Example:
        >>> script_languages("19 снежня 2022"), script_languages("13 Apr, 2024")
        (['ru', 'be', 'uk'], None)
    """
    for pattern, languages in _SCRIPTS:
        if pattern.search(text):
            return languages
    return None


# a line that says when the page was fetched, not published ("- **Scraped at**: 2026-02-28T02:33",
# "Retrieved 5 May 2024", "timestamp: ..."; trial AC)
_CRAWL_LABEL = re.compile(
    r"[\W_]*(?:scraped|crawled|fetched|retrieved|accessed|downloaded|captured|collected|"
    r"timestamp)\b",
    re.IGNORECASE,
)


def stamp_date(
    line: str,
    *,
    today: dt.date | None = None,
    order: Order | None = None,
    languages: list[str] | None = None,
) -> tuple[dt.date, str] | None:
    """The first date stamp of a short line with day, month and year, and its text; None when
    the line holds none (or only one before 1900 or after ``today``). A numeric stamp is read
    day first or month first as ``order`` says, or as its own fields say (a field over 12 is
    the day); None when neither settles it. ``languages`` (ISO 639-1) are the ones dateparser
    reads the stamp in; by default those of its script (:func:`script_languages`)."""
    if len(line) > STAMP_MAX_CHARS or _CRAWL_LABEL.match(line):
        return None
    today = today or dt.date.today()
    if (m := NUMERIC_STAMP.search(line)) is not None:
        return _numeric(m, order, today)
    for m in _STAMP.finditer(line):
        text = m.group(0).strip()
        langs = languages or script_languages(text)
        parsed = _parsed(text, langs, _SETTINGS)
        if parsed is not None and _EARLIEST <= parsed.date() <= today:
            return parsed.date(), text
    return None


def _parsed(text: str, langs: list[str] | None, settings: dict) -> Any:
    """``text`` read by dateparser in ``langs``; with none given (a script other than Cyrillic
    or Han), in English first, then in the language dateparser detects: detection loads every
    locale it has (about a second in a new process, for "Nov 9, 2013"), English one. The
    commonest English forms ("Nov 9, 2013", "9 November 2013") are read without it: what
    dateparser reads them as (a test holds the two to the same dates), for a fraction of its
    first call in a process (0.6 CPU-s, most of it building its time-zone patterns, for the
    two stamps of 4,000 China Daily and NYT pages)."""
    if langs is None and (plain := _english_stamp(text)) is not None:
        return plain
    import dateparser  # heavy (0.2 s to import): loaded on the first stamp it reads

    if langs is None:
        english = dateparser.parse(text, languages=["en"], settings=settings)
        if english is not None:
            return english
    return dateparser.parse(text, languages=langs, settings=settings)


def _english_stamp(text: str) -> dt.datetime | None:
    """A stamp of a day, an English month's name (or its usual short form) and a year, a time
    of day at most after it, as dateparser reads it; None for anything else (a date that does
    not exist too: dateparser says what it makes of it)."""
    months, pattern = _english()
    m = pattern.fullmatch(text)
    if m is None:
        return None
    month = months[(m.group("m1") or m.group("m2")).lower()]
    try:
        return dt.datetime(int(m.group("y1") or m.group("y2")), month,
                           int(m.group("d1") or m.group("d2")))  # fmt: skip
    except ValueError:
        return None


def _numeric(m: re.Match, order: Order | None, today: dt.date) -> tuple[dt.date, str] | None:
    first, second, year = (int(m.group(i)) for i in (1, 3, 4))
    if first > 12:
        order = "dmy"
    elif second > 12:
        order = "mdy"
    if order is None:
        return None
    day, month = (first, second) if order == "dmy" else (second, first)
    try:
        found = dt.date(year, month, day)
    except ValueError:
        return None
    return (found, m.group(0)) if _EARLIEST <= found <= today else None


def yearless_stamp(line: str, *, languages: list[str] | None = None) -> tuple[int, int, str] | None:
    """(month, day, text) of a stamp without a year that ends a short line ("8 января, 17:46"),
    read by dateparser in ``languages`` or those of its script (Cyrillic, Han); None when the
    line has none, or its script tells no language: a day and a word in Latin letters are left
    alone (dateparser's detection reads "161-2 win" as 2 November, in Walser German). The year
    is left unknown: dateparser's guess (this year) is dropped, and the caller keeps the date
    partial."""
    if len(line) > STAMP_MAX_CHARS or (m := _YEARLESS.search(line)) is None:
        return None
    text = m.group(0).strip()
    if (langs := languages or script_languages(text)) is None:
        return None
    import dateparser

    parsed = dateparser.parse(text, languages=langs, settings=_YEARLESS_SETTINGS)
    # the day as written: not a relative phrase dateparser also reads ("12 hours": 12 hours ago)
    if parsed is None or parsed.day != int(re.match(r"\d+", text).group(0)):
        return None
    return parsed.month, parsed.day, text
