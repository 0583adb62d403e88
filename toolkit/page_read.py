"""Pages read one by one in Python: each document's marked lines to a row of ``PAGE_SCHEMA``
(title, dateline, date, outlet cue, body) by :func:`toolkit.extract.assemble_page`, the body
joined a part at a time and the C heap handed back after a big batch. :mod:`toolkit.pages` runs
it over a batch's frames.
"""

from __future__ import annotations

import ctypes
import re
from itertools import repeat

import polars as pl

from toolkit.affixes import text_edges
from toolkit.chrome_counts import Learned
from toolkit.dates import weekday_mentioned
from toolkit.extract import Page, assemble_page, cue_lines, header_candidates
from toolkit.outlet_tables import literal_screen
from toolkit.outlets import Registry
from toolkit.titles import prose_flags

__all__ = [
    "JOIN_LINES",
    "PAGE_SCHEMA",
    "TRIM_BYTES",
    "read_pages",
    "several_docs",
    "several_stories",
    "trim_heap",
]

# What reading a page gives, one row per document with text.
PAGE_SCHEMA: dict[str, pl.DataType] = {
    "doc": pl.UInt32,
    "body": pl.String,
    "page_title": pl.String,
    "dateline": pl.String,
    "page_outlet": pl.String,
    "text_date": pl.Date,
    "text_date_text": pl.String,
    "partial_year": pl.Int64,
    "partial_month": pl.Int64,
    "partial_day": pl.Int64,
    "partial_text": pl.String,
    "weekday": pl.String,
    "page_note": pl.String,
    # the body's first and last non-blank lines where they may be learned as edges, else ""
    "edges": pl.String,
}

_NOTE = list(PAGE_SCHEMA).index("page_note")
# A body of more lines is joined a part of this many lines at a time (see _joined).
JOIN_LINES = 4096
# Lines of a batch past this many bytes: once read, the C heap's freed memory is handed back.
TRIM_BYTES = 1 << 20


def read_pages(
    docs: pl.DataFrame, held: list[pl.DataFrame], reg: Registry, learned: Learned
) -> pl.DataFrame:
    """Each document with text read as a page (see :func:`toolkit.extract.assemble_page`), a
    row for each of ``docs`` (nulls where it has no text), in their order; the lines handed
    over in ``held`` (emptied).
    Pages of a group ``learned`` from are read knowing which of their lines the group's other
    pages have, and numeric stamps in the day/month order the group's pages settle."""
    orders, learned_from = learned.orders, learned.groups
    lines = held.pop()
    cues = cue_lines(lines, reg=reg)
    crowded = several_docs(lines, reg)  # several stories in one text, maybe
    lines = header_candidates(lines, reg=reg)
    # A title the file or manifest gives (not one a file name suggests) settles the page's.
    given = pl.coalesce("m_title", "title_raw").is_not_null()
    lines = lines.with_columns(_prose(lines, docs.select(pl.col("page") & ~given).to_series()))
    # Flat columns to Python once, then each page's slice of them (lines are in doc order).
    para_text, chrome, learned, maybe_dateline, maybe_date, maybe_lone, repeated, prose = (
        lines[c].to_list()
        for c in (
            *("line", "chrome", "learned", "maybe_dateline", "maybe_date", "maybe_lone"),
            *("repeated", "prose"),
        )
    )
    counts = lines.group_by("doc", maintain_order=True).len()
    size = lines["line"].str.len_bytes().sum()
    del lines  # read: the Python lists hold the lines now
    paras, end = {}, 0
    for doc, n in counts.iter_rows():
        paras[doc] = slice(end, end + n)
        end += n
    rows = []
    for doc, site, group, title_known, title_given, page_file, has_text in docs.select(
        "doc", "site", "group", "title_known", given, "page", pl.col("raw").is_not_null()
    ).iter_rows():
        if not has_text:
            rows.append((doc, *(None for _ in range(len(PAGE_SCHEMA) - 1))))
            continue
        at = paras.get(doc, slice(0, 0))
        page = assemble_page(
            para_text[at],
            chrome[at],
            cues.get(doc, []),
            site=site,
            reg=reg,
            maybe_dateline=maybe_dateline[at],
            maybe_date=maybe_date[at],
            maybe_lone=maybe_lone[at],
            known_title=title_known if title_given else None,
            scraped=page_file and not title_given,
            # A page with a title of its own elsewhere (a file name) keeps the lines above its
            # first paragraph as the lone-page rule keeps them.
            repeated=repeated[at] if group in learned_from and title_known is None else None,
            learned=learned[at],
            titled=title_known is not None,
            order=orders.get(group),
            prose=prose[at],
        )
        row = _page_row(doc, page, title_known)
        several = several_stories(para_text[at], reg) if doc in crowded else None
        if several:
            note = "; ".join(n for n in (row[_NOTE], several) if n)
            row = (*row[:_NOTE], note, *row[_NOTE + 1 :])
        del page  # its paragraphs: a giant page's are as big as it
        para_text[at] = repeat(None, at.stop - at.start)  # read: its lines go as its body grows
        rows.append((doc, _joined(row[1]), *row[2:]))
        del row
    # the lines as Python strings go before the bodies are copied into the frame
    del para_text, chrome, learned, maybe_dateline, maybe_date, maybe_lone, repeated, prose
    del cues, crowded
    if size > TRIM_BYTES:
        trim_heap()
    columns = zip(*rows, strict=True) if rows else ([] for _ in PAGE_SCHEMA)
    return pl.DataFrame(
        [
            pl.Series(name, values, dtype=t)
            for (name, t), values in zip(PAGE_SCHEMA.items(), columns, strict=True)
        ]
    )


