"""Corpus overview tables: what was loaded, from whom, when, what cleaning removed, and where
stories were reprinted. The corpus notebook shows these; they are plain functions of the corpus.

Example:
    >>> from toolkit import overview
    >>> overview.outlet_site_counts(corpus)                   # doctest: +SKIP
"""

from __future__ import annotations

import difflib
import random
import re
from dataclasses import dataclass
from typing import Any

import polars as pl

from toolkit.date_zones import ZONED
from toolkit.dedup import Duplicates
from toolkit.ingest_result import note_summary
from toolkit.options import option
from toolkit.resources import UNKNOWN
from toolkit.sources import NAMED_TWICE

__all__ = [
    "CorpusOptions",
    "cleaning_sample",
    "cluster_table",
    "date_coverage",
    "dating_summary",
    "load_summary",
    "note_summary",
    "one_site_repeats",
    "outlet_site_counts",
    "pairs_to_explain",
    "pairs_within",
    "removed_fragments",
    "repeated_note",
    "repeated_texts",
    "zone_note",
]


@dataclass(frozen=True)
class CorpusOptions:
    """The corpus notebook's options (the ``corpus`` section of a parameter set)."""

    sample: int = option(3, "documents shown before and after cleaning", minimum=0, maximum=100)
    explain: int = option(
        5, "duplicate pairs explained paragraph by paragraph", minimum=0, maximum=100
    )
    top_clusters: int = option(20, "largest reprint clusters listed", minimum=0, maximum=1000)


def load_summary(report: pl.DataFrame) -> pl.DataFrame:
    """Files and records by status and reason, with one example path each. Duplicates count as
    one reason, "duplicate id: same URL as an earlier record", whichever record each repeats
    (the load report names it); else every duplicate was a row of its own."""
    reason = pl.col("reason").fill_null("")
    kind = (
        pl.when(reason.str.starts_with("duplicate id: "))
        .then(reason.str.replace(r" as .*$", " as an earlier record"))
        .when(reason.str.starts_with(NAMED_TWICE))
        .then(pl.lit(f"{NAMED_TWICE}: read once"))
        .otherwise(reason)
    )
    return (
        report.filter(pl.col("status") != "manifest")
        .group_by("status", kind.alias("reason"))
        .agg(n=pl.len(), example=pl.col("path").sort().first())
        .sort(["status", "n", "reason"], descending=[False, True, False])
    )


def outlet_site_counts(corpus: pl.DataFrame) -> pl.DataFrame:
    """Documents, distinct stories and words per outlet and site; unknowns named, not dropped."""
    total = corpus.height
    return (
        corpus.with_columns(pl.col("outlet").fill_null(UNKNOWN), pl.col("site").fill_null(UNKNOWN))
        .group_by("outlet", "site")
        .agg(
            documents=pl.len(),
            stories=pl.col("is_canonical").sum().cast(pl.Int64),
            words=pl.col("n_words").sum(),
            dated=pl.col("published").is_not_null().sum().cast(pl.Int64),
        )
        .with_columns(share=(pl.col("documents") / max(total, 1)).round(4))
        .sort(["documents", "outlet", "site"], descending=[True, False, False])
    )


def dating_summary(corpus: pl.DataFrame, *, by: str = "outlet") -> pl.DataFrame:
    """Per outlet (or per ``by="source"``, the first part of each path): dated items, how their
    dates were read (``from_manifest``, ``from_column``, ``from_page_metadata`` (an HTML
    page's, a front matter's), ``from_text``, ``from_url``, ``from_filename``, ``inferred``: see
    ``published_source``), items whose date was written but not taken (``partial``: unsettled,
    refused or yearless; the load report's notes say why), and items with no date at all.
    Undated items are never placed at a default date."""
    key = pl.col("path").str.replace(r"/.*$", "") if by == "source" else pl.col(by)
    source = pl.col("published_source")
    return (
        corpus.with_columns(key.fill_null(UNKNOWN).alias(by))
        .group_by(by)
        .agg(
            documents=pl.len(),
            dated=pl.col("published").is_not_null().sum().cast(pl.Int64),
            **{
                f"from_{s.replace(' ', '_')}" if s != "inferred" else s: (source == s)
                .sum()
                .cast(pl.Int64)
                for s in (
                    "manifest",
                    "column",
                    "page metadata",
                    "text",
                    "url",
                    "filename",
                    "inferred",
                )
            },
            partial=(pl.col("published").is_null() & pl.col("date_text").is_not_null())
            .sum()
            .cast(pl.Int64),
            no_date=(pl.col("published").is_null() & pl.col("date_text").is_null())
            .sum()
            .cast(pl.Int64),
            first=pl.col("published").min(),
            last=pl.col("published").max(),
        )
        .sort(by)
    )


