"""Frame, attribution and stance lexicons: the bundled YAML, a user's file extending or replacing
it, a frame's terms per language, and the whole-word patterns the terms become.

Example:
    >>> from toolkit.frames import term_pattern
    >>> import re
    >>> pattern = term_pattern(["sanction*", "union state"])
    >>> bool(re.search(pattern, "New sanctions on the Union State"))
    True
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources
from pathlib import Path
from typing import Any

import polars as pl
import yaml

from toolkit.comparison import LANGUAGE_NAMES, Comparison
from toolkit.errors import DataError, ToolkitError
from toolkit.resources import UNSPACED, read_mapping
from toolkit.tokens import Tokens
from toolkit.word_tokens import terms_apart

__all__ = [
    "countable_frames",
    "except_pattern",
    "folded",
    "frame_exceptions",
    "frame_terms",
    "frames_for",
    "frames_note",
    "lexicon",
    "matches_none",
    "script_note",
    "term_pattern",
    "term_text",
    "unmatchable",
    "unmatched_note",
    "without_excluded",
]


@functools.lru_cache(maxsize=16)
def _bundled(name: str) -> dict[str, Any]:
    text = (resources.files("toolkit") / "lexicons" / f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def lexicon(name: str, *, extra: str | Path | None = None, mode: str = "extend") -> dict[str, Any]:
    """A bundled lexicon (``frames``, ``attribution``, ``stance``), extended by or replaced with
    the entries of a user's YAML file of the same shape."""
    base = dict(_bundled(name))
    if extra is None:
        return base
    user = read_mapping(Path(extra), what="lexicon file", error=DataError)
    if mode not in ("extend", "replace"):
        raise ToolkitError(f"lexicon mode must be 'extend' or 'replace', not {mode!r}")
    if name == "frames":
        _check_frames(user, Path(extra))
    return user if mode == "replace" else {**base, **user}


def _check_frames(frames: dict[str, Any], path: Path) -> None:
    """Each frame a mapping with ``terms``: a list, or a mapping of language to list; and
    ``except``, where given, a list of phrases."""
    for name, spec in frames.items():
        terms = spec.get("terms") if isinstance(spec, dict) else None
        lists = terms.values() if isinstance(terms, dict) else [terms]
        if not all(isinstance(t, list) for t in lists):
            raise DataError(
                f"{path}: frame {name!r} needs terms: a list of terms, or a mapping of language "
                "to a list (terms: {en: [sanction*], ru: [санкци*]})"
            )
        if not isinstance(spec.get("except", []), list):
            raise DataError(
                f"{path}: frame {name!r}: except must be a list of phrases in which its terms "
                "are not counted (except: [muslim brotherhood])"
            )


def _terms_in(spec: dict[str, Any], lang: str | None) -> list[str] | None:
    """A frame's terms for texts of ``lang``: its list (any language), or its list for that
    language; None when it has none for it. For texts of no known language (``lang`` None: no
    text's language was told), the terms of every language."""
    terms = spec["terms"]
    if isinstance(terms, dict) and lang is None:
        return list(dict.fromkeys(str(t) for words in terms.values() for t in words or ()))
    if isinstance(terms, dict):
        found = terms.get(lang)
        return None if found is None else [str(t) for t in found]
    return [str(t) for t in terms]


