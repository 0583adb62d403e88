"""What a topic report says of its refits (:func:`toolkit.topics.stability`): how far the
refits agree with the main fit, whether the topics survive one, and which topics are tentative,
by name (trial AA: with sentence units one refit found 2 topics against 97, and the report gave
the tables with no word of it).

Example:
    >>> runs = pl.DataFrame({"seed": [43, 44], "ari": [0.73, 0.79], "topics": [15, 13]})
    >>> per = pl.DataFrame({"topic": [0, 5], "stability": [0.99, 0.31], "worst": [0.98, 0.2]})
    >>> note = stability_note(runs, per, {0: "0: minsk, talks", 5: "5: gas, prices"},
    ...                       n_topics=16)
    >>> note.split(". ")[1]
    '1 of 2 topics are tentative (stability under 0.5): 5: gas, prices (0.31)'
"""

from __future__ import annotations

import polars as pl

__all__ = ["SURVIVES_ARI", "TENTATIVE", "stability_note"]

# Refits agreeing less than this (adjusted Rand index) give other topics: the main fit's are
# not the corpus's structure
SURVIVES_ARI = 0.5
# A topic whose units overlap its closest refit topic less than this (Jaccard) is tentative
TENTATIVE = 0.5


def stability_note(
    runs: pl.DataFrame, per_topic: pl.DataFrame, labels: dict[int, str], *, n_topics: int
) -> str:
    """The sentences on the refits: their agreement (the lowest and highest adjusted Rand
    index, and how many topics each found against the main fit's ``n_topics``), a warning
    where the lowest is under ``SURVIVES_ARI``, and the topics under ``TENTATIVE`` stability
    by label (``worst``: the lowest overlap in any refit). Plain text, for the caller to
    escape."""
    if not runs.height:
        return ""
    low, high = runs["ari"].min(), runs["ari"].max()
    found = ", ".join(str(t) for t in runs["topics"].to_list())
    out = [
        f"The {runs.height} refits agree with the main fit at an adjusted Rand index of "
        + (f"{low:.2f}" if low == high else f"{low:.2f} to {high:.2f}")
        + f" (they found {found} topics, against {n_topics})."
    ]
    if low < SURVIVES_ARI:
        out.append(
            f"A refit under {SURVIVES_ARI} gives other topics: these do not survive a refit "
            "of the same units, so read them as tentative, not as the corpus's structure "
            "(fewer, larger topics, paragraph units or a larger min_topic_size may hold)."
        )
    weak = per_topic.filter(pl.col("stability") < TENTATIVE).sort("stability")
    if weak.height:
        named = "; ".join(
            f"{labels.get(t, t)} ({s:.2f})" for t, s in weak.select("topic", "stability").rows()
        )
        out.append(
            f"{weak.height} of {per_topic.height} topics are tentative (stability under "
            f"{TENTATIVE}): {named}."
        )
    else:
        out.append(f"Every topic has a stability of {TENTATIVE} or more.")
    out.append("The table's worst is a topic's lowest overlap in any one refit.")
    return " ".join(out)
