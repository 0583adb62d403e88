"""Evidence behind a number: the lines and passages a reader follows from a distinctive term,
a frame, a quoted speaker or a topic back to the documents, with outlet, date and title.

- :func:`kwic`: keyword in context (quanteda's ``kwic``) for terms as the analysis tokeniser
  writes them ("union state" finds "Union State" and "union of the state" when "of" and "the"
  are stop words; "lukashenko" finds "Lukashenko's"), or for a frame's lexicon under its name.
- :func:`quote_lines`: :func:`toolkit.quotes`'s attributions with their documents.
- :func:`passages`: the opening of chosen documents (a topic's representative articles).

Each returns a frame with a ``key`` (what the reader clicked: the term, frame, speaker or
topic) and the document's ``doc_id``, ``outlet``, ``published`` and ``title``; the display
glue in :mod:`toolkit.display` turns it into a searchable table that a click filters.

Example:
    >>> import polars as pl
    >>> docs = pl.DataFrame({"doc_id": ["a"], "outlet": ["TASS"], "published": [None],
    ...                      "title": ["Talks"], "text": ["Minsk and Moscow signed the Union "
    ...                      "State programmes on Friday."]})
    >>> kwic(docs, ["union state"], window=2).select("key", "left", "match", "right").row(0)
    ('union state', 'signed the', 'Union State', 'programmes on')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import polars as pl

from toolkit.article_text import with_titles
from toolkit.groups import with_groups
from toolkit.lang import chinese_words
from toolkit.resources import UNKNOWN, UNSPACED
from toolkit.tokens import NUMBER
from toolkit.word_tokens import term_edges

__all__ = ["EVIDENCE_COLUMNS", "Edges", "context", "kwic", "passages", "quote_lines", "term_regex"]

# the document columns every evidence table carries, after its key
EVIDENCE_COLUMNS = ("doc_id", "outlet", "published", "title")

KWIC_SCHEMA = {"key": pl.String, "doc_id": pl.String, "outlet": pl.String,
               "published": pl.Date, "title": pl.String, "left": pl.String,
               "match": pl.String, "right": pl.String}  # fmt: skip

# what may stand between the words of a term: spaces, punctuation and bare numbers, which the
# tokeniser skips ("Jan. 6 panel" holds the bigram "jan panel")
_GAP = rf"[\W_]+(?:{NUMBER}[\W_]+)*"


def term_regex(term: str, *, stop_words: Iterable[str] = ()) -> str:
    """A case-insensitive pattern for one term as written in a term list: whole words, a
    trailing ``*`` for any ending, a possessive "'s" allowed after each word, and between the
    words any punctuation, bare numbers and any of ``stop_words`` (the tokeniser drops them
    from n-grams); between two words of a script set without spaces, nothing as well
    ("央视 记者" is found in "央视记者").

    Example:
        >>> bool(re.search(term_regex("union state", stop_words=["of"]), "Union of State"))
        True
    """
    stops = sorted({re.escape(w) for w in stop_words if w and " " not in w}, key=len, reverse=True)
    gap = _GAP + (rf"(?:(?:{'|'.join(stops)}){_GAP})*" if stops else "")
    # between words of a script set without spaces ("央视记者"): nothing, or what the tokeniser
    # skips (punctuation, numbers, stop words), with no space needed
    joined = r"(?:[\W_\d]" + (rf"|{'|'.join(stops)}" if stops else "") + ")*"
    words = []
    written = str(term).strip().lower().split()
    for w in written:
        star = w.endswith("*") and len(w) > 1 and not re.match(UNSPACED, w.rstrip("*")[-1])
        body = re.escape(w.rstrip("*")) + (r"\w*" if star else "")
        words.append(
            body + ("" if re.match(UNSPACED, w.rstrip("*")[-1:] or "a") else r"(?:['’]s)?")
        )
    if not written:
        return r"(?!)"
    # no boundary beside a character of a script written without spaces ("白俄罗斯总统")
    first, last = written[0][:1], written[-1].rstrip("*")[-1:]
    before = "" if re.match(UNSPACED, first) else r"(?<!\w)"
    after = "" if re.match(UNSPACED, last) else r"(?!\w)"
    body = words[0]
    for prev, word, pattern in zip(written, written[1:], words[1:], strict=False):
        unspaced = re.match(UNSPACED, prev.rstrip("*")[-1:] or "a") or re.match(UNSPACED, word[:1])
        body += (joined if unspaced else gap) + pattern
    return r"(?i)" + before + body + after


def _doc_columns(docs: pl.DataFrame, *, titles: bool = False) -> pl.DataFrame:
    have = set(docs.columns)
    if titles:  # the title as the text's first paragraph, as the analyses read an article
        docs = with_titles(docs)
    text = pl.col("text").fill_null("")
    return docs.select(
        pl.col("doc_id").cast(pl.String),
        # an article of no outlet under the name the other tables give it (trial Z: blank cells)
        (
            pl.col("outlet").cast(pl.String).fill_null(UNKNOWN)
            if "outlet" in have
            else pl.lit(None, pl.String)
        ).alias("outlet"),
        *[
            (pl.col(c) if c in have else pl.lit(None)).cast(KWIC_SCHEMA[c]).alias(c)
            for c in ("published", "title")
        ],
        text.alias("text"),
    )


def kwic(
    docs: pl.DataFrame,
    terms: Iterable[str] | Mapping[str, Iterable[str]],
    *,
    window: int = 8,
    per_key: int | None = None,
    by: str | None = None,
    stop_words: Iterable[str] = (),
    exceptions: Mapping[str, Iterable[str]] | None = None,
    titles: bool = False,
) -> pl.DataFrame:
    """Keyword in context: every occurrence of each term, ``window`` words either side.

    Args:
        docs: the corpus (``doc_id``, ``text``; ``outlet``, ``published`` and ``title`` when
            present).
        terms: terms as a term list writes them, or a mapping from a key (a frame's name) to its
            terms, whose hits all carry that key.
        window: words shown either side of the match.
        per_key: at most this many lines per key (and per group of ``by``), taken in the order
            of ``published`` then ``doc_id``; None for all.
        by: the grouping column ``per_key`` counts within (``outlet``, say).
        stop_words: words the tokeniser dropped from n-grams, allowed between a term's words.
        exceptions: for a key, phrases (written as terms are) whose matches hold no line of it:
            a frame's ``except`` ("brother*" is not shown inside "Muslim Brotherhood").
        titles: search each document's title too, as its first line (the trends' query counts
            a document whose title or text holds a term; a keyword's lines do the same).

    Returns:
        ``key``, ``doc_id``, ``outlet``, ``published``, ``title``, ``left``, ``match``,
        ``right``: one row per occurrence, sorted by key, then document order.
    """
    keyed = dict(terms) if isinstance(terms, Mapping) else {str(t): [t] for t in terms}
    base = _doc_columns(docs, titles=titles)
    if by:
        base = base.with_columns(with_groups(docs.select(by), by)["group"])
    base = base.sort("published", "doc_id", nulls_last=True)
    stops = list(stop_words)
    rows = []
    for key in sorted(keyed):
        patterns = [term_regex(t, stop_words=stops) for t in keyed[key] if str(t).strip()]
        if not patterns:
            continue
        pattern = "|".join(f"(?:{p.removeprefix('(?i)')})" for p in patterns)
        # polars' regex has no look-around: a cheap filter on each term's first word, then
        # Python's regex on the documents it keeps
        firsts = {re.escape(str(t).strip().lower().split()[0].rstrip("*")) for t in keyed[key]
                  if str(t).strip()}  # fmt: skip
        hits = base.filter(pl.col("text").str.contains("(?i)" + "|".join(sorted(firsts))))
        counted: dict[str | None, int] = {}
        compiled = re.compile(pattern, re.IGNORECASE)
        unless = _unless((exceptions or {}).get(key, ()), stops)
        groups = hits["group"].n_unique() if "group" in hits.columns else 1
        for r in hits.iter_rows(named=True):
            group = r.get("group")
            if per_key is not None and counted.get(group, 0) >= per_key:
                if len(counted) == groups and min(counted.values()) >= per_key:
                    break  # every group has its lines: the later documents are not read
                continue
            text, inside, edges = r["text"], None, None
            for m in compiled.finditer(text):
                if inside is None:  # read once a document has a match
                    inside = [u.span() for u in unless.finditer(text)] if unless else []
                    edges = Edges(text)
                if any(a <= m.start() and m.end() <= b for a, b in inside) or not edges.whole(m):
                    continue
                if per_key is not None and counted.get(group, 0) >= per_key:
                    break
                counted[group] = counted.get(group, 0) + 1
                rows.append({"key": key, "doc_id": r["doc_id"], "outlet": r["outlet"],
                             "published": r["published"], "title": r["title"],
                             "left": context(text[: m.start()], window, left=True),
                             "match": m.group(),
                             "right": context(text[m.end() :], window, left=False)})  # fmt: skip
    return pl.DataFrame(rows, schema=KWIC_SCHEMA)


class Edges:
    """Whether a match in a text is whole words: where it begins or ends on a character of a
    script set without spaces, that is where a term may begin or end
    (:func:`toolkit.word_tokens.term_edges`, found once a text, when first needed)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._edges: frozenset[int] | None = None

    def whole(self, m: re.Match) -> bool:
        start, end = m.span()
        first, last = self.text[start : start + 1], self.text[end - 1 : end]
        if not (_UNSPACED.match(first) or _UNSPACED.match(last)):
            return True
        if self._edges is None:
            self._edges = term_edges(self.text)
        return (not _UNSPACED.match(first) or start in self._edges) and (
            not _UNSPACED.match(last) or end in self._edges
        )


_UNSPACED = re.compile(UNSPACED)


def context(part: str, window: int, *, left: bool) -> str:
    """``window`` words of ``part`` next to a match (its end when ``left``, else its start):
    words as spaces set them apart, and in Chinese or Japanese, which sets none, as jieba cuts
    them (joined as written)."""
    near = part[-window * 12 :] if left else part[: window * 12]
    if not re.search(UNSPACED, near):
        words = part.split()
        return " ".join(words[-window:] if left else words[:window])
    tokens = chinese_words(near)
    order = range(len(tokens) - 1, -1, -1) if left else range(len(tokens))
    kept, n = [], 0
    for i in order:
        n += bool(re.search(r"\w", tokens[i]))
        if n > window:
            break
        kept.append(tokens[i])
    shown = "".join(reversed(kept) if left else kept)
    return " ".join(shown.split())  # line breaks and runs of spaces as one space


def _unless(phrases: Iterable[str], stops: list[str]) -> re.Pattern[str] | None:
    """One pattern of a key's ``exceptions``, or None where it has none."""
    patterns = [term_regex(p, stop_words=stops) for p in phrases if str(p).strip()]
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p.removeprefix('(?i)')})" for p in patterns), re.IGNORECASE)


