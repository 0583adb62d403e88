"""Figures of a fitted topic model: BERTopic's own (bar chart, hierarchy) and the intertopic map
drawn from the model's own UMAP space (no second UMAP).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from toolkit.topic_labels import model_labels
from toolkit.topic_model import OUTLIER

__all__ = ["BARCHART_TOPICS", "bertopic_figure", "topic_map"]

# The largest topics whose words the bar chart draws (the topics table gives every topic's)
BARCHART_TOPICS = 12


def bertopic_figure(model: Any, kind: str) -> tuple[Any, str]:
    """One of BERTopic's figures ("barchart", "topics": the intertopic map, "hierarchy"), or
    (None, why) when the model has too few topics to draw it."""
    n = len([t for t in model.get_topics() if t != OUTLIER])
    needs = {"barchart": 1, "topics": 3, "hierarchy": 2}[kind]
    if n < needs:
        return None, f"{n} topic(s); this view needs at least {needs}"
    try:
        if kind == "barchart":
            return model.visualize_barchart(top_n_topics=min(n, BARCHART_TOPICS), n_words=8), ""
        if kind == "topics":
            return topic_map(model)
        return model.visualize_hierarchy(), ""
    except (ValueError, TypeError, IndexError) as e:  # BERTopic's limits on small models
        return None, f"BERTopic could not draw it: {e}"


def topic_map(model: Any) -> tuple[Any, str]:
    """The intertopic map from the fitted model itself, with no new UMAP: each topic at the
    centre of its units in the model's reduced embeddings (its UMAP's ``embedding_``),
    projected to two dimensions by PCA; the area of a circle is the topic's size. (None, why)
    when the model's reduction is not at hand (an injected reducer that keeps none).
    """
    import plotly.graph_objects as go

    reduced = getattr(model.umap_model, "embedding_", None)
    topics = np.asarray(model.topics_, dtype=np.int64)
    if reduced is None or len(reduced) != len(topics):
        return None, "the model's reduced embeddings are not at hand (an injected UMAP)"
    ids = sorted(set(topics.tolist()) - {OUTLIER})
    centres = np.stack([reduced[topics == t].mean(axis=0) for t in ids]).astype(np.float64)
    centred = centres - centres.mean(axis=0)
    _, _, axes = np.linalg.svd(centred, full_matrices=False)
    axes *= np.sign(axes[np.arange(len(axes)), np.abs(axes).argmax(axis=1)])[:, None]  # one sign
    xy = centred @ axes[:2].T  # three topics or more, in two dimensions or more: two axes
    size = np.array([(topics == t).sum() for t in ids])
    labels = list(model_labels(model, ids).values())
    fig = go.Figure(
        go.Scatter(
            x=xy[:, 0], y=xy[:, 1], mode="markers+text", text=[str(t) for t in ids],
            customdata=np.c_[labels, size], hovertemplate="%{customdata[0]}<br>"
            "%{customdata[1]} units<extra></extra>",
            marker={"size": size, "sizemode": "area", "sizeref": 2.0 * size.max() / 40**2,
                    "sizemin": 4, "color": "#B0BEC5", "line": {"width": 1, "color": "#37474F"}},
        )
    )  # fmt: skip
    fig.update_layout(
        title="Intertopic map: topic centres in the model's UMAP space (PCA, 2 dimensions)",
        template="simple_white", xaxis={"visible": False}, yaxis={"visible": False},
    )  # fmt: skip
    return fig, ""
