"""Speakers that may be one person written two ways, proposed for ``speaker_aliases``.

Outlets spell one person differently: a middle initial ("Vladimir V. Putin" in the New York
Times, "Vladimir Putin" elsewhere), a transliteration ("Aleksandr" and "Alexander Lukashenko",
"Lukashenka"), accents ("Caïd Essebsi"). :func:`toolkit.quotes` keeps each form as written, so
they count as different speakers. This module finds forms that read as the same name and lists
them, most quoted form first, with the entry that would merge them in the parameters
(``rhetoric.speaker_aliases``). Nothing is merged here: two people can share a name's sound,
and only the researcher can say they are one.

Two person names (:func:`toolkit.speakers.is_person`, the first word two letters or more, so
"U Win Aung" is left out) are proposed as one when:

- **accents or punctuation**: they are the same once accents, case, full stops and hyphens are
  set aside ("Caid Essebsi" / "Caïd Essebsi");
- **middle name or initial**: the first and last words are the same and one has a middle word
  the other lacks, or an initial where the other has the word ("James Galbraith" / "James K.
  Galbraith", "Vladimir V. Putin" / "Vladimir Vladimirovich Putin"); two different middle
  initials are two people;
- **transliteration**: they have as many words, and each pair of words is the same, or has five
  letters or more in both, sounds the same (jellyfish's metaphone) and is one letter apart once
  the usual differences of transliteration are set aside (ks/x, kh/h, y/i, ou/u, ph/f, w/v,
  double letters): "Aleksandr" / "Alexander", "Mohammad" / "Mohamed", "Lukashenko" /
  "Lukashenka". Short words are left alone ("Tom" / "Tim", "Yi" / "Yu"), and so are words that
  only sound alike ("Horsey" / "Harris", "Green" / "Carney");
- **Russian, Ukrainian or Belarusian form**: as for transliteration, but a given name (not the
  last word) may be written in another language's form of it (``lexicons/name_forms.yaml``):
  "Vladimir Zelensky" / "Volodymyr Zelenskyy", "Aleksandr Lukashenko" / "Alyaksandr
  Lukashenka".

A form that would join two people ("Paul Ryan" beside "Paul D. Ryan" and "Paul S. Ryan") is left
out of every group: it could be either.

Example:
    >>> import polars as pl
    >>> found = pl.DataFrame({"speaker": ["Alexander Lukashenko"] * 3 + ["Aleksandr Lukashenko"]})
    >>> spelling_variants(found).select("forms", "why").row(0)
    ('Alexander Lukashenko (3); Aleksandr Lukashenko (1)', 'transliteration')
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from itertools import combinations

import jellyfish
import numpy as np
import polars as pl
import yaml
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from toolkit.speakers import folded, is_person, lexicon

__all__ = ["VARIANT_SCHEMA", "same_person", "spelling_variants"]

VARIANT_SCHEMA = {
    "speaker": pl.String,  # the form quoted most often (then the longest, then alphabetical)
    "forms": pl.String,  # every form with its attributions, most first
    "attributions": pl.Int64,  # of all the forms together
    "why": pl.String,  # the reasons that joined the forms
    "speaker_aliases": pl.String,  # the parameters' entry that would merge them
}

_MIN_SOUND_LETTERS = 5  # shorter words that sound alike are too often different names
_INITIAL = re.compile(r"^[^\W\d_]\.?$")
# spellings that transliterations of one name differ by, each mapped to one of them
_SPELLINGS = (("ks", "x"), ("kh", "h"), ("y", "i"), ("ou", "u"), ("ph", "f"), ("w", "v"))
_DOUBLED = re.compile(r"(.)\1+")


def _words(name: str) -> list[str]:
    """A name's words, a hyphened word split where its parts are names or a particle and a name
    ("Abdul-Fattah", "al-Ali", "Madikizela-Mandela"), not where it is one given name written
    in syllables ("Chi-kong", "Tung-kwok")."""
    words = []
    for word in name.split():
        parts = [p for p in word.split("-") if p]
        one_name = len(parts) > 1 and parts[0][:1].isupper() and not parts[1][:1].isupper()
        words += [word] if one_name else parts
    return words


def same_person(a: str, b: str) -> str | None:
    """Why two person names may be one person's (see the module), or None.

    Example:
        >>> same_person("James Galbraith", "James K. Galbraith")
        'middle name or initial'
        >>> same_person("Tom Miller", "Tim Miller") is None
        True
    """
    if folded(a).replace("-", " ").split() == folded(b).replace("-", " ").split():
        return "accents or punctuation"
    wa, wb = _words(a), _words(b)
    fa, fb = [folded(w) for w in wa], [folded(w) for w in wb]
    if fa[0] != fb[0] or fa[-1] != fb[-1]:
        return _sounds_alike(fa, fb)
    ma, mb = sorted((wa[1:-1], wb[1:-1]), key=len)
    if not ma and len(mb) == 1:
        return "middle name or initial"
    if len(ma) == len(mb) == 1:
        x, y = sorted((ma[0], mb[0]), key=len)
        if _INITIAL.match(x) and not _INITIAL.match(y) and folded(y).startswith(folded(x)):
            return "middle name or initial"
        return None
    return _sounds_alike(fa, fb)


def _sounds_alike(fa: list[str], fb: list[str]) -> str | None:
    if len(fa) != len(fb):
        return None
    forms = _name_forms()
    named = False  # a given name in two languages' forms (Vladimir / Volodymyr)
    for i, (x, y) in enumerate(zip(fa, fb, strict=True)):
        if x == y or (
            min(len(x), len(y)) >= _MIN_SOUND_LETTERS
            and jellyfish.metaphone(x) == jellyfish.metaphone(y)
            and jellyfish.levenshtein_distance(_spelled(x), _spelled(y)) <= 1
        ):
            continue
        if i < len(fa) - 1 and x in forms and forms.get(x) == forms.get(y):
            named = True
            continue
        return None
    return "Russian, Ukrainian or Belarusian form" if named else "transliteration"


@functools.lru_cache(maxsize=1)
def _name_forms() -> dict[str, int]:
    """Each form of a given name in ``lexicons/name_forms.yaml``, to its name's line."""
    from importlib import resources

    path = resources.files("toolkit") / "lexicons" / "name_forms.yaml"
    lines = yaml.safe_load(path.read_text(encoding="utf-8"))["forms"]
    return {form: i for i, line in enumerate(lines) for form in line}


