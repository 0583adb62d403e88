"""Pairs and clusters: the last step of :func:`toolkit.find_duplicates`.

:mod:`toolkit.dedup_candidates` finds the candidate pairs and :mod:`toolkit.dedup_verify` checks
them; here, global and with no engine inside: :func:`canonical_rank` orders the copies of a
story, with the outlet registry passed in; :func:`pair_tables` labels and orients the pairs;
:func:`cluster_table` joins them into clusters.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from toolkit.dedup_candidates import Candidates
from toolkit.dedup_parallel import parallel_pairs
from toolkit.dedup_verify import Verified
from toolkit.outlets import Registry

__all__ = [
    "CLUSTER_SCHEMA",
    "PAIR_SCHEMA",
    "apart",
    "canonical_rank",
    "cluster_table",
    "miss_counts",
    "pair_kinds",
    "pair_tables",
]

PAIR_SCHEMA: dict[str, pl.DataType] = {
    "doc_a": pl.String,  # the earlier copy (canonical order: published, own site, longer, doc_id)
    "doc_b": pl.String,
    "kind": pl.String,  # exact | near | contained (near_misses: below|template|parallel|apart)
    "jaccard": pl.Float64,
    "containment_a_in_b": pl.Float64,
    "containment_b_in_a": pl.Float64,
}

CLUSTER_SCHEMA: dict[str, pl.DataType] = {
    "doc_id": pl.String,
    "cluster_id": pl.String,  # the doc_id of the cluster's canonical copy
    "is_canonical": pl.Boolean,
    "cluster_size": pl.Int64,
    "first_published": pl.Date,
    "lag_days": pl.Int64,  # days after first_published; null when either date is unknown
}

# ---------------------------------------------------------------- 4. pairs and clusters


def canonical_rank(
    docs: pl.DataFrame, registry: Registry, n_tokens: np.ndarray | None = None
) -> np.ndarray:
    """Each document's place in canonical order: earliest published first (undated last), then
    the copy on its outlet's own site (as ``registry`` knows the sites), then the fullest copy
    (the most words: a full article before a search-result excerpt or a teaser of it), then
    doc_id.

    Args:
        docs: ``doc_id``, ``published``, ``outlet`` and ``site`` of every document, in corpus
            order.
        registry: the outlet registry whose sites say which site is an outlet's own.
        n_tokens: each document's words (as signing counted them; all equal when not given).
    """
    own_site = {d: s.outlet for d, s in registry.sites.items() if s.outlet}
    ordered = (
        docs.with_row_index("i")
        .with_columns(
            own=(
                pl.col("site").replace_strict(own_site, default=None) == pl.col("outlet")
            ).fill_null(False)
        )
        .with_columns(
            size=pl.Series(n_tokens).cast(pl.Int64) if n_tokens is not None else pl.lit(0)
        )
        .sort(
            ["published", "own", "size", "doc_id"],
            descending=[False, True, True, False],
            nulls_last=True,
        )
    )
    rank = np.empty(docs.height, dtype=np.int64)
    rank[ordered["i"].to_numpy()] = np.arange(docs.height)
    return rank


def pair_kinds(
    checked: Verified, *, threshold: float, containment: float, min_shingles: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(near, contained, template) masks of the checked pairs.

    A pair is ``near`` at Jaccard ``threshold`` or more, else ``contained`` when one document
    holds at least ``containment`` of the other's shingles and the smaller has at least
    ``min_shingles``. Either must hold again on the content alone (the sets less the series
    template); a pair that passes only on its template is ``template``: two items of one series
    whose content differs.
    """

    def passes(size_a, size_b, inter):
        jaccard = inter / np.maximum(size_a + size_b - inter, 1)
        held = np.maximum(inter / np.maximum(size_a, 1), inter / np.maximum(size_b, 1))
        near = jaccard >= threshold
        contained = ~near & (held >= containment) & (np.minimum(size_a, size_b) >= min_shingles)
        return near, contained

    near, contained = passes(checked.size_a, checked.size_b, checked.shared)
    content_near, content_contained = passes(
        checked.content_a, checked.content_b, checked.content_shared
    )
    template = (near | contained) & ~(content_near | content_contained)
    return near & ~template, contained & ~template, template


def miss_counts(near_misses: pl.DataFrame) -> dict[str, int]:
    """How many near misses of each kind there are (for a find's stats)."""
    kinds = near_misses["kind"]
    return {k: int((kinds == k).sum()) for k in ("template", "parallel", "apart", "below")}


