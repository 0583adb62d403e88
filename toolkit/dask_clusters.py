"""The last steps of duplicate detection on Dask: pair tables per partition of candidate pairs,
and clusters as connected components merged up a tree of forests on the workers.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import polars as pl

from toolkit.dedup_candidates import Candidates
from toolkit.dedup_clusters import (
    PAIR_SCHEMA,
    apart,
    exact_titled_apart,
    pair_kinds,
    pair_tables,
)
from toolkit.dedup_parallel import parallel_pairs

__all__ = ["cat_arrays", "cluster_links", "forest", "merge", "pair_part", "tree"]

_EMPTY = np.zeros(0, dtype=np.int64)


def cat_arrays(pieces) -> tuple[np.ndarray, ...]:
    """Pieces of equal-length array tuples, concatenated field by field (two empty arrays for
    no pieces)."""
    pieces = list(pieces)
    if not pieces:
        return _EMPTY, _EMPTY
    return tuple(np.concatenate(list(x)) for x in zip(*pieces, strict=True))


def pair_part(
    docs, rank, found: Candidates, checks, *, threshold, containment, min_shingles, max_days
):
    """A partition's pairs and near misses, and its exact and near links (rows) for clusters;
    ``checks`` is (the candidate pairs verified, whether each exact pair's text is all
    template)."""
    checked, exact_template = checks
    kinds = {"threshold": threshold, "containment": containment, "min_shingles": min_shingles}
    pairs, misses = pair_tables(
        docs, rank, found, checked, max_days=max_days, exact_template=exact_template, **kinds
    )
    near, contained, _ = pair_kinds(checked, **kinds)
    near &= ~apart(docs, checked.a, checked.b, max_days)
    near &= ~parallel_pairs(docs, checked.a, checked.b, near | contained)
    exact = ~apart(docs, found.exact_a, found.exact_b, max_days) & ~exact_template
    exact &= ~exact_titled_apart(docs, found.exact_a, found.exact_b)
    a = np.concatenate([found.exact_a[exact], checked.a[near]])
    b = np.concatenate([found.exact_b[exact], checked.b[near]])
    return {"pairs": pairs, "misses": misses, "links": forest(a, b)}


def forest(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(nodes, root of each): the connected components of the edges (a, b), each rooted at its
    lowest node, by min-label propagation with pointer jumping."""
    nodes = np.unique(np.concatenate([a, b]))
    ia, ib = np.searchsorted(nodes, a), np.searchsorted(nodes, b)
    label = np.arange(nodes.size)
    while True:
        low = np.minimum(label[ia], label[ib])
        hooked = label.copy()
        np.minimum.at(hooked, ia, low)
        np.minimum.at(hooked, ib, low)
        hooked = hooked[hooked]
        if np.array_equal(hooked, label):
            return nodes, nodes[label]
        label = hooked


def merge(*forests: tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    return forest(*cat_arrays(forests))


def tree(client, forests: list, fan_in: int = 8) -> Any:
    """Forests merged up a tree of ``fan_in`` at a time, on the workers."""
    while len(forests) > 1:
        forests = [
            client.submit(merge, *forests[i : i + fan_in]) for i in range(0, len(forests), fan_in)
        ]
    return forests[0]


def cluster_links(
    docs: pl.DataFrame, nodes: np.ndarray, roots: np.ndarray, pairs: pl.DataFrame
) -> pl.DataFrame:
    """One ``near`` link per clustered document to its root (the same components as all exact
    and near pairs), then the ``contained`` pairs in pair order: what :func:`cluster_table`
    needs."""
    spanning = nodes != roots
    ids = docs["doc_id"]
    links = pl.DataFrame(
        {"doc_a": ids.gather(roots[spanning]), "doc_b": ids.gather(nodes[spanning])}
    ).with_columns(kind=pl.lit("near"))
    links = links.select(pl.col(c).cast(t) if c in links.columns else pl.lit(None, t).alias(c)
                         for c, t in PAIR_SCHEMA.items())  # fmt: skip
    return pl.concat([links, pairs.filter(pl.col("kind") == "contained")])