def quote_lines(found: pl.DataFrame, docs: pl.DataFrame, *, unknown: str) -> pl.DataFrame:
    """The attributions of :func:`toolkit.quotes` with their documents: ``key`` (the speaker,
    or ``unknown`` where the text does not say who), ``speaker_text``, ``speaker_kind``,
    ``verb``, ``quote``, ``direct`` and the document columns, in document and text order."""
    meta = _doc_columns(docs).drop("text")
    return (
        found.join(meta, on="doc_id", how="left")
        .sort("published", "doc_id", "start", nulls_last=True)
        .select(
            key=pl.col("speaker").fill_null(unknown),
            speaker_text=pl.col("speaker_text"),
            speaker_kind=pl.col("speaker_kind"),
            verb=pl.col("verb"),
            quote=pl.col("quote"),
            direct=pl.col("direct"),
            **{c: pl.col(c) for c in EVIDENCE_COLUMNS},
        )
    )


def passages(docs: pl.DataFrame, keys: pl.DataFrame, *, chars: int = 300) -> pl.DataFrame:
    """The opening ``chars`` characters of the documents in ``keys`` (``doc_id`` and ``key``,
    e.g. a topic's representative articles), cut at a word, with the document columns; where
    ``keys`` has a ``text`` (a representative paragraph of the document), of that text."""
    own = "text" in keys.columns
    keys = keys.select(pl.col("key").cast(pl.String), pl.col("doc_id").cast(pl.String),
                       *([pl.col("text").alias("_own")] if own else []))  # fmt: skip
    text = pl.coalesce("_own", "text") if own else pl.col("text")
    cut = text.str.slice(0, chars).str.replace(r"\s+\S*$", "")
    opening = pl.when(text.str.len_chars() > chars).then(cut + " ...").otherwise(text)
    return (
        keys.join(_doc_columns(docs), on="doc_id", how="left")
        .select("key", *EVIDENCE_COLUMNS, passage=opening)
        .sort("key", "published", "doc_id", nulls_last=True)
    )