def exact_titled_apart(docs: pl.DataFrame, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Whether the exact pairs (rows ``a``, ``b``) are two stories of one outlet whose titles
    share at most a word (:func:`toolkit.dedup_parallel.unrelated_titles`): the same text
    under unrelated titles is what the site puts under every title, not a copy (trial AB)."""
    return parallel_pairs(docs, a, b, np.ones(a.size, dtype=bool), parallel_acts=False)


def apart(docs: pl.DataFrame, a: np.ndarray, b: np.ndarray, max_days: int | None) -> np.ndarray:
    """Whether the documents of each pair (rows ``a``, ``b``) are both dated and published more
    than ``max_days`` days apart (all False when ``max_days`` is None)."""
    if max_days is None or a.size == 0:
        return np.zeros(a.size, dtype=bool)
    days = docs["published"].cast(pl.Int64).to_numpy()  # NaN where undated
    gap = np.abs(days[a] - days[b])
    return np.nan_to_num(gap, nan=0) > max_days


def pair_tables(
    docs: pl.DataFrame,
    rank: np.ndarray,
    found: Candidates,
    checked: Verified,
    *,
    threshold: float,
    containment: float,
    min_shingles: int,
    max_days: int | None = None,
    exact_template: np.ndarray | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The pairs (:data:`PAIR_SCHEMA`) and the near misses (checked, kind ``below``,
    ``template`` or ``parallel``: items whose titles differ only in the names they
    give, :func:`toolkit.dedup_parallel.parallel_pairs`; or exact, near or contained
    but dated more than ``max_days`` apart, kind ``apart``), by :func:`pair_kinds`. An
    exact pair whose text is all its series' template (``exact_template``, by exact pair: a
    weekly meeting's one-line summary, :func:`toolkit.dedup_verify.template_only`) is a near
    miss of kind ``template``. Each pair is oriented so that ``doc_a`` comes first in
    ``rank``."""
    near, contained, template = pair_kinds(
        checked, threshold=threshold, containment=containment, min_shingles=min_shingles
    )
    parallel = parallel_pairs(docs, checked.a, checked.b, near | contained)
    near, contained = near & ~parallel, contained & ~parallel
    far = (near | contained) & apart(docs, checked.a, checked.b, max_days)
    kept = (near | contained) & ~far
    if exact_template is None:
        exact_template = np.zeros(found.exact_a.size, dtype=bool)
    exact_parallel = exact_titled_apart(docs, found.exact_a, found.exact_b) & ~exact_template
    far_exact = apart(docs, found.exact_a, found.exact_b, max_days) & ~exact_template
    far_exact &= ~exact_parallel
    dropped = far_exact | exact_template | exact_parallel
    ea, eb = found.exact_a[~dropped], found.exact_b[~dropped]
    exact = np.ones(ea.size)
    pairs = _pair_table(
        docs, rank,
        np.concatenate([ea, checked.a[kept]]),
        np.concatenate([eb, checked.b[kept]]),
        np.concatenate([np.full(exact.size, "exact"), np.where(near[kept], "near", "contained")]),
        np.concatenate([exact, checked.jaccard[kept]]),
        np.concatenate([exact, checked.c_a[kept]]),
        np.concatenate([exact, checked.c_b[kept]]),
    )  # fmt: skip
    below = ~kept
    ones = np.ones(int(dropped.sum()))
    near_misses = _pair_table(
        docs, rank,
        np.concatenate([found.exact_a[dropped], checked.a[below]]),
        np.concatenate([found.exact_b[dropped], checked.b[below]]),
        np.concatenate([
            np.select([exact_template[dropped], exact_parallel[dropped]], ["template", "parallel"],
                      "apart"),
            np.select(
                [far[below], template[below], parallel[below]],
                ["apart", "template", "parallel"],
                "below",
            ),
        ]),
        np.concatenate([ones, checked.jaccard[below]]),
        np.concatenate([ones, checked.c_a[below]]),
        np.concatenate([ones, checked.c_b[below]]),
    )  # fmt: skip
    return pairs, near_misses


def _pair_table(docs, rank, a, b, kind, jaccard, c_a, c_b) -> pl.DataFrame:
    swap = rank[a] > rank[b]  # doc_a is the earlier copy
    a2, b2 = np.where(swap, b, a), np.where(swap, a, b)
    ids = docs["doc_id"]
    return pl.DataFrame(
        {
            "doc_a": ids.gather(a2),
            "doc_b": ids.gather(b2),
            "kind": kind.astype(str),
            "jaccard": np.round(jaccard, 6),
            "containment_a_in_b": np.round(np.where(swap, c_b, c_a), 6),
            "containment_b_in_a": np.round(np.where(swap, c_a, c_b), 6),
        },
        schema=PAIR_SCHEMA,
    ).sort("doc_a", "doc_b")


def cluster_table(
    docs: pl.DataFrame, rank: np.ndarray, pairs: pl.DataFrame, max_days: int | None = None
) -> pl.DataFrame:
    """Connected components of the pair graph (:data:`CLUSTER_SCHEMA`), one row per document.

    Exact and near pairs always join. A ``contained`` pair joins the smaller document to its
    container only when everything the container holds is one story: a compilation of several
    agency stories does not merge those stories into one cluster. Each cluster's canonical
    copy is its first in ``rank`` of the copies that no other copy contains, so a whole article
    is kept over an earlier excerpt of it; ``first_published`` is the earliest of all.
    With ``max_days``, a cluster holds the copies dated within ``max_days`` of its first:
    a chain of copies each a day after the last (a live page updated daily under one title) is
    cut into windows, each its own story; undated copies stay with the first window.
    """
    index = {d: i for i, d in enumerate(docs["doc_id"].to_list())}
    parent = np.arange(docs.height)

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: int, y: int) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)

    for a, b, kind in pairs.select("doc_a", "doc_b", "kind").iter_rows():
        if kind != "contained":
            union(index[a], index[b])
    holds: dict[int, list[tuple[int, int]]] = {}
    for a, b, c_ab, c_ba in (
        pairs.filter(pl.col("kind") == "contained")
        .select("doc_a", "doc_b", "containment_a_in_b", "containment_b_in_a")
        .iter_rows()
    ):
        inner, outer = (index[a], index[b]) if c_ab >= c_ba else (index[b], index[a])
        holds.setdefault(outer, []).append((inner, outer))
    held = np.zeros(docs.height, dtype=bool)
    for edges in holds.values():
        if len({find(inner) for inner, _ in edges}) == 1:
            for inner, outer in edges:
                union(inner, outer)
                held[inner] = True
    roots = _roots(parent)
    if max_days is not None:
        roots = _windows(docs, rank, roots, max_days)
    return _label_clusters(docs, rank, roots, held)


