"""Dates as outlets write them: table columns, page stamps, datelines without a year, file names.

A date is only ever taken from evidence. A dateline such as "December 19. /TASS/" has no year; it
gets one from the page's own date, the file name, the manifest, or a weekday named in the story
("on Monday") that fits exactly one year in a range. Otherwise the date stays unknown.

Example:
    >>> import datetime as dt
    >>> year_from_weekday(12, 19, "monday", (2020, 2024))
    datetime.date(2022, 12, 19)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from toolkit.date_order import (
    DateReading,
    read_epochs,
    read_in_file_order,
    refuse_out_of_range,
    safe_date,
)
from toolkit.date_zones import placed
from toolkit.dateparser_read import read_by_dateparser
from toolkit.outlets import Registry, registry

__all__ = [
    "PartialDate",
    "column_dates",
    "date_from_groups",
    "infer_yearless",
    "parse_date_column",
    "parse_dates",
    "parse_filename",
    "url_date",
    "weekday_mentioned",
    "year_from_weekday",
]


@dataclass(frozen=True)
class PartialDate:
    """A date as written: the year may be missing (datelines)."""

    year: int | None
    month: int
    day: int
    text: str

    def complete(self) -> dt.date | None:
        if self.year is None:
            return None
        return safe_date(self.year, self.month, self.day)


def _month(token: str | None, reg: Registry) -> int | None:
    if token is None:
        return None
    if token.isdigit():
        m = int(token)
        return m if 1 <= m <= 12 else None
    return reg.months.get(token.lower().rstrip("."))


def date_from_groups(match: re.Match, *, reg: Registry | None = None) -> PartialDate | None:
    """Read the named groups ``year``, ``month`` and ``day`` of a match into a PartialDate.

    Returns None when the match has no month and day, or they are not a real date.
    """
    reg = reg or registry()
    groups = match.groupdict()
    month = _month(groups.get("month"), reg)
    day = int(groups["day"]) if groups.get("day") else None
    if month is None or day is None:
        return None
    year = int(groups["year"]) if groups.get("year") else None
    if safe_date(year or 2000, month, day) is None:  # 2000 is a leap year: admits 29 February
        return None
    spans = [match.span(g) for g in ("year", "month", "day") if groups.get(g)]
    text = match.string[min(a for a, _ in spans) : max(b for _, b in spans)]
    return PartialDate(year, month, day, text)


def year_from_weekday(
    month: int,
    day: int,
    weekday: str,
    year_range: tuple[int, int],
    *,
    reg: Registry | None = None,
) -> dt.date | None:
    """The date in ``year_range`` (inclusive) on which ``month``/``day`` fell on ``weekday``,
    when exactly one year fits; otherwise None."""
    target = (reg or registry()).weekdays.index(weekday.lower())
    fits = [
        d
        for y in range(year_range[0], year_range[1] + 1)
        if (d := safe_date(y, month, day)) is not None and d.weekday() == target
    ]
    return fits[0] if len(fits) == 1 else None


_WEEKDAY = re.compile(
    r"\b(?:on|this|last|late on|early on)\s+"
    r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


def weekday_mentioned(text: str) -> str | None:
    """The one weekday a passage places its event on ("on Monday"); None if none or several."""
    days = {m.group(1).lower() for m in _WEEKDAY.finditer(text)}
    return days.pop() if len(days) == 1 else None


# What a scraper leaves of a quotation mark's character reference in a file name once "&#", ";"
# or "\" is stripped: "Myanmar8217s", "Myanmarx2019s" (the NYT files of chinadaily-nyt).
_REFERENCE_LEFT = re.compile(
    r"(?<=[^\W\d_])(?:(8217|8221)|x(2019|201[dD]))(?=[^\W\d_]|\s|$)"  # after a word: ’ ”
    r"|(?<![^\s(])(?:(8216|8220)|x(2018|201[cC]))(?=[^\W\d_])"  # before one: ‘ “
)
_QUOTES = {"8216": "‘", "8217": "’", "8220": "“", "8221": "”"}


# one word of letters, digits, "_" and "-" with a digit in it: an identifier
_IDENTIFIER = re.compile(r"(?=[\w-]*\d)[\w-]+")


def parse_filename(stem: str, *, reg: Registry | None = None) -> tuple[dt.date | None, str | None]:
    """A date and a title from a file name such as ``2013-01-04 China helping Africa``; in the
    title, a quotation mark's character reference left glued to a word by a scraper
    ("Myanmar8217s", "Myanmarx2019s") is read as the mark ("Myanmar’s").

    Example:
        >>> parse_filename("2013-01-15T000000Z Myanmar8217s Fight With Rebels")[1]
        'Myanmar’s Fight With Rebels'
    """
    reg = reg or registry()
    for pattern in reg.filename_patterns:
        m = pattern.match(stem)
        if m:
            d = date_from_groups(m, reg=reg)
            title = (m.groupdict().get("title") or "").strip() or None
            if title and _IDENTIFIER.fullmatch(title):
                title = None  # "PL_en_45d83bd34e": a collector's identifier, no title
            if title:
                title = _REFERENCE_LEFT.sub(_quote, title)
            return (d.complete() if d else None), title
    return None, None


def _quote(m: re.Match) -> str:
    decimal = m.group(1) or m.group(3)
    return _QUOTES[decimal or str(int(m.group(2) or m.group(4), 16))]


def column_dates(
    values: pl.Series,
    paths: pl.Series,
    *,
    reading: DateReading | None = None,
    today: dt.date | None = None,
    reg: Registry | None = None,
) -> tuple[pl.Series, pl.Series]:
    """The dates of table cells (and page metadata) as written, and a note per value.

    Each value is read by the formats of ``common.yaml``; a numeric date either of whose first
    fields may be the month ("01/10/2017") is read in the order the user declared for its
    source, else in the order its own file's values settle (:func:`settle_order`), else left
    null with a note (never month first by default). Two-digit years follow
    :func:`two_digit_year`; what a maintained parser (dateparser) reads beyond the formats is
    taken too. Dates before 1900 or after ``today`` are refused with a note.

    Args:
        values: the dates as written, one per cell.
        paths: the file of each value (a column is settled per file).
        reading: what the user declared (:class:`DateReading`).
        today: the load's day (the date refused after it); today by default.
        reg: the outlet registry (its date formats); the bundled one by default.

    Returns:
        ``(dates, notes)``: ``pl.Date`` and ``pl.String`` series as long as ``values``.
    """
    reg = reg or registry()
    reading = reading or DateReading()
    today = today or dt.date.today()
    frame = pl.DataFrame({"path": paths.cast(pl.String), "value": values.cast(pl.String)})
    distinct = frame.unique(maintain_order=True).drop_nulls("value")
    declared = {p: reading.for_path(p) for p in distinct["path"].unique().to_list()}
    formats = {p: f for p, (f, _) in declared.items() if f is not None}
    # 1. a declared strptime format, for the files of that source
    found = _by_declared_format(distinct, formats, reg)
    rest = distinct.filter(~pl.col("path").is_in(list(formats)))
    # 2. the formats every outlet writes
    by_format = _by_known_formats(rest["value"].unique(), reg)
    todo: dict[str, list[str]] = {}
    for path, v in rest.iter_rows():
        if by_format[v] is not None:
            found[(path, v)] = (by_format[v], None)
        else:
            todo.setdefault(path, []).append(v)
    # 3. numeric dates, in the order declared or settled per file
    numeric, unread = read_in_file_order(todo, declared, today)
    found |= numeric
    # 3b. a file whose every date is a Unix time (an API export's timestamp column)
    every = {p: vs for p, vs in rest.group_by("path").agg("value").iter_rows()}
    epochs, unread = read_epochs(unread, every, today)
    found |= epochs
    # 4. what a maintained parser reads beyond the formats ("13 Apr, 2024 19:52")
    read = read_by_dateparser([v for _, v in unread])
    found |= {(path, v): read[v] for path, v in unread}
    if reading.timezone is not None:  # timestamps placed in their source's zone
        found = placed(found, reading.zone_for)
    table = _refused(found, today)
    out = frame.join(table, on=["path", "value"], how="left", maintain_order="left")
    return out["date"], out["note"]


# (path, value as written) -> (date, note)
_Found = dict[tuple[str, str], tuple[dt.date | None, str | None]]


def _by_declared_format(distinct: pl.DataFrame, formats: dict[str, str], reg: Registry) -> _Found:
    """The values of the files whose source declared a strptime format, read by that format."""
    found: _Found = {}
    for path, fmt in formats.items():
        mine = distinct.filter(pl.col("path") == path)["value"]
        parsed = pl.select(_parsed(_cleaned(pl.lit(mine), reg), fmt)).to_series()
        for v, d in zip(mine, parsed, strict=True):
            note = None if d else f"date {v!r} does not match the declared date_format {fmt!r}"
            found[(path, v)] = (d, note)
    return found


def _by_known_formats(unique_values: pl.Series, reg: Registry) -> dict[str, dt.date | None]:
    """Each value read by the formats every outlet writes; numeric ones left to their order."""
    # a screen (polars has no back-references); the exact pattern is matched in step 3
    numeric = unique_values.str.contains(r"^\s*\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}(?:\D|$)")
    by_format = dict.fromkeys(unique_values.filter(numeric))
    words = unique_values.filter(~numeric)
    by_format |= dict(zip(words, parse_dates(words, reg=reg), strict=True))
    return by_format


def _refused(found: _Found, today: dt.date) -> pl.DataFrame:
    """The dates found as a table (path, value, date, note), out-of-range dates refused."""
    keys = list(found)
    table = pl.DataFrame(
        {
            "path": [p for p, _ in keys],
            "value": [v for _, v in keys],
            "date": [found[k][0] for k in keys],
            "note": [found[k][1] for k in keys],
        },
        schema={"path": pl.String, "value": pl.String, "date": pl.Date, "note": pl.String},
    )
    date, note = refuse_out_of_range(pl.col("date"), today)
    return table.with_columns(date.alias("date"), pl.coalesce(note, "note").alias("note"))


_OFFSET = r"(?:Z|[+-]\d{2}:?\d{2})$"  # a time's offset from UTC, as %z reads it


def _cleaned(expr: pl.Expr, reg: Registry) -> pl.Expr:
    return (
        expr.cast(pl.String)
        .str.strip_chars()
        .str.replace(reg.date_prefix, "")
        .str.replace(reg.date_suffix, "")
    )


def _parsed(cleaned: pl.Expr, fmt: str) -> pl.Expr:
    if "%z" in fmt:
        # the day where it was written ("2019-12-30T01:38:00+03:00" is the 30th, though 29
        # December in UTC): the offset is read, to check the value, then left out
        zoned = cleaned.str.to_datetime(fmt, strict=False, exact=True)
        local = cleaned.str.replace(_OFFSET, "").str.to_datetime(
            fmt.replace("%z", ""), strict=False, exact=True
        )
        return pl.when(zoned.is_not_null()).then(local.dt.date())
    if "%H" in fmt or "%I" in fmt:
        return cleaned.str.to_datetime(fmt, strict=False, exact=True).dt.date()
    return cleaned.str.to_date(fmt, strict=False, exact=True)


def parse_date_column(expr: pl.Expr, *, reg: Registry | None = None) -> pl.Expr:
    """Vectorised parse of a string column of dates in any of the known formats to ``pl.Date``.

    Prefixes such as "Updated:" and a trailing "Updated: ..." stamp are ignored; the first
    format that matches wins. Unparseable values become null (the caller keeps the text).
    """
    reg = reg or registry()
    cleaned = _cleaned(expr, reg)
    return pl.coalesce([_parsed(cleaned, fmt) for fmt in reg.date_formats])


def parse_dates(values: pl.Series, *, reg: Registry | None = None) -> pl.Series:
    """:func:`parse_date_column` for a Series, trying each format only on the values that the
    formats before it left unparsed (most columns hold one format: one pass, not eighteen)."""
    reg = reg or registry()
    cleaned = pl.select(_cleaned(pl.lit(values), reg)).to_series()
    out = pl.repeat(None, len(values), dtype=pl.Date, eager=True).alias(values.name)
    todo = cleaned.is_not_null().arg_true()
    for fmt in reg.date_formats:
        if not len(todo):
            break
        parsed = pl.select(_parsed(pl.lit(cleaned.gather(todo)), fmt)).to_series()
        done = parsed.is_not_null()
        out = out.scatter(todo.filter(done), parsed.filter(done))
        todo = todo.filter(~done)
    return out


def infer_yearless(
    docs: pl.DataFrame,
    evidence: Sequence[str],
    *,
    year_range: tuple[int, int] | None = None,
    reg: Registry | None = None,
) -> pl.DataFrame:
    """Dates for datelines without a year, and notes where a dateline disagrees with the date.

    Args:
        docs: one row per document, with the full dates found (the ``evidence`` columns, first
            evidence first) and the dateline read as ``partial_year``, ``partial_month``,
            ``partial_day``, ``partial_text``, and ``weekday`` (a weekday the story names).
        evidence: the names of the date columns, first evidence first.
        year_range: years a weekday may place a yearless dateline in; by default the years of
            the dated documents, one year either side.
        reg: the outlet registry (its weekday names); the bundled one by default.

    Returns:
        ``docs`` with ``inferred`` (the date a weekday fixes for a dateline without a year, when
        exactly one year in the range fits) and ``_disagree`` (a note where a dateline's day is
        not within days of the date found or inferred).
    """
    col = pl.col
    found = [col(c) for c in evidence]
    year_range = year_range or _years_seen(docs, found)
    dated = docs.with_row_index("_i").filter(col("partial_month").is_not_null())
    inferred: dict[int, dt.date | None] = {}
    if year_range is not None:
        yearless = col("partial_year").is_null() & col("weekday").is_not_null()
        for i, month, day, weekday in (
            dated.filter(yearless)
            .select("_i", "partial_month", "partial_day", "weekday")
            .iter_rows()
        ):
            inferred[i] = year_from_weekday(month, day, weekday, year_range, reg=reg)
    disagree: dict[int, str] = {}
    for i, date, month, day, text in dated.select(
        "_i", pl.coalesce(found), "partial_month", "partial_day", "partial_text"
    ).iter_rows():
        date = date or inferred.get(i)
        if date is not None and not _near(date, month, day):
            disagree[i] = f"dateline {text!r} disagrees with the date {date}"
    return docs.with_columns(
        _by_row(inferred, docs.height, pl.Date).alias("inferred"),
        _by_row(disagree, docs.height, pl.String).alias("_disagree"),
    )


def _years_seen(docs: pl.DataFrame, found: list[pl.Expr]) -> tuple[int, int] | None:
    """The years of the dates found, one year either side; None when nothing is dated."""
    low, high = docs.select(
        pl.min_horizontal(c.dt.year().min() for c in found).alias("low"),
        pl.max_horizontal(c.dt.year().max() for c in found).alias("high"),
    ).row(0)
    return (low - 1, high + 1) if low is not None else None


def _by_row(values: dict[int, Any], height: int, dtype: pl.DataType) -> pl.Series:
    """A column that is null except at the given rows."""
    column = pl.repeat(None, height, dtype=dtype, eager=True)
    return column.scatter(list(values), list(values.values())) if values else column


def _near(published: dt.date, month: int, day: int, days: int = 3) -> bool:
    """Whether a yearless dateline's month and day fall within ``days`` of a full date."""
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            if abs((dt.date(year, month, day) - published).days) <= days:
                return True
        except ValueError:
            continue
    return False