def zone_note(corpus: pl.DataFrame, *, timezone: Any = None) -> str | None:
    """A sentence for a corpus whose dates were read from timestamps with a zone, when no
    ``timezone`` was declared: each is on its day in the zone it writes, mostly UTC, not an
    agency's local day (trial W: 188 of 980 President of Ukraine items fall on the next day in
    Kyiv). None when there are none, or a zone was declared."""
    if timezone or "date_text" not in corpus.columns:
        return None
    zoned = corpus.filter(
        pl.col("published").is_not_null() & pl.col("date_text").fill_null("").str.contains(ZONED)
    )
    if not zoned.height:
        return None
    example = zoned["date_text"].sort().first()
    return (
        f"{zoned.height} of {corpus.height} dates were read from timestamps that carry their "
        f"zone (as {example!r}): each is on its day in the zone it writes, mostly UTC, not an "
        "outlet's local day. To place them on Moscow's days, say: ingest: {timezone: "
        "Europe/Moscow} (one zone per source too)."
    )


def date_coverage(corpus: pl.DataFrame, *, period: str = "1mo") -> pl.DataFrame:
    """Dated documents per outlet and period (a polars duration such as ``1mo`` or ``1w``)."""
    return (
        corpus.filter(pl.col("published").is_not_null())
        .with_columns(
            pl.col("outlet").fill_null(UNKNOWN), period=pl.col("published").dt.truncate(period)
        )
        .group_by("outlet", "period")
        .agg(documents=pl.len())
        .sort("period", "outlet")
    )


def cleaning_sample(corpus: pl.DataFrame, *, n: int, seed: int) -> pl.DataFrame:
    """``n`` documents chosen with ``seed``: raw and clean size (characters other than spaces
    and line breaks, which cleaning rearranges: a split paragraph adds a break), and the raw
    lines cleaning removed (site chrome, bylines, datelines, captions), for a before/after
    look."""
    ids = sorted(corpus["doc_id"].to_list())
    # a generator of its own, seeded here: no global state is read or set, and the same seed
    # picks the same documents as before (numpy's Generator would pick others)
    chosen = sorted(random.Random(seed).sample(ids, min(n, len(ids))))
    rows = []
    for r in corpus.filter(pl.col("doc_id").is_in(chosen)).sort("doc_id").iter_rows(named=True):
        raw, clean = r["raw_text"] or "", r["text"] or ""
        removed = removed_fragments(raw, clean)
        rows.append(
            {
                "doc_id": r["doc_id"],
                "outlet": r["outlet"],
                "title": r["title"],
                "raw_chars": len(raw) - sum(map(str.isspace, raw)),
                "clean_chars": len(clean) - sum(map(str.isspace, clean)),
                "removed_lines": len(removed),
                "removed": "\n".join(removed),
                "raw_start": raw[:600],
                "clean_start": clean[:600],
            }
        )
    schema = {
        "doc_id": pl.String, "outlet": pl.String, "title": pl.String, "raw_chars": pl.Int64,
        "clean_chars": pl.Int64, "removed_lines": pl.Int64, "removed": pl.String,
        "raw_start": pl.String, "clean_start": pl.String,
    }  # fmt: skip
    return pl.DataFrame(rows, schema=schema)


_TOKEN = re.compile(r"\w+|[^\w\s]")


