"""Language and length of a text, as polars expressions: ``lang`` and ``n_words`` of the corpus.

The language is told by script (Cyrillic letters, Han characters) and, for English, by function
words: enough to group a corpus of state-media stories, not a general language detector.

Example:
    >>> import polars as pl
    >>> frame = pl.DataFrame({"text": ["Минск и Москва", "The talks in Minsk"]})
    >>> frame.select(language(pl.col("text"), word_count(pl.col("text")))).to_series().to_list()
    ['ru', 'en']
"""

from __future__ import annotations

import functools
import re
import threading

import polars as pl

from toolkit.resources import WORD_COUNT_PATTERN

__all__ = [
    "HAN_OR_OTHER",
    "HAN_RUN",
    "UNCOUNTED_NOTE",
    "UNDECODED_SHARE",
    "chinese_word_count",
    "chinese_words",
    "language",
    "languages",
    "script_language",
    "term_pieces",
    "undecoded",
    "word_count",
    "word_counts",
]

# ASCII word boundaries, counted after every non-ASCII word character has become "x": the same
# boundaries as Unicode ones (no "a" found in Spanish "había"), at a fifth of the cost.
_EN_FUNCTION_WORDS = (
    r"(?i)(?-u:\b)(?:the|a|an|and|or|of|to|in|on|at|by|for|with|from|as|is|are|was|were|be|has|"
    r"have|will|says|said|after|over|not|that|this|its|it|his|her|their|new)(?-u:\b)"
)
_NON_ASCII_WORD_CHAR = r"[\w&&[^\x00-\x7F]]"
# hiragana and katakana letters (not the middle dot or the long-vowel mark): Japanese, not Chinese
_KANA = "[\u3041-\u3096\u30a1-\u30fa]"  # the characters themselves: polars and re read them alike
# Function words of other languages written in Latin letters that English text does not use
# (lower case only, so "Los Angeles" and "UN" are not among them; "von der" is a name's particle
# and read out first). A text with two or more of them, and more of them than of the English
# ones, is not called English: Spanish, Danish and Irish samples of a language-identification
# test were, by the English function words they share ("a", "at", "for", "an", "is").
_OTHER_FUNCTION_WORDS = (
    r"(?-u:\b)(?:der|das|und|ist|nicht|mit|von|dem|auf|sich|ein|eine|einen|auch|"
    r"el|los|las|del|que|y|por|para|con|una|le|les|et|est|pour|dans|qui|pas|sur|aux|du|une|"
    r"og|det|til|av|som|ikke|jeg|med|att|och|inte|het|een|van|zijn|niet|wordt|"
    r"il|di|che|per|della|nel|sono|gli|uma|jsou|jako|nije|agus|ina)(?-u:\b)"
)
_NAME_PARTICLES = r"(?-u:\b)[Vv]on der(?-u:\b)"
# Cyrillic letters that tell Belarusian, Ukrainian and Russian apart. Belarusian alone has ў and
# lacks и, щ and ъ; Ukrainian has ї, є and ґ and lacks ы, э, ъ and ё; both write і, which
# Russian lacks. A Russian text that quotes one Ukrainian name ("«Суспільне»") holds an і, so
# letters are counted, not merely found.
_LETTERS = {
    "w": r"[ўЎ]",
    "i": r"[іІ]",
    "y": r"[иИщЩъЪ]",
    "uk": r"[їєґЇЄҐ]",
    "ru_be": r"[ыэёъЫЭЁЪ]",
}
_OPENING = 2000  # characters read to tell the language


def word_count(text: pl.Expr) -> pl.Expr:
    """The number of words (``WORD_COUNT_PATTERN``) in each text."""
    return text.str.count_matches(WORD_COUNT_PATTERN).cast(pl.Int64)


def word_counts(n_words: pl.Series, texts: pl.Series, langs: pl.Series) -> pl.Series:
    """``n_words`` (:func:`word_count`) with the Chinese texts' words counted as jieba segments them
    (:func:`chinese_word_count`: Chinese puts no spaces between words, so the pattern counts a
    run of characters as one word) and the Japanese texts' left null (no segmenter is
    installed; :data:`UNCOUNTED_NOTE` says so)."""
    langs = langs.fill_null("")
    zh, ja = (langs == "zh"), (langs == "ja")
    if zh.any():
        where = zh.arg_true()
        n_words = n_words.scatter(where, [chinese_word_count(t) for t in texts.gather(where)])
    return n_words.scatter(ja.arg_true(), None) if ja.any() else n_words


# The note on a Japanese text, whose words word_counts does not count.
UNCOUNTED_NOTE = (
    "words not counted: Japanese is written without spaces and no segmenter is installed"
)
_HAN_CHARACTER = "[\u4e00-\u9fff]"  # a Han character (CJK unified ideographs)
HAN_RUN = re.compile(_HAN_CHARACTER + "+")
# a run of Han characters, or one character of another kind (kana, Thai), as findall gives them
HAN_OR_OTHER = re.compile(f"({_HAN_CHARACTER}+)|(.)", re.DOTALL)
_WORD = re.compile(WORD_COUNT_PATTERN)


