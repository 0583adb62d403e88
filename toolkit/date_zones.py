"""Timestamps placed in a source's own time zone, where the user names one.

A timestamp is placed on the day it writes, in the zone it writes: a Telegram export or an API
writes UTC ("2024-11-26T21:05:05+00:00", a Unix time), so a Moscow agency's post of five past
midnight falls on the day before (trial U: 60 of 160 RIA Novosti posts). Where the user names
a source's zone (``timezone="Europe/Moscow"``, IANA's names), each timestamp that carries its
offset (or is a Unix time) is converted to that zone before its day is taken, with a note
where the day changes; one written without an offset is the source's local time already and
is taken as written.

Example:
    >>> found = {("ria.json", "2024-11-26T21:05:05+00:00"): (dt.date(2024, 11, 26), None)}
    >>> placed(found, lambda path: "Europe/Moscow")[("ria.json", "2024-11-26T21:05:05+00:00")]
    (datetime.date(2024, 11, 27), '2024-11-26T21:05:05+00:00 is 2024-11-27 in Europe/Moscow')
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import zoneinfo
from collections.abc import Callable

from toolkit.date_order import EPOCH, epoch_moment
from toolkit.errors import InputError

__all__ = ["ZONED", "check_zone", "placed"]

# (path, value as written) -> (date, note), as toolkit.dates finds them
_Found = dict[tuple[str, str], tuple[dt.date | None, str | None]]

# A time of day with its offset at the end: "21:05:05+00:00", "21:05Z", "21:05:05 +0300"
OFFSET = r"\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|GMT|UTC)$"
_OFFSET = re.compile(OFFSET)
# A value that writes its zone: a time with its offset, or a Unix time (UTC); for polars too
ZONED = f"{OFFSET}|{EPOCH}"


def check_zone(name: str, where: str) -> str:
    """``name`` where it is a time zone IANA's database knows; else an InputError that says so.

    Raises:
        InputError: an unknown zone.
    """
    try:
        zoneinfo.ZoneInfo(str(name))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError) as e:
        raise InputError(
            f"{where}: {name!r} is no time zone; give an IANA name (Europe/Moscow, "
            "Europe/Minsk, Asia/Shanghai, UTC)"
        ) from e
    return str(name)


def placed(found: _Found, zone_for: Callable[[str], str | None]) -> _Found:
    """``found`` with each dated timestamp that carries an offset, or is a Unix time, of a file
    whose source has a zone (``zone_for(path)``) placed on its day in that zone."""
    out = dict(found)
    for (path, value), (day, note) in found.items():
        if day is None or (zone := zone_for(path)) is None:
            continue
        moment = _moment(value)
        if moment is None:
            continue
        local = moment.astimezone(zoneinfo.ZoneInfo(zone)).date()
        if local != day:
            out[(path, value)] = (local, f"{value.strip()} is {local} in {zone}")
        elif note is not None and "UTC day" in note:
            out[(path, value)] = (day, note.replace("its UTC day", f"its day in {zone}"))
    return out


def _moment(value: str) -> dt.datetime | None:
    """The instant a timestamp with an offset, or a Unix time, writes; None for any other."""
    text = value.strip()
    if (moment := epoch_moment(text)) is not None:
        return moment
    if not _OFFSET.search(text):
        return None
    for read in (_iso, _rfc2822):
        moment = read(text)
        if moment is not None and moment.tzinfo is not None:
            return moment
    return None


def _iso(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text.replace(" UTC", "+00:00").replace(" GMT", "+00:00"))
    except ValueError:
        return None


def _rfc2822(text: str) -> dt.datetime | None:
    try:
        return email.utils.parsedate_to_datetime(text)  # "Tue, 26 Nov 2024 21:05:05 +0000"
    except (TypeError, ValueError, IndexError):
        return None
