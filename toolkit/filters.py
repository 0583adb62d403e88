"""The filters of a parameter set (``outlets``, ``date_from``, ``date_to``) and their check
against the prepared corpus before any notebook runs: sources that gave no article, filters
that leave no document, an outlet or a ``rhetoric.pair`` group the corpus lacks.

Example:
    >>> check_corpus(params, prepared.corpus, where="params/x.yaml")    # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import polars as pl

from toolkit.errors import ParamsError
from toolkit.groups import period_label

__all__ = ["check_corpus", "filtered"]


def filtered(corpus: pl.DataFrame, params: dict[str, Any]) -> pl.DataFrame:
    """The documents of ``corpus`` that pass the outlet and date filters of ``params``."""
    if params["outlets"]:
        corpus = corpus.filter(pl.col("outlet").is_in(params["outlets"]))
    if params["date_from"]:
        corpus = corpus.filter(pl.col("published") >= dt.date.fromisoformat(params["date_from"]))
    if params["date_to"]:
        corpus = corpus.filter(pl.col("published") <= dt.date.fromisoformat(params["date_to"]))
    return corpus


def check_corpus(
    params: dict[str, Any],
    corpus: pl.DataFrame,
    *,
    where: str,
    sections: Iterable[str] | None = None,
) -> None:
    """The filters against the prepared corpus, before any notebook runs: a corpus with no
    article, filters that leave no document, an ``outlets`` name with no document, or (where
    the rhetoric notebook is among ``sections``, None: all) a ``rhetoric.pair`` group (outlet
    or site) with none once filtered, is a :class:`ParamsError` listing what the corpus holds.

    Example:
        >>> check_corpus(params, prepared.corpus, where="params/x.yaml")    # doctest: +SKIP
        ParamsError: params/x.yaml: 1 problem:
          - outlets: 'Xinhua' has no document in the corpus; its outlets: BelTA, TASS
    """
    problems = []
    if not corpus.height:
        problems.append(
            "sources: no article was loaded from them (`toolkit ingest` with the same sources "
            "lists each file and why it was skipped)"
        )
    outlets = set(corpus["outlet"].drop_nulls().unique().to_list())
    for name in params["outlets"] if corpus.height else ():
        if name not in outlets:
            problems.append(
                f"outlets: {name!r} has no document in the corpus; its outlets: {_listed(outlets)}"
            )
    if corpus.height and not problems and not filtered(corpus, params).height:
        problems.append(_nothing_passes(corpus, params))
    if corpus.height and not problems:
        problems += _absent_languages(filtered(corpus, params), params, sections)
    by, pair = params["rhetoric"]["group_by"], params["rhetoric"]["pair"]
    checked = sections is None or "rhetoric" in sections
    if pair and checked and by in ("outlet", "site", "period") and not problems:
        kept = filtered(corpus, params)
        if by == "period":  # the rhetoric notebook's labels: each period's first day
            kept = kept.with_columns(period=period_label(params["rhetoric"]["period"]))
        groups = set(kept[by].drop_nulls().unique().to_list())
        for name in pair:
            if name not in groups:
                problems.append(
                    f"rhetoric.pair: {name!r} has no document in the corpus once filtered; its "
                    f"{by}s: {_listed(groups)}"
                )
    if problems:
        raise ParamsError(
            f"{where}: {len(problems)} problem{'s' if len(problems) > 1 else ''}:\n  - "
            + "\n  - ".join(problems)
        )


def _absent_languages(
    docs: pl.DataFrame, params: dict[str, Any], sections: Iterable[str] | None
) -> list[str]:
    """A ``languages`` entry of the rhetoric or trends section (where that notebook runs)
    that no document once filtered is written in: its comparison would be of nothing."""
    held = docs["lang"].fill_null("und").value_counts(sort=True) if "lang" in docs.columns else None
    have = dict(held.iter_rows()) if held is not None else {}
    listed = ", ".join(f"{lg} ({n})" for lg, n in have.items()) or "none"
    out = []
    for section in ("rhetoric", "trends"):
        if sections is not None and section not in sections:
            continue
        for lang in params[section].get("languages") or ():
            if lang not in have:
                out.append(f"{section}.languages: {lang!r} has no document in the corpus once "
                           f"filtered; its languages: {listed}")  # fmt: skip
    return out


def _nothing_passes(corpus: pl.DataFrame, params: dict[str, Any]) -> str:
    """What to say when the filters leave none of the corpus's documents: which filters, and
    the dates the documents (of the outlets kept) run over."""
    named = [f for f in ("outlets", "date_from", "date_to") if params[f]]
    kept = corpus.filter(pl.col("outlet").is_in(params["outlets"])) if params["outlets"] else corpus
    dated = kept["published"].drop_nulls()
    span = f"dated {dated.min()} to {dated.max()}" if dated.len() else "none dated"
    return (
        f"{', '.join(named)}: no document of the {corpus.height} in the corpus passes the "
        f"filters ({kept.height} document{'' if kept.height == 1 else 's'} of the outlets "
        f"kept, {span}; undated documents "
        "never pass a "
        "date filter)"
    )


def _listed(names: set[str], most: int = 30) -> str:
    shown = sorted(names)[:most]
    more = f" and {len(names) - most} more" if len(names) > most else ""
    return (", ".join(shown) + more) if shown else "none"