def frames_for(frames: dict[str, Any], compared: Comparison) -> tuple[dict[str, Any], list[str]]:
    """The frames a comparison can measure, with their terms per language compared
    (``terms_by_language``) and ``terms`` (all of them, as one list), and a note for each frame
    left out.

    Within one language a frame counts its list, or its terms for that language. Across
    languages only a frame with terms for every language compared is measured: a plain list
    holds one language's words, which the others' texts never match, so it would count every
    other-language document as not framed.

    Example:
        >>> frames = {"s": {"label": "Sanctions", "terms": {"en": ["sanction*"],
        ...                                                    "ru": ["санкци*"]}},
        ...           "w": {"label": "West", "terms": ["the west"]}}
        >>> c = Comparison(("en", "ru"), through="frame terms per language")
        >>> kept, notes = frames_for(frames, c)
        >>> kept["s"]["terms"], notes
        (['sanction*', 'санкци*'], ['West: no terms per language, left out across languages'])
    """
    kept, notes = {}, []
    for name, spec in frames.items():
        label = spec.get("label", name)
        if compared.across and not isinstance(spec["terms"], dict):
            notes.append(f"{label}: no terms per language, left out across languages")
            continue
        per = {lg: _terms_in(spec, lg) for lg in compared.languages or (None,)}
        missing = [lg for lg, t in per.items() if t is None]
        if missing:
            notes.append(f"{label}: no terms for {', '.join(missing)}, left out")
            continue
        every = list(dict.fromkeys(t for terms in per.values() for t in terms))
        kept[name] = {**spec, "terms": every, "terms_by_language": per}
    return kept, notes


def term_pattern(terms: list[str]) -> str:
    """One case-insensitive regex for whole-word terms and phrases; a ``*`` ending any word of
    one matches any ending of that word, so each word of an inflected phrase can take its case
    ("союзн* государств*" finds "Союзного государства").

    Example:
        >>> bool(re.search(term_pattern(["союзн* государств*"]), "в рамках Союзного государства"))
        True
    """
    parts = []
    for t in sorted({str(t).lower() for t in terms}, key=len, reverse=True):
        words = [_word_pattern(w) for w in t.split() if w.rstrip("*")]
        if words:
            # a word boundary where the term starts or ends with a letter ("U.S." ends in none)
            body = t.replace("*", "")
            start = r"\b" if _bounded(body[0]) else ""
            end = r"\b" if _bounded(body[-1]) or _open_ending(t) else ""
            parts.append(start + r"\s+".join(words) + end)
    return r"(?i)(?:" + "|".join(parts) + ")"


def _word_pattern(word: str) -> str:
    """One word of a term: as written, ``*`` any ending; a word of a script set without spaces
    with a space allowed between its characters, since the text it is matched in has its words
    set apart (:func:`term_text`) and jieba may cut a term ("联盟国家": 联盟, 国家)."""
    body = word.rstrip("*")
    if re.search(UNSPACED, body):
        return r"\s?".join(re.escape(c) for c in body)
    return re.escape(body) + (r"\w*" if _open_ending(word) else "")


def _bounded(char: str) -> bool:
    """Whether a term's edge ``char`` is a letter a word boundary can be found beside: in the
    text as :func:`term_text` gives it, Chinese words are set apart too."""
    return bool(re.match(r"\w", char))


def _open_ending(word: str) -> bool:
    """A word's ``*`` (any ending), where its script writes endings: on a Chinese word it is no
    ending but the next word, which the term already matches beside."""
    return word.endswith("*") and len(word) > 1 and not re.match(UNSPACED, word.rstrip("*")[-1])


# Characters that only say how the character before them is drawn: the text and emoji
# presentation selectors, the zero-width joiner of emoji sequences, the keycap mark. Rust's
# regular expressions (polars) read them as word characters, Python's do not: "❗️США" (a
# Telegram post's opening) held no word boundary before "США" for polars, so a term there was
# not counted where the keyword-in-context lines showed it.
PRESENTATION_MARKS = "[\ufe0e\ufe0f\u200d\u20e3]"


def term_text(text: pl.Expr) -> pl.Expr:
    """``text`` as polars matches :func:`term_pattern` in it: ``PRESENTATION_MARKS`` made
    spaces, so a term right after an emoji is a whole word, as Python's ``re`` finds it; and
    Chinese set apart where a term may begin or end (:func:`toolkit.word_tokens.terms_apart`:
    between characters, but not inside a name of a place or person), so "俄罗斯" (Russia) is
    not found in "白俄罗斯" (Belarus), while "价格" is in "价格上涨".

    Example:
        >>> frame = pl.DataFrame({"text": ["❗️США ввели санкции"]})
        >>> frame.select(term_text(pl.col("text")).str.contains(term_pattern(["сша"]))).item()
        True
    """
    spaced = text.str.replace_all(PRESENTATION_MARKS, " ")  # a space: "1️⃣Лукашенко" is 2 words
    return spaced.map_batches(terms_apart, return_dtype=pl.String)


