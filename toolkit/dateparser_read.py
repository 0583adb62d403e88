"""Table dates the formats do not read, read by dateparser, the maintained parser: day, month
and year all written ("13 Apr, 2024 19:52", "19 декабря 2022"), nothing relative, no missing
part guessed; each day read once, its time of day set aside; at most ``_DATEPARSER_MAX``
distinct days a load, the rest left unread with a note that says so and names a format.

Example:
    >>> read_by_dateparser(["13 Apr, 2024 19:52"])["13 Apr, 2024 19:52"]
    (datetime.date(2024, 4, 13), None)
"""

from __future__ import annotations

import datetime as dt
import re

from toolkit.date_order import NUMERIC_DATE

__all__ = ["date_part", "read_by_dateparser"]

_DATEPARSER_MAX = 5000  # distinct dates given to dateparser (about a millisecond each)
_UNREAD_NOTE = "date {!r} not understood; kept in date_text"
_LEFT_NOTE = (
    "date {!r} not read: the dates the formats do not read are read by dateparser, at most "
    "{:,} distinct ones, and this is past them; kept in date_text (declare the column's "
    "format as ingest's date_format to read them all{})"
)
# strptime formats tried on a value past dateparser's limit, to name the one to declare
_SUGGESTED_FORMATS = (
    "%B %d, %Y %I:%M %p", "%b %d, %Y %I:%M %p", "%B %d, %Y", "%b %d, %Y", "%d %B %Y %H:%M",
    "%d %b %Y %H:%M", "%d %B %Y", "%d %b %Y", "%A, %B %d, %Y", "%a, %d %b %Y %H:%M:%S",
    "%d.%m.%Y %H:%M", "%Y.%m.%d %H:%M", "%m/%d/%Y %I:%M %p", "%d/%m/%Y %H:%M",
)  # fmt: skip


def _reading_format(value: str, first: str | None = None) -> str | None:
    """One of ``_SUGGESTED_FORMATS`` that reads ``value`` (``first``, the last one found,
    tried before the others: a file past the limit writes its thousands of dates one way),
    or None. A numeric one may be day or month first: it reads this value, which need not be
    the file's order."""
    for fmt in (first, *_SUGGESTED_FORMATS) if first else _SUGGESTED_FORMATS:
        try:
            dt.datetime.strptime(value.strip(), fmt)
        except ValueError:
            continue
        return fmt
    return None


# A time of day written after a date ("July 11, 2022 12:18 AM", "12 March 2022, 23:59 MSK",
# "Mar 3, 2022 at 9:05 p.m. EST") or before it ("09:30 AM, November 12, 2021"): dateparser
# keeps the day as written whatever the time or zone, so each day is read once, not each minute.
# The hour and minute of a real time of day: a value with hour 25 is not read (trial V)
_HOUR_MINUTE = r"(?:[01]?\d|2[0-3]):[0-5]\d"
_TIME_AFTER = re.compile(
    rf"(?:[\s,;|]+(?:at\s+)?|T){_HOUR_MINUTE}(?::[0-5]\d(?:[.,]\d+)?)?(?:\s*[AaPp]\.?\s?[Mm]\.?)?"
    r"(?:\s*(?:[A-Z]{2,5}|(?:UTC|GMT)?\s?[+-]\d{1,2}(?::?\d{2})?|Z))?\s*$"
)
_TIME_BEFORE = re.compile(
    rf"^\s*{_HOUR_MINUTE}(?::[0-5]\d)?(?:\s*[AaPp]\.?\s?[Mm]\.?)?(?:\s*[A-Z]{{2,5}})?[\s,;|]+(?=\S)"
)


def date_part(value: str) -> str:
    """``value`` without a time of day written after or before its date (as dateparser reads
    it, the day is the same).

    Example:
        >>> [date_part(v) for v in ("July 11, 2022 12:18 AM", "09:30 AM, November 12, 2021")]
        ['July 11, 2022', 'November 12, 2021']
    """
    day = _TIME_BEFORE.sub("", _TIME_AFTER.sub("", value))
    return day if any(c.isdigit() for c in day) else value


def read_by_dateparser(values: list[str]) -> dict[str, tuple[dt.date | None, str | None]]:
    """Each of ``values`` read by dateparser (:func:`_dateparser`): its date and no note, or
    no date and a note saying why (not understood; or past the limit of distinct days, with a
    format that reads it where a common one does)."""
    parsed, left = _dateparser(values)
    out: dict[str, tuple[dt.date | None, str | None]] = {}
    fmt = None
    for v in values:
        if d := parsed.get(v):
            out[v] = (d, None)
        elif v in left:
            found = _reading_format(v, fmt)
            fmt = found or fmt
            example = f', e.g. "{found}", which reads this one' if found else ""
            out[v] = (None, _LEFT_NOTE.format(v, _DATEPARSER_MAX, example))
        else:
            out[v] = (None, _UNREAD_NOTE.format(v) + _serial_hint(v))
    return out


# A spreadsheet's day number, as a date column saved from Excel without its format writes it:
# days since 1899-12-30, between 1954 (20000) and 2064 (60000)
_SERIAL = re.compile(r"^\s*([2-5]\d{4})(?:\.\d+)?\s*$")


def _serial_hint(value: str) -> str:
    """For a value that may be a spreadsheet's day number ("45363"), what day it would be and
    how to have it read (trial V); it is not read as one: a five-digit number may be anything."""
    m = _SERIAL.match(value)
    if m is None:
        return ""
    day = dt.date(1899, 12, 30) + dt.timedelta(days=int(m.group(1)))
    return (
        f" (a spreadsheet's day number? {m.group(1)} would be {day}: format the column as "
        "dates in the spreadsheet, and save it again)"
    )


def _dateparser(values: list[str]) -> tuple[dict[str, dt.date], set[str]]:
    """Dates dateparser reads with a day, a month and a year all written (no guessing of a
    missing part, no relative dates), each day read once (:func:`date_part`); and the values
    left unread past ``_DATEPARSER_MAX`` distinct days."""
    values = list(dict.fromkeys(v for v in values if any(c.isdigit() for c in v)))
    if not values:
        return {}, set()
    import dateparser  # imported only when a column holds dates the formats do not read

    settings = {
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PARSERS": ["absolute-time"],
    }
    days = {v: date_part(v) for v in values}
    read = list(dict.fromkeys(days.values()))[:_DATEPARSER_MAX]
    out = {}
    for day in read:
        if NUMERIC_DATE.match(day):  # day or month first: settled by the file, never guessed
            continue
        try:
            parsed = dateparser.parse(day, settings=settings)
        except (ValueError, OverflowError):
            parsed = None
        if parsed is not None:
            out[day] = parsed.date()
    tried = set(read)
    parsed = {v: out[d] for v, d in days.items() if d in out}
    return parsed, {v for v, d in days.items() if d not in tried}
