"""Duplicate verification: step 3 of :func:`toolkit.find_duplicates`, a map over the documents
in candidate pairs, then a join. :func:`shingle_sets` gives each document's distinct shingle
hashes; :func:`series_template` finds the text a series repeats (its template);
:func:`verify_pairs` computes the exact Jaccard and containment of every candidate pair, on the
whole sets and on their content (less the template). Functions of arrays and frames, with no
engine inside.

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

from toolkit.minhash import shingles, sorted_distinct, tokenize

__all__ = [
    "Verified",
    "series_groups",
    "series_template",
    "shingle_sets",
    "template_counts",
    "template_only",
    "template_shingles",
    "verify_pairs",
]


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
    days = np.nan_to_num(day.astype(float)).astype(np.int64).view(np.uint64)  # before 1970 too
    item = (days * _SPREAD) ^ text
    item = item.view(np.int64) & np.int64(0x7FFF_FFFF_FFFF_FFFF)  # a day's items: 0 or more
    item[undated] = -1 - np.flatnonzero(undated)  # never another's
    return np.stack([series, item], axis=1)


_SPREAD = np.uint64(0x9E3779B97F4A7C15)


def _series_items(sets: Mapping[int, np.ndarray], groups: np.ndarray) -> pl.DataFrame:
    """(series ``g``, item ``d``, shingle ``h``) of every shingle of the documents in ``sets``
    that belong to a series (``groups``: :func:`series_groups`)."""
    rows = [r for r in sorted(sets) if groups[r, 0] >= 0]
    sizes = [sets[r].size for r in rows]
    hashes = np.concatenate([sets[r] for r in rows]) if rows else _NO_HASHES
    g, d = (np.repeat(groups[rows, i], sizes).astype(np.int64) for i in (0, 1))
    return pl.DataFrame({"g": g, "d": d, "h": hashes})


def template_counts(sets: Mapping[int, np.ndarray], groups: np.ndarray) -> pl.DataFrame:
    """The distinct (series, item, shingle) of the documents in ``sets`` (``g``, ``d``, ``h``):
    a map over parts of the documents, counted by :func:`template_shingles`."""
    return _series_items(sets, groups).unique()


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
    frame = _series_items(sets, groups)
    common = frame["h"].value_counts().filter(pl.col("count") > min_docs)["h"]
    if common.len() == 0:
        return _NO_HASHES
    frame = frame.filter(pl.col("h").is_in(common.implode())).unique()
    return template_shingles([frame], min_docs=min_docs)


def template_only(
    rows: np.ndarray, sets: Mapping[int, np.ndarray], template: np.ndarray
) -> np.ndarray:
    """Whether every shingle of each document in ``rows`` is its series' ``template`` (a text
    that is the template whole: exact copies of it are items of one series, not copies)."""
    distinct, where = np.unique(rows.astype(np.int64), return_inverse=True)
    if template.size == 0 or distinct.size == 0:
        return np.zeros(rows.size, dtype=bool)
    sizes = np.array([sets[r].size for r in distinct.tolist()], dtype=np.int64)
    hashes = np.concatenate([sets[r] for r in distinct.tolist()])
    owner = np.repeat(np.arange(distinct.size), sizes)
    held = np.bincount(owner[np.isin(hashes, template)], minlength=distinct.size)
    return ((sizes > 0) & (held == sizes))[where]


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