# A URL's date, year first: htmldate's pattern ("/2021/05/18/", "/2021-05/18/", "/2021/05-18/";
# its ``extractors.COMPLETE_URL``, written out: importing htmldate costs a fresh process 0.04 s,
# and ``tests/test_provenance_url.py`` holds the two the same) and one it does not read, eight
# digits between slashes ("ria.ru/20210509/...")
_URL_DATE = r"\D((?:199[0-9]|20[0-3][0-9]))[/_-]([0-1]?[0-9])[/_-]([0-3]?[0-9])(?:\D|$)"
_URL_COMPACT = r"/((?:199\d|20[0-3]\d))(\d{2})(\d{2})(?:[/_.\-]|$)"


def url_date(url: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """The date a URL's path gives, year first and whole (a year alone, or a year and month,
    gives none), and the part of the URL it was read from: htmldate's pattern of a URL's date,
    then eight digits between slashes that make a valid date."""
    found = []
    for pattern in (_URL_DATE, _URL_COMPACT):
        parts = url.str.extract_groups(pattern)
        text = pl.concat_str(
            parts.struct.field("1"),
            parts.struct.field("2").str.zfill(2),
            parts.struct.field("3").str.zfill(2),
            separator="-",
        )
        found.append((text.str.to_date("%Y-%m-%d", strict=False), url.str.extract(pattern, 0)))
    date = pl.coalesce(found[0][0], found[1][0])
    written = pl.when(found[0][0].is_not_null()).then(found[0][1]).otherwise(found[1][1])
    return date, pl.when(date.is_not_null()).then(written.str.strip_chars("/_-."))
