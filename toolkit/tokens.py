"""The analysis tokeniser and stop words, defined once for every term list: distinctive terms
(:mod:`toolkit.keyness`), frames (:mod:`toolkit.rhetoric`), terms rising and falling around an
event (:mod:`toolkit.trends`) and the topic vectorizer (:mod:`toolkit.topics`).

A token is a word (letters first, then letters or digits, joined by apostrophes or hyphens:
"don't", "re-election", "COVID-19", "Минск", "Łukaszenka"), a dotted abbreviation ("U.S.",
"U.K."), a number with a unit or currency ("5%", "10km", "$3bn"), or a compound that opens with
a number ("27-year-old"); a bare number is no term.
Tokens are lower-cased, curly apostrophes made straight and a possessive "'s" dropped, so
"Lukashenko's" counts as "lukashenko" while "don't" stays whole.

Each text is read in its own language (told from its script by
:func:`toolkit.lang.script_language`): Russian words become their lemmas (pymorphy3 with its
Russian dictionary: "провели в Минске" counts "провести" and "минск"), Chinese is segmented into
words (jieba: "总统普京" is "总统", "普京"); other languages keep their word forms. A Russian
noun has twelve case forms: counted apart, one term would be split into twelve.

Stop words come from stopwords-iso (the ``stopwordsiso`` package, one list per ISO 639-1
language), for the languages of the corpus's ``lang`` column, less the words this toolkit
studies (``toolkit/lexicons/stop_words.yaml``: reporting verbs, "state" of "Union State"), plus
the user's ``stop_words``. Belarusian, for which no maintained list exists, has a short list
shipped in the same file (its source is named there). ``exclude_terms`` leave terms out of
every list: exact words or phrases, case-insensitive, where ``*`` stands for any letters
("belta*", "*-based").

Example:
    >>> Tokens.build().tokens("The U.S. don't back Minsk's 5% rise, Lukashenko’s aide said.")
    ['the', 'u.s.', "don't", 'back', 'minsk', '5%', 'rise', 'lukashenko', 'aide', 'said']
    >>> t = Tokens.build(["en"], stop_words=["minsk"], exclude_terms=["union state"])
    >>> t.tokens("The U.S. don't back Minsk's 5% rise, Lukashenko’s aide said.")
    ['u.s.', '5%', 'rise', 'lukashenko', 'aide', 'said']
    >>> t.terms("the Union State budget", ngram_max=2)
    ['union', 'state', 'budget', 'state budget']
    >>> Tokens.build(["ru"]).tokens("Президенты провели переговоры в Минске")
    ['президент', 'провести', 'переговоры', 'минск']
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import polars as pl
import yaml

from toolkit.lang import HAN_RUN, chinese_words, script_language
from toolkit.resources import UNSPACED

__all__ = [
    "NUMBER",
    "TOKEN_PATTERN",
    "Analyzer",
    "Tokens",
    "exclude_pattern",
    "language_stop_words",
    "tokens_for",
]

log = logging.getLogger("toolkit")

_CURRENCY = r"[$€£¥₽]"
# a number: a token only with a unit or a currency; bare, the tokeniser skips it (and a term
# is found across it, see toolkit.evidence)
NUMBER = r"\d+(?:[.,]\d+)*"
TOKEN_PATTERN = (
    r"(?:[^\W\d_]\.){2,}"  # dotted abbreviations: U.S., U.K., e.g.
    rf"|{_CURRENCY}?{NUMBER}(?:%|[^\W\d_]+\b)"  # numbers with a unit: 5%, 10km, $3bn
    rf"|{_CURRENCY}{NUMBER}"  # amounts: $300
    r"|\d+(?:-[^\W\d_]\w*)+"  # compounds that open with a number: 27-year-old, 5-day
    r"|[^\W\d_]\w*(?:['’\-]\w+)*"  # words, with apostrophes and hyphens inside
)
_TOKEN = re.compile(TOKEN_PATTERN)
# A web address in a text is no word of it ("https://t.me/+x" gave topics "https t"): left out
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\bt\.me/\S*", re.IGNORECASE)
_POSSESSIVE = re.compile(r"'s$")


@functools.lru_cache(maxsize=1)
def _toolkit_words() -> dict[str, list[str]]:
    path = resources.files("toolkit") / "lexicons" / "stop_words.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=32)
def language_stop_words(lang: str) -> frozenset[str]:
    """stopwords-iso's list for an ISO 639-1 code, less the words the toolkit studies; the list
    shipped in ``stop_words.yaml`` for a language stopwords-iso lacks (``be``); empty for one
    neither has (``und``). Russian words are also given as their lemmas, since Russian tokens
    are lemmatised."""
    import stopwordsiso

    shipped = _toolkit_words().get("languages", {}).get(lang)
    if shipped is not None:
        words = {_normal(str(w)) for w in shipped}
    elif stopwordsiso.has_lang(lang):
        words = {_normal(w) for w in stopwordsiso.stopwords(lang)}
    else:
        return frozenset()
    if lang in _LEMMATISED:
        words |= {_lemma(lang, w) for w in words}
    return frozenset(words) - set(_toolkit_words().get("keep", []))


_LEMMATISED = ("ru",)  # languages whose words become lemmas (pymorphy3 has a dictionary)


@functools.lru_cache(maxsize=2)
def _morph(lang: str):
    import pymorphy3  # loaded on the first Russian text (about 0.1 s)

    return pymorphy3.MorphAnalyzer(lang=lang)


@functools.lru_cache(maxsize=200_000)
def _lemma(lang: str, word: str) -> str:
    """The most likely lemma of a lower-cased word (pymorphy3's first parse)."""
    if not re.search(r"[\u0400-\u04FF]", word):
        return word
    return _morph(lang).parse(word)[0].normal_form.replace("ё", "е")


def _words(text: str, lang: str | None) -> list[str]:
    """The text's raw tokens in order: jieba's words for runs of Han characters, the token
    pattern's matches elsewhere; web addresses left out."""
    if "://" in text or "www." in text or "t.me/" in text:
        text = _ADDRESS.sub(" ", text)
    if lang != "zh":
        return [m.group() for m in _TOKEN.finditer(text)]
    out: list[str] = []
    at = 0
    for run in HAN_RUN.finditer(text):
        out += [m.group() for m in _TOKEN.finditer(text[at : run.start()])]
        out += chinese_words(run.group())  # a run of Han characters holds no punctuation
        at = run.end()
    return out + [m.group() for m in _TOKEN.finditer(text[at:])]


def _normal(token: str) -> str:
    return _POSSESSIVE.sub("", token.lower().replace("’", "'"))


def _exclude_parts(terms: list[str] | tuple[str, ...]) -> list[str]:
    parts = []
    for term in sorted({str(t).strip().lower() for t in terms if str(t).strip()}, key=len,
                       reverse=True):  # fmt: skip
        words = [_excluded_word(w) for w in term.split()]
        body = r"\s+".join(words)
        # a word boundary only where the term begins or ends with a word character or "*"
        first, last = term[0], term[-1]
        bounded = [c == "*" or re.match(r"\w", c) for c in (first, last)]
        parts.append((r"\b" if bounded[0] else "") + body + (r"\b" if bounded[1] else ""))
    return parts


def _excluded_word(word: str) -> str:
    """One word of an excluded term: ``*`` any letters; in a script set without spaces a space
    allowed between its characters (texts are matched with their Chinese set apart, tokens
    are jieba's words: "央视网消息" is "央视网 消息")."""
    if re.search(UNSPACED, word):
        return r"\s?".join(r"\w*" if c == "*" else re.escape(c) for c in word)
    return r"\w*".join(re.escape(piece) for piece in word.split("*"))


def exclude_pattern(terms: list[str] | tuple[str, ...]) -> str | None:
    """One case-insensitive regex (Python and polars alike) for whole-word excluded terms;
    ``*`` stands for any letters or digits, spaces for any spacing. None for no terms.

    Example:
        >>> import re
        >>> re.findall(exclude_pattern(["belta*", "u.s."]), "BelTA's U.S. belt")
        ['BelTA', 'U.S.']
    """
    parts = _exclude_parts(terms)
    return r"(?i)(?:" + "|".join(parts) + ")" if parts else None


@dataclass(frozen=True)
class Tokens:
    """A tokeniser with its stop words and excluded terms (built by :meth:`build`)."""

    stop: frozenset[str]
    exclude: str | None = None  # exclude_pattern(...)
    # across languages: {lang: {word: shared term}}; a language not in it keeps only the
    # shared terms themselves (see :class:`Comparison`)
    language_map: dict[str, dict[str, str]] | None = field(default=None, hash=False)

    @classmethod
    def build(
        cls,
        languages: list[str] | tuple[str, ...] = (),
        *,
        stop_words: list[str] | tuple[str, ...] = (),
        exclude_terms: list[str] | tuple[str, ...] = (),
        language_map: dict[str, dict[str, str]] | None = None,
    ) -> Tokens:
        """Stop words of ``languages`` (ISO 639-1) and the user's, and the user's exclusions;
        with a ``language_map``, words compared across languages through it."""
        stop = set().union(*(language_stop_words(str(lang)) for lang in languages))
        stop |= {_normal(str(w)) for w in stop_words}
        mapping = _normal_map(language_map) if language_map else None
        return cls(frozenset(stop), exclude_pattern(list(exclude_terms)), mapping)

    @functools.cached_property
    def _excluded(self) -> re.Pattern | None:
        return re.compile(self.exclude) if self.exclude else None

    def is_excluded(self, term: str) -> bool:
        return bool(self._excluded and self._excluded.fullmatch(term))

    def tokens(self, text: str | None, *, lang: str | None = None) -> list[str]:
        """The text's tokens, lower-cased (Russian ones as lemmas, Chinese ones as jieba's
        words), without stop words and excluded words. ``lang`` is the text's language; by
        default it is told from the text's script."""
        text = text or ""
        lang = lang if lang is not None else script_language(text)
        lemmatise = lang in _LEMMATISED
        out = []
        for word in _words(text, lang):
            t = _normal(word)
            # an acronym is no inflected word: its lemma would be a guess ("БПЛА" read "бпнуть")
            if lemmatise and t not in self.stop and not (len(word) > 1 and word.isupper()):
                t = _lemma(lang, t)
            if t and t not in self.stop and not self.is_excluded(t):
                out.append(t)
        if self.language_map is None:
            return out
        # across languages: each word through the user's mapping, the rest left out
        mapping = self.language_map.get(lang or "en")
        if mapping is None:
            return [t for t in out if t in self._shared]
        return [mapping[t] for t in out if t in mapping]

    @functools.cached_property
    def _shared(self) -> frozenset[str]:
        return frozenset(t for m in (self.language_map or {}).values() for t in m.values())

    def terms(self, text: str | None, *, ngram_max: int = 1, lang: str | None = None) -> list[str]:
        """Tokens and the n-grams of neighbouring tokens up to ``ngram_max`` words, without
        excluded phrases (as scikit-learn's analyzer orders them: unigrams first)."""
        tokens = self.tokens(text, lang=lang)
        out = list(tokens)
        for n in range(2, ngram_max + 1):
            for i in range(len(tokens) - n + 1):
                gram = " ".join(tokens[i : i + n])
                if not self.is_excluded(gram):
                    out.append(gram)
        return out

    def analyzer(self, ngram_max: int = 1) -> Analyzer:
        """A picklable callable for scikit-learn's ``CountVectorizer(analyzer=...)``."""
        return Analyzer(self, ngram_max)


@dataclass(frozen=True)
class Analyzer:
    tokens: Tokens
    ngram_max: int = 1

    def __call__(self, doc: str | tuple[str, str | None]) -> list[str]:
        """The terms of a text, or of a (text, language) pair."""
        text, lang = doc if isinstance(doc, tuple) else (doc, None)
        return self.tokens.terms(text, ngram_max=self.ngram_max, lang=lang)


def tokens_for(
    docs: pl.DataFrame,
    *,
    stop_words: list[str] | tuple[str, ...] = (),
    exclude_terms: list[str] | tuple[str, ...] = (),
    languages: list[str] | tuple[str, ...] | None = None,
    language_map: dict[str, dict[str, str]] | None = None,
) -> Tokens:
    """The tokeniser for a corpus: stop words of the languages in its ``lang`` column (told from
    the text where the column is missing) unless ``languages`` are given; ``language_map`` as
    in :class:`Comparison`."""
    if languages is None:
        if "lang" in docs.columns:
            found = docs["lang"].drop_nulls().unique().sort().to_list()
        else:
            from toolkit.lang import language, word_count

            text = pl.col("text").fill_null("")
            found = docs.select(language(text, word_count(text)).alias("lang").unique().sort())
            found = found["lang"].to_list()
        languages = [lang for lang in found if lang != "und"]
        missing = [lang for lang in languages if not language_stop_words(lang)]
        if missing:
            log.info("no stop word list for %s: their words are all kept", ", ".join(missing))
    return Tokens.build(languages, stop_words=stop_words, exclude_terms=exclude_terms,
                        language_map=language_map)  # fmt: skip


def _normal_map(language_map: dict[str, Any]) -> dict[str, dict[str, str]]:
    """The user's mapping with its words as tokens are: lower-case, Russian words as lemmas."""
    out = {}
    for lang, words in language_map.items():
        lg = str(lang)
        out[lg] = {_lemma(lg, _normal(str(w))) if lg in _LEMMATISED else _normal(str(w)):
                   _normal(str(t)) for w, t in words.items()}  # fmt: skip
    return out