def folded(pattern: str) -> str:
    """A term pattern (:func:`term_pattern`, :func:`except_pattern`,
    :func:`toolkit.tokens.exclude_pattern`: lowercased terms, case-insensitive) as it is
    matched in lowercased text: without its ``(?i)``, which keeps Rust's regular expressions
    (polars) from screening a text for the terms' letters before trying the pattern (22 words
    with word boundaries on 22 MB of articles: 0.47 s against 0.01 s, and 0.05 s to lowercase
    the text). A pattern that is not case-insensitive, or holds capitals (``\\S``, a letter),
    is returned as it is: in lowercased text it matches only if case-insensitive.

    Example:
        >>> folded(term_pattern(["minsk"]))
        '(?:\\\\bminsk\\\\b)'
    """
    rest = pattern.removeprefix("(?i)")
    return rest if rest == rest.lower() else pattern


def except_pattern(spec: dict[str, Any]) -> str | None:
    """The pattern of the phrases in which a frame's terms are not counted (its ``except``
    list, written as terms are), or None: "brother*" is kinship, "Muslim Brotherhood" is not.

    Example:
        >>> pattern = except_pattern({"terms": ["brother*"], "except": ["muslim brotherhood"]})
        >>> re.sub(pattern, " ", "The Muslim Brotherhood and our brotherly peoples")
        'The   and our brotherly peoples'
    """
    phrases = [str(p) for p in spec.get("except") or () if str(p).strip()]
    return term_pattern(phrases) if phrases else None


def frame_exceptions(frames: dict[str, Any]) -> dict[str, list[str]]:
    """Each frame's label and its ``except`` phrases, for the frames that have any (the
    evidence lines leave out the matches inside them, as the counts do)."""
    return {spec.get("label", name): [str(p) for p in spec["except"]]
            for name, spec in frames.items() if spec.get("except")}  # fmt: skip


# the scripts each language is written in; a language not named here is not judged
_LATIN = ("en", "de", "fr", "es", "it", "pl", "pt", "nl", "lt", "lv", "et", "cs", "tr")
_CYRILLIC = ("ru", "be", "uk", "bg", "sr", "mk", "kk", "ky")
_SCRIPTS: dict[str, frozenset[str]] = {
    **dict.fromkeys(_LATIN, frozenset({"Latin"})),
    **dict.fromkeys(_CYRILLIC, frozenset({"Cyrillic"})),
    "zh": frozenset({"Han"}),
    "ja": frozenset({"Han", "Hiragana", "Katakana"}),
    "ko": frozenset({"Hangul", "Han"}),
    "ar": frozenset({"Arabic"}),
    "el": frozenset({"Greek"}),
}
_SCRIPT_OF = {"LATIN": "Latin", "CYRILLIC": "Cyrillic", "CJK": "Han", "HIRAGANA": "Hiragana",
              "KATAKANA": "Katakana", "HANGUL": "Hangul", "ARABIC": "Arabic",
              "GREEK": "Greek"}  # fmt: skip
# a query a reader of each language could start from, for the sentence that asks for one
_EXAMPLE = {"ru": "беларус*, лукашенк*, минск", "be": "беларус*, лукашэнк*, мінск",
            "uk": "білорус*, лукашенк*, мінськ", "zh": "白俄罗斯, 卢卡申科, 明斯克"}  # fmt: skip


def _script(term: str) -> str | None:
    """The script of a term's letters (the first letter's), None when it has none."""
    for ch in str(term):
        if ch.isalpha():
            name = unicodedata.name(ch, "").split(" ")[0]
            return _SCRIPT_OF.get(name, name.title())
    return None