def chinese_words(run: str) -> list[str]:
    """The words of a run of Han characters as jieba segments them ("总统普京" is "总统",
    "普京"), by jieba-rs (through rjieba: jieba's dictionary and rules in Rust, about 15 times
    faster than Python's jieba, and the same words on 3,110 runs of public news text). Given a
    text that holds other characters too, they are pieces of their own: joined, the pieces are
    the text."""
    return _rjieba().cut(run)


_RJIEBA_LOCK = threading.Lock()


def _rjieba():
    """rjieba with this project's words added, loaded once. Under a lock: duplicate detection
    tokenises batches on two threads, and rjieba raises "Already borrowed" when one thread adds
    a word while another adds or cuts."""
    with _RJIEBA_LOCK:
        return _loaded_rjieba()


@functools.lru_cache(maxsize=1)
def _loaded_rjieba():
    import rjieba  # its dictionary loads on import (0.1 s): not for a corpus with no Chinese

    for word in _extra_words():  # names jieba's dictionary cuts apart ("泽连斯基": 泽/连斯基)
        rjieba.add_word(word, None, None)
    return rjieba


def _extra_words() -> list[str]:
    """The words of ``data/zh_words.txt``: one a line, ``#`` lines are comments."""
    from importlib import resources

    text = (resources.files("toolkit") / "data" / "zh_words.txt").read_text("utf-8")
    return [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]


# jieba's tags of the names of places and people: a word inside one is no word of the text
# ("俄罗斯" in "白俄罗斯"); inside other words ("价格" in "价格上涨") it is
_NAME_TAGS = frozenset({"ns", "nr", "nrt", "nrfg"})


def term_pieces(run: str) -> list[str]:
    """A run of characters of scripts set without spaces cut where a term may begin or end:
    between any two characters, but inside a name of a place or person jieba finds in Han
    text ("白俄罗斯" stays whole, so "俄罗斯" is not found in it)."""
    pieces: list[str] = []
    for han, other in HAN_OR_OTHER.findall(run):
        if not han:
            pieces.append(other)
            continue
        for word, tag in _rjieba().tag(han):
            pieces += [word] if tag in _NAME_TAGS else list(word)
    return pieces


def chinese_word_count(text: str | None) -> int | None:
    """The words of a Chinese text: :func:`chinese_words` of each run of Han characters, the
    ``WORD_COUNT_PATTERN``'s between them.

    Example:
        >>> chinese_word_count("总统普京访问明斯克, talks in Minsk")
        7
    """
    if text is None:
        return None
    n, at = 0, 0
    for run in HAN_RUN.finditer(text):
        n += len(_WORD.findall(text, at, run.start()))
        n += len(chinese_words(run.group()))  # a run holds no spaces or punctuation
        at = run.end()
    return n + len(_WORD.findall(text, at))


UNDECODED_SHARE = 0.1  # a share of replacement characters (U+FFFD) that leaves a text unread


def undecoded(text: pl.Expr) -> pl.Expr:
    """Whether a text is bytes read in the wrong encoding: a tenth or more of its characters
    U+FFFD ("����Ѷ��5��18��"), so its letters are noise (False for an empty text)."""
    return (text.str.count_matches("\ufffd") >= UNDECODED_SHARE * text.str.len_chars()) & (
        text.str.len_chars() > 0
    )


def language(text: pl.Expr, n_words: pl.Expr) -> pl.Expr:
    """Script-level language: ru/uk/be by Cyrillic letters, ja by kana among Han, zh by Han,
    en by function words, else ``und`` (also for a text a tenth or more of whose characters
    are U+FFFD: bytes read in the wrong encoding).

    ``n_words`` is the text's word count, reused where the text is no longer than the opening
    that is read. (:func:`languages` gives the same over a column, faster.)"""
    found = {"text": text, "n_words": n_words}
    for step in _STEPS:
        found.update(step(found))
    return found["lang"]


def languages(texts: pl.Series, n_words: pl.Series) -> pl.Series:
    """:func:`language` of each of ``texts`` (``n_words``: their word counts), worked out a
    step at a time on their openings, each step's counts a column the next reads: one
    expression of them all is about 1.7 times as slow (polars recomputes sub-expressions one
    expression shares: 0.36 against 0.21 CPU-s on chinadaily-nyt), and a query that passes
    the texts themselves from step to step copies them (a 100 MB page: 100 MiB more)."""
    first, *rest = _STEPS
    opening = first({"text": pl.col("text")})
    frame = pl.DataFrame([texts.alias("text")]).select(**opening).lazy()
    frame = frame.with_columns(pl.lit(n_words).alias("n_words"))
    found = {"n_words": pl.col("n_words"), **{k: pl.col(k) for k in opening}}
    for step in rest:
        exprs = step(found)
        frame = frame.with_columns(e.alias(k) for k, e in exprs.items())
        found.update((k, pl.col(k)) for k in exprs)
    return frame.select(found["lang"]).collect().to_series().alias("lang")


