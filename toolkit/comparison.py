"""Which documents a comparison of words reads: those of one language, or of several whose
words meet only through the user's mapping (or the frames' terms per language); the documents of
other languages left out and counted, and said so beside the tables they are in no row of.

Example:
    >>> docs = pl.DataFrame({"lang": ["en", "en", "ru"]})
    >>> comparison(docs).describe()
    'within English (2 documents); left out: 1 Russian'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import polars as pl

from toolkit.tokens import Tokens, _normal_map

__all__ = ["LANGUAGE_NAMES", "Comparison", "comparison"]

LANGUAGE_NAMES = {"en": "English", "ru": "Russian", "be": "Belarusian", "uk": "Ukrainian",
                  "zh": "Chinese", "ja": "Japanese", "und": "unknown language"}  # fmt: skip


@dataclass(frozen=True)
class Comparison:
    """Which documents a comparison of words reads: those of one language (``within``), or of
    several, whose words meet only through the user's ``language_map`` (``across``).

    Word counts of two languages share nothing but names: compared as they are, every
    Russian word would be "distinctive" of the group that publishes in Russian. So a
    comparison is within one language (the corpus's most common, unless ``languages`` names
    it), or across languages through a mapping the user gives: ``{ru: {санкция: sanction}}``
    maps each Russian word (lemma) to a shared term; the words of a language the mapping does
    not hold (English here) count only where they are shared terms, and every other word is
    left out of every language. Documents of other languages are left out and counted; those
    of unknown language (``und``) are kept only when the corpus holds one language.

    Example:
        >>> docs = pl.DataFrame({"lang": ["en", "en", "ru", "und"]})
        >>> comparison(docs).describe()
        'within English (2 documents); left out: 1 Russian, 1 unknown language'
        >>> comparison(docs.filter(pl.col("lang") != "ru")).describe()
        'within English (3 documents, 1 of them of unknown language)'
        >>> c = comparison(docs, languages=["en", "ru"],
        ...                language_map={"ru": {"санкция": "sanction"}})
        >>> for part in c.describe().split("; "): print(part)
        across English and Russian through your language_map (1 shared term
        3 documents)
        left out: 1 unknown language
    """

    languages: tuple[str, ...]
    language_map: dict[str, dict[str, str]] = field(default_factory=dict, hash=False)
    n_docs: int = 0
    left_out: dict[str, int] = field(default_factory=dict, hash=False)
    keep_unknown: bool = False
    through: str = "language_map"  # what carries the comparison across languages
    n_unknown: int = 0  # documents of unknown language among n_docs (kept with one language)

    @property
    def across(self) -> bool:
        return len(self.languages) > 1

    @property
    def kind(self) -> str:
        """``within LANG`` or ``across LANG, LANG (language_map)``: the tables' column."""
        if self.across:
            return f"across {', '.join(self.languages)} ({self.through})"
        return f"within {self.languages[0]}" if self.languages else "within none"

    def describe(self) -> str:
        names = [LANGUAGE_NAMES.get(lg, lg) for lg in self.languages]
        n = f"{self.n_docs} document{'s' if self.n_docs != 1 else ''}"
        if self.n_unknown:
            n += f", {self.n_unknown} of them of unknown language"
        if self.across:
            said = f"across {', '.join(names[:-1])} and {names[-1]} through your {self.through}"
            if self.through == "language_map":
                shared = {t for m in self.language_map.values() for t in m.values()}
                said += f" ({len(shared)} shared term{'s' if len(shared) != 1 else ''}; {n})"
            else:
                said += f" ({n})"
        else:
            said = f"within {names[0] if names else 'no language'} ({n})"
        if self.left_out:
            said += "; left out: " + ", ".join(
                f"{k} {LANGUAGE_NAMES.get(lg, lg)}" for lg, k in self.left_out.items()
            )
        return said

    def left_out_note(self, what: str) -> str | None:
        """A sentence for beside a table of ``what`` these documents give: the items of the
        languages left out are in no row of it (a table's own ``left_out`` counts something
        else); None when none is left out. Trial T: a table said "0 left out" of a corpus
        whose 484 Russian items it did not count."""
        if not self.left_out:
            return None
        items = sum(self.left_out.values())
        langs = ", ".join(f"{k} {LANGUAGE_NAMES.get(lg, lg)}" for lg, k in self.left_out.items())
        named = [lg for lg in self.left_out if lg != "und"]
        hint = (
            f" To count them in their own language, list it in the section's languages "
            f"(languages: [{', '.join([*self.languages, *named])}]): the bundled frames give "
            "terms in English, Russian and Chinese, a query needs its terms in each."
            if named
            else ""
        )
        followed = " and ".join(LANGUAGE_NAMES.get(lg, lg) for lg in self.languages) or "none"
        return (
            f"{what} count the items in {followed} only: {items} item"
            f"{'s' if items != 1 else ''} ({langs}) {'are' if items != 1 else 'is'} in no row."
            f"{hint}"
        )

    def select(self, docs: pl.DataFrame) -> pl.DataFrame:
        """The documents compared."""
        keep = list(self.languages) + (["und"] if self.keep_unknown else [])
        return docs.filter(_languages(docs).is_in(keep))

    def tokens(self, **options: Any) -> Tokens:
        """The tokeniser of the comparison: the stop words of its languages, its mapping."""
        return Tokens.build(self.languages, language_map=self.language_map or None, **options)