def unmatchable(terms: list[Any], languages: list[str] | tuple[str, ...]) -> list[str]:
    """The terms whose letters are of a script none of ``languages`` is written in (Latin terms
    against Russian or Chinese text, Cyrillic ones against English): those can match nothing
    in documents of those languages. A language whose script is not known judges no term.

    Example:
        >>> unmatchable(["belarus*", "минск", "NATO 2"], ["ru"])
        ['belarus*', 'NATO 2']
        >>> unmatchable(["belarus*", "минск"], ["en", "ru"])
        []
    """
    scripts = [_SCRIPTS.get(str(lg)) for lg in languages]
    if not scripts or any(s is None for s in scripts):
        return []
    written = set().union(*scripts)
    return [str(t) for t in terms if (sc := _script(str(t))) is not None and sc not in written]


def script_note(what: str, terms: list[Any], languages: list[str] | tuple[str, ...]) -> str | None:
    """A sentence saying which of ``what`` (``"the query's terms"``, ``"the keywords"``) cannot
    match the items compared, in ``languages``, for their script; None when all can.

    Example:
        >>> script_note("the query's terms", ["belarus*", "minsk"], ["ru"])[:76]
        "The query's terms (belarus*, minsk) are written in Latin letters and the ite"
    """
    cannot = unmatchable(terms, languages)
    if not cannot:
        return None
    names = [LANGUAGE_NAMES.get(str(lg), str(lg)) for lg in languages]
    items = " and ".join(names)
    scripts = sorted({_script(t) or "" for t in cannot})
    letters = " and ".join(f"{s} letters" if s in ("Latin", "Cyrillic", "Greek", "Arabic")
                           else f"{s} characters" for s in scripts)  # fmt: skip
    listed = ", ".join(cannot)
    if len(cannot) == len([t for t in terms if _script(str(t)) is not None]):
        example = _EXAMPLE.get(str(languages[0])) if len(languages) == 1 else None
        hint = f" (e.g. {example})" if example else ""
        return (f"{what[0].upper()}{what[1:]} ({listed}) are written in {letters} and the items "
                f"compared are {items}: none can match. Give them in {items}{hint}, or compare "
                "items in their language.")  # fmt: skip
    return (f"Of {what}, {listed} {'is' if len(cannot) == 1 else 'are'} written in {letters} and "
            f"cannot match the {items} items compared; the others are counted.")  # fmt: skip


_INFLECTED = ("ru", "be", "uk", "pl", "cs", "lt", "lv", "bg", "sr", "de")  # words take cases


def unmatched_note(found: dict[str, int], languages: list[str] | tuple[str, ...]) -> str | None:
    """A sentence naming the terms that matched nothing (``found``: lines per term), with a
    hint where the documents are in a language whose words change their endings: a term is
    matched as written, so "союзное государство" misses "Союзного государства"; None when every
    term matched.

    Example:
        >>> unmatched_note({"союзное государство": 0, "минск": 4}, ["ru"])[:66]
        'No line holds союзное государство. Terms are matched as written: i'
    """
    none = [t for t, n in sorted(found.items()) if not n]
    if not none:
        return None
    note = f"No line holds {', '.join(none)}."
    flexed = [LANGUAGE_NAMES.get(lg, lg) for lg in languages if lg in _INFLECTED]
    unstarred = [t for t in none if any(not w.endswith("*") for w in str(t).split())]
    if flexed and unstarred:
        example = " ".join(w if w.endswith("*") else f"{w[:max(3, len(w) - 2)]}*"
                           for w in str(unstarred[0]).split())  # fmt: skip
        note += (f" Terms are matched as written: in {' and '.join(flexed)}, whose words change"
                 " their endings, end each word with * to match all its forms (e.g. "
                 f"{example}).")  # fmt: skip
    return note


def matches_none(terms: list[Any], languages: list[str] | tuple[str, ...]) -> bool:
    """Whether no term with letters can match documents of ``languages`` for its script.

    Example:
        >>> matches_none(["belarus*", "minsk"], ["ru"]), matches_none(["minsk", "минск"], ["ru"])
        (True, False)
    """
    lettered = [t for t in terms if _script(str(t)) is not None]
    return bool(lettered) and len(unmatchable(lettered, languages)) == len(lettered)