def _windows(docs: pl.DataFrame, rank: np.ndarray, roots: np.ndarray, max_days: int) -> np.ndarray:
    """``roots`` with each cluster cut where a copy is dated more than ``max_days`` after the
    first copy of its window (copies taken by date): each window named by its first copy, the
    undated copies by the cluster's first window."""
    days = docs["published"].cast(pl.Int64).to_numpy().astype(float)  # NaN where undated
    sizes = np.bincount(roots, minlength=roots.size)
    member = sizes[roots] > 1
    dated = np.flatnonzero(member & ~np.isnan(days))
    out = roots.copy()
    first: dict[int, int] = {}
    order = dated[np.lexsort((rank[dated], days[dated], roots[dated]))]
    root = start = window = -1
    for row in order.tolist():
        if roots[row] != root:
            root, start, window = roots[row], days[row], row
            first[root] = row
        elif days[row] - start > max_days:
            start, window = days[row], row
        out[row] = window
    for row in np.flatnonzero(member & np.isnan(days)).tolist():
        out[row] = first.get(roots[row], roots[row])
    return out


def _roots(parent: np.ndarray) -> np.ndarray:
    """Every node's root, by pointer jumping over the whole array at once."""
    roots = parent.copy()
    while True:
        up = roots[roots]
        if np.array_equal(up, roots):
            return roots
        roots = up


def _label_clusters(
    docs: pl.DataFrame, rank: np.ndarray, roots: np.ndarray, held: np.ndarray
) -> pl.DataFrame:
    """Clusters named by their canonical copy: the first in ``rank`` of the copies no other
    copy contains (``held``: an excerpt, a trimmed version), else the first in ``rank``."""
    order = rank + held.astype(np.int64) * docs.height
    return (
        docs.select("doc_id", "published")
        .with_columns(root=pl.Series(roots.astype(np.int64)), rank=pl.Series(order))
        .with_columns(
            cluster_id=pl.col("doc_id").sort_by("rank").first().over("root"),
            cluster_size=pl.len().over("root").cast(pl.Int64),
            first_published=pl.col("published").min().over("root"),
        )
        .select(
            "doc_id",
            "cluster_id",
            is_canonical=pl.col("doc_id") == pl.col("cluster_id"),
            cluster_size="cluster_size",
            first_published="first_published",
            lag_days=(pl.col("published") - pl.col("first_published")).dt.total_days(),
        )
    )
