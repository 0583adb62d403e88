"""Date stamps of pages no outlet table describes, read by dateparser."""

import datetime as dt
import random

import pytest

from toolkit import stamps
from toolkit.stamps import script_languages, stamp_date, yearless_stamp


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("13 Apr, 2024 19:52", dt.date(2024, 4, 13)),
        ("By Li Ming | China Daily | Updated: 2018-10-30 07:50", dt.date(2018, 10, 30)),
        ("2022年02月13日07:48 来源：新华网", dt.date(2022, 2, 13)),
        ("Москва, 19 декабря 2022", dt.date(2022, 12, 19)),
        ("19 декабря 2022", dt.date(2022, 12, 19)),
        ("9 сентября 2021 г.", dt.date(2021, 9, 9)),
        ("19 снежня 2022", dt.date(2022, 12, 19)),  # Belarusian
        ("12 лютага 2023, 10:15", dt.date(2023, 2, 12)),
        ("2022年02月13日07:48", dt.date(2022, 2, 13)),
        ("Published April 13, 2024 at 7:52 PM", dt.date(2024, 4, 13)),
        ("Nov 15, 20195:45 AM", dt.date(2019, 11, 15)),  # a time glued to the year
        ("2015/01/16 05:00", dt.date(2015, 1, 16)),
        ("2015/13/45", None),
        # the year first, one-digit fields, dots (Japanese, Korean pages of flairNLP/fundus)
        ("2025/1/21 20:50", None),  # after "today"
        ("2024/1/21 20:50", dt.date(2024, 1, 21)),
        ("입력 2024.07.12 22:09", dt.date(2024, 7, 12)),
        ("2018. 11. 23", dt.date(2018, 11, 23)),
        ("2024.05.15 20:00", dt.date(2024, 5, 15)),
        ("2024年1月13日 12:00", dt.date(2024, 1, 13)),
        ("v1.2024.01.02.3", None),  # a version number
        ("2024.13.45", None),
        # no year: never completed with a guessed one
        ("19 декабря", None),
        ("9 верасня", None),
        ("12月20日", None),
        ("Updated: April 13", None),
        # not a date, or out of range
        ("Top 10 stories of the week", None),
        ("13 Apr, 1850", None),
        ("13 Apr, 2999", None),
    ],
)
def test_stamp_date(line, expected):
    found = stamp_date(line, today=dt.date(2025, 1, 1))
    assert (found[0] if found else None) == expected


def test_a_paragraph_of_prose_is_no_stamp():
    prose = "The ministers met on 13 April 2024 in Minsk. " * 5
    assert stamp_date(prose) is None


@pytest.mark.parametrize(
    ("line", "order", "expected"),
    [
        # a field over 12 settles the order by itself
        ("Tech 1/17/2015 @ 9:02AM", None, dt.date(2015, 1, 17)),
        ("Posted 17/01/2015", None, dt.date(2015, 1, 17)),
        # both fields 12 or under: read only in the order the site settles
        ("Tech 12/11/2014 @ 7:48AM", None, None),
        ("Tech 12/11/2014 @ 7:48AM", "mdy", dt.date(2014, 12, 11)),
        ("Tech 12/11/2014 @ 7:48AM", "dmy", dt.date(2014, 11, 12)),
        ("01/10/2017", "dmy", dt.date(2017, 10, 1)),
        # dotted: the same rules
        ("19.11.2019, 08:57", None, dt.date(2019, 11, 19)),
        ("05.06.2019", None, None),
        ("05.06.2019", "dmy", dt.date(2019, 6, 5)),
        ("version 1.2.2015.3", "dmy", None),
        # not a date
        ("Page 1/2/3", "dmy", None),
        ("13/13/2015", None, None),
    ],
)
def test_numeric_stamp_read_in_the_site_order(line, order, expected):
    found = stamp_date(line, today=dt.date(2025, 1, 1), order=order)
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize(
    ("text", "languages"),
    [
        ("19 декабря 2022", ["ru", "be", "uk"]),
        ("19 снежня 2022", ["ru", "be", "uk"]),
        ("2022年02月13日", ["zh"]),
        ("13 Apr, 2024", None),  # dateparser detects the language of Latin-script stamps
    ],
)
def test_script_languages(text, languages):
    assert script_languages(text) == languages