def countable_frames(
    frames: dict[str, Any], languages: list[str] | tuple[str, ...]
) -> dict[str, Any]:
    """The frames whose terms can match documents of ``languages`` for their script: those
    :func:`frames_note` does not name. A frame that cannot be counted is left out of every
    test, not reported as "no change" (an English lexicon on Russian items).

    Example:
        >>> list(countable_frames({"s": {"terms": ["nato"]}, "r": {"terms": ["нато"]}}, ["ru"]))
        ['r']
    """
    return {name: spec for name, spec in frames.items()
            if not matches_none(_flat(spec["terms"]), languages)}  # fmt: skip


def frames_note(frames: dict[str, Any], languages: list[str] | tuple[str, ...]) -> str | None:
    """A sentence when the frames' terms cannot match documents of ``languages`` for their
    script (the bundled lexicon is English only), naming the frames; None when they can.

    Example:
        >>> frames_note({"s": {"label": "Security", "terms": ["nato"]}}, ["ru"])[:60]
        'No frame can be counted: the terms of every frame (Security)'
    """
    cannot = [spec.get("label", name) for name, spec in frames.items()
              if matches_none(_flat(spec["terms"]), languages)]  # fmt: skip
    if not cannot:
        return None
    items = " and ".join(LANGUAGE_NAMES.get(str(lg), str(lg)) for lg in languages)
    how = ("give a frames_file with each frame's terms per language, e.g. terms: {en: [sanction*], "
           "ru: [санкци*]}")  # fmt: skip
    if len(cannot) == len(frames):
        return (f"No frame can be counted: the terms of every frame ({', '.join(cannot)}) are "
                f"written in another script than the {items} items compared (the bundled "
                f"lexicon, toolkit/lexicons/frames.yaml, is English only). To count frames here, "
                f"{how}.")  # fmt: skip
    return (f"The terms of {', '.join(cannot)} are written in another script than the {items} "
            f"items compared and match nothing there; to count them, {how}.")  # fmt: skip


def frame_terms(
    frames: dict[str, Any],
    *,
    stop_words: list[str] | tuple[str, ...] = (),
    exclude_terms: list[str] | tuple[str, ...] = (),
) -> dict[str, list[str]]:
    """Each frame's label and the terms :func:`frame_rates` counts for it (without the user's
    stop words and excluded terms): what the evidence of a frame is searched for.

    Example:
        >>> frame_terms({"security": {"label": "Security", "terms": ["nato", "threat*"]}},
        ...             stop_words=["nato"])
        {'Security': ['threat*']}
    """
    tokens = Tokens.build(stop_words=stop_words, exclude_terms=exclude_terms)
    kept = without_excluded(frames, tokens)
    return {spec.get("label", name): _flat(spec["terms"]) for name, spec in
            kept.items()}  # fmt: skip


def _flat(terms: list[Any] | dict[str, list[Any]]) -> list[str]:
    """A frame's terms as one list (every language's, where they are given per language)."""
    lists = terms.values() if isinstance(terms, dict) else [terms]
    return list(dict.fromkeys(str(t) for terms_ in lists for t in terms_))


def without_excluded(frames: dict[str, Any], tokens: Tokens) -> dict[str, Any]:
    """The frames without the terms that are stop words or excluded."""

    def keep(terms: list[Any]) -> list[Any]:
        lowered = [str(t).lower() for t in terms]
        return [t for t, low in zip(terms, lowered, strict=True)
                if low not in tokens.stop and not tokens.is_excluded(low)]  # fmt: skip

    kept = {}
    for name, spec in frames.items():
        terms = spec["terms"]
        terms = {lg: keep(t) for lg, t in terms.items()} if isinstance(terms, dict) else keep(terms)
        kept[name] = {**spec, "terms": terms}
        if "terms_by_language" in spec:
            kept[name]["terms_by_language"] = {lg: keep(t) for lg, t in
                                               spec["terms_by_language"].items()}  # fmt: skip
    return kept