def _spelled(word: str) -> str:
    """A folded word with the spellings transliterations differ by made one."""
    for a, b in _SPELLINGS:
        word = word.replace(a, b)
    return _DOUBLED.sub(r"\1", word)


def _two_people(a: str, b: str) -> bool:
    """Whether two names share first and last words but have different middles, neither the
    other's initial ("Paul D. Ryan" / "Paul S. Ryan")."""
    fa, fb = [folded(w) for w in _words(a)], [folded(w) for w in _words(b)]
    both_middles = len(fa) >= 3 and len(fb) >= 3
    return both_middles and fa[0] == fb[0] and fa[-1] == fb[-1] and same_person(a, b) is None


def spelling_variants(found: pl.DataFrame) -> pl.DataFrame:
    """Speakers of a quotes table (:func:`toolkit.quotes`) that may be one person written two
    or more ways: one row per group of forms, most quoted first (:data:`VARIANT_SCHEMA`).

    Args:
        found: a table with a ``speaker`` column, one row per attribution.
    """
    counts = found.drop_nulls("speaker").group_by("speaker").len()
    lex = lexicon()
    n = {
        s: c
        for s, c in zip(counts["speaker"], counts["len"], strict=True)
        if is_person(s, lex) and len(folded(_words(s)[0])) >= 2
    }
    # a pair is compared only within a block: the sound of the last word, which every rule
    # keeps (whole, or its last part where it has a hyphen: "Xiao-ping", "Tung-Kwok")
    blocks: dict[str, set[str]] = defaultdict(set)
    for name in n:
        last = folded(_words(name)[-1])
        for key in {last.replace("-", ""), last.split("-")[-1]}:
            blocks[jellyfish.metaphone(key)].add(name)
    pairs = {(a, b) for names in blocks.values() for a, b in combinations(sorted(names), 2)}
    why: dict[tuple[str, str], str] = {}
    apart: set[tuple[str, str]] = set()
    for a, b in sorted(pairs):
        if (reason := same_person(a, b)) is not None:
            why[(a, b)] = reason
        elif _two_people(a, b):
            apart.update({(a, b), (b, a)})
    joined: dict[str, set[str]] = defaultdict(set)
    for a, b in why:
        joined[a].add(b)
        joined[b].add(a)
    # a form joined to two people is either of them: it joins no group
    either = {x for x, ys in joined.items() if any((y, z) in apart for y in ys for z in ys)}
    why = {pair: r for pair, r in why.items() if not either.intersection(pair)}
    names = sorted(n)
    at = {name: i for i, name in enumerate(names)}
    edges = np.array([(at[a], at[b]) for a, b in why], dtype=np.int64).reshape(-1, 2)
    graph = coo_matrix((np.ones(len(edges)), (edges[:, 0], edges[:, 1])), (len(names),) * 2)
    labels = connected_components(graph, directed=False)[1]
    groups: dict[int, list[str]] = defaultdict(list)
    for name, label in zip(names, labels.tolist(), strict=True):
        groups[label].append(name)
    rows = []
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda s: (-n[s], -len(s), s))
        head, rest = members[0], members[1:]
        reasons = sorted({r for (a, b), r in why.items() if a in members and b in members})
        rows.append({
            "speaker": head,
            "forms": "; ".join(f"{s} ({n[s]})" for s in members),
            "attributions": sum(n[s] for s in members),
            "why": ", ".join(reasons),
            "speaker_aliases": yaml.safe_dump(
                {head: rest}, default_flow_style=True, allow_unicode=True, width=10**6
            ).strip()[1:-1],
        })  # fmt: skip
    table = pl.DataFrame(rows, schema=VARIANT_SCHEMA)
    return table.sort(["attributions", "speaker"], descending=[True, False])
