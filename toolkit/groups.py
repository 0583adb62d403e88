"""Groups compared by the analyses: the grouping column with missing values labelled, and the
documents and words behind each group with its ``small_n`` flag.

Example:
    >>> import polars as pl
    >>> docs = pl.DataFrame({"outlet": ["TASS", None], "n_words": [10, 5]})
    >>> group_sizes(docs, by="outlet", min_group_docs=2)["group"].to_list()
    ['(unknown)', 'TASS']
"""

from __future__ import annotations

import polars as pl

from toolkit.errors import DataError
from toolkit.resources import PERIODS, UNKNOWN
from toolkit.stats import flag_small

__all__ = ["drawn_note", "group_sizes", "most", "period_label", "with_groups"]


def period_label(period: str) -> pl.Expr:
    """Each document's period as a group (``group_by: period``): the period's first day, as
    text ("2022-01-01" for the year or month or quarter that begins then); null when undated."""
    return pl.col("published").dt.truncate(PERIODS[period]).cast(pl.String)


def with_groups(docs: pl.DataFrame, by: str) -> pl.DataFrame:
    if by not in docs.columns:
        raise DataError(f"no column {by!r} to group by; the corpus has {', '.join(docs.columns)}")
    return docs.with_columns(pl.col(by).cast(pl.String).fill_null(UNKNOWN).alias("group"))


def group_sizes(docs: pl.DataFrame, *, by: str, min_group_docs: int) -> pl.DataFrame:
    """Documents and words per group, with ``small_n``."""
    return (
        with_groups(docs, by)
        .group_by("group")
        .agg(n_docs=pl.len().cast(pl.Int64), n_words=pl.col("n_words").sum().cast(pl.Int64))
        .with_columns(flag_small("n_docs", min_group_docs))
        .sort("group")
    )


def most(docs: pl.DataFrame, *, by: str, n: int) -> list[str]:
    """The ``n`` groups of ``docs`` by ``by`` with the most documents (a tie: in name order),
    as the figures name them (a missing value ``UNKNOWN``): the ones a figure draws when it
    cannot draw all legibly (trial S: 99 outlets' lines in one volume plot).

    Example:
        >>> most(pl.DataFrame({"outlet": ["A", "B", "B", None]}), by="outlet", n=2)
        ['B', '(unknown)']
    """
    sizes = with_groups(docs, by).group_by("group").len()
    sizes = sizes.sort(["len", "group"], descending=[True, False])
    return sizes["group"].head(n).to_list()


def drawn_note(drawn: list[str], total: int, *, what: str = "outlets") -> str | None:
    """A sentence for under a figure that draws only ``drawn`` of ``total`` groups; None when
    it draws every one."""
    if len(drawn) >= total:
        return None
    if len(drawn) == 1:
        return (
            f"Only the {what.removesuffix('s')} with the most documents is drawn (groups_drawn: "
            f"1); the other {total - 1} are in the tables."
        )
    return (
        f"The {len(drawn)} {what} with the most documents are drawn (groups_drawn); the other "
        f"{total - len(drawn)} are in the tables."
    )
