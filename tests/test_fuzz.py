"""Fuzzing the promises of docs/reliability.md with a fixed seed: random bytes in every input
format, random CSV, JSON and JSON Lines tables, and random parameter sets.

Whatever comes in, the load and the validation end in a result or a ``ToolkitError``, never a
raw exception; every record of a table is loaded or skipped with a reason; nothing is written
beside the inputs; an accepted run name keeps the run inside the outputs folder. Hypothesis runs
derandomized (its seed fixed), so every run tries the same few hundred cases, in seconds.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import tempfile
from pathlib import Path

import polars as pl
import pytest
import yaml
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit import ingest
from toolkit.errors import ToolkitError
from toolkit.params import SECTIONS, SHARED, load_params, validate
from toolkit.readers import READERS

FUZZ = settings(
    derandomize=True,  # a fixed seed: the same cases on every run
    database=None,
    deadline=None,
    max_examples=80,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

WORDS = st.sampled_from(
    ["Minsk", "Moscow", "Лукашенко", "встреча", "习近平", "the", "said", "Union State", "<b>",
     '"', "'", ",", ";", "\n", "\r\n", "\t", " ", "\\", "#", "\x00", "\ufeff", "é", "\u202e"]
)  # fmt: skip
TEXT = st.one_of(st.text(max_size=40), st.lists(WORDS, max_size=30).map("".join))
COLUMNS = ["title", "text", "body", "summary", "date", "published", "outlet", "url", "junk"]
JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=8,
)


def _load(name: str, data: bytes) -> tuple[pl.DataFrame, pl.DataFrame] | None:
    """Ingest one file of ``data`` in a fresh folder: (report rows of the file, corpus), or None
    when the load refused it with a ToolkitError. Nothing may be written beside it."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            result = ingest([path], progress=False)
        except ToolkitError:
            return None
        finally:
            assert sorted(p.name for p in Path(folder).iterdir()) == [name]
    report = result.report.filter(pl.col("status") != "manifest")
    assert report.height >= 1, "the file is in the report"
    assert report.filter(pl.col("status") == "skipped")["reason"].is_not_null().all()
    assert result.corpus.height == report.filter(pl.col("status") == "loaded").height
    return report, result.corpus


def _accounted(report: pl.DataFrame, records: int) -> None:
    """Every record is loaded or skipped: one report row each, unless the table as a whole was
    skipped (one row without a record number saying why, beside the records skipped alone)."""
    whole = report.filter(pl.col("record").is_null())
    alone = report.filter(pl.col("record").is_not_null())
    assert alone["record"].n_unique() == alone.height, "one row per record"
    if whole.height:
        assert whole.height == 1 and whole["status"].to_list() == ["skipped"], report
        assert (alone["status"] == "skipped").all() and alone.height < records, report
    else:
        assert alone.height == records, (alone.height, records)


@FUZZ
@given(suffix=st.sampled_from(sorted(READERS)), data=st.binary(max_size=600))
def test_random_bytes_in_any_format_are_loaded_or_skipped(suffix, data):
    _load("input" + suffix, data)


@FUZZ
@given(
    header=st.lists(st.sampled_from(COLUMNS), min_size=1, max_size=5, unique=True),
    rows=st.lists(st.lists(TEXT, min_size=5, max_size=5), max_size=8),
    delimiter=st.sampled_from([",", "\t"]),
)
def test_every_row_of_a_random_table_is_loaded_or_skipped(header, rows, delimiter):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(row[: len(header)] for row in rows)
    loaded = _load("table.csv" if delimiter == "," else "table.tsv", out.getvalue().encode())
    if loaded is not None and rows:
        _accounted(loaded[0], len(rows))


@FUZZ
@given(
    records=st.lists(
        st.dictionaries(st.sampled_from(COLUMNS) | TEXT, JSON_VALUE, max_size=5) | JSON_VALUE,
        max_size=6,
    ),
    lines=st.booleans(),
)
def test_every_record_of_a_random_json_file_is_loaded_or_skipped(records, lines):
    if lines:
        data, name = "\n".join(json.dumps(r) for r in records), "records.jsonl"
    else:
        data, name = json.dumps(records), "records.json"
    loaded = _load(name, data.encode())
    if loaded is not None and records:
        _accounted(loaded[0], len(records))


@FUZZ
@given(value=JSON_VALUE)
def test_any_json_document_is_loaded_or_skipped(value):
    _load("any.json", json.dumps(value).encode())


def _params() -> st.SearchStrategy[dict]:
    """Parameter sets: known and unknown keys, values of every kind, known section keys."""
    scalar = st.none() | st.booleans() | st.integers(-(10**12), 10**12) | st.floats() | TEXT
    value = st.recursive(
        scalar,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
        max_leaves=6,
    )
    sections = {
        name: st.dictionaries(st.sampled_from(sorted(keys)) | TEXT, value, max_size=4)
        for name, keys in SECTIONS.items()
    }
    key = st.sampled_from(sorted(SHARED)) | TEXT
    return st.fixed_dictionaries(
        {}, optional={**{k: value for k in SHARED}, **sections, "sources": st.just(["seeds"])}
    ) | st.dictionaries(key, value, max_size=5)


@FUZZ
@given(raw=_params())
def test_random_parameters_are_valid_or_one_params_error(raw):
    try:
        params = validate(raw, root=ROOT)
    except ToolkitError:
        return
    outputs = ROOT / "outputs"
    assert (outputs / params["name"]).resolve().parent == outputs.resolve()


@FUZZ
@given(name=st.text(max_size=12) | st.sampled_from(["..", ".", "../x", "/etc", "a/../..", "~"]))
def test_an_accepted_run_name_stays_inside_outputs(name):
    try:
        params = validate({"name": name}, root=ROOT)
    except ToolkitError:
        return
    outputs = ROOT / "outputs"
    assert (outputs / params["name"]).resolve().parent == outputs.resolve()


@FUZZ
@given(text=st.text(max_size=200) | _params().map(lambda raw: yaml.safe_dump(raw)))
def test_any_params_file_is_read_or_one_params_error(text):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "set.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        with contextlib.suppress(ToolkitError):
            load_params(path, root=ROOT)
        assert [p.name for p in Path(folder).iterdir()] == ["set.yaml"]


@pytest.mark.parametrize("suffix", sorted(READERS))
def test_an_empty_file_of_each_format_is_accounted_for(suffix):
    assert _load("empty" + suffix, b"") is not None
