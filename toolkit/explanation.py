"""What :meth:`toolkit.dedup.Duplicates.explain` gives: the paragraph alignment of two copies,
printed as a summary or rendered as a side-by-side HTML table (every value escaped).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

import polars as pl

from toolkit.align import word_diff_html

__all__ = ["Explanation"]


@dataclass
class Explanation:
    """The paragraph alignment of two copies (``table``, :data:`toolkit.align.ALIGN_SCHEMA`),
    rendered as a side-by-side HTML table in notebooks."""

    a: dict[str, Any]
    b: dict[str, Any]
    table: pl.DataFrame
    pair: dict[str, Any] | None

    def counts(self) -> dict[str, int]:
        return dict(self.table.group_by("op").len().sort("op").iter_rows())

    def __str__(self) -> str:
        head = f"{_describe(self.a)}\n  vs {_describe(self.b)}"
        if self.pair and self.pair["kind"] == "translation":
            head += "\n  translation (paragraphs aligned by the multilingual model)"
        elif self.pair:
            head += (
                f"\n  {self.pair['kind']}: jaccard {self.pair['jaccard']:.2f}, "
                f"a in b {self.pair['containment_a_in_b']:.2f}, "
                f"b in a {self.pair['containment_b_in_a']:.2f}"
            )
        counts = self.counts()
        ops = ", ".join(f"{k} {v}" for k, v in counts.items())
        text = f"{head}\n  paragraphs: {ops}"
        if (
            self.pair
            and self.pair["kind"] == "translation"
            and not set(counts) - {"added", "removed"}
        ):
            words = [sum(len(str(t).split()) for t in self.table[c].drop_nulls())
                     for c in ("text_a", "text_b")]  # fmt: skip
            text += (
                f"\n  no paragraph aligned by meaning ({words[0]} words against {words[1]}): "
                "one text may be cut short or worded apart; the pair was linked by its titles, "
                "openings, names and numbers, not by these paragraphs"
            )
        return text

    def _repr_html_(self) -> str:
        colours = {"same": "#f4f4f4", "edited": "#fff7d6", "merged": "#e8f0ff", "split": "#e8f0ff",
                   "removed": "#ffe3e3", "added": "#e2f7e2"}  # fmt: skip
        body = []
        for r in self.table.iter_rows(named=True):
            op = r["op"]
            if op in ("edited", "merged", "split"):
                right = word_diff_html(r["text_a"], r["text_b"])
            else:
                right = html.escape(r["text_b"] or "")
            left = html.escape(r["text_a"] or "")
            body.append(
                f'<tr style="background:{colours[op]}"><td>{op}</td>'
                f'<td style="text-align:left">{left}</td>'
                f'<td style="text-align:left">{right}</td></tr>'
            )
        head = html.escape(str(self)).replace("\n", "<br>")
        return (
            f"<div><p>{head}</p><table><thead><tr><th></th><th>{html.escape(self.a['doc_id'])}"
            f"</th><th>{html.escape(self.b['doc_id'])}</th></tr></thead><tbody>"
            + "".join(body)
            + "</tbody></table>"
            + "<p><del>struck</del>: only in a; <ins>underlined</ins>: only in b</p></div>"
        )


def _describe(doc: dict[str, Any]) -> str:
    # what the data do not say is said so, not as a placeholder ("site?": trial T)
    parts = [doc["doc_id"], doc.get("outlet") or "no outlet known", doc.get("site") or "no site"]
    parts.append(str(doc["published"]) if doc.get("published") else "undated")
    title = doc.get("title")
    return " | ".join(parts) + (f" | {title[:80]}" if title else "")
