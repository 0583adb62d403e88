"""A page's headline credits: a corpus of pages keeps each page's headline in ``title``, outside
the text that the quotes' offsets point into, and an agency's headline is where it credits its
claim ("Minsk, Moscow manage to answer threats despite ‘rough spots’ — Lukashenko", "Putin says
Russia's economy will grow 4%"). :func:`title_rows` reads a title as
:mod:`toolkit.quote_headlines` reads a headline and resolves each speaker with the document's
:class:`toolkit.speaker_resolver.Resolver` (the surname "Lukashenko" to the "Aleksandr
Lukashenko" the article names). Its rows' ``start`` and ``end`` are offsets into the title,
``field`` "title".

Example:
    >>> from toolkit.speaker_names import find_mentions
    >>> from toolkit.speaker_resolver import Resolver
    >>> from toolkit.speakers import lexicon
    >>> lex = lexicon()
    >>> text = "Aleksandr Lukashenko met the Russian delegation in Minsk on Monday."
    >>> title = "Minsk, Moscow manage to answer threats — Lukashenko"
    >>> r = Resolver(find_mentions(text, lex), lex, {}, text)
    >>> [(row["speaker"], row["quote"]) for row in title_rows("a", title, lex, frozenset(), r)]
    [('Aleksandr Lukashenko', 'Minsk, Moscow manage to answer threats')]
"""

from __future__ import annotations

from typing import Any

from toolkit.quote_headlines import credits
from toolkit.quote_kinds import speaker_kind

__all__ = ["reads_title", "title_rows"]


def reads_title(text: str, title: str | None) -> bool:
    """Whether a document's title is read apart from its text: a title of its own that the text
    does not open with (a headline table's text is its title, and a page that repeats its
    headline as its first line has it read there)."""
    if not title or not title.strip():
        return False
    return not text.lstrip().startswith(title.strip())


def title_rows(
    doc_id: str, title: str, lex: dict[str, Any], known: frozenset[str], resolver: Any
) -> list[dict]:
    """The rows of :func:`toolkit.quotes` for the credits of a document's ``title``: offsets
    into the title, the speaker resolved by the document's ``resolver`` (as if named before the
    text), ``direct`` false, ``field`` "title"; ``known`` the single words the corpus credits
    (:func:`toolkit.quote_headlines.credited_words`)."""
    rows = []
    for a, b, (p, q), lemma in credits(title, lex, known):
        written = title[p:q]
        speaker = resolver.resolve(written, 0)
        rows.append({"doc_id": doc_id, "start": a, "end": b, "speaker": speaker,
                     "speaker_text": written, "verb": lemma, "quote": title[a:b],
                     "direct": False, "speaker_kind": speaker_kind(written, lex),
                     "field": "title"})  # fmt: skip
    return rows