def _opening(v: dict[str, pl.Expr]) -> dict[str, pl.Expr]:
    """The opening that says which language (counting all is waste), and whether it is cut."""
    return {
        "long": v["text"].str.len_chars() > _OPENING,
        "opening": v["text"].str.slice(0, _OPENING),
    }


def _scripts(v: dict[str, pl.Expr]) -> dict[str, pl.Expr]:
    """Letters of each script in the opening, its words, and its ASCII-word form."""
    text, long = v["opening"], v["long"]
    return {
        "cyr": text.str.count_matches(r"\p{Cyrillic}"),
        "han": text.str.count_matches(r"\p{Han}"),
        "kana": text.str.count_matches(_KANA),
        "ascii_words": text.str.replace_all(_NON_ASCII_WORD_CHAR, "x"),
        "undecoded": undecoded(text),
        "words": pl.when(long).then(word_count(pl.when(long).then(text))).otherwise(v["n_words"]),
    }


def _words(v: dict[str, pl.Expr]) -> dict[str, pl.Expr]:
    """Latin letters (only where they matter: against Cyrillic or Han ones; a function word
    found is a Latin letter found), function words, and the letters that tell Cyrillic
    languages apart."""
    text, cyr = v["opening"], v["cyr"]
    mixed = pl.when((cyr > 0) | (v["han"] > 0) | (v["kana"] > 0)).then(text).otherwise(pl.lit(""))
    cyrillic = pl.when(cyr > 0).then(text).otherwise(pl.lit(""))
    return {
        "lat": mixed.str.count_matches(r"[A-Za-z]"),
        "en": v["ascii_words"].str.count_matches(_EN_FUNCTION_WORDS),
        "other": v["ascii_words"]
        .str.replace_all(_NAME_PARTICLES, "")
        .str.count_matches(_OTHER_FUNCTION_WORDS),
        **{name: cyrillic.str.count_matches(letters) for name, letters in _LETTERS.items()},
    }


def _decided(v: dict[str, pl.Expr]) -> dict[str, pl.Expr]:
    """The language the counts give."""
    cyr, han, kana, lat, en = v["cyr"], v["han"], v["kana"], v["lat"], v["en"]
    counts = {name: v[name] for name in _LETTERS}
    lang = (
        pl.when(v["undecoded"])  # bytes read in the wrong encoding: their letters are noise
        .then(pl.lit("und"))
        .when((cyr > lat) & (cyr >= han))
        .then(
            pl.when(_belarusian(counts))
            .then(pl.lit("be"))
            .when(_ukrainian(counts))
            .then(pl.lit("uk"))
            .otherwise(pl.lit("ru"))
        )
        .when((han + kana > lat) & _japanese(han, kana))
        .then(pl.lit("ja"))
        .when(han > lat)
        .then(pl.lit("zh"))
        .when((en >= 1) & (en >= 0.05 * v["words"]) & ((v["other"] < 2) | (v["other"] <= en)))
        .then(pl.lit("en"))
        .otherwise(pl.lit("und"))
    )
    return {"lang": lang}


# The language test's steps, each from what the steps before it found
_STEPS = (_opening, _scripts, _words, _decided)


def _japanese(han, kana):
    """Kana (which Chinese does not write) make at least one character in twenty of the Han
    and kana: a Japanese headline ("宮崎県で震度5弱") may be mostly kanji."""
    return (kana > 0) & (kana * 20 >= han + kana)


def _belarusian(c):
    """More of Belarusian's own letters (ў, і) than of those it lacks (и, щ, ъ), and ў or a
    letter Ukrainian lacks: "Прэзідэнт Беларусі" has no ў. Counts as ints or expressions."""
    return ((c["w"] + c["i"]) > c["y"]) & ((c["w"] > 0) | (c["ru_be"] > 0))


def _ukrainian(c):
    """More of Ukrainian's letters (і, ї, є, ґ) than of those it lacks (ы, э, ё, ъ)."""
    return (c["i"] + c["uk"]) > c["ru_be"]


_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_HAN = re.compile(_HAN_CHARACTER)
_KANA_RE = re.compile(_KANA)
_LATIN = re.compile(r"[A-Za-z]")


def script_language(text: str) -> str | None:
    """:func:`language`'s script rules for one string (no English test): ``ru``, ``be``, ``uk``,
    ``ja`` or ``zh`` by the letters that outnumber the others, None for any other script.

    Example:
        >>> [script_language(t) for t in ("Прэзідэнт Беларусі", "总统普京", "Minsk")]
        ['be', 'zh', None]
    """
    opening = text[:_OPENING]
    cyr, han = len(_CYRILLIC.findall(opening)), len(_HAN.findall(opening))
    kana = len(_KANA_RE.findall(opening))
    lat = len(_LATIN.findall(opening)) if cyr or han or kana else 0
    if cyr > lat and cyr >= han:
        counts = {name: len(re.findall(letters, opening)) for name, letters in _LETTERS.items()}
        if _belarusian(counts):
            return "be"
        return "uk" if _ukrainian(counts) else "ru"
    if han + kana > lat and _japanese(han, kana):
        return "ja"
    return "zh" if han > lat else None
