"""What chrome learning needs of every batch of a load, kept in small form.

A load reads its files a batch at a time (:mod:`toolkit.load`); the page steps that learn
across a site's (or folder's) documents see each batch once and keep only what the learning
needs, never the texts: how many distinct documents hold each line (by a hash of group and
line), each group's numeric stamps, its documents' titles, and the segments that open or close
its bodies. From those, :class:`GroupCounts` learns what one pass over all the documents would
(:func:`toolkit.clean.learned_lines`, :func:`toolkit.affixes.learn_title_affixes`,
:func:`toolkit.affixes.learn_edges`, :func:`toolkit.date_order.settle_order`), and
:class:`Learned` marks each batch's lines with it. Copies of one document (same key) vote once
over all batches.

Example:
    >>> counts = GroupCounts()
    >>> docs = pl.DataFrame({"doc": [0, 1], "group": ["x", "x"], "_key": [1, 2]},
    ...     schema_overrides={"doc": pl.UInt32, "_key": pl.UInt64})
    >>> lines = pl.DataFrame({"doc": [0, 1], "group": ["x", "x"], "line": ["Menu", "Menu"],
    ...     "found": [None, None]}, schema_overrides={"doc": pl.UInt32, "found": pl.String})
    >>> counts.add_lines(docs, lines)
    >>> learned = counts.learned(min_docs=2, share=0.5)
    >>> learned.hit(lines).to_list(), sorted(learned.groups)
    ([True, True], ['x'])
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from toolkit.affixes import edge_segments, learn_edges, learn_title_affixes
from toolkit.date_order import Order, settle_order
from toolkit.stamps import STAMP_MAX_CHARS

__all__ = ["LEARNED_SCHEMA", "GroupCounts", "Learned"]

# What was learned as chrome, per group (a site, else ``folder:`` and a folder): whole lines
# (kind "line"), the site-name parts of titles ("title prefix", "title suffix") and the
# segments that open or close texts ("opening", "closing", "closing template").
LEARNED_SCHEMA: dict[str, pl.DataType] = {
    "group": pl.String,
    "kind": pl.String,
    "line": pl.String,
    "n_docs": pl.Int64,
}

# NUMERIC_STAMP of toolkit.stamps, for polars (no back-references: settle_order skips mixed
# separators)
_NUMERIC_SCREEN = r"(?:^|[^\d/.])(\d{1,2}[/.]\d{1,2}[/.]\d{4})(?:$|[^\d/])"
_COMPACT_EVERY = 16  # batches' counts summed into one table this often
# A line of prose (a sentence of at least PROSE_BYTES bytes, about a dozen words) is chrome
# only in at least PROSE_MIN_DOCS documents, whatever the group's size: in a small channel or
# site a background paragraph repeated in five stories ("Напомним, Путин и Лукашенко
# подписали ...") is the stories', where a disclaimer or a sign-off sentence stands in many of
# a site's texts. The lowest bit of a line's hash says whether it is prose.
PROSE_BYTES = 80
PROSE_MIN_DOCS = 10
_PAIRS = {"g": pl.UInt64, "key": pl.UInt64}  # a document of a group: copies share it


def _line_hash(line: pl.Expr, *, prose: bool = False) -> pl.Expr:
    """A line's hash within its group (the same line in two groups hashes apart): the two
    hashes, seeded apart, combined (a struct's hash would copy a column of big lines), its
    lowest bit 0; with ``prose``, that bit says whether the line is prose (:func:`_prose`:
    the counts carry it, the matching clears it, :func:`_plain`)."""
    h = line.hash(seed=1) ^ pl.col("group").hash(seed=2)
    h = h - h % 2
    return h + _prose(line).cast(pl.UInt64) if prose else h


def _plain(hashes: pl.Series) -> pl.Series:
    """Hashes with their prose bit cleared, as :func:`_line_hash` gives them to match."""
    return hashes - hashes % 2


def _prose(line: pl.Expr) -> pl.Expr:
    """Whether a line is a sentence of prose: ``PROSE_BYTES`` bytes or more (about a dozen
    words; read off the line's length, not counted: this runs on every line), ending as a
    sentence does (a full stop, maybe inside a closing quote or bracket: its last three
    characters are read, not the line)."""
    end = line.str.tail(3).str.contains(r"[.!?…。！？][\"”»')）]{0,2}$")
    return (line.str.len_bytes() >= PROSE_BYTES) & end


def _found_hash(*, prose: bool = False) -> pl.Expr:
    """:func:`_line_hash` of a line as found in the page (before a chrome sentence was cut
    from it), from the hashes (a coalesce of the texts would copy them)."""
    found, line = pl.col("found"), pl.col("line")
    return (
        pl.when(found.is_null())
        .then(_line_hash(line, prose=prose))
        .otherwise(_line_hash(found, prose=prose))
    )


@dataclass(frozen=True)
class Learned:
    """What :meth:`GroupCounts.learned` learned from the lines of every batch.

    Attributes:
        keys: the lines learned as chrome, by hash (``h``), with ``n_docs``.
        shared: the lines in more than one distinct document of their group, by hash (``h``).
        groups: the groups learned from (at least ``min_docs`` distinct documents).
        orders: each group's day/month order of numeric stamps, where its pages settle one.
    """

    keys: pl.DataFrame
    shared: pl.DataFrame
    groups: frozenset[str]
    orders: dict[str, Order]

    def hit(self, lines: pl.DataFrame) -> pl.Series:
        """Whether each of ``lines`` (``group, line``) is a line learned for its group."""
        keys = _plain(self.keys["h"]).implode()
        return lines.select(_line_hash(pl.col("line")).is_in(keys)).to_series()

    def repeated(self, lines: pl.DataFrame) -> pl.Series:
        """Whether each of ``lines`` is also in another distinct document of its group (a
        section name, a byline: not a page's own title)."""
        h = _line_hash(pl.col("line"))
        shared = _plain(self.shared["h"]).implode()
        return lines.select(
            (h.is_in(shared) & pl.col("group").is_not_null()).fill_null(False)
        ).to_series()

    def lines_in(self, lines: pl.DataFrame) -> pl.DataFrame:
        """The learned lines (``LEARNED_SCHEMA``, kind "line", as found) among ``lines``."""
        if not self.keys.height or not lines.height:
            return pl.DataFrame(schema=LEARNED_SCHEMA)
        h = _found_hash()
        keys = self.keys.with_columns(_plain(self.keys["h"]).alias("h"))
        found = (
            lines.filter(h.is_in(keys["h"].implode()))
            .select("group", pl.coalesce("found", "line").alias("line"), h.alias("h"))
            .join(keys, on="h")
            .select("group", pl.lit("line").alias("kind"), "line", "n_docs")
            .unique()
        )
        # Built anew from Python: a filter's strings still point into the buffers of all the
        # batch's lines, which a load keeps to its end with them (5 KB a page).
        return pl.DataFrame(found.rows(), schema=LEARNED_SCHEMA, orient="row")


def _distinct_docs(hashed: pl.DataFrame, name: str) -> pl.DataFrame:
    """``g, h`` and how many distinct documents of ``hashed`` (``doc, g, h``) hold each."""
    new = (pl.col("g") != pl.col("g").shift()) | (pl.col("h") != pl.col("h").shift())
    first = (new | (pl.col("doc") != pl.col("doc").shift())).fill_null(True)
    runs = hashed.sort("g", "h", "doc").filter(first).select(pl.struct("g", "h").rle().alias("r"))
    return runs.unnest("r").unnest("value").select("g", "h", pl.col("len").alias(name))


def _pairs(docs: pl.DataFrame, *keep: str) -> pl.DataFrame:
    """The distinct ``(g, key)`` of ``docs``, first copies first, with the columns ``keep``."""
    return (
        docs.filter(pl.col("group").is_not_null())
        .select(*keep, pl.col("group").hash().alias("g"), pl.col("_key").alias("key"))
        .unique(["g", "key"], keep="first", maintain_order=True)
    )


class GroupCounts:
    """The counts of every batch a load's page steps learn from (see the module's text).

    Feed each batch's lines to :meth:`add_lines`, then :meth:`learned` marks lines; feed each
    batch's read pages to :meth:`add_pages`, then :meth:`affixes` learns titles' and texts'
    edges.

    Args:
        learn: whether chrome is learned at all (else only the stamps' orders are).
    """

    def __init__(self, *, learn: bool = True, seen: pl.DataFrame | None = None) -> None:
        self.learn = learn
        # the documents counted so far, and those an engine counts in another batch
        self._seen = pl.DataFrame(schema=_PAIRS) if seen is None else seen.select(*_PAIRS)
        self._sizes: list[pl.DataFrame] = []
        self._counts: list[pl.DataFrame] = []
        self._stamps: list[pl.DataFrame] = []
        self._titles: list[pl.DataFrame] = []
        self._bodies: list[pl.DataFrame] = []
        self._edges: list[pl.DataFrame] = []

    def add_lines(self, docs: pl.DataFrame, lines: pl.DataFrame) -> None:
        """Count a batch: ``docs`` (``doc, group, _key``) and ``lines`` (``doc, group, line,
        found``, see :func:`toolkit.pages.page_lines`)."""
        # Hashes first: the lines' texts are read once, never copied (a big page's are big).
        short = pl.col("line").str.len_chars() <= STAMP_MAX_CHARS
        hashed = lines.select(
            "doc",
            "group",
            pl.col("group").hash().alias("g"),
            _found_hash(prose=True).alias("h"),
            _line_hash(pl.col("line"), prose=True).alias("h_cut"),
            pl.when(short).then(pl.col("line").str.extract(_NUMERIC_SCREEN, 1)).alias("stamp"),
        ).filter(pl.col("group").is_not_null())
        self._stamps.append(hashed.select("group", "stamp").drop_nulls().unique())
        docs = _pairs(docs, "doc", "group").join(self._seen, on=["g", "key"], how="anti")
        self._seen = pl.concat([self._seen, docs.select("g", "key")])
        self._sizes.append(docs.group_by("group", "g").agg(pl.len().alias("size")))
        if not self.learn or not hashed.height:
            return
        hashed = hashed.join(docs.select("doc"), on="doc", how="semi")
        # Distinct documents a line is in, by sorting, not hashing (polars' hash tables of a
        # giant page's lines stayed held beside it); once where no chrome sentence was cut.
        cut = (hashed["h"] != hashed["h_cut"]).any()
        counts = [
            _distinct_docs(hashed.select("doc", "g", pl.col(h).alias("h")), name)
            for h, name in (("h", "n"), ("h_cut", "n_cut"))[: 2 if cut else 1]
        ]
        if cut:
            counts = counts[0].join(counts[1], on=["g", "h"], how="full", coalesce=True)
            self._counts.append(counts.fill_null(0))
        else:
            self._counts.append(counts[0].with_columns(pl.col("n").alias("n_cut")))
        if len(self._counts) >= _COMPACT_EVERY:
            self._counts = [self._total()]

    @staticmethod
    def doc_pairs(docs: pl.DataFrame) -> pl.DataFrame:
        """The documents of ``docs`` (``group, _key``) as counted, once each, in order: ``g``
        (the group's hash) and ``key``. A batch counted elsewhere passes those of earlier
        batches as ``seen``, so each document is counted by the first batch holding it."""
        return _pairs(docs)

    @classmethod
    def merged(cls, parts: list[GroupCounts], *, learn: bool = True) -> GroupCounts:
        """The counts of ``parts`` (batches counted apart, each with the documents of the
        batches before it ``seen``) as one: what counting them one after another gives."""
        total = cls(learn=learn)
        for name in ("_sizes", "_counts", "_stamps", "_titles", "_bodies", "_edges"):
            setattr(total, name, [f for part in parts for f in getattr(part, name)])
        return total

    def _total(self) -> pl.DataFrame:
        return pl.concat(self._counts).group_by("g", "h").agg(pl.col("n", "n_cut").sum())

    def learned(self, min_docs: int, share: float) -> Learned:
        """What the lines of every batch counted teach: lines in at least ``min_docs``
        distinct documents of their group and ``share`` of them are chrome."""
        sizes = pl.concat(self._sizes).group_by("group", "g").agg(pl.col("size").sum())
        stamps = pl.concat(self._stamps).unique() if self._stamps else None
        orders = {}
        if stamps is not None:
            for (group,), found in stamps.partition_by("group", as_dict=True).items():
                if (order := settle_order(found["stamp"])) is not None:
                    orders[group] = order
        keys = pl.DataFrame(schema={"h": pl.UInt64, "n_docs": pl.Int64})
        shared = keys.select("h")
        groups: frozenset[str] = frozenset()
        if self.learn and self._counts:
            total = self._total()
            self._counts = []
            prose = pl.when(pl.col("h") % 2 == 1).then(pl.lit(PROSE_MIN_DOCS)).otherwise(0)
            need = pl.max_horizontal(pl.lit(min_docs), share * pl.col("size"), prose)
            enough = pl.col("n") >= need
            keys = (
                total.join(sizes, on="g")
                .filter(enough)
                .select("h", pl.col("n").cast(pl.Int64).alias("n_docs"))
            )
            shared = total.filter(pl.col("n_cut") > 1).select("h")
        if self.learn:
            groups = frozenset(sizes.filter(pl.col("size") >= min_docs)["group"].to_list())
        return Learned(keys, shared, groups, orders)

    def add_pages(self, titles: pl.DataFrame, bodies: pl.DataFrame) -> None:
        """Keep what a batch's read pages give title and edge learning: ``titles`` (``group,
        key, title``) and ``bodies`` (``group, key, text``), see
        :func:`toolkit.pages.page_parts`."""
        if not self.learn:
            return
        has = pl.col("group").is_not_null()
        self._titles.append(titles.filter(has & pl.col("title").is_not_null()).unique())
        bodies = bodies.filter(has & pl.col("text").is_not_null())
        self._bodies.append(bodies.select("group", "key").unique())
        self._edges.append(edge_segments(bodies))

    def affixes(self, min_docs: int, share: float) -> pl.DataFrame:
        """The title affixes and text edges learned from every batch's pages
        (``LEARNED_SCHEMA``)."""
        if not self._titles:
            return pl.DataFrame(schema=LEARNED_SCHEMA)
        titles = pl.concat(self._titles)
        bodies = pl.concat(self._bodies)
        found = pl.concat(self._edges)
        return pl.concat(
            [
                learn_title_affixes(titles, min_docs=min_docs, min_share=share),
                learn_edges(bodies, min_docs=min_docs, min_share=share, found=found),
            ]
        ).cast(LEARNED_SCHEMA)