def test_the_language_given_is_the_one_read():
    # "9 сентября 2021" read as Chinese only is no date
    assert stamp_date("9 сентября 2021", languages=["zh"], today=dt.date(2025, 1, 1)) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # at the end of a byline (ua/Pravda, flairNLP/fundus): month and day, no year
        ("Ярослав Кузишин Антон Зелинский Карина Гасимова 8 января, 17:46", (1, 8)),
        ("8 января", (1, 8)),
        ("19 снежня", (12, 19)),
        # not a stamp: inside a line, with a year (stamp_date's), a relative time; Latin
        # letters, whose language dateparser would guess ("161-2 win": 2 November in Walser
        # German, a headline of pages_sites_eval)
        ("8 января суд отложил заседание", None),
        ("8 января 2026", None),
        ("12 часов", None),
        ("California girls' basketball coach suspended after 161-2 win", None),
        ("Updated: 13 April", None),
    ],
)
def test_yearless_stamp(line, expected):
    found = yearless_stamp(line)
    assert (found[:2] if found else None) == expected


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Published Mar 3, 2014 10:00 AM", dt.date(2014, 3, 3)),  # read in English first
        ("mardi 4 mars 2014", dt.date(2014, 3, 4)),  # not English: the language detected
        ("3. März 2014", dt.date(2014, 3, 3)),
        ("4 maggio 2014", dt.date(2014, 5, 4)),
    ],
)
def test_a_latin_stamp_is_read_in_english_first_then_in_its_detected_language(line, day):
    found = stamp_date(line, today=dt.date(2024, 1, 1))
    assert found is not None and found[0] == day


def _english_stamps(n: int, seed: int) -> list[str]:
    """Stamps of a day, an English month's name in its forms and cases, a year and a time."""
    rng = random.Random(seed)
    months = [*stamps._english()[0], "Nov", "SEPT", "December", "MAY", "Jun"]
    times = ["", " 19:52", ", 7:48 AM", " at 7:48AM", " 13:45 PM", " 0:05", " 23:59:59",
             " 12:00 p.m.", ", 10:30 pm"]  # fmt: skip
    out = []
    for _ in range(n):
        d, m, y = rng.randint(1, 31), rng.choice(months), rng.randint(1950, 2030)
        dot, comma, th = rng.choice(["", "."]), rng.choice(["", ","]), rng.choice(["", "th", "st"])
        t = rng.choice(times)
        out.append(rng.choice([f"{d} {m}{dot}{comma} {y}{t}", f"{m}{dot} {d}{th}{comma} {y}{t}"]))
    return out


def test_english_stamps_read_without_dateparser_as_dateparser_reads_them():
    """The fast path for "Nov 9, 2013" (dateparser's first call in a process is 0.6 CPU-s)
    gives dateparser's own date for every stamp it reads, and leaves it the rest ("31 Feb")."""
    import dateparser

    texts = _english_stamps(800, seed=5)
    read = {t: stamps._english_stamp(t) for t in texts}
    assert sum(v is not None for v in read.values()) > 700
    for text, fast in read.items():
        if fast is None:
            continue
        slow = dateparser.parse(text, languages=["en"], settings=stamps._SETTINGS)
        assert slow is not None and slow.date() == fast.date(), text


@pytest.mark.parametrize(
    "text", ["31 February 2015", "Nov 9 2013 in Minsk", "Noon 9, 2013", "9 Nov 13", "Mayo 5, 2020"]
)
def test_other_stamps_are_left_to_dateparser(text):
    assert stamps._english_stamp(text) is None


@pytest.mark.parametrize(
    ("line", "date"),
    [
        # when a page was fetched is no date of its own (trial AC: a scraper's metadata list)
        ("- **Scraped at**: 2026-02-28T02:33:33+00:00", None),
        ("- timestamp: 2026-02-27 10:00", None),
        ("Retrieved 5 May 2024", None),
        ("Accessed on 12 March 2024", None),
        # a publication or update stamp still is
        ("Updated June 8, 2023", dt.date(2023, 6, 8)),
        ("Published: 16 February 2026", dt.date(2026, 2, 16)),
    ],
)
def test_a_crawl_time_is_no_page_date(line, date):
    found = stamp_date(line, today=dt.date(2026, 12, 1))
    assert (found[0] if found else None) == date