# A text that holds this many agencies' datelines holds several stories
SEVERAL_DATELINES = 3


def several_docs(lines: pl.DataFrame, reg: Registry) -> set[int]:
    """The documents whose lines hold ``SEVERAL_DATELINES`` or more datelines that name an
    agency (a test in polars, looser than the patterns: :func:`several_stories` reads those)."""
    screen = reg.agency_dateline_screen
    if screen is None or not lines.height:
        return set()
    if (literals := literal_screen(screen)) is not None:  # the lines that may hold one
        lines = lines.filter(pl.col("line").str.contains(literals))
    found = lines.group_by("doc").agg(pl.col("line").str.count_matches(screen).sum().alias("n"))
    return set(found.filter(pl.col("n") >= SEVERAL_DATELINES)["doc"].to_list())


def several_stories(paras: list[str], reg: Registry) -> str | None:
    """The note on a text that holds ``SEVERAL_DATELINES`` or more datelines naming an agency
    ("ТЕЛЬ-АВИВ, 22 ноя - РИА Новости."), where a paragraph opens or after a space (a file
    whose lines were joined): several stories in one file, which counts as one document
    (trial X: 146 RIA Novosti items in one .txt)."""
    pattern, outlets = _agency_datelines(reg)
    if pattern is None:
        return None
    found: dict[str, int] = {}
    for para in paras:
        for m in pattern.finditer(para):
            outlet = outlets[m.lastgroup]
            found[outlet] = found.get(outlet, 0) + 1
    n = sum(found.values())
    if n < SEVERAL_DATELINES:
        return None
    which = ", ".join(f"{o} {k}" for o, k in sorted(found.items(), key=lambda x: -x[1]))
    return (
        f"{n} agency datelines in one text ({which}): several stories in one file? It counts "
        "as one document; one file per story counts each"
    )


_AGENCY_DATELINES: dict[int, tuple[re.Pattern | None, dict[str, str]]] = {}


def _agency_datelines(reg: Registry) -> tuple[re.Pattern | None, dict[str, str]]:
    """One pattern for every dateline that names an agency, found anywhere after a space, each
    alternative a group named ``a0``, ``a1``, ... and the outlet of each (per registry)."""
    if id(reg) not in _AGENCY_DATELINES:
        agencies = [d for d in reg.datelines if d.outlet is not None]
        parts = [
            f"(?P<a{i}>{re.sub(r'[(][?]P<[a-z_]+>', '(?:', d.pattern.pattern.removeprefix('^'))})"
            for i, d in enumerate(agencies)
        ]
        flags = re.IGNORECASE if any(d.pattern.flags & re.IGNORECASE for d in agencies) else 0
        pattern = re.compile(rf"(?:^|(?<=\s))(?:{'|'.join(parts)})", flags) if parts else None
        _AGENCY_DATELINES[id(reg)] = (pattern, {f"a{i}": d.outlet for i, d in enumerate(agencies)})
    return _AGENCY_DATELINES[id(reg)]


