"""Which column names hold which field of a table: the usual names of the title, text, date,
outlet, site and url columns (scraped tables, news APIs, database exports), the summary columns
read where a table has no body, the metadata objects searched one level down, and the user's
``columns=`` mapping checked against the fields. :mod:`toolkit.columns` reads the tables by them.

Example:
    >>> check_columns({"text": "story"})
    {'text': 'story'}
    >>> name_forms("publishedAt")
    ('publishedat', 'published_at')
"""

from __future__ import annotations

import re
from typing import Any

from toolkit.errors import InputError

__all__ = [
    "COLUMN_ALIASES",
    "FIELDS",
    "NESTED_IN",
    "SUMMARY_ALIASES",
    "URL_OR_SITE",
    "check_columns",
    "check_columns_by_source",
    "columns_for",
    "is_header",
    "name_forms",
]

# Usual column names of scraped tables and database exports, per field, in order of
# preference (lower case): Media Cloud's story lists (publish_date, media_name, media_url),
# LexisNexisTools' and tm's tables (Newspaper), Integrum's Russian exports (Заголовок, Дата,
# Источник, Анонс, Оригинал) and Chinese headers (标题, 正文, 日期, 来源).
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "heading", "head", "заголовок", "标题", "題名", "题目"),
    "text": (
        "text",
        "body",
        "content",
        "article",
        "full_text",
        "fulltext",
        "article_text",
        "article_body",  # schema.org's articleBody (a page's JSON-LD, scraped)
        "maintext",  # news-please's
        "body_text",
        "текст",
        "полный_текст",
        "正文",
        "内容",
        "全文",
    ),
    "date": (
        "date",
        "published",
        "raw_date",
        "published_at",
        "publication_date",
        "publish_date",
        "pubdate",
        "datetime",
        "date_published",
        "time",
        "timestamp",
        "pub_date",
        "pubtime",
        "pub_time",  # CCTV's and Xinhua's feeds: pubTime
        "publish_time",
        "publishtime",
        "дата",
        "дата_публикации",
        "日期",
        "发布日期",
        "发布时间",
        "时间",
    ),
    "outlet": (
        "outlet",
        "source",
        "agency",
        "publisher",
        "media",
        "media_name",
        "newspaper",
        "publication",
        "источник",
        "издание",
        "сми",
        "来源",
        "媒体",
    ),
    # The site or channel that carried the article: a domain (RUWA's ``Site``: rt.com) or a
    # name (a Telegram export's ``channel``: РИА Новости, China-Dashboard's
    # ``extra.source_name``: 新华网). Read as the outlet only through the outlet tables
    # (toolkit.provenance): an unknown one leaves the outlet empty, with a note.
    # Integrum's ``Оригинал`` and Media Cloud's ``media_url`` are the outlet's site, not the
    # article's URL.
    "site": ("site", "channel", "source_name", "site_name", "media_url", "оригинал"),
    # RUWA's ``src`` is the article's URL (tass.com/defense/1418037, https://www.rt.com/...);
    # elsewhere "src" may name the source: see URL_OR_SITE.
    "url": ("url", "link", "href", "permalink", "canonical_url", "src", "ссылка", "链接", "网址"),
}

# Columns read as the URL only when every value is one (a scheme, "www." or a host and path),
# else as the site: "src" is RUWA's URL column, and a source's name elsewhere.
URL_OR_SITE: tuple[str, ...] = ("src",)


# Columns read as the text when a table has no body column (RSS items, abstracts, metadata
# exports): the report notes it on every row.
SUMMARY_ALIASES: tuple[str, ...] = (
    "summary",
    "description",
    "lead",
    "abstract",
    "excerpt",
    "desc",  # RUWA's standfirst
    "анонс",  # Integrum's lead
    "аннотация",
    "摘要",
)

# Objects of metadata whose keys are searched for a field no column holds, one level down
# (China-Dashboard's items keep the date and the site's name in ``extra``). Other objects are
# not: an ``author`` object's ``url`` is not the article's.
NESTED_IN: tuple[str, ...] = ("extra", "meta", "metadata")

FIELDS = tuple(COLUMN_ALIASES)