def removed_fragments(raw: str, clean: str) -> list[str]:
    """The parts of each raw line that are not in the clean text, line by line: whole lines of
    chrome, or a dateline cut from the start of a paragraph. Words and punctuation marks are
    compared in order, so re-wrapped, re-joined and split paragraphs (a glued "Greece.Economics"
    that cleaning parts at the full stop) do not count as removed. Each fragment is the raw
    line's own text, from its first removed token to its last, runs apart joined by " … "."""
    spans = [(i, m.start(), m.end(), m.group()) for i, line in enumerate(raw.splitlines())
             for m in _TOKEN.finditer(line)]  # fmt: skip
    matcher = difflib.SequenceMatcher(
        None, [t for *_, t in spans], _TOKEN.findall(clean), autojunk=False
    )
    gone: dict[int, list[tuple[int, int]]] = {}
    for op, a0, a1, _, _ in matcher.get_opcodes():
        if op in ("delete", "replace"):
            run = spans[a0:a1]
            for line in sorted({i for i, *_ in run}):
                mine = [(s, e) for i, s, e, _ in run if i == line]
                gone.setdefault(line, []).append((mine[0][0], mine[-1][1]))
    lines = raw.splitlines()
    found = [" … ".join(lines[i][s:e] for s, e in runs) for i, runs in sorted(gone.items())]
    return [f for f in found if f.replace("\xad", "").strip()]  # not a soft hyphen alone


def cluster_table(
    corpus: pl.DataFrame, dups: Duplicates, *, loaded: pl.DataFrame | None = None
) -> pl.DataFrame:
    """One row per reprint cluster with two or more copies in ``corpus`` (the documents that
    pass a run's filters; duplicates are found across all ``loaded``): its copies there, the
    outlets and sites that ran them, its canonical copy's outlet and title (looked up in
    ``loaded``, the whole load, as the canonical copy may fall outside the filters) and
    first publication, and the longest delay after it."""
    loaded = corpus if loaded is None else loaded
    members = dups.clusters.join(
        corpus.select("doc_id", "outlet", "site", "title"), on="doc_id", how="inner"
    ).filter(pl.len().over("cluster_id") > 1)
    canonical = (
        dups.clusters.filter(pl.col("is_canonical"))
        .join(members.select("cluster_id").unique(), on="cluster_id")
        .join(loaded.select("doc_id", "outlet", "title"), on="doc_id", how="left")
        .select(
            "cluster_id",
            canonical_outlet=pl.col("outlet"),
            canonical_title=pl.col("title"),
            first_published=pl.col("first_published"),
        )
    )
    return (
        members.group_by("cluster_id")
        .agg(
            copies=pl.len(),
            outlets=pl.col("outlet").fill_null(UNKNOWN).unique().sort().str.join(", "),
            sites=pl.col("site").fill_null(UNKNOWN).unique().sort().str.join(", "),
            max_lag_days=pl.col("lag_days").max(),
        )
        .join(canonical, on="cluster_id", how="left")
        .sort(["copies", "cluster_id"], descending=[True, False])
    )


SITE_REPEAT_DAYS = 7  # one site's copies further apart than this may be items of one formula


def one_site_repeats(clusters: pl.DataFrame, *, days: int = SITE_REPEAT_DAYS) -> pl.DataFrame:
    """The rows of :func:`cluster_table` whose copies are all on one known site and dated more
    than ``days`` apart: a site seldom runs its own story again weeks later, so these may be
    distinct items of one formula (a weekly meeting's summary, calls with one leader) that
    ``max_days`` would keep apart."""
    return clusters.filter(
        ~pl.col("sites").str.contains(", ", literal=True)
        & (pl.col("sites") != UNKNOWN)
        & (pl.col("max_lag_days") > days)
    )


REPEATED_MIN_ITEMS = 5  # items under as many titles sharing one text: a widget, not articles


