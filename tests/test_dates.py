import datetime as dt

import polars as pl
import pytest

from toolkit.date_order import DateReading
from toolkit.dates import (
    column_dates,
    infer_yearless,
    parse_date_column,
    parse_dates,
    parse_filename,
    weekday_mentioned,
    year_from_weekday,
)

D = dt.date


DATE_CASES = [
    # every format in ../shared/corpora
    ("2022-06-24T17:30:00Z", D(2022, 6, 24)),  # kremlin-2021-22
    ("2006-06-21", D(2006, 6, 21)),  # statemedia-headlines
    ("2022-08-11T15:50:38.000Z", D(2022, 8, 11)),  # bbc
    ("15:45, 23-Mar-2022", D(2022, 3, 23)),  # cgtn
    ("Updated: 2022-03-07 17:49", D(2022, 3, 7)),  # chinadaily
    ("Published: Mar 24, 2022 06:46 PM", D(2022, 3, 24)),  # globaltimes
    ("Published: Mar 24, 2022 09:53 PM Updated: Mar 24, 2022 09:23 PM", D(2022, 3, 24)),
    ("2022-03-31 22:34:16", D(2022, 3, 31)),  # xinhuanet, tass-sample
    # others researchers meet
    ("9 Sep 2021", D(2021, 9, 9)),
    ("19 December 2022", D(2022, 12, 19)),
    ("December 19, 2022", D(2022, 12, 19)),
    ("Dec 19, 2022", D(2022, 12, 19)),
    ("19.12.2022", D(2022, 12, 19)),
    ("2022-12-19T10:00:00+03:00", D(2022, 12, 19)),
    # the day where it was written, not UTC's: 01:38 in Moscow is still the 29th in UTC
    ("2019-12-30T01:38:00+03:00", D(2019, 12, 30)),
    ("2019-12-30T01:38:00+0300", D(2019, 12, 30)),
    ("2019-12-29T23:30:00-05:00", D(2019, 12, 29)),
    ("2019-12-30T25:38:00+03:00", None),  # no such hour: refused, as without an offset
    # not dates: stay null, the caller keeps the text
    ("PT59S", None),
    ("", None),
    (None, None),
    ("2022-02-30", None),
]


@pytest.mark.parametrize(("written", "expected"), DATE_CASES)
def test_parse_date_column(written, expected):
    got = pl.DataFrame({"d": [written]}, schema={"d": pl.String}).select(
        parse_date_column(pl.col("d"))
    )
    assert got.item() == expected


def test_parse_dates_gives_what_the_column_expression_gives():
    written = [w for w, _ in DATE_CASES] + [None, "", "2022-13-45", "March 5, 2022 Updated: x"]
    values = pl.Series("d", written * 3, dtype=pl.String)
    expected = pl.select(parse_date_column(pl.lit(values))).to_series()
    assert parse_dates(values).to_list() == expected.to_list()
    assert expected.drop_nulls().len() == 3 * sum(d is not None for _, d in DATE_CASES) + 3


@pytest.mark.parametrize(
    ("month", "day", "weekday", "years", "expected"),
    [
        (12, 19, "monday", (2018, 2026), D(2022, 12, 19)),
        (12, 19, "Monday", (2010, 2026), None),  # 2011, 2016 and 2022: ambiguous, no guess
        (12, 19, "tuesday", (2021, 2022), None),  # no year fits
        (2, 29, "tuesday", (2019, 2025), None),  # 29 Feb 2020 was a Saturday
        (2, 29, "saturday", (2019, 2025), D(2020, 2, 29)),
    ],
)
def test_year_from_weekday(month, day, weekday, years, expected):
    assert year_from_weekday(month, day, weekday, years) == expected


@pytest.mark.parametrize(
    ("text", "weekday"),
    [
        ("Lukashenko said at a meeting with Vladimir Putin on Monday.", "monday"),
        ("The talks held on Monday continued late on Monday.", "monday"),
        ("He met him on Monday and again on Tuesday.", None),
        ("No weekday here.", None),
        ("Monday's talks", None),
    ],
)
def test_weekday_mentioned(text, weekday):
    assert weekday_mentioned(text) == weekday


