"""The dedup steps run as another engine would run them: per partition, in any order."""

import itertools
import random

import numpy as np
import polars as pl
import pytest
from polars.testing import assert_frame_equal

from toolkit.dedup import find_duplicates
from toolkit.dedup_candidates import (
    candidate_pairs,
    containment_candidates,
    gather_signatures,
    sign_batch,
)
from toolkit.dedup_clusters import canonical_rank, cluster_table, pair_tables
from toolkit.dedup_local import read_documents
from toolkit.dedup_verify import (
    series_groups,
    shingle_sets,
    template_counts,
    template_shingles,
    verify_pairs,
)
from toolkit.outlets import registry

# a vocabulary large enough that random texts share no 3-word run by chance (a small one would
# make every run a template shared by many documents)
WORDS = "minsk moscow union state talks gas oil price treaty army border trade bank peace".split()
WORDS = [f"{w}{i}" for w in WORDS for i in range(40)]
OPTIONS = {"shingle_size": 3, "seed": 0}


@pytest.fixture(scope="module")
def frame() -> pl.DataFrame:
    """120 stories, every fourth reprinted with edits or inside a longer text."""
    rng = random.Random(1)
    texts = {f"s{i:03d}": " ".join(rng.choices(WORDS, k=rng.randint(60, 300))) for i in range(120)}
    for i in range(0, 120, 4):
        words = texts[f"s{i:03d}"].split()
        words[::25] = ["edited"] * len(words[::25])
        extra = " ".join(rng.choices(WORDS, k=200)) if i % 8 == 0 else ""
        texts[f"r{i:03d}"] = extra + " " + " ".join(words)
    return pl.DataFrame({"doc_id": list(texts), "text": list(texts.values())})


def test_the_steps_over_uneven_partitions_in_any_order_match_find_duplicates(frame):
    n = frame.height
    bounds = [0, 7, 40, 41, 100, n]
    partitions = [(s, frame["text"][s:e]) for s, e in itertools.pairwise(bounds)]
    random.Random(2).shuffle(partitions)  # a distributed map returns partitions in any order
    signed = gather_signatures(
        [
            (start, sign_batch(t, num_perm=128, containment_sample=16, **OPTIONS))
            for start, t in partitions
        ],
        n_docs=n,
        num_perm=128,
    )
    found = candidate_pairs(signed, bands=32, max_bucket=100)
    docs = read_documents(frame.lazy())
    involved = set(np.concatenate([found.a, found.b]).tolist())
    sets, counts = {}, []
    for start, texts in partitions:
        part = dict(enumerate(shingle_sets(texts, **OPTIONS), start=start))
        part = {r: s for r, s in part.items() if r in involved}
        counts.append(template_counts(part, series_groups(docs)))
        sets |= part
    template = template_shingles(counts, min_docs=5)
    checked = verify_pairs(found.a, found.b, sets, template)
    rank = canonical_rank(docs, registry(), signed.n_tokens)
    pairs, near_misses = pair_tables(
        docs, rank, found, checked, threshold=0.5, containment=0.7, min_shingles=10
    )
    expected = find_duplicates(frame, chunk_size=50)
    assert pairs.height > 20 and set(pairs["kind"]) == {"near", "contained"}
    assert_frame_equal(pairs, expected.pairs)
    assert_frame_equal(near_misses, expected.near_misses)
    assert_frame_equal(cluster_table(docs, rank, pairs), expected.clusters)


@pytest.mark.parametrize(
    ("docs", "hashes", "pairs", "boilerplate"),
    [
        ([], [], set(), 0),
        ([0, 1], [5, 5], {(0, 1)}, 0),  # each one's only anchor is in the other
        ([0, 1, 2], [5, 5, 5], {(0, 1), (0, 2), (1, 2)}, 1),  # in more than max_bucket=2 docs
        ([0, 0, 1, 1], [5, 6, 5, 6], {(0, 1)}, 0),  # two anchors shared
        ([0, 0, 1, 1, 2, 2], [5, 6, 5, 7, 6, 7], set(), 0),  # each shares one of two anchors
        ([0, 0, 1, 1], [5, 6, 5, 7], {(0, 1)}, 0),  # a shingle in one document is no anchor
        ([0, 0, 1, 2], [5, 6, 5, 6], {(0, 1), (0, 2)}, 0),  # 1 and 2 each inside 0
    ],
)
def test_a_document_is_a_candidate_inside_one_holding_two_of_its_anchors(
    docs, hashes, pairs, boilerplate
):
    a, b, large = containment_candidates(
        np.array(docs, dtype=np.int64), np.array(hashes, dtype=np.uint64), n_docs=3, max_bucket=2
    )
    assert set(zip(a.tolist(), b.tolist(), strict=True)) == pairs
    assert large == boilerplate
