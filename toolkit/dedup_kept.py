"""Shingles kept from the signing pass for the exact check, within a memory budget, so that the
documents of candidate pairs are not tokenised twice; the rest are tokenised again.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial

import numpy as np

from toolkit.dedup_candidates import Candidates, Shingles, SignatureBatch
from toolkit.dedup_local import LocalBatches
from toolkit.dedup_verify import shingle_sets

__all__ = ["KEEP_SHINGLE_BYTES", "KeptShingles", "shingle_sets_of"]

KEEP_SHINGLE_BYTES = 1 << 30  # shingles kept from signing for the exact check


class KeptShingles:
    """The shingles of the first parts signed, kept for the exact check while they total under
    :data:`KEEP_SHINGLE_BYTES`; the exact check tokenises the rest again."""

    def __init__(self) -> None:
        self.parts: dict[int, Shingles] = {}
        self.bytes = 0

    def take(
        self, parts: Iterable[tuple[int, SignatureBatch]]
    ) -> Iterator[tuple[int, SignatureBatch]]:
        for start, part in parts:
            if (
                part.shingles is not None
                and self.bytes + part.shingles.nbytes <= KEEP_SHINGLE_BYTES
            ):
                self.parts[start] = part.shingles
                self.bytes += part.shingles.nbytes
            yield start, part._replace(shingles=None)

    def covers(self, start: int, end: int) -> bool:
        """Whether the shingles of every row from ``start`` to ``end - 1`` are kept."""
        row = start
        while row < end:
            part = self.parts.get(row)
            if part is None:
                return False
            row += part.counts.size
        return True

    def sets(self, rows: np.ndarray) -> tuple[dict[int, np.ndarray], np.ndarray]:
        """(the distinct shingles of the kept ``rows``, by row; the rows not kept)."""
        starts = np.array(sorted(self.parts), dtype=np.int64)
        if starts.size == 0:
            return {}, rows
        part = np.searchsorted(starts, rows, "right") - 1
        inside = part >= 0
        inside[inside] = (
            rows[inside] - starts[part[inside]]
            < np.array([self.parts[s].counts.size for s in starts.tolist()])[part[inside]]
        )
        found: dict[int, np.ndarray] = {}
        for p in np.unique(part[inside]).tolist():
            mine = rows[inside & (part == p)]
            start = int(starts[p])
            found.update(zip(mine.tolist(), self.parts[start].sets(mine - start), strict=True))
        return found, rows[~inside]


def shingle_sets_of(
    batches: LocalBatches, kept: KeptShingles, found: Candidates, *, shingle_size: int, seed: int
) -> dict[int, np.ndarray]:
    """The distinct shingle hashes of every document in a candidate or exact pair, by corpus
    row: kept from the first pass where they could be, else from the texts again."""
    involved = np.unique(np.concatenate([found.a, found.b, found.exact_a, found.exact_b]))
    sets, missing = kept.sets(involved)
    step = partial(shingle_sets, shingle_size=shingle_size, seed=seed)
    for rows, part in batches.map_rows(step, "exact check", missing):
        sets.update(zip(rows.tolist(), part, strict=True))
    return sets