@pytest.mark.parametrize(
    ("stem", "date", "title"),
    [
        (
            "2013-01-04 China helping African consolidation",
            D(2013, 1, 4),
            "China helping African consolidation",
        ),
        (
            "2013-01-02T000000Z In Hong Kong Rival Protests",
            D(2013, 1, 2),
            "In Hong Kong Rival Protests",
        ),
        ("20221219_putin_minsk", D(2022, 12, 19), "putin_minsk"),
        # GDELT's seen-date stamp, and a collector's identifier after it: no title
        ("20220809T180000Z_PL_en_45d83bd34e", D(2022, 8, 9), None),
        ("20221219_2", D(2022, 12, 19), None),
        ("000_1404d31ced177757", None, None),
        ("2013-13-40 Not a date", None, "Not a date"),
        # a quotation mark's character reference a scraper left glued to a word
        ("2013-01-15T000000Z Myanmar8217s Fight", D(2013, 1, 15), "Myanmar’s Fight"),
        ("2013-04-07T000000Z Rift Threatens Myanmarx2019s Reforms", D(2013, 4, 7),
         "Rift Threatens Myanmar’s Reforms"),
        ("2014-05-01 Her Dance 8216The One Hundreds8217", D(2014, 5, 1),
         "Her Dance ‘The One Hundreds’"),
        ("2014-05-01 8220Peace8221 talks", D(2014, 5, 1), "“Peace” talks"),
        # a number standing alone, or inside a word, is a number
        ("2014-05-01 Flight MH17 8217 down", D(2014, 5, 1), "Flight MH17 8217 down"),
        ("2014-05-01 Order 18217 signed", D(2014, 5, 1), "Order 18217 signed"),
    ],
)  # fmt: skip
def test_parse_filename(stem, date, title):
    assert parse_filename(stem) == (date, title)


@pytest.mark.parametrize(
    ("found", "partial", "weekday", "year_range", "inferred", "disagree"),
    [
        # a yearless dateline and "on Monday": the one year in range it fits
        (None, (None, 12, 19, "December 19"), "monday", (2020, 2024), D(2022, 12, 19), None),
        # no range given: the years of the dated documents, one either side (2022 to 2024)
        (None, (None, 12, 19, "December 19"), "monday", None, D(2022, 12, 19), None),
        # a weekday that fits no year in range
        (None, (None, 12, 19, "December 19"), "saturday", (2021, 2023), None, None),
        # a dateline far from the date found: noted
        (
            D(2022, 5, 1),
            (None, 12, 19, "December 19"),
            None,
            None,
            None,
            "dateline 'December 19' disagrees with the date 2022-05-01",
        ),
        # a dateline within days of the date found: no note
        (D(2022, 12, 20), (None, 12, 19, "December 19"), None, None, None, None),
        # a dateline with its year infers nothing
        (None, (2022, 12, 19, "December 19, 2022"), "monday", (2020, 2024), None, None),
    ],
)
def test_infer_yearless(found, partial, weekday, year_range, inferred, disagree):
    year, month, day, text = partial
    docs = pl.DataFrame(
        {
            "found": [found, D(2023, 6, 1)],
            "partial_year": [year, None],
            "partial_month": [month, None],
            "partial_day": [day, None],
            "partial_text": [text, None],
            "weekday": [weekday, None],
        },
        schema_overrides={"found": pl.Date, "partial_year": pl.Int64, "weekday": pl.String},
    )
    out = infer_yearless(docs, ["found"], year_range=year_range)
    assert out.columns == [*docs.columns, "inferred", "_disagree"]
    assert out["inferred"].to_list() == [inferred, None]
    assert out["_disagree"].to_list() == [disagree, None]


def test_year_from_weekday_reads_weekdays_from_the_registry_given():
    class Weekdays:  # a registry whose week starts on Sunday by name only
        weekdays = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

    assert year_from_weekday(12, 19, "monday", (2020, 2024), reg=Weekdays()) == D(2022, 12, 19)


TODAY = D(2024, 6, 1)


@pytest.mark.parametrize(
    ("values", "reading", "dates", "note"),
    [
        # RSS items written day first: the values over 12 settle the whole column
        (["01/10/2017", "25/10/2017"], None, [D(2017, 10, 1), D(2017, 10, 25)], "day first"),
        (["01/10/2017", "10/25/2017"], None, [D(2017, 1, 10), D(2017, 10, 25)], "month first"),
        # nothing settles it: undated with a note, never month first by default
        (["01/10/2017", "02/10/2017"], None, [None, None], "nothing in its file settles"),
        # values that settle it both ways: each undated, the note says the file disagrees
        (
            ["25/12/2024", "12/25/2024", "03/04/2024"],
            None,
            [None, None, None],
            "its file's dates disagree on the day-month order ('25/12/2024' is day first, "
            "'12/25/2024' month first",
        ),
        # the user declares it, for all sources or per source
        (["01/10/2017"], DateReading(dayfirst=True), [D(2017, 10, 1)], "declared"),
        (["01/10/2017"], DateReading(dayfirst={"f.csv": False}), [D(2017, 1, 10)], "declared"),
        (["01/10/2017"], DateReading(date_format="%d/%m/%Y"), [D(2017, 10, 1)], None),
        (["2017-10-01"], DateReading(date_format="%d/%m/%Y"), [None], "declared date_format"),
        # two-digit years: the latest such year not after the load's day
        (["25/10/17", "01/02/98"], None, [D(2017, 10, 25), D(1998, 2, 1)], "two-digit year"),
        (["1.10.17"], None, [D(2017, 10, 1)], "dots are day first"),
        # before 1900 or after the load's day: refused, never "0001-03-19"
        (["0001-03-19"], None, [None], "before 1900: refused"),
        (["2031-03-19"], None, [None], "after the load's day"),
        # what the formats miss, dateparser reads when day, month and year are all written
        (["13 Apr, 2024 19:52"], None, [D(2024, 4, 13)], None),
        (["19 декабря 2022"], None, [D(2022, 12, 19)], None),
        (["last Monday"], None, [None], "not understood"),
        # a time of day after or before the date: the day read once, whatever the minute
        (["July 11, 2022 12:18 AM", "July 11, 2022 4:46 PM"], None, [D(2022, 7, 11)] * 2, None),
        (["Mar 3, 2022 at 9:05 p.m. EST"], None, [D(2022, 3, 3)], None),
        (["09:30 AM, November 12, 2021"], None, [D(2021, 11, 12)], None),
        (["2 марта 2022, 14:05"], None, [D(2022, 3, 2)], None),
        # a column of Unix times (an API export's timestamp): each its UTC day, with a note
        (["1700000000", "1700086400000"], None, [D(2023, 11, 14), D(2023, 11, 15)], "Unix time"),
        # a number among dates is no time; nor one before 1990
        (["1700000000", "2022-12-19"], None, [None, D(2022, 12, 19)], "not understood"),
        (["123456789"], None, [None], "not understood"),
        (["2022-12-19"], None, [D(2022, 12, 19)], None),
    ],
)
def test_column_dates(values, reading, dates, note):
    paths = pl.Series(["f.csv"] * len(values))
    got, notes = column_dates(pl.Series(values), paths, reading=reading, today=TODAY)
    assert got.to_list() == dates
    if note is None:
        assert notes.null_count() == len(values)
    else:
        assert notes.str.contains(note, literal=True).any(), notes.to_list()


