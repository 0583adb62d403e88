"""The PolNeAR reader (benchmarks/polnear.py) and its attribution benchmark
(benchmarks/bench_quotes_polnear.py), on a two-article compartment written in PolNeAR's
stand-off format (brat): the corpus itself is not committed."""

import importlib.util
import sys
from pathlib import Path

import polars as pl
import pytest

ROOT = Path(__file__).resolve().parents[1]

TEXT_A = (
    "Lukashenko said the talks went well. The weather was fine.\n\n"
    '"We will meet again," Sen. Ted Cruz, R-Texas, said.\n\n'
    "Voters want lower prices, and the minister agreed."
)
# T-lines: id, role, offsets (";" joins the parts of a span in parts), text
ANN_A = """T1\tSource 0 10\tLukashenko
T2\tCue 11 15\tsaid
T3\tContent 16 35\tthe talks went well
T4\tAttribution 11 15\tsaid
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
T5\tContent 61 81\tWe will meet again,"
T6\tSource 82 104\tSen. Ted Cruz, R-Texas
T7\tCue 106 110\tsaid
T8\tAttribution 106 110\tsaid
E2\tAttribution:T8 Content:T5 Cue:T7 Source:T6
T9\tSource 113 119\tVoters
T10\tCue 120 124\twant
T11\tContent 125 138\tlower prices,
T12\tAttribution 120 124\twant
E3\tAttribution:T12 Content:T11 Cue:T10 Source:T9
"""


def _module(name: str):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def polnear():
    return _module("polnear")


@pytest.fixture(scope="module")
def bench():
    return _module("bench_quotes_polnear")


@pytest.fixture
def corpus(tmp_path):
    for part in ("text", "attributions"):
        (tmp_path / "data" / "dev" / part).mkdir(parents=True)
    (tmp_path / "data" / "dev" / "text" / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "data" / "dev" / "attributions" / "a_0001.ann").write_text(ANN_A, encoding="utf-8")
    # a second annotator's file of the same article: not read twice
    (tmp_path / "data" / "dev" / "attributions" / "a_0002.ann").write_text("", encoding="utf-8")
    return tmp_path


def test_the_stand_off_spans_hold_their_text():
    for line in ANN_A.splitlines():
        if line.startswith("T"):
            _, role, text = line.split("\t")
            a, b = map(int, role.split()[1:])
            assert TEXT_A[a:b] == text


def test_articles_are_read_once_with_their_roles(polnear, corpus):
    articles = polnear.articles(corpus, "dev")
    assert [a[0] for a in articles] == ["a"]
    found = articles[0][2]
    assert [f["cue"] for f in found] == ["said", "said", "want"]
    assert found[0]["source"] == [(0, 10)] and found[0]["content"] == [(16, 35)]


@pytest.mark.parametrize(
    ("cue", "speech"),
    [("said", True), ("according to", True), (":", True), ("told", True), ("want", False),
     ("seemed", False)],
)  # fmt: skip
def test_a_cue_is_speech_when_it_reports(polnear, cue, speech):
    assert polnear.speech(cue) is speech


def test_examples_mark_speakers_less_their_appositions(polnear, corpus):
    examples = polnear.examples(corpus, "dev", negatives=10.0)
    marked = {e["sentence"]: [e["sentence"][a:b] for a, b in e["spans"]] for e in examples}
    assert marked["Lukashenko said the talks went well."] == ["Lukashenko"]
    assert marked['"We will meet again," Sen. Ted Cruz, R-Texas, said.'] == ["Sen. Ted Cruz"]
    # a sentence whose only source is of a state ("want") is neither speaker nor not
    assert not any(s.startswith("Voters") for s in marked)


@pytest.mark.parametrize(
    ("source", "names"),
    [("Sen. Ted Cruz, R-Texas", {"sen ted cruz, r-texas", "sen ted cruz", "r-texas"}),
     ("Rep. Gwen Moore (D-Wis.)", {"rep gwen moore d-wis", "rep gwen moore", "d-wis"}),
     ("the\xa0minister", {"minister"})],
)  # fmt: skip
def test_a_source_counts_whole_or_by_its_parts(bench, source, names):
    assert bench.names(source) == {bench.mention(n) for n in names}


def test_precision_and_recall_of_the_speakers_as_written(bench, polnear, corpus):
    articles = polnear.articles(corpus, "dev")
    rows = [
        # right: Lukashenko's report
        {"doc_id": "a", "start": 16, "end": 35, "speaker_text": "Lukashenko"},
        # right by an apposition's part: "Sen. Ted Cruz"
        {"doc_id": "a", "start": 61, "end": 79, "speaker_text": "Sen. Ted Cruz"},
        # wrong: no attribution of the sentence has this source
        {"doc_id": "a", "start": 36, "end": 57, "speaker_text": "the weather"},
    ]
    found = pl.DataFrame(rows)
    right, predicted, hit, labelled, errors = bench.evaluate(articles, found)
    assert (right, predicted, hit, labelled) == (2, 3, 2, 2)
    assert [e[:2] for e in errors] == [("FP", "weather")]
    # nothing found: every speech attribution missed, the state ("want") not counted
    right, predicted, hit, labelled, _ = bench.evaluate(articles, found.clear())
    assert (right, predicted, hit, labelled) == (0, 0, 0, 2)


def test_a_folder_that_is_no_polnear_copy_says_so(polnear, corpus, tmp_path):
    with pytest.raises(SystemExit, match="no PolNeAR annotation files"):
        polnear.articles(tmp_path / "elsewhere", "dev")
    (corpus / "data" / "dev" / "text" / "a.txt").unlink()
    with pytest.raises(SystemExit, match=r"a\.txt is missing"):
        polnear.articles(corpus, "dev")
