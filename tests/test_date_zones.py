"""Timestamps placed in a source's declared time zone (trial U: 60 of 160 RIA Novosti posts,
written in UTC, fell on the day before their Moscow date)."""

import datetime as dt
import json

import polars as pl
import pytest

from toolkit import ingest
from toolkit.date_zones import check_zone, placed
from toolkit.errors import InputError

D = dt.date


@pytest.mark.parametrize(
    ("value", "zone", "expected"),
    [
        ("2024-11-26T21:05:05+00:00", "Europe/Moscow", D(2024, 11, 27)),
        ("2024-11-26T20:59:00+00:00", "Europe/Moscow", D(2024, 11, 26)),  # 23:59 in Moscow
        ("2024-11-26 21:05:05+0000", "Europe/Minsk", D(2024, 11, 27)),
        ("2024-11-26T21:05Z", "Europe/Moscow", D(2024, 11, 27)),
        ("Tue, 26 Nov 2024 21:05:05 +0000", "Europe/Moscow", D(2024, 11, 27)),
        ("2024-11-27T01:00:00+03:00", "UTC", D(2024, 11, 26)),
        ("2024-11-26T17:00:00+00:00", "Asia/Shanghai", D(2024, 11, 27)),
        ("1732655105", "Europe/Moscow", D(2024, 11, 27)),  # a Unix time: 21:05:05 UTC
        ("1732655105000", "Europe/Moscow", D(2024, 11, 27)),  # in milliseconds
        # no offset: the source's local time as written
        ("2024-11-26 23:30:00", "Europe/Moscow", D(2024, 11, 26)),
        ("2024-11-26", "Europe/Moscow", D(2024, 11, 26)),
    ],
)
def test_a_timestamp_is_placed_on_its_day_in_the_zone(value, zone, expected):
    written = D(2024, 11, 26) if not value.startswith("2024-11-27") else D(2024, 11, 27)
    found = {("a.csv", value): (written, None)}
    day, note = placed(found, lambda path: zone)[("a.csv", value)]
    assert day == expected
    assert (note is not None) == (day != written)


def test_no_zone_declared_leaves_every_day_as_written():
    found = {("a.csv", "2024-11-26T21:05:05+00:00"): (D(2024, 11, 26), None)}
    assert placed(found, lambda path: None) == found


@pytest.mark.parametrize("name", ["Moscow", "MSK", "Europe/Nowhere", ""])
def test_an_unknown_zone_is_an_error_that_says_what_to_give(name):
    with pytest.raises(InputError, match="IANA name"):
        check_zone(name, "timezone")


def test_a_telegram_export_in_utc_dated_on_moscow_days(tmp_path):
    posts = [
        {"date": "2024-11-26T21:05:05+00:00", "text": "Post one about Minsk talks."},
        {"date": "2024-11-26T10:03:54+00:00", "text": "Post two about gas prices."},
    ]
    (tmp_path / "ria.json").write_text(json.dumps(posts), encoding="utf-8")
    utc = ingest(tmp_path).corpus.sort("record")["published"].to_list()
    moscow = ingest(tmp_path, timezone="Europe/Moscow")
    assert utc == [D(2024, 11, 26), D(2024, 11, 26)]
    assert moscow.corpus.sort("record")["published"].to_list() == [D(2024, 11, 27), D(2024, 11, 26)]
    notes = moscow.report.filter(pl.col("note").fill_null("").str.contains("Europe/Moscow"))
    assert notes["note"].to_list() == ["2024-11-26T21:05:05+00:00 is 2024-11-27 in Europe/Moscow"]
    per_source = ingest(tmp_path, timezone={tmp_path.name: "Asia/Shanghai"}).corpus
    assert per_source.sort("record")["published"].to_list() == [D(2024, 11, 27), D(2024, 11, 26)]