def _prose(lines: pl.DataFrame, scraped: pl.Series) -> pl.Series:
    """Which of ``lines`` are prose (:func:`toolkit.titles.prose_flags`), for the pages read as
    ``scraped`` (``docs``' row i is document i; null for the other pages' lines)."""
    at = scraped.gather(lines["doc"])
    if at.all():
        return prose_flags(lines["line"]).alias("prose")
    where = at.arg_true()
    flags = pl.repeat(None, lines.height, dtype=pl.Boolean, eager=True)
    return flags.scatter(where, prose_flags(lines["line"].gather(where))).alias("prose")


def _page_row(doc: int, page: Page, title_known: str | None) -> tuple:
    """A page as a row of ``PAGE_SCHEMA`` but for its body's lines, not joined (see
    :func:`_joined`): the body without a title it repeats, the page's date (else a dateline's
    full date), and for a yearless dateline the weekday the story names."""
    body = page.body
    if title_known and body and title_known == body[0]:
        body = body[1:]
    text_date, text_date_text = page.page_date, page.page_date_text
    partial = page.dateline_date
    if text_date is None and partial is not None and partial.complete():
        text_date, text_date_text = partial.complete(), partial.text
    weekday = None
    if partial is not None and partial.year is None:
        weekday = weekday_mentioned(" ".join(page.body[:2]))
    return (
        doc,
        body,
        page.title,
        page.dateline,
        page.outlet,
        text_date,
        text_date_text if text_date else None,
        *((partial.year, partial.month, partial.day, partial.text) if partial else (None,) * 4),
        weekday,
        "; ".join(
            n
            for n in (
                f"page date {page.unsettled_date!r} not read: day/month order not settled for"
                " this site"
                if page.unsettled_date and text_date is None
                else None,
                page.date_note if text_date is None else None,
                page.outlet_note,
                page.cut_note,
            )
            if n
        )
        or None,
        _edges_kept(body),
    )


def _joined(body: list[str]) -> str:
    """The lines of ``body`` joined by blank lines, ``body`` emptied as they are: a big body's
    lines go a part at a time as its text grows in place (joined at once, all of them are held
    beside the whole text)."""
    if len(body) <= JOIN_LINES:
        return "\n\n".join(body)
    text = ""
    for start in range(0, len(body), JOIN_LINES):
        part = "\n\n".join(body[start : start + JOIN_LINES])
        body[start : start + JOIN_LINES] = repeat(None, len(body[start : start + JOIN_LINES]))
        if start:
            text += "\n\n"
        text += part  # in place: CPython grows a string only this name holds
        del part
    return text


def _edges_kept(body: list[str]) -> str:
    """What edge learning needs of a body (see :func:`_edge_text`): "" where its first and last
    lines hold no segment that could be learned (most texts: held for every page, it is kept
    small)."""
    text = _edge_text(body)
    return text if text_edges(text) else ""


def _edge_text(paras: list[str]) -> str:
    """The first and last non-blank lines of ``paras`` joined as a body: all that
    :func:`toolkit.affixes.edge_segments` reads of a body (a big page is not copied for it)."""
    at_first, first = _nonblank(paras, reverse=False)
    if first is None:
        return ""
    at_last, last = _nonblank(paras, reverse=True)
    return first if at_first == at_last else f"{first}\n{last}"


def _nonblank(paras: list[str], *, reverse: bool) -> tuple[tuple[int, int] | None, str | None]:
    """Where the first (or last) non-blank line of ``paras`` is, and the line."""
    order = range(len(paras) - 1, -1, -1) if reverse else range(len(paras))
    for i in order:
        lines = paras[i].split("\n")
        for j in reversed(range(len(lines))) if reverse else range(len(lines)):
            if lines[j].strip():
                return (i, j), lines[j]
    return None, None


def trim_heap() -> None:
    """Hand the memory the C heap holds freed back to the system, where the C library can
    (glibc's ``malloc_trim``; elsewhere nothing is done).

    Python strings over 512 bytes live on glibc's heap, which keeps what they freed wherever
    a block still in use lies above it: once a giant page's lines were read as Python strings,
    about 0.8 of the page stayed held while its body was copied into polars. Dask's
    documentation gives the same remedy for memory "not released back to the OS"."""
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError, TypeError):  # not glibc, or no C library to open so
        return
    trim(0)