def check_columns(columns: dict[str, str] | None, where: str = "columns") -> dict[str, str]:
    """A ``columns`` mapping (field -> column name), checked: every key is a field.

    Raises:
        InputError: a key is not one of the fields, or a value is not a column name.
    """
    columns = dict(columns or {})
    unknown = sorted(str(k) for k in set(columns) - set(FIELDS))
    if unknown:
        raise InputError(
            f"{where}: unknown field {', '.join(map(repr, unknown))}; the fields are "
            f"{', '.join(FIELDS)} (map a field to your column, e.g. {{'text': 'story'}})"
        )
    bad = [k for k, v in columns.items() if not isinstance(v, str) or not v]
    if bad:
        raise InputError(f"{where}: give each of {bad} a column name")
    return columns


def check_columns_by_source(
    columns: dict[str, Any] | None, sources: set[str], where: str = "columns"
) -> None:
    """A ``columns`` mapping, for every source (field -> column) or per source (source ->
    field -> column), checked: a per-source key names a source (``sources``: the first part of
    each file's name in the report), each mapping's keys are fields.

    Raises:
        InputError: what is wrong, named.
    """
    columns = columns or {}
    per_source = [isinstance(v, dict) for v in columns.values()]
    if not any(per_source):
        check_columns(columns, where=where)
        return
    if not all(per_source):
        raise InputError(
            f"{where}: give either one mapping for every source ({{'text': 'story'}}) or one "
            "per source ({'en': {'text': 's'}}), not both"
        )
    for key, mapping in columns.items():
        if str(key).strip("/").split("/")[0] not in sources:
            raise InputError(
                f"{where}: {key!r} names no source; the sources are {', '.join(sorted(sources))}"
            )
        check_columns(mapping, where=f"{where}[{key!r}]")


def columns_for(columns: dict[str, Any] | None, rel: str) -> dict[str, str]:
    """The ``columns`` mapping for the file ``rel``: the mapping itself where it is one for
    every source (field -> column), else the one given for the source (or file, or folder)
    ``rel`` is in, the longest that holds it (``{"en": {"text": "s"}, "ru/old.csv": {...}}``),
    else none. Each is checked by :func:`check_columns`."""
    columns = columns or {}
    if not any(isinstance(v, dict) for v in columns.values()):
        return check_columns(columns)
    held = [k for k in columns if rel == k.strip("/") or rel.startswith(k.strip("/") + "/")]
    if not held:
        return {}
    key = max(held, key=len)
    return check_columns(columns[key], where=f"columns[{key!r}]")


_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_WORD_BREAK = re.compile(r"[\s.\-]+")


def name_forms(name: str) -> tuple[str, str]:
    """A column's name as aliases are matched: in lower case, and with its camelCase, dotted,
    hyphenated or spaced words joined by underscores."""
    plain = name.lower().strip()
    return plain, _WORD_BREAK.sub("_", _CAMEL.sub("_", name.strip())).lower()


def is_header(names: list[str]) -> bool:
    """Whether a row of cells is a table's header: two or more fields' usual names among them,
    one a title's or a text's (a .txt file's first line apart by tabs, a spreadsheet's row
    below its title lines)."""
    fields = {
        field
        for n in names
        for field, aliases in COLUMN_ALIASES.items()
        if set(name_forms(str(n).strip())) & set(aliases)
    }
    return len(fields) >= 2 and bool(fields & {"title", "text"})


# A cell no header holds: a URL or a date ("https://...", "2019-04-26", "20190426", "26.04.2019")
DATA_CELLS = {
    "a URL": re.compile(r"(?i)https?://\S+|www\.\S+\.\S+"),
    "a date": re.compile(
        r"(?:19|20)\d\d-\d\d-\d\d(?:[T ]\S.*)?|(?:19|20)\d\d[01]\d[0-3]\d"
        r"|\d{1,2}[./]\d{1,2}[./]\d{4}"
    ),
}


def data_row(cells: list[str]) -> str | None:
    """Why a table's first row is data, not a header: the kinds of cell in it that no header
    holds ("a URL and a date"); None where it may be a header (it names two fields, or holds
    no such cell).

    Example:
        >>> data_row(["sputnik_1", "20190426", "Sweden denies ...", "https://sputniknews.com/x"])
        'a date and a URL'
        >>> data_row(["id", "date", "title", "url"]) is None
        True
    """
    if is_header(cells):
        return None
    kinds = [k for k, pattern in DATA_CELLS.items()
             if any(pattern.fullmatch(str(c).strip()) for c in cells)]  # fmt: skip
    return " and ".join(sorted(kinds, key=lambda k: k != "a date")) or None


def numbered_columns(width: int) -> list[str]:
    """The names a table without a header row gives its columns: ``column_1`` ..."""
    return [f"column_{i}" for i in range(1, width + 1)]