def test_each_file_settles_its_own_column():
    values = pl.Series(["01/10/2017", "25/10/2017", "01/10/2017", "10/25/2017"])
    paths = pl.Series(["a.csv", "a.csv", "b.csv", "b.csv"])
    got, _ = column_dates(values, paths, today=TODAY)
    assert got.to_list() == [D(2017, 10, 1), D(2017, 10, 25), D(2017, 1, 10), D(2017, 10, 25)]


def test_dates_past_dateparsers_limit_say_so_and_how_to_read_them(monkeypatch):
    from toolkit import dateparser_read

    monkeypatch.setattr(dateparser_read, "_DATEPARSER_MAX", 2)
    values = ["July 9, 2022 1:00 AM", "July 10, 2022 2:00 PM", "July 9, 2022 3:00 PM",
              "July 11, 2022 4:00 PM"]  # fmt: skip
    got, notes = column_dates(pl.Series(values), pl.Series(["f.csv"] * 4), today=TODAY)
    # two distinct days read (three values), the third day is past the limit
    assert got.to_list() == [D(2022, 7, 9), D(2022, 7, 10), D(2022, 7, 9), None]
    assert notes[:3].null_count() == 3
    assert "at most 2 distinct" in notes[3] and "date_format" in notes[3]
    assert '"%B %d, %Y %I:%M %p", which reads this one' in notes[3]  # the format that reads it


def test_a_date_past_the_limit_that_no_suggested_format_reads_names_none(monkeypatch):
    from toolkit import dateparser_read

    monkeypatch.setattr(dateparser_read, "_DATEPARSER_MAX", 1)
    values = ["3 марта 2022", "4 марта 2022"]  # read by dateparser, by no strptime format here
    _, notes = column_dates(pl.Series(values), pl.Series(["f.csv"] * 2), today=TODAY)
    assert "date_format to read them all)" in notes[1] and "e.g." not in notes[1]


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        ("45363", "45363 would be 2024-03-12"),
        ("45363.5", "45363 would be 2024-03-12"),
        ("123", None),  # no day number of a news item
        ("9999999", None),
    ],
)
def test_a_spreadsheets_day_number_is_not_read_but_named(value, hint):
    """Trial V: a CSV saved from a spreadsheet with its dates as day numbers (45363): each was
    'not understood' with no word of what it may be."""
    from toolkit.dateparser_read import read_by_dateparser

    day, note = read_by_dateparser([value])[value]
    assert day is None
    assert (hint in note) if hint else "spreadsheet" not in note


@pytest.mark.parametrize(
    ("value", "day"),
    [("2024-03-14T25:00", None), ("2024-03-14T23:59", dt.date(2024, 3, 14)),
     ("12 March 2022, 24:10", None), ("12 March 2022, 23:59 MSK", dt.date(2022, 3, 12))],
)  # fmt: skip
def test_a_time_of_day_that_is_none_is_not_dropped_to_read_the_day(value, day):
    """Trial V: an hour-25 timestamp was read as its day, the time set aside unread."""
    from toolkit.dates import column_dates

    dates, notes = column_dates(pl.Series([value]), pl.Series(["a.csv"]))
    assert dates.to_list() == [day]
    assert (notes[0] is not None) == (day is None)