def _languages(docs: pl.DataFrame) -> pl.Expr:
    """Each document's language: its ``lang``, else told from its text as the load does."""
    if "lang" in docs.columns:
        return pl.col("lang").fill_null("und")
    from toolkit.lang import language, word_count

    text = pl.col("text").fill_null("")
    return language(text, word_count(text))


def comparison(
    docs: pl.DataFrame,
    *,
    languages: list[str] | tuple[str, ...] = (),
    language_map: dict[str, dict[str, str]] | None = None,
    through: str = "language_map",
) -> Comparison:
    """The :class:`Comparison` the user's ``languages`` and ``language_map`` ask for.
    ``through`` names another mapping that carries words across languages (frames' terms per
    language): then no ``language_map`` is needed.

    Raises:
        ToolkitError: several languages without a mapping, or a mapping that leaves more than
            one of them unmapped (their words would meet as they are).
    """
    from toolkit.errors import ToolkitError

    langs = docs.select(_languages(docs).alias("lang"))["lang"]
    counts = dict(langs.value_counts().iter_rows()) if langs.len() else {}
    known = {lg: n for lg, n in counts.items() if lg != "und"}
    mapping = _normal_map(language_map) if language_map else {}
    chosen = [str(lg) for lg in languages]
    if not chosen and known:
        main = sorted(known, key=lambda lg: (-known[lg], lg))[0]
        chosen = [main, *sorted(lg for lg in mapping if lg in known and lg != main)]
    chosen = list(dict.fromkeys(chosen))
    if len(chosen) > 1 and through == "language_map":
        unmapped = [lg for lg in chosen if lg not in mapping]
        if not mapping or len(unmapped) > 1:
            raise ToolkitError(
                f"languages {', '.join(chosen)}: words of different languages are compared only "
                "through a mapping you give; set language_map (each language's words to shared "
                "terms, e.g. {ru: {санкция: sanction}}) for all of them but one, or name one "
                "language to compare within it"
            )
    keep_unknown = len(known) <= 1
    left = {lg: n for lg, n in sorted(counts.items()) if lg not in chosen
            and not (lg == "und" and keep_unknown)}  # fmt: skip
    return Comparison(
        languages=tuple(chosen),
        language_map=mapping if len(chosen) > 1 else {},
        n_docs=sum(n for lg, n in counts.items()) - sum(left.values()),
        left_out=left,
        keep_unknown=keep_unknown,
        through=through,
        n_unknown=counts.get("und", 0) if keep_unknown else 0,
    )
