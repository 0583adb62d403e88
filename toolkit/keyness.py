"""Distinctive terms: the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and
Quinn 2008), each group against the rest or one group against another, with z-scores.

Example:
    >>> from toolkit.keyness import distinctive_terms
    >>> distinctive_terms(corpus, by="outlet", top=20)              # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

import numpy as np
import polars as pl

from toolkit.comparison import comparison
from toolkit.errors import DataError
from toolkit.groups import group_sizes, with_groups
from toolkit.resources import UNKNOWN
from toolkit.stats import MIN_GROUP_DOCS, bh_qvalues, significant
from toolkit.tokens import Tokens

__all__ = ["distinctive_terms", "note_of"]

_SEP = "\x1f"  # between a stratum and a group in a combined group name


def _term_counts(docs: pl.DataFrame, tokens: Tokens, ngram_max: int, min_count: int):
    """Each group's count of each term (``min_count`` or more in all), and the documents' own
    counts (a sparse matrix, a row per document of ``docs``), for the terms kept."""
    from sklearn.feature_extraction.text import CountVectorizer

    vec = CountVectorizer(analyzer=tokens.analyzer(ngram_max), min_df=1)
    lang = docs["lang"] if "lang" in docs.columns else pl.Series([None] * docs.height)
    groups = docs["group"].to_list()
    names = sorted(set(groups))
    try:
        x = vec.fit_transform(list(zip(docs["text"].fill_null("").to_list(), lang.to_list(),
                                       strict=True)))  # fmt: skip
    except ValueError:  # no term at all: only stop words, or no words
        return names, np.array([], dtype=object), np.zeros((len(names), 0)), None
    index = {g: i for i, g in enumerate(names)}
    from scipy.sparse import csr_matrix

    member = csr_matrix(
        (np.ones(len(groups)), ([index[g] for g in groups], np.arange(len(groups)))),
        shape=(len(names), len(groups)),
    )
    counts = np.asarray((member @ x).todense(), dtype=np.float64)
    keep = counts.sum(axis=0) >= min_count
    return names, vec.get_feature_names_out()[keep], counts[:, keep], x[:, np.flatnonzero(keep)]


def _spread(docs: pl.DataFrame, group: str, terms: np.ndarray, x: Any) -> pl.DataFrame:
    """How the group's uses of each term spread over its documents: ``term_docs`` (documents
    of the group holding it) and ``top_doc_share`` (the share of its uses in the one document
    with most): a term said 31 times in one interview is one article's word, not the
    group's."""
    rows = np.flatnonzero((docs["group"] == group).to_numpy())
    mine = x[rows].tocsc()
    used = np.asarray(mine.sum(axis=0)).ravel()
    most = np.asarray(mine.max(axis=0).todense()).ravel()
    return pl.DataFrame({
        "group": group,
        "term": terms,
        "term_docs": np.diff(mine.indptr).astype(np.int64),
        "top_doc_share": np.round(np.divide(most, used, out=np.zeros_like(used, dtype=float),
                                            where=used > 0), 4),
    })  # fmt: skip


