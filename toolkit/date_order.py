"""Numeric dates such as "01/10/2017": the order of their fields, two-digit years, what the
user declared, and the dates refused as misreadings.

The order is never guessed: it is declared (:class:`DateReading`) or settled by the values of one
column (:func:`settle_order`); otherwise the date stays null with a note. A date before 1900 or
after the load's day is refused (:func:`refuse_out_of_range`).

Example:
    >>> settle_order(["01/10/2017", "25/10/2017"])
    'dmy'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

import polars as pl

__all__ = [
    "EARLIEST",
    "NUMERIC_DATE",
    "DateReading",
    "Order",
    "read_in_file_order",
    "refuse_out_of_range",
    "safe_date",
    "settle_order",
    "two_digit_year",
]


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date of ``year``, ``month`` and ``day``, or None when they make no date."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# "01/10/2017", "1.10.17", "01-10-2017": two numeric fields either of which may be the month,
# then the year. A leading four-digit year ("2017/10/01") is not ambiguous and is not matched.
NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})([/.\-])(\d{1,2})\2(\d{2}|\d{4})(?!\d)")

Order = Literal["dmy", "mdy"]


def settle_order(values: Iterable[str | None]) -> Order | None:
    """Whether numeric dates such as "01/10/2017" in one column (or one site's pages) are
    written day first ("dmy") or month first ("mdy"), from the values themselves.

    A value whose first field is over 12 settles day first for all of them; one whose second
    field is over 12 settles month first. When no value settles it, or values settle it both
    ways, the answer is None: the caller leaves such dates null with a note (never month
    first by default).

    Example:
        >>> settle_order(["01/10/2017", "25/10/2017"])
        'dmy'
        >>> settle_order(["01/10/2017", "10/25/2017"])
        'mdy'
        >>> settle_order(["01/10/2017", "02/10/2017"]) is None
        True
    """
    day_first = month_first = False
    for value in values:
        m = NUMERIC_DATE.match(value) if isinstance(value, str) else None
        if m is None:
            continue
        first, second = int(m.group(1)), int(m.group(3))
        day_first |= 12 < first <= 31 and 1 <= second <= 12
        month_first |= 12 < second <= 31 and 1 <= first <= 12
        if day_first and month_first:
            return None
    if day_first:
        return "dmy"
    if month_first:
        return "mdy"
    return None


EARLIEST = dt.date(1900, 1, 1)  # a news date before this is a misreading ("0001-03-19")


def two_digit_year(yy: int, today: dt.date) -> int:
    """The rule for a two-digit year: the latest year ending in those digits that is not after
    ``today`` ("17" is 2017 in 2024, "98" is 1998).

    Example:
        >>> two_digit_year(17, dt.date(2024, 1, 1)), two_digit_year(98, dt.date(2024, 1, 1))
        (2017, 1998)
    """
    year = today.year - (today.year - yy) % 100
    return year


@dataclass(frozen=True)
class DateReading:
    """How a user says dates are written, for all sources or per source (a source's name as
    the report names it: "rss.csv", "belta"): a strptime ``date_format`` ("%d/%m/%Y"), or
    ``dayfirst`` (True: "01/10/2017" is 1 October) for numeric dates, and the ``timezone`` a
    source's timestamps are placed in ("Europe/Moscow": :mod:`toolkit.date_zones`)."""

    date_format: str | dict[str, str] | None = None
    dayfirst: bool | dict[str, bool] | None = None
    timezone: str | dict[str, str] | None = None

    def for_path(self, path: str) -> tuple[str | None, Order | None]:
        """The declared format and numeric order for a file (``path`` as the report names it)."""
        fmt = _for_path(self.date_format, path)
        dayfirst = _for_path(self.dayfirst, path)
        order = None if dayfirst is None else ("dmy" if dayfirst else "mdy")
        return fmt, order

    def zone_for(self, path: str) -> str | None:
        """The time zone declared for a file's source, or None."""
        return _for_path(self.timezone, path)

    def keys(self) -> set[str]:
        values = (self.date_format, self.dayfirst, self.timezone)
        return {k for v in values if isinstance(v, dict) for k in v}


def _for_path(value: Any, path: str) -> Any:
    if not isinstance(value, dict):
        return value
    for key, v in value.items():
        key = str(key).strip("/")
        if path == key or path.startswith(key + "/"):
            return v
    return None


def refuse_out_of_range(dates: pl.Expr, today: dt.date) -> tuple[pl.Expr, pl.Expr]:
    """``dates`` with those before 1900 or after ``today`` made null, and a note for each."""
    bad = (dates < EARLIEST) | (dates > today)
    note = pl.when(dates < EARLIEST).then(
        pl.format("date read as {} is before 1900: refused", dates)
    )
    note = note.when(dates > today).then(
        pl.format(
            "date read as {} is after the load's day ({}): refused", dates, pl.lit(str(today))
        )
    )
    return pl.when(~bad).then(dates), note


def _unsettled(value: str, conflict: tuple[str, str] | None = None) -> str:
    if conflict is not None:  # the file's dates settle it both ways: each is left undated
        return (
            f"date {value!r} left undated: its file's dates disagree on the day-month order "
            f"({conflict[0]!r} is day first, {conflict[1]!r} month first; declare dayfirst or "
            "date_format for this source)"
        )
    return (
        f"date {value!r} may be day or month first and nothing in its file settles which; "
        "left undated (declare dayfirst or date_format for this source)"
    )


def _conflict(values: Iterable[str]) -> tuple[str, str] | None:
    """A value that can only be day first and one that can only be month first, where the
    values hold both (:func:`settle_order` then settles nothing); else None."""
    day = month = None
    for value in values:
        m = NUMERIC_DATE.match(value)
        if m is None:
            continue
        first, second = int(m.group(1)), int(m.group(3))
        if day is None and 12 < first <= 31 and 1 <= second <= 12:
            day = m.group(0).strip()
        if month is None and 12 < second <= 31 and 1 <= first <= 12:
            month = m.group(0).strip()
    return (day, month) if day and month else None


def _numeric(
    m: re.Match, order: Order, why: str, today: dt.date
) -> tuple[dt.date | None, str | None]:
    first, second, year = int(m.group(1)), int(m.group(3)), m.group(4)
    day, month = (first, second) if order == "dmy" else (second, first)
    year_n = two_digit_year(int(year), today) if len(year) == 2 else int(year)
    date = safe_date(year_n, month, day)
    if date is None:
        return None, f"date {m.group(0).strip()!r} is not a date read {order} ({why})"
    ambiguous = first <= 12 and second <= 12
    note = f"read {'day' if order == 'dmy' else 'month'} first ({why} for its file)"
    if len(year) == 2:
        note += f"; two-digit year read as {year_n}"
    return date, note if (ambiguous or len(year) == 2) else None


def read_in_file_order(
    todo: dict[str, list[str]],
    declared: dict[str, tuple[str | None, Order | None]],
    today: dt.date,
) -> tuple[dict[tuple[str, str], tuple[dt.date | None, str | None]], list[tuple[str, str]]]:
    """Numeric dates read in the order declared for their file, else settled by its values.

    Args:
        todo: file -> its values that no known format read.
        declared: file -> (declared format, declared order), as :meth:`DateReading.for_path`.
        today: the load's day (two-digit years are read as not after it).

    Returns:
        ``(found, unread)``: (file, value) -> (date, note) for the numeric dates (null with a
        note when nothing settles the order; dots are day first), and the (file, value) pairs
        that are no numeric date.
    """
    found: dict[tuple[str, str], tuple[dt.date | None, str | None]] = {}
    unread: list[tuple[str, str]] = []
    for path, vs in todo.items():
        order = declared[path][1]
        why, conflict = "declared", None
        if order is None:
            order, why = settle_order(vs), "settled"
            conflict = _conflict(vs) if order is None else None
        for v in vs:
            m = NUMERIC_DATE.match(v)
            if m is None:
                unread.append((path, v))
            elif order is None and m.group(2) == ".":  # dots: day first wherever written
                found[(path, v)] = _numeric(m, "dmy", "dots are day first", today)
            elif order is None:
                found[(path, v)] = (None, _unsettled(v, conflict))
            else:
                found[(path, v)] = _numeric(m, order, why, today)
    return found, unread


# A Unix time as a date column writes it: seconds (9-10 digits) or milliseconds (12-13)
EPOCH = r"^\s*(\d{9,10}|\d{12,13})\s*$"
_EPOCH = re.compile(EPOCH)
EPOCH_FROM = dt.date(1990, 1, 1)  # a news item's Unix time is after this (fewer digits: no date)


def read_epochs(
    unread: list[tuple[str, str]], by_path: dict[str, list[str]], today: dt.date
) -> tuple[dict[tuple[str, str], tuple[dt.date | None, str | None]], list[tuple[str, str]]]:
    """The values of files whose every date is a Unix time (``1700000000``, or in milliseconds
    ``1700000000000``, as a ``timestamp`` column of an API export writes it) read as their UTC
    day, with a note; a file with any other value keeps them all unread (a number among dates
    is no time). ``by_path``: each file's distinct date values.

    Returns:
        ``(found, unread)``: (file, value) -> (date, note), and the pairs left unread.
    """
    epoch_files = set()
    for path, values in by_path.items():
        if values and all(_EPOCH.match(v) for v in values):
            days = [_epoch_day(v) for v in values]
            if all(d is not None and EPOCH_FROM <= d <= today for d in days):
                epoch_files.add(path)
    found: dict[tuple[str, str], tuple[dt.date | None, str | None]] = {}
    rest = []
    for path, v in unread:
        if path not in epoch_files:
            rest.append((path, v))
            continue
        unit = "milliseconds" if len(v.strip()) > 10 else "seconds"
        note = f"read as Unix time ({unit} since 1970-01-01): its UTC day"
        found[(path, v)] = (_epoch_day(v), note)
    return found, rest


def epoch_moment(value: str) -> dt.datetime | None:
    """The instant (UTC) of a Unix time as a date column writes it (``EPOCH``: seconds, or
    milliseconds), or None."""
    if (m := _EPOCH.match(value)) is None:
        return None
    digits = m.group(1)
    seconds = int(digits) / (1000 if len(digits) > 10 else 1)
    try:
        return dt.datetime.fromtimestamp(seconds, dt.UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _epoch_day(value: str) -> dt.date | None:
    moment = epoch_moment(value)
    return moment.date() if moment is not None else None
