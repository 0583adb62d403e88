"""The few lines a duplicates search is told by: documents, clusters of copies (and of
translations, told apart from the stories within each language), pairs by kind, candidates
checked, time, and what was left out and why, with what to do where many documents are too
short to compare.
"""

from __future__ import annotations

from typing import Any

import polars as pl

__all__ = ["summary"]


def summary(
    pairs: pl.DataFrame, clusters: pl.DataFrame, options: dict[str, Any], stats: dict[str, Any]
) -> str:
    """A few lines for a terminal or a notebook, of what :func:`toolkit.dedup.find_duplicates`
    found (``pairs``, ``clusters``) with ``options`` and what each stage did (``stats``)."""
    s = stats
    kinds = dict(pairs.group_by("kind").len().iter_rows())
    multi = clusters.filter(pl.col("cluster_size") > 1)
    n_clusters = multi["cluster_id"].n_unique()
    stories = clusters["cluster_id"].n_unique()
    told = f"{stories} distinct stories."
    if kinds.get("translation"):
        # translations join their originals' clusters here, not in the corpus's marks
        told = (
            f"{s.get('stories_within_languages', stories)} distinct stories within each "
            f"language (what duplicates: collapse keeps: a translation is not collapsed "
            f"into its original), {stories} with each translation counted as its "
            "original's copy."
        )
    lines = [
        f"{s['documents']} documents: {n_clusters} clusters of copies"
        f"{' or translations' if kinds.get('translation') else ''} holding "
        f"{multi.height} documents; {told}",
        "pairs: "
        + ", ".join(
            f"{k} {kinds.get(k, 0)}"
            for k in ("exact", "near", "contained", "translation")
            if k != "translation" or kinds.get(k)
        ),
        f"candidates checked: {s['candidates']} ({s.get('below', s['rejected'])} below the "
        "thresholds)",
        f"time: {s['seconds']:.2f} s ({s['documents'] / max(s['seconds'], 1e-9):,.0f} docs/s)",
    ]
    if s["empty"]:
        lines.append(f"documents with no words (never duplicates): {s['empty']}")
    if s.get("too_short"):
        lines.append(
            f"documents under min_shingles={options['min_shingles']} shingles once "
            f"chrome is cut, or mostly chrome (never duplicates): {s['too_short']}"
            + _short_hint(s["too_short"], s["documents"], options)
        )
    if s.get("template"):
        lines.append(f"pairs alike only in a series template (not copies): {s['template']}")
    if s.get("parallel"):
        lines.append(
            "pairs alike whose titles name different things (parallel acts, not copies): "
            f"{s['parallel']}"
        )
    if s.get("apart"):
        lines.append(
            f"pairs alike but dated over max_days={options['max_days']} days apart "
            f"(not copies): {s['apart']}"
        )
    if s["large_buckets"]:
        lines.append(
            f"buckets over max_bucket={options['max_bucket']}: {s['large_buckets']} "
            "(their members are linked to one member, not every pair listed)"
        )
    return "\n".join(lines)


# A share of documents too short to compare past which the summary says how to compare them
SHORT_SHARE = 0.05


def _short_hint(short: int, documents: int, options: dict[str, Any]) -> str:
    """What to do when many documents are too short to compare (headlines, short posts)."""
    if documents == 0 or short < SHORT_SHARE * documents or options["min_shingles"] <= 4:
        return ""
    return (
        f" ({short / documents:.0%} of the documents: for headlines or short posts, dedup "
        "{min_shingles: 4, max_days: 1} compares them, as params/headlines-ru.yaml does)"
    )