def _log_odds(y_i: np.ndarray, y_j: np.ndarray, alpha: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Monroe et al. (2008), eq. 16-20: the log-odds ratio of each term between i and j with
    prior ``alpha``, and its variance."""
    n_i, n_j, a0 = y_i.sum(), y_j.sum(), alpha.sum()
    # a term that is a side's whole vocabulary has no odds against the rest: infinite, made NaN
    # here without a warning, and its row dropped (see _table)
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log((y_i + alpha) / (n_i + a0 - y_i - alpha)) - np.log(
            (y_j + alpha) / (n_j + a0 - y_j - alpha)
        )
        var = 1.0 / (y_i + alpha) + 1.0 / (y_j + alpha)
    return np.where(np.isfinite(delta), delta, np.nan), var


def _within_strata(
    names: list[str], counts: np.ndarray, pair: tuple[str, str], prior_strength: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """``pair[0]`` against ``pair[1]`` within each stratum that has both, with the stratum's
    own words as the prior, the log-odds combined over the strata by inverse-variance weights
    (a fixed-effect meta-analysis, as Mantel-Haenszel pools a 2x2 table per stratum): the
    summed counts of each side, the pooled log-odds and its z, and the strata compared.
    ``names`` are ``stratum<SEP>group``; a term a stratum never uses gets no weight there."""
    rows = {tuple(n.split(_SEP, 1)): i for i, n in enumerate(names)}
    strata = sorted({s for s, g in rows if (s, pair[0]) in rows and (s, pair[1]) in rows})
    y_i, y_j = np.zeros(counts.shape[1]), np.zeros(counts.shape[1])
    weighted, weights = np.zeros(counts.shape[1]), np.zeros(counts.shape[1])
    for s in strata:
        a, b = counts[rows[(s, pair[0])]], counts[rows[(s, pair[1])]]
        used = (a + b) > 0
        alpha = prior_strength * (a + b)[used] / (a + b).sum()
        delta, var = _log_odds(a[used], b[used], alpha)
        weighted[used] += delta / var
        weights[used] += 1.0 / var
        y_i += a
        y_j += b
    delta = np.divide(weighted, weights, out=np.zeros_like(weighted), where=weights > 0)
    return y_i, y_j, delta, delta * np.sqrt(weights), strata


def _ranked(
    group: str, terms: np.ndarray, y_i: np.ndarray, y_j: np.ndarray, alpha: np.ndarray
) -> pl.DataFrame:
    """One group's terms against the other counts, with rates and log-odds, ranked by z."""
    delta, var = _log_odds(y_i, y_j, alpha)
    with np.errstate(divide="ignore", invalid="ignore"):
        return _table(group, terms, y_i, y_j, delta, delta / np.sqrt(var))


def tested(table: pl.DataFrame) -> pl.DataFrame:
    """``table`` with each term's two-sided normal p-value of its z and its Benjamini-Hochberg
    q-value over every term of the table (one comparison: thousands of terms are tested at
    once, so |z| > 1.96 alone is no finding); undefined z gives neither."""
    from scipy.special import erfc

    z = table["z"].to_numpy().astype(float)
    with np.errstate(invalid="ignore"):
        p = erfc(np.abs(z) / np.sqrt(2))
    p_values = [None if not np.isfinite(v) else float(v) for v in p]
    return table.with_columns(
        p_value=pl.Series([None if v is None else significant(v) for v in p_values],
                          dtype=pl.Float64),
        q_value=pl.Series(bh_qvalues(p_values), dtype=pl.Float64),
    )  # fmt: skip


def _table(
    group: str, terms: np.ndarray, y_i: np.ndarray, y_j: np.ndarray, delta, z
) -> pl.DataFrame:
    """The terms' table, ranked by z; a term whose log-odds is undefined (one side's whole
    vocabulary: a comparison of a single term) is dropped by :func:`_defined`, with a note."""
    return pl.DataFrame(
        {
            "group": group,
            "term": terms,
            "count": y_i.astype(np.int64),
            "count_other": y_j.astype(np.int64),
            "per_1000": np.round(1000 * y_i / max(y_i.sum(), 1), 4),
            "per_1000_other": np.round(1000 * y_j / max(y_j.sum(), 1), 4),
            "n_terms": int(y_i.sum()),  # per_1000's denominator: the group's counted terms
            "log_odds": np.round(delta, 4),
            "z": np.round(z, 3),
        }
    ).sort(["z", "term"], descending=[True, False])


def default_pair(
    docs: pl.DataFrame,
    *,
    by: str = "outlet",
    languages: list[str] | tuple[str, ...] = (),
    language_map: dict[str, dict[str, str]] | None = None,
) -> list[str]:
    """The two groups with the most documents among those :func:`distinctive_terms` compares
    (one language, or ``languages`` through ``language_map``), largest first, ties by name:
    the pair to compare when the user names none. Fewer than two when there are not two.

    Example:
        >>> docs = pl.DataFrame({"outlet": ["A", "B", "B", "C"], "lang": ["en", "en", "en", "de"],
        ...                      "text": ["talks", "talks", "talks", "Gespräche"]})
        >>> default_pair(docs)
        ['B', 'A']
    """
    compared = comparison(docs, languages=languages, language_map=language_map).select(docs)
    sizes = with_groups(compared, by).group_by("group").len()
    return sizes.sort(["len", "group"], descending=[True, False])["group"].head(2).to_list()


def distinctive_terms(
    docs: pl.DataFrame,
    *,
    by: str = "outlet",
    pair: tuple[str, str] | None = None,
    ngram_max: int = 2,
    min_count: int = 5,
    prior_strength: float = 500.0,
    top: int = 20,
    min_group_docs: int = MIN_GROUP_DOCS,
    stop_words: list[str] | tuple[str, ...] = (),
    exclude_terms: list[str] | tuple[str, ...] = (),
    languages: list[str] | tuple[str, ...] = (),
    language_map: dict[str, dict[str, str]] | None = None,
    within: str | None = None,
) -> pl.DataFrame:
    """Terms (unigrams and bigrams) most distinctive of each group against the rest, or of
    ``pair[0]`` against ``pair[1]`` (every term, for the scatter plot).

    With ``within`` (a column, such as ``outlet``) and a ``pair``, the two groups are compared
    within each value of that column that has both, and the log-odds are pooled over those
    strata by inverse-variance weights, so a stratum present on one side only (an outlet gone
    quiet) cannot make a difference; ``strata`` counts the strata compared and ``left_out``
    the documents of the others.

    The prior is informative: each term's pseudo-count is its share of the whole corpus times
    ``prior_strength``, which shrinks rare terms towards zero instead of ranking them first.
    Terms are :mod:`toolkit.tokens`' tokens and their n-grams, without the stop words of the
    languages compared, the user's ``stop_words`` and ``exclude_terms``.

    Words are compared within one language (the corpus's most common, or ``languages``' one),
    or across ``languages`` only through the user's ``language_map``
    (:class:`toolkit.comparison.Comparison`); documents of other languages are left out, and
    ``comparison`` says which was made.
    Columns: group, term, count, count_other, per_1000, per_1000_other (per 1,000 of the
    group's counted terms: words and two-word phrases less the stop words, not per 1,000
    words), n_terms (those counted terms), log_odds, z, p_value, q_value (Benjamini-Hochberg
    over every term of the group's comparison, before the top are kept: :func:`tested`),
    term_docs and top_doc_share (:func:`_spread`: the group's documents that hold the term,
    and the share of its uses in the one with most), n_docs, n_words, small_n, comparison,
    names_group (the term is words of the group's own name: a self-reference or sign-off);
    ranked by z within each group (``top`` per group unless ``pair``).
    """
    compared = comparison(docs, languages=languages, language_map=language_map)
    docs = compared.select(docs)
    grouped = with_groups(docs, by)
    sizes = group_sizes(docs, by=by, min_group_docs=min_group_docs)
    if pair is not None:
        missing = [g for g in pair if g not in sizes["group"].to_list()]
        if missing:
            raise DataError(f"no group {', '.join(missing)} in {by}; groups: "
                            f"{', '.join(sizes['group'].to_list())}")  # fmt: skip
        grouped = grouped.filter(pl.col("group").is_in(list(pair)))
    tokens = compared.tokens(stop_words=stop_words, exclude_terms=exclude_terms)
    if within is not None and pair is not None:
        return _stratified(grouped, within, pair, tokens, compared.kind, by=by,
                           min_group_docs=min_group_docs, ngram_max=ngram_max,
                           min_count=min_count, prior_strength=prior_strength)  # fmt: skip
    names, terms, counts, x = _term_counts(grouped, tokens, ngram_max, min_count)
    if len(terms) == 0 or len(names) < 2:  # nothing counted, or no rest to compare against
        return pl.DataFrame()
    total = counts.sum(axis=0)
    alpha = prior_strength * total / total.sum()
    rows = []
    targets = [pair[0]] if pair else names
    for g in targets:
        i = names.index(g)
        y_i = counts[i]
        y_j = counts[names.index(pair[1])] if pair else total - y_i
        frame = tested(_ranked(g, terms, y_i, y_j, alpha))  # q over all its terms, then the top
        frame = frame if pair else frame.head(top)
        rows.append(frame.join(_spread(grouped, g, terms, x), on=["group", "term"], how="left"))
    out = pl.concat(rows).join(sizes, on="group", how="left")
    out = out.with_columns(comparison=pl.lit(compared.kind), names_group=_self_named(out, tokens))
    if pair:
        out = out.with_columns(other=pl.lit(pair[1]))
    return _defined(out, len(terms))


def _self_named(table: pl.DataFrame, tokens: Tokens) -> pl.Series:
    """Whether each term is made of the words of its group's own name ("mash" in Mash's terms,
    "tass" in TASS's): a channel's sign-offs and self-references, not its rhetoric."""
    words = {g: set(tokens.tokens(str(g))) for g in table["group"].unique().to_list()}
    return pl.Series(
        [bool(words[g]) and set(str(t).split()) <= words[g]
         for g, t in table.select("group", "term").iter_rows()],
        dtype=pl.Boolean,
    )  # fmt: skip


def _defined(out: pl.DataFrame, n_terms: int) -> pl.DataFrame:
    """``out`` without the rows whose z is undefined (NaN or infinite), with a ``note`` saying
    why when there were some; only the ``note`` when every row was."""
    finite = pl.col("z").is_finite() & pl.col("log_odds").is_finite()
    kept = out.filter(finite)
    if kept.height == out.height:
        return out
    dropped = out.filter(~finite)["term"].n_unique()
    if n_terms < 2:
        why = (f"only one term ({out['term'][0]}) is counted among the documents compared, so "
               "its odds against other terms are undefined")  # fmt: skip
    else:
        why = "a group uses no term but these, so their odds against other terms are undefined"
    note = (f"{dropped} term{'s' if dropped != 1 else ''} left out: z cannot be computed "
            f"because {why}.")  # fmt: skip
    if not kept.height:
        return pl.DataFrame({"note": [note]})
    return kept.with_columns(note=pl.lit(note))


def note_of(terms: pl.DataFrame) -> str | None:
    """The note :func:`distinctive_terms` leaves on terms it dropped for an undefined z, or None.

    Example:
        >>> note_of(pl.DataFrame({"note": ["1 term left out: ..."]}))
        '1 term left out: ...'
    """
    if "note" not in terms.columns or not terms.height:
        return None
    return terms["note"][0]


def _stratified(
    grouped: pl.DataFrame,
    within: str,
    pair: tuple[str, str],
    tokens: Tokens,
    kind: str,
    *,
    by: str,
    min_group_docs: int,
    ngram_max: int,
    min_count: int,
    prior_strength: float,
) -> pl.DataFrame:
    """``distinctive_terms``' pair compared within the strata of ``within``, pooled."""
    stratum = pl.col(within).cast(pl.String).fill_null(UNKNOWN)
    keyed = grouped.with_columns(pl.concat_str(stratum, pl.lit(_SEP), "group").alias("group"))
    names, terms, counts, _ = _term_counts(keyed, tokens, ngram_max, min_count)
    if len(terms) == 0:
        return pl.DataFrame()
    y_i, y_j, delta, z, strata = _within_strata(names, counts, pair, prior_strength)
    if not strata:
        return pl.DataFrame()
    inside = grouped.select(stratum.is_in(strata)).to_series()
    sizes = group_sizes(grouped.filter(inside), by=by, min_group_docs=min_group_docs)
    table = tested(
        _table(pair[0], terms, y_i, y_j, delta, z).filter(
            (pl.col("count") + pl.col("count_other")) > 0
        )
    )
    return _defined(
        table.join(sizes, on="group", how="left").with_columns(
            comparison=pl.lit(kind),
            other=pl.lit(pair[1]),
            within=pl.lit(within),
            strata=pl.lit(len(strata), pl.Int64),
            left_out=pl.lit(int((~inside).sum()), pl.Int64),
        ),
        len(terms),
    )
