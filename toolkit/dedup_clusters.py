"""Duplicate verification and clusters: the last two steps of :func:`toolkit.find_duplicates`.

:mod:`toolkit.dedup_candidates` finds the candidate pairs; the steps here check and join them,
each a function of arrays or frames with no engine inside:

3. **Verification**, a map over the documents in candidate pairs, then a join: :func:`shingle_sets`
   gives each document's distinct shingle hashes; :func:`verify_pairs` computes the exact Jaccard
   and containment of every candidate pair from them.
4. **Clusters**, global: :func:`canonical_rank` orders the copies of a story, with the outlet
   registry passed in; :func:`pair_tables` labels and orients the pairs; :func:`cluster_table`
   joins them into clusters.

Example:
    >>> import numpy as np, polars as pl
    >>> sets = shingle_sets(pl.Series(["a b c d", "a b c e"]), shingle_size=3, seed=0)
    >>> verify_pairs(np.array([0]), np.array([1]), dict(enumerate(sets))).jaccard.tolist()
    [0.3333333333333333]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

import numpy as np
import polars as pl

from toolkit.dedup_candidates import Candidates
from toolkit.minhash import shingles, sorted_distinct, tokenize
from toolkit.outlets import Registry

__all__ = [
    "CLUSTER_SCHEMA",
    "PAIR_SCHEMA",
    "Verified",
    "apart",
    "canonical_rank",
    "cluster_table",
    "exact_templates",
    "pair_kinds",
    "pair_tables",
    "series_groups",
    "series_template",
    "shingle_sets",
    "template_counts",
    "template_shingles",
    "verify_pairs",
]

PAIR_SCHEMA: dict[str, pl.DataType] = {
    "doc_a": pl.String,  # the earlier copy (canonical order: published, own site, longer, doc_id)
    "doc_b": pl.String,
    "kind": pl.String,  # exact | near | contained (near_misses: below | template | apart)
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

# ---------------------------------------------------------------- 3. verification


class Verified(NamedTuple):
    """The exact comparison of each candidate pair (a, b), from the full shingle sets, and from
    their content: the sets less the series template (:func:`template_shingles`)."""

    a: np.ndarray
    b: np.ndarray
    size_a: np.ndarray  # distinct shingles of a
    size_b: np.ndarray
    shared: np.ndarray  # distinct shingles in both
    jaccard: np.ndarray
    c_a: np.ndarray  # share of a's shingles found in b
    c_b: np.ndarray
    content_a: np.ndarray  # distinct shingles of a that are not template
    content_b: np.ndarray
    content_shared: np.ndarray  # of them, found in both


def shingle_sets(texts: pl.Series, *, shingle_size: int, seed: int) -> list[np.ndarray]:
    """Each document's distinct shingle hashes (sorted), for a batch of texts.

    ``shingle_size`` and ``seed`` must be those the signatures were made with.
    """
    d, t = tokenize(texts, seed=seed)
    sd, sh = shingles(d, t, k=shingle_size, seed=seed)
    bounds = np.searchsorted(sd, np.arange(1, texts.len()))
    return [sorted_distinct(x) for x in np.split(sh, bounds)]


def series_groups(docs: pl.DataFrame, exact: np.ndarray | None = None) -> np.ndarray:
    """Each document's series and item, as rows ``[series, item]``: the series a number per
    site, or per outlet where the site is not known, -1 for a document with neither, which
    belongs to no series (a series is one publisher's, and phrases common across unknown
    publishers are no template); the item its day and text (``exact``, the hash of its
    normalised text), so that copies of one text on one day (a page scraped in several
    snapshots) count as one item, while one text on many days (a weekly meeting's one-line
    summary) or many texts on one day (a minister's meetings on a summit's sidelines) count as
    many; an undated document is an item of its own."""
    group = pl.coalesce(pl.col("site"), pl.col("outlet"))
    rank = group.rank("dense").cast(pl.Int64).fill_null(0) - 1
    keys = docs.select(rank.alias("g"), pl.col("published").cast(pl.Int64).alias("d"))
    series = keys["g"].to_numpy().astype(np.int64)
    day = keys["d"].to_numpy()
    text = np.zeros(docs.height, np.uint64) if exact is None else exact.astype(np.uint64)
    undated = keys["d"].is_null().to_numpy()
    item = (np.nan_to_num(day.astype(float)).astype(np.uint64) * _SPREAD) ^ text
    item = item.view(np.int64) & np.int64(0x7FFF_FFFF_FFFF_FFFF)  # a day's items: 0 or more
    item[undated] = -1 - np.flatnonzero(undated)  # never another's
    return np.stack([series, item], axis=1)


_SPREAD = np.uint64(0x9E3779B97F4A7C15)


def _series_days(groups: np.ndarray, rows: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """(series, item) of ``rows`` (:func:`series_groups`); for ``groups`` of one column (series
    only), each row its own item, so every document counts."""
    if groups.ndim == 1:
        return groups[rows], np.asarray(rows, dtype=np.int64)
    return groups[rows, 0], groups[rows, 1]


def template_counts(sets: Mapping[int, np.ndarray], groups: np.ndarray) -> pl.DataFrame:
    """The distinct (series, item, shingle) of the documents in ``sets`` (``g``, ``d``, ``h``):
    a map over parts of the documents, counted by :func:`template_shingles`."""
    series = groups if groups.ndim == 1 else groups[:, 0]
    rows = [r for r in sorted(sets) if series[r] >= 0]
    sizes = [sets[r].size for r in rows]
    hashes = np.concatenate([sets[r] for r in rows]) if rows else np.zeros(0, np.uint64)
    g, d = _series_days(groups, rows)
    frame = pl.DataFrame({"g": np.repeat(g, sizes).astype(np.int64),
                          "d": np.repeat(d, sizes).astype(np.int64), "h": hashes})  # fmt: skip
    return frame.unique()


def template_shingles(counts: Sequence[pl.DataFrame], *, min_docs: int) -> np.ndarray:
    """The shingles one series holds in more than ``min_docs`` items (sorted; an item is a text
    on a day, :func:`series_groups`): the fixed text of a templated series
    (a daily briefing, a call readout, a weekly meeting's one-line summary), which copies and
    non-copies of a series item share alike. Counted over the documents in candidate and exact
    pairs, which hold every series whose items are alike enough to be mistaken for copies."""
    total = counts[0] if len(counts) == 1 else pl.concat(counts).unique()
    n = total.group_by("g", "h").agg(n=pl.len())
    return np.unique(n.filter(pl.col("n") > min_docs)["h"].to_numpy())


def series_template(
    sets: Mapping[int, np.ndarray], groups: np.ndarray, *, min_docs: int
) -> np.ndarray:
    """:func:`template_shingles` of all of ``sets`` at once, counting by series and item only
    the shingles held by more than ``min_docs`` documents in all (the same result, less work:
    a shingle in more items than that is in at least as many documents)."""
    series = groups if groups.ndim == 1 else groups[:, 0]
    rows = [r for r in sorted(sets) if series[r] >= 0]
    sizes = [sets[r].size for r in rows]
    hashes = np.concatenate([sets[r] for r in rows]) if rows else _NO_HASHES
    common = pl.Series("h", hashes).value_counts().filter(pl.col("count") > min_docs)["h"]
    if common.len() == 0:
        return _NO_HASHES
    g, d = _series_days(groups, rows)
    frame = pl.DataFrame({"g": np.repeat(g, sizes).astype(np.int64),
                          "d": np.repeat(d, sizes).astype(np.int64), "h": hashes})  # fmt: skip
    frame = frame.filter(pl.col("h").is_in(common.implode())).unique()
    return template_shingles([frame], min_docs=min_docs)


def verify_pairs(
    a: np.ndarray,
    b: np.ndarray,
    sets: Mapping[int, np.ndarray],
    template: np.ndarray | None = None,
) -> Verified:
    """Exact Jaccard and containment of each pair (a[i], b[i]), on the whole sets and on
    their content (the sets less ``template``).

    Every pair is checked at once as two polars joins on all cores, not pair by pair: each
    shingle of the smaller set of a pair is looked up in the other set, in slices of
    :data:`_PROBES` lookups so memory stays bounded.

    Args:
        a: corpus rows of the first documents.
        b: corpus rows of the second documents.
        sets: the :func:`shingle_sets` of every row in ``a`` and ``b``, by row.
        template: sorted shingle hashes to leave out of the content (:func:`template_shingles`).
    """
    rows = np.unique(np.concatenate([a, b]).astype(np.int64))
    sizes = np.array([sets[r].size for r in rows.tolist()], dtype=np.int64)
    hashes = np.concatenate([sets[r] for r in rows.tolist()]) if rows.size else _NO_HASHES
    owner = np.repeat(np.arange(rows.size, dtype=np.int64), sizes)
    if template is None or template.size == 0:
        is_template = np.zeros(hashes.size, dtype=bool)
    else:
        is_template = pl.Series(hashes).is_in(pl.Series(template).implode()).to_numpy()
    content = sizes - np.bincount(owner[is_template], minlength=rows.size)
    ia, ib = np.searchsorted(rows, a), np.searchsorted(rows, b)
    shared, content_shared = _shared(ia, ib, sizes, owner, hashes, is_template)
    size_a, size_b = sizes[ia], sizes[ib]
    union = np.maximum(size_a + size_b - shared, 1)
    return Verified(
        a,
        b,
        size_a,
        size_b,
        shared,
        shared / union,
        shared / np.maximum(size_a, 1),
        shared / np.maximum(size_b, 1),
        content[ia],
        content[ib],
        content_shared,
    )


_NO_HASHES = np.zeros(0, dtype=np.uint64)
_PROBES = 1 << 23  # shingle lookups per slice of pairs
_ONE_BY_ONE = 64  # pairs whose smaller set has this many shingles are checked one by one


def _shared(ia, ib, sizes, owner, hashes, is_template) -> tuple[np.ndarray, np.ndarray]:
    """(|A & B|, and of them the shingles not in the template) of each pair: pairs of two
    large sets one by one (a merge of two sorted arrays costs little beside the call), the
    many pairs of small sets (headlines, short items) at once by two joins, the smaller set of
    each pair shingle by shingle against the other."""
    n = ia.size
    shared = np.zeros(n, dtype=np.int64)
    content_shared = np.zeros(n, dtype=np.int64)
    large = np.minimum(sizes[ia], sizes[ib]) >= _ONE_BY_ONE
    if large.any():
        ends = np.cumsum(sizes)
        starts = ends - sizes
        for i, x, y in zip(
            np.flatnonzero(large).tolist(), ia[large].tolist(), ib[large].tolist(), strict=True
        ):
            mine, theirs = hashes[starts[x] : ends[x]], hashes[starts[y] : ends[y]]
            at = np.searchsorted(theirs, mine)  # both sorted: a binary search, no merge sort
            at[at == theirs.size] = 0
            hit = theirs[at] == mine
            shared[i] = np.count_nonzero(hit)
            content_shared[i] = np.count_nonzero(hit & ~is_template[starts[x] : ends[x]])
    small = np.flatnonzero(~large)
    if small.size == 0:
        return shared, content_shared
    sets = pl.DataFrame({"o": owner, "h": hashes, "t": is_template})
    ia, ib = ia[small], ib[small]
    n = small.size
    small_first = sizes[ia] <= sizes[ib]
    probe, other = np.where(small_first, ia, ib), np.where(small_first, ib, ia)
    cost = np.cumsum(sizes[probe])
    start = 0
    while start < n:
        end = max(
            int(np.searchsorted(cost, cost[start] - sizes[probe[start]] + _PROBES)), start + 1
        )
        pairs = pl.DataFrame(
            {"p": np.arange(start, end), "o": probe[start:end], "other": other[start:end]}
        )
        found = (
            pairs.join(sets, on="o")
            .join(sets.select(other="o", h="h"), on=["other", "h"], how="semi")
            .group_by("p")
            .agg(n=pl.len(), c=(~pl.col("t")).sum())
        )
        p = small[found["p"].to_numpy()]
        shared[p] = found["n"].to_numpy()
        content_shared[p] = found["c"].to_numpy()
        start = end
    return shared, content_shared


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


def apart(docs: pl.DataFrame, a: np.ndarray, b: np.ndarray, max_days: int | None) -> np.ndarray:
    """Whether the documents of each pair (rows ``a``, ``b``) are both dated and published more
    than ``max_days`` days apart (all False when ``max_days`` is None)."""
    if max_days is None or a.size == 0:
        return np.zeros(a.size, dtype=bool)
    days = docs["published"].cast(pl.Int64).to_numpy()  # NaN where undated
    gap = np.abs(days[a] - days[b])
    return np.nan_to_num(gap, nan=0) > max_days


def exact_templates(
    exact_checked: Verified | None,
    found: Candidates,
    *,
    threshold: float,
    containment: float,
    min_shingles: int,
) -> np.ndarray:
    """Whether each exact pair of ``found`` is alike only in its series' template (by
    :func:`pair_kinds` on ``exact_checked``, the exact pairs verified); all False without it."""
    if exact_checked is None:
        return np.zeros(found.exact_a.size, dtype=bool)
    return pair_kinds(
        exact_checked, threshold=threshold, containment=containment, min_shingles=min_shingles
    )[2]


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
    exact_checked: Verified | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The pairs (:data:`PAIR_SCHEMA`) and the near misses (checked, kind ``below`` or
    ``template``; or exact, near or contained but dated more than ``max_days`` apart, kind
    ``apart``), by :func:`pair_kinds`. An exact pair whose text is all its series' template
    (``exact_checked``, the exact pairs verified: a weekly meeting's one-line summary) is a
    near miss of kind ``template``. Each pair is oriented so that ``doc_a`` comes first in
    ``rank``."""
    near, contained, template = pair_kinds(
        checked, threshold=threshold, containment=containment, min_shingles=min_shingles
    )
    far = (near | contained) & apart(docs, checked.a, checked.b, max_days)
    kept = (near | contained) & ~far
    exact_template = exact_templates(
        exact_checked, found, threshold=threshold, containment=containment,
        min_shingles=min_shingles,
    )  # fmt: skip
    far_exact = apart(docs, found.exact_a, found.exact_b, max_days) & ~exact_template
    dropped = far_exact | exact_template
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
            np.where(exact_template[dropped], "template", "apart"),
            np.where(far[below], "apart", np.where(template[below], "template", "below")),
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