def repeated_texts(stories: pl.DataFrame, *, min_items: int = REPEATED_MIN_ITEMS) -> pl.DataFrame:
    """Texts that are the whole text of ``min_items`` or more of the stories analysed, under at
    least as many different titles: what a scraper saves from a page's "latest news" widget or
    a programme's stub instead of each article (trial R: 510 Channel One items with one
    teaser; their words topped the distinctive terms). Reprints of one story are not these:
    duplicates collapse them, and they keep their title. One row per text, most items first:
    ``opening`` (its first 120 characters), ``items``, ``titles``, ``outlets``, ``first`` and
    ``last`` (dates)."""
    text = pl.col("text").fill_null("").str.strip_chars()
    title = pl.col("title") if "title" in stories.columns else pl.lit(None, pl.String)
    published = pl.col("published") if "published" in stories.columns else pl.lit(None, pl.Date)
    outlet = pl.col("outlet") if "outlet" in stories.columns else pl.lit(None, pl.String)
    read = stories.select(
        text.alias("_text"), title.alias("title"), published.alias("published"),
        outlet.cast(pl.String).alias("outlet"),
    )  # fmt: skip
    return (
        read.filter(pl.col("_text") != "")
        .group_by("_text")
        .agg(
            items=pl.len().cast(pl.Int64),
            titles=pl.col("title").n_unique().cast(pl.Int64),
            outlets=pl.col("outlet").drop_nulls().unique().sort().str.join(", "),
            first=pl.col("published").min(),
            last=pl.col("published").max(),
        )
        .filter((pl.col("items") >= min_items) & (pl.col("titles") >= min_items))
        .with_columns(opening=pl.col("_text").str.slice(0, 120))
        .sort(["items", "_text"], descending=[True, False])
        .select("opening", "items", "titles", "outlets", "first", "last")
    )


def repeated_note(stories: pl.DataFrame) -> str | None:
    """A sentence for the analyses' reports where :func:`repeated_texts` finds texts shared by
    many items under different titles (their words lead the terms and topics); None where it
    finds none."""
    shared = repeated_texts(stories)
    if not shared.height:
        return None
    k, n = shared.height, int(shared["items"].sum())
    return (
        f"{n} of the {stories.height} items share {k} text{'' if k == 1 else 's'} under "
        "different titles (a page's widget or a programme's stub saved instead of the articles: "
        "the corpus report lists them); their words may lead what follows."
    )


def pairs_within(dups: Duplicates, corpus: pl.DataFrame) -> pl.DataFrame:
    """The pairs both of whose documents are in ``corpus`` (the documents that pass a run's
    filters), of the pairs found across the whole load."""
    ids = corpus["doc_id"].implode()
    return dups.pairs.filter(pl.col("doc_a").is_in(ids) & pl.col("doc_b").is_in(ids))


def pairs_to_explain(dups: Duplicates, corpus: pl.DataFrame, *, n: int) -> pl.DataFrame:
    """Up to ``n`` reported pairs worth reading: copies across outlets or sites first, then
    near copies before partial ones (a contained pair is mostly an excerpt beside its article:
    one passage shared, the rest "added"), the least similar first (where the edits are), one
    pair per cluster. No pair when no duplicate was reported: near misses are not copies, and
    aligning them shows nothing worth reading."""
    meta = corpus.select("doc_id", "outlet", "site")
    ranked = (
        dups.pairs.join(meta.rename({"doc_id": "doc_a", "outlet": "oa", "site": "sa"}), on="doc_a")
        .join(meta.rename({"doc_id": "doc_b", "outlet": "ob", "site": "sb"}), on="doc_b")
        .join(dups.clusters.select(pl.col("doc_id").alias("doc_a"), "cluster_id"), on="doc_a")
        .with_columns(
            across=(pl.col("oa") != pl.col("ob")).fill_null(True)
            | (pl.col("sa") != pl.col("sb")).fill_null(True)
        )
        .with_columns(near=pl.col("kind") == "near")
        .sort(
            ["across", "near", "jaccard", "doc_a", "doc_b"],
            descending=[True, True, False, False, False],
        )
        .unique("cluster_id", keep="first", maintain_order=True)
    )
    return ranked.head(n).select(
        "doc_a", "doc_b", "kind", "jaccard", "containment_a_in_b", "containment_b_in_a"
    )
