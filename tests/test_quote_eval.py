"""Quote attribution scored on a committed labelled set (benchmarks/bench_quotes.py), end to end:
the Wikinews development set 26 brings its own documents, so it runs without ../shared/corpora;
and a stand-off item (offsets, no text) rebuilt from its document; the headline sets 37-39,
rebuilt from ../shared/corpora, and their development parts scored.

The floors are the figures of round 86 (0.853, 0.638) less about one attribution; a change that
loses more than that on the development set fails here (the held-out sets 25, 27 and 28 are not
read)."""

import importlib.util
import json
from pathlib import Path

import polars as pl
import pytest

import toolkit

ROOT = Path(__file__).resolve().parents[1]
SET_26 = ROOT / "benchmarks" / "data" / "quotes_eval26" / "labels.jsonl"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location(
        "bench_quotes", ROOT / "benchmarks" / "bench_quotes.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_set_brings_its_own_documents(bench):
    local = bench.local_documents(SET_26)
    assert len(local) == 60
    assert all(source.startswith("wikinews/") for source in local)
    items, docs, spans = bench.load_set(SET_26)
    assert len(items) == 280 and set(docs) == set(local)
    for item in items:  # every sentence is found where the set says it is
        a, b = spans[item["id"]]
        assert docs[item["source"]][a:b] == item["sentence"]
    assert bench.title(items[0]["source"], local) == local[items[0]["source"]]["title"]


def test_a_set_without_its_documents_file_has_none(bench, tmp_path):
    labels = tmp_path / "labels.jsonl"
    labels.write_text(json.dumps({"id": "x"}) + "\n", encoding="utf-8")
    assert bench.local_documents(labels) == {}


def test_development_set_26_keeps_its_precision_and_recall(bench):
    items, docs, spans = bench.load_set(SET_26)
    local = bench.local_documents(SET_26)
    corpus = pl.DataFrame(
        {
            "doc_id": list(docs),
            "text": list(docs.values()),
            "title": [bench.title(s, local) for s in docs],
        }
    )
    tp, fp, hit, n_gold, _, _ = bench.evaluate(items, toolkit.quotes(corpus), spans, docs)
    assert n_gold == 163
    assert tp / (tp + fp) >= 0.84, (tp, fp)
    assert hit / n_gold >= 0.63, (hit, n_gold)


def _standoff(item: dict, text: str) -> dict:
    """An item of set 26 written as a stand-off record: offsets for its text fields."""
    import hashlib

    context = text.find(item["context"])
    sentence = context + item["context"].find(item["sentence"])
    out = {k: v for k, v in item.items() if k not in ("context", "sentence")}
    out |= {
        "doc_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "context_start": context,
        "context_end": context + len(item["context"]),
        "sentence_start": sentence,
        "sentence_end": sentence + len(item["sentence"]),
    }
    attributions = []
    for a in item["attributions"]:
        quote = text.find(a["quote"])
        who = text.find(a["speaker_text"], context) if a["speaker_text"] else None
        rest = {k: v for k, v in a.items() if k not in ("quote", "speaker_text")}
        attributions.append(
            rest
            | {
                "quote_start": quote,
                "quote_end": quote + len(a["quote"]),
                "speaker_text_start": who,
                "speaker_text_end": None if who is None else who + len(a["speaker_text"]),
            }
        )
    return out | {"attributions": attributions}


def test_a_stand_off_item_gets_its_text_from_its_document(bench):
    items, docs, _ = bench.load_set(SET_26)
    item = next(it for it in items if len(it["attributions"]) >= 2)
    text = docs[item["source"]]
    back = bench.rebuilt(_standoff(item, text), text)
    assert back["context"] == item["context"] and back["sentence"] == item["sentence"]
    for a, b in zip(back["attributions"], item["attributions"], strict=True):
        assert a["quote"] == b["quote"] and a["speaker_text"] == b["speaker_text"]
    with pytest.raises(ValueError, match="not the document the set was labelled on"):
        bench.rebuilt(_standoff(item, text), text + " changed")
    assert bench.rebuilt(item, text) is item  # an item with its text is kept as it is


@pytest.mark.parametrize(
    "n", [29, 30, 31, 32, 33, 34, 35, 36, "35/second_annotator_standoff.jsonl"]
)
def test_the_stand_off_china_daily_and_nyt_sets_rebuild_from_the_corpus(bench, corpora, n):
    folder, _, name = str(n).partition("/")  # (set 35's second annotator's labels too)
    labels = (
        ROOT / "benchmarks" / "data" / f"quotes_eval{folder}" / (name or "labels_standoff.jsonl")
    )
    records = [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines()]
    assert all("sentence" not in r and "context" not in r for r in records)  # no text committed
    items, docs, spans = bench.load_set(labels)
    assert len(items) == len(records) and len(docs) == 60
    for item in items:
        a, b = spans[item["id"]]
        assert docs[item["source"]][a:b] == item["sentence"]
        assert item["sentence"] in item["context"]
        assert all(g["quote"] for g in item["attributions"])


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Vladimir V. Putin", "Vladimir Putin", True),  # a middle initial is no part of it
        ("Mr. Andrew M. Cuomo", "Andrew Cuomo", True),  # nor an honorific
        ("Cameron F. Kerry", "John Kerry", False),
        ("U.S. Geological Survey", "Geological Survey", False),
    ],
)
def test_speakers_compare_without_honorifics_or_middle_initials(bench, a, b, same):
    assert (bench._norm(a) == bench._norm(b)) is same


@pytest.mark.parametrize(
    ("n", "items", "positives"),
    [
        (37, 660, 382),
        (38, 300, 102),
        (39, 300, 89),
        (40, 300, 81),
        ("37/second_annotator_standoff.jsonl", 110, 72),
    ],
)
def test_the_headline_sets_rebuild_from_the_corpus(bench, corpora, n, items, positives):
    """Sets 37-40 are headlines: each item's text is its CSV row's title, whole (set 37's second
    annotator's labels too)."""
    folder, _, name = str(n).partition("/")
    labels = (
        ROOT / "benchmarks" / "data" / f"quotes_eval{folder}" / (name or "labels_standoff.jsonl")
    )
    got, docs, spans = bench.load_set(labels)
    assert len(got) == items == len(docs)
    assert sum(bool(it["attributions"]) for it in got) == positives
    for item in got:
        assert spans[item["id"]] == (0, len(docs[item["source"]]))
        for g in item["attributions"]:
            assert g["speaker_text"] in item["sentence"] and g["quote"] in item["sentence"]


@pytest.mark.parametrize(
    ("n", "split", "floor"),
    [(37, "dev", (0.97, 0.87)), (39, "dev", (0.95, 0.77)), (40, "dev", (0.96, 0.84))],
)
def test_headline_development_sets_keep_their_precision_and_recall(bench, corpora, n, split, floor):
    """The development headline sets (set 37's dev split, sets 39 and 40) at session 30's
    figures (0.992 / 0.889, 0.986 / 0.789, 0.986 / 0.864) less about two attributions; the
    held-out ones are not read."""
    labels = ROOT / "benchmarks" / "data" / f"quotes_eval{n}" / "labels_standoff.jsonl"
    items, docs, spans = bench.load_set(labels, split)
    corpus = pl.DataFrame({"doc_id": list(docs), "text": list(docs.values())})
    tp, fp, hit, n_gold, _, _ = bench.evaluate(items, toolkit.quotes(corpus), spans, docs)
    assert tp / (tp + fp) >= floor[0], (tp, fp)
    assert hit / n_gold >= floor[1], (hit, n_gold)
