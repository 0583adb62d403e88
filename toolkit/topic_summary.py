"""What the topics notebook shows and saves of a fitted model, without the model: the units
with their topics, the topic table, the figures (plotly JSON) and the saved model's files. A
summary is made of frames and JSON, so the results cache keeps it (:meth:`Context.cached`) and
a rerun draws the same report without importing BERTopic, torch and UMAP (about 10
CPU-seconds of a warm run).

Example:
    >>> from toolkit.topic_summary import TopicSummary, summarise
    >>> parts = summarise(result, passages=3, model_path=None).parts()     # doctest: +SKIP
    >>> TopicSummary.from_parts(parts).labels()                             # doctest: +SKIP
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from toolkit.topic_figures import bertopic_figure
from toolkit.topic_model import OUTLIER, save_model

__all__ = ["FIGURES", "TopicSummary", "summarise"]

FIGURES = ("barchart", "topics", "hierarchy")  # BERTopic's views, in the report's order


@dataclass(frozen=True)
class TopicSummary:
    """A fit as the report uses it (see :func:`summarise`)."""

    status: str  # ok | too_few_units | no_topics
    reason: str
    settings: dict[str, Any]
    outliers: dict[str, Any]
    units: pl.DataFrame  # the analysed units with ``topic`` and ``probability``
    table: pl.DataFrame  # TopicResult.topic_table
    figures: dict[str, dict[str, str]]  # kind -> {"json": plotly JSON} or {"why": reason}
    model_files: pl.DataFrame  # the saved model: name, data (bytes); empty without a model

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def n_topics(self) -> int:
        return self.units.filter(pl.col("topic") != OUTLIER)["topic"].n_unique() if self.ok else 0

    def labels(self) -> dict[int, str]:
        """Each topic's label by its id, as :meth:`TopicResult.labels`."""
        return dict(self.table.select("topic", "label").iter_rows())

    def figure(self, kind: str) -> tuple[Any, str]:
        """The figure ``kind`` (one of :data:`FIGURES`), or (None, why it was not drawn)."""
        import plotly.io

        drawn = self.figures[kind]
        return (plotly.io.from_json(drawn["json"]), "") if "json" in drawn else (None, drawn["why"])

    def save_model(self, folder: Path) -> Path:
        """Write the saved model's files into ``folder`` (as :func:`save_model` wrote them)."""
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in self.model_files.iter_rows():
            (folder / name).write_bytes(data)
        return folder

    def parts(self) -> tuple[Any, ...]:
        """Frames and JSON, for the results cache; :meth:`from_parts` reads them back."""
        info = {"status": self.status, "reason": self.reason, "settings": self.settings,
                "outliers": self.outliers, "figures": self.figures}  # fmt: skip
        return (info, self.units, self.table, self.model_files)

    @classmethod
    def from_parts(cls, parts: tuple[Any, ...]) -> TopicSummary:
        info, units, table, model_files = parts
        return cls(info["status"], info["reason"], info["settings"], info["outliers"], units,
                   table, info["figures"], model_files)  # fmt: skip


def summarise(result: Any, *, passages: int, model_path: Path | None) -> TopicSummary:
    """The summary of ``result`` (a :class:`toolkit.topics.TopicResult`): its topic table with
    ``passages`` passages per topic, its figures, and its model saved with safetensors
    (pointing to the embedding model at ``model_path``) and read back as bytes."""
    figures: dict[str, dict[str, str]] = {}
    files = pl.DataFrame(schema={"name": pl.String, "data": pl.Binary})
    if result.ok:
        for kind in FIGURES:
            fig, why = bertopic_figure(result.model, kind)
            figures[kind] = {"json": fig.to_json()} if fig is not None else {"why": why}
        with tempfile.TemporaryDirectory() as tmp:
            saved = save_model(result, Path(tmp), model_path)
            paths = sorted(p for p in saved.iterdir() if p.is_file())
            files = pl.DataFrame({"name": [p.name for p in paths],
                                  "data": [p.read_bytes() for p in paths]},
                                 schema=files.schema)  # fmt: skip
    return TopicSummary(result.status, result.reason, result.settings, result.outliers,
                        result.units, result.topic_table(passages=passages), figures,
                        files)  # fmt: skip
